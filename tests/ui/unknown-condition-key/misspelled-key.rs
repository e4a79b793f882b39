// `s3:prefx` is a typo of `s3:prefix`: the key is never in the request, so the condition
// never matches.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "s3:ListBucket",
            "Resource": "arn:aws:s3:::home",
            "Condition": {
                "StringLike": { "s3:prefx": ["${aws:username}/*"] }
            }
        }]
    });
}
