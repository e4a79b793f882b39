// An empty `Action` array: IAM requires at least one action.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": [],
            "Resource": "arn:aws:s3:::reports/*"
        }]
    });
}
