//! The layout of the packed tables, defined once: the writer (`write.rs`) fills rows by
//! these field names and encodes values with these numbers, and `render` writes the same
//! names into `catalog/src/data/layout.rs`, which the catalog reads through. Nothing on
//! either side writes a stride, an offset or an encoding as a bare number.

use std::fmt::Write as _;

use crate::Result;
use crate::write::HEADER;

/// How many `u32` cells a field takes and what they mean.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A string of `STR`: offset, then length (two cells).
    Str,
    /// A half-open range of rows of another table: start, then end (two cells).
    Range(&'static str),
    /// A row index into another table (one cell).
    Index(&'static str),
    /// A number encoded by one of the [`ENCODINGS`] (one cell).
    Code(&'static str),
    /// Reserved, always 0 (one cell).
    Reserved,
}

impl Kind {
    fn width(self) -> usize {
        match self {
            Kind::Str | Kind::Range(_) => 2,
            Kind::Index(_) | Kind::Code(_) | Kind::Reserved => 1,
        }
    }
}

/// One named field of a row.
pub struct Field {
    pub name: &'static str,
    pub kind: Kind,
    pub doc: &'static str,
}

/// One packed table.
pub struct Table {
    /// The static's name in `tables.rs`; the layout module is its lowercase form.
    pub name: &'static str,
    pub doc: &'static str,
    pub fields: &'static [Field],
}

impl Table {
    /// Cells per row.
    pub fn stride(&self) -> usize {
        self.fields.iter().map(|f| f.kind.width()).sum()
    }

    /// A row from `(field, cells)` pairs: every field exactly once, each with as many
    /// cells as its kind takes; anything else is an error, never a misplaced cell.
    pub fn row(&self, cells: &[(&str, &[u32])]) -> Result<Vec<u32>> {
        let mut row = Vec::with_capacity(self.stride());
        for field in self.fields {
            let mut given = cells.iter().filter(|(name, _)| *name == field.name);
            let values: &[u32] = match (given.next(), given.next(), field.kind) {
                (Some((_, values)), None, _) if values.len() == field.kind.width() => values,
                (None, None, Kind::Reserved) => &[0],
                _ => {
                    return Err(format!(
                        "{}: field `{}` missing, given twice or with the wrong number of cells",
                        self.name, field.name
                    ));
                }
            };
            row.extend_from_slice(values);
        }
        if let Some((name, _)) = cells
            .iter()
            .find(|(name, _)| !self.fields.iter().any(|f| f.name == *name))
        {
            return Err(format!("{}: no field `{name}`", self.name));
        }
        Ok(row)
    }
}

const fn field(name: &'static str, kind: Kind, doc: &'static str) -> Field {
    Field { name, kind, doc }
}

pub const SERVICES: Table = Table {
    name: "SERVICES",
    doc: "Services by lowercase prefix.",
    fields: &[
        field("PREFIX", Kind::Str, "The IAM prefix (`s3`)."),
        field("NAME", Kind::Str, "The service's name (`Amazon S3`)."),
        field("ACTIONS", Kind::Range("ACTIONS"), "Its actions."),
        field(
            "RESOURCE_TYPES",
            Kind::Range("RESOURCE_TYPES"),
            "Its resource types.",
        ),
        field(
            "CONDITION_KEYS",
            Kind::Range("CONDITION_KEYS"),
            "Its condition keys.",
        ),
        field(
            "FLAGS",
            Kind::Code("service_flags"),
            "Bit set of `service_flags`.",
        ),
        field("RESERVED", Kind::Reserved, "Always 0."),
    ],
};

pub const ACTIONS: Table = Table {
    name: "ACTIONS",
    doc: "Actions by service, then lowercase name.",
    fields: &[
        field("NAME", Kind::Str, "The action's name without the prefix."),
        field(
            "ACCESS_LEVEL",
            Kind::Code("access_level"),
            "One of `access_level`.",
        ),
        field(
            "RESOURCES",
            Kind::Range("ACTION_RESOURCES"),
            "The resource types it takes.",
        ),
        field(
            "CONDITION_KEYS",
            Kind::Range("LISTS"),
            "The condition keys it lists.",
        ),
        field(
            "DEPENDENT_ACTIONS",
            Kind::Range("LISTS"),
            "Its dependent actions (`prefix:Name`).",
        ),
        field(
            "SERVICE",
            Kind::Index("SERVICES"),
            "The service it belongs to.",
        ),
    ],
};

pub const ACTION_RESOURCES: Table = Table {
    name: "ACTION_RESOURCES",
    doc: "Resource types of an action.",
    fields: &[
        field(
            "RESOURCE_TYPE",
            Kind::Index("RESOURCE_TYPES"),
            "The resource type.",
        ),
        field(
            "REQUIRED",
            Kind::Code("required"),
            "Whether the action requires it (`required`).",
        ),
        field(
            "CONDITION_KEYS",
            Kind::Range("LISTS"),
            "Condition keys listed for the action on this resource type.",
        ),
    ],
};

pub const RESOURCE_TYPES: Table = Table {
    name: "RESOURCE_TYPES",
    doc: "Resource types by service, then lowercase name.",
    fields: &[
        field("NAME", Kind::Str, "The resource type's name."),
        field("ARN_FORMATS", Kind::Range("LISTS"), "Its ARN formats."),
        field(
            "CONDITION_KEYS",
            Kind::Range("LISTS"),
            "Condition keys that apply to it.",
        ),
        field(
            "SERVICE",
            Kind::Index("SERVICES"),
            "The service it belongs to.",
        ),
    ],
};

pub const CONDITION_KEYS: Table = Table {
    name: "CONDITION_KEYS",
    doc: "Condition keys by service, then lowercase name.",
    fields: &[
        field("NAME", Kind::Str, "The key as the reference writes it."),
        field(
            "TYPE",
            Kind::Code("condition_type"),
            "One of `condition_type`, plus `condition_type::MULTIVALUED` for `ArrayOf` types.",
        ),
        field(
            "SERVICE",
            Kind::Index("SERVICES"),
            "The service that defines it.",
        ),
    ],
};

pub const LISTS: Table = Table {
    name: "LISTS",
    doc: "Lists of strings (the rows of a range).",
    fields: &[field("STRING", Kind::Str, "One string of the list.")],
};

/// Every table, in the order `tables.rs` writes them.
pub const TABLES: [&Table; 6] = [
    &SERVICES,
    &ACTIONS,
    &ACTION_RESOURCES,
    &RESOURCE_TYPES,
    &CONDITION_KEYS,
    &LISTS,
];

/// A number encoding: module name, doc, and `(constant, source text, value)`.
pub struct Encoding {
    pub name: &'static str,
    pub doc: &'static str,
    pub values: &'static [(&'static str, &'static str, u32)],
}

impl Encoding {
    /// The number of the value the sources write as `text`.
    pub fn encode(&self, text: &str) -> Result<u32> {
        self.values
            .iter()
            .find(|(_, source, _)| *source == text)
            .map(|(_, _, value)| *value)
            .ok_or_else(|| format!("unknown {} `{text}`", self.name))
    }
}

pub const ACCESS_LEVEL: Encoding = Encoding {
    name: "access_level",
    doc: "An action's access level, as the Service Authorization Reference names it.",
    values: &[
        ("LIST", "List", 0),
        ("READ", "Read", 1),
        ("WRITE", "Write", 2),
        ("PERMISSIONS_MANAGEMENT", "Permissions management", 3),
        ("TAGGING", "Tagging", 4),
    ],
};

pub const CONDITION_TYPE: Encoding = Encoding {
    name: "condition_type",
    doc: "A condition key's value type (the base type; `MULTIVALUED` is added for `ArrayOf` types).",
    values: &[
        ("STRING", "String", 0),
        ("NUMERIC", "Numeric", 1),
        ("DATE", "Date", 2),
        ("BOOL", "Bool", 3),
        ("ARN", "ARN", 4),
        ("IP_ADDRESS", "IPAddress", 5),
        ("BINARY", "Binary", 6),
        ("MULTIVALUED", "ArrayOf", 16),
    ],
};

pub const SERVICE_FLAGS: Encoding = Encoding {
    name: "service_flags",
    doc: "Bits of a service's flags.",
    values: &[("RCP_SUPPORTED", "RCP support", 1)],
};

pub const REQUIRED: Encoding = Encoding {
    name: "required",
    doc: "Whether an action requires a resource type (the reference's `*` marker).",
    values: &[("NO", "optional", 0), ("YES", "required", 1)],
};

/// Every encoding, in the order `layout.rs` writes them.
pub const ENCODINGS: [&Encoding; 4] = [&ACCESS_LEVEL, &CONDITION_TYPE, &SERVICE_FLAGS, &REQUIRED];

/// The condition type code of a type as the sources write it (`String`, `ArrayOfARN`).
pub fn condition_type(text: &str) -> Result<u32> {
    match text.strip_prefix("ArrayOf") {
        Some(base) => Ok(CONDITION_TYPE.encode("ArrayOf")? + CONDITION_TYPE.encode(base)?),
        None => CONDITION_TYPE.encode(text),
    }
}

/// `catalog/src/data/layout.rs`.
pub fn render() -> String {
    let mut out = String::from(HEADER);
    out.push_str(
        "//! The layout of the packed tables of `tables.rs`: per table, its stride (cells per\n\
         //! row) and the first cell of each field; then the number encodings. Written from\n\
         //! `xtask/src/layout.rs`, which the writer of the tables also reads.\n",
    );
    for table in TABLES {
        let _ = writeln!(
            out,
            "\n/// `{}`: {}\npub(crate) mod {} {{",
            table.name,
            table.doc,
            table.name.to_ascii_lowercase()
        );
        let _ = writeln!(
            out,
            "    /// Cells per row.\n    pub(crate) const STRIDE: usize = {};",
            table.stride()
        );
        let mut at = 0;
        for field in table.fields {
            let kind = match field.kind {
                Kind::Str => "A string of `STR`: offset, then length.".to_owned(),
                Kind::Range(of) => format!("A range of rows of `{of}`: start, then end."),
                Kind::Index(of) => format!("A row of `{of}`."),
                Kind::Code(_) => "A number.".to_owned(),
                Kind::Reserved => "Reserved.".to_owned(),
            };
            let _ = writeln!(
                out,
                "    /// {} {kind}\n    pub(crate) const {}: usize = {at};",
                field.doc, field.name
            );
            at += field.kind.width();
        }
        out.push_str("}\n");
    }
    for encoding in ENCODINGS {
        let _ = writeln!(
            out,
            "\n/// {}\npub(crate) mod {} {{",
            encoding.doc, encoding.name
        );
        for (name, source, value) in encoding.values {
            let _ = writeln!(
                out,
                "    /// `{source}`.\n    pub(crate) const {name}: u32 = {value};"
            );
        }
        out.push_str("}\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_names_every_field_once() {
        let row = RESOURCE_TYPES.row(&[
            ("NAME", &[1, 2]),
            ("ARN_FORMATS", &[3, 4]),
            ("CONDITION_KEYS", &[5, 6]),
            ("SERVICE", &[7]),
        ]);
        assert_eq!(row, Ok(vec![1, 2, 3, 4, 5, 6, 7]));
        assert_eq!(RESOURCE_TYPES.stride(), 7);
        // Missing, unknown, twice, wrong width: errors, never a misplaced cell.
        assert!(RESOURCE_TYPES.row(&[("NAME", &[1, 2])]).is_err());
        assert!(LISTS.row(&[("STRING", &[1, 2]), ("NAMES", &[1])]).is_err());
        assert!(
            LISTS
                .row(&[("STRING", &[1, 2]), ("STRING", &[1, 2])])
                .is_err()
        );
        assert!(LISTS.row(&[("STRING", &[1])]).is_err());
    }

    #[test]
    fn encodings_refuse_unknown_text() {
        assert_eq!(ACCESS_LEVEL.encode("Tagging"), Ok(4));
        assert!(ACCESS_LEVEL.encode("Admin").is_err());
        assert_eq!(condition_type("ArrayOfARN"), Ok(16 + 4));
        assert!(condition_type("ArrayOfWidget").is_err());
    }
}
