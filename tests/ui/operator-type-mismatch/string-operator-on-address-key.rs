// `aws:SourceIp` is an IP address key: `StringEquals` compares the text, so a CIDR range
// never matches and a single address only as written. `operator-type-mismatch` is a
// warning (as Access Analyzer's "Type mismatch"); `#![deny(deprecated)]` turns the
// macro's warning into an error so this case shows its text.
#![deny(deprecated)]

use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::reports/*",
            "Condition": {
                "StringEquals": { "aws:SourceIp": "203.0.113.7" }
            }
        }]
    });
}
