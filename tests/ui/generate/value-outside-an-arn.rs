fn main() {
    let action = "s3:GetObject";
    let _ = iam_policy::generate!({
        "skip-resource-constraints": ["{action}"]
    });
}
