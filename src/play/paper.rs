//! A mock exam's copies as one printable HTML document: a page per copy, every answer in the
//! order of the subject, with the student's name, the calculations' verdicts and points, and
//! each written answer with its mark once given. Written with `maud`, which escapes every text
//! it is given: what a student typed can never become markup.

use super::marks::part_mark;
use super::scoring::from_milli;
use super::Inner;
use crate::format;
use crate::msg;
use crate::store::answers::Verdict;
use crate::store::exams::{AnswerRow, CopyRow, DraftRow, ExamRow, HandedIn, Locked};
use maud::{html, Markup, DOCTYPE};

/// What the document is made of.
pub(crate) struct Exam<'a> {
    pub case: &'a crate::pack::CasePack,
    pub class_name: &'a str,
    pub row: &'a ExamRow,
    pub copies: &'a [CopyRow],
    pub answers: &'a [AnswerRow],
    pub drafts: &'a [DraftRow],
    pub handed_in: &'a [HandedIn],
}

const STYLE: &str =
    "body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:11pt;margin:2em;color:#111}\
section.copy{break-after:page;page-break-after:always}\
h1{font-size:16pt;margin:0 0 .3em}h2{font-size:13pt;border-bottom:1px solid #999;margin-top:1.2em}\
h3{font-size:11.5pt;margin:.9em 0 .3em}table{border-collapse:collapse;width:100%;margin:.3em 0}\
td,th{border:1px solid #bbb;padding:.2em .4em;text-align:left;vertical-align:top}\
th{background:#eee}.written{white-space:pre-wrap;border:1px solid #bbb;padding:.5em;min-height:2em}\
.meta{color:#444}.consigne{font-style:italic;color:#333}@media print{body{margin:0}}";

/// The whole document.
pub(crate) fn document(inner: &Inner, exam: &Exam<'_>) -> String {
    let m = inner.messages();
    let title = m.text(&msg::PaperTitle {
        case: &exam.case.meta.title,
        id: &exam.row.id.0.to_string(),
    });
    let page = html! {
        (DOCTYPE)
        html lang="fr" {
            head {
                meta charset="utf-8";
                title { (title) }
                style { (maud::PreEscaped(STYLE)) }
            }
            body {
                @for copy in exam.copies {
                    (one_copy(inner, exam, copy))
                }
            }
        }
    };
    page.into_string()
}

fn verdict_word(inner: &Inner, answer: Option<&AnswerRow>) -> String {
    let m = inner.messages();
    match answer.map(|a| a.verdict) {
        None => m.text(&msg::PaperNoAnswer),
        Some(None) => m.text(&msg::PaperUnreadable),
        Some(Some(Verdict::Correct)) => m.text(&msg::PaperCorrect),
        Some(Some(Verdict::Close)) => m.text(&msg::PaperClose),
        Some(Some(Verdict::Wrong)) => m.text(&msg::PaperWrong),
    }
}

fn one_copy(inner: &Inner, exam: &Exam<'_>, copy: &CopyRow) -> Markup {
    let m = inner.messages();
    let case = &exam.case.case;
    let points = |milli: i64| format::number_trimmed(from_milli(milli), 3);
    let handed = match copy.locked_how {
        Some(Locked::HandedIn) => m.text(&msg::PaperHandedIn {
            date: &format::iso(copy.locked_at.unwrap_or_default()),
        }),
        Some(Locked::Time) => m.text(&msg::PaperAtTime),
        Some(Locked::Stopped) => m.text(&msg::PaperStopped),
        None => m.text(&msg::PaperOpen),
    };
    let answer_of = |part: &str| {
        exam.answers
            .iter()
            .find(|a| a.member_id == copy.member_id && a.part_id == part)
    };
    let draft_of = |q: &str| {
        exam.drafts
            .iter()
            .find(|d| d.member_id == copy.member_id && d.question_id == q)
    };
    let grade_of = |q: &str| {
        exam.handed_in
            .iter()
            .rev()
            .find(|w| w.member_id == copy.member_id && w.question_id == q)
            .and_then(|w| w.grade_points_milli)
    };
    html! {
        section.copy {
            h1 { (m.text(&msg::PaperHeading { student: &copy.display_name })) }
            p.meta {
                (m.text(&msg::PaperMeta {
                    case: &case.meta.title,
                    session: &case.meta.session.to_string(),
                    class: exam.class_name,
                    date: &format::date_fr(exam.row.started_at),
                    handed: &handed,
                }))
            }
            @for d in &case.dossiers {
                h2 { (m.text(&msg::PaperDossier { id: &d.id, title: &d.title, points: &crate::render::points(m, d.points) })) }
                @for q in case.questions.iter().filter(|q| q.dossier == d.id) {
                    h3 { (m.text(&msg::PaperQuestion { id: &q.id, points: &crate::render::points(m, q.points) })) }
                    p.consigne { (case.text(&format!("question.{}.consigne", q.id)).trim().replace('*', "")) }
                    @if !q.parts.is_empty() {
                        table {
                            tr {
                                th { (m.text(&msg::PaperPart)) }
                                th { (m.text(&msg::PaperAnswer)) }
                                th { (m.text(&msg::PaperVerdict)) }
                                th { (m.text(&msg::PaperPoints)) }
                            }
                            @for p in &q.parts {
                                @let given = answer_of(&p.id);
                                @let earned = part_mark(&inner.settings.marks, p.milli, given.and_then(|a| a.verdict), 0);
                                tr {
                                    td { (p.id) }
                                    td { (given.map_or("", |a| a.input.as_str())) }
                                    td { (verdict_word(inner, given)) }
                                    td { (points(earned)) " / " (points(p.milli)) }
                                }
                            }
                        }
                    }
                    @if let Some(grid) = case.grid(&q.id) {
                        @let max = crate::case::to_milli(grid.points).unwrap_or(0);
                        p {
                            strong { (m.text(&msg::PaperWritten)) }
                            " — "
                            @match (draft_of(&q.id), grade_of(&q.id)) {
                                (None, _) => { (m.text(&msg::PaperNotWritten)) }
                                (Some(_), Some(g)) => { (points(g)) " / " (points(max)) }
                                (Some(_), None) => { (m.text(&msg::PaperToMark { max: &points(max) })) }
                            }
                        }
                        @if let Some(draft) = draft_of(&q.id) {
                            div.written { (draft.text) }
                        }
                    }
                }
            }
            @if copy.bonus_milli > 0 {
                p { (m.text(&msg::PaperBonus { points: &points(copy.bonus_milli) })) }
            }
        }
    }
}
