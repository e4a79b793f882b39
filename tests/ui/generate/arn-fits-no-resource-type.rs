// S3 buckets have no region: this ARN fits no resource type of any service.
fn main() {
    let _ = iam_policy::generate!({
        "read": ["arn:aws:s3:us-east-1::reports"],
        "list": ["arn:aws:s3:::reports"]
    });
}
