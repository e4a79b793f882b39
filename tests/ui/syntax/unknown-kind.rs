// `tust` is not a policy type (meant: `trust`).
use iam_policy::policy;

fn main() {
    let _ = policy!(tust {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": { "Service": "lambda.amazonaws.com" },
            "Action": "sts:AssumeRole"
        }]
    });
}
