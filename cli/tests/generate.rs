//! `iam-policy generate`: templates in, checked policies out.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

use common::{run, scratch};

fn run_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_iam-policy"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn example() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/generate_lambda_policy.yml")
        .display()
        .to_string()
}

/// Checks a generated document with `iam-policy check`: exit 0 and no finding.
fn assert_checks_clean(document: &Value, dir: &Path, kind: &str) {
    let file = dir.join("policy.json");
    std::fs::write(&file, document.to_string()).unwrap();
    let output = run(&[
        "check",
        "--kind",
        kind,
        "--format",
        "json",
        file.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["files"][0]["diagnostics"], serde_json::json!([]));
}

#[test]
fn the_example_template_generates_a_clean_policy() {
    let output = run(&["generate", "--format", "json", &example()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(document.is_object());
    let sids: Vec<&str> = document["Statement"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["Sid"].as_str().unwrap())
        .collect();
    assert!(sids.contains(&"S3ReadObject"), "{sids:?}");
    assert!(sids.contains(&"SqsWriteQueue"), "{sids:?}");
    assert_checks_clean(&document, &scratch("example"), "identity");
    // Human output is the same document, indented.
    let human = run(&["generate", &example()]);
    assert_eq!(human.status.code(), Some(0));
    let again: Value = serde_json::from_slice(&human.stdout).unwrap();
    assert_eq!(again, document);
}

#[test]
fn json_templates_and_stdin() {
    let template = r#"{"read": ["arn:aws:s3:::b/*"], "list": ["arn:aws:s3:::b"]}"#;
    let output = run_stdin(&["generate", "--format", "json", "-"], template);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(document["Statement"].as_array().unwrap().len(), 2);
    let dir = scratch("json");
    let file = dir.join("template.json");
    std::fs::write(&file, template).unwrap();
    let from_file = run(&["generate", "--format", "json", file.to_str().unwrap()]);
    assert_eq!(from_file.stdout, output.stdout);
}

#[test]
fn a_policy_over_the_quota_is_split_into_an_array() {
    let template = "read: [arn:aws:s3:::b/*, arn:aws:s3:::b]\n\
                    write: [arn:aws:s3:::b/*, arn:aws:s3:::b]\n\
                    list: [arn:aws:s3:::b/*, arn:aws:s3:::b]\n\
                    tagging: [arn:aws:s3:::b/*, arn:aws:s3:::b]\n";
    let one = run_stdin(&["generate", "--format", "json", "-"], template);
    assert!(
        serde_json::from_slice::<Value>(&one.stdout)
            .unwrap()
            .is_object()
    );
    let output = run_stdin(
        &["generate", "--kind", "session", "--format", "json", "-"],
        template,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let documents: Value = serde_json::from_slice(&output.stdout).unwrap();
    let documents = documents.as_array().unwrap();
    assert!(documents.len() > 1);
    let dir = scratch("split");
    for document in documents {
        assert!(document.to_string().len() <= 2_048);
        assert_checks_clean(document, &dir, "session");
    }
    let human = run_stdin(&["generate", "--kind", "session", "-"], template);
    assert!(
        stdout(&human).contains("// policy 1 of"),
        "{}",
        stdout(&human)
    );
}

#[test]
fn mistakes_exit_1_with_their_location() {
    let output = run_stdin(
        &["generate", "-"],
        "mode: crud\nread:\n  - arn:aws:s3:us-east-1::b\nraed: []\n",
    );
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(
        text.contains("error: `arn:aws:s3:us-east-1::b` fits no resource type of any service"),
        "{text}"
    );
    assert!(text.contains("--> -:3:5 (/read/0)"), "{text}");
    assert!(
        text.contains("help: the closest ARN formats: `arn:${Partition}:s3:::${BucketName}`"),
        "{text}"
    );
    assert!(text.contains("unknown template key `raed`"), "{text}");
    assert!(text.contains("2 errors in `-`"), "{text}");
    assert!(stdout(&output).is_empty());
    // Not YAML at all.
    let output = run_stdin(&["generate", "-"], "read: [unclosed\n");
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("is not a valid template"));
}

#[test]
fn usage_and_io_failures_exit_2() {
    let output = run(&["generate", "/nonexistent/template.yml"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("cannot read"));
    let output = run(&["generate", "--kind", "resource", &example()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("identity, boundary, session"));
}

#[test]
fn minimize_warns_about_each_wildcard() {
    let output = run_stdin(
        &["generate", "--minimize", "--format", "json", "-"],
        "read: [arn:aws:s3:::b/*]\n",
    );
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stderr(&output).contains("warning: `s3:"),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("grants them too"));
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(document.to_string().contains("*\""));
}
