//! "Did you mean" suggestions by edit distance.

/// The Levenshtein distance between two strings, ASCII case-insensitively, counting
/// characters. Stops early once every path exceeds `limit` (returns `limit + 1`).
pub fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().map(|c| c.to_ascii_lowercase()).collect();
    let b: Vec<char> = b.chars().map(|c| c.to_ascii_lowercase()).collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        let mut row_min = i + 1;
        if let Some(first) = cur.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let del = prev
                .get(j + 1)
                .copied()
                .unwrap_or(usize::MAX)
                .saturating_add(1);
            let ins = cur.get(j).copied().unwrap_or(usize::MAX).saturating_add(1);
            let sub = prev
                .get(j)
                .copied()
                .unwrap_or(usize::MAX)
                .saturating_add(cost);
            let best = del.min(ins).min(sub);
            if let Some(slot) = cur.get_mut(j + 1) {
                *slot = best;
            }
            row_min = row_min.min(best);
        }
        if row_min > limit {
            return limit + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.last().copied().unwrap_or(limit + 1)
}

/// The candidate closest to `name`, if it is close enough to be what the author meant:
/// at most a third of the name's length in edits (at least 1, at most 4). Ties go to the
/// earlier candidate.
pub fn suggest<'a, I>(name: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    closest(name, &mut candidates.into_iter())
}

/// [`suggest`] over any iterator, compiled once.
fn closest<'a>(name: &str, candidates: &mut dyn Iterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).clamp(1, 4);
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        let bound = best.map_or(limit, |(d, _)| d.saturating_sub(1).min(limit));
        let distance = edit_distance(name, candidate, bound);
        if distance <= bound && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("GetObjekt", "GetObject", 5), 1);
        assert_eq!(edit_distance("getobject", "GetObject", 5), 0);
        assert_eq!(edit_distance("abc", "xyz", 5), 3);
        assert_eq!(edit_distance("abc", "abcdefgh", 2), 3);
        assert_eq!(edit_distance("", "ab", 5), 2);
    }

    #[test]
    fn suggestions_pick_the_closest_close_candidate() {
        let actions = ["GetObject", "GetObjectAcl", "PutObject", "ListBucket"];
        assert_eq!(suggest("GetObjekt", actions), Some("GetObject"));
        assert_eq!(suggest("ListBuckets", actions), Some("ListBucket"));
        assert_eq!(suggest("DeleteEverything", actions), None);
        assert_eq!(suggest("s4", ["s3", "sqs"]), Some("s3"));
    }
}
