//! `iam-policy simulate`: read a policy set and a request, print the engine's decision.
//!
//! Exit 0 when allowed, 1 when denied, 2 on usage or input errors.

use std::fmt::Write as _;
use std::process::ExitCode;

use iam_catalog::check::conditions::key_type;
use iam_catalog::model::ConditionType;
use iam_catalog::value;
use iam_policy::eval::{CompiledPolicy, Evaluation, PolicySet, Request, compile_json};
use serde_json::json;

use crate::TextOrJson;

/// Arguments of `simulate`.
#[derive(clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = TextOrJson::Human)]
    format: TextOrJson,
    /// The action, `service:Action`.
    #[arg(long)]
    action: String,
    /// The resource ARN (`*` for actions without resource types).
    #[arg(long)]
    resource: String,
    /// The calling principal: an IAM user or role ARN, a role session ARN, or a service
    /// principal.
    #[arg(long)]
    principal: Option<String>,
    /// The account that owns the resource, when its ARN does not say (S3).
    #[arg(long, value_name = "ACCOUNT")]
    resource_account: Option<String>,
    /// An identity-based policy (repeatable).
    #[arg(long = "identity", value_name = "FILE")]
    identity: Vec<String>,
    /// The resource-based policy.
    #[arg(long, value_name = "FILE")]
    resource_policy: Option<String>,
    /// The permissions boundary.
    #[arg(long, value_name = "FILE")]
    boundary: Option<String>,
    /// A session policy (repeatable).
    #[arg(long = "session", value_name = "FILE")]
    session: Vec<String>,
    /// The SCPs of one organization level, comma-separated; one flag per level, root
    /// first (the principal's account's chain).
    #[arg(long = "scp", value_name = "FILE[,FILE...]")]
    scp: Vec<String>,
    /// The RCPs of one organization level, comma-separated; one flag per level, root
    /// first (the resource's account's chain), in addition to `RCPFullAWSAccess`.
    #[arg(long = "rcp", value_name = "FILE[,FILE...]")]
    rcp: Vec<String>,
    /// The VPC endpoint policy.
    #[arg(long, value_name = "FILE")]
    endpoint: Option<String>,
    /// A request context value, `KEY=VALUE` (repeat a key for several values; `KEY=` is
    /// the empty set). The request context is exactly what is given.
    #[arg(long = "context", value_name = "KEY=VALUE")]
    context: Vec<String>,
}

/// Reads and compiles one policy file; `Err` with a located message.
fn load(path: &str) -> Result<CompiledPolicy, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    compile_json(path, &text).map_err(|e| format!("{path}:{}:{}: {}", e.line, e.column, e.message))
}

fn level(files: &str) -> Result<Vec<CompiledPolicy>, String> {
    files
        .split(',')
        .filter(|f| !f.is_empty())
        .map(load)
        .collect()
}

fn build_set(args: &Args) -> Result<PolicySet, String> {
    let mut set = PolicySet::new();
    for f in &args.identity {
        set = set.identity(load(f)?);
    }
    if let Some(f) = &args.resource_policy {
        set = set.resource_policy(load(f)?);
    }
    if let Some(f) = &args.boundary {
        set = set.boundary(load(f)?);
    }
    for f in &args.session {
        set = set.session(load(f)?);
    }
    for l in &args.scp {
        set = set.scp_level(level(l)?);
    }
    for l in &args.rcp {
        set = set.rcp_level(level(l)?);
    }
    if let Some(f) = &args.endpoint {
        set = set.endpoint(load(f)?);
    }
    Ok(set)
}

/// Whether `value` reads as a value of the key's catalog type.
fn fits(value_type: ConditionType, v: &str) -> bool {
    match value_type {
        ConditionType::Numeric => value::parse_number(v).is_some(),
        ConditionType::Date => value::parse_date(v).is_some(),
        ConditionType::Bool => value::parse_bool(v).is_some(),
        ConditionType::IpAddress => v.parse::<std::net::IpAddr>().is_ok(),
        ConditionType::String | ConditionType::Arn | ConditionType::Binary => true,
    }
}

fn build_request(args: &Args) -> Result<Request, String> {
    let mut request = Request::new(&args.action, &args.resource);
    if let Some(p) = &args.principal {
        request = request.principal(p);
    }
    if let Some(a) = &args.resource_account {
        request = request.resource_account(a);
    }
    for item in &args.context {
        let Some((key, v)) = item.split_once('=') else {
            return Err(format!("`--context {item}`: expected KEY=VALUE"));
        };
        if key.is_empty() {
            return Err(format!("`--context {item}`: the key is empty"));
        }
        if v.is_empty() {
            request = request.context_values(key, Vec::<String>::new());
            continue;
        }
        // Values are typed by the key's type in the catalog; an unknown key is text (and
        // a finding).
        if let Some((value_type, _)) = key_type(key)
            && !fits(value_type, v)
        {
            return Err(format!(
                "`--context {item}`: `{v}` is not a value of type {}",
                value_type.as_str()
            ));
        }
        request = request.context(key, v);
    }
    Ok(request)
}

/// Runs `simulate`.
pub fn run(args: &Args) -> ExitCode {
    let (set, request) = match build_set(args).and_then(|s| Ok((s, build_request(args)?))) {
        Ok(parts) => parts,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    let evaluation = set.evaluate(&request);
    let text = if args.format == TextOrJson::Json {
        to_json(&evaluation)
    } else {
        to_human(&evaluation)
    };
    let written = crate::write_stdout(&text);
    if written != ExitCode::SUCCESS {
        return written;
    }
    if evaluation.decision.is_allowed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn to_json(e: &Evaluation) -> String {
    let statements: Vec<_> = e
        .statements
        .iter()
        .map(|s| json!({"policy": s.policy, "pointer": s.pointer, "effect": s.effect.as_str()}))
        .collect();
    let value = json!({
        "decision": e.decision.as_str(),
        "statements": statements,
        "missing_context_keys": e.missing_context_keys,
        "diagnostics": e.diagnostics,
    });
    let mut out = serde_json::to_string_pretty(&value).unwrap_or_default();
    out.push('\n');
    out
}

fn to_human(e: &Evaluation) -> String {
    let mut out = e.explain();
    if !e.statements.is_empty() {
        out.push_str("decided by:\n");
        for s in &e.statements {
            let _ = writeln!(
                out,
                "  {} {} [{}] ({})",
                s.policy,
                s.pointer,
                s.effect.as_str(),
                s.place
            );
        }
    }
    out
}
