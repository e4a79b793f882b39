//! Condition values as IAM reads them: numbers, dates, Booleans, IP ranges.
//!
//! One parser per type, used by the checker (is this value well-formed for its operator?)
//! and by the evaluator (what does it compare as?). Sources: IAM User Guide, "IAM JSON
//! policy elements: Condition operators" (`reference_policies_elements_condition_operators`).

use std::net::IpAddr;

/// An integer or decimal, optionally signed (the operators page: "an integer or decimal
/// value"). Exponents are accepted as JSON writes numbers; whether IAM accepts `1e3` is
/// not documented.
pub fn parse_number(text: &str) -> Option<f64> {
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match body.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (body, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    let ok = digits(int)
        && frac.is_none_or(digits)
        && !(int.is_empty() && frac.is_none_or(str::is_empty))
        && exponent_ok;
    if !ok {
        return None;
    }
    text.parse().ok()
}

/// `true` or `false`, in any case (the reference writes them lowercase; whether IAM
/// rejects `True` is not documented, so it is accepted).
pub fn parse_bool(text: &str) -> Option<bool> {
    if text.eq_ignore_ascii_case("true") {
        Some(true)
    } else if text.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// A date as milliseconds since 1970-01-01T00:00:00Z: epoch seconds, or a W3C profile of
/// ISO 8601 (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-MM-DDThh:mm[:ss[.s+]]` with `Z` or
/// `±hh:mm`) — "W3C implementations of the ISO 8601 date formats" (operators page). A
/// missing time zone is read as UTC: IAM's own examples always give one, and what IAM does
/// without is not documented. Missing month or day are the first.
pub fn parse_date(text: &str) -> Option<i64> {
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) && text.len() != 4 {
        return text.parse::<i64>().ok()?.checked_mul(1000); // epoch seconds
    }
    let (date, time) = match text.split_once(['T', 't']) {
        Some((d, t)) => (d, Some(t)),
        None => (text, None),
    };
    let parts: Vec<&str> = date.split('-').collect();
    let (y, m, d) = match parts.as_slice() {
        [y] if time.is_none() => (number(y, 4, 0..=9999)?, 1, 1),
        [y, m] if time.is_none() => (number(y, 4, 0..=9999)?, number(m, 2, 1..=12)?, 1),
        [y, m, d] => (
            number(y, 4, 0..=9999)?,
            number(m, 2, 1..=12)?,
            number(d, 2, 1..=31)?,
        ),
        _ => return None,
    };
    let day_ms = days_from_civil(i64::from(y), i64::from(m), i64::from(d)) * 86_400_000;
    let time_ms = match time {
        Some(t) => parse_time(t)?,
        None => 0,
    };
    Some(day_ms + time_ms)
}

/// Digits of exactly `len` characters within `range`.
fn number(s: &str, len: usize, range: std::ops::RangeInclusive<u32>) -> Option<u32> {
    if s.len() != len || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse::<u32>().ok().filter(|n| range.contains(n))
}

/// `hh:mm[:ss[.s+]]` and a zone, as milliseconds from midnight UTC.
fn parse_time(text: &str) -> Option<i64> {
    // Split off the zone: `Z`, `+hh:mm` or `-hh:mm`.
    let (clock, zone, sign) = if let Some(clock) = text.strip_suffix(['Z', 'z']) {
        (clock, None, 0)
    } else if let Some(at) = text.rfind(['+', '-']) {
        let sign = if text.as_bytes().get(at) == Some(&b'-') {
            -1
        } else {
            1
        };
        (text.get(..at).unwrap_or_default(), text.get(at + 1..), sign)
    } else {
        (text, None, 0)
    };
    let offset_min = match zone {
        None => 0,
        Some(z) => match z.split_once(':') {
            Some((h, m)) => number(h, 2, 0..=23)? * 60 + number(m, 2, 0..=59)?,
            None => {
                if let Some(h) = number(z, 2, 0..=23) {
                    h * 60
                } else {
                    let hm = number(z, 4, 0..=2359)?;
                    (hm / 100) * 60 + hm % 100
                }
            }
        },
    };
    let (hms, fraction) = match clock.split_once('.') {
        Some((hms, f)) => (hms, Some(f)),
        None => (clock, None),
    };
    if fraction.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let parts: Vec<&str> = hms.split(':').collect();
    let (h, m, s) = match parts.as_slice() {
        [h, m] if fraction.is_none() => (number(h, 2, 0..=24)?, number(m, 2, 0..=59)?, 0),
        [h, m, s] => (
            number(h, 2, 0..=24)?,
            number(m, 2, 0..=59)?,
            number(s, 2, 0..=60)?,
        ),
        _ => return None,
    };
    let millis = fraction.map_or(0, |f| {
        let digits: String = f.chars().chain("000".chars()).take(3).collect();
        digits.parse::<i64>().unwrap_or(0)
    });
    let local = (i64::from(h) * 3600 + i64::from(m) * 60 + i64::from(s)) * 1000 + millis;
    Some(local - sign * i64::from(offset_min) * 60_000)
}

/// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// An IP range: an address and a prefix length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpRange {
    /// The address as written.
    pub address: IpAddr,
    /// The prefix length (32 or 128 when none was written).
    pub prefix: u8,
}

impl IpRange {
    /// Whether `ip` is in the range (an IPv4 address is never in an IPv6 range nor the
    /// reverse).
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.address, ip) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let shift = 32 - u32::from(self.prefix.min(32));
                let mask = u32::MAX.checked_shl(shift).unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let shift = 128 - u32::from(self.prefix.min(128));
                let mask = u128::MAX.checked_shl(shift).unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

/// An IPv4 or IPv6 address, optionally with a prefix length ("standard CIDR format";
/// without one, IAM uses `/32`).
pub fn parse_ip_range(text: &str) -> Option<IpRange> {
    let (address, prefix) = match text.split_once('/') {
        Some((a, p)) => (a, Some(p)),
        None => (text, None),
    };
    let address = address.parse::<IpAddr>().ok()?;
    let max: u8 = if address.is_ipv4() { 32 } else { 128 };
    let prefix = match prefix {
        None => max,
        Some(p) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => {
            p.parse::<u8>().ok().filter(|n| *n <= max)?
        }
        Some(_) => return None,
    };
    Some(IpRange { address, prefix })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(parse_number("42"), Some(42.0));
        assert_eq!(parse_number("-1.5"), Some(-1.5));
        assert_eq!(parse_number("1e3"), Some(1000.0));
        assert_eq!(parse_number(".5"), Some(0.5));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("."), None);
        assert_eq!(parse_number("inf"), None);
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_date("10000"), Some(10_000_000));
        // Four digits are a year, not epoch seconds.
        assert_eq!(parse_date("1971"), Some(31_536_000_000));
        assert_eq!(parse_date("2020-01-01T00:00:00Z"), Some(1_577_836_800_000));
        assert_eq!(parse_date("2020-01-01"), Some(1_577_836_800_000));
        assert_eq!(parse_date("2020"), Some(1_577_836_800_000));
        assert_eq!(
            parse_date("2020-01-01T01:00:00+01:00"),
            Some(1_577_836_800_000)
        );
        assert_eq!(
            parse_date("2019-12-31T23:00:00-01:00"),
            Some(1_577_836_800_000)
        );
        assert_eq!(
            parse_date("2020-01-01T00:00:00.250Z"),
            Some(1_577_836_800_250)
        );
        assert_eq!(parse_date("2020-13-01"), None);
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("2020-01-01T25:00Z"), None);
    }

    #[test]
    fn ip_ranges() {
        let r = parse_ip_range("203.0.113.0/24").unwrap();
        assert!(r.contains("203.0.113.9".parse().unwrap()));
        assert!(!r.contains("203.0.114.9".parse().unwrap()));
        let one = parse_ip_range("203.0.113.9").unwrap();
        assert!(one.contains("203.0.113.9".parse().unwrap()));
        assert!(!one.contains("203.0.113.8".parse().unwrap()));
        let v6 = parse_ip_range("2001:db8::/32").unwrap();
        assert!(v6.contains("2001:db8:1::1".parse().unwrap()));
        assert!(!v6.contains("2001:db9::1".parse().unwrap()));
        assert!(!v6.contains("203.0.113.9".parse().unwrap()));
        let all = parse_ip_range("0.0.0.0/0").unwrap();
        assert!(all.contains("8.8.8.8".parse().unwrap()));
        assert_eq!(parse_ip_range("10.0.0.0/33"), None);
        assert_eq!(parse_ip_range("10.0.0/8"), None);
    }

    #[test]
    fn booleans() {
        assert_eq!(parse_bool("true"), Some(true));
        assert_eq!(parse_bool("FALSE"), Some(false));
        assert_eq!(parse_bool("yes"), None);
    }
}
