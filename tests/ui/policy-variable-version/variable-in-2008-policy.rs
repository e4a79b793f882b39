// Policy variables need `"Version": "2012-10-17"`; under `2008-10-17` they are plain text.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2008-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": ["s3:GetObject", "s3:PutObject"],
            "Resource": "arn:aws:s3:::home/${aws:username}/*"
        }]
    });
}
