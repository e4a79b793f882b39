//! A small JSON reader that keeps where every value stands: it turns text into the
//! engine's [`Node<JsonLocation>`] tree, keeping repeated keys (the engine reports them)
//! and reporting syntax errors with a line, a column and a message.
//!
//! It is iterative, so no nesting depth overflows the stack; nesting deeper than
//! [`MAX_DEPTH`] is an error, as is anything after the document.

use std::fmt;

use iam_catalog::{Member, Node, NodeKind, Text};

/// Nesting deeper than this is rejected (IAM policies nest 5 levels at most).
pub const MAX_DEPTH: usize = 256;

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

/// Parses `text` into a located tree.
pub fn parse(text: &str) -> Result<Node<JsonLocation>, SyntaxError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader {
        bytes: text.as_bytes(),
        text,
        pos: 0,
        line: 1,
        line_start: 0,
        column_cache: std::cell::Cell::new((0, 0)),
    };
    let root = reader.document()?;
    reader.skip_ws();
    if reader.pos < reader.bytes.len() {
        return Err(reader.error("unexpected text after the JSON document", String::new()));
    }
    Ok(root)
}

struct Reader<'t> {
    bytes: &'t [u8],
    text: &'t str,
    pos: usize,
    line: usize,
    line_start: usize,
    /// `(byte position, characters from the line start to it)` of the last location.
    column_cache: std::cell::Cell<(usize, usize)>,
}

/// A container being read.
enum Frame {
    Array {
        loc: JsonLocation,
        items: Vec<Node<JsonLocation>>,
    },
    Object {
        loc: JsonLocation,
        members: Vec<Member<JsonLocation>>,
        /// The key whose value is being read.
        key: Option<(String, JsonLocation)>,
    },
}

impl Frame {
    fn pointer(&self) -> &str {
        match self {
            Frame::Array { loc, .. } | Frame::Object { loc, .. } => &loc.pointer,
        }
    }
}

/// `key` as one reference token of an RFC 6901 JSON pointer (`~` is `~0`, `/` is `~1`),
/// as the pointers of [`JsonLocation`] write it. Other readers that locate values in
/// JSON-like trees (the CLI's YAML templates) build their pointers with it.
pub fn escape_pointer(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

impl Reader<'_> {
    /// The location of the current position. Columns are counted incrementally from the
    /// last location on the same line, so a long one-line document stays linear.
    fn location(&self, pointer: String) -> JsonLocation {
        let (mut at, mut column) = self.column_cache.get();
        if at < self.line_start || at > self.pos {
            (at, column) = (self.line_start, 0);
        }
        column += self.text.get(at..self.pos).map_or(0, |s| s.chars().count());
        self.column_cache.set((self.pos, column));
        JsonLocation {
            pointer,
            line: self.line,
            column: column + 1,
        }
    }

    fn error(&self, message: &str, pointer: String) -> SyntaxError {
        SyntaxError {
            message: message.to_owned(),
            loc: self.location(pointer),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b) = self.peek() {
            match b {
                b'\n' => {
                    self.pos += 1;
                    self.line += 1;
                    self.line_start = self.pos;
                }
                b' ' | b'\t' | b'\r' => self.pos += 1,
                _ => break,
            }
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
    fn document(&mut self) -> Result<Node<JsonLocation>, SyntaxError> {
        let mut stack: Vec<Frame> = Vec::new();
        let mut pointer = String::new();
        loop {
            // Read one value (or open a container).
            self.skip_ws();
            let loc = self.location(pointer.clone());
            let value = match self.peek() {
                Some(b'{') => {
                    self.pos += 1;
                    if stack.len() >= MAX_DEPTH {
                        return Err(self.error(
                            &format!("the document nests deeper than {MAX_DEPTH} levels"),
                            pointer,
                        ));
                    }
                    stack.push(Frame::Object {
                        loc,
                        members: Vec::new(),
                        key: None,
                    });
                    None
                }
                Some(b'[') => {
                    self.pos += 1;
                    if stack.len() >= MAX_DEPTH {
                        return Err(self.error(
                            &format!("the document nests deeper than {MAX_DEPTH} levels"),
                            pointer,
                        ));
                    }
                    stack.push(Frame::Array {
                        loc,
                        items: Vec::new(),
                    });
                    None
                }
                Some(b'"') => Some(Node::new(
                    NodeKind::String(Text::literal(self.string(&pointer)?)),
                    loc,
                )),
                Some(b't') => Some(Node::new(
                    self.word("true", &pointer, NodeKind::Bool(true))?,
                    loc,
                )),
                Some(b'f') => Some(Node::new(
                    self.word("false", &pointer, NodeKind::Bool(false))?,
                    loc,
                )),
                Some(b'n') => Some(Node::new(self.word("null", &pointer, NodeKind::Null)?, loc)),
                Some(b'-' | b'0'..=b'9') => {
                    Some(Node::new(NodeKind::Number(self.number(&pointer)?), loc))
                }
                _ => {
                    let message = format!("expected a value, found {}", self.found());
                    return Err(self.error(&message, pointer));
                }
            };

            // After `[` or `{`: the first element, the first key, or an immediate close.
            let mut pending = value;
            if pending.is_none() {
                match self.open_first(&mut stack, &mut pointer)? {
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
                let base = stack
                    .last()
                    .map(|f| f.pointer().to_owned())
                    .unwrap_or_default();
                match (self.peek(), is_array) {
                    (Some(b','), true) => {
                        self.pos += 1;
                        let index = match stack.last() {
                            Some(Frame::Array { items, .. }) => items.len(),
                            _ => 0,
                        };
                        pointer = format!("{base}/{index}");
                        break;
                    }
                    (Some(b','), false) => {
                        self.pos += 1;
                        self.skip_ws();
                        pointer = self.key(&mut stack, &base)?;
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
                            None => return Err(self.error("unbalanced brackets", base)),
                        };
                    }
                    (_, true) => {
                        let message = format!(
                            "expected `,` or `]` after an array element, found {}",
                            self.found()
                        );
                        return Err(self.error(&message, base));
                    }
                    (_, false) => {
                        let message = format!(
                            "expected `,` or `}}` after an object member, found {}",
                            self.found()
                        );
                        return Err(self.error(&message, base));
                    }
                }
            }
        }
    }

    /// Right after an opening bracket: reads an immediate close (returning the empty
    /// container) or prepares the pointer for the first element or member.
    fn open_first(
        &mut self,
        stack: &mut Vec<Frame>,
        pointer: &mut String,
    ) -> Result<Option<Node<JsonLocation>>, SyntaxError> {
        self.skip_ws();
        let base = stack
            .last()
            .map(|f| f.pointer().to_owned())
            .unwrap_or_default();
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
        if is_array {
            *pointer = format!("{base}/0");
        } else {
            *pointer = self.key(stack, &base)?;
        }
        Ok(None)
    }

    /// Reads `"key" :` into the open object and returns the member's pointer.
    fn key(&mut self, stack: &mut [Frame], base: &str) -> Result<String, SyntaxError> {
        self.skip_ws();
        if self.peek() != Some(b'"') {
            let message = format!("expected a string key, found {}", self.found());
            return Err(self.error(&message, base.to_owned()));
        }
        let start = self.location(String::new());
        let key = self.string(base)?;
        let pointer = format!("{base}/{}", escape_pointer(&key));
        self.skip_ws();
        if self.peek() != Some(b':') {
            let message = format!("expected `:` after the key `{key}`, found {}", self.found());
            return Err(self.error(&message, pointer));
        }
        self.pos += 1;
        if let Some(Frame::Object { key: slot, .. }) = stack.last_mut() {
            *slot = Some((
                key,
                JsonLocation {
                    pointer: pointer.clone(),
                    ..start
                },
            ));
        }
        Ok(pointer)
    }

    fn word(
        &mut self,
        word: &str,
        pointer: &str,
        kind: NodeKind<JsonLocation>,
    ) -> Result<NodeKind<JsonLocation>, SyntaxError> {
        if self.bytes.get(self.pos..self.pos + word.len()) == Some(word.as_bytes()) {
            self.pos += word.len();
            Ok(kind)
        } else {
            let message = format!("expected a value, found {}", self.found());
            Err(self.error(&message, pointer.to_owned()))
        }
    }

    fn number(&mut self, pointer: &str) -> Result<String, SyntaxError> {
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
            return Err(self.error("expected digits in a number", pointer.to_owned()));
        }
        if self.bytes.get(int_start) == Some(&b'0') && self.pos - int_start > 1 {
            return Err(self.error("a number has a leading zero", pointer.to_owned()));
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !digits(self) {
                return Err(self.error("expected digits after `.`", pointer.to_owned()));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !digits(self) {
                return Err(self.error("expected digits in an exponent", pointer.to_owned()));
            }
        }
        Ok(self
            .text
            .get(start..self.pos)
            .unwrap_or_default()
            .to_owned())
    }

    /// Reads a string literal (the reader is at its `"`), decoding escapes.
    fn string(&mut self, pointer: &str) -> Result<String, SyntaxError> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let run_start = self.pos;
            while self
                .peek()
                .is_some_and(|b| b != b'"' && b != b'\\' && b >= 0x20)
            {
                self.pos += 1;
            }
            out.push_str(self.text.get(run_start..self.pos).unwrap_or_default());
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let c = self.escape(pointer)?;
                    out.push(c);
                }
                Some(_) => {
                    return Err(self.error(
                        "a control character in a string must be escaped",
                        pointer.to_owned(),
                    ));
                }
                None => return Err(self.error("a string is not closed", pointer.to_owned())),
            }
        }
    }

    fn escape(&mut self, pointer: &str) -> Result<char, SyntaxError> {
        let Some(b) = self.peek() else {
            return Err(self.error("a string is not closed", pointer.to_owned()));
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
                let first = self.hex4(pointer)?;
                if (0xD800..0xDC00).contains(&first) {
                    if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                        return Err(
                            self.error("a lone surrogate in a `\\u` escape", pointer.to_owned())
                        );
                    }
                    self.pos += 2;
                    let second = self.hex4(pointer)?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return Err(
                            self.error("a lone surrogate in a `\\u` escape", pointer.to_owned())
                        );
                    }
                    let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                    char::from_u32(code)
                        .ok_or_else(|| self.error("an invalid `\\u` escape", pointer.to_owned()))?
                } else {
                    char::from_u32(first).ok_or_else(|| {
                        self.error("a lone surrogate in a `\\u` escape", pointer.to_owned())
                    })?
                }
            }
            _ => return Err(self.error("an unknown escape in a string", pointer.to_owned())),
        })
    }

    fn hex4(&mut self, pointer: &str) -> Result<u32, SyntaxError> {
        let digits = self
            .text
            .get(self.pos..self.pos + 4)
            .filter(|s| s.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| self.error("expected 4 hex digits after `\\u`", pointer.to_owned()))?;
        self.pos += 4;
        u32::from_str_radix(digits, 16)
            .map_err(|_| self.error("expected 4 hex digits after `\\u`", pointer.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loc(node: &Node<JsonLocation>) -> (&str, usize, usize) {
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
                NodeKind::Number(s) => s.clone(),
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
        let ok = format!("{}{}", "[".repeat(200), "]".repeat(200));
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
