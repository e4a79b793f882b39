//! `Policy::diff` on the AWS managed policies: every policy grants nothing more than
//! itself, nor more than `AdministratorAccess`; and a real widening is found.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

mod common;

use iam_policy::Policy;

fn read(path: &std::path::Path) -> Policy {
    Policy::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn managed_policies_grant_nothing_more_than_themselves_or_administrator_access() {
    let Some(files) = common::managed_policies("diff on the managed corpus") else {
        return;
    };
    let admin_path = files
        .iter()
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n == "AdministratorAccess.json")
        })
        .expect("AdministratorAccess.json in the corpus");
    let admin = read(admin_path);
    let mut failures = Vec::new();
    // Every policy against itself; every twentieth against AdministratorAccess (each such
    // diff expands its `*` anew, so all of them would only repeat the same work).
    for (n, path) in files.iter().enumerate() {
        let policy = read(path);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let own = policy.diff(&policy);
        if own.may_grant_more() {
            failures.push(format!("{name} vs itself: {:?}", own.changes.first()));
        }
        if n % 20 != 0 {
            continue;
        }
        let under_admin = policy.diff(&admin);
        if under_admin.may_grant_more() {
            failures.push(format!(
                "{name} vs AdministratorAccess: {:?}",
                under_admin.changes.first()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_wider_managed_policy_grants_more() {
    let Some(files) = common::managed_policies("diff of two managed policies") else {
        return;
    };
    let find = |name: &str| read(files.iter().find(|p| p.ends_with(name)).unwrap());
    let read_only = find("AmazonS3ReadOnlyAccess.json");
    let full = find("AmazonS3FullAccess.json");
    let diff = full.diff(&read_only);
    assert!(diff.grants_new());
    assert!(
        diff.changes
            .iter()
            .any(|c| c.actions.iter().any(|a| a == "s3:PutObject"))
    );
    assert!(!read_only.grants_more_than(&full));
}
