// Values cannot be inserted into object keys.
use iam_policy::policy;

fn main() {
    let tag = "team";
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "ec2:StartInstances",
            "Resource": "arn:aws:ec2:*:*:instance/*",
            "Condition": { "StringEquals": { "aws:ResourceTag/{tag}": "blue" } }
        }]
    });
}
