//! Every post a quiz makes on its own (its questions, its reveals, the podium, the score
//! picture, each student's summary) goes out exactly once, whatever happens to any one of them
//! once the platform took it: its answer lost (the engine sees a failure and tries again), or
//! the bot killed while it waits for the answer (a new engine starts on the same database).
//! The outbox drops a repeat of a nonce it took before, as Discord does with `enforce_nonce`.
//!
//! Each case is compared with the same quiz played without a fault: the same posts, in the
//! same order, each once.

use crate::helpers::{item_clock, last_quiz_id, plain, spawn_engine, Fault, Play};
use crate::play_quiz::{answer, launch};
use casebot::play::command::{Audience, Command};

/// What one post looks like for the comparison: who sees it, what it says, its file's name.
type Seen = (Audience, String, Option<String>);

fn seen(play: &Play) -> Vec<Seen> {
    play.outbox
        .all()
        .into_iter()
        .map(|(_, r)| {
            (
                r.audience.clone(),
                plain(&r.text),
                r.attachment.as_ref().map(|a| a.name.clone()),
            )
        })
        .collect()
}

/// Runs `f` unless a post hangs first (the platform took it and will never answer): then the
/// bot is killed (`None`; `f` is dropped where it stood).
async fn unless_hung<T>(play: &Play, f: impl std::future::Future<Output = T>) -> Option<T> {
    tokio::select! {
        out = f => Some(out),
        _ = play.outbox.hung() => None,
    }
}

/// Kills the bot and starts a new one on the same database.
async fn kill(play: Play, kills: &mut usize) -> Play {
    *kills += 1;
    play.outbox.clear_hang();
    play.restart(0).await
}

/// How the quiz ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    /// It runs to its last reveal.
    Natural,
    /// The teacher stops it once both students answered question 2 (`/quiz arreter`).
    Stopped,
}

/// Plays a two-question quiz with two students to its end, one second at a time; each student
/// answers a question once the engine holds it open (after its post was acknowledged).
async fn play_quiz(mut play: Play, end: End) -> (Play, usize) {
    let prof = play.teacher("Mme Lefèvre");
    let ana = play.student("Ana");
    let bruno = play.student("Bruno");
    let mut command = launch(&["1.2.a", "1.2.b"], 60, false, false);
    if end == End::Stopped {
        // Question 2 stays open once both answered (`attendre:oui`), for the teacher to stop.
        if let Command::QuizLaunch { full_time, .. } = &mut command {
            *full_time = true;
        }
    }
    let replies = play.send(&prof, command).await;
    assert_eq!(replies.len(), 1, "{replies:#?}");
    let quiz = last_quiz_id(&play).await;
    let mut kills = 0;
    let mut answered = [false, false];
    for _ in 0..600 {
        play.clock.advance(1000);
        let engine = play.engine.clone();
        if unless_hung(&play, engine.tick()).await.is_none() {
            play = kill(play, &mut kills).await;
            continue;
        }
        for (idx, done) in answered.iter_mut().enumerate() {
            let (shown, _, closed, _) = item_clock(&play, quiz, idx as i64).await;
            if !*done && shown.is_some() && closed.is_none() {
                // The background scheduler may be the one waiting on a post that never gets an
                // answer (holding the class): the answer waits too, and the bot is killed.
                let both = async {
                    let (right, wrong) = [("17,76 %", "12 %"), ("0,53 €", "0,61 €")][idx];
                    let a = play.send(&ana, answer(right)).await;
                    let b = play.send(&bruno, answer(wrong)).await;
                    (a, b)
                };
                match unless_hung(&play, both).await {
                    Some((a, b)) => {
                        assert_eq!((a.len(), b.len()), (1, 1), "{a:#?} {b:#?}");
                        *done = true;
                    }
                    None => {
                        play = kill(play, &mut kills).await;
                        break;
                    }
                }
            }
        }
        let stopped = play
            .count("SELECT COUNT(*) FROM quizzes WHERE status = 'stopped'")
            .await
            == 1;
        if end == End::Stopped && answered[1] && !stopped {
            // The teacher's own reply says what goes out; the class sees it in the channel.
            let engine = play.engine.clone();
            let stop = engine.handle(play.req(&prof, Command::QuizStop));
            match unless_hung(&play, stop).await {
                Some(replies) => {
                    assert_eq!(replies.len(), 1, "{replies:#?}");
                    assert_eq!(replies[0].audience, Audience::Private);
                }
                None => {
                    play = kill(play, &mut kills).await;
                    continue;
                }
            }
        }
        let over = play
            .count("SELECT COUNT(*) FROM quizzes WHERE status IN ('finished', 'stopped')")
            .await
            == 1;
        let unsent = play
            .count("SELECT COUNT(*) FROM posts WHERE sent_at IS NULL")
            .await;
        if over && unsent == 0 {
            return (play, kills);
        }
    }
    panic!("the quiz did not end: {:#?}", seen(&play));
}

/// Plays the quiz without a fault, then with a fault on each of its posts in turn (its answer
/// lost, or the bot killed while it waits): every run shows the same posts, each once.
async fn every_post_once(end: End, name: &str, expected_kinds: &[&str]) {
    let (reference, kills) = play_quiz(spawn_engine(&format!("{name}-reference")).await, end).await;
    assert_eq!(kills, 0);
    let expected = seen(&reference);
    let kinds: Vec<&str> = expected
        .iter()
        .map(|(audience, text, _)| match audience {
            Audience::User(_) => "summary",
            _ if text.trim_start_matches('*').starts_with("Question") => "question",
            _ if text.contains("Correction") => "reveal",
            _ if text.contains("Quiz arrêté") => "stop",
            _ => "end",
        })
        .collect();
    assert_eq!(kinds, expected_kinds, "{expected:#?}");
    assert_eq!(reference.outbox.repeats(), 0, "{expected:#?}");

    for (n, kind) in kinds.iter().enumerate() {
        for fault in [Fault::LoseAnswer, Fault::Hang] {
            let play = spawn_engine(&format!("{name}-{n}-{fault:?}")).await;
            play.outbox.fault_at(n, fault);
            let (play, kills) = play_quiz(play, end).await;
            let got = seen(&play);
            assert_eq!(
                got,
                expected,
                "{end:?}: post {n} ({kind}) met {fault:?}: posted {} times instead of once",
                got.iter().filter(|s| **s == expected[n]).count()
            );
            match fault {
                Fault::Hang => assert_eq!(kills, 1, "{end:?}: post {n} ({kind})"),
                // The engine tried again, and the repeat was dropped.
                Fault::LoseAnswer => {
                    assert_eq!(kills, 0);
                    assert_eq!(play.outbox.repeats(), 1, "{end:?}: post {n} ({kind})");
                }
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_quiz_post_goes_out_once_whatever_happens_to_it() {
    // Two questions, two reveals, the podium, the score picture, two summaries.
    every_post_once(
        End::Natural,
        "once",
        &[
            "question", "reveal", "question", "reveal", "end", "end", "summary", "summary",
        ],
    )
    .await;
}

/// `/quiz arreter`: the announcement, the open question's correction, the podium, the picture
/// and the summaries are stored with the stop and go out once, as a quiz's natural end does.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stopped_quiz_tells_the_class_once_whatever_happens() {
    every_post_once(
        End::Stopped,
        "once-stop",
        &[
            "question", "reveal", "question", "stop", "reveal", "end", "end", "summary", "summary",
        ],
    )
    .await;
}

/// A sent post keeps no copy of what it said (a summary names a student and her points).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sent_post_keeps_only_its_key() {
    let (play, _) = play_quiz(spawn_engine("once-forgets").await, End::Natural).await;
    assert_eq!(play.count("SELECT COUNT(*) FROM posts").await, 8);
    assert_eq!(
        play.count("SELECT COUNT(*) FROM posts WHERE reply != '' OR file IS NOT NULL")
            .await,
        0
    );
}
