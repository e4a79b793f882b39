//! Property tests of the evaluator over random policy sets and requests drawn from the
//! catalog:
//! - adding a `Deny` never turns a denial into an allow;
//! - adding an `Allow` never removes access;
//! - an SCP level without an `Allow` denies;
//! - a statement that `check` reports as unable to match (an unknown action, a resource
//!   of no type of its actions) never allows.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

use iam_policy::eval::{Decision, PolicySet, Request, compile_json};
use iam_policy::{Code, PolicyKind, validate};
use proptest::prelude::*;

/// Actions with resource types from a few services, and some without.
const ACTIONS: &[&str] = &[
    "s3:GetObject",
    "s3:PutObject",
    "s3:ListBucket",
    "s3:DeleteBucket",
    "sqs:SendMessage",
    "sqs:ReceiveMessage",
    "dynamodb:GetItem",
    "dynamodb:PutItem",
    "ec2:DescribeInstances",
    "iam:ListRoles",
    "kms:Decrypt",
    "sts:GetCallerIdentity",
];

/// A resource ARN for `action`: its first resource type's ARN format with placeholders
/// filled, `*` for actions without resource types.
fn arn_for(action: &str, name: &str) -> String {
    let action = iam_policy::catalog::action(action).unwrap();
    let Some(ar) = action.resource_types().next() else {
        return "*".to_owned();
    };
    let format = ar.resource_type().arn_formats().next().unwrap();
    let mut out = String::new();
    let mut rest = format;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find('}').unwrap() + start;
        out.push_str(match &rest[start + 2..end] {
            "Partition" => "aws",
            "Region" => "us-east-1",
            "Account" | "AccountId" => "111122223333",
            _ => name,
        });
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// One statement as JSON.
#[derive(Debug, Clone)]
struct Stmt {
    deny: bool,
    action: String,
    resource: String,
    condition: Option<String>,
    principal: bool,
}

impl Stmt {
    fn json(&self) -> String {
        let mut out = format!(
            r#"{{"Effect": "{}", "Action": "{}", "Resource": "{}""#,
            if self.deny { "Deny" } else { "Allow" },
            self.action,
            self.resource
        );
        if self.principal {
            out.push_str(r#", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}"#);
        }
        if let Some(c) = &self.condition {
            out.push_str(r#", "Condition": "#);
            out.push_str(c);
        }
        out.push('}');
        out
    }
}

fn policy_json(statements: &[Stmt]) -> String {
    let body: Vec<String> = statements.iter().map(Stmt::json).collect();
    format!(
        r#"{{"Version": "2012-10-17", "Statement": [{}]}}"#,
        body.join(", ")
    )
}

/// A policy set as data, so that tests can add statements and rebuild it.
#[derive(Debug, Clone)]
struct Spec {
    identity: Vec<Vec<Stmt>>,
    resource: Option<Vec<Stmt>>,
    boundary: Option<Vec<Stmt>>,
    session: Vec<Vec<Stmt>>,
    scps: Vec<Vec<Vec<Stmt>>>,
}

impl Spec {
    fn build(&self) -> PolicySet {
        let c = |s: &[Stmt]| compile_json("p", &policy_json(s)).unwrap();
        let mut set = PolicySet::new();
        for p in &self.identity {
            set = set.identity(c(p));
        }
        if let Some(p) = &self.resource {
            set = set.resource_policy(c(p));
        }
        if let Some(p) = &self.boundary {
            set = set.boundary(c(p));
        }
        for p in &self.session {
            set = set.session(c(p));
        }
        for level in &self.scps {
            set = set.scp_level(level.iter().map(|p| c(p)).collect());
        }
        set
    }

    /// Every policy, to add a statement to one of them.
    fn policies_mut(&mut self) -> Vec<&mut Vec<Stmt>> {
        let mut out: Vec<&mut Vec<Stmt>> = self.identity.iter_mut().collect();
        out.extend(self.resource.iter_mut());
        out.extend(self.boundary.iter_mut());
        out.extend(self.session.iter_mut());
        for level in &mut self.scps {
            out.extend(level.iter_mut());
        }
        out
    }
}

fn action_pattern() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(ACTIONS).prop_map(str::to_owned),
        1 => prop::sample::select(ACTIONS).prop_map(|a| format!("{}:*", a.split(':').next().unwrap())),
        1 => prop::sample::select(ACTIONS).prop_map(|a| {
            let (s, n) = a.split_once(':').unwrap();
            format!("{s}:{}*", &n[..3])
        }),
        1 => Just("*".to_owned()),
    ]
}

fn condition() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        3 => Just(None),
        1 => prop::sample::select(vec!["ana", "bob"])
            .prop_map(|u| Some(format!(r#"{{"StringEquals": {{"aws:username": "{u}"}}}}"#))),
        1 => Just(Some(r#"{"Bool": {"aws:SecureTransport": "true"}}"#.to_owned())),
        1 => Just(Some(r#"{"StringNotEquals": {"aws:RequestedRegion": "us-east-1"}}"#.to_owned())),
        1 => Just(Some(r#"{"ForAnyValue:StringLike": {"aws:TagKeys": "team*"}}"#.to_owned())),
    ]
}

fn statement(deny: impl Strategy<Value = bool>, principal: bool) -> impl Strategy<Value = Stmt> {
    (
        deny,
        action_pattern(),
        prop::sample::select(vec!["a", "b"]),
        prop::bool::weighted(0.3),
        condition(),
    )
        .prop_map(move |(deny, action, name, star, condition)| {
            let concrete = ACTIONS
                .iter()
                .find(|a| action.eq_ignore_ascii_case(a))
                .copied();
            let resource = match concrete {
                Some(a) if !star => arn_for(a, name),
                _ => "*".to_owned(),
            };
            Stmt {
                deny,
                action,
                resource,
                condition,
                principal,
            }
        })
}

fn policy(principal: bool) -> impl Strategy<Value = Vec<Stmt>> {
    prop::collection::vec(statement(prop::bool::weighted(0.2), principal), 1..4)
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        prop::collection::vec(policy(false), 0..3),
        prop::option::weighted(0.3, policy(true)),
        prop::option::weighted(0.2, policy(false)),
        prop::collection::vec(policy(false), 0..2),
        prop::collection::vec(prop::collection::vec(policy(false), 1..3), 0..3),
    )
        .prop_map(|(identity, resource, boundary, session, scps)| Spec {
            identity,
            resource,
            boundary,
            session,
            scps,
        })
}

fn request() -> impl Strategy<Value = Request> {
    (
        prop::sample::select(ACTIONS),
        prop::sample::select(vec!["a", "b"]),
        prop::option::of(prop::sample::select(vec!["ana", "bob"])),
        prop::option::of(any::<bool>()),
        prop::option::of(prop::sample::select(vec!["us-east-1", "eu-west-1"])),
        prop::option::of(prop::collection::vec(
            prop::sample::select(vec!["team", "teams", "env"]),
            0..3,
        )),
    )
        .prop_map(|(action, name, user, secure, region, tags)| {
            let mut r = Request::new(action, arn_for(action, name))
                .principal("arn:aws:iam::111122223333:user/ana");
            if let Some(u) = user {
                r = r.context("aws:username", u);
            }
            if let Some(s) = secure {
                r = r.context("aws:SecureTransport", s);
            }
            if let Some(region) = region {
                r = r.context("aws:RequestedRegion", region);
            }
            if let Some(tags) = tags {
                r = r.context_values("aws:TagKeys", tags);
            }
            r
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn adding_a_deny_never_allows(
        spec in spec(),
        req in request(),
        deny in statement(Just(true), false),
        slot in any::<prop::sample::Index>(),
    ) {
        let before = spec.build().decide(&req);
        let mut more = spec.clone();
        let mut slots = more.policies_mut();
        if slots.is_empty() {
            more.identity.push(vec![deny]);
        } else {
            let i = slot.index(slots.len());
            slots[i].push(deny);
        }
        let after = more.build().decide(&req);
        if before != Decision::Allow {
            prop_assert_ne!(after, Decision::Allow);
        }
        if before == Decision::ExplicitDeny {
            prop_assert_eq!(after, Decision::ExplicitDeny);
        }
    }

    #[test]
    fn adding_an_allow_never_removes_access(
        spec in spec(),
        req in request(),
        allow in statement(Just(false), false),
        slot in any::<prop::sample::Index>(),
    ) {
        let before = spec.build().decide(&req);
        let mut more = spec.clone();
        let mut slots = more.policies_mut();
        let i = slot.index(slots.len() + 1);
        match slots.get_mut(i) {
            Some(p) => {
                let in_resource_policy = p.first().is_some_and(|s| s.principal);
                p.push(Stmt { principal: in_resource_policy, ..allow });
            }
            None => more.identity.push(vec![allow]),
        }
        let after = more.build().decide(&req);
        if before == Decision::Allow {
            prop_assert_eq!(after, Decision::Allow);
        }
    }

    #[test]
    fn an_scp_level_without_an_allow_denies(
        spec in spec(),
        req in request(),
        denies in prop::collection::vec(statement(Just(true), false), 0..3),
        at in any::<prop::sample::Index>(),
    ) {
        let mut more = spec;
        let level = if denies.is_empty() { vec![] } else { vec![denies] };
        let i = at.index(more.scps.len() + 1);
        more.scps.insert(i, level);
        prop_assert_ne!(more.build().decide(&req), Decision::Allow);
    }

    #[test]
    fn statements_check_reports_as_unmatchable_never_allow(
        spec in spec(),
        req in request(),
        action in prop::sample::select(ACTIONS),
        wrong in prop::sample::select(ACTIONS),
        misspell in any::<bool>(),
    ) {
        // An action the service does not have, or a resource of another service.
        let (pattern, resource) = if misspell {
            (format!("{action}Zz"), arn_for(action, "a"))
        } else {
            (action.to_owned(), arn_for(wrong, "a"))
        };
        let stmt = Stmt { deny: false, action: pattern, resource, condition: None, principal: false };
        let json = policy_json(std::slice::from_ref(&stmt));
        let codes: Vec<Code> = validate(&json, PolicyKind::Identity).iter().map(|d| d.code).collect();
        let unmatchable = codes.contains(&Code::UnknownAction) || codes.contains(&Code::ResourceMismatch);
        prop_assume!(unmatchable);
        let before = spec.build().decide(&req);
        let mut more = spec;
        more.identity.push(vec![stmt]);
        prop_assert_eq!(more.build().decide(&req), before);
    }
}

#[test]
fn generated_requests_fit_the_catalog() {
    for action in ACTIONS {
        let r = Request::new(*action, arn_for(action, "a"));
        assert_eq!(r.check(), Vec::new(), "{action}");
    }
}
