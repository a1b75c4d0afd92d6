//! The LinkedIn workshop in class: drafts checked and, with the author's consent, shared
//! without their name; class votes on posts (model posts and shared drafts) in a discussion
//! thread; the tally when a teacher closes the vote.
//!
//! Every lookup is scoped to the asker's class: a number from another class is unknown here.

use super::command::{Attachment, Button, ButtonAction, Reply, VoteSubject};
use super::{Ctx, Inner};
use crate::case::Case;
use crate::format::{block_quote, date_fr as date, typed_chars as chars};
use crate::linkedin::Workshop;
use crate::msg;
use crate::pack::CasePack;
use crate::render::escape;
use crate::store::votes::DiscussionStatus;
use crate::store::{self, DraftId, VotePostId};

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
    let mut feedback = crate::linkedin::render::feedback(m, &workshop.params, &analysis);
    // The form inside the post: its spelling, for the grid's language criterion.
    if chars(text) <= inner.settings.workshop.max_text_characters {
        let language = super::spelling::language_criterion(case, &workshop.question);
        let spelling = super::spelling::block(inner, case, text, language.as_deref(), false);
        if !spelling.is_empty() {
            feedback.push_str("\n\n");
            feedback.push_str(&spelling);
        }
    }
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
