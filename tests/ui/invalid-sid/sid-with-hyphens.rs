// A `Sid` of an IAM policy is letters and digits only: no hyphens or spaces.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "read-only-reports",
            "Effect": "Allow",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::reports/*"
        }]
    });
}
