// The principal kinds are `AWS`, `Service`, `Federated` and `CanonicalUser`; there is no
// `User`.
use iam_policy::policy;

fn main() {
    let _ = policy!(resource {
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "AuditorRead",
            "Effect": "Allow",
            "Principal": { "User": "arn:aws:iam::123456789012:user/auditor" },
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::reports/*"
        }]
    });
}
