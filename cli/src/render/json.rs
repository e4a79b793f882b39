//! `--format json`: `{"files":[{"path","format","diagnostics":[{"code","severity",
//! "message","pointer","line","column","help"?}]}]}`; a file that could not be read also
//! has `"error"`, a template or plan `"policies":{"found","checked"}`, a file with notes
//! `"notes":[{"level","message","pointer","line","column"}]`.

use serde_json::{Value, json};

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

/// One file's report as JSON text.
pub fn file_text(result: &Checked) -> String {
    file(result).to_string()
}

/// One file's report.
fn file(result: &Checked) -> Value {
    let diagnostics: Vec<Value> = result
        .diagnostics
        .iter()
        .map(|d| {
            let mut value = json!({
                "code": d.code.name(),
                "severity": d.severity.as_str(),
                "message": d.message,
                "pointer": d.loc.pointer,
                "line": d.loc.line,
                "column": d.loc.column,
            });
            if let (Some(help), Some(object)) = (&d.help, value.as_object_mut()) {
                object.insert("help".to_owned(), Value::String(help.clone()));
            }
            value
        })
        .collect();
    let mut file = json!({
        "path": result.path,
        "format": result.format.name(),
        "diagnostics": diagnostics,
    });
    if let Some(object) = file.as_object_mut() {
        if let Some(error) = &result.io_error {
            object.insert("error".to_owned(), Value::String(error.clone()));
        }
        if let Some((found, checked)) = result.policies {
            object.insert(
                "policies".to_owned(),
                json!({ "found": found, "checked": checked }),
            );
        }
        if !result.notes.is_empty() {
            let notes: Vec<Value> = result
                .notes
                .iter()
                .map(|n| {
                    json!({
                        "level": n.level.as_str(),
                        "message": n.message,
                        "pointer": n.loc.pointer,
                        "line": n.loc.line,
                        "column": n.loc.column,
                    })
                })
                .collect();
            object.insert("notes".to_owned(), Value::Array(notes));
        }
    }
    file
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
        let value: Value = serde_json::from_str(&out).unwrap_or(Value::Null);
        assert_eq!(value["files"].as_array().map(Vec::len), Some(300));
        assert_eq!(Writer::default().finish(), "{\"files\":[]}\n");
    }
}
