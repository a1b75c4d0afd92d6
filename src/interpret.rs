//! Interpretation practice: what a computed figure means.
//!
//! A pack may declare, per numeric part, three or four readings of its figure (one right, the
//! others the classic misreadings: a high CPM read as cheap, a gap in points read as an
//! evolution, a ROAS above 1 read as profit), answered with buttons and explained, and the words
//! that show a one-sentence comment says what the figure means for the decision. The readings'
//! sentences are in the case's texts folder (`interpret.<part>.right`, `….right_why`,
//! `….wrong_1`, `….wrong_1_why`, …, `….example`); the numbers and words are in
//! `config/cases/<id>/interpretations.toml` (read by `pack::readings`).
//!
//! A comment is judged by plain, explainable rules ([`analyse_comment`]), as the LinkedIn drafts
//! are: the figure with its unit (read by the one answer checker), the direction of a change
//! agreeing with its sign, a comparison, what it means for the decision, and one sentence.

use crate::case::{Case, KpiKind};
use crate::check::{Mistake, Plans, Reason, Verdict};
use crate::format::Unit;
use crate::linkedin::text::{find_first, words, Phrase, Word};
use std::ops::Range;

/// The readings of every part a pack declares them for.
#[derive(Debug, Clone, Default)]
pub struct Readings {
    pub parts: Vec<PartReadings>,
    /// Longest comment that is still « one sentence », in characters.
    pub sentence_max: usize,
}

impl Readings {
    /// The readings of part `id` (exact id, as in the pack).
    pub fn of(&self, id: &str) -> Option<&PartReadings> {
        self.parts.iter().find(|p| p.part == id)
    }

    /// Every text id the readings need, for the pack's checks.
    pub fn text_ids(&self) -> Vec<String> {
        self.parts.iter().flat_map(PartReadings::text_ids).collect()
    }
}

/// What the pack declares for one numeric part.
#[derive(Debug, Clone)]
pub struct PartReadings {
    /// The part's id ("1.2.c").
    pub part: String,
    /// Its KPI, as an index into `case.kpis`.
    pub kpi: usize,
    /// How many misreadings (2 or 3).
    pub wrong: usize,
    /// Phrases that say what the figure means for the decision (the pack's own).
    pub meaning: Vec<Phrase>,
    /// The same, as written in the pack, to quote as examples.
    pub meaning_written: Vec<String>,
    /// Phrases that count as the comparison for this part, besides the generic ones.
    pub compare: Vec<Phrase>,
    /// Words that repeat a misreading in a comment (« rentable » of a ROAS).
    pub traps: Vec<Trap>,
}

/// A misreading recognised in a comment: any of `phrases`, not negated, repeats misreading
/// `reading` (its number, from 1).
#[derive(Debug, Clone)]
pub struct Trap {
    pub phrases: Vec<Phrase>,
    pub reading: usize,
}

/// One reading offered: the right one or the n-th misreading (from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    Right,
    Wrong(usize),
}

impl Reading {
    fn key(self) -> String {
        match self {
            Reading::Right => "right".into(),
            Reading::Wrong(n) => format!("wrong_{n}"),
        }
    }

    /// The id of the reading's sentence in the case's texts.
    pub fn text_id(self, part: &str) -> String {
        format!("interpret.{part}.{}", self.key())
    }

    /// The id of its explanation.
    pub fn why_id(self, part: &str) -> String {
        format!("interpret.{part}.{}_why", self.key())
    }
}

/// The id of a part's model comment.
pub fn example_id(part: &str) -> String {
    format!("interpret.{part}.example")
}

/// Most numbers of a comment read.
const MAX_NUMBERS: usize = 12;

/// Most readings a part offers (one right, three wrong): the buttons A to D.
pub const MAX_READINGS: usize = 4;

/// The letters of the readings as shown, in order.
pub const LETTERS: [&str; MAX_READINGS] = ["A", "B", "C", "D"];

/// The letter a student types (`lecture:B`, « b », « C) ») as the reading's place, from 0;
/// anything else is `None`.
pub fn choice_of_letter(letter: &str) -> Option<u8> {
    let letter = letter.trim().trim_end_matches(['.', ')']);
    LETTERS
        .iter()
        .position(|l| l.eq_ignore_ascii_case(letter))
        .and_then(|i| u8::try_from(i).ok())
}

impl PartReadings {
    /// The readings in the pack's order: the right one, then the misreadings.
    pub fn readings(&self) -> Vec<Reading> {
        std::iter::once(Reading::Right)
            .chain((1..=self.wrong).map(Reading::Wrong))
            .collect()
    }

    /// The readings in the order one student sees them: shuffled by `seed` (the student and
    /// the part), the same every time, so that a button names the same reading when clicked.
    pub fn shown_to(&self, seed: &str) -> Vec<Reading> {
        let mut order = self.readings();
        let mut state = fnv1a(format!("{seed}\u{1f}{}", self.part).as_bytes()) | 1;
        for i in (1..order.len()).rev() {
            // xorshift64: a fixed, portable sequence (no dependency on std's hasher).
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let j = (state % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        order
    }

    /// Every text id this part needs.
    pub fn text_ids(&self) -> Vec<String> {
        let mut ids = Vec::new();
        for r in self.readings() {
            ids.push(r.text_id(&self.part));
            ids.push(r.why_id(&self.part));
        }
        ids.push(example_id(&self.part));
        ids
    }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// What a comment is judged on, in the order the feedback lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommentCriterion {
    /// The part's figure, with its unit.
    Figure,
    /// For a change (evolution, difference): a word of its direction agreeing with its sign.
    Direction,
    /// A comparison: with the other period, another figure, a benchmark.
    Comparison,
    /// What the figure means for the decision.
    Meaning,
    /// One sentence, not too long.
    Sentence,
}

impl CommentCriterion {
    pub fn id(self) -> &'static str {
        match self {
            CommentCriterion::Figure => "figure",
            CommentCriterion::Direction => "direction",
            CommentCriterion::Comparison => "comparison",
            CommentCriterion::Meaning => "meaning",
            CommentCriterion::Sentence => "sentence",
        }
    }
}

/// Why a criterion is met or not, with what the rule found (quoted from the comment).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommentReason {
    Figure(String),
    /// The figure without the unit it needs.
    FigureNoUnit(String),
    /// The figure's number with a unit that changes its meaning (« 0,80 % » for points).
    FigureWrongUnit(String),
    /// The figure of a change with the wrong sign and no word of its direction (« 7,57 % »
    /// for −7,57 %).
    FigureSign(String),
    /// Numbers, none of them the figure (the first one quoted).
    OtherFigure(String),
    /// Another figure of the case, right, but not this part's (its label).
    OtherKpi {
        found: String,
        label: String,
    },
    NoFigure,
    Direction(String),
    /// Only words of the other direction (the one quoted).
    Opposite(String),
    /// A fall said twice: a word of a fall right before the figure's minus sign.
    DoubleNegative(String),
    NoDirection,
    Comparison(String),
    NoComparison,
    Meaning(String),
    NoMeaning,
    /// The comment repeats a misreading (the words found, the misreading's number).
    Trap {
        found: String,
        reading: usize,
    },
    OneSentence,
    Sentences(usize),
    TooLong {
        chars: usize,
        max: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentVerdict {
    pub criterion: CommentCriterion,
    pub met: bool,
    pub reason: CommentReason,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentAnalysis {
    pub verdicts: Vec<CommentVerdict>,
}

impl CommentAnalysis {
    pub fn met(&self) -> usize {
        self.verdicts.iter().filter(|v| v.met).count()
    }

    pub fn all_met(&self) -> bool {
        self.verdicts.iter().all(|v| v.met)
    }
}

/// Words of a rise and of a fall (folded; `*` a word start).
const RISE: &[&str] = &[
    "hausse*",
    "augment*",
    "progress*",
    "croissance",
    "croit",
    "croissant*",
    "bond*",
    "explos*",
    "envol*",
    "grimp*",
    "gagne*",
    "double*",
    "triple*",
];
const FALL: &[&str] = &[
    "baisse*", "diminu*", "recul*", "chute*", "effondr*", "perd*", "perte*", "deficit*", "degrad*",
    "regress*", "repli*", "decroi*",
];
/// Generic comparisons (a comparative « plus … que » is found apart).
const COMPARE: &[&str] = &[
    "par rapport",
    "rapporte a",
    "compar*",
    "contre",
    "superieur*",
    "inferieur*",
    "au dessus",
    "en dessous",
    "alors que",
    "tandis que",
    "face a",
    "fois plus",
    "fois moins",
    "deux fois",
    "l an dernier",
    "l annee precedente",
    "en moyenne",
    "la moyenne",
];
/// Comparatives that open « … que ».
const COMPARATIVE: &[&str] = &["plus", "moins", "autant", "aussi", "meilleur*", "pire*"];
/// Generic decisions: what to do, whatever the figure.
const DECISION: &[&str] = &[
    "il faut",
    "faudra*",
    "doit",
    "doivent",
    "devra*",
    "devrai*",
    "conseill*",
    "recommand*",
    "poursuiv*",
    "continuer",
    "arreter",
    "abandonn*",
    "investi*",
    "reinvesti*",
    "renforc*",
    "privilegi*",
    "reorient*",
    "reconduir*",
    "maintenir",
    "developp*",
    "tester",
    "justifi*",
    "verifi*",
    "reduir*",
    "limiter",
    "surveill*",
    "optimis*",
    "amelior*",
];
/// Words that negate what follows (« n’est pas rentable »), three words back at most.
const NEGATIONS: &[&str] = &["pas", "ni", "jamais", "non", "guere", "plus", "aucun*"];

/// Judges a one-sentence comment of part `readings`' figure. `max_chars` is the longest
/// sentence accepted for the « one sentence » criterion ([`Readings::sentence_max`]).
pub fn analyse_comment(
    text: &str,
    readings: &PartReadings,
    case: &Case,
    plans: &Plans,
    max_chars: usize,
) -> CommentAnalysis {
    let all_words = words(text);
    let refs: Vec<&Word> = all_words.iter().collect();
    let quote = |span: Range<usize>| text.get(span).unwrap_or("").to_string();
    let find = |phrases: &[Phrase]| find_first(phrases, &refs, text);
    let found = |phrases: &[Phrase]| find(phrases).map(quote);
    let value = case.evaluate(readings.kpi).unwrap_or_default();
    let change = matches!(
        case.kpis[readings.kpi].kind,
        KpiKind::Evolution { .. } | KpiKind::Difference { .. }
    ) && !value.is_zero();
    let (rise, fall) = (Phrase::list(RISE), Phrase::list(FALL));
    let (said, opposite) = if value.is_sign_negative() {
        (find(&fall), found(&rise))
    } else {
        (find(&rise), found(&fall))
    };
    // A comment is a sentence: a dozen numbers is more than one holds (and bounds the work).
    let numbers: Vec<Number> = numbers(text).into_iter().take(MAX_NUMBERS).collect();
    // A sign said in words: a change's direction, or a loss (« une perte de 700 € »).
    let signed = change || value.is_sign_negative();
    let (figure_at, figure) = figure_of(&numbers, readings, case, plans, signed, said.is_some());
    let mut verdicts = vec![CommentVerdict {
        criterion: CommentCriterion::Figure,
        met: matches!(figure, CommentReason::Figure(_)),
        reason: figure,
    }];
    if change {
        // « chutent de −67,32 % »: the fall said twice.
        let doubled = match (figure_at.map(|k| &numbers[k]), &said) {
            (Some(n), Some(w))
                if value.is_sign_negative()
                    && n.text.starts_with(['-', '−'])
                    && w.end <= n.span.start =>
            {
                let between = text.get(w.end..n.span.start).unwrap_or("");
                (words(between).len() <= 1).then(|| quote(w.start..n.span.end))
            }
            _ => None,
        };
        let (met, reason) = match (doubled, said.map(quote), opposite) {
            (Some(d), _, _) => (false, CommentReason::DoubleNegative(d)),
            (None, Some(w), _) => (true, CommentReason::Direction(w)),
            (None, None, Some(w)) => (false, CommentReason::Opposite(w)),
            (None, None, None) => (false, CommentReason::NoDirection),
        };
        verdicts.push(CommentVerdict {
            criterion: CommentCriterion::Direction,
            met,
            reason,
        });
    }
    // Another number compares (« de 643 à 19 395 »), not a year (« en 2020 »).
    let second_figure = numbers
        .iter()
        .enumerate()
        .find(|(k, n)| Some(*k) != figure_at && !is_year(&n.text))
        .map(|(_, n)| n.text.clone());
    let comparison = found(&readings.compare)
        .or_else(|| found(&Phrase::list(COMPARE)))
        .or_else(|| comparative(text, &refs))
        .or(second_figure);
    verdicts.push(CommentVerdict {
        criterion: CommentCriterion::Comparison,
        met: comparison.is_some(),
        reason: comparison.map_or(CommentReason::NoComparison, CommentReason::Comparison),
    });
    let trap = readings.traps.iter().find_map(|t| {
        let span = find(&t.phrases)?;
        (!negated(&refs, span.start)).then(|| CommentReason::Trap {
            found: quote(span),
            reading: t.reading,
        })
    });
    let (met, reason) = match trap {
        Some(t) => (false, t),
        None => {
            let meaning = found(&readings.meaning).or_else(|| found(&Phrase::list(DECISION)));
            (
                meaning.is_some(),
                meaning.map_or(CommentReason::NoMeaning, CommentReason::Meaning),
            )
        }
    };
    verdicts.push(CommentVerdict {
        criterion: CommentCriterion::Meaning,
        met,
        reason,
    });
    verdicts.push(sentence_verdict(text, max_chars));
    CommentAnalysis { verdicts }
}

/// The figure criterion: the first number that is the part's figure (else the best near miss),
/// and its place among `numbers`.
fn figure_of(
    numbers: &[Number],
    readings: &PartReadings,
    case: &Case,
    plans: &Plans,
    signed: bool,
    direction_said: bool,
) -> (Option<usize>, CommentReason) {
    let kpi = &case.kpis[readings.kpi];
    let mut best: Option<(usize, CommentReason)> = None;
    for (k, n) in numbers.iter().enumerate() {
        let outcome = plans.check(case, readings.kpi, &n.text);
        let reason = match (outcome.verdict, &outcome.reason) {
            (Verdict::Correct, _) | (Verdict::Close, Reason::TooImprecise { .. }) => {
                let bare = matches!(
                    outcome.given_unit,
                    None | Some(crate::check::parse::GivenUnit::Bare)
                );
                if bare && matches!(kpi.unit, Unit::Percent | Unit::Points | Unit::Eur) {
                    CommentReason::FigureNoUnit(n.text.clone())
                } else {
                    CommentReason::Figure(n.text.clone())
                }
            }
            // « une baisse de 7,57 % »: the sign is said in words; without them, it is wrong.
            (_, Reason::Mistake(Mistake::SignError)) if signed => {
                if direction_said {
                    CommentReason::Figure(n.text.clone())
                } else {
                    CommentReason::FigureSign(n.text.clone())
                }
            }
            _ => match other_kpi(case, plans, readings.kpi, &n.text) {
                Some(label) => CommentReason::OtherKpi {
                    found: n.text.clone(),
                    label,
                },
                None if matches!(
                    outcome.reason,
                    Reason::Mistake(Mistake::PointsForPercent | Mistake::PercentForPoints)
                        | Reason::WrongUnit
                        | Reason::UnitMismatch(_)
                ) =>
                {
                    CommentReason::FigureWrongUnit(n.text.clone())
                }
                None => continue,
            },
        };
        let rank = |r: &CommentReason| match r {
            CommentReason::Figure(_) => 0,
            CommentReason::FigureSign(_) | CommentReason::FigureNoUnit(_) => 1,
            CommentReason::FigureWrongUnit(_) => 2,
            _ => 3,
        };
        if best.as_ref().is_none_or(|(_, b)| rank(&reason) < rank(b)) {
            best = Some((k, reason));
        }
    }
    match (best, numbers.first()) {
        (Some((k, r)), _) => (Some(k), r),
        (None, Some(first)) if !is_year(&first.text) => {
            (Some(0), CommentReason::OtherFigure(first.text.clone()))
        }
        (None, _) => (None, CommentReason::NoFigure),
    }
}

/// The label of another KPI of the case that `written` is right for, if any.
fn other_kpi(case: &Case, plans: &Plans, own: usize, written: &str) -> Option<String> {
    (0..case.kpis.len())
        .filter(|&k| k != own)
        .find(|&k| plans.check(case, k, written).verdict == Verdict::Correct)
        .map(|k| case.kpis[k].label.clone())
}

/// A year as a student writes it (« 2020 »): no comparison on its own.
fn is_year(number: &str) -> bool {
    number.len() == 4
        && number.bytes().all(|b| b.is_ascii_digit())
        && (1900..=2100).contains(&number.parse::<u32>().unwrap_or(0))
}

/// Whether one of the three words before byte `at` negates what follows.
fn negated(words: &[&Word], at: usize) -> bool {
    let negations = Phrase::list(NEGATIONS);
    let before: Vec<&Word> = words.iter().filter(|w| w.span.end <= at).copied().collect();
    let from = before.len().saturating_sub(3);
    (from..before.len()).any(|i| {
        negations
            .iter()
            .any(|p| crate::linkedin::text::starts_with(p, &before[i..]))
    })
}

fn sentence_verdict(text: &str, max_chars: usize) -> CommentVerdict {
    let chars = text.trim().chars().count();
    let n = sentence_count(text);
    let reason = if n > 1 {
        CommentReason::Sentences(n)
    } else if chars > max_chars {
        CommentReason::TooLong {
            chars,
            max: max_chars,
        }
    } else {
        CommentReason::OneSentence
    };
    CommentVerdict {
        criterion: CommentCriterion::Sentence,
        met: reason == CommentReason::OneSentence,
        reason,
    }
}

/// « plus … que », « moins … qu’ »: a comparative followed, within five words, by « que ».
fn comparative(text: &str, words: &[&Word]) -> Option<String> {
    let openers = Phrase::list(COMPARATIVE);
    for (i, w) in words.iter().enumerate() {
        let opens = openers
            .iter()
            .any(|p| find_first(std::slice::from_ref(p), &words[i..=i], text).is_some());
        if !opens {
            continue;
        }
        let close = words
            .iter()
            .skip(i + 1)
            .take(5)
            .find(|x| x.folded == "que" || x.folded == "qu");
        if let Some(q) = close {
            return text.get(w.span.start..q.span.end).map(str::to_string);
        }
    }
    None
}

/// Sentences: ended by « . », « ! », « ? » or « … » before a space or the end, or by a line
/// break; a decimal point (« 3.02 ») ends nothing. A piece without a letter is no sentence.
fn sentence_count(text: &str) -> usize {
    let mut count = 0;
    let mut letters = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphabetic() {
            letters = true;
        }
        let ends = match c {
            '\n' => true,
            // « env. 16 000 € », « dév. ce segment »: an abbreviation, not an end.
            '.' | '!' | '?' | '…' => {
                let rest: String = chars.clone().collect();
                let next = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}', '»', ')', '"']);
                rest.chars().next().is_none_or(char::is_whitespace)
                    && next
                        .chars()
                        .next()
                        .is_none_or(|c| c.is_uppercase() || c == '\n')
            }
            _ => false,
        };
        if ends && letters {
            count += 1;
            letters = false;
        }
    }
    count + usize::from(letters)
}

/// A number written in a comment, with the unit sign or word right after it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Number {
    /// The number and its unit, as the checker reads an answer (« +32,63 % », « 16 000 € »).
    text: String,
    /// Where it is in the comment, in bytes.
    span: Range<usize>,
}

const UNIT_WORDS: &[&str] = &[
    "points", "point", "pts", "pt", "euros", "euro", "secondes", "seconde", "s",
];

/// The numbers of a comment, in order: an optional sign, digits grouped by spaces of three, a
/// decimal comma or point, then « % », « € » or a unit word if one follows.
fn numbers(text: &str) -> Vec<Number> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|(_, c)| *c);
    let is_space = |c: char| matches!(c, ' ' | '\u{a0}' | '\u{202f}');
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        let signed = matches!(c, '+' | '-' | '−') && at(i + 1).is_some_and(|d| d.is_ascii_digit());
        let starts =
            (c.is_ascii_digit() || signed) && (i == 0 || !chars[i - 1].1.is_alphanumeric());
        if !starts {
            i += 1;
            continue;
        }
        let start = i;
        i += usize::from(signed);
        while at(i).is_some_and(|d| d.is_ascii_digit()) {
            i += 1;
        }
        // Thousands: a space then exactly three digits.
        while at(i).is_some_and(is_space)
            && (1..=3).all(|k| at(i + k).is_some_and(|d| d.is_ascii_digit()))
            && !at(i + 4).is_some_and(|d| d.is_ascii_digit())
        {
            i += 4;
        }
        if matches!(at(i), Some(',' | '.')) && at(i + 1).is_some_and(|d| d.is_ascii_digit()) {
            i += 1;
            while at(i).is_some_and(|d| d.is_ascii_digit()) {
                i += 1;
            }
        }
        let mut end = i;
        let mut j = i;
        while at(j).is_some_and(is_space) {
            j += 1;
        }
        match at(j) {
            Some('%' | '€') => end = j + 1,
            Some(c) if c.is_alphabetic() => {
                let mut k = j;
                while at(k).is_some_and(char::is_alphabetic) {
                    k += 1;
                }
                let word: String = chars[j..k].iter().map(|(_, c)| *c).collect();
                if UNIT_WORDS.contains(&word.to_lowercase().as_str()) {
                    end = k;
                }
            }
            _ => {}
        }
        let from = chars[start].0;
        let to = chars.get(end).map_or(text.len(), |(b, _)| *b);
        out.push(Number {
            text: text[from..to].to_string(),
            span: from..to,
        });
        i = end.max(i);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        numbers(text).into_iter().map(|n| n.text).collect()
    }

    #[test]
    fn numbers_are_read_with_their_unit() {
        assert_eq!(
            texts("Le CA passe de 16 000 € à 35 660 €, soit +32,63 % et 0,80 point."),
            ["16 000 €", "35 660 €", "+32,63 %", "0,80 point"]
        );
        assert_eq!(texts("un ROAS de 3,02 en 2020"), ["3,02", "2020"]);
        assert_eq!(texts("−7,57 % de pages"), ["−7,57 %"]);
        assert_eq!(texts("A4 et 12 000 clics"), ["12 000"]);
    }

    #[test]
    fn sentences_are_counted_without_decimal_points() {
        assert_eq!(sentence_count("Un ROAS de 3.02 est bon."), 1);
        assert_eq!(sentence_count("Une phrase. Une autre"), 2);
        assert_eq!(sentence_count("Une phrase !"), 1);
        assert_eq!(sentence_count("Soit env. 16 000 €, dév. ce segment."), 1);
        assert_eq!(sentence_count(""), 0);
    }

    #[test]
    fn a_shuffle_is_fixed_per_student_and_covers_every_reading() {
        let p = PartReadings {
            part: "1.2.c".into(),
            kpi: 0,
            wrong: 3,
            meaning: Vec::new(),
            meaning_written: Vec::new(),
            compare: Vec::new(),
            traps: Vec::new(),
        };
        let a = p.shown_to("discord:1:42");
        assert_eq!(a, p.shown_to("discord:1:42"));
        let mut sorted = a.clone();
        sorted.sort_by_key(|r| match r {
            Reading::Right => 0,
            Reading::Wrong(n) => *n,
        });
        assert_eq!(sorted, p.readings());
        // The right reading is not always first.
        let firsts = (0..40)
            .filter(|i| p.shown_to(&format!("u{i}"))[0] == Reading::Right)
            .count();
        assert!((3..30).contains(&firsts), "{firsts}");
    }
}
