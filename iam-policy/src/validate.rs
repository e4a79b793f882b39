//! Validating JSON policies from anywhere with the engine the macro uses.

use iam_catalog::check::{Options, check_with};
use iam_catalog::{Code, PolicyKind, PolicyView};

use crate::json::{self, JsonLocation};

/// A finding on a JSON policy: code, severity, message, help, and where
/// ([`JsonLocation`]: JSON pointer, line and column in the text).
pub type Diagnostic = iam_catalog::Diagnostic<JsonLocation>;

/// Options of [`validate_with`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ValidateOptions {
    /// Codes to drop from the result.
    pub allow: Vec<Code>,
    /// Codes whose findings are errors, whatever their severity (e.g. the security
    /// warnings).
    pub deny: Vec<Code>,
}

impl ValidateOptions {
    /// Options that allow `codes`.
    pub fn allowing(codes: impl IntoIterator<Item = Code>) -> Self {
        Self {
            allow: codes.into_iter().collect(),
            deny: Vec::new(),
        }
    }

    /// The same options, with `codes` denied: their findings become errors.
    #[must_use]
    pub fn denying(mut self, codes: impl IntoIterator<Item = Code>) -> Self {
        self.deny.extend(codes);
        self
    }
}

/// Checks a JSON policy of type `kind` and returns every finding, in source order. Text
/// that is not JSON gives one `invalid-json` finding at the first error.
///
/// ```
/// use iam_policy::{validate, Code, PolicyKind};
///
/// let findings = validate(
///     r#"{"Version": "2012-10-17",
///         "Statement": [{"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*"}]}"#,
///     PolicyKind::Identity,
/// );
/// assert_eq!(findings.len(), 1);
/// assert_eq!(findings[0].code, Code::UnknownAction);
/// assert_eq!(findings[0].loc.pointer, "/Statement/0/Action");
/// assert_eq!((findings[0].loc.line, findings[0].loc.column), (2, 53));
/// assert_eq!(findings[0].help.as_deref(), Some("did you mean `s3:GetObject`?"));
/// ```
pub fn validate(text: &str, kind: PolicyKind) -> Vec<Diagnostic> {
    validate_with(text, kind, &ValidateOptions::default())
}

/// [`validate`] with options.
pub fn validate_with(text: &str, kind: PolicyKind, options: &ValidateOptions) -> Vec<Diagnostic> {
    match json::parse(text) {
        Ok(root) => check_with(
            &PolicyView::new(root),
            kind,
            &Options {
                allow: options.allow.clone(),
                deny: options.deny.clone(),
            },
        ),
        Err(error) => {
            if options.allow.contains(&Code::InvalidJson) {
                return Vec::new();
            }
            vec![Diagnostic::new(Code::InvalidJson, error.loc, error.message)]
        }
    }
}
