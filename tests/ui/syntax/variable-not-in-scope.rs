// `{bucket}` inserts a Rust variable, and there is no `bucket` in scope (it is `bucket_name`).
use iam_policy::policy;

fn main() {
    let bucket_name = "reports";
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::{bucket}/*"
        }]
    });
    let _ = bucket_name;
}
