//! A KMS key policy (a resource policy): the account administers the key, one role uses
//! it for encryption, and only through S3 in this account.
//!
//! `Principal` is a place where IAM reads `*` as "everyone" and has no escape, so the
//! values inserted there are checked types: an `AccountId` (12 digits) and a `Literal`
//! (no `*`, `?` or `$`). A plain `&str` there does not compile.
//!
//! ```sh
//! cargo run --example kms_key_policy
//! ```

use iam_policy::{AccountId, InsertError, Literal, policy};

fn main() -> Result<(), InsertError> {
    // In a real program these come from configuration: checked once, here.
    let account = AccountId::new("123456789012")?;
    let app_role = Literal::new("app-writer")?;

    let key_policy = policy!(resource {
        "Version": "2012-10-17",
        "Id": "key-policy",
        "Statement": [
            {
                "Sid": "EnableIamPolicies",
                "Effect": "Allow",
                "Principal": { "AWS": "arn:aws:iam::{account}:root" },
                "Action": "kms:*",
                "Resource": "*"
            },
            {
                "Sid": "AllowUseThroughS3",
                "Effect": "Allow",
                "Principal": { "AWS": "arn:aws:iam::{account}:role/{app_role}" },
                "Action": ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*", "kms:DescribeKey"],
                "Resource": "*",
                "Condition": {
                    "StringEquals": {
                        "kms:ViaService": "s3.us-east-1.amazonaws.com",
                        "kms:CallerAccount": "{account}"
                    }
                }
            }
        ]
    });
    println!("{}", key_policy.to_json_pretty());
    Ok(())
}
