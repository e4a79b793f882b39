// `Effect` is case-sensitive: `Allow` or `Deny`.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "allow",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::reports/*"
        }]
    });
}
