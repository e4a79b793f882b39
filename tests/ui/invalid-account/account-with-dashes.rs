// An account id copied from the console's `1234-5678-9012` display, dashes included.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "sqs:SendMessage",
            "Resource": "arn:aws:sqs:us-east-1:1234-5678-9012:jobs"
        }]
    });
}
