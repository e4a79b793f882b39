//! `iam-policy check`: read files, validate each with the engine, render the findings.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;
use iam_policy::{Code, Diagnostic, PolicyKind, ValidateOptions, validate_with};

use crate::render;

/// Arguments of `check`.
#[derive(clap::Args)]
pub struct Args {
    /// The policy type: identity, resource, trust, scp, rcp, boundary, session, endpoint.
    #[arg(long, default_value = "identity", value_parser = parse_kind)]
    kind: PolicyKind,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Allow a finding code (repeatable), e.g. `--allow policy-too-large`.
    #[arg(long = "allow", value_name = "CODE", value_parser = parse_code)]
    allow: Vec<Code>,
    /// Treat a finding code as an error (repeatable), e.g. `--deny privilege-escalation`;
    /// `--deny security` denies every code of the security group.
    #[arg(long = "deny", value_name = "CODE", value_parser = parse_deny)]
    deny: Vec<Vec<Code>>,
    /// Files, directories (every `*.json` below them) or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

/// Output formats of `check`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style text with the source line and a caret under the string at fault.
    Human,
    /// `{"files":[{"path","diagnostics":[{"code","severity","message","pointer","line","column"}]}]}`.
    Json,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
}

pub(crate) fn parse_kind(name: &str) -> Result<PolicyKind, String> {
    PolicyKind::from_name(name).ok_or_else(|| {
        let kinds: Vec<&str> = PolicyKind::ALL.iter().map(|k| k.name()).collect();
        format!(
            "unknown policy type `{name}`; the types are {}",
            kinds.join(", ")
        )
    })
}

/// A `--deny` value: a code, or `security` for every code of the security group.
fn parse_deny(name: &str) -> Result<Vec<Code>, String> {
    if name == "security" {
        return Ok(Code::ALL
            .iter()
            .copied()
            .filter(|c| c.is_security())
            .collect());
    }
    parse_code(name).map(|code| vec![code])
}

fn parse_code(name: &str) -> Result<Code, String> {
    Code::from_name(name).ok_or_else(|| {
        let names = Code::ALL.iter().map(|c| c.name());
        match iam_catalog::suggest::suggest(name, names) {
            Some(s) => format!("unknown finding code `{name}`; did you mean `{s}`?"),
            None => format!(
                "unknown finding code `{name}`; the codes are {}",
                Code::ALL
                    .iter()
                    .map(|c| c.name())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    })
}

/// One checked input.
pub struct Checked {
    /// The path as given (or found below a directory); `-` for standard input.
    pub path: String,
    /// The text, for showing source lines (empty when it could not be read).
    pub text: String,
    /// The findings.
    pub diagnostics: Vec<Diagnostic>,
    /// Why the file could not be read, if it could not.
    pub io_error: Option<String>,
}

/// Expands the arguments into inputs: files as given, directories recursively
/// (`*.json`, sorted), `-` for standard input. Unreadable directories are inputs with
/// an error.
fn inputs(paths: &[PathBuf]) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" || !path.is_dir() {
            out.push((path.display().to_string(), None));
            continue;
        }
        let mut found = Vec::new();
        let mut stack = vec![path.clone()];
        while let Some(dir) = stack.pop() {
            match std::fs::read_dir(&dir) {
                Ok(entries) => {
                    for entry in entries.flatten() {
                        let p = entry.path();
                        // Directories are entered only when they are real directories, so
                        // a symbolic link to a parent cannot loop; linked files count.
                        if entry.file_type().is_ok_and(|t| t.is_dir()) {
                            stack.push(p);
                        } else if p
                            .extension()
                            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
                            && !p.is_dir()
                        {
                            found.push(p);
                        }
                    }
                }
                Err(e) => out.push((dir.display().to_string(), Some(e.to_string()))),
            }
        }
        found.sort();
        out.extend(found.into_iter().map(|p| (p.display().to_string(), None)));
    }
    out
}

fn read(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| e.to_string())?;
        Ok(bytes)
    } else {
        std::fs::read(Path::new(path)).map_err(|e| e.to_string())
    }
}

/// Where the first byte that is not UTF-8 is: 1-based line and column (in characters)
/// of the valid text before it, as the JSON reader counts them (a leading byte order
/// mark is not counted).
fn utf8_error_location(valid: &str) -> (usize, usize) {
    let valid = valid.strip_prefix('\u{feff}').unwrap_or(valid);
    let line = valid.matches('\n').count() + 1;
    let last_line = valid.rsplit('\n').next().unwrap_or(valid);
    (line, last_line.chars().count() + 1)
}

/// Runs the engine on one text. A panic in the engine is a bug, but it must not end
/// the run and lose the other files' findings: it becomes this file's failure.
fn validate_guarded(
    text: &str,
    kind: PolicyKind,
    options: &ValidateOptions,
) -> Result<Vec<Diagnostic>, String> {
    std::panic::catch_unwind(|| validate_with(text, kind, options)).map_err(|_| {
        "internal error: the checker panicked on this file (please report it)".to_owned()
    })
}

fn check_one(path: String, kind: PolicyKind, options: &ValidateOptions) -> Checked {
    let bytes = match read(&path) {
        Ok(bytes) => bytes,
        Err(error) => {
            return Checked {
                path,
                text: String::new(),
                diagnostics: Vec::new(),
                io_error: Some(error),
            };
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => match validate_guarded(&text, kind, options) {
            Ok(diagnostics) => Checked {
                path,
                text,
                diagnostics,
                io_error: None,
            },
            Err(error) => Checked {
                path,
                text,
                diagnostics: Vec::new(),
                io_error: Some(error),
            },
        },
        Err(error) => {
            // JSON text is UTF-8 (RFC 8259, section 8.1), so these bytes are not a JSON
            // document: an `invalid-json` finding, which front ends that read text report.
            let at = error.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            let (line, column) = utf8_error_location(
                std::str::from_utf8(error.as_bytes().get(..at).unwrap_or_default())
                    .unwrap_or_default(),
            );
            let diagnostics = if options.allow.contains(&Code::InvalidJson) {
                Vec::new()
            } else {
                vec![Diagnostic::new(
                    Code::InvalidJson,
                    iam_policy::JsonLocation {
                        pointer: String::new(),
                        line,
                        column,
                    },
                    format!("the file is not UTF-8 text (invalid byte at offset {at})"),
                )]
            };
            Checked {
                path,
                text,
                diagnostics,
                io_error: None,
            }
        }
    }
}

/// Runs `check`: exit 0 without errors, 1 when any file has an error, 2 when any input
/// could not be read.
pub fn run(args: &Args) -> ExitCode {
    let options = ValidateOptions::allowing(args.allow.iter().copied())
        .denying(args.deny.iter().flatten().copied());
    let inputs = inputs(&args.paths);
    let progress = inputs.len() > 20 && std::io::stderr().is_terminal();
    let total = inputs.len();
    let mut results = Vec::with_capacity(total);
    for (n, (path, error)) in inputs.into_iter().enumerate() {
        if progress {
            // Counts only: a path could wrap the line, and `\r` would not clear it.
            eprint!("\r[{}/{total}]", n + 1);
        }
        results.push(match error {
            Some(error) => Checked {
                path,
                text: String::new(),
                diagnostics: Vec::new(),
                io_error: Some(error),
            },
            None => check_one(path, args.kind, &options),
        });
    }
    if progress {
        eprint!("\r\x1b[2K");
    }

    let output = match args.format {
        Format::Human => render::human::render(&results, render::human::use_color()),
        Format::Json => render::json::render(&results),
        Format::Sarif => render::sarif::render(&results),
    };
    if crate::write_stdout(&output) != ExitCode::SUCCESS {
        return ExitCode::from(2);
    }
    if args.format != Format::Human {
        for result in &results {
            if let Some(error) = &result.io_error {
                eprintln!("error: cannot read `{}`: {error}", result.path);
            }
        }
    }

    if results.iter().any(|r| r.io_error.is_some()) {
        ExitCode::from(2)
    } else if results
        .iter()
        .any(|r| r.diagnostics.iter().any(Diagnostic::is_error))
    {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
