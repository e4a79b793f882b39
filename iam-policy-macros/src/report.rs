//! Stage 4: the engine's findings as compile errors and warnings.
//!
//! Each finding is reported at its location with this text:
//!
//! ```text
//! <message> [<code>]
//! help: <help>
//! ```
//!
//! The code in brackets is the name to write in `#[allow(...)]`. The help line is present
//! when the finding has one; further lines of a multi-line help are indented to align
//! under its first line. rustc prints the second and later lines as an indented
//! continuation of the message.
//!
//! Errors become one [`syn::Error`] joined with [`syn::Error::combine`], in the engine's
//! (source) order. Warnings cannot be emitted by a proc macro on stable, so each becomes a
//! call, spanned at the finding, to a local `#[deprecated(note = "...")]` function named
//! after the code (the technique of sqlx's `warn_on_ambiguous_inferred_date_time_crate`):
//! rustc prints, at the string:
//!
//! ```text
//! warning: use of deprecated function `main::condition_key_not_applicable`: <message> [<code>]
//!          help: <help>
//! ```
//!
//! (the path is that of the enclosing item). Such a warning obeys `#[allow(deprecated)]` and `-D warnings` like any other.

use iam_catalog::{Diagnostic, Severity};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote_spanned;

/// The findings of one `policy!`, ready to emit.
pub struct Report {
    /// Every error finding, combined; `None` when the policy has none.
    pub errors: Option<syn::Error>,
    /// One block per warning finding, each calling a local deprecated function.
    pub warnings: TokenStream,
}

/// Turns findings into errors and warning tokens, keeping their order.
pub fn report(findings: &[Diagnostic<Span>]) -> Report {
    let mut errors: Option<syn::Error> = None;
    let mut warnings = TokenStream::new();
    for finding in findings {
        match finding.severity {
            Severity::Error => {
                let error = syn::Error::new(finding.loc, text(finding));
                match &mut errors {
                    Some(all) => all.combine(error),
                    None => errors = Some(error),
                }
            }
            Severity::Warning => warnings.extend(warning(finding)),
        }
    }
    Report { errors, warnings }
}

/// The text of a finding: `<message> [<code>]`, then its help (see [`with_help`]).
pub fn text<L>(finding: &Diagnostic<L>) -> String {
    let text = format!("{} [{}]", finding.message, finding.code.name());
    match &finding.help {
        Some(help) => with_help(&text, help),
        None => text,
    }
}

/// `message`, then `help: <help>` on the next line (the help's own lines indented under
/// its first): how every error and warning of the macros carries its help, since rustc
/// shows a proc macro's message as given.
pub fn with_help(message: &str, help: &str) -> String {
    format!("{message}\nhelp: {}", help.replace('\n', "\n      "))
}

/// `message` with `did you mean `best`?` as its help when there is a suggestion.
pub fn did_you_mean(message: String, best: Option<&str>) -> String {
    match best {
        Some(best) => with_help(&message, &format!("did you mean `{best}`?")),
        None => message,
    }
}

/// `{ #[deprecated(note = "...")] const fn code_name() {} code_name(); }` at the finding.
///
/// The function is `const` so that `policy!` still works in a `const` or `static`
/// initializer, and it comes first in its own block so that two warnings of one code do
/// not clash and clippy's `items_after_statements` stays quiet.
fn warning(finding: &Diagnostic<Span>) -> TokenStream {
    warning_at(finding.loc, finding.code.name(), &text(finding))
}

/// A warning `note` at `span`, through a deprecated function named after `name`.
pub fn warning_at(span: Span, name: &str, note: &str) -> TokenStream {
    let name = Ident::new(&function_name(name), span);
    quote_spanned! {span=>
        {
            #[deprecated(note = #note)]
            const fn #name() {}
            #name();
        }
    }
}

/// A code name as a Rust identifier: `resource-mismatch` → `resource_mismatch`. Anything
/// but ASCII letters and digits becomes `_`, so the result is always a valid identifier.
fn function_name(code: &str) -> String {
    let mut name: String = code
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        name.insert_str(0, "finding_");
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;
    use iam_catalog::Code;

    fn at(span: Span) -> String {
        span.source_text().unwrap_or_default()
    }

    /// Three spans with distinct source text.
    fn spans() -> [Span; 3] {
        let tokens: Vec<_> = "\"s3:GetObjekt\" \"aws:Foo\" \"arn:x\""
            .parse::<TokenStream>()
            .expect("lexes")
            .into_iter()
            .map(|t| t.span())
            .collect();
        [tokens[0], tokens[1], tokens[2]]
    }

    #[test]
    fn text_has_code_and_help() {
        let [span, ..] = spans();
        let plain = Diagnostic::new(Code::InvalidArn, span, "`x` is not an ARN");
        assert_eq!(text(&plain), "`x` is not an ARN [invalid-arn]");
        let helped = Diagnostic::new(
            Code::UnknownAction,
            span,
            "unknown action `GetObjekt` in service `s3`",
        )
        .with_help("did you mean `s3:GetObject`?");
        assert_eq!(
            text(&helped),
            "unknown action `GetObjekt` in service `s3` [unknown-action]\nhelp: did you mean `s3:GetObject`?"
        );
        let long =
            Diagnostic::new(Code::ResourceMismatch, span, "m").with_help("formats:\narn:a\narn:b");
        assert_eq!(
            text(&long),
            "m [resource-mismatch]\nhelp: formats:\n      arn:a\n      arn:b"
        );
    }

    #[test]
    fn errors_are_combined_in_order_and_warnings_become_deprecations() {
        let [first, second, third] = spans();
        let findings = [
            Diagnostic::new(Code::UnknownAction, first, "one"),
            Diagnostic::new(Code::ConditionKeyNotApplicable, second, "two").with_help("h"),
            Diagnostic::new(Code::InvalidArn, third, "three"),
        ];
        let Report { errors, warnings } = report(&findings);
        let errors: Vec<(String, String)> = errors
            .expect("errors")
            .into_iter()
            .map(|e| (e.to_string(), at(e.span())))
            .collect();
        assert_eq!(
            errors,
            [
                (
                    "one [unknown-action]".to_owned(),
                    "\"s3:GetObjekt\"".to_owned()
                ),
                ("three [invalid-arn]".to_owned(), "\"arn:x\"".to_owned()),
            ]
        );
        let expected = quote::quote! {
            {
                #[deprecated(note = "two [condition-key-not-applicable]\nhelp: h")]
                const fn condition_key_not_applicable() {}
                condition_key_not_applicable();
            }
        };
        assert_eq!(warnings.to_string(), expected.to_string());
        let call = warnings.into_iter().next().expect("a block");
        assert_eq!(at(call.span()), "\"aws:Foo\"");
    }

    #[test]
    fn no_findings_no_output() {
        let Report { errors, warnings } = report(&[]);
        assert!(errors.is_none());
        assert!(warnings.is_empty());
        let [span, ..] = spans();
        let only_warning = report(&[Diagnostic::new(Code::MissingVersion, span, "w")]);
        assert!(only_warning.errors.is_none());
        assert!(!only_warning.warnings.is_empty());
    }

    #[test]
    fn function_names_are_identifiers() {
        for &code in Code::ALL {
            let name = function_name(code.name());
            assert_eq!(name, code.name().replace('-', "_"));
            let _ = Ident::new(&name, Span::call_site());
        }
        assert_eq!(function_name("9-lives"), "finding_9_lives");
        assert_eq!(function_name("a.b c"), "a_b_c");
        assert_eq!(function_name(""), "finding_");
    }
}
