//! The one KPI engine. Every figure the bot shows, checks, hints at or reveals is computed
//! here, exactly, with `rust_decimal`, from the values of the case pack.

use crate::case::{Case, Cell, Piece, Table, Value};
use crate::format::{self, Unit};
use crate::formula::{Expr, Op};
use rust_decimal::Decimal;
use serde::Serialize;
use thiserror::Error;

// The KPI definitions are data of the case model; these paths stay.
pub use crate::case::{DeclaredMistake, Kpi, KpiKind, RefId};

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
    /// For a KPI computed beforehand whose `number` is rounded, its value unrounded
    /// ("642,6816", "5 333,3333…"): the figure the exact result really comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exact: Option<String>,
}

/// The worked calculation of a KPI, in pieces that the texts of `prompts/` put into sentences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Steps {
    /// The formula with labels: "Clics Google Ads ÷ Impressions Google Ads × 100".
    pub formula: String,
    pub inputs: Vec<StepInput>,
    /// The formula with the figures: "3 695 ÷ 20 809 × 100" (a KPI computed beforehand at its
    /// displayed precision).
    pub calculation: String,
    /// Whether `calculation`, worked exactly as written, does not give `result` at the
    /// precision shown (its figures are rounded intermediates): it then reads « ≈ », not « = ».
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
    /// What `calculation` gives when `approximate` (`None` if it cannot be worked out: an
    /// intermediate rounded to 0 divides).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_shown_figures: Option<String>,
    /// The first operation a student works out from the subject's figures, with its result at
    /// the precision it is shown: "50 297 − 37 923 = 12 374", or for a KPI that needs another
    /// one first, that one's calculation: "61 766 × 31,4 ÷ 100 = 19 395". `None` when the
    /// whole calculation is one operation (its result would be the answer).
    pub first_step: Option<String>,
    /// The label of the KPI the first step computes, when it computes a whole one beforehand.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_step_computes: Option<String>,
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

    /// The value of a reference as written in a calculation: a figure exactly, a KPI rounded
    /// to its displayed precision.
    fn ref_shown(&self, r: RefId) -> Result<Decimal, EvalError> {
        Ok(match r {
            RefId::Value(i) => self.values[i].value,
            RefId::Kpi(i) => self.kpis[i].rounded(self.evaluate(i)?),
        })
    }

    /// What an expression gives when worked exactly with its figures as written.
    fn eval_shown(&self, expr: &Expr<RefId>, context: &str) -> Result<Decimal, EvalError> {
        expr.eval(&mut |r: &RefId| self.ref_shown(*r), || {
            EvalError::Arithmetic(context.to_string())
        })
    }

    /// Value, rounding and worked steps of a KPI.
    pub fn kpi_result(&self, kpi: usize) -> Result<KpiResult, EvalError> {
        let k = self.kpis.get(kpi).ok_or(EvalError::NoSuchKpi(kpi))?;
        let exact = self.evaluate(kpi)?;
        let text = k.display(exact);
        let calculation = self.render_numbers(&k.expr)?;
        let formula = k
            .expr
            .render(&mut |r: &RefId| self.ref_label(*r).to_string());
        let mut inputs: Vec<StepInput> = Vec::new();
        for r in k.expr.refs() {
            let id = match *r {
                RefId::Value(i) => &self.values[i].id,
                RefId::Kpi(i) => &self.kpis[i].id,
            };
            if inputs.iter().any(|input| &input.id == id) {
                continue;
            }
            inputs.push(self.step_input(*r)?);
        }
        // The calculation is written with rounded intermediates: say « = » only when it
        // really gives the result at the precision shown.
        let shown = self.eval_shown(&k.expr, &k.id).ok();
        let approximate = shown.is_none_or(|v| k.rounded(v) != k.rounded(exact));
        let from_shown_figures = shown.filter(|_| approximate).map(|v| k.display(v));
        let rounded_path = self.evaluate_from_rounded(kpi)?;
        let from_rounded_inputs =
            (k.rounded(rounded_path) != k.rounded(exact)).then(|| k.display(rounded_path));
        let first = self.first_step(kpi, true, 0)?;
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
                approximate,
                from_shown_figures,
                first_step: first.as_ref().map(|f| f.text.clone()),
                first_step_computes: first.and_then(|f| f.computes),
                result: text,
                from_rounded_inputs,
            },
        })
    }

    /// An expression with its figures: values exactly, KPIs at their displayed precision.
    fn render_numbers(&self, expr: &Expr<RefId>) -> Result<String, EvalError> {
        let mut numbers_err = None;
        let text = expr.render(&mut |r: &RefId| match self.ref_number(*r) {
            Ok(n) => n,
            Err(e) => {
                numbers_err = Some(e);
                String::new()
            }
        });
        match numbers_err {
            Some(e) => Err(e),
            None => Ok(text),
        }
    }

    /// One figure of a calculation, with where it comes from.
    fn step_input(&self, r: RefId) -> Result<StepInput, EvalError> {
        let (id, annex, computed) = match r {
            RefId::Value(i) => (&self.values[i].id, self.values[i].annex, false),
            RefId::Kpi(i) => (&self.kpis[i].id, None, true),
        };
        let (value, annex_text, exact) = match r {
            RefId::Value(i) => {
                let v = &self.values[i];
                let value = format::with_unit(v.value, v.unit, v.value.normalize().scale());
                let shown = v.display();
                let differs = shown != value;
                (value, differs.then_some(shown), None)
            }
            RefId::Kpi(i) => {
                let k = &self.kpis[i];
                let exact = self.evaluate(i)?;
                let unrounded = (k.rounded(exact) != exact).then(|| unrounded_number(exact, k));
                (k.display(exact), None, unrounded)
            }
        };
        let asked_in = match r {
            RefId::Kpi(i) => self
                .questions
                .iter()
                .flat_map(|q| q.parts.iter())
                .find(|p| p.kpi == i)
                .map(|p| p.id.clone()),
            RefId::Value(_) => None,
        };
        Ok(StepInput {
            id: id.clone(),
            label: self.ref_label(r).to_string(),
            number: self.ref_number(r)?,
            value,
            annex_text,
            annex,
            computed,
            asked_in,
            exact,
        })
    }

    /// The subject's figures a KPI is computed from, directly or through the KPIs it uses,
    /// each once, in the order a student meets them: what a student has to look up.
    pub fn raw_values(&self, kpi: usize) -> Vec<usize> {
        fn walk(case: &Case, kpi: usize, out: &mut Vec<usize>, depth: usize) {
            // A loaded pack has no cycles; the depth bound only keeps a broken one finite.
            if depth > case.kpis.len() {
                return;
            }
            for r in case.kpis[kpi].expr.refs() {
                match *r {
                    RefId::Value(i) if !out.contains(&i) => out.push(i),
                    RefId::Value(_) => {}
                    RefId::Kpi(i) => walk(case, i, out, depth + 1),
                }
            }
        }
        let mut out = Vec::new();
        if kpi < self.kpis.len() {
            walk(self, kpi, &mut out, 0);
        }
        out
    }

    /// Where the subject prints a figure: its annex, table, group of rows, row and column.
    pub fn value_place(&self, value: usize) -> Option<ValuePlace> {
        let v = self.values.get(value)?;
        let annex = self.annex(v.annex?)?;
        let several_tables = annex.tables.len() > 1;
        let text_of = |c: &Cell| c.text(&self.values);
        let place = |table: &Table, r: usize, column: Option<usize>| ValuePlace {
            annex: annex.number,
            table: several_tables.then(|| table.title.clone()),
            group: table.group_of(r).map(|g| g.label.clone()),
            row: table.rows[r].first().map(text_of).unwrap_or_default(),
            // The first cell is the row's label: the value is in the row, not under a column.
            column: column
                .filter(|&c| c > 0 && table.columns.len() > 2)
                .and_then(|c| table.columns.get(c).cloned()),
        };
        for table in &annex.tables {
            for (r, row) in table.rows.iter().enumerate() {
                if let Some(c) = row.iter().position(|c| c.shows(value)) {
                    return Some(place(table, r, Some(c)));
                }
            }
        }
        // A figure written inside a row's text (« B to B : La Poste (1 commande) »): the row
        // that prints the number, or among several, the one that shares a word with its label.
        let number = v.number();
        let mut found: Vec<(&Table, usize)> = Vec::new();
        for table in &annex.tables {
            for (r, row) in table.rows.iter().enumerate() {
                let prints = row.iter().any(|c| match c {
                    Cell::Text(t) => has_token(t, &number),
                    Cell::Mixed(pieces) => pieces
                        .iter()
                        .any(|p| matches!(p, Piece::Text(t) if has_token(t, &number))),
                    Cell::Value(_) => false,
                });
                if prints {
                    found.push((table, r));
                }
            }
        }
        if found.len() > 1 {
            let label = words(&v.label);
            found.retain(|(table, r)| {
                let text: String = table.rows[*r]
                    .iter()
                    .map(text_of)
                    .collect::<Vec<_>>()
                    .join(" ");
                words(&text).iter().any(|w| label.contains(w))
            });
        }
        match found.as_slice() {
            [(table, r)] => Some(place(table, *r, None)),
            _ => None,
        }
    }

    /// The first operation a student works out for a KPI, from the subject's figures: in a
    /// KPI that uses others, the first step of the first one it uses (computing it is part of
    /// the exercise); else the leftmost innermost operation with what completes it (« × 100 »,
    /// the rest of a sum). For the KPI asked (`target`), a calculation that is one step is
    /// `None`: its result would be the answer.
    fn first_step(
        &self,
        kpi: usize,
        target: bool,
        depth: usize,
    ) -> Result<Option<FirstStep>, EvalError> {
        let k = self.kpis.get(kpi).ok_or(EvalError::NoSuchKpi(kpi))?;
        if depth > self.kpis.len() {
            return Ok(None);
        }
        let first_kpi = k.expr.refs().into_iter().find_map(|r| match *r {
            RefId::Kpi(i) => Some(i),
            RefId::Value(_) => None,
        });
        if let Some(i) = first_kpi {
            return self.first_step(i, false, depth + 1);
        }
        let Some(step) = first_operation(&k.expr) else {
            return Ok(None);
        };
        let whole = std::ptr::eq(step, &k.expr);
        if whole && target {
            return Ok(None);
        }
        let written = self.render_numbers(step)?;
        let value = self.eval_exact(step, &k.id)?;
        // A whole KPI at its displayed precision; a part of one exactly when it has no more
        // decimals than the KPI shows plus two (a rate before « × 100 »), else rounded there.
        let decimals = if whole {
            k.precision
        } else {
            value.normalize().scale().min(k.precision + 2)
        };
        // « = » as in every worked calculation: the result holds at the precision shown.
        Ok(Some(FirstStep {
            text: format!("{written} = {}", format::number(value, decimals)),
            computes: whole.then(|| k.label.clone()),
        }))
    }
}

/// Where the subject prints a figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValuePlace {
    pub annex: u8,
    /// The table's title, when the annex has several.
    pub table: Option<String>,
    /// The label over the row's group of rows (« Huit entreprises clientes »), if any.
    pub group: Option<String>,
    /// The row's first cell (« Sessions », « B to B : La Poste (1 commande) »).
    pub row: String,
    /// The column's title, when the table compares several columns (2019 and 2020).
    pub column: Option<String>,
}

struct FirstStep {
    text: String,
    computes: Option<String>,
}

/// A computed figure unrounded: exactly when it has at most four decimals more than the KPI
/// shows ("642,6816"), else cut two decimals further with « … » ("5 333,3333…").
fn unrounded_number(exact: Decimal, k: &Kpi) -> String {
    let n = exact.normalize();
    if n.scale() <= k.precision + 4 {
        format::number(n, n.scale())
    } else {
        let cut = k.precision + 2;
        let digits = exact.round_dp_with_strategy(cut, rust_decimal::RoundingStrategy::ToZero);
        format!("{}…", format::number(digits, cut))
    }
}

/// Whether `text` has `number` as a whole token ("1" in « (1 commande) », not in « 416 »).
fn has_token(text: &str, number: &str) -> bool {
    let number = number.replace('\u{202F}', "");
    text.replace('\u{202F}', "")
        .split(|c: char| !(c.is_ascii_digit() || c == ','))
        .any(|t| t == number)
}

/// The words of four letters or more, lowercased: what a label and a row may share.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect()
}

/// The first operation a student works out in an expression: the leftmost innermost one, with
/// a scaling by a constant that follows it (« ÷ 20 809 × 100 » is one step, a rate) and the
/// rest of a sum it starts (« 5 000 + 4 000 + 7 000 »).
fn first_operation(e: &Expr<RefId>) -> Option<&Expr<RefId>> {
    fn is_leaf(e: &Expr<RefId>) -> bool {
        matches!(e, Expr::Num(_) | Expr::Ref(_))
    }
    fn completes(op: Op, a: &Expr<RefId>, b: &Expr<RefId>) -> bool {
        match op {
            Op::Mul | Op::Div => matches!(b, Expr::Num(_)),
            Op::Add => is_leaf(b) && matches!(a, Expr::Bin(Op::Add, _, _)),
            Op::Sub => false,
        }
    }
    match e {
        Expr::Bin(op, a, b) => {
            if let Some(found) = first_operation(a) {
                if std::ptr::eq(found, a.as_ref()) && completes(*op, a, b) {
                    return Some(e);
                }
                return Some(found);
            }
            if let Some(found) = first_operation(b) {
                return Some(found);
            }
            (is_leaf(a) && is_leaf(b)).then_some(e)
        }
        Expr::Neg(inner) => first_operation(inner),
        _ => None,
    }
}

/// Case texts with their figures: `{kpi.ID}` placeholders are filled by the engine, so these
/// live here rather than in the case model.
impl Case {
    /// Renders a case text, filling `{kpi.ID}` with the KPI's displayed value and `{value.ID}`
    /// with the figure in the French format. Loading has checked every placeholder resolves.
    pub fn text(&self, id: &str) -> String {
        let Some(template) = self.texts.get(id) else {
            tracing::warn!(id, case = %self.meta.id, "missing case text");
            return format!("[{id}]");
        };
        crate::prompts::render_template(template, &mut |name| self.placeholder(name))
    }

    /// Renders a case text like [`Case::text`], writing `mark` instead of the KPIs `hidden`
    /// names (indices into `kpis`): what a student reads while a quiz asks them.
    pub fn text_hiding(&self, id: &str, hidden: &dyn Fn(usize) -> bool, mark: &str) -> String {
        let Some(template) = self.texts.get(id) else {
            tracing::warn!(id, case = %self.meta.id, "missing case text");
            return format!("[{id}]");
        };
        crate::prompts::render_template(template, &mut |name| {
            let index = name
                .strip_prefix("kpi.")
                .or_else(|| name.strip_prefix("abs."))
                .and_then(|k| self.kpi_index(k));
            match index {
                Some(index) if hidden(index) => Some(mark.to_string()),
                _ => self.placeholder(name),
            }
        })
    }

    /// The value of a `{kpi.ID}`, `{abs.ID}` or `{value.ID}` placeholder.
    pub(crate) fn placeholder(&self, name: &str) -> Option<String> {
        // The KPI's figure without its sign, after a word that says it (« chutent de
        // {abs.ID} »).
        if let Some(id) = name.strip_prefix("abs.") {
            let shown = self.placeholder(&format!("kpi.{id}"))?;
            return Some(shown.trim_start_matches(['+', '−', '-']).to_string());
        }
        if let Some(id) = name.strip_prefix("kpi.") {
            let index = self.kpi_index(id)?;
            return self
                .evaluate(index)
                .ok()
                .map(|v| self.kpis[index].display(v));
        }
        if let Some(id) = name.strip_prefix("value.") {
            // The bot's sentences use French formats; the subject's typography stays in the
            // annex tables.
            return self.value_by_id(id).map(Value::french);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formula::parse;

    /// `first_operation` of a formula, written back with its ids.
    fn first(src: &str) -> Option<String> {
        let names: std::cell::RefCell<Vec<String>> = Default::default();
        let expr = parse(src)
            .expect("parses")
            .try_map(&mut |name: String| {
                let mut names = names.borrow_mut();
                names.push(name);
                Ok::<_, ()>(RefId::Value(names.len() - 1))
            })
            .expect("maps");
        let names = names.into_inner();
        first_operation(&expr).map(|e| {
            e.render(&mut |r: &RefId| match r {
                RefId::Value(i) | RefId::Kpi(i) => names[*i].clone(),
            })
        })
    }

    #[test]
    fn the_first_operation_keeps_what_completes_it() {
        // An evolution starts with the difference.
        assert_eq!(first("(b - a) / a * 100").as_deref(), Some("b − a"));
        // A rate is one step, « × 100 » included; so is a share of a total.
        assert_eq!(first("a / b * 100").as_deref(), Some("a ÷ b × 100"));
        assert_eq!(first("a * b / 100").as_deref(), Some("a × b ÷ 100"));
        // A sum is one step however many terms it has.
        assert_eq!(first("a + b + c").as_deref(), Some("a + b + c"));
        assert_eq!(first("(a + b + c) / d").as_deref(), Some("a + b + c"));
        // A ROI starts with the margin minus the spend.
        assert_eq!(first("(m - s) / s * 100").as_deref(), Some("m − s"));
        assert_eq!(first("a").as_deref(), None);
    }

    #[test]
    fn a_number_inside_a_row_text_is_found_as_a_whole_token() {
        assert!(has_token("B to B : La Poste (1 commande)", "1"));
        assert!(!has_token("B to C : 416 clients", "1"));
        assert!(has_token(
            "B to C : 416 clients (pour 416 commandes)",
            "416"
        ));
        assert!(has_token("total 19\u{202F}660 €", "19\u{202F}660"));
        assert!(words("Commandes de La Poste").contains(&"poste".to_string()));
    }
}
