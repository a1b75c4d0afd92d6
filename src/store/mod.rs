//! SQLite storage through sqlx: one database file, WAL mode, migrations applied at start-up.
//!
//! Writes go through one connection (SQLite has one writer); reads use a small pool. Answers,
//! the hot path, go through [`AnswerWriter`], which commits them in groups: each answer is
//! acknowledged only once the transaction holding it is committed.
//!
//! Every query of the engine is a named function of one of the submodules, one per table or
//! concern ([`classes`], [`members`], [`actions`], [`quizzes`], [`answers`], [`hints`],
//! [`practice`], [`posts`], [`drafts`], [`votes`], [`written`], [`boards`], [`exports`]). Each
//! takes the executor it runs on (`&store.write`, `&store.read`, or `&mut *tx` for a
//! transaction from [`Store::begin`]), so the caller, which knows the transaction and the lock
//! it holds, chooses the connection. Rows come back as `FromRow` structs, ids as the newtypes
//! of [`ids`], stored states (`answers.verdict`, `quizzes.status`, `posts.kind`…) as enums
//! whose stored text is spelled out once (`stored::stored_enum!`).
//!
//! # Which connection a read uses
//!
//! - **Inside a write transaction** (`&mut *tx`): a read whose answer decides what the same
//!   transaction writes (the class's open vote before putting posts to it, the parts already
//!   settled when a practice starts or ends, a practice's totals after its last answer, the
//!   previous vote before replacing it, the post just recorded to learn its nonce). It sees
//!   the transaction's own writes, and nothing can change between the read and the commit.
//! - **On the write connection, outside a transaction** (`&store.write`): a read that must see
//!   every write committed before it, in order: what the engine reads under a class's lock
//!   (the answers of a question to reveal it, once [`AnswerWriter::flush`] has committed every
//!   answer accepted before the close; the boards, podium and summaries of a quiz; the quizzes
//!   to resume at start-up), reads that follow the caller's own write (the class and member
//!   ids after their upsert; the posts to send after the quiz end was stored), and the
//!   student-facing lookups that act on what they read (practice state, written answers, votes,
//!   exports, personal data). One connection serves them in turn with the writes, so a read
//!   never sees a state older than a write the engine has already acknowledged.
//! - **On the read pool** (`&store.read`): reads that need no ordering with the engine's own
//!   writes and must not wait behind them: the replay of an action already processed (its row
//!   was committed before the first reply went out), whether a quiz ended a moment ago, what a
//!   picture may show (parts settled, KPIs revealed), and the class charts of
//!   `play::report` (drawn from data committed before: a reveal's answers are flushed first,
//!   and the command line reads a quiz that is over). The pool's connections are read-only;
//!   [`Store::backup`] also runs on one.

pub mod actions;
pub mod answers;
pub mod boards;
pub mod classes;
pub mod drafts;
pub mod exams;
pub mod exports;
pub mod hints;
pub mod ids;
pub mod markings;
pub mod marks;
pub mod members;
pub mod posts;
pub mod practice;
pub mod quizzes;
pub(crate) mod stored;
pub mod subjects;
pub mod votes;
pub mod written;

pub use answers::AnswerRow;
pub use ids::{
    ClassId, DiscussionId, DraftId, MemberId, PostId, PracticeId, QuizId, VotePostId, WrittenId,
};

use anyhow::Context;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool, Transaction};
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};

/// A write transaction, as [`Store::begin`] starts it.
pub type Tx = Transaction<'static, Sqlite>;

/// One connection (the write connection, a transaction's, or one from the read pool).
pub type Conn = sqlx::SqliteConnection;

/// The database: a write connection and a read pool.
#[derive(Debug, Clone)]
pub struct Store {
    pub write: SqlitePool,
    pub read: SqlitePool,
    /// Checkpoints the WAL in the background while any clone of the store lives.
    _checkpoints: std::sync::Arc<Checkpoints>,
}

/// How often the WAL is copied back into the database file.
const CHECKPOINT_EVERY: Duration = Duration::from_secs(1);

/// The background checkpoint task, stopped when the last [`Store`] clone is dropped.
///
/// SQLite's automatic checkpoint runs inside the commit that crosses its threshold, and with
/// `synchronous = FULL` that commit then waits for the database file to be synced: a stall of
/// tens of milliseconds for whichever answer happened to be there. The write connection has
/// automatic checkpoints off; this task runs a passive checkpoint (which never blocks the
/// writer nor the readers) on its own connection instead.
#[derive(Debug)]
struct Checkpoints(tokio::task::JoinHandle<()>);

impl Drop for Checkpoints {
    fn drop(&mut self) {
        self.0.abort();
    }
}

async fn checkpoint_loop(pool: SqlitePool) {
    let mut tick = tokio::time::interval(CHECKPOINT_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
            .execute(&pool)
            .await
        {
            tracing::warn!(error = %e, "WAL checkpoint failed");
        }
    }
}

/// Errors of storage, as the engine reports them.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("the answer writer has stopped")]
    WriterGone,
    #[error("the database is read-only")]
    ReadOnly,
    #[error("the database is damaged: {0}")]
    Corrupt(String),
}

/// A database error, as [`StoreError::Corrupt`] when SQLite says the file is damaged.
fn damaged_or(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::Database(d) if d.message().contains("malformed") => {
            StoreError::Corrupt(d.message().to_string())
        }
        _ => StoreError::Db(e),
    }
}

fn options(path: &Path) -> anyhow::Result<SqliteConnectOptions> {
    let url = format!("sqlite://{}", path.display());
    Ok(SqliteConnectOptions::from_str(&url)
        .with_context(|| format!("invalid database path {}", path.display()))?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10)))
}

impl Store {
    /// Opens (creating if needed) the database at `path` and applies the migrations.
    pub async fn open(path: &Path) -> anyhow::Result<Store> {
        if let Some(dir) = path.parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("cannot create the folder {}", dir.display()))?;
            }
        }
        // SQLite finds a damaged file as soon as it reads the schema (at the connection) or its
        // pages (the quick check): refused before anything is written to it.
        let write = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options(path)?.pragma("wal_autocheckpoint", "0"))
            .await
            .map_err(damaged_or)
            .with_context(|| format!("cannot open the database {}", path.display()))?;
        let check: Vec<(String,)> = sqlx::query_as("PRAGMA quick_check")
            .fetch_all(&write)
            .await
            .map_err(damaged_or)
            .context("cannot check the database")?;
        if check.len() != 1 || check[0].0 != "ok" {
            let found: Vec<String> = check.into_iter().take(5).map(|(l,)| l).collect();
            return Err(StoreError::Corrupt(found.join("; ")).into());
        }
        sqlx::migrate!("./migrations")
            .run(&write)
            .await
            .context("cannot apply the database migrations")?;
        // A file the bot can read but not write (read-only file or disk) is refused now, not at
        // the first answer: a write that is rolled back.
        let probe = async {
            let mut tx = write.begin().await?;
            sqlx::query("CREATE TABLE write_probe (x INTEGER)")
                .execute(&mut *tx)
                .await?;
            tx.rollback().await
        };
        if let Err(e) = probe.await {
            let read_only =
                matches!(&e, sqlx::Error::Database(d) if d.message().contains("readonly"));
            return Err(if read_only {
                StoreError::ReadOnly.into()
            } else {
                anyhow::Error::from(StoreError::from(e)).context("cannot write to the database")
            });
        }
        let read = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options(path)?.read_only(true))
            .await
            .with_context(|| format!("cannot open the database {} for reading", path.display()))?;
        let checkpointer = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options(path)?)
            .await
            .with_context(|| format!("cannot open the database {}", path.display()))?;
        let task = tokio::spawn(checkpoint_loop(checkpointer));
        Ok(Store {
            write,
            read,
            _checkpoints: std::sync::Arc::new(Checkpoints(task)),
        })
    }

    /// Copies the whole WAL back into the database file and empties it, on the write
    /// connection (nothing else writes once the engine has stopped): what a clean stop does, so
    /// the database file alone holds everything.
    pub async fn checkpoint(&self) -> Result<(), StoreError> {
        let (busy, _, _): (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
            .fetch_one(&self.write)
            .await?;
        if busy != 0 {
            tracing::warn!("the final checkpoint could not complete: a reader is still open");
        }
        Ok(())
    }

    /// Writes a consistent copy of the whole database to `dest` while the bot runs (SQLite's
    /// `VACUUM INTO`, on a reading connection: answers keep being written meanwhile, and the
    /// copy is one snapshot), then checks the copy (`PRAGMA integrity_check`). The copy is
    /// written beside `dest` under a temporary name and renamed into place once checked, so
    /// `dest` is never a partial file. `dest` must not exist. Returns its size in bytes.
    pub async fn backup(&self, dest: &Path) -> Result<u64, BackupError> {
        backup_from(&self.read, dest).await
    }

    /// Starts a write transaction.
    pub async fn begin(&self) -> Result<Tx, StoreError> {
        // Boxed: sqlx's `begin` future is large, and it would otherwise sit inline in every
        // request future (measured: 4.9 KB per waiting request instead of 2.2 KB).
        Ok(Box::pin(self.write.begin()).await?)
    }
}

/// Why a backup could not be written.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("the destination {0} already exists")]
    Exists(std::path::PathBuf),
    #[error("the database {0} does not exist")]
    NoDatabase(std::path::PathBuf),
    #[error("the copy failed its integrity check: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
}

/// [`Store::backup`] of the database file `db`, without starting a store (no migration, no
/// writer): what `casebot sauvegarde` does beside a running bot.
pub async fn backup_file(db: &Path, dest: &Path) -> Result<u64, BackupError> {
    if !db.is_file() {
        return Err(BackupError::NoDatabase(db.to_path_buf()));
    }
    let url = format!("sqlite://{}", db.display());
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(
            SqliteConnectOptions::from_str(&url)?
                .read_only(true)
                .busy_timeout(Duration::from_secs(10)),
        )
        .await?;
    let result = backup_from(&pool, dest).await;
    pool.close().await;
    result
}

async fn backup_from(pool: &sqlx::SqlitePool, dest: &Path) -> Result<u64, BackupError> {
    if dest.exists() {
        return Err(BackupError::Exists(dest.to_path_buf()));
    }
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "sauvegarde".into());
    let partial = dest.with_file_name(format!(".{name}.partiel"));
    // A partial copy left by an earlier failure is ours to replace.
    let _ = std::fs::remove_file(&partial);
    let outcome = async {
        sqlx::query("VACUUM INTO ?")
            .bind(partial.to_string_lossy().into_owned())
            .execute(pool)
            .await?;
        let url = format!("sqlite://{}", partial.display());
        let copy = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(SqliteConnectOptions::from_str(&url)?.read_only(true))
            .await?;
        let check: Vec<(String,)> = sqlx::query_as("PRAGMA integrity_check")
            .fetch_all(&copy)
            .await?;
        copy.close().await;
        if check.len() != 1 || check[0].0 != "ok" {
            let found: Vec<String> = check.into_iter().map(|(l,)| l).collect();
            return Err(BackupError::Corrupt(found.join("; ")));
        }
        let size = std::fs::metadata(&partial)?.len();
        std::fs::rename(&partial, dest)?;
        Ok(size)
    }
    .await;
    if outcome.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    outcome
}

/// What became of an answer sent to the writer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    /// Committed.
    Saved,
    /// This student already has a scored answer to this quiz item (nothing written).
    AlreadyAnswered,
    /// This action id was already processed (nothing written).
    DuplicateAction,
}

enum Job {
    Answer(Box<AnswerRow>, oneshot::Sender<Result<Stored, String>>),
    Flush(oneshot::Sender<()>),
}

/// Commits answers in groups, in the order they arrive.
#[derive(Debug, Clone)]
pub struct AnswerWriter {
    tx: mpsc::Sender<Job>,
}

/// Most answers committed in one transaction.
const MAX_BATCH: usize = 512;

impl AnswerWriter {
    /// Starts the writer task on `store`.
    pub fn spawn(store: Store) -> AnswerWriter {
        let (tx, rx) = mpsc::channel(8192);
        tokio::spawn(run_writer(store, rx));
        AnswerWriter { tx }
    }

    /// Queues an answer; the returned receiver resolves once it is committed (or refused).
    /// Queuing keeps order: a later [`AnswerWriter::flush`] resolves after this answer.
    pub async fn queue(
        &self,
        row: AnswerRow,
    ) -> Result<oneshot::Receiver<Result<Stored, String>>, StoreError> {
        let (done, wait) = oneshot::channel();
        self.tx
            .send(Job::Answer(Box::new(row), done))
            .await
            .map_err(|_| StoreError::WriterGone)?;
        Ok(wait)
    }

    /// Resolves once every answer queued before it is committed.
    pub async fn flush(&self) -> Result<(), StoreError> {
        let (done, wait) = oneshot::channel();
        self.tx
            .send(Job::Flush(done))
            .await
            .map_err(|_| StoreError::WriterGone)?;
        wait.await.map_err(|_| StoreError::WriterGone)
    }
}

async fn run_writer(store: Store, mut rx: mpsc::Receiver<Job>) {
    let mut jobs: Vec<Job> = Vec::with_capacity(MAX_BATCH);
    while let Some(first) = rx.recv().await {
        jobs.push(first);
        while jobs.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(job) => jobs.push(job),
                Err(_) => break,
            }
        }
        let answers: Vec<&AnswerRow> = jobs
            .iter()
            .filter_map(|j| match j {
                Job::Answer(row, _) => Some(row.as_ref()),
                Job::Flush(_) => None,
            })
            .collect();
        let results = if answers.is_empty() {
            Ok(Vec::new())
        } else {
            write_batch(&store, &answers).await
        };
        let mut results = match results {
            Ok(r) => r.into_iter().map(Ok).collect::<Vec<_>>(),
            Err(e) if answers.len() > 1 => {
                // One bad row (a member erased meanwhile, say) fails its own answer only: the
                // others of the group are committed one by one.
                tracing::warn!(error = %e, count = answers.len(), "answer batch not committed; committing its answers one by one");
                let mut one_by_one = Vec::with_capacity(answers.len());
                for row in &answers {
                    one_by_one.push(match write_batch(&store, &[*row]).await {
                        Ok(mut r) => r.pop().ok_or_else(|| "no result".to_string()),
                        Err(e) => {
                            tracing::error!(error = %e, action = %row.action_id, "answer not committed");
                            Err(e.to_string())
                        }
                    });
                }
                one_by_one
            }
            Err(e) => {
                tracing::error!(error = %e, "answer not committed");
                vec![Err(e.to_string())]
            }
        }
        .into_iter();
        for job in jobs.drain(..) {
            match job {
                Job::Answer(_, done) => {
                    let _ = done.send(results.next().unwrap_or(Err("lost".into())));
                }
                Job::Flush(done) => {
                    let _ = done.send(());
                }
            }
        }
    }
}

async fn write_batch(store: &Store, rows: &[&AnswerRow]) -> Result<Vec<Stored>, sqlx::Error> {
    let mut tx = store.write.begin().await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let recorded = actions::record(
            &mut *tx,
            &row.action_id,
            Some(row.class_id),
            &row.replies_json,
            row.answered_at,
        )
        .await?;
        if !recorded {
            out.push(Stored::DuplicateAction);
            continue;
        }
        if !answers::insert(&mut *tx, row).await? {
            // Keep the action unrecorded so its reply is not replayed as a success.
            actions::delete(&mut *tx, &row.action_id).await?;
            out.push(Stored::AlreadyAnswered);
        } else {
            out.push(Stored::Saved);
        }
    }
    tx.commit().await?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Commits never checkpoint (no file sync in an answer's path); the background task does.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn checkpoints_run_in_the_background_not_in_commits() {
        let dir = std::env::temp_dir().join(format!("casebot-store-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let store = match Store::open(&dir.join("t.db")).await {
            Ok(s) => s,
            Err(e) => panic!("open: {e:#}"),
        };
        let (auto,): (i64,) = sqlx::query_as("PRAGMA wal_autocheckpoint")
            .fetch_one(&store.write)
            .await
            .expect("pragma");
        assert_eq!(auto, 0, "no checkpoint inside a commit");
        for i in 0..50 {
            sqlx::query("INSERT INTO classes (platform, platform_id, name, created_at) VALUES ('t', ?, 'c', 0)")
                .bind(i.to_string())
                .execute(&store.write)
                .await
                .expect("insert");
        }
        // Within a few checkpoint periods, every frame of the WAL is back in the database.
        let mut done = false;
        for _ in 0..50 {
            tokio::time::sleep(CHECKPOINT_EVERY / 5).await;
            let wal = std::fs::metadata(dir.join("t.db-wal"))
                .map(|m| m.len())
                .unwrap_or(0);
            let db = std::fs::metadata(dir.join("t.db"))
                .map(|m| m.len())
                .unwrap_or(0);
            // The database file grows only by checkpoints.
            if wal > 0 && db > 4096 * 4 {
                done = true;
                break;
            }
        }
        assert!(
            done,
            "the background checkpoint copied the WAL into the database"
        );
        drop(store);
        let _ = std::fs::remove_dir_all(&dir);
    }

    fn row(action: &str, member_id: i64) -> AnswerRow {
        AnswerRow {
            action_id: action.into(),
            replies_json: "[]".into(),
            class_id: ClassId(1),
            member_id: MemberId(member_id),
            quiz_id: None,
            item_idx: None,
            practice_id: None,
            part_id: "1.2.a".into(),
            kpi_id: "ctr_google".into(),
            attempt: 1,
            input: "17,76 %".into(),
            given: Some("17.76".into()),
            verdict: answers::Verdict::Correct,
            mistake: None,
            points_milli: 250,
            elapsed_ms: None,
            answered_at: 0,
        }
    }

    /// A group commit with one row the database refuses (its member erased meanwhile) fails
    /// that answer only; the others of the group are committed.
    #[tokio::test]
    async fn one_bad_row_fails_its_own_answer_only() {
        let dir = std::env::temp_dir().join(format!("casebot-store-bad-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let store = match Store::open(&dir.join("t.db")).await {
            Ok(s) => s,
            Err(e) => panic!("open: {e:#}"),
        };
        sqlx::query("INSERT INTO classes (id, platform, platform_id, name, created_at) VALUES (1, 't', 'g', 'c', 0)")
            .execute(&store.write)
            .await
            .expect("class");
        for id in [1, 2] {
            sqlx::query("INSERT INTO members (id, class_id, platform_user, display_name, created_at) VALUES (?, 1, ?, 'm', 0)")
                .bind(id)
                .bind(id.to_string())
                .execute(&store.write)
                .await
                .expect("member");
        }
        let writer = AnswerWriter::spawn(store.clone());
        // Queued before the writer runs (one thread): one group of three.
        let a = writer.queue(row("a", 1)).await.expect("queued");
        let gone = writer.queue(row("gone", 99)).await.expect("queued");
        let b = writer.queue(row("b", 2)).await.expect("queued");
        assert_eq!(a.await.expect("answered"), Ok(Stored::Saved));
        assert!(gone.await.expect("answered").is_err());
        assert_eq!(b.await.expect("answered"), Ok(Stored::Saved));
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM answers")
            .fetch_one(&store.write)
            .await
            .expect("count");
        assert_eq!(n, 2);
        drop(store);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
