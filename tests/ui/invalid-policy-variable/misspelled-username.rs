// `${aws:usrname}` is a typo of `${aws:username}`.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": ["s3:GetObject", "s3:PutObject"],
            "Resource": "arn:aws:s3:::home/${aws:usrname}/*"
        }]
    });
}
