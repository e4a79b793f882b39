//! (being written)
use super::{Ctx, Policy, Statement};
/// Checks the statement's actions.
pub fn check_actions<'a, L: Clone>(
    _ctx: &mut Ctx<'a, L>,
    _policy: &Policy<'a, L>,
    _statement: &Statement<'a, L>,
) {
}
