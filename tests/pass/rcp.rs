//! A resource control policy: S3 objects may be reached only by principals of the
//! organization (and AWS services acting for it), and only over TLS.

use iam_policy::{PolicyKind, policy};

fn main() {
    let rcp = policy!(rcp {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "EnforceOrgIdentities",
                "Effect": "Deny",
                "Principal": "*",
                "Action": ["s3:*", "sqs:*", "kms:*"],
                "Resource": "*",
                "Condition": {
                    "StringNotEqualsIfExists": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" },
                    "BoolIfExists": { "aws:PrincipalIsAWSService": "false" }
                }
            },
            {
                "Sid": "EnforceSecureTransport",
                "Effect": "Deny",
                "Principal": "*",
                "Action": "s3:*",
                "Resource": "*",
                "Condition": { "BoolIfExists": { "aws:SecureTransport": "false" } }
            }
        ]
    });
    assert_eq!(rcp.kind(), PolicyKind::Rcp);
}
