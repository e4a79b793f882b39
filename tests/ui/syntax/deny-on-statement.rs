use iam_policy::policy;

fn main() {
    // `deny` promotes findings for the whole policy only.
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [#[deny(data-exfiltration)] {
            "Effect": "Allow",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::reports/*"
        }]
    });
}
