//! The service a resource policy names is a known prefix.

use iam_policy::policy;

fn main() {
    let _ = policy!(resource(ecrr) {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": { "Service": "lambda.amazonaws.com" },
            "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
        }]
    });
}
