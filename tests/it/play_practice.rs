//! Practice runs through the engine: starting one, answering with decreasing credit, hints
//! priced before they are taken, giving up, the end-of-run summary. Points are checked in the
//! database in milli-points; the expected values come from config/play.toml, by hand:
//! every part of the bundled case is worth 0,25 point (250), attempts earn 1, 0,5 and 0,25 of
//! it, hints cost 0,1, 0,2 and 0,3 of it.

use crate::helpers::{private_text, spawn_engine};
use casebot::play::command::{Command, Scope};

fn practice(ids: &[&str]) -> Command {
    Command::Practice {
        scope: Scope::Items(ids.iter().map(|s| s.to_string()).collect()),
    }
}

fn answer(text: &str) -> Command {
    Command::Answer {
        text: text.into(),
        item: None,
    }
}

fn hint(confirm: bool) -> Command {
    Command::Hint {
        confirm,
        item: None,
    }
}

const NO_PRACTICE: &str = "Tu n'as pas de calcul en cours. Lance un entraînement avec /entrainement (par exemple dossier:1), ou attends la prochaine question du quiz.";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn practice_starts_on_a_dossier_or_a_list_and_refuses_unknown_ids() {
    let play = spawn_engine("practice_start").await;
    let alice = play.student("Alice");

    // Unknown question, unknown dossier: a French error, nothing stored.
    let text = private_text(&play.send(&alice, practice(&["9.9"])).await);
    assert_eq!(
        text,
        "Je ne connais pas « 9.9 ». Choisis un dossier (1 ou 2), une question (1.1) ou une partie (1.1.a)."
    );
    let text = private_text(
        &play
            .send(
                &alice,
                Command::Practice {
                    scope: Scope::Dossier("7".into()),
                },
            )
            .await,
    );
    assert!(text.starts_with("Je ne connais pas « 7 »."), "{text}");
    // A written question has nothing to compute.
    let text = private_text(&play.send(&alice, practice(&["2.1"])).await);
    assert_eq!(
        text,
        "Il n'y a aucun calcul à poser dans ce choix de questions. Pour une question rédigée : /rediger puis /corrige-type ; pour le post LinkedIn : /brouillon."
    );
    assert_eq!(play.count("SELECT COUNT(*) FROM practices").await, 0);

    // Dossier 1: 12 + 14 + 10 parts of 0,25 point.
    let text = private_text(
        &play
            .send(
                &alice,
                Command::Practice {
                    scope: Scope::Dossier("1".into()),
                },
            )
            .await,
    );
    assert!(
        text.starts_with(
            "🎯 Entraînement lancé : 36 calculs, 9 points à gagner. Prends ton temps.\n\n**Calcul 1/36**\n**1.1.a** (0,25 point)\n"
        ),
        "{text}"
    );

    // A list of parts replaces the run in progress.
    let text = private_text(&play.send(&alice, practice(&["1.2.a", "1.2.b"])).await);
    assert_eq!(
        text,
        "🎯 Entraînement lancé : 2 calculs, 0,5 point à gagner. Prends ton temps.\n\n\
         **Calcul 1/2**\n**1.2.a** (0,25 point)\n\
         Calcule le taux de clic de la campagne Google Ads, en %, arrondi à deux décimales."
    );
    assert_eq!(
        play.count("SELECT COUNT(*) FROM practices WHERE status = 'abandoned'")
            .await,
        1
    );
    assert_eq!(
        play.count("SELECT COUNT(*) FROM practices WHERE status = 'active'")
            .await,
        1
    );
    // A whole question expands to its parts.
    let text = private_text(&play.send(&alice, practice(&["1.3"])).await);
    assert!(
        text.starts_with("🎯 Entraînement lancé : 10 calculs, 2,5 points à gagner."),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn practice_credit_decreases_hints_are_priced_and_giving_up_moves_on() {
    let play = spawn_engine("practice_flow").await;
    let alice = play.student("Alice");

    // No practice yet: answers, hints and giving up say so, and store nothing.
    assert_eq!(
        private_text(&play.send(&alice, answer("17,76 %")).await),
        NO_PRACTICE
    );
    assert_eq!(
        private_text(&play.send(&alice, hint(true)).await),
        NO_PRACTICE
    );
    assert_eq!(
        private_text(&play.send(&alice, Command::GiveUp).await),
        NO_PRACTICE
    );

    play.send(&alice, practice(&["1.2.a", "1.2.b", "1.2.c"]))
        .await;

    // --- 1.2.a (taux de clic, 17,76 %) ----------------------------------------------------
    // Unreadable: free, not stored, not an attempt.
    let text = private_text(&play.send(&alice, answer("beaucoup")).await);
    assert_eq!(
        text,
        "Je ne trouve pas de nombre dans ta réponse. Écris seulement ta valeur, par exemple « 17,76 % ». Cette réponse ne te coûte rien : réessaie."
    );
    assert_eq!(play.count("SELECT COUNT(*) FROM answers").await, 0);

    // Wrong at attempt 1: nothing earned; a right answer now earns 0,5 × 0,25 = 0,125.
    let text = private_text(&play.send(&alice, answer("17 %")).await);
    assert_eq!(
        text,
        "❌ Ce n'est pas ça (17 %). Relis la formule et les données, ou demande un indice.\n\
         Tentative 1/3. Réessaie : une bonne réponse rapporte encore 0,125 point. Besoin d'aide ? /indice."
    );

    // The hint offer shows the cost (0,1 × 0,25 = 0,025) and changes nothing.
    let text = private_text(&play.send(&alice, hint(false)).await);
    assert_eq!(
        text,
        "L'indice 1 coûte 0,025 point sur ce calcul. Pour le prendre : /indice confirmer:oui, ou le bouton ci-dessous."
    );
    assert_eq!(play.count("SELECT COUNT(*) FROM hints").await, 0);
    // Asked again, the offer is the same: still level 1.
    let again = private_text(&play.send(&alice, hint(false)).await);
    assert_eq!(again, text);

    // Confirmed: the formula, stored with its cost.
    let text = private_text(&play.send(&alice, hint(true)).await);
    assert_eq!(
        text,
        "Indice 1 – la formule : Taux de clic Google Ads = Clics Google Ads ÷ Impressions Google Ads × 100"
    );
    assert_eq!(
        play.count(
            "SELECT COUNT(*) FROM hints WHERE level = 1 AND cost_milli = 25 AND part_id = '1.2.a'"
        )
        .await,
        1
    );
    // The next offer is level 2, at 0,2 × 0,25 = 0,05.
    let text = private_text(&play.send(&alice, hint(false)).await);
    assert!(
        text.starts_with("L'indice 2 coûte 0,05 point sur ce calcul."),
        "{text}"
    );

    // Right at attempt 2: 250 × 0,5 − 25 = 100; the worked answer, then the next part.
    let text = private_text(&play.send(&alice, answer("17,76 %")).await);
    assert!(
        text.starts_with(
            "✅ Juste : **17,76 %**.\nTu gagnes 0,1 point.\n\n**Taux de clic Google Ads** = **17,76 %**\n\
             Formule : Clics Google Ads ÷ Impressions Google Ads × 100\n"
        ),
        "{text}"
    );
    assert!(
        text.ends_with(
            "**Calcul 2/3**\n**1.2.b** (0,25 point)\nCalcule le coût moyen par clic (CPC) de la campagne Google Ads, en €, arrondi à deux décimales. Pense à convertir le montant dépensé, donné en k€."
        ),
        "{text}"
    );
    assert_eq!(play.points("Alice").await, 100);

    // --- 1.2.b (coût par clic, 0,53 €) ----------------------------------------------------
    // Close at attempt 1 earns nothing in practice.
    let text = private_text(&play.send(&alice, answer("0,5 €")).await);
    assert!(text.starts_with("🟡 Presque : 0,5 € est bien arrondi, mais pas assez précis. Donne au moins 2 décimales.\n\
         Tentative 1/3. Réessaie : une bonne réponse rapporte encore 0,125 point."), "{text}");
    // Wrong at attempt 2 (division the wrong way): a right answer now earns 0,25 × 0,25.
    let text = private_text(&play.send(&alice, answer("1,90 €")).await);
    assert!(
        text.starts_with("❌ 1,90 € : ta division est à l'envers."),
        "{text}"
    );
    assert!(
        text.ends_with("Tentative 2/3. Réessaie : une bonne réponse rapporte encore 0,063 point. Besoin d'aide ? /indice."),
        "{text}"
    );
    // Right at attempt 3: 62,5 rounded half away from zero = 63.
    let text = private_text(&play.send(&alice, answer("0,53 €")).await);
    assert!(
        text.starts_with("✅ Juste : **0,53 €**.\nTu gagnes 0,063 point.\n\n"),
        "{text}"
    );
    assert!(
        text.contains("\n\n**Calcul 3/3**\n**1.2.c** (0,25 point)\n"),
        "{text}"
    );
    assert_eq!(play.points("Alice").await, 163);

    // --- 1.2.c: given up --------------------------------------------------------------------
    let text = private_text(&play.send(&alice, Command::GiveUp).await);
    assert!(
        text.starts_with(
            "Pas de souci : voici la correction, étudie-la bien.\n\n\
             **Coût pour mille impressions Google Ads** = **93,23 €**\n"
        ),
        "{text}"
    );
    assert!(
        text.ends_with(
            "🏁 Entraînement terminé : 2 calculs justes sur 3, 0,163 point au total. Bien joué : relis les corrections des calculs manqués."
        ),
        "{text}"
    );

    // Stored: every judged attempt with its points; nothing for the unreadable answer.
    let rows: Vec<(String, i64, String, i64)> = play
        .answers_of("Alice")
        .await
        .into_iter()
        .map(|(part, attempt, verdict, points, _)| (part, attempt, verdict, points))
        .collect();
    let expected: Vec<(String, i64, String, i64)> = [
        ("1.2.a", 1, "wrong", 0),
        ("1.2.a", 2, "correct", 100),
        ("1.2.b", 1, "close", 0),
        ("1.2.b", 2, "wrong", 0),
        ("1.2.b", 3, "correct", 63),
    ]
    .iter()
    .map(|(p, a, v, pts)| (p.to_string(), *a, v.to_string(), *pts))
    .collect();
    assert_eq!(rows, expected);
    assert_eq!(
        play.count("SELECT COUNT(*) FROM practices WHERE status = 'done'")
            .await,
        1
    );

    // The run is over.
    assert_eq!(
        private_text(&play.send(&alice, answer("93,23 €")).await),
        NO_PRACTICE
    );
    assert_eq!(play.points("Alice").await, 163);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn practice_last_attempt_shows_the_answer_and_hints_run_out() {
    let play = spawn_engine("practice_last_attempt").await;
    let bob = play.student("Bob");
    play.send(&bob, practice(&["1.2.a", "1.2.b"])).await;

    // Three hints, 25 + 50 + 75 = 150; then none left.
    for (level, start) in [
        (1, "Indice 1 – la formule"),
        (
            2,
            "Indice 2 – où trouver les données :\n- Clics Google Ads : 3 695 (annexe 3)",
        ),
        (3, "Indice 3 – "),
    ] {
        let text = private_text(&play.send(&bob, hint(true)).await);
        assert!(text.starts_with(start), "hint {level}: {text}");
    }
    let text = private_text(&play.send(&bob, hint(false)).await);
    assert_eq!(
        text,
        "Tu as déjà pris tous les indices de ce calcul. Tu peux aussi voir la correction avec /solution (en entraînement)."
    );
    assert_eq!(
        play.count("SELECT COALESCE(SUM(cost_milli), 0) FROM hints")
            .await,
        150
    );

    // Three wrong answers: the last one shows the worked answer and moves on.
    for _ in 0..2 {
        private_text(&play.send(&bob, answer("17 %")).await);
    }
    let text = private_text(&play.send(&bob, answer("17 %")).await);
    assert!(
        text.starts_with(
            "❌ Ce n'est pas ça (17 %). Relis la formule et les données, ou demande un indice.\n\
             C'était ta dernière tentative notée. Voici la correction.\n\n**Taux de clic Google Ads** = **17,76 %**\n"
        ),
        "{text}"
    );
    assert!(text.ends_with("**Calcul 2/2**\n**1.2.b** (0,25 point)\nCalcule le coût moyen par clic (CPC) de la campagne Google Ads, en €, arrondi à deux décimales. Pense à convertir le montant dépensé, donné en k€."), "{text}");

    // The hints of 1.2.a do not follow Bob to 1.2.b: a first-try answer earns all 250.
    let text = private_text(&play.send(&bob, answer("0,53 €")).await);
    assert!(
        text.starts_with("✅ Juste : **0,53 €**.\nTu gagnes 0,25 point.\n\n"),
        "{text}"
    );
    assert_eq!(play.points("Bob").await, 250);
    assert_eq!(play.count("SELECT COUNT(*) FROM answers").await, 4);
    // The summary counts the answer that ended the run.
    assert!(
        text.ends_with("🏁 Entraînement terminé : 1 calcul juste sur 2, 0,25 point au total. Bien joué : relis les corrections des calculs manqués."),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn practice_summary_counts_the_answer_that_ends_the_run() {
    let play = spawn_engine("practice_summary_last").await;
    let dan = play.student("Dan");
    play.send(&dan, practice(&["1.2.a"])).await;
    let text = private_text(&play.send(&dan, answer("17,76 %")).await);
    assert!(
        text.starts_with("✅ Juste : **17,76 %**.\nTu gagnes 0,25 point.\n\n"),
        "{text}"
    );
    assert_eq!(play.points("Dan").await, 250);
    assert!(
        text.ends_with("🏁 Entraînement terminé : 1 calcul juste sur 1, 0,25 point au total. Sans faute, bravo !"),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hints_can_bring_a_right_answer_to_zero_but_never_below() {
    let play = spawn_engine("practice_hint_floor").await;
    let carla = play.student("Carla");
    play.send(&carla, practice(&["1.2.a"])).await;
    for _ in 0..3 {
        play.send(&carla, hint(true)).await;
    }
    // Attempts 1 and 2 wrong; right at attempt 3: 250 × 0,25 = 63 (62,5 rounded) − 150 < 0 → 0.
    play.send(&carla, answer("17 %")).await;
    play.send(&carla, answer("17 %")).await;
    let text = private_text(&play.send(&carla, answer("17,76 %")).await);
    assert!(
        text.starts_with("✅ Juste : **17,76 %**.\nTu gagnes 0 point.\n\n"),
        "{text}"
    );
    assert_eq!(
        play.answers_of("Carla")
            .await
            .last()
            .map(|r| (r.2.clone(), r.3)),
        Some(("correct".to_string(), 0))
    );
}

/// Practice points for a calculation are earned once: a student who found it, ran out of
/// tries or saw the worked answer trains on it again for free (the boards cannot be farmed).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_calculation_earns_practice_points_once() {
    let play = spawn_engine("practice_once").await;
    let [ana, ben, carl] = ["Ana", "Ben", "Carl"].map(|n| play.student(n));

    play.send(&ana, practice(&["1.2.a"])).await;
    let text = private_text(&play.send(&ana, answer("17,76 %")).await);
    assert!(text.contains("Tu gagnes 0,25 point."), "{text}");
    for _ in 0..3 {
        play.send(&ana, practice(&["1.2.a"])).await;
        let text = private_text(&play.send(&ana, answer("17,76 %")).await);
        assert!(
            text.contains("Tu avais déjà travaillé ce calcul à l'entraînement : il ne rapporte plus de points"),
            "{text}"
        );
    }
    assert_eq!(play.points("Ana").await, 250);

    // The worked answer seen, then the same calculation again: nothing to earn.
    play.send(&ben, practice(&["1.2.b"])).await;
    play.send(&ben, Command::GiveUp).await;
    play.send(&ben, practice(&["1.2.b"])).await;
    let text = private_text(&play.send(&ben, answer("0,5 €")).await);
    assert!(text.contains("ne rapporte plus de points"), "{text}");
    let text = private_text(&play.send(&ben, answer("0,53 €")).await);
    assert!(text.contains("Tu avais déjà travaillé ce calcul"), "{text}");
    assert_eq!(play.points("Ben").await, 0);

    // Every try used, then again: free.
    play.send(&carl, practice(&["1.2.c"])).await;
    for _ in 0..3 {
        play.send(&carl, answer("1 €")).await;
    }
    play.send(&carl, practice(&["1.2.c"])).await;
    play.send(&carl, answer("93,23 €")).await;
    assert_eq!(play.points("Carl").await, 0);

    // A part named twice is asked once.
    let text = private_text(&play.send(&carl, practice(&["1.2.d", "1.2.d"])).await);
    assert!(
        text.starts_with("🎯 Entraînement lancé : 1 calcul,"),
        "{text}"
    );
}

/// While the class's quiz asks a calculation, practice on it waits for the correction: no
/// verdict, hint or worked answer that would give the quiz answer away.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn practice_on_a_calculation_the_quiz_asks_waits_for_its_correction() {
    let play = spawn_engine("practice_quiz_lock").await;
    let prof = play.teacher("Prof");
    let ana = play.student("Ana");
    play.send(&ana, practice(&["1.2.a", "1.2.b"])).await;
    play.send(
        &prof,
        Command::QuizLaunch {
            scope: Scope::Items(vec!["1.2.a".into()]),
            seconds_per_item: Some(60),
            total_minutes: None,
            speed_bonus: false,
            streak_bonus: false,
        },
    )
    .await;
    play.take_posts(1).await;
    const LOCKED: &str = "Ce calcul est demandé dans le quiz en cours, ou lié à un calcul qu'il demande : tu pourras t'y entraîner après sa correction. En attendant, réponds au quiz !";
    // Answers and hints go to the open quiz question; the worked answer of practice waits.
    let text = private_text(&play.send(&ana, Command::GiveUp).await);
    assert_eq!(text, LOCKED);
    assert_eq!(
        play.count("SELECT COUNT(*) FROM practice_done").await,
        0,
        "nothing recorded"
    );
    // After the correction, practice goes on.
    play.advance_and_tick(61_000).await;
    play.take_posts(1).await;
    let text = private_text(&play.send(&ana, Command::GiveUp).await);
    assert!(
        text.starts_with("Pas de souci : voici la correction"),
        "{text}"
    );
}
