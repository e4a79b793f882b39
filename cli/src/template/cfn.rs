//! CloudFormation templates: find each policy document by resource type and property,
//! lower intrinsic functions into the engine's holes, check with the property's policy
//! type.
//!
//! Intrinsic functions (CloudFormation User Guide, "Intrinsic function reference"):
//! - A string-valued function becomes text with holes, the engine's unknown, non-empty
//!   run-time parts: `Ref` (a parameter, a pseudo parameter, a resource), `Fn::GetAtt`,
//!   `Fn::ImportValue`, `Fn::FindInMap`, `Fn::Select`, `Fn::Base64`, `Fn::ToJsonString`.
//! - `Fn::Sub` keeps its fixed text: each `${Name}` is a hole (or the value its variable
//!   map gives), `${!Literal}` is the literal `${Literal}`.
//! - `Fn::Join` of literals and functions is one text with the delimiter between parts.
//! - `Ref`/`Fn::GetAtt` of a resource whose ARN shape the resource type's "Return values"
//!   section documents is that ARN with holes (`!GetAtt Bucket.Arn` is
//!   `arn:{}:s3:::{}`), so the engine still matches it to resource types.
//! - `Ref: AWS::NoValue` removes the member or element, as CloudFormation does.
//! - JSON text is not lowered (CloudFormation evaluates no function inside a string),
//!   but JSON text in `Fn::Sub` is read with each `${...}` inside a JSON string a hole.
//! - Anything else (`Fn::If`, list-valued functions such as `Fn::Split`, a `Ref` to a list
//!   parameter) is a value the engine does not look into, with a warning that names it;
//!   a whole policy document computed that way is reported as not checked.

use std::collections::HashMap;

use iam_catalog::{Member, Node, NodeKind, PolicyKind, Segment, Text};
use iam_policy::{JsonLocation, ValidateOptions};

use super::{Lines, NoteLevel, Report, get, parse_embedded};

/// Where a resource type keeps its policies.
enum Place {
    /// A property that is one policy document.
    Property(&'static str, PolicyKind),
    /// `Policies: [{PolicyName, PolicyDocument}]` of roles, users and groups.
    InlinePolicies,
    /// `AWS::Organizations::Policy` `Content`, by its `Type`.
    Organizations,
}

/// The policy documents of each resource type. Sources: each type's page in the
/// CloudFormation User Guide's "AWS resource and property types reference".
fn places(resource_type: &str) -> &'static [Place] {
    use PolicyKind::{Endpoint, Identity, Resource, Trust};
    match resource_type {
        "AWS::IAM::Policy"
        | "AWS::IAM::ManagedPolicy"
        | "AWS::IAM::RolePolicy"
        | "AWS::IAM::UserPolicy"
        | "AWS::IAM::GroupPolicy" => &[Place::Property("PolicyDocument", Identity)],
        "AWS::IAM::Role" => &[
            Place::Property("AssumeRolePolicyDocument", Trust),
            Place::InlinePolicies,
        ],
        "AWS::IAM::User" | "AWS::IAM::Group" => &[Place::InlinePolicies],
        "AWS::S3::BucketPolicy"
        | "AWS::S3Express::BucketPolicy"
        | "AWS::S3Outposts::BucketPolicy"
        | "AWS::SQS::QueuePolicy"
        | "AWS::SQS::QueueInlinePolicy"
        | "AWS::SNS::TopicPolicy"
        | "AWS::SNS::TopicInlinePolicy"
        | "AWS::Logs::ResourcePolicy" => &[Place::Property("PolicyDocument", Resource)],
        "AWS::KMS::Key" | "AWS::KMS::ReplicaKey" => &[Place::Property("KeyPolicy", Resource)],
        "AWS::SecretsManager::ResourcePolicy" | "AWS::Kinesis::ResourcePolicy" => {
            &[Place::Property("ResourcePolicy", Resource)]
        }
        "AWS::ECR::Repository" => &[Place::Property("RepositoryPolicyText", Resource)],
        "AWS::ECR::RegistryPolicy" => &[Place::Property("PolicyText", Resource)],
        "AWS::EFS::FileSystem" => &[Place::Property("FileSystemPolicy", Resource)],
        "AWS::Backup::BackupVault" => &[Place::Property("AccessPolicy", Resource)],
        "AWS::Events::EventBus" | "AWS::ApiGateway::RestApi" | "AWS::S3::AccessPoint" => {
            &[Place::Property("Policy", Resource)]
        }
        "AWS::OpenSearchService::Domain" | "AWS::Elasticsearch::Domain" => {
            &[Place::Property("AccessPolicies", Resource)]
        }
        "AWS::CodeArtifact::Domain" | "AWS::CodeArtifact::Repository" => {
            &[Place::Property("PermissionsPolicyDocument", Resource)]
        }
        "AWS::EC2::VPCEndpoint" => &[Place::Property("PolicyDocument", Endpoint)],
        "AWS::Organizations::Policy" => &[Place::Organizations],
        _ => &[],
    }
}

/// What a logical name stands for.
#[derive(Clone)]
enum Name {
    /// A parameter of this `Type`.
    Parameter(String),
    /// A resource of this `Type`.
    Resource(String),
}

/// Checks every policy of a template.
pub fn check(
    root: &Node<JsonLocation>,
    text: &str,
    exact: bool,
    options: &ValidateOptions,
) -> Report {
    let mut names = HashMap::new();
    if let Some(parameters) = get(root, "Parameters").and_then(Node::as_object) {
        for p in parameters {
            let ty = get(&p.value, "Type")
                .and_then(Node::as_literal)
                .unwrap_or("String");
            names.insert(p.key.to_string(), Name::Parameter(ty.to_owned()));
        }
    }
    let resources = get(root, "Resources")
        .and_then(Node::as_object)
        .unwrap_or(&[]);
    for r in resources {
        if let Some(ty) = get(&r.value, "Type").and_then(Node::as_literal) {
            names.insert(r.key.to_string(), Name::Resource(ty.to_owned()));
        }
    }
    let mut walker = Walker {
        names: &names,
        lines: Lines::new(text),
        exact,
        options,
        report: Report::default(),
        holes: 0,
        owner: String::new(),
    };
    for resource in resources {
        let Some(ty) = get(&resource.value, "Type").and_then(Node::as_literal) else {
            continue;
        };
        let Some(properties) = get(&resource.value, "Properties") else {
            continue;
        };
        if !places(ty).is_empty() && intrinsic(properties).is_some() {
            walker.report.found += 1;
            walker.owner = format!("`{}` ({ty})", resource.key);
            walker.not_checked(properties);
            continue;
        }
        for place in places(ty) {
            walker.place(&resource.key, ty, properties, place);
        }
    }
    walker.report
}

struct Walker<'a> {
    names: &'a HashMap<String, Name>,
    lines: Lines<'a>,
    exact: bool,
    options: &'a ValidateOptions,
    report: Report,
    holes: u32,
    /// The resource and property being lowered, for messages.
    owner: String,
}

/// The single `Fn::*`/`Ref`/`Condition` key of an intrinsic function object.
fn intrinsic<'n>(node: &'n Node<'n, JsonLocation>) -> Option<&'n Member<'n, JsonLocation>> {
    match node.as_object() {
        Some([m]) if m.key == "Ref" || m.key == "Condition" || m.key.starts_with("Fn::") => Some(m),
        _ => None,
    }
}

fn is_no_value(node: &Node<JsonLocation>) -> bool {
    intrinsic(node).is_some_and(|m| m.key == "Ref" && m.value.as_literal() == Some("AWS::NoValue"))
}

/// Appends `segments` to `out`, joining adjacent literals (the view allows none).
fn push(out: &mut Vec<Segment<'static>>, segment: Segment<'static>) {
    match (out.last_mut(), segment) {
        (_, Segment::Literal(s)) if s.is_empty() => {}
        (Some(Segment::Literal(last)), Segment::Literal(s)) => last.to_mut().push_str(&s),
        (_, segment) => out.push(segment),
    }
}

impl Walker<'_> {
    fn place(&mut self, id: &str, ty: &str, properties: &Node<JsonLocation>, place: &Place) {
        match place {
            Place::Property(name, kind) => {
                if let Some(document) = get(properties, name) {
                    self.report.service = super::resource_policy_service(ty);
                    self.document(&format!("`{id}` ({ty} {name})"), document, *kind);
                    self.report.service = None;
                }
            }
            Place::InlinePolicies => {
                let Some(policies) = get(properties, "Policies") else {
                    return;
                };
                let Some(items) = policies.as_array() else {
                    self.owner = format!("`{id}` ({ty} Policies)");
                    self.not_checked(policies);
                    return;
                };
                for item in items {
                    if is_no_value(item) {
                        continue;
                    }
                    if let Some(document) = get(item, "PolicyDocument") {
                        let name = get(item, "PolicyName")
                            .and_then(Node::as_literal)
                            .map(|n| format!(" `{n}`"))
                            .unwrap_or_default();
                        self.document(
                            &format!("`{id}` ({ty} policy{name})"),
                            document,
                            PolicyKind::Identity,
                        );
                    } else {
                        self.owner = format!("`{id}` ({ty} Policies)");
                        self.not_checked(item);
                    }
                }
            }
            Place::Organizations => {
                let Some(content) = get(properties, "Content") else {
                    return;
                };
                let owner = format!("`{id}` ({ty} Content)");
                // Organizations policy types: the Type property of AWS::Organizations::Policy.
                match get(properties, "Type").and_then(Node::as_literal) {
                    Some("SERVICE_CONTROL_POLICY") => {
                        self.document(&owner, content, PolicyKind::Scp);
                    }
                    Some("RESOURCE_CONTROL_POLICY") => {
                        self.document(&owner, content, PolicyKind::Rcp);
                    }
                    // Tag, backup, AI opt-out and other management policies are not IAM
                    // policy documents.
                    Some(_) => {}
                    None => {
                        self.report.found += 1;
                        self.report.note(
                            NoteLevel::Warning,
                            &content.loc,
                            format!("{owner}: the policy `Type` is not a literal, so the policy type is unknown; not checked"),
                        );
                    }
                }
            }
        }
    }

    /// One policy document: an object (lowered and checked), JSON text (parsed and
    /// checked), or a value computed at deploy time (reported, not checked).
    fn document(&mut self, owner: &str, node: &Node<JsonLocation>, kind: PolicyKind) {
        owner.clone_into(&mut self.owner);
        self.report.found += 1;
        if is_no_value(node) {
            self.report.found -= 1;
            return;
        }
        match &node.kind {
            // JSON text: CloudFormation passes it as it is (functions are not evaluated
            // inside a string), so it is not lowered.
            NodeKind::String(text) if !text.has_holes() => {
                let text = text.display();
                match parse_embedded(&self.lines, node, &text, self.exact) {
                    Ok(document) => {
                        self.report.check(document, kind, owner, self.options);
                    }
                    Err(error) => self.report.invalid_json(error, owner, self.options),
                }
            }
            NodeKind::Object(_) if intrinsic(node).is_none() => {
                let document = self.lower(node);
                self.report.check(document, kind, owner, self.options);
            }
            NodeKind::Object(_) if let Some(document) = self.sub_document(node) => {
                self.report.check(document, kind, owner, self.options);
            }
            _ => {
                let what = match intrinsic(node) {
                    None => format!("is {}", node.type_name()),
                    Some(m) if m.key == "Fn::Sub" => {
                        "is `Fn::Sub` text that is JSON only once substituted at deploy time"
                            .to_owned()
                    }
                    Some(m) => format!("is computed by `{}` when the stack is deployed", m.key),
                };
                self.report.note(
                    NoteLevel::Warning,
                    &node.loc,
                    format!("{owner}: the policy document {what}; not checked"),
                );
            }
        }
    }

    /// A policy written as JSON text in `Fn::Sub` (`KeyPolicy: !Sub '{...}'`): the text
    /// with each `${...}` an unknown part, located at the text. `None` when the node is
    /// not that, when a `${...}` stands in a key or outside a JSON string (`{"N": ${N}}`
    /// is JSON only once substituted), or when the text is not JSON.
    fn sub_document(
        &mut self,
        node: &Node<'_, JsonLocation>,
    ) -> Option<Node<'static, JsonLocation>> {
        let m = intrinsic(node).filter(|m| m.key == "Fn::Sub")?;
        let body = match &m.value.kind {
            NodeKind::String(_) => &m.value,
            NodeKind::Array(items) => items.first()?,
            _ => return None,
        };
        let text = self.text(node)?;
        // Each part becomes one character of Unicode's supplementary private use area A,
        // which the text must not hold already.
        let mut json = String::new();
        let mut holes = Vec::new();
        for segment in text.segments() {
            match segment {
                Segment::Literal(s) => {
                    if s.chars().any(|c| marker_index(c).is_some()) {
                        return None;
                    }
                    json.push_str(s);
                }
                Segment::Hole(id) => {
                    json.push(char::from_u32(MARKERS + u32::try_from(holes.len()).ok()?)?);
                    holes.push(*id);
                }
            }
        }
        let document = parse_embedded(&self.lines, body, &json, false).ok()?;
        unmark(document.into_owned(), &holes)
    }

    /// A part of a document the engine will not look into, with a warning.
    fn not_checked(&mut self, node: &Node<JsonLocation>) {
        let what = intrinsic(node).map_or("this value", |m| m.key.as_ref());
        self.report.note(
            NoteLevel::Warning,
            &node.loc,
            format!(
                "{}: `{what}` is decided when the stack is deployed; this part is not checked",
                self.owner
            ),
        );
    }

    fn hole(&mut self) -> Segment<'static> {
        self.holes += 1;
        Segment::Hole(self.holes)
    }

    /// A document with intrinsic functions lowered.
    fn lower(&mut self, node: &Node<'_, JsonLocation>) -> Node<'static, JsonLocation> {
        let kind = match &node.kind {
            NodeKind::Object(_) if intrinsic(node).is_some() => {
                if let Some(text) = self.text(node) {
                    NodeKind::String(text)
                } else {
                    self.not_checked(node);
                    self.holes += 1;
                    NodeKind::Opaque(self.holes)
                }
            }
            NodeKind::Object(members) => NodeKind::Object(
                members
                    .iter()
                    .filter(|m| !is_no_value(&m.value))
                    .map(|m| Member {
                        key: m.key.to_string().into(),
                        key_loc: m.key_loc.clone(),
                        value: self.lower(&m.value),
                    })
                    .collect(),
            ),
            NodeKind::Array(items) => NodeKind::Array(
                items
                    .iter()
                    .filter(|n| !is_no_value(n))
                    .map(|n| self.lower(n))
                    .collect(),
            ),
            other => Node::new(other.clone(), node.loc.clone()).into_owned().kind,
        };
        Node::new(kind, node.loc.clone())
    }

    /// The text a string or string-valued function stands for; `None` for other values.
    fn text(&mut self, node: &Node<'_, JsonLocation>) -> Option<Text<'static>> {
        match &node.kind {
            NodeKind::String(text) => return Some(text.clone().into_owned()),
            NodeKind::Number(n) => return Some(Text::literal(n.to_string())),
            NodeKind::Bool(b) => return Some(Text::literal(b.to_string())),
            _ => {}
        }
        let m = intrinsic(node)?;
        let mut segments = Vec::new();
        match m.key.as_ref() {
            "Ref" => {
                let name = m.value.as_literal()?;
                self.reference(name, None, &mut segments)?;
            }
            "Fn::GetAtt" => {
                let (resource, attribute) = match &m.value.kind {
                    NodeKind::String(_) => m.value.as_literal()?.split_once('.')?,
                    NodeKind::Array(items) => match items.as_slice() {
                        [r, a] => (r.as_literal()?, a.as_literal().unwrap_or("")),
                        _ => return None,
                    },
                    _ => return None,
                };
                self.reference(resource, Some(attribute), &mut segments)?;
            }
            "Fn::Sub" => {
                let (body, variables) = match &m.value.kind {
                    NodeKind::String(_) => (m.value.as_literal()?, None),
                    NodeKind::Array(items) => match items.as_slice() {
                        [body, variables] => (body.as_literal()?, variables.as_object()),
                        _ => return None,
                    },
                    _ => return None,
                };
                self.sub(body, variables, &mut segments)?;
            }
            "Fn::Join" => {
                let [delimiter, parts] = m.value.as_array()? else {
                    return None;
                };
                let delimiter = delimiter.as_literal()?;
                if let Some(parts) = parts.as_array() {
                    for (i, part) in parts.iter().filter(|p| !is_no_value(p)).enumerate() {
                        if i > 0 {
                            push(&mut segments, Segment::Literal(delimiter.to_owned().into()));
                        }
                        let part = self.text(part)?;
                        for s in part.into_segments() {
                            push(&mut segments, s);
                        }
                    }
                } else {
                    // A list computed at deploy time: its joined text is unknown.
                    let hole = self.hole();
                    push(&mut segments, hole);
                }
            }
            "Fn::ImportValue" | "Fn::FindInMap" | "Fn::Select" | "Fn::Base64"
            | "Fn::ToJsonString" => {
                let hole = self.hole();
                push(&mut segments, hole);
            }
            _ => return None,
        }
        Some(Text::from_segments(segments))
    }

    /// `Ref` (`attribute` `None`) or `Fn::GetAtt` of `name`. `None` for a list.
    fn reference(
        &mut self,
        name: &str,
        attribute: Option<&str>,
        out: &mut Vec<Segment<'static>>,
    ) -> Option<()> {
        match self.names.get(name) {
            // `List<...>` and `CommaDelimitedList` parameters are lists (User Guide,
            // "Parameters").
            Some(Name::Parameter(ty))
                if attribute.is_none()
                    && (ty.starts_with("List<") || ty == "CommaDelimitedList") =>
            {
                return None;
            }
            Some(Name::Resource(ty)) => {
                if let Some(shape) = arn_shape(ty, attribute) {
                    for piece in shape {
                        let segment = if piece.is_empty() {
                            self.hole()
                        } else {
                            Segment::Literal((*piece).to_owned().into())
                        };
                        push(out, segment);
                    }
                    return Some(());
                }
            }
            _ => {}
        }
        let hole = self.hole();
        push(out, hole);
        Some(())
    }

    /// The text of a `Fn::Sub` body.
    fn sub(
        &mut self,
        body: &str,
        variables: Option<&[Member<'_, JsonLocation>]>,
        out: &mut Vec<Segment<'static>>,
    ) -> Option<()> {
        let mut rest = body;
        while let Some(at) = rest.find("${") {
            push(out, Segment::Literal(rest.get(..at)?.to_owned().into()));
            let after = rest.get(at + 2..)?;
            if let Some(literal) = after.strip_prefix('!') {
                // `${!Literal}` writes `${Literal}` (User Guide, Fn::Sub).
                push(out, Segment::Literal("${".to_owned().into()));
                rest = literal;
                continue;
            }
            let Some(end) = after.find('}') else {
                push(out, Segment::Literal(rest.get(at..)?.to_owned().into()));
                rest = "";
                break;
            };
            let name = after.get(..end)?.trim();
            rest = after.get(end + 1..)?;
            if let Some(value) = variables.and_then(|v| v.iter().find(|m| m.key == name)) {
                if let Some(text) = self.text(&value.value) {
                    text.into_segments().into_iter().for_each(|s| push(out, s));
                } else {
                    let hole = self.hole();
                    push(out, hole);
                }
            } else if let Some((resource, attribute)) = name.split_once('.') {
                self.reference(resource, Some(attribute), out)?;
            } else {
                self.reference(name, None, out)?;
            }
        }
        push(out, Segment::Literal(rest.to_owned().into()));
        Some(())
    }
}

/// The first character of Unicode's supplementary private use area A (U+F0000 to
/// U+FFFFD), where [`Walker::sub_document`] marks the parts of a `Fn::Sub` text.
const MARKERS: u32 = 0xF_0000;

fn marker_index(c: char) -> Option<usize> {
    let n = u32::from(c).checked_sub(MARKERS)?;
    (n < 0xFFFE).then(|| usize::try_from(n).ok()).flatten()
}

/// `node` with each marked character of its strings the hole it stands for; `None` when
/// a marker is anywhere else (a key, a number).
fn unmark(node: Node<'static, JsonLocation>, holes: &[u32]) -> Option<Node<'static, JsonLocation>> {
    let kind = match node.kind {
        NodeKind::String(text) => {
            let text = text.display();
            let mut segments = Vec::new();
            for c in text.chars() {
                match marker_index(c) {
                    Some(i) => segments.push(Segment::Hole(*holes.get(i)?)),
                    None => push(&mut segments, Segment::Literal(c.to_string().into())),
                }
            }
            NodeKind::String(Text::from_segments(segments))
        }
        NodeKind::Array(items) => NodeKind::Array(
            items
                .into_iter()
                .map(|n| unmark(n, holes))
                .collect::<Option<_>>()?,
        ),
        NodeKind::Object(members) => NodeKind::Object(
            members
                .into_iter()
                .map(|m| {
                    if m.key.chars().any(|c| marker_index(c).is_some()) {
                        return None;
                    }
                    Some(Member {
                        key: m.key,
                        key_loc: m.key_loc,
                        value: unmark(m.value, holes)?,
                    })
                })
                .collect::<Option<_>>()?,
        ),
        other => other,
    };
    Some(Node::new(kind, node.loc))
}

/// The ARN a `Ref` (`attribute` `None`) or `Fn::GetAtt` of a resource of type `ty`
/// returns, as pieces where `""` is an unknown part; `None` when not known here. From
/// the "Return values" section of each type's page in the CloudFormation User Guide.
fn arn_shape(ty: &str, attribute: Option<&str>) -> Option<&'static [&'static str]> {
    Some(match (ty, attribute) {
        ("AWS::S3::Bucket", Some("Arn")) => &["arn:", "", ":s3:::", ""],
        ("AWS::SQS::Queue", Some("Arn")) => &["arn:", "", ":sqs:", "", ":", "", ":", ""],
        ("AWS::SNS::Topic", None | Some("TopicArn")) => {
            &["arn:", "", ":sns:", "", ":", "", ":", ""]
        }
        ("AWS::KMS::Key", Some("Arn")) => &["arn:", "", ":kms:", "", ":", "", ":key/", ""],
        ("AWS::IAM::Role", Some("Arn")) => &["arn:", "", ":iam::", "", ":role/", ""],
        ("AWS::Lambda::Function", Some("Arn")) => {
            &["arn:", "", ":lambda:", "", ":", "", ":function:", ""]
        }
        ("AWS::DynamoDB::Table", Some("Arn")) => {
            &["arn:", "", ":dynamodb:", "", ":", "", ":table/", ""]
        }
        ("AWS::SecretsManager::Secret", None | Some("Id")) => {
            &["arn:", "", ":secretsmanager:", "", ":", "", ":secret:", ""]
        }
        ("AWS::Kinesis::Stream", Some("Arn")) => {
            &["arn:", "", ":kinesis:", "", ":", "", ":stream/", ""]
        }
        // The log group's ARN ends in `:*` ("such as
        // `arn:aws:logs:us-west-1:123456789012:log-group:/mystack-testgroup-12ABC1AB12A1:*`").
        ("AWS::Logs::LogGroup", Some("Arn")) => {
            &["arn:", "", ":logs:", "", ":", "", ":log-group:", "", ":*"]
        }
        ("AWS::ECR::Repository", Some("Arn")) => {
            &["arn:", "", ":ecr:", "", ":", "", ":repository/", ""]
        }
        ("AWS::IAM::User", Some("Arn")) => &["arn:", "", ":iam::", "", ":user/", ""],
        ("AWS::IAM::ManagedPolicy", None | Some("PolicyArn")) => {
            &["arn:", "", ":iam::", "", ":policy/", ""]
        }
        ("AWS::StepFunctions::StateMachine", None | Some("Arn")) => {
            &["arn:", "", ":states:", "", ":", "", ":stateMachine:", ""]
        }
        ("AWS::Events::EventBus", Some("Arn")) => {
            &["arn:", "", ":events:", "", ":", "", ":event-bus/", ""]
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        clippy::indexing_slicing,
        reason = "a test fails by panicking"
    )]
    use super::*;
    use crate::template::yaml;

    fn text_of(yaml_value: &str) -> Option<String> {
        let template = format!(
            "Parameters:\n  P: {{Type: String}}\n  L: {{Type: CommaDelimitedList}}\nResources:\n  B: {{Type: AWS::S3::Bucket}}\nV: {yaml_value}\n"
        );
        let root = yaml::parse(&template).unwrap();
        let mut names = HashMap::new();
        names.insert("P".to_owned(), Name::Parameter("String".into()));
        names.insert("L".to_owned(), Name::Parameter("CommaDelimitedList".into()));
        names.insert("B".to_owned(), Name::Resource("AWS::S3::Bucket".into()));
        names.insert("G".to_owned(), Name::Resource("AWS::Logs::LogGroup".into()));
        names.insert(
            "M".to_owned(),
            Name::Resource("AWS::IAM::ManagedPolicy".into()),
        );
        let options = ValidateOptions::default();
        let mut walker = Walker {
            names: &names,
            lines: Lines::new(""),
            exact: false,
            options: &options,
            report: Report::default(),
            holes: 0,
            owner: String::new(),
        };
        walker.text(get(&root, "V").unwrap()).map(|t| t.display())
    }

    #[test]
    fn intrinsics_become_text_with_holes() {
        assert_eq!(
            text_of("!Sub 'arn:${AWS::Partition}:s3:::${P}/*'").unwrap(),
            "arn:{}:s3:::{}/*"
        );
        assert_eq!(
            text_of("!Sub 'arn:aws:s3:::b/${!aws:username}'").unwrap(),
            "arn:aws:s3:::b/${aws:username}"
        );
        assert_eq!(
            text_of("!Sub ['arn:${X}:s3:::${Y}', {X: aws, Y: !Ref P}]").unwrap(),
            "arn:aws:s3:::{}"
        );
        assert_eq!(text_of("!GetAtt B.Arn").unwrap(), "arn:{}:s3:::{}");
        assert_eq!(text_of("!Sub '${B.Arn}/*'").unwrap(), "arn:{}:s3:::{}/*");
        assert_eq!(
            text_of("{'Fn::GetAtt': [B, Arn]}").unwrap(),
            "arn:{}:s3:::{}"
        );
        assert_eq!(text_of("!GetAtt B.DomainName").unwrap(), "{}");
        assert_eq!(
            text_of("!GetAtt G.Arn").unwrap(),
            "arn:{}:logs:{}:{}:log-group:{}:*"
        );
        assert_eq!(text_of("!Ref M").unwrap(), "arn:{}:iam::{}:policy/{}");
        // `Ref` of a bucket is its name, not an ARN.
        assert_eq!(text_of("!Ref B").unwrap(), "{}");
        assert_eq!(
            text_of("!Join ['', ['arn:aws:s3:::', !Ref P, '/*']]").unwrap(),
            "arn:aws:s3:::{}/*"
        );
        assert_eq!(text_of("!Join [':', [a, !Split [',', x]]]"), None);
        assert_eq!(text_of("!Ref L"), None);
        assert_eq!(text_of("!If [C, a, b]"), None);
        assert_eq!(text_of("!Sub 'a${unclosed'").unwrap(), "a${unclosed");
    }
}
