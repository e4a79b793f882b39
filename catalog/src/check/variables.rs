//! Policy variables: `${aws:username}`, `${aws:PrincipalTag/team}`, `${*}`, defaults.
//!
//! Sources:
//! - IAM User Guide, "IAM policy elements: Variables and tags"
//!   (`reference_policies_variables.html`): the `${...}` syntax, the special variables
//!   `${*}`, `${?}` and `${$}`, default values (`${aws:userid, 'anonymous'}`: "surround
//!   the default value with single quotes, and separate the variable text and the default
//!   value with a comma and space"), where variables are replaced ("in the `Resource`
//!   element and in string comparisons in the `Condition` element"; in `Resource` "only
//!   in the resource portion of the ARN ... after the fifth colon"), and versions
//!   ("Variables were introduced in version `2012-10-17`... If you don't include the
//!   `Version` element ..., variables like `${aws:username}` are treated as literal
//!   strings").
//! - IAM User Guide, "IAM Access Analyzer policy check reference": "Missing brace in
//!   variable", "Empty variable", "Unsupported space in variable", "Missing quote in
//!   variable", "Variable unsupported in element", "Invalid variable for operator"
//!   ("Policy variables can only be used with String and ARN operators"), "Variable
//!   unsupported in version".
//!
//! Decisions where the sources are silent or disagree (also in the code below):
//! - Condition *keys* are not a place IAM documents variables in (only condition
//!   *values*), so `aws:ResourceTag/${aws:PrincipalTag/x}` as a key is reported.
//! - The operators page says variables work with `Bool`; the variables page and Access
//!   Analyzer say only string and ARN operators. We follow Access Analyzer (the check AWS
//!   runs).
//! - The resource ARN: the variables page allows variables only after the fifth `:`, but
//!   AWS's own managed policies put `${aws:PrincipalAccount}` in the account field and
//!   `${aws:RequestedRegion}` in the region field (e.g. `AWSIdentityCenterExternal
//!   ManagementPolicy`, `SageMakerStudioBedrock*`), and Access Analyzer has no check for
//!   it. So variables are accepted in the region, account and resource fields, and
//!   reported only in `arn`, the partition and the service, which fix what the ARN is.

use super::interpolation;
use super::place::{self, Place, Visited};
use super::{Ctx, Policy};
use crate::global_keys::{self, GLOBAL_KEYS};
use crate::model;
use crate::suggest::suggest;
use crate::{Code, Loc, Segment, Text};

/// What is wrong with one `${...}`.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Problem {
    /// `${` without `}`.
    Unclosed,
    /// `${}`.
    Empty,
    /// Whitespace in the name.
    Space,
    /// A default value not in single quotes.
    UnquotedDefault,
    /// A multivalued key, which cannot be a variable.
    Multivalued,
    /// No key of that name.
    Unknown,
}

/// One `${...}` of a string.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Variable {
    /// As written, `${` to `}` (or to the end when unclosed).
    text: String,
    /// The name inside, without a default value (empty for `${}`).
    name: String,
    /// The ARN field it starts in (0 = `arn`, 5 = the resource part), counting `:` outside
    /// variables.
    field: usize,
    /// What is wrong with it, if anything.
    problem: Option<Problem>,
}

/// Reads the `${...}` of a string. Inserted values (holes) are unknown text: a `${`
/// whose `}` could be inside one is not judged. Colons are counted outside variables
/// (`${aws:username}` has one of its own), and holes count as text without colons (an
/// inserted value stays within its ARN field).
fn scan(text: &Text) -> Vec<Variable> {
    let mut out = Vec::new();
    let mut colons = 0usize;
    let last = text.segments().len().saturating_sub(1);
    for (index, segment) in text.segments().iter().enumerate() {
        let Segment::Literal(s) = segment else {
            continue;
        };
        let mut rest = s.as_ref();
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix("${") {
                if let Some(end) = after.find('}') {
                    let inner = after.get(..end).unwrap_or_default();
                    out.push(Variable {
                        text: format!("${{{inner}}}"),
                        name: inner
                            .split_once(',')
                            .map_or(inner, |(name, _)| name)
                            .to_owned(),
                        field: colons,
                        problem: validate(inner),
                    });
                    rest = after.get(end + 1..).unwrap_or_default();
                    continue;
                }
                if index < last {
                    // A later inserted value may hold the `}`.
                    break;
                }
                out.push(Variable {
                    text: rest.to_owned(),
                    name: after.to_owned(),
                    field: colons,
                    problem: Some(Problem::Unclosed),
                });
                break;
            }
            let mut chars = rest.chars();
            if chars.next() == Some(':') {
                colons += 1;
            }
            rest = chars.as_str();
        }
    }
    out
}

/// What is wrong with the inside of a `${...}`, if anything.
fn validate(inner: &str) -> Option<Problem> {
    if matches!(inner, "*" | "?" | "$") {
        return None;
    }
    let (name, default) = match inner.split_once(',') {
        Some((name, default)) => (name, Some(default)),
        None => (inner, None),
    };
    if name.trim().is_empty() {
        return Some(Problem::Empty);
    }
    if name.contains(char::is_whitespace) {
        return Some(Problem::Space);
    }
    if let Some(default) = default {
        let default = default.trim_start();
        if default.len() < 2 || !default.starts_with('\'') || !default.ends_with('\'') {
            return Some(Problem::UnquotedDefault);
        }
    }
    match variable_kind(name) {
        VariableKind::Single => None,
        VariableKind::Multi => Some(Problem::Multivalued),
        VariableKind::Unknown => Some(Problem::Unknown),
    }
}

enum VariableKind {
    Single,
    Multi,
    Unknown,
}

/// Whether `name` can be a policy variable: a single-valued global key or documented
/// federated identity key ([`global_keys::is_policy_variable`]), or a single-valued
/// service key ("You can use any single-valued condition key as a variable. You can't
/// use a multivalued condition key as a variable." — variables page).
fn variable_kind(name: &str) -> VariableKind {
    if global_keys::is_policy_variable(name) {
        return VariableKind::Single;
    }
    if global_keys::global_key(name).is_some() {
        return VariableKind::Multi;
    }
    let service_key = name
        .split_once(':')
        .filter(|(prefix, _)| !prefix.eq_ignore_ascii_case("aws"))
        .and_then(|(prefix, _)| model::service(prefix))
        .and_then(|service| service.condition_key(name));
    match service_key {
        Some(key) if key.is_multivalued() => VariableKind::Multi,
        Some(_) => VariableKind::Single,
        None => VariableKind::Unknown,
    }
}

/// The variable closest to an unknown name: over the single-valued global keys (a
/// `${TagKey}` template filled with the name's own tag part) and the single-valued keys
/// of the service its prefix names.
fn suggest_variable(name: &str) -> Option<String> {
    let tail = name.split_once('/').map(|(_, tail)| tail);
    let fill = |template: &str| -> Option<String> {
        match template.split_once("/${") {
            Some((head, _)) => tail.map(|t| format!("{head}/{t}")),
            None => (!template.contains("${")).then(|| template.to_owned()),
        }
    };
    let mut candidates: Vec<String> = GLOBAL_KEYS
        .iter()
        .filter(|k| k.variable)
        .filter_map(|k| fill(k.name))
        .collect();
    if let Some(service) = name.split_once(':').and_then(|(p, _)| model::service(p)) {
        candidates.extend(
            service
                .condition_keys()
                .filter(|k| !k.is_multivalued())
                .filter_map(|k| fill(k.name())),
        );
    }
    suggest(name, candidates.iter().map(String::as_str)).map(str::to_owned)
}

/// Checks every string of the policy for policy variables: well-formed, known, in a place
/// where IAM replaces them, and in a policy whose `Version` has them.
pub fn check_variables(ctx: &mut Ctx, policy: &Policy<'_>) {
    // Without `Version`, IAM reads the policy as `2008-10-17`. An invalid or run-time
    // `Version` is reported elsewhere; the other rules still apply to it.
    let plain_text = policy.version.is_none() || policy.version_value == Some("2008-10-17");
    place::visit(policy, |statement, visited, place| {
        ctx.statement = statement;
        match visited {
            Visited::Node(node) => {
                if let Some(text) = node.as_text() {
                    check_string(ctx, node.loc, text, place, plain_text);
                }
            }
            // A key without `${` has nothing to check: not copied into a text.
            Visited::Key(key) if !has_variable(&key.key) => {}
            Visited::Key(key) => check_string(
                ctx,
                key.key_loc,
                &Text::literal(key.key.clone()),
                place,
                plain_text,
            ),
        }
    });
    ctx.statement = None;
}

/// Whether `s` holds `${` (a `$` first, found by a byte search: most strings have none).
fn has_variable(s: &str) -> bool {
    s.as_bytes().contains(&b'$') && s.contains("${")
}

/// One string: its variables, where they stand, and the policy's version.
fn check_string(ctx: &mut Ctx, at: Loc, text: &Text, place: Place<'_>, plain_text: bool) {
    if !text
        .segments()
        .iter()
        .any(|s| matches!(s, Segment::Literal(l) if has_variable(l)))
    {
        return;
    }
    if !plain_text {
        check_inserted_name(ctx, at, text);
    }
    let variables = scan(text);
    if variables.is_empty() {
        return;
    }
    if plain_text {
        check_version(ctx, at, &variables);
        return;
    }
    for variable in &variables {
        if let Some(problem) = &variable.problem {
            report_problem(ctx, at, variable, problem);
        }
    }
    check_place(ctx, at, text, &variables, place);
}

/// A value inserted inside `${...}` would choose which key the variable reads, or add a
/// default (`${aws:PrincipalTag/{tag}}` with `x, 'admin'` for `tag`): a run-time value
/// must not write policy syntax, and IAM has no escape inside a variable's name.
fn check_inserted_name(ctx: &mut Ctx, at: Loc, text: &Text) {
    let mut open = false;
    for segment in text.segments() {
        match segment {
            Segment::Literal(literal) => open = interpolation::ends_inside_variable(open, literal),
            Segment::Hole(_) if open => {
                ctx.report_help(
                    at,
                    Code::InvalidPolicyVariable,
                    format!(
                        "`{}` inserts a value inside a policy variable, where it could change which key the variable reads",
                        text.display()
                    ),
                    "write the variable's name literally, such as `${aws:PrincipalTag/team}`",
                );
                return;
            }
            Segment::Hole(_) => {}
        }
    }
}

/// `2008-10-17` (or no `Version`) has no policy variables: `${...}` is plain text there
/// (variables page; Access Analyzer "Variable unsupported in version"). Once per string.
fn check_version(ctx: &mut Ctx, at: Loc, variables: &[Variable]) {
    let Some(first) = variables
        .iter()
        .find(|v| v.problem != Some(Problem::Unclosed))
    else {
        return;
    };
    ctx.report_help(
        at,
        Code::PolicyVariableVersion,
        format!(
            "`{}` is plain text here: policy variables need `\"Version\": \"2012-10-17\"`",
            first.text
        ),
        "set `\"Version\": \"2012-10-17\"` at the top of the policy",
    );
}

/// A malformed or unknown variable (Access Analyzer: "Missing brace in variable", "Empty
/// variable", "Unsupported space in variable", "Missing quote in variable").
fn report_problem(ctx: &mut Ctx, at: Loc, variable: &Variable, problem: &Problem) {
    let text = &variable.text;
    let name = variable.name.trim();
    let (message, help) = match problem {
        Problem::Unclosed => (
            format!("the policy variable `{text}` has no closing `}}`"),
            format!("write `${{{name}}}`"),
        ),
        Problem::Empty => (
            format!("`{text}` is an empty policy variable"),
            "name a key inside the braces, such as `${aws:username}`; for a literal `$`, write `${$}`".to_owned(),
        ),
        Problem::Space => (
            format!("the policy variable `{text}` has a space in its name"),
            format!("write `${{{}}}`", name.split_whitespace().collect::<String>()),
        ),
        Problem::UnquotedDefault => {
            let default = text
                .trim_start_matches("${")
                .trim_end_matches('}')
                .split_once(',')
                .map_or("", |(_, d)| d.trim().trim_matches('\''));
            (
                format!("the default value of `{text}` is not in single quotes"),
                format!("write `${{{name}, '{default}'}}`"),
            )
        }
        Problem::Multivalued => (
            format!("`{text}`: `{name}` has several values, so it cannot be a policy variable"),
            "test a multivalued key in a condition with `ForAnyValue:` or `ForAllValues:` instead".to_owned(),
        ),
        Problem::Unknown => (
            format!("`{text}` names no key that can be a policy variable"),
            match ctx.did_you_mean("policy variable", name, &|| suggest_variable(name)) {
                Some(s) => format!("did you mean `${{{s}}}`?"),
                None => "policy variables are single-valued condition keys, such as `${aws:username}`, `${aws:PrincipalTag/team}` or `${aws:SourceIdentity}`".to_owned(),
            },
        ),
    };
    ctx.report_help(at, Code::InvalidPolicyVariable, message, help);
}

/// Variables only where IAM replaces them: `Resource`/`NotResource` ARNs (see the module
/// docs for the fields) and the values of string and ARN conditions (Access Analyzer:
/// "Variable unsupported in element", "Invalid variable for operator"). Once per string,
/// for its well-formed variables.
fn check_place(ctx: &mut Ctx, at: Loc, text: &Text, variables: &[Variable], place: Place<'_>) {
    let well_formed = variables
        .iter()
        .filter(|v| v.problem != Some(Problem::Unclosed));
    let (misplaced, message, help): (Vec<&Variable>, String, String) = match place {
        Place::Element(element) => (
            well_formed.collect(),
            format!("in `{element}`, where IAM does not replace policy variables"),
            "policy variables work only in `Resource`/`NotResource` ARNs and in the values of `String...` and `Arn...` conditions".to_owned(),
        ),
        Place::ConditionKey => (
            well_formed.collect(),
            "in a condition key, where IAM does not replace policy variables".to_owned(),
            "name the key literally, and put the variable in the value: `\"aws:ResourceTag/team\": \"${aws:PrincipalTag/team}\"`".to_owned(),
        ),
        Place::ConditionValue(None) => return,
        Place::ConditionValue(Some(operator)) if operator.family.takes_policy_variables() => {
            return;
        }
        Place::ConditionValue(Some(_)) => (
            well_formed.collect(),
            "in the value of a condition that is not a string or ARN comparison".to_owned(),
            "IAM replaces policy variables only in the values of `String...` and `Arn...` operators".to_owned(),
        ),
        Place::Resource => {
            // Not an ARN (`*`, or too few fields): the resource rules report it.
            if text.as_literal().is_some_and(|s| s == "*") || !has_six_fields(text) {
                return;
            }
            let fields = ["`arn`", "the partition", "the service"];
            let misplaced: Vec<&Variable> = well_formed.filter(|v| v.field < fields.len()).collect();
            let field = misplaced
                .first()
                .and_then(|v| fields.get(v.field))
                .copied()
                .unwrap_or("the partition");
            (
                misplaced,
                format!("in {field} field of the ARN, where IAM does not replace policy variables"),
                "use policy variables in the ARN's resource part (after the fifth `:`); the region and account fields also take them".to_owned(),
            )
        }
    };
    let Some(first) = misplaced.first() else {
        return;
    };
    let shown = if misplaced.len() == 1 {
        format!("`{}` is", first.text)
    } else {
        let names: Vec<&str> = misplaced.iter().map(|v| v.text.as_str()).collect();
        format!("{} are", super::structure::list(&names))
    };
    ctx.report_help(
        at,
        Code::MisplacedPolicyVariable,
        format!("{shown} {message}"),
        help,
    );
}

/// Whether a resource string has the six `:`-separated fields of an ARN (colons inside
/// variables not counted).
fn has_six_fields(text: &Text) -> bool {
    let mut colons = 0usize;
    for segment in text.segments() {
        if let Segment::Literal(s) = segment {
            let mut rest = s.as_ref();
            while !rest.is_empty() {
                if let Some(after) = rest.strip_prefix("${")
                    && let Some(end) = after.find('}')
                {
                    rest = after.get(end + 1..).unwrap_or_default();
                    continue;
                }
                let mut chars = rest.chars();
                if chars.next() == Some(':') {
                    colons += 1;
                }
                rest = chars.as_str();
            }
        }
    }
    colons >= 5
}

#[cfg(test)]
mod tests {
    use crate::Code;
    use crate::check::test_util::{codes, findings, only};

    fn statement(body: &str) -> String {
        format!(r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow",{body}}}]}}"#)
    }

    #[test]
    fn variables_where_iam_replaces_them_are_fine() {
        let found = findings(&statement(
            r#""Action":["s3:ListBucket","s3:GetObject"],
               "Resource":["arn:aws:s3:::b","arn:aws:s3:::b/${aws:username}/*","arn:aws:s3:::b/${*}/${aws:userid, 'anonymous'}"],
               "Condition":{"StringLike":{"s3:prefix":["${aws:username}/*","${aws:PrincipalTag/team}"]},
                            "ArnLike":{"aws:SourceArn":"arn:aws:sns:*:${aws:PrincipalAccount}:*"}}"#,
        ));
        assert!(
            only(&found, Code::InvalidPolicyVariable).is_empty(),
            "{found:?}"
        );
        assert!(
            only(&found, Code::MisplacedPolicyVariable).is_empty(),
            "{found:?}"
        );
        // Region and account fields, and a service key as a variable.
        let found = findings(&statement(
            r#""Action":"secretsmanager:GetSecretValue",
               "Resource":"arn:aws:secretsmanager:${aws:RequestedRegion}:${aws:PrincipalAccount}:secret:${aws:PrincipalTag/SecretId}",
               "Condition":{"StringEquals":{"aws:ResourceTag/owner":"${ec2:SourceInstanceARN}"}}"#,
        ));
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn malformed_and_unknown_variables() {
        let found = findings(&statement(
            r#""Action":"s3:GetObject","Resource":["arn:aws:s3:::b/${aws:username","arn:aws:s3:::b/${}","arn:aws:s3:::b/${aws:usrname}/*","arn:aws:s3:::b/${aws:TagKeys}","arn:aws:s3:::b/${aws:userid, anonymous}","arn:aws:s3:::b/${aws: userid}"]"#,
        ));
        assert_eq!(codes(&found), [Code::InvalidPolicyVariable; 6], "{found:?}");
        assert_eq!(
            found[0].message,
            "the policy variable `${aws:username` has no closing `}`"
        );
        assert_eq!(found[0].help.as_deref(), Some("write `${aws:username}`"));
        assert_eq!(found[0].loc, "/Statement/0/Resource/0");
        assert_eq!(found[1].message, "`${}` is an empty policy variable");
        assert_eq!(
            found[2].message,
            "`${aws:usrname}` names no key that can be a policy variable"
        );
        assert_eq!(
            found[2].help.as_deref(),
            Some("did you mean `${aws:username}`?")
        );
        assert!(
            found[3].message.contains("has several values"),
            "{}",
            found[3].message
        );
        assert_eq!(
            found[4].help.as_deref(),
            Some("write `${aws:userid, 'anonymous'}`")
        );
        assert_eq!(found[5].help.as_deref(), Some("write `${aws:userid}`"));
        // Tag templates take any tag name.
        let found = findings(&statement(
            r#""Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:PrincipalTag/Cost-Center}/*""#,
        ));
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn variables_where_iam_does_not_replace_them() {
        let found = findings(&statement(
            r#""Sid":"x${aws:username}","Action":"s3:GetObject","Resource":"arn:${aws:username}:s3:::b/*",
               "Condition":{"NumericLessThan":{"s3:max-keys":"${aws:MultiFactorAuthAge}"},
                            "StringEquals":{"aws:ResourceTag/${aws:PrincipalTag/k}":"x"}}"#,
        ));
        let misplaced = only(&found, Code::MisplacedPolicyVariable);
        assert_eq!(misplaced.len(), 4, "{found:?}");
        assert_eq!(
            misplaced[0].message,
            "`${aws:username}` is in `Sid`, where IAM does not replace policy variables"
        );
        assert_eq!(misplaced[0].loc, "/Statement/0/Sid");
        assert_eq!(
            misplaced[0].help.as_deref(),
            Some(
                "policy variables work only in `Resource`/`NotResource` ARNs and in the values of `String...` and `Arn...` conditions"
            )
        );
        assert_eq!(
            misplaced[1].message,
            "`${aws:username}` is in the partition field of the ARN, where IAM does not replace policy variables"
        );
        assert_eq!(misplaced[1].loc, "/Statement/0/Resource");
        assert_eq!(
            misplaced[2].message,
            "`${aws:MultiFactorAuthAge}` is in the value of a condition that is not a string or ARN comparison"
        );
        assert_eq!(
            misplaced[2].loc,
            "/Statement/0/Condition/NumericLessThan/s3:max-keys"
        );
        assert!(misplaced[3].message.contains("in a condition key"));
        assert_eq!(
            misplaced[3].loc,
            "/Statement/0/Condition/StringEquals/aws:ResourceTag/${aws:PrincipalTag/k}#key"
        );
        assert!(
            misplaced[3]
                .help
                .as_deref()
                .unwrap()
                .contains("in the value")
        );
    }

    #[test]
    fn variables_need_version_2012() {
        let body = r#"{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username}/${aws:userid}"}]}"#;
        let found = only(&findings(body), Code::PolicyVariableVersion).len();
        assert_eq!(found, 1);
        let old = body.replace(r#"{"Statement""#, r#"{"Version":"2008-10-17","Statement""#);
        let found = findings(&old);
        assert_eq!(codes(&found), [Code::PolicyVariableVersion], "{found:?}");
        assert_eq!(
            found[0].message,
            "`${aws:username}` is plain text here: policy variables need `\"Version\": \"2012-10-17\"`"
        );
        assert_eq!(
            found[0].help.as_deref(),
            Some("set `\"Version\": \"2012-10-17\"` at the top of the policy")
        );
        assert_eq!(found[0].loc, "/Statement/0/Resource");
        // Version 2012: no finding.
        let new = body.replace(r#"{"Statement""#, r#"{"Version":"2012-10-17","Statement""#);
        assert!(findings(&new).is_empty());
    }

    #[test]
    fn inserted_values_are_unknown_text() {
        // `{}` is a run-time value: it adds no `:`. (Inside a `${`, it is reported: see
        // `a_value_inside_a_variable_is_reported`.)
        let found = findings(&statement(
            r#""Action":"s3:GetObject","Resource":["arn:aws:s3:::{}/${aws:username}/*","arn:aws:s3:::b/{}/${aws:userid}"]"#,
        ));
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_value_inside_a_variable_is_reported() {
        let found = findings(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",
               "Resource":"arn:aws:s3:::b/${aws:PrincipalTag/{}}/*"}]}"#,
        );
        let reported = only(&found, Code::InvalidPolicyVariable);
        assert_eq!(reported.len(), 1, "{found:#?}");
        assert!(reported[0].message.contains("inside a policy variable"));
        assert_eq!(reported[0].loc, "/Statement/0/Resource");
        let beside = findings(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",
               "Resource":"arn:aws:s3:::b/${aws:username}/{}/*"}]}"#,
        );
        assert!(
            only(&beside, Code::InvalidPolicyVariable).is_empty(),
            "{beside:#?}"
        );
    }
}
