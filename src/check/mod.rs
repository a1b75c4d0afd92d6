//! The answer checker: reads what a student typed and says whether it is right, close, wrong
//! or unreadable, and which classic mistake it looks like. Judging is allocation-free and
//! returns an [`Outcome`]; the French sentence is written from it by the `render` module, above.

pub mod parse;

use crate::case::Case;
use crate::format::{self, Unit};
use crate::formula::{Expr, Op};
use crate::kpi::{KpiKind, RefId};
use parse::{parse_answer, GivenUnit, ParseError};
use rust_decimal::Decimal;
use serde::Serialize;

/// The four answers the checker gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Correct,
    Close,
    Wrong,
    /// Not understood: costs the student nothing.
    Invalid,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Correct => "correct",
            Verdict::Close => "close",
            Verdict::Wrong => "wrong",
            Verdict::Invalid => "invalid",
        }
    }
}

/// A classic mistake the checker recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mistake {
    /// 0,1776 given for 17,76 %: the ratio, not multiplied by 100.
    RatioForPercent,
    /// The division turned upside down.
    Inverted,
    /// An evolution divided by the new value instead of the old one.
    WrongBase,
    /// The multiplying coefficient (132,63 % or 1,3263) given for the evolution (+32,63 %).
    Coefficient,
    /// The right size with the wrong sign.
    SignError,
    /// The difference in points given where the evolution in % is asked.
    PointsForPercent,
    /// The evolution in % given where the difference in points is asked.
    PercentForPoints,
    /// For the evolution of a quantity computed as total × share (sessions of a source), the
    /// gap in points between the two shares (30,04 points for +2 917,75 %).
    ShareGap,
    /// For the same evolution, the evolution of the share itself (+2 208,82 % for +2 917,75 %):
    /// the total changed too.
    ShareEvolution,
    /// A mistake the pack declares, by its index in the KPI's list.
    Declared(usize),
}

impl Mistake {
    /// The id used in JSON output and for the explaining text.
    pub fn id(self) -> &'static str {
        match self {
            Mistake::RatioForPercent => "ratio_for_percent",
            Mistake::Inverted => "inverted",
            Mistake::WrongBase => "wrong_base",
            Mistake::Coefficient => "coefficient",
            Mistake::SignError => "sign_error",
            Mistake::PointsForPercent => "points_for_percent",
            Mistake::PercentForPoints => "percent_for_points",
            Mistake::ShareGap => "share_gap",
            Mistake::ShareEvolution => "share_evolution",
            Mistake::Declared(_) => "declared",
        }
    }
}

/// Why the verdict is what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// Right, rounded correctly.
    Exact,
    /// Right, computed from intermediate results rounded on the way.
    FromRoundedInputs,
    /// Right within the tolerance the pack declares.
    WithinTolerance,
    /// Rounded correctly, but with fewer decimals than the statement asks.
    TooImprecise {
        needed: i64,
    },
    /// Found with a count that cannot be split (orders) rounded to a whole number: the count
    /// itself (3 for 2,74 orders), or a figure computed from it (3 × 5 333,33 €). `count` is
    /// the index of the count's KPI, `whole` the whole number used.
    WholeCount {
        count: usize,
        whole: Decimal,
    },
    /// Cut instead of rounded.
    Truncated,
    /// Rounded one step off, or very near.
    Near,
    /// The right number with a unit that changes its meaning (points for %, % for points).
    WrongUnit,
    Mistake(Mistake),
    /// Simply not the value.
    NotTheValue,
    Unreadable(ParseError),
    /// A unit that does not fit the KPI (euros for a rate).
    UnitMismatch(GivenUnit),
    /// "%" written on a ratio whose number, without the "%", is right or nearly (« 3,02 % »
    /// for a ROAS of 3,02): a slip of the unit, free like euros on a rate. `written` and
    /// `decimals` are the number as the student wrote it, for the right forms (« 3,02 » or
    /// « 302 % »).
    PercentOnRatio {
        written: Decimal,
        decimals: i64,
    },
    /// Words after the number that do not fit the KPI.
    UnexpectedWords(String),
}

/// The checker's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub verdict: Verdict,
    pub reason: Reason,
    /// The value read, in the KPI's unit; `None` when unreadable.
    pub given: Option<Decimal>,
    /// Decimals the student wrote (in the KPI's unit).
    pub given_decimals: i64,
    /// The unit the student wrote, if any was read.
    pub given_unit: Option<GivenUnit>,
}

/// Everything needed to judge answers to one KPI, prepared once when the pack loads.
#[derive(Debug, Clone)]
pub struct Plan {
    pub exact: Decimal,
    /// The value found from rounded intermediate results, when it differs.
    pub alt: Option<Decimal>,
    pub unit: Unit,
    pub precision: u32,
    /// Decimals the statement asks (« arrondi à deux décimales »): the KPI's precision, or its
    /// `min_decimals`. An answer with fewer is right only when it is the expected value with
    /// trailing zeros dropped (« 47,3 € » for 47,30 €); otherwise it is close.
    pub asked_decimals: i64,
    pub tolerance: Option<Decimal>,
    /// The value of each recognised mistake; declared ones first.
    pub mistakes: Vec<(Mistake, Decimal)>,
    /// The values found when a count that cannot be split was rounded to a whole number.
    pub whole_counts: Vec<WholeCount>,
}

/// A value found from a count that cannot be split, rounded to a whole number on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WholeCount {
    /// The index of the count's KPI (the KPI itself, or one it is computed from).
    pub count: usize,
    /// The whole number used for the count.
    pub whole: Decimal,
    /// What the KPI is then.
    pub value: Decimal,
}

/// The decimals a statement asks for a KPI: its `min_decimals` if the pack sets one, else its
/// precision. One rule for every part, so that what the statement asks and what the checker
/// accepts agree.
pub fn asked_decimals(kpi: &crate::kpi::Kpi) -> i64 {
    i64::from(kpi.min_decimals.unwrap_or(kpi.precision))
}

impl Plan {
    /// Prepares the checks of KPI `index`.
    pub fn build(case: &Case, index: usize) -> Result<Plan, crate::kpi::EvalError> {
        let kpi = &case.kpis[index];
        let exact = case.evaluate(index)?;
        let from_rounded = case.evaluate_from_rounded(index)?;
        let alt = (from_rounded != exact).then_some(from_rounded);
        let mut mistakes: Vec<(Mistake, Decimal)> = Vec::new();
        for (i, m) in kpi.mistakes.iter().enumerate() {
            mistakes.push((Mistake::Declared(i), case.eval_exact(&m.expr, &kpi.id)?));
        }
        let eval = |e: &Expr<RefId>| case.eval_exact(e, &kpi.id).ok();
        let r = |x: RefId| Box::new(Expr::Ref(x));
        let hundred = || Box::new(Expr::Num(Decimal::ONE_HUNDRED));
        match kpi.kind {
            KpiKind::Evolution { from, to } => {
                let diff = || Box::new(Expr::Bin(Op::Sub, r(to), r(from)));
                let wrong_base = Expr::Bin(
                    Op::Mul,
                    Box::new(Expr::Bin(Op::Div, diff(), r(to))),
                    hundred(),
                );
                if let Some(v) = eval(&wrong_base) {
                    mistakes.push((Mistake::WrongBase, v));
                }
                // Sessions of a source are total × share: a student may compare the shares
                // instead of the sessions.
                if let (Some(share_from), Some(share_to)) =
                    (share_in(case, from), share_in(case, to))
                {
                    if let Some(v) = eval(&Expr::Bin(Op::Sub, r(share_to), r(share_from))) {
                        mistakes.push((Mistake::ShareGap, v));
                    }
                    let share_evolution = Expr::Bin(
                        Op::Mul,
                        Box::new(Expr::Bin(
                            Op::Div,
                            Box::new(Expr::Bin(Op::Sub, r(share_to), r(share_from))),
                            r(share_from),
                        )),
                        hundred(),
                    );
                    if let Some(v) = eval(&share_evolution) {
                        mistakes.push((Mistake::ShareEvolution, v));
                    }
                }
                let coefficient = Expr::Bin(Op::Div, r(to), r(from));
                if let Some(v) = eval(&coefficient) {
                    if let Some(percent) = v.checked_mul(Decimal::ONE_HUNDRED) {
                        mistakes.push((Mistake::Coefficient, percent));
                    }
                    mistakes.push((Mistake::Coefficient, v));
                }
                if unit_of(case, from) == Unit::Percent {
                    if let Some(v) = eval(&Expr::Bin(Op::Sub, r(to), r(from))) {
                        mistakes.push((Mistake::PointsForPercent, v));
                    }
                }
            }
            KpiKind::Difference { from, to } => {
                if kpi.unit == Unit::Points {
                    let evolution = Expr::Bin(
                        Op::Mul,
                        Box::new(Expr::Bin(
                            Op::Div,
                            Box::new(Expr::Bin(Op::Sub, r(to), r(from))),
                            r(from),
                        )),
                        hundred(),
                    );
                    if let Some(v) = eval(&evolution) {
                        mistakes.push((Mistake::PercentForPoints, v));
                    }
                }
            }
            KpiKind::Formula => {
                if let Some(inverted) = inverted(&kpi.expr) {
                    if let Some(v) = eval(&inverted) {
                        mistakes.push((Mistake::Inverted, v));
                    }
                }
            }
        }
        if kpi.unit == Unit::Percent {
            mistakes.push((Mistake::RatioForPercent, exact / Decimal::ONE_HUNDRED));
        }
        if !exact.is_zero() {
            mistakes.push((Mistake::SignError, -exact));
        }
        // A "mistake" that lands on the right value is no mistake.
        let shown = kpi.rounded(exact);
        mistakes.retain(|(_, v)| kpi.rounded(*v) != shown);
        let asked = asked_decimals(kpi);
        let mut whole_counts = whole_counts(case, index)?;
        whole_counts.retain(|w| {
            let at_asked = format::round_signed(w.value, asked);
            at_asked != format::round_signed(exact, asked)
                && alt.is_none_or(|a| at_asked != format::round_signed(a, asked))
        });
        Ok(Plan {
            exact,
            alt,
            unit: kpi.unit,
            precision: kpi.precision,
            asked_decimals: asked,
            tolerance: kpi.tolerance,
            mistakes,
            whole_counts,
        })
    }
}

/// The one rate a KPI is computed from, when it is total × share (`a2_sessions_2019 *
/// a2_social_2019 / 100`): the share. `None` for anything else.
fn share_in(case: &Case, r: RefId) -> Option<RefId> {
    let RefId::Kpi(i) = r else {
        return None;
    };
    let kpi = &case.kpis[i];
    if kpi.kind != KpiKind::Formula || kpi.unit == Unit::Percent {
        return None;
    }
    let mut refs = Vec::new();
    collect_refs(&kpi.expr, &mut refs);
    let mut shares = refs
        .into_iter()
        .filter(|&x| unit_of(case, x) == Unit::Percent);
    match (shares.next(), shares.next()) {
        (Some(share), None) => Some(share),
        _ => None,
    }
}

fn collect_refs(expr: &Expr<RefId>, out: &mut Vec<RefId>) {
    match expr {
        Expr::Num(_) => {}
        Expr::Ref(r) => out.push(*r),
        Expr::Neg(e) => collect_refs(e, out),
        Expr::Bin(_, a, b) => {
            collect_refs(a, out);
            collect_refs(b, out);
        }
    }
}

/// Most counts that cannot be split a KPI may depend on; more would be tried 2ⁿ ways.
const MAX_WHOLE_COUNTS: usize = 4;

/// The counts that cannot be split KPI `index` is, or is computed from, whose exact value is
/// not whole (2,74 orders), in dependency order.
fn indivisible_counts(case: &Case, index: usize) -> Vec<usize> {
    let mut found = Vec::new();
    let mut stack = vec![index];
    let mut seen = vec![false; case.kpis.len()];
    while let Some(i) = stack.pop() {
        if std::mem::replace(&mut seen[i], true) {
            continue;
        }
        let kpi = &case.kpis[i];
        let split = case.evaluate(i).is_ok_and(|v| v.fract() != Decimal::ZERO);
        if kpi.indivisible && split {
            found.push(i);
        }
        let mut refs = Vec::new();
        collect_refs(&kpi.expr, &mut refs);
        stack.extend(refs.into_iter().filter_map(|r| match r {
            RefId::Kpi(j) => Some(j),
            RefId::Value(_) => None,
        }));
    }
    found.sort_unstable();
    found
}

/// Every value KPI `index` takes when some of the counts it depends on are rounded to a whole
/// number (each subset of them, with earlier results taken exactly or at their displayed
/// precision), as a student who reasons « on ne commande pas 2,74 fois » computes it.
fn whole_counts(case: &Case, index: usize) -> Result<Vec<WholeCount>, crate::kpi::EvalError> {
    let counts = indivisible_counts(case, index);
    let counts = &counts[..counts.len().min(MAX_WHOLE_COUNTS)];
    let mut out: Vec<WholeCount> = Vec::new();
    for subset in 1_u32..(1 << counts.len()) {
        let whole: Vec<usize> = counts
            .iter()
            .enumerate()
            .filter(|(bit, _)| subset & (1 << bit) != 0)
            .map(|(_, &i)| i)
            .collect();
        // The count named is the first one rounded: the one the student rounded first.
        let count = whole[0];
        let whole_value = eval_whole(case, count, &whole, false)?;
        for rounded_inputs in [false, true] {
            let value = eval_whole(case, index, &whole, rounded_inputs)?;
            if !out.iter().any(|w| w.value == value) {
                out.push(WholeCount {
                    count,
                    whole: whole_value,
                    value,
                });
            }
        }
    }
    Ok(out)
}

/// KPI `index` with the KPIs of `whole` rounded to a whole number where they are used (and
/// itself, if listed); with `rounded_inputs`, every other KPI used is taken at its displayed
/// precision.
fn eval_whole(
    case: &Case,
    index: usize,
    whole: &[usize],
    rounded_inputs: bool,
) -> Result<Decimal, crate::kpi::EvalError> {
    let kpi = &case.kpis[index];
    let value = kpi.expr.eval(
        &mut |r: &RefId| match *r {
            RefId::Value(i) => Ok(case.values[i].value),
            RefId::Kpi(j) => {
                let v = eval_whole(case, j, whole, rounded_inputs)?;
                Ok(if rounded_inputs && !whole.contains(&j) {
                    case.kpis[j].rounded(v)
                } else {
                    v
                })
            }
        },
        || crate::kpi::EvalError::Arithmetic(kpi.id.clone()),
    )?;
    Ok(if whole.contains(&index) {
        format::round(value, 0)
    } else {
        value
    })
}

fn unit_of(case: &Case, r: RefId) -> Unit {
    match r {
        RefId::Value(i) => case.values[i].unit,
        RefId::Kpi(i) => case.kpis[i].unit,
    }
}

/// `a ÷ b` → `b ÷ a`, and `a ÷ b × k` → `b ÷ a × k`.
fn inverted(expr: &Expr<RefId>) -> Option<Expr<RefId>> {
    match expr {
        Expr::Bin(Op::Div, a, b) => Some(Expr::Bin(Op::Div, b.clone(), a.clone())),
        Expr::Bin(Op::Mul, left, k) if matches!(**k, Expr::Num(_)) => {
            if let Expr::Bin(Op::Div, a, b) = &**left {
                Some(Expr::Bin(
                    Op::Mul,
                    Box::new(Expr::Bin(Op::Div, b.clone(), a.clone())),
                    k.clone(),
                ))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// `target` rounded to `decimals` equals `given`.
fn matches(given: Decimal, decimals: i64, target: Decimal) -> bool {
    format::round_signed(target, decimals) == given
}

/// |given − target| ≤ `percent` % of |target|, for any two decimals (`percent` ≥ 0): a
/// product past the largest decimal is compared, not computed.
fn relatively_near(given: Decimal, target: Decimal, percent: Decimal) -> bool {
    if target.is_zero() {
        return given.is_zero();
    }
    // A gap past the largest decimal (opposite signs, both huge) is more than any share of
    // either.
    let Some(gap) = given.checked_sub(target).map(|g| g.abs()) else {
        return false;
    };
    match (
        gap.checked_mul(Decimal::ONE_HUNDRED),
        target.abs().checked_mul(percent),
    ) {
        (Some(left), Some(right)) => left <= right,
        // The share of the target is past the largest decimal, the scaled gap is not.
        (Some(_), None) => true,
        (None, Some(_)) => false,
        // Both huge: the same comparison divided by 100, where the rounding cannot matter.
        (None, None) => (target.abs() / Decimal::ONE_HUNDRED)
            .checked_mul(percent)
            .is_none_or(|share| gap <= share),
    }
}

/// One unit of the last decimal written: 10^−decimals (at most 20 places either way).
fn ten_power(decimals: i64) -> Decimal {
    let places = decimals.unsigned_abs().min(20) as u32;
    if decimals >= 0 {
        // 1 at scale `places`: exactly 10^−places, without dividing.
        Decimal::new(1, places)
    } else {
        Decimal::from_i128_with_scale(10_i128.pow(places), 0)
    }
}

/// One prepared answer check per KPI of a case, in the order of its `kpis`: built once, when
/// the pack loads, and kept beside the case by the loaded pack.
#[derive(Debug, Clone, Default)]
pub struct Plans(Vec<Plan>);

impl Plans {
    /// The plans of every KPI of `case`, or the first KPI's error.
    pub fn build(case: &Case) -> Result<Plans, crate::kpi::EvalError> {
        (0..case.kpis.len())
            .map(|i| Plan::build(case, i))
            .collect::<Result<_, _>>()
            .map(Plans)
    }

    /// Judges what a student typed as an answer to KPI `kpi` of `case` (the case these plans
    /// were built from).
    pub fn check(&self, case: &Case, kpi: usize, input: &str) -> Outcome {
        let (Some(k), Some(plan)) = (case.kpis.get(kpi), self.0.get(kpi)) else {
            return invalid(Reason::NotTheValue);
        };
        let answer = match parse_answer(input) {
            Ok(a) => a,
            Err(e) => return invalid(Reason::Unreadable(e)),
        };
        if let Some(words) = &answer.words {
            if !k.words.iter().any(|w| same_words(w, words)) {
                return invalid(Reason::UnexpectedWords(words.clone()));
            }
        }
        let mut unit_changes_meaning = false;
        let mut percent_of_ratio = false;
        match (k.unit, answer.unit) {
            (_, GivenUnit::Bare) => {}
            (Unit::Percent, GivenUnit::Percent)
            | (Unit::Points, GivenUnit::Points)
            | (Unit::Eur, GivenUnit::Euro)
            | (Unit::Ratio, GivenUnit::Times) => {}
            // "x1,33" for an evolution is the coefficient: judged as written, to name it.
            (Unit::Percent, GivenUnit::Times) if k.is_change() => {}
            (Unit::Percent, GivenUnit::Points) | (Unit::Points, GivenUnit::Percent) => {
                unit_changes_meaning = true
            }
            (Unit::Ratio, GivenUnit::Percent) => percent_of_ratio = true,
            (_, other) => return invalid(Reason::UnitMismatch(other)),
        }
        let judge_reading = |value: Decimal, decimals: i64| {
            let (given, decimals) = if percent_of_ratio {
                (value / Decimal::ONE_HUNDRED, decimals + 2)
            } else {
                (value, decimals)
            };
            judge(plan, given, decimals, answer.unit, unit_changes_meaning)
        };
        let as_decimal = judge_reading(answer.value, answer.decimals);
        let outcome = match &answer.dot_thousands {
            None => as_decimal,
            Some(other) => choose_dot_reading(
                plan,
                as_decimal,
                judge_reading(other.value, other.decimals),
                &other.written,
            ),
        };
        if percent_of_ratio
            && outcome.verdict == Verdict::Wrong
            && outcome.reason == Reason::NotTheValue
        {
            // « 3,02 % » for a ROAS of 3,02: the number is the ratio, the "%" a slip. Free, as
            // euros on a rate are, and the student is shown both right forms. Only when the
            // number without "%" is right or nearly: a "%" on any wrong ratio being free would
            // give unlimited free tries.
            let bare = judge(plan, answer.value, answer.decimals, GivenUnit::Bare, false);
            if matches!(bare.verdict, Verdict::Correct | Verdict::Close) {
                return invalid(Reason::PercentOnRatio {
                    written: answer.value,
                    decimals: answer.decimals,
                });
            }
        }
        outcome
    }
}

/// Words a student wrote after the number and words a KPI lists are the same, "/" read as
/// "par" (« €/vente » is « € par vente », « clics/mois » is « clics par mois ») and a final
/// "s" or "x" dropped from each word (« 1,2 arbre » for « arbres »). Compares without
/// allocating.
fn same_words(listed: &str, written: &str) -> bool {
    fn stem(w: &str) -> &str {
        match w.strip_suffix(['s', 'x']) {
            Some(stem) if stem.chars().count() >= 3 => stem,
            _ => w,
        }
    }
    fn tokens(s: &str) -> impl Iterator<Item = &str> {
        s.split_whitespace()
            .flat_map(|w| {
                w.split('/').enumerate().flat_map(|(i, part)| {
                    [(i > 0).then_some("par"), (!part.is_empty()).then_some(part)]
                        .into_iter()
                        .flatten()
                })
            })
            .map(stem)
    }
    tokens(listed).eq(tokens(written))
}

/// Chooses between the two readings of an ambiguous number such as "16.000" (a lone dot before
/// exactly three digits): `as_decimal` (16,000) and `as_thousands` (16 000), both judged.
///
/// The student must never lose points because the dot was read the wrong way, and must not be
/// judged on a reading they did not mean:
/// 1. if exactly one reading is right or nearly right (correct or close), the student meant it;
/// 2. if both are wrong, the one whose size fits the expected value is kept: the decimal
///    reading when it is at least a tenth of the expected size (the other is then at least
///    100 times too big), the thousands reading when it is at most 10 times the expected
///    size (the other is then at least 100 times too small);
/// 3. otherwise (both right, expected value zero, or sizes in between) the answer is
///    unreadable and costs nothing: the student is asked to write 16 000 or 16,000.
fn choose_dot_reading(
    plan: &Plan,
    as_decimal: Outcome,
    as_thousands: Outcome,
    written: &str,
) -> Outcome {
    let earns = |o: &Outcome| matches!(o.verdict, Verdict::Correct | Verdict::Close);
    match (earns(&as_decimal), earns(&as_thousands)) {
        (true, false) => return as_decimal,
        (false, true) => return as_thousands,
        (true, true) => return ambiguous(written),
        (false, false) => {}
    }
    let expected = plan.exact.abs();
    let small = as_decimal.given.unwrap_or_default().abs();
    if expected.is_zero() {
        ambiguous(written)
    } else if small
        .checked_mul(Decimal::TEN)
        .is_none_or(|s| s >= expected)
    {
        as_decimal
    } else if small
        .checked_mul(Decimal::ONE_HUNDRED)
        .is_some_and(|s| s <= expected)
    {
        as_thousands
    } else {
        ambiguous(written)
    }
}

/// "16.000" could not be read either way with certainty: free, the student writes it again.
fn ambiguous(written: &str) -> Outcome {
    invalid(Reason::Unreadable(ParseError::BadGrouping(
        written.to_string(),
    )))
}

fn invalid(reason: Reason) -> Outcome {
    Outcome {
        verdict: Verdict::Invalid,
        reason,
        given: None,
        given_decimals: 0,
        given_unit: None,
    }
}

/// `given`, written with `decimals` decimals, is `target` at the precision the statement asks:
/// with as many decimals or more, `target` rounded to them; with fewer, exactly `target`
/// rounded to the asked precision (its trailing zeros dropped: 47,3 for 47,30).
fn right_at(plan: &Plan, given: Decimal, decimals: i64, target: Decimal) -> bool {
    if decimals >= plan.asked_decimals {
        matches(given, decimals, target)
    } else {
        given == format::round_signed(target, plan.asked_decimals)
    }
}

fn judge(
    plan: &Plan,
    given: Decimal,
    decimals: i64,
    given_unit: GivenUnit,
    unit_changes_meaning: bool,
) -> Outcome {
    let outcome = |verdict, reason| Outcome {
        verdict,
        reason,
        given: Some(given),
        given_decimals: decimals,
        given_unit: Some(given_unit),
    };
    // The exact value at the student's own precision, rounded once.
    let exact_at_given = format::round_signed(plan.exact, decimals);
    let exact_matches = exact_at_given == given;
    let on_value = if decimals >= plan.asked_decimals {
        exact_matches
    } else {
        right_at(plan, given, decimals, plan.exact)
    };
    let on_alt = plan
        .alt
        .is_some_and(|alt| right_at(plan, given, decimals, alt));
    // Rounded right at the student's own precision, however few decimals.
    let rounds_right = exact_matches || plan.alt.is_some_and(|alt| matches(given, decimals, alt));
    let in_tolerance = plan.tolerance.is_some_and(|t| {
        given
            .checked_sub(plan.exact)
            .is_some_and(|gap| gap.abs() <= t)
    });
    if unit_changes_meaning {
        if on_value || on_alt || rounds_right || in_tolerance {
            return outcome(Verdict::Close, Reason::WrongUnit);
        }
    } else if in_tolerance {
        return outcome(Verdict::Correct, Reason::WithinTolerance);
    } else if on_value || on_alt {
        let reason = if on_value {
            Reason::Exact
        } else {
            Reason::FromRoundedInputs
        };
        return outcome(Verdict::Correct, reason);
    } else {
        // A count that cannot be split, rounded to a whole number (3 orders for 2,74), or a
        // figure computed from it (3 × 5 333,33 €): close, not wrong. The reasoning is one a
        // corrector would note in the margin as sound about real orders, and the method is
        // right; but the statement asks the expected (average) count at two decimals, and the
        // rounding moves every later figure (16 000 € for 14 613,33 €), so it is not full
        // credit either. The message says why.
        if let Some(w) = plan
            .whole_counts
            .iter()
            .find(|w| right_at(plan, given, decimals, w.value))
        {
            return outcome(
                Verdict::Close,
                Reason::WholeCount {
                    count: w.count,
                    whole: w.whole,
                },
            );
        }
        if rounds_right {
            return outcome(
                Verdict::Close,
                Reason::TooImprecise {
                    needed: plan.asked_decimals,
                },
            );
        }
    }
    let near_limit = Decimal::new(5, 1); // 0.5 %
    let one_step = ten_power(decimals);
    if !unit_changes_meaning {
        let truncated =
            (0..=12).contains(&decimals) && plan.exact.trunc_with_scale(decimals as u32) == given;
        if truncated && relatively_near(given, plan.exact, Decimal::ONE) {
            return outcome(Verdict::Close, Reason::Truncated);
        }
        let one_off = given
            .checked_sub(exact_at_given)
            .is_some_and(|gap| gap.abs() == one_step);
        if (one_off && relatively_near(given, plan.exact, Decimal::ONE))
            || relatively_near(given, plan.exact, near_limit)
        {
            return outcome(Verdict::Close, Reason::Near);
        }
    }
    // A mistake the answer is exactly (at its decimals) wins over one it is only near: 30,04
    // points is the gap of the shares, though the coefficient 30,16 is within 0,5 % of it.
    // The cheap test first: most mistakes are far from what was written.
    let exactly = plan.mistakes.iter().find(|(_, value)| {
        relatively_near(given, *value, Decimal::from(5))
            && (matches(given, decimals, *value) || right_at(plan, given, decimals, *value))
    });
    let nearly = || {
        plan.mistakes
            .iter()
            .find(|(_, value)| relatively_near(given, *value, near_limit))
    };
    if let Some((mistake, _)) = exactly.or_else(nearly) {
        return outcome(Verdict::Wrong, Reason::Mistake(*mistake));
    }
    outcome(Verdict::Wrong, Reason::NotTheValue)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    /// A KPI of 10^27 once killed the bot when a student answered: `gap × 100` went past the
    /// largest decimal.
    #[test]
    fn relatively_near_takes_any_decimals_without_panicking() {
        let huge = dec!(1_000_000_000_000_000_000_000_000_000);
        assert!(!relatively_near(dec!(17), huge, Decimal::ONE));
        assert!(relatively_near(huge, huge, Decimal::ONE));
        assert!(relatively_near(huge - dec!(1), huge, Decimal::ONE));
        assert!(!relatively_near(Decimal::MAX, Decimal::MIN, Decimal::ONE));
        assert!(!relatively_near(Decimal::MIN, Decimal::MAX, dec!(5)));
        assert!(relatively_near(Decimal::MAX, Decimal::MAX, dec!(0.5)));
        assert!(!relatively_near(Decimal::MAX, dec!(1), dec!(5)));
        assert!(!relatively_near(dec!(1), Decimal::MAX / dec!(2), dec!(5)));
        // A target whose share is past the largest decimal, a gap that is not.
        assert!(relatively_near(
            Decimal::MAX / dec!(2),
            Decimal::MAX,
            dec!(60)
        ));
        // Ordinary sizes, as before.
        assert!(relatively_near(dec!(17.75), dec!(17.7567), dec!(0.5)));
        assert!(!relatively_near(dec!(18), dec!(17.7567), dec!(0.5)));
        assert!(relatively_near(dec!(0), dec!(0), dec!(0.5)));
        assert!(!relatively_near(dec!(0.1), dec!(0), dec!(0.5)));
    }
}
