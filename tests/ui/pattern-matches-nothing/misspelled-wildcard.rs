// `s3:Git*` matches no S3 action (meant: `s3:Get*`).
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": ["s3:Git*", "s3:List*"],
            "Resource": "*"
        }]
    });
}
