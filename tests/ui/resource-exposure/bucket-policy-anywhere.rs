// A warning by default; denied here, so the build fails.
use iam_policy::policy;

fn main() {
    let _ = policy!(#![deny(resource-exposure)] {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "s3:PutBucketPolicy",
            "Resource": "*"
        }]
    });
}
