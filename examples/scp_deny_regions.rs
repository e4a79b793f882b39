//! A service control policy that denies everything outside two regions, except the global
//! services that only run in `us-east-1`.
//!
//! ```sh
//! cargo run --example scp_deny_regions
//! ```

use iam_policy::policy;

fn main() {
    let scp = policy!(scp {
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "DenyOutsideApprovedRegions",
            "Effect": "Deny",
            "NotAction": [
                "iam:*",
                "organizations:*",
                "route53:*",
                "cloudfront:*",
                "support:*",
                "sts:*"
            ],
            "Resource": "*",
            "Condition": {
                "StringNotEquals": { "aws:RequestedRegion": ["eu-west-1", "eu-central-1"] }
            }
        }]
    });
    println!("{}", scp.to_json_pretty());
}
