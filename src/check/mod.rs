//! The answer checker: reads what a student typed and says whether it is right, close, wrong
//! or unreadable, and which classic mistake it looks like. Judging is allocation-free and
//! returns an [`Outcome`]; the French sentence is written from it by [`crate::render`].

pub mod parse;

use crate::case::Case;
use crate::format::{self, Unit};
use crate::kpi::{KpiKind, RefId};
use crate::pack::formula::{Expr, Op};
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
    /// Rounded correctly, but with fewer decimals than the answer needs.
    TooImprecise {
        needed: i64,
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
    /// Fewest decimals a full-credit answer needs.
    pub required_decimals: i64,
    pub tolerance: Option<Decimal>,
    /// The value of each recognised mistake; declared ones first.
    pub mistakes: Vec<(Mistake, Decimal)>,
}

/// Fewest decimals a right answer needs, by default: 1 for rates and points, 2 for euros and
/// ratios, 0 for counts; fewer for large values (3 significant digits are enough); never more
/// than the KPI shows.
pub fn default_required_decimals(unit: Unit, precision: u32, exact: Decimal) -> i64 {
    let base: i64 = match unit {
        Unit::Percent | Unit::Points | Unit::Ratio => 1,
        Unit::Eur => 2,
        Unit::Count | Unit::Seconds => i64::from(precision.min(1)),
    };
    let magnitude = exact.abs();
    let relaxed = if magnitude >= Decimal::ONE_THOUSAND {
        0
    } else if magnitude >= Decimal::ONE_HUNDRED && unit != Unit::Eur {
        base.min(0)
    } else {
        base
    };
    relaxed.min(i64::from(precision))
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
                let coefficient = Expr::Bin(Op::Div, r(to), r(from));
                if let Some(v) = eval(&coefficient) {
                    mistakes.push((Mistake::Coefficient, v * Decimal::ONE_HUNDRED));
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
        Ok(Plan {
            exact,
            alt,
            unit: kpi.unit,
            precision: kpi.precision,
            required_decimals: kpi
                .min_decimals
                .map(i64::from)
                .unwrap_or_else(|| default_required_decimals(kpi.unit, kpi.precision, exact)),
            tolerance: kpi.tolerance,
            mistakes,
        })
    }
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

/// |given − target| ≤ `percent` % of |target|.
fn relatively_near(given: Decimal, target: Decimal, percent: Decimal) -> bool {
    if target.is_zero() {
        return given.is_zero();
    }
    let gap = (given - target).abs();
    gap * Decimal::ONE_HUNDRED <= target.abs() * percent
}

fn ten_power(decimals: i64) -> Decimal {
    let mut step = Decimal::ONE;
    if decimals >= 0 {
        for _ in 0..decimals.min(20) {
            step /= Decimal::TEN;
        }
    } else {
        for _ in 0..(-decimals).min(20) {
            step *= Decimal::TEN;
        }
    }
    step
}

impl Case {
    /// Judges what a student typed as an answer to KPI `kpi`.
    pub fn check(&self, kpi: usize, input: &str) -> Outcome {
        let (Some(k), Some(plan)) = (self.kpis.get(kpi), self.plans.get(kpi)) else {
            return invalid(Reason::NotTheValue);
        };
        let answer = match parse_answer(input) {
            Ok(a) => a,
            Err(e) => return invalid(Reason::Unreadable(e)),
        };
        if let Some(words) = &answer.words {
            if !k.words.iter().any(|w| w == words) {
                return invalid(Reason::UnexpectedWords(words.clone()));
            }
        }
        let mut unit_changes_meaning = false;
        let mut percent_of_ratio = false;
        match (k.unit, answer.unit) {
            (_, GivenUnit::Bare) => {}
            (Unit::Percent, GivenUnit::Percent)
            | (Unit::Points, GivenUnit::Points)
            | (Unit::Eur, GivenUnit::Euro) => {}
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
        match &answer.dot_thousands {
            None => as_decimal,
            Some(other) => choose_dot_reading(
                plan,
                as_decimal,
                judge_reading(other.value, other.decimals),
                &other.written,
            ),
        }
    }
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
    } else if small * Decimal::TEN >= expected {
        as_decimal
    } else if small * Decimal::ONE_HUNDRED <= expected {
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
    let on_value = matches(given, decimals, plan.exact);
    let on_alt = plan.alt.is_some_and(|alt| matches(given, decimals, alt));
    let in_tolerance = plan
        .tolerance
        .is_some_and(|t| (given - plan.exact).abs() <= t);
    if unit_changes_meaning {
        if on_value || on_alt || in_tolerance {
            return outcome(Verdict::Close, Reason::WrongUnit);
        }
    } else if in_tolerance {
        return outcome(Verdict::Correct, Reason::WithinTolerance);
    } else if on_value || on_alt {
        // A value written in full ("42 €" for exactly 42) needs no more decimals.
        let exact_value = given == plan.exact || plan.alt == Some(given);
        if decimals >= plan.required_decimals || exact_value {
            let reason = if on_value {
                Reason::Exact
            } else {
                Reason::FromRoundedInputs
            };
            return outcome(Verdict::Correct, reason);
        }
        return outcome(
            Verdict::Close,
            Reason::TooImprecise {
                needed: plan.required_decimals,
            },
        );
    }
    let near_limit = Decimal::new(5, 1); // 0.5 %
    let one_step = ten_power(decimals);
    if !unit_changes_meaning {
        let truncated =
            (0..=12).contains(&decimals) && plan.exact.trunc_with_scale(decimals as u32) == given;
        if truncated && relatively_near(given, plan.exact, Decimal::ONE) {
            return outcome(Verdict::Close, Reason::Truncated);
        }
        let rounded = format::round_signed(plan.exact, decimals);
        let one_off = (given - rounded).abs() == one_step;
        if (one_off && relatively_near(given, plan.exact, Decimal::ONE))
            || relatively_near(given, plan.exact, near_limit)
        {
            return outcome(Verdict::Close, Reason::Near);
        }
    }
    for (mistake, value) in &plan.mistakes {
        let close_enough =
            matches(given, decimals, *value) || relatively_near(given, *value, near_limit);
        if close_enough && relatively_near(given, *value, Decimal::from(5)) {
            return outcome(Verdict::Wrong, Reason::Mistake(*mistake));
        }
    }
    outcome(Verdict::Wrong, Reason::NotTheValue)
}
