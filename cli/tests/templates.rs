//! `iam-policy check` on CloudFormation templates and Terraform plans: the examples of
//! AWS's CloudFormation documentation and of the Terraform AWS provider's documentation
//! (`tests/fixtures/*/aws-docs`, sources in `tests/fixtures/README.md`), and hand-made
//! broken ones (`tests/fixtures/*/broken`) whose findings must point at the text at fault.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use common::{fixture, run};

fn check(extra: &[&str], paths: &[&Path]) -> (Value, i32) {
    let mut args: Vec<String> = vec!["check".into(), "--format".into(), "json".into()];
    args.extend(extra.iter().map(|s| (*s).to_owned()));
    args.extend(paths.iter().map(|p| p.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = run(&args);
    let json = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stdout)));
    (json, output.status.code().unwrap())
}

fn files(json: &Value) -> &Vec<Value> {
    json["files"].as_array().unwrap()
}

fn name(file: &Value) -> String {
    Path::new(file["path"].as_str().unwrap())
        .strip_prefix(fixture(""))
        .unwrap()
        .display()
        .to_string()
}

fn codes(file: &Value) -> Vec<&str> {
    file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect()
}

fn policies(file: &Value) -> (u64, u64) {
    (
        file["policies"]["found"].as_u64().unwrap(),
        file["policies"]["checked"].as_u64().unwrap(),
    )
}

/// The file's text from a finding's line and column on.
fn text_at(path: &str, line: u64, column: u64) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let line = text
        .lines()
        .nth(usize::try_from(line).unwrap() - 1)
        .unwrap();
    line.chars()
        .skip(usize::try_from(column).unwrap() - 1)
        .collect()
}

/// Every finding of `file` with `code`, as (message, text at its location).
fn located<'a>(file: &'a Value, code: &str) -> Vec<(&'a str, String)> {
    let path = file["path"].as_str().unwrap();
    file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .map(|d| {
            (
                d["message"].as_str().unwrap(),
                text_at(
                    path,
                    d["line"].as_u64().unwrap(),
                    d["column"].as_u64().unwrap(),
                ),
            )
        })
        .collect()
}

fn notes(file: &Value) -> Vec<(&str, &str)> {
    file["notes"].as_array().map_or_else(Vec::new, |notes| {
        notes
            .iter()
            .map(|n| (n["level"].as_str().unwrap(), n["message"].as_str().unwrap()))
            .collect()
    })
}

#[test]
fn cloudformation_documentation_examples_are_read_and_checked() {
    let (json, _) = check(&[], &[&fixture("cfn/aws-docs")]);
    let files = files(&json);
    assert!(files.len() >= 40, "{}", files.len());
    let (mut found, mut checked) = (0, 0);
    for file in files {
        assert_eq!(file["format"], "cloudformation", "{}", name(file));
        assert!(file.get("error").is_none(), "{}", name(file));
        // Every example is valid YAML/JSON and has nothing computed at deploy time that
        // hides a whole document.
        assert_eq!(notes(file), Vec::<(&str, &str)>::new(), "{}", name(file));
        let (f, c) = policies(file);
        assert_eq!(f, c, "{}", name(file));
        found += f;
        checked += c;
    }
    assert!(found >= 50, "{found}");
    assert_eq!(found, checked);
    // Pages whose examples all hold policies.
    for file in files {
        let n = name(file);
        if [
            "iam-role-",
            "kms-key-",
            "iam-policy-",
            "prop-s3-policy-",
            "organizations-policy-",
        ]
        .iter()
        .any(|p| n.contains(p))
        {
            assert!(policies(file).0 >= 1, "{n}");
        }
    }
}

#[test]
fn json_and_yaml_versions_of_an_example_agree() {
    // The documentation gives each example in JSON and YAML, numbered in that order.
    let (json, _) = check(&[], &[&fixture("cfn/aws-docs")]);
    let by_name: std::collections::HashMap<String, &Value> =
        files(&json).iter().map(|f| (name(f), f)).collect();
    let mut pairs = 0;
    for (n, file) in &by_name {
        let Some(stem) = n.strip_suffix(".json") else {
            continue;
        };
        let (page, number) = stem.rsplit_once('-').unwrap();
        let next = number.parse::<u32>().unwrap() + 1;
        let Some(yaml) = by_name.get(&format!("{page}-{next}.yaml")) else {
            continue;
        };
        pairs += 1;
        assert_eq!(policies(file), policies(yaml), "{n}");
        assert_eq!(codes(file), codes(yaml), "{n}");
        let pointers = |f: &Value| -> Vec<String> {
            f["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["pointer"].as_str().unwrap().to_owned())
                .collect()
        };
        assert_eq!(pointers(file), pointers(yaml), "{n}");
    }
    assert!(pairs >= 15, "{pairs}");
}

#[test]
fn terraform_documentation_examples_are_read_and_checked() {
    let (json, _) = check(&[], &[&fixture("terraform/aws-docs")]);
    let files = files(&json);
    assert_eq!(files.len(), 8);
    let plan = |page: &str| {
        files
            .iter()
            .find(|f| name(f) == format!("terraform/aws-docs/{page}/plan.json"))
            .unwrap()
    };
    for file in files {
        assert_eq!(file["format"], "terraform-plan", "{}", name(file));
    }
    // One policy per page, except those with several.
    for page in [
        "iam_policy",
        "kms_key",
        "organizations_policy",
        "s3_bucket_policy",
    ] {
        assert_eq!(policies(plan(page)), (1, 1), "{page}");
        assert_eq!(codes(plan(page)), Vec::<&str>::new(), "{page}");
    }
    // The role policy and the role's trust policy.
    assert_eq!(policies(plan("iam_role_policy")), (2, 2));
    // Four resource attributes plus three data sources, the attributes that reference
    // a data source checked once, in it.
    assert_eq!(policies(plan("iam_role")), (7, 7));
    // `s3:HeadBucket` is an API operation, not an action (ListBucket authorizes it).
    let found = located(plan("iam_role"), "unknown-action");
    assert_eq!(found.len(), 1);
    assert!(
        found[0]
            .0
            .starts_with("`aws_iam_policy.policy_two` (policy): ")
    );
    assert!(
        found[0].1.starts_with(r#"\"s3:HeadBucket\""#),
        "{}",
        found[0].1
    );
    // The queue policy interpolates ARNs known only after apply: found, not checked,
    // and said so.
    let sqs = plan("sqs_queue_policy");
    assert_eq!(policies(sqs), (1, 0));
    assert_eq!(
        notes(sqs),
        [(
            "warning",
            "`aws_sqs_queue_policy.test` (policy): the policy is known only after apply; not checked"
        )]
    );
    // The topic policy's data source is read at apply time (the topic ARN is unknown):
    // its statement blocks are checked, the unknown resource a hole, as a resource
    // policy (the type of the attribute that references it).
    let sns = plan("sns_topic_policy");
    assert_eq!(policies(sns), (1, 1));
    assert!(notes(sns).is_empty());
    for code in codes(sns) {
        assert_ne!(code, "principal-not-allowed");
        assert_ne!(code, "invalid-arn");
    }
    let receive = located(sns, "unknown-action");
    assert_eq!(receive.len(), 1);
    assert!(
        receive[0].1.starts_with(r#""SNS:Receive""#),
        "{}",
        receive[0].1
    );
}

#[test]
fn yaml_template_findings_point_at_the_text() {
    let (json, code) = check(&[], &[&fixture("cfn/broken/broken.yaml")]);
    assert_eq!(code, 1);
    let file = &files(&json)[0];
    assert_eq!(policies(file), (5, 4));
    let at = |code: &str| located(file, code);
    let actions = at("unknown-action");
    assert_eq!(actions.len(), 2);
    assert!(
        actions[0]
            .0
            .starts_with("`BucketPolicy` (AWS::S3::BucketPolicy PolicyDocument): ")
    );
    assert!(actions[0].1.starts_with("s3:GetObjekt"));
    assert!(
        actions[1]
            .0
            .starts_with("`AppRole` (AWS::IAM::Role AssumeRolePolicyDocument): ")
    );
    assert!(actions[1].1.starts_with("sts:AssumeRol"));
    // The trust policy is checked as one.
    assert_eq!(at("unsupported-in-policy-type").len(), 1);
    // `Fn::Join` keeps its literal parts checked.
    let partition = at("invalid-partition");
    assert_eq!(partition.len(), 1);
    assert!(partition[0].0.contains("`arn:aws-cn-typo:s3:::{}`"));
    assert!(partition[0].1.starts_with("!Join"));
    // The SCP by `Type`.
    let scp = at("principal-not-allowed");
    assert_eq!(scp.len(), 1);
    assert!(scp[0].1.starts_with("Principal:"));
    // `!Sub` with `${Bucket.Arn}` and `${!aws:username}`, `!Sub` with `${AWS::Partition}`:
    // no finding on those resources.
    for code in [
        "invalid-arn",
        "resource-mismatch",
        "invalid-policy-variable",
    ] {
        assert!(at(code).is_empty(), "{code}");
    }
    // What cannot be checked is said, where it is.
    let notes: Vec<_> = file["notes"].as_array().unwrap().iter().collect();
    assert_eq!(notes.len(), 3);
    let note_at = |i: usize| {
        text_at(
            file["path"].as_str().unwrap(),
            notes[i]["line"].as_u64().unwrap(),
            notes[i]["column"].as_u64().unwrap(),
        )
    };
    assert!(note_at(0).starts_with("!Ref ReaderArns"));
    assert!(note_at(1).starts_with("!If"));
    assert!(note_at(2).starts_with("!Ref PolicyJson"));
    assert!(
        notes[2]["message"]
            .as_str()
            .unwrap()
            .ends_with("not checked")
    );
    assert!(notes.iter().all(|n| n["level"] == "warning"));
}

#[test]
fn json_template_findings_point_at_the_text() {
    let (json, code) = check(&[], &[&fixture("cfn/broken/broken.json")]);
    assert_eq!(code, 1);
    let file = &files(&json)[0];
    assert_eq!(policies(file), (3, 3));
    let actions = located(file, "unknown-action");
    assert_eq!(actions.len(), 2);
    assert!(actions[0].1.starts_with(r#""sqs:SendMesage""#));
    assert!(actions[1].1.starts_with(r#""sqs:DeleteMesage""#));
    assert!(
        actions[1]
            .0
            .starts_with("`Reader` (AWS::IAM::User policy `read`): ")
    );
    // A key policy written as JSON text: located inside the string, escapes counted.
    let key = located(file, "unknown-condition-key");
    assert_eq!(key.len(), 1);
    assert!(
        key[0].1.starts_with(r#"\"kms:CallerAcount\""#),
        "{}",
        key[0].1
    );
    let pointer = file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "unknown-condition-key")
        .unwrap()["pointer"]
        .as_str()
        .unwrap();
    assert_eq!(
        pointer,
        "/Resources/Key/Properties/KeyPolicy/Statement/0/Condition/StringEquals/kms:CallerAcount"
    );
    // `Fn::GetAtt [Queue, Arn]`, `Fn::Sub` with pseudo parameters and `Fn::Join` of
    // pseudo parameters are ARNs with holes that fit.
    for code in [
        "invalid-arn",
        "resource-mismatch",
        "invalid-region",
        "invalid-account",
    ] {
        assert!(located(file, code).is_empty(), "{code}");
    }
}

#[test]
fn terraform_plan_findings_point_at_the_text() {
    let (json, code) = check(&[], &[&fixture("terraform/broken/plan.json")]);
    assert_eq!(code, 1);
    let file = &files(&json)[0];
    assert_eq!(policies(file), (5, 5));
    let actions = located(file, "unknown-action");
    let owners: Vec<&str> = actions
        .iter()
        .map(|(m, _)| m.split(':').next().unwrap())
        .collect();
    assert_eq!(
        owners,
        [
            "`module.app.aws_iam_role.deploy` (assume_role_policy)",
            "`module.app.aws_iam_role_policy.logs` (policy)",
            "`module.app.data.aws_iam_policy_document.read`",
        ]
    );
    assert!(
        actions[0]
            .1
            .starts_with(r#"\"sts:AssumeRoleWithWebIdentiy\""#)
    );
    // A heredoc's new lines are `\n` escapes in the plan: columns still fit.
    assert!(actions[1].1.starts_with(r#"\"logs:PutLogEvent\""#));
    // A data source's statement blocks: located at the list element.
    assert!(actions[2].1.starts_with(r#""s3:ListBuckets""#));
    let operator = located(file, "unknown-operator");
    assert_eq!(operator.len(), 1);
    assert!(operator[0].1.starts_with(r#""StringEqual""#));
    // An RCP by `type`; an instance address with its index.
    let rcp: Vec<_> = located(file, "unsupported-in-policy-type")
        .into_iter()
        .filter(|(m, _)| m.starts_with("`aws_organizations_policy.tls` (content): "))
        .collect();
    assert_eq!(rcp.len(), 1);
    assert!(rcp[0].1.starts_with(r#"\"Allow\""#), "{}", rcp[0].1);
    let account = located(file, "invalid-account");
    assert_eq!(account.len(), 1);
    assert!(
        account[0]
            .0
            .starts_with("`aws_iam_user_policy.ops[0]` (policy): ")
    );
    // The data source's resource known only after apply is a hole, not an error.
    assert!(located(file, "invalid-arn").is_empty());
}

#[test]
fn yaml_syntax_errors_and_other_yaml_are_reported() {
    let (json, code) = check(
        &[],
        &[
            &fixture("cfn/broken/bad-syntax.yaml"),
            &fixture("cfn/broken/not-a-template.yaml"),
        ],
    );
    assert_eq!(code, 1);
    let bad = &files(&json)[0];
    let notes_bad = notes(bad);
    assert_eq!(notes_bad.len(), 1);
    assert_eq!(notes_bad[0].0, "error");
    assert!(notes_bad[0].1.starts_with("the file is not valid YAML: "));
    assert!(bad["notes"][0]["line"].as_u64().unwrap() >= 8);
    let other = &files(&json)[1];
    assert_eq!(other["format"], "yaml");
    assert_eq!(notes(other)[0].0, "note");
    assert!(other.get("policies").is_none());
    // A YAML file that is not a template alone does not fail the run.
    let (_, code) = check(&[], &[&fixture("cfn/broken/not-a-template.yaml")]);
    assert_eq!(code, 0);
}

#[test]
fn input_overrides_recognition() {
    // Read as a policy, a template is a policy with unknown elements.
    let (json, code) = check(
        &["--input", "policy"],
        &[&fixture("cfn/broken/broken.json")],
    );
    assert_eq!(code, 1);
    let file = &files(&json)[0];
    assert_eq!(file["format"], "policy");
    assert!(codes(file).contains(&"unknown-element"));
    // Read as a template, a policy has no resources: nothing found.
    let (json, code) = check(&["--input", "cfn"], &[&fixture("valid.json")]);
    assert_eq!(code, 0);
    assert_eq!(policies(&files(&json)[0]), (0, 0));
    // A plan forced as a plan; a template forced as a plan holds no resources.
    let (json, _) = check(
        &["--input", "terraform"],
        &[&fixture("cfn/broken/broken.json")],
    );
    assert_eq!(policies(&files(&json)[0]), (0, 0));
    // `--kind` applies to policy files only: templates take the type of each property.
    let (by_kind, _) = check(
        &["--kind", "scp"],
        &[&fixture("terraform/broken/plan.json")],
    );
    let (default, _) = check(&[], &[&fixture("terraform/broken/plan.json")]);
    assert_eq!(by_kind, default);
}

#[test]
fn output_keeps_input_order_on_any_number_of_jobs() {
    let paths = [
        fixture("terraform/aws-docs"),
        fixture("cfn/aws-docs"),
        fixture("cfn/broken"),
        fixture("invalid.json"),
    ];
    let paths: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let (one, code_one) = check(&["--jobs", "1"], &paths);
    let (four, code_four) = check(&["-j", "4"], &paths);
    let (all, code_all) = check(&[], &paths);
    assert_eq!(one, four);
    assert_eq!(one, all);
    assert_eq!((code_one, code_four, code_all), (1, 1, 1));
    // Directories in sorted order, arguments in the order given.
    let names: Vec<String> = files(&one).iter().map(name).collect();
    let mut first: Vec<String> = names
        .iter()
        .filter(|n| n.starts_with("terraform/aws-docs"))
        .cloned()
        .collect();
    let sorted = {
        let mut s = first.clone();
        s.sort();
        s
    };
    assert_eq!(first, sorted);
    first.clear();
    assert!(names[0].starts_with("terraform/"));
    assert_eq!(names.last().unwrap(), "invalid.json");
    // Human output streams the same files, in the same order.
    let human = run(&[
        "check",
        "-j",
        "3",
        &fixture("cfn/broken").display().to_string(),
    ]);
    let text = String::from_utf8(human.stdout).unwrap();
    let order: Vec<usize> = [
        "bad-syntax.yaml",
        "broken.json",
        "broken.yaml",
        "not-a-template.yaml",
        "sub-json.yaml",
    ]
    .iter()
    .map(|f| text.find(f).unwrap())
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{text}");
    assert!(text.ends_with(
        "checked 5 files: 10 errors, 4 warnings; 10 policies found in 4 templates or plans, 8 checked\n"
    ), "{text}");
}

#[test]
fn jobs_must_be_positive() {
    let output = run(&["check", "--jobs", "0", "x.json"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn sarif_locates_template_findings_and_reports_notes() {
    let output = run(&[
        "check",
        "--format",
        "sarif",
        &fixture("cfn/broken/broken.yaml").display().to_string(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let log: Value = serde_json::from_slice(&output.stdout).unwrap();
    let run0 = &log["runs"][0];
    let results = run0["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().unwrap() > 1);
        assert!(
            r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
                .as_str()
                .unwrap()
                .starts_with("/Resources/")
        );
    }
    let notifications = run0["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert_eq!(notifications.len(), 3);
    assert!(notifications.iter().all(|n| n["level"] == "warning"));
    // Warnings about coverage do not make the run unsuccessful.
    assert_eq!(run0["invocations"][0]["executionSuccessful"], true);
}

#[test]
fn a_yaml_template_on_standard_input_is_recognised() {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_iam-policy"))
        .args(["check", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            b"Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties: !If [C, {PolicyDocument: {}}, !Ref AWS::NoValue]\n  Q:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: \"2012-10-17\"\n        Statement: [{Effect: Allow, Action: \"iam:GetRol\", Resource: \"*\"}]\n",
        )
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let file = &files(&json)[0];
    assert_eq!(file["format"], "cloudformation");
    // Properties computed by `Fn::If`: found, not checked, noted.
    assert_eq!(policies(file), (2, 1));
    assert_eq!(notes(file).len(), 1);
    assert_eq!(codes(file), ["unknown-action"]);
    assert_eq!(
        (
            file["diagnostics"][0]["line"].as_u64(),
            file["diagnostics"][0]["column"].as_u64()
        ),
        (Some(10), Some(45))
    );
}

#[test]
fn cfn_lint_templates_are_read_with_their_functions() {
    let (json, _) = check(&[], &[&fixture("cfn/cfn-lint")]);
    let files = files(&json);
    let policy = &files[0];
    assert_eq!(name(policy), "cfn/cfn-lint/policy.yaml");
    // The third statement is under `Fn::If`: noted, the other two checked.
    assert_eq!(policies(policy), (1, 1));
    assert_eq!(notes(policy).len(), 1);
    assert!(notes(policy)[0].1.contains("`Fn::If`"));
    let resource = &files[1];
    assert_eq!(policies(resource), (3, 3));
    assert!(notes(resource).is_empty());
    // A statement that is an object, not a list, is read; its bucket ARN does not fit
    // `s3:GetObject`, which takes objects.
    let mismatch = located(resource, "resource-mismatch");
    assert_eq!(mismatch.len(), 1);
    assert!(mismatch[0].0.starts_with("`WebsiteBucketPolicy` "));
    assert!(mismatch[0].1.starts_with("s3:GetObject"));
    // The ECR repository policy names no `Resource`, as ECR writes them: no finding.
    let on_ecr = |file: &Value| -> Vec<Value> {
        file["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["message"].as_str().unwrap().starts_with("`Ecr` "))
            .cloned()
            .collect()
    };
    assert!(on_ecr(resource).is_empty(), "{resource}");
    // A policy as JSON text in a YAML block scalar is located at the scalar: the same
    // template with an action of the ECR policy misspelled.
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("templates-cfn-lint");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let misspelled = dir.join("resource_policy.yaml");
    let text = std::fs::read_to_string(fixture("cfn/cfn-lint/resource_policy.yaml")).unwrap();
    std::fs::write(
        &misspelled,
        text.replace("\"ecr:BatchGetImage\"", "\"ecr:BatchGetImag\""),
    )
    .unwrap();
    let (json, _) = check(&[], &[&misspelled]);
    let broken = &json["files"][0];
    let ecr = on_ecr(broken);
    assert_eq!(ecr.len(), 1, "{broken}");
    assert_eq!(ecr[0]["code"], "unknown-action");
    for d in &ecr {
        assert_eq!(
            text_at(
                broken["path"].as_str().unwrap(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap()
            ),
            "{"
        );
        assert!(
            d["pointer"]
                .as_str()
                .unwrap()
                .starts_with("/Resources/Ecr/Properties/RepositoryPolicyText/")
        );
    }
    // `Fn::Join` of the bucket parameter: `arn:aws:s3:::{}/*` fits objects.
    assert!(
        !resource["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["message"]
                .as_str()
                .unwrap()
                .starts_with("`SampleBucketPolicy` ")
                && d["severity"] == "error")
    );
}

#[test]
fn json_text_in_fn_sub_is_checked_with_its_parts_unknown() {
    let (json, code) = check(&[], &[&fixture("cfn/broken/sub-json.yaml")]);
    assert_eq!(code, 1);
    let file = &files(&json)[0];
    assert_eq!(policies(file), (2, 1));
    // `${AWS::Partition}`, `${AWS::AccountId}`, `${AWS::Region}` inside JSON strings are
    // unknown parts: the principals, the service name and the ARN condition fit; the
    // action pattern that matches nothing is found, at the text.
    assert_eq!(codes(file), ["pattern-matches-nothing"]);
    let d = &file["diagnostics"][0];
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("`kms:GenerateDataKeys*`")
    );
    assert_eq!(
        d["pointer"],
        "/Resources/LogsKey/Properties/KeyPolicy/Statement/1/Action/2"
    );
    assert!(
        text_at(
            file["path"].as_str().unwrap(),
            d["line"].as_u64().unwrap(),
            d["column"].as_u64().unwrap()
        )
        .starts_with("!Sub |")
    );
    // `${MaxAge}` outside a string: JSON only once substituted, so noted, not checked.
    let notes = notes(file);
    assert_eq!(notes.len(), 1);
    assert!(notes[0].1.starts_with("`Repository` "), "{}", notes[0].1);
    assert!(notes[0].1.contains("`Fn::Sub`"));
}

/// An ECR repository's `RepositoryPolicyText` is checked as a resource policy of `ecr`,
/// which names no `Resource`; other resource policies still need one.
#[test]
fn ecr_repository_policies_in_templates_need_no_resource() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("templates-ecr");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("template.yaml");
    std::fs::write(
        &path,
        r#"AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Repository:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryPolicyText:
        Version: "2012-10-17"
        Statement:
          - Sid: LambdaImageRetrieval
            Effect: Allow
            Principal:
              Service: lambda.amazonaws.com
            Action:
              - ecr:BatchGetImage
              - ecr:GetDownloadUrlForLayer
  QueuePolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues:
        - https://sqs.us-east-1.amazonaws.com/111122223333/jobs
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              AWS: "111122223333"
            Action: sqs:SendMessage
"#,
    )
    .unwrap();
    let (json, status) = check(&["--input", "cfn"], &[&path]);
    let file = &files(&json)[0];
    assert_eq!(policies(file), (2, 2), "{file}");
    assert_eq!(codes(file), ["missing-element"], "{file}");
    assert!(
        file["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .starts_with("`QueuePolicy`"),
        "{file}"
    );
    assert_eq!(status, 1);
}
