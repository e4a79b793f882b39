//! `--format human`: findings as rustc shows errors — the file, line and column, the source
//! line with a caret under the offending string, and the help.

use std::fmt::Write as _;
use std::io::IsTerminal;

use iam_policy::Severity;

use crate::check::Checked;

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
        Some(_) => rest
            .iter()
            .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '+' | '.'))
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

/// The report, with a summary line.
pub fn render(results: &[Checked], color: bool) -> String {
    let p = Paint { color };
    let mut out = String::new();
    let (mut errors, mut warnings) = (0usize, 0usize);
    for result in results {
        if let Some(error) = &result.io_error {
            let _ = writeln!(
                out,
                "{}: cannot read `{}`: {error}\n",
                p.paint("1;31", "error"),
                result.path
            );
            continue;
        }
        // The reader skips a byte order mark, and counts columns after it.
        let text = result.text.strip_prefix('\u{feff}').unwrap_or(&result.text);
        let lines: Vec<&str> = text.lines().collect();
        for d in &result.diagnostics {
            let (label, style) = match d.severity {
                Severity::Error => {
                    errors += 1;
                    ("error", "1;31")
                }
                Severity::Warning => {
                    warnings += 1;
                    ("warning", "1;33")
                }
            };
            let _ = writeln!(
                out,
                "{}{}",
                p.paint(style, &format!("{label}[{}]", d.code)),
                p.paint("1", &format!(": {}", d.message))
            );
            let gutter = d.loc.line.to_string().len();
            let pad = " ".repeat(gutter);
            let bar = p.paint("1;34", "|");
            let _ = writeln!(
                out,
                "{pad}{} {}:{}:{}",
                p.paint("1;34", "-->"),
                result.path,
                d.loc.line,
                d.loc.column
            );
            let source = d.loc.line.checked_sub(1).and_then(|i| lines.get(i));
            if let Some(line) = source {
                let (shown, offset, len) = excerpt(line, d.loc.column);
                let _ = writeln!(out, "{pad} {bar}");
                let _ = writeln!(
                    out,
                    "{} {bar} {shown}",
                    p.paint("1;34", &d.loc.line.to_string())
                );
                let _ = writeln!(
                    out,
                    "{pad} {bar} {}{}",
                    " ".repeat(offset),
                    p.paint(style, &"^".repeat(len))
                );
            }
            if let Some(help) = &d.help {
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
    }
    let unreadable = results.iter().filter(|r| r.io_error.is_some()).count();
    let _ = write!(
        out,
        "checked {} file{}: {errors} error{}, {warnings} warning{}",
        results.len(),
        if results.len() == 1 { "" } else { "s" },
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" },
    );
    if unreadable > 0 {
        let _ = write!(out, ", {unreadable} unreadable");
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
