// `dynamo` is not a service prefix; DynamoDB's is `dynamodb`.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": ["dynamo:GetItem"],
            "Resource": "arn:aws:dynamodb:us-east-1:123456789012:table/Orders"
        }]
    });
}
