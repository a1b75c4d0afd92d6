//! Table `members`: the people of a class (students and teachers), by platform user.

use super::stored::stored_enum;
use super::{ClassId, MemberId, QuizId};
use sqlx::{Error, SqliteExecutor};

stored_enum!(
    /// A member's role in the class (`members.role`).
    Role("member role") {
        Student => "student",
        Teacher => "teacher",
    }
);

/// Creates the member, or updates the display name and role of the one there is.
pub async fn upsert<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
    platform_user: &str,
    display_name: &str,
    role: Role,
    now: i64,
) -> Result<(), Error> {
    sqlx::query(
        "INSERT INTO members (class_id, platform_user, display_name, role, created_at) VALUES (?, ?, ?, ?, ?)
                     ON CONFLICT (class_id, platform_user) DO UPDATE SET display_name = excluded.display_name, role = excluded.role",
    )
    .bind(class)
    .bind(platform_user)
    .bind(display_name)
    .bind(role)
    .bind(now)
    .execute(ex)
    .await?;
    Ok(())
}

/// The id of a class's member, by platform user.
pub async fn id_of<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
    platform_user: &str,
) -> Result<MemberId, Error> {
    let (id,): (MemberId,) =
        sqlx::query_as("SELECT id FROM members WHERE class_id = ? AND platform_user = ?")
            .bind(class)
            .bind(platform_user)
            .fetch_one(ex)
            .await?;
    Ok(id)
}

/// The member of a quiz's class who has this display name, if any.
pub async fn by_name_in_quiz_class<'e>(
    ex: impl SqliteExecutor<'e>,
    quiz: QuizId,
    display_name: &str,
) -> Result<Option<MemberId>, Error> {
    let member: Option<(MemberId,)> = sqlx::query_as(
        "SELECT m.id FROM members m JOIN quizzes q ON q.class_id = m.class_id WHERE q.id = ? AND m.display_name = ?",
    )
    .bind(quiz)
    .bind(display_name)
    .fetch_optional(ex)
    .await?;
    Ok(member.map(|(id,)| id))
}

/// How many members a class has.
pub async fn count_of_class<'e>(ex: impl SqliteExecutor<'e>, class: ClassId) -> Result<i64, Error> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM members WHERE class_id = ?")
        .bind(class)
        .fetch_one(ex)
        .await?;
    Ok(n)
}

/// Deletes a member (and, by cascade, everything of theirs).
pub async fn delete<'e>(ex: impl SqliteExecutor<'e>, member: MemberId) -> Result<(), Error> {
    sqlx::query("DELETE FROM members WHERE id = ?")
        .bind(member)
        .execute(ex)
        .await?;
    Ok(())
}
