// CloudWatch Logs authorizes `logs:DescribeLogGroups` on
// `arn:aws:logs:REGION:ACCOUNT:log-group::log-stream:`, not on the log groups it lists: a
// statement scoped to one log group does not grant it (`log-group:*` would).
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": ["logs:DescribeLogGroups", "logs:GetLogEvents"],
            "Resource": "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/my-function:*"
        }]
    });
}
