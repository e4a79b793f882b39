#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod expand;
mod fallback;
mod generate;
mod lower;
mod parse;
mod report;

use proc_macro::TokenStream;
use syn::parse_macro_input;

/// Checks an IAM policy written as JSON tokens and expands to an `iam_policy::Policy`.
///
/// Input: `CRATE_PATH, #![allow(code, ...)]* #![deny(code, ...)]* KIND? { json... }`. Called by
/// `iam_policy::policy!`, which documents the syntax.
#[proc_macro]
pub fn policy_impl(input: TokenStream) -> TokenStream {
    expand::policy(parse_macro_input!(input as parse::PolicyInput)).into()
}

/// Generates the least-privilege policy a template (JSON tokens, `{var}` in ARNs) asks
/// for and expands to an `iam_policy::Generated`.
///
/// Input: `CRATE_PATH, KIND? { template... }`. Called by `iam_policy::generate!`, which
/// documents the template.
#[proc_macro]
pub fn generate_impl(input: TokenStream) -> TokenStream {
    generate::generate(parse_macro_input!(input as parse::PolicyInput)).into()
}
