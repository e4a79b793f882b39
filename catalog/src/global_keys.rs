//! Curated global condition keys and policy-variable sources.
//!
//! # What
//!
//! [`GLOBAL_KEYS`] lists every condition key that AWS documents as usable with every
//! service: the `aws:` global keys, and the cross-service keys that a role session carries
//! into requests to other services (`ec2:SourceInstanceArn`, `lambda:SourceFunctionArn`,
//! `glue:RoleAssumedBy`, ...). Each entry records the key's data type, whether it is
//! multivalued, whether it can be a policy variable, and the documentation section it
//! was taken from. The per-service catalog (generated from the Service Authorization
//! Reference) lists only the global keys each service mentions, and not always all of
//! them; this table is what makes a global key known in every statement.
//!
//! # Where from
//!
//! Read on 2026-11-28 ([`DOCS_READ`]):
//!
//! - IAM User Guide, "AWS global condition context keys"
//!   (`reference_policies_condition-keys`): the five property tables (principal, role
//!   session, network, resource, request), and for each key its "Data type" and "Value
//!   type". This is the source of every entry except the last five.
//! - IAM User Guide, "TIP context keys and runtime claims for IAM federation"
//!   (`id_roles_providers_tip_federation_context_keys`) and the AWS STS API Reference
//!   types `OriginIdentity` and `TransactionContext`: the trusted identity propagation
//!   session keys `aws:OriginIdentity/*` and `aws:TransactionContext/IdentityProvider/*`.
//!   These are not in the property tables of the global keys page as read; their condition
//!   data type is not stated anywhere read, only the API type `String` (see the entries).
//! - IAM User Guide, "IAM policy elements: Variables and tags"
//!   (`reference_policies_variables`) and "Single-valued vs. multivalued context keys":
//!   "You can use any single-valued condition key as a variable. You can't use a
//!   multivalued condition key as a variable." So [`GlobalKey::variable`] is exactly
//!   `!multivalued`. The page also says service-specific keys can be variables; those are
//!   in the per-service catalog, not here. [`is_policy_variable`] adds the federated
//!   identity keys that AWS documents as variables (`${saml:sub}`,
//!   `${www.amazon.com:user_id}`, ...), each with its source.
//! - The global keys page gives `aws:EpochTime` two data types, "Date, Numeric": it takes
//!   date *and* numeric operators ([`ALSO_NUMERIC`]).
//!
//! Not included: the SAML and OIDC federation keys that the global keys page mentions under
//! "Other cross-service condition keys" only by a link to "IAM and AWS STS condition context
//! keys" without naming them (`saml:sub`, `accounts.google.com:aud`, ...). They are in the
//! catalog as keys of the `sts` service.
//!
//! # How to update
//!
//! Open the global keys page, compare its property tables (the table at the top of the
//! page) with [`GLOBAL_KEYS`], and for each new key copy the name as the page writes it
//! (`*tag-key*` becomes `${TagKey}`), its "Data type" (`(list)` and "Value type –
//! Multivalued" mean `MULTI`) and its anchor (`<a name="...">`). Keep the
//! entries in page order, update [`DOCS_READ`], and run
//! `cargo test -p iam-catalog global_keys`: the tests check names, duplicates, the set of
//! multivalued keys and the key counts, so the counts must be updated on purpose.

use crate::model::ConditionType;
use crate::query::template_matches;

/// The date on which the AWS documentation behind this table was read (`YYYY-MM-DD`).
pub const DOCS_READ: &str = "2026-11-28";

/// A global (or cross-service) condition key, curated from the IAM User Guide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct GlobalKey {
    /// The key as AWS writes it; a `${TagKey}` template where the key takes a tag name.
    pub name: &'static str,
    /// The type of its values (the docs' "Data type").
    pub value_type: ConditionType,
    /// Whether the key is multivalued (the docs' "Value type: Multivalued").
    pub multivalued: bool,
    /// Whether the key is a policy-variable source (can appear as `${aws:username}` etc.).
    pub variable: bool,
    /// Where the fact comes from: the doc page (URL) and section anchor.
    pub source: &'static str,
}

impl GlobalKey {
    /// Whether the name holds a `${...}` template (`aws:ResourceTag/${TagKey}`).
    pub fn is_templated(&self) -> bool {
        self.name.as_bytes().contains(&b'$') && self.name.contains("${")
    }

    /// Whether the docs give the key a numeric data type besides [`GlobalKey::value_type`],
    /// so that `Numeric*` operators fit it too (see [`ALSO_NUMERIC`]).
    pub fn also_numeric(&self) -> bool {
        ALSO_NUMERIC
            .iter()
            .any(|name| name.eq_ignore_ascii_case(self.name))
    }
}

/// A section of the global keys page.
macro_rules! page {
    ($anchor:literal) => {
        concat!(
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#",
            $anchor
        )
    };
}

/// An entry; a key is a policy-variable source exactly when it is single-valued (the
/// variables page: "You can use any single-valued condition key as a variable. You can't
/// use a multivalued condition key as a variable.").
const fn key(
    name: &'static str,
    value_type: ConditionType,
    multivalued: bool,
    source: &'static str,
) -> GlobalKey {
    GlobalKey {
        name,
        value_type,
        multivalued,
        variable: !multivalued,
        source,
    }
}

/// A single-valued key.
const SINGLE: bool = false;
/// A multivalued key ("Data type – String (list)", "Value type – Multivalued").
const MULTI: bool = true;

/// The STS API Reference section that names the `aws:OriginIdentity/*` keys.
const STS_ORIGIN_IDENTITY: &str = "https://docs.aws.amazon.com/STS/latest/APIReference/API_OriginIdentity.html#API_OriginIdentity_Contents";
/// The STS API Reference section that names the `aws:TransactionContext/IdentityProvider/*`
/// keys.
const STS_TRANSACTION_CONTEXT: &str = "https://docs.aws.amazon.com/STS/latest/APIReference/API_TransactionContext.html#API_TransactionContext_Contents";

/// The table below, one `name, type, SINGLE|MULTI, source;` row per key (a macro so that
/// rustfmt keeps it a table).
macro_rules! keys {
    ($($name:literal, $value_type:ident, $values:ident, $source:expr;)*) => {
        &[$(key($name, ConditionType::$value_type, $values, $source)),*]
    };
}

/// Every curated key, in the order of the global keys page (principal, role session,
/// network, resource, request), then the trusted identity propagation session keys.
pub static GLOBAL_KEYS: &[GlobalKey] = keys! {
    // Properties of the principal.
    "aws:PrincipalArn",                                   Arn,       SINGLE, page!("condition-keys-principalarn");
    "aws:PrincipalAccount",                               String,    SINGLE, page!("condition-keys-principalaccount");
    "aws:PrincipalOrgPaths",                              String,    MULTI,  page!("condition-keys-principalorgpaths");
    "aws:PrincipalOrgID",                                 String,    SINGLE, page!("condition-keys-principalorgid");
    "aws:PrincipalTag/${TagKey}",                         String,    SINGLE, page!("condition-keys-principaltag");
    "aws:PrincipalIsAWSService",                          Bool,      SINGLE, page!("condition-keys-principalisawsservice");
    "aws:PrincipalServiceName",                           String,    SINGLE, page!("condition-keys-principalservicename");
    "aws:PrincipalServiceNamesList",                      String,    MULTI,  page!("condition-keys-principalservicenameslist");
    "aws:PrincipalType",                                  String,    SINGLE, page!("condition-keys-principaltype");
    "aws:userid",                                         String,    SINGLE, page!("condition-keys-userid");
    "aws:username",                                       String,    SINGLE, page!("condition-keys-username");
    // Properties of a role session.
    "aws:AssumedRoot",                                    Bool,      SINGLE, page!("condition-keys-assumedroot");
    // The page gives "String*": with an IdP that is not built in (GitHub, EKS) the value is
    // the provider's ARN. Recorded as String, the type the page states.
    "aws:FederatedProvider",                              String,    SINGLE, page!("condition-keys-federatedprovider");
    "aws:TokenIssueTime",                                 Date,      SINGLE, page!("condition-keys-tokenissuetime");
    "aws:SignInSessionArn",                               Arn,       SINGLE, page!("condition-keys-signinsessionarn");
    "aws:MultiFactorAuthAge",                             Numeric,   SINGLE, page!("condition-keys-multifactorauthage");
    "aws:MultiFactorAuthPresent",                         Bool,      SINGLE, page!("condition-keys-multifactorauthpresent");
    "aws:ChatbotSourceArn",                               Arn,       SINGLE, page!("condition-keys-chatbotsourcearn");
    "aws:Ec2InstanceSourceVpc",                           String,    SINGLE, page!("condition-keys-ec2instancesourcevpc");
    "aws:Ec2InstanceSourcePrivateIPv4",                   IpAddress, SINGLE, page!("condition-keys-ec2instancesourceprivateip4");
    "aws:SourceIdentity",                                 String,    SINGLE, page!("condition-keys-sourceidentity");
    // Cross-service keys of a role session (same table, same section).
    "ec2:RoleDelivery",                                   Numeric,   SINGLE, page!("condition-keys-ec2-role-delivery");
    // Written `ec2:SourceInstanceARN` elsewhere in the docs; lookups ignore case.
    "ec2:SourceInstanceArn",                              Arn,       SINGLE, page!("condition-keys-ec2-source-instance-arn");
    "glue:RoleAssumedBy",                                 String,    SINGLE, page!("condition-keys-glue-role-assumed-by");
    "glue:CredentialIssuingService",                      String,    SINGLE, page!("condition-keys-glue-credential-issuing");
    "codebuild:BuildArn",                                 Arn,       SINGLE, page!("condition-keys-codebuild-build-arn");
    "codebuild:ProjectArn",                               Arn,       SINGLE, page!("condition-keys-codebuild-project-arn");
    "lambda:SourceFunctionArn",                           Arn,       SINGLE, page!("condition-keys-lambda-source-function-arn");
    "ssm:SourceInstanceArn",                              Arn,       SINGLE, page!("condition-keys-ssm-source-instance-arn");
    "identitystore:UserId",                               String,    SINGLE, page!("condition-keys-identity-store-user-id");
    // Properties of the network.
    "aws:SourceIp",                                       IpAddress, SINGLE, page!("condition-keys-sourceip");
    "aws:SourceVpc",                                      String,    SINGLE, page!("condition-keys-sourcevpc");
    "aws:SourceVpcArn",                                   Arn,       SINGLE, page!("condition-keys-sourcevpcarn");
    "aws:SourceVpce",                                     String,    SINGLE, page!("condition-keys-sourcevpce");
    "aws:VpceAccount",                                    String,    SINGLE, page!("condition-keys-vpceaccount");
    "aws:VpceOrgID",                                      String,    SINGLE, page!("condition-keys-vpceorgid");
    "aws:VpceOrgPaths",                                   String,    MULTI,  page!("condition-keys-vpceorgpaths");
    "aws:VpcSourceIp",                                    IpAddress, SINGLE, page!("condition-keys-vpcsourceip");
    // Properties of the resource.
    "aws:ResourceAccount",                                String,    SINGLE, page!("condition-keys-resourceaccount");
    "aws:ResourceOrgPaths",                               String,    MULTI,  page!("condition-keys-resourceorgpaths");
    "aws:ResourceOrgID",                                  String,    SINGLE, page!("condition-keys-resourceorgid");
    "aws:ResourceTag/${TagKey}",                          String,    SINGLE, page!("condition-keys-resourcetag");
    // Properties of the request.
    "aws:CalledVia",                                      String,    MULTI,  page!("condition-keys-calledvia");
    "aws:CalledViaFirst",                                 String,    SINGLE, page!("condition-keys-calledviafirst");
    "aws:CalledViaLast",                                  String,    SINGLE, page!("condition-keys-calledvialast");
    "aws:ViaAWSService",                                  Bool,      SINGLE, page!("condition-keys-viaawsservice");
    // The anchor is spelled `calledviaawasmcp` on the page.
    "aws:CalledViaAWSMCP",                                String,    SINGLE, page!("condition-keys-calledviaawasmcp");
    "aws:ViaAWSMCPService",                               Bool,      SINGLE, page!("condition-keys-viaawsmcpservice");
    "aws:CurrentTime",                                    Date,      SINGLE, page!("condition-keys-currenttime");
    // "Data type – Date, Numeric": also in ALSO_NUMERIC.
    "aws:EpochTime",                                      Date,      SINGLE, page!("condition-keys-epochtime");
    "aws:referer",                                        String,    SINGLE, page!("condition-keys-referer");
    "aws:RequestedRegion",                                String,    SINGLE, page!("condition-keys-requestedregion");
    "aws:RequestTag/${TagKey}",                           String,    SINGLE, page!("condition-keys-requesttag");
    "aws:TagKeys",                                        String,    MULTI,  page!("condition-keys-tagkeys");
    "aws:SecureTransport",                                Bool,      SINGLE, page!("condition-keys-securetransport");
    "aws:SourceAccount",                                  String,    SINGLE, page!("condition-keys-sourceaccount");
    "aws:SourceArn",                                      Arn,       SINGLE, page!("condition-keys-sourcearn");
    "aws:SourceOrgID",                                    String,    SINGLE, page!("condition-keys-sourceorgid");
    "aws:SourceOrgPaths",                                 String,    MULTI,  page!("condition-keys-sourceorgpaths");
    "aws:UserAgent",                                      String,    SINGLE, page!("condition-keys-useragent");
    "aws:IsMcpServiceAction",                             Bool,      SINGLE, page!("condition-keys-ismcpserviceaction");
    // Trusted identity propagation (TIP) session keys, set by AWS STS from the identity
    // provider's token. Defined in the IAM User Guide page "TIP context keys and runtime
    // claims for IAM federation"; the STS API Reference gives each value the type String
    // and one value per key. The condition data type is not stated in what was read:
    // String is an assumption, also for `FederatedProviderArn` (an ARN value).
    "aws:OriginIdentity/Subject",                         String,    SINGLE, STS_ORIGIN_IDENTITY;
    "aws:OriginIdentity/SubjectType",                     String,    SINGLE, STS_ORIGIN_IDENTITY;
    "aws:OriginIdentity/Issuer",                          String,    SINGLE, STS_ORIGIN_IDENTITY;
    "aws:OriginIdentity/FederatedProviderArn",            String,    SINGLE, STS_ORIGIN_IDENTITY;
    // "The session's aws:TransactionContext/IdentityProvider/* keys, keyed by the part of
    // the key name after aws:TransactionContext/IdentityProvider/."
    "aws:TransactionContext/IdentityProvider/${KeyName}", String,    SINGLE, STS_TRANSACTION_CONTEXT;
    // Not in the global keys page's tables as read, but filled by IAM for a principal in
    // an organization: the IAM User Guide page "Testing IAM policies with the IAM policy
    // simulator" names it among the organization keys the simulator fills for the
    // principal (with `aws:PrincipalOrgID` and `aws:PrincipalOrgPaths`), and AWS's own
    // managed policy `AWSSSOServiceRolePolicy` (IAM Identity Center's service-linked role)
    // tests it against `${aws:PrincipalAccount}`. Its value is the management account's
    // 12-digit id: one String value.
    "aws:PrincipalOrgMasterAccountId",                    String,    SINGLE, PRINCIPAL_ORG_MASTER;
};

/// The source of `aws:PrincipalOrgMasterAccountId` (see its entry in [`GLOBAL_KEYS`]).
const PRINCIPAL_ORG_MASTER: &str =
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_testing-policies.html";

/// Keys whose documented data type is both [`ConditionType::Date`] (their
/// [`GlobalKey::value_type`]) and [`ConditionType::Numeric`], so that both `Date*` and
/// `Numeric*` operators fit them. Global keys page, `aws:EpochTime`: "Data type – Date,
/// Numeric"; "This key also accepts the number of seconds since January 1, 1970."
pub static ALSO_NUMERIC: &[&str] = &["aws:EpochTime"];

/// Keys the global keys page calls sensitive: "The use of wildcards in these condition keys
/// does not have any valid use cases, even with a substring of the key value with a
/// wildcard." Source: [`SENSITIVE_SOURCE`].
pub static SENSITIVE: &[&str] = &[
    "aws:PrincipalAccount",
    "aws:PrincipalOrgID",
    "aws:ResourceAccount",
    "aws:ResourceOrgID",
    "aws:SourceAccount",
    "aws:SourceOrgID",
    "aws:SourceVpc",
    "aws:SourceVpce",
    "aws:VpceAccount",
    "aws:VpceOrgID",
];

/// Where [`SENSITIVE`] comes from.
pub const SENSITIVE_SOURCE: &str = page!("condition-keys-sensitive");

/// Policy-variable sources that are not global keys: federated identity keys that AWS
/// documents as variables (`${saml:sub}` in a resource ARN, ...). Any other single-valued
/// service-specific key can also be a variable (variables page, "Using variables in
/// policies"); those are in the per-service catalog.
static VARIABLE_ONLY: &[&str] = &[
    // IAM User Guide, "Uniquely identifying users in SAML-based federation": the example
    // resource `arn:aws:s3:::exampleorgBucket/backup/${saml:namequalifier}/${saml:sub}`.
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_saml.html#CreatingSAML-userid
    "saml:namequalifier",
    "saml:sub",
    // Amazon DynamoDB Developer Guide, "Using IAM policy conditions for fine-grained access
    // control": "The IAM substitution variables ${www.amazon.com:user_id},
    // ${graph.facebook.com:id}, and ${accounts.google.com:sub} contain user identifiers for
    // Login with Amazon, Facebook, and Google."
    // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html
    "www.amazon.com:user_id",
    "graph.facebook.com:id",
    "accounts.google.com:sub",
    // IAM User Guide, "Amazon S3: Allows Amazon Cognito users to access objects in their
    // bucket": the resource `.../${cognito-identity.amazonaws.com:sub}/*`.
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_s3_cognito-bucket.html
    "cognito-identity.amazonaws.com:sub",
];

/// The curated key matching `name` (ASCII case-insensitive; a `${TagKey}` template matches
/// any non-empty tag name, e.g. `aws:PrincipalTag/team`).
pub fn global_key(name: &str) -> Option<&'static GlobalKey> {
    GLOBAL_KEYS
        .iter()
        .find(|key| key.name.eq_ignore_ascii_case(name))
        .or_else(|| {
            // The templated keys, found once per process.
            static TEMPLATED: std::sync::OnceLock<Vec<&'static GlobalKey>> =
                std::sync::OnceLock::new();
            TEMPLATED
                .get_or_init(|| GLOBAL_KEYS.iter().filter(|k| k.is_templated()).collect())
                .iter()
                .copied()
                .find(|key| template_matches(key.name, name))
        })
}

/// The claim keys of web identity (OIDC) federation: `PROVIDER:claim`, where PROVIDER is
/// the identity provider's URL without `https://` — `token.actions.githubusercontent.com:sub`
/// for GitHub Actions, `oidc.eks.REGION.amazonaws.com/id/ID:aud` for EKS service accounts.
/// The IAM User Guide ("Available keys for AWS OIDC federation") documents `aud`, `azp`,
/// `sub`, `amr`, `oaud` and `email` for any OIDC provider; the Service Authorization
/// Reference lists them only for the providers it names, so the engine would otherwise
/// reject the most common trust policies. Kept apart from [`GLOBAL_KEYS`]: they are keys of
/// STS's `AssumeRoleWithWebIdentity`, not global keys.
pub static OIDC_CLAIM_KEYS: &[GlobalKey] = keys! {
    "${ProviderUrl}:aud",   String, SINGLE, OIDC_PAGE;
    "${ProviderUrl}:azp",   String, SINGLE, OIDC_PAGE;
    "${ProviderUrl}:sub",   String, SINGLE, OIDC_PAGE;
    "${ProviderUrl}:amr",   String, MULTI,  OIDC_PAGE;
    "${ProviderUrl}:oaud",  String, SINGLE, OIDC_PAGE;
    "${ProviderUrl}:email", String, SINGLE, OIDC_PAGE;
};

/// "Available keys for AWS OIDC federation" in the IAM User Guide.
const OIDC_PAGE: &str = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif";

/// The OIDC claim key `name` names, when its prefix is a provider URL (it has a `.`, as
/// no service prefix does): `token.actions.githubusercontent.com:aud`.
pub fn oidc_claim_key(name: &str) -> Option<&'static GlobalKey> {
    oidc_provider(name)?;
    OIDC_CLAIM_KEYS
        .iter()
        .find(|key| template_matches(key.name, name))
}

/// The OIDC provider a condition key names, when its prefix is a provider URL (it has a
/// `.`, as no service prefix does): `token.actions.githubusercontent.com` in
/// `token.actions.githubusercontent.com:iss`.
pub fn oidc_provider(name: &str) -> Option<&str> {
    let (provider, _) = name.rsplit_once(':')?;
    provider.contains('.').then_some(provider)
}

/// The claims a condition key may test for an OIDC provider, as [`OIDC_CLAIM_KEYS`] writes
/// them (`aud`, `azp`, `sub`, ...), in the order of the IAM User Guide section.
pub fn oidc_claims() -> impl Iterator<Item = &'static str> {
    OIDC_CLAIM_KEYS
        .iter()
        .filter_map(|key| key.name.rsplit_once(':').map(|(_, claim)| claim))
}

/// Whether `name` (without `${` `}` and without a default value) can be used as a policy
/// variable `${name}`: a single-valued curated key (`aws:username`, `aws:SourceIp`,
/// `aws:PrincipalTag/team`, `ec2:SourceInstanceARN`, ...), or one of the federated identity
/// keys AWS documents as variables (`saml:sub`, `www.amazon.com:user_id`,
/// `accounts.google.com:sub`, `graph.facebook.com:id`,
/// `cognito-identity.amazonaws.com:sub`, `saml:namequalifier`). Multivalued keys
/// (`aws:TagKeys`, ...) cannot be variables. Service-specific keys are not known here: the
/// docs allow any single-valued one, so ask the catalog
/// ([`crate::ConditionKey::is_multivalued`]) for those.
pub fn is_policy_variable(name: &str) -> bool {
    global_key(name).is_some_and(|key| key.variable)
        || VARIABLE_ONLY
            .iter()
            .any(|variable| variable.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(name: &str) -> &'static GlobalKey {
        global_key(name).unwrap_or_else(|| panic!("`{name}` should be a curated key"))
    }

    #[test]
    fn exact_lookups_ignore_ascii_case() {
        assert_eq!(get("aws:SourceIp").name, "aws:SourceIp");
        assert_eq!(get("AWS:SOURCEIP").name, "aws:SourceIp");
        assert_eq!(get("aws:sourceip").name, "aws:SourceIp");
        assert_eq!(get("aws:PrincipalOrgId").name, "aws:PrincipalOrgID");
        assert_eq!(get("ec2:SourceInstanceARN").name, "ec2:SourceInstanceArn");
        assert_eq!(
            get("Lambda:SourceFunctionArn").name,
            "lambda:SourceFunctionArn"
        );
        assert_eq!(get("aws:Referer").name, "aws:referer");
    }

    #[test]
    fn templates_match_any_non_empty_name() {
        assert_eq!(
            get("aws:PrincipalTag/team").name,
            "aws:PrincipalTag/${TagKey}"
        );
        assert_eq!(
            get("aws:principaltag/Team").name,
            "aws:PrincipalTag/${TagKey}"
        );
        assert_eq!(
            get("aws:ResourceTag/Cost-Center").name,
            "aws:ResourceTag/${TagKey}"
        );
        assert_eq!(get("aws:RequestTag/a:b/c").name, "aws:RequestTag/${TagKey}");
        assert_eq!(get("aws:RequestTag/x").name, "aws:RequestTag/${TagKey}");
        assert_eq!(
            get("aws:TransactionContext/IdentityProvider/department").name,
            "aws:TransactionContext/IdentityProvider/${KeyName}"
        );
        // The template itself is found too (e.g. for `explain`).
        assert_eq!(
            get("aws:ResourceTag/${TagKey}").name,
            "aws:ResourceTag/${TagKey}"
        );
    }

    #[test]
    fn unknown_and_malformed_names_are_not_found() {
        for name in [
            "",
            "aws:",
            ":",
            "aws",
            "aws:SourceIpp",
            "aws:SourceI",
            "aws:Source Ip",
            " aws:SourceIp",
            "aws:PrincipalTag",
            "aws:PrincipalTag/",
            "aws:ResourceTags/team",
            "aws:ResourceTagteam",
            "aws:TransactionContext/IdentityProvider/",
            "aws:TagKey",
            "s3:prefix",
            "s3:ResourceTag/team",
            "ec2:SourceInstanceArns",
            "iam:ResourceTag/team",
            "saml:sub",
        ] {
            assert_eq!(
                global_key(name),
                None,
                "`{name}` should not be a curated key"
            );
        }
    }

    #[test]
    fn every_name_has_a_prefix_and_a_key() {
        for key in GLOBAL_KEYS {
            let (prefix, rest) = key
                .name
                .split_once(':')
                .unwrap_or_else(|| panic!("`{}` has no `:`", key.name));
            assert!(
                !prefix.is_empty()
                    && prefix
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "`{}` has a bad prefix",
                key.name
            );
            assert!(
                !rest.is_empty(),
                "`{}` has no key after the prefix",
                key.name
            );
            assert!(
                !rest.contains(char::is_whitespace),
                "`{}` contains whitespace",
                key.name
            );
            // A template is `${Name}` as the catalog writes them, and at the end.
            if key.is_templated() {
                assert!(
                    key.name.ends_with('}'),
                    "`{}` has a template mid-name",
                    key.name
                );
                assert_eq!(key.name.matches("${").count(), 1, "`{}`", key.name);
            }
        }
    }

    #[test]
    fn no_duplicates_or_overlaps() {
        for (i, a) in GLOBAL_KEYS.iter().enumerate() {
            for b in GLOBAL_KEYS.iter().skip(i + 1) {
                assert!(
                    !a.name.eq_ignore_ascii_case(b.name),
                    "`{}` is listed twice",
                    a.name
                );
                // No key may also be matched by another key's template: a lookup must
                // never depend on the order of the table.
                let overlap = (a.is_templated() && template_matches(a.name, b.name))
                    || (b.is_templated() && template_matches(b.name, a.name));
                assert!(!overlap, "`{}` and `{}` overlap", a.name, b.name);
            }
        }
        for (i, a) in VARIABLE_ONLY.iter().enumerate() {
            assert_eq!(global_key(a), None, "`{a}` is also a curated key");
            assert!(
                VARIABLE_ONLY
                    .iter()
                    .skip(i + 1)
                    .all(|b| !a.eq_ignore_ascii_case(b)),
                "`{a}` is listed twice"
            );
        }
    }

    #[test]
    fn multivalued_keys_are_the_documented_ones() {
        let mut multivalued: Vec<&str> = GLOBAL_KEYS
            .iter()
            .filter(|key| key.multivalued)
            .map(|key| key.name)
            .collect();
        multivalued.sort_unstable();
        assert_eq!(
            multivalued,
            [
                "aws:CalledVia",
                "aws:PrincipalOrgPaths",
                "aws:PrincipalServiceNamesList",
                "aws:ResourceOrgPaths",
                "aws:SourceOrgPaths",
                "aws:TagKeys",
                "aws:VpceOrgPaths",
            ]
        );
        // All of them are "String (list)".
        for name in multivalued {
            assert_eq!(get(name).value_type, ConditionType::String, "`{name}`");
        }
        assert!(!get("aws:CalledViaFirst").multivalued);
        assert!(!get("aws:PrincipalTag/team").multivalued);
        assert!(!get("aws:RequestTag/team").multivalued);
        assert!(!get("aws:PrincipalOrgID").multivalued);
    }

    #[test]
    fn value_types_are_the_documented_ones() {
        let cases = [
            ("aws:SourceIp", ConditionType::IpAddress),
            ("aws:VpcSourceIp", ConditionType::IpAddress),
            ("aws:Ec2InstanceSourcePrivateIPv4", ConditionType::IpAddress),
            ("aws:CurrentTime", ConditionType::Date),
            ("aws:TokenIssueTime", ConditionType::Date),
            ("aws:EpochTime", ConditionType::Date),
            ("aws:MultiFactorAuthAge", ConditionType::Numeric),
            ("ec2:RoleDelivery", ConditionType::Numeric),
            ("aws:SecureTransport", ConditionType::Bool),
            ("aws:MultiFactorAuthPresent", ConditionType::Bool),
            ("aws:PrincipalIsAWSService", ConditionType::Bool),
            ("aws:ViaAWSService", ConditionType::Bool),
            ("aws:AssumedRoot", ConditionType::Bool),
            ("aws:IsMcpServiceAction", ConditionType::Bool),
            ("aws:SourceArn", ConditionType::Arn),
            ("aws:PrincipalArn", ConditionType::Arn),
            ("aws:SourceVpcArn", ConditionType::Arn),
            ("aws:SignInSessionArn", ConditionType::Arn),
            ("lambda:SourceFunctionArn", ConditionType::Arn),
            ("ssm:SourceInstanceArn", ConditionType::Arn),
            ("aws:SourceVpc", ConditionType::String),
            ("aws:PrincipalAccount", ConditionType::String),
            ("aws:PrincipalTag/team", ConditionType::String),
            ("glue:RoleAssumedBy", ConditionType::String),
            ("identitystore:UserId", ConditionType::String),
        ];
        for (name, value_type) in cases {
            assert_eq!(get(name).value_type, value_type, "`{name}`");
        }
        // Binary is the one type no global key has.
        assert!(
            GLOBAL_KEYS
                .iter()
                .all(|key| key.value_type != ConditionType::Binary)
        );
    }

    #[test]
    fn epoch_time_is_also_numeric() {
        assert!(get("aws:EpochTime").also_numeric());
        assert!(get("AWS:epochtime").also_numeric());
        assert!(!get("aws:CurrentTime").also_numeric());
        assert!(!get("aws:MultiFactorAuthAge").also_numeric());
        for name in ALSO_NUMERIC {
            assert_eq!(get(name).value_type, ConditionType::Date, "`{name}`");
        }
    }

    #[test]
    fn variables_are_exactly_the_single_valued_keys() {
        for key in GLOBAL_KEYS {
            assert_eq!(key.variable, !key.multivalued, "`{}`", key.name);
        }
        for name in [
            "aws:username",
            "aws:userid",
            "aws:PrincipalTag/team",
            "aws:principaltype",
            "aws:SourceIdentity",
            "aws:FederatedProvider",
            "aws:PrincipalServiceName",
            "aws:CurrentTime",
            "aws:EpochTime",
            "aws:TokenIssueTime",
            "aws:SecureTransport",
            "aws:SourceIp",
            "aws:UserAgent",
            "aws:referer",
            "aws:MultiFactorAuthPresent",
            "aws:MultiFactorAuthAge",
            "aws:PrincipalAccount",
            "aws:PrincipalOrgID",
            "aws:Ec2InstanceSourceVpc",
            "aws:SourceVpc",
            "ec2:SourceInstanceARN",
            "saml:sub",
            "SAML:namequalifier",
            "www.amazon.com:user_id",
            "accounts.google.com:sub",
            "graph.facebook.com:id",
            "cognito-identity.amazonaws.com:sub",
        ] {
            assert!(is_policy_variable(name), "`{name}` should be a variable");
        }
        for name in [
            "aws:TagKeys",
            "aws:CalledVia",
            "aws:PrincipalOrgPaths",
            "aws:PrincipalServiceNamesList",
            "aws:ResourceOrgPaths",
            "aws:SourceOrgPaths",
            "aws:VpceOrgPaths",
            "aws:PrincipalTag/",
            "aws:nosuchkey",
            "saml:subs",
            "",
            "*",
        ] {
            assert!(
                !is_policy_variable(name),
                "`{name}` should not be a variable"
            );
        }
    }

    #[test]
    fn sensitive_keys_are_curated_single_valued_strings() {
        assert!(SENSITIVE_SOURCE.ends_with("#condition-keys-sensitive"));
        for name in SENSITIVE {
            let key = get(name);
            assert_eq!(
                key.name, *name,
                "`{name}` is spelled as the table spells it"
            );
            assert_eq!(key.value_type, ConditionType::String, "`{name}`");
            assert!(!key.multivalued, "`{name}`");
        }
    }

    #[test]
    fn every_key_has_a_documentation_section() {
        for key in GLOBAL_KEYS {
            assert!(
                key.source.starts_with("https://docs.aws.amazon.com/"),
                "`{}`: {}",
                key.name,
                key.source
            );
            if key.source == PRINCIPAL_ORG_MASTER {
                // The simulator page names the key in running text, under no anchor of its own.
                continue;
            }
            let (_, anchor) = key
                .source
                .split_once('#')
                .unwrap_or_else(|| panic!("`{}` source has no anchor", key.name));
            assert!(!anchor.is_empty(), "`{}`", key.name);
        }
        assert_eq!(
            get("aws:SourceIp").source,
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceip"
        );
    }

    #[test]
    fn counts_match_the_pages_as_read() {
        // Update on purpose when the docs change (see the module docs).
        let on_global_page = GLOBAL_KEYS
            .iter()
            .filter(|key| {
                key.source
                    .contains("reference_policies_condition-keys.html")
            })
            .count();
        assert_eq!(on_global_page, 61);
        let cross_service = GLOBAL_KEYS
            .iter()
            .filter(|key| !key.name.starts_with("aws:"))
            .count();
        assert_eq!(cross_service, 9);
        assert_eq!(GLOBAL_KEYS.len(), 67);
        assert_eq!(VARIABLE_ONLY.len(), 6);
    }

    #[test]
    fn oidc_claim_keys_of_any_provider() {
        let aud = oidc_claim_key("token.actions.githubusercontent.com:aud").unwrap();
        assert_eq!(aud.name, "${ProviderUrl}:aud");
        assert!(oidc_claim_key("oidc.eks.us-east-1.amazonaws.com/id/ABC123:sub").is_some());
        assert!(oidc_claim_key("token.actions.githubusercontent.com:nosuch").is_none());
        assert!(
            oidc_claim_key("s3:sub").is_none(),
            "service prefixes have no dot"
        );
        assert!(oidc_claim_key("sub").is_none());
    }

    #[test]
    fn oidc_providers_and_their_claims() {
        assert_eq!(
            oidc_provider("token.actions.githubusercontent.com:iss"),
            Some("token.actions.githubusercontent.com")
        );
        assert_eq!(oidc_provider("s3:prefix"), None);
        assert_eq!(oidc_provider("prefix"), None);
        assert_eq!(
            oidc_claims().collect::<Vec<_>>(),
            ["aud", "azp", "sub", "amr", "oaud", "email"]
        );
    }
}
