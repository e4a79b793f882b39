#![doc = include_str!("../README.md")]
//!
//! (This package holds the workspace's examples and integration tests and is not
//! published; its documentation is the README, whose examples run as doctests.)
#![forbid(unsafe_code)]
