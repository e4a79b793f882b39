//! Offline evaluation: what a policy, or a set of policies, allows.
//!
//! The evaluator is the engine's ([`iam_catalog::eval`]): AWS's documented evaluation
//! logic, with action, resource and condition matching from the same catalog the checks
//! use. This module reads JSON into it and gives the assertions.
//!
//! ```
//! use iam_policy::{policy, assert_allowed, assert_denied};
//! use iam_policy::eval::{PolicySet, Request};
//!
//! let read = policy!({
//!     "Version": "2012-10-17",
//!     "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]
//! });
//! assert!(read.allows("s3:GetObject", "arn:aws:s3:::b/k"));
//! assert!(!read.allows("s3:PutObject", "arn:aws:s3:::b/k"));
//!
//! // Compile once, evaluate many times.
//! let set = PolicySet::new().identity(read.compile("read"));
//! assert_allowed!(set, Request::new("s3:GetObject", "arn:aws:s3:::b/k"));
//! assert_denied!(set, Request::new("s3:GetObject", "arn:aws:s3:::other/k"));
//! ```

pub use iam_catalog::eval::{
    CompiledPolicy, Decision, Effect, Evaluation, Grant, Place, PolicySet, Reason, Request,
    RequestFinding, RequestFindingKind, StatementRef, StatementTrace, Value,
};
use iam_catalog::{PolicyKind, PolicyView};

use crate::json;
use crate::policy::{ParseError, Policy};

/// Reads a JSON policy and compiles it for evaluation under `name` (a file name, or
/// `identity`).
pub fn compile_json(name: &str, text: &str) -> Result<CompiledPolicy, ParseError> {
    let root = json::read(text).map_err(|e| ParseError {
        message: e.message,
        line: e.loc.line,
        column: e.loc.column,
    })?;
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

/// What [`assert_allowed!`](crate::assert_allowed) and
/// [`assert_denied!`](crate::assert_denied) take: a [`Policy`] or a [`PolicySet`].
pub trait Evaluate {
    /// The full evaluation of `request`.
    fn evaluate_request(&self, request: &Request) -> Evaluation;
}

impl Evaluate for Policy {
    fn evaluate_request(&self, request: &Request) -> Evaluation {
        self.evaluate(request)
    }
}

impl Evaluate for PolicySet {
    fn evaluate_request(&self, request: &Request) -> Evaluation {
        self.evaluate(request)
    }
}

impl<T: Evaluate + ?Sized> Evaluate for &T {
    fn evaluate_request(&self, request: &Request) -> Evaluation {
        (**self).evaluate_request(request)
    }
}

/// What the assertion macros turn their arguments into.
#[doc(hidden)]
pub trait IntoRequest {
    fn into_request(self) -> Request;
}

impl IntoRequest for Request {
    fn into_request(self) -> Request {
        self
    }
}

impl IntoRequest for &Request {
    fn into_request(self) -> Request {
        self.clone()
    }
}

impl<A: AsRef<str>, R: AsRef<str>> IntoRequest for (A, R) {
    fn into_request(self) -> Request {
        Request::new(self.0.as_ref(), self.1.as_ref())
    }
}

/// The check behind the assertion macros: `Err` with the explanation when the decision
/// is not the expected one.
#[doc(hidden)]
pub fn __check(policies: &dyn Evaluate, request: &Request, allowed: bool) -> Result<(), String> {
    let evaluation = policies.evaluate_request(request);
    if evaluation.decision.is_allowed() == allowed {
        return Ok(());
    }
    Err(format!(
        "expected {} to be {}, but the decision is {}\n{}",
        describe(request),
        if allowed { "allowed" } else { "denied" },
        evaluation.decision,
        evaluation.explain()
    ))
}

fn describe(request: &Request) -> String {
    let mut out = format!("`{}` on `{}`", request.action(), request.resource());
    if let Some(p) = request.principal_arn() {
        out.push_str(" by `");
        out.push_str(p);
        out.push('`');
    }
    out
}

/// Asserts that a [`Policy`] or a [`PolicySet`] allows a request; on failure, the panic
/// message explains the decision statement by statement.
///
/// `assert_allowed!(policies, request)` with a [`Request`], or
/// `assert_allowed!(policies, "s3:GetObject", "arn:aws:s3:::b/k")`.
///
/// ```should_panic
/// let p = iam_policy::policy!({
///     "Version": "2012-10-17",
///     "Statement": [{"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]
/// });
/// // panics: "expected `s3:PutObject` on `arn:aws:s3:::b/k` to be allowed, but the
/// // decision is implicit-deny ... - identity /Statement/0 (Read) [Allow]: does not
/// // apply — the action does not match"
/// iam_policy::assert_allowed!(p, "s3:PutObject", "arn:aws:s3:::b/k");
/// ```
#[macro_export]
macro_rules! assert_allowed {
    ($policies:expr, $action:expr, $resource:expr $(,)?) => {
        $crate::assert_allowed!($policies, ($action, $resource))
    };
    ($policies:expr, $request:expr $(,)?) => {
        if let ::core::result::Result::Err(message) = $crate::eval::__check(
            &$policies,
            &$crate::eval::IntoRequest::into_request($request),
            true,
        ) {
            ::core::panic!("{}", message);
        }
    };
}

/// Asserts that a [`Policy`] or a [`PolicySet`] denies a request (explicitly or
/// implicitly); on failure, the panic message explains the decision statement by
/// statement. The same arguments as [`assert_allowed!`](crate::assert_allowed).
#[macro_export]
macro_rules! assert_denied {
    ($policies:expr, $action:expr, $resource:expr $(,)?) => {
        $crate::assert_denied!($policies, ($action, $resource))
    };
    ($policies:expr, $request:expr $(,)?) => {
        if let ::core::result::Result::Err(message) = $crate::eval::__check(
            &$policies,
            &$crate::eval::IntoRequest::into_request($request),
            false,
        ) {
            ::core::panic!("{}", message);
        }
    };
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
