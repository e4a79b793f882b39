//! `iam-policy check`: read files, validate each with the engine, render the findings.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;
use iam_policy::{Code, Diagnostic, PolicyKind, ValidateOptions, validate_read, validate_with};

use crate::checked::Checked;
use crate::render;
use crate::template::{self, Format as InputFormat, Input};

/// Arguments of `check`.
#[derive(clap::Args)]
pub struct Args {
    /// The policy type: identity, resource, trust, scp, rcp, boundary, session, endpoint.
    #[arg(long, default_value = "identity", value_parser = parse_kind)]
    kind: PolicyKind,
    /// The service a resource policy belongs to, by its prefix (`ecr`, `s3`, ...), so its
    /// own rules apply: an ECR repository policy names no `Resource`. Needs
    /// `--kind resource`.
    #[arg(long, value_name = "PREFIX", value_parser = parse_service)]
    service: Option<String>,
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
    /// How to read each file: `auto` recognises Terraform plans (`format_version` with
    /// `planned_values` or `resource_changes`), CloudFormation templates
    /// (`AWSTemplateFormatVersion`, or `Resources` with `AWS::` types; YAML or JSON) and
    /// otherwise reads a policy of type `--kind`.
    #[arg(long, value_enum, default_value_t = Input::Auto)]
    input: Input,
    /// Files checked at once (default: every core). Output keeps the input order.
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// Files, directories (every `*.json`, `*.yaml`, `*.yml`, `*.template` below them) or
    /// `-` for standard input.
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

fn parse_service(prefix: &str) -> Result<String, String> {
    if iam_catalog::model::service(prefix).is_some() {
        return Ok(prefix.to_owned());
    }
    let prefixes = iam_catalog::model::services().map(iam_catalog::model::Service::prefix);
    Err(match iam_catalog::suggest::suggest(prefix, prefixes) {
        Some(s) => format!("unknown service prefix `{prefix}`; did you mean `{s}`?"),
        None => format!("unknown service prefix `{prefix}`"),
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

/// Whether a file found below a directory is read: `*.json`, and YAML templates.
fn is_input(path: &Path) -> bool {
    path.extension().is_some_and(|e| {
        ["json", "yaml", "yml", "template"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    })
}

/// Expands the arguments into inputs: files as given, directories recursively
/// (`*.json`, `*.yaml`, `*.yml`, `*.template`, sorted), `-` for standard input. Unreadable directories are inputs with
/// an error.
fn inputs(paths: &[PathBuf]) -> Vec<Queued> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" || !path.is_dir() {
            out.push((path.display().to_string(), None, false));
            continue;
        }
        let mut found = Vec::new();
        let mut stack = vec![path.clone()];
        while let Some(dir) = stack.pop() {
            match std::fs::read_dir(&dir) {
                Ok(entries) => {
                    for entry in entries.flatten() {
                        let p = entry.path();
                        let kind = entry.file_type();
                        // Directories are entered only when they are real directories, so
                        // a symbolic link to a parent cannot loop; linked files count. A
                        // link is followed by the worker that reads it (a link to a
                        // directory is passed over there), so listing stats nothing.
                        if kind.as_ref().is_ok_and(std::fs::FileType::is_dir) {
                            stack.push(p);
                        } else if is_input(&p) {
                            found.push((p, kind.is_ok_and(|k| k.is_symlink())));
                        }
                    }
                }
                Err(e) => out.push((dir.display().to_string(), Some(e.to_string()), false)),
            }
        }
        found.sort();
        out.extend(
            found
                .into_iter()
                .map(|(p, linked)| (p.display().to_string(), None, linked)),
        );
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
        // Not `fs::read`, which asks the file's size first: policies are small, and the
        // buffer grows for the few that are not.
        let mut bytes = Vec::with_capacity(16 * 1024);
        std::fs::File::open(Path::new(path))
            .and_then(|mut file| file.read_to_end(&mut bytes))
            .map_err(|e| e.to_string())?;
        Ok(bytes)
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
fn guarded<T>(run: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).map_err(|_| {
        "internal error: the checker panicked on this file (please report it)".to_owned()
    })
}

/// Checks one text: a template or plan when `input` says so or recognises one, else a
/// policy of type `kind`.
fn check_text(path: String, text: String, settings: &Settings) -> Checked {
    let options = &settings.options;
    // A template's report, or a policy's findings.
    let checked = guarded(
        || match template::check_text(&path, &text, settings.input, options) {
            template::Read::Template(format, report) => (Some((format, report)), Vec::new()),
            template::Read::Policy(Some(root)) => {
                (None, validate_read(&text, root, settings.kind, options))
            }
            template::Read::Policy(None) => (None, validate_with(&text, settings.kind, options)),
        },
    );
    match checked {
        Ok((Some((format, report)), _)) => Checked {
            policies: (format != InputFormat::OtherYaml).then_some((report.found, report.checked)),
            path,
            text,
            diagnostics: report.diagnostics,
            io_error: None,
            format,
            notes: report.notes,
        },
        Ok((None, diagnostics)) => Checked::policy(path, text, diagnostics),
        Err(error) => Checked {
            io_error: Some(error),
            ..Checked::policy(path, text, Vec::new())
        },
    }
}

/// What every file is checked with.
struct Settings {
    kind: PolicyKind,
    input: Input,
    options: ValidateOptions,
}

fn check_one(path: String, settings: &Settings) -> Checked {
    let bytes = match read(&path) {
        Ok(bytes) => bytes,
        Err(error) => return Checked::unreadable(path, error),
    };
    let options = &settings.options;
    match String::from_utf8(bytes) {
        Ok(text) => check_text(path, text, settings),
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
            Checked::policy(path, text, diagnostics)
        }
    }
}

/// One input waiting for a worker: taken once, by the worker that claims its batch.
type Slot = std::sync::Mutex<Option<Queued>>;

/// One input: its path, why it could not be listed, and whether it was found through a
/// symbolic link while listing a directory (a link to a directory is passed over).
type Queued = (String, Option<String>, bool);

/// Checks the inputs on `jobs` threads and hands each result to `emit` in input order,
/// as soon as it and every result before it are done. Workers claim inputs in batches
/// and send a batch's results at once, so a run over many small files does not pay a
/// thread wake-up per file.
fn check_all<T: Send>(
    inputs: Vec<Queued>,
    settings: &Settings,
    jobs: usize,
    finish: &(dyn Fn(Checked) -> T + Sync),
    mut emit: impl FnMut(T),
) {
    use std::collections::BTreeMap;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Mutex, mpsc};

    let total = inputs.len();
    let progress = total > 20 && std::io::stderr().is_terminal();
    let jobs = jobs.clamp(1, total.max(1));
    // About eight batches per worker balance the load; 32 files bound a batch's latency.
    let batch = (total / (jobs * 8)).clamp(1, 32);
    let next = AtomicUsize::new(0);
    let queue: Vec<Slot> = inputs.into_iter().map(|i| Mutex::new(Some(i))).collect();
    std::thread::scope(|scope| {
        let (send, receive) = mpsc::channel::<(usize, Vec<T>)>();
        for _ in 0..jobs {
            let send = send.clone();
            let (next, queue) = (&next, &queue);
            scope.spawn(move || {
                loop {
                    let first = next.fetch_add(batch, Ordering::Relaxed);
                    let Some(slots) = queue.get(first..(first + batch).min(queue.len())) else {
                        break;
                    };
                    if slots.is_empty() {
                        break;
                    }
                    let results = slots
                        .iter()
                        .filter_map(|slot| slot.lock().ok().and_then(|mut s| s.take()))
                        .filter(|(path, _, linked)| !(*linked && Path::new(path).is_dir()))
                        .map(|(path, error, _)| {
                            finish(match error {
                                Some(error) => Checked::unreadable(path, error),
                                None => check_one(path, settings),
                            })
                        })
                        .collect();
                    if send.send((first, results)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        let mut waiting = BTreeMap::new();
        let (mut done, mut next_batch) = (0usize, 0usize);
        for (first, results) in receive {
            waiting.insert(first, results);
            while let Some(results) = waiting.remove(&next_batch) {
                next_batch += batch;
                for result in results {
                    done += 1;
                    if progress {
                        // Counts only: a path could wrap the line, and `\r` would not clear it.
                        eprint!("\r\x1b[2K");
                    }
                    emit(result);
                    if progress && done < total {
                        eprint!("\r[{done}/{total}]");
                    }
                }
            }
        }
    });
    if progress {
        eprint!("\r\x1b[2K");
    }
}

/// Runs `check`: exit 0 without errors, 1 when any file has an error, 2 when any input
/// could not be read.
pub fn run(args: &Args) -> ExitCode {
    let mut options = ValidateOptions::allowing(args.allow.iter().copied())
        .denying(args.deny.iter().flatten().copied());
    if let Some(service) = &args.service {
        if args.kind != PolicyKind::Resource {
            eprintln!(
                "error: `--service` names the service of a resource policy: add `--kind resource`"
            );
            return ExitCode::from(2);
        }
        options = options.for_service(service);
    }
    let settings = Settings {
        kind: args.kind,
        input: args.input,
        options,
    };
    let inputs = inputs(&args.paths);
    let jobs = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        usize::from,
    );
    let (mut unreadable, mut failed) = (Vec::new(), false);
    let mut write_failed = false;
    let mut results = Vec::new();
    let mut json = render::json::Writer::default();
    let mut totals = render::human::Totals::default();
    let color = args.format == Format::Human && render::human::use_color();
    // What the main thread needs of a result; a JSON report is written on the worker,
    // which keeps the main thread's share of the run small.
    let finish = |result: Checked| {
        let failed = result.has_error();
        let unreadable = result
            .io_error
            .clone()
            .map(|error| (result.path.clone(), error));
        if args.format == Format::Json {
            // The text is dropped here: the report is all the main thread keeps.
            (
                failed,
                unreadable,
                Some(render::json::file_text(&result)),
                None,
            )
        } else {
            (failed, unreadable, None, Some(result))
        }
    };
    check_all(
        inputs,
        &settings,
        jobs,
        &finish,
        |(error, io_error, report, result)| {
            failed |= error;
            unreadable.extend(io_error);
            match (report, result) {
                // JSON keeps each file's report, not its text, and writes as it goes.
                (Some(report), _) => {
                    if let Some(chunk) = json.add(&report)
                        && !write_failed
                    {
                        write_failed = crate::write_stdout(&chunk) != ExitCode::SUCCESS;
                    }
                }
                // Human output streams: each file's report as soon as it is in order.
                (None, Some(result)) if args.format == Format::Human => {
                    let text = render::human::render_file(&result, color, &mut totals);
                    if !write_failed && !text.is_empty() {
                        write_failed = crate::write_stdout(&text) != ExitCode::SUCCESS;
                    }
                }
                (None, Some(result)) => results.push(result),
                (None, None) => {}
            }
        },
    );
    let output = match args.format {
        Format::Human => render::human::summary(&totals),
        Format::Json => json.finish(),
        Format::Sarif => render::sarif::render(&results),
    };
    if write_failed || crate::write_stdout(&output) != ExitCode::SUCCESS {
        return ExitCode::from(2);
    }
    if args.format != Format::Human {
        for (path, error) in &unreadable {
            eprintln!("error: cannot read `{path}`: {error}");
        }
    }
    if !unreadable.is_empty() {
        ExitCode::from(2)
    } else if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
