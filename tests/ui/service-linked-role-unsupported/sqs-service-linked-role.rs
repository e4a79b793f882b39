// `service-linked-role-unsupported` is a warning: it does not fail a build on its own. The
// macro reports warnings through rustc's deprecation lint, so `#![deny(deprecated)]` turns
// it into an error here and this compile-fail case shows the warning's text.
#![deny(deprecated)]

use iam_policy::policy;

fn main() {
    // Amazon SQS has no service-linked role, so `iam:CreateServiceLinkedRole` for it never
    // succeeds.
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "iam:CreateServiceLinkedRole",
            "Resource": "*",
            "Condition": {
                "StringEquals": { "iam:AWSServiceName": ["elasticloadbalancing.amazonaws.com", "sqs.amazonaws.com"] }
            }
        }]
    });
}
