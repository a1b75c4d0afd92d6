//! Mock exams under exam conditions (`/examen`): the whole subject for the class at once, one
//! clock for the paper, each student moving freely through every question.
//!
//! - A teacher launches it (`/examen lancer [minutes:180]`): no quiz may run, one exam at a
//!   time; the channel gets the countdown and the time suggested per dossier from the barème.
//! - A student's copy opens at their first step. Numeric parts are saved without feedback (an
//!   unreadable answer is said so, never judged); written answers (every question with a grid)
//!   are drafted and replaced until handed in. Every step is stored at once: a restart loses
//!   nothing and the clock, an absolute deadline, resumes.
//! - While it runs, a student gets no hint, no `/kpi`, no model answer, no practice, no draft
//!   feedback, and no computed figure in any picture ([`super::sight`] seals every KPI).
//! - `/examen rendre` hands a copy in early; the deadline or `/examen arreter` (teacher) ends
//!   the exam for everyone. A locked copy's numeric answers are judged at once; its drafts
//!   become written answers for the teachers to mark on their grids (`/corriger`). The marks
//!   (`play::marks`) read both.
//! - `/examen copies [eleve:…]` gives the teacher each copy as one printable HTML document
//!   ([`super::paper`]); `/examen bonus` sets the « copie conforme » bonus.

use super::command::{Attachment, ChannelRef, Reply};
use super::live::LiveExam;
use super::scoring::from_milli;
use super::{Ctx, Inner};
use crate::case::Case;
use crate::format::echo;
use crate::msg;
use crate::store::exams::{self as db, ExamId, Locked};
use crate::store::{self, ClassId, MemberId};
use anyhow::Context;
use rust_decimal::Decimal;
use std::sync::Arc;

fn private(text: String) -> anyhow::Result<Vec<Reply>> {
    Ok(vec![Reply::private(text)])
}

/// « 2 h 10 », « 45 min », « moins d’une minute ».
pub(crate) fn duration_text(inner: &Inner, ms: i64) -> String {
    let m = inner.messages();
    let minutes = ms.max(0) / 60_000;
    match (minutes / 60, minutes % 60) {
        (0, 0) => m.text(&msg::ExamLessThanAMinute),
        (0, min) => format!("{min} min"),
        (h, 0) => format!("{h} h"),
        (h, min) => format!("{h} h {min:02}"),
    }
}

/// The time suggested per dossier: the paper's minutes in proportion to its points, rounded to
/// the step; the last dossier takes what is left, so the times add up to the paper's.
pub(crate) fn suggested_minutes(case: &Case, minutes: u32, step: u32) -> Vec<(String, u32)> {
    let total = case.meta.total_points;
    let mut out = Vec::new();
    let mut used = 0u32;
    for (i, d) in case.dossiers.iter().enumerate() {
        let share = if i + 1 == case.dossiers.len() {
            minutes.saturating_sub(used)
        } else {
            let exact = Decimal::from(minutes)
                .checked_mul(d.points)
                .and_then(|v| v.checked_div(total))
                .unwrap_or_default();
            let steps = crate::format::round(exact / Decimal::from(step.max(1)), 0);
            let rounded = u32::try_from(steps.mantissa()).unwrap_or(0) * step.max(1);
            rounded.min(minutes.saturating_sub(used))
        };
        used += share;
        out.push((d.id.clone(), share));
    }
    out
}

/// What a running exam refuses: to students, every help (hints, `/kpi`, model answers,
/// practice, draft feedback, self-assessment) and answers outside the copy; to teachers, a
/// quiz. `None`: the command goes on.
pub(crate) async fn refusal(
    inner: &Inner,
    who: &super::Who,
    command: &super::command::Command,
) -> Option<String> {
    use super::command::Command as C;
    let blocked_for_students = matches!(
        command,
        C::Kpi { .. }
            | C::Interpret { .. }
            | C::Reflexion
            | C::Practice { .. }
            | C::Hint { .. }
            | C::GiveUp
            | C::DraftCheck { .. }
            | C::ModelAnswer { .. }
            | C::WrittenAnswer { .. }
            | C::SelfAssess { .. }
            | C::LinkedinModels
    );
    let answer = matches!(command, C::Answer { .. });
    let quiz = matches!(command, C::QuizLaunch { .. });
    if !(blocked_for_students || answer || quiz) {
        return None;
    }
    let exam = running(inner, who.class.id).await?;
    let m = inner.messages();
    match (who.teacher, quiz, answer) {
        (_, true, _) => Some(m.text(&msg::ExamQuizRefused)),
        (true, false, _) => None,
        (false, false, true) => Some(m.text(&msg::ExamAnswerHere)),
        (false, false, false) => Some(m.text(&msg::ExamRefused {
            left: &duration_text(inner, exam.deadline - inner.now()),
        })),
    }
}

/// The class's running exam, if any.
pub(crate) async fn running(inner: &Inner, class: i64) -> Option<LiveExam> {
    inner.class_live(class).lock().await.exam.clone()
}

/// Puts the running exams back in memory at start-up (their copies are in the database).
pub(crate) async fn restore(inner: &Arc<Inner>) -> anyhow::Result<()> {
    for row in db::running(&inner.store.write).await? {
        let live = inner.class_live(row.class_id.0);
        live.lock().await.exam = Some(LiveExam {
            id: row.id.0,
            case_id: row.case_id,
            channel: ChannelRef {
                platform: row.platform,
                class_key: row.platform_id,
                channel: row.channel_id,
            },
            started_at: row.started_at,
            deadline: row.deadline_at,
            reminders: usize::try_from(row.reminders).unwrap_or(0),
        });
    }
    Ok(())
}

/// `/examen lancer [minutes]`: the whole subject, for everyone, from now.
pub async fn launch(cx: &Ctx<'_>, minutes: Option<u32>) -> anyhow::Result<Vec<Reply>> {
    let Ctx {
        inner, who, case, ..
    } = *cx;
    let m = inner.messages();
    let s = &inner.settings.exam;
    let minutes = minutes.unwrap_or(s.default_minutes);
    if !(s.min_minutes..=s.max_minutes).contains(&minutes) {
        return private(m.text(&msg::ExamBadMinutes {
            min: &s.min_minutes.to_string(),
            max: &s.max_minutes.to_string(),
        }));
    }
    let live = inner.class_live(who.class.id);
    let mut guard = live.lock().await;
    if guard.quiz.is_some() {
        return private(m.text(&msg::ExamQuizRunning));
    }
    if guard.exam.is_some() {
        return private(m.text(&msg::ExamAlreadyRunning));
    }
    let now = inner.now();
    let deadline = now + i64::from(minutes) * 60_000;
    let place = &cx.request.place;
    let inserted = db::insert(
        &inner.store.write,
        &db::NewExam {
            class_id: who.class_id(),
            channel_id: &place.channel,
            case_id: &case.meta.id,
            launched_by: who.member(),
            started_at: now,
            deadline_at: deadline,
        },
    )
    .await?;
    let Some(id) = inserted else {
        return private(m.text(&msg::ExamAlreadyRunning));
    };
    guard.exam = Some(LiveExam {
        id: id.0,
        case_id: case.meta.id.clone(),
        channel: ChannelRef {
            platform: place.platform.clone(),
            class_key: place.class_key.clone(),
            channel: place.channel.clone(),
        },
        started_at: now,
        deadline,
        reminders: 0,
    });
    drop(guard);
    inner.wake.notify_one();
    let times: Vec<String> = suggested_minutes(case, minutes, s.suggested_step_minutes)
        .into_iter()
        .map(|(d, min)| {
            let dossier = case.dossier(&d);
            let points = dossier.map(|x| x.points).unwrap_or_default();
            m.text(&msg::ExamSuggested {
                dossier: &d,
                title: &dossier.map_or_else(String::new, |x| echo(&x.title)),
                points: &crate::render::points(m, points),
                time: &duration_text(inner, i64::from(min) * 60_000),
            })
        })
        .collect();
    let text = m.text(&msg::ExamLaunched {
        case: &echo(&case.meta.title),
        session: &case.meta.session.to_string(),
        duration: &duration_text(inner, i64::from(minutes) * 60_000),
        times: &times.join("\n"),
    });
    Ok(vec![Reply::channel(text).with_deadline(deadline)])
}

/// The running exam a student works on, and the exam's subject; or the reply that says why not.
async fn student_exam(
    cx: &Ctx<'_>,
) -> anyhow::Result<Result<(LiveExam, Arc<crate::pack::CasePack>), String>> {
    let Ctx { inner, who, .. } = *cx;
    let m = inner.messages();
    if who.teacher {
        return Ok(Err(m.text(&msg::ExamStudentsOnly)));
    }
    let Some(exam) = running(inner, who.class.id).await else {
        return Ok(Err(m.text(&msg::ExamNone)));
    };
    let Some(case) = inner.case_in(who.class.id, &exam.case_id) else {
        return Ok(Err(m.text(&msg::ExamNone)));
    };
    Ok(Ok((exam, case)))
}

/// Opens the student's copy if needed; `Err(reply)` when it is locked (handed in).
async fn open_copy(cx: &Ctx<'_>, exam: &LiveExam) -> anyhow::Result<Result<(), String>> {
    let Ctx { inner, who, .. } = *cx;
    let db = &inner.store.write;
    db::open_copy(db, ExamId(exam.id), who.member(), inner.now()).await?;
    let copy = db::copy(db, ExamId(exam.id), who.member()).await?;
    if copy.is_some_and(|c| c.locked_at.is_some()) {
        return Ok(Err(inner.messages().text(&msg::ExamHandedInAlready)));
    }
    Ok(Ok(()))
}

/// `/examen copie`: where the student's copy is, question by question, and the time left.
pub async fn status(cx: &Ctx<'_>) -> anyhow::Result<Vec<Reply>> {
    let Ctx { inner, who, .. } = *cx;
    let m = inner.messages();
    let (exam, case) = match student_exam(cx).await? {
        Ok(found) => found,
        Err(text) => return private(text),
    };
    let locked = open_copy(cx, &exam).await?;
    let db = &inner.store.write;
    let answers = db::answers(db, ExamId(exam.id), Some(who.member())).await?;
    let drafts = db::drafts(db, ExamId(exam.id), Some(who.member())).await?;
    let mut lines = vec![m.text(&msg::ExamCopyHeader {
        case: &echo(&case.meta.title),
        left: &duration_text(inner, exam.deadline - inner.now()),
    })];
    for q in &case.questions {
        let done = q
            .parts
            .iter()
            .filter(|p| answers.iter().any(|a| a.part_id == p.id))
            .count();
        let written = case.grid(&q.id).map(|_| {
            if drafts.iter().any(|d| d.question_id == q.id) {
                m.text(&msg::ExamWrittenSaved)
            } else {
                m.text(&msg::ExamWrittenMissing)
            }
        });
        let parts = (!q.parts.is_empty()).then(|| {
            m.text(&msg::ExamPartsDone {
                done: &done.to_string(),
                n: &q.parts.len().to_string(),
            })
        });
        let what: Vec<String> = parts.into_iter().chain(written).collect();
        lines.push(m.text(&msg::ExamCopyLine {
            question: &q.id,
            what: &what.join(" · "),
        }));
    }
    match locked {
        Ok(()) => lines.push(
            m.text(&msg::ExamHowTo {
                part: &case
                    .questions
                    .iter()
                    .flat_map(|q| &q.parts)
                    .next()
                    .map_or_else(String::new, |p| p.id.clone()),
                question: &case
                    .grids
                    .first()
                    .map_or_else(String::new, |g| g.question.clone()),
            }),
        ),
        Err(text) => lines.push(text),
    }
    Ok(vec![
        Reply::private(lines.join("\n")).with_deadline(exam.deadline)
    ])
}

/// `/examen repondre partie:… reponse:…`: saves a numeric answer, without feedback.
pub async fn answer(cx: &Ctx<'_>, part: &str, text: &str) -> anyhow::Result<Vec<Reply>> {
    let Ctx { inner, who, .. } = *cx;
    let m = inner.messages();
    let (exam, case) = match student_exam(cx).await? {
        Ok(found) => found,
        Err(text) => return private(text),
    };
    let Some((_, p)) = case.part(part) else {
        let parts: Vec<&str> = case
            .questions
            .iter()
            .flat_map(|q| q.parts.iter().map(|p| p.id.as_str()))
            .collect();
        return private(m.text(&msg::ExamUnknownPart {
            part: &echo(part),
            first: parts.first().copied().unwrap_or_default(),
            last: parts.last().copied().unwrap_or_default(),
        }));
    };
    let text = text.trim();
    if text.is_empty() || text.chars().count() > 200 {
        return private(m.text(&msg::ExamAnswerLength));
    }
    if case.check(p.kpi, text).verdict == crate::check::Verdict::Invalid {
        return private(m.text(&msg::ExamUnreadable {
            part: &p.id,
            answer: &echo(text),
        }));
    }
    let live = inner.class_live(who.class.id);
    let _guard = live.lock().await;
    if let Err(text) = open_copy(cx, &exam).await? {
        return private(text);
    }
    db::save_answer(
        &inner.store.write,
        ExamId(exam.id),
        who.member(),
        &p.id,
        text,
        inner.now(),
    )
    .await?;
    private(m.text(&msg::ExamAnswerSaved {
        part: &p.id,
        answer: &echo(text),
        left: &duration_text(inner, exam.deadline - inner.now()),
    }))
}

/// `/examen rediger question:…`: saves (or replaces) the written answer of a question.
pub async fn write(cx: &Ctx<'_>, question: &str, text: &str) -> anyhow::Result<Vec<Reply>> {
    let Ctx { inner, who, .. } = *cx;
    let m = inner.messages();
    let (exam, case) = match student_exam(cx).await? {
        Ok(found) => found,
        Err(text) => return private(text),
    };
    let Some(grid) = case.grid(question.trim()) else {
        let list: Vec<&str> = case.grids.iter().map(|g| g.question.as_str()).collect();
        return private(m.text(&msg::ExamUnknownQuestion {
            question: &echo(question),
            list: &list.join(", "),
        }));
    };
    let max = inner.settings.workshop.max_text_characters;
    let count = crate::format::typed_chars(text);
    if text.trim().is_empty() {
        return private(m.text(&msg::ExamDraftEmpty));
    }
    if count > max {
        return private(m.text(&msg::WorkshopTextTooLong {
            count: &count.to_string(),
            max: &max.to_string(),
        }));
    }
    let live = inner.class_live(who.class.id);
    let _guard = live.lock().await;
    if let Err(text) = open_copy(cx, &exam).await? {
        return private(text);
    }
    db::save_draft(
        &inner.store.write,
        ExamId(exam.id),
        who.member(),
        &grid.question,
        text.trim(),
        inner.now(),
    )
    .await?;
    private(m.text(&msg::ExamDraftSaved {
        question: &grid.question,
        characters: &count.to_string(),
        left: &duration_text(inner, exam.deadline - inner.now()),
    }))
}

/// The draft a student saved for a question of the running exam (what a form shows again).
pub(crate) async fn draft_of(
    inner: &Inner,
    class: i64,
    member: MemberId,
    question: &str,
) -> anyhow::Result<Option<String>> {
    let Some(exam) = running(inner, class).await else {
        return Ok(None);
    };
    let drafts = db::drafts(&inner.store.read, ExamId(exam.id), Some(member)).await?;
    Ok(drafts
        .into_iter()
        .find(|d| d.question_id == question)
        .map(|d| d.text))
}

/// `/examen rendre [confirmer]`: hands the copy in (without `confirm`, says what it holds).
pub async fn hand_in(cx: &Ctx<'_>, confirm: bool) -> anyhow::Result<Vec<Reply>> {
    let Ctx { inner, who, .. } = *cx;
    let m = inner.messages();
    let (exam, case) = match student_exam(cx).await? {
        Ok(found) => found,
        Err(text) => return private(text),
    };
    let live = inner.class_live(who.class.id);
    let _guard = live.lock().await;
    if let Err(text) = open_copy(cx, &exam).await? {
        return private(text);
    }
    let db = &inner.store.write;
    let answers = db::answers(db, ExamId(exam.id), Some(who.member())).await?;
    let drafts = db::drafts(db, ExamId(exam.id), Some(who.member())).await?;
    let parts = case.questions.iter().map(|q| q.parts.len()).sum::<usize>();
    if !confirm {
        return private(m.text(&msg::ExamHandInConfirm {
            parts: &answers.len().to_string(),
            of_parts: &parts.to_string(),
            written: &drafts.len().to_string(),
            of_written: &case.grids.len().to_string(),
            left: &duration_text(inner, exam.deadline - inner.now()),
        }));
    }
    lock(
        inner,
        who.class_id(),
        &exam,
        &case,
        who.member(),
        Locked::HandedIn,
    )
    .await?;
    private(m.text(&msg::ExamHandedIn))
}

/// Locks a copy: judges its numeric answers and hands its drafts in as written answers, in one
/// transaction; nothing when it was locked already.
async fn lock(
    inner: &Inner,
    class: ClassId,
    exam: &LiveExam,
    case: &crate::pack::CasePack,
    member: MemberId,
    how: Locked,
) -> anyhow::Result<()> {
    let now = inner.now();
    let mut tx = inner.store.begin().await?;
    if !db::lock_copy(&mut *tx, ExamId(exam.id), member, how, now).await? {
        return Ok(());
    }
    for a in db::answers(&mut *tx, ExamId(exam.id), Some(member)).await? {
        let Some((_, p)) = case.part(&a.part_id) else {
            continue;
        };
        let outcome = case.check(p.kpi, &a.input);
        let mistake = match &outcome.reason {
            crate::check::Reason::Mistake(mk) => Some(mk.id()),
            _ => None,
        };
        let verdict = store::answers::Verdict::of(outcome.verdict);
        db::set_verdict(
            &mut *tx,
            ExamId(exam.id),
            member,
            &a.part_id,
            verdict,
            mistake,
        )
        .await?;
    }
    for d in db::drafts(&mut *tx, ExamId(exam.id), Some(member)).await? {
        db::insert_written(&mut *tx, class, ExamId(exam.id), &d, &case.meta.id, now).await?;
    }
    tx.commit().await.context("locking an exam copy")?;
    Ok(())
}

/// `/examen arreter`: ends the exam for everyone now.
pub async fn stop(cx: &Ctx<'_>) -> anyhow::Result<Vec<Reply>> {
    let Ctx { inner, who, .. } = *cx;
    let m = inner.messages();
    let live = inner.class_live(who.class.id);
    let mut guard = live.lock().await;
    let Some(exam) = guard.exam.clone() else {
        return private(m.text(&msg::ExamNone));
    };
    let copies = end(inner, who.class.id, &exam, true).await?;
    guard.exam = None;
    drop(guard);
    private(m.text(&msg::ExamStopped {
        copies: &m.text(&msg::ExamNCollected {
            n: &copies.to_string(),
        }),
    }))
}

/// Ends an exam (time up, or stopped): every open copy is locked, the exam stored as ended,
/// the class told in the channel and each student privately. Returns the number of copies.
/// The caller holds the class's lock and clears its live exam.
async fn end(inner: &Inner, class: i64, exam: &LiveExam, stopped: bool) -> anyhow::Result<usize> {
    let m = inner.messages();
    let how = if stopped {
        Locked::Stopped
    } else {
        Locked::Time
    };
    let copies = db::copies(&inner.store.write, ExamId(exam.id)).await?;
    if let Some(case) = inner.case_in(class, &exam.case_id) {
        for c in copies.iter().filter(|c| c.locked_at.is_none()) {
            lock(inner, ClassId(class), exam, &case, c.member_id, how).await?;
        }
    }
    db::end(&inner.store.write, ExamId(exam.id), stopped, inner.now()).await?;
    let announcement = m.text(&msg::ExamEnded {
        copies: &m.text(&msg::ExamNCollected {
            n: &copies.len().to_string(),
        }),
        why: &if stopped {
            m.text(&msg::ExamEndedStopped)
        } else {
            m.text(&msg::ExamEndedTime)
        },
    });
    if let Err(e) = inner
        .outbox
        .post(&exam.channel, Reply::channel(announcement))
        .await
    {
        tracing::warn!(error = %e, exam = exam.id, "end of exam not posted");
    }
    let works = super::marks::class_works(inner, class).await?;
    let work = works
        .iter()
        .find(|w| w.id == super::marks::WorkId::Exam(exam.id));
    for c in &copies {
        let sheet = work.and_then(|w| w.sheet_of(c.member_id));
        let (earned, max) = sheet.map_or((0, 0), |s| s.numeric());
        let text = m.text(&msg::ExamCopyMarked {
            points: &crate::format::number_trimmed(from_milli(earned), 3),
            max: &crate::render::points(m, from_milli(max)),
            written: &match sheet.map_or(0, |s| s.pending) {
                0 => String::new(),
                n => m.text(&msg::ExamCopyMarkedWritten { n: &n.to_string() }),
            },
        });
        if let Err(e) = inner
            .outbox
            .post(&exam.channel, Reply::to_user(c.platform_user.clone(), text))
            .await
        {
            tracing::warn!(error = %e, exam = exam.id, "exam mark not sent to a student");
        }
    }
    Ok(copies.len())
}

/// When the exam next needs the clock: its next reminder, else its deadline.
pub(crate) fn next_due(inner: &Inner, exam: &LiveExam) -> i64 {
    let reminders = &inner.settings.exam.reminders_minutes;
    reminders
        .iter()
        .skip(exam.reminders)
        .map(|min| exam.deadline - i64::from(*min) * 60_000)
        .find(|at| *at > exam.started_at)
        .map_or(exam.deadline, |at| at.min(exam.deadline))
}

/// Posts the reminders that are due and ends the exams whose time is up.
pub async fn tick(inner: &Arc<Inner>) {
    let lives: Vec<_> = match inner.live.lock() {
        Ok(live) => live.iter().map(|(k, v)| (*k, v.clone())).collect(),
        Err(_) => return,
    };
    for (class, live) in lives {
        let mut guard = live.lock().await;
        let Some(exam) = guard.exam.as_mut() else {
            continue;
        };
        let now = inner.now();
        if now >= exam.deadline {
            let ended = exam.clone();
            match end(inner, class, &ended, false).await {
                Ok(_) => guard.exam = None,
                Err(e) => {
                    tracing::error!(
                        error = format!("{e:#}"),
                        exam = ended.id,
                        "exam end failed; will retry"
                    )
                }
            }
            continue;
        }
        let reminders = &inner.settings.exam.reminders_minutes;
        while let Some(min) = reminders.get(exam.reminders) {
            let at = exam.deadline - i64::from(*min) * 60_000;
            if at > now {
                break;
            }
            exam.reminders += 1;
            if at <= exam.started_at {
                continue;
            }
            let n = i64::try_from(exam.reminders).unwrap_or(i64::MAX);
            if let Err(e) = db::set_reminders(&inner.store.write, ExamId(exam.id), n).await {
                tracing::warn!(error = %e, "exam reminder not recorded");
            }
            let text = inner.messages().text(&msg::ExamReminder {
                left: &duration_text(inner, exam.deadline - now),
            });
            let reply = Reply::channel(text).with_deadline(exam.deadline);
            if let Err(e) = inner.outbox.post(&exam.channel, reply).await {
                tracing::warn!(error = %e, "exam reminder not posted");
            }
        }
    }
}

/// The student a teacher names: a platform user id, or a display name (any case).
async fn find_student(
    inner: &Inner,
    exam: ExamId,
    given: &str,
) -> anyhow::Result<Option<db::CopyRow>> {
    let copies = db::copies(&inner.store.write, exam).await?;
    let given = given.trim().trim_start_matches('@');
    Ok(copies.into_iter().find(|c| {
        c.platform_user == given || c.display_name.to_lowercase() == given.to_lowercase()
    }))
}

/// The last exam of the class (running or ended), as the teacher's commands act on it.
async fn last_exam(inner: &Inner, class: i64) -> anyhow::Result<Option<ExamId>> {
    if let Some(live) = running(inner, class).await {
        return Ok(Some(ExamId(live.id)));
    }
    let ended = db::ended(&inner.store.write, ClassId(class)).await?;
    Ok(ended.last().map(|e| e.id))
}

/// `/examen bonus eleve:… points:…`: the « copie conforme aux exigences professionnelles »
/// bonus of a copy of the last exam (0 to `exam.max_bonus`; the total stays capped at the
/// subject's points).
pub async fn bonus(cx: &Ctx<'_>, student: &str, points: &str) -> anyhow::Result<Vec<Reply>> {
    let Ctx { inner, who, .. } = *cx;
    let m = inner.messages();
    let max = inner.settings.exam.max_bonus;
    let Some(exam) = last_exam(inner, who.class.id).await? else {
        return private(m.text(&msg::ExamNoneYet));
    };
    let value = crate::check::parse::parse_answer(points)
        .ok()
        .map(|p| p.value)
        .filter(|v| *v >= Decimal::ZERO && *v <= max);
    let milli = value.and_then(crate::case::to_milli);
    let Some(milli) = milli else {
        return private(m.text(&msg::ExamBadBonus {
            given: &echo(points),
            max: &crate::render::points(m, max),
        }));
    };
    let Some(copy) = find_student(inner, exam, student).await? else {
        return private(m.text(&msg::ExamNoCopyOf {
            student: &echo(student),
        }));
    };
    db::set_bonus(&inner.store.write, exam, copy.member_id, milli).await?;
    private(m.text(&msg::ExamBonusSet {
        student: &echo(&copy.display_name),
        points: &crate::render::points(m, from_milli(milli)),
    }))
}

/// `/examen copies [eleve:…]`: every copy of the last exam as one printable HTML document (a
/// page per copy), or one student's.
pub async fn papers(cx: &Ctx<'_>, student: Option<&str>) -> anyhow::Result<Vec<Reply>> {
    let Ctx { inner, who, .. } = *cx;
    let m = inner.messages();
    let class = who.class.id;
    let Some(exam) = last_exam(inner, class).await? else {
        return private(m.text(&msg::ExamNoneYet));
    };
    let mut copies = db::copies(&inner.store.write, exam).await?;
    if let Some(given) = student {
        match find_student(inner, exam, given).await? {
            Some(one) => copies.retain(|c| c.member_id == one.member_id),
            None => {
                return private(m.text(&msg::ExamNoCopyOf {
                    student: &echo(given),
                }))
            }
        }
    }
    if copies.is_empty() {
        return private(m.text(&msg::ExamNoCopies));
    }
    let exam_row = db::exam(&inner.store.write, exam).await?;
    let Some(case) = inner.case_in(class, &exam_row.case_id) else {
        return private(m.text(&msg::ExamNoneYet));
    };
    let answers = db::answers(&inner.store.write, exam, None).await?;
    let drafts = db::drafts(&inner.store.write, exam, None).await?;
    let handed = db::handed_in(&inner.store.write, ClassId(class), Some(exam)).await?;
    let html = super::paper::document(
        inner,
        &super::paper::Exam {
            case: &case,
            class_name: &cx.request.place.class_name,
            row: &exam_row,
            copies: &copies,
            answers: &answers,
            drafts: &drafts,
            handed_in: &handed,
        },
    );
    let name = match (student, copies.as_slice()) {
        (Some(_), [one]) => format!(
            "copie-examen-{}-{}.html",
            exam.0,
            super::sheets::sanitize(&one.display_name)
        ),
        _ => format!("copies-examen-{}.html", exam.0),
    };
    Ok(vec![Reply::private(m.text(&msg::ExamPapersReady {
        copies: &m.text(&msg::ExamNCopies {
            n: &copies.len().to_string(),
        }),
    }))
    .with_attachment(Attachment {
        name,
        mime: "text/html".into(),
        bytes: html.into_bytes(),
    })])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggested_times_follow_the_barème_and_add_up() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let case = crate::pack::load(&root.join("config/cases/arbre-cadeau")).expect("bundled");
        // 180 × 17/40 = 76,5 → 75; 180 × 15/40 = 67,5 → 70; the réflexion takes the rest: 35.
        assert_eq!(
            suggested_minutes(&case, 180, 5),
            vec![("1".into(), 75), ("2".into(), 70), ("R".into(), 35)]
        );
        let sixty = suggested_minutes(&case, 60, 5);
        assert_eq!(sixty.iter().map(|(_, m)| m).sum::<u32>(), 60);
    }
}
