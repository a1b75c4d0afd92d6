//! How long the printable copies of a full mock exam take (the goal: well under a second).
//!
//! `cargo bench --bench papers`: a class of 35 students sits a mock exam and fills every copy
//! (the 44 calculations and the 8 written answers at their longest, 4 000 characters each); the
//! exam ends; then `/examen copies` (every copy in one HTML document) and one student's copy are
//! asked through the engine, as a teacher would, and timed. Prints each figure with PASS/FAIL.
//! Under `cargo test --all-targets` (no `--bench`) it runs once with 3 students and judges nothing.

use casebot::clock::ManualClock;
use casebot::play::command::{
    Actor, ChannelRef, Command, Outbox, Place, Reply, Request, SendError,
};
use casebot::play::settings::PlaySettings;
use casebot::play::Engine;
use casebot::store::Store;
use casebot::{App, Paths};
use std::future::Future;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Under this, all the copies of a class count as « well under a second ».
const ALL_COPIES_TARGET: Duration = Duration::from_millis(250);
const ONE_COPY_TARGET: Duration = Duration::from_millis(50);

struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

struct NoOutbox;

impl Outbox for NoOutbox {
    fn post<'a>(
        &'a self,
        _channel: &'a ChannelRef,
        _reply: Reply,
    ) -> Pin<Box<dyn Future<Output = Result<(), SendError>> + Send + 'a>> {
        Box::pin(async { Ok(()) })
    }
}

static ACTIONS: AtomicU64 = AtomicU64::new(0);

fn request(who: &str, teacher: bool, command: Command) -> Request {
    Request {
        action_id: format!("bench-{}", ACTIONS.fetch_add(1, Ordering::Relaxed)),
        place: Place {
            platform: "console".into(),
            class_key: "bench".into(),
            class_name: "Bench".into(),
            channel: "classe".into(),
        },
        actor: Actor {
            user: who.into(),
            name: who.into(),
            manages_class: teacher,
            roles: Vec::new(),
        },
        command,
    }
}

async fn run(
    root: &Path,
    dir: &Path,
    students: usize,
) -> Result<(Duration, Duration, usize), String> {
    let app = App::load(&Paths::under(root)).map_err(|e| e.to_string())?;
    let case = app.case(None).ok_or("no case")?.clone();
    let settings = PlaySettings::load(&root.join("config/play.toml")).map_err(|e| e.to_string())?;
    let store = Store::open(&dir.join("casebot.sqlite"))
        .await
        .map_err(|e| format!("{e:#}"))?;
    let clock = Arc::new(ManualClock::starting_at(1_795_392_000_000));
    let engine = Engine::start(
        Arc::new(app),
        settings,
        store,
        clock.clone(),
        Arc::new(NoOutbox),
    )
    .await
    .map_err(|e| format!("{e:#}"))?;
    engine
        .handle(request("prof", true, Command::ExamLaunch { minutes: None }))
        .await;
    let long: String = "Le taux de clic progresse de 17,76 % & <l’offre> B to B ; "
        .chars()
        .cycle()
        .take(4000)
        .collect();
    for s in 0..students {
        let who = format!("eleve{s:02}");
        for q in &case.questions {
            for p in &q.parts {
                let command = Command::ExamAnswer {
                    part: p.id.clone(),
                    text: "17,76 %".into(),
                };
                engine.handle(request(&who, false, command)).await;
            }
        }
        for g in &case.grids {
            let command = Command::ExamWrite {
                question: g.question.clone(),
                text: long.clone(),
            };
            engine.handle(request(&who, false, command)).await;
        }
    }
    engine
        .handle(request("prof", true, Command::ExamStop))
        .await;
    let t = Instant::now();
    let all = engine
        .handle(request("prof", true, Command::ExamPapers { student: None }))
        .await;
    let all_took = t.elapsed();
    let bytes = all
        .first()
        .and_then(|r| r.attachment.as_ref())
        .map_or(0, |a| a.bytes.len());
    let t = Instant::now();
    let one = engine
        .handle(request(
            "prof",
            true,
            Command::ExamPapers {
                student: Some("eleve00".into()),
            },
        ))
        .await;
    let one_took = t.elapsed();
    if one.first().and_then(|r| r.attachment.as_ref()).is_none() || bytes == 0 {
        return Err(format!("no copies produced: {all:?}"));
    }
    Ok((all_took, one_took, bytes))
}

fn main() {
    let measuring = std::env::args().any(|a| a == "--bench");
    let students = if measuring { 35 } else { 3 };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let dir = TempDir(
        std::env::temp_dir().join(format!("casebot-papers-{}-{nanos}", std::process::id())),
    );
    if let Err(e) = std::fs::create_dir_all(&dir.0) {
        panic!("cannot create {}: {e}", dir.0.display());
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => panic!("cannot build the tokio runtime: {e}"),
    };
    match runtime.block_on(run(root, &dir.0, students)) {
        Ok((all, one, bytes)) => {
            let verdict =
                |took: Duration, target: Duration| if took <= target { "PASS" } else { "FAIL" };
            println!(
                "papers: {students} full copies (44 calculations, 8 written answers of 4 000 characters each) in one document of {} kB: {:.1} ms (target ≤ {} ms) {}",
                bytes / 1000,
                all.as_secs_f64() * 1000.0,
                ALL_COPIES_TARGET.as_millis(),
                if measuring { verdict(all, ALL_COPIES_TARGET) } else { "(smoke run, not judged)" }
            );
            println!(
                "papers: one copy: {:.1} ms (target ≤ {} ms) {}",
                one.as_secs_f64() * 1000.0,
                ONE_COPY_TARGET.as_millis(),
                if measuring {
                    verdict(one, ONE_COPY_TARGET)
                } else {
                    "(smoke run, not judged)"
                }
            );
        }
        Err(e) => panic!("papers bench failed: {e}"),
    }
}
