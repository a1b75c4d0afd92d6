//! Platform-neutral French text for what the core computes: annexes, questions, worked KPIs,
//! hints and verdicts. Light Markdown (`**bold**`, "- " lists) that Discord shows and a
//! terminal reads as is. Every sentence comes from `prompts/`; every figure from the engine.

use crate::case::{Case, Cell, KpiMatch, Part, PointsSource, Question};
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
    messages.text(&msg::Points { n: &text })
}

/// Where a subject's points come from: « Barème : proposition de corrigé », « Barème de
/// l’enseignant », or the pack's own sentence.
pub fn points_source(messages: &Prompts, source: &PointsSource) -> String {
    match source {
        PointsSource::AnswerKey => messages.text(&msg::PointsSourceAnswerKey),
        PointsSource::Teacher => messages.text(&msg::PointsSourceTeacher),
        PointsSource::Text(text) => text.clone(),
    }
}

/// "annexe 2", "annexes 3 et 4".
pub fn annex_list(messages: &Prompts, annexes: &[u8]) -> String {
    let numbers: Vec<String> = annexes.iter().map(u8::to_string).collect();
    let list = match numbers.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} et {last}", init.join(", ")),
    };
    messages.text(&msg::AnnexWord {
        n: &annexes.len().to_string(),
        list: &list,
    })
}

/// What a unit is, in words: "un pourcentage (%)".
pub fn unit_words(messages: &Prompts, unit: Unit) -> String {
    let id: &dyn msg::Text = match unit {
        Unit::Count => &msg::UnitCount,
        Unit::Eur => &msg::UnitEur,
        Unit::Percent => &msg::UnitPercent,
        Unit::Points => &msg::UnitPoints,
        Unit::Ratio => &msg::UnitRatio,
        Unit::Seconds => &msg::UnitSeconds,
    };
    messages.text(id)
}

/// An annex: title, text, tables (one line per row, readable on a phone) and source.
pub fn annex(messages: &Prompts, case: &Case, number: u8) -> Option<String> {
    let annex = case.annex(number)?;
    let mut out = messages.text(&msg::AnnexHeader {
        number: &number.to_string(),
        title: &annex.title,
    });
    out.push_str("\n\n");
    out.push_str(&case.text(&format!("annex.{number}.body")));
    for table in &annex.tables {
        while out.ends_with('\n') {
            out.pop();
        }
        out.push_str("\n\n**");
        out.push_str(&table.title);
        out.push_str("**\n");
        let cell_text = |c: &Cell| c.text(&case.values);
        if table.columns.len() > 2 {
            let columns: Vec<String> = table.columns[1..]
                .iter()
                .enumerate()
                .map(|(i, c)| format!("({}) {c}", i + 1))
                .collect();
            out.push_str(&messages.text(&msg::AnnexColumns {
                columns: &columns.join(" · "),
            }));
            out.push('\n');
        }
        for (r, row) in table.rows.iter().enumerate() {
            let group = table.group_of(r);
            if let Some(g) = group.filter(|g| g.first == r) {
                out.push_str(&messages.text(&msg::AnnexGroup { label: &g.label }));
                out.push('\n');
            }
            if group.is_some() {
                // A row of a group is an item of the group's own list.
                out.push_str("  ");
            }
            let texts: Vec<String> = row.iter().map(cell_text).collect();
            out.push_str(&row_line(&texts));
            out.push('\n');
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

/// One row of a table as a list item: its first cell as the label, the others in bold,
/// separated by « | » (`- Sessions : **47 256** | **61 766**`). An empty cell stays empty
/// (`**` around nothing would show as `****`), and empty cells at the end are left out; a row
/// whose other cells are all empty is its label alone.
fn row_line(cells: &[String]) -> String {
    let (label, rest) = match cells.split_first() {
        Some((label, rest)) => (label.as_str(), rest),
        None => ("", &[][..]),
    };
    let mut shown: Vec<String> = rest
        .iter()
        .map(|c| match c.trim() {
            "" => String::new(),
            _ => format!("**{c}**"),
        })
        .collect();
    // Empty cells at the end need no « | » to keep the others in their columns.
    while shown.last().is_some_and(String::is_empty) {
        shown.pop();
    }
    let mut line = String::from("-");
    let label = if label.trim().is_empty() { "" } else { label };
    if !label.is_empty() {
        line.push(' ');
        line.push_str(label);
    }
    if shown.iter().all(String::is_empty) {
        return line;
    }
    if !label.is_empty() {
        line.push_str(" :");
    }
    for (k, cell) in shown.iter().enumerate() {
        if k > 0 {
            line.push_str(" |");
        }
        if !cell.is_empty() {
            line.push(' ');
            line.push_str(cell);
        }
    }
    line
}

/// A question: header, statement and its numeric parts.
pub fn question(messages: &Prompts, case: &Case, q: &Question) -> String {
    question_with(messages, case, q, true)
}

/// A question as a mock exam shows it: the subject's words and the calculations asked, without
/// the bot's help (« Pour t’aider »).
pub fn question_exam(messages: &Prompts, case: &Case, q: &Question) -> String {
    question_with(messages, case, q, false)
}

fn question_with(messages: &Prompts, case: &Case, q: &Question, help: bool) -> String {
    let pts = points(messages, q.points);
    let mut out = if q.annexes.is_empty() {
        messages.text(&msg::QuestionHeaderNoAnnex {
            id: &q.id,
            points: &pts,
        })
    } else {
        messages.text(&msg::QuestionHeader {
            id: &q.id,
            points: &pts,
            annexes: &annex_list(messages, &q.annexes),
        })
    };
    out.push('\n');
    if help {
        out.push_str(&consigne(messages, case, q));
    } else {
        out.push_str(&consigne_quote(messages, case, q));
    }
    out.push_str("\n\n");
    if q.parts.is_empty() {
        out.push_str(&messages.text(&msg::QuestionOpen { id: &q.id }));
    } else {
        let total: Decimal = q.parts.iter().map(|p| p.points).sum();
        out.push_str(&messages.text(&msg::QuestionParts {
            count: &messages.text(&msg::QuestionPartsCount {
                n: &q.parts.len().to_string(),
            }),
            points: &points(messages, total),
        }));
        for p in &q.parts {
            out.push('\n');
            out.push_str(&messages.text(&msg::QuestionPartLine {
                id: &p.id,
                statement: &case.text(&format!("part.{}.statement", p.id)),
            }));
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
            out.push_str(&messages.text(&msg::QuestionHelp { help: help.trim() }));
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
        .map(|line| messages.text(&msg::QuestionConsigneLine { line: line.trim() }))
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
    let mut out = messages.text(&msg::PartHeader {
        id: &p.id,
        points: &points(messages, p.points),
    });
    out.push('\n');
    out.push_str(&part_task(messages, case, p));
    out
}

/// One input line of a worked calculation.
fn input_line(messages: &Prompts, input: &crate::kpi::StepInput) -> String {
    match (input.computed, input.annex) {
        (true, _) => match &input.asked_in {
            Some(part) => messages.text(&msg::KpiInputComputedPart {
                label: &input.label,
                value: &input.value,
                part,
            }),
            None => messages.text(&msg::KpiInputComputed {
                label: &input.label,
                number: &input.number,
                value: &input.value,
                id: &input.id,
            }),
        },
        (false, Some(annex)) => match &input.annex_text {
            Some(shown) => messages.text(&msg::KpiInputAnnexShown {
                label: &input.label,
                value: &input.value,
                annex: &annex.to_string(),
                shown,
            }),
            None => messages.text(&msg::KpiInputAnnex {
                label: &input.label,
                number: &input.number,
                value: &input.value,
                annex: &annex.to_string(),
            }),
        },
        (false, None) => messages.text(&msg::KpiInputConstant {
            label: &input.label,
            number: &input.number,
        }),
    }
}

/// The worked answer of a KPI: value, formula, figures with their annex, calculation.
pub fn kpi(messages: &Prompts, result: &KpiResult) -> String {
    let steps = &result.steps;
    let mut lines = vec![
        messages.text(&msg::KpiHeader {
            label: &result.label,
            value: &result.text,
        }),
        messages.text(&msg::KpiFormula {
            formula: &steps.formula,
        }),
        messages.text(&msg::KpiInputs),
    ];
    lines.extend(steps.inputs.iter().map(|i| input_line(messages, i)));
    lines.extend(calculation_lines(messages, steps));
    lines.join("\n")
}

/// « Calcul : … = … » when the figures written give the result at the precision shown; else
/// « ≈ », the unrounded figures the result comes from and what the rounded ones give.
fn calculation_lines(messages: &Prompts, steps: &crate::kpi::Steps) -> Vec<String> {
    let (calculation, result) = (steps.calculation.as_str(), steps.result.as_str());
    if !steps.approximate {
        let mut lines = vec![messages.text(&msg::KpiCalculation {
            calculation,
            result,
        })];
        if let Some(v) = &steps.from_rounded_inputs {
            lines.push(messages.text(&msg::KpiRoundedInputs { value: v }));
        }
        return lines;
    }
    let mut lines = vec![messages.text(&msg::KpiCalculationApprox {
        calculation,
        result,
    })];
    let exact: Vec<String> = steps
        .inputs
        .iter()
        .filter_map(|i| {
            i.exact.as_ref().map(|e| {
                messages.text(&msg::KpiExactInput {
                    label: &i.label,
                    exact: e,
                })
            })
        })
        .collect();
    if !exact.is_empty() {
        lines.push(messages.text(&msg::KpiExactInputs {
            list: &exact.join(" ; "),
        }));
    }
    // The checker accepts the rounded-intermediates value: say so only when it is this one.
    let shown = steps.from_shown_figures.as_ref();
    let accepted = shown.is_some() && steps.from_rounded_inputs.as_ref() == shown;
    if let Some(shown) = shown {
        lines.push(if accepted {
            messages.text(&msg::KpiShownFiguresAccepted { value: shown })
        } else {
            messages.text(&msg::KpiShownFigures { value: shown })
        });
    }
    if let (false, Some(v)) = (accepted, &steps.from_rounded_inputs) {
        lines.push(messages.text(&msg::KpiRoundedInputs { value: v }));
    }
    lines
}

/// One line of hint 2: a figure of the subject and where it is printed.
fn where_line(messages: &Prompts, case: &Case, value: usize) -> String {
    let v = &case.values[value];
    let text = format::with_unit(v.value, v.unit, v.value.normalize().scale());
    let Some(annex) = v.annex else {
        return messages.text(&msg::HintWhereConstant {
            label: &v.label,
            value: &text,
        });
    };
    let shown = v.display();
    let annex_text = if shown != text {
        messages.text(&msg::HintAnnexShown {
            annex: &annex.to_string(),
            shown: &shown,
        })
    } else {
        messages.text(&msg::HintAnnex {
            annex: &annex.to_string(),
        })
    };
    let (label, value_text, annex) = (v.label.as_str(), text.as_str(), annex_text.as_str());
    let Some(place) = case.value_place(value) else {
        return messages.text(&msg::HintWhereLineAnnex {
            label,
            value: value_text,
            annex,
        });
    };
    let row = match &place.column {
        Some(column) => messages.text(&msg::HintPlaceRowColumn {
            row: &place.row,
            column,
        }),
        None => messages.text(&msg::HintPlaceRow { row: &place.row }),
    };
    let row = match &place.group {
        Some(group) => messages.text(&msg::HintPlaceGroup { group, place: &row }),
        None => row,
    };
    let place = match &place.table {
        Some(table) => messages.text(&msg::HintPlaceTable { table, place: &row }),
        None => row,
    };
    messages.text(&msg::HintWhereLine {
        label: &v.label,
        value: &text,
        annex: &annex_text,
        place: &place,
    })
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
    let (label, formula) = (result.label.as_str(), steps.formula.as_str());
    Ok(match level {
        0 | 1 if last.is_some_and(|o| states_the_formula(&o.reason)) => {
            let mut lines = vec![messages.text(&msg::HintFormulaTold { label, formula })];
            // A calculation of several steps over the subject's figures: the formula with
            // them in place (hint 2 then says where they are, hint 3 works the first step).
            // Otherwise where the figures are (the formula with figures would be hint 3).
            let from_subject = steps.inputs.iter().all(|i| !i.computed);
            if from_subject && steps.first_step.is_some() {
                lines.push(messages.text(&msg::HintFormulaApplied {
                    calculation: &steps.calculation,
                }));
            } else {
                lines.push(messages.text(&msg::HintWhereToo));
                lines.extend(where_lines());
            }
            lines.join("\n")
        }
        0 | 1 => messages.text(&msg::HintFormula { label, formula }),
        2 => {
            let mut lines = vec![messages.text(&msg::HintWhere)];
            lines.extend(where_lines());
            lines.join("\n")
        }
        _ => match (&steps.first_step, &steps.first_step_computes) {
            (Some(step), Some(label)) => messages.text(&msg::HintFirstStepComputes { label, step }),
            (Some(step), None) => messages.text(&msg::HintFirstStep { step }),
            (None, _) => messages.text(&msg::HintFirstStepNone {
                calculation: &steps.calculation,
            }),
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
    let needed_text = |needed: i64| match needed {
        i64::MIN..=0 => messages.text(&msg::DecimalsNone),
        n => messages.text(&msg::Decimals { n: &n.to_string() }),
    };
    let example = answer_example(k);
    let free = |text: String| format!("{text} {}", messages.text(&msg::CheckFree));
    match &outcome.reason {
        Reason::Exact => messages.text(&msg::CheckCorrect {
            expected: &expected,
        }),
        Reason::FromRoundedInputs => messages.text(&msg::CheckCorrectRounded {
            expected: &expected,
            given: &given,
        }),
        Reason::WithinTolerance => messages.text(&msg::CheckCorrectTolerance {
            expected: &expected,
            given: &given,
        }),
        Reason::TooImprecise { needed } => messages.text(&msg::CheckCloseImprecise {
            given: &given,
            needed: &needed_text(*needed),
        }),
        Reason::WholeCount { count, whole } => {
            let needed = needed_text(crate::check::asked_decimals(k));
            if *count == kpi {
                messages.text(&msg::CheckCloseWhole {
                    given: &given,
                    needed: &needed,
                })
            } else {
                let c = case.kpis.get(*count);
                let label = c.map(|c| c.label.as_str()).unwrap_or_default();
                let needed = c
                    .map(|c| needed_text(crate::check::asked_decimals(c)))
                    .unwrap_or(needed);
                messages.text(&msg::CheckCloseWholeFrom {
                    given: &given,
                    count: label,
                    whole: &format::number(*whole, 0),
                    needed: &needed,
                })
            }
        }
        Reason::Truncated => messages.text(&msg::CheckCloseTruncated { given: &given }),
        Reason::Near => messages.text(&msg::CheckCloseNear { given: &given }),
        Reason::WrongUnit => messages.text(&msg::CheckCloseUnit {
            given: &given,
            unit: &unit_words(messages, k.unit),
        }),
        Reason::Mistake(m) => {
            let given = given.as_str();
            let text: &dyn msg::Text = match m {
                Mistake::RatioForPercent => &msg::CheckMistakeRatioForPercent { given },
                Mistake::Inverted => &msg::CheckMistakeInverted { given },
                Mistake::WrongBase => &msg::CheckMistakeWrongBase { given },
                Mistake::Coefficient => &msg::CheckMistakeCoefficient { given },
                Mistake::SignError => return sign_message(messages, k, given),
                Mistake::PointsForPercent => &msg::CheckMistakePointsForPercent { given },
                Mistake::PercentForPoints => &msg::CheckMistakePercentForPoints { given },
                Mistake::ShareGap => &msg::CheckMistakeShareGap { given },
                Mistake::ShareEvolution => &msg::CheckMistakeShareEvolution { given },
                Mistake::Declared(i) => {
                    let text_id = k.mistakes.get(*i).map(|d| d.message.as_str()).unwrap_or("");
                    return crate::prompts::render_template(&case.text(text_id), &mut |name| {
                        (name == "given").then(|| given.to_string())
                    });
                }
            };
            messages.text(text)
        }
        Reason::NotTheValue => messages.text(&msg::CheckWrong { given: &given }),
        Reason::Unreadable(e) => free(match e {
            ParseError::Empty => messages.text(&msg::CheckInvalidEmpty { example: &example }),
            ParseError::NoNumber => messages.text(&msg::CheckInvalidNoNumber { example: &example }),
            ParseError::SeveralNumbers => messages.text(&msg::CheckInvalidSeveral),
            ParseError::BadGrouping(t) => match crate::check::parse::dot_readings(t) {
                Some((thousands, decimal)) => messages.text(&msg::CheckInvalidAmbiguousDot {
                    text: &echo(t),
                    thousands: &thousands,
                    decimal: &decimal,
                }),
                None => messages.text(&msg::CheckInvalidGrouping { text: &echo(t) }),
            },
            ParseError::Leftover(t) => messages.text(&msg::CheckInvalidLeftover {
                text: &echo(t),
                example: &example,
            }),
            ParseError::TooManyDigits => messages.text(&msg::CheckInvalidDigits),
            ParseError::OutOfRange => messages.text(&msg::CheckInvalidRange),
            ParseError::ContradictorySign => messages.text(&msg::CheckInvalidSign),
        }),
        Reason::UnitMismatch(_) => free(messages.text(&msg::CheckInvalidUnit {
            expected_unit: &unit_words(messages, k.unit),
        })),
        Reason::PercentOnRatio { written, decimals } => {
            let d = (*decimals).clamp(0, 12) as u32;
            let as_percent = format::with_unit(*written, Unit::Percent, d);
            let bare = format::number(*written, d);
            let times_hundred = format::with_unit(
                *written * Decimal::ONE_HUNDRED,
                Unit::Percent,
                d.saturating_sub(2),
            );
            free(messages.text(&msg::CheckInvalidPercentOnRatio {
                given: &as_percent,
                bare: &bare,
                percent: &times_hundred,
            }))
        }
        Reason::UnexpectedWords(t) => free(messages.text(&msg::CheckInvalidWords {
            text: &echo(t),
            example: &example,
        })),
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
fn sign_message(messages: &Prompts, k: &crate::kpi::Kpi, given: &str) -> String {
    fn subtracts(e: &crate::formula::Expr<crate::kpi::RefId>) -> bool {
        use crate::formula::{Expr, Op};
        match e {
            Expr::Num(_) | Expr::Ref(_) => false,
            Expr::Neg(_) | Expr::Bin(Op::Sub, _, _) => true,
            Expr::Bin(_, a, b) => subtracts(a) || subtracts(b),
        }
    }
    if k.is_change() {
        messages.text(&msg::CheckMistakeSign { given })
    } else if subtracts(&k.expr) {
        messages.text(&msg::CheckMistakeSignResult { given })
    } else {
        messages.text(&msg::CheckMistakeSignPositive { given })
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
        let mut lines = vec![messages.text(&msg::KpiSeveral {
            query: &format::echo(query),
            count: &found.len().to_string(),
        })];
        for &i in found.iter().take(KpiMatch::SHOWN) {
            let k = &self.kpis[i];
            let line = match (ids, self.part_of_kpi(i)) {
                (true, _) => messages.text(&msg::KpiSeveralLine {
                    label: &k.label,
                    id: &k.id,
                }),
                (false, Some(part)) => messages.text(&msg::KpiSeveralLinePart {
                    label: &k.label,
                    part: &part.id,
                }),
                (false, None) => messages.text(&msg::KpiSeveralLineLabel { label: &k.label }),
            };
            lines.push(line);
        }
        if found.len() > KpiMatch::SHOWN {
            let more = (found.len() - KpiMatch::SHOWN).to_string();
            lines.push(messages.text(&msg::KpiSeveralMore { count: &more }));
        }
        lines.push(if ids {
            messages.text(&msg::KpiSeveralHint { example })
        } else {
            messages.text(&msg::KpiSeveralHintClass { example })
        });
        lines.join("\n")
    }
}

/// A student's answer quoted back to them: « 17,76 % », escaped and cut to a sane length.
pub fn quote(text: &str) -> String {
    format!("« {} »", echo_cut(text, 100))
}

/// The label of a mistake id, for class statistics.
pub fn mistake_label(messages: &Prompts, id: &str) -> String {
    let key: &dyn msg::Text = match id {
        "ratio_for_percent" => &msg::MistakeRatioForPercent,
        "inverted" => &msg::MistakeInverted,
        "wrong_base" => &msg::MistakeWrongBase,
        "coefficient" => &msg::MistakeCoefficient,
        "sign_error" => &msg::MistakeSignError,
        "points_for_percent" => &msg::MistakePointsForPercent,
        "percent_for_points" => &msg::MistakePercentForPoints,
        "share_gap" => &msg::MistakeShareGap,
        "share_evolution" => &msg::MistakeShareEvolution,
        "declared" => &msg::MistakeDeclared,
        _ => &msg::MistakeOther,
    };
    messages.text(key)
}

/// « « taux de clic », « CPM » ou « panier moyen » »: the case's `/kpi` examples in a sentence.
pub fn kpi_examples(case: &Case) -> String {
    let quoted: Vec<String> = case
        .kpi_examples()
        .into_iter()
        .map(|l| format!("« {l} »"))
        .collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} ou {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// What `/annexe N` says when the case has no annex N: its range, or its only annex.
pub fn annex_unknown(m: &Prompts, case: &Case, number: u8) -> String {
    let numbers: Vec<u8> = case.annexes.iter().map(|a| a.number).collect();
    match (numbers.iter().min(), numbers.iter().max()) {
        (Some(lo), Some(hi)) if lo < hi => m.text(&msg::AnnexUnknown {
            number: &number.to_string(),
            first: &lo.to_string(),
            max: &hi.to_string(),
        }),
        (Some(only), _) => m.text(&msg::AnnexUnknownOnly {
            number: &number.to_string(),
            only: &only.to_string(),
        }),
        _ => m.text(&msg::AnnexUnknownNone {
            number: &number.to_string(),
        }),
    }
}

/// What a scope that names nothing of the case says: the case's own dossiers, and a question
/// and part of it, as examples.
pub fn unknown_scope(m: &Prompts, case: &Case, id: &str) -> String {
    // The dossiers with calculations to practise or ask.
    let dossiers: Vec<&str> = case
        .dossiers
        .iter()
        .filter(|d| {
            case.questions
                .iter()
                .any(|q| q.dossier == d.id && !q.parts.is_empty())
        })
        .map(|d| d.id.as_str())
        .collect();
    let dossiers = match dossiers.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} ou {last}", rest.join(", ")),
        Some((last, _)) => (*last).to_string(),
        None => String::new(),
    };
    let question = case
        .questions
        .iter()
        .find(|q| !q.parts.is_empty())
        .or(case.questions.first());
    let part = question
        .and_then(|q| q.parts.first())
        .map_or_else(String::new, |p| p.id.clone());
    m.text(&msg::PlayUnknownScope {
        id: &echo(id),
        dossiers: &dossiers,
        question: question.map_or("", |q| q.id.as_str()),
        part: &part,
    })
}

/// The case's annexes as the help names them: « 1 à 9 », or its only one.
pub fn annex_range(m: &Prompts, case: &Case) -> String {
    let numbers: Vec<u8> = case.annexes.iter().map(|a| a.number).collect();
    match (numbers.iter().min(), numbers.iter().max()) {
        (Some(lo), Some(hi)) if lo < hi => m.text(&msg::PlayAnnexRange {
            first: &lo.to_string(),
            last: &hi.to_string(),
        }),
        (Some(only), _) => only.to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::row_line;

    fn line(cells: &[&str]) -> String {
        let cells: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
        row_line(&cells)
    }

    #[test]
    fn a_row_is_its_label_and_its_cells_in_bold() {
        assert_eq!(
            line(&["Sessions", "47 256", "61 766"]),
            "- Sessions : **47 256** | **61 766**"
        );
        assert_eq!(line(&["Clics", "3 695"]), "- Clics : **3 695**");
    }

    #[test]
    fn empty_cells_are_shown_empty_never_as_four_stars() {
        assert_eq!(line(&["Total", "", "500"]), "- Total : | **500**");
        assert_eq!(line(&["Total", "35 660 €", ""]), "- Total : **35 660 €**");
        assert_eq!(line(&["Total", "", "2", "", ""]), "- Total : | **2**");
        assert_eq!(line(&["Total", "1", "", "3"]), "- Total : **1** | | **3**");
        assert_eq!(
            line(&["Huit entreprises clientes", "", " "]),
            "- Huit entreprises clientes"
        );
        assert_eq!(line(&["Une seule colonne"]), "- Une seule colonne");
        assert_eq!(line(&["", "12"]), "- **12**");
        assert_eq!(line(&["", ""]), "-");
        for cells in [&["a", ""][..], &["a", "", ""], &["", "b"], &[]] {
            assert!(!line(cells).contains("****"), "{cells:?}");
        }
    }
}
