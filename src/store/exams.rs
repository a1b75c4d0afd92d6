//! Tables `exams`, `exam_copies`, `exam_answers` and `exam_drafts`: mock exams, each student's
//! copy, the numeric answers saved on it and the written answers drafted on it.

use super::answers::Verdict;
use super::stored::stored_enum;
use super::{ClassId, MemberId, WrittenId};
use sqlx::{Error, SqliteExecutor};

/// A mock exam (`exams.id`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, sqlx::Type)]
#[sqlx(transparent)]
pub struct ExamId(pub i64);

stored_enum!(
    /// How a copy was locked (`exam_copies.locked_how`).
    Locked("copy lock") {
        HandedIn => "handed_in",
        Time => "time",
        Stopped => "stopped",
    }
);

/// A mock exam to launch.
#[derive(Debug, Clone)]
pub struct NewExam<'a> {
    pub class_id: ClassId,
    pub channel_id: &'a str,
    pub case_id: &'a str,
    pub launched_by: MemberId,
    pub started_at: i64,
    pub deadline_at: i64,
}

/// Inserts a running exam; `None` when the class already has one (nothing written).
pub async fn insert<'e>(
    ex: impl SqliteExecutor<'e>,
    exam: &NewExam<'_>,
) -> Result<Option<ExamId>, Error> {
    let done = sqlx::query(
        "INSERT INTO exams (class_id, channel_id, case_id, launched_by, status, started_at, deadline_at)
         VALUES (?, ?, ?, ?, 'running', ?, ?)",
    )
    .bind(exam.class_id)
    .bind(exam.channel_id)
    .bind(exam.case_id)
    .bind(exam.launched_by)
    .bind(exam.started_at)
    .bind(exam.deadline_at)
    .execute(ex)
    .await;
    match done {
        Ok(r) => Ok(Some(ExamId(r.last_insert_rowid()))),
        Err(Error::Database(e)) if e.is_unique_violation() => Ok(None),
        Err(e) => Err(e),
    }
}

/// A running exam, with where its class is.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RunningExam {
    pub id: ExamId,
    pub class_id: ClassId,
    pub platform: String,
    pub platform_id: String,
    pub channel_id: String,
    pub case_id: String,
    pub started_at: i64,
    pub deadline_at: i64,
    pub reminders: i64,
}

/// An exam as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ExamRow {
    pub id: ExamId,
    pub case_id: String,
    pub started_at: i64,
    pub deadline_at: i64,
    pub ended_at: Option<i64>,
}

/// One exam.
pub async fn exam<'e>(ex: impl SqliteExecutor<'e>, exam: ExamId) -> Result<ExamRow, Error> {
    sqlx::query_as("SELECT id, case_id, started_at, deadline_at, ended_at FROM exams WHERE id = ?")
        .bind(exam)
        .fetch_one(ex)
        .await
}

/// Every running exam (what a start resumes).
pub async fn running<'e>(ex: impl SqliteExecutor<'e>) -> Result<Vec<RunningExam>, Error> {
    sqlx::query_as(
        "SELECT e.id, e.class_id, c.platform, c.platform_id, e.channel_id, e.case_id, e.started_at,
                e.deadline_at, e.reminders
         FROM exams e JOIN classes c ON c.id = e.class_id WHERE e.status = 'running' ORDER BY e.id",
    )
    .fetch_all(ex)
    .await
}

/// Records that `n` time reminders of the exam were posted.
pub async fn set_reminders<'e>(
    ex: impl SqliteExecutor<'e>,
    exam: ExamId,
    n: i64,
) -> Result<(), Error> {
    sqlx::query("UPDATE exams SET reminders = ? WHERE id = ?")
        .bind(n)
        .bind(exam)
        .execute(ex)
        .await?;
    Ok(())
}

/// Ends a running exam; false when it was not running.
pub async fn end<'e>(
    ex: impl SqliteExecutor<'e>,
    exam: ExamId,
    stopped: bool,
    now: i64,
) -> Result<bool, Error> {
    let done = sqlx::query(
        "UPDATE exams SET status = 'ended', ended_at = ?, ended_how = ? WHERE id = ? AND status = 'running'",
    )
    .bind(now)
    .bind(if stopped { "stopped" } else { "time" })
    .bind(exam)
    .execute(ex)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Opens a student's copy (nothing when it is open already).
pub async fn open_copy<'e>(
    ex: impl SqliteExecutor<'e>,
    exam: ExamId,
    member: MemberId,
    now: i64,
) -> Result<(), Error> {
    sqlx::query(
        "INSERT OR IGNORE INTO exam_copies (exam_id, member_id, opened_at) VALUES (?, ?, ?)",
    )
    .bind(exam)
    .bind(member)
    .bind(now)
    .execute(ex)
    .await?;
    Ok(())
}

/// A student's copy.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CopyRow {
    pub exam_id: ExamId,
    pub member_id: MemberId,
    pub display_name: String,
    pub platform_user: String,
    pub opened_at: i64,
    pub locked_at: Option<i64>,
    pub locked_how: Option<Locked>,
    pub bonus_milli: i64,
}

/// A student's copy of an exam, if they opened one.
pub async fn copy<'e>(
    ex: impl SqliteExecutor<'e>,
    exam: ExamId,
    member: MemberId,
) -> Result<Option<CopyRow>, Error> {
    sqlx::query_as(
        "SELECT c.exam_id, c.member_id, m.display_name, m.platform_user, c.opened_at,
                c.locked_at, c.locked_how, c.bonus_milli
         FROM exam_copies c JOIN members m ON m.id = c.member_id
         WHERE c.exam_id = ? AND c.member_id = ?",
    )
    .bind(exam)
    .bind(member)
    .fetch_optional(ex)
    .await
}

/// Every copy of an exam, by student name.
pub async fn copies<'e>(ex: impl SqliteExecutor<'e>, exam: ExamId) -> Result<Vec<CopyRow>, Error> {
    sqlx::query_as(
        "SELECT c.exam_id, c.member_id, m.display_name, m.platform_user, c.opened_at,
                c.locked_at, c.locked_how, c.bonus_milli
         FROM exam_copies c JOIN members m ON m.id = c.member_id
         WHERE c.exam_id = ? ORDER BY m.display_name COLLATE NOCASE, m.id",
    )
    .bind(exam)
    .fetch_all(ex)
    .await
}

/// Locks a copy; false when it was locked already.
pub async fn lock_copy<'e>(
    ex: impl SqliteExecutor<'e>,
    exam: ExamId,
    member: MemberId,
    how: Locked,
    now: i64,
) -> Result<bool, Error> {
    let done = sqlx::query(
        "UPDATE exam_copies SET locked_at = ?, locked_how = ?
         WHERE exam_id = ? AND member_id = ? AND locked_at IS NULL",
    )
    .bind(now)
    .bind(how)
    .bind(exam)
    .bind(member)
    .execute(ex)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Sets a copy's bonus; false when there is no such copy.
pub async fn set_bonus<'e>(
    ex: impl SqliteExecutor<'e>,
    exam: ExamId,
    member: MemberId,
    bonus: i64,
) -> Result<bool, Error> {
    let done =
        sqlx::query("UPDATE exam_copies SET bonus_milli = ? WHERE exam_id = ? AND member_id = ?")
            .bind(bonus)
            .bind(exam)
            .bind(member)
            .execute(ex)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// Saves (or replaces) a numeric answer of an open copy.
pub async fn save_answer<'e>(
    ex: impl SqliteExecutor<'e>,
    exam: ExamId,
    member: MemberId,
    part: &str,
    input: &str,
    now: i64,
) -> Result<(), Error> {
    sqlx::query(
        "INSERT INTO exam_answers (exam_id, member_id, part_id, input, saved_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (exam_id, member_id, part_id) DO UPDATE SET input = excluded.input, saved_at = excluded.saved_at",
    )
    .bind(exam)
    .bind(member)
    .bind(part)
    .bind(input)
    .bind(now)
    .execute(ex)
    .await?;
    Ok(())
}

/// Saves (or replaces) a written draft of an open copy.
pub async fn save_draft<'e>(
    ex: impl SqliteExecutor<'e>,
    exam: ExamId,
    member: MemberId,
    question: &str,
    text: &str,
    now: i64,
) -> Result<(), Error> {
    sqlx::query(
        "INSERT INTO exam_drafts (exam_id, member_id, question_id, text, saved_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (exam_id, member_id, question_id) DO UPDATE SET text = excluded.text, saved_at = excluded.saved_at",
    )
    .bind(exam)
    .bind(member)
    .bind(question)
    .bind(text)
    .bind(now)
    .execute(ex)
    .await?;
    Ok(())
}

/// A numeric answer of a copy.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AnswerRow {
    pub member_id: MemberId,
    pub part_id: String,
    pub input: String,
    pub saved_at: i64,
    pub verdict: Option<Verdict>,
}

/// The numeric answers of one copy (`Some(member)`) or of every copy of an exam.
pub async fn answers<'e>(
    ex: impl SqliteExecutor<'e>,
    exam: ExamId,
    member: Option<MemberId>,
) -> Result<Vec<AnswerRow>, Error> {
    sqlx::query_as(
        "SELECT member_id, part_id, input, saved_at, verdict FROM exam_answers
         WHERE exam_id = ? AND (? IS NULL OR member_id = ?) ORDER BY member_id, part_id",
    )
    .bind(exam)
    .bind(member)
    .bind(member)
    .fetch_all(ex)
    .await
}

/// Records the verdict of a numeric answer, judged at the lock.
pub async fn set_verdict<'e>(
    ex: impl SqliteExecutor<'e>,
    exam: ExamId,
    member: MemberId,
    part: &str,
    verdict: Option<Verdict>,
    mistake: Option<&str>,
) -> Result<(), Error> {
    sqlx::query(
        "UPDATE exam_answers SET verdict = ?, mistake = ? WHERE exam_id = ? AND member_id = ? AND part_id = ?",
    )
    .bind(verdict)
    .bind(mistake)
    .bind(exam)
    .bind(member)
    .bind(part)
    .execute(ex)
    .await?;
    Ok(())
}

/// A written draft of a copy.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DraftRow {
    pub member_id: MemberId,
    pub question_id: String,
    pub text: String,
    pub saved_at: i64,
}

/// The drafts of one copy (`Some(member)`) or of every copy of an exam.
pub async fn drafts<'e>(
    ex: impl SqliteExecutor<'e>,
    exam: ExamId,
    member: Option<MemberId>,
) -> Result<Vec<DraftRow>, Error> {
    sqlx::query_as(
        "SELECT member_id, question_id, text, saved_at FROM exam_drafts
         WHERE exam_id = ? AND (? IS NULL OR member_id = ?) ORDER BY member_id, question_id",
    )
    .bind(exam)
    .bind(member)
    .bind(member)
    .fetch_all(ex)
    .await
}

/// Hands a draft in as a written answer of the copy, for the teachers to mark on its grid.
pub async fn insert_written<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
    exam: ExamId,
    draft: &DraftRow,
    case_id: &str,
    now: i64,
) -> Result<WrittenId, Error> {
    let done = sqlx::query(
        "INSERT INTO written_answers (class_id, member_id, case_id, question_id, text, written_at, exam_id)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(class)
    .bind(draft.member_id)
    .bind(case_id)
    .bind(&draft.question_id)
    .bind(&draft.text)
    .bind(now)
    .bind(exam)
    .execute(ex)
    .await?;
    Ok(WrittenId(done.last_insert_rowid()))
}

/// A written answer handed in with an exam copy, and its mark once given.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HandedIn {
    pub exam_id: ExamId,
    pub id: WrittenId,
    pub member_id: MemberId,
    pub question_id: String,
    pub grade_points_milli: Option<i64>,
}

/// The written answers handed in with the class's exams (`Some(exam)`: one of them).
pub async fn handed_in<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
    exam: Option<ExamId>,
) -> Result<Vec<HandedIn>, Error> {
    sqlx::query_as(
        "SELECT exam_id, id, member_id, question_id, grade_points_milli FROM written_answers
         WHERE class_id = ? AND exam_id IS NOT NULL AND (? IS NULL OR exam_id = ?) ORDER BY id",
    )
    .bind(class)
    .bind(exam)
    .bind(exam)
    .fetch_all(ex)
    .await
}

/// What one student saved on their exam copies (`/mes-donnees`): (exam, part or question,
/// what they wrote, when).
pub async fn of_member<'e>(
    ex: impl SqliteExecutor<'e>,
    member: MemberId,
) -> Result<Vec<(ExamId, String, String, i64)>, Error> {
    sqlx::query_as(
        "SELECT exam_id, part_id, input, saved_at FROM exam_answers WHERE member_id = ?
         UNION ALL
         SELECT exam_id, question_id, text, saved_at FROM exam_drafts WHERE member_id = ?
         ORDER BY 1, 4",
    )
    .bind(member)
    .bind(member)
    .fetch_all(ex)
    .await
}

/// An exam of the class that is over.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EndedExam {
    pub id: ExamId,
    pub case_id: String,
    pub started_at: i64,
}

/// The class's exams that are over, oldest first.
pub async fn ended<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
) -> Result<Vec<EndedExam>, Error> {
    sqlx::query_as(
        "SELECT id, case_id, started_at FROM exams WHERE class_id = ? AND status = 'ended' ORDER BY started_at, id",
    )
    .bind(class)
    .fetch_all(ex)
    .await
}

/// A locked copy of one of the class's ended exams, with its student.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LockedCopy {
    pub exam_id: ExamId,
    pub member_id: MemberId,
    pub display_name: String,
    pub platform_user: String,
    pub bonus_milli: i64,
}

/// Every copy of the class's ended exams, by exam then student name.
pub async fn locked_copies<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
) -> Result<Vec<LockedCopy>, Error> {
    sqlx::query_as(
        "SELECT c.exam_id, c.member_id, m.display_name, m.platform_user, c.bonus_milli
         FROM exam_copies c JOIN exams e ON e.id = c.exam_id JOIN members m ON m.id = c.member_id
         WHERE e.class_id = ? AND e.status = 'ended' AND m.role = 'student'
         ORDER BY c.exam_id, m.display_name COLLATE NOCASE, m.id",
    )
    .bind(class)
    .fetch_all(ex)
    .await
}

/// A judged numeric answer of one of the class's ended exams.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ExamVerdict {
    pub exam_id: ExamId,
    pub member_id: MemberId,
    pub part_id: String,
    pub verdict: Option<Verdict>,
}

/// Every judged answer of the class's ended exams.
pub async fn verdicts<'e>(
    ex: impl SqliteExecutor<'e>,
    class: ClassId,
) -> Result<Vec<ExamVerdict>, Error> {
    sqlx::query_as(
        "SELECT a.exam_id, a.member_id, a.part_id, a.verdict FROM exam_answers a
         JOIN exams e ON e.id = a.exam_id WHERE e.class_id = ? AND e.status = 'ended'",
    )
    .bind(class)
    .fetch_all(ex)
    .await
}
