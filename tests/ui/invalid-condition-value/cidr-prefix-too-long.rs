// An IPv4 CIDR prefix length is at most 32.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Deny",
            "Action": "*",
            "Resource": "*",
            "Condition": {
                "NotIpAddress": { "aws:SourceIp": ["192.0.2.0/24", "203.0.113.0/33"] }
            }
        }]
    });
}
