//! What the class charts show, read from the database: one place for the engine (reveal and
//! podium pictures) and the command line (`casebot chart … --quiz ID`).

use super::scoring;
use crate::case::Case;
use crate::chart::AnswerSpread;
use crate::store::Store;
use rust_decimal::Decimal;
use std::str::FromStr;

/// How the class answered item `idx` of quiz `quiz_id`.
pub async fn answer_spread(
    store: &Store,
    case: &Case,
    quiz_id: i64,
    idx: i64,
) -> anyhow::Result<Option<AnswerSpread>> {
    let kpi: Option<(String,)> =
        sqlx::query_as("SELECT kpi_id FROM quiz_items WHERE quiz_id = ? AND idx = ?")
            .bind(quiz_id)
            .bind(idx)
            .fetch_optional(&store.read)
            .await?;
    let Some((kpi_id,)) = kpi else {
        return Ok(None);
    };
    let Some(index) = case.kpi_index(&kpi_id) else {
        return Ok(None);
    };
    let rows: Vec<(String, Option<String>)> =
        sqlx::query_as("SELECT verdict, given FROM answers WHERE quiz_id = ? AND item_idx = ?")
            .bind(quiz_id)
            .bind(idx)
            .fetch_all(&store.read)
            .await?;
    let count = |v: &str| rows.iter().filter(|r| r.0 == v).count();
    let k = &case.kpis[index];
    Ok(Some(AnswerSpread {
        kpi_label: k.label.clone(),
        unit: k.unit,
        precision: k.precision,
        // At the precision the students give it, so the line falls where the right answers are.
        right: k.rounded(case.evaluate(index)?),
        given: rows
            .iter()
            .filter_map(|r| r.1.as_deref().and_then(|g| Decimal::from_str(g).ok()))
            .collect(),
        correct: count("correct"),
        close: count("close"),
        wrong: count("wrong"),
    }))
}

/// Each player's points in a quiz, best first (the podium chart keeps those who scored).
pub async fn quiz_points(store: &Store, quiz_id: i64) -> anyhow::Result<Vec<(String, Decimal)>> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT m.display_name, SUM(a.points_milli) AS pts FROM answers a JOIN members m ON m.id = a.member_id
         WHERE a.quiz_id = ? AND m.role = 'student' GROUP BY m.id ORDER BY pts DESC, m.display_name COLLATE NOCASE",
    )
    .bind(quiz_id)
    .fetch_all(&store.read)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(n, p)| (n, scoring::from_milli(p)))
        .collect())
}

/// The points a quiz put at stake: those of the questions it asked (a quiz stopped early did
/// not ask the rest, and nobody could earn them).
pub async fn quiz_max_points(store: &Store, quiz_id: i64) -> anyhow::Result<Decimal> {
    let (total,): (Option<i64>,) = sqlx::query_as(
        "SELECT SUM(points_milli) FROM quiz_items WHERE quiz_id = ? AND shown_at IS NOT NULL",
    )
    .bind(quiz_id)
    .fetch_one(&store.read)
    .await?;
    Ok(scoring::from_milli(total.unwrap_or(0)))
}

/// One member's results in a quiz, per dossier: (dossier label, earned, possible).
pub async fn student_results(
    store: &Store,
    case: &Case,
    quiz_id: i64,
    member_name: &str,
) -> anyhow::Result<Vec<(String, Decimal, Decimal)>> {
    let member: Option<(i64,)> = sqlx::query_as(
        "SELECT m.id FROM members m JOIN quizzes q ON q.class_id = m.class_id WHERE q.id = ? AND m.display_name = ?",
    )
    .bind(quiz_id)
    .bind(member_name)
    .fetch_optional(&store.read)
    .await?;
    match member {
        Some((id,)) => member_results(store, case, quiz_id, id).await,
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
    let items: Vec<(String, i64)> = sqlx::query_as(
        "SELECT part_id, points_milli FROM quiz_items WHERE quiz_id = ? AND shown_at IS NOT NULL ORDER BY idx",
    )
    .bind(quiz_id)
    .fetch_all(&store.read)
    .await?;
    let earned: Vec<(String, i64)> = sqlx::query_as(
        "SELECT part_id, points_milli FROM answers WHERE quiz_id = ? AND member_id = ?",
    )
    .bind(quiz_id)
    .bind(member_id)
    .fetch_all(&store.read)
    .await?;
    let mut out: Vec<(String, Decimal, Decimal)> = Vec::new();
    for d in &case.dossiers {
        let in_dossier = |part: &str| case.part(part).is_some_and(|(q, _)| q.dossier == d.id);
        let possible: i64 =
            scoring::sum_milli(items.iter().filter(|i| in_dossier(&i.0)).map(|i| i.1));
        if possible == 0 {
            continue;
        }
        let got: i64 = scoring::sum_milli(earned.iter().filter(|e| in_dossier(&e.0)).map(|e| e.1));
        out.push((
            format!("{} – {}", d.id, d.title),
            scoring::from_milli(got),
            scoring::from_milli(possible),
        ));
    }
    Ok(out)
}
