//! Tests of the fake Discord itself (no casebot code): a real serenity client against it, the
//! routes serenity uses, the interaction rules, and the request checks.

use crate::fake_discord::openapi::{check_all, check_limits, Spec};
use crate::fake_discord::{
    autocomplete, button_click, command_id, interaction_token, modal_submit, select_menu,
    slash_command, FakeDiscord, Member, Recorded, Thread,
};
use serde_json::{json, Value};
use serenity::all::{
    ActionRowComponent, ApplicationId, AutoArchiveDuration, AutocompleteChoice, ChannelId,
    ChannelType, Client, ClientBuilder, Command, ComponentInteractionDataKind, ComponentType,
    Context, CreateActionRow, CreateAllowedMentions, CreateAttachment, CreateAutocompleteResponse,
    CreateButton, CreateCommand, CreateCommandOption, CreateEmbed, CreateInputText,
    CreateInteractionResponse, CreateInteractionResponseFollowup, CreateInteractionResponseMessage,
    CreateMessage, CreateModal, CreateSelectMenu, CreateSelectMenuKind, CreateSelectMenuOption,
    CreateThread, EditInteractionResponse, EditMessage, EventHandler, GatewayIntents, GetMessages,
    GuildId, HttpBuilder, InputTextStyle, Interaction, MessageFlags, MessageId, Permissions, Ready,
    ShardManager, UserId,
};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::mpsc;

const GUILD: u64 = 900_000_000_000_000_001;
const CHANNEL: u64 = 900_000_000_000_000_002;
const WAIT: Duration = Duration::from_secs(5);

fn alice() -> Member {
    Member::new(910_000_000_000_000_001, "alice")
}

fn prof() -> Member {
    Member::new(910_000_000_000_000_002, "prof")
        .with_roles(&[920_000_000_000_000_001])
        .with_permissions(Member::MANAGE_GUILD | 1 << 10 | 1 << 11)
}

fn no_mentions() -> CreateAllowedMentions {
    CreateAllowedMentions::new()
}

/// What the test handler saw or did.
#[derive(Debug)]
enum Seen {
    Ready {
        user: u64,
        app: Option<u64>,
    },
    Command {
        name: String,
        user: u64,
        options: usize,
    },
    Component {
        custom_id: String,
        message: u64,
        /// The values chosen, for a string select menu.
        values: Option<Vec<String>>,
    },
    Modal {
        custom_id: String,
        values: Vec<(String, String)>,
    },
    Autocomplete {
        name: String,
    },
    /// The result of the handler's REST calls for one interaction.
    Done {
        what: String,
        result: Result<(), String>,
    },
}

struct Handler {
    tx: mpsc::UnboundedSender<Seen>,
}

fn err(e: serenity::Error) -> String {
    e.to_string()
}

#[serenity::async_trait]
impl EventHandler for Handler {
    async fn ready(&self, ctx: Context, ready: Ready) {
        let _ = self.tx.send(Seen::Ready {
            user: ready.user.id.get(),
            app: ctx.http.application_id().map(ApplicationId::get),
        });
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        let http = &ctx.http;
        match interaction {
            Interaction::Command(cmd) => {
                let _ = self.tx.send(Seen::Command {
                    name: cmd.data.name.clone(),
                    user: cmd.user.id.get(),
                    options: cmd.data.options.len(),
                });
                let name = cmd.data.name.clone();
                let result = match name.as_str() {
                    "form" => {
                        let modal = CreateModal::new("form", "Ta réponse").components(vec![
                            CreateActionRow::InputText(
                                CreateInputText::new(InputTextStyle::Short, "Réponse", "answer")
                                    .placeholder("17,76 %"),
                            ),
                        ]);
                        cmd.create_response(http, CreateInteractionResponse::Modal(modal))
                            .await
                            .map_err(err)
                    }
                    "defer" => async {
                        let defer = CreateInteractionResponseMessage::new().ephemeral(true);
                        cmd.create_response(http, CreateInteractionResponse::Defer(defer))
                            .await?;
                        let edit = EditInteractionResponse::new()
                            .content("Fini.")
                            .allowed_mentions(no_mentions());
                        let m = cmd.edit_response(http, edit).await?;
                        assert_eq!(m.content, "Fini.");
                        Ok::<(), serenity::Error>(())
                    }
                    .await
                    .map_err(err),
                    _ => async {
                        let reply = CreateInteractionResponseMessage::new()
                            .content("pong, <@123> é")
                            .ephemeral(true)
                            .allowed_mentions(no_mentions())
                            .button(CreateButton::new("next").label("Suivante"));
                        cmd.create_response(http, CreateInteractionResponse::Message(reply))
                            .await?;
                        let follow = CreateInteractionResponseFollowup::new()
                            .content("suite")
                            .embed(CreateEmbed::new().title("Annexe 1").field(
                                "CA",
                                "1 940 €",
                                true,
                            ))
                            .allowed_mentions(no_mentions());
                        let m = cmd.create_followup(http, follow).await?;
                        assert_eq!(m.content, "suite");
                        assert_eq!(m.embeds.len(), 1);
                        let edit = EditInteractionResponse::new()
                            .content("pong édité")
                            .allowed_mentions(no_mentions());
                        let m = cmd.edit_response(http, edit).await?;
                        assert_eq!(m.content, "pong édité");
                        let original = cmd.get_response(http).await?;
                        assert_eq!(original.content, "pong édité");
                        Ok::<(), serenity::Error>(())
                    }
                    .await
                    .map_err(err),
                };
                let _ = self.tx.send(Seen::Done { what: name, result });
            }
            Interaction::Component(c) => {
                let custom_id = c.data.custom_id.clone();
                let values = match &c.data.kind {
                    ComponentInteractionDataKind::StringSelect { values } => Some(values.clone()),
                    _ => None,
                };
                let _ = self.tx.send(Seen::Component {
                    custom_id: custom_id.clone(),
                    message: c.message.id.get(),
                    values,
                });
                let response = match custom_id.as_str() {
                    "open-form" => CreateInteractionResponse::Modal(
                        CreateModal::new("form", "Ta réponse").components(vec![
                            CreateActionRow::InputText(CreateInputText::new(
                                InputTextStyle::Paragraph,
                                "Réponse",
                                "answer",
                            )),
                        ]),
                    ),
                    "ack" => CreateInteractionResponse::Acknowledge,
                    _ => CreateInteractionResponse::UpdateMessage(
                        CreateInteractionResponseMessage::new()
                            .content("Question suivante")
                            .allowed_mentions(no_mentions())
                            .button(CreateButton::new("ack").label("OK")),
                    ),
                };
                let result = c.create_response(http, response).await.map_err(err);
                let _ = self.tx.send(Seen::Done {
                    what: custom_id,
                    result,
                });
            }
            Interaction::Modal(m) => {
                let values = m
                    .data
                    .components
                    .iter()
                    .flat_map(|row| row.components.iter())
                    .filter_map(|c| match c {
                        serenity::all::ActionRowComponent::InputText(t) => {
                            Some((t.custom_id.clone(), t.value.clone().unwrap_or_default()))
                        }
                        _ => None,
                    })
                    .collect::<Vec<_>>();
                let _ = self.tx.send(Seen::Modal {
                    custom_id: m.data.custom_id.clone(),
                    values: values.clone(),
                });
                let reply = CreateInteractionResponseMessage::new()
                    .content(format!("Reçu : {}", values[0].1))
                    .ephemeral(true)
                    .allowed_mentions(no_mentions());
                let result = m
                    .create_response(http, CreateInteractionResponse::Message(reply))
                    .await
                    .map_err(err);
                let _ = self.tx.send(Seen::Done {
                    what: "modal".into(),
                    result,
                });
            }
            Interaction::Autocomplete(a) => {
                let _ = self.tx.send(Seen::Autocomplete {
                    name: a.data.name.clone(),
                });
                let choices = CreateAutocompleteResponse::new()
                    .set_choices(vec![AutocompleteChoice::new("Dossier 1", "1")]);
                let result = a
                    .create_response(http, CreateInteractionResponse::Autocomplete(choices))
                    .await
                    .map_err(err);
                let _ = self.tx.send(Seen::Done {
                    what: "autocomplete".into(),
                    result,
                });
            }
            _ => {}
        }
    }
}

/// A serenity client connected to the fake, with what its handler sees.
struct Bot {
    rx: mpsc::UnboundedReceiver<Seen>,
    shards: Arc<ShardManager>,
    task: tokio::task::JoinHandle<()>,
}

impl Bot {
    async fn start(fake: &FakeDiscord) -> Bot {
        let http = HttpBuilder::new("fake-token")
            .proxy(fake.base_url())
            .ratelimiter_disabled(true)
            .build();
        let (tx, rx) = mpsc::unbounded_channel();
        let mut client: Client =
            ClientBuilder::new_with_http(http, GatewayIntents::non_privileged())
                .event_handler(Handler { tx })
                .await
                .expect("a serenity client");
        let shards = Arc::clone(&client.shard_manager);
        let task = tokio::spawn(async move {
            let _ = client.start().await;
        });
        Bot { rx, shards, task }
    }

    async fn next(&mut self) -> Seen {
        match tokio::time::timeout(WAIT, self.rx.recv()).await {
            Ok(Some(seen)) => seen,
            other => panic!("the handler saw nothing within {WAIT:?}: {other:?}"),
        }
    }

    /// The handler's result for the interaction it is answering (events before are skipped).
    async fn done(&mut self) -> (String, Result<(), String>) {
        loop {
            if let Seen::Done { what, result } = self.next().await {
                return (what, result);
            }
        }
    }

    async fn stop(self, fake: &FakeDiscord) {
        let _ = tokio::time::timeout(Duration::from_secs(3), self.shards.shutdown_all()).await;
        self.task.abort();
        fake.shutdown().await;
    }
}

async fn connected(fake: &FakeDiscord) -> Bot {
    let mut bot = Bot::start(fake).await;
    assert!(fake.wait_ready(WAIT).await, "no READY within {WAIT:?}");
    match bot.next().await {
        Seen::Ready { user, app } => {
            assert_eq!(user, FakeDiscord::BOT_USER_ID);
            assert_eq!(
                app,
                Some(FakeDiscord::APP_ID),
                "READY sets the application id"
            );
        }
        other => panic!("expected READY first, saw {other:?}"),
    }
    bot
}

fn is_callback(id: u64) -> impl Fn(&Recorded) -> bool {
    move |r| r.method == "POST" && r.path == format!("/interactions/{id}/tok-{id}/callback")
}

/// Every recorded body passes the schema (when the spec is here) and the limits.
fn assert_all_valid(fake: &FakeDiscord) {
    let spec = Spec::load();
    if let Err(report) = check_all(spec.as_ref(), &fake.requests()) {
        panic!("{report}");
    }
}

#[tokio::test]
async fn fake_discord_serenity_client_gets_ready_and_answers_a_slash_command() {
    let fake = FakeDiscord::start().await;
    let mut bot = connected(&fake).await;
    assert_eq!((fake.connections(), fake.identifies()), (1, 1));

    let options = json!([{"name": "dossier", "type": 4, "value": 1}]);
    fake.dispatch(
        "INTERACTION_CREATE",
        slash_command(101, GUILD, CHANNEL, &alice(), "ping", options),
    )
    .await;
    match bot.next().await {
        Seen::Command {
            name,
            user,
            options,
        } => {
            assert_eq!(name, "ping");
            assert_eq!(user, alice().user_id);
            assert_eq!(options, 1);
        }
        other => panic!("expected the command, saw {other:?}"),
    }
    let (_, result) = bot.done().await;
    result.expect("the handler's create_response, create_followup, edit_response, get_response");

    let callback = fake
        .wait_for(is_callback(101), WAIT)
        .await
        .expect("the callback");
    let body = callback.json.clone().expect("a JSON body");
    assert_eq!(body["type"], 4);
    assert_eq!(body["data"]["flags"], 64, "ephemeral");
    if let Some(spec) = Spec::load() {
        spec.validate("POST", &callback.path, &body)
            .expect("a type-4 callback is valid");
    }
    check_limits("POST", &callback.path, &body).expect("within limits");

    let app = FakeDiscord::APP_ID;
    let token = interaction_token(101);
    assert!(fake
        .wait_for(
            |r| r.method == "POST" && r.path == format!("/webhooks/{app}/{token}"),
            WAIT
        )
        .await
        .is_some());
    assert!(fake
        .wait_for(
            |r| r.method == "PATCH"
                && r.path == format!("/webhooks/{app}/{token}/messages/@original"),
            WAIT
        )
        .await
        .is_some());
    assert_all_valid(&fake);

    // A deferral, then the edit of the deferred answer.
    fake.dispatch(
        "INTERACTION_CREATE",
        slash_command(102, GUILD, CHANNEL, &alice(), "defer", json!([])),
    )
    .await;
    let (_, result) = bot.done().await;
    result.expect("defer then edit");
    let defer = fake.wait_for(is_callback(102), WAIT).await.expect("defer");
    assert_eq!(defer.json.as_ref().unwrap()["type"], 5);
    assert_all_valid(&fake);

    // Autocomplete (type 4 interaction, type 8 callback).
    let focused = json!([{"name": "dossier", "type": 3, "value": "1", "focused": true}]);
    fake.dispatch(
        "INTERACTION_CREATE",
        autocomplete(103, GUILD, CHANNEL, &alice(), "entrainement", focused),
    )
    .await;
    match bot.next().await {
        Seen::Autocomplete { name } => assert_eq!(name, "entrainement"),
        other => panic!("expected the autocomplete, saw {other:?}"),
    }
    let (_, result) = bot.done().await;
    result.expect("autocomplete answer");
    let answer = fake.wait_for(is_callback(103), WAIT).await.expect("type 8");
    assert_eq!(answer.json.as_ref().unwrap()["type"], 8);
    assert_all_valid(&fake);

    // Heartbeats (every second) are acknowledged: the client keeps its one connection.
    let start = Instant::now();
    while fake.heartbeats() < 2 && start.elapsed() < WAIT {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(fake.heartbeats() >= 2, "serenity heartbeats");
    assert_eq!(
        fake.connections(),
        1,
        "acknowledged heartbeats keep the connection"
    );
    bot.stop(&fake).await;
}

#[tokio::test]
async fn fake_discord_buttons_and_modals_reach_serenity_and_their_answers_validate() {
    let fake = FakeDiscord::start().await;
    let mut bot = connected(&fake).await;

    // A slash command whose answer holds a button; the click carries that very message.
    fake.dispatch(
        "INTERACTION_CREATE",
        slash_command(201, GUILD, CHANNEL, &prof(), "ping", json!([])),
    )
    .await;
    bot.done().await.1.expect("reply with a button");
    let message = fake
        .message_with_component("next")
        .expect("the answer's message");
    let mut click = button_click(202, GUILD, CHANNEL, &alice(), "next");
    click["message"] = message.clone();
    fake.dispatch("INTERACTION_CREATE", click).await;
    match bot.next().await {
        Seen::Component {
            custom_id,
            message: id,
            values,
        } => {
            assert_eq!(custom_id, "next");
            assert_eq!(values, None, "a button click has no values");
            assert_eq!(Some(id.to_string().as_str()), message["id"].as_str());
        }
        other => panic!("expected the click, saw {other:?}"),
    }
    bot.done().await.1.expect("type 7 update");
    let update = fake.wait_for(is_callback(202), WAIT).await.expect("type 7");
    assert_eq!(update.json.as_ref().unwrap()["type"], 7);
    let id: u64 = message["id"].as_str().unwrap().parse().unwrap();
    assert_eq!(fake.message(id).unwrap()["content"], "Question suivante");

    // type 6: acknowledge a click without changing anything.
    fake.dispatch(
        "INTERACTION_CREATE",
        button_click(203, GUILD, CHANNEL, &alice(), "ack"),
    )
    .await;
    bot.done().await.1.expect("type 6");

    // A button opening a modal (type 9), then its submission.
    fake.dispatch(
        "INTERACTION_CREATE",
        button_click(204, GUILD, CHANNEL, &alice(), "open-form"),
    )
    .await;
    bot.done().await.1.expect("type 9");
    let modal = fake.wait_for(is_callback(204), WAIT).await.expect("modal");
    let body = modal.json.clone().unwrap();
    assert_eq!(body["type"], 9);
    if let Some(spec) = Spec::load() {
        spec.validate("POST", &modal.path, &body)
            .expect("a type-9 modal is valid");
    }
    fake.dispatch(
        "INTERACTION_CREATE",
        modal_submit(
            205,
            GUILD,
            CHANNEL,
            &alice(),
            "form",
            &[("answer", "17,76 %")],
        ),
    )
    .await;
    match bot.next().await {
        Seen::Modal { custom_id, values } => {
            assert_eq!(custom_id, "form");
            assert_eq!(values, vec![("answer".to_string(), "17,76 %".to_string())]);
        }
        other => panic!("expected the modal, saw {other:?}"),
    }
    bot.done().await.1.expect("answer to the modal");

    // A slash command answered by a modal.
    fake.dispatch(
        "INTERACTION_CREATE",
        slash_command(206, GUILD, CHANNEL, &alice(), "form", json!([])),
    )
    .await;
    bot.done().await.1.expect("modal from a command");

    // In a DM (guild 0): `user` instead of `member`.
    fake.dispatch(
        "INTERACTION_CREATE",
        slash_command(
            207,
            0,
            930_000_000_000_000_001,
            &alice(),
            "defer",
            json!([]),
        ),
    )
    .await;
    match bot.next().await {
        Seen::Command { user, .. } => assert_eq!(user, alice().user_id),
        other => panic!("expected the DM command, saw {other:?}"),
    }
    bot.done().await.1.expect("DM command answered");
    assert_all_valid(&fake);
    bot.stop(&fake).await;
}

#[tokio::test]
async fn fake_discord_select_menus_reach_serenity_as_string_selects() {
    // The payload alone: serenity's `Interaction` reads it, in a guild and in a DM.
    for guild in [GUILD, 0] {
        let payload = select_menu(801, guild, CHANNEL, &alice(), "dossier", &["2", "3"]);
        let Ok(Interaction::Component(c)) = serde_json::from_value::<Interaction>(payload) else {
            panic!("serenity reads a select_menu payload as a component interaction");
        };
        assert_eq!(c.data.custom_id, "dossier");
        assert_eq!(c.guild_id.map(GuildId::get), (guild != 0).then_some(guild));
        match &c.data.kind {
            ComponentInteractionDataKind::StringSelect { values } => {
                assert_eq!(values, &["2", "3"])
            }
            other => panic!("expected a string select, got {other:?}"),
        }
        assert_eq!(c.message.id.get(), 801 + 1_000_000_000);
        match &c.message.components[0].components[0] {
            ActionRowComponent::SelectMenu(menu) => {
                assert_eq!(menu.kind, ComponentType::StringSelect);
                assert_eq!(menu.custom_id.as_deref(), Some("dossier"));
                let values: Vec<&str> = menu.options.iter().map(|o| o.value.as_str()).collect();
                assert_eq!(values, ["2", "3"], "one option per value");
            }
            other => panic!("expected the select menu, got {other:?}"),
        }
    }
    // Nothing chosen (a menu with `min_values` 0).
    let payload = select_menu(802, GUILD, CHANNEL, &alice(), "dossier", &[]);
    match serde_json::from_value::<Interaction>(payload) {
        Ok(Interaction::Component(c)) => assert!(matches!(
            &c.data.kind,
            ComponentInteractionDataKind::StringSelect { values } if values.is_empty()
        )),
        other => panic!("expected a component interaction, got {other:?}"),
    }

    // Through the gateway, carrying the message the bot sent with that menu.
    let fake = FakeDiscord::start().await;
    let mut bot = connected(&fake).await;
    let http = HttpBuilder::new("fake-token")
        .proxy(fake.base_url())
        .ratelimiter_disabled(true)
        .build();
    let options = vec![
        CreateSelectMenuOption::new("Dossier 1", "1"),
        CreateSelectMenuOption::new("Dossier 2", "2"),
        CreateSelectMenuOption::new("Dossier 3", "3"),
    ];
    let menu = CreateSelectMenu::new("dossier", CreateSelectMenuKind::String { options })
        .placeholder("Choisis un dossier")
        .max_values(3);
    let sent = ChannelId::new(CHANNEL)
        .send_message(
            &http,
            CreateMessage::new()
                .content("Quel dossier ?")
                .select_menu(menu)
                .allowed_mentions(no_mentions()),
        )
        .await
        .unwrap();
    let message = fake
        .message_with_component("dossier")
        .expect("a select menu in an action row is found");
    assert_eq!(message["id"], sent.id.to_string());
    assert!(
        fake.message_with_component("Dossier 1").is_none(),
        "labels are not ids"
    );
    let mut choice = select_menu(803, GUILD, CHANNEL, &alice(), "dossier", &["1", "3"]);
    choice["message"] = message;
    fake.dispatch("INTERACTION_CREATE", choice).await;
    match bot.next().await {
        Seen::Component {
            custom_id,
            message,
            values,
        } => {
            assert_eq!(custom_id, "dossier");
            assert_eq!(message, sent.id.get());
            assert_eq!(values, Some(vec!["1".to_string(), "3".to_string()]));
        }
        other => panic!("expected the choice, saw {other:?}"),
    }
    bot.done().await.1.expect("type 7 update");
    let update = fake.wait_for(is_callback(803), WAIT).await.expect("type 7");
    assert_eq!(update.json.as_ref().unwrap()["type"], 7);
    assert_eq!(
        fake.message(sent.id.get()).unwrap()["content"],
        "Question suivante",
        "the update edits the menu's message"
    );

    // With its placeholder message.
    fake.dispatch(
        "INTERACTION_CREATE",
        select_menu(804, GUILD, CHANNEL, &alice(), "ack", &["x"]),
    )
    .await;
    match bot.next().await {
        Seen::Component {
            message, values, ..
        } => {
            assert_eq!(message, 804 + 1_000_000_000);
            assert_eq!(values, Some(vec!["x".to_string()]));
        }
        other => panic!("expected the choice, saw {other:?}"),
    }
    bot.done().await.1.expect("type 6");
    assert_all_valid(&fake);
    bot.stop(&fake).await;
}

#[tokio::test]
async fn fake_discord_client_comes_back_after_drop_connection() {
    let fake = FakeDiscord::start().await;
    let mut bot = connected(&fake).await;
    fake.dispatch(
        "INTERACTION_CREATE",
        slash_command(301, GUILD, CHANNEL, &alice(), "defer", json!([])),
    )
    .await;
    bot.done().await.1.expect("before the drop");

    fake.drop_connection().await;
    // Dispatched while the client is away: delivered once it is back.
    fake.dispatch(
        "INTERACTION_CREATE",
        slash_command(302, GUILD, CHANNEL, &alice(), "defer", json!([])),
    )
    .await;
    assert!(
        fake.wait_ready(Duration::from_secs(10)).await,
        "no comeback"
    );
    assert_eq!(fake.connections(), 2);
    assert_eq!(
        (fake.resumes(), fake.identifies()),
        (1, 1),
        "serenity resumes its session"
    );
    bot.done().await.1.expect("the interaction sent while away");
    assert!(fake.wait_for(is_callback(302), WAIT).await.is_some());

    fake.dispatch(
        "INTERACTION_CREATE",
        slash_command(303, GUILD, CHANNEL, &alice(), "defer", json!([])),
    )
    .await;
    bot.done().await.1.expect("after the comeback");
    assert!(fake.wait_for(is_callback(303), WAIT).await.is_some());
    assert_all_valid(&fake);
    bot.stop(&fake).await;
}

#[tokio::test]
async fn fake_discord_answers_the_routes_serenity_uses_with_objects_it_reads() {
    let fake = FakeDiscord::start().await;
    let http = HttpBuilder::new("fake-token")
        .proxy(fake.base_url())
        .ratelimiter_disabled(true)
        .application_id(ApplicationId::new(FakeDiscord::APP_ID))
        .build();

    assert_eq!(
        http.get_gateway().await.unwrap().url,
        fake.base_url().replace("http", "ws")
    );
    assert_eq!(
        http.get_current_user().await.unwrap().id.get(),
        FakeDiscord::BOT_USER_ID
    );
    let app = http.get_current_application_info().await.unwrap();
    assert_eq!(app.id.get(), FakeDiscord::APP_ID);
    assert_eq!(app.owner.unwrap().id.get(), FakeDiscord::OWNER_USER_ID);

    // DMs: the same channel for the same user.
    let dm = UserId::new(alice().user_id)
        .create_dm_channel(&http)
        .await
        .unwrap();
    assert_eq!(dm.recipient.id.get(), alice().user_id);
    assert_eq!(fake.dm_channel_of(alice().user_id), Some(dm.id.get()));
    let again = UserId::new(alice().user_id)
        .create_dm_channel(&http)
        .await
        .unwrap();
    assert_eq!(again.id, dm.id);

    // A message with an embed, a button and a file (multipart with payload_json).
    let channel = ChannelId::new(CHANNEL);
    let message = CreateMessage::new()
        .content("Résultats")
        .embed(
            CreateEmbed::new()
                .title("Classement")
                .description("1. alice"),
        )
        .button(CreateButton::new("board:next").label("Suite"))
        .add_file(CreateAttachment::bytes(
            b"nom;points\nalice;3\n".to_vec(),
            "export.csv",
        ))
        .allowed_mentions(no_mentions());
    let sent = channel.send_message(&http, message).await.unwrap();
    assert_eq!(sent.content, "Résultats");
    assert_eq!(sent.author.id.get(), FakeDiscord::BOT_USER_ID);
    assert_eq!(sent.attachments[0].filename, "export.csv");
    assert_eq!(sent.embeds[0].title.as_deref(), Some("Classement"));
    assert_eq!(sent.components.len(), 1);
    let recorded = fake
        .wait_for(
            |r| r.method == "POST" && r.path == format!("/channels/{CHANNEL}/messages"),
            WAIT,
        )
        .await
        .unwrap();
    assert_eq!(
        recorded.files,
        vec![("export.csv".to_string(), b"nom;points\nalice;3\n".to_vec())]
    );
    assert_eq!(recorded.json.as_ref().unwrap()["content"], "Résultats");

    let edited = channel
        .edit_message(
            &http,
            sent.id,
            EditMessage::new()
                .content("Résultats (fin)")
                .allowed_mentions(no_mentions()),
        )
        .await
        .unwrap();
    assert_eq!(edited.content, "Résultats (fin)");
    assert!(edited.edited_timestamp.is_some());
    dm.id
        .send_message(
            &http,
            CreateMessage::new()
                .content("Ton bilan")
                .allowed_mentions(no_mentions()),
        )
        .await
        .unwrap();

    // Command registration: global and per guild, echoed with the ids slash_command uses.
    let commands = vec![
        CreateCommand::new("quiz")
            .description("Quiz chronométré")
            .default_member_permissions(Permissions::MANAGE_GUILD)
            .add_option(CreateCommandOption::new(
                serenity::all::CommandOptionType::SubCommand,
                "lancer",
                "Lance un quiz",
            )),
        CreateCommand::new("repondre")
            .description("Répondre")
            .add_option(
                CreateCommandOption::new(
                    serenity::all::CommandOptionType::String,
                    "reponse",
                    "Ta réponse",
                )
                .required(true),
            ),
    ];
    let global = Command::set_global_commands(&http, commands.clone())
        .await
        .unwrap();
    assert_eq!(global.len(), 2);
    assert_eq!(global[0].id.get(), command_id("quiz"));
    let local = GuildId::new(GUILD)
        .set_commands(&http, commands)
        .await
        .unwrap();
    assert_eq!(local[1].name, "repondre");

    // A channel seen in an interaction can be fetched.
    fake.dispatch(
        "INTERACTION_CREATE",
        slash_command(401, GUILD, CHANNEL, &alice(), "ping", json!([])),
    )
    .await;
    let fetched = channel.to_channel(&http).await.unwrap();
    assert_eq!(fetched.guild().unwrap().guild_id.get(), GUILD);

    // Sends fail while asked to.
    fake.fail_channel_messages(true);
    let failed = channel
        .send_message(
            &http,
            CreateMessage::new()
                .content("x")
                .allowed_mentions(no_mentions()),
        )
        .await;
    assert!(failed.is_err(), "500 while failing");
    fake.fail_channel_messages(false);
    channel
        .send_message(
            &http,
            CreateMessage::new()
                .content("y")
                .allowed_mentions(no_mentions()),
        )
        .await
        .unwrap();

    // Unknown routes: 404, recorded.
    assert!(http.get_guild(GuildId::new(GUILD)).await.is_err());
    assert!(fake
        .requests()
        .iter()
        .any(|r| r.path == format!("/guilds/{GUILD}")));

    // Queries arrive without serenity's leading `&`; the channel's messages, newest first.
    let history = channel
        .messages(&http, GetMessages::new().limit(2))
        .await
        .unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].content, "y");
    let listed = fake.requests().pop().unwrap();
    assert_eq!(
        (listed.method.as_str(), listed.query.as_str()),
        ("GET", "limit=2")
    );
    assert_all_valid(&fake);
    fake.shutdown().await;
}

#[tokio::test]
async fn fake_discord_enforces_discords_interaction_rules() {
    let fake = FakeDiscord::start().await;
    let http = HttpBuilder::new("fake-token")
        .proxy(fake.base_url())
        .ratelimiter_disabled(true)
        .application_id(ApplicationId::new(FakeDiscord::APP_ID))
        .build();
    let reply = || {
        CreateInteractionResponse::Message(
            CreateInteractionResponseMessage::new()
                .content("ok")
                .allowed_mentions(no_mentions()),
        )
    };
    let id = serenity::all::InteractionId::new;

    // Never dispatched: unknown interaction.
    let unknown = http
        .create_interaction_response(id(501), &interaction_token(501), &reply(), vec![])
        .await;
    assert!(unknown.is_err());

    // Dispatched (no client connected: it waits), answered once, not twice.
    fake.dispatch(
        "INTERACTION_CREATE",
        slash_command(502, GUILD, CHANNEL, &alice(), "ping", json!([])),
    )
    .await;
    let token = interaction_token(502);
    let early = http
        .create_followup_message(&token, &json!({"content": "trop tôt"}), vec![])
        .await;
    assert!(early.is_err(), "a follow-up before the callback is refused");
    assert!(http
        .create_interaction_response(id(502), "wrong-token", &reply(), vec![])
        .await
        .is_err());
    http.create_interaction_response(id(502), &token, &reply(), vec![])
        .await
        .expect("first callback");
    let twice = http
        .create_interaction_response(id(502), &token, &reply(), vec![])
        .await;
    assert!(twice.is_err(), "a second callback is refused");
    let original = http
        .get_original_interaction_response(&token)
        .await
        .unwrap();
    assert_eq!(original.content, "ok");
    fake.shutdown().await;
}

/// The HTTP status, Discord's error code and the form error paths of a failed REST call.
fn discord_error<T: std::fmt::Debug>(result: serenity::Result<T>) -> (u16, isize, Vec<String>) {
    match result {
        Err(serenity::Error::Http(serenity::http::HttpError::UnsuccessfulRequest(e))) => (
            e.status_code.as_u16(),
            e.error.code,
            e.error.errors.iter().map(|f| f.path.clone()).collect(),
        ),
        other => panic!("expected an error answer from Discord, got {other:?}"),
    }
}

#[tokio::test]
async fn fake_discord_starts_threads_from_messages_like_discord() {
    let fake = FakeDiscord::start().await;
    let http = HttpBuilder::new("fake-token")
        .proxy(fake.base_url())
        .ratelimiter_disabled(true)
        .application_id(ApplicationId::new(FakeDiscord::APP_ID))
        .build();
    let spec = Spec::load();
    let quiet = |text: &str| {
        CreateMessage::new()
            .content(text)
            .allowed_mentions(no_mentions())
    };
    let channel = ChannelId::new(CHANNEL);
    // The channel's guild is known from an interaction in it.
    fake.dispatch(
        "INTERACTION_CREATE",
        slash_command(701, GUILD, CHANNEL, &alice(), "ping", json!([])),
    )
    .await;
    let start = channel
        .send_message(&http, quiet("Dossier 3 : vos questions"))
        .await
        .unwrap();

    let name = "Dossier 3 — questions";
    let thread = channel
        .create_thread_from_message(
            &http,
            start.id,
            CreateThread::new(name).auto_archive_duration(AutoArchiveDuration::OneHour),
        )
        .await
        .expect("a GuildChannel serenity reads");
    assert_eq!(
        thread.id.get(),
        start.id.get(),
        "the thread takes the message's id"
    );
    assert_eq!(thread.kind, ChannelType::PublicThread);
    assert_eq!(thread.guild_id.get(), GUILD);
    assert_eq!(thread.parent_id, Some(channel));
    assert_eq!(thread.name, name);
    assert_eq!(
        thread.owner_id.map(UserId::get),
        Some(FakeDiscord::BOT_USER_ID)
    );
    assert_eq!(
        (thread.member_count, thread.message_count),
        (Some(1), Some(0))
    );
    assert_eq!(thread.rate_limit_per_user, Some(0));
    assert!(thread.flags.is_empty());
    let meta = thread.thread_metadata.expect("thread_metadata");
    assert!(!meta.archived && !meta.locked);
    assert_eq!(meta.auto_archive_duration, AutoArchiveDuration::OneHour);
    assert!(meta.archive_timestamp.is_some());
    assert_eq!(
        fake.threads(),
        vec![Thread {
            id: start.id.get(),
            parent_id: CHANNEL,
            message_id: start.id.get(),
            name: name.to_string(),
        }]
    );
    let created = fake.requests().pop().unwrap();
    let path = format!("/channels/{CHANNEL}/messages/{}/threads", start.id);
    assert_eq!(
        (created.method.as_str(), created.path.as_str()),
        ("POST", path.as_str())
    );
    assert_eq!(
        created.json.as_ref().unwrap(),
        &json!({"name": name, "auto_archive_duration": 60})
    );
    if let Some(spec) = &spec {
        assert_eq!(
            spec.operation("POST", &path),
            Some("/channels/{channel_id}/messages/{message_id}/threads")
        );
        spec.validate("POST", &path, created.json.as_ref().unwrap())
            .expect("serenity's body is valid");
    }

    // The message carries its thread (Discord's ThreadResponse) and the HAS_THREAD flag.
    let starter = channel.message(&http, start.id).await.unwrap();
    assert_eq!(starter.thread.as_ref().map(|t| t.id), Some(thread.id));
    assert!(starter
        .flags
        .is_some_and(|f| f.contains(MessageFlags::HAS_THREAD)));
    if let Some(spec) = &spec {
        let raw = fake.message(start.id.get()).unwrap();
        spec.validate_schema("ThreadResponse", &raw["thread"])
            .expect("the thread object is Discord's ThreadResponse");
    }

    // Messages can be posted in the thread, which is a channel of the guild.
    let posted = thread
        .id
        .send_message(&http, quiet("Question 1 : le taux de marge ?"))
        .await
        .unwrap();
    assert_eq!(posted.channel_id, thread.id);
    let fetched = thread.id.to_channel(&http).await.unwrap().guild().unwrap();
    assert_eq!(fetched.kind, ChannelType::PublicThread);
    assert_eq!(fetched.guild_id.get(), GUILD);
    assert_eq!(fetched.message_count, Some(1));
    assert_eq!(fetched.last_message_id, Some(posted.id));
    let listed = thread.id.messages(&http, GetMessages::new()).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].content, "Question 1 : le taux de marge ?");
    let starter = channel.message(&http, start.id).await.unwrap();
    assert_eq!(starter.thread.and_then(|t| t.message_count), Some(1));

    // One thread per message.
    let again = channel
        .create_thread_from_message(&http, start.id, CreateThread::new("encore"))
        .await;
    assert_eq!(discord_error(again), (400, 160004, vec![]));

    // Unknown messages: no such id, or a message of another channel (here, the thread).
    let elsewhere = channel
        .create_thread_from_message(&http, posted.id, CreateThread::new("x"))
        .await;
    assert_eq!(discord_error(elsewhere), (404, 10008, vec![]));
    let missing = channel
        .create_thread_from_message(&http, MessageId::new(42), CreateThread::new("x"))
        .await;
    assert_eq!(discord_error(missing), (404, 10008, vec![]));

    // Invalid form bodies (checked before the message, as Discord does), recorded for the check
    // below.
    let other = channel
        .send_message(&http, quiet("Dossier 4"))
        .await
        .unwrap();
    let mut invalid = Vec::new();
    let bodies = [
        (json!({}), "name"),
        (json!({"name": ""}), "name"),
        (json!({"name": "a".repeat(101)}), "name"),
        (
            json!({"name": "ok", "auto_archive_duration": 30}),
            "auto_archive_duration",
        ),
    ];
    for (body, field) in &bodies {
        invalid.push(fake.requests().len());
        let refused = http
            .create_thread_from_message(channel, other.id, body, None)
            .await;
        let (status, code, paths) = discord_error(refused);
        assert_eq!((status, code), (400, 50035), "{body}");
        assert!(paths.iter().any(|p| p.contains(field)), "{body}: {paths:?}");
    }
    let missing_name = http
        .create_thread_from_message(channel, MessageId::new(42), &json!({}), None)
        .await;
    invalid.push(fake.requests().len() - 1);
    assert_eq!(
        discord_error(missing_name).1,
        50035,
        "the body is checked first"
    );
    // 100 characters (not bytes) is the limit; the default duration is a day.
    let long = channel
        .create_thread_from_message(&http, other.id, CreateThread::new("é".repeat(100)))
        .await
        .expect("100 characters of 2 bytes");
    assert_eq!(
        long.thread_metadata.map(|m| m.auto_archive_duration),
        Some(AutoArchiveDuration::OneDay)
    );
    assert_eq!(fake.threads().len(), 2);

    // No thread in a thread nor in a DM.
    let nested = thread
        .id
        .create_thread_from_message(&http, posted.id, CreateThread::new("x"))
        .await;
    assert_eq!(discord_error(nested).1, 50024);
    let dm = UserId::new(alice().user_id)
        .create_dm_channel(&http)
        .await
        .unwrap();
    let in_dm = dm.id.send_message(&http, quiet("Ton bilan")).await.unwrap();
    let refused = dm
        .id
        .create_thread_from_message(&http, in_dm.id, CreateThread::new("x"))
        .await;
    assert_eq!(discord_error(refused).1, 50024);

    // A channel no interaction was seen in: unknown until declared.
    let unseen = ChannelId::new(CHANNEL + 100);
    let lonely = unseen.send_message(&http, quiet("Annonce")).await.unwrap();
    let refused = unseen
        .create_thread_from_message(&http, lonely.id, CreateThread::new("x"))
        .await;
    assert_eq!(discord_error(refused), (404, 10003, vec![]));
    fake.add_guild_channel(unseen.get(), GUILD);
    let declared = unseen
        .create_thread_from_message(&http, lonely.id, CreateThread::new("Annonce"))
        .await
        .unwrap();
    assert_eq!(declared.parent_id, Some(unseen));
    let threads = fake.threads();
    assert_eq!(
        threads.iter().map(|t| t.message_id).collect::<Vec<_>>(),
        vec![start.id.get(), other.id.get(), lonely.id.get()],
        "in creation order"
    );

    // The checks flag exactly the invalid thread bodies.
    let requests = fake.requests();
    let valid: Vec<Recorded> = requests
        .iter()
        .enumerate()
        .filter(|(i, _)| !invalid.contains(i))
        .map(|(_, r)| r.clone())
        .collect();
    if let Err(report) = check_all(spec.as_ref(), &valid) {
        panic!("{report}");
    }
    for i in invalid {
        let one = [requests[i].clone()];
        assert!(one[0].path.ends_with("/threads"), "{:?}", one[0]);
        let report = check_all(spec.as_ref(), &one).expect_err("an invalid thread body");
        assert!(report.contains("limits: /"), "{report}");
        if spec.is_some() {
            assert!(report.contains("schema: /"), "{report}");
        }
    }
    fake.shutdown().await;
}

// ------------------------------------------------------------------------------------------
// The validator

fn callback_path() -> &'static str {
    "/interactions/1/tok-1/callback"
}

fn quiet() -> Value {
    json!({"parse": []})
}

#[test]
fn fake_discord_validator_accepts_right_bodies() {
    let ephemeral = json!({"type": 4, "data": {"content": "Bravo !", "flags": 64, "allowed_mentions": quiet()}});
    let defer = json!({"type": 5, "data": {"flags": 64}});
    let modal = json!({"type": 9, "data": {"custom_id": "form", "title": "Ta réponse", "components": [
        {"type": 1, "components": [{"type": 4, "custom_id": "answer", "style": 1, "label": "Réponse"}]}
    ]}});
    let ack = json!({"type": 6, "data": null});
    let message = json!({"content": "é".repeat(2000), "allowed_mentions": {"parse": [], "users": [], "roles": []}});
    let spec = Spec::load();
    for body in [&ephemeral, &defer, &modal, &ack] {
        check_limits("POST", callback_path(), body).unwrap();
        if let Some(spec) = &spec {
            spec.validate("POST", callback_path(), body)
                .unwrap_or_else(|e| panic!("{body}: {e:?}"));
        }
    }
    check_limits("POST", "/channels/1/messages", &message).expect("2000 chars of 2 bytes");
    if let Some(spec) = &spec {
        spec.validate("POST", "/api/v10/channels/1/messages", &message)
            .unwrap();
        assert_eq!(
            spec.operation("PATCH", "/webhooks/1/tok/messages/@original"),
            Some("/webhooks/{webhook_id}/{webhook_token}/messages/@original")
        );
        assert_eq!(
            spec.operation("PATCH", "/webhooks/1/tok/messages/42"),
            Some("/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}")
        );
        assert_eq!(
            spec.operation("POST", "/users/@me/channels"),
            Some("/users/@me/channels")
        );
        assert_eq!(
            spec.operation("PUT", "/applications/1/guilds/2/commands"),
            Some("/applications/{application_id}/guilds/{guild_id}/commands")
        );
    }
}

#[test]
fn fake_discord_validator_rejects_wrong_bodies() {
    let spec = Spec::load();
    let cb = callback_path();

    let bad_type = json!({"type": "x", "data": {"content": "a", "allowed_mentions": quiet()}});
    assert!(check_limits("POST", cb, &bad_type).is_err());
    if let Some(spec) = &spec {
        let errors = spec.validate("POST", cb, &bad_type).unwrap_err();
        assert!(errors.iter().any(|e| e.contains("/type")), "{errors:?}");
    }

    let long = json!({"content": "a".repeat(2001), "allowed_mentions": quiet()});
    let errors = check_limits("POST", "/channels/1/messages", &long).unwrap_err();
    assert!(
        errors[0].starts_with("/content: content has 2001 characters"),
        "{errors:?}"
    );
    let long_reply = json!({"type": 4, "data": long});
    let errors = check_limits("POST", cb, &long_reply).unwrap_err();
    assert!(errors[0].starts_with("/data/content"), "{errors:?}");
    if let Some(spec) = &spec {
        // The interaction schema itself caps content at 2000.
        let errors = spec.validate("POST", cb, &long_reply).unwrap_err();
        assert!(
            errors.iter().any(|e| e.contains("/data/content")),
            "{errors:?}"
        );
    }

    let loud = json!({"content": "salut"});
    let errors = check_limits("POST", "/webhooks/1/tok", &loud).unwrap_err();
    assert!(errors[0].contains("allowed_mentions"), "{errors:?}");
    let pinging = json!({"content": "<@1>", "allowed_mentions": {"parse": ["users"]}});
    assert!(check_limits("POST", "/channels/1/messages", &pinging).is_err());
    let listed = json!({"content": "<@1>", "allowed_mentions": {"parse": [], "users": ["1"]}});
    assert!(check_limits("PATCH", "/channels/1/messages/2", &listed).is_err());

    let row =
        json!({"type": 1, "components": [{"type": 2, "style": 1, "label": "A", "custom_id": "a"}]});
    let six_rows =
        json!({"content": "q", "allowed_mentions": quiet(), "components": vec![row.clone(); 6]});
    let errors = check_limits("POST", "/channels/1/messages", &six_rows).unwrap_err();
    assert!(
        errors[0].starts_with("/components: 6 action rows"),
        "{errors:?}"
    );
    let button = json!({"type": 2, "style": 1, "label": "A", "custom_id": "a"});
    let wide_row = json!({"type": 1, "components": vec![button; 6]});
    let wide = json!({"content": "q", "allowed_mentions": quiet(), "components": [wide_row]});
    assert!(check_limits("POST", "/channels/1/messages", &wide).is_err());
    if let Some(spec) = &spec {
        let errors = spec
            .validate("POST", "/channels/1/messages", &wide)
            .unwrap_err();
        assert!(
            errors.iter().any(|e| e.starts_with("/components/0")),
            "{errors:?}"
        );
    }

    let embeds = json!({"content": "q", "allowed_mentions": quiet(),
        "embeds": vec![json!({"description": "d".repeat(700)}); 11]});
    let errors = check_limits("POST", "/channels/1/messages", &embeds).unwrap_err();
    assert!(errors.iter().any(|e| e.contains("11 embeds")), "{errors:?}");
    assert!(errors.iter().any(|e| e.contains("6000")), "{errors:?}");

    let modal =
        json!({"type": 9, "data": {"custom_id": "f", "title": "t".repeat(46), "components": []}});
    let errors = check_limits("POST", cb, &modal).unwrap_err();
    assert_eq!(errors.len(), 2, "{errors:?}");

    if let Some(spec) = &spec {
        let errors = spec
            .validate("POST", "/channels/1/nope", &json!({}))
            .unwrap_err();
        assert!(errors[0].contains("no such operation"), "{errors:?}");
    }
}

#[test]
fn fake_discord_check_all_reports_every_failing_request() {
    let at = Instant::now();
    let rec = |method: &str, path: &str, json: Option<Value>| Recorded {
        method: method.into(),
        path: path.into(),
        query: String::new(),
        json,
        files: Vec::new(),
        at,
    };
    let requests = vec![
        rec("GET", "/users/@me", None),
        rec(
            "POST",
            "/channels/1/messages",
            Some(json!({"content": "ok", "allowed_mentions": quiet()})),
        ),
        rec(
            "POST",
            "/channels/1/messages",
            Some(json!({"content": "a".repeat(2001)})),
        ),
    ];
    assert!(check_all(None, &requests[..2]).is_ok());
    let report = check_all(Spec::load().as_ref(), &requests).unwrap_err();
    assert!(report.contains("#2 POST /channels/1/messages"), "{report}");
    assert!(report.contains("limits: /content"), "{report}");
    assert!(report.contains("limits: /allowed_mentions"), "{report}");
    assert!(!report.contains("#1 "), "{report}");
}

#[test]
fn fake_discord_spec_load_is_none_when_the_env_var_names_a_missing_file() {
    let missing = std::env::temp_dir().join("casebot-no-such-dir/openapi.json");
    assert!(Spec::load_with(Some(missing.clone().into_os_string())).is_none());
    let err = Spec::load_from(&missing).err().unwrap_or_default();
    assert!(err.starts_with("cannot read"), "{err}");
}

#[tokio::test(start_paused = true)]
async fn fake_discord_waits_in_real_time_under_a_paused_clock() {
    let fake = FakeDiscord::start().await;
    let start = Instant::now();
    let none = fake
        .wait_for(|r| r.path == "/never", Duration::from_millis(300))
        .await;
    assert!(none.is_none());
    assert!(start.elapsed() >= Duration::from_millis(300), "real time");
    let http = HttpBuilder::new("fake-token")
        .proxy(fake.base_url())
        .ratelimiter_disabled(true)
        .build();
    let waiter = {
        let fake = fake.clone();
        tokio::spawn(async move { fake.wait_for(|r| r.path == "/users/@me", WAIT).await })
    };
    http.get_current_user().await.unwrap();
    assert!(waiter.await.unwrap().is_some());
    fake.shutdown().await;
}

// ------------------------------------------------------------------------------------------
// poise on the fake: owners, registration, subcommands and resolved arguments

type PoiseError = Box<dyn std::error::Error + Send + Sync>;
type PoiseContext<'a> = poise::Context<'a, PoiseData, PoiseError>;

struct PoiseData {
    tx: mpsc::UnboundedSender<String>,
}

async fn poise_reply(ctx: PoiseContext<'_>, seen: String) -> Result<(), PoiseError> {
    let _ = ctx.data().tx.send(seen.clone());
    ctx.send(poise::CreateReply::default().content(seen).ephemeral(true))
        .await?;
    Ok(())
}

/// Quiz.
#[poise::command(slash_command, subcommands("lancer"))]
async fn quiz(_ctx: PoiseContext<'_>) -> Result<(), PoiseError> {
    Ok(())
}

/// Lance un quiz.
#[poise::command(slash_command)]
async fn lancer(
    ctx: PoiseContext<'_>,
    #[description = "Questions"] questions: Option<String>,
    #[description = "Secondes"] secondes: Option<u32>,
) -> Result<(), PoiseError> {
    poise_reply(ctx, format!("lancer {questions:?} {secondes:?}")).await
}

/// Réglages.
#[poise::command(slash_command, default_member_permissions = "MANAGE_GUILD")]
async fn config(
    ctx: PoiseContext<'_>,
    #[description = "Rôle"] role: serenity::all::Role,
    #[description = "Salon"] salon: serenity::all::GuildChannel,
    #[description = "Élève"] eleve: serenity::all::Member,
) -> Result<(), PoiseError> {
    poise_reply(
        ctx,
        format!("config {} {} {}", role.id, salon.guild_id, eleve.user.name),
    )
    .await
}

async fn next(rx: &mut mpsc::UnboundedReceiver<String>) -> String {
    tokio::time::timeout(WAIT, rx.recv())
        .await
        .expect("the command ran")
        .expect("the framework is alive")
}

#[tokio::test]
async fn fake_discord_runs_a_poise_framework() {
    let fake = FakeDiscord::start().await;
    let (tx, mut rx) = mpsc::unbounded_channel();
    let framework = poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands: vec![quiz(), config()],
            allowed_mentions: Some(no_mentions()),
            ..Default::default()
        })
        .setup(move |ctx, _ready, framework| {
            Box::pin(async move {
                poise::builtins::register_globally(ctx, &framework.options().commands).await?;
                Ok(PoiseData { tx })
            })
        })
        .build();
    let http = HttpBuilder::new("fake-token")
        .proxy(fake.base_url())
        .ratelimiter_disabled(true)
        .build();
    let mut client = ClientBuilder::new_with_http(http, GatewayIntents::non_privileged())
        .framework(framework)
        .await
        .expect("a poise client");
    let shards = Arc::clone(&client.shard_manager);
    let task = tokio::spawn(async move {
        let _ = client.start().await;
    });
    assert!(fake.wait_ready(WAIT).await);
    let app = FakeDiscord::APP_ID;
    assert!(fake
        .wait_for(
            |r| r.method == "GET" && r.path == "/oauth2/applications/@me",
            WAIT
        )
        .await
        .is_some());
    let put = fake
        .wait_for(
            |r| r.method == "PUT" && r.path == format!("/applications/{app}/commands"),
            WAIT,
        )
        .await
        .expect("registration");
    assert_eq!(put.json.as_ref().unwrap().as_array().unwrap().len(), 2);

    let options = json!([{"name": "lancer", "type": 1, "options": [
        {"name": "questions", "type": 3, "value": "1.2"},
        {"name": "secondes", "type": 4, "value": 60},
    ]}]);
    fake.dispatch(
        "INTERACTION_CREATE",
        slash_command(601, GUILD, CHANNEL, &prof(), "quiz", options),
    )
    .await;
    assert_eq!(next(&mut rx).await, "lancer Some(\"1.2\") Some(60)");
    let reply = fake.wait_for(is_callback(601), WAIT).await.expect("reply");
    assert_eq!(reply.json.as_ref().unwrap()["data"]["flags"], 64);

    let salon = 900_000_000_000_000_009u64;
    let options = json!([
        {"name": "role", "type": 8, "value": "920000000000000001"},
        {"name": "salon", "type": 7, "value": salon.to_string()},
        {"name": "eleve", "type": 6, "value": alice().user_id.to_string()},
    ]);
    fake.dispatch(
        "INTERACTION_CREATE",
        slash_command(602, GUILD, CHANNEL, &prof(), "config", options),
    )
    .await;
    assert_eq!(
        next(&mut rx).await,
        format!("config 920000000000000001 {GUILD} user{}", alice().user_id)
    );
    assert!(fake.wait_for(is_callback(602), WAIT).await.is_some());
    assert_all_valid(&fake);
    let _ = tokio::time::timeout(Duration::from_secs(3), shards.shutdown_all()).await;
    task.abort();
    fake.shutdown().await;
}
