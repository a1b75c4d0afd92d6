//! From the engine's platform-neutral replies to Discord messages: content split within
//! Discord's 2,000 characters (never cut), buttons as action rows, files as attachments,
//! countdowns as relative timestamps, and mentions always disabled.

use crate::msg;
use crate::play::command::{
    Audience, Button, ButtonAction, ChannelRef, Choice, ChoiceAction, ItemRef, Outbox, Reply,
    SendError, Sending,
};
use crate::prompts::Prompts;
use poise::serenity_prelude as serenity;
use std::sync::Arc;

/// Discord's limit on a message's content, in characters.
pub const MAX_CONTENT: usize = 2000;
/// Most buttons in one action row; most rows in one message.
const ROW_SIZE: usize = 5;
const MAX_ROWS: usize = 5;

/// No mention of anyone, ever: echoed text can never ping @everyone, a role or a user.
pub fn no_mentions() -> serenity::CreateAllowedMentions {
    serenity::CreateAllowedMentions::new()
        .everyone(false)
        .all_users(false)
        .all_roles(false)
}

/// Splits text into pieces of at most `max` characters, at line breaks where possible, else at
/// spaces, else anywhere; nothing is lost.
pub fn split(text: &str, max: usize) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut current = String::new();
    let mut current_len = 0;
    for line in text.split_inclusive('\n') {
        let len = line.chars().count();
        if current_len + len <= max {
            current.push_str(line);
            current_len += len;
            continue;
        }
        if !current.is_empty() {
            pieces.push(std::mem::take(&mut current).trim_end().to_string());
        }
        if len <= max {
            current.push_str(line);
            current_len = len;
            continue;
        }
        // A line longer than a message: cut at spaces, else at the limit.
        let mut rest: Vec<char> = line.chars().collect();
        while rest.len() > max {
            let cut = rest[..max]
                .iter()
                .rposition(|c| *c == ' ')
                .filter(|p| *p > max / 2)
                .unwrap_or(max);
            pieces.push(
                rest[..cut]
                    .iter()
                    .collect::<String>()
                    .trim_end()
                    .to_string(),
            );
            rest = rest[cut..].to_vec();
            while rest.first() == Some(&' ') {
                rest.remove(0);
            }
        }
        current = rest.into_iter().collect();
        current_len = current.chars().count();
    }
    if !current.trim().is_empty() || pieces.is_empty() {
        pieces.push(current.trim_end().to_string());
    }
    pieces
}

/// The component id of a button: short, parsed strictly on the way back.
pub fn custom_id(action: &ButtonAction) -> String {
    match action {
        ButtonAction::Answer(i) => format!("cb:a:{}:{}", i.quiz, i.item),
        ButtonAction::Hint(i) => format!("cb:h:{}:{}", i.quiz, i.item),
        ButtonAction::HintConfirm(i) => format!("cb:k:{}:{}", i.quiz, i.item),
        ButtonAction::Vote { post, choice } => format!("cb:v:{post}:{choice}"),
        ButtonAction::DraftWithdraw(draft) => format!("cb:x:{draft}:0"),
        ButtonAction::GradeShow(answer) => format!("cb:c:{answer}:0"),
        ButtonAction::InterpretAsk { index, .. } => format!("cb:i:{index}:0"),
        ButtonAction::InterpretChoose { part, choice } => format!("cb:l:{part}:{choice}"),
        ButtonAction::InterpretComment(part) => format!("cb:n:{part}:0"),
    }
}

/// The component id of a select menu.
pub fn choice_id(action: ChoiceAction) -> String {
    match action {
        ChoiceAction::SelfAssess(answer) => format!("cb:s:{answer}:0"),
        ChoiceAction::Grade(answer) => format!("cb:g:{answer}:0"),
    }
}

/// What a component id asks for. Anything else (a crafted id) is `None`: nothing happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Component {
    Answer(ItemRef),
    Hint(ItemRef),
    HintConfirm(ItemRef),
    /// The answer form of a quiz item was submitted.
    AnswerForm(ItemRef),
    Vote {
        post: i64,
        choice: u8,
    },
    DraftWithdraw(i64),
    /// Shows a written answer to grade.
    GradeShow(i64),
    /// The self-assessment menu of a written answer.
    SelfAssess(i64),
    /// The grading menu of a written answer.
    Grade(i64),
    /// Asks what a part's figure means (the part's place in the subject).
    InterpretAsk(usize),
    /// A reading of a part's figure chosen.
    InterpretChoose {
        part: usize,
        choice: u8,
    },
    /// Opens the comment form of a part's figure.
    InterpretComment(usize),
    /// The comment form of a part's figure was submitted.
    InterpretCommentForm(usize),
}

pub fn parse_custom_id(id: &str) -> Option<Component> {
    let mut parts = id.split(':');
    if parts.next()? != "cb" {
        return None;
    }
    let kind = parts.next()?;
    let first: i64 = parts.next()?.parse().ok()?;
    let second: i64 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || first < 0 || second < 0 {
        return None;
    }
    let r = ItemRef {
        quiz: first,
        item: second,
    };
    Some(match kind {
        "a" => Component::Answer(r),
        "h" => Component::Hint(r),
        "k" => Component::HintConfirm(r),
        "m" => Component::AnswerForm(r),
        "v" => Component::Vote {
            post: first,
            choice: u8::try_from(second).ok()?,
        },
        "x" if second == 0 => Component::DraftWithdraw(first),
        "c" if second == 0 => Component::GradeShow(first),
        "s" if second == 0 => Component::SelfAssess(first),
        "g" if second == 0 => Component::Grade(first),
        "i" if second == 0 => Component::InterpretAsk(usize::try_from(first).ok()?),
        "l" => Component::InterpretChoose {
            part: usize::try_from(first).ok()?,
            choice: u8::try_from(second)
                .ok()
                .filter(|c| usize::from(*c) < crate::interpret::MAX_READINGS)?,
        },
        "n" if second == 0 => Component::InterpretComment(usize::try_from(first).ok()?),
        "o" if second == 0 => Component::InterpretCommentForm(usize::try_from(first).ok()?),
        _ => return None,
    })
}

/// The form of a one-sentence comment of a part's figure.
pub fn comment_form_id(part: usize) -> String {
    format!("cb:o:{part}:0")
}

pub fn answer_form_id(item: ItemRef) -> String {
    format!("cb:m:{}:{}", item.quiz, item.item)
}

/// The form of a written answer to a question ("cb:r:2.4").
pub fn written_form_id(question: &str) -> String {
    format!("cb:r:{question}")
}

/// The id of the form of a written answer on a mock exam copy.
pub fn exam_form_id(question: &str) -> String {
    format!("cb:x:{question}")
}

/// The question of a mock exam's written-answer form id.
pub fn parse_exam_form_id(id: &str) -> Option<&str> {
    parse_written_form_id(&format!("cb:r:{}", id.strip_prefix("cb:x:")?))
        .map(|_| &id["cb:x:".len()..])
}

/// The question of a written-answer form id; question ids are short words of letters, digits
/// and dots.
pub fn parse_written_form_id(id: &str) -> Option<&str> {
    let question = id.strip_prefix("cb:r:")?;
    let valid = !question.is_empty()
        && question.len() <= 20
        && question
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_' || c == '-');
    valid.then_some(question)
}

/// Discord's limits on a select menu.
const MENU_OPTIONS: usize = 25;
const MENU_TEXT: usize = 100;

fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max - 1).collect();
    out.push('…');
    out
}

/// A multi-select menu for boxes to tick.
pub fn menu(choice: &Choice) -> serenity::CreateActionRow {
    let options: Vec<serenity::CreateSelectMenuOption> = choice
        .options
        .iter()
        .take(MENU_OPTIONS)
        .map(|o| {
            serenity::CreateSelectMenuOption::new(
                cut(&o.label, MENU_TEXT),
                cut(&o.value, MENU_TEXT),
            )
            .description(cut(&o.description, MENU_TEXT))
            .default_selection(o.selected)
        })
        .collect();
    let max = u8::try_from(options.len()).unwrap_or(25).max(1);
    serenity::CreateActionRow::SelectMenu(
        serenity::CreateSelectMenu::new(
            choice_id(choice.action),
            serenity::CreateSelectMenuKind::String { options },
        )
        .placeholder(cut(&choice.placeholder, 150))
        .min_values(0)
        .max_values(max),
    )
}

/// The action rows of a reply: its buttons, then its menu.
pub fn components(reply: &Reply) -> Vec<serenity::CreateActionRow> {
    let mut rows = rows(&reply.buttons);
    if let Some(choice) = &reply.choice {
        rows.truncate(MAX_ROWS - 1);
        rows.push(menu(choice));
    }
    rows
}

/// Action rows for the buttons of a reply (at most 5 rows of 5).
pub fn rows(buttons: &[Button]) -> Vec<serenity::CreateActionRow> {
    buttons
        .chunks(ROW_SIZE)
        .take(MAX_ROWS)
        .map(|chunk| {
            serenity::CreateActionRow::Buttons(
                chunk
                    .iter()
                    .map(|b| {
                        let style = match b.action {
                            ButtonAction::Answer(_) => serenity::ButtonStyle::Primary,
                            ButtonAction::DraftWithdraw(_) => serenity::ButtonStyle::Danger,
                            _ => serenity::ButtonStyle::Secondary,
                        };
                        serenity::CreateButton::new(custom_id(&b.action))
                            .label(b.label.chars().take(80).collect::<String>())
                            .style(style)
                    })
                    .collect(),
            )
        })
        .collect()
}

/// The text of a reply as Discord shows it: a countdown line added when there is a deadline.
pub fn text_of(messages: &Prompts, reply: &Reply) -> String {
    match reply.deadline {
        Some(deadline) => format!(
            "{}\n{}",
            reply.text,
            messages.text(&msg::DiscordCountdown {
                when: &format!("<t:{}:R>", deadline.div_euclid(1000))
            })
        ),
        None => reply.text.clone(),
    }
}

/// A reply as one or more channel messages (buttons and file on the last one).
pub fn channel_messages(messages: &Prompts, reply: &Reply) -> Vec<serenity::CreateMessage> {
    let pieces = split(&text_of(messages, reply), MAX_CONTENT);
    let last = pieces.len().saturating_sub(1);
    pieces
        .into_iter()
        .enumerate()
        .map(|(i, piece)| {
            let mut m = serenity::CreateMessage::new()
                .content(piece)
                .allowed_mentions(no_mentions());
            if i == last {
                let rows = components(reply);
                if !rows.is_empty() {
                    m = m.components(rows);
                }
                if let Some(file) = &reply.attachment {
                    m = m.add_file(serenity::CreateAttachment::bytes(
                        file.bytes.clone(),
                        file.name.clone(),
                    ));
                }
            }
            m
        })
        .collect()
}

/// Posts what the engine says on its own: quiz questions, reveals, podiums (in the quiz's
/// channel) and personal summaries (in a direct message).
pub struct DiscordOutbox {
    http: Arc<serenity::Http>,
    messages: Prompts,
}

impl DiscordOutbox {
    pub fn new(http: Arc<serenity::Http>, messages: Prompts) -> DiscordOutbox {
        DiscordOutbox { http, messages }
    }

    async fn send(
        &self,
        channel: &ChannelRef,
        reply: Reply,
        nonce: Option<&str>,
    ) -> Result<(), SendError> {
        let target = match &reply.audience {
            Audience::User(user) => {
                let id: u64 = user
                    .parse()
                    .map_err(|_| SendError::refused(format!("bad user id {user}")))?;
                serenity::UserId::new(id.max(1))
                    .create_dm_channel(&self.http)
                    .await
                    .map_err(send_error)?
                    .id
            }
            Audience::Channel | Audience::Private => {
                let id: u64 = channel.channel.parse().map_err(|_| {
                    SendError::refused(format!("bad channel id {}", channel.channel))
                })?;
                serenity::ChannelId::new(id.max(1))
            }
        };
        let mut last = None;
        for (i, mut message) in channel_messages(&self.messages, &reply)
            .into_iter()
            .enumerate()
        {
            if let Some(nonce) = nonce {
                // One nonce per piece: a repeat of any piece Discord already took is dropped.
                message = message
                    .nonce(serenity::Nonce::String(format!("{nonce}.{i}")))
                    .enforce_nonce(true);
            }
            let sent = target
                .send_message(&self.http, message)
                .await
                .map_err(send_error)?;
            last = Some(sent.id);
        }
        if let (Some(name), Some(message), Audience::Channel) =
            (&reply.thread, last, &reply.audience)
        {
            // The discussion thread: without it (no permission to create threads), the post and
            // its vote still work, so this is only logged.
            let thread = serenity::CreateThread::new(cut(name, 100))
                .auto_archive_duration(serenity::AutoArchiveDuration::OneWeek);
            if let Err(e) = target
                .create_thread_from_message(&self.http, message, thread)
                .await
            {
                tracing::warn!(error = %e, "discussion thread not created");
            }
        }
        Ok(())
    }
}

/// A failed request, told apart: Discord's refusals (4xx but 429) will not change by retrying;
/// anything else (unreachable, 5xx, rate limits) may pass.
fn send_error(e: serenity::Error) -> SendError {
    let status = match &e {
        serenity::Error::Http(http) => http.status_code(),
        _ => None,
    };
    match status {
        Some(s) if s.is_client_error() && s.as_u16() != 429 => SendError::refused(e.to_string()),
        _ => SendError::retry(e.to_string()),
    }
}

impl Outbox for DiscordOutbox {
    fn post<'a>(&'a self, channel: &'a ChannelRef, reply: Reply) -> Sending<'a> {
        Box::pin(self.send(channel, reply, None))
    }

    fn post_once<'a>(
        &'a self,
        channel: &'a ChannelRef,
        reply: Reply,
        nonce: &'a str,
    ) -> Sending<'a> {
        Box::pin(self.send(channel, reply, Some(nonce)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_keeps_everything_within_the_limit() {
        let text = (0..300)
            .map(|i| format!("- ligne numéro {i} du classement"))
            .collect::<Vec<_>>()
            .join("\n");
        let pieces = split(&text, MAX_CONTENT);
        assert!(pieces.len() > 1);
        assert!(pieces.iter().all(|p| p.chars().count() <= MAX_CONTENT));
        assert_eq!(pieces.join("\n"), text);
        let long = "mot ".repeat(1200);
        let pieces = split(&long, MAX_CONTENT);
        assert!(pieces.iter().all(|p| p.chars().count() <= MAX_CONTENT));
        assert_eq!(pieces.join(" ").split_whitespace().count(), 1200);
        assert_eq!(split("court", MAX_CONTENT), vec!["court".to_string()]);
    }

    #[test]
    fn custom_ids_round_trip_and_crafted_ones_do_nothing() {
        let item = ItemRef { quiz: 12, item: 3 };
        for action in [
            ButtonAction::Answer(item),
            ButtonAction::Hint(item),
            ButtonAction::HintConfirm(item),
        ] {
            let id = custom_id(&action);
            let parsed = parse_custom_id(&id);
            assert!(parsed.is_some(), "{id}");
        }
        assert_eq!(
            parse_custom_id(&answer_form_id(item)),
            Some(Component::AnswerForm(item))
        );
        assert_eq!(
            parse_custom_id(&custom_id(&ButtonAction::Vote { post: 7, choice: 2 })),
            Some(Component::Vote { post: 7, choice: 2 })
        );
        assert_eq!(
            parse_custom_id(&custom_id(&ButtonAction::DraftWithdraw(4))),
            Some(Component::DraftWithdraw(4))
        );
        assert_eq!(
            parse_custom_id(&custom_id(&ButtonAction::InterpretChoose {
                part: 17,
                choice: 3
            })),
            Some(Component::InterpretChoose {
                part: 17,
                choice: 3
            })
        );
        assert_eq!(
            parse_custom_id(&custom_id(&ButtonAction::InterpretAsk {
                part: "1.1.c".into(),
                index: 2
            })),
            Some(Component::InterpretAsk(2))
        );
        assert_eq!(
            parse_custom_id(&custom_id(&ButtonAction::InterpretComment(2))),
            Some(Component::InterpretComment(2))
        );
        assert_eq!(
            parse_custom_id(&comment_form_id(9)),
            Some(Component::InterpretCommentForm(9))
        );
        // A fifth reading does not exist.
        assert_eq!(parse_custom_id("cb:l:3:4"), None);
        assert_eq!(
            parse_custom_id(&custom_id(&ButtonAction::GradeShow(5))),
            Some(Component::GradeShow(5))
        );
        assert_eq!(
            parse_custom_id(&choice_id(ChoiceAction::SelfAssess(9))),
            Some(Component::SelfAssess(9))
        );
        assert_eq!(
            parse_custom_id(&choice_id(ChoiceAction::Grade(9))),
            Some(Component::Grade(9))
        );
        assert_eq!(parse_written_form_id(&written_form_id("2.4")), Some("2.4"));
        for crafted in ["cb:r:", "cb:r:2 4", "cb:r:<@1>", "cb:a:1:2"] {
            assert_eq!(parse_written_form_id(crafted), None, "{crafted}");
        }
        for crafted in [
            "",
            "cb",
            "cb:x:1:2",
            "cb:a:1",
            "cb:a:1:2:3",
            "cb:a:-1:2",
            "quiz:stop",
            "cb:a:1:x",
            "cb:stop:1:1",
            "cb:v:1:300",
            "cb:x:1:1",
            "cb:s:1:2",
            "cb:g:-1:0",
        ] {
            assert_eq!(parse_custom_id(crafted), None, "{crafted}");
        }
    }

    proptest::proptest! {
        /// A crafted component id never panics, and an id that parses names non-negative numbers.
        #[test]
        fn any_component_id_parses_without_panicking(id in "(cb:)?[a-z]?:?-?[0-9]{0,20}:?-?[0-9]{0,20}(:.*)?") {
            match parse_custom_id(&id) {
                Some(Component::Vote { post, .. }) => proptest::prop_assert!(post >= 0),
                Some(Component::Answer(i) | Component::Hint(i) | Component::HintConfirm(i) | Component::AnswerForm(i)) => {
                    proptest::prop_assert!(i.quiz >= 0 && i.item >= 0)
                }
                _ => {}
            }
            let _ = parse_written_form_id(&id);
        }
    }
}
