//! Condition key names as the catalog writes them: a templated key
//! (`aws:ResourceTag/${TagKey}`) stands for every key its template matches. The model
//! (which key of a service a name is) and the questions about keys (`query`) both read
//! this one matcher.

/// Whether a templated name (`aws:ResourceTag/${TagKey}`,
/// `codebuild:environment.environmentVariables/${name}.value`) matches `name`: the
/// literal parts compare ASCII case-insensitively, each `${...}` matches a non-empty run
/// of characters. A name without templates matches only itself.
pub fn template_matches(template: &str, name: &str) -> bool {
    let mut parts: Vec<Option<&str>> = Vec::new(); // None = placeholder
    let mut rest = template;
    while let Some(start) = rest.find("${") {
        let Some(len) = rest.get(start..).and_then(|s| s.find('}')) else {
            break;
        };
        if start > 0 {
            parts.push(rest.get(..start));
        }
        parts.push(None);
        rest = rest.get(start + len + 1..).unwrap_or_default();
    }
    if !rest.is_empty() {
        parts.push(Some(rest));
    }
    match_parts(&parts, name.as_bytes())
}

fn match_parts(parts: &[Option<&str>], name: &[u8]) -> bool {
    match parts.split_first() {
        None => name.is_empty(),
        Some((Some(literal), rest)) => {
            let literal = literal.as_bytes();
            name.len() >= literal.len()
                && name
                    .get(..literal.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(literal))
                && match_parts(rest, name.get(literal.len()..).unwrap_or_default())
        }
        Some((None, rest)) => {
            (1..=name.len()).any(|n| match_parts(rest, name.get(n..).unwrap_or_default()))
        }
    }
}
