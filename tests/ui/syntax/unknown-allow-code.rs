// `#![allow(...)]` takes finding codes; `resource-mismach` is misspelled.
use iam_policy::policy;

fn main() {
    let _ = policy!(#![allow(resource-mismach)] {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": ["s3:GetObject", "s3:ListBucket"],
            "Resource": "arn:aws:s3:::reports/*"
        }]
    });
}
