// `aws:ViaAWSService` is a Bool key, always `true` or `false`: `StringEquals` against a
// service name never matches, so the statement grants nothing. The service name belongs
// in `aws:CalledVia`.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "kms:Decrypt",
            "Resource": "arn:aws:kms:us-east-1:123456789012:key/*",
            "Condition": {
                "StringEquals": { "aws:ViaAWSService": "s3.amazonaws.com" }
            }
        }]
    });
}
