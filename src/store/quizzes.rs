//! Tables `quizzes` and `quiz_items`: the quizzes launched, their state and settings, and the
//! items (numeric parts) each asks, in order, with their clocks.

use super::answers::PartPoints;
use super::stored::stored_enum;
use super::{ClassId, MemberId, QuizId};
use sqlx::{Error, SqliteExecutor};

stored_enum!(
    /// Where a quiz is (`quizzes.status`).
    QuizStatus("quiz status") {
        Running => "running",
        Paused => "paused",
        Finished => "finished",
        Stopped => "stopped",
    }
);

/// A quiz to launch.
#[derive(Debug, Clone)]
pub struct NewQuiz<'a> {
    pub class_id: ClassId,
    pub channel_id: &'a str,
    pub case_id: &'a str,
    pub launched_by: MemberId,
    /// JSON of the quiz's settings.
    pub settings: &'a str,
    pub created_at: i64,
}

/// Inserts a running quiz; `None` when the class already has a live one (nothing written).
pub async fn insert<'e>(
    ex: impl SqliteExecutor<'e>,
    quiz: &NewQuiz<'_>,
) -> Result<Option<QuizId>, Error> {
    let inserted = sqlx::query(
        "INSERT INTO quizzes (class_id, channel_id, case_id, launched_by, status, settings, created_at)
         VALUES (?, ?, ?, ?, 'running', ?, ?)",
    )
    .bind(quiz.class_id)
    .bind(quiz.channel_id)
    .bind(quiz.case_id)
    .bind(quiz.launched_by)
    .bind(quiz.settings)
    .bind(quiz.created_at)
    .execute(ex)
    .await;
    match inserted {
        Ok(r) => Ok(Some(QuizId(r.last_insert_rowid()))),
        Err(Error::Database(e)) if e.is_unique_violation() => Ok(None),
        Err(e) => Err(e),
    }
}

/// Inserts item `idx` of a quiz.
pub async fn insert_item<'e>(
    ex: impl SqliteExecutor<'e>,
    quiz: QuizId,
    idx: i64,
    part_id: &str,
    kpi_id: &str,
    points_milli: i64,
) -> Result<(), Error> {
    sqlx::query("INSERT INTO quiz_items (quiz_id, idx, part_id, kpi_id, points_milli) VALUES (?, ?, ?, ?, ?)")
        .bind(quiz)
        .bind(idx)
        .bind(part_id)
        .bind(kpi_id)
        .bind(points_milli)
        .execute(ex)
        .await?;
    Ok(())
}

/// Saves a live quiz's state: status, current item, time left when paused.
pub async fn set_clock<'e>(
    ex: impl SqliteExecutor<'e>,
    quiz: QuizId,
    status: QuizStatus,
    current_item: i64,
    paused_left_ms: Option<i64>,
) -> Result<(), Error> {
    sqlx::query("UPDATE quizzes SET status = ?, current_item = ?, paused_left_ms = ? WHERE id = ?")
        .bind(status)
        .bind(current_item)
        .bind(paused_left_ms)
        .bind(quiz)
        .execute(ex)
        .await?;
    Ok(())
}

/// The clocks of a quiz item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemClock {
    pub shown_at: Option<i64>,
    pub deadline_at: Option<i64>,
    pub limit_ms: Option<i64>,
    pub closed_at: Option<i64>,
    pub revealed_at: Option<i64>,
}

/// Saves the clocks of item `idx` of a quiz.
pub async fn set_item_clock<'e>(
    ex: impl SqliteExecutor<'e>,
    quiz: QuizId,
    idx: i64,
    clock: &ItemClock,
) -> Result<(), Error> {
    sqlx::query(
        "UPDATE quiz_items SET shown_at = ?, deadline_at = ?, limit_ms = ?, closed_at = ?, revealed_at = ?
             WHERE quiz_id = ? AND idx = ?",
    )
    .bind(clock.shown_at)
    .bind(clock.deadline_at)
    .bind(clock.limit_ms)
    .bind(clock.closed_at)
    .bind(clock.revealed_at)
    .bind(quiz)
    .bind(idx)
    .execute(ex)
    .await?;
    Ok(())
}

/// Marks a quiz stopped (`/quiz arreter`) at `now`.
pub async fn mark_stopped<'e>(
    ex: impl SqliteExecutor<'e>,
    quiz: QuizId,
    now: i64,
) -> Result<(), Error> {
    sqlx::query("UPDATE quizzes SET status = 'stopped', ended_at = ? WHERE id = ?")
        .bind(now)
        .bind(quiz)
        .execute(ex)
        .await?;
    Ok(())
}

/// Marks a quiz finished (it ran to its last question) at `now`.
pub async fn mark_finished<'e>(
    ex: impl SqliteExecutor<'e>,
    quiz: QuizId,
    now: i64,
) -> Result<(), Error> {
    sqlx::query("UPDATE quizzes SET status = 'finished', ended_at = ? WHERE id = ?")
        .bind(now)
        .bind(quiz)
        .execute(ex)
        .await?;
    Ok(())
}

/// Closes every item of a quiz not closed yet, at `now`.
pub async fn close_items<'e>(
    ex: impl SqliteExecutor<'e>,
    quiz: QuizId,
    now: i64,
) -> Result<(), Error> {
    sqlx::query("UPDATE quiz_items SET closed_at = COALESCE(closed_at, ?) WHERE quiz_id = ?")
        .bind(now)
        .bind(quiz)
        .execute(ex)
        .await?;
    Ok(())
}

/// Marks item `idx` of a quiz revealed at `now`.
pub async fn mark_revealed<'e>(
    ex: impl SqliteExecutor<'e>,
    quiz: QuizId,
    idx: i64,
    now: i64,
) -> Result<(), Error> {
    sqlx::query("UPDATE quiz_items SET revealed_at = ? WHERE quiz_id = ? AND idx = ?")
        .bind(now)
        .bind(quiz)
        .bind(idx)
        .execute(ex)
        .await?;
    Ok(())
}

/// A running or paused quiz, with where its class is.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LiveRow {
    pub id: QuizId,
    pub class_id: ClassId,
    pub platform: String,
    pub platform_id: String,
    pub channel_id: String,
    pub case_id: String,
    pub status: QuizStatus,
    pub settings: String,
    pub current_item: i64,
    pub paused_left_ms: Option<i64>,
}

/// Every running or paused quiz (what a start resumes).
pub async fn live<'e>(ex: impl SqliteExecutor<'e>) -> Result<Vec<LiveRow>, Error> {
    sqlx::query_as(
        "SELECT q.id, q.class_id, c.platform, c.platform_id, q.channel_id, q.case_id, q.status, q.settings,
                q.current_item, q.paused_left_ms
         FROM quizzes q JOIN classes c ON c.id = q.class_id WHERE q.status IN ('running', 'paused')",
    )
    .fetch_all(ex)
    .await
}

/// An item of a quiz as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ItemRow {
    pub part_id: String,
    pub kpi_id: String,
    pub points_milli: i64,
    pub shown_at: Option<i64>,
    pub deadline_at: Option<i64>,
    pub limit_ms: Option<i64>,
    pub closed_at: Option<i64>,
    pub revealed_at: Option<i64>,
}

/// The items of a quiz, in order.
pub async fn items<'e>(ex: impl SqliteExecutor<'e>, quiz: QuizId) -> Result<Vec<ItemRow>, Error> {
    sqlx::query_as(
        "SELECT part_id, kpi_id, points_milli, shown_at, deadline_at, limit_ms, closed_at, revealed_at
             FROM quiz_items WHERE quiz_id = ? ORDER BY idx",
    )
    .bind(quiz)
    .fetch_all(ex)
    .await
}

/// The class's last quiz launched, if any.
pub async fn last_of_class<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
) -> Result<Option<QuizId>, Error> {
    let row: Option<(QuizId,)> = sqlx::query_as(
        "SELECT id FROM quizzes WHERE class_id = ? ORDER BY created_at DESC, id DESC LIMIT 1",
    )
    .bind(class)
    .fetch_optional(ex)
    .await?;
    Ok(row.map(|(id,)| id))
}

/// When the class's last quiz to end ended, if one did.
pub async fn last_ended_at<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
) -> Result<Option<i64>, Error> {
    let ended: Option<(Option<i64>,)> = sqlx::query_as(
        "SELECT MAX(ended_at) FROM quizzes WHERE class_id = ? AND ended_at IS NOT NULL",
    )
    .bind(class)
    .fetch_optional(ex)
    .await?;
    Ok(ended.and_then(|(at,)| at))
}

/// The KPI item `idx` of a quiz asks, if the quiz has that item.
pub async fn item_kpi<'e>(
    ex: impl SqliteExecutor<'e>,
    quiz: QuizId,
    idx: i64,
) -> Result<Option<String>, Error> {
    let kpi: Option<(String,)> =
        sqlx::query_as("SELECT kpi_id FROM quiz_items WHERE quiz_id = ? AND idx = ?")
            .bind(quiz)
            .bind(idx)
            .fetch_optional(ex)
            .await?;
    Ok(kpi.map(|(k,)| k))
}

/// The points of the items a quiz asked (shown), in all (`None`: it asked none).
pub async fn asked_points<'e>(
    ex: impl SqliteExecutor<'e>,
    quiz: QuizId,
) -> Result<Option<i64>, Error> {
    let (total,): (Option<i64>,) = sqlx::query_as(
        "SELECT SUM(points_milli) FROM quiz_items WHERE quiz_id = ? AND shown_at IS NOT NULL",
    )
    .bind(quiz)
    .fetch_one(ex)
    .await?;
    Ok(total)
}

/// The items a quiz asked (shown), in order, with their points.
pub async fn asked_items<'e>(
    ex: impl SqliteExecutor<'e>,
    quiz: QuizId,
) -> Result<Vec<PartPoints>, Error> {
    sqlx::query_as(
        "SELECT part_id, points_milli FROM quiz_items WHERE quiz_id = ? AND shown_at IS NOT NULL ORDER BY idx",
    )
    .bind(quiz)
    .fetch_all(ex)
    .await
}

/// The KPIs the class's quizzes of a case have revealed.
pub async fn revealed_kpis<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
    case_id: &str,
) -> Result<Vec<String>, Error> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT DISTINCT i.kpi_id FROM quiz_items i JOIN quizzes q ON q.id = i.quiz_id
         WHERE q.class_id = ? AND q.case_id = ? AND i.revealed_at IS NOT NULL",
    )
    .bind(class)
    .bind(case_id)
    .fetch_all(ex)
    .await?;
    Ok(rows.into_iter().map(|(k,)| k).collect())
}
