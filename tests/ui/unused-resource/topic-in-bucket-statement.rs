// `unused-resource` is a warning: it does not fail a build on its own. The macro reports
// warnings through rustc's deprecation lint, so `#![deny(deprecated)]` turns it into an
// error here and this compile-fail case shows the warning's text.
#![deny(deprecated)]

use iam_policy::policy;

fn main() {
    // The SNS topic fits no S3 action of the statement: it grants nothing.
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": ["s3:GetObject", "s3:PutObject"],
            "Resource": ["arn:aws:s3:::reports/*", "arn:aws:sns:us-east-1:123456789012:report-ready"]
        }]
    });
}
