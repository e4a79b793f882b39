//! Helpers for the engine's unit tests: a minimal JSON reader whose locations are JSON
//! pointers (`/Statement/0/Action`; a key's location is its member's pointer + `#key`),
//! so tests assert *where* a finding lands. Duplicate keys are kept. In strings, `{}` is
//! a hole (a value inserted at run time) — so tests can exercise the macro's `{var}`.
//! The engine's tree numbers those pointers ([`Node::numbered`]); findings come back
//! with their pointer.

use crate::{Code, Diagnostic, Member, Node, NodeKind, PolicyKind, PolicyView, Segment, Text};

/// Checks an identity policy.
pub fn findings(json: &str) -> Vec<Diagnostic<String>> {
    findings_kind(json, PolicyKind::Identity)
}

/// Checks a policy of `kind`. The security group's warnings are left out: the rule
/// modules' tests judge whether a policy is well-formed; `security`'s tests use
/// [`all_findings_kind`].
pub fn findings_kind(json: &str, kind: PolicyKind) -> Vec<Diagnostic<String>> {
    all_findings_kind(json, kind)
        .into_iter()
        .filter(|d| !d.code.is_security())
        .collect()
}

/// Checks a policy of `kind`, every finding included.
pub fn all_findings_kind(json: &str, kind: PolicyKind) -> Vec<Diagnostic<String>> {
    check_located(json, kind, &crate::check::Options::default())
}

/// Checks a resource policy of the service with prefix `service`.
pub fn findings_for_service(json: &str, service: &str) -> Vec<Diagnostic<String>> {
    check_located(
        json,
        PolicyKind::Resource,
        &crate::check::Options {
            service: Some(service.to_owned()),
            ..crate::check::Options::default()
        },
    )
}

fn check_located(
    json: &str,
    kind: PolicyKind,
    options: &crate::check::Options,
) -> Vec<Diagnostic<String>> {
    let (root, pointers) = located(json).numbered();
    crate::check::check_with(&PolicyView::new(root), kind, options)
        .into_iter()
        .map(|d| d.map_loc(|loc| pointer(&pointers, loc)))
        .collect()
}

/// The pointer a [`crate::Loc`] of a [`Node::numbered`] tree stands for.
pub fn pointer(pointers: &[String], loc: crate::Loc) -> String {
    pointers.get(loc.index()).cloned().unwrap_or_default()
}

/// The codes of findings, in order.
pub fn codes(found: &[Diagnostic<String>]) -> Vec<Code> {
    found.iter().map(|d| d.code).collect()
}

/// Findings of one code.
#[allow(dead_code, reason = "used by some rule modules' tests")]
pub fn only(found: &[Diagnostic<String>], code: Code) -> Vec<&Diagnostic<String>> {
    found.iter().filter(|d| d.code == code).collect()
}

/// Parses test JSON into the engine's tree (panics on malformed input: tests only).
pub fn parse(json: &str) -> Node<'static> {
    located(json).numbered().0
}

/// Parses test JSON, each node located by its JSON pointer.
pub fn located(json: &str) -> Node<'static, String> {
    let mut p = Parser {
        chars: json.chars().collect(),
        pos: 0,
        holes: 0,
    };
    let node = p.value(String::new());
    p.ws();
    assert_eq!(p.pos, p.chars.len(), "trailing text in test JSON");
    node
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
    holes: u32,
}

impl Parser {
    fn ws(&mut self) {
        while self.chars.get(self.pos).is_some_and(|c| c.is_whitespace()) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, c: char) -> bool {
        self.ws();
        if self.chars.get(self.pos) == Some(&c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn value(&mut self, pointer: String) -> Node<'static, String> {
        self.ws();
        let c = self.chars[self.pos];
        let kind = match c {
            '{' => {
                self.pos += 1;
                let mut members = Vec::new();
                while !self.eat('}') {
                    self.eat(',');
                    self.ws();
                    let key = self.string().display().into();
                    assert!(self.eat(':'));
                    let child = format!("{pointer}/{key}");
                    let value = self.value(child.clone());
                    members.push(Member {
                        key,
                        key_loc: format!("{child}#key"),
                        value,
                    });
                }
                NodeKind::Object(members)
            }
            '[' => {
                self.pos += 1;
                let mut items = Vec::new();
                while !self.eat(']') {
                    self.eat(',');
                    let child = format!("{pointer}/{}", items.len());
                    items.push(self.value(child));
                }
                NodeKind::Array(items)
            }
            '"' => NodeKind::String(self.string()),
            't' => {
                self.pos += 4;
                NodeKind::Bool(true)
            }
            'f' => {
                self.pos += 5;
                NodeKind::Bool(false)
            }
            'n' => {
                self.pos += 4;
                NodeKind::Null
            }
            _ => {
                let start = self.pos;
                while self
                    .chars
                    .get(self.pos)
                    .is_some_and(|c| c.is_ascii_digit() || "+-.eE".contains(*c))
                {
                    self.pos += 1;
                }
                NodeKind::Number(
                    self.chars[start..self.pos]
                        .iter()
                        .collect::<String>()
                        .into(),
                )
            }
        };
        Node::new(kind, pointer)
    }

    fn string(&mut self) -> Text<'static> {
        assert_eq!(self.chars[self.pos], '"');
        self.pos += 1;
        let mut segments = Vec::new();
        let mut lit = String::new();
        loop {
            let c = self.chars[self.pos];
            self.pos += 1;
            match c {
                '"' => break,
                '\\' => {
                    let e = self.chars[self.pos];
                    self.pos += 1;
                    lit.push(match e {
                        'n' => '\n',
                        't' => '\t',
                        other => other,
                    });
                }
                '{' if self.chars.get(self.pos) == Some(&'}') && !lit.ends_with('$') => {
                    self.pos += 1;
                    if !lit.is_empty() {
                        segments.push(Segment::Literal(std::mem::take(&mut lit).into()));
                    }
                    segments.push(Segment::Hole(self.holes));
                    self.holes += 1;
                }
                c => lit.push(c),
            }
        }
        if !lit.is_empty() || segments.is_empty() {
            segments.push(Segment::Literal(lit.into()));
        }
        Text::from_segments(segments)
    }
}

/// A `serde_json` value as the engine's tree, locations as JSON pointers (for the
/// ignored corpus review tests, which read real policy files).
pub fn from_value(value: &serde_json::Value, pointer: String) -> Node<'static, String> {
    use serde_json::Value;
    let kind = match value {
        Value::Null => NodeKind::Null,
        Value::Bool(b) => NodeKind::Bool(*b),
        Value::Number(n) => NodeKind::Number(n.to_string().into()),
        Value::String(s) => NodeKind::String(Text::literal(s.clone())),
        Value::Array(items) => NodeKind::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, v)| from_value(v, format!("{pointer}/{i}")))
                .collect(),
        ),
        Value::Object(members) => NodeKind::Object(
            members
                .iter()
                .map(|(k, v)| Member {
                    key: k.clone().into(),
                    key_loc: format!("{pointer}/{k}#key"),
                    value: from_value(v, format!("{pointer}/{k}")),
                })
                .collect(),
        ),
    };
    Node::new(kind, pointer)
}
