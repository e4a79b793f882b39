//! ARN text as IAM reads it: `arn:partition:service:region:account:resource`, split once
//! for every rule, pattern and question that needs the fields (IAM User Guide, "IAM
//! identifiers", ARN format: the resource field may itself hold `:`).

/// Splits `text` into at most six fields at each `:` outside `${...}` (policy variables
/// such as `${aws:username}` hold `:`); the sixth field holds the rest. A text with
/// fewer than five `:` gives fewer fields.
pub fn fields(text: &str) -> Vec<&str> {
    let mut fields = Vec::with_capacity(6);
    let mut start = 0;
    let mut depth = 0usize;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if fields.len() == 5 {
            break;
        }
        match b {
            b'{' if i > 0 && bytes.get(i - 1) == Some(&b'$') => depth += 1,
            b'}' if depth > 0 => depth -= 1,
            b':' if depth == 0 => {
                fields.push(text.get(start..i).unwrap_or_default());
                start = i + 1;
            }
            _ => {}
        }
    }
    fields.push(text.get(start..).unwrap_or_default());
    fields
}

/// The six fields of `text` when it has six and starts with `arn`.
pub fn six(text: &str) -> Option<[&str; 6]> {
    match fields(text).as_slice() {
        ["arn", partition, service, region, account, resource] => {
            Some(["arn", partition, service, region, account, resource])
        }
        _ => None,
    }
}

/// The byte offset where field `index` (0 to 5) of `text` starts, when it has that many.
pub fn field_start(text: &str, index: usize) -> Option<usize> {
    let fields = fields(text);
    (index < fields.len()).then(|| fields.iter().take(index).map(|f| f.len() + 1).sum())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_stay_whole_and_the_resource_keeps_its_colons() {
        assert_eq!(
            fields("arn:aws:sqs:${aws:RequestedRegion}:1:q:x"),
            ["arn", "aws", "sqs", "${aws:RequestedRegion}", "1", "q:x"]
        );
        assert_eq!(
            fields("arn:aws:s3:::b/${aws:username}/*"),
            ["arn", "aws", "s3", "", "", "b/${aws:username}/*"]
        );
        assert_eq!(fields("s3.amazonaws.com"), ["s3.amazonaws.com"]);
        assert_eq!(fields("arn:aws:s3"), ["arn", "aws", "s3"]);
    }

    #[test]
    fn six_fields_or_none() {
        assert_eq!(
            six("arn:aws:iam::123456789012:role/a:b"),
            Some(["arn", "aws", "iam", "", "123456789012", "role/a:b"])
        );
        assert_eq!(six("arn:aws:iam::123456789012"), None);
        assert_eq!(six("urn:aws:iam::1:role/r"), None);
    }

    #[test]
    fn field_starts_are_byte_offsets() {
        let text = "arn:${aws:partition}:s3:::b";
        assert_eq!(field_start(text, 2), Some(21));
        assert_eq!(text.get(21..), Some("s3:::b"));
        assert_eq!(field_start(text, 3), Some(24));
        assert_eq!(field_start("a:b", 3), None);
    }
}
