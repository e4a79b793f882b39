//! The assertions of tests: [`assert_allowed!`](crate::assert_allowed) and
//! [`assert_denied!`](crate::assert_denied), whose failure explains the decision.

use super::{Evaluation, PolicySet, Request};
use crate::policy::Policy;

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
