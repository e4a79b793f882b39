//! `--format json`: `{"files":[{"path","diagnostics":[{"code","severity","message",
//! "pointer","line","column","help"?}]}]}`; a file that could not be read also has
//! `"error"`.

use serde_json::{Value, json};

use crate::check::Checked;

/// The JSON document, with a final newline.
pub fn render(results: &[Checked]) -> String {
    let files: Vec<Value> = results
        .iter()
        .map(|result| {
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
            let mut file = json!({ "path": result.path, "diagnostics": diagnostics });
            if let (Some(error), Some(object)) = (&result.io_error, file.as_object_mut()) {
                object.insert("error".to_owned(), Value::String(error.clone()));
            }
            file
        })
        .collect();
    let mut out = json!({ "files": files }).to_string();
    out.push('\n');
    out
}
