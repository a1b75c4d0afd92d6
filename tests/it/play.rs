//! The class-play engine under stress: restarts in the middle of a quiz (running or paused),
//! the same action delivered twice, concurrent answers, an outbox that fails, and the local
//! console driving the same engine. Points are computed by hand from config/play.toml (see
//! play_quiz.rs for the rules) and read back from the database in milli-points.

use crate::helpers::{
    item_clock, last_quiz_id, one, plain, private_text, quiz_state, spawn_engine, T0,
};
use crate::play_quiz::{
    answer, answer_taken, launch, saved, ALREADY_ANSWERED, IS_PAUSED, ITEM_CLOSED, NOTHING_OPEN,
};
use casebot::play::command::{Audience, Command, ItemRef, Scope};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_in_the_middle_of_a_quiz_loses_nothing_and_counts_nothing_twice() {
    let play = spawn_engine("restart_mid_quiz").await;
    let prof = play.teacher("Prof");
    let (ana, ben, chloe) = (
        play.student("Ana"),
        play.student("Ben"),
        play.student("Chloé"),
    );
    play.send(&prof, launch(&["1.2.a", "1.2.b"], 60, true, true))
        .await;
    let posted = play.take_posts(1).await;
    assert_eq!(posted[0].1.deadline, Some(T0 + 60_000));
    let quiz = last_quiz_id(&play).await;

    play.clock.advance(10_000);
    answer_taken(&play, &ana, "17,76 %").await; // 250 × (1 − 10/60 × 0,5) = 229,17 → 229
    play.clock.advance(10_000);
    answer_taken(&play, &ben, "17,7 %").await; // close: 125 × (1 − 20/60 × 0,5) = 104,17 → 104
    answer_taken(&play, &chloe, "17 %").await; // wrong: 0

    // The bot goes down before the deadline and comes back 50 s later, past it.
    let play = play.restart(50_000).await;
    let t2 = T0 + 70_000;
    let posted = play.take_posts(2).await;
    assert_eq!(posted.len(), 2, "{posted:#?}");
    let reveal = plain(&posted[0].1.text);
    assert!(
        reveal.starts_with("✅ **Correction 1.2.a** : **17,76 %**"),
        "{reveal}"
    );
    assert!(
        reveal.ends_with(
            "La classe : 1 juste, 1 presque, 1 faux.\n\n**Classement du quiz**\n\
             1. Ana – 0,229 point\n2. Ben – 0,104 point\n3. Chloé – 0 point"
        ),
        "{reveal}"
    );
    assert!(posted[1].1.text.starts_with("**Question 2/2** – 1.2.b"));
    assert_eq!(posted[1].1.deadline, Some(t2 + 60_000));
    assert_eq!(
        item_clock(&play, quiz, 0).await,
        (Some(T0), Some(T0 + 60_000), Some(t2), Some(t2))
    );
    // A closed question stays closed.
    assert_eq!(
        private_text(
            &play
                .send(
                    &chloe,
                    Command::Answer {
                        text: "17,76 %".into(),
                        item: Some(ItemRef { quiz, item: 0 })
                    }
                )
                .await
        ),
        ITEM_CLOSED
    );

    // Question 2: Ana answers (one right before: streak bonus), then the bot restarts again.
    play.clock.advance(6_000);
    answer_taken(&play, &ana, "0,53 €").await; // 250 × 0,95 + 25 = 262,5 → 263
    let play = play.restart(0).await;
    play.engine.tick().await;
    assert!(play.outbox.take().is_empty(), "nothing is due");
    // Ana's answer survived the restart: a second one is refused.
    assert_eq!(
        private_text(&play.send(&ana, answer("0,6 €")).await),
        ALREADY_ANSWERED
    );
    play.clock.advance(6_000);
    answer_taken(&play, &ben, "0,53 €").await; // 250 × 0,9 = 225, no streak (close before)
                                               // Chloé does not answer: the question closes on time.
    play.clock.advance(48_000);
    // Reveal, podium, score distribution, 3 summaries.
    let posted = play.take_posts(1 + 1 + 1 + 3).await;
    assert_eq!(posted.len(), 6, "{posted:#?}");
    let reveal = plain(&posted[0].1.text);
    assert!(
        reveal.contains("La classe : 2 justes, 0 presque, 0 faux, 1 sans réponse."),
        "{reveal}"
    );
    assert_eq!(
        plain(&posted[1].1.text),
        // Chloé, at 0 point, is not on the podium.
        "🏆 **Podium**\n🥇 Ana – 0,492 point\n🥈 Ben – 0,329 point"
    );
    assert_eq!(
        posted[3..]
            .iter()
            .filter(|(_, r)| matches!(r.audience, Audience::User(_)))
            .count(),
        3
    );

    // Exactly the right scores, each answer once.
    assert_eq!(play.count("SELECT COUNT(*) FROM answers").await, 5);
    assert_eq!(play.points("Ana").await, 229 + 263);
    assert_eq!(play.points("Ben").await, 104 + 225);
    assert_eq!(play.points("Chloé").await, 0);
    play.wait_quiz_over(quiz).await;
    assert_eq!(quiz_state(&play, quiz).await.0, "finished");
    // And a further restart resumes nothing.
    let play = play.restart(600_000).await;
    play.engine.tick().await;
    assert!(play.outbox.take().is_empty());
    assert_eq!(play.count("SELECT COUNT(*) FROM answers").await, 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_while_paused_keeps_the_pause_and_the_time_left() {
    let play = spawn_engine("restart_paused").await;
    let prof = play.teacher("Prof");
    let (ana, ben) = (play.student("Ana"), play.student("Ben"));
    play.send(&prof, launch(&["1.2.a", "1.2.b"], 60, false, false))
        .await;
    play.take_posts(1).await;
    let quiz = last_quiz_id(&play).await;
    play.clock.advance(10_000);
    answer_taken(&play, &ana, "17,76 %").await;
    play.clock.advance(10_000);
    play.send(&prof, Command::QuizPause).await;

    // Down for ten minutes: still paused, 40 s left, nothing posted.
    let play = play.restart(600_000).await;
    play.engine.tick().await;
    assert!(play.outbox.take().is_empty());
    assert_eq!(
        quiz_state(&play, quiz).await,
        ("paused".to_string(), 0, Some(40_000))
    );
    assert_eq!(
        private_text(&play.send(&ben, answer("17,76 %")).await),
        IS_PAUSED
    );
    assert_eq!(
        private_text(&play.send(&ana, answer("17,76 %")).await),
        IS_PAUSED
    );

    let now = T0 + 620_000;
    let resumed = play.send(&prof, Command::QuizResume).await;
    assert_eq!(one(&resumed).deadline, Some(now + 40_000));
    answer_taken(&play, &ben, "17,76 %").await;
    assert_eq!(
        private_text(&play.send(&ana, answer("17 %")).await),
        ALREADY_ANSWERED
    );
    play.advance_and_tick(39_000).await;
    assert!(play.outbox.take().is_empty());
    play.clock.advance(1_000);
    let posted = play.take_posts(2).await;
    assert!(plain(&posted[0].1.text).contains("La classe : 2 justes, 0 presque, 0 faux."));
    assert!(posted[1].1.text.starts_with("**Question 2/2**"));
    play.stop_quiz(&prof).await;
    assert_eq!(play.points("Ana").await, 250);
    assert_eq!(play.points("Ben").await, 250);
    assert_eq!(play.count("SELECT COUNT(*) FROM answers").await, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_action_twice_changes_nothing_and_replies_the_same() {
    let play = spawn_engine("idempotent").await;
    let prof = play.teacher("Prof");
    let (ana, ben) = (play.student("Ana"), play.student("Ben"));

    // Practice: a wrong answer delivered twice is one attempt.
    play.send(
        &ana,
        Command::Practice {
            scope: Scope::Items(vec!["1.2.a".into(), "1.2.b".into()]),
        },
    )
    .await;
    let wrong = play.req(&ana, answer("17 %"));
    let first = play.engine.handle(wrong.clone()).await;
    let second = play.engine.handle(wrong).await;
    assert_eq!(first, second);
    assert!(private_text(&first).contains("Tentative 1/3."));
    assert_eq!(play.count("SELECT COUNT(*) FROM answers").await, 1);

    // A confirmed hint delivered twice is one hint (the next offer is level 2).
    let hint = play.req(
        &ana,
        Command::Hint {
            confirm: true,
            item: None,
        },
    );
    let first = play.engine.handle(hint.clone()).await;
    let second = play.engine.handle(hint).await;
    assert_eq!(first, second);
    assert!(private_text(&first).starts_with("Indice 1 – la formule"));
    assert_eq!(play.count("SELECT COUNT(*) FROM hints").await, 1);
    let offer = private_text(
        &play
            .send(
                &ana,
                Command::Hint {
                    confirm: false,
                    item: None,
                },
            )
            .await,
    );
    assert!(offer.starts_with("L’indice 2 coûte 0,05 point"), "{offer}");

    // A right answer delivered twice moves the practice on once: 250 × 0,5 − 25 = 100.
    let right = play.req(&ana, answer("17,76 %"));
    let first = play.engine.handle(right.clone()).await;
    let second = play.engine.handle(right).await;
    assert_eq!(first, second);
    assert!(private_text(&first).contains("**Calcul 2/2**"));
    assert_eq!(play.points("Ana").await, 100);
    let text = private_text(&play.send(&ana, answer("0,6 €")).await);
    assert!(
        text.starts_with("**1.2.b** (calcul 2/2)\n❌ Ta réponse, 0,6 €, n’est pas la bonne."),
        "the practice is on 1.2.b, not past it: {text}"
    );
    assert!(text.contains("Tentative 1/3."), "{text}");
    assert_eq!(play.count("SELECT COUNT(*) FROM answers").await, 3);

    // A quiz launched twice is one quiz, and the second delivery says the same.
    let launch_req = play.req(&prof, launch(&["1.2.c", "1.2.d"], 60, false, false));
    let first = play.engine.handle(launch_req.clone()).await;
    let second = play.engine.handle(launch_req).await;
    assert_eq!(first, second);
    assert!(private_text(&first).starts_with("Quiz lancé : 2 questions"));
    assert_eq!(play.count("SELECT COUNT(*) FROM quizzes").await, 1);
    play.take_posts(1).await;
    let quiz = last_quiz_id(&play).await;

    // A quiz answer delivered twice: one answer, the same reply, even after the reveal.
    play.clock.advance(1_000);
    let quiz_answer = play.req(&ben, answer("93,23 €"));
    let first = play.engine.handle(quiz_answer.clone()).await;
    let second = play.engine.handle(quiz_answer.clone()).await;
    assert_eq!(first, second);
    assert_eq!(private_text(&first), saved("93,23 €"));
    assert_eq!(play.points("Ben").await, 250);
    // Another action of the same student on the same item: refused, not scored.
    assert_eq!(
        private_text(&play.send(&ben, answer("10 €")).await),
        ALREADY_ANSWERED
    );
    play.advance_and_tick(59_000).await;
    assert_eq!(play.engine.handle(quiz_answer).await, first);
    assert_eq!(
        play.count("SELECT COUNT(*) FROM answers WHERE quiz_id IS NOT NULL")
            .await,
        1
    );
    assert_eq!(play.points("Ben").await, 250);
    assert_eq!(item_clock(&play, quiz, 0).await.3, Some(T0 + 60_000));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_answers_of_one_student_at_once_only_the_first_counts() {
    let play = spawn_engine("two_at_once").await;
    let prof = play.teacher("Prof");
    let ana = play.student("Ana");
    play.send(&prof, launch(&["1.2.a"], 60, false, false)).await;
    play.take_posts(1).await;
    play.clock.advance(1_000);
    let right = play.req(&ana, answer("17,76 %"));
    let wrong = play.req(&ana, answer("17 %"));
    let (e1, e2) = (play.engine.clone(), play.engine.clone());
    let (r1, r2) = tokio::join!(
        tokio::spawn(async move { e1.handle(right).await }),
        tokio::spawn(async move { e2.handle(wrong).await })
    );
    let (r1, r2) = (private_text(&r1.unwrap()), private_text(&r2.unwrap()));
    let stored = play.answers_of("Ana").await;
    assert_eq!(stored.len(), 1, "{stored:?}");
    if r1 == saved("17,76 %") {
        assert_eq!(r2, ALREADY_ANSWERED);
        assert_eq!((stored[0].2.as_str(), stored[0].3), ("correct", 250));
    } else {
        assert_eq!(r2, saved("17 %"));
        assert_eq!(r1, ALREADY_ANSWERED);
        assert_eq!((stored[0].2.as_str(), stored[0].3), ("wrong", 0));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn thirty_students_answering_at_once_are_each_counted_exactly_once() {
    let play = spawn_engine("concurrent_thirty").await;
    let prof = play.teacher("Prof");
    play.send(&prof, launch(&["1.2.a", "1.2.b"], 60, false, false))
        .await;
    play.take_posts(1).await;
    play.clock.advance(5_000);

    // Every request is delivered twice (the platform retries), all at the same time.
    let mut tasks = Vec::new();
    for i in 1..=30 {
        let student = play.student(&format!("Élève {i:02}"));
        let text = if i % 3 == 0 { "17,7 %" } else { "17,76 %" };
        let request = play.req(&student, answer(text));
        for _ in 0..2 {
            let engine = play.engine.clone();
            let request = request.clone();
            tasks.push(tokio::spawn(async move {
                (request.actor.name.clone(), engine.handle(request).await)
            }));
        }
    }
    let mut taken = std::collections::HashMap::new();
    for task in tasks {
        let (name, replies) = task.await.expect("task");
        let text = private_text(&replies);
        assert!(
            text.starts_with("📝 Réponse enregistrée")
                || text == "Cette action est déjà en cours de traitement."
                || text == ALREADY_ANSWERED,
            "{name}: {text}"
        );
        if text.starts_with("📝") {
            *taken.entry(name).or_insert(0) += 1;
        }
    }
    assert_eq!(taken.len(), 30, "every student got an acknowledgement");
    assert_eq!(play.count("SELECT COUNT(*) FROM answers").await, 30);
    assert_eq!(
        play.count("SELECT COUNT(DISTINCT member_id) FROM answers")
            .await,
        30
    );
    for i in 1..=30 {
        let expected = if i % 3 == 0 { 125 } else { 250 };
        assert_eq!(play.points(&format!("Élève {i:02}")).await, expected);
    }
    // The reveal counts each once.
    play.clock.advance(55_000);
    let posted = play.take_posts(2).await;
    assert!(plain(&posted[0].1.text).contains("La classe : 20 justes, 10 presque, 0 faux."));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn when_the_outbox_fails_the_quiz_waits_and_then_goes_on() {
    let play = spawn_engine("outbox_fails").await;
    let prof = play.teacher("Prof");
    let (ana, ben) = (play.student("Ana"), play.student("Ben"));

    // The question cannot be posted: its clock does not start, no answer is taken.
    play.outbox.set_failing(true);
    play.send(&prof, launch(&["1.2.a", "1.2.b"], 60, false, false))
        .await;
    play.engine.tick().await;
    let quiz = last_quiz_id(&play).await;
    assert!(play.outbox.failed() >= 1);
    assert_eq!(
        private_text(&play.send(&ana, answer("17,76 %")).await),
        NOTHING_OPEN
    );
    play.advance_and_tick(30_000).await;
    play.advance_and_tick(120_000).await;
    assert_eq!(item_clock(&play, quiz, 0).await, (None, None, None, None));
    assert_eq!(
        private_text(&play.send(&ana, answer("17,76 %")).await),
        NOTHING_OPEN
    );
    assert_eq!(play.count("SELECT COUNT(*) FROM answers").await, 0);
    assert!(play.outbox.all().is_empty());

    // Posting works again: after the retry delay the question is posted, its clock starts.
    play.outbox.set_failing(false);
    play.advance_and_tick(30_000).await;
    let shown = T0 + 180_000;
    let posted = play.outbox.take();
    assert_eq!(posted.len(), 1, "{posted:#?}");
    assert!(posted[0].1.text.starts_with("**Question 1/2** – 1.2.a"));
    assert_eq!(posted[0].1.deadline, Some(shown + 60_000));
    assert_eq!(
        item_clock(&play, quiz, 0).await,
        (Some(shown), Some(shown + 60_000), None, None)
    );
    play.clock.advance(1_000);
    answer_taken(&play, &ana, "17,76 %").await;

    // The reveal cannot be posted: the question is closed, the quiz does not move on.
    play.outbox.set_failing(true);
    play.advance_and_tick(59_000).await;
    play.advance_and_tick(30_000).await;
    play.advance_and_tick(30_000).await;
    assert!(play.outbox.all().is_empty());
    let (_, _, closed, revealed) = item_clock(&play, quiz, 0).await;
    assert_eq!(closed, Some(shown + 60_000));
    assert_eq!(revealed, None);
    assert_eq!(quiz_state(&play, quiz).await.1, 0);
    assert_eq!(item_clock(&play, quiz, 1).await, (None, None, None, None));
    assert_eq!(
        private_text(&play.send(&ben, answer("17,76 %")).await),
        ITEM_CLOSED
    );

    // Posting works again: the reveal, then question 2.
    play.outbox.set_failing(false);
    play.advance_and_tick(30_000).await;
    let posted = play.outbox.take();
    assert_eq!(posted.len(), 2, "{posted:#?}");
    assert!(posted[0].1.text.starts_with("✅ **Correction 1.2.a**"));
    assert!(plain(&posted[0].1.text).contains("La classe : 1 juste, 0 presque, 0 faux."));
    assert!(posted[1].1.text.starts_with("**Question 2/2** – 1.2.b"));
    assert_eq!(quiz_state(&play, quiz).await.1, 1);
    play.clock.advance(1_000);
    answer_taken(&play, &ben, "0,53 €").await;
    assert_eq!(play.points("Ana").await, 250);
    assert_eq!(play.points("Ben").await, 250);
}

/// A `Write` into a shared buffer, for the console's output.
#[derive(Clone, Default)]
pub(crate) struct SharedBuf(pub(crate) std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for SharedBuf {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("buffer lock").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_plays_a_practice_and_explains_unknown_commands() {
    let play = spawn_engine("console").await;
    let buf = SharedBuf::default();
    let out: casebot::console::Output = std::sync::Arc::new(std::sync::Mutex::new(Box::new(
        buf.clone(),
    )
        as Box<dyn std::io::Write + Send>));
    let files = crate::helpers::TempDir::new("play-console-files");
    let options = casebot::console::ConsoleOptions {
        class: "classe-console".into(),
        teachers: vec!["prof".into()],
        default_user: "alice".into(),
        files_dir: files.path.clone(),
    };
    let script = "alice> /entrainement 1.2.a,1.2.b\n\
                  /repondre 17 %\n\
                  \n\
                  /indice\n\
                  /repondre 17,76 %\n\
                  /nimportequoi\n\
                  bob> /repondre 3\n\
                  eve> /quiz lancer 1.2.a\n\
                  /quitter\n\
                  alice> /aide\n";
    let input = tokio::io::BufReader::new(script.as_bytes());
    casebot::console::run(play.engine.clone(), input, out, options)
        .await
        .expect("console run");
    let output = plain(&String::from_utf8(buf.0.lock().unwrap().clone()).expect("utf-8"));

    let expected_in_order = [
        "[privé → alice] 🎯 Entraînement lancé : 2 calculs, 0,5 point à gagner. Prends ton temps.\n\n\
         Calcul 1/2\n1.2.a (0,25 point)\n> Analyser les résultats des actions menées par l'agence de webmarketing avec le réseau social *Facebook* et avec *Google Ads*.\nCalcule le taux de clic de la campagne Google Ads, en %, arrondi à deux décimales.\n\n",
        "[privé → alice] 1.2.a (calcul 1/2)\n❌ Ta réponse, 17 %, n’est pas la bonne. Relis la formule et les données, ou demande un indice.\n\
         Tentative 1/3. Réessaie : une bonne réponse rapporte encore 0,125 point. Besoin d’aide ? /indice.\n\n",
        "[privé → alice] L’indice 1 coûte 0,025 point sur ce calcul. Pour le prendre : /indice confirmer:oui, ou le bouton ci-dessous.\n\n",
        "[privé → alice] 1.2.a (calcul 1/2)\n✅ Juste : 17,76 %.\nTu gagnes 0,125 point.\n\nTaux de clic Google Ads = 17,76 %\n",
        "\n\nCalcul 2/2\n1.2.b (0,25 point)\n",
        "Commande inconnue. Écrivez « nom> /commande », par exemple « alice> /repondre 17,76 % » ou « prof> /quiz lancer dossier:1 ». /aide pour la liste, /quitter pour sortir.\n\n",
        "[privé → bob] Tu n’as pas de calcul en cours. Lance un entraînement avec /entrainement (par exemple dossier:1), ou attends la prochaine question du quiz.\n\n",
        "[privé → eve] Cette commande est réservée aux enseignants de la classe.\n\n",
    ];
    let mut from = 0;
    for expected in expected_in_order {
        match output[from..].find(expected) {
            Some(at) => from += at + expected.len(),
            None => panic!("missing, or out of order: {expected:?}\n--- output:\n{output}"),
        }
    }
    assert_eq!(&output[from..], "", "nothing after /quitter");
    assert!(!output.contains("casebot – réviser"));

    // The console's class and its scores are in the same database.
    let (points,): (i64,) = sqlx::query_as(
        "SELECT COALESCE(SUM(a.points_milli), 0) FROM answers a JOIN members m ON m.id = a.member_id
         JOIN classes c ON c.id = a.class_id
         WHERE c.platform = 'console' AND c.platform_id = 'classe-console' AND m.platform_user = 'alice'",
    )
    .fetch_one(&play.engine.store().read)
    .await
    .expect("console points");
    assert_eq!(points, 125);
    assert_eq!(play.count("SELECT COUNT(*) FROM quizzes").await, 0);
}

#[tokio::test]
async fn draft_feedback_and_model_posts_change_nothing_and_reach_the_right_audience() {
    let play = spawn_engine("workshop").await;
    let ana = play.student("Ana");
    let prof = play.teacher("Prof");
    let good = {
        let app = crate::helpers::app();
        let case = &app.cases[0];
        let workshop = case
            .workshop
            .as_ref()
            .expect("the case has a LinkedIn workshop");
        case.text(&casebot::linkedin::Workshop::post_id(&workshop.models[0]))
    };
    let replies = play
        .send(
            &ana,
            Command::DraftCheck {
                text: good.clone(),
                share: false,
            },
        )
        .await;
    assert_eq!(replies.len(), 1);
    assert_eq!(replies[0].audience, Audience::Private);
    assert!(
        replies[0]
            .text
            .starts_with("**Analyse de ton brouillon** : 11 sur 11 critères remplis."),
        "{}",
        replies[0].text
    );
    let weak = play
        .send(
            &ana,
            Command::DraftCheck {
                text: "Bonjour, voici notre post.".into(),
                share: false,
            },
        )
        .await;
    assert!(weak[0].text.contains("❌"), "{}", weak[0].text);

    let for_student = play.send(&ana, Command::LinkedinModels).await;
    assert_eq!(for_student[0].audience, Audience::Private);
    let for_class = play.send(&prof, Command::LinkedinModels).await;
    assert_eq!(for_class[0].audience, Audience::Channel);
    assert!(
        for_class[0]
            .text
            .contains("Modèles de publication LinkedIn"),
        "{}",
        for_class[0].text
    );
    // Reading and checking drafts stores nothing about anyone's answers.
    assert_eq!(play.count("SELECT COUNT(*) FROM answers").await, 0);
    assert_eq!(play.count("SELECT COUNT(*) FROM actions").await, 0);
}

#[tokio::test]
async fn the_console_takes_a_draft_on_several_lines() {
    let play = spawn_engine("console-draft").await;
    let buf = SharedBuf::default();
    let out: casebot::console::Output = std::sync::Arc::new(std::sync::Mutex::new(Box::new(
        buf.clone(),
    )
        as Box<dyn std::io::Write + Send>));
    let files = crate::helpers::TempDir::new("play-console-draft-files");
    let options = casebot::console::ConsoleOptions {
        class: "classe-console".into(),
        teachers: vec!["prof".into()],
        default_user: "alice".into(),
        files_dir: files.path.clone(),
    };
    let script = "alice> /brouillon\n\
                  Un olivier pour les 40 ans d’ICOOPA\n\
                  #RSE #arbre #cadeau\n\
                  .\n\
                  /quitter\n";
    let input = tokio::io::BufReader::new(script.as_bytes());
    casebot::console::run(play.engine.clone(), input, out, options)
        .await
        .expect("console run");
    let output = plain(&String::from_utf8(buf.0.lock().unwrap().clone()).expect("utf-8"));
    assert!(
        output.starts_with("Écris ou colle ton brouillon de post LinkedIn"),
        "{output}"
    );
    assert!(
        output.contains("[privé → alice] Analyse de ton brouillon"),
        "{output}"
    );
    assert!(output.contains("hashtags : 3"), "{output}");
}
