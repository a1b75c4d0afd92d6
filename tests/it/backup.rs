//! `casebot sauvegarde FICHIER`: a checked copy of the database taken while the bot runs, and a
//! restore from it (stop, put the copy in place, start) that gives back exactly what the copy
//! held.

use crate::helpers::{root, spawn_engine, TempDir};
use casebot::play::command::{Command, Scope};
use casebot::store::{backup_file, BackupError};

fn practice(id: &str) -> Command {
    Command::Practice {
        scope: Scope::Items(vec![id.into()]),
    }
}

fn answer(text: &str) -> Command {
    Command::Answer {
        text: text.into(),
        item: None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_the_bot_runs_restores_exactly_what_it_held() {
    let play = spawn_engine("backup_restore").await;
    let (ana, ben) = (play.student("Ana"), play.student("Ben"));
    play.send(&ana, practice("1.2.a")).await;
    play.send(&ana, answer("17 %")).await;
    play.send(&ana, answer("17,76 %")).await;
    play.send(&ben, practice("1.2.b")).await;
    play.send(&ben, answer("0,53 €")).await;
    let ana_points = play.points("Ana").await;
    let ben_points = play.points("Ben").await;
    assert!(ana_points > 0 && ben_points > 0);
    let answers = play.count("SELECT COUNT(*) FROM answers").await;
    assert_eq!(answers, 3);

    // The copy, while the engine runs and has the database open.
    let dir = TempDir::new("backup_copy");
    let copy = dir.path.join("copie.db");
    let size = match backup_file(&play.db, &copy).await {
        Ok(size) => size,
        Err(e) => panic!("backup: {e}"),
    };
    assert_eq!(size, std::fs::metadata(&copy).expect("the copy").len());
    assert!(size > 0);
    let leftovers: Vec<_> = std::fs::read_dir(&dir.path)
        .expect("read the folder")
        .map(|e| e.expect("an entry").file_name())
        .collect();
    assert_eq!(
        leftovers,
        ["copie.db"],
        "no partial file stays beside the copy"
    );

    // A second copy to the same name is refused and leaves the first untouched.
    match backup_file(&play.db, &copy).await {
        Err(BackupError::Exists(_)) => {}
        other => panic!("a backup over an existing file: {other:?}"),
    }
    assert_eq!(std::fs::metadata(&copy).expect("the copy").len(), size);

    // Work after the copy is not in it.
    play.send(&ben, practice("1.2.a")).await;
    play.send(&ben, answer("17,76 %")).await;
    assert_eq!(
        play.count("SELECT COUNT(*) FROM answers").await,
        answers + 1
    );

    // Restore: stop the bot, put the copy in place of the database (and drop its WAL), start.
    if let Err(e) = play.engine.stop(std::time::Duration::from_secs(5)).await {
        panic!("stop: {e:#}");
    }
    let db = play.db.clone();
    let play = play
        .restart_with(|| {
            for suffix in ["-wal", "-shm"] {
                let mut side = db.clone().into_os_string();
                side.push(suffix);
                let _ = std::fs::remove_file(std::path::PathBuf::from(side));
            }
            std::fs::copy(&copy, &db).expect("put the copy in place");
        })
        .await;
    assert_eq!(play.count("SELECT COUNT(*) FROM answers").await, answers);
    assert_eq!(play.points("Ana").await, ana_points);
    assert_eq!(play.points("Ben").await, ben_points);
    // And the restored class plays on.
    play.send(&ben, practice("1.2.a")).await;
    let replies = play.send(&ben, answer("17,76 %")).await;
    assert!(
        crate::helpers::texts(&replies).contains("✅"),
        "{replies:#?}"
    );
}

/// The command line: French messages, a copy that refuses to overwrite, a missing database
/// named, and the exit status a script can test.
#[test]
fn the_backup_command_speaks_french_and_never_overwrites() {
    let dir = TempDir::new("backup_cli");
    let db = dir.path.join("classe.db");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_casebot"))
            .args(args)
            .current_dir(root())
            .env_remove("CASEBOT_DB")
            .output()
            .expect("the casebot binary runs")
    };
    let db_arg = db.display().to_string();
    // No database yet.
    let copy = dir.path.join("copie.db").display().to_string();
    let out = run(&["--db", &db_arg, "sauvegarde", &copy]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("Erreur : la base ") && text.contains("n’existe pas"),
        "{text}"
    );
    // A database made by the console, then its copy.
    let mut console = std::process::Command::new(env!("CARGO_BIN_EXE_casebot"))
        .args(["--db", &db_arg, "console"])
        .current_dir(root())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("the console starts");
    {
        use std::io::Write;
        let mut stdin = console.stdin.take().expect("the console's input");
        stdin
            .write_all(
                "alice> /entrainement questions:1.2.a\nalice> /repondre 17,76 %\n/quitter\n"
                    .as_bytes(),
            )
            .expect("write to the console");
    }
    assert!(console.wait().expect("the console ends").success());
    let out = run(&["--db", &db_arg, "sauvegarde", &copy]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.starts_with("Sauvegarde écrite et vérifiée : "),
        "{text}"
    );
    assert!(text.contains("Pour restaurer : arrêtez casebot"), "{text}");
    // Again: refused, in French.
    let out = run(&["--db", &db_arg, "sauvegarde", &copy]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("existe déjà"), "{text}");
    // A folder that does not exist: refused, nothing left.
    let nowhere = dir.path.join("absent/copie.db").display().to_string();
    let out = run(&["--db", &db_arg, "sauvegarde", &nowhere]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("aucun fichier partiel"), "{text}");
    crate::helpers::assert_french("the backup messages", &text);
}
