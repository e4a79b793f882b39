//! A Lambda execution role: the trust policy that lets Lambda assume the role, and the
//! identity policy that lets the function write its logs and read one `DynamoDB` table.
//!
//! ```sh
//! cargo run --example lambda_role
//! ```

use iam_policy::policy;

fn main() {
    let account = "123456789012";
    let function = "orders-handler";
    let table = "Orders";

    let trust = policy!(trust {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": { "Service": "lambda.amazonaws.com" },
            "Action": "sts:AssumeRole",
            "Condition": { "StringEquals": { "aws:SourceAccount": "{account}" } }
        }]
    });

    let permissions = policy!({
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "CreateLogGroup",
                "Effect": "Allow",
                "Action": "logs:CreateLogGroup",
                "Resource": "arn:aws:logs:us-east-1:{account}:*"
            },
            {
                "Sid": "WriteLogs",
                "Effect": "Allow",
                "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                "Resource": "arn:aws:logs:us-east-1:{account}:log-group:/aws/lambda/{function}:*"
            },
            {
                "Sid": "ReadOrders",
                "Effect": "Allow",
                "Action": ["dynamodb:GetItem", "dynamodb:Query"],
                "Resource": [
                    "arn:aws:dynamodb:us-east-1:{account}:table/{table}",
                    "arn:aws:dynamodb:us-east-1:{account}:table/{table}/index/*"
                ]
            }
        ]
    });

    println!("AssumeRolePolicyDocument:\n{}\n", trust.to_json_pretty());
    println!("PolicyDocument:\n{}", permissions.to_json_pretty());
}
