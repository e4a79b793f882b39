//! Containment of IAM resource patterns: does every string one pattern matches also match
//! another? The one place the security rules and the policy diff ask it, so it can later be
//! answered by a shared IAM string matcher.
//!
//! Patterns are IAM resource strings (IAM User Guide, "IAM JSON policy elements:
//! Resource"): `*` any run of characters (across `:` and `/`), `?` one character, matched
//! case-sensitively; `${*}`, `${?}`, `${$}` the literal characters ("IAM policy elements:
//! Variables and tags"); any other `${...}` a policy variable, whose value is not known
//! here. Only the same variable, or a `*`, contains a variable. Strings are read by the
//! evaluator's reader ([`crate::pattern`]); containment, which the evaluator does not
//! need, is decided here.
//!
//! [`contains`] is sound (when it says yes, the inclusion holds) but not complete (a few
//! inclusions between unusual patterns, such as `?*` in `*?`, are missed). Callers that
//! must not guess use [`witnesses`]: a string the inner pattern matches that no outer
//! pattern matches proves the inclusion fails; when neither proof exists, they say the
//! question is undecided.

/// One piece of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// This character.
    Lit(char),
    /// `*`: any run of characters.
    Star,
    /// `?`: one character.
    One,
    /// A policy variable (`${aws:username}`), by its name.
    Var(String),
}

/// Reads a resource pattern into pieces with the evaluator's reader
/// ([`crate::pattern::Pattern`], `Syntax::GLOB`): escapes, wildcards and variables (a
/// variable with a default is another variable than the same key without one).
pub fn parse(text: &str) -> Vec<Piece> {
    use crate::pattern::{Pattern, Piece as P, Syntax};
    Pattern::parse(text, Syntax::GLOB)
        .pieces()
        .iter()
        .map(|piece| match piece {
            P::Char(c) => Piece::Lit(*c),
            P::Star => Piece::Star,
            P::One => Piece::One,
            P::Var(v) => Piece::Var(match &v.default {
                Some(default) => format!("{}, '{default}'", v.name),
                None => v.name.clone(),
            }),
        })
        .collect()
}

/// Whether every string `inner` matches, `outer` matches too (sound; see the module
/// docs). Each piece of `inner` must be taken by `outer`: a `*` of `outer` takes any run of
/// pieces, a `?` one literal character or `?`, a literal the same literal, a variable the
/// same variable.
pub fn contains(outer: &[Piece], inner: &[Piece]) -> bool {
    crate::pattern::reaches(outer.len(), inner.len(), |i, j, stack| {
        match (outer.get(i), inner.get(j)) {
            (Some(Piece::Star), next) => {
                stack.push((i + 1, j));
                if next.is_some() {
                    stack.push((i, j + 1));
                }
            }
            (Some(Piece::One), Some(Piece::Lit(_) | Piece::One)) => stack.push((i + 1, j + 1)),
            (Some(Piece::Lit(a)), Some(Piece::Lit(b))) if a == b => stack.push((i + 1, j + 1)),
            (Some(Piece::Var(a)), Some(Piece::Var(b))) if a == b => stack.push((i + 1, j + 1)),
            _ => {}
        }
    })
}

/// Whether `pattern` matches the concrete `text`, with each variable taken as any run of
/// characters (an over-approximation: used only to prove that no pattern matches).
pub fn matches_loosely(pattern: &[Piece], text: &[char]) -> bool {
    crate::pattern::reaches(pattern.len(), text.len(), |i, j, stack| {
        match (pattern.get(i), text.get(j)) {
            (Some(Piece::Star | Piece::Var(_)), next) => {
                stack.push((i + 1, j));
                if next.is_some() {
                    stack.push((i, j + 1));
                }
            }
            (Some(Piece::One), Some(_)) => stack.push((i + 1, j + 1)),
            (Some(Piece::Lit(a)), Some(b)) if a == b => stack.push((i + 1, j + 1)),
            _ => {}
        }
    })
}

/// Whether some string matches both patterns (each variable taken as any run, so this
/// may say yes where the values would not meet: used only where yes is the cautious
/// answer).
pub fn overlaps(a: &[Piece], b: &[Piece]) -> bool {
    let repeat = |p: &Piece| matches!(p, Piece::Star | Piece::Var(_));
    crate::pattern::reaches(a.len(), b.len(), |i, j, stack| {
        let (pa, pb) = (a.get(i), b.get(j));
        if pa.is_some_and(repeat) {
            stack.push((i + 1, j));
        }
        if pb.is_some_and(repeat) {
            stack.push((i, j + 1));
        }
        if let (Some(x), Some(y)) = (pa, pb) {
            let meet = match (x, y) {
                (Piece::Lit(c), Piece::Lit(d)) => c == d,
                _ => true,
            };
            if meet {
                let ni = if repeat(x) { i } else { i + 1 };
                let nj = if repeat(y) { j } else { j + 1 };
                if (ni, nj) != (i, j) {
                    stack.push((ni, nj));
                }
            }
        }
    })
}

/// A character no policy holds, standing for "some character" in a witness.
const ANY: char = '\u{1}';

/// Strings `pattern` matches, to test against other patterns: every `*` empty, then every
/// `*` one unknown character (a `?` and a variable are always one unknown character).
pub fn witnesses(pattern: &[Piece]) -> [Vec<char>; 2] {
    let build = |star: &[char]| {
        let mut out = Vec::new();
        for piece in pattern {
            match piece {
                Piece::Lit(c) => out.push(*c),
                Piece::Star => out.extend_from_slice(star),
                Piece::One | Piece::Var(_) => out.push(ANY),
            }
        }
        out
    };
    [build(&[]), build(&[ANY])]
}

/// Whether a policy resource pattern names every resource of an ARN format (a resource
/// type's `arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}`): each `${...}` of the
/// format is any run. The partition field is not compared, as a policy names its own
/// partition.
pub fn covers_format(resource: &str, format: &str) -> bool {
    let Some(format_rest) = format.strip_prefix("arn:").and_then(|r| r.split_once(':')) else {
        return false;
    };
    let Some(resource_rest) = resource
        .strip_prefix("arn:")
        .and_then(|r| r.split_once(':'))
    else {
        return false;
    };
    let mut inner = Vec::new();
    let mut rest = format_rest.1;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("${")
            && let Some(end) = after.find('}')
        {
            inner.push(Piece::Star);
            rest = after.get(end + 1..).unwrap_or_default();
            continue;
        }
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            inner.push(if c == '*' { Piece::Star } else { Piece::Lit(c) });
        }
        rest = chars.as_str();
    }
    contains(&parse(resource_rest.1), &inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(outer: &str, inner: &str) -> bool {
        contains(&parse(outer), &parse(inner))
    }

    #[test]
    fn containment() {
        assert!(c("*", "arn:aws:s3:::b/*"));
        assert!(c("arn:aws:s3:::b/*", "arn:aws:s3:::b/x/*"));
        assert!(c("arn:aws:s3:::b/*", "arn:aws:s3:::b/x?"));
        assert!(c("arn:aws:s3:::b/?", "arn:aws:s3:::b/x"));
        assert!(c(
            "arn:aws:s3:::b/${aws:username}/*",
            "arn:aws:s3:::b/${aws:username}/x"
        ));
        assert!(!c("arn:aws:s3:::b/x/*", "arn:aws:s3:::b/*"));
        assert!(!c("arn:aws:s3:::b/?", "arn:aws:s3:::b/*"));
        assert!(!c("arn:aws:s3:::b/x", "arn:aws:s3:::b/X"), "case-sensitive");
        assert!(!c(
            "arn:aws:s3:::b/${aws:userid}",
            "arn:aws:s3:::b/${aws:username}"
        ));
        assert!(!c("arn:aws:s3:::b/?", "arn:aws:s3:::b/${aws:username}"));
        assert!(c("arn:aws:s3:::b/${*}", "arn:aws:s3:::b/${*}"));
        assert!(
            !c("arn:aws:s3:::b/${*}", "arn:aws:s3:::b/x"),
            "an escaped star is literal"
        );
    }

    #[test]
    fn witnesses_prove_non_containment() {
        let inner = parse("arn:aws:s3:::b/*");
        let outer = parse("arn:aws:s3:::b/x*");
        assert!(
            witnesses(&inner)
                .iter()
                .any(|w| !matches_loosely(&outer, w))
        );
        // `?*` and `*?` match the same strings: no witness escapes.
        let (inner, outer) = (parse("a?*"), parse("a*?"));
        assert!(!contains(&outer, &inner));
        assert!(witnesses(&inner).iter().all(|w| matches_loosely(&outer, w)));
    }

    #[test]
    fn overlap() {
        let o = |a: &str, b: &str| overlaps(&parse(a), &parse(b));
        assert!(o("arn:aws:s3:::b/*", "arn:aws:s3:::*/x"));
        assert!(o("*", "arn:aws:s3:::b"));
        assert!(!o("arn:aws:s3:::a/*", "arn:aws:s3:::b/*"));
        assert!(!o("arn:aws:s3:::a?", "arn:aws:s3:::a"));
    }

    #[test]
    fn formats() {
        let role = "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}";
        assert!(covers_format("arn:aws:iam::*:role/*", role));
        assert!(covers_format("arn:*:iam::*:*", role));
        assert!(!covers_format("arn:aws:iam::123456789012:role/*", role));
        assert!(!covers_format("arn:aws:iam::*:role/app-*", role));
        assert!(
            !covers_format("*", role),
            "`*` alone is handled by the caller"
        );
    }
}
