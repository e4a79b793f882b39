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
        let lines: Vec<&str> = result.text.lines().collect();
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
            let _ = writeln!(
                out,
                "{pad}{} {}:{}:{}",
                p.paint("1;34", "-->"),
                result.path,
                d.loc.line,
                d.loc.column
            );
            if let Some(line) = d.loc.line.checked_sub(1).and_then(|i| lines.get(i)) {
                let bar = p.paint("1;34", "|");
                let _ = writeln!(out, "{pad} {bar}");
                let _ = writeln!(
                    out,
                    "{} {bar} {line}",
                    p.paint("1;34", &d.loc.line.to_string())
                );
                let underline = "^".repeat(token_len(line, d.loc.column));
                let indent: String = line
                    .chars()
                    .take(d.loc.column.saturating_sub(1))
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                let _ = writeln!(out, "{pad} {bar} {indent}{}", p.paint(style, &underline));
            }
            if let Some(help) = &d.help {
                let _ = writeln!(
                    out,
                    "{pad} {} {}: {help}",
                    p.paint("1;34", "="),
                    p.paint("1", "help")
                );
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
    use super::token_len;

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
}
