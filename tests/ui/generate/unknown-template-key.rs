fn main() {
    let _ = iam_policy::generate!({
        "reads": ["arn:aws:s3:::reports/*"],
        "exclude-actions": ["s3:GetObjekt"]
    });
}
