//! Read-only access to one S3 bucket whose name is known only at run time.
//!
//! ```sh
//! cargo run --example s3_read_only -- my-bucket
//! ```

use iam_policy::policy;

fn main() {
    let bucket = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "example-bucket".to_owned());
    let doc = policy!({
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "FindTheBucket",
                "Effect": "Allow",
                "Action": ["s3:ListAllMyBuckets", "s3:GetBucketLocation"],
                "Resource": "*"
            },
            {
                "Sid": "ListTheBucket",
                "Effect": "Allow",
                "Action": "s3:ListBucket",
                "Resource": "arn:aws:s3:::{bucket}"
            },
            {
                "Sid": "ReadTheObjects",
                "Effect": "Allow",
                "Action": ["s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectTagging"],
                "Resource": "arn:aws:s3:::{bucket}/*"
            }
        ]
    });
    assert!(doc.validate(doc.kind()).iter().all(|d| !d.is_error()));
    println!("{}", doc.to_json_pretty());
}
