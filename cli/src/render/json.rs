//! `--format json`: `{"files":[{"path","format","diagnostics":[{"code","severity",
//! "message","pointer","line","column","help"?}]}]}`; a file that could not be read also
//! has `"error"`, a template or plan `"policies":{"found","checked"}`, a file with notes
//! `"notes":[{"level","message","pointer","line","column"}]`.

use std::fmt::Write as _;

use crate::checked::Checked;

/// The JSON document, written file by file as results arrive: a run over many files keeps
/// none of their texts, and its output flows while later files are checked.
#[derive(Debug)]
pub struct Writer {
    pending: String,
    empty: bool,
}

/// How much output is held before it is handed on.
const CHUNK: usize = 64 * 1024;

impl Default for Writer {
    fn default() -> Self {
        Self {
            pending: String::from("{\"files\":["),
            empty: true,
        }
    }
}

impl Writer {
    /// Adds one file's report, written by [`file_text`] (on the worker that checked it);
    /// returns the text ready to be written once enough has gathered.
    pub fn add(&mut self, report: &str) -> Option<String> {
        if !self.empty {
            self.pending.push(',');
        }
        self.empty = false;
        self.pending.push_str(report);
        (self.pending.len() >= CHUNK).then(|| std::mem::take(&mut self.pending))
    }

    /// The rest of the document, with a final newline.
    pub fn finish(mut self) -> String {
        self.pending.push_str("]}\n");
        self.pending
    }
}

/// One file's report as JSON text, written directly with the workspace's one JSON string
/// writer (`iam_catalog::view::escape_json_into`, which escapes as `serde_json` does).
pub fn file_text(result: &Checked) -> String {
    let mut out = String::with_capacity(256 + 256 * result.diagnostics.len());
    out.push_str("{\"path\":");
    string(&mut out, &result.path);
    out.push_str(",\"format\":");
    string(&mut out, result.format.name());
    out.push_str(",\"diagnostics\":[");
    for (index, d) in result.diagnostics.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        out.push_str("{\"code\":");
        string(&mut out, d.code.name());
        out.push_str(",\"severity\":");
        string(&mut out, d.severity.as_str());
        out.push_str(",\"message\":");
        string(&mut out, &d.message);
        location(&mut out, &d.loc);
        if let Some(help) = &d.help {
            out.push_str(",\"help\":");
            string(&mut out, help);
        }
        out.push('}');
    }
    out.push(']');
    if let Some(error) = &result.io_error {
        out.push_str(",\"error\":");
        string(&mut out, error);
    }
    if let Some((found, checked)) = result.policies {
        let _ = write!(
            out,
            ",\"policies\":{{\"found\":{found},\"checked\":{checked}}}"
        );
    }
    if !result.notes.is_empty() {
        out.push_str(",\"notes\":[");
        for (index, n) in result.notes.iter().enumerate() {
            if index > 0 {
                out.push(',');
            }
            out.push_str("{\"level\":");
            string(&mut out, n.level.as_str());
            out.push_str(",\"message\":");
            string(&mut out, &n.message);
            location(&mut out, &n.loc);
            out.push('}');
        }
        out.push(']');
    }
    out.push('}');
    out
}

/// `"text"`, escaped.
fn string(out: &mut String, text: &str) {
    out.push('"');
    iam_catalog::view::escape_json_into(out, text);
    out.push('"');
}

/// `,"pointer":…,"line":…,"column":…`.
fn location(out: &mut String, loc: &iam_policy::JsonLocation) {
    out.push_str(",\"pointer\":");
    string(out, &loc.pointer);
    let _ = write!(out, ",\"line\":{},\"column\":{}", loc.line, loc.column);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_and_the_rest_make_the_whole_document() {
        let reports: Vec<String> = (0..300)
            .map(|i| format!("{{\"path\":\"{}\"}}", "x".repeat(i * 7)))
            .collect();
        let mut writer = Writer::default();
        let mut out = String::new();
        let mut chunks = 0;
        for report in &reports {
            if let Some(chunk) = writer.add(report) {
                chunks += 1;
                out.push_str(&chunk);
            }
        }
        out.push_str(&writer.finish());
        assert!(chunks > 1, "the reports should cross the chunk size");
        assert_eq!(out, format!("{{\"files\":[{}]}}\n", reports.join(",")));
        let value: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
        assert_eq!(value["files"].as_array().map(Vec::len), Some(300));
        assert_eq!(Writer::default().finish(), "{\"files\":[]}\n");
    }
}
