// `set-operator-mismatch` is a warning: it does not fail a build on its own. The macro
// reports warnings through rustc's deprecation lint, so `#![deny(deprecated)]` turns it
// into an error here and this compile-fail case shows the warning's text.
#![deny(deprecated)]

use iam_policy::policy;

fn main() {
    // `aws:TagKeys` is multivalued: `ForAllValues:StringEquals` is meant.
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "ec2:CreateTags",
            "Resource": "arn:aws:ec2:*:*:instance/*",
            "Condition": {
                "StringEquals": { "aws:TagKeys": ["team", "cost-center"] }
            }
        }]
    });
}
