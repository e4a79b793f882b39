// An inserted value is written with `Display`; this struct has none.
use iam_policy::policy;

struct Bucket {
    name: String,
}

fn main() {
    let bucket = Bucket {
        name: "reports".to_owned(),
    };
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::{bucket}/*"
        }]
    });
    let _ = bucket.name;
}
