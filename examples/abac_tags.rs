//! Attribute-based access control: engineers may start and stop only the EC2 instances
//! tagged with their own team, and may tag new instances only with their team.
//!
//! ```sh
//! cargo run --example abac_tags
//! ```

use iam_policy::policy;

fn main() {
    let abac = policy!({
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "OperateOwnTeamsInstances",
                "Effect": "Allow",
                "Action": ["ec2:StartInstances", "ec2:StopInstances", "ec2:RebootInstances"],
                "Resource": "arn:aws:ec2:*:*:instance/*",
                "Condition": {
                    "StringEquals": { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" }
                }
            },
            {
                "Sid": "TagOnlyWithOwnTeam",
                "Effect": "Allow",
                "Action": "ec2:CreateTags",
                "Resource": "arn:aws:ec2:*:*:instance/*",
                "Condition": {
                    "StringEquals": { "aws:RequestTag/team": "${aws:PrincipalTag/team}" },
                    "ForAllValues:StringEquals": { "aws:TagKeys": ["team", "name"] }
                }
            },
            {
                "Sid": "SeeInstances",
                "Effect": "Allow",
                "Action": "ec2:DescribeInstances",
                "Resource": "*"
            }
        ]
    });
    println!("{}", abac.to_json_pretty());
}
