//! Actions: service prefixes, action names, wildcard patterns and action-level
//! permissions, for every string of `Action` and `NotAction`.
//!
//! Sources: IAM User Guide, "IAM JSON policy elements: Action" and "`NotAction`"
//! (`reference_policies_elements_action.html`): an action is `service-prefix:action-name`,
//! both case-insensitive, `*` and `?` wildcards allowed anywhere; the prefixes and names are
//! those of the Service Authorization Reference (the catalog).

use std::fmt::Write as _;

use super::{Ctx, Policy, Statement};
use crate::capability::{Capability, CapabilityRow, Support};
use crate::model::{self, Action, Service};
use crate::query::{self, has_wildcard, services_matching};
use crate::suggest::suggest;
use crate::{Code, Node, Segment, Text};

/// An action string split as far as its fixed text allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ActionText<'t> {
    /// `*` (or `**`...): every action.
    Star,
    /// Literal text without `:`.
    NoColon(&'t str),
    /// The prefix, or the `:` that ends it, is in an inserted value: nothing to check.
    Unknowable,
    /// `prefix:name`; `name` is `None` when it holds an inserted value.
    Parts {
        /// The service prefix (a literal, maybe with wildcards).
        prefix: &'t str,
        /// The action name, when fully literal (maybe with wildcards).
        name: Option<&'t str>,
    },
}

impl<'t> ActionText<'t> {
    /// Splits an action string. Inserted values (holes) never contain the `:` that ends a
    /// prefix written before them, so a literal first segment with a `:` fixes the prefix.
    pub(crate) fn split(text: &'t Text<'t>) -> ActionText<'t> {
        let Some(Segment::Literal(first)) = text.segments().first() else {
            return ActionText::Unknowable;
        };
        let whole = text.segments().len() == 1;
        // A policy variable in an action is `misplaced-policy-variable`; judging the rest
        // (`${aws` as a service prefix) would only repeat that finding.
        if first.as_bytes().contains(&b'$') && first.contains("${") {
            return ActionText::Unknowable;
        }
        match first.split_once(':') {
            Some((prefix, name)) => ActionText::Parts {
                prefix,
                name: whole.then_some(name),
            },
            None if !whole => ActionText::Unknowable,
            None if !first.is_empty() && first.bytes().all(|b| b == b'*') => ActionText::Star,
            None => ActionText::NoColon(first),
        }
    }
}

/// What an action string grants, for the resource rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Resolved {
    /// One action, named without wildcards.
    Named(Action),
    /// A wildcard pattern (or `*`) that matches at least one action.
    Pattern(Pattern),
    /// Not known when checking: an inserted value, or a string the action rules reject
    /// (a pattern that matches nothing included).
    Unknown,
}

/// A wildcard action pattern, expanded lazily, service by service: the resource rules
/// skip the services no resource of the statement can belong to without listing their
/// actions (`*` reaches 22,000 actions).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pattern {
    prefix: String,
    name: String,
}

impl Pattern {
    /// The services whose prefix the pattern matches.
    pub(crate) fn services(&self) -> impl Iterator<Item = Service> + '_ {
        services_matching(&self.prefix)
    }

    /// The actions of `service` the pattern matches, in name order.
    pub(crate) fn actions_of(&self, service: Service) -> Vec<Action> {
        if self.name.bytes().all(|b| b == b'*') {
            service.actions().collect()
        } else if has_wildcard(&self.name) {
            query::actions_matching(service, &self.name)
        } else {
            service.action(&self.name).into_iter().collect()
        }
    }

    /// The action-name part of the pattern (`Get*` of `s3:Get*`).
    pub(crate) fn name(&self) -> &str {
        &self.name
    }

    /// Every action the pattern matches, by service and name.
    pub(crate) fn actions(&self) -> Vec<Action> {
        let mut all = Vec::new();
        for service in self.services() {
            all.extend(self.actions_of(service));
        }
        all
    }

    /// Whether the pattern matches some action.
    fn matches_any(&self) -> bool {
        self.services()
            .any(|service| service_matches_name(service, &self.name))
    }
}

/// Resolves an action string to the actions it names.
///
/// `last` is the prefix and service of the previous string of the element (`None` at its
/// first), reused when the prefix is the same: the strings of one `Action` mostly share
/// one.
pub(crate) fn resolve<'t>(
    text: &'t Text,
    last: &mut Option<(&'t str, Option<Service>)>,
) -> Resolved {
    let (prefix, name) = match ActionText::split(text) {
        ActionText::Star => ("*", "*"),
        ActionText::Parts {
            prefix,
            name: Some(name),
        } if !prefix.is_empty() && !name.is_empty() => (prefix, name),
        _ => return Resolved::Unknown,
    };
    if has_wildcard(prefix) || has_wildcard(name) {
        let pattern = Pattern {
            prefix: prefix.to_owned(),
            name: name.to_owned(),
        };
        if pattern.matches_any() {
            Resolved::Pattern(pattern)
        } else {
            Resolved::Unknown
        }
    } else {
        let service = match *last {
            Some((previous, service)) if previous == prefix => service,
            _ => {
                let service = model::service(prefix);
                *last = Some((prefix, service));
                service
            }
        };
        match service.and_then(|s| s.action(name)) {
            Some(action) => Resolved::Named(action),
            None => Resolved::Unknown,
        }
    }
}

/// Checks every string of `Action` and `NotAction`: the service prefix exists, the action
/// exists or the wildcard pattern matches at least one action, and the service supports
/// action-level permissions when a single action is named.
pub fn check_actions<'a>(ctx: &mut Ctx, _policy: &Policy<'a>, statement: &Statement<'a>) {
    for not in [false, true] {
        for (node, resolved) in statement.named(not) {
            // A string that names actions has nothing to report.
            if matches!(resolved, Resolved::Unknown) {
                check_action(ctx, node);
            }
        }
    }
}

/// Checks one action string.
fn check_action<'a>(ctx: &mut Ctx, node: &'a Node<'a>) {
    let Some(text) = node.as_text() else {
        return;
    };
    let shown = text.display();
    match ActionText::split(text) {
        // `structure` reports empty strings.
        ActionText::Star | ActionText::Unknowable | ActionText::NoColon("") => {}
        ActionText::NoColon(literal) => {
            let help = match model::service(literal) {
                Some(service) => format!("did you mean `{}:*`?", service.prefix()),
                None => named_elsewhere(literal).map_or_else(
                    || "write actions as `service:action`, e.g. `s3:GetObject`".to_owned(),
                    |found| format!("did you mean {found}?"),
                ),
            };
            ctx.report_help(
                node.loc,
                Code::InvalidAction,
                format!("`{shown}` has no service prefix: an action is `service:action`"),
                help,
            );
        }
        ActionText::Parts { prefix: "", name } => {
            let help = name.and_then(named_elsewhere).map_or_else(
                || "write actions as `service:action`, e.g. `s3:GetObject`".to_owned(),
                |found| format!("did you mean {found}?"),
            );
            ctx.report_help(
                node.loc,
                Code::InvalidAction,
                format!("`{shown}` has no service prefix before its `:`"),
                help,
            );
        }
        ActionText::Parts { prefix, name } if has_wildcard(prefix) => {
            check_prefix_pattern(ctx, node, &shown, prefix, name);
        }
        ActionText::Parts { prefix, name } => check_named_service(ctx, node, &shown, prefix, name),
    }
}

/// A prefix with wildcards (`*:Describe*`, `s3*:Get*`): some service matches it and, when
/// the name is known, some action of those services matches the name.
fn check_prefix_pattern<'a>(
    ctx: &mut Ctx,
    node: &'a Node<'a>,
    shown: &str,
    prefix: &str,
    name: Option<&str>,
) {
    let mut services = services_matching(prefix).peekable();
    if services.peek().is_none() {
        ctx.report_help(
            node.loc,
            Code::PatternMatchesNothing,
            format!("`{shown}` matches no action: no service prefix matches `{prefix}`"),
            "see the actions a pattern matches with `iam-policy expand PATTERN`",
        );
        return;
    }
    let Some(name) = name else {
        return;
    };
    if name.is_empty() {
        report_empty_name(ctx, node, shown, prefix);
        return;
    }
    if !services.any(|service| service_matches_name(service, name)) {
        ctx.report_help(
            node.loc,
            Code::PatternMatchesNothing,
            format!("`{shown}` matches no action of any service whose prefix matches `{prefix}`"),
            "see the actions a pattern matches with `iam-policy expand PATTERN`",
        );
    }
}

/// `discontinued-service` (warning): the prefix is that of a service the capability tables
/// list and the Service Authorization Reference no longer has. IAM accepts the policy (it
/// checks grammar, not services: AWS's own managed policies still name `deepracer:*`), but
/// no request carries the prefix any more.
fn report_discontinued<'a>(
    ctx: &mut Ctx,
    node: &'a Node<'a>,
    shown: &str,
    prefix: &str,
    row: &CapabilityRow,
) {
    ctx.report_help(
        node.loc,
        Code::DiscontinuedService,
        format!(
            "`{shown}`: {} (`{prefix}`) has been discontinued, so this matches no request",
            row.name
        ),
        format!(
            "remove it: the {} of \"AWS services that work with IAM\" lists {}, and the Service Authorization Reference of {} no longer has the prefix `{prefix}`",
            row.edition_name(),
            row.name,
            crate::DATA_DATE
        ),
    );
}

/// Whether some action of `service` matches `name` (a name or a wildcard pattern).
fn service_matches_name(service: Service, name: &str) -> bool {
    if !name.is_empty() && name.bytes().all(|b| b == b'*') {
        service.actions().len() > 0
    } else if has_wildcard(name) {
        let mut any = false;
        query::each_matching(
            service.actions().len(),
            |index| service.action_at(index),
            name,
            |_| {
                any = true;
                false
            },
        );
        any
    } else {
        service.action(name).is_some()
    }
}

/// A literal prefix: the service exists (or only `prefix:*` is used where the service has
/// no action-level permissions), and the name is an action or a pattern matching one.
fn check_named_service<'a>(
    ctx: &mut Ctx,
    node: &'a Node<'a>,
    shown: &str,
    prefix: &str,
    name: Option<&str>,
) {
    let service = model::service(prefix);
    if service.is_none()
        && let Some(row) = crate::capability::discontinued(prefix)
    {
        report_discontinued(ctx, node, shown, prefix, row);
        return;
    }
    let has_actions = service.is_some_and(|s| s.actions().len() > 0);
    // The tables are read only where the per-action data is silent (a scan of ~480 rows).
    let table = if has_actions {
        None
    } else {
        crate::capability::table_support(prefix, Capability::ActionLevel)
    };
    if let Some(row) = action_level_row(has_actions, table) {
        // Only `prefix:*` (or a name in an inserted value, unknown here) is accepted.
        if let Some(name) = name
            && (name.is_empty() || !name.bytes().all(|b| b == b'*'))
        {
            check_action_level(ctx, node, shown, prefix, row);
        }
        return;
    }
    let Some(service) = service else {
        let message = format!("unknown service prefix `{prefix}` in `{shown}`");
        let close = ctx.did_you_mean("service", prefix, &|| {
            suggest(prefix, model::services().map(Service::prefix)).map(str::to_owned)
        });
        match close.as_deref() {
            Some(close) => {
                let full = name
                    .filter(|n| !has_wildcard(n))
                    .and_then(|n| model::service(close)?.action(n))
                    .map_or_else(|| format!("`{close}`"), |a| format!("`{a}`"));
                ctx.report_help(
                    node.loc,
                    Code::UnknownService,
                    message,
                    format!("did you mean {full}?"),
                );
            }
            None => ctx.report_help(
                node.loc,
                Code::UnknownService,
                message,
                "no AWS service has this prefix; see the service's page in the Service Authorization Reference for its prefix",
            ),
        }
        return;
    };
    let Some(name) = name else {
        return;
    };
    let prefix = service.prefix();
    if name.is_empty() {
        report_empty_name(ctx, node, shown, prefix);
    } else if has_wildcard(name) {
        if !service_matches_name(service, name) {
            ctx.report_help(
                node.loc,
                Code::PatternMatchesNothing,
                format!("`{shown}` matches no action of `{prefix}`"),
                format!("see the actions of `{prefix}` with `iam-policy expand {prefix}:*`"),
            );
        }
    } else if service.action(name).is_none() {
        let message = format!("unknown action `{name}` in service `{prefix}`");
        let close = ctx.did_you_mean("action", &format!("{prefix}:{name}"), &|| {
            suggest(name, service.actions().map(Action::name)).map(str::to_owned)
        });
        let help = match close {
            Some(close) => format!("did you mean `{prefix}:{close}`?"),
            None => format!("see the actions of `{prefix}` with `iam-policy expand {prefix}:*`"),
        };
        ctx.report_help(node.loc, Code::UnknownAction, message, help);
    }
}

/// `prefix:` with nothing after the `:`.
fn report_empty_name<'a>(ctx: &mut Ctx, node: &'a Node<'a>, shown: &str, prefix: &str) {
    ctx.report_help(
        node.loc,
        Code::InvalidAction,
        format!("`{shown}` has no action name after its `:`"),
        format!("did you mean `{prefix}:*`?"),
    );
}

/// Actions of any service named exactly `name` (for a string without prefix), as
/// "`s3:GetObject`" or "`a:X` or `b:X`" (at most three).
fn named_elsewhere(name: &str) -> Option<String> {
    if name.is_empty() || has_wildcard(name) {
        return None;
    }
    let found: Vec<String> = model::services()
        .filter_map(|s| s.action(name))
        .take(3)
        .map(|a| format!("`{a}`"))
        .collect();
    match found.split_last() {
        None => None,
        Some((last, [])) => Some(last.clone()),
        Some((last, rest)) => Some(format!("{} or {last}", rest.join(", "))),
    }
}

/// The table row that limits `prefix` to `prefix:*`, if any.
///
/// The founding table of "AWS services that work with IAM" (2018) has one service with
/// "No" under action-level permissions: AWS Support ("the only usable action is
/// `support:*`"). The catalog's sources are ranked by recency: today's per-action data
/// (the Service Authorization Reference) decides wherever it lists actions for the
/// prefix — AWS Support has had single actions (`support:DescribeCases`, ...) for years —
/// and the tables stay as recorded history, shown by `explain`. Between the tables, the
/// latest edition that lists the prefix speaks ([`crate::capability::table_support`]).
/// So the rule applies only to a prefix the tables list with "No" and for which the
/// per-action data has no actions; with today's data no prefix is in that state, but a
/// catalog update that drops a service's actions would bring the rule back into force.
fn action_level_row(
    has_actions: bool,
    table: Option<(Support, &'static CapabilityRow)>,
) -> Option<&'static CapabilityRow> {
    match table {
        Some((Support::No, row)) if !has_actions => Some(row),
        _ => None,
    }
}

/// A service without action-level permissions takes only `prefix:*`.
fn check_action_level<'a>(
    ctx: &mut Ctx,
    node: &'a Node<'a>,
    shown: &str,
    prefix: &str,
    row: &CapabilityRow,
) {
    ctx.report_help(
        node.loc,
        Code::ActionLevelUnsupported,
        action_level_message(shown, prefix, row),
        format!("use `{prefix}:*`"),
    );
}

fn action_level_message(shown: &str, prefix: &str, row: &CapabilityRow) -> String {
    let mut message = format!(
        "`{shown}` names single actions, but `{prefix}` has no action-level permissions: only `{prefix}:*` is accepted (the {} of \"AWS services that work with IAM\", row `{}`",
        row.edition_name(),
        row.name
    );
    for footnote in row.footnotes_for(Capability::ActionLevel) {
        let _ = write!(message, ", footnote {}: {}", footnote.number, footnote.text);
    }
    message.push(')');
    message
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::test_util::{codes, findings, only};

    /// A one-statement policy with these actions (JSON array items) and `"Resource": "*"`.
    fn with_actions(actions: &str) -> String {
        format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":[{actions}],"Resource":"*"}}]}}"#
        )
    }

    #[test]
    fn known_actions_and_matching_patterns_pass_across_services() {
        let found = findings(&with_actions(
            r#""*","s3:GetObject","EC2:describeinstances","iam:PassRole","kms:Decrypt","lambda:InvokeFunction","sqs:SendMessage","sns:Publish","dynamodb:GetItem","sts:AssumeRole","apigateway:GET","organizations:ListAccounts","s3:Get*","*:Describe*","ec2:*Instance?","s3:*","s?s:*","kms:{}""#,
        ));
        assert!(found.is_empty(), "{found:?}");
        // NotAction is checked too, and passes when valid.
        let found = findings(
            r#"{"Version":"2012-10-17","Statement":{"Effect":"Deny","NotAction":["iam:*","sts:GetCallerIdentity"],"Resource":"*"}}"#,
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn invalid_action() {
        let found = findings(&with_actions(
            r#""s3","GetObject","frobnicate","s3:",":AssumeRoleWithSAML""#,
        ));
        assert_eq!(codes(&found), [Code::InvalidAction; 5]);
        assert_eq!(found[0].loc, "/Statement/0/Action/0");
        assert_eq!(
            found[0].message,
            "`s3` has no service prefix: an action is `service:action`"
        );
        assert_eq!(found[0].help.as_deref(), Some("did you mean `s3:*`?"));
        assert_eq!(found[1].loc, "/Statement/0/Action/1");
        assert!(
            found[1]
                .help
                .as_deref()
                .is_some_and(|h| h.contains("`s3:GetObject`")),
            "{:?}",
            found[1].help
        );
        assert_eq!(
            found[2].help.as_deref(),
            Some("write actions as `service:action`, e.g. `s3:GetObject`")
        );
        assert_eq!(found[3].message, "`s3:` has no action name after its `:`");
        assert_eq!(found[3].help.as_deref(), Some("did you mean `s3:*`?"));
        assert_eq!(found[4].loc, "/Statement/0/Action/4");
        assert_eq!(
            found[4].help.as_deref(),
            Some("did you mean `sts:AssumeRoleWithSAML`?")
        );
        // A hole may hold the `:`: nothing to say.
        assert!(findings(&with_actions(r#""{}","s3{}","{}:GetObject""#)).is_empty());
    }

    #[test]
    fn unknown_service() {
        let found = findings(&with_actions(
            r#""s4:GetObject","dynamodbb:GetItem","qqqqqqqq:Get""#,
        ));
        assert_eq!(codes(&found), [Code::UnknownService; 3]);
        assert_eq!(found[0].loc, "/Statement/0/Action/0");
        assert_eq!(
            found[0].message,
            "unknown service prefix `s4` in `s4:GetObject`"
        );
        assert_eq!(
            found[0].help.as_deref(),
            Some("did you mean `s3:GetObject`?")
        );
        assert_eq!(
            found[1].help.as_deref(),
            Some("did you mean `dynamodb:GetItem`?")
        );
        assert!(
            found[2]
                .help
                .as_deref()
                .is_some_and(|h| h.starts_with("no AWS service"))
        );
        // The prefix is checked even when the name is inserted at run time.
        let found = findings(&with_actions(r#""sqs:{}","sqqs:{}""#));
        assert_eq!(codes(&found), [Code::UnknownService]);
        assert_eq!(found[0].loc, "/Statement/0/Action/1");
        assert_eq!(found[0].help.as_deref(), Some("did you mean `sqs`?"));
    }

    #[test]
    fn discontinued_service() {
        // AWS Mobile Hub, a row of the founding table, and AWS DeepRacer, of the latest
        // table (AWS's own AWSDeepRacerAccountAdminAccess still names `deepracer:*`).
        let found = findings(&with_actions(
            r#""mobilehub:CreateProject","deepracer:*","s3:GetObject""#,
        ));
        assert_eq!(codes(&found), [Code::DiscontinuedService; 2]);
        assert!(found.iter().all(|d| !d.is_error()), "a warning: {found:?}");
        assert_eq!(found[0].loc, "/Statement/0/Action/0");
        assert_eq!(
            found[0].message,
            "`mobilehub:CreateProject`: AWS Mobile Hub (`mobilehub`) has been discontinued, so this matches no request"
        );
        assert_eq!(
            found[0].help.as_deref(),
            Some(
                "remove it: the founding table (2018) of \"AWS services that work with IAM\" lists AWS Mobile Hub, and the Service Authorization Reference of 2026-09-26 no longer has the prefix `mobilehub`"
            )
        );
        assert_eq!(found[1].loc, "/Statement/0/Action/1");
        assert!(
            found[1]
                .message
                .starts_with("`deepracer:*`: AWS DeepRacer (`deepracer`)")
        );
        // A prefix no table lists stays unknown; a live service is neither.
        let found = findings(&with_actions(r#""mobilehubb:CreateProject","zocalo:*""#));
        assert_eq!(codes(&found), [Code::UnknownService; 2]);
    }

    #[test]
    fn did_you_mean_is_searched_once_per_name_and_for_a_bounded_number_of_names() {
        use crate::check::MAX_SUGGESTION_SEARCHES;
        // Distinct misspellings: the first ones get a suggestion, later ones the general
        // help (every one is still reported).
        let names: Vec<String> = (0..MAX_SUGGESTION_SEARCHES + 6)
            .map(|i| {
                format!(
                    r#""s3:GetObjekt{}""#,
                    "x".repeat(i % 3 + 1) + &i.to_string()
                )
            })
            .collect();
        let found = findings(&with_actions(&names.join(",")));
        assert_eq!(found.len(), names.len());
        assert!(found.iter().all(|d| d.code == Code::UnknownAction));
        let searched = found
            .iter()
            .filter(|d| {
                d.help.as_deref() != Some("see the actions of `s3` with `iam-policy expand s3:*`")
            })
            .count();
        assert!(searched <= MAX_SUGGESTION_SEARCHES, "{searched}");
        assert!(found.last().is_some_and(|d| {
            d.help
                .as_deref()
                .is_some_and(|h| h.starts_with("see the actions of `s3`"))
        }));
        // One name repeated is searched once and helped every time.
        let found = findings(&with_actions(&vec![r#""s3:GetObjekt""#; 200].join(",")));
        assert_eq!(found.len(), 200);
        assert!(
            found
                .iter()
                .all(|d| d.help.as_deref() == Some("did you mean `s3:GetObject`?"))
        );
    }

    #[test]
    fn unknown_action() {
        let found = findings(&with_actions(
            r#""s3:GetObjekt","ec2:DescribeInstance","iam:PassRoles","kms:Decript","lambda:InvokeFunctions","sns:Publsh","sts:AssumeRol","apigateway:GETT","organizations:ListAccount","sqs:Frobnicate""#,
        ));
        assert_eq!(codes(&found), [Code::UnknownAction; 10]);
        assert_eq!(found[0].loc, "/Statement/0/Action/0");
        assert_eq!(
            found[0].message,
            "unknown action `GetObjekt` in service `s3`"
        );
        let helps: Vec<_> = found
            .iter()
            .map(|d| d.help.clone().unwrap_or_default())
            .collect();
        assert_eq!(
            helps,
            [
                "did you mean `s3:GetObject`?",
                "did you mean `ec2:DescribeInstances`?",
                "did you mean `iam:PassRole`?",
                "did you mean `kms:Decrypt`?",
                "did you mean `lambda:InvokeFunction`?",
                "did you mean `sns:Publish`?",
                "did you mean `sts:AssumeRole`?",
                "did you mean `apigateway:GET`?",
                "did you mean `organizations:ListAccounts`?",
                "see the actions of `sqs` with `iam-policy expand sqs:*`",
            ]
        );
        // The canonical prefix is used in the suggestion.
        let found = findings(&with_actions(r#""DynamoDB:GetItm""#));
        assert_eq!(
            found[0].help.as_deref(),
            Some("did you mean `dynamodb:GetItem`?")
        );
    }

    #[test]
    fn pattern_matches_nothing() {
        let found = findings(&with_actions(
            r#""s3:Git*","*:Frobnicate*","zz*:*","ec2:?","dynamodb:*Itemz""#,
        ));
        assert_eq!(codes(&found), [Code::PatternMatchesNothing; 5]);
        assert_eq!(found[0].loc, "/Statement/0/Action/0");
        assert_eq!(found[0].message, "`s3:Git*` matches no action of `s3`");
        assert_eq!(
            found[0].help.as_deref(),
            Some("see the actions of `s3` with `iam-policy expand s3:*`")
        );
        assert_eq!(
            found[1].message,
            "`*:Frobnicate*` matches no action of any service whose prefix matches `*`"
        );
        assert_eq!(
            found[2].message,
            "`zz*:*` matches no action: no service prefix matches `zz*`"
        );
        assert_eq!(found[4].loc, "/Statement/0/Action/4");
        // Patterns that match pass, in the prefix and in the name.
        assert!(
            findings(&with_actions(
                r#""s3:Get*","*:GetObject","dynamodb:*Item","sts:Assume?ole""#
            ))
            .is_empty()
        );
    }

    #[test]
    fn action_level_unsupported_rests_on_the_table_row() {
        let founding = crate::capability::capability_rows_for("support")
            .find(|r| r.edition == 2018 && r.support(Capability::ActionLevel) == Support::No)
            .unwrap();
        // No per-action data and the table says no: only `support:*`.
        assert!(std::ptr::eq(
            action_level_row(false, Some((Support::No, founding))).unwrap(),
            founding
        ));
        // Today's per-action data has actions: it decides, the table is history.
        assert!(action_level_row(true, Some((Support::No, founding))).is_none());
        assert!(action_level_row(false, Some((Support::Yes, founding))).is_none());
        assert!(action_level_row(false, None).is_none());
        let message = action_level_message("support:DescribeCases", "support", founding);
        assert_eq!(
            message,
            "`support:DescribeCases` names single actions, but `support` has no action-level permissions: only `support:*` is accepted (the founding table (2018) of \"AWS services that work with IAM\", row `AWS Support`)"
        );
        // With today's data, AWS Support's single actions are accepted.
        let found = findings(&with_actions(r#""support:DescribeCases","support:*""#));
        assert!(
            only(&found, Code::ActionLevelUnsupported).is_empty(),
            "{found:?}"
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn resolve_names_patterns_and_unknowns() {
        let get = model::action("s3:GetObject").unwrap();
        assert_eq!(
            resolve(&Text::literal("s3:getobject"), &mut None),
            Resolved::Named(get)
        );
        match resolve(&Text::literal("s3:Get*"), &mut None) {
            Resolved::Pattern(pattern) => assert!(pattern.actions().contains(&get)),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            resolve(&Text::literal("s3:Nope"), &mut None),
            Resolved::Unknown
        );
        assert_eq!(
            resolve(&Text::literal("s3:Nope*"), &mut None),
            Resolved::Unknown
        );
        match resolve(&Text::literal("*"), &mut None) {
            Resolved::Pattern(pattern) => assert!(pattern.actions().len() > 20_000),
            other => panic!("{other:?}"),
        }
        assert_eq!(resolve(&Text::literal("s3"), &mut None), Resolved::Unknown);
        let hole = Text::from_segments(vec![Segment::Literal("s3:".into()), Segment::Hole(0)]);
        assert_eq!(resolve(&hole, &mut None), Resolved::Unknown);
        // The previous string's service is reused only for the same prefix.
        let run = model::action("ec2:RunInstances").unwrap();
        let cases = [
            ("s3:GetObject", Resolved::Named(get)),
            ("s3:GetObject", Resolved::Named(get)),
            ("ec2:RunInstances", Resolved::Named(run)),
            ("ec2:GetObject", Resolved::Unknown),
            ("nope:GetObject", Resolved::Unknown),
            ("S3:GetObject", Resolved::Named(get)),
        ];
        let texts: Vec<Text> = cases.iter().map(|(t, _)| Text::literal(*t)).collect();
        let mut last = None;
        for (text, (shown, expected)) in texts.iter().zip(cases) {
            assert_eq!(resolve(text, &mut last), expected, "{shown}");
        }
    }
}
