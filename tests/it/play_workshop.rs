//! The LinkedIn workshop in class: votes on model posts and on shared drafts (one vote per
//! student, changeable, tally at the close), consent and withdrawal of shared drafts, written
//! answers with self-assessment, and teacher grading counted in the class scores. Engine level;
//! the console and Discord sides have their own tests.

use crate::helpers::{one, place, plain, spawn_engine, user_id, Play};
use casebot::play::command::{
    Actor, Audience, Board, ButtonAction, ChoiceAction, Command, Reply, VoteSubject,
};

/// A reply's text as read: French spaces made plain, Markdown markers and escapes dropped.
fn view(text: &str) -> String {
    casebot::console::plain(&plain(text))
}

/// The text of the one private reply of a list, as read.
fn private(replies: &[Reply]) -> String {
    let r = one(replies);
    assert_eq!(r.audience, Audience::Private, "not private: {r:#?}");
    view(&r.text)
}

fn all_texts(replies: &[Reply]) -> String {
    replies
        .iter()
        .map(|r| view(&r.text))
        .collect::<Vec<_>>()
        .join("\n---\n")
}

fn model_post(index: usize) -> String {
    let app = crate::helpers::shared_app();
    let case = &app.cases[0];
    let workshop = case.workshop.as_ref().expect("the case has a workshop");
    case.text(&casebot::linkedin::Workshop::post_id(
        &workshop.models[index],
    ))
}

/// The post ids of the vote buttons of a reply.
fn vote_post(reply: &Reply) -> i64 {
    let posts: Vec<i64> = reply
        .buttons
        .iter()
        .filter_map(|b| match b.action {
            ButtonAction::Vote { post, .. } => Some(post),
            _ => None,
        })
        .collect();
    assert_eq!(posts.len(), 3, "three vote buttons: {reply:#?}");
    assert!(posts.iter().all(|p| *p == posts[0]));
    posts[0]
}

async fn vote(play: &Play, who: &Actor, post: i64, choice: u8) -> String {
    private(&play.send(who, Command::Vote { post, choice }).await)
}

async fn board(play: &Play, who: &Actor, board: Board) -> String {
    let replies = play.send(who, Command::Leaderboard { board }).await;
    view(&one(&replies).text)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_vote_on_the_models_counts_one_changeable_vote_per_student() {
    let play = spawn_engine("workshop-vote").await;
    let prof = play.teacher("Prof");
    let [ana, ben, chloe] = ["Ana", "Ben", "Chloé"].map(|n| play.student(n));

    // Students cannot open a vote.
    let refused = private(
        &play
            .send(
                &ana,
                Command::VotePost {
                    subject: VoteSubject::Models(None),
                },
            )
            .await,
    );
    assert!(refused.contains("réservée aux enseignants"), "{refused}");
    assert_eq!(play.count("SELECT COUNT(*) FROM discussions").await, 0);

    let posted = play
        .send(
            &prof,
            Command::VotePost {
                subject: VoteSubject::Models(None),
            },
        )
        .await;
    assert_eq!(posted.len(), 5, "{}", all_texts(&posted));
    assert_eq!(
        private(&posted[4..]),
        "Soumis au vote de la classe : 4 posts, chacun avec ses boutons de vote et son fil de discussion. Quand la discussion est finie : /vote clore pour publier le décompte."
    );
    let mut posts = Vec::new();
    for (i, reply) in posted[..4].iter().enumerate() {
        assert_eq!(reply.audience, Audience::Channel);
        let text = view(&reply.text);
        assert!(
            text.starts_with(&format!("🗳️ Vote – Modèle {} : ", i + 1)),
            "{text}"
        );
        assert!(
            reply.text.contains(&model_post(i)),
            "the model post in full"
        );
        assert!(
            !text.contains("Note de l’enseignant"),
            "notes come with the tally"
        );
        let labels: Vec<&str> = reply.buttons.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["👍 Convaincant", "🤔 Mitigé", "👎 À retravailler"]);
        let thread = reply.thread.as_deref().expect("a discussion thread");
        assert!(thread.starts_with(&format!("Discussion – Modèle {} : ", i + 1)));
        assert!(thread.chars().count() <= 100);
        posts.push(vote_post(reply));
    }

    // Putting the same model again adds nothing.
    let again = play
        .send(
            &prof,
            Command::VotePost {
                subject: VoteSubject::Models(Some(2)),
            },
        )
        .await;
    let text = private(&again);
    assert!(
        text.starts_with("Déjà soumis au vote en cours : Modèle 2"),
        "{text}"
    );
    let unknown = private(
        &play
            .send(
                &prof,
                Command::VotePost {
                    subject: VoteSubject::Models(Some(9)),
                },
            )
            .await,
    );
    assert_eq!(
        unknown,
        "Il n’y a pas de modèle n° 9 : choisissez un numéro de 1 à 4."
    );
    assert_eq!(play.count("SELECT COUNT(*) FROM discussion_posts").await, 4);

    // Votes: recorded, changed, repeated, refused for teachers and bad choices.
    let t = vote(&play, &ana, posts[0], 0).await;
    assert!(
        t.starts_with("Vote enregistré : 👍 Convaincant pour « Modèle 1 : "),
        "{t}"
    );
    let t = vote(&play, &ana, posts[0], 2).await;
    assert!(
        t.starts_with("Vote changé : 👎 À retravailler pour « Modèle 1 : "),
        "{t}"
    );
    assert!(t.ends_with("(avant : 👍 Convaincant)."), "{t}");
    let t = vote(&play, &ana, posts[0], 2).await;
    assert!(t.starts_with("C’est déjà ton vote"), "{t}");
    vote(&play, &ben, posts[0], 0).await;
    vote(&play, &chloe, posts[0], 0).await;
    vote(&play, &ben, posts[1], 1).await;
    vote(&play, &ana, posts[3], 0).await;
    let t = vote(&play, &prof, posts[0], 0).await;
    assert_eq!(
        t,
        "Les enseignants ne votent pas : le décompte est celui des élèves."
    );
    let t = vote(&play, &ana, posts[0], 7).await;
    assert!(t.starts_with("Choix de vote inconnu"), "{t}");
    assert_eq!(play.count("SELECT COUNT(*) FROM votes").await, 5);

    // Another class cannot vote on this class's posts.
    let other = place("guild-2", "Autre classe", "general");
    let gus = play.student("Gus");
    let t = private(
        &play
            .send_at(
                &other,
                &gus,
                Command::Vote {
                    post: posts[0],
                    choice: 0,
                },
            )
            .await,
    );
    assert_eq!(t, "Ce vote n’existe pas (ou plus) dans cette classe.");
    let t = private(
        &play
            .send_at(&other, &play.teacher("Zoé"), Command::VoteClose)
            .await,
    );
    assert!(t.starts_with("Aucun vote n’est ouvert"), "{t}");
    assert_eq!(play.count("SELECT COUNT(*) FROM votes").await, 5);

    // The tally, when the teacher closes the vote.
    let closed = play.send(&prof, Command::VoteClose).await;
    let reply = one(&closed);
    assert_eq!(reply.audience, Audience::Channel);
    let tally = view(&reply.text);
    let lines: Vec<&str> = tally.lines().collect();
    assert_eq!(
        lines[0], "📊 Résultats du vote – 4 posts, 3 votants",
        "{tally}"
    );
    assert!(lines[1].starts_with("• Modèle 1 : "), "{tally}");
    assert!(
        lines[1].ends_with(" : 👍 2 · 🤔 0 · 👎 1 (3 votes)"),
        "{tally}"
    );
    assert!(
        lines[2].ends_with(" : 👍 0 · 🤔 1 · 👎 0 (1 vote)"),
        "{tally}"
    );
    assert!(
        lines[3].ends_with(" : 👍 0 · 🤔 0 · 👎 0 (0 vote)"),
        "{tally}"
    );
    assert!(
        lines[4].ends_with(" : 👍 1 · 🤔 0 · 👎 0 (1 vote)"),
        "{tally}"
    );
    assert!(
        lines[5].starts_with("🏆 Le plus convaincant pour la classe : Modèle 1 : "),
        "{tally}"
    );
    assert!(
        lines[5].ends_with("(2 « convaincant » sur 3 votes)."),
        "{tally}"
    );
    assert!(
        tally.contains("les notes de l’enseignant sur les modèles"),
        "{tally}"
    );
    assert_eq!(
        tally.matches("\n• Modèle").count(),
        8,
        "4 tally lines + 4 notes"
    );
    let picture = reply.attachment.as_ref().expect("the tally as a picture");
    assert_eq!(
        (picture.name.as_str(), picture.mime.as_str()),
        ("vote.png", "image/png")
    );
    assert!(picture.bytes.starts_with(b"\x89PNG"));

    // Closed: votes refused, nothing changes; a second close finds nothing open.
    let t = vote(&play, &ben, posts[2], 0).await;
    assert_eq!(t, "Ce vote est clos : le décompte a été publié.");
    assert_eq!(play.count("SELECT COUNT(*) FROM votes").await, 5);
    let t = private(&play.send(&prof, Command::VoteClose).await);
    assert!(t.starts_with("Aucun vote n’est ouvert"), "{t}");

    // A new vote can put the same model again.
    let posted = play
        .send(
            &prof,
            Command::VotePost {
                subject: VoteSubject::Models(Some(3)),
            },
        )
        .await;
    assert_eq!(posted.len(), 2);
    assert!(view(&posted[1].text).starts_with("Soumis au vote de la classe : 1 post,"));
    assert_ne!(vote_post(&posted[0]), posts[2]);
    vote(&play, &ana, vote_post(&posted[0]), 0).await;
    let tally = view(&one(&play.send(&prof, Command::VoteClose).await).text);
    assert!(
        tally.starts_with("📊 Résultats du vote – 1 post, 1 votant\n• Modèle 3 : "),
        "{tally}"
    );
    assert!(
        !tally.contains("🏆"),
        "one post: nothing to compare: {tally}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_draft_is_shared_only_with_consent_anonymously_and_can_be_withdrawn() {
    let play = spawn_engine("workshop-drafts").await;
    let prof = play.teacher("Prof");
    let [ana, ben] = ["Ana Martin", "Ben"].map(|n| play.student(n));
    let draft = "Un arbre pour 40 ans d'histoire 🌳\n« Tous les salariés ont été ravis » @ICOOPA\n#RSE #cadeau #entreprise";

    // Without consent nothing is kept.
    let replies = play
        .send(
            &ana,
            Command::DraftCheck {
                text: draft.into(),
                share: false,
            },
        )
        .await;
    assert!(one(&replies).buttons.is_empty());
    assert_eq!(play.count("SELECT COUNT(*) FROM shared_drafts").await, 0);

    // With consent: kept, numbered, with a button to withdraw it.
    let replies = play
        .send(
            &ana,
            Command::DraftCheck {
                text: draft.into(),
                share: true,
            },
        )
        .await;
    let reply = one(&replies);
    let text = view(&reply.text);
    assert!(text.starts_with("Analyse de ton brouillon"), "{text}");
    assert!(
        text.contains("proposé à tes professeurs sous le n° 1"),
        "{text}"
    );
    assert!(text.contains("sans ton nom"), "{text}");
    assert_eq!(
        reply.buttons.iter().map(|b| &b.action).collect::<Vec<_>>(),
        [&ButtonAction::DraftWithdraw(1)]
    );
    // The same draft again is not stored twice.
    let again = private(
        &play
            .send(
                &ana,
                Command::DraftCheck {
                    text: draft.into(),
                    share: true,
                },
            )
            .await,
    );
    assert!(again.contains("déjà partagé sous le n° 1"), "{again}");
    let empty = private(
        &play
            .send(
                &ben,
                Command::DraftCheck {
                    text: "  ".into(),
                    share: true,
                },
            )
            .await,
    );
    assert!(
        empty.ends_with("Ton brouillon est vide : il n’a pas été partagé."),
        "{empty}"
    );
    let long = private(
        &play
            .send(
                &ben,
                Command::DraftCheck {
                    text: "a".repeat(4001),
                    share: true,
                },
            )
            .await,
    );
    assert!(
        long.contains("Ton texte fait 4001 caractères : la limite est de 4000."),
        "{long}"
    );
    assert_eq!(play.count("SELECT COUNT(*) FROM shared_drafts").await, 1);

    // Teachers list them without names; students cannot.
    let list = private(&play.send(&prof, Command::VoteDrafts).await);
    assert!(
        list.starts_with("Brouillons partagés par les élèves (1)"),
        "{list}"
    );
    assert!(list.contains("• n° 1 – "), "{list}");
    assert!(!list.contains("Ana"), "{list}");
    let refused = private(&play.send(&ben, Command::VoteDrafts).await);
    assert!(refused.contains("réservée aux enseignants"), "{refused}");

    // Put to the vote, anonymously; another class's teacher cannot reach it.
    let other = place("guild-2", "Autre classe", "general");
    let t = private(
        &play
            .send_at(
                &other,
                &play.teacher("Zoé"),
                Command::VotePost {
                    subject: VoteSubject::Draft(1),
                },
            )
            .await,
    );
    assert!(
        t.starts_with("Aucun brouillon partagé n° 1 dans cette classe"),
        "{t}"
    );
    let posted = play
        .send(
            &prof,
            Command::VotePost {
                subject: VoteSubject::Draft(1),
            },
        )
        .await;
    assert_eq!(posted.len(), 3, "{}", all_texts(&posted));
    let reply = &posted[0];
    assert_eq!(reply.audience, Audience::Channel);
    // The author is told, privately; the teacher is told it is posted.
    assert_eq!(posted[1].audience, Audience::Private);
    assert_eq!(posted[2].audience, Audience::User(user_id("Ana Martin")));
    assert!(
        view(&posted[2].text).starts_with("📣 Ton brouillon n° 1 vient d’être soumis au vote"),
        "{}",
        posted[2].text
    );
    let text = view(&reply.text);
    assert!(
        text.starts_with(
            "🗳️ Vote – Brouillon n° 1, écrit par un ou une élève de la classe (anonyme)"
        ),
        "{text}"
    );
    assert!(
        text.contains("> Un arbre pour 40 ans d'histoire 🌳"),
        "{text}"
    );
    assert!(text.contains("> #RSE #cadeau #entreprise"), "{text}");
    assert!(
        !text.contains("Ana") && !text.contains(&user_id("Ana Martin")),
        "{text}"
    );
    assert_eq!(reply.thread.as_deref(), Some("Discussion – Brouillon n° 1"));
    let post = vote_post(reply);
    let own = vote(&play, &ana, post, 0).await;
    assert!(
        own.starts_with("C’est ton brouillon : tu ne votes pas pour lui"),
        "{own}"
    );
    vote(&play, &ben, post, 0).await;
    assert_eq!(play.count("SELECT COUNT(*) FROM votes").await, 1);

    // Only its author can withdraw it; the votes on it go with it.
    let t = private(&play.send(&ben, Command::DraftWithdraw { draft: 1 }).await);
    assert_eq!(t, "Tu n’as pas de brouillon partagé n° 1.");
    assert_eq!(play.count("SELECT COUNT(*) FROM shared_drafts").await, 1);
    let t = private(&play.send(&ana, Command::DraftWithdraw { draft: 1 }).await);
    assert!(
        t.starts_with("C’est fait : le brouillon n° 1 n’est plus partagé"),
        "{t}"
    );
    assert_eq!(play.count("SELECT COUNT(*) FROM shared_drafts").await, 0);
    assert_eq!(play.count("SELECT COUNT(*) FROM votes").await, 0);
    let t = vote(&play, &ben, post, 1).await;
    assert_eq!(t, "Ce vote n’existe pas (ou plus) dans cette classe.");
    let tally = view(&one(&play.send(&prof, Command::VoteClose).await).text);
    assert!(
        tally.starts_with("📊 Résultats du vote – 0 post, 0 votant"),
        "{tally}"
    );

    // At most five shared drafts per student.
    for i in 0..5 {
        play.send(
            &ben,
            Command::DraftCheck {
                text: format!("brouillon {i}"),
                share: true,
            },
        )
        .await;
    }
    let t = private(
        &play
            .send(
                &ben,
                Command::DraftCheck {
                    text: "brouillon 6".into(),
                    share: true,
                },
            )
            .await,
    );
    assert!(t.contains("Tu as déjà 5 brouillons partagés"), "{t}");
    assert_eq!(play.count("SELECT COUNT(*) FROM shared_drafts").await, 5);

    // Forgetting a student erases their drafts.
    play.send(&ben, Command::ForgetMe { confirm: true }).await;
    assert_eq!(play.count("SELECT COUNT(*) FROM shared_drafts").await, 0);
}

const ANSWER_24: &str = "Sur le plan technique, il faut sécuriser l’accès à la page avec des mots de passe forts.\nJuridiquement, obtenir l’accord écrit d’Emilie HERROU BEBIN pour publier son témoignage.\nCôté management, désigner qui publie et valide.";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn written_answers_are_self_assessed_then_graded_and_the_grade_counts() {
    let play = spawn_engine("workshop-written").await;
    let prof = play.teacher("Prof");
    let [ana, ben] = ["Ana", "Ben"].map(|n| play.student(n));

    // A question without a grid, an empty answer: nothing stored.
    let t = private(
        &play
            .send(
                &ana,
                Command::WrittenAnswer {
                    question: "9.9".into(),
                    text: "x".into(),
                },
            )
            .await,
    );
    assert_eq!(
        t,
        "La question « 9.9 » n’a pas de grille de correction. Questions à rédiger : 1.1, 1.2, 1.3, 2.1, 2.2, 2.3, 2.4, R."
    );
    let t = private(
        &play
            .send(
                &ana,
                Command::WrittenAnswer {
                    question: "2.4".into(),
                    text: " \n ".into(),
                },
            )
            .await,
    );
    assert_eq!(t, "Ta réponse est vide : rien n’a été enregistré.");
    assert_eq!(play.count("SELECT COUNT(*) FROM written_answers").await, 0);

    // The answer, then the grid to tick.
    let replies = play
        .send(
            &ana,
            Command::WrittenAnswer {
                question: "2.4".into(),
                text: ANSWER_24.into(),
            },
        )
        .await;
    let reply = one(&replies);
    let text = view(&reply.text);
    assert!(
        text.starts_with("📝 Réponse à la question 2.4 enregistrée (copie n° 1, "),
        "{text}"
    );
    assert!(text.contains("(3 points en jeu)"), "{text}");
    assert!(text.contains("\n1. "), "{text}");
    assert!(text.contains("\n6. "), "{text}");
    let choice = reply.choice.as_ref().expect("boxes to tick");
    assert_eq!(choice.action, ChoiceAction::SelfAssess(1));
    assert_eq!(choice.options.len(), 6);
    assert!(choice.options.iter().all(|o| !o.selected));
    assert_eq!(choice.options[0].value, "technical_access");
    assert_eq!(choice.options[0].description, "0,5 point");

    // Self-assessment: by number or id, replaced when done again, never counted.
    let bad = private(
        &play
            .send(
                &ana,
                Command::SelfAssess {
                    answer: 1,
                    criteria: vec!["1".into(), "8".into()],
                },
            )
            .await,
    );
    assert_eq!(
        bad,
        "« 8 » n’est pas un critère de la grille : coche des numéros de 1 à 6."
    );
    assert_eq!(
        play.count("SELECT COUNT(*) FROM written_answers WHERE self_at IS NOT NULL")
            .await,
        0
    );
    let t = private(
        &play
            .send(
                &ana,
                Command::SelfAssess {
                    answer: 1,
                    criteria: vec!["1".into(), "legal_consent".into(), "5".into(), "5".into()],
                },
            )
            .await,
    );
    assert!(
        t.starts_with(
            "🪞 Auto-évaluation de ta réponse à la question 2.4 : 1,5 point sur 3 points."
        ),
        "{t}"
    );
    assert_eq!(t.matches("✅").count(), 3, "{t}");
    assert_eq!(t.matches("❌").count(), 3, "{t}");
    assert!(t.contains("ce qu’une bonne copie écrit : "), "{t}");
    let t = private(
        &play
            .send(
                &ben,
                Command::SelfAssess {
                    answer: 1,
                    criteria: vec!["1".into()],
                },
            )
            .await,
    );
    assert_eq!(t, "Tu n’as pas de copie n° 1 dans cette classe.");
    let board_before = board(&play, &prof, Board::AllTime).await;
    assert!(!board_before.contains("Ana"), "{board_before}");

    // The teacher's queue and the copy with its grid.
    let refused = private(&play.send(&ana, Command::GradeQueue).await);
    assert!(refused.contains("réservée aux enseignants"), "{refused}");
    let queue = private(&play.send(&prof, Command::GradeQueue).await);
    assert!(
        queue.starts_with("Copies de la classe : 1 à corriger sur 1."),
        "{queue}"
    );
    assert!(
        queue.contains("• n° 1 – question 2.4 – Ana – ")
            && queue.contains("à corriger (auto-évaluation : 1,5 point sur 3 points)"),
        "{queue}"
    );
    let shown = play
        .send(
            &prof,
            Command::Grade {
                answer: 1,
                criteria: None,
            },
        )
        .await;
    let reply = one(&shown);
    let text = view(&reply.text);
    assert!(
        text.starts_with("Copie n° 1 – question 2.4 – Ana ("),
        "{text}"
    );
    assert!(text.contains("> Sur le plan technique"), "{text}");
    assert!(
        text.contains(
            "Auto-évaluation de l’élève : 1,5 point sur 3 points, critères cochés : 1, 3, 5."
        ),
        "{text}"
    );
    let choice = reply.choice.as_ref().expect("the grading grid");
    assert_eq!(choice.action, ChoiceAction::Grade(1));

    // The grade: counted in the class boards, the student told privately.
    let graded = play
        .send(
            &prof,
            Command::Grade {
                answer: 1,
                criteria: Some(vec!["1".into(), "3".into(), "5".into(), "6".into()]),
            },
        )
        .await;
    assert_eq!(graded.len(), 2, "{}", all_texts(&graded));
    let saved = view(&graded[0].text);
    assert_eq!(
        saved,
        "✅ Copie n° 1 (Ana, question 2.4) : 2 points sur 3 points ; la note compte au classement de la classe. L’élève a reçu le détail."
    );
    assert_eq!(graded[1].audience, Audience::User(user_id("Ana")));
    let notice = view(&graded[1].text);
    assert!(
        notice.starts_with(
            "📬 Ton professeur a corrigé ta réponse à la question 2.4 : 2 points sur 3 points."
        ),
        "{notice}"
    );
    assert_eq!(notice.matches("✅").count(), 4, "{notice}");
    let all = board(&play, &prof, Board::AllTime).await;
    assert!(all.contains("1. Ana – 2 points"), "{all}");
    let q = board(&play, &prof, Board::Question("2.4".into())).await;
    assert!(q.contains("1. Ana – 2 points"), "{q}");
    let week = board(&play, &prof, Board::Week).await;
    assert!(week.contains("1. Ana – 2 points"), "{week}");
    let other_q = board(&play, &prof, Board::Question("2.1".into())).await;
    assert!(!other_q.contains("Ana"), "{other_q}");

    // Regrading replaces the grade: never counted twice.
    let regraded = play
        .send(
            &prof,
            Command::Grade {
                answer: 1,
                criteria: Some(Vec::new()),
            },
        )
        .await;
    assert!(
        view(&regraded[0].text).contains(": 0 point sur 3 points (avant : 2 points sur 3 points)"),
        "{}",
        all_texts(&regraded)
    );
    let regraded = play
        .send(
            &prof,
            Command::Grade {
                answer: 1,
                criteria: Some(vec!["2".into(), "4".into()]),
            },
        )
        .await;
    assert!(view(&regraded[0].text).contains(": 1 point sur 3 points (avant : 0 point"));
    let all = board(&play, &prof, Board::AllTime).await;
    assert!(all.contains("1. Ana – 1 point"), "{all}");
    let queue = private(&play.send(&prof, Command::GradeQueue).await);
    assert!(
        queue.starts_with("Copies de la classe : 0 à corriger sur 1."),
        "{queue}"
    );

    // Another class sees nothing of it; a wrong criterion changes nothing.
    let other = place("guild-2", "Autre classe", "general");
    let t = private(
        &play
            .send_at(
                &other,
                &play.teacher("Zoé"),
                Command::Grade {
                    answer: 1,
                    criteria: Some(vec!["1".into()]),
                },
            )
            .await,
    );
    assert_eq!(
        t,
        "Aucune copie n° 1 dans cette classe (/corriger pour la liste)."
    );
    let t = private(
        &play
            .send(
                &prof,
                Command::Grade {
                    answer: 1,
                    criteria: Some(vec!["zzz".into()]),
                },
            )
            .await,
    );
    assert!(t.starts_with("« zzz » n’est pas un critère"), "{t}");
    let all = board(&play, &prof, Board::AllTime).await;
    assert!(all.contains("1. Ana – 1 point"), "{all}");

    // The export and the student's data show the copy.
    let export = play.send(&prof, Command::Export).await;
    let csv =
        String::from_utf8_lossy(&export[0].attachment.as_ref().expect("csv").bytes).to_string();
    let summary =
        String::from_utf8_lossy(&export[1].attachment.as_ref().expect("csv").bytes).to_string();
    assert!(summary.contains("\nAna;u-Ana;0;0;1;1\n"), "{summary}");
    let row = csv
        .lines()
        .find(|l| l.contains("copie 1"))
        .unwrap_or_else(|| panic!("no copy row in {csv}"));
    assert!(row.starts_with("Ana;u-Ana;copie 1;2.4;;;1;"), "{row}");
    assert!(csv.contains(";corrigee;1;0;"), "{csv}");
    let mine = play.send(&ana, Command::MyData).await;
    let text = view(&one(&mine).text);
    assert!(
        text.contains("1 copie rédigée, 0 brouillon partagé, 0 vote."),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&one(&mine).attachment.as_ref().expect("json").bytes).expect("json");
    assert_eq!(json["written_answers"][0]["question"], "2.4");
    assert_eq!(json["written_answers"][0]["grade"], "1");
    assert_eq!(json["written_answers"][0]["self_assessment"], "1.5");

    // Forget me: the copy goes, and the board with it.
    play.send(&ana, Command::ForgetMe { confirm: true }).await;
    assert_eq!(play.count("SELECT COUNT(*) FROM written_answers").await, 0);
    let all = board(&play, &prof, Board::AllTime).await;
    assert!(!all.contains("Ana"), "{all}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_vote_or_grade_delivered_twice_counts_once() {
    let play = spawn_engine("workshop-idempotent").await;
    let prof = play.teacher("Prof");
    let ana = play.student("Ana");
    let posted = play
        .send(
            &prof,
            Command::VotePost {
                subject: VoteSubject::Models(Some(1)),
            },
        )
        .await;
    let post = vote_post(&posted[0]);
    let request = play.req(&ana, Command::Vote { post, choice: 0 });
    let first = play.engine.handle(request.clone()).await;
    let second = play.engine.handle(request).await;
    assert_eq!(first, second);
    assert!(view(&first[0].text).starts_with("Vote enregistré"));
    assert_eq!(play.count("SELECT COUNT(*) FROM votes").await, 1);

    play.send(
        &ana,
        Command::WrittenAnswer {
            question: "R".into(),
            text: "Introduction, développement, conclusion.".into(),
        },
    )
    .await;
    let request = play.req(
        &prof,
        Command::Grade {
            answer: 1,
            criteria: Some(vec!["1".into(), "2".into()]),
        },
    );
    let first = play.engine.handle(request.clone()).await;
    let second = play.engine.handle(request).await;
    assert_eq!(view(&first[0].text), view(&second[0].text));
    assert_eq!(second.len(), 1, "the student is told once");
    let all = board(&play, &prof, Board::AllTime).await;
    assert!(all.contains("1. Ana – 3 points"), "{all}");
}

/// The whole workshop typed in the console: the same texts, commands instead of buttons.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_runs_the_workshop_with_commands_for_buttons_and_menus() {
    let play = spawn_engine("console-workshop").await;
    let buf = crate::play::SharedBuf::default();
    let out: casebot::console::Output = std::sync::Arc::new(std::sync::Mutex::new(Box::new(
        buf.clone(),
    )
        as Box<dyn std::io::Write + Send>));
    let files = crate::helpers::TempDir::new("play-console-workshop-files");
    let options = casebot::console::ConsoleOptions {
        class: "classe-console".into(),
        teachers: vec!["prof".into()],
        default_user: "alice".into(),
        files_dir: files.path.clone(),
    };
    let script = "dylan> /rediger 3.3\n\
                  prof> /vote modeles numero:1\n\
                  alice> /brouillon partager:oui\n\
                  Un olivier pour les 40 ans d’ICOOPA\n\
                  #RSE #arbre #cadeau\n\
                  .\n\
                  prof> /vote brouillons\n\
                  prof> /vote brouillon 1\n\
                  alice> /voter 1 1\n\
                  bob> /voter 1 2\n\
                  bob> /voter 1 retravailler\n\
                  alice> /voter 2 1\n\
                  bob> /voter 2 1\n\
                  bob> /voter 2\n\
                  prof> /vote clore\n\
                  alice> /rediger 2.4\n\
                  Sécuriser les accès à la page.\n\
                  Demander l’accord écrit de la personne citée.\n\
                  .\n\
                  alice> /cocher 1 1 3\n\
                  prof> /corriger\n\
                  prof> /corriger 1\n\
                  prof> /noter 1 1 3 5\n\
                  prof> /classement\n\
                  /quitter\n";
    let input = tokio::io::BufReader::new(script.as_bytes());
    casebot::console::run(play.engine.clone(), input, out, options)
        .await
        .expect("console run");
    let output = view(&String::from_utf8(buf.0.lock().expect("buffer").clone()).expect("utf-8"));
    for expected in [
        "[privé → dylan] La question « 3.3 » n’a pas de grille de correction.",
        "[classe] 🗳️ Vote – Modèle 1 : ",
        "[boutons : 👍 Convaincant · 🤔 Mitigé · 👎 À retravailler] → /voter 1 1, 2 ou 3",
        "[fil de discussion : Discussion – Modèle 1 : ",
        "Écris ou colle ton brouillon de post LinkedIn",
        "proposé à tes professeurs sous le n° 1",
        "[boutons : Retirer ce brouillon du partage] → /retirer-brouillon 1",
        "[privé → prof] Brouillons partagés par les élèves (1).",
        "[classe] 🗳️ Vote – Brouillon n° 1, écrit par un ou une élève de la classe (anonyme)",
        "> Un olivier pour les 40 ans d’ICOOPA",
        "[fil de discussion : Discussion – Brouillon n° 1]",
        "[privé → alice] Vote enregistré : 👍 Convaincant pour « Modèle 1 : ",
        "[privé → bob] Vote changé : 👎 À retravailler pour « Modèle 1 : ",
        "[privé → alice] C’est ton brouillon : tu ne votes pas pour lui",
        "Usage : /voter 12 1 (1 convaincant, 2 mitigé, 3 à retravailler)",
        "[classe] 📊 Résultats du vote – 2 posts, 2 votants",
        " : 👍 1 · 🤔 0 · 👎 1 (2 votes)",
        "• Brouillon n° 1 : 👍 1 · 🤔 0 · 👎 0 (1 vote)",
        "🏆 Ex æquo, avec 1 « convaincant » chacun : Modèle 1 : ",
        "Écris ta réponse à la question 2.4, sur plusieurs lignes",
        "[privé → alice] 📝 Réponse à la question 2.4 enregistrée (copie n° 1, ",
        "→ /cocher 1 puis les numéros des critères",
        "[privé → alice] 🪞 Auto-évaluation de ta réponse à la question 2.4 : 1 point sur 3 points.",
        "[privé → prof] Copies de la classe : 1 à corriger sur 1.",
        "[privé → prof] Copie n° 1 – question 2.4 – alice (",
        "> Sécuriser les accès à la page.",
        "→ /noter 1 puis les critères présents (par exemple /noter 1 1 3), une part de leurs points",
        "[privé → prof] ✅ Copie n° 1 (alice, question 2.4) : 1,5 point sur 3 points",
        "[privé → alice] 📬 Ton professeur a corrigé ta réponse à la question 2.4 : 1,5 point sur 3 points.",
        "1. alice – 1,5 point",
    ] {
        assert!(output.contains(expected), "missing {expected:?} in:\n{output}");
    }
    assert_eq!(play.count("SELECT COUNT(*) FROM votes").await, 3);
}

/// Grading a class's copies one after the other: the list offers the oldest copy to grade,
/// each grade offers the next one, until none is left.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn grading_goes_from_one_copy_to_the_next() {
    let play = spawn_engine("workshop-next").await;
    let prof = play.teacher("Prof");
    let [ana, ben] = ["Ana", "Ben"].map(|n| play.student(n));
    for (who, question) in [(&ana, "2.4"), (&ben, "R")] {
        play.send(
            who,
            Command::WrittenAnswer {
                question: question.into(),
                text: "Une réponse rédigée.".into(),
            },
        )
        .await;
        play.clock.advance(1_000);
    }
    play.send(
        &ana,
        Command::WrittenAnswer {
            question: "2.1".into(),
            text: "LinkedIn touche les responsables RH.".into(),
        },
    )
    .await;
    let buttons = |replies: &[Reply]| -> Vec<ButtonAction> {
        replies[0]
            .buttons
            .iter()
            .map(|b| b.action.clone())
            .collect()
    };
    let queue = play.send(&prof, Command::GradeQueue).await;
    assert_eq!(buttons(&queue), [ButtonAction::GradeShow(1)]);
    assert_eq!(queue[0].buttons[0].label, "Corriger la copie n° 1");
    let grade = |answer: i64| Command::Grade {
        answer,
        criteria: Some(vec!["1".into()]),
    };
    let graded = play.send(&prof, grade(1)).await;
    assert_eq!(buttons(&graded), [ButtonAction::GradeShow(2)]);
    assert_eq!(graded[0].buttons[0].label, "Copie suivante (n° 2)");
    let graded = play.send(&prof, grade(2)).await;
    assert_eq!(buttons(&graded), [ButtonAction::GradeShow(3)]);
    let graded = play.send(&prof, grade(3)).await;
    assert!(graded[0].buttons.is_empty(), "nothing left to grade");
    let regraded = play.send(&prof, grade(1)).await;
    assert!(regraded[0].buttons.is_empty());
    let queue = play.send(&prof, Command::GradeQueue).await;
    assert!(queue[0].buttons.is_empty());
    assert!(view(&queue[0].text).starts_with("Copies de la classe : 0 à corriger sur 3."));
}

/// The model answer of a question, with its grid; locked for students while a live quiz asks
/// one of its calculations.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn model_answers_come_with_their_grid_and_wait_for_the_quiz() {
    let play = spawn_engine("workshop-model-answer").await;
    let prof = play.teacher("Prof");
    let ana = play.student("Ana");
    let ask = |q: &str| Command::ModelAnswer { question: q.into() };
    let text = private(&play.send(&ana, ask("2.4")).await);
    assert!(
        text.starts_with("📘 Corrigé – question 2.4 (3 points)\n"),
        "{text}"
    );
    assert!(
        text.contains("Grille de correction – question 2.4"),
        "{text}"
    );
    assert!(text.ends_with("Pour t’entraîner : /rediger 2.4, puis coche dans la grille ce que ta réponse contient."), "{text}");
    let text = private(&play.send(&ana, ask("r")).await);
    assert!(
        text.starts_with("📘 Corrigé – question R (8 points)"),
        "{text}"
    );
    let text = private(&play.send(&ana, ask("1.2.a")).await);
    assert!(
        text.starts_with("📘 Corrigé – question 1.2 "),
        "a part stands for its question: {text}"
    );
    let text = private(&play.send(&ana, ask("2,4")).await);
    assert!(text.starts_with("📘 Corrigé – question 2.4 "), "{text}");
    let text = private(&play.send(&ana, ask("9.9")).await);
    assert!(text.contains("« 9.9 »"), "{text}");
    let question = private(
        &play
            .send(&ana, Command::Question { id: "2.1".into() })
            .await,
    );
    assert!(
        question.ends_with(
            "Rédige ta réponse avec /rediger 2.1, puis compare-la au corrigé : /corrige-type 2.1."
        ),
        "{question}"
    );

    // A quiz asks 1.2.a: the corrigé of 1.2 waits for its correction (not for teachers).
    play.send(
        &prof,
        Command::QuizLaunch {
            scope: casebot::play::command::Scope::Items(vec!["1.2.a".into()]),
            seconds_per_item: Some(60),
            total_minutes: None,
            speed_bonus: false,
            streak_bonus: false,
            full_time: false,
        },
    )
    .await;
    play.take_posts(1).await;
    let locked = private(&play.send(&ana, ask("1.2")).await);
    assert_eq!(
        locked,
        "Cette question est en cours dans le quiz de la classe, ou liée à un calcul qu’il demande : son corrigé s’affichera après la correction."
    );
    let text = private(&play.send(&prof, ask("1.2")).await);
    assert!(text.starts_with("📘 Corrigé – question 1.2"), "{text}");
    let other = private(&play.send(&ana, ask("1.1")).await);
    assert!(other.starts_with("📘 Corrigé – question 1.1"), "{other}");
    play.advance_and_tick(61_000).await;
    play.take_posts(1).await;
    let open = private(&play.send(&ana, ask("1.2")).await);
    assert!(open.starts_with("📘 Corrigé – question 1.2"), "{open}");
}
