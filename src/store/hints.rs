//! Table `hints`: the hints taken (quiz or practice), with what they cost.

use super::{ClassId, MemberId, PracticeId, QuizId};
use sqlx::{Error, SqliteExecutor};

/// A hint taken.
#[derive(Debug, Clone)]
pub struct NewHint<'a> {
    pub class_id: ClassId,
    pub member_id: MemberId,
    pub part_id: &'a str,
    pub level: i64,
    pub cost_milli: i64,
    pub taken_at: i64,
}

/// Records a hint taken on item `idx` of a quiz; `false` when that level was already taken
/// (nothing written).
pub async fn insert_in_quiz<'e>(
    ex: impl SqliteExecutor<'e>,
    hint: &NewHint<'_>,
    quiz: QuizId,
    idx: i64,
) -> Result<bool, Error> {
    let done = sqlx::query(
        "INSERT INTO hints (class_id, member_id, quiz_id, item_idx, part_id, level, cost_milli, taken_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
    )
    .bind(hint.class_id)
    .bind(hint.member_id)
    .bind(quiz)
    .bind(idx)
    .bind(hint.part_id)
    .bind(hint.level)
    .bind(hint.cost_milli)
    .bind(hint.taken_at)
    .execute(ex)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records a hint taken in a practice run (a level already taken is left as it is).
pub async fn insert_in_practice<'e>(
    ex: impl SqliteExecutor<'e>,
    hint: &NewHint<'_>,
    practice: PracticeId,
) -> Result<(), Error> {
    sqlx::query(
        "INSERT INTO hints (class_id, member_id, practice_id, part_id, level, cost_milli, taken_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
    )
    .bind(hint.class_id)
    .bind(hint.member_id)
    .bind(practice)
    .bind(hint.part_id)
    .bind(hint.level)
    .bind(hint.cost_milli)
    .bind(hint.taken_at)
    .execute(ex)
    .await?;
    Ok(())
}

/// The highest hint level taken on a part in a practice run (`None`: none taken).
pub async fn level_in_practice<'e>(
    ex: impl SqliteExecutor<'e>,
    practice: PracticeId,
    part_id: &str,
) -> Result<Option<i64>, Error> {
    let (level,): (Option<i64>,) =
        sqlx::query_as("SELECT MAX(level) FROM hints WHERE practice_id = ? AND part_id = ?")
            .bind(practice)
            .bind(part_id)
            .fetch_one(ex)
            .await?;
    Ok(level)
}

/// How many hints a practice run took.
pub async fn count_in_practice<'e>(
    ex: impl SqliteExecutor<'e>,
    practice: PracticeId,
) -> Result<i64, Error> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM hints WHERE practice_id = ?")
        .bind(practice)
        .fetch_one(ex)
        .await?;
    Ok(n)
}

/// The highest hint level a member took on an item of a quiz.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ItemLevel {
    pub item_idx: i64,
    pub member_id: MemberId,
    pub level: i64,
}

/// The hint levels taken in a quiz, per item and member (what a restarted quiz rebuilds).
pub async fn levels_in_quiz<'e>(
    ex: impl SqliteExecutor<'e>,
    quiz: QuizId,
) -> Result<Vec<ItemLevel>, Error> {
    sqlx::query_as(
        "SELECT item_idx, member_id, MAX(level) AS level FROM hints WHERE quiz_id = ? GROUP BY item_idx, member_id",
    )
    .bind(quiz)
    .fetch_all(ex)
    .await
}

/// The members who took a hint in a quiz.
pub async fn members_in_quiz<'e>(
    ex: impl SqliteExecutor<'e>,
    quiz: QuizId,
) -> Result<Vec<MemberId>, Error> {
    let rows: Vec<(MemberId,)> =
        sqlx::query_as("SELECT DISTINCT member_id FROM hints WHERE quiz_id = ?")
            .bind(quiz)
            .fetch_all(ex)
            .await?;
    Ok(rows.into_iter().map(|(m,)| m).collect())
}

/// A student of a quiz who only took hints, answering nothing.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HintOnly {
    pub id: MemberId,
    pub display_name: String,
    pub platform_user: String,
}

/// The students who took hints in a quiz but gave no answer, by name.
pub async fn hint_only_students<'e>(
    ex: impl SqliteExecutor<'e>,
    quiz: QuizId,
) -> Result<Vec<HintOnly>, Error> {
    sqlx::query_as(
        "SELECT DISTINCT m.id, m.display_name, m.platform_user FROM hints h
         JOIN members m ON m.id = h.member_id
         WHERE h.quiz_id = ? AND m.role = 'student'
           AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.quiz_id = h.quiz_id AND a.member_id = m.id)
         ORDER BY m.display_name COLLATE NOCASE",
    )
    .bind(quiz)
    .fetch_all(ex)
    .await
}

/// One of a member's hints, as `/mes-donnees` shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MemberHint {
    pub quiz_id: Option<QuizId>,
    pub practice_id: Option<PracticeId>,
    pub part_id: String,
    pub level: i64,
    pub cost_milli: i64,
    pub taken_at: i64,
}

/// Every hint of a member, oldest first.
pub async fn of_member<'e>(
    ex: impl SqliteExecutor<'e>,
    member: MemberId,
) -> Result<Vec<MemberHint>, Error> {
    sqlx::query_as(
        "SELECT quiz_id, practice_id, part_id, level, cost_milli, taken_at FROM hints WHERE member_id = ? ORDER BY taken_at",
    )
    .bind(member)
    .fetch_all(ex)
    .await
}
