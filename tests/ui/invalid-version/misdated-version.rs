// `Version` is one of two fixed dates, not the date the policy was written.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2024-05-01",
        "Statement": [{
            "Effect": "Allow",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::reports/*"
        }]
    });
}
