//! The engine's input: a policy document as a JSON tree whose every node carries a
//! location chosen by the front end.
//!
//! Front ends lower their own syntax into this tree and judge nothing: the macro attaches
//! a `proc_macro2::Span` to every node, the runtime a JSON pointer with line and column.
//! Every rule about what the tree means lives in [`mod@crate::check`].

/// A policy document ready for [`crate::check()`]: the root JSON value, in source order.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyView<L> {
    /// The document's root value (an object for a well-formed policy).
    pub root: Node<L>,
    /// Codes the author allowed for the whole policy. Findings with these codes are
    /// dropped. Statement-level allowances are in [`PolicyView::statement_allows`].
    pub allow: Vec<crate::Code>,
    /// Codes allowed for single statements: `(index of the statement in Statement,
    /// code)`. Index 0 is used when `Statement` is a single object.
    pub statement_allows: Vec<(usize, crate::Code)>,
    /// Codes the author denied for the whole policy (`#![deny(...)]`): their findings are
    /// errors, whatever the code's own severity.
    pub deny: Vec<crate::Code>,
}

impl<L> PolicyView<L> {
    /// A view of `root` with nothing allowed.
    pub fn new(root: Node<L>) -> Self {
        Self {
            root,
            allow: Vec::new(),
            statement_allows: Vec::new(),
            deny: Vec::new(),
        }
    }
}

/// One JSON value with the location of its source text.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<L> {
    /// What the value is.
    pub kind: NodeKind<L>,
    /// Where it stands in the source; diagnostics about this value point here.
    pub loc: L,
}

impl<L> Node<L> {
    /// A node of `kind` at `loc`.
    pub fn new(kind: NodeKind<L>, loc: L) -> Self {
        Self { kind, loc }
    }

    /// The text of a string node without inserted values, or `None`.
    pub fn as_literal(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::String(text) => text.as_literal(),
            _ => None,
        }
    }

    /// The text of a string node (literal or with inserted values), or `None`.
    pub fn as_text(&self) -> Option<&Text> {
        match &self.kind {
            NodeKind::String(text) => Some(text),
            _ => None,
        }
    }

    /// The members of an object node, or `None`.
    pub fn as_object(&self) -> Option<&[Member<L>]> {
        match &self.kind {
            NodeKind::Object(members) => Some(members),
            _ => None,
        }
    }

    /// The elements of an array node, or `None`.
    pub fn as_array(&self) -> Option<&[Node<L>]> {
        match &self.kind {
            NodeKind::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The value's JSON type with its article, for messages (`a string`, `an object`,
    /// `null`, ...).
    pub fn type_name(&self) -> &'static str {
        match &self.kind {
            NodeKind::Null => "null",
            NodeKind::Bool(_) => "a boolean",
            NodeKind::Number(_) => "a number",
            NodeKind::String(_) => "a string",
            NodeKind::Array(_) => "an array",
            NodeKind::Object(_) => "an object",
            NodeKind::Opaque(_) => "a run-time value",
        }
    }
}

/// The kinds of JSON value, plus [`NodeKind::Opaque`] for a value only known at run time.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind<L> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written in the source (`42`, `1.5e3`).
    Number(String),
    /// A string, possibly with values inserted at run time.
    String(Text),
    /// An array, elements in source order.
    Array(Vec<Node<L>>),
    /// An object, members in source order; repeated keys are kept so they can be reported.
    Object(Vec<Member<L>>),
    /// A whole value computed at run time (the macro's `(expr)` escape hatch), with an id
    /// the front end chose. The engine checks nothing inside it; the runtime validates the
    /// finished document.
    Opaque(u32),
}

/// One `"key": value` member of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Member<L> {
    /// The key, as written.
    pub key: String,
    /// Where the key stands in the source.
    pub key_loc: L,
    /// The value.
    pub value: Node<L>,
}

/// The text of a JSON string: literal pieces and holes for values inserted at run time
/// (`"arn:aws:s3:::{bucket}"` is `[Literal("arn:aws:s3:::"), Hole(0)]`).
///
/// Escapes are already decoded; `{{`/`}}` of the macro are already single braces.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    /// The pieces in order. Two literals are never adjacent.
    pub segments: Vec<Segment>,
}

/// A piece of a [`Text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// Text known when the policy is checked.
    Literal(String),
    /// A value inserted at run time, with an id the front end chose (the macro numbers
    /// its `{var}`s). The engine treats it as unknown, non-empty text.
    Hole(u32),
}

impl Text {
    /// A text without holes.
    pub fn literal(s: impl Into<String>) -> Self {
        Self {
            segments: vec![Segment::Literal(s.into())],
        }
    }

    /// The whole text when it has no holes.
    pub fn as_literal(&self) -> Option<&str> {
        match self.segments.as_slice() {
            [] => Some(""),
            [Segment::Literal(s)] => Some(s),
            _ => None,
        }
    }

    /// Whether any part of the text is inserted at run time.
    pub fn has_holes(&self) -> bool {
        self.segments.iter().any(|s| matches!(s, Segment::Hole(_)))
    }

    /// The text with each hole written as `{}`, for messages.
    pub fn display(&self) -> String {
        let mut out = String::new();
        for segment in &self.segments {
            match segment {
                Segment::Literal(s) => out.push_str(s),
                Segment::Hole(_) => out.push_str("{}"),
            }
        }
        out
    }
}

/// Appends `text` escaped for the inside of a JSON string, as `serde_json` writes it:
/// `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other control characters as `\u00xx`
/// (lowercase hex); everything else, non-ASCII included, as is. The one JSON string
/// writer of the workspace: the macro's expansion and the runtime's inserted values both
/// write with it, so a static policy and a rendered one are byte-identical.
pub fn escape_json_into(out: &mut String, text: &str) {
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let code = u32::from(c) as usize;
                out.push_str("\\u00");
                for nibble in [code >> 4, code & 0xf] {
                    out.push(char::from(HEX.get(nibble).copied().unwrap_or(b'0')));
                }
            }
            c => out.push(c),
        }
    }
}

/// Top-level elements in the order AWS writes them (the engine's grammar lists them so).
const TOP_ORDER: &[&str] = crate::check::structure::POLICY_ELEMENTS;
/// Statement elements in the order AWS writes them.
const STATEMENT_ORDER: &[&str] = crate::check::structure::STATEMENT_ELEMENTS;

/// A piece of the output in order: JSON text, or a value filled in at run time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chunk {
    /// Minified JSON text, strings already escaped.
    Json(String),
    /// The `{path}` with this hole id, written with `Display` and escaped at run time.
    Insert(u32),
    /// The `(expr)` with this opaque id, written as JSON at run time.
    Value(u32),
}

/// The document as minified JSON in AWS element order, split at run-time values: the top
/// level as `Version`, `Id`, `Statement`, each statement as `Sid`, `Effect`, `Principal`,
/// `NotPrincipal`, `Action`, `NotAction`, `Resource`, `NotResource`, `Condition`, other
/// members in source order; strings written with [`escape_json_into`]. The one writer of
/// a policy tree: `policy!` and `generate!` expand its chunks, and the run-time generator
/// renders them through the same code, so a value is written by its place the same way.
pub fn json_chunks<L>(root: &Node<L>) -> Vec<Chunk> {
    let mut writer = Writer::default();
    writer.node(root, Role::Top);
    writer.flush();
    writer.chunks
}

/// What a value is in the policy grammar, which decides the order of an object's members.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// The root object.
    Top,
    /// The value of the root's `Statement`: a statement or an array of them.
    Statements,
    /// One statement.
    Statement,
    /// Anything else.
    Other,
}

#[derive(Default)]
struct Writer {
    chunks: Vec<Chunk>,
    json: String,
}

impl Writer {
    fn flush(&mut self) {
        if !self.json.is_empty() {
            self.chunks
                .push(Chunk::Json(std::mem::take(&mut self.json)));
        }
    }

    fn node<L>(&mut self, node: &Node<L>, role: Role) {
        match &node.kind {
            NodeKind::Null => self.json.push_str("null"),
            NodeKind::Bool(true) => self.json.push_str("true"),
            NodeKind::Bool(false) => self.json.push_str("false"),
            NodeKind::Number(text) => self.json.push_str(text),
            NodeKind::String(text) => {
                self.json.push('"');
                for segment in &text.segments {
                    match segment {
                        Segment::Literal(literal) => escape_json_into(&mut self.json, literal),
                        Segment::Hole(id) => {
                            self.flush();
                            self.chunks.push(Chunk::Insert(*id));
                        }
                    }
                }
                self.json.push('"');
            }
            NodeKind::Array(items) => {
                let item_role = if role == Role::Statements {
                    Role::Statement
                } else {
                    Role::Other
                };
                self.json.push('[');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        self.json.push(',');
                    }
                    self.node(item, item_role);
                }
                self.json.push(']');
            }
            NodeKind::Object(members) => {
                let order: &[&str] = match role {
                    Role::Top => TOP_ORDER,
                    Role::Statements | Role::Statement => STATEMENT_ORDER,
                    Role::Other => &[],
                };
                let mut members: Vec<_> = members.iter().collect();
                members.sort_by_key(|member| {
                    order
                        .iter()
                        .position(|name| *name == member.key)
                        .unwrap_or(order.len())
                });
                self.json.push('{');
                for (index, member) in members.into_iter().enumerate() {
                    if index > 0 {
                        self.json.push(',');
                    }
                    self.json.push('"');
                    escape_json_into(&mut self.json, &member.key);
                    self.json.push_str("\":");
                    let member_role = if role == Role::Top && member.key == "Statement" {
                        Role::Statements
                    } else {
                        Role::Other
                    };
                    self.node(&member.value, member_role);
                }
                self.json.push('}');
            }
            NodeKind::Opaque(id) => {
                self.flush();
                self.chunks.push(Chunk::Value(*id));
            }
        }
    }
}
