//! Policies where they live: CloudFormation templates (JSON or YAML) and Terraform plans
//! (`terraform show -json`). Each front end finds the policy documents of a file, lowers
//! them into the engine's [`PolicyView`] with locations in the file, and runs the engine
//! with the policy type the property implies. No rule is judged here.

pub mod cfn;
pub mod terraform;
pub mod yaml;

use iam_catalog::check::check_with;
use iam_catalog::{Node, PolicyKind, PolicyView};
use iam_policy::json::{self, SyntaxError};
use iam_policy::{Code, Diagnostic, JsonLocation, ValidateOptions};

/// How `check` reads a file (`--input`).
#[derive(Clone, Copy, PartialEq, Eq, Debug, clap::ValueEnum)]
pub enum Input {
    /// Recognise the file: a Terraform plan, a CloudFormation template, or a policy.
    Auto,
    /// A CloudFormation template, JSON or YAML.
    Cfn,
    /// A Terraform plan in JSON (`terraform show -json PLANFILE`).
    Terraform,
    /// One IAM policy document in JSON, of the type `--kind` names.
    Policy,
}

/// What a file turned out to be.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Format {
    /// A policy document.
    Policy,
    /// A CloudFormation template.
    Cfn,
    /// A Terraform plan.
    Terraform,
    /// A YAML file that is not a CloudFormation template.
    OtherYaml,
}

impl Format {
    /// The name in JSON output.
    pub fn name(self) -> &'static str {
        match self {
            Format::Policy => "policy",
            Format::Cfn => "cloudformation",
            Format::Terraform => "terraform-plan",
            Format::OtherYaml => "yaml",
        }
    }
}

/// How serious a [`Note`] is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NoteLevel {
    /// The file could not be read as its format (a YAML syntax error): exit status 1.
    Error,
    /// Part of the file could not be checked (a whole document computed at deploy time).
    Warning,
    /// For information (a YAML file that is not a template).
    Note,
}

impl NoteLevel {
    /// `error`, `warning`, `note` (SARIF's level names too).
    pub fn as_str(self) -> &'static str {
        match self {
            NoteLevel::Error => "error",
            NoteLevel::Warning => "warning",
            NoteLevel::Note => "note",
        }
    }
}

/// A message about the file rather than about a policy: what could not be read or
/// checked. Findings on policies are [`Diagnostic`]s with codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// How serious.
    pub level: NoteLevel,
    /// What, lowercase, no final period.
    pub message: String,
    /// Where.
    pub loc: JsonLocation,
}

/// What a file holds, checked.
#[derive(Debug, Default)]
pub struct Report {
    /// Findings on its policies, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// Messages about the file.
    pub notes: Vec<Note>,
    /// Policy documents found.
    pub found: usize,
    /// Policy documents the engine checked (found less those computed at deploy or
    /// apply time).
    pub checked: usize,
    /// The service of the resource policy being checked, when its resource type says it
    /// (see [`resource_policy_service`]); `None` otherwise.
    service: Option<&'static str>,
}

/// The service whose resource policy a template resource type holds, where the service
/// has rules of its own: ECR repository policies name no `Resource` (Amazon ECR User
/// Guide, "Private repository policy examples"). CloudFormation `AWS::ECR::Repository`
/// (`RepositoryPolicyText`) and Terraform `aws_ecr_repository_policy` (`policy`).
pub fn resource_policy_service(resource_type: &str) -> Option<&'static str> {
    match resource_type {
        "AWS::ECR::Repository" | "aws_ecr_repository_policy" => Some("ecr"),
        _ => None,
    }
}

impl Report {
    fn note(&mut self, level: NoteLevel, loc: &JsonLocation, message: impl Into<String>) {
        self.notes.push(Note {
            level,
            message: message.into(),
            loc: loc.clone(),
        });
    }

    /// Runs the engine on the located document `root` as a policy of type `kind`,
    /// naming `owner` (a logical id or an address, with the property) in each message.
    fn check(
        &mut self,
        root: Node<'_, JsonLocation>,
        kind: PolicyKind,
        owner: &str,
        options: &ValidateOptions,
    ) {
        self.checked += 1;
        let (root, locations) = root.numbered();
        let found = check_with(
            &PolicyView::new(root),
            kind,
            &match self.service {
                Some(service) => options.clone().for_service(service),
                None => options.clone(),
            },
        );
        self.diagnostics.extend(found.into_iter().map(|d| {
            let mut d: Diagnostic = d.map_loc(|loc| {
                locations
                    .get(loc.index())
                    .cloned()
                    .unwrap_or_else(JsonLocation::start)
            });
            d.message = format!("{owner}: {}", d.message);
            d
        }));
    }

    /// An `invalid-json` finding for a policy held as JSON text that does not parse.
    fn invalid_json(&mut self, error: SyntaxError, owner: &str, options: &ValidateOptions) {
        self.checked += 1;
        if !options.allow.contains(&Code::InvalidJson) {
            self.diagnostics.push(Diagnostic::new(
                Code::InvalidJson,
                error.loc,
                format!("{owner}: the policy text is not JSON: {}", error.message),
            ));
        }
    }
}

/// Line starts of a text, to turn a (line, column) into a position.
pub struct Lines<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> Lines<'t> {
    /// Indexes `text` (after a byte order mark, as the readers count).
    pub fn new(text: &'t str) -> Self {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { text, starts }
    }

    /// The text of 1-based `line` from 1-based character `column` on.
    fn rest(&self, line: usize, column: usize) -> Option<&'t str> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let line_text = self.text.get(start..)?;
        let offset = line_text
            .char_indices()
            .nth(column.checked_sub(1)?)
            .map(|(i, _)| i)?;
        line_text.get(offset..)
    }
}

/// Reads JSON text held in a string value into a located tree. When the string is a
/// JSON string literal in the file (`exact`: Terraform plans, JSON templates), each
/// value is located at its own character inside the literal, escapes counted; otherwise
/// (YAML scalars) every value is located at the string. Pointers continue the string's
/// pointer into the embedded document (`/…/values/policy/Statement/0/Action`).
fn parse_embedded<'t>(
    lines: &Lines<'_>,
    string: &Node<'_, JsonLocation>,
    text: &'t str,
    exact: bool,
) -> Result<Node<'t, JsonLocation>, SyntaxError> {
    let columns = if exact {
        literal_columns(lines, &string.loc)
    } else {
        None
    };
    // The start (in characters) of each line of the embedded text.
    let mut line_starts = vec![0usize];
    let mut count = 0usize;
    for c in text.chars() {
        count += 1;
        if c == '\n' {
            line_starts.push(count);
        }
    }
    let place = |loc: &JsonLocation| -> JsonLocation {
        let pointer = format!("{}{}", string.loc.pointer, loc.pointer);
        let column = columns.as_ref().and_then(|columns| {
            let index = line_starts.get(loc.line.checked_sub(1)?)? + loc.column.checked_sub(1)?;
            columns.get(index).copied()
        });
        match column {
            Some(column) => JsonLocation {
                pointer,
                line: string.loc.line,
                column,
            },
            None => JsonLocation {
                pointer,
                ..string.loc.clone()
            },
        }
    };
    match json::parse(text) {
        Ok(node) => Ok(node.map_locs(&mut |loc| place(&loc))),
        Err(error) => Err(SyntaxError {
            message: error.message,
            loc: place(&error.loc),
        }),
    }
}

/// For a JSON string literal at `loc`, the file column of each decoded character (and
/// one past the last). `None` when the text there is not a one-line string literal.
fn literal_columns(lines: &Lines<'_>, loc: &JsonLocation) -> Option<Vec<usize>> {
    let rest = lines.rest(loc.line, loc.column)?;
    let mut chars = rest.chars();
    if chars.next()? != '"' {
        return None;
    }
    let mut columns = Vec::new();
    let mut column = loc.column + 1;
    loop {
        let c = chars.next()?;
        match c {
            '"' => {
                columns.push(column);
                return Some(columns);
            }
            '\\' => {
                let e = chars.next()?;
                if e == 'u' {
                    let hex: String = chars.by_ref().take(4).collect();
                    let code = u32::from_str_radix(&hex, 16).ok()?;
                    if (0xD800..0xDC00).contains(&code) {
                        // A surrogate pair: `\uD83D\uDE00` is one character.
                        let _: String = chars.by_ref().take(6).collect();
                        columns.push(column);
                        column += 12;
                    } else {
                        columns.push(column);
                        column += 6;
                    }
                } else {
                    columns.push(column);
                    column += 2;
                }
            }
            '\n' => return None,
            _ => {
                columns.push(column);
                column += 1;
            }
        }
    }
}

/// The member `key` of an object node.
fn get<'n, L>(node: &'n Node<'n, L>, key: &str) -> Option<&'n Node<'n, L>> {
    node.as_object()?
        .iter()
        .find(|m| m.key == key)
        .map(|m| &m.value)
}

/// Whether a JSON root is a Terraform plan: `format_version` with `planned_values` or
/// `resource_changes` (the JSON output format of `terraform show -json`).
pub fn is_terraform_plan<L>(root: &Node<'_, L>) -> bool {
    get(root, "format_version").is_some()
        && (get(root, "planned_values").is_some() || get(root, "resource_changes").is_some())
}

/// Whether a root is a CloudFormation template: `AWSTemplateFormatVersion`, or
/// `Resources` with a resource whose `Type` starts with `AWS::`.
pub fn is_cfn_template<L>(root: &Node<'_, L>) -> bool {
    get(root, "AWSTemplateFormatVersion").is_some()
        || get(root, "Resources")
            .and_then(Node::as_object)
            .is_some_and(|resources| {
                resources.iter().any(|r| {
                    get(&r.value, "Type")
                        .and_then(Node::as_literal)
                        .is_some_and(|t| t.starts_with("AWS::"))
                })
            })
}

/// Whether a path names a YAML file (`.yaml`, `.yml`) or a CloudFormation `.template`.
pub fn is_yaml_path(path: &str) -> bool {
    std::path::Path::new(path).extension().is_some_and(|e| {
        ["yaml", "yml", "template"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    })
}

/// The start of a file, where notes about the whole file stand.
/// What one file's text is, once read as `input` says.
pub enum Read<'t> {
    /// A template or plan (or YAML that is neither), checked.
    Template(Format, Report),
    /// A policy document, for the caller's plain policy check: with the tree when the
    /// text was read as JSON already.
    Policy(Option<Node<'t>>),
}

/// Reads one file's text as `input` says, checking templates and plans.
pub fn check_text<'t>(
    path: &str,
    text: &'t str,
    input: Input,
    options: &ValidateOptions,
) -> Read<'t> {
    let looks_json = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{');
    match input {
        Input::Policy => Read::Policy(None),
        Input::Terraform => match json::parse(text) {
            Ok(root) => Read::Template(Format::Terraform, terraform::check(&root, text, options)),
            Err(error) => Read::Template(Format::Terraform, syntax_report(error, "JSON", options)),
        },
        Input::Cfn => Read::Template(Format::Cfn, read_cfn(text, looks_json, options)),
        Input::Auto if looks_json || !is_yaml_path(path) => {
            // Read without locations: most files are policies, which the caller checks
            // from this tree; a template or plan gets its located tree.
            let Ok(root) = json::read(text) else {
                // A YAML template without a YAML name (standard input, `cfn.txt`).
                return match yaml::parse(text) {
                    Ok(root) if !looks_json && is_cfn_template(&root) => {
                        Read::Template(Format::Cfn, cfn::check(&root, text, false, options))
                    }
                    _ => Read::Policy(None),
                };
            };
            if is_terraform_plan(&root) {
                let root = json::located(text, root);
                Read::Template(Format::Terraform, terraform::check(&root, text, options))
            } else if is_cfn_template(&root) {
                let root = json::located(text, root);
                Read::Template(Format::Cfn, cfn::check(&root, text, true, options))
            } else {
                Read::Policy(Some(root))
            }
        }
        Input::Auto => match yaml::parse(text) {
            Ok(root) if is_cfn_template(&root) => {
                Read::Template(Format::Cfn, cfn::check(&root, text, false, options))
            }
            Ok(_) => {
                let mut report = Report::default();
                report.note(
                    NoteLevel::Note,
                    &JsonLocation::start(),
                    "not a CloudFormation template (no `AWSTemplateFormatVersion`, no `Resources` of `AWS::` types); nothing checked",
                );
                Read::Template(Format::OtherYaml, report)
            }
            Err(error) => Read::Template(Format::Cfn, syntax_report(error, "YAML", options)),
        },
    }
}

/// A file read as a template (`--input cfn`): JSON when it looks like JSON, else YAML.
fn read_cfn(text: &str, looks_json: bool, options: &ValidateOptions) -> Report {
    let parsed = if looks_json {
        json::parse(text).map(|root| (root, true))
    } else {
        yaml::parse(text).map(|root| (root, false))
    };
    match parsed {
        Ok((root, exact)) => cfn::check(&root, text, exact, options),
        Err(error) => syntax_report(error, if looks_json { "JSON" } else { "YAML" }, options),
    }
}

/// The report of a file that does not parse: JSON syntax errors are `invalid-json`
/// findings, as for policy files; YAML ones are error notes.
fn syntax_report(error: SyntaxError, format: &str, options: &ValidateOptions) -> Report {
    let mut report = Report::default();
    if format == "JSON" {
        if !options.allow.contains(&Code::InvalidJson) {
            report
                .diagnostics
                .push(Diagnostic::new(Code::InvalidJson, error.loc, error.message));
        }
    } else {
        report.note(
            NoteLevel::Error,
            &error.loc,
            format!("the file is not valid YAML: {}", error.message),
        );
    }
    report
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        clippy::indexing_slicing,
        reason = "a test fails by panicking"
    )]
    use super::*;

    #[test]
    fn embedded_json_is_located_inside_the_literal() {
        let file = r#"{"policy": "{\"Action\": \"s3:X\u00e9\", \"B\": 1}"}"#;
        let root = json::parse(file).unwrap();
        let string = get(&root, "policy").unwrap();
        let text = string.as_literal().unwrap().to_owned();
        let lines = Lines::new(file);
        let inner = parse_embedded(&lines, string, &text, true).unwrap();
        let action = get(&inner, "Action").unwrap();
        assert_eq!(action.loc.pointer, "/policy/Action");
        // The value `"s3:X..."` starts at the escape of its quote in the file (`\"`).
        let at = file.find(r#"\"s3"#).unwrap();
        assert_eq!(action.loc.column, at + 1);
        let b = get(&inner, "B").unwrap();
        assert_eq!(b.loc.column, file.find("1}").unwrap() + 1);
        // Not exact: everything at the string.
        let inner = parse_embedded(&lines, string, &text, false).unwrap();
        assert_eq!(get(&inner, "Action").unwrap().loc.column, string.loc.column);
    }

    #[test]
    fn formats_are_recognised() {
        let plan = json::parse(r#"{"format_version": "1.2", "planned_values": {}}"#).unwrap();
        assert!(is_terraform_plan(&plan) && !is_cfn_template(&plan));
        let cfn = json::parse(r#"{"Resources": {"R": {"Type": "AWS::IAM::Role"}}}"#).unwrap();
        assert!(is_cfn_template(&cfn) && !is_terraform_plan(&cfn));
        let policy = json::parse(r#"{"Version": "2012-10-17", "Statement": []}"#).unwrap();
        assert!(!is_cfn_template(&policy) && !is_terraform_plan(&policy));
        assert!(is_yaml_path("a/b.YML") && is_yaml_path("x.template") && !is_yaml_path("p.json"));
    }

    proptest::proptest! {
        #[test]
        fn never_panics_on_template_like_garbage(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Resources:", "\n  R:", "\n    Type: AWS::IAM::Role", "\n    Properties:",
                    "\n      AssumeRolePolicyDocument:", "\n      Policies:", "\n        - ",
                    "PolicyDocument: ", "{", "}", "[", "]", ",", ":", " ", "\n", "!Sub ",
                    "!Ref ", "!GetAtt ", "!Join ", "!If ", "'${A}", "${!x}", "\"", "'",
                    "Statement", "Action: s3:*", "Fn::Sub", "&a ", "*a", "---", "é", "\t",
                    "AWS::NoValue", "Resource: '*'", "{\"Ref\": \"P\"}", "- ", "? ",
                ]),
                0..40,
            )
        ) {
            let text = pieces.concat();
            let options = ValidateOptions::default();
            for input in [Input::Auto, Input::Cfn] {
                let _ = check_text("t.yaml", &text, input, &options);
            }
        }

        #[test]
        fn never_panics_on_plan_like_garbage(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "{", "}", "[", "]", ",", ":", "\"format_version\"", "\"planned_values\"",
                    "\"root_module\"", "\"resources\"", "\"child_modules\"", "\"values\"",
                    "\"policy\"", "\"type\"", "\"aws_iam_policy\"", "\"address\"",
                    "\"mode\"", "\"data\"", "\"aws_iam_policy_document\"", "\"statement\"",
                    "\"actions\"", "\"resource_changes\"", "\"after_unknown\"", "true",
                    "null", "\"{\\\"Statement\\\":[]}\"", "\"x\"", "1",
                ]),
                0..48,
            )
        ) {
            let text = pieces.concat();
            let options = ValidateOptions::default();
            let _ = check_text("plan.json", &text, Input::Terraform, &options);
            let _ = check_text("plan.json", &text, Input::Auto, &options);
        }

        /// Real templates and a plan with a piece cut out and text put in: every
        /// truncation and splice of a valid file.
        #[test]
        fn never_panics_on_damaged_files(
            which in 0usize..4,
            at in 0usize..6000,
            cut in 0usize..64,
            insert in proptest::sample::select(vec![
                "", "!Ref", "{", "]", "\\u12", "\\\"", "${", "${!", "Fn::If", "null",
                "\n  - ", "é", ": ", "[", "\"", "'",
            ]),
        ) {
            let files = [
                include_str!("../../tests/fixtures/cfn/broken/broken.yaml"),
                include_str!("../../tests/fixtures/cfn/broken/broken.json"),
                include_str!("../../tests/fixtures/terraform/broken/plan.json"),
                include_str!("../../tests/fixtures/cfn/broken/sub-json.yaml"),
            ];
            let text = files.get(which).copied().unwrap_or_default();
            let mut at = at.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let mut end = (at + cut).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            let damaged = format!(
                "{}{insert}{}",
                text.get(..at).unwrap_or_default(),
                text.get(end..).unwrap_or_default()
            );
            let options = ValidateOptions::default();
            for (path, input) in [
                ("t.yaml", Input::Auto),
                ("t.json", Input::Auto),
                ("t", Input::Cfn),
                ("t", Input::Terraform),
            ] {
                let _ = check_text(path, &damaged, input, &options);
            }
        }
    }
}
