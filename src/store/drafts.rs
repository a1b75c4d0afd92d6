//! Table `shared_drafts`: draft LinkedIn posts whose authors agreed to let a teacher show them,
//! anonymously, to the class.

use super::{ClassId, DraftId, MemberId};
use sqlx::{Error, SqliteExecutor};

/// The member's draft of the class with exactly this text, if she shared it already.
pub async fn find_same<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
    member: MemberId,
    text: &str,
) -> Result<Option<DraftId>, Error> {
    let existing: Option<(DraftId,)> = sqlx::query_as(
        "SELECT id FROM shared_drafts WHERE class_id = ? AND member_id = ? AND text = ?",
    )
    .bind(class)
    .bind(member)
    .bind(text)
    .fetch_optional(ex)
    .await?;
    Ok(existing.map(|(id,)| id))
}

/// Shares a draft unless the member already has `max` of them (one statement, so two drafts
/// shared at once cannot pass the limit together); `None` when over the limit.
pub async fn share<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
    member: MemberId,
    text: &str,
    now: i64,
    max: i64,
) -> Result<Option<DraftId>, Error> {
    let inserted = sqlx::query(
        "INSERT INTO shared_drafts (class_id, member_id, text, created_at)
                     SELECT ?, ?, ?, ? WHERE (SELECT COUNT(*) FROM shared_drafts WHERE member_id = ?) < ?",
    )
    .bind(class)
    .bind(member)
    .bind(text)
    .bind(now)
    .bind(member)
    .bind(max)
    .execute(ex)
    .await?;
    Ok((inserted.rows_affected() > 0).then(|| DraftId(inserted.last_insert_rowid())))
}

/// Deletes the member's draft `id` (and its votes); `false` when she has no such draft.
pub async fn withdraw<'e>(
    ex: impl SqliteExecutor<'e>,
    id: DraftId,
    member: MemberId,
) -> Result<bool, Error> {
    let done = sqlx::query("DELETE FROM shared_drafts WHERE id = ? AND member_id = ?")
        .bind(id)
        .bind(member)
        .execute(ex)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// A shared draft.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DraftRow {
    pub id: DraftId,
    pub text: String,
    pub created_at: i64,
}

/// The drafts shared in a class, in order.
pub async fn of_class<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
) -> Result<Vec<DraftRow>, Error> {
    sqlx::query_as("SELECT id, text, created_at FROM shared_drafts WHERE class_id = ? ORDER BY id")
        .bind(class)
        .fetch_all(ex)
        .await
}

/// The drafts a member shared, in order.
pub async fn of_member<'e>(
    ex: impl SqliteExecutor<'e>,
    member: MemberId,
) -> Result<Vec<DraftRow>, Error> {
    sqlx::query_as("SELECT id, text, created_at FROM shared_drafts WHERE member_id = ? ORDER BY id")
        .bind(member)
        .fetch_all(ex)
        .await
}

/// A shared draft's text and its author's platform user.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct WithAuthor {
    pub text: String,
    pub platform_user: String,
}

/// The class's draft `id`, with its author.
pub async fn with_author<'e>(
    ex: impl SqliteExecutor<'e>,
    id: DraftId,
    class: ClassId,
) -> Result<Option<WithAuthor>, Error> {
    sqlx::query_as(
        "SELECT d.text, m.platform_user FROM shared_drafts d JOIN members m ON m.id = d.member_id
                 WHERE d.id = ? AND d.class_id = ?",
    )
    .bind(id)
    .bind(class)
    .fetch_optional(ex)
    .await
}

/// How many drafts a member shared.
pub async fn count_of_member<'e>(
    ex: impl SqliteExecutor<'e>,
    member: MemberId,
) -> Result<i64, Error> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM shared_drafts WHERE member_id = ?")
        .bind(member)
        .fetch_one(ex)
        .await?;
    Ok(n)
}
