//! The shape of a resource ARN: six fields, a known partition, a Region name, a
//! 12-digit account (IAM User Guide, "IAM identifiers", ARN format; "Regions and zones").

#[allow(
    clippy::wildcard_imports,
    reason = "a part of the parent module, split for size"
)]
use super::*;

// ---------------------------------------------------------------------------------------
// ARN syntax
// ---------------------------------------------------------------------------------------

pub(super) const ARN_SHAPE: &str = "a resource is `*` or an ARN `arn:partition:service:region:account:resource`, e.g. `arn:aws:s3:::my-bucket/*`";

/// `invalid-arn`, `invalid-partition`, `invalid-account`: a resource string is `*` or an
/// ARN of six `:`-separated fields ("IAM identifiers", ARN format) whose partition is one
/// AWS has (`aws`, `aws-cn`, `aws-us-gov`, the ISO partitions; IAM rejects others with
/// "Partition ... is not valid") and whose account field is empty, 12 digits, `aws`
/// (AWS-owned resources such as managed policies), or a pattern.
pub(super) fn check_arn<'a>(ctx: &mut Ctx, node: &'a Node<'a>) -> Resource {
    let Some(text) = node.as_text() else {
        return Resource::Unknown;
    };
    if let Some(literal) = text.as_literal() {
        if literal.is_empty() {
            // `structure` reports empty strings.
            return Resource::Unusable;
        }
        if literal.bytes().all(|b| b == b'*') {
            return Resource::Star;
        }
    }
    let shown = text.display();
    let pattern = match ResourcePattern::parse(text) {
        Ok(pattern) => pattern,
        // An inserted value may hold several fields (a whole ARN): nothing to say.
        Err(_) if text.has_holes() => return Resource::Unknown,
        Err(ArnError::NotAnArn | ArnError::TooFewFields(1)) => {
            ctx.report_help(
                node.loc,
                Code::InvalidArn,
                format!("`{shown}` is not an ARN"),
                ARN_SHAPE,
            );
            return Resource::Unusable;
        }
        Err(ArnError::TooFewFields(n)) => {
            ctx.report_help(
                node.loc,
                Code::InvalidArn,
                format!("`{shown}` has {n} of the 6 fields of an ARN"),
                ARN_SHAPE,
            );
            return Resource::Unusable;
        }
    };
    let fields = crate::arn::fields(&shown);
    check_partition(ctx, node, &shown, &fields, &pattern);
    check_account(ctx, node, &shown, &fields, &pattern);
    check_region_name(ctx, node, &shown, &pattern);
    Resource::Arn(pattern)
}

/// The partition matches one AWS has.
pub(super) fn check_partition<'a>(
    ctx: &mut Ctx,
    node: &'a Node<'a>,
    shown: &str,
    fields: &[&str],
    pattern: &ResourcePattern,
) {
    let known = PARTITIONS
        .iter()
        .any(|p| pattern.partition.overlaps(&FieldPattern::literal_text(p)));
    if known {
        return;
    }
    let partition = fields.get(1).copied().unwrap_or_default();
    let message = if partition.is_empty() {
        format!("`{shown}` has no partition")
    } else {
        format!("unknown partition `{partition}` in `{shown}`")
    };
    // The closest partition, however far: partition names are few and differ by
    // segments (`aws-gov` → `aws-us-gov`), beyond the usual did-you-mean distance.
    let closest = suggest(partition, PARTITIONS.iter().copied()).or_else(|| {
        PARTITIONS
            .iter()
            .copied()
            .filter(|p| {
                p.split('-')
                    .all(|segment| partition.split('-').any(|s| s == segment) || segment == "us")
                    && partition.split('-').all(|s| p.split('-').any(|q| q == s))
            })
            .min_by_key(|p| crate::suggest::edit_distance(partition, p, 16))
    });
    let help = match closest {
        Some(close) => format!("did you mean `{close}`? `{}`", with_field(fields, 1, close)),
        None => format!(
            "the partitions are {}; most resources are in `aws`: `{}`",
            crate::check::structure::list(PARTITIONS),
            with_field(fields, 1, "aws")
        ),
    };
    ctx.report_help(node.loc, Code::InvalidPartition, message, help);
}

/// A literal, non-empty region field is a Region name: lowercase words joined by `-`,
/// ending in a number (`us-east-1`, `us-gov-west-1`, `cn-northwest-1`, `eusc-de-east-1`;
/// AWS General Reference, "AWS Regions"). Only the shape is checked, so Regions newer than
/// the catalog pass. Whether the resource type takes a region at all is the fitting
/// rule's question. Measured on the three corpora: every literal region field fits the
/// shape but the documentation placeholders `region`, `<region>` and `REGION`.
pub(super) fn check_region_name<'a>(
    ctx: &mut Ctx,
    node: &'a Node<'a>,
    shown: &str,
    pattern: &ResourcePattern,
) {
    let Some(region) = pattern.region.literal() else {
        return; // a wildcard, an inserted value or a policy variable
    };
    if region.is_empty() || is_region_name(&region) {
        return;
    }
    ctx.report_help(
        node.loc,
        Code::InvalidRegion,
        format!("`{region}` in `{shown}` is not an AWS Region name"),
        "write a Region code such as `us-east-1`, or `*` for any Region",
    );
}

/// Whether `s` has the shape of a Region code: lowercase words joined by `-`, ending in a
/// number (AWS General Reference, "AWS Regions"). Only the shape is checked.
pub fn is_region_name(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() >= 3
        && parts.split_last().is_some_and(|(last, words)| {
            !last.is_empty()
                && last.bytes().all(|b| b.is_ascii_digit())
                && words
                    .iter()
                    .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()))
        })
}

/// A literal account field is empty, 12 digits or `aws`.
pub(super) fn check_account<'a>(
    ctx: &mut Ctx,
    node: &'a Node<'a>,
    shown: &str,
    fields: &[&str],
    pattern: &ResourcePattern,
) {
    let Some(account) = pattern.account.literal() else {
        return; // a wildcard, an inserted value or a policy variable
    };
    let digits12 = |s: &str| s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit());
    if account.is_empty() || account == "aws" || digits12(&account) {
        return;
    }
    let message = format!("the account `{account}` in `{shown}` is not a 12-digit account id");
    let stripped: String = account
        .chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .collect();
    let help = if digits12(&stripped) {
        format!(
            "write the account id without separators: `{}`",
            with_field(fields, 4, &stripped)
        )
    } else {
        "write the 12-digit account id, `*` for any account, or `aws` for resources AWS owns (managed policies)".to_owned()
    };
    ctx.report_help(node.loc, Code::InvalidAccount, message, help);
}

/// The ARN with field `index` replaced by `value`.
pub(super) fn with_field(fields: &[&str], index: usize, value: &str) -> String {
    let parts: Vec<&str> = fields
        .iter()
        .enumerate()
        .map(|(i, f)| if i == index { value } else { f })
        .collect();
    parts.join(":")
}
