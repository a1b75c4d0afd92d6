//! Shared helpers for the integration tests.

#![allow(dead_code)]

use casebot::{App, Paths};
use std::path::PathBuf;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled packs and texts, loaded.
pub fn app() -> App {
    match App::load(&Paths::under(&root())) {
        Ok(app) => app,
        Err(e) => panic!("the bundled case does not load: {e}"),
    }
}

// ------------------------------------------------------------------------------------------
// Helpers of the kpis, checker, cli, pack_errors and texts modules.

/// The bundled packs and texts, loaded once for the whole test binary.
pub fn shared_app() -> &'static App {
    static APP: std::sync::OnceLock<App> = std::sync::OnceLock::new();
    APP.get_or_init(app)
}

/// The bundled case "arbre-cadeau".
pub fn case() -> &'static casebot::CasePack {
    match shared_app().case(Some("arbre-cadeau")) {
        Some(case) => case,
        None => panic!("the bundled case 'arbre-cadeau' is missing"),
    }
}

/// The index of a KPI of the bundled case, failing the test when it does not exist.
pub fn kpi_index(id: &str) -> usize {
    match case().kpi_index(id) {
        Some(i) => i,
        None => panic!("no KPI '{id}' in the bundled case"),
    }
}

/// French typography made plain: U+202F and U+00A0 become spaces, U+2212 becomes '-'.
pub fn plain(text: &str) -> String {
    text.replace(['\u{202F}', '\u{A0}'], " ")
        .replace('\u{2212}', "-")
}

/// Common English words, none of them also a French word (no « options », « file », « correct »): whatever casebot prints for a teacher (help,
/// errors, pack problems) holds none of them outside quotes, keys, paths and flags.
pub const ENGLISH_WORDS: &[&str] = &[
    "the",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "not",
    "and",
    "or",
    "of",
    "to",
    "in",
    "at",
    "by",
    "with",
    "without",
    "for",
    "from",
    "into",
    "this",
    "that",
    "these",
    "those",
    "which",
    "what",
    "when",
    "where",
    "who",
    "has",
    "have",
    "had",
    "does",
    "do",
    "did",
    "can",
    "cannot",
    "could",
    "must",
    "should",
    "will",
    "would",
    "may",
    "it",
    "its",
    "there",
    "than",
    "more",
    "less",
    "only",
    "one",
    "two",
    "twice",
    "least",
    "most",
    "such",
    "no",
    "yes",
    "any",
    "every",
    "each",
    "some",
    "all",
    "too",
    "many",
    "few",
    "already",
    "expected",
    "found",
    "missing",
    "unknown",
    "invalid",
    "unexpected",
    "error",
    "errors",
    "warning",
    "files",
    "folder",
    "line",
    "column",
    "value",
    "values",
    "number",
    "name",
    "names",
    "text",
    "word",
    "words",
    "print",
    "prints",
    "show",
    "shows",
    "run",
    "runs",
    "load",
    "loads",
    "checks",
    "commands",
    "subcommand",
    "default",
    "required",
    "tip",
    "see",
    "try",
    "empty",
    "declared",
    "defined",
    "field",
    "key",
    "write",
    "read",
    "such",
    "use",
    "used",
    "uses",
    "needs",
    "need",
    "here",
    "then",
    "if",
    "after",
    "before",
    "between",
    "under",
    "over",
    "above",
    "below",
    "again",
    "while",
    "problem",
    "problems",
    "wrong",
    "right",
    "help",
];

/// The English words of `text` (lowercased), outside what is quoted (« … », `…`, "…") and
/// outside identifiers, keys, paths and flags (a word with `_ . / - $ { } [ ] = *` inside).
pub fn english_words(text: &str) -> Vec<String> {
    let mut bare = String::with_capacity(text.len());
    let mut closing: Option<char> = None;
    for c in text.chars() {
        match closing {
            Some(end) if c == end => closing = None,
            Some(_) => {}
            None => match c {
                '«' => closing = Some('»'),
                '`' => closing = Some('`'),
                '"' => closing = Some('"'),
                _ => bare.push(c),
            },
        }
    }
    let word_char = |c: char| c.is_alphanumeric() || "_./-${}[]=*'’".contains(c);
    bare.split(|c: char| !word_char(c))
        .map(|w| w.trim_end_matches(['.', '\'', '’']))
        .filter(|w| !w.is_empty() && w.chars().all(char::is_alphabetic))
        .map(str::to_lowercase)
        .filter(|w| ENGLISH_WORDS.contains(&w.as_str()))
        .collect()
}

/// Fails when `text` holds an English word (see [`english_words`]).
pub fn assert_french(what: &str, text: &str) {
    let found = english_words(text);
    assert!(found.is_empty(), "{what}: English {found:?} in:\n{text}");
}

/// A folder under the system temp dir, removed when dropped.
pub struct TempDir {
    pub path: PathBuf,
}

impl TempDir {
    /// A fresh, empty folder named after the test and the process.
    pub fn new(test: &str) -> TempDir {
        let path = std::env::temp_dir().join(format!("casebot-it-{test}-{}", std::process::id()));
        if path.exists() {
            std::fs::remove_dir_all(&path).expect("remove a stale temp dir");
        }
        std::fs::create_dir_all(&path).expect("create a temp dir");
        TempDir { path }
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// Replaces the one occurrence of `from` by `to` in `file` (relative to `root`), failing the
/// test when `from` is not there exactly once.
pub fn replace_once(root: &std::path::Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let src = std::fs::read_to_string(&path).expect("read a pack file");
    assert_eq!(
        src.matches(from).count(),
        1,
        "{from:?} should occur once in {file}"
    );
    std::fs::write(&path, src.replacen(from, to, 1)).expect("write a pack file");
}

/// Runs the real binary from the repository root on the packs of `cases_dir`, with none of
/// casebot's folder settings taken from the environment.
pub fn casebot_on(cases_dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_casebot"))
        .arg("--cases-dir")
        .arg(cases_dir)
        .args(args)
        .current_dir(root())
        .env_remove("CASEBOT_CASES_DIR")
        .env_remove("CASEBOT_MESSAGES_DIR")
        .env_remove("CASEBOT_CASE")
        .env_remove("CASEBOT_SKELETON_DIR")
        .output()
        .expect("the casebot binary runs")
}

/// A database at `db` migrated with the project's migrations numbered below `before` only
/// (copied into `dir/migrations`): a database written by an older casebot, to fill with old
/// rows before the newer migrations run on it.
pub async fn database_before(
    dir: &std::path::Path,
    db: &std::path::Path,
    before: &str,
) -> sqlx::SqliteConnection {
    use sqlx::ConnectOptions;
    let old = dir.join("migrations");
    std::fs::create_dir_all(&old).expect("folder");
    for entry in std::fs::read_dir(root().join("migrations")).expect("migrations") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .to_string();
        if name.as_str() < before {
            std::fs::copy(&path, old.join(&name)).expect("copy");
        }
    }
    let mut conn = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(db)
        .create_if_missing(true)
        .foreign_keys(true)
        .connect()
        .await
        .expect("connect");
    sqlx::migrate::Migrator::new(old.as_path())
        .await
        .expect("the old migrations")
        .run(&mut conn)
        .await
        .unwrap_or_else(|e| panic!("migrated up to {before}: {e}"));
    conn
}

/// Copies a folder and everything under it.
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("create a folder");
    for entry in std::fs::read_dir(from).expect("read a folder") {
        let entry = entry.expect("read a folder entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy a file");
        }
    }
}

/// A copy of the bundled pack "arbre-cadeau" in a temp dir, laid out as in the repository
/// (`config/cases/arbre-cadeau` and `prompts/cases/arbre-cadeau`), removed when dropped.
pub struct TempPack {
    pub dir: TempDir,
}

impl TempPack {
    pub fn new(test: &str) -> TempPack {
        let dir = TempDir::new(test);
        copy_dir(
            &root().join("config/cases/arbre-cadeau"),
            &dir.path.join("config/cases/arbre-cadeau"),
        );
        copy_dir(
            &root().join("prompts/cases/arbre-cadeau"),
            &dir.path.join("prompts/cases/arbre-cadeau"),
        );
        TempPack { dir }
    }

    /// The pack folder (holding case.toml).
    pub fn pack_dir(&self) -> PathBuf {
        self.dir.path.join("config/cases/arbre-cadeau")
    }

    /// The folder of the pack's texts.
    pub fn prompts_dir(&self) -> PathBuf {
        self.dir.path.join("prompts/cases/arbre-cadeau")
    }

    /// Replaces the one occurrence of `from` by `to` in `file` (relative to the temp root),
    /// failing the test when `from` is not there exactly once.
    pub fn replace(&self, file: &str, from: &str, to: &str) {
        replace_once(&self.dir.path, file, from, to);
    }

    /// The 1-based line of `file` (relative to the temp root) that holds `needle`.
    pub fn line_of(&self, file: &str, needle: &str) -> usize {
        let src = std::fs::read_to_string(self.dir.path.join(file)).expect("read a pack file");
        match src.lines().position(|l| l.contains(needle)) {
            Some(i) => i + 1,
            None => panic!("{needle:?} is not in {file}"),
        }
    }
}

/// Two subjects in a temp dir: the bundled pack, and a copy of it as « Arbre-cadeau bis »
/// (`arbre-cadeau-bis`, session 2022) whose Google Ads clicks are 3 000 instead of 3 695, so
/// that its click rate (1.2.a) is 14,42 % where the bundled one's is 17,76 %.
pub struct TwoSubjects {
    pub dir: TempDir,
}

/// The id of the second subject of [`TwoSubjects`].
pub const BIS: &str = "arbre-cadeau-bis";

impl TwoSubjects {
    pub fn new(test: &str) -> TwoSubjects {
        let dir = TempDir::new(&format!("subjects-{test}"));
        for id in ["arbre-cadeau", BIS] {
            copy_dir(
                &root().join("config/cases/arbre-cadeau"),
                &dir.path.join("config/cases").join(id),
            );
            copy_dir(
                &root().join("prompts/cases/arbre-cadeau"),
                &dir.path.join("prompts/cases").join(id),
            );
        }
        let pack = TwoSubjects { dir };
        let case = format!("config/cases/{BIS}/case.toml");
        pack.replace(&case, "id = \"arbre-cadeau\"", &format!("id = \"{BIS}\""));
        pack.replace(
            &case,
            "title = \"Arbre-cadeau\"",
            "title = \"Arbre-cadeau bis\"",
        );
        pack.replace(&case, "session = 2021", "session = 2022");
        pack.replace(
            &case,
            "prompts/cases/arbre-cadeau\"",
            &format!("prompts/cases/{BIS}\""),
        );
        pack.replace(
            &format!("config/cases/{BIS}/annexes.toml"),
            "value = \"3695\"",
            "value = \"3000\"",
        );
        pack
    }

    /// The folder holding both packs (`--cases-dir`).
    pub fn cases_dir(&self) -> PathBuf {
        self.dir.path.join("config/cases")
    }

    /// Both packs and the bot's texts, loaded (the bundled one is the default).
    pub fn app(&self) -> App {
        let paths = Paths {
            cases_dir: self.cases_dir(),
            messages_dir: root().join("prompts/fr"),
        };
        match App::load(&paths) {
            Ok(app) => app,
            Err(e) => panic!("the two subjects do not load: {e}"),
        }
    }

    /// Replaces the one occurrence of `from` by `to` in `file` (relative to the temp root).
    pub fn replace(&self, file: &str, from: &str, to: &str) {
        replace_once(&self.dir.path, file, from, to);
    }
}

// ------------------------------------------------------------------------------------------
// Helpers of the play modules (class-play engine: practice, quizzes, boards, data).

use casebot::clock::ManualClock;
use casebot::play::command::{
    Actor, Audience, ChannelRef, Command, Outbox, Place, Reply, Request, SendError, Sending,
};
use casebot::play::settings::PlaySettings;
use casebot::play::Engine;
use casebot::startup::Startup;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// 2026-11-23 00:00:00 UTC, where every play test starts its manual clock.
pub const T0: i64 = 1_795_392_000_000;

/// The bundled packs and texts, loaded once, shared by every engine of the test binary.
pub fn play_app() -> Arc<App> {
    static APP: std::sync::OnceLock<Arc<App>> = std::sync::OnceLock::new();
    APP.get_or_init(|| Arc::new(app())).clone()
}

/// The bundled rules of play (`config/play.toml`).
pub fn play_settings() -> PlaySettings {
    match PlaySettings::load(&root().join("config/play.toml")) {
        Ok(s) => s,
        Err(e) => panic!("config/play.toml does not load: {e}"),
    }
}

/// An outbox that records every message the engine posts on its own, and can be told to fail.
/// Like Discord with `enforce_nonce`, it drops a post whose nonce it took before.
#[derive(Default)]
pub struct RecordingOutbox {
    pub posts: Arc<Mutex<Vec<(ChannelRef, Reply)>>>,
    failing: AtomicBool,
    failed: AtomicUsize,
    /// Nonces of the posts taken, and how many repeats were dropped.
    nonces: Mutex<std::collections::HashSet<String>>,
    repeats: AtomicUsize,
    /// Posts taken so far (with or without a nonce): what [`Fault`] counts.
    taken: AtomicUsize,
    fault: Mutex<Option<(usize, Fault)>>,
    /// Set while a post meets [`Fault::Hang`] (the engine waiting on it will never go on).
    hanging: AtomicBool,
    hang: tokio::sync::Notify,
}

/// What goes wrong with one post, once the platform took it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The platform posts it, and its answer is lost (a timeout): the engine sees a failure.
    LoseAnswer,
    /// The platform posts it and never answers: the engine waits until it is killed.
    Hang,
}

impl RecordingOutbox {
    /// The post number `n` (0-based, counted over every post taken) meets `fault`.
    pub fn fault_at(&self, n: usize, fault: Fault) {
        *self.fault.lock().expect("outbox lock") = Some((n, fault));
    }

    /// Resolves once a post met [`Fault::Hang`] (at once if one did and [`Self::clear_hang`] was
    /// not called since).
    pub async fn hung(&self) {
        loop {
            let notified = self.hang.notified();
            if self.hanging.load(Ordering::SeqCst) {
                return;
            }
            notified.await;
        }
    }

    /// Forgets a hang (the engine that waited on it was killed).
    pub fn clear_hang(&self) {
        self.hanging.store(false, Ordering::SeqCst);
    }

    /// How many repeated posts (a nonce seen before) were dropped.
    pub fn repeats(&self) -> usize {
        self.repeats.load(Ordering::SeqCst)
    }

    async fn take_post(
        &self,
        channel: &ChannelRef,
        reply: Reply,
        nonce: Option<&str>,
    ) -> Result<(), SendError> {
        if self.failing.load(Ordering::SeqCst) {
            self.failed.fetch_add(1, Ordering::SeqCst);
            return Err(SendError::retry("discord is down (test)"));
        }
        if let Some(nonce) = nonce {
            if !self
                .nonces
                .lock()
                .expect("outbox lock")
                .insert(nonce.to_string())
            {
                // Discord returns the message it posted the first time.
                self.repeats.fetch_add(1, Ordering::SeqCst);
                return Ok(());
            }
        }
        self.posts
            .lock()
            .expect("outbox lock")
            .push((channel.clone(), reply));
        let n = self.taken.fetch_add(1, Ordering::SeqCst);
        let fault = *self.fault.lock().expect("outbox lock");
        match fault {
            Some((at, Fault::LoseAnswer)) if at == n => {
                Err(SendError::retry("no answer from discord (test)"))
            }
            Some((at, Fault::Hang)) if at == n => {
                self.hanging.store(true, Ordering::SeqCst);
                self.hang.notify_waiters();
                std::future::pending().await
            }
            _ => Ok(()),
        }
    }

    /// From now on, every post fails (`true`) or works (`false`).
    pub fn set_failing(&self, failing: bool) {
        self.failing.store(failing, Ordering::SeqCst);
    }

    /// How many posts failed so far.
    pub fn failed(&self) -> usize {
        self.failed.load(Ordering::SeqCst)
    }

    /// Every message posted so far.
    pub fn all(&self) -> Vec<(ChannelRef, Reply)> {
        self.posts.lock().expect("outbox lock").clone()
    }

    /// The messages posted since the last call (and forgets them).
    pub fn take(&self) -> Vec<(ChannelRef, Reply)> {
        std::mem::take(&mut *self.posts.lock().expect("outbox lock"))
    }
}

impl Outbox for RecordingOutbox {
    fn post<'a>(&'a self, channel: &'a ChannelRef, reply: Reply) -> Sending<'a> {
        Box::pin(self.take_post(channel, reply, None))
    }

    fn post_once<'a>(
        &'a self,
        channel: &'a ChannelRef,
        reply: Reply,
        nonce: &'a str,
    ) -> Sending<'a> {
        Box::pin(self.take_post(channel, reply, Some(nonce)))
    }
}

/// An engine on its own database, a manual clock, a recording outbox, and request builders.
pub struct Play {
    pub engine: Engine,
    pub clock: ManualClock,
    pub outbox: Arc<RecordingOutbox>,
    /// The class every request goes to unless told otherwise.
    pub place: Place,
    pub db: PathBuf,
    /// The packs and texts the engine plays (the bundled ones unless told otherwise).
    app: Arc<App>,
    counter: Arc<AtomicU64>,
    _dir: Arc<TempDir>,
}

/// A fresh engine for one test: database in a temp dir named after the test, clock at [`T0`].
pub async fn spawn_engine(test: &str) -> Play {
    spawn_engine_with(test, play_app()).await
}

/// Like [`spawn_engine`], playing the packs of `app` (a pack built by a test).
pub async fn spawn_engine_with(test: &str, app: Arc<App>) -> Play {
    let dir = TempDir::new(&format!("play-{test}"));
    let db = dir.path.join("casebot.db");
    let clock = ManualClock::starting_at(T0);
    let outbox = Arc::new(RecordingOutbox::default());
    let engine = start_engine(&app, &db, &clock, &outbox).await;
    Play {
        engine,
        clock,
        outbox,
        place: place("guild-1", "BTS NDRC 1", "quiz"),
        db,
        app,
        counter: Arc::new(AtomicU64::new(0)),
        _dir: Arc::new(dir),
    }
}

async fn start_engine(
    app: &Arc<App>,
    db: &std::path::Path,
    clock: &ManualClock,
    outbox: &Arc<RecordingOutbox>,
) -> Engine {
    let startup = match Startup::open(app.clone(), play_settings(), db).await {
        Ok(s) => s,
        Err(e) => panic!("cannot open {}: {e:#}", db.display()),
    };
    let outbox: Arc<dyn Outbox> = outbox.clone();
    match startup.engine(Arc::new(clock.clone()), outbox).await {
        Ok(e) => e,
        Err(e) => panic!("the engine does not start: {e:#}"),
    }
}

/// A Discord class (guild) and channel.
pub fn place(class_key: &str, class_name: &str, channel: &str) -> Place {
    Place {
        platform: "discord".into(),
        class_key: class_key.into(),
        class_name: class_name.into(),
        channel: channel.into(),
    }
}

/// The platform user id of a test member named `name`.
pub fn user_id(name: &str) -> String {
    format!("u-{name}")
}

impl Play {
    /// Drops the engine (as a crash or a restart would), moves the clock by `down_ms` while it
    /// is down, and starts a new one on the same database, clock and outbox.
    pub async fn restart(self, down_ms: i64) -> Play {
        let clock = self.clock.clone();
        self.restart_with(move || clock.advance(down_ms)).await
    }

    /// Like [`Play::restart`], running `between` while no engine holds the database (to put a
    /// backup in its place, say).
    pub async fn restart_with(self, between: impl FnOnce()) -> Play {
        let Play {
            engine,
            clock,
            outbox,
            place,
            db,
            app,
            counter,
            _dir,
        } = self;
        drop(engine);
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        between();
        let engine = start_engine(&app, &db, &clock, &outbox).await;
        Play {
            engine,
            clock,
            outbox,
            place,
            db,
            app,
            counter,
            _dir,
        }
    }

    pub fn student(&self, name: &str) -> Actor {
        Actor {
            user: user_id(name),
            name: name.into(),
            manages_class: false,
            roles: Vec::new(),
        }
    }

    pub fn teacher(&self, name: &str) -> Actor {
        Actor {
            manages_class: true,
            ..self.student(name)
        }
    }

    /// A request in the default class, with a fresh action id.
    pub fn req(&self, actor: &Actor, command: Command) -> Request {
        self.req_at(&self.place, actor, command)
    }

    /// A request in another class or channel, with a fresh action id.
    pub fn req_at(&self, place: &Place, actor: &Actor, command: Command) -> Request {
        let n = self.counter.fetch_add(1, Ordering::SeqCst) + 1;
        Request {
            action_id: format!("action-{n}"),
            place: place.clone(),
            actor: actor.clone(),
            command,
        }
    }

    /// Handles a fresh request in the default class.
    pub async fn send(&self, actor: &Actor, command: Command) -> Vec<Reply> {
        self.engine.handle(self.req(actor, command)).await
    }

    /// Handles a fresh request in another class or channel.
    pub async fn send_at(&self, place: &Place, actor: &Actor, command: Command) -> Vec<Reply> {
        self.engine.handle(self.req_at(place, actor, command)).await
    }

    /// Moves the clock forward by `ms` and runs every due transition.
    pub async fn advance_and_tick(&self, ms: i64) {
        self.clock.advance(ms);
        self.engine.tick().await;
    }

    /// Total milli-points stored for a member of the default class.
    pub async fn points(&self, name: &str) -> i64 {
        self.points_in(&self.place.class_key, name).await
    }

    /// Total milli-points stored for a member of a class.
    pub async fn points_in(&self, class_key: &str, name: &str) -> i64 {
        self.engine.flush().await.expect("flush");
        let (pts,): (i64,) = sqlx::query_as(
            "SELECT COALESCE(SUM(a.points_milli), 0) FROM answers a
             JOIN members m ON m.id = a.member_id JOIN classes c ON c.id = a.class_id
             WHERE m.platform_user = ? AND c.platform_id = ?",
        )
        .bind(user_id(name))
        .bind(class_key)
        .fetch_one(&self.engine.store().read)
        .await
        .expect("points query");
        pts
    }

    /// The stored answers of a member of the default class, in order:
    /// (part, attempt, verdict, points, quiz item index).
    pub async fn answers_of(&self, name: &str) -> Vec<(String, i64, String, i64, Option<i64>)> {
        self.engine.flush().await.expect("flush");
        sqlx::query_as(
            "SELECT a.part_id, a.attempt, a.verdict, a.points_milli, a.item_idx FROM answers a
             JOIN members m ON m.id = a.member_id JOIN classes c ON c.id = a.class_id
             WHERE m.platform_user = ? AND c.platform_id = ? ORDER BY a.id",
        )
        .bind(user_id(name))
        .bind(&self.place.class_key)
        .fetch_all(&self.engine.store().read)
        .await
        .expect("answers query")
    }

    /// A count from the database (`SELECT COUNT(*) …`).
    pub async fn count(&self, sql: &'static str) -> i64 {
        self.engine.flush().await.expect("flush");
        let (n,): (i64,) = sqlx::query_as(sql)
            .fetch_one(&self.engine.store().read)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
        n
    }

    /// The messages posted to the outbox since the last call, as plain text.
    pub fn posted_texts(&self) -> Vec<String> {
        self.outbox
            .take()
            .into_iter()
            .map(|(_, r)| plain(&r.text))
            .collect()
    }
}

/// The one reply of a list, failing the test when there is not exactly one.
pub fn one(replies: &[Reply]) -> &Reply {
    assert_eq!(replies.len(), 1, "expected one reply, got {replies:#?}");
    &replies[0]
}

/// The text of the one private reply of a list, made plain.
pub fn private_text(replies: &[Reply]) -> String {
    let r = one(replies);
    assert_eq!(r.audience, Audience::Private, "not private: {r:#?}");
    plain(&r.text)
}

/// Every reply's text, made plain, one after the other.
pub fn texts(replies: &[Reply]) -> String {
    replies
        .iter()
        .map(|r| plain(&r.text))
        .collect::<Vec<_>>()
        .join("\n---\n")
}

/// Milli-points as the bot writes them, by hand: 238 → "0,238 point", 2500 → "2,5 points".
pub fn fr_points(milli: i64) -> String {
    assert!(milli >= 0, "negative points: {milli}");
    let (int, frac) = (milli / 1000, milli % 1000);
    let mut text = int.to_string();
    if frac != 0 {
        let digits = format!("{frac:03}");
        text.push(',');
        text.push_str(digits.trim_end_matches('0'));
    }
    let word = if milli >= 2000 { "points" } else { "point" };
    format!("{text} {word}")
}

/// The id of the last quiz launched in the database.
pub async fn last_quiz_id(play: &Play) -> i64 {
    play.count("SELECT COALESCE(MAX(id), 0) FROM quizzes").await
}

/// (shown_at, deadline_at, closed_at, revealed_at) of a quiz item.
pub async fn item_clock(
    play: &Play,
    quiz: i64,
    idx: i64,
) -> (Option<i64>, Option<i64>, Option<i64>, Option<i64>) {
    sqlx::query_as(
        "SELECT shown_at, deadline_at, closed_at, revealed_at FROM quiz_items WHERE quiz_id = ? AND idx = ?",
    )
    .bind(quiz)
    .bind(idx)
    .fetch_one(&play.engine.store().read)
    .await
    .expect("quiz item query")
}

/// (status, current_item, paused_left_ms) of a quiz.
pub async fn quiz_state(play: &Play, quiz: i64) -> (String, i64, Option<i64>) {
    sqlx::query_as("SELECT status, current_item, paused_left_ms FROM quizzes WHERE id = ?")
        .bind(quiz)
        .fetch_one(&play.engine.store().read)
        .await
        .expect("quiz query")
}

impl Play {
    /// Ticks until at least `n` messages were posted since the last take, then takes them all.
    /// (The end of a quiz, podium and summaries, is posted once the quiz has left the class's
    /// state, possibly by the background scheduler: `tick` may return before it is posted.)
    pub async fn take_posts(&self, n: usize) -> Vec<(ChannelRef, Reply)> {
        for _ in 0..500 {
            self.engine.tick().await;
            if self.outbox.posts.lock().expect("outbox lock").len() >= n {
                // Let a podium being posted finish its summaries.
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                return self.outbox.take();
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        panic!("expected {n} posts, got {:#?}", self.outbox.all());
    }

    /// `/quiz arreter` by `actor`: checks the teacher's own reply (private, saying what goes
    /// out), then lets the engine send what the class is told (announcement, the open
    /// question's correction, podium, pictures, summaries) and returns it in order. Posts made
    /// before the stop and never taken by the test are left out.
    pub async fn stop_quiz(&self, actor: &Actor) -> Vec<Reply> {
        // What is due before the stop (a question the scheduler is posting) goes out first.
        self.engine.tick().await;
        let before = self.outbox.posts.lock().expect("outbox lock").len();
        let ack = self.send(actor, Command::QuizStop).await;
        assert_eq!(ack.len(), 1, "{ack:#?}");
        assert_eq!(ack[0].audience, Audience::Private, "{ack:#?}");
        assert!(
            ack[0]
                .text
                .starts_with("C’est fait : le quiz est arrêté après "),
            "{ack:#?}"
        );
        for _ in 0..500 {
            self.engine.tick().await;
            if self
                .count("SELECT COUNT(*) FROM posts WHERE kind = 'final' AND sent_at IS NULL")
                .await
                == 0
            {
                let mut posts = self.outbox.take();
                return posts
                    .split_off(before.min(posts.len()))
                    .into_iter()
                    .map(|(_, r)| r)
                    .collect();
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        panic!(
            "the end of the stopped quiz was not sent: {:#?}",
            self.outbox.all()
        );
    }

    /// Waits until the quiz is recorded as over (finished or stopped) in the database.
    pub async fn wait_quiz_over(&self, quiz: i64) {
        for _ in 0..500 {
            let (status,): (String,) = sqlx::query_as("SELECT status FROM quizzes WHERE id = ?")
                .bind(quiz)
                .fetch_one(&self.engine.store().read)
                .await
                .expect("quiz status");
            if status == "finished" || status == "stopped" {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        panic!("quiz {quiz} is still running");
    }
}

/// A quiz answer's receipt, as a pattern: it names the question it was taken for (a part id
/// of the case and its place in the quiz, `question n/total`), quotes the answer, and never says
/// right or wrong. Compared with the text received (`assert_eq!(text, saved("17,76 %"))`); a
/// receipt for a given question is checked exactly with [`receipt_for`].
#[derive(Debug, Clone)]
pub struct Receipt {
    pub answer: String,
}

/// The exact receipt of an answer taken for part `id`, question `n` of `total`.
pub fn receipt_for(id: &str, n: usize, total: usize, answer: &str) -> String {
    format!(
        "📝 Réponse enregistrée pour {id} (question {n}/{total} du quiz) : « {answer} ». \
         La correction arrive à la fin de la question."
    )
}

impl Receipt {
    /// Whether `text` is this answer's receipt for some question of the quiz.
    pub fn matches(&self, text: &str) -> bool {
        let Some(rest) = text.strip_prefix("📝 Réponse enregistrée pour ") else {
            return false;
        };
        let Some((id, rest)) = rest.split_once(" (question ") else {
            return false;
        };
        let Some((place, _)) = rest.split_once(" du quiz)") else {
            return false;
        };
        let Some((n, total)) = place.split_once('/') else {
            return false;
        };
        let (Ok(n), Ok(total)) = (n.parse::<usize>(), total.parse::<usize>()) else {
            return false;
        };
        case().part(id).is_some()
            && n >= 1
            && n <= total
            && text == receipt_for(id, n, total, &self.answer)
    }
}

impl PartialEq<Receipt> for String {
    fn eq(&self, other: &Receipt) -> bool {
        other.matches(self)
    }
}

impl PartialEq<Receipt> for &str {
    fn eq(&self, other: &Receipt) -> bool {
        other.matches(self)
    }
}

/// What a quiz's launch message says of how its questions end, by default (early closing on).
pub const EARLY_CLOSE: &str = "Une question se ferme à la fin de son temps, ou plus tôt dès que tous les participants (une réponse ou un indice dans ce quiz) y ont répondu ; la première dure toujours tout son temps.";

/// The same with `attendre:oui` (no early closing).
pub const FULL_TIME: &str =
    "Chaque question dure tout son temps, même quand tout le monde a répondu.";

/// `/config cas:<id>`: the class's subject.
pub fn set_case(id: &str) -> Command {
    Command::Config {
        teacher_role: None,
        quiz_channel: None,
        case: Some(id.into()),
    }
}

/// `/config` alone: the class's settings.
pub fn show_config() -> Command {
    Command::Config {
        teacher_role: None,
        quiz_channel: None,
        case: None,
    }
}

/// `/kpi <id>`.
pub fn kpi(id: &str) -> Command {
    Command::Kpi { id: id.into() }
}
