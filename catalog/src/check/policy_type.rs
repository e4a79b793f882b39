//! (being written)
use super::{Ctx, Policy, Statement};
/// Checks a statement against the policy type.
pub fn check_statement<'a, L: Clone>(
    _ctx: &mut Ctx<'a, L>,
    _policy: &Policy<'a, L>,
    _statement: &Statement<'a, L>,
) {
}
/// Checks the whole policy against the policy type.
pub fn check_policy<'a, L: Clone>(_ctx: &mut Ctx<'a, L>, _policy: &Policy<'a, L>) {}
