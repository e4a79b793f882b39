//! Clean policies expand to code that raises no warning, even under `#![deny(warnings)]`:
//! static ones, ones with `{name}` insertions and ones with `(expr)` values, in functions,
//! closures, consts and methods.
#![deny(warnings)]

use iam_policy::{Policy, policy};

const READ_ONLY: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{ "Effect": "Allow", "Action": ["s3:Get*", "s3:List*"], "Resource": ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"] }]
});

/// A table whose name is known at run time.
pub struct Table<'a> {
    name: &'a str,
}

impl Table<'_> {
    /// Read access to this table.
    pub fn read(&self, account: &str) -> Policy {
        policy!({
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Action": ["dynamodb:GetItem", "dynamodb:Query"],
                "Resource": "arn:aws:dynamodb:us-east-1:{account}:table/{self.name}"
            }]
        })
    }
}

fn main() {
    let table = Table { name: "Orders" };
    let max_age = 900_u16;
    let make = |queue: &str| {
        policy!({
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Action": "sqs:SendMessage",
                "Resource": "arn:aws:sqs:us-east-1:123456789012:{queue}",
                "Condition": { "NumericLessThan": { "aws:MultiFactorAuthAge": (max_age) } }
            }]
        })
    };
    let policies = [READ_ONLY, table.read("123456789012"), make("jobs")];
    for policy in &policies {
        assert!(
            policy.validate(policy.kind()).iter().all(|d| !d.is_error()),
            "{}",
            policy.to_json()
        );
    }
}
