// SimpleDB does not support authorization based on tags: the condition never matches.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": ["sdb:GetAttributes", "sdb:Select"],
            "Resource": "arn:aws:sdb:us-east-1:123456789012:domain/*",
            "Condition": {
                "StringEquals": { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" }
            }
        }]
    });
}
