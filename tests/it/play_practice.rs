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

const NO_PRACTICE: &str = "Tu n’as pas de calcul en cours. Lance un entraînement avec /entrainement (par exemple dossier:1), ou attends la prochaine question du quiz.";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn practice_starts_on_a_dossier_or_a_list_and_refuses_unknown_ids() {
    let play = spawn_engine("practice_start").await;
    let alice = play.student("Alice");

    // Unknown question, unknown dossier: a French error, nothing stored.
    let text = private_text(&play.send(&alice, practice(&["9.9"])).await);
    assert_eq!(
        text,
        "Je ne connais pas « 9.9 ». On peut choisir un dossier (1 ou 2), une question (1.1) ou une partie (1.1.a)."
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
        "Il n’y a aucun calcul à poser dans ce choix de questions. Pour une question rédigée : /rediger puis /corrige-type ; pour le post LinkedIn : /brouillon."
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

    // A list of parts replaces the run in progress, and says so.
    let text = private_text(&play.send(&alice, practice(&["1.2.a", "1.2.b"])).await);
    assert_eq!(
        text,
        "Ton entraînement précédent s’arrête ici, au calcul 1/36 : les points qu’il t’a rapportés restent acquis.\n\n\
         🎯 Entraînement lancé : 2 calculs, 0,5 point à gagner. Prends ton temps.\n\n\
         **Calcul 1/2**\n**1.2.a** (0,25 point)\n\
         > Analyser les résultats des actions menées par l'agence de webmarketing avec le réseau social *Facebook* et avec *Google Ads*.\n\
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
        text.contains("\n\n🎯 Entraînement lancé : 10 calculs, 2,5 points à gagner."),
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
        "**1.2.a** (calcul 1/3)\nJe ne trouve pas de nombre dans ta réponse. Écris seulement ta valeur, par exemple « 12,35 % ». Cette réponse ne te coûte rien : réessaie."
    );
    assert_eq!(play.count("SELECT COUNT(*) FROM answers").await, 0);

    // Wrong at attempt 1: nothing earned; a right answer now earns 0,5 × 0,25 = 0,125.
    let text = private_text(&play.send(&alice, answer("17 %")).await);
    assert_eq!(
        text,
        "**1.2.a** (calcul 1/3)\n❌ Ta réponse, 17 %, n’est pas la bonne. Relis la formule et les données, ou demande un indice.\n\
         Tentative 1/3. Réessaie : une bonne réponse rapporte encore 0,125 point. Besoin d’aide ? /indice."
    );

    // The hint offer shows the cost (0,1 × 0,25 = 0,025) and changes nothing.
    let text = private_text(&play.send(&alice, hint(false)).await);
    assert_eq!(
        text,
        "L’indice 1 coûte 0,025 point sur ce calcul. Pour le prendre : /indice confirmer:oui, ou le bouton ci-dessous."
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
        text.starts_with("L’indice 2 coûte 0,05 point sur ce calcul."),
        "{text}"
    );

    // Right at attempt 2: 250 × 0,5 − 25 = 100; the worked answer, then the next part.
    let text = private_text(&play.send(&alice, answer("17,76 %")).await);
    assert!(
        text.starts_with(
            "**1.2.a** (calcul 1/3)\n✅ Juste : **17,76 %**.\nTu gagnes 0,1 point.\n\n**Taux de clic Google Ads** = **17,76 %**\n\
             Formule : Clics Google Ads ÷ Impressions Google Ads × 100\n"
        ),
        "{text}"
    );
    assert!(
        text.ends_with(
            "**Calcul 2/3**\n**1.2.b** (0,25 point)\n> Analyser les résultats des actions menées par l'agence de webmarketing avec le réseau social *Facebook* et avec *Google Ads*.\nCalcule le coût moyen par clic (CPC) de la campagne Google Ads, en €, arrondi à deux décimales. Pense à convertir le montant dépensé, donné en k€."
        ),
        "{text}"
    );
    assert_eq!(play.points("Alice").await, 100);

    // --- 1.2.b (coût par clic, 0,53 €) ----------------------------------------------------
    // Close at attempt 1 earns nothing in practice.
    let text = private_text(&play.send(&alice, answer("0,5 €")).await);
    assert!(text.starts_with("**1.2.b** (calcul 2/3)\n🟡 Presque : ta réponse, 0,5 €, est bien arrondie, mais moins précise que demandé. Donne au moins 2 décimales.\n\
         Tentative 1/3. Réessaie : une bonne réponse rapporte encore 0,125 point."), "{text}");
    // Wrong at attempt 2 (division the wrong way): a right answer now earns 0,25 × 0,25.
    let text = private_text(&play.send(&alice, answer("1,90 €")).await);
    assert!(
        text.starts_with(
            "**1.2.b** (calcul 2/3)\n❌ Ta réponse, 1,90 €, vient d’une division à l’envers."
        ),
        "{text}"
    );
    assert!(
        text.ends_with("Tentative 2/3. Réessaie : une bonne réponse rapporte encore 0,063 point. Besoin d’aide ? /indice."),
        "{text}"
    );
    // Right at attempt 3: 62,5 rounded half away from zero = 63.
    let text = private_text(&play.send(&alice, answer("0,53 €")).await);
    assert!(
        text.starts_with(
            "**1.2.b** (calcul 2/3)\n✅ Juste : **0,53 €**.\nTu gagnes 0,063 point.\n\n"
        ),
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
            "🏁 Entraînement terminé : 2 calculs justes sur 3, 0,163 / 0,75 point. Bien joué : relis les corrections des calculs manqués."
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
            "**1.2.a** (calcul 1/2)\n❌ Ta réponse, 17 %, n’est pas la bonne. Relis la formule et les données, ou demande un indice.\n\
             C’était ta dernière tentative notée. Voici la correction.\n\n**Taux de clic Google Ads** = **17,76 %**\n"
        ),
        "{text}"
    );
    assert!(text.ends_with("**Calcul 2/2**\n**1.2.b** (0,25 point)\n> Analyser les résultats des actions menées par l'agence de webmarketing avec le réseau social *Facebook* et avec *Google Ads*.\nCalcule le coût moyen par clic (CPC) de la campagne Google Ads, en €, arrondi à deux décimales. Pense à convertir le montant dépensé, donné en k€."), "{text}");

    // The hints of 1.2.a do not follow Bob to 1.2.b: a first-try answer earns all 250.
    let text = private_text(&play.send(&bob, answer("0,53 €")).await);
    assert!(
        text.starts_with(
            "**1.2.b** (calcul 2/2)\n✅ Juste : **0,53 €**.\nTu gagnes 0,25 point.\n\n"
        ),
        "{text}"
    );
    assert_eq!(play.points("Bob").await, 250);
    assert_eq!(play.count("SELECT COUNT(*) FROM answers").await, 4);
    // The summary counts the answer that ended the run.
    assert!(
        text.ends_with("🏁 Entraînement terminé : 1 calcul juste sur 2, 0,25 / 0,5 point. Bien joué : relis les corrections des calculs manqués."),
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
        text.starts_with(
            "**1.2.a** (calcul 1/1)\n✅ Juste : **17,76 %**.\nTu gagnes 0,25 point.\n\n"
        ),
        "{text}"
    );
    assert_eq!(play.points("Dan").await, 250);
    assert!(
        text.ends_with("🏁 Entraînement terminé : 1 calcul juste sur 1, 0,25 / 0,25 point. Sans faute, bravo !"),
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
        text.starts_with("**1.2.a** (calcul 1/1)\n✅ Juste : **17,76 %**.\nTu gagnes 0 point.\n\n"),
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
            text.contains("Tu avais déjà travaillé ce calcul à l’entraînement : il ne rapporte plus de points"),
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
            full_time: false,
        },
    )
    .await;
    play.take_posts(1).await;
    const LOCKED: &str = "Ton entraînement attend la fin du quiz de la classe : pendant le quiz, /repondre et /indice vont au quiz. Tu reprendras ensuite là où tu en étais.";
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

/// Issue #10, item 8: a run of parts already worked announces nothing to win and ends without
/// points; « Sans faute » only at the first try without a hint; « Bien joué » never at 0 point.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn practice_messages_tell_what_there_is_to_win_and_how_it_went() {
    let play = spawn_engine("practice_truth").await;
    let eva = play.student("Eva");
    // 1.2.a found at the first try, alone: sans faute.
    play.send(&eva, practice(&["1.2.a"])).await;
    let text = private_text(&play.send(&eva, answer("17,76 %")).await);
    assert!(
        text.ends_with("🏁 Entraînement terminé : 1 calcul juste sur 1, 0,25 / 0,25 point. Sans faute, bravo !"),
        "{text}"
    );
    // 1.2.a is settled: a run of 1.2.a and 1.2.b has only 1.2.b to win, and says so.
    let text = private_text(&play.send(&eva, practice(&["1.2.a", "1.2.b"])).await);
    assert!(
        text.starts_with("🎯 Entraînement lancé : 2 calculs, 0,25 point à gagner (1 calcul déjà travaillé ne rapporte plus de points). Prends ton temps."),
        "{text}"
    );
    play.send(&eva, answer("17,76 %")).await;
    // 1.2.b right at the first try, but after a hint: right, not « sans faute ».
    play.send(&eva, hint(true)).await;
    let text = private_text(&play.send(&eva, answer("0,53 €")).await);
    assert!(
        text.ends_with("🏁 Entraînement terminé : 2 calculs justes sur 2, 0,225 / 0,25 point. Tout est juste, avec des essais ou des indices : refais ces calculs sans aide pour les ancrer."),
        "{text}"
    );
    // Both settled now: nothing to win is announced, and the end says no points were at stake.
    let text = private_text(&play.send(&eva, practice(&["1.2.a", "1.2.b"])).await);
    assert!(
        text.starts_with("🎯 Entraînement lancé : 2 calculs, sans points à gagner : tout y est déjà travaillé. Prends ton temps."),
        "{text}"
    );
    assert!(!text.contains("à gagner."), "{text}");
    play.send(&eva, answer("17 %")).await;
    play.send(&eva, answer("17,76 %")).await;
    let text = private_text(&play.send(&eva, answer("0,53 €")).await);
    assert!(
        text.ends_with("🏁 Entraînement terminé : 2 calculs justes sur 2, sans points en jeu. Tout est juste, avec des essais ou des indices : refais ces calculs sans aide pour les ancrer."),
        "{text}"
    );
    assert!(!text.contains("Bien joué"), "{text}");
    // A run at stake with nothing won: no « Bien joué » either.
    let fred = play.student("Fred");
    play.send(&fred, practice(&["1.2.c"])).await;
    let mut last = String::new();
    for _ in 0..3 {
        last = private_text(&play.send(&fred, answer("1 €")).await);
    }
    assert!(
        last.ends_with("🏁 Entraînement terminé : 0 calcul juste sur 1, 0 / 0,25 point. Relis les corrections, puis recommence : c’est comme ça qu’on progresse."),
        "{last}"
    );
    // Starting over a run says what becomes of the first one.
    play.send(&fred, practice(&["1.2.a", "1.2.b", "1.2.d"]))
        .await;
    play.send(&fred, answer("17,76 %")).await;
    let text = private_text(&play.send(&fred, practice(&["1.3"])).await);
    assert!(
        text.starts_with("Ton entraînement précédent s’arrête ici, au calcul 2/3 : les points qu’il t’a rapportés restent acquis.\n\n🎯 Entraînement lancé : 10 calculs,"),
        "{text}"
    );
    assert_eq!(
        play.points("Fred").await,
        250,
        "the points of the first run stay"
    );
}
