//! Service capabilities: the tables of the IAM User Guide page "AWS services that work
//! with IAM", in its founding (2018) and latest published (2023) editions.
//!
//! The checks follow today's per-action data where it speaks (resource-level permissions,
//! resource types); the tables decide what only they record (temporary credentials,
//! resource-based policies, tag-based authorization, service-linked roles), and stay
//! visible as history in `explain`. Where a service gained a capability after the latest
//! table (AWS Organizations' delegation policies, 2022), a sourced [`CapabilityOverride`]
//! decides instead; [`capability_support`] is the one question the engine asks.

use std::fmt;
use std::fmt::Write as _;

/// How far a service supports a capability, as a table cell says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Support {
    /// `Yes`.
    Yes,
    /// `No`.
    No,
    /// `Partial`, or `Yes` with a footnote that limits it.
    Partial,
}

impl Support {
    /// `yes`, `no` or `partial`.
    pub fn as_str(self) -> &'static str {
        match self {
            Support::Yes => "yes",
            Support::No => "no",
            Support::Partial => "partial",
        }
    }
}

impl fmt::Display for Support {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The six capability columns of the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Capability {
    /// Permissions can name single actions (not just `prefix:*`).
    ActionLevel,
    /// Permissions can name single resources (ARNs).
    ResourceLevel,
    /// The service's resources take resource-based policies.
    ResourceBased,
    /// Authorization based on tags (`aws:ResourceTag`, `aws:RequestTag`, `aws:TagKeys`).
    TagBased,
    /// The service accepts temporary security credentials.
    TemporaryCredentials,
    /// The service has service-linked roles.
    ServiceLinkedRoles,
}

impl Capability {
    /// The six columns in table order.
    pub const ALL: [Capability; 6] = [
        Capability::ActionLevel,
        Capability::ResourceLevel,
        Capability::ResourceBased,
        Capability::TagBased,
        Capability::TemporaryCredentials,
        Capability::ServiceLinkedRoles,
    ];

    /// The column key: `action_level`, `resource_level`, ...
    pub fn key(self) -> &'static str {
        match self {
            Capability::ActionLevel => "action_level",
            Capability::ResourceLevel => "resource_level",
            Capability::ResourceBased => "resource_based",
            Capability::TagBased => "tag_based",
            Capability::TemporaryCredentials => "temporary_credentials",
            Capability::ServiceLinkedRoles => "service_linked_roles",
        }
    }

    /// The column heading, for messages.
    pub fn heading(self) -> &'static str {
        match self {
            Capability::ActionLevel => "action-level permissions",
            Capability::ResourceLevel => "resource-level permissions",
            Capability::ResourceBased => "resource-based policies",
            Capability::TagBased => "authorization based on tags",
            Capability::TemporaryCredentials => "temporary credentials",
            Capability::ServiceLinkedRoles => "service-linked roles",
        }
    }

    fn index(self) -> usize {
        match self {
            Capability::ActionLevel => 0,
            Capability::ResourceLevel => 1,
            Capability::ResourceBased => 2,
            Capability::TagBased => 3,
            Capability::TemporaryCredentials => 4,
            Capability::ServiceLinkedRoles => 5,
        }
    }
}

/// A footnote of a table row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Footnote {
    /// Its number within the table's section.
    pub number: u32,
    /// The column key its marker stands in (`resource_level`, ...), or `service` when it
    /// stands on the service name.
    pub column: &'static str,
    /// The footnote's text.
    pub text: &'static str,
}

/// One row of a capability table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct CapabilityRow {
    /// `2018` for the founding table, `2023` for the latest published one.
    pub edition: u16,
    /// The table's section.
    pub category: &'static str,
    /// The service as the row names it.
    pub name: &'static str,
    /// The IAM service prefixes of the row, primary first (may be empty).
    pub prefixes: &'static [&'static str],
    /// `certain`, `likely` or `unknown`: how sure the prefix mapping is.
    pub prefix_confidence: &'static str,
    /// The six cells, in [`Capability::ALL`] order.
    pub support: [Support; 6],
    /// The row's footnotes.
    pub footnotes: &'static [Footnote],
    /// Oddities of the row, as recorded when the table was extracted.
    pub notes: &'static [&'static str],
}

impl CapabilityRow {
    /// The cell of `capability`.
    pub fn support(&self, capability: Capability) -> Support {
        self.support
            .get(capability.index())
            .copied()
            .unwrap_or(Support::No)
    }

    /// The footnotes on the cell of `capability`.
    pub fn footnotes_for(&self, capability: Capability) -> impl Iterator<Item = &'static Footnote> {
        self.footnotes
            .iter()
            .filter(move |f| f.column == capability.key())
    }

    /// `2018` → "founding table (2018)", `2023` → "latest table (2023)", for messages.
    pub fn edition_name(&self) -> &'static str {
        if self.edition == 2018 {
            "founding table (2018)"
        } else {
            "latest table (2023)"
        }
    }
}

/// Every row of both tables: the founding edition's 105 rows, then the latest's 372.
pub fn capability_rows() -> &'static [CapabilityRow] {
    crate::data::capabilities::ROWS
}

/// The rows that list `prefix` (case-insensitive), founding edition first.
pub fn capability_rows_for(prefix: &str) -> impl Iterator<Item = &'static CapabilityRow> {
    capability_rows()
        .iter()
        .filter(move |row| row.prefixes.iter().any(|p| p.eq_ignore_ascii_case(prefix)))
}

/// What the tables say of `capability` for `prefix`: the latest edition's rows first,
/// then the founding table's. `None` when no row lists the prefix. Where several rows of
/// one edition list the prefix (e.g. `apigateway` for API Gateway and its Management V2
/// row), the most permissive cell wins.
pub fn table_support(
    prefix: &str,
    capability: Capability,
) -> Option<(Support, &'static CapabilityRow)> {
    for edition in [2023, 2018] {
        let mut best: Option<(Support, &'static CapabilityRow)> = None;
        for row in capability_rows_for(prefix).filter(|r| r.edition == edition) {
            let support = row.support(capability);
            let rank = |s: Support| match s {
                Support::Yes => 2,
                Support::Partial => 1,
                Support::No => 0,
            };
            if best.is_none_or(|(b, _)| rank(support) > rank(b)) {
                best = Some((support, row));
            }
        }
        if best.is_some() {
            return best;
        }
    }
    None
}

/// The table row of a discontinued service: a service that a row of the tables lists by
/// `prefix` (case-insensitive) and that the Service Authorization Reference no longer has
/// (`mobilehub`, `deepracer`, ...). The latest edition's row comes first.
pub fn discontinued(prefix: &str) -> Option<&'static CapabilityRow> {
    if crate::model::service(prefix).is_some() {
        return None;
    }
    let mut rows: Vec<&'static CapabilityRow> = capability_rows_for(prefix).collect();
    rows.sort_by_key(|row| std::cmp::Reverse(row.edition));
    rows.first().copied()
}

/// A capability fact newer than the tables, kept by hand: the latest published table is
/// of 2023, and services have gained capabilities since. Each entry names the AWS page that
/// states the fact and the date AWS made it true (its announcement), so that it can be
/// checked and dropped once a newer table records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct CapabilityOverride {
    /// The service prefix (`organizations`).
    pub prefix: &'static str,
    /// The column the fact overrides.
    pub capability: Capability,
    /// What holds today.
    pub support: Support,
    /// What the source says, in short.
    pub fact: &'static str,
    /// The AWS documentation page that states it.
    pub source: &'static str,
    /// Since when it holds (`YYYY-MM-DD`, AWS's announcement).
    pub since: &'static str,
}

impl CapabilityOverride {
    /// "override of ...: FACT (since DATE; SOURCE)", for messages and `explain`.
    pub fn note(&self) -> String {
        format!(
            "override of the capability tables: {} (since {}; {})",
            self.fact, self.since, self.source
        )
    }
}

/// The overrides, read on [`OVERRIDES_READ`]. Each was found by a published AWS example
/// that the tables would reject, or by a resource-policy API of the service that the
/// tables predate; the service pages below state the capability.
pub static OVERRIDES: &[CapabilityOverride] = &[
    // The Organizations User Guide's examples of delegation policies
    // (`orgs_delegate_policies_example_*`) are resource policies of Organizations;
    // the 2018 and 2023 tables say "No".
    CapabilityOverride {
        prefix: "organizations",
        capability: Capability::ResourceBased,
        support: Support::Yes,
        fact: "AWS Organizations takes a resource-based delegation policy that lets member accounts manage the organization's policies",
        source: "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_delegate_policies.html",
        since: "2022-11-27",
    },
    // `dynamodb:PutResourcePolicy` is in the catalog; the 2023 table says "No".
    CapabilityOverride {
        prefix: "dynamodb",
        capability: Capability::ResourceBased,
        support: Support::Yes,
        fact: "DynamoDB supports resource-based policies for tables, indexes and streams",
        source: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/access-control-resource-based.html",
        since: "2024-03-20",
    },
    // `kinesis:PutResourcePolicy` is in the catalog; the 2023 table says "No".
    CapabilityOverride {
        prefix: "kinesis",
        capability: Capability::ResourceBased,
        support: Support::Yes,
        fact: "Kinesis Data Streams takes resource-based policies on data streams and registered consumers",
        source: "https://docs.aws.amazon.com/streams/latest/dev/resource-based-policy-examples.html",
        since: "2023-11-22",
    },
];

/// The date on which the pages behind [`OVERRIDES`] were read (`YYYY-MM-DD`).
pub const OVERRIDES_READ: &str = "2026-11-30";

/// The override of `capability` for `prefix` (case-insensitive), if any.
pub fn capability_override(
    prefix: &str,
    capability: Capability,
) -> Option<&'static CapabilityOverride> {
    OVERRIDES
        .iter()
        .find(|o| o.capability == capability && o.prefix.eq_ignore_ascii_case(prefix))
}

/// The overrides of `prefix` (case-insensitive), in column order.
pub fn overrides_for(prefix: &str) -> impl Iterator<Item = &'static CapabilityOverride> {
    Capability::ALL
        .into_iter()
        .filter_map(move |capability| capability_override(prefix, capability))
}

/// What a capability judgement rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// A hand-kept fact newer than the tables.
    Override(&'static CapabilityOverride),
    /// A row of the tables (latest edition first).
    Table(&'static CapabilityRow),
}

impl Basis {
    /// The source of the judgement, for messages: the override's fact and page, or the
    /// table row and the footnotes on the cell.
    pub fn note(&self, capability: Capability) -> String {
        match self {
            Basis::Override(o) => o.note(),
            Basis::Table(row) => {
                let mut note = format!(
                    "the {} of \"AWS services that work with IAM\", row `{}`",
                    row.edition_name(),
                    row.name
                );
                for footnote in row.footnotes_for(capability) {
                    let _ = write!(note, "; footnote {}: {}", footnote.number, footnote.text);
                }
                note
            }
        }
    }
}

/// What holds of `capability` for `prefix`: an override where one is kept, else what the
/// tables say ([`table_support`]). This is the engine's question; `None` when neither
/// speaks.
pub fn capability_support(prefix: &str, capability: Capability) -> Option<(Support, Basis)> {
    if let Some(o) = capability_override(prefix, capability) {
        return Some((o.support, Basis::Override(o)));
    }
    table_support(prefix, capability).map(|(support, row)| (support, Basis::Table(row)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discontinued_services_are_table_rows_without_a_service() {
        let mobilehub = discontinued("mobilehub").expect("AWS Mobile Hub");
        assert_eq!(mobilehub.name, "AWS Mobile Hub");
        assert_eq!(mobilehub.edition, 2018);
        assert_eq!(discontinued("DeepRacer").map(|r| r.edition), Some(2023));
        // A live service, and a prefix no table lists, are not discontinued.
        assert!(discontinued("s3").is_none());
        assert!(discontinued("s4").is_none());
    }

    #[test]
    fn overrides_come_before_the_tables() {
        // The tables say No for Organizations' resource-based policies ...
        let (table, _) = table_support("organizations", Capability::ResourceBased).expect("row");
        assert_eq!(table, Support::No);
        // ... and the override, with its source and date, says Yes.
        let (support, basis) =
            capability_support("Organizations", Capability::ResourceBased).expect("judged");
        assert_eq!(support, Support::Yes);
        let Basis::Override(o) = basis else {
            panic!("an override: {basis:?}")
        };
        assert_eq!(o.since, "2022-11-27");
        assert!(
            basis
                .note(Capability::ResourceBased)
                .contains("orgs_delegate_policies.html")
        );
        // A column without an override is the tables' answer.
        let (support, basis) =
            capability_support("organizations", Capability::TemporaryCredentials).expect("row");
        assert!(matches!(basis, Basis::Table(_)));
        assert_eq!(
            Some(support),
            table_support("organizations", Capability::TemporaryCredentials).map(|(s, _)| s)
        );
    }

    #[test]
    fn every_override_is_sourced_dated_and_changes_a_cell() {
        for o in OVERRIDES {
            assert!(
                o.source.starts_with("https://docs.aws.amazon.com/"),
                "{o:?}"
            );
            let date = o.since.as_bytes();
            assert!(
                date.len() == 10 && date[4] == b'-' && date[7] == b'-',
                "{o:?}"
            );
            assert!(crate::model::service(o.prefix).is_some(), "{o:?}");
            // An override that agrees with the tables is stale: drop it.
            let table = table_support(o.prefix, o.capability).map(|(s, _)| s);
            assert_ne!(table, Some(o.support), "{o:?} agrees with the tables");
        }
    }

    #[test]
    fn both_editions_are_complete() {
        assert_eq!(
            capability_rows()
                .iter()
                .filter(|r| r.edition == 2018)
                .count(),
            105
        );
        assert_eq!(
            capability_rows()
                .iter()
                .filter(|r| r.edition == 2023)
                .count(),
            372
        );
    }

    #[test]
    fn latest_edition_decides_and_founding_is_history() {
        // Organizations accepted temporary credentials in 2018 and does not in 2023.
        let (support, row) =
            table_support("organizations", Capability::TemporaryCredentials).unwrap();
        assert_eq!(row.edition, 2023);
        let founding = capability_rows_for("organizations")
            .find(|r| r.edition == 2018)
            .unwrap();
        assert_eq!(
            founding.support(Capability::TemporaryCredentials),
            Support::Yes
        );
        assert_eq!(support, Support::No);
    }

    #[test]
    fn footnotes_are_attached_to_their_cells() {
        let ec2 = capability_rows_for("ec2")
            .find(|r| r.edition == 2018 && r.name.contains("EC2"))
            .unwrap();
        assert_eq!(ec2.support(Capability::ResourceLevel), Support::Partial);
        assert!(
            ec2.footnotes_for(Capability::ResourceLevel)
                .any(|f| f.text.contains("only for some"))
        );
        assert!(table_support("no-such-prefix", Capability::ActionLevel).is_none());
    }
}
