//! Ids shown to users (a shared draft's number, a copy's number, a post put to the vote, a quiz
//! in its buttons) are never given again after a deletion: a button or a number kept from
//! before finds nothing, never someone else's draft or copy. And the migration that made them
//! so keeps every row of a database written before it, with its links.

use crate::helpers::{one, plain, spawn_engine, TempDir};
use casebot::play::command::{ButtonAction, Command};
use casebot::store::Store;

const DRAFT: &str = "Un arbre pour 40 ans d'histoire 🌳\n« Tous les salariés ont été ravis » @ICOOPA\n#RSE #cadeau #entreprise";

const ANSWER: &str = "Sur le plan technique, la page LinkedIn de l’entreprise touche les décideurs ; sur le plan commercial, elle installe la marque auprès des comités d’entreprise.";

fn private(replies: &[casebot::play::command::Reply]) -> String {
    plain(&one(replies).text)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_number_or_button_kept_from_before_a_deletion_finds_nothing() {
    let play = spawn_engine("ids-never-reused").await;
    let prof = play.teacher("Prof");
    let [ana, ben] = ["Ana", "Ben"].map(|n| play.student(n));
    let share = || Command::DraftCheck {
        text: DRAFT.into(),
        share: true,
    };

    // A shared draft, withdrawn: the next one shared gets another number.
    let first = one(&play.send(&ana, share()).await).buttons.clone();
    assert_eq!(first[0].action, ButtonAction::DraftWithdraw(1));
    let t = private(&play.send(&ana, Command::DraftWithdraw { draft: 1 }).await);
    assert!(t.starts_with("C’est fait : le brouillon n° 1"), "{t}");
    let second = one(&play.send(&ben, share()).await).buttons.clone();
    assert_eq!(second[0].action, ButtonAction::DraftWithdraw(2));
    // Ana's old button does not reach Ben's draft.
    let t = private(&play.send(&ana, Command::DraftWithdraw { draft: 1 }).await);
    assert_eq!(t, "Tu n’as pas de brouillon partagé n° 1.");
    assert_eq!(play.count("SELECT COUNT(*) FROM shared_drafts").await, 1);

    // A copy whose author is forgotten: the teacher's grading menu for it, kept open, does not
    // grade the next student's copy.
    let write = |who| {
        play.send(
            who,
            Command::WrittenAnswer {
                question: "2.4".into(),
                text: ANSWER.into(),
            },
        )
    };
    write(&ana).await;
    let (copy,): (i64,) = sqlx::query_as("SELECT MAX(id) FROM written_answers")
        .fetch_one(&play.engine.store().read)
        .await
        .expect("the copy");
    let shown = play
        .send(
            &prof,
            Command::Grade {
                answer: copy,
                criteria: None,
            },
        )
        .await;
    assert!(one(&shown).choice.is_some(), "{shown:#?}");
    play.send(&ana, Command::ForgetMe { confirm: true }).await;
    write(&ben).await;
    let (next,): (i64,) = sqlx::query_as("SELECT MAX(id) FROM written_answers")
        .fetch_one(&play.engine.store().read)
        .await
        .expect("Ben's copy");
    assert!(next > copy, "copy {copy} given again as {next}");
    play.send(
        &prof,
        Command::Grade {
            answer: copy,
            criteria: Some(vec!["1".into()]),
        },
    )
    .await;
    assert_eq!(
        play.count("SELECT COUNT(*) FROM written_answers WHERE graded_at IS NOT NULL")
            .await,
        0,
        "the old menu graded Ben's copy"
    );

    // Every table whose ids reach a user counts on past its deleted rows.
    for table in [
        "quizzes",
        "shared_drafts",
        "discussions",
        "discussion_posts",
        "written_answers",
    ] {
        let sql = format!(
            "SELECT COUNT(*) FROM sqlite_master WHERE name = '{table}' AND sql LIKE '%AUTOINCREMENT%'"
        );
        let (n,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .fetch_one(&play.engine.store().read)
            .await
            .expect("schema");
        assert_eq!(n, 1, "{table} may give a deleted id again");
    }
}

/// A database written before the migration (every table with ids that reach users holding
/// rows, and rows linked to them) keeps every row and every link after it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_migration_keeps_every_row_and_link() {
    let dir = TempDir::new("ids-migration");
    let db = dir.path.join("casebot.db");
    let mut conn = crate::helpers::database_before(&dir.path, &db, "0006").await;
    let script = "
        INSERT INTO classes (id, platform, platform_id, name, created_at) VALUES (1, 'console', 'c', 'C', 0);
        INSERT INTO members (id, class_id, platform_user, display_name, created_at) VALUES (1, 1, 'u1', 'Ana', 0), (2, 1, 'u2', 'Ben', 0);
        INSERT INTO quizzes (id, class_id, channel_id, case_id, launched_by, status, settings, created_at)
            VALUES (7, 1, 'c', 'arbre-cadeau', 2, 'finished', '{}', 0), (9, 1, 'c', 'arbre-cadeau', 2, 'running', '{}', 0);
        INSERT INTO quiz_items (quiz_id, idx, part_id, kpi_id, points_milli) VALUES (7, 0, '1.2.a', 'a3_ctr', 250), (9, 0, '1.2.b', 'a3_cpc', 250);
        INSERT INTO answers (class_id, member_id, quiz_id, item_idx, part_id, kpi_id, attempt, input, given, verdict, points_milli, answered_at)
            VALUES (1, 1, 7, 0, '1.2.a', 'a3_ctr', 1, '17,76 %', '17.76', 'correct', 250, 0);
        INSERT INTO posts (key, kind, quiz_id, channel, reply, nonce, created_at) VALUES ('quiz:7:final:0', 'final', 7, '{}', '', 'n', 0);
        INSERT INTO shared_drafts (id, class_id, member_id, text, created_at) VALUES (3, 1, 1, 'brouillon', 0);
        INSERT INTO discussions (id, class_id, channel_id, status, created_at) VALUES (4, 1, 'c', 'open', 0);
        INSERT INTO discussion_posts (id, discussion_id, model, draft_id, posted_at) VALUES (5, 4, 'm1', NULL, 0), (6, 4, NULL, 3, 0);
        INSERT INTO votes (post_id, member_id, choice, voted_at) VALUES (5, 2, 0, 0), (6, 2, 1, 0);
        INSERT INTO written_answers (id, class_id, member_id, case_id, question_id, text, written_at) VALUES (8, 1, 1, 'arbre-cadeau', '2.4', 'copie', 0);
    ";
    if let Err(e) = sqlx::raw_sql(sqlx::AssertSqlSafe(script))
        .execute(&mut conn)
        .await
    {
        panic!("old rows: {e}");
    }
    drop(conn);

    let store = Store::open(&db).await.expect("migrated to the last one");
    let count = |sql: &'static str| {
        let pool = store.read.clone();
        async move {
            let (n,): (i64,) = sqlx::query_as(sql)
                .fetch_one(&pool)
                .await
                .unwrap_or_else(|e| panic!("{sql}: {e}"));
            n
        }
    };
    for (sql, expected) in [
        ("SELECT COUNT(*) FROM quizzes WHERE id IN (7, 9)", 2),
        ("SELECT COUNT(*) FROM quiz_items", 2),
        ("SELECT COUNT(*) FROM answers WHERE quiz_id = 7", 1),
        ("SELECT COUNT(*) FROM posts WHERE quiz_id = 7", 1),
        ("SELECT COUNT(*) FROM shared_drafts WHERE id = 3", 1),
        (
            "SELECT COUNT(*) FROM discussion_posts WHERE discussion_id = 4",
            2,
        ),
        ("SELECT COUNT(*) FROM votes", 2),
        ("SELECT COUNT(*) FROM written_answers WHERE id = 8", 1),
    ] {
        assert_eq!(count(sql).await, expected, "{sql}");
    }
    // The links still hold and still cascade: no orphan, and deleting a quiz takes its rows.
    let orphans: Vec<(String,)> = sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check")
        .fetch_all(&store.write)
        .await
        .expect("foreign key check");
    assert!(orphans.is_empty(), "{orphans:?}");
    // The live-quiz rule still holds.
    let second_live = sqlx::query(
        "INSERT INTO quizzes (class_id, channel_id, case_id, status, settings, created_at)
         VALUES (1, 'c', 'arbre-cadeau', 'running', '{}', 0)",
    )
    .execute(&store.write)
    .await;
    assert!(second_live.is_err(), "two live quizzes in one class");
    sqlx::query("DELETE FROM quizzes WHERE id = 9")
        .execute(&store.write)
        .await
        .expect("delete");
    assert_eq!(count("SELECT COUNT(*) FROM quiz_items").await, 1);
    sqlx::query("DELETE FROM shared_drafts WHERE id = 3")
        .execute(&store.write)
        .await
        .expect("delete");
    assert_eq!(count("SELECT COUNT(*) FROM votes").await, 1);
    // A new quiz counts on from the highest id ever given, the deleted 9 included.
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO quizzes (class_id, channel_id, case_id, status, settings, created_at)
         VALUES (1, 'c', 'arbre-cadeau', 'running', '{}', 0) RETURNING id",
    )
    .fetch_one(&store.write)
    .await
    .expect("a new quiz");
    assert_eq!(id, 10);
}
