//! IAM policy variables stay as written: `${aws:username}`, `${aws:PrincipalTag/team}`,
//! the special `${*}`, `${?}` and `${$}`, and a default value. `{name}` next to them is
//! still a Rust insertion.

use iam_policy::policy;

fn main() {
    let bucket = "home";
    let homes = policy!({
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "ListOwnHome",
                "Effect": "Allow",
                "Action": "s3:ListBucket",
                "Resource": "arn:aws:s3:::{bucket}",
                "Condition": {
                    "StringLike": { "s3:prefix": ["", "${aws:username}/*", "team/${aws:PrincipalTag/team}/*"] }
                }
            },
            {
                "Sid": "UseOwnHome",
                "Effect": "Allow",
                "Action": ["s3:GetObject", "s3:PutObject"],
                "Resource": [
                    "arn:aws:s3:::{bucket}/${aws:username}/*",
                    "arn:aws:s3:::{bucket}/team/${aws:PrincipalTag/team, 'unassigned'}/*"
                ]
            },
            {
                "Sid": "LiteralWildcardCharacters",
                "Effect": "Allow",
                "Action": "s3:GetObject",
                "Resource": "arn:aws:s3:::{bucket}/public/${*}-${?}-${$}/*"
            }
        ]
    });
    let json = homes.to_json();
    assert!(
        json.contains(r#""arn:aws:s3:::home/${aws:username}/*""#),
        "{json}"
    );
    assert!(
        json.contains("${aws:PrincipalTag/team, 'unassigned'}"),
        "{json}"
    );
    assert!(json.contains("public/${*}-${?}-${$}/*"), "{json}");

    let own_access_keys = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": ["iam:CreateAccessKey", "iam:DeleteAccessKey", "iam:ListAccessKeys"],
            "Resource": "arn:aws:iam::123456789012:user/${aws:username}"
        }]
    });
    assert!(own_access_keys.validate(own_access_keys.kind()).is_empty());
}
