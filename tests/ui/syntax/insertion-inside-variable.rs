// A run-time value inside `${...}` could choose another key, or add a default.
use iam_policy::policy;

fn main() {
    let tag = "team";
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::reports/${aws:PrincipalTag/{tag}}/*"
        }]
    });
}
