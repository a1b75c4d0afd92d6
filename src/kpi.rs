//! The one KPI engine. Every figure the bot shows, checks, hints at or reveals is computed
//! here, exactly, with `rust_decimal`, from the values of the case pack.

use crate::case::Case;
use crate::format::{self, Unit};
use crate::pack::formula::{Expr, Op};
use rust_decimal::Decimal;
use serde::Serialize;
use thiserror::Error;

/// What a formula refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RefId {
    Value(usize),
    Kpi(usize),
}

/// How a KPI is defined; evolutions and differences are kept apart from plain formulas so the
/// checker knows which classic mistakes to look for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KpiKind {
    Formula,
    /// `(to − from) ÷ from × 100`, in percent.
    Evolution {
        from: RefId,
        to: RefId,
    },
    /// `to − from`, in points when both are rates.
    Difference {
        from: RefId,
        to: RefId,
    },
}

/// A wrong formula a pack declares, with the id of the text that explains the mistake.
#[derive(Debug, Clone)]
pub struct DeclaredMistake {
    pub expr: Expr<RefId>,
    pub message: String,
}

/// A KPI of a case.
#[derive(Debug, Clone)]
pub struct Kpi {
    pub id: String,
    pub label: String,
    pub unit: Unit,
    /// Decimals shown.
    pub precision: u32,
    pub kind: KpiKind,
    pub expr: Expr<RefId>,
    pub aliases: Vec<String>,
    /// Nouns a student may write after the number ("clics").
    pub words: Vec<String>,
    /// Absolute tolerance for a right answer, in the KPI's unit, if the pack sets one.
    pub tolerance: Option<Decimal>,
    /// Decimals a right answer needs, if the pack asks fewer than `precision`.
    pub min_decimals: Option<u32>,
    /// A count that cannot be split (orders): the checker recognises it, and what is computed
    /// from it, rounded to a whole number.
    pub indivisible: bool,
    pub mistakes: Vec<DeclaredMistake>,
    /// Annexes whose figures the KPI uses, directly or through other KPIs, sorted.
    pub annexes: Vec<u8>,
}

impl Kpi {
    /// Whether the value reads as a change (shown with an explicit "+").
    pub fn is_change(&self) -> bool {
        !matches!(self.kind, KpiKind::Formula)
    }

    /// The value as shown to students: "17,76 %", "+32,63 %", "−700,00 €".
    pub fn display(&self, value: Decimal) -> String {
        if self.is_change() {
            format::signed_with_unit(value, self.unit, self.precision)
        } else {
            format::with_unit(value, self.unit, self.precision)
        }
    }

    /// The value rounded to the displayed precision.
    pub fn rounded(&self, value: Decimal) -> Decimal {
        format::round(value, self.precision)
    }
}

/// Why a KPI cannot be computed (never happens on a loaded pack: loading evaluates them all).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EvalError {
    #[error("division by zero or overflow while computing {0}")]
    Arithmetic(String),
    #[error("no KPI at index {0}")]
    NoSuchKpi(usize),
}

/// One figure used in a calculation, with where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepInput {
    pub id: String,
    pub label: String,
    /// As written in the calculation ("3 695"; a KPI at its displayed precision).
    pub number: String,
    /// With its unit ("1 940 €", "112 s"; a KPI as displayed).
    pub value: String,
    /// How the annex prints it, when that is not `value` ("1,94 k€", "00:01:52").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annex_text: Option<String>,
    /// The annex it comes from; `None` for a constant or a KPI.
    pub annex: Option<u8>,
    /// Whether it is a KPI computed beforehand (its own steps explain it).
    pub computed: bool,
    /// For a KPI computed beforehand, the part of the case that asks it ("1.3.a"), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub asked_in: Option<String>,
}

/// The worked calculation of a KPI, in pieces that the texts of `prompts/` put into sentences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Steps {
    /// The formula with labels: "Clics Google Ads ÷ Impressions Google Ads × 100".
    pub formula: String,
    pub inputs: Vec<StepInput>,
    /// The formula with the figures: "3 695 ÷ 20 809 × 100".
    pub calculation: String,
    /// The first operation, worked: "3 695 ÷ 20 809 ≈ 0,1776".
    pub first_step: Option<String>,
    /// The result as shown: "17,76 %".
    pub result: String,
    /// The result computed from the rounded figures written in `calculation`, when it differs
    /// from the exact result once rounded (a student who rounded on the way finds this one).
    pub from_rounded_inputs: Option<String>,
}

/// Everything the engine says about a KPI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KpiResult {
    pub id: String,
    pub label: String,
    pub unit: Unit,
    pub precision: u32,
    /// The exact value (as exact as 28 significant digits allow).
    pub exact: Decimal,
    /// The value rounded to `precision`.
    pub value: Decimal,
    /// The value as shown: "17,76 %".
    pub text: String,
    pub annexes: Vec<u8>,
    pub steps: Steps,
}

/// How references are valued while evaluating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Inputs {
    /// Every KPI used is computed exactly.
    Exact,
    /// Every KPI used is itself computed this way, then rounded to its displayed precision.
    RoundedKpis,
}

impl Case {
    /// The exact value of a KPI.
    pub fn evaluate(&self, kpi: usize) -> Result<Decimal, EvalError> {
        self.eval_kpi(kpi, Inputs::Exact)
    }

    /// The value found when every intermediate KPI is rounded to its displayed precision
    /// before being used, as a student who copies each earlier result would.
    pub fn evaluate_from_rounded(&self, kpi: usize) -> Result<Decimal, EvalError> {
        self.eval_kpi(kpi, Inputs::RoundedKpis)
    }

    fn eval_kpi(&self, kpi: usize, inputs: Inputs) -> Result<Decimal, EvalError> {
        let k = self.kpis.get(kpi).ok_or(EvalError::NoSuchKpi(kpi))?;
        self.eval_expr(&k.expr, &k.id, inputs)
    }

    /// Evaluates any expression over the case's figures (used for declared mistakes too).
    fn eval_expr(
        &self,
        expr: &Expr<RefId>,
        context: &str,
        inputs: Inputs,
    ) -> Result<Decimal, EvalError> {
        expr.eval(
            &mut |r: &RefId| match (*r, inputs) {
                (RefId::Value(i), _) => Ok(self.values[i].value),
                (RefId::Kpi(i), Inputs::Exact) => self.eval_kpi(i, Inputs::Exact),
                (RefId::Kpi(i), Inputs::RoundedKpis) => self
                    .eval_kpi(i, Inputs::RoundedKpis)
                    .map(|v| self.kpis[i].rounded(v)),
            },
            || EvalError::Arithmetic(context.to_string()),
        )
    }

    /// Evaluates an expression exactly.
    pub(crate) fn eval_exact(
        &self,
        expr: &Expr<RefId>,
        context: &str,
    ) -> Result<Decimal, EvalError> {
        self.eval_expr(expr, context, Inputs::Exact)
    }

    /// The label of what a reference names.
    pub fn ref_label(&self, r: RefId) -> &str {
        match r {
            RefId::Value(i) => &self.values[i].label,
            RefId::Kpi(i) => &self.kpis[i].label,
        }
    }

    /// A reference as a number in a calculation.
    fn ref_number(&self, r: RefId) -> Result<String, EvalError> {
        Ok(match r {
            RefId::Value(i) => self.values[i].number(),
            RefId::Kpi(i) => {
                let k = &self.kpis[i];
                format::number(self.evaluate(i)?, k.precision)
            }
        })
    }

    /// Value, rounding and worked steps of a KPI.
    pub fn kpi_result(&self, kpi: usize) -> Result<KpiResult, EvalError> {
        let k = self.kpis.get(kpi).ok_or(EvalError::NoSuchKpi(kpi))?;
        let exact = self.evaluate(kpi)?;
        let text = k.display(exact);
        let mut numbers_err = None;
        let calculation = k.expr.render(&mut |r: &RefId| match self.ref_number(*r) {
            Ok(n) => n,
            Err(e) => {
                numbers_err = Some(e);
                String::new()
            }
        });
        if let Some(e) = numbers_err {
            return Err(e);
        }
        let formula = k
            .expr
            .render(&mut |r: &RefId| self.ref_label(*r).to_string());
        let mut inputs: Vec<StepInput> = Vec::new();
        for r in k.expr.refs() {
            let (id, annex, computed) = match *r {
                RefId::Value(i) => (&self.values[i].id, self.values[i].annex, false),
                RefId::Kpi(i) => (&self.kpis[i].id, None, true),
            };
            if inputs.iter().any(|input| &input.id == id) {
                continue;
            }
            let (value, annex_text) = match *r {
                RefId::Value(i) => {
                    let v = &self.values[i];
                    let value = format::with_unit(v.value, v.unit, v.value.normalize().scale());
                    let shown = v.display();
                    let differs = shown != value;
                    (value, differs.then_some(shown))
                }
                RefId::Kpi(i) => (self.kpis[i].display(self.evaluate(i)?), None),
            };
            let asked_in = match *r {
                RefId::Kpi(i) => self
                    .questions
                    .iter()
                    .flat_map(|q| q.parts.iter())
                    .find(|p| p.kpi == i)
                    .map(|p| p.id.clone()),
                RefId::Value(_) => None,
            };
            inputs.push(StepInput {
                id: id.clone(),
                label: self.ref_label(*r).to_string(),
                number: self.ref_number(*r)?,
                value,
                annex_text,
                annex,
                computed,
                asked_in,
            });
        }
        let rounded_path = self.evaluate_from_rounded(kpi)?;
        let from_rounded_inputs =
            (k.rounded(rounded_path) != k.rounded(exact)).then(|| k.display(rounded_path));
        Ok(KpiResult {
            id: k.id.clone(),
            label: k.label.clone(),
            unit: k.unit,
            precision: k.precision,
            exact,
            value: k.rounded(exact),
            text: text.clone(),
            annexes: k.annexes.clone(),
            steps: Steps {
                formula,
                inputs,
                calculation,
                first_step: self.first_step(&k.expr)?,
                result: text,
                from_rounded_inputs,
            },
        })
    }

    /// The first operation of a calculation, worked out: the leftmost innermost one.
    fn first_step(&self, expr: &Expr<RefId>) -> Result<Option<String>, EvalError> {
        fn is_leaf(e: &Expr<RefId>) -> bool {
            matches!(e, Expr::Num(_) | Expr::Ref(_))
        }
        fn find(e: &Expr<RefId>) -> Option<(Op, &Expr<RefId>, &Expr<RefId>)> {
            match e {
                Expr::Bin(op, a, b) => {
                    if let Some(found) = find(a) {
                        return Some(found);
                    }
                    if let Some(found) = find(b) {
                        return Some(found);
                    }
                    (is_leaf(a) && is_leaf(b)).then_some((*op, a.as_ref(), b.as_ref()))
                }
                Expr::Neg(inner) => find(inner),
                _ => None,
            }
        }
        let Some((op, a, b)) = find(expr) else {
            return Ok(None);
        };
        let leaf_number = |e: &Expr<RefId>| -> Result<(Decimal, String), EvalError> {
            match e {
                Expr::Num(n) => Ok((*n, format::number_trimmed(*n, 10))),
                Expr::Ref(r) => {
                    let v = match *r {
                        RefId::Value(i) => self.values[i].value,
                        RefId::Kpi(i) => self.kpis[i].rounded(self.evaluate(i)?),
                    };
                    Ok((v, self.ref_number(*r)?))
                }
                _ => Ok((Decimal::ZERO, String::new())),
            }
        };
        let (x, x_text) = leaf_number(a)?;
        let (y, y_text) = leaf_number(b)?;
        let result = op
            .apply(x, y)
            .ok_or_else(|| EvalError::Arithmetic("first step".into()))?;
        let shown = format::round(result, 4);
        let sign = if shown == result { "=" } else { "≈" };
        Ok(Some(format!(
            "{x_text} {} {y_text} {sign} {}",
            op.symbol(),
            format::number_trimmed(result, 4)
        )))
    }
}
