//! The procedural macro behind `iam_policy::policy!`. Use it through the `iam-policy`
//! crate, whose `policy!` documents the syntax; this crate's API is not stable on its own.
//!
//! `policy!` is a `macro_rules!` in `iam-policy` that forwards its own path:
//!
//! ```text
//! policy!(trust { ... })  =>  iam_policy::__private::policy_impl!{ $crate, trust { ... } }
//! ```
//!
//! The expansion runs one pipeline: `parse` (the JSON token grammar, keeping every string
//! literal's span), `lower` (the engine's `PolicyView<Span>`, judging nothing),
//! `iam_catalog::check` (every rule, once), `report` (each finding as a compile error, or
//! as a deprecation warning, at its string) and `expand` (the minified JSON as a
//! `Policy`), with `fallback` ending a failed expansion in a placeholder value so that no
//! secondary errors follow.
//!
//! A finding reads `<message> [<code>]`, with `help: <help>` on a second line when there
//! is help; `<code>` is what `#[allow(...)]` takes.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod expand;
mod fallback;
mod lower;
mod parse;
mod report;

use proc_macro::TokenStream;
use syn::parse_macro_input;

/// Checks an IAM policy written as JSON tokens and expands to an `iam_policy::Policy`.
///
/// Input: `CRATE_PATH, #![allow(code, ...)]* KIND? { json... }`. Called by
/// `iam_policy::policy!`, which documents the syntax.
#[proc_macro]
pub fn policy_impl(input: TokenStream) -> TokenStream {
    expand::policy(parse_macro_input!(input as parse::PolicyInput)).into()
}
