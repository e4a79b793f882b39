#![doc = include_str!("../README.md")]
#![allow(
    clippy::doc_markdown,
    reason = "the README names other projects as they spell themselves"
)]
//!
//! (This package holds the workspace's examples and integration tests and is not
//! published; its documentation is the README, whose examples run as doctests.)
#![forbid(unsafe_code)]
