// `s3:GetObjekt` is a typo of `s3:GetObject`.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": ["s3:GetObjekt", "s3:GetObjectVersion"],
            "Resource": "arn:aws:s3:::reports/*"
        }]
    });
}
