//! Tables `discussions`, `discussion_posts` and `votes`: class votes on posts (model posts of
//! the case, shared drafts), one open vote per class at a time, one vote per student and post.

use super::stored::stored_enum;
use super::{ClassId, DiscussionId, DraftId, MemberId, VotePostId};
use sqlx::{Error, SqliteExecutor};

stored_enum!(
    /// Whether a class vote takes votes (`discussions.status`).
    DiscussionStatus("vote status") {
        Open => "open",
        Closed => "closed",
    }
);

/// The class's open vote, if any.
pub async fn open_of_class<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
) -> Result<Option<DiscussionId>, Error> {
    let open: Option<(DiscussionId,)> =
        sqlx::query_as("SELECT id FROM discussions WHERE class_id = ? AND status = 'open'")
            .bind(class)
            .fetch_optional(ex)
            .await?;
    Ok(open.map(|(id,)| id))
}

/// Opens a vote in a channel of the class.
pub async fn open<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
    channel_id: &str,
    opened_by: MemberId,
    now: i64,
) -> Result<DiscussionId, Error> {
    let done = sqlx::query(
        "INSERT INTO discussions (class_id, channel_id, opened_by, status, created_at) VALUES (?, ?, ?, 'open', ?)",
    )
    .bind(class)
    .bind(channel_id)
    .bind(opened_by)
    .bind(now)
    .execute(ex)
    .await?;
    Ok(DiscussionId(done.last_insert_rowid()))
}

/// Closes a vote at `now`.
pub async fn close<'e>(
    ex: impl SqliteExecutor<'e>,
    id: DiscussionId,
    now: i64,
) -> Result<(), Error> {
    sqlx::query("UPDATE discussions SET status = 'closed', closed_at = ? WHERE id = ?")
        .bind(now)
        .bind(id)
        .execute(ex)
        .await?;
    Ok(())
}

/// Puts a model post (its id) or a shared draft to a vote; `None` when it is there already.
pub async fn add_post<'e>(
    ex: impl SqliteExecutor<'e>,
    discussion: DiscussionId,
    model: Option<&str>,
    draft: Option<DraftId>,
    now: i64,
) -> Result<Option<VotePostId>, Error> {
    let inserted = sqlx::query(
        "INSERT INTO discussion_posts (discussion_id, model, draft_id, posted_at) VALUES (?, ?, ?, ?)
             ON CONFLICT DO NOTHING",
    )
    .bind(discussion)
    .bind(model)
    .bind(draft)
    .bind(now)
    .execute(ex)
    .await?;
    Ok((inserted.rows_affected() > 0).then(|| VotePostId(inserted.last_insert_rowid())))
}

/// A post put to a vote, with the vote's status and the author of its draft.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PostState {
    pub status: DiscussionStatus,
    pub model: Option<String>,
    pub draft_id: Option<DraftId>,
    /// The author of the draft (none for a model post).
    pub author: Option<MemberId>,
}

/// The class's post `post` put to a vote, if there is one.
pub async fn post_in_class<'e>(
    ex: impl SqliteExecutor<'e>,
    post: VotePostId,
    class: ClassId,
) -> Result<Option<PostState>, Error> {
    sqlx::query_as(
        "SELECT d.status, p.model, p.draft_id, s.member_id AS author FROM discussion_posts p
         JOIN discussions d ON d.id = p.discussion_id
         LEFT JOIN shared_drafts s ON s.id = p.draft_id
         WHERE p.id = ? AND d.class_id = ?",
    )
    .bind(post)
    .bind(class)
    .fetch_optional(ex)
    .await
}

/// The member's vote on a post (0 convincing, 1 mixed, 2 to rework), if she voted.
pub async fn choice_of<'e>(
    ex: impl SqliteExecutor<'e>,
    post: VotePostId,
    member: MemberId,
) -> Result<Option<i64>, Error> {
    let before: Option<(i64,)> =
        sqlx::query_as("SELECT choice FROM votes WHERE post_id = ? AND member_id = ?")
            .bind(post)
            .bind(member)
            .fetch_optional(ex)
            .await?;
    Ok(before.map(|(c,)| c))
}

/// Records the member's vote on a post, replacing the one she gave before.
pub async fn cast<'e>(
    ex: impl SqliteExecutor<'e>,
    post: VotePostId,
    member: MemberId,
    choice: i64,
    now: i64,
) -> Result<(), Error> {
    sqlx::query(
        "INSERT INTO votes (post_id, member_id, choice, voted_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (post_id, member_id) DO UPDATE SET choice = excluded.choice, voted_at = excluded.voted_at",
    )
    .bind(post)
    .bind(member)
    .bind(choice)
    .bind(now)
    .execute(ex)
    .await?;
    Ok(())
}

/// One post's votes for each choice.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TallyRow {
    pub id: VotePostId,
    pub model: Option<String>,
    pub draft_id: Option<DraftId>,
    pub convincing: i64,
    pub mixed: i64,
    pub rework: i64,
}

/// The tally of every post of a vote, in order.
pub async fn tallies<'e>(
    ex: impl SqliteExecutor<'e>,
    discussion: DiscussionId,
) -> Result<Vec<TallyRow>, Error> {
    sqlx::query_as(
        "SELECT p.id, p.model, p.draft_id,
                COUNT(CASE WHEN v.choice = 0 THEN 1 END) AS convincing,
                COUNT(CASE WHEN v.choice = 1 THEN 1 END) AS mixed,
                COUNT(CASE WHEN v.choice = 2 THEN 1 END) AS rework
         FROM discussion_posts p LEFT JOIN votes v ON v.post_id = p.id
         WHERE p.discussion_id = ? GROUP BY p.id ORDER BY p.id",
    )
    .bind(discussion)
    .fetch_all(ex)
    .await
}

/// How many students voted on at least one post of a vote.
pub async fn voters<'e>(
    ex: impl SqliteExecutor<'e>,
    discussion: DiscussionId,
) -> Result<i64, Error> {
    let (voters,): (i64,) = sqlx::query_as(
        "SELECT COUNT(DISTINCT v.member_id) FROM votes v JOIN discussion_posts p ON p.id = v.post_id
         WHERE p.discussion_id = ?",
    )
    .bind(discussion)
    .fetch_one(ex)
    .await?;
    Ok(voters)
}

/// One of a member's votes.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MemberVote {
    pub post_id: VotePostId,
    pub choice: i64,
    pub voted_at: i64,
}

/// Every vote of a member, oldest first.
pub async fn of_member<'e>(
    ex: impl SqliteExecutor<'e>,
    member: MemberId,
) -> Result<Vec<MemberVote>, Error> {
    sqlx::query_as(
        "SELECT post_id, choice, voted_at FROM votes WHERE member_id = ? ORDER BY voted_at",
    )
    .bind(member)
    .fetch_all(ex)
    .await
}

/// How many votes a member gave.
pub async fn count_of_member<'e>(
    ex: impl SqliteExecutor<'e>,
    member: MemberId,
) -> Result<i64, Error> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM votes WHERE member_id = ?")
        .bind(member)
        .fetch_one(ex)
        .await?;
    Ok(n)
}
