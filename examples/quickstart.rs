//! The main job: a policy written in Rust, checked when it compiles, and a JSON policy
//! from elsewhere checked at run time by the same engine.
//!
//! ```sh
//! cargo run --example quickstart
//! ```

use iam_policy::{PolicyKind, policy};

fn main() {
    // A policy with a value known only at run time. Everything around `{bucket}` is checked
    // by `cargo build`: the actions exist, and each ARN fits the resource types its actions
    // take (`s3:ListBucket` on the bucket, `s3:GetObject` on the objects).
    let bucket = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "example-bucket".to_owned());
    let read_bucket = policy!({
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "ListTheBucket",
                "Effect": "Allow",
                "Action": "s3:ListBucket",
                "Resource": "arn:aws:s3:::{bucket}"
            },
            {
                "Sid": "ReadOwnPrefix",
                "Effect": "Allow",
                "Action": ["s3:GetObject", "s3:GetObjectVersion"],
                "Resource": "arn:aws:s3:::{bucket}/${aws:username}/*"
            }
        ]
    });
    println!(
        "policy for bucket `{bucket}`:\n{}\n",
        read_bucket.to_json_pretty()
    );

    // A JSON policy from anywhere (a file, an API, a template): the same checks at run time.
    let pasted = r#"{
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": ["s3:GetObjekt", "ec2:DescribeInstances"],
            "Resource": "arn:aws:s3:::example-bucket/*"
        }]
    }"#;
    println!("checking a JSON policy:");
    let findings = iam_policy::validate(pasted, PolicyKind::Identity);
    for finding in &findings {
        println!(
            "  {}[{}] line {}, column {} ({}): {}",
            finding.severity,
            finding.code,
            finding.loc.line,
            finding.loc.column,
            finding.loc.pointer,
            finding.message
        );
        if let Some(help) = &finding.help {
            println!("    help: {help}");
        }
    }
    println!(
        "{} finding(s); the compile-time policy above had none.",
        findings.len()
    );
}
