//! [`Number`]: a JSON number kept as written.

use std::fmt;
use std::ops::RangeInclusive;
use std::str::FromStr;

use iam_catalog::NodeKind;
use serde_core::de::{self, Deserialize, Deserializer, Visitor};
use serde_core::ser::{self as ser, Serialize, Serializer};

use crate::json::{self, JsonLocation, SyntaxError};

/// A JSON number, kept as written: `1.50` stays `1.50` and a 30-digit integer keeps every
/// digit. Two numbers are equal when they are written the same (`1.0` and `1` differ, as
/// they do for `serde_json::Number`).
///
/// Through serde a number is what JSON readers make of it (the reading of `serde_json`):
/// an integer that fits `u64` or `i64` is one, anything else (a fraction, an exponent, a
/// larger integer, `-0`) is an `f64`. So a number read by a serde deserializer is written
/// back the way that reader writes the value it read (`1.50` read by `serde_json` is
/// `1.5`).
///
/// ```
/// use iam_policy::document::Number;
///
/// let n: Number = "1.50".parse()?;
/// assert_eq!(n.as_str(), "1.50");
/// assert_eq!(n.as_f64(), Some(1.5));
/// assert_eq!(Number::from(42_u64).as_u64(), Some(42));
/// assert_eq!(Number::from_f64(1e21).map(|n| n.to_string()), Some("1e+21".to_owned()));
/// assert_eq!(Number::from_f64(f64::NAN), None);
/// # Ok::<(), iam_policy::json::SyntaxError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Number(String);

/// What a JSON reader makes of a number's text (`serde_json`'s reading).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Parsed {
    U64(u64),
    I64(i64),
    F64(f64),
}

/// The decimal exponents `serde_json` writes an `f64` without an exponent at (its
/// float writer, `zmij`, `FIXED_DEC_EXP` for `f64`).
const F64_FIXED: RangeInclusive<i32> = -5..=15;
/// The same for an `f32`.
const F32_FIXED: RangeInclusive<i32> = -6..=12;

impl Number {
    /// A number from its JSON text, which the caller has read with the JSON reader or
    /// written itself (an integer's digits).
    pub(crate) fn from_json_text(text: String) -> Self {
        Number(text)
    }

    /// A finite float, written as `serde_json` writes it (`1.0`, `0.1`, `1e+21`,
    /// `1e-7`); `None` for NaN and the infinities, which JSON cannot hold.
    pub fn from_f64(value: f64) -> Option<Self> {
        value
            .is_finite()
            .then(|| Number(float_text(value, &F64_FIXED)))
    }

    /// A finite `f32`, written as `serde_json` writes it (its shortest `f32` digits:
    /// `0.1`, not `0.10000000149011612`); `None` for NaN and the infinities.
    pub(crate) fn from_f32(value: f32) -> Option<Self> {
        value
            .is_finite()
            .then(|| Number(float_text(value, &F32_FIXED)))
    }

    /// The number as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number as an `f64` (the nearest one); `None` when it is beyond `f64`'s range
    /// (`1e400`).
    pub fn as_f64(&self) -> Option<f64> {
        self.0.parse::<f64>().ok().filter(|f| f.is_finite())
    }

    /// The number as an `i64`, when it is an integer written without fraction or
    /// exponent that fits.
    pub fn as_i64(&self) -> Option<i64> {
        match self.parsed() {
            Parsed::I64(n) => Some(n),
            Parsed::U64(n) => i64::try_from(n).ok(),
            Parsed::F64(_) => None,
        }
    }

    /// The number as a `u64`, when it is a non-negative integer written without fraction
    /// or exponent that fits.
    pub fn as_u64(&self) -> Option<u64> {
        match self.parsed() {
            Parsed::U64(n) => Some(n),
            Parsed::I64(_) | Parsed::F64(_) => None,
        }
    }

    /// What a JSON reader makes of the text, as `serde_json` reads it: an integer (no `.`
    /// or exponent) that fits `u64` is `U64`, a negative one that fits `i64` is `I64`
    /// (`-0` is the float `-0.0`), anything else the nearest `f64` (infinite beyond its
    /// range).
    pub(crate) fn parsed(&self) -> Parsed {
        Parsed::of(&self.0)
    }
}

impl Parsed {
    /// The reading of `text`, a number in JSON's grammar (see [`Number::parsed`]).
    pub(crate) fn of(text: &str) -> Parsed {
        if !text.contains(['.', 'e', 'E']) {
            let (negative, digits) = match text.strip_prefix('-') {
                Some(digits) => (true, digits),
                None => (false, text),
            };
            if let Ok(magnitude) = digits.parse::<u64>() {
                if !negative {
                    return Parsed::U64(magnitude);
                }
                if magnitude != 0
                    && let Some(n) = 0_i64.checked_sub_unsigned(magnitude)
                {
                    return Parsed::I64(n);
                }
            }
        }
        // The text follows JSON's number grammar, which Rust's float syntax includes.
        Parsed::F64(text.parse::<f64>().unwrap_or(f64::NAN))
    }
}

/// A finite float laid out as `serde_json` writes floats: its shortest round-trip digits
/// (a tie between two rounded to even, see [`half_even`]), without an exponent when the
/// decimal exponent is in `fixed` (`1000000000000000.0`, `0.00001`, always with a
/// fraction), else as `d.ddde±x` (`1e+16`, `1.5e-7`).
fn float_text<F: Float>(value: F, fixed: &RangeInclusive<i32>) -> String {
    // The generic part is only what needs the type: the rest is compiled once.
    layout(
        &format!("{value:e}"),
        &|precision| format!("{value:.precision$e}"),
        &|text| text.parse::<F>().is_ok_and(|back| back == value),
        fixed,
    )
}

/// [`float_text`] of the float whose `{:e}` text is `scientific`, given its `{:.N e}`
/// text for a precision (`exact`) and whether a text reads back to it (`reads_back`).
fn layout(
    scientific: &str,
    exact: &dyn Fn(usize) -> String,
    reads_back: &dyn Fn(&str) -> bool,
    fixed: &RangeInclusive<i32>,
) -> String {
    let (negative, unsigned) = match scientific.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, scientific),
    };
    let (mantissa, exponent) = unsigned.split_once('e').unwrap_or((unsigned, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let sign = if negative { "-" } else { "" };
    let digits = half_even(digits_of(mantissa), exponent, exact, &|text| {
        reads_back(&format!("{sign}{text}"))
    });
    let mut out = String::with_capacity(digits.len() + 8);
    if negative {
        out.push('-');
    }
    let len = i32::try_from(digits.len()).unwrap_or(i32::MAX);
    if fixed.contains(&exponent) {
        if exponent >= len - 1 {
            // 1234e7 -> 12340000000.0
            out.push_str(&digits);
            for _ in 0..(exponent + 1 - len) {
                out.push('0');
            }
            out.push_str(".0");
        } else if exponent >= 0 {
            // 1234e-2 -> 12.34
            let (whole, fraction) = digits.split_at(usize::try_from(exponent + 1).unwrap_or(0));
            out.push_str(whole);
            out.push('.');
            out.push_str(fraction);
        } else {
            // 1234e-6 -> 0.001234
            out.push_str("0.");
            for _ in 0..(-exponent - 1) {
                out.push('0');
            }
            out.push_str(&digits);
        }
    } else {
        // 1234e30 -> 1.234e+33
        let (first, rest) = digits.split_at(1.min(digits.len()));
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        out.push('e');
        out.push(if exponent >= 0 { '+' } else { '-' });
        out.push_str(&exponent.unsigned_abs().to_string());
    }
    out
}

/// The floats [`float_text`] writes.
trait Float: Copy + PartialEq + fmt::LowerExp + FromStr {}
impl Float for f32 {}
impl Float for f64 {}

/// The digits of a mantissa (`1.25` → `125`).
fn digits_of(mantissa: &str) -> String {
    mantissa.chars().filter(char::is_ascii_digit).collect()
}

/// `digits` (with `exponent`, Rust's shortest digits of a float), except when the float
/// is exactly halfway between them and the decimal one lower in the last place: Rust
/// rounds such a tie up (`1056571.3` for the `f32` `1056571.25`), `serde_json`'s writer
/// to an even last digit (`1056571.2`). `exact` gives the float's `{:.N e}` text,
/// `reads_back` whether an unsigned text reads back to it.
fn half_even(
    digits: String,
    exponent: i32,
    exact: &dyn Fn(usize) -> String,
    reads_back: &dyn Fn(&str) -> bool,
) -> String {
    let n = digits.len();
    let Some(last) = digits.bytes().last() else {
        return digits;
    };
    if last % 2 == 0 {
        return digits;
    }
    // The even neighbour below: the last digit is odd, so no borrow.
    let mut lower = digits.clone();
    lower.pop();
    lower.push(char::from(last - 1));
    // A tie: the float is exactly `lower` followed by 5 (its decimal expansion ends there).
    let mantissa_at = |precision: usize| {
        let text = exact(precision);
        let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
        (digits_of(mantissa), exp.parse::<i32>().unwrap_or(0))
    };
    let (one_more, exp) = mantissa_at(n);
    if exp != exponent || one_more != format!("{lower}5") {
        return digits;
    }
    // Every finite float's expansion has fewer than 800 significant digits.
    let (all, _) = mantissa_at(n + 800);
    if all.trim_end_matches('0') != one_more {
        return digits;
    }
    if reads_back(&format!("0.{lower}e{}", exponent + 1)) {
        lower
    } else {
        digits
    }
}

macro_rules! from_integer {
    ($($t:ty)*) => {$(
        impl From<$t> for Number {
            fn from(n: $t) -> Self {
                Number(n.to_string())
            }
        }
    )*};
}

from_integer!(u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize);

/// Reads the text of one JSON number (surrounding whitespace allowed).
impl FromStr for Number {
    type Err = SyntaxError;

    fn from_str(text: &str) -> Result<Self, SyntaxError> {
        let root = json::read(text)?;
        match root.kind {
            NodeKind::Number(n) => Ok(Number(n.into_owned())),
            _ => Err(SyntaxError {
                message: format!("expected a number, found {}", root.type_name()),
                loc: JsonLocation::start(),
            }),
        }
    }
}

/// The number as written.
impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Number({})", self.0)
    }
}

/// An integer that fits `u64` or `i64` is serialized as one, anything else as `f64`
/// (an error beyond `f64`'s range, which JSON readers refuse).
impl Serialize for Number {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.parsed() {
            Parsed::U64(n) => serializer.serialize_u64(n),
            Parsed::I64(n) => serializer.serialize_i64(n),
            Parsed::F64(f) if f.is_finite() => serializer.serialize_f64(f),
            Parsed::F64(_) => Err(ser::Error::custom("number out of range")),
        }
    }
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NumberVisitor;

        impl Visitor<'_> for NumberVisitor {
            type Value = Number;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON number")
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Number, E> {
                Ok(v.into())
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Number, E> {
                Ok(v.into())
            }

            fn visit_i128<E: de::Error>(self, v: i128) -> Result<Number, E> {
                Ok(v.into())
            }

            fn visit_u128<E: de::Error>(self, v: u128) -> Result<Number, E> {
                Ok(v.into())
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Number, E> {
                Number::from_f64(v)
                    .ok_or_else(|| E::invalid_value(de::Unexpected::Float(v), &"a finite number"))
            }
        }

        deserializer.deserialize_any(NumberVisitor)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "a test fails by panicking")]

    use super::*;

    #[test]
    fn text_is_kept_and_read_as_serde_json_reads_it() {
        let n: Number = "1.50".parse().unwrap();
        assert_eq!((n.as_str(), n.to_string()), ("1.50", "1.50".to_owned()));
        assert_eq!(n.parsed(), Parsed::F64(1.5));
        assert_eq!((n.as_i64(), n.as_u64()), (None, None));
        let cases = [
            ("0", Parsed::U64(0)),
            ("18446744073709551615", Parsed::U64(u64::MAX)),
            (
                "18446744073709551616",
                Parsed::F64(1.844_674_407_370_955_2e19),
            ),
            ("-1", Parsed::I64(-1)),
            ("-9223372036854775808", Parsed::I64(i64::MIN)),
            (
                "-9223372036854775809",
                Parsed::F64(-9.223_372_036_854_776e18),
            ),
            ("-0", Parsed::F64(-0.0)),
            ("1e2", Parsed::F64(100.0)),
            ("1E-2", Parsed::F64(0.01)),
        ];
        for (text, parsed) in cases {
            assert_eq!(text.parse::<Number>().unwrap().parsed(), parsed, "{text}");
            let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
            let ours = serde_json::to_value(text.parse::<Number>().unwrap()).unwrap();
            assert_eq!(ours, theirs, "{text}");
        }
        assert_eq!("1e400".parse::<Number>().unwrap().as_f64(), None);
        assert!(serde_json::to_string(&"1e400".parse::<Number>().unwrap()).is_err());
        assert_eq!(Number::from(-5_i64).as_i64(), Some(-5));
        assert_eq!(Number::from(u64::MAX).as_i64(), None);
        assert_eq!(Number::from(7_u64).as_f64(), Some(7.0));
    }

    #[test]
    fn only_the_text_of_one_number_parses() {
        assert_eq!(" 12 ".parse::<Number>().unwrap().as_str(), "12");
        for bad in ["", "01", "1.", "\"1\"", "[1]", "1 2", "NaN", "+1"] {
            assert!(bad.parse::<Number>().is_err(), "{bad}");
        }
        assert_eq!(
            "true".parse::<Number>().unwrap_err().message,
            "expected a number, found a boolean"
        );
    }

    #[test]
    fn floats_are_written_as_serde_json_writes_them() {
        for f in [
            0.0,
            -0.0,
            1.0,
            0.1,
            1e15,
            1e16,
            1e21,
            1e-5,
            1e-6,
            1e-7,
            123.456,
            5e-324,
            f64::MAX,
        ] {
            assert_eq!(
                Number::from_f64(f).unwrap().as_str(),
                serde_json::to_string(&f).unwrap()
            );
        }
        assert_eq!(Number::from_f64(1e21).unwrap().as_str(), "1e+21");
        // A float halfway between two shortest decimals: to the even one, as serde_json
        // (Rust's shortest digits round it up).
        for text in [
            "1125899906842624.25",
            "1125899906842624.75",
            "-1125899906842625.25",
            "1125899906842625.75",
        ] {
            let f: f64 = text.parse().unwrap();
            assert_eq!(
                Number::from_f64(f).unwrap().as_str(),
                serde_json::to_string(&f).unwrap()
            );
        }
        let tie: f64 = "1125899906842624.25".parse().unwrap();
        assert_eq!(
            Number::from_f64(tie).unwrap().as_str(),
            "1125899906842624.2"
        );
        for text in ["1056571.25", "1056571.75", "-1056572.25", "1056572.75"] {
            let f: f32 = text.parse().unwrap();
            assert_eq!(
                Number::from_f32(f).unwrap().as_str(),
                serde_json::to_string(&f).unwrap()
            );
        }
        assert_eq!(Number::from_f64(f64::INFINITY), None);
        assert_eq!(Number::from_f32(0.1).unwrap().as_str(), "0.1");
        assert_eq!(Number::from_f32(f32::NAN), None);
    }

    #[test]
    fn serde_round_trip() {
        let n: Number = serde_json::from_str("2.5").unwrap();
        assert_eq!(n.as_str(), "2.5");
        let n: Number = serde_json::from_str("-3").unwrap();
        assert_eq!(n.as_str(), "-3");
        assert!(serde_json::from_str::<Number>("\"3\"").is_err());
        assert_eq!(format!("{n:?}"), "Number(-3)");
    }

    proptest::proptest! {
        #[test]
        fn any_f64_is_written_as_serde_json_writes_it(bits in proptest::num::u64::ANY) {
            let f = f64::from_bits(bits);
            let ours = Number::from_f64(f).map(|n| n.as_str().to_owned());
            let theirs = f.is_finite().then(|| serde_json::to_string(&f).unwrap());
            proptest::prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn any_f32_is_written_as_serde_json_writes_it(bits in proptest::num::u32::ANY) {
            let f = f32::from_bits(bits);
            let ours = Number::from_f32(f).map(|n| n.as_str().to_owned());
            let theirs = f.is_finite().then(|| serde_json::to_string(&f).unwrap());
            proptest::prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn any_written_f64_reads_back_to_itself(f in proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL) {
            let n = Number::from_f64(f).unwrap();
            proptest::prop_assert_eq!(n.parsed(), Parsed::F64(f));
        }
    }
}
