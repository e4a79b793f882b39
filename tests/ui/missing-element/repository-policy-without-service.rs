//! An ECR repository policy names no `Resource`, but only `resource(ecr)` says that it is
//! one: as a resource policy of no named service, its statement lacks `Resource`.

use iam_policy::policy;

fn main() {
    let _ = policy!(resource {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": { "Service": "lambda.amazonaws.com" },
            "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
        }]
    });
}
