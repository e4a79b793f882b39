// A bucket policy (a resource policy) must say whom it grants access to.
use iam_policy::policy;

fn main() {
    let _ = policy!(resource {
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "ReadReports",
            "Effect": "Allow",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::reports/*"
        }]
    });
}
