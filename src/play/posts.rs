//! What the engine posts on its own (a quiz's questions, its reveals, the end of a quiz), each
//! exactly once across crashes and restarts, as far as the platform allows:
//!
//! 1. the intent is stored first (table `posts`, one row per post, keyed by what it is);
//! 2. the post goes out with the row's nonce, which the platform uses to drop a repeat
//!    (Discord: `enforce_nonce`, over the last few minutes);
//! 3. the row is marked sent and its payload emptied.
//!
//! A crash between 1 and 3 leaves the row unsent: after the restart it goes out again with the
//! same nonce, and a platform that had taken it the first time does not post it twice. A
//! question or a reveal is posted again by its quiz (freshly written, the same nonce); the end
//! of a quiz (podium, pictures, summaries), stored in the same transaction that marks the quiz
//! finished, is sent from the stored rows by [`deliver_due`].

use super::command::{Audience, ChannelRef, Reply, SendError};
use super::Inner;
use crate::store::{self, Conn, PostId, QuizId};
use anyhow::Context;

pub(crate) use crate::store::posts::Kind;

/// The key of a quiz's post: `quiz:12:question:0`.
pub(crate) fn key(quiz: i64, kind: Kind, n: usize) -> String {
    format!("quiz:{quiz}:{}:{n}", kind.as_str())
}

/// After this many failed attempts an end-of-quiz post is given up (logged).
const MAX_ATTEMPTS: i64 = 12;

/// The wait before the next attempt: 1 s, doubling, at most 5 min.
fn backoff_ms(attempts: i64) -> i64 {
    (1000_i64 << attempts.clamp(0, 9)).min(300_000)
}

/// A nonce for a post: 18 characters (Discord takes at most 25, and the front end adds a
/// piece number), from the key and the time of the intent, so that a database restored from a
/// backup never reuses one a few minutes old.
fn nonce(key: &str, now: i64) -> String {
    // FNV-1a, 64 bits: stable across builds, which a stored nonce does not need but a test may.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in key.bytes().chain(now.to_le_bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("cb{hash:016x}")
}

/// A recorded post: its row, its nonce, and whether it is sent already.
#[derive(Debug, Clone)]
pub(crate) struct Intent {
    pub id: PostId,
    pub nonce: String,
    pub sent: bool,
}

/// Records the intent to post `reply` under `key`, or finds the one recorded before (a restart):
/// the stored nonce is kept; an end-of-quiz post keeps what it says until it is sent.
pub(crate) async fn record(
    conn: &mut Conn,
    key: &str,
    kind: Kind,
    quiz: i64,
    channel: &ChannelRef,
    reply: &Reply,
    now: i64,
) -> anyhow::Result<Intent> {
    // Only the end of a quiz is sent from its row; a question or a reveal is written again by
    // its quiz, so its row keeps no copy (no picture written to the database for nothing).
    let (payload, file) = if kind == Kind::Final {
        let mut bare = reply.clone();
        let file = bare
            .attachment
            .as_mut()
            .map(|a| std::mem::take(&mut a.bytes));
        (serde_json::to_string(&bare).context("post payload")?, file)
    } else {
        (String::new(), None)
    };
    let channel_json = serde_json::to_string(channel).context("post channel")?;
    let user = match &reply.audience {
        Audience::User(user) => Some(user.as_str()),
        _ => None,
    };
    let post = store::posts::NewPost {
        key,
        kind,
        quiz: QuizId(quiz),
        user,
        channel: &channel_json,
        reply: &payload,
        file,
        nonce: nonce(key, now),
        created_at: now,
    };
    store::posts::insert(&mut *conn, post)
        .await
        .with_context(|| format!("recording post {key}"))?;
    let recorded = store::posts::by_key(&mut *conn, key)
        .await
        .with_context(|| format!("reading post {key}"))?;
    Ok(Intent {
        id: recorded.id,
        nonce: recorded.nonce,
        sent: recorded.sent_at.is_some(),
    })
}

/// Marks a post sent and forgets what it said (names and points stay only where they belong).
async fn mark_sent(inner: &Inner, id: PostId) -> anyhow::Result<()> {
    store::posts::mark_sent(&inner.store.write, id, inner.now())
        .await
        .context("marking a post sent")?;
    Ok(())
}

/// Why [`send_once`] did not post.
#[derive(Debug, thiserror::Error)]
pub(crate) enum PostError {
    /// The platform refused or could not be reached: the caller retries later.
    #[error(transparent)]
    Send(#[from] SendError),
    #[error(transparent)]
    Store(#[from] anyhow::Error),
}

/// Posts `reply` once under `key`: recorded, sent with its nonce, marked sent. A post already
/// marked sent (a restart after it went out) is not sent again.
pub(crate) async fn send_once(
    inner: &Inner,
    key: &str,
    kind: Kind,
    quiz: i64,
    channel: &ChannelRef,
    reply: Reply,
) -> Result<(), PostError> {
    let intent = {
        let mut conn = inner
            .store
            .write
            .acquire()
            .await
            .context("database connection")?;
        record(&mut conn, key, kind, quiz, channel, &reply, inner.now()).await?
    };
    if intent.sent {
        return Ok(());
    }
    inner
        .outbox
        .post_once(channel, reply, &intent.nonce)
        .await?;
    mark_sent(inner, intent.id).await?;
    Ok(())
}

/// Drops what a quiz meant to post and never did, once the quiz is over (a question or a
/// reveal a crash interrupted is posted by the quiz itself, which no longer runs).
pub(crate) async fn drop_unsent_steps(conn: &mut Conn, quiz: i64) -> anyhow::Result<()> {
    store::posts::drop_unsent_steps(&mut *conn, QuizId(quiz))
        .await
        .context("dropping a quiz's unsent posts")?;
    Ok(())
}

/// Records the end of a quiz (finished or stopped), in the transaction that stores it: what it
/// meant to post and never did is dropped, and `replies` become its end-of-quiz posts, in order.
pub(crate) async fn record_end(
    conn: &mut Conn,
    quiz: i64,
    channel: &ChannelRef,
    replies: &[Reply],
    now: i64,
) -> anyhow::Result<()> {
    drop_unsent_steps(&mut *conn, quiz).await?;
    for (n, reply) in replies.iter().enumerate() {
        let key = key(quiz, Kind::Final, n);
        record(&mut *conn, &key, Kind::Final, quiz, channel, reply, now).await?;
    }
    Ok(())
}

/// Sends every end-of-quiz post that is due, oldest first; a failure is retried later (given
/// up after [`MAX_ATTEMPTS`], or at once when the platform refuses it for good, as a direct
/// message to a member who closed them).
pub(crate) async fn deliver_due(inner: &Inner) -> anyhow::Result<()> {
    let _one_at_a_time = inner.posting.lock().await;
    let now = inner.now();
    let rows = store::posts::due_finals(&inner.store.write, now)
        .await
        .context("reading the posts to send")?;
    for store::posts::Due {
        id,
        key,
        channel,
        reply,
        file,
        nonce,
        attempts,
    } in rows
    {
        let decoded = serde_json::from_str::<ChannelRef>(&channel)
            .context("post channel")
            .and_then(|c| {
                let mut r: Reply = serde_json::from_str(&reply).context("post payload")?;
                if let (Some(a), Some(bytes)) = (r.attachment.as_mut(), file) {
                    a.bytes = bytes;
                }
                Ok((c, r))
            });
        let (channel, reply) = match decoded {
            Ok(d) => d,
            Err(e) => {
                tracing::error!(error = format!("{e:#}"), post = %key, "unreadable post dropped");
                give_up(inner, id).await?;
                continue;
            }
        };
        match inner.outbox.post_once(&channel, reply, &nonce).await {
            Ok(()) => mark_sent(inner, id).await?,
            Err(e) if e.permanent || attempts + 1 >= MAX_ATTEMPTS => {
                tracing::warn!(error = %e, post = %key, attempts = attempts + 1, "post given up");
                give_up(inner, id).await?;
            }
            Err(e) => {
                tracing::warn!(error = %e, post = %key, "post not sent; will retry");
                let retry_at = inner.now() + backoff_ms(attempts + 1);
                store::posts::schedule_retry(&inner.store.write, id, retry_at)
                    .await
                    .context("scheduling a post's retry")?;
            }
        }
    }
    Ok(())
}

/// A post that will never go out: its row is deleted (and what it said with it).
async fn give_up(inner: &Inner, id: PostId) -> anyhow::Result<()> {
    store::posts::delete(&inner.store.write, id)
        .await
        .context("dropping a post")?;
    Ok(())
}

/// When the next end-of-quiz post is due, if any is waiting.
pub(crate) async fn next_due(inner: &Inner) -> Option<i64> {
    store::posts::next_due(&inner.store.write).await.ok()?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonces_fit_discord_and_differ_by_key_and_time() {
        let a = nonce("quiz:1:question:0", 1_700_000_000_000);
        assert_eq!(a.len(), 18);
        // With the piece number the Discord front end adds (".0" to ".99"), within 25.
        assert!(a.len() + 3 <= 25);
        assert_ne!(a, nonce("quiz:1:question:1", 1_700_000_000_000));
        assert_ne!(a, nonce("quiz:1:question:0", 1_700_000_000_001));
        assert_eq!(a, nonce("quiz:1:question:0", 1_700_000_000_000));
    }

    #[test]
    fn retries_back_off_up_to_five_minutes() {
        assert_eq!(backoff_ms(1), 2000);
        assert!(backoff_ms(3) > backoff_ms(2));
        assert_eq!(backoff_ms(50), 300_000);
        assert_eq!(backoff_ms(-3), 1000);
    }
}
