//! What a user types is inert everywhere: every reply that echoes a student's or a teacher's
//! text shows it escaped (no Markdown, no mention, no link), on one line and cut to a sane
//! length. The rule is checked over every command that takes free text.

use crate::helpers::{spawn_engine, texts};
use casebot::play::command::Reply;
use casebot::play::command::{Board, Command, Scope};

/// Markdown, mentions, a masked link, a heading, and a long tail.
fn hostile() -> String {
    format!(
        "**gras** @everyone <@123> `code` ||caché|| [lien](https://exemple.fr) {}",
        "Z".repeat(5_000)
    )
}

/// The reply texts show no live Markdown or mention from `hostile()`, and at most a short
/// piece of it.
fn assert_inert(what: &str, replies: &[Reply]) {
    let all = texts(replies);
    assert!(!all.is_empty(), "{what}: no reply");
    for live in [
        "**gras**",
        " @everyone",
        "<@123>",
        "`code`",
        "||caché||",
        "[lien](",
    ] {
        if let Some(at) = all.find(live) {
            let mut from = at.saturating_sub(80);
            while !all.is_char_boundary(from) {
                from -= 1;
            }
            let around: String = all[from..].chars().take(200).collect();
            panic!("{what}: « {live} » shown live in …{around}…");
        }
    }
    let zs = all.chars().filter(|c| *c == 'Z').count();
    assert!(zs <= 200, "{what}: {zs} characters of the tail echoed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_echo_of_what_a_user_types_is_escaped_and_cut() {
    let play = spawn_engine("inert_echo").await;
    let alice = play.student("Alice");
    let prof = play.teacher("Prof");
    let h = hostile();

    let cases: Vec<(&str, bool, Command)> = vec![
        ("/kpi", false, Command::Kpi { id: h.clone() }),
        ("/question", false, Command::Question { id: h.clone() }),
        (
            "/entrainement questions",
            false,
            Command::Practice {
                scope: Scope::Items(vec![h.clone()]),
            },
        ),
        (
            "/entrainement dossier",
            false,
            Command::Practice {
                scope: Scope::Dossier(h.clone()),
            },
        ),
        (
            "/classement question",
            false,
            Command::Leaderboard {
                board: Board::Question(h.clone()),
            },
        ),
        (
            "/corrige-type",
            false,
            Command::ModelAnswer {
                question: h.clone(),
            },
        ),
        (
            "/rediger",
            false,
            Command::WrittenAnswer {
                question: h.clone(),
                text: "Ma réponse".into(),
            },
        ),
        (
            "/quiz lancer questions",
            true,
            Command::QuizLaunch {
                scope: Scope::Items(vec![h.clone()]),
                seconds_per_item: None,
                total_minutes: None,
                speed_bonus: false,
                streak_bonus: false,
                full_time: false,
            },
        ),
        (
            "/brouillon",
            false,
            Command::DraftCheck {
                text: format!("{h}\n{h}"),
                share: false,
            },
        ),
    ];
    for (what, teacher, command) in cases {
        let who = if teacher { &prof } else { &alice };
        let replies = play.send(who, command).await;
        assert_inert(what, &replies);
    }

    // An answer whose words are not understood: the words are echoed, inert.
    let replies = play
        .send(
            &alice,
            Command::Practice {
                scope: Scope::Items(vec!["1.2.a".into()]),
            },
        )
        .await;
    assert!(!replies.is_empty());
    for answer in [
        format!("17,76 % {h}"),
        format!("17.760.1 {h}"),
        format!("{h} 17,76"),
    ] {
        let replies = play
            .send(
                &alice,
                Command::Answer {
                    text: answer.clone(),
                    item: None,
                },
            )
            .await;
        assert_inert(&format!("/repondre {}", &answer[..20]), &replies);
    }
}

/// The echo itself: escaped, on one line, cut with « … ».
#[test]
fn an_echo_is_one_escaped_line_of_bounded_length() {
    use casebot::render::{echo, ECHO_MAX_CHARS};
    assert_eq!(echo("  1.2.a  "), "1.2.a");
    assert_eq!(echo("**a**\n@b"), "\\*\\*a\\*\\* \\@b");
    let long = "é".repeat(1_000);
    let cut = echo(&long);
    assert_eq!(cut.chars().count(), ECHO_MAX_CHARS + 1);
    assert!(cut.ends_with('…'));
}
