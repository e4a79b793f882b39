//! The examples that assert what they show run as tests too.

#[path = "../examples/generate_lambda_policy.rs"]
mod generate_lambda_policy;

#[test]
fn generate_lambda_policy() {
    generate_lambda_policy::main().unwrap();
}
