//! Written answers in class: a student writes an answer to a question that has a grading grid,
//! ticks what it covers (a self-assessment, never counted), and a teacher grades it on the same
//! grid (the grade counts in the class's scores). The grading rule (criteria ticked → points)
//! lives here once: [`read_criteria`], [`ticked_points`]; the grading view and its recording are
//! `marking`'s (`/corriger`), which reads the copies through the helpers here.
//!
//! Every lookup is scoped to the asker's class: a number from another class is unknown here.

use super::command::{Button, ButtonAction, Choice, ChoiceAction, ChoiceOption, Reply};
use super::grids::criteria_lines;
use super::scoring::{self, Milli};
use super::{Ctx, Inner};
use crate::case::{Case, Grid};
use crate::format::{date_fr as date, typed_chars as chars};
use crate::msg;
use crate::render::{echo, escape, points};
use crate::store::{self, WrittenId};
use std::collections::BTreeSet;

fn private(text: String) -> anyhow::Result<Vec<Reply>> {
    Ok(vec![Reply::private(text)])
}

/// The questions of a case that have a grid, "1.1, 1.2, …, R".
fn grid_list(case: &Case) -> String {
    case.grids
        .iter()
        .map(|g| g.question.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The criteria of a grid as boxes to tick.
pub(crate) fn choice(
    inner: &Inner,
    case: &Case,
    grid: &Grid,
    action: ChoiceAction,
    ticked: &BTreeSet<String>,
) -> Choice {
    let m = inner.messages();
    let placeholder = match action {
        ChoiceAction::SelfAssess(_) => msg::WorkshopSelfPlaceholder.plain(),
        ChoiceAction::Grade(_) => msg::WorkshopGradePlaceholder.plain(),
    };
    Choice {
        action,
        placeholder: m.text(&placeholder),
        options: grid
            .criteria
            .iter()
            .map(|c| ChoiceOption {
                value: c.id.clone(),
                label: case.text(&Grid::label_id(&grid.question, &c.id)),
                description: points(m, c.share),
                selected: ticked.contains(&c.id),
            })
            .collect(),
    }
}

/// Reads ticked criteria given as ids or 1-based numbers; the first unknown one is the error.
pub fn read_criteria(grid: &Grid, given: &[String]) -> Result<BTreeSet<String>, String> {
    let mut out = BTreeSet::new();
    for g in given {
        let g = g.trim();
        if g.is_empty() {
            continue;
        }
        let found = match g.parse::<usize>() {
            Ok(n) => grid.criteria.get(n.wrapping_sub(1)),
            Err(_) => grid.criteria.iter().find(|c| c.id.eq_ignore_ascii_case(g)),
        };
        match found {
            Some(c) => {
                out.insert(c.id.clone());
            }
            None => return Err(g.to_string()),
        }
    }
    Ok(out)
}

/// The grid of a stored copy's question, or the French reply saying it has none (a pack
/// changed since the copy was written).
pub(crate) fn grid_of<'c>(
    inner: &Inner,
    case: &'c Case,
    question: &str,
) -> Result<&'c Grid, Vec<Reply>> {
    case.grid(question).ok_or_else(|| {
        vec![Reply::private(inner.messages().text(
            &msg::WorkshopNoGrid {
                question: &echo(question),
                list: &grid_list(case),
            },
        ))]
    })
}

/// The criteria ticked, or the French reply naming the first one that is not in the grid.
pub(crate) fn ticked_criteria(
    inner: &Inner,
    grid: &Grid,
    given: &[String],
) -> Result<BTreeSet<String>, Vec<Reply>> {
    read_criteria(grid, given).map_err(|unknown| {
        vec![Reply::private(inner.messages().text(
            &msg::WorkshopCriteriaUnknown {
                given: &echo(&unknown),
                max: &grid.criteria.len().to_string(),
            },
        ))]
    })
}

/// The points of the ticked criteria.
pub fn ticked_points(grid: &Grid, ticked: &BTreeSet<String>) -> Milli {
    scoring::sum_milli(
        grid.criteria
            .iter()
            .filter(|c| ticked.contains(&c.id))
            .map(|c| c.milli),
    )
}

pub(crate) fn parse_ticked(json: Option<&str>) -> BTreeSet<String> {
    json.and_then(|j| serde_json::from_str(j).ok())
        .unwrap_or_default()
}

/// Each criterion, met or missed; a missed one says what a good copy writes.
/// The KPIs of `hidden` (sealed by a running quiz) are written as a mark.
fn grid_result(
    inner: &Inner,
    case: &Case,
    grid: &Grid,
    ticked: &BTreeSet<String>,
    hidden: &BTreeSet<usize>,
) -> String {
    let m = inner.messages();
    let mark = m.text(&msg::PlaySealedFigure);
    grid.criteria
        .iter()
        .map(|c| {
            let label = case.text(&Grid::label_id(&grid.question, &c.id));
            let pts = points(m, c.share);
            if ticked.contains(&c.id) {
                m.text(&msg::WorkshopMet {
                    label: &label,
                    points: &pts,
                })
            } else {
                m.text(&msg::WorkshopMissed {
                    label: &label,
                    points: &pts,
                    explanation: &case.text_hiding(
                        &Grid::explanation_id(&grid.question, &c.id),
                        &|k| hidden.contains(&k),
                        &mark,
                    ),
                })
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `/corrige-type`: the model answer of a question and, when it has one, its grading grid.
/// Refused to students while a live quiz asks one of its calculations and has not revealed it.
pub async fn model_answer(cx: &Ctx<'_>, question: &str) -> anyhow::Result<Vec<Reply>> {
    let Ctx {
        inner, who, case, ..
    } = *cx;
    let m = inner.messages();
    let id = question.trim();
    // A part ("1.2.a") stands for its question.
    let Some(q) = case.question(id).or_else(|| case.part(id).map(|(q, _)| q)) else {
        let list: Vec<&str> = case.questions.iter().map(|q| q.id.as_str()).collect();
        return private(m.text(&msg::QuestionUnknown {
            id: &echo(id),
            list: &list.join(", "),
        }));
    };
    // A student does not get the model answer of a question whose calculations the running
    // quiz seals; figures of other questions it quotes are hidden while the quiz asks them.
    let sealed = super::sight::sealed_for(inner, who, case).await;
    if q.parts
        .iter()
        .any(|p| super::sight::touches(case, p.kpi, &sealed))
    {
        return private(m.text(&msg::WorkshopModelLocked));
    }
    let mark = m.text(&msg::PlaySealedFigure);
    let hidden = |k: usize| sealed.contains(&k);
    let mut text = m.text(&msg::WorkshopModelHeader {
        question: &q.id,
        points: &points(m, q.points),
    });
    text.push('\n');
    text.push_str(
        case.text_hiding(&format!("question.{}.model", q.id), &hidden, &mark)
            .trim(),
    );
    if let Some(grid) = case.grid(&q.id) {
        text.push_str("\n\n");
        text.push_str(&crate::linkedin::render::grid_hiding(
            m, case, grid, &hidden, &mark,
        ));
        text.push_str("\n\n");
        text.push_str(&m.text(&msg::WorkshopModelWrite { question: &q.id }));
    }
    private(text)
}

/// `/rediger`: stores a written answer and asks the student to tick what it covers.
pub async fn written(cx: &Ctx<'_>, question: &str, text: &str) -> anyhow::Result<Vec<Reply>> {
    let Ctx {
        inner, who, case, ..
    } = *cx;
    let m = inner.messages();
    let Some(grid) = case.grid(question.trim()) else {
        if case.grids.is_empty() {
            return private(m.text(&msg::WorkshopNoGrids));
        }
        return private(m.text(&msg::WorkshopNoGrid {
            question: &echo(question),
            list: &grid_list(case),
        }));
    };
    let n = chars(text);
    let max = inner.settings.workshop.max_text_characters;
    if n == 0 {
        return private(m.text(&msg::WorkshopWrittenEmpty));
    }
    if n > max {
        return private(m.text(&msg::WorkshopTextTooLong {
            count: &n.to_string(),
            max: &max.to_string(),
        }));
    }
    let WrittenId(id) = store::written::insert(
        &inner.store.write,
        who.class_id(),
        who.member(),
        &case.meta.id,
        &grid.question,
        text.trim(),
        inner.now(),
    )
    .await?;
    let language = super::spelling::language_criterion(case, &grid.question);
    // The réflexion: its structure first, as a corrector reads it.
    let structure = super::reflexion::structure(inner, case, &grid.question, text)
        .map(|s| format!("{s}\n\n"))
        .unwrap_or_default();
    let text = format!(
        "{structure}{}\n{}\n\n{}",
        m.text(&msg::WorkshopWrittenSaved {
            number: &id.to_string(),
            question: &grid.question,
            characters: &n.to_string(),
            points: &points(m, grid.points)
        }),
        criteria_lines(inner, case, grid),
        super::spelling::block(inner, case, text, language.as_deref(), false),
    );
    Ok(vec![Reply::private(text).with_choice(choice(
        inner,
        case,
        grid,
        ChoiceAction::SelfAssess(id),
        &BTreeSet::new(),
    ))])
}

/// A written answer as stored.
pub(crate) struct Written {
    pub member_id: i64,
    pub user: String,
    pub name: String,
    pub question: String,
    pub text: String,
    pub written_at: i64,
    pub self_criteria: Option<String>,
    pub self_points: Option<i64>,
    pub grade_criteria: Option<String>,
    pub grade_points: Option<i64>,
}

pub(crate) async fn load_written(
    inner: &Inner,
    class_id: i64,
    id: i64,
) -> anyhow::Result<Option<Written>> {
    let row = store::written::in_class(&inner.store.write, store::ClassId(class_id), WrittenId(id))
        .await?;
    Ok(row.map(|w| Written {
        member_id: w.member_id.0,
        user: w.platform_user,
        name: w.display_name,
        question: w.question_id,
        text: w.text,
        written_at: w.written_at,
        self_criteria: w.self_criteria,
        self_points: w.self_points_milli,
        grade_criteria: w.grade_criteria,
        grade_points: w.grade_points_milli,
    }))
}

/// "2,5 points sur 3 points".
pub(crate) fn score(inner: &Inner, got: Milli, grid: &Grid) -> String {
    let m = inner.messages();
    m.text(&msg::WorkshopScore {
        points: &points(m, scoring::from_milli(got)),
        total: &points(m, grid.points),
    })
}

/// The self-assessment: the student ticks what their answer covers; it shows what each missed
/// point should have said. Never counted in the scores.
pub async fn self_assess(
    cx: &Ctx<'_>,
    answer: i64,
    criteria: &[String],
) -> anyhow::Result<Vec<Reply>> {
    let Ctx {
        inner, who, case, ..
    } = *cx;
    let m = inner.messages();
    let written = load_written(inner, who.class.id, answer)
        .await?
        .filter(|w| w.member_id == who.member_id);
    let Some(written) = written else {
        return private(m.text(&msg::WorkshopAnswerNotYours {
            number: &answer.to_string(),
        }));
    };
    let grid = match grid_of(inner, case, &written.question) {
        Ok(g) => g,
        Err(refused) => return Ok(refused),
    };
    let ticked = match ticked_criteria(inner, grid, criteria) {
        Ok(t) => t,
        Err(refused) => return Ok(refused),
    };
    let got = ticked_points(grid, &ticked);
    let sealed = super::sight::sealed_for(inner, who, case).await;
    let ticked_json = serde_json::to_string(&ticked)?;
    store::written::set_self_assessment(
        &inner.store.write,
        WrittenId(answer),
        &ticked_json,
        got,
        inner.now(),
    )
    .await?;
    let text = format!(
        "{}\n{}\n\n{}",
        m.text(&msg::WorkshopSelfResult {
            question: &grid.question,
            score: &score(inner, got, grid)
        }),
        grid_result(inner, case, grid, &ticked, &sealed),
        m.text(&msg::WorkshopSelfFooter {
            question: &grid.question
        })
    );
    private(text)
}

/// `/corriger` alone: the class's written answers, those still to grade first.
pub async fn queue(cx: &Ctx<'_>) -> anyhow::Result<Vec<Reply>> {
    let Ctx {
        inner, who, case, ..
    } = *cx;
    let m = inner.messages();
    let limit = inner.settings.workshop.grade_queue_rows;
    let rows = store::written::queue(&inner.store.write, who.class_id()).await?;
    if rows.is_empty() {
        return private(m.text(&msg::WorkshopQueueEmpty));
    }
    let to_grade = rows
        .iter()
        .filter(|r| r.grade_points_milli.is_none())
        .count();
    let mut text = m.text(&msg::WorkshopQueueHeader {
        to_grade: &to_grade.to_string(),
        total: &rows.len().to_string(),
    });
    for store::written::QueueRow {
        id,
        question_id: question,
        display_name: name,
        written_at: at,
        self_points_milli: self_points,
        grade_points_milli: grade,
    } in rows.iter().take(limit)
    {
        let of = |milli: i64| match case.grid(question) {
            Some(g) => score(inner, milli, g),
            None => points(m, scoring::from_milli(milli)),
        };
        let state = match (grade, self_points) {
            (Some(g), _) => m.text(&msg::WorkshopStateGraded { score: &of(*g) }),
            (None, Some(s)) => m.text(&msg::WorkshopStateSelf { score: &of(*s) }),
            (None, None) => m.text(&msg::WorkshopStateTodo),
        };
        text.push('\n');
        text.push_str(&m.text(&msg::WorkshopQueueLine {
            number: &id.to_string(),
            question,
            name: &escape(name),
            date: &date(*at),
            state: &state,
        }));
    }
    if rows.len() > limit {
        text.push('\n');
        text.push_str(&m.text(&msg::WorkshopQueueMore {
            count: &(rows.len() - limit).to_string(),
        }));
    }
    let reply = Reply::private(text);
    Ok(vec![
        match next_to_grade(inner, who.class.id, None).await? {
            Some(first) => reply.with_buttons(vec![Button {
                label: m.text(&msg::WorkshopFirstButton {
                    number: &first.to_string(),
                }),
                action: ButtonAction::GradeShow(first),
            }]),
            None => reply,
        },
    ])
}

/// The first copy of the class still to grade (the oldest), other than `except`.
pub(crate) async fn next_to_grade(
    inner: &Inner,
    class_id: i64,
    except: Option<i64>,
) -> anyhow::Result<Option<i64>> {
    let next = store::written::next_to_grade(
        &inner.store.write,
        store::ClassId(class_id),
        except.map(WrittenId),
    )
    .await?;
    Ok(next.map(|id| id.0))
}
