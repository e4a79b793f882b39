// Without `"Version": "2012-10-17"` IAM reads `*` in `Resource` but has no `${*}` escape.
#![allow(deprecated)] // the missing-version warning
use iam_policy::policy;

fn main() {
    let tenant = "acme";
    let _ = policy!({
        "Version": "2008-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::saas-data/tenants/{tenant}/*"
        }]
    });
}
