// Only a variable or a field path may stand between `{` and `}`: no format specs or calls.
use iam_policy::policy;

fn main() {
    let bucket = "reports";
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "s3:GetObject",
            "Resource": ["arn:aws:s3:::{bucket:?}/*", "arn:aws:s3:::{bucket.trim()}/*"]
        }]
    });
}
