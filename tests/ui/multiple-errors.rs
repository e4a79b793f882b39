// One policy with many mistakes: `policy!` reports every one of them in one build, each
// at its own string, in source order, and nothing else (no cascade from one to another).
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "Read-Reports",
                "Effect": "Allow",
                "Action": ["s3:GetObjekt", "s3:ListBucket"],
                "Resource": ["arn:aws:s3:::reports/*", "arn:aws:s3:us-east-1::reports"]
            },
            {
                "Sid": "SendJobs",
                "Effect": "allow",
                "Action": ["sqs:SendMessage", "sqs:GetQueueUrl"],
                "Resource": "arn:aws:sqs:us-east-1:1234-5678-9012:jobs"
            },
            {
                "Sid": "OperateTeamInstances",
                "Effect": "Allow",
                "Action": ["ec2:DescribeInstances", "ec2:StartInstances", "ec2:Stopinstance"],
                "Resource": "arn:aws:ec2:*:123456789012:instance/*",
                "Condition": {
                    "StringEqual": { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" },
                    "IpAddress": { "aws:SourceIp": "10.0.0.0/33" }
                }
            },
            {
                "Sid": "OwnHome",
                "Effect": "Allow",
                "Action": "s3:*",
                "Resource": "arn:aws:s3:::home/${aws:usrname}/*",
                "Condtion": { "Bool": { "aws:MultiFactorAuthPresent": "true" } }
            }
        ]
    });
}
