//! Marking written answers as correctors do (`/noter`, `/corriger`): part of a criterion's
//! points, a comment, bounds, and double marking by two teachers (blind until both marked,
//! agreement by equal points or recorded, else the mean). Points by hand from grid 2.3: hook
//! 0,75 · testimonial 1 · offer 1 · call to action 0,75 · LinkedIn codes 0,75 · tone 0,75.

use crate::helpers::{plain, private_text, spawn_engine, Play};
use casebot::play::command::{Actor, Audience, Command, Reply};

fn mark(answer: i64, points: &[&str], comment: Option<&str>, agree: bool) -> Command {
    Command::Mark {
        answer,
        points: points.iter().map(|s| s.to_string()).collect(),
        comment: comment.map(str::to_string),
        agree,
    }
}

async fn written_copy(play: &Play, who: &Actor) -> i64 {
    play.send(
        who,
        Command::WrittenAnswer {
            question: "2.3".into(),
            text: "Bonjour à tous, un témoignage de client et notre offre B to B.".into(),
        },
    )
    .await;
    play.count("SELECT MAX(id) FROM written_answers").await
}

async fn grade_of(play: &Play, id: i64) -> (Option<i64>, Option<String>) {
    sqlx::query_as("SELECT grade_points_milli, mark_how FROM written_answers WHERE id = ?")
        .bind(id)
        .fetch_one(&play.engine.store().read)
        .await
        .expect("grade")
}

fn to_student(replies: &[Reply]) -> Option<String> {
    replies
        .iter()
        .find(|r| matches!(r.audience, Audience::User(_)))
        .map(|r| plain(&r.text))
}

#[tokio::test]
async fn a_teacher_gives_part_of_a_criterion_and_a_comment() {
    let play = spawn_engine("marking_partial").await;
    let (prof, ana) = (play.teacher("Prof"), play.student("Ana"));
    let id = written_copy(&play, &ana).await;
    // Refused, nothing stored: more than the share, unknown criterion, unreadable, too long.
    for (command, start) in [
        (
            mark(id, &["1=0,8"], None, false),
            "Le critère 1 vaut 0,75 point au plus",
        ),
        (
            mark(id, &["9=tout"], None, false),
            "« 9 » n’est pas un critère de la grille : ses critères vont de 1 à 6.",
        ),
        (
            mark(id, &["2=beaucoup"], None, false),
            "Je ne lis pas de points dans « beaucoup »",
        ),
        (
            mark(id, &["2"], Some(&"x".repeat(1001)), false),
            "Un commentaire tient en 1000 caractères au plus",
        ),
        (
            mark(id, &[], None, true),
            "Donnez d’abord vos points à la copie",
        ),
    ] {
        let text = private_text(&play.send(&prof, command).await);
        assert!(text.starts_with(start), "{text}");
    }
    assert_eq!(play.count("SELECT COUNT(*) FROM markings").await, 0);
    assert_eq!(grade_of(&play, id).await, (None, None));

    // 0,5 of the hook, all of the testimonial, half the offer, nothing else: 2 points.
    let replies = play
        .send(
            &prof,
            mark(
                id,
                &["1=0,5", "2=tout", "3=moitie"],
                Some("Accroche trop longue"),
                false,
            ),
        )
        .await;
    let teacher = plain(&replies[0].text);
    assert!(teacher.contains("2 points sur 5 points"), "{teacher}");
    assert!(
        teacher.contains("Votre commentaire est transmis à l’élève : « Accroche trop longue »"),
        "{teacher}"
    );
    let student = to_student(&replies).expect("the student is told");
    assert!(student.contains("◐ "), "{student}");
    assert!(
        student.contains(": 0,5 sur 0,75 point – ce qu’une copie à tous les points écrit :"),
        "{student}"
    );
    assert!(
        student.contains("💬 Commentaire : Accroche trop longue"),
        "{student}"
    );
    assert!(
        student.contains("❌ "),
        "a criterion with nothing shows its explanation: {student}"
    );
    assert_eq!(
        grade_of(&play, id).await,
        (Some(2000), Some("single".into()))
    );
    // The export's grade is the mark.
    let export = play.send(&prof, Command::Export).await;
    let file = export[0].attachment.as_ref().expect("csv");
    let text = String::from_utf8_lossy(&file.bytes);
    assert!(
        text.contains(&format!("copie {id};2.3;")) && text.contains(";corrigee;2;"),
        "{text}"
    );
}

#[tokio::test]
async fn two_teachers_mark_one_copy_blind_then_agree() {
    let play = spawn_engine("marking_double").await;
    let (a, b, ana) = (
        play.teacher("Mme Alpha"),
        play.teacher("M. Beta"),
        play.student("Ana"),
    );
    let id = written_copy(&play, &ana).await;
    // Alpha: 0,75 + 1 + 0,5 = 2,25.
    play.send(&a, mark(id, &["1", "2", "3=0,5"], None, false))
        .await;
    // Beta opens the copy: he sees that someone marked it, not the points.
    let view = private_text(
        &play
            .send(
                &b,
                Command::Grade {
                    answer: id,
                    criteria: None,
                },
            )
            .await,
    );
    assert!(view.contains("Déjà corrigée par 1 autre enseignant : ses points s’afficheront quand vous aurez donné les vôtres"), "{view}");
    assert!(!view.contains("2,25"), "{view}");
    // Beta: 0,75 + 1 + 1 = 2,75: they differ on the offer; the mark is the mean, 2,5.
    let replies = play.send(&b, mark(id, &["1", "2", "3"], None, false)).await;
    let teacher = plain(&replies[0].text);
    assert!(
        teacher.contains(
            "vos deux corrections diffèrent, la note est leur moyenne, 2,5 points sur 5 points"
        ),
        "{teacher}"
    );
    assert!(
        teacher.contains("- critère 3 « ") && teacher.contains(": Mme Alpha 0,5 · vous 1"),
        "{teacher}"
    );
    assert!(
        !teacher.contains("critère 1 "),
        "only where they differ: {teacher}"
    );
    assert_eq!(grade_of(&play, id).await, (Some(2500), Some("mean".into())));
    let student = to_student(&replies).expect("told of the mean");
    assert!(
        student.contains("leur moyenne, en attendant leur accord"),
        "{student}"
    );
    // Now Alpha sees both.
    let view = private_text(
        &play
            .send(
                &a,
                Command::Grade {
                    answer: id,
                    criteria: None,
                },
            )
            .await,
    );
    assert!(
        view.contains("Corrections : Mme Alpha 2,25 points · M. Beta 2,75 points."),
        "{view}"
    );
    // Alpha agrees to Beta's points by marking the same: agreed.
    let replies = play.send(&a, mark(id, &["1", "2", "3"], None, false)).await;
    assert!(plain(&replies[0].text).contains(
        "vos deux corrections donnent les mêmes points, la note retenue est 2,75 points"
    ));
    assert_eq!(
        grade_of(&play, id).await,
        (Some(2750), Some("agreed".into()))
    );
    assert!(to_student(&replies)
        .expect("told")
        .contains("Note retenue par tes deux correcteurs"));
    // Beta changes his mind (1 point less on the tone… the offer at half): differ again, mean;
    // then he records his marking as the agreed one.
    play.send(&b, mark(id, &["1", "2", "3=moitie"], None, false))
        .await;
    assert_eq!(grade_of(&play, id).await, (Some(2500), Some("mean".into())));
    let replies = play.send(&b, mark(id, &[], None, true)).await;
    assert!(plain(&replies[0].text).contains(
        "votre correction est retenue comme la note sur laquelle vous vous accordez : 2,25 points"
    ));
    assert_eq!(
        grade_of(&play, id).await,
        (Some(2250), Some("settled".into()))
    );
}

#[tokio::test]
async fn a_long_comment_reaches_the_student_whole() {
    let play = spawn_engine("marking_long_comment").await;
    let (prof, ana) = (play.teacher("Prof"), play.student("Ana"));
    let id = written_copy(&play, &ana).await;
    let comment = "Ta copie est beaucoup trop courte : développe chaque partie avec des arguments, un exemple tiré du cas et une phrase de transition ; relis aussi l’orthographe avant de rendre.";
    assert!(comment.chars().count() > 150);
    let replies = play
        .send(&prof, mark(id, &["1=0,5"], Some(comment), false))
        .await;
    let told = to_student(&replies).expect("Ana is told");
    // Whole, escaped as everything a user typed (Discord shows « \: » as « : »).
    let shown = casebot::format::escape(comment);
    assert!(
        told.contains(&format!("💬 Commentaire : {shown}")),
        "{told}"
    );
}

#[tokio::test]
async fn marking_again_changes_only_the_criteria_named() {
    let play = spawn_engine("marking_again").await;
    let (prof, ana) = (play.teacher("Prof"), play.student("Ana"));
    let id = written_copy(&play, &ana).await;
    // A comment alone on a copy not yet marked records nothing.
    let said = private_text(&play.send(&prof, mark(id, &[], Some("Bien"), false)).await);
    assert!(said.starts_with("Donnez d’abord vos points"), "{said}");
    assert_eq!(grade_of(&play, id).await.0, None);
    // Hook 0,75 + testimonial 1 + offer 1 = 2,75.
    play.send(&prof, mark(id, &["1", "2", "3"], None, false))
        .await;
    assert_eq!(grade_of(&play, id).await.0, Some(2750));
    // The hook to half: the others stay.
    play.send(
        &prof,
        mark(id, &["1=0,5"], Some("Accroche à revoir"), false),
    )
    .await;
    assert_eq!(grade_of(&play, id).await.0, Some(2500));
    // A comment alone keeps the points; « aucun » starts from nothing.
    play.send(&prof, mark(id, &[], Some("Bon travail sur l’offre"), false))
        .await;
    assert_eq!(grade_of(&play, id).await.0, Some(2500));
    play.send(&prof, mark(id, &["aucun", "4"], None, false))
        .await;
    assert_eq!(grade_of(&play, id).await.0, Some(750));
}
