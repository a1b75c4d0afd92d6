//! Timed quizzes: a teacher launches one in a channel; the engine asks one numeric part at a
//! time, starts its clock only once the question is posted, takes one scored answer per
//! student, closes on time (or, unless the teacher chose full time, once everyone taking part
//! has answered), says why it closed, reveals, and moves on.
//!
//! State lives in SQLite with absolute times (a restart resumes every quiz) and, for speed, in
//! memory per class behind one mutex that orders every change to that class's quiz.

use super::answering::{answer_row, hint_offer, parts_of, Judged};
use super::command::{Audience, Button, ButtonAction, ChannelRef, ItemRef, Reply, Request, Scope};
use super::live::{CloseReason, Item, LiveQuiz, QuizConfig, Status};
use super::posts::{self, PostError};
use super::scoring::{self, Milli, QuizAnswer};
use super::{Ctx, Inner, Who};
use crate::case::Case;
use crate::check::Verdict;
use crate::msg;
use crate::store::quizzes::{ItemClock, NewQuiz, QuizStatus};
use crate::store::{self, MemberId, QuizId, Stored};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Weak};
use std::time::Duration;
use tokio::sync::Notify;

pub struct LaunchOptions {
    pub scope: Scope,
    pub seconds_per_item: Option<u32>,
    pub total_minutes: Option<u32>,
    pub speed_bonus: bool,
    pub streak_bonus: bool,
    pub full_time: bool,
}

fn channel_of(request: &Request) -> ChannelRef {
    ChannelRef {
        platform: request.place.platform.clone(),
        class_key: request.place.class_key.clone(),
        channel: request.place.channel.clone(),
    }
}

/// `/quiz lancer`.
pub async fn launch(cx: &Ctx<'_>, options: LaunchOptions) -> anyhow::Result<Vec<Reply>> {
    let Ctx { inner, who, .. } = *cx;
    let request = cx.request;
    let m = inner.messages();
    let private = |text: String| Ok(vec![Reply::private(text)]);
    if let Some(channel) = &who.class.quiz_channel {
        if channel != &request.place.channel {
            return private(m.text(&msg::PlayQuizWrongChannel));
        }
    }
    let case = cx.case;
    let parts = match parts_of(case, &options.scope) {
        Ok(p) if !p.is_empty() => p,
        Ok(_) => return private(m.text(&msg::PlayQuizEmpty)),
        Err(id) => return private(crate::render::unknown_scope(m, case, &id)),
    };
    let q = &inner.settings.quiz;
    let seconds = match (options.seconds_per_item, options.total_minutes) {
        (Some(s), _) => s,
        (None, Some(total)) => (total.saturating_mul(60)) / parts.len().max(1) as u32,
        (None, None) => q.default_seconds_per_item,
    };
    if seconds < q.min_seconds_per_item || seconds > q.max_seconds_per_item {
        return private(m.text(&msg::PlayQuizBadTime {
            seconds: &seconds.to_string(),
            min: &q.min_seconds_per_item.to_string(),
            max: &q.max_seconds_per_item.to_string(),
        }));
    }
    let config = QuizConfig {
        seconds_per_item: seconds,
        speed_bonus: options.speed_bonus,
        streak_bonus: options.streak_bonus,
        full_time: options.full_time,
    };
    let live = inner.class_live(who.class.id);
    let mut guard = live.lock().await;
    if guard.quiz.is_some() {
        return private(m.text(&msg::PlayQuizAlready));
    }
    let now = inner.now();
    let mut tx = inner.store.begin().await?;
    let settings = serde_json::to_string(&config)?;
    let new = NewQuiz {
        class_id: who.class_id(),
        channel_id: &request.place.channel,
        case_id: &case.meta.id,
        launched_by: who.member(),
        settings: &settings,
        created_at: now,
    };
    let Some(QuizId(quiz_id)) = store::quizzes::insert(&mut *tx, &new).await? else {
        return private(m.text(&msg::PlayQuizAlready));
    };
    for (idx, (part_id, kpi, points)) in parts.iter().enumerate() {
        store::quizzes::insert_item(
            &mut *tx,
            QuizId(quiz_id),
            idx as i64,
            part_id,
            &case.kpis[*kpi].id,
            *points,
        )
        .await?;
    }
    tx.commit().await?;
    guard.quiz = Some(LiveQuiz {
        id: quiz_id,
        class_id: who.class.id,
        channel: channel_of(request),
        case_id: case.meta.id.clone(),
        status: Status::Running,
        config,
        items: parts
            .iter()
            .map(|(part_id, kpi, points)| Item {
                part_id: part_id.clone(),
                kpi: *kpi,
                points: *points,
                shown_at: None,
                deadline: None,
                limit_ms: None,
                closed_at: None,
                revealed_at: None,
                closed_by: None,
            })
            .collect(),
        current: 0,
        paused_left_ms: None,
        answered: HashMap::new(),
        players: HashSet::new(),
        streaks: HashMap::new(),
        hints: HashMap::new(),
        retry_at: now,
        failures: 0,
    });
    drop(guard);
    inner.wake.notify_one();
    tracing::info!(
        class = who.class.id,
        quiz = quiz_id,
        items = parts.len(),
        seconds,
        "quiz launched"
    );
    let total: Milli = scoring::sum_milli(parts.iter().map(|p| p.2));
    // The bonuses change what an answer earns: said at the launch, with their figures.
    let pct = |share: rust_decimal::Decimal| {
        crate::format::number_trimmed(share * rust_decimal::Decimal::ONE_HUNDRED, 1)
    };
    let q = &inner.settings.quiz;
    let mut bonuses = String::new();
    if options.speed_bonus {
        bonuses.push(' ');
        bonuses.push_str(&m.text(&msg::PlayQuizBonusSpeed {
            floor: &pct(q.speed_floor_share),
        }));
    }
    if options.streak_bonus {
        bonuses.push(' ');
        bonuses.push_str(&m.text(&msg::PlayQuizBonusStreak {
            step: &pct(q.streak_step_share),
            cap: &pct(q.streak_cap_share),
        }));
    }
    // How a question ends, so the teacher knows what the option changes.
    bonuses.push(' ');
    bonuses.push_str(&m.text(&if options.full_time {
        msg::PlayQuizFullTime.plain()
    } else {
        msg::PlayQuizEarlyClose.plain()
    }));
    private(m.text(&msg::PlayQuizLaunched {
        questions: &m.text(&msg::CountQuestion {
            n: &parts.len().to_string(),
        }),
        seconds: &seconds.to_string(),
        points: &crate::render::points(m, scoring::from_milli(total)),
        bonuses: &bonuses,
    }))
}

/// Runs `f` on the class's live quiz, if any.
async fn with_quiz<T>(
    inner: &Arc<Inner>,
    who: &Who,
    f: impl FnOnce(&Inner, &mut LiveQuiz) -> anyhow::Result<T>,
) -> anyhow::Result<Option<T>> {
    let live = inner.class_live(who.class.id);
    let mut guard = live.lock().await;
    match guard.quiz.as_mut() {
        Some(quiz) => Ok(Some(f(inner, quiz)?)),
        None => Ok(None),
    }
}

async fn save_clock(inner: &Inner, quiz: &LiveQuiz) -> anyhow::Result<()> {
    let status = match quiz.status {
        Status::Running => QuizStatus::Running,
        Status::Paused => QuizStatus::Paused,
    };
    let id = QuizId(quiz.id);
    let mut tx = inner.store.begin().await?;
    store::quizzes::set_clock(
        &mut *tx,
        id,
        status,
        quiz.current as i64,
        quiz.paused_left_ms,
    )
    .await?;
    if let Some(item) = quiz.items.get(quiz.current) {
        let clock = ItemClock {
            shown_at: item.shown_at,
            deadline_at: item.deadline,
            limit_ms: item.limit_ms,
            closed_at: item.closed_at,
            revealed_at: item.revealed_at,
        };
        store::quizzes::set_item_clock(&mut *tx, id, quiz.current as i64, &clock).await?;
    }
    tx.commit().await?;
    Ok(())
}

fn no_quiz(inner: &Inner) -> Vec<Reply> {
    vec![Reply::private(inner.messages().text(&msg::PlayQuizNone))]
}

/// `/quiz pause`.
pub async fn pause(cx: &Ctx<'_>) -> anyhow::Result<Vec<Reply>> {
    let Ctx { inner, who, .. } = *cx;
    let live = inner.class_live(who.class.id);
    let mut guard = live.lock().await;
    let Some(quiz) = guard.quiz.as_mut() else {
        return Ok(no_quiz(inner));
    };
    let m = inner.messages();
    if quiz.status == Status::Paused {
        return Ok(vec![Reply::private(m.text(&msg::PlayQuizAlreadyPaused))]);
    }
    let now = inner.now();
    quiz.status = Status::Paused;
    if let Some(item) = quiz.items.get_mut(quiz.current) {
        if let (Some(deadline), None) = (item.deadline, item.closed_at) {
            quiz.paused_left_ms = Some((deadline - now).max(0));
            item.deadline = None;
        }
    }
    save_clock(inner, quiz).await?;
    Ok(vec![Reply::channel(m.text(&msg::PlayQuizPaused))])
}

/// `/quiz reprendre`.
pub async fn resume(cx: &Ctx<'_>) -> anyhow::Result<Vec<Reply>> {
    let Ctx { inner, who, .. } = *cx;
    let live = inner.class_live(who.class.id);
    let mut guard = live.lock().await;
    let Some(quiz) = guard.quiz.as_mut() else {
        return Ok(no_quiz(inner));
    };
    let m = inner.messages();
    if quiz.status == Status::Running {
        return Ok(vec![Reply::private(m.text(&msg::PlayQuizNotPaused))]);
    }
    let now = inner.now();
    quiz.status = Status::Running;
    let mut deadline = None;
    if let Some(left) = quiz.paused_left_ms.take() {
        if let Some(item) = quiz.items.get_mut(quiz.current) {
            item.deadline = Some(now + left);
            deadline = item.deadline;
        }
    }
    quiz.retry_at = now;
    save_clock(inner, quiz).await?;
    drop(guard);
    inner.wake.notify_one();
    let reply = Reply::channel(m.text(&msg::PlayQuizResumed));
    Ok(vec![match deadline {
        Some(d) => reply.with_deadline(d),
        None => reply,
    }])
}

/// `/quiz suivante`: closes the current question now.
pub async fn skip(cx: &Ctx<'_>) -> anyhow::Result<Vec<Reply>> {
    let Ctx { inner, who, .. } = *cx;
    let done = with_quiz(inner, who, |inner, quiz| {
        let now = inner.now();
        if let Some(item) = quiz.items.get_mut(quiz.current) {
            if item.shown_at.is_none() {
                item.shown_at = Some(now);
            }
            if item.closed_at.is_none() {
                item.deadline = Some(now);
                item.closed_by = Some(CloseReason::Teacher);
            }
        }
        quiz.paused_left_ms = None;
        quiz.status = Status::Running;
        quiz.retry_at = now;
        Ok(())
    })
    .await?;
    if done.is_none() {
        return Ok(no_quiz(inner));
    }
    inner.wake.notify_one();
    Ok(vec![Reply::private(
        inner.messages().text(&msg::PlayQuizSkipped),
    )])
}

/// `/quiz prolonger`.
pub async fn extend(cx: &Ctx<'_>, seconds: u32) -> anyhow::Result<Vec<Reply>> {
    let Ctx { inner, who, .. } = *cx;
    let m = inner.messages();
    let max = inner.settings.quiz.max_extend_seconds;
    if seconds == 0 || seconds > max {
        return Ok(vec![Reply::private(m.text(&msg::PlayQuizBadExtend {
            max: &max.to_string(),
        }))]);
    }
    let live = inner.class_live(who.class.id);
    let mut guard = live.lock().await;
    let Some(quiz) = guard.quiz.as_mut() else {
        return Ok(no_quiz(inner));
    };
    let ms = i64::from(seconds) * 1000;
    let mut deadline = None;
    if let Some(left) = quiz.paused_left_ms.as_mut() {
        *left += ms;
        if let Some(item) = quiz.items.get_mut(quiz.current) {
            item.limit_ms = item.limit_ms.map(|l| l + ms);
        }
    } else if let Some(item) = quiz.items.get_mut(quiz.current) {
        match (item.deadline, item.closed_at) {
            (Some(d), None) => {
                item.deadline = Some(d + ms);
                item.limit_ms = item.limit_ms.map(|l| l + ms);
                deadline = item.deadline;
            }
            _ => return Ok(vec![Reply::private(m.text(&msg::PlayQuizNothingOpen))]),
        }
    }
    save_clock(inner, quiz).await?;
    drop(guard);
    inner.wake.notify_one();
    let reply = Reply::channel(m.text(&msg::PlayQuizExtended {
        seconds: &seconds.to_string(),
    }));
    Ok(vec![match deadline {
        Some(d) => reply.with_deadline(d),
        None => reply,
    }])
}

/// `/quiz arreter`: ends the quiz now; the answers given so far keep their points.
///
/// Like a quiz that runs to its end, what the class is told (the announcement, the open
/// question's correction, the podium, the pictures and each player's summary) is stored as
/// end-of-quiz posts in the transaction that marks the quiz stopped, and sent from those rows
/// (after a restart too): a crash in that instant neither loses nor doubles them. The teacher's
/// own reply only says so.
pub async fn stop(cx: &Ctx<'_>) -> anyhow::Result<Vec<Reply>> {
    let Ctx { inner, who, .. } = *cx;
    let live = inner.class_live(who.class.id);
    let mut guard = live.lock().await;
    let Some(mut quiz) = guard.quiz.clone() else {
        return Ok(no_quiz(inner));
    };
    let now = inner.now();
    inner.writer.flush().await?;
    let mut replies = vec![Reply::channel(inner.messages().text(&msg::PlayQuizStopped))];
    // The question that was open gets its correction, like any other.
    let open = quiz
        .items
        .get(quiz.current)
        .is_some_and(|i| i.shown_at.is_some() && i.revealed_at.is_none());
    let revealed = match (open, inner.case_in(quiz.class_id, &quiz.case_id)) {
        (true, Some(case)) => {
            if let Some(item) = quiz.items.get_mut(quiz.current) {
                if item.closed_at.is_none() && item.closed_by.is_none() {
                    item.closed_by = Some(CloseReason::Stopped);
                }
            }
            replies.push(reveal_reply(inner, &case, &quiz, quiz.current).await?);
            Some(quiz.current as i64)
        }
        _ => None,
    };
    replies.extend(final_replies(inner, &quiz).await?);

    let mut tx = inner.store.begin().await?;
    store::quizzes::mark_stopped(&mut *tx, QuizId(quiz.id), now).await?;
    store::quizzes::close_items(&mut *tx, QuizId(quiz.id), now).await?;
    if let Some(idx) = revealed {
        store::quizzes::mark_revealed(&mut *tx, QuizId(quiz.id), idx, now).await?;
    }
    posts::record_end(&mut tx, quiz.id, &quiz.channel, &replies, now).await?;
    tx.commit().await?;
    // Stored: the quiz is over for the engine too. Sent now, still under the class lock so
    // that nothing the class does next (a new quiz) comes before; what fails is retried by
    // the scheduler.
    guard.quiz = None;
    if let Err(e) = posts::deliver_due(inner).await {
        tracing::error!(
            error = format!("{e:#}"),
            quiz = quiz.id,
            "end-of-quiz posts not sent; will retry"
        );
    }
    drop(guard);
    inner.wake.notify_one();
    Ok(vec![Reply::private(stopped_ack(
        inner, &quiz, revealed, &replies,
    ))])
}

/// The teacher's reply to `/quiz arreter`: how far the quiz went and what the class receives.
fn stopped_ack(inner: &Inner, quiz: &LiveQuiz, revealed: Option<i64>, sent: &[Reply]) -> String {
    let m = inner.messages();
    let asked = quiz.items.iter().filter(|i| i.shown_at.is_some()).count();
    let mut parts = vec![m.text(&msg::PlayQuizStoppedSentAnnouncement)];
    let open = revealed.and_then(|idx| quiz.items.get(usize::try_from(idx).ok()?));
    if let Some(item) = open {
        parts.push(m.text(&msg::PlayQuizStoppedSentReveal { id: &item.part_id }));
    }
    parts.push(m.text(&msg::PlayQuizStoppedSentPodium));
    let summaries = sent
        .iter()
        .filter(|r| matches!(r.audience, Audience::User(_)))
        .count();
    if summaries > 0 {
        parts.push(m.text(&msg::PlayQuizStoppedSentSummaries {
            n: &summaries.to_string(),
        }));
    }
    let last = parts.pop().unwrap_or_default();
    let list = if parts.is_empty() {
        last
    } else {
        m.text(&msg::PlayQuizStoppedSentAnd {
            rest: &parts.join(", "),
            last: &last,
        })
    };
    m.text(&msg::PlayQuizStoppedAck {
        asked: &asked.to_string(),
        total: &quiz.items.len().to_string(),
        sent: &list,
    })
}

/// How a quiz judges what the checker says. A « % » on a ratio whose number is right is a free
/// retry in practice, where it teaches the right form; in a quiz, a free retry on right digits
/// only would tell the student, before the correction, that her digits are right. So the quiz
/// takes it as her answer, judged as the right number with a wrong unit (« presque »), like
/// « +0,8 % » for a gap in points.
fn quiz_outcome(outcome: crate::check::Outcome) -> crate::check::Outcome {
    match outcome.reason {
        crate::check::Reason::PercentOnRatio { written, decimals } => crate::check::Outcome {
            verdict: Verdict::Close,
            reason: crate::check::Reason::WrongUnit,
            given: Some(written),
            given_decimals: decimals,
            given_unit: None,
        },
        _ => outcome,
    }
}

/// The open item a request may act on, or the French reason why none.
fn open_item(
    inner: &Inner,
    quiz: &LiveQuiz,
    target: Option<ItemRef>,
    now: i64,
    refusals: Refusals,
) -> Result<usize, String> {
    let m = inner.messages();
    if let Some(t) = target {
        if t.quiz != quiz.id || t.item != quiz.current as i64 {
            return Err(m.text(&refusals.closed));
        }
    }
    if quiz.status == Status::Paused {
        return Err(m.text(&refusals.paused));
    }
    let Some(item) = quiz.items.get(quiz.current) else {
        return Err(m.text(&msg::PlayQuizNothingOpen));
    };
    match (item.shown_at, item.deadline, item.closed_at) {
        (Some(_), Some(deadline), None) if now < deadline => Ok(quiz.current),
        (None, _, _) => Err(m.text(&msg::PlayQuizNothingOpen)),
        _ => Err(m.text(&refusals.closed)),
    }
}

/// What to say when a question is closed or the quiz paused: for an answer, or for a hint.
#[derive(Clone, Copy)]
struct Refusals {
    closed: msg::Plain,
    paused: msg::Plain,
    already: msg::Plain,
    /// The question before the open one has just closed (see [`just_closed`]): its id, then the
    /// open one's.
    just_closed: fn(&crate::prompts::Prompts, &str, &str) -> String,
}

const FOR_ANSWER: Refusals = Refusals {
    closed: msg::PlayQuizItemClosed.plain(),
    paused: msg::PlayQuizIsPaused.plain(),
    already: msg::PlayQuizAlreadyAnswered.plain(),
    just_closed: |m, id, next| m.text(&msg::PlayQuizJustClosed { id, next }),
};

const FOR_HINT: Refusals = Refusals {
    closed: msg::PlayHintClosed.plain(),
    paused: msg::PlayHintPaused.plain(),
    already: msg::PlayHintAfterAnswer.plain(),
    just_closed: |m, id, next| m.text(&msg::PlayHintJustClosed { id, next }),
};

/// The open item a student's request is about, or the refusal to answer instead (nothing open,
/// closed, paused, or already answered), worded by `refusals`.
///
/// While a class's quiz runs, every `/repondre` and `/indice` of its members is for the quiz,
/// from any channel: practice waits for the end of the quiz (see `practice`), so an answer can
/// never be scored on a question other than the one its receipt names.
fn item_for(
    inner: &Inner,
    who: &Who,
    quiz: &mut LiveQuiz,
    target: Option<ItemRef>,
    now: i64,
    refusals: Refusals,
) -> Result<usize, Vec<Reply>> {
    let idx = open_item(inner, quiz, target, now, refusals).map_err(|t| vec![Reply::private(t)])?;
    if target.is_none() {
        if let Some(id) = just_closed(quiz, who, idx, now) {
            let text = (refusals.just_closed)(inner.messages(), id, &quiz.items[idx].part_id);
            // She takes part: the open question waits for her answer too.
            quiz.players.insert(who.member_id);
            return Err(vec![Reply::private(text)]);
        }
    }
    if quiz
        .answered
        .get(&idx)
        .is_some_and(|s| s.contains(&who.member_id))
    {
        let text = inner.messages().text(&refusals.already);
        return Err(vec![Reply::private(text)]);
    }
    Ok(idx)
}

/// How long after a question opens a request that names no question (a typed `/repondre`)
/// may still be meant for the question before it: nobody reads and computes a question in
/// less, and a question can close early while a student is typing her answer to it.
const JUST_CLOSED_MS: i64 = 3_000;

/// The question before `idx` when it closed a moment ago, `idx` opened a moment ago, and the
/// student had not answered it: her request was most likely meant for it, so it is refused
/// rather than taken for the new question.
fn just_closed<'q>(quiz: &'q LiveQuiz, who: &Who, idx: usize, now: i64) -> Option<&'q str> {
    let before = idx.checked_sub(1)?;
    let item = &quiz.items[idx];
    let prev = &quiz.items[before];
    let opened = item.shown_at?;
    let closed = prev.closed_at?;
    let answered = quiz
        .answered
        .get(&before)
        .is_some_and(|s| s.contains(&who.member_id));
    (now - opened < JUST_CLOSED_MS && now - closed < 2 * JUST_CLOSED_MS && !answered)
        .then_some(prev.part_id.as_str())
}

/// « 2.2.b (question 3/8 du quiz) »: how a reply names the question it is about.
fn about(inner: &Inner, quiz: &LiveQuiz, idx: usize) -> String {
    inner.messages().text(&msg::PlayQuizAbout {
        id: &quiz.items[idx].part_id,
        n: &(idx + 1).to_string(),
        total: &quiz.items.len().to_string(),
    })
}

/// An answer to the live quiz; `None` when the class has no live quiz (the answer is then for
/// the actor's practice).
pub async fn answer(
    cx: &Ctx<'_>,
    text: &str,
    target: Option<ItemRef>,
) -> anyhow::Result<Option<Vec<Reply>>> {
    let Ctx { inner, who, .. } = *cx;
    let request = cx.request;
    let m = inner.messages();
    let live = inner.class_live(who.class.id);
    let mut guard = live.lock().await;
    let Some(quiz) = guard.quiz.as_mut() else {
        return Ok(None);
    };
    let now = inner.now();
    let idx = match item_for(inner, who, quiz, target, now, FOR_ANSWER) {
        Ok(i) => i,
        Err(reply) => return Ok(Some(reply)),
    };
    let Some(shared_case) = inner.case_in(quiz.class_id, &quiz.case_id) else {
        return Ok(None);
    };
    let case: &crate::pack::CasePack = &shared_case;
    let item = quiz.items[idx].clone();
    let outcome = quiz_outcome(case.check(item.kpi, text));
    if outcome.verdict == Verdict::Invalid {
        let verdict = crate::render::verdict(m, case, item.kpi, &outcome);
        return Ok(Some(vec![Reply::private(format!(
            "{}\n{verdict}",
            about(inner, quiz, idx)
        ))]));
    }
    let shown_at = item.shown_at.unwrap_or(now);
    let deadline = item.deadline.unwrap_or(now);
    // Answering time only: pauses moved the deadline, not the time limit.
    let limit = item.limit_ms.unwrap_or(deadline - shown_at).max(0);
    let elapsed = (limit - (deadline - now)).clamp(0, limit);
    let level = quiz.hints.get(&(idx, who.member_id)).copied().unwrap_or(0);
    let points = scoring::quiz_points(
        &inner.settings,
        &QuizAnswer {
            base: item.points,
            verdict: outcome.verdict,
            elapsed_ms: elapsed,
            limit_ms: limit,
            streak_before: quiz.streaks.get(&who.member_id).copied().unwrap_or(0),
            speed_bonus: quiz.config.speed_bonus,
            streak_bonus: quiz.config.streak_bonus,
            hint_cost: scoring::hint_cost(&inner.settings, item.points, level),
        },
    );
    let reply = vec![Reply::private(m.text(&msg::PlayQuizAnswerSaved {
        id: &item.part_id,
        n: &(idx + 1).to_string(),
        total: &quiz.items.len().to_string(),
        answer: &crate::render::quote(text),
    }))];
    let judged = Judged {
        part_id: &item.part_id,
        kpi_id: &case.kpis[item.kpi].id,
        outcome: &outcome,
        text,
        points,
        now,
    };
    let mut row = answer_row(request, who, &judged, &reply)?;
    row.quiz_id = Some(QuizId(quiz.id));
    row.item_idx = Some(idx as i64);
    row.elapsed_ms = Some(elapsed);
    let wait = inner.writer.queue(row).await?;
    quiz.answered.entry(idx).or_default().insert(who.member_id);
    quiz.players.insert(who.member_id);
    let everyone = everyone_answered(quiz);
    drop(guard);
    if everyone {
        inner.wake.notify_one();
    }
    match wait.await {
        Ok(Ok(Stored::Saved | Stored::DuplicateAction)) => Ok(Some(reply)),
        Ok(Ok(Stored::AlreadyAnswered)) => Ok(Some(vec![Reply::private(
            m.text(&msg::PlayQuizAlreadyAnswered),
        )])),
        failed => {
            if let Ok(Err(e)) = &failed {
                tracing::error!(error = %e, "quiz answer not committed");
            }
            // Not committed: forget the reservation so the student can answer again.
            let mut guard = live.lock().await;
            if let Some(quiz) = guard.quiz.as_mut() {
                if let Some(set) = quiz.answered.get_mut(&idx) {
                    set.remove(&who.member_id);
                }
            }
            Ok(Some(vec![Reply::private(m.text(&msg::PlayNotSaved))]))
        }
    }
}

/// A hint for the live quiz's open item; `None` when the class has no live quiz.
pub async fn hint(
    cx: &Ctx<'_>,
    confirm: bool,
    target: Option<ItemRef>,
) -> anyhow::Result<Option<Vec<Reply>>> {
    let Ctx { inner, who, .. } = *cx;
    let m = inner.messages();
    let live = inner.class_live(who.class.id);
    let mut guard = live.lock().await;
    let Some(quiz) = guard.quiz.as_mut() else {
        return Ok(None);
    };
    let now = inner.now();
    let idx = match item_for(inner, who, quiz, target, now, FOR_HINT) {
        Ok(i) => i,
        Err(reply) => return Ok(Some(reply)),
    };
    let Some(shared_case) = inner.case_in(quiz.class_id, &quiz.case_id) else {
        return Ok(None);
    };
    let case: &crate::pack::CasePack = &shared_case;
    let item = quiz.items[idx].clone();
    let taken = quiz.hints.get(&(idx, who.member_id)).copied().unwrap_or(0);
    let level = taken + 1;
    let Some(cost) = scoring::hint_level_cost(&inner.settings, item.points, level) else {
        return Ok(Some(vec![Reply::private(m.text(&msg::PlayHintNoMore))]));
    };
    let item_ref = ItemRef {
        quiz: quiz.id,
        item: idx as i64,
    };
    if !confirm {
        return Ok(Some(vec![hint_offer(inner, level, cost, Some(item_ref))]));
    }
    let hint = store::hints::NewHint {
        class_id: who.class_id(),
        member_id: who.member(),
        part_id: &item.part_id,
        level: level as i64,
        cost_milli: cost,
        taken_at: now,
    };
    let inserted =
        store::hints::insert_in_quiz(&inner.store.write, &hint, QuizId(quiz.id), idx as i64)
            .await?;
    if inserted {
        quiz.hints.insert((idx, who.member_id), level);
    }
    // Taking a hint is taking part: early closing now waits for this student's answer.
    quiz.players.insert(who.member_id);
    Ok(Some(vec![Reply::private(crate::render::hint(
        m,
        case,
        item.kpi,
        level as u8,
    )?)]))
}

/// Loads every running or paused quiz after a start.
pub async fn restore(inner: &Arc<Inner>) -> anyhow::Result<()> {
    let quizzes = store::quizzes::live(&inner.store.write).await?;
    for store::quizzes::LiveRow {
        id: quiz_id,
        class_id,
        platform,
        platform_id: class_key,
        channel_id: channel,
        case_id,
        status,
        settings,
        current_item: current,
        paused_left_ms: paused_left,
    } in quizzes
    {
        let (id, class_id) = (quiz_id.0, class_id.0);
        let Some(shared_case) = inner.case_in(class_id, &case_id) else {
            tracing::warn!(quiz = id, case = %case_id, "quiz of an unknown case left as it is");
            continue;
        };
        let case: &crate::pack::CasePack = &shared_case;
        let config: QuizConfig = serde_json::from_str(&settings)?;
        let rows = store::quizzes::items(&inner.store.write, quiz_id).await?;
        let mut items = Vec::new();
        for store::quizzes::ItemRow {
            part_id,
            kpi_id,
            points_milli: points,
            shown_at,
            deadline_at: deadline,
            limit_ms,
            closed_at,
            revealed_at,
        } in rows
        {
            let Some(kpi) = case.kpi_index(&kpi_id) else {
                anyhow::bail!("quiz {id}: KPI {kpi_id} is no longer in case {case_id}");
            };
            // Only a passed deadline tells why a question closed before the restart.
            let closed_by = match (closed_at, deadline) {
                (Some(c), Some(d)) if c >= d => Some(CloseReason::TimeUp),
                _ => None,
            };
            items.push(Item {
                part_id,
                kpi,
                points,
                shown_at,
                deadline,
                limit_ms: limit_ms.or_else(|| Some(deadline? - shown_at?)),
                closed_at,
                revealed_at,
                closed_by,
            });
        }
        let answers = store::answers::of_quiz_by_item(&inner.store.write, quiz_id).await?;
        let mut answered: HashMap<usize, HashSet<i64>> = HashMap::new();
        let mut verdicts: HashMap<(usize, i64), store::answers::Verdict> = HashMap::new();
        let mut players = HashSet::new();
        for store::answers::ItemVerdict {
            item_idx: idx,
            member_id: MemberId(member),
            verdict,
        } in answers
        {
            answered.entry(idx as usize).or_default().insert(member);
            players.insert(member);
            verdicts.insert((idx as usize, member), verdict);
        }
        let mut streaks: HashMap<i64, u32> = HashMap::new();
        for (idx, item) in items.iter().enumerate() {
            if item.revealed_at.is_none() {
                break;
            }
            for p in &players {
                let right = verdicts
                    .get(&(idx, *p))
                    .is_some_and(|v| *v == store::answers::Verdict::Correct);
                let s = streaks.entry(*p).or_insert(0);
                *s = if right { *s + 1 } else { 0 };
            }
        }
        let hints = store::hints::levels_in_quiz(&inner.store.write, quiz_id).await?;
        players.extend(hints.iter().map(|h| h.member_id.0));
        let quiz = LiveQuiz {
            id,
            class_id,
            channel: ChannelRef {
                platform,
                class_key,
                channel,
            },
            case_id,
            status: if status == QuizStatus::Paused {
                Status::Paused
            } else {
                Status::Running
            },
            config,
            items,
            current: current.max(0) as usize,
            paused_left_ms: paused_left,
            answered,
            players,
            streaks,
            hints: hints
                .into_iter()
                .map(|h| {
                    (
                        (h.item_idx as usize, h.member_id.0),
                        h.level.max(0) as usize,
                    )
                })
                .collect(),
            retry_at: 0,
            failures: 0,
        };
        tracing::info!(
            quiz = id,
            class = class_id,
            current = quiz.current,
            "quiz resumed after a restart"
        );
        inner.class_live(class_id).lock().await.quiz = Some(quiz);
    }
    Ok(())
}

/// When the quiz next needs attention, if ever.
fn next_due(quiz: &LiveQuiz) -> Option<i64> {
    if quiz.status == Status::Paused {
        return None;
    }
    let item = quiz.items.get(quiz.current)?;
    if item.shown_at.is_none() || item.closed_at.is_some() {
        return Some(quiz.retry_at);
    }
    if everyone_answered(quiz) {
        return Some(0); // due now (any time in the past)
    }
    item.deadline
}

/// Whether the open question may close before its time: early closing is on, and everyone
/// taking part in the quiz (an answer or a hint, on any question so far) has answered it. The
/// first question always runs its time: nobody is known to take part yet.
fn everyone_answered(quiz: &LiveQuiz) -> bool {
    let answered = quiz.answered.get(&quiz.current);
    !quiz.config.full_time
        && quiz.current > 0
        && !quiz.players.is_empty()
        && quiz
            .players
            .iter()
            .all(|p| answered.is_some_and(|a| a.contains(p)))
}

/// The scheduler: sleeps until the next deadline (or a wake-up), then runs what is due.
pub async fn scheduler(engine: Weak<Inner>, wake: Arc<Notify>) {
    loop {
        let next = {
            let Some(inner) = engine.upgrade() else {
                return;
            };
            tick(&inner).await;
            super::exam::tick(&inner).await;
            let lives: Vec<_> = match inner.live.lock() {
                Ok(live) => live.values().cloned().collect(),
                Err(_) => return,
            };
            let mut next: Option<i64> = posts::next_due(&inner).await;
            for live in lives {
                let guard = live.lock().await;
                if let Some(quiz) = guard.quiz.as_ref() {
                    if let Some(due) = next_due(quiz) {
                        next = Some(next.map_or(due, |n: i64| n.min(due)));
                    }
                }
                if let Some(exam) = guard.exam.as_ref() {
                    let due = super::exam::next_due(&inner, exam);
                    next = Some(next.map_or(due, |n: i64| n.min(due)));
                }
            }
            next.map(|due| due.saturating_sub(inner.now()).max(0))
        };
        match next {
            Some(ms) => {
                tokio::select! {
                    _ = tokio::time::sleep(Duration::from_millis(ms as u64)) => {}
                    _ = wake.notified() => {}
                }
            }
            None => wake.notified().await,
        }
    }
}

/// Runs every transition that is due, in every class.
pub async fn tick(inner: &Arc<Inner>) {
    let lives: Vec<_> = match inner.live.lock() {
        Ok(live) => live.values().cloned().collect(),
        Err(_) => return,
    };
    for live in lives {
        let mut guard = live.lock().await;
        for _ in 0..1000 {
            let Some(quiz) = guard.quiz.as_mut() else {
                break;
            };
            match step(inner, quiz).await {
                Ok(Step::Idle) => break,
                Ok(Step::Moved) => {}
                Ok(Step::Finished) => {
                    // Stored as finished together with the podium, pictures and summaries to
                    // post (a crash from now on neither replays the last reveal nor loses the
                    // end), then posted, still under the class lock so nothing starts between.
                    let id = quiz.id;
                    if let Err(e) = finish(inner, quiz).await {
                        tracing::error!(
                            error = format!("{e:#}"),
                            quiz = id,
                            "quiz end not stored; will retry"
                        );
                        quiz.retry_at = inner.now() + backoff_ms(1);
                        break;
                    }
                    guard.quiz = None;
                    if let Err(e) = posts::deliver_due(inner).await {
                        tracing::error!(
                            error = format!("{e:#}"),
                            quiz = id,
                            "end-of-quiz posts not sent; will retry"
                        );
                    }
                    break;
                }
                Err(e) => {
                    tracing::error!(
                        error = format!("{e:#}"),
                        quiz = quiz.id,
                        "quiz step failed; will retry"
                    );
                    quiz.failures += 1;
                    quiz.retry_at = inner.now() + backoff_ms(quiz.failures);
                    break;
                }
            }
        }
    }
    // End-of-quiz posts waiting since a restart or a failure.
    if let Err(e) = posts::deliver_due(inner).await {
        tracing::error!(
            error = format!("{e:#}"),
            "end-of-quiz posts not sent; will retry"
        );
    }
}

fn backoff_ms(failures: u32) -> i64 {
    (1000_i64 << failures.min(5)).min(30_000)
}

enum Step {
    Idle,
    Moved,
    Finished,
}

async fn step(inner: &Arc<Inner>, quiz: &mut LiveQuiz) -> anyhow::Result<Step> {
    if quiz.status == Status::Paused {
        return Ok(Step::Idle);
    }
    let now = inner.now();
    let Some(shared_case) = inner.case_in(quiz.class_id, &quiz.case_id) else {
        return Ok(Step::Idle);
    };
    let case: &crate::pack::CasePack = &shared_case;
    let idx = quiz.current;
    let Some(item) = quiz.items.get(idx).cloned() else {
        return Ok(Step::Finished);
    };
    if item.shown_at.is_none() {
        if now < quiz.retry_at {
            return Ok(Step::Idle);
        }
        let duration = i64::from(quiz.config.seconds_per_item) * 1000;
        let announced = now + duration;
        let reply = question_reply(inner, case, quiz, idx, announced);
        if !post_step(inner, quiz, posts::Kind::Question, idx, reply).await? {
            return Ok(Step::Idle);
        }
        let shown = inner.now();
        quiz.failures = 0;
        let it = &mut quiz.items[idx];
        it.shown_at = Some(shown);
        let deadline = announced.max(shown + duration);
        it.deadline = Some(deadline);
        it.limit_ms = Some(deadline - shown);
        save_clock(inner, quiz).await?;
        return Ok(Step::Moved);
    }
    if item.closed_at.is_none() {
        let time_up = item.deadline.is_some_and(|d| now >= d);
        let everyone = everyone_answered(quiz);
        if !time_up && !everyone {
            return Ok(Step::Idle);
        }
        let reason = if everyone && !time_up {
            CloseReason::Everyone
        } else {
            CloseReason::TimeUp
        };
        // A teacher's skip said so first.
        quiz.items[idx].closed_by.get_or_insert(reason);
        quiz.items[idx].closed_at = Some(now);
        quiz.retry_at = now;
        save_clock(inner, quiz).await?;
        return Ok(Step::Moved);
    }
    if now < quiz.retry_at {
        return Ok(Step::Idle);
    }
    // Closed: reveal once every answer accepted before the close is committed.
    inner.writer.flush().await?;
    let reveal = reveal_reply(inner, case, quiz, idx).await?;
    if !post_step(inner, quiz, posts::Kind::Reveal, idx, reveal).await? {
        return Ok(Step::Idle);
    }
    quiz.failures = 0;
    quiz.items[idx].revealed_at = Some(inner.now());
    save_clock(inner, quiz).await?;
    let right: HashSet<i64> =
        store::answers::right_on_item(&inner.store.write, QuizId(quiz.id), idx as i64)
            .await?
            .into_iter()
            .map(|m| m.0)
            .collect();
    for p in quiz.players.clone() {
        let s = quiz.streaks.entry(p).or_insert(0);
        *s = if right.contains(&p) { *s + 1 } else { 0 };
    }
    if idx + 1 >= quiz.items.len() {
        return Ok(Step::Finished);
    }
    quiz.current = idx + 1;
    quiz.retry_at = inner.now();
    save_clock(inner, quiz).await?;
    Ok(Step::Moved)
}

/// Posts a question or a reveal of the quiz once (see [`posts`]); `false` when the platform
/// failed, the quiz then waiting (with backoff) before it tries again.
async fn post_step(
    inner: &Inner,
    quiz: &mut LiveQuiz,
    kind: posts::Kind,
    idx: usize,
    reply: Reply,
) -> anyhow::Result<bool> {
    let key = posts::key(quiz.id, kind, idx);
    match posts::send_once(inner, &key, kind, quiz.id, &quiz.channel, reply).await {
        Ok(()) => Ok(true),
        Err(PostError::Send(e)) => {
            quiz.failures += 1;
            quiz.retry_at = inner.now() + backoff_ms(quiz.failures);
            tracing::warn!(error = %e, quiz = quiz.id, item = idx, ?kind, "not posted; the quiz waits");
            Ok(false)
        }
        Err(PostError::Store(e)) => Err(e),
    }
}

fn question_reply(inner: &Inner, case: &Case, quiz: &LiveQuiz, idx: usize, deadline: i64) -> Reply {
    let m = inner.messages();
    let item = &quiz.items[idx];
    let statement = match case.part(&item.part_id) {
        Some((_, part)) => crate::render::part_task(m, case, part),
        None => case.text(&format!("part.{}.statement", item.part_id)),
    };
    let item_ref = ItemRef {
        quiz: quiz.id,
        item: idx as i64,
    };
    Reply::channel(m.text(&msg::PlayQuizQuestion {
        n: &(idx + 1).to_string(),
        total: &quiz.items.len().to_string(),
        id: &item.part_id,
        points: &crate::render::points(m, scoring::from_milli(item.points)),
        statement: &statement,
        annexes: &crate::render::annex_list(m, &case.kpis[item.kpi].annexes),
    }))
    .with_deadline(deadline)
    .with_buttons(vec![
        Button {
            label: m.text(&msg::PlayButtonAnswer),
            action: ButtonAction::Answer(item_ref),
        },
        Button {
            label: m.text(&msg::PlayButtonHint),
            action: ButtonAction::Hint(item_ref),
        },
    ])
}

async fn reveal_reply(
    inner: &Inner,
    case: &crate::pack::CasePack,
    quiz: &LiveQuiz,
    idx: usize,
) -> anyhow::Result<Reply> {
    let m = inner.messages();
    let item = &quiz.items[idx];
    let rows = store::answers::on_item(&inner.store.write, QuizId(quiz.id), idx as i64).await?;
    let count = |v: store::answers::Verdict| rows.iter().filter(|r| r.verdict == v).count();
    let mut mistakes: HashMap<&str, usize> = HashMap::new();
    for row in &rows {
        if let Some(mk) = &row.mistake {
            *mistakes.entry(mk.as_str()).or_default() += 1;
        }
    }
    let result = case.kpi_result(item.kpi)?;
    let mut text = m.text(&msg::PlayQuizReveal {
        id: &item.part_id,
        value: &result.text,
    });
    text.push('\n');
    text.push_str(&crate::render::kpi(m, &result));
    text.push_str("\n\n");
    // The commentary may quote figures other questions of this quiz ask later: hidden until
    // their own correction (the figure being corrected is shown).
    let later = quiz
        .items
        .iter()
        .enumerate()
        .filter(|(j, i)| *j != idx && i.revealed_at.is_none())
        .map(|(_, i)| i.kpi);
    let mut sealed = super::sight::sealed_by(case, later.collect::<Vec<_>>());
    sealed.remove(&item.kpi);
    text.push_str(&case.text_hiding(
        &format!("part.{}.commentary", item.part_id),
        &|k| sealed.contains(&k),
        &m.text(&msg::PlaySealedFigure),
    ));
    text.push_str("\n\n");
    if let Some(reason) = item.closed_by {
        text.push_str(&m.text(&reason.text()));
        text.push(' ');
    }
    // Those taking part in the quiz (an answer or a hint so far) who did not answer this one.
    let answered = quiz.answered.get(&idx);
    let unanswered = quiz
        .players
        .iter()
        .filter(|p| !answered.is_some_and(|a| a.contains(p)))
        .count();
    if rows.is_empty() {
        text.push_str(&m.text(&msg::PlayQuizStatsNobody));
    } else {
        use store::answers::Verdict as V;
        let correct = m.text(&msg::PlayCountCorrect {
            n: &(count(V::Correct)).to_string(),
        });
        let (close, wrong) = (count(V::Close).to_string(), count(V::Wrong).to_string());
        let (correct, close, wrong) = (correct.as_str(), close.as_str(), wrong.as_str());
        text.push_str(&if unanswered > 0 {
            m.text(&msg::PlayQuizStatsUnanswered {
                correct,
                close,
                wrong,
                unanswered: &unanswered.to_string(),
            })
        } else {
            m.text(&msg::PlayQuizStats {
                correct,
                close,
                wrong,
            })
        });
    }
    let common = mistakes
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)));
    if let Some((mistake, n)) = common {
        text.push('\n');
        text.push_str(&m.text(&msg::PlayQuizCommonMistake {
            mistake: &crate::render::mistake_label(m, mistake),
            count: &n.to_string(),
        }));
    }
    text.push_str("\n\n");
    text.push_str(&super::board::quiz_board_text(inner, quiz.id).await?);
    let mut reply = Reply::channel(text);
    // Anyone may ask what the figure just corrected means (privately).
    if let Some(ask) = super::interpret::ask_button(inner, case, &item.part_id) {
        reply = reply.with_buttons(vec![ask]);
    }
    // The picture of how the class answered; the reveal goes out without it if it cannot be drawn.
    let spread = super::report::answer_spread(&inner.store, case, quiz.id, idx as i64).await?;
    let picture = spread.map(|data| crate::chart::render_answer_spread(m, &data));
    Ok(match picture {
        Some(Ok(png)) => reply.with_attachment(super::command::Attachment {
            name: format!("reponses-quiz{}-q{}.png", quiz.id, idx + 1),
            mime: "image/png".into(),
            bytes: png,
        }),
        Some(Err(e)) => {
            tracing::warn!(error = %e, quiz = quiz.id, item = idx, "answer chart not drawn");
            reply
        }
        None => reply,
    })
}

/// Ends a quiz that ran to its last question: stored as finished, in the same transaction as
/// its podium, pictures and summaries to post (sent by [`posts::deliver_due`]). When they
/// cannot be written, the quiz still ends (logged): a quiz never stays open for its podium.
async fn finish(inner: &Inner, quiz: &LiveQuiz) -> anyhow::Result<()> {
    let replies = match final_replies(inner, quiz).await {
        Ok(r) => r,
        Err(e) => {
            tracing::error!(
                error = format!("{e:#}"),
                quiz = quiz.id,
                "quiz end not written"
            );
            Vec::new()
        }
    };
    let now = inner.now();
    let mut tx = inner.store.begin().await?;
    store::quizzes::mark_finished(&mut *tx, QuizId(quiz.id), now).await?;
    posts::record_end(&mut tx, quiz.id, &quiz.channel, &replies, now).await?;
    tx.commit().await?;
    Ok(())
}

/// The podium (public) and each player's own summary (private).
async fn final_replies(inner: &Inner, quiz: &LiveQuiz) -> anyhow::Result<Vec<Reply>> {
    let mut podium = Reply::channel(super::board::podium_text(inner, quiz.id).await?);
    let rows = super::report::quiz_points(&inner.store, quiz.id).await?;
    // The podium picture shows those who scored; with nobody, there is none to draw.
    if rows.iter().any(|r| r.1 > rust_decimal::Decimal::ZERO) {
        match crate::chart::render_podium(inner.messages(), &rows) {
            Ok(png) => {
                podium = podium.with_attachment(super::command::Attachment {
                    name: format!("podium-quiz{}.png", quiz.id),
                    mime: "image/png".into(),
                    bytes: png,
                })
            }
            Err(e) => tracing::warn!(error = %e, quiz = quiz.id, "podium chart not drawn"),
        }
    }
    let mut replies = vec![podium];
    if !rows.is_empty() {
        let points: Vec<_> = rows.iter().map(|r| r.1).collect();
        let max = super::report::quiz_max_points(&inner.store, quiz.id).await?;
        match crate::chart::render_score_distribution(inner.messages(), &points, max) {
            Ok(png) => replies.push(
                Reply::channel(inner.messages().text(&msg::PlayDistribution)).with_attachment(
                    super::command::Attachment {
                        name: format!("scores-quiz{}.png", quiz.id),
                        mime: "image/png".into(),
                        bytes: png,
                    },
                ),
            ),
            Err(e) => tracing::warn!(error = %e, quiz = quiz.id, "score chart not drawn"),
        }
    }
    replies.extend(super::board::summaries(inner, quiz).await?);
    Ok(replies)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quiz_where_everyone_answered() -> LiveQuiz {
        let item = |shown: Option<i64>| Item {
            part_id: "1.2.a".into(),
            kpi: 0,
            points: 250,
            shown_at: shown,
            deadline: shown.map(|s| s + 60_000),
            limit_ms: Some(60_000),
            closed_at: None,
            revealed_at: None,
            closed_by: None,
        };
        LiveQuiz {
            id: 1,
            class_id: 1,
            channel: ChannelRef {
                platform: "console".into(),
                class_key: "c".into(),
                channel: "c".into(),
            },
            case_id: "arbre-cadeau".into(),
            status: Status::Running,
            config: QuizConfig {
                seconds_per_item: 60,
                speed_bonus: false,
                streak_bonus: false,
                full_time: false,
            },
            items: vec![item(Some(1_000)), item(Some(70_000))],
            current: 1,
            paused_left_ms: None,
            answered: HashMap::from([(0, HashSet::from([7])), (1, HashSet::from([7]))]),
            players: HashSet::from([7]),
            streaks: HashMap::new(),
            hints: HashMap::new(),
            retry_at: 0,
            failures: 0,
        }
    }

    #[test]
    fn a_question_everyone_answered_is_due_now_and_the_wait_does_not_overflow() {
        let quiz = quiz_where_everyone_answered();
        assert!(everyone_answered(&quiz));
        let due = next_due(&quiz).expect("due");
        let now = 1_795_392_000_000_i64;
        // What the scheduler computes: the wait before the next transition.
        assert_eq!(due.saturating_sub(now).max(0), 0);
        let mut paused = quiz.clone();
        paused.status = Status::Paused;
        assert_eq!(next_due(&paused), None);
    }

    #[test]
    fn early_closing_waits_for_every_participant_and_can_be_off() {
        let mut quiz = quiz_where_everyone_answered();
        // Member 8 only took a hint: taking part, so the question waits for her.
        quiz.players.insert(8);
        assert!(!everyone_answered(&quiz));
        assert_eq!(next_due(&quiz), quiz.items[1].deadline);
        quiz.answered.entry(1).or_default().insert(8);
        assert!(everyone_answered(&quiz));
        // Turned off at launch: the question runs its time.
        quiz.config.full_time = true;
        assert!(!everyone_answered(&quiz));
        assert_eq!(next_due(&quiz), quiz.items[1].deadline);
        // The first question always runs its time.
        let mut first = quiz_where_everyone_answered();
        first.current = 0;
        assert!(!everyone_answered(&first));
    }

    #[test]
    fn a_quiz_stored_before_the_option_closes_early() {
        let old: QuizConfig = serde_json::from_str(
            r#"{"seconds_per_item":60,"speed_bonus":false,"streak_bonus":true}"#,
        )
        .expect("an old quiz's settings");
        assert!(!old.full_time);
    }
}
