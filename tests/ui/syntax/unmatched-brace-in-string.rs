// `{bucket` is never closed: an inserted value is `{name}`, a literal brace is `{{`.
use iam_policy::policy;

fn main() {
    let bucket = "reports";
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::{bucket/*"
        }]
    });
    let _ = bucket;
}
