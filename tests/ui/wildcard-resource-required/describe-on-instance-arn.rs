// `ec2:DescribeInstances` supports no resource-level permissions, so it needs
// `"Resource": "*"`; with the instance ARN it is not granted.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": ["ec2:DescribeInstances", "ec2:StartInstances", "ec2:StopInstances"],
            "Resource": "arn:aws:ec2:us-east-1:123456789012:instance/*"
        }]
    });
}
