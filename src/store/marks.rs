//! What marks are computed from: the quizzes of a class that are over, the items each asked,
//! and each student's verdict and hints on them. Marks are never stored: they are read from the
//! verdicts as judged (`play::marks` applies the barème), so a game rule (speed, streaks) can
//! never leak into one.

use super::answers::Verdict;
use super::{ClassId, MemberId, QuizId};
use sqlx::{Error, SqliteExecutor};

/// A quiz of the class that is over (finished, or stopped by a teacher).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EndedQuiz {
    pub id: QuizId,
    pub case_id: String,
    pub created_at: i64,
}

/// The class's quizzes that are over, oldest first.
pub async fn ended_quizzes<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
) -> Result<Vec<EndedQuiz>, Error> {
    sqlx::query_as(
        "SELECT id, case_id, created_at FROM quizzes
         WHERE class_id = ? AND status IN ('finished', 'stopped') ORDER BY created_at, id",
    )
    .bind(class)
    .fetch_all(ex)
    .await
}

/// An item a quiz of the class asked (shown to the class), with its barème.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AskedItem {
    pub quiz_id: QuizId,
    pub idx: i64,
    pub part_id: String,
    pub points_milli: i64,
}

/// Every item the class's ended quizzes asked, by quiz then order.
pub async fn asked_items<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
) -> Result<Vec<AskedItem>, Error> {
    sqlx::query_as(
        "SELECT i.quiz_id, i.idx, i.part_id, i.points_milli
         FROM quiz_items i JOIN quizzes q ON q.id = i.quiz_id
         WHERE q.class_id = ? AND q.status IN ('finished', 'stopped') AND i.shown_at IS NOT NULL
         ORDER BY i.quiz_id, i.idx",
    )
    .bind(class)
    .fetch_all(ex)
    .await
}

/// A student who took part in an ended quiz (an answer or a hint in it).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Participant {
    pub quiz_id: QuizId,
    pub member_id: MemberId,
    pub display_name: String,
    pub platform_user: String,
}

/// The students of the class who took part in each ended quiz, by quiz then name.
pub async fn participants<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
) -> Result<Vec<Participant>, Error> {
    sqlx::query_as(
        "SELECT DISTINCT t.quiz_id, m.id AS member_id, m.display_name, m.platform_user
         FROM (SELECT quiz_id, member_id FROM answers WHERE class_id = ? AND quiz_id IS NOT NULL
               UNION SELECT quiz_id, member_id FROM hints WHERE class_id = ? AND quiz_id IS NOT NULL) t
         JOIN quizzes q ON q.id = t.quiz_id
         JOIN members m ON m.id = t.member_id
         WHERE q.status IN ('finished', 'stopped') AND m.role = 'student'
         ORDER BY t.quiz_id, m.display_name COLLATE NOCASE, m.id",
    )
    .bind(class)
    .bind(class)
    .fetch_all(ex)
    .await
}

/// A student's verdict on an item of an ended quiz, with the hints it cost.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ItemVerdict {
    pub quiz_id: QuizId,
    pub idx: i64,
    pub member_id: MemberId,
    /// `None`: hints taken, no answer given.
    pub verdict: Option<Verdict>,
    pub hints_milli: i64,
}

/// Every verdict and hint of the class's students on the items of its ended quizzes.
pub async fn item_verdicts<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
) -> Result<Vec<ItemVerdict>, Error> {
    sqlx::query_as(
        "SELECT t.quiz_id, t.idx, t.member_id,
                (SELECT a.verdict FROM answers a WHERE a.quiz_id = t.quiz_id AND a.item_idx = t.idx
                   AND a.member_id = t.member_id) AS verdict,
                COALESCE((SELECT SUM(h.cost_milli) FROM hints h WHERE h.quiz_id = t.quiz_id
                   AND h.item_idx = t.idx AND h.member_id = t.member_id), 0) AS hints_milli
         FROM (SELECT quiz_id, item_idx AS idx, member_id FROM answers WHERE class_id = ? AND quiz_id IS NOT NULL
               UNION SELECT quiz_id, item_idx AS idx, member_id FROM hints WHERE class_id = ? AND quiz_id IS NOT NULL) t
         JOIN quizzes q ON q.id = t.quiz_id
         WHERE q.status IN ('finished', 'stopped')
         ORDER BY t.quiz_id, t.idx, t.member_id",
    )
    .bind(class)
    .bind(class)
    .fetch_all(ex)
    .await
}
