//! Validating JSON policies from anywhere with the engine the macro uses.

use iam_catalog::check::check_with;
use iam_catalog::{Code, PolicyKind, PolicyView};

use crate::json::{self, JsonLocation};

/// A finding on a JSON policy: code, severity, message, help, and where
/// ([`JsonLocation`]: JSON pointer, line and column in the text).
pub type Diagnostic = iam_catalog::Diagnostic<JsonLocation>;

/// Options of [`validate_with`]: codes to allow, codes to deny, the service a resource
/// policy belongs to. The engine's own options, [`iam_catalog::check::Options`].
///
/// ```
/// use iam_policy::{validate_with, Code, PolicyKind, ValidateOptions};
///
/// let repository_policy = r#"{"Version": "2012-10-17", "Statement": [{
///     "Effect": "Allow",
///     "Principal": {"Service": "lambda.amazonaws.com"},
///     "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]}]}"#;
/// let as_ecr = ValidateOptions::default().for_service("ecr");
/// assert!(validate_with(repository_policy, PolicyKind::Resource, &as_ecr).is_empty());
///
/// // Without the service, the statement lacks `Resource`.
/// let unnamed = validate_with(repository_policy, PolicyKind::Resource, &Default::default());
/// assert_eq!(unnamed[0].code, Code::MissingElement);
///
/// // An unknown prefix is reported at the document.
/// let typo = ValidateOptions::default().for_service("ecrr");
/// let found = validate_with(repository_policy, PolicyKind::Resource, &typo);
/// assert_eq!(found[0].code, Code::UnknownService);
/// assert_eq!(found[0].help.as_deref(), Some("did you mean `ecr`?"));
/// ```
pub use iam_catalog::check::Options as ValidateOptions;

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
    match json::read(text) {
        Ok(root) => validate_read(text, root, kind, options),
        Err(error) => {
            if options.allow.contains(&Code::InvalidJson) {
                return Vec::new();
            }
            vec![Diagnostic::new(Code::InvalidJson, error.loc, error.message)]
        }
    }
}

/// [`validate_with`] on `root`, the tree [`json::read`] gave for `text` (for a caller
/// that read the text already, to tell a policy from something else).
pub fn validate_read(
    text: &str,
    root: iam_catalog::Node<'_>,
    kind: PolicyKind,
    options: &ValidateOptions,
) -> Vec<Diagnostic> {
    let view = PolicyView::new(root);
    let found = check_with(&view, kind, options);
    let locations = json::Locations::of(text, &view.root, found.iter().map(|d| d.loc));
    found
        .into_iter()
        .map(|d| d.map_loc(|loc| locations.get(loc)))
        .collect()
}
