//! Practice: a student goes alone through the numeric parts of a dossier or a question, at
//! their own pace, retrying with decreasing credit, taking hints, seeing the worked answer.
//!
//! No practice while the class's quiz runs: `/entrainement` is refused at once, and a practice
//! started before the quiz waits for its end (every `/repondre` and `/indice` then goes to the
//! quiz), so an answer is always scored on the question its receipt names.

use super::answering::{answer_row, hint_offer, parts_of, Judged};
use super::command::{Reply, Scope};
use super::live::is_live;
use super::scoring::{self, Milli};
use super::{Ctx, Inner, Who};
use crate::case::Case;
use crate::check::Verdict;
use crate::msg;
use crate::store::practice::DoneHow;
use crate::store::{self, ClassId, Conn, MemberId, PracticeId};
use std::collections::BTreeSet;

/// The student's active practice.
struct Active {
    id: PracticeId,
    member_id: MemberId,
    parts: Vec<String>,
    current: usize,
    /// The case it was started on.
    case_id: String,
}

async fn active(inner: &Inner, member_id: MemberId) -> anyhow::Result<Option<Active>> {
    let row = store::practice::active(&inner.store.write, member_id).await?;
    Ok(match row {
        Some(row) => Some(Active {
            id: row.id,
            member_id,
            parts: serde_json::from_str(&row.parts)?,
            current: row.current.max(0) as usize,
            case_id: row.case_id,
        }),
        None => None,
    })
}

/// The student's active practice, its case (the one it was started on, even if the class has
/// changed subject since), and the part being asked. A practice of a case no longer loaded is
/// none.
async fn current(
    inner: &Inner,
    who: &Who,
) -> anyhow::Result<
    Option<(
        Active,
        std::sync::Arc<crate::pack::CasePack>,
        String,
        crate::case::Part,
    )>,
> {
    let Some(practice) = active(inner, who.member()).await? else {
        return Ok(None);
    };
    let Some(shared_case) = inner.case_in(who.class.id, &practice.case_id) else {
        return Ok(None);
    };
    let case: &crate::pack::CasePack = &shared_case;
    let Some(part_id) = practice.parts.get(practice.current).cloned() else {
        return Ok(None);
    };
    let Some((_, part)) = case.part(&part_id) else {
        return Ok(None);
    };
    let part = part.clone();
    Ok(Some((practice, shared_case, part_id, part)))
}

/// A practice waits while the class's quiz runs (its answers and hints go to the quiz; its
/// verdicts, hints and worked answers could give a quiz answer away).
async fn paused_by_quiz(inner: &Inner, who: &Who) -> Option<Vec<Reply>> {
    if !is_live(inner, who.class.id).await {
        return None;
    }
    Some(vec![Reply::private(
        inner.messages().text(&msg::PlayPracticePausedByQuiz),
    )])
}

/// « 1.2.b (calcul 2/5) »: how a practice reply names the calculation it is about.
fn about(inner: &Inner, practice: &Active, part_id: &str) -> String {
    inner.messages().text(&msg::PlayPracticeAbout {
        id: part_id,
        n: &(practice.current + 1).to_string(),
        total: &practice.parts.len().to_string(),
    })
}

/// The parts of subject `case_id` the student already finished in practice (they train for
/// free).
async fn settled_parts(
    tx: &mut Conn,
    member_id: MemberId,
    case_id: &str,
    except_practice: PracticeId,
) -> anyhow::Result<std::collections::HashSet<String>> {
    let rows =
        store::practice::done_parts_except(&mut *tx, member_id, case_id, except_practice).await?;
    Ok(rows.into_iter().collect())
}

/// Whether the student already finished this part (of the practice's subject) in an earlier
/// practice run: then it trains for free.
async fn done_before(
    inner: &Inner,
    who: &Who,
    part_id: &str,
    practice: &Active,
) -> anyhow::Result<bool> {
    Ok(store::practice::done_elsewhere(
        &inner.store.write,
        who.member(),
        &practice.case_id,
        part_id,
        practice.id,
    )
    .await?)
}

/// Records that the student finished a part in practice (the first time only counts).
async fn mark_done(
    tx: &mut Conn,
    who: &Who,
    part_id: &str,
    practice: PracticeId,
    how: DoneHow,
    now: i64,
) -> anyhow::Result<()> {
    store::practice::mark_done(&mut *tx, who.member(), part_id, practice, how, now).await?;
    Ok(())
}

fn none_active(inner: &Inner) -> Vec<Reply> {
    vec![Reply::private(
        inner.messages().text(&msg::PlayPracticeNone),
    )]
}

/// How long after a quiz ends an answer or a hint with no practice is taken as arriving late
/// for the quiz (and told so), rather than as a request for a practice that does not exist.
const LATE_FOR_QUIZ_MS: i64 = 60_000;

/// [`none_active`], or, when the class's quiz ended a moment ago, that it arrived too late.
async fn none_active_after_quiz(inner: &Inner, who: &Who) -> anyhow::Result<Vec<Reply>> {
    let ended = store::quizzes::last_ended_at(&inner.store.read, who.class_id()).await?;
    let now = inner.now();
    match ended {
        Some(at) if now >= at && now - at < LATE_FOR_QUIZ_MS => Ok(vec![Reply::private(
            inner.messages().text(&msg::PlayQuizEndedLate),
        )]),
        _ => Ok(none_active(inner)),
    }
}

/// `/entrainement`: starts (or restarts) a practice run.
pub async fn start(cx: &Ctx<'_>, scope: &Scope) -> anyhow::Result<Vec<Reply>> {
    let Ctx { inner, who, .. } = *cx;
    let m = inner.messages();
    if is_live(inner, who.class.id).await {
        return Ok(vec![Reply::private(m.text(&msg::PlayPracticeDuringQuiz))]);
    }
    let case = cx.case;
    let parts = match parts_of(case, scope) {
        Ok(p) if !p.is_empty() => p,
        Ok(_) => return Ok(vec![Reply::private(m.text(&msg::PlayQuizEmpty))]),
        Err(id) => {
            return Ok(vec![Reply::private(crate::render::unknown_scope(
                m, case, &id,
            ))])
        }
    };
    let ids: Vec<&String> = parts.iter().map(|p| &p.0).collect();
    let previous = active(inner, who.member()).await?;
    let now = inner.now();
    let mut tx = inner.store.begin().await?;
    store::practice::abandon_active(&mut *tx, who.member(), now).await?;
    // No practice has id 0: every part finished before counts.
    let settled = settled_parts(&mut tx, who.member(), &case.meta.id, PracticeId(0)).await?;
    let parts_json = serde_json::to_string(&ids)?;
    store::practice::insert(
        &mut *tx,
        ClassId(who.class.id),
        who.member(),
        &case.meta.id,
        &parts_json,
        now,
    )
    .await?;
    tx.commit().await?;
    // What is still to win: a part finished in an earlier run trains for free.
    let stake: Milli = scoring::sum_milli(
        parts
            .iter()
            .filter(|p| !settled.contains(&p.0))
            .map(|p| p.2),
    );
    let n_settled = parts.iter().filter(|p| settled.contains(&p.0)).count();
    let count_parts = m.text(&msg::CountCalcul {
        n: &parts.len().to_string(),
    });
    let points = crate::render::points(m, scoring::from_milli(stake));
    let settled_text = m.text(&msg::PlayCountSettled {
        n: &n_settled.to_string(),
    });
    let mut text = String::new();
    if let Some(old) = previous {
        // Said first: what becomes of the run this one replaces.
        text.push_str(&m.text(&msg::PlayPracticeReplaced {
            n: &(old.current + 1).min(old.parts.len()).to_string(),
            total: &old.parts.len().to_string(),
        }));
        text.push_str("\n\n");
    }
    text.push_str(&match (n_settled, n_settled == parts.len()) {
        (0, _) => m.text(&msg::PlayPracticeStarted {
            parts: &count_parts,
            points: &points,
        }),
        (_, true) => m.text(&msg::PlayPracticeStartedFree {
            parts: &count_parts,
        }),
        _ => m.text(&msg::PlayPracticeStartedSome {
            parts: &count_parts,
            points: &points,
            settled: &settled_text,
        }),
    });
    text.push_str("\n\n");
    text.push_str(&part_prompt(inner, case, &parts[0].0, 1, parts.len()));
    Ok(vec![Reply::private(text)])
}

fn part_prompt(inner: &Inner, case: &Case, part_id: &str, n: usize, total: usize) -> String {
    let m = inner.messages();
    let Some((_, part)) = case.part(part_id) else {
        return String::new();
    };
    let mut text = m.text(&msg::PlayPracticeStep {
        n: &n.to_string(),
        total: &total.to_string(),
    });
    text.push('\n');
    text.push_str(&crate::render::part(m, case, part));
    text
}

/// The worked answer and commentary of a part; the commentary does not write the figures
/// of `sealed` (a running quiz asks them).
fn worked(
    inner: &Inner,
    case: &Case,
    part_id: &str,
    kpi: usize,
    sealed: &BTreeSet<usize>,
) -> anyhow::Result<String> {
    let m = inner.messages();
    let result = case.kpi_result(kpi)?;
    Ok(format!(
        "{}\n\n{}",
        crate::render::kpi(m, &result),
        case.text_hiding(
            &format!("part.{part_id}.commentary"),
            &|k| sealed.contains(&k),
            &m.text(&msg::PlaySealedFigure),
        )
    ))
}

/// What comes after a part is done: the next part, or the end of the run.
async fn advance(
    inner: &Inner,
    tx: &mut Conn,
    case: &Case,
    practice: &Active,
) -> anyhow::Result<String> {
    let m = inner.messages();
    let next = practice.current + 1;
    if next < practice.parts.len() {
        store::practice::set_current(&mut *tx, practice.id, next as i64).await?;
        return Ok(part_prompt(
            inner,
            case,
            &practice.parts[next],
            next + 1,
            practice.parts.len(),
        ));
    }
    store::practice::finish(&mut *tx, practice.id, next as i64, inner.now()).await?;
    let totals = store::answers::practice_totals(&mut *tx, practice.id).await?;
    let hints = store::hints::count_in_practice(&mut *tx, practice.id).await?;
    let settled = settled_parts(tx, practice.member_id, &practice.case_id, practice.id).await?;
    let stake: Milli = scoring::sum_milli(
        practice
            .parts
            .iter()
            .filter(|p| !settled.contains(*p))
            .filter_map(|p| case.part(p).map(|(_, part)| part.milli)),
    );
    let outcome = RunOutcome {
        total: practice.parts.len(),
        right: usize::try_from(totals.found).unwrap_or(0),
        first_try: usize::try_from(totals.first_try).unwrap_or(0),
        hints: usize::try_from(hints).unwrap_or(0),
        points: totals.points.unwrap_or(0),
        stake,
    };
    Ok(done_text(m, &outcome))
}

/// How a practice run went, for its closing message.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RunOutcome {
    pub total: usize,
    /// Parts found (at any try).
    pub right: usize,
    /// Parts found at the first try.
    pub first_try: usize,
    /// Hints taken in the run.
    pub hints: usize,
    pub points: Milli,
    /// What the run could earn (parts not finished in an earlier run).
    pub stake: Milli,
}

/// The closing message of a run. « Sans faute » only when every calculation was right at the
/// first try without a hint; « Bien joué » only when points were won; the points out of what
/// was at stake, or no points at all when nothing was.
pub(crate) fn done_text(m: &crate::prompts::Prompts, run: &RunOutcome) -> String {
    let perfect = run.total > 0 && run.first_try >= run.total && run.hints == 0;
    let cheer = if perfect {
        msg::PlayPracticeCheerAll.plain()
    } else if run.total > 0 && run.right >= run.total {
        // Every calculation found, some after a retry or a hint: nothing was missed.
        msg::PlayPracticeCheerAllHelped.plain()
    } else if run.points > 0 && 2 * run.right >= run.total {
        msg::PlayPracticeCheerGood.plain()
    } else {
        msg::PlayPracticeCheerKeep.plain()
    };
    let right = m.text(&msg::PlayNRight {
        n: &run.right.to_string(),
    });
    let total = run.total.to_string();
    let cheer = m.text(&cheer);
    if run.stake == 0 && run.points == 0 {
        return m.text(&msg::PlayPracticeDoneFree {
            right: &right,
            total: &total,
            cheer: &cheer,
        });
    }
    let points = super::board::points_of(
        m,
        scoring::from_milli(run.points),
        scoring::from_milli(run.stake),
    );
    m.text(&msg::PlayPracticeDone {
        right: &right,
        total: &total,
        cheer: &cheer,
        points: &points,
    })
}

async fn hint_level(
    inner: &Inner,
    practice_id: PracticeId,
    part_id: &str,
) -> anyhow::Result<usize> {
    let level = store::hints::level_in_practice(&inner.store.write, practice_id, part_id).await?;
    Ok(level.unwrap_or(0).max(0) as usize)
}

/// When the class has changed subject since the student's practice started, that practice
/// stops there (its points stay): everything else she sees now follows the new subject, so she
/// is told, rather than judged on figures no longer shown to her.
async fn stopped_by_new_subject(cx: &Ctx<'_>) -> anyhow::Result<Option<Vec<Reply>>> {
    let Ctx {
        inner, who, case, ..
    } = *cx;
    let Some(practice) = active(inner, who.member()).await? else {
        return Ok(None);
    };
    if practice.case_id == case.meta.id {
        return Ok(None);
    }
    store::practice::abandon_active(&inner.store.write, who.member(), inner.now()).await?;
    let m = inner.messages();
    let old = match inner.case_in(who.class.id, &practice.case_id) {
        Some(old) => super::case_name(m, &old),
        None => practice.case_id.clone(),
    };
    Ok(Some(vec![Reply::private(m.text(
        &msg::PlayPracticeSubjectChanged {
            old: &old,
            new: &super::case_name(m, case),
        },
    ))]))
}

/// An answer to the current practice part.
pub async fn answer(cx: &Ctx<'_>, text: &str) -> anyhow::Result<Vec<Reply>> {
    if let Some(stopped) = stopped_by_new_subject(cx).await? {
        return Ok(stopped);
    }
    let Ctx { inner, who, .. } = *cx;
    let request = cx.request;
    let m = inner.messages();
    let Some((practice, shared, part_id, part)) = current(inner, who).await? else {
        return none_active_after_quiz(inner, who).await;
    };
    let case: &crate::pack::CasePack = &shared;
    let kpi = part.kpi;
    if let Some(refused) = paused_by_quiz(inner, who).await {
        return Ok(refused);
    }
    // Nothing is sealed: a practice never runs while its class's quiz does.
    let sealed = BTreeSet::new();
    let base = part.milli;
    let outcome = case.check(kpi, text);
    // Every reply names the calculation it judged.
    let verdict_text = format!(
        "{}\n{}",
        about(inner, &practice, &part_id),
        crate::render::verdict(m, case, kpi, &outcome)
    );
    if outcome.verdict == Verdict::Invalid {
        return Ok(vec![Reply::private(verdict_text)]);
    }
    let attempts =
        store::answers::attempts_in_practice(&inner.store.write, practice.id, &part_id).await?;
    let attempt = attempts as usize + 1;
    let level = hint_level(inner, practice.id, &part_id).await?;
    let cost = scoring::hint_cost(&inner.settings, base, level);
    let again = done_before(inner, who, &part_id, &practice).await?;
    let points = if again {
        0
    } else {
        scoring::practice_points(&inner.settings, base, outcome.verdict, attempt, cost)
    };
    let credits = inner.settings.practice.attempt_credit.len();
    let now = inner.now();
    let mut tx = inner.store.begin().await?;
    let mut reply_text = verdict_text;
    let finished_part = outcome.verdict == Verdict::Correct || attempt >= credits;
    if outcome.verdict == Verdict::Correct && again {
        reply_text.push('\n');
        reply_text.push_str(&m.text(&msg::PlayPracticeAgain));
    } else if outcome.verdict == Verdict::Correct {
        reply_text.push('\n');
        reply_text.push_str(&m.text(&msg::PlayPracticeEarned {
            points: &crate::render::points(m, scoring::from_milli(points)),
        }));
    } else if attempt >= credits {
        reply_text.push('\n');
        reply_text.push_str(&m.text(&msg::PlayPracticeNoMoreTries));
    } else if again {
        reply_text.push('\n');
        reply_text.push_str(&m.text(&msg::PlayPracticeRetryFree {
            attempt: &attempt.to_string(),
            max: &credits.to_string(),
        }));
    } else {
        let next_points =
            scoring::practice_points(&inner.settings, base, Verdict::Correct, attempt + 1, cost);
        reply_text.push('\n');
        reply_text.push_str(&m.text(&msg::PlayPracticeRetry {
            attempt: &attempt.to_string(),
            max: &credits.to_string(),
            points: &crate::render::points(m, scoring::from_milli(next_points)),
        }));
    }
    let mut row = answer_row(
        request,
        who,
        &Judged {
            part_id: &part_id,
            kpi_id: &case.kpis[kpi].id,
            outcome: &outcome,
            text,
            points,
            now,
        },
        &[],
    )?;
    row.practice_id = Some(practice.id);
    row.attempt = attempt as i64;
    let recorded =
        store::actions::record_pending(&mut *tx, &row.action_id, row.class_id, now).await?;
    if !recorded {
        // Processed meanwhile by a twin delivery: change nothing, give its replies.
        drop(tx);
        return Ok(inner.replay(&row.action_id).await?.unwrap_or_default());
    }
    store::answers::insert(&mut *tx, &row).await?;
    // The worked answer and what comes next are written after the answer is stored, so the
    // end-of-run summary counts it.
    if finished_part {
        let how = if outcome.verdict == Verdict::Correct {
            DoneHow::Correct
        } else {
            DoneHow::Tries
        };
        mark_done(&mut tx, who, &part_id, practice.id, how, now).await?;
        reply_text.push_str("\n\n");
        reply_text.push_str(&worked(inner, case, &part_id, kpi, &sealed)?);
        reply_text.push_str("\n\n");
        reply_text.push_str(&advance(inner, &mut tx, case, &practice).await?);
    }
    let mut reply = Reply::private(reply_text);
    // A settled figure may be interpreted (the button names its part).
    if let Some(ask) = finished_part
        .then(|| super::interpret::ask_button(inner, case, &part_id))
        .flatten()
    {
        reply = reply.with_buttons(vec![ask]);
    }
    let replies = vec![reply];
    store::actions::set_replies(&mut *tx, &row.action_id, &super::replies_json(&replies)).await?;
    tx.commit().await?;
    Ok(replies)
}

/// `/indice` during practice.
pub async fn hint(cx: &Ctx<'_>, confirm: bool) -> anyhow::Result<Vec<Reply>> {
    if let Some(stopped) = stopped_by_new_subject(cx).await? {
        return Ok(stopped);
    }
    let Ctx { inner, who, .. } = *cx;
    let m = inner.messages();
    let Some((practice, shared, part_id, part)) = current(inner, who).await? else {
        return none_active_after_quiz(inner, who).await;
    };
    let case: &crate::pack::CasePack = &shared;
    if let Some(refused) = paused_by_quiz(inner, who).await {
        return Ok(refused);
    }
    let base = part.milli;
    let level = hint_level(inner, practice.id, &part_id).await? + 1;
    let Some(cost) = scoring::hint_level_cost(&inner.settings, base, level) else {
        return Ok(vec![Reply::private(m.text(&msg::PlayHintNoMore))]);
    };
    if !confirm {
        return Ok(vec![hint_offer(inner, level, cost, None)]);
    }
    let hint = store::hints::NewHint {
        class_id: who.class_id(),
        member_id: who.member(),
        part_id: &part_id,
        level: level as i64,
        cost_milli: cost,
        taken_at: inner.now(),
    };
    store::hints::insert_in_practice(&inner.store.write, &hint, practice.id).await?;
    // The message of the last answer, judged again, so the hint does not just repeat it.
    let last =
        store::answers::last_miss_in_practice(&inner.store.write, practice.id, &part_id).await?;
    let last = last.map(|input| case.check(part.kpi, &input));
    Ok(vec![Reply::private(crate::render::hint_after(
        m,
        case,
        part.kpi,
        level as u8,
        last.as_ref(),
    )?)])
}

/// `/solution`: gives up the current part, shows its worked answer, moves on.
pub async fn give_up(cx: &Ctx<'_>) -> anyhow::Result<Vec<Reply>> {
    if let Some(stopped) = stopped_by_new_subject(cx).await? {
        return Ok(stopped);
    }
    let Ctx { inner, who, .. } = *cx;
    let m = inner.messages();
    let Some((practice, shared, part_id, part)) = current(inner, who).await? else {
        // During a quiz, the worked answer of its open question comes with its correction.
        if is_live(inner, who.class.id).await {
            return Ok(vec![Reply::private(
                m.text(&msg::PlayPracticeNoSolutionDuringQuiz),
            )]);
        }
        return Ok(none_active(inner));
    };
    let case: &crate::pack::CasePack = &shared;
    if let Some(refused) = paused_by_quiz(inner, who).await {
        return Ok(refused);
    }
    let sealed = BTreeSet::new();
    let mut text = m.text(&msg::PlayPracticeGaveUp);
    text.push_str("\n\n");
    text.push_str(&worked(inner, case, &part_id, part.kpi, &sealed)?);
    let mut tx = inner.store.begin().await?;
    mark_done(
        &mut tx,
        who,
        &part_id,
        practice.id,
        DoneHow::Solution,
        inner.now(),
    )
    .await?;
    text.push_str("\n\n");
    text.push_str(&advance(inner, &mut tx, case, &practice).await?);
    tx.commit().await?;
    let reply = Reply::private(text);
    Ok(vec![
        match super::interpret::ask_button(inner, case, &part_id) {
            Some(ask) => reply.with_buttons(vec![ask]),
            None => reply,
        },
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> String {
        text.replace(['\u{202F}', '\u{A0}'], " ")
    }

    proptest::proptest! {
        /// Every variant of the end of a run tells the truth: « Sans faute » exactly when every
        /// calculation was right at the first try without a hint; « Bien joué » never at 0
        /// point; points out of what was at stake; no points announced when nothing was.
        #[test]
        fn the_end_of_a_run_tells_the_truth(
            total in 1usize..8,
            right_share in 0usize..9,
            first_share in 0usize..9,
            hints in 0usize..3,
            points in 0i64..3000,
            stake_kind in 0u8..3,
        ) {
            let right = right_share.min(total);
            let first_try = first_share.min(right);
            let (points, stake) = match stake_kind {
                0 => (0, 0),                 // nothing at stake (parts already settled)
                1 => (0, 250 * total as i64), // at stake, nothing won
                _ => (points.min(250 * total as i64), 250 * total as i64),
            };
            let run = RunOutcome { total, right, first_try, hints, points, stake };
            let text = plain(&done_text(&crate::play::board::tests::texts(), &run));
            let perfect = first_try == total && hints == 0;
            proptest::prop_assert_eq!(text.contains("Sans faute"), perfect, "{}", text);
            if points == 0 {
                proptest::prop_assert!(!text.contains("Bien joué"), "{}", text);
            }
            if stake == 0 {
                proptest::prop_assert!(text.contains("sans points en jeu"), "{}", text);
                proptest::prop_assert!(!text.contains("point au") && !text.contains(" / "), "{}", text);
            } else {
                let max = crate::format::number_trimmed(scoring::from_milli(stake), 3);
                let got = crate::format::number_trimmed(scoring::from_milli(points), 3);
                let expected = format!("{got} / {max} point");
                proptest::prop_assert!(plain(&text).contains(&plain(&expected)), "{}", text);
            }
            proptest::prop_assert!(!text.contains("(s)"), "{}", text);
        }
    }
}
