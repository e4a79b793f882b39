// A trust policy controls who assumes the role (`sts:AssumeRole...`); what the role may
// do belongs in its permissions policy.
use iam_policy::policy;

fn main() {
    let _ = policy!(trust {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": { "Service": "lambda.amazonaws.com" },
            "Action": ["sts:AssumeRole", "dynamodb:GetItem"]
        }]
    });
}
