//! A service control policy: deny leaving the organization and deny actions outside the
//! approved regions (with `NotAction` for the global services).

use iam_policy::{PolicyKind, policy};

fn main() {
    let scp = policy!(scp {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "DenyLeavingOrganization",
                "Effect": "Deny",
                "Action": "organizations:LeaveOrganization",
                "Resource": "*"
            },
            {
                "Sid": "DenyOutsideApprovedRegions",
                "Effect": "Deny",
                "NotAction": ["iam:*", "organizations:*", "route53:*", "cloudfront:*", "support:*", "sts:*"],
                "Resource": "*",
                "Condition": {
                    "StringNotEquals": { "aws:RequestedRegion": ["eu-west-1", "eu-central-1"] },
                    "ArnNotLike": { "aws:PrincipalArn": "arn:aws:iam::*:role/OrganizationAdmin" }
                }
            }
        ]
    });
    assert_eq!(scp.kind(), PolicyKind::Scp);
}
