// IAM does not replace policy variables in `Action`.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "${aws:PrincipalTag/service}:*",
            "Resource": "*"
        }]
    });
}
