//! The engine's input: a policy document as a JSON tree whose every node carries a
//! location chosen by the front end.
//!
//! Front ends lower their own syntax into this tree and judge nothing. The engine's tree
//! is [`Node`] with a compact [`Loc`]: the runtime's JSON reader numbers each node by its
//! byte offset and computes a JSON pointer, line and column only for the nodes a finding
//! names; the macro numbers its nodes into a table of `proc_macro2::Span`s. A front end
//! that wants rich locations on every node (the CLI's template readers) builds a
//! `Node<'s, L>` with its own `L` and numbers it with [`Node::numbered`] before the check.
//! Strings are borrowed from the input where they need no decoding
//! ([`Cow::Borrowed`]). Every rule about what the tree means lives in
//! [`mod@crate::check`].

use std::borrow::Cow;

/// How deep a document may nest in every front end: deeper is a syntax error, so no
/// front end's recursion or the engine's can overflow the stack (IAM policies nest five
/// levels at most; templates and plans that hold them, a few more).
pub const MAX_DEPTH: usize = 128;

/// Where a node stands, as the front end that built the tree numbers it: a byte offset
/// into the text for the JSON reader, an index into a table of locations for the others.
/// Front ends number in document order (a node before its members, a key before its
/// value, as [`Node::numbered`] does), so the engine returns its findings sorted by
/// `Loc`, in source order. The engine only copies a `Loc` into its findings; the front
/// end turns it back into a line and column, a JSON pointer or a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Loc(pub u32);

impl Loc {
    /// The location numbered `index` (saturating at `u32::MAX`).
    pub fn new(index: usize) -> Self {
        Self(u32::try_from(index).unwrap_or(u32::MAX))
    }

    /// The number, as an index.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A policy document ready for [`crate::check()`]: the root JSON value, in source order.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyView<'s> {
    /// The document's root value (an object for a well-formed policy).
    pub root: Node<'s>,
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

impl<'s> PolicyView<'s> {
    /// A view of `root` with nothing allowed.
    pub fn new(root: Node<'s>) -> Self {
        Self {
            root,
            allow: Vec::new(),
            statement_allows: Vec::new(),
            deny: Vec::new(),
        }
    }
}

/// One JSON value with the location of its source text: [`Loc`] in the engine's tree,
/// any `L` in a front end's own.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'s, L = Loc> {
    /// What the value is.
    pub kind: NodeKind<'s, L>,
    /// Where it stands in the source; diagnostics about this value point here.
    pub loc: L,
}

impl<'s, L> Node<'s, L> {
    /// A node of `kind` at `loc`.
    pub fn new(kind: NodeKind<'s, L>, loc: L) -> Self {
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
    pub fn as_text(&self) -> Option<&Text<'s>> {
        match &self.kind {
            NodeKind::String(text) => Some(text),
            _ => None,
        }
    }

    /// The members of an object node, or `None`.
    pub fn as_object(&self) -> Option<&[Member<'s, L>]> {
        match &self.kind {
            NodeKind::Object(members) => Some(members),
            _ => None,
        }
    }

    /// The elements of an array node, or `None`.
    pub fn as_array(&self) -> Option<&[Node<'s, L>]> {
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

    /// The same tree with every location (keys' included) numbered in document order,
    /// and the table of the original locations: the engine's tree for a front end that
    /// keeps its own locations. A finding's [`Loc`] indexes the table.
    pub fn numbered(self) -> (Node<'s>, Vec<L>) {
        let mut table = Vec::new();
        let node = self.map_locs(&mut |loc| {
            table.push(loc);
            Loc::new(table.len() - 1)
        });
        (node, table)
    }

    /// The same tree with each location mapped by `f`, in document order (an object's
    /// node first, then each key before its value).
    pub fn map_locs<M>(self, f: &mut impl FnMut(L) -> M) -> Node<'s, M> {
        let loc = f(self.loc);
        let kind = match self.kind {
            NodeKind::Null => NodeKind::Null,
            NodeKind::Bool(b) => NodeKind::Bool(b),
            NodeKind::Number(n) => NodeKind::Number(n),
            NodeKind::String(text) => NodeKind::String(text),
            NodeKind::Opaque(id) => NodeKind::Opaque(id),
            NodeKind::Array(items) => {
                NodeKind::Array(items.into_iter().map(|item| item.map_locs(f)).collect())
            }
            NodeKind::Object(members) => NodeKind::Object(
                members
                    .into_iter()
                    .map(|member| {
                        let key_loc = f(member.key_loc);
                        Member {
                            key: member.key,
                            key_loc,
                            value: member.value.map_locs(f),
                        }
                    })
                    .collect(),
            ),
        };
        Node { kind, loc }
    }

    /// The same tree owning all its strings.
    pub fn into_owned(self) -> Node<'static, L> {
        let kind = match self.kind {
            NodeKind::Null => NodeKind::Null,
            NodeKind::Bool(b) => NodeKind::Bool(b),
            NodeKind::Number(n) => NodeKind::Number(Cow::Owned(n.into_owned())),
            NodeKind::String(text) => NodeKind::String(text.into_owned()),
            NodeKind::Opaque(id) => NodeKind::Opaque(id),
            NodeKind::Array(items) => {
                NodeKind::Array(items.into_iter().map(Node::into_owned).collect())
            }
            NodeKind::Object(members) => NodeKind::Object(
                members
                    .into_iter()
                    .map(|member| Member {
                        key: Cow::Owned(member.key.into_owned()),
                        key_loc: member.key_loc,
                        value: member.value.into_owned(),
                    })
                    .collect(),
            ),
        };
        Node {
            kind,
            loc: self.loc,
        }
    }
}

/// The kinds of JSON value, plus [`NodeKind::Opaque`] for a value only known at run time.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind<'s, L = Loc> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written in the source (`42`, `1.5e3`).
    Number(Cow<'s, str>),
    /// A string, possibly with values inserted at run time.
    String(Text<'s>),
    /// An array, elements in source order.
    Array(Vec<Node<'s, L>>),
    /// An object, members in source order; repeated keys are kept so they can be reported.
    Object(Vec<Member<'s, L>>),
    /// A whole value computed at run time (the macro's `(expr)` escape hatch), with an id
    /// the front end chose. The engine checks nothing inside it; the runtime validates the
    /// finished document.
    Opaque(u32),
}

/// One `"key": value` member of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Member<'s, L = Loc> {
    /// The key, as written (escapes decoded).
    pub key: Cow<'s, str>,
    /// Where the key stands in the source.
    pub key_loc: L,
    /// The value.
    pub value: Node<'s, L>,
}

/// The text of a JSON string: literal pieces and holes for values inserted at run time
/// (`"arn:aws:s3:::{bucket}"` is `[Literal("arn:aws:s3:::"), Hole(0)]`).
///
/// Escapes are already decoded; `{{`/`}}` of the macro are already single braces. A text
/// of one piece (every string of a JSON document) holds it without allocating.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text<'s> {
    pieces: Pieces<'s>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Pieces<'s> {
    One(Segment<'s>),
    Many(Vec<Segment<'s>>),
}

impl Default for Text<'_> {
    /// The text of no pieces.
    fn default() -> Self {
        Self {
            pieces: Pieces::Many(Vec::new()),
        }
    }
}

/// A piece of a [`Text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment<'s> {
    /// Text known when the policy is checked.
    Literal(Cow<'s, str>),
    /// A value inserted at run time, with an id the front end chose (the macro numbers
    /// its `{var}`s). The engine treats it as unknown, non-empty text.
    Hole(u32),
}

impl<'s> Text<'s> {
    /// A text without holes.
    pub fn literal(s: impl Into<Cow<'s, str>>) -> Self {
        Self {
            pieces: Pieces::One(Segment::Literal(s.into())),
        }
    }

    /// A text of these pieces in order.
    pub fn from_segments(segments: Vec<Segment<'s>>) -> Self {
        let mut segments = segments;
        Self {
            pieces: match segments.len() {
                1 => match segments.pop() {
                    Some(segment) => Pieces::One(segment),
                    None => Pieces::Many(segments),
                },
                _ => Pieces::Many(segments),
            },
        }
    }

    /// The pieces in order. Two literals are never adjacent.
    pub fn segments(&self) -> &[Segment<'s>] {
        match &self.pieces {
            Pieces::One(segment) => std::slice::from_ref(segment),
            Pieces::Many(segments) => segments,
        }
    }

    /// The pieces, owned.
    pub fn into_segments(self) -> Vec<Segment<'s>> {
        match self.pieces {
            Pieces::One(segment) => vec![segment],
            Pieces::Many(segments) => segments,
        }
    }

    /// The whole text when it has no holes.
    pub fn as_literal(&self) -> Option<&str> {
        match self.segments() {
            [] => Some(""),
            [Segment::Literal(s)] => Some(s),
            _ => None,
        }
    }

    /// Whether any part of the text is inserted at run time.
    pub fn has_holes(&self) -> bool {
        self.segments()
            .iter()
            .any(|s| matches!(s, Segment::Hole(_)))
    }

    /// The text with each hole written as `{}`, for messages.
    pub fn display(&self) -> String {
        let mut out = String::new();
        for segment in self.segments() {
            match segment {
                Segment::Literal(s) => out.push_str(s),
                Segment::Hole(_) => out.push_str("{}"),
            }
        }
        out
    }

    /// The same text owning its strings.
    pub fn into_owned(self) -> Text<'static> {
        let own = |segment: Segment<'s>| match segment {
            Segment::Literal(s) => Segment::Literal(Cow::Owned(s.into_owned())),
            Segment::Hole(id) => Segment::Hole(id),
        };
        Text {
            pieces: match self.pieces {
                Pieces::One(segment) => Pieces::One(own(segment)),
                Pieces::Many(segments) => Pieces::Many(segments.into_iter().map(own).collect()),
            },
        }
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
pub fn json_chunks<L>(root: &Node<'_, L>) -> Vec<Chunk> {
    let mut writer = Writer::default();
    writer.node(root, Role::Top);
    writer.flush();
    writer.chunks
}

/// A value as JSON text for a message (help that shows a statement to write): the writer
/// of [`json_chunks`] with `", "` and `": "` between items, members in source order, an
/// inserted value as `{}` and a run-time value as `null`.
pub fn json_display<L>(node: &Node<'_, L>) -> String {
    let mut writer = Writer {
        spaced: true,
        ..Writer::default()
    };
    writer.node(node, Role::Other);
    writer.flush();
    let mut out = String::new();
    for chunk in writer.chunks {
        match chunk {
            Chunk::Json(json) => out.push_str(&json),
            Chunk::Insert(_) => out.push_str("{}"),
            Chunk::Value(_) => out.push_str("null"),
        }
    }
    out
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
    /// A space after each `,` and `:` (for messages), else minified.
    spaced: bool,
}

impl Writer {
    /// `,` between items.
    fn comma(&mut self) {
        self.json.push_str(if self.spaced { ", " } else { "," });
    }

    fn flush(&mut self) {
        if !self.json.is_empty() {
            self.chunks
                .push(Chunk::Json(std::mem::take(&mut self.json)));
        }
    }

    fn node<L>(&mut self, node: &Node<'_, L>, role: Role) {
        match &node.kind {
            NodeKind::Null => self.json.push_str("null"),
            NodeKind::Bool(true) => self.json.push_str("true"),
            NodeKind::Bool(false) => self.json.push_str("false"),
            NodeKind::Number(text) => self.json.push_str(text),
            NodeKind::String(text) => {
                self.json.push('"');
                for segment in text.segments() {
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
                        self.comma();
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
                let rank = |key: &str| {
                    order
                        .iter()
                        .position(|name| *name == key)
                        .unwrap_or(order.len())
                };
                self.json.push('{');
                // The members named in `order` first, in its order, then the others; as
                // written within one rank (a stable sort by rank, without a sort).
                let mut first = true;
                for wanted in 0..=order.len() {
                    for member in members {
                        if rank(&member.key) != wanted {
                            continue;
                        }
                        if !first {
                            self.comma();
                        }
                        first = false;
                        self.json.push('"');
                        escape_json_into(&mut self.json, &member.key);
                        self.json.push_str(if self.spaced { "\": " } else { "\":" });
                        let member_role = if role == Role::Top && member.key == "Statement" {
                            Role::Statements
                        } else {
                            Role::Other
                        };
                        self.node(&member.value, member_role);
                    }
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
