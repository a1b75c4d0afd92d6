//! `/interpreter`: what a computed figure means. The student is offered the pack's readings of
//! a part's figure (one right, the others classic misreadings) as buttons A to D, in an order of
//! their own, and gets the explanation of the one they chose; they may also write a
//! one-sentence comment of the figure, judged on explainable criteria
//! ([`crate::interpret::analyse_comment`]). Offered after a part is settled in practice and on a
//! quiz's correction; refused for a figure the class's running quiz still seals, and during a
//! mock exam (`exam::refusal`). Nothing is stored and no point is at stake.

use super::command::{Button, ButtonAction, PartRef, Reply};
use super::{sight, Ctx};
use crate::case::Case;
use crate::format::{block_quote, echo};
use crate::interpret::{
    analyse_comment, example_id, CommentCriterion, CommentReason, Reading, LETTERS,
};
use crate::msg;
use crate::pack::CasePack;
use std::collections::BTreeSet;

/// Longest comment read, in characters: anything longer is refused before it is judged.
pub const MAX_COMMENT_INPUT: usize = 1000;

/// The place of part `id` in the subject (every part of every question, in order), for buttons.
pub(crate) fn part_index(case: &Case, id: &str) -> Option<usize> {
    case.questions
        .iter()
        .flat_map(|q| q.parts.iter())
        .position(|p| p.id == id)
}

/// The part id a [`PartRef`] names in `case`, if any.
fn part_id(case: &Case, part: &PartRef) -> Option<String> {
    match part {
        PartRef::Id(id) => {
            let id = id.trim();
            case.questions
                .iter()
                .flat_map(|q| q.parts.iter())
                .find(|p| p.id.eq_ignore_ascii_case(id))
                .map(|p| p.id.clone())
        }
        PartRef::Index(i) => case
            .questions
            .iter()
            .flat_map(|q| q.parts.iter())
            .nth(*i)
            .map(|p| p.id.clone()),
    }
}

/// The button that asks what a part's figure means, when the pack declares readings for it.
pub(crate) fn ask_button(inner: &super::Inner, case: &CasePack, part: &str) -> Option<Button> {
    case.readings.of(part)?;
    Some(Button {
        label: inner.messages().text(&msg::InterpretAskButton { part }),
        action: ButtonAction::InterpretAsk {
            part: part.to_string(),
            index: part_index(case, part)?,
        },
    })
}

/// The parts with readings, « 1.1.a, 1.1.b, … ».
fn parts_list(case: &CasePack) -> String {
    case.readings
        .parts
        .iter()
        .map(|p| p.part.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The part `part` names, with readings, and not sealed for the asker (by the class's quiz,
/// or by `pending`, what their practice asks); else the refusal, or the list of the parts to
/// interpret when `part` names none (nothing, or a question: « 1.2 »).
async fn resolve(
    cx: &Ctx<'_>,
    part: &PartRef,
    pending: &BTreeSet<usize>,
) -> Result<(String, BTreeSet<usize>), Reply> {
    let Ctx {
        inner, who, case, ..
    } = *cx;
    let m = inner.messages();
    if case.readings.parts.is_empty() {
        return Err(Reply::private(m.text(&msg::InterpretNoneInCase)));
    }
    let Some(id) = part_id(case, part) else {
        return Err(Reply::private(match part {
            PartRef::Index(_) => m.text(&msg::InterpretStale),
            PartRef::Id(typed) => {
                let typed = typed.trim();
                let question = case
                    .questions
                    .iter()
                    .find(|q| q.id.eq_ignore_ascii_case(typed));
                match (typed.is_empty(), question) {
                    (true, _) => list(cx, None),
                    (false, Some(q)) => list(cx, Some(&q.id)),
                    (false, None) => m.text(&msg::InterpretUnknown {
                        part: &echo(typed),
                        parts: &parts_list(case),
                    }),
                }
            }
        }));
    };
    let Some(readings) = case.readings.of(&id) else {
        return Err(Reply::private(m.text(&msg::InterpretNoReadings {
            part: &id,
            parts: &parts_list(case),
        })));
    };
    let sealed = sight::sealed_for(inner, who, case).await;
    // A reading or its explanation that quotes a figure the quiz asks would give it (or its
    // data) away: the whole part waits for the correction, nothing is shown masked.
    let quoted = readings
        .text_ids()
        .iter()
        .flat_map(|t| case.text_kpis(t))
        .any(|k| sight::touches(case, k, &sealed));
    if sight::touches(case, readings.kpi, &sealed) || quoted {
        return Err(Reply::private(m.text(&msg::InterpretLocked)));
    }
    if sight::touches(case, readings.kpi, pending) {
        return Err(Reply::private(m.text(&msg::InterpretInPractice)));
    }
    Ok((id, sealed))
}

/// The parts to interpret with what each computes, of one question or of all.
fn list(cx: &Ctx<'_>, question: Option<&str>) -> String {
    let Ctx { inner, case, .. } = *cx;
    let m = inner.messages();
    let lines: Vec<String> = case
        .questions
        .iter()
        .filter(|q| question.is_none_or(|id| q.id == id))
        .flat_map(|q| q.parts.iter())
        .filter(|p| case.readings.of(&p.id).is_some())
        .map(|p| {
            m.text(&msg::InterpretListLine {
                part: &p.id,
                label: &case.kpis[p.kpi].label,
            })
        })
        .collect();
    if lines.is_empty() {
        return m.text(&msg::InterpretNoReadings {
            part: question.unwrap_or_default(),
            parts: &parts_list(case),
        });
    }
    let first = case
        .readings
        .parts
        .iter()
        .find(|p| question.is_none_or(|q| p.part.starts_with(&format!("{q}."))))
        .map_or("", |p| p.part.as_str());
    m.text(&msg::InterpretList {
        lines: &lines.join("\n"),
        example: first,
    })
}

/// A text of the pack with the figures the running quiz seals hidden.
fn pack_text(cx: &Ctx<'_>, id: &str, sealed: &BTreeSet<usize>) -> String {
    cx.case.text_hiding(
        id,
        &|k| sealed.contains(&k),
        &cx.inner.messages().text(&msg::PlaySealedFigure),
    )
}

/// The seed of a student's order of readings: the same member sees the same order.
fn seed(cx: &Ctx<'_>) -> String {
    format!("{}:{}", cx.who.member_id, cx.case.meta.id)
}

/// `/interpreter partie:…`: the readings to choose from; with `lecture:…` (or a button) the
/// chosen reading explained; with `commentaire:…` the comment judged (both: both replies).
pub async fn interpret(
    cx: &Ctx<'_>,
    part: &PartRef,
    choice: Option<u8>,
    comment: Option<&str>,
) -> anyhow::Result<Vec<Reply>> {
    let pending = sight::pending_in_practice(cx.inner, cx.who, cx.case).await?;
    let (id, sealed) = match resolve(cx, part, &pending).await {
        Ok(found) => found,
        Err(refused) => return Ok(vec![refused]),
    };
    let comment = comment.map(str::trim).filter(|c| !c.is_empty());
    let mut replies = Vec::new();
    if let Some(choice) = choice {
        replies.push(choose(cx, &id, choice, &sealed));
    }
    if let Some(text) = comment {
        replies.push(judge_comment(cx, &id, text, &sealed));
    }
    if replies.is_empty() {
        replies.push(ask(cx, &id, &sealed)?);
    }
    Ok(replies)
}

fn ask(cx: &Ctx<'_>, id: &str, sealed: &BTreeSet<usize>) -> anyhow::Result<Reply> {
    let Ctx { inner, case, .. } = *cx;
    let m = inner.messages();
    let Some(readings) = case.readings.of(id) else {
        return Ok(Reply::private(m.text(&msg::InterpretStale)));
    };
    let result = case.kpi_result(readings.kpi)?;
    let shown = readings.shown_to(&seed(cx));
    let lines: Vec<String> = shown
        .iter()
        .zip(LETTERS)
        .map(|(r, letter)| {
            m.text(&msg::InterpretReadingLine {
                letter,
                text: &pack_text(cx, &r.text_id(id), sealed),
            })
        })
        .collect();
    let text = m.text(&msg::InterpretAsk {
        part: id,
        label: &case.kpis[readings.kpi].label,
        figure: &result.text,
        readings: &lines.join("\n"),
    });
    let index = part_index(case, id).unwrap_or_default();
    let mut buttons: Vec<Button> = (0..shown.len())
        .zip(LETTERS)
        .map(|(k, letter)| Button {
            label: letter.to_string(),
            action: ButtonAction::InterpretChoose {
                part: index,
                choice: k as u8,
            },
        })
        .collect();
    buttons.push(comment_button(cx, index));
    Ok(Reply::private(text).with_buttons(buttons))
}

fn comment_button(cx: &Ctx<'_>, index: usize) -> Button {
    Button {
        label: cx.inner.messages().text(&msg::InterpretCommentButton),
        action: ButtonAction::InterpretComment(index),
    }
}

/// A reading chosen (its button, or `lecture:B`), explained.
fn choose(cx: &Ctx<'_>, id: &str, choice: u8, sealed: &BTreeSet<usize>) -> Reply {
    let Ctx { inner, case, .. } = *cx;
    let m = inner.messages();
    let Some(readings) = case.readings.of(id) else {
        return Reply::private(m.text(&msg::InterpretStale));
    };
    let shown = readings.shown_to(&seed(cx));
    let Some((&chosen, letter)) = shown.iter().zip(LETTERS).nth(usize::from(choice)) else {
        return Reply::private(m.text(&msg::InterpretNoSuchReading {
            letters: &LETTERS[..shown.len()].join(", "),
        }));
    };
    let text_of = |r: Reading| pack_text(cx, &r.text_id(id), sealed);
    let why_of = |r: Reading| pack_text(cx, &r.why_id(id), sealed);
    let mut text = match chosen {
        Reading::Right => m.text(&msg::InterpretRight {
            letter,
            text: &text_of(chosen),
            why: &why_of(chosen),
        }),
        Reading::Wrong(_) => m.text(&msg::InterpretWrong {
            letter,
            text: &text_of(chosen),
            why: &why_of(chosen),
            right: &text_of(Reading::Right),
            right_why: &why_of(Reading::Right),
        }),
    };
    text.push_str("\n\n");
    let change = matches!(
        case.kpis[readings.kpi].kind,
        crate::case::KpiKind::Evolution { .. } | crate::case::KpiKind::Difference { .. }
    );
    text.push_str(&if change {
        m.text(&msg::InterpretThenComment { part: id })
    } else {
        m.text(&msg::InterpretThenCommentLevel { part: id })
    });
    let index = part_index(case, id).unwrap_or_default();
    Reply::private(text).with_buttons(vec![comment_button(cx, index)])
}

/// The feedback on a comment: each criterion met or not, with what was found, then a model.
fn judge_comment(cx: &Ctx<'_>, id: &str, text: &str, sealed: &BTreeSet<usize>) -> Reply {
    let Ctx { inner, case, .. } = *cx;
    let m = inner.messages();
    let chars = text.chars().count();
    if chars > MAX_COMMENT_INPUT {
        return Reply::private(m.text(&msg::InterpretCommentTooLong {
            chars: &chars.to_string(),
            max: &MAX_COMMENT_INPUT.to_string(),
        }));
    }
    let Some(readings) = case.readings.of(id) else {
        return Reply::private(m.text(&msg::InterpretStale));
    };
    let analysis = analyse_comment(
        text,
        readings,
        case,
        &case.plans,
        case.readings.sentence_max,
    );
    let kpi = &case.kpis[readings.kpi];
    let figure = case
        .kpi_result(readings.kpi)
        .map(|r| r.text)
        .unwrap_or_default();
    let rising = !case
        .evaluate(readings.kpi)
        .unwrap_or_default()
        .is_sign_negative();
    let way = if rising {
        m.text(&msg::InterpretWayRise)
    } else {
        m.text(&msg::InterpretWayFall)
    };
    let unit = crate::render::unit_words(m, kpi.unit);
    let examples: Vec<String> = readings
        .meaning_written
        .iter()
        .take(3)
        .map(|w| format!("« {} »", w.replace('*', "…")))
        .collect();
    let lines: Vec<String> = analysis
        .verdicts
        .iter()
        .map(|v| {
            let label = m.text(&criterion_label(v.criterion));
            let detail = match &v.reason {
                CommentReason::Figure(f) => m.text(&msg::InterpretFigureOk { found: &echo(f) }),
                CommentReason::FigureNoUnit(f) => m.text(&msg::InterpretFigureNoUnit {
                    found: &echo(f),
                    unit: &unit,
                }),
                CommentReason::FigureWrongUnit(f) => m.text(&msg::InterpretFigureWrongUnit {
                    found: &echo(f),
                    figure: &figure,
                }),
                CommentReason::FigureSign(f) => m.text(&msg::InterpretFigureSign {
                    found: &echo(f),
                    figure: &figure,
                    way: &way,
                }),
                CommentReason::OtherKpi { found, label } => m.text(&msg::InterpretFigureOtherKpi {
                    found: &echo(found),
                    label,
                    figure: &figure,
                }),
                CommentReason::DoubleNegative(f) => m.text(&msg::InterpretDoubleNegative {
                    found: &echo(f),
                    plain: figure.trim_start_matches(['−', '-', '+']),
                    figure: &figure,
                }),
                CommentReason::Trap { found, reading } => m.text(&msg::InterpretTrap {
                    found: &echo(found),
                    why: &pack_text(cx, &Reading::Wrong(*reading).why_id(id), sealed),
                }),
                CommentReason::OtherFigure(f) => m.text(&msg::InterpretFigureOther {
                    found: &echo(f),
                    figure: &figure,
                }),
                CommentReason::NoFigure => m.text(&msg::InterpretFigureMissing { figure: &figure }),
                CommentReason::Direction(w) => m.text(&msg::InterpretFound { found: &echo(w) }),
                CommentReason::Opposite(w) => m.text(&msg::InterpretDirectionOpposite {
                    found: &echo(w),
                    figure: &figure,
                    way: &way,
                }),
                CommentReason::NoDirection => m.text(&msg::InterpretDirectionMissing { way: &way }),
                CommentReason::Comparison(w) | CommentReason::Meaning(w) => {
                    m.text(&msg::InterpretFound { found: &echo(w) })
                }
                CommentReason::NoComparison => m.text(&msg::InterpretComparisonMissing),
                CommentReason::NoMeaning => m.text(&msg::InterpretMeaningMissing {
                    examples: &examples.join(", "),
                }),
                CommentReason::OneSentence => m.text(&msg::InterpretSentenceOk {
                    chars: &chars.to_string(),
                }),
                CommentReason::Sentences(n) => m.text(&msg::InterpretSentenceMany {
                    count: &n.to_string(),
                }),
                CommentReason::TooLong { chars, max } => m.text(&msg::InterpretSentenceLong {
                    chars: &chars.to_string(),
                    max: &max.to_string(),
                }),
            };
            let mark = if v.met { "✅" } else { "❌" };
            format!("{mark} **{label}** : {detail}")
        })
        .collect();
    let mut out = m.text(&msg::InterpretCommentHead {
        part: id,
        met: &analysis.met().to_string(),
        total: &analysis.verdicts.len().to_string(),
        text: &block_quote(text),
    });
    out.push('\n');
    out.push_str(&lines.join("\n"));
    let spelling = super::spelling::block(inner, case, text, None, false);
    if !spelling.is_empty() {
        out.push('\n');
        out.push_str(&spelling);
    }
    out.push_str("\n\n");
    if analysis.all_met() {
        out.push_str(&m.text(&msg::InterpretCommentAll));
        out.push('\n');
    }
    // A model comment writes its figures out (and may compare with another calculation's):
    // while the class's quiz seals figures, it waits for the end of the quiz.
    if sealed.is_empty() {
        out.push_str(&m.text(&msg::InterpretCommentExample {
            example: &case.text(&example_id(id)),
        }));
    } else {
        out.push_str(&m.text(&msg::InterpretExampleLater));
    }
    Reply::private(out)
}

fn criterion_label(c: CommentCriterion) -> msg::Plain {
    match c {
        CommentCriterion::Figure => msg::InterpretLabelFigure.into(),
        CommentCriterion::Direction => msg::InterpretLabelDirection.into(),
        CommentCriterion::Comparison => msg::InterpretLabelComparison.into(),
        CommentCriterion::Meaning => msg::InterpretLabelMeaning.into(),
        CommentCriterion::Sentence => msg::InterpretLabelSentence.into(),
    }
}
