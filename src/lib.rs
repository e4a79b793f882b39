//! Workspace-level tests and examples of `iam-policy`. Not published.
#![forbid(unsafe_code)]
