//! Robustness of `policy!`: the macro's whole pipeline — parse, lower, check, report,
//! expand — on random token streams must end in an expansion (errors or a value), never a
//! panic, since a panicking proc macro is an unreadable compile error.
//!
//! A proc-macro crate exports only its macros, so this test compiles the pipeline's modules
//! from `src/` into itself (`#[path]`) and drives them on `proc_macro2`'s fallback tokens,
//! exactly as `policy_impl` does: `expand::policy(parse::parse_input(tokens))`. Their unit
//! tests are compiled and run here a second time; that is the price of reaching them.
//!
//! Two generators, each run `PROPTEST_CASES` times (default 256, the variable the other
//! fuzz tests use): random balanced token soup from JSON, Rust and IAM vocabulary, and
//! small edits (delete, repeat, insert a token) of valid `policy!` bodies. A text that does
//! not lex as Rust tokens is skipped: rustc would reject it before the macro runs. The
//! generator is a fixed-seed xorshift, so a failure names the case number to replay; set
//! `FUZZ_SEED` to explore other cases.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

#[path = "../src/expand.rs"]
mod expand;
#[path = "../src/fallback.rs"]
mod fallback;
#[path = "../src/lower.rs"]
mod lower;
#[path = "../src/parse.rs"]
mod parse;
#[path = "../src/report.rs"]
mod report;

use std::panic::{AssertUnwindSafe, catch_unwind};

use proc_macro2::TokenStream;

/// Cases per generator: `PROPTEST_CASES`, default 256.
fn cases() -> u64 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

/// A xorshift64* generator: small, deterministic, good enough to pick tokens.
struct Rng(u64);

impl Rng {
    fn new(case: u64, stream: u64) -> Self {
        let base: u64 = std::env::var("FUZZ_SEED")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(0x9e37_79b9_7f4a_7c15);
        let mut rng = Rng((base ^ case.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ stream) | 1);
        for _ in 0..4 {
            rng.next();
        }
        rng
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n).unwrap()).unwrap()
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Single tokens: JSON, Rust and IAM pieces, and things that are not JSON at all.
const TOKENS: &[&str] = &[
    r#""Version""#,
    r#""2012-10-17""#,
    r#""2008-10-17""#,
    r#""Statement""#,
    r#""Sid""#,
    r#""Effect""#,
    r#""Allow""#,
    r#""Deny""#,
    r#""Action""#,
    r#""NotAction""#,
    r#""Resource""#,
    r#""NotResource""#,
    r#""Principal""#,
    r#""Condition""#,
    r#""StringEquals""#,
    r#""NumericLessThan""#,
    r#""aws:SourceIp""#,
    r#""aws:PrincipalTag/team""#,
    r#""s3:GetObject""#,
    r#""s3:GetObjekt""#,
    r#""s3:*""#,
    r#""*""#,
    r#""arn:aws:s3:::bucket/*""#,
    r#""arn:aws:s3:::{bucket}/${aws:username}/*""#,
    r#""arn:aws:iam::123456789012:root""#,
    r#""{bucket}""#,
    r#""{bucket""#,
    r#""{{literal}}""#,
    r#""{}""#,
    r#""{0}""#,
    r#""{a.b}""#,
    r#""{bucket:?}""#,
    r#""${aws:username""#,
    r#""${}""#,
    r#""10.0.0.0/8""#,
    r#""é\u{301}""#,
    r#""\t\n\"""#,
    r#""""#,
    "r\"raw\"",
    "r#\"raw {x}\"#",
    "b\"bytes\"",
    "c\"cstr\"",
    "'c'",
    "b'b'",
    "'a",
    "0",
    "1",
    "-1",
    "-",
    "1.5",
    "1e400",
    "0x1F",
    "1u8",
    "18446744073709551616",
    "true",
    "false",
    "null",
    "None",
    "identity",
    "resource",
    "trust",
    "scp",
    "rcp",
    "boundary",
    "session",
    "endpoint",
    "allow",
    "unknown_action",
    "bucket",
    "self",
    "_",
    ":",
    "::",
    ",",
    ";",
    "#",
    "!",
    "=",
    "=>",
    ".",
    "..",
    "@",
    "$",
    "?",
    "&",
    "+",
    "/",
    "<",
    ">",
];

/// Attribute-like prefixes the macro reads before the document.
const PREFIXES: &[&str] = &[
    "",
    "",
    "",
    "identity",
    "trust",
    "resource",
    "nosuchkind",
    "#![allow(unknown-action)]",
    "#![allow(policy-too-large, invalid-sid)]",
    "#![allow(unknown_action)]",
    "#![allow(no_such_code)]",
    "#![deny(unknown_action)]",
    "#[allow(unknown_action)]",
    "#!",
];

/// Random balanced token soup, nested up to `depth`.
fn soup(rng: &mut Rng, depth: usize, out: &mut String) {
    let len = rng.below(12);
    for _ in 0..len {
        match rng.below(10) {
            0..=6 => out.push_str(rng.pick(TOKENS)),
            _ if depth == 0 => out.push_str(rng.pick(TOKENS)),
            choice => {
                let (open, close) = [("{", "}"), ("[", "]"), ("(", ")")][choice % 3];
                out.push_str(open);
                soup(rng, depth - 1, out);
                out.push_str(close);
            }
        }
        out.push(' ');
    }
}

/// Valid `policy!` bodies to edit.
const SEEDS: &[&str] = &[
    r#"{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::{bucket}", "arn:aws:s3:::{bucket}/${aws:username}/*"] }] }"#,
    r#"trust { "Version": "2012-10-17", "Statement": { "Effect": "Allow", "Principal": { "Service": "lambda.amazonaws.com" }, "Action": "sts:AssumeRole" } }"#,
    r#"#![allow(policy-too-large)] { "Version": "2012-10-17", "Statement": [ #[allow(wildcard-resource-required)] { "Sid": "Read", "Effect": "Allow", "Action": "ec2:Describe*", "Resource": "*", "Condition": { "IpAddress": { "aws:SourceIp": ["10.0.0.0/8", "{cidr}"] }, "Bool": { "aws:SecureTransport": "true" }, "NumericLessThan": { "s3:max-keys": 10 } } }, ] }"#,
    r#"resource { "Version": "2012-10-17", "Id": "x", "Statement": [{ "Effect": "Deny", "Principal": "*", "NotAction": "s3:*", "NotResource": "arn:aws:s3:::b/*", "Condition": { "Null": { "aws:PrincipalOrgID": true } } }] }"#,
];

/// The largest char boundary of `text` at or below `at`.
fn floor(text: &str, at: usize) -> usize {
    (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

/// Runs the pipeline on `body` (with the crate path in front when `with_crate`). `None`
/// when the text does not lex; otherwise the expansion's size.
fn expand(body: &str, with_crate: bool) -> Option<usize> {
    let source = if with_crate {
        format!(":: iam_policy , {body}")
    } else {
        body.to_owned()
    };
    let tokens: TokenStream = source.parse().ok()?;
    let expansion = expand::policy(parse::parse_input(tokens));
    let text = expansion.to_string();
    assert!(!text.is_empty(), "empty expansion for {source}");
    Some(text.len())
}

/// Runs `generate` for every case, failing with the case and its input on a panic.
fn run(name: &str, stream: u64, generate: impl Fn(&mut Rng) -> (String, bool)) {
    let cases = cases();
    let mut lexed = 0;
    for case in 0..cases {
        let mut rng = Rng::new(case, stream);
        let (body, with_crate) = generate(&mut rng);
        let result = catch_unwind(AssertUnwindSafe(|| expand(&body, with_crate)));
        match result {
            Ok(Some(_)) => lexed += 1,
            Ok(None) => {}
            Err(payload) => {
                let message = payload
                    .downcast_ref::<String>()
                    .map(String::as_str)
                    .or_else(|| payload.downcast_ref::<&str>().copied())
                    .unwrap_or("(no message)");
                panic!(
                    "{name}: case {case} panicked ({message}); crate path: {with_crate}; input:\n{body}"
                );
            }
        }
    }
    eprintln!("{name}: {cases} token streams, {lexed} lexed and expanded without a panic");
    assert!(
        lexed * 2 > usize::try_from(cases).unwrap(),
        "{name}: most inputs must lex"
    );
}

#[test]
fn random_token_soup_never_panics() {
    run("random token soup", 1, |rng| {
        let mut body = String::from(rng.pick(PREFIXES));
        body.push(' ');
        if rng.below(4) > 0 {
            body.push('{');
            soup(rng, 4, &mut body);
            body.push('}');
        } else {
            soup(rng, 4, &mut body);
        }
        (body, rng.below(8) > 0)
    });
}

#[test]
fn edited_policies_never_panic() {
    run("edited policies", 2, |rng| {
        let mut body = rng.pick(SEEDS).to_owned();
        for _ in 0..=rng.below(3) {
            let boundaries: Vec<usize> = body
                .char_indices()
                .map(|(i, _)| i)
                .chain([body.len()])
                .filter(|&i| {
                    i == 0 || i == body.len() || !body[..i].ends_with(char::is_alphanumeric)
                })
                .collect();
            let at = boundaries[rng.below(boundaries.len())];
            let to = boundaries[rng.below(boundaries.len())].max(at);
            match rng.below(3) {
                // Delete a stretch (often one token: the next boundary).
                0 => {
                    let end = floor(&body, to.min(at + 1 + rng.below(12)));
                    body.replace_range(at..end, "");
                }
                // Repeat a stretch.
                1 => {
                    let piece = body[at..floor(&body, to.min(at + 40))].to_owned();
                    body.insert_str(at, &piece);
                }
                // Insert a token.
                _ => body.insert_str(at, &format!(" {} ", rng.pick(TOKENS))),
            }
        }
        (body, rng.below(16) > 0)
    });
}

#[test]
fn seeds_expand_to_values() {
    // The control: the unedited seeds are valid policies, so the pipeline reaches the
    // value (no `compile_error!`).
    for seed in SEEDS {
        let tokens: TokenStream = format!(":: iam_policy , {seed}").parse().unwrap();
        let expansion = expand::policy(parse::parse_input(tokens)).to_string();
        assert!(
            !expansion.contains("compile_error"),
            "{seed}\nexpanded to errors: {expansion}"
        );
    }
}

#[test]
fn deep_token_nesting_is_an_error() {
    // (Parentheses are not nesting: `( ... )` is a Rust expression inserted as a value.)
    for (open, close) in [("[", "]"), ("{", "}")] {
        let body = format!(
            r#"{{ "Version": "2012-10-17", "Statement": {}1{} }}"#,
            open.repeat(1_000),
            close.repeat(1_000)
        );
        let tokens: TokenStream = format!(":: iam_policy , {body}").parse().unwrap();
        let expansion = expand::policy(parse::parse_input(tokens)).to_string();
        assert!(expansion.contains("compile_error"), "{open}: no error");
    }
}
