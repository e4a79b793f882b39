use serde_json::{Value, json};

use super::*;
use crate::check::test_util::{located, parse, pointer};
use crate::view::{NodeKind, Segment};

fn to_value(node: &Node) -> Value {
    match &node.kind {
        NodeKind::Null | NodeKind::Opaque(_) => Value::Null,
        NodeKind::Bool(b) => Value::Bool(*b),
        NodeKind::Number(n) => n.parse().map_or(Value::Null, Value::Number),
        NodeKind::String(text) => Value::String(
            text.segments()
                .iter()
                .map(|s| match s {
                    Segment::Literal(l) => l.to_string(),
                    Segment::Hole(_) => "{}".to_owned(),
                })
                .collect(),
        ),
        NodeKind::Array(items) => Value::Array(items.iter().map(to_value).collect()),
        NodeKind::Object(members) => Value::Object(
            members
                .iter()
                .map(|m| (m.key.to_string(), to_value(&m.value)))
                .collect(),
        ),
    }
}

fn generated_with(template: &str, options: Options) -> Generated {
    match generate(&parse(template), &options) {
        Ok(generated) => generated,
        Err(errors) => panic!("{errors:#?}"),
    }
}

fn generated(template: &str) -> Vec<Value> {
    generated_with(template, Options::default())
        .policies
        .iter()
        .map(|p| to_value(&p.root))
        .collect()
}

/// An [`Error`] located by its template JSON pointer.
#[derive(Debug)]
struct Located {
    loc: String,
    message: String,
    help: Option<String>,
}

fn errors(template: &str) -> Vec<Located> {
    let (root, pointers) = located(template).numbered();
    match generate(&root, &Options::default()) {
        Ok(generated) => panic!("generated {:?}", generated.policies),
        Err(errors) => errors
            .into_iter()
            .map(|e| Located {
                loc: pointer(&pointers, e.loc),
                message: e.message,
                help: e.help,
            })
            .collect(),
    }
}

fn statements(policy: &Value) -> Vec<Value> {
    policy["Statement"].as_array().cloned().unwrap_or_default()
}

fn by_sid<'a>(policy: &'a Value, sid: &str) -> &'a Value {
    policy["Statement"]
        .as_array()
        .and_then(|s| s.iter().find(|s| s["Sid"] == sid))
        .unwrap_or_else(|| panic!("no statement {sid} in {policy:#}"))
}

fn actions(statement: &Value) -> Vec<String> {
    statement["Action"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn all_actions(policies: &[Value]) -> Vec<String> {
    let mut out: Vec<String> = policies
        .iter()
        .flat_map(statements)
        .flat_map(|s| actions(&s))
        .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn a_bucket_arn_selects_buckets_and_an_object_arn_objects() {
    let policies =
        generated(r#"{"mode": "crud", "read": ["arn:aws:s3:::b/*"], "list": ["arn:aws:s3:::b"]}"#);
    assert_eq!(policies.len(), 1);
    let object = by_sid(&policies[0], "S3ReadObject");
    assert!(actions(object).contains(&"s3:GetObject".to_owned()));
    assert!(!actions(object).contains(&"s3:ListBucket".to_owned()));
    assert_eq!(object["Resource"], json!(["arn:aws:s3:::b/*"]));
    assert_eq!(object["Effect"], "Allow");
    let bucket = by_sid(&policies[0], "S3ListBucket");
    assert!(actions(bucket).contains(&"s3:ListBucket".to_owned()));
    assert!(!actions(bucket).contains(&"s3:GetObject".to_owned()));
    assert_eq!(bucket["Resource"], json!(["arn:aws:s3:::b"]));
    // Every action of a group is of its level and takes its type.
    for name in actions(object) {
        let action = crate::action(&name).unwrap();
        assert_eq!(action.access_level(), crate::AccessLevel::Read, "{name}");
        assert!(
            action
                .resource_types()
                .any(|r| r.resource_type().name() == "object")
        );
    }
    // A bucket ARN grants no object-level action.
    let only_bucket = generated(r#"{"read": ["arn:aws:s3:::b"]}"#);
    assert!(!all_actions(&only_bucket).contains(&"s3:GetObject".to_owned()));
    assert!(all_actions(&only_bucket).contains(&"s3:GetBucketPolicy".to_owned()));
}

#[test]
fn paths_in_the_resource_part_fit_their_placeholders() {
    // ECR repository names hold `/`.
    let policies =
        generated(r#"{"read": ["arn:aws:ecr:us-east-1:123456789012:repository/foo/bar"]}"#);
    let statement = by_sid(&policies[0], "EcrReadRepository");
    assert!(actions(statement).contains(&"ecr:BatchGetImage".to_owned()));
    // Role names with a path, for IAM's own actions and for `sts`.
    let policies = generated(
        r#"{"read": ["arn:aws:iam::123456789012:role/path/name"],
            "sts": {"assume-role": ["arn:aws:iam::123456789012:role/path/name"]}}"#,
    );
    assert!(actions(by_sid(&policies[0], "IamReadRole")).contains(&"iam:GetRole".to_owned()));
    let assume = by_sid(&policies[0], "AssumeRole");
    assert_eq!(actions(assume), ["sts:AssumeRole"]);
    assert_eq!(
        assume["Resource"],
        json!(["arn:aws:iam::123456789012:role/path/name"])
    );
}

#[test]
fn an_arn_that_fits_nothing_is_an_error_with_the_closest_formats() {
    // S3 buckets have no region.
    let found = errors(r#"{"read": ["arn:aws:s3:us-east-1::b"]}"#);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].loc, "/read/0");
    assert!(
        found[0].message.contains("fits no resource type"),
        "{found:?}"
    );
    let help = found[0].help.as_deref().unwrap();
    assert!(
        help.contains("arn:${Partition}:s3:::${BucketName}"),
        "{help}"
    );
    // Not an ARN at all, and `*`.
    let found = errors(r#"{"write": ["s3://bucket", "*"]}"#);
    assert_eq!(found.len(), 2);
    assert!(found[0].message.contains("is not an ARN"));
    assert!(found[1].help.as_deref().unwrap().contains("wildcard-only"));
    // A fitting ARN is no error.
    assert_eq!(generated(r#"{"read": ["arn:aws:s3:::b"]}"#).len(), 1);
}

#[test]
fn wildcard_only_actions_go_to_one_star_statement() {
    let policies = generated(
        r#"{"read": ["arn:aws:s3:::b/*"],
            "wildcard-only": {"single-actions": ["s3:ListAllMyBuckets"], "service-list": ["kms"]}}"#,
    );
    let star = by_sid(&policies[0], "WildcardOnly");
    assert_eq!(star["Resource"], json!(["*"]));
    let names = actions(star);
    assert!(names.contains(&"s3:ListAllMyBuckets".to_owned()));
    assert!(names.contains(&"kms:ListAliases".to_owned()));
    for name in &names {
        assert!(crate::action(name).unwrap().is_wildcard_only(), "{name}");
    }
    // First, as policy_sentry writes it.
    assert_eq!(statements(&policies[0])[0]["Sid"], "WildcardOnly");
    // An action that takes resource types is not wildcard-only.
    let found = errors(r#"{"wildcard-only": {"single-actions": ["s3:GetObject"]}}"#);
    assert!(found[0].message.contains("not wildcard-only"), "{found:?}");
    assert!(found[0].help.as_deref().unwrap().contains("`read`"));
    // skip-resource-constraints grants any action on `*`.
    let policies = generated(r#"{"skip-resource-constraints": ["s3:GetObject"]}"#);
    let skip = by_sid(&policies[0], "SkipResourceConstraints");
    assert_eq!(skip["Resource"], json!(["*"]));
    assert_eq!(actions(skip), ["s3:GetObject"]);
}

#[test]
fn deny_applies_to_every_statement() {
    let policies = generated(
        r#"{"effect": "Deny", "write": ["arn:aws:s3:::b/*"],
            "wildcard-only": {"single-actions": ["s3:ListAllMyBuckets"]}}"#,
    );
    assert!(
        statements(&policies[0])
            .iter()
            .all(|s| s["Effect"] == "Deny")
    );
    let allow = generated(r#"{"write": ["arn:aws:s3:::b/*"]}"#);
    assert!(statements(&allow[0]).iter().all(|s| s["Effect"] == "Allow"));
    let found = errors(r#"{"effect": "deny", "write": ["arn:aws:s3:::b/*"]}"#);
    assert_eq!(found[0].loc, "/effect");
}

#[test]
fn conditions_make_their_own_statements() {
    let policies = generated(
        r#"{"read": [
              "arn:aws:s3:::a/*",
              {"arn": "arn:aws:s3:::b/*",
               "condition": {"StringEquals": {"s3:ExistingObjectTag/team": "data"}}}
            ]}"#,
    );
    let plain = by_sid(&policies[0], "S3ReadObject");
    assert_eq!(plain["Resource"], json!(["arn:aws:s3:::a/*"]));
    assert!(plain.get("Condition").is_none());
    let conditioned = by_sid(&policies[0], "S3ReadObjectCondition1");
    assert_eq!(conditioned["Resource"], json!(["arn:aws:s3:::b/*"]));
    assert_eq!(
        conditioned["Condition"],
        json!({"StringEquals": {"s3:ExistingObjectTag/team": "data"}})
    );
    // A condition the engine rejects is an error at the template.
    let found = errors(
        r#"{"read": [{"arn": "arn:aws:s3:::b/*", "condition": {"StringEqualz": {"s3:prefix": "x"}}}]}"#,
    );
    assert!(
        found.iter().any(|e| e.loc.starts_with("/read/0/condition")),
        "{found:?}"
    );
    let found = errors(r#"{"read": [{"arn": "arn:aws:s3:::b/*", "condition": "x"}]}"#);
    assert_eq!(found[0].loc, "/read/0/condition");
}

#[test]
fn grants_scope_levels_to_a_service() {
    let instance = "arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0";
    // An ARN grants the actions of the service it names; `ssm:SendCommand` takes EC2
    // instances and S3 buckets too, and only a grant that names `ssm` asks for it.
    let unscoped = generated(&format!(r#"{{"write": ["{instance}", "arn:aws:s3:::b"]}}"#));
    let names = all_actions(&unscoped);
    assert!(names.contains(&"ec2:StopInstances".to_owned()));
    assert!(
        names
            .iter()
            .all(|a| a.starts_with("ec2:") || a.starts_with("s3:")),
        "{names:?}"
    );
    let ssm = generated(&format!(
        r#"{{"grants": [{{"arn": "{instance}", "ssm": ["write"]}}]}}"#
    ));
    assert!(all_actions(&ssm).contains(&"ssm:SendCommand".to_owned()));
    let scoped = generated(&format!(
        r#"{{"grants": [{{"arn": "{instance}", "ec2": ["write", "read"]}}]}}"#
    ));
    let names = all_actions(&scoped);
    assert!(names.iter().all(|a| a.starts_with("ec2:")), "{names:?}");
    assert!(names.contains(&"ec2:StopInstances".to_owned()));
    assert!(by_sid(&scoped[0], "Ec2ReadInstance")["Action"].is_array());
    // Scoped to a service whose types the ARN does not fit: an error.
    let found = errors(r#"{"grants": [{"arn": "arn:aws:s3:::b", "sqs": ["read"]}]}"#);
    assert!(found[0].message.contains("of `sqs`"), "{found:?}");
    let found = errors(r#"{"grants": [{"arn": "arn:aws:s3:::b", "s4": ["raed"]}]}"#);
    assert!(
        found[0].help.as_deref().unwrap().contains("`s3`"),
        "{found:?}"
    );
}

#[test]
fn too_large_for_the_quota_splits_and_never_widens() {
    let template = r#"{"read": ["arn:aws:s3:::b/*", "arn:aws:s3:::b"],
        "write": ["arn:aws:s3:::b/*", "arn:aws:s3:::b"],
        "list": ["arn:aws:s3:::b/*", "arn:aws:s3:::b"],
        "tagging": ["arn:aws:s3:::b/*", "arn:aws:s3:::b"]}"#;
    let whole = generated(template);
    assert_eq!(whole.len(), 1);
    let session = generated_with(template, Options::new(PolicyKind::Session));
    assert!(session.policies.len() > 1, "{}", session.policies.len());
    let quota = crate::check::quota::quota(PolicyKind::Session).unwrap();
    for policy in &session.policies {
        assert!(crate::check::quota::size(&policy.root).characters <= quota.limit);
        assert!(crate::check(policy, PolicyKind::Session).is_empty());
    }
    let split: Vec<Value> = session.policies.iter().map(|p| to_value(&p.root)).collect();
    assert_eq!(all_actions(&split), all_actions(&whole));
    assert!(all_actions(&split).iter().all(|a| !a.contains('*')));
}

#[test]
fn minimize_writes_patterns_that_match_exactly_the_requested_actions() {
    let template = r#"{"read": ["arn:aws:s3:::b/*"], "write": ["arn:aws:s3:::b/*"]}"#;
    let plain = generated(template);
    let minimized = generated_with(template, Options::default().minimize(true));
    let min_values: Vec<Value> = minimized
        .policies
        .iter()
        .map(|p| to_value(&p.root))
        .collect();
    for (plain, min) in statements(&plain[0]).iter().zip(statements(&min_values[0])) {
        let wanted = actions(plain);
        let mut expanded: Vec<String> = actions(&min)
            .iter()
            .flat_map(|p| crate::query::expand(p))
            .map(|a| a.to_string())
            .collect();
        expanded.sort();
        expanded.dedup();
        let mut wanted_sorted = wanted.clone();
        wanted_sorted.sort();
        assert_eq!(expanded, wanted_sorted, "{}", min["Sid"]);
        assert!(actions(&min).len() <= wanted.len());
    }
    assert!(all_actions(&min_values).iter().any(|a| a.ends_with('*')));
    assert!(
        minimized
            .notes
            .iter()
            .any(|n| n.severity == Some(Severity::Warning) && n.message.contains("grants them too"))
    );
    // The pattern chooser alone: a list that is every `Get*` action becomes `s3:Get*`
    // only when nothing else starts with the head.
    let s3 = crate::service("s3").unwrap();
    let gets = crate::query::actions_matching(s3, "GetBucket*");
    let patterns = build::minimized_for_test(&gets);
    assert_eq!(patterns.len(), 1, "{patterns:?}");
    assert_eq!(crate::query::expand(&patterns[0]), gets);
    let mut some = gets.clone();
    some.pop();
    let patterns = build::minimized_for_test(&some);
    let covered: Vec<_> = patterns
        .iter()
        .flat_map(|p| crate::query::expand(p))
        .collect();
    assert_eq!(covered.len(), some.len());
    assert!(covered.iter().all(|a| some.contains(a)));
}

#[test]
fn inserted_values_keep_their_holes_and_the_fixed_parts_select() {
    let generated = generated_with(
        r#"{"read": ["arn:aws:s3:::{}/*"], "list": ["arn:aws:s3:::{}"]}"#,
        Options::default(),
    );
    let policy = to_value(&generated.policies[0].root);
    assert_eq!(
        by_sid(&policy, "S3ReadObject")["Resource"],
        json!(["arn:aws:s3:::{}/*"])
    );
    assert_eq!(
        by_sid(&policy, "S3ListBucket")["Resource"],
        json!(["arn:aws:s3:::{}"])
    );
    let holes = crate::check::interpolation::modes(&generated.policies[0]);
    assert_eq!(holes.len(), 2);
    assert!(
        holes
            .iter()
            .all(|(_, mode)| *mode == crate::check::interpolation::InsertMode::Escape)
    );
}

#[test]
fn actions_mode_groups_by_resource_type() {
    let policies = generated(
        r#"{"mode": "actions", "actions": ["s3:GetObject", "s3:PutObject", "s3:ListAllMyBuckets", "sqs:SendMessage"]}"#,
    );
    // `s3:GetObject` takes objects and access point objects: both formats, placeholders
    // as `*`.
    let object = by_sid(&policies[0], "S3ReadAccesspointobjectObject");
    assert_eq!(
        object["Resource"],
        json!(["arn:aws:s3:*:*:accesspoint/*/object/*", "arn:aws:s3:::*/*"])
    );
    assert_eq!(actions(object), ["s3:GetObject"]);
    assert_eq!(
        actions(by_sid(&policies[0], "S3WriteAccesspointobjectObject")),
        ["s3:PutObject"]
    );
    assert_eq!(
        actions(by_sid(&policies[0], "WildcardOnly")),
        ["s3:ListAllMyBuckets"]
    );
    assert_eq!(
        by_sid(&policies[0], "SqsWriteQueue")["Resource"],
        json!(["arn:aws:sqs:*:*:*"])
    );
    let found = errors(r#"{"mode": "actions", "actions": ["s3:GetObjekt"]}"#);
    assert_eq!(
        found[0].help.as_deref(),
        Some("did you mean `s3:GetObject`?")
    );
    let found =
        errors(r#"{"mode": "actions", "actions": ["s3:GetObject"], "read": ["arn:aws:s3:::b"]}"#);
    assert_eq!(found[0].loc, "/read#key");
}

#[test]
fn exclude_actions_removes_and_reports_typos() {
    let policies = generated(
        r#"{"write": ["arn:aws:s3:::b/*"], "exclude-actions": ["s3:Delete*", "s3:PutObjectAcl"]}"#,
    );
    let names = all_actions(&policies);
    assert!(names.contains(&"s3:PutObject".to_owned()));
    assert!(
        !names
            .iter()
            .any(|a| a.starts_with("s3:Delete") || a == "s3:PutObjectAcl")
    );
    let found = errors(r#"{"write": ["arn:aws:s3:::b/*"], "exclude-actions": ["s3:PutObjekt"]}"#);
    assert_eq!(found[0].loc, "/exclude-actions/0");
    assert_eq!(
        found[0].help.as_deref(),
        Some("did you mean `s3:PutObject`?")
    );
}

#[test]
fn template_mistakes_are_located() {
    let found = errors(r#"{"reads": ["arn:aws:s3:::b"], "mode": "crud"}"#);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].loc, "/reads#key");
    assert_eq!(found[0].help.as_deref(), Some("did you mean `read`?"));
    let found = errors(r#"{"read": [""], "list": null}"#);
    assert!(found[0].message.contains("grants nothing"));
    // An ARN whose type no action of the level takes: the entry says so.
    let found =
        errors(r#"{"list": ["arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf"]}"#);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].loc, "/list/0");
    assert!(
        found[0].message.contains("no list action takes it"),
        "{found:?}"
    );
    let found = errors("[]");
    assert!(found[0].message.contains("is an object"));
    // policy_sentry's blank template, filled in: empty strings are nothing.
    let policies = generated(
        r#"{"mode": "crud", "name": "", "read": ["arn:aws:s3:::b/*"], "write": [""],
            "wildcard-only": {"single-actions": [""], "service-read": [""]},
            "skip-resource-constraints": [""], "exclude-actions": [""],
            "sts": {"assume-role": [""]}}"#,
    );
    assert_eq!(policies.len(), 1);
    let kind = generate(
        &parse(r#"{"read": ["arn:aws:s3:::b"]}"#),
        &Options::new(PolicyKind::Scp),
    );
    assert!(kind.is_err());
}

#[test]
fn dependent_actions_are_noted() {
    let generated = generated_with(
        r#"{"write": ["arn:aws:ec2:us-east-1:123456789012:instance/*"]}"#,
        Options::default(),
    );
    assert!(
        generated
            .notes
            .iter()
            .any(|n| n.message.contains("`ec2:RunInstances` also needs")
                && n.message.contains("iam:PassRole")),
        "{:?}",
        generated.notes
    );
}

/// An ARN of the format: `aws`, `us-east-1`, `123456789012`, each other placeholder a
/// name.
fn arn_of(format: &str) -> String {
    let fields: Vec<&str> = format.splitn(6, ':').collect();
    let mut out = Vec::new();
    for (index, field) in fields.iter().enumerate() {
        let filled = match index {
            1 => "aws".to_owned(),
            3 if field.contains("${") => "us-east-1".to_owned(),
            4 if field.contains("${") => "123456789012".to_owned(),
            _ => {
                let mut text = String::new();
                let mut rest = *field;
                while let Some(start) = rest.find("${") {
                    text.push_str(&rest[..start]);
                    let Some(end) = rest[start..].find('}') else {
                        break;
                    };
                    text.push_str("name1");
                    rest = &rest[start + end + 1..];
                }
                text.push_str(rest);
                text
            }
        };
        out.push(filled);
    }
    out.join(":")
}

mod property {
    use proptest::prelude::*;

    use super::*;

    /// Warnings about what a template asks for rather than how the policy is written: a
    /// session policy granting a service that takes no temporary credentials, and the
    /// security group (DESIGN.md: a policy that can escalate privileges, pass any role,
    /// ...). The generator passes them on as notes; they are not defects of its output.
    fn about_the_request(code: crate::Code, kind: PolicyKind) -> bool {
        const SECURITY: &[&str] = &[
            "privilege-escalation",
            "pass-role-unrestricted",
            "data-exfiltration",
            "resource-exposure",
            "credentials-exposure",
            "allow-with-not",
            "public-access",
            "cross-account-trust-unconditioned",
        ];
        (kind == PolicyKind::Session && code == crate::Code::TemporaryCredentialsUnsupported)
            || SECURITY.contains(&code.name())
    }

    const LEVEL_KEYS: [&str; 5] = ["read", "write", "list", "tagging", "permissions-management"];

    /// A template of one to three ARNs (each an ARN of a random resource type) at random
    /// levels, as strings or entries with a condition, optionally with wildcard-only
    /// service levels, and with Deny an assumed role; `minimize` or not.
    fn template() -> impl Strategy<Value = (Value, PolicyKind)> {
        let services = crate::services().len();
        (
            prop::collection::vec((0..services, 0usize..64, 0usize..5, 0u8..3), 1..4),
            prop::option::of((0..services, 0usize..5)),
            any::<bool>(),
            any::<bool>(),
            prop::sample::select(vec![
                PolicyKind::Identity,
                PolicyKind::Session,
                PolicyKind::Boundary,
            ]),
        )
            .prop_map(|(entries, wildcard, deny, minimize, kind)| {
                let mut template = serde_json::Map::new();
                for (service, rt, level, form) in entries {
                    let service = crate::services().nth(service).unwrap();
                    let types: Vec<_> = service.resource_types().collect();
                    let Some(rt) = types.get(rt % types.len().max(1)) else {
                        continue;
                    };
                    // A format whose account field is fixed text (a few in the
                    // reference, e.g. MediaConnect's `offering`) makes no valid ARN.
                    let Some(format) = rt.arn_formats().next().filter(|f| {
                        f.split(':').nth(4).is_some_and(|a| a.is_empty() || a.starts_with("${"))
                    }) else {
                        continue;
                    };
                    let arn = arn_of(format);
                    // A string, an object, or an object with a global-key condition.
                    let entry = match form {
                        0 => json!(arn),
                        1 => json!({"arn": arn}),
                        _ => json!({"arn": arn, "condition": {"Bool": {"aws:SecureTransport": "true"}}}),
                    };
                    template
                        .entry(LEVEL_KEYS[level])
                        .or_insert_with(|| json!([]))
                        .as_array_mut()
                        .unwrap()
                        .push(entry);
                }
                if let Some((service, level)) = wildcard {
                    let prefix = crate::services().nth(service).unwrap().prefix();
                    let key = format!("service-{}", LEVEL_KEYS[level]);
                    template.insert("wildcard-only".into(), json!({ key: [prefix] }));
                }
                if deny {
                    template.insert("effect".into(), json!("Deny"));
                    template.insert(
                        "sts".into(),
                        json!({"assume-role": ["arn:aws:iam::123456789012:role/path/name"]}),
                    );
                }
                template.insert("minimize".into(), json!(minimize));
                (Value::Object(template), kind)
            })
    }

    proptest! {
        /// Whatever a template asks for, the result passes `check` with no finding of
        /// any severity, and no document exceeds the quota.
        #[test]
        fn generated_policies_pass_check((template, kind) in template()) {
            let node = crate::check::test_util::from_value(&template, String::new()).numbered().0;
            match generate(&node, &Options::new(kind)) {
                Ok(generated) => {
                    for policy in &generated.policies {
                        // A session policy may grant a service that takes no temporary
                        // credentials because the template asks for it; the warning is
                        // passed on as a note, not hidden.
                        let findings: Vec<_> = crate::check(policy, kind)
                            .into_iter()
                            .filter(|d| !about_the_request(d.code, kind))
                            .collect();
                        prop_assert!(findings.is_empty(), "{template:#}\n{:#}\n{findings:#?}", to_value(&policy.root));
                    }
                    prop_assert!(
                        generated.notes.iter().all(|n| !n.message.contains('[')
                            || crate::Code::ALL.iter().any(|c| about_the_request(*c, kind) && n.message.ends_with(&format!("[{c}]")))),
                        "a check warning: {:?}", generated.notes
                    );
                }
                Err(errors) => {
                    // Only "grants nothing" (every ARN at a level none of whose actions
                    // take its type) may stop a template of fitting ARNs.
                    prop_assert!(
                        errors.iter().all(|e| e.message.contains("grants nothing")),
                        "{template:#}\n{errors:#?}"
                    );
                }
            }
        }
    }
}

#[test]
fn grants_name_single_actions_on_their_resources() {
    let policies = generated(
        r#"{"grants": [
              {"arn": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
               "actions": ["kms:Decrypt"]},
              {"arn": "arn:aws:s3:::reports", "actions": ["s3:ListBucket"],
               "condition": {"StringLike": {"s3:prefix": "incoming/*"}}}
            ]}"#,
    );
    let key = by_sid(&policies[0], "KmsWriteKey");
    assert_eq!(actions(key), ["kms:Decrypt"]);
    let list = by_sid(&policies[0], "S3ListBucketCondition1");
    assert_eq!(actions(list), ["s3:ListBucket"]);
    assert_eq!(
        list["Condition"],
        json!({"StringLike": {"s3:prefix": "incoming/*"}})
    );
    // The ARN must be a resource the action takes.
    let found =
        errors(r#"{"grants": [{"arn": "arn:aws:s3:::reports", "actions": ["s3:GetObject"]}]}"#);
    assert_eq!(found[0].loc, "/grants/0/arn");
    assert!(
        found[0].help.as_deref().unwrap().contains("${ObjectName}"),
        "{found:?}"
    );
}
