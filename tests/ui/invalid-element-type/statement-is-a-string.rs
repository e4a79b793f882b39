// `Statement` is an object or an array of objects, not a string.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": ["Allow s3:GetObject on arn:aws:s3:::reports/*"]
    });
}
