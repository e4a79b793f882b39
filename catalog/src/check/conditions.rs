//! (being written)
use super::{Ctx, Policy, Statement};
/// Checks the statement's conditions.
pub fn check_conditions<'a, L: Clone>(
    _ctx: &mut Ctx<'a, L>,
    _policy: &Policy<'a, L>,
    _statement: &Statement<'a, L>,
) {
}
