//! Stage 1: the JSON token grammar of `policy!` (syntax only; nothing about IAM).
//!
//! The input is `CRATE_PATH , #![allow(..)]* #![deny(..)]* KIND? { json... }`. Every string literal is
//! kept as a [`LitStr`], because its span is where a finding about it is reported.
//!
//! Errors come in two weights. A token that breaks the grammar (a missing `:`, a stray
//! token) stops the parse at that token. A mistake inside one token (a bad `{name}` in a
//! string, an unknown code in `allow`, an unknown policy type) is recorded and the parse
//! goes on, so one build shows all of them.

use crate::report::with_help;
use iam_catalog::suggest::suggest;
use iam_catalog::{Code, PolicyKind};
use proc_macro2::{Delimiter, Group, Span, TokenStream, TokenTree};
use syn::parse::{Parse, ParseStream};
use syn::{Lit, LitStr};

/// The error for a string literal Rust could not decode (rustc reports the bad escape too).
fn bad_escape() -> String {
    with_help(
        "this string has an escape that Rust strings do not have",
        "strings in `policy!` are Rust string literals: write JSON's `\\/` as `/` and `\\u00e9` as `\\u{e9}`",
    )
}

/// Values nested deeper than this are rejected (a real policy nests about six levels).
pub use iam_catalog::view::MAX_DEPTH;

/// The whole macro input. Parsing it never fails: a malformed document is kept as the
/// error in [`PolicyInput::document`], so the expansion can still name the crate path and
/// end in a placeholder value.
pub struct PolicyInput {
    /// The path of the runtime crate (`$crate` of `policy!`), or `None` when the input
    /// does not start with `PATH ,`.
    pub krate: Option<TokenStream>,
    /// The document, or every syntax error found in it.
    pub document: syn::Result<Document>,
}

/// A syntactically valid `policy!` body.
pub struct Document {
    /// The policy type (`identity` unless written).
    pub kind: PolicyKind,
    /// Codes allowed for the whole policy by `#![allow(...)]`.
    pub allow: Vec<Code>,
    /// The service a resource policy belongs to (`resource(ecr)`): a known prefix.
    pub service: Option<String>,
    /// Codes denied for the whole policy by `#![deny(...)]`: their findings are errors.
    pub deny: Vec<Code>,
    /// The root value: always an object (`{ ... }`).
    pub root: Value,
}

/// A JSON value as written in tokens.
pub enum Value {
    /// `null`.
    Null(Span),
    /// `true` or `false`.
    Bool(bool, Span),
    /// A number, text as written (`-1`, `1.5e3`).
    Number(Number),
    /// A string literal.
    String(Str),
    /// `[ ... ]`.
    Array(Array),
    /// `{ ... }`.
    Object(Object),
    /// `( expr )`: a whole value computed at run time. The group is kept as written; its
    /// tokens are never parsed.
    Expr(Group),
}

/// A number literal, possibly negative.
pub struct Number {
    /// The text as written, minus sign included.
    pub text: String,
    /// The span of the number literal.
    pub span: Span,
}

/// A string literal and the pieces of its text.
pub struct Str {
    /// The literal as written.
    pub lit: LitStr,
    /// Its decoded text, split at `{name}` insertions; `{{`/`}}` already single braces.
    pub pieces: Vec<Piece>,
}

/// A piece of a string's text.
pub enum Piece {
    /// Text known at compile time.
    Text(String),
    /// `{path}`: a Rust value from the surrounding scope, written with `Display`.
    Insert(FieldPath),
}

/// The Rust place named inside `{...}`: a variable, then field names or tuple indexes
/// (`bucket`, `self.bucket`, `config.0.name`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldPath {
    /// The variable (`self` allowed).
    pub base: String,
    /// The fields after it, in order.
    pub fields: Vec<Field>,
}

/// One `.field` of a [`FieldPath`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    /// A named field.
    Named(String),
    /// A tuple index.
    Index(u32),
}

/// An array and where it stands.
pub struct Array {
    /// The span of the whole `[ ... ]`.
    pub span: Span,
    /// The elements in source order.
    pub items: Vec<Element>,
}

/// An object and where it stands.
pub struct Object {
    /// The span of the whole `{ ... }`.
    pub span: Span,
    /// The members in source order, repeated keys kept.
    pub members: Vec<Member>,
}

/// One `"key": value` member of an object.
pub struct Member {
    /// The key literal.
    pub key: LitStr,
    /// The decoded key (`{{`/`}}` already single braces).
    pub key_text: String,
    /// The value, with any `#[allow]` written before it.
    pub value: Element,
}

/// A value with the codes an outer `#[allow(...)]` before it allows. Only statements may
/// carry `#[allow]`; the parser rejects it anywhere else.
pub struct Element {
    /// Codes allowed for this statement.
    pub allow: Vec<Code>,
    /// The value.
    pub value: Value,
}

impl Value {
    /// The span of the value's token (for a negative number: of its literal).
    pub fn span(&self) -> Span {
        match self {
            Value::Null(span) | Value::Bool(_, span) => *span,
            Value::Number(number) => number.span,
            Value::String(string) => string.lit.span(),
            Value::Array(array) => array.span,
            Value::Object(object) => object.span,
            Value::Expr(group) => group.span(),
        }
    }
}

impl Parse for PolicyInput {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let tokens: TokenStream = input.parse()?;
        Ok(parse_input(tokens))
    }
}

/// Splits off the crate path and parses the document.
pub fn parse_input(tokens: TokenStream) -> PolicyInput {
    let mut krate = TokenStream::new();
    let mut iter = tokens.into_iter();
    let mut found_comma = false;
    for token in iter.by_ref() {
        if let TokenTree::Punct(punct) = &token
            && punct.as_char() == ','
        {
            found_comma = true;
            break;
        }
        krate.extend([token]);
    }
    if !found_comma || krate.is_empty() {
        return PolicyInput {
            krate: None,
            document: Err(syn::Error::new(
                Span::call_site(),
                "`policy_impl!` expects `CRATE_PATH, KIND? { ... }`: use the `policy!` macro of `iam_policy`",
            )),
        };
    }
    PolicyInput {
        krate: Some(krate),
        document: parse_document(iter.collect()),
    }
}

/// Parses `#![allow(..)]* #![deny(..)]* KIND? { ... }` (in any order).
pub fn parse_document(tokens: TokenStream) -> syn::Result<Document> {
    let mut parser = Parser::default();
    let result = parser.document(tokens);
    parser.finish(result)
}

/// Which attribute: `allow` drops findings, `deny` makes them errors (the span of the
/// `deny` word, where a misplaced one is reported).
#[derive(Clone, Copy)]
enum Level {
    Allow,
    Deny(Span),
}

/// Where a value stands, which decides whether `#[allow]` may precede it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Position {
    /// The root object.
    Top,
    /// The value of the root's `Statement` member.
    StatementValue,
    /// An element of the root's `Statement` array.
    StatementItem,
    /// Anywhere else.
    Nested,
}

/// Recursive-descent parser over token trees, with the recoverable errors found so far.
#[derive(Default)]
struct Parser {
    errors: Vec<syn::Error>,
}

/// A cursor over the tokens of one level (the input, or the inside of one group).
struct Cursor {
    tokens: std::iter::Peekable<std::vec::IntoIter<TokenTree>>,
    /// Where "unexpected end" errors point: the closing delimiter of the group, or the
    /// last token of the input.
    end: Span,
}

impl Cursor {
    fn new(stream: TokenStream, end: Option<Span>) -> Self {
        let tokens: Vec<TokenTree> = stream.into_iter().collect();
        let end = end
            .or_else(|| tokens.last().map(TokenTree::span))
            .unwrap_or_else(Span::call_site);
        Cursor {
            tokens: tokens.into_iter().peekable(),
            end,
        }
    }

    fn of_group(group: &Group) -> Self {
        Cursor::new(group.stream(), Some(group.span_close()))
    }

    fn next(&mut self) -> Option<TokenTree> {
        self.tokens.next()
    }

    fn peek(&mut self) -> Option<&TokenTree> {
        self.tokens.peek()
    }

    fn peek_punct(&mut self, ch: char) -> bool {
        matches!(self.peek(), Some(TokenTree::Punct(p)) if p.as_char() == ch)
    }

    fn is_empty(&mut self) -> bool {
        self.peek().is_none()
    }
}

impl Parser {
    fn finish<T>(self, result: syn::Result<T>) -> syn::Result<T> {
        let mut errors = self.errors.into_iter();
        match (result, errors.next()) {
            (Ok(value), None) => Ok(value),
            (Ok(_), Some(mut first)) => {
                first.extend(errors);
                Err(first)
            }
            (Err(hard), None) => Err(hard),
            (Err(hard), Some(mut first)) => {
                first.extend(errors);
                first.combine(hard);
                Err(first)
            }
        }
    }

    fn error(&mut self, span: Span, message: impl std::fmt::Display) {
        self.errors.push(syn::Error::new(span, message));
    }

    fn document(&mut self, tokens: TokenStream) -> syn::Result<Document> {
        let mut cursor = Cursor::new(tokens, None);
        let mut allow = Vec::new();
        let mut deny = Vec::new();
        while cursor.peek_punct('#') {
            let pound = cursor.next();
            let pound_span = pound.as_ref().map_or(cursor.end, TokenTree::span);
            if !cursor.peek_punct('!') {
                return Err(syn::Error::new(
                    pound_span,
                    "expected `#![allow(...)]` before the policy document; `#[allow(...)]` (without `!`) goes before a statement",
                ));
            }
            cursor.next();
            let (level, codes) = self.attribute(&mut cursor, pound_span)?;
            match level {
                Level::Allow => allow.extend(codes),
                Level::Deny(_) => deny.extend(codes),
            }
        }
        let mut kind = PolicyKind::Identity;
        if let Some(TokenTree::Ident(ident)) = cursor.peek() {
            let ident = ident.clone();
            cursor.next();
            let name = ident.to_string();
            if let Some(found) = PolicyKind::from_name(&name) {
                kind = found;
            } else {
                let names: Vec<&str> = PolicyKind::ALL.iter().map(|k| k.name()).collect();
                let list = names
                    .iter()
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let message = crate::report::did_you_mean(
                    format!("unknown policy type `{name}`; expected one of {list}"),
                    suggest(&name, names.iter().copied()),
                );
                self.error(ident.span(), message);
            }
        }
        let service = self.service(&mut cursor, kind);
        let root = match cursor.next() {
            Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Brace => {
                Value::Object(self.object(&group, Position::Top, 1)?)
            }
            Some(other) => {
                return Err(syn::Error::new(
                    other.span(),
                    format!(
                        "expected `{{` to start the policy document, found {}",
                        describe(&other)
                    ),
                ));
            }
            None => {
                return Err(syn::Error::new(
                    cursor.end,
                    "expected a policy document `{ ... }`",
                ));
            }
        };
        if let Some(extra) = cursor.next() {
            return Err(syn::Error::new(
                extra.span(),
                format!("unexpected {} after the policy document", describe(&extra)),
            ));
        }
        Ok(Document {
            kind,
            allow,
            service,
            deny,
            root,
        })
    }

    /// The `(service)` after `resource`: a service prefix, such as `ecr` or `ecr-public`,
    /// that the catalog knows. Errors (another policy type, an unknown prefix) are
    /// reported at the parenthesis or the prefix, and the policy is then checked without
    /// a service.
    fn service(&mut self, cursor: &mut Cursor, kind: PolicyKind) -> Option<String> {
        let Some(TokenTree::Group(group)) = cursor.peek() else {
            return None;
        };
        if group.delimiter() != Delimiter::Parenthesis {
            return None;
        }
        let group = group.clone();
        cursor.next();
        if kind != PolicyKind::Resource {
            self.error(
                group.span(),
                format!(
                    "only a resource policy names its service: `resource(ecr) {{ ... }}`, not `{}(...)`",
                    kind.name()
                ),
            );
            return None;
        }
        // `ecr-public` arrives as `ecr`, `-`, `public`.
        let mut prefix = String::new();
        let mut valid = true;
        for token in group.stream() {
            match token {
                TokenTree::Ident(ident) => prefix.push_str(&ident.to_string()),
                TokenTree::Punct(punct) if punct.as_char() == '-' => prefix.push('-'),
                _ => valid = false,
            }
        }
        if !valid || prefix.is_empty() {
            self.error(
                group.span(),
                "expected a service prefix in the parentheses, such as `resource(ecr)`",
            );
            return None;
        }
        if iam_catalog::model::service(&prefix).is_none() {
            let prefixes = iam_catalog::model::services().map(iam_catalog::model::Service::prefix);
            let message = crate::report::did_you_mean(
                format!("unknown service prefix `{prefix}`"),
                suggest(&prefix, prefixes),
            );
            self.error(
                group
                    .stream()
                    .into_iter()
                    .next()
                    .map_or(group.span(), |t| t.span()),
                message,
            );
            return None;
        }
        Some(prefix)
    }

    /// Parses the `[allow(code, ...)]` or `[deny(code, ...)]` group after `#` or `#!` and
    /// returns which it is and the known codes.
    fn attribute(&mut self, cursor: &mut Cursor, pound: Span) -> syn::Result<(Level, Vec<Code>)> {
        let group = match cursor.next() {
            Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Bracket => group,
            Some(other) => {
                return Err(syn::Error::new(
                    other.span(),
                    format!("expected `[` after `#`, found {}", describe(&other)),
                ));
            }
            None => return Err(syn::Error::new(pound, "expected `[allow(...)]` after `#`")),
        };
        let mut inner = Cursor::of_group(&group);
        let (level, list) = match (inner.next(), inner.next(), inner.next()) {
            (Some(TokenTree::Ident(name)), Some(TokenTree::Group(list)), None)
                if (name == "allow" || name == "deny")
                    && list.delimiter() == Delimiter::Parenthesis =>
            {
                let level = if name == "deny" {
                    Level::Deny(name.span())
                } else {
                    Level::Allow
                };
                (level, list)
            }
            (Some(first), ..) => {
                return Err(syn::Error::new(
                    first.span(),
                    "expected `allow(code, ...)` or `deny(code, ...)`: `policy!` supports only `allow` and `deny` attributes",
                ));
            }
            (None, ..) => {
                return Err(syn::Error::new(
                    group.span(),
                    "expected `allow(code, ...)` inside the attribute",
                ));
            }
        };
        let mut codes = Vec::new();
        let mut named_any = false;
        let mut name_tokens = TokenStream::new();
        let mut name = String::new();
        let mut list_cursor = Cursor::of_group(&list);
        loop {
            let token = list_cursor.next();
            match &token {
                None => {
                    if !name_tokens.is_empty() {
                        named_any = true;
                        codes.extend(self.code(&name, &name_tokens));
                    }
                    break;
                }
                Some(TokenTree::Punct(p)) if p.as_char() == ',' => {
                    if name_tokens.is_empty() {
                        return Err(syn::Error::new(p.span(), "expected a code name before `,`"));
                    }
                    named_any = true;
                    codes.extend(self.code(&name, &name_tokens));
                    name_tokens = TokenStream::new();
                    name.clear();
                }
                Some(TokenTree::Ident(ident)) => {
                    name.push_str(&ident.to_string());
                    name_tokens.extend(token);
                }
                Some(TokenTree::Punct(p)) if p.as_char() == '-' => {
                    name.push('-');
                    name_tokens.extend(token);
                }
                Some(other) => {
                    return Err(syn::Error::new(
                        other.span(),
                        format!(
                            "expected a finding code such as `resource-mismatch`, found {}",
                            describe(other)
                        ),
                    ));
                }
            }
        }
        if !named_any {
            return Err(syn::Error::new(
                list.span(),
                "expected at least one finding code in `allow(...)`",
            ));
        }
        Ok((level, codes))
    }

    /// Resolves one code name written in `allow(...)`; unknown names are reported at
    /// their tokens with the closest known name.
    fn code(&mut self, name: &str, tokens: &TokenStream) -> Option<Code> {
        if let Some(code) = Code::from_name(name) {
            return Some(code);
        }
        let normalized = name.replace('_', "-");
        let message = crate::report::did_you_mean(
            format!("unknown finding code `{name}`"),
            suggest(&normalized, Code::ALL.iter().map(|c| c.name())),
        );
        self.errors.push(syn::Error::new_spanned(tokens, message));
        None
    }

    /// Parses `#[allow(..)]* value`.
    fn element(
        &mut self,
        cursor: &mut Cursor,
        position: Position,
        depth: usize,
    ) -> syn::Result<Element> {
        let mut allow = Vec::new();
        let mut first_pound = None;
        while cursor.peek_punct('#') {
            let pound_span = cursor.next().map_or(cursor.end, |t| t.span());
            first_pound.get_or_insert(pound_span);
            if cursor.peek_punct('!') {
                return Err(syn::Error::new(
                    pound_span,
                    "`#![allow(...)]` goes before the whole policy document; use `#[allow(...)]` before a statement",
                ));
            }
            let (level, codes) = self.attribute(cursor, pound_span)?;
            if let Level::Deny(at) = level {
                return Err(syn::Error::new(
                    at,
                    "`deny` applies to the whole policy: write `#![deny(...)]` before the document",
                ));
            }
            allow.extend(codes);
        }
        let value = self.value(cursor, position, depth)?;
        if let Some(pound) = first_pound {
            let on_statement = match position {
                Position::StatementItem => true,
                Position::StatementValue => matches!(value, Value::Object(_)),
                Position::Top | Position::Nested => false,
            };
            if !on_statement {
                self.error(
                    pound,
                    "`#[allow(...)]` can only stand before a statement object in `Statement`; use `#![allow(...)]` before the document for the whole policy",
                );
            }
        }
        Ok(Element { allow, value })
    }

    fn value(
        &mut self,
        cursor: &mut Cursor,
        position: Position,
        depth: usize,
    ) -> syn::Result<Value> {
        let Some(token) = cursor.next() else {
            return Err(syn::Error::new(cursor.end, "expected a JSON value"));
        };
        match token {
            TokenTree::Group(group) => self.group_value(group, position, depth),
            TokenTree::Literal(literal) => self.literal(literal, None),
            TokenTree::Ident(ident) => {
                if ident == "true" {
                    Ok(Value::Bool(true, ident.span()))
                } else if ident == "false" {
                    Ok(Value::Bool(false, ident.span()))
                } else if ident == "null" {
                    Ok(Value::Null(ident.span()))
                } else {
                    Err(syn::Error::new(
                        ident.span(),
                        with_help(
                            &format!("expected a JSON value, found `{ident}`"),
                            &format!(
                                "to use a Rust value here, write `({ident})`, or `\"{{{ident}}}\"` to insert it into a string"
                            ),
                        ),
                    ))
                }
            }
            TokenTree::Punct(punct) if punct.as_char() == '-' => match cursor.next() {
                Some(TokenTree::Literal(literal)) => self.literal(literal, Some(punct.span())),
                Some(other) => Err(syn::Error::new(
                    other.span(),
                    format!("expected a number after `-`, found {}", describe(&other)),
                )),
                None => Err(syn::Error::new(punct.span(), "expected a number after `-`")),
            },
            TokenTree::Punct(punct) => Err(syn::Error::new(
                punct.span(),
                format!("expected a JSON value, found `{}`", punct.as_char()),
            )),
        }
    }

    fn group_value(
        &mut self,
        group: Group,
        position: Position,
        depth: usize,
    ) -> syn::Result<Value> {
        if depth >= MAX_DEPTH {
            return Err(syn::Error::new(
                group.span(),
                format!("the policy document nests more than {MAX_DEPTH} levels deep"),
            ));
        }
        match group.delimiter() {
            Delimiter::Brace => Ok(Value::Object(self.object(&group, position, depth + 1)?)),
            Delimiter::Bracket => Ok(Value::Array(self.array(&group, position, depth + 1)?)),
            Delimiter::Parenthesis => {
                if group.stream().is_empty() {
                    Err(syn::Error::new(
                        group.span(),
                        "expected a Rust expression inside `( )`",
                    ))
                } else {
                    Ok(Value::Expr(group))
                }
            }
            Delimiter::None => {
                // Tokens forwarded by another macro (`$x:expr`, `$x:literal`) arrive in an
                // invisible group: a JSON value inside is used as one, anything else is a
                // Rust expression, as if written in `( )`.
                let mut inner = Parser::default();
                let mut cursor = Cursor::of_group(&group);
                let parsed = inner.value(&mut cursor, position, depth + 1);
                match parsed {
                    Ok(value) if inner.errors.is_empty() && cursor.is_empty() => Ok(value),
                    _ => Ok(Value::Expr(group)),
                }
            }
        }
    }

    fn literal(
        &mut self,
        literal: proc_macro2::Literal,
        minus: Option<Span>,
    ) -> syn::Result<Value> {
        let span = literal.span();
        let text = literal.to_string();
        match Lit::new(literal) {
            Lit::Str(lit) => {
                if minus.is_some() {
                    return Err(syn::Error::new(
                        span,
                        "expected a number after `-`, found a string",
                    ));
                }
                if !lit.suffix().is_empty() {
                    return Err(syn::Error::new(
                        span,
                        format!("unexpected suffix `{}` on a string literal", lit.suffix()),
                    ));
                }
                let value = lit.value();
                let pieces = match split_insertions(&value) {
                    Ok(pieces) => pieces,
                    Err(message) => {
                        self.error(span, message);
                        vec![Piece::Text(value)]
                    }
                };
                Ok(Value::String(Str { lit, pieces }))
            }
            Lit::Int(_) | Lit::Float(_) => {
                if is_json_number(&text) {
                    let text = if minus.is_some() {
                        format!("-{text}")
                    } else {
                        text
                    };
                    Ok(Value::Number(Number { text, span }))
                } else {
                    Err(syn::Error::new(
                        span,
                        format!(
                            "`{text}` is not a JSON number: write digits with an optional fraction and exponent, without `_` or a type suffix"
                        ),
                    ))
                }
            }
            Lit::Char(_) => Err(syn::Error::new(
                span,
                "expected a JSON value, found a character literal: JSON strings use double quotes",
            )),
            Lit::ByteStr(_) | Lit::CStr(_) | Lit::Byte(_) => Err(syn::Error::new(
                span,
                "expected a JSON value, found a byte or C string literal: JSON strings are plain `\"...\"` literals",
            )),
            Lit::Verbatim(_) if text.starts_with('"') => Err(syn::Error::new(span, bad_escape())),
            _ => Err(syn::Error::new(
                span,
                format!("expected a JSON value, found `{text}`"),
            )),
        }
    }

    fn object(&mut self, group: &Group, position: Position, depth: usize) -> syn::Result<Object> {
        let mut cursor = Cursor::of_group(group);
        let mut members = Vec::new();
        while let Some(token) = cursor.next() {
            let (key, key_text) = self.key(token)?;
            match cursor.next() {
                Some(TokenTree::Punct(p)) if p.as_char() == ':' => {}
                Some(other) => {
                    return Err(syn::Error::new(
                        other.span(),
                        format!("expected `:` after object key, found {}", describe(&other)),
                    ));
                }
                None => {
                    return Err(syn::Error::new(
                        key.span(),
                        "expected `:` and a value after object key",
                    ));
                }
            }
            let member_position = if position == Position::Top && key_text == "Statement" {
                Position::StatementValue
            } else {
                Position::Nested
            };
            let value = self.element(&mut cursor, member_position, depth)?;
            members.push(Member {
                key,
                key_text,
                value,
            });
            match cursor.next() {
                None => break,
                Some(TokenTree::Punct(p)) if p.as_char() == ',' => {}
                Some(other) => {
                    return Err(syn::Error::new(
                        other.span(),
                        format!(
                            "expected `,` or `}}` after object member, found {}",
                            describe(&other)
                        ),
                    ));
                }
            }
        }
        Ok(Object {
            span: group.span(),
            members,
        })
    }

    /// Parses an object key: a string literal, into which nothing can be inserted.
    fn key(&mut self, token: TokenTree) -> syn::Result<(LitStr, String)> {
        let key = match token {
            TokenTree::Literal(literal) => {
                let span = literal.span();
                let text = literal.to_string();
                match Lit::new(literal) {
                    Lit::Str(lit) if lit.suffix().is_empty() => lit,
                    Lit::Str(lit) => {
                        return Err(syn::Error::new(
                            span,
                            format!("unexpected suffix `{}` on a string literal", lit.suffix()),
                        ));
                    }
                    Lit::Verbatim(_) if text.starts_with('"') => {
                        return Err(syn::Error::new(span, bad_escape()));
                    }
                    _ => {
                        return Err(syn::Error::new(
                            span,
                            format!("expected a string literal as object key, found `{text}`"),
                        ));
                    }
                }
            }
            TokenTree::Ident(ident) => {
                return Err(syn::Error::new(
                    ident.span(),
                    with_help(
                        &format!("expected a string literal as object key, found `{ident}`"),
                        &format!("JSON keys are quoted: `\"{ident}\"`"),
                    ),
                ));
            }
            other => {
                return Err(syn::Error::new(
                    other.span(),
                    format!(
                        "expected a string literal as object key, found {}",
                        describe(&other)
                    ),
                ));
            }
        };
        let value = key.value();
        let text = match split_insertions(&value) {
            Ok(pieces) => {
                let mut text = String::new();
                let mut has_insert = false;
                for piece in pieces {
                    match piece {
                        Piece::Text(s) => text.push_str(&s),
                        Piece::Insert(_) => has_insert = true,
                    }
                }
                if has_insert {
                    self.error(
                        key.span(),
                        with_help(
                            "values cannot be inserted into object keys",
                            "write `{{` and `}}` for literal braces",
                        ),
                    );
                }
                text
            }
            Err(message) => {
                self.error(key.span(), message);
                value
            }
        };
        Ok((key, text))
    }

    fn array(&mut self, group: &Group, position: Position, depth: usize) -> syn::Result<Array> {
        let mut cursor = Cursor::of_group(group);
        let mut items = Vec::new();
        let item_position = if position == Position::StatementValue {
            Position::StatementItem
        } else {
            Position::Nested
        };
        while !cursor.is_empty() {
            items.push(self.element(&mut cursor, item_position, depth)?);
            match cursor.next() {
                None => break,
                Some(TokenTree::Punct(p)) if p.as_char() == ',' => {}
                Some(other) => {
                    return Err(syn::Error::new(
                        other.span(),
                        format!(
                            "expected `,` or `]` after array element, found {}",
                            describe(&other)
                        ),
                    ));
                }
            }
        }
        Ok(Array {
            span: group.span(),
            items,
        })
    }
}

/// Whether `text` is an unsigned JSON number:
/// `(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
fn is_json_number(text: &str) -> bool {
    fn digits(bytes: &[u8], mut i: usize) -> usize {
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        i
    }
    let bytes = text.as_bytes();
    let mut i = match bytes.first() {
        Some(b'0') => 1,
        Some(b'1'..=b'9') => digits(bytes, 1),
        _ => return false,
    };
    if bytes.get(i) == Some(&b'.') {
        let end = digits(bytes, i + 1);
        if end == i + 1 {
            return false;
        }
        i = end;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let end = digits(bytes, i);
        if end == i {
            return false;
        }
        i = end;
    }
    i == bytes.len()
}

/// Splits a decoded string at its `{path}` insertions.
///
/// `{{` and `}}` are literal braces; `${...}` (an IAM policy variable) is literal text up
/// to and including the first `}`, or to the end when there is none. Any other `{` must
/// hold a [`FieldPath`] and be closed by `}`. The error is a message about the string.
pub fn split_insertions(text: &str) -> Result<Vec<Piece>, String> {
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("${") {
            literal.push_str("${");
            if let Some((variable, tail)) = after.split_once('}') {
                if let Some((_, inner)) = variable.split_once('{') {
                    return Err(with_help(
                        &format!(
                            "`{{{inner}}}` cannot be inserted inside the policy variable `${{{variable}}}}}`: a run-time value there could choose another key, or add a default"
                        ),
                        "write the variable's name literally, as in `${aws:PrincipalTag/team}`",
                    ));
                }
                literal.push_str(variable);
                literal.push('}');
                rest = tail;
            } else {
                literal.push_str(after);
                rest = "";
            }
        } else if let Some(after) = rest.strip_prefix("{{") {
            literal.push('{');
            rest = after;
        } else if let Some(after) = rest.strip_prefix("}}") {
            literal.push('}');
            rest = after;
        } else if let Some(after) = rest.strip_prefix('{') {
            let Some((inner, tail)) = after.split_once('}') else {
                return Err(with_help(
                    "unmatched `{` in string",
                    "write `{{` for a literal `{`",
                ));
            };
            if inner.is_empty() {
                return Err(with_help(
                    "empty `{}` in string",
                    "name the variable to insert, as in `{bucket}`, or write `{{}}` for literal braces",
                ));
            }
            let path = field_path(inner).ok_or_else(|| {
                with_help(
                    &format!("`{{{inner}}}` cannot be inserted into the string: only a variable name or a field path may stand between `{{` and `}}`"),
                    "write `{bucket}` or `{config.bucket}` to insert a value, or `{{` and `}}` for literal braces",
                )
            })?;
            if !literal.is_empty() {
                pieces.push(Piece::Text(std::mem::take(&mut literal)));
            }
            pieces.push(Piece::Insert(path));
            rest = tail;
        } else if rest.starts_with('}') {
            return Err(with_help(
                "unmatched `}` in string",
                "write `}}` for a literal `}`",
            ));
        } else {
            let mut chars = rest.chars();
            if let Some(ch) = chars.next() {
                literal.push(ch);
            }
            rest = chars.as_str();
        }
    }
    if !literal.is_empty() || pieces.is_empty() {
        pieces.push(Piece::Text(literal));
    }
    Ok(pieces)
}

/// Parses `name(.field)*` where a field is a name or a tuple index. Names are ASCII
/// identifiers and not keywords (`self` is allowed as the first name).
fn field_path(text: &str) -> Option<FieldPath> {
    let mut parts = text.split('.');
    let base = parts.next()?;
    if !(is_identifier(base) || base == "self") {
        return None;
    }
    let mut fields = Vec::new();
    for part in parts {
        if is_identifier(part) {
            fields.push(Field::Named(part.to_owned()));
        } else if part == "0"
            || (!part.starts_with('0') && part.bytes().all(|b| b.is_ascii_digit()))
        {
            fields.push(Field::Index(part.parse().ok()?));
        } else {
            return None;
        }
    }
    Some(FieldPath {
        base: base.to_owned(),
        fields,
    })
}

/// An ASCII identifier that is not `_` and not a keyword of any edition.
fn is_identifier(text: &str) -> bool {
    const KEYWORDS: &[&str] = &[
        "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
        "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
        "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub",
        "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "try",
        "type", "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
    ];
    let mut bytes = text.bytes();
    let starts_well = bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_');
    starts_well
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && text != "_"
        && !KEYWORDS.contains(&text)
}

/// A short description of a token for messages: `` `x` ``, `` `{` ``, `a string`.
fn describe(token: &TokenTree) -> String {
    match token {
        TokenTree::Group(group) => match group.delimiter() {
            Delimiter::Brace => "`{`".to_owned(),
            Delimiter::Bracket => "`[`".to_owned(),
            Delimiter::Parenthesis => "`(`".to_owned(),
            Delimiter::None => "an expression".to_owned(),
        },
        TokenTree::Ident(ident) => format!("`{ident}`"),
        TokenTree::Punct(punct) => format!("`{}`", punct.as_char()),
        TokenTree::Literal(literal) => {
            let text = literal.to_string();
            if text.chars().count() > 40 {
                let short: String = text.chars().take(37).collect();
                format!("`{short}...`")
            } else {
                format!("`{text}`")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    /// Parses a document from source text, so that spans know their text.
    fn parse(src: &str) -> syn::Result<Document> {
        parse_document(src.parse().expect("test input lexes"))
    }

    fn doc(src: &str) -> Document {
        match parse(src) {
            Ok(document) => document,
            Err(error) => panic!("unexpected error: {error}"),
        }
    }

    /// Every error as (message, the source text it points at).
    fn errors(src: &str) -> Vec<(String, String)> {
        match parse(src) {
            Ok(_) => panic!("expected an error for {src}"),
            Err(error) => error
                .into_iter()
                .map(|e| {
                    let text = e.span().source_text().unwrap_or_default();
                    (e.to_string(), text)
                })
                .collect(),
        }
    }

    /// The single error of `src`, as (message, located text).
    fn error(src: &str) -> (String, String) {
        let mut all = errors(src);
        assert_eq!(all.len(), 1, "{all:?}");
        all.remove(0)
    }

    fn members(value: &Value) -> &[Member] {
        match value {
            Value::Object(object) => &object.members,
            _ => panic!("not an object"),
        }
    }

    fn items(value: &Value) -> &[Element] {
        match value {
            Value::Array(array) => &array.items,
            _ => panic!("not an array"),
        }
    }

    fn member<'a>(value: &'a Value, key: &str) -> &'a Value {
        &members(value)
            .iter()
            .find(|m| m.key_text == key)
            .unwrap_or_else(|| panic!("no member {key}"))
            .value
            .value
    }

    fn string(value: &Value) -> String {
        match value {
            Value::String(s) => s.lit.value(),
            _ => panic!("not a string"),
        }
    }

    fn number(value: &Value) -> &str {
        match value {
            Value::Number(n) => &n.text,
            _ => panic!("not a number"),
        }
    }

    fn text(piece: &Piece) -> &str {
        match piece {
            Piece::Text(text) => text,
            Piece::Insert(_) => panic!("not text"),
        }
    }

    fn path(base: &str, fields: &[Field]) -> FieldPath {
        FieldPath {
            base: base.to_owned(),
            fields: fields.to_vec(),
        }
    }

    #[test]
    fn every_value_form() {
        let document = doc(r##"{
            "s": "text", "raw": r#"a "quoted" word"#,
            "int": 42, "neg": -1, "float": 1.5, "exp": 1e3, "exp2": -2.5E-3, "zero": 0,
            "t": true, "f": false, "n": null,
            "arr": [1, [2, [3]], {}, []],
            "obj": {"k": {"k2": "v"}},
            "expr": (some_value + 1),
        }"##);
        let root = &document.root;
        assert_eq!(document.kind, PolicyKind::Identity);
        assert!(document.allow.is_empty());
        assert_eq!(string(member(root, "s")), "text");
        assert_eq!(string(member(root, "raw")), "a \"quoted\" word");
        assert_eq!(number(member(root, "int")), "42");
        assert_eq!(number(member(root, "neg")), "-1");
        assert_eq!(number(member(root, "float")), "1.5");
        assert_eq!(number(member(root, "exp")), "1e3");
        assert_eq!(number(member(root, "exp2")), "-2.5E-3");
        assert_eq!(number(member(root, "zero")), "0");
        assert!(matches!(member(root, "t"), Value::Bool(true, _)));
        assert!(matches!(member(root, "f"), Value::Bool(false, _)));
        assert!(matches!(member(root, "n"), Value::Null(_)));
        let arr = items(member(root, "arr"));
        assert_eq!(arr.len(), 4);
        assert_eq!(items(&arr[1].value).len(), 2);
        assert!(members(&arr[2].value).is_empty());
        assert!(items(&arr[3].value).is_empty());
        assert_eq!(string(member(member(member(root, "obj"), "k"), "k2")), "v");
        match member(root, "expr") {
            Value::Expr(group) => {
                assert_eq!(group.delimiter(), Delimiter::Parenthesis);
                assert_eq!(group.stream().to_string(), "some_value + 1");
            }
            _ => panic!("not an expression"),
        }
        let keys: Vec<&str> = members(root).iter().map(|m| m.key_text.as_str()).collect();
        assert_eq!(keys.first(), Some(&"s"));
        assert_eq!(keys.last(), Some(&"expr"));
        assert_eq!(keys.len(), 14);
    }

    #[test]
    fn trailing_commas_are_optional_and_repeated_keys_kept() {
        let with = doc(r#"{"a": [1, 2,], "a": {"b": 1,},}"#);
        let without = doc(r#"{"a": [1, 2], "a": {"b": 1}}"#);
        assert_eq!(members(&with.root).len(), 2);
        assert_eq!(members(&without.root).len(), 2);
        assert_eq!(items(&members(&with.root)[0].value.value).len(), 2);
        assert!(members(&doc("{}").root).is_empty());
    }

    #[test]
    fn policy_types() {
        assert_eq!(doc("trust {}").kind, PolicyKind::Trust);
        assert_eq!(doc("scp {}").kind, PolicyKind::Scp);
        assert_eq!(doc("SCP {}").kind, PolicyKind::Scp);
        for kind in PolicyKind::ALL {
            assert_eq!(doc(&format!("{} {{}}", kind.name())).kind, kind);
        }
        let (message, at) = error("tust {}");
        assert_eq!(at, "tust");
        assert!(message.starts_with("unknown policy type `tust`; expected one of `identity`, `resource`, `trust`, `scp`, `rcp`, `boundary`, `session`, `endpoint`"), "{message}");
        assert!(
            message.ends_with("help: did you mean `trust`?"),
            "{message}"
        );
        let (message, _) = error("zzzzzz {}");
        assert!(!message.contains("did you mean"), "{message}");
    }

    #[test]
    fn a_resource_policy_names_its_service() {
        assert_eq!(doc("resource {}").service, None);
        assert_eq!(doc("resource(ecr) {}").service.as_deref(), Some("ecr"));
        assert_eq!(
            doc("resource(ecr-public) {}").service.as_deref(),
            Some("ecr-public")
        );
        let (message, at) = error("resource(ecrr) {}");
        assert_eq!(at, "ecrr");
        assert_eq!(
            message,
            "unknown service prefix `ecrr`\nhelp: did you mean `ecr`?"
        );
        let (message, at) = error("trust(ecr) {}");
        assert_eq!(at, "(ecr)");
        assert!(
            message.starts_with("only a resource policy names its service"),
            "{message}"
        );
        let (message, _) = error("resource(\"ecr\") {}");
        assert!(
            message.starts_with("expected a service prefix"),
            "{message}"
        );
    }

    #[test]
    fn whole_policy_deny() {
        let document = doc("#![deny(privilege-escalation)] #![allow(missing-version)] {}");
        assert_eq!(document.deny, [Code::PrivilegeEscalation]);
        assert_eq!(document.allow, [Code::MissingVersion]);
        let (message, at) = error(r#"{"Statement": [#[deny(public-access)] {}]}"#);
        assert_eq!(at, "deny");
        assert!(message.contains("`#![deny(...)]`"), "{message}");
    }

    #[test]
    fn whole_policy_allow() {
        let document =
            doc("#![allow(resource-mismatch, unknown-action,)] #![allow(invalid-json)] trust {}");
        assert_eq!(
            document.allow,
            [
                Code::ResourceMismatch,
                Code::UnknownAction,
                Code::InvalidJson
            ]
        );
        assert_eq!(document.kind, PolicyKind::Trust);
    }

    #[test]
    fn unknown_codes_are_located_with_suggestions() {
        let all = errors("#![allow(resource-mismach, unknown_action, not-a-thing-at-all)] {}");
        assert_eq!(all.len(), 3, "{all:?}");
        assert_eq!(all[0].1, "resource-mismach");
        assert_eq!(
            all[0].0,
            "unknown finding code `resource-mismach`\nhelp: did you mean `resource-mismatch`?"
        );
        assert_eq!(all[1].1, "unknown_action");
        assert!(
            all[1].0.ends_with("did you mean `unknown-action`?"),
            "{}",
            all[1].0
        );
        assert_eq!(all[2].1, "not-a-thing-at-all");
        assert_eq!(all[2].0, "unknown finding code `not-a-thing-at-all`");
    }

    #[test]
    fn malformed_attributes() {
        let (message, at) = error("#![warn(unknown-action)] {}");
        assert_eq!(at, "warn");
        assert!(
            message.starts_with("expected `allow(code, ...)`"),
            "{message}"
        );
        let (message, at) = error("#![allow()] {}");
        assert_eq!(at, "()");
        assert_eq!(
            message,
            "expected at least one finding code in `allow(...)`"
        );
        let (message, at) = error("#![allow(, x)] {}");
        assert_eq!(at, ",");
        assert_eq!(message, "expected a code name before `,`");
        let (message, at) = error("#![allow(\"unknown-action\")] {}");
        assert_eq!(at, "\"unknown-action\"");
        assert!(message.starts_with("expected a finding code"), "{message}");
        let (message, at) = error("#[allow(unknown-action)] {}");
        assert_eq!(at, "#");
        assert!(
            message.starts_with("expected `#![allow(...)]` before the policy document"),
            "{message}"
        );
        let (message, at) = error("#!allow {}");
        assert_eq!(at, "allow");
        assert_eq!(message, "expected `[` after `#`, found `allow`");
    }

    #[test]
    fn statement_allows() {
        let document = doc(r#"{"Statement": [
            #[allow(resource-mismatch)] {"Effect": "Allow"},
            {"Effect": "Deny"},
            #[allow(unknown-action, invalid-arn)] #[allow(invalid-sid)] {},
        ]}"#);
        let statements = items(member(&document.root, "Statement"));
        assert_eq!(statements[0].allow, [Code::ResourceMismatch]);
        assert!(statements[1].allow.is_empty());
        assert_eq!(
            statements[2].allow,
            [Code::UnknownAction, Code::InvalidArn, Code::InvalidSid]
        );
        let single = doc(r#"{"Statement": #[allow(unknown-action)] {"Effect": "Allow"}}"#);
        let statement = &members(&single.root)[0].value;
        assert_eq!(statement.allow, [Code::UnknownAction]);
    }

    #[test]
    fn allow_only_before_statements() {
        let message = "`#[allow(...)]` can only stand before a statement object in `Statement`; use `#![allow(...)]` before the document for the whole policy";
        for src in [
            r#"{"Version": #[allow(unknown-action)] "2012-10-17"}"#,
            r#"{"Statement": #[allow(unknown-action)] []}"#,
            r#"{"Statement": [{"Action": #[allow(unknown-action)] "s3:x"}]}"#,
            r#"{"Other": [#[allow(unknown-action)] {}]}"#,
            r#"{"Statement": [[#[allow(unknown-action)] {}]]}"#,
            r#"{"x": {"Statement": [#[allow(unknown-action)] {}]}}"#,
        ] {
            assert_eq!(error(src), (message.to_owned(), "#".to_owned()), "{src}");
        }
        let (message, at) = error(r#"{"Statement": [#![allow(unknown-action)] {}]}"#);
        assert_eq!(at, "#");
        assert!(
            message.starts_with("`#![allow(...)]` goes before the whole policy document"),
            "{message}"
        );
    }

    /// (input, message, the text the error points at).
    const GRAMMAR_ERRORS: &[(&str, &str, &str)] = &[
        (
            r#"{"Version" "2012-10-17"}"#,
            "expected `:` after object key, found `\"2012-10-17\"`",
            "\"2012-10-17\"",
        ),
        (
            r#"{"Version"}"#,
            "expected `:` and a value after object key",
            "\"Version\"",
        ),
        (
            r#"{"a": 1 "b": 2}"#,
            "expected `,` or `}` after object member, found `\"b\"`",
            "\"b\"",
        ),
        (
            r#"{"a": [1 2]}"#,
            "expected `,` or `]` after array element, found `2`",
            "2",
        ),
        (r#"{"a": }"#, "expected a JSON value", "}"),
        (r#"{"a": , }"#, "expected a JSON value, found `,`", ","),
        (
            r"{Version: 1}",
            "expected a string literal as object key, found `Version`\nhelp: JSON keys are quoted: `\"Version\"`",
            "Version",
        ),
        (
            r"{1: 1}",
            "expected a string literal as object key, found `1`",
            "1",
        ),
        (r#"{"a"::1}"#, "expected a JSON value, found `:`", ":"),
        (
            r#"{"a": foo}"#,
            "expected a JSON value, found `foo`\nhelp: to use a Rust value here, write `(foo)`, or `\"{foo}\"` to insert it into a string",
            "foo",
        ),
        (
            r#"{"a": 1u8}"#,
            "`1u8` is not a JSON number: write digits with an optional fraction and exponent, without `_` or a type suffix",
            "1u8",
        ),
        (
            r#"{"a": 0x10}"#,
            "`0x10` is not a JSON number: write digits with an optional fraction and exponent, without `_` or a type suffix",
            "0x10",
        ),
        (
            r#"{"a": 01}"#,
            "`01` is not a JSON number: write digits with an optional fraction and exponent, without `_` or a type suffix",
            "01",
        ),
        (
            r#"{"a": 1_000}"#,
            "`1_000` is not a JSON number: write digits with an optional fraction and exponent, without `_` or a type suffix",
            "1_000",
        ),
        (
            r#"{"a": 'x'}"#,
            "expected a JSON value, found a character literal: JSON strings use double quotes",
            "'x'",
        ),
        (
            r#"{"a": b"x"}"#,
            "expected a JSON value, found a byte or C string literal: JSON strings are plain `\"...\"` literals",
            "b\"x\"",
        ),
        (
            r#"{"a": -"x"}"#,
            "expected a number after `-`, found a string",
            "\"x\"",
        ),
        (
            r#"{"a": -true}"#,
            "expected a number after `-`, found `true`",
            "true",
        ),
        (r#"{"a": -}"#, "expected a number after `-`", "-"),
        (
            r#"{"a": ()}"#,
            "expected a Rust expression inside `( )`",
            "()",
        ),
        (
            r#"{"a": "x"suffix}"#,
            "unexpected suffix `suffix` on a string literal",
            "\"x\"suffix",
        ),
        (
            r#"{b"k": 1}"#,
            "expected a string literal as object key, found `b\"k\"`",
            "b\"k\"",
        ),
        (
            r#"{"k"x: 1}"#,
            "unexpected suffix `x` on a string literal",
            "\"k\"x",
        ),
        (r"{} {}", "unexpected `{` after the policy document", "{}"),
        (r"{} ,", "unexpected `,` after the policy document", ","),
        (
            r"[1]",
            "expected `{` to start the policy document, found `[`",
            "[1]",
        ),
        (
            r#"trust "x""#,
            "expected `{` to start the policy document, found `\"x\"`",
            "\"x\"",
        ),
        (r"trust", "expected a policy document `{ ... }`", "trust"),
    ];

    #[test]
    fn grammar_errors_point_at_the_bad_token() {
        for (src, message, at) in GRAMMAR_ERRORS {
            assert_eq!(
                error(src),
                ((*message).to_owned(), (*at).to_owned()),
                "{src}"
            );
        }
    }

    #[test]
    fn empty_input_has_an_error() {
        let Err(error) = parse_document(TokenStream::new()) else {
            panic!("empty input parsed");
        };
        assert_eq!(error.to_string(), "expected a policy document `{ ... }`");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = format!(
            "{{\"a\": {}1{}}}",
            "[".repeat(MAX_DEPTH + 5),
            "]".repeat(MAX_DEPTH + 5)
        );
        let (message, at) = error(&deep);
        assert_eq!(
            message,
            format!("the policy document nests more than {MAX_DEPTH} levels deep")
        );
        assert!(at.starts_with('['), "{at}");
        let fine = format!("{{\"a\": {}1{}}}", "[".repeat(20), "]".repeat(20));
        assert!(parse(&fine).is_ok());
    }

    #[test]
    fn insertions_in_strings() {
        let document =
            doc(r#"{"a": "arn:aws:s3:::{bucket}/{self.prefix}/{cfg.0.name}", "b": "{x}"}"#);
        let Value::String(string) = member(&document.root, "a") else {
            panic!("not a string");
        };
        assert_eq!(string.pieces.len(), 6);
        assert_eq!(text(&string.pieces[0]), "arn:aws:s3:::");
        assert!(matches!(&string.pieces[1], Piece::Insert(p) if *p == path("bucket", &[])));
        assert_eq!(text(&string.pieces[2]), "/");
        assert!(
            matches!(&string.pieces[3], Piece::Insert(p) if *p == path("self", &[Field::Named("prefix".into())]))
        );
        assert_eq!(text(&string.pieces[4]), "/");
        assert!(
            matches!(&string.pieces[5], Piece::Insert(p) if *p == path("cfg", &[Field::Index(0), Field::Named("name".into())]))
        );
        let Value::String(only) = member(&document.root, "b") else {
            panic!("not a string");
        };
        assert!(matches!(only.pieces.as_slice(), [Piece::Insert(p)] if *p == path("x", &[])));
    }

    #[test]
    fn braces_and_policy_variables_stay_text() {
        let cases = [
            ("", ""),
            ("plain", "plain"),
            ("{{literal}}", "{literal}"),
            ("a{{b", "a{b"),
            ("a}}b", "a}b"),
            ("${aws:username}", "${aws:username}"),
            (
                "arn:aws:s3:::b/${aws:PrincipalTag/team}/*",
                "arn:aws:s3:::b/${aws:PrincipalTag/team}/*",
            ),
            ("${aws:username, 'x'}", "${aws:username, 'x'}"),
            ("${*}${?}${$}", "${*}${?}${$}"),
            ("${unclosed", "${unclosed"),
            ("$", "$"),
            ("${}", "${}"),
            ("ü{{ß}}", "ü{ß}"),
        ];
        for (input, expected) in cases {
            match split_insertions(input).as_deref() {
                Ok([Piece::Text(text)]) => assert_eq!(text, expected, "{input}"),
                _ => panic!("{input} did not stay text"),
            }
        }
        let Err(error) = split_insertions("b/${aws:PrincipalTag/{tag}}/*") else {
            panic!("an insertion inside a variable was accepted");
        };
        assert!(
            error.starts_with(
                "`{tag}` cannot be inserted inside the policy variable `${aws:PrincipalTag/{tag}}`"
            ),
            "{error}"
        );
        match split_insertions("${aws:username}/{name}").as_deref() {
            Ok([Piece::Text(text), Piece::Insert(p)]) => {
                assert_eq!(text, "${aws:username}/");
                assert_eq!(*p, path("name", &[]));
            }
            _ => panic!("policy variable then insertion"),
        }
    }

    #[test]
    fn bad_insertions_are_errors_at_the_string() {
        let unmatched_open = "unmatched `{` in string\nhelp: write `{{` for a literal `{`";
        let unmatched_close = "unmatched `}` in string\nhelp: write `}}` for a literal `}`";
        let empty = "empty `{}` in string\nhelp: name the variable to insert, as in `{bucket}`, or write `{{}}` for literal braces";
        let cases: &[(&str, &str)] = &[
            ("{", unmatched_open),
            ("a{b", unmatched_open),
            ("}", unmatched_close),
            ("a}b", unmatched_close),
            ("{a}}", unmatched_close),
            ("{}", empty),
        ];
        for (input, message) in cases {
            assert_eq!(
                split_insertions(input).err().as_deref(),
                Some(*message),
                "{input}"
            );
        }
        for inner in [
            "a b",
            " a",
            "a ",
            "fn",
            "Self",
            "_",
            "1a",
            "a.",
            ".a",
            "a..b",
            "a:?",
            "a.01",
            "a-b",
            "ü",
            "r#type",
            "self.self",
            "a.99999999999",
        ] {
            let message = split_insertions(&format!("x{{{inner}}}y"))
                .err()
                .unwrap_or_default();
            assert!(
                message.starts_with(&format!("`{{{inner}}}` cannot be inserted into the string: only a variable name or a field path may stand between `{{` and `}}`")),
                "{inner}: {message}"
            );
        }
        for inner in [
            "a", "_a", "a1", "A_b", "self", "a.b", "a.0", "a.10.b", "self.a",
        ] {
            assert!(split_insertions(&format!("{{{inner}}}")).is_ok(), "{inner}");
        }
    }

    #[test]
    fn all_string_errors_of_a_document_at_once() {
        let all = errors(r#"{"a": "x{", "b": ["}", "ok {v}", "{a b}"], "c{k}": "{}"}"#);
        let located: Vec<&str> = all.iter().map(|(_, at)| at.as_str()).collect();
        assert_eq!(
            located,
            ["\"x{\"", "\"}\"", "\"{a b}\"", "\"c{k}\"", "\"{}\""]
        );
        assert_eq!(
            all[3].0,
            "values cannot be inserted into object keys\nhelp: write `{{` and `}}` for literal braces"
        );
    }

    #[test]
    fn string_errors_come_before_a_later_grammar_error() {
        let all = errors(r#"{"a": "{", "b" 1}"#);
        let located: Vec<&str> = all.iter().map(|(_, at)| at.as_str()).collect();
        assert_eq!(located, ["\"{\"", "1"]);
    }

    #[test]
    fn keys_decode_braces() {
        let document = doc(r#"{"{{k}}": 1, "${aws:x}": 2}"#);
        let keys: Vec<&str> = members(&document.root)
            .iter()
            .map(|m| m.key_text.as_str())
            .collect();
        assert_eq!(keys, ["{k}", "${aws:x}"]);
    }

    #[test]
    fn invisible_groups_from_other_macros() {
        let literal = Group::new(Delimiter::None, quote!("s3:GetObject"));
        let negative = Group::new(Delimiter::None, quote!(-5));
        let expression = Group::new(Delimiter::None, quote!(a + b));
        let document =
            match parse_document(quote!({"a": #literal, "b": #negative, "c": #expression})) {
                Ok(document) => document,
                Err(error) => panic!("{error}"),
            };
        assert_eq!(string(member(&document.root, "a")), "s3:GetObject");
        assert_eq!(number(member(&document.root, "b")), "-5");
        assert!(
            matches!(member(&document.root, "c"), Value::Expr(g) if g.delimiter() == Delimiter::None)
        );
    }

    #[test]
    fn crate_path_is_split_off() {
        let input = parse_input(quote!(::my_crate::reexport, trust { "a": 1 }));
        assert_eq!(
            input.krate.map(|k| k.to_string()),
            Some(quote!(::my_crate::reexport).to_string())
        );
        assert!(matches!(
            input.document,
            Ok(Document {
                kind: PolicyKind::Trust,
                ..
            })
        ));
        for bad in [quote!({ "a": 1 }), quote!(, { "a": 1 }), TokenStream::new()] {
            let input = parse_input(bad);
            assert!(input.krate.is_none());
            match input.document {
                Ok(_) => panic!("parsed without a crate path"),
                Err(error) => assert!(
                    error.to_string().contains("use the `policy!` macro"),
                    "{error}"
                ),
            }
        }
    }

    #[test]
    fn json_numbers() {
        for good in [
            "0", "7", "10", "1.5", "0.25", "1e3", "1E3", "1e+3", "1e-3", "12.5e10",
        ] {
            assert!(is_json_number(good), "{good}");
        }
        for bad in [
            "", "01", "1.", ".5", "1e", "1e+", "1.e3", "0x1", "1_0", "1u8", "1f64", "-1", "1.5.2",
        ] {
            assert!(!is_json_number(bad), "{bad}");
        }
    }
}
