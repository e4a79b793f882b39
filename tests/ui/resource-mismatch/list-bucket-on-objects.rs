// `s3:ListBucket` acts on the bucket (`arn:aws:s3:::reports`), not on its objects.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": ["s3:GetObject", "s3:ListBucket"],
            "Resource": "arn:aws:s3:::reports/*"
        }]
    });
}
