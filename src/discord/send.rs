//! From the engine's platform-neutral replies to Discord messages: content split within
//! Discord's 2,000 characters (never cut), buttons as action rows, files as attachments,
//! countdowns as relative timestamps, and mentions always disabled.

use crate::msg;
use crate::play::command::{
    Audience, Button, ButtonAction, ChannelRef, ItemRef, Outbox, Reply, SendError,
};
use crate::prompts::Prompts;
use poise::serenity_prelude as serenity;
use std::future::Future;
use std::pin::Pin;
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
}

pub fn parse_custom_id(id: &str) -> Option<Component> {
    let mut parts = id.split(':');
    if parts.next()? != "cb" {
        return None;
    }
    let kind = parts.next()?;
    let quiz: i64 = parts.next()?.parse().ok()?;
    let item: i64 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || quiz < 0 || item < 0 {
        return None;
    }
    let r = ItemRef { quiz, item };
    Some(match kind {
        "a" => Component::Answer(r),
        "h" => Component::Hint(r),
        "k" => Component::HintConfirm(r),
        "m" => Component::AnswerForm(r),
        _ => return None,
    })
}

pub fn answer_form_id(item: ItemRef) -> String {
    format!("cb:m:{}:{}", item.quiz, item.item)
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
            messages.render(
                msg::DISCORD_COUNTDOWN,
                &[("when", &format!("<t:{}:R>", deadline.div_euclid(1000)))]
            )
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
                if !reply.buttons.is_empty() {
                    m = m.components(rows(&reply.buttons));
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

    async fn send(&self, channel: &ChannelRef, reply: Reply) -> Result<(), SendError> {
        let target = match &reply.audience {
            Audience::User(user) => {
                let id: u64 = user
                    .parse()
                    .map_err(|_| SendError(format!("bad user id {user}")))?;
                serenity::UserId::new(id.max(1))
                    .create_dm_channel(&self.http)
                    .await
                    .map_err(|e| SendError(e.to_string()))?
                    .id
            }
            Audience::Channel | Audience::Private => {
                let id: u64 = channel
                    .channel
                    .parse()
                    .map_err(|_| SendError(format!("bad channel id {}", channel.channel)))?;
                serenity::ChannelId::new(id.max(1))
            }
        };
        for message in channel_messages(&self.messages, &reply) {
            target
                .send_message(&self.http, message)
                .await
                .map_err(|e| SendError(e.to_string()))?;
        }
        Ok(())
    }
}

impl Outbox for DiscordOutbox {
    fn post<'a>(
        &'a self,
        channel: &'a ChannelRef,
        reply: Reply,
    ) -> Pin<Box<dyn Future<Output = Result<(), SendError>> + Send + 'a>> {
        Box::pin(self.send(channel, reply))
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
        ] {
            assert_eq!(parse_custom_id(crafted), None, "{crafted}");
        }
    }
}
