//! The real binary, as `systemctl stop` or `docker stop` stops it: SIGTERM while it serves a
//! class on the fake Discord. It closes the gateway, answers what it took, commits, checkpoints
//! the database (the WAL is emptied into the file), and exits with success.

use crate::fake_discord::{slash_command, FakeDiscord, Member};
use crate::helpers::{root, TempDir};
use serde_json::json;
use std::time::{Duration, Instant};

const TOKEN: &str = "fake-sigterm-bot-token.NDRC-51c0d2";
const GUILD: u64 = 950_000_000_000_000_001;
const CHANNEL: u64 = 950_000_000_000_000_002;
const WAIT: Duration = Duration::from_secs(20);

#[cfg(unix)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_stops_the_real_bot_cleanly_with_every_answer_on_disk() {
    let fake = FakeDiscord::start().await;
    let dir = TempDir::new("sigterm");
    let db = dir.path.join("casebot.db");
    let mut bot = std::process::Command::new(env!("CARGO_BIN_EXE_casebot"))
        .args(["--db", &db.display().to_string(), "discord"])
        .current_dir(root())
        .env("DISCORD_TOKEN", TOKEN)
        .env("CASEBOT_DISCORD_API", fake.base_url())
        .env("CASEBOT_DISCORD_GUILD", GUILD.to_string())
        .env("RUST_LOG", "info")
        .env_remove("CASEBOT_DB")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the casebot binary starts");
    // Its log, read on the side (a full pipe would block it).
    let err = bot.stderr.take().expect("the bot's standard error");
    let log_reader = std::thread::spawn(move || {
        use std::io::Read;
        let mut logs = String::new();
        let _ = std::io::BufReader::new(err).read_to_string(&mut logs);
        logs
    });
    let mut bot = KillOnDrop(bot);
    assert!(fake.wait_ready(WAIT).await, "no READY within {WAIT:?}");
    fake.wait_for(|r| r.method == "PUT" && r.path.ends_with("/commands"), WAIT)
        .await
        .expect("the commands are registered");

    // A student practises and answers; both replies come back.
    let ana = Member::new(951_000_000_000_000_001, "Ana");
    let callbacks = |id: u64| {
        let path = format!("/interactions/{id}/tok-{id}/callback");
        move |r: &crate::fake_discord::Recorded| r.method == "POST" && r.path == path
    };
    let practice = slash_command(
        1,
        GUILD,
        CHANNEL,
        &ana,
        "entrainement",
        json!([{"name": "questions", "type": 3, "value": "1.2.a"}]),
    );
    fake.dispatch("INTERACTION_CREATE", practice).await;
    fake.wait_for(callbacks(1), WAIT)
        .await
        .expect("the practice starts");
    let answer = slash_command(
        2,
        GUILD,
        CHANNEL,
        &ana,
        "repondre",
        json!([{"name": "reponse", "type": 3, "value": "17,76 %"}]),
    );
    fake.dispatch("INTERACTION_CREATE", answer).await;
    fake.wait_for(callbacks(2), WAIT)
        .await
        .expect("the answer is acknowledged");

    // SIGTERM, as a service manager sends it.
    let pid = bot.0.id();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let started = Instant::now();
    let status = loop {
        if let Some(status) = bot.0.try_wait().expect("the bot's status") {
            break status;
        }
        assert!(
            started.elapsed() < WAIT,
            "the bot still runs 20 s after SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let logs = log_reader.join().unwrap_or_default();
    assert!(status.success(), "exit {status:?} after SIGTERM:\n{logs}");
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "{:?}",
        started.elapsed()
    );
    assert!(logs.contains("stopping"), "{logs}");
    assert!(logs.contains("stopped"), "{logs}");
    assert!(!logs.contains(TOKEN), "the token reached the log");

    // The database file alone holds the answer: the WAL was checkpointed and emptied.
    let mut wal = db.clone().into_os_string();
    wal.push("-wal");
    let wal_len = std::fs::metadata(std::path::PathBuf::from(wal)).map_or(0, |m| m.len());
    assert_eq!(wal_len, 0, "the WAL still holds {wal_len} bytes");
    let copy = dir.path.join("alone.db");
    std::fs::copy(&db, &copy).expect("copy the database file alone");
    let store = match casebot::store::Store::open(&copy).await {
        Ok(s) => s,
        Err(e) => panic!("the database file alone: {e:#}"),
    };
    let (answers,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM answers")
        .fetch_one(&store.read)
        .await
        .expect("count the answers");
    assert_eq!(answers, 1, "the answer is in the database file");
}

/// Kills the bot if the test fails before it stops.
struct KillOnDrop(std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}
