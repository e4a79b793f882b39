//! Sending a checked policy to IAM with the AWS SDK for Rust: `to_json()` is the policy
//! document. Needs AWS credentials, so it is behind a feature:
//!
//! ```sh
//! cargo run --example aws_sdk_put_policy --features aws-sdk -- my-role
//! ```

use iam_policy::policy;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let role = std::env::args()
        .nth(1)
        .ok_or("usage: aws_sdk_put_policy ROLE")?;
    let doc = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "s3:ListAllMyBuckets",
            "Resource": "*"
        }]
    });

    let config = aws_config::load_defaults(aws_config::BehaviorVersion::latest()).await;
    let iam = aws_sdk_iam::Client::new(&config);
    iam.put_role_policy()
        .role_name(&role)
        .policy_name("list-buckets")
        .policy_document(doc.to_json())
        .send()
        .await?;
    println!("attached `list-buckets` to role `{role}`");
    Ok(())
}
