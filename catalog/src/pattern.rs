//! IAM string matching, in one place: a policy string against a request value.
//!
//! Every part of the project that asks "does this policy string match this text" asks
//! here: action names (`s3:Get*`, case-insensitive), resources (`arn:aws:s3:::b/${aws:username}/*`,
//! case-sensitive, `*` spanning `/` and `:`), the `String*` condition operators, and the
//! `Arn*` operators (component by component).
//!
//! Sources (IAM User Guide):
//! - "IAM JSON policy elements: Action": action names are case-insensitive; `*` matches any
//!   run of characters and `?` one character.
//! - "IAM JSON policy elements: Resource": ARNs match case-sensitively; "You can use wildcard
//!   characters (`*` and `?`) within any ARN segment"; a `*` "can expand to match beyond
//!   colon boundaries" (so a resource pattern is matched as one string here).
//! - "IAM JSON policy elements: Condition operators": `StringLike` "case-sensitive matching.
//!   The values can include multi-character match wildcards (`*`) and single-character match
//!   wildcards (`?`) anywhere in the string"; `StringEquals` has no wildcards;
//!   `StringEqualsIgnoreCase` ignores case; `ArnEquals`/`ArnLike`: "Case-sensitive matching
//!   of the ARN. Each of the six colon-delimited components of the ARN is checked separately
//!   and each can include multi-character match wildcards (`*`) or single-character match
//!   wildcards (`?`)" — the same text for both, so both take wildcards here.
//! - "IAM policy elements: Variables and tags": `${aws:username}` is replaced by the
//!   request's value of that key; when the request has no value and the variable gives no
//!   default (`${aws:username, 'anonymous'}`), the string cannot match, so the statement
//!   (in `Resource`) or the condition does not match. The special variables `${*}`, `${?}`
//!   and `${$}` stand
//!   for the literal characters `*`, `?` and `$` ("use these … when you need to use a
//!   character that otherwise has special meaning"). Variables are replaced only in
//!   `"Version": "2012-10-17"` policies; in older ones `${...}` is literal text.
//!
//! Decisions where the sources are silent (also in the project's docs):
//! - A substituted value is literal text: a `*` inside a user name is not a wildcard.
//! - A malformed `${` (no `}`, or a default not in single quotes) is literal text; the
//!   checker reports it.
//! - An `Arn*` value without any `:` (`"*"`) is compared as a whole string, so `"*"`
//!   matches every ARN; any other value of fewer than six components matches nothing.
//!
//! ```
//! use iam_catalog::pattern::{Case, Pattern, Syntax, NoVariables};
//!
//! let p = Pattern::parse("arn:aws:s3:::b/${aws:username}/*", Syntax::GLOB);
//! let vars = |name: &str| (name.eq_ignore_ascii_case("aws:username")).then_some("ana");
//! assert_eq!(p.matches("arn:aws:s3:::b/ana/x", Case::Sensitive, &vars), Some(true));
//! assert_eq!(p.matches("arn:aws:s3:::b/bob/x", Case::Sensitive, &vars), Some(false));
//! // No value for the variable: no match either way.
//! assert_eq!(p.matches("arn:aws:s3:::b/ana/x", Case::Sensitive, &NoVariables), None);
//! assert_eq!(iam_catalog::pattern::escape("a*b"), "a${*}b");
//! ```

use std::borrow::Cow;

/// Whether `text` matches the IAM wildcard `pattern` (`*` any run, `?` one character),
/// ASCII case-insensitively, as action names are matched. Allocation-free for ASCII
/// text (every action name and prefix); other text is compared by characters.
pub fn wildcard_matches(pattern: &str, text: &str) -> bool {
    // Over ASCII text, matching bytes is matching characters whatever the pattern holds:
    // a `?` takes one byte, which is one character, and a non-ASCII byte of the pattern
    // equals no byte of the text.
    if text.is_ascii() {
        glob(
            pattern.as_bytes(),
            text.as_bytes(),
            b'*',
            b'?',
            u8::eq_ignore_ascii_case,
        )
    } else {
        let p: Vec<char> = pattern.chars().collect();
        let t: Vec<char> = text.chars().collect();
        glob(&p, &t, '*', '?', char::eq_ignore_ascii_case)
    }
}

/// Classic greedy glob matching with backtracking to the last `*`.
fn glob<T: Copy + PartialEq>(
    p: &[T],
    t: &[T],
    star: T,
    one: T,
    eq: impl Fn(&T, &T) -> bool,
) -> bool {
    let (mut pi, mut ti) = (0usize, 0usize);
    let mut last_star: Option<(usize, usize)> = None;
    while let Some(tc) = t.get(ti) {
        match p.get(pi) {
            Some(&c) if c == star => {
                last_star = Some((pi, ti));
                pi += 1;
            }
            Some(c) if *c == one || eq(c, tc) => {
                pi += 1;
                ti += 1;
            }
            _ => match last_star {
                Some((sp, st)) => {
                    pi = sp + 1;
                    ti = st + 1;
                    last_star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    p.get(pi..)
        .is_some_and(|rest| rest.iter().all(|&c| c == star))
}

/// Whether the pair of positions `(a_len, b_len)` is reachable from `(0, 0)` when `next`
/// pushes the successors of a pair: the search over two patterns' positions that
/// overlap, containment and loose matching share. Each pair is visited once, so the
/// search is linear in `(a_len + 1) × (b_len + 1)`.
pub(crate) fn reaches(
    a_len: usize,
    b_len: usize,
    mut next: impl FnMut(usize, usize, &mut Vec<(usize, usize)>),
) -> bool {
    let width = b_len + 1;
    let mut seen = vec![false; (a_len + 1) * width];
    let mut stack = vec![(0usize, 0usize)];
    while let Some((i, j)) = stack.pop() {
        let Some(slot) = seen.get_mut(i * width + j) else {
            continue;
        };
        if *slot {
            continue;
        }
        *slot = true;
        if i == a_len && j == b_len {
            return true;
        }
        next(i, j, &mut stack);
    }
    false
}

/// Whether a pattern has IAM wildcards (`*` or `?`).
pub fn has_wildcard(pattern: &str) -> bool {
    let bytes = pattern.as_bytes();
    bytes.contains(&b'*') || bytes.contains(&b'?')
}

/// Writes `value` so that, inserted into a policy string where IAM replaces variables,
/// it stands for itself: `*` as `${*}`, `?` as `${?}`, `$` as `${$}` (IAM User Guide,
/// "Special characters" in "IAM policy elements: Variables and tags"). Borrowed when
/// nothing needs escaping.
pub fn escape(value: &str) -> Cow<'_, str> {
    if !value.contains(['*', '?', '$']) {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len() + 8);
    for c in value.chars() {
        match c {
            '*' => out.push_str("${*}"),
            '?' => out.push_str("${?}"),
            '$' => out.push_str("${$}"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// How letters compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// Exactly (resources, `StringEquals`, `StringLike`, `Arn*`).
    Sensitive,
    /// Ignoring case (action names, `StringEqualsIgnoreCase`): characters compare by
    /// their lowercase forms.
    Insensitive,
}

impl Case {
    fn eq(self, a: char, b: char) -> bool {
        match self {
            Case::Sensitive => a == b,
            Case::Insensitive => {
                a == b
                    || if a.is_ascii() && b.is_ascii() {
                        a.eq_ignore_ascii_case(&b)
                    } else {
                        a.to_lowercase().eq(b.to_lowercase())
                    }
            }
        }
    }
}

/// How a policy string is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Syntax {
    /// `*` and `?` are wildcards (`StringLike`, `Arn*`, `Action`, `Resource`); otherwise
    /// literal characters (`StringEquals`).
    pub wildcards: bool,
    /// `${...}` are policy variables (`"Version": "2012-10-17"`, in `Resource` and string
    /// and ARN condition values); otherwise literal text.
    pub variables: bool,
}

impl Syntax {
    /// Wildcards and variables: `Resource`, `StringLike`, `Arn*` in a 2012-10-17 policy.
    pub const GLOB: Syntax = Syntax {
        wildcards: true,
        variables: true,
    };
    /// Variables, no wildcards: `StringEquals` in a 2012-10-17 policy.
    pub const EXACT: Syntax = Syntax {
        wildcards: false,
        variables: true,
    };
    /// Wildcards, no variables: `Action`, or any string of a policy without
    /// `"Version": "2012-10-17"`.
    pub const GLOB_LITERAL: Syntax = Syntax {
        wildcards: true,
        variables: false,
    };
}

/// A policy variable: `${name}` or `${name, 'default'}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variable {
    /// The key whose value replaces it (`aws:username`).
    pub name: String,
    /// The value used when the request has none.
    pub default: Option<String>,
}

/// One piece of a parsed policy string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// A literal character (including `*`, `?`, `$` written as `${*}`, `${?}`, `${$}`).
    Char(char),
    /// `*`: any run of characters.
    Star,
    /// `?`: one character.
    One,
    /// A policy variable.
    Var(Variable),
}

/// Something that gives policy variables their values: the request context. A closure
/// `Fn(&str) -> Option<&str>` is one.
pub trait Variables {
    /// The single value of the key `name` (case-insensitive), or `None` when the request
    /// has none (or has several: a multivalued key is no variable).
    fn value(&self, name: &str) -> Option<&str>;
}

impl<F: Fn(&str) -> Option<&'static str>> Variables for F {
    fn value(&self, name: &str) -> Option<&str> {
        self(name)
    }
}

/// No variable has a value.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoVariables;

impl Variables for NoVariables {
    fn value(&self, _name: &str) -> Option<&str> {
        None
    }
}

/// A policy string compiled once for matching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pieces: Vec<Piece>,
    variables: bool,
    wildcards: bool,
    /// The characters, when there is no variable to substitute.
    toks: Vec<Tok>,
    /// The same as bytes when every character is ASCII (wildcards as [`STAR`] and
    /// [`ONE`]): matching ASCII text then compares bytes.
    ascii: Option<Vec<u8>>,
}

/// `*` in [`Pattern::ascii`] (no ASCII character has this byte).
const STAR: u8 = 0xFF;
/// `?` in [`Pattern::ascii`].
const ONE: u8 = 0xFE;

/// One character of a pattern after substitution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    Char(char),
    Star,
    One,
}

impl Pattern {
    /// Reads a policy string.
    pub fn parse(text: &str, syntax: Syntax) -> Pattern {
        let mut pieces = Vec::with_capacity(text.len());
        let mut rest = text;
        while !rest.is_empty() {
            if syntax.variables
                && let Some(after) = rest.strip_prefix("${")
                && let Some(end) = after.find('}')
                && let Some(piece) = variable(after.get(..end).unwrap_or_default())
            {
                pieces.push(piece);
                rest = after.get(end + 1..).unwrap_or_default();
                continue;
            }
            let mut chars = rest.chars();
            if let Some(c) = chars.next() {
                pieces.push(match c {
                    '*' if syntax.wildcards => Piece::Star,
                    '?' if syntax.wildcards => Piece::One,
                    c => Piece::Char(c),
                });
            }
            rest = chars.as_str();
        }
        let variables = pieces.iter().any(|p| matches!(p, Piece::Var(_)));
        let toks = if variables {
            Vec::new()
        } else {
            pieces
                .iter()
                .filter_map(|p| match p {
                    Piece::Char(c) => Some(Tok::Char(*c)),
                    Piece::Star => Some(Tok::Star),
                    Piece::One => Some(Tok::One),
                    Piece::Var(_) => None,
                })
                .collect()
        };
        let ascii = ascii_of(&toks, variables);
        Pattern {
            pieces,
            variables,
            wildcards: syntax.wildcards,
            toks,
            ascii,
        }
    }

    /// Reads a `Resource`/`NotResource` entry: as [`Pattern::parse`], except that
    /// variables are replaced only from the region field on. The variables page puts them
    /// in "the resource portion of the ARN"; AWS's own managed policies also use them in
    /// the region and account fields (`${aws:PrincipalAccount}`), which the checker
    /// accepts too; in `arn`, the partition and the service, which fix what the ARN is,
    /// `${...}` stays literal text.
    pub fn parse_resource(text: &str, syntax: Syntax) -> Pattern {
        if !syntax.variables {
            return Pattern::parse(text, syntax);
        }
        // The third `:` outside `${...}` ends the service field.
        let Some(at) = crate::arn::field_start(text, 3).map(|start| start - 1) else {
            return Pattern::parse(
                text,
                Syntax {
                    variables: false,
                    ..syntax
                },
            );
        };
        let (head, tail) = text.split_at(at);
        let mut pattern = Pattern::parse(
            head,
            Syntax {
                variables: false,
                ..syntax
            },
        );
        let rest = Pattern::parse(tail, syntax);
        pattern.pieces.extend(rest.pieces);
        pattern.toks.extend(rest.toks);
        pattern.variables = rest.variables;
        if pattern.variables {
            pattern.toks.clear();
        }
        pattern.ascii = ascii_of(&pattern.toks, pattern.variables);
        pattern
    }

    /// The pieces in order.
    pub fn pieces(&self) -> &[Piece] {
        &self.pieces
    }

    /// Whether the string has policy variables (other than the escapes).
    pub fn has_variables(&self) -> bool {
        self.variables
    }

    /// Whether the pattern is a lone `*` (matches everything, even without variables).
    pub fn is_star(&self) -> bool {
        matches!(self.pieces.as_slice(), [Piece::Star])
    }

    /// Whether `text` matches. `None` when a variable has no value in `vars` and no
    /// default: IAM then treats the comparison as not matching, and a caller can tell the
    /// reason (a missing context key) from a plain mismatch. Allocation-free unless the
    /// pattern has variables.
    pub fn matches(&self, text: &str, case: Case, vars: &dyn Variables) -> Option<bool> {
        if let Some(bytes) = &self.ascii
            && text.is_ascii()
        {
            return Some(match case {
                Case::Sensitive => glob(bytes, text.as_bytes(), STAR, ONE, u8::eq),
                Case::Insensitive => {
                    glob(bytes, text.as_bytes(), STAR, ONE, u8::eq_ignore_ascii_case)
                }
            });
        }
        self.with_toks(vars, |toks| match_toks(toks, text, case))
    }

    /// `ArnEquals`/`ArnLike`: the six `:`-separated components compared one by one, each
    /// with wildcards; the last component holds the rest of the ARN. A pattern without any
    /// `:` (`"*"`) is compared as one string; otherwise a pattern or value of fewer than
    /// six components matches nothing.
    pub fn matches_arn(&self, text: &str, vars: &dyn Variables) -> Option<bool> {
        self.with_toks(vars, |toks| {
            let colons = toks.iter().filter(|t| **t == Tok::Char(':')).count();
            let text_colons = text.bytes().filter(|b| *b == b':').count();
            if colons == 0 {
                return match_toks(toks, text, Case::Sensitive);
            }
            if colons < 5 || text_colons < 5 {
                return false;
            }
            let mut pattern_rest = toks;
            let mut text_rest = text;
            for _ in 0..5 {
                let pi = pattern_rest
                    .iter()
                    .position(|t| *t == Tok::Char(':'))
                    .unwrap_or(pattern_rest.len());
                let ti = text_rest.find(':').unwrap_or(text_rest.len());
                let (p, t) = (
                    pattern_rest.get(..pi).unwrap_or_default(),
                    text_rest.get(..ti).unwrap_or_default(),
                );
                if !match_toks(p, t, Case::Sensitive) {
                    return false;
                }
                pattern_rest = pattern_rest.get(pi + 1..).unwrap_or_default();
                text_rest = text_rest.get(ti + 1..).unwrap_or_default();
            }
            match_toks(pattern_rest, text_rest, Case::Sensitive)
        })
    }

    /// The variables the pattern uses, in order.
    pub fn variables(&self) -> impl Iterator<Item = &Variable> {
        self.pieces.iter().filter_map(|p| match p {
            Piece::Var(v) => Some(v),
            _ => None,
        })
    }

    /// Runs `f` on the pattern's characters with variables substituted. Without
    /// variables the compiled characters are used directly; with them, a substituted copy
    /// is built.
    fn with_toks<R>(&self, vars: &dyn Variables, f: impl FnOnce(&[Tok]) -> R) -> Option<R> {
        if !self.variables {
            return Some(f(&self.toks));
        }
        let mut toks = Vec::with_capacity(self.pieces.len() + 16);
        for piece in &self.pieces {
            match piece {
                Piece::Char(c) => toks.push(Tok::Char(*c)),
                Piece::Star => toks.push(Tok::Star),
                Piece::One => toks.push(Tok::One),
                Piece::Var(v) => {
                    let value = vars.value(&v.name).or(v.default.as_deref())?;
                    toks.extend(value.chars().map(Tok::Char));
                }
            }
        }
        Some(f(&toks))
    }
}

impl Pattern {
    /// Whether `*` and `?` were read as wildcards.
    pub fn has_wildcards(&self) -> bool {
        self.wildcards
    }
}

/// The pattern as bytes, when it has no variables and only ASCII characters.
fn ascii_of(toks: &[Tok], variables: bool) -> Option<Vec<u8>> {
    if variables {
        return None;
    }
    toks.iter()
        .map(|t| match t {
            Tok::Star => Some(STAR),
            Tok::One => Some(ONE),
            Tok::Char(c) if c.is_ascii() => u8::try_from(*c).ok(),
            Tok::Char(_) => None,
        })
        .collect()
}

/// The inside of `${...}`: an escape, a variable, or `None` when malformed (then literal).
fn variable(inner: &str) -> Option<Piece> {
    match inner {
        "*" => return Some(Piece::Char('*')),
        "?" => return Some(Piece::Char('?')),
        "$" => return Some(Piece::Char('$')),
        _ => {}
    }
    let (name, default) = match inner.split_once(',') {
        Some((name, default)) => {
            let default = default.trim();
            let quoted = default
                .strip_prefix('\'')
                .and_then(|d| d.strip_suffix('\''))?;
            (name.trim(), Some(quoted.to_owned()))
        }
        None => (inner, None),
    };
    if name.is_empty() || name.contains(char::is_whitespace) {
        return None;
    }
    Some(Piece::Var(Variable {
        name: name.to_owned(),
        default,
    }))
}

/// Glob over characters of `text` by byte position, with backtracking to the last `*`.
fn match_toks(p: &[Tok], text: &str, case: Case) -> bool {
    let (mut pi, mut ti) = (0usize, 0usize);
    let mut last_star: Option<(usize, usize)> = None;
    let char_at = |i: usize| text.get(i..).and_then(|s| s.chars().next());
    while let Some(tc) = char_at(ti) {
        match p.get(pi) {
            Some(Tok::Star) => {
                last_star = Some((pi, ti));
                pi += 1;
            }
            Some(Tok::One) => {
                pi += 1;
                ti += tc.len_utf8();
            }
            Some(Tok::Char(c)) if case.eq(*c, tc) => {
                pi += 1;
                ti += tc.len_utf8();
            }
            _ => match last_star {
                Some((sp, st)) => {
                    let step = char_at(st).map_or(1, char::len_utf8);
                    pi = sp + 1;
                    ti = st + step;
                    last_star = Some((sp, ti));
                }
                None => return false,
            },
        }
    }
    p.get(pi..)
        .is_some_and(|rest| rest.iter().all(|t| *t == Tok::Star))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(name: &str) -> Option<&'static str> {
        match name.to_ascii_lowercase().as_str() {
            "aws:username" => Some("ana"),
            "aws:principaltag/team" => Some("red*"),
            "aws:sourceaccount" => Some("111122223333"),
            _ => None,
        }
    }

    fn glob(p: &str, t: &str) -> Option<bool> {
        Pattern::parse(p, Syntax::GLOB).matches(t, Case::Sensitive, &vars)
    }

    #[test]
    fn wildcards_match_case_insensitively() {
        assert!(wildcard_matches("Get*", "GetObject"));
        assert!(wildcard_matches("get*", "GetObject"));
        assert!(wildcard_matches("*Instance?", "DescribeInstances"));
        assert!(wildcard_matches("*", ""));
        assert!(wildcard_matches("a*b*c", "aXbYc"));
        assert!(!wildcard_matches("a*b*c", "aXbY"));
        assert!(!wildcard_matches("Get?", "GetObject"));
        assert!(!wildcard_matches("Put*", "GetObject"));
        assert!(!wildcard_matches("", "GetObject"));
        assert!(!wildcard_matches("é?", "ÉX"));
        assert!(wildcard_matches("é?", "éx"));
        assert!(wildcard_matches("a?c", "aéc"));
        assert!(!wildcard_matches("a?c", "abbc"));
    }

    #[test]
    fn resources_match_case_sensitively_across_separators() {
        assert_eq!(glob("arn:aws:s3:::b/*", "arn:aws:s3:::b/x/y:z"), Some(true));
        assert_eq!(glob("arn:aws:s3:::b/*", "arn:aws:s3:::B/x"), Some(false));
        assert_eq!(glob("arn:aws:s3:::b/?", "arn:aws:s3:::b/é"), Some(true));
        assert_eq!(glob("arn:aws:s3:::b/?", "arn:aws:s3:::b/ab"), Some(false));
        // "If the wildcard is the last character of a resource ARN segment, it can expand
        // to match beyond colon boundaries" (Resource page).
        assert_eq!(
            glob(
                "arn:aws:secretsmanager:*:*:x-*",
                "arn:aws:secretsmanager:r:1:secret:x-1"
            ),
            Some(true)
        );
        assert_eq!(
            glob(
                "arn:aws:secretsmanager:*:*:x-*",
                "arn:aws:secretsmanager:r:1:secret:y-1"
            ),
            Some(false)
        );
        assert_eq!(
            glob(
                "arn:aws:secretsmanager:*:x-*",
                "arn:aws:secretsmanager:r:1:x-1"
            ),
            Some(true)
        );
        assert_eq!(glob("*", ""), Some(true));
        assert_eq!(glob("", "a"), Some(false));
        assert_eq!(glob("a**b", "ab"), Some(true));
    }

    #[test]
    fn variables_are_substituted_as_literal_text() {
        assert_eq!(glob("home/${aws:username}/*", "home/ana/x"), Some(true));
        assert_eq!(glob("home/${aws:username}/*", "home/bob/x"), Some(false));
        // Names are case-insensitive; the provider decides.
        assert_eq!(glob("home/${AWS:UserName}/*", "home/ana/x"), Some(true));
        // A value's `*` is not a wildcard.
        assert_eq!(glob("t/${aws:PrincipalTag/team}", "t/red*"), Some(true));
        assert_eq!(glob("t/${aws:PrincipalTag/team}", "t/redder"), Some(false));
        // Unset: no answer; a default fills it.
        assert_eq!(glob("home/${aws:userid}/*", "home/ana/x"), None);
        assert_eq!(
            glob("home/${aws:userid, 'anon'}/*", "home/anon/x"),
            Some(true)
        );
        assert_eq!(
            glob("home/${aws:userid, 'anon'}/*", "home/ana/x"),
            Some(false)
        );
        // Without variables (old Version), `${...}` is text.
        let old = Pattern::parse("home/${aws:username}", Syntax::GLOB_LITERAL);
        assert!(!old.has_variables());
        assert_eq!(
            old.matches("home/${aws:username}", Case::Sensitive, &vars),
            Some(true)
        );
        assert_eq!(old.matches("home/ana", Case::Sensitive, &vars), Some(false));
    }

    #[test]
    fn resource_variables_only_from_the_region_field_on() {
        let vars = |name: &str| name.eq_ignore_ascii_case("aws:username").then_some("ana");
        let r = |p: &str, t: &str| {
            Pattern::parse_resource(p, Syntax::GLOB).matches(t, Case::Sensitive, &vars)
        };
        assert_eq!(
            r("arn:aws:s3:::b/${aws:username}/*", "arn:aws:s3:::b/ana/x"),
            Some(true)
        );
        assert_eq!(
            r("arn:aws:sqs:*:${aws:username}:q", "arn:aws:sqs:r:ana:q"),
            Some(true)
        );
        assert_eq!(
            r(
                "arn:aws:secretsm${aws:username}ger:r:1:s",
                "arn:aws:secretsmanager:r:1:s"
            ),
            Some(false)
        );
        assert_eq!(
            r(
                "arn:aws:secretsm${aws:username}ger:r:1:s",
                "arn:aws:secretsm${aws:username}ger:r:1:s"
            ),
            Some(true)
        );
        assert_eq!(r("*", "anything"), Some(true));
        assert_eq!(r("${aws:username}", "ana"), Some(false));
    }

    #[test]
    fn escapes_stand_for_literal_characters() {
        assert_eq!(glob("a${*}b", "a*b"), Some(true));
        assert_eq!(glob("a${*}b", "axb"), Some(false));
        assert_eq!(glob("a${?}", "a?"), Some(true));
        assert_eq!(glob("a${?}", "ax"), Some(false));
        assert_eq!(glob("${$}{x}", "${x}"), Some(true));
        // Malformed `${` is literal text.
        assert_eq!(glob("a${b", "a${b"), Some(true));
        assert_eq!(glob("${x, anon}", "${x, anon}"), Some(true));
        // escape() round-trips through the parser for any value.
        for value in ["plain", "a*b?c$d", "${aws:username}", "**", "$"] {
            let written = format!("p/{}", escape(value));
            assert_eq!(glob(&written, &format!("p/{value}")), Some(true), "{value}");
            if value.contains('*') {
                assert_eq!(glob(&written, "p/aXXbYcZd"), Some(false));
            }
        }
        assert!(matches!(escape("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn exact_and_case_insensitive() {
        let exact = Pattern::parse("a*", Syntax::EXACT);
        assert_eq!(exact.matches("a*", Case::Sensitive, &vars), Some(true));
        assert_eq!(exact.matches("ab", Case::Sensitive, &vars), Some(false));
        let p = Pattern::parse("Straße-${aws:username}", Syntax::EXACT);
        assert_eq!(
            p.matches("STRASSE-ANA", Case::Insensitive, &vars),
            Some(false)
        );
        assert_eq!(
            p.matches("straße-ANA", Case::Insensitive, &vars),
            Some(true)
        );
        assert_eq!(p.matches("straße-ANA", Case::Sensitive, &vars), Some(false));
        let action = Pattern::parse("s3:get*", Syntax::GLOB_LITERAL);
        assert_eq!(
            action.matches("s3:GetObject", Case::Insensitive, &NoVariables),
            Some(true)
        );
        assert_eq!(
            action.matches("s3:GetObject", Case::Sensitive, &NoVariables),
            Some(false)
        );
        assert!(Pattern::parse("${aws:username}", Syntax::GLOB).has_variables());
        assert!(!Pattern::parse("${*}", Syntax::GLOB).has_variables());
    }

    #[test]
    fn arns_match_component_by_component() {
        let arn = |p: &str, t: &str| Pattern::parse(p, Syntax::GLOB).matches_arn(t, &vars);
        assert_eq!(
            arn("arn:aws:iam::*:role/x", "arn:aws:iam::111122223333:role/x"),
            Some(true)
        );
        // A `*` in one component does not run into the next.
        assert_eq!(
            arn("arn:aws:iam::*", "arn:aws:iam::111122223333:role/x"),
            Some(false)
        );
        assert_eq!(
            arn("arn:aws:*:*:*:*", "arn:aws:iam::111122223333:role/x"),
            Some(true)
        );
        // The resource part keeps its colons.
        assert_eq!(
            arn(
                "arn:aws:logs:*:*:log-group:/a/*",
                "arn:aws:logs:r:1:log-group:/a/b:*"
            ),
            Some(true)
        );
        assert_eq!(
            arn(
                "arn:aws:sns:*:${aws:SourceAccount}:t",
                "arn:aws:sns:us-east-1:111122223333:t"
            ),
            Some(true)
        );
        assert_eq!(
            arn("arn:aws:sns:*:${aws:userid}:t", "arn:aws:sns:r:1:t"),
            None
        );
        assert_eq!(arn("*", "arn:aws:sns:r:1:t"), Some(true));
        assert_eq!(
            arn("arn:aws:iam::1:role/x", "arn:aws:iam::1:role/X"),
            Some(false)
        );
        assert_eq!(arn("arn:aws:iam::1:role/x", "not-an-arn"), Some(false));
    }
}
