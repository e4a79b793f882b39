// An ARN has six fields; the empty region and account fields of an S3 ARN are still there
// (`arn:aws:s3:::reports`), and this one lost them.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "s3:ListBucket",
            "Resource": "arn:aws:s3:reports"
        }]
    });
}
