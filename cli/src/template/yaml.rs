//! YAML templates read into the same located tree as JSON ([`Node<'static, JsonLocation>`]), so one
//! walker serves both formats.
//!
//! CloudFormation's short-form tags become the long form they abbreviate (`!Sub x` is
//! `{"Fn::Sub": x}`, `!Ref x` is `{"Ref": x}`, `!Condition x` is `{"Condition": x}`), as the
//! CloudFormation User Guide's intrinsic function reference writes each pair. The
//! events and their line/column markers come from `saphyr-parser`.
//!
//! CloudFormation reads YAML 1.1 without aliases, hash merges and the binary, omap,
//! pairs, set and timestamp tags (User Guide, "Template formats"); an alias here is a
//! located error, like any syntax error. Plain scalars are typed as CloudFormation's
//! JSON view of them: `true`/`false` booleans, `null`/`~`/empty nulls, decimal numbers;
//! everything else, `2012-10-17` included, is a string.

use iam_catalog::{Member, Node, NodeKind, Text};
use iam_policy::JsonLocation;
use iam_policy::json::{MAX_DEPTH, SyntaxError, escape_pointer};
use saphyr_parser::{Event, Parser, ScalarStyle, Span, Tag};

/// A container being read.
enum Frame {
    Seq {
        loc: JsonLocation,
        items: Vec<Node<'static, JsonLocation>>,
        tag: Option<String>,
    },
    Map {
        loc: JsonLocation,
        members: Vec<Member<'static, JsonLocation>>,
        key: Option<(String, JsonLocation)>,
        tag: Option<String>,
    },
}

fn location(span: &Span, pointer: String) -> JsonLocation {
    JsonLocation {
        pointer,
        line: span.start.line(),
        column: span.start.col() + 1,
    }
}

fn error(span: &Span, pointer: &str, message: impl Into<String>) -> SyntaxError {
    SyntaxError {
        message: message.into(),
        loc: location(span, pointer.to_owned()),
    }
}

/// The long-form key a local tag abbreviates: `!Ref` is `Ref`, `!Condition` is
/// `Condition`, every other `!Name` is `Fn::Name`. `None` for YAML's own tags.
fn intrinsic_key(tag: &Tag) -> Option<String> {
    if tag.handle != "!" {
        return None;
    }
    Some(match tag.suffix.as_str() {
        "Ref" | "Condition" => tag.suffix.clone(),
        other => format!("Fn::{other}"),
    })
}

/// Whether a tag forces a string (`!!str`).
fn is_str_tag(tag: &Tag) -> bool {
    tag.handle == "tag:yaml.org,2002:" && tag.suffix == "str"
}

/// The JSON value of a plain (unquoted, untagged) scalar.
fn plain_scalar(value: &str) -> NodeKind<'static, JsonLocation> {
    match value {
        "true" | "True" | "TRUE" => NodeKind::Bool(true),
        "false" | "False" | "FALSE" => NodeKind::Bool(false),
        "" | "~" | "null" | "Null" | "NULL" => NodeKind::Null,
        _ if is_decimal(value) => NodeKind::Number(value.to_owned().into()),
        _ => NodeKind::String(Text::literal(value.to_owned())),
    }
}

/// `-?digits(.digits)?([eE][+-]?digits)?`, the numbers JSON and YAML agree on.
fn is_decimal(s: &str) -> bool {
    let s = s.strip_prefix('-').unwrap_or(s);
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(at) => (s.get(..at).unwrap_or(""), s.get(at + 1..)),
        None => (s, None),
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some((int, frac)) => digits(int) && digits(frac),
        None => digits(mantissa),
    };
    let exponent_ok = exponent.is_none_or(|e| digits(e.strip_prefix(['+', '-']).unwrap_or(e)));
    // A leading zero makes an octal-looking or zero-padded value (`0123`): a string.
    let leading_zero =
        mantissa.len() > 1 && mantissa.starts_with('0') && !mantissa.starts_with("0.");
    mantissa_ok && exponent_ok && !leading_zero
}

/// Wraps `node` in `{"<key>": node}` when its tag is an intrinsic function's short form.
fn apply_tag(
    node: Node<'static, JsonLocation>,
    tag: Option<String>,
) -> Node<'static, JsonLocation> {
    match tag {
        Some(key) => {
            let loc = node.loc.clone();
            Node::new(
                NodeKind::Object(vec![Member {
                    key: key.into(),
                    key_loc: loc.clone(),
                    value: node,
                }]),
                loc,
            )
        }
        None => node,
    }
}

/// Parses a YAML template into a located tree.
#[expect(clippy::too_many_lines, reason = "one event loop reads better whole")]
pub fn parse(text: &str) -> Result<Node<'static, JsonLocation>, SyntaxError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut root: Option<Node<'static, JsonLocation>> = None;
    let mut documents = 0usize;
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|e| SyntaxError {
            message: e.info().to_owned(),
            loc: JsonLocation {
                pointer: String::new(),
                line: e.marker().line(),
                column: e.marker().col() + 1,
            },
        })?;
        // The pointer of the value this event starts.
        let pointer = match stack.last() {
            None => String::new(),
            Some(Frame::Seq { loc, items, .. }) => format!("{}/{}", loc.pointer, items.len()),
            Some(Frame::Map { loc, key, .. }) => match key {
                Some((key, _)) => format!("{}/{}", loc.pointer, escape_pointer(key)),
                None => loc.pointer.clone(),
            },
        };
        let awaiting_key = matches!(stack.last(), Some(Frame::Map { key: None, .. }));
        let node = match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(error(
                        &span,
                        "",
                        "a template is one YAML document; this is a second one",
                    ));
                }
                continue;
            }
            Event::Alias(_) => {
                return Err(error(
                    &span,
                    &pointer,
                    "CloudFormation does not support YAML aliases",
                ));
            }
            Event::SequenceStart(_, tag) | Event::MappingStart(_, tag) if awaiting_key => {
                let _ = tag;
                return Err(error(
                    &span,
                    &pointer,
                    "a mapping key must be a scalar in a template",
                ));
            }
            Event::SequenceStart(_, tag) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(error(
                        &span,
                        &pointer,
                        format!("the document nests deeper than {MAX_DEPTH} levels"),
                    ));
                }
                stack.push(Frame::Seq {
                    loc: location(&span, pointer),
                    items: Vec::new(),
                    tag: tag.as_deref().and_then(intrinsic_key),
                });
                continue;
            }
            Event::MappingStart(_, tag) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(error(
                        &span,
                        &pointer,
                        format!("the document nests deeper than {MAX_DEPTH} levels"),
                    ));
                }
                stack.push(Frame::Map {
                    loc: location(&span, pointer),
                    members: Vec::new(),
                    key: None,
                    tag: tag.as_deref().and_then(intrinsic_key),
                });
                continue;
            }
            Event::Scalar(value, style, _, tag) => {
                if awaiting_key {
                    if let Some(Frame::Map { key, loc, .. }) = stack.last_mut() {
                        let key_pointer = format!("{}/{}", loc.pointer, escape_pointer(&value));
                        *key = Some((value.into_owned(), location(&span, key_pointer)));
                    }
                    continue;
                }
                let tag = tag.as_deref();
                let kind = if style == ScalarStyle::Plain && tag.is_none() {
                    plain_scalar(&value)
                } else if tag.is_some_and(|t| !is_str_tag(t) && intrinsic_key(t).is_none()) {
                    // `!!int 5` and other YAML tags: the text, as CloudFormation's JSON
                    // view keeps scalars of properties typed as JSON.
                    plain_scalar(&value)
                } else {
                    NodeKind::String(Text::literal(value.into_owned()))
                };
                let node = Node::new(kind, location(&span, pointer));
                apply_tag(node, tag.and_then(intrinsic_key))
            }
            Event::SequenceEnd => match stack.pop() {
                Some(Frame::Seq { loc, items, tag }) => {
                    apply_tag(Node::new(NodeKind::Array(items), loc), tag)
                }
                _ => return Err(error(&span, &pointer, "unbalanced YAML sequence")),
            },
            Event::MappingEnd => match stack.pop() {
                Some(Frame::Map {
                    loc, members, tag, ..
                }) => apply_tag(Node::new(NodeKind::Object(members), loc), tag),
                _ => return Err(error(&span, &pointer, "unbalanced YAML mapping")),
            },
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => continue,
        };
        match stack.last_mut() {
            None => root = Some(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map { members, key, .. }) => {
                if let Some((key, key_loc)) = key.take() {
                    members.push(Member {
                        key: key.into(),
                        key_loc,
                        value: node,
                    });
                }
            }
        }
    }
    Ok(root.unwrap_or_else(|| Node::new(NodeKind::Null, JsonLocation::start())))
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        clippy::indexing_slicing,
        reason = "a test fails by panicking"
    )]
    use super::*;

    fn member<'n>(node: &'n Node<'n, JsonLocation>, key: &str) -> &'n Node<'n, JsonLocation> {
        &node
            .as_object()
            .unwrap()
            .iter()
            .find(|m| m.key == key)
            .unwrap()
            .value
    }

    #[test]
    fn values_are_located_and_typed() {
        let root = parse(
            "Version: 2012-10-17\nStatement:\n  - Effect: Allow\n    Action: 's3:GetObject'\n    N: 12\n    B: false\n    Z: ~\n    O: 0123\n",
        )
        .unwrap();
        let version = member(&root, "Version");
        assert_eq!(version.as_literal(), Some("2012-10-17"));
        assert_eq!((version.loc.line, version.loc.column), (1, 10));
        let statement = &member(&root, "Statement").as_array().unwrap()[0];
        let action = member(statement, "Action");
        assert_eq!(action.loc.pointer, "/Statement/0/Action");
        assert_eq!((action.loc.line, action.loc.column), (4, 13));
        assert_eq!(member(statement, "N").kind, NodeKind::Number("12".into()));
        assert_eq!(member(statement, "B").kind, NodeKind::Bool(false));
        assert_eq!(member(statement, "Z").kind, NodeKind::Null);
        assert_eq!(member(statement, "O").as_literal(), Some("0123"));
        let key = &statement.as_object().unwrap()[1];
        assert_eq!((key.key_loc.line, key.key_loc.column), (4, 5));
    }

    #[test]
    fn short_forms_become_long_forms() {
        let root = parse(
            "A: !Sub 'arn:${AWS::Partition}:s3:::${B}'\nC: !GetAtt R.Arn\nD: !Join ['', [a, !Ref P]]\nE: \"!Ref x\"\n",
        )
        .unwrap();
        let sub = member(&root, "A").as_object().unwrap();
        assert_eq!(sub[0].key, "Fn::Sub");
        assert_eq!(
            sub[0].value.as_literal(),
            Some("arn:${AWS::Partition}:s3:::${B}")
        );
        assert_eq!(member(&root, "C").as_object().unwrap()[0].key, "Fn::GetAtt");
        let join = member(&root, "D").as_object().unwrap();
        assert_eq!(join[0].key, "Fn::Join");
        let parts = join[0].value.as_array().unwrap()[1].as_array().unwrap();
        assert_eq!(parts[1].as_object().unwrap()[0].key, "Ref");
        // A quoted `!` is text.
        assert_eq!(member(&root, "E").as_literal(), Some("!Ref x"));
    }

    #[test]
    fn errors_are_located() {
        let e = parse("a: [1, 2\nb: 3\n").unwrap_err();
        assert!(e.loc.line >= 1, "{e:?}");
        let e = parse("a: &x 1\nb: *x\n").unwrap_err();
        assert!(e.message.contains("aliases"), "{}", e.message);
        assert_eq!(e.loc.line, 2);
        assert!(parse("a: 1\n---\nb: 2\n").is_err());
        assert!(parse("? [a]\n: 1\n").is_err());
        assert_eq!(parse("").unwrap().kind, NodeKind::Null);
    }

    #[test]
    fn numbers() {
        for yes in ["0", "-1", "1.5", "2e10", "3E-2", "0.5"] {
            assert!(is_decimal(yes), "{yes}");
        }
        for no in [
            "",
            "-",
            "1.",
            ".5",
            "1e",
            "0x10",
            "0123",
            "1_000",
            "2012-10-17",
        ] {
            assert!(!is_decimal(no), "{no}");
        }
    }
}
