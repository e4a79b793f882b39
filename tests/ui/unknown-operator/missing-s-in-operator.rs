// The operator is `StringEquals`, not `StringEqual`.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": ["ec2:StartInstances", "ec2:StopInstances"],
            "Resource": "arn:aws:ec2:*:123456789012:instance/*",
            "Condition": {
                "StringEqual": { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" }
            }
        }]
    });
}
