#![doc = include_str!("../README.md")]
//!
//! ## Finding codes
//!
//! The engine's findings each carry a stable [`Code`]; its documentation lists every code
//! with its severity and a one-line summary, and each variant documents what it checks,
//! why, an example and the fix.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod arn;
pub mod capability;
pub mod check;
mod data;
mod diagnostic;
pub mod generate;
pub mod global_keys;
pub mod grants;
mod keys;
mod kind;
pub mod model;
pub mod pattern;
pub mod query;
pub mod suggest;
pub mod value;
pub mod view;
pub mod wildcard;

pub use capability::{Capability, CapabilityRow, Support};
pub use check::check;
pub use check::structure::Effect;
pub use diagnostic::{Code, Diagnostic, Severity};
pub use kind::{PRINCIPAL_KINDS, PolicyKind};
pub use model::{
    AccessLevel, Action, ActionResource, ConditionKey, ConditionType, DATA_DATE, ResourceType,
    Service, action, service, services,
};
pub use view::{Loc, Member, Node, NodeKind, PolicyView, Segment, Text};
