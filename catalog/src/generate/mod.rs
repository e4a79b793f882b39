//! Least-privilege policies from intent: "read and list these buckets, write to this
//! queue" becomes the smallest identity policy that does it, already checked.
//!
//! [`generate`] takes a template — `policy_sentry`'s model, read from any JSON tree
//! ([`Node`]): the macro's tokens, a JSON or YAML file, a run-time builder — and returns
//! one or more policy documents as [`PolicyView`]s whose every node carries the location
//! of the template text it came from, so a finding of [`crate::check()`] on the result
//! lands on the template.
//!
//! # How an ARN becomes statements
//!
//! - An ARN selects every resource type whose ARN format it fits, by the engine's one
//!   fitting rule ([`crate::query::fits`]): placeholders match any non-empty run (paths
//!   included: `repository/foo/bar`, `role/path/name`), except S3 bucket names, which
//!   hold no `/` — so `arn:aws:s3:::b` is a bucket and `arn:aws:s3:::b/*` an object. An
//!   inserted value (`{bucket}`) counts as one name — non-empty text without `/` or `:`
//!   inside its field — so the fixed parts select the types (`arn:aws:s3:::{bucket}` is a
//!   bucket); the output keeps the hole for the front end to fill, escaped.
//! - The types of the service the ARN names come first: when some fit, other services'
//!   types that share the format (`ssm:SendCommand`'s output bucket, AWS Backup's
//!   recovery points of an RDS database) are left out; a `grants` entry naming the
//!   service asks for them.
//! - Each access level grants the actions of that level that take a selected resource
//!   type (required or not, as the Service Authorization Reference lists them).
//! - An ARN that fits no resource type of any service is an error whose help lists the
//!   closest ARN formats; an ARN that fits but gets no action at its level is a warning
//!   note (an error when nothing else is granted). A template that grants nothing is an
//!   error: never an empty policy.
//! - Dependent actions are noted, not added: each acts on a resource of its own (the role
//!   passed, the key used) that the template does not name, so adding it on the
//!   template's ARN grants nothing and adding it on `"*"` widens.
//! - Access levels are the Service Authorization Reference's, as the catalog holds them;
//!   `policy_sentry`'s overrides (every IAM write action as "Permissions management") are
//!   not applied, so `write` on a role grants `iam:UpdateRole`.
//!
//! # Output
//!
//! Statements are grouped by service × access level × resource type (× condition), with
//! Sids `{Service}{Level}{ResourceType}` in Pascal case (`S3ReadObject`,
//! `SqsWriteQueue`; `policy_sentry`'s scheme), `Condition{n}` appended for the n-th
//! conditioned entry; wildcard-only actions go to one `"Resource": "*"` statement
//! (`WildcardOnly`), `skip-resource-constraints` to `SkipResourceConstraints`, `sts` to
//! `AssumeRole`, `AssumeRoleWithSaml`, `AssumeRoleWithWebIdentity`. Actions are sorted;
//! resources keep template order. Dependent actions the result lacks are notes.
//!
//! When the document exceeds the policy type's size quota ([`crate::check::quota`]) it
//! is split into several documents (a statement too large alone into `...Part1`,
//! `...Part2`), never widened. With `minimize`, action lists are first shortened to
//! `Prefix*` patterns that match exactly the requested actions in today's catalog, with
//! a warning note per pattern: a wildcard also grants the actions AWS adds later.

mod build;
mod select;
pub mod template;

use crate::check::Options as CheckOptions;
use crate::view::{Loc, Node, PolicyView};
use crate::{PolicyKind, Severity};

pub use template::{LEVELS, STS_KEYS};

/// Options of a generation beyond the template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// The policy type, which decides the size quota: `identity` (a customer managed
    /// policy, 6,144 characters), `boundary` or `session` (2,048 characters).
    pub kind: PolicyKind,
    /// Shorten action lists with `Prefix*` patterns (the template's `minimize: true`
    /// does the same).
    pub minimize: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            kind: PolicyKind::Identity,
            minimize: false,
        }
    }
}

impl Options {
    /// Options for a policy of type `kind`.
    pub fn new(kind: PolicyKind) -> Self {
        Options {
            kind,
            minimize: false,
        }
    }

    /// The same options with `minimize` set.
    #[must_use]
    pub fn minimize(mut self, minimize: bool) -> Self {
        self.minimize = minimize;
        self
    }
}

/// Why a template cannot be generated, at the template value at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error<L = Loc> {
    /// Where: the template string or key at fault.
    pub loc: L,
    /// What is wrong: lowercase, no final period, user text in backticks.
    pub message: String,
    /// How to fix it (the closest ARN formats, did you mean).
    pub help: Option<String>,
}

impl<L> Error<L> {
    /// The same error located by `f` (how a front end turns [`Loc`]s into its own
    /// locations).
    pub fn map_loc<M>(self, f: impl FnOnce(L) -> M) -> Error<M> {
        Error {
            loc: f(self.loc),
            message: self.message,
            help: self.help,
        }
    }
}

/// Something the author should know about a generated policy.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Note {
    /// Where in the template it comes from.
    pub loc: Loc,
    /// `Warning` for what may grant more or less than meant (a `minimize` wildcard, an ARN
    /// that got no action), otherwise informational (dependent actions).
    pub severity: Option<Severity>,
    /// The note.
    pub message: String,
}

/// The generated policy: one document, or several when one would exceed the quota.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Generated {
    /// The documents, in order; each passes [`crate::check()`] with no finding.
    pub policies: Vec<PolicyView<'static>>,
    /// Notes: dependent actions not granted, wildcards of `minimize`, check warnings.
    pub notes: Vec<Note>,
}

/// Generates the least-privilege policy a template asks for (see the [module
/// docs](self)). Every error of the template comes back at once.
///
/// # Errors
///
/// The template's mistakes, each at its value: an unknown key, action, service or access
/// level (with did-you-mean), an ARN that fits no resource type (with the closest
/// formats), a `single-actions` entry that takes resource types, a policy type other
/// than `identity`, `boundary` or `session`, a template that grants nothing, and any
/// error [`crate::check()`] finds in the result (an invalid condition, for one).
pub fn generate(template: &Node, options: &Options) -> Result<Generated, Vec<Error>> {
    if !matches!(
        options.kind,
        PolicyKind::Identity | PolicyKind::Boundary | PolicyKind::Session
    ) {
        return Err(vec![Error {
            loc: template.loc,
            message: format!(
                "`generate` writes identity-based policies; `{}` is not one",
                options.kind
            ),
            help: Some("use `identity`, `boundary` or `session`".to_owned()),
        }]);
    }
    let (template, mut errors) = template::read(template);
    let Some(template) = template else {
        return Err(errors);
    };
    let selection = match select::select(&template, !errors.is_empty()) {
        Ok(selection) if errors.is_empty() => selection,
        Ok(_) => return Err(errors),
        Err(more) => {
            errors.extend(more);
            return Err(errors);
        }
    };
    let minimize = options.minimize || template.minimize;
    let built = build::build(&template, selection, options.kind, minimize)?;
    let mut notes = built.notes;
    for view in &built.policies {
        for finding in crate::check::check_with(view, options.kind, &CheckOptions::default()) {
            if finding.is_error() {
                errors.push(Error {
                    loc: finding.loc,
                    message: finding.message,
                    help: finding.help,
                });
            } else {
                notes.push(Note {
                    loc: finding.loc,
                    severity: Some(Severity::Warning),
                    message: format!("{} [{}]", finding.message, finding.code),
                });
            }
        }
    }
    if errors.is_empty() {
        Ok(Generated {
            policies: built.policies,
            notes,
        })
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests;
