//! Least-privilege policies from intent, at run time: the [`Generator`] builder over the
//! engine's generator (`iam_catalog::generate`), the one `generate!` uses at compile
//! time.
//!
//! ```
//! use iam_policy::generate::{Arn, Generator};
//!
//! let bucket = "reports";
//! let generated = Generator::new()
//!     .read(Arn::pattern("arn:aws:s3:::").value(bucket).then("/*"))
//!     .list(Arn::pattern("arn:aws:s3:::").value(bucket))
//!     .write("arn:aws:sqs:us-east-1:123456789012:jobs")
//!     .generate()?;
//! let policy = &generated.policies()[0];
//! assert!(policy.to_json().contains(r#""Sid":"S3ReadObject""#));
//! assert!(policy.validate(iam_policy::PolicyKind::Identity).is_empty());
//! # Ok::<(), iam_policy::generate::GenerateError>(())
//! ```
//!
//! An [`Arn`] is a pattern its author writes (`*` and `?` are wildcards) with values
//! inserted by [`Arn::value`]: a value is a literal, written with IAM's escapes (`${*}`,
//! `${?}`, `${$}`) by the code that writes `policy!`'s `{var}`s, so it matches only
//! itself. For choosing resource types an inserted value counts as one name (no `/` or
//! `:`): `arn:aws:s3:::{bucket}` is a bucket. As with `generate!`, the size quota is
//! counted without the inserted values; `Policy::validate` reports a rendered policy over
//! it (`policy-too-large`).

use std::fmt::{self, Display};

use iam_catalog::check::interpolation::{self, InsertMode, Insertion};
use iam_catalog::generate::{self as engine, LEVELS, Options, STS_KEYS};
use iam_catalog::view::{Chunk, json_chunks};
use iam_catalog::{AccessLevel, Member, Node, NodeKind, PolicyKind, PolicyView, Segment, Text};

use crate::__private::{Part, render};
use crate::Policy;
use crate::document::Condition;
use crate::json::{self, JsonLocation};
use crate::ordered::Ordered;

/// The policy a template asks for: one document, or several when one would exceed the
/// policy type's size quota. The value of `generate!` and of [`Generator::generate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    policies: Vec<Policy>,
    notes: Vec<String>,
}

impl Generated {
    /// A result of `policies` with `notes`.
    pub(crate) fn new(policies: Vec<Policy>, notes: Vec<String>) -> Self {
        Generated { policies, notes }
    }

    /// The documents, in order (one unless the quota split them).
    pub fn policies(&self) -> &[Policy] {
        &self.policies
    }

    /// The documents, owned.
    pub fn into_policies(self) -> Vec<Policy> {
        self.policies
    }

    /// Notes on the result, each starting `warning: ` (a `minimize` wildcard, an entry
    /// that grants nothing, a warning of the check) or `note: ` (dependent actions the
    /// policy does not grant).
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// The document as minified JSON, or a JSON array of the documents when there are
    /// several.
    pub fn to_json(&self) -> String {
        match self.policies.as_slice() {
            [one] => one.to_json(),
            many => {
                let mut out = String::from("[");
                for (index, policy) in many.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    out.push_str(policy.as_json());
                }
                out.push(']');
                out
            }
        }
    }

    /// [`Generated::to_json`], indented.
    pub fn to_json_pretty(&self) -> String {
        match self.policies.as_slice() {
            [one] => one.to_json_pretty(),
            many => {
                let values: Vec<Ordered> = many
                    .iter()
                    .filter_map(|p| Ordered::parse(p.as_json()).ok())
                    .collect();
                Ordered::Array(values).to_json_pretty()
            }
        }
    }
}

/// An ARN pattern with values inserted at run time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arn {
    pieces: Vec<Piece>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Pattern(String),
    Value(String),
}

impl Arn {
    /// The pattern text as its author writes it (`*` and `?` are IAM wildcards).
    pub fn pattern(text: impl Into<String>) -> Self {
        Arn {
            pieces: vec![Piece::Pattern(text.into())],
        }
    }

    /// Appends a literal value (a bucket name, an account), written with IAM's escapes.
    #[must_use]
    pub fn value(mut self, value: impl Display) -> Self {
        self.pieces.push(Piece::Value(value.to_string()));
        self
    }

    /// Appends more pattern text.
    #[must_use]
    pub fn then(mut self, text: impl Into<String>) -> Self {
        self.pieces.push(Piece::Pattern(text.into()));
        self
    }
}

impl From<&str> for Arn {
    fn from(text: &str) -> Self {
        Arn::pattern(text)
    }
}

impl From<String> for Arn {
    fn from(text: String) -> Self {
        Arn::pattern(text)
    }
}

/// Why a template could not be generated: every mistake, each at its place in the
/// template (a JSON pointer; with line and column for a template read from JSON text).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GenerateError {
    /// The mistakes, in template order.
    pub errors: Vec<engine::Error<JsonLocation>>,
}

impl fmt::Display for GenerateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, error) in self.errors.iter().enumerate() {
            if index > 0 {
                f.write_str("\n")?;
            }
            let at = if error.loc.pointer.is_empty() {
                "/"
            } else {
                error.loc.pointer.as_str()
            };
            write!(f, "{at}: {}", error.message)?;
            if let Some(help) = &error.help {
                write!(f, " (help: {help})")?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for GenerateError {}

/// A template built in code, or read from JSON: `policy_sentry`'s model plus `Deny`,
/// conditions and service-scoped grants (see `iam_catalog::generate`).
#[derive(Debug, Clone, Default)]
pub struct Generator {
    kind: Option<PolicyKind>,
    minimize: bool,
    deny: bool,
    levels: Vec<(AccessLevel, Arn, Option<Condition>)>,
    grants: Vec<Grant>,
    single_actions: Vec<String>,
    service_levels: Vec<(String, AccessLevel)>,
    skip: Vec<String>,
    exclude: Vec<String>,
    sts: Vec<(&'static str, Arn)>,
    actions: Vec<String>,
    parsed: Option<Node<'static, JsonLocation>>,
}

/// One `grants` entry: levels of one service, or named actions, on an ARN.
#[derive(Debug, Clone)]
struct Grant {
    arn: Arn,
    levels: Option<(String, Vec<AccessLevel>)>,
    actions: Vec<String>,
    condition: Option<Condition>,
}

fn level_key(level: AccessLevel) -> &'static str {
    LEVELS
        .iter()
        .find(|(_, l)| *l == level)
        .map_or("write", |(key, _)| *key)
}

impl Generator {
    /// An empty `crud` template for an identity policy.
    pub fn new() -> Self {
        Self::default()
    }

    /// A template read from JSON text (the format of `iam-policy generate`). Values
    /// are the template's own text; [`Generator::kind`] and [`Generator::minimize`] still
    /// apply.
    ///
    /// # Errors
    ///
    /// The text is not JSON.
    pub fn from_json(text: &str) -> Result<Self, json::SyntaxError> {
        Ok(Generator {
            parsed: Some(json::parse(text)?.into_owned()),
            ..Self::default()
        })
    }

    /// A template already read into the engine's tree (from YAML, say), located by JSON
    /// pointer, line and column.
    pub fn from_tree(root: Node<'_, JsonLocation>) -> Self {
        Generator {
            parsed: Some(root.into_owned()),
            ..Self::default()
        }
    }

    /// The policy type, which sets the size quota: `identity` (the default), `boundary`
    /// or `session`.
    #[must_use]
    pub fn kind(mut self, kind: PolicyKind) -> Self {
        self.kind = Some(kind);
        self
    }

    /// Shortens action lists with `Prefix*` patterns that match exactly the requested
    /// actions in today's catalog (each noted: a wildcard grants what AWS adds later).
    #[must_use]
    pub fn minimize(mut self, minimize: bool) -> Self {
        self.minimize = minimize;
        self
    }

    /// Every statement denies instead of allowing.
    #[must_use]
    pub fn deny(mut self) -> Self {
        self.deny = true;
        self
    }

    /// Grants the `level` actions that take the resource types `arn` fits, under
    /// `condition` (an IAM `Condition` element) when given: build one with
    /// [`Condition::with`] or read it with [`Condition::from_json`].
    ///
    /// ```
    /// use iam_policy::document::Condition;
    /// use iam_policy::generate::Generator;
    /// use iam_policy::AccessLevel;
    ///
    /// let generated = Generator::new()
    ///     .level(
    ///         AccessLevel::Read,
    ///         "arn:aws:s3:::reports/*",
    ///         Some(Condition::new().with("Bool", "aws:SecureTransport", "true")),
    ///     )
    ///     .generate()?;
    /// let json = generated.to_json();
    /// assert!(json.contains(r#""Condition":{"Bool":{"aws:SecureTransport":"true"}}"#), "{json}");
    /// # Ok::<(), iam_policy::generate::GenerateError>(())
    /// ```
    #[must_use]
    pub fn level(
        mut self,
        level: AccessLevel,
        arn: impl Into<Arn>,
        condition: Option<Condition>,
    ) -> Self {
        self.levels.push((level, arn.into(), condition));
        self
    }

    /// `read`: [`Generator::level`] with [`AccessLevel::Read`].
    #[must_use]
    pub fn read(self, arn: impl Into<Arn>) -> Self {
        self.level(AccessLevel::Read, arn, None)
    }

    /// `write`.
    #[must_use]
    pub fn write(self, arn: impl Into<Arn>) -> Self {
        self.level(AccessLevel::Write, arn, None)
    }

    /// `list`.
    #[must_use]
    pub fn list(self, arn: impl Into<Arn>) -> Self {
        self.level(AccessLevel::List, arn, None)
    }

    /// `tagging`.
    #[must_use]
    pub fn tagging(self, arn: impl Into<Arn>) -> Self {
        self.level(AccessLevel::Tagging, arn, None)
    }

    /// `permissions-management`.
    #[must_use]
    pub fn permissions_management(self, arn: impl Into<Arn>) -> Self {
        self.level(AccessLevel::PermissionsManagement, arn, None)
    }

    /// Grants `levels` of `service` only (a prefix such as `s3`) on `arn`.
    #[must_use]
    pub fn grant(
        mut self,
        arn: impl Into<Arn>,
        service: &str,
        levels: &[AccessLevel],
        condition: Option<Condition>,
    ) -> Self {
        self.grants.push(Grant {
            arn: arn.into(),
            levels: Some((service.to_owned(), levels.to_vec())),
            actions: Vec::new(),
            condition,
        });
        self
    }

    /// Grants exactly `actions` on `arn`, which must be a resource each of them takes.
    #[must_use]
    pub fn grant_actions(
        mut self,
        arn: impl Into<Arn>,
        actions: &[&str],
        condition: Option<Condition>,
    ) -> Self {
        self.grants.push(Grant {
            arn: arn.into(),
            levels: None,
            actions: actions.iter().map(|a| (*a).to_owned()).collect(),
            condition,
        });
        self
    }

    /// A wildcard-only action (`s3:ListAllMyBuckets`), granted on `"*"`.
    #[must_use]
    pub fn wildcard_only(mut self, action: &str) -> Self {
        self.single_actions.push(action.to_owned());
        self
    }

    /// Every wildcard-only action of `level` in `service`, granted on `"*"`.
    #[must_use]
    pub fn wildcard_only_service(mut self, service: &str, level: AccessLevel) -> Self {
        self.service_levels.push((service.to_owned(), level));
        self
    }

    /// An action granted on `"*"` whatever resource types it takes.
    #[must_use]
    pub fn skip_resource_constraints(mut self, action: &str) -> Self {
        self.skip.push(action.to_owned());
        self
    }

    /// Leaves out the actions `pattern` matches (`kms:Delete*`).
    #[must_use]
    pub fn exclude(mut self, pattern: &str) -> Self {
        self.exclude.push(pattern.to_owned());
        self
    }

    /// `sts:AssumeRole` on a role.
    #[must_use]
    pub fn assume_role(mut self, role: impl Into<Arn>) -> Self {
        self.sts.push(("assume-role", role.into()));
        self
    }

    /// An action of a `mode: actions` template, granted on its resource types' formats.
    #[must_use]
    pub fn action(mut self, action: &str) -> Self {
        self.actions.push(action.to_owned());
        self
    }

    /// Generates the policy.
    ///
    /// # Errors
    ///
    /// Every mistake of the template, located (see `iam_catalog::generate::generate`).
    pub fn generate(&self) -> Result<Generated, GenerateError> {
        let mut values = Vec::new();
        let template = match &self.parsed {
            Some(root) => root.clone(),
            None => self.template(&mut values),
        };
        let (root, locations) = template.numbered();
        let kind = self.kind.unwrap_or(PolicyKind::Identity);
        let generated = engine::generate(&root, &Options::new(kind).minimize(self.minimize))
            .map_err(|errors| GenerateError {
                errors: errors
                    .into_iter()
                    .map(|error| {
                        error.map_loc(|loc| {
                            locations
                                .get(loc.index())
                                .cloned()
                                .unwrap_or_else(|| at(""))
                        })
                    })
                    .collect(),
            })?;
        let policies = generated
            .policies
            .iter()
            .map(|view| render_view(view, kind, &values))
            .collect::<Result<Vec<_>, _>>()?;
        let notes = generated
            .notes
            .into_iter()
            .map(|note| match note.severity {
                Some(iam_catalog::Severity::Warning) => format!("warning: {}", note.message),
                _ => format!("note: {}", note.message),
            })
            .collect();
        Ok(Generated::new(policies, notes))
    }

    /// The template as the engine's tree, each inserted value a hole indexing `values`.
    #[expect(clippy::too_many_lines, reason = "one block per template key")]
    fn template(&self, values: &mut Vec<String>) -> Node<'static, JsonLocation> {
        let mut t = TreeBuilder { values };
        let mut members: Vec<(String, Node<'static, JsonLocation>)> = Vec::new();
        if !self.actions.is_empty() {
            members.push(("mode".into(), string_node("/mode", "actions")));
            members.push(("actions".into(), string_array("/actions", &self.actions)));
        }
        if self.deny {
            members.push(("effect".into(), string_node("/effect", "Deny")));
        }
        for (key, _) in LEVELS {
            let entries: Vec<_> = self
                .levels
                .iter()
                .filter(|(level, _, _)| level_key(*level) == *key)
                .collect();
            if entries.is_empty() {
                continue;
            }
            let items = entries
                .iter()
                .enumerate()
                .map(|(i, (_, arn, condition))| {
                    let at = format!("/{key}/{i}");
                    match condition {
                        None => t.arn(&at, arn),
                        Some(condition) => {
                            let arn_node = t.arn(&format!("{at}/arn"), arn);
                            let condition = json_node(&format!("{at}/condition"), condition);
                            object_node(
                                &at,
                                vec![("arn".into(), arn_node), ("condition".into(), condition)],
                            )
                        }
                    }
                })
                .collect();
            members.push(((*key).to_owned(), array_node(&format!("/{key}"), items)));
        }
        if !self.grants.is_empty() {
            let items = self
                .grants
                .iter()
                .enumerate()
                .map(|(i, grant)| {
                    let at = format!("/grants/{i}");
                    let mut entry =
                        vec![("arn".to_owned(), t.arn(&format!("{at}/arn"), &grant.arn))];
                    if let Some((service, levels)) = &grant.levels {
                        let levels = levels
                            .iter()
                            .enumerate()
                            .map(|(j, level)| {
                                string_node(&format!("{at}/{service}/{j}"), level_key(*level))
                            })
                            .collect();
                        entry.push((
                            service.clone(),
                            array_node(&format!("{at}/{service}"), levels),
                        ));
                    }
                    if !grant.actions.is_empty() {
                        entry.push((
                            "actions".to_owned(),
                            string_array(&format!("{at}/actions"), &grant.actions),
                        ));
                    }
                    if let Some(condition) = &grant.condition {
                        entry.push((
                            "condition".into(),
                            json_node(&format!("{at}/condition"), condition),
                        ));
                    }
                    object_node(&at, entry)
                })
                .collect();
            members.push(("grants".into(), array_node("/grants", items)));
        }
        let mut wildcard = Vec::new();
        if !self.single_actions.is_empty() {
            wildcard.push((
                "single-actions".to_owned(),
                string_array("/wildcard-only/single-actions", &self.single_actions),
            ));
        }
        for (_, level) in LEVELS {
            let key = format!("service-{}", level_key(*level));
            let items: Vec<_> = self
                .service_levels
                .iter()
                .filter(|(_, l)| l == level)
                .enumerate()
                .map(|(i, (service, _))| string_node(&format!("/wildcard-only/{key}/{i}"), service))
                .collect();
            if !items.is_empty() {
                let node = array_node(&format!("/wildcard-only/{key}"), items);
                wildcard.push((key, node));
            }
        }
        if !wildcard.is_empty() {
            members.push((
                "wildcard-only".into(),
                object_node("/wildcard-only", wildcard),
            ));
        }
        for (key, list) in [
            ("skip-resource-constraints", &self.skip),
            ("exclude-actions", &self.exclude),
        ] {
            if !list.is_empty() {
                members.push((key.to_owned(), string_array(&format!("/{key}"), list)));
            }
        }
        if !self.sts.is_empty() {
            let mut sts = Vec::new();
            for (key, _) in STS_KEYS {
                let items: Vec<_> = self
                    .sts
                    .iter()
                    .filter(|(k, _)| k == key)
                    .enumerate()
                    .map(|(i, (_, arn))| t.arn(&format!("/sts/{key}/{i}"), arn))
                    .collect();
                if !items.is_empty() {
                    let node = array_node(&format!("/sts/{key}"), items);
                    sts.push(((*key).to_owned(), node));
                }
            }
            members.push(("sts".into(), object_node("/sts", sts)));
        }
        object_node("", members)
    }
}

/// Builds template nodes located by JSON pointer (line and column 0: built, not read).
struct TreeBuilder<'v> {
    values: &'v mut Vec<String>,
}

fn at(pointer: &str) -> JsonLocation {
    JsonLocation {
        pointer: pointer.to_owned(),
        line: 0,
        column: 0,
    }
}

impl TreeBuilder<'_> {
    fn arn(&mut self, pointer: &str, arn: &Arn) -> Node<'static, JsonLocation> {
        let mut segments = Vec::new();
        for piece in &arn.pieces {
            match piece {
                Piece::Pattern(text) => match segments.last_mut() {
                    Some(Segment::Literal(last)) => last.to_mut().push_str(text),
                    _ => segments.push(Segment::Literal(text.clone().into())),
                },
                Piece::Value(value) => {
                    let id = u32::try_from(self.values.len()).unwrap_or(u32::MAX);
                    self.values.push(value.clone());
                    segments.push(Segment::Hole(id));
                }
            }
        }
        Node::new(NodeKind::String(Text::from_segments(segments)), at(pointer))
    }
}

fn string_node(pointer: &str, text: &str) -> Node<'static, JsonLocation> {
    Node::new(
        NodeKind::String(Text::literal(text.to_owned())),
        at(pointer),
    )
}

/// An array of strings at `pointer`, each at `pointer/index`.
fn string_array(pointer: &str, items: &[String]) -> Node<'static, JsonLocation> {
    let mut nodes = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        nodes.push(string_node(&format!("{pointer}/{index}"), item));
    }
    array_node(pointer, nodes)
}

fn array_node(
    pointer: &str,
    items: Vec<Node<'static, JsonLocation>>,
) -> Node<'static, JsonLocation> {
    Node::new(NodeKind::Array(items), at(pointer))
}

fn object_node(
    pointer: &str,
    members: Vec<(String, Node<'static, JsonLocation>)>,
) -> Node<'static, JsonLocation> {
    let members = members
        .into_iter()
        .map(|(key, value)| Member {
            key_loc: at(&format!("{pointer}/{key}")),
            key: key.into(),
            value,
        })
        .collect();
    Node::new(NodeKind::Object(members), at(pointer))
}

/// A condition given in code, written as JSON and read by the one JSON reader, located
/// under `pointer`.
fn json_node(pointer: &str, value: &Condition) -> Node<'static, JsonLocation> {
    let text = Ordered::of(value)
        .map(|value| value.to_json())
        .unwrap_or_default();
    match json::parse(&text) {
        Ok(node) => node
            .map_locs(&mut |loc| at(&format!("{pointer}{}", loc.pointer)))
            .into_owned(),
        // A condition is written as valid JSON; should it not be, the value is null.
        Err(_) => Node::new(NodeKind::Null, at(pointer)),
    }
}

/// Writes a generated document with its inserted values, each by its place, through the
/// code that writes `policy!`'s values (`__private::render`).
fn render_view(
    view: &PolicyView<'_>,
    kind: PolicyKind,
    values: &[String],
) -> Result<Policy, GenerateError> {
    let chunks = json_chunks(&view.root);
    let modes = interpolation::modes(view);
    let mode_of = |slot: Insertion| {
        modes
            .iter()
            .find(|(s, _)| *s == slot)
            .map_or(InsertMode::Refuse, |(_, mode)| *mode)
    };
    let mut parts = Vec::with_capacity(chunks.len());
    for chunk in &chunks {
        parts.push(match chunk {
            Chunk::Json(json) => Part::Json(json),
            Chunk::Insert(id) => {
                let value = usize::try_from(*id).ok().and_then(|i| values.get(i));
                match (value, mode_of(Insertion::Hole(*id))) {
                    (Some(value), InsertMode::Escape) => Part::Escaped(value),
                    (Some(value), InsertMode::Verbatim) => Part::Verbatim(value),
                    _ => return Err(internal()),
                }
            }
            Chunk::Value(_) => return Err(internal()),
        });
    }
    Ok(render(kind, &parts))
}

fn internal() -> GenerateError {
    GenerateError {
        errors: vec![engine::Error {
            loc: at(""),
            message:
                "internal error: a value landed where it cannot be written; please report this"
                    .to_owned(),
            help: None,
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_literals_and_select_by_the_fixed_parts() {
        let generated = Generator::new()
            .read(Arn::pattern("arn:aws:s3:::").value("a*b?$").then("/*"))
            .list(Arn::pattern("arn:aws:s3:::").value("a*b?$"))
            .generate()
            .unwrap();
        let json = generated.to_json();
        assert!(json.contains(r#""Sid":"S3ReadObject""#), "{json}");
        assert!(
            json.contains(r#""arn:aws:s3:::a${*}b${?}${$}/*""#),
            "{json}"
        );
        assert!(json.contains(r#""Sid":"S3ListBucket""#), "{json}");
        assert!(json.contains(r#""arn:aws:s3:::a${*}b${?}${$}""#), "{json}");
        assert!(
            generated.policies()[0]
                .validate(PolicyKind::Identity)
                .is_empty()
        );
    }

    #[test]
    fn errors_are_located_by_pointer() {
        let error = Generator::new()
            .read("arn:aws:s3:us-east-1::b")
            .wildcard_only("s3:GetObject")
            .generate()
            .unwrap_err();
        assert_eq!(error.errors.len(), 2);
        assert_eq!(error.errors[0].loc.pointer, "/read/0");
        assert_eq!(
            error.errors[1].loc.pointer,
            "/wildcard-only/single-actions/0"
        );
        assert!(
            error
                .to_string()
                .starts_with("/read/0: `arn:aws:s3:us-east-1::b` fits no resource type")
        );
    }

    #[test]
    fn json_templates_and_splits() {
        let template = r#"{"read": ["arn:aws:s3:::b/*", "arn:aws:s3:::b"],
            "write": ["arn:aws:s3:::b/*", "arn:aws:s3:::b"],
            "list": ["arn:aws:s3:::b/*", "arn:aws:s3:::b"],
            "tagging": ["arn:aws:s3:::b/*", "arn:aws:s3:::b"]}"#;
        let one = Generator::from_json(template).unwrap().generate().unwrap();
        assert_eq!(one.policies().len(), 1);
        assert!(one.to_json().starts_with('{'));
        let split = Generator::from_json(template)
            .unwrap()
            .kind(PolicyKind::Session)
            .generate()
            .unwrap();
        assert!(split.policies().len() > 1);
        let array: Vec<serde_json::Value> = serde_json::from_str(&split.to_json()).unwrap();
        assert_eq!(array.len(), split.policies().len());
        for policy in split.policies() {
            assert!(policy.validate(PolicyKind::Session).is_empty());
        }
        let error = Generator::from_json("{\n  \"raed\": []\n}")
            .unwrap()
            .generate()
            .unwrap_err();
        assert_eq!(
            (error.errors[0].loc.line, error.errors[0].loc.column),
            (2, 3)
        );
    }

    #[test]
    fn grants_conditions_deny_and_sts() {
        let generated = Generator::new()
            .deny()
            .grant(
                "arn:aws:s3:::b/*",
                "s3",
                &[AccessLevel::Write],
                Some(Condition::new().with("Bool", "aws:SecureTransport", "false")),
            )
            .assume_role(Arn::pattern("arn:aws:iam::123456789012:role/").value("deploy"))
            .generate()
            .unwrap();
        let json = generated.to_json();
        assert!(
            json.contains(r#""Sid":"S3WriteObjectCondition1","Effect":"Deny""#),
            "{json}"
        );
        assert!(
            json.contains(r#""Condition":{"Bool":{"aws:SecureTransport":"false"}}"#),
            "{json}"
        );
        assert!(json.contains(r#""Sid":"AssumeRole","Effect":"Deny","Action":["sts:AssumeRole"],"Resource":["arn:aws:iam::123456789012:role/deploy"]"#), "{json}");
    }
}
