// `wildcard-resource-scoped` is a warning: it does not fail a build on its own. The macro
// reports warnings through rustc's deprecation lint, so `#![deny(deprecated)]` turns it into
// an error here and this compile-fail case shows the warning's text.
#![deny(deprecated)]

use iam_policy::policy;

fn main() {
    // `sagemaker:ListEndpoints` has no resource type in the Service Authorization Reference;
    // AWS's own policies grant it on endpoint ARNs, but which ARN IAM checks is undocumented.
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": ["sagemaker:ListEndpoints", "sagemaker:DescribeEndpoint"],
            "Resource": "arn:aws:sagemaker:us-east-1:123456789012:endpoint/*"
        }]
    });
}
