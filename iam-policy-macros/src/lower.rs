//! Stage 2: the parsed document as the engine's input, [`PolicyView<Span>`].
//!
//! Lowering judges nothing: every value becomes a [`Node`] located at its token (a string
//! at its literal, an object or array at its whole group, a member's key at the key
//! literal), and the `allow` attributes fill [`PolicyView::allow`] and
//! [`PolicyView::statement_allows`]. Inserted values get ids that index
//! [`Lowered::inserts`] and [`Lowered::values`].

use iam_catalog::{Node, NodeKind, PolicyView, Segment, Text};
use proc_macro2::{Group, Span};

use crate::parse::{Document, Element, FieldPath, Piece, Str, Value};

/// The engine's view of a document, with what the expansion needs to fill its holes.
pub struct Lowered<'a> {
    /// The engine input.
    pub view: PolicyView<Span>,
    /// The `{path}` insertions, indexed by [`Segment::Hole`] id.
    pub inserts: Vec<Insertion<'a>>,
    /// The `(expr)` values, indexed by [`NodeKind::Opaque`] id.
    pub values: Vec<&'a Group>,
}

/// One `{path}` inside a string.
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
    };
    let root = lowering.node(&document.root);
    let mut view = PolicyView::new(root);
    view.allow.clone_from(&document.allow);
    view.statement_allows = statement_allows(&document.root);
    Lowered {
        view,
        inserts: lowering.inserts,
        values: lowering.values,
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
}

impl<'a> Lowering<'a> {
    fn node(&mut self, value: &'a Value) -> Node<Span> {
        let kind = match value {
            Value::Null(_) => NodeKind::Null,
            Value::Bool(value, _) => NodeKind::Bool(*value),
            Value::Number(number) => NodeKind::Number(number.text.clone()),
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
                    .map(|member| iam_catalog::Member {
                        key: member.key_text.clone(),
                        key_loc: member.key.span(),
                        value: self.node(&member.value.value),
                    })
                    .collect(),
            ),
            Value::Expr(group) => {
                let id = next_id(self.values.len());
                self.values.push(group);
                NodeKind::Opaque(id)
            }
        };
        Node::new(kind, value.span())
    }

    fn text(&mut self, string: &'a Str) -> Text {
        let span = string.lit.span();
        let mut segments = Vec::new();
        for piece in &string.pieces {
            match piece {
                Piece::Text(text) => segments.push(Segment::Literal(text.clone())),
                Piece::Insert(path) => {
                    let id = next_id(self.inserts.len());
                    self.inserts.push(Insertion { path, span });
                    segments.push(Segment::Hole(id));
                }
            }
        }
        Text { segments }
    }
}

/// The id of the next hole or opaque value. A document cannot hold `u32::MAX` of them
/// (rustc's token limits come first); saturating keeps this total anyway.
fn next_id(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}
