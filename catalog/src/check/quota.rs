//! Size quotas per policy type, counted as AWS counts them.
//!
//! IAM does not count white space: the size is the length in characters of the document
//! written without white space outside strings ("IAM and AWS STS quotas": "IAM doesn't
//! count white space when calculating the size of a policy against these quotas").
//! Strings count as written in JSON (escapes included). A value inserted at run time
//! counts as nothing, so for a policy with `{var}`s the size is a lower bound and the
//! check fires only when the fixed text alone is too large.

use super::Ctx;
use crate::model;
use crate::{Code, Node, NodeKind, PolicyKind, Segment};

/// The quota of a policy type, in characters, and where it comes from. `None` for
/// resource policies, whose quota depends on the service (see [`resource_quota`]).
pub fn quota(kind: PolicyKind) -> Option<(usize, &'static str)> {
    Some(match kind {
        // "IAM and AWS STS quotas": managed policy size 6,144 characters. Inline
        // policies have per-identity aggregate quotas instead (user 2,048, group 5,120,
        // role 10,240); `identity` assumes a customer managed policy, the common case.
        PolicyKind::Identity => (6_144, "customer managed policy"),
        // A permissions boundary is a managed policy.
        PolicyKind::Boundary => (6_144, "managed policy used as a permissions boundary"),
        // "IAM and AWS STS quotas": role trust policy length 2,048 characters by default,
        // raisable to 4,096 through Service Quotas.
        PolicyKind::Trust => (
            2_048,
            "role trust policy (default quota; raisable to 4,096)",
        ),
        // STS `AssumeRole` API reference, `Policy` parameter: the plaintext of inline and
        // managed session policies can't exceed 2,048 characters.
        PolicyKind::Session => (2_048, "session policy"),
        // AWS Organizations quotas: maximum size of a service control policy document
        // 5,120 characters.
        PolicyKind::Scp => (5_120, "service control policy"),
        // AWS Organizations quotas: maximum size of a resource control policy document
        // 5,120 characters.
        PolicyKind::Rcp => (5_120, "resource control policy"),
        // Amazon VPC quotas ("AWS PrivateLink quotas"): VPC endpoint policy size 20,480
        // characters.
        PolicyKind::Endpoint => (20_480, "VPC endpoint policy"),
        PolicyKind::Resource => return None,
    })
}

/// The quota of a resource policy whose statements all name actions of `prefix`, from each
/// service's quota page. Services not listed get no size check.
pub fn resource_quota(prefix: &str) -> Option<(usize, &'static str)> {
    Some(match prefix {
        // Amazon S3 User Guide, bucket policies: 20 KB.
        "s3" => (20_480, "S3 bucket policy"),
        // AWS KMS quotas: key policy document size 32 KB.
        "kms" => (32_768, "KMS key policy"),
        // AWS Secrets Manager quotas: resource-based policy length 20,480 characters.
        "secretsmanager" => (20_480, "Secrets Manager resource policy"),
        // Lambda quotas: function resource-based policy 20 KB.
        "lambda" => (20_480, "Lambda resource-based policy"),
        // Amazon SNS quotas: topic policy 30 KB (an assumption documented by SNS as the
        // maximum policy size; not verified against the quota page here).
        "sns" => (30_720, "SNS topic policy"),
        _ => return None,
    })
}

/// The document's size without white space, and whether run-time values were left out.
pub fn size<L>(root: &Node<L>) -> (usize, bool) {
    let mut total = 0usize;
    let mut partial = false;
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        match &node.kind {
            NodeKind::Null => total += 4,
            NodeKind::Bool(b) => total += if *b { 4 } else { 5 },
            NodeKind::Number(n) => total += n.len(),
            NodeKind::String(text) => {
                total += 2;
                for segment in &text.segments {
                    match segment {
                        Segment::Literal(s) => total += escaped_len(s),
                        Segment::Hole(_) => partial = true,
                    }
                }
            }
            NodeKind::Opaque(_) => partial = true,
            NodeKind::Array(items) => {
                // Brackets and commas.
                total += 2 + items.len().saturating_sub(1);
                stack.extend(items.iter());
            }
            NodeKind::Object(members) => {
                // Braces, commas, and per member its quoted key and a colon.
                total += 2 + members.len().saturating_sub(1);
                for member in members {
                    total += escaped_len(&member.key) + 3;
                    stack.push(&member.value);
                }
            }
        }
    }
    (total, partial)
}

/// The length in characters of `s` written as JSON string content.
fn escaped_len(s: &str) -> usize {
    s.chars()
        .map(|c| match c {
            '"' | '\\' | '\n' | '\r' | '\t' | '\u{8}' | '\u{c}' => 2,
            c if u32::from(c) < 0x20 => 6,
            _ => 1,
        })
        .sum()
}

/// The single service prefix every literal action of the policy belongs to, if any.
fn single_service<L>(root: &Node<L>) -> Option<String> {
    let mut prefix: Option<String> = None;
    let statements = root
        .as_object()?
        .iter()
        .find(|m| m.key == "Statement")
        .map(|m| &m.value)?;
    let statements: Vec<&Node<L>> = match statements.as_array() {
        Some(items) => items.iter().collect(),
        None => vec![statements],
    };
    for statement in statements {
        let action = statement
            .as_object()?
            .iter()
            .find(|m| m.key == "Action" || m.key == "NotAction")?;
        let actions: Vec<&Node<L>> = match action.value.as_array() {
            Some(items) => items.iter().collect(),
            None => vec![&action.value],
        };
        for action in actions {
            let (service, _) = action.as_literal()?.split_once(':')?;
            let service = service.to_ascii_lowercase();
            model::service(&service)?;
            match &prefix {
                None => prefix = Some(service),
                Some(p) if *p == service => {}
                Some(_) => return None,
            }
        }
    }
    prefix
}

/// `policy-too-large`: the document is larger than its type's quota.
pub fn check_quota<'a, L: Clone>(ctx: &mut Ctx<'a, L>, root: &'a Node<L>) {
    let limit = match ctx.kind {
        PolicyKind::Resource => single_service(root).and_then(|p| resource_quota(&p)),
        kind => quota(kind),
    };
    let Some((limit, what)) = limit else {
        return;
    };
    let (size, partial) = size(root);
    if size <= limit {
        return;
    }
    let at_least = if partial { "at least " } else { "" };
    let help = match ctx.kind {
        PolicyKind::Identity | PolicyKind::Boundary => {
            "split it into several managed policies (a role or user takes up to 10 by default), or use wildcards for families of actions"
        }
        PolicyKind::Trust => {
            "ask for a higher quota (up to 4,096 characters) in Service Quotas, or shorten the principal and condition lists"
        }
        PolicyKind::Scp | PolicyKind::Rcp => {
            "split it into several policies attached to the same target (up to 5 per target)"
        }
        _ => "shorten it: merge statements, or use wildcards for families of actions",
    };
    ctx.report_help(
        &root.loc,
        Code::PolicyTooLarge,
        format!(
            "the policy is {at_least}{size} characters without white space, over the {limit}-character quota of a {what}"
        ),
        help,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Code;
    use crate::check::test_util::{codes, findings_kind, parse};

    fn policy_of_size(statements: usize) -> String {
        let statement =
            r#"{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"#;
        format!(
            r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
            vec![statement; statements].join(",")
        )
    }

    #[test]
    fn size_counts_the_document_without_white_space() {
        let text = r#"{ "a" : [ 1 , true , null , "x\"y" ] , "b" : { } }"#;
        let compact: String = {
            // The same document as serde would write it.
            r#"{"a":[1,true,null,"x\"y"],"b":{}}"#.to_owned()
        };
        assert_eq!(size(&parse(text)), (compact.len(), false));
        let with_hole = parse(r#"{"a":"x{}y"}"#);
        assert_eq!(size(&with_hole), (r#"{"a":"xy"}"#.len(), true));
    }

    #[test]
    fn identity_policies_have_6144_characters() {
        // Each statement is 73 characters plus a comma.
        let small = policy_of_size(80);
        assert!(findings_kind(&small, PolicyKind::Identity).is_empty());
        let large = policy_of_size(90);
        let found = findings_kind(&large, PolicyKind::Identity);
        assert_eq!(codes(&found), [Code::PolicyTooLarge]);
        assert_eq!(found[0].loc, "");
        assert!(
            found[0]
                .message
                .contains("over the 6144-character quota of a customer managed policy"),
            "{}",
            found[0].message
        );
        assert!(found[0].help.as_deref().unwrap().starts_with("split it"));
    }

    #[test]
    fn each_type_has_its_quota() {
        let mid = policy_of_size(40); // about 3,000 characters
        assert_eq!(
            codes(&findings_kind(&mid, PolicyKind::Session)),
            [Code::PolicyTooLarge]
        );
        assert!(findings_kind(&mid, PolicyKind::Scp).is_empty());
        assert!(!codes(&findings_kind(&mid, PolicyKind::Endpoint)).contains(&Code::PolicyTooLarge));
        let big = policy_of_size(100);
        assert_eq!(
            codes(&findings_kind(&big, PolicyKind::Scp)),
            [Code::PolicyTooLarge]
        );
        assert_eq!(
            codes(&findings_kind(&big, PolicyKind::Rcp))
                .iter()
                .filter(|c| **c == Code::PolicyTooLarge)
                .count(),
            1
        );
    }

    #[test]
    fn resource_policies_use_their_service_quota() {
        let statement = r#"{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"#;
        let policy = |n: usize| {
            format!(
                r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
                vec![statement; n].join(",")
            )
        };
        assert!(findings_kind(&policy(200), PolicyKind::Resource).is_empty());
        let found = findings_kind(&policy(250), PolicyKind::Resource);
        assert_eq!(codes(&found), [Code::PolicyTooLarge]);
        assert!(
            found[0].message.contains("S3 bucket policy"),
            "{}",
            found[0].message
        );
        assert_eq!(single_service(&parse(&policy(1))).as_deref(), Some("s3"));
    }
}
