//! Fixed sample data for the class charts, built from a case (the KPI its `charts.toml` names
//! for the answers, its dossiers for a student's results): what the tests compare with their
//! reference pictures, what the benchmark draws, and what `casebot chart` can show before any
//! class has played.

use super::class::{AnswerSpread, VoteRow};
use super::ChartError;
use crate::case::Case;
use crate::format;
use crate::pack::CasePack;
use crate::prompts::Prompts;
use rust_decimal::Decimal;

/// The sample class charts, by name.
pub const NAMES: &[&str] = &[
    "classe-reponses",
    "classe-reponses-vide",
    "classe-podium",
    "classe-podium-egalites",
    "classe-scores",
    "classe-resultats",
    "classe-vote",
];

/// The KPI the sample answers are about: the one the pack's `charts.toml` names
/// (`sample_kpi`), else its first KPI.
fn sample_kpi(pack: &CasePack) -> Option<usize> {
    pack.charts
        .sample_kpi
        .or_else(|| (!pack.kpis.is_empty()).then_some(0))
}

/// A class of twenty answering one KPI: most right, some rounded short, a few classic mistakes
/// (a ratio for a percentage, a factor of 100 too many), all derived from the right value.
pub fn answer_spread(pack: &CasePack) -> Option<AnswerSpread> {
    let index = sample_kpi(pack)?;
    let case = &pack.case;
    let kpi = &case.kpis[index];
    let right = kpi.rounded(case.evaluate(index).ok()?);
    let unit = Decimal::new(1, kpi.precision.min(20));
    let hundred = Decimal::ONE_HUNDRED;
    let mut given = vec![right; 9];
    given.extend([right + unit, right + unit, right - unit]);
    given.push(format::round(right, kpi.precision.saturating_sub(1)));
    given.push(format::round(right, 0));
    given.push(format::round(right * Decimal::new(11, 1), kpi.precision));
    given.push(format::round(right * Decimal::new(9, 1), kpi.precision));
    given.push(format::round(right / hundred, kpi.precision + 2));
    given.push(right.checked_mul(hundred).unwrap_or(right));
    Some(AnswerSpread {
        kpi_label: kpi.label.clone(),
        unit: kpi.unit,
        precision: kpi.precision,
        right,
        given,
        correct: 9,
        close: 5,
        wrong: 6,
    })
}

/// The same question when nobody answered.
pub fn answer_spread_empty(case: &CasePack) -> Option<AnswerSpread> {
    let mut spread = answer_spread(case)?;
    spread.given.clear();
    spread.correct = 0;
    spread.close = 0;
    spread.wrong = 0;
    Some(spread)
}

fn points(milli: i64) -> Decimal {
    Decimal::new(milli, 3)
}

/// A quiz's board, best first, with distinct points on the podium.
pub fn podium() -> Vec<(String, Decimal)> {
    [
        ("Inès", 3_250),
        ("Lucas", 2_750),
        ("Maëlys-Océane de la Fontaine-Saint-Aubert", 2_500),
        ("Noah", 1_750),
        ("Jade", 1_000),
    ]
    .into_iter()
    .map(|(n, p)| (n.to_string(), points(p)))
    .collect()
}

/// A board with ties: two firsts, four thirds (ranks 1, 1, 3, 3, 3, 3, 7), names with emoji.
pub fn podium_with_ties() -> Vec<(String, Decimal)> {
    [
        ("Zoé 🌳", 3_000),
        ("Adam", 3_000),
        ("Léo", 2_250),
        ("Manon", 2_250),
        ("Hugo", 2_250),
        ("Camille", 2_250),
        ("Sarah", 500),
    ]
    .into_iter()
    .map(|(n, p)| (n.to_string(), points(p)))
    .collect()
}

/// A class of 24 on a quiz worth 3,5 points.
pub fn scores() -> (Vec<Decimal>, Decimal) {
    let milli = [
        3_500, 3_250, 3_250, 3_000, 3_000, 3_000, 2_750, 2_750, 2_500, 2_500, 2_500, 2_500, 2_250,
        2_000, 2_000, 1_750, 1_500, 1_500, 1_250, 1_000, 750, 500, 250, 0,
    ];
    (milli.into_iter().map(points).collect(), points(3_500))
}

/// One student's results per dossier: each dossier's computations (its numeric parts) as the
/// points possible, part of them earned.
pub fn student_results(case: &Case) -> Vec<(String, Decimal, Decimal)> {
    let shares = [Decimal::new(75, 2), Decimal::new(5, 1), Decimal::ZERO];
    case.dossiers
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let possible: Decimal = case
                .questions
                .iter()
                .filter(|q| q.dossier == d.id)
                .flat_map(|q| q.parts.iter().map(|p| p.points))
                .sum();
            let share = shares.get(i % shares.len()).copied().unwrap_or_default();
            let earned = format::round(possible * share, 2);
            (d.title.clone(), earned, possible)
        })
        .collect()
}

/// A class of 28 voting on the four model posts and one student draft (a few did not vote on
/// every post): the posts, and the number of voters.
pub fn vote_tally() -> (Vec<VoteRow>, usize) {
    let rows = [
        ("Modèle 1 : Le témoignage en tête", [17, 8, 3]),
        ("Modèle 2 : Valeurs et RSE", [9, 12, 7]),
        ("Modèle 3 : Court et percutant", [6, 10, 11]),
        (
            "Modèle 4 : Marque employeur et cohésion d’équipe",
            [14, 9, 4],
        ),
        ("Brouillon n° 3", [5, 11, 10]),
    ]
    .into_iter()
    .map(|(title, counts)| VoteRow {
        title: title.to_string(),
        counts,
    })
    .collect();
    (rows, 28)
}

/// Draws the sample class chart `name` (one of [`NAMES`]).
pub fn render(case: &CasePack, messages: &Prompts, name: &str) -> Result<Vec<u8>, ChartError> {
    let no_kpi = ChartError::NoData("the case has no KPI");
    match name {
        "classe-reponses" => {
            super::render_answer_spread(messages, &answer_spread(case).ok_or(no_kpi)?)
        }
        "classe-reponses-vide" => {
            super::render_answer_spread(messages, &answer_spread_empty(case).ok_or(no_kpi)?)
        }
        "classe-podium" => super::render_podium(messages, &podium()),
        "classe-podium-egalites" => super::render_podium(messages, &podium_with_ties()),
        "classe-scores" => {
            let (points, max) = scores();
            super::render_score_distribution(messages, &points, max)
        }
        "classe-resultats" => super::render_student_results(messages, &student_results(case)),
        "classe-vote" => {
            let (rows, voters) = vote_tally();
            super::render_vote_tally(messages, &rows, voters)
        }
        other => Err(ChartError::UnknownChart(other.to_string())),
    }
}
