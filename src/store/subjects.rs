//! Table `subjects`: the packs teachers imported, with their files (see migration 0008).

use super::ClassId;
use sqlx::{Error, SqliteExecutor};

/// An imported subject as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SubjectRow {
    pub id: i64,
    /// `None`: published to every class.
    pub class_id: Option<ClassId>,
    pub case_id: String,
    pub title: String,
    pub session: i64,
    pub added_by: String,
    /// JSON of the files (see `pack::Files`).
    pub files: String,
    pub pack_dir: String,
    pub texts_dir: Option<String>,
    pub version: i64,
    pub updated_at: i64,
}

/// Every imported subject (published ones and every class's), oldest first.
pub async fn all<'e>(ex: impl SqliteExecutor<'e>) -> Result<Vec<SubjectRow>, Error> {
    sqlx::query_as("SELECT id, class_id, case_id, title, session, added_by, files, pack_dir, texts_dir, version, updated_at FROM subjects ORDER BY id")
        .fetch_all(ex)
        .await
}

/// The subject `case_id` of `class` (`None`: the published one).
pub async fn find<'e>(
    ex: impl SqliteExecutor<'e>,
    class: Option<ClassId>,
    case_id: &str,
) -> Result<Option<SubjectRow>, Error> {
    sqlx::query_as(
        "SELECT id, class_id, case_id, title, session, added_by, files, pack_dir, texts_dir, version, updated_at FROM subjects WHERE COALESCE(class_id, 0) = COALESCE(?, 0) AND case_id = ?",
    )
    .bind(class)
    .bind(case_id)
    .fetch_optional(ex)
    .await
}

/// What is written for one import.
pub struct NewSubject<'a> {
    pub class: ClassId,
    pub case_id: &'a str,
    pub title: &'a str,
    pub session: i64,
    pub added_by: &'a str,
    pub files: &'a str,
    pub pack_dir: &'a str,
    pub texts_dir: Option<&'a str>,
}

/// Installs a subject for its class, or updates the class's subject of that id (its version
/// goes up, its first importer and date stay). Gives the version now stored.
pub async fn upsert<'e>(
    ex: impl SqliteExecutor<'e>,
    s: &NewSubject<'_>,
    now: i64,
) -> Result<i64, Error> {
    let (version,): (i64,) = sqlx::query_as(
        "INSERT INTO subjects (class_id, origin_class, case_id, title, session, added_by, files, pack_dir, texts_dir, added_at, updated_at)
         VALUES (?1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT (COALESCE(class_id, 0), case_id) DO UPDATE SET
            title = excluded.title, session = excluded.session, files = excluded.files,
            pack_dir = excluded.pack_dir, texts_dir = excluded.texts_dir,
            version = version + 1, updated_at = excluded.updated_at
         RETURNING version",
    )
    .bind(s.class)
    .bind(s.case_id)
    .bind(s.title)
    .bind(s.session)
    .bind(s.added_by)
    .bind(s.files)
    .bind(s.pack_dir)
    .bind(s.texts_dir)
    .bind(now)
    .bind(now)
    .fetch_one(ex)
    .await?;
    Ok(version)
}

/// Removes the class's subject `case_id`; whether there was one.
pub async fn remove<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
    case_id: &str,
) -> Result<bool, Error> {
    let done = sqlx::query("DELETE FROM subjects WHERE class_id = ? AND case_id = ?")
        .bind(class)
        .bind(case_id)
        .execute(ex)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// Classes whose chosen subject is `case_id` of `class`, set back to the default.
pub async fn unchoose<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
    case_id: &str,
) -> Result<(), Error> {
    sqlx::query("UPDATE classes SET case_id = NULL WHERE id = ? AND case_id = ?")
        .bind(class)
        .bind(case_id)
        .execute(ex)
        .await?;
    Ok(())
}

/// Gives published subject row `id` back to the class that imported it; `false` when that class
/// is gone (erased).
pub async fn unpublish<'e>(ex: impl SqliteExecutor<'e>, id: i64) -> Result<bool, Error> {
    let done = sqlx::query(
        "UPDATE subjects SET class_id = origin_class WHERE id = ? AND origin_class IS NOT NULL",
    )
    .bind(id)
    .execute(ex)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Deletes subject row `id` (the operator's `casebot cas retirer`); classes that chose it go
/// back to the default.
pub async fn delete<'e>(ex: impl SqliteExecutor<'e>, id: i64) -> Result<(), Error> {
    sqlx::query("DELETE FROM subjects WHERE id = ?")
        .bind(id)
        .execute(ex)
        .await?;
    Ok(())
}

/// Every class that chose subject `case_id` but `except`, set back to the default (a published
/// subject removed or given back: any class may have chosen it).
pub async fn unchoose_everywhere<'e>(
    ex: impl SqliteExecutor<'e>,
    case_id: &str,
    except: Option<ClassId>,
) -> Result<(), Error> {
    sqlx::query(
        "UPDATE classes SET case_id = NULL WHERE case_id = ? AND id IS NOT COALESCE(?, -1)",
    )
    .bind(case_id)
    .bind(except)
    .execute(ex)
    .await?;
    Ok(())
}

/// Publishes subject row `id` to every class.
pub async fn publish<'e>(ex: impl SqliteExecutor<'e>, id: i64) -> Result<(), Error> {
    sqlx::query("UPDATE subjects SET class_id = NULL WHERE id = ?")
        .bind(id)
        .execute(ex)
        .await?;
    Ok(())
}
