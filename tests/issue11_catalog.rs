//! Issue #11, the catalog's part: real policies of the shared corpus that failed on stale or
//! lost catalog data, each checked where it lives (`$IAM_POLICY_CORPUS`, default
//! `../shared/corpus/`). Where the corpus is absent, each test prints that it DID NOT RUN
//! and returns.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

mod common;

use std::path::{Path, PathBuf};

use iam_policy::{Code, Diagnostic, PolicyKind, ValidateOptions, validate_with};

/// A corpus entry of `published-examples/` or `open-source-policies/`: its policy text and
/// type.
fn entry(path: &Path) -> (String, PolicyKind) {
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let text = value["policy_text"].as_str().unwrap().to_owned();
    let kind = value["policy_type"]
        .as_str()
        .or_else(|| value["kind"].as_str())
        .and_then(PolicyKind::from_name)
        .unwrap_or(PolicyKind::Identity);
    (text, kind)
}

fn check(text: &str, kind: PolicyKind) -> Vec<Diagnostic> {
    validate_with(
        text,
        kind,
        &ValidateOptions::allowing([Code::PolicyTooLarge]),
    )
}

/// The files of `folder` whose name starts with `start`.
fn files(folder: &str, start: &str, test: &str) -> Option<Vec<PathBuf>> {
    let files: Vec<PathBuf> = common::corpus_files(folder, test)?
        .into_iter()
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(start))
        })
        .collect();
    assert!(!files.is_empty(), "no `{start}*` in {folder}");
    Some(files)
}

/// The AWS Load Balancer Controller's IAM policies (every partition's), on most EKS
/// clusters: `elasticloadbalancing:AddTags` on `targetgroup/*` was `resource-mismatch`,
/// because the ELB Classic page's `AddTags` had replaced V2's in the catalog.
#[test]
fn aws_load_balancer_controller_policies_have_no_error() {
    let Some(files) = files(
        "open-source-policies",
        "aws-load-balancer-controller-",
        "aws_load_balancer_controller_policies_have_no_error",
    ) else {
        return;
    };
    assert!(files.len() >= 10, "{files:?}");
    for path in files {
        let (text, kind) = entry(&path);
        let errors: Vec<Diagnostic> = check(&text, kind)
            .into_iter()
            .filter(Diagnostic::is_error)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    }
}

/// The AWS Organizations User Guide's delegation policies are resource policies of
/// Organizations, which the capability tables (2018, 2023) say it does not take; the
/// sourced override says it does since 2022.
#[test]
fn organizations_delegation_policies_are_resource_policies() {
    let Some(files) = files(
        "published-examples/organizations-docs",
        "",
        "organizations_delegation_policies_are_resource_policies",
    ) else {
        return;
    };
    let mut delegation = 0;
    for path in files {
        let (text, kind) = entry(&path);
        if kind != PolicyKind::Resource || !text.contains("organizations:") {
            continue;
        }
        delegation += 1;
        let found = check(&text, kind);
        assert!(
            found
                .iter()
                .all(|d| d.code != Code::ResourcePolicyUnsupported),
            "{}: {found:#?}",
            path.display()
        );
    }
    assert!(delegation >= 2, "the guide's delegation policy examples");
}

/// AWS's own SCP examples for AWS RAM test `ram:Principal` with `ForAnyValue:`: the key is
/// multivalued.
#[test]
fn ram_principal_is_multivalued_in_aws_scp_examples() {
    let Some(files) = files(
        "published-examples/organizations-docs",
        "",
        "ram_principal_is_multivalued_in_aws_scp_examples",
    ) else {
        return;
    };
    let mut seen = 0;
    for path in files {
        let (text, kind) = entry(&path);
        if !text.contains("ram:Principal") {
            continue;
        }
        seen += 1;
        let found = check(&text, kind);
        assert!(
            found.iter().all(|d| d.code != Code::SetOperatorMismatch),
            "{}: {found:#?}",
            path.display()
        );
    }
    assert!(seen >= 2, "the RAM SCP examples");
}

/// AWS's data perimeter SCP tests `states:HTTPEndpoint` on `states:InvokeHTTPEndpoint`, a
/// key the reference defines and lists under no action.
#[test]
fn step_functions_http_endpoint_key_applies_to_invoke_http_endpoint() {
    let Some(files) = files(
        "published-examples/aws-samples-data-perimeter",
        "019-",
        "step_functions_http_endpoint_key_applies_to_invoke_http_endpoint",
    ) else {
        return;
    };
    for path in files {
        let (text, kind) = entry(&path);
        assert!(text.contains("states:HTTPEndpoint"));
        let found = check(&text, kind);
        assert!(
            found
                .iter()
                .all(|d| !d.message.contains("states:HTTPEndpoint")),
            "{}: {found:#?}",
            path.display()
        );
    }
}

/// terraform-aws-iam's GitHub OIDC trust policy tests `token.actions.githubusercontent.com:iss`,
/// a claim IAM does not offer: the error names the provider and its claims.
#[test]
fn an_unknown_oidc_claim_names_the_provider() {
    let Some(files) = files(
        "open-source-policies",
        "terraform-aws-iam-iam-role-github-oidc-trust",
        "an_unknown_oidc_claim_names_the_provider",
    ) else {
        return;
    };
    for path in files {
        let (text, kind) = entry(&path);
        let found = check(&text, kind);
        let iss: Vec<&Diagnostic> = found
            .iter()
            .filter(|d| d.code == Code::UnknownConditionKey)
            .collect();
        assert_eq!(iss.len(), 1, "{found:#?}");
        assert_eq!(
            iss[0].message,
            "`token.actions.githubusercontent.com:iss`: the OIDC provider `token.actions.githubusercontent.com` has no claim `iss` that IAM can test"
        );
        assert!(
            iss[0]
                .help
                .as_deref()
                .is_some_and(|h| h.contains("`aud`, `azp`, `sub`")),
            "{:?}",
            iss[0].help
        );
    }
}

/// AWS managed policies still name retired services: each is a `discontinued-service`
/// warning at the action, never an `unknown-service` error.
#[test]
fn retired_services_in_managed_policies_are_discontinued_warnings() {
    let Some(files) =
        common::managed_policies("retired_services_in_managed_policies_are_discontinued_warnings")
    else {
        return;
    };
    let mut warned = 0;
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let found = check(&text, PolicyKind::Identity);
        for d in &found {
            if d.code == Code::DiscontinuedService {
                assert!(!d.is_error());
                assert!(d.message.contains("has been discontinued"), "{d:?}");
                warned += 1;
            }
            if d.code == Code::UnknownService {
                // Only prefixes no capability table lists stay unknown (WorkDocs' `zocalo`).
                assert!(d.message.contains("`zocalo`"), "{}: {d:?}", path.display());
            }
        }
        if ["\"deepracer:", "\"deeplens:", "\"iot1click:"]
            .iter()
            .any(|action| text.contains(action))
        {
            assert!(
                found.iter().any(|d| d.code == Code::DiscontinuedService),
                "{}: {found:#?}",
                path.display()
            );
        }
    }
    // deepracer, deeplens, deepcomposer, iot1click and elastic-inference in 10 policies.
    assert!(warned >= 51, "{warned}");
}
