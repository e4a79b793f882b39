//! A small JSON reader for the engine: it turns text into the engine's [`Node`] tree,
//! keeping repeated keys (the engine reports them) and reporting syntax errors with a
//! JSON pointer, a line, a column and a message.
//!
//! [`read`] borrows every string that needs no decoding from the text and numbers each
//! node by its byte offset ([`Loc`]), so reading allocates only the tree's vectors;
//! [`Locations`] turns the offsets a check's findings name into a JSON pointer, a line
//! and a column, in one pass. [`parse`] gives the located tree, every node with its
//! [`JsonLocation`], for front ends that navigate the document themselves.
//!
//! The reader is iterative, so no nesting depth overflows the stack; nesting deeper than
//! [`MAX_DEPTH`] is an error, as is anything after the document.

use std::borrow::Cow;
use std::fmt::{self, Write as _};

use iam_catalog::{Loc, Member, Node, NodeKind, Text};

/// Nesting deeper than this is rejected (the engine's limit for every front end).
pub use iam_catalog::view::MAX_DEPTH;

/// Where a value stands in the original text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JsonLocation {
    /// RFC 6901 JSON pointer to the value (`/Statement/0/Action`); for a key, the pointer of
    /// its member.
    pub pointer: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl JsonLocation {
    /// The start of the document: the root's pointer, line 1, column 1.
    pub fn start() -> Self {
        Self {
            pointer: String::new(),
            line: 1,
            column: 1,
        }
    }
}

impl fmt::Display for JsonLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// A syntax error: what was expected, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// What is wrong, lowercase, no final period.
    pub message: String,
    /// Where (the pointer of the value being read).
    pub loc: JsonLocation,
}

/// The text after a byte order mark, which the reader skips; offsets count from there.
fn body(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Reads `text` into the engine's tree: each node's [`Loc`] is the byte offset of its
/// first character (a key's, of its opening quote) after any byte order mark. Turn the
/// offsets of findings into locations with [`Locations`].
pub fn read(text: &str) -> Result<Node<'_>, SyntaxError> {
    let text = body(text);
    let mut reader = Reader {
        bytes: text.as_bytes(),
        text,
        pos: 0,
    };
    let root = reader.document()?;
    reader.skip_ws();
    if reader.pos < reader.bytes.len() {
        return Err(reader.error("unexpected text after the JSON document", ""));
    }
    Ok(root)
}

/// Parses `text` into a located tree: every value and key with its JSON pointer, line
/// and column.
pub fn parse(text: &str) -> Result<Node<'_, JsonLocation>, SyntaxError> {
    read(text).map(|root| located(text, root))
}

/// The located tree of `root`, the tree [`read`] gave for `text`: every value and key
/// with its JSON pointer, line and column.
pub fn located<'t>(text: &str, root: Node<'t>) -> Node<'t, JsonLocation> {
    let mut lines = Lines::new(body(text));
    let mut pointer = String::new();
    locate_node(root, &mut pointer, &mut lines)
}

/// The located copy of `node`, whose pointer is `pointer`. Recursion is bounded by
/// [`MAX_DEPTH`].
fn locate_node<'t>(
    node: Node<'t>,
    pointer: &mut String,
    lines: &mut Lines<'_>,
) -> Node<'t, JsonLocation> {
    let loc = lines.at(node.loc, pointer);
    let kind = match node.kind {
        NodeKind::Null => NodeKind::Null,
        NodeKind::Bool(b) => NodeKind::Bool(b),
        NodeKind::Number(n) => NodeKind::Number(n),
        NodeKind::String(text) => NodeKind::String(text),
        NodeKind::Opaque(id) => NodeKind::Opaque(id),
        NodeKind::Array(items) => NodeKind::Array(
            items
                .into_iter()
                .enumerate()
                .map(|(index, item)| {
                    let len = pointer.len();
                    let _ = write!(pointer, "/{index}");
                    let item = locate_node(item, pointer, lines);
                    pointer.truncate(len);
                    item
                })
                .collect(),
        ),
        NodeKind::Object(members) => NodeKind::Object(
            members
                .into_iter()
                .map(|member| {
                    let len = pointer.len();
                    push_token(pointer, &member.key);
                    let key_loc = lines.at(member.key_loc, pointer);
                    let value = locate_node(member.value, pointer, lines);
                    pointer.truncate(len);
                    Member {
                        key: member.key,
                        key_loc,
                        value,
                    }
                })
                .collect(),
        ),
    };
    Node::new(kind, loc)
}

/// The locations of the offsets a check's findings name, found in one walk of the tree
/// and one pass over the text.
#[derive(Debug, Default)]
pub struct Locations {
    /// `(offset, location)`, sorted by offset.
    found: Vec<(Loc, JsonLocation)>,
}

impl Locations {
    /// The locations of `wanted` (offsets in `root`, the tree [`read`] gave for `text`).
    pub fn of(text: &str, root: &Node<'_>, wanted: impl IntoIterator<Item = Loc>) -> Self {
        Self::of_list(text, root, wanted.into_iter().collect())
    }

    /// [`Locations::of`], compiled once.
    fn of_list(text: &str, root: &Node<'_>, mut wanted: Vec<Loc>) -> Self {
        wanted.sort_unstable();
        wanted.dedup();
        let mut found = Vec::with_capacity(wanted.len());
        if !wanted.is_empty() {
            let mut lines = Lines::new(body(text));
            let mut pointer = String::new();
            find(root, &wanted, &mut pointer, &mut lines, &mut found);
            found.sort_by_key(|(loc, _)| *loc);
        }
        Self { found }
    }

    /// The location of offset `loc` (the document's start if it names no node).
    pub fn get(&self, loc: Loc) -> JsonLocation {
        match self.found.binary_search_by_key(&loc, |(l, _)| *l) {
            Ok(index) => self
                .found
                .get(index)
                .map_or_else(JsonLocation::start, |(_, location)| location.clone()),
            Err(_) => JsonLocation::start(),
        }
    }
}

/// Records the locations of the `wanted` offsets under `node` (pointer `pointer`), in
/// document order. Recursion is bounded by [`MAX_DEPTH`].
fn find(
    node: &Node<'_>,
    wanted: &[Loc],
    pointer: &mut String,
    lines: &mut Lines<'_>,
    found: &mut Vec<(Loc, JsonLocation)>,
) {
    if wanted.binary_search(&node.loc).is_ok() {
        found.push((node.loc, lines.at(node.loc, pointer)));
    }
    match &node.kind {
        NodeKind::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                let len = pointer.len();
                let _ = write!(pointer, "/{index}");
                find(item, wanted, pointer, lines, found);
                pointer.truncate(len);
            }
        }
        NodeKind::Object(members) => {
            for member in members {
                let len = pointer.len();
                push_token(pointer, &member.key);
                if wanted.binary_search(&member.key_loc).is_ok() {
                    found.push((member.key_loc, lines.at(member.key_loc, pointer)));
                }
                find(&member.value, wanted, pointer, lines, found);
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

/// Lines and columns of offsets asked in increasing order (document order), counted
/// incrementally so a long one-line document stays linear.
struct Lines<'t> {
    text: &'t str,
    /// `(offset, line, column)` of the last answer.
    at: (usize, usize, usize),
}

impl<'t> Lines<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            text,
            at: (0, 1, 1),
        }
    }

    /// The location of offset `loc`, with `pointer`.
    fn at(&mut self, loc: Loc, pointer: &str) -> JsonLocation {
        let offset = loc.index().min(self.text.len());
        let (mut from, mut line, mut column) = self.at;
        if offset < from {
            (from, line, column) = (0, 1, 1);
        }
        for ch in self.text.get(from..offset).unwrap_or_default().chars() {
            if ch == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        self.at = (offset, line, column);
        JsonLocation {
            pointer: pointer.to_owned(),
            line,
            column,
        }
    }
}

/// `key` as one reference token of an RFC 6901 JSON pointer (`~` is `~0`, `/` is `~1`),
/// as the pointers of [`JsonLocation`] write it. Other readers that locate values in
/// JSON-like trees (the CLI's YAML templates) build their pointers with it.
pub fn escape_pointer(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Appends `/` and `key` as a pointer token.
fn push_token(pointer: &mut String, key: &str) {
    pointer.push('/');
    for ch in key.chars() {
        match ch {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

struct Reader<'t> {
    bytes: &'t [u8],
    text: &'t str,
    pos: usize,
}

/// A container being read.
enum Frame<'t> {
    Array {
        loc: Loc,
        items: Vec<Node<'t>>,
    },
    Object {
        loc: Loc,
        members: Vec<Member<'t>>,
        /// The key whose value is being read.
        key: Option<(Cow<'t, str>, Loc)>,
    },
}

/// The pointer of the value being read (`current`) or of the innermost open container.
fn pointer_of(stack: &[Frame<'_>], current: bool) -> String {
    let mut pointer = String::new();
    let open = if current {
        stack.len()
    } else {
        stack.len().saturating_sub(1)
    };
    for frame in stack.iter().take(open) {
        match frame {
            Frame::Array { items, .. } => {
                let _ = write!(pointer, "/{}", items.len());
            }
            Frame::Object {
                key: Some((key, _)),
                ..
            } => push_token(&mut pointer, key),
            Frame::Object { key: None, .. } => {}
        }
    }
    pointer
}

impl<'t> Reader<'t> {
    fn loc(&self) -> Loc {
        Loc::new(self.pos)
    }

    fn error(&self, message: &str, pointer: &str) -> SyntaxError {
        SyntaxError {
            message: message.to_owned(),
            loc: Lines::new(self.text).at(self.loc(), pointer),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\r' | b'\n') = self.peek() {
            self.pos += 1;
        }
    }

    fn found(&self) -> String {
        match self.text.get(self.pos..).and_then(|s| s.chars().next()) {
            None => "the end of the text".to_owned(),
            Some(c) => format!("`{c}`"),
        }
    }

    /// Reads the whole document with an explicit stack of open containers.
    #[expect(
        clippy::too_many_lines,
        reason = "one state machine reads better whole"
    )]
    fn document(&mut self) -> Result<Node<'t>, SyntaxError> {
        let mut stack: Vec<Frame<'t>> = Vec::new();
        loop {
            // Read one value (or open a container).
            self.skip_ws();
            let loc = self.loc();
            let value = match self.peek() {
                Some(open @ (b'{' | b'[')) => {
                    self.pos += 1;
                    if stack.len() >= MAX_DEPTH {
                        return Err(self.error(
                            &format!("the document nests deeper than {MAX_DEPTH} levels"),
                            &pointer_of(&stack, true),
                        ));
                    }
                    stack.push(if open == b'{' {
                        Frame::Object {
                            loc,
                            members: Vec::new(),
                            key: None,
                        }
                    } else {
                        Frame::Array {
                            loc,
                            items: Vec::new(),
                        }
                    });
                    None
                }
                Some(b'"') => match self.string() {
                    Ok(text) => Some(Node::new(NodeKind::String(Text::literal(text)), loc)),
                    Err(message) => return Err(self.error(message, &pointer_of(&stack, true))),
                },
                Some(b't') => Some(Node::new(
                    self.word("true", NodeKind::Bool(true), &stack)?,
                    loc,
                )),
                Some(b'f') => Some(Node::new(
                    self.word("false", NodeKind::Bool(false), &stack)?,
                    loc,
                )),
                Some(b'n') => Some(Node::new(self.word("null", NodeKind::Null, &stack)?, loc)),
                Some(b'-' | b'0'..=b'9') => match self.number() {
                    Ok(text) => Some(Node::new(NodeKind::Number(Cow::Borrowed(text)), loc)),
                    Err(message) => return Err(self.error(message, &pointer_of(&stack, true))),
                },
                _ => {
                    let message = format!("expected a value, found {}", self.found());
                    return Err(self.error(&message, &pointer_of(&stack, true)));
                }
            };

            // After `[` or `{`: the first element, the first key, or an immediate close.
            let mut pending = value;
            if pending.is_none() {
                match self.open_first(&mut stack)? {
                    Some(closed) => pending = Some(closed),
                    None => continue,
                }
            }

            // A value is complete: attach it to its container, closing containers as needed.
            let Some(mut node) = pending else {
                continue;
            };
            loop {
                let Some(frame) = stack.last_mut() else {
                    return Ok(node);
                };
                match frame {
                    Frame::Array { items, .. } => items.push(node),
                    Frame::Object { members, key, .. } => {
                        if let Some((key, key_loc)) = key.take() {
                            members.push(Member {
                                key,
                                key_loc,
                                value: node,
                            });
                        }
                    }
                }
                // `,` continues the container; its closer completes it.
                self.skip_ws();
                let is_array = matches!(stack.last(), Some(Frame::Array { .. }));
                match (self.peek(), is_array) {
                    (Some(b','), true) => {
                        self.pos += 1;
                        break;
                    }
                    (Some(b','), false) => {
                        self.pos += 1;
                        self.skip_ws();
                        self.key(&mut stack)?;
                        break;
                    }
                    (Some(b']'), true) | (Some(b'}'), false) => {
                        self.pos += 1;
                        node = match stack.pop() {
                            Some(Frame::Array { loc, items }) => {
                                Node::new(NodeKind::Array(items), loc)
                            }
                            Some(Frame::Object { loc, members, .. }) => {
                                Node::new(NodeKind::Object(members), loc)
                            }
                            // Unreachable: the frame was just borrowed above.
                            None => {
                                return Err(self.error("unbalanced brackets", ""));
                            }
                        };
                    }
                    (_, true) => {
                        let message = format!(
                            "expected `,` or `]` after an array element, found {}",
                            self.found()
                        );
                        return Err(self.error(&message, &pointer_of(&stack, false)));
                    }
                    (_, false) => {
                        let message = format!(
                            "expected `,` or `}}` after an object member, found {}",
                            self.found()
                        );
                        return Err(self.error(&message, &pointer_of(&stack, false)));
                    }
                }
            }
        }
    }

    /// Right after an opening bracket: reads an immediate close (returning the empty
    /// container) or, in an object, the first key.
    fn open_first(&mut self, stack: &mut Vec<Frame<'t>>) -> Result<Option<Node<'t>>, SyntaxError> {
        self.skip_ws();
        let is_array = matches!(stack.last(), Some(Frame::Array { .. }));
        let closer = if is_array { b']' } else { b'}' };
        if self.peek() == Some(closer) {
            self.pos += 1;
            return Ok(match stack.pop() {
                Some(Frame::Array { loc, items }) => Some(Node::new(NodeKind::Array(items), loc)),
                Some(Frame::Object { loc, members, .. }) => {
                    Some(Node::new(NodeKind::Object(members), loc))
                }
                None => None,
            });
        }
        if !is_array {
            self.key(stack)?;
        }
        Ok(None)
    }

    /// Reads `"key" :` into the open object.
    fn key(&mut self, stack: &mut [Frame<'t>]) -> Result<(), SyntaxError> {
        self.skip_ws();
        if self.peek() != Some(b'"') {
            let message = format!("expected a string key, found {}", self.found());
            return Err(self.error(&message, &pointer_of(stack, false)));
        }
        let key_loc = self.loc();
        let key = match self.string() {
            Ok(key) => key,
            Err(message) => return Err(self.error(message, &pointer_of(stack, false))),
        };
        self.skip_ws();
        if self.peek() != Some(b':') {
            let message = format!("expected `:` after the key `{key}`, found {}", self.found());
            let mut pointer = pointer_of(stack, false);
            push_token(&mut pointer, &key);
            return Err(self.error(&message, &pointer));
        }
        self.pos += 1;
        if let Some(Frame::Object { key: slot, .. }) = stack.last_mut() {
            *slot = Some((key, key_loc));
        }
        Ok(())
    }

    fn word(
        &mut self,
        word: &str,
        kind: NodeKind<'t>,
        stack: &[Frame<'t>],
    ) -> Result<NodeKind<'t>, SyntaxError> {
        if self.bytes.get(self.pos..self.pos + word.len()) == Some(word.as_bytes()) {
            self.pos += word.len();
            Ok(kind)
        } else {
            let message = format!("expected a value, found {}", self.found());
            Err(self.error(&message, &pointer_of(stack, true)))
        }
    }

    /// Reads a number, returning its text.
    fn number(&mut self) -> Result<&'t str, &'static str> {
        let start = self.pos;
        let digits = |r: &mut Self| {
            let s = r.pos;
            while r.peek().is_some_and(|b| b.is_ascii_digit()) {
                r.pos += 1;
            }
            r.pos > s
        };
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let int_start = self.pos;
        if !digits(self) {
            return Err("expected digits in a number");
        }
        if self.bytes.get(int_start) == Some(&b'0') && self.pos - int_start > 1 {
            return Err("a number has a leading zero");
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !digits(self) {
                return Err("expected digits after `.`");
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !digits(self) {
                return Err("expected digits in an exponent");
            }
        }
        Ok(self.text.get(start..self.pos).unwrap_or_default())
    }

    /// Reads a string literal (the reader is at its `"`): borrowed from the text when it
    /// has no escape, else decoded.
    fn string(&mut self) -> Result<Cow<'t, str>, &'static str> {
        self.pos += 1;
        let mut out: Option<String> = None;
        loop {
            let run_start = self.pos;
            while self
                .peek()
                .is_some_and(|b| b != b'"' && b != b'\\' && b >= 0x20)
            {
                self.pos += 1;
            }
            let run = self.text.get(run_start..self.pos).unwrap_or_default();
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(match out {
                        None => Cow::Borrowed(run),
                        Some(mut decoded) => {
                            decoded.push_str(run);
                            Cow::Owned(decoded)
                        }
                    });
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let decoded = out.get_or_insert_with(String::new);
                    decoded.push_str(run);
                    let c = self.escape()?;
                    out.get_or_insert_with(String::new).push(c);
                }
                Some(_) => return Err("a control character in a string must be escaped"),
                None => return Err("a string is not closed"),
            }
        }
    }

    fn escape(&mut self) -> Result<char, &'static str> {
        let Some(b) = self.peek() else {
            return Err("a string is not closed");
        };
        self.pos += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                if (0xD800..0xDC00).contains(&first) {
                    if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                        return Err("a lone surrogate in a `\\u` escape");
                    }
                    self.pos += 2;
                    let second = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return Err("a lone surrogate in a `\\u` escape");
                    }
                    let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                    char::from_u32(code).ok_or("an invalid `\\u` escape")?
                } else {
                    char::from_u32(first).ok_or("a lone surrogate in a `\\u` escape")?
                }
            }
            _ => return Err("an unknown escape in a string"),
        })
    }

    fn hex4(&mut self) -> Result<u32, &'static str> {
        const MESSAGE: &str = "expected 4 hex digits after `\\u`";
        let digits = self
            .text
            .get(self.pos..self.pos + 4)
            .filter(|s| s.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or(MESSAGE)?;
        self.pos += 4;
        u32::from_str_radix(digits, 16).map_err(|_| MESSAGE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loc<'n>(node: &'n Node<'_, JsonLocation>) -> (&'n str, usize, usize) {
        (node.loc.pointer.as_str(), node.loc.line, node.loc.column)
    }

    #[test]
    fn locations_of_values_and_keys() {
        let text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\", \"a/b~\": [1, true, null]}\n  ]\n}";
        let root = parse(text).unwrap();
        assert_eq!(loc(&root), ("", 1, 1));
        let members = root.as_object().unwrap();
        assert_eq!(members[0].key, "Version");
        assert_eq!(members[0].key_loc.pointer, "/Version");
        assert_eq!((members[0].key_loc.line, members[0].key_loc.column), (2, 3));
        assert_eq!(loc(&members[0].value), ("/Version", 2, 14));
        let statement = &members[1].value.as_array().unwrap()[0];
        assert_eq!(loc(statement), ("/Statement/0", 4, 5));
        let inner = statement.as_object().unwrap();
        assert_eq!(loc(&inner[0].value), ("/Statement/0/Effect", 4, 16));
        assert_eq!(inner[1].key, "a/b~");
        let items = inner[1].value.as_array().unwrap();
        assert_eq!(loc(&items[2]), ("/Statement/0/a~1b~0/2", 4, 43));
        assert_eq!(items[1].kind, NodeKind::Bool(true));
    }

    #[test]
    fn repeated_keys_are_kept() {
        let root = parse(r#"{"a": 1, "a": 2}"#).unwrap();
        assert_eq!(root.as_object().unwrap().len(), 2);
    }

    #[test]
    fn escapes_are_decoded() {
        let root = parse(r#"["a\"b\\c\/d\n\u00e9\ud83d\ude00"]"#).unwrap();
        let s = root.as_array().unwrap()[0].as_literal().unwrap().to_owned();
        assert_eq!(s, "a\"b\\c/d\n\u{e9}\u{1f600}");
        assert!(
            parse(r#"["\ud83d"]"#)
                .unwrap_err()
                .message
                .contains("surrogate")
        );
        assert!(
            parse(r#"["\x"]"#)
                .unwrap_err()
                .message
                .contains("unknown escape")
        );
        // Columns count characters, not bytes.
        let root = parse("[\"é\", 1]").unwrap();
        assert_eq!(root.as_array().unwrap()[1].loc.column, 7);
    }

    #[test]
    fn numbers_keep_their_text() {
        let root = parse("[0, -1.50, 2e10, 3E-2]").unwrap();
        let texts: Vec<_> = root
            .as_array()
            .unwrap()
            .iter()
            .map(|n| match &n.kind {
                NodeKind::Number(s) => s.to_string(),
                _ => String::new(),
            })
            .collect();
        assert_eq!(texts, ["0", "-1.50", "2e10", "3E-2"]);
        assert!(parse("[01]").is_err());
        assert!(parse("[1.]").is_err());
        assert!(parse("[-]").is_err());
    }

    #[test]
    fn syntax_errors_are_located() {
        let e = parse("{\n  \"Version\" \"2012-10-17\"\n}").unwrap_err();
        assert_eq!(
            e.message,
            "expected `:` after the key `Version`, found `\"`"
        );
        assert_eq!((e.loc.line, e.loc.column), (2, 13));
        let e = parse(r#"{"a": [1, 2}"#).unwrap_err();
        assert!(
            e.message.starts_with("expected `,` or `]`"),
            "{}",
            e.message
        );
        assert_eq!(e.loc.pointer, "/a");
        let e = parse(r#"{"a": 1,}"#).unwrap_err();
        assert!(
            e.message.starts_with("expected a string key"),
            "{}",
            e.message
        );
        assert!(
            parse("")
                .unwrap_err()
                .message
                .contains("the end of the text")
        );
        assert!(
            parse("{} x")
                .unwrap_err()
                .message
                .contains("after the JSON document")
        );
        assert!(parse("\u{feff}{}").is_ok());
        assert!(
            parse("[\"a\nb\"]")
                .unwrap_err()
                .message
                .contains("control character")
        );
        assert!(parse("[tru]").is_err());
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        let e = parse(&deep).unwrap_err();
        assert!(e.message.contains("nests deeper"), "{}", e.message);
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
    }

    proptest::proptest! {
        #[test]
        fn never_panics_on_json_like_garbage(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "{", "}", "[", "]", ":", ",", "\"", "\\", "\\u", "d83d", "true", "fals",
                    "null", "0", "-", "1.5e3", " ", "\n", "é", "\"Statement\"", "\"a\":",
                ]),
                0..48,
            )
        ) {
            let _ = parse(&pieces.concat());
        }

        #[test]
        fn never_panics_on_any_text(text in "\\PC{0,64}") {
            let _ = parse(&text);
        }
    }
}
