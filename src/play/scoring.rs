//! Points: pure functions over the rules of [`PlaySettings`], in exact decimals; stored as
//! integer thousandths of a point.

use super::settings::PlaySettings;
use crate::check::Verdict;
use rust_decimal::Decimal;

/// Points in thousandths belong to the case model; these paths stay.
pub use crate::case::{to_milli, Milli};

/// A share (in [0, 1], checked with the rules of play) of `base` milli-points, as milli-points.
/// The product is at most `base`, so it fits; the saturation only keeps a share or a base out
/// of those bounds from panicking.
fn share_of(base: Milli, share: Decimal) -> Milli {
    let points = from_milli(base).checked_mul(share);
    saturate(points)
}

/// Points as milli-points, saturated at the ends of an `i64`.
fn saturate(points: Option<Decimal>) -> Milli {
    match points {
        Some(p) => to_milli(p).unwrap_or(if p.is_sign_negative() {
            Milli::MIN
        } else {
            Milli::MAX
        }),
        None => Milli::MAX,
    }
}

/// Milli-points to points.
pub fn from_milli(milli: Milli) -> Decimal {
    Decimal::new(milli, 3).normalize()
}

/// The sum of milli-points, saturated at the ends of an `i64` (a class's points are far from
/// them: at most 100 points a part).
pub fn sum_milli(values: impl IntoIterator<Item = Milli>) -> Milli {
    values.into_iter().fold(0, Milli::saturating_add)
}

/// Share of the points a verdict earns before bonuses.
pub fn verdict_share(settings: &PlaySettings, verdict: Verdict) -> Decimal {
    match verdict {
        Verdict::Correct => Decimal::ONE,
        Verdict::Close => settings.answers.close_share,
        Verdict::Wrong | Verdict::Invalid => Decimal::ZERO,
    }
}

/// What taking hints up to `level` (1-based) costs, as milli-points of a part worth `base`.
pub fn hint_cost(settings: &PlaySettings, base: Milli, level: usize) -> Milli {
    sum_milli(
        settings
            .hints
            .cost
            .iter()
            .take(level)
            .map(|share| share_of(base, *share)),
    )
}

/// The cost of hint `level` alone.
pub fn hint_level_cost(settings: &PlaySettings, base: Milli, level: usize) -> Option<Milli> {
    let share = settings.hints.cost.get(level.checked_sub(1)?)?;
    Some(share_of(base, *share))
}

/// Everything that decides a quiz answer's points.
#[derive(Debug, Clone, Copy)]
pub struct QuizAnswer {
    pub base: Milli,
    pub verdict: Verdict,
    /// Time from the question being shown to the answer.
    pub elapsed_ms: i64,
    /// Time the question was open for.
    pub limit_ms: i64,
    /// Right answers in a row just before this item.
    pub streak_before: u32,
    pub speed_bonus: bool,
    pub streak_bonus: bool,
    /// Hints taken on this item, already priced.
    pub hint_cost: Milli,
}

/// Points of a quiz answer: the verdict's share of the barème, times the speed factor
/// (from `speed_floor_share` at the deadline up to 1 at once), plus the streak bonus on a right
/// answer, minus the hints taken; never below zero.
pub fn quiz_points(settings: &PlaySettings, a: &QuizAnswer) -> Milli {
    let q = &settings.quiz;
    let base = from_milli(a.base);
    // Every factor is a share in [0, 1] (checked with the rules of play): nothing here exceeds
    // twice the base; checked all the same, an overflow saturates.
    let points = (|| {
        let mut points = base.checked_mul(verdict_share(settings, a.verdict))?;
        if a.speed_bonus && a.limit_ms > 0 && !points.is_zero() {
            let ratio = Decimal::from(a.elapsed_ms.clamp(0, a.limit_ms))
                .checked_div(Decimal::from(a.limit_ms))?;
            let factor =
                Decimal::ONE.checked_sub(ratio.checked_mul(Decimal::ONE - q.speed_floor_share)?)?;
            points = points.checked_mul(factor)?;
        }
        if a.streak_bonus && a.verdict == Verdict::Correct && a.streak_before > 0 {
            let bonus = q
                .streak_step_share
                .checked_mul(Decimal::from(a.streak_before))?
                .min(q.streak_cap_share);
            points = points.checked_add(base.checked_mul(bonus)?)?;
        }
        Some(points)
    })();
    saturate(points).saturating_sub(a.hint_cost).max(0)
}

/// Points of a practice answer at attempt `attempt` (1-based).
pub fn practice_points(
    settings: &PlaySettings,
    base: Milli,
    verdict: Verdict,
    attempt: usize,
    hint_cost: Milli,
) -> Milli {
    if verdict != Verdict::Correct {
        return 0;
    }
    let credit = attempt
        .checked_sub(1)
        .and_then(|i| settings.practice.attempt_credit.get(i))
        .copied()
        .unwrap_or(Decimal::ZERO);
    share_of(base, credit).saturating_sub(hint_cost).max(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn settings() -> PlaySettings {
        PlaySettings::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("config/play.toml")).unwrap()
    }

    fn answer(verdict: Verdict) -> QuizAnswer {
        QuizAnswer {
            base: 250,
            verdict,
            elapsed_ms: 0,
            limit_ms: 60_000,
            streak_before: 0,
            speed_bonus: false,
            streak_bonus: false,
            hint_cost: 0,
        }
    }

    #[test]
    fn verdict_shares() {
        let s = settings();
        assert_eq!(quiz_points(&s, &answer(Verdict::Correct)), 250);
        assert_eq!(quiz_points(&s, &answer(Verdict::Close)), 125);
        assert_eq!(quiz_points(&s, &answer(Verdict::Wrong)), 0);
    }

    #[test]
    fn speed_bonus_goes_from_all_to_half() {
        let s = settings();
        let mut a = answer(Verdict::Correct);
        a.speed_bonus = true;
        assert_eq!(quiz_points(&s, &a), 250);
        a.elapsed_ms = 30_000;
        assert_eq!(quiz_points(&s, &a), 188); // 250 × 0.75 = 187.5, rounded up
        a.elapsed_ms = 60_000;
        assert_eq!(quiz_points(&s, &a), 125);
        a.elapsed_ms = 90_000;
        assert_eq!(quiz_points(&s, &a), 125);
    }

    #[test]
    fn streak_bonus_is_capped_and_only_for_right_answers() {
        let s = settings();
        let mut a = answer(Verdict::Correct);
        a.streak_bonus = true;
        a.streak_before = 2;
        assert_eq!(quiz_points(&s, &a), 300); // +20 %
        a.streak_before = 9;
        assert_eq!(quiz_points(&s, &a), 375); // capped at +50 %
        a.verdict = Verdict::Close;
        assert_eq!(quiz_points(&s, &a), 125);
    }

    #[test]
    fn hints_cost_and_never_below_zero() {
        let s = settings();
        assert_eq!(hint_cost(&s, 250, 1), 25);
        assert_eq!(hint_cost(&s, 250, 3), 25 + 50 + 75);
        assert_eq!(hint_level_cost(&s, 250, 2), Some(50));
        assert_eq!(hint_level_cost(&s, 250, 4), None);
        let mut a = answer(Verdict::Close);
        a.hint_cost = 150;
        assert_eq!(quiz_points(&s, &a), 0);
    }

    #[test]
    fn practice_credit_decreases() {
        let s = settings();
        assert_eq!(practice_points(&s, 250, Verdict::Correct, 1, 0), 250);
        assert_eq!(practice_points(&s, 250, Verdict::Correct, 2, 25), 100);
        assert_eq!(practice_points(&s, 250, Verdict::Correct, 3, 0), 63);
        assert_eq!(practice_points(&s, 250, Verdict::Correct, 4, 0), 0);
        assert_eq!(practice_points(&s, 250, Verdict::Close, 1, 0), 0);
    }

    #[test]
    fn milli_round_trip() {
        assert_eq!(to_milli(Decimal::new(25, 2)), Some(250));
        assert_eq!(from_milli(250), Decimal::new(25, 2));
        assert_eq!(from_milli(3500), Decimal::new(35, 1));
    }

    /// Huge points once panicked at `/quiz lancer` (`points * 1000` past the largest decimal).
    #[test]
    fn huge_points_are_none_not_a_panic() {
        assert_eq!(to_milli(Decimal::MAX), None);
        assert_eq!(to_milli(Decimal::MIN), None);
        assert_eq!(to_milli(Decimal::new(i64::MAX, 0)), None);
        assert_eq!(to_milli(Decimal::new(100, 0)), Some(100_000));
        let s = settings();
        let mut a = answer(Verdict::Correct);
        a.base = Milli::MAX;
        a.speed_bonus = true;
        a.streak_bonus = true;
        a.streak_before = u32::MAX;
        a.elapsed_ms = i64::MAX;
        a.hint_cost = Milli::MIN;
        assert_eq!(quiz_points(&s, &a), Milli::MAX);
        a.hint_cost = Milli::MAX;
        assert_eq!(quiz_points(&s, &a), 0);
        assert!(hint_cost(&s, Milli::MAX, 3) > 0);
        assert_eq!(
            hint_level_cost(&s, Milli::MIN, 1).map(|c| c < 0),
            Some(true)
        );
        assert_eq!(
            practice_points(&s, Milli::MAX, Verdict::Correct, 1, Milli::MIN),
            Milli::MAX
        );
        assert_eq!(sum_milli([Milli::MAX, 1]), Milli::MAX);
    }
}
