// A warning by default; denied here, so the build fails.
use iam_policy::policy;

fn main() {
    let _ = policy!(#![deny(data-exfiltration)] {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": ["s3:GetObject", "s3:ListBucket"],
            "Resource": "*"
        }]
    });
}
