//! The size quota counts exactly what is written: for every AWS managed policy, the size
//! the engine's quota rule computes (`iam_catalog::check::quota::size`) equals the length
//! of the minified JSON that `policy!` and `generate!` emit (`iam_catalog::view::json_chunks`)
//! and of the runtime's `Policy::to_json()`, in characters and in bytes.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

mod common;

use iam_policy::catalog::check::quota::size;
use iam_policy::catalog::view::{Chunk, json_chunks};
use iam_policy::{Policy, json};

#[test]
fn the_quota_size_is_the_written_length_of_every_managed_policy() {
    let Some(files) = common::managed_policies("quota length test") else {
        return;
    };
    let mut checked = 0;
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let tree = json::read(&text).unwrap();
        let counted = size(&tree);
        let written: String = json_chunks(&tree)
            .into_iter()
            .map(|chunk| match chunk {
                Chunk::Json(text) => text,
                other => panic!("{}: a static policy wrote {other:?}", path.display()),
            })
            .collect();
        assert!(!counted.partial, "{}", path.display());
        assert_eq!(
            (counted.characters, counted.bytes),
            (written.chars().count(), written.len()),
            "{}: the macro's writer",
            path.display()
        );
        let runtime = Policy::from_json(&text).unwrap().to_json();
        assert_eq!(
            (counted.characters, counted.bytes),
            (runtime.chars().count(), runtime.len()),
            "{}: Policy::to_json",
            path.display()
        );
        checked += 1;
    }
    assert_eq!(checked, files.len());
    eprintln!("quota size = written length for {checked} managed policies");
}
