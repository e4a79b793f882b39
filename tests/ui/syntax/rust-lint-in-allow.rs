// `#![allow(...)]` takes the policy's finding codes, not Rust lint names.
use iam_policy::policy;

fn main() {
    let _ = policy!(#![allow(dead_code)] {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::reports/*"
        }]
    });
}
