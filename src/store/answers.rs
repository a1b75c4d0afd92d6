//! Table `answers`: every judged answer (quiz or practice). Invalid answers are never stored.

use super::stored::stored_enum;
use super::{ClassId, MemberId, PracticeId, QuizId};
use sqlx::{Error, SqliteExecutor};

stored_enum!(
    /// What an answer was judged (`answers.verdict`; an invalid answer is not stored).
    Verdict("verdict") {
        Correct => "correct",
        Close => "close",
        Wrong => "wrong",
    }
);

impl Verdict {
    /// The stored verdict of a checked answer; `None` for an invalid one (never stored).
    pub fn of(verdict: crate::check::Verdict) -> Option<Verdict> {
        match verdict {
            crate::check::Verdict::Correct => Some(Verdict::Correct),
            crate::check::Verdict::Close => Some(Verdict::Close),
            crate::check::Verdict::Wrong => Some(Verdict::Wrong),
            crate::check::Verdict::Invalid => None,
        }
    }
}

/// One answer to store, with the action that carried it.
#[derive(Debug, Clone)]
pub struct AnswerRow {
    pub action_id: String,
    pub replies_json: String,
    pub class_id: ClassId,
    pub member_id: MemberId,
    pub quiz_id: Option<QuizId>,
    pub item_idx: Option<i64>,
    pub practice_id: Option<PracticeId>,
    pub part_id: String,
    pub kpi_id: String,
    pub attempt: i64,
    pub input: String,
    pub given: Option<String>,
    pub verdict: Verdict,
    pub mistake: Option<&'static str>,
    pub points_milli: i64,
    pub elapsed_ms: Option<i64>,
    pub answered_at: i64,
}

/// Inserts one judged answer; `false` when it is a second scored answer to the same quiz item
/// (ignored, nothing written).
pub async fn insert<'e>(ex: impl SqliteExecutor<'e>, row: &AnswerRow) -> Result<bool, Error> {
    let done = sqlx::query(
        "INSERT INTO answers (class_id, member_id, quiz_id, item_idx, practice_id, part_id, kpi_id,
             attempt, input, given, verdict, mistake, points_milli, elapsed_ms, answered_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT DO NOTHING",
    )
    .bind(row.class_id)
    .bind(row.member_id)
    .bind(row.quiz_id)
    .bind(row.item_idx)
    .bind(row.practice_id)
    .bind(&row.part_id)
    .bind(&row.kpi_id)
    .bind(row.attempt)
    .bind(&row.input)
    .bind(&row.given)
    .bind(row.verdict)
    .bind(row.mistake)
    .bind(row.points_milli)
    .bind(row.elapsed_ms)
    .bind(row.answered_at)
    .execute(ex)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// The members whose answer to item `idx` of a quiz is right.
pub async fn right_on_item<'e>(
    ex: impl SqliteExecutor<'e>,
    quiz: QuizId,
    idx: i64,
) -> Result<Vec<MemberId>, Error> {
    let rows: Vec<(MemberId,)> = sqlx::query_as(
        "SELECT member_id FROM answers WHERE quiz_id = ? AND item_idx = ? AND verdict = 'correct'",
    )
    .bind(quiz)
    .bind(idx)
    .fetch_all(ex)
    .await?;
    Ok(rows.into_iter().map(|(m,)| m).collect())
}

/// How one answer to a quiz item was judged.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ItemAnswer {
    pub verdict: Verdict,
    pub mistake: Option<String>,
    pub given: Option<String>,
}

/// Every answer to item `idx` of a quiz: verdict, mistake and value read.
pub async fn on_item<'e>(
    ex: impl SqliteExecutor<'e>,
    quiz: QuizId,
    idx: i64,
) -> Result<Vec<ItemAnswer>, Error> {
    sqlx::query_as("SELECT verdict, mistake, given FROM answers WHERE quiz_id = ? AND item_idx = ?")
        .bind(quiz)
        .bind(idx)
        .fetch_all(ex)
        .await
}

/// A verdict and the value read, of one answer to a quiz item.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Given {
    pub verdict: Verdict,
    pub given: Option<String>,
}

/// The verdicts and values read of the answers to item `idx` of a quiz (its answer chart).
pub async fn given_on_item<'e>(
    ex: impl SqliteExecutor<'e>,
    quiz: QuizId,
    idx: i64,
) -> Result<Vec<Given>, Error> {
    sqlx::query_as("SELECT verdict, given FROM answers WHERE quiz_id = ? AND item_idx = ?")
        .bind(quiz)
        .bind(idx)
        .fetch_all(ex)
        .await
}

/// Who answered which item of a quiz, and how it was judged.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ItemVerdict {
    pub item_idx: i64,
    pub member_id: MemberId,
    pub verdict: Verdict,
}

/// Every answer of a quiz, by item (what a restarted quiz rebuilds its state from).
pub async fn of_quiz_by_item<'e>(
    ex: impl SqliteExecutor<'e>,
    quiz: QuizId,
) -> Result<Vec<ItemVerdict>, Error> {
    sqlx::query_as(
        "SELECT item_idx, member_id, verdict FROM answers WHERE quiz_id = ? ORDER BY item_idx",
    )
    .bind(quiz)
    .fetch_all(ex)
    .await
}

/// One answer of a quiz: whose, to which part, how judged.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PartVerdict {
    pub member_id: MemberId,
    pub part_id: String,
    pub kpi_id: String,
    pub verdict: Verdict,
}

/// Every answer of a quiz, in item order (the players' summaries).
pub async fn of_quiz<'e>(
    ex: impl SqliteExecutor<'e>,
    quiz: QuizId,
) -> Result<Vec<PartVerdict>, Error> {
    sqlx::query_as(
        "SELECT member_id, part_id, kpi_id, verdict FROM answers WHERE quiz_id = ? ORDER BY item_idx",
    )
    .bind(quiz)
    .fetch_all(ex)
    .await
}

/// Points on a part (an answer's, or a quiz item's).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PartPoints {
    pub part_id: String,
    pub points_milli: i64,
}

/// The points of one member's answers in a quiz, by part.
pub async fn member_points_in_quiz<'e>(
    ex: impl SqliteExecutor<'e>,
    quiz: QuizId,
    member: MemberId,
) -> Result<Vec<PartPoints>, Error> {
    sqlx::query_as("SELECT part_id, points_milli FROM answers WHERE quiz_id = ? AND member_id = ?")
        .bind(quiz)
        .bind(member)
        .fetch_all(ex)
        .await
}

/// How many answers a practice run has on a part (the attempts so far).
pub async fn attempts_in_practice<'e>(
    ex: impl SqliteExecutor<'e>,
    practice: PracticeId,
    part_id: &str,
) -> Result<i64, Error> {
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM answers WHERE practice_id = ? AND part_id = ?")
            .bind(practice)
            .bind(part_id)
            .fetch_one(ex)
            .await?;
    Ok(n)
}

/// What a practice run earned: its points, the parts found, and those found at the first try.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RunTotals {
    pub points: Option<i64>,
    pub found: i64,
    pub first_try: i64,
}

/// The totals of a practice run's answers.
pub async fn practice_totals<'e>(
    ex: impl SqliteExecutor<'e>,
    practice: PracticeId,
) -> Result<RunTotals, Error> {
    sqlx::query_as(
        "SELECT SUM(points_milli) AS points, COUNT(DISTINCT CASE WHEN verdict = 'correct' THEN part_id END) AS found,
                COUNT(DISTINCT CASE WHEN verdict = 'correct' AND attempt = 1 THEN part_id END) AS first_try
         FROM answers WHERE practice_id = ?",
    )
    .bind(practice)
    .fetch_one(ex)
    .await
}

/// The text of the last answer (not right) of a practice run on a part, if any.
pub async fn last_miss_in_practice<'e>(
    ex: impl SqliteExecutor<'e>,
    practice: PracticeId,
    part_id: &str,
) -> Result<Option<String>, Error> {
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT input FROM answers WHERE practice_id = ? AND part_id = ? AND verdict <> 'correct' ORDER BY id DESC LIMIT 1",
    )
    .bind(practice)
    .bind(part_id)
    .fetch_optional(ex)
    .await?;
    Ok(row.map(|(input,)| input))
}

/// One of a member's answers, as `/mes-donnees` shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MemberAnswer {
    pub quiz_id: Option<QuizId>,
    pub practice_id: Option<PracticeId>,
    pub part_id: String,
    pub attempt: i64,
    pub input: String,
    pub verdict: Verdict,
    pub points_milli: i64,
    pub answered_at: i64,
}

/// Every answer of a member, oldest first.
pub async fn of_member<'e>(
    ex: impl SqliteExecutor<'e>,
    member: MemberId,
) -> Result<Vec<MemberAnswer>, Error> {
    sqlx::query_as(
        "SELECT quiz_id, practice_id, part_id, attempt, input, verdict, points_milli, answered_at
         FROM answers WHERE member_id = ? ORDER BY answered_at, id",
    )
    .bind(member)
    .fetch_all(ex)
    .await
}

/// How many answers a member has.
pub async fn count_of_member<'e>(
    ex: impl SqliteExecutor<'e>,
    member: MemberId,
) -> Result<i64, Error> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM answers WHERE member_id = ?")
        .bind(member)
        .fetch_one(ex)
        .await?;
    Ok(n)
}

/// How many answers a class has.
pub async fn count_of_class<'e>(ex: impl SqliteExecutor<'e>, class: ClassId) -> Result<i64, Error> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM answers WHERE class_id = ?")
        .bind(class)
        .fetch_one(ex)
        .await?;
    Ok(n)
}
