//! One checked input: what `check` produces and every renderer reads.

use iam_policy::Diagnostic;

use crate::template::{Format as InputFormat, Note, NoteLevel};

/// One checked input.
pub struct Checked {
    /// The path as given (or found below a directory); `-` for standard input.
    pub path: String,
    /// The text, for showing source lines (empty when it could not be read).
    pub text: String,
    /// The findings.
    pub diagnostics: Vec<Diagnostic>,
    /// Why the file could not be read, if it could not.
    pub io_error: Option<String>,
    /// What the file is.
    pub format: InputFormat,
    /// Messages about the file (parts not checked, YAML syntax errors).
    pub notes: Vec<Note>,
    /// Policies found and checked in a template or plan; `None` for a policy file.
    pub policies: Option<(usize, usize)>,
}

impl Checked {
    /// A file that could not be read.
    pub fn unreadable(path: String, error: String) -> Self {
        Self {
            path,
            text: String::new(),
            diagnostics: Vec::new(),
            io_error: Some(error),
            format: InputFormat::Policy,
            notes: Vec::new(),
            policies: None,
        }
    }

    /// A policy file's result.
    pub fn policy(path: String, text: String, diagnostics: Vec<Diagnostic>) -> Self {
        Self {
            path,
            text,
            diagnostics,
            io_error: None,
            format: InputFormat::Policy,
            notes: Vec::new(),
            policies: None,
        }
    }

    /// Whether the file fails the run (exit status 1).
    pub fn has_error(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
            || self.notes.iter().any(|n| n.level == NoteLevel::Error)
    }
}
