// A warning by default; denied here, so the build fails.
use iam_policy::policy;

fn main() {
    let _ = policy!(#![deny(pass-role-unrestricted)] {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "iam:PassRole",
            "Resource": "arn:aws:iam::*:role/*"
        }]
    });
}
