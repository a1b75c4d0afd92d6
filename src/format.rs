//! French number formatting: "17,76 %", "1 940 €", "−0,53 €", "0,80 point".
//!
//! Thousands are grouped with a narrow no-break space (U+202F) and units are separated by a
//! no-break space (U+00A0), so a phone never breaks "1 940 €" across two lines. Rounding is
//! half away from zero ("arrondi commercial"), the rule French students are taught.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// Narrow no-break space, between groups of thousands.
pub const THOUSANDS_SEP: char = '\u{202F}';
/// No-break space, between a number and its unit.
pub const UNIT_SEP: char = '\u{00A0}';
/// The typographic minus sign.
pub const MINUS: char = '\u{2212}';

/// The unit of a value or a KPI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// A number of things: users, clicks, orders, trees.
    Count,
    /// An amount in euros.
    Eur,
    /// A percentage, stored in percent (17.8 means 17,8 %).
    Percent,
    /// Percentage points: the difference between two rates.
    Points,
    /// A plain ratio such as pages per session or a ROAS.
    Ratio,
    /// A duration in seconds.
    Seconds,
}

impl Unit {
    /// The name used in files and JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Eur => "eur",
            Unit::Percent => "percent",
            Unit::Points => "points",
            Unit::Ratio => "ratio",
            Unit::Seconds => "seconds",
        }
    }
}

/// Rounds half away from zero to `decimals` places.
pub fn round(value: Decimal, decimals: u32) -> Decimal {
    value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
}

/// Rounds to `decimals` places, which may be negative (-1 rounds to the ten).
pub fn round_signed(value: Decimal, decimals: i64) -> Decimal {
    if decimals >= 0 {
        return round(value, decimals.min(28) as u32);
    }
    let mut factor = Decimal::ONE;
    for _ in 0..decimals.unsigned_abs().min(20) {
        factor *= Decimal::TEN;
    }
    // Rounding up near the largest decimal could step past it: then the value stays as is.
    value
        .checked_div(factor)
        .and_then(|scaled| round(scaled, 0).checked_mul(factor))
        .unwrap_or(value)
}

/// Writes `value` rounded to exactly `decimals` places, French style: "1 940,50", "−0,53".
pub fn number(value: Decimal, decimals: u32) -> String {
    // A decimal has at most 28 decimals (rescaling further makes one that cannot print).
    let decimals = decimals.min(28);
    let rounded = round(value, decimals);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let mut digits = rounded.abs();
    digits.rescale(decimals);
    let plain = digits.to_string();
    let (int_part, frac_part) = match plain.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (plain.as_str(), None),
    };
    let mut out = String::with_capacity(plain.len() + 8);
    if negative {
        out.push(MINUS);
    }
    group_thousands(int_part, &mut out);
    if let Some(frac) = frac_part {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// Writes `value` with at most `max_decimals` places and no trailing zeros: "0,1776", "12 374".
pub fn number_trimmed(value: Decimal, max_decimals: u32) -> String {
    let rounded = round(value, max_decimals).normalize();
    number(rounded, rounded.scale())
}

/// Like [`number`], with an explicit "+" on positive values (for evolutions).
pub fn signed_number(value: Decimal, decimals: u32) -> String {
    let text = number(value, decimals);
    if round(value, decimals) > Decimal::ZERO {
        format!("+{text}")
    } else {
        text
    }
}

fn group_thousands(int_part: &str, out: &mut String) {
    let len = int_part.len();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push(THOUSANDS_SEP);
        }
        out.push(c);
    }
}

/// Writes a number with its unit: "17,76 %", "1 940 €", "0,80 point", "00:01:58".
pub fn with_unit(value: Decimal, unit: Unit, decimals: u32) -> String {
    unit_suffix(number(value, decimals), value, unit, decimals)
}

/// Like [`with_unit`], with an explicit "+" on positive values: "+32,63 %", "+0,80 point".
pub fn signed_with_unit(value: Decimal, unit: Unit, decimals: u32) -> String {
    unit_suffix(signed_number(value, decimals), value, unit, decimals)
}

fn unit_suffix(text: String, value: Decimal, unit: Unit, decimals: u32) -> String {
    match unit {
        Unit::Count | Unit::Ratio => text,
        Unit::Eur => format!("{text}{UNIT_SEP}€"),
        Unit::Percent => format!("{text}{UNIT_SEP}%"),
        Unit::Points => {
            let word = if round(value, decimals).abs() >= Decimal::TWO {
                "points"
            } else {
                "point"
            };
            format!("{text}{UNIT_SEP}{word}")
        }
        Unit::Seconds => format!("{text}{UNIT_SEP}s"),
    }
}

/// Writes a duration in seconds as the analytics tools do: "00:01:58".
pub fn duration_hms(seconds: Decimal) -> String {
    let total = round(seconds.abs(), 0);
    let total: u64 = total.try_into().unwrap_or(0);
    format!(
        "{:02}:{:02}:{:02}",
        total / 3600,
        (total % 3600) / 60,
        total % 60
    )
}

// ---------------------------------------------------------------------------------------------
// Dates (moved from play's boards: shared by the exports and the workshop)
// ---------------------------------------------------------------------------------------------

/// A time in milliseconds since the epoch as a UTC date and time, "2026-11-23 00:00:00".
pub fn iso(ms: i64) -> String {
    // Civil date from days since the epoch (Howard Hinnant's algorithm), UTC.
    let secs = ms.div_euclid(1000);
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

/// A day the French way, "23/11/2026" (UTC).
pub fn date_fr(ms: i64) -> String {
    let iso = iso(ms);
    match (iso.get(0..4), iso.get(5..7), iso.get(8..10)) {
        (Some(y), Some(m), Some(d)) => format!("{d}/{m}/{y}"),
        _ => iso,
    }
}

/// A French letter without its accent (« é » → « e », « ç » → « c »); any other character as it is.
pub fn unaccented(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' => 'i',
        'ô' | 'ö' => 'o',
        'ù' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ÿ' => 'y',
        other => other,
    }
}

// ---------------------------------------------------------------------------------------------
// User text: what users typed, escaped before it is shown (names, answers, searches).
// ---------------------------------------------------------------------------------------------

/// Escapes Markdown in text that comes from users (names, answers), so it shows as typed.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*'
                | '_'
                | '`'
                | '~'
                | '|'
                | '>'
                | '#'
                | '['
                | ']'
                | '('
                | ')'
                | '-'
                | ':'
                | '<'
                | '@'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Text a user typed (a draft, a written answer), shown whole and as typed in a block quote.
pub fn block_quote(text: &str) -> String {
    text.trim()
        .lines()
        .map(|l| format!("> {}", escape(l)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The length of what a user typed, as the limits count it: characters, outer blanks aside.
pub fn typed_chars(text: &str) -> usize {
    text.trim().chars().count()
}

/// How many characters of what a user typed a reply echoes at most.
pub const ECHO_MAX_CHARS: usize = 80;

/// What a user typed (an answer's fragment, an id, a search), as a reply echoes it: on one
/// line, cut to [`ECHO_MAX_CHARS`] with « … », Markdown and mentions escaped, so it shows as
/// typed and does nothing.
pub fn echo(text: &str) -> String {
    echo_cut(text, ECHO_MAX_CHARS)
}

/// [`echo`] with its own length.
pub fn echo_cut(text: &str, max: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut short: String = line.chars().take(max).collect();
    if line.chars().count() > max {
        short.push('…');
    }
    escape(&short)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn plain(s: String) -> String {
        s.replace([THOUSANDS_SEP, UNIT_SEP], " ")
            .replace(MINUS, "-")
    }

    #[test]
    fn french_numbers() {
        assert_eq!(plain(number(dec!(1940), 0)), "1 940");
        assert_eq!(plain(number(dec!(175360), 2)), "175 360,00");
        assert_eq!(plain(number(dec!(1234567.891), 2)), "1 234 567,89");
        assert_eq!(plain(number(dec!(0.525), 2)), "0,53");
        assert_eq!(plain(number(dec!(-0.525), 2)), "-0,53");
        assert_eq!(plain(number(dec!(-0.001), 2)), "0,00");
        assert_eq!(plain(number(dec!(999), 0)), "999");
        assert_eq!(plain(number(dec!(100), 0)), "100");
        assert_eq!(plain(number(dec!(28211.832), 0)), "28 212");
    }

    #[test]
    fn units_and_signs() {
        assert_eq!(plain(with_unit(dec!(17.7567), Unit::Percent, 2)), "17,76 %");
        assert_eq!(plain(with_unit(dec!(1940), Unit::Eur, 0)), "1 940 €");
        assert_eq!(plain(with_unit(dec!(0.8), Unit::Points, 2)), "0,80 point");
        assert_eq!(
            plain(with_unit(dec!(30.04), Unit::Points, 2)),
            "30,04 points"
        );
        assert_eq!(
            plain(signed_with_unit(dec!(32.629), Unit::Percent, 2)),
            "+32,63 %"
        );
        assert_eq!(
            plain(signed_with_unit(dec!(-5.08), Unit::Percent, 2)),
            "-5,08 %"
        );
        assert_eq!(plain(signed_with_unit(dec!(0), Unit::Percent, 2)), "0,00 %");
        assert_eq!(with_unit(dec!(1940), Unit::Eur, 0), "1\u{202F}940\u{A0}€");
    }

    #[test]
    fn trimmed_and_durations() {
        assert_eq!(plain(number_trimmed(dec!(0.17756700), 4)), "0,1776");
        assert_eq!(plain(number_trimmed(dec!(12374), 4)), "12 374");
        assert_eq!(plain(number_trimmed(dec!(2.5000), 4)), "2,5");
        assert_eq!(duration_hms(dec!(118)), "00:01:58");
        assert_eq!(duration_hms(dec!(3725)), "01:02:05");
    }

    #[test]
    fn signed_rounding() {
        assert_eq!(round_signed(dec!(1940.4), -1), dec!(1940));
        assert_eq!(round_signed(dec!(1945), -1), dec!(1950));
        assert_eq!(round_signed(dec!(17.7567), 1), dec!(17.8));
        assert_eq!(round(dec!(2.5), 0), dec!(3));
        assert_eq!(round(dec!(-2.5), 0), dec!(-3));
    }

    /// Rounding the largest decimals to the ten once panicked (`× 10` past the largest
    /// decimal); formatting them never does.
    #[test]
    fn the_largest_decimals_round_and_format_without_panicking() {
        assert_eq!(round_signed(Decimal::MAX, -1), Decimal::MAX);
        assert_eq!(round_signed(Decimal::MIN, -1), Decimal::MIN);
        let to_1e20 = dec!(79_228_162_500_000_000_000_000_000_000);
        assert_eq!(round_signed(Decimal::MAX, -20), to_1e20);
        assert_eq!(round_signed(Decimal::MAX, i64::MIN), to_1e20);
        assert_eq!(round_signed(Decimal::MAX, i64::MAX), Decimal::MAX);
        for v in [
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(1, 28),
            Decimal::ZERO,
        ] {
            for d in [0, 2, 6, 28, u32::MAX] {
                assert!(!number(v, d).is_empty());
                assert!(!signed_with_unit(v, Unit::Points, d).is_empty());
                assert!(!number_trimmed(v, d).is_empty());
            }
            assert!(!duration_hms(v).is_empty());
        }
    }
}
