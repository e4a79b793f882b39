//! Findings of severity warning do not fail a build: this policy has no `Version`
//! (`missing-version`), and `#[allow(deprecated)]` is not needed for it to compile.

use iam_policy::policy;

fn main() {
    let doc = policy!({
        "Statement": [{ "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*" }]
    });
    let warnings: Vec<_> = doc
        .validate(doc.kind())
        .into_iter()
        .map(|d| d.code.to_string())
        .collect();
    assert_eq!(warnings, ["missing-version"]);
}
