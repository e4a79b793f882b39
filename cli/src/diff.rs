//! `iam-policy diff OLD NEW`: what NEW grants that OLD does not. The judgement is the
//! engine's (`iam_catalog::grants::diff`); this module reads the files and renders it.

use std::fmt::Write as _;
use std::process::ExitCode;

use iam_catalog::grants::{Change, Diff, Verdict};
use iam_policy::PolicyKind;

use crate::TextOrJson;

/// Arguments of `diff`.
#[derive(clap::Args)]
pub struct Args {
    /// The policy before the change.
    old: String,
    /// The policy after the change.
    new: String,
    /// The policy type of both documents; their findings of that type are noted on
    /// standard error.
    #[arg(long, default_value = "identity", value_parser = crate::check::parse_kind)]
    kind: PolicyKind,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TextOrJson::Human)]
    format: TextOrJson,
}

/// Actions shown per change in human output before "and N more".
const SHOWN: usize = 12;

/// Runs `diff`: exit 0 when NEW grants nothing OLD does not, 1 when it grants something
/// new or something whose containment could not be decided, 2 when a file cannot be read
/// or is not JSON.
pub fn run(args: &Args) -> ExitCode {
    let mut roots = Vec::new();
    for path in [&args.old, &args.new] {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("error: cannot read `{path}`: {error}");
                return ExitCode::from(2);
            }
        };
        match iam_policy::json::read(&text) {
            Ok(root) => roots.push(root.into_owned()),
            Err(error) => {
                eprintln!(
                    "error: `{path}` is not JSON: {} at line {}, column {}",
                    error.message, error.loc.line, error.loc.column
                );
                return ExitCode::from(2);
            }
        }
        let errors = iam_policy::validate(&text, args.kind)
            .iter()
            .filter(|d| d.is_error())
            .count();
        if errors > 0 {
            eprintln!(
                "note: `{path}` has {errors} error{} as {} policy (`iam-policy check --kind {}`); the diff reads it as written",
                if errors == 1 { "" } else { "s" },
                if args.kind == PolicyKind::Identity {
                    "an identity"
                } else {
                    "a"
                },
                args.kind.name()
            );
        }
    }
    let (Some(old), Some(new)) = (roots.first(), roots.get(1)) else {
        return ExitCode::from(2);
    };
    let diff = iam_catalog::grants::diff(old, new);
    let text = match args.format {
        TextOrJson::Json => json(&diff),
        TextOrJson::Human => human(&diff, &args.old, &args.new),
    };
    let written = crate::write_stdout(&text);
    if written != ExitCode::SUCCESS {
        return written;
    }
    if diff.may_grant_more() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn human(diff: &Diff, old: &str, new: &str) -> String {
    let mut out = String::new();
    let (mut new_pairs, mut undecided_pairs) = (0usize, 0usize);
    for change in &diff.changes {
        let (mark, count) = match change.verdict {
            Verdict::New => ("+", &mut new_pairs),
            Verdict::Undecided(_) => ("?", &mut undecided_pairs),
        };
        *count += change.actions.len();
        out.push_str(mark);
        out.push(' ');
        out.push_str(&action_list(change));
        out.push_str(" on ");
        out.push_str(&change.resources.display());
        out.push('\n');
        if let Some(principal) = &change.principal {
            out.push_str("    principal: ");
            out.push_str(principal);
            out.push('\n');
        }
        if let Some(condition) = &change.condition {
            out.push_str("    condition: ");
            out.push_str(condition);
            out.push('\n');
        }
        if let Verdict::Undecided(reason) = &change.verdict {
            out.push_str("    undecided: ");
            out.push_str(reason);
            out.push('\n');
        }
    }
    if diff.changes.is_empty() {
        let _ = writeln!(out, "`{new}` grants nothing that `{old}` does not");
    } else {
        let _ = writeln!(
            out,
            "`{new}` grants {new_pairs} action-resource pair{} that `{old}` does not; {undecided_pairs} undecided",
            if new_pairs == 1 { "" } else { "s" }
        );
    }
    out
}

fn action_list(change: &Change) -> String {
    let shown: Vec<&str> = change
        .actions
        .iter()
        .take(SHOWN)
        .map(String::as_str)
        .collect();
    let mut text = shown.join(", ");
    if change.actions.len() > SHOWN {
        let _ = write!(text, " and {} more", change.actions.len() - SHOWN);
    }
    text
}

/// `{"grants_more": bool, "changes": [{"verdict", "reason", "actions", "resource",
/// "not_resource", "principal", "condition"}]}`.
fn json(diff: &Diff) -> String {
    use iam_catalog::grants::Resources;
    let changes: Vec<serde_json::Value> = diff
        .changes
        .iter()
        .map(|c| {
            let (resource, not_resource) = match &c.resources {
                Resources::Pattern(p) => (serde_json::json!(p), serde_json::Value::Null),
                Resources::AllBut(list) => (serde_json::Value::Null, serde_json::json!(list)),
            };
            let (verdict, reason) = match &c.verdict {
                Verdict::New => ("new", None),
                Verdict::Undecided(reason) => ("undecided", Some(reason)),
            };
            serde_json::json!({
                "verdict": verdict,
                "reason": reason,
                "actions": c.actions,
                "resource": resource,
                "not_resource": not_resource,
                "principal": c.principal,
                "condition": c.condition,
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&serde_json::json!({
        "grants_more": diff.may_grant_more(),
        "changes": changes,
    }))
    .unwrap_or_default();
    text.push('\n');
    text
}
