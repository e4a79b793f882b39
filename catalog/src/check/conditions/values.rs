//! Condition values: the shape of a key's value, and each value against its operator's
//! type (numbers, dates, Booleans, IP ranges, Base64), the private source IP warning.

#[allow(
    clippy::wildcard_imports,
    reason = "a part of the parent module, split for size"
)]
use super::*;

/// A key's value is a string, number or Boolean, or a non-empty array of them (grammar:
/// `condition_value_list`). Returns the value nodes to check further.
pub(super) fn check_value_shape<'a>(ctx: &mut Ctx, key: &'a Member<'a>) -> Vec<&'a Node<'a>> {
    let scalar = |node: &Node| {
        matches!(
            node.kind,
            NodeKind::String(_) | NodeKind::Number(_) | NodeKind::Bool(_)
        )
    };
    match &key.value.kind {
        NodeKind::Opaque(_) => Vec::new(),
        NodeKind::Array(items) if items.is_empty() => {
            ctx.report_help(
                key.value.loc,
                Code::EmptyElement,
                format!("`{}` has an empty array of values", key.key),
                "give at least one value, or test for an absent key with `\"Null\": { \"...\": \"true\" }`",
            );
            Vec::new()
        }
        NodeKind::Array(items) => {
            let mut out = Vec::new();
            for item in items {
                if scalar(item) {
                    out.push(item);
                } else if !matches!(item.kind, NodeKind::Opaque(_)) {
                    ctx.report(
                        item.loc,
                        Code::InvalidElementType,
                        format!(
                            "the values of `{}` are strings, numbers or Booleans, not {}",
                            key.key,
                            item.type_name()
                        ),
                    );
                }
            }
            out
        }
        _ if scalar(&key.value) => vec![&key.value],
        _ => {
            ctx.report(
                key.value.loc,
                Code::InvalidElementType,
                format!(
                    "the value of `{}` is a string, number or Boolean, or an array of them, not {}",
                    key.key,
                    key.value.type_name()
                ),
            );
            Vec::new()
        }
    }
}

/// `bool-multiple-values`: `Bool` with several values for one key (Access Analyzer:
/// "Invalid condition multiple Boolean": "The condition key does not support multiple
/// Boolean values. Use a single Boolean value."). The values are alternatives (any one
/// matches), so `["true", "false"]` matches whenever the key is present: the condition
/// tests presence, which `Null` says plainly. A set qualifier (`ForAnyValue:Bool`, for a multivalued key) takes
/// several values by design and is left alone.
pub(super) fn check_bool_values<'a>(
    ctx: &mut Ctx,
    key: &'a Member<'a>,
    operator: Operator,
    def: KeyDef,
) {
    if operator.family != Family::Bool
        || operator.set.is_some()
        || def.value_type() != ConditionType::Bool
    {
        return;
    }
    let Some(values) = key.value.as_array() else {
        return;
    };
    if values.len() < 2 {
        return;
    }
    ctx.report_help(
        key.value.loc,
        Code::BoolMultipleValues,
        format!(
            "`{}` takes one Boolean, but `{}` gives it {} values, which match when any does",
            key.key,
            if operator.if_exists { "BoolIfExists" } else { "Bool" },
            values.len()
        ),
        "keep the one value meant (`\"true\"` or `\"false\"`); to test whether the key is present, use `Null`",
    );
}

/// The private address ranges `aws:SourceIp` never holds: RFC 1918 (`10.0.0.0/8`,
/// `172.16.0.0/12`, `192.168.0.0/16`) and IPv6 unique local addresses (RFC 4193,
/// `fc00::/7`).
pub(super) fn is_private_range(text: &str) -> bool {
    if !is_ip_range(text) {
        return false;
    }
    let (address, prefix) = match text.split_once('/') {
        Some((a, p)) => (a, p.parse::<u32>().ok()),
        None => (text, None),
    };
    match address.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V4(ip)) => {
            let bits = u32::from(ip);
            let prefix = prefix.unwrap_or(32);
            [
                (0x0a00_0000_u32, 8_u32),
                (0xac10_0000, 12),
                (0xc0a8_0000, 16),
            ]
            .iter()
            .any(|&(net, len)| prefix >= len && bits >> (32 - len) == net >> (32 - len))
        }
        Ok(std::net::IpAddr::V6(ip)) => {
            prefix.unwrap_or(128) >= 7 && ip.octets().first().is_some_and(|b| b & 0xfe == 0xfc)
        }
        Err(_) => false,
    }
}

/// `private-source-ip`: a private address range as a value of `aws:SourceIp`. The key
/// holds the requester's public address; a request from a private address reaches AWS
/// through a VPC endpoint, where `aws:SourceIp` is absent and `aws:VpcSourceIp` holds the
/// address (IAM User Guide, global condition keys, `aws:SourceIp` and `aws:VpcSourceIp`).
/// So the value never matches: with `IpAddress` the statement does not apply to those
/// requests, with `NotIpAddress` it always does. Access Analyzer: "Private IP address",
/// "Private `NotIpAddress`" (every value private) and "Private IP address subset" (some).
pub(super) fn check_private_source_ip<'a>(
    ctx: &mut Ctx,
    key: &'a Member<'a>,
    operator: Operator,
    values: &[&'a Node<'a>],
) {
    if operator.family != Family::IpAddress || !key.key.eq_ignore_ascii_case("aws:SourceIp") {
        return;
    }
    for value in values {
        let Some(text) = value.as_literal() else {
            continue;
        };
        if !is_private_range(text) {
            continue;
        }
        ctx.report_help(
            value.loc,
            Code::PrivateSourceIp,
            format!(
                "`{text}` is a private range, which `aws:SourceIp` never holds: `{}` never matches it",
                operator.base
            ),
            "requests from private addresses come through a VPC endpoint, where `aws:SourceIp` is absent: compare `aws:VpcSourceIp` (with `aws:SourceVpc` or `aws:SourceVpce`) instead",
        );
    }
}

/// Whether a value reads as a Boolean (`true`, `"false"`, ...), or is unknown until run
/// time. A string operator comparing a Bool key with `"true"`/`"false"` compares the
/// same text `Bool` would; AWS's managed policies do this
/// (`"StringEquals": {"lakeformation:EnabledOnlyForMetaDataAccess": "true"}`), so it
/// is accepted. Any other value can never match a Bool key.
pub(super) fn boolean_text(value: &Node) -> bool {
    match &value.kind {
        NodeKind::Bool(_) => true,
        NodeKind::String(text) => text
            .as_literal()
            .is_none_or(|s| is_bool(s) || s.contains("${")),
        _ => false,
    }
}

/// A value parses for its operator (Access Analyzer: "Type mismatch date / number /
/// Boolean / IP range / string"). Values holding a policy variable or an inserted value
/// are not parsed (the variable rule reports variables where IAM does not replace them).
pub(super) fn check_value<'a>(
    ctx: &mut Ctx,
    operator: Operator,
    operator_name: &str,
    value: &'a Node<'a>,
) {
    let (text, json_type) = match &value.kind {
        NodeKind::String(text) => match text.as_literal() {
            Some(s) if !s.contains("${") => (s, "string"),
            _ => return,
        },
        NodeKind::Number(n) => (n.as_ref(), "number"),
        NodeKind::Bool(true) => ("true", "bool"),
        NodeKind::Bool(false) => ("false", "bool"),
        _ => return,
    };
    let (ok, what, help) = match operator.family {
        Family::String | Family::Arn => return,
        Family::Numeric => (
            json_type != "bool" && is_number(text),
            "a number",
            "write an integer or a decimal, such as `10` or `1.5`",
        ),
        Family::Date => (
            json_type != "bool" && is_date(text),
            "a date",
            "write an ISO 8601 date or date-time such as `2026-01-31` or `2026-01-31T12:00:00Z`, or epoch seconds such as `1769860800`",
        ),
        Family::Bool => (
            json_type != "number" && is_bool(text),
            "a Boolean",
            "write `true` or `false`",
        ),
        Family::Null => (
            json_type != "number" && is_bool(text),
            "`true` or `false`",
            "`Null` takes `true` (the key is absent) or `false` (the key is present)",
        ),
        Family::IpAddress => (
            json_type == "string" && is_ip_range(text),
            "an IP address or CIDR range",
            "write an IPv4 or IPv6 address or CIDR range, such as `203.0.113.0/24` or `2001:db8::/32`",
        ),
        Family::Binary => (
            json_type == "string" && is_base64(text),
            "base64",
            "write the bytes in base64, such as `QmluYXJ5VmFsdWU=`",
        ),
    };
    if !ok {
        ctx.report_help(
            value.loc,
            Code::InvalidConditionValue,
            format!("`{text}` is not {what}, as `{operator_name}` needs"),
            help,
        );
    }
}

/// A number as IAM reads one ([`crate::value::parse_number`]).
pub(super) fn is_number(text: &str) -> bool {
    crate::value::parse_number(text).is_some()
}

/// `true` or `false`, in any case (the reference writes them lowercase; whether IAM
/// rejects `True` is not documented, so it is accepted).
pub(super) fn is_bool(text: &str) -> bool {
    text.eq_ignore_ascii_case("true") || text.eq_ignore_ascii_case("false")
}

/// A date as IAM reads one ([`crate::value::parse_date`]).
pub(super) fn is_date(text: &str) -> bool {
    crate::value::parse_date(text).is_some()
}

/// An IP address or CIDR range ([`crate::value::parse_ip_range`]).
pub(super) fn is_ip_range(text: &str) -> bool {
    crate::value::parse_ip_range(text).is_some()
}

/// Standard base64 (RFC 4648 alphabet), with or without `=` padding.
pub(super) fn is_base64(text: &str) -> bool {
    let body = text.trim_end_matches('=');
    let padding = text.len() - body.len();
    !body.is_empty()
        && padding <= 2
        && body
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
        && (if padding > 0 {
            text.len().is_multiple_of(4)
        } else {
            body.len() % 4 != 1
        })
}
