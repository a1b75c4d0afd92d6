//! Platform-neutral French text for what the core computes: annexes, questions, worked KPIs,
//! hints and verdicts. Light Markdown (`**bold**`, "- " lists) that Discord shows and a
//! terminal reads as is. Every sentence comes from `prompts/`; every figure from the engine.

use crate::case::{Case, Cell, KpiMatch, Part, Question};
use crate::check::{parse::GivenUnit, parse::ParseError, Mistake, Outcome, Reason};
use crate::format::{self, Unit};
use crate::kpi::{EvalError, KpiResult};
use crate::msg;
use crate::prompts::Prompts;
use rust_decimal::Decimal;

/// User-text escaping lives with the formats (a leaf every layer may use); these paths stay.
pub use crate::format::{echo, echo_cut, escape, ECHO_MAX_CHARS};

/// "3 points", "0,25 point".
pub fn points(messages: &Prompts, n: Decimal) -> String {
    let text = format::number_trimmed(n, 3);
    messages.render(msg::POINTS, &[("n", &text)])
}

/// "annexe 2", "annexes 3 et 4".
pub fn annex_list(messages: &Prompts, annexes: &[u8]) -> String {
    let numbers: Vec<String> = annexes.iter().map(u8::to_string).collect();
    let list = match numbers.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} et {last}", init.join(", ")),
    };
    messages.render(
        msg::ANNEX_WORD,
        &[("n", &annexes.len().to_string()), ("list", &list)],
    )
}

/// What a unit is, in words: "un pourcentage (%)".
pub fn unit_words(messages: &Prompts, unit: Unit) -> String {
    let id = match unit {
        Unit::Count => msg::UNIT_COUNT,
        Unit::Eur => msg::UNIT_EUR,
        Unit::Percent => msg::UNIT_PERCENT,
        Unit::Points => msg::UNIT_POINTS,
        Unit::Ratio => msg::UNIT_RATIO,
        Unit::Seconds => msg::UNIT_SECONDS,
    };
    messages.render(id, &[])
}

/// An annex: title, text, tables (one line per row, readable on a phone) and source.
pub fn annex(messages: &Prompts, case: &Case, number: u8) -> Option<String> {
    let annex = case.annex(number)?;
    let mut out = messages.render(
        msg::ANNEX_HEADER,
        &[("number", &number.to_string()), ("title", &annex.title)],
    );
    out.push_str("\n\n");
    out.push_str(&case.text(&format!("annex.{number}.body")));
    for table in &annex.tables {
        while out.ends_with('\n') {
            out.pop();
        }
        out.push_str("\n\n**");
        out.push_str(&table.title);
        out.push_str("**\n");
        let cell_text = |c: &Cell| match c {
            Cell::Value(i) => case.values[*i].display(),
            Cell::Text(t) => t.clone(),
        };
        if table.columns.len() > 2 {
            let columns: Vec<String> = table.columns[1..]
                .iter()
                .enumerate()
                .map(|(i, c)| format!("({}) {c}", i + 1))
                .collect();
            out.push_str(
                &messages.render(msg::ANNEX_COLUMNS, &[("columns", &columns.join(" · "))]),
            );
            out.push('\n');
        }
        for row in &table.rows {
            let mut cells = row.iter();
            let label = cells.next().map(cell_text).unwrap_or_default();
            let rest: Vec<String> = cells.map(cell_text).collect();
            out.push_str(&format!("- {label} : **{}**\n", rest.join("** | **")));
        }
    }
    if out.ends_with('\n') {
        out.pop();
    }
    out.push_str("\n\n*");
    out.push_str(&annex.source);
    out.push('*');
    Some(out)
}

/// A question: header, statement and its numeric parts.
pub fn question(messages: &Prompts, case: &Case, q: &Question) -> String {
    let pts = points(messages, q.points);
    let mut out = if q.annexes.is_empty() {
        messages.render(
            msg::QUESTION_HEADER_NO_ANNEX,
            &[("id", &q.id), ("points", &pts)],
        )
    } else {
        messages.render(
            msg::QUESTION_HEADER,
            &[
                ("id", &q.id),
                ("points", &pts),
                ("annexes", &annex_list(messages, &q.annexes)),
            ],
        )
    };
    out.push('\n');
    out.push_str(&consigne(messages, case, q));
    out.push_str("\n\n");
    if q.parts.is_empty() {
        out.push_str(&messages.render(msg::QUESTION_OPEN, &[("id", &q.id)]));
    } else {
        let total: Decimal = q.parts.iter().map(|p| p.points).sum();
        out.push_str(&messages.render(
            msg::QUESTION_PARTS,
            &[
                (
                    "count",
                    &count(messages, q.parts.len(), msg::QUESTION_PARTS_COUNT),
                ),
                ("points", &points(messages, total)),
            ],
        ));
        for p in &q.parts {
            out.push('\n');
            out.push_str(&messages.render(
                msg::QUESTION_PART_LINE,
                &[
                    ("id", &p.id),
                    ("statement", &case.text(&format!("part.{}.statement", p.id))),
                ],
            ));
        }
    }
    out
}

/// The consigne of a question in the subject's own words, as a quotation (one "> " line per
/// line of the text, so that Discord shows one block), then the bot's optional help on a line
/// of its own: reading the exam's wording is part of the exercise, so the bot never rewords it.
pub fn consigne(messages: &Prompts, case: &Case, q: &Question) -> String {
    let mut out = consigne_quote(messages, case, q);
    let help_id = format!("question.{}.statement", q.id);
    if case.texts.contains(&help_id) {
        let help = case.text(&help_id);
        if !help.trim().is_empty() {
            out.push('\n');
            out.push_str(&messages.render(msg::QUESTION_HELP, &[("help", help.trim())]));
        }
    }
    out
}

/// The subject's words alone, as a quotation.
fn consigne_quote(messages: &Prompts, case: &Case, q: &Question) -> String {
    let words = case.text(&format!("question.{}.consigne", q.id));
    words
        .trim()
        .lines()
        .map(|line| messages.render(msg::QUESTION_CONSIGNE_LINE, &[("line", line.trim())]))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What a numeric part asks: its question's consigne (the subject's words) and then the part's
/// own task, which is the bot's help for this step. Used wherever a part is asked (practice,
/// quiz, `/question 1.2.a`).
pub fn part_task(messages: &Prompts, case: &Case, p: &Part) -> String {
    let task = case.text(&format!("part.{}.statement", p.id));
    match case.part(&p.id) {
        Some((q, _)) => format!("{}\n{}", consigne_quote(messages, case, q), task.trim()),
        None => task,
    }
}

/// A numeric part as it is asked.
pub fn part(messages: &Prompts, case: &Case, p: &Part) -> String {
    let mut out = messages.render(
        msg::PART_HEADER,
        &[("id", &p.id), ("points", &points(messages, p.points))],
    );
    out.push('\n');
    out.push_str(&part_task(messages, case, p));
    out
}

/// One input line of a worked calculation.
fn input_line(messages: &Prompts, input: &crate::kpi::StepInput) -> String {
    match (input.computed, input.annex) {
        (true, _) => match &input.asked_in {
            Some(part) => messages.render(
                msg::KPI_INPUT_COMPUTED_PART,
                &[
                    ("label", &input.label),
                    ("value", &input.value),
                    ("part", part),
                ],
            ),
            None => messages.render(
                msg::KPI_INPUT_COMPUTED,
                &[
                    ("label", &input.label),
                    ("number", &input.number),
                    ("value", &input.value),
                    ("id", &input.id),
                ],
            ),
        },
        (false, Some(annex)) => match &input.annex_text {
            Some(shown) => messages.render(
                msg::KPI_INPUT_ANNEX_SHOWN,
                &[
                    ("label", &input.label),
                    ("value", &input.value),
                    ("annex", &annex.to_string()),
                    ("shown", shown),
                ],
            ),
            None => messages.render(
                msg::KPI_INPUT_ANNEX,
                &[
                    ("label", &input.label),
                    ("number", &input.number),
                    ("value", &input.value),
                    ("annex", &annex.to_string()),
                ],
            ),
        },
        (false, None) => messages.render(
            msg::KPI_INPUT_CONSTANT,
            &[("label", &input.label), ("number", &input.number)],
        ),
    }
}

/// The worked answer of a KPI: value, formula, figures with their annex, calculation.
pub fn kpi(messages: &Prompts, result: &KpiResult) -> String {
    let steps = &result.steps;
    let mut lines = vec![
        messages.render(
            msg::KPI_HEADER,
            &[("label", &result.label), ("value", &result.text)],
        ),
        messages.render(msg::KPI_FORMULA, &[("formula", &steps.formula)]),
        messages.render(msg::KPI_INPUTS, &[]),
    ];
    lines.extend(steps.inputs.iter().map(|i| input_line(messages, i)));
    lines.extend(calculation_lines(messages, steps));
    lines.join("\n")
}

/// « Calcul : … = … » when the figures written give the result at the precision shown; else
/// « ≈ », the unrounded figures the result comes from and what the rounded ones give.
fn calculation_lines(messages: &Prompts, steps: &crate::kpi::Steps) -> Vec<String> {
    let args = [
        ("calculation", steps.calculation.as_str()),
        ("result", steps.result.as_str()),
    ];
    if !steps.approximate {
        let mut lines = vec![messages.render(msg::KPI_CALCULATION, &args)];
        if let Some(v) = &steps.from_rounded_inputs {
            lines.push(messages.render(msg::KPI_ROUNDED_INPUTS, &[("value", v)]));
        }
        return lines;
    }
    let mut lines = vec![messages.render(msg::KPI_CALCULATION_APPROX, &args)];
    let exact: Vec<String> = steps
        .inputs
        .iter()
        .filter_map(|i| {
            i.exact.as_ref().map(|e| {
                messages.render(msg::KPI_EXACT_INPUT, &[("label", &i.label), ("exact", e)])
            })
        })
        .collect();
    if !exact.is_empty() {
        lines.push(messages.render(msg::KPI_EXACT_INPUTS, &[("list", &exact.join(" ; "))]));
    }
    // The checker accepts the rounded-intermediates value: say so only when it is this one.
    let shown = steps.from_shown_figures.as_ref();
    let accepted = shown.is_some() && steps.from_rounded_inputs.as_ref() == shown;
    if let Some(shown) = shown {
        let id = if accepted {
            msg::KPI_SHOWN_FIGURES_ACCEPTED
        } else {
            msg::KPI_SHOWN_FIGURES
        };
        lines.push(messages.render(id, &[("value", shown)]));
    }
    if let (false, Some(v)) = (accepted, &steps.from_rounded_inputs) {
        lines.push(messages.render(msg::KPI_ROUNDED_INPUTS, &[("value", v)]));
    }
    lines
}

/// One line of hint 2: a figure of the subject and where it is printed.
fn where_line(messages: &Prompts, case: &Case, value: usize) -> String {
    let v = &case.values[value];
    let text = format::with_unit(v.value, v.unit, v.value.normalize().scale());
    let Some(annex) = v.annex else {
        return messages.render(
            msg::HINT_WHERE_CONSTANT,
            &[("label", &v.label), ("value", &text)],
        );
    };
    let shown = v.display();
    let annex_text = if shown != text {
        messages.render(
            msg::HINT_ANNEX_SHOWN,
            &[("annex", &annex.to_string()), ("shown", &shown)],
        )
    } else {
        messages.render(msg::HINT_ANNEX, &[("annex", &annex.to_string())])
    };
    let args = [
        ("label", v.label.as_str()),
        ("value", text.as_str()),
        ("annex", annex_text.as_str()),
    ];
    let Some(place) = case.value_place(value) else {
        return messages.render(msg::HINT_WHERE_LINE_ANNEX, &args);
    };
    let row = match &place.column {
        Some(column) => messages.render(
            msg::HINT_PLACE_ROW_COLUMN,
            &[("row", &place.row), ("column", column)],
        ),
        None => messages.render(msg::HINT_PLACE_ROW, &[("row", &place.row)]),
    };
    let place = match &place.table {
        Some(table) => messages.render(msg::HINT_PLACE_TABLE, &[("table", table), ("place", &row)]),
        None => row,
    };
    messages.render(
        msg::HINT_WHERE_LINE,
        &[
            ("label", &v.label),
            ("value", &text),
            ("annex", &annex_text),
            ("place", &place),
        ],
    )
}

/// Hint `level` (1 to 3) for a KPI: the formula; where the subject prints the figures it is
/// computed from (not the intermediate results: computing them is the exercise); the first
/// step worked out from those figures, or for a one-step calculation the calculation to pose.
pub fn hint(messages: &Prompts, case: &Case, kpi: usize, level: u8) -> Result<String, EvalError> {
    hint_after(messages, case, kpi, level, None)
}

/// Whether a verdict's message already says how the calculation goes (a classic mistake
/// explained with the right formula): then the formula alone would teach nothing new.
pub fn states_the_formula(reason: &Reason) -> bool {
    matches!(
        reason,
        Reason::Mistake(
            Mistake::RatioForPercent
                | Mistake::WrongBase
                | Mistake::Coefficient
                | Mistake::PointsForPercent
                | Mistake::PercentForPoints
                | Mistake::Declared(_)
        )
    )
}

/// Hint `level` after the student's last wrong answer (`last`), so that it never just repeats
/// what that answer's message said: after a message that gave the formula, hint 1 recalls it
/// and adds the subject's figures (in place in the formula, or where they are printed).
pub fn hint_after(
    messages: &Prompts,
    case: &Case,
    kpi: usize,
    level: u8,
    last: Option<&Outcome>,
) -> Result<String, EvalError> {
    let result = case.kpi_result(kpi)?;
    let steps = &result.steps;
    let where_lines = || -> Vec<String> {
        case.raw_values(kpi)
            .into_iter()
            .map(|v| where_line(messages, case, v))
            .collect()
    };
    let formula_args = [
        ("label", result.label.as_str()),
        ("formula", steps.formula.as_str()),
    ];
    Ok(match level {
        0 | 1 if last.is_some_and(|o| states_the_formula(&o.reason)) => {
            let mut lines = vec![messages.render(msg::HINT_FORMULA_TOLD, &formula_args)];
            // A calculation of several steps over the subject's figures: the formula with
            // them in place (hint 2 then says where they are, hint 3 works the first step).
            // Otherwise where the figures are (the formula with figures would be hint 3).
            let from_subject = steps.inputs.iter().all(|i| !i.computed);
            if from_subject && steps.first_step.is_some() {
                lines.push(messages.render(
                    msg::HINT_FORMULA_APPLIED,
                    &[("calculation", &steps.calculation)],
                ));
            } else {
                lines.push(messages.render(msg::HINT_WHERE_TOO, &[]));
                lines.extend(where_lines());
            }
            lines.join("\n")
        }
        0 | 1 => messages.render(msg::HINT_FORMULA, &formula_args),
        2 => {
            let mut lines = vec![messages.render(msg::HINT_WHERE, &[])];
            lines.extend(where_lines());
            lines.join("\n")
        }
        _ => match (&steps.first_step, &steps.first_step_computes) {
            (Some(step), Some(label)) => messages.render(
                msg::HINT_FIRST_STEP_COMPUTES,
                &[("label", label), ("step", step)],
            ),
            (Some(step), None) => messages.render(msg::HINT_FIRST_STEP, &[("step", step)]),
            (None, _) => messages.render(
                msg::HINT_FIRST_STEP_NONE,
                &[("calculation", &steps.calculation)],
            ),
        },
    })
}

/// The French sentence for a verdict.
pub fn verdict(messages: &Prompts, case: &Case, kpi: usize, outcome: &Outcome) -> String {
    let Some(k) = case.kpis.get(kpi) else {
        return String::new();
    };
    let expected = case.evaluate(kpi).map(|v| k.display(v)).unwrap_or_default();
    let given = outcome
        .given
        .map(|g| given_text(k, g, outcome.given_decimals, outcome.given_unit))
        .unwrap_or_default();
    let args_given = [("given", given.as_str())];
    let needed_text = |needed: i64| match needed {
        i64::MIN..=0 => messages.render(msg::DECIMALS_NONE, &[]),
        n => messages.render(msg::DECIMALS, &[("n", &n.to_string())]),
    };
    let example = answer_example(k);
    let free = |text: String| format!("{text} {}", messages.render(msg::CHECK_FREE, &[]));
    match &outcome.reason {
        Reason::Exact => messages.render(msg::CHECK_CORRECT, &[("expected", &expected)]),
        Reason::FromRoundedInputs => messages.render(
            msg::CHECK_CORRECT_ROUNDED,
            &[("expected", &expected), ("given", &given)],
        ),
        Reason::WithinTolerance => messages.render(
            msg::CHECK_CORRECT_TOLERANCE,
            &[("expected", &expected), ("given", &given)],
        ),
        Reason::TooImprecise { needed } => messages.render(
            msg::CHECK_CLOSE_IMPRECISE,
            &[("given", &given), ("needed", &needed_text(*needed))],
        ),
        Reason::WholeCount { count, whole } => {
            let needed = needed_text(crate::check::asked_decimals(k));
            if *count == kpi {
                messages.render(
                    msg::CHECK_CLOSE_WHOLE,
                    &[("given", &given), ("needed", &needed)],
                )
            } else {
                let c = case.kpis.get(*count);
                let label = c.map(|c| c.label.as_str()).unwrap_or_default();
                let needed = c
                    .map(|c| needed_text(crate::check::asked_decimals(c)))
                    .unwrap_or(needed);
                messages.render(
                    msg::CHECK_CLOSE_WHOLE_FROM,
                    &[
                        ("given", &given),
                        ("count", label),
                        ("whole", &format::number(*whole, 0)),
                        ("needed", &needed),
                    ],
                )
            }
        }
        Reason::Truncated => messages.render(msg::CHECK_CLOSE_TRUNCATED, &args_given),
        Reason::Near => messages.render(msg::CHECK_CLOSE_NEAR, &args_given),
        Reason::WrongUnit => messages.render(
            msg::CHECK_CLOSE_UNIT,
            &[("given", &given), ("unit", &unit_words(messages, k.unit))],
        ),
        Reason::Mistake(m) => {
            let id = match m {
                Mistake::RatioForPercent => msg::CHECK_MISTAKE_RATIO_FOR_PERCENT,
                Mistake::Inverted => msg::CHECK_MISTAKE_INVERTED,
                Mistake::WrongBase => msg::CHECK_MISTAKE_WRONG_BASE,
                Mistake::Coefficient => msg::CHECK_MISTAKE_COEFFICIENT,
                Mistake::SignError => sign_message(k),
                Mistake::PointsForPercent => msg::CHECK_MISTAKE_POINTS_FOR_PERCENT,
                Mistake::PercentForPoints => msg::CHECK_MISTAKE_PERCENT_FOR_POINTS,
                Mistake::ShareGap => msg::CHECK_MISTAKE_SHARE_GAP,
                Mistake::ShareEvolution => msg::CHECK_MISTAKE_SHARE_EVOLUTION,
                Mistake::Declared(i) => {
                    let text_id = k.mistakes.get(*i).map(|d| d.message.as_str()).unwrap_or("");
                    return crate::prompts::render_template(&case.text(text_id), &mut |name| {
                        (name == "given").then(|| given.clone())
                    });
                }
            };
            messages.render(id, &args_given)
        }
        Reason::NotTheValue => messages.render(msg::CHECK_WRONG, &args_given),
        Reason::Unreadable(e) => free(match e {
            ParseError::Empty => {
                messages.render(msg::CHECK_INVALID_EMPTY, &[("example", &example)])
            }
            ParseError::NoNumber => {
                messages.render(msg::CHECK_INVALID_NO_NUMBER, &[("example", &example)])
            }
            ParseError::SeveralNumbers => messages.render(msg::CHECK_INVALID_SEVERAL, &[]),
            ParseError::BadGrouping(t) => match crate::check::parse::dot_readings(t) {
                Some((thousands, decimal)) => messages.render(
                    msg::CHECK_INVALID_AMBIGUOUS_DOT,
                    &[
                        ("text", &echo(t)),
                        ("thousands", &thousands),
                        ("decimal", &decimal),
                    ],
                ),
                None => messages.render(msg::CHECK_INVALID_GROUPING, &[("text", &echo(t))]),
            },
            ParseError::Leftover(t) => messages.render(
                msg::CHECK_INVALID_LEFTOVER,
                &[("text", &echo(t)), ("example", &example)],
            ),
            ParseError::TooManyDigits => messages.render(msg::CHECK_INVALID_DIGITS, &[]),
            ParseError::OutOfRange => messages.render(msg::CHECK_INVALID_RANGE, &[]),
            ParseError::ContradictorySign => messages.render(msg::CHECK_INVALID_SIGN, &[]),
        }),
        Reason::UnitMismatch(_) => free(messages.render(
            msg::CHECK_INVALID_UNIT,
            &[("expected_unit", &unit_words(messages, k.unit))],
        )),
        Reason::PercentOnRatio { written, decimals } => {
            let d = (*decimals).clamp(0, 12) as u32;
            let as_percent = format::with_unit(*written, Unit::Percent, d);
            let bare = format::number(*written, d);
            let times_hundred = format::with_unit(
                *written * Decimal::ONE_HUNDRED,
                Unit::Percent,
                d.saturating_sub(2),
            );
            free(messages.render(
                msg::CHECK_INVALID_PERCENT_ON_RATIO,
                &[
                    ("given", &as_percent),
                    ("bare", &bare),
                    ("percent", &times_hundred),
                ],
            ))
        }
        Reason::UnexpectedWords(t) => free(messages.render(
            msg::CHECK_INVALID_WORDS,
            &[("text", &echo(t)), ("example", &example)],
        )),
    }
}

/// The student's answer as read, written back in the form they used: a bare 0,1776 stays bare,
/// « 302 % » on a ratio stays « 302 % », « x3,02 » stays « ×3,02 ».
fn given_text(k: &crate::kpi::Kpi, g: Decimal, decimals: i64, unit: Option<GivenUnit>) -> String {
    let decimals = decimals.clamp(0, 12) as u32;
    let (g, unit, decimals) = match (unit, k.unit) {
        (Some(GivenUnit::Times), _) => return format!("×{}", format::number(g, decimals)),
        // A duration is written with its words (« −6 s »), which the outcome does not keep.
        (Some(GivenUnit::Bare), Unit::Seconds) => (g, Unit::Seconds, decimals),
        (Some(GivenUnit::Bare), _) => (g, Unit::Ratio, decimals),
        // Read as the ratio (÷ 100): shown again as the percentage written.
        (Some(GivenUnit::Percent), Unit::Ratio) => (
            g * Decimal::ONE_HUNDRED,
            Unit::Percent,
            decimals.saturating_sub(2),
        ),
        (Some(GivenUnit::Percent), _) => (g, Unit::Percent, decimals),
        (Some(GivenUnit::Points), _) => (g, Unit::Points, decimals),
        (Some(GivenUnit::Euro), _) => (g, Unit::Eur, decimals),
        (None, unit) => (g, unit, decimals),
    };
    if k.is_change() {
        format::signed_with_unit(g, unit, decimals)
    } else {
        format::with_unit(g, unit, decimals)
    }
}

/// The sign message that fits the figure: a rise or a fall for a change, a gain or a loss for
/// a result computed by a subtraction (ROI, margin minus spend), and for a plain ratio of
/// positive figures, that it cannot be negative.
fn sign_message(k: &crate::kpi::Kpi) -> &'static str {
    fn subtracts(e: &crate::formula::Expr<crate::kpi::RefId>) -> bool {
        use crate::formula::{Expr, Op};
        match e {
            Expr::Num(_) | Expr::Ref(_) => false,
            Expr::Neg(_) | Expr::Bin(Op::Sub, _, _) => true,
            Expr::Bin(_, a, b) => subtracts(a) || subtracts(b),
        }
    }
    if k.is_change() {
        msg::CHECK_MISTAKE_SIGN
    } else if subtracts(&k.expr) {
        msg::CHECK_MISTAKE_SIGN_RESULT
    } else {
        msg::CHECK_MISTAKE_SIGN_POSITIVE
    }
}

/// An example answer in the form the part expects (its unit, the decimals asked, a sign for a
/// change), with a figure that is not the answer: 12,35 %, +12,35 %, 123,46 €, 12 s.
pub fn answer_example(k: &crate::kpi::Kpi) -> String {
    let decimals = crate::check::asked_decimals(k).clamp(0, 10) as u32;
    let value = match k.unit {
        Unit::Eur => Decimal::new(123_456_789, 6),
        _ => Decimal::new(12_345_678, 6),
    };
    if k.is_change() {
        format::signed_with_unit(value, k.unit, decimals)
    } else if let (Unit::Count, Some(word)) = (k.unit, k.words.first()) {
        format!("{} {word}", format::number(value, decimals))
    } else {
        format::with_unit(value, k.unit, decimals)
    }
}

/// The French reply to a KPI name that fits several: written here, over the case model's
/// lookup ([`Case::find_kpis`]).
impl Case {
    /// The reply to a name that fits several KPIs: at most [`KpiMatch::SHOWN`] of them, best
    /// first, then how to ask for one (`example`: "/kpi a3_cpc"). `ids` is for the command line
    /// of the bot's operator; students and teachers in class read labels and question numbers,
    /// never internal ids.
    pub fn kpi_choices(
        &self,
        messages: &Prompts,
        query: &str,
        found: &[usize],
        example: &str,
        ids: bool,
    ) -> String {
        let mut lines = vec![messages.render(
            msg::KPI_SEVERAL,
            &[
                ("query", &format::echo(query)),
                ("count", &found.len().to_string()),
            ],
        )];
        for &i in found.iter().take(KpiMatch::SHOWN) {
            let k = &self.kpis[i];
            let line = match (ids, self.part_of_kpi(i)) {
                (true, _) => {
                    messages.render(msg::KPI_SEVERAL_LINE, &[("label", &k.label), ("id", &k.id)])
                }
                (false, Some(part)) => messages.render(
                    msg::KPI_SEVERAL_LINE_PART,
                    &[("label", &k.label), ("part", &part.id)],
                ),
                (false, None) => {
                    messages.render(msg::KPI_SEVERAL_LINE_LABEL, &[("label", &k.label)])
                }
            };
            lines.push(line);
        }
        if found.len() > KpiMatch::SHOWN {
            let more = (found.len() - KpiMatch::SHOWN).to_string();
            lines.push(messages.render(msg::KPI_SEVERAL_MORE, &[("count", &more)]));
        }
        let hint = if ids {
            msg::KPI_SEVERAL_HINT
        } else {
            msg::KPI_SEVERAL_HINT_CLASS
        };
        lines.push(messages.render(hint, &[("example", example)]));
        lines.join("\n")
    }
}

/// A student's answer quoted back to them: « 17,76 % », escaped and cut to a sane length.
pub fn quote(text: &str) -> String {
    format!("« {} »", echo_cut(text, 100))
}

/// The label of a mistake id, for class statistics.
pub fn mistake_label(messages: &Prompts, id: &str) -> String {
    let key = match id {
        "ratio_for_percent" => msg::MISTAKE_RATIO_FOR_PERCENT,
        "inverted" => msg::MISTAKE_INVERTED,
        "wrong_base" => msg::MISTAKE_WRONG_BASE,
        "coefficient" => msg::MISTAKE_COEFFICIENT,
        "sign_error" => msg::MISTAKE_SIGN_ERROR,
        "points_for_percent" => msg::MISTAKE_POINTS_FOR_PERCENT,
        "percent_for_points" => msg::MISTAKE_PERCENT_FOR_POINTS,
        "share_gap" => msg::MISTAKE_SHARE_GAP,
        "share_evolution" => msg::MISTAKE_SHARE_EVOLUTION,
        "declared" => msg::MISTAKE_DECLARED,
        _ => msg::MISTAKE_OTHER,
    };
    messages.render(key, &[])
}

/// "1 calcul", "36 calculs": `id` is a text that agrees with its count `n` by a plural piece
/// (`{n} {n:calcul|calculs}`; French uses the singular for 0 and 1).
pub fn count(messages: &Prompts, n: usize, id: &str) -> String {
    messages.render(id, &[("n", &n.to_string())])
}
