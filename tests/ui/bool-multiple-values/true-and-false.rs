// `Bool` with both `true` and `false` matches whenever the key is present. A warning;
// `#![deny(deprecated)]` turns it into an error so this case shows its text.
#![deny(deprecated)]

use iam_policy::policy;

fn main() {
    let _ = policy!(resource {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Deny",
            "Principal": "*",
            "Action": "s3:*",
            "Resource": ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"],
            "Condition": { "Bool": { "aws:SecureTransport": ["false", "true"] } }
        }]
    });
}
