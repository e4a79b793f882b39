//! An AWS managed policy larger than the customer managed policy quota
//! (`AmazonEKSServiceRolePolicy`, from `../shared/corpus/aws-managed-policies/`, pasted
//! verbatim): 6,331 characters without whitespace, over the 6,144 a customer managed policy
//! may have. AWS managed policies are not bound by that quota, so this one compiles with
//! `#![allow(policy-too-large)]`, and everything else about it is still checked.

use iam_policy::policy;

fn main() {
    let eks = policy!(#![allow(policy-too-large)] {
    "Version": "2012-10-17", 
    "Statement": [
        {
            "Action": [
                "ec2:CreateNetworkInterface", 
                "ec2:DeleteNetworkInterface", 
                "ec2:DetachNetworkInterface", 
                "ec2:ModifyNetworkInterfaceAttribute", 
                "ec2:CreateSecurityGroup", 
                "ec2:CreateNetworkInterfacePermission"
            ], 
            "Resource": "*", 
            "Effect": "Allow"
        }, 
        {
            "Action": [
                "ec2:DescribeAccountAttributes", 
                "ec2:DescribeAddresses", 
                "ec2:DescribeAvailabilityZones", 
                "ec2:DescribeCapacityReservations", 
                "ec2:DescribeCoipPools", 
                "ec2:DescribeInstances", 
                "ec2:DescribeInstanceTypeOfferings", 
                "ec2:DescribeInstanceTypes", 
                "ec2:DescribeInternetGateways", 
                "ec2:DescribeLaunchTemplates", 
                "ec2:DescribeNetworkInterfaces", 
                "ec2:DescribeSecurityGroups", 
                "ec2:DescribeSnapshots", 
                "ec2:DescribeSpotPriceHistory", 
                "ec2:DescribeSubnets", 
                "ec2:DescribeTags", 
                "ec2:DescribeVolumes", 
                "ec2:DescribeVolumesModifications", 
                "ec2:DescribeVpcPeeringConnections", 
                "ec2:DescribeVpcs", 
                "ec2:DescribeRouteTables", 
                "ec2:DescribeNetworkAcls", 
                "ec2:GetCoipPoolUsage", 
                "ec2:GetSecurityGroupsForVpc", 
                "eks:DescribeCluster", 
                "elasticloadbalancing:DescribeListenerAttributes", 
                "elasticloadbalancing:DescribeListenerCertificates", 
                "elasticloadbalancing:DescribeListeners", 
                "elasticloadbalancing:DescribeLoadBalancerAttributes", 
                "elasticloadbalancing:DescribeLoadBalancers", 
                "elasticloadbalancing:DescribeRules", 
                "elasticloadbalancing:DescribeSSLPolicies", 
                "elasticloadbalancing:DescribeTags", 
                "elasticloadbalancing:DescribeTargetGroupAttributes", 
                "elasticloadbalancing:DescribeTargetGroups", 
                "elasticloadbalancing:DescribeTargetHealth", 
                "elasticloadbalancing:DescribeTrustStores", 
                "iam:ListAttachedRolePolicies", 
                "pricing:GetProducts", 
                "shield:GetSubscriptionState", 
                "tag:GetResources"
            ], 
            "Resource": "*", 
            "Effect": "Allow"
        }, 
        {
            "Action": [
                "ec2:DeleteSecurityGroup", 
                "ec2:RevokeSecurityGroupIngress", 
                "ec2:AuthorizeSecurityGroupIngress", 
                "ec2:RevokeSecurityGroupEgress", 
                "ec2:AuthorizeSecurityGroupEgress"
            ], 
            "Resource": "arn:aws:ec2:*:*:security-group/*", 
            "Effect": "Allow", 
            "Condition": {
                "StringLike": {
                    "ec2:ResourceTag/Name": "eks-cluster-sg*"
                }
            }
        }, 
        {
            "Action": [
                "ec2:CreateTags", 
                "ec2:DeleteTags"
            ], 
            "Resource": [
                "arn:aws:ec2:*:*:vpc/*", 
                "arn:aws:ec2:*:*:subnet/*", 
                "arn:aws:ec2:*:*:network-interface/*", 
                "arn:aws:ec2:*:*:security-group/*"
            ], 
            "Effect": "Allow", 
            "Condition": {
                "ForAnyValue:StringLike": {
                    "aws:TagKeys": [
                        "kubernetes.io/cluster/*"
                    ]
                }
            }
        }, 
        {
            "Action": [
                "ec2:CreateTags", 
                "ec2:DeleteTags"
            ], 
            "Resource": [
                "arn:aws:ec2:*:*:security-group/*", 
                "arn:aws:ec2:*:*:network-interface/*"
            ], 
            "Effect": "Allow", 
            "Condition": {
                "StringLike": {
                    "aws:RequestTag/Name": "eks-cluster-*"
                }
            }
        }, 
        {
            "Action": "route53:AssociateVPCWithHostedZone", 
            "Resource": "arn:aws:route53:::hostedzone/*", 
            "Effect": "Allow"
        }, 
        {
            "Action": "logs:CreateLogGroup", 
            "Resource": "arn:aws:logs:*:*:log-group:/aws/eks/*", 
            "Effect": "Allow"
        }, 
        {
            "Action": [
                "logs:CreateLogStream", 
                "logs:DescribeLogStreams"
            ], 
            "Resource": "arn:aws:logs:*:*:log-group:/aws/eks/*:*", 
            "Effect": "Allow"
        }, 
        {
            "Action": "logs:PutLogEvents", 
            "Resource": "arn:aws:logs:*:*:log-group:/aws/eks/*:*:*", 
            "Effect": "Allow"
        }, 
        {
            "Action": "cloudwatch:PutMetricData", 
            "Resource": "*", 
            "Effect": "Allow", 
            "Condition": {
                "StringLike": {
                    "cloudwatch:namespace": "AWS/EKS"
                }
            }
        }, 
        {
            "Action": [
                "eks:CreateAccessEntry", 
                "eks:DeleteAccessEntry"
            ], 
            "Resource": "*", 
            "Effect": "Allow", 
            "Condition": {
                "ArnLike": {
                    "eks:principalArn": "arn:aws:iam::*:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS"
                }, 
                "StringEquals": {
                    "eks:accessEntryType": "STANDARD"
                }
            }
        }, 
        {
            "Action": [
                "eks:ListAssociatedAccessPolicies"
            ], 
            "Resource": "arn:aws:eks:*:*:access-entry/*/role/${aws:PrincipalAccount}/AWSServiceRoleForAmazonEKS/*", 
            "Effect": "Allow"
        }, 
        {
            "Action": [
                "eks:AssociateAccessPolicy", 
                "eks:DisassociateAccessPolicy"
            ], 
            "Resource": "arn:aws:eks:*:*:access-entry/*/role/${aws:PrincipalAccount}/AWSServiceRoleForAmazonEKS/*", 
            "Effect": "Allow", 
            "Condition": {
                "StringEquals": {
                    "eks:policyArn": [
                        "arn:aws:eks::aws:cluster-access-policy/AmazonEKSComputePolicy", 
                        "arn:aws:eks::aws:cluster-access-policy/AmazonEKSComputeClusterPolicy", 
                        "arn:aws:eks::aws:cluster-access-policy/AmazonEKSNetworkingPolicy", 
                        "arn:aws:eks::aws:cluster-access-policy/AmazonEKSNetworkingClusterPolicy", 
                        "arn:aws:eks::aws:cluster-access-policy/AmazonEKSLoadBalancingPolicy", 
                        "arn:aws:eks::aws:cluster-access-policy/AmazonEKSLoadBalancingClusterPolicy", 
                        "arn:aws:eks::aws:cluster-access-policy/AmazonEKSBlockStoragePolicy", 
                        "arn:aws:eks::aws:cluster-access-policy/AmazonEKSBlockStorageClusterPolicy", 
                        "arn:aws:eks::aws:cluster-access-policy/AmazonEKSHybridPolicy", 
                        "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEventPolicy"
                    ]
                }
            }
        }, 
        {
            "Action": [
                "ec2:DeleteNetworkInterface"
            ], 
            "Resource": "*", 
            "Effect": "Allow", 
            "Condition": {
                "StringLike": {
                    "aws:ResourceTag/eks:eks-cluster-name": "*"
                }
            }
        }, 
        {
            "Action": "eks:DescribeAccessEntry", 
            "Resource": "*", 
            "Effect": "Allow", 
            "Condition": {
                "StringEquals": {
                    "eks:accessEntryType": "EC2"
                }
            }
        }, 
        {
            "Action": "events:PutRule", 
            "Resource": "arn:aws:events:*:*:rule/EKS*", 
            "Effect": "Allow", 
            "Condition": {
                "StringEquals": {
                    "events:ManagedBy": [
                        "eks.amazonaws.com"
                    ]
                }, 
                "ForAllValues:StringEquals": {
                    "events:source": [
                        "aws.ec2", 
                        "aws.health"
                    ]
                }
            }
        }, 
        {
            "Action": "events:PutTargets", 
            "Resource": "arn:aws:events:*:*:rule/EKS*", 
            "Effect": "Allow"
        }, 
        {
            "Action": [
                "iam:CreateInstanceProfile", 
                "iam:DeleteInstanceProfile", 
                "iam:RemoveRoleFromInstanceProfile"
            ], 
            "Resource": "arn:aws:iam::*:instance-profile/eks*", 
            "Effect": "Allow"
        }, 
        {
            "Action": "iam:GetInstanceProfile", 
            "Resource": "arn:aws:iam::*:instance-profile/*", 
            "Effect": "Allow"
        }, 
        {
            "Action": [
                "ec2:DeleteLaunchTemplate", 
                "ec2:TerminateInstances"
            ], 
            "Resource": [
                "arn:aws:ec2:*:*:launch-template/*", 
                "arn:aws:ec2:*:*:instance/*"
            ], 
            "Effect": "Allow", 
            "Condition": {
                "StringLike": {
                    "aws:ResourceTag/eks:eks-cluster-name": "*"
                }
            }
        }, 
        {
            "Action": [
                "ec2:DeleteLaunchTemplate", 
                "ec2:TerminateInstances"
            ], 
            "Resource": "*", 
            "Effect": "Allow", 
            "Condition": {
                "StringEquals": {
                    "ec2:ManagedResourceOperator": [
                        "eks.amazonaws.com"
                    ]
                }
            }
        }, 
        {
            "Action": [
                "ec2:DeleteVolume"
            ], 
            "Resource": "*", 
            "Effect": "Allow", 
            "Condition": {
                "StringLike": {
                    "aws:ResourceTag/eks:eks-cluster-name": "*"
                }
            }
        }, 
        {
            "Action": [
                "ec2:DeleteSnapshot"
            ], 
            "Resource": "*", 
            "Effect": "Allow", 
            "Condition": {
                "StringLike": {
                    "aws:ResourceTag/eks:eks-cluster-name": "*"
                }
            }
        }, 
        {
            "Action": [
                "elasticloadbalancing:DeleteListener", 
                "elasticloadbalancing:DeleteRule", 
                "elasticloadbalancing:DeregisterTargets", 
                "elasticloadbalancing:DeleteLoadBalancer", 
                "elasticloadbalancing:DeleteTargetGroup", 
                "ec2:DeleteSecurityGroup", 
                "shield:DescribeProtection"
            ], 
            "Resource": "*", 
            "Effect": "Allow", 
            "Condition": {
                "StringLike": {
                    "aws:ResourceTag/eks:eks-cluster-name": "*"
                }
            }
        }
    ]
});
    let json: serde_json::Value = serde_json::from_str(&eks.to_json()).unwrap();
    assert_eq!(json["Version"], "2012-10-17");
    assert!(eks.to_json().len() > 6144);
}
