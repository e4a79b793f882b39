fn main() {
    let _ = iam_policy::generate!({
        "read": ["arn:aws:s3:::reports/*"],
        "wildcard-only": {"single-actions": ["s3:GetObject", "s3:ListAllMyBuckets"]}
    });
}
