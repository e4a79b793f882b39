// A warning by default; denied here, so the build fails.
use iam_policy::policy;

fn main() {
    let _ = policy!(#![deny(public-access)] resource {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::reports/*"
        }]
    });
}
