// `aws-gov` is not a partition (GovCloud's is `aws-us-gov`).
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "sqs:SendMessage",
            "Resource": "arn:aws-gov:sqs:us-gov-west-1:123456789012:jobs"
        }]
    });
}
