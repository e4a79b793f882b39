//! (being written)
use super::{Ctx, Policy, Statement};
/// Checks the statement's resources.
pub fn check_resources<'a, L: Clone>(
    _ctx: &mut Ctx<'a, L>,
    _policy: &Policy<'a, L>,
    _statement: &Statement<'a, L>,
) {
}
