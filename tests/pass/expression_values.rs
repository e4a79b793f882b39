//! `(expr)` in place of a whole value inserts a `serde::Serialize` value as JSON. Where
//! IAM reads wildcards and has no escape (`Action`, a whole condition block), only checked
//! values (`Literal`, ...) or an explicit `Pattern` are taken.

use iam_policy::{InsertError, Literal, Pattern, policy};

fn main() -> Result<(), InsertError> {
    let max_age: u32 = 3600;
    let regions = vec!["eu-west-1", "eu-central-1"];
    let actions = [Literal::new("s3:GetObject")?, Literal::new("s3:ListBucket")?];
    let mfa = true;
    let extra = Pattern(serde_json::json!({ "aws:PrincipalOrgID": "o-a1b2c3d4e5" }));
    let doc = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": (actions),
            "Resource": ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"],
            "Condition": {
                "NumericLessThan": { "aws:MultiFactorAuthAge": (max_age) },
                "Bool": { "aws:MultiFactorAuthPresent": (mfa) },
                "StringEquals": { "aws:RequestedRegion": (&regions) },
                "StringEqualsIgnoreCase": (extra)
            }
        }]
    });
    assert_eq!(
        doc.to_json(),
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::reports","arn:aws:s3:::reports/*"],"Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":3600},"Bool":{"aws:MultiFactorAuthPresent":true},"StringEquals":{"aws:RequestedRegion":["eu-west-1","eu-central-1"]},"StringEqualsIgnoreCase":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}}]}"#
    );
    // `(expr)` values are not checked at compile time; `validate` checks them at run time.
    let errors: Vec<_> = doc
        .validate(doc.kind())
        .into_iter()
        .filter(|d| d.is_error())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    Ok(())
}
