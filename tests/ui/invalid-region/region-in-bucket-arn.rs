// S3 bucket ARNs have no region (and no account): `arn:aws:s3:::reports`.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "s3:ListBucket",
            "Resource": "arn:aws:s3:us-east-1::reports"
        }]
    });
}
