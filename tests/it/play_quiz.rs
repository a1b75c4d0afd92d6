//! Timed quizzes through the engine, on a manual clock: launch, questions posted to the
//! outbox, private answers, reveals with class statistics, podium and private summaries;
//! teacher controls; teacher-only commands; `/kpi` during a quiz.
//!
//! Expected points are computed by hand from config/play.toml (never with the engine's scoring
//! functions): every part is worth 0,25 point (250 milli-points); a close answer earns half;
//! with the speed bonus a right or close answer keeps 1 − (elapsed ÷ time allowed) × 0,5 of its
//! points; with the streak bonus a right answer adds 0,1 × 250 per right answer in a row
//! before it (at most 0,5 × 250); the total is rounded half away from zero to the milli-point.

use crate::helpers::{
    fr_points, item_clock, last_quiz_id, one, private_text, quiz_state, spawn_engine, texts,
    user_id, Play, T0,
};
use casebot::play::command::{
    Actor, Audience, Board, ButtonAction, ChannelRef, Command, ItemRef, Reply, Scope,
};

pub fn launch(items: &[&str], seconds: u32, speed: bool, streak: bool) -> Command {
    Command::QuizLaunch {
        scope: Scope::Items(items.iter().map(|s| s.to_string()).collect()),
        seconds_per_item: Some(seconds),
        total_minutes: None,
        speed_bonus: speed,
        streak_bonus: streak,
        full_time: false,
    }
}

pub fn answer(text: &str) -> Command {
    Command::Answer {
        text: text.into(),
        item: None,
    }
}

pub const NOTHING_OPEN: &str = "Aucune question n’est ouverte en ce moment.";
pub const ALREADY_ANSWERED: &str =
    "Tu as déjà répondu à cette question : seule ta première réponse compte.";
pub const ITEM_CLOSED: &str = "Cette question est close : ta réponse n’est pas comptée.";
pub const IS_PAUSED: &str = "Le quiz est en pause : attends qu’il reprenne pour répondre.";
pub const NO_QUIZ: &str = "Aucun quiz n’est en cours dans cette classe.";
pub const TEACHER_ONLY: &str = "Cette commande est réservée aux enseignants de la classe.";
pub const KPI_LOCKED: &str = "Cet indicateur est demandé dans le quiz en cours, ou lié à un calcul qu’il demande : tu pourras le calculer avec moi après la correction.";

/// The private acknowledgement of a quiz answer: it names its question, never says right or
/// wrong (see `helpers::Receipt`).
pub fn saved(answer: &str) -> crate::helpers::Receipt {
    crate::helpers::Receipt {
        answer: answer.into(),
    }
}

/// Sends an answer and checks it was taken (privately, without a verdict).
pub async fn answer_taken(play: &Play, who: &Actor, text: &str) {
    let replies = play.send(who, answer(text)).await;
    let reply = one(&replies);
    assert_eq!(reply.audience, Audience::Private, "{reply:#?}");
    assert_eq!(
        crate::helpers::plain(&reply.text),
        saved(text),
        "{}",
        who.name
    );
    for verdict in ["✅", "❌", "🟡", "Juste", "Presque", "Ce n’est pas"] {
        assert!(!reply.text.contains(verdict), "{}", reply.text);
    }
    assert!(reply.buttons.is_empty() && reply.deadline.is_none());
}

fn name(i: usize) -> String {
    format!("Élève {i:02}")
}

fn quiz_channel() -> ChannelRef {
    ChannelRef {
        platform: "discord".into(),
        class_key: "guild-1".into(),
        channel: "quiz".into(),
    }
}

/// The consigne of question 1.2, in the subject's words, that every part of it shows first.
const CONSIGNE_1_2: &str =
    "> Analyser les résultats des actions menées par l'agence de webmarketing avec le réseau social *Facebook* et avec *Google Ads*.";

/// The question message of item `idx` (0-based) of quiz `quiz`, checked whole.
fn assert_question(
    posted: &(ChannelRef, Reply),
    quiz: i64,
    idx: i64,
    header: &str,
    statement: &str,
    deadline: i64,
) {
    let (channel, reply) = posted;
    assert_eq!(channel, &quiz_channel());
    assert_eq!(reply.audience, Audience::Channel);
    assert_eq!(
        crate::helpers::plain(&reply.text),
        format!("{header}\n{statement}\nRéponds avec /repondre ou le bouton « Répondre »."),
    );
    assert_eq!(reply.deadline, Some(deadline), "deadline of item {idx}");
    let item = ItemRef { quiz, item: idx };
    let buttons: Vec<(&str, &ButtonAction)> = reply
        .buttons
        .iter()
        .map(|b| (b.label.as_str(), &b.action))
        .collect();
    assert_eq!(
        buttons,
        vec![
            ("Répondre", &ButtonAction::Answer(item)),
            ("Indice", &ButtonAction::Hint(item)),
        ]
    );
}

/// Board lines as the bot writes them: "1. Élève 01 – 0,238 point".
fn board_lines(rows: &[(usize, String, i64)]) -> String {
    rows.iter()
        .map(|(rank, name, milli)| format!("{rank}. {name} – {}", fr_points(*milli)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The 30-student quiz, by hand. Per student: the points of items 1, 2 and 3 (None: no answer).
fn thirty_expected() -> Vec<(usize, [Option<i64>; 3])> {
    (1..=30)
        .map(|i| {
            let pts = match i {
                // Q1 right at 6 s: 250 × (1 − 0,1 × 0,5) = 237,5 → 238.
                // Q2 right at 12 s, one right before: 250 × 0,9 + 25 = 250.
                // Q3 right at 0 s, two right before: 250 + 50 = 300.
                1 => [Some(238), Some(250), Some(300)],
                // Q3 right at 12 s: 250 × 0,9 + 50 = 275.
                2..=5 => [Some(238), Some(250), Some(275)],
                // Q2 close at 12 s: 125 × 0,9 = 112,5 → 113; no answer to Q3.
                6..=10 => [Some(238), Some(113), None],
                // Q1 right at 30 s: 250 × 0,75 = 187,5 → 188.
                // Q2 right at 30 s, one right before: 187,5 + 25 = 212,5 → 213.
                // Q3 right at 59 s, two right before: 250 × (1 − 59/60 × 0,5) + 50 = 177,08 → 177.
                11..=15 => [Some(188), Some(213), Some(177)],
                // Q1 close at 30 s: 125 × 0,75 = 93,75 → 94. Q2 right at 30 s, no streak: 188.
                // Q3 right at 15 s, one right before: 250 × 0,875 + 25 = 243,75 → 244.
                16..=20 => [Some(94), Some(188), Some(244)],
                // Wrong twice (a recognised mistake each time), no answer to Q3.
                21..=25 => [Some(0), Some(0), None],
                26..=27 => [Some(0), Some(0), None],
                // Q1: unreadable at 6 s (free), then right at 45 s: 250 × (1 − 0,75 × 0,5) =
                // 156,25 → 156. Q2 right at 30 s after one right: 213. No answer to Q3.
                28..=29 => [Some(156), Some(213), None],
                // Q1: unreadable only. Q2 right at 12 s, no streak: 225.
                // Q3 close at 15 s: 125 × 0,875 = 109,375 → 109.
                _ => [None, Some(225), Some(109)],
            };
            (i, pts)
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn timed_quiz_with_thirty_students_speed_and_streak_bonus() {
    let play = spawn_engine("quiz_thirty").await;
    let prof = play.teacher("Prof");
    let s: Vec<Actor> = (1..=30).map(|i| play.student(&name(i))).collect();
    let st = |i: usize| &s[i - 1];

    // The question cannot be posted yet: the quiz waits, and no answer is taken.
    play.outbox.set_failing(true);
    let launched = play
        .send(&prof, launch(&["1.2.a", "1.2.b", "1.2.c"], 60, true, true))
        .await;
    assert_eq!(
        private_text(&launched),
        "Quiz lancé : 3 questions de 60 s, 0,75 point en jeu. Bonus de rapidité : une bonne réponse rapporte de 50 % (à la dernière seconde) à 100 % de ses points (tout de suite). Bonus de série : +10 % par bonne réponse d’affilée, jusqu’à +50 %, d’où des totaux qui peuvent dépasser les points en jeu. Une question se ferme à la fin de son temps, ou plus tôt dès que tous les participants (une réponse ou un indice dans ce quiz) y ont répondu ; la première dure toujours tout son temps. La première question arrive."
    );
    play.engine.tick().await;
    assert!(play.outbox.failed() >= 1);
    assert_eq!(
        private_text(&play.send(st(1), answer("17,76 %")).await),
        NOTHING_OPEN
    );
    let quiz = last_quiz_id(&play).await;
    assert_eq!(item_clock(&play, quiz, 0).await, (None, None, None, None));

    // Posting works again: after the retry delay, question 1 is posted; its clock starts then.
    play.outbox.set_failing(false);
    play.advance_and_tick(2_000).await;
    let t1 = T0 + 2_000;
    let posted = play.outbox.take();
    assert_eq!(posted.len(), 1, "{posted:#?}");
    assert_question(
        &posted[0],
        quiz,
        0,
        "**Question 1/3** – 1.2.a (0,25 point, annexe 3)",
        &format!("{CONSIGNE_1_2}\nCalcule le taux de clic de la campagne Google Ads, en %, arrondi à deux décimales."),
        t1 + 60_000,
    );
    assert_eq!(
        item_clock(&play, quiz, 0).await,
        (Some(t1), Some(t1 + 60_000), None, None)
    );

    // --- Question 1 (taux de clic, 17,76 %) -------------------------------------------------
    play.clock.advance(6_000); // t1 + 6 s
    for i in 1..=10 {
        answer_taken(&play, st(i), "17,76 %").await;
    }
    for i in [28, 29, 30] {
        // Unreadable: free, not stored, may answer again.
        let text = private_text(&play.send(st(i), answer("je sais pas")).await);
        assert!(
            text.ends_with("Cette réponse ne te coûte rien : réessaie."),
            "{text}"
        );
    }
    play.clock.advance(24_000); // t1 + 30 s
    for i in 11..=15 {
        answer_taken(&play, st(i), "17,76 %").await;
    }
    for i in 16..=20 {
        answer_taken(&play, st(i), "17,7 %").await; // truncated: close
    }
    for i in 21..=25 {
        answer_taken(&play, st(i), "0,1776").await; // ratio not × 100
    }
    for i in 26..=27 {
        answer_taken(&play, st(i), "5,63 %").await;
    }
    // A second answer is refused politely and changes nothing.
    assert_eq!(
        private_text(&play.send(st(21), answer("17,76 %")).await),
        ALREADY_ANSWERED
    );
    play.clock.advance(15_000); // t1 + 45 s
    for i in [28, 29] {
        answer_taken(&play, st(i), "17,76 %").await;
    }
    assert_eq!(play.points(&name(21)).await, 0);
    assert!(
        play.outbox.take().is_empty(),
        "nothing is revealed before the deadline"
    );

    // The deadline: answers are refused, then the reveal and question 2 are posted.
    play.clock.advance(15_000); // t1 + 60 s
    assert_eq!(
        private_text(&play.send(st(30), answer("17,76 %")).await),
        ITEM_CLOSED
    );
    play.engine.tick().await;
    let t2 = t1 + 60_000;
    let posted = play.outbox.take();
    assert_eq!(posted.len(), 2, "{posted:#?}");
    let reveal = crate::helpers::plain(&posted[0].1.text);
    assert_eq!(posted[0].1.audience, Audience::Channel);
    assert!(
        reveal.starts_with(
            "✅ **Correction 1.2.a** : **17,76 %**\n**Taux de clic Google Ads** = **17,76 %**\n"
        ),
        "{reveal}"
    );
    assert!(
        reveal.contains(
            "\n\nQuestion close : temps écoulé. La classe : 17 justes, 5 presque, 7 faux.\n\
             Erreur la plus fréquente : rapport non multiplié par 100 (5).\n\n"
        ),
        "{reveal}"
    );
    // The quiz board after question 1: 29 players, 20 shown, ties share a rank.
    let mut rows: Vec<(usize, String, i64)> = Vec::new();
    rows.extend((1..=10).map(|i| (1, name(i), 238)));
    rows.extend((11..=15).map(|i| (11, name(i), 188)));
    rows.extend([28, 29].map(|i| (16, name(i), 156)));
    rows.extend((16..=18).map(|i| (18, name(i), 94)));
    assert!(
        reveal.ends_with(&format!(
            "**Classement du quiz**\n{}\n… et 9 autres.",
            board_lines(&rows)
        )),
        "{reveal}"
    );
    assert_question(
        &posted[1],
        quiz,
        1,
        "**Question 2/3** – 1.2.b (0,25 point, annexe 3)",
        &format!("{CONSIGNE_1_2}\nCalcule le coût moyen par clic (CPC) de la campagne Google Ads, en €, arrondi à deux décimales. Pense à convertir le montant dépensé, donné en k€."),
        t2 + 60_000,
    );
    assert_eq!(
        item_clock(&play, quiz, 0).await,
        (Some(t1), Some(t1 + 60_000), Some(t2), Some(t2))
    );

    // --- Question 2 (coût par clic, 0,53 €): everyone answers, so it closes early ------------
    play.clock.advance(12_000); // t2 + 12 s
                                // The answer button of question 1 no longer counts.
    let stale = Command::Answer {
        text: "0,53 €".into(),
        item: Some(ItemRef { quiz, item: 0 }),
    };
    assert_eq!(private_text(&play.send(st(6), stale).await), ITEM_CLOSED);
    answer_taken(&play, st(30), "0,53 €").await;
    for i in 1..=5 {
        answer_taken(&play, st(i), "0,53 €").await;
    }
    assert_eq!(
        private_text(&play.send(st(1), answer("0,6 €")).await),
        ALREADY_ANSWERED
    );
    // The answer button of the open question works.
    for i in 6..=10 {
        let replies = play
            .send(
                st(i),
                Command::Answer {
                    text: "0,5 €".into(),
                    item: Some(ItemRef { quiz, item: 1 }),
                },
            )
            .await;
        assert_eq!(private_text(&replies), saved("0,5 €"));
    }
    play.clock.advance(18_000); // t2 + 30 s
    for i in (11..=20).chain([28, 29]) {
        answer_taken(&play, st(i), "0,53 €").await;
    }
    for i in 21..=27 {
        answer_taken(&play, st(i), "1,90 €").await; // division the wrong way
    }
    play.engine.tick().await;
    let t3 = t2 + 30_000;
    let posted = play.outbox.take();
    assert_eq!(posted.len(), 2, "{posted:#?}");
    let reveal = crate::helpers::plain(&posted[0].1.text);
    assert!(
        reveal.starts_with("✅ **Correction 1.2.b** : **0,53 €**\n"),
        "{reveal}"
    );
    assert!(
        reveal.contains(
            "La classe : 18 justes, 5 presque, 7 faux.\nErreur la plus fréquente : division à l’envers (7).\n\n**Classement du quiz**\n1. Élève 01 – 0,488 point\n1. Élève 02 – 0,488 point\n"
        ),
        "{reveal}"
    );
    assert!(
        reveal.ends_with("\n… et 10 autres."),
        "30 players, 20 rows: {reveal}"
    );
    assert_question(
        &posted[1],
        quiz,
        2,
        "**Question 3/3** – 1.2.c (0,25 point, annexe 3)",
        &format!("{CONSIGNE_1_2}\nCalcule le coût pour mille impressions (CPM) de la campagne Google Ads, en €, arrondi à deux décimales."),
        t3 + 60_000,
    );
    assert_eq!(
        item_clock(&play, quiz, 1).await,
        (Some(t2), Some(t2 + 60_000), Some(t3), Some(t3)),
        "closed early, when the 30th player answered"
    );

    // --- Question 3 (CPM, 93,23 €): not everyone answers; it closes on time -------------------
    answer_taken(&play, st(1), "93,23 €").await;
    play.clock.advance(12_000);
    for i in 2..=5 {
        answer_taken(&play, st(i), "93,23 €").await;
    }
    play.clock.advance(3_000);
    for i in 16..=20 {
        answer_taken(&play, st(i), "93,23 €").await;
    }
    answer_taken(&play, st(30), "93 €").await; // not precise enough: close
    play.clock.advance(44_000); // t3 + 59 s
    for i in 11..=15 {
        answer_taken(&play, st(i), "93,23 €").await;
    }
    play.engine.tick().await;
    assert!(play.outbox.take().is_empty(), "open until its deadline");
    play.clock.advance(1_000);

    // The reveal, the podium, then one private summary per player.
    // The reveal, the podium, the score distribution, then one private summary per player.
    let posted = play.take_posts(1 + 1 + 1 + 30).await;
    assert_eq!(posted.len(), 1 + 1 + 1 + 30, "{posted:#?}");
    let reveal = crate::helpers::plain(&posted[0].1.text);
    assert!(
        reveal.contains("La classe : 15 justes, 1 presque, 0 faux, 14 sans réponse.\n\n**Classement du quiz**\n1. Élève 01 – 0,788 point\n2. Élève 02 – 0,763 point\n"),
        "{reveal}"
    );
    assert!(!reveal.contains("Erreur la plus fréquente"), "{reveal}");
    let podium = &posted[1];
    assert_eq!(podium.0, quiz_channel());
    assert_eq!(podium.1.audience, Audience::Channel);
    assert_eq!(
        crate::helpers::plain(&podium.1.text),
        // Tied students share their place, on one line.
        "🏆 **Podium**\n🥇 Élève 01 – 0,788 point\n🥈 Élève 02, Élève 03, Élève 04, Élève 05 – 0,763 point"
    );

    // Exact points per student and per item, from the database.
    let expected = thirty_expected();
    for (i, items) in &expected {
        let rows = play.answers_of(&name(*i)).await;
        let got: Vec<(i64, i64)> = rows.iter().map(|r| (r.4.unwrap_or(-1), r.3)).collect();
        let want: Vec<(i64, i64)> = items
            .iter()
            .enumerate()
            .filter_map(|(idx, p)| p.map(|p| (idx as i64, p)))
            .collect();
        assert_eq!(got, want, "answers of {}", name(*i));
        assert_eq!(
            play.points(&name(*i)).await,
            want.iter().map(|w| w.1).sum::<i64>(),
            "{}",
            name(*i)
        );
    }
    assert_eq!(
        play.count("SELECT COUNT(*) FROM answers").await,
        29 + 30 + 16
    );

    // Summaries: private, one per player, with points, rank and what to revise.
    assert!(
        posted[2].1.attachment.is_some(),
        "the score distribution picture"
    );
    let summaries: Vec<&Reply> = posted[3..].iter().map(|(_, r)| r).collect();
    let summary_of = |n: usize| -> String {
        let user = user_id(&name(n));
        let found: Vec<&&Reply> = summaries
            .iter()
            .filter(|r| r.audience == Audience::User(user.clone()))
            .collect();
        assert_eq!(found.len(), 1, "summaries of {user}");
        crate::helpers::plain(&found[0].text)
    };
    for n in 1..=30 {
        summary_of(n);
    }
    assert_eq!(
        summary_of(1),
        "**Ton bilan** : 0,788 / 0,75 point, rang 1 sur 30. 3 justes, 0 presque, 0 faux, 0 sans réponse.\nSans faute : bravo !"
    );
    assert_eq!(
        summary_of(3),
        "**Ton bilan** : 0,763 / 0,75 point, rang 2 sur 30. 3 justes, 0 presque, 0 faux, 0 sans réponse.\nSans faute : bravo !"
    );
    assert_eq!(
        summary_of(21),
        "**Ton bilan** : 0 / 0,75 point, rang 24 sur 30. 0 juste, 0 presque, 2 faux, 1 sans réponse.\nÀ revoir :\n\
         - 1.2.a Taux de clic Google Ads : /kpi 1.2.a\n\
         - 1.2.b Coût par clic Google Ads : /kpi 1.2.b\n\
         - 1.2.c Coût pour mille impressions Google Ads : pas de réponse ; /kpi 1.2.c"
    );
    assert_eq!(
        summary_of(30),
        "**Ton bilan** : 0,334 / 0,75 point, rang 23 sur 30. 1 juste, 1 presque, 0 faux, 1 sans réponse.\nÀ revoir :\n\
         - 1.2.a Taux de clic Google Ads : pas de réponse ; /kpi 1.2.a\n\
         - 1.2.c Coût pour mille impressions Google Ads : /kpi 1.2.c"
    );
    assert_eq!(
        summary_of(16),
        "**Ton bilan** : 0,526 / 0,75 point, rang 11 sur 30. 2 justes, 1 presque, 0 faux, 0 sans réponse.\nÀ revoir :\n\
         - 1.2.a Taux de clic Google Ads : /kpi 1.2.a"
    );

    // The quiz is over: finished in the database, answers go to practice, nothing more posted.
    play.wait_quiz_over(quiz).await;
    assert_eq!(quiz_state(&play, quiz).await.0, "finished");
    // Right after the end, a late answer is told so; a minute later, it is for practice.
    assert_eq!(
        private_text(&play.send(st(6), answer("93,23 €")).await),
        "Le quiz vient de se terminer : ta demande est arrivée après la fin, rien n’est compté."
    );
    play.advance_and_tick(600_000).await;
    assert!(private_text(&play.send(st(6), answer("93,23 €")).await)
        .starts_with("Tu n’as pas de calcul en cours."));
    assert!(play.outbox.take().is_empty());
    // The quiz board is still there to read.
    let board = texts(
        &play
            .send(st(2), Command::Leaderboard { board: Board::Quiz })
            .await,
    );
    assert!(
        board.starts_with(
            "**Classement du quiz**\n1. Élève 01 – 0,788 point\n2. Élève 02 – 0,763 point\n"
        ),
        "{board}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quiz_points_without_bonuses_and_with_each_bonus_alone_and_quiz_hints() {
    let play = spawn_engine("quiz_bonuses").await;
    let prof = play.teacher("Prof");
    let (ana, ben, chloe) = (
        play.student("Ana"),
        play.student("Ben"),
        play.student("Chloé"),
    );

    // --- No bonus: right 250, close 125, whatever the time ----------------------------------
    play.send(&prof, launch(&["1.2.a", "1.2.b"], 30, false, false))
        .await;
    play.engine.tick().await;
    let quiz = last_quiz_id(&play).await;
    let posted = play.outbox.take();
    assert_eq!(posted.len(), 1);
    assert_eq!(posted[0].1.deadline, Some(T0 + 30_000));

    // Chloé asks for a hint: the cost first (0,1 × 0,25), with a button to confirm.
    let offer = play
        .send(
            &chloe,
            Command::Hint {
                confirm: false,
                item: None,
            },
        )
        .await;
    let offer = one(&offer);
    assert_eq!(
        offer.text,
        "L’indice 1 coûte 0,025 point sur ce calcul. Pour le prendre : /indice confirmer:oui, ou le bouton ci-dessous."
    );
    assert_eq!(offer.buttons.len(), 1);
    assert_eq!(offer.buttons[0].label, "Prendre l’indice");
    assert_eq!(
        offer.buttons[0].action,
        ButtonAction::HintConfirm(ItemRef { quiz, item: 0 })
    );
    assert_eq!(play.count("SELECT COUNT(*) FROM hints").await, 0);
    let taken = play
        .send(
            &chloe,
            Command::Hint {
                confirm: true,
                item: Some(ItemRef { quiz, item: 0 }),
            },
        )
        .await;
    assert!(private_text(&taken).starts_with("Indice 1 – la formule : Taux de clic Google Ads ="));
    assert_eq!(
        play.count("SELECT COUNT(*) FROM hints WHERE quiz_id IS NOT NULL AND item_idx = 0 AND cost_milli = 25")
            .await,
        1
    );

    play.clock.advance(1_000);
    answer_taken(&play, &ana, "17,76 %").await; // 250
    play.clock.advance(28_000);
    answer_taken(&play, &ben, "18 %").await; // close: 125
    answer_taken(&play, &chloe, "17,76 %").await; // 250 − 25 = 225
    assert_eq!(
        private_text(
            &play
                .send(
                    &chloe,
                    Command::Hint {
                        confirm: false,
                        item: None
                    }
                )
                .await
        ),
        "Tu as déjà répondu à cette question : plus besoin d’indice."
    );
    // Everyone answered question 1, but the first question never closes early.
    play.engine.tick().await;
    assert!(play.outbox.take().is_empty());
    assert_eq!(item_clock(&play, quiz, 0).await.2, None);
    play.advance_and_tick(1_000).await; // T0 + 30 s: deadline
    let posted = play.outbox.take();
    assert_eq!(posted.len(), 2, "reveal and question 2");
    let t2 = T0 + 30_000;
    // Question 2: right at once and right at the last second earn the same; no streak bonus.
    play.clock.advance(1_000);
    answer_taken(&play, &ana, "0,53 €").await;
    answer_taken(&play, &ben, "0,53 €").await;
    play.clock.advance(27_000);
    answer_taken(&play, &chloe, "0,53 €").await;
    // Every player answered question 2: it closes now, before its deadline.
    let posted = play.take_posts(6).await;
    assert_eq!(
        posted.len(),
        1 + 1 + 1 + 3,
        "reveal, podium, distribution, 3 summaries"
    );
    assert_eq!(
        item_clock(&play, quiz, 1).await,
        (
            Some(t2),
            Some(t2 + 30_000),
            Some(t2 + 28_000),
            Some(t2 + 28_000)
        )
    );
    assert_eq!(play.points("Ana").await, 500);
    assert_eq!(play.points("Ben").await, 375);
    assert_eq!(play.points("Chloé").await, 475);
    assert_eq!(
        crate::helpers::plain(&posted[1].1.text),
        "🏆 **Podium**\n🥇 Ana – 0,5 point\n🥈 Chloé – 0,475 point\n🥉 Ben – 0,375 point"
    );

    // --- Streak bonus only: Ana right twice, the second time +0,1 × 0,25, slow or not ------
    play.send(&prof, launch(&["1.2.a", "1.2.b"], 20, false, true))
        .await;
    play.engine.tick().await;
    play.clock.advance(19_000);
    answer_taken(&play, &ana, "17,76 %").await; // 250
    answer_taken(&play, &ben, "17 %").await; // wrong: 0
    play.advance_and_tick(1_000).await;
    play.clock.advance(19_000);
    answer_taken(&play, &ana, "0,53 €").await; // 250 + 25 = 275
    answer_taken(&play, &ben, "0,53 €").await; // no right answer before: 250
    assert_eq!(play.take_posts(1 + 2 + 1 + 4).await.len(), 1 + 2 + 1 + 4);
    assert_eq!(play.points("Ana").await, 500 + 525);
    assert_eq!(play.points("Ben").await, 375 + 250);

    // --- Speed bonus only: half the time gone keeps 0,75; no streak bonus ---------------------
    play.send(&prof, launch(&["1.2.a", "1.2.b"], 20, true, false))
        .await;
    play.engine.tick().await;
    play.clock.advance(5_000);
    answer_taken(&play, &ana, "17,76 %").await; // 250 × (1 − 0,25 × 0,5) = 218,75 → 219
    play.clock.advance(5_000);
    answer_taken(&play, &ben, "17,76 %").await; // right: 250 × 0,75 = 187,5 → 188
    play.advance_and_tick(10_000).await;
    play.clock.advance(10_000);
    answer_taken(&play, &ana, "0,53 €").await; // 187,5 → 188, no streak bonus
    answer_taken(&play, &ben, "0,52 €").await; // close: 125 × 0,75 = 93,75 → 94
    assert_eq!(play.take_posts(1 + 2 + 1 + 4).await.len(), 1 + 2 + 1 + 4);
    assert_eq!(play.points("Ana").await, 500 + 525 + 219 + 188);
    assert_eq!(play.points("Ben").await, 375 + 250 + 188 + 94);
    assert_eq!(
        play.count("SELECT COUNT(*) FROM quizzes WHERE status = 'finished'")
            .await,
        3
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn teacher_pauses_resumes_extends_skips_and_stops() {
    let play = spawn_engine("quiz_controls").await;
    let prof = play.teacher("Prof");
    let (ana, ben) = (play.student("Ana"), play.student("Ben"));

    // No quiz yet.
    for command in [
        Command::QuizPause,
        Command::QuizResume,
        Command::QuizNext,
        Command::QuizStop,
        Command::QuizExtend { seconds: 30 },
    ] {
        assert_eq!(private_text(&play.send(&prof, command).await), NO_QUIZ);
    }

    play.send(
        &prof,
        launch(&["1.2.a", "1.2.b", "1.2.c"], 60, false, false),
    )
    .await;
    play.engine.tick().await;
    let quiz = last_quiz_id(&play).await;
    play.outbox.take();
    play.clock.advance(10_000);
    answer_taken(&play, &ana, "17,76 %").await;

    // Pause at 20 s: 40 s left, the deadline is frozen, answers wait.
    play.clock.advance(10_000);
    let paused = play.send(&prof, Command::QuizPause).await;
    let paused = one(&paused);
    assert_eq!(paused.audience, Audience::Channel);
    assert_eq!(
        paused.text,
        "⏸️ Quiz en pause. Les réponses reprendront avec le quiz."
    );
    assert_eq!(
        quiz_state(&play, quiz).await,
        ("paused".to_string(), 0, Some(40_000))
    );
    assert_eq!(item_clock(&play, quiz, 0).await.1, None);
    assert_eq!(
        private_text(&play.send(&prof, Command::QuizPause).await),
        "Le quiz est déjà en pause."
    );
    assert_eq!(
        private_text(&play.send(&ben, answer("17,76 %")).await),
        IS_PAUSED
    );
    assert_eq!(play.answers_of("Ben").await.len(), 0);
    // Ten minutes later, nothing has moved.
    play.advance_and_tick(600_000).await;
    assert!(play.outbox.take().is_empty());
    assert_eq!(
        private_text(&play.send(&ben, answer("17,76 %")).await),
        IS_PAUSED
    );

    // Resume: the 40 s left are given back.
    let now = T0 + 620_000;
    let resumed = play.send(&prof, Command::QuizResume).await;
    let resumed = one(&resumed);
    assert_eq!(resumed.audience, Audience::Channel);
    assert_eq!(resumed.text, "▶️ Le quiz reprend.");
    assert_eq!(resumed.deadline, Some(now + 40_000));
    assert_eq!(item_clock(&play, quiz, 0).await.1, Some(now + 40_000));
    assert_eq!(
        quiz_state(&play, quiz).await,
        ("running".to_string(), 0, None)
    );
    assert_eq!(
        private_text(&play.send(&prof, Command::QuizResume).await),
        "Le quiz n’est pas en pause."
    );
    answer_taken(&play, &ben, "17,76 %").await;

    // Extend: the deadline moves by 30 s; out-of-range extensions are refused.
    for seconds in [0, 601] {
        assert_eq!(
            private_text(&play.send(&prof, Command::QuizExtend { seconds }).await),
            "On peut prolonger de 1 à 600 secondes."
        );
    }
    let extended = play.send(&prof, Command::QuizExtend { seconds: 30 }).await;
    let extended = one(&extended);
    assert_eq!(extended.audience, Audience::Channel);
    assert_eq!(extended.text, "⏱️ Question prolongée de 30 secondes.");
    assert_eq!(extended.deadline, Some(now + 70_000));
    assert_eq!(item_clock(&play, quiz, 0).await.1, Some(now + 70_000));
    // The old deadline passes: still open.
    play.advance_and_tick(45_000).await;
    assert!(play.outbox.take().is_empty());
    assert_eq!(item_clock(&play, quiz, 0).await.2, None);

    // Skip: closes now; the reveal and the next question follow.
    assert_eq!(
        private_text(&play.send(&prof, Command::QuizNext).await),
        "La question est close : correction, puis question suivante."
    );
    play.engine.tick().await;
    let posted = play.outbox.take();
    assert_eq!(posted.len(), 2, "{posted:#?}");
    assert!(posted[0].1.text.starts_with("✅ **Correction 1.2.a**"));
    assert!(crate::helpers::plain(&posted[0].1.text)
        .contains("La classe : 2 justes, 0 presque, 0 faux."));
    assert!(posted[1].1.text.starts_with("**Question 2/3** – 1.2.b"));
    let skipped_at = now + 45_000;
    assert_eq!(item_clock(&play, quiz, 0).await.2, Some(skipped_at));

    // Stop during question 2: answers keep their points, podium and summaries come back.
    play.clock.advance(5_000);
    answer_taken(&play, &ana, "0,53 €").await;
    let stopped = play.stop_quiz(&prof).await;
    assert_eq!(stopped.len(), 1 + 1 + 1 + 1 + 2, "{stopped:#?}");
    assert_eq!(stopped[0].audience, Audience::Channel);
    assert_eq!(
        stopped[0].text,
        "⏹️ Quiz arrêté par l’enseignant. Les réponses données gardent leurs points."
    );
    // Question 2 was open: its correction comes first, with Ana's answer counted.
    assert!(stopped[1].text.starts_with("✅ **Correction 1.2.b**"));
    assert!(
        crate::helpers::plain(&stopped[1].text)
            .contains("La classe : 1 juste, 0 presque, 0 faux, 1 sans réponse."),
        "{}",
        stopped[1].text
    );
    let stopped = stopped[1..].to_vec();
    assert_eq!(
        crate::helpers::plain(&stopped[1].text),
        "🏆 **Podium**\n🥇 Ana – 0,5 point\n🥈 Ben – 0,25 point"
    );
    assert!(
        stopped[2].attachment.is_some(),
        "the score distribution picture"
    );
    assert_eq!(stopped[3].audience, Audience::User(user_id("Ana")));
    assert_eq!(
        crate::helpers::plain(&stopped[3].text),
        // 1.2.c was never asked (the quiz stopped during 1.2.b): nothing to revise there.
        "**Ton bilan** : 0,5 / 0,5 point, rang 1 sur 2. 2 justes, 0 presque, 0 faux, 0 sans réponse.\nSans faute : bravo !"
    );
    assert_eq!(stopped[4].audience, Audience::User(user_id("Ben")));
    assert_eq!(quiz_state(&play, quiz).await.0, "stopped");
    assert_eq!(play.points("Ana").await, 500);
    assert_eq!(play.points("Ben").await, 250);
    // Nothing more is posted, answers go to practice, controls say there is no quiz.
    play.advance_and_tick(120_000).await;
    assert!(play.outbox.take().is_empty());
    assert!(private_text(&play.send(&ben, answer("0,53 €")).await)
        .starts_with("Tu n’as pas de calcul en cours."));
    assert_eq!(
        private_text(&play.send(&prof, Command::QuizPause).await),
        NO_QUIZ
    );
    assert_eq!(play.points("Ben").await, 250);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn extending_while_paused_adds_to_the_time_left() {
    let play = spawn_engine("quiz_extend_paused").await;
    let prof = play.teacher("Prof");
    play.send(&prof, launch(&["1.2.a"], 60, false, false)).await;
    play.engine.tick().await;
    let quiz = last_quiz_id(&play).await;
    play.clock.advance(50_000);
    play.send(&prof, Command::QuizPause).await;
    let extended = play.send(&prof, Command::QuizExtend { seconds: 30 }).await;
    assert_eq!(one(&extended).text, "⏱️ Question prolongée de 30 secondes.");
    assert_eq!(one(&extended).deadline, None);
    assert_eq!(quiz_state(&play, quiz).await.2, Some(40_000));
    play.clock.advance(100_000);
    let resumed = play.send(&prof, Command::QuizResume).await;
    assert_eq!(one(&resumed).deadline, Some(T0 + 150_000 + 40_000));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_speed_bonus_does_not_count_the_pause_as_thinking_time() {
    let play = spawn_engine("quiz_pause_speed").await;
    let prof = play.teacher("Prof");
    let ana = play.student("Ana");
    play.send(&prof, launch(&["1.2.a"], 60, true, false)).await;
    play.engine.tick().await;
    // 20 s of question, a 5-minute pause, then Ana answers 1 s after the quiz resumes: 21 s
    // of the 60 s allowed are gone, as for a student answering at 21 s without a pause:
    // 250 × (1 − 21/60 × 0,5) = 206,25 → 206.
    play.clock.advance(20_000);
    play.send(&prof, Command::QuizPause).await;
    play.clock.advance(300_000);
    play.send(&prof, Command::QuizResume).await;
    play.clock.advance(1_000);
    answer_taken(&play, &ana, "17,76 %").await;
    assert_eq!(play.points("Ana").await, 206);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn launching_while_a_quiz_runs_or_with_bad_settings_is_refused() {
    let play = spawn_engine("quiz_launch_refused").await;
    let prof = play.teacher("Prof");
    let ana = play.student("Ana");

    for (command, expected) in [
        (
            launch(&["1.2.a"], 10, false, false),
            "10 s par question, ce n’est pas possible : choisissez entre 15 et 600 secondes.",
        ),
        (
            launch(&["1.2.a"], 601, false, false),
            "601 s par question, ce n’est pas possible : choisissez entre 15 et 600 secondes.",
        ),
        (
            launch(&["1.2.z"], 60, false, false),
            "Je ne connais pas « 1.2.z ». On peut choisir un dossier (1 ou 2), une question (1.1) ou une partie (1.1.a).",
        ),
        (
            launch(&["2.3"], 60, false, false),
            "Il n’y a aucun calcul à poser dans ce choix de questions. Pour une question rédigée : /rediger puis /corrige-type ; pour le post LinkedIn : /brouillon.",
        ),
    ] {
        assert_eq!(private_text(&play.send(&prof, command).await), expected);
    }
    assert_eq!(play.count("SELECT COUNT(*) FROM quizzes").await, 0);

    // A whole dossier with a total time: 10 minutes over dossier 2's 8 parts = 75 s each.
    let replies = play
        .send(
            &prof,
            Command::QuizLaunch {
                scope: Scope::Dossier("2".into()),
                seconds_per_item: None,
                total_minutes: Some(10),
                speed_bonus: false,
                streak_bonus: false,
                full_time: false,
            },
        )
        .await;
    assert_eq!(
        private_text(&replies),
        format!(
            "Quiz lancé : 8 questions de 75 s, 2 points en jeu. {} La première question arrive.",
            crate::helpers::EARLY_CLOSE
        )
    );
    play.engine.tick().await;
    let quiz = last_quiz_id(&play).await;
    play.clock.advance(5_000);
    answer_taken(&play, &ana, "100").await;
    let before = (
        quiz_state(&play, quiz).await,
        item_clock(&play, quiz, 0).await,
    );
    play.outbox.take();

    let again = play.send(&prof, launch(&["1.2.a"], 60, true, true)).await;
    assert_eq!(
        private_text(&again),
        "Un quiz est déjà en cours dans cette classe. Arrêtez-le (/quiz arreter) avant d’en lancer un autre."
    );
    // Nothing changed: one quiz, same clock, same question, Ana's answer still counted once.
    assert_eq!(play.count("SELECT COUNT(*) FROM quizzes").await, 1);
    assert_eq!(play.count("SELECT COUNT(*) FROM quiz_items").await, 8);
    assert_eq!(
        (
            quiz_state(&play, quiz).await,
            item_clock(&play, quiz, 0).await
        ),
        before
    );
    play.engine.tick().await;
    assert!(play.outbox.take().is_empty());
    assert_eq!(
        private_text(&play.send(&ana, answer("100")).await),
        ALREADY_ANSWERED
    );
    assert_eq!(play.points("Ana").await, 250);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn students_cannot_use_teacher_commands() {
    let play = spawn_engine("quiz_teacher_only").await;
    let prof = play.teacher("Prof");
    let ana = play.student("Ana");
    play.send(&prof, launch(&["1.2.a", "1.2.b"], 60, false, false))
        .await;
    play.engine.tick().await;
    let quiz = last_quiz_id(&play).await;
    play.outbox.take();
    play.clock.advance(1_000);
    answer_taken(&play, &ana, "17,76 %").await;
    let before = (
        quiz_state(&play, quiz).await,
        item_clock(&play, quiz, 0).await,
    );

    for command in [
        launch(&["1.2.c"], 60, false, false),
        Command::QuizStop,
        Command::QuizPause,
        Command::QuizResume,
        Command::QuizNext,
        Command::QuizExtend { seconds: 60 },
        Command::Export,
        Command::BoardReset,
        Command::EraseClass { confirm: false },
        Command::EraseClass { confirm: true },
        Command::Config {
            teacher_role: Some("eleves".into()),
            quiz_channel: Some("general".into()),
            case: None,
        },
        Command::Config {
            teacher_role: None,
            quiz_channel: None,
            case: None,
        },
    ] {
        let replies = play.send(&ana, command.clone()).await;
        assert_eq!(private_text(&replies), TEACHER_ONLY, "{command:?}");
        assert!(replies[0].attachment.is_none());
    }
    // Nothing changed.
    assert_eq!(play.count("SELECT COUNT(*) FROM quizzes").await, 1);
    assert_eq!(
        (
            quiz_state(&play, quiz).await,
            item_clock(&play, quiz, 0).await
        ),
        before
    );
    assert_eq!(
        play.count("SELECT COUNT(*) FROM classes WHERE teacher_role IS NULL AND quiz_channel IS NULL AND board_reset_at = 0")
            .await,
        1
    );
    assert_eq!(play.count("SELECT COUNT(*) FROM members").await, 2);
    assert_eq!(play.points("Ana").await, 250);
    play.engine.tick().await;
    assert!(play.outbox.take().is_empty());
    // The quiz still runs for everyone.
    play.advance_and_tick(59_000).await;
    let posted = play.outbox.take();
    assert_eq!(posted.len(), 2);
    assert!(posted[1].1.text.starts_with("**Question 2/2**"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_configured_teacher_role_makes_a_member_a_teacher() {
    let play = spawn_engine("quiz_teacher_role").await;
    let owner = play.teacher("Directrice");
    let mut assistant = play.student("Assistant");
    assistant.roles = vec!["role-autre".into()];

    assert_eq!(
        private_text(
            &play
                .send(&assistant, launch(&["1.2.a"], 60, false, false))
                .await
        ),
        TEACHER_ONLY
    );
    let shown = play
        .send(
            &owner,
            Command::Config {
                teacher_role: None,
                quiz_channel: None,
                case: None,
            },
        )
        .await;
    assert_eq!(
        private_text(&shown),
        "Réglages de la classe :\n- sujet : **Arbre-cadeau (session 2021) (par défaut)**\n- rôle enseignant : **aucun**\n- salon des quiz : **aucun**"
    );
    let saved = play
        .send(
            &owner,
            Command::Config {
                teacher_role: Some("role-prof".into()),
                quiz_channel: Some("quiz".into()),
                case: None,
            },
        )
        .await;
    assert_eq!(
        private_text(&saved),
        "Réglages enregistrés :\n- sujet : **Arbre-cadeau (session 2021) (par défaut)**\n- rôle enseignant : **role-prof**\n- salon des quiz : **quiz**"
    );
    assert_eq!(
        play.count("SELECT COUNT(*) FROM classes WHERE teacher_role = 'role-prof' AND quiz_channel = 'quiz'")
            .await,
        1
    );

    // Without the role: still a student. With it: a teacher.
    assert_eq!(
        private_text(
            &play
                .send(&assistant, launch(&["1.2.a"], 60, false, false))
                .await
        ),
        TEACHER_ONLY
    );
    assistant.roles.push("role-prof".into());
    // Quizzes now run only in the quiz channel.
    let elsewhere = crate::helpers::place("guild-1", "BTS NDRC 1", "general");
    assert_eq!(
        private_text(
            &play
                .send_at(&elsewhere, &assistant, launch(&["1.2.a"], 60, false, false))
                .await
        ),
        "Les quiz de cette classe se lancent dans le salon prévu pour eux (voir /config)."
    );
    let launched = private_text(
        &play
            .send(&assistant, launch(&["1.2.a"], 60, false, false))
            .await,
    );
    assert!(
        launched.starts_with("Quiz lancé : 1 question"),
        "{launched}"
    );
    assert_eq!(
        play.count(
            "SELECT COUNT(*) FROM members WHERE platform_user = 'u-Assistant' AND role = 'teacher'"
        )
        .await,
        1
    );
    let stopped = play.stop_quiz(&assistant).await;
    assert_eq!(
        stopped[0].text,
        "⏹️ Quiz arrêté par l’enseignant. Les réponses données gardent leurs points."
    );
    // The open question gets its correction before the podium.
    assert!(stopped[1].text.starts_with("✅ **Correction 1.2.a**"));
    assert_eq!(
        stopped[2].text,
        "🏆 **Podium**\nPersonne n’a marqué de points dans ce quiz."
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kpi_is_locked_for_students_until_the_quiz_reveals_it() {
    let play = spawn_engine("quiz_kpi").await;
    let prof = play.teacher("Prof");
    let ana = play.student("Ana");
    let kpi = |id: &str| Command::Kpi { id: id.into() };
    const CTR: &str = "**Taux de clic Google Ads** = **17,76 %**\nFormule : Clics Google Ads ÷ Impressions Google Ads × 100";

    // No quiz: by id, alias, label, any case.
    for id in [
        "a3_ctr",
        "CTR",
        "ctr",
        "taux de clics",
        "Taux de clic Google Ads",
    ] {
        let text = private_text(&play.send(&ana, kpi(id)).await);
        assert!(text.starts_with(CTR), "{id}: {text}");
    }
    assert_eq!(
        private_text(&play.send(&ana, kpi("taux de magie")).await),
        "Aucun indicateur du sujet ne s’appelle « taux de magie ». Par exemple : « CTR », « coût par achat » ou « Taux de conversion du post Facebook » (sur Discord, /kpi propose la liste en cours de frappe)."
    );

    play.send(&prof, launch(&["1.2.a", "1.2.b"], 60, false, false))
        .await;
    play.engine.tick().await;
    // Asked now (1.2.a) or later (1.2.b): locked for students, whatever the name used.
    for id in ["a3_ctr", "CTR", "Taux de clic Google Ads", "a3_cpc"] {
        assert_eq!(
            private_text(&play.send(&ana, kpi(id)).await),
            KPI_LOCKED,
            "{id}"
        );
    }
    // Not in the quiz: open. For the teacher: open.
    assert!(private_text(&play.send(&ana, kpi("CPM")).await)
        .starts_with("**Coût pour mille impressions Google Ads** = **93,23 €**"));
    assert!(private_text(&play.send(&prof, kpi("CTR")).await).starts_with(CTR));

    // After the reveal of 1.2.a: open for students; 1.2.b still locked.
    play.advance_and_tick(60_000).await;
    assert!(private_text(&play.send(&ana, kpi("CTR")).await).starts_with(CTR));
    assert_eq!(
        private_text(&play.send(&ana, kpi("a3_cpc")).await),
        KPI_LOCKED
    );
    // After the quiz: open.
    play.advance_and_tick(60_000).await;
    assert!(private_text(&play.send(&ana, kpi("a3_cpc")).await)
        .starts_with("**Coût par clic Google Ads** = **0,53 €**"));
    // The lock is per class: another class without a quiz is not locked.
    play.send(&prof, launch(&["1.2.a"], 60, false, false)).await;
    let other = crate::helpers::place("guild-2", "BTS NDRC 2", "quiz");
    assert!(private_text(&play.send_at(&other, &ana, kpi("CTR")).await).starts_with(CTR));
}

fn launch_full_time(items: &[&str], seconds: u32) -> Command {
    match launch(items, seconds, false, false) {
        Command::QuizLaunch {
            scope,
            seconds_per_item,
            total_minutes,
            speed_bonus,
            streak_bonus,
            ..
        } => Command::QuizLaunch {
            scope,
            seconds_per_item,
            total_minutes,
            speed_bonus,
            streak_bonus,
            full_time: true,
        },
        other => other,
    }
}

fn confirm_hint() -> Command {
    Command::Hint {
        confirm: true,
        item: None,
    }
}

fn practice_of(ids: &[&str]) -> Command {
    Command::Practice {
        scope: Scope::Items(ids.iter().map(|s| s.to_string()).collect()),
    }
}

pub const PRACTICE_DURING_QUIZ: &str = "Un quiz est en cours dans la classe : pas d’entraînement pendant le quiz, pour que chaque /repondre aille au quiz sans confusion possible. Tu pourras t’entraîner dès la fin du quiz.";
const PRACTICE_PAUSED: &str = "Ton entraînement attend la fin du quiz de la classe : pendant le quiz, /repondre et /indice vont au quiz. Tu reprendras ensuite là où tu en étais.";

/// Issue #10, item 2: during a quiz, `/entrainement` is refused at once (nothing started), so
/// `/repondre 100` goes to the quiz, and its receipt says for which question. Every receipt,
/// on every question of the quiz and from any channel, names the question it was taken for.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn during_a_quiz_practice_waits_and_every_receipt_names_its_question() {
    let play = spawn_engine("quiz_receipts").await;
    let prof = play.teacher("Prof");
    let alice = play.student("Alice");
    let ben = play.student("Ben");
    // Ben started a practice before the quiz.
    play.send(&ben, practice_of(&["1.2.a", "1.2.b"])).await;

    // Full time, so each question closes when the test says (early closing is tested below).
    play.send(&prof, launch_full_time(&["2.2"], 60)).await;
    play.take_posts(1).await;
    let parts: Vec<String> = crate::helpers::case()
        .question("2.2")
        .expect("question 2.2")
        .parts
        .iter()
        .map(|p| p.id.clone())
        .collect();
    assert_eq!(parts.len(), 8);

    // The console scenario of the issue: no practice starts; the answer is the quiz's, named.
    assert_eq!(
        private_text(&play.send(&alice, practice_of(&["2.2"])).await),
        PRACTICE_DURING_QUIZ
    );
    assert_eq!(
        play.count("SELECT COUNT(*) FROM practices WHERE member_id = (SELECT id FROM members WHERE platform_user = 'u-Alice')")
            .await,
        0,
        "nothing started"
    );
    // Ben's earlier practice waits: its worked answer is refused, his answers go to the quiz.
    assert_eq!(
        private_text(&play.send(&ben, Command::GiveUp).await),
        PRACTICE_PAUSED
    );
    let dm = crate::helpers::place("guild-1", "BTS NDRC 1", "dm-ben");
    for (idx, part) in parts.iter().enumerate() {
        play.clock.advance(1_000);
        // An unreadable answer names its question as well.
        let text = private_text(&play.send(&alice, answer("je ne sais pas")).await);
        assert!(
            text.starts_with(&format!("**{part}** (question {}/8 du quiz)\n", idx + 1)),
            "{text}"
        );
        let text = private_text(&play.send(&alice, answer("100")).await);
        assert_eq!(text, crate::helpers::receipt_for(part, idx + 1, 8, "100"));
        // From another channel too: the quiz's, never the practice's.
        let text = private_text(&play.send_at(&dm, &ben, answer("7")).await);
        assert_eq!(text, crate::helpers::receipt_for(part, idx + 1, 8, "7"));
        play.advance_and_tick(59_000).await;
        play.take_posts(1).await;
    }
    play.wait_quiz_over(last_quiz_id(&play).await).await;
    // Every answer is stored where its receipt said: one per question, none in practice.
    for who in ["Alice", "Ben"] {
        let stored = play.answers_of(who).await;
        let items: Vec<(String, Option<i64>)> = stored.iter().map(|a| (a.0.clone(), a.4)).collect();
        let expected: Vec<(String, Option<i64>)> = parts
            .iter()
            .enumerate()
            .map(|(i, p)| (p.clone(), Some(i as i64)))
            .collect();
        assert_eq!(items, expected, "{who}");
    }
    assert_eq!(
        play.count("SELECT COUNT(*) FROM answers WHERE practice_id IS NOT NULL")
            .await,
        0
    );
    // After the quiz, Ben's practice resumes where it was, and its replies name the calculation.
    let text = private_text(&play.send(&ben, answer("17,76 %")).await);
    assert!(
        text.starts_with("**1.2.a** (calcul 1/2)\n✅ Juste"),
        "{text}"
    );
}

/// The reveal's line on how the question closed, made plain.
fn closed_line(reveal: &str) -> &str {
    reveal
        .lines()
        .find(|l| l.starts_with("Question close"))
        .unwrap_or("(no line on how the question closed)")
}

/// Issue #10, item 3: early closing waits for everyone taking part, a hint included; the
/// correction says why each question closed (time, everyone, the teacher, the stop).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn early_closing_waits_for_everyone_taking_part_and_the_correction_says_why() {
    let play = spawn_engine("quiz_early_close").await;
    let prof = play.teacher("Prof");
    let ana = play.student("Ana");
    let ben = play.student("Ben");
    let launched = private_text(
        &play
            .send(
                &prof,
                launch(&["1.2.a", "1.2.b", "1.2.c", "1.2.d"], 60, false, false),
            )
            .await,
    );
    assert!(launched.contains(crate::helpers::EARLY_CLOSE), "{launched}");
    play.take_posts(1).await;

    // Question 1: Ana answers, Ben only takes a hint. The first question runs its time.
    play.clock.advance(1_000);
    answer_taken(&play, &ana, "17,76 %").await;
    play.send(&ben, confirm_hint()).await;
    play.advance_and_tick(1_000).await;
    assert!(play.outbox.take().is_empty(), "question 1 runs its time");
    play.advance_and_tick(58_000).await;
    let posted = play.take_posts(2).await;
    let reveal = crate::helpers::plain(&posted[0].1.text);
    assert_eq!(
        closed_line(&reveal),
        // Ben took a hint: he takes part, and did not answer.
        "Question close : temps écoulé. La classe : 1 juste, 0 presque, 0 faux, 1 sans réponse."
    );

    // Question 2: Ana answers; Ben took part (a hint), so the question waits for him.
    play.clock.advance(1_000);
    answer_taken(&play, &ana, "0,53 €").await;
    play.advance_and_tick(5_000).await;
    assert!(
        play.outbox.take().is_empty(),
        "waits for Ben, who took a hint"
    );
    // Ben's answer lands on question 2, then the question closes at once.
    let text = private_text(&play.send(&ben, answer("0,53 €")).await);
    assert_eq!(text, crate::helpers::receipt_for("1.2.b", 2, 4, "0,53 €"));
    let posted = play.take_posts(2).await;
    let reveal = crate::helpers::plain(&posted[0].1.text);
    assert!(reveal.starts_with("✅ **Correction 1.2.b**"), "{reveal}");
    assert_eq!(
        closed_line(&reveal),
        "Question close : tout le monde a répondu. La classe : 2 justes, 0 presque, 0 faux."
    );
    assert_eq!(
        play.answers_of("Ben")
            .await
            .iter()
            .map(|a| a.4)
            .collect::<Vec<_>>(),
        vec![Some(1)]
    );

    // Question 3: nobody answers; the teacher moves on.
    play.clock.advance(1_000);
    play.send(&prof, Command::QuizNext).await;
    let posted = play.take_posts(2).await;
    let reveal = crate::helpers::plain(&posted[0].1.text);
    assert_eq!(
        closed_line(&reveal),
        "Question close par l’enseignant. Personne n’a répondu."
    );

    // Question 4: stopped while open.
    play.clock.advance(1_000);
    let stopped = play.stop_quiz(&prof).await;
    let reveal = crate::helpers::plain(&stopped[1].text);
    assert!(reveal.starts_with("✅ **Correction 1.2.d**"), "{reveal}");
    assert_eq!(
        closed_line(&reveal),
        "Question close : quiz arrêté par l’enseignant. Personne n’a répondu."
    );
}

/// With `attendre:oui`, a question runs its full time even once everyone answered.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn early_closing_can_be_turned_off_at_launch() {
    let play = spawn_engine("quiz_full_time").await;
    let prof = play.teacher("Prof");
    let ana = play.student("Ana");
    let launched = private_text(
        &play
            .send(&prof, launch_full_time(&["1.2.a", "1.2.b"], 60))
            .await,
    );
    assert!(launched.contains(crate::helpers::FULL_TIME), "{launched}");
    assert!(
        !launched.contains(crate::helpers::EARLY_CLOSE),
        "{launched}"
    );
    play.take_posts(1).await;
    play.clock.advance(1_000);
    answer_taken(&play, &ana, "17,76 %").await;
    play.advance_and_tick(59_000).await;
    play.take_posts(2).await;
    play.clock.advance(1_000);
    answer_taken(&play, &ana, "0,53 €").await;
    play.advance_and_tick(30_000).await;
    assert!(play.outbox.take().is_empty(), "runs its full time");
    play.advance_and_tick(29_000).await;
    let posted = play.take_posts(1).await;
    let reveal = crate::helpers::plain(&posted[0].1.text);
    assert_eq!(
        closed_line(&reveal),
        "Question close : temps écoulé. La classe : 1 juste, 0 presque, 0 faux."
    );
}

/// A hint taken before a restart still counts as taking part after it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hint_taken_before_a_restart_still_counts_as_taking_part() {
    let play = spawn_engine("quiz_hint_restart").await;
    let prof = play.teacher("Prof");
    let ana = play.student("Ana");
    let ben = play.student("Ben");
    play.send(&prof, launch(&["1.2.a", "1.2.b"], 60, false, false))
        .await;
    play.take_posts(1).await;
    play.clock.advance(1_000);
    answer_taken(&play, &ana, "17,76 %").await;
    play.send(&ben, confirm_hint()).await;
    let play = play.restart(1_000).await;
    play.advance_and_tick(58_000).await;
    play.take_posts(2).await;
    play.clock.advance(1_000);
    answer_taken(&play, &ana, "0,53 €").await;
    play.advance_and_tick(5_000).await;
    assert!(play.outbox.take().is_empty(), "still waits for Ben");
}

/// Issue #10, item 8: each summary gives the points out of what the questions asked were worth
/// (a stopped quiz asked fewer), the rank without gender, plurals by count, and « Sans faute »
/// only for a student who found every answer without a hint. The score chart's scale is the
/// same maximum.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn summaries_tell_the_truth_in_every_variant() {
    let play = spawn_engine("quiz_summaries").await;
    let prof = play.teacher("Prof");
    let [ana, ben, chloe, dan] = ["Ana", "Ben", "Chloé", "Dan"].map(|n| play.student(n));
    // Three questions; the quiz is stopped during the second: 0,5 point asked, not 0,75.
    play.send(&prof, launch_full_time(&["1.2.a", "1.2.b", "1.2.c"], 60))
        .await;
    play.take_posts(1).await;
    play.clock.advance(1_000);
    answer_taken(&play, &ana, "17,76 %").await;
    play.send(&ben, confirm_hint()).await;
    answer_taken(&play, &ben, "17,76 %").await;
    answer_taken(&play, &chloe, "17 %").await;
    answer_taken(&play, &dan, "17,7 %").await;
    play.advance_and_tick(59_000).await;
    play.take_posts(2).await;
    play.clock.advance(1_000);
    answer_taken(&play, &ana, "0,53 €").await;
    answer_taken(&play, &ben, "0,53 €").await;
    answer_taken(&play, &chloe, "0,53 €").await;
    let replies = play.stop_quiz(&prof).await;
    let mine = |name: &str| -> String {
        let user = user_id(name);
        let found: Vec<&Reply> = replies
            .iter()
            .filter(|r| r.audience == Audience::User(user.clone()))
            .collect();
        assert_eq!(found.len(), 1, "{name}: {replies:#?}");
        crate::helpers::plain(&found[0].text)
    };
    assert_eq!(
        mine("Ana"),
        "**Ton bilan** : 0,5 / 0,5 point, rang 1 sur 4. 2 justes, 0 presque, 0 faux, 0 sans réponse.\nSans faute : bravo !"
    );
    assert_eq!(
        mine("Ben"),
        "**Ton bilan** : 0,475 / 0,5 point, rang 2 sur 4. 2 justes, 0 presque, 0 faux, 0 sans réponse.\nTout juste, avec des indices : refais ces calculs sans aide à l’entraînement."
    );
    assert!(
        mine("Chloé").starts_with("**Ton bilan** : 0,25 / 0,5 point, rang 3 sur 4. 1 juste, 0 presque, 1 faux, 0 sans réponse.\nÀ revoir :"),
        "{}",
        mine("Chloé")
    );
    assert!(
        mine("Dan").starts_with("**Ton bilan** : 0,125 / 0,5 point, rang 4 sur 4. 0 juste, 1 presque, 0 faux, 1 sans réponse.\nÀ revoir :"),
        "{}",
        mine("Dan")
    );
    for r in &replies {
        assert!(
            !r.text.contains("(s)") && !r.text.contains("1er"),
            "{}",
            r.text
        );
    }
    let quiz = last_quiz_id(&play).await;
    assert_eq!(
        casebot::play::report::quiz_max_points(play.engine.store(), quiz)
            .await
            .expect("max points"),
        rust_decimal::Decimal::new(5, 1),
        "the score chart's scale: the questions asked"
    );
    let results =
        casebot::play::report::member_results(play.engine.store(), crate::helpers::case(), quiz, 0)
            .await
            .expect("results");
    for (_, _, possible) in results {
        assert!(possible <= rust_decimal::Decimal::new(5, 1));
    }
}

/// In a quiz, a « % » on a ratio tells nothing before the correction: with the right digits
/// (« 3,02 % » for a ROAS of 3,02) or wrong ones (« 5 % »), the student gets the same receipt,
/// and the answer is judged at the correction: right number, wrong unit (« presque »), or wrong.
/// Every ratio KPI of the case a quiz asks is checked.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_percent_on_a_ratio_gives_nothing_away_during_a_quiz() {
    let play = spawn_engine("quiz_percent_on_ratio").await;
    let prof = play.teacher("Prof");
    let case = crate::helpers::case();
    let ratios: Vec<(String, String)> = case
        .questions
        .iter()
        .flat_map(|q| q.parts.iter())
        .filter(|p| case.kpis[p.kpi].unit == casebot::format::Unit::Ratio)
        .map(|p| {
            let k = &case.kpis[p.kpi];
            let value = casebot::format::number(case.evaluate(p.kpi).expect("value"), k.precision);
            (p.id.clone(), value)
        })
        .collect();
    assert!(ratios.len() >= 2, "{ratios:?}");
    for (part, value) in &ratios {
        play.send(&prof, launch(&[part.as_str()], 60, false, false))
            .await;
        play.take_posts(1).await;
        play.clock.advance(1_000);
        let (ana, ben) = (play.student("Ana"), play.student("Ben"));
        answer_taken(&play, &ana, &format!("{value} %")).await;
        answer_taken(&play, &ben, "5 %").await;
        play.stop_quiz(&prof).await;
        play.engine.flush().await.expect("flush");
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT m.display_name, a.verdict FROM answers a JOIN members m ON m.id = a.member_id
             WHERE a.part_id = ? ORDER BY m.display_name",
        )
        .bind(part)
        .fetch_all(&play.engine.store().read)
        .await
        .expect("answers");
        assert_eq!(
            rows,
            [
                ("Ana".to_string(), "close".to_string()),
                ("Ben".to_string(), "wrong".to_string())
            ],
            "{part} ({value})"
        );
    }
}

/// An answer typed for a question that has just closed is not scored on the next one: within
/// 3 s of the next question opening, a student who had not answered the closed one is told it
/// closed, and nothing is stored; later, her answer is for the open question. `/solution`
/// during a quiz says the correction comes when each question closes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_answer_for_a_question_that_just_closed_is_never_moved_to_the_next() {
    let play = spawn_engine("quiz_just_closed").await;
    let prof = play.teacher("Prof");
    let (ana, ben) = (play.student("Ana"), play.student("Ben"));
    play.send(&prof, launch(&["1.2.a", "1.2.b"], 60, false, false))
        .await;
    play.take_posts(1).await;
    play.clock.advance(5_000);
    answer_taken(&play, &ana, "17,76 %").await;
    let text = private_text(&play.send(&ben, Command::GiveUp).await);
    assert_eq!(
        text,
        "Pas de correction pendant le quiz : celle de chaque question est publiée à sa fermeture. Ensuite, /kpi la détaille."
    );
    // The teacher closes 1.2.a; 1.2.b opens.
    play.send(&prof, Command::QuizNext).await;
    play.take_posts(2).await;
    play.clock.advance(500);
    let text = private_text(&play.send(&ben, answer("17,76 %")).await);
    assert_eq!(
        text,
        "La question 1.2.a vient de se fermer : ta réponse n’est pas comptée (ni pour 1.2.a, ni pour la suivante). La question 1.2.b vient de s’ouvrir : lis-la, puis réponds-y."
    );
    play.engine.flush().await.expect("flush");
    assert_eq!(
        play.count("SELECT COUNT(*) FROM answers WHERE part_id = '1.2.b'")
            .await,
        0
    );
    // Ana had answered 1.2.a: her answer is for 1.2.b.
    answer_taken(&play, &ana, "0,53 €").await;
    // Three seconds on, Ben's answer is for the open question.
    play.clock.advance(3_000);
    answer_taken(&play, &ben, "0,53 €").await;
    play.engine.flush().await.expect("flush");
    assert_eq!(
        play.count("SELECT COUNT(*) FROM answers WHERE part_id = '1.2.b'")
            .await,
        2
    );
    assert_eq!(
        play.count("SELECT COUNT(*) FROM answers WHERE part_id = '1.2.a'")
            .await,
        1
    );
}

/// Taking part is any act: a student who only took a hint counts in the correction (« sans
/// réponse »), in the ranking, and gets her summary like the others.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_student_who_only_took_a_hint_is_counted_ranked_and_summarised() {
    let play = spawn_engine("quiz_hint_only").await;
    let prof = play.teacher("Prof");
    let (ana, chloe) = (play.student("Ana"), play.student("Chloé"));
    play.send(&prof, launch(&["1.2.a"], 60, false, false)).await;
    let quiz = crate::helpers::last_quiz_id(&play).await;
    play.take_posts(1).await;
    play.clock.advance(1_000);
    play.send(
        &chloe,
        Command::Hint {
            confirm: true,
            item: None,
        },
    )
    .await;
    answer_taken(&play, &ana, "17,76 %").await;
    // Chloé takes part: the question runs its full time, waiting for her answer.
    play.advance_and_tick(61_000).await;
    play.wait_quiz_over(quiz).await;
    let posts = play.outbox.take();
    let texts: Vec<String> = posts
        .iter()
        .map(|(_, r)| crate::helpers::plain(&r.text))
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("La classe : 1 juste, 0 presque, 0 faux, 1 sans réponse.")),
        "{texts:#?}"
    );
    let summary = |who: &str| {
        posts
            .iter()
            .find(|(_, r)| r.audience == Audience::User(crate::helpers::user_id(who)))
            .map(|(_, r)| crate::helpers::plain(&r.text))
            .unwrap_or_else(|| panic!("{who} gets her summary: {texts:#?}"))
    };
    assert!(
        summary("Ana").contains("rang 1 sur 2"),
        "{}",
        summary("Ana")
    );
    let chloe_summary = summary("Chloé");
    assert!(
        chloe_summary.contains("rang 2 sur 2")
            && chloe_summary.contains("0 juste, 0 presque, 0 faux, 1 sans réponse"),
        "{chloe_summary}"
    );
}

/// The teacher's reply to `/quiz arreter` says how far the quiz went and what the class gets,
/// as it is: the open question's correction by its number, the summaries by their count.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_stop_reply_says_how_far_the_quiz_went_and_what_the_class_gets() {
    let play = spawn_engine("quiz_stop_reply").await;
    let prof = play.teacher("Prof");
    let ana = play.student("Ana");

    play.send(
        &prof,
        launch(&["1.2.a", "1.2.b", "1.2.c"], 60, false, false),
    )
    .await;
    play.take_posts(1).await;
    answer_taken(&play, &ana, "17,76 %").await;
    let ack = private_text(&play.send(&prof, Command::QuizStop).await);
    assert_eq!(
        ack,
        "C’est fait : le quiz est arrêté après 1 question posée sur 3. La classe reçoit l’annonce de l’arrêt, la correction de la question 1.2.a, le podium et 1 bilan en message privé."
    );
    play.take_posts(1).await;

    // Nobody answered: no summary is promised.
    play.send(&prof, launch(&["1.2.a", "1.2.b"], 60, false, false))
        .await;
    play.take_posts(1).await;
    let ack = private_text(&play.send(&prof, Command::QuizStop).await);
    assert_eq!(
        ack,
        "C’est fait : le quiz est arrêté après 1 question posée sur 2. La classe reçoit l’annonce de l’arrêt, la correction de la question 1.2.a et le podium."
    );
}
