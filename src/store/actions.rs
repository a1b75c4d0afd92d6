//! Table `actions`: the incoming actions already processed, with the replies first given, so
//! that the same action id twice changes nothing the second time.

use super::ClassId;
use sqlx::{Error, SqliteExecutor};

/// The replies (JSON) first given to an action already processed, if it was.
pub async fn replies<'e>(
    ex: impl SqliteExecutor<'e>,
    action_id: &str,
) -> Result<Option<String>, Error> {
    let row: Option<(String,)> = sqlx::query_as("SELECT replies FROM actions WHERE action_id = ?")
        .bind(action_id)
        .fetch_optional(ex)
        .await?;
    Ok(row.map(|(json,)| json))
}

/// Records an action as processed with its replies; `false` when it already was (nothing
/// written).
pub async fn record<'e>(
    ex: impl SqliteExecutor<'e>,
    action_id: &str,
    class: Option<ClassId>,
    replies_json: &str,
    now: i64,
) -> Result<bool, Error> {
    let done = sqlx::query(
        "INSERT INTO actions (action_id, class_id, replies, processed_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (action_id) DO NOTHING",
    )
    .bind(action_id)
    .bind(class)
    .bind(replies_json)
    .bind(now)
    .execute(ex)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Records an action as processed, its replies still empty (set by [`set_replies`] in the same
/// transaction); `false` when it already was (nothing written).
pub async fn record_pending<'e>(
    ex: impl SqliteExecutor<'e>,
    action_id: &str,
    class: ClassId,
    now: i64,
) -> Result<bool, Error> {
    let done = sqlx::query(
        "INSERT INTO actions (action_id, class_id, replies, processed_at) VALUES (?, ?, '[]', ?) ON CONFLICT (action_id) DO NOTHING",
    )
    .bind(action_id)
    .bind(class)
    .bind(now)
    .execute(ex)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Sets the replies (JSON) of a recorded action.
pub async fn set_replies<'e>(
    ex: impl SqliteExecutor<'e>,
    action_id: &str,
    replies_json: &str,
) -> Result<(), Error> {
    sqlx::query("UPDATE actions SET replies = ? WHERE action_id = ?")
        .bind(replies_json)
        .bind(action_id)
        .execute(ex)
        .await?;
    Ok(())
}

/// Forgets that an action was processed.
pub async fn delete<'e>(ex: impl SqliteExecutor<'e>, action_id: &str) -> Result<(), Error> {
    sqlx::query("DELETE FROM actions WHERE action_id = ?")
        .bind(action_id)
        .execute(ex)
        .await?;
    Ok(())
}

/// Empties the replies kept for a class's actions (they may quote a member being forgotten);
/// the action ids stay, so nothing runs twice.
pub async fn clear_replies_of_class<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
) -> Result<(), Error> {
    sqlx::query("UPDATE actions SET replies = '[]' WHERE class_id = ?")
        .bind(class)
        .execute(ex)
        .await?;
    Ok(())
}
