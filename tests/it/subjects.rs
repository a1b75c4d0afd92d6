//! Several subjects: each class plays the subject it chose (`/config cas:`), else the default
//! (`--case`, else the first pack). Two subjects that differ in one figure (see
//! [`TwoSubjects`]): the click rate of 1.2.a is 17,76 % in the bundled one and 14,42 % in the
//! copy, so every answer, calculation and list says which subject it followed.

use crate::helpers::{
    casebot_on, database_before, kpi, place, plain, private_text, set_case, show_config,
    spawn_engine_with, Play, TwoSubjects, BIS,
};
use casebot::play::command::{Audience, Command, Reply, Scope};
use std::sync::Arc;

const BUNDLED: &str = "arbre-cadeau";

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

/// The replies to a change of subject: the teacher's private confirmation (returned), then the
/// class's announcement naming the new subject.
fn changed(replies: &[Reply], to: &str) -> String {
    assert_eq!(replies.len(), 2, "{replies:#?}");
    assert_eq!(replies[0].audience, Audience::Private, "{replies:#?}");
    assert_eq!(replies[1].audience, Audience::Channel, "{replies:#?}");
    assert_eq!(
        plain(&replies[1].text),
        format!("📚 La classe change de sujet : **{to}**. Annexes, questions, /kpi, entraînements et quiz le suivent dès maintenant ; les points déjà gagnés restent acquis.")
    );
    plain(&replies[0].text)
}

async fn engine(test: &str, subjects: &TwoSubjects) -> Play {
    spawn_engine_with(test, Arc::new(subjects.app())).await
}

/// The subject stored for a class (`None`: it chose none).
async fn stored_case(play: &Play, class_key: &str) -> Option<String> {
    let (id,): (Option<String>,) =
        sqlx::query_as("SELECT case_id FROM classes WHERE platform_id = ?")
            .bind(class_key)
            .fetch_one(&play.engine.store().read)
            .await
            .expect("the class is stored");
    id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_classes_play_two_subjects_at_once() {
    let subjects = TwoSubjects::new("two_classes");
    let play = engine("subjects_two_classes", &subjects).await;
    let (a, b) = (play.place.clone(), place("guild-2", "BTS NDRC 2", "quiz"));
    let prof = play.teacher("Prof");
    let (ana, bob) = (play.student("Ana"), play.student("Bob"));

    let saved = changed(
        &play.send_at(&b, &prof, set_case(BIS)).await,
        "Arbre-cadeau bis (session 2022)",
    );
    assert_eq!(
        saved,
        "Réglages enregistrés :\n- sujet : **Arbre-cadeau bis (session 2022)**\n- rôle enseignant : **aucun**\n- salon des quiz : **aucun**"
    );
    assert_eq!(stored_case(&play, "guild-2").await.as_deref(), Some(BIS));

    // The calculation follows the class's subject.
    let in_a = private_text(&play.send_at(&a, &ana, kpi("a3_ctr")).await);
    let in_b = private_text(&play.send_at(&b, &bob, kpi("a3_ctr")).await);
    assert!(in_a.contains("17,76 %"), "{in_a}");
    assert!(!in_a.contains("14,42 %"), "{in_a}");
    assert!(in_b.contains("14,42 %"), "{in_b}");
    assert!(!in_b.contains("17,76 %"), "{in_b}");

    // So do the verdicts: each class's right answer earns the full 0,25 point there.
    play.send_at(&a, &ana, practice(&["1.2.a"])).await;
    play.send_at(&b, &bob, practice(&["1.2.a"])).await;
    let right_a = private_text(&play.send_at(&a, &ana, answer("17,76 %")).await);
    let right_b = private_text(&play.send_at(&b, &bob, answer("14,42 %")).await);
    assert!(right_a.contains("Juste"), "{right_a}");
    assert!(right_b.contains("Juste"), "{right_b}");
    assert_eq!(play.points_in("guild-1", "Ana").await, 250);
    assert_eq!(play.points_in("guild-2", "Bob").await, 250);

    // The list of subjects marks each class's own.
    let list_a = private_text(&play.send_at(&a, &ana, Command::Cases).await);
    let list_b = private_text(&play.send_at(&b, &bob, Command::Cases).await);
    let line = |id: &str, title: &str, session: u16, current: bool| {
        format!(
            "- **{}** (session {session}) · identifiant `{id}` · fourni avec casebot{}",
            title.replace('-', "\\-"),
            if current {
                " · **sujet en cours**"
            } else {
                ""
            }
        )
    };
    assert!(
        list_a.starts_with("**2 sujets disponibles pour la classe**\n"),
        "{list_a}"
    );
    assert!(
        list_a.contains(&line(BUNDLED, "Arbre-cadeau", 2021, true)),
        "{list_a}"
    );
    assert!(
        list_a.contains(&line(BIS, "Arbre-cadeau bis", 2022, false)),
        "{list_a}"
    );
    assert!(
        list_b.contains(&line(BUNDLED, "Arbre-cadeau", 2021, false)),
        "{list_b}"
    );
    assert!(
        list_b.contains(&line(BIS, "Arbre-cadeau bis", 2022, true)),
        "{list_b}"
    );

    // `/config` alone shows the subject among the settings.
    let shown = private_text(&play.send_at(&b, &prof, show_config()).await);
    assert!(
        shown.starts_with(
            "Réglages de la classe :\n- sujet : **Arbre-cadeau bis (session 2022)**\n"
        ),
        "{shown}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_subject_is_refused_and_changes_nothing() {
    let subjects = TwoSubjects::new("unknown");
    let play = engine("subjects_unknown", &subjects).await;
    let prof = play.teacher("Prof");
    for given in ["inconnu", "arbre", ""] {
        let refused = private_text(&play.send(&prof, set_case(given)).await);
        assert_eq!(
            refused,
            format!(
                "Sujet inconnu : « {given} ». Sujets disponibles : arbre-cadeau, arbre-cadeau-bis (la liste complète : /cas liste)."
            )
        );
    }
    assert_eq!(stored_case(&play, "guild-1").await, None);
    // Ids are read as a teacher types them; the title does too.
    let saved = changed(
        &play.send(&prof, set_case("  Arbre-Cadeau-BIS ")).await,
        "Arbre-cadeau bis (session 2022)",
    );
    assert!(saved.contains("Arbre-cadeau bis (session 2022)"), "{saved}");
    let saved = changed(
        &play.send(&prof, set_case("arbre-cadeau")).await,
        "Arbre-cadeau (session 2021)",
    );
    assert!(
        saved.contains("- sujet : **Arbre-cadeau (session 2021)**\n"),
        "{saved}"
    );
    assert_eq!(
        stored_case(&play, "guild-1").await.as_deref(),
        Some(BUNDLED)
    );
    // A student cannot choose the class's subject.
    let student = play.student("Ana");
    let refused = private_text(&play.send(&student, set_case(BIS)).await);
    assert!(refused.contains("enseignant"), "{refused}");
    assert_eq!(
        stored_case(&play, "guild-1").await.as_deref(),
        Some(BUNDLED)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_subject_does_not_change_during_a_quiz() {
    let subjects = TwoSubjects::new("during_quiz");
    let play = engine("subjects_during_quiz", &subjects).await;
    let prof = play.teacher("Prof");
    play.send(&prof, set_case(BIS)).await;
    play.send(
        &prof,
        crate::play_quiz::launch(&["1.2.a"], 60, false, false),
    )
    .await;
    play.outbox.take();
    let refused = private_text(&play.send(&prof, set_case(BUNDLED)).await);
    assert_eq!(
        refused,
        "Un quiz est en cours : vous pourrez changer de sujet une fois le quiz arrêté (/quiz arreter)."
    );
    assert_eq!(stored_case(&play, "guild-1").await.as_deref(), Some(BIS));
    // The quiz asks the class's subject: its right answer is the copy's.
    let ana = play.student("Ana");
    play.send(&ana, answer("14,42 %")).await;
    assert_eq!(play.points("Ana").await, 250);
    // The other settings may change meanwhile, and naming the current subject is no change.
    let saved = private_text(
        &play
            .send(
                &prof,
                Command::Config {
                    teacher_role: Some("profs".into()),
                    quiz_channel: None,
                    case: Some(BIS.into()),
                },
            )
            .await,
    );
    assert!(saved.contains("- rôle enseignant : **profs**"), "{saved}");
    play.send(&prof, Command::QuizStop).await;
    let saved = changed(
        &play.send(&prof, set_case(BUNDLED)).await,
        "Arbre-cadeau (session 2021)",
    );
    assert!(
        saved.contains("- sujet : **Arbre-cadeau (session 2021)**\n"),
        "{saved}"
    );
    // The points keep the subject they were earned on.
    assert_eq!(play.points("Ana").await, 250);
    let (case,): (String,) = sqlx::query_as("SELECT case_id FROM quizzes")
        .fetch_one(&play.engine.store().read)
        .await
        .expect("the quiz");
    assert_eq!(case, BIS);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_subject_survives_a_restart() {
    let subjects = TwoSubjects::new("restart");
    let play = engine("subjects_restart", &subjects).await;
    let prof = play.teacher("Prof");
    play.send(&prof, set_case(BIS)).await;
    let play = play.restart(1_000).await;
    let ana = play.student("Ana");
    let text = private_text(&play.send(&ana, kpi("a3_ctr")).await);
    assert!(text.contains("14,42 %"), "{text}");
    assert_eq!(
        play.engine.class_case("discord", "guild-1").await.meta.id,
        BIS
    );
    // A class that chose nothing plays the default.
    assert_eq!(
        play.engine.class_case("discord", "guild-9").await.meta.id,
        BUNDLED
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_practice_stops_when_the_class_changes_subject() {
    let subjects = TwoSubjects::new("practice");
    let play = engine("subjects_practice", &subjects).await;
    let prof = play.teacher("Prof");
    let ana = play.student("Ana");
    play.send(&prof, set_case(BIS)).await;
    play.send(&ana, practice(&["1.2.a", "1.2.b"])).await;
    play.send(&ana, answer("14,42 %")).await;
    assert_eq!(play.points("Ana").await, 250);
    play.send(&prof, set_case(BUNDLED)).await;
    // Her next answer, hint or solution is told the practice stopped, not judged.
    let stopped = private_text(&play.send(&ana, answer("0,53 €")).await);
    assert_eq!(
        stopped,
        "Ton enseignant a changé le sujet de la classe : c’est maintenant **Arbre-cadeau (session 2021)**. Ton entraînement sur Arbre-cadeau bis (session 2022) s’arrête là, et les points que tu y as gagnés restent acquis. Relance /entrainement pour travailler le nouveau sujet."
    );
    assert_eq!(play.points("Ana").await, 250, "her points stay");
    assert_eq!(
        play.count("SELECT COUNT(*) FROM practices WHERE status = 'active'")
            .await,
        0
    );
    let none = private_text(&play.send(&ana, answer("0,53 €")).await);
    assert!(
        none.starts_with("Tu n’as pas de calcul en cours."),
        "{none}"
    );
    // 1.2.a was worked on the other subject: here it earns its points again (its figure is
    // the bundled subject's; looked up before the practice asks it).
    let text = private_text(&play.send(&ana, kpi("a3_ctr")).await);
    assert!(text.contains("17,76 %"), "{text}");
    play.send(&ana, practice(&["1.2.a"])).await;
    let verdict = private_text(&play.send(&ana, answer("17,76 %")).await);
    assert!(verdict.contains("Juste"), "{verdict}");
    assert!(!verdict.contains("déjà travaillé"), "{verdict}");
    assert_eq!(play.points("Ana").await, 500);
    // The export says which subject each answer was earned on.
    let export = play.send(&prof, Command::Export).await;
    let bytes = &export[0].attachment.as_ref().expect("the CSV").bytes;
    let csv = String::from_utf8_lossy(&bytes[3..]).to_string();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].ends_with(";date_utc;sujet"), "{csv}");
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(lines[1].contains(";14,42 %;juste;"), "{csv}");
    assert!(lines[1].ends_with(";arbre-cadeau-bis"), "{csv}");
    assert!(lines[2].contains(";17,76 %;juste;"), "{csv}");
    assert!(lines[2].ends_with(";arbre-cadeau"), "{csv}");
    // Worked again on the same subject, it trains for free.
    play.send(&ana, practice(&["1.2.a"])).await;
    let again = private_text(&play.send(&ana, answer("17,76 %")).await);
    assert!(again.contains("déjà travaillé"), "{again}");
    assert_eq!(play.points("Ana").await, 500);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_default_subject_is_the_one_case_names() {
    let subjects = TwoSubjects::new("default");
    let mut app = subjects.app();
    assert!(!app.set_default_case("nope"));
    assert_eq!(app.default_case().meta.id, BUNDLED);
    assert!(app.set_default_case(BIS));
    assert_eq!(app.case(None).map(|c| c.meta.id.as_str()), Some(BIS));
    let play = spawn_engine_with("subjects_default", Arc::new(app)).await;
    let ana = play.student("Ana");
    let text = private_text(&play.send(&ana, kpi("a3_ctr")).await);
    assert!(text.contains("14,42 %"), "{text}");
    // A class's own choice wins over the default.
    let prof = play.teacher("Prof");
    play.send(&prof, set_case(BUNDLED)).await;
    let text = private_text(&play.send(&ana, kpi("a3_ctr")).await);
    assert!(text.contains("17,76 %"), "{text}");
}

/// `casebot --cases-dir … --case <id> <command>`: the command runs on that subject; an
/// unknown id is refused with the list.
#[test]
fn the_command_line_honours_case() {
    let subjects = TwoSubjects::new("cli");
    let dir = subjects.cases_dir();
    let run = |args: &[&str]| casebot_on(&dir, args);
    let out = run(&["--case", BIS, "kpi", "a3_ctr"]);
    let text = plain(&String::from_utf8_lossy(&out.stdout));
    assert!(out.status.success(), "{text}");
    assert!(text.contains("14,42 %"), "{text}");
    let out = run(&["--case", " Arbre-cadeau BIS ", "kpi", "a3_ctr"]);
    let text = plain(&String::from_utf8_lossy(&out.stdout));
    assert!(text.contains("14,42 %"), "{text}");
    let out = run(&["kpi", "a3_ctr"]);
    let text = plain(&String::from_utf8_lossy(&out.stdout));
    assert!(text.contains("17,76 %"), "{text}");
    let out = run(&["--case", "nope", "kpi", "a3_ctr"]);
    let text = plain(&String::from_utf8_lossy(&out.stdout));
    assert!(!out.status.success());
    assert_eq!(
        text.trim(),
        "Erreur : sujet inconnu « nope » (--case). Sujets installés : arbre-cadeau, arbre-cadeau-bis."
    );
}

/// Two packs with one id cannot be told apart by a class: the start-up (and `validate`) refuse
/// them, naming both folders and the fix.
#[test]
fn two_packs_with_one_id_are_refused() {
    let subjects = TwoSubjects::new("same_id");
    subjects.replace(
        &format!("config/cases/{BIS}/case.toml"),
        &format!("id = \"{BIS}\""),
        "id = \"arbre-cadeau\"",
    );
    let dir = subjects.cases_dir();
    let out = casebot_on(&dir, &["validate"]);
    assert!(!out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        text.trim(),
        format!(
            "Erreur : deux cas portent l’identifiant « arbre-cadeau » : {} et {}. Chaque sujet a son propre id dans son case.toml : changez celui de l’un des deux (par exemple id = \"arbre-cadeau-2\"), puis vérifiez avec : casebot validate",
            dir.join(BUNDLED).display(),
            dir.join(BIS).display()
        )
    );
}

/// A database written before parts were counted per subject keeps every finished part, under
/// the subject of the practice it was finished in.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_migration_gives_each_finished_part_its_subject() {
    use casebot::store::Store;
    let dir = crate::helpers::TempDir::new("subjects-migration");
    let db = dir.path.join("casebot.db");
    let mut conn = database_before(&dir.path, &db, "0007").await;
    let script = "
        INSERT INTO classes (id, platform, platform_id, name, created_at) VALUES (1, 'console', 'c', 'C', 0);
        INSERT INTO members (id, class_id, platform_user, display_name, created_at) VALUES (1, 1, 'u1', 'Ana', 0);
        INSERT INTO practices (id, class_id, member_id, case_id, parts, current, status, started_at)
            VALUES (3, 1, 1, 'arbre-cadeau-bis', '[\"1.2.a\"]', 1, 'done', 0),
                   (4, 1, 1, 'arbre-cadeau', '[\"1.2.b\"]', 1, 'done', 0);
        INSERT INTO practice_done (member_id, part_id, practice_id, how, done_at)
            VALUES (1, '1.2.a', 3, 'correct', 0), (1, '1.2.b', 4, 'solution', 0);
    ";
    if let Err(e) = sqlx::raw_sql(sqlx::AssertSqlSafe(script))
        .execute(&mut conn)
        .await
    {
        panic!("old rows: {e}");
    }
    drop(conn);
    let store = Store::open(&db).await.expect("migrated to the last one");
    let rows: Vec<(String, String, i64, String)> = sqlx::query_as(
        "SELECT case_id, part_id, practice_id, how FROM practice_done ORDER BY part_id",
    )
    .fetch_all(&store.read)
    .await
    .expect("the finished parts");
    assert_eq!(
        rows,
        vec![
            (
                BIS.to_string(),
                "1.2.a".to_string(),
                3,
                "correct".to_string()
            ),
            (
                BUNDLED.to_string(),
                "1.2.b".to_string(),
                4,
                "solution".to_string()
            ),
        ]
    );
    // The same part may now be finished once per subject.
    sqlx::query(
        "INSERT INTO practice_done (member_id, case_id, part_id, practice_id, how, done_at)
         VALUES (1, 'arbre-cadeau', '1.2.a', 4, 'correct', 1)",
    )
    .execute(&store.write)
    .await
    .expect("1.2.a on the other subject");
}

/// `validate` points out, without refusing the pack, a text nothing reads (a typo in its id)
/// and a texts folder two packs share; the bundled pack has neither.
#[test]
fn validate_warns_about_unused_and_shared_texts() {
    assert_eq!(
        crate::helpers::case().unused_texts(),
        Vec::<String>::new(),
        "the bundled pack reads every text it has"
    );
    let subjects = TwoSubjects::new("warnings");
    subjects.replace(
        &format!("config/cases/{BIS}/case.toml"),
        &format!("prompts/cases/{BIS}\""),
        "prompts/cases/arbre-cadeau\"",
    );
    let texts = subjects
        .dir
        .path
        .join("prompts/cases/arbre-cadeau/typo.toml");
    std::fs::write(
        &texts,
        "[question.\"1.1\"]\nmodele = \"Une faute de frappe.\"\n",
    )
    .expect("write a text");
    let dir = subjects.cases_dir();
    let out = casebot_on(&dir, &["validate"]);
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(out.status.success(), "{text}");
    let folder = subjects
        .dir
        .path
        .join("config/cases/arbre-cadeau/../../../prompts/cases/arbre-cadeau");
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("OK : cas « arbre-cadeau » – 9 annexes, "),
        "{text}"
    );
    assert_eq!(
        lines[1],
        format!(
            "Attention : cas « arbre-cadeau » : le texte « question.1.1.modele » ({}) n’est lu par aucune annexe, question, calcul ou grille du cas. Son identifiant a-t-il une faute de frappe ? Sinon, supprimez-le.",
            folder.join("typo.toml").display()
        )
    );
    assert!(
        lines[2].starts_with("Attention : les cas « arbre-cadeau » et « arbre-cadeau-bis » lisent le même dossier de textes ("),
        "{text}"
    );
    assert!(
        lines[3].starts_with("OK : cas « arbre-cadeau-bis » – "),
        "{text}"
    );
}
