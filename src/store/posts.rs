//! Table `posts`: what the engine posts on its own (a quiz's questions, its reveals, the end of
//! a quiz), each recorded before it is sent (see `play::posts` for the protocol).

use super::stored::stored_enum;
use super::{PostId, QuizId};
use sqlx::{Error, SqliteExecutor};

stored_enum!(
    /// What a post is (`posts.kind`); the key of its row says which one.
    Kind("post kind") {
        Question => "question",
        Reveal => "reveal",
        Final => "final",
    }
);

/// A post to record.
#[derive(Debug, Clone)]
pub struct NewPost<'a> {
    pub key: &'a str,
    pub kind: Kind,
    pub quiz: QuizId,
    /// The platform user a private post goes to (the member of the quiz's class).
    pub user: Option<&'a str>,
    /// JSON: where it goes.
    pub channel: &'a str,
    /// JSON: what it says, without its file.
    pub reply: &'a str,
    pub file: Option<Vec<u8>>,
    pub nonce: String,
    pub created_at: i64,
}

/// Records a post under its key; an unsent post recorded before keeps its nonce and takes the
/// new payload, a sent one is left as it is.
pub async fn insert<'e>(ex: impl SqliteExecutor<'e>, post: NewPost<'_>) -> Result<(), Error> {
    sqlx::query(
        "INSERT INTO posts (key, kind, quiz_id, member_id, channel, reply, file, nonce, created_at)
         VALUES (?, ?, ?,
                 (SELECT m.id FROM members m JOIN quizzes q ON q.class_id = m.class_id
                  WHERE q.id = ? AND m.platform_user = ?),
                 ?, ?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET reply = excluded.reply, file = excluded.file
         WHERE posts.sent_at IS NULL",
    )
    .bind(post.key)
    .bind(post.kind)
    .bind(post.quiz)
    .bind(post.quiz)
    .bind(post.user)
    .bind(post.channel)
    .bind(post.reply)
    .bind(post.file)
    .bind(post.nonce)
    .bind(post.created_at)
    .execute(ex)
    .await?;
    Ok(())
}

/// A recorded post: its row, its nonce, and when it was sent.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Recorded {
    pub id: PostId,
    pub nonce: String,
    pub sent_at: Option<i64>,
}

/// The post recorded under `key`.
pub async fn by_key<'e>(ex: impl SqliteExecutor<'e>, key: &str) -> Result<Recorded, Error> {
    sqlx::query_as("SELECT id, nonce, sent_at FROM posts WHERE key = ?")
        .bind(key)
        .fetch_one(ex)
        .await
}

/// Marks a post sent at `now` and empties what it said.
pub async fn mark_sent<'e>(ex: impl SqliteExecutor<'e>, id: PostId, now: i64) -> Result<(), Error> {
    sqlx::query("UPDATE posts SET sent_at = ?, reply = '', file = NULL WHERE id = ?")
        .bind(now)
        .bind(id)
        .execute(ex)
        .await?;
    Ok(())
}

/// Deletes the questions and reveals of a quiz that were never sent.
pub async fn drop_unsent_steps<'e>(ex: impl SqliteExecutor<'e>, quiz: QuizId) -> Result<(), Error> {
    sqlx::query("DELETE FROM posts WHERE quiz_id = ? AND kind != 'final' AND sent_at IS NULL")
        .bind(quiz)
        .execute(ex)
        .await?;
    Ok(())
}

/// An end-of-quiz post waiting to be sent.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Due {
    pub id: PostId,
    pub key: String,
    pub channel: String,
    pub reply: String,
    pub file: Option<Vec<u8>>,
    pub nonce: String,
    pub attempts: i64,
}

/// The end-of-quiz posts unsent and due at `now`, oldest first.
pub async fn due_finals<'e>(ex: impl SqliteExecutor<'e>, now: i64) -> Result<Vec<Due>, Error> {
    sqlx::query_as(
        "SELECT id, key, channel, reply, file, nonce, attempts FROM posts
         WHERE sent_at IS NULL AND kind = 'final' AND retry_at <= ? ORDER BY id",
    )
    .bind(now)
    .fetch_all(ex)
    .await
}

/// Counts a failed attempt to send a post and sets when to try again.
pub async fn schedule_retry<'e>(
    ex: impl SqliteExecutor<'e>,
    id: PostId,
    retry_at: i64,
) -> Result<(), Error> {
    sqlx::query("UPDATE posts SET attempts = attempts + 1, retry_at = ? WHERE id = ?")
        .bind(retry_at)
        .bind(id)
        .execute(ex)
        .await?;
    Ok(())
}

/// Deletes a post (and what it said).
pub async fn delete<'e>(ex: impl SqliteExecutor<'e>, id: PostId) -> Result<(), Error> {
    sqlx::query("DELETE FROM posts WHERE id = ?")
        .bind(id)
        .execute(ex)
        .await?;
    Ok(())
}

/// When the next unsent end-of-quiz post is due, if any is waiting.
pub async fn next_due<'e>(ex: impl SqliteExecutor<'e>) -> Result<Option<i64>, Error> {
    let next: Option<(Option<i64>,)> =
        sqlx::query_as("SELECT MIN(retry_at) FROM posts WHERE sent_at IS NULL AND kind = 'final'")
            .fetch_optional(ex)
            .await?;
    Ok(next.and_then(|(n,)| n))
}
