//! JSON policies into the evaluator: [`compile_json`], and [`Policy`]'s evaluation methods.

use iam_catalog::{PolicyKind, PolicyView};

use super::{CompiledPolicy, Evaluation, PolicySet, Request};
use crate::json;
use crate::policy::{ParseError, Policy};

/// Reads a JSON policy and compiles it for evaluation under `name` (a file name, or
/// `identity`).
pub fn compile_json(name: &str, text: &str) -> Result<CompiledPolicy, ParseError> {
    let root = json::read(text)?;
    Ok(CompiledPolicy::new(name, &PolicyView::new(root)))
}

/// A compiled policy that allows nothing (a document that is not an object).
fn allows_nothing(name: &str) -> CompiledPolicy {
    let nothing = iam_catalog::Node::new(iam_catalog::NodeKind::Null, iam_catalog::Loc::default());
    CompiledPolicy::new(name, &PolicyView::new(nothing))
}

impl Policy {
    /// Compiles the policy for evaluation (once; then [`PolicySet::decide`] allocates
    /// nothing).
    pub fn compile(&self, name: &str) -> CompiledPolicy {
        // A document with run-time values that made it malformed allows nothing.
        compile_json(name, self.as_json()).unwrap_or_else(|_| allows_nothing(name))
    }

    /// The policy alone, placed by its type: an identity policy as the caller's only
    /// policy, a resource policy as the resource's (with no identity policy), a boundary,
    /// SCP, RCP or session policy around an identity policy that allows everything (so
    /// the answer is what this policy lets through).
    pub fn policy_set(&self) -> PolicySet {
        let me = self.compile(self.kind().name());
        let everything = || {
            compile_json(
                "allow-all",
                r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
            )
            .unwrap_or_else(|_| allows_nothing("allow-all"))
        };
        match self.kind() {
            PolicyKind::Resource | PolicyKind::Trust => PolicySet::new().resource_policy(me),
            PolicyKind::Boundary => PolicySet::new().identity(everything()).boundary(me),
            PolicyKind::Session => PolicySet::new().identity(everything()).session(me),
            PolicyKind::Scp => PolicySet::new().identity(everything()).scp_level(vec![me]),
            PolicyKind::Rcp => PolicySet::new().identity(everything()).rcp_level(vec![me]),
            PolicyKind::Endpoint => PolicySet::new().identity(everything()).endpoint(me),
            // `identity`, and a type this version does not know yet: the caller's only
            // policy.
            _ => PolicySet::new().identity(me),
        }
    }

    /// Whether the policy alone allows `action` on `resource` with an empty request
    /// context ([`Policy::policy_set`] places it). Compiles the policy on each call: to
    /// ask many times, compile once into a [`PolicySet`].
    ///
    /// ```
    /// let p = iam_policy::policy!({
    ///     "Version": "2012-10-17",
    ///     "Statement": [{"Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::b/*"}]
    /// });
    /// assert!(p.allows("s3:GetObject", "arn:aws:s3:::b/k"));
    /// assert!(!p.allows("s3:GetObject", "arn:aws:s3:::c/k"));
    /// ```
    pub fn allows(&self, action: &str, resource: &str) -> bool {
        self.policy_set()
            .decide(&Request::new(action, resource))
            .is_allowed()
    }

    /// The full evaluation of a request against the policy alone ([`Policy::policy_set`]).
    pub fn evaluate(&self, request: &Request) -> Evaluation {
        self.policy_set().evaluate(request)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_errors_are_located() {
        let e = compile_json("x", "{\n  \"Version\": ").unwrap_err();
        assert_eq!(e.line, 2);
    }
}
