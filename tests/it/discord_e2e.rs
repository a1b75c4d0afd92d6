//! End-to-end tests of the Discord front end: the real bot (`casebot::discord::client`: serenity,
//! poise, the play engine and its SQLite database) against the fake Discord of `fake_discord`.
//! Students and teachers act through INTERACTION_CREATE dispatches (slash commands, buttons,
//! forms); what the bot does is read back from the REST calls the fake recorded.
//!
//! Each test has its own fake Discord, temp folder and database, and a manual clock: quiz
//! deadlines pass when the test advances the clock and calls `Engine::tick`. After each test,
//! every request body the bot sent is checked against Discord's OpenAPI schema and limits
//! (`check_all`), and neither a request nor a log line may hold the bot token.
//!
//! Expected points are computed by hand from config/play.toml: every part asked here is worth
//! 0,25 point (250 milli-points); a close answer earns half (125); hints cost 10 %, 20 %, 30 % of
//! the part (25, then 50, then 75 milli-points), taken off the answer's points; no speed or
//! streak bonus (not enabled).

use crate::fake_discord::{
    autocomplete, button_click, check_all, modal_submit, perms, select_menu, slash_command,
    with_attachments, FakeDiscord, Member, Recorded, Spec,
};
use crate::helpers::{fr_points, plain, play_app, play_settings, TempDir, T0};
use casebot::clock::ManualClock;
use casebot::discord::{DiscordConfig, Hooks, Token};
use casebot::play::settings::PlaySettings;
use casebot::play::Engine;
use casebot::startup::Startup;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The bot token of every e2e test: it must never reach a request or a log line.
const TOKEN: &str = "fake-e2e-bot-token.NDRC-7f3c9a51";

const GUILD: u64 = 940_000_000_000_000_001;
const QUIZ_CH: u64 = 940_000_000_000_000_002;
const OTHER_CH: u64 = 940_000_000_000_000_003;
const GUILD_B: u64 = 940_000_000_000_000_101;
const QUIZ_CH_B: u64 = 940_000_000_000_000_102;
const TEACHER_ROLE: u64 = 940_000_000_000_000_201;
const ADMIN_ID: u64 = 941_000_000_000_000_001;
const PROF_ID: u64 = 941_000_000_000_000_002;
const PROF_B_ID: u64 = 941_000_000_000_000_003;
const APP: u64 = FakeDiscord::APP_ID;

/// Every bounded wait of these tests.
const WAIT: Duration = Duration::from_secs(5);

const TEACHER_ONLY: &str = "Cette commande est réservée aux enseignants de la classe.";
const NOTHING_OPEN: &str = "Aucune question n’est ouverte en ce moment.";
const ALREADY_ANSWERED: &str =
    "Tu as déjà répondu à cette question : seule ta première réponse compte.";
const ITEM_CLOSED: &str = "Cette question est close : ta réponse n’est pas comptée.";
const HINT_CLOSED: &str = "Cette question est close : plus d’indice à prendre.";
const UNKNOWN_BUTTON: &str =
    "Ce bouton ne correspond à rien (ou plus à rien). Utilise les commandes du quiz en cours.";
const INVALID_TAIL: &str = "Cette réponse ne te coûte rien : réessaie.";
const HINT_AFTER_ANSWER: &str = "Tu as déjà répondu à cette question : plus besoin d’indice.";
/// The consigne of question 1.2, in the subject's words, shown above each of its parts.
const CONSIGNE_1_2: &str =
    "> Analyser les résultats des actions menées par l'agence de webmarketing avec le réseau social *Facebook* et avec *Google Ads*.";
const STATEMENT_A: &str =
    "Calcule le taux de clic de la campagne Google Ads, en %, arrondi à deux décimales.";
const STATEMENT_B: &str = "Calcule le coût moyen par clic (CPC) de la campagne Google Ads, en €, arrondi à deux décimales. Pense à convertir le montant dépensé, donné en k€.";
const STATEMENT_C: &str = "Calcule le coût pour mille impressions (CPM) de la campagne Google Ads, en €, arrondi à deux décimales.";
/// Words that would tell a student right or wrong before the reveal.
const VERDICT_WORDS: [&str; 6] = ["✅", "❌", "🟡", "Juste", "Presque", "Ce n’est pas"];

// ------------------------------------------------------------------------------------------
// Logs: captured for the whole test binary, to check that the token never shows.

static LOGS: Mutex<Vec<u8>> = Mutex::new(Vec::new());

struct LogWriter;

impl std::io::Write for LogWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        LOGS.lock()
            .unwrap_or_else(|p| p.into_inner())
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Installs (once) a log subscriber that keeps every line at debug level (info for the noisy
/// network and SQL crates) in memory.
fn capture_logs() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let filter = tracing_subscriber::EnvFilter::new(
            "debug,sqlx=info,hyper=info,hyper_util=info,reqwest=info,tungstenite=info,\
             tokio_tungstenite=info,rustls=info,h2=info,axum=info,tower=info,mio=info",
        );
        let _ = tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_ansi(false)
            .with_writer(|| LogWriter)
            .try_init();
    });
}

fn logs() -> String {
    String::from_utf8_lossy(&LOGS.lock().unwrap_or_else(|p| p.into_inner())).into_owned()
}

// ------------------------------------------------------------------------------------------
// The bot against the fake Discord

/// One response of the bot to an interaction: the callback (`kind` = its type) or a follow-up
/// (`kind` = 0).
#[derive(Debug, Clone)]
struct Said {
    kind: u64,
    /// The message (callback `data`, or the follow-up body).
    data: Value,
    files: Vec<(String, Vec<u8>)>,
}

impl Said {
    fn content(&self) -> String {
        self.data["content"].as_str().unwrap_or("").to_string()
    }
    /// The content with French typography made plain.
    fn text(&self) -> String {
        plain(&self.content())
    }
    fn ephemeral(&self) -> bool {
        self.data["flags"].as_u64().unwrap_or(0) & 64 != 0
    }
    /// Every component custom id, in order.
    fn custom_ids(&self) -> Vec<String> {
        custom_ids(&self.data["components"])
    }
}

fn custom_ids(components: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for row in components.as_array().map_or(&[][..], Vec::as_slice) {
        for c in row["components"].as_array().map_or(&[][..], Vec::as_slice) {
            if let Some(id) = c["custom_id"].as_str() {
                out.push(id.to_string());
            }
        }
    }
    out
}

fn labels(components: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for row in components.as_array().map_or(&[][..], Vec::as_slice) {
        for c in row["components"].as_array().map_or(&[][..], Vec::as_slice) {
            out.push(c["label"].as_str().unwrap_or("").to_string());
        }
    }
    out
}

/// The content of a recorded message post, made plain.
fn post_text(r: &Recorded) -> String {
    plain(
        r.json
            .as_ref()
            .and_then(|j| j["content"].as_str())
            .unwrap_or(""),
    )
}

/// (quiz, item) of a question message, read from its « Répondre » button (`cb:a:Q:I`).
fn item_of(post: &Recorded) -> (i64, i64) {
    let ids = custom_ids(&post.json.as_ref().expect("a JSON body")["components"]);
    let answer = ids
        .iter()
        .find(|id| id.starts_with("cb:a:"))
        .unwrap_or_else(|| panic!("no answer button in {:?}", post.json));
    let parts: Vec<i64> = answer[5..]
        .split(':')
        .map(|p| p.parse().expect("a number"))
        .collect();
    (parts[0], parts[1])
}

fn student(i: u64) -> Member {
    Member::new(942_000_000_000_000_000 + i, &name(i))
}

fn name(i: u64) -> String {
    format!("Élève {i:02}")
}

fn admin() -> Member {
    Member::new(ADMIN_ID, "Direction").with_permissions(perms::MEMBER | perms::MANAGE_GUILD)
}

/// A teacher by the class's teacher role only (no Manage Server).
fn role_teacher() -> Member {
    Member::new(PROF_ID, "Mme Prof").with_roles(&[TEACHER_ROLE])
}

/// A teacher by Manage Server.
fn manager(id: u64, name: &str) -> Member {
    Member::new(id, name).with_permissions(perms::MEMBER | perms::MANAGE_GUILD)
}

/// The options of `/quiz lancer questions:… secondes:…`.
fn launch(questions: &str, seconds: u32) -> Value {
    json!([{"name": "lancer", "type": 1, "options": [
        {"name": "questions", "type": 3, "value": questions},
        {"name": "secondes", "type": 4, "value": seconds},
    ]}])
}

fn sub(name: &str) -> Value {
    json!([{"name": name, "type": 1, "options": []}])
}

fn opt_str(name: &str, value: &str) -> Value {
    json!([{"name": name, "type": 3, "value": value}])
}

/// The question message as the bot writes it (made plain).
fn question_text(n: usize, total: usize, part: &str, statement: &str, deadline_ms: i64) -> String {
    format!(
        "**Question {n}/{total}** – {part} (0,25 point, annexe 3)\n{CONSIGNE_1_2}\n{statement}\n\
         Réponds avec /repondre ou le bouton « Répondre ».\n⏱️ Fin <t:{}:R>",
        deadline_ms / 1000
    )
}

/// A quiz answer's receipt (it names its question: see `helpers::Receipt`).
fn saved(answer: &str) -> crate::helpers::Receipt {
    crate::helpers::Receipt {
        answer: answer.into(),
    }
}

/// Board lines, by hand: (rank, student number, milli-points).
fn board_lines(rows: &[(usize, u64, i64)]) -> String {
    rows.iter()
        .map(|(rank, i, milli)| format!("{rank}. {} – {}", name(*i), fr_points(*milli)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The bot, connected to its own fake Discord, with its engine, clock and database.
struct Bot {
    fake: FakeDiscord,
    clock: ManualClock,
    engine: Engine,
    shards: Arc<serenity::all::ShardManager>,
    task: tokio::task::JoinHandle<()>,
    next_id: AtomicU64,
    _dir: TempDir,
}

impl Bot {
    async fn start(test: &str) -> Bot {
        Bot::start_with(test, play_settings()).await
    }

    /// Starts the fake and the real bot on a fresh database; returns once the bot is READY,
    /// its commands are registered and its engine runs.
    async fn start_with(test: &str, settings: PlaySettings) -> Bot {
        Bot::start_on(test, settings, play_app()).await
    }

    /// Like [`Bot::start_with`], playing the packs of `app`.
    async fn start_on(test: &str, settings: PlaySettings, app: Arc<casebot::App>) -> Bot {
        capture_logs();
        let fake = FakeDiscord::start().await;
        let dir = TempDir::new(&format!("e2e-{test}"));
        let startup = match Startup::open(app, settings, &dir.path.join("casebot.db")).await {
            Ok(s) => s,
            Err(e) => panic!("cannot open the database: {e:#}"),
        };
        let clock = ManualClock::starting_at(T0);
        let slot: Arc<OnceLock<Engine>> = Arc::new(OnceLock::new());
        let config = DiscordConfig {
            token: Token::new(TOKEN),
            api_base: Some(fake.base_url()),
            dev_guild: Some(GUILD),
        };
        let mut client = match casebot::discord::client(
            &config,
            startup,
            Arc::new(clock.clone()),
            Hooks {
                engine: Some(slot.clone()),
            },
        )
        .await
        {
            Ok(c) => c,
            Err(e) => panic!("the bot does not build: {e:#}"),
        };
        let shards = client.shard_manager.clone();
        let task = tokio::spawn(async move {
            if let Err(e) = client.start().await {
                eprintln!("the bot stopped: {e}");
            }
        });
        assert!(fake.wait_ready(WAIT).await, "no READY within {WAIT:?}");
        let put = fake
            .wait_for(
                |r| {
                    r.method == "PUT"
                        && r.path == format!("/applications/{APP}/guilds/{GUILD}/commands")
                },
                WAIT,
            )
            .await
            .expect("the slash commands are registered in the development server");
        let names: Vec<&str> = put
            .json
            .as_ref()
            .expect("commands")
            .as_array()
            .expect("a list")
            .iter()
            .filter_map(|c| c["name"].as_str())
            .collect();
        for n in [
            "quiz",
            "repondre",
            "indice",
            "classement",
            "config",
            "export",
            "kpi",
        ] {
            assert!(names.contains(&n), "{n} not registered: {names:?}");
        }
        // Teachers' commands are hidden from students (Manage Server = 32), and every
        // command is offered in servers only (context 0), as registered with Discord.
        for c in put
            .json
            .as_ref()
            .and_then(|j| j.as_array())
            .into_iter()
            .flatten()
        {
            let name = c["name"].as_str().unwrap_or("");
            let teacher = casebot::discord::commands::TEACHER_MENUS.contains(&name);
            let expected = if teacher { json!("32") } else { Value::Null };
            assert_eq!(c["default_member_permissions"], expected, "/{name}");
            assert_eq!(c["contexts"], json!([0]), "/{name}");
        }
        let start = Instant::now();
        let engine = loop {
            if let Some(e) = slot.get() {
                break e.clone();
            }
            assert!(start.elapsed() < WAIT, "the engine did not start");
            tokio::time::sleep(Duration::from_millis(5)).await;
        };
        Bot {
            fake,
            clock,
            engine,
            shards,
            task,
            next_id: AtomicU64::new(1_450_000_000_000_000_000),
            _dir: dir,
        }
    }

    fn id(&self) -> u64 {
        self.next_id.fetch_add(1, Ordering::SeqCst)
    }

    /// Every response (callback, follow-ups, edits of the original) to interaction `id` so far.
    fn said(&self, id: u64) -> Vec<Said> {
        self.fake
            .requests()
            .into_iter()
            .filter_map(|r| said_of(id, &r))
            .collect()
    }

    /// Waits for `n` responses to interaction `id`.
    async fn wait_said(&self, id: u64, n: usize) -> Vec<Said> {
        let start = Instant::now();
        loop {
            let said = self.said(id);
            if said.len() >= n {
                return said;
            }
            if start.elapsed() > WAIT {
                panic!(
                    "interaction {id}: {} responses of {n} within {WAIT:?}: {said:#?}",
                    said.len()
                );
            }
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
    }

    /// Dispatches an interaction and returns its first response (the callback).
    async fn exchange(&self, id: u64, payload: Value) -> Said {
        self.fake.dispatch("INTERACTION_CREATE", payload).await;
        self.answer_to(id).await
    }

    /// The bot's answer to interaction `id` (its callback, or the edit of its deferral).
    async fn answer_to(&self, id: u64) -> Said {
        let mut said = self.wait_said(id, 1).await;
        let first = said.remove(0);
        // On a loaded machine the engine may take longer than the bot waits before deferring
        // (1,5 s of real time): the answer then comes as the deferral's edit. What the user
        // reads is the same, so the exchange is the answer, with the kind it would have had.
        let kind = match first.kind {
            5 => 4,
            6 => 7,
            _ => return first,
        };
        let mut answer = self.wait_said(id, 2).await.remove(1);
        // A deferred answer is private when its deferral was.
        if let (Some(flags), Some(data)) = (first.data.get("flags"), answer.data.as_object_mut()) {
            data.entry("flags").or_insert_with(|| flags.clone());
        }
        Said { kind, ..answer }
    }

    /// A slash command; its callback.
    async fn slash(&self, guild: u64, channel: u64, who: &Member, cmd: &str, opts: Value) -> Said {
        let id = self.id();
        self.exchange(id, slash_command(id, guild, channel, who, cmd, opts))
            .await
    }

    /// A click on a button (with the bot message that holds it, when there is one).
    async fn click(&self, guild: u64, channel: u64, who: &Member, custom_id: &str) -> Said {
        let id = self.id();
        let mut payload = button_click(id, guild, channel, who, custom_id);
        if let Some(message) = self.fake.message_with_component(custom_id) {
            payload["message"] = message;
        }
        self.exchange(id, payload).await
    }

    /// A form submitted with one text input.
    async fn submit(
        &self,
        guild: u64,
        channel: u64,
        who: &Member,
        custom_id: &str,
        field: &str,
        text: &str,
    ) -> Said {
        let id = self.id();
        self.exchange(
            id,
            modal_submit(id, guild, channel, who, custom_id, &[(field, text)]),
        )
        .await
    }

    /// « Répondre » on question (quiz, item), then the form: both responses.
    async fn answer(
        &self,
        guild: u64,
        channel: u64,
        who: &Member,
        (quiz, item): (i64, i64),
        text: &str,
    ) -> [Said; 2] {
        let form = self
            .click(guild, channel, who, &format!("cb:a:{quiz}:{item}"))
            .await;
        assert_eq!(form.kind, 9, "the answer button opens a form: {form:#?}");
        let form_id = format!("cb:m:{quiz}:{item}");
        assert_eq!(form.data["custom_id"], form_id.as_str());
        assert_eq!(form.data["title"], "Ta réponse");
        let input = &form.data["components"][0]["components"][0];
        assert_eq!(input["custom_id"], "reponse");
        assert_eq!(input["type"], 4);
        let reply = self
            .submit(guild, channel, who, &form_id, "reponse", text)
            .await;
        [form, reply]
    }

    /// « Indice » on question (quiz, item), then « Prendre l’indice »: both responses.
    async fn hint(
        &self,
        guild: u64,
        channel: u64,
        who: &Member,
        (quiz, item): (i64, i64),
        level: usize,
        cost: &str,
    ) -> [Said; 2] {
        let offer = self
            .click(guild, channel, who, &format!("cb:h:{quiz}:{item}"))
            .await;
        assert_eq!(offer.kind, 4);
        assert_eq!(
            offer.text(),
            format!(
                "L’indice {level} coûte {cost} sur ce calcul. Pour le prendre : /indice \
                 confirmer:oui, ou le bouton ci-dessous."
            )
        );
        let confirm = format!("cb:k:{quiz}:{item}");
        assert_eq!(offer.custom_ids(), vec![confirm.clone()]);
        assert_eq!(labels(&offer.data["components"]), vec!["Prendre l’indice"]);
        let taken = self.click(guild, channel, who, &confirm).await;
        assert_eq!(taken.kind, 4);
        [offer, taken]
    }

    /// Every message posted to a channel so far (including posts the fake refused).
    fn posts(&self, channel: u64) -> Vec<Recorded> {
        let path = format!("/channels/{channel}/messages");
        self.fake
            .requests()
            .into_iter()
            .filter(|r| r.method == "POST" && r.path == path)
            .collect()
    }

    /// Waits until `channel` holds at least `n` posts; returns them all.
    async fn wait_posts(&self, channel: u64, n: usize) -> Vec<Recorded> {
        let start = Instant::now();
        loop {
            let posts = self.posts(channel);
            if posts.len() >= n {
                return posts;
            }
            if start.elapsed() > WAIT {
                let texts: Vec<String> = posts.iter().map(post_text).collect();
                panic!(
                    "channel {channel}: {} posts of {n}: {texts:#?}",
                    posts.len()
                );
            }
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
    }

    /// Waits for a post to `channel`, from the `from`-th on, whose text starts with `prefix`;
    /// returns the posts from `from` up to and including it.
    async fn wait_post_starting(&self, channel: u64, from: usize, prefix: &str) -> Vec<Recorded> {
        let start = Instant::now();
        loop {
            let posts = self.posts(channel);
            if let Some(i) = posts
                .iter()
                .skip(from)
                .position(|p| post_text(p).starts_with(prefix))
            {
                return posts[from..=from + i].to_vec();
            }
            if start.elapsed() > WAIT {
                let texts: Vec<String> = posts.iter().skip(from).map(post_text).collect();
                panic!("channel {channel}: no post starting with {prefix:?}: {texts:#?}");
            }
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
    }

    /// Moves the clock and runs every due quiz transition.
    async fn advance(&self, ms: i64) {
        self.clock.advance(ms);
        self.engine.tick().await;
    }

    /// The direct messages the bot sent to a user (through the DM channel it opened).
    fn dms(&self, user: u64) -> Vec<String> {
        match self.fake.dm_channel_of(user) {
            Some(dm) => self.posts(dm).iter().map(post_text).collect(),
            None => Vec::new(),
        }
    }

    /// The direct messages to a user once one of them contains `needle` (DMs are sent after the
    /// interaction's response: a test waits for them).
    async fn wait_dm(&self, user: u64, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let text = self.dms(user).join("\n");
            if text.contains(needle) {
                return text;
            }
            assert!(
                start.elapsed() < WAIT,
                "no DM containing {needle:?}: {text}"
            );
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }

    /// Points and answers per member display name, from the database, for one quiz.
    async fn quiz_points(&self, quiz: i64) -> BTreeMap<String, (i64, i64)> {
        self.engine.flush().await.expect("flush");
        let rows: Vec<(String, i64, i64)> = sqlx::query_as(
            "SELECT m.display_name, SUM(a.points_milli), COUNT(*) FROM answers a
             JOIN members m ON m.id = a.member_id WHERE a.quiz_id = ? GROUP BY m.id",
        )
        .bind(quiz)
        .fetch_all(&self.engine.store().read)
        .await
        .expect("points query");
        rows.into_iter().map(|(n, p, c)| (n, (p, c))).collect()
    }

    /// (item, verdict, points) of every stored answer of a member to a quiz, by item.
    async fn answers_of(&self, quiz: i64, user: u64) -> Vec<(i64, String, i64)> {
        self.engine.flush().await.expect("flush");
        sqlx::query_as(
            "SELECT a.item_idx, a.verdict, a.points_milli FROM answers a
             JOIN members m ON m.id = a.member_id
             WHERE a.quiz_id = ? AND m.platform_user = ? ORDER BY a.item_idx",
        )
        .bind(quiz)
        .bind(user.to_string())
        .fetch_all(&self.engine.store().read)
        .await
        .expect("answers query")
    }

    /// One number from the database.
    async fn count(&self, sql: &'static str) -> i64 {
        self.engine.flush().await.expect("flush");
        let (n,): (i64,) = sqlx::query_as(sql)
            .fetch_one(&self.engine.store().read)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
        n
    }

    /// The class state in the database, as text (to compare before and after): classes,
    /// members, quizzes and their clocks, answers, hints. (Not the `actions` table, where every
    /// state-changing request leaves its idempotency record, even when it changed nothing.)
    async fn snapshot(&self) -> String {
        self.engine.flush().await.expect("flush");
        let queries = [
            "SELECT id || '|' || platform_id || '|' || name || '|' || COALESCE(teacher_role, '-') || '|' || COALESCE(quiz_channel, '-') || '|' || board_reset_at FROM classes ORDER BY id",
            "SELECT id || '|' || class_id || '|' || platform_user || '|' || display_name || '|' || role FROM members ORDER BY id",
            "SELECT id || '|' || class_id || '|' || status || '|' || current_item || '|' || COALESCE(paused_left_ms, '-') || '|' || COALESCE(ended_at, '-') FROM quizzes ORDER BY id",
            "SELECT quiz_id || '|' || idx || '|' || COALESCE(shown_at, '-') || '|' || COALESCE(deadline_at, '-') || '|' || COALESCE(closed_at, '-') || '|' || COALESCE(revealed_at, '-') FROM quiz_items ORDER BY quiz_id, idx",
            "SELECT id || '|' || member_id || '|' || COALESCE(quiz_id, '-') || '|' || verdict || '|' || points_milli FROM answers ORDER BY id",
            "SELECT id || '|' || member_id || '|' || level || '|' || cost_milli FROM hints ORDER BY id",
        ];
        let mut out = String::new();
        for sql in queries {
            let rows: Vec<(String,)> = sqlx::query_as(sql)
                .fetch_all(&self.engine.store().read)
                .await
                .unwrap_or_else(|e| panic!("{sql}: {e}"));
            out.push_str(sql);
            out.push('\n');
            for (row,) in rows {
                out.push_str(&row);
                out.push('\n');
            }
        }
        out
    }

    /// The checks every test ends with, then the shutdown: every body the bot sent conforms to
    /// Discord's schema and limits; the token is in no request and no log line.
    async fn finish(self) {
        let requests = self.fake.requests();
        if let Err(report) = check_all(Spec::load().as_ref(), &requests) {
            panic!("{report}");
        }
        for r in &requests {
            let body = r.json.as_ref().map(Value::to_string).unwrap_or_default();
            assert!(
                !r.path.contains(TOKEN) && !r.query.contains(TOKEN) && !body.contains(TOKEN),
                "the token is in {} {}",
                r.method,
                r.path
            );
            for (name, bytes) in &r.files {
                assert!(
                    !String::from_utf8_lossy(bytes).contains(TOKEN),
                    "the token is in the file {name}"
                );
            }
        }
        let logs = logs();
        assert!(
            logs.contains("connected to Discord"),
            "the logs are captured"
        );
        assert!(!logs.contains(TOKEN), "the token is in the logs");
        let _ = tokio::time::timeout(Duration::from_secs(3), self.shards.shutdown_all()).await;
        self.task.abort();
        self.fake.shutdown().await;
    }
}

/// The response to interaction `id` that `r` is, if it is one.
fn said_of(id: u64, r: &Recorded) -> Option<Said> {
    let token = format!("tok-{id}");
    let body = r.json.clone().unwrap_or(Value::Null);
    if r.method == "POST" && r.path == format!("/interactions/{id}/{token}/callback") {
        return Some(Said {
            kind: body["type"].as_u64().unwrap_or(0),
            data: body["data"].clone(),
            files: r.files.clone(),
        });
    }
    let followup = r.method == "POST" && r.path == format!("/webhooks/{APP}/{token}");
    let edit =
        r.method == "PATCH" && r.path == format!("/webhooks/{APP}/{token}/messages/@original");
    (followup || edit).then(|| Said {
        kind: 0,
        data: body,
        files: r.files.clone(),
    })
}

/// Checks what a student was told: privately, and nothing about right or wrong.
fn assert_private_and_neutral(said: &[Said]) {
    for s in said {
        if s.kind == 9 {
            continue; // a form opens for the student alone
        }
        assert!(s.ephemeral(), "not ephemeral: {s:#?}");
        for word in VERDICT_WORDS {
            assert!(
                !s.content().contains(word),
                "a verdict before the reveal: {s:#?}"
            );
        }
    }
}

// ------------------------------------------------------------------------------------------
// 1. A class quiz from start to end

/// Per student: the points of items 1, 2 and 3 of the 30-student quiz (None: no answer).
fn thirty_expected(i: u64) -> [Option<i64>; 3] {
    match i {
        // 1.2.a right, 1.2.b right, 1.2.c right.
        1..=5 => [Some(250), Some(250), Some(250)],
        // 1.2.c "93": not precise enough, close = 125.
        6..=10 => [Some(250), Some(250), Some(125)],
        // 1.2.b "0,5": close.
        11..=12 => [Some(250), Some(125), None],
        // 1.2.a "17,7 %" (truncated): close; 1.2.b right.
        13..=17 => [Some(125), Some(250), None],
        // 1.2.a "0,1776" (ratio not × 100), 1.2.b "1,90 €" (division the wrong way): wrong.
        18..=20 => [Some(0), Some(0), None],
        // …and 1.2.c "9323": wrong.
        21..=22 => [Some(0), Some(0), Some(0)],
        // 1.2.a: "abc" (invalid, free) then right; 1.2.b: one hint (25) then right: 225.
        23 => [Some(250), Some(225), None],
        // 1.2.a: invalid then right; 1.2.b: the stale button of 1.2.a first, then "0,52": close.
        24 => [Some(250), Some(125), None],
        // 1.2.a: one hint (25) then right: 225.
        25 => [Some(225), Some(250), None],
        // 1.2.a: two hints (25 + 50) then close: 125 − 75 = 50.
        26 => [Some(50), Some(250), None],
        // 1.2.a: right, then a second answer, refused.
        27 => [Some(250), Some(250), None],
        // 1.2.a by /repondre: "1776", wrong.
        28 => [Some(0), None, None],
        // 1.2.b right; 1.2.c: one hint then right: 225.
        29 => [None, Some(250), Some(225)],
        // 1.2.c only, right.
        _ => [None, None, Some(250)],
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn discord_e2e_role_teacher_runs_a_timed_quiz_for_thirty_students() {
    let bot = Bot::start("thirty").await;
    let prof = role_teacher();
    let s: Vec<Member> = (1..=30).map(student).collect();
    let st = |i: u64| &s[i as usize - 1];
    let mut told: Vec<Said> = Vec::new(); // everything said to students before the reveals

    // The role is nothing until /config names it.
    let refused = bot
        .slash(GUILD, QUIZ_CH, &prof, "quiz", launch("1.2.a", 60))
        .await;
    assert_eq!((refused.kind, refused.text()), (4, TEACHER_ONLY.into()));
    assert!(refused.ephemeral());
    let config = json!([
        {"name": "role-enseignant", "type": 8, "value": TEACHER_ROLE.to_string()},
        {"name": "salon-quiz", "type": 7, "value": QUIZ_CH.to_string()},
    ]);
    let saved_config = bot.slash(GUILD, QUIZ_CH, &admin(), "config", config).await;
    assert_eq!(
        saved_config.text(),
        format!(
            "Réglages enregistrés :\n- sujet : **Arbre-cadeau (session 2021) (par défaut)**\n- rôle enseignant : **{TEACHER_ROLE}**\n- salon des quiz : **{QUIZ_CH}**"
        )
    );
    assert!(saved_config.ephemeral());
    assert_eq!(
        bot.count("SELECT COUNT(*) FROM classes WHERE teacher_role = '940000000000000201' AND quiz_channel = '940000000000000002'").await,
        1
    );
    // Quizzes run in the quiz channel only.
    let elsewhere = bot
        .slash(GUILD, OTHER_CH, &prof, "quiz", launch("1.2.a", 60))
        .await;
    assert_eq!(
        elsewhere.text(),
        "Les quiz de cette classe se lancent dans le salon prévu pour eux (voir /config)."
    );
    assert_eq!(bot.count("SELECT COUNT(*) FROM quizzes").await, 0);

    // The role teacher launches the quiz.
    let launched = bot
        .slash(
            GUILD,
            QUIZ_CH,
            &prof,
            "quiz",
            launch("1.2.a,1.2.b,1.2.c", 60),
        )
        .await;
    assert_eq!(
        launched.text(),
        format!(
            "Quiz lancé : 3 questions de 60 s, 0,75 point en jeu. {} La première question arrive.",
            crate::helpers::EARLY_CLOSE
        )
    );
    assert!(launched.ephemeral());
    let posted = bot.wait_posts(QUIZ_CH, 1).await;
    assert_eq!(posted.len(), 1, "one question at a time");
    let q1 = &posted[0];
    assert_eq!(
        post_text(q1),
        question_text(1, 3, "1.2.a", STATEMENT_A, T0 + 60_000)
    );
    let body = q1.json.as_ref().expect("a body");
    assert_eq!(body["flags"].as_u64().unwrap_or(0) & 64, 0, "public");
    let item1 = item_of(q1);
    assert_eq!(
        custom_ids(&body["components"]),
        vec![format!("cb:a:{}:0", item1.0), format!("cb:h:{}:0", item1.0)]
    );
    assert_eq!(item1.1, 0);
    assert_eq!(labels(&body["components"]), vec!["Répondre", "Indice"]);
    let quiz = item1.0;

    // --- Question 1: 1.2.a, taux de clic, 17,76 % ------------------------------------------
    // The hint offer alone costs nothing.
    let offer = bot
        .click(GUILD, QUIZ_CH, st(1), &format!("cb:h:{quiz}:0"))
        .await;
    assert!(offer.text().starts_with("L’indice 1 coûte 0,025 point"));
    told.push(offer);
    for i in 1..=12 {
        let said = bot.answer(GUILD, QUIZ_CH, st(i), item1, "17,76 %").await;
        assert_eq!(said[1].text(), saved("17,76 %"));
        told.extend(said);
    }
    for i in 13..=17 {
        let said = bot.answer(GUILD, QUIZ_CH, st(i), item1, "17,7 %").await;
        assert_eq!(said[1].text(), saved("17,7 %"));
        told.extend(said);
    }
    for i in 18..=22 {
        let said = bot.answer(GUILD, QUIZ_CH, st(i), item1, "0,1776").await;
        assert_eq!(said[1].text(), saved("0,1776"));
        told.extend(said);
    }
    for i in 23..=24 {
        // Unreadable: said privately, costs nothing, may answer again; counted once.
        let said = bot.answer(GUILD, QUIZ_CH, st(i), item1, "abc").await;
        assert!(said[1].text().ends_with(INVALID_TAIL), "{:?}", said[1]);
        told.extend(said);
        let said = bot.answer(GUILD, QUIZ_CH, st(i), item1, "17,76 %").await;
        assert_eq!(said[1].text(), saved("17,76 %"));
        told.extend(said);
    }
    // Hints: one for student 25, two for student 26.
    let said = bot
        .hint(GUILD, QUIZ_CH, st(25), item1, 1, "0,025 point")
        .await;
    told.extend(said);
    told.extend(bot.answer(GUILD, QUIZ_CH, st(25), item1, "17,76 %").await);
    told.extend(
        bot.hint(GUILD, QUIZ_CH, st(26), item1, 1, "0,025 point")
            .await,
    );
    told.extend(
        bot.hint(GUILD, QUIZ_CH, st(26), item1, 2, "0,05 point")
            .await,
    );
    told.extend(bot.answer(GUILD, QUIZ_CH, st(26), item1, "17,7 %").await);
    // A second answer is refused privately.
    told.extend(bot.answer(GUILD, QUIZ_CH, st(27), item1, "17,76 %").await);
    let again = bot.answer(GUILD, QUIZ_CH, st(27), item1, "0,1776").await;
    assert_eq!(again[1].text(), ALREADY_ANSWERED);
    told.extend(again);
    // By the slash command.
    let by_slash = bot
        .slash(
            GUILD,
            QUIZ_CH,
            st(28),
            "repondre",
            opt_str("reponse", "1776"),
        )
        .await;
    assert_eq!(by_slash.text(), saved("1776"));
    told.push(by_slash);
    // The KPI asked is locked for students until its correction.
    let locked = bot
        .slash(
            GUILD,
            QUIZ_CH,
            st(2),
            "kpi",
            opt_str("indicateur", "a3_ctr"),
        )
        .await;
    assert_eq!(
        locked.text(),
        "Cet indicateur est demandé dans le quiz en cours, ou lié à un calcul qu’il demande : tu pourras le calculer avec moi après la correction."
    );
    told.push(locked);
    assert_eq!(
        bot.posts(QUIZ_CH).len(),
        1,
        "nothing revealed before the deadline"
    );
    assert_eq!(
        bot.count("SELECT COUNT(*) FROM hints").await,
        3,
        "hints of 25 (1) and 26 (1, 2)"
    );

    // Deadline: the reveal, its board, and question 2.
    bot.advance(60_000).await;
    let posts = bot.wait_post_starting(QUIZ_CH, 1, "**Question 2/3**").await;
    let q2 = posts.last().expect("question 2");
    let reveal = posts[..posts.len() - 1]
        .iter()
        .map(post_text)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        reveal.starts_with("✅ **Correction 1.2.a** : **17,76 %**\n"),
        "{reveal}"
    );
    assert!(
        reveal.contains(
            "\n\nQuestion close : temps écoulé. La classe : 16 justes, 6 presque, 6 faux.\n\
             Erreur la plus fréquente : rapport non multiplié par 100 (5).\n\n"
        ),
        "{reveal}"
    );
    let mut rows: Vec<(usize, u64, i64)> = Vec::new();
    rows.extend((1..=12).chain([23, 24, 27]).map(|i| (1, i, 250)));
    rows.push((16, 25, 225));
    rows.extend((13..=16).map(|i| (17, i, 125)));
    assert!(
        reveal.ends_with(&format!(
            "**Classement du quiz**\n{}\n… et 8 autres.",
            board_lines(&rows)
        )),
        "{reveal}"
    );
    let t2 = T0 + 60_000;
    assert_eq!(
        post_text(q2),
        question_text(2, 3, "1.2.b", STATEMENT_B, t2 + 60_000)
    );
    let item2 = item_of(q2);
    assert_eq!(item2, (quiz, 1));

    // --- Question 2: 1.2.b, coût par clic, 0,53 € --------------------------------------------
    // The answer button of question 1 no longer counts.
    let stale = bot.answer(GUILD, QUIZ_CH, st(24), item1, "0,53 €").await;
    assert_eq!(stale[1].text(), ITEM_CLOSED);
    told.extend(stale);
    let plan: [(&[u64], &str); 5] = [
        (&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "0,53 €"),
        (&[11, 12], "0,5"),
        (&[13, 14, 15, 16, 17, 25, 26, 27, 29], "0,53"),
        (&[18, 19, 20, 21, 22], "1,90 €"),
        (&[24], "0,52"),
    ];
    for (who, text) in plan {
        for &i in who {
            let said = bot.answer(GUILD, QUIZ_CH, st(i), item2, text).await;
            assert_eq!(said[1].text(), saved(text), "{}", name(i));
            told.extend(said);
        }
    }
    told.extend(
        bot.hint(GUILD, QUIZ_CH, st(23), item2, 1, "0,025 point")
            .await,
    );
    told.extend(bot.answer(GUILD, QUIZ_CH, st(23), item2, "0,53 €").await);
    // Student 28 does not answer: the question stays open until its deadline.
    let from = bot.posts(QUIZ_CH).len();
    bot.engine.tick().await;
    assert_eq!(bot.posts(QUIZ_CH).len(), from, "open until its deadline");
    bot.advance(60_000).await;
    let posts = bot
        .wait_post_starting(QUIZ_CH, from, "**Question 3/3**")
        .await;
    let q3 = posts.last().expect("question 3");
    let reveal = posts[..posts.len() - 1]
        .iter()
        .map(post_text)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        reveal.starts_with("✅ **Correction 1.2.b** : **0,53 €**\n"),
        "{reveal}"
    );
    assert!(
        reveal.contains(
            "\n\nQuestion close : temps écoulé. La classe : 20 justes, 3 presque, 5 faux, 1 sans réponse.\n\
             Erreur la plus fréquente : division à l’envers (5).\n\n"
        ),
        "{reveal}"
    );
    let mut rows: Vec<(usize, u64, i64)> = Vec::new();
    rows.extend((1..=10).chain([27]).map(|i| (1, i, 500)));
    rows.extend([23, 25].map(|i| (12, i, 475)));
    rows.extend((11..=17).map(|i| (14, i, 375)));
    assert!(
        reveal.ends_with(&format!(
            "**Classement du quiz**\n{}\n… et 9 autres.",
            board_lines(&rows)
        )),
        "{reveal}"
    );
    let t3 = t2 + 60_000;
    assert_eq!(
        post_text(q3),
        question_text(3, 3, "1.2.c", STATEMENT_C, t3 + 60_000)
    );
    let item3 = item_of(q3);
    assert_eq!(item3, (quiz, 2));

    // --- Question 3: 1.2.c, CPM, 93,23 € -------------------------------------------------------
    let plan: [(&[u64], &str); 4] = [
        (&[1, 2, 3, 4, 5], "93,23 €"),
        (&[6, 7, 8, 9, 10], "93"),
        (&[21, 22], "9323"),
        (&[30], "93,23"),
    ];
    for (who, text) in plan {
        for &i in who {
            let said = bot.answer(GUILD, QUIZ_CH, st(i), item3, text).await;
            assert_eq!(said[1].text(), saved(text), "{}", name(i));
            told.extend(said);
        }
    }
    told.extend(
        bot.hint(GUILD, QUIZ_CH, st(29), item3, 1, "0,025 point")
            .await,
    );
    told.extend(bot.answer(GUILD, QUIZ_CH, st(29), item3, "93,23 €").await);
    let late_hint = bot
        .click(GUILD, QUIZ_CH, st(1), &format!("cb:h:{quiz}:2"))
        .await;
    assert_eq!(late_hint.text(), HINT_AFTER_ANSWER);
    told.push(late_hint);
    assert_private_and_neutral(&told);

    // The end: the last reveal, the podium, and one private summary per player.
    let from = bot.posts(QUIZ_CH).len();
    bot.advance(60_000).await;
    let posts = bot.wait_post_starting(QUIZ_CH, from, "🏆 **Podium**").await;
    let podium = post_text(posts.last().expect("the podium"));
    let reveal = posts[..posts.len() - 1]
        .iter()
        .map(post_text)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        reveal.starts_with("✅ **Correction 1.2.c** : **93,23 €**\n"),
        "{reveal}"
    );
    assert!(
        reveal.contains(
            "\n\nQuestion close : temps écoulé. La classe : 7 justes, 5 presque, 2 faux, 16 sans réponse.\n\n"
        ),
        "{reveal}"
    );
    let mut rows: Vec<(usize, u64, i64)> = Vec::new();
    rows.extend((1..=5).map(|i| (1, i, 750)));
    rows.extend((6..=10).map(|i| (6, i, 625)));
    rows.push((11, 27, 500));
    rows.extend([23, 25, 29].map(|i| (12, i, 475)));
    rows.extend((11..=16).map(|i| (15, i, 375)));
    assert!(
        reveal.ends_with(&format!(
            "**Classement du quiz**\n{}\n… et 10 autres.",
            board_lines(&rows)
        )),
        "{reveal}"
    );
    assert_eq!(
        podium,
        "🏆 **Podium**\n🥇 Élève 01, Élève 02, Élève 03, Élève 04, Élève 05 – 0,75 point"
    );

    // Exact points in the database, per student and per item.
    let totals = bot.quiz_points(quiz).await;
    assert_eq!(totals.len(), 30, "{totals:#?}");
    for i in 1..=30 {
        let want: Vec<(i64, i64)> = thirty_expected(i)
            .iter()
            .enumerate()
            .filter_map(|(idx, p)| p.map(|p| (idx as i64, p)))
            .collect();
        let got: Vec<(i64, i64)> = bot
            .answers_of(quiz, st(i).user_id)
            .await
            .into_iter()
            .map(|(idx, _, p)| (idx, p))
            .collect();
        assert_eq!(got, want, "{}", name(i));
        let sum: i64 = want.iter().map(|w| w.1).sum();
        assert_eq!(totals[&name(i)], (sum, want.len() as i64), "{}", name(i));
    }
    assert_eq!(
        bot.count("SELECT COUNT(*) FROM answers").await,
        28 + 28 + 14
    );
    assert_eq!(bot.count("SELECT COUNT(*) FROM hints").await, 5);
    assert_eq!(
        bot.count("SELECT COUNT(*) FROM quizzes WHERE status = 'finished'")
            .await,
        1
    );

    // Summaries: one direct message per player.
    let start = Instant::now();
    while (1..=30).any(|i| bot.dms(st(i).user_id).is_empty()) {
        assert!(start.elapsed() < WAIT, "30 summaries by direct message");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    for i in 1..=30 {
        assert_eq!(bot.dms(st(i).user_id).len(), 1, "{}", name(i));
    }
    assert!(bot.dms(PROF_ID).is_empty(), "the teacher did not play");
    let opened: Vec<Recorded> = bot
        .fake
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST" && r.path == "/users/@me/channels")
        .collect();
    let mut recipients: Vec<u64> = opened
        .iter()
        .filter_map(|r| r.json.as_ref()?["recipient_id"].as_str()?.parse().ok())
        .collect();
    recipients.sort_unstable();
    assert_eq!(
        recipients,
        s.iter().map(|m| m.user_id).collect::<Vec<_>>(),
        "one direct-message channel opened per player"
    );
    assert_eq!(
        bot.dms(st(1).user_id)[0],
        "**Ton bilan** : 0,75 / 0,75 point, rang 1 sur 30. 3 justes, 0 presque, 0 faux, 0 sans réponse.\nSans faute : bravo !"
    );
    assert_eq!(
        bot.dms(st(26).user_id)[0],
        "**Ton bilan** : 0,3 / 0,75 point, rang 23 sur 30. 1 juste, 1 presque, 0 faux, 1 sans réponse.\nÀ revoir :\n\
         - 1.2.a Taux de clic Google Ads : /kpi 1.2.a\n\
         - 1.2.c Coût pour mille impressions Google Ads : pas de réponse ; /kpi 1.2.c"
    );
    assert_eq!(
        bot.dms(st(30).user_id)[0],
        "**Ton bilan** : 0,25 / 0,75 point, rang 24 sur 30. 1 juste, 0 presque, 0 faux, 2 sans réponse.\nÀ revoir :\n\
         - 1.2.a Taux de clic Google Ads : pas de réponse ; /kpi 1.2.a\n\
         - 1.2.b Coût par clic Google Ads : pas de réponse ; /kpi 1.2.b"
    );
    assert_eq!(
        bot.dms(st(28).user_id)[0],
        "**Ton bilan** : 0 / 0,75 point, rang 25 sur 30. 0 juste, 0 presque, 1 faux, 2 sans réponse.\nÀ revoir :\n\
         - 1.2.a Taux de clic Google Ads : /kpi 1.2.a\n\
         - 1.2.b Coût par clic Google Ads : pas de réponse ; /kpi 1.2.b\n\
         - 1.2.c Coût pour mille impressions Google Ads : pas de réponse ; /kpi 1.2.c"
    );
    bot.finish().await;
}

// ------------------------------------------------------------------------------------------
// 2. The same interaction delivered twice

/// Launches a quiz on `questions` (60 s each) by a Manage-Server teacher of `guild`; returns
/// (quiz, item 0) read from the question message posted in `channel`.
async fn launched_quiz(
    bot: &Bot,
    guild: u64,
    channel: u64,
    prof: &Member,
    questions: &str,
) -> (i64, i64) {
    let from = bot.posts(channel).len();
    let launched = bot
        .slash(guild, channel, prof, "quiz", launch(questions, 60))
        .await;
    assert!(
        launched.text().starts_with("Quiz lancé : "),
        "{launched:#?}"
    );
    let posts = bot.wait_post_starting(channel, from, "**Question 1/").await;
    item_of(posts.last().expect("question 1"))
}

/// Callbacks (not follow-ups) the bot sent for interaction `id`.
fn callbacks(bot: &Bot, id: u64) -> usize {
    bot.said(id).iter().filter(|s| s.kind != 0).count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn discord_e2e_an_interaction_delivered_twice_counts_once() {
    let bot = Bot::start("twice").await;
    let prof = manager(PROF_ID, "Prof");
    let item = launched_quiz(&bot, GUILD, QUIZ_CH, &prof, "1.2.a,1.2.b").await;
    let (alice, bob, carol) = (student(1), student(2), student(3));

    // Twins: the same form submission delivered twice in a row, then once more later (a
    // replay after the first was answered).
    let form = bot
        .click(
            GUILD,
            QUIZ_CH,
            &alice,
            &format!("cb:a:{}:{}", item.0, item.1),
        )
        .await;
    assert_eq!(form.kind, 9);
    let form_id = format!("cb:m:{}:{}", item.0, item.1);
    let twin = bot.id();
    let payload = modal_submit(
        twin,
        GUILD,
        QUIZ_CH,
        &alice,
        &form_id,
        &[("reponse", "17,76 %")],
    );
    bot.fake
        .dispatch("INTERACTION_CREATE", payload.clone())
        .await;
    bot.fake
        .dispatch("INTERACTION_CREATE", payload.clone())
        .await;
    bot.wait_said(twin, 1).await;
    bot.fake.dispatch("INTERACTION_CREATE", payload).await;

    // A slash answer delivered twice, one after the other.
    let again = bot.id();
    let payload = slash_command(
        again,
        GUILD,
        QUIZ_CH,
        &bob,
        "repondre",
        opt_str("reponse", "17,7 %"),
    );
    bot.fake
        .dispatch("INTERACTION_CREATE", payload.clone())
        .await;
    bot.wait_said(again, 1).await;
    bot.fake.dispatch("INTERACTION_CREATE", payload).await;

    // A launch delivered twice (after the first quiz is stopped).
    let from = bot.posts(QUIZ_CH).len();
    let stopped = bot
        .slash(GUILD, QUIZ_CH, &prof, "quiz", sub("arreter"))
        .await;
    assert!(
        stopped
            .text()
            .starts_with("C’est fait : le quiz est arrêté après "),
        "{stopped:#?}"
    );
    bot.wait_post_starting(QUIZ_CH, from, "⏹️ Quiz arrêté")
        .await;
    let twice = bot.id();
    let payload = slash_command(twice, GUILD, QUIZ_CH, &prof, "quiz", launch("1.2.c", 60));
    bot.fake
        .dispatch("INTERACTION_CREATE", payload.clone())
        .await;
    bot.fake.dispatch("INTERACTION_CREATE", payload).await;
    bot.wait_said(twice, 1).await;

    // A later interaction of someone else is answered normally: the bot goes on.
    let posts = bot.wait_post_starting(QUIZ_CH, 1, "**Question 1/1**").await;
    let item_c = item_of(posts.last().expect("the question of the second quiz"));
    let later = bot.answer(GUILD, QUIZ_CH, &carol, item_c, "93,23 €").await;
    assert_eq!(later[1].text(), saved("93,23 €"));

    // Scored once, launched once.
    assert_eq!(bot.count("SELECT COUNT(*) FROM answers").await, 3);
    let points = bot.quiz_points(item.0).await;
    assert_eq!(points[&name(1)], (250, 1));
    assert_eq!(points[&name(2)], (125, 1));
    assert_eq!(bot.quiz_points(item_c.0).await[&name(3)], (250, 1));
    assert_eq!(bot.count("SELECT COUNT(*) FROM quizzes").await, 2);
    let questions = bot
        .posts(QUIZ_CH)
        .iter()
        .filter(|p| post_text(p).starts_with("**Question 1/1**"))
        .count();
    assert_eq!(questions, 1, "one quiz, one question posted");

    // Whatever the bot does with a repeated delivery, it answers an interaction once: Discord
    // refuses a second callback (400, code 40060), so a second one is at best lost and at
    // worst takes the place of the real answer. (The fake forgets the acknowledgement when
    // the same interaction is dispatched again, so the bot's callbacks are counted here.)
    // A negative check, so a bounded wait: one second for late second answers.
    let deadline = Instant::now() + Duration::from_millis(1_000);
    while Instant::now() < deadline
        && [twin, again, twice]
            .iter()
            .any(|id| callbacks(&bot, *id) < 2)
    {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let mut twice_answered = Vec::new();
    let launched = format!(
        "Quiz lancé : 1 question de 60 s, 0,25 point en jeu. {} La première question arrive.",
        crate::helpers::EARLY_CLOSE
    );
    type IsFirst = Box<dyn Fn(&str) -> bool>;
    for (what, id, first) in [
        (
            "form submission",
            twin,
            Box::new(|t: &str| t == saved("17,76 %")) as IsFirst,
        ),
        (
            "slash /repondre",
            again,
            Box::new(|t: &str| t == saved("17,7 %")),
        ),
        (
            "slash /quiz lancer",
            twice,
            Box::new(|t: &str| t == launched),
        ),
    ] {
        let said = bot.said(id);
        let texts: Vec<String> = said.iter().map(Said::text).collect();
        if callbacks(&bot, id) != 1 || !texts.first().is_some_and(|t| first(t)) {
            twice_answered.push(format!("{what} (interaction {id}): {texts:?}"));
        }
    }
    bot.finish().await;
    assert!(
        twice_answered.is_empty(),
        "an interaction delivered twice is answered more than once (or not with its real \
         answer):\n{}",
        twice_answered.join("\n")
    );
}

// ------------------------------------------------------------------------------------------
// 3. The gateway connection drops in the middle of a quiz

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn discord_e2e_a_quiz_survives_a_dropped_gateway_connection() {
    let bot = Bot::start("resume").await;
    let prof = manager(PROF_ID, "Prof");
    let item1 = launched_quiz(&bot, GUILD, QUIZ_CH, &prof, "1.2.a,1.2.b").await;
    let s: Vec<Member> = (1..=6).map(student).collect();

    // Question 1: two answers, then the connection drops while student 3 has the form open.
    for who in &s[..2] {
        let said = bot.answer(GUILD, QUIZ_CH, who, item1, "17,76 %").await;
        assert_eq!(said[1].text(), saved("17,76 %"));
    }
    let form = bot
        .click(GUILD, QUIZ_CH, &s[2], &format!("cb:a:{}:0", item1.0))
        .await;
    assert_eq!(form.kind, 9);
    assert_eq!((bot.fake.connections(), bot.fake.identifies()), (1, 1));
    bot.fake.drop_connection().await;
    // Submitted while the bot is away: delivered once it is back.
    let away = bot.id();
    bot.fake
        .dispatch(
            "INTERACTION_CREATE",
            modal_submit(
                away,
                GUILD,
                QUIZ_CH,
                &s[2],
                &format!("cb:m:{}:0", item1.0),
                &[("reponse", "17,7 %")],
            ),
        )
        .await;
    assert!(
        bot.fake.wait_ready(Duration::from_secs(10)).await,
        "the bot comes back"
    );
    assert_eq!(bot.answer_to(away).await.text(), saved("17,7 %"));
    assert_eq!(
        (
            bot.fake.connections(),
            bot.fake.resumes(),
            bot.fake.identifies()
        ),
        (2, 1, 1),
        "the session is resumed, not started again"
    );
    // Answers after the resume count.
    let said = bot.answer(GUILD, QUIZ_CH, &s[3], item1, "0,1776").await;
    assert_eq!(said[1].text(), saved("0,1776"));
    let said = bot.answer(GUILD, QUIZ_CH, &s[0], item1, "0,1776").await;
    assert_eq!(said[1].text(), ALREADY_ANSWERED, "still one answer each");
    told_hint(&bot, &s[4], item1).await;
    let said = bot.answer(GUILD, QUIZ_CH, &s[4], item1, "17,76 %").await;
    assert_eq!(said[1].text(), saved("17,76 %"));

    // Question 2, and a second drop while it is open.
    let from = bot.posts(QUIZ_CH).len();
    bot.advance(60_000).await;
    let posts = bot
        .wait_post_starting(QUIZ_CH, from, "**Question 2/2**")
        .await;
    let reveal = posts[..posts.len() - 1]
        .iter()
        .map(post_text)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        reveal.contains("La classe : 3 justes, 1 presque, 1 faux."),
        "{reveal}"
    );
    assert!(
        reveal.ends_with(&format!(
            "**Classement du quiz**\n{}",
            board_lines(&[
                (1, 1, 250),
                (1, 2, 250),
                (3, 5, 225),
                (4, 3, 125),
                (5, 4, 0)
            ])
        )),
        "{reveal}"
    );
    let item2 = item_of(posts.last().expect("question 2"));
    assert_eq!(item2, (item1.0, 1));
    let said = bot.answer(GUILD, QUIZ_CH, &s[0], item2, "0,53 €").await;
    assert_eq!(said[1].text(), saved("0,53 €"));
    bot.fake.drop_connection().await;
    let away = bot.id();
    bot.fake
        .dispatch(
            "INTERACTION_CREATE",
            slash_command(
                away,
                GUILD,
                QUIZ_CH,
                &s[1],
                "repondre",
                opt_str("reponse", "0,5"),
            ),
        )
        .await;
    assert!(bot.fake.wait_ready(Duration::from_secs(10)).await);
    assert_eq!(bot.answer_to(away).await.text(), saved("0,5"));
    assert_eq!((bot.fake.resumes(), bot.fake.identifies()), (2, 1));
    for i in [2, 5] {
        let said = bot.answer(GUILD, QUIZ_CH, &s[i], item2, "0,53").await;
        assert_eq!(said[1].text(), saved("0,53"));
    }

    // The end, exact.
    let from = bot.posts(QUIZ_CH).len();
    bot.advance(60_000).await;
    let posts = bot.wait_post_starting(QUIZ_CH, from, "🏆 **Podium**").await;
    assert_eq!(
        post_text(posts.last().expect("podium")),
        "🏆 **Podium**\n🥇 Élève 01 – 0,5 point\n🥈 Élève 02, Élève 03 – 0,375 point"
    );
    let points = bot.quiz_points(item1.0).await;
    let want: BTreeMap<String, (i64, i64)> = [
        (1, (250 + 250, 2)),
        (2, (250 + 125, 2)),
        (3, (125 + 250, 2)),
        (4, (0, 1)),
        (5, (225, 1)),
        (6, (250, 1)),
    ]
    .into_iter()
    .map(|(i, p)| (name(i), p))
    .collect();
    assert_eq!(points, want);
    let start = Instant::now();
    while (1..=6).any(|i| bot.dms(student(i).user_id).is_empty()) {
        assert!(start.elapsed() < WAIT, "6 summaries by direct message");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    assert_eq!(
        bot.dms(student(1).user_id),
        vec!["**Ton bilan** : 0,5 / 0,5 point, rang 1 sur 6. 2 justes, 0 presque, 0 faux, 0 sans réponse.\nSans faute : bravo !".to_string()]
    );
    bot.finish().await;
}

/// Student `who` takes one hint (0,025 point) on `item`.
async fn told_hint(bot: &Bot, who: &Member, item: (i64, i64)) {
    let [offer, taken] = bot.hint(GUILD, QUIZ_CH, who, item, 1, "0,025 point").await;
    assert_private_and_neutral(&[offer, taken]);
}

// ------------------------------------------------------------------------------------------
// 4. Students cannot use teacher commands, nor crafted buttons

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn discord_e2e_students_cannot_run_teacher_commands_or_crafted_buttons() {
    let bot = Bot::start("refused").await;
    let prof = manager(PROF_ID, "Prof");
    let item = launched_quiz(&bot, GUILD, QUIZ_CH, &prof, "1.2.a,1.2.b").await;
    let alice = student(1);
    // A role, but not the teacher role (none is configured: Manage Server makes teachers).
    let eve = student(2).with_roles(&[TEACHER_ROLE + 1]);
    let said = bot.answer(GUILD, QUIZ_CH, &alice, item, "17,76 %").await;
    assert_eq!(said[1].text(), saved("17,76 %"));
    let help = bot.slash(GUILD, QUIZ_CH, &eve, "aide", json!([])).await;
    assert!(
        help.text().starts_with("**casebot** – réviser"),
        "{help:#?}"
    );
    let before = bot.snapshot().await;
    let actions = bot.count("SELECT COUNT(*) FROM actions").await;
    let posts = bot.posts(QUIZ_CH).len();

    let role = json!([{"name": "role-enseignant", "type": 8, "value": TEACHER_ROLE.to_string()}]);
    let channel = json!([{"name": "salon-quiz", "type": 7, "value": OTHER_CH.to_string()}]);
    let attempts: Vec<(&str, Value)> = vec![
        ("quiz", launch("1.2.c", 60)),
        ("quiz", sub("pause")),
        ("quiz", sub("reprendre")),
        ("quiz", sub("suivante")),
        (
            "quiz",
            json!([{"name": "prolonger", "type": 1, "options": [
                {"name": "secondes", "type": 4, "value": 30}]}]),
        ),
        ("quiz", sub("arreter")),
        ("export", json!([])),
        (
            "effacer-classe",
            json!([{"name": "confirmer", "type": 5, "value": true}]),
        ),
        ("effacer-classe", json!([])),
        ("config", role),
        ("config", channel),
        ("config", json!([])),
        (
            "classement",
            json!([{"name": "reinitialiser", "type": 5, "value": true}]),
        ),
    ];
    for who in [&alice, &eve] {
        for (cmd, opts) in &attempts {
            let said = bot.slash(GUILD, QUIZ_CH, who, cmd, opts.clone()).await;
            assert_eq!(
                (said.kind, said.text(), said.ephemeral(), said.files.len()),
                (4, TEACHER_ONLY.to_string(), true, 0),
                "/{cmd} {opts} by {}",
                who.name
            );
        }
    }
    assert_eq!(
        bot.snapshot().await,
        before,
        "a refused command changes nothing"
    );
    assert_eq!(bot.count("SELECT COUNT(*) FROM actions").await, actions);
    assert_eq!(bot.posts(QUIZ_CH).len(), posts, "nothing posted");

    // Crafted component ids: never a teacher action, always an answer.
    let before = bot.snapshot().await;
    for crafted in [
        "cb:k:999:0",
        "cb:h:999:0",
        &format!("cb:k:{}:5", item.0),
        "quiz:stop",
        "cb:a:1",
        "cb:stop:1:1",
        "cb:a:-1:0",
        &format!("cb:m:{}:0", item.0),
        "cb:a:1:2:3",
    ] {
        let said = bot.click(GUILD, QUIZ_CH, &eve, crafted).await;
        assert_eq!(said.kind, 4, "{crafted}: {said:#?}");
        assert!(said.ephemeral(), "{crafted}");
        let text = said.text();
        assert!(
            text == UNKNOWN_BUTTON || text == ITEM_CLOSED || text == HINT_CLOSED,
            "{crafted}: {text}"
        );
    }
    // A form for a quiz that does not exist opens, and its answer is refused.
    let said = bot.answer(GUILD, QUIZ_CH, &eve, (999, 0), "17,76 %").await;
    assert_eq!(said[1].text(), ITEM_CLOSED);
    // Forms with crafted ids.
    for crafted in ["quiz:stop", "cb:a:1:0", "cb:m:1", "cb:m:999:0"] {
        let said = bot
            .submit(GUILD, QUIZ_CH, &eve, crafted, "reponse", "17,76 %")
            .await;
        assert_eq!(said.kind, 4, "{crafted}");
        assert!(said.ephemeral(), "{crafted}");
        assert!(
            [UNKNOWN_BUTTON, ITEM_CLOSED].contains(&said.text().as_str()),
            "{crafted}: {}",
            said.text()
        );
    }
    assert_eq!(bot.snapshot().await, before, "crafted ids change nothing");
    assert!(
        bot.count("SELECT COUNT(*) FROM actions").await <= actions + 2,
        "at most the idempotency records of the two hint confirmations"
    );
    assert_eq!(bot.posts(QUIZ_CH).len(), posts, "nothing posted");

    // The quiz still runs: the teacher stops it (her reply is private, the class is told in
    // the channel), the answer keeps its points.
    let id = bot.id();
    bot.fake
        .dispatch(
            "INTERACTION_CREATE",
            slash_command(id, GUILD, QUIZ_CH, &prof, "quiz", sub("arreter")),
        )
        .await;
    let said = [bot.answer_to(id).await];
    assert!(
        said[0]
            .text()
            .starts_with("C’est fait : le quiz est arrêté après "),
        "{said:#?}"
    );
    assert!(said[0].ephemeral(), "{said:#?}");
    let told: Vec<String> = bot
        .wait_post_starting(QUIZ_CH, posts, "🏆 **Podium**")
        .await
        .iter()
        .map(post_text)
        .collect();
    assert_eq!(
        told[0],
        "⏹️ Quiz arrêté par l’enseignant. Les réponses données gardent leurs points."
    );
    // The open question's correction, then the podium.
    assert!(told[1].starts_with("✅ **Correction 1.2.a**"));
    assert_eq!(told[2], "🏆 **Podium**\n🥇 Élève 01 – 0,25 point");
    assert_eq!(told.len(), 3, "{told:#?}");
    assert_eq!(
        bot.count("SELECT COUNT(*) FROM quizzes WHERE status = 'stopped'")
            .await,
        1
    );
    assert_eq!(bot.quiz_points(item.0).await[&name(1)], (250, 1));
    bot.finish().await;
}

// ------------------------------------------------------------------------------------------
// 5. Two class servers at once

/// The CSV file of an `/export` response: its name and its lines (without the byte-order mark).
fn csv_of(said: &Said) -> (String, Vec<String>) {
    assert_eq!(said.files.len(), 1, "one file: {said:#?}");
    let (name, bytes) = &said.files[0];
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 with a BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).expect("UTF-8");
    (name.clone(), text.lines().map(str::to_string).collect())
}

const CSV_HEADER: &str =
    "eleve;identifiant;source;question;partie;indicateur;tentative;reponse;verdict;points;indices_points;date_utc;sujet";

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn discord_e2e_two_class_servers_play_at_once_without_mixing() {
    let bot = Bot::start("two-classes").await;
    let prof_a = manager(PROF_ID, "Prof A");
    let prof_b = manager(PROF_B_ID, "Prof B");
    let a = launched_quiz(&bot, GUILD, QUIZ_CH, &prof_a, "1.2.a").await;
    let b = launched_quiz(&bot, GUILD_B, QUIZ_CH_B, &prof_b, "1.2.b").await;
    assert_ne!(a.0, b.0, "two quizzes");
    assert_eq!(
        post_text(&bot.posts(QUIZ_CH)[0]),
        question_text(1, 1, "1.2.a", STATEMENT_A, T0 + 60_000)
    );
    assert_eq!(
        post_text(&bot.posts(QUIZ_CH_B)[0]),
        question_text(1, 1, "1.2.b", STATEMENT_B, T0 + 60_000)
    );
    let s: Vec<Member> = (1..=5).map(student).collect();

    // Student 2 of class A tries the button of class B's question from class A.
    let cross = bot.answer(GUILD, QUIZ_CH, &s[1], b, "0,53 €").await;
    assert_eq!(cross[1].text(), ITEM_CLOSED);
    for (guild, channel, i, item, text) in [
        (GUILD, QUIZ_CH, 0, a, "17,76 %"),
        (GUILD, QUIZ_CH, 1, a, "17,7 %"),
        (GUILD, QUIZ_CH, 2, a, "0,1776"),
        // Student 1 is in both servers: one member of each class.
        (GUILD_B, QUIZ_CH_B, 0, b, "0,6"),
        (GUILD_B, QUIZ_CH_B, 3, b, "0,53 €"),
    ] {
        let said = bot.answer(guild, channel, &s[i], item, text).await;
        assert_eq!(said[1].text(), saved(text));
    }
    let by_slash = bot
        .slash(
            GUILD_B,
            QUIZ_CH_B,
            &s[4],
            "repondre",
            opt_str("reponse", "0,5"),
        )
        .await;
    assert_eq!(by_slash.text(), saved("0,5"));

    // Both deadlines pass: each class gets its own reveal, board and podium, in its channel.
    bot.advance(60_000).await;
    let posts_a = bot.wait_post_starting(QUIZ_CH, 1, "🏆 **Podium**").await;
    let posts_b = bot.wait_post_starting(QUIZ_CH_B, 1, "🏆 **Podium**").await;
    let text = |posts: &[Recorded]| {
        posts[..posts.len() - 1]
            .iter()
            .map(post_text)
            .collect::<Vec<_>>()
            .join("\n")
    };
    let (reveal_a, reveal_b) = (text(&posts_a), text(&posts_b));
    assert!(reveal_a.starts_with("✅ **Correction 1.2.a** : **17,76 %**\n"));
    assert!(reveal_a.contains("La classe : 1 juste, 1 presque, 1 faux."));
    assert!(reveal_a.ends_with(&format!(
        "**Classement du quiz**\n{}",
        board_lines(&[(1, 1, 250), (2, 2, 125), (3, 3, 0)])
    )));
    assert!(reveal_b.starts_with("✅ **Correction 1.2.b** : **0,53 €**\n"));
    assert!(reveal_b.contains("La classe : 1 juste, 1 presque, 1 faux."));
    assert!(reveal_b.ends_with(&format!(
        "**Classement du quiz**\n{}",
        board_lines(&[(1, 4, 250), (2, 5, 125), (3, 1, 0)])
    )));
    assert_eq!(
        post_text(posts_a.last().expect("podium A")),
        "🏆 **Podium**\n🥇 Élève 01 – 0,25 point\n🥈 Élève 02 – 0,125 point"
    );
    assert_eq!(
        post_text(posts_b.last().expect("podium B")),
        "🏆 **Podium**\n🥇 Élève 04 – 0,25 point\n🥈 Élève 05 – 0,125 point"
    );

    // The database keeps them apart.
    let want_a: BTreeMap<String, (i64, i64)> = [(1, 250), (2, 125), (3, 0)]
        .into_iter()
        .map(|(i, p)| (name(i), (p, 1)))
        .collect();
    let want_b: BTreeMap<String, (i64, i64)> = [(1, 0), (4, 250), (5, 125)]
        .into_iter()
        .map(|(i, p)| (name(i), (p, 1)))
        .collect();
    assert_eq!(bot.quiz_points(a.0).await, want_a);
    assert_eq!(bot.quiz_points(b.0).await, want_b);
    assert_eq!(bot.count("SELECT COUNT(*) FROM classes").await, 2);
    assert_eq!(
        bot.count("SELECT COUNT(*) FROM members WHERE platform_user = '942000000000000001'")
            .await,
        2,
        "student 1 is a member of each class"
    );

    // Student 1's two summaries, one per class, in the same direct-message channel.
    let start = Instant::now();
    while bot.dms(s[0].user_id).len() < 2 {
        assert!(start.elapsed() < WAIT, "two summaries for student 1");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let mut dms = bot.dms(s[0].user_id);
    dms.sort();
    assert_eq!(
        dms,
        vec![
            "**Ton bilan** : 0 / 0,25 point, rang 3 sur 3. 0 juste, 0 presque, 1 faux, 0 sans réponse.\nÀ revoir :\n- 1.2.b Coût par clic Google Ads : /kpi 1.2.b".to_string(),
            "**Ton bilan** : 0,25 / 0,25 point, rang 1 sur 3. 1 juste, 0 presque, 0 faux, 0 sans réponse.\nSans faute : bravo !".to_string(),
        ]
    );

    // Boards and exports, each of its own class.
    let board_a = bot
        .slash(GUILD, QUIZ_CH, &s[1], "classement", json!([]))
        .await;
    // A student's /classement answers her alone (a teacher posts boards to the class).
    assert!(board_a.ephemeral(), "a student's board is private");
    assert_eq!(
        board_a.text(),
        format!(
            "**Classement général**\n{}",
            board_lines(&[(1, 1, 250), (2, 2, 125), (3, 3, 0)])
        )
    );
    let board_b = bot
        .slash(GUILD_B, QUIZ_CH_B, &s[4], "classement", json!([]))
        .await;
    assert_eq!(
        board_b.text(),
        format!(
            "**Classement général**\n{}",
            board_lines(&[(1, 4, 250), (2, 5, 125), (3, 1, 0)])
        )
    );
    for (guild, channel, prof, quiz, names) in [
        (
            GUILD,
            QUIZ_CH,
            &prof_a,
            a.0,
            ["Élève 01", "Élève 02", "Élève 03"],
        ),
        (
            GUILD_B,
            QUIZ_CH_B,
            &prof_b,
            b.0,
            ["Élève 01", "Élève 04", "Élève 05"],
        ),
    ] {
        let export = bot.slash(guild, channel, prof, "export", json!([])).await;
        assert_eq!(
            export.text(),
            "Voici les résultats de la classe (3 lignes), prêts pour un tableur."
        );
        assert!(export.ephemeral());
        let (file, lines) = csv_of(&export);
        assert_eq!(file, format!("resultats-serveur-{guild}.csv"));
        assert_eq!(lines[0], CSV_HEADER);
        assert_eq!(lines.len(), 4, "{lines:#?}");
        for (line, name) in lines[1..].iter().zip(names) {
            assert!(
                line.starts_with(&format!("{name};")) && line.contains(&format!(";quiz {quiz};")),
                "{line}"
            );
        }
    }
    bot.finish().await;
}

// ------------------------------------------------------------------------------------------
// 6. Discord's limits: long texts split (never cut), autocomplete, boards of 30, exports

/// Line structure only: every run of line breaks (and the spaces around them) becomes one
/// line break. A text split at line breaks compares equal to the whole; a cut inside a line
/// does not.
fn lines_only(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn assert_split_not_cut(pieces: &[String], whole: &str) {
    for p in pieces {
        assert!(
            p.chars().count() <= 2000,
            "{} characters: {p}",
            p.chars().count()
        );
        assert!(!p.trim().is_empty(), "an empty piece");
    }
    assert_eq!(lines_only(&pieces.join("\n")), lines_only(whole));
}

/// A long display name (Discord allows 32 characters).
fn long_name(i: u64) -> String {
    format!("Élève {i:02} du groupe B2 NDRC Paris")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn discord_e2e_long_texts_autocomplete_boards_and_exports_stay_within_discord_limits() {
    let mut settings = play_settings();
    settings.boards.max_rows = 30;
    let bot = Bot::start_with("limits", settings).await;
    let app = play_app();
    let case = &app.cases[0];
    let messages = &app.messages;
    let prof = manager(PROF_ID, "Prof");
    let s: Vec<Member> = (1..=30)
        .map(|i| Member::new(942_000_000_000_000_000 + i, &long_name(i)))
        .collect();
    assert!(s.iter().all(|m| m.name.chars().count() == 32));

    // /annexe 2 fits in one message; /annexe 6 is longer than a message: split, never cut.
    let annex2 = bot
        .slash(
            GUILD,
            OTHER_CH,
            &s[0],
            "annexe",
            json!([{"name": "numero", "type": 4, "value": 2}]),
        )
        .await;
    assert!(annex2.ephemeral());
    assert_eq!(
        annex2.content(),
        casebot::render::annex(messages, case, 2).expect("annex 2")
    );
    assert_eq!(bot.said(bot.next_id.load(Ordering::SeqCst) - 1).len(), 1);
    let whole = casebot::render::annex(messages, case, 6).expect("annex 6");
    assert!(whole.chars().count() > 2000, "annex 6 is long");
    let id = bot.id();
    bot.fake
        .dispatch(
            "INTERACTION_CREATE",
            slash_command(
                id,
                GUILD,
                OTHER_CH,
                &s[0],
                "annexe",
                json!([{"name": "numero", "type": 4, "value": 6}]),
            ),
        )
        .await;
    let pieces = bot.wait_said(id, 2).await;
    assert_eq!(
        (pieces[0].kind, pieces[1].kind),
        (4, 0),
        "a callback, then a follow-up"
    );
    assert!(pieces.iter().all(Said::ephemeral));
    let texts: Vec<String> = pieces.iter().map(Said::content).collect();
    assert_split_not_cut(&texts, &whole);

    // Autocomplete: type 8, at most 25 choices, names of at most 100 characters.
    for (cmd, option, kind, partial, at_least) in [
        ("kpi", "indicateur", 3, "", 25),
        ("kpi", "indicateur", 3, "clic", 1),
        ("annexe", "numero", 4, "", 9),
    ] {
        let id = bot.id();
        let focused = json!([{"name": option, "type": kind, "value": partial, "focused": true}]);
        let said = bot
            .exchange(id, autocomplete(id, GUILD, OTHER_CH, &s[0], cmd, focused))
            .await;
        assert_eq!(said.kind, 8, "{cmd}: {said:#?}");
        let choices = said.data["choices"].as_array().expect("choices").clone();
        assert!(
            choices.len() >= at_least && choices.len() <= 25,
            "{cmd} {partial:?}: {} choices",
            choices.len()
        );
        for c in &choices {
            let name = c["name"].as_str().expect("a name");
            assert!(!name.is_empty() && name.chars().count() <= 100, "{c}");
        }
        if partial == "clic" {
            assert!(
                choices
                    .iter()
                    .any(|c| c["value"] == "a3_ctr" && c["name"] == "Taux de clic Google Ads"),
                "{choices:#?}"
            );
        }
        if cmd == "annexe" {
            let values: Vec<i64> = choices.iter().filter_map(|c| c["value"].as_i64()).collect();
            assert_eq!(values, (1..=9).collect::<Vec<_>>());
        }
    }

    // A quiz of 30 players: its reveal and board hold 30 long names.
    let item = launched_quiz(&bot, GUILD, QUIZ_CH, &prof, "1.2.a").await;
    for (range, text) in [(0..10, "17,76 %"), (10..20, "17,7 %"), (20..30, "0,1776")] {
        for i in range {
            let said = bot.answer(GUILD, QUIZ_CH, &s[i], item, text).await;
            assert_eq!(said[1].text(), saved(text));
        }
    }
    let board_rows = |title: &str| {
        let mut text = format!("**{title}**");
        for i in 1..=30u64 {
            let (rank, pts) = match i {
                1..=10 => (1, 250),
                11..=20 => (11, 125),
                _ => (21, 0),
            };
            text.push_str(&format!("\n{rank}. {} – {}", long_name(i), fr_points(pts)));
        }
        text
    };
    bot.advance(60_000).await;
    let posts = bot.wait_post_starting(QUIZ_CH, 1, "🏆 **Podium**").await;
    let reveal: Vec<String> = posts[..posts.len() - 1]
        .iter()
        .map(|p| {
            p.json.as_ref().expect("a body")["content"]
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    assert!(
        reveal.len() >= 2,
        "a reveal with 30 long names is split: {reveal:#?}"
    );
    let kpi = case.kpi_index("a3_ctr").expect("a3_ctr");
    let result = case.kpi_result(kpi).expect("a3_ctr evaluates");
    let whole = format!(
        "✅ **Correction 1.2.a** : **{}**\n{}\n\n{}\n\nQuestion close : temps écoulé. La classe : 10 justes, 10 presque, 10 faux.\n\
         Erreur la plus fréquente : rapport non multiplié par 100 (10).\n\n{}",
        result.text,
        casebot::render::kpi(messages, &result),
        case.text("part.1.2.a.commentary"),
        board_rows("Classement du quiz")
    );
    assert!(whole.chars().count() > 2000);
    assert_split_not_cut(&reveal, &whole);

    // The class board with 30 names, privately for the student who asks.
    let board = bot
        .slash(GUILD, QUIZ_CH, &s[3], "classement", json!([]))
        .await;
    assert!(board.ephemeral());
    assert_eq!(board.content(), board_rows("Classement général"));
    let board = bot
        .slash(
            GUILD,
            QUIZ_CH,
            &s[3],
            "classement",
            json!([{"name": "periode", "type": 4, "value": 3}]),
        )
        .await;
    assert_eq!(board.content(), board_rows("Classement du quiz"));
    // The KPI is open again after its correction.
    let worked = bot
        .slash(
            GUILD,
            QUIZ_CH,
            &s[3],
            "kpi",
            opt_str("indicateur", "a3_ctr"),
        )
        .await;
    assert!(worked.ephemeral());
    assert_eq!(worked.content(), casebot::render::kpi(messages, &result));

    // The export: a CSV file in a multipart body, 30 rows.
    let export = bot.slash(GUILD, QUIZ_CH, &prof, "export", json!([])).await;
    assert_eq!(
        export.text(),
        "Voici les résultats de la classe (30 lignes), prêts pour un tableur."
    );
    let (file, lines) = csv_of(&export);
    assert_eq!(file, format!("resultats-serveur-{GUILD}.csv"));
    assert_eq!(lines.len(), 31);
    assert_eq!(lines[0], CSV_HEADER);
    assert!(
        lines[1].starts_with(&format!(
            "{};942000000000000001;quiz {};1.2;1.2.a;Taux de clic Google Ads;1;17,76 %;juste;0,25;0;2026-11-23 00:00:00;arbre-cadeau",
            long_name(1),
            item.0
        )),
        "{}",
        lines[1]
    );
    let payload = &export.data;
    assert_eq!(payload["attachments"][0]["filename"], file.as_str());
    // Personal data: a JSON file.
    let mine = bot
        .slash(GUILD, QUIZ_CH, &s[0], "mes-donnees", json!([]))
        .await;
    assert!(mine.ephemeral());
    assert_eq!(mine.files.len(), 1);
    assert_eq!(mine.files[0].0, "mes-donnees.json");
    let data: Value = serde_json::from_slice(&mine.files[0].1).expect("JSON");
    assert_eq!(data["answers"].as_array().map(Vec::len), Some(1));
    bot.finish().await;
}

// ------------------------------------------------------------------------------------------
// 7. Posting fails: the quiz waits

/// (shown_at, deadline_at, closed_at, revealed_at) of a quiz item.
async fn item_clock(bot: &Bot, quiz: i64, idx: i64) -> [Option<i64>; 4] {
    let row: (Option<i64>, Option<i64>, Option<i64>, Option<i64>) = sqlx::query_as(
        "SELECT shown_at, deadline_at, closed_at, revealed_at FROM quiz_items WHERE quiz_id = ? AND idx = ?",
    )
    .bind(quiz)
    .bind(idx)
    .fetch_one(&bot.engine.store().read)
    .await
    .expect("quiz item");
    [row.0, row.1, row.2, row.3]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn discord_e2e_a_question_that_cannot_be_posted_holds_the_quiz() {
    let bot = Bot::start("post-fails").await;
    let prof = manager(PROF_ID, "Prof");
    let (alice, bob) = (student(1), student(2));

    bot.fake.fail_channel_messages(true);
    let launched = bot
        .slash(GUILD, QUIZ_CH, &prof, "quiz", launch("1.2.a,1.2.b", 60))
        .await;
    assert_eq!(
        launched.text(),
        format!(
            "Quiz lancé : 2 questions de 60 s, 0,5 point en jeu. {} La première question arrive.",
            crate::helpers::EARLY_CLOSE
        )
    );
    bot.wait_posts(QUIZ_CH, 1).await; // the first attempt, refused (500)
    let quiz = bot.count("SELECT MAX(id) FROM quizzes").await;
    assert_eq!(
        item_clock(&bot, quiz, 0).await,
        [None; 4],
        "its clock has not started"
    );

    // No answer is taken while the question is not posted.
    let said = bot
        .slash(
            GUILD,
            QUIZ_CH,
            &alice,
            "repondre",
            opt_str("reponse", "17,76 %"),
        )
        .await;
    assert_eq!(said.text(), NOTHING_OPEN);
    assert!(said.ephemeral());
    let said = bot
        .submit(
            GUILD,
            QUIZ_CH,
            &bob,
            &format!("cb:m:{quiz}:0"),
            "reponse",
            "17,76 %",
        )
        .await;
    assert_eq!(said.text(), NOTHING_OPEN);
    let said = bot
        .slash(
            GUILD,
            QUIZ_CH,
            &bob,
            "indice",
            json!([{"name": "confirmer", "type": 5, "value": true}]),
        )
        .await;
    assert_eq!(said.text(), NOTHING_OPEN);
    assert_eq!(bot.count("SELECT COUNT(*) FROM answers").await, 0);
    assert_eq!(bot.count("SELECT COUNT(*) FROM hints").await, 0);

    // Before the retry delay (2 s after the first failure): no new attempt.
    bot.advance(1_000).await;
    assert_eq!(bot.posts(QUIZ_CH).len(), 1);
    // At the retry delay: a new attempt, refused again; the next one waits 4 s.
    bot.advance(1_000).await;
    assert_eq!(bot.wait_posts(QUIZ_CH, 2).await.len(), 2);
    bot.fake.fail_channel_messages(false);
    bot.advance(3_999).await;
    assert_eq!(bot.posts(QUIZ_CH).len(), 2, "the retry waits its delay");
    assert_eq!(item_clock(&bot, quiz, 0).await, [None; 4]);
    // Past the delay, the question is posted; its clock starts then.
    bot.advance(1).await;
    let posts = bot.wait_posts(QUIZ_CH, 3).await;
    let shown = T0 + 6_000;
    assert_eq!(
        post_text(&posts[2]),
        question_text(1, 2, "1.2.a", STATEMENT_A, shown + 60_000)
    );
    assert_eq!(
        item_clock(&bot, quiz, 0).await,
        [Some(shown), Some(shown + 60_000), None, None]
    );
    let item1 = item_of(&posts[2]);
    assert_eq!(item1, (quiz, 0));
    let said = bot.answer(GUILD, QUIZ_CH, &alice, item1, "17,76 %").await;
    assert_eq!(said[1].text(), saved("17,76 %"));
    let said = bot
        .slash(
            GUILD,
            QUIZ_CH,
            &bob,
            "repondre",
            opt_str("reponse", "17,7 %"),
        )
        .await;
    assert_eq!(said.text(), saved("17,7 %"));

    // The reveal cannot be posted: the quiz does not move on to question 2.
    bot.fake.fail_channel_messages(true);
    bot.advance(60_000).await;
    bot.wait_posts(QUIZ_CH, 4).await;
    let closed = shown + 60_000;
    assert_eq!(
        item_clock(&bot, quiz, 0).await,
        [Some(shown), Some(shown + 60_000), Some(closed), None]
    );
    assert_eq!(item_clock(&bot, quiz, 1).await, [None; 4]);
    let said = bot
        .submit(
            GUILD,
            QUIZ_CH,
            &alice,
            &format!("cb:m:{quiz}:1"),
            "reponse",
            "0,53 €",
        )
        .await;
    assert_eq!(said.text(), ITEM_CLOSED);
    let said = bot
        .slash(
            GUILD,
            QUIZ_CH,
            &bob,
            "repondre",
            opt_str("reponse", "0,53 €"),
        )
        .await;
    assert_eq!(said.text(), ITEM_CLOSED);
    assert_eq!(bot.count("SELECT COUNT(*) FROM answers").await, 2);

    // Posting works again: after the delay, the reveal, then question 2.
    bot.fake.fail_channel_messages(false);
    let from = bot.posts(QUIZ_CH).len();
    bot.advance(2_000).await;
    let posts = bot
        .wait_post_starting(QUIZ_CH, from, "**Question 2/2**")
        .await;
    assert!(post_text(&posts[0]).starts_with("✅ **Correction 1.2.a** : **17,76 %**\n"));
    let revealed = closed + 2_000;
    assert_eq!(
        post_text(posts.last().expect("question 2")),
        question_text(2, 2, "1.2.b", STATEMENT_B, revealed + 60_000)
    );
    assert_eq!(
        item_clock(&bot, quiz, 0).await,
        [
            Some(shown),
            Some(shown + 60_000),
            Some(closed),
            Some(revealed)
        ]
    );
    let item2 = item_of(posts.last().expect("question 2"));
    let said = bot.answer(GUILD, QUIZ_CH, &bob, item2, "0,53 €").await;
    assert_eq!(said[1].text(), saved("0,53 €"));
    let from = bot.posts(QUIZ_CH).len();
    bot.advance(60_000).await;
    let posts = bot.wait_post_starting(QUIZ_CH, from, "🏆 **Podium**").await;
    assert_eq!(
        post_text(posts.last().expect("podium")),
        "🏆 **Podium**\n🥇 Élève 02 – 0,375 point\n🥈 Élève 01 – 0,25 point"
    );
    let want: BTreeMap<String, (i64, i64)> = [(name(1), (250, 1)), (name(2), (125 + 250, 2))]
        .into_iter()
        .collect();
    assert_eq!(bot.quiz_points(quiz).await, want);
    let start = Instant::now();
    while bot.dms(alice.user_id).is_empty() || bot.dms(bob.user_id).is_empty() {
        assert!(start.elapsed() < WAIT, "the summaries");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    bot.finish().await;
}

/// The draft feedback: `/brouillon` opens a 4,000-character form; its submission comes back as
/// private feedback (split when long); `/modeles` shows the model posts.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_e2e_draft_form_gives_private_feedback_and_models_are_shown() {
    let bot = Bot::start("draft").await;
    let ana = student(1);
    let form = bot
        .slash(GUILD, OTHER_CH, &ana, "brouillon", json!([]))
        .await;
    assert_eq!(form.kind, 9, "a form: {form:#?}");
    assert_eq!(form.data["custom_id"], "cb:draft");
    let input = &form.data["components"][0]["components"][0];
    assert_eq!(input["custom_id"], "brouillon");
    assert_eq!(input["style"], 2, "a paragraph");
    assert_eq!(input["max_length"], 4000);

    let draft = "Bonjour à tous\nNous avons livré des arbres.\n#arbre";
    let feedback = bot
        .submit(GUILD, OTHER_CH, &ana, "cb:draft", "brouillon", draft)
        .await;
    assert!(feedback.ephemeral(), "private feedback");
    let text = feedback.text();
    assert!(
        text.starts_with("**Analyse de ton brouillon** : 1 sur 11"),
        "{text}"
    );
    assert!(text.contains("❌ **Accroche**"), "{text}");
    // Fifty characters are not a length that holds (issue #10).
    assert!(
        text.contains("❌ **Longueur** : 50 caractères seulement"),
        "{text}"
    );

    let models = bot.slash(GUILD, OTHER_CH, &ana, "modeles", json!([])).await;
    assert!(models.ephemeral(), "a student reads the models privately");
    assert!(
        models.text().contains("Modèles de publication LinkedIn"),
        "{}",
        models.text()
    );
    bot.finish().await;
}

// ------------------------------------------------------------------------------------------
// The LinkedIn workshop and the written answers

impl Bot {
    /// Ticks `values` in the select menu `custom_id` (with the bot message that holds it).
    async fn select(&self, who: &Member, custom_id: &str, values: &[&str]) -> Said {
        let id = self.id();
        let mut payload = select_menu(id, GUILD, OTHER_CH, who, custom_id, values);
        if let Some(message) = self.fake.message_with_component(custom_id) {
            payload["message"] = message;
        }
        self.exchange(id, payload).await
    }
}

/// The components of a said message, flattened: (type, custom id).
fn components_of(said: &Said) -> Vec<(u64, String)> {
    let mut out = Vec::new();
    for row in said.data["components"]
        .as_array()
        .map_or(&[][..], Vec::as_slice)
    {
        for c in row["components"].as_array().map_or(&[][..], Vec::as_slice) {
            out.push((
                c["type"].as_u64().unwrap_or(0),
                c["custom_id"].as_str().unwrap_or("").to_string(),
            ));
        }
    }
    out
}

/// The class workshop on Discord: model posts and an anonymous draft put to the vote, each in
/// the channel with vote buttons and its own thread; one changeable vote per student; the tally
/// at the close; a written answer in a 4,000-character form, self-assessed in a select menu;
/// the teacher's grade in a select menu, counted on the board and sent to the student by DM.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_e2e_workshop_votes_threads_self_assessment_and_grading() {
    let bot = Bot::start("workshop").await;
    let prof = admin();
    let [ana, ben] = [student(1), student(2)];

    // A model put to the vote: an ephemeral acknowledgement, the post in the channel.
    let said = bot
        .slash(
            GUILD,
            OTHER_CH,
            &prof,
            "vote",
            json!([{"name": "modeles", "type": 1, "options": [
                {"name": "numero", "type": 4, "value": 1}
            ]}]),
        )
        .await;
    assert!(said.ephemeral(), "{said:#?}");
    assert!(
        said.text()
            .starts_with("Soumis au vote de la classe : 1 post, "),
        "{}",
        said.text()
    );
    bot.wait_posts(OTHER_CH, 1).await;
    // The interaction is answered first, then the post goes out (Discord's 3 seconds).
    let requests = bot.fake.requests();
    let answered = requests
        .iter()
        .position(|r| r.path.ends_with("/callback"))
        .expect("the callback");
    let posted = requests
        .iter()
        .position(|r| r.method == "POST" && r.path == format!("/channels/{OTHER_CH}/messages"))
        .expect("the post");
    assert!(
        answered < posted,
        "answered at {answered}, posted at {posted}"
    );
    bot.wait_post_starting(OTHER_CH, 0, "🗳️ **Vote – Modèle 1 : ")
        .await;
    // A long model post comes in two messages: the buttons are on the last.
    let start = Instant::now();
    let last = loop {
        let with_buttons = bot
            .posts(OTHER_CH)
            .into_iter()
            .rev()
            .find(|p| custom_ids(&p.json.as_ref().expect("json")["components"]).len() == 3);
        if let Some(p) = with_buttons {
            break p;
        }
        assert!(start.elapsed() < WAIT, "no vote buttons");
        tokio::time::sleep(Duration::from_millis(5)).await;
    };
    let body = last.json.as_ref().expect("json");
    assert_eq!(
        custom_ids(&body["components"]),
        ["cb:v:1:0", "cb:v:1:1", "cb:v:1:2"]
    );
    assert_eq!(
        labels(&body["components"]),
        ["👍 Convaincant", "🤔 Mitigé", "👎 À retravailler"]
    );
    assert_eq!(body["allowed_mentions"]["parse"], json!([]));
    let start = Instant::now();
    while bot.fake.threads().is_empty() {
        assert!(start.elapsed() < WAIT, "no discussion thread");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let thread = &bot.fake.threads()[0];
    assert_eq!(thread.parent_id, OTHER_CH);
    assert!(
        thread.name.starts_with("Discussion – Modèle 1 : "),
        "{}",
        thread.name
    );
    let with_buttons = bot
        .fake
        .message_with_component("cb:v:1:0")
        .expect("the post with its buttons");
    assert_eq!(
        with_buttons["id"].as_str(),
        Some(thread.message_id.to_string().as_str()),
        "the thread starts from the post that holds the buttons"
    );

    // A student shares a draft, with consent: the form, then feedback with a withdraw button.
    let form = bot
        .slash(
            GUILD,
            OTHER_CH,
            &ana,
            "brouillon",
            json!([{"name": "partager", "type": 5, "value": true}]),
        )
        .await;
    assert_eq!(form.kind, 9);
    assert_eq!(form.data["custom_id"], "cb:draft:share");
    let draft = "Un olivier pour 40 ans d'histoire 🌳\n@ICOOPA a choisi Arbre-cadeau.\n#RSE #cadeau #entreprise";
    let id = bot.id();
    bot.fake
        .dispatch(
            "INTERACTION_CREATE",
            modal_submit(
                id,
                GUILD,
                OTHER_CH,
                &ana,
                "cb:draft:share",
                &[("brouillon", draft)],
            ),
        )
        .await;
    // The feedback, then (past 2,000 characters) the sharing note with its withdraw button.
    let said = bot.wait_said(id, 2).await;
    assert!(said.iter().all(Said::ephemeral));
    assert!(said[0].text().starts_with("**Analyse de ton brouillon**"));
    let note = &said[1];
    assert!(
        note.text()
            .contains("proposé à tes professeurs sous le n° 1"),
        "{}",
        note.text()
    );
    assert_eq!(components_of(note), [(2, "cb:x:1:0".to_string())]);

    // The teacher puts it to the vote: anonymous, with its own thread.
    let before = bot.posts(OTHER_CH).len();
    bot.slash(
        GUILD,
        OTHER_CH,
        &prof,
        "vote",
        json!([{"name": "brouillon", "type": 1, "options": [
            {"name": "numero", "type": 4, "value": 1}
        ]}]),
    )
    .await;
    let posted = bot
        .wait_post_starting(OTHER_CH, before, "🗳️ **Vote – Brouillon n° 1**")
        .await;
    let text = post_text(posted.last().expect("the draft post"));
    assert!(text.contains("(anonyme)"), "{text}");
    assert!(!text.contains(&name(1)), "{text}");
    let start = Instant::now();
    while bot.fake.threads().len() < 2 {
        assert!(start.elapsed() < WAIT, "no second thread");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    assert_eq!(bot.fake.threads()[1].name, "Discussion – Brouillon n° 1");
    // Its author is told by direct message; the class never sees the name.
    let start = Instant::now();
    while bot.dms(ana.user_id).is_empty() {
        assert!(start.elapsed() < WAIT, "the author's notice");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    assert!(
        bot.dms(ana.user_id)[0].starts_with("📣 Ton brouillon n° 1 vient d’être soumis au vote")
    );

    // Votes: one per student and post, changeable; the teacher's does not count.
    let v = bot.click(GUILD, OTHER_CH, &ana, "cb:v:1:0").await;
    assert!(v.ephemeral());
    assert!(
        v.text().starts_with("Vote enregistré : 👍 Convaincant"),
        "{}",
        v.text()
    );
    bot.click(GUILD, OTHER_CH, &ben, "cb:v:1:1").await;
    let v = bot.click(GUILD, OTHER_CH, &ben, "cb:v:1:2").await;
    assert!(
        v.text().starts_with("Vote changé : 👎 À retravailler"),
        "{}",
        v.text()
    );
    let own = bot.click(GUILD, OTHER_CH, &ana, "cb:v:2:0").await;
    assert!(
        own.text().starts_with("C’est ton brouillon"),
        "{}",
        own.text()
    );
    bot.click(GUILD, OTHER_CH, &ben, "cb:v:2:0").await;
    let v = bot.click(GUILD, OTHER_CH, &prof, "cb:v:2:2").await;
    assert!(
        v.text().starts_with("Les enseignants ne votent pas"),
        "{}",
        v.text()
    );
    let crafted = bot.click(GUILD, OTHER_CH, &ben, "cb:v:2:9").await;
    assert!(
        crafted.text().starts_with("Choix de vote inconnu"),
        "{}",
        crafted.text()
    );
    assert_eq!(bot.count("SELECT COUNT(*) FROM votes").await, 3);

    // The tally, in the channel.
    let refused = bot.slash(GUILD, OTHER_CH, &ben, "vote", sub("clore")).await;
    assert_eq!(refused.text(), TEACHER_ONLY);
    let tally = bot
        .slash(GUILD, OTHER_CH, &prof, "vote", sub("clore"))
        .await;
    assert!(!tally.ephemeral(), "the tally is for the class");
    assert_eq!(tally.files.len(), 1, "the tally's picture");
    assert_eq!(tally.files[0].0, "vote.png");
    let text = tally.text();
    assert!(
        text.starts_with("📊 **Résultats du vote** – 2 posts, 2 votants"),
        "{text}"
    );
    assert!(text.contains(" : 👍 1 · 🤔 0 · 👎 1 (2 votes)"), "{text}");
    assert!(
        text.contains("**Brouillon n° 1** : 👍 1 · 🤔 0 · 👎 0 (1 vote)"),
        "{text}"
    );
    let late = bot.click(GUILD, OTHER_CH, &ben, "cb:v:2:0").await;
    assert_eq!(late.text(), "Ce vote est clos : le décompte a été publié.");

    // The model answer and its grid, privately.
    let model = bot
        .slash(
            GUILD,
            OTHER_CH,
            &ana,
            "corrige-type",
            opt_str("question", "2.4"),
        )
        .await;
    assert!(model.ephemeral());
    assert!(
        model
            .text()
            .starts_with("📘 **Corrigé – question 2.4** (3 points)"),
        "{}",
        model.text()
    );

    // A question without a grid is refused before any typing.
    let refused = bot
        .slash(GUILD, OTHER_CH, &ana, "rediger", opt_str("question", "3.3"))
        .await;
    assert_eq!(refused.kind, 4, "an answer, not a form: {refused:#?}");
    assert!(
        refused
            .text()
            .starts_with("La question « 3.3 » n’a pas de grille de correction."),
        "{}",
        refused.text()
    );
    // A written answer: the form, then the grid as a select menu.
    let form = bot
        .slash(GUILD, OTHER_CH, &ana, "rediger", opt_str("question", "2.4"))
        .await;
    assert_eq!(form.kind, 9, "{form:#?}");
    assert_eq!(form.data["custom_id"], "cb:r:2.4");
    let input = &form.data["components"][0]["components"][0];
    assert_eq!(input["custom_id"], "redaction");
    assert_eq!(input["max_length"], 4000);
    let saved = bot
        .submit(
            GUILD,
            OTHER_CH,
            &ana,
            "cb:r:2.4",
            "redaction",
            "Sécuriser les accès à la page.\nDemander l’accord écrit de la personne citée.",
        )
        .await;
    assert!(saved.ephemeral());
    assert!(
        saved
            .text()
            .starts_with("📝 Réponse à la question 2.4 enregistrée (copie n° 1"),
        "{}",
        saved.text()
    );
    assert_eq!(components_of(&saved), [(3, "cb:s:1:0".to_string())]);
    let menu = &saved.data["components"][0]["components"][0];
    assert_eq!(menu["options"].as_array().map(Vec::len), Some(6));
    assert_eq!(menu["min_values"], 0);
    assert_eq!(menu["max_values"], 6);
    assert_eq!(menu["options"][0]["value"], "technical_access");

    // Self-assessment, from the menu; another student's menu is not theirs.
    let own = bot
        .select(&ana, "cb:s:1:0", &["technical_access", "legal_consent"])
        .await;
    assert!(own.ephemeral());
    assert!(
        own.text().starts_with(
            "🪞 **Auto-évaluation de ta réponse à la question 2.4 : 1 point sur 3 points.**"
        ),
        "{}",
        own.text()
    );
    let other = bot.select(&ben, "cb:s:1:0", &["technical_access"]).await;
    assert_eq!(other.text(), "Tu n’as pas de copie n° 1 dans cette classe.");

    // A second copy, from another student, for another question.
    bot.slash(GUILD, OTHER_CH, &ben, "rediger", opt_str("question", "R"))
        .await;
    let saved = bot
        .submit(
            GUILD,
            OTHER_CH,
            &ben,
            "cb:r:R",
            "redaction",
            "Introduction : Arbre-cadeau vend à deux cibles.",
        )
        .await;
    assert!(saved.text().contains("(copie n° 2, "), "{}", saved.text());

    // Grading: students are refused; the teacher ticks the grid; the student gets a DM.
    let refused = bot
        .slash(GUILD, OTHER_CH, &ben, "corriger", json!([]))
        .await;
    assert_eq!(refused.text(), TEACHER_ONLY);
    let queue = bot
        .slash(GUILD, OTHER_CH, &prof, "corriger", json!([]))
        .await;
    assert!(queue.ephemeral());
    assert!(
        queue
            .text()
            .starts_with("**Copies de la classe** : 2 à corriger sur 2."),
        "{}",
        queue.text()
    );
    assert_eq!(components_of(&queue), [(2, "cb:c:1:0".to_string())]);
    let shown = bot
        .slash(
            GUILD,
            OTHER_CH,
            &prof,
            "corriger",
            json!([{"name": "copie", "type": 4, "value": 1}]),
        )
        .await;
    assert!(shown.ephemeral());
    assert_eq!(components_of(&shown), [(3, "cb:g:1:0".to_string())]);
    let crafted = bot.select(&ben, "cb:g:1:0", &["technical_access"]).await;
    assert_eq!(crafted.text(), TEACHER_ONLY);
    let graded = bot
        .select(
            &prof,
            "cb:g:1:0",
            &[
                "technical_access",
                "legal_consent",
                "managerial_roles",
                "legal_data",
            ],
        )
        .await;
    assert!(graded.ephemeral());
    assert!(
        graded
            .text()
            .starts_with("✅ Copie n° 1 (Élève 01, question 2.4) : 2 points sur 3 points"),
        "{}",
        graded.text()
    );
    // The next copy to grade is one click away.
    assert_eq!(components_of(&graded), [(2, "cb:c:2:0".to_string())]);
    let crafted = bot.click(GUILD, OTHER_CH, &ben, "cb:c:2:0").await;
    assert_eq!(crafted.text(), TEACHER_ONLY);
    let next = bot.click(GUILD, OTHER_CH, &prof, "cb:c:2:0").await;
    assert!(next.ephemeral());
    assert!(
        next.text()
            .starts_with("**Copie n° 2 – question R – Élève 02**"),
        "{}",
        next.text()
    );
    assert_eq!(components_of(&next), [(3, "cb:g:2:0".to_string())]);
    let start = Instant::now();
    while bot.dms(ana.user_id).len() < 2 {
        assert!(start.elapsed() < WAIT, "the student's notice");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    assert!(
        bot.dms(ana.user_id)[1].starts_with(
            "📬 **Ton professeur a corrigé ta réponse à la question 2.4 : 2 points sur 3 points.**"
        ),
        "{:?}",
        bot.dms(ana.user_id)
    );
    let board = bot
        .slash(GUILD, OTHER_CH, &ana, "classement", json!([]))
        .await;
    assert!(
        board.text().contains("1. Élève 01 – 2 points"),
        "{}",
        board.text()
    );
    bot.finish().await;
}

/// A command Discord still shows in an older form (after an update): an unknown command, an
/// option of the wrong type, or a missing option is answered in French, privately, and changes
/// nothing; never silence, never « C’est noté. ».
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_e2e_an_outdated_command_gets_a_french_reply() {
    let bot = Bot::start("outdated").await;
    let ana = student(1);
    let outdated = "Cette commande vient de changer et Discord en affiche encore l’ancienne version : rien n’a été fait. Il suffit de fermer la commande, d’attendre quelques secondes (ou de relancer Discord), puis de recommencer.";
    let cases = [
        ("ancienne-commande", json!([])),
        (
            "annexe",
            json!([{"name": "numero", "type": 3, "value": "sept"}]),
        ),
        (
            "repondre",
            json!([{"name": "autre", "type": 3, "value": "17,76 %"}]),
        ),
    ];
    for (cmd, opts) in cases {
        let said = bot.slash(GUILD, QUIZ_CH, &ana, cmd, opts).await;
        assert_eq!(said.kind, 4, "/{cmd}: a message, not a deferral");
        assert_eq!(said.content(), outdated, "/{cmd}");
        assert_eq!(said.data["flags"], json!(64), "/{cmd}: private");
        assert_eq!(said.data["allowed_mentions"]["parse"], json!([]), "/{cmd}");
    }
    let (answers,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM answers")
        .fetch_one(&bot.engine.store().read)
        .await
        .expect("count");
    assert_eq!(answers, 0);
}

/// Two subjects on one bot: the teacher picks the class's subject from the option's
/// autocomplete (titles and sessions), `/cas liste` marks it, and `/kpi` follows it.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn discord_e2e_a_teacher_chooses_the_class_subject() {
    use crate::helpers::{TwoSubjects, BIS};
    let subjects = TwoSubjects::new("e2e");
    let bot = Bot::start_on("subject", play_settings(), Arc::new(subjects.app())).await;
    let prof = manager(PROF_ID, "Prof");
    let ana = student(1);

    let id = bot.id();
    let focused = json!([{"name": "cas", "type": 3, "value": "bis", "focused": true}]);
    let said = bot
        .exchange(
            id,
            autocomplete(id, GUILD, OTHER_CH, &prof, "config", focused),
        )
        .await;
    assert_eq!(said.kind, 8, "{said:#?}");
    assert_eq!(
        said.data["choices"],
        json!([{"name": "Arbre-cadeau bis (session 2022)", "value": BIS}])
    );

    let saved = bot
        .slash(GUILD, OTHER_CH, &prof, "config", opt_str("cas", BIS))
        .await;
    assert!(saved.ephemeral(), "{saved:#?}");
    assert_eq!(
        saved.text(),
        "Réglages enregistrés :\n- sujet : **Arbre-cadeau bis (session 2022)**\n- rôle enseignant : **aucun**\n- salon des quiz : **aucun**"
    );
    let list = bot.slash(GUILD, OTHER_CH, &ana, "cas", sub("liste")).await;
    assert!(
        list.text()
            .contains("- **Arbre\\-cadeau bis** (session 2022) · identifiant `arbre-cadeau-bis` · fourni avec casebot · **sujet en cours**"),
        "{}",
        list.text()
    );
    let kpi = bot
        .slash(
            GUILD,
            OTHER_CH,
            &ana,
            "kpi",
            opt_str("indicateur", "a3_ctr"),
        )
        .await;
    assert!(kpi.text().contains("14,42 %"), "{}", kpi.text());
    // A student cannot choose it.
    let refused = bot
        .slash(
            GUILD,
            OTHER_CH,
            &ana,
            "config",
            opt_str("cas", "arbre-cadeau"),
        )
        .await;
    assert!(refused.text().contains("enseignant"), "{}", refused.text());
}

/// `/cas importer` with a zip attached: downloaded from the CDN (once its declared size is
/// under the bound), validated, installed for the class; the autocompletes of `/config cas:` and
/// `/cas retirer` offer it; `/cas retirer` removes it. A file declared too large is refused
/// without being downloaded; a student's upload is refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_e2e_a_teacher_imports_a_subject_from_discord() {
    let bot = Bot::start("import").await;
    let prof = manager(PROF_ID, "Prof");
    let ana = student(1);
    let zip = crate::import::zip_of(&crate::import::pack_files());
    let importer = |att: u64| {
        json!([{"name": "importer", "type": 1, "options": [
            {"name": "fichier", "type": 11, "value": att.to_string()},
        ]}])
    };

    // Declared larger than the bound: refused, never downloaded.
    let big = 950_000_000_000_000_001;
    let declared = bot
        .fake
        .add_attachment(big, "gros.zip", zip.clone(), 3_000_000);
    let id = bot.id();
    let payload = with_attachments(
        slash_command(id, GUILD, OTHER_CH, &prof, "cas", importer(big)),
        &[declared],
    );
    let said = bot.exchange(id, payload).await;
    assert!(said.ephemeral(), "{said:#?}");
    assert!(
        said.text()
            .starts_with("Sujet refusé, rien n’a été installé : le fichier « gros.zip » fait 3 Mo"),
        "{}",
        said.text()
    );
    assert_eq!(bot.fake.downloads(big), 0);

    // A student's upload is refused by the engine.
    let att = 950_000_000_000_000_002;
    let file = bot
        .fake
        .add_attachment(att, "mon-cas.zip", zip.clone(), zip.len());
    let id = bot.id();
    let payload = with_attachments(
        slash_command(id, GUILD, OTHER_CH, &ana, "cas", importer(att)),
        std::slice::from_ref(&file),
    );
    let said = bot.exchange(id, payload).await;
    assert!(said.text().contains("enseignant"), "{}", said.text());
    assert_eq!(bot.count("SELECT COUNT(*) FROM subjects").await, 0);

    let id = bot.id();
    let payload = with_attachments(
        slash_command(id, GUILD, OTHER_CH, &prof, "cas", importer(att)),
        &[file],
    );
    let said = bot.exchange(id, payload).await;
    assert!(said.ephemeral(), "{said:#?}");
    assert!(
        said.text().starts_with("✅ Sujet **Mon cas (session 2023)** installé pour cette classe (identifiant `mon-cas`) : 9 annexes, 8 questions, 44 calculs."),
        "{}",
        said.text()
    );
    assert_eq!(bot.count("SELECT COUNT(*) FROM subjects").await, 1);

    let id = bot.id();
    let focused = json!([{"name": "cas", "type": 3, "value": "mon", "focused": true}]);
    let said = bot
        .exchange(
            id,
            autocomplete(id, GUILD, OTHER_CH, &prof, "config", focused),
        )
        .await;
    assert_eq!(
        said.data["choices"],
        json!([{"name": "Mon cas (session 2023)", "value": "mon-cas"}])
    );
    let id = bot.id();
    let focused = json!([{"name": "retirer", "type": 1, "options": [
        {"name": "cas", "type": 3, "value": "", "focused": true},
    ]}]);
    let said = bot
        .exchange(id, autocomplete(id, GUILD, OTHER_CH, &prof, "cas", focused))
        .await;
    assert_eq!(
        said.data["choices"],
        json!([{"name": "Mon cas (session 2023)", "value": "mon-cas"}])
    );

    let removed = bot
        .slash(
            GUILD,
            OTHER_CH,
            &prof,
            "cas",
            json!([{"name": "retirer", "type": 1, "options": [
                {"name": "cas", "type": 3, "value": "mon-cas"},
            ]}]),
        )
        .await;
    assert!(
        removed
            .text()
            .starts_with("Sujet **Mon cas (session 2023)** retiré de la classe."),
        "{}",
        removed.text()
    );
    assert_eq!(bot.count("SELECT COUNT(*) FROM subjects").await, 0);
    bot.finish().await;
}

// ------------------------------------------------------------------------------------------
// Mock exams

fn exam_sub(name: &str, options: Value) -> Value {
    json!([{"name": name, "type": 1, "options": options}])
}

/// A mock exam on Discord: launched with its countdown, three students answering without
/// feedback, a written answer drafted in a form that opens again with what was saved, help
/// refused while it runs, one copy handed in, the clock ending it with each student's mark by
/// DM, the bonus given with a user option, the marks and the printable copies.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_e2e_a_mock_exam_under_exam_conditions() {
    let bot = Bot::start("exam").await;
    let prof = manager(PROF_ID, "Prof");
    let (s1, s2, s3) = (student(1), student(2), student(3));
    let launched = bot
        .slash(
            GUILD,
            QUIZ_CH,
            &prof,
            "examen",
            exam_sub("lancer", json!([])),
        )
        .await;
    assert!(!launched.ephemeral(), "the class sees the launch");
    let text = launched.text();
    assert!(
        text.starts_with("📝 **Examen blanc – Arbre\\-cadeau**"),
        "{text}"
    );
    let deadline = (T0 + 180 * 60_000) / 1000;
    assert!(
        text.contains(&format!("<t:{deadline}:R>")),
        "a countdown: {text}"
    );

    let answer = |part: &str, value: &str| {
        exam_sub(
            "repondre",
            json!([
                {"name": "partie", "type": 3, "value": part},
                {"name": "reponse", "type": 3, "value": value},
            ]),
        )
    };
    for (who, value) in [(&s1, "17,76 %"), (&s2, "18 %"), (&s3, "17 %")] {
        let said = bot
            .slash(GUILD, OTHER_CH, who, "examen", answer("1.2.a", value))
            .await;
        assert!(said.ephemeral(), "{said:#?}");
        assert!(
            said.text().starts_with("Enregistré pour 1.2.a"),
            "{}",
            said.text()
        );
    }
    // The written answer: a form, saved, and the same form again holds it.
    let rediger = exam_sub(
        "rediger",
        json!([{"name": "question", "type": 3, "value": "2.3"}]),
    );
    let form = bot
        .slash(GUILD, OTHER_CH, &s1, "examen", rediger.clone())
        .await;
    assert_eq!(form.kind, 9, "a form: {form:#?}");
    assert_eq!(form.data["custom_id"], "cb:x:2.3");
    let draft = "Bonjour à tous,\nNotre client témoigne : « des arbres livrés à temps ».";
    let saved = bot
        .submit(GUILD, OTHER_CH, &s1, "cb:x:2.3", "redaction", draft)
        .await;
    assert!(
        saved
            .text()
            .starts_with("Réponse à la question 2.3 enregistrée"),
        "{}",
        saved.text()
    );
    let again = bot.slash(GUILD, OTHER_CH, &s1, "examen", rediger).await;
    assert_eq!(again.data["components"][0]["components"][0]["value"], draft);
    // No help while it runs.
    let kpi = bot
        .slash(
            GUILD,
            OTHER_CH,
            &s2,
            "kpi",
            json!([{"name": "indicateur", "type": 3, "value": "CTR"}]),
        )
        .await;
    assert!(
        kpi.text().starts_with("Examen blanc en cours"),
        "{}",
        kpi.text()
    );
    let hand_in = exam_sub(
        "rendre",
        json!([{"name": "confirmer", "type": 5, "value": true}]),
    );
    let said = bot.slash(GUILD, OTHER_CH, &s1, "examen", hand_in).await;
    assert!(said.text().starts_with("Copie rendue"), "{}", said.text());

    // The clock ends it: the class is told, each student gets their calculations' mark.
    bot.advance(180 * 60_000).await;
    let ended = bot
        .wait_post_starting(QUIZ_CH, 0, "⏱️ **L’examen blanc est terminé**")
        .await;
    assert!(!ended.is_empty());
    bot.wait_dm(s1.user_id, "Calculs : **0,25 / 11 points**")
        .await;
    bot.wait_dm(s2.user_id, "Calculs : **0,125 / 11 points**")
        .await;
    bot.wait_dm(s3.user_id, "Calculs : **0 / 11 points**").await;

    // The bonus, by a user option; the marks; the printable copies.
    let bonus = exam_sub(
        "bonus",
        json!([
            {"name": "eleve", "type": 6, "value": s3.user_id.to_string()},
            {"name": "points", "type": 3, "value": "2"},
        ]),
    );
    let said = bot.slash(GUILD, OTHER_CH, &prof, "examen", bonus).await;
    assert!(
        said.text().contains(&format!("{} : 2 points", name(3))),
        "{}",
        said.text()
    );
    let notes = bot.slash(GUILD, OTHER_CH, &prof, "notes", json!([])).await;
    assert!(notes.ephemeral());
    let text = notes.text();
    assert!(
        text.contains(&format!("- {} : 2 / 40 points → **1,00/20**", name(3))),
        "{text}"
    );
    assert!(
        text.contains("provisoire"),
        "Élève 01's 2.3 waits for marking: {text}"
    );
    // The teacher marks Élève 01's post with part of a criterion and a comment.
    let copy = bot.count("SELECT MAX(id) FROM written_answers").await;
    let marked = bot
        .slash(
            GUILD,
            OTHER_CH,
            &prof,
            "corriger",
            json!([
                {"name": "copie", "type": 4, "value": copy},
                {"name": "points", "type": 3, "value": "1=0,5 2=tout"},
                {"name": "commentaire", "type": 3, "value": "Bon témoignage"},
            ]),
        )
        .await;
    assert!(marked.ephemeral());
    assert!(
        marked.text().contains("1,5 point sur 5 points"),
        "{}",
        marked.text()
    );
    bot.wait_dm(s1.user_id, "💬 Commentaire : Bon témoignage")
        .await;
    let papers = bot
        .slash(
            GUILD,
            OTHER_CH,
            &prof,
            "examen",
            exam_sub("copies", json!([])),
        )
        .await;
    assert_eq!(papers.files.len(), 1, "{papers:#?}");
    assert_eq!(papers.files[0].0, "copies-examen-1.html");
    let html = String::from_utf8(papers.files[0].1.clone()).expect("UTF-8");
    assert_eq!(html.matches("<section class=\"copy\">").count(), 3);
    bot.finish().await;
}

// ------------------------------------------------------------------------------------------
// Interpretation of a figure

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_e2e_a_figure_is_interpreted_with_buttons_and_a_comment_form() {
    let bot = Bot::start("interpret").await;
    let ana = student(1);
    let asked = bot
        .slash(
            GUILD,
            OTHER_CH,
            &ana,
            "interpreter",
            json!([{"name": "partie", "type": 3, "value": "1.2.g"}]),
        )
        .await;
    assert!(asked.ephemeral());
    assert!(
        asked
            .text()
            .starts_with("🤔 **Que signifie ce résultat ?** – calcul 1.2.g"),
        "{}",
        asked.text()
    );
    let ids = asked.custom_ids();
    let choices: Vec<&String> = ids.iter().filter(|c| c.starts_with("cb:l:")).collect();
    assert!((3..=4).contains(&choices.len()), "{ids:?}");
    let comment = ids
        .iter()
        .find(|c| c.starts_with("cb:n:"))
        .expect("a comment button");
    // Each reading's button: one right, the others explained with the right one.
    let mut right = 0;
    for id in &choices {
        let said = bot.click(GUILD, OTHER_CH, &ana, id).await;
        assert!(said.ephemeral());
        let text = said.text();
        if text.starts_with("✅ **Bonne lecture") {
            right += 1;
        } else {
            assert!(text.starts_with("❌ **Lecture fausse"), "{text}");
            assert!(text.contains("✅ **La bonne lecture**"), "{text}");
        }
    }
    assert_eq!(right, 1);
    // « Commenter » opens a one-field form; its sentence is judged.
    let form = bot.click(GUILD, OTHER_CH, &ana, comment).await;
    assert_eq!(form.kind, 9, "a form: {form:#?}");
    let form_id = form.data["custom_id"]
        .as_str()
        .expect("form id")
        .to_string();
    let input = &form.data["components"][0]["components"][0];
    assert_eq!(input["custom_id"], "commentaire");
    assert_eq!(input["max_length"], 1000);
    let judged = bot
        .submit(
            GUILD,
            OTHER_CH,
            &ana,
            &form_id,
            "commentaire",
            "Avec un ROAS de 3,02 contre 6,93 pour Facebook, la campagne Google Ads n’est pas rentable, il faut revoir sa marge.",
        )
        .await;
    assert!(judged.ephemeral());
    let text = judged.text();
    assert!(
        text.starts_with("📝 **Ton commentaire du calcul 1.2.g** : 4 critères remplis sur 4"),
        "{text}"
    );
    // The same in one slash command, with a reading letter that does not exist.
    let both = bot
        .slash(
            GUILD,
            OTHER_CH,
            &ana,
            "interpreter",
            json!([
                {"name": "partie", "type": 3, "value": "1.2.g"},
                {"name": "lecture", "type": 3, "value": "Z"},
            ]),
        )
        .await;
    assert!(
        both.text().starts_with("Les lectures proposées sont A, B"),
        "{}",
        both.text()
    );
    bot.finish().await;
}
