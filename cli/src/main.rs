//! The `iam-policy` command-line tool.
#![forbid(unsafe_code)]

fn main() {}
