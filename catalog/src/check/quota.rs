//! Size quotas per policy type, counted as AWS counts them.
//!
//! IAM does not count white space: the size is the length in characters of the document
//! written without white space outside strings ("IAM and AWS STS quotas": "IAM doesn't
//! count white space when calculating the size of a policy against these quotas").
//! Strings and keys count as written in JSON (escapes included). A value inserted at run
//! time counts as nothing, so for a policy with `{var}`s the size is a lower bound and the
//! check fires only when the fixed text alone is too large. Run-time (opaque) values count
//! as nothing too.
//!
//! Other quotas count white space (AWS Organizations: "All characters in your SCP count
//! against its maximum size"; Amazon VPC: "20,480 characters, including white space";
//! `DynamoDB`: "counts whitespaces"). The engine sees the document, not its layout, so it
//! always counts the document without white space: that is what `to_json()` writes, and a
//! document over the quota without white space is over it with white space too. Those
//! findings say "even without white space".
//!
//! `identity` assumes a customer managed policy (6,144 characters). Inline policies have
//! per-identity aggregate quotas instead (user 2,048, group 5,120, role 10,240 characters,
//! the sum of all inline policies of the identity), which one document cannot decide.

use super::Ctx;
use crate::model;
use crate::query::has_wildcard;
use crate::{Code, Member, Node, NodeKind, PolicyKind, Segment};

/// What a quota counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Characters of the JSON text.
    Characters,
    /// Bytes of the UTF-8 JSON text.
    Bytes,
}

impl Unit {
    fn plural(self) -> &'static str {
        match self {
            Unit::Characters => "characters",
            Unit::Bytes => "bytes",
        }
    }

    fn singular(self) -> &'static str {
        match self {
            Unit::Characters => "character",
            Unit::Bytes => "byte",
        }
    }
}

/// The size quota of a policy type, or of one service's resource policies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Quota {
    /// The largest size AWS accepts.
    pub limit: usize,
    /// What [`Quota::limit`] counts.
    pub unit: Unit,
    /// The policy, with its article, for messages: "a customer managed policy".
    pub what: &'static str,
    /// Whether AWS documents that white space is not counted (IAM policies).
    pub ignores_white_space: bool,
    /// The most statements a policy may have, where the service documents it.
    pub statements: Option<usize>,
    /// The most actions a statement may list, where the service documents it.
    pub actions_per_statement: Option<usize>,
}

impl Quota {
    pub(crate) const fn chars(limit: usize, what: &'static str) -> Self {
        Quota {
            limit,
            unit: Unit::Characters,
            what,
            ignores_white_space: false,
            statements: None,
            actions_per_statement: None,
        }
    }

    pub(crate) const fn bytes(limit: usize, what: &'static str) -> Self {
        Quota {
            unit: Unit::Bytes,
            ..Quota::chars(limit, what)
        }
    }

    pub(crate) const fn iam(self) -> Self {
        Quota {
            ignores_white_space: true,
            ..self
        }
    }
}

/// The quota of a policy type (from the type's facts, `kind.rs`). `None` for resource
/// policies, whose quota depends on the service (see [`resource_quota`]).
pub fn quota(kind: PolicyKind) -> Option<Quota> {
    kind.facts().quota
}

/// The quota of a resource policy whose statements all name actions of `prefix`, from each
/// service's documentation. Services not listed get no size check.
pub fn resource_quota(prefix: &str) -> Option<Quota> {
    Some(match prefix {
        // Amazon S3 User Guide, "Bucket policies and user policies": "Bucket policies are
        // limited to 20 KB in size."
        "s3" => Quota::bytes(20_480, "an S3 bucket policy"),
        // AWS KMS Developer Guide, "Create a key policy" (key policy format): "Up to 32
        // kilobytes (32,768 bytes)"; `PutKeyPolicy`: "The policy size limit is 32 KiB".
        "kms" => Quota::bytes(32_768, "a KMS key policy"),
        // Amazon SQS Developer Guide, "Amazon SQS policy quotas": bytes 8,192, statements
        // 20, actions per statement 7 (also conditions 10 and principals 50, which this
        // check does not count: the page does not say how they are counted).
        "sqs" => Quota {
            statements: Some(20),
            actions_per_statement: Some(7),
            ..Quota::bytes(8_192, "an SQS queue policy")
        },
        // Amazon SNS Developer Guide, "Amazon SNS API permissions: Actions and resources
        // reference", policy quotas: bytes 30 kb, statements 100 (principals 1 to 200 not
        // counted here).
        "sns" => Quota {
            statements: Some(100),
            ..Quota::bytes(30_720, "an SNS topic policy")
        },
        // Lambda Developer Guide, "Lambda quotas": function resource-based policy 20 KB
        // (not adjustable; the error is "The final policy size is bigger than the limit").
        "lambda" => Quota::bytes(20_480, "a Lambda resource-based policy"),
        // Amazon ECR API reference, `SetRepositoryPolicy`: `policyText` maximum length
        // 10,240.
        "ecr" => Quota::chars(10_240, "an ECR repository policy"),
        // DynamoDB API reference, `PutResourcePolicy`: "The maximum size supported for a
        // resource-based policy document is 20 KB. DynamoDB counts whitespaces".
        "dynamodb" => Quota::bytes(20_480, "a DynamoDB resource-based policy"),
        // Secrets Manager quotas page: resource-based policy length 20,480 characters.
        // (The stored copy of the page this was checked against was cut before that row;
        // the figure is as remembered from the page, not re-verified.)
        "secretsmanager" => Quota::chars(20_480, "a Secrets Manager resource policy"),
        _ => return None,
    })
}

/// The size of a document written without white space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Size {
    /// Characters of the JSON text.
    pub characters: usize,
    /// Bytes of the UTF-8 JSON text.
    pub bytes: usize,
    /// Whether run-time values were left out (the size is then a lower bound).
    pub partial: bool,
}

impl Size {
    /// The size in `unit`.
    pub fn in_unit(&self, unit: Unit) -> usize {
        match unit {
            Unit::Characters => self.characters,
            Unit::Bytes => self.bytes,
        }
    }

    fn add(&mut self, n: usize) {
        self.characters += n;
        self.bytes += n;
    }

    fn add_escaped(&mut self, s: &str) {
        // ASCII text (nearly every policy) byte by byte, each byte one unit or its escape;
        // other text by characters.
        let mut units = 0;
        let mut ascii = true;
        for &b in s.as_bytes() {
            match b {
                b'"' | b'\\' | b'\n' | b'\r' | b'\t' | 0x08 | 0x0c => units += 2,
                0..0x20 => units += 6,
                0x80.. => {
                    ascii = false;
                    break;
                }
                _ => units += 1,
            }
        }
        if ascii {
            self.characters += units;
            self.bytes += units;
            return;
        }
        for c in s.chars() {
            let (chars, bytes) = match c {
                '"' | '\\' | '\n' | '\r' | '\t' | '\u{8}' | '\u{c}' => (2, 2),
                c if u32::from(c) < 0x20 => (6, 6),
                c => (1, c.len_utf8()),
            };
            self.characters += chars;
            self.bytes += bytes;
        }
    }
}

/// The document's size without white space. Iterative: no nesting depth can overflow the
/// stack.
pub fn size(root: &Node) -> Size {
    let mut size = Size {
        characters: 0,
        bytes: 0,
        partial: false,
    };
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        match &node.kind {
            NodeKind::Null => size.add(4),
            NodeKind::Bool(b) => size.add(if *b { 4 } else { 5 }),
            NodeKind::Number(n) => size.add(n.len()),
            NodeKind::String(text) => {
                size.add(2);
                for segment in text.segments() {
                    match segment {
                        Segment::Literal(s) => size.add_escaped(s),
                        Segment::Hole(_) => size.partial = true,
                    }
                }
            }
            NodeKind::Opaque(_) => size.partial = true,
            NodeKind::Array(items) => {
                // Brackets and commas.
                size.add(2 + items.len().saturating_sub(1));
                stack.extend(items.iter());
            }
            NodeKind::Object(members) => {
                // Braces, commas, and per member its quoted key and a colon.
                size.add(2 + members.len().saturating_sub(1));
                for member in members {
                    size.add(3);
                    size.add_escaped(&member.key);
                    stack.push(&member.value);
                }
            }
        }
    }
    size
}

/// The `Statement` member of the root, and the statement nodes.
fn statements<'n>(root: &'n Node<'n>) -> Option<(&'n Member<'n>, Vec<&'n Node<'n>>)> {
    let member = root.as_object()?.iter().find(|m| m.key == "Statement")?;
    let nodes = match member.value.as_array() {
        Some(items) => items.iter().collect(),
        None => vec![&member.value],
    };
    Some((member, nodes))
}

/// The `Action` (or `NotAction`) member of a statement node.
fn action_member<'n>(statement: &'n Node<'n>) -> Option<&'n Member<'n>> {
    statement
        .as_object()?
        .iter()
        .find(|m| m.key == "Action" || m.key == "NotAction")
}

/// The nodes of a string-or-array member.
fn items<'n>(member: &'n Member<'n>) -> Vec<&'n Node<'n>> {
    match member.value.as_array() {
        Some(items) => items.iter().collect(),
        None => vec![&member.value],
    }
}

/// The service prefix an action string names, when its fixed text names one (a value
/// inserted after the `:` does not hide the prefix).
fn action_prefix(action: &Node) -> Option<String> {
    let text = action.as_text()?;
    let Some(Segment::Literal(first)) = text.segments().first() else {
        return None;
    };
    let (prefix, _) = first.split_once(':')?;
    if prefix.is_empty() || has_wildcard(prefix) {
        return None;
    }
    let prefix = prefix.to_ascii_lowercase();
    model::service(&prefix)?;
    Some(prefix)
}

/// The single service prefix every action of the policy belongs to, if any.
fn single_service(root: &Node) -> Option<String> {
    let mut prefix: Option<String> = None;
    let (_, statements) = statements(root)?;
    for statement in statements {
        for action in items(action_member(statement)?) {
            let service = action_prefix(action)?;
            match &prefix {
                None => prefix = Some(service),
                Some(p) if *p == service => {}
                Some(_) => return None,
            }
        }
    }
    prefix
}

/// `policy-too-large`: the document is larger than its type's quota, or has more
/// statements or actions per statement than its service allows.
pub(crate) fn check_quota<'a>(ctx: &mut Ctx, root: &'a Node<'a>) {
    let quota = match ctx.kind {
        // The service the caller named, or else the one every action belongs to.
        PolicyKind::Resource => ctx
            .service
            .map(|s| s.prefix().to_owned())
            .or_else(|| single_service(root))
            .and_then(|p| resource_quota(&p)),
        kind => quota(kind),
    };
    let Some(quota) = quota else {
        return;
    };
    check_size(ctx, root, &quota);
    check_counts(ctx, root, &quota);
}

fn check_size<'a>(ctx: &mut Ctx, root: &'a Node<'a>, quota: &Quota) {
    let measured = size(root);
    let n = measured.in_unit(quota.unit);
    if n <= quota.limit {
        return;
    }
    let at_least = if measured.partial { "at least " } else { "" };
    let white_space = if quota.ignores_white_space {
        "without white space"
    } else {
        "even without white space"
    };
    let (limit, unit, what) = (quota.limit, quota.unit, quota.what);
    let help = ctx.kind.facts().quota_help;
    ctx.report_help(
        root.loc,
        Code::PolicyTooLarge,
        format!(
            "the policy is {at_least}{n} {} {white_space}, over the {limit}-{} quota of {what}",
            unit.plural(),
            unit.singular()
        ),
        help,
    );
}

/// Statement and action counts (SQS, SNS).
fn check_counts<'a>(ctx: &mut Ctx, root: &'a Node<'a>, quota: &Quota) {
    let Some((member, nodes)) = statements(root) else {
        return;
    };
    if let Some(max) = quota.statements
        && nodes.len() > max
    {
        ctx.report_help(
            member.value.loc,
            Code::PolicyTooLarge,
            format!(
                "the policy has {} statements, over the quota of {max} statements of {}",
                nodes.len(),
                quota.what
            ),
            "merge statements that share their principal, resource and condition",
        );
    }
    let Some(max) = quota.actions_per_statement else {
        return;
    };
    for statement in nodes {
        let Some(action) = action_member(statement) else {
            continue;
        };
        let count = match &action.value.kind {
            NodeKind::Array(items) => items.len(),
            _ => 1,
        };
        if count > max {
            ctx.report_help(
                action.key_loc,
                Code::PolicyTooLarge,
                format!(
                    "the statement lists {count} actions, over the quota of {max} actions per statement of {}",
                    quota.what
                ),
                "use a wildcard for a family of actions (`sqs:Get*`), or split the statement",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Code;
    use crate::check::test_util::{codes, findings_kind, only, parse};

    /// A policy of `n` copies of `statement`.
    fn policy_of(statement: &str, n: usize) -> String {
        format!(
            r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
            vec![statement; n].join(",")
        )
    }

    /// 73 characters.
    const STATEMENT: &str =
        r#"{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"#;

    /// A document of exactly `n` characters without white space: one statement whose `Sid`
    /// pads it.
    fn exactly(n: usize, principal: bool) -> String {
        padded(
            n,
            if principal {
                r#"{"Version":"2012-10-17","Statement":[{"Sid":"","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
            } else {
                r#"{"Version":"2012-10-17","Statement":[{"Sid":"","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
            },
        )
    }

    /// `head` (with an empty `Sid`) padded through its `Sid` to `n` characters.
    fn padded(n: usize, head: &str) -> String {
        let pad = "A".repeat(n - head.len());
        head.replacen(r#""Sid":"""#, &format!(r#""Sid":"{pad}""#), 1)
    }

    #[test]
    fn size_counts_the_document_without_white_space() {
        let text = "{ \"a\" : [ 1 , true , null , \"x\\\"y\" ] ,\n \"b\" : { } }";
        let compact = r#"{"a":[1,true,null,"x\"y"],"b":{}}"#;
        let measured = size(&parse(text));
        assert_eq!(measured.characters, compact.len());
        assert_eq!(measured.bytes, compact.len());
        assert!(!measured.partial);
        // A hole counts as nothing and makes the size a lower bound.
        let with_hole = size(&parse(r#"{"a":"x{}y"}"#));
        assert_eq!(with_hole.characters, r#"{"a":"xy"}"#.len());
        assert!(with_hole.partial);
        // Characters and bytes differ beyond ASCII; control characters are escaped.
        let latin = size(&parse("{\"é\":\"\\t\"}"));
        assert_eq!(latin.characters, r#"{"é":"\t"}"#.chars().count());
        assert_eq!(latin.bytes, r#"{"é":"\t"}"#.len());
    }

    #[test]
    fn size_of_deep_nesting_does_not_overflow() {
        let depth = 100_000;
        let mut node = Node::new(NodeKind::Null, crate::Loc::default());
        for _ in 0..depth {
            node = Node::new(NodeKind::Array(vec![node]), crate::Loc::default());
        }
        assert_eq!(size(&node).characters, 4 + 2 * depth);
        // Dropping such a tree recursively would overflow; unwind it by hand.
        let mut next = Some(node);
        while let Some(n) = next.take() {
            if let NodeKind::Array(mut items) = n.kind {
                next = items.pop();
            }
        }
    }

    #[test]
    fn identity_policies_have_6144_characters() {
        assert!(findings_kind(&exactly(6_144, false), PolicyKind::Identity).is_empty());
        let found = findings_kind(&exactly(6_145, false), PolicyKind::Identity);
        assert_eq!(codes(&found), [Code::PolicyTooLarge]);
        assert_eq!(found[0].loc, "");
        assert_eq!(
            found[0].message,
            "the policy is 6145 characters without white space, over the 6144-character quota of a customer managed policy"
        );
        assert!(
            found[0]
                .help
                .as_deref()
                .is_some_and(|h| h.starts_with("split it into several managed policies"))
        );
    }

    #[test]
    fn inserted_values_make_the_size_a_lower_bound() {
        let policy = exactly(6_145, false).replacen("s3:GetObject", "s3:GetObject{}", 1);
        let found = findings_kind(&policy, PolicyKind::Identity);
        assert_eq!(codes(&found), [Code::PolicyTooLarge]);
        assert!(
            found[0]
                .message
                .starts_with("the policy is at least 6145 characters"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn each_type_has_its_quota() {
        for (kind, limit, what) in [
            (
                PolicyKind::Boundary,
                6_144,
                "a managed policy used as a permissions boundary",
            ),
            (PolicyKind::Session, 2_048, "a session policy"),
            (PolicyKind::Scp, 5_120, "a service control policy"),
        ] {
            assert!(
                findings_kind(&exactly(limit, false), kind).is_empty(),
                "{kind}"
            );
            let found = findings_kind(&exactly(limit + 1, false), kind);
            assert_eq!(codes(&found), [Code::PolicyTooLarge], "{kind}");
            assert_eq!(found[0].loc, "", "{kind}");
            assert!(
                found[0].message.contains(what),
                "{kind}: {}",
                found[0].message
            );
            assert!(found[0].message.contains(&format!("{limit}-character")));
        }
        let scp = findings_kind(&exactly(5_121, false), PolicyKind::Scp);
        assert!(scp[0].message.contains("even without white space"));
        assert!(
            scp[0]
                .help
                .as_deref()
                .is_some_and(|h| h.contains("up to 5 per target"))
        );
        let boundary = findings_kind(&exactly(6_145, false), PolicyKind::Boundary);
        assert!(
            boundary[0]
                .help
                .as_deref()
                .is_some_and(|h| h.contains("one permissions boundary"))
        );
        let session = findings_kind(&exactly(2_049, false), PolicyKind::Session);
        assert!(
            session[0]
                .help
                .as_deref()
                .is_some_and(|h| h.contains("PolicyArns"))
        );
    }

    #[test]
    fn principal_kinds_have_their_quota() {
        // RCP statements deny; the size check does not care.
        let rcp = |n| {
            padded(
                n,
                r#"{"Version":"2012-10-17","Statement":[{"Sid":"","Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}"#,
            )
        };
        assert!(
            only(
                &findings_kind(&rcp(5_120), PolicyKind::Rcp),
                Code::PolicyTooLarge
            )
            .is_empty()
        );
        let found = findings_kind(&rcp(5_121), PolicyKind::Rcp);
        let too_large = only(&found, Code::PolicyTooLarge);
        assert_eq!(too_large.len(), 1, "{found:?}");
        assert!(
            too_large[0]
                .message
                .contains("5120-character quota of a resource control policy")
        );

        assert!(findings_kind(&exactly(20_480, true), PolicyKind::Endpoint).is_empty());
        let found = findings_kind(&exactly(20_481, true), PolicyKind::Endpoint);
        assert_eq!(codes(&found), [Code::PolicyTooLarge]);
        assert!(
            found[0]
                .message
                .contains("20480-character quota of a VPC endpoint policy")
        );
        assert!(
            found[0]
                .help
                .as_deref()
                .is_some_and(|h| h.contains("minified"))
        );
    }

    #[test]
    fn trust_policies_have_2048_characters_raisable_to_4096() {
        let trust = |n: usize| {
            padded(
                n,
                r#"{"Version":"2012-10-17","Statement":[{"Sid":"","Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
            )
        };
        assert!(findings_kind(&trust(2_048), PolicyKind::Trust).is_empty());
        let found = findings_kind(&trust(2_049), PolicyKind::Trust);
        assert_eq!(codes(&found), [Code::PolicyTooLarge]);
        assert_eq!(
            found[0].message,
            "the policy is 2049 characters even without white space, over the 2048-character quota of a role trust policy (the default quota)"
        );
        assert!(
            found[0]
                .help
                .as_deref()
                .is_some_and(|h| h.contains("up to 4,096"))
        );
    }

    #[test]
    fn resource_policies_use_their_service_quota() {
        let statement = r#"{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"#;
        // The most statements that fit in 20,480 bytes.
        let fit = (1..1_000)
            .take_while(|n| size(&parse(&policy_of(statement, *n))).bytes <= 20_480)
            .last()
            .unwrap_or(0);
        assert!(findings_kind(&policy_of(statement, fit), PolicyKind::Resource).is_empty());
        let found = findings_kind(&policy_of(statement, fit + 1), PolicyKind::Resource);
        assert_eq!(codes(&found), [Code::PolicyTooLarge]);
        assert!(
            found[0].message.contains(
                "bytes even without white space, over the 20480-byte quota of an S3 bucket policy"
            ),
            "{}",
            found[0].message
        );
        assert_eq!(
            single_service(&parse(&policy_of(statement, 1))).as_deref(),
            Some("s3")
        );
        // Mixed services: no quota is known.
        let mixed = policy_of(statement, fit + 1).replacen("s3:GetObject", "sqs:SendMessage", 1);
        assert!(
            only(
                &findings_kind(&mixed, PolicyKind::Resource),
                Code::PolicyTooLarge
            )
            .is_empty()
        );
        // A KMS key policy may be larger.
        let kms = r#"{"Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Resource":"*"}"#;
        assert!(findings_kind(&policy_of(kms, 300), PolicyKind::Resource).is_empty());
    }

    #[test]
    fn sqs_policies_count_statements_and_actions() {
        let statement =
            r#"{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Resource":"*"}"#;
        assert!(findings_kind(&policy_of(statement, 20), PolicyKind::Resource).is_empty());
        let found = findings_kind(&policy_of(statement, 21), PolicyKind::Resource);
        assert_eq!(codes(&found), [Code::PolicyTooLarge]);
        assert_eq!(found[0].loc, "/Statement");
        assert_eq!(
            found[0].message,
            "the policy has 21 statements, over the quota of 20 statements of an SQS queue policy"
        );
        let seven = r#"{"Effect":"Allow","Principal":"*","Action":["sqs:SendMessage","sqs:ReceiveMessage","sqs:DeleteMessage","sqs:GetQueueUrl","sqs:GetQueueAttributes","sqs:ChangeMessageVisibility","sqs:PurgeQueue"],"Resource":"*"}"#;
        assert!(findings_kind(&policy_of(seven, 1), PolicyKind::Resource).is_empty());
        let eight = seven.replace(
            r#""sqs:PurgeQueue""#,
            r#""sqs:PurgeQueue","sqs:ListQueueTags""#,
        );
        let found = findings_kind(&policy_of(&eight, 1), PolicyKind::Resource);
        assert_eq!(codes(&found), [Code::PolicyTooLarge]);
        assert_eq!(found[0].loc, "/Statement/0/Action#key");
        assert!(
            found[0]
                .message
                .contains("8 actions, over the quota of 7 actions per statement")
        );
        assert!(
            found[0]
                .help
                .as_deref()
                .is_some_and(|h| h.contains("sqs:Get*"))
        );
        // 8,192 bytes.
        let found = findings_kind(&policy_of(statement, 120), PolicyKind::Resource);
        assert!(
            found
                .iter()
                .any(|d| d.message.contains("8192-byte quota of an SQS queue policy")),
            "{found:?}"
        );
    }

    #[test]
    fn other_policy_types_have_no_statement_counts() {
        assert!(findings_kind(&policy_of(STATEMENT, 50), PolicyKind::Identity).is_empty());
    }

    /// A resource policy checked for a named service gets that service's quota, even when
    /// its actions do not name one service (`*`).
    #[test]
    fn a_named_service_picks_the_resource_quota() {
        let statements: Vec<String> = (0..21)
            .map(|i| {
                format!(
                    r#"{{"Sid":"S{i}","Effect":"Allow","Principal":{{"AWS":"111122223333"}},"Action":"*","Resource":"arn:aws:sqs:us-east-1:111122223333:jobs"}}"#
                )
            })
            .collect();
        let policy = format!(
            r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
            statements.join(",")
        );
        let named = crate::check::test_util::findings_for_service(&policy, "sqs");
        let quota = only(&named, Code::PolicyTooLarge);
        assert_eq!(quota.len(), 1, "{named:?}");
        assert!(
            quota[0]
                .message
                .contains("over the quota of 20 statements of an SQS queue policy"),
            "{}",
            quota[0].message
        );
        let unnamed = findings_kind(&policy, PolicyKind::Resource);
        assert!(
            only(&unnamed, Code::PolicyTooLarge).is_empty(),
            "{unnamed:?}"
        );
    }
}
