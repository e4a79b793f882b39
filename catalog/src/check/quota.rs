//! (being written)
use super::Ctx;
use crate::Node;
/// Checks the size quota.
pub fn check_quota<'a, L: Clone>(_ctx: &mut Ctx<'a, L>, _root: &'a Node<L>) {}
