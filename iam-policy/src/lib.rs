#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs, rustdoc::broken_intra_doc_links)]

// The runtime is `iam-policy-core`, re-exported whole: a user's build compiles it beside
// `iam-policy-macros` instead of after it (a crate that re-exports a proc macro can only
// start once the macro is built). This crate is the re-exports and the two macros.
pub use iam_policy_core::*;

#[doc(hidden)]
pub mod __private {
    //! What the macros' expansion calls. Not public API: it may change in any release,
    //! and this crate pins the exact versions of `iam-policy-core` and
    //! `iam-policy-macros` that use it.
    pub use iam_policy_core::__private::*;
    pub use iam_policy_macros::{generate_impl, policy_impl};
}

#[doc = include_str!("generate_macro.md")]
#[macro_export]
macro_rules! generate {
    ($($body:tt)*) => {
        $crate::__private::generate_impl!{ $crate, $($body)* }
    };
}

#[doc = include_str!("policy_macro.md")]
#[macro_export]
macro_rules! policy {
    ($($body:tt)*) => {
        $crate::__private::policy_impl!{ $crate, $($body)* }
    };
}
