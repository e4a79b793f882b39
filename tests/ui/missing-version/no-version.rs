// `missing-version` is a warning: it does not fail a build on its own. The macro reports
// warnings through rustc's deprecation lint, so `#![deny(deprecated)]` turns it into an
// error here and this compile-fail case shows the warning's text.
#![deny(deprecated)]

use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Statement": [{
            "Effect": "Allow",
            "Action": "s3:ListBucket",
            "Resource": "arn:aws:s3:::team-data"
        }]
    });
}
