// `ec2:DescribeInstances` takes no resource and carries no `aws:ResourceTag/...`, so the
// `Deny` does not deny it. A warning; `#![deny(deprecated)]` turns it into an error so
// this case shows its text.
#![deny(deprecated)]

use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Deny",
            "Action": ["ec2:TerminateInstances", "ec2:DescribeInstances"],
            "Resource": "*",
            "Condition": { "StringEquals": { "aws:ResourceTag/env": "prod" } }
        }]
    });
}
