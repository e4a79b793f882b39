//! `{name}` inserts a Rust value (any `Display`) into a string: variables, `self` fields,
//! field paths and tuple indexes. `{{` and `}}` are literal braces. The fixed text around
//! each value is still checked at compile time.

use iam_policy::{Policy, policy};

struct Config {
    account: u64,
    region: &'static str,
}

struct Reports {
    bucket: String,
}

impl Reports {
    fn policy(&self) -> Policy {
        policy!({
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": "s3:ListBucket",
                    "Resource": "arn:aws:s3:::{self.bucket}"
                },
                {
                    "Effect": "Allow",
                    "Action": "s3:GetObject",
                    "Resource": "arn:aws:s3:::{self.bucket}/*"
                }
            ]
        })
    }
}

fn main() {
    let reports = Reports {
        bucket: "reports-2026".to_owned(),
    };
    assert_eq!(
        reports.policy().to_json(),
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::reports-2026"},{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports-2026/*"}]}"#
    );

    let config = Config {
        account: 123_456_789_012,
        region: "eu-west-1",
    };
    let queue = ("jobs", 3);
    // `Action` has no escape for `*` and `?`: a checked `Literal` (an integer, `AccountId`,
    // `Region` or `Partition` would do too, and `Sid` takes the integer `queue.1`).
    let action = iam_policy::Literal::new("SendMessage").unwrap();
    let quoted = "a \"quoted\" \\ name";
    let sqs = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "SendToQueue{queue.1}",
            "Effect": "Allow",
            "Action": "sqs:{action}",
            "Resource": "arn:aws:sqs:{config.region}:{config.account}:{queue.0}-{queue.1}",
            "Condition": {
                "StringEquals": { "aws:PrincipalTag/note": ["{{literal braces}}", "{quoted}"] }
            }
        }]
    });
    assert_eq!(
        sqs.to_json(),
        r#"{"Version":"2012-10-17","Statement":[{"Sid":"SendToQueue3","Effect":"Allow","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:eu-west-1:123456789012:jobs-3","Condition":{"StringEquals":{"aws:PrincipalTag/note":["{literal braces}","a \"quoted\" \\ name"]}}}]}"#
    );
    // The inserted values make a valid policy at run time too.
    assert!(sqs.validate(sqs.kind()).iter().all(|d| !d.is_error()));
}
