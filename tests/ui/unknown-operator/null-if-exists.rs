// `Null` already tests whether a key exists; there is no `NullIfExists`.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Deny",
            "Action": "ec2:RunInstances",
            "Resource": "arn:aws:ec2:*:*:instance/*",
            "Condition": {
                "NullIfExists": { "aws:RequestTag/cost-center": "true" }
            }
        }]
    });
}
