// A service control policy applies to the accounts it is attached to: no `Principal`
// (limit principals with a condition on `aws:PrincipalArn`).
use iam_policy::policy;

fn main() {
    let _ = policy!(scp {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Deny",
            "Principal": { "AWS": "arn:aws:iam::123456789012:role/contractor" },
            "Action": "iam:*",
            "Resource": "*"
        }]
    });
}
