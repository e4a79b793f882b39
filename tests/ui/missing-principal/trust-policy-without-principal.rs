// A trust policy says who may assume the role: its statements need a `Principal`.
use iam_policy::policy;

fn main() {
    let _ = policy!(trust {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "sts:AssumeRole",
            "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }
        }]
    });
}
