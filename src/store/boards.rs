//! Leaderboards: points per student, from the answers (and, for the class's boards, the graded
//! written answers: their points count from the time they are graded). Teachers may answer (to
//! try a quiz, to show the class) but are never ranked.

use super::{ClassId, MemberId, QuizId};
use sqlx::{Error, SqliteExecutor};

/// The class board query around a filter (a string literal, so the SQL stays static): answers
/// and graded written answers.
macro_rules! class_board_sql {
    ($filter:literal) => {
        concat!(
            "SELECT m.id, m.display_name, m.platform_user, SUM(a.points_milli) AS pts, COUNT(*) AS answers
             FROM (SELECT class_id, member_id, part_id, points_milli, answered_at,
                          COALESCE((SELECT q.case_id FROM quizzes q WHERE q.id = answers.quiz_id),
                                   (SELECT p.case_id FROM practices p WHERE p.id = answers.practice_id),
                                   '') AS case_id
                   FROM answers
                   UNION ALL
                   SELECT class_id, member_id, question_id, grade_points_milli, graded_at, case_id
                   FROM written_answers WHERE graded_at IS NOT NULL AND exam_id IS NULL) a
             JOIN members m ON m.id = a.member_id WHERE m.role = 'student' AND ",
            $filter,
            " GROUP BY m.id ORDER BY pts DESC, m.display_name COLLATE NOCASE"
        )
    };
}

/// The quiz board query around a filter: answers only.
macro_rules! board_sql {
    ($filter:literal) => {
        concat!(
            "SELECT m.id, m.display_name, m.platform_user, SUM(a.points_milli) AS pts, COUNT(*) AS answers
             FROM answers a JOIN members m ON m.id = a.member_id WHERE m.role = 'student' AND ",
            $filter,
            " GROUP BY m.id ORDER BY pts DESC, m.display_name COLLATE NOCASE"
        )
    };
}

/// One student's line of a board, best first.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BoardRow {
    pub id: MemberId,
    pub display_name: String,
    pub platform_user: String,
    pub pts: i64,
    pub answers: i64,
}

/// The board of a quiz.
pub async fn of_quiz<'e>(
    ex: impl SqliteExecutor<'e>,
    quiz: QuizId,
) -> Result<Vec<BoardRow>, Error> {
    sqlx::query_as(board_sql!("a.quiz_id = ?"))
        .bind(quiz)
        .fetch_all(ex)
        .await
}

/// The class board of the points earned from `since` (inclusive) and after `reset` (the last
/// board reset, exclusive: an answer of the reset's own millisecond belongs to the board posted
/// before it).
pub async fn of_class<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
    since: i64,
    reset: i64,
) -> Result<Vec<BoardRow>, Error> {
    sqlx::query_as(class_board_sql!(
        "a.class_id = ? AND a.answered_at >= ? AND a.answered_at > ?"
    ))
    .bind(class)
    .bind(since)
    .bind(reset)
    .fetch_all(ex)
    .await
}

/// [`of_class`], on one question or part (`part` and its sub-parts) of subject `case_id` only:
/// two subjects share question numbers, not their questions.
pub async fn of_class_on_part<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
    since: i64,
    reset: i64,
    case_id: &str,
    part: &str,
) -> Result<Vec<BoardRow>, Error> {
    sqlx::query_as(class_board_sql!("a.class_id = ? AND a.answered_at >= ? AND a.answered_at > ? AND a.case_id = ? AND (a.part_id = ? OR a.part_id LIKE ? || '.%')"))
        .bind(class)
        .bind(since)
        .bind(reset)
        .bind(case_id)
        .bind(part)
        .bind(part)
        .fetch_all(ex)
        .await
}

/// A student's name and points.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct NamePoints {
    pub display_name: String,
    pub pts: i64,
}

/// Each student's points in a quiz, best first.
pub async fn quiz_points<'e>(
    ex: impl SqliteExecutor<'e>,
    quiz: QuizId,
) -> Result<Vec<NamePoints>, Error> {
    sqlx::query_as(
        "SELECT m.display_name, SUM(a.points_milli) AS pts FROM answers a JOIN members m ON m.id = a.member_id
         WHERE a.quiz_id = ? AND m.role = 'student' GROUP BY m.id ORDER BY pts DESC, m.display_name COLLATE NOCASE",
    )
    .bind(quiz)
    .fetch_all(ex)
    .await
}
