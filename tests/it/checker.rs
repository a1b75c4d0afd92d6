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
        ("a3_ctr", "17,8 %", Correct, EXACT),
        ("a3_ctr", "17,757 %", Correct, EXACT),
        ("a3_ctr", "17,7567 %", Correct, EXACT),
        ("a3_ctr", "CTR = 17,76 %", Correct, EXACT),
        ("a3_ctr", "Taux de clic : 17,76 %", Correct, EXACT),
        ("a3_ctr", "≈ 17,76 %", Correct, EXACT),
        ("a3_ctr", "environ 17,8 %", Correct, EXACT),
        ("a3_ctr", "17,76 % environ", Correct, EXACT),
        ("a3_ctr", "17,76\u{A0}%", Correct, EXACT),
        ("a3_ctr", "17,76\u{202F}%", Correct, EXACT),
        ("a3_ctr", "  +17,76 %  ", Correct, EXACT),
        ("a3_ctr", "soit 17,76 %", Correct, EXACT),
        ("a3_ctr", "17,76 pour cent", Correct, EXACT),
        ("a3_ctr", "18 %", Close, imprecise(1)),
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
        ("a3_cpc", "53 centimes", Invalid, words("centimes")),
        // --- a3_cpm = 93,2288… €, a3_conversion = 3,3558… %, a3_cost_per_sale = 15,645… € ----
        ("a3_cpm", "93,23 €", Correct, EXACT),
        ("a3_cpm", "93,2 €", Close, imprecise(2)),
        ("a3_cpm", "93,22 €", Close, TRUNCATED),
        ("a3_conversion", "3,36 %", Correct, EXACT),
        ("a3_conversion", "3,4 %", Correct, EXACT),
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
        ("a3_basket", "47,3 €", Close, imprecise(2)),
        ("a3_basket", "47,29 €", Close, TRUNCATED),
        // --- a3_roas = 5 865,15 ÷ 1 940 = 3,0232… (a ratio) ---------------------------------
        ("a3_roas", "3,02", Correct, EXACT),
        ("a3_roas", "ROAS ≈ 3,02", Correct, EXACT),
        ("a3_roas", "3,0", Correct, EXACT),
        ("a3_roas", "302 %", Correct, EXACT),
        ("a3_roas", "302,33 %", Correct, EXACT),
        ("a3_roas", "3", Close, imprecise(1)),
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
        ("a3_roi", "-36,1 %", Correct, EXACT),
        ("a3_roi", "-36 %", Close, imprecise(1)),
        ("a3_roi", "36,08 %", Wrong, mistake(SignError)),
        ("a3_roi", "-0,3608", Wrong, mistake(RatioForPercent)),
        // 1 940 ÷ (−700) × 100 = −277,14 %
        ("a3_roi", "-277,14 %", Wrong, mistake(Inverted)),
        ("a3_margin_rate", "21,14 %", Correct, EXACT),
        // --- a2_users_evol = (50 297 − 37 923) ÷ 37 923 × 100 = +32,629… % -------------------
        ("a2_users_evol", "+32,63 %", Correct, EXACT),
        ("a2_users_evol", "32,63 %", Correct, EXACT),
        ("a2_users_evol", "32,6 %", Correct, EXACT),
        ("a2_users_evol", "hausse de 32,63 %", Correct, EXACT),
        ("a2_users_evol", "en hausse de 32,63 %", Correct, EXACT),
        (
            "a2_users_evol",
            "augmentation d'environ 32,6 %",
            Correct,
            EXACT,
        ),
        ("a2_users_evol", "33 %", Close, imprecise(1)),
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
        ("a2_duration_evol", "-5,1 %", Correct, EXACT),
        ("a2_duration_evol", "-5 %", Close, imprecise(1)),
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
        // Above 100, the unit is precise enough.
        ("a2_bounce_evol", "+131 %", Correct, EXACT),
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
        ("a2_bounce_diff", "1 pt", Close, imprecise(1)),
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
        ("a2_social_sessions_evol", "2 918 %", Correct, EXACT),
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
            Correct,
            EXACT,
        ),
        ("a2_sessions_per_user_evol", "-1,60 %", Correct, EXACT),
        ("a2_sessions_per_user_evol", "-2 %", Close, imprecise(1)),
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
        ("a2_pages_per_user_2019", "7,2", Correct, EXACT),
        ("a2_pages_per_user_2019", "7", Close, imprecise(1)),
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
        ("a5_b2b_basket", "5 333 €", Correct, EXACT),
        ("a5_b2b_basket", "5 333,34 €", Close, NEAR),
        ("a5_b2b_trees_per_order", "267", Correct, EXACT),
        ("a5_b2b_trees_per_order", "266,67 arbres", Correct, EXACT),
        ("a5_b2b_trees_per_order", "266,66", Close, TRUNCATED),
        ("a5_b2b_orders_share", "0,72 %", Correct, EXACT),
        ("a5_b2b_orders_share", "0,7 %", Correct, EXACT),
        ("a5_b2b_orders_share", "1 %", Close, imprecise(1)),
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
        ("a7_orders_month", "2,7", Correct, EXACT),
        ("a7_orders_month", "3", Close, imprecise(1)),
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
        ("a7_revenue_month", "14 613 €", Correct, EXACT),
        ("a7_revenue_month", "14 613,3 €", Correct, EXACT),
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
        ("a5_b2b_basket", "5.333 €", Correct, EXACT),
        ("a5_total_trees", "1.300", Correct, EXACT),
        ("a7_clicks_year", "1.200 clics", Correct, EXACT),
        ("a7_revenue_year", "175.360 €", Correct, EXACT),
        ("a7_revenue_month", "14.613 €", Correct, EXACT),
        ("a2_social_sessions_evol", "2.918 %", Correct, EXACT),
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
