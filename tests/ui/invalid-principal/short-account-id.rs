// An AWS principal is an account id of 12 digits, an ARN, or `*`; this id lost a digit.
use iam_policy::policy;

fn main() {
    let _ = policy!(resource {
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "CrossAccountRead",
            "Effect": "Allow",
            "Principal": { "AWS": "12345678901" },
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::reports/*"
        }]
    });
}
