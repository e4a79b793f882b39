// `aws:SourceIp` never holds a private address: requests from a VPC come through a VPC
// endpoint, where `aws:VpcSourceIp` holds it. A warning; `#![deny(deprecated)]` turns it
// into an error so this case shows its text.
#![deny(deprecated)]

use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::reports/*",
            "Condition": { "IpAddress": { "aws:SourceIp": ["203.0.113.0/24", "10.0.0.0/8"] } }
        }]
    });
}
