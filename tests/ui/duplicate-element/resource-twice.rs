// Two `Resource` elements in one statement (meant as one array); IAM rejects the document.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::reports/2025/*",
            "Resource": "arn:aws:s3:::reports/2026/*"
        }]
    });
}
