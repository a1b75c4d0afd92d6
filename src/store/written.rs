//! Table `written_answers`: written answers to questions with a grading grid, with the
//! student's self-assessment and the teacher's grade. Criteria are JSON lists of criterion
//! ids; points are milli-points.

use super::{ClassId, MemberId, WrittenId};
use sqlx::{Error, SqliteExecutor};

/// Stores a written answer.
pub async fn insert<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
    member: MemberId,
    case_id: &str,
    question_id: &str,
    text: &str,
    now: i64,
) -> Result<WrittenId, Error> {
    let done = sqlx::query(
        "INSERT INTO written_answers (class_id, member_id, case_id, question_id, text, written_at) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(class)
    .bind(member)
    .bind(case_id)
    .bind(question_id)
    .bind(text)
    .bind(now)
    .execute(ex)
    .await?;
    Ok(WrittenId(done.last_insert_rowid()))
}

/// A written answer as stored, with its author.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct WrittenRow {
    pub member_id: MemberId,
    pub platform_user: String,
    pub display_name: String,
    pub question_id: String,
    pub text: String,
    pub written_at: i64,
    pub self_criteria: Option<String>,
    pub self_points_milli: Option<i64>,
    pub grade_criteria: Option<String>,
    pub grade_points_milli: Option<i64>,
}

/// The class's written answer `id`, if there is one.
pub async fn in_class<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
    id: WrittenId,
) -> Result<Option<WrittenRow>, Error> {
    sqlx::query_as(
        "SELECT w.member_id, m.platform_user, m.display_name, w.question_id, w.text, w.written_at,
                w.self_criteria, w.self_points_milli, w.grade_criteria, w.grade_points_milli
         FROM written_answers w JOIN members m ON m.id = w.member_id
         WHERE w.id = ? AND w.class_id = ?",
    )
    .bind(id)
    .bind(class)
    .fetch_optional(ex)
    .await
}

/// Saves the student's self-assessment of a written answer.
pub async fn set_self_assessment<'e>(
    ex: impl SqliteExecutor<'e>,
    id: WrittenId,
    criteria: &str,
    points_milli: i64,
    now: i64,
) -> Result<(), Error> {
    sqlx::query(
        "UPDATE written_answers SET self_criteria = ?, self_points_milli = ?, self_at = ? WHERE id = ?",
    )
    .bind(criteria)
    .bind(points_milli)
    .bind(now)
    .bind(id)
    .execute(ex)
    .await?;
    Ok(())
}

/// Saves a teacher's grade of the class's written answer `id`.
pub async fn set_grade<'e>(
    ex: impl SqliteExecutor<'e>,
    id: WrittenId,
    class: ClassId,
    criteria: &str,
    points_milli: i64,
    graded_by: MemberId,
    now: i64,
) -> Result<(), Error> {
    sqlx::query(
        "UPDATE written_answers SET grade_criteria = ?, grade_points_milli = ?, graded_by = ?, graded_at = ?
         WHERE id = ? AND class_id = ?",
    )
    .bind(criteria)
    .bind(points_milli)
    .bind(graded_by)
    .bind(now)
    .bind(id)
    .bind(class)
    .execute(ex)
    .await?;
    Ok(())
}

/// A line of the grading queue.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct QueueRow {
    pub id: WrittenId,
    pub question_id: String,
    pub display_name: String,
    pub written_at: i64,
    pub self_points_milli: Option<i64>,
    pub grade_points_milli: Option<i64>,
}

/// The class's written answers, those still to grade first, oldest first.
pub async fn queue<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
) -> Result<Vec<QueueRow>, Error> {
    sqlx::query_as(
        "SELECT w.id, w.question_id, m.display_name, w.written_at, w.self_points_milli, w.grade_points_milli
         FROM written_answers w JOIN members m ON m.id = w.member_id
         WHERE w.class_id = ?
         ORDER BY w.graded_at IS NOT NULL, w.written_at, w.id",
    )
    .bind(class)
    .fetch_all(ex)
    .await
}

/// The class's oldest written answer still to grade, other than `except`.
pub async fn next_to_grade<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
    except: Option<WrittenId>,
) -> Result<Option<WrittenId>, Error> {
    let row: Option<(WrittenId,)> = sqlx::query_as(
        "SELECT id FROM written_answers WHERE class_id = ? AND graded_at IS NULL AND id <> ?
         ORDER BY written_at, id LIMIT 1",
    )
    .bind(class)
    .bind(except.map_or(-1, |e| e.0))
    .fetch_optional(ex)
    .await?;
    Ok(row.map(|(id,)| id))
}

/// One of a member's written answers, as `/mes-donnees` shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MemberWritten {
    pub id: WrittenId,
    pub question_id: String,
    pub text: String,
    pub self_points_milli: Option<i64>,
    pub grade_points_milli: Option<i64>,
    pub written_at: i64,
}

/// Every written answer of a member, oldest first.
pub async fn of_member<'e>(
    ex: impl SqliteExecutor<'e>,
    member: MemberId,
) -> Result<Vec<MemberWritten>, Error> {
    sqlx::query_as(
        "SELECT id, question_id, text, self_points_milli, grade_points_milli, written_at
         FROM written_answers WHERE member_id = ? ORDER BY written_at, id",
    )
    .bind(member)
    .fetch_all(ex)
    .await
}

/// How many written answers a member has.
pub async fn count_of_member<'e>(
    ex: impl SqliteExecutor<'e>,
    member: MemberId,
) -> Result<i64, Error> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM written_answers WHERE member_id = ?")
        .bind(member)
        .fetch_one(ex)
        .await?;
    Ok(n)
}
