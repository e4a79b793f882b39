//! Stage 2: the parsed document as the engine's input, a [`PolicyView`] whose
//! locations index [`Lowered::spans`].
//!
//! Lowering judges nothing: every value becomes a [`Node`] located at its token (a string
//! at its literal, an object or array at its whole group, a member's key at the key
//! literal), and the `allow` attributes fill [`PolicyView::allow`] and
//! [`PolicyView::statement_allows`]. Inserted values get ids that index
//! [`Lowered::inserts`] and [`Lowered::values`].

use iam_catalog::{Loc, Node, NodeKind, PolicyView, Segment, Text};
use proc_macro2::{Group, Span};

use crate::parse::{Document, Element, FieldPath, Piece, Str, Value};

/// The engine's view of a document, with what the expansion needs to fill its holes.
pub struct Lowered<'a> {
    /// The engine input; its strings are borrowed from the parsed document.
    pub view: PolicyView<'a>,
    /// The span of each location of the view, indexed by [`Loc`].
    pub spans: Vec<Span>,
    /// The `{path}` insertions, indexed by [`Segment::Hole`] id.
    pub inserts: Vec<Insertion<'a>>,
    /// The `(expr)` values, indexed by [`NodeKind::Opaque`] id.
    pub values: Vec<&'a Group>,
}

/// One `{path}` inside a string.
#[derive(Clone, Copy)]
pub struct Insertion<'a> {
    /// The Rust place to insert.
    pub path: &'a FieldPath,
    /// The span of the string literal it stands in; the generated reference to the
    /// variable carries it, so rustc reports a missing variable or a missing `Display`
    /// implementation at the string.
    pub span: Span,
}

/// Lowers a parsed document.
pub fn lower(document: &Document) -> Lowered<'_> {
    let mut lowering = Lowering {
        inserts: Vec::new(),
        values: Vec::new(),
        spans: Vec::new(),
    };
    let root = lowering.node(&document.root);
    let mut view = PolicyView::new(root);
    view.allow.clone_from(&document.allow);
    view.deny.clone_from(&document.deny);
    view.statement_allows = statement_allows(&document.root);
    Lowered {
        view,
        inserts: lowering.inserts,
        values: lowering.values,
        spans: lowering.spans,
    }
}

impl Lowered<'_> {
    /// The span a location of the view stands for.
    pub fn span(&self, loc: Loc) -> Span {
        self.spans
            .get(loc.index())
            .copied()
            .unwrap_or_else(Span::call_site)
    }
}

/// The `#[allow]` codes of each statement: `(index in Statement, code)`, index 0 for a
/// single statement object. The parser accepts `#[allow]` nowhere else.
fn statement_allows(root: &Value) -> Vec<(usize, iam_catalog::Code)> {
    let mut allows = Vec::new();
    let Value::Object(object) = root else {
        return allows;
    };
    for member in object.members.iter().filter(|m| m.key_text == "Statement") {
        let Element { allow, value } = &member.value;
        match value {
            Value::Array(array) => {
                for (index, item) in array.items.iter().enumerate() {
                    allows.extend(item.allow.iter().map(|&code| (index, code)));
                }
            }
            _ => allows.extend(allow.iter().map(|&code| (0, code))),
        }
    }
    allows
}

struct Lowering<'a> {
    inserts: Vec<Insertion<'a>>,
    values: Vec<&'a Group>,
    spans: Vec<Span>,
}

impl<'a> Lowering<'a> {
    /// The location of `span`.
    fn loc(&mut self, span: Span) -> Loc {
        self.spans.push(span);
        Loc::new(self.spans.len() - 1)
    }

    fn node(&mut self, value: &'a Value) -> Node<'a> {
        let loc = self.loc(value.span());
        let kind = match value {
            Value::Null(_) => NodeKind::Null,
            Value::Bool(value, _) => NodeKind::Bool(*value),
            Value::Number(number) => NodeKind::Number(number.text.as_str().into()),
            Value::String(string) => NodeKind::String(self.text(string)),
            Value::Array(array) => NodeKind::Array(
                array
                    .items
                    .iter()
                    .map(|item| self.node(&item.value))
                    .collect(),
            ),
            Value::Object(object) => NodeKind::Object(
                object
                    .members
                    .iter()
                    .map(|member| {
                        let key_loc = self.loc(member.key.span());
                        iam_catalog::Member {
                            key: member.key_text.as_str().into(),
                            key_loc,
                            value: self.node(&member.value.value),
                        }
                    })
                    .collect(),
            ),
            Value::Expr(group) => {
                let id = next_id(self.values.len());
                self.values.push(group);
                NodeKind::Opaque(id)
            }
        };
        Node::new(kind, loc)
    }

    fn text(&mut self, string: &'a Str) -> Text<'a> {
        let span = string.lit.span();
        let mut segments = Vec::new();
        for piece in &string.pieces {
            match piece {
                Piece::Text(text) => segments.push(Segment::Literal(text.as_str().into())),
                Piece::Insert(path) => {
                    let id = next_id(self.inserts.len());
                    self.inserts.push(Insertion { path, span });
                    segments.push(Segment::Hole(id));
                }
            }
        }
        Text::from_segments(segments)
    }
}

/// The id of the next hole or opaque value. A document cannot hold `u32::MAX` of them
/// (rustc's token limits come first); saturating keeps this total anyway.
fn next_id(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_document;
    use iam_catalog::{Code, Member};

    fn document(src: &str) -> Document {
        match parse_document(src.parse().expect("test input lexes")) {
            Ok(document) => document,
            Err(error) => panic!("{error}"),
        }
    }

    fn at(span: Span) -> String {
        span.source_text().unwrap_or_default()
    }

    fn loc_text(lowered: &Lowered<'_>, loc: Loc) -> String {
        at(lowered.span(loc))
    }

    fn object<'n>(node: &'n Node<'n>) -> &'n [Member<'n>] {
        node.as_object().expect("an object")
    }

    fn get<'n>(node: &'n Node<'n>, key: &str) -> &'n Node<'n> {
        &object(node)
            .iter()
            .find(|m| m.key == key)
            .unwrap_or_else(|| panic!("no {key}"))
            .value
    }

    #[test]
    fn nodes_keep_kinds_and_locations() {
        let document = document(
            r#"{
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"]}],
            "n": -1.5, "t": true, "z": null, "x": (value), "e": ""
        }"#,
        );
        let lowered = lower(&document);
        let root = &lowered.view.root;
        assert!(
            loc_text(&lowered, root.loc).starts_with('{')
                && loc_text(&lowered, root.loc).ends_with('}')
        );
        let version = get(root, "Version");
        assert_eq!(version.as_literal(), Some("2012-10-17"));
        assert_eq!(loc_text(&lowered, version.loc), "\"2012-10-17\"");
        let member = &object(root)[0];
        assert_eq!(loc_text(&lowered, member.key_loc), "\"Version\"");
        let statements = get(root, "Statement");
        assert_eq!(
            loc_text(&lowered, statements.loc),
            r#"[{"Effect": "Allow", "Action": ["s3:GetObject"]}]"#
        );
        let statement = &statements.as_array().expect("array")[0];
        let action = &get(statement, "Action").as_array().expect("array")[0];
        assert_eq!(action.as_literal(), Some("s3:GetObject"));
        assert_eq!(loc_text(&lowered, action.loc), "\"s3:GetObject\"");
        assert!(matches!(&get(root, "n").kind, NodeKind::Number(n) if n == "-1.5"));
        assert_eq!(loc_text(&lowered, get(root, "n").loc), "1.5");
        assert!(matches!(get(root, "t").kind, NodeKind::Bool(true)));
        assert!(matches!(get(root, "z").kind, NodeKind::Null));
        assert!(matches!(get(root, "x").kind, NodeKind::Opaque(0)));
        assert_eq!(loc_text(&lowered, get(root, "x").loc), "(value)");
        assert_eq!(get(root, "e").as_literal(), Some(""));
        assert_eq!(get(root, "e").as_text(), Some(&Text::literal("")));
        assert!(lowered.inserts.is_empty());
        assert_eq!(lowered.values.len(), 1);
        assert!(lowered.view.allow.is_empty());
        assert!(lowered.view.statement_allows.is_empty());
    }

    #[test]
    fn holes_and_opaque_values_are_numbered_in_source_order() {
        let document = document(
            r#"{
            "a": "arn:aws:s3:::{bucket}/{key}",
            "b": (first),
            "c": ["{self.prefix}x", (second)],
        }"#,
        );
        let lowered = lower(&document);
        let root = &lowered.view.root;
        assert_eq!(
            get(root, "a").as_text().expect("text").segments(),
            [
                Segment::Literal("arn:aws:s3:::".into()),
                Segment::Hole(0),
                Segment::Literal("/".into()),
                Segment::Hole(1),
            ]
        );
        assert!(matches!(get(root, "b").kind, NodeKind::Opaque(0)));
        let c = get(root, "c").as_array().expect("array");
        assert_eq!(
            c[0].as_text().expect("text").segments(),
            [Segment::Hole(2), Segment::Literal("x".into())]
        );
        assert!(matches!(c[1].kind, NodeKind::Opaque(1)));
        let names: Vec<&str> = lowered
            .inserts
            .iter()
            .map(|i| i.path.base.as_str())
            .collect();
        assert_eq!(names, ["bucket", "key", "self"]);
        assert_eq!(
            at(lowered.inserts[0].span),
            "\"arn:aws:s3:::{bucket}/{key}\""
        );
        assert_eq!(at(lowered.inserts[2].span), "\"{self.prefix}x\"");
        let values: Vec<String> = lowered
            .values
            .iter()
            .map(|g| g.stream().to_string())
            .collect();
        assert_eq!(values, ["first", "second"]);
    }

    #[test]
    fn allow_lists() {
        let document = document(
            r#"#![allow(missing-version)] {
            "Statement": [
                {},
                #[allow(resource-mismatch, unknown-action)] {},
                #[allow(invalid-sid)] {},
            ]
        }"#,
        );
        let lowered = lower(&document);
        assert_eq!(lowered.view.allow, [Code::MissingVersion]);
        assert_eq!(
            lowered.view.statement_allows,
            [
                (1, Code::ResourceMismatch),
                (1, Code::UnknownAction),
                (2, Code::InvalidSid)
            ]
        );
        let single = document_single();
        assert_eq!(
            lower(&single).view.statement_allows,
            [(0, Code::InvalidArn)]
        );
    }

    fn document_single() -> Document {
        document(r#"{"Statement": #[allow(invalid-arn)] {"Effect": "Allow"}}"#)
    }
}
