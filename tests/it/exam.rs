//! Mock exams (`/examen`) through the engine on the test clock: a 180-minute paper for three
//! students (one hands in early, one's draft survives a restart and is cut off by the clock,
//! one is cut off too), nothing that helps while it runs, numeric marks at once, written answers
//! marked by the teacher, the bonus, the export's `note_sur_20` against the barème by hand, and
//! the printable copies. Expected points come from the pack's barème: every part 0,25 point; a
//! close answer half of it (config/play.toml `[marks]`); question 2.3's grid: hook 0,75,
//! testimonial 1, offer 1, call to action 0,75, LinkedIn codes 0,75, tone 0,75.

use crate::helpers::{private_text, spawn_engine, texts, Play, T0};
use casebot::play::command::{Audience, Command, Reply, Scope};

const MIN: i64 = 60_000;

fn exam_answer(part: &str, text: &str) -> Command {
    Command::ExamAnswer {
        part: part.into(),
        text: text.into(),
    }
}

fn exam_write(question: &str, text: &str) -> Command {
    Command::ExamWrite {
        question: question.into(),
        text: text.into(),
    }
}

fn csv_lines(reply: &Reply) -> Vec<String> {
    let file = reply.attachment.as_ref().expect("a CSV file");
    let text = std::str::from_utf8(&file.bytes[3..]).expect("UTF-8");
    text.lines().map(str::to_string).collect()
}

/// The line of `name` in a CSV, as cells, by the header's names.
fn row_of(lines: &[String], name: &str) -> std::collections::HashMap<String, String> {
    let header: Vec<&str> = lines[0].split(';').collect();
    let line = lines
        .iter()
        .find(|l| l.starts_with(&format!("{name};")))
        .unwrap_or_else(|| panic!("no line for {name} in {lines:#?}"));
    header
        .iter()
        .map(|h| h.to_string())
        .zip(line.split(';').map(str::to_string))
        .collect()
}

async fn saved(play: &Play, who: &str, command: Command, expect: &str) {
    let text = private_text(&play.send(&play.student(who), command).await);
    assert!(text.contains(expect), "{who}: {text}");
}

#[tokio::test]
async fn a_mock_exam_for_three_students_marked_on_the_barème() {
    let play = spawn_engine("exam_three").await;
    let prof = play.teacher("Prof");
    let launched = play
        .send(&prof, Command::ExamLaunch { minutes: None })
        .await;
    assert_eq!(launched.len(), 1);
    assert_eq!(launched[0].audience, Audience::Channel);
    assert_eq!(launched[0].deadline, Some(T0 + 180 * MIN));
    let text = crate::helpers::plain(&launched[0].text);
    assert!(text.contains("3 h, une seule horloge"), "{text}");
    // 180 × 17/40 = 76,5 → 75 min; 180 × 15/40 = 67,5 → 70 min; the réflexion the rest, 35.
    assert!(
        text.contains(
            "- dossier 1 – Diagnostiquer la stratégie digitale (17 points) : environ 1 h 15"
        ),
        "{text}"
    );
    assert!(text.contains("(15 points) : environ 1 h 10"), "{text}");
    assert!(text.contains("(8 points) : environ 35 min"), "{text}");

    // A second exam, or a quiz, waits for the end of this one.
    assert!(private_text(
        &play
            .send(&prof, Command::ExamLaunch { minutes: None })
            .await
    )
    .starts_with("Un examen blanc est déjà en cours"));
    let quiz = Command::QuizLaunch {
        scope: Scope::All,
        seconds_per_item: None,
        total_minutes: None,
        speed_bonus: false,
        streak_bonus: false,
        full_time: false,
    };
    assert!(private_text(&play.send(&prof, quiz).await).starts_with("Un examen blanc est en cours"));

    // Ana: two parts right, one wrong, the post of 2.3; nothing tells her right or wrong.
    saved(
        &play,
        "Ana",
        exam_answer("1.2.a", "17,76 %"),
        "Enregistré pour 1.2.a : « 17,76 % »",
    )
    .await;
    saved(
        &play,
        "Ana",
        exam_answer("1.2.b", "0,53 €"),
        "Enregistré pour 1.2.b",
    )
    .await;
    saved(
        &play,
        "Ana",
        exam_answer("1.1.a", "12 %"),
        "Enregistré pour 1.1.a",
    )
    .await;
    saved(
        &play,
        "Ana",
        exam_answer("1.1.a", "30 %"),
        "Enregistré pour 1.1.a : « 30 % »",
    )
    .await;
    saved(
        &play,
        "Ana",
        exam_answer("1.1.b", "beaucoup"),
        "Je ne lis pas de nombre",
    )
    .await;
    saved(
        &play,
        "Ana",
        exam_write("2.3", "<b>Bonjour</b> à tous, #ArbreCadeau"),
        "Réponse à la question 2.3 enregistrée",
    )
    .await;

    // No help while it runs: hints, /kpi, practice, model answers, the checker's feedback.
    let ana = play.student("Ana");
    for command in [
        Command::Kpi { id: "CTR".into() },
        Command::Hint {
            confirm: true,
            item: None,
        },
        Command::Practice { scope: Scope::All },
        Command::ModelAnswer {
            question: "1.2".into(),
        },
        Command::DraftCheck {
            text: "Mon post".into(),
            share: false,
        },
        Command::WrittenAnswer {
            question: "2.4".into(),
            text: "Réponse".into(),
        },
    ] {
        let text = private_text(&play.send(&ana, command.clone()).await);
        assert!(
            text.starts_with("Examen blanc en cours (encore 3 h) : pas d’indice"),
            "{command:?}: {text}"
        );
    }
    let text = private_text(
        &play
            .send(
                &ana,
                Command::Answer {
                    text: "17,76 %".into(),
                    item: None,
                },
            )
            .await,
    );
    assert!(
        text.starts_with("Examen blanc en cours : réponds avec /examen repondre"),
        "{text}"
    );
    // The questions show the subject's words and the calculations, not the bot's help.
    let question = private_text(
        &play
            .send(&ana, Command::Question { id: "2.2".into() })
            .await,
    );
    assert!(question.contains("8 calculs attendus"), "{question}");
    assert!(!question.contains("Pour t’aider"), "{question}");
    let teacher = private_text(
        &play
            .send(&prof, Command::Question { id: "2.2".into() })
            .await,
    );
    assert!(teacher.contains("Pour t’aider"), "{teacher}");
    // The annexes show no computed figure.
    let annex = play.send(&ana, Command::Annex { number: 3 }).await;
    assert!(!texts(&annex).contains("17,76"), "{}", texts(&annex));

    // Ana hands in after an hour: the confirmation first, then the copy is locked.
    play.clock.advance(60 * MIN);
    let confirm = private_text(
        &play
            .send(&ana, Command::ExamHandIn { confirm: false })
            .await,
    );
    assert_eq!(
        confirm,
        "Ta copie : 3 sur 44 calculs remplis, 1 sur 8 réponses rédigées ; il reste 2 h. Une copie rendue ne peut plus changer. Pour la rendre : /examen rendre confirmer:oui."
    );
    saved(
        &play,
        "Ana",
        Command::ExamHandIn { confirm: true },
        "Copie rendue",
    )
    .await;
    saved(
        &play,
        "Ana",
        exam_answer("1.2.c", "12 €"),
        "Tu as rendu ta copie",
    )
    .await;

    // Ben: a close answer and a draft of 2.4, then the bot restarts (down 5 minutes).
    saved(&play, "Ben", exam_answer("1.2.a", "18 %"), "Enregistré").await;
    saved(
        &play,
        "Ben",
        exam_write("2.4", "Premier jet"),
        "2.4 enregistrée",
    )
    .await;
    saved(&play, "Chloé", exam_answer("2.2.a", "100"), "Enregistré").await;
    play.clock.advance(30 * MIN);
    let play = play.restart(5 * MIN).await;
    let status = private_text(&play.send(&play.student("Ben"), Command::ExamCopy).await);
    assert!(status.contains("temps restant : 1 h 25"), "{status}");
    assert!(
        status.contains("- 2.4 : réponse rédigée enregistrée"),
        "{status}"
    );
    assert!(
        status.contains("- 1.2 : 1/14 calculs · réponse rédigée à écrire"),
        "{status}"
    );
    saved(
        &play,
        "Ben",
        exam_write("2.4", "Deuxième jet, après la coupure"),
        "2.4 enregistrée",
    )
    .await;

    // Thirty minutes left: the class is reminded.
    play.clock.set(T0 + 150 * MIN);
    play.engine.tick().await;
    let posted = play.posted_texts();
    assert_eq!(posted.len(), 1, "{posted:#?}");
    assert!(posted[0].contains("il reste **30 min**"), "{posted:#?}");

    // The clock ends it: Ben and Chloé are cut off, everyone is told.
    play.clock.set(T0 + 180 * MIN);
    play.engine.tick().await;
    let posted = play.outbox.take();
    let end = posted
        .iter()
        .find(|(_, r)| r.audience == Audience::Channel)
        .expect("the end posted");
    assert!(
        end.1.text.contains("temps écoulé") && end.1.text.contains("3 copies"),
        "{}",
        end.1.text
    );
    let to = |name: &str| {
        posted
            .iter()
            .find(|(_, r)| r.audience == Audience::User(crate::helpers::user_id(name)))
            .map(|(_, r)| crate::helpers::plain(&r.text))
            .unwrap_or_else(|| panic!("nothing to {name}: {posted:#?}"))
    };
    assert!(
        to("Ana").contains("Calculs : **0,5 / 11 points**. 1 réponse rédigée attend"),
        "{}",
        to("Ana")
    );
    assert!(
        to("Ben").contains("Calculs : **0,125 / 11 points**. 1 réponse rédigée attend"),
        "{}",
        to("Ben")
    );
    assert_eq!(
        to("Chloé"),
        "Ta copie d’examen blanc est ramassée. Calculs : **0,25 / 11 points**. Tes notes : /notes."
    );
    assert!(private_text(
        &play
            .send(&play.student("Ben"), exam_answer("1.2.b", "0,53 €"))
            .await
    )
    .starts_with("Aucun examen blanc n’est en cours"));
    // Help is back.
    let kpi = texts(
        &play
            .send(&play.student("Ben"), Command::Kpi { id: "CTR".into() })
            .await,
    );
    assert!(kpi.contains("17,76"), "{kpi}");

    // Before the teacher marks: Ana's and Ben's marks are provisional, never in the grade book.
    let export = play.send(&prof, Command::Export).await;
    let notes = csv_lines(&export[2]);
    let ana_row = row_of(&notes, "Ana");
    assert_eq!(ana_row["travail"], "examen-1");
    assert_eq!(ana_row["note_sur_20"], "");
    assert_eq!(ana_row["a_corriger"], "1");
    let chloe_row = row_of(&notes, "Chloé");
    assert_eq!(
        (
            chloe_row["note_sur_40"].as_str(),
            chloe_row["note_sur_20"].as_str()
        ),
        ("0,25", "0,13")
    );

    // The teacher marks Ana's 2.3 (hook, testimonial, offer: 0,75 + 1 + 1) and Ben's 2.4 (none),
    // and gives Ana the bonus of 1,5.
    let written: Vec<(i64, String)> = sqlx::query_as(
        "SELECT w.id, m.display_name FROM written_answers w JOIN members m ON m.id = w.member_id WHERE w.exam_id IS NOT NULL ORDER BY w.id",
    )
    .fetch_all(&play.engine.store().read)
    .await
    .expect("written answers");
    assert_eq!(written.len(), 2, "{written:?}");
    for (id, name) in &written {
        let criteria = if name == "Ana" {
            vec!["1", "2", "3"]
        } else {
            vec![]
        };
        play.send(
            &prof,
            Command::Grade {
                answer: *id,
                criteria: Some(criteria.into_iter().map(String::from).collect()),
            },
        )
        .await;
    }
    // A second teacher marks Ana's 2.3 on her own: 0,5 for the hook instead of 0,75. The mark
    // is their mean (2,625) until they agree; she then gives the hook its 0,75: 2,75, agreed.
    let (ana_copy, _) = written
        .iter()
        .find(|(_, n)| n == "Ana")
        .expect("Ana's copy");
    let second = play.teacher("Prof2");
    let mark = |points: &[&str]| Command::Mark {
        answer: *ana_copy,
        points: points.iter().map(|s| s.to_string()).collect(),
        comment: None,
        agree: false,
    };
    let differ = private_text(&play.send(&second, mark(&["1=0,5", "2", "3"])).await[..1]);
    assert!(
        differ.contains("la note est leur moyenne, 2,625 points sur 5 points"),
        "{differ}"
    );
    let agreed = private_text(&play.send(&second, mark(&["1", "2", "3"])).await[..1]);
    assert!(
        agreed.contains("la note retenue est 2,75 points"),
        "{agreed}"
    );
    let bonus = private_text(
        &play
            .send(
                &prof,
                Command::ExamBonus {
                    student: "ana".into(),
                    points: "1,5".into(),
                },
            )
            .await,
    );
    assert!(bonus.contains("Ana : 1,5 point"), "{bonus}");
    assert!(private_text(
        &play
            .send(
                &prof,
                Command::ExamBonus {
                    student: "Ana".into(),
                    points: "3".into()
                }
            )
            .await
    )
    .starts_with("Le bonus « copie conforme aux exigences professionnelles » va de 0 à 2 points"));

    // By hand: Ana 0,25 + 0,25 + 2,75 + 1,5 = 4,75 / 40 → 2,375 → 2,38 / 20;
    // Ben 0,125 / 40 → 0,13 / 40 and 0,0625 → 0,06 / 20.
    let export = play.send(&prof, Command::Export).await;
    let notes = csv_lines(&export[2]);
    let ana_row = row_of(&notes, "Ana");
    assert_eq!(
        (
            ana_row["q1.2"].as_str(),
            ana_row["q1.2_max"].as_str(),
            ana_row["q2.3"].as_str(),
            ana_row["q2.3_max"].as_str()
        ),
        ("0,5", "6", "2,75", "5")
    );
    assert_eq!(
        (
            ana_row["dossier_1"].as_str(),
            ana_row["dossier_1_max"].as_str()
        ),
        ("0,5", "17")
    );
    assert_eq!(
        (
            ana_row["bonus"].as_str(),
            ana_row["total"].as_str(),
            ana_row["total_max"].as_str()
        ),
        ("1,5", "4,75", "40")
    );
    assert_eq!(
        (
            ana_row["note_sur_40"].as_str(),
            ana_row["note_sur_20"].as_str(),
            ana_row["a_corriger"].as_str()
        ),
        ("4,75", "2,38", "0")
    );
    let ben_row = row_of(&notes, "Ben");
    assert_eq!(
        (
            ben_row["note_sur_40"].as_str(),
            ben_row["note_sur_20"].as_str()
        ),
        ("0,13", "0,06")
    );
    let book = csv_lines(&export[3]);
    assert_eq!(
        book[0],
        "eleve;identifiant;examen-1 (23/11/2026);moyenne_sur_20"
    );
    assert!(
        book.contains(&"Ana;u-Ana;2,38;2,38".to_string()),
        "{book:#?}"
    );

    // A mark is not a game point: the class board does not count the marked copies.
    let board = crate::helpers::plain(
        &play
            .send(
                &prof,
                Command::Leaderboard {
                    board: casebot::play::command::Board::AllTime,
                },
            )
            .await[0]
            .text,
    );
    assert!(!board.contains("Ana"), "{board}");

    // The printable copies: every copy, names, answers as typed (escaped), verdicts.
    let papers = play
        .send(&prof, Command::ExamPapers { student: None })
        .await;
    let file = papers[0].attachment.as_ref().expect("the copies");
    assert_eq!(file.name, "copies-examen-1.html");
    let html = std::str::from_utf8(&file.bytes).expect("UTF-8");
    for needed in [
        "Copie de Ana",
        "Copie de Ben",
        "Copie de Chloé",
        "17,76 %",
        "Deuxième jet, après la coupure",
    ] {
        assert!(html.contains(needed), "{needed} not in the copies");
    }
    assert!(
        html.contains("&lt;b&gt;Bonjour&lt;/b&gt;"),
        "a student's markup is escaped"
    );
    assert!(!html.contains("<b>Bonjour"));
    assert_eq!(html.matches("<section class=\"copy\">").count(), 3);
    let one = play
        .send(
            &prof,
            Command::ExamPapers {
                student: Some("Ben".into()),
            },
        )
        .await;
    let file = one[0].attachment.as_ref().expect("Ben's copy");
    assert_eq!(file.name, "copie-examen-1-Ben.html");
    // Students may not ask for them.
    assert_eq!(
        private_text(
            &play
                .send(&play.student("Ben"), Command::ExamPapers { student: None })
                .await
        ),
        "Cette commande est réservée aux enseignants de la classe."
    );
}

#[tokio::test]
async fn a_teacher_stops_the_exam_and_a_running_exam_resumes_after_a_restart() {
    let play = spawn_engine("exam_stop").await;
    let prof = play.teacher("Prof");
    play.send(&prof, Command::ExamLaunch { minutes: Some(30) })
        .await;
    saved(&play, "Ana", exam_answer("1.2.a", "17,76 %"), "Enregistré").await;
    // A restart: the exam is still running, with its clock.
    let play = play.restart(10 * MIN).await;
    let status = private_text(&play.send(&play.student("Ana"), Command::ExamCopy).await);
    assert!(status.contains("temps restant : 20 min"), "{status}");
    let kpi = private_text(
        &play
            .send(&play.student("Ana"), Command::Kpi { id: "CTR".into() })
            .await,
    );
    assert!(kpi.starts_with("Examen blanc en cours"), "{kpi}");
    let stopped = private_text(&play.send(&prof, Command::ExamStop).await);
    assert!(
        stopped.starts_with("Examen blanc terminé : 1 copie ramassée"),
        "{stopped}"
    );
    let posted = play.posted_texts();
    assert!(
        posted.iter().any(|t| t.contains("arrêté par l’enseignant")),
        "{posted:#?}"
    );
    let notes = private_text(
        &play
            .send(&play.student("Ana"), Command::Marks { work: None })
            .await,
    );
    assert!(notes.contains("examen-1 du 23/11/2026 (examen blanc, Arbre\\-cadeau) : 0,25 / 40 points → **0,13/20**"), "{notes}");
    assert_eq!(
        private_text(&play.send(&prof, Command::ExamStop).await),
        "Aucun examen blanc n’est en cours dans la classe."
    );
}

/// The console's words for the exam: a teacher and two students type the commands as in the
/// guide; the printable copies are written beside the database.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mock_exam_on_the_console() {
    use crate::play::SharedBuf;
    let play = spawn_engine("exam_console").await;
    let files = crate::helpers::TempDir::new("exam-console-files");
    let buf = SharedBuf::default();
    let out: casebot::console::Output = std::sync::Arc::new(std::sync::Mutex::new(Box::new(
        buf.clone(),
    )
        as Box<dyn std::io::Write + Send>));
    let options = casebot::console::ConsoleOptions {
        class: "classe-console".into(),
        teachers: vec!["prof".into()],
        default_user: "alice".into(),
        files_dir: files.path.clone(),
    };
    let script = "prof> /examen lancer minutes:30\n\
                  alice> /examen repondre 1.2.a 17,76 %\n\
                  alice> /examen rediger 2.3\nBonjour à tous,\nnotre offre B to B.\n.\n\
                  bob> /examen repondre partie:1.2.b reponse:0,53 €\n\
                  bob> /indice\n\
                  bob> /examen\n\
                  alice> /examen rendre confirmer:oui\n\
                  prof> /examen arreter\n\
                  prof> /examen copies\n\
                  alice> /notes\n\
                  alice> /aide\n";
    let input = tokio::io::BufReader::new(script.as_bytes());
    casebot::console::run(play.engine.clone(), input, out, options)
        .await
        .expect("the console goes on to the end of its input");
    let bytes = buf.0.lock().expect("buffer").clone();
    let output = crate::helpers::plain(&String::from_utf8(bytes).expect("UTF-8"));
    for expected in [
        "[classe] 📝 Examen blanc – Arbre-cadeau (session 2021) : 30 min",
        "[privé → alice] Enregistré pour 1.2.a : « 17,76 % ».",
        "[privé → alice] Réponse à la question 2.3 enregistrée (35 caractères).",
        "[privé → bob] Enregistré pour 1.2.b : « 0,53 € ».",
        "[privé → bob] Examen blanc en cours (encore 30 min) : pas d’indice",
        "Usage : /examen lancer [minutes:180] | copie | repondre 1.2.a 17,76 %",
        "[privé → alice] Copie rendue",
        "Voici 2 copies du dernier examen blanc",
        "provisoire : 0,13/20, 1 réponse rédigée à corriger",
    ] {
        assert!(output.contains(expected), "{expected}\n---\n{output}");
    }
    let html =
        std::fs::read_to_string(files.path.join("copies-examen-1.html")).expect("the copies file");
    assert!(html.contains("Copie de alice") && html.contains("Copie de bob"));
}
