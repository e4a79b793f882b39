//! `iam-policy diff` and `iam-policy check --deny`, as whole processes.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

mod common;

use std::path::Path;

use serde_json::Value;

use common::{run, scratch};

fn write(dir: &Path, name: &str, statements: &str) -> String {
    let path = dir.join(name);
    std::fs::write(
        &path,
        format!(r#"{{"Version": "2012-10-17", "Statement": [{statements}]}}"#),
    )
    .unwrap();
    path.display().to_string()
}

const READ: &str =
    r#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}"#;

#[test]
fn diff_exits_1_when_new_grants_more_and_0_otherwise() {
    let dir = scratch("diff");
    let old = write(&dir, "old.json", READ);
    let new = write(
        &dir,
        "new.json",
        r#"{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::reports/*"}"#,
    );
    let output = run(&["diff", &old, &new]);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("+ s3:PutObject on arn:aws:s3:::reports/*"),
        "{text}"
    );
    assert!(!text.contains("+ s3:GetObject"), "{text}");

    let output = run(&["diff", &new, &old]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        String::from_utf8(output.stdout)
            .unwrap()
            .contains("grants nothing")
    );

    let output = run(&["diff", "--format", "json", &old, &new]);
    assert_eq!(output.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["grants_more"], true);
    let change = &json["changes"][0];
    assert_eq!(change["verdict"], "new");
    assert_eq!(change["actions"], serde_json::json!(["s3:PutObject"]));
    assert_eq!(change["resource"], "arn:aws:s3:::reports/*");
}

#[test]
fn diff_reports_undecided_conditions_and_fails_closed() {
    let dir = scratch("diff-undecided");
    let cond = |value: &str| {
        format!(
            r#"{{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*", "Condition": {{"StringEquals": {{"aws:PrincipalTag/team": "{value}"}}}}}}"#
        )
    };
    let old = write(&dir, "old.json", &cond("data"));
    let new = write(&dir, "new.json", &cond("ops"));
    let output = run(&["diff", "--format", "json", &old, &new]);
    assert_eq!(output.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["changes"][0]["verdict"], "undecided");
    assert!(
        json["changes"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("condition")
    );
}

#[test]
fn diff_usage_errors_exit_2() {
    let dir = scratch("diff-usage");
    let old = write(&dir, "old.json", READ);
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{ not json").unwrap();
    assert_eq!(
        run(&["diff", &old, bad.to_str().unwrap()]).status.code(),
        Some(2)
    );
    assert_eq!(
        run(&["diff", &old, "/no/such/file.json"]).status.code(),
        Some(2)
    );
    assert_eq!(run(&["diff", &old]).status.code(), Some(2));
    assert_eq!(
        run(&["diff", "--kind", "nonsense", &old, &old])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn deny_turns_security_warnings_into_errors() {
    let dir = scratch("deny");
    let path = write(
        &dir,
        "pass.json",
        r#"{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}"#,
    );
    // A warning: exit 0.
    assert_eq!(run(&["check", &path]).status.code(), Some(0));
    for code in ["pass-role-unrestricted", "security"] {
        let output = run(&["check", "--deny", code, "--format", "json", &path]);
        assert_eq!(output.status.code(), Some(1), "{code}");
        let json: Value = serde_json::from_slice(&output.stdout).unwrap();
        let finding = &json["files"][0]["diagnostics"][0];
        assert_eq!(finding["code"], "pass-role-unrestricted");
        assert_eq!(finding["severity"], "error");
    }
    // Denying another code changes nothing.
    assert_eq!(
        run(&["check", "--deny", "public-access", &path])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        run(&["check", "--deny", "no-such-code", &path])
            .status
            .code(),
        Some(2)
    );
}
