//! Leaderboards, podiums, summaries, exports and personal data.

use super::command::{Attachment, Board, Place, Reply};
use super::live::LiveQuiz;
use super::scoring::{self, Milli};
use super::sheets::{sanitize, sheet_text};
use super::{Ctx, Inner, Who};
use crate::format::iso;
use crate::msg;
use crate::render::escape;
use crate::store::answers::Verdict;
use crate::store::{self, ClassId, QuizId};
use std::collections::HashMap;

/// « 1,5 / 2 points »: points out of their maximum (the noun agrees with the maximum).
pub(crate) fn points_of(
    m: &crate::prompts::Prompts,
    points: rust_decimal::Decimal,
    max: rust_decimal::Decimal,
) -> String {
    m.text(&msg::PlayPointsOf {
        points: &crate::format::number_trimmed(points, 3),
        max: &crate::render::points(m, max),
    })
}

/// One line of a board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub member_id: i64,
    pub name: String,
    pub user: String,
    pub points: Milli,
    pub answers: i64,
}

/// Ranks with ties shared ("1, 1, 3").
pub fn ranked(rows: &[Row]) -> Vec<(usize, &Row)> {
    let mut out = Vec::with_capacity(rows.len());
    let mut rank = 0;
    for (i, row) in rows.iter().enumerate() {
        if i == 0 || rows[i - 1].points != row.points {
            rank = i + 1;
        }
        out.push((rank, row));
    }
    out
}

/// Board lines from the store's rows (teachers are never ranked: the store leaves them out).
fn rows(raw: Vec<store::boards::BoardRow>) -> Vec<Row> {
    raw.into_iter()
        .map(|r| Row {
            member_id: r.id.0,
            name: r.display_name,
            user: r.platform_user,
            points: r.pts,
            answers: r.answers,
        })
        .collect()
}

pub async fn quiz_rows(inner: &Inner, quiz_id: i64) -> anyhow::Result<Vec<Row>> {
    Ok(rows(
        store::boards::of_quiz(&inner.store.write, QuizId(quiz_id)).await?,
    ))
}

async fn class_rows(
    inner: &Inner,
    class_id: i64,
    since: i64,
    reset: i64,
    part: Option<(&str, &str)>,
) -> anyhow::Result<Vec<Row>> {
    // `since` is the start of a period (inclusive); `reset` the last board reset (exclusive:
    // an answer of the reset's own millisecond belongs to the board posted before it).
    let class = ClassId(class_id);
    let raw = match part {
        Some((case_id, id)) => {
            store::boards::of_class_on_part(&inner.store.write, class, since, reset, case_id, id)
                .await?
        }
        None => store::boards::of_class(&inner.store.write, class, since, reset).await?,
    };
    Ok(rows(raw))
}

/// A board as text: title, ranked lines (ties share a rank), and how many more.
pub fn board_text(inner: &Inner, title: &str, rows: &[Row]) -> String {
    let m = inner.messages();
    let mut text = format!("**{title}**");
    if rows.is_empty() {
        text.push('\n');
        text.push_str(&m.text(&msg::PlayBoardEmpty));
        return text;
    }
    let max = inner.settings.boards.max_rows;
    for (rank, row) in ranked(rows).into_iter().take(max) {
        text.push('\n');
        text.push_str(&m.text(&msg::PlayBoardLine {
            rank: &rank.to_string(),
            name: &escape(&row.name),
            points: &crate::render::points(m, scoring::from_milli(row.points)),
        }));
    }
    if rows.len() > max {
        text.push('\n');
        text.push_str(&m.text(&msg::PlayBoardMore {
            others: &m.text(&msg::PlayCountOthers {
                n: &(rows.len() - max).to_string(),
            }),
        }));
    }
    text
}

pub async fn quiz_board_text(inner: &Inner, quiz_id: i64) -> anyhow::Result<String> {
    let rows = quiz_rows(inner, quiz_id).await?;
    Ok(board_text(
        inner,
        &inner.messages().text(&msg::PlayBoardQuiz),
        &rows,
    ))
}

/// How many names a podium line shows before « et 12 autres ».
const PODIUM_NAMES: usize = 5;

/// The podium's places from board rows sorted best first: students who scored (never at 0
/// point), grouped by equal points, each group with its rank (ties share it, "1, 1, 3"), as
/// long as that rank is within `places`. So there are at most `places` groups, however many
/// students tie.
pub fn podium_places(rows: &[Row], places: usize) -> Vec<(usize, Vec<&Row>)> {
    let mut groups: Vec<(usize, Vec<&Row>)> = Vec::new();
    // `before`: how many scoring students rank above this one.
    for (before, row) in rows.iter().filter(|r| r.points > 0).enumerate() {
        match groups.last_mut() {
            Some((_, group)) if group[0].points == row.points => group.push(row),
            _ => {
                let rank = before + 1;
                if rank > places {
                    break;
                }
                groups.push((rank, vec![row]));
            }
        }
    }
    groups
}

/// The podium of a quiz: one line per place, tied students together on theirs.
pub async fn podium_text(inner: &Inner, quiz_id: i64) -> anyhow::Result<String> {
    let m = inner.messages();
    let rows = quiz_rows(inner, quiz_id).await?;
    Ok(podium_lines(m, &rows, inner.settings.quiz.podium_size))
}

/// The podium as text, from a quiz's board rows.
pub fn podium_lines(m: &crate::prompts::Prompts, rows: &[Row], places: usize) -> String {
    let mut text = m.text(&msg::PlayPodiumTitle);
    let groups = podium_places(rows, places);
    if groups.is_empty() {
        text.push('\n');
        text.push_str(&m.text(&msg::PlayPodiumEmpty));
        return text;
    }
    for (rank, group) in groups {
        let medal = match rank {
            1 => "🥇",
            2 => "🥈",
            3 => "🥉",
            _ => "🏅",
        };
        let shown: Vec<String> = group
            .iter()
            .take(PODIUM_NAMES)
            .map(|r| escape(&r.name))
            .collect();
        let mut names = shown.join(", ");
        if group.len() > PODIUM_NAMES {
            names = m.text(&msg::PlayPodiumNamesMore {
                names: &names,
                others: &m.text(&msg::PlayCountOthers {
                    n: &(group.len() - PODIUM_NAMES).to_string(),
                }),
            });
        }
        text.push('\n');
        text.push_str(&m.text(&msg::PlayPodiumLine {
            medal,
            names: &names,
            points: &crate::render::points(m, scoring::from_milli(group[0].points)),
        }));
    }
    text
}

/// Each player's own summary at the end of a quiz: points, rank, and what to revise.
pub async fn summaries(inner: &Inner, quiz: &LiveQuiz) -> anyhow::Result<Vec<Reply>> {
    let m = inner.messages();
    let mut rows = quiz_rows(inner, quiz.id).await?;
    // Taking part is any act in the quiz: a student who only took hints gets her summary too
    // (0 point, every question without an answer), and counts among the players ranked.
    let quiz_id = QuizId(quiz.id);
    let hint_only = store::hints::hint_only_students(&inner.store.write, quiz_id).await?;
    rows.extend(hint_only.into_iter().map(|h| Row {
        member_id: h.id.0,
        name: h.display_name,
        user: h.platform_user,
        points: 0,
        answers: 0,
    }));
    let ranks: HashMap<i64, usize> = ranked(&rows)
        .into_iter()
        .map(|(r, row)| (row.member_id, r))
        .collect();
    let answers = store::answers::of_quiz(&inner.store.write, quiz_id).await?;
    let hinted = store::hints::members_in_quiz(&inner.store.write, quiz_id).await?;
    let hinted: std::collections::HashSet<i64> = hinted.into_iter().map(|h| h.0).collect();
    // Out of the points of the questions actually asked (a stopped quiz asked fewer).
    let max: Milli = scoring::sum_milli(
        quiz.items
            .iter()
            .filter(|i| i.shown_at.is_some())
            .map(|i| i.points),
    );
    let case = inner.case_in(quiz.class_id, &quiz.case_id);
    let mut out = Vec::new();
    for row in &rows {
        let mine: Vec<&store::answers::PartVerdict> = answers
            .iter()
            .filter(|a| a.member_id.0 == row.member_id)
            .collect();
        let count_of = |v: Verdict| mine.iter().filter(|a| a.verdict == v).count();
        let mut text = m.text(&msg::PlaySummary {
            points: &points_of(m, scoring::from_milli(row.points), scoring::from_milli(max)),
            rank: &m.text(&msg::PlaySummaryRank {
                n: &ranks.get(&row.member_id).copied().unwrap_or(0).to_string(),
                players: &rows.len().to_string(),
            }),
            correct: &m.text(&msg::PlayCountCorrect {
                n: &(count_of(Verdict::Correct)).to_string(),
            }),
            close: &count_of(Verdict::Close).to_string(),
            wrong: &count_of(Verdict::Wrong).to_string(),
            unanswered: &quiz
                .items
                .iter()
                .filter(|i| i.shown_at.is_some())
                .count()
                .saturating_sub(mine.len())
                .to_string(),
        });
        let answered: Vec<&str> = mine.iter().map(|a| a.part_id.as_str()).collect();
        let mut revise: Vec<String> = Vec::new();
        for item in &quiz.items {
            let right = mine
                .iter()
                .any(|a| a.part_id == item.part_id && a.verdict == Verdict::Correct);
            // A question never asked (the quiz was stopped before it) is nothing to revise.
            if right || item.shown_at.is_none() {
                continue;
            }
            let label = case
                .as_ref()
                .and_then(|c| c.kpis.get(item.kpi))
                .map(|k| k.label.clone());
            if let Some(label) = label {
                let missing = !answered.contains(&item.part_id.as_str());
                // `/kpi 1.2.a`: students read question numbers, never internal ids.
                let (id, label, kpi) =
                    (item.part_id.as_str(), label.as_str(), item.part_id.as_str());
                revise.push(if missing {
                    m.text(&msg::PlaySummaryMissed { id, label, kpi })
                } else {
                    m.text(&msg::PlaySummaryRevise { id, label, kpi })
                });
            }
        }
        if revise.is_empty() {
            // « Sans faute » is for answers found alone: a hint taken makes it « tout juste ».
            text.push('\n');
            text.push_str(&m.text(&if hinted.contains(&row.member_id) {
                msg::PlaySummaryAllRightHints.plain()
            } else {
                msg::PlaySummaryPerfect.plain()
            }));
        } else {
            text.push('\n');
            text.push_str(&m.text(&msg::PlaySummaryToRevise));
            for line in revise {
                text.push('\n');
                text.push_str(&line);
            }
        }
        let mut reply = Reply::to_user(row.user.clone(), text);
        if let Some(case) = &case {
            let results =
                super::report::member_results(&inner.store, case, quiz.id, row.member_id).await?;
            if !results.is_empty() {
                match crate::chart::render_student_results(m, &results) {
                    Ok(png) => {
                        reply = reply.with_attachment(super::command::Attachment {
                            name: format!("bilan-quiz{}-{}.png", quiz.id, row.member_id),
                            mime: "image/png".into(),
                            bytes: png,
                        })
                    }
                    Err(e) => tracing::warn!(error = %e, "results chart not drawn"),
                }
            }
        }
        out.push(reply);
    }
    Ok(out)
}

async fn reset_at(inner: &Inner, class_id: i64) -> anyhow::Result<i64> {
    Ok(store::classes::board_reset_at(&inner.store.write, ClassId(class_id)).await?)
}

/// `/classement`.
pub async fn leaderboard(cx: &Ctx<'_>, board: &Board) -> anyhow::Result<Vec<Reply>> {
    let Ctx { inner, who, .. } = *cx;
    let m = inner.messages();
    let now = inner.now();
    let reset = reset_at(inner, who.class.id).await?;
    let day: i64 = 86_400_000;
    let b = &inner.settings.boards;
    let text = match board {
        Board::Quiz => {
            let last = store::quizzes::last_of_class(&inner.store.write, who.class_id()).await?;
            match last {
                Some(QuizId(id)) => quiz_board_text(inner, id).await?,
                None => m.text(&msg::PlayQuizNoneYet),
            }
        }
        Board::Week | Board::Month | Board::AllTime => {
            let (since, title) = match board {
                Board::Week => (
                    now - day * i64::from(b.week_days),
                    m.text(&msg::PlayBoardWeek {
                        days: &b.week_days.to_string(),
                    }),
                ),
                Board::Month => (
                    now - day * i64::from(b.month_days),
                    m.text(&msg::PlayBoardMonth {
                        days: &b.month_days.to_string(),
                    }),
                ),
                _ => (0, m.text(&msg::PlayBoardAll)),
            };
            let rows = class_rows(inner, who.class.id, since, reset, None).await?;
            board_text(inner, &title, &rows)
        }
        Board::Question(id) => {
            let case = cx.case;
            if case.question(id).is_none() && case.part(id).is_none() {
                let list: Vec<&str> = case.questions.iter().map(|q| q.id.as_str()).collect();
                return Ok(vec![Reply::private(m.text(&msg::QuestionUnknown {
                    id: &crate::render::echo(id),
                    list: &list.join(", "),
                }))]);
            }
            let rows = class_rows(inner, who.class.id, 0, reset, Some((&case.meta.id, id))).await?;
            let title = m.text(&msg::PlayBoardQuestion {
                id,
                case: &super::case_name(m, case),
            });
            board_text(inner, &title, &rows)
        }
    };
    // A student asks for herself: the answer is hers alone. Teachers post boards to the class.
    Ok(vec![if who.teacher {
        Reply::channel(text)
    } else {
        Reply::private(text)
    }])
}

/// `/classement reset`: posts the class board one last time, then starts again from zero.
pub async fn reset(cx: &Ctx<'_>) -> anyhow::Result<Vec<Reply>> {
    let Ctx { inner, who, .. } = *cx;
    let m = inner.messages();
    let reset = reset_at(inner, who.class.id).await?;
    let rows = class_rows(inner, who.class.id, 0, reset, None).await?;
    let last = board_text(inner, &m.text(&msg::PlayBoardFinal), &rows);
    store::classes::set_board_reset(&inner.store.write, who.class_id(), inner.now()).await?;
    Ok(vec![
        Reply::channel(last),
        Reply::channel(m.text(&msg::PlayBoardResetDone)),
    ])
}

/// `/export`: one row per student, question and attempt, for a grading spreadsheet (French
/// spreadsheet conventions: `;` between columns, decimal comma, UTF-8 with a byte-order mark).
/// The hints a part cost are shown once, on its last attempt: the one whose points they were
/// taken from.
pub async fn export(cx: &Ctx<'_>) -> anyhow::Result<Vec<Reply>> {
    let Ctx { inner, who, .. } = *cx;
    let place = &cx.request.place;
    let m = inner.messages();
    let rows = store::exports::answers(&inner.store.write, who.class_id()).await?;
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    writer.write_record([
        "eleve",
        "identifiant",
        "source",
        "question",
        "partie",
        "indicateur",
        "tentative",
        "reponse",
        "verdict",
        "points",
        "indices_points",
        "date_utc",
        "sujet",
    ])?;
    let points = |milli: i64| {
        crate::format::number_trimmed(scoring::from_milli(milli), 3).replace('\u{202F}', "")
    };
    for store::exports::AnswerLine {
        display_name: name,
        platform_user: user,
        quiz_id: quiz,
        practice_id: practice,
        part_id: part,
        kpi_id: kpi,
        attempt,
        input,
        verdict,
        points_milli: pts,
        hints_milli: hints,
        answered_at: at,
        case_id,
    } in &rows
    {
        // Each answer is read on the subject it was earned on.
        let found = inner.case_in(cx.who.class.id, case_id);
        let case: &crate::pack::CasePack = found.as_deref().unwrap_or(cx.case);
        let source = match (quiz, practice) {
            (Some(q), _) => format!("quiz {q}"),
            (None, Some(p)) => format!("entrainement {p}"),
            _ => String::new(),
        };
        let question = case
            .part(part)
            .map(|(q, _)| q.id.clone())
            .unwrap_or_default();
        let label = case
            .kpi_by_id(kpi)
            .map(|k| k.label.clone())
            .unwrap_or_else(|| kpi.clone());
        writer.write_record([
            sheet_text(name).as_ref(),
            sheet_text(user).as_ref(),
            &source,
            &question,
            sheet_text(part).as_ref(),
            sheet_text(&label).as_ref(),
            &attempt.to_string(),
            sheet_text(input).as_ref(),
            // French words for the spreadsheet (the database keeps correct/close/wrong).
            match verdict {
                Verdict::Correct => "juste",
                Verdict::Close => "presque",
                Verdict::Wrong => "faux",
            },
            &points(*pts),
            &points(*hints),
            &iso(*at),
            sheet_text(case_id).as_ref(),
        ])?;
    }
    // Written answers: one row per copy, the teacher's grade as its points (empty until graded).
    let written = store::exports::written(&inner.store.write, who.class_id()).await?;
    for store::exports::WrittenLine {
        display_name: name,
        platform_user: user,
        id,
        question_id: question,
        text,
        grade_points_milli: grade,
        written_at,
        graded_at,
        case_id,
        exam_id,
    } in &written
    {
        writer.write_record([
            sheet_text(name).as_ref(),
            sheet_text(user).as_ref(),
            &match exam_id {
                Some(exam) => format!("examen-{exam} copie {id}"),
                None => format!("copie {id}"),
            },
            sheet_text(question).as_ref(),
            "",
            "",
            "1",
            sheet_text(text).as_ref(),
            if grade.is_some() {
                "corrigee"
            } else {
                "a_corriger"
            },
            &grade.map(points).unwrap_or_default(),
            &points(0),
            &iso(graded_at.unwrap_or(*written_at)),
            sheet_text(case_id).as_ref(),
        ])?;
    }
    let total_rows = rows.len() + written.len();
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(
        writer
            .into_inner()
            .map_err(|e| anyhow::anyhow!("csv: {e}"))?,
    );
    let file = format!("resultats-{}.csv", sanitize(&place.class_name));
    let detail = Reply::private(m.text(&msg::PlayExportReady {
        rows: &total_rows.to_string(),
    }))
    .with_attachment(Attachment {
        name: file,
        mime: "text/csv".into(),
        bytes,
    });
    let mut replies = vec![detail, summary_export(inner, who, place).await?];
    replies.extend(super::marks::export_files(cx, &sanitize(&place.class_name)).await?);
    Ok(replies)
}

/// The second file of `/export`: one line per student, their points by source and in all.
async fn summary_export(inner: &Inner, who: &Who, place: &Place) -> anyhow::Result<Reply> {
    let m = inner.messages();
    let rows = store::exports::points_by_source(&inner.store.write, who.class_id()).await?;
    let points = |milli: i64| {
        crate::format::number_trimmed(scoring::from_milli(milli), 3).replace('\u{202F}', "")
    };
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    writer.write_record([
        "eleve",
        "identifiant",
        "points_quiz",
        "points_entrainement",
        "points_copies",
        "total",
    ])?;
    for store::exports::StudentPoints {
        display_name: name,
        platform_user: user,
        quiz,
        practice,
        copies,
    } in &rows
    {
        writer.write_record([
            sheet_text(name).as_ref(),
            sheet_text(user).as_ref(),
            &points(*quiz),
            &points(*practice),
            &points(*copies),
            &points(quiz + practice + copies),
        ])?;
    }
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(
        writer
            .into_inner()
            .map_err(|e| anyhow::anyhow!("csv: {e}"))?,
    );
    Ok(Reply::private(m.text(&msg::PlayExportSummary {
        students: &m.text(&msg::PlayNStudents {
            n: &rows.len().to_string(),
        }),
    }))
    .with_attachment(Attachment {
        name: format!("synthese-{}.csv", sanitize(&place.class_name)),
        mime: "text/csv".into(),
        bytes,
    }))
}

/// `/mes-donnees`: everything stored about the actor, as text and as a JSON file.
pub async fn my_data(cx: &Ctx<'_>) -> anyhow::Result<Vec<Reply>> {
    let Ctx { inner, who, .. } = *cx;
    let actor = &cx.request.actor;
    let m = inner.messages();
    let db = &inner.store.write;
    let answers = store::answers::of_member(db, who.member()).await?;
    let hints = store::hints::of_member(db, who.member()).await?;
    let practices = store::practice::count_of_member(db, who.member()).await?;
    let written = store::written::of_member(db, who.member()).await?;
    let drafts = store::drafts::of_member(db, who.member()).await?;
    let votes = store::votes::of_member(db, who.member()).await?;
    let exam = store::exams::of_member(db, who.member()).await?;
    let json = serde_json::json!({
        "exam_copies": exam.iter().map(|(e, what, text, at)| serde_json::json!({
            "exam": e.0, "part_or_question": what, "text": text, "at_utc": iso(*at)}))
            .collect::<Vec<_>>(),
        "member": {"platform_user": actor.user, "display_name": actor.name, "teacher": who.teacher},
        "written_answers": written.iter().map(|w| serde_json::json!({
            "number": w.id.0, "question": w.question_id, "text": w.text,
            "self_assessment": w.self_points_milli.map(scoring::from_milli),
            "grade": w.grade_points_milli.map(scoring::from_milli),
            "at_utc": iso(w.written_at)})).collect::<Vec<_>>(),
        "shared_drafts": drafts.iter().map(|d| serde_json::json!({
            "number": d.id.0, "text": d.text, "at_utc": iso(d.created_at)})).collect::<Vec<_>>(),
        "votes": votes.iter().map(|v| serde_json::json!({
            "post": v.post_id.0,
            "choice": match v.choice { 0 => "convaincant", 1 => "mitige", _ => "a_retravailler" },
            "at_utc": iso(v.voted_at)})).collect::<Vec<_>>(),
        "answers": answers.iter().map(|a| serde_json::json!({
            "quiz": a.quiz_id.map(|q| q.0), "practice": a.practice_id.map(|p| p.0), "part": a.part_id,
            "attempt": a.attempt, "answer": a.input, "verdict": a.verdict.as_str(),
            "points": scoring::from_milli(a.points_milli), "at_utc": iso(a.answered_at)})).collect::<Vec<_>>(),
        "hints": hints.iter().map(|h| serde_json::json!({
            "quiz": h.quiz_id.map(|q| q.0), "practice": h.practice_id.map(|p| p.0), "part": h.part_id,
            "level": h.level, "cost": scoring::from_milli(h.cost_milli), "at_utc": iso(h.taken_at)}))
            .collect::<Vec<_>>(),
        "practices": practices,
    });
    let total: i64 = scoring::sum_milli(
        answers
            .iter()
            .map(|a| a.points_milli)
            .chain(written.iter().filter_map(|w| w.grade_points_milli)),
    );
    let text = m.text(&msg::PlayMyData {
        name: &escape(&actor.name),
        answers: &m.text(&msg::PlayNAnswers {
            n: &answers.len().to_string(),
        }),
        hints: &m.text(&msg::PlayNHints {
            n: &hints.len().to_string(),
        }),
        practices: &m.text(&msg::PlayNPractices {
            n: &(usize::try_from(practices).unwrap_or(0)).to_string(),
        }),
        written: &m.text(&msg::PlayNWritten {
            n: &written.len().to_string(),
        }),
        drafts: &m.text(&msg::PlayNDrafts {
            n: &drafts.len().to_string(),
        }),
        votes: &m.text(&msg::WorkshopVotes {
            n: &votes.len().to_string(),
        }),
        points: &crate::render::points(m, scoring::from_milli(total)),
    });
    Ok(vec![Reply::private(text).with_attachment(Attachment {
        name: "mes-donnees.json".into(),
        mime: "application/json".into(),
        bytes: serde_json::to_vec_pretty(&json)?,
    })])
}

/// `/oublier-moi` without confirmation: what would be erased, and how to confirm.
pub async fn forget_me_preview(cx: &Ctx<'_>) -> anyhow::Result<Vec<Reply>> {
    let Ctx { inner, who, .. } = *cx;
    let m = inner.messages();
    if super::live::is_live(inner, who.class.id).await {
        return Ok(vec![Reply::private(m.text(&msg::PlayForgetDuringQuiz))]);
    }
    let count = |n: i64| usize::try_from(n).unwrap_or(0);
    inner.writer.flush().await?;
    let (db, me) = (&inner.store.write, who.member());
    let answers = count(store::answers::count_of_member(db, me).await?);
    let written = count(store::written::count_of_member(db, me).await?);
    let drafts = count(store::drafts::count_of_member(db, me).await?);
    let votes = count(store::votes::count_of_member(db, me).await?);
    let text = m.text(&msg::PlayForgetConfirm {
        answers: &m.text(&msg::PlayNAnswers {
            n: &answers.to_string(),
        }),
        written: &m.text(&msg::PlayNWritten {
            n: &written.to_string(),
        }),
        drafts: &m.text(&msg::PlayNDrafts {
            n: &drafts.to_string(),
        }),
        votes: &m.text(&msg::WorkshopVotes {
            n: &votes.to_string(),
        }),
    });
    Ok(vec![Reply::private(text)])
}

/// `/oublier-moi confirmer:oui`: erases the actor's member record, answers, hints and practice
/// runs, copies, shared drafts and votes.
pub async fn forget_me(cx: &Ctx<'_>) -> anyhow::Result<Vec<Reply>> {
    let Ctx { inner, who, .. } = *cx;
    let place = &cx.request.place;
    let actor = &cx.request.actor;
    inner.writer.flush().await?;
    let live = inner.class_live(who.class.id);
    let guard = live.lock().await;
    // Not while the class's quiz runs: a new member record would answer its questions again.
    if guard.quiz.is_some() {
        return Ok(vec![Reply::private(
            inner.messages().text(&msg::PlayForgetDuringQuiz),
        )]);
    }
    let mut tx = inner.store.begin().await?;
    store::members::delete(&mut *tx, who.member()).await?;
    // Replies kept to answer a repeated delivery may quote the member (a board, a podium):
    // they are dropped for the whole class; the action ids stay, so nothing runs twice.
    store::actions::clear_replies_of_class(&mut *tx, who.class_id()).await?;
    tx.commit().await?;
    drop(guard);
    inner.forget_cached(place, who.class.id, Some(&actor.user));
    Ok(vec![Reply::private(
        inner.messages().text(&msg::PlayForgotten),
    )])
}

/// `/effacer-classe`: erases the whole class, after a confirmation.
pub async fn erase_class(cx: &Ctx<'_>, confirm: bool) -> anyhow::Result<Vec<Reply>> {
    let Ctx { inner, who, .. } = *cx;
    let place = &cx.request.place;
    let m = inner.messages();
    let members = store::members::count_of_class(&inner.store.write, who.class_id()).await?;
    let answers = store::answers::count_of_class(&inner.store.write, who.class_id()).await?;
    let members = m.text(&msg::PlayNMembers {
        n: &usize::try_from(members).unwrap_or(0).to_string(),
    });
    let answers = m.text(&msg::PlayNAnswers {
        n: &usize::try_from(answers).unwrap_or(0).to_string(),
    });
    let (members, answers) = (members.as_str(), answers.as_str());
    if !confirm {
        let mut text = m.text(&msg::PlayEraseConfirm { members, answers });
        // Its own subjects go with it (published ones stay).
        let own = inner.library.own(who.class.id).len();
        if own > 0 {
            text.push(' ');
            text.push_str(&m.text(&msg::PlayEraseSubjects {
                n: &own.to_string(),
            }));
        }
        return Ok(vec![Reply::private(text)]);
    }
    inner.writer.flush().await?;
    let live = inner.class_live(who.class.id);
    let mut guard = live.lock().await;
    guard.quiz = None;
    store::classes::delete(&inner.store.write, who.class_id()).await?;
    // Its own subjects went with it (by cascade); published ones stay.
    inner.library.forget_class(who.class.id);
    drop(guard);
    inner.forget_cached(place, who.class.id, None);
    Ok(vec![Reply::private(
        m.text(&msg::PlayErased { members, answers }),
    )])
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn row(id: i64, points: Milli) -> Row {
        Row {
            member_id: id,
            name: format!("m{id}"),
            user: id.to_string(),
            points,
            answers: 1,
        }
    }

    #[test]
    fn ties_share_a_rank() {
        let rows = vec![row(1, 500), row(2, 500), row(3, 250), row(4, 0)];
        let ranks: Vec<usize> = ranked(&rows).into_iter().map(|(r, _)| r).collect();
        assert_eq!(ranks, vec![1, 1, 3, 4]);
    }

    #[test]
    fn iso_dates() {
        assert_eq!(iso(0), "1970-01-01 00:00:00");
        assert_eq!(iso(1_795_392_000_000), "2026-11-23 00:00:00");
        assert_eq!(iso(951_782_400_000 + 3_661_000), "2000-02-29 01:01:01");
    }

    /// The bot's texts (every file of `prompts/fr`).
    pub(crate) fn texts() -> crate::prompts::Prompts {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("prompts/fr");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("prompts/fr")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        let mut messages = crate::prompts::Prompts::default();
        for file in files {
            let src = std::fs::read_to_string(&file).expect("a text file");
            messages.add_source(&file, &src).expect("texts parse");
        }
        messages
    }

    fn board_rows(points: &[i64]) -> Vec<Row> {
        let mut points = points.to_vec();
        points.sort_by(|a, b| b.cmp(a));
        points
            .iter()
            .enumerate()
            .map(|(i, p)| Row {
                member_id: i as i64,
                name: format!("Élève {i}"),
                user: format!("u{i}"),
                points: *p,
                answers: 1,
            })
            .collect()
    }

    #[test]
    fn thirty_students_at_zero_point_get_no_medal() {
        let m = texts();
        let rows = board_rows(&[0; 30]);
        assert!(podium_places(&rows, 3).is_empty());
        assert_eq!(
            podium_lines(&m, &rows, 3),
            "🏆 **Podium**\nPersonne n’a marqué de points dans ce quiz."
        );
        // Thirty tied at one point: one line, five names and the count of the others.
        let rows = board_rows(&[1000; 30]);
        assert_eq!(
            podium_lines(&m, &rows, 3).replace('\u{202F}', " "),
            "🏆 **Podium**\n🥇 Élève 0, Élève 1, Élève 2, Élève 3, Élève 4 et 25 autres – 1 point"
        );
        // Ties share a rank, and the next place skips: 1, 1, 3.
        let rows = board_rows(&[500, 500, 250, 100, 0]);
        assert_eq!(
            podium_lines(&m, &rows, 3),
            "🏆 **Podium**\n🥇 Élève 0, Élève 1 – 0,5 point\n🥉 Élève 2 – 0,25 point"
        );
        let rows = board_rows(&[500, 250, 0]);
        assert_eq!(
            podium_lines(&m, &rows, 3),
            "🏆 **Podium**\n🥇 Élève 0 – 0,5 point\n🥈 Élève 1 – 0,25 point"
        );
    }

    proptest::proptest! {
        /// Over any class: nobody at 0 point, at most `places` lines, every student who scored
        /// within the places is there exactly once, each with the rank the board gives.
        #[test]
        fn the_podium_holds_its_rules_over_any_scores(
            points in proptest::collection::vec(0i64..6, 0..40),
            places in 1usize..5,
        ) {
            let points: Vec<i64> = points.into_iter().map(|p| p * 250).collect();
            let rows = board_rows(&points);
            let groups = podium_places(&rows, places);
            proptest::prop_assert!(groups.len() <= places);
            let board: std::collections::HashMap<i64, usize> =
                ranked(&rows).into_iter().map(|(r, row)| (row.member_id, r)).collect();
            let mut on_podium = std::collections::HashSet::new();
            let mut last: Option<i64> = None;
            for (rank, group) in &groups {
                proptest::prop_assert!(*rank <= places);
                let p = group[0].points;
                proptest::prop_assert!(p > 0);
                proptest::prop_assert!(last.is_none_or(|l| l > p), "groups best first, one per score");
                last = Some(p);
                for row in group {
                    proptest::prop_assert_eq!(row.points, p);
                    proptest::prop_assert_eq!(board[&row.member_id], *rank);
                    proptest::prop_assert!(on_podium.insert(row.member_id));
                }
            }
            for row in &rows {
                let belongs = row.points > 0 && board[&row.member_id] <= places;
                proptest::prop_assert_eq!(belongs, on_podium.contains(&row.member_id));
            }
            let text = podium_lines(&texts(), &rows, places);
            proptest::prop_assert_eq!(text.lines().count(), 1 + groups.len().max(1));
            proptest::prop_assert!(!text.contains("– 0 point"));
        }
    }
}
