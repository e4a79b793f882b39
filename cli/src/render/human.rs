//! `--format human`: findings as rustc shows errors — the file, line and column, the source
//! line with a caret under the offending string, and the help.

use std::fmt::Write as _;
use std::io::IsTerminal;

use iam_policy::Severity;

use crate::checked::Checked;
use crate::template::NoteLevel;

/// Whether to color: standard output is a terminal and `NO_COLOR` is unset.
pub fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
}

struct Paint {
    color: bool,
}

impl Paint {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
}

/// The length in characters of the JSON token starting at `column` (1-based) of `line`:
/// a whole string literal, a number or word, or one bracket.
fn token_len(line: &str, column: usize) -> usize {
    let rest: Vec<char> = line.chars().skip(column.saturating_sub(1)).collect();
    match rest.first() {
        None | Some('{' | '[') => 1,
        Some('"') => {
            let mut escaped = false;
            for (i, c) in rest.iter().enumerate().skip(1) {
                match c {
                    '\\' if !escaped => escaped = true,
                    '"' if !escaped => return i + 1,
                    _ => escaped = false,
                }
            }
            rest.len()
        }
        // A single-quoted YAML scalar (`''` is a quote inside it).
        Some('\'') => {
            let mut i = 1;
            while let Some(c) = rest.get(i) {
                if *c == '\'' {
                    if rest.get(i + 1) == Some(&'\'') {
                        i += 2;
                        continue;
                    }
                    return i + 1;
                }
                i += 1;
            }
            rest.len()
        }
        // A JSON string inside a JSON string (a policy in a Terraform plan): `\"...\"`.
        Some('\\') if rest.get(1) == Some(&'"') => {
            // Decode the outer escapes (`\\` is `\`, `\"` is `"`), then find the inner
            // string's closing quote.
            let (mut i, mut escaped) = (2, false);
            while let Some(&c) = rest.get(i) {
                let (inner, width) = if c == '\\' {
                    (rest.get(i + 1).copied().unwrap_or(c), 2)
                } else {
                    (c, 1)
                };
                i += width;
                match inner {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '"' => return i.min(rest.len()),
                    _ => {}
                }
            }
            rest.len()
        }
        // A number, a word, or a plain YAML scalar: up to white space or a delimiter.
        Some(_) => rest
            .iter()
            .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ']' | '}' | '#' | '"'))
            .count()
            .max(1),
    }
}

/// How many characters of a source line are shown at most; longer lines (minified
/// policies) are cut to a window around the finding.
const MAX_LINE: usize = 100;

/// A source line as shown: tabs as four spaces, cut to [`MAX_LINE`] characters around the
/// token at `column` (1-based), with `...` where text was left out. Returns the line, the
/// offset of the token in it and the underline's length, in characters.
fn excerpt(line: &str, column: usize) -> (String, usize, usize) {
    let chars: Vec<char> = line.chars().collect();
    let start = column.saturating_sub(1).min(chars.len());
    let len = token_len(line, column);
    let expand = |cs: &[char]| -> String {
        cs.iter()
            .map(|&c| {
                if c == '\t' {
                    "    ".to_owned()
                } else {
                    c.to_string()
                }
            })
            .collect()
    };
    let width = |cs: &[char]| -> usize { cs.iter().map(|&c| if c == '\t' { 4 } else { 1 }).sum() };
    if chars.len() <= MAX_LINE {
        let before = chars.get(..start).unwrap_or_default();
        let token = chars
            .get(start..(start + len).min(chars.len()))
            .unwrap_or_default();
        return (expand(&chars), width(before), width(token).max(1));
    }
    // Keep some context before the token, and as much of the token as fits.
    let from = start.saturating_sub(30);
    let to = (from + MAX_LINE).min(chars.len());
    let shown = chars.get(from..to).unwrap_or_default();
    let before = chars.get(from..start).unwrap_or_default();
    let token = chars.get(start..(start + len).min(to)).unwrap_or_default();
    let lead = if from > 0 { "..." } else { "" };
    let tail = if to < chars.len() { "..." } else { "" };
    (
        format!("{lead}{}{tail}", expand(shown)),
        lead.len() + width(before),
        width(token).max(1),
    )
}

/// What the summary line counts.
#[derive(Default)]
pub struct Totals {
    files: usize,
    errors: usize,
    warnings: usize,
    unreadable: usize,
    /// Templates and plans, with the policies found and checked in them.
    templates: usize,
    found: usize,
    checked: usize,
}

/// One finding or note, as rendered.
struct Item<'a> {
    label: &'static str,
    style: &'static str,
    code: Option<String>,
    message: &'a str,
    help: Option<&'a str>,
    line: usize,
    column: usize,
}

/// The report of one file (empty when it has nothing to say), counted in `totals`.
#[expect(clippy::too_many_lines, reason = "one layout, read top to bottom")]
pub fn render_file(result: &Checked, color: bool, totals: &mut Totals) -> String {
    let p = Paint { color };
    let mut out = String::new();
    totals.files += 1;
    if let Some((found, checked)) = result.policies {
        totals.templates += 1;
        totals.found += found;
        totals.checked += checked;
    }
    if let Some(error) = &result.io_error {
        totals.unreadable += 1;
        let _ = writeln!(
            out,
            "{}: cannot read `{}`: {error}\n",
            p.paint("1;31", "error"),
            result.path
        );
        return out;
    }
    // The reader skips a byte order mark, and counts columns after it.
    let text = result.text.strip_prefix('\u{feff}').unwrap_or(&result.text);
    let lines: Vec<&str> = text.lines().collect();
    let mut items: Vec<Item<'_>> = result
        .diagnostics
        .iter()
        .map(|d| {
            let (label, style) = match d.severity {
                Severity::Error => ("error", "1;31"),
                Severity::Warning => ("warning", "1;33"),
            };
            Item {
                label,
                style,
                code: Some(d.code.to_string()),
                message: &d.message,
                help: d.help.as_deref(),
                line: d.loc.line,
                column: d.loc.column,
            }
        })
        .collect();
    items.extend(result.notes.iter().map(|n| {
        let style = match n.level {
            NoteLevel::Error => "1;31",
            NoteLevel::Warning => "1;33",
            NoteLevel::Note => "1;36",
        };
        Item {
            label: n.level.as_str(),
            style,
            code: None,
            message: &n.message,
            help: None,
            line: n.loc.line,
            column: n.loc.column,
        }
    }));
    // Findings come in source order; notes join them by position.
    items.sort_by_key(|i| (i.line, i.column));
    for d in &items {
        match d.label {
            "error" => totals.errors += 1,
            "warning" => totals.warnings += 1,
            _ => {}
        }
        let (label, style) = (d.label, d.style);
        let head = match &d.code {
            Some(code) => format!("{label}[{code}]"),
            None => label.to_owned(),
        };
        let _ = writeln!(
            out,
            "{}{}",
            p.paint(style, &head),
            p.paint("1", &format!(": {}", d.message))
        );
        let gutter = d.line.to_string().len();
        let pad = " ".repeat(gutter);
        let bar = p.paint("1;34", "|");
        let _ = writeln!(
            out,
            "{pad}{} {}:{}:{}",
            p.paint("1;34", "-->"),
            result.path,
            d.line,
            d.column
        );
        let source = d.line.checked_sub(1).and_then(|i| lines.get(i));
        if let Some(line) = source {
            let (shown, offset, len) = excerpt(line, d.column);
            let _ = writeln!(out, "{pad} {bar}");
            let _ = writeln!(
                out,
                "{} {bar} {shown}",
                p.paint("1;34", &d.line.to_string())
            );
            let _ = writeln!(
                out,
                "{pad} {bar} {}{}",
                " ".repeat(offset),
                p.paint(style, &"^".repeat(len))
            );
        }
        if let Some(help) = d.help {
            if source.is_some() {
                let _ = writeln!(out, "{pad} {bar}");
            }
            // Continuation lines of a long help line up under its first line.
            let indent = format!("{pad}   {}", " ".repeat("help: ".len()));
            let mut help_lines = help.lines();
            let _ = writeln!(
                out,
                "{pad} {} {}: {}",
                p.paint("1;34", "="),
                p.paint("1", "help"),
                help_lines.next().unwrap_or_default()
            );
            for rest in help_lines {
                let _ = writeln!(out, "{indent}{rest}");
            }
        }
        out.push('\n');
    }
    out
}

/// The summary line: files, errors, warnings, unreadable inputs, and the policies found
/// and checked in templates and plans.
pub fn summary(totals: &Totals) -> String {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let mut out = format!(
        "checked {} file{}: {} error{}, {} warning{}",
        totals.files,
        plural(totals.files),
        totals.errors,
        plural(totals.errors),
        totals.warnings,
        plural(totals.warnings),
    );
    if totals.unreadable > 0 {
        let _ = write!(out, ", {} unreadable", totals.unreadable);
    }
    if totals.templates > 0 {
        let _ = write!(
            out,
            "; {} polic{} found in {} template{} or plan{}, {} checked",
            totals.found,
            if totals.found == 1 { "y" } else { "ies" },
            totals.templates,
            plural(totals.templates),
            plural(totals.templates),
            totals.checked
        );
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::{excerpt, token_len};

    #[test]
    fn tokens_are_measured() {
        let line = r#"  "Action": ["s3:Get\"x", 12, true, {"#;
        assert_eq!(token_len(line, 3), 8);
        assert_eq!(token_len(line, 14), 11);
        assert_eq!(token_len(line, 27), 2);
        assert_eq!(token_len(line, 31), 4);
        assert_eq!(token_len(line, 37), 1);
        assert_eq!(token_len(line, 99), 1);
        let yaml = "  Action: s3:GetObjekt # x";
        assert_eq!(token_len(yaml, 11), 12);
        assert_eq!(token_len("- 'it''s' x", 3), 7);
        let plan = r#"{\"Action\":\"s3:Get\\\"x\",\"B\":1}"#;
        assert_eq!(token_len(plan, 13), 15);
    }

    #[test]
    fn short_lines_are_shown_whole_with_tabs_expanded() {
        let (shown, offset, len) = excerpt("\t\"Action\": \"s3:X\",", 12);
        assert_eq!(shown, "    \"Action\": \"s3:X\",");
        assert_eq!((offset, len), (14, 6));
        assert_eq!(&shown[offset..offset + len], "\"s3:X\"");
    }

    #[test]
    fn long_lines_are_cut_around_the_token() {
        let line = format!("{}\"s3:GetObjekt\"{}", "x".repeat(500), "y".repeat(500));
        let (shown, offset, len) = excerpt(&line, 501);
        assert!(
            shown.starts_with("...") && shown.ends_with("..."),
            "{shown}"
        );
        assert!(shown.chars().count() <= super::MAX_LINE + 6);
        assert_eq!(&shown[offset..offset + len], "\"s3:GetObjekt\"");
        // At the start of a long line: no leading dots.
        let (shown, offset, _) = excerpt(&line, 1);
        assert!(!shown.starts_with("...") && shown.ends_with("..."));
        assert_eq!(offset, 0);
    }
}
