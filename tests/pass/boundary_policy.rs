//! A permissions boundary: developers may create roles only with this boundary attached.

use iam_policy::{PolicyKind, policy};

fn main() {
    let boundary = policy!(boundary {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "ServicesDevelopersUse",
                "Effect": "Allow",
                "Action": ["s3:*", "dynamodb:*", "lambda:*", "logs:*", "cloudwatch:*"],
                "Resource": "*"
            },
            {
                "Sid": "CreateRolesOnlyWithThisBoundary",
                "Effect": "Allow",
                "Action": ["iam:CreateRole", "iam:PutRolePermissionsBoundary"],
                "Resource": "arn:aws:iam::123456789012:role/app/*",
                "Condition": {
                    "StringEquals": {
                        "iam:PermissionsBoundary": "arn:aws:iam::123456789012:policy/DeveloperBoundary"
                    }
                }
            },
            {
                "Sid": "NoBoundaryChanges",
                "Effect": "Deny",
                "Action": ["iam:DeletePolicy", "iam:CreatePolicyVersion", "iam:DeleteRolePermissionsBoundary"],
                "Resource": "*"
            }
        ]
    });
    assert_eq!(boundary.kind(), PolicyKind::Boundary);
}
