// A trust policy (a role's `AssumeRolePolicyDocument`) has no `Resource`: the resource is
// the role itself.
use iam_policy::policy;

fn main() {
    let _ = policy!(trust {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": { "Service": "lambda.amazonaws.com" },
            "Action": "sts:AssumeRole",
            "Resource": "arn:aws:iam::123456789012:role/orders-handler"
        }]
    });
}
