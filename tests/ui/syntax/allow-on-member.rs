// `#[allow(...)]` stands before a statement object, not before a member's value.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": #[allow(wildcard-resource-required)] ["ec2:DescribeInstances", "ec2:StartInstances"],
            "Resource": "arn:aws:ec2:*:*:instance/*"
        }]
    });
}
