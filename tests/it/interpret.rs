//! Interpretation practised (`/interpreter`): the readings of every numeric part of 1.1 to 1.3
//! and 2.2 (one right, the others classic misreadings) answered with buttons and explained, and
//! a one-sentence comment judged on explainable criteria. Stated over every part the pack
//! declares; the comments' verdicts are worked out by hand from the rules.

use crate::helpers::{case, private_text, spawn_engine, Play};
use casebot::interpret::{
    analyse_comment, example_id, CommentCriterion, CommentReason, PartReadings, Reading, Trap,
};
use casebot::linkedin::text::Phrase;
use casebot::play::command::{Actor, ButtonAction, Command, PartRef, Reply, Scope};

/// A reply as read: spaces plain, bold marks away.
fn plain(text: &str) -> String {
    crate::helpers::plain(text).replace("**", "")
}

fn ask(part: &str) -> Command {
    Command::Interpret {
        part: PartRef::Id(part.into()),
        choice: None,
        comment: None,
    }
}

fn choose(index: usize, choice: u8) -> Command {
    Command::Interpret {
        part: PartRef::Index(index),
        choice: Some(choice),
        comment: None,
    }
}

fn answer(text: &str) -> Command {
    Command::Answer {
        text: text.into(),
        item: None,
    }
}

fn comment(part: &str, text: &str) -> Command {
    Command::Interpret {
        part: PartRef::Id(part.into()),
        choice: None,
        comment: Some(text.into()),
    }
}

/// The parts of questions 1.1 to 1.3 and 2.2.
fn asked_parts() -> Vec<String> {
    case()
        .questions
        .iter()
        .filter(|q| ["1.1", "1.2", "1.3", "2.2"].contains(&q.id.as_str()))
        .flat_map(|q| q.parts.iter().map(|p| p.id.clone()))
        .collect()
}

fn analysis(part: &str, text: &str) -> Vec<(CommentCriterion, bool, CommentReason)> {
    let readings = case().readings.of(part).expect("readings");
    analyse_comment(
        text,
        readings,
        case(),
        &case().plans,
        case().readings.sentence_max,
    )
    .verdicts
    .into_iter()
    .map(|v| (v.criterion, v.met, v.reason))
    .collect()
}

fn met(part: &str, text: &str, criterion: CommentCriterion) -> (bool, CommentReason) {
    analysis(part, text)
        .into_iter()
        .find(|(c, _, _)| *c == criterion)
        .map(|(_, m, r)| (m, r))
        .unwrap_or_else(|| panic!("{criterion:?} not judged for {part}"))
}

#[test]
fn every_numeric_part_of_1_1_to_1_3_and_2_2_has_three_or_four_readings_and_a_model_comment() {
    let parts = asked_parts();
    assert_eq!(parts.len(), 44);
    for part in &parts {
        let r = case()
            .readings
            .of(part)
            .unwrap_or_else(|| panic!("{part} has no readings"));
        let readings = r.readings();
        assert!((3..=4).contains(&readings.len()), "{part}");
        let texts: Vec<String> = readings
            .iter()
            .map(|x| case().text(&x.text_id(part)))
            .collect();
        for (x, t) in readings.iter().zip(&texts) {
            assert!(!t.trim().is_empty(), "{part} {x:?}");
            assert!(t.chars().count() <= 220, "{part} {x:?} is long: {t}");
            assert!(!case().text(&x.why_id(part)).trim().is_empty(), "{part}");
        }
        let mut unique = texts.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), texts.len(), "{part}: two readings alike");
        // The model comment meets every criterion it teaches.
        let example = case().text(&example_id(part));
        for (c, ok, reason) in analysis(part, &example) {
            assert!(
                ok,
                "{part}: the model comment misses {c:?} ({reason:?}): {example}"
            );
        }
    }
}

#[test]
fn the_right_reading_cannot_be_spotted_by_its_length() {
    let parts = asked_parts();
    let longest = parts
        .iter()
        .filter(|part| {
            let r = case().readings.of(part).expect("readings");
            let len = |x: Reading| case().text(&x.text_id(part)).chars().count();
            r.readings()
                .iter()
                .all(|x| *x == Reading::Right || len(*x) < len(Reading::Right))
        })
        .count();
    assert!(
        longest * 2 < parts.len(),
        "the right reading is the longest in {longest} parts of {}",
        parts.len()
    );
}

#[test]
fn a_comment_is_judged_on_explainable_criteria() {
    use CommentCriterion::*;
    // 1.1.e: pages per session −7,57 %, a fall.
    let wrong_way = "Les pages par session sont en hausse de 7,57 %.";
    let (ok, reason) = met("1.1.e", wrong_way, Direction);
    assert!(!ok);
    assert_eq!(reason, CommentReason::Opposite("hausse".into()));
    let (ok, reason) = met("1.1.e", wrong_way, Figure);
    assert!(!ok);
    assert_eq!(reason, CommentReason::FigureSign("7,57 %".into()));
    // A number that is not the figure is no comparison either.
    let (ok, _) = met("1.1.e", wrong_way, Comparison);
    assert!(!ok);
    // The fall said in words: « 7,57 % » without its minus sign is the figure.
    let (ok, _) = met(
        "1.1.e",
        "Les pages par session sont en baisse de 7,57 %.",
        Figure,
    );
    assert!(ok);
    // 1.1.g is in points: « 0,80 % » changes its meaning; « 0,80 » alone lacks its unit.
    let (ok, reason) = met("1.1.g", "Le rebond augmente de 0,80 %.", Figure);
    assert!(!ok);
    assert_eq!(reason, CommentReason::FigureWrongUnit("0,80 %".into()));
    let (ok, reason) = met("1.1.g", "Le rebond augmente de 0,80.", Figure);
    assert!(!ok);
    assert_eq!(reason, CommentReason::FigureNoUnit("0,80".into()));
    let (ok, reason) = met("1.2.c", "Le CPM vaut 12 €.", Figure);
    assert!(!ok);
    assert_eq!(reason, CommentReason::OtherFigure("12 €".into()));
    // Rounded in a comment, the figure is still the figure: 93,23 € as « 93,2 € ».
    let (ok, _) = met("1.2.c", "Le CPM atteint 93,2 €.", Figure);
    assert!(ok);
    // A comparison: « plus … que », or a second figure.
    let (ok, reason) = met("1.2.c", "Ce CPM coûte plus cher que prévu.", Comparison);
    assert!(ok);
    assert_eq!(reason, CommentReason::Comparison("plus cher que".into()));
    let (ok, _) = met("1.2.c", "Le CPM est de 93,23 €.", Comparison);
    assert!(!ok);
    // One sentence; a decimal point ends none.
    let (ok, reason) = met("1.2.g", "Le ROAS est de 3.02. Il faut continuer.", Sentence);
    assert!(!ok);
    assert_eq!(reason, CommentReason::Sentences(2));
    let long = format!("Le ROAS est de 3,02 {}.", "et encore ".repeat(40));
    let (ok, reason) = met("1.2.g", &long, Sentence);
    assert!(!ok);
    assert!(
        matches!(reason, CommentReason::TooLong { .. }),
        "{reason:?}"
    );
    // A fall said twice; a loss is a fall; the fall word after the figure is no double.
    let (ok, reason) = met(
        "1.1.j",
        "Les sessions payantes chutent de −67,32 % par rapport à 2019.",
        Direction,
    );
    assert!(!ok);
    assert_eq!(
        reason,
        CommentReason::DoubleNegative("chutent de −67,32 %".into())
    );
    let (ok, _) = met(
        "1.1.j",
        "Les sessions payantes évoluent de −67,32 %, une chute par rapport à 2019.",
        Direction,
    );
    assert!(ok);
    let (ok, _) = met(
        "1.2.h",
        "Une perte de 700 € par rapport à la dépense.",
        Figure,
    );
    assert!(ok);
    // The relative change of the bounce rate is right, but it is not 1.1.g's figure.
    let (ok, reason) = met("1.1.g", "Le rebond a plus que doublé (+131,15 %).", Figure);
    assert!(!ok);
    assert!(
        matches!(&reason, CommentReason::OtherKpi { found, .. } if found == "+131,15 %"),
        "{reason:?}"
    );
    // A year compares nothing on its own; an abbreviation ends no sentence.
    let (ok, _) = met(
        "1.2.a",
        "Le taux de clic est de 17,76 % en 2020.",
        Comparison,
    );
    assert!(!ok);
    let (ok, _) = met(
        "1.3.a",
        "Le CA B to B atteint env. 16 000 € contre 19 660 € en B to C, il faut dév. ce segment.",
        Sentence,
    );
    assert!(ok);
    // A level (the CTR) has no direction to judge.
    assert!(analysis("1.2.a", "Le taux de clic est de 17,76 %.")
        .iter()
        .all(|(c, _, _)| *c != Direction));
}

async fn ask_reply(play: &Play, who: &Actor, part: &str) -> Reply {
    let replies = play.send(who, ask(part)).await;
    assert_eq!(replies.len(), 1, "{part}: {replies:#?}");
    replies.into_iter().next().expect("one reply")
}

fn choice_buttons(reply: &Reply) -> Vec<(usize, u8)> {
    reply
        .buttons
        .iter()
        .filter_map(|b| match b.action {
            ButtonAction::InterpretChoose { part, choice } => Some((part, choice)),
            _ => None,
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_reading_of_every_part_is_explained_and_exactly_one_is_right() {
    let play = spawn_engine("interpret_all").await;
    let ana = play.student("Ana");
    for part in asked_parts() {
        let reply = ask_reply(&play, &ana, &part).await;
        let text = plain(&reply.text);
        assert!(text.starts_with("🤔 Que signifie ce résultat ?"), "{text}");
        let figure = case()
            .kpi_result(case().part(&part).expect("part").1.kpi)
            .expect("computes")
            .text;
        assert!(text.contains(&plain(&figure)), "{part}: {text}");
        let buttons = choice_buttons(&reply);
        let n = case()
            .readings
            .of(&part)
            .expect("readings")
            .readings()
            .len();
        assert_eq!(buttons.len(), n, "{part}");
        assert!(
            reply
                .buttons
                .iter()
                .any(|b| matches!(b.action, ButtonAction::InterpretComment(_))),
            "{part}: a comment button"
        );
        // The same order each time for the same student.
        assert_eq!(ask_reply(&play, &ana, &part).await.text, reply.text);
        let mut right = 0;
        for (index, choice) in buttons {
            let said = plain(&private_text(&play.send(&ana, choose(index, choice)).await));
            if said.starts_with("✅ Bonne lecture") {
                right += 1;
            } else {
                assert!(said.starts_with("❌ Lecture fausse"), "{part}: {said}");
                assert!(said.contains("✅ La bonne lecture"), "{part}: {said}");
            }
            assert!(said.contains("commente ce chiffre en une phrase"), "{said}");
        }
        assert_eq!(right, 1, "{part}");
        // The model comment gets every criterion, and says so.
        let example = case().text(&example_id(&part));
        let said = plain(&private_text(
            &play.send(&ana, comment(&part, &example)).await,
        ));
        assert!(said.contains("critères remplis sur"), "{said}");
        assert!(said.contains("👏"), "{part}: {said}");
        assert!(!said.contains('❌'), "{part}: {said}");
    }
}

#[tokio::test]
async fn a_weak_comment_says_what_is_missing_and_a_crafted_one_changes_nothing() {
    let play = spawn_engine("interpret_comment").await;
    let ana = play.student("Ana");
    let said = plain(&private_text(
        &play
            .send(&ana, comment("1.2.g", "C’est bien @everyone **bravo**"))
            .await,
    ));
    assert!(said.contains("1 critère rempli sur 4"), "{said}");
    assert!(said.contains("cite le résultat, 3,02"), "{said}");
    // What she typed is shown escaped (no mention, no bold).
    assert!(said.contains("\\@everyone \\*\\*bravo\\*\\*"), "{said}");
    assert!(
        said.contains("💡 Un commentaire qui remplit tous les critères"),
        "{said}"
    );
    let long = "a".repeat(1001);
    let said = plain(&private_text(
        &play.send(&ana, comment("1.2.g", &long)).await,
    ));
    assert!(
        said.starts_with("Ton commentaire fait 1001 caractères"),
        "{said}"
    );
    // Unknown parts, parts without readings, a fifth reading.
    let said = plain(&private_text(&play.send(&ana, ask("9.9.z")).await));
    assert!(
        said.starts_with("Je ne connais pas le calcul « 9.9.z »"),
        "{said}"
    );
    let index = case()
        .questions
        .iter()
        .flat_map(|q| q.parts.iter())
        .position(|p| p.id == "1.2.g")
        .expect("1.2.g");
    let said = plain(&private_text(&play.send(&ana, choose(index, 7)).await));
    assert!(
        said.starts_with("Les lectures proposées sont A, B"),
        "{said}"
    );
    let said = plain(&private_text(&play.send(&ana, choose(9999, 0)).await));
    assert!(said.starts_with("Ce bouton ne correspond plus"), "{said}");
    assert_eq!(play.count("SELECT COUNT(*) FROM answers").await, 0);
}

#[tokio::test]
async fn a_settled_practice_part_and_a_quiz_correction_offer_the_interpretation() {
    let play = spawn_engine("interpret_offered").await;
    let (prof, ana) = (play.teacher("Prof"), play.student("Ana"));
    play.send(
        &ana,
        Command::Practice {
            scope: Scope::Items(vec!["1.2.c".into()]),
        },
    )
    .await;
    let replies = play.send(&ana, answer("93,23 €")).await;
    let offered = replies
        .iter()
        .flat_map(|r| &r.buttons)
        .any(|b| matches!(&b.action, ButtonAction::InterpretAsk { part, .. } if part == "1.2.c"));
    assert!(offered, "{replies:#?}");
    // During the class's quiz on 1.2.c, its figure (and those tied to it) is not interpreted.
    play.send(
        &prof,
        Command::QuizLaunch {
            scope: Scope::Items(vec!["1.2.c".into()]),
            seconds_per_item: Some(60),
            total_minutes: None,
            speed_bonus: false,
            streak_bonus: false,
            full_time: false,
        },
    )
    .await;
    play.engine.tick().await;
    let said = plain(&private_text(&play.send(&ana, ask("1.2.c")).await));
    assert!(
        said.starts_with("Ce chiffre est demandé dans le quiz en cours"),
        "{said}"
    );
    let said = plain(&private_text(&play.send(&ana, ask("1.1.a")).await));
    assert!(said.starts_with("🤔 Que signifie ce résultat ?"), "{said}");
    play.send(&ana, answer("93,23 €")).await;
    play.advance_and_tick(61_000).await;
    let offers = |r: &Reply| {
        r.buttons.iter().any(
            |b| matches!(&b.action, ButtonAction::InterpretAsk { part, .. } if part == "1.2.c"),
        )
    };
    let posts: Vec<Reply> = play.outbox.all().into_iter().map(|(_, r)| r).collect();
    let reveal = posts
        .iter()
        .find(|r| offers(r))
        .expect("the correction offers it");
    assert!(plain(&reveal.text).contains("93,23 €"), "{}", reveal.text);
    assert_eq!(posts.iter().filter(|r| offers(r)).count(), 1, "{posts:#?}");
    let said = plain(&private_text(&play.send(&ana, ask("1.2.c")).await));
    assert!(said.starts_with("🤔 Que signifie ce résultat ?"), "{said}");
}

#[tokio::test]
async fn no_interpretation_during_a_mock_exam() {
    let play = spawn_engine("interpret_exam").await;
    let (prof, ana) = (play.teacher("Prof"), play.student("Ana"));
    play.send(&prof, Command::ExamLaunch { minutes: None })
        .await;
    for command in [ask("1.1.a"), choose(0, 0), comment("1.1.a", "Une phrase.")] {
        let said = plain(&private_text(&play.send(&ana, command).await));
        assert!(said.starts_with("Examen blanc en cours"), "{said}");
    }
}

#[test]
fn a_comment_that_repeats_a_misreading_fails_the_decision_unless_it_denies_it() {
    let mut readings: PartReadings = case().readings.of("1.2.g").expect("readings").clone();
    readings.traps = vec![Trap {
        phrases: vec![Phrase::parse("rentable").expect("a phrase")],
        reading: 1,
    }];
    let judge = |text: &str| {
        analyse_comment(text, &readings, case(), &case().plans, 280)
            .verdicts
            .into_iter()
            .find(|v| v.criterion == CommentCriterion::Meaning)
            .expect("judged")
    };
    let v = judge("Avec un ROAS de 3,02 contre 6,93 pour Facebook, la campagne est rentable.");
    assert!(!v.met);
    assert_eq!(
        v.reason,
        CommentReason::Trap {
            found: "rentable".into(),
            reading: 1
        }
    );
    let v =
        judge("Avec un ROAS de 3,02 contre 6,93 pour Facebook, la campagne n’est pas rentable.");
    assert!(v.met, "{v:?}");
}

#[tokio::test]
async fn the_calculation_a_practice_asks_is_neither_interpreted_nor_looked_up_before_it_is_found() {
    let play = spawn_engine("interpret_pending").await;
    let ana = play.student("Ana");
    play.send(
        &ana,
        Command::Practice {
            scope: Scope::Items(vec!["1.2.a".into(), "1.2.b".into()]),
        },
    )
    .await;
    let said = plain(&private_text(&play.send(&ana, ask("1.2.a")).await));
    assert!(
        said.starts_with("C’est le chiffre du calcul que ton entraînement"),
        "{said}"
    );
    let said = plain(&private_text(
        &play.send(&ana, Command::Kpi { id: "1.2.a".into() }).await,
    ));
    assert!(
        said.starts_with("C’est le calcul que ton entraînement"),
        "{said}"
    );
    // Another part is free; once 1.2.a is found, it is too.
    let said = plain(&private_text(&play.send(&ana, ask("1.1.a")).await));
    assert!(said.starts_with("🤔 Que signifie ce résultat ?"), "{said}");
    play.send(&ana, answer("17,76 %")).await;
    let said = plain(&private_text(&play.send(&ana, ask("1.2.a")).await));
    assert!(said.starts_with("🤔 Que signifie ce résultat ?"), "{said}");
}

#[tokio::test]
async fn without_a_part_the_parts_to_interpret_are_listed_with_what_they_compute() {
    let play = spawn_engine("interpret_list").await;
    let ana = play.student("Ana");
    let all = plain(&private_text(&play.send(&ana, ask("")).await));
    assert!(all.starts_with("🤔 Les chiffres à interpréter"), "{all}");
    assert_eq!(
        all.lines().filter(|l| l.starts_with("- ")).count(),
        44,
        "{all}"
    );
    let one = plain(&private_text(&play.send(&ana, ask("1.2")).await));
    assert_eq!(
        one.lines().filter(|l| l.starts_with("- 1.2.")).count(),
        14,
        "{one}"
    );
    assert!(
        one.contains("- 1.2.c : Coût pour mille impressions Google Ads"),
        "{one}"
    );
}
