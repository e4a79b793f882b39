// A warning by default; denied here, so the build fails.
use iam_policy::policy;

fn main() {
    let _ = policy!(#![deny(cross-account-trust-unconditioned)] trust {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
            "Action": "sts:AssumeRole"
        }]
    });
}
