// A resource is `*` or an ARN; a bare bucket path is neither.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "s3:GetObject",
            "Resource": "reports/*"
        }]
    });
}
