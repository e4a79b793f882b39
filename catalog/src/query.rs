//! Queries over the catalog: wildcard expansion of action patterns, condition key
//! templates, and fitting a policy's resource pattern to a resource type's ARN formats.

use crate::model::{self, Action, ConditionKey, ResourceType, Service};
use crate::view::{Segment, Text};

pub use crate::pattern::{has_wildcard, wildcard_matches};

/// The services whose prefix matches the prefix part of an action pattern.
pub fn services_matching(prefix_pattern: &str) -> impl Iterator<Item = Service> + '_ {
    // A literal prefix is one lookup, not a scan.
    let (exact, scanned) = if has_wildcard(prefix_pattern) {
        (None, model::services().len())
    } else {
        (model::service(prefix_pattern), 0)
    };
    exact.into_iter().chain(
        model::services()
            .take(scanned)
            .filter(move |s| wildcard_matches(prefix_pattern, s.prefix())),
    )
}

/// Every action an action pattern (`s3:Get*`, `*:Describe*`, `ec2:*Instance?`, `*`)
/// matches, sorted by service and name. A pattern without `:` other than `*` matches
/// nothing.
pub fn expand(pattern: &str) -> Vec<Action> {
    let (prefix, name) = match pattern.split_once(':') {
        Some(parts) => parts,
        None if pattern.chars().all(|c| c == '*') && !pattern.is_empty() => ("*", "*"),
        None => return Vec::new(),
    };
    let mut out = Vec::new();
    let every = !name.is_empty() && name.bytes().all(|b| b == b'*');
    for service in services_matching(prefix) {
        if every {
            out.extend(service.actions());
        } else if has_wildcard(name) {
            push_matching(service, name, &mut out);
        } else if let Some(action) = service.action(name) {
            out.push(action);
        }
    }
    out
}

/// The actions of `service` whose name matches the wildcard pattern `name`, in name
/// order.
pub fn actions_matching(service: Service, name: &str) -> Vec<Action> {
    let mut out = Vec::new();
    push_matching(service, name, &mut out);
    out
}

/// Pushes the actions of `service` matching `name` onto `out`.
fn push_matching(service: Service, name: &str, out: &mut Vec<Action>) {
    each_matching(
        service.actions().len(),
        |index| service.action_at(index),
        name,
        |action| {
            out.push(action);
            true
        },
    );
}

/// Calls `found` with each action of a list whose name matches the wildcard pattern
/// `name`, in list order, until `found` returns `false`. The list has `count` actions,
/// `at` reads one, and it is sorted case-insensitively by name, as a service's actions
/// are (and any part of them in their order): a pattern with a literal head
/// (`Describe*`) bisects to the names starting with it instead of matching all of them.
pub(crate) fn each_matching(
    count: usize,
    at: impl Fn(usize) -> Option<Action>,
    name: &str,
    mut found: impl FnMut(Action) -> bool,
) {
    let head_len = name
        .bytes()
        .position(|b| b == b'*' || b == b'?')
        .unwrap_or(name.len());
    // The literal head in lowercase, on the stack: compared with the catalog's lowercase
    // names, each step is a slice comparison.
    let mut buffer = [0u8; 128];
    let Some(head) = buffer.get_mut(..head_len) else {
        return; // Longer than any action name.
    };
    head.copy_from_slice(name.as_bytes().get(..head_len).unwrap_or_default());
    head.make_ascii_lowercase();
    let head: &[u8] = head;
    let (mut lo, mut hi) = (0, count);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let before = at(mid).is_some_and(|a| {
            let n = a.name_lower().as_bytes();
            n.get(..head.len().min(n.len())).unwrap_or_default() < head
        });
        if before {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    // A literal name matches only itself; `Head*` every name with the head.
    let literal = head_len == name.len();
    let head_star = name.get(head_len..) == Some("*");
    for index in lo..count {
        let Some(action) = at(index) else {
            break;
        };
        let n = action.name_lower();
        if !n.as_bytes().starts_with(head) {
            break;
        }
        let matches = if literal {
            n.len() == head_len
        } else {
            head_star || wildcard_matches(name, n)
        };
        if matches && !found(action) {
            break;
        }
    }
}

pub use crate::keys::template_matches;

/// One piece of a pattern being fitted: a character class, once or repeated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// This exact character.
    Lit(char),
    /// Any character.
    Any,
    /// Any character but `/`.
    NoSlash,
    /// Any character but `:` (a region or account placeholder when fields may shift).
    NoColon,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Tok {
    class: Class,
    /// `false`: exactly one character; `true`: zero or more.
    repeat: bool,
}

impl Class {
    fn overlaps(self, other: Class) -> bool {
        match (self, other) {
            (Class::Lit(a), Class::Lit(b)) => a == b,
            (Class::Lit(c), Class::NoSlash) | (Class::NoSlash, Class::Lit(c)) => c != '/',
            (Class::Lit(c), Class::NoColon) | (Class::NoColon, Class::Lit(c)) => c != ':',
            _ => true,
        }
    }
}

/// A compiled glob: what one ARN field may be.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FieldPattern {
    toks: Vec<Tok>,
}

impl FieldPattern {
    fn push_lit(&mut self, c: char) {
        self.toks.push(Tok {
            class: Class::Lit(c),
            repeat: false,
        });
    }

    /// One or more characters of `class`.
    fn push_some(&mut self, class: Class) {
        self.toks.push(Tok {
            class,
            repeat: false,
        });
        self.toks.push(Tok {
            class,
            repeat: true,
        });
    }

    /// The field that matches exactly `text` (no wildcards: `*` and `?` are literal).
    pub fn literal_text(text: &str) -> FieldPattern {
        let mut field = FieldPattern::default();
        for c in text.chars() {
            field.push_lit(c);
        }
        field
    }

    /// Whether the field matches only the empty string.
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// Whether the field is literal text (no wildcard or unknown part), and which.
    pub fn literal(&self) -> Option<String> {
        self.toks
            .iter()
            .map(|t| match (t.class, t.repeat) {
                (Class::Lit(c), false) => Some(c),
                _ => None,
            })
            .collect()
    }

    /// Whether the field starts with a literal character (not a wildcard or an unknown
    /// part).
    pub fn starts_literal(&self) -> bool {
        self.toks
            .first()
            .is_some_and(|t| matches!(t.class, Class::Lit(_)) && !t.repeat)
    }

    /// Whether the field can match the empty string.
    pub fn can_be_empty(&self) -> bool {
        self.toks.iter().all(|t| t.repeat)
    }

    /// Whether some string matches both patterns (product automaton search).
    pub fn overlaps(&self, other: &FieldPattern) -> bool {
        let (a, b) = (&self.toks, &other.toks);
        // Most fields that do not overlap differ in a character both fix, at the start or
        // at the end (`instance/...` and `network-interface/...`): no search needed.
        let fixed = |t: &Tok| match (t.class, t.repeat) {
            (Class::Lit(c), false) => Some(c),
            _ => None,
        };
        let mut common = 0;
        for (ta, tb) in a.iter().zip(b) {
            match (fixed(ta), fixed(tb)) {
                (Some(x), Some(y)) if x != y => return false,
                (Some(_), Some(_)) => common += 1,
                _ => break,
            }
        }
        // The same literal text (`s3` and `s3`).
        if common == a.len() && common == b.len() {
            return true;
        }
        for (ta, tb) in a.iter().rev().zip(b.iter().rev()) {
            match (fixed(ta), fixed(tb)) {
                (Some(x), Some(y)) if x != y => return false,
                (Some(_), Some(_)) => {}
                _ => break,
            }
        }
        crate::pattern::reaches(a.len(), b.len(), |i, j, stack| {
            let ta = a.get(i);
            let tb = b.get(j);
            // Skip a repeated token (zero occurrences).
            if ta.is_some_and(|t| t.repeat) {
                stack.push((i + 1, j));
            }
            if tb.is_some_and(|t| t.repeat) {
                stack.push((i, j + 1));
            }
            // Consume one character matched by both.
            if let (Some(ta), Some(tb)) = (ta, tb)
                && ta.class.overlaps(tb.class)
            {
                let ni = if ta.repeat { i } else { i + 1 };
                let nj = if tb.repeat { j } else { j + 1 };
                if (ni, nj) != (i, j) || !(ta.repeat && tb.repeat) {
                    stack.push((ni, nj));
                }
                // Both repeated: consuming keeps the state; nothing new to explore.
            }
        })
    }
}

/// A policy resource (`arn:aws:s3:::my-bucket/*`) split into its six ARN fields, each a
/// pattern: `*` any run, `?` one character, an inserted value or a policy variable
/// (`${aws:username}`) an unknown non-empty run; `${*}`, `${?}`, `${$}` the literal
/// characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourcePattern {
    /// `arn` (or a wildcard).
    pub prefix: FieldPattern,
    /// The partition field.
    pub partition: FieldPattern,
    /// The service field.
    pub service: FieldPattern,
    /// The region field.
    pub region: FieldPattern,
    /// The account field.
    pub account: FieldPattern,
    /// The resource part (may contain `:` and `/`).
    pub resource: FieldPattern,
}

/// A character of a policy string, after policy variables are resolved to unknowns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PChar {
    Lit(char),
    Star,
    Question,
    Unknown,
}

/// Reads a policy string into characters: wildcards, literal characters, and unknowns
/// for inserted values and policy variables (malformed `${` is taken literally; the
/// policy-variable rule reports it).
fn policy_chars(text: &Text) -> Vec<PChar> {
    let mut out = Vec::new();
    for segment in text.segments() {
        match segment {
            Segment::Hole(_) => out.push(PChar::Unknown),
            Segment::Literal(s) if !s.as_bytes().contains(&b'$') => {
                // No variable: each character as it is (the common case, read at once).
                for c in s.chars() {
                    out.push(match c {
                        '*' => PChar::Star,
                        '?' => PChar::Question,
                        c => PChar::Lit(c),
                    });
                }
            }
            Segment::Literal(s) => {
                let mut rest = s.as_ref();
                while !rest.is_empty() {
                    if let Some(after) = rest.strip_prefix("${")
                        && let Some(end) = after.find('}')
                    {
                        let inner = after.get(..end).unwrap_or_default();
                        out.push(match inner {
                            "*" => PChar::Lit('*'),
                            "?" => PChar::Lit('?'),
                            "$" => PChar::Lit('$'),
                            _ => PChar::Unknown,
                        });
                        rest = after.get(end + 1..).unwrap_or_default();
                        continue;
                    }
                    let mut chars = rest.chars();
                    if let Some(c) = chars.next() {
                        out.push(match c {
                            '*' => PChar::Star,
                            '?' => PChar::Question,
                            c => PChar::Lit(c),
                        });
                    }
                    rest = chars.as_str();
                }
            }
        }
    }
    out
}

fn field_from_policy(chars: &[PChar]) -> FieldPattern {
    let mut field = FieldPattern::default();
    for c in chars {
        match c {
            PChar::Lit(c) => field.push_lit(*c),
            PChar::Star => field.toks.push(Tok {
                class: Class::Any,
                repeat: true,
            }),
            PChar::Question => field.toks.push(Tok {
                class: Class::Any,
                repeat: false,
            }),
            PChar::Unknown => field.push_some(Class::Any),
        }
    }
    field
}

/// Why a policy resource is not an ARN.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ArnError {
    /// It does not start with `arn:` (or a wildcard that can be it).
    NotAnArn,
    /// It has fewer than six `:`-separated fields.
    TooFewFields(usize),
}

impl ResourcePattern {
    /// Splits a policy resource into its fields. `*` alone is not an ARN; callers handle
    /// it first.
    pub fn parse(text: &Text) -> Result<ResourcePattern, ArnError> {
        let chars = policy_chars(text);
        let mut fields: Vec<&[PChar]> = Vec::with_capacity(6);
        let mut start = 0;
        for (i, c) in chars.iter().enumerate() {
            if fields.len() == 5 {
                break;
            }
            if *c == PChar::Lit(':') {
                fields.push(chars.get(start..i).unwrap_or_default());
                start = i + 1;
            }
        }
        if fields.len() < 5 {
            return Err(ArnError::TooFewFields(fields.len() + 1));
        }
        fields.push(chars.get(start..).unwrap_or_default());
        let mut patterns = fields.into_iter().map(field_from_policy);
        let mut next = || patterns.next().unwrap_or_default();
        let pattern = ResourcePattern {
            prefix: next(),
            partition: next(),
            service: next(),
            region: next(),
            account: next(),
            resource: next(),
        };
        if pattern.prefix.overlaps(&FieldPattern::literal_text("arn")) {
            Ok(pattern)
        } else {
            Err(ArnError::NotAnArn)
        }
    }
}

/// Placeholders whose AWS naming rules forbid characters that placeholders otherwise
/// match. Each entry: `(placeholder, forbidden character class, source)`.
pub const RESTRICTED_PLACEHOLDERS: &[(&str, &str, &str)] = &[(
    "BucketName",
    "no `/`",
    "Amazon S3 User Guide, \"General purpose bucket naming rules\": bucket names consist only of lowercase letters, numbers, periods and hyphens",
)];

/// A resource type's ARN format (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`),
/// split like [`ResourcePattern`]: `${...}` placeholders match any non-empty run (`/`
/// and `:` included) except those in [`RESTRICTED_PLACEHOLDERS`]; `*` in a format is
/// any run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatPattern {
    /// The partition field (`${Partition}` in every format).
    pub partition: FieldPattern,
    /// The service field.
    pub service: FieldPattern,
    /// The region field: empty where the resource type has no region.
    pub region: FieldPattern,
    /// The account field: empty where the resource type has no account.
    pub account: FieldPattern,
    /// The resource part.
    pub resource: FieldPattern,
}

/// `star_is_any`: a `*` of the text is any run (ARN formats) or the character `*` itself
/// (request ARNs, where the service puts a literal `*`, as in the `stack/*/*` of
/// `cloudformation:ListStacks`).
fn field_from_format(text: &str, star_is_any: bool) -> FieldPattern {
    let mut field = FieldPattern::default();
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("${")
            && let Some(end) = after.find('}')
        {
            let name = after.get(..end).unwrap_or_default();
            let class = if RESTRICTED_PLACEHOLDERS.iter().any(|(p, _, _)| *p == name) {
                Class::NoSlash
            } else {
                Class::Any
            };
            field.push_some(class);
            rest = after.get(end + 1..).unwrap_or_default();
            continue;
        }
        let mut chars = rest.chars();
        match chars.next() {
            Some('*') if star_is_any => field.toks.push(Tok {
                class: Class::Any,
                repeat: true,
            }),
            Some(c) => field.push_lit(c),
            None => {}
        }
        rest = chars.as_str();
    }
    field
}

impl FormatPattern {
    /// Splits an ARN format into its fields; `None` when it has fewer than six.
    pub fn parse(format: &str) -> Option<FormatPattern> {
        FormatPattern::split(format, true)
    }

    /// Reads the ARN a service authorizes a request on, written like a format
    /// (`arn:${Partition}:cloudformation:${Region}:${Account}:stack/*/*`): `${...}`
    /// placeholders match any non-empty run, every other character (`*` included) is
    /// itself. `None` when it has fewer than six fields.
    pub fn parse_request(arn: &str) -> Option<FormatPattern> {
        FormatPattern::split(arn, false)
    }

    fn split(format: &str, star_is_any: bool) -> Option<FormatPattern> {
        let fields = crate::arn::fields(format);
        let [_, partition, service, region, account, resource] = fields.as_slice() else {
            return None;
        };
        let field = |f: &str| field_from_format(f, star_is_any);
        Some(FormatPattern {
            partition: field(partition),
            service: field(service),
            region: field(region),
            account: field(account),
            resource: field(resource),
        })
    }
}

/// Whether a policy resource pattern and an ARN format can match one common ARN, field
/// by field (partition is checked separately by the engine), or across fields where the
/// policy allows it (see [`fits_across_fields`]).
pub fn fits_format(pattern: &ResourcePattern, format: &FormatPattern) -> bool {
    pattern.service.overlaps(&format.service)
        && ((pattern.region.overlaps(&format.region)
            && pattern.account.overlaps(&format.account)
            && pattern.resource.overlaps(&format.resource))
            || fits_across_fields(pattern, format))
}

/// Whether the pattern's region or account field ends with `*` and the pattern fits the
/// format when that `*` runs on over the following `:`s. IAM User Guide, "IAM JSON policy
/// elements: Resource": "If the wildcard (`*`) is the last character of a resource ARN
/// segment, it can expand to match beyond colon boundaries" — so
/// `arn:aws:secretsmanager:*:*:sqlworkbench!*` names the secrets
/// `arn:aws:secretsmanager:us-east-1:123456789012:secret:sqlworkbench!...`, and
/// `arn:aws:logs:*:*:/aws-glue/*` the log groups `/aws-glue/...`.
///
/// Here the format's placeholders match no `:`: once the policy's `*` may take any run
/// of fields, placeholders that also took `:` would let `arn:aws:dynamodb:*:*:stream/x`
/// fit tables (through a table name `t:stream/x`, which `DynamoDB` does not allow). The
/// field-by-field comparison, tried first, keeps `:` in placeholders (RDS snapshot names
/// have one). The service field is not compared here (it takes no wildcard; callers
/// compare it).
pub fn fits_across_fields(pattern: &ResourcePattern, format: &FormatPattern) -> bool {
    let ends_with_star = |f: &FieldPattern| {
        f.toks
            .last()
            .is_some_and(|t| t.repeat && t.class == Class::Any)
    };
    if !ends_with_star(&pattern.region) && !ends_with_star(&pattern.account) {
        return false;
    }
    let within = |f: &FieldPattern| -> Vec<Tok> {
        f.toks
            .iter()
            .map(|t| match t.class {
                Class::Any => Tok {
                    class: Class::NoColon,
                    repeat: t.repeat,
                },
                _ => *t,
            })
            .collect()
    };
    // The policy's `:`s can only meet the format's literal `:`s, so beyond the field by
    // field alignment the policy's resource part starts after a `:` of the format's
    // resource part: a quick test before the full one (most formats have no `:` there).
    let mut colon = false;
    for t in &format.resource.toks {
        colon |= matches!(t.class, Class::Lit(':'));
    }
    if !colon {
        return false;
    }
    let mut after_colons = format
        .resource
        .toks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.class == Class::Lit(':'))
        .map(|(i, _)| FieldPattern {
            toks: within(&FieldPattern {
                toks: format
                    .resource
                    .toks
                    .get(i + 1..)
                    .unwrap_or_default()
                    .to_vec(),
            }),
        });
    if !after_colons.any(|suffix| pattern.resource.overlaps(&suffix)) {
        return false;
    }
    let colon = Tok {
        class: Class::Lit(':'),
        repeat: false,
    };
    let join = |parts: [&[Tok]; 3]| {
        let mut toks = Vec::new();
        for (i, part) in parts.into_iter().enumerate() {
            if i > 0 {
                toks.push(colon);
            }
            toks.extend_from_slice(part);
        }
        FieldPattern { toks }
    };

    let policy = join([
        &pattern.region.toks,
        &pattern.account.toks,
        &pattern.resource.toks,
    ]);
    let shape = join([
        &within(&format.region),
        &within(&format.account),
        &within(&format.resource),
    ]);
    policy.overlaps(&shape)
}

/// Whether a policy resource pattern fits any ARN format of a resource type.
pub fn fits(pattern: &ResourcePattern, resource_type: ResourceType) -> bool {
    resource_type
        .arn_formats()
        .filter_map(FormatPattern::parse)
        .any(|format| fits_format(pattern, &format))
}

/// The condition keys listed under one prefix (`aws`, `s3`), across services.
#[derive(Debug, Default)]
#[non_exhaustive]
pub struct KeysOfPrefix {
    /// The services that list a key of the prefix, in catalog order.
    pub services: Vec<Service>,
    /// The distinct templated keys of the prefix (`aws:ResourceTag/${TagKey}`, and keys
    /// written `.../tag-key`), each as the first service lists it.
    pub templates: Vec<ConditionKey>,
}

/// What the catalog lists under a condition-key prefix (ASCII case-insensitively): mostly
/// one service's own keys; for `aws`, the global keys each service lists; and the few
/// keys a reference page lists under another service's prefix (`catalog:ChangeType` under
/// `aws-marketplace`). Built once per process on first use, so resolving an unknown key
/// costs a hash lookup and a few template matches, not a scan of every service's keys
/// (about 2 ms per key in a debug build).
pub fn keys_of_prefix(prefix: &str) -> &'static KeysOfPrefix {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    static INDEX: OnceLock<HashMap<String, KeysOfPrefix>> = OnceLock::new();
    static EMPTY: KeysOfPrefix = KeysOfPrefix {
        services: Vec::new(),
        templates: Vec::new(),
    };
    let index = INDEX.get_or_init(|| {
        let mut index: HashMap<String, KeysOfPrefix> = HashMap::new();
        for service in model::services() {
            for key in service.condition_keys() {
                let Some((p, _)) = key.name().split_once(':') else {
                    continue;
                };
                let entry = index.entry(p.to_ascii_lowercase()).or_default();
                if entry.services.last() != Some(&service) {
                    entry.services.push(service);
                }
                let templated = key.is_templated() || key.name().ends_with("/tag-key");
                if templated
                    && !entry
                        .templates
                        .iter()
                        .any(|t| t.name().eq_ignore_ascii_case(key.name()))
                {
                    entry.templates.push(key);
                }
            }
        }
        index
    });
    index.get(&prefix.to_ascii_lowercase()).unwrap_or(&EMPTY)
}

/// The partitions AWS has.
pub const PARTITIONS: &[&str] = &[
    "aws",
    "aws-cn",
    "aws-us-gov",
    "aws-iso",
    "aws-iso-b",
    "aws-iso-e",
    "aws-iso-f",
    "aws-eusc",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(s: &str) -> ResourcePattern {
        ResourcePattern::parse(&Text::literal(s)).unwrap()
    }

    fn fits_type(resource: &str, action: &str, type_name: &str) -> bool {
        let action = model::action(action).unwrap();
        let rt = action
            .resource_types()
            .map(model::ActionResource::resource_type)
            .find(|r| r.name() == type_name)
            .unwrap();
        fits(&pattern(resource), rt)
    }

    #[test]
    fn expansion_covers_services_and_names() {
        let gets = expand("s3:Get*");
        assert!(gets.iter().any(|a| a.name() == "GetObject"));
        assert!(gets.iter().all(|a| a.service().prefix() == "s3"));
        let describes = expand("*:Describe*");
        assert!(
            describes
                .iter()
                .any(|a| a.to_string() == "ec2:DescribeInstances")
        );
        assert!(describes.iter().any(|a| a.service().prefix() == "rds"));
        let instances = expand("ec2:*Instance?");
        assert!(instances.iter().any(|a| a.name() == "DescribeInstances"));
        assert!(instances.iter().any(|a| a.name() == "RunInstances"));
        assert!(!instances.iter().any(|a| a.name() == "DescribeImages"));
        assert_eq!(expand("s3:GetObject").len(), 1);
        assert!(expand("s3:NoSuch*").is_empty());
        assert!(expand("nosuch:*").is_empty());
        assert!(expand("GetObject").is_empty());
        assert!(expand("*").len() > 20_000);
        assert_eq!(services_matching("S3").count(), 1);
        let s3 = model::service("s3").unwrap();
        let lists = actions_matching(s3, "list*");
        assert!(lists.iter().any(|a| a.name() == "ListBucket"));
        assert!(lists.iter().all(|a| a.name().starts_with("List")));
        assert_eq!(
            actions_matching(s3, "*Object").len(),
            s3.actions()
                .filter(|a| a.name().ends_with("Object"))
                .count()
        );
        assert!(actions_matching(s3, "Zzz*").is_empty());
        assert_eq!(actions_matching(s3, "GetObject").len(), 1);
        assert_eq!(services_matching("nosuch").count(), 0);
        assert!(services_matching("s*").count() > 10);
    }

    #[test]
    fn templates_match_anywhere() {
        assert!(template_matches(
            "aws:ResourceTag/${TagKey}",
            "aws:resourcetag/Project"
        ));
        assert!(!template_matches(
            "aws:ResourceTag/${TagKey}",
            "aws:ResourceTag/"
        ));
        assert!(template_matches(
            "codebuild:environment.environmentVariables/${name}.value",
            "codebuild:environment.environmentVariables/X.value"
        ));
        assert!(!template_matches(
            "codebuild:environment.environmentVariables/${name}.value",
            "codebuild:environment.environmentVariables/X.type"
        ));
        assert!(template_matches("s3:prefix", "S3:Prefix"));
        assert!(!template_matches("s3:prefix", "s3:prefixes"));
    }

    #[test]
    fn resources_fit_their_types() {
        // S3: `b/*` is an object, not a bucket (bucket names have no `/`).
        assert!(fits_type("arn:aws:s3:::b/*", "s3:GetObject", "object"));
        assert!(!fits_type("arn:aws:s3:::b/*", "s3:ListBucket", "bucket"));
        assert!(fits_type("arn:aws:s3:::b", "s3:ListBucket", "bucket"));
        assert!(fits_type("arn:aws:s3:::*", "s3:ListBucket", "bucket"));
        assert!(!fits_type(
            "arn:aws:s3:::*/CodeDeploy/*",
            "s3:ListBucket",
            "bucket"
        ));
        // A region where buckets have none.
        assert!(!fits_type(
            "arn:aws:s3:us-east-1::b",
            "s3:ListBucket",
            "bucket"
        ));
        // Placeholders match `/` and `:` elsewhere (log groups).
        assert!(fits_type(
            "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f:log-stream:*",
            "logs:CreateLogStream",
            "log-stream"
        ));
        // Wrong service.
        assert!(!fits_type(
            "arn:aws:sqs:us-east-1:123456789012:q",
            "s3:GetObject",
            "object"
        ));
        // Wildcards across the region and account fields.
        assert!(fits_type(
            "arn:aws:dynamodb:*:*:table/Orders",
            "dynamodb:GetItem",
            "table"
        ));
        assert!(!fits_type(
            "arn:aws:dynamodb:*:*:stream/Orders",
            "dynamodb:GetItem",
            "table"
        ));
    }

    #[test]
    fn a_star_ending_a_field_runs_across_colons() {
        // `*` ends the account field: it runs on over `:secret`.
        assert!(fits_type(
            "arn:aws:secretsmanager:*:*:sqlworkbench!*",
            "secretsmanager:GetSecretValue",
            "Secret"
        ));
        assert!(fits_type(
            "arn:aws:secretsmanager:us-east-1:*:my-secret-*",
            "secretsmanager:GetSecretValue",
            "Secret"
        ));
        // Without a final `*`, fields stay fields.
        assert!(!fits_type(
            "arn:aws:secretsmanager:us-east-1:123456789012:my-secret-*",
            "secretsmanager:GetSecretValue",
            "Secret"
        ));
        assert!(!fits_type(
            "arn:aws:s3:us-east-1::b",
            "s3:ListBucket",
            "bucket"
        ));
        // The format's own placeholders do not swallow `:`.
        assert!(!fits_type(
            "arn:aws:sqs:us-east-1*::q",
            "sqs:SendMessage",
            "queue"
        ));
    }

    #[test]
    fn inserted_values_and_variables_are_unknown_text() {
        let text = Text::from_segments(vec![
            Segment::Literal("arn:aws:s3:::".into()),
            Segment::Hole(0),
            Segment::Literal("/${aws:username}/*".into()),
        ]);
        let p = ResourcePattern::parse(&text).unwrap();
        let object = model::service("s3")
            .unwrap()
            .resource_type("object")
            .unwrap();
        let bucket = model::service("s3")
            .unwrap()
            .resource_type("bucket")
            .unwrap();
        assert!(fits(&p, object));
        assert!(!fits(&p, bucket));
    }

    #[test]
    fn malformed_arns_are_rejected() {
        assert_eq!(
            ResourcePattern::parse(&Text::literal("arn:aws:s3")),
            Err(ArnError::TooFewFields(3))
        );
        assert_eq!(
            ResourcePattern::parse(&Text::literal("urn:aws:s3:::b")),
            Err(ArnError::NotAnArn)
        );
        assert!(ResourcePattern::parse(&Text::literal("*:*:*:*:*:*")).is_ok());
    }

    #[test]
    fn each_matching_finds_what_matching_every_name_finds() {
        let ec2 = model::service("ec2").unwrap();
        let all: Vec<Action> = ec2.actions().collect();
        for name in [
            "Describe*",
            "describe*",
            "*Instances",
            "Run?nstances",
            "RunInstances",
            "runinstances",
            "Describe*Attribute",
            "*",
            "**",
            "Nope*",
            "",
        ] {
            let mut found = Vec::new();
            each_matching(
                all.len(),
                |i| all.get(i).copied(),
                name,
                |a| {
                    found.push(a);
                    true
                },
            );
            let expected: Vec<Action> = all
                .iter()
                .copied()
                .filter(|a| wildcard_matches(name, a.name()))
                .collect();
            assert_eq!(found, expected, "{name}");
        }
        // A part of the list, and a stop after the first match.
        let part: Vec<Action> = all.iter().copied().step_by(7).collect();
        let mut first = None;
        each_matching(
            part.len(),
            |i| part.get(i).copied(),
            "Describe*",
            |a| {
                first.get_or_insert(a);
                false
            },
        );
        assert_eq!(
            first,
            part.iter()
                .copied()
                .find(|a| a.name().starts_with("Describe"))
        );
    }

    #[test]
    fn overlaps_answers_literal_ends_as_the_search_does() {
        let field = |s: &str| field_from_format(s, true);
        for (a, b, expected) in [
            ("s3", "s3", true),
            ("s3", "s4", false),
            ("s3", "s3x", false),
            ("instance/abc", "network-interface/*", false),
            ("abc/x", "*/y", false),
            ("abc/x", "*/x", true),
            ("a*c", "abc", true),
            ("", "", true),
            ("", "*", true),
            ("a", "", false),
        ] {
            assert_eq!(field(a).overlaps(&field(b)), expected, "{a} {b}");
            assert_eq!(field(b).overlaps(&field(a)), expected, "{b} {a}");
        }
    }
}
