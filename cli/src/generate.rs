//! `iam-policy generate`: read a template (YAML or JSON), generate the least-privilege
//! policy with the engine (`iam_policy::generate::Generator`), print it.

use std::fmt::Write as _;
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use iam_policy::PolicyKind;
use iam_policy::generate::{GenerateError, Generator};
use iam_policy::json;

/// Arguments of `generate`.
#[derive(clap::Args)]
pub struct Args {
    /// The policy type, which sets the size quota: identity (6,144 characters), boundary,
    /// session (2,048).
    #[arg(long, default_value = "identity", value_parser = parse_kind)]
    kind: PolicyKind,
    /// Output format: `human` (the policy, indented) or `json` (the document, or an
    /// array of documents when it had to be split).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Shorten action lists with `Prefix*` patterns that match exactly the requested
    /// actions in today's catalog (a wildcard also grants actions AWS adds later).
    #[arg(long)]
    minimize: bool,
    /// The template: a YAML or JSON file in `policy_sentry`'s format, or `-` for standard
    /// input.
    #[arg(value_name = "TEMPLATE")]
    template: PathBuf,
}

/// Output formats of `generate`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The policy indented, with a header per document when split.
    Human,
    /// Minified JSON: the document, or an array of documents.
    Json,
}

fn parse_kind(name: &str) -> Result<PolicyKind, String> {
    match PolicyKind::from_name(name) {
        Some(kind @ (PolicyKind::Identity | PolicyKind::Boundary | PolicyKind::Session)) => {
            Ok(kind)
        }
        _ => Err(format!(
            "`generate` writes identity-based policies: the types are identity, boundary, session, not `{name}`"
        )),
    }
}

/// Reads the template, generates, prints. Exit 0 on success, 1 when the template has
/// mistakes, 2 when it cannot be read.
pub fn run(args: &Args) -> ExitCode {
    let path = args.template.display().to_string();
    let text = match read(&args.template) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("error: cannot read `{path}`: {error}");
            return ExitCode::from(2);
        }
    };
    let is_json = args
        .template
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        || text.trim_start().starts_with('{');
    let tree = if is_json {
        json::parse(&text)
    } else {
        crate::template::yaml::parse(&text)
    };
    let tree = match tree {
        Ok(tree) => tree,
        Err(error) => {
            eprintln!(
                "error: `{path}` is not a valid template: {}\n  --> {path}:{}:{}",
                error.message, error.loc.line, error.loc.column
            );
            return ExitCode::from(1);
        }
    };
    let generated = match Generator::from_tree(tree)
        .kind(args.kind)
        .minimize(args.minimize)
        .generate()
    {
        Ok(generated) => generated,
        Err(error) => {
            eprint!("{}", render_errors(&path, &error));
            return ExitCode::from(1);
        }
    };
    for note in generated.notes() {
        eprintln!("{note}");
    }
    let out = match args.format {
        Format::Json => format!("{}\n", generated.to_json()),
        Format::Human => {
            let count = generated.policies().len();
            let mut out = String::new();
            for (index, policy) in generated.policies().iter().enumerate() {
                if count > 1 {
                    let _ = writeln!(
                        out,
                        "// policy {} of {count} (split to fit the {} quota)",
                        index + 1,
                        args.kind
                    );
                }
                out.push_str(&policy.to_json_pretty());
                out.push('\n');
            }
            out
        }
    };
    crate::write_stdout(&out)
}

fn read(path: &std::path::Path) -> Result<String, String> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| e.to_string())?;
        return Ok(text);
    }
    std::fs::read_to_string(path).map_err(|e| e.to_string())
}

/// The errors in template order (line, then column), each with its place and help.
fn render_errors(path: &str, error: &GenerateError) -> String {
    let mut out = String::new();
    let mut errors: Vec<_> = error.errors.iter().collect();
    errors.sort_by_key(|e| (e.loc.line, e.loc.column));
    for e in errors {
        let _ = writeln!(out, "error: {}", e.message);
        let pointer = if e.loc.pointer.is_empty() {
            "/"
        } else {
            &e.loc.pointer
        };
        let _ = writeln!(
            out,
            "  --> {path}:{}:{} ({pointer})",
            e.loc.line, e.loc.column
        );
        if let Some(help) = &e.help {
            let _ = writeln!(out, "  help: {help}");
        }
    }
    let _ = writeln!(
        out,
        "{} error{} in `{path}`",
        error.errors.len(),
        if error.errors.len() == 1 { "" } else { "s" }
    );
    out
}
