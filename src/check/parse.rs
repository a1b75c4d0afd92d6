//! Strict reader for the numeric answers students type.
//!
//! Students of the BTS NDRC write numbers the French way ("1 940,50 €",
//! "baisse de 5,08 %", "≈ 17,8 %"). This module turns what they typed into a
//! [`ParsedAnswer`]; it never judges whether the value is right. The whole
//! input must be understood, otherwise a [`ParseError`] says what went wrong.
//!
//! One form cannot be read without knowing what is expected: a lone dot
//! followed by exactly three digits ("16.000", "1.940", "2.917"). In France
//! the dot is a common thousands separator (16 000), and it is also the
//! English decimal point (16,000). Both readings are returned (see
//! [`DotThousands`]); the checker chooses, or asks.

use rust_decimal::Decimal;

/// The unit the student attached to the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GivenUnit {
    /// No unit at all.
    Bare,
    /// "%", "pour cent", ...
    Percent,
    /// Percentage points: "pts", "points", "pp", ...
    Points,
    /// Euros ("€", "euros", "HT", "k€", "centimes", ...).
    Euro,
    /// A multiplier written before the number: "x3,02", "× 3,02" (a ratio, or a coefficient).
    Times,
}

/// A student's answer, read but not judged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedAnswer {
    /// The value in base units: sign applied, "k€" multiplied by 1000 ("1,94 k€" -> 1940).
    /// A lone dot before exactly three digits is read here as a decimal point ("16.000" -> 16);
    /// [`ParsedAnswer::dot_thousands`] then holds the other reading.
    pub value: Decimal,
    /// Decimal places the student wrote, in base units: "17,76" -> 2, "1 940" -> 0,
    /// "1,94 k€" -> -1 (2 decimals at the thousand scale), "2 k€" -> -3.
    pub decimals: i64,
    /// The unit written after (or, for "€", before) the number.
    pub unit: GivenUnit,
    /// The student marked the value as approximate ("≈", "~", "environ", "env.", "approx.", "à peu près", "approximativement").
    pub approx: bool,
    /// Trailing counted noun(s) after the number and unit, lowercased, single-spaced, e.g. "clics", "commandes par mois", "arbres/commande". None when absent. The caller decides whether these words fit.
    pub words: Option<String>,
    /// Set when the number is ambiguous: one to three digits (not starting with 0), a single
    /// dot, exactly three digits, nothing else ("16.000", "1.940"). `value` reads the dot as a
    /// decimal point; this reads it as a thousands separator. The caller must choose, or ask.
    pub dot_thousands: Option<DotThousands>,
}

/// The other reading of an ambiguous number such as "16.000": the dot as a thousands
/// separator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DotThousands {
    /// The value in base units, as for [`ParsedAnswer::value`]: "16.000 €" -> 16000.
    pub value: Decimal,
    /// Decimal places in base units: 0, or -3 with "k€".
    pub decimals: i64,
    /// The number as written, without sign or unit: "16.000".
    pub written: String,
}

/// Whether `written` (a number as typed, without sign or unit) is the ambiguous form: one to
/// three digits not starting with 0, one dot, exactly three digits ("16.000", "1.940"). "0.530",
/// "17.76", "1234.567", "1.234.567", "16.000,50" and "1 940.500" are not ambiguous.
pub fn is_ambiguous_dot(written: &str) -> bool {
    let Some((int_part, frac_part)) = written.split_once('.') else {
        return false;
    };
    let all_digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    all_digits(int_part)
        && all_digits(frac_part)
        && int_part.len() <= 3
        && !int_part.starts_with('0')
        && frac_part.len() == 3
}

/// For an ambiguous number ("16.000"), its two unambiguous French spellings: with a space
/// for thousands ("16 000") and with a decimal comma ("16,000"). `None` for any other text.
pub fn dot_readings(written: &str) -> Option<(String, String)> {
    is_ambiguous_dot(written).then(|| (written.replace('.', " "), written.replace('.', ",")))
}

/// Why an answer could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("empty answer")]
    Empty,
    #[error("no number found")]
    NoNumber,
    #[error("more than one number")]
    SeveralNumbers,
    #[error("badly grouped digits: {0}")]
    BadGrouping(String),
    #[error("unexpected text: {0}")]
    Leftover(String),
    #[error("too many digits")]
    TooManyDigits,
    #[error("magnitude out of range")]
    OutOfRange,
    #[error("contradictory sign")]
    ContradictorySign,
}

/// Most integer digits accepted.
const MAX_INT_DIGITS: usize = 15;
/// Most digits accepted after the decimal mark.
const MAX_FRAC_DIGITS: usize = 12;
/// Largest magnitude accepted (inclusive), in base units.
const MAX_ABS: i128 = 1_000_000_000_000;

/// Approximation markers allowed before the number, longest first.
const APPROX_BEFORE: &[&str] = &[
    "≈",
    "~",
    "approximativement",
    "approx.",
    "approx",
    "environ",
    "env.",
    "env",
    "a peu pres",
];

/// Approximation markers allowed at the very end of the answer.
const APPROX_AFTER: &[&str] = &[
    "approximativement",
    "approx.",
    "approx",
    "environ",
    "env.",
    "env",
    "a peu pres",
];

/// Direction words and whether they mean a negative value.
const DIRECTIONS: &[(&str, bool)] = &[
    ("baisse", true),
    ("diminution", true),
    ("recul", true),
    ("chute", true),
    ("perte", true),
    ("deficit", true),
    ("hausse", false),
    ("gain", false),
    ("benefice", false),
    ("augmentation", false),
    ("progression", false),
    ("croissance", false),
];

/// What a unit keyword stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UnitKind {
    Percent,
    Points,
    /// Euros; `kilo` when the amount is in thousands of euros.
    Euro {
        kilo: bool,
    },
    /// Hundredths of a euro: "53 centimes" is 0,53 €.
    Cents,
    /// "HT" written on its own: euros before tax.
    HtOnly,
}

/// Unit keywords, in the order they are tried (longer spellings first).
/// In keywords, ' ' stands for one or more spaces and '_' for optional spaces.
const UNITS: &[(&str, UnitKind)] = &[
    ("k euros", UnitKind::Euro { kilo: true }),
    ("k euro", UnitKind::Euro { kilo: true }),
    ("k eur", UnitKind::Euro { kilo: true }),
    ("k_€", UnitKind::Euro { kilo: true }),
    ("keuros", UnitKind::Euro { kilo: true }),
    ("keur", UnitKind::Euro { kilo: true }),
    ("ke", UnitKind::Euro { kilo: true }),
    ("euros", UnitKind::Euro { kilo: false }),
    ("euro", UnitKind::Euro { kilo: false }),
    ("eur", UnitKind::Euro { kilo: false }),
    ("€", UnitKind::Euro { kilo: false }),
    ("centimes", UnitKind::Cents),
    ("centime", UnitKind::Cents),
    ("cts", UnitKind::Cents),
    ("pour cent", UnitKind::Percent),
    ("pour-cent", UnitKind::Percent),
    ("pourcents", UnitKind::Percent),
    ("pourcent", UnitKind::Percent),
    ("%", UnitKind::Percent),
    ("points de pourcentage", UnitKind::Points),
    ("point de pourcentage", UnitKind::Points),
    ("pts de pourcentage", UnitKind::Points),
    ("pt de pourcentage", UnitKind::Points),
    ("points", UnitKind::Points),
    ("point", UnitKind::Points),
    ("pts.", UnitKind::Points),
    ("pts", UnitKind::Points),
    ("pt.", UnitKind::Points),
    ("pt", UnitKind::Points),
    ("pp", UnitKind::Points),
    ("ht", UnitKind::HtOnly),
];

/// Words that may not appear among the trailing counted nouns: they are
/// units, tax mentions or approximation markers in the wrong place.
const RESERVED_WORDS: &[&str] = &[
    "ttc",
    "ht",
    "k",
    "ke",
    "keur",
    "eur",
    "euro",
    "euros",
    "pourcent",
    "pourcents",
    "pt",
    "pts",
    "point",
    "points",
    "pp",
    "environ",
    "env",
    "approx",
    "approximativement",
];

/// The digits of a number as written, before sign and unit are applied.
#[derive(Debug, Clone, PartialEq, Eq)]
struct RawNumber {
    /// All digits (integer then fractional) read as one integer.
    mantissa: i128,
    /// Number of digits written after the decimal mark.
    frac_digits: u32,
    /// The number as written, when it is the ambiguous "16.000" form.
    ambiguous_dot: Option<String>,
}

/// Reads one typed answer.
///
/// # Errors
/// Returns a [`ParseError`] whenever any part of the input is not understood.
pub fn parse_answer(input: &str) -> Result<ParsedAnswer, ParseError> {
    let chars = answer_chars(input)?;
    // 1. Optional label, ending at the last separator.
    let (after_label, label_approx) = read_label(&chars)?;
    // 2–4. Optional « soit », approximation marker and direction phrase.
    let lead = read_lead(&chars, skip_spaces(&chars, after_label));
    // 5. Optional euro sign before the number, sign and multiplier.
    let sign = read_sign(&chars, lead.pos);
    let mut negative = match (lead.direction_negative, sign.explicit_negative) {
        (Some(d), Some(s)) if d != s => return Err(ParseError::ContradictorySign),
        (Some(d), _) => d,
        (None, Some(s)) => s,
        (None, None) => false,
    };
    // 6. The number.
    let (raw, end) = read_number(&chars, sign.pos)?;
    // 7. Optional unit.
    let unit = read_unit(&chars, skip_spaces(&chars, end), &sign)?;
    // 8. Trailing approximation marker, direction and counted nouns.
    let before = lead.direction_negative.or(sign.explicit_negative);
    let tail = read_tail(&chars[unit.pos..], before)?;
    if let Some(after_negative) = tail.negative {
        negative = after_negative;
    }

    let (value, decimals) = build_value(&raw, negative, unit.shift)?;
    let dot_thousands = dot_thousands(raw, negative, unit.shift);
    Ok(ParsedAnswer {
        value,
        decimals,
        unit: unit.unit,
        approx: label_approx || lead.approx || tail.approx,
        words: tail.words,
        dot_thousands,
    })
}

/// The answer as characters, every kind of space made a plain one, without a sentence's final
/// full stop (or « ! », « ; »), as phones add it: « 17,76 %. ».
fn answer_chars(input: &str) -> Result<Vec<char>, ParseError> {
    let trimmed = input
        .trim()
        .trim_end_matches(['.', '!', ';', '…'])
        .trim_end();
    if trimmed.is_empty() {
        return Err(ParseError::Empty);
    }
    if !trimmed.chars().any(|c| c.is_ascii_digit()) {
        return Err(ParseError::NoNumber);
    }
    Ok(trimmed
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect())
}

/// Step 1: the optional label (« TC = », « Taux : »), ending at the last separator. Returns
/// where the rest starts, and whether the separator was « ≈ ».
fn read_label(chars: &[char]) -> Result<(usize, bool), ParseError> {
    let Some(sep) = chars.iter().rposition(|&c| matches!(c, '=' | ':' | '≈')) else {
        return Ok((0, false));
    };
    let label = &chars[..sep];
    let right = &chars[sep + 1..];
    if label.iter().any(char::is_ascii_digit) {
        if right.iter().any(char::is_ascii_digit) {
            return Err(ParseError::SeveralNumbers);
        }
        // The number is on the left: the separator is trailing junk.
        return Err(ParseError::Leftover(text(&chars[sep..])));
    }
    let blank = label.iter().all(|&c| c == ' ');
    if !blank && !label.iter().any(|c| c.is_alphabetic()) {
        return Err(ParseError::Leftover(text(label)));
    }
    // A spreadsheet formula pasted before the number (`=HYPERLINK("…";"…") = 17,76 %`)
    // is not a label: the student has not said which figure is the answer.
    if looks_like_formula(label) {
        return Err(ParseError::Leftover(text(label)));
    }
    Ok((sep + 1, chars[sep] == '≈'))
}

/// What comes before the sign: « soit », an approximation marker, a direction phrase.
struct Lead {
    /// Where the rest starts.
    pos: usize,
    /// An approximation marker was read.
    approx: bool,
    /// The direction phrase, when there is one: « baisse de » is negative.
    direction_negative: Option<bool>,
}

/// Steps 2 to 4: optional « soit », approximation marker and direction phrase (« baisse
/// d'environ 5 % »), from `pos`.
fn read_lead(chars: &[char], mut pos: usize) -> Lead {
    let mut approx = false;
    // 2. Optional "soit".
    if let Some(end) = match_kw(chars, pos, "soit") {
        pos = skip_spaces(chars, end);
    }
    // 3. Optional approximation marker.
    if let Some(end) = match_any(chars, pos, APPROX_BEFORE) {
        approx = true;
        pos = skip_spaces(chars, end);
    }
    // 4. Optional direction phrase.
    let mut direction_negative: Option<bool> = None;
    if let Some((end, negative)) = match_direction(chars, pos) {
        direction_negative = Some(negative);
        pos = skip_spaces(chars, end);
        if let Some(end) = match_any(chars, pos, &["de", "d'"]) {
            pos = skip_spaces(chars, end);
        }
        // "baisse d'environ 5 %"
        if let Some(end) = match_any(chars, pos, APPROX_BEFORE) {
            approx = true;
            pos = skip_spaces(chars, end);
        }
    }
    Lead {
        pos,
        approx,
        direction_negative,
    }
}

/// What is written just before the number: a euro sign, a sign, a multiplier.
struct Sign {
    /// Where the number starts.
    pos: usize,
    /// « € » before the number.
    euro_before: bool,
    /// « + » or « − », when written.
    explicit_negative: Option<bool>,
    /// « x3,02 », « × 3,02 »: a multiplier.
    times: bool,
}

/// Step 5: an optional euro sign before the number, an optional sign, and the multiplier
/// students write before a ROAS or a coefficient (« x3,02 », « × 3,02 »).
fn read_sign(chars: &[char], mut pos: usize) -> Sign {
    let mut euro_before = false;
    if chars.get(pos) == Some(&'€') {
        euro_before = true;
        pos = skip_spaces(chars, pos + 1);
    }
    let mut explicit_negative: Option<bool> = None;
    if let Some(&c) = chars.get(pos) {
        let sign = match c {
            '+' => Some(false),
            '-' | '\u{2212}' | '\u{2013}' => Some(true),
            _ => None,
        };
        if sign.is_some() {
            explicit_negative = sign;
            pos = skip_spaces(chars, pos + 1);
        }
    }
    if !euro_before && chars.get(pos) == Some(&'€') {
        euro_before = true;
        pos = skip_spaces(chars, pos + 1);
    }
    let mut times = false;
    if !euro_before
        && chars
            .get(pos)
            .is_some_and(|&c| matches!(c, 'x' | 'X' | '×'))
    {
        let next = skip_spaces(chars, pos + 1);
        if chars
            .get(next)
            .is_some_and(|&c| c.is_ascii_digit() || is_mark(c))
        {
            times = true;
            pos = next;
        }
    }
    Sign {
        pos,
        euro_before,
        explicit_negative,
        times,
    }
}

/// Step 6: the number at `pos`, and where it ends.
fn read_number(chars: &[char], pos: usize) -> Result<(RawNumber, usize), ParseError> {
    match scan_number(chars, pos)? {
        Some(found) => Ok(found),
        None => {
            let rest = &chars[pos..];
            if count_numbers(rest) >= 2 {
                return Err(ParseError::SeveralNumbers);
            }
            Err(ParseError::Leftover(text(rest)))
        }
    }
}

/// The unit of an answer, as read.
struct ReadUnit {
    unit: GivenUnit,
    /// Powers of ten between the unit written and the base unit: 3 for k€, −2 for centimes.
    shift: i32,
    /// Where the rest starts.
    pos: usize,
}

/// Step 7: the optional unit at `pos`, given what was written before the number.
fn read_unit(chars: &[char], pos: usize, sign: &Sign) -> Result<ReadUnit, ParseError> {
    let mut unit = if sign.euro_before {
        GivenUnit::Euro
    } else if sign.times {
        GivenUnit::Times
    } else {
        GivenUnit::Bare
    };
    let mut shift = 0;
    let Some((kind, end)) = match_unit(chars, pos) else {
        return Ok(ReadUnit { unit, shift, pos });
    };
    match kind {
        _ if sign.times => return Err(ParseError::Leftover(text(&chars[pos..]))),
        UnitKind::HtOnly => unit = GivenUnit::Euro,
        _ if sign.euro_before => return Err(ParseError::Leftover(text(&chars[pos..]))),
        UnitKind::Percent => unit = GivenUnit::Percent,
        UnitKind::Points => unit = GivenUnit::Points,
        UnitKind::Euro { kilo } => {
            unit = GivenUnit::Euro;
            shift = if kilo { 3 } else { 0 };
        }
        UnitKind::Cents => {
            unit = GivenUnit::Euro;
            shift = -2;
        }
    }
    Ok(ReadUnit {
        unit,
        shift,
        pos: skip_spaces(chars, end),
    })
}

/// What follows the number and its unit.
struct Tail {
    /// A trailing approximation marker was read.
    approx: bool,
    /// A trailing direction (« 32,63 % d'augmentation »): whether it is negative.
    negative: Option<bool>,
    /// The counted nouns (« clics »), lowercased and single-spaced.
    words: Option<String>,
}

/// Step 8: a trailing approximation marker, direction (« 32,63 % d'augmentation ») and counted
/// nouns. `before` is the sign already read before the number, if any.
fn read_tail(mut tail: &[char], before: Option<bool>) -> Result<Tail, ParseError> {
    if count_numbers(tail) > 0 {
        return Err(ParseError::SeveralNumbers);
    }
    let mut approx = false;
    if let Some(start) = trailing_approx(tail) {
        approx = true;
        tail = trim_chars(&tail[..start]);
    }
    let mut negative = None;
    if let Some((start, after_negative)) = trailing_direction(tail) {
        if before.is_some_and(|b| b != after_negative) {
            return Err(ParseError::ContradictorySign);
        }
        negative = Some(after_negative);
        tail = trim_chars(&tail[..start]);
    }
    let words = if tail.is_empty() {
        None
    } else {
        match read_words(tail) {
            Some(w) => Some(w),
            None => return Err(ParseError::Leftover(text(tail))),
        }
    };
    Ok(Tail {
        approx,
        negative,
        words,
    })
}

/// The other reading of an ambiguous « 16.000 »: the same digits with no decimal part.
fn dot_thousands(raw: RawNumber, negative: bool, shift: i32) -> Option<DotThousands> {
    let written = raw.ambiguous_dot?;
    let whole = RawNumber {
        mantissa: raw.mantissa,
        frac_digits: 0,
        ambiguous_dot: None,
    };
    let (value, decimals) = build_value(&whole, negative, shift).ok()?;
    Some(DotThousands {
        value,
        decimals,
        written,
    })
}

/// Applies unit scaling (`shift` powers of ten: 3 for k€, −2 for centimes) and sign, checks
/// the magnitude and builds the value.
fn build_value(raw: &RawNumber, negative: bool, shift: i32) -> Result<(Decimal, i64), ParseError> {
    let mut mantissa = raw.mantissa;
    let mut scale = raw.frac_digits;
    let decimals = i64::from(raw.frac_digits) - i64::from(shift);
    if shift > 0 {
        let up = shift.unsigned_abs();
        if scale >= up {
            scale -= up;
        } else {
            mantissa = mantissa
                .checked_mul(10_i128.pow(up - scale))
                .ok_or(ParseError::OutOfRange)?;
            scale = 0;
        }
    } else {
        scale += shift.unsigned_abs();
    }
    let limit = MAX_ABS
        .checked_mul(10_i128.pow(scale))
        .ok_or(ParseError::OutOfRange)?;
    if mantissa > limit {
        return Err(ParseError::OutOfRange);
    }
    if negative {
        mantissa = -mantissa;
    }
    let value =
        Decimal::try_from_i128_with_scale(mantissa, scale).map_err(|_| ParseError::OutOfRange)?;
    Ok((value, decimals))
}

/// The characters as a trimmed string, for error messages.
fn text(chars: &[char]) -> String {
    chars.iter().collect::<String>().trim().to_string()
}

/// Removes leading and trailing spaces.
fn trim_chars(chars: &[char]) -> &[char] {
    let start = chars.iter().position(|&c| c != ' ').unwrap_or(chars.len());
    let end = chars
        .iter()
        .rposition(|&c| c != ' ')
        .map_or(start, |e| e + 1);
    &chars[start..end.max(start)]
}

/// Position of the first non-space at or after `pos`.
fn skip_spaces(chars: &[char], mut pos: usize) -> usize {
    while chars.get(pos) == Some(&' ') {
        pos += 1;
    }
    pos
}

/// Lowercases a character and strips the French accents, for keyword matching.
fn fold(c: char) -> char {
    // Most of what students type is ASCII: lowered without the Unicode tables.
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    match lower {
        'à' | 'â' | 'ä' | 'á' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' => 'i',
        'ô' | 'ö' => 'o',
        'ù' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
        other => other,
    }
}

/// Matches keyword `kw` at `pos`, returning the position just after it.
///
/// In `kw`, ' ' requires one or more spaces and '_' allows any number of
/// spaces. A keyword ending in a letter must not be followed by a letter.
fn match_kw(chars: &[char], pos: usize, kw: &str) -> Option<usize> {
    let mut i = pos;
    let mut last = None;
    for k in kw.chars() {
        match k {
            ' ' => {
                if chars.get(i) != Some(&' ') {
                    return None;
                }
                i = skip_spaces(chars, i);
            }
            '_' => i = skip_spaces(chars, i),
            _ => {
                if fold(*chars.get(i)?) != k {
                    return None;
                }
                i += 1;
            }
        }
        last = Some(k);
    }
    let ends_in_letter = last.is_some_and(char::is_alphabetic);
    if ends_in_letter && chars.get(i).is_some_and(|c| c.is_alphabetic()) {
        return None;
    }
    Some(i)
}

/// Matches the first keyword of `kws` found at `pos`.
fn match_any(chars: &[char], pos: usize, kws: &[&str]) -> Option<usize> {
    kws.iter().find_map(|kw| match_kw(chars, pos, kw))
}

/// Matches "(en) baisse", "(en) hausse", ...; returns the end and whether
/// the direction is negative.
fn match_direction(chars: &[char], pos: usize) -> Option<(usize, bool)> {
    let after_en = match_kw(chars, pos, "en ");
    for &(word, negative) in DIRECTIONS {
        if let Some(end) = after_en.and_then(|p| match_kw(chars, p, word)) {
            return Some((end, negative));
        }
        if let Some(end) = match_kw(chars, pos, word) {
            return Some((end, negative));
        }
    }
    None
}

/// Matches a unit (with an optional "HT" after euros) at `pos`.
fn match_unit(chars: &[char], pos: usize) -> Option<(UnitKind, usize)> {
    let (kind, end) = UNITS
        .iter()
        .find_map(|&(kw, kind)| match_kw(chars, pos, kw).map(|end| (kind, end)))?;
    if let UnitKind::Euro { .. } = kind {
        if let Some(ht_end) = match_kw(chars, end, "_ht") {
            return Some((kind, ht_end));
        }
    }
    Some((kind, end))
}

/// Direction phrases allowed after the number and unit, and whether they mean a negative value:
/// "32,63 % d'augmentation", "36,08 % de perte", "5,08 % en baisse".
fn trailing_direction(tail: &[char]) -> Option<(usize, bool)> {
    (0..tail.len()).find_map(|i| {
        let at_boundary = i == 0 || tail[i - 1] == ' ';
        if !at_boundary {
            return None;
        }
        let after = match_any(tail, i, &["de ", "d'", "en "])?;
        let after = skip_spaces(tail, after);
        DIRECTIONS.iter().find_map(|&(word, negative)| {
            (match_kw(tail, after, word) == Some(tail.len())).then_some((i, negative))
        })
    })
}

/// Whether a label is a spreadsheet formula rather than words: it starts with "=" or holds
/// characters no French label needs (quotes, ";", "$", brackets, "!").
fn looks_like_formula(label: &[char]) -> bool {
    let trimmed = trim_chars(label);
    trimmed.first() == Some(&'=')
        || trimmed.iter().any(|&c| {
            matches!(
                c,
                '"' | ';' | '$' | '[' | ']' | '{' | '}' | '!' | '<' | '>' | '|'
            )
        })
}

/// If `tail` ends with an approximation marker standing as its own word,
/// returns where that marker starts.
fn trailing_approx(tail: &[char]) -> Option<usize> {
    (0..tail.len()).find(|&i| {
        let at_boundary = i == 0 || !tail[i - 1].is_alphabetic();
        at_boundary
            && APPROX_AFTER
                .iter()
                .any(|kw| match_kw(tail, i, kw) == Some(tail.len()))
    })
}

/// Counts the numbers standing on their own in `chars` (digit runs joined by
/// '.', ',' or a single space count once; digits glued after a letter, as in
/// "e3", do not count).
fn count_numbers(chars: &[char]) -> usize {
    let mut count = 0;
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let after_letter = i > 0 && chars[i - 1].is_alphabetic();
        loop {
            while chars.get(i).is_some_and(char::is_ascii_digit) {
                i += 1;
            }
            let joined = chars.get(i).is_some_and(|&c| matches!(c, '.' | ',' | ' '))
                && chars.get(i + 1).is_some_and(char::is_ascii_digit);
            if !joined {
                break;
            }
            i += 1;
        }
        if !after_letter {
            count += 1;
        }
    }
    count
}

/// A piece of a written number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    /// Digits in `chars[start..end]`.
    Digits(usize, usize),
    /// A separator: '.', ',' or ' '.
    Sep(char),
}

fn is_mark(c: char) -> bool {
    c == '.' || c == ','
}

/// Reads the number starting at `pos`. Returns `Ok(None)` when no number
/// starts there, otherwise the digits read and the position after them.
fn scan_number(chars: &[char], pos: usize) -> Result<Option<(RawNumber, usize)>, ParseError> {
    let digit_at = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let starts = match chars.get(pos) {
        Some(c) if c.is_ascii_digit() => true,
        Some(&c) if is_mark(c) => digit_at(pos + 1),
        _ => false,
    };
    if !starts {
        return Ok(None);
    }

    let mut pieces = Vec::new();
    let mut i = pos;
    let mut seen_mark = false;
    if is_mark(chars[i]) {
        pieces.push(Piece::Sep(chars[i]));
        seen_mark = true;
        i += 1;
    }
    loop {
        let start = i;
        while digit_at(i) {
            i += 1;
        }
        pieces.push(Piece::Digits(start, i));
        if let Some(&c) = chars.get(i) {
            if is_mark(c) {
                if digit_at(i + 1) {
                    pieces.push(Piece::Sep(c));
                    seen_mark = true;
                    i += 1;
                    continue;
                }
                return Err(ParseError::BadGrouping(text(&chars[pos..=i])));
            }
            if c == ' ' && !seen_mark {
                let next = skip_spaces(chars, i);
                if digit_at(next) {
                    pieces.push(Piece::Sep(' '));
                    i = next;
                    continue;
                }
            }
        }
        break;
    }

    let written = text(&chars[pos..i]);
    let (int_digits, frac_digits) =
        interpret(chars, &pieces).ok_or_else(|| ParseError::BadGrouping(written.clone()))?;
    if int_digits.len() > MAX_INT_DIGITS || frac_digits.len() > MAX_FRAC_DIGITS {
        return Err(ParseError::TooManyDigits);
    }
    let mut mantissa: i128 = 0;
    for d in int_digits.iter().chain(frac_digits.iter()) {
        let digit = d
            .to_digit(10)
            .ok_or_else(|| ParseError::BadGrouping(written.clone()))?;
        mantissa = mantissa * 10 + i128::from(digit);
    }
    let frac_len = u32::try_from(frac_digits.len()).map_err(|_| ParseError::TooManyDigits)?;
    let ambiguous_dot = is_ambiguous_dot(&written).then_some(written);
    Ok(Some((
        RawNumber {
            mantissa,
            frac_digits: frac_len,
            ambiguous_dot,
        },
        i,
    )))
}

/// Splits the pieces of a number into integer and fractional digits,
/// checking the thousands grouping. `None` means badly grouped.
fn interpret(chars: &[char], pieces: &[Piece]) -> Option<(Vec<char>, Vec<char>)> {
    let digits_of = |p: &Piece| match *p {
        Piece::Digits(s, e) => Some(chars[s..e].to_vec()),
        Piece::Sep(_) => None,
    };

    // Leading decimal mark: ",5".
    if let Some(Piece::Sep(_)) = pieces.first() {
        return match pieces {
            [Piece::Sep(_), d @ Piece::Digits(..)] => Some((Vec::new(), digits_of(d)?)),
            _ => None,
        };
    }

    let groups: Vec<Vec<char>> = pieces.iter().filter_map(digits_of).collect();
    let seps: Vec<char> = pieces
        .iter()
        .filter_map(|p| match *p {
            Piece::Sep(c) => Some(c),
            Piece::Digits(..) => None,
        })
        .collect();
    if groups.len() != seps.len() + 1 {
        return None;
    }

    // Which separator (by index) is the decimal mark, if any.
    let marks: Vec<(usize, char)> = seps
        .iter()
        .copied()
        .enumerate()
        .filter(|&(_, c)| is_mark(c))
        .collect();
    let decimal_index = match marks.last() {
        None => None,
        Some(&(idx, last)) => {
            let same_kind = marks.iter().filter(|&&(_, c)| c == last).count();
            if marks.iter().all(|&(_, c)| c == last) {
                // Only one kind of mark: a single one is the decimal mark,
                // several are thousands separators.
                (same_kind == 1).then_some(idx)
            } else if same_kind == 1 {
                Some(idx)
            } else {
                return None;
            }
        }
    };

    // The decimal mark can only be the last separator.
    if let Some(idx) = decimal_index {
        if idx + 1 != seps.len() {
            return None;
        }
    }
    let int_count = decimal_index.map_or(groups.len(), |idx| idx + 1);
    let thousands: Vec<char> = seps[..int_count - 1].to_vec();
    if let Some(&first) = thousands.first() {
        if thousands.iter().any(|&c| c != first) {
            return None;
        }
    }
    let int_groups = &groups[..int_count];
    if int_groups.len() > 1 {
        let first_ok = (1..=3).contains(&int_groups[0].len());
        let rest_ok = int_groups[1..].iter().all(|g| g.len() == 3);
        if !first_ok || !rest_ok {
            return None;
        }
    }
    let int_digits: Vec<char> = int_groups.concat();
    let frac_digits = if decimal_index.is_some() {
        groups.last()?.clone()
    } else {
        Vec::new()
    };
    Some((int_digits, frac_digits))
}

/// Reads trailing counted nouns: alphabetic words joined by spaces or '/'.
/// Returns them lowercased and single-spaced, or `None` if anything else is
/// there.
fn read_words(tail: &[char]) -> Option<String> {
    let is_word_char = |c: char| c.is_alphabetic() || matches!(c, '\'' | '\u{2019}' | '-');
    let mut out = String::new();
    let mut i = 0;
    // "15,65 €/vente": a leading "/" reads "per".
    if tail.first() == Some(&'/') {
        out.push('/');
        i = skip_spaces(tail, 1);
    }
    loop {
        let start = i;
        while tail.get(i).is_some_and(|&c| is_word_char(c)) {
            i += 1;
        }
        let word = &tail[start..i];
        match (word.first(), word.last()) {
            (Some(f), Some(l)) if f.is_alphabetic() && l.is_alphabetic() => {}
            _ => return None,
        }
        let lower = word.iter().collect::<String>().to_lowercase();
        if RESERVED_WORDS.contains(&lower.as_str()) {
            return None;
        }
        out.push_str(&lower);

        let after_space = skip_spaces(tail, i);
        match tail.get(after_space) {
            None => return Some(out),
            Some('/') => {
                out.push('/');
                i = skip_spaces(tail, after_space + 1);
            }
            Some(_) if after_space > i => {
                out.push(' ');
                i = after_space;
            }
            Some(_) => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;
    use std::mem::discriminant;

    /// A final full stop, « ! » or « ; » (as a phone adds it) reads like no punctuation.
    #[test]
    fn a_final_full_stop_is_read_like_none() {
        for (with, without) in [
            ("17,76 %.", "17,76 %"),
            ("0,53 €.", "0,53 €"),
            ("3,02 !", "3,02"),
            ("baisse de 5,08 %;", "baisse de 5,08 %"),
            ("1 940 €...", "1 940 €"),
        ] {
            let (a, b) = (parse_answer(with), parse_answer(without));
            match (a, b) {
                (Ok(a), Ok(b)) => assert_eq!(
                    (a.value, a.decimals, a.unit),
                    (b.value, b.decimals, b.unit),
                    "{with}"
                ),
                (a, b) => panic!("{with}: {a:?} / {without}: {b:?}"),
            }
        }
    }

    /// What a table case expects.
    enum Expect {
        Ok {
            value: Decimal,
            decimals: i64,
            unit: GivenUnit,
            approx: bool,
            words: Option<&'static str>,
        },
        Err(ParseError),
    }

    fn ok(value: Decimal, decimals: i64, unit: GivenUnit) -> Expect {
        Expect::Ok {
            value,
            decimals,
            unit,
            approx: false,
            words: None,
        }
    }

    fn ok_approx(value: Decimal, decimals: i64, unit: GivenUnit) -> Expect {
        Expect::Ok {
            value,
            decimals,
            unit,
            approx: true,
            words: None,
        }
    }

    fn ok_words(value: Decimal, decimals: i64, unit: GivenUnit, words: &'static str) -> Expect {
        Expect::Ok {
            value,
            decimals,
            unit,
            approx: false,
            words: Some(words),
        }
    }

    fn err(e: ParseError) -> Expect {
        Expect::Err(e)
    }

    fn bad() -> ParseError {
        ParseError::BadGrouping(String::new())
    }

    fn left() -> ParseError {
        ParseError::Leftover(String::new())
    }

    use GivenUnit::{Bare, Euro, Percent, Points, Times};
    use ParseError::{
        ContradictorySign, Empty, NoNumber, OutOfRange, SeveralNumbers, TooManyDigits,
    };

    /// Every case, in the order of the themes below.
    fn table() -> Vec<(&'static str, Expect)> {
        [
            units(),
            approximations_labels_and_directions(),
            number_forms_and_words(),
            refusals_and_edge_cases(),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// Percentages, euros (centimes, kilo-euros, « par »), points.
    fn units() -> Vec<(&'static str, Expect)> {
        vec![
            // Percentages.
            ("17,76 %", ok(dec!(17.76), 2, Percent)),
            ("17.76%", ok(dec!(17.76), 2, Percent)),
            ("17,76\u{a0}%", ok(dec!(17.76), 2, Percent)),
            ("17,76\u{202f}%", ok(dec!(17.76), 2, Percent)),
            ("17,76\u{2009}%", ok(dec!(17.76), 2, Percent)),
            ("17,76\t%", ok(dec!(17.76), 2, Percent)),
            ("  17,76 %  ", ok(dec!(17.76), 2, Percent)),
            ("17,76 pour cent", ok(dec!(17.76), 2, Percent)),
            ("17,76 Pour Cent", ok(dec!(17.76), 2, Percent)),
            ("17,76 pourcent", ok(dec!(17.76), 2, Percent)),
            ("17,76 pourcents", ok(dec!(17.76), 2, Percent)),
            ("−36,08 %", ok(dec!(-36.08), 2, Percent)),
            ("-36,08 %", ok(dec!(-36.08), 2, Percent)),
            ("+12,5 %", ok(dec!(12.5), 1, Percent)),
            ("0,50 %", ok(dec!(0.50), 2, Percent)),
            ("100 %", ok(dec!(100), 0, Percent)),
            // Euros and thousands grouping.
            ("1 940 €", ok(dec!(1940), 0, Euro)),
            ("1\u{a0}940 €", ok(dec!(1940), 0, Euro)),
            ("1\u{202f}940 €", ok(dec!(1940), 0, Euro)),
            ("1\u{2009}940\u{202f}€", ok(dec!(1940), 0, Euro)),
            ("1940€", ok(dec!(1940), 0, Euro)),
            ("20 809", ok(dec!(20809), 0, Bare)),
            ("175 360", ok(dec!(175360), 0, Bare)),
            ("1 234 567,5", ok(dec!(1234567.5), 1, Bare)),
            ("274630", ok(dec!(274630), 0, Bare)),
            ("1 940.5", ok(dec!(1940.5), 1, Bare)),
            ("0,53 €", ok(dec!(0.53), 2, Euro)),
            ("0,53€", ok(dec!(0.53), 2, Euro)),
            ("0,53 euros", ok(dec!(0.53), 2, Euro)),
            ("0,53 euro", ok(dec!(0.53), 2, Euro)),
            ("0,53 EUR", ok(dec!(0.53), 2, Euro)),
            ("0,53 € HT", ok(dec!(0.53), 2, Euro)),
            ("0,53 €HT", ok(dec!(0.53), 2, Euro)),
            ("0,53 eur ht", ok(dec!(0.53), 2, Euro)),
            ("0,53 euros HT", ok(dec!(0.53), 2, Euro)),
            ("200 HT", ok(dec!(200), 0, Euro)),
            ("200 ht", ok(dec!(200), 0, Euro)),
            ("– 700 €", ok(dec!(-700), 0, Euro)),
            ("- 700 €", ok(dec!(-700), 0, Euro)),
            ("€ 12,5", ok(dec!(12.5), 1, Euro)),
            ("€12,5", ok(dec!(12.5), 1, Euro)),
            ("€ 12,5 HT", ok(dec!(12.5), 1, Euro)),
            ("-€12,5", ok(dec!(-12.5), 1, Euro)),
            ("€ -12,5", ok(dec!(-12.5), 1, Euro)),
            ("soit 47,30 €", ok(dec!(47.30), 2, Euro)),
            ("Soit 47,30 €", ok(dec!(47.30), 2, Euro)),
            // Centimes.
            ("53 centimes", ok(dec!(0.53), 2, Euro)),
            ("1 centime", ok(dec!(0.01), 2, Euro)),
            ("52,5 centimes", ok(dec!(0.525), 3, Euro)),
            ("53 cts", ok(dec!(0.53), 2, Euro)),
            ("-53 centimes", ok(dec!(-0.53), 2, Euro)),
            ("€ 53 centimes", err(left())),
            // Per something: "/" after the unit.
            ("15,65 €/vente", ok_words(dec!(15.65), 2, Euro, "/vente")),
            ("15,65 € / vente", ok_words(dec!(15.65), 2, Euro, "/vente")),
            ("0,53 € par clic", ok_words(dec!(0.53), 2, Euro, "par clic")),
            (
                "17,76 % des impressions",
                ok_words(dec!(17.76), 2, Percent, "des impressions"),
            ),
            ("15,65 €/", err(left())),
            ("15,65 €//vente", err(left())),
            // Kilo-euros.
            ("1,94 k€", ok(dec!(1940), -1, Euro)),
            ("1,94 k €", ok(dec!(1940), -1, Euro)),
            ("1,94k€", ok(dec!(1940), -1, Euro)),
            ("1,94 K€", ok(dec!(1940), -1, Euro)),
            ("1,94 keur", ok(dec!(1940), -1, Euro)),
            ("1,94 k euros", ok(dec!(1940), -1, Euro)),
            ("1,94 ke", ok(dec!(1940), -1, Euro)),
            ("2 k€", ok(dec!(2000), -3, Euro)),
            ("2 k€ HT", ok(dec!(2000), -3, Euro)),
            ("1,2345 k€", ok(dec!(1234.5), 1, Euro)),
            ("-1,5 k€", ok(dec!(-1500), -2, Euro)),
            // Points.
            ("+0,80 pts", ok(dec!(0.80), 2, Points)),
            ("0,8 pts.", ok(dec!(0.8), 1, Points)),
            ("0,8 pt", ok(dec!(0.8), 1, Points)),
            ("0,8 points", ok(dec!(0.8), 1, Points)),
            ("0,8 point", ok(dec!(0.8), 1, Points)),
            ("+ 0,8 point de pourcentage", ok(dec!(0.8), 1, Points)),
            ("-1,2 points de pourcentage", ok(dec!(-1.2), 1, Points)),
            ("3 pp", ok(dec!(3), 0, Points)),
            ("3 PTS", ok(dec!(3), 0, Points)),
        ]
    }

    /// Approximation markers, labels, directions before and after the number, formulas.
    fn approximations_labels_and_directions() -> Vec<(&'static str, Expect)> {
        vec![
            // Approximations.
            ("≈ 17,8 %", ok_approx(dec!(17.8), 1, Percent)),
            ("≈17,8 %", ok_approx(dec!(17.8), 1, Percent)),
            ("~ 17,8 %", ok_approx(dec!(17.8), 1, Percent)),
            ("~17,8%", ok_approx(dec!(17.8), 1, Percent)),
            ("environ 17,8 %", ok_approx(dec!(17.8), 1, Percent)),
            ("Environ 17,8 %", ok_approx(dec!(17.8), 1, Percent)),
            ("17,8 % environ", ok_approx(dec!(17.8), 1, Percent)),
            ("17,8 % env.", ok_approx(dec!(17.8), 1, Percent)),
            ("env. 3", ok_approx(dec!(3), 0, Bare)),
            ("env 3", ok_approx(dec!(3), 0, Bare)),
            ("approx. 3", ok_approx(dec!(3), 0, Bare)),
            ("approx 3", ok_approx(dec!(3), 0, Bare)),
            ("approximativement 3", ok_approx(dec!(3), 0, Bare)),
            ("à peu près 3 €", ok_approx(dec!(3), 0, Euro)),
            ("a peu pres 3 €", ok_approx(dec!(3), 0, Euro)),
            ("3 € à peu près", ok_approx(dec!(3), 0, Euro)),
            ("soit environ 47 €", ok_approx(dec!(47), 0, Euro)),
            // Labels.
            ("CTR = 17,76 %", ok(dec!(17.76), 2, Percent)),
            ("CTR=17,76%", ok(dec!(17.76), 2, Percent)),
            ("Taux de clic : 17,76 %", ok(dec!(17.76), 2, Percent)),
            ("ROAS ≈ 3,02", ok_approx(dec!(3.02), 2, Bare)),
            ("= 17,76", ok(dec!(17.76), 2, Bare)),
            ("CA HT = 1 940 €", ok(dec!(1940), 0, Euro)),
            (
                "Taux d'évolution : baisse de 5,08 %",
                ok(dec!(-5.08), 2, Percent),
            ),
            ("CTR = soit ≈ 17,8 %", ok_approx(dec!(17.8), 1, Percent)),
            // Directions.
            ("baisse de 5,08 %", ok(dec!(-5.08), 2, Percent)),
            ("Baisse de 5,08 %", ok(dec!(-5.08), 2, Percent)),
            ("en baisse de 5,08 %", ok(dec!(-5.08), 2, Percent)),
            ("diminution de 3 %", ok(dec!(-3), 0, Percent)),
            ("recul de 3 %", ok(dec!(-3), 0, Percent)),
            ("chute de 3 %", ok(dec!(-3), 0, Percent)),
            ("en hausse de 32,63 %", ok(dec!(32.63), 2, Percent)),
            ("hausse de 32,63 %", ok(dec!(32.63), 2, Percent)),
            ("augmentation d'environ 4 %", ok_approx(dec!(4), 0, Percent)),
            ("progression d’1,5 pt", ok(dec!(1.5), 1, Points)),
            ("croissance 2 %", ok(dec!(2), 0, Percent)),
            ("baisse de -5 %", ok(dec!(-5), 0, Percent)),
            ("hausse de +5 %", ok(dec!(5), 0, Percent)),
            ("environ en baisse de 700 €", ok_approx(dec!(-700), 0, Euro)),
            ("perte de 36,08 %", ok(dec!(-36.08), 2, Percent)),
            ("déficit de 700 €", ok(dec!(-700), 0, Euro)),
            ("gain de 14 413,33 €", ok(dec!(14413.33), 2, Euro)),
            ("bénéfice de 5 €", ok(dec!(5), 0, Euro)),
            // A direction after the number.
            ("32,63 % d'augmentation", ok(dec!(32.63), 2, Percent)),
            ("32,63 % d’augmentation", ok(dec!(32.63), 2, Percent)),
            ("32,63 % de hausse", ok(dec!(32.63), 2, Percent)),
            ("5,08 % de baisse", ok(dec!(-5.08), 2, Percent)),
            ("5,08 % en baisse", ok(dec!(-5.08), 2, Percent)),
            ("36,08 % de perte", ok(dec!(-36.08), 2, Percent)),
            ("-5,08 % de baisse", ok(dec!(-5.08), 2, Percent)),
            ("baisse de 5,08 % en baisse", ok(dec!(-5.08), 2, Percent)),
            (
                "5,08 % de baisse environ",
                ok_approx(dec!(-5.08), 2, Percent),
            ),
            ("+5,08 % de baisse", err(ContradictorySign)),
            ("hausse de 5 % de baisse", err(ContradictorySign)),
            // Not a direction: words, for the checker to judge.
            ("5 % debaisse", ok_words(dec!(5), 0, Percent, "debaisse")),
            (
                "5 % de baisses",
                ok_words(dec!(5), 0, Percent, "de baisses"),
            ),
            // A spreadsheet formula is not a label.
            (
                "=HYPERLINK(\"https://x.fr\";\"lien\") = 17,76 %",
                err(left()),
            ),
            ("=SOMME(A1) : 17 €", err(SeveralNumbers)),
            ("=SOMME(total) : 17 €", err(left())),
            ("ROAS = CA ÷ dépense = 3,02", ok(dec!(3.02), 2, Bare)),
            ("Taux de clic (CTR) = 17,76 %", ok(dec!(17.76), 2, Percent)),
        ]
    }

    /// Ways of writing the number, and counted nouns after it.
    fn number_forms_and_words() -> Vec<(&'static str, Expect)> {
        vec![
            // Number forms.
            ("1.940,50 €", ok(dec!(1940.50), 2, Euro)),
            ("1,940.50", ok(dec!(1940.50), 2, Bare)),
            ("1.940.000,5", ok(dec!(1940000.5), 1, Bare)),
            ("1,940,000.5", ok(dec!(1940000.5), 1, Bare)),
            ("1.940.000", ok(dec!(1940000), 0, Bare)),
            ("1,940,000", ok(dec!(1940000), 0, Bare)),
            ("1,940", ok(dec!(1.940), 3, Bare)),
            ("1.940", ok(dec!(1.940), 3, Bare)),
            (",5", ok(dec!(0.5), 1, Bare)),
            (".5", ok(dec!(0.5), 1, Bare)),
            ("-,5", ok(dec!(-0.5), 1, Bare)),
            ("0", ok(dec!(0), 0, Bare)),
            ("-0", ok(dec!(0), 0, Bare)),
            ("-0,00", ok(dec!(0), 2, Bare)),
            ("007", ok(dec!(7), 0, Bare)),
            ("0,50", ok(dec!(0.50), 2, Bare)),
            ("123456789012345", err(OutOfRange)),
            ("1000000000000", ok(dec!(1000000000000), 0, Bare)),
            ("-1000000000000", ok(dec!(-1000000000000), 0, Bare)),
            ("0,123456789012", ok(dec!(0.123456789012), 12, Bare)),
            ("1 000 000 000 k€", ok(dec!(1000000000000), -3, Euro)),
            // Words.
            ("100 clics", ok_words(dec!(100), 0, Bare, "clics")),
            ("100clics", ok_words(dec!(100), 0, Bare, "clics")),
            ("100 Clics", ok_words(dec!(100), 0, Bare, "clics")),
            (
                "2,74 commandes par mois",
                ok_words(dec!(2.74), 2, Bare, "commandes par mois"),
            ),
            (
                "2,74  commandes\u{a0}par   mois",
                ok_words(dec!(2.74), 2, Bare, "commandes par mois"),
            ),
            (
                "1,2 arbres/commande",
                ok_words(dec!(1.2), 1, Bare, "arbres/commande"),
            ),
            (
                "1,2 arbres / commande",
                ok_words(dec!(1.2), 1, Bare, "arbres/commande"),
            ),
            ("1 500 sessions", ok_words(dec!(1500), 0, Bare, "sessions")),
            ("0,53 € par clic", ok_words(dec!(0.53), 2, Euro, "par clic")),
            (
                "12 bons d'achat",
                ok_words(dec!(12), 0, Bare, "bons d'achat"),
            ),
            ("3 éco-gestes", ok_words(dec!(3), 0, Bare, "éco-gestes")),
            (
                "100 clics environ",
                Expect::Ok {
                    value: dec!(100),
                    decimals: 0,
                    unit: Bare,
                    approx: true,
                    words: Some("clics"),
                },
            ),
        ]
    }

    /// What is refused (no number, several, bad grouping, leftovers, sign, size), with the edge cases that are not.
    fn refusals_and_edge_cases() -> Vec<(&'static str, Expect)> {
        vec![
            // Invalid: empty / no number.
            ("", err(Empty)),
            ("   ", err(Empty)),
            ("\u{a0}\u{202f}\t", err(Empty)),
            ("abc", err(NoNumber)),
            ("nan", err(NoNumber)),
            ("NaN", err(NoNumber)),
            ("inf", err(NoNumber)),
            ("infinity", err(NoNumber)),
            ("∞", err(NoNumber)),
            ("CTR = %", err(NoNumber)),
            // Invalid: several numbers.
            ("17,76 % ou 17,8 %", err(SeveralNumbers)),
            ("12 et 13", err(SeveralNumbers)),
            ("17,76 % (3695/20809)", err(SeveralNumbers)),
            ("17,76 % 3", err(SeveralNumbers)),
            ("3695/20809 = 17,76", err(SeveralNumbers)),
            ("3695/20809", err(SeveralNumbers)),
            ("0,177 6", err(SeveralNumbers)),
            ("(3695/20809) 17,76", err(SeveralNumbers)),
            ("1.940 000", err(SeveralNumbers)),
            // Invalid: grouping.
            ("12 13", err(bad())),
            ("19 40", err(bad())),
            ("1 9400", err(bad())),
            ("1234 567", err(bad())),
            ("17,", err(bad())),
            // A final full stop ends the sentence (« 17,5. » as a phone writes it).
            ("17.", ok(dec!(17), 0, GivenUnit::Bare)),
            ("17,5.", ok(dec!(17.5), 1, GivenUnit::Bare)),
            ("1.94,5", err(bad())),
            ("1.94.5", err(bad())),
            ("1,5.3,2", err(bad())),
            ("1 940.000,5", err(bad())),
            // Invalid: leftovers.
            ("1e3", err(left())),
            ("1,5E3", err(left())),
            ("12 $", err(left())),
            ("17,76 $", err(left())),
            ("--5", err(left())),
            ("+-5", err(left())),
            ("17,76 %%", err(left())),
            ("17,76 % TTC", err(left())),
            ("12 € TTC", err(left())),
            ("€ 12 €", err(left())),
            ("12 € euros", err(left())),
            ("17,76 %.", ok(dec!(17.76), 2, GivenUnit::Percent)),
            ("le CTR est 17,76 %", err(left())),
            ("% = 12", err(left())),
            ("17,76 % :", err(left())),
            ("100 environ clics", err(left())),
            ("12 k", err(left())),
            // A multiplier before the number (issue #10: « x3,02 », « ×3,02 »).
            ("x 12", ok(dec!(12), 0, Times)),
            ("x3,02", ok(dec!(3.02), 2, Times)),
            ("×3,02", ok(dec!(3.02), 2, Times)),
            ("X 3,02", ok(dec!(3.02), 2, Times)),
            ("ROAS = x3,02", ok(dec!(3.02), 2, Times)),
            ("x3,02 %", err(left())),
            ("x3,02 €", err(left())),
            ("x3 HT", err(left())),
            ("€x3", err(left())),
            ("xy 3", err(left())),
            ("0x10", err(left())),
            ("12 clics!", ok_words(dec!(12), 0, GivenUnit::Bare, "clics")),
            // Invalid: sign.
            ("baisse de +5 %", err(ContradictorySign)),
            ("hausse de -5", err(ContradictorySign)),
            ("en recul de − 2 %", ok(dec!(-2), 0, Percent)),
            ("diminution +3", err(ContradictorySign)),
            // Invalid: size.
            ("1234567890123456", err(TooManyDigits)),
            ("10000000000000", err(OutOfRange)),
            ("0,1234567890123", err(TooManyDigits)),
            ("1000000000001", err(OutOfRange)),
            ("1 000 000 001 k€", err(OutOfRange)),
            ("999 999 999 999 999,999999999999", err(OutOfRange)),
        ]
    }

    #[test]
    fn table_cases() {
        let cases = table();
        assert!(cases.len() >= 120, "only {} cases", cases.len());
        for (input, expected) in cases {
            let got = parse_answer(input);
            match expected {
                Expect::Ok {
                    value,
                    decimals,
                    unit,
                    approx,
                    words,
                } => {
                    let parsed = match got {
                        Ok(p) => p,
                        Err(e) => panic!("{input:?}: expected a value, got {e:?}"),
                    };
                    assert_eq!(parsed.value, value, "value of {input:?}");
                    assert!(!parsed.value.is_sign_negative() || value < Decimal::ZERO);
                    assert_eq!(parsed.decimals, decimals, "decimals of {input:?}");
                    assert_eq!(parsed.unit, unit, "unit of {input:?}");
                    assert_eq!(parsed.approx, approx, "approx of {input:?}");
                    assert_eq!(parsed.words.as_deref(), words, "words of {input:?}");
                }
                Expect::Err(e) => match got {
                    Ok(p) => panic!("{input:?}: expected {e:?}, got {p:?}"),
                    Err(g) => assert_eq!(
                        discriminant(&g),
                        discriminant(&e),
                        "{input:?}: expected {e:?}, got {g:?}"
                    ),
                },
            }
        }
    }

    #[test]
    fn table_size() {
        println!("table cases: {}", table().len());
    }

    /// A lone dot before exactly three digits has two readings: the decimal one in `value`,
    /// the thousands one in `dot_thousands`. Every other form has one reading only.
    #[test]
    fn a_lone_dot_before_three_digits_has_two_readings() {
        // (input, decimal reading, thousands reading, as written)
        let ambiguous: &[(&str, Decimal, i64, Decimal, i64, &str)] = &[
            ("16.000 €", dec!(16.000), 3, dec!(16000), 0, "16.000"),
            ("16.000", dec!(16.000), 3, dec!(16000), 0, "16.000"),
            ("1.940 €", dec!(1.940), 3, dec!(1940), 0, "1.940"),
            ("2.917", dec!(2.917), 3, dec!(2917), 0, "2.917"),
            ("175.360 €", dec!(175.360), 3, dec!(175360), 0, "175.360"),
            ("17.760 %", dec!(17.760), 3, dec!(17760), 0, "17.760"),
            ("-16.000 €", dec!(-16.000), 3, dec!(-16000), 0, "16.000"),
            (
                "baisse de 1.940 €",
                dec!(-1.940),
                3,
                dec!(-1940),
                0,
                "1.940",
            ),
            ("€16.000", dec!(16.000), 3, dec!(16000), 0, "16.000"),
            ("≈ 16.000 €", dec!(16.000), 3, dec!(16000), 0, "16.000"),
            (
                "CA = 16.000 € HT",
                dec!(16.000),
                3,
                dec!(16000),
                0,
                "16.000",
            ),
            ("1.300 arbres", dec!(1.300), 3, dec!(1300), 0, "1.300"),
            ("16.000 k€", dec!(16000), 0, dec!(16000000), -3, "16.000"),
        ];
        for &(input, value, decimals, thousands, thousands_decimals, written) in ambiguous {
            let parsed = parse_answer(input).unwrap_or_else(|e| panic!("{input:?}: {e:?}"));
            assert_eq!(parsed.value, value, "{input:?}");
            assert_eq!(parsed.decimals, decimals, "{input:?}");
            let other = parsed
                .dot_thousands
                .unwrap_or_else(|| panic!("{input:?}: no thousands reading"));
            assert_eq!(other.value, thousands, "{input:?}");
            assert_eq!(other.decimals, thousands_decimals, "{input:?}");
            assert_eq!(other.written, written, "{input:?}");
        }
        // One reading only: a comma, a leading 0, not exactly three digits after the dot,
        // several dots, both marks, a space for thousands, more than three digits before.
        let plain: &[(&str, Decimal, i64)] = &[
            ("17.76 %", dec!(17.76), 2),
            ("0.530 €", dec!(0.530), 3),
            ("0.525", dec!(0.525), 3),
            ("016.000", dec!(16.000), 3),
            ("5.333,33 €", dec!(5333.33), 2),
            ("1.234.567", dec!(1234567), 0),
            ("16.000,50 €", dec!(16000.50), 2),
            ("16 000 €", dec!(16000), 0),
            ("16,000 €", dec!(16.000), 3),
            ("1,940", dec!(1.940), 3),
            ("1234.567", dec!(1234.567), 3),
            ("1 940.500", dec!(1940.500), 3),
            ("1.2345", dec!(1.2345), 4),
            ("16.00 €", dec!(16.00), 2),
            (".500", dec!(0.500), 3),
            ("1,940.500", dec!(1940.500), 3),
        ];
        for &(input, value, decimals) in plain {
            let parsed = parse_answer(input).unwrap_or_else(|e| panic!("{input:?}: {e:?}"));
            assert_eq!(parsed.value, value, "{input:?}");
            assert_eq!(parsed.decimals, decimals, "{input:?}");
            assert_eq!(parsed.dot_thousands, None, "{input:?}");
        }
    }

    #[test]
    fn an_ambiguous_number_has_two_french_spellings() {
        assert_eq!(
            dot_readings("16.000"),
            Some(("16 000".to_string(), "16,000".to_string()))
        );
        assert_eq!(
            dot_readings("1.940"),
            Some(("1 940".to_string(), "1,940".to_string()))
        );
        for other in [
            "0.530",
            "17.76",
            "1.234.567",
            "16.000,50",
            "1 940.500",
            "1234.567",
            "",
        ] {
            assert_eq!(dot_readings(other), None, "{other:?}");
        }
    }

    #[test]
    fn negative_zero_is_zero() {
        let parsed = parse_answer("-0").unwrap();
        assert!(parsed.value.is_zero());
        assert!(!parsed.value.is_sign_negative());
        let parsed = parse_answer("baisse de 0,0 %").unwrap();
        assert!(!parsed.value.is_sign_negative());
    }

    #[test]
    fn error_messages_carry_the_text() {
        assert_eq!(
            parse_answer("17,76 $"),
            Err(ParseError::Leftover("$".to_string()))
        );
        assert_eq!(
            parse_answer("1 9400"),
            Err(ParseError::BadGrouping("1 9400".to_string()))
        );
        assert_eq!(
            parse_answer("17,"),
            Err(ParseError::BadGrouping("17,".to_string()))
        );
    }

    /// How the test formatter writes a number.
    #[derive(Debug, Clone, Copy)]
    struct Style {
        mark: char,
        group: Option<char>,
        plus: bool,
        minus: char,
        unit: &'static str,
        unit_space: bool,
    }

    /// Writes `mantissa / 10^scale` the way a student might.
    fn format_number(mantissa: i64, scale: u32, style: &Style) -> String {
        let Style {
            mark,
            group,
            plus,
            minus,
            unit,
            unit_space,
        } = *style;
        let width = scale as usize + 1;
        let digits = format!("{:0width$}", mantissa.unsigned_abs());
        let (int_part, frac_part) = digits.split_at(digits.len() - scale as usize);
        let mut grouped = String::new();
        for (i, c) in int_part.chars().enumerate() {
            let left = int_part.len() - i;
            if i > 0 && left % 3 == 0 {
                if let Some(g) = group {
                    grouped.push(g);
                }
            }
            grouped.push(c);
        }
        let mut out = String::new();
        if mantissa < 0 {
            out.push(minus);
        } else if plus {
            out.push('+');
        }
        out.push_str(&grouped);
        if scale > 0 {
            out.push(mark);
            out.push_str(frac_part);
        }
        if !unit.is_empty() {
            if unit_space {
                out.push(' ');
            }
            out.push_str(unit);
        }
        out
    }

    #[test]
    fn formatter_sanity() {
        assert_eq!(
            format_number(
                -194050,
                2,
                &Style {
                    mark: ',',
                    group: Some(' '),
                    plus: false,
                    minus: '−',
                    unit: "€",
                    unit_space: true,
                }
            ),
            "−1 940,50 €"
        );
        assert_eq!(
            format_number(
                5,
                3,
                &Style {
                    mark: '.',
                    group: None,
                    plus: true,
                    minus: '-',
                    unit: "%",
                    unit_space: false,
                }
            ),
            "+0.005%"
        );
    }

    proptest! {
        #[test]
        fn never_panics(input in "[0-9 .,+\\-−–€%:=≈~a-zA-Zéà'’/\u{a0}\u{202f}]{0,24}") {
            let _ = parse_answer(&input);
        }

        #[test]
        fn formatted_numbers_round_trip(
            mantissa in -100_000_000_000_i64..=100_000_000_000_i64,
            scale in 0_u32..=4,
            comma in any::<bool>(),
            group in prop::sample::select(vec![None, Some(' '), Some('\u{a0}'), Some('\u{202f}')]),
            plus in any::<bool>(),
            unicode_minus in any::<bool>(),
            unit in prop::sample::select(vec!["", "%", "€", "pts"]),
            unit_space in any::<bool>(),
        ) {
            let mark = if comma { ',' } else { '.' };
            let minus = if unicode_minus { '\u{2212}' } else { '-' };
            let style = Style { mark, group, plus, minus, unit, unit_space };
            let text = format_number(mantissa, scale, &style);
            let expected = Decimal::new(mantissa, scale);
            let parsed = parse_answer(&text);
            prop_assert!(parsed.is_ok(), "{:?} -> {:?}", text, parsed);
            let parsed = parsed.unwrap();
            prop_assert_eq!(parsed.value.normalize(), expected.normalize(), "{:?}", text);
            prop_assert_eq!(parsed.decimals, i64::from(scale), "{:?}", text);
            let expected_unit = match unit {
                "%" => Percent,
                "€" => Euro,
                "pts" => Points,
                _ => Bare,
            };
            prop_assert_eq!(parsed.unit, expected_unit);
            prop_assert!(!parsed.approx);
            prop_assert_eq!(parsed.words, None);
            // Two readings exactly for "1.234" .. "999.999" written with a dot.
            let int_part = mantissa.unsigned_abs() / 10_u64.pow(scale);
            let ambiguous = mark == '.' && scale == 3 && (1..=999).contains(&int_part);
            prop_assert_eq!(parsed.dot_thousands.is_some(), ambiguous, "{:?}", text);
            if let Some(other) = parsed.dot_thousands {
                prop_assert_eq!(other.value, expected * Decimal::ONE_THOUSAND, "{:?}", text);
                prop_assert_eq!(other.decimals, 0);
            }
        }

        #[test]
        fn a_dot_before_three_digits_reads_both_ways(
            digits in 1_000_i64..=999_999,
            negative in any::<bool>(),
            unit in prop::sample::select(vec!["", " %", " €", "€", " pts", " k€"]),
        ) {
            let sign = if negative { "-" } else { "" };
            let text = format!("{sign}{}.{:03}{unit}", digits / 1000, digits % 1000);
            let parsed = parse_answer(&text);
            prop_assert!(parsed.is_ok(), "{:?} -> {:?}", text, parsed);
            let parsed = parsed.unwrap();
            let signed = if negative { -digits } else { digits };
            let kilo = unit == " k€";
            let factor = Decimal::from(if kilo { 1000 } else { 1 });
            prop_assert_eq!(parsed.value, Decimal::new(signed, 3) * factor, "{:?}", text);
            let other = parsed.dot_thousands;
            prop_assert!(other.is_some(), "{:?}", text);
            let other = other.unwrap();
            prop_assert_eq!(other.value, Decimal::from(signed) * factor, "{:?}", text);
            prop_assert_eq!(other.decimals, if kilo { -3 } else { 0 });
            prop_assert_eq!(&other.written, &text[sign.len()..text.len() - unit.len()]);
        }
    }
}
