//! The least-privilege policy of a Lambda function that reads the objects under one
//! prefix of a bucket, sends its results to one queue, and decrypts with one KMS key —
//! generated from intent, at compile time (`generate!`) and at run time (`Generator`),
//! which write the same policy. `examples/generate_lambda_policy.yml` is the same
//! template for the CLI: `iam-policy generate examples/generate_lambda_policy.yml`.
//!
//! ```sh
//! cargo run --example generate_lambda_policy
//! ```

use iam_policy::document::Condition;
use iam_policy::generate::{Arn, Generator};
use iam_policy::{PolicyKind, generate};

/// Generates the policy both ways, prints it, and checks that both ways agree.
///
/// # Errors
///
/// When the run-time template has a mistake (it has none).
pub fn main() -> Result<(), Box<dyn std::error::Error>> {
    let bucket = "example-reports";
    let queue = "example-results";
    let key = "1234abcd-12ab-34cd-56ef-1234567890ab";

    // Compile time: a mistake in the template fails the build at its string.
    let generated = generate!({
        "read": ["arn:aws:s3:::{bucket}/incoming/*"],
        "write": ["arn:aws:sqs:us-east-1:123456789012:{queue}"],
        "grants": [
            {
                "arn": "arn:aws:s3:::{bucket}",
                "actions": ["s3:ListBucket"],
                "condition": {"StringLike": {"s3:prefix": "incoming/*"}}
            },
            {
                "arn": "arn:aws:kms:us-east-1:123456789012:key/{key}",
                "actions": ["kms:Decrypt"]
            }
        ],
        "exclude-actions": [
            "sqs:CreateQueue", "sqs:DeleteQueue", "sqs:PurgeQueue", "sqs:SetQueueAttributes",
            "sqs:StartMessageMoveTask", "sqs:CancelMessageMoveTask"
        ]
    });
    let policy = generated.policies().first().ok_or("no policy generated")?;
    println!("{}", policy.to_json_pretty());
    assert!(policy.validate(PolicyKind::Identity).is_empty());

    // Run time: the same template from values known only now.
    let runtime = Generator::new()
        .read(
            Arn::pattern("arn:aws:s3:::")
                .value(bucket)
                .then("/incoming/*"),
        )
        .write(Arn::pattern("arn:aws:sqs:us-east-1:123456789012:").value(queue))
        .grant_actions(
            Arn::pattern("arn:aws:s3:::").value(bucket),
            &["s3:ListBucket"],
            Some(Condition::new().with("StringLike", "s3:prefix", "incoming/*")),
        )
        .grant_actions(
            Arn::pattern("arn:aws:kms:us-east-1:123456789012:key/").value(key),
            &["kms:Decrypt"],
            None,
        )
        .exclude("sqs:CreateQueue")
        .exclude("sqs:DeleteQueue")
        .exclude("sqs:PurgeQueue")
        .exclude("sqs:SetQueueAttributes")
        .exclude("sqs:StartMessageMoveTask")
        .exclude("sqs:CancelMessageMoveTask")
        .generate()?;
    assert_eq!(runtime.to_json(), generated.to_json());

    // Each access level grants only its own actions, on the resources named.
    let json = policy.to_json();
    assert!(json.contains(r#""Sid":"S3ReadObject""#));
    assert!(json.contains(r#""sqs:SendMessage""#));
    assert!(!json.contains(r#""sqs:DeleteQueue""#));
    assert!(json.contains(r#""kms:Decrypt""#));
    assert!(!json.contains(r#""kms:Encrypt""#));
    Ok(())
}
