//! `#![allow(code)]` before the document allows a code for the whole policy; `#[allow(code)]`
//! before a statement allows it for that statement only. Allowed warnings and errors are
//! gone: this file compiles under `#![deny(warnings)]`.
#![deny(warnings)]

use iam_policy::policy;

fn main() {
    // `s3:prefix` is a key of `s3:ListBucket`, not of `s3:GetObject`
    // (`condition-key-not-applicable`, a warning), allowed for the whole policy.
    let whole = policy!(#![allow(condition-key-not-applicable)] {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::home/*",
            "Condition": { "StringLike": { "s3:prefix": "${aws:username}/*" } }
        }]
    });
    assert!(
        !whole.validate(whole.kind()).is_empty(),
        "the runtime does not see the macro's allow"
    );

    // Several codes, and several `#![allow]` attributes.
    let several = policy!(
        #![allow(missing-version)]
        #![allow(condition-key-not-applicable, set-operator-mismatch, tag-key-not-applicable)]
        {
            "Statement": [{
                "Effect": "Allow",
                "Action": "s3:GetObject",
                "Resource": "arn:aws:s3:::home/*",
                "Condition": {
                    "StringLike": { "s3:prefix": "public/*" },
                    "StringEquals": { "aws:TagKeys": "team" }
                }
            }]
        }
    );
    assert!(several.to_json().starts_with(r#"{"Statement":"#));

    // An error allowed for one statement: an action AWS launched after the catalog's data
    // date is `unknown-action` until the catalog catches up (the name here is made up).
    let one_statement = policy!({
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "SendJobs",
                "Effect": "Allow",
                "Action": "sqs:SendMessage",
                "Resource": "arn:aws:sqs:us-east-1:123456789012:jobs"
            },
            #[allow(unknown-action)]
            {
                "Sid": "SendJobsWithPriority",
                "Effect": "Allow",
                "Action": "sqs:SendMessageWithPriority",
                "Resource": "arn:aws:sqs:us-east-1:123456789012:jobs"
            }
        ]
    });
    assert_eq!(one_statement.to_json().matches("Sid").count(), 2);

    // `#[allow]` before a single statement object.
    let single = policy!({
        "Version": "2012-10-17",
        "Statement": #[allow(condition-key-not-applicable)] {
            "Effect": "Allow",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::home/*",
            "Condition": { "StringLike": { "s3:prefix": "${aws:username}/*" } }
        }
    });
    assert!(single.to_json().contains("s3:prefix"));
}
