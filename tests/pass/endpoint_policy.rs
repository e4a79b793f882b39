//! A VPC endpoint policy for the S3 gateway endpoint: only the organization's buckets.

use iam_policy::{PolicyKind, policy};

fn main() {
    let endpoint = policy!(endpoint {
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "OrganizationBucketsOnly",
            "Effect": "Allow",
            "Principal": "*",
            "Action": ["s3:GetObject", "s3:PutObject", "s3:ListBucket"],
            "Resource": "*",
            "Condition": { "StringEquals": { "aws:ResourceOrgID": "o-a1b2c3d4e5" } }
        }]
    });
    assert_eq!(endpoint.kind(), PolicyKind::Endpoint);
}
