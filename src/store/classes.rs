//! Table `classes`: one per platform server (or console class), with its settings.

use super::ClassId;
use sqlx::{Error, SqliteExecutor};

/// Creates the class, or updates the name of the one there is.
pub async fn upsert<'e>(
    ex: impl SqliteExecutor<'e>,
    platform: &str,
    platform_id: &str,
    name: &str,
    now: i64,
) -> Result<(), Error> {
    sqlx::query(
        "INSERT INTO classes (platform, platform_id, name, created_at) VALUES (?, ?, ?, ?)
                     ON CONFLICT (platform, platform_id) DO UPDATE SET name = excluded.name",
    )
    .bind(platform)
    .bind(platform_id)
    .bind(name)
    .bind(now)
    .execute(ex)
    .await?;
    Ok(())
}

/// A class and its settings.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ClassRow {
    pub id: ClassId,
    pub teacher_role: Option<String>,
    pub quiz_channel: Option<String>,
    pub case_id: Option<String>,
}

/// The class of a platform's server (or console class).
pub async fn by_platform<'e>(
    ex: impl SqliteExecutor<'e>,
    platform: &str,
    platform_id: &str,
) -> Result<ClassRow, Error> {
    sqlx::query_as(
        "SELECT id, teacher_role, quiz_channel, case_id FROM classes WHERE platform = ? AND platform_id = ?",
    )
    .bind(platform)
    .bind(platform_id)
    .fetch_one(ex)
    .await
}

/// The class of a platform's server, if it is known.
pub async fn find<'e>(
    ex: impl SqliteExecutor<'e>,
    platform: &str,
    platform_id: &str,
) -> Result<Option<ClassRow>, Error> {
    sqlx::query_as(
        "SELECT id, teacher_role, quiz_channel, case_id FROM classes WHERE platform = ? AND platform_id = ?",
    )
    .bind(platform)
    .bind(platform_id)
    .fetch_optional(ex)
    .await
}

/// The subject (case id) a class chose, `None` when it chose none or is not known yet.
pub async fn case_id<'e>(
    ex: impl SqliteExecutor<'e>,
    platform: &str,
    platform_id: &str,
) -> Result<Option<String>, Error> {
    let row: Option<(Option<String>,)> =
        sqlx::query_as("SELECT case_id FROM classes WHERE platform = ? AND platform_id = ?")
            .bind(platform)
            .bind(platform_id)
            .fetch_optional(ex)
            .await?;
    Ok(row.and_then(|(id,)| id))
}

/// Sets a class's teacher role, quiz channel and subject (case id; `None` keeps the one set).
pub async fn configure<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
    teacher_role: Option<&str>,
    quiz_channel: Option<&str>,
    case_id: Option<&str>,
) -> Result<(), Error> {
    sqlx::query(
        "UPDATE classes SET teacher_role = ?, quiz_channel = ?, case_id = COALESCE(?, case_id) WHERE id = ?",
    )
        .bind(teacher_role)
        .bind(quiz_channel)
        .bind(case_id)
        .bind(class)
        .execute(ex)
        .await?;
    Ok(())
}

/// When the class's boards were last reset (0: never).
pub async fn board_reset_at<'e>(ex: impl SqliteExecutor<'e>, class: ClassId) -> Result<i64, Error> {
    let (at,): (i64,) = sqlx::query_as("SELECT board_reset_at FROM classes WHERE id = ?")
        .bind(class)
        .fetch_one(ex)
        .await?;
    Ok(at)
}

/// Resets the class's boards at `now`.
pub async fn set_board_reset<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
    now: i64,
) -> Result<(), Error> {
    sqlx::query("UPDATE classes SET board_reset_at = ? WHERE id = ?")
        .bind(now)
        .bind(class)
        .execute(ex)
        .await?;
    Ok(())
}

/// Deletes a class and, by cascade, everything in it.
pub async fn delete<'e>(ex: impl SqliteExecutor<'e>, class: ClassId) -> Result<(), Error> {
    sqlx::query("DELETE FROM classes WHERE id = ?")
        .bind(class)
        .execute(ex)
        .await?;
    Ok(())
}
