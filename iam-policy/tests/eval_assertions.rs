//! The evaluator's entry points as a user calls them on `policy!` values: `Policy::allows`
//! and the assertion macros, whose failure message explains the decision.

use iam_policy::eval::{__check, Request};
use iam_policy::{Policy, PolicyKind, assert_allowed, assert_denied, policy};

#[test]
fn allows_by_kind() {
    let scp = Policy::from_json_with_kind(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"ec2:*","Resource":"*"},{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
        PolicyKind::Scp,
    )
    .unwrap();
    assert!(scp.allows("s3:GetObject", "arn:aws:s3:::b/k"));
    assert!(!scp.allows("ec2:RunInstances", "*"));
    let identity = policy!({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]
    });
    assert!(identity.allows("s3:GetObject", "arn:aws:s3:::b/k"));
    assert!(!identity.allows("s3:GetObject", "arn:aws:s3:::c/k"));
}

#[test]
fn assertion_messages_explain() {
    let p = policy!({
        "Version": "2012-10-17",
        "Statement": [{"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]
    });
    assert!(__check(&p, &Request::new("s3:GetObject", "arn:aws:s3:::b/k"), true).is_ok());
    let message = __check(&p, &Request::new("s3:PutObject", "arn:aws:s3:::b/k"), true).unwrap_err();
    assert!(
        message.starts_with("expected `s3:PutObject` on `arn:aws:s3:::b/k` to be allowed, but the decision is implicit-deny"),
        "{message}"
    );
    assert!(
        message.contains(
            "identity /Statement/0 (Read) [Allow]: does not apply — the action does not match"
        ),
        "{message}"
    );
    let message =
        __check(&p, &Request::new("s3:GetObject", "arn:aws:s3:::b/k"), false).unwrap_err();
    assert!(
        message.contains("to be denied, but the decision is allow"),
        "{message}"
    );
    assert_allowed!(p, "s3:GetObject", "arn:aws:s3:::b/k");
    assert_denied!(&p, Request::new("s3:GetObject", "arn:aws:s3:::c/k"));
}
