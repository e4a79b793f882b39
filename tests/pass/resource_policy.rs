//! Resource policies: an S3 bucket policy and an SQS queue policy, with principals, and an
//! ECR repository policy, which names its service and so needs no `Resource`.

use iam_policy::{PolicyKind, policy};

fn main() {
    let bucket_policy = policy!(resource {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "CrossAccountRead",
                "Effect": "Allow",
                "Principal": { "AWS": ["arn:aws:iam::111122223333:root", "444455556666"] },
                "Action": ["s3:GetObject", "s3:ListBucket"],
                "Resource": ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"]
            },
            {
                "Sid": "DenyInsecureTransport",
                "Effect": "Deny",
                "Principal": "*",
                "Action": "s3:*",
                "Resource": ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"],
                "Condition": { "Bool": { "aws:SecureTransport": "false" } }
            }
        ]
    });
    assert_eq!(bucket_policy.kind(), PolicyKind::Resource);

    let queue_policy = policy!(resource {
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "TopicToQueue",
            "Effect": "Allow",
            "Principal": { "Service": "sns.amazonaws.com" },
            "Action": "sqs:SendMessage",
            "Resource": "arn:aws:sqs:us-east-1:123456789012:jobs",
            "Condition": {
                "ArnEquals": { "aws:SourceArn": "arn:aws:sns:us-east-1:123456789012:new-jobs" }
            }
        }]
    });
    assert_eq!(queue_policy.kind(), PolicyKind::Resource);

    // ECR repository policies have no `Resource`: the repository is the resource.
    let repository_policy = policy!(resource(ecr) {
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "LambdaImageRetrieval",
            "Effect": "Allow",
            "Principal": { "Service": "lambda.amazonaws.com" },
            "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
            "Condition": {
                "StringLike": { "aws:SourceArn": "arn:aws:lambda:us-east-1:123456789012:function:*" }
            }
        }]
    });
    assert_eq!(repository_policy.kind(), PolicyKind::Resource);
}
