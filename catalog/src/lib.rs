//! The AWS IAM capability catalog and the engine that checks IAM policies against it.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod check;
mod diagnostic;
mod kind;
pub mod view;

pub use check::check;
pub use diagnostic::{Code, Diagnostic, Severity};
pub use kind::PolicyKind;
pub use view::{Member, Node, NodeKind, PolicyView, Segment, Text};
