//! The security rules' facts: which action combinations escalate privilege, which actions
//! read data or return credentials, which condition keys restrict a public or
//! cross-account principal. Hand-kept, each entry with its source; a test resolves every
//! action in the catalog, so none can be misspelled.
//!
//! Sources:
//! - Rhino Security Labs, Spencer Gietzen, "AWS IAM Privilege Escalation – Methods and
//!   Mitigation" (2018): methods 1–21, cited as `Rhino N`.
//! - cloudsplaining 0.9.1 (`cloudsplaining/shared/constants.py`,
//!   `PRIVILEGE_ESCALATION_METHODS`, `ACTIONS_THAT_RETURN_CREDENTIALS`,
//!   `READ_ONLY_DATA_EXFILTRATION_ACTIONS`; `shared/default-exclusions.yml`,
//!   `include-actions`): the later methods it takes from pathfinding.cloud, cited as
//!   `pathfinding <id>`, and its credential and data lists.
//! - IAM User Guide, "IAM Access Analyzer policy check reference" (security warnings) and
//!   "AWS global condition context keys" for the condition keys that limit who a policy's
//!   principal can be.

/// One published privilege-escalation method: its name (as cloudsplaining names it), the
/// actions that together escalate, and the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EscalationMethod {
    /// The method's name, e.g. `PassExistingRoleToNewLambdaThenInvoke`.
    pub name: &'static str,
    /// The actions that, all granted on every resource, escalate privilege.
    pub actions: &'static [&'static str],
    /// Where the method is published.
    pub source: &'static str,
}

macro_rules! methods {
    ($($name:literal: [$($action:literal),+ $(,)?], $source:literal;)*) => {
        &[$(EscalationMethod { name: $name, actions: &[$($action),+], source: $source }),*]
    };
}

/// Every privilege-escalation method: the 21 of Rhino Security Labs (as cloudsplaining
/// 0.9.1 encodes them: it drops `sts:AssumeRole` from Rhino 9, 12 and 14, because a
/// role's trust policy that names the principal lets it assume the role in its own
/// account, and splits Rhino 16 in two), then the later ones cloudsplaining 0.9.1 lists.
/// Rhino's `CodeStar` methods are gone: `CodeStar` was discontinued and its actions are no
/// longer in the Service Authorization Reference.
pub const ESCALATION_METHODS: &[EscalationMethod] = methods! {
    "CreateNewPolicyVersion": ["iam:CreatePolicyVersion"], "Rhino 1";
    "SetExistingDefaultPolicyVersion": ["iam:SetDefaultPolicyVersion"], "Rhino 2";
    "CreateEC2WithExistingIP": ["iam:PassRole", "ec2:RunInstances"], "Rhino 3";
    "CreateAccessKey": ["iam:CreateAccessKey"], "Rhino 4";
    "CreateLoginProfile": ["iam:CreateLoginProfile"], "Rhino 5";
    "UpdateLoginProfile": ["iam:UpdateLoginProfile"], "Rhino 6";
    "AttachUserPolicy": ["iam:AttachUserPolicy"], "Rhino 7";
    "AttachGroupPolicy": ["iam:AttachGroupPolicy"], "Rhino 8";
    "AttachRolePolicy": ["iam:AttachRolePolicy"], "Rhino 9";
    "PutUserPolicy": ["iam:PutUserPolicy"], "Rhino 10";
    "PutGroupPolicy": ["iam:PutGroupPolicy"], "Rhino 11";
    "PutRolePolicy": ["iam:PutRolePolicy"], "Rhino 12";
    "AddUserToGroup": ["iam:AddUserToGroup"], "Rhino 13";
    "UpdateRolePolicyToAssumeIt": ["iam:UpdateAssumeRolePolicy"], "Rhino 14";
    "PassExistingRoleToNewLambdaThenInvoke": ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"], "Rhino 15";
    "PassExistingRoleToNewLambdaThenTriggerWithNewDynamo": ["iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping", "dynamodb:CreateTable", "dynamodb:PutItem"], "Rhino 16";
    "PassExistingRoleToNewLambdaThenTriggerWithExistingDynamo": ["iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"], "Rhino 16";
    "EditExistingLambdaFunctionWithRole": ["lambda:UpdateFunctionCode"], "Rhino 17";
    "PassExistingRoleToNewGlueDevEndpoint": ["iam:PassRole", "glue:CreateDevEndpoint"], "Rhino 18";
    "UpdateExistingGlueDevEndpoint": ["glue:UpdateDevEndpoint"], "Rhino 19";
    "PassExistingRoleToCloudFormation": ["iam:PassRole", "cloudformation:CreateStack"], "Rhino 20";
    "PassExistingRoleToNewDataPipeline": ["iam:PassRole", "datapipeline:CreatePipeline"], "Rhino 21";
    "AccessExistingBedrockCodeInterpreterSession": ["bedrock-agentcore:StartCodeInterpreterSession", "bedrock-agentcore:InvokeCodeInterpreter"], "pathfinding bedrock-002";
    "ExecuteCloudFormationChangeSet": ["cloudformation:CreateChangeSet", "cloudformation:ExecuteChangeSet"], "pathfinding cloudformation-005";
    "ModifyEC2InstanceUserDataThenRestart": ["ec2:ModifyInstanceAttribute", "ec2:StopInstances", "ec2:StartInstances"], "pathfinding ec2-002";
    "ModifyExistingEC2LaunchTemplate": ["ec2:CreateLaunchTemplateVersion", "ec2:ModifyLaunchTemplate"], "pathfinding ec2-004";
    "EC2InstanceConnectSendSSHPublicKey": ["ec2-instance-connect:SendSSHPublicKey", "ec2:DescribeInstances"], "pathfinding ec2instanceconnect-003";
    "ECSExecuteCommandOnRunningTask": ["ecs:ExecuteCommand", "ecs:DescribeTasks"], "pathfinding ecs-006";
    "UpdateAndInvokeLambdaFunction": ["lambda:UpdateFunctionCode", "lambda:InvokeFunction"], "pathfinding lambda-004";
    "UpdateLambdaFunctionAndAddPermission": ["lambda:UpdateFunctionCode", "lambda:AddPermission"], "pathfinding lambda-005";
    "CreatePresignedSageMakerNotebookUrl": ["sagemaker:CreatePresignedNotebookInstanceUrl"], "pathfinding sagemaker-004";
    "UpdateSageMakerNotebookLifecycleConfig": ["sagemaker:CreateNotebookInstanceLifecycleConfig", "sagemaker:StopNotebookInstance", "sagemaker:UpdateNotebookInstance", "sagemaker:StartNotebookInstance"], "pathfinding sagemaker-005";
    "PassExistingRoleToNewAppRunnerService": ["iam:PassRole", "apprunner:CreateService"], "pathfinding apprunner-001";
    "PassExistingRoleToNewBedrockCodeInterpreter": ["iam:PassRole", "bedrock-agentcore:CreateCodeInterpreter", "bedrock-agentcore:StartCodeInterpreterSession", "bedrock-agentcore:InvokeCodeInterpreter"], "pathfinding bedrock-001";
    "PassExistingRoleToNewCloudFormationStackSet": ["iam:PassRole", "cloudformation:CreateStackSet", "cloudformation:CreateStackInstances"], "pathfinding cloudformation-003";
    "PassRoleToUpdateCloudFormationStackSet": ["iam:PassRole", "cloudformation:UpdateStackSet"], "pathfinding cloudformation-004";
    "PassExistingRoleToNewCodeBuildProjectThenBuild": ["iam:PassRole", "codebuild:CreateProject", "codebuild:StartBuild"], "pathfinding codebuild-001";
    "PassExistingRoleToNewCodeBuildProjectThenBuildBatch": ["iam:PassRole", "codebuild:CreateProject", "codebuild:StartBuildBatch"], "pathfinding codebuild-004";
    "PassExistingRoleToNewEC2SpotInstance": ["iam:PassRole", "ec2:RequestSpotInstances"], "pathfinding ec2-003";
    "PassExistingRoleToNewECSClusterServiceTask": ["iam:PassRole", "ecs:CreateCluster", "ecs:RegisterTaskDefinition", "ecs:CreateService"], "pathfinding ecs-001";
    "PassExistingRoleToNewECSClusterRunTask": ["iam:PassRole", "ecs:CreateCluster", "ecs:RegisterTaskDefinition", "ecs:RunTask"], "pathfinding ecs-002";
    "PassExistingRoleToNewECSService": ["iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:CreateService"], "pathfinding ecs-003";
    "PassExistingRoleToNewECSTaskViaRunTask": ["iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:RunTask"], "pathfinding ecs-004";
    "PassExistingRoleToNewECSTaskViaStartTask": ["iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:StartTask"], "pathfinding ecs-005";
    "PassExistingRoleToNewGlueJobThenRun": ["iam:PassRole", "glue:CreateJob", "glue:StartJobRun"], "pathfinding glue-003";
    "PassExistingRoleToNewGlueJobViaTrigger": ["iam:PassRole", "glue:CreateJob", "glue:CreateTrigger"], "pathfinding glue-004";
    "PassExistingRoleToUpdatedGlueJobThenRun": ["iam:PassRole", "glue:UpdateJob", "glue:StartJobRun"], "pathfinding glue-005";
    "PassExistingRoleToUpdatedGlueJobViaTrigger": ["iam:PassRole", "glue:UpdateJob", "glue:CreateTrigger"], "pathfinding glue-006";
    "PassExistingRoleToNewLambdaThenAddPermission": ["iam:PassRole", "lambda:CreateFunction", "lambda:AddPermission"], "pathfinding lambda-006";
    "PassExistingRoleToNewSageMakerNotebookInstance": ["iam:PassRole", "sagemaker:CreateNotebookInstance"], "pathfinding sagemaker-001";
    "PassExistingRoleToNewSageMakerTrainingJob": ["iam:PassRole", "sagemaker:CreateTrainingJob"], "pathfinding sagemaker-002";
    "PassExistingRoleToNewSageMakerProcessingJob": ["iam:PassRole", "sagemaker:CreateProcessingJob"], "pathfinding sagemaker-003";
    "CreateAndRotateAccessKey": ["iam:CreateAccessKey", "iam:DeleteAccessKey"], "pathfinding iam-003";
    "AttachUserPolicyThenCreateAccessKey": ["iam:AttachUserPolicy", "iam:CreateAccessKey"], "pathfinding iam-015";
    "CreatePolicyVersionThenAssumeRole": ["iam:CreatePolicyVersion", "sts:AssumeRole"], "pathfinding iam-016";
    "PutUserPolicyThenCreateAccessKey": ["iam:PutUserPolicy", "iam:CreateAccessKey"], "pathfinding iam-018";
    "AttachRolePolicyThenUpdateAssumeRolePolicy": ["iam:AttachRolePolicy", "iam:UpdateAssumeRolePolicy"], "pathfinding iam-019";
    "CreatePolicyVersionThenUpdateAssumeRolePolicy": ["iam:CreatePolicyVersion", "iam:UpdateAssumeRolePolicy"], "pathfinding iam-020";
    "PutRolePolicyThenUpdateAssumeRolePolicy": ["iam:PutRolePolicy", "iam:UpdateAssumeRolePolicy"], "pathfinding iam-021";
};

/// Read actions that return stored data or secrets: cloudsplaining 0.9.1's
/// `READ_ONLY_DATA_EXFILTRATION_ACTIONS` and the two RDS snapshot actions its default
/// `include-actions` adds ("can be used to exfiltrate RDS database contents").
pub const DATA_EXFILTRATION_ACTIONS: &[&str] = &[
    "s3:GetObject",
    "ssm:GetParameter",
    "ssm:GetParameters",
    "ssm:GetParametersByPath",
    "secretsmanager:GetSecretValue",
    "rds:CopyDBSnapshot",
    "rds:CreateDBSnapshot",
];

/// Actions whose response carries credentials (keys, tokens, passwords): cloudsplaining
/// 0.9.1's `ACTIONS_THAT_RETURN_CREDENTIALS` (from Kinnaird `McQuade`'s list), with its
/// misspellings fixed: its `gamelist:GetComputeAccess` and `gamelist:GetComputeAuthToken`
/// are `GameLift`'s; its `connect:GetFederationTokens` is no action (Amazon Connect has
/// `GetFederationToken` only). Its `sso:GetRoleCredentials` is left out: the IAM Identity
/// Center portal API takes a bearer token, not IAM authorization, and the Service
/// Authorization Reference has no such action.
pub const CREDENTIALS_ACTIONS: &[&str] = &[
    "airflow:CreateCliToken",
    "airflow:CreateWebLoginToken",
    "appsync:CreateApiKey",
    "chime:CreateApiKey",
    "cloud9:CreateEnvironmentToken",
    "codeartifact:GetAuthorizationToken",
    "codepipeline:PollForJobs",
    "cognito-identity:GetOpenIdToken",
    "cognito-identity:GetOpenIdTokenForDeveloperIdentity",
    "cognito-identity:GetCredentialsForIdentity",
    "cognito-idp:GetSigningCertificate",
    "connect:GetFederationToken",
    "ec2:GetPasswordData",
    "ecr:GetAuthorizationToken",
    "ecr-public:GetAuthorizationToken",
    "emr-containers:GetManagedEndpointSessionCredentials",
    "finspace-api:GetProgrammaticAccessCredentials",
    "gamelift:RequestUploadCredentials",
    "gamelift:GetInstanceAccess",
    "gamelift:GetComputeAccess",
    "gamelift:GetComputeAuthToken",
    "grafana:CreateWorkspaceApiKey",
    "iam:CreateAccessKey",
    "iam:CreateLoginProfile",
    "iam:CreateServiceSpecificCredential",
    "iam:ResetServiceSpecificCredential",
    "iam:UpdateAccessKey",
    "license-manager:GetAccessToken",
    "lightsail:GetInstanceAccessDetails",
    "lightsail:DownloadDefaultKeyPair",
    "lightsail:CreateBucketAccessKey",
    "lightsail:GetRelationalDatabaseMasterUserPassword",
    "mediapackage:RotateChannelCredentials",
    "mediapackage:RotateIngestEndpointCredentials",
    "rds-db:connect",
    "redshift:GetClusterCredentials",
    "redshift:GetClusterCredentialsWithIAM",
    "redshift-serverless:GetCredentials",
    "sts:AssumeRole",
    "sts:AssumeRoleWithSAML",
    "sts:AssumeRoleWithWebIdentity",
    "sts:GetFederationToken",
    "sts:GetSessionToken",
];

/// Name prefixes of actions that read or call rather than change permissions. The Service
/// Authorization Reference files some of them under "Permissions management" (of the
/// 425 actions at that level in the catalog of 2026-09-26, 40 begin so:
/// `backup:ListIndexedRecoveryPointsForSearch`, `glue:GetStage`, `ds:AccessDSData`,
/// `managedblockchain:GET`, `fsx:GetResourcePolicy`, ...), which would put
/// `resource-exposure` on read-only policies such as `ReadOnlyAccess`. By their own
/// descriptions these actions read a resource, its policy, or call its API; none changes
/// who may use a resource, so `resource-exposure` leaves them out. (`Describe*Permissions`
/// reads; `Invoke*` calls.)
pub const NOT_EXPOSING_PREFIXES: &[&str] = &[
    "Access", "BatchGet", "Describe", "Get", "GET", "Invoke", "List", "POST", "Search", "View",
];

/// Condition keys that limit which principals a statement open to `"*"` applies to, so
/// that it is not public: IAM User Guide, "IAM Access Analyzer policy check reference"
/// and "Preview access: how Access Analyzer determines public access" name these keys (a
/// statement with `Principal: "*"` is public unless a condition with one of them limits
/// it to known accounts, organizations, networks or sources).
pub const PRINCIPAL_LIMITING_KEYS: &[&str] = &[
    "aws:PrincipalAccount",
    "aws:PrincipalArn",
    "aws:PrincipalOrgID",
    "aws:PrincipalOrgPaths",
    "aws:PrincipalServiceName",
    "aws:PrincipalServiceNamesList",
    "aws:SourceAccount",
    "aws:SourceArn",
    "aws:SourceOrgID",
    "aws:SourceOrgPaths",
    "aws:SourceIp",
    "aws:SourceVpc",
    "aws:SourceVpce",
    "aws:VpcSourceIp",
    "aws:userid",
    "aws:username",
    "kms:CallerAccount",
    "kms:ViaService",
    "lambda:EventSourceToken",
    "s3:DataAccessPointAccount",
    "s3:DataAccessPointArn",
    "sns:Endpoint",
    "ses:FromAddress",
];

/// Condition keys that make a cross-account trust safe from the confused deputy: an
/// external id the third party must pass ("How to use an external ID when granting access
/// to your AWS resources to a third party", IAM User Guide), or a limit to the principal's
/// organization or exact principals ("AWS global condition context keys").
pub const CROSS_ACCOUNT_LIMITING_KEYS: &[&str] = &[
    "sts:ExternalId",
    "aws:PrincipalOrgID",
    "aws:PrincipalOrgPaths",
    "aws:PrincipalArn",
    "aws:SourceIdentity",
    "sts:SourceIdentity",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every action of every list is a catalog action, spelled as the catalog spells it.
    #[test]
    fn every_listed_action_is_a_catalog_action() {
        let listed = ESCALATION_METHODS
            .iter()
            .flat_map(|m| m.actions.iter())
            .chain(DATA_EXFILTRATION_ACTIONS)
            .chain(CREDENTIALS_ACTIONS);
        let mut missing = Vec::new();
        for name in listed {
            match crate::action(name) {
                Some(action) if action.full_name() == *name => {}
                Some(action) => missing.push(format!("{name} (catalog: {})", action.full_name())),
                None => missing.push((*name).to_owned()),
            }
        }
        assert!(missing.is_empty(), "not in the catalog: {missing:?}");
    }

    /// The read-verb rule removes only actions whose names start with a read verb, and
    /// keeps the ones that change permissions.
    #[test]
    fn not_exposing_prefixes_leave_permission_changes_in() {
        let left_out = |name: &str| {
            let action = crate::action(name).unwrap_or_else(|| panic!("{name}"));
            NOT_EXPOSING_PREFIXES
                .iter()
                .any(|p| action.name().starts_with(p))
        };
        assert!(left_out("backup:ListIndexedRecoveryPointsForSearch"));
        assert!(left_out("managedblockchain:GET"));
        for changes in [
            "s3:PutBucketPolicy",
            "kms:CreateGrant",
            "iam:AttachRolePolicy",
            "ram:CreateResourceShare",
        ] {
            assert!(!left_out(changes), "{changes}");
        }
    }

    #[test]
    fn method_names_are_unique_and_every_method_has_a_source() {
        let mut names: Vec<_> = ESCALATION_METHODS.iter().map(|m| m.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ESCALATION_METHODS.len());
        let rhino: std::collections::BTreeSet<_> = ESCALATION_METHODS
            .iter()
            .filter_map(|m| m.source.strip_prefix("Rhino "))
            .collect();
        assert_eq!(rhino.len(), 21, "the 21 methods of Rhino Security Labs");
    }

    /// Every condition key listed is a global key or a service key of the catalog.
    #[test]
    fn every_listed_key_is_known() {
        for key in PRINCIPAL_LIMITING_KEYS
            .iter()
            .chain(CROSS_ACCOUNT_LIMITING_KEYS)
        {
            let known = crate::global_keys::global_key(key).is_some()
                || key.split_once(':').is_some_and(|(prefix, _)| {
                    crate::service(prefix).is_some_and(|s| s.condition_key(key).is_some())
                });
            assert!(known, "{key}");
        }
    }
}
