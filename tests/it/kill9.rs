//! The real binary killed with `kill -9` while Discord holds the answer to one of its posts
//! (the fake takes the message, shows it in the channel, and never answers), then started
//! again on the same database: each question, reveal, podium, picture and summary of the quiz
//! shows exactly once. The bot posts again what it meant to, under the same nonce, and Discord
//! (`enforce_nonce`) returns the message it already has instead of posting it twice.

use crate::fake_discord::{check_all, perms, slash_command, FakeDiscord, Member, Spec};
use crate::helpers::{root, TempDir};
use serde_json::{json, Value};
use std::path::Path;
use std::time::Duration;

const TOKEN: &str = "fake-kill9-bot-token.NDRC-7a41e9";
const GUILD: u64 = 960_000_000_000_000_001;
const CHANNEL: u64 = 960_000_000_000_000_002;
const WAIT: Duration = Duration::from_secs(30);

/// The bot process; killed with SIGKILL when dropped.
struct Bot(std::process::Child);

impl Bot {
    fn start(fake: &FakeDiscord, db: &Path, config: &Path, log: &Path) -> Bot {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .expect("the bot's log file");
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_casebot"))
            .args(["--db", &db.display().to_string(), "discord"])
            .current_dir(root())
            .env("DISCORD_TOKEN", TOKEN)
            .env("CASEBOT_DISCORD_API", fake.base_url())
            .env("CASEBOT_DISCORD_GUILD", GUILD.to_string())
            .env("CASEBOT_PLAY_CONFIG", config)
            .env("RUST_LOG", "info")
            .env_remove("CASEBOT_DB")
            .stdout(std::process::Stdio::null())
            .stderr(log)
            .spawn()
            .expect("the casebot binary starts");
        Bot(child)
    }

    /// `kill -9`: no clean stop, nothing flushed by the bot.
    fn kill(mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Drop for Bot {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

/// Starts the bot and waits until it has identified (once more than `identified` before) and
/// registered its commands.
async fn start(fake: &FakeDiscord, dir: &TempDir, identified: usize) -> Bot {
    let before = fake.requests().len();
    let bot = Bot::start(
        fake,
        &dir.path.join("casebot.db"),
        &dir.path.join("play.toml"),
        &dir.path.join("bot.log"),
    );
    let deadline = std::time::Instant::now() + WAIT;
    while fake.identifies() <= identified || !fake.wait_ready(Duration::from_millis(100)).await {
        assert!(
            std::time::Instant::now() < deadline,
            "no READY:\n{}",
            log(dir)
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    fake.wait_for_from(
        before,
        |r| r.method == "PUT" && r.path.ends_with("/commands"),
        WAIT,
    )
    .await
    .unwrap_or_else(|| panic!("commands not registered:\n{}", log(dir)));
    bot
}

fn log(dir: &TempDir) -> String {
    std::fs::read_to_string(dir.path.join("bot.log")).unwrap_or_default()
}

/// The bot's posts whose content holds `text`.
fn shown(fake: &FakeDiscord, text: &str) -> Vec<Value> {
    fake.posted_messages()
        .into_iter()
        .filter(|m| m["content"].as_str().is_some_and(|c| c.contains(text)))
        .collect()
}

async fn wait_shown(fake: &FakeDiscord, dir: &TempDir, text: &str) {
    let deadline = std::time::Instant::now() + WAIT;
    while shown(fake, text).is_empty() {
        assert!(
            std::time::Instant::now() < deadline,
            "« {text} » never posted:\n{}",
            log(dir)
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Holds the next post holding `text`, waits for it, kills the bot, and starts it again.
async fn kill_while_held(fake: &FakeDiscord, dir: &TempDir, bot: Bot, text: &str) -> Bot {
    let held = fake
        .wait_held(text, WAIT)
        .await
        .unwrap_or_else(|| panic!("« {text} » never held:\n{}", log(dir)));
    assert!(held.contains(text), "{held}");
    let identified = fake.identifies();
    bot.kill();
    start(fake, dir, identified).await
}

/// Interactions as the test sends them, numbered.
#[derive(Default)]
struct Acts(u64);

impl Acts {
    /// The next slash command of `who`, with its id.
    fn next(&mut self, who: &Member, name: &str, options: Value) -> (u64, Value) {
        self.0 += 1;
        (
            self.0,
            slash_command(self.0, GUILD, CHANNEL, who, name, options),
        )
    }

    /// The bot's answer to interaction `id`.
    fn answered(id: u64) -> impl Fn(&crate::fake_discord::Recorded) -> bool {
        let path = format!("/interactions/{id}/tok-{id}/callback");
        move |r| r.method == "POST" && r.path == path
    }
}

/// Sends `/repondre value` as `who` until its receipt names `part` (right after a restart, the
/// question is open again only once the bot knows Discord has it).
async fn answer_until_taken(
    fake: &FakeDiscord,
    act: &mut Acts,
    who: &Member,
    value: &str,
    part: &str,
) {
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let (id, reply) = act.next(
            who,
            "repondre",
            json!([{"name": "reponse", "type": 3, "value": value}]),
        );
        fake.dispatch("INTERACTION_CREATE", reply).await;
        let callback = fake
            .wait_for(Acts::answered(id), WAIT)
            .await
            .expect("answered");
        let text = callback
            .json
            .as_ref()
            .map(|j| j["data"]["content"].to_string())
            .unwrap_or_default();
        if text.contains("enregistrée") && text.contains(part) {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "answer never taken: {text}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[cfg(unix)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_quiz_killed_at_each_post_shows_every_post_once() {
    let fake = FakeDiscord::start().await;
    let dir = TempDir::new("kill9");
    // Questions of a few seconds (the bundled rules allow 15 at least).
    let rules = std::fs::read_to_string(root().join("config/play.toml")).expect("play.toml");
    let rules = rules.replace("min_seconds_per_item = 15", "min_seconds_per_item = 2");
    assert!(rules.contains("min_seconds_per_item = 2"));
    std::fs::write(dir.path.join("play.toml"), rules).expect("write play.toml");

    let prof = Member::new(961_000_000_000_000_001, "Mme Prof")
        .with_permissions(perms::MEMBER | perms::MANAGE_GUILD);
    let ana = Member::new(961_000_000_000_000_002, "Ana");
    let mut act = Acts::default();
    let mut bot = start(&fake, &dir, 0).await;

    // Question 1: Discord takes it, the bot is killed before the answer.
    fake.hold_once("Question 1/2");
    let (id, launch) = act.next(
        &prof,
        "quiz",
        json!([{"name": "lancer", "type": 1, "options": [
            {"name": "questions", "type": 3, "value": "1.2.a 1.2.b"},
            {"name": "secondes", "type": 4, "value": 8},
        ]}]),
    );
    fake.dispatch("INTERACTION_CREATE", launch).await;
    fake.wait_for(Acts::answered(id), WAIT)
        .await
        .expect("the launch is answered");
    bot = kill_while_held(&fake, &dir, bot, "Question 1/2").await;

    // Ana answers question 1 (open again once the bot knows Discord has it); its correction
    // is taken and the bot killed.
    answer_until_taken(&fake, &mut act, &ana, "17,76 %", "1.2.a").await;
    fake.hold_once("Correction 1.2.a");
    bot = kill_while_held(&fake, &dir, bot, "Correction 1.2.a").await;

    // Question 2 comes; Ana's answer closes it (everyone taking part answered); the podium is
    // taken and the bot killed; then her summary.
    wait_shown(&fake, &dir, "Question 2/2").await;
    fake.hold_once("Podium");
    answer_until_taken(&fake, &mut act, &ana, "0,53 €", "1.2.b").await;
    fake.hold_once("Ton bilan");
    bot = kill_while_held(&fake, &dir, bot, "Podium").await;
    bot = kill_while_held(&fake, &dir, bot, "Ton bilan").await;
    wait_shown(&fake, &dir, "Ton bilan").await;
    // Whatever was still due has gone out.
    tokio::time::sleep(Duration::from_millis(500)).await;
    bot.kill();

    for text in [
        "Question 1/2",
        "Correction 1.2.a",
        "Question 2/2",
        "Correction 1.2.b",
        "Podium",
        "répartition des scores",
        "Ton bilan",
    ] {
        let posts = shown(&fake, text);
        assert_eq!(
            posts.len(),
            1,
            "« {text} » shows {} times:\n{posts:#?}",
            posts.len()
        );
    }
    // The held ones were sent twice, under one nonce.
    for text in ["Question 1/2", "Correction 1.2.a", "Podium", "Ton bilan"] {
        let sent: Vec<Value> = fake
            .requests()
            .into_iter()
            .filter(|r| r.method == "POST" && r.path.ends_with("/messages"))
            .filter_map(|r| r.json)
            .filter(|j| j["content"].as_str().is_some_and(|c| c.contains(text)))
            .collect();
        assert_eq!(sent.len(), 2, "« {text} »");
        assert_eq!(sent[0]["nonce"], sent[1]["nonce"], "« {text} »");
        assert_eq!(sent[0]["enforce_nonce"], json!(true));
    }
    let logs = log(&dir);
    assert!(!logs.contains(TOKEN), "the token reached the log");
    // Every body, nonces included, as Discord's API description allows.
    if let Err(report) = check_all(Spec::load().as_ref(), &fake.requests()) {
        panic!("{report}");
    }
}
