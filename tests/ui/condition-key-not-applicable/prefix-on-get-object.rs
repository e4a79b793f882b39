// `condition-key-not-applicable` is a warning: it does not fail a build on its own. The
// macro reports warnings through rustc's deprecation lint, so `#![deny(deprecated)]` turns
// it into an error here and this compile-fail case shows the warning's text.
#![deny(deprecated)]

use iam_policy::policy;

fn main() {
    // `s3:prefix` is a key of `s3:ListBucket`, not of `s3:GetObject`.
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::home/*",
            "Condition": {
                "StringLike": { "s3:prefix": "${aws:username}/*" }
            }
        }]
    });
}
