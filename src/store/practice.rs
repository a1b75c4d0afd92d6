//! Tables `practices` and `practice_done`: a student's practice runs, and the parts she has
//! finished in practice (practice points for a part are earned once).

use super::stored::stored_enum;
use super::{ClassId, MemberId, PracticeId};
use sqlx::{Error, SqliteExecutor};

stored_enum!(
    /// Where a practice run is (`practices.status`).
    PracticeStatus("practice status") {
        Active => "active",
        Done => "done",
        Abandoned => "abandoned",
    }
);

stored_enum!(
    /// How a part was finished in practice (`practice_done.how`).
    DoneHow("practice finish") {
        /// A right answer.
        Correct => "correct",
        /// The last attempt used.
        Tries => "tries",
        /// The worked answer shown (`/solution`).
        Solution => "solution",
    }
);

/// A member's active practice run.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ActiveRow {
    pub id: PracticeId,
    /// JSON list of part ids.
    pub parts: String,
    pub current: i64,
    /// The case it was started on (it stays on it when the class changes subject).
    pub case_id: String,
}

/// The member's active practice run, if any.
pub async fn active<'e>(
    ex: impl SqliteExecutor<'e>,
    member: MemberId,
) -> Result<Option<ActiveRow>, Error> {
    sqlx::query_as(
        "SELECT id, parts, current, case_id FROM practices WHERE member_id = ? AND status = 'active'",
    )
    .bind(member)
    .fetch_optional(ex)
    .await
}

/// Marks the member's active practice run abandoned at `now`.
pub async fn abandon_active<'e>(
    ex: impl SqliteExecutor<'e>,
    member: MemberId,
    now: i64,
) -> Result<(), Error> {
    sqlx::query("UPDATE practices SET status = 'abandoned', ended_at = ? WHERE member_id = ? AND status = 'active'")
        .bind(now)
        .bind(member)
        .execute(ex)
        .await?;
    Ok(())
}

/// Starts an active practice run on `parts` (a JSON list of part ids).
pub async fn insert<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
    member: MemberId,
    case_id: &str,
    parts: &str,
    now: i64,
) -> Result<(), Error> {
    sqlx::query(
        "INSERT INTO practices (class_id, member_id, case_id, parts, current, status, started_at) VALUES (?, ?, ?, ?, 0, 'active', ?)",
    )
    .bind(class)
    .bind(member)
    .bind(case_id)
    .bind(parts)
    .bind(now)
    .execute(ex)
    .await?;
    Ok(())
}

/// Moves a practice run to its part `current`.
pub async fn set_current<'e>(
    ex: impl SqliteExecutor<'e>,
    practice: PracticeId,
    current: i64,
) -> Result<(), Error> {
    sqlx::query("UPDATE practices SET current = ? WHERE id = ?")
        .bind(current)
        .bind(practice)
        .execute(ex)
        .await?;
    Ok(())
}

/// Marks a practice run done at `now`, past its last part (`current`).
pub async fn finish<'e>(
    ex: impl SqliteExecutor<'e>,
    practice: PracticeId,
    current: i64,
    now: i64,
) -> Result<(), Error> {
    sqlx::query("UPDATE practices SET current = ?, status = 'done', ended_at = ? WHERE id = ?")
        .bind(current)
        .bind(now)
        .bind(practice)
        .execute(ex)
        .await?;
    Ok(())
}

/// How many practice runs a member has.
pub async fn count_of_member<'e>(
    ex: impl SqliteExecutor<'e>,
    member: MemberId,
) -> Result<i64, Error> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM practices WHERE member_id = ?")
        .bind(member)
        .fetch_one(ex)
        .await?;
    Ok(n)
}

/// The parts of subject `case_id` the member finished in practice runs other than `except`.
pub async fn done_parts_except<'e>(
    ex: impl SqliteExecutor<'e>,
    member: MemberId,
    case_id: &str,
    except: PracticeId,
) -> Result<Vec<String>, Error> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT part_id FROM practice_done WHERE member_id = ? AND case_id = ? AND practice_id <> ?",
    )
    .bind(member)
    .bind(case_id)
    .bind(except)
    .fetch_all(ex)
    .await?;
    Ok(rows.into_iter().map(|(p,)| p).collect())
}

/// Whether the member finished this part of subject `case_id` in a practice run other than
/// `except`.
pub async fn done_elsewhere<'e>(
    ex: impl SqliteExecutor<'e>,
    member: MemberId,
    case_id: &str,
    part_id: &str,
    except: PracticeId,
) -> Result<bool, Error> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT practice_id FROM practice_done WHERE member_id = ? AND case_id = ? AND part_id = ? AND practice_id <> ?",
    )
    .bind(member)
    .bind(case_id)
    .bind(part_id)
    .bind(except)
    .fetch_optional(ex)
    .await?;
    Ok(row.is_some())
}

/// Records that the member finished a part in a practice run (the first time only counts).
pub async fn mark_done<'e>(
    ex: impl SqliteExecutor<'e>,
    member: MemberId,
    part_id: &str,
    practice: PracticeId,
    how: DoneHow,
    now: i64,
) -> Result<(), Error> {
    sqlx::query(
        "INSERT INTO practice_done (member_id, case_id, part_id, practice_id, how, done_at)
         SELECT ?, case_id, ?, id, ?, ? FROM practices WHERE id = ?
         ON CONFLICT (member_id, case_id, part_id) DO NOTHING",
    )
    .bind(member)
    .bind(part_id)
    .bind(how)
    .bind(now)
    .bind(practice)
    .execute(ex)
    .await?;
    Ok(())
}

/// Every part the member finished in practice on subject `case_id`.
pub async fn done_parts<'e>(
    ex: impl SqliteExecutor<'e>,
    member: MemberId,
    case_id: &str,
) -> Result<Vec<String>, Error> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT part_id FROM practice_done WHERE member_id = ? AND case_id = ?")
            .bind(member)
            .bind(case_id)
            .fetch_all(ex)
            .await?;
    Ok(rows.into_iter().map(|(p,)| p).collect())
}
