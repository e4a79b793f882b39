//! AWS managed policies from `../shared/corpus/aws-managed-policies/`, each pasted verbatim
//! (the file's JSON text, unchanged) into `policy!`. They compile without errors or warnings,
//! and the runtime engine agrees with the macro: `validate(kind)` finds no error in them either.
//!
//! All of them are under the customer-managed size quota (6,144 characters without
//! whitespace), so no `#![allow(policy-too-large)]` is needed.

use iam_policy::{Policy, policy};

fn main() {
    let policies: Vec<(&str, Policy)> = vec![
        // AWSDenyAll.json
        ("AWSDenyAll", policy!({
    "Version": "2012-10-17", 
    "Statement": [
        {
            "Action": [
                "*"
            ], 
            "Resource": "*", 
            "Effect": "Deny", 
            "Sid": "DenyAll"
        }
    ]
})),
        // AWSCompromisedKeyQuarantine.json
        ("AWSCompromisedKeyQuarantine", policy!({
    "Version": "2012-10-17", 
    "Statement": [
        {
            "Action": [
                "iam:AttachGroupPolicy", 
                "iam:AttachRolePolicy", 
                "iam:AttachUserPolicy", 
                "iam:ChangePassword", 
                "iam:CreateAccessKey", 
                "iam:CreateInstanceProfile", 
                "iam:CreateLoginProfile", 
                "iam:CreateRole", 
                "iam:CreateUser", 
                "iam:DetachUserPolicy", 
                "iam:PutUserPermissionsBoundary", 
                "iam:PutUserPolicy", 
                "iam:UpdateAccessKey", 
                "iam:UpdateAccountPasswordPolicy", 
                "iam:UpdateUser", 
                "ec2:RequestSpotInstances", 
                "ec2:RunInstances", 
                "ec2:StartInstances", 
                "organizations:CreateAccount", 
                "organizations:CreateOrganization", 
                "organizations:InviteAccountToOrganization", 
                "lambda:CreateFunction", 
                "lightsail:Create*", 
                "lightsail:Start*", 
                "lightsail:Delete*", 
                "lightsail:Update*", 
                "lightsail:GetInstanceAccessDetails", 
                "lightsail:DownloadDefaultKeyPair"
            ], 
            "Resource": [
                "*"
            ], 
            "Effect": "Deny"
        }
    ]
})),
        // AWSCertificateManagerPrivateCAUser.json
        ("AWSCertificateManagerPrivateCAUser", policy!({
    "Version": "2012-10-17", 
    "Statement": [
        {
            "Action": [
                "acm-pca:IssueCertificate"
            ], 
            "Resource": "arn:aws:acm-pca:*:*:certificate-authority/*", 
            "Effect": "Allow", 
            "Condition": {
                "ArnLike": {
                    "acm-pca:TemplateArn": [
                        "arn:aws:acm-pca:*:*:template/EndEntityCertificate/V*"
                    ]
                }
            }
        }, 
        {
            "Action": [
                "acm-pca:IssueCertificate"
            ], 
            "Resource": "arn:aws:acm-pca:*:*:certificate-authority/*", 
            "Effect": "Deny", 
            "Condition": {
                "ArnNotLike": {
                    "acm-pca:TemplateArn": [
                        "arn:aws:acm-pca:*:*:template/EndEntityCertificate/V*"
                    ]
                }
            }
        }, 
        {
            "Action": [
                "acm-pca:RevokeCertificate", 
                "acm-pca:GetCertificate", 
                "acm-pca:ListPermissions"
            ], 
            "Resource": "arn:aws:acm-pca:*:*:certificate-authority/*", 
            "Effect": "Allow"
        }, 
        {
            "Action": [
                "acm-pca:ListCertificateAuthorities"
            ], 
            "Resource": "*", 
            "Effect": "Allow"
        }
    ]
})),
        // AWSLambdaVPCAccessExecutionRole.json
        ("AWSLambdaVPCAccessExecutionRole", policy!({
    "Version": "2012-10-17", 
    "Statement": [
        {
            "Action": [
                "logs:CreateLogGroup", 
                "logs:CreateLogStream", 
                "logs:PutLogEvents", 
                "ec2:CreateNetworkInterface", 
                "ec2:DescribeNetworkInterfaces", 
                "ec2:DescribeSubnets", 
                "ec2:DeleteNetworkInterface", 
                "ec2:AssignPrivateIpAddresses", 
                "ec2:UnassignPrivateIpAddresses"
            ], 
            "Resource": "*", 
            "Effect": "Allow", 
            "Sid": "AWSLambdaVPCAccessExecutionPermissions"
        }
    ]
})),
        // AWSElementalMediaStoreFullAccess.json
        ("AWSElementalMediaStoreFullAccess", policy!({
    "Version": "2012-10-17", 
    "Statement": [
        {
            "Action": [
                "mediastore:*"
            ], 
            "Resource": "*", 
            "Effect": "Allow", 
            "Condition": {
                "Bool": {
                    "aws:SecureTransport": "true"
                }
            }
        }
    ]
})),
        // AWSEC2CapacityManagerServiceRolePolicy.json
        ("AWSEC2CapacityManagerServiceRolePolicy", policy!({
    "Version": "2012-10-17", 
    "Statement": [
        {
            "Action": [
                "organizations:ListAccounts", 
                "organizations:ListChildren", 
                "organizations:ListAWSServiceAccessForOrganization", 
                "organizations:DescribeOrganization"
            ], 
            "Resource": "*", 
            "Effect": "Allow", 
            "Sid": "AllowOrganizationsDefaultReadActions"
        }, 
        {
            "Action": [
                "organizations:ListDelegatedAdministrators"
            ], 
            "Resource": [
                "*"
            ], 
            "Effect": "Allow", 
            "Condition": {
                "StringLikeIfExists": {
                    "organizations:ServicePrincipal": [
                        "ec2.capacitymanager.amazonaws.com"
                    ]
                }
            }, 
            "Sid": "AllowOrganizationsListDelegatedAdministratorsAction"
        }
    ]
})),
        // AWSLambdaReplicator.json
        ("AWSLambdaReplicator", policy!({
    "Version": "2012-10-17", 
    "Statement": [
        {
            "Action": [
                "lambda:CreateFunction", 
                "lambda:DeleteFunction", 
                "lambda:DisableReplication"
            ], 
            "Resource": [
                "arn:aws:lambda:*:*:function:*"
            ], 
            "Effect": "Allow", 
            "Sid": "LambdaCreateDeletePermission"
        }, 
        {
            "Action": [
                "iam:PassRole"
            ], 
            "Resource": [
                "*"
            ], 
            "Effect": "Allow", 
            "Condition": {
                "StringLikeIfExists": {
                    "iam:PassedToService": "lambda.amazonaws.com"
                }
            }, 
            "Sid": "IamPassRolePermission"
        }, 
        {
            "Action": [
                "cloudfront:ListDistributionsByLambdaFunction"
            ], 
            "Resource": [
                "*"
            ], 
            "Effect": "Allow", 
            "Sid": "CloudFrontListDistributions"
        }
    ]
})),
        // AWSApplicationMigrationSSMAccess.json
        ("AWSApplicationMigrationSSMAccess", policy!({
    "Version": "2012-10-17", 
    "Statement": [
        {
            "Action": [
                "ssm:GetCommandInvocation", 
                "ssm:DescribeInstanceInformation"
            ], 
            "Resource": [
                "*"
            ], 
            "Effect": "Allow", 
            "Condition": {
                "ForAnyValue:StringEquals": {
                    "aws:CalledVia": [
                        "mgn.amazonaws.com"
                    ]
                }
            }
        }, 
        {
            "Action": [
                "ssm:SendCommand", 
                "ssm:DescribeDocument", 
                "ssm:StartAutomationExecution"
            ], 
            "Resource": [
                "arn:aws:ssm:*:*:document/*", 
                "arn:aws:ssm:*:*:automation-execution/*", 
                "arn:aws:ssm:*:*:automation-definition/*:*"
            ], 
            "Effect": "Allow", 
            "Condition": {
                "ForAnyValue:StringEquals": {
                    "aws:CalledVia": [
                        "mgn.amazonaws.com"
                    ]
                }
            }
        }, 
        {
            "Action": [
                "ssm:SendCommand"
            ], 
            "Resource": [
                "arn:aws:ec2:*:*:instance/*"
            ], 
            "Effect": "Allow", 
            "Condition": {
                "ForAnyValue:StringEquals": {
                    "aws:CalledVia": [
                        "mgn.amazonaws.com"
                    ]
                }, 
                "Null": {
                    "aws:ResourceTag/AWSApplicationMigrationServiceManaged": "false"
                }
            }
        }, 
        {
            "Action": [
                "ssm:ListDocuments"
            ], 
            "Resource": "*", 
            "Effect": "Allow"
        }, 
        {
            "Action": [
                "ssm:ListDocumentVersions", 
                "ssm:GetDocument"
            ], 
            "Resource": "arn:aws:ssm:*:*:document/*", 
            "Effect": "Allow"
        }
    ]
})),
        // AWSMarketplaceDeploymentServiceRolePolicy.json
        ("AWSMarketplaceDeploymentServiceRolePolicy", policy!({
    "Version": "2012-10-17", 
    "Statement": [
        {
            "Action": [
                "secretsmanager:CreateSecret", 
                "secretsmanager:PutSecretValue", 
                "secretsmanager:DescribeSecret", 
                "secretsmanager:DeleteSecret", 
                "secretsmanager:RemoveRegionsFromReplication"
            ], 
            "Resource": [
                "arn:aws:secretsmanager:*:*:secret:marketplace-deployment*!*"
            ], 
            "Effect": "Allow", 
            "Condition": {
                "StringEquals": {
                    "aws:ResourceAccount": "${aws:PrincipalAccount}"
                }
            }, 
            "Sid": "ManageMarketplaceDeploymentSecrets"
        }, 
        {
            "Action": [
                "secretsmanager:ListSecrets"
            ], 
            "Resource": [
                "*"
            ], 
            "Effect": "Allow", 
            "Sid": "ListSecrets"
        }, 
        {
            "Action": [
                "secretsmanager:TagResource"
            ], 
            "Resource": "arn:aws:secretsmanager:*:*:secret:marketplace-deployment!*", 
            "Effect": "Allow", 
            "Condition": {
                "Null": {
                    "aws:RequestTag/expirationDate": "false"
                }, 
                "StringEquals": {
                    "aws:ResourceAccount": "${aws:PrincipalAccount}"
                }, 
                "ForAllValues:StringEquals": {
                    "aws:TagKeys": [
                        "expirationDate"
                    ]
                }
            }, 
            "Sid": "TagMarketplaceDeploymentSecrets"
        }
    ]
})),
        // AWSQuickSightSecretsManagerWritePolicy.json
        ("AWSQuickSightSecretsManagerWritePolicy", policy!({
    "Version": "2012-10-17", 
    "Statement": [
        {
            "Action": [
                "secretsmanager:PutResourcePolicy"
            ], 
            "Resource": "arn:aws:secretsmanager:*:*:secret:quicksight!*", 
            "Effect": "Allow", 
            "Condition": {
                "StringEquals": {
                    "secretsmanager:ResourceTag/aws:secretsmanager:owningService": "quicksight", 
                    "aws:ResourceAccount": "${aws:PrincipalAccount}"
                }
            }
        }, 
        {
            "Action": [
                "secretsmanager:CreateSecret"
            ], 
            "Resource": "arn:aws:secretsmanager:*:*:secret:quicksight!*", 
            "Effect": "Allow", 
            "Condition": {
                "StringLike": {
                    "secretsmanager:Name": "quicksight!*"
                }, 
                "StringEquals": {
                    "aws:ResourceAccount": "${aws:PrincipalAccount}"
                }
            }
        }
    ]
})),
        // AWSElasticDisasterRecoveryStagingAccountPolicy.json
        ("AWSElasticDisasterRecoveryStagingAccountPolicy", policy!({
    "Version": "2012-10-17", 
    "Statement": [
        {
            "Action": [
                "drs:DescribeSourceServers", 
                "drs:DescribeRecoverySnapshots", 
                "drs:CreateConvertedSnapshotForDrs", 
                "drs:GetReplicationConfiguration", 
                "drs:DescribeJobs", 
                "drs:DescribeJobLogItems"
            ], 
            "Resource": "*", 
            "Effect": "Allow", 
            "Sid": "DRSStagingAccountPolicy1"
        }, 
        {
            "Action": [
                "ec2:ModifySnapshotAttribute"
            ], 
            "Resource": "arn:aws:ec2:*:*:snapshot/*", 
            "Effect": "Allow", 
            "Condition": {
                "Null": {
                    "aws:ResourceTag/AWSElasticDisasterRecoveryManaged": "false"
                }, 
                "StringEquals": {
                    "ec2:Add/userId": "${aws:SourceIdentity}"
                }
            }, 
            "Sid": "DRSStagingAccountPolicy2"
        }
    ]
})),
        // AWSServiceRoleForEC2ScheduledInstances.json
        ("AWSServiceRoleForEC2ScheduledInstances", policy!({
    "Version": "2012-10-17", 
    "Statement": [
        {
            "Action": [
                "ec2:CreateTags"
            ], 
            "Resource": [
                "arn:aws:ec2:*:*:instance/*"
            ], 
            "Effect": "Allow", 
            "Condition": {
                "ForAllValues:StringEquals": {
                    "aws:TagKeys": [
                        "aws:ec2sri:scheduledInstanceId"
                    ]
                }
            }
        }, 
        {
            "Action": [
                "ec2:TerminateInstances"
            ], 
            "Resource": "*", 
            "Effect": "Allow", 
            "Condition": {
                "StringLike": {
                    "ec2:ResourceTag/aws:ec2sri:scheduledInstanceId": "*"
                }
            }
        }
    ]
})),
        // AWSMigrationHubDiscoveryAccess.json
        ("AWSMigrationHubDiscoveryAccess", policy!({
    "Version": "2012-10-17", 
    "Statement": [
        {
            "Action": [
                "discovery:ListConfigurations", 
                "discovery:DescribeConfigurations"
            ], 
            "Resource": [
                "*"
            ], 
            "Effect": "Allow"
        }, 
        {
            "Action": "ec2:CreateTags", 
            "Resource": [
                "arn:aws:ec2:*:*:instance/*", 
                "arn:aws:ec2:*:*:image/*", 
                "arn:aws:ec2:*:*:volume/*"
            ], 
            "Effect": "Allow", 
            "Condition": {
                "ForAllValues:StringEquals": {
                    "aws:TagKeys": "aws:migrationhub:source-id"
                }
            }
        }, 
        {
            "Action": "dms:AddTagsToResource", 
            "Resource": [
                "arn:aws:dms:*:*:endpoint:*"
            ], 
            "Effect": "Allow", 
            "Condition": {
                "ForAllValues:StringEquals": {
                    "aws:TagKeys": "aws:migrationhub:source-id"
                }
            }
        }, 
        {
            "Action": [
                "ec2:DescribeInstanceAttribute"
            ], 
            "Resource": [
                "*"
            ], 
            "Effect": "Allow"
        }
    ]
})),
        // AWSFaultInjectionSimulatorEC2Access.json
        ("AWSFaultInjectionSimulatorEC2Access", policy!({
    "Version": "2012-10-17", 
    "Statement": [
        {
            "Action": [
                "ec2:RebootInstances", 
                "ec2:SendSpotInstanceInterruptions", 
                "ec2:StartInstances", 
                "ec2:StopInstances", 
                "ec2:TerminateInstances"
            ], 
            "Resource": "arn:aws:ec2:*:*:instance/*", 
            "Effect": "Allow", 
            "Sid": "AllowEc2Actions"
        }, 
        {
            "Action": [
                "kms:CreateGrant"
            ], 
            "Resource": [
                "arn:aws:kms:*:*:key/*"
            ], 
            "Effect": "Allow", 
            "Condition": {
                "Bool": {
                    "kms:GrantIsForAWSResource": "true"
                }, 
                "StringLike": {
                    "kms:ViaService": "ec2.*.amazonaws.com"
                }
            }, 
            "Sid": "AllowEc2InstancesWithEncryptedEbsVolumes"
        }, 
        {
            "Action": [
                "ssm:SendCommand"
            ], 
            "Resource": [
                "arn:aws:ec2:*:*:instance/*", 
                "arn:aws:ssm:*:*:document/*"
            ], 
            "Effect": "Allow", 
            "Sid": "AllowSSMSendOnEc2"
        }, 
        {
            "Action": [
                "ssm:CancelCommand", 
                "ssm:ListCommands"
            ], 
            "Resource": "*", 
            "Effect": "Allow", 
            "Sid": "AllowSSMStopOnEc2"
        }, 
        {
            "Action": "ec2:DescribeInstances", 
            "Resource": "*", 
            "Effect": "Allow", 
            "Sid": "DescribeInstances"
        }, 
        {
            "Action": "ec2:DescribeSubnets", 
            "Resource": "*", 
            "Effect": "Allow", 
            "Sid": "DescribeSubnets"
        }
    ]
})),
        // AWSSecurityIncidentResponseCaseFullAccess.json
        ("AWSSecurityIncidentResponseCaseFullAccess", policy!({
    "Version": "2012-10-17", 
    "Statement": [
        {
            "Action": [
                "security-ir:GetCase", 
                "security-ir:ListCases", 
                "security-ir:GetCaseAttachmentDownloadUrl", 
                "security-ir:ListComments", 
                "security-ir:ListCaseEdits"
            ], 
            "Resource": "*", 
            "Effect": "Allow", 
            "Sid": "SecurityIRCaseReadAccess"
        }, 
        {
            "Action": [
                "security-ir:ListTagsForResource"
            ], 
            "Resource": "arn:aws:security-ir:*:*:case/*", 
            "Effect": "Allow", 
            "Sid": "SecurityIRCaseTagReadAccess"
        }, 
        {
            "Action": [
                "security-ir:CreateCase", 
                "security-ir:UpdateCase", 
                "security-ir:CloseCase", 
                "security-ir:UpdateCaseStatus", 
                "security-ir:UpdateResolverType", 
                "security-ir:GetCaseAttachmentUploadUrl", 
                "security-ir:CreateCaseComment", 
                "security-ir:UpdateCaseComment"
            ], 
            "Resource": "*", 
            "Effect": "Allow", 
            "Condition": {
                "Bool": {
                    "aws:MultiFactorAuthPresent": "true"
                }
            }, 
            "Sid": "SecurityIRCaseWriteAccess"
        }, 
        {
            "Action": [
                "security-ir:TagResource", 
                "security-ir:UntagResource"
            ], 
            "Resource": "arn:aws:security-ir:*:*:case/*", 
            "Effect": "Allow", 
            "Condition": {
                "Bool": {
                    "aws:MultiFactorAuthPresent": "true"
                }
            }, 
            "Sid": "SecurityIRCaseTagWriteAccess"
        }
    ]
})),
        // AWSOrganizationsFullAccess.json
        ("AWSOrganizationsFullAccess", policy!({
    "Version": "2012-10-17", 
    "Statement": [
        {
            "Action": "organizations:*", 
            "Resource": "*", 
            "Effect": "Allow", 
            "Sid": "AWSOrganizationsFullAccess"
        }, 
        {
            "Action": [
                "account:PutAlternateContact", 
                "account:DeleteAlternateContact", 
                "account:GetAlternateContact", 
                "account:GetContactInformation", 
                "account:PutContactInformation", 
                "account:ListRegions", 
                "account:EnableRegion", 
                "account:DisableRegion", 
                "account:PutAccountName", 
                "account:GetAccountInformation"
            ], 
            "Resource": "*", 
            "Effect": "Allow", 
            "Sid": "AWSOrganizationsFullAccessAccount"
        }, 
        {
            "Action": "iam:CreateServiceLinkedRole", 
            "Resource": "*", 
            "Effect": "Allow", 
            "Condition": {
                "StringEquals": {
                    "iam:AWSServiceName": "organizations.amazonaws.com"
                }
            }, 
            "Sid": "AWSOrganizationsFullAccessCreateSLR"
        }
    ]
})),
        // AWSCodeDeployRoleForECS.json
        ("AWSCodeDeployRoleForECS", policy!({
    "Version": "2012-10-17", 
    "Statement": [
        {
            "Action": [
                "ecs:DescribeServices", 
                "ecs:CreateTaskSet", 
                "ecs:UpdateServicePrimaryTaskSet", 
                "ecs:DeleteTaskSet", 
                "elasticloadbalancing:DescribeTargetGroups", 
                "elasticloadbalancing:DescribeListeners", 
                "elasticloadbalancing:ModifyListener", 
                "elasticloadbalancing:DescribeRules", 
                "elasticloadbalancing:ModifyRule", 
                "lambda:InvokeFunction", 
                "cloudwatch:DescribeAlarms", 
                "sns:Publish", 
                "s3:GetObject", 
                "s3:GetObjectVersion"
            ], 
            "Resource": "*", 
            "Effect": "Allow"
        }, 
        {
            "Action": [
                "iam:PassRole"
            ], 
            "Resource": "*", 
            "Effect": "Allow", 
            "Condition": {
                "StringLike": {
                    "iam:PassedToService": [
                        "ecs-tasks.amazonaws.com"
                    ]
                }
            }
        }
    ]
})),
        // AWSLakeFormationDataAdmin.json
        ("AWSLakeFormationDataAdmin", policy!({
    "Version": "2012-10-17", 
    "Statement": [
        {
            "Action": [
                "lakeformation:*", 
                "cloudtrail:DescribeTrails", 
                "cloudtrail:LookupEvents", 
                "glue:CreateCatalog", 
                "glue:UpdateCatalog", 
                "glue:DeleteCatalog", 
                "glue:GetCatalog", 
                "glue:GetCatalogs", 
                "glue:GetDatabase", 
                "glue:GetDatabases", 
                "glue:CreateDatabase", 
                "glue:UpdateDatabase", 
                "glue:DeleteDatabase", 
                "glue:GetConnections", 
                "glue:SearchTables", 
                "glue:GetTable", 
                "glue:CreateTable", 
                "glue:UpdateTable", 
                "glue:DeleteTable", 
                "glue:GetTableVersions", 
                "glue:GetPartitions", 
                "glue:GetTables", 
                "glue:ListWorkflows", 
                "glue:BatchGetWorkflows", 
                "glue:DeleteWorkflow", 
                "glue:GetWorkflowRuns", 
                "glue:StartWorkflowRun", 
                "glue:GetWorkflow", 
                "s3:ListBucket", 
                "s3:GetBucketLocation", 
                "s3:ListAllMyBuckets", 
                "s3:GetBucketAcl", 
                "iam:ListUsers", 
                "iam:ListRoles", 
                "iam:GetRole", 
                "iam:GetRolePolicy"
            ], 
            "Resource": "*", 
            "Effect": "Allow", 
            "Sid": "AWSLakeFormationDataAdminAllow"
        }, 
        {
            "Action": [
                "lakeformation:PutDataLakeSettings"
            ], 
            "Resource": "*", 
            "Effect": "Deny", 
            "Sid": "AWSLakeFormationDataAdminDeny"
        }
    ]
})),
        // AWSGitSyncServiceRolePolicy.json
        ("AWSGitSyncServiceRolePolicy", policy!({
    "Version": "2012-10-17", 
    "Statement": [
        {
            "Action": [
                "codestar-connections:UseConnection", 
                "codeconnections:UseConnection"
            ], 
            "Resource": [
                "arn:aws:codestar-connections:*:*:connection/*", 
                "arn:aws:codeconnections:*:*:connection/*"
            ], 
            "Effect": "Allow", 
            "Condition": {
                "StringEquals": {
                    "aws:ResourceAccount": "${aws:PrincipalAccount}"
                }
            }, 
            "Sid": "AccessGitRepos"
        }
    ]
})),
        // AWSDeadlineCloud-WorkerHost.json
        ("AWSDeadlineCloud-WorkerHost", policy!({
    "Version": "2012-10-17", 
    "Statement": [
        {
            "Action": [
                "deadline:CreateWorker", 
                "deadline:AssumeFleetRoleForWorker"
            ], 
            "Resource": "*", 
            "Effect": "Allow", 
            "Condition": {
                "StringEquals": {
                    "aws:PrincipalAccount": "${aws:ResourceAccount}"
                }
            }, 
            "Sid": "JoinFleetPermissions"
        }, 
        {
            "Action": [
                "deadline:TagResource"
            ], 
            "Resource": "arn:aws:deadline:*:*:farm/*/fleet/*/worker/*", 
            "Effect": "Allow", 
            "Condition": {
                "StringEquals": {
                    "deadline:CalledAction": "CreateWorker", 
                    "aws:PrincipalAccount": "${aws:ResourceAccount}"
                }
            }, 
            "Sid": "TagWorkerPermission"
        }, 
        {
            "Action": [
                "deadline:ListTagsForResource"
            ], 
            "Resource": "arn:aws:deadline:*:*:farm/*/fleet/*", 
            "Effect": "Allow", 
            "Condition": {
                "StringEquals": {
                    "deadline:CalledAction": "CreateWorker", 
                    "aws:PrincipalAccount": "${aws:ResourceAccount}"
                }
            }, 
            "Sid": "ListFleetTagsPermission"
        }
    ]
})),
        // AWSMcpServiceActionsFullAccess.json
        ("AWSMcpServiceActionsFullAccess", policy!({
    "Version": "2012-10-17", 
    "Statement": [
        {
            "Action": "*", 
            "Resource": "*", 
            "Effect": "Allow", 
            "Condition": {
                "Bool": {
                    "aws:IsMcpServiceAction": "true"
                }
            }, 
            "Sid": "AllowAllMCPServiceActions"
        }
    ]
})),
        // AWSProtonCodeBuildProvisioningServiceRolePolicy.json
        ("AWSProtonCodeBuildProvisioningServiceRolePolicy", policy!({
    "Version": "2012-10-17", 
    "Statement": [
        {
            "Action": [
                "cloudformation:CreateStack", 
                "cloudformation:CreateChangeSet", 
                "cloudformation:DeleteChangeSet", 
                "cloudformation:DeleteStack", 
                "cloudformation:UpdateStack", 
                "cloudformation:DescribeStacks", 
                "cloudformation:DescribeStackEvents", 
                "cloudformation:ListStackResources"
            ], 
            "Resource": [
                "arn:aws:cloudformation:*:*:stack/AWSProton-CodeBuild-*"
            ], 
            "Effect": "Allow"
        }, 
        {
            "Action": [
                "codebuild:CreateProject", 
                "codebuild:DeleteProject", 
                "codebuild:UpdateProject", 
                "codebuild:StartBuild", 
                "codebuild:StopBuild", 
                "codebuild:RetryBuild", 
                "codebuild:BatchGetBuilds", 
                "codebuild:BatchGetProjects"
            ], 
            "Resource": "arn:aws:codebuild:*:*:project/AWSProton*", 
            "Effect": "Allow"
        }, 
        {
            "Action": "iam:PassRole", 
            "Resource": "*", 
            "Effect": "Allow", 
            "Condition": {
                "StringEqualsIfExists": {
                    "iam:PassedToService": "codebuild.amazonaws.com"
                }
            }
        }, 
        {
            "Action": [
                "servicequotas:GetServiceQuota"
            ], 
            "Resource": "*", 
            "Effect": "Allow"
        }
    ]
})),
        // AmazonS3ReadOnlyAccess.json
        ("AmazonS3ReadOnlyAccess", policy!({
    "Version": "2012-10-17", 
    "Statement": [
        {
            "Action": [
                "s3:Get*", 
                "s3:List*", 
                "s3:Describe*", 
                "s3-object-lambda:Get*", 
                "s3-object-lambda:List*"
            ], 
            "Resource": "*", 
            "Effect": "Allow"
        }
    ]
})),
        // AmazonEC2ReadOnlyAccess.json
        ("AmazonEC2ReadOnlyAccess", policy!({
    "Version": "2012-10-17", 
    "Statement": [
        {
            "Action": [
                "ec2:Describe*", 
                "ec2:GetSecurityGroupsForVpc"
            ], 
            "Resource": "*", 
            "Effect": "Allow"
        }, 
        {
            "Action": "elasticloadbalancing:Describe*", 
            "Resource": "*", 
            "Effect": "Allow"
        }, 
        {
            "Action": [
                "cloudwatch:ListMetrics", 
                "cloudwatch:GetMetricStatistics", 
                "cloudwatch:Describe*"
            ], 
            "Resource": "*", 
            "Effect": "Allow"
        }, 
        {
            "Action": "autoscaling:Describe*", 
            "Resource": "*", 
            "Effect": "Allow"
        }
    ]
})),
        // AWSLambdaBasicExecutionRole.json
        ("AWSLambdaBasicExecutionRole", policy!({
    "Version": "2012-10-17", 
    "Statement": [
        {
            "Action": [
                "logs:CreateLogGroup", 
                "logs:CreateLogStream", 
                "logs:PutLogEvents"
            ], 
            "Resource": "*", 
            "Effect": "Allow"
        }
    ]
})),
        // CloudWatchLogsReadOnlyAccess.json
        ("CloudWatchLogsReadOnlyAccess", policy!({
    "Version": "2012-10-17", 
    "Statement": [
        {
            "Action": [
                "logs:Describe*", 
                "logs:Get*", 
                "logs:List*", 
                "logs:StartQuery", 
                "logs:StopQuery", 
                "logs:TestMetricFilter", 
                "logs:FilterLogEvents", 
                "logs:StartLiveTail", 
                "logs:StopLiveTail", 
                "cloudwatch:GenerateQuery", 
                "cloudwatch:GenerateQueryResultsSummary", 
                "observabilityadmin:ListS3TableIntegrations", 
                "observabilityadmin:GetS3TableIntegration", 
                "observabilityadmin:ListTelemetryPipelines"
            ], 
            "Resource": "*", 
            "Effect": "Allow", 
            "Sid": "CloudWatchLogsReadOnlyAccess"
        }
    ]
})),
        // AWSCertificateManagerReadOnly.json
        ("AWSCertificateManagerReadOnly", policy!({
    "Version": "2012-10-17", 
    "Statement": {
        "Action": [
            "acm:DescribeCertificate", 
            "acm:ListCertificates", 
            "acm:GetCertificate", 
            "acm:ListTagsForCertificate", 
            "acm:GetAccountConfiguration"
        ], 
        "Resource": "*", 
        "Effect": "Allow"
    }
})),
        // AWSDMSFleetAdvisorServiceRolePolicy.json
        ("AWSDMSFleetAdvisorServiceRolePolicy", policy!({
    "Version": "2012-10-17", 
    "Statement": {
        "Action": "cloudwatch:PutMetricData", 
        "Resource": "*", 
        "Effect": "Allow", 
        "Condition": {
            "StringEquals": {
                "cloudwatch:namespace": "AWS/DMS/FleetAdvisor"
            }
        }
    }
})),
        // AWSIoTRuleActions.json
        ("AWSIoTRuleActions", policy!({
    "Version": "2012-10-17", 
    "Statement": {
        "Action": [
            "dynamodb:PutItem", 
            "kinesis:PutRecord", 
            "iot:Publish", 
            "s3:PutObject", 
            "sns:Publish", 
            "sqs:SendMessage*", 
            "cloudwatch:SetAlarmState", 
            "cloudwatch:PutMetricData", 
            "es:ESHttpPut", 
            "firehose:PutRecord"
        ], 
        "Resource": "*", 
        "Effect": "Allow"
    }
})),
    ];
    assert_eq!(policies.len(), 29);
    for (name, policy) in &policies {
        let errors: Vec<_> = policy.validate(policy.kind()).into_iter().filter(|d| d.is_error()).collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
        let json: serde_json::Value = serde_json::from_str(&policy.to_json()).unwrap();
        assert_eq!(json["Version"], "2012-10-17", "{name}");
    }
}
