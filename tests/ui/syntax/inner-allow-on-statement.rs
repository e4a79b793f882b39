// `#![allow(...)]` (with `!`) is for the whole policy, before the document; a statement
// takes `#[allow(...)]`.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [
            #![allow(condition-key-not-applicable)]
            {
                "Effect": "Allow",
                "Action": "s3:GetObject",
                "Resource": "arn:aws:s3:::home/*",
                "Condition": { "StringLike": { "s3:prefix": "${aws:username}/*" } }
            }
        ]
    });
}
