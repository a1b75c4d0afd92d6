//! Marking written answers as correctors do: a teacher gives each criterion of a question's
//! grid none, part or all of its points, with a comment; two teachers may mark the same copy
//! independently. Each teacher's marking is kept apart (`store::markings`); the copy's current
//! mark (`written_answers.grade_points_milli`, what boards, exports and marks read) is:
//! - one marking: its points (`single`);
//! - two markings with the same points per criterion: those (`agreed`);
//! - a teacher records the mark both agree on (`accord:oui`): that marking (`settled`);
//! - otherwise: the mean of the two, criterion by criterion, said so (`mean`).
//!
//! A teacher who has not marked a copy does not see another teacher's points in the grading
//! view (only that someone marked it); once both have, the reply shows where they differ. The
//! student is told privately each time the copy's mark changes: points per criterion, the
//! comments, and, for each criterion not at full points, what a full-mark answer said.

use super::command::{Button, ButtonAction, ChoiceAction, Reply};
use super::scoring::{from_milli, sum_milli, Milli};
use super::written::{self, Written};
use super::{Ctx, Inner};
use crate::case::{Case, Grid};
use crate::format::{block_quote, date_fr as date, echo, typed_chars as chars};
use crate::msg;
use crate::render::{escape, points};
use crate::store::markings::{self as db, MarkHow, MarkingRow};
use crate::store::{self, MemberId, WrittenId};
use std::collections::{BTreeMap, BTreeSet};

/// Longest comment a teacher writes on a copy, in characters.
pub const MAX_COMMENT: usize = 1000;

/// Points per criterion id, in milli-points.
pub type Points = BTreeMap<String, Milli>;

/// Why a marking is refused (nothing is stored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkError {
    /// Not a criterion of the grid.
    Unknown(String),
    /// Not a number of points one can read.
    Unreadable(String),
    /// More than the criterion's share, or less than nothing.
    OutOfRange { criterion: String, max: Milli },
}

/// Reads a marking: each entry is a criterion (its number or id) meaning all of its points, or
/// `criterion=points` with points « tout », « moitie », « rien » or a number (« 0,5 »);
/// « aucun » alone gives nothing. A criterion not named gets nothing.
pub fn read_points(grid: &Grid, given: &[String]) -> Result<Points, MarkError> {
    let mut out = Points::new();
    for g in given.iter().map(|g| g.trim()).filter(|g| !g.is_empty()) {
        if g.eq_ignore_ascii_case("aucun") {
            continue;
        }
        let (name, value) = match g.split_once('=') {
            Some((n, v)) => (n.trim(), Some(v.trim())),
            None => (g, None),
        };
        let found = match name.parse::<usize>() {
            Ok(n) => grid.criteria.get(n.wrapping_sub(1)),
            Err(_) => grid
                .criteria
                .iter()
                .find(|c| c.id.eq_ignore_ascii_case(name)),
        };
        let Some(c) = found else {
            return Err(MarkError::Unknown(name.to_string()));
        };
        let milli = match value.map(str::to_lowercase).as_deref() {
            None | Some("tout" | "tous" | "all") => c.milli,
            Some("rien" | "0") => 0,
            Some("moitie" | "moitié" | "demi") => (c.milli + 1) / 2,
            Some(v) => {
                let read = crate::check::parse::parse_answer(v)
                    .ok()
                    .filter(|p| p.words.is_none())
                    .map(|p| p.value)
                    .and_then(crate::case::to_milli);
                match read {
                    Some(n) if (0..=c.milli).contains(&n) => n,
                    Some(_) => {
                        return Err(MarkError::OutOfRange {
                            criterion: c.id.clone(),
                            max: c.milli,
                        })
                    }
                    None => return Err(MarkError::Unreadable(v.to_string())),
                }
            }
        };
        out.insert(c.id.clone(), milli);
    }
    Ok(out)
}

fn total(points: &Points) -> Milli {
    sum_milli(points.values().copied())
}

fn parse_points(json: &str) -> Points {
    serde_json::from_str(json).unwrap_or_default()
}

/// The copy's current mark from its markings: its points per criterion and how it was reached.
/// `settled_by`: the teacher who recorded the agreed mark, if one did.
pub fn current(markings: &[(MemberId, Points)], settled_by: Option<MemberId>) -> (Points, MarkHow) {
    if let Some(p) = settled_by.and_then(|s| markings.iter().find(|(m, _)| *m == s)) {
        return (p.1.clone(), MarkHow::Settled);
    }
    match markings {
        [] => (Points::new(), MarkHow::Single),
        [(_, one)] => (one.clone(), MarkHow::Single),
        all => {
            let first = &all[0].1;
            let same = all.iter().all(|(_, p)| {
                let ids: BTreeSet<&String> = p.keys().chain(first.keys()).collect();
                ids.iter()
                    .all(|id| p.get(*id).unwrap_or(&0) == first.get(*id).unwrap_or(&0))
            });
            if same {
                return (first.clone(), MarkHow::Agreed);
            }
            // The mean, criterion by criterion, to the milli-point (half up).
            let ids: BTreeSet<&String> = all.iter().flat_map(|(_, p)| p.keys()).collect();
            let n = i64::try_from(all.len()).unwrap_or(1);
            let mean = ids
                .into_iter()
                .map(|id| {
                    let sum = sum_milli(all.iter().map(|(_, p)| *p.get(id).unwrap_or(&0)));
                    (id.clone(), (2 * sum + n) / (2 * n))
                })
                .collect();
            (mean, MarkHow::Mean)
        }
    }
}

/// The criteria given all of their points (what the select menu of the grading view ticks).
fn full_criteria(grid: &Grid, points: &Points) -> BTreeSet<String> {
    grid.criteria
        .iter()
        .filter(|c| points.get(&c.id).copied().unwrap_or(0) >= c.milli)
        .map(|c| c.id.clone())
        .collect()
}

/// What the grading view adds about other teachers' markings: only that someone marked it to a
/// teacher who has not yet (then `blind` is true: the copy's mark is not shown either), both
/// markings once they have.
pub struct ViewNote {
    pub blind: bool,
    pub text: String,
}

pub async fn view_note(inner: &Inner, answer: i64, asker: MemberId) -> anyhow::Result<ViewNote> {
    let m = inner.messages();
    let rows = db::of_written(&inner.store.write, WrittenId(answer)).await?;
    let others = rows.iter().filter(|r| r.marker_id != asker).count();
    let mine = rows.iter().any(|r| r.marker_id == asker);
    let blind = others > 0 && !mine;
    let text = match (others, mine) {
        (0, _) => String::new(),
        (n, false) => m.text(&msg::MarkingOthersBlind { n: &n.to_string() }),
        (_, true) => m.text(&msg::MarkingBothShown {
            markings: &rows
                .iter()
                .map(|r| {
                    m.text(&msg::MarkingWho {
                        name: &echo(&r.marker_name),
                        points: &points(m, from_milli(r.total_milli)),
                    })
                })
                .collect::<Vec<_>>()
                .join(" · "),
        }),
    };
    Ok(ViewNote { blind, text })
}

/// The criteria where two markings differ: « 2 – Témoignage : vous 0,5 · Mme X 1 ».
fn differences(
    inner: &Inner,
    case: &Case,
    grid: &Grid,
    mine: MemberId,
    rows: &[MarkingRow],
) -> Vec<String> {
    let m = inner.messages();
    let parsed: Vec<(&MarkingRow, Points)> =
        rows.iter().map(|r| (r, parse_points(&r.points))).collect();
    grid.criteria
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            let values: BTreeSet<Milli> = parsed
                .iter()
                .map(|(_, p)| p.get(&c.id).copied().unwrap_or(0))
                .collect();
            values.len() > 1
        })
        .map(|(i, c)| {
            let who = parsed
                .iter()
                .map(|(r, p)| {
                    let name = if r.marker_id == mine {
                        m.text(&msg::MarkingYou)
                    } else {
                        echo(&r.marker_name)
                    };
                    format!(
                        "{name} {}",
                        crate::format::number_trimmed(
                            from_milli(p.get(&c.id).copied().unwrap_or(0)),
                            3
                        )
                    )
                })
                .collect::<Vec<_>>()
                .join(" · ");
            m.text(&msg::MarkingDifference {
                number: &(i + 1).to_string(),
                label: &case.text(&Grid::label_id(&grid.question, &c.id)),
                who: &who,
            })
        })
        .collect()
}

/// The student's marked copy: each criterion's points, what a full-mark answer said where
/// points were lost, the comments, and how the mark was reached.
fn marked_copy(
    inner: &Inner,
    case: &Case,
    grid: &Grid,
    mark: &Points,
    how: MarkHow,
    comments: &[String],
    hidden: &BTreeSet<usize>,
) -> String {
    let m = inner.messages();
    let sealed = m.text(&msg::PlaySealedFigure);
    let explanation = |c: &crate::case::GridCriterion| {
        case.text_hiding(
            &Grid::explanation_id(&grid.question, &c.id),
            &|k| hidden.contains(&k),
            &sealed,
        )
    };
    let mut lines: Vec<String> = grid
        .criteria
        .iter()
        .map(|c| {
            let label = case.text(&Grid::label_id(&grid.question, &c.id));
            let got = mark.get(&c.id).copied().unwrap_or(0);
            if got >= c.milli {
                m.text(&msg::WorkshopMet {
                    label: &label,
                    points: &points(m, c.share),
                })
            } else if got == 0 {
                m.text(&msg::WorkshopMissed {
                    label: &label,
                    points: &points(m, c.share),
                    explanation: &explanation(c),
                })
            } else {
                m.text(&msg::MarkingPartial {
                    label: &label,
                    got: &crate::format::number_trimmed(from_milli(got), 3),
                    points: &points(m, c.share),
                    explanation: &explanation(c),
                })
            }
        })
        .collect();
    for c in comments {
        lines.push(m.text(&msg::MarkingComment {
            comment: &crate::format::escape(c.trim()),
        }));
    }
    match how {
        MarkHow::Single => {}
        MarkHow::Agreed | MarkHow::Settled => lines.push(m.text(&msg::MarkingHowAgreed)),
        MarkHow::Mean => lines.push(m.text(&msg::MarkingHowMean)),
    }
    lines.join("\n")
}

/// Records `who`'s marking of copy `answer` and settles the copy's mark (see the module).
pub async fn record(
    cx: &Ctx<'_>,
    answer: i64,
    written: Written,
    grid: &Grid,
    given: Points,
    comment: Option<&str>,
    agree: bool,
) -> anyhow::Result<Vec<Reply>> {
    let Ctx {
        inner, who, case, ..
    } = *cx;
    let m = inner.messages();
    let comment = comment.map(str::trim).filter(|c| !c.is_empty());
    if comment.is_some_and(|c| c.chars().count() > MAX_COMMENT) {
        return Ok(vec![Reply::private(m.text(&msg::MarkingCommentTooLong {
            max: &MAX_COMMENT.to_string(),
        }))]);
    }
    let db_w = &inner.store.write;
    let id = WrittenId(answer);
    let before = written.grade_points;
    let before_how = db::how(db_w, id).await?;
    db::upsert(
        db_w,
        id,
        who.member(),
        &serde_json::to_string(&given)?,
        comment,
        total(&given),
        inner.now(),
    )
    .await?;
    let rows = db::of_written(db_w, id).await?;
    let markings: Vec<(MemberId, Points)> = rows
        .iter()
        .map(|r| (r.marker_id, parse_points(&r.points)))
        .collect();
    // A settled mark stays the settling teacher's until someone marks again without agreeing.
    let settled_by = if agree { Some(who.member()) } else { None };
    let (mark, how) = current(&markings, settled_by);
    let got = total(&mark);
    let ticked = serde_json::to_string(&full_criteria(grid, &mark))?;
    store::written::set_grade(
        db_w,
        id,
        who.class_id(),
        &ticked,
        got,
        who.member(),
        inner.now(),
    )
    .await?;
    db::set_how(db_w, id, how).await?;
    let score = |p: Milli| written::score(inner, p, grid);
    // The student hears of a new mark, not of a marking that changes nothing.
    let notify = before != Some(got) || before_how != Some(how) || comment.is_some();
    let mut text = match (rows.len(), before) {
        (1, Some(_)) if !notify => m.text(&msg::WorkshopGradeUnchanged {
            number: &answer.to_string(),
            name: &echo(&written.name),
            question: &grid.question,
            score: &score(got),
        }),
        (1, Some(b)) => m.text(&msg::WorkshopGradeUpdated {
            number: &answer.to_string(),
            name: &echo(&written.name),
            question: &grid.question,
            score: &score(got),
            before: &score(b),
        }),
        (1, None) => m.text(&msg::WorkshopGradeSaved {
            number: &answer.to_string(),
            name: &echo(&written.name),
            question: &grid.question,
            score: &score(got),
        }),
        _ => {
            let diff = differences(inner, case, grid, who.member(), &rows);
            let head = match how {
                MarkHow::Agreed => m.text(&msg::MarkingAgreed {
                    number: &answer.to_string(),
                    score: &score(got),
                }),
                MarkHow::Settled => m.text(&msg::MarkingSettled {
                    number: &answer.to_string(),
                    score: &score(got),
                }),
                _ => m.text(&msg::MarkingMean {
                    number: &answer.to_string(),
                    score: &score(got),
                }),
            };
            if diff.is_empty() {
                head
            } else {
                format!("{head}\n{}", diff.join("\n"))
            }
        }
    };
    if let Some(c) = comment {
        text.push('\n');
        text.push_str(&m.text(&msg::MarkingCommentSaved {
            comment: &crate::format::escape(c),
        }));
    }
    let mut reply = Reply::private(text);
    if let Some(next) = written::next_to_grade(inner, who.class.id, Some(answer)).await? {
        reply = reply.with_buttons(vec![Button {
            label: m.text(&msg::WorkshopNextButton {
                number: &next.to_string(),
            }),
            action: ButtonAction::GradeShow(next),
        }]);
    }
    let mut replies = vec![reply];
    if notify {
        let comments: Vec<String> = rows.iter().filter_map(|r| r.comment.clone()).collect();
        let hidden = super::sight::sealed_by_quiz(inner, who.class.id, case).await;
        let notice = format!(
            "{}\n{}",
            m.text(&msg::WorkshopGradeNotice {
                question: &grid.question,
                score: &score(got)
            }),
            marked_copy(inner, case, grid, &mark, how, &comments, &hidden)
        );
        replies.push(Reply::to_user(written.user, notice));
    }
    Ok(replies)
}

/// The class's written answer `answer` and its question's grid; else the refusal (unknown in
/// this class, or a question without a grid).
async fn copy_and_grid<'c>(
    cx: &Ctx<'c>,
    answer: i64,
) -> anyhow::Result<Result<(Written, &'c Grid), Vec<Reply>>> {
    let Ctx {
        inner, who, case, ..
    } = *cx;
    let Some(copy) = written::load_written(inner, who.class.id, answer).await? else {
        let m = inner.messages();
        return Ok(Err(vec![Reply::private(m.text(
            &msg::WorkshopAnswerUnknown {
                number: &answer.to_string(),
            },
        ))]));
    };
    Ok(written::grid_of(inner, case, &copy.question).map(|grid| (copy, grid)))
}

/// `/noter` or `/corriger` with points per criterion, a comment or an agreement.
pub async fn mark(
    cx: &Ctx<'_>,
    answer: i64,
    given: &[String],
    comment: Option<&str>,
    agree: bool,
) -> anyhow::Result<Vec<Reply>> {
    let Ctx { inner, who, .. } = *cx;
    let m = inner.messages();
    let (w, grid) = match copy_and_grid(cx, answer).await? {
        Ok(found) => found,
        Err(refused) => return Ok(refused),
    };
    let rows = db::of_written(&inner.store.write, WrittenId(answer)).await?;
    let own = rows
        .iter()
        .find(|r| r.marker_id == who.member())
        .map(|r| parse_points(&r.points));
    let from_scratch = given.iter().any(|g| g.trim().eq_ignore_ascii_case("aucun"));
    let points = match (given.is_empty(), own) {
        // Agreeing, or commenting, without points keeps the teacher's own marking.
        (true, Some(own)) => own,
        (true, None) if agree => {
            return Ok(vec![Reply::private(m.text(&msg::MarkingAgreeFirst {
                number: &answer.to_string(),
            }))])
        }
        // A comment alone on a copy not yet marked: points first (nothing recorded).
        (true, None) => {
            return Ok(vec![Reply::private(m.text(&msg::MarkingPointsFirst {
                number: &answer.to_string(),
            }))])
        }
        (_, own) => match read_points(grid, given) {
            // A new marking changes the criteria it names; the others keep the teacher's own
            // points (« aucun » starts from nothing).
            Ok(p) => match own {
                Some(mut own) if !from_scratch => {
                    own.extend(p);
                    own
                }
                _ => p,
            },
            Err(e) => return Ok(vec![Reply::private(refusal(inner, grid, &e))]),
        },
    };
    record(cx, answer, w, grid, points, comment, agree).await
}

fn refusal(inner: &Inner, grid: &Grid, e: &MarkError) -> String {
    let m = inner.messages();
    match e {
        MarkError::Unknown(given) => m.text(&msg::MarkingUnknown {
            given: &echo(given),
            max: &grid.criteria.len().to_string(),
        }),
        MarkError::Unreadable(given) => m.text(&msg::MarkingUnreadable {
            given: &echo(given),
        }),
        MarkError::OutOfRange { criterion, max } => {
            let number = grid
                .criteria
                .iter()
                .position(|c| &c.id == criterion)
                .map_or(0, |i| i + 1);
            m.text(&msg::MarkingOutOfRange {
                number: &number.to_string(),
                max: &points(m, from_milli(*max)),
            })
        }
    }
}

/// `/corriger reponse:N`: shows the answer and its grid to tick; with criteria, records the
/// grade (it counts in the class's scores from now) and tells the student.
pub async fn grade(
    cx: &Ctx<'_>,
    answer: i64,
    criteria: Option<&[String]>,
) -> anyhow::Result<Vec<Reply>> {
    let Ctx {
        inner, who, case, ..
    } = *cx;
    let m = inner.messages();
    let (copy, grid) = match copy_and_grid(cx, answer).await? {
        Ok(found) => found,
        Err(refused) => return Ok(refused),
    };
    let Some(criteria) = criteria else {
        let self_ticked = written::parse_ticked(copy.self_criteria.as_deref());
        let self_list: Vec<String> = grid
            .criteria
            .iter()
            .enumerate()
            .filter(|(_, c)| self_ticked.contains(&c.id))
            .map(|(i, _)| (i + 1).to_string())
            .collect();
        let self_text = match copy.self_points {
            Some(p) => m.text(&msg::WorkshopSelfSummary {
                score: &written::score(inner, p, grid),
                ticked: &if self_list.is_empty() {
                    m.text(&msg::WorkshopSelfNothing)
                } else {
                    self_list.join(", ")
                },
            }),
            None => m.text(&msg::WorkshopSelfNone),
        };
        let ticked = written::parse_ticked(copy.grade_criteria.as_deref());
        let others = view_note(inner, answer, who.member()).await?;
        let grade_text = match copy.grade_points {
            // Another teacher's mark is not shown to one who has not marked yet.
            Some(_) if others.blind => others.text,
            Some(p) if others.text.is_empty() => m.text(&msg::WorkshopAlreadyGraded {
                score: &written::score(inner, p, grid),
            }),
            Some(p) => format!(
                "{}\n{}",
                m.text(&msg::WorkshopAlreadyGraded {
                    score: &written::score(inner, p, grid),
                }),
                others.text
            ),
            None => String::new(),
        };
        let text = format!(
            "{}\n{}\n{}\n{}",
            m.text(&msg::WorkshopGradeShow {
                number: &answer.to_string(),
                question: &grid.question,
                name: &escape(&copy.name),
                date: &date(copy.written_at),
                characters: &chars(&copy.text).to_string(),
                text: &block_quote(&copy.text),
                self_assessment: &self_text,
                graded: &grade_text
            })
            .trim_end(),
            super::grids::criteria_lines(inner, case, grid),
            super::spelling::block(
                inner,
                case,
                &copy.text,
                super::spelling::language_criterion(case, &grid.question).as_deref(),
                true,
            ),
            m.text(&msg::WorkshopGradeHow {
                number: &answer.to_string()
            }),
        );
        return Ok(vec![Reply::private(text).with_choice(written::choice(
            inner,
            case,
            grid,
            ChoiceAction::Grade(answer),
            &ticked,
        ))]);
    };
    let ticked = match written::ticked_criteria(inner, grid, criteria) {
        Ok(t) => t,
        Err(refused) => return Ok(refused),
    };
    // Ticked: all of the criterion's points; the others: none.
    let points = grid
        .criteria
        .iter()
        .filter(|c| ticked.contains(&c.id))
        .map(|c| (c.id.clone(), c.milli))
        .collect();
    record(cx, answer, copy, grid, points, None, false).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid() -> Grid {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let pack = crate::pack::load(&root.join("config/cases/arbre-cadeau")).expect("bundled");
        pack.grid("2.3").expect("grid 2.3").clone()
    }

    fn given(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn points_per_criterion_from_none_to_all() {
        let g = grid(); // hook 0,75 · testimonial 1 · offer 1 · cta 0,75 · codes 0,75 · tone 0,75
        let p =
            read_points(&g, &given(&["1=0,5", "2=tout", "3=moitie", "4", "5=rien"])).expect("read");
        assert_eq!(p.get("hook"), Some(&500));
        assert_eq!(p.get("testimonial"), Some(&1000));
        assert_eq!(p.get("offer"), Some(&500));
        assert_eq!(p.get("cta"), Some(&750));
        assert_eq!(p.get("linkedin_codes"), Some(&0));
        assert_eq!(total(&p), 2750);
        assert_eq!(read_points(&g, &given(&["aucun"])), Ok(Points::new()));
        assert_eq!(
            read_points(&g, &given(&["1=0,8"])),
            Err(MarkError::OutOfRange {
                criterion: "hook".into(),
                max: 750
            })
        );
        assert!(matches!(
            read_points(&g, &given(&["1=-0,25"])),
            Err(MarkError::OutOfRange { .. })
        ));
        assert_eq!(
            read_points(&g, &given(&["9"])),
            Err(MarkError::Unknown("9".into()))
        );
        assert_eq!(
            read_points(&g, &given(&["1=beaucoup"])),
            Err(MarkError::Unreadable("beaucoup".into()))
        );
    }

    #[test]
    fn two_markings_agree_settle_or_average() {
        let a = MemberId(1);
        let b = MemberId(2);
        let pa: Points = [("hook".to_string(), 750), ("offer".to_string(), 500)].into();
        let pb: Points = [("hook".to_string(), 250), ("offer".to_string(), 500)].into();
        assert_eq!(
            current(&[(a, pa.clone())], None),
            (pa.clone(), MarkHow::Single)
        );
        assert_eq!(
            current(&[(a, pa.clone()), (b, pa.clone())], None).1,
            MarkHow::Agreed
        );
        let (mean, how) = current(&[(a, pa.clone()), (b, pb.clone())], None);
        assert_eq!(how, MarkHow::Mean);
        assert_eq!(mean.get("hook"), Some(&500));
        assert_eq!(total(&mean), 1000);
        assert_eq!(
            current(&[(a, pa), (b, pb.clone())], Some(b)),
            (pb, MarkHow::Settled)
        );
    }
}
