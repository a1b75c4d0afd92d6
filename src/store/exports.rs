//! What `/export` writes: every answer and written answer of a class, and each student's
//! points by source.

use super::answers::Verdict;
use super::{ClassId, PracticeId, QuizId, WrittenId};
use sqlx::{Error, SqliteExecutor};

/// One answer of the class, with its student and the hints its part cost.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AnswerLine {
    pub display_name: String,
    pub platform_user: String,
    pub quiz_id: Option<QuizId>,
    pub practice_id: Option<PracticeId>,
    pub part_id: String,
    pub kpi_id: String,
    pub attempt: i64,
    pub input: String,
    pub verdict: Verdict,
    pub points_milli: i64,
    /// The hints of the part, on its last attempt only (0 on the others).
    pub hints_milli: i64,
    pub answered_at: i64,
    /// The subject it was earned on (its quiz's or its practice's).
    pub case_id: String,
}

/// Every answer of the class, by student then time.
pub async fn answers<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
) -> Result<Vec<AnswerLine>, Error> {
    sqlx::query_as(
        "SELECT m.display_name, m.platform_user, a.quiz_id, a.practice_id, a.part_id, a.kpi_id, a.attempt, a.input,
                a.verdict, a.points_milli,
                CASE WHEN a.attempt = (SELECT MAX(p.attempt) FROM answers p WHERE p.member_id = a.member_id AND p.part_id = a.part_id
                                       AND COALESCE(p.quiz_id, 0) = COALESCE(a.quiz_id, 0) AND COALESCE(p.practice_id, 0) = COALESCE(a.practice_id, 0))
                     THEN COALESCE((SELECT SUM(h.cost_milli) FROM hints h WHERE h.member_id = a.member_id AND h.part_id = a.part_id
                          AND COALESCE(h.quiz_id, 0) = COALESCE(a.quiz_id, 0) AND COALESCE(h.practice_id, 0) = COALESCE(a.practice_id, 0)), 0)
                     ELSE 0 END AS hints_milli,
                a.answered_at,
                COALESCE((SELECT q.case_id FROM quizzes q WHERE q.id = a.quiz_id),
                         (SELECT p.case_id FROM practices p WHERE p.id = a.practice_id), '') AS case_id
         FROM answers a JOIN members m ON m.id = a.member_id
         WHERE a.class_id = ? ORDER BY m.display_name COLLATE NOCASE, a.answered_at, a.id",
    )
    .bind(class)
    .fetch_all(ex)
    .await
}

/// One written answer of the class, with its student.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct WrittenLine {
    pub display_name: String,
    pub platform_user: String,
    pub id: WrittenId,
    pub question_id: String,
    pub text: String,
    pub grade_points_milli: Option<i64>,
    pub written_at: i64,
    pub graded_at: Option<i64>,
    /// The subject it was written on.
    pub case_id: String,
    /// The mock exam it was handed in with, if any.
    pub exam_id: Option<i64>,
}

/// Every written answer of the class, by student then time.
pub async fn written<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
) -> Result<Vec<WrittenLine>, Error> {
    sqlx::query_as(
        "SELECT m.display_name, m.platform_user, w.id, w.question_id, w.text, w.grade_points_milli,
                w.written_at, w.graded_at, w.case_id, w.exam_id
         FROM written_answers w JOIN members m ON m.id = w.member_id
         WHERE w.class_id = ? ORDER BY m.display_name COLLATE NOCASE, w.written_at, w.id",
    )
    .bind(class)
    .fetch_all(ex)
    .await
}

/// A student's points by source.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StudentPoints {
    pub display_name: String,
    pub platform_user: String,
    pub quiz: i64,
    pub practice: i64,
    pub copies: i64,
}

/// Each student of the class with an answer or a written answer: points from quizzes, from
/// practice and from graded copies, by name.
pub async fn points_by_source<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
) -> Result<Vec<StudentPoints>, Error> {
    sqlx::query_as(
        "SELECT m.display_name, m.platform_user,
                COALESCE((SELECT SUM(a.points_milli) FROM answers a WHERE a.member_id = m.id AND a.quiz_id IS NOT NULL), 0) AS quiz,
                COALESCE((SELECT SUM(a.points_milli) FROM answers a WHERE a.member_id = m.id AND a.practice_id IS NOT NULL), 0) AS practice,
                COALESCE((SELECT SUM(w.grade_points_milli) FROM written_answers w WHERE w.member_id = m.id AND w.exam_id IS NULL), 0) AS copies
         FROM members m
         WHERE m.class_id = ? AND m.role = 'student'
           AND (EXISTS (SELECT 1 FROM answers a WHERE a.member_id = m.id)
                OR EXISTS (SELECT 1 FROM written_answers w WHERE w.member_id = m.id))
         ORDER BY m.display_name COLLATE NOCASE",
    )
    .bind(class)
    .fetch_all(ex)
    .await
}
