//! Trust policies (a role's `AssumeRolePolicyDocument`): a service, an account with MFA,
//! and a federated web identity (Amazon Cognito). No `Resource`.

use iam_policy::{PolicyKind, policy};

fn main() {
    let lambda = policy!(trust {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": { "Service": "lambda.amazonaws.com" },
            "Action": "sts:AssumeRole"
        }]
    });
    assert_eq!(lambda.kind(), PolicyKind::Trust);

    let admins = policy!(trust {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": { "AWS": "arn:aws:iam::123456789012:root" },
            "Action": ["sts:AssumeRole", "sts:TagSession"],
            "Condition": { "Bool": { "aws:MultiFactorAuthPresent": "true" } }
        }]
    });
    assert_eq!(admins.kind(), PolicyKind::Trust);

    let cognito = policy!(trust {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": { "Federated": "cognito-identity.amazonaws.com" },
            "Action": "sts:AssumeRoleWithWebIdentity",
            "Condition": {
                "StringEquals": { "cognito-identity.amazonaws.com:aud": "us-east-1:12345678-abcd-abcd-abcd-123456789012" },
                "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" }
            }
        }]
    });
    assert_eq!(cognito.kind(), PolicyKind::Trust);
}
