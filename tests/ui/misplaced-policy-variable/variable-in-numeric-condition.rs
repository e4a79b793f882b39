// IAM replaces policy variables only in ARNs and String/ARN condition values; in a
// `Numeric` condition `${...}` is plain text.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "s3:ListBucket",
            "Resource": "arn:aws:s3:::reports",
            "Condition": {
                "NumericLessThanEquals": { "s3:max-keys": "${aws:PrincipalTag/max-keys}" }
            }
        }]
    });
}
