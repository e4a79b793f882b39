//! The trust policy GitHub's and AWS's docs give for GitHub Actions OIDC: the provider's
//! claim keys (`token.actions.githubusercontent.com:aud`, `:sub`) are condition keys.
use iam_policy::{AccountId, PolicyKind, policy};

fn main() {
    // `Principal` has no escape for `*`: the account is a checked `AccountId`.
    let account = AccountId::new("123456789012").unwrap();
    let trust = policy!(trust {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": {
                "Federated": "arn:aws:iam::{account}:oidc-provider/token.actions.githubusercontent.com"
            },
            "Action": "sts:AssumeRoleWithWebIdentity",
            "Condition": {
                "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
                "StringLike": { "token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:*" }
            }
        }]
    });
    assert!(trust.validate(PolicyKind::Trust).is_empty());
}
