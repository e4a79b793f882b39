//! An identity policy, the default type (`policy!({ ... })` and `policy!(identity { ... })`).

use iam_policy::{PolicyKind, policy};

fn main() {
    let read_reports = policy!({
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "ListReports",
                "Effect": "Allow",
                "Action": "s3:ListBucket",
                "Resource": "arn:aws:s3:::reports"
            },
            {
                "Sid": "ReadReports",
                "Effect": "Allow",
                "Action": ["s3:GetObject", "s3:GetObjectVersion"],
                "Resource": "arn:aws:s3:::reports/*"
            },
            {
                "Sid": "NeverDeleteReports",
                "Effect": "Deny",
                "Action": "s3:DeleteObject*",
                "Resource": "arn:aws:s3:::reports/*"
            }
        ]
    });
    assert_eq!(read_reports.kind(), PolicyKind::Identity);
    assert_eq!(
        read_reports.to_json(),
        r#"{"Version":"2012-10-17","Statement":[{"Sid":"ListReports","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::reports"},{"Sid":"ReadReports","Effect":"Allow","Action":["s3:GetObject","s3:GetObjectVersion"],"Resource":"arn:aws:s3:::reports/*"},{"Sid":"NeverDeleteReports","Effect":"Deny","Action":"s3:DeleteObject*","Resource":"arn:aws:s3:::reports/*"}]}"#
    );

    // The same type named explicitly; a single statement object, and `Id`.
    let explicit = policy!(identity {
        "Version": "2012-10-17",
        "Id": "queue-worker",
        "Statement": {
            "Effect": "Allow",
            "Action": ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility"],
            "Resource": "arn:aws:sqs:us-east-1:123456789012:jobs"
        }
    });
    assert_eq!(explicit.kind(), PolicyKind::Identity);
    assert!(explicit.validate(explicit.kind()).is_empty());
}
