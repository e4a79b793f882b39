//! Offline evaluation: does a set of policies allow a request?
//!
//! AWS's documented evaluation logic (IAM User Guide, "Policy evaluation logic",
//! `reference_policies_evaluation-logic.html`, and its pages "Policy evaluation for
//! requests within a single account", "Cross-account policy evaluation logic",
//! "Permissions boundaries for IAM entities", "Session policies", "Service control
//! policies", "Resource control policies") over a [`PolicySet`]: identity-based policies,
//! one resource-based policy, a permissions boundary, session policies, SCPs and RCPs per
//! organization level, and a VPC endpoint policy. Each step below names its source.
//!
//! Action, resource and condition matching come from the same catalog and primitives the
//! checks use (`iam_catalog::pattern`, `query`, `value`, `global_keys`). [`compile_json`]
//! and [`Policy::compile`](crate::Policy::compile) read JSON into a [`CompiledPolicy`];
//! [`Policy::allows`](crate::Policy::allows) answers for one policy alone; the assertions
//! [`assert_allowed!`](crate::assert_allowed) and [`assert_denied!`](crate::assert_denied)
//! explain a failed decision statement by statement.
//!
//! ```
//! use iam_policy::{policy, assert_allowed, assert_denied};
//! use iam_policy::eval::{Decision, PolicySet, Request};
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
//! assert_eq!(set.decide(&Request::new("s3:PutObject", "arn:aws:s3:::b/k")), Decision::ImplicitDeny);
//! assert_allowed!(set, Request::new("s3:GetObject", "arn:aws:s3:::b/k"));
//! assert_denied!(set, Request::new("s3:GetObject", "arn:aws:s3:::other/k"));
//! ```

mod assert;
mod compile;
mod condition;
mod policy;
mod request;

use std::fmt::{self, Write as _};

#[doc(hidden)]
pub use assert::__check;
pub use assert::{Evaluate, IntoRequest};
pub use compile::compile_json;
pub use iam_catalog::Effect;
pub use policy::{CompiledPolicy, Grant};
pub use request::{Request, RequestFinding, RequestFindingKind, Value};

use condition::Failure;
use policy::{Outcome, Statement};

/// The answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Decision {
    /// Allowed.
    Allow,
    /// A `Deny` statement applies.
    ExplicitDeny,
    /// Nothing denies, but what must allow does not.
    ImplicitDeny,
}

impl Decision {
    /// `allow`, `explicit-deny`, `implicit-deny`.
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Allow => "allow",
            Decision::ExplicitDeny => "explicit-deny",
            Decision::ImplicitDeny => "implicit-deny",
        }
    }

    /// Whether the request is allowed.
    pub fn is_allowed(self) -> bool {
        self == Decision::Allow
    }
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which place of the policy set a policy holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// An identity-based policy.
    Identity,
    /// The resource-based policy.
    Resource,
    /// The permissions boundary.
    Boundary,
    /// A session policy.
    Session,
    /// An SCP at this organization level (0 = root).
    Scp(usize),
    /// An RCP at this organization level (0 = root).
    Rcp(usize),
    /// The VPC endpoint policy.
    Endpoint,
}

impl Place {
    /// Whether policies of this place have a `Principal` element that selects callers.
    fn has_principals(self) -> bool {
        matches!(self, Place::Resource | Place::Rcp(_) | Place::Endpoint)
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Identity => f.write_str("identity-based policy"),
            Place::Resource => f.write_str("resource-based policy"),
            Place::Boundary => f.write_str("permissions boundary"),
            Place::Session => f.write_str("session policy"),
            Place::Scp(level) => write!(f, "SCP (level {level})"),
            Place::Rcp(level) => write!(f, "RCP (level {level})"),
            Place::Endpoint => f.write_str("VPC endpoint policy"),
        }
    }
}

/// Why a request was implicitly denied (or that it was not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Reason {
    /// Allowed, or explicitly denied.
    Decided,
    /// No identity-based or resource-based policy allows it.
    NoAllow,
    /// An organization level's SCPs allow nothing here (level, 0 = root).
    ScpLevel(usize),
    /// The VPC endpoint policy does not allow it.
    Endpoint,
    /// The permissions boundary does not allow it.
    Boundary,
    /// No session policy allows it.
    Session,
    /// A cross-account request that the resource-based policy does not allow.
    CrossAccountResource,
    /// A cross-account request that the caller's identity-based policies do not allow.
    CrossAccountIdentity,
    /// A role trust policy or KMS key policy, which must allow the caller itself or its
    /// account, does not.
    ResourcePolicyRequired,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Decided => f.write_str("decided by the statements listed"),
            Reason::NoAllow => f.write_str("no identity-based or resource-based policy allows it"),
            Reason::ScpLevel(level) => {
                write!(f, "no SCP at organization level {level} allows it")
            }
            Reason::Endpoint => f.write_str("the VPC endpoint policy does not allow it"),
            Reason::Boundary => f.write_str("the permissions boundary does not allow it"),
            Reason::Session => f.write_str("no session policy allows it"),
            Reason::CrossAccountResource => f.write_str(
                "a cross-account request needs the resource-based policy to allow it, and it does not",
            ),
            Reason::CrossAccountIdentity => f.write_str(
                "a cross-account request needs the caller's identity-based policies to allow it, and they do not",
            ),
            Reason::ResourcePolicyRequired => f.write_str(
                "a role trust policy or KMS key policy must allow the caller or its account, and it does not",
            ),
        }
    }
}

/// A statement in a report: the policy's name and the statement's JSON pointer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementRef {
    /// The policy's name.
    pub policy: String,
    /// Where the policy stands in the set.
    pub place: Place,
    /// The statement's JSON pointer (`/Statement/0`).
    pub pointer: String,
    /// The statement's `Sid`, when it has one.
    pub sid: Option<String>,
    /// Its effect.
    pub effect: Effect,
}

/// What one statement did with the request, for explanations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementTrace {
    /// The statement.
    pub statement: StatementRef,
    /// Whether it applies.
    pub applies: bool,
    /// Why or why not, in words.
    pub why: String,
}

/// A full answer: the decision, the statements that decided it, the context keys that
/// statements needed and the request lacked, findings about the request and the
/// policies, and a statement-by-statement trace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    /// The decision.
    pub decision: Decision,
    /// Why an implicit deny.
    pub reason: Reason,
    /// The deciding statements: the `Deny`s that apply for an explicit deny, the `Allow`s
    /// that apply for an allow, none for an implicit deny.
    pub statements: Vec<StatementRef>,
    /// Condition keys (and policy-variable keys) the request did not carry that a
    /// statement otherwise matching the request needed, sorted and unique: a denial with
    /// keys here may be "you forgot the context".
    pub missing_context_keys: Vec<String>,
    /// Findings about the request (unknown action, ...) and statements left out.
    pub diagnostics: Vec<String>,
    /// Every statement and what it did.
    pub trace: Vec<StatementTrace>,
}

impl Evaluation {
    /// A text explanation: the decision, the reason, then each statement.
    pub fn explain(&self) -> String {
        let mut out = format!("decision: {}", self.decision);
        if self.decision == Decision::ImplicitDeny {
            let _ = write!(out, " ({})", self.reason);
        }
        out.push('\n');
        if !self.missing_context_keys.is_empty() {
            let _ = writeln!(
                out,
                "missing context keys: {}",
                self.missing_context_keys.join(", ")
            );
        }
        for d in &self.diagnostics {
            let _ = writeln!(out, "note: {d}");
        }
        for t in &self.trace {
            let s = &t.statement;
            let sid = s
                .sid
                .as_deref()
                .map(|sid| format!(" ({sid})"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {} {} {}{sid} [{}]: {} — {}",
                if t.applies { "+" } else { "-" },
                s.policy,
                s.pointer,
                s.effect.as_str(),
                if t.applies {
                    "applies"
                } else {
                    "does not apply"
                },
                t.why
            );
        }
        out
    }
}

/// The policies of a [`PolicySet`] with their place ([`PolicySet::policies`]): a plain
/// iterator, so each loop over them compiles to one `next`.
struct Policies<'a> {
    set: &'a PolicySet,
    group: usize,
    index: usize,
}

impl<'a> Iterator for Policies<'a> {
    type Item = (Place, &'a CompiledPolicy);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let (place, list) = self.set.group(self.group)?;
            if let Some(policy) = list.get(self.index) {
                self.index += 1;
                return Some((place, policy));
            }
            self.group += 1;
            self.index = 0;
        }
    }
}

/// A set of compiled policies around one request: see the module docs.
#[derive(Debug, Clone, Default)]
pub struct PolicySet {
    identity: Vec<CompiledPolicy>,
    resource: Option<CompiledPolicy>,
    boundary: Option<CompiledPolicy>,
    session: Vec<CompiledPolicy>,
    scps: Vec<Vec<CompiledPolicy>>,
    rcps: Vec<Vec<CompiledPolicy>>,
    endpoint: Option<CompiledPolicy>,
}

impl PolicySet {
    /// An empty set (which allows nothing).
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an identity-based policy (attached to the user, group or role).
    #[must_use]
    pub fn identity(mut self, policy: CompiledPolicy) -> Self {
        self.identity.push(policy);
        self
    }

    /// Sets the resource-based policy.
    #[must_use]
    pub fn resource_policy(mut self, policy: CompiledPolicy) -> Self {
        self.resource = Some(policy);
        self
    }

    /// Sets the permissions boundary.
    #[must_use]
    pub fn boundary(mut self, policy: CompiledPolicy) -> Self {
        self.boundary = Some(policy);
        self
    }

    /// Adds a session policy (inline or managed, passed when the session was made).
    #[must_use]
    pub fn session(mut self, policy: CompiledPolicy) -> Self {
        self.session.push(policy);
        self
    }

    /// Adds the SCPs of the next organization level, root first (the principal's
    /// account's chain).
    #[must_use]
    pub fn scp_level(mut self, policies: Vec<CompiledPolicy>) -> Self {
        self.scps.push(policies);
        self
    }

    /// Adds the RCPs of the next organization level, root first (the resource's
    /// account's chain), in addition to `RCPFullAWSAccess`, which AWS attaches at every
    /// level and which cannot be detached.
    #[must_use]
    pub fn rcp_level(mut self, policies: Vec<CompiledPolicy>) -> Self {
        self.rcps.push(policies);
        self
    }

    /// Sets the VPC endpoint policy.
    #[must_use]
    pub fn endpoint(mut self, policy: CompiledPolicy) -> Self {
        self.endpoint = Some(policy);
        self
    }

    /// Every policy with its place, in the order of [`PolicySet::group`].
    fn policies(&self) -> Policies<'_> {
        Policies {
            set: self,
            group: 0,
            index: 0,
        }
    }

    /// The policies of group `group`, with their place: identity-based policies, the
    /// resource-based policy, the boundary, session policies, the SCPs of each level,
    /// the RCPs of each level, the endpoint policy; `None` past the last.
    fn group(&self, group: usize) -> Option<(Place, &[CompiledPolicy])> {
        Some(match group {
            0 => (Place::Identity, self.identity.as_slice()),
            1 => (Place::Resource, self.resource.as_slice()),
            2 => (Place::Boundary, self.boundary.as_slice()),
            3 => (Place::Session, self.session.as_slice()),
            _ => {
                let level = group - 4;
                if let Some(list) = self.scps.get(level) {
                    return Some((Place::Scp(level), list));
                }
                let level = level - self.scps.len();
                if let Some(list) = self.rcps.get(level) {
                    return Some((Place::Rcp(level), list));
                }
                if level != self.rcps.len() {
                    return None;
                }
                (Place::Endpoint, self.endpoint.as_slice())
            }
        })
    }

    /// The decision alone: allocates nothing.
    pub fn decide(&self, request: &Request) -> Decision {
        self.run(request, &mut NoTrace).0
    }

    /// The full answer, with deciding statements, missing keys, findings and a trace.
    pub fn evaluate(&self, request: &Request) -> Evaluation {
        let mut trace = Collect::default();
        let (decision, reason) = self.run(request, &mut trace);
        let mut diagnostics: Vec<String> = request
            .check()
            .into_iter()
            .map(|f| format!("{}: {}", f.kind.as_str(), f.message))
            .collect();
        for (_, p) in self.policies() {
            diagnostics.extend(p.findings.iter().map(|f| format!("{}: {f}", p.name)));
        }
        let statements = trace
            .trace
            .iter()
            .filter(|t| {
                t.applies
                    && match decision {
                        Decision::Allow => t.statement.effect == Effect::Allow,
                        Decision::ExplicitDeny => t.statement.effect == Effect::Deny,
                        Decision::ImplicitDeny => false,
                    }
            })
            .map(|t| t.statement.clone())
            .collect();
        let mut missing = trace.missing;
        missing.sort_by_cached_key(|k| k.to_ascii_lowercase());
        missing.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
        Evaluation {
            decision,
            reason,
            statements,
            missing_context_keys: missing,
            diagnostics,
            trace: trace.trace,
        }
    }

    /// The best grant of an `Allow` of `policy` (`None`: no `Allow` applies).
    fn allows(
        place: Place,
        policy: &CompiledPolicy,
        request: &Request,
        trace: &mut dyn Trace,
    ) -> Option<Grant> {
        let mut best = None;
        for s in policy
            .statements
            .iter()
            .filter(|s| s.effect == Effect::Allow)
        {
            let outcome = s.applies(request, place.has_principals());
            trace.statement(place, policy, s, &outcome);
            if let Outcome::Applies(grant) = outcome {
                best = best.max(Some(grant));
            }
        }
        best
    }

    fn run(&self, request: &Request, trace: &mut dyn Trace) -> (Decision, Reason) {
        // RCPs apply only to the services that support them ("Resource control policies
        // (RCPs)": "RCPs apply to ... a subset of AWS services"), and not to requests made
        // by service principals ("RCPs do not apply to ... AWS service principals").
        let rcp_applies = !self.rcps.is_empty()
            && request
                .action
                .split_once(':')
                .and_then(|(prefix, _)| iam_catalog::model::service(prefix))
                .is_none_or(iam_catalog::model::Service::rcp_supported)
            && request
                .principal
                .as_deref()
                .is_none_or(|p| p.starts_with("arn:"));

        // 1. "Deny evaluation": an explicit deny in any applicable policy ends it.
        let mut denied = false;
        for (place, policy) in self.policies() {
            if matches!(place, Place::Rcp(_)) && !rcp_applies {
                continue;
            }
            for s in policy
                .statements
                .iter()
                .filter(|s| s.effect == Effect::Deny)
            {
                let outcome = s.applies(request, place.has_principals());
                trace.statement(place, policy, s, &outcome);
                if matches!(outcome, Outcome::Applies(_)) {
                    denied = true;
                    if !trace.wants_all() {
                        return (Decision::ExplicitDeny, Reason::Decided);
                    }
                }
            }
        }

        // 2. RCPs: `RCPFullAWSAccess` at every level allows everything, so given RCPs only
        // add denies (evaluated above); their allows are traced for explanations.
        if trace.wants_all() {
            for (place, policy) in self.policies().filter(|(p, _)| matches!(p, Place::Rcp(_))) {
                Self::allows(place, policy, request, trace);
            }
        }

        let mut verdict: Option<(Decision, Reason)> =
            denied.then_some((Decision::ExplicitDeny, Reason::Decided));
        let mut settle = |v: (Decision, Reason)| {
            if verdict.is_none() {
                verdict = Some(v);
            }
        };

        // 3. SCPs: "every level … must allow": at each level, at least one SCP allows
        // (several SCPs at one level are OR'd).
        for (level, policies) in self.scps.iter().enumerate() {
            let mut any = false;
            for p in policies {
                any |= Self::allows(Place::Scp(level), p, request, trace).is_some();
            }
            if !any {
                settle((Decision::ImplicitDeny, Reason::ScpLevel(level)));
            }
        }

        // 4. A VPC endpoint policy, when the request goes through one, must allow
        // (Amazon VPC User Guide, "Control access to VPC endpoints using endpoint
        // policies": "the endpoint policy ... does not grant ... it must allow").
        if let Some(endpoint) = &self.endpoint
            && Self::allows(Place::Endpoint, endpoint, request, trace).is_none()
        {
            settle((Decision::ImplicitDeny, Reason::Endpoint));
        }

        // 5. Resource-based policy, identity-based policies, boundary, session policies.
        let resource_grant = self
            .resource
            .as_ref()
            .and_then(|p| Self::allows(Place::Resource, p, request, trace));
        let mut identity = false;
        for p in &self.identity {
            identity |= Self::allows(Place::Identity, p, request, trace).is_some();
        }
        let boundary = self
            .boundary
            .as_ref()
            .is_none_or(|p| Self::allows(Place::Boundary, p, request, trace).is_some());
        let mut session = self.session.is_empty();
        for p in &self.session {
            session |= Self::allows(Place::Session, p, request, trace).is_some();
        }
        // The identity side: identity-based policies, within the boundary and the
        // session policies ("Permissions boundaries": "the effective permissions are the
        // intersection"; "Session policies": "the resulting session's permissions are the
        // intersection of the identity-based policies and the session policies").
        let identity_side = if !identity {
            Err(Reason::NoAllow)
        } else if !boundary {
            Err(Reason::Boundary)
        } else if !session {
            Err(Reason::Session)
        } else {
            Ok(())
        };

        let cross_account = match (request.principal_account(), request.owning_account()) {
            (Some(caller), Some(owner)) => caller != owner,
            _ => false,
        };
        let outcome = if cross_account {
            // "Cross-account policy evaluation logic": the resource-based policy must
            // allow the caller (or its account), and the caller's identity-based policies
            // must allow the request.
            match (resource_grant, identity_side) {
                (None, _) => Err(Reason::CrossAccountResource),
                (Some(_), Err(Reason::NoAllow)) => Err(Reason::CrossAccountIdentity),
                (Some(_), side) => side,
            }
        } else {
            same_account(request, resource_grant, identity_side, boundary, session)
        };
        settle(match outcome {
            Ok(()) => (Decision::Allow, Reason::Decided),
            Err(reason) => (Decision::ImplicitDeny, reason),
        });
        verdict.unwrap_or((Decision::ImplicitDeny, Reason::NoAllow))
    }
}

/// Whether the request is one where the resource-based policy itself must allow: a role
/// trust policy (`sts:AssumeRole*` on a role) or a KMS key policy (a `kms:` action on a
/// key). "Policy evaluation for requests within a single account": "IAM role trust
/// policies and KMS key policies are exceptions to this logic, because they must
/// explicitly allow access for principals." Every role has a trust policy and every key a
/// key policy, so when the set gives none, none allows (the set is what is given).
fn resource_policy_required(request: &Request) -> bool {
    let action = request.action.to_ascii_lowercase();
    action.starts_with("sts:assumerole")
        || (action.starts_with("kms:")
            && iam_catalog::arn::six(&request.resource)
                .is_some_and(|[.., r]| r.starts_with("key/")))
}

/// Within one account ("Policy evaluation for requests within a single account";
/// "Permissions boundaries for IAM entities", section "Evaluating effective permissions
/// with boundaries"; "Session policies"):
/// - a resource-based policy that names the caller itself (an IAM user, a role session,
///   a federated user, a service) grants without an identity-based allow and is "not
///   limited by an implicit deny in an identity-based policy or permissions boundary";
///   for an IAM user, session policies still limit it (the session policies page: the
///   resource-based permissions for a user or role ARN "are added … before the session
///   is created" and limited by it), for a role session they do not ("Permissions
///   granted directly to a session are not limited by an implicit deny in an
///   identity-based policy, a permissions boundary, or session policy");
/// - one that names the role ARN is "limited by an implicit deny in a permissions
///   boundary or session policy";
/// - one that names the account delegates to the identity-based policies;
/// - `"*"` (everyone): the documentation does not say how it meets boundaries and
///   session policies. It is read as naming the caller's own identity, as an IAM user
///   ARN does: not limited by the boundary, limited by session policies (only a grant
///   naming the session itself escapes those). `@cloud-copilot/iam-simulate` reads it the
///   same way;
/// - for role trust policies and KMS key policies, the resource-based policy must allow
///   (the caller or its account), and an account grant still needs the identity side.
fn same_account(
    request: &Request,
    grant: Option<Grant>,
    identity_side: Result<(), Reason>,
    boundary: bool,
    session: bool,
) -> Result<(), Reason> {
    let session_caller = request
        .principal
        .as_deref()
        .is_some_and(|p| p.contains(":assumed-role/") || p.contains(":federated-user/"));
    match grant {
        Some(Grant::Direct) if session_caller => Ok(()),
        Some(Grant::Direct | Grant::Everyone) => {
            if session {
                Ok(())
            } else {
                Err(Reason::Session)
            }
        }
        Some(Grant::Role) => {
            if !boundary {
                Err(Reason::Boundary)
            } else if !session {
                Err(Reason::Session)
            } else {
                Ok(())
            }
        }
        None if resource_policy_required(request) => Err(Reason::ResourcePolicyRequired),
        Some(Grant::Account) | None => identity_side,
    }
}

/// Receives each statement's outcome.
trait Trace {
    fn statement(&mut self, place: Place, policy: &CompiledPolicy, s: &Statement, o: &Outcome<'_>);
    /// Whether every statement is wanted (no short cut).
    fn wants_all(&self) -> bool;
}

struct NoTrace;

impl Trace for NoTrace {
    fn statement(&mut self, _: Place, _: &CompiledPolicy, _: &Statement, _: &Outcome<'_>) {}
    fn wants_all(&self) -> bool {
        false
    }
}

#[derive(Default)]
struct Collect {
    trace: Vec<StatementTrace>,
    missing: Vec<String>,
}

impl Trace for Collect {
    fn statement(&mut self, place: Place, policy: &CompiledPolicy, s: &Statement, o: &Outcome<'_>) {
        let why = match o {
            Outcome::Applies(grant) if place.has_principals() => {
                format!("action, resource, principal ({grant:?}) and conditions match")
            }
            Outcome::Applies(_) => "action, resource and conditions match".to_owned(),
            Outcome::NoAction => "the action does not match".to_owned(),
            Outcome::NoResource => "the resource does not match".to_owned(),
            Outcome::ResourceVariable(key) => {
                self.missing.push((*key).to_owned());
                format!("the resource uses `${{{key}}}`, which the request does not carry")
            }
            Outcome::NoPrincipal => "the principal does not match".to_owned(),
            Outcome::Condition(c, Failure::Missing(key)) => {
                self.missing.push((*key).to_owned());
                format!(
                    "condition `{}` on `{}`: the request does not carry `{key}`",
                    c.operator, c.key
                )
            }
            Outcome::Condition(c, Failure::Mismatch(_)) => {
                format!("condition `{}` on `{}` does not hold", c.operator, c.key)
            }
        };
        self.trace.push(StatementTrace {
            statement: StatementRef {
                policy: policy.name.clone(),
                place,
                pointer: s.pointer.clone(),
                sid: s.sid.clone(),
                effect: s.effect,
            },
            applies: matches!(o, Outcome::Applies(_)),
            why,
        });
    }
    fn wants_all(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests;
