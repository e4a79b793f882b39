//! Conditions: string, ARN, numeric, date, bool, IP address and `Null` operators, set
//! operators on multivalued keys, `...IfExists`, and values written as JSON numbers and
//! booleans as well as strings.

use iam_policy::policy;

fn main() {
    let guarded = policy!({
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "RecentMfaFromTheOffice",
                "Effect": "Allow",
                "Action": ["ec2:StartInstances", "ec2:StopInstances"],
                "Resource": "arn:aws:ec2:*:123456789012:instance/*",
                "Condition": {
                    "StringEquals": { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" },
                    "NumericLessThan": { "aws:MultiFactorAuthAge": 3600 },
                    "Bool": { "aws:MultiFactorAuthPresent": true },
                    "IpAddress": { "aws:SourceIp": ["192.0.2.0/24", "2001:db8::/32", "203.0.113.7"] },
                    "DateGreaterThan": { "aws:CurrentTime": "2026-01-01T00:00:00Z" },
                    "DateLessThan": { "aws:CurrentTime": "2026-12-31" }
                }
            },
            {
                "Sid": "TagNewVolumesWithTheTeamOnly",
                "Effect": "Allow",
                "Action": ["ec2:CreateVolume", "ec2:CreateTags"],
                "Resource": "arn:aws:ec2:*:123456789012:volume/*",
                "Condition": {
                    "StringEqualsIfExists": { "aws:RequestTag/team": "${aws:PrincipalTag/team}" },
                    "ForAllValues:StringEquals": { "aws:TagKeys": ["team", "name", "cost-center"] },
                    "ForAnyValue:StringLike": { "aws:TagKeys": "team" },
                    "Null": { "aws:RequestTag/team": "false" }
                }
            },
            {
                "Sid": "OnlyThroughCloudFormation",
                "Effect": "Allow",
                "Action": "lambda:CreateFunction",
                "Resource": "arn:aws:lambda:us-east-1:123456789012:function:app-*",
                "Condition": {
                    "ForAnyValue:StringEquals": { "aws:CalledVia": "cloudformation.amazonaws.com" },
                    "ArnLike": { "aws:PrincipalArn": "arn:aws:iam::123456789012:role/deploy-*" },
                    "NumericLessThanEquals": { "aws:MultiFactorAuthAge": "43200.5" }
                }
            },
            {
                "Sid": "DenyOldTls",
                "Effect": "Deny",
                "Action": "s3:*",
                "Resource": "*",
                "Condition": {
                    "NumericLessThan": { "s3:TlsVersion": 1.2 },
                    "BoolIfExists": { "aws:SecureTransport": "false" },
                    "NotIpAddressIfExists": { "aws:SourceIp": "10.0.0.0/8" }
                }
            }
        ]
    });
    let json = guarded.to_json();
    // Numbers and booleans are written as in the source.
    assert!(json.contains(r#""aws:MultiFactorAuthAge":3600"#), "{json}");
    assert!(
        json.contains(r#""aws:MultiFactorAuthPresent":true"#),
        "{json}"
    );
    assert!(json.contains(r#""s3:TlsVersion":1.2"#), "{json}");
    let errors: Vec<_> = guarded
        .validate(guarded.kind())
        .into_iter()
        .filter(|d| d.is_error())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}
