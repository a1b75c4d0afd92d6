//! The magnitudes a pack's numbers may take, and the French problems of those that do not.
//!
//! rust_decimal holds about 7.9 × 10^28; a pack could write figures near that and have every
//! product of the engine overflow. These bounds are far above anything a real BTS subject
//! prints, and far enough below rust_decimal's range that what the engine, the checker,
//! the scoring and the charts compute from a loaded pack cannot leave it: the largest product
//! they form is a figure times a figure times 100 (10^12 × 10^12 × 10^2 = 10^26).

use rust_decimal::Decimal;

/// The largest magnitude of a figure (a value of `annexes.toml`, a number in a formula, a
/// tolerance), of a KPI and of a declared mistake: 10^12, a thousand billion. A BTS subject is
/// about a small or medium firm: turnovers of a few million euros, audiences of a few million
/// impressions; 10^12 is a hundred thousand times more, and still leaves 10^16 of headroom
/// for the products of the engine.
pub const MAX_FIGURE: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);

/// Most decimals a figure (a value, a formula number, a tolerance) may have: 6. Subjects print
/// figures to at most two or three decimals (0,61 %, 5 865,15 €, 1,327 pages per session).
pub const MAX_FIGURE_DECIMALS: u32 = 6;

/// Most decimals a KPI may show and ask: 6. A statement asks at most two or three
/// (« arrondi à deux décimales »); the answer reader takes at most 12.
pub const MAX_PRECISION: u32 = 6;

/// The most points a subject, a dossier, a question, a part or a grid criterion may be worth:
/// 100. BTS written subjects are marked out of 20 to 80 points (E5 NDRC out of 40); 100 leaves
/// room for any barème and keeps every sum of points, in thousandths, far inside an `i64`.
pub const MAX_POINTS: Decimal = Decimal::ONE_HUNDRED;

/// Most decimals of a number of points: 3. Points are stored as whole thousandths of a point;
/// a barème gives quarters of a point at the finest (0,25).
pub const MAX_POINTS_DECIMALS: u32 = 3;

/// `1 000 000 000 000`, as the problems write it.
const MAX_FIGURE_TEXT: &str = "1 000 000 000 000";

/// Decimals that matter (`1.50` has one: trailing zeros say nothing).
fn decimals(value: Decimal) -> u32 {
    value.normalize().scale()
}

/// Why a figure (a value, a formula number, a tolerance) is out of bounds, if it is.
pub fn figure_problem(value: Decimal) -> Option<String> {
    if value.abs() > MAX_FIGURE {
        return Some(format!(
            "{value} dépasse le plus grand chiffre accepté ({MAX_FIGURE_TEXT} en valeur absolue, bien au-delà de ce qu’un sujet imprime) : vérifiez l’unité et le nombre de zéros (un montant s’écrit en euros, « 1940 » pour 1,94 k€)"
        ));
    }
    let n = decimals(value);
    if n > MAX_FIGURE_DECIMALS {
        return Some(format!(
            "{value} a {n} décimales, {MAX_FIGURE_DECIMALS} au plus : écrivez le chiffre tel que le sujet l’imprime"
        ));
    }
    None
}

/// Why a computed figure (a KPI, a declared mistake) is out of bounds, if it is.
pub fn result_problem(value: Decimal) -> Option<String> {
    (value.abs() > MAX_FIGURE).then(|| {
        format!(
            "le résultat vaut {}, au-delà de {MAX_FIGURE_TEXT} en valeur absolue : vérifiez la formule et les chiffres qu’elle utilise (une division par un chiffre presque nul ?)",
            value.normalize()
        )
    })
}

/// Why a number of points is out of bounds, if it is: `what` names it with its article
/// (« un calcul », « une question »).
pub fn points_problem(points: Decimal, what: &str) -> Option<String> {
    if points <= Decimal::ZERO || points > MAX_POINTS {
        return Some(format!(
            "{} point{} : {what} vaut plus de 0 point et au plus {MAX_POINTS} points",
            points.normalize(),
            if points.abs() >= Decimal::TWO {
                "s"
            } else {
                ""
            }
        ));
    }
    let n = decimals(points);
    if n > MAX_POINTS_DECIMALS {
        return Some(format!(
            "{} point{} a {n} décimales, {MAX_POINTS_DECIMALS} au plus (les points se comptent en millièmes) : arrondissez au millième, par exemple 0.25",
            points.normalize(),
            if points.abs() >= Decimal::TWO { "s" } else { "" }
        ));
    }
    None
}

/// The sum of `values`, or `None` if it leaves rust_decimal's range (only possible with values
/// already reported out of bounds).
pub fn checked_sum(values: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    values
        .into_iter()
        .try_fold(Decimal::ZERO, |sum, v| sum.checked_add(v))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn the_bounds_are_what_they_say() {
        assert_eq!(MAX_FIGURE, dec!(1_000_000_000_000));
        assert!(figure_problem(dec!(1_000_000_000_000)).is_none());
        assert!(figure_problem(dec!(-1_000_000_000_000)).is_none());
        assert!(figure_problem(dec!(1_000_000_000_000.000001)).is_some());
        assert!(figure_problem(dec!(0.000001)).is_none());
        assert!(figure_problem(dec!(0.0000001)).is_some());
        assert!(figure_problem(Decimal::MAX).is_some());
        assert!(result_problem(Decimal::MIN).is_some());
        assert!(result_problem(dec!(0.0000000000000000000001)).is_none());
        assert!(points_problem(dec!(0.25), "un calcul").is_none());
        assert!(points_problem(dec!(100), "un calcul").is_none());
        assert!(points_problem(dec!(100.001), "un calcul").is_some());
        assert!(points_problem(dec!(0), "un calcul").is_some());
        assert!(points_problem(dec!(-1), "un calcul").is_some());
        assert!(points_problem(dec!(0.0005), "un calcul").is_some());
        assert!(points_problem(dec!(0.2500), "un calcul").is_none());
    }

    #[test]
    fn sums_past_the_largest_decimal_are_none_not_a_panic() {
        assert_eq!(checked_sum([Decimal::MAX, Decimal::ONE]), None);
        assert_eq!(checked_sum([dec!(17), dec!(15), dec!(8)]), Some(dec!(40)));
        assert_eq!(checked_sum([]), Some(Decimal::ZERO));
    }
}
