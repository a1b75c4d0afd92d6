//! A clean stop (what ctrl-c and SIGTERM end with): the requests under way finish, nothing new
//! is taken, every answer is committed and the database file holds everything (empty WAL).

use crate::helpers::spawn_engine;
use crate::play_quiz::launch;
use casebot::play::command::Command;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_clean_stop_commits_everything_and_takes_nothing_new() {
    let play = spawn_engine("clean-stop").await;
    let prof = play.teacher("Prof");
    play.send(&prof, launch(&["1.2.a"], 60, false, false)).await;
    play.engine.tick().await;
    let students: Vec<_> = (0..20)
        .map(|i| play.student(&format!("Élève {i:02}")))
        .collect();
    // Twenty answers under way when the stop comes.
    let mut under_way = Vec::new();
    for s in &students {
        let engine = play.engine.clone();
        let request = play.req(
            s,
            Command::Answer {
                text: "17,76 %".into(),
                item: None,
            },
        );
        under_way.push(tokio::spawn(async move { engine.handle(request).await }));
    }
    tokio::time::sleep(Duration::from_millis(5)).await;
    play.engine
        .stop(Duration::from_secs(10))
        .await
        .expect("the clean stop");
    // Whatever was acknowledged is in the database file itself.
    let mut acknowledged = 0;
    for task in under_way {
        if let Ok(Ok(replies)) = tokio::time::timeout(Duration::from_millis(200), task).await {
            if !replies.is_empty() {
                acknowledged += 1;
            }
        }
    }
    let wal = play.db.with_extension("db-wal");
    let wal_len = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    assert_eq!(wal_len, 0, "the WAL is copied back and emptied");
    let stored = play.count("SELECT COUNT(*) FROM answers").await;
    assert_eq!(
        stored as usize, acknowledged,
        "every acknowledged answer is stored, once"
    );
    // A request after the stop is not taken.
    let late = tokio::time::timeout(
        Duration::from_millis(300),
        play.send(&students[0], Command::Help),
    )
    .await;
    assert!(late.is_err(), "a request after the stop waits for good");
}
