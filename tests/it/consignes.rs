//! The subject's consignes in its words: wherever a question or one of its parts is asked, the
//! consigne shown is the exam's "travail à faire" word for word (reading a consigne is an exam
//! skill), as a quotation, and any help the bot adds is a separate line below it.
//!
//! The rule is checked against the subject text itself (`../shared/seeds`), which only tests
//! read; it is skipped with one line when the subject is absent.

use crate::helpers::{case, root, shared_app, TempPack};
use casebot::pack;
use casebot::render;

const SUBJECT: &str = "../shared/seeds/e5-2021-arbre-cadeau-sujet.txt";

/// The subject text, or `None` (with a line on standard error) when it is not there.
fn subject() -> Option<String> {
    let path = root().join(SUBJECT);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) => {
            eprintln!(
                "skipped: the exam subject is not readable at {} ({e}); the consignes are not compared with it",
                path.display()
            );
            None
        }
    }
}

/// Words compared as the subject prints them: runs of whitespace (line breaks included) count
/// as one space, and the typographic apostrophe as the plain one (typography is not wording).
fn normal(text: &str) -> String {
    text.replace('’', "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The consigne block of a rendered text: its "> " lines, in order, without the marks; and the
/// index of the first of them.
fn quoted(text: &str) -> (Option<usize>, String) {
    let lines: Vec<&str> = text.lines().collect();
    let first = lines.iter().position(|l| l.starts_with("> "));
    let block: Vec<&str> = lines.iter().filter_map(|l| l.strip_prefix("> ")).collect();
    (first, block.join("\n"))
}

/// The "travail à faire" item of question `id` in the subject ("- 2.1 Justifier …"), if the
/// subject numbers it.
fn subject_item(subject: &str, id: &str) -> Option<String> {
    let marker = format!("- {id} ");
    subject
        .lines()
        .find_map(|l| l.trim_start().strip_prefix(&marker))
        .map(normal)
}

/// Checks one rendered text: a consigne block that is the subject's words (the whole item for a
/// numbered question), then the help line (if the question has one), outside the quotation.
fn check_rendered(
    what: &str,
    text: &str,
    qid: &str,
    with_help: bool,
    subject: &str,
    problems: &mut Vec<String>,
) -> Option<usize> {
    let (first, block) = quoted(text);
    let Some(first) = first else {
        problems.push(format!("{what}: no consigne quoted in\n{text}"));
        return None;
    };
    let shown = normal(&block);
    if shown.is_empty() {
        problems.push(format!("{what}: the consigne is empty"));
    } else if !normal(subject).contains(&shown) {
        problems.push(format!(
            "{what}: the consigne « {shown} » is not the subject's words"
        ));
    }
    if let Some(item) = subject_item(subject, qid) {
        if item != shown {
            problems.push(format!(
                "{what}: the consigne is « {shown} », the subject's item {qid} is « {item} »"
            ));
        }
    }
    let lines: Vec<&str> = text.lines().collect();
    let block_len = block.lines().count();
    let after = lines.get(first + block_len).copied().unwrap_or("");
    if with_help && case().texts.contains(&format!("question.{qid}.statement")) {
        let help = shared_app()
            .messages
            .render("question.help", &[("help", "")]);
        let prefix = help.trim_end();
        if !after.starts_with(prefix) {
            problems.push(format!(
                "{what}: the line after the consigne should be the bot's help (« {prefix} … »), is « {after} »"
            ));
        }
    }
    Some(first + block_len)
}

#[test]
fn every_question_shows_the_subjects_consigne_then_the_bots_help() {
    let Some(subject) = subject() else { return };
    let m = &shared_app().messages;
    let case = case();
    assert!(!case.questions.is_empty());
    let mut problems = Vec::new();
    for q in &case.questions {
        let text = render::question(m, case, q);
        let what = format!("/question {}", q.id);
        if check_rendered(&what, &text, &q.id, true, &subject, &mut problems).is_some() {
            // The header, then the consigne at once: nothing of the bot's comes first.
            if !text.lines().nth(1).unwrap_or("").starts_with("> ") {
                problems.push(format!(
                    "{what}: the consigne is not right below the header"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_part_shows_its_questions_consigne_then_its_own_task() {
    let Some(subject) = subject() else { return };
    let m = &shared_app().messages;
    let case = case();
    let mut problems = Vec::new();
    let mut parts = 0;
    for q in &case.questions {
        let (_, question_block) = quoted(&render::question(m, case, q));
        let help = render::consigne(m, case, q);
        for p in &q.parts {
            parts += 1;
            let task = case.text(&format!("part.{}.statement", p.id));
            // As practice and /question 1.2.a show it, and as the quiz posts it.
            for (what, text) in [
                (format!("part {}", p.id), render::part(m, case, p)),
                (format!("quiz task {}", p.id), render::part_task(m, case, p)),
            ] {
                let Some(end) = check_rendered(&what, &text, &q.id, false, &subject, &mut problems)
                else {
                    continue;
                };
                if quoted(&text).1 != question_block {
                    problems.push(format!(
                        "{what}: not the same consigne as question {}",
                        q.id
                    ));
                }
                // Right after the consigne comes the part's own task; the question's help
                // line, written for the whole question, is not repeated on every step.
                let rest: Vec<&str> = text.lines().skip(end).collect();
                if rest.join("\n").trim_end() != task.trim() {
                    problems.push(format!(
                        "{what}: the consigne is followed by « {} », not by its own task",
                        rest.join(" ")
                    ));
                }
                if help.lines().count() > question_block.lines().count() {
                    let help_line = help.lines().last().unwrap_or("");
                    if text.contains(help_line) {
                        problems.push(format!("{what}: repeats the question's help line"));
                    }
                }
            }
        }
    }
    assert!(parts > 30, "only {parts} parts");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_consigne_of_2_1_is_the_subjects_not_a_rewording() {
    // The example of issue #10, checked without the subject file.
    let m = &shared_app().messages;
    let case = case();
    let q = case.question("2.1").expect("question 2.1");
    let text = render::question(m, case, q);
    let mut lines = text.lines();
    assert!(
        lines.next().unwrap_or("").starts_with("**Question 2.1**"),
        "{text}"
    );
    assert_eq!(
        lines.next(),
        Some("> Justifier l'intérêt de sélectionner ce réseau social."),
        "{text}"
    );
    let help = lines.next().unwrap_or("");
    assert!(help.starts_with("*Pour t’aider.* "), "{text}");
    assert!(help.contains("annexe 6"), "{text}");
    assert!(!text.contains("Explique pourquoi"), "{text}");
}

#[test]
fn a_question_without_its_consigne_stops_the_pack_and_the_help_is_optional() {
    const TEXTS: &str = "prompts/cases/arbre-cadeau/questions.toml";
    let pack = TempPack::new("consigne_missing");
    pack.replace(
        TEXTS,
        "consigne = \"\"\"\nJustifier l'intérêt de sélectionner ce réseau social.\n\"\"\"\n",
        "",
    );
    let errors = match pack::load(&pack.pack_dir()) {
        Ok(_) => panic!("a pack without the consigne of 2.1 loaded"),
        Err(e) => e.0,
    };
    assert!(
        errors
            .iter()
            .any(|e| e.location == "question.2.1.consigne" && e.problem.contains("manque")),
        "{errors:#?}"
    );

    // Without its help line, a question shows the consigne alone.
    let pack = TempPack::new("consigne_no_help");
    let src = std::fs::read_to_string(pack.prompts_dir().join("questions.toml"))
        .expect("read questions.toml");
    let start = src.find("[question.\"2.1\"]").expect("2.1");
    let help_at = start
        + src[start..]
            .find("statement = \"\"\"")
            .expect("2.1 statement");
    let help_end = help_at + src[help_at..].find("\"\"\"\n").expect("open") + 4;
    let help_end = help_end + src[help_end..].find("\"\"\"\n").expect("close") + 4;
    let stripped = format!("{}{}", &src[..help_at], &src[help_end..]);
    std::fs::write(pack.prompts_dir().join("questions.toml"), stripped).expect("write");
    let loaded = match pack::load(&pack.pack_dir()) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    let q = loaded.question("2.1").expect("2.1");
    let text = render::question(&shared_app().messages, &loaded, q);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.get(1).copied(),
        Some("> Justifier l'intérêt de sélectionner ce réseau social.")
    );
    assert!(!text.contains("Pour t’aider"), "{text}");
}
