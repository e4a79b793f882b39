// A statement has `Action` or `NotAction`, not both.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "s3:*",
            "NotAction": "s3:DeleteBucket",
            "Resource": "*"
        }]
    });
}
