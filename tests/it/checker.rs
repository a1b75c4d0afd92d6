//! The answer checker, fed what students type: every verdict, every reason, every format.
//! Expected verdicts come from the values computed by hand in `kpis.rs` and from the rules of
//! the checker (rounded half up at the student's precision; classic mistakes computed by hand).

use crate::helpers::{case, kpi_index};
use casebot::check::parse::{GivenUnit, ParseError};
use casebot::check::{Mistake, Reason, Verdict};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use Verdict::{Close, Correct, Invalid, Wrong};

const EXACT: Reason = Reason::Exact;
const ROUNDED: Reason = Reason::FromRoundedInputs;
const TRUNCATED: Reason = Reason::Truncated;
const NEAR: Reason = Reason::Near;
const UNIT: Reason = Reason::WrongUnit;
const NOT: Reason = Reason::NotTheValue;

fn imprecise(needed: i64) -> Reason {
    Reason::TooImprecise { needed }
}
fn mistake(m: Mistake) -> Reason {
    Reason::Mistake(m)
}
fn unreadable(e: ParseError) -> Reason {
    Reason::Unreadable(e)
}
fn leftover(text: &str) -> Reason {
    Reason::Unreadable(ParseError::Leftover(text.to_string()))
}
fn grouping(text: &str) -> Reason {
    Reason::Unreadable(ParseError::BadGrouping(text.to_string()))
}
fn unit_mismatch(u: GivenUnit) -> Reason {
    Reason::UnitMismatch(u)
}
fn whole(count: &str, n: Decimal) -> Reason {
    Reason::WholeCount {
        count: kpi_index(count),
        whole: n,
    }
}
fn words(text: &str) -> Reason {
    Reason::UnexpectedWords(text.to_string())
}

use Mistake::{
    Coefficient, Inverted, PercentForPoints, PointsForPercent, RatioForPercent, SignError,
    WrongBase,
};

/// (KPI id, what the student typed, verdict, reason).
fn table() -> Vec<(&'static str, &'static str, Verdict, Reason)> {
    vec![
        // --- a3_ctr = 3 695 ÷ 20 809 × 100 = 17,7567… % -------------------------------------
        ("a3_ctr", "17,76 %", Correct, EXACT),
        ("a3_ctr", "17.76%", Correct, EXACT),
        ("a3_ctr", "17,76", Correct, EXACT),
        ("a3_ctr", "17,8 %", Close, imprecise(2)),
        ("a3_ctr", "17,757 %", Correct, EXACT),
        ("a3_ctr", "17,7567 %", Correct, EXACT),
        ("a3_ctr", "CTR = 17,76 %", Correct, EXACT),
        ("a3_ctr", "Taux de clic : 17,76 %", Correct, EXACT),
        ("a3_ctr", "≈ 17,76 %", Correct, EXACT),
        ("a3_ctr", "environ 17,8 %", Close, imprecise(2)),
        ("a3_ctr", "17,76 % environ", Correct, EXACT),
        ("a3_ctr", "17,76\u{A0}%", Correct, EXACT),
        ("a3_ctr", "17,76\u{202F}%", Correct, EXACT),
        ("a3_ctr", "  +17,76 %  ", Correct, EXACT),
        ("a3_ctr", "soit 17,76 %", Correct, EXACT),
        ("a3_ctr", "17,76 pour cent", Correct, EXACT),
        ("a3_ctr", "18 %", Close, imprecise(2)),
        ("a3_ctr", "17,75 %", Close, TRUNCATED),
        ("a3_ctr", "17,7 %", Close, TRUNCATED),
        ("a3_ctr", "17,77 %", Close, NEAR),
        ("a3_ctr", "17,9 %", Close, NEAR),
        ("a3_ctr", "17,76 pts", Close, UNIT),
        ("a3_ctr", "17,76 points", Close, UNIT),
        ("a3_ctr", "0,1776", Wrong, mistake(RatioForPercent)),
        ("a3_ctr", "0,18", Wrong, mistake(RatioForPercent)),
        // 20 809 ÷ 3 695 × 100 = 563,166… %
        ("a3_ctr", "563,17 %", Wrong, mistake(Inverted)),
        ("a3_ctr", "563,16 %", Wrong, mistake(Inverted)),
        ("a3_ctr", "563", Wrong, mistake(Inverted)),
        ("a3_ctr", "-17,76 %", Wrong, mistake(SignError)),
        ("a3_ctr", "\u{2212}17,76 %", Wrong, mistake(SignError)),
        ("a3_ctr", "baisse de 17,76 %", Wrong, mistake(SignError)),
        ("a3_ctr", "20 %", Wrong, NOT),
        ("a3_ctr", "3,36 %", Wrong, NOT),
        ("a3_ctr", "17,76 €", Invalid, unit_mismatch(GivenUnit::Euro)),
        (
            "a3_ctr",
            "17,76 € HT",
            Invalid,
            unit_mismatch(GivenUnit::Euro),
        ),
        ("a3_ctr", "", Invalid, unreadable(ParseError::Empty)),
        ("a3_ctr", "   ", Invalid, unreadable(ParseError::Empty)),
        ("a3_ctr", "abc", Invalid, unreadable(ParseError::NoNumber)),
        ("a3_ctr", "NaN", Invalid, unreadable(ParseError::NoNumber)),
        ("a3_ctr", "inf", Invalid, unreadable(ParseError::NoNumber)),
        ("a3_ctr", "∞", Invalid, unreadable(ParseError::NoNumber)),
        (
            "a3_ctr",
            "17,76 % ou 17,8 %",
            Invalid,
            unreadable(ParseError::SeveralNumbers),
        ),
        (
            "a3_ctr",
            "3695/20809",
            Invalid,
            unreadable(ParseError::SeveralNumbers),
        ),
        ("a3_ctr", "1e3", Invalid, leftover("e3")),
        ("a3_ctr", "17,76 $", Invalid, leftover("$")),
        ("a3_ctr", "17,76 % TTC", Invalid, leftover("TTC")),
        (
            "a3_ctr",
            "1000000000001 %",
            Invalid,
            unreadable(ParseError::OutOfRange),
        ),
        (
            "a3_ctr",
            "1234567890123456",
            Invalid,
            unreadable(ParseError::TooManyDigits),
        ),
        ("a3_ctr", "17,76 clics", Invalid, words("clics")),
        (
            "a3_ctr",
            "baisse de +17,76 %",
            Invalid,
            unreadable(ParseError::ContradictorySign),
        ),
        ("a3_ctr", "17,", Invalid, grouping("17,")),
        ("a3_ctr", "1 77,6", Invalid, grouping("1 77,6")),
        // --- a3_cpc = 1 940 ÷ 3 695 = 0,52503… € --------------------------------------------
        ("a3_cpc", "0,53 €", Correct, EXACT),
        ("a3_cpc", "0,53", Correct, EXACT),
        ("a3_cpc", "0.53 €", Correct, EXACT),
        ("a3_cpc", "0,53 € HT", Correct, EXACT),
        ("a3_cpc", "0,53 euros", Correct, EXACT),
        ("a3_cpc", "0,53 EUR", Correct, EXACT),
        ("a3_cpc", "€0,53", Correct, EXACT),
        ("a3_cpc", "0,525 €", Correct, EXACT),
        ("a3_cpc", "CPC = 0,53 €", Correct, EXACT),
        ("a3_cpc", "0,5 €", Close, imprecise(2)),
        ("a3_cpc", "1 €", Close, imprecise(2)),
        ("a3_cpc", "0,52 €", Close, TRUNCATED),
        ("a3_cpc", "0,526 €", Close, NEAR),
        // 3 695 ÷ 1 940 = 1,9046…
        ("a3_cpc", "1,90 €", Wrong, mistake(Inverted)),
        ("a3_cpc", "1,9 €", Wrong, mistake(Inverted)),
        ("a3_cpc", "-0,53 €", Wrong, mistake(SignError)),
        // The spend itself, as annex 3 writes it.
        ("a3_cpc", "1,94 k€", Wrong, NOT),
        (
            "a3_cpc",
            "0,53 %",
            Invalid,
            unit_mismatch(GivenUnit::Percent),
        ),
        (
            "a3_cpc",
            "0,53 pts",
            Invalid,
            unit_mismatch(GivenUnit::Points),
        ),
        ("a3_cpc", "53 centimes", Correct, EXACT),
        // --- a3_cpm = 93,2288… €, a3_conversion = 3,3558… %, a3_cost_per_sale = 15,645… € ----
        ("a3_cpm", "93,23 €", Correct, EXACT),
        ("a3_cpm", "93,2 €", Close, imprecise(2)),
        ("a3_cpm", "93,22 €", Close, TRUNCATED),
        ("a3_conversion", "3,36 %", Correct, EXACT),
        ("a3_conversion", "3,4 %", Close, imprecise(2)),
        ("a3_conversion", "3,35 %", Close, TRUNCATED),
        ("a3_conversion", "0,0336", Wrong, mistake(RatioForPercent)),
        // 3 695 ÷ 124 × 100 = 2 979,84 %
        ("a3_conversion", "2 979,84 %", Wrong, mistake(Inverted)),
        ("a3_cost_per_sale", "15,65 €", Correct, EXACT),
        ("a3_cost_per_sale", "15,64 €", Close, TRUNCATED),
        // 124 ÷ 1 940 = 0,0639…
        ("a3_cost_per_sale", "0,0639 €", Wrong, mistake(Inverted)),
        ("a3_cost_per_sale", "0,064 €", Wrong, mistake(Inverted)),
        // --- a3_basket = 5 865,15 ÷ 124 = 47,2996… € -----------------------------------------
        ("a3_basket", "47,30 €", Correct, EXACT),
        ("a3_basket", "soit 47,30 €", Correct, EXACT),
        ("a3_basket", "47,3 €", Correct, EXACT),
        ("a3_basket", "47,29 €", Close, TRUNCATED),
        // --- a3_roas = 5 865,15 ÷ 1 940 = 3,0232… (a ratio) ---------------------------------
        ("a3_roas", "3,02", Correct, EXACT),
        ("a3_roas", "ROAS ≈ 3,02", Correct, EXACT),
        ("a3_roas", "3,0", Close, imprecise(2)),
        ("a3_roas", "302 %", Correct, EXACT),
        ("a3_roas", "302,33 %", Correct, EXACT),
        ("a3_roas", "3", Close, imprecise(2)),
        // 1 940 ÷ 5 865,15 = 0,3307…
        ("a3_roas", "0,33", Wrong, mistake(Inverted)),
        ("a3_roas", "3,02 €", Invalid, unit_mismatch(GivenUnit::Euro)),
        (
            "a3_roas",
            "3,02 pts",
            Invalid,
            unit_mismatch(GivenUnit::Points),
        ),
        // --- a3_margin_minus_spend = 1 240 − 1 940 = −700 € exactly -------------------------
        ("a3_margin_minus_spend", "-700,00 €", Correct, EXACT),
        (
            "a3_margin_minus_spend",
            "\u{2212}700,00\u{A0}€",
            Correct,
            EXACT,
        ),
        ("a3_margin_minus_spend", "- 700,00 €", Correct, EXACT),
        (
            "a3_margin_minus_spend",
            "baisse de 700,00 €",
            Correct,
            EXACT,
        ),
        ("a3_margin_minus_spend", "700 €", Wrong, mistake(SignError)),
        (
            "a3_margin_minus_spend",
            "700,00 €",
            Wrong,
            mistake(SignError),
        ),
        (
            "a3_margin_minus_spend",
            "\u{2212}700 %",
            Invalid,
            unit_mismatch(GivenUnit::Percent),
        ),
        // --- a3_roi = −700 ÷ 1 940 × 100 = −36,0824… % ---------------------------------------
        ("a3_roi", "\u{2212}36,08 %", Correct, EXACT),
        ("a3_roi", "-36,1 %", Close, imprecise(2)),
        ("a3_roi", "-36 %", Close, imprecise(2)),
        ("a3_roi", "36,08 %", Wrong, mistake(SignError)),
        ("a3_roi", "-0,3608", Wrong, mistake(RatioForPercent)),
        // 1 940 ÷ (−700) × 100 = −277,14 %
        ("a3_roi", "-277,14 %", Wrong, mistake(Inverted)),
        ("a3_margin_rate", "21,14 %", Correct, EXACT),
        // --- a2_users_evol = (50 297 − 37 923) ÷ 37 923 × 100 = +32,629… % -------------------
        ("a2_users_evol", "+32,63 %", Correct, EXACT),
        ("a2_users_evol", "32,63 %", Correct, EXACT),
        ("a2_users_evol", "32,6 %", Close, imprecise(2)),
        ("a2_users_evol", "hausse de 32,63 %", Correct, EXACT),
        ("a2_users_evol", "en hausse de 32,63 %", Correct, EXACT),
        (
            "a2_users_evol",
            "augmentation d'environ 32,6 %",
            Close,
            imprecise(2),
        ),
        ("a2_users_evol", "33 %", Close, imprecise(2)),
        ("a2_users_evol", "32,62 %", Close, TRUNCATED),
        ("a2_users_evol", "32,63 pts", Close, UNIT),
        // 12 374 ÷ 50 297 × 100 = 24,60 %
        ("a2_users_evol", "24,60 %", Wrong, mistake(WrongBase)),
        // 50 297 ÷ 37 923 = 1,3263
        ("a2_users_evol", "132,63 %", Wrong, mistake(Coefficient)),
        ("a2_users_evol", "1,3263", Wrong, mistake(Coefficient)),
        ("a2_users_evol", "1,33", Wrong, mistake(Coefficient)),
        ("a2_users_evol", "-32,63 %", Wrong, mistake(SignError)),
        (
            "a2_users_evol",
            "baisse de 32,63 %",
            Wrong,
            mistake(SignError),
        ),
        ("a2_users_evol", "0,3263", Wrong, mistake(RatioForPercent)),
        ("a2_users_evol", "12 374", Wrong, NOT),
        (
            "a2_users_evol",
            "32,63 €",
            Invalid,
            unit_mismatch(GivenUnit::Euro),
        ),
        // --- a2_duration_evol = (112 − 118) ÷ 118 × 100 = −5,0847… % --------------------------
        ("a2_duration_evol", "\u{2212}5,08 %", Correct, EXACT),
        ("a2_duration_evol", "baisse de 5,08 %", Correct, EXACT),
        (
            "a2_duration_evol",
            "en baisse de \u{2212}5,08 %",
            Correct,
            EXACT,
        ),
        ("a2_duration_evol", "recul de 5,08 %", Correct, EXACT),
        ("a2_duration_evol", "-5,1 %", Close, imprecise(2)),
        ("a2_duration_evol", "-5 %", Close, imprecise(2)),
        ("a2_duration_evol", "5,08 %", Wrong, mistake(SignError)),
        // −6 ÷ 112 × 100 = −5,357 %
        ("a2_duration_evol", "-5,36 %", Wrong, mistake(WrongBase)),
        // 112 ÷ 118 = 0,9492
        ("a2_duration_evol", "94,92 %", Wrong, mistake(Coefficient)),
        (
            "a2_duration_evol",
            "hausse de -5,08 %",
            Invalid,
            unreadable(ParseError::ContradictorySign),
        ),
        // --- a2_bounce_evol = (1,41 − 0,61) ÷ 0,61 × 100 = +131,147… % ----------------------
        ("a2_bounce_evol", "131,15 %", Correct, EXACT),
        // Two decimals are asked, however large the value.
        ("a2_bounce_evol", "+131 %", Close, imprecise(2)),
        ("a2_bounce_evol", "0,80 %", Wrong, mistake(PointsForPercent)),
        (
            "a2_bounce_evol",
            "0,8 pts",
            Wrong,
            mistake(PointsForPercent),
        ),
        (
            "a2_bounce_evol",
            "+0,80 point",
            Wrong,
            mistake(PointsForPercent),
        ),
        // 0,80 ÷ 1,41 × 100 = 56,74 %
        ("a2_bounce_evol", "56,74 %", Wrong, mistake(WrongBase)),
        // 1,41 ÷ 0,61 = 2,3115
        ("a2_bounce_evol", "231,15 %", Wrong, mistake(Coefficient)),
        ("a2_bounce_evol", "131,15 pts", Close, UNIT),
        // --- a2_bounce_diff = 1,41 − 0,61 = +0,80 point ------------------------------------
        ("a2_bounce_diff", "0,80 pts", Correct, EXACT),
        ("a2_bounce_diff", "+0,8 point", Correct, EXACT),
        ("a2_bounce_diff", "0,8 point de pourcentage", Correct, EXACT),
        ("a2_bounce_diff", "0,80", Correct, EXACT),
        ("a2_bounce_diff", "0,8 pp", Correct, EXACT),
        ("a2_bounce_diff", "1 pt", Close, imprecise(2)),
        ("a2_bounce_diff", "0,8 %", Close, UNIT),
        ("a2_bounce_diff", "0,80 %", Close, UNIT),
        (
            "a2_bounce_diff",
            "131,15 %",
            Wrong,
            mistake(PercentForPoints),
        ),
        ("a2_bounce_diff", "131,15", Wrong, mistake(PercentForPoints)),
        ("a2_bounce_diff", "-0,80 pts", Wrong, mistake(SignError)),
        (
            "a2_bounce_diff",
            "0,8 €",
            Invalid,
            unit_mismatch(GivenUnit::Euro),
        ),
        // --- a2_organic_share_diff = 49,5 − 59,7 = −10,20 points ----------------------------
        (
            "a2_organic_share_diff",
            "\u{2212}10,2 points",
            Correct,
            EXACT,
        ),
        ("a2_organic_share_diff", "-10,20 pts", Correct, EXACT),
        (
            "a2_organic_share_diff",
            "10,2 pts",
            Wrong,
            mistake(SignError),
        ),
        // −10,2 ÷ 59,7 × 100 = −17,085 %
        (
            "a2_organic_share_diff",
            "-17,09 %",
            Wrong,
            mistake(PercentForPoints),
        ),
        ("a2_organic_share_diff", "\u{2212}10,2 %", Close, UNIT),
        ("a2_display_share_diff", "0,00 point", Correct, EXACT),
        // --- a2_social_sessions_evol = +2 917,75… % ------------------------------------------
        ("a2_social_sessions_evol", "2 917,75 %", Correct, EXACT),
        ("a2_social_sessions_evol", "+2917,75 %", Correct, EXACT),
        (
            "a2_social_sessions_evol",
            "2\u{202F}917,75\u{A0}%",
            Correct,
            EXACT,
        ),
        ("a2_social_sessions_evol", "2\u{A0}917,75 %", Correct, EXACT),
        ("a2_social_sessions_evol", "2.917,75 %", Correct, EXACT),
        ("a2_social_sessions_evol", "2,917.75 %", Correct, EXACT),
        ("a2_social_sessions_evol", "2 918 %", Close, imprecise(2)),
        // --- a2_organic_sessions_2019 = 47 256 × 59,7 % = 28 211,832 --------------------------
        ("a2_organic_sessions_2019", "28 212", Correct, EXACT),
        (
            "a2_organic_sessions_2019",
            "28 212 sessions",
            Correct,
            EXACT,
        ),
        ("a2_organic_sessions_2019", "28212 visites", Correct, EXACT),
        ("a2_organic_sessions_2019", "28 211,83", Correct, EXACT),
        ("a2_organic_sessions_2019", "28 211", Close, TRUNCATED),
        ("a2_organic_sessions_2019", "28 210", Close, NEAR),
        (
            "a2_organic_sessions_2019",
            "28 212 €",
            Invalid,
            unit_mismatch(GivenUnit::Euro),
        ),
        (
            "a2_organic_sessions_2019",
            "28 212 clics",
            Invalid,
            words("clics"),
        ),
        ("a2_paid_sessions_evol", "\u{2212}67,32 %", Correct, EXACT),
        ("a2_paid_sessions_evol", "chute de 67,32 %", Correct, EXACT),
        (
            "a2_paid_sessions_evol",
            "diminution de 67,3 %",
            Close,
            imprecise(2),
        ),
        ("a2_sessions_per_user_evol", "-1,60 %", Correct, EXACT),
        ("a2_sessions_per_user_evol", "-2 %", Close, imprecise(2)),
        ("a2_new_users_share_2020", "99,28 %", Correct, EXACT),
        ("a2_new_users_share_2020", "99,27 %", Close, TRUNCATED),
        // --- a2_duration_diff = 112 − 118 = −6 s ---------------------------------------------
        ("a2_duration_diff", "-6 s", Correct, EXACT),
        ("a2_duration_diff", "\u{2212}6 secondes", Correct, EXACT),
        ("a2_duration_diff", "baisse de 6 secondes", Correct, EXACT),
        ("a2_duration_diff", "6 s", Wrong, mistake(SignError)),
        ("a2_duration_evol", "-6 s", Invalid, words("s")),
        // --- a2_pages_per_user_2019 = 274 630 ÷ 37 923 = 7,2417… -----------------------------
        ("a2_pages_per_user_2019", "7,24", Correct, EXACT),
        ("a2_pages_per_user_2019", "7,24 pages", Correct, EXACT),
        (
            "a2_pages_per_user_2019",
            "7,24 pages par utilisateur",
            Correct,
            EXACT,
        ),
        ("a2_pages_per_user_2019", "7,2", Close, imprecise(2)),
        ("a2_pages_per_user_2019", "7", Close, imprecise(2)),
        // --- annex 4 -----------------------------------------------------------------------
        ("a4_total_cost", "230,28 €", Correct, EXACT),
        ("a4_total_cost", "230,28 euros HT", Correct, EXACT),
        ("a4_cpc", "0,49 €", Correct, EXACT),
        ("a4_cpc", "0,492 €", Correct, EXACT),
        ("a4_basket", "42,00 €", Correct, EXACT),
        ("a4_roas", "6,93", Correct, EXACT),
        ("a4_roas", "693 %", Correct, EXACT),
        ("a4_conversion", "8,12 %", Correct, EXACT),
        ("a4_conversion", "8,11 %", Close, TRUNCATED),
        // --- annex 5 -----------------------------------------------------------------------
        ("a5_b2b_revenue", "16 000 €", Correct, EXACT),
        ("a5_b2b_revenue", "16000 €", Correct, EXACT),
        ("a5_b2b_revenue", "16 000", Correct, EXACT),
        ("a5_b2b_revenue", "16,000 k€", Correct, EXACT),
        ("a5_total_revenue", "35 660 € HT", Correct, EXACT),
        ("a5_b2b_orders", "3 commandes", Correct, EXACT),
        ("a5_b2b_trees", "800 arbres", Correct, EXACT),
        ("a5_total_trees", "1 300", Correct, EXACT),
        ("a5_total_trees", "1300 arbres", Correct, EXACT),
        ("a5_b2c_basket", "47,26 €", Correct, EXACT),
        ("a5_b2c_basket", "47,25 €", Close, TRUNCATED),
        (
            "a5_b2c_trees_per_order",
            "1,20 arbres par commande",
            Correct,
            EXACT,
        ),
        (
            "a5_b2c_trees_per_order",
            "1,2 arbres/commande",
            Correct,
            EXACT,
        ),
        // 416 ÷ 500 = 0,832
        ("a5_b2c_trees_per_order", "0,83", Wrong, mistake(Inverted)),
        ("a5_b2c_revenue_share", "55,13 %", Correct, EXACT),
        (
            "a5_b2c_revenue_share",
            "0,5513",
            Wrong,
            mistake(RatioForPercent),
        ),
        // 35 660 ÷ 19 660 × 100 = 181,38 %
        ("a5_b2c_revenue_share", "181,38 %", Wrong, mistake(Inverted)),
        ("a5_b2b_basket", "5 333,33 €", Correct, EXACT),
        ("a5_b2b_basket", "5 333 €", Close, imprecise(2)),
        ("a5_b2b_basket", "5 333,34 €", Close, NEAR),
        ("a5_b2b_trees_per_order", "267", Close, imprecise(2)),
        ("a5_b2b_trees_per_order", "266,67 arbres", Correct, EXACT),
        ("a5_b2b_trees_per_order", "266,66", Close, TRUNCATED),
        ("a5_b2b_orders_share", "0,72 %", Correct, EXACT),
        ("a5_b2b_orders_share", "0,7 %", Close, imprecise(2)),
        ("a5_b2b_orders_share", "1 %", Close, imprecise(2)),
        ("a5_b2b_orders_share", "0,71 %", Close, TRUNCATED),
        // --- annex 7 -----------------------------------------------------------------------
        ("a7_clicks_month", "100 clics", Correct, EXACT),
        ("a7_clicks_month", "100", Correct, EXACT),
        ("a7_clicks_month", "100 clics par mois", Correct, EXACT),
        ("a7_clicks_month", "100 clics/mois", Correct, EXACT),
        ("a7_clicks_month", "100 pommes", Invalid, words("pommes")),
        (
            "a7_clicks_month",
            "100 €",
            Invalid,
            unit_mismatch(GivenUnit::Euro),
        ),
        (
            "a7_clicks_month",
            "100 %",
            Invalid,
            unit_mismatch(GivenUnit::Percent),
        ),
        // 2 ÷ 200 = 0,01
        ("a7_clicks_month", "0,01", Wrong, mistake(Inverted)),
        ("a7_orders_month", "2,74 commandes", Correct, EXACT),
        ("a7_orders_month", "2,74 commandes par mois", Correct, EXACT),
        ("a7_orders_month", "2,7", Close, imprecise(2)),
        (
            "a7_orders_month",
            "3",
            Close,
            whole("a7_orders_month", dec!(3)),
        ),
        ("a7_cost_per_order", "72,99 €", Correct, EXACT),
        ("a7_cost_per_order", "72,98 €", Close, NEAR),
        // 2,74 ÷ 200 = 0,0137
        ("a7_cost_per_order", "0,0137 €", Wrong, mistake(Inverted)),
        ("a7_budget_year", "2 400 €", Correct, EXACT),
        ("a7_clicks_year", "1 200 clics", Correct, EXACT),
        ("a7_clicks_year", "1 200 clics par an", Correct, EXACT),
        ("a7_orders_year", "32,88 commandes par an", Correct, EXACT),
        ("a7_cost_per_order_year", "72,99 €", Correct, EXACT),
        // 2,74 × 16 000 ÷ 3 = 14 613,333…; 2,74 × 5 333,33 = 14 613,3242.
        ("a7_revenue_month", "14 613,33 €", Correct, EXACT),
        ("a7_revenue_month", "14 613,32 €", Correct, ROUNDED),
        ("a7_revenue_month", "14613,33", Correct, EXACT),
        ("a7_revenue_month", "14,61333 k€", Correct, EXACT),
        ("a7_revenue_month", "14 613 €", Close, imprecise(2)),
        ("a7_revenue_month", "14 613,3 €", Close, imprecise(2)),
        ("a7_revenue_month", "14 613,31 €", Close, NEAR),
        ("a7_revenue_year", "175 360,00 €", Correct, EXACT),
        ("a7_revenue_year", "175 359,89 €", Correct, ROUNDED),
        ("a7_revenue_year", "175 360 €", Correct, EXACT),
        ("a7_roas", "73,07", Correct, EXACT),
        ("a7_roas", "7 307 %", Correct, EXACT),
        (
            "a7_revenue_minus_budget_month",
            "14 413,33 €",
            Correct,
            EXACT,
        ),
        // --- A lone dot before exactly three digits: "16.000" is 16 000 (French thousands) or
        // 16,000 (English decimal point). A reading that is right or nearly right wins; if both
        // are wrong, the one whose size fits the expected value; otherwise it is asked, free.
        // a5_b2b_revenue = 16 000 € (practice 1.3.a).
        ("a5_b2b_revenue", "16.000 €", Correct, EXACT),
        ("a5_b2b_revenue", "16.000", Correct, EXACT),
        ("a5_b2b_revenue", "16.000 € HT", Correct, EXACT),
        ("a5_b2b_revenue", "CA = 16.000 €", Correct, EXACT),
        ("a5_b2b_revenue", "16.000 k€", Correct, EXACT),
        ("a5_b2b_revenue", "-16.000 €", Wrong, mistake(SignError)),
        // 1,94 € would be 8 000 times too small: read 1 940 €.
        ("a5_b2b_revenue", "1.940 €", Wrong, NOT),
        // 160,000 € is 100 times too small, 160 000 € 10 times too big: read 160 000 €.
        ("a5_b2b_revenue", "160.000 €", Wrong, NOT),
        // 500,000 € and 500 000 € are both 30 times off: which one was meant?
        ("a5_b2b_revenue", "500.000 €", Invalid, grouping("500.000")),
        ("a5_b2b_revenue", "16.000,50 €", Close, NEAR),
        ("a5_b2b_revenue", "1.234.567", Wrong, NOT),
        // A comma is the French decimal mark: 16,000 € is 16 €.
        ("a5_b2b_revenue", "16,000 €", Wrong, NOT),
        ("a5_b2b_basket", "5.333,33 €", Correct, EXACT),
        ("a5_b2b_basket", "5.333 €", Close, imprecise(2)),
        ("a5_total_trees", "1.300", Correct, EXACT),
        ("a7_clicks_year", "1.200 clics", Correct, EXACT),
        ("a7_revenue_year", "175.360 €", Correct, EXACT),
        ("a7_revenue_month", "14.613 €", Close, imprecise(2)),
        ("a2_social_sessions_evol", "2.918 %", Close, imprecise(2)),
        ("a2_social_sessions_evol", "+2.917 %", Close, TRUNCATED),
        // The English decimal point keeps working.
        ("a3_ctr", "17.76 %", Correct, EXACT),
        ("a3_ctr", "17.757 %", Correct, EXACT),
        // 17,760 claims 3 decimals: 17,757 is expected at that precision, as with a comma.
        ("a3_ctr", "17.760 %", Close, NEAR),
        ("a3_ctr", "17,760 %", Close, NEAR),
        ("a3_ctr", "563.166 %", Wrong, mistake(Inverted)),
        // 1 % and 1 000 % are both far from 17,76 %: asked.
        ("a3_ctr", "1.000 %", Invalid, grouping("1.000")),
        ("a3_roas", "3.023", Correct, EXACT),
        ("a3_roas", "302.327 %", Correct, EXACT),
        ("a5_b2b_trees_per_order", "266.667", Correct, EXACT),
        ("a2_duration_diff", "-6.000 s", Correct, EXACT),
        // A leading 0 is never a thousands group: 0,530 €, judged at 3 decimals like "0,530 €".
        ("a3_cpc", "0.525 €", Correct, EXACT),
        ("a3_cpc", "0.530 €", Wrong, NOT),
        ("a3_cpc", "0,530 €", Wrong, NOT),
        // 1 940 € would be 3 700 times too big: read 1,940 €.
        ("a3_cpc", "1.940 €", Wrong, NOT),
        // Nothing to compare sizes with when 0 is expected: asked.
        (
            "a2_display_share_diff",
            "1.000 point",
            Invalid,
            grouping("1.000"),
        ),
    ]
}

#[test]
fn table_of_answers() {
    let case = case();
    let cases = table();
    assert!(cases.len() >= 150, "only {} answers", cases.len());
    let mut failures = Vec::new();
    for (kpi, input, verdict, reason) in &cases {
        let outcome = case.check(kpi_index(kpi), input);
        if outcome.verdict != *verdict || outcome.reason != *reason {
            failures.push(format!(
                "{kpi} {input:?}: got {:?} / {:?} (given {:?}), expected {verdict:?} / {reason:?}",
                outcome.verdict, outcome.reason, outcome.given
            ));
        }
        // Unreadable answers give nothing back; read ones give the value.
        if outcome.verdict == Invalid {
            if outcome.given.is_some() {
                failures.push(format!(
                    "{kpi} {input:?}: invalid but given {:?}",
                    outcome.given
                ));
            }
        } else if outcome.given.is_none() {
            failures.push(format!("{kpi} {input:?}: judged but no given value"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} answers judged differently:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// A value that is exact needs no decimals: nothing was rounded, so "not precise enough"
/// would be false.
#[test]
fn an_exact_value_written_with_fewer_decimals_is_correct() {
    let case = case();
    let cases = [
        // 1 240 − 1 940 = −700 exactly.
        ("a3_margin_minus_spend", "\u{2212}700 €"),
        ("a3_margin_minus_spend", "-700"),
        // 1 596 ÷ 38 = 42 exactly.
        ("a4_basket", "42 €"),
        // 16 000 ÷ 800 = 20 exactly.
        ("a5_b2b_price_per_tree", "20 €"),
        // 19 660 + 16 000 = 35 660 exactly, written in k€ as the subject writes "1,94 k €".
        ("a5_total_revenue", "35,66 k€"),
        ("a5_b2b_revenue", "16 k€"),
        // 0 − 0 = 0 exactly.
        ("a2_display_share_diff", "0 point"),
    ];
    let mut failures = Vec::new();
    for (kpi, input) in cases {
        let outcome = case.check(kpi_index(kpi), input);
        if outcome.verdict != Correct || outcome.reason != EXACT {
            failures.push(format!(
                "{kpi} {input:?}: got {:?} / {:?}, expected Correct / Exact",
                outcome.verdict, outcome.reason
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_table_spans_many_kpis_and_every_verdict() {
    let cases = table();
    let kpis: std::collections::BTreeSet<&str> = cases.iter().map(|c| c.0).collect();
    assert!(kpis.len() >= 40, "only {} KPIs", kpis.len());
    for v in [Correct, Close, Wrong, Invalid] {
        assert!(cases.iter().any(|c| c.2 == v), "no {v:?} answer");
    }
    for m in [
        RatioForPercent,
        Inverted,
        WrongBase,
        Coefficient,
        SignError,
        PointsForPercent,
        PercentForPoints,
    ] {
        assert!(
            cases.iter().any(|c| c.3 == Reason::Mistake(m)),
            "no {m:?} answer"
        );
    }
}

#[test]
fn the_value_read_is_in_the_kpi_unit() {
    let case = case();
    let given = |kpi: &str, input: &str| case.check(kpi_index(kpi), input).given;
    assert_eq!(given("a3_ctr", "17,76 %"), Some(dec!(17.76)));
    assert_eq!(given("a3_ctr", "CTR = 17,76 %"), Some(dec!(17.76)));
    // A ratio written in percent is read as the ratio.
    assert_eq!(given("a3_roas", "302 %"), Some(dec!(3.02)));
    assert_eq!(given("a5_b2b_revenue", "16 k€"), Some(dec!(16000)));
    assert_eq!(
        given("a2_duration_evol", "baisse de 5,08 %"),
        Some(dec!(-5.08))
    );
    assert_eq!(
        given("a3_margin_minus_spend", "\u{2212}700,00 €"),
        Some(dec!(-700))
    );
    assert_eq!(given("a3_ctr", "17,76 €"), None);
    assert_eq!(given("a3_ctr", ""), None);
    let outcome = case.check(kpi_index("a3_ctr"), "17,757 %");
    assert_eq!(outcome.given_decimals, 3);
    assert_eq!(outcome.given_unit, Some(GivenUnit::Percent));
    let outcome = case.check(kpi_index("a3_ctr"), "nope");
    assert_eq!(outcome.given, None);
    assert_eq!(outcome.given_unit, None);
}

#[test]
fn a_dot_before_three_digits_is_read_the_way_that_fits() {
    let case = case();
    let read = |kpi: &str, input: &str| {
        let outcome = case.check(kpi_index(kpi), input);
        (outcome.given, outcome.given_decimals)
    };
    assert_eq!(read("a5_b2b_revenue", "16.000 €"), (Some(dec!(16000)), 0));
    assert_eq!(read("a5_b2b_revenue", "16.000"), (Some(dec!(16000)), 0));
    assert_eq!(read("a5_b2b_revenue", "1.940 €"), (Some(dec!(1940)), 0));
    assert_eq!(read("a3_cpc", "1.940 €"), (Some(dec!(1.940)), 3));
    assert_eq!(read("a3_ctr", "17.760 %"), (Some(dec!(17.760)), 3));
    assert_eq!(read("a3_cpc", "0.530 €"), (Some(dec!(0.530)), 3));
    assert_eq!(
        read("a5_b2b_basket", "5.333,33 €"),
        (Some(dec!(5333.33)), 2)
    );
    assert_eq!(
        read("a5_b2b_revenue", "16.000,50 €"),
        (Some(dec!(16000.50)), 2)
    );
    assert_eq!(
        read("a7_revenue_year", "1.234.567"),
        (Some(dec!(1234567)), 0)
    );
    assert_eq!(read("a5_b2b_revenue", "16,000 €"), (Some(dec!(16.000)), 3));
    // A ratio written in percent: both readings are divided by 100.
    assert_eq!(read("a3_roas", "302.327 %"), (Some(dec!(3.02327)), 5));
    assert_eq!(read("a5_b2b_revenue", "500.000 €"), (None, 0));
}

/// Whatever the KPI, its right value written with a dot (as thousands separator, or as decimal
/// point with three decimals) never costs points: it is never judged wrong.
#[test]
fn the_right_value_with_a_dot_before_three_digits_never_costs_points() {
    let case = case();
    let mut written = 0;
    let mut failures = Vec::new();
    for (i, k) in case.kpis.iter().enumerate() {
        let exact = case.evaluate(i).expect("computes");
        let sign = if exact < Decimal::ZERO { "-" } else { "" };
        let mut texts = Vec::new();
        // Thousands: "16.000", "2.918", "175.360".
        let units = exact.abs().round_dp(0);
        if units >= Decimal::ONE_THOUSAND && units < Decimal::from(1_000_000) {
            let units = units.mantissa() / 10_i128.pow(units.scale());
            texts.push(format!("{sign}{}.{:03}", units / 1000, units % 1000));
        }
        // Decimal point: "17.757", "0.525" is not ambiguous, "266.667".
        let mut three = exact
            .abs()
            .round_dp_with_strategy(3, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        three.rescale(3);
        if three >= Decimal::ONE && three < Decimal::ONE_THOUSAND {
            texts.push(format!("{sign}{three}"));
        }
        for text in texts {
            written += 1;
            let outcome = case.check(i, &text);
            if !matches!(outcome.verdict, Correct | Close) {
                failures.push(format!(
                    "{} {text:?} (expected {}): {:?} / {:?}",
                    k.id,
                    k.display(exact),
                    outcome.verdict,
                    outcome.reason
                ));
            }
        }
    }
    assert!(written >= 60, "only {written} answers written");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// When the dot cannot be read with certainty, the answer is unreadable: it costs nothing and
/// the student is told how to write it.
#[test]
fn an_unresolved_dot_is_free_and_says_how_to_write_it() {
    let app = crate::helpers::shared_app();
    let case = case();
    let i = kpi_index("a5_b2b_revenue");
    let outcome = case.check(i, "500.000 €");
    assert_eq!(outcome.verdict, Invalid);
    assert_eq!(outcome.given, None);
    let text = casebot::render::verdict(&app.messages, case, i, &outcome);
    assert!(text.contains("« 500.000 »"), "{text}");
    assert!(
        text.ends_with("Cette réponse ne te coûte rien : réessaie."),
        "{text}"
    );
    // The two spellings the student may use instead.
    assert_eq!(
        casebot::check::parse::dot_readings("500.000"),
        Some(("500 000".to_string(), "500,000".to_string()))
    );
}

#[test]
fn an_unknown_kpi_index_is_invalid_not_a_panic() {
    let case = case();
    let outcome = case.check(case.kpis.len() + 3, "17,76 %");
    assert_eq!(outcome.verdict, Invalid);
    assert_eq!(outcome.given, None);
}

#[test]
fn odd_inputs_never_panic() {
    let case = case();
    let odd = [
        "\u{0}",
        "%%%%",
        "€€€",
        "= = =",
        "≈",
        "-",
        "+",
        "−−1",
        "1,2,3,4,5,6",
        "999999999999999999999999999999",
        "0,000000000000000000000001",
        "1\u{202F}\u{202F}000",
        "🌳 17,76 %",
        "17,76 % 🌳",
        "k€",
        "0 k€",
        ",",
        ".",
        "  ,5 %",
    ];
    for (i, _) in case.kpis.iter().enumerate() {
        for input in odd {
            let _ = case.check(i, input);
        }
    }
}

/// How a student may write a value: decimal mark, thousands grouping, unit.
fn write_value(value: Decimal, decimals: u32, comma: bool, group: Option<char>) -> String {
    let mut digits = value.abs();
    digits.rescale(decimals);
    let plain = digits.to_string();
    let (int_part, frac_part) = match plain.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (plain.clone(), None),
    };
    let mut out = String::new();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            if let Some(g) = group {
                out.push(g);
            }
        }
        out.push(c);
    }
    if let Some(frac) = frac_part {
        out.push(if comma { ',' } else { '.' });
        out.push_str(&frac);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// The right value, at the displayed precision, written in any supported style, is correct.
    #[test]
    fn the_right_value_in_any_style_is_correct(
        pick in any::<prop::sample::Index>(),
        comma in any::<bool>(),
        group in prop::sample::select(vec![None, Some(' '), Some('\u{A0}'), Some('\u{202F}')]),
        unit_choice in 0_usize..4,
        unit_space in prop::sample::select(vec!["", " ", "\u{A0}", "\u{202F}"]),
        unicode_minus in any::<bool>(),
        plus in any::<bool>(),
        label in any::<bool>(),
    ) {
        let case = case();
        let i = pick.index(case.kpis.len());
        let k = &case.kpis[i];
        let exact = case.evaluate(i).expect("computes");
        let rounded = k.rounded(exact);
        let mut value = rounded;
        let mut decimals = k.precision;
        let unit: &str = match k.unit {
            casebot::format::Unit::Percent => ["%", "", "pour cent", "%"][unit_choice],
            casebot::format::Unit::Points => ["pts", "points", "", "pt"][unit_choice],
            casebot::format::Unit::Eur => ["€", "euros", "", "€ HT"][unit_choice],
            casebot::format::Unit::Ratio => {
                if unit_choice == 0 {
                    // A ratio written in percent: ×100, two decimals fewer.
                    value = rounded * Decimal::ONE_HUNDRED;
                    decimals = k.precision.saturating_sub(2);
                    "%"
                } else if unit_choice == 1 {
                    k.words.first().map(String::as_str).unwrap_or("")
                } else {
                    ""
                }
            }
            casebot::format::Unit::Count | casebot::format::Unit::Seconds => {
                if unit_choice % 2 == 0 {
                    k.words.first().map(String::as_str).unwrap_or("")
                } else {
                    ""
                }
            }
        };
        let mut text = String::new();
        if label {
            text.push_str("Résultat = ");
        }
        if value < Decimal::ZERO {
            text.push(if unicode_minus { '\u{2212}' } else { '-' });
        } else if plus && value > Decimal::ZERO {
            text.push('+');
        }
        text.push_str(&write_value(value, decimals, comma, group));
        if !unit.is_empty() {
            text.push_str(if unit_space.is_empty() && unit.chars().next().is_some_and(char::is_alphabetic) {
                " "
            } else {
                unit_space
            });
            text.push_str(unit);
        }
        let outcome = case.check(i, &text);
        prop_assert_eq!(
            outcome.verdict,
            Correct,
            "{} {:?} (expected {}): {:?}",
            &k.id,
            &text,
            k.display(exact),
            outcome
        );
    }
}

// --- One fair precision rule, over every KPI and every part (issue #10, items 4 and 5) -------

/// Every part of the case with its KPI index.
fn parts() -> Vec<(&'static str, usize)> {
    let case = case();
    case.questions
        .iter()
        .flat_map(|q| q.parts.iter())
        .map(|p| (p.id.as_str(), p.kpi))
        .collect()
}

/// `value` written with exactly `decimals` decimals, French style, with the KPI's own unit.
fn written(k: &casebot::kpi::Kpi, value: Decimal, decimals: u32) -> String {
    let sign = if value < Decimal::ZERO { "-" } else { "" };
    let number = write_value(value, decimals, true, Some(' '));
    let unit = match k.unit {
        casebot::format::Unit::Percent => " %",
        casebot::format::Unit::Points => " points",
        casebot::format::Unit::Eur => " €",
        casebot::format::Unit::Seconds => " s",
        casebot::format::Unit::Count | casebot::format::Unit::Ratio => "",
    };
    format!("{sign}{number}{unit}")
}

/// Decimals of `value` once its trailing zeros are dropped.
fn significant_decimals(value: Decimal) -> u32 {
    value.normalize().scale()
}

/// The precision rule, stated over every KPI of the pack: the exact value at the precision
/// asked is right; that value with its trailing zeros dropped is right (« 47,3 € » for 47,30 €);
/// with more decimals, correctly rounded, it is right; with one decimal fewer than asked (and
/// not a trailing zero) it is close, never full credit.
#[test]
fn the_precision_asked_is_the_rule_for_every_kpi() {
    let case = case();
    let mut failures = Vec::new();
    let mut fewer_tested = 0;
    let mut trimmed_tested = 0;
    for (i, k) in case.kpis.iter().enumerate() {
        let exact = case.evaluate(i).expect("computes");
        let asked = casebot::check::asked_decimals(k) as u32;
        let expect = |text: String, verdict: Verdict, failures: &mut Vec<String>| {
            let outcome = case.check(i, &text);
            if outcome.verdict != verdict {
                failures.push(format!(
                    "{} {text:?} (expected {}): got {:?} / {:?}, expected {verdict:?}",
                    k.id,
                    k.display(exact),
                    outcome.verdict,
                    outcome.reason
                ));
            }
        };
        let at_asked = casebot::format::round(exact, asked);
        expect(written(k, at_asked, asked), Correct, &mut failures);
        expect(
            written(k, casebot::format::round(exact, asked + 1), asked + 1),
            Correct,
            &mut failures,
        );
        let trimmed = significant_decimals(at_asked);
        if trimmed < asked {
            trimmed_tested += 1;
            expect(written(k, at_asked, trimmed), Correct, &mut failures);
        } else if asked > 0 {
            fewer_tested += 1;
            let fewer = casebot::format::round(exact, asked - 1);
            // Unless it is the value found from rounded intermediate results, its zeros
            // dropped (−62,6 % for −62,60 %).
            let alt = case.evaluate_from_rounded(i).expect("computes");
            let alt_trimmed = casebot::format::round(alt, asked) == fewer;
            let outcome = case.check(i, &written(k, fewer, asked - 1));
            if outcome.verdict == Correct && !alt_trimmed {
                failures.push(format!(
                    "{} {:?} (one decimal fewer than the {asked} asked) is full credit",
                    k.id,
                    written(k, fewer, asked - 1)
                ));
            }
        }
    }
    assert!(
        fewer_tested >= 40,
        "only {fewer_tested} KPIs tested with fewer decimals"
    );
    assert!(
        trimmed_tested >= 5,
        "only {trimmed_tested} KPIs with trailing zeros"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The precision a statement asks, read from its words: « arrondi(e) à deux décimales »,
/// « à une décimale », « à l'unité ».
fn precision_in(statement: &str) -> Option<u32> {
    let words = [
        ("à deux décimales", 2),
        ("à une décimale", 1),
        ("à trois décimales", 3),
        ("à l’unité", 0),
        ("à l'unité", 0),
    ];
    words
        .iter()
        .find(|(w, _)| statement.contains(w))
        .map(|&(_, n)| n)
}

/// What a statement asks and what the checker accepts agree for every part: a part whose value
/// needs rounding says at which precision, and that precision is the one the checker asks.
#[test]
fn every_statement_asks_the_precision_the_checker_asks() {
    let case = case();
    let mut failures = Vec::new();
    for (part, kpi) in parts() {
        let k = &case.kpis[kpi];
        let statement = case.text(&format!("part.{part}.statement"));
        let asked = casebot::check::asked_decimals(k) as u32;
        let exact = case.evaluate(kpi).expect("computes");
        let needs_rounding = casebot::format::round(exact, asked) != exact;
        match precision_in(&statement) {
            Some(n) if n != asked => failures.push(format!(
                "{part} ({}): the statement asks {n} decimals, the checker {asked}",
                k.id
            )),
            None if needs_rounding => failures.push(format!(
                "{part} ({}): {} needs rounding but the statement does not say to what: {statement:?}",
                k.id,
                k.display(exact)
            )),
            _ => {}
        }
    }
    assert!(parts().len() >= 40);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// « 3,02 % » for a ROAS: for every ratio KPI, its value with a "%" is a free unit slip whose
/// message gives both right forms (« 3,02 » or « 302 % »); the value × 100 with "%" is right;
/// a wrong ratio with a "%" costs a try and is echoed as written, never as « 0,0302 ».
#[test]
fn a_percent_on_a_ratio_is_a_free_slip_for_every_ratio_kpi() {
    let app = crate::helpers::shared_app();
    let case = case();
    let mut failures = Vec::new();
    let mut ratios = 0;
    for (i, k) in case.kpis.iter().enumerate() {
        if k.unit != casebot::format::Unit::Ratio {
            continue;
        }
        ratios += 1;
        let exact = case.evaluate(i).expect("computes");
        let asked = casebot::check::asked_decimals(k) as u32;
        let value = casebot::format::round(exact, asked);
        let bare = casebot::format::number(exact, asked);
        let slip = format!("{} %", write_value(value, asked, true, None));
        let outcome = case.check(i, &slip);
        let text = casebot::render::verdict(&app.messages, case, i, &outcome);
        let percent = casebot::format::with_unit(
            value * Decimal::ONE_HUNDRED,
            casebot::format::Unit::Percent,
            asked.saturating_sub(2),
        );
        if outcome.verdict != Invalid
            || !matches!(outcome.reason, Reason::PercentOnRatio { .. })
            || !text.contains(&format!("({bare})"))
            || !text.contains(&format!("({percent})"))
            || !text.ends_with("Cette réponse ne te coûte rien : réessaie.")
        {
            failures.push(format!("{} {slip:?}: {:?} {text}", k.id, outcome.reason));
        }
        let hundred = format!(
            "{} %",
            write_value(
                value * Decimal::ONE_HUNDRED,
                asked.saturating_sub(2),
                true,
                None
            )
        );
        if case.check(i, &hundred).verdict != Correct {
            failures.push(format!("{} {hundred:?} is not right", k.id));
        }
        // A wrong ratio with a "%": judged (it costs a try), echoed as the student wrote it.
        let wrong_value = casebot::format::round(exact * dec!(1.7), 2);
        let wrong = format!("{} %", write_value(wrong_value, 2, true, None));
        let outcome = case.check(i, &wrong);
        let text = casebot::render::verdict(&app.messages, case, i, &outcome);
        let echoed = casebot::format::with_unit(wrong_value, casebot::format::Unit::Percent, 2);
        if outcome.verdict != Wrong || !text.contains(&echoed) || text.contains("0,0") {
            failures.push(format!("{} {wrong:?}: {:?} {text}", k.id, outcome.verdict));
        }
    }
    assert!(ratios >= 7, "only {ratios} ratio KPIs");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// For every evolution of sessions computed as total × share, the gap of the two shares in
/// points (« 30,04 points ») and the evolution of the share (« 2 208,82 % ») are named as such,
/// whether written with their unit or bare; never « coefficient multiplicateur ».
#[test]
fn comparing_the_shares_instead_of_the_sessions_is_named_for_every_source() {
    let app = crate::helpers::shared_app();
    let case = case();
    let mut failures = Vec::new();
    let mut sources = 0;
    for (i, k) in case.kpis.iter().enumerate() {
        let Some(source) =
            k.id.strip_prefix("a2_")
                .and_then(|s| s.strip_suffix("_sessions_evol"))
        else {
            continue;
        };
        let share = |year: &str| {
            case.value_by_id(&format!("a2_{source}_{year}"))
                .unwrap_or_else(|| panic!("no share of {source} in {year}"))
                .value
        };
        let (from, to) = (share("2019"), share("2020"));
        sources += 1;
        let gap = casebot::format::round(to - from, 2);
        let evolution = casebot::format::round((to - from) / from * dec!(100), 2);
        let cases = [
            (
                format!("{} points", write_value(gap, 2, true, Some(' '))),
                gap,
                Mistake::ShareGap,
            ),
            (
                format!("{} pts", write_value(gap, 2, true, Some(' '))),
                gap,
                Mistake::ShareGap,
            ),
            (
                format!("{} %", write_value(evolution, 2, true, Some(' '))),
                evolution,
                Mistake::ShareEvolution,
            ),
        ];
        for (text, value, mistake) in cases {
            let text = if value < Decimal::ZERO {
                format!("-{text}")
            } else {
                text
            };
            let outcome = case.check(i, &text);
            let message = casebot::render::verdict(&app.messages, case, i, &outcome);
            if outcome.reason != Reason::Mistake(mistake) || message.contains("coefficient") {
                failures.push(format!("{} {text:?}: {:?} {message}", k.id, outcome.reason));
            }
        }
    }
    assert!(sources >= 5, "only {sources} sources");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A count that cannot be split (orders), rounded to a whole number, and what is computed from
/// it, is recognised: close (partial credit) with the explanation, on every KPI it feeds.
#[test]
fn a_whole_count_of_orders_and_what_follows_from_it_are_recognised() {
    let app = crate::helpers::shared_app();
    let case = case();
    let b2b_basket = dec!(16000) / dec!(3);
    // (KPI, answer, the count rounded, the whole number): values computed by hand from
    // 3 orders a month (36 a year) or 33 orders a year.
    let cases = [
        ("a7_orders_month", "3", "a7_orders_month", dec!(3)),
        ("a7_orders_month", "3 commandes", "a7_orders_month", dec!(3)),
        ("a7_orders_year", "33 commandes", "a7_orders_year", dec!(33)),
        ("a7_orders_year", "36", "a7_orders_month", dec!(3)),
        // 3 × 5 333,33 = 15 999,99 €; 3 × 16 000 ÷ 3 = 16 000 €.
        (
            "a7_revenue_month",
            "15 999,99 €",
            "a7_orders_month",
            dec!(3),
        ),
        ("a7_revenue_month", "16 000 €", "a7_orders_month", dec!(3)),
        (
            "a7_revenue_month",
            "16 000,00 €",
            "a7_orders_month",
            dec!(3),
        ),
        // 200 ÷ 3 = 66,67 €.
        ("a7_cost_per_order", "66,67 €", "a7_orders_month", dec!(3)),
        // 16 000 ÷ 200 = 80.
        ("a7_roas", "80", "a7_orders_month", dec!(3)),
        (
            "a7_revenue_minus_budget_month",
            "15 800 €",
            "a7_orders_month",
            dec!(3),
        ),
        // 33 × 5 333,33 = 175 999,89 €; 2 400 ÷ 33 = 72,73 €.
        (
            "a7_revenue_year",
            "175 999,89 €",
            "a7_orders_year",
            dec!(33),
        ),
        ("a7_revenue_year", "176 000 €", "a7_orders_year", dec!(33)),
        (
            "a7_cost_per_order_year",
            "72,73 €",
            "a7_orders_year",
            dec!(33),
        ),
    ];
    assert_eq!(casebot::format::round(dec!(3) * b2b_basket, 2), dec!(16000));
    let mut failures = Vec::new();
    for (kpi, input, count, n) in cases {
        let i = kpi_index(kpi);
        let outcome = case.check(i, input);
        let text = casebot::render::verdict(&app.messages, case, i, &outcome);
        let expected = whole(count, n);
        if outcome.verdict != Close || outcome.reason != expected {
            failures.push(format!(
                "{kpi} {input:?}: got {:?} / {:?}, expected Close / {expected:?}",
                outcome.verdict, outcome.reason
            ));
        }
        // The explanation, and never the value expected.
        let shown = case.kpis[i].display(case.evaluate(i).expect("computes"));
        if !text.contains("fraction") || text.contains(&shown) {
            failures.push(format!("{kpi} {input:?}: {text}"));
        }
    }
    // Only counts are indivisible, and the counts of the case that are not whole are.
    for (i, k) in case.kpis.iter().enumerate() {
        if k.indivisible {
            assert_eq!(k.unit, casebot::format::Unit::Count, "{}", k.id);
        }
        let exact = case.evaluate(i).expect("computes");
        if k.id.contains("orders")
            && k.unit == casebot::format::Unit::Count
            && exact.fract() != Decimal::ZERO
        {
            assert!(k.indivisible, "{} ({exact}) can be split?", k.id);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// What students write, understood (issue #10, item 5), and a formula pasted before a number is
/// not a label (issue #11, item 11).
#[test]
fn more_of_what_students_write_is_understood() {
    let case = case();
    let cases: &[(&str, &str, Verdict, Reason)] = &[
        ("a2_users_evol", "32,63 % d'augmentation", Correct, EXACT),
        ("a2_users_evol", "32,63 % d’augmentation", Correct, EXACT),
        ("a2_users_evol", "+32,63 % de hausse", Correct, EXACT),
        ("a2_users_evol", "32,63 % en hausse", Correct, EXACT),
        ("a2_duration_evol", "5,08 % de baisse", Correct, EXACT),
        ("a2_duration_evol", "5,08 % en baisse", Correct, EXACT),
        (
            "a2_users_evol",
            "32,63 % de baisse",
            Wrong,
            mistake(SignError),
        ),
        (
            "a2_users_evol",
            "-32,63 % d'augmentation",
            Invalid,
            unreadable(ParseError::ContradictorySign),
        ),
        ("a3_roi", "perte de 36,08 %", Correct, EXACT),
        ("a3_roi", "36,08 % de perte", Correct, EXACT),
        ("a3_roi", "gain de 36,08 %", Wrong, mistake(SignError)),
        ("a3_margin_minus_spend", "perte de 700 €", Correct, EXACT),
        ("a3_margin_minus_spend", "déficit de 700 €", Correct, EXACT),
        (
            "a7_revenue_minus_budget_month",
            "gain de 14 413,33 €",
            Correct,
            EXACT,
        ),
        ("a3_cpc", "0,53 € par clic", Correct, EXACT),
        ("a3_cpc", "0,53 €/clic", Correct, EXACT),
        ("a3_cpc", "0,53 € / clic", Correct, EXACT),
        ("a4_cpc", "0,49 € par clic", Correct, EXACT),
        ("a3_cost_per_sale", "15,65 €/vente", Correct, EXACT),
        ("a3_cost_per_sale", "15,65 € par vente", Correct, EXACT),
        ("a7_cost_per_order", "72,99 € par commande", Correct, EXACT),
        ("a5_b2b_basket", "5 333,33 € par commande", Correct, EXACT),
        ("a3_cpc", "0,53 € par vente", Invalid, words("par vente")),
        ("a3_roas", "x3,02", Correct, EXACT),
        ("a3_roas", "×3,02", Correct, EXACT),
        ("a3_roas", "× 3,02", Correct, EXACT),
        ("a3_roas", "X3,02", Correct, EXACT),
        ("a4_roas", "x6,93", Correct, EXACT),
        ("a7_roas", "ROAS = x73,07", Correct, EXACT),
        ("a2_users_evol", "x1,33", Wrong, mistake(Coefficient)),
        ("a3_ctr", "x17,76", Invalid, unit_mismatch(GivenUnit::Times)),
        ("a3_cpc", "53 centimes", Correct, EXACT),
        ("a3_cpc", "53 centimes d'euro", Invalid, words("d'euro")),
        ("a4_cpc", "49 centimes", Correct, EXACT),
        ("a3_cpc", "52,5 centimes", Correct, EXACT),
        ("a3_cpc", "50 centimes", Wrong, NOT),
        ("a3_ctr", "17,76 % des impressions", Correct, EXACT),
        ("a3_conversion", "3,36 % des clics", Correct, EXACT),
        (
            "a5_b2c_revenue_share",
            "55,13 % du chiffre d'affaires",
            Correct,
            EXACT,
        ),
        ("a5_b2c_revenue_share", "55,13 % du CA", Correct, EXACT),
        ("a5_b2c_trees_per_order", "1,2 arbre", Correct, EXACT),
        (
            "a5_b2c_trees_per_order",
            "1,20 arbre par commande",
            Correct,
            EXACT,
        ),
        ("a3_basket", "47,3 €", Correct, EXACT),
        ("a4_basket", "42 €", Correct, EXACT),
        // A spreadsheet formula before the number does not read as a label.
        (
            "a3_ctr",
            "=HYPERLINK(\"https://arbre-cadeau.fr\";\"lien\") = 17,76 %",
            Invalid,
            leftover("=HYPERLINK(\"https://arbre-cadeau.fr\";\"lien\")"),
        ),
        (
            "a3_ctr",
            "=LIEN_HYPERTEXTE(\"x\") : 17,76 %",
            Invalid,
            leftover("=LIEN_HYPERTEXTE(\"x\")"),
        ),
        ("a3_ctr", "Taux de clic (CTR) = 17,76 %", Correct, EXACT),
    ];
    let mut failures = Vec::new();
    for (kpi, input, verdict, reason) in cases {
        let outcome = case.check(kpi_index(kpi), input);
        if outcome.verdict != *verdict || outcome.reason != *reason {
            failures.push(format!(
                "{kpi} {input:?}: got {:?} / {:?}, expected {verdict:?} / {reason:?}",
                outcome.verdict, outcome.reason
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Sign messages fit the figure, for every KPI: a rise or a fall for a change, a gain or a loss
/// for a result (ROI, margin minus spend), and « positive » for a ratio of positive figures.
#[test]
fn sign_messages_fit_the_figure_for_every_kpi() {
    let app = crate::helpers::shared_app();
    let case = case();
    let results = [
        "a3_roi",
        "a3_margin_minus_spend",
        "a7_revenue_minus_budget_month",
    ];
    let mut failures = Vec::new();
    let mut checked = 0;
    for (i, k) in case.kpis.iter().enumerate() {
        let exact = case.evaluate(i).expect("computes");
        let asked = casebot::check::asked_decimals(k) as u32;
        let opposite = -casebot::format::round(exact, asked);
        if opposite.is_zero() {
            continue;
        }
        let text = written(k, opposite, asked);
        let outcome = case.check(i, &text);
        if outcome.reason != mistake(SignError) {
            failures.push(format!("{} {text:?}: {:?}", k.id, outcome.reason));
            continue;
        }
        checked += 1;
        let message = casebot::render::verdict(&app.messages, case, i, &outcome);
        let wanted = if k.is_change() {
            "une hausse ou une baisse"
        } else if results.contains(&k.id.as_str()) {
            "un gain ou une perte"
        } else {
            "est positif"
        };
        if !message.contains(wanted) {
            failures.push(format!(
                "{} {text:?}: {message} (wanted « {wanted} »)",
                k.id
            ));
        }
    }
    assert!(checked >= 80, "only {checked} KPIs");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The example in an « I don't understand » message has the unit and the decimals the part
/// expects (the checker reads it without a unit complaint), and is never the answer.
#[test]
fn the_example_of_a_not_understood_answer_fits_every_kpi() {
    let app = crate::helpers::shared_app();
    let case = case();
    let mut failures = Vec::new();
    for (i, k) in case.kpis.iter().enumerate() {
        let example = casebot::render::answer_example(k);
        let outcome = case.check(i, &example);
        if outcome.verdict == Invalid || outcome.verdict == Correct {
            failures.push(format!(
                "{}: example {example:?} is {:?} / {:?}",
                k.id, outcome.verdict, outcome.reason
            ));
        }
        if outcome.given_decimals != casebot::check::asked_decimals(k) {
            failures.push(format!("{}: example {example:?} has other decimals", k.id));
        }
        for input in ["", "abc", "17,76 $"] {
            let outcome = case.check(i, input);
            let message = casebot::render::verdict(&app.messages, case, i, &outcome);
            if !message.contains(&format!("« {example} »")) {
                failures.push(format!("{} {input:?}: {message}", k.id));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A wrong answer is echoed as the student's, in the unit they wrote, for every KPI:
/// « Ta réponse, +32,63 %, … ».
#[test]
fn a_wrong_answer_is_echoed_as_the_students_for_every_kpi() {
    let app = crate::helpers::shared_app();
    let case = case();
    let mut failures = Vec::new();
    for (i, k) in case.kpis.iter().enumerate() {
        let exact = case.evaluate(i).expect("computes");
        let asked = casebot::check::asked_decimals(k) as u32;
        // Far from the value and from every classic mistake.
        let far = casebot::format::round(exact * dec!(7.3) + dec!(11), asked);
        let text = written(k, far, asked);
        let outcome = case.check(i, &text);
        let message = casebot::render::verdict(&app.messages, case, i, &outcome);
        let echo = if k.is_change() {
            casebot::format::signed_with_unit(far, k.unit, asked)
        } else {
            casebot::format::with_unit(far, k.unit, asked)
        };
        if outcome.verdict != Wrong || !message.starts_with(&format!("❌ Ta réponse, {echo}, ")) {
            failures.push(format!("{} {text:?}: {message}", k.id));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Only a count can be indivisible: anything else is a pack error at its key.
#[test]
fn only_a_count_can_be_indivisible() {
    let pack = crate::helpers::TempPack::new("checker_indivisible");
    pack.replace(
        "config/cases/arbre-cadeau/kpis.toml",
        "aliases = [\"CTR\", \"taux de clics\"]",
        "aliases = [\"CTR\", \"taux de clics\"]\nindivisible = true",
    );
    let errors = match casebot::pack::load(&pack.pack_dir()) {
        Ok(_) => panic!("a rate marked indivisible loaded"),
        Err(e) => e.0,
    };
    assert!(
        errors
            .iter()
            .any(|e| e.location == "kpis.a3_ctr.indivisible" && e.problem.contains("count")),
        "{errors:#?}"
    );
}
