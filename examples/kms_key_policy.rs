//! A KMS key policy (a resource policy): the account administers the key, one role uses
//! it for encryption, and only through S3 in this account.
//!
//! ```sh
//! cargo run --example kms_key_policy
//! ```

use iam_policy::policy;

fn main() {
    let account = "123456789012";
    let app_role = "app-writer";

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
}
