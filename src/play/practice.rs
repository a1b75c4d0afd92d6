//! Practice: a student goes alone through the numeric parts of a dossier or a question, at
//! their own pace, retrying with decreasing credit, taking hints, seeing the worked answer.

use super::command::{Reply, Request, Scope};
use super::quiz::{answer_row, hint_offer, parts_of, Judged};
use super::scoring::{self, Milli};
use super::{Inner, Who};
use crate::case::Case;
use crate::check::Verdict;
use crate::msg;
use std::collections::BTreeSet;
use std::sync::Arc;

/// The student's active practice.
struct Active {
    id: i64,
    parts: Vec<String>,
    current: usize,
}

pub async fn is_active(inner: &Inner, member_id: i64) -> anyhow::Result<bool> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM practices WHERE member_id = ? AND status = 'active'")
            .bind(member_id)
            .fetch_optional(&inner.store.write)
            .await?;
    Ok(row.is_some())
}

async fn active(inner: &Inner, member_id: i64) -> anyhow::Result<Option<Active>> {
    let row: Option<(i64, String, i64)> = sqlx::query_as(
        "SELECT id, parts, current FROM practices WHERE member_id = ? AND status = 'active'",
    )
    .bind(member_id)
    .fetch_optional(&inner.store.write)
    .await?;
    Ok(match row {
        Some((id, parts, current)) => Some(Active {
            id,
            parts: serde_json::from_str(&parts)?,
            current: current.max(0) as usize,
        }),
        None => None,
    })
}

/// The student's active practice, its case, and the part being asked.
async fn current<'a>(
    inner: &'a Inner,
    who: &Who,
) -> anyhow::Result<Option<(Active, &'a Case, String, &'a crate::case::Part)>> {
    let Some(practice) = active(inner, who.member_id).await? else {
        return Ok(None);
    };
    let case = inner.case_for(&who.class);
    let Some(part_id) = practice.parts.get(practice.current).cloned() else {
        return Ok(None);
    };
    let Some((_, part)) = case.part(&part_id) else {
        return Ok(None);
    };
    Ok(Some((practice, case, part_id, part)))
}

/// A student may not work in practice on a calculation the class's running quiz seals: one
/// it asks and has not corrected, one computed from it, or one whose worked answer shows a
/// figure tied to it (the verdict, a hint or the worked answer would give the quiz answer
/// away). When allowed, the KPIs sealed (their figures are hidden in commentaries).
async fn locked_by_quiz(
    inner: &Inner,
    who: &Who,
    case: &Case,
    kpi: usize,
) -> Result<BTreeSet<usize>, Vec<Reply>> {
    let sealed = super::sight::sealed_for(inner, who, case).await;
    if !super::sight::touches(case, kpi, &sealed) {
        return Ok(sealed);
    }
    Err(vec![Reply::private(
        inner.messages().render(msg::PLAY_PRACTICE_LOCKED, &[]),
    )])
}

/// Whether the student already finished this part in an earlier practice run: then it trains
/// for free.
async fn done_before(
    inner: &Inner,
    who: &Who,
    part_id: &str,
    practice: i64,
) -> anyhow::Result<bool> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT practice_id FROM practice_done WHERE member_id = ? AND part_id = ? AND practice_id <> ?",
    )
    .bind(who.member_id)
    .bind(part_id)
    .bind(practice)
    .fetch_optional(&inner.store.write)
    .await?;
    Ok(row.is_some())
}

/// Records that the student finished a part in practice (the first time only counts).
async fn mark_done(
    tx: &mut sqlx::Transaction<'static, sqlx::Sqlite>,
    who: &Who,
    part_id: &str,
    practice: i64,
    how: &str,
    now: i64,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO practice_done (member_id, part_id, practice_id, how, done_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (member_id, part_id) DO NOTHING",
    )
    .bind(who.member_id)
    .bind(part_id)
    .bind(practice)
    .bind(how)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

fn none_active(inner: &Inner) -> Vec<Reply> {
    vec![Reply::private(
        inner.messages().render(msg::PLAY_PRACTICE_NONE, &[]),
    )]
}

/// `/entrainement`: starts (or restarts) a practice run.
pub async fn start(
    inner: &Arc<Inner>,
    _request: &Request,
    who: &Who,
    scope: &Scope,
) -> anyhow::Result<Vec<Reply>> {
    let m = inner.messages();
    let case = inner.case_for(&who.class);
    let parts = match parts_of(case, scope) {
        Ok(p) if !p.is_empty() => p,
        Ok(_) => return Ok(vec![Reply::private(m.render(msg::PLAY_QUIZ_EMPTY, &[]))]),
        Err(id) => {
            return Ok(vec![Reply::private(
                m.render(msg::PLAY_UNKNOWN_SCOPE, &[("id", &id)]),
            )])
        }
    };
    let ids: Vec<&String> = parts.iter().map(|p| &p.0).collect();
    let now = inner.now();
    let mut tx = inner.store.begin().await?;
    sqlx::query("UPDATE practices SET status = 'abandoned', ended_at = ? WHERE member_id = ? AND status = 'active'")
        .bind(now)
        .bind(who.member_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO practices (class_id, member_id, case_id, parts, current, status, started_at) VALUES (?, ?, ?, ?, 0, 'active', ?)",
    )
    .bind(who.class.id)
    .bind(who.member_id)
    .bind(&case.meta.id)
    .bind(serde_json::to_string(&ids)?)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    let total: Milli = parts.iter().map(|p| p.2).sum();
    let mut text = m.render(
        msg::PLAY_PRACTICE_STARTED,
        &[
            (
                "parts",
                &crate::render::count(
                    m,
                    parts.len(),
                    msg::COUNT_CALCUL_ONE,
                    msg::COUNT_CALCUL_MANY,
                ),
            ),
            (
                "points",
                &crate::render::points(m, scoring::from_milli(total)),
            ),
        ],
    );
    text.push_str("\n\n");
    text.push_str(&part_prompt(inner, case, &parts[0].0, 1, parts.len()));
    Ok(vec![Reply::private(text)])
}

fn part_prompt(inner: &Inner, case: &Case, part_id: &str, n: usize, total: usize) -> String {
    let m = inner.messages();
    let Some((_, part)) = case.part(part_id) else {
        return String::new();
    };
    let mut text = m.render(
        msg::PLAY_PRACTICE_STEP,
        &[("n", &n.to_string()), ("total", &total.to_string())],
    );
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
            &m.render(msg::PLAY_SEALED_FIGURE, &[]),
        )
    ))
}

/// What comes after a part is done: the next part, or the end of the run.
async fn advance(
    inner: &Inner,
    tx: &mut sqlx::Transaction<'static, sqlx::Sqlite>,
    case: &Case,
    practice: &Active,
) -> anyhow::Result<String> {
    let m = inner.messages();
    let next = practice.current + 1;
    if next < practice.parts.len() {
        sqlx::query("UPDATE practices SET current = ? WHERE id = ?")
            .bind(next as i64)
            .bind(practice.id)
            .execute(&mut **tx)
            .await?;
        return Ok(part_prompt(
            inner,
            case,
            &practice.parts[next],
            next + 1,
            practice.parts.len(),
        ));
    }
    sqlx::query("UPDATE practices SET current = ?, status = 'done', ended_at = ? WHERE id = ?")
        .bind(next as i64)
        .bind(inner.now())
        .bind(practice.id)
        .execute(&mut **tx)
        .await?;
    let (points, right): (Option<i64>, i64) = sqlx::query_as(
        "SELECT SUM(points_milli), COUNT(DISTINCT CASE WHEN verdict = 'correct' THEN part_id END) FROM answers WHERE practice_id = ?",
    )
    .bind(practice.id)
    .fetch_one(&mut **tx)
    .await?;
    let total = practice.parts.len();
    let right = usize::try_from(right).unwrap_or(0);
    let cheer = if right >= total {
        msg::PLAY_PRACTICE_CHEER_ALL
    } else if 2 * right >= total {
        msg::PLAY_PRACTICE_CHEER_GOOD
    } else {
        msg::PLAY_PRACTICE_CHEER_KEEP
    };
    Ok(m.render(
        msg::PLAY_PRACTICE_DONE,
        &[
            (
                "right",
                &crate::render::count(m, right, msg::PLAY_N_RIGHT_ONE, msg::PLAY_N_RIGHT_MANY),
            ),
            ("total", &total.to_string()),
            ("cheer", &m.render(cheer, &[])),
            (
                "points",
                &crate::render::points(m, scoring::from_milli(points.unwrap_or(0))),
            ),
        ],
    ))
}

async fn hint_level(inner: &Inner, practice_id: i64, part_id: &str) -> anyhow::Result<usize> {
    let (level,): (Option<i64>,) =
        sqlx::query_as("SELECT MAX(level) FROM hints WHERE practice_id = ? AND part_id = ?")
            .bind(practice_id)
            .bind(part_id)
            .fetch_one(&inner.store.write)
            .await?;
    Ok(level.unwrap_or(0).max(0) as usize)
}

/// An answer to the current practice part.
pub async fn answer(
    inner: &Arc<Inner>,
    request: &Request,
    who: &Who,
    text: &str,
) -> anyhow::Result<Vec<Reply>> {
    let m = inner.messages();
    let Some((practice, case, part_id, part)) = current(inner, who).await? else {
        return Ok(none_active(inner));
    };
    let kpi = part.kpi;
    let sealed = match locked_by_quiz(inner, who, case, kpi).await {
        Ok(sealed) => sealed,
        Err(refused) => return Ok(refused),
    };
    let base = scoring::to_milli(part.points);
    let outcome = case.check(kpi, text);
    let verdict_text = crate::render::verdict(m, case, kpi, &outcome);
    if outcome.verdict == Verdict::Invalid {
        return Ok(vec![Reply::private(verdict_text)]);
    }
    let (attempts,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM answers WHERE practice_id = ? AND part_id = ?")
            .bind(practice.id)
            .bind(&part_id)
            .fetch_one(&inner.store.write)
            .await?;
    let attempt = attempts as usize + 1;
    let level = hint_level(inner, practice.id, &part_id).await?;
    let cost = scoring::hint_cost(&inner.settings, base, level);
    let again = done_before(inner, who, &part_id, practice.id).await?;
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
        reply_text.push_str(&m.render(msg::PLAY_PRACTICE_AGAIN, &[]));
    } else if outcome.verdict == Verdict::Correct {
        reply_text.push('\n');
        reply_text.push_str(&m.render(
            msg::PLAY_PRACTICE_EARNED,
            &[(
                "points",
                &crate::render::points(m, scoring::from_milli(points)),
            )],
        ));
    } else if attempt >= credits {
        reply_text.push('\n');
        reply_text.push_str(&m.render(msg::PLAY_PRACTICE_NO_MORE_TRIES, &[]));
    } else if again {
        reply_text.push('\n');
        reply_text.push_str(&m.render(
            msg::PLAY_PRACTICE_RETRY_FREE,
            &[
                ("attempt", &attempt.to_string()),
                ("max", &credits.to_string()),
            ],
        ));
    } else {
        let next_points =
            scoring::practice_points(&inner.settings, base, Verdict::Correct, attempt + 1, cost);
        reply_text.push('\n');
        reply_text.push_str(&m.render(
            msg::PLAY_PRACTICE_RETRY,
            &[
                ("attempt", &attempt.to_string()),
                ("max", &credits.to_string()),
                (
                    "points",
                    &crate::render::points(m, scoring::from_milli(next_points)),
                ),
            ],
        ));
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
    );
    row.practice_id = Some(practice.id);
    row.attempt = attempt as i64;
    let action = sqlx::query(
        "INSERT INTO actions (action_id, class_id, replies, processed_at) VALUES (?, ?, '[]', ?) ON CONFLICT (action_id) DO NOTHING",
    )
    .bind(&row.action_id)
    .bind(row.class_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    if action.rows_affected() == 0 {
        // Processed meanwhile by a twin delivery: change nothing, give its replies.
        drop(tx);
        return Ok(inner.replay(&row.action_id).await?.unwrap_or_default());
    }
    crate::store::insert_answer(&mut tx, &row).await?;
    // The worked answer and what comes next are written after the answer is stored, so the
    // end-of-run summary counts it.
    if finished_part {
        let how = if outcome.verdict == Verdict::Correct {
            "correct"
        } else {
            "tries"
        };
        mark_done(&mut tx, who, &part_id, practice.id, how, now).await?;
        reply_text.push_str("\n\n");
        reply_text.push_str(&worked(inner, case, &part_id, kpi, &sealed)?);
        reply_text.push_str("\n\n");
        reply_text.push_str(&advance(inner, &mut tx, case, &practice).await?);
    }
    let replies = vec![Reply::private(reply_text)];
    sqlx::query("UPDATE actions SET replies = ? WHERE action_id = ?")
        .bind(super::replies_json(&replies))
        .bind(&row.action_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(replies)
}

/// `/indice` during practice.
pub async fn hint(
    inner: &Arc<Inner>,
    _request: &Request,
    who: &Who,
    confirm: bool,
) -> anyhow::Result<Vec<Reply>> {
    let m = inner.messages();
    let Some((practice, case, part_id, part)) = current(inner, who).await? else {
        return Ok(none_active(inner));
    };
    if let Err(refused) = locked_by_quiz(inner, who, case, part.kpi).await {
        return Ok(refused);
    }
    let base = scoring::to_milli(part.points);
    let level = hint_level(inner, practice.id, &part_id).await? + 1;
    let Some(cost) = scoring::hint_level_cost(&inner.settings, base, level) else {
        return Ok(vec![Reply::private(m.render(msg::PLAY_HINT_NO_MORE, &[]))]);
    };
    if !confirm {
        return Ok(vec![hint_offer(inner, level, cost, None)]);
    }
    sqlx::query(
        "INSERT INTO hints (class_id, member_id, practice_id, part_id, level, cost_milli, taken_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
    )
    .bind(who.class.id)
    .bind(who.member_id)
    .bind(practice.id)
    .bind(&part_id)
    .bind(level as i64)
    .bind(cost)
    .bind(inner.now())
    .execute(&inner.store.write)
    .await?;
    Ok(vec![Reply::private(crate::render::hint(
        m,
        case,
        part.kpi,
        level as u8,
    )?)])
}

/// `/solution`: gives up the current part, shows its worked answer, moves on.
pub async fn give_up(
    inner: &Arc<Inner>,
    _request: &Request,
    who: &Who,
) -> anyhow::Result<Vec<Reply>> {
    let m = inner.messages();
    let Some((practice, case, part_id, part)) = current(inner, who).await? else {
        return Ok(none_active(inner));
    };
    let sealed = match locked_by_quiz(inner, who, case, part.kpi).await {
        Ok(sealed) => sealed,
        Err(refused) => return Ok(refused),
    };
    let mut text = m.render(msg::PLAY_PRACTICE_GAVE_UP, &[]);
    text.push_str("\n\n");
    text.push_str(&worked(inner, case, &part_id, part.kpi, &sealed)?);
    let mut tx = inner.store.begin().await?;
    mark_done(&mut tx, who, &part_id, practice.id, "solution", inner.now()).await?;
    text.push_str("\n\n");
    text.push_str(&advance(inner, &mut tx, case, &practice).await?);
    tx.commit().await?;
    Ok(vec![Reply::private(text)])
}
