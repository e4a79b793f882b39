//! Runs `iam-policy simulate` and checks its output and exit status.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// Writes the policies of one test into a fresh directory.
fn files(test: &str, policies: &[(&str, &str)]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("simulate-{test}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (name, statements) in policies {
        std::fs::write(
            dir.join(name),
            format!(r#"{{"Version": "2012-10-17", "Statement": [{statements}]}}"#),
        )
        .unwrap();
    }
    dir
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_iam-policy"))
        .current_dir(dir)
        .arg("simulate")
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stdout)))
}

const READ: &str = r#"{"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject",
    "Resource": "arn:aws:s3:::b/*", "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}"#;

#[test]
fn allow_and_deny_exit_codes_and_json_shape() {
    let dir = files("json", &[("id.json", READ)]);
    let base = [
        "--format",
        "json",
        "--action",
        "s3:GetObject",
        "--resource",
        "arn:aws:s3:::b/k",
        "--identity",
        "id.json",
    ];
    let allowed = run(
        &dir,
        &[&base[..], &["--context", "aws:SourceIp=10.1.2.3"]].concat(),
    );
    assert_eq!(allowed.status.code(), Some(0));
    let v = json(&allowed);
    assert_eq!(v["decision"], "allow");
    assert_eq!(v["statements"][0]["policy"], "id.json");
    assert_eq!(v["statements"][0]["pointer"], "/Statement/0");
    assert_eq!(v["statements"][0]["effect"], "Allow");
    assert_eq!(v["missing_context_keys"], Value::Array(vec![]));
    assert_eq!(v["diagnostics"], Value::Array(vec![]));

    let forgot = run(&dir, &base);
    assert_eq!(forgot.status.code(), Some(1));
    let v = json(&forgot);
    assert_eq!(v["decision"], "implicit-deny");
    assert_eq!(v["missing_context_keys"][0], "aws:SourceIp");

    let outside = run(
        &dir,
        &[&base[..], &["--context", "aws:SourceIp=192.0.2.1"]].concat(),
    );
    assert_eq!(outside.status.code(), Some(1));
    assert_eq!(json(&outside)["missing_context_keys"], Value::Array(vec![]));
}

#[test]
fn explicit_deny_from_an_scp_level() {
    let dir = files(
        "scp",
        &[
            (
                "id.json",
                r#"{"Effect": "Allow", "Action": "*", "Resource": "*"}"#,
            ),
            (
                "root.json",
                r#"{"Effect": "Allow", "Action": "*", "Resource": "*"}"#,
            ),
            (
                "ou-a.json",
                r#"{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}"#,
            ),
            (
                "ou-b.json",
                r#"{"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"}"#,
            ),
        ],
    );
    let sim = |action: &str, resource: &str| {
        run(
            &dir,
            &[
                "--format",
                "json",
                "--action",
                action,
                "--resource",
                resource,
                "--identity",
                "id.json",
                "--scp",
                "root.json",
                "--scp",
                "ou-a.json,ou-b.json",
            ],
        )
    };
    let out = sim("s3:DeleteBucket", "arn:aws:s3:::b");
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert_eq!(v["decision"], "explicit-deny");
    assert_eq!(v["statements"][0]["policy"], "ou-b.json");
    assert_eq!(
        sim("s3:GetObject", "arn:aws:s3:::b/k").status.code(),
        Some(0)
    );
    // The second level allows only S3.
    let v = json(&sim("ec2:DescribeInstances", "*"));
    assert_eq!(v["decision"], "implicit-deny");
}

#[test]
fn context_values_are_typed_and_sets_can_be_empty() {
    let dir = files(
        "context",
        &[(
            "id.json",
            r#"{"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*",
                "Condition": {"ForAnyValue:StringEquals": {"aws:TagKeys": ["env", "team"]}}}"#,
        )],
    );
    let sim = |context: &[&str]| {
        let mut args = vec![
            "--action",
            "ec2:CreateTags",
            "--resource",
            "*",
            "--identity",
            "id.json",
        ];
        for c in context {
            args.extend(["--context", c]);
        }
        run(&dir, &args)
    };
    assert_eq!(
        sim(&["aws:TagKeys=cost", "aws:TagKeys=team"]).status.code(),
        Some(0)
    );
    assert_eq!(sim(&["aws:TagKeys=cost"]).status.code(), Some(1));
    // The empty set: ForAnyValue is false.
    assert_eq!(sim(&["aws:TagKeys="]).status.code(), Some(1));
    // A value of the wrong type is a usage error.
    let bad = sim(&["aws:SourceIp=nowhere"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not a value of type IPAddress"));
    assert_eq!(sim(&["novalue"]).status.code(), Some(2));
}

#[test]
fn request_findings_and_usage_errors() {
    let dir = files("findings", &[("id.json", READ)]);
    std::fs::write(dir.join("broken.json"), "{\"Version\": ").unwrap();
    let out = run(
        &dir,
        &[
            "--format",
            "json",
            "--action",
            "s3:GetObjekt",
            "--resource",
            "arn:aws:s3:::b/k",
            "--identity",
            "id.json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let diagnostics = json(&out)["diagnostics"].to_string();
    assert!(
        diagnostics.contains("unknown action `s3:GetObjekt`"),
        "{diagnostics}"
    );
    let broken = run(
        &dir,
        &[
            "--action",
            "s3:GetObject",
            "--resource",
            "arn:aws:s3:::b/k",
            "--identity",
            "broken.json",
        ],
    );
    assert_eq!(broken.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&broken.stderr).contains("broken.json:1:"));
    let missing = run(
        &dir,
        &[
            "--action",
            "s3:GetObject",
            "--resource",
            "x",
            "--identity",
            "nope.json",
        ],
    );
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(run(&dir, &["--resource", "x"]).status.code(), Some(2));
}

#[test]
fn human_output_explains() {
    let dir = files(
        "human",
        &[
            ("id.json", READ),
            (
                "bucket.json",
                r#"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:root"},
                "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}"#,
            ),
        ],
    );
    let out = run(
        &dir,
        &[
            "--action",
            "s3:GetObject",
            "--resource",
            "arn:aws:s3:::b/k",
            "--principal",
            "arn:aws:iam::111111111111:user/u",
            "--resource-account",
            "222222222222",
            "--identity",
            "id.json",
            "--resource-policy",
            "bucket.json",
            "--context",
            "aws:SourceIp=10.0.0.1",
        ],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.starts_with("decision: allow\n"), "{text}");
    assert!(
        text.contains("bucket.json /Statement/0 [Allow] (resource-based policy)"),
        "{text}"
    );
}
