//! The listing format of the corpus acceptance tests, and the comparison of a run with it.
//!
//! Every error the engine raises on a corpus is listed in a tab-separated file, one line per
//! error: `code`, policy file name (relative to the corpus folder), JSON pointer, and why. A
//! corpus has two such files: its real defects, and the errors that are not shown to be
//! defects (false positives of the engine or the catalog), each reason starting with its
//! cause tag. A run fails when an error appears that neither file lists, and when a listed
//! error disappears; its message gives the lines to add or remove.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test helper fails by panicking"
)]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use iam_policy::{Code, Diagnostic, Severity};

/// An error: code, policy file name, JSON pointer.
pub type Key = (String, String, String);

/// A list of errors with their reasons, and the file it was read from.
pub struct List {
    /// The file, relative to the workspace root.
    pub file: &'static str,
    /// Each listed error with its reason.
    pub items: BTreeMap<Key, String>,
}

impl List {
    /// Reads `file` (relative to the workspace root) after checking its form: four
    /// tab-separated fields, an error code, a `.json` file name, a JSON pointer, a reason of
    /// at least 20 characters that starts with one of `tags` (when `tags` is not empty), no
    /// line twice.
    pub fn read(file: &'static str, tags: &[&str]) -> List {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let mut items = BTreeMap::new();
        for (index, line) in text.lines().enumerate() {
            let n = index + 1;
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(
                fields.len(),
                4,
                "{file}:{n}: want code, policy, pointer, reason separated by tabs: {line}"
            );
            let (code, policy, pointer, reason) = (fields[0], fields[1], fields[2], fields[3]);
            let parsed = Code::from_name(code)
                .unwrap_or_else(|| panic!("{file}:{n}: unknown code `{code}`"));
            assert_eq!(
                parsed.severity(),
                Severity::Error,
                "{file}:{n}: `{code}` is a warning; only errors are listed"
            );
            assert!(
                Path::new(policy)
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("json")),
                "{file}:{n}: `{policy}` is not a policy file name"
            );
            assert!(
                pointer.is_empty() || pointer.starts_with('/'),
                "{file}:{n}: `{pointer}` is not a JSON pointer"
            );
            assert!(
                reason.trim().len() >= 20,
                "{file}:{n}: say why (a defect of the policy, or the engine's mistake)"
            );
            assert!(
                tags.is_empty() || tags.iter().any(|tag| reason.starts_with(tag)),
                "{file}:{n}: the reason starts with one of {tags:?}"
            );
            let previous = items.insert(
                (code.to_owned(), policy.to_owned(), pointer.to_owned()),
                reason.to_owned(),
            );
            assert!(previous.is_none(), "{file}:{n}: listed twice");
        }
        List { file, items }
    }

    /// How many reasons start with each of `tags`.
    pub fn count_tags<'t>(&self, tags: &[&'t str]) -> BTreeMap<&'t str, usize> {
        let mut out = BTreeMap::new();
        for reason in self.items.values() {
            if let Some(tag) = tags.iter().find(|t| reason.starts_with(**t)) {
                *out.entry(tag.trim()).or_default() += 1;
            }
        }
        out
    }
}

/// Panics when an error is listed in both `real` and `disputed`.
pub fn assert_disjoint(real: &List, disputed: &List) {
    let both: Vec<&Key> = real
        .items
        .keys()
        .filter(|k| disputed.items.contains_key(*k))
        .collect();
    assert!(
        both.is_empty(),
        "listed in {} and in {}: {both:?}",
        real.file,
        disputed.file
    );
}

/// What a run over a corpus found.
#[derive(Default)]
pub struct Tally {
    /// Policies checked.
    pub policies: usize,
    /// Policies with no finding at all.
    pub without_findings: usize,
    /// Policies with no error.
    pub without_errors: usize,
    /// Findings per severity and code.
    pub by_code: BTreeMap<(Severity, Code), usize>,
    /// Every error, with the engine's message.
    pub errors: BTreeMap<Key, String>,
}

impl Tally {
    /// Counts the findings of the policy named `policy`.
    pub fn add(&mut self, policy: &str, found: &[Diagnostic]) {
        self.policies += 1;
        self.without_findings += usize::from(found.is_empty());
        self.without_errors += usize::from(!found.iter().any(Diagnostic::is_error));
        for d in found {
            *self.by_code.entry((d.severity, d.code)).or_default() += 1;
            if d.is_error() {
                self.errors.insert(
                    (
                        d.code.name().to_owned(),
                        policy.to_owned(),
                        d.loc.pointer.clone(),
                    ),
                    d.message.clone(),
                );
            }
        }
    }

    /// The per-code summary, titled `title`.
    pub fn summary(&self, title: &str) -> String {
        let count = |severity| {
            self.by_code
                .iter()
                .filter(|((s, _), _)| *s == severity)
                .map(|(_, n)| n)
                .sum::<usize>()
        };
        let mut out = format!(
            "{title}: {} policies, {} without findings, {} without errors; {} errors, {} \
             warnings\n",
            self.policies,
            self.without_findings,
            self.without_errors,
            count(Severity::Error),
            count(Severity::Warning),
        );
        for ((severity, code), n) in self.by_code.iter().rev() {
            writeln!(out, "  {:7} {:34} {n:>5}", severity.as_str(), code.name()).unwrap();
        }
        out
    }
}

/// The lines of `items`, one per error, for a failure message.
fn lines(items: &[(&Key, &String)]) -> String {
    let mut out = String::new();
    for ((code, policy, pointer), text) in items {
        writeln!(out, "{code}\t{policy}\t{pointer}\t{text}").unwrap();
    }
    out
}

/// The errors of `list` that `tally` does not have.
fn gone<'l>(tally: &Tally, list: &'l List) -> Vec<(&'l Key, &'l String)> {
    list.items
        .iter()
        .filter(|(key, _)| !tally.errors.contains_key(*key))
        .collect()
}

/// Panics, with the lines to add or remove, unless the errors of `tally` are exactly those
/// of `real` and `disputed`. `corpus` names the corpus in the message.
pub fn assert_known(corpus: &str, tally: &Tally, real: &List, disputed: &List) {
    let new: Vec<(&Key, &String)> = tally
        .errors
        .iter()
        .filter(|(key, _)| !real.items.contains_key(*key) && !disputed.items.contains_key(*key))
        .collect();
    let (gone_real, gone_disputed) = (gone(tally, real), gone(tally, disputed));
    if new.is_empty() && gone_real.is_empty() && gone_disputed.is_empty() {
        return;
    }
    let mut message = format!("the errors on {corpus} changed\n");
    if !new.is_empty() {
        write!(
            message,
            "\n{} errors are listed nowhere. Review each: a real defect of the policy goes to \
             {}, a false positive is fixed in the engine or the catalog (or, until then, goes \
             to {} with its cause); write the reason in place of the engine's message:\n{}",
            new.len(),
            real.file,
            disputed.file,
            lines(&new)
        )
        .unwrap();
    }
    if !gone_real.is_empty() {
        write!(
            message,
            "\n{} real defects are no longer reported (a regression, or the catalog now \
             knows better); remove them from {} once explained:\n{}",
            gone_real.len(),
            real.file,
            lines(&gone_real)
        )
        .unwrap();
    }
    if !gone_disputed.is_empty() {
        write!(
            message,
            "\n{} false positives are fixed; remove them from {}:\n{}",
            gone_disputed.len(),
            disputed.file,
            lines(&gone_disputed)
        )
        .unwrap();
    }
    panic!("{message}");
}
