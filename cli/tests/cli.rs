//! Runs the `iam-policy` binary on fixtures and checks its output and exit status.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

use common::{fixture, json_of, run, scratch};

fn check_json(paths: &[&Path]) -> (Value, i32) {
    let mut args = vec!["check".to_owned(), "--format".into(), "json".into()];
    args.extend(paths.iter().map(|p| p.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = run(&args);
    (json_of(&output), output.status.code().unwrap())
}

fn codes(file: &Value) -> Vec<&str> {
    file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect()
}

#[test]
fn a_valid_policy_exits_0() {
    let (json, code) = check_json(&[&fixture("valid.json")]);
    assert_eq!(code, 0);
    assert_eq!(json["files"][0]["diagnostics"], Value::Array(vec![]));
}

#[test]
fn json_output_has_the_documented_shape() {
    let (json, code) = check_json(&[&fixture("invalid.json")]);
    assert_eq!(code, 1);
    let file = &json["files"][0];
    assert!(file["path"].as_str().unwrap().ends_with("invalid.json"));
    assert_eq!(
        codes(file),
        ["unknown-action", "wildcard-resource-required"]
    );
    let first = &file["diagnostics"][0];
    let mut keys: Vec<&str> = first
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "code", "column", "help", "line", "message", "pointer", "severity"
        ]
    );
    assert_eq!(first["severity"], "error");
    assert_eq!(first["pointer"], "/Statement/0/Action/0");
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(5), Some(16))
    );
    assert_eq!(first["help"], "did you mean `s3:GetObject`?");
}

#[test]
fn warnings_alone_exit_0() {
    let (json, code) = check_json(&[&fixture("warning.json")]);
    assert_eq!(code, 0);
    assert_eq!(codes(&json["files"][0]), ["missing-version"]);
    assert_eq!(json["files"][0]["diagnostics"][0]["severity"], "warning");
}

#[test]
fn malformed_garbage_and_empty_files_are_findings_not_crashes() {
    for name in ["malformed.json", "garbage.json", "empty.json"] {
        let (json, code) = check_json(&[&fixture(name)]);
        assert_eq!(code, 1, "{name}");
        assert_eq!(codes(&json["files"][0]), ["invalid-json"], "{name}");
    }
    let (json, _) = check_json(&[&fixture("malformed.json")]);
    let d = &json["files"][0]["diagnostics"][0];
    assert_eq!(d["line"], 4, "{d}");
    // garbage.json: a NUL, then 0xFF, which no UTF-8 text holds.
    let (json, _) = check_json(&[&fixture("garbage.json")]);
    let d = &json["files"][0]["diagnostics"][0];
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(1), Some(2)),
        "{d}"
    );
    assert!(d["message"].as_str().unwrap().contains("not UTF-8"), "{d}");
}

#[test]
fn invalid_utf8_is_located_and_the_other_files_still_checked() {
    let dir = scratch("utf8");
    let bad = dir.join("bad.json");
    let bytes =
        b"{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\"\xc3\xa4\xff\"]\n}\n".to_vec();
    std::fs::write(&bad, &bytes).unwrap();
    let (json, code) = check_json(&[&bad, &fixture("invalid.json")]);
    assert_eq!(code, 1);
    let d = &json["files"][0]["diagnostics"][0];
    assert_eq!(d["code"], "invalid-json");
    // Line 3, after `  "Statement": ["ä` (18 characters).
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(3), Some(19)),
        "{d}"
    );
    assert_eq!(
        codes(&json["files"][1]),
        ["unknown-action", "wildcard-resource-required"]
    );
    // Human output shows the line (with a replacement character) and the caret.
    let output = run(&["check", bad.to_str().unwrap()]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("3 |   \"Statement\": [\"ä\u{fffd}\"]\n"),
        "{text}"
    );
    assert!(
        text.contains(&format!("  | {}^\n", " ".repeat(18))),
        "{text}"
    );
}

#[test]
fn a_byte_order_mark_does_not_shift_the_caret() {
    let dir = scratch("bom");
    let file = dir.join("bom.json");
    std::fs::write(
        &file,
        "\u{feff}{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObjekt\", \"Resource\": \"*\"}]}\n",
    )
    .unwrap();
    let output = run(&["check", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).unwrap();
    let source = text.lines().find(|l| l.starts_with("1 | ")).unwrap();
    let caret = text.lines().find(|l| l.contains('^')).unwrap();
    let at = caret.find('^').unwrap();
    assert_eq!(&source[at..at + 14], "\"s3:GetObjekt\"", "{text}");
}

#[test]
fn long_minified_lines_are_cut_around_the_finding() {
    let dir = scratch("minified");
    let file = dir.join("min.json");
    let mut actions: Vec<String> = (0..50).map(|_| "\"s3:GetObject\"".to_owned()).collect();
    actions.push("\"s3:GetObjekt\"".to_owned());
    std::fs::write(
        &file,
        format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":[{}],"Resource":"arn:aws:s3:::b/*"}}]}}"#,
            actions.join(",")
        ),
    )
    .unwrap();
    let output = run(&["check", file.to_str().unwrap()]);
    let text = String::from_utf8(output.stdout).unwrap();
    let source = text.lines().find(|l| l.starts_with("1 | ")).unwrap();
    assert!(
        source.starts_with("1 | ...") && source.chars().count() < 120,
        "{text}"
    );
    let caret = text.lines().find(|l| l.contains('^')).unwrap();
    let at = caret.find('^').unwrap();
    assert_eq!(&source[at..at + 14], "\"s3:GetObjekt\"", "{text}");
}

#[test]
fn unreadable_inputs_in_every_format() {
    let missing = fixture("no-such-file.json");
    let missing = missing.to_str().unwrap();
    let valid = fixture("valid.json");
    let valid = valid.to_str().unwrap();

    let output = run(&["check", missing, valid]);
    assert_eq!(output.status.code(), Some(2));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("error: cannot read `"), "{text}");
    assert!(
        text.ends_with("checked 2 files: 0 errors, 0 warnings, 1 unreadable\n"),
        "{text}"
    );

    let output = run(&["check", "--format", "sarif", missing, valid]);
    assert_eq!(output.status.code(), Some(2));
    let sarif = json_of(&output);
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let note = &invocation["toolExecutionNotifications"][0];
    assert!(
        note["message"]["text"]
            .as_str()
            .unwrap()
            .contains("no-such-file.json")
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot read"));

    // A directory given as a file to read: the walk finds nothing, the run is clean.
    let empty = scratch("empty-dir");
    let (json, code) = check_json(&[&empty]);
    assert_eq!((json["files"].as_array().unwrap().len(), code), (0, 0));
}

#[cfg(unix)]
#[test]
fn symbolic_link_loops_are_not_followed() {
    let dir = scratch("loop");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::copy(fixture("valid.json"), dir.join("sub/p.json")).unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("sub/up")).unwrap();
    std::os::unix::fs::symlink(dir.join("sub/p.json"), dir.join("linked.json")).unwrap();
    // A link named like a policy that leads to a directory is passed over, not read.
    std::os::unix::fs::symlink(dir.join("sub"), dir.join("dir.json")).unwrap();
    let (json, code) = check_json(&[&dir]);
    assert_eq!(code, 0);
    let paths: Vec<&str> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(
        paths[0].ends_with("linked.json") && paths[1].ends_with("sub/p.json"),
        "{paths:?}"
    );
}

#[test]
fn directories_are_walked_and_unreadable_paths_reported() {
    let missing = fixture("no-such-file.json");
    let (json, code) = check_json(&[&fixture("dir"), &missing]);
    assert_eq!(code, 2, "an unreadable input exits 2");
    let files = json["files"].as_array().unwrap();
    let paths: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths.len(), 3, "{paths:?}");
    assert!(
        paths[0].ends_with("a.json") && paths[1].ends_with("b.json"),
        "{paths:?}"
    );
    assert_eq!(
        codes(&files[1]),
        ["unknown-action", "wildcard-resource-required"]
    );
    assert!(files[2]["error"].as_str().unwrap().contains("No such file"));
}

#[test]
fn deep_and_huge_inputs_end_in_findings() {
    let dir = scratch("deep-and-huge");
    let deep = dir.join("deep.json");
    std::fs::write(&deep, "[".repeat(200_000)).unwrap();
    let (json, code) = check_json(&[&deep]);
    assert_eq!(code, 1);
    assert_eq!(codes(&json["files"][0]), ["invalid-json"]);

    let statement = r#"{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"#;
    let huge = dir.join("huge.json");
    let statements = vec![statement; 20_000].join(",");
    std::fs::write(
        &huge,
        format!(r#"{{"Version":"2012-10-17","Statement":[{statements}]}}"#),
    )
    .unwrap();
    let (json, code) = check_json(&[&huge]);
    assert_eq!(code, 1);
    assert_eq!(codes(&json["files"][0]), ["policy-too-large"]);
    // Allowed, the same huge policy is clean.
    let output = run(&[
        "check",
        "--allow",
        "policy-too-large",
        huge.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&output.stdout).ends_with("checked 1 file: 0 errors, 0 warnings\n")
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn standard_input_and_kinds() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_iam-policy"))
        .args(["check", "--kind", "scp", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(
        child.stdin.as_mut().unwrap(),
        br#"{"Version":"2012-10-17","Statement":{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}}"#,
    )
    .unwrap();
    let output = child.wait_with_output().unwrap();
    let json = json_of(&output);
    assert_eq!(json["files"][0]["path"], "-");
    assert_eq!(codes(&json["files"][0]), ["principal-not-allowed"]);
    assert_eq!(output.status.code(), Some(1));
}

/// `--service ecr` checks an ECR repository policy, which names no `Resource`; the
/// service needs `--kind resource` and a known prefix.
#[test]
fn a_resource_policy_names_its_service() {
    let dir = scratch("service");
    let path = dir.join("repository.json");
    std::fs::write(
        &path,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":["ecr:BatchGetImage","ecr:GetDownloadUrlForLayer"]}]}"#,
    )
    .unwrap();
    let path = path.to_str().unwrap();
    let output = run(&["check", "--kind", "resource", "--format", "json", path]);
    assert_eq!(codes(&json_of(&output)["files"][0]), ["missing-element"]);
    assert_eq!(output.status.code(), Some(1));
    let output = run(&[
        "check",
        "--kind",
        "resource",
        "--service",
        "ecr",
        "--format",
        "json",
        path,
    ]);
    assert_eq!(codes(&json_of(&output)["files"][0]), Vec::<&str>::new());
    assert_eq!(output.status.code(), Some(0));
    let output = run(&["check", "--kind", "resource", "--service", "ecrr", path]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("did you mean `ecr`?"), "{stderr}");
    let output = run(&["check", "--service", "ecr", path]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("add `--kind resource`"), "{stderr}");
}

#[test]
fn allow_drops_a_code_and_unknown_codes_are_usage_errors() {
    let output = run(&[
        "check",
        "--format",
        "json",
        "--allow",
        "unknown-action",
        "--allow",
        "wildcard-resource-required",
        fixture("invalid.json").to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0));
    let output = run(&["check", "--allow", "resource-mismach", "x.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("did you mean `resource-mismatch`?"));
    let output = run(&["check", "--allow", "zzz", "x.json"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("the codes are invalid-json, invalid-version"),
        "{stderr}"
    );
    let output = run(&["check", "--kind", "idnetity", "x.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(run(&["check"]).status.code(), Some(2));
}

#[test]
fn human_output_looks_like_rustc() {
    let output = run(&["check", fixture("invalid.json").to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.starts_with("error[unknown-action]: unknown action `GetObjekt` in service `s3`\n"),
        "{text}"
    );
    assert!(text.contains("invalid.json:5:16\n"), "{text}");
    assert!(
        text.contains("5 |     \"Action\": [\"s3:GetObjekt\", \"ec2:DescribeInstances\"],\n"),
        "{text}"
    );
    assert!(
        text.contains("  |                ^^^^^^^^^^^^^^\n"),
        "{text}"
    );
    assert!(
        text.contains("= help: did you mean `s3:GetObject`?"),
        "{text}"
    );
    assert!(
        text.ends_with("checked 1 file: 2 errors, 0 warnings\n"),
        "{text}"
    );
}

#[test]
fn sarif_output() {
    let output = run(&[
        "check",
        "--format",
        "sarif",
        fixture("invalid.json").to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let sarif = json_of(&output);
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "iam-policy");
    assert_eq!(
        run["tool"]["driver"]["rules"].as_array().unwrap().len(),
        iam_policy_codes()
    );
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "unknown-action");
    let index = usize::try_from(result["ruleIndex"].as_u64().unwrap()).unwrap();
    assert_eq!(
        run["tool"]["driver"]["rules"][index]["id"],
        "unknown-action"
    );
    assert_eq!(
        run["tool"]["driver"]["rules"][index]["shortDescription"]["text"],
        "the service has no such action"
    );
    assert_eq!(run["results"].as_array().unwrap().len(), 2);
    assert_eq!(
        result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
        "/Statement/0/Action/0"
    );
    assert_eq!(result["level"], "error");
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(5), Some(16))
    );
}

fn iam_policy_codes() -> usize {
    let output = run(&[
        "check",
        "--format",
        "sarif",
        fixture("valid.json").to_str().unwrap(),
    ]);
    json_of(&output)["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .len()
        .max(1)
}

#[test]
fn explain_and_expand() {
    let output = run(&["explain", "s3:getobject", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0));
    let json = json_of(&output);
    assert_eq!(json["action"], "s3:GetObject");
    assert_eq!(json["access_level"], "Read");
    assert_eq!(json["wildcard_only"], false);
    let types = json["resource_types"].as_array().unwrap();
    let object = types.iter().find(|t| t["name"] == "object").unwrap();
    assert_eq!(
        object["arn_formats"][0],
        "arn:${Partition}:s3:::${BucketName}/${ObjectName}"
    );
    assert!(object["required"].is_boolean());
    assert!(
        json["condition_keys"]
            .as_array()
            .unwrap()
            .iter()
            .any(|k| k["name"] == "s3:ExistingObjectTag/${TagKey}")
    );
    assert!(json["dependent_actions"].is_array());
    let rows = json["service_capabilities"].as_array().unwrap();
    assert!(rows.iter().any(|r| r["edition"] == 2018));
    assert!(rows.iter().any(|r| r["edition"] == 2023));

    let json = json_of(&run(&[
        "explain",
        "ec2:DescribeInstances",
        "--format",
        "json",
    ]));
    assert_eq!(json["wildcard_only"], true);
    // EC2 documents `*` for its actions without resource-level permissions.
    assert_eq!(json["wildcard_resource"]["class"], "star-only");
    assert_eq!(json["wildcard_resource"]["documented"], true);
    assert!(
        json["wildcard_resource"]["source"]
            .as_str()
            .unwrap()
            .contains("Amazon EC2 User Guide")
    );
    // Nothing says otherwise: `*` only, on the reference's default.
    let default = json_of(&run(&[
        "explain",
        "sts:GetCallerIdentity",
        "--format",
        "json",
    ]));
    assert_eq!(default["wildcard_resource"]["class"], "star-only");
    assert_eq!(default["wildcard_resource"]["documented"], false);
    assert!(
        default["wildcard_resource"]["source"]
            .as_str()
            .unwrap()
            .contains("Service Authorization Reference")
    );

    assert_eq!(json["condition_keys"][0]["type"], "String");
    assert!(
        json["service_capabilities"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["support"].as_object().unwrap().len() == 6)
    );

    let output = run(&["explain", "iam:PassRole"]);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.starts_with("iam:PassRole (AWS Identity and Access Management"),
        "{text}"
    );
    assert!(text.contains("  access level: Write\n"), "{text}");
    assert!(text.contains("  wildcard only: no\n"), "{text}");
    let json = json_of(&run(&["explain", "iam:PassRole", "--format", "json"]));
    assert!(json["wildcard_resource"].is_null());
    assert!(text.contains("iam:PassedToService (String)"), "{text}");
    assert!(
        text.contains("founding table (2018)") && text.contains("latest table (2023)"),
        "{text}"
    );
    assert!(text.contains("temporary credentials: "), "{text}");

    let output = run(&["explain", "s3:Get*"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("iam-policy expand 's3:Get*'"));
    let output = run(&["explain", "s4:GetObject"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("did you mean the service `s3`?"));

    let output = run(&["explain", "s3:GetObjekt"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("did you mean `s3:GetObject`?"));

    let output = run(&["expand", "s3:Get*"]);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.lines().any(|l| l == "s3:GetObject"));
    assert!(text.lines().all(|l| l.starts_with("s3:Get")));
    let output = run(&["expand", "s3:Nope*"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8_lossy(&output.stderr).contains("no action matches `s3:Nope*`"));
    let output = run(&["expand", "*:GetObject"]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.lines().any(|l| l == "s3:GetObject"), "{text}");
}

#[test]
fn version_shows_the_data_date() {
    let output = run(&["--version"]);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains(env!("CARGO_PKG_VERSION")), "{text}");
    assert!(
        text.contains(&format!("catalog data of {}", iam_catalog::DATA_DATE)),
        "{text}"
    );
    for (source, version) in iam_catalog::model::sources() {
        assert!(text.contains(&format!("{source} {version}")), "{text}");
    }
}

/// The 1,452 AWS managed policies: every file is listed and the run completes. Which
/// findings are expected is the workspace's corpus test (`tests/corpus.rs`).
#[test]
fn the_managed_policy_corpus() {
    let root = std::env::var_os("IAM_POLICY_CORPUS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"),
        PathBuf::from,
    );
    let dir = root.join("aws-managed-policies");
    if !dir.is_dir() {
        eprintln!(
            "the_managed_policy_corpus DID NOT RUN: no corpus at {}",
            dir.display()
        );
        return;
    }
    let output = run(&[
        "check",
        "--format",
        "json",
        "--allow",
        "policy-too-large",
        dir.to_str().unwrap(),
    ]);
    // 0 or 1 depending on the known defects; never a usage or I/O failure (2) or a crash.
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{:?}: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let json = json_of(&output);
    let files = json["files"].as_array().unwrap();
    assert_eq!(files.len(), 1452);
    let mut counts = std::collections::BTreeMap::new();
    let on_disk = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "json")
        })
        .count();
    assert_eq!(files.len(), on_disk);
    let paths: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert!(paths.is_sorted(), "files are listed in sorted order");
    for file in files {
        assert!(file.get("error").is_none());
        assert_eq!(file.as_object().unwrap().len(), 3, "{file}");
        for d in file["diagnostics"].as_array().unwrap() {
            assert_ne!(d["code"], "policy-too-large", "allowed");
            assert!(d["line"].as_u64().unwrap() >= 1 && d["column"].as_u64().unwrap() >= 1);
            assert!(
                d["pointer"].as_str().unwrap().is_empty()
                    || d["pointer"].as_str().unwrap().starts_with('/')
            );
        }
        for code in codes(file) {
            *counts.entry(code.to_owned()).or_insert(0) += 1;
        }
    }
    eprintln!("findings on the managed corpus by code: {counts:?}");
}

/// A capability fact newer than the tables shows as an override with its source, in text
/// and JSON (AWS Organizations' delegation policies; the tables say No).
#[test]
fn explain_shows_capability_overrides() {
    let output = run(&["explain", "organizations:PutResourcePolicy"]);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    let (_, overrides) = text
        .split_once("  overrides of the tables (newer facts, which the checks follow):\n")
        .unwrap_or_else(|| panic!("no override section: {text}"));
    assert!(
        overrides.starts_with("    resource-based policies: yes\n"),
        "{overrides}"
    );
    assert!(
        overrides.contains(
            "source: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_delegate_policies.html"
        ),
        "{overrides}"
    );
    assert!(overrides.contains("(since 2022-11-27)"), "{overrides}");

    let json = json_of(&run(&[
        "explain",
        "organizations:PutResourcePolicy",
        "--format",
        "json",
    ]));
    let overrides = json["capability_overrides"].as_array().unwrap();
    assert_eq!(overrides.len(), 1);
    assert_eq!(overrides[0]["capability"], "resource_based");
    assert_eq!(overrides[0]["support"], "yes");
    assert_eq!(overrides[0]["since"], "2022-11-27");
    assert!(
        overrides[0]["source"]
            .as_str()
            .unwrap()
            .starts_with("https://docs.aws.amazon.com/organizations/")
    );

    // A service without overrides has none, and no section.
    let json = json_of(&run(&["explain", "s3:GetObject", "--format", "json"]));
    assert_eq!(json["capability_overrides"], serde_json::json!([]));
    let text = String::from_utf8(run(&["explain", "s3:GetObject"]).stdout).unwrap();
    assert!(!text.contains("overrides of the tables"), "{text}");
}

/// `explain` shows what IAM evaluates for an action without resource types, and the source.
#[test]
fn explain_shows_the_wildcard_class_and_its_source() {
    let json = json_of(&run(&[
        "explain",
        "logs:DescribeLogGroups",
        "--format",
        "json",
    ]));
    let class = &json["wildcard_resource"];
    assert_eq!(class["class"], "request-arn");
    assert!(
        class["request_arns"][0]
            .as_str()
            .unwrap()
            .ends_with(":log-group::log-stream:")
    );
    assert!(
        class["source"]
            .as_str()
            .unwrap()
            .contains("docs.aws.amazon.com")
    );
    // AWS's policies that scope it are shown beside the documented ARN.
    assert!(
        class["scoped_by_aws_policies"]["policies"]
            .as_u64()
            .unwrap()
            >= 1
    );

    let json = json_of(&run(&[
        "explain",
        "lambda:ListFunctions",
        "--format",
        "json",
    ]));
    assert_eq!(json["wildcard_resource"]["class"], "star-only");
    assert_eq!(json["wildcard_resource"]["documented"], true);

    let json = json_of(&run(&[
        "explain",
        "sagemaker:ListEndpoints",
        "--format",
        "json",
    ]));
    let class = &json["wildcard_resource"];
    assert_eq!(class["class"], "scoped-by-aws");
    let cited = class["scoped_by_aws_policies"]["cited"].as_array().unwrap();
    assert!(!cited.is_empty());

    let output = run(&["explain", "sagemaker:ListEndpoints"]);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("[wildcard-resource-scoped]"), "{text}");
    assert!(
        text.contains(&format!("      {}\n", cited[0].as_str().unwrap())),
        "{text}"
    );
    let text = String::from_utf8(run(&["explain", "logs:DescribeLogGroups"]).stdout).unwrap();
    assert!(
        text.contains(
            "    request ARN: arn:${Partition}:logs:${Region}:${Account}:log-group::log-stream:\n"
        ),
        "{text}"
    );
    assert!(text.contains("(the source above decides)"), "{text}");
}
