//! Subjects teachers import (`/cas importer`): a zip of the pack and its texts, or its TOML
//! files, validated whole, installed for the class alone, stored in the database (so a restart
//! keeps them), updated by a second import, removed (`/cas retirer`, `/effacer-classe`), and
//! published to every class by the operator (`casebot cas publier`). Hostile uploads are
//! refused with a French reason, and nothing is written.
//!
//! The subject imported is a copy of the bundled one with the id `mon-cas` whose Google Ads
//! clicks are 3 000: its 1.2.a is 14,42 % (17,76 % in the bundled one), so every answer says
//! which subject it followed.

use crate::helpers::{
    kpi, place, plain, private_text, root, set_case, show_config, spawn_engine, Play,
};
use casebot::play::command::{Actor, Command, Scope, Upload};
use std::io::Write;

const MINE: &str = "mon-cas";

/// The files of the bundled pack (`cas/…`) and its texts (`textes/…`), as a teacher would zip
/// them, renamed `mon-cas` (session 2023) with 3 000 clicks.
pub(crate) fn pack_files() -> Vec<(String, String)> {
    let mut files = Vec::new();
    for (from, to) in [
        ("config/cases/arbre-cadeau", "cas"),
        ("prompts/cases/arbre-cadeau", "textes"),
    ] {
        let mut names: Vec<_> = std::fs::read_dir(root().join(from))
            .expect("the bundled pack")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().to_string())
            .filter(|n| n.ends_with(".toml"))
            .collect();
        names.sort();
        for name in names {
            let text = std::fs::read_to_string(root().join(from).join(&name)).expect("a file");
            files.push((format!("{to}/{name}"), text));
        }
    }
    edit(
        &mut files,
        "cas/case.toml",
        "id = \"arbre-cadeau\"",
        "id = \"mon-cas\"",
    );
    edit(
        &mut files,
        "cas/case.toml",
        "title = \"Arbre-cadeau\"",
        "title = \"Mon cas\"",
    );
    edit(
        &mut files,
        "cas/case.toml",
        "session = 2021",
        "session = 2023",
    );
    edit(
        &mut files,
        "cas/case.toml",
        "prompts = \"../../../prompts/cases/arbre-cadeau\"",
        "prompts = \"../textes\"",
    );
    edit(
        &mut files,
        "cas/annexes.toml",
        "value = \"3695\"",
        "value = \"3000\"",
    );
    files
}

fn edit(files: &mut [(String, String)], path: &str, from: &str, to: &str) {
    let file = files
        .iter_mut()
        .find(|(p, _)| p == path)
        .unwrap_or_else(|| panic!("no {path}"));
    assert_eq!(file.1.matches(from).count(), 1, "{from} in {path}");
    file.1 = file.1.replacen(from, to, 1);
}

pub(crate) fn zip_of(files: &[(String, String)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (path, text) in files {
        zip.start_file(path.as_str(), options).expect("zip entry");
        zip.write_all(text.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip").into_inner()
}

fn import(name: &str, bytes: Vec<u8>) -> Command {
    Command::CaseImport {
        files: vec![Upload {
            name: name.into(),
            bytes,
        }],
    }
}

/// An engine whose class imported `mon-cas` and plays it; its teacher and a student.
async fn playing_mine(test: &str) -> (Play, Actor, Actor) {
    let play = spawn_engine(test).await;
    let (prof, ana) = (play.teacher("Prof"), play.student("Ana"));
    let done = plain(&private_text(
        &play
            .send(&prof, import("mon-cas.zip", zip_of(&pack_files())))
            .await,
    ));
    assert!(done.starts_with("✅"), "{done}");
    play.send(&prof, set_case(MINE)).await;
    (play, prof, ana)
}

async fn subjects_stored(play: &Play) -> i64 {
    play.count("SELECT COUNT(*) FROM subjects").await
}

/// A reply as Discord shows it: the backslashes that escape Markdown dropped.
fn unescaped(text: &str) -> String {
    plain(text).replace('\\', "")
}

/// The refusal of an upload: one private message, nothing stored.
async fn refused(play: &Play, command: Command) -> String {
    let prof = play.teacher("Prof");
    let text = unescaped(&private_text(&play.send(&prof, command).await));
    assert_eq!(subjects_stored(play).await, 0, "{text}");
    let listed = plain(&private_text(&play.send(&prof, Command::Cases).await));
    assert!(!listed.contains(MINE), "{listed}");
    text
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_teacher_imports_a_zip_and_only_her_class_plays_it() {
    let play = spawn_engine("import_zip").await;
    let other = place("guild-2", "BTS NDRC 2", "quiz");
    let prof = play.teacher("Prof");
    let ana = play.student("Ana");

    let done = plain(&private_text(
        &play
            .send(&prof, import("mon-cas.zip", zip_of(&pack_files())))
            .await,
    ));
    assert_eq!(
        done,
        "✅ Sujet **Mon cas (session 2023)** installé pour cette classe (identifiant `mon-cas`) : 9 annexes, 8 questions, 44 calculs. Les autres classes ne le voient pas. Pour le jouer : /config cas:mon-cas"
    );
    let listed = plain(&private_text(&play.send(&prof, Command::Cases).await));
    assert!(
        listed.contains("- **Mon cas** (session 2023) · identifiant `mon-cas` · importé par Prof pour cette classe"),
        "{listed}"
    );
    play.send(&prof, set_case(MINE)).await;
    let shown = plain(&private_text(&play.send(&ana, kpi("1.2.a")).await));
    assert!(shown.contains("= **14,42 %**"), "{shown}");
    // Its charts came with it (charts.toml).
    let annex = play.send(&ana, Command::Annex { number: 3 }).await;
    assert!(
        annex.iter().any(|r| r
            .attachment
            .as_ref()
            .is_some_and(|a| a.name.ends_with(".png"))),
        "{annex:#?}"
    );

    // The other class sees neither the subject nor its figures, and cannot choose it.
    let theirs = plain(&private_text(
        &play.send_at(&other, &prof, Command::Cases).await,
    ));
    assert!(!theirs.contains(MINE), "{theirs}");
    let chosen = unescaped(&private_text(
        &play.send_at(&other, &prof, set_case(MINE)).await,
    ));
    assert!(
        chosen.starts_with("Sujet inconnu : « mon-cas »"),
        "{chosen}"
    );
    let bundled = plain(&private_text(
        &play.send_at(&other, &ana, kpi("1.2.a")).await,
    ));
    assert!(bundled.contains("= **17,76 %**"), "{bundled}");

    // A restart loads it again from the database; the class still plays it.
    let play = play.restart(1_000).await;
    let shown = plain(&private_text(&play.send(&ana, kpi("1.2.a")).await));
    assert!(shown.contains("= **14,42 %**"), "{shown}");
}

/// The zip a teacher makes from the project folder, `prompts` left as the skeleton writes it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_zip_of_the_project_layout_imports_as_it_is() {
    let play = spawn_engine("import_layout").await;
    let prof = play.teacher("Prof");
    let mut files: Vec<(String, String)> = pack_files()
        .into_iter()
        .map(|(path, text)| match path.split_once('/') {
            Some(("cas", name)) => (format!("config/cases/mon-cas/{name}"), text),
            Some((_, name)) => (format!("prompts/cases/mon-cas/{name}"), text),
            None => (path, text),
        })
        .collect();
    edit(
        &mut files,
        "config/cases/mon-cas/case.toml",
        "prompts = \"../textes\"",
        "prompts = \"../../../prompts/cases/mon-cas\"",
    );
    files.push(("config/cases/mon-cas/LISEZMOI.md".into(), "notes".into()));
    files.push(("__MACOSX/config/._case.toml".into(), "junk".into()));
    let done = plain(&private_text(
        &play
            .send(&prof, import("mon-cas.zip", zip_of(&files)))
            .await,
    ));
    assert!(
        done.starts_with("✅ Sujet **Mon cas (session 2023)** installé"),
        "{done}"
    );
    assert!(
        done.ends_with("Fichiers ignorés (ce ne sont pas des fichiers .toml) : config/cases/mon\\-cas/LISEZMOI.md."),
        "{done}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_toml_files_themselves_import_too() {
    let play = spawn_engine("import_loose").await;
    let prof = play.teacher("Prof");
    // The pack's files by their names, and every text in one file (Discord takes ten files).
    let mut files: Vec<Upload> = Vec::new();
    let mut texts = String::new();
    for (path, text) in pack_files() {
        match path.split_once('/') {
            Some(("cas", name)) => files.push(Upload {
                name: name.to_string(),
                bytes: text.into_bytes(),
            }),
            _ => {
                texts.push_str(&text);
                texts.push('\n');
            }
        }
    }
    files.push(Upload {
        name: "textes.toml".into(),
        bytes: texts.into_bytes(),
    });
    assert!(files.len() <= 10, "{}", files.len());
    let done = plain(&private_text(
        &play.send(&prof, Command::CaseImport { files }).await,
    ));
    assert!(
        done.starts_with("✅ Sujet **Mon cas (session 2023)** installé"),
        "{done}"
    );
    play.send(&prof, set_case(MINE)).await;
    let shown = plain(&private_text(&play.send(&prof, kpi("1.2.a")).await));
    assert!(shown.contains("= **14,42 %**"), "{shown}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_import_updates_the_subject_and_keeps_the_results() {
    let (play, prof, ana) = playing_mine("import_update").await;
    play.send(
        &ana,
        Command::Practice {
            scope: Scope::Items(vec!["1.2.a".into()]),
        },
    )
    .await;
    let judged = plain(&private_text(
        &play
            .send(
                &ana,
                Command::Answer {
                    text: "14,42 %".into(),
                    item: None,
                },
            )
            .await,
    ));
    assert!(judged.contains("Juste"), "{judged}");
    let before = play.points("Ana").await;
    assert!(before > 0);

    // The teacher corrects a figure (4 000 clicks) and sends the subject again.
    let mut files = pack_files();
    edit(
        &mut files,
        "cas/annexes.toml",
        "value = \"3000\"",
        "value = \"4000\"",
    );
    let done = plain(&private_text(
        &play
            .send(&prof, import("mon-cas.zip", zip_of(&files)))
            .await,
    ));
    assert!(
        done.starts_with("✅ Sujet **Mon cas (session 2023)** mis à jour (version 2) : 9 annexes, 8 questions, 44 calculs."),
        "{done}"
    );
    assert!(done.contains("La classe joue ce sujet"), "{done}");
    assert_eq!(subjects_stored(&play).await, 1);
    // The answer keeps its verdict and points; the new figures hold from now on.
    assert_eq!(play.points("Ana").await, before);
    let answers = play.answers_of("Ana").await;
    assert_eq!(answers.len(), 1, "{answers:?}");
    assert_eq!(answers[0].2, "correct", "{answers:?}");
    let shown = plain(&private_text(&play.send(&ana, kpi("1.2.a")).await));
    assert!(shown.contains("= **19,22 %**"), "{shown}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_subject_is_removed_by_its_class_only_and_goes_with_an_erased_class() {
    let play = spawn_engine("import_remove").await;
    let prof = play.teacher("Prof");
    let ana = play.student("Ana");
    let remove = |case: &str| Command::CaseRemove { case: case.into() };

    let none = plain(&private_text(&play.send(&prof, remove(MINE)).await));
    assert!(
        none.starts_with("La classe n’a importé aucun sujet"),
        "{none}"
    );
    play.send(&prof, import("mon-cas.zip", zip_of(&pack_files())))
        .await;
    play.send(&prof, set_case(MINE)).await;

    let student = plain(&private_text(&play.send(&ana, remove(MINE)).await));
    assert!(student.contains("enseignant"), "{student}");
    let bundled = plain(&private_text(
        &play.send(&prof, remove("arbre-cadeau")).await,
    ));
    assert!(
        bundled.contains("n’a pas été importé par cette classe"),
        "{bundled}"
    );
    let unknown = plain(&private_text(&play.send(&prof, remove("autre")).await));
    assert_eq!(
        unknown,
        "Aucun sujet importé par la classe ne s’appelle « autre ». Sujets importés : mon-cas."
    );

    // Refused while a quiz runs on it.
    play.send(
        &prof,
        Command::QuizLaunch {
            scope: Scope::Items(vec!["1.2.a".into()]),
            seconds_per_item: None,
            total_minutes: None,
            speed_bonus: false,
            streak_bonus: false,
            full_time: false,
        },
    )
    .await;
    let busy = plain(&private_text(&play.send(&prof, remove(MINE)).await));
    assert!(
        busy.starts_with("Un quiz de la classe se joue sur ce sujet"),
        "{busy}"
    );
    let again = plain(&private_text(
        &play
            .send(&prof, import("mon-cas.zip", zip_of(&pack_files())))
            .await,
    ));
    assert!(
        again.starts_with("Un quiz de la classe se joue sur ce sujet"),
        "{again}"
    );
    play.send(&prof, Command::QuizStop).await;

    let replies = play.send(&prof, remove("Mon cas")).await;
    let done = plain(&replies[0].text);
    assert_eq!(
        done,
        "Sujet **Mon cas (session 2023)** retiré de la classe. Les résultats obtenus dessus restent dans les classements et l’export. La classe jouait ce sujet : elle revient à **Arbre-cadeau (session 2021)**."
    );
    assert!(plain(&replies[1].text).starts_with("📚 La classe change de sujet : **Arbre-cadeau"));
    assert_eq!(subjects_stored(&play).await, 0);
    let shown = plain(&private_text(&play.send(&ana, kpi("1.2.a")).await));
    assert!(shown.contains("= **17,76 %**"), "{shown}");

    // An erased class takes its subjects with it.
    play.send(&prof, import("mon-cas.zip", zip_of(&pack_files())))
        .await;
    assert_eq!(subjects_stored(&play).await, 1);
    play.send(&prof, Command::EraseClass { confirm: true })
        .await;
    assert_eq!(subjects_stored(&play).await, 0);
    let listed = plain(&private_text(&play.send(&prof, Command::Cases).await));
    assert!(!listed.contains(MINE), "{listed}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_student_cannot_import() {
    let play = spawn_engine("import_student").await;
    let ana = play.student("Ana");
    let text = plain(&private_text(
        &play
            .send(&ana, import("mon-cas.zip", zip_of(&pack_files())))
            .await,
    ));
    assert!(text.contains("enseignant"), "{text}");
    assert_eq!(subjects_stored(&play).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invalid_subject_lists_every_problem_with_its_file_and_key() {
    let play = spawn_engine("import_invalid").await;
    let mut files = pack_files();
    edit(
        &mut files,
        "cas/kpis.toml",
        "evolution = { from = \"a2_users_2019\", to = \"a2_users_2020\" }",
        "evolution = { from = \"a2_utilisateurs_2019\", to = \"a2_users_2020\" }",
    );
    let text = refused(&play, import("mon-cas.zip", zip_of(&files))).await;
    assert!(text.starts_with("Le sujet envoyé a "), "{text}");
    assert!(text.contains("rien n’a été installé"), "{text}");
    assert!(text.contains("cas/kpis.toml : kpis."), "{text}");
    assert!(text.ends_with("Corrigez puis renvoyez le sujet (chaque problème donne le fichier, l’endroit et la correction)."), "{text}");

    // A texts folder outside the archive is refused, not read from the bot's disk.
    let mut files = pack_files();
    edit(
        &mut files,
        "cas/case.toml",
        "prompts = \"../textes\"",
        "prompts = \"../../../prompts/cases/arbre-cadeau\"",
    );
    let text = refused(&play, import("mon-cas.zip", zip_of(&files))).await;
    assert!(
        text.starts_with("Le sujet envoyé a 1 problème à corriger ; rien n’a été installé.\n- cas/case.toml : prompts : le dossier des textes (prompts = \"../../../prompts/cases/arbre-cadeau\") n’est pas dans l’archive : l’archive doit contenir le dossier du cas et son dossier de textes, par exemple faite depuis le dossier du projet avec : zip -r mon-cas.zip config/cases/mon-cas prompts/cases/mon-cas"),
        "{text}"
    );

    // The texts folder left out of the archive: said once, with the command that makes it.
    let files: Vec<(String, String)> = pack_files()
        .into_iter()
        .filter(|(p, _)| p.starts_with("cas/"))
        .collect();
    let text = refused(&play, import("mon-cas.zip", zip_of(&files))).await;
    assert_eq!(
        text.lines().nth(1).unwrap_or(""),
        "- cas/case.toml : prompts : le dossier des textes textes (prompts = \"../textes\") n’est pas dans l’archive : ajoutez-le (depuis le dossier du projet : zip -r mon-cas.zip config/cases/mon-cas prompts/cases/mon-cas)",
        "{text}"
    );
    assert!(text.starts_with("Le sujet envoyé a 1 problème"), "{text}");

    // The pack's files sent loose without their texts.
    let files: Vec<Upload> = pack_files()
        .into_iter()
        .filter_map(|(p, t)| {
            p.strip_prefix("cas/").map(|name| Upload {
                name: name.to_string(),
                bytes: t.into_bytes(),
            })
        })
        .collect();
    let text = refused(&play, Command::CaseImport { files }).await;
    assert!(
        text.starts_with("Sujet refusé, rien n’a été installé : les textes du sujet manquent"),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_id_another_subject_has_is_refused() {
    let play = spawn_engine("import_collide").await;
    let mut files = pack_files();
    edit(
        &mut files,
        "cas/case.toml",
        "id = \"mon-cas\"",
        "id = \"arbre-cadeau\"",
    );
    let text = refused(&play, import("mon-cas.zip", zip_of(&files))).await;
    assert_eq!(
        text,
        "Le sujet envoyé a l’identifiant `arbre-cadeau`, déjà pris par **Arbre-cadeau (session 2021)**. Donnez-lui un autre identifiant dans case.toml (par exemple id = \"arbre-cadeau-2\"), puis renvoyez-le."
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_title_another_subject_has_is_refused() {
    let play = spawn_engine("import_title").await;
    let mut files = pack_files();
    edit(
        &mut files,
        "cas/case.toml",
        "title = \"Mon cas\"",
        "title = \"arbre cadeau \"",
    );
    let text = refused(&play, import("mon-cas.zip", zip_of(&files))).await;
    assert!(
        text.starts_with("Le sujet envoyé s’appelle « arbre cadeau », comme le sujet `arbre-cadeau` de la classe"),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_uploads_are_refused_and_nothing_is_written() {
    let play = spawn_engine("import_hostile").await;
    let limits = casebot::pack::upload::Limits::default();
    let starts = |text: &str, with: &str| {
        assert!(
            text.starts_with(&format!("Sujet refusé, rien n’a été installé : {with}")),
            "{text}"
        )
    };

    // Too large an attachment.
    let text = refused(
        &play,
        import("gros.zip", vec![b'P'; limits.max_upload_bytes + 1]),
    )
    .await;
    starts(
        &text,
        "le fichier « gros.zip » fait 2 Mo : un sujet envoyé fait au plus 2 Mo",
    );

    // A zip bomb: 50 MB of zeros in a 50 kB archive (read up to the bound, not as claimed).
    let mut files = pack_files();
    files.push(("cas/bombe.toml".into(), "\0".repeat(50_000_000)));
    let bomb = zip_of(&files);
    assert!(bomb.len() < limits.max_upload_bytes, "{}", bomb.len());
    let text = refused(&play, import("bombe.zip", bomb)).await;
    starts(
        &text,
        "« cas/bombe.toml » fait plus de 500 ko une fois décompressé",
    );

    // Many small files whose sum is too large.
    let mut files = pack_files();
    for i in 0..20 {
        files.push((
            format!("cas/extra{i}.toml"),
            format!("# {}", "x".repeat(400_000)),
        ));
    }
    let text = refused(&play, import("gros.zip", zip_of(&files))).await;
    starts(&text, "l’archive fait plus de 4 Mo une fois décompressée");

    // Too many files.
    let mut files = pack_files();
    for i in 0..100 {
        files.push((format!("cas/f{i}.toml"), String::new()));
    }
    let text = refused(&play, import("beaucoup.zip", zip_of(&files))).await;
    starts(&text, "trop de fichiers");

    // Paths leaving the archive.
    for evil in ["../evil.toml", "cas/../../evil.toml", "/etc/evil.toml"] {
        let mut files = pack_files();
        files.push((evil.into(), "x = 1".into()));
        let text = refused(&play, import("evil.zip", zip_of(&files))).await;
        starts(&text, "« ");
        assert!(
            text.contains("sort du dossier de l’archive"),
            "{evil}: {text}"
        );
    }

    // A symbolic link.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (path, text) in pack_files() {
        zip.start_file(path.as_str(), options).expect("entry");
        zip.write_all(text.as_bytes()).expect("write");
    }
    zip.add_symlink("textes/lien.toml", "/etc/passwd", options)
        .expect("symlink");
    let linked = zip.finish().expect("zip").into_inner();
    let text = refused(&play, import("lien.zip", linked)).await;
    starts(&text, "« textes/lien.toml » est un lien symbolique");

    // Folders too deep.
    let mut files = pack_files();
    files.push(("a/b/c/d/e/f/g/h.toml".into(), "x = 1".into()));
    let text = refused(&play, import("profond.zip", zip_of(&files))).await;
    starts(&text, "« a/b/c/d/e/f/g/h.toml » est rangé trop profond");

    // TOML nested deep enough to exhaust a parser's stack.
    let mut files = pack_files();
    files.push((
        "textes/nid.toml".into(),
        format!("x = {}{}", "[".repeat(5000), "]".repeat(5000)),
    ));
    let text = refused(&play, import("nid.zip", zip_of(&files))).await;
    starts(&text, "« textes/nid.toml » imbrique plus de 16 tableaux");

    // Not UTF-8.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (path, text) in pack_files() {
        zip.start_file(path.as_str(), options).expect("entry");
        zip.write_all(text.as_bytes()).expect("write");
    }
    zip.start_file("textes/latin1.toml", options)
        .expect("entry");
    zip.write_all(b"x = \"\xe9t\xe9\"").expect("write");
    let text = refused(
        &play,
        import("latin.zip", zip.finish().expect("zip").into_inner()),
    )
    .await;
    starts(&text, "« textes/latin1.toml » n’est pas un texte UTF-8");

    // Not an archive, a broken archive, two subjects in one, no subject.
    let text = refused(&play, import("sujet.pdf", b"%PDF-1.4".to_vec())).await;
    starts(
        &text,
        "« sujet.pdf » n’est ni une archive .zip ni un fichier .toml",
    );
    let mut broken = zip_of(&pack_files());
    broken.truncate(broken.len() / 2);
    let text = refused(&play, import("abime.zip", broken)).await;
    starts(&text, "l’archive « abime.zip » ne peut pas être lue");
    let mut files = pack_files();
    files.extend(
        pack_files()
            .into_iter()
            .filter(|(p, _)| p.starts_with("cas/"))
            .map(|(p, t)| (p.replacen("cas/", "cas2/", 1), t)),
    );
    let text = refused(&play, import("deux.zip", zip_of(&files))).await;
    starts(
        &text,
        "plusieurs sujets dans l’archive (cas/case.toml, cas2/case.toml)",
    );
    let files: Vec<(String, String)> = pack_files()
        .into_iter()
        .filter(|(p, _)| p.starts_with("textes/"))
        .collect();
    let text = refused(&play, import("textes.zip", zip_of(&files))).await;
    assert!(
        text.contains("un sujet est un dossier qui contient case.toml"),
        "{text}"
    );
}

/// `casebot cas publier` on the database of a bot: the subject a class imported becomes every
/// class's once the bot starts again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_operator_publishes_a_subject_to_every_class() {
    let play = spawn_engine("import_publish").await;
    let other = place("guild-2", "BTS NDRC 2", "quiz");
    let prof = play.teacher("Prof");
    play.send(&prof, import("mon-cas.zip", zip_of(&pack_files())))
        .await;
    play.engine.flush().await.expect("flush");
    let db = play.db.clone();
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_casebot"))
            .current_dir(root())
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()
            .expect("casebot runs");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).to_string(),
        )
    };
    let (code, listed) = run(&["cas", "liste"]);
    assert_eq!(code, Some(0), "{listed}");
    assert!(
        listed.contains("- mon-cas : Mon cas (session 2023) · classe « BTS NDRC 1 » (guild-1) · importé par Prof · version 1"),
        "{listed}"
    );
    let (code, unknown) = run(&["cas", "publier", "autre"]);
    assert_eq!(code, Some(2), "{unknown}");
    let (code, done) = run(&["cas", "publier", MINE]);
    assert_eq!(code, Some(0), "{done}");
    assert!(done.starts_with("Le sujet « mon-cas » (Mon cas), importé par la classe « BTS NDRC 1 » (guild-1), est publié pour toutes les classes."), "{done}");

    let play = play.restart(1_000).await;
    let theirs = plain(&private_text(
        &play.send_at(&other, &prof, Command::Cases).await,
    ));
    assert!(
        theirs.contains("- **Mon cas** (session 2023) · identifiant `mon-cas` · publié pour toutes les classes (importé par Prof)"),
        "{theirs}"
    );
    play.send_at(&other, &prof, set_case(MINE)).await;
    let shown = plain(&private_text(
        &play.send_at(&other, &prof, kpi("1.2.a")).await,
    ));
    assert!(shown.contains("= **14,42 %**"), "{shown}");
    // Published, it is no class's to remove or update: the operator gives it back first.
    let text = unescaped(&private_text(
        &play
            .send(&prof, Command::CaseRemove { case: MINE.into() })
            .await,
    ));
    assert!(
        text.ends_with("est publié pour toutes les classes : seul l’exploitant du bot peut le retirer (casebot cas retirer mon-cas)."),
        "{text}"
    );
    let text = unescaped(&private_text(
        &play
            .send(&prof, import("mon-cas.zip", zip_of(&pack_files())))
            .await,
    ));
    assert!(text.contains("casebot cas depublier mon-cas"), "{text}");

    play.engine.flush().await.expect("flush");
    let (code, done) = run(&["cas", "depublier", MINE]);
    assert_eq!(code, Some(0), "{done}");
    assert!(
        done.starts_with("Le sujet « mon-cas » n’est plus publié : il est rendu à la classe « BTS NDRC 1 » (guild-1)"),
        "{done}"
    );
    let play = play.restart(1_000).await;
    let theirs = plain(&private_text(
        &play.send_at(&other, &prof, Command::Cases).await,
    ));
    assert!(!theirs.contains(MINE), "{theirs}");
    // The other class had chosen it: back to the default.
    let shown = plain(&private_text(
        &play.send_at(&other, &prof, kpi("1.2.a")).await,
    ));
    assert!(shown.contains("= **17,76 %**"), "{shown}");
    // Its own class can correct it again, then the operator removes it.
    let text = plain(&private_text(
        &play
            .send(&prof, import("mon-cas.zip", zip_of(&pack_files())))
            .await,
    ));
    assert!(
        text.contains("déjà installé tel quel (version 1)"),
        "{text}"
    );
    // The same files zipped from another folder are the same subject.
    let moved: Vec<(String, String)> = pack_files()
        .into_iter()
        .map(|(p, t)| (format!("envoi/{p}"), t))
        .collect();
    let text = plain(&private_text(
        &play
            .send(&prof, import("mon-cas.zip", zip_of(&moved)))
            .await,
    ));
    assert!(
        text.contains("déjà installé tel quel (version 1)"),
        "{text}"
    );
    let mut files = pack_files();
    edit(
        &mut files,
        "cas/annexes.toml",
        "value = \"3000\"",
        "value = \"4000\"",
    );
    let text = plain(&private_text(
        &play
            .send(&prof, import("mon-cas.zip", zip_of(&files)))
            .await,
    ));
    assert!(text.contains("mis à jour (version 2)"), "{text}");
    play.engine.flush().await.expect("flush");
    let (code, done) = run(&["cas", "retirer", MINE]);
    assert_eq!(code, Some(0), "{done}");
    assert!(
        done.starts_with("Le sujet « mon-cas » (classe « BTS NDRC 1 » (guild-1)) est retiré"),
        "{done}"
    );
    let (_, listed) = run(&["cas", "liste"]);
    assert!(listed.starts_with("Aucun sujet importé"), "{listed}");
}

/// A stored subject that no longer loads (here, its files damaged in the database) is left out
/// at the next start, and `/config` says the class's choice is gone rather than hiding it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stored_subject_that_no_longer_loads_is_left_out_and_said() {
    let (play, prof, _) = playing_mine("import_gone").await;
    play.engine.flush().await.expect("flush");
    let db = play.db.clone();
    let play = play
        .restart_with(move || {
            // Its own runtime, on its own thread: the test's runtime is busy waiting for it.
            std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("runtime");
                rt.block_on(async {
                    let store = casebot::store::Store::open(&db).await.expect("store");
                    sqlx::query("UPDATE subjects SET files = replace(files, 'kpis', 'kpiz')")
                        .execute(&store.write)
                        .await
                        .expect("damage");
                    store.checkpoint().await.expect("checkpoint");
                });
            })
            .join()
            .expect("the damage is done");
        })
        .await;
    let shown = unescaped(&private_text(&play.send(&prof, show_config()).await));
    assert!(
        shown.contains("- sujet : **Arbre-cadeau (session 2021) (par défaut : le sujet choisi, `mon-cas`, n’est plus installé ; choisissez-en un avec /config cas:…)**"),
        "{shown}"
    );
    let shown = plain(&private_text(&play.send(&prof, kpi("1.2.a")).await));
    assert!(shown.contains("= **17,76 %**"), "{shown}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_class_keeps_at_most_ten_subjects_of_its_own() {
    let play = spawn_engine("import_many").await;
    let prof = play.teacher("Prof");
    let limits = casebot::pack::upload::Limits::default();
    for i in 0..=limits.max_per_class {
        let mut files = pack_files();
        edit(
            &mut files,
            "cas/case.toml",
            "id = \"mon-cas\"",
            &format!("id = \"mon-cas-{i}\""),
        );
        edit(
            &mut files,
            "cas/case.toml",
            "title = \"Mon cas\"",
            &format!("title = \"Mon cas {i}\""),
        );
        let text = unescaped(&private_text(
            &play.send(&prof, import("sujet.zip", zip_of(&files))).await,
        ));
        if i < limits.max_per_class {
            assert!(text.starts_with("✅"), "{i}: {text}");
        } else {
            assert!(
                text.starts_with("La classe a déjà importé 10 sujets"),
                "{text}"
            );
        }
    }
    assert_eq!(subjects_stored(&play).await, 10);
    // Sending one it has again still updates it.
    let mut files = pack_files();
    edit(
        &mut files,
        "cas/annexes.toml",
        "value = \"3000\"",
        "value = \"4000\"",
    );
    edit(
        &mut files,
        "cas/case.toml",
        "id = \"mon-cas\"",
        "id = \"mon-cas-0\"",
    );
    edit(
        &mut files,
        "cas/case.toml",
        "title = \"Mon cas\"",
        "title = \"Mon cas 0\"",
    );
    let text = unescaped(&private_text(
        &play.send(&prof, import("sujet.zip", zip_of(&files))).await,
    ));
    assert!(text.contains("mis à jour (version 2)"), "{text}");
}

/// A quiz on an imported subject runs on its figures, and resumes after a restart (the
/// subject is loaded before the quizzes are).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_quiz_on_an_imported_subject_resumes_after_a_restart() {
    let (play, prof, ana) = playing_mine("import_quiz").await;
    play.send(
        &prof,
        Command::QuizLaunch {
            scope: Scope::Items(vec!["1.2.a".into(), "1.2.b".into()]),
            seconds_per_item: Some(60),
            total_minutes: None,
            speed_bonus: false,
            streak_bonus: false,
            full_time: true,
        },
    )
    .await;
    play.advance_and_tick(0).await;
    let play = play.restart(1_000).await;
    play.advance_and_tick(0).await;
    let got = plain(&private_text(
        &play
            .send(
                &ana,
                Command::Answer {
                    text: "14,42 %".into(),
                    item: None,
                },
            )
            .await,
    ));
    assert!(got.contains("Réponse enregistrée pour 1.2.a"), "{got}");
    play.advance_and_tick(61_000).await;
    let answers = play.answers_of("Ana").await;
    assert_eq!(answers.len(), 1, "{answers:?}");
    assert_eq!(
        (answers[0].0.as_str(), answers[0].2.as_str()),
        ("1.2.a", "correct")
    );
}

/// Two subjects share question numbers, not their questions: the board of a question counts
/// the answers of the class's subject only, and says which subject it is.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_question_board_counts_the_class_subject_only() {
    let play = spawn_engine("import_board").await;
    let prof = play.teacher("Prof");
    let ana = play.student("Ana");
    play.send(
        &ana,
        Command::Practice {
            scope: Scope::Items(vec!["1.2.a".into()]),
        },
    )
    .await;
    play.send(
        &ana,
        Command::Answer {
            text: "17,76 %".into(),
            item: None,
        },
    )
    .await;
    let board = || Command::Leaderboard {
        board: casebot::play::command::Board::Question("1.2".into()),
    };
    let bundled = plain(&play.send(&prof, board()).await[0].text);
    assert!(
        bundled
            .starts_with("**Classement de la question 1.2 – Arbre-cadeau (session 2021)**\n1. Ana"),
        "{bundled}"
    );
    play.send(&prof, import("mon-cas.zip", zip_of(&pack_files())))
        .await;
    play.send(&prof, set_case(MINE)).await;
    let mine = plain(&play.send(&prof, board()).await[0].text);
    assert!(
        mine.starts_with("**Classement de la question 1.2 – Mon cas (session 2023)**\n"),
        "{mine}"
    );
    assert!(!mine.contains("Ana"), "{mine}");
}
