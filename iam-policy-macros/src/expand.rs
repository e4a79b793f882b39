//! Stage 5: the expansion of a checked policy.
//!
//! A policy without inserted values becomes
//! `CRATE::__private::from_static(KIND, "<minified json>")`; one with `{path}` or `(expr)`
//! values becomes `CRATE::__private::render(KIND, &[Part::Json(".."), Part::Escaped(&path),
//! Part::EscapedValue(&(expr)), ...])`, each value's part chosen by its place
//! (`iam_catalog::check::interpolation`): `Escaped`/`EscapedValue` where IAM has escapes
//! for `*`, `?` and `$`, `Verbatim`/`VerbatimValue` where it gives them no meaning,
//! `Unescapable`/`UnescapableValue` where it has none (those take only types that cannot
//! hold them). The JSON is minified and in AWS element order: the top
//! level as `Version`, `Id`, `Statement`, each statement as `Sid`, `Effect`, `Principal`,
//! `NotPrincipal`, `Action`, `NotAction`, `Resource`, `NotResource`, `Condition`, other
//! elements after those in source order; every other object keeps its source order.
//! Numbers are written as in the source.

use iam_catalog::PolicyKind;
use iam_catalog::check::interpolation::{self, InsertMode, Insertion as Slot};
use iam_catalog::view::{Chunk, json_chunks};
use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{quote, quote_spanned};

use crate::lower::{Insertion, Lowered};
use crate::parse::{Field, PolicyInput};
use crate::{fallback, lower, report};

/// The whole pipeline after parsing: lower, check, report, then expand or fall back.
pub fn policy(input: PolicyInput) -> TokenStream {
    let PolicyInput { krate, document } = input;
    let document = match (krate.as_ref(), document) {
        (Some(_), Ok(document)) => document,
        (_, Err(errors)) => {
            return fallback::expansion(krate.as_ref(), &errors, &TokenStream::new());
        }
        (None, Ok(_)) => {
            let error = syn::Error::new(Span::call_site(), "missing crate path");
            return fallback::expansion(None, &error, &TokenStream::new());
        }
    };
    let krate = krate.unwrap_or_default();
    let lowered = lower::lower(&document);
    let findings: Vec<_> = iam_catalog::check::check_with(
        &lowered.view,
        document.kind,
        &match &document.service {
            Some(service) => iam_catalog::check::Options::default().for_service(service),
            None => iam_catalog::check::Options::default(),
        },
    )
    .into_iter()
    .map(|finding| finding.map_loc(|loc| lowered.span(loc)))
    .collect();
    let report::Report { errors, warnings } = report::report(&findings);
    if let Some(errors) = errors {
        return fallback::expansion(Some(&krate), &errors, &warnings);
    }
    match value(&krate, document.kind, &lowered) {
        Ok(value) => quote! {
            {
                #warnings
                #value
            }
        },
        Err(error) => fallback::expansion(Some(&krate), &error, &warnings),
    }
}

/// The expression that builds the policy value.
pub fn value(
    krate: &TokenStream,
    kind: PolicyKind,
    lowered: &Lowered<'_>,
) -> syn::Result<TokenStream> {
    let kind = kind_path(krate, kind);
    let chunks = json_chunks(&lowered.view.root);
    match chunks.as_slice() {
        [] => Ok(quote!(#krate::__private::from_static(#kind, ""))),
        [Chunk::Json(json)] => Ok(quote!(#krate::__private::from_static(#kind, #json))),
        _ => {
            let modes = interpolation::modes(&lowered.view);
            let mode_of = |insertion| {
                modes
                    .binary_search_by_key(&insertion, |(i, _)| *i)
                    .ok()
                    .and_then(|at| modes.get(at))
                    .map_or(InsertMode::Refuse, |(_, mode)| *mode)
            };
            let parts = chunks
                .iter()
                .map(|chunk| part(krate, chunk, lowered, &mode_of))
                .collect::<syn::Result<Vec<_>>>()?;
            Ok(quote!(#krate::__private::render(#kind, &[#(#parts),*])))
        }
    }
}

/// `CRATE::__private::PolicyKind::<Variant>`, the variant named as `Debug` writes it.
pub fn kind_path(krate: &TokenStream, kind: PolicyKind) -> TokenStream {
    let variant = Ident::new(&format!("{kind:?}"), Span::call_site());
    quote!(#krate::__private::PolicyKind::#variant)
}

/// One `Part` of a `render` call. How an inserted value is written depends on its place
/// ([`interpolation::modes`]): with IAM's escapes, as it is, or — where IAM has no
/// escape — only from a type that cannot hold `*`, `?` or `$` (rustc reports any other
/// type at the string, through the trait's `on_unimplemented` message).
fn part(
    krate: &TokenStream,
    chunk: &Chunk,
    lowered: &Lowered<'_>,
    mode_of: &dyn Fn(Slot) -> InsertMode,
) -> syn::Result<TokenStream> {
    match chunk {
        Chunk::Json(json) => Ok(quote!(#krate::__private::Part::Json(#json))),
        Chunk::Insert(id) => {
            let insertion = usize::try_from(*id)
                .ok()
                .and_then(|id| lowered.inserts.get(id))
                .ok_or_else(|| internal_error("an inserted value has no variable"))?;
            let place = place(insertion);
            let span = insertion.span;
            Ok(match mode_of(Slot::Hole(*id)) {
                InsertMode::Escape => {
                    quote_spanned!(span=> #krate::__private::Part::Escaped(&#place))
                }
                InsertMode::Verbatim => {
                    quote_spanned!(span=> #krate::__private::Part::Verbatim(&#place))
                }
                _ => quote_spanned!(span=> #krate::__private::Part::Unescapable(&#place)),
            })
        }
        Chunk::Value(id) => {
            let group = usize::try_from(*id)
                .ok()
                .and_then(|id| lowered.values.get(id))
                .ok_or_else(|| internal_error("a run-time value has no expression"))?;
            let span = group.span();
            Ok(match mode_of(Slot::Value(*id)) {
                InsertMode::Escape => {
                    quote_spanned!(span=> #krate::__private::Part::EscapedValue(&#group))
                }
                InsertMode::Verbatim => {
                    quote_spanned!(span=> #krate::__private::Part::VerbatimValue(&#group))
                }
                _ => quote_spanned!(span=> #krate::__private::Part::UnescapableValue(&#group)),
            })
        }
    }
}

/// `base.field.0...`, every token spanned at the string literal, so that rustc's errors
/// (an unknown variable, a type that is not `Display`) land on the string.
fn place(insertion: &Insertion<'_>) -> TokenStream {
    let span = insertion.span;
    let base = Ident::new(&insertion.path.base, span);
    let mut place = quote_spanned!(span=> #base);
    for field in &insertion.path.fields {
        match field {
            Field::Named(name) => {
                let name = Ident::new(name, span);
                place.extend(quote_spanned!(span=> . #name));
            }
            Field::Index(index) => {
                let mut index = Literal::u32_unsuffixed(*index);
                index.set_span(span);
                place.extend(quote_spanned!(span=> . #index));
            }
        }
    }
    place
}

fn internal_error(what: &str) -> syn::Error {
    syn::Error::new(
        Span::call_site(),
        format!("internal error in `policy!`: {what}; please report this"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{PolicyInput, parse_document, parse_input};
    use quote::quote;

    fn lowered_json(src: &str) -> Vec<Chunk> {
        let document = match parse_document(src.parse().expect("test input lexes")) {
            Ok(document) => document,
            Err(error) => panic!("{error}"),
        };
        json_chunks(&lower::lower(&document).view.root)
    }

    fn json(src: &str) -> String {
        match lowered_json(src).as_slice() {
            [Chunk::Json(json)] => json.clone(),
            other => panic!("not static: {other:?}"),
        }
    }

    #[test]
    fn minified_in_aws_order() {
        let src = r#"{
            "Statement": [
                {
                    "Condition": {"StringEquals": {"b": "1", "a": "2"}},
                    "Resource": "*",
                    "Custom": 1,
                    "Action": ["s3:GetObject", "s3:PutObject"],
                    "Effect": "Allow",
                    "NotResource": "x",
                    "Sid": "One",
                    "Another": 2,
                    "NotAction": "y",
                    "NotPrincipal": "z",
                    "Principal": "*",
                },
                {"Resource": "*", "Effect": "Deny"},
            ],
            "Extra": {"Statement": {"Resource": 1, "Effect": 2}},
            "Id": "id",
            "Version": "2012-10-17",
        }"#;
        assert_eq!(
            json(src),
            concat!(
                r#"{"Version":"2012-10-17","Id":"id","Statement":["#,
                r#"{"Sid":"One","Effect":"Allow","Principal":"*","NotPrincipal":"z","#,
                r#""Action":["s3:GetObject","s3:PutObject"],"NotAction":"y","Resource":"*","#,
                r#""NotResource":"x","Condition":{"StringEquals":{"b":"1","a":"2"}},"#,
                r#""Custom":1,"Another":2},"#,
                r#"{"Effect":"Deny","Resource":"*"}],"#,
                r#""Extra":{"Statement":{"Resource":1,"Effect":2}}}"#,
            )
        );
    }

    #[test]
    fn single_statement_object_is_ordered_too() {
        assert_eq!(
            json(
                r#"{"Statement": {"Resource": "*", "Action": "s3:*", "Effect": "Allow"}, "Version": "2012-10-17"}"#
            ),
            r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}"#
        );
    }

    #[test]
    fn scalars_as_written() {
        assert_eq!(
            json(r#"{"a": [1, -1, 1.50, -2.5E-3, 1e3, true, false, null, "", [], {}]}"#),
            r#"{"a":[1,-1,1.50,-2.5E-3,1e3,true,false,null,"",[],{}]}"#
        );
        assert_eq!(json("{}"), "{}");
    }

    #[test]
    fn strings_are_escaped() {
        assert_eq!(
            json(
                r#"{"q\"k": "a \"quoted\" back\\slash\n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f} ü € 😀 / {{x}} ${aws:username}"}"#
            ),
            "{\"q\\\"k\":\"a \\\"quoted\\\" back\\\\slash\\n\\r\\t\\b\\f\\u0001\\u001f\u{7f} ü € 😀 / {x} ${aws:username}\"}"
        );
        let mut out = String::new();
        iam_catalog::view::escape_json_into(&mut out, "\u{0}\u{1e}");
        assert_eq!(out, "\\u0000\\u001e");
    }

    #[test]
    fn raw_strings_are_escaped_on_output() {
        assert_eq!(json(r##"{"a": r#"x"y\z"#}"##), r#"{"a":"x\"y\\z"}"#);
    }

    #[test]
    fn holes_split_the_json() {
        assert_eq!(
            lowered_json(
                r#"{"Resource": ["arn:aws:s3:::{bucket}/*", "{k}"], "Version": (v), "N": 1}"#
            ),
            [
                Chunk::Json(r#"{"Version":"#.into()),
                Chunk::Value(0),
                Chunk::Json(r#","Resource":["arn:aws:s3:::"#.into()),
                Chunk::Insert(0),
                Chunk::Json(r#"/*",""#.into()),
                Chunk::Insert(1),
                Chunk::Json(r#""],"N":1}"#.into()),
            ]
        );
    }

    fn expand(tokens: TokenStream) -> String {
        policy(parse_input(tokens)).to_string()
    }

    #[test]
    fn static_policy_expands_to_from_static() {
        let expected = quote! {{
            ::iam_policy::__private::from_static(
                ::iam_policy::__private::PolicyKind::Trust,
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"
            )
        }};
        let got = expand(quote! {
            ::iam_policy, trust {
                "Statement": [{
                    "Action": "sts:AssumeRole",
                    "Principal": {"Service": "ec2.amazonaws.com"},
                    "Effect": "Allow",
                }],
                "Version": "2012-10-17",
            }
        });
        assert_eq!(got, expected.to_string());
    }

    #[test]
    fn policy_with_values_expands_to_render() {
        let expected = quote! {{
            krate::__private::render(
                krate::__private::PolicyKind::Identity,
                &[
                    krate::__private::Part::Json("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":[\"arn:aws:s3:::"),
                    krate::__private::Part::Escaped(&bucket),
                    krate::__private::Part::Json("/*\",\"arn:aws:s3:::"),
                    krate::__private::Part::Escaped(&self.cfg.0),
                    krate::__private::Part::Json("/*\"],\"Condition\":{\"StringEquals\":{\"aws:username\":"),
                    krate::__private::Part::EscapedValue(&(names())),
                    krate::__private::Part::Json("},\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":\""),
                    krate::__private::Part::Verbatim(&max),
                    krate::__private::Part::Json("\"}}},{\"Effect\":\"Allow\",\"Action\":[\"s3:"),
                    krate::__private::Part::Unescapable(&action),
                    krate::__private::Part::Json("\","),
                    krate::__private::Part::UnescapableValue(&(more())),
                    krate::__private::Part::Json("],\"Resource\":"),
                    krate::__private::Part::EscapedValue(&(any())),
                    krate::__private::Part::Json("}]}")
                ]
            )
        }};
        let got = expand(quote! {
            krate, {
                "Version": "2012-10-17",
                "Statement": [{
                    "Effect": "Allow",
                    "Action": "s3:GetObject",
                    "Resource": ["arn:aws:s3:::{bucket}/*", "arn:aws:s3:::{self.cfg.0}/*"],
                    "Condition": {
                        "StringEquals": {"aws:username": (names())},
                        "NumericLessThan": {"aws:MultiFactorAuthAge": "{max}"},
                    },
                }, {
                    "Effect": "Allow",
                    "Action": ["s3:{action}", (more())],
                    "Resource": (any()),
                }],
            }
        });
        assert_eq!(got, expected.to_string());
    }

    #[test]
    fn engine_errors_expand_to_errors_and_a_placeholder() {
        let got = expand(quote! {
            ::iam_policy, {
                "Version": "2012-10-17",
                "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}],
                "Bogus": 1,
            }
        });
        assert!(got.starts_with("{ :: core :: compile_error !"), "{got}");
        assert!(got.contains("[unknown-element]"), "{got}");
        assert!(
            got.ends_with(":: iam_policy :: __private :: placeholder () }"),
            "{got}"
        );
        assert!(!got.contains("from_static"), "{got}");
    }

    #[test]
    fn engine_warnings_come_before_the_value() {
        let got = expand(quote! {
            ::iam_policy, {
                "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}],
            }
        });
        assert!(got.starts_with("{ { # [deprecated (note = "), "{got}");
        assert!(got.contains("[missing-version]"), "{got}");
        assert!(
            got.contains("const fn missing_version () { } missing_version () ;"),
            "{got}"
        );
        assert!(
            got.contains(":: iam_policy :: __private :: from_static"),
            "{got}"
        );
        assert!(!got.contains("compile_error"), "{got}");
    }

    #[test]
    fn every_kind_has_its_variant() {
        for kind in PolicyKind::ALL {
            let path = kind_path(&quote!(k), kind).to_string();
            let name = kind.name();
            let variant = path.rsplit(' ').next().unwrap_or_default();
            assert!(variant.eq_ignore_ascii_case(name), "{path}");
        }
    }

    #[test]
    fn syntax_errors_expand_to_errors_and_a_placeholder() {
        let got = expand(quote!(::iam_policy, { "Version" "x" }));
        let expected = quote! {{
            ::core::compile_error! { "expected `:` after object key, found `\"x\"`" }
            ::iam_policy::__private::placeholder()
        }};
        assert_eq!(got, expected.to_string());
    }

    #[test]
    fn input_without_crate_path_expands_to_errors_only() {
        let got = policy(PolicyInput {
            krate: None,
            document: parse_document(quote!({})),
        })
        .to_string();
        assert!(got.contains("compile_error"), "{got}");
        assert!(!got.contains("placeholder"), "{got}");
    }
}

#[cfg(test)]
mod robustness {
    use super::*;
    use crate::parse::parse_input;

    const POLICY: &str = r#"::iam_policy, #![allow(missing-version)] trust {
        "Version": "2012-10-17",
        "Statement": [#[allow(unknown-element)] {
            "Sid": "A1", "Effect": "Allow",
            "Principal": {"AWS": ["arn:aws:iam::123456789012:root", "{who}"]},
            "Action": "sts:AssumeRole",
            "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": (age), "x": -1.5e3}},
            "Resource": "arn:aws:s3:::{bucket}/${aws:username}/{{x}}",
        }, {"Effect": "Deny", "NotAction": [true, false, null, []]}],
    }"#;

    /// Every input made by deleting one character, or cutting the text short, of a valid
    /// invocation expands to tokens without panicking.
    #[test]
    fn mangled_inputs_never_panic() {
        let chars: Vec<char> = POLICY.chars().collect();
        let mut tried = 0;
        for i in 0..chars.len() {
            let deleted: String = chars
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(_, c)| c)
                .collect();
            let cut: String = chars.iter().take(i).collect();
            for src in [deleted, cut] {
                if let Ok(tokens) = src.parse::<TokenStream>() {
                    tried += 1;
                    let out = policy(parse_input(tokens));
                    assert!(!out.is_empty(), "{src}");
                }
            }
        }
        assert!(tried > 200, "only {tried} inputs lexed");
    }

    /// Splices of JSON-ish fragments, chosen by a fixed pseudo-random sequence.
    #[test]
    fn random_fragments_never_panic() {
        const FRAGMENTS: &[&str] = &[
            "{",
            "}",
            "[",
            "]",
            "(",
            ")",
            ",",
            ":",
            "-",
            "#",
            "!",
            "\"Statement\"",
            "\"Version\"",
            "\"{a}\"",
            "\"{\"",
            "\"}\"",
            "\"${x}\"",
            "1",
            "-0.5",
            "1e9",
            "true",
            "null",
            "foo",
            "trust",
            "allow",
            "[allow(unknown-action)]",
            "(x)",
            "\"Effect\"",
            "\"Allow\"",
            "\"s3:GetObject\"",
            "\"*\"",
            "'c'",
            "b\"x\"",
            "{\"a\": 1}",
            "[1, 2,]",
            "=>",
            "..",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            usize::try_from(state % 1_000_003).unwrap_or(0)
        };
        for _ in 0..2000 {
            let len = next() % 24;
            let mut src = String::from("k, ");
            let mut depth = Vec::new();
            for _ in 0..len {
                let fragment = FRAGMENTS[next() % FRAGMENTS.len()];
                match fragment {
                    "{" | "[" | "(" => depth.push(fragment),
                    "}" | "]" | ")" if depth.is_empty() => continue,
                    "}" | "]" | ")" => {
                        let open = depth.pop().unwrap_or("{");
                        src.push_str(match open {
                            "{" => "}",
                            "[" => "]",
                            _ => ")",
                        });
                        src.push(' ');
                        continue;
                    }
                    _ => {}
                }
                src.push_str(fragment);
                src.push(' ');
            }
            while let Some(open) = depth.pop() {
                src.push_str(match open {
                    "{" => "}",
                    "[" => "]",
                    _ => ")",
                });
            }
            let tokens: TokenStream = src.parse().unwrap_or_else(|e| panic!("{src}: {e}"));
            let out = policy(parse_input(tokens));
            assert!(!out.is_empty(), "{src}");
        }
    }
}
