//! Marks on the barème (`/notes`, the export's notes and grade-book files), apart from game
//! points. Expected marks are computed by hand from the pack's barème (every part asked here is
//! worth 0,25 point) and config/play.toml's `[marks]` (a close answer earns half of a part, a
//! hint costs what it was announced to cost: 10 % of the part for the first), never with the
//! engine's functions.

use crate::helpers::{last_quiz_id, private_text, spawn_engine, Play};
use crate::play_quiz::launch;
use casebot::play::command::{Actor, Command, ItemRef, Reply};

/// The CSV lines of a reply's attachment (after the byte-order mark).
fn csv_lines(reply: &Reply) -> Vec<String> {
    let file = reply.attachment.as_ref().expect("a CSV file");
    assert_eq!(&file.bytes[..3], &[0xEF, 0xBB, 0xBF], "byte-order mark");
    let text = std::str::from_utf8(&file.bytes[3..]).expect("UTF-8");
    text.lines().map(str::to_string).collect()
}

/// An answer sent from question `idx`'s own form (its button), so it is meant for it.
async fn answer_at(play: &Play, who: &Actor, idx: i64, text: &str) {
    let quiz = last_quiz_id(play).await;
    let replies = play
        .send(
            who,
            Command::Answer {
                text: text.into(),
                item: Some(ItemRef { quiz, item: idx }),
            },
        )
        .await;
    let reply = private_text(&replies);
    assert!(reply.contains("enregistrée"), "{reply}");
}

fn hint_at(quiz: i64, item: i64) -> Command {
    Command::Hint {
        confirm: true,
        item: Some(ItemRef { quiz, item }),
    }
}

async fn notes(play: &Play, who: &Actor, work: Option<&str>) -> String {
    private_text(
        &play
            .send(
                who,
                Command::Marks {
                    work: work.map(str::to_string),
                },
            )
            .await,
    )
}

/// Ends the open item: its deadline passes, the reveal (and what follows) is posted.
async fn close_item(play: &Play) {
    play.advance_and_tick(31_000).await;
    play.outbox.take();
}

/// A quiz of three parts over two dossiers with both bonuses on (30 s a question):
/// - Ana: right three times at once (game points with speed and streak bonuses: more than the
///   0,75 point at stake) → 0,75 / 0,75 → 20/20, 40/40;
/// - Ben: close (0,125), right (0,25), wrong (0) → 0,375 / 0,75 → 10/20;
/// - Chloé: hint 1 then right (0,25 − 0,025), no answer, right → 0,475 / 0,75 → 12,67/20
///   (12,666…), 25,33/40;
/// - Dan: a hint on the last part, no answer → 0 / 0,75 → 0/20 (he took part);
/// - Eve: nothing → no mark.
async fn marked_quiz(play: &Play) -> Actor {
    let prof = play.teacher("Prof");
    let (ana, ben, chloe, dan, eve) = (
        play.student("Ana"),
        play.student("Ben"),
        play.student("Chloé"),
        play.student("Dan"),
        play.student("Eve"),
    );
    play.send(&eve, Command::Help).await;
    play.send(&prof, launch(&["1.2.a", "1.2.b", "2.2.a"], 30, true, true))
        .await;
    play.engine.tick().await;
    play.outbox.take();
    play.clock.advance(1_000);
    answer_at(play, &ana, 0, "17,76 %").await;
    answer_at(play, &ben, 0, "18 %").await; // close
    let quiz = last_quiz_id(play).await;
    let taken = play.send(&chloe, hint_at(quiz, 0)).await;
    assert!(private_text(&taken).starts_with("Indice 1"), "{taken:?}");
    answer_at(play, &chloe, 0, "17,76 %").await;
    close_item(play).await;
    play.clock.advance(1_000);
    answer_at(play, &ana, 1, "0,53 €").await;
    answer_at(play, &ben, 1, "0,53 €").await;
    close_item(play).await;
    play.clock.advance(1_000);
    answer_at(play, &ana, 2, "100").await;
    answer_at(play, &ben, 2, "120").await; // wrong
    let quiz = last_quiz_id(play).await;
    let taken = play.send(&dan, hint_at(quiz, 2)).await;
    assert!(private_text(&taken).starts_with("Indice 1"), "{taken:?}");
    answer_at(play, &chloe, 2, "100").await;
    play.advance_and_tick(31_000).await;
    play.take_posts(1).await;
    assert_eq!(
        play.count("SELECT COUNT(*) FROM quizzes WHERE status = 'finished'")
            .await,
        1
    );
    prof
}

#[tokio::test]
async fn marks_follow_the_barème_never_the_speed_or_streak_bonus() {
    let play = spawn_engine("marks_barème").await;
    let prof = marked_quiz(&play).await;
    let quiz = last_quiz_id(&play).await;
    // The bonuses were on: Ana's game points are past the barème.
    assert!(
        play.points("Ana").await > 750,
        "{}",
        play.points("Ana").await
    );

    let title = format!("quiz-{quiz} du 23/11/2026 (Arbre\\-cadeau ; 1.2, 2.2)");
    let rules = "_Une réponse juste rapporte les points de la partie au barème, une réponse presque juste 50 % de ces points, une réponse fausse ou absente rien ; un indice retire ce qu’il coûtait._";
    assert_eq!(
        notes(&play, &play.student("Chloé"), None).await,
        format!(
            "**Tes notes** – sur le barème du sujet ; les bonus de vitesse et de série et l’entraînement n’y comptent pas :\n\
             - {title} : 0,475 / 0,75 point → **12,67/20**\n\n\
             **Détail – {title}**\n\
             - Dossier 1 – Diagnostiquer la stratégie digitale : 0,225 / 0,5 point\n\
             \u{20}\u{20}· question 1.2 : 0,225 / 0,5 point\n\
             - Dossier 2 – Développer le segment B to B via les réseaux sociaux : 0,25 / 0,25 point\n\
             \u{20}\u{20}· question 2.2 : 0,25 / 0,25 point\n\
             Note : **25,33/40**, soit **12,67/20** (à proportion des points mis en jeu).\n\
             {rules}"
        )
    );
    let ana = notes(&play, &play.student("Ana"), Some(&format!("quiz {quiz}"))).await;
    assert!(ana.contains("0,75 / 0,75 point → **20,00/20**"), "{ana}");
    assert!(
        ana.contains("Note : **40,00/40**, soit **20,00/20**"),
        "{ana}"
    );
    assert_eq!(
        notes(&play, &play.student("Eve"), None).await,
        "Tu n’as pas encore de note : les notes viennent des quiz terminés et des examens blancs de la classe. L’entraînement ne compte jamais dans une note, et une réponse rédigée hors examen, corrigée par ton professeur, compte au classement, pas dans tes notes."
    );
    assert_eq!(
        notes(&play, &play.student("Ben"), Some("quiz-999")).await,
        format!("Je ne trouve pas « quiz\\-999 » parmi les travaux notés : quiz-{quiz}.")
    );

    // The teacher: the class on the last piece of work, with where the barème comes from.
    assert_eq!(
        notes(&play, &prof, None).await,
        format!(
            "**Notes – {title}** (4 élèves) :\n\
             Barème de l’examen par dossier (17, 15 et 8 points) ; répartition par question et par critère proposée par casebot\n\
             - Ana : 0,75 / 0,75 point → **20,00/20**\n\
             - Ben : 0,375 / 0,75 point → **10,00/20**\n\
             - Chloé : 0,475 / 0,75 point → **12,67/20**\n\
             - Dan : 0 / 0,75 point → **0,00/20**\n\
             Moyenne de la classe : **10,67/20**.\n\
             {rules}\n\
             Le détail par question et par dossier, et le fichier du carnet de notes : /export."
        )
    );
}

#[tokio::test]
async fn the_export_has_the_marks_per_work_and_a_grade_book() {
    let play = spawn_engine("marks_export").await;
    let prof = marked_quiz(&play).await;
    let quiz = last_quiz_id(&play).await;
    // A second quiz, on one part only: Ana right (20/20), Ben absent.
    play.send(&prof, launch(&["1.1.a"], 30, true, false)).await;
    play.engine.tick().await;
    let ana = play.student("Ana");
    answer_at(&play, &ana, 0, "32,63 %").await;
    play.advance_and_tick(31_000).await;
    play.take_posts(1).await;
    let second = last_quiz_id(&play).await;

    let replies = play.send(&prof, Command::Export).await;
    assert_eq!(replies.len(), 4, "detail, summary, notes, grade book");
    let notes = &replies[2];
    assert_eq!(
        notes.attachment.as_ref().map(|f| f.name.as_str()),
        Some("notes-BTS-NDRC-1.csv")
    );
    assert_eq!(
        csv_lines(notes),
        [
            "eleve;identifiant;travail;sujet;date_utc;q1.2;q1.2_max;q2.2;q2.2_max;q1.1;q1.1_max;dossier_1;dossier_1_max;dossier_2;dossier_2_max;bonus;total;total_max;note_sur_40;note_sur_20;a_corriger".to_string(),
            format!("Ana;u-Ana;quiz-{quiz};arbre-cadeau;2026-11-23 00:00:00;0,5;0,5;0,25;0,25;;;0,5;0,5;0,25;0,25;0;0,75;0,75;40,00;20,00;0"),
            format!("Ana;u-Ana;quiz-{second};arbre-cadeau;2026-11-23 00:01:36;;;;;0,25;0,25;0,25;0,25;;;0;0,25;0,25;40,00;20,00;0"),
            format!("Ben;u-Ben;quiz-{quiz};arbre-cadeau;2026-11-23 00:00:00;0,375;0,5;0;0,25;;;0,375;0,5;0;0,25;0;0,375;0,75;20,00;10,00;0"),
            format!("Chloé;u-Chloé;quiz-{quiz};arbre-cadeau;2026-11-23 00:00:00;0,225;0,5;0,25;0,25;;;0,225;0,5;0,25;0,25;0;0,475;0,75;25,33;12,67;0"),
            format!("Dan;u-Dan;quiz-{quiz};arbre-cadeau;2026-11-23 00:00:00;0;0,5;0;0,25;;;0;0,5;0;0,25;0;0;0,75;0,00;0,00;0"),
        ]
    );
    let book = &replies[3];
    assert_eq!(
        book.attachment.as_ref().map(|f| f.name.as_str()),
        Some("carnet-BTS-NDRC-1.csv")
    );
    assert_eq!(
        csv_lines(book),
        [
            format!("eleve;identifiant;quiz-{quiz} (23/11/2026);quiz-{second} (23/11/2026);moyenne_sur_20"),
            "Ana;u-Ana;20,00;20,00;20,00".to_string(),
            "Ben;u-Ben;10,00;;10,00".to_string(),
            "Chloé;u-Chloé;12,67;;12,67".to_string(),
            "Dan;u-Dan;0,00;;0,00".to_string(),
        ]
    );
    // /notes for the teacher names the other piece of work.
    let text = self::notes(&play, &prof, None).await;
    assert!(
        text.contains(&format!(
            "Autres travaux notés : quiz-{quiz} (pour en voir un : /notes travail:quiz-{quiz})."
        )),
        "{text}"
    );
}
