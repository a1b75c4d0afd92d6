//! Table `markings`: each teacher's marking of a written answer (points per criterion, a
//! comment), and how the copy's current mark was reached (`written_answers.mark_how`).

use super::stored::stored_enum;
use super::{MemberId, WrittenId};
use sqlx::{Error, SqliteExecutor};

stored_enum!(
    /// How a copy's mark was reached (`written_answers.mark_how`).
    MarkHow("mark how") {
        Single => "single",
        Agreed => "agreed",
        Settled => "settled",
        Mean => "mean",
    }
);

/// One teacher's marking of a copy.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MarkingRow {
    pub marker_id: MemberId,
    pub marker_name: String,
    /// JSON object: criterion id -> milli-points.
    pub points: String,
    pub comment: Option<String>,
    pub total_milli: i64,
    pub marked_at: i64,
}

/// Records (or replaces) a teacher's marking of a copy.
pub async fn upsert<'e>(
    ex: impl SqliteExecutor<'e>,
    written: WrittenId,
    marker: MemberId,
    points: &str,
    comment: Option<&str>,
    total: i64,
    now: i64,
) -> Result<(), Error> {
    sqlx::query(
        "INSERT INTO markings (written_id, marker_id, points, comment, total_milli, marked_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (written_id, marker_id) DO UPDATE SET points = excluded.points,
             comment = excluded.comment, total_milli = excluded.total_milli, marked_at = excluded.marked_at",
    )
    .bind(written)
    .bind(marker)
    .bind(points)
    .bind(comment)
    .bind(total)
    .bind(now)
    .execute(ex)
    .await?;
    Ok(())
}

/// Every marking of a copy, oldest first.
pub async fn of_written<'e>(
    ex: impl SqliteExecutor<'e>,
    written: WrittenId,
) -> Result<Vec<MarkingRow>, Error> {
    sqlx::query_as(
        "SELECT k.marker_id, m.display_name AS marker_name, k.points, k.comment, k.total_milli, k.marked_at
         FROM markings k JOIN members m ON m.id = k.marker_id
         WHERE k.written_id = ? ORDER BY k.marked_at, k.marker_id",
    )
    .bind(written)
    .fetch_all(ex)
    .await
}

/// How a copy's current mark was reached.
pub async fn how<'e>(
    ex: impl SqliteExecutor<'e>,
    written: WrittenId,
) -> Result<Option<MarkHow>, Error> {
    let row: Option<(Option<MarkHow>,)> =
        sqlx::query_as("SELECT mark_how FROM written_answers WHERE id = ?")
            .bind(written)
            .fetch_optional(ex)
            .await?;
    Ok(row.and_then(|(h,)| h))
}

/// Records how a copy's current mark was reached.
pub async fn set_how<'e>(
    ex: impl SqliteExecutor<'e>,
    written: WrittenId,
    how: MarkHow,
) -> Result<(), Error> {
    sqlx::query("UPDATE written_answers SET mark_how = ? WHERE id = ?")
        .bind(how)
        .bind(written)
        .execute(ex)
        .await?;
    Ok(())
}
