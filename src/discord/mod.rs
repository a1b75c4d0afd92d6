//! The Discord front end (serenity 0.12 + poise 0.7). It only translates: slash commands,
//! buttons and forms become [`Request`]s for the play engine; the engine's [`Reply`]s become
//! interaction responses, follow-ups, channel messages and direct messages. Every interaction
//! is answered or deferred within Discord's 3 seconds; every message disables mentions.

pub mod commands;
pub mod send;

use crate::app::App;
use crate::clock::Clock;
use crate::msg;
use crate::play::command::{
    Actor, Audience, ChannelRef, Command, ItemRef, Outbox, PartRef, Place, Reply, Request,
};
use crate::play::Engine;
use crate::startup::Startup;
use poise::serenity_prelude as serenity;
use send::{no_mentions, split, text_of, Component, DiscordOutbox, MAX_CONTENT};
use std::sync::Arc;
use std::time::Duration;

pub type Error = anyhow::Error;
pub type Ctx<'a> = poise::Context<'a, Data, Error>;

/// After this long without the engine's answer, the interaction is deferred (Discord allows 3 s).
const DEFER_AFTER: Duration = Duration::from_millis(1500);

pub use crate::config::{DiscordConfig, Token};

/// What every command handler can reach.
pub struct Data {
    pub engine: Engine,
    pub app: Arc<App>,
    pub outbox: Arc<DiscordOutbox>,
    /// Interactions already taken in hand: Discord accepts one response per interaction, so a
    /// repeated delivery is left unanswered (the engine would not run it twice anyway).
    pub seen: Seen,
}

/// The ids of the last interactions handled (bounded).
#[derive(Debug, Default)]
pub struct Seen {
    inner: std::sync::Mutex<(
        std::collections::HashSet<u64>,
        std::collections::VecDeque<u64>,
    )>,
}

impl Seen {
    const KEEP: usize = 20_000;

    /// Records `id`; false when it was already there.
    pub fn first_time(&self, id: u64) -> bool {
        let Ok(mut guard) = self.inner.lock() else {
            return true;
        };
        let (set, order) = &mut *guard;
        if !set.insert(id) {
            return false;
        }
        order.push_back(id);
        if order.len() > Self::KEEP {
            if let Some(old) = order.pop_front() {
                set.remove(&old);
            }
        }
        true
    }
}

/// Where the engine is handed once it starts (tests drive its clock through it).
#[derive(Debug, Clone, Default)]
pub struct Hooks {
    pub engine: Option<Arc<std::sync::OnceLock<Engine>>>,
}

/// Builds the bot: the serenity client with the poise framework; the play engine starts on
/// the first READY, on `store`.
pub async fn client(
    config: &DiscordConfig,
    startup: Startup,
    clock: Arc<dyn Clock>,
    hooks: Hooks,
) -> anyhow::Result<serenity::Client> {
    let app = startup.app.clone();
    let cannot_build = app.messages.text(&msg::DiscordStartClient);
    let mut http = serenity::HttpBuilder::new(config.token.expose());
    if let Some(base) = &config.api_base {
        http = http
            .proxy(base.trim_end_matches('/'))
            .ratelimiter_disabled(true);
    }
    let http = http.build();
    let mut commands = commands::all();
    describe(&mut commands, &app.messages);
    let dev_guild = config.dev_guild;
    let options = poise::FrameworkOptions {
        commands,
        on_error: |error| Box::pin(on_error(error)),
        event_handler: |fctx, event| Box::pin(on_event(fctx, event)),
        allowed_mentions: Some(no_mentions()),
        initialize_owners: false,
        ..Default::default()
    };
    let framework = poise::Framework::builder()
        .options(options)
        .initialize_owners(false)
        .setup(move |ctx, ready, framework| {
            Box::pin(async move {
                tracing::info!(user = %ready.user.name, guilds = ready.guilds.len(), "connected to Discord");
                match dev_guild {
                    Some(g) => poise::builtins::register_in_guild(ctx, &framework.options().commands, serenity::GuildId::new(g)).await?,
                    None => poise::builtins::register_globally(ctx, &framework.options().commands).await?,
                }
                let outbox = Arc::new(DiscordOutbox::new(ctx.http.clone(), app.messages.clone()));
                let engine = startup.engine(clock, outbox.clone()).await?;
                if let Some(slot) = &hooks.engine {
                    let _ = slot.set(engine.clone());
                }
                Ok(Data {
                    engine,
                    app,
                    outbox,
                    seen: Seen::default(),
                })
            })
        })
        .build();
    serenity::ClientBuilder::new_with_http(http, serenity::GatewayIntents::GUILDS)
        .framework(framework)
        .await
        .map_err(|e| {
            tracing::debug!(error = %e, "cannot build the Discord client");
            anyhow::anyhow!(cannot_build)
        })
}

/// Runs the bot until it is stopped.
pub async fn run(
    config: DiscordConfig,
    startup: Startup,
    clock: Arc<dyn Clock>,
) -> anyhow::Result<()> {
    let slot = Arc::new(std::sync::OnceLock::new());
    let hooks = Hooks {
        engine: Some(slot.clone()),
    };
    let app = startup.app.clone();
    let mut client = client(&config, startup, clock, hooks).await?;
    let shards = client.shard_manager.clone();
    tokio::spawn(async move {
        stop_signal().await;
        tracing::info!("stopping: closing the gateway, finishing the requests under way");
        shards.shutdown_all().await;
    });
    let result = client.start().await.map_err(|e| {
        // The cause, in English, goes to the log; the teacher reads what to do.
        tracing::debug!(error = %e, "the Discord connection failed");
        connection_failed(&app.messages, &e)
    });
    // No interaction comes in any more: finish those under way, commit, checkpoint.
    if let Some(engine) = slot.get() {
        engine.stop(STOP_GRACE).await.map_err(|e| {
            anyhow::anyhow!(app.messages.text(&msg::DiscordStopFailed {
                error: &format!("{e:#}"),
            }))
        })?;
        // Lets the replies of the last requests reach Discord before the process ends.
        tokio::time::sleep(REPLY_GRACE).await;
    }
    tracing::info!("stopped");
    result
}

/// How long the requests under way at a stop may take to finish.
const STOP_GRACE: std::time::Duration = std::time::Duration::from_secs(10);
/// How long the last replies get to go out after the engine stopped.
const REPLY_GRACE: std::time::Duration = std::time::Duration::from_millis(500);

/// Resolves on ctrl-c or, on Unix, SIGTERM (what `systemctl stop` and `docker stop` send).
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
                return;
            }
            Err(e) => tracing::warn!(error = %e, "cannot listen for SIGTERM; ctrl-c only"),
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

/// Why the bot could not connect, in French, with what to do.
fn connection_failed(messages: &crate::prompts::Prompts, e: &serenity::Error) -> anyhow::Error {
    let text = match e {
        serenity::Error::Gateway(serenity::GatewayError::InvalidAuthentication) => {
            messages.text(&msg::DiscordStartBadToken)
        }
        serenity::Error::Http(_) => messages.text(&msg::DiscordStartHttp),
        _ => messages.text(&msg::DiscordStartFailed),
    };
    anyhow::anyhow!(text)
}

/// Sets each command's and option's description from `prompts/` (`discord.command.<name>` and
/// `discord.command.<name>.<option>`), in French, as Discord shows them.
pub fn describe(commands: &mut [poise::Command<Data, Error>], messages: &crate::prompts::Prompts) {
    fn walk(
        command: &mut poise::Command<Data, Error>,
        prefix: &str,
        messages: &crate::prompts::Prompts,
    ) {
        let key = if prefix.is_empty() {
            format!("discord.command.{}", command.name)
        } else {
            format!("{prefix}.{}", command.name)
        };
        if let Some(text) = messages.get(&format!("{key}.description")) {
            command.description = Some(text.to_string().into());
        }
        for parameter in &mut command.parameters {
            if let Some(text) = messages.get(&format!("{key}.{}", parameter.name)) {
                parameter.description = Some(text.to_string().into());
            }
        }
        for sub in &mut command.subcommands {
            walk(sub, &key, messages);
        }
    }
    for command in commands {
        walk(command, "", messages);
    }
}

/// The class, channel and member of an interaction, as the engine sees them.
fn request(
    guild: Option<serenity::GuildId>,
    guild_name: Option<String>,
    channel: serenity::ChannelId,
    member: Option<&serenity::Member>,
    user: &serenity::User,
    interaction: serenity::InteractionId,
    command: Command,
) -> Option<Request> {
    let guild = guild?;
    let member = member?;
    let manages = member
        .permissions
        .is_some_and(|p| p.manage_guild() || p.administrator());
    Some(Request {
        action_id: format!("discord-{}", interaction.get()),
        place: Place {
            platform: "discord".into(),
            class_key: guild.get().to_string(),
            class_name: guild_name.unwrap_or_else(|| format!("serveur-{}", guild.get())),
            channel: channel.get().to_string(),
        },
        actor: Actor {
            user: user.id.get().to_string(),
            name: member.display_name().to_string(),
            manages_class: manages,
            roles: member.roles.iter().map(|r| r.get().to_string()).collect(),
        },
        command,
    })
}

/// Runs a request on the engine; `None` when it takes longer than [`DEFER_AFTER`], with the
/// task still running (await it after deferring).
async fn handle_soon(
    engine: &Engine,
    messages: &crate::prompts::Prompts,
    request: Request,
) -> Result<Vec<Reply>, tokio::task::JoinHandle<Vec<Reply>>> {
    let engine = engine.clone();
    let mut task = tokio::spawn(async move { engine.handle(request).await });
    match tokio::time::timeout(DEFER_AFTER, &mut task).await {
        Ok(done) => Ok(finished(messages, done)),
        Err(_) => Err(task),
    }
}

/// The replies of a request task that ended: a task that failed (a panic, or cancelled at a
/// stop) is answered as an internal error, never with the « C’est noté. » of a request that had
/// nothing to say.
fn finished(
    messages: &crate::prompts::Prompts,
    done: Result<Vec<Reply>, tokio::task::JoinError>,
) -> Vec<Reply> {
    match done {
        Ok(replies) => replies,
        Err(e) => {
            tracing::error!(error = %e, "request task failed");
            vec![Reply::private(messages.text(&msg::PlayInternalError))]
        }
    }
}

fn guild_only(messages: &crate::prompts::Prompts) -> Reply {
    Reply::private(messages.text(&msg::DiscordGuildOnly))
}

/// A slash command: to the engine, and its replies back.
pub(crate) async fn respond(ctx: Ctx<'_>, command: Command) -> Result<(), Error> {
    let poise::Context::Application(actx) = ctx else {
        return Ok(());
    };
    let interaction = actx.interaction;
    let data = ctx.data();
    if !data.seen.first_time(interaction.id.get()) {
        tracing::info!(
            interaction = interaction.id.get(),
            "repeated delivery left unanswered"
        );
        return Ok(());
    }
    let guild_name = ctx.guild().map(|g| g.name.clone());
    let request = request(
        interaction.guild_id,
        guild_name,
        interaction.channel_id,
        interaction.member.as_deref(),
        &interaction.user,
        interaction.id,
        command,
    );
    let replies = match request {
        None => vec![guild_only(&data.app.messages)],
        Some(request) => match handle_soon(&data.engine, &data.app.messages, request).await {
            Ok(replies) => replies,
            Err(task) => {
                ctx.defer_ephemeral().await?;
                finished(&data.app.messages, task.await)
            }
        },
    };
    let channel = channel_ref(interaction.guild_id, interaction.channel_id);
    let mut sent_any = false;
    // Direct messages and posts with a thread go after the interaction is answered: Discord
    // wants an answer within 3 seconds, and many posts can take longer than that.
    let (later, replies): (Vec<Reply>, Vec<Reply>) = replies.into_iter().partition(goes_later);
    for reply in replies {
        let ephemeral = reply.audience == Audience::Private;
        let pieces = split(&text_of(&data.app.messages, &reply), MAX_CONTENT);
        let last = pieces.len().saturating_sub(1);
        for (i, piece) in pieces.into_iter().enumerate() {
            let mut out = poise::CreateReply::default()
                .content(piece)
                .ephemeral(ephemeral)
                .allowed_mentions(no_mentions());
            if i == last {
                let rows = send::components(&reply);
                if !rows.is_empty() {
                    out = out.components(rows);
                }
                if let Some(file) = &reply.attachment {
                    out = out.attachment(serenity::CreateAttachment::bytes(
                        file.bytes.clone(),
                        file.name.clone(),
                    ));
                }
            }
            ctx.send(out).await?;
            sent_any = true;
        }
    }
    if !sent_any {
        let text = data.app.messages.text(&msg::DiscordDone);
        ctx.send(
            poise::CreateReply::default()
                .content(text)
                .ephemeral(true)
                .allowed_mentions(no_mentions()),
        )
        .await?;
    }
    if !post_later(data, &channel, later).await {
        let text = data.app.messages.text(&msg::DiscordPostFailed);
        ctx.send(
            poise::CreateReply::default()
                .content(text)
                .ephemeral(true)
                .allowed_mentions(no_mentions()),
        )
        .await?;
    }
    Ok(())
}

/// Whether a reply is sent through the outbox once the interaction is answered: a direct
/// message to someone else, or a channel post that opens a discussion thread.
fn goes_later(reply: &Reply) -> bool {
    matches!(reply.audience, Audience::User(_))
        || (reply.thread.is_some() && reply.audience == Audience::Channel)
}

/// Sends the replies kept for after the answer; `false` when a channel post failed (a direct
/// message that cannot be delivered, to a member who closed them, is only logged).
async fn post_later(data: &Data, channel: &ChannelRef, later: Vec<Reply>) -> bool {
    let mut all_posted = true;
    for reply in later {
        let direct = matches!(reply.audience, Audience::User(_));
        if let Err(e) = data.outbox.post(channel, reply).await {
            if direct {
                tracing::warn!(error = %e, "direct message not sent");
            } else {
                tracing::warn!(error = %e, "post not sent");
                all_posted = false;
            }
        }
    }
    all_posted
}

fn channel_ref(guild: Option<serenity::GuildId>, channel: serenity::ChannelId) -> ChannelRef {
    ChannelRef {
        platform: "discord".into(),
        class_key: guild.map(|g| g.get().to_string()).unwrap_or_default(),
        channel: channel.get().to_string(),
    }
}

/// Buttons and forms (slash commands are dispatched by poise).
async fn on_event(
    fctx: poise::FrameworkContext<'_, Data, Error>,
    event: &serenity::FullEvent,
) -> Result<(), Error> {
    let serenity::FullEvent::InteractionCreate { interaction } = event else {
        return Ok(());
    };
    let data = fctx.user_data;
    let id = match interaction {
        serenity::Interaction::Component(c) => c.id,
        serenity::Interaction::Modal(m) => m.id,
        _ => return Ok(()),
    };
    if !data.seen.first_time(id.get()) {
        tracing::info!(interaction = id.get(), "repeated delivery left unanswered");
        return Ok(());
    }
    let http = &fctx.serenity_context.http;
    let guild_name = |g: Option<serenity::GuildId>| {
        g.and_then(|g| {
            fctx.serenity_context
                .cache
                .guild(g)
                .map(|guild| guild.name.clone())
        })
    };
    match interaction {
        serenity::Interaction::Component(c) => {
            let parsed = send::parse_custom_id(&c.data.custom_id);
            let command = match parsed {
                Some(Component::Answer(item)) => {
                    let form = answer_form(&data.app.messages, item);
                    c.create_response(http, serenity::CreateInteractionResponse::Modal(form))
                        .await?;
                    return Ok(());
                }
                Some(Component::Hint(item)) => Command::Hint {
                    confirm: false,
                    item: Some(item),
                },
                Some(Component::HintConfirm(item)) => Command::Hint {
                    confirm: true,
                    item: Some(item),
                },
                Some(Component::Vote { post, choice }) => Command::Vote { post, choice },
                Some(Component::DraftWithdraw(draft)) => Command::DraftWithdraw { draft },
                Some(Component::GradeShow(answer)) => Command::Grade {
                    answer,
                    criteria: None,
                },
                Some(Component::SelfAssess(answer)) => Command::SelfAssess {
                    answer,
                    criteria: selected(&c.data.kind),
                },
                Some(Component::Grade(answer)) => Command::Grade {
                    answer,
                    criteria: Some(selected(&c.data.kind)),
                },
                Some(Component::InterpretAsk(part)) => Command::Interpret {
                    part: PartRef::Index(part),
                    choice: None,
                    comment: None,
                },
                Some(Component::InterpretChoose { part, choice }) => Command::Interpret {
                    part: PartRef::Index(part),
                    choice: Some(choice),
                    comment: None,
                },
                Some(Component::InterpretComment(part)) => {
                    let form = comment_form(&data.app.messages, part);
                    c.create_response(http, serenity::CreateInteractionResponse::Modal(form))
                        .await?;
                    return Ok(());
                }
                Some(Component::AnswerForm(_) | Component::InterpretCommentForm(_)) | None => {
                    tracing::info!(custom_id = %c.data.custom_id, "unknown button ignored");
                    let text = data.app.messages.text(&msg::DiscordUnknownButton);
                    let reply = Reply::private(text);
                    return answer_component(http, &data.app.messages, c.id, &c.token, vec![reply])
                        .await;
                }
            };
            let request = request(
                c.guild_id,
                guild_name(c.guild_id),
                c.channel_id,
                c.member.as_ref(),
                &c.user,
                c.id,
                command,
            );
            run_component(http, data, c.id, &c.token, request).await
        }
        serenity::Interaction::Modal(m) => {
            let command =
                if m.data.custom_id == DRAFT_FORM_ID || m.data.custom_id == DRAFT_SHARE_FORM_ID {
                    let text = form_value(&m.data.components, DRAFT_FIELD).unwrap_or_default();
                    Command::DraftCheck {
                        text,
                        share: m.data.custom_id == DRAFT_SHARE_FORM_ID,
                    }
                } else if let Some(question) = send::parse_exam_form_id(&m.data.custom_id) {
                    let text = form_value(&m.data.components, WRITTEN_FIELD).unwrap_or_default();
                    Command::ExamWrite {
                        question: question.to_string(),
                        text,
                    }
                } else if let Some(question) = send::parse_written_form_id(&m.data.custom_id) {
                    let text = form_value(&m.data.components, WRITTEN_FIELD).unwrap_or_default();
                    Command::WrittenAnswer {
                        question: question.to_string(),
                        text,
                    }
                } else if let Some(Component::InterpretCommentForm(part)) =
                    send::parse_custom_id(&m.data.custom_id)
                {
                    let text = form_value(&m.data.components, COMMENT_FIELD).unwrap_or_default();
                    Command::Interpret {
                        part: PartRef::Index(part),
                        choice: None,
                        comment: Some(text),
                    }
                } else if let Some(Component::AnswerForm(item)) =
                    send::parse_custom_id(&m.data.custom_id)
                {
                    let text = form_value(&m.data.components, ANSWER_FIELD).unwrap_or_default();
                    Command::Answer {
                        text,
                        item: Some(item),
                    }
                } else {
                    let reply = Reply::private(data.app.messages.text(&msg::DiscordUnknownButton));
                    return answer_component(http, &data.app.messages, m.id, &m.token, vec![reply])
                        .await;
                };
            let request = request(
                m.guild_id,
                guild_name(m.guild_id),
                m.channel_id,
                m.member.as_ref(),
                &m.user,
                m.id,
                command,
            );
            run_component(http, data, m.id, &m.token, request).await
        }
        _ => Ok(()),
    }
}

/// The values ticked in a select menu (none for anything else).
fn selected(kind: &serenity::ComponentInteractionDataKind) -> Vec<String> {
    match kind {
        serenity::ComponentInteractionDataKind::StringSelect { values } => values.clone(),
        _ => Vec::new(),
    }
}

const ANSWER_FIELD: &str = "reponse";
/// The form of a draft LinkedIn post (one per student, not tied to a quiz); the second one
/// also shares the draft.
const DRAFT_FORM_ID: &str = "cb:draft";
const DRAFT_SHARE_FORM_ID: &str = "cb:draft:share";
const DRAFT_FIELD: &str = "brouillon";
const WRITTEN_FIELD: &str = "redaction";
const COMMENT_FIELD: &str = "commentaire";

/// The form of a one-sentence comment of a part's figure (button « Commenter »).
fn comment_form(m: &crate::prompts::Prompts, part: usize) -> serenity::CreateModal {
    let input = serenity::CreateInputText::new(
        serenity::InputTextStyle::Paragraph,
        m.text(&msg::DiscordCommentLabel),
        COMMENT_FIELD,
    )
    .placeholder(m.text(&msg::DiscordCommentPlaceholder))
    .max_length(COMMENT_MAX)
    .required(true);
    serenity::CreateModal::new(
        send::comment_form_id(part),
        m.text(&msg::DiscordCommentTitle),
    )
    .components(vec![serenity::CreateActionRow::InputText(input)])
}

/// The comment form's limit: the engine refuses past 1,000 characters, the form stops there.
const COMMENT_MAX: u16 = 1000;
/// Discord's limit on a text input.
const TEXT_MAX: u16 = 4000;

/// `/rediger`: opens the form of a written answer (a modal of up to 4,000 characters).
pub(crate) async fn written_form(ctx: Ctx<'_>, question: String) -> Result<(), Error> {
    let poise::Context::Application(actx) = ctx else {
        return Ok(());
    };
    let data = ctx.data();
    let m = &data.app.messages;
    let question = question.trim().to_string();
    if send::parse_written_form_id(&send::written_form_id(&question)).is_none()
        || !data
            .engine
            .has_grid(
                "discord",
                &ctx.guild_id()
                    .map(|g| g.get().to_string())
                    .unwrap_or_default(),
                &question,
            )
            .await
    {
        // Not a question with a grid: the engine says which ones have one, before any typing.
        return respond(
            ctx,
            Command::WrittenAnswer {
                question,
                text: String::new(),
            },
        )
        .await;
    }
    if !data.seen.first_time(actx.interaction.id.get()) {
        return Ok(());
    }
    let form = written_modal(m, &question, send::written_form_id(&question), None);
    actx.interaction
        .create_response(ctx.http(), serenity::CreateInteractionResponse::Modal(form))
        .await?;
    Ok(())
}

/// The form of a written answer to `question` (`/rediger`, `/examen rediger`), holding `saved`
/// when there is a text to revise.
fn written_modal(
    m: &crate::prompts::Prompts,
    question: &str,
    form_id: String,
    saved: Option<String>,
) -> serenity::CreateModal {
    let mut input = serenity::CreateInputText::new(
        serenity::InputTextStyle::Paragraph,
        m.text(&msg::DiscordWrittenLabel { question }),
        WRITTEN_FIELD,
    )
    .placeholder(m.text(&msg::DiscordWrittenPlaceholder))
    .max_length(TEXT_MAX)
    .required(true);
    if let Some(text) = saved {
        input = input.value(text.chars().take(usize::from(TEXT_MAX)).collect::<String>());
    }
    serenity::CreateModal::new(form_id, m.text(&msg::DiscordWrittenTitle { question }))
        .components(vec![serenity::CreateActionRow::InputText(input)])
}

/// `/examen rediger`: opens the form of a written answer on the student's exam copy, with
/// what they saved before (so an answer is revised, not typed again).
pub(crate) async fn exam_form(ctx: Ctx<'_>, question: String) -> Result<(), Error> {
    let poise::Context::Application(actx) = ctx else {
        return Ok(());
    };
    let data = ctx.data();
    let m = &data.app.messages;
    let question = question.trim().to_string();
    let guild = ctx
        .guild_id()
        .map(|g| g.get().to_string())
        .unwrap_or_default();
    if send::parse_exam_form_id(&send::exam_form_id(&question)).is_none()
        || !data.engine.has_grid("discord", &guild, &question).await
    {
        // The engine says which questions are written, before any typing.
        return respond(
            ctx,
            Command::ExamWrite {
                question,
                text: String::new(),
            },
        )
        .await;
    }
    if !data.seen.first_time(actx.interaction.id.get()) {
        return Ok(());
    }
    let saved = data
        .engine
        .exam_draft(
            "discord",
            &guild,
            &ctx.author().id.get().to_string(),
            &question,
        )
        .await;
    let form = written_modal(m, &question, send::exam_form_id(&question), saved);
    actx.interaction
        .create_response(ctx.http(), serenity::CreateInteractionResponse::Modal(form))
        .await?;
    Ok(())
}

/// `/brouillon`: opens the draft form (a modal of up to 4,000 characters).
pub(crate) async fn draft_form(ctx: Ctx<'_>, share: bool) -> Result<(), Error> {
    let poise::Context::Application(actx) = ctx else {
        return Ok(());
    };
    let data = ctx.data();
    let guild = ctx
        .guild_id()
        .map(|g| g.get().to_string())
        .unwrap_or_default();
    if !data.engine.has_workshop("discord", &guild).await {
        // No workshop in the class's subject: the engine says so, before any typing.
        return respond(
            ctx,
            Command::DraftCheck {
                text: String::new(),
                share,
            },
        )
        .await;
    }
    if !data.seen.first_time(actx.interaction.id.get()) {
        return Ok(());
    }
    let m = &data.app.messages;
    let input = serenity::CreateInputText::new(
        serenity::InputTextStyle::Paragraph,
        m.text(&msg::DiscordDraftLabel),
        DRAFT_FIELD,
    )
    .placeholder(m.text(&msg::DiscordDraftPlaceholder))
    .max_length(TEXT_MAX)
    .required(true);
    let id = if share {
        DRAFT_SHARE_FORM_ID
    } else {
        DRAFT_FORM_ID
    };
    let form = serenity::CreateModal::new(id, m.text(&msg::DiscordDraftTitle))
        .components(vec![serenity::CreateActionRow::InputText(input)]);
    actx.interaction
        .create_response(ctx.http(), serenity::CreateInteractionResponse::Modal(form))
        .await?;
    Ok(())
}

fn answer_form(messages: &crate::prompts::Prompts, item: ItemRef) -> serenity::CreateModal {
    let input = serenity::CreateInputText::new(
        serenity::InputTextStyle::Short,
        messages.text(&msg::DiscordFormLabel),
        ANSWER_FIELD,
    )
    .placeholder(messages.text(&msg::DiscordFormPlaceholder))
    .max_length(200)
    .required(true);
    serenity::CreateModal::new(
        send::answer_form_id(item),
        messages.text(&msg::DiscordFormTitle),
    )
    .components(vec![serenity::CreateActionRow::InputText(input)])
}

fn form_value(rows: &[serenity::ActionRow], field: &str) -> Option<String> {
    rows.iter()
        .flat_map(|r| r.components.iter())
        .find_map(|c| match c {
            serenity::ActionRowComponent::InputText(input) if input.custom_id == field => {
                input.value.clone()
            }
            _ => None,
        })
}

async fn run_component(
    http: &Arc<serenity::Http>,
    data: &Data,
    id: serenity::InteractionId,
    token: &str,
    request: Option<Request>,
) -> Result<(), Error> {
    let Some(request) = request else {
        return answer_component(
            http,
            &data.app.messages,
            id,
            token,
            vec![guild_only(&data.app.messages)],
        )
        .await;
    };
    let channel = ChannelRef {
        platform: "discord".into(),
        class_key: request.place.class_key.clone(),
        channel: request.place.channel.clone(),
    };
    let replies = match handle_soon(&data.engine, &data.app.messages, request).await {
        Ok(replies) => {
            let (later, replies): (Vec<Reply>, Vec<Reply>) =
                replies.into_iter().partition(goes_later);
            answer_component(http, &data.app.messages, id, token, replies).await?;
            later
        }
        Err(task) => {
            let defer = serenity::CreateInteractionResponse::Defer(
                serenity::CreateInteractionResponseMessage::new().ephemeral(true),
            );
            http.create_interaction_response(id, token, &defer, Vec::new())
                .await?;
            let replies = finished(&data.app.messages, task.await);
            let (later, replies): (Vec<Reply>, Vec<Reply>) =
                replies.into_iter().partition(goes_later);
            follow_up(http, &data.app.messages, token, replies).await?;
            later
        }
    };
    if !post_later(data, &channel, replies).await {
        let text = data.app.messages.text(&msg::DiscordPostFailed);
        follow_up(http, &data.app.messages, token, vec![Reply::private(text)]).await?;
    }
    Ok(())
}

/// Answers a button or form interaction: the first reply as the response, the rest as
/// follow-ups.
async fn answer_component(
    http: &Arc<serenity::Http>,
    messages: &crate::prompts::Prompts,
    id: serenity::InteractionId,
    token: &str,
    replies: Vec<Reply>,
) -> Result<(), Error> {
    let mut pieces = pieces_of(messages, replies).into_iter();
    let first = pieces.next().unwrap_or_else(|| Piece {
        text: messages.text(&msg::DiscordDone),
        ephemeral: true,
        reply: None,
    });
    let mut message = serenity::CreateInteractionResponseMessage::new()
        .content(first.text)
        .ephemeral(first.ephemeral)
        .allowed_mentions(no_mentions());
    if let Some(reply) = &first.reply {
        let rows = send::components(reply);
        if !rows.is_empty() {
            message = message.components(rows);
        }
    }
    let response = serenity::CreateInteractionResponse::Message(message);
    http.create_interaction_response(id, token, &response, Vec::new())
        .await?;
    for piece in pieces {
        send_follow_up(http, token, piece).await?;
    }
    Ok(())
}

async fn follow_up(
    http: &Arc<serenity::Http>,
    messages: &crate::prompts::Prompts,
    token: &str,
    replies: Vec<Reply>,
) -> Result<(), Error> {
    for piece in pieces_of(messages, replies) {
        send_follow_up(http, token, piece).await?;
    }
    Ok(())
}

async fn send_follow_up(
    http: &Arc<serenity::Http>,
    token: &str,
    piece: Piece,
) -> Result<(), Error> {
    let mut message = serenity::CreateInteractionResponseFollowup::new()
        .content(piece.text)
        .ephemeral(piece.ephemeral)
        .allowed_mentions(no_mentions());
    if let Some(reply) = &piece.reply {
        let rows = send::components(reply);
        if !rows.is_empty() {
            message = message.components(rows);
        }
    }
    http.create_followup_message(token, &message, Vec::new())
        .await?;
    Ok(())
}

/// One message-sized piece of a reply; `reply` is set on the last piece (buttons go there).
struct Piece {
    text: String,
    ephemeral: bool,
    reply: Option<Reply>,
}

fn pieces_of(messages: &crate::prompts::Prompts, replies: Vec<Reply>) -> Vec<Piece> {
    let mut out = Vec::new();
    for reply in replies {
        let ephemeral = reply.audience != Audience::Channel;
        let texts = split(&text_of(messages, &reply), MAX_CONTENT);
        let last = texts.len().saturating_sub(1);
        for (i, text) in texts.into_iter().enumerate() {
            out.push(Piece {
                text,
                ephemeral,
                reply: (i == last).then(|| reply.clone()),
            });
        }
    }
    out
}

async fn on_error(error: poise::FrameworkError<'_, Data, Error>) {
    match error {
        poise::FrameworkError::Setup { error, .. } => {
            tracing::error!(error = format!("{error:#}"), "the bot could not start");
        }
        poise::FrameworkError::Command { error, ctx, .. } => {
            tracing::error!(error = format!("{error:#}"), command = %ctx.command().qualified_name, "command failed");
            tell(ctx, &msg::PlayInternalError).await;
        }
        // Options that no longer match the command (Discord still shows an older version of
        // it after an update): say so in French, never stay silent.
        poise::FrameworkError::ArgumentParse { error, ctx, .. } => {
            tracing::warn!(error = %error, command = %ctx.command().qualified_name, "options not understood");
            tell(ctx, &msg::DiscordOutdated).await;
        }
        poise::FrameworkError::CommandStructureMismatch {
            description, ctx, ..
        } => {
            tracing::warn!(description, command = %ctx.command().qualified_name, "command structure mismatch");
            tell(poise::Context::Application(ctx), &msg::DiscordOutdated).await;
        }
        poise::FrameworkError::UnknownInteraction {
            framework,
            interaction,
            ..
        } => {
            tracing::warn!(command = %interaction.data.name, "unknown command");
            let text = framework.user_data.app.messages.text(&msg::DiscordOutdated);
            let response = serenity::CreateInteractionResponse::Message(
                serenity::CreateInteractionResponseMessage::new()
                    .content(text)
                    .ephemeral(true)
                    .allowed_mentions(no_mentions()),
            );
            if let Err(e) = interaction
                .create_response(&framework.serenity_context.http, response)
                .await
            {
                tracing::warn!(error = %e, "error message not sent");
            }
        }
        other => {
            if let Err(e) = poise::builtins::on_error(other).await {
                tracing::warn!(error = %e, "error while handling an error");
            }
        }
    }
}

/// Answers a failed or outdated command with `text`, privately.
async fn tell(ctx: Ctx<'_>, text: &(dyn msg::Text + Sync)) {
    let text = ctx.data().app.messages.text(text);
    let reply = poise::CreateReply::default()
        .content(text)
        .ephemeral(true)
        .allowed_mentions(no_mentions());
    if let Err(e) = ctx.send(reply).await {
        tracing::warn!(error = %e, "error message not sent");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A request task that panicked is answered « Oups… rien n’a été compté », privately; a
    /// request that ended gives its own replies.
    #[tokio::test]
    async fn a_failed_request_task_is_answered_as_an_internal_error() {
        let app = crate::App::load(&crate::Paths::under(std::path::Path::new(env!(
            "CARGO_MANIFEST_DIR"
        ))))
        .expect("bundled app");
        let task = tokio::spawn(async { panic!("a bug in the engine (test)") });
        let replies = finished(&app.messages, task.await);
        assert_eq!(replies.len(), 1);
        assert_eq!(replies[0].audience, Audience::Private);
        assert_eq!(replies[0].text, app.messages.text(&msg::PlayInternalError));
        assert_ne!(replies[0].text, app.messages.text(&msg::DiscordDone));
        let ok = tokio::spawn(async { vec![Reply::private("17,76 %".to_string())] });
        let replies = finished(&app.messages, ok.await);
        assert_eq!(replies[0].text, "17,76 %");
    }

    #[test]
    fn every_command_and_option_has_a_french_description_discord_accepts() {
        let app = crate::App::load(&crate::Paths::under(std::path::Path::new(env!(
            "CARGO_MANIFEST_DIR"
        ))))
        .expect("bundled app");
        let mut commands = commands::all();
        describe(&mut commands, &app.messages);
        fn check(c: &poise::Command<Data, Error>, path: &str) {
            let name = format!("{path}{}", c.name);
            let d = c.description.as_deref().unwrap_or("");
            assert!(!d.is_empty() && d.chars().count() <= 100, "{name}: {d:?}");
            assert!(
                c.name.len() <= 32
                    && c.name
                        .chars()
                        .all(|ch| ch.is_lowercase() || ch == '-' || ch.is_ascii_digit()),
                "{name}"
            );
            for p in &c.parameters {
                let d = p.description.as_deref().unwrap_or("");
                assert!(
                    !d.is_empty() && d.chars().count() <= 100,
                    "{name} {}: {d:?}",
                    p.name
                );
            }
            for s in &c.subcommands {
                check(s, &format!("{name} "));
            }
        }
        for c in &commands {
            check(c, "");
        }
    }

    #[test]
    fn the_token_never_shows_in_debug_output() {
        let config = DiscordConfig {
            token: Token::new("secret-token-123"),
            api_base: None,
            dev_guild: None,
        };
        assert!(!format!("{config:?}").contains("secret-token-123"));
    }
}
