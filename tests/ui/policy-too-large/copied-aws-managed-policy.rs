// An AWS managed policy (`AWSElasticBeanstalkManagedUpdatesCustomerRolePolicy`, from
// `../shared/corpus/aws-managed-policies/`) copied verbatim into a customer managed policy
// to customize it. AWS's own policies are not bound by the customer managed policy quota,
// but the copy is: 6,562 characters without whitespace, over the 6,144 IAM allows.
use iam_policy::policy;

fn main() {
    let _ = policy!({
    "Version": "2012-10-17", 
    "Statement": [
        {
            "Action": [
                "elasticbeanstalk:*"
            ], 
            "Resource": "*", 
            "Effect": "Allow", 
            "Sid": "ElasticBeanstalkPermissions"
        }, 
        {
            "Action": "iam:PassRole", 
            "Resource": "arn:aws:iam::*:role/*", 
            "Effect": "Allow", 
            "Condition": {
                "StringEquals": {
                    "iam:PassedToService": [
                        "elasticbeanstalk.amazonaws.com", 
                        "ec2.amazonaws.com", 
                        "ec2.amazonaws.com.cn", 
                        "autoscaling.amazonaws.com", 
                        "elasticloadbalancing.amazonaws.com", 
                        "ecs.amazonaws.com", 
                        "cloudformation.amazonaws.com"
                    ]
                }
            }, 
            "Sid": "AllowPassRoleToElasticBeanstalkAndDownstreamServices"
        }, 
        {
            "Action": [
                "autoscaling:DescribeAccountLimits", 
                "autoscaling:DescribeAutoScalingGroups", 
                "autoscaling:DescribeAutoScalingInstances", 
                "autoscaling:DescribeLaunchConfigurations", 
                "autoscaling:DescribeLoadBalancers", 
                "autoscaling:DescribeNotificationConfigurations", 
                "autoscaling:DescribeScalingActivities", 
                "autoscaling:DescribeScheduledActions", 
                "ec2:DescribeAccountAttributes", 
                "ec2:DescribeAddresses", 
                "ec2:DescribeAvailabilityZones", 
                "ec2:DescribeImages", 
                "ec2:DescribeInstanceAttribute", 
                "ec2:DescribeInstances", 
                "ec2:DescribeKeyPairs", 
                "ec2:DescribeLaunchTemplates", 
                "ec2:DescribeLaunchTemplateVersions", 
                "ec2:DescribeSecurityGroups", 
                "ec2:DescribeSnapshots", 
                "ec2:DescribeSpotInstanceRequests", 
                "ec2:DescribeSubnets", 
                "ec2:DescribeVpcClassicLink", 
                "ec2:DescribeVpcs", 
                "elasticloadbalancing:DescribeInstanceHealth", 
                "elasticloadbalancing:DescribeLoadBalancers", 
                "elasticloadbalancing:DescribeTargetGroups", 
                "elasticloadbalancing:DescribeTargetHealth", 
                "logs:DescribeLogGroups", 
                "rds:DescribeDBEngineVersions", 
                "rds:DescribeDBInstances", 
                "rds:DescribeOrderableDBInstanceOptions", 
                "sns:ListSubscriptionsByTopic"
            ], 
            "Resource": [
                "*"
            ], 
            "Effect": "Allow", 
            "Sid": "ReadOnlyPermissions"
        }, 
        {
            "Action": [
                "ec2:AllocateAddress", 
                "ec2:AssociateAddress", 
                "ec2:AuthorizeSecurityGroupEgress", 
                "ec2:AuthorizeSecurityGroupIngress", 
                "ec2:CreateLaunchTemplate", 
                "ec2:CreateLaunchTemplateVersion", 
                "ec2:CreateSecurityGroup", 
                "ec2:DeleteLaunchTemplate", 
                "ec2:DeleteLaunchTemplateVersions", 
                "ec2:DeleteSecurityGroup", 
                "ec2:DisassociateAddress", 
                "ec2:ReleaseAddress", 
                "ec2:RevokeSecurityGroupEgress", 
                "ec2:RevokeSecurityGroupIngress"
            ], 
            "Resource": "*", 
            "Effect": "Allow", 
            "Sid": "EC2BroadOperationPermissions"
        }, 
        {
            "Action": "ec2:RunInstances", 
            "Resource": "*", 
            "Effect": "Allow", 
            "Condition": {
                "ArnLike": {
                    "ec2:LaunchTemplate": "arn:aws:ec2:*:*:launch-template/*"
                }
            }, 
            "Sid": "EC2RunInstancesOperationPermissions"
        }, 
        {
            "Action": [
                "ec2:TerminateInstances"
            ], 
            "Resource": "arn:aws:ec2:*:*:instance/*", 
            "Effect": "Allow", 
            "Condition": {
                "StringLike": {
                    "ec2:ResourceTag/aws:cloudformation:stack-id": [
                        "arn:aws:cloudformation:*:*:stack/awseb-e-*", 
                        "arn:aws:cloudformation:*:*:stack/eb-*"
                    ]
                }
            }, 
            "Sid": "EC2TerminateInstancesOperationPermissions"
        }, 
        {
            "Action": [
                "ecs:CreateCluster", 
                "ecs:DescribeClusters", 
                "ecs:RegisterTaskDefinition"
            ], 
            "Resource": "*", 
            "Effect": "Allow", 
            "Sid": "ECSBroadOperationPermissions"
        }, 
        {
            "Action": "ecs:DeleteCluster", 
            "Resource": "arn:aws:ecs:*:*:cluster/awseb-*", 
            "Effect": "Allow", 
            "Sid": "ECSDeleteClusterOperationPermissions"
        }, 
        {
            "Action": [
                "autoscaling:AttachInstances", 
                "autoscaling:CreateAutoScalingGroup", 
                "autoscaling:CreateLaunchConfiguration", 
                "autoscaling:CreateOrUpdateTags", 
                "autoscaling:DeleteLaunchConfiguration", 
                "autoscaling:DeleteAutoScalingGroup", 
                "autoscaling:DeleteScheduledAction", 
                "autoscaling:DetachInstances", 
                "autoscaling:DeletePolicy", 
                "autoscaling:PutScalingPolicy", 
                "autoscaling:PutScheduledUpdateGroupAction", 
                "autoscaling:PutNotificationConfiguration", 
                "autoscaling:ResumeProcesses", 
                "autoscaling:SetDesiredCapacity", 
                "autoscaling:SuspendProcesses", 
                "autoscaling:TerminateInstanceInAutoScalingGroup", 
                "autoscaling:UpdateAutoScalingGroup"
            ], 
            "Resource": [
                "arn:aws:autoscaling:*:*:launchConfiguration:*:launchConfigurationName/awseb-e-*", 
                "arn:aws:autoscaling:*:*:launchConfiguration:*:launchConfigurationName/eb-*", 
                "arn:aws:autoscaling:*:*:autoScalingGroup:*:autoScalingGroupName/awseb-e-*", 
                "arn:aws:autoscaling:*:*:autoScalingGroup:*:autoScalingGroupName/eb-*"
            ], 
            "Effect": "Allow", 
            "Sid": "ASGOperationPermissions"
        }, 
        {
            "Action": [
                "cloudformation:*"
            ], 
            "Resource": [
                "arn:aws:cloudformation:*:*:stack/awseb-*", 
                "arn:aws:cloudformation:*:*:stack/eb-*"
            ], 
            "Effect": "Allow", 
            "Sid": "CFNOperationPermissions"
        }, 
        {
            "Action": [
                "elasticloadbalancing:AddTags", 
                "elasticloadbalancing:ApplySecurityGroupsToLoadBalancer", 
                "elasticloadbalancing:ConfigureHealthCheck", 
                "elasticloadbalancing:CreateLoadBalancer", 
                "elasticloadbalancing:DeleteLoadBalancer", 
                "elasticloadbalancing:DeregisterInstancesFromLoadBalancer", 
                "elasticloadbalancing:DeregisterTargets", 
                "elasticloadbalancing:RegisterInstancesWithLoadBalancer", 
                "elasticloadbalancing:RegisterTargets"
            ], 
            "Resource": [
                "arn:aws:elasticloadbalancing:*:*:targetgroup/awseb-*", 
                "arn:aws:elasticloadbalancing:*:*:targetgroup/eb-*", 
                "arn:aws:elasticloadbalancing:*:*:loadbalancer/awseb-*", 
                "arn:aws:elasticloadbalancing:*:*:loadbalancer/eb-*", 
                "arn:aws:elasticloadbalancing:*:*:loadbalancer/*/awseb-*/*", 
                "arn:aws:elasticloadbalancing:*:*:loadbalancer/*/eb-*/*"
            ], 
            "Effect": "Allow", 
            "Sid": "ELBOperationPermissions"
        }, 
        {
            "Action": [
                "logs:CreateLogGroup", 
                "logs:DeleteLogGroup", 
                "logs:PutRetentionPolicy"
            ], 
            "Resource": "arn:aws:logs:*:*:log-group:/aws/elasticbeanstalk/*", 
            "Effect": "Allow", 
            "Sid": "CWLogsOperationPermissions"
        }, 
        {
            "Action": [
                "s3:DeleteObject", 
                "s3:GetObject", 
                "s3:GetObjectAcl", 
                "s3:GetObjectVersion", 
                "s3:GetObjectVersionAcl", 
                "s3:PutObject", 
                "s3:PutObjectAcl", 
                "s3:PutObjectVersionAcl"
            ], 
            "Resource": "arn:aws:s3:::elasticbeanstalk-*/*", 
            "Effect": "Allow", 
            "Sid": "S3ObjectOperationPermissions"
        }, 
        {
            "Action": [
                "s3:GetBucketLocation", 
                "s3:GetBucketPolicy", 
                "s3:ListBucket", 
                "s3:PutBucketPolicy"
            ], 
            "Resource": "arn:aws:s3:::elasticbeanstalk-*", 
            "Effect": "Allow", 
            "Sid": "S3BucketOperationPermissions"
        }, 
        {
            "Action": [
                "sns:CreateTopic", 
                "sns:GetTopicAttributes", 
                "sns:SetTopicAttributes", 
                "sns:Subscribe"
            ], 
            "Resource": "arn:aws:sns:*:*:ElasticBeanstalkNotifications-*", 
            "Effect": "Allow", 
            "Sid": "SNSOperationPermissions"
        }, 
        {
            "Action": [
                "sqs:GetQueueAttributes", 
                "sqs:GetQueueUrl"
            ], 
            "Resource": [
                "arn:aws:sqs:*:*:awseb-e-*", 
                "arn:aws:sqs:*:*:eb-*"
            ], 
            "Effect": "Allow", 
            "Sid": "SQSOperationPermissions"
        }, 
        {
            "Action": [
                "cloudwatch:PutMetricAlarm"
            ], 
            "Resource": [
                "arn:aws:cloudwatch:*:*:alarm:awseb-*", 
                "arn:aws:cloudwatch:*:*:alarm:eb-*"
            ], 
            "Effect": "Allow", 
            "Sid": "CWPutMetricAlarmOperationPermissions"
        }, 
        {
            "Action": [
                "ecs:TagResource"
            ], 
            "Resource": "*", 
            "Effect": "Allow", 
            "Condition": {
                "StringEquals": {
                    "ecs:CreateAction": [
                        "CreateCluster", 
                        "RegisterTaskDefinition"
                    ]
                }
            }, 
            "Sid": "AllowECSTagResource"
        }, 
        {
            "Action": "ec2:createTags", 
            "Resource": "*", 
            "Effect": "Allow", 
            "Condition": {
                "StringEquals": {
                    "ec2:CreateAction": [
                        "CreateLaunchTemplate", 
                        "RunInstances", 
                        "AllocateAddress"
                    ]
                }
            }, 
            "Sid": "LaunchTemplateTagPropagationPermissions"
        }
    ]
});
}
