//! The LinkedIn workshop and the written answers, for the class: drafts shared with consent,
//! class votes on posts (models and shared drafts) with their tally, written answers to the
//! questions that have a grading grid, the student's self-assessment and the teacher's grade
//! (which counts in the class's scores).
//!
//! Every lookup is scoped to the asker's class: a number from another class is unknown here.

use super::command::{
    Attachment, Button, ButtonAction, Choice, ChoiceAction, ChoiceOption, Reply, VoteSubject,
};
use super::scoring::{self, Milli};
use super::{Ctx, Inner};
use crate::case::{Case, Grid};
use crate::format::date_fr as date;
use crate::linkedin::Workshop;
use crate::msg;
use crate::pack::CasePack;
use crate::render::{echo, escape, points};
use crate::store::votes::DiscussionStatus;
use crate::store::{self, DraftId, VotePostId, WrittenId};
use std::collections::BTreeSet;

/// The three answers of a vote, in button order.
pub const CHOICES: [msg::Plain; 3] = [
    msg::WorkshopChoiceConvincing.plain(),
    msg::WorkshopChoiceMixed.plain(),
    msg::WorkshopChoiceRework.plain(),
];

/// Discord's longest thread name.
const THREAD_NAME_MAX: usize = 100;

/// Characters of a draft shown in the teachers' list.
const DRAFT_PREVIEW: usize = 80;

fn private(text: String) -> anyhow::Result<Vec<Reply>> {
    Ok(vec![Reply::private(text)])
}

/// Text typed by a user, shown as typed in a block quote.
fn block_quote(text: &str) -> String {
    text.trim()
        .lines()
        .map(|l| format!("> {}", escape(l)))
        .collect::<Vec<_>>()
        .join("\n")
}

fn chars(text: &str) -> usize {
    text.trim().chars().count()
}

// ---------------------------------------------------------------------------------------------
// Drafts
// ---------------------------------------------------------------------------------------------

/// `/brouillon`: the feedback of the draft analysis; with `share`, the draft is also kept so a
/// teacher can show it to the class without the author's name.
pub async fn draft_check(cx: &Ctx<'_>, text: &str, share: bool) -> anyhow::Result<Vec<Reply>> {
    let Ctx {
        inner, who, case, ..
    } = *cx;
    let m = inner.messages();
    let Some(workshop) = &case.workshop else {
        return private(m.text(&msg::PlayNoWorkshop));
    };
    let analysis = crate::linkedin::analyse(text, &workshop.params);
    let feedback = crate::linkedin::render::feedback(m, &workshop.params, &analysis);
    if !share {
        return private(feedback);
    }
    let limits = &inner.settings.workshop;
    let n = chars(text);
    let (note, button) = if n == 0 {
        (m.text(&msg::WorkshopDraftShareEmpty), None)
    } else if n > limits.max_text_characters {
        (
            m.text(&msg::WorkshopTextTooLong {
                count: &n.to_string(),
                max: &limits.max_text_characters.to_string(),
            }),
            None,
        )
    } else {
        let text = text.trim();
        let existing =
            store::drafts::find_same(&inner.store.write, who.class_id(), who.member(), text)
                .await?;
        match existing {
            Some(DraftId(id)) => (
                m.text(&msg::WorkshopDraftAlready {
                    number: &id.to_string(),
                }),
                Some(id),
            ),
            None => {
                // One statement, so two drafts shared at once cannot pass the limit together.
                let shared = store::drafts::share(
                    &inner.store.write,
                    who.class_id(),
                    who.member(),
                    text,
                    inner.now(),
                    i64::try_from(limits.max_shared_drafts).unwrap_or(i64::MAX),
                )
                .await?;
                match shared {
                    None => (
                        m.text(&msg::WorkshopDraftShareLimit {
                            max: &limits.max_shared_drafts.to_string(),
                        }),
                        None,
                    ),
                    Some(DraftId(id)) => (
                        m.text(&msg::WorkshopDraftShared {
                            number: &id.to_string(),
                        }),
                        Some(id),
                    ),
                }
            }
        }
    };
    let reply = Reply::private(format!("{feedback}\n\n{note}"));
    Ok(vec![match button {
        Some(id) => reply.with_buttons(vec![Button {
            label: m.text(&msg::WorkshopWithdrawButton),
            action: ButtonAction::DraftWithdraw(id),
        }]),
        None => reply,
    }])
}

/// `/retirer-brouillon`: the author takes a shared draft back (and its votes with it).
pub async fn draft_withdraw(cx: &Ctx<'_>, draft: i64) -> anyhow::Result<Vec<Reply>> {
    let Ctx { inner, who, .. } = *cx;
    let m = inner.messages();
    let done = store::drafts::withdraw(&inner.store.write, DraftId(draft), who.member()).await?;
    let number = &draft.to_string();
    private(if done {
        m.text(&msg::WorkshopDraftWithdrawn { number })
    } else {
        m.text(&msg::WorkshopDraftUnknown { number })
    })
}

/// `/vote brouillons`: the drafts students agreed to share, for a teacher to pick from (no
/// names: the teacher shows them anonymously).
pub async fn drafts(cx: &Ctx<'_>) -> anyhow::Result<Vec<Reply>> {
    let Ctx { inner, who, .. } = *cx;
    let m = inner.messages();
    let rows = store::drafts::of_class(&inner.store.write, who.class_id()).await?;
    if rows.is_empty() {
        return private(m.text(&msg::WorkshopDraftsEmpty));
    }
    let mut text = m.text(&msg::WorkshopDraftsHeader {
        count: &rows.len().to_string(),
    });
    for store::drafts::DraftRow {
        id,
        text: draft,
        created_at: at,
    } in &rows
    {
        let first = draft.trim().lines().next().unwrap_or("");
        let mut start: String = first.chars().take(DRAFT_PREVIEW).collect();
        if first.chars().count() > DRAFT_PREVIEW {
            start.push('…');
        }
        text.push('\n');
        text.push_str(&m.text(&msg::WorkshopDraftsLine {
            number: &id.to_string(),
            characters: &chars(draft).to_string(),
            date: &date(*at),
            start: &escape(&start),
        }));
    }
    private(text)
}

// ---------------------------------------------------------------------------------------------
// Votes
// ---------------------------------------------------------------------------------------------

/// What a post of a vote is.
enum Subject {
    Model {
        number: usize,
        id: String,
    },
    Draft {
        id: i64,
        text: String,
        /// The author's platform user, told privately when the draft is put to the vote.
        author: String,
    },
}

fn subject_title(inner: &Inner, case: &Case, subject: &Subject) -> String {
    let m = inner.messages();
    match subject {
        Subject::Model { number, id } => m.text(&msg::WorkshopModelTitle {
            number: &number.to_string(),
            title: &case.text(&Workshop::title_id(id)),
        }),
        Subject::Draft { id, .. } => m.text(&msg::WorkshopDraftTitle {
            number: &id.to_string(),
        }),
    }
}

/// The title of a stored post (its model's, or its draft's number).
fn post_title(inner: &Inner, case: &CasePack, model: Option<&str>, draft: Option<i64>) -> String {
    let workshop = case.workshop.as_ref();
    match (model, draft) {
        (Some(id), _) => {
            let number = workshop
                .and_then(|w| w.models.iter().position(|x| x == id))
                .map_or(0, |i| i + 1);
            subject_title(
                inner,
                case,
                &Subject::Model {
                    number,
                    id: id.to_string(),
                },
            )
        }
        (None, Some(id)) => subject_title(
            inner,
            case,
            &Subject::Draft {
                id,
                text: String::new(),
                author: String::new(),
            },
        ),
        (None, None) => String::new(),
    }
}

/// `/vote modeles|brouillon`: puts posts to the class's vote (opening one if none is open),
/// each as a channel message with vote buttons and a discussion thread.
pub async fn post(cx: &Ctx<'_>, subject: &VoteSubject) -> anyhow::Result<Vec<Reply>> {
    let Ctx {
        inner, who, case, ..
    } = *cx;
    let request = cx.request;
    let m = inner.messages();
    let Some(workshop) = &case.workshop else {
        return private(m.text(&msg::PlayNoWorkshop));
    };
    let subjects: Vec<Subject> = match subject {
        VoteSubject::Models(None) => workshop
            .models
            .iter()
            .enumerate()
            .map(|(i, id)| Subject::Model {
                number: i + 1,
                id: id.clone(),
            })
            .collect(),
        VoteSubject::Models(Some(n)) => {
            match workshop.models.get(usize::from(*n).wrapping_sub(1)) {
                Some(id) => vec![Subject::Model {
                    number: usize::from(*n),
                    id: id.clone(),
                }],
                None => {
                    return private(m.text(&msg::WorkshopNoModel {
                        number: &n.to_string(),
                        max: &workshop.models.len().to_string(),
                    }))
                }
            }
        }
        VoteSubject::Draft(id) => {
            let row = store::drafts::with_author(&inner.store.write, DraftId(*id), who.class_id())
                .await?;
            match row {
                Some(row) => vec![Subject::Draft {
                    id: *id,
                    text: row.text,
                    author: row.platform_user,
                }],
                None => {
                    return private(m.text(&msg::WorkshopVoteDraftUnknown {
                        number: &id.to_string(),
                    }))
                }
            }
        }
    };
    let now = inner.now();
    let mut tx = inner.store.begin().await?;
    let open = store::votes::open_of_class(&mut *tx, who.class_id()).await?;
    let discussion = match open {
        Some(id) => id,
        None => {
            store::votes::open(
                &mut *tx,
                who.class_id(),
                &request.place.channel,
                who.member(),
                now,
            )
            .await?
        }
    };
    let mut replies = Vec::new();
    let mut skipped = Vec::new();
    let mut notices = Vec::new();
    for subject in &subjects {
        let (model, draft) = match subject {
            Subject::Model { id, .. } => (Some(id.as_str()), None),
            Subject::Draft { id, .. } => (None, Some(DraftId(*id))),
        };
        let inserted = store::votes::add_post(&mut *tx, discussion, model, draft, now).await?;
        let title = subject_title(inner, case, subject);
        let Some(VotePostId(post_id)) = inserted else {
            skipped.push(title);
            continue;
        };
        let body = match subject {
            Subject::Model { id, .. } => case.text(&Workshop::post_id(id)),
            Subject::Draft { text, .. } => block_quote(text),
        };
        let header = match subject {
            Subject::Model { .. } => m.text(&msg::WorkshopVoteHeaderModel { title: &title }),
            Subject::Draft { .. } => m.text(&msg::WorkshopVoteHeaderDraft { title: &title }),
        };
        let text = format!("{header}\n\n{body}\n\n{}", m.text(&msg::WorkshopVoteFooter));
        let buttons = CHOICES
            .iter()
            .enumerate()
            .map(|(choice, id)| Button {
                label: m.text(id),
                action: ButtonAction::Vote {
                    post: post_id,
                    choice: choice as u8,
                },
            })
            .collect();
        let thread: String = m
            .text(&msg::WorkshopThread { title: &title })
            .chars()
            .take(THREAD_NAME_MAX)
            .collect();
        replies.push(
            Reply::channel(text)
                .with_buttons(buttons)
                .with_thread(thread),
        );
        if let Subject::Draft { id, author, .. } = subject {
            notices.push(Reply::to_user(
                author.clone(),
                m.text(&msg::WorkshopDraftPosted {
                    number: &id.to_string(),
                }),
            ));
        }
    }
    tx.commit().await?;
    let posted = replies.len();
    if posted > 0 {
        replies.push(Reply::private(m.text(&msg::WorkshopPosted {
            posts: &m.text(&msg::WorkshopPosts {
                n: &posted.to_string(),
            }),
        })));
    }
    if !skipped.is_empty() {
        replies.push(Reply::private(m.text(&msg::WorkshopAlreadyPosted {
            titles: &skipped.join(", "),
        })));
    }
    replies.extend(notices);
    Ok(replies)
}

/// A vote button: one vote per student and post, changed by voting again, while the vote is
/// open.
pub async fn vote(cx: &Ctx<'_>, post: i64, choice: u8) -> anyhow::Result<Vec<Reply>> {
    let Ctx {
        inner, who, case, ..
    } = *cx;
    let m = inner.messages();
    let Some(choice_id) = CHOICES.get(usize::from(choice)) else {
        return private(m.text(&msg::WorkshopVoteBadChoice));
    };
    let post = VotePostId(post);
    let row = store::votes::post_in_class(&inner.store.write, post, who.class_id()).await?;
    let Some(store::votes::PostState {
        status,
        model,
        draft_id: draft,
        author,
    }) = row
    else {
        return private(m.text(&msg::WorkshopVoteUnknown));
    };
    if status != DiscussionStatus::Open {
        return private(m.text(&msg::WorkshopVoteClosed));
    }
    if who.teacher {
        return private(m.text(&msg::WorkshopVoteTeacher));
    }
    if author == Some(who.member()) {
        return private(m.text(&msg::WorkshopVoteOwnDraft));
    }
    let title = post_title(inner, case, model.as_deref(), draft.map(|d| d.0));
    let mut tx = inner.store.begin().await?;
    let before = store::votes::choice_of(&mut *tx, post, who.member()).await?;
    store::votes::cast(&mut *tx, post, who.member(), i64::from(choice), inner.now()).await?;
    tx.commit().await?;
    let label = m.text(choice_id);
    let text = match before {
        Some(b) if b == i64::from(choice) => m.text(&msg::WorkshopVoteSame {
            choice: &label,
            title: &title,
        }),
        Some(b) => {
            let before = CHOICES
                .get(usize::try_from(b).unwrap_or(usize::MAX))
                .map(|id| m.text(id))
                .unwrap_or_default();
            m.text(&msg::WorkshopVoteChanged {
                choice: &label,
                title: &title,
                before: &before,
            })
        }
        None => m.text(&msg::WorkshopVoteRecorded {
            choice: &label,
            title: &title,
        }),
    };
    private(text)
}

/// One post's tally.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    pub title: String,
    pub model: Option<String>,
    /// Votes for each choice, in [`CHOICES`] order.
    pub counts: [i64; 3],
}

impl Tally {
    pub fn votes(&self) -> i64 {
        self.counts.iter().sum()
    }
}

/// The posts most voted "convincing" (several when tied), none when nobody voted so.
pub fn favourites(tallies: &[Tally]) -> Vec<&Tally> {
    let best = tallies.iter().map(|t| t.counts[0]).max().unwrap_or(0);
    if best == 0 {
        return Vec::new();
    }
    tallies.iter().filter(|t| t.counts[0] == best).collect()
}

/// `/vote clore`: closes the class's vote and posts the tally, with the teacher's notes of the
/// model posts to start the discussion.
pub async fn close(cx: &Ctx<'_>) -> anyhow::Result<Vec<Reply>> {
    let Ctx {
        inner, who, case, ..
    } = *cx;
    let m = inner.messages();
    let mut tx = inner.store.begin().await?;
    let open = store::votes::open_of_class(&mut *tx, who.class_id()).await?;
    let Some(discussion) = open else {
        return private(m.text(&msg::WorkshopVoteNoneOpen));
    };
    store::votes::close(&mut *tx, discussion, inner.now()).await?;
    let posts = store::votes::tallies(&mut *tx, discussion).await?;
    let voters = store::votes::voters(&mut *tx, discussion).await?;
    tx.commit().await?;
    let tallies: Vec<Tally> = posts
        .into_iter()
        .map(|p| Tally {
            title: post_title(inner, case, p.model.as_deref(), p.draft_id.map(|d| d.0)),
            model: p.model,
            counts: [p.convincing, p.mixed, p.rework],
        })
        .collect();
    let reply = Reply::channel(tally_text(inner, case, &tallies, voters));
    // The tally as a picture, for the class screen; the text says it all without it.
    let rows: Vec<crate::chart::VoteRow> = tallies
        .iter()
        .map(|t| crate::chart::VoteRow {
            title: t.title.clone(),
            counts: t.counts.map(|c| u32::try_from(c).unwrap_or(u32::MAX)),
        })
        .collect();
    let voters = usize::try_from(voters).unwrap_or(0);
    Ok(vec![
        match crate::chart::render_vote_tally(inner.messages(), &rows, voters) {
            Ok(png) => reply.with_attachment(Attachment {
                name: "vote.png".into(),
                mime: "image/png".into(),
                bytes: png,
            }),
            Err(e) => {
                tracing::debug!(error = %e, "vote chart not drawn");
                reply
            }
        },
    ])
}

fn tally_text(inner: &Inner, case: &Case, tallies: &[Tally], voters: i64) -> String {
    let m = inner.messages();
    let n = |v: i64| usize::try_from(v).unwrap_or(0);
    let mut text = m.text(&msg::WorkshopTallyHeader {
        posts: &m.text(&msg::WorkshopPosts {
            n: &tallies.len().to_string(),
        }),
        voters: &m.text(&msg::WorkshopVoters {
            n: &(n(voters)).to_string(),
        }),
    });
    for t in tallies {
        text.push('\n');
        text.push_str(&m.text(&msg::WorkshopTallyLine {
            title: &t.title,
            convincing: &t.counts[0].to_string(),
            mixed: &t.counts[1].to_string(),
            rework: &t.counts[2].to_string(),
            votes: &m.text(&msg::WorkshopVotes {
                n: &(n(t.votes())).to_string(),
            }),
        }));
    }
    // With one post there is nothing to compare.
    let best = if tallies.len() > 1 {
        favourites(tallies)
    } else {
        Vec::new()
    };
    let favourite = match best.as_slice() {
        [] if tallies.len() <= 1 => None,
        [] => Some(m.text(&msg::WorkshopTallyNoFavourite)),
        [one] => Some(m.text(&msg::WorkshopTallyFavourite {
            title: &one.title,
            convincing: &one.counts[0].to_string(),
            votes: &m.text(&msg::WorkshopVotes {
                n: &(n(one.votes())).to_string(),
            }),
        })),
        several => {
            let titles: Vec<&str> = several.iter().map(|t| t.title.as_str()).collect();
            Some(m.text(&msg::WorkshopTallyTie {
                titles: &titles.join(", "),
                convincing: &several[0].counts[0].to_string(),
            }))
        }
    };
    if let Some(line) = favourite {
        text.push('\n');
        text.push_str(&line);
    }
    let notes: Vec<&Tally> = tallies.iter().filter(|t| t.model.is_some()).collect();
    if !notes.is_empty() {
        text.push_str("\n\n");
        text.push_str(&m.text(&msg::WorkshopTallyNotes));
        for t in notes {
            if let Some(model) = &t.model {
                text.push('\n');
                text.push_str(&m.text(&msg::WorkshopTallyNote {
                    title: &t.title,
                    note: &case.text(&Workshop::note_id(model)),
                }));
            }
        }
    }
    text
}

// ---------------------------------------------------------------------------------------------
// Written answers, self-assessment and grading
// ---------------------------------------------------------------------------------------------

/// The questions of a case that have a grid, "1.1, 1.2, …, R".
fn grid_list(case: &Case) -> String {
    case.grids
        .iter()
        .map(|g| g.question.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The criteria of a grid as boxes to tick.
fn choice(
    inner: &Inner,
    case: &Case,
    grid: &Grid,
    action: ChoiceAction,
    ticked: &BTreeSet<String>,
) -> Choice {
    let m = inner.messages();
    let placeholder = match action {
        ChoiceAction::SelfAssess(_) => msg::WorkshopSelfPlaceholder.plain(),
        ChoiceAction::Grade(_) => msg::WorkshopGradePlaceholder.plain(),
    };
    Choice {
        action,
        placeholder: m.text(&placeholder),
        options: grid
            .criteria
            .iter()
            .map(|c| ChoiceOption {
                value: c.id.clone(),
                label: case.text(&Grid::label_id(&grid.question, &c.id)),
                description: points(m, c.share),
                selected: ticked.contains(&c.id),
            })
            .collect(),
    }
}

/// The numbered criteria of a grid, one per line.
fn criteria_lines(inner: &Inner, case: &Case, grid: &Grid) -> String {
    let m = inner.messages();
    grid.criteria
        .iter()
        .enumerate()
        .map(|(i, c)| {
            m.text(&msg::WorkshopCriterionLine {
                number: &(i + 1).to_string(),
                label: &case.text(&Grid::label_id(&grid.question, &c.id)),
                points: &points(m, c.share),
            })
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads ticked criteria given as ids or 1-based numbers; the first unknown one is the error.
pub fn read_criteria(grid: &Grid, given: &[String]) -> Result<BTreeSet<String>, String> {
    let mut out = BTreeSet::new();
    for g in given {
        let g = g.trim();
        if g.is_empty() {
            continue;
        }
        let found = match g.parse::<usize>() {
            Ok(n) => grid.criteria.get(n.wrapping_sub(1)),
            Err(_) => grid.criteria.iter().find(|c| c.id.eq_ignore_ascii_case(g)),
        };
        match found {
            Some(c) => {
                out.insert(c.id.clone());
            }
            None => return Err(g.to_string()),
        }
    }
    Ok(out)
}

/// The grid of a stored copy's question, or the French reply saying it has none (a pack
/// changed since the copy was written).
fn grid_of<'c>(inner: &Inner, case: &'c Case, question: &str) -> Result<&'c Grid, Vec<Reply>> {
    case.grid(question).ok_or_else(|| {
        vec![Reply::private(inner.messages().text(
            &msg::WorkshopNoGrid {
                question: &echo(question),
                list: &grid_list(case),
            },
        ))]
    })
}

/// The criteria ticked, or the French reply naming the first one that is not in the grid.
fn ticked_criteria(
    inner: &Inner,
    grid: &Grid,
    given: &[String],
) -> Result<BTreeSet<String>, Vec<Reply>> {
    read_criteria(grid, given).map_err(|unknown| {
        vec![Reply::private(inner.messages().text(
            &msg::WorkshopCriteriaUnknown {
                given: &echo(&unknown),
                max: &grid.criteria.len().to_string(),
            },
        ))]
    })
}

/// The points of the ticked criteria.
pub fn ticked_points(grid: &Grid, ticked: &BTreeSet<String>) -> Milli {
    scoring::sum_milli(
        grid.criteria
            .iter()
            .filter(|c| ticked.contains(&c.id))
            .map(|c| c.milli),
    )
}

fn parse_ticked(json: Option<&str>) -> BTreeSet<String> {
    json.and_then(|j| serde_json::from_str(j).ok())
        .unwrap_or_default()
}

/// Each criterion, met or missed; a missed one says what a good copy writes.
/// The KPIs of `hidden` (sealed by a running quiz) are written as a mark.
fn grid_result(
    inner: &Inner,
    case: &Case,
    grid: &Grid,
    ticked: &BTreeSet<String>,
    hidden: &BTreeSet<usize>,
) -> String {
    let m = inner.messages();
    let mark = m.text(&msg::PlaySealedFigure);
    grid.criteria
        .iter()
        .map(|c| {
            let label = case.text(&Grid::label_id(&grid.question, &c.id));
            let pts = points(m, c.share);
            if ticked.contains(&c.id) {
                m.text(&msg::WorkshopMet {
                    label: &label,
                    points: &pts,
                })
            } else {
                m.text(&msg::WorkshopMissed {
                    label: &label,
                    points: &pts,
                    explanation: &case.text_hiding(
                        &Grid::explanation_id(&grid.question, &c.id),
                        &|k| hidden.contains(&k),
                        &mark,
                    ),
                })
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `/corrige-type`: the model answer of a question and, when it has one, its grading grid.
/// Refused to students while a live quiz asks one of its calculations and has not revealed it.
pub async fn model_answer(cx: &Ctx<'_>, question: &str) -> anyhow::Result<Vec<Reply>> {
    let Ctx {
        inner, who, case, ..
    } = *cx;
    let m = inner.messages();
    let id = question.trim();
    // A part ("1.2.a") stands for its question.
    let Some(q) = case.question(id).or_else(|| case.part(id).map(|(q, _)| q)) else {
        let list: Vec<&str> = case.questions.iter().map(|q| q.id.as_str()).collect();
        return private(m.text(&msg::QuestionUnknown {
            id: &echo(id),
            list: &list.join(", "),
        }));
    };
    // A student does not get the model answer of a question whose calculations the running
    // quiz seals; figures of other questions it quotes are hidden while the quiz asks them.
    let sealed = super::sight::sealed_for(inner, who, case).await;
    if q.parts
        .iter()
        .any(|p| super::sight::touches(case, p.kpi, &sealed))
    {
        return private(m.text(&msg::WorkshopModelLocked));
    }
    let mark = m.text(&msg::PlaySealedFigure);
    let hidden = |k: usize| sealed.contains(&k);
    let mut text = m.text(&msg::WorkshopModelHeader {
        question: &q.id,
        points: &points(m, q.points),
    });
    text.push('\n');
    text.push_str(
        case.text_hiding(&format!("question.{}.model", q.id), &hidden, &mark)
            .trim(),
    );
    if let Some(grid) = case.grid(&q.id) {
        text.push_str("\n\n");
        text.push_str(&crate::linkedin::render::grid_hiding(
            m, case, grid, &hidden, &mark,
        ));
        text.push_str("\n\n");
        text.push_str(&m.text(&msg::WorkshopModelWrite { question: &q.id }));
    }
    private(text)
}

/// `/rediger`: stores a written answer and asks the student to tick what it covers.
pub async fn written(cx: &Ctx<'_>, question: &str, text: &str) -> anyhow::Result<Vec<Reply>> {
    let Ctx {
        inner, who, case, ..
    } = *cx;
    let m = inner.messages();
    let Some(grid) = case.grid(question.trim()) else {
        return private(m.text(&msg::WorkshopNoGrid {
            question: &echo(question),
            list: &grid_list(case),
        }));
    };
    let n = chars(text);
    let max = inner.settings.workshop.max_text_characters;
    if n == 0 {
        return private(m.text(&msg::WorkshopWrittenEmpty));
    }
    if n > max {
        return private(m.text(&msg::WorkshopTextTooLong {
            count: &n.to_string(),
            max: &max.to_string(),
        }));
    }
    let WrittenId(id) = store::written::insert(
        &inner.store.write,
        who.class_id(),
        who.member(),
        &case.meta.id,
        &grid.question,
        text.trim(),
        inner.now(),
    )
    .await?;
    let text = format!(
        "{}\n{}",
        m.text(&msg::WorkshopWrittenSaved {
            number: &id.to_string(),
            question: &grid.question,
            characters: &n.to_string(),
            points: &points(m, grid.points)
        }),
        criteria_lines(inner, case, grid)
    );
    Ok(vec![Reply::private(text).with_choice(choice(
        inner,
        case,
        grid,
        ChoiceAction::SelfAssess(id),
        &BTreeSet::new(),
    ))])
}

/// A written answer as stored.
struct Written {
    member_id: i64,
    user: String,
    name: String,
    question: String,
    text: String,
    written_at: i64,
    self_criteria: Option<String>,
    self_points: Option<i64>,
    grade_criteria: Option<String>,
    grade_points: Option<i64>,
}

async fn load_written(inner: &Inner, class_id: i64, id: i64) -> anyhow::Result<Option<Written>> {
    let row = store::written::in_class(&inner.store.write, store::ClassId(class_id), WrittenId(id))
        .await?;
    Ok(row.map(|w| Written {
        member_id: w.member_id.0,
        user: w.platform_user,
        name: w.display_name,
        question: w.question_id,
        text: w.text,
        written_at: w.written_at,
        self_criteria: w.self_criteria,
        self_points: w.self_points_milli,
        grade_criteria: w.grade_criteria,
        grade_points: w.grade_points_milli,
    }))
}

/// "2,5 points sur 3 points".
fn score(inner: &Inner, got: Milli, grid: &Grid) -> String {
    let m = inner.messages();
    m.text(&msg::WorkshopScore {
        points: &points(m, scoring::from_milli(got)),
        total: &points(m, grid.points),
    })
}

/// The self-assessment: the student ticks what their answer covers; it shows what each missed
/// point should have said. Never counted in the scores.
pub async fn self_assess(
    cx: &Ctx<'_>,
    answer: i64,
    criteria: &[String],
) -> anyhow::Result<Vec<Reply>> {
    let Ctx {
        inner, who, case, ..
    } = *cx;
    let m = inner.messages();
    let written = load_written(inner, who.class.id, answer)
        .await?
        .filter(|w| w.member_id == who.member_id);
    let Some(written) = written else {
        return private(m.text(&msg::WorkshopAnswerNotYours {
            number: &answer.to_string(),
        }));
    };
    let grid = match grid_of(inner, case, &written.question) {
        Ok(g) => g,
        Err(refused) => return Ok(refused),
    };
    let ticked = match ticked_criteria(inner, grid, criteria) {
        Ok(t) => t,
        Err(refused) => return Ok(refused),
    };
    let got = ticked_points(grid, &ticked);
    let sealed = super::sight::sealed_for(inner, who, case).await;
    let ticked_json = serde_json::to_string(&ticked)?;
    store::written::set_self_assessment(
        &inner.store.write,
        WrittenId(answer),
        &ticked_json,
        got,
        inner.now(),
    )
    .await?;
    let text = format!(
        "{}\n{}\n\n{}",
        m.text(&msg::WorkshopSelfResult {
            question: &grid.question,
            score: &score(inner, got, grid)
        }),
        grid_result(inner, case, grid, &ticked, &sealed),
        m.text(&msg::WorkshopSelfFooter {
            question: &grid.question
        })
    );
    private(text)
}

/// `/corriger` alone: the class's written answers, those still to grade first.
pub async fn queue(cx: &Ctx<'_>) -> anyhow::Result<Vec<Reply>> {
    let Ctx {
        inner, who, case, ..
    } = *cx;
    let m = inner.messages();
    let limit = inner.settings.workshop.grade_queue_rows;
    let rows = store::written::queue(&inner.store.write, who.class_id()).await?;
    if rows.is_empty() {
        return private(m.text(&msg::WorkshopQueueEmpty));
    }
    let to_grade = rows
        .iter()
        .filter(|r| r.grade_points_milli.is_none())
        .count();
    let mut text = m.text(&msg::WorkshopQueueHeader {
        to_grade: &to_grade.to_string(),
        total: &rows.len().to_string(),
    });
    for store::written::QueueRow {
        id,
        question_id: question,
        display_name: name,
        written_at: at,
        self_points_milli: self_points,
        grade_points_milli: grade,
    } in rows.iter().take(limit)
    {
        let of = |milli: i64| match case.grid(question) {
            Some(g) => score(inner, milli, g),
            None => points(m, scoring::from_milli(milli)),
        };
        let state = match (grade, self_points) {
            (Some(g), _) => m.text(&msg::WorkshopStateGraded { score: &of(*g) }),
            (None, Some(s)) => m.text(&msg::WorkshopStateSelf { score: &of(*s) }),
            (None, None) => m.text(&msg::WorkshopStateTodo),
        };
        text.push('\n');
        text.push_str(&m.text(&msg::WorkshopQueueLine {
            number: &id.to_string(),
            question,
            name: &escape(name),
            date: &date(*at),
            state: &state,
        }));
    }
    if rows.len() > limit {
        text.push('\n');
        text.push_str(&m.text(&msg::WorkshopQueueMore {
            count: &(rows.len() - limit).to_string(),
        }));
    }
    let reply = Reply::private(text);
    Ok(vec![
        match next_to_grade(inner, who.class.id, None).await? {
            Some(first) => reply.with_buttons(vec![Button {
                label: m.text(&msg::WorkshopFirstButton {
                    number: &first.to_string(),
                }),
                action: ButtonAction::GradeShow(first),
            }]),
            None => reply,
        },
    ])
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
    let Some(written) = load_written(inner, who.class.id, answer).await? else {
        return private(m.text(&msg::WorkshopAnswerUnknown {
            number: &answer.to_string(),
        }));
    };
    let grid = match grid_of(inner, case, &written.question) {
        Ok(g) => g,
        Err(refused) => return Ok(refused),
    };
    let Some(criteria) = criteria else {
        let self_ticked = parse_ticked(written.self_criteria.as_deref());
        let self_list: Vec<String> = grid
            .criteria
            .iter()
            .enumerate()
            .filter(|(_, c)| self_ticked.contains(&c.id))
            .map(|(i, _)| (i + 1).to_string())
            .collect();
        let self_text = match written.self_points {
            Some(p) => m.text(&msg::WorkshopSelfSummary {
                score: &score(inner, p, grid),
                ticked: &if self_list.is_empty() {
                    m.text(&msg::WorkshopSelfNothing)
                } else {
                    self_list.join(", ")
                },
            }),
            None => m.text(&msg::WorkshopSelfNone),
        };
        let ticked = parse_ticked(written.grade_criteria.as_deref());
        let grade_text = match written.grade_points {
            Some(p) => m.text(&msg::WorkshopAlreadyGraded {
                score: &score(inner, p, grid),
            }),
            None => String::new(),
        };
        let text = format!(
            "{}\n{}\n{}",
            m.text(&msg::WorkshopGradeShow {
                number: &answer.to_string(),
                question: &grid.question,
                name: &escape(&written.name),
                date: &date(written.written_at),
                characters: &chars(&written.text).to_string(),
                text: &block_quote(&written.text),
                self_assessment: &self_text,
                graded: &grade_text
            })
            .trim_end(),
            criteria_lines(inner, case, grid),
            m.text(&msg::WorkshopGradeHow {
                number: &answer.to_string()
            }),
        );
        return Ok(vec![Reply::private(text).with_choice(choice(
            inner,
            case,
            grid,
            ChoiceAction::Grade(answer),
            &ticked,
        ))]);
    };
    let ticked = match ticked_criteria(inner, grid, criteria) {
        Ok(t) => t,
        Err(refused) => return Ok(refused),
    };
    let got = ticked_points(grid, &ticked);
    let ticked_json = serde_json::to_string(&ticked)?;
    store::written::set_grade(
        &inner.store.write,
        WrittenId(answer),
        who.class_id(),
        &ticked_json,
        got,
        who.member(),
        inner.now(),
    )
    .await?;
    let saved = match written.grade_points {
        Some(before) => m.text(&msg::WorkshopGradeUpdated {
            number: &answer.to_string(),
            name: &escape(&written.name),
            question: &grid.question,
            score: &score(inner, got, grid),
            before: &score(inner, before, grid),
        }),
        None => m.text(&msg::WorkshopGradeSaved {
            number: &answer.to_string(),
            name: &escape(&written.name),
            question: &grid.question,
            score: &score(inner, got, grid),
        }),
    };
    let notice = format!(
        "{}\n{}",
        m.text(&msg::WorkshopGradeNotice {
            question: &grid.question,
            score: &score(inner, got, grid)
        }),
        // The student reads it: what the running quiz asks stays hidden.
        grid_result(
            inner,
            case,
            grid,
            &ticked,
            &super::sight::sealed_by_quiz(inner, who.class.id, case).await,
        )
    );
    let mut reply = Reply::private(saved);
    if let Some(next) = next_to_grade(inner, who.class.id, Some(answer)).await? {
        reply = reply.with_buttons(vec![Button {
            label: m.text(&msg::WorkshopNextButton {
                number: &next.to_string(),
            }),
            action: ButtonAction::GradeShow(next),
        }]);
    }
    Ok(vec![reply, Reply::to_user(written.user, notice)])
}

/// The first copy of the class still to grade (the oldest), other than `except`.
async fn next_to_grade(
    inner: &Inner,
    class_id: i64,
    except: Option<i64>,
) -> anyhow::Result<Option<i64>> {
    let next = store::written::next_to_grade(
        &inner.store.write,
        store::ClassId(class_id),
        except.map(WrittenId),
    )
    .await?;
    Ok(next.map(|id| id.0))
}
