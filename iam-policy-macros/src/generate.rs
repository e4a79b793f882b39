//! `generate!`: a template written as JSON tokens becomes the least-privilege policy at
//! compile time.
//!
//! The stages are `policy!`'s: the template is parsed ([`crate::parse`]) and lowered
//! ([`crate::lower`]) as a policy body is, `{var}`s becoming holes; the engine's
//! generator (`iam_catalog::generate`) writes the documents, holes kept in their ARNs and
//! every node located at the template string it came from; each document expands
//! through [`crate::expand::value`], so an inserted value is written by its place exactly
//! as `policy!` writes it. Template errors land on the string at fault; warnings
//! (a `minimize` wildcard, an entry that grants nothing, a check warning) become
//! deprecation warnings there.

use iam_catalog::generate::{self, Options};
use iam_catalog::{PolicyView, Severity};
use proc_macro2::{Span, TokenStream};
use quote::quote;

use crate::lower::{self, Lowered};
use crate::parse::PolicyInput;
use crate::{expand, report};

/// The whole pipeline of `generate!`.
pub fn generate(input: PolicyInput) -> TokenStream {
    let PolicyInput { krate, document } = input;
    let Some(krate) = krate else {
        let error = syn::Error::new(
            Span::call_site(),
            "`generate_impl!` expects `CRATE_PATH, KIND? { ... }`: use the `generate!` macro of `iam_policy`",
        );
        return error.to_compile_error();
    };
    let document = match document {
        Ok(document) => document,
        Err(errors) => return fallback(&krate, &errors, &TokenStream::new()),
    };
    let lowered = lower::lower(&document);
    let options = Options::new(document.kind);
    let generated = match generate::generate(&lowered.view.root, &options) {
        Ok(generated) => generated,
        Err(errors) => {
            let mut all: Option<syn::Error> = None;
            for error in errors {
                let text = match &error.help {
                    Some(help) => report::with_help(&error.message, help),
                    None => error.message,
                };
                let error = syn::Error::new(lowered.span(error.loc), text);
                match &mut all {
                    Some(all) => all.combine(error),
                    None => all = Some(error),
                }
            }
            let all = all.unwrap_or_else(|| {
                syn::Error::new(Span::call_site(), "the template grants nothing")
            });
            return fallback(&krate, &all, &TokenStream::new());
        }
    };
    let mut warnings = TokenStream::new();
    let mut notes = Vec::new();
    for note in &generated.notes {
        if note.severity == Some(Severity::Warning) {
            warnings.extend(report::warning_at(
                lowered.span(note.loc),
                "generate",
                &note.message,
            ));
            notes.push(format!("warning: {}", note.message));
        } else {
            notes.push(format!("note: {}", note.message));
        }
    }
    let mut policies = Vec::new();
    for view in generated.policies {
        let one = Lowered {
            view: PolicyView::new(view.root),
            inserts: lowered.inserts.clone(),
            values: lowered.values.clone(),
            spans: lowered.spans.clone(),
        };
        match expand::value(&krate, document.kind, &one) {
            Ok(value) => policies.push(value),
            Err(error) => return fallback(&krate, &error, &warnings),
        }
    }
    quote! {
        {
            #warnings
            #krate::__private::generated(
                ::std::vec::Vec::from([#(#policies),*]),
                &[#(#notes),*],
            )
        }
    }
}

/// The errors, the warnings, and an empty result so that no secondary errors follow.
fn fallback(krate: &TokenStream, errors: &syn::Error, warnings: &TokenStream) -> TokenStream {
    let errors = errors.to_compile_error();
    quote! {
        {
            #errors
            #warnings
            #krate::__private::generated_placeholder()
        }
    }
}
