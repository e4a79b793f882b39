//! The `policy!` UI suite: every finding code reported at its string, malformed documents
//! reported at the bad token, and policies that must compile.
//!
//! Regenerate the `.stderr` snapshots with
//! `TRYBUILD=overwrite cargo test -p iam-policy-workspace --test compiletest`, review the
//! diff, and never edit a `.stderr` by hand. The snapshots depend on rustc's exact output,
//! so this suite runs on the pinned toolchain (`rust-toolchain.toml`) only.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/**/*.rs");
    t.pass("tests/pass/*.rs");
}
