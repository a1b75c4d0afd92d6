//! Leaderboards (quiz, week, month, all time, per question; ties; reset; classes kept apart),
//! the CSV export, personal data (`/mes-donnees`, `/oublier-moi`) and class erasure, through
//! the engine with a manual clock. Every part is worth 0,25 point (250 milli-points).

use crate::helpers::{one, place, plain, private_text, spawn_engine, texts, user_id, Play};
use crate::play_quiz::{answer, answer_taken, launch};
use casebot::play::command::{Actor, Audience, Board, Command, Scope};

const DAY: i64 = 86_400_000;
const EMPTY: &str = "Personne n’a encore marqué de points.";

fn practice(ids: &[&str]) -> Command {
    Command::Practice {
        scope: Scope::Items(ids.iter().map(|s| s.to_string()).collect()),
    }
}

/// Starts a practice on `ids` and answers `answers` in order.
async fn practise(play: &Play, who: &Actor, ids: &[&str], answers: &[&str]) {
    play.send(who, practice(ids)).await;
    for a in answers {
        let text = private_text(&play.send(who, answer(a)).await);
        assert!(!text.starts_with("Tu n’as pas"), "{}: {text}", who.name);
    }
}

/// A board as `who` gets it: a teacher posts it to the class, a student gets it privately.
async fn board(play: &Play, who: &Actor, board: Board) -> String {
    let replies = play.send(who, Command::Leaderboard { board }).await;
    let reply = one(&replies);
    let expected = if who.manages_class {
        Audience::Channel
    } else {
        Audience::Private
    };
    assert_eq!(reply.audience, expected, "{}", who.name);
    plain(&reply.text)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn boards_by_period_and_question_share_ranks_and_skip_non_players() {
    let play = spawn_engine("boards").await;
    let prof = play.teacher("Prof");
    let [ana, ben, chloe, dan, eva, fanny] =
        ["Ana", "Ben", "Chloé", "Dan", "Eva", "Fanny"].map(|n| play.student(n));

    // Fanny only reads: she never appears on a board.
    play.send(&fanny, Command::Help).await;
    play.send(&fanny, Command::Annex { number: 3 }).await;
    play.send(&fanny, Command::Question { id: "1.2".into() })
        .await;
    play.send(&fanny, Command::Kpi { id: "CTR".into() }).await;

    // 35 days ago... (T0)
    practise(&play, &ana, &["1.2.a", "1.2.b"], &["17,76 %"]).await; // 250
    practise(&play, &ben, &["1.2.a"], &["17,76 %"]).await; // 250
                                                           // 10 days ago (T0 + 25 d)
    play.clock.advance(25 * DAY);
    practise(&play, &chloe, &["1.2.a"], &["17 %"]).await; // 0
    practise(&play, &ben, &["1.2.b"], &["0,53 €"]).await; // 250
                                                          // Now (T0 + 35 d)
    play.clock.advance(10 * DAY);
    let text = private_text(&play.send(&ana, answer("0,53 €")).await); // 250, her run goes on
    assert!(text.contains("Tu gagnes 0,25 point."), "{text}");
    practise(&play, &dan, &["1.2.b"], &["0,53 €"]).await; // 250
    practise(&play, &eva, &["1.2.b"], &["0,6 €", "0,53 €"]).await; // 0 then 125

    assert_eq!(
        board(&play, &fanny, Board::Week).await,
        "**Classement des 7 derniers jours**\n\
         1. Ana – 0,25 point\n1. Dan – 0,25 point\n3. Eva – 0,125 point"
    );
    assert_eq!(
        board(&play, &fanny, Board::Month).await,
        "**Classement des 30 derniers jours**\n\
         1. Ana – 0,25 point\n1. Ben – 0,25 point\n1. Dan – 0,25 point\n4. Eva – 0,125 point\n5. Chloé – 0 point"
    );
    let all_time = "**Classement général**\n\
         1. Ana – 0,5 point\n1. Ben – 0,5 point\n3. Dan – 0,25 point\n4. Eva – 0,125 point\n5. Chloé – 0 point";
    assert_eq!(board(&play, &ana, Board::AllTime).await, all_time);
    assert_eq!(
        board(&play, &ana, Board::Question("1.2".into())).await,
        all_time.replace(
            "Classement général",
            "Classement de la question 1.2 – Arbre-cadeau (session 2021)"
        )
    );
    assert_eq!(
        board(&play, &ana, Board::Question("1.2.a".into())).await,
        "**Classement de la question 1.2.a – Arbre-cadeau (session 2021)**\n1. Ana – 0,25 point\n1. Ben – 0,25 point\n3. Chloé – 0 point"
    );
    assert_eq!(
        board(&play, &ana, Board::Question("1.3".into())).await,
        format!("**Classement de la question 1.3 – Arbre-cadeau (session 2021)**\n{EMPTY}")
    );
    assert_eq!(
        private_text(
            &play
                .send(
                    &ana,
                    Command::Leaderboard {
                        board: Board::Question("9.9".into())
                    }
                )
                .await
        ),
        "Je ne connais pas la question « 9.9 ». Questions du cas : 1.1, 1.2, 1.3, 2.1, 2.2, 2.3, 2.4, R."
    );
    assert_eq!(
        board(&play, &ana, Board::Quiz).await,
        "Aucun quiz n’a encore eu lieu dans cette classe."
    );

    // A quiz: its own board, then it counts in the class boards too.
    play.send(&prof, launch(&["1.2.c"], 60, false, false)).await;
    play.take_posts(1).await;
    play.clock.advance(1_000);
    answer_taken(&play, &chloe, "93,23 €").await;
    answer_taken(&play, &ana, "93 €").await;
    play.clock.advance(59_000);
    play.take_posts(1 + 1 + 1 + 2).await;
    assert_eq!(
        board(&play, &fanny, Board::Quiz).await,
        "**Classement du quiz**\n1. Chloé – 0,25 point\n2. Ana – 0,125 point"
    );
    let all_time = board(&play, &fanny, Board::AllTime).await;
    assert_eq!(
        all_time,
        "**Classement général**\n\
         1. Ana – 0,625 point\n2. Ben – 0,5 point\n3. Chloé – 0,25 point\n3. Dan – 0,25 point\n5. Eva – 0,125 point"
    );
    for b in [Board::Week, Board::Month, Board::AllTime, Board::Quiz] {
        let text = board(&play, &ana, b).await;
        assert!(!text.contains("Fanny") && !text.contains("Prof"), "{text}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn board_reset_posts_the_board_one_last_time_then_starts_from_zero() {
    let play = spawn_engine("board_reset").await;
    let prof = play.teacher("Prof");
    let (ana, ben) = (play.student("Ana"), play.student("Ben"));
    practise(&play, &ana, &["1.2.a"], &["17,76 %"]).await;
    practise(&play, &ben, &["1.2.a"], &["17 %", "17,76 %"]).await;
    play.clock.advance(1_000);

    let replies = play.send(&prof, Command::BoardReset).await;
    assert_eq!(replies.len(), 2, "{replies:#?}");
    assert!(replies.iter().all(|r| r.audience == Audience::Channel));
    assert_eq!(
        plain(&replies[0].text),
        "**Classement final avant remise à zéro**\n1. Ana – 0,25 point\n2. Ben – 0,125 point"
    );
    assert_eq!(
        replies[1].text,
        "Le classement de la classe repart de zéro."
    );

    play.clock.advance(1_000);
    for (b, title) in [
        (Board::Week, "Classement des 7 derniers jours"),
        (Board::Month, "Classement des 30 derniers jours"),
        (Board::AllTime, "Classement général"),
        (
            Board::Question("1.2.a".into()),
            "Classement de la question 1.2.a – Arbre-cadeau (session 2021)",
        ),
    ] {
        assert_eq!(board(&play, &ana, b).await, format!("**{title}**\n{EMPTY}"));
    }
    // Nothing was deleted: the answers are still stored and exported.
    assert_eq!(play.count("SELECT COUNT(*) FROM answers").await, 3);
    assert_eq!(play.points("Ana").await, 250);
    // What comes after the reset counts.
    practise(&play, &ben, &["1.2.b"], &["0,53 €"]).await;
    assert_eq!(
        board(&play, &ana, Board::AllTime).await,
        "**Classement général**\n1. Ben – 0,25 point"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn board_reset_also_clears_an_answer_of_the_same_millisecond() {
    let play = spawn_engine("board_reset_same_ms").await;
    let prof = play.teacher("Prof");
    let ana = play.student("Ana");
    practise(&play, &ana, &["1.2.a"], &["17,76 %"]).await;
    // The reset comes in the same millisecond as the answer: the answer is on the final
    // board, so it must not be on the new one.
    let replies = play.send(&prof, Command::BoardReset).await;
    assert_eq!(
        plain(&replies[0].text),
        "**Classement final avant remise à zéro**\n1. Ana – 0,25 point"
    );
    assert_eq!(
        board(&play, &ana, Board::AllTime).await,
        format!("**Classement général**\n{EMPTY}")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_classes_never_see_each_others_scores() {
    let play = spawn_engine("two_classes").await;
    let other = place("guild-2", "BTS NDRC 2", "quiz");
    let prof = play.teacher("Prof");
    let (ana, ben, gus) = (
        play.student("Ana"),
        play.student("Ben"),
        play.student("Gus"),
    );

    practise(&play, &ana, &["1.2.a"], &["17,76 %"]).await;
    practise(&play, &ben, &["1.2.a"], &["18 %"]).await;
    // The same person (same platform user) in another class, and someone only there.
    play.send_at(&other, &ana, practice(&["1.2.a", "1.2.b"]))
        .await;
    play.send_at(&other, &ana, answer("17 %")).await;
    play.send_at(&other, &gus, practice(&["1.2.b"])).await;
    play.send_at(&other, &gus, answer("0,53 €")).await;
    // A quiz in class 1 does not take class 2's answers.
    play.send(&prof, launch(&["1.2.b"], 60, false, false)).await;
    play.take_posts(1).await;
    let text = private_text(&play.send_at(&other, &ana, answer("17,76 %")).await);
    assert!(
        text.starts_with("**1.2.a** (calcul 1/2)\n✅ Juste : **17,76 %**.\nTu gagnes 0,125 point."),
        "{text}"
    );
    assert_eq!(
        play.count("SELECT COUNT(*) FROM answers WHERE quiz_id IS NOT NULL")
            .await,
        0
    );

    assert_eq!(
        board(&play, &ana, Board::AllTime).await,
        "**Classement général**\n1. Ana – 0,25 point\n2. Ben – 0 point"
    );
    let replies = play
        .send_at(
            &other,
            &gus,
            Command::Leaderboard {
                board: Board::AllTime,
            },
        )
        .await;
    assert_eq!(
        plain(&one(&replies).text),
        "**Classement général**\n1. Gus – 0,25 point\n2. Ana – 0,125 point"
    );
    assert_eq!(play.points_in("guild-1", "Ana").await, 250);
    assert_eq!(play.points_in("guild-2", "Ana").await, 125);
    assert_eq!(play.points_in("guild-1", "Gus").await, 0);
    // Class 2 has no quiz.
    let replies = play
        .send_at(&other, &gus, Command::Leaderboard { board: Board::Quiz })
        .await;
    assert_eq!(
        one(&replies).text,
        "Aucun quiz n’a encore eu lieu dans cette classe."
    );
}

/// Class 1: Ana practises (1.2.a wrong, a hint, right; 1.2.c right), Ben answers a quiz (close);
/// class 2: Gus practises. Returns the teacher.
async fn results_scenario(play: &Play) -> Actor {
    let prof = play.teacher("Prof");
    let (ana, ben, gus) = (
        play.student("Ana"),
        play.student("Ben"),
        play.student("Gus"),
    );
    play.send(&ana, practice(&["1.2.a", "1.2.c"])).await;
    play.send(&ana, answer("17 %")).await; // attempt 1: 0
    play.send(
        &ana,
        Command::Hint {
            confirm: true,
            item: None,
        },
    )
    .await; // 0,025
    play.clock.advance(60_000);
    play.send(&ana, answer("17,76 %")).await; // attempt 2: 250 × 0,5 − 25 = 100
    play.send(&ana, answer("93,23 €")).await; // attempt 1: 250
    play.send(&prof, launch(&["1.2.b"], 60, false, false)).await;
    play.take_posts(1).await;
    play.clock.advance(10_000);
    answer_taken(play, &ben, "0,5 €").await; // close: 125
    play.clock.advance(50_000);
    play.take_posts(1 + 1 + 1 + 1).await;
    let other = place("guild-2", "BTS NDRC 2", "quiz");
    play.send_at(&other, &gus, practice(&["1.2.a"])).await;
    play.send_at(&other, &gus, answer("17,76 %")).await;
    prof
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn export_is_a_french_spreadsheet_csv_of_every_attempt() {
    let play = spawn_engine("export").await;
    let prof = results_scenario(&play).await;

    let replies = play.send(&prof, Command::Export).await;
    assert_eq!(
        replies.len(),
        4,
        "the detail, the summary per student, the marks, the grade book"
    );
    // The summary: one line per student of this class, points by source (by hand from
    // results_scenario: Ana 0 + 0,1 + 0,25 in practice, Ben 0,125 in the quiz).
    let summary = &replies[1];
    assert_eq!(
        plain(&summary.text),
        "Et la synthèse, une ligne par élève (2 élèves) : les points des quiz, de l’entraînement et des copies corrigées, et le total."
    );
    let file = summary.attachment.as_ref().expect("the summary file");
    assert_eq!(file.name, "synthese-BTS-NDRC-1.csv");
    let text = std::str::from_utf8(&file.bytes[3..]).expect("UTF-8");
    assert_eq!(
        text.lines().collect::<Vec<_>>(),
        [
            "eleve;identifiant;points_quiz;points_entrainement;points_copies;total",
            "Ana;u-Ana;0;0,35;0;0,35",
            "Ben;u-Ben;0,125;0;0;0,125",
        ]
    );
    let reply = &replies[0];
    assert_eq!(reply.audience, Audience::Private);
    assert_eq!(
        reply.text,
        "Voici les résultats de la classe (4 lignes), prêts pour un tableur."
    );
    let file = reply.attachment.as_ref().expect("a CSV file");
    assert_eq!(file.name, "resultats-BTS-NDRC-1.csv");
    assert_eq!(file.mime, "text/csv");
    assert!(file.bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 BOM");
    let text = std::str::from_utf8(&file.bytes[3..]).expect("UTF-8");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(text.as_bytes());
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.expect("a CSV record").iter().map(String::from).collect())
        .collect();
    let expected: Vec<Vec<&str>> = vec![
        vec![
            "eleve",
            "identifiant",
            "source",
            "question",
            "partie",
            "indicateur",
            "tentative",
            "reponse",
            "verdict",
            "points",
            "indices_points",
            "date_utc",
            "sujet",
        ],
        vec![
            "Ana",
            "u-Ana",
            "entrainement 1",
            "1.2",
            "1.2.a",
            "Taux de clic Google Ads",
            "1",
            "17 %",
            "faux",
            "0",
            "0",
            "2026-11-23 00:00:00",
            "arbre-cadeau",
        ],
        vec![
            "Ana",
            "u-Ana",
            "entrainement 1",
            "1.2",
            "1.2.a",
            "Taux de clic Google Ads",
            "2",
            "17,76 %",
            "juste",
            "0,1",
            "0,025",
            "2026-11-23 00:01:00",
            "arbre-cadeau",
        ],
        vec![
            "Ana",
            "u-Ana",
            "entrainement 1",
            "1.2",
            "1.2.c",
            "Coût pour mille impressions Google Ads",
            "1",
            "93,23 €",
            "juste",
            "0,25",
            "0",
            "2026-11-23 00:01:00",
            "arbre-cadeau",
        ],
        vec![
            "Ben",
            "u-Ben",
            "quiz 1",
            "1.2",
            "1.2.b",
            "Coût par clic Google Ads",
            "1",
            "0,5 €",
            "presque",
            "0,125",
            "0",
            "2026-11-23 00:01:10",
            "arbre-cadeau",
        ],
    ];
    assert_eq!(rows, expected);
    assert!(text.starts_with("eleve;identifiant;source;"), "{text}");
    assert!(!text.contains("Gus"), "another class: {text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn my_data_returns_everything_about_the_member_of_this_class() {
    let play = spawn_engine("my_data").await;
    results_scenario(&play).await;
    let ana = play.student("Ana");
    let replies = play.send(&ana, Command::MyData).await;
    let reply = one(&replies);
    assert_eq!(reply.audience, Audience::Private);
    assert_eq!(
        reply.text,
        "Voici tout ce que casebot garde sur toi dans cette classe, **Ana** :\n\
         - ton identifiant et ton nom affiché ;\n\
         - 3 réponses notées (0,35 point au total) ;\n\
         - 1 indice pris ;\n\
         - 1 entraînement ;\n\
         - 0 copie rédigée, 0 brouillon partagé, 0 vote.\n\
         Le détail est dans le fichier joint. Pour tout effacer : /oublier-moi."
    );
    let file = reply.attachment.as_ref().expect("a JSON file");
    assert_eq!(file.name, "mes-donnees.json");
    assert_eq!(file.mime, "application/json");
    let json: serde_json::Value = serde_json::from_slice(&file.bytes).expect("JSON");
    assert_eq!(json["member"]["platform_user"], "u-Ana");
    assert_eq!(json["member"]["display_name"], "Ana");
    assert_eq!(json["member"]["teacher"], false);
    let answers = json["answers"].as_array().expect("answers");
    let got: Vec<(String, i64, String, String)> = answers
        .iter()
        .map(|a| {
            (
                a["part"].as_str().unwrap_or_default().to_string(),
                a["attempt"].as_i64().unwrap_or(-1),
                a["verdict"].as_str().unwrap_or_default().to_string(),
                a["points"].to_string().trim_matches('"').to_string(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("1.2.a".into(), 1, "wrong".into(), "0".into()),
            ("1.2.a".into(), 2, "correct".into(), "0.1".into()),
            ("1.2.c".into(), 1, "correct".into(), "0.25".into()),
        ]
    );
    assert_eq!(answers[1]["answer"], "17,76 %");
    assert_eq!(answers[1]["at_utc"], "2026-11-23 00:01:00");
    assert_eq!(json["hints"].as_array().map(Vec::len), Some(1));
    assert_eq!(json["hints"][0]["level"], 1);
    assert_eq!(json["practices"], 1);

    // Ben: his quiz answer only; Gus in the other class has nothing here.
    let replies = play.send(&play.student("Ben"), Command::MyData).await;
    let json: serde_json::Value =
        serde_json::from_slice(&one(&replies).attachment.as_ref().expect("file").bytes)
            .expect("JSON");
    assert_eq!(json["answers"].as_array().map(Vec::len), Some(1));
    assert_eq!(json["answers"][0]["quiz"], 1);
    assert_eq!(json["practices"], 0);
    let replies = play.send(&play.student("Gus"), Command::MyData).await;
    assert!(one(&replies)
        .text
        .contains("- 0 réponse notée (0 point au total) ;"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forget_me_erases_the_member_and_nothing_of_others() {
    let play = spawn_engine("forget_me").await;
    let prof = play.teacher("Prof");
    let (ana, ben) = (play.student("Ana"), play.student("Ben"));
    let other = place("guild-2", "BTS NDRC 2", "quiz");
    practise(&play, &ana, &["1.2.a"], &["17,76 %"]).await;
    play.send(&ben, practice(&["1.2.a"])).await;
    play.send(
        &ben,
        Command::Hint {
            confirm: true,
            item: None,
        },
    )
    .await;
    play.send(&ben, answer("17,76 %")).await; // 225
    play.send_at(&other, &ana, practice(&["1.2.a"])).await;
    play.send_at(&other, &ana, answer("17,76 %")).await;
    // A quiz both answer; Ana leaves once it is over (not during it: see
    // forget_me_waits_for_the_end_of_the_quiz_so_no_question_is_answered_twice).
    play.send(&prof, launch(&["1.2.b", "1.2.c"], 60, false, false))
        .await;
    play.take_posts(1).await;
    play.clock.advance(1_000);
    play.send(
        &ana,
        Command::Hint {
            confirm: true,
            item: None,
        },
    )
    .await;
    answer_taken(&play, &ana, "0,53 €").await;
    answer_taken(&play, &ben, "1,90 €").await;
    play.clock.advance(59_000);
    play.take_posts(2).await;
    play.clock.advance(60_000);
    play.take_posts(1 + 1 + 1 + 1).await;
    play.engine.flush().await.expect("flush");
    let ben_before = play.answers_of("Ben").await;

    // Without confirmation: what would go, and nothing goes.
    let ana_before = play.answers_of("Ana").await;
    let preview = private_text(&play.send(&ana, Command::ForgetMe { confirm: false }).await);
    assert!(
        preview.starts_with(&format!(
            "Cela effacera définitivement tout ce que casebot garde sur toi dans cette classe : {} réponses notées, 0 copie rédigée, 0 brouillon partagé, 0 vote,",
            ana_before.len()
        )),
        "{preview}"
    );
    assert!(
        preview.ends_with("Pour confirmer : /oublier-moi confirmer:oui."),
        "{preview}"
    );
    assert_eq!(play.answers_of("Ana").await, ana_before);

    let replies = play.send(&ana, Command::ForgetMe { confirm: true }).await;
    assert_eq!(
        private_text(&replies),
        "C’est fait : tout ce que casebot gardait sur toi dans cette classe est effacé (réponses, indices, entraînements, copies, brouillons partagés, votes, classements)."
    );
    assert_eq!(
        play.count("SELECT COUNT(*) FROM members m JOIN classes c ON c.id = m.class_id WHERE m.platform_user = 'u-Ana' AND c.platform_id = 'guild-1'")
            .await,
        0
    );
    assert_eq!(
        play.count("SELECT COUNT(*) FROM answers a JOIN classes c ON c.id = a.class_id WHERE c.platform_id = 'guild-1'")
            .await,
        2
    );
    assert_eq!(play.answers_of("Ben").await, ben_before);
    assert_eq!(
        play.count("SELECT COUNT(*) FROM hints h JOIN members m ON m.id = h.member_id WHERE m.platform_user = 'u-Ben'")
            .await,
        1
    );
    assert_eq!(
        play.count("SELECT COUNT(*) FROM hints h JOIN members m ON m.id = h.member_id WHERE m.platform_user = 'u-Ana'")
            .await,
        0
    );
    assert_eq!(
        play.count("SELECT COUNT(*) FROM practices p JOIN members m ON m.id = p.member_id WHERE m.platform_user = 'u-Ana'")
            .await,
        1,
        "only her practice in the other class"
    );
    // Her data in the other class stays.
    assert_eq!(play.points_in("guild-2", "Ana").await, 250);

    // The boards no longer show her.
    for b in [Board::AllTime, Board::Quiz, Board::Question("1.2".into())] {
        let text = board(&play, &ben, b).await;
        assert!(!text.contains("Ana"), "{text}");
        assert!(text.contains("Ben"), "{text}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forget_me_leaves_no_trace_of_the_member_in_stored_replies() {
    let play = spawn_engine("forget_me_replies").await;
    let prof = play.teacher("Prof");
    let (ana, ben) = (play.student("Ana"), play.student("Ben"));
    play.send(&prof, launch(&["1.2.a"], 60, false, false)).await;
    play.take_posts(1).await;
    play.clock.advance(1_000);
    answer_taken(&play, &ana, "17,76 %").await;
    answer_taken(&play, &ben, "17 %").await;
    // The teacher stops the quiz: the replies (podium, each player's summary) are kept for
    // idempotency.
    let stopped = play.stop_quiz(&prof).await;
    assert!(stopped
        .iter()
        .any(|r| r.audience == Audience::User(user_id("Ana"))));

    play.send(&ana, Command::ForgetMe { confirm: true }).await;
    assert_eq!(
        play.count(
            "SELECT COUNT(*) FROM actions WHERE replies LIKE '%u-Ana%' OR replies LIKE '%Ana –%'"
        )
        .await,
        0,
        "her user id, name and score are still stored after /oublier-moi"
    );
}

/// (classes, members, answers, quizzes, practices) of a class, by its platform id.
async fn guild_counts(play: &Play, key: &str) -> (i64, i64, i64, i64, i64) {
    play.engine.flush().await.expect("flush");
    let mut out = [0; 5];
    for (i, sql) in [
        "SELECT COUNT(*) FROM classes WHERE platform_id = ?",
        "SELECT COUNT(*) FROM members m JOIN classes c ON c.id = m.class_id WHERE c.platform_id = ?",
        "SELECT COUNT(*) FROM answers a JOIN classes c ON c.id = a.class_id WHERE c.platform_id = ?",
        "SELECT COUNT(*) FROM quizzes q JOIN classes c ON c.id = q.class_id WHERE c.platform_id = ?",
        "SELECT COUNT(*) FROM practices p JOIN classes c ON c.id = p.class_id WHERE c.platform_id = ?",
    ]
    .into_iter()
    .enumerate()
    {
        let (n,): (i64,) = sqlx::query_as(sql)
            .bind(key)
            .fetch_one(&play.engine.store().read)
            .await
            .expect("count");
        out[i] = n;
    }
    (out[0], out[1], out[2], out[3], out[4])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn erase_class_asks_first_then_erases_that_class_only() {
    let play = spawn_engine("erase_class").await;
    let prof = play.teacher("Prof");
    let (ana, ben, gus) = (
        play.student("Ana"),
        play.student("Ben"),
        play.student("Gus"),
    );
    let other = place("guild-2", "BTS NDRC 2", "quiz");
    practise(&play, &ana, &["1.2.a"], &["17 %", "17,76 %"]).await;
    practise(&play, &ben, &["1.2.a"], &["17,76 %"]).await;
    play.send_at(&other, &ana, practice(&["1.2.a"])).await;
    play.send_at(&other, &ana, answer("17,76 %")).await;
    play.send_at(&other, &gus, practice(&["1.2.a"])).await;
    play.send_at(&other, &gus, answer("17 %")).await;
    play.send(&prof, launch(&["1.2.b", "1.2.c"], 60, false, false))
        .await;
    play.take_posts(1).await;
    play.clock.advance(1_000);
    answer_taken(&play, &ana, "0,53 €").await;

    play.engine.flush().await.expect("flush");
    assert_eq!(guild_counts(&play, "guild-1").await, (1, 3, 4, 1, 2));
    assert_eq!(guild_counts(&play, "guild-2").await, (1, 2, 2, 0, 2));

    // Without confirmation: what would go, and nothing changes.
    let replies = play
        .send(&prof, Command::EraseClass { confirm: false })
        .await;
    assert_eq!(
        private_text(&replies),
        "Cela effacera définitivement la classe : 3 membres et 4 réponses notées. Pour confirmer : /effacer-classe confirmer:oui."
    );
    assert_eq!(guild_counts(&play, "guild-1").await, (1, 3, 4, 1, 2));

    // Confirmed: this class is gone, with its live quiz; the other class is untouched.
    let erase_replies = play
        .send(&prof, Command::EraseClass { confirm: true })
        .await;
    let erased = private_text(&erase_replies);
    assert_eq!(guild_counts(&play, "guild-1").await, (0, 0, 0, 0, 0));
    assert_eq!(guild_counts(&play, "guild-2").await, (1, 2, 2, 0, 2));
    assert_eq!(play.points_in("guild-2", "Ana").await, 250);
    play.advance_and_tick(120_000).await;
    assert!(
        play.outbox.take().is_empty(),
        "the erased class's quiz is over"
    );
    assert_eq!(
        board(&play, &ben, Board::AllTime).await,
        format!("**Classement général**\n{EMPTY}")
    );
    let replies = play
        .send_at(
            &other,
            &gus,
            Command::Leaderboard {
                board: Board::AllTime,
            },
        )
        .await;
    assert_eq!(
        plain(&one(&replies).text),
        "**Classement général**\n1. Ana – 0,25 point\n2. Gus – 0 point"
    );
    assert_eq!(
        erased,
        "La classe est effacée (3 membres, 4 réponses notées).",
        "the teacher is told the class is erased: {}",
        texts(&erase_replies)
    );
}

/// A teacher who answers a quiz (to try it, or to show the class) is never ranked.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn teachers_who_answer_are_not_ranked() {
    let play = spawn_engine("teachers_not_ranked").await;
    let prof = play.teacher("Prof");
    let ana = play.student("Ana");
    play.send(&prof, launch(&["1.2.a"], 60, false, false)).await;
    play.take_posts(1).await;
    answer_taken(&play, &prof, "17,76 %").await;
    answer_taken(&play, &ana, "17 %").await;
    let board = plain(
        &one(&play
            .send(&ana, Command::Leaderboard { board: Board::Quiz })
            .await)
        .text,
    );
    assert!(!board.contains("Prof"), "{board}");
    let stopped = play.stop_quiz(&prof).await;
    let all = texts(&stopped);
    assert!(!all.contains("🥇 Prof"), "{all}");
    let board = plain(
        &one(&play
            .send(
                &ana,
                Command::Leaderboard {
                    board: Board::AllTime,
                },
            )
            .await)
        .text,
    );
    assert!(!board.contains("Prof"), "{board}");
}

/// Every text cell of every export file is inert in a spreadsheet: a display name or an answer
/// that starts like a formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading apostrophe; the
/// figures the bot writes stay numbers.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn export_cells_never_start_a_formula() {
    let play = spawn_engine("export_inert").await;
    let prof = play.teacher("Prof");
    let names = [
        "=HYPERLINK(\"https://exemple.fr\";\"clic\")",
        "+33 6 12",
        "-Léa",
        "@Tom",
        "\tTab",
    ];
    // Answers the checker reads (so they are stored), three of them starting like a formula.
    let answers = ["17 %", "+17,76 %", "-17,76 %", "17,76", "\r17 %"];
    for (name, given) in names.iter().zip(answers) {
        let who = play.student(name);
        play.send(&who, practice(&["1.2.a"])).await;
        play.send(&who, answer(given)).await;
    }
    // And a quiz they all answer, so the files of marks have them too.
    play.send(&prof, launch(&["1.2.b"], 30, false, false)).await;
    play.engine.tick().await;
    for name in names {
        answer_taken(&play, &play.student(name), "0,53 €").await;
    }
    play.advance_and_tick(31_000).await;
    play.take_posts(1).await;
    assert_eq!(
        play.count("SELECT COUNT(*) FROM quizzes WHERE status = 'finished'")
            .await,
        1
    );
    let replies = play.send(&prof, Command::Export).await;
    assert_eq!(replies.len(), 4, "detail, summary, notes, grade book");
    let mut cells = 0;
    for reply in &replies {
        let file = reply.attachment.as_ref().expect("a CSV file");
        let text = std::str::from_utf8(&file.bytes[3..]).expect("UTF-8");
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .has_headers(true)
            .from_reader(text.as_bytes());
        let mut read: Vec<String> = Vec::new();
        for record in reader.records() {
            for cell in record.expect("a CSV record").iter() {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{cell:?} would be read as a formula"
                );
                read.push(cell.to_string());
            }
        }
        cells += read.len();
        // The names are all there, as typed, behind the apostrophe.
        for name in names {
            assert!(read.contains(&format!("'{name}")), "{name:?} in {read:?}");
        }
        if reply.text.starts_with("Voici") {
            for given in ["+17,76 %", "-17,76 %", "\r17 %"] {
                assert!(read.contains(&format!("'{given}")), "{given:?} in {read:?}");
            }
        }
    }
    assert!(cells > 50, "{cells} cells read");
}

/// `/oublier-moi` while the class's quiz runs is refused, both the preview and the erasure,
/// and nothing is erased: otherwise a new member record could answer the same question again.
/// Once the quiz is over, it erases as usual.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forget_me_waits_for_the_end_of_the_quiz_so_no_question_is_answered_twice() {
    let play = spawn_engine("forget_me_quiz").await;
    let prof = play.teacher("Prof");
    let ana = play.student("Ana");
    play.send(&prof, launch(&["1.2.a", "1.2.b"], 60, false, false))
        .await;
    play.take_posts(1).await;
    play.clock.advance(1_000);
    answer_taken(&play, &ana, "17 %").await;
    const WAIT: &str = "Un quiz est en cours dans la classe : tes données pourront être effacées dès sa fin (sinon une même question du quiz pourrait être notée deux fois). Relance /oublier-moi après le quiz ; rien n’a été effacé.";
    for confirm in [false, true] {
        let text = private_text(&play.send(&ana, Command::ForgetMe { confirm }).await);
        assert_eq!(text, WAIT, "confirm: {confirm}");
    }
    // Still one answer, and a second one to the same question is refused.
    play.send(&ana, answer("17,76 %")).await;
    assert_eq!(play.count("SELECT COUNT(*) FROM answers").await, 1);
    assert_eq!(
        play.count("SELECT COUNT(*) FROM members WHERE display_name = 'Ana'")
            .await,
        1
    );
    play.stop_quiz(&prof).await;
    let text = private_text(&play.send(&ana, Command::ForgetMe { confirm: true }).await);
    assert!(text.starts_with("C’est fait"), "{text}");
    assert_eq!(play.count("SELECT COUNT(*) FROM answers").await, 0);
}
