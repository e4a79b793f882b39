// `Actions` is not an element of a statement: the element is `Action`, singular.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Actions": ["dynamodb:GetItem", "dynamodb:Query"],
            "Resource": "arn:aws:dynamodb:us-east-1:123456789012:table/Orders"
        }]
    });
}
