//! What the class charts show, read from the database: one place for the engine (reveal and
//! podium pictures) and the command line (`casebot chart … --quiz ID`).

use super::scoring;
use crate::case::Case;
use crate::chart::AnswerSpread;
use crate::store::answers::Verdict;
use crate::store::{self, MemberId, QuizId, Store};
use rust_decimal::Decimal;
use std::str::FromStr;

/// How the class answered item `idx` of quiz `quiz_id`.
pub async fn answer_spread(
    store: &Store,
    case: &Case,
    quiz_id: i64,
    idx: i64,
) -> anyhow::Result<Option<AnswerSpread>> {
    let kpi = store::quizzes::item_kpi(&store.read, QuizId(quiz_id), idx).await?;
    let Some(kpi_id) = kpi else {
        return Ok(None);
    };
    let Some(index) = case.kpi_index(&kpi_id) else {
        return Ok(None);
    };
    let rows = store::answers::given_on_item(&store.read, QuizId(quiz_id), idx).await?;
    let count = |v: Verdict| rows.iter().filter(|r| r.verdict == v).count();
    let k = &case.kpis[index];
    Ok(Some(AnswerSpread {
        kpi_label: k.label.clone(),
        unit: k.unit,
        precision: k.precision,
        // At the precision the students give it, so the line falls where the right answers are.
        right: k.rounded(case.evaluate(index)?),
        given: rows
            .iter()
            .filter_map(|r| r.given.as_deref().and_then(|g| Decimal::from_str(g).ok()))
            .collect(),
        correct: count(Verdict::Correct),
        close: count(Verdict::Close),
        wrong: count(Verdict::Wrong),
    }))
}

/// Each player's points in a quiz, best first (the podium chart keeps those who scored).
pub async fn quiz_points(store: &Store, quiz_id: i64) -> anyhow::Result<Vec<(String, Decimal)>> {
    let rows = store::boards::quiz_points(&store.read, QuizId(quiz_id)).await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.display_name, scoring::from_milli(r.pts)))
        .collect())
}

/// The points a quiz put at stake: those of the questions it asked (a quiz stopped early did
/// not ask the rest, and nobody could earn them).
pub async fn quiz_max_points(store: &Store, quiz_id: i64) -> anyhow::Result<Decimal> {
    let total = store::quizzes::asked_points(&store.read, QuizId(quiz_id)).await?;
    Ok(scoring::from_milli(total.unwrap_or(0)))
}

/// One member's results in a quiz, per dossier: (dossier label, earned, possible).
pub async fn student_results(
    store: &Store,
    case: &Case,
    quiz_id: i64,
    member_name: &str,
) -> anyhow::Result<Vec<(String, Decimal, Decimal)>> {
    let member =
        store::members::by_name_in_quiz_class(&store.read, QuizId(quiz_id), member_name).await?;
    match member {
        Some(MemberId(id)) => member_results(store, case, quiz_id, id).await,
        None => Ok(Vec::new()),
    }
}

/// One member's results in a quiz, per dossier, by member id, out of the questions asked.
pub async fn member_results(
    store: &Store,
    case: &Case,
    quiz_id: i64,
    member_id: i64,
) -> anyhow::Result<Vec<(String, Decimal, Decimal)>> {
    let items = store::quizzes::asked_items(&store.read, QuizId(quiz_id)).await?;
    let earned =
        store::answers::member_points_in_quiz(&store.read, QuizId(quiz_id), MemberId(member_id))
            .await?;
    let mut out: Vec<(String, Decimal, Decimal)> = Vec::new();
    for d in &case.dossiers {
        let in_dossier = |part: &str| case.part(part).is_some_and(|(q, _)| q.dossier == d.id);
        let possible: i64 = scoring::sum_milli(
            items
                .iter()
                .filter(|i| in_dossier(&i.part_id))
                .map(|i| i.points_milli),
        );
        if possible == 0 {
            continue;
        }
        let got: i64 = scoring::sum_milli(
            earned
                .iter()
                .filter(|e| in_dossier(&e.part_id))
                .map(|e| e.points_milli),
        );
        out.push((
            format!("{} – {}", d.id, d.title),
            scoring::from_milli(got),
            scoring::from_milli(possible),
        ));
    }
    Ok(out)
}
