//! Renderers of `check`'s results.

pub mod human;
pub mod json;
pub mod sarif;
