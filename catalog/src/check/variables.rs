//! (being written)
use super::{Ctx, Policy};
/// Checks policy variables.
pub fn check_variables<'a, L: Clone>(_ctx: &mut Ctx<'a, L>, _policy: &Policy<'a, L>) {}
