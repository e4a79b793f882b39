//! `iam-policy`: check IAM policy files, explain actions, expand action patterns, diff
//! what two policies grant.
//!
//! All judgement comes from the engine (`iam_policy::validate_with`); this crate reads
//! files and arguments and renders findings.
#![forbid(unsafe_code)]

mod check;
mod checked;
mod diff;
mod explain;
mod generate;
mod render;
mod simulate;
mod template;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// `--version`: the crate's version, the catalog's data date and its sources.
static LONG_VERSION: std::sync::LazyLock<String> = std::sync::LazyLock::new(long_version);

fn long_version() -> String {
    let sources: Vec<String> = iam_catalog::model::sources()
        .iter()
        .map(|(name, version)| format!("{name} {version}"))
        .collect();
    format!(
        "{}\ncatalog data of {} ({})",
        env!("CARGO_PKG_VERSION"),
        iam_catalog::DATA_DATE,
        sources.join(", ")
    )
}

#[derive(Parser)]
#[command(
    name = "iam-policy",
    about = "Check AWS IAM policies against the capability catalog of every AWS service",
    version = LONG_VERSION.as_str(),
    long_version = LONG_VERSION.as_str(),
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check policy files, CloudFormation templates and Terraform plans (directories:
    /// every `*.json`, `*.yaml`, `*.yml`, `*.template` below them; `-`: standard input).
    Check(check::Args),
    /// Show what the catalog knows of an action: access level, resource types, condition
    /// keys, dependent actions, and the service's capabilities.
    Explain {
        /// The action, `service:Action` (case-insensitive).
        action: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TextOrJson::Human)]
        format: TextOrJson,
    },
    /// List the actions a pattern such as `s3:Get*` or `ec2:*Instance?` matches.
    Expand {
        /// The action pattern.
        pattern: String,
    },
    /// Show what NEW grants that OLD does not (exit 1 when anything is new or undecided).
    Diff(diff::Args),
    /// Decide offline whether a set of policies allows a request (exit 0 allow, 1 deny).
    Simulate(Box<simulate::Args>),
    /// Generate the least-privilege policy a template (`policy_sentry`'s YAML or JSON)
    /// asks for.
    Generate(generate::Args),
}

/// `human` or `json`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TextOrJson {
    /// Text for people.
    Human,
    /// JSON for programs.
    Json,
}

/// Writes `text` to standard output. A closed pipe (`iam-policy expand '*' | head`) is
/// not an error; other write failures exit 2.
pub(crate) fn write_stdout(text: &str) -> ExitCode {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Explain { action, format } => {
            explain::explain(&action, format == TextOrJson::Json)
        }
        Command::Expand { pattern } => explain::expand(&pattern),
        Command::Diff(args) => diff::run(&args),
        Command::Simulate(args) => simulate::run(&args),
        Command::Generate(args) => generate::run(&args),
    }
}
