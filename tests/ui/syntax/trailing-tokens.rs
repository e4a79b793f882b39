// Only one document per `policy!`: a second one after it is an error.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::reports/*"
        }]
    } {
        "Version": "2012-10-17"
    });
}
