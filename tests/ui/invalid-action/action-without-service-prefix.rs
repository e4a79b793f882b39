// An action is `service:Action`; `GetObject` alone lacks its `s3:` prefix.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": ["GetObject", "s3:GetObjectVersion"],
            "Resource": "arn:aws:s3:::reports/*"
        }]
    });
}
