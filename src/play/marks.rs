//! Marks on the subject's barème, apart from game points: a piece of work (a quiz that is over)
//! gives each student who took part a [`Sheet`] — every part asked, out of its points in the
//! pack — with its question and dossier subtotals and its mark out of 40 and out of 20. The
//! rule is written once, in [`part_mark`]: a right answer earns the part's points, a close one
//! `marks.close_share` of them, a wrong one or none nothing, and a hint costs what it was
//! announced to cost. Speed and streak bonuses and practice never enter a mark: they are not
//! read here (a mark is computed from the verdicts as judged, never from stored points).
//!
//! `/notes` shows them (a student their own, a teacher the class's), and `/export` writes them
//! (`notes-….csv`, per student and work; `carnet-….csv`, one line per student).

use super::command::{Attachment, Reply};
use super::scoring::{from_milli, sum_milli, Milli};
use super::settings::MarkSettings;
use super::sheets::{csv_file, sheet_text};
use super::{Ctx, Inner};
use crate::case::Case;
use crate::format;
use crate::msg;
use crate::render::{echo, points};
use crate::store::answers::Verdict;
use crate::store::{self, ClassId, MemberId};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// What a part of the barème earns: its points for a right answer, `close_share` of them for a
/// close one, nothing otherwise; minus the hints taken on it; never below zero.
pub fn part_mark(
    settings: &MarkSettings,
    base: Milli,
    verdict: Option<Verdict>,
    hints: Milli,
) -> Milli {
    let earned = match verdict {
        Some(Verdict::Correct) => base,
        Some(Verdict::Close) => from_milli(base)
            .checked_mul(settings.close_share)
            .and_then(crate::case::to_milli)
            .unwrap_or(0),
        Some(Verdict::Wrong) | None => 0,
    };
    earned.saturating_sub(hints).max(0)
}

/// One line of a sheet: a numeric part, or a question's written answer, out of its points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub question: String,
    pub dossier: Option<String>,
    pub earned: Milli,
    pub max: Milli,
    /// A written answer (marked on its grid), not a calculation.
    pub written: bool,
}

/// A subtotal of a sheet: a question's or a dossier's points out of its maximum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subtotal {
    pub id: String,
    pub earned: Milli,
    pub max: Milli,
}

/// One student's marked piece of work.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sheet {
    pub lines: Vec<Line>,
    /// Points added to the total, which stays capped at the maximum.
    pub bonus: Milli,
    /// Written answers handed in and not marked yet: the mark is provisional until none is left.
    pub pending: usize,
}

impl Sheet {
    fn subtotals(&self, key: impl Fn(&Line) -> Option<&String>) -> Vec<Subtotal> {
        let mut out: Vec<Subtotal> = Vec::new();
        for line in &self.lines {
            let Some(id) = key(line) else { continue };
            match out.iter_mut().find(|s| &s.id == id) {
                Some(s) => {
                    s.earned = s.earned.saturating_add(line.earned);
                    s.max = s.max.saturating_add(line.max);
                }
                None => out.push(Subtotal {
                    id: id.clone(),
                    earned: line.earned,
                    max: line.max,
                }),
            }
        }
        out
    }

    /// Points per question, in the order they were asked.
    pub fn questions(&self) -> Vec<Subtotal> {
        self.subtotals(|l| Some(&l.question))
    }

    /// Points per dossier, in the order they were asked.
    pub fn dossiers(&self) -> Vec<Subtotal> {
        self.subtotals(|l| l.dossier.as_ref())
    }

    /// The calculations' points and their maximum (marked at once, without the teacher).
    pub fn numeric(&self) -> (Milli, Milli) {
        let lines = self.lines.iter().filter(|l| !l.written);
        let (earned, max): (Vec<Milli>, Vec<Milli>) = lines.map(|l| (l.earned, l.max)).unzip();
        (sum_milli(earned), sum_milli(max))
    }

    /// Points at stake.
    pub fn max(&self) -> Milli {
        sum_milli(self.lines.iter().map(|l| l.max))
    }

    /// Points earned, bonus included, capped at the maximum.
    pub fn earned(&self) -> Milli {
        sum_milli(self.lines.iter().map(|l| l.earned))
            .saturating_add(self.bonus)
            .min(self.max())
    }

    /// The mark out of `scale` (40, 20), in proportion to the points at stake, rounded to
    /// `decimals`; `None` when nothing was at stake.
    pub fn out_of(&self, scale: u32, decimals: u32) -> Option<Decimal> {
        let max = from_milli(self.max());
        if max.is_zero() {
            return None;
        }
        let mark = from_milli(self.earned())
            .checked_mul(Decimal::from(scale))?
            .checked_div(max)?;
        Some(format::round(mark, decimals))
    }
}

/// Which piece of work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WorkId {
    Quiz(i64),
    Exam(i64),
}

impl WorkId {
    /// The name teachers and students type and read (`quiz-12`), the export's `travail`.
    pub fn key(&self) -> String {
        match self {
            WorkId::Quiz(id) => format!("quiz-{id}"),
            WorkId::Exam(id) => format!("examen-{id}"),
        }
    }

    /// Reads `quiz-12`, `quiz 12`, `Quiz n°12` or `12` (a quiz), `examen-3` or `examen 3`.
    pub fn parse(text: &str) -> Option<WorkId> {
        let t = text.trim().to_lowercase();
        let number = |rest: &str| {
            rest.trim_start_matches(['-', ' ', 'n', '°', 'o'])
                .trim()
                .parse::<i64>()
                .ok()
        };
        match t.strip_prefix("examen") {
            Some(rest) => number(rest).map(WorkId::Exam),
            None => number(t.strip_prefix("quiz").unwrap_or(&t)).map(WorkId::Quiz),
        }
    }
}

/// A student who took part in a piece of work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Student {
    pub member: MemberId,
    pub name: String,
    pub user: String,
}

/// A piece of work of the class that is over, with every participant's sheet.
#[derive(Debug, Clone)]
pub struct Work {
    pub id: WorkId,
    pub case_id: String,
    pub at: i64,
    /// The questions it asked, in order.
    pub questions: Vec<String>,
    pub sheets: Vec<(Student, Sheet)>,
}

impl Work {
    /// The sheet of one member, if they took part.
    pub fn sheet_of(&self, member: MemberId) -> Option<&Sheet> {
        self.sheets
            .iter()
            .find(|(s, _)| s.member == member)
            .map(|(_, s)| s)
    }
}

/// Where a part sits in the barème: its question and dossier. A part of a subject no longer
/// installed keeps its question id (the part id without its last letter) and no dossier.
fn place_of(case: Option<&Case>, part: &str) -> (String, Option<String>) {
    match case.and_then(|c| c.part(part)) {
        Some((q, _)) => (q.id.clone(), Some(q.dossier.clone())),
        None => (
            part.rsplit_once('.').map_or(part, |(q, _)| q).to_string(),
            None,
        ),
    }
}

/// Every piece of work of the class that is over, oldest first, marked.
pub async fn class_works(inner: &Inner, class: i64) -> anyhow::Result<Vec<Work>> {
    let db = &inner.store.write;
    let quizzes = store::marks::ended_quizzes(db, ClassId(class)).await?;
    let items = store::marks::asked_items(db, ClassId(class)).await?;
    let people = store::marks::participants(db, ClassId(class)).await?;
    let verdicts = store::marks::item_verdicts(db, ClassId(class)).await?;
    let by_item: HashMap<(i64, i64, i64), &store::marks::ItemVerdict> = verdicts
        .iter()
        .map(|v| ((v.quiz_id.0, v.idx, v.member_id.0), v))
        .collect();
    let settings = &inner.settings.marks;
    let mut works = Vec::with_capacity(quizzes.len());
    for quiz in quizzes {
        let case = inner.case_in(class, &quiz.case_id);
        let asked: Vec<_> = items.iter().filter(|i| i.quiz_id == quiz.id).collect();
        let mut questions: Vec<String> = Vec::new();
        for item in &asked {
            let (q, _) = place_of(case.as_deref().map(|c| &c.case), &item.part_id);
            if !questions.contains(&q) {
                questions.push(q);
            }
        }
        let sheets = people
            .iter()
            .filter(|p| p.quiz_id == quiz.id)
            .map(|p| {
                let lines = asked
                    .iter()
                    .map(|item| {
                        let (question, dossier) =
                            place_of(case.as_deref().map(|c| &c.case), &item.part_id);
                        let got = by_item.get(&(quiz.id.0, item.idx, p.member_id.0));
                        Line {
                            question,
                            dossier,
                            written: false,
                            earned: part_mark(
                                settings,
                                item.points_milli,
                                got.and_then(|v| v.verdict),
                                got.map_or(0, |v| v.hints_milli),
                            ),
                            max: item.points_milli,
                        }
                    })
                    .collect();
                let student = Student {
                    member: p.member_id,
                    name: p.display_name.clone(),
                    user: p.platform_user.clone(),
                };
                (
                    student,
                    Sheet {
                        lines,
                        ..Sheet::default()
                    },
                )
            })
            .collect();
        works.push(Work {
            id: WorkId::Quiz(quiz.id.0),
            case_id: quiz.case_id,
            at: quiz.created_at,
            questions,
            sheets,
        });
    }
    works.extend(exam_works(inner, class).await?);
    works.sort_by_key(|w| w.at);
    Ok(works)
}

/// The class's mock exams that are over, marked: every part of the subject and every written
/// answer (its grid's points), the bonus; a written answer not marked yet leaves the sheet
/// pending. An exam whose subject is no longer installed is left out (its barème is gone).
async fn exam_works(inner: &Inner, class: i64) -> anyhow::Result<Vec<Work>> {
    use store::exams as db;
    let read = &inner.store.write;
    let exams = db::ended(read, ClassId(class)).await?;
    let copies = db::locked_copies(read, ClassId(class)).await?;
    let verdicts = db::verdicts(read, ClassId(class)).await?;
    let written = db::handed_in(read, ClassId(class), None).await?;
    let settings = &inner.settings.marks;
    let mut works = Vec::new();
    for exam in exams {
        let Some(case) = inner.case_in(class, &exam.case_id) else {
            continue;
        };
        let mut sheets = Vec::new();
        for copy in copies.iter().filter(|c| c.exam_id == exam.id) {
            let mut sheet = Sheet {
                bonus: copy.bonus_milli,
                ..Sheet::default()
            };
            for q in &case.questions {
                for p in &q.parts {
                    let verdict = verdicts
                        .iter()
                        .find(|v| {
                            v.exam_id == exam.id
                                && v.member_id == copy.member_id
                                && v.part_id == p.id
                        })
                        .and_then(|v| v.verdict);
                    sheet.lines.push(Line {
                        question: q.id.clone(),
                        dossier: Some(q.dossier.clone()),
                        earned: part_mark(settings, p.milli, verdict, 0),
                        max: p.milli,
                        written: false,
                    });
                }
                if let Some(grid) = case.grid(&q.id) {
                    let handed = written.iter().rev().find(|w| {
                        w.exam_id == exam.id
                            && w.member_id == copy.member_id
                            && w.question_id == q.id
                    });
                    let grade = handed.and_then(|w| w.grade_points_milli);
                    if handed.is_some() && grade.is_none() {
                        sheet.pending += 1;
                    }
                    sheet.lines.push(Line {
                        question: q.id.clone(),
                        dossier: Some(q.dossier.clone()),
                        earned: grade.unwrap_or(0),
                        max: crate::case::to_milli(grid.points).unwrap_or(0),
                        written: true,
                    });
                }
            }
            let student = Student {
                member: copy.member_id,
                name: copy.display_name.clone(),
                user: copy.platform_user.clone(),
            };
            sheets.push((student, sheet));
        }
        works.push(Work {
            id: WorkId::Exam(exam.id.0),
            case_id: exam.case_id.clone(),
            at: exam.started_at,
            questions: case.questions.iter().map(|q| q.id.clone()).collect(),
            sheets,
        });
    }
    Ok(works)
}

/// « **12,50/20** », or « provisoire : 8,25/20, 3 réponses rédigées à corriger ».
fn on20_text(inner: &Inner, sheet: &Sheet) -> String {
    let m = inner.messages();
    let d = inner.settings.marks.decimals;
    let mark = sheet
        .out_of(20, d)
        .map_or_else(String::new, |n| mark_text(n, d));
    if sheet.pending == 0 {
        m.text(&msg::MarksOn20 { mark: &mark })
    } else {
        m.text(&msg::MarksProvisional {
            mark: &mark,
            n: &sheet.pending.to_string(),
        })
    }
}

/// A mark as the bot writes it: « 13,25 ».
fn mark_text(mark: Decimal, decimals: u32) -> String {
    format::number(mark, decimals)
}

/// « quiz 12 du 03/12/2026 (Arbre-cadeau ; 1.1, 1.2) ».
fn work_title(inner: &Inner, class: i64, work: &Work) -> String {
    let m = inner.messages();
    let case = inner
        .case_in(class, &work.case_id)
        .map_or_else(|| work.case_id.clone(), |c| c.meta.title.clone());
    match work.id {
        WorkId::Quiz(id) => m.text(&msg::MarksWorkQuiz {
            id: &id.to_string(),
            date: &format::date_fr(work.at),
            case: &echo(&case),
            questions: &work.questions.join(", "),
        }),
        WorkId::Exam(id) => m.text(&msg::MarksWorkExam {
            id: &id.to_string(),
            date: &format::date_fr(work.at),
            case: &echo(&case),
        }),
    }
}

/// « 2,25 / 3 points ».
fn points_of(inner: &Inner, earned: Milli, max: Milli) -> String {
    let m = inner.messages();
    m.text(&msg::PlayPointsOf {
        points: &format::number_trimmed(from_milli(earned), 3),
        max: &points(m, from_milli(max)),
    })
}

/// `/notes [travail:…]`: a student's marks (every piece of work, and the detail of one), or,
/// for a teacher, the class's marks on one piece of work.
pub async fn notes(cx: &Ctx<'_>, work: Option<&str>) -> anyhow::Result<Vec<Reply>> {
    let Ctx { inner, who, .. } = *cx;
    let m = inner.messages();
    let class = who.class.id;
    let mut works = class_works(inner, class).await?;
    if !who.teacher {
        works.retain(|w| w.sheet_of(who.member()).is_some());
    }
    if works.is_empty() {
        let none = if who.teacher {
            m.text(&msg::MarksNoneTeacher)
        } else {
            m.text(&msg::MarksNoneStudent)
        };
        return Ok(vec![Reply::private(none)]);
    }
    let chosen = match work {
        None => works.len() - 1,
        Some(given) => {
            let id = WorkId::parse(given);
            match works.iter().position(|w| Some(w.id) == id) {
                Some(i) => i,
                None => {
                    let list: Vec<String> = works.iter().map(|w| w.id.key()).collect();
                    return Ok(vec![Reply::private(m.text(&msg::MarksUnknownWork {
                        given: &echo(given),
                        works: &list.join(", "),
                    }))]);
                }
            }
        }
    };
    let text = if who.teacher {
        teacher_view(cx, &works, chosen)
    } else {
        student_view(cx, &works, chosen)
    };
    Ok(vec![Reply::private(text)])
}

/// The barème's lines of a sheet: each dossier, then its questions.
fn detail(inner: &Inner, case: Option<&Case>, sheet: &Sheet) -> Vec<String> {
    let m = inner.messages();
    let mut out = Vec::new();
    let question_line = |q: &Subtotal| {
        m.text(&msg::MarksQuestionLine {
            id: &q.id,
            points: &points_of(inner, q.earned, q.max),
        })
    };
    let questions = sheet.questions();
    let dossier_of = |question: &str| {
        sheet
            .lines
            .iter()
            .find(|l| l.question == question)
            .and_then(|l| l.dossier.clone())
    };
    for d in sheet.dossiers() {
        let title = case
            .and_then(|c| c.dossiers.iter().find(|x| x.id == d.id))
            .map_or_else(String::new, |x| x.title.clone());
        out.push(m.text(&msg::MarksDossierLine {
            id: &d.id,
            title: &echo(&title),
            points: &points_of(inner, d.earned, d.max),
        }));
        for q in questions
            .iter()
            .filter(|q| dossier_of(&q.id).as_deref() == Some(&d.id))
        {
            out.push(question_line(q));
        }
    }
    for q in questions.iter().filter(|q| dossier_of(&q.id).is_none()) {
        out.push(question_line(q));
    }
    out
}

fn student_view(cx: &Ctx<'_>, works: &[Work], chosen: usize) -> String {
    let Ctx { inner, who, .. } = *cx;
    let m = inner.messages();
    let s = &inner.settings.marks;
    let class = who.class.id;
    let mut lines = vec![m.text(&msg::MarksStudentHeader)];
    for work in works {
        let Some(sheet) = work.sheet_of(who.member()) else {
            continue;
        };
        lines.push(m.text(&msg::MarksWorkLine {
            work: &work_title(inner, class, work),
            points: &points_of(inner, sheet.earned(), sheet.max()),
            on20: &on20_text(inner, sheet),
        }));
    }
    let work = &works[chosen];
    if let Some(sheet) = work.sheet_of(who.member()) {
        let case = inner.case_in(class, &work.case_id);
        lines.push(String::new());
        lines.push(m.text(&msg::MarksDetailHeader {
            work: &work_title(inner, class, work),
        }));
        lines.extend(detail(inner, case.as_deref().map(|c| &c.case), sheet));
        if sheet.pending > 0 {
            lines.push(m.text(&msg::MarksPendingNote {
                n: &sheet.pending.to_string(),
            }));
        }
        lines.push(
            m.text(&msg::MarksOn40 {
                on40: &sheet
                    .out_of(40, s.decimals)
                    .map_or_else(String::new, |n| mark_text(n, s.decimals)),
                on20: &sheet
                    .out_of(20, s.decimals)
                    .map_or_else(String::new, |n| mark_text(n, s.decimals)),
            }),
        );
    }
    lines.push(rules(inner));
    lines.join("\n")
}

/// How a mark is made, in one sentence.
fn rules(inner: &Inner) -> String {
    let m = inner.messages();
    let close = inner.settings.marks.close_share * Decimal::ONE_HUNDRED;
    m.text(&msg::MarksRules {
        close: &format!("{} %", format::number_trimmed(close, 2)),
    })
}

fn teacher_view(cx: &Ctx<'_>, works: &[Work], chosen: usize) -> String {
    let Ctx { inner, who, .. } = *cx;
    let m = inner.messages();
    let s = &inner.settings.marks;
    let class = who.class.id;
    let work = &works[chosen];
    let mut lines = vec![m.text(&msg::MarksTeacherHeader {
        work: &work_title(inner, class, work),
        students: &m.text(&msg::PlayNStudents {
            n: &work.sheets.len().to_string(),
        }),
    })];
    if let Some(source) = inner
        .case_in(class, &work.case_id)
        .and_then(|c| c.meta.points_source.clone())
    {
        lines.push(crate::render::points_source(m, &source));
    }
    let mut marks = Vec::new();
    for (student, sheet) in &work.sheets {
        if sheet.pending == 0 {
            marks.extend(sheet.out_of(20, s.decimals));
        }
        lines.push(m.text(&msg::MarksTeacherLine {
            name: &echo(&student.name),
            points: &points_of(inner, sheet.earned(), sheet.max()),
            on20: &on20_text(inner, sheet),
        }));
    }
    if let Some(mean) = mean(&marks, s.decimals) {
        lines.push(m.text(&msg::MarksTeacherMean {
            mean: &mark_text(mean, s.decimals),
        }));
    }
    let others: Vec<String> = works
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != chosen)
        .map(|(_, w)| w.id.key())
        .collect();
    if !others.is_empty() {
        lines.push(m.text(&msg::MarksTeacherOthers {
            works: &others.join(", "),
            example: &others[others.len() - 1],
        }));
    }
    lines.push(rules(inner));
    lines.push(m.text(&msg::MarksTeacherExport));
    lines.join("\n")
}

/// The mean of marks, rounded as marks are; `None` for none.
fn mean(marks: &[Decimal], decimals: u32) -> Option<Decimal> {
    if marks.is_empty() {
        return None;
    }
    let sum: Decimal = marks.iter().copied().sum();
    sum.checked_div(Decimal::from(marks.len()))
        .map(|m| format::round(m, decimals))
}

/// Points in a spreadsheet cell: decimal comma, no thousands separator.
fn cell_points(milli: Milli) -> String {
    format::number_trimmed(from_milli(milli), 3).replace('\u{202F}', "")
}

fn cell_mark(mark: Option<Decimal>, decimals: u32) -> String {
    mark.map_or_else(String::new, |n| {
        format::number(n, decimals).replace('\u{202F}', "")
    })
}

/// Every id the sheets of `works` give by `key`, in their first order.
fn union_ids(works: &[Work], key: impl Fn(&Sheet) -> Vec<Subtotal>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (_, sheet) in works.iter().flat_map(|w| &w.sheets) {
        for s in key(sheet) {
            if !out.contains(&s.id) {
                out.push(s.id);
            }
        }
    }
    out
}

/// `notes-….csv`: one line per student and piece of work: the points of each question and its
/// maximum, each dossier's subtotal and maximum, the total, `note_sur_40` and `note_sur_20`.
fn notes_rows(inner: &Inner, works: &[Work]) -> Vec<Vec<String>> {
    let d = inner.settings.marks.decimals;
    let questions = union_ids(works, Sheet::questions);
    let dossiers = union_ids(works, Sheet::dossiers);
    let mut header: Vec<String> = ["eleve", "identifiant", "travail", "sujet", "date_utc"]
        .map(String::from)
        .to_vec();
    for q in &questions {
        header.push(format!("q{q}"));
        header.push(format!("q{q}_max"));
    }
    for id in &dossiers {
        header.push(format!("dossier_{id}"));
        header.push(format!("dossier_{id}_max"));
    }
    header.extend(
        [
            "bonus",
            "total",
            "total_max",
            "note_sur_40",
            "note_sur_20",
            "a_corriger",
        ]
        .map(String::from),
    );
    let mut rows = vec![header];
    let mut lines: Vec<(&Student, &Work, &Sheet)> = works
        .iter()
        .flat_map(|w| w.sheets.iter().map(move |(st, sh)| (st, w, sh)))
        .collect();
    lines.sort_by(|a, b| {
        a.0.name
            .to_lowercase()
            .cmp(&b.0.name.to_lowercase())
            .then(a.0.member.0.cmp(&b.0.member.0))
            .then(a.1.at.cmp(&b.1.at))
    });
    for (student, work, sheet) in lines {
        let mut row = vec![
            sheet_text(&student.name).into_owned(),
            sheet_text(&student.user).into_owned(),
            work.id.key(),
            sheet_text(&work.case_id).into_owned(),
            format::iso(work.at),
        ];
        let cells = |all: &[String], subs: Vec<Subtotal>, row: &mut Vec<String>| {
            for id in all {
                match subs.iter().find(|s| &s.id == id) {
                    Some(s) => {
                        row.push(cell_points(s.earned));
                        row.push(cell_points(s.max));
                    }
                    None => row.extend([String::new(), String::new()]),
                }
            }
        };
        cells(&questions, sheet.questions(), &mut row);
        cells(&dossiers, sheet.dossiers(), &mut row);
        row.push(cell_points(sheet.bonus));
        row.push(cell_points(sheet.earned()));
        row.push(cell_points(sheet.max()));
        // A provisional mark is never written where a grade book would take it.
        let settled = |mark: Option<Decimal>| mark.filter(|_| sheet.pending == 0);
        row.push(cell_mark(settled(sheet.out_of(40, d)), d));
        row.push(cell_mark(settled(sheet.out_of(20, d)), d));
        row.push(sheet.pending.to_string());
        rows.push(row);
    }
    rows
}

/// `carnet-….csv`: one line per student, one column per piece of work (the mark out of 20,
/// empty where they did not take part), and the mean of the marks they have.
fn book_rows(inner: &Inner, works: &[Work]) -> Vec<Vec<String>> {
    let d = inner.settings.marks.decimals;
    let mut header: Vec<String> = vec!["eleve".into(), "identifiant".into()];
    header.extend(
        works
            .iter()
            .map(|w| format!("{} ({})", w.id.key(), format::date_fr(w.at))),
    );
    header.push("moyenne_sur_20".into());
    let mut students: Vec<&Student> = Vec::new();
    for (s, _) in works.iter().flat_map(|w| &w.sheets) {
        if !students.iter().any(|x| x.member == s.member) {
            students.push(s);
        }
    }
    students.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.member.0.cmp(&b.member.0))
    });
    let mut rows = vec![header];
    for student in students {
        let mut row = vec![
            sheet_text(&student.name).into_owned(),
            sheet_text(&student.user).into_owned(),
        ];
        let mut marks = Vec::new();
        for work in works {
            let mark = work
                .sheet_of(student.member)
                .filter(|s| s.pending == 0)
                .and_then(|s| s.out_of(20, d));
            marks.extend(mark);
            row.push(cell_mark(mark, d));
        }
        row.push(cell_mark(mean(&marks, d), d));
        rows.push(row);
    }
    rows
}

/// The two files of marks `/export` adds: per student and work, and the grade book.
pub async fn export_files(cx: &Ctx<'_>, class_file: &str) -> anyhow::Result<Vec<Reply>> {
    let Ctx { inner, who, .. } = *cx;
    let m = inner.messages();
    let works = class_works(inner, who.class.id).await?;
    let notes = notes_rows(inner, &works);
    let book = book_rows(inner, &works);
    let lines = notes.len() - 1;
    let students = book.len() - 1;
    Ok(vec![
        Reply::private(m.text(&msg::MarksExportNotes {
            lines: &lines.to_string(),
        }))
        .with_attachment(Attachment {
            name: format!("notes-{class_file}.csv"),
            mime: "text/csv".into(),
            bytes: csv_file(notes)?,
        }),
        Reply::private(m.text(&msg::MarksExportBook {
            students: &m.text(&msg::PlayNStudents {
                n: &students.to_string(),
            }),
        }))
        .with_attachment(Attachment {
            name: format!("carnet-{class_file}.csv"),
            mime: "text/csv".into(),
            bytes: csv_file(book)?,
        }),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> MarkSettings {
        MarkSettings {
            close_share: Decimal::new(5, 1),
            decimals: 2,
        }
    }

    fn line(q: &str, d: &str, earned: Milli, max: Milli) -> Line {
        Line {
            question: q.into(),
            dossier: Some(d.into()),
            earned,
            max,
            written: false,
        }
    }

    #[test]
    fn a_part_earns_its_barème_by_verdict_minus_hints() {
        let s = settings();
        assert_eq!(part_mark(&s, 250, Some(Verdict::Correct), 0), 250);
        assert_eq!(part_mark(&s, 250, Some(Verdict::Close), 0), 125);
        assert_eq!(part_mark(&s, 250, Some(Verdict::Wrong), 0), 0);
        assert_eq!(part_mark(&s, 250, None, 25), 0);
        assert_eq!(part_mark(&s, 250, Some(Verdict::Correct), 75), 175);
        assert_eq!(part_mark(&s, 250, Some(Verdict::Close), 200), 0);
    }

    #[test]
    fn subtotals_and_marks_out_of_40_and_20() {
        let sheet = Sheet {
            lines: vec![
                line("1.1", "1", 250, 250),
                line("1.1", "1", 0, 250),
                line("1.2", "1", 125, 250),
                line("2.2", "2", 250, 250),
            ],
            ..Sheet::default()
        };
        assert_eq!(sheet.max(), 1000);
        assert_eq!(sheet.earned(), 625);
        assert_eq!(
            sheet.questions(),
            vec![
                Subtotal {
                    id: "1.1".into(),
                    earned: 250,
                    max: 500
                },
                Subtotal {
                    id: "1.2".into(),
                    earned: 125,
                    max: 250
                },
                Subtotal {
                    id: "2.2".into(),
                    earned: 250,
                    max: 250
                },
            ]
        );
        assert_eq!(
            sheet.dossiers()[0],
            Subtotal {
                id: "1".into(),
                earned: 375,
                max: 750
            }
        );
        assert_eq!(sheet.out_of(20, 2), Some(Decimal::new(125, 1)));
        assert_eq!(sheet.out_of(40, 2), Some(Decimal::new(25, 0)));
        // 2/3 of 20 = 13.333… → 13.33.
        let third = Sheet {
            lines: vec![line("1.1", "1", 500, 750)],
            ..Sheet::default()
        };
        assert_eq!(third.out_of(20, 2), Some(Decimal::new(1333, 2)));
        assert_eq!(Sheet::default().out_of(20, 2), None);
    }

    #[test]
    fn a_bonus_never_takes_the_total_past_the_maximum() {
        let sheet = Sheet {
            lines: vec![line("1.1", "1", 39_000, 40_000)],
            bonus: 2_000,
            pending: 0,
        };
        assert_eq!(sheet.earned(), 40_000);
        assert_eq!(sheet.out_of(20, 2), Some(Decimal::new(20, 0)));
    }

    #[test]
    fn work_names_read_back() {
        assert_eq!(WorkId::parse("quiz-12"), Some(WorkId::Quiz(12)));
        assert_eq!(WorkId::parse("Quiz 12"), Some(WorkId::Quiz(12)));
        assert_eq!(WorkId::parse("quiz n°12"), Some(WorkId::Quiz(12)));
        assert_eq!(WorkId::parse(" 12 "), Some(WorkId::Quiz(12)));
        assert_eq!(WorkId::parse("examen"), None);
        assert_eq!(WorkId::Quiz(3).key(), "quiz-3");
    }
}
