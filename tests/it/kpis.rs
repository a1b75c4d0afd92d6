//! Every KPI of the bundled case against values computed by hand from the subject
//! (/work/shared/seeds/e5-2021-arbre-cadeau-sujet.txt), with exact decimals and half-up rounding,
//! independently of the engine; the worked steps of a few KPIs; the exact values; the rules of
//! worked steps (every « Calcul » line holds at the precision shown, for the subject's figures
//! and generated ones) and of hints (over every part).

use crate::helpers::{case, kpi_index, plain};
use casebot::format::Unit;
use casebot::kpi::StepInput;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::collections::BTreeSet;

/// (KPI id, value rounded to the KPI's precision, the value as shown), all computed by hand
/// from the figures of the subject. U+202F groups thousands, U+00A0 precedes the unit, U+2212
/// is the minus sign.
const EXPECTED: &[(&str, Decimal, &str)] = &[
    ("a2_users_evol", dec!(32.63), "+32,63\u{A0}%"),
    ("a2_new_users_evol", dec!(31.91), "+31,91\u{A0}%"),
    ("a2_sessions_evol", dec!(30.71), "+30,71\u{A0}%"),
    (
        "a2_sessions_per_user_evol",
        dec!(-1.60),
        "\u{2212}1,60\u{A0}%",
    ),
    ("a2_pageviews_evol", dec!(20.75), "+20,75\u{A0}%"),
    (
        "a2_pages_per_session_evol",
        dec!(-7.57),
        "\u{2212}7,57\u{A0}%",
    ),
    ("a2_duration_evol", dec!(-5.08), "\u{2212}5,08\u{A0}%"),
    ("a2_bounce_evol", dec!(131.15), "+131,15\u{A0}%"),
    ("a2_bounce_diff", dec!(0.80), "+0,80\u{A0}point"),
    ("a2_duration_diff", dec!(-6), "\u{2212}6\u{A0}s"),
    ("a2_new_users_share_2019", dec!(99.82), "99,82\u{A0}%"),
    ("a2_new_users_share_2020", dec!(99.28), "99,28\u{A0}%"),
    ("a2_pages_per_user_2019", dec!(7.24), "7,24"),
    ("a2_pages_per_user_2020", dec!(6.59), "6,59"),
    ("a2_organic_sessions_2019", dec!(28212), "28\u{202F}212"),
    ("a2_organic_sessions_2020", dec!(30574), "30\u{202F}574"),
    ("a2_organic_sessions_evol", dec!(8.37), "+8,37\u{A0}%"),
    (
        "a2_organic_share_diff",
        dec!(-10.20),
        "\u{2212}10,20\u{A0}points",
    ),
    ("a2_direct_sessions_2019", dec!(3828), "3\u{202F}828"),
    ("a2_direct_sessions_2020", dec!(6424), "6\u{202F}424"),
    ("a2_direct_sessions_evol", dec!(67.82), "+67,82\u{A0}%"),
    ("a2_direct_share_diff", dec!(2.30), "+2,30\u{A0}points"),
    ("a2_social_sessions_2019", dec!(643), "643"),
    ("a2_social_sessions_2020", dec!(19395), "19\u{202F}395"),
    (
        "a2_social_sessions_evol",
        dec!(2917.75),
        "+2\u{202F}917,75\u{A0}%",
    ),
    ("a2_social_share_diff", dec!(30.04), "+30,04\u{A0}points"),
    ("a2_paid_sessions_2019", dec!(11719), "11\u{202F}719"),
    ("a2_paid_sessions_2020", dec!(3829), "3\u{202F}829"),
    (
        "a2_paid_sessions_evol",
        dec!(-67.32),
        "\u{2212}67,32\u{A0}%",
    ),
    (
        "a2_paid_share_diff",
        dec!(-18.60),
        "\u{2212}18,60\u{A0}points",
    ),
    ("a2_display_sessions_2019", dec!(0), "0"),
    ("a2_display_sessions_2020", dec!(0), "0"),
    ("a2_display_share_diff", dec!(0.00), "0,00\u{A0}point"),
    ("a2_email_sessions_2019", dec!(378), "378"),
    ("a2_email_sessions_2020", dec!(618), "618"),
    ("a2_email_sessions_evol", dec!(63.38), "+63,38\u{A0}%"),
    ("a2_email_share_diff", dec!(0.20), "+0,20\u{A0}point"),
    ("a2_referral_sessions_2019", dec!(2476), "2\u{202F}476"),
    ("a2_referral_sessions_2020", dec!(926), "926"),
    (
        "a2_referral_sessions_evol",
        dec!(-62.58),
        "\u{2212}62,58\u{A0}%",
    ),
    (
        "a2_referral_share_diff",
        dec!(-3.74),
        "\u{2212}3,74\u{A0}points",
    ),
    ("a3_ctr", dec!(17.76), "17,76\u{A0}%"),
    ("a3_cpc", dec!(0.53), "0,53\u{A0}€"),
    ("a3_cpm", dec!(93.23), "93,23\u{A0}€"),
    ("a3_conversion", dec!(3.36), "3,36\u{A0}%"),
    ("a3_cost_per_sale", dec!(15.65), "15,65\u{A0}€"),
    ("a3_basket", dec!(47.30), "47,30\u{A0}€"),
    ("a3_roas", dec!(3.02), "3,02"),
    (
        "a3_margin_minus_spend",
        dec!(-700.00),
        "\u{2212}700,00\u{A0}€",
    ),
    ("a3_roi", dec!(-36.08), "\u{2212}36,08\u{A0}%"),
    ("a3_margin_rate", dec!(21.14), "21,14\u{A0}%"),
    ("a4_conversion", dec!(8.12), "8,12\u{A0}%"),
    ("a4_total_cost", dec!(230.28), "230,28\u{A0}€"),
    ("a4_cpc", dec!(0.49), "0,49\u{A0}€"),
    ("a4_basket", dec!(42.00), "42,00\u{A0}€"),
    ("a4_roas", dec!(6.93), "6,93"),
    ("a5_b2b_revenue", dec!(16000), "16\u{202F}000\u{A0}€"),
    ("a5_b2b_orders", dec!(3), "3"),
    ("a5_b2b_trees", dec!(800), "800"),
    ("a5_total_revenue", dec!(35660), "35\u{202F}660\u{A0}€"),
    ("a5_total_orders", dec!(419), "419"),
    ("a5_total_trees", dec!(1300), "1\u{202F}300"),
    ("a5_b2c_basket", dec!(47.26), "47,26\u{A0}€"),
    ("a5_b2c_price_per_tree", dec!(39.32), "39,32\u{A0}€"),
    ("a5_b2c_trees_per_order", dec!(1.20), "1,20"),
    ("a5_b2c_revenue_share", dec!(55.13), "55,13\u{A0}%"),
    ("a5_b2c_orders_share", dec!(99.28), "99,28\u{A0}%"),
    ("a5_b2c_trees_share", dec!(38.46), "38,46\u{A0}%"),
    ("a5_b2b_basket", dec!(5333.33), "5\u{202F}333,33\u{A0}€"),
    ("a5_b2b_price_per_tree", dec!(20.00), "20,00\u{A0}€"),
    ("a5_b2b_trees_per_order", dec!(266.67), "266,67"),
    ("a5_b2b_revenue_share", dec!(44.87), "44,87\u{A0}%"),
    ("a5_b2b_orders_share", dec!(0.72), "0,72\u{A0}%"),
    ("a5_b2b_trees_share", dec!(61.54), "61,54\u{A0}%"),
    ("a7_clicks_month", dec!(100), "100"),
    ("a7_orders_month", dec!(2.74), "2,74"),
    ("a7_cost_per_order", dec!(72.99), "72,99\u{A0}€"),
    ("a7_budget_year", dec!(2400), "2\u{202F}400\u{A0}€"),
    ("a7_clicks_year", dec!(1200), "1\u{202F}200"),
    ("a7_orders_year", dec!(32.88), "32,88"),
    ("a7_cost_per_order_year", dec!(72.99), "72,99\u{A0}€"),
    (
        "a7_revenue_month",
        dec!(14613.33),
        "14\u{202F}613,33\u{A0}€",
    ),
    (
        "a7_revenue_year",
        dec!(175360.00),
        "175\u{202F}360,00\u{A0}€",
    ),
    ("a7_roas", dec!(73.07), "73,07"),
    (
        "a7_revenue_minus_budget_month",
        dec!(14413.33),
        "14\u{202F}413,33\u{A0}€",
    ),
];

#[test]
fn the_table_covers_every_kpi_of_the_case() {
    let table: BTreeSet<&str> = EXPECTED.iter().map(|(id, _, _)| *id).collect();
    assert_eq!(table.len(), EXPECTED.len(), "an id is twice in the table");
    let case_ids: BTreeSet<&str> = case().kpis.iter().map(|k| k.id.as_str()).collect();
    let missing: Vec<_> = case_ids.difference(&table).collect();
    let unknown: Vec<_> = table.difference(&case_ids).collect();
    assert!(
        missing.is_empty(),
        "KPIs without a hand-computed value: {missing:?}"
    );
    assert!(
        unknown.is_empty(),
        "KPIs the case does not have: {unknown:?}"
    );
    assert_eq!(case().kpis.len(), 85);
}

#[test]
fn every_kpi_has_the_hand_computed_value_and_text() {
    let case = case();
    let mut failures = Vec::new();
    for &(id, value, text) in EXPECTED {
        let i = kpi_index(id);
        let result = match case.kpi_result(i) {
            Ok(r) => r,
            Err(e) => {
                failures.push(format!("{id}: {e}"));
                continue;
            }
        };
        if result.value != value {
            failures.push(format!("{id}: value {} (expected {value})", result.value));
        }
        if result.text != text {
            failures.push(format!("{id}: text {:?} (expected {text:?})", result.text));
        }
        if result.steps.result != text {
            failures.push(format!("{id}: steps.result {:?}", result.steps.result));
        }
        let k = &case.kpis[i];
        let exact = case.evaluate(i).expect("evaluates");
        if k.display(exact) != text {
            failures.push(format!("{id}: display {:?}", k.display(exact)));
        }
        if k.rounded(exact) != value {
            failures.push(format!("{id}: rounded {}", k.rounded(exact)));
        }
        if result.exact != exact {
            failures.push(format!(
                "{id}: exact differs between kpi_result and evaluate"
            ));
        }
        // The rounded value is the exact one rounded half up at the KPI's precision.
        let gap = (exact - value).abs();
        let half_step = Decimal::new(5, k.precision + 1);
        if gap > half_step {
            failures.push(format!(
                "{id}: exact {exact} is more than half a step from {value}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn displayed_texts_use_french_typography() {
    let case = case();
    for &(id, _, text) in EXPECTED {
        let shown = case.kpi_result(kpi_index(id)).expect("computes").text;
        assert!(!shown.contains('-'), "{id}: ASCII minus in {shown:?}");
        assert!(!shown.contains('.'), "{id}: decimal point in {shown:?}");
        assert!(!shown.contains(' '), "{id}: plain space in {shown:?}");
        assert_eq!(plain(&shown), plain(text));
    }
    // A few written plainly, as a reader sees them.
    let plain_text = |id: &str| plain(&case.kpi_result(kpi_index(id)).expect("computes").text);
    assert_eq!(plain_text("a3_ctr"), "17,76 %");
    assert_eq!(plain_text("a5_b2b_basket"), "5 333,33 €");
    assert_eq!(plain_text("a3_margin_minus_spend"), "-700,00 €");
    assert_eq!(plain_text("a2_social_sessions_evol"), "+2 917,75 %");
    assert_eq!(plain_text("a7_revenue_year"), "175 360,00 €");
    assert_eq!(plain_text("a2_bounce_diff"), "+0,80 point");
    assert_eq!(plain_text("a2_social_share_diff"), "+30,04 points");
    assert_eq!(plain_text("a2_duration_diff"), "-6 s");
}

#[test]
fn changes_show_an_explicit_sign_and_formulas_do_not() {
    let case = case();
    let mut changes = 0;
    for (i, k) in case.kpis.iter().enumerate() {
        let r = case.kpi_result(i).expect("computes");
        if k.is_change() {
            changes += 1;
            if r.value > Decimal::ZERO {
                assert!(r.text.starts_with('+'), "{}: {:?}", k.id, r.text);
            } else if r.value < Decimal::ZERO {
                assert!(r.text.starts_with('\u{2212}'), "{}: {:?}", k.id, r.text);
            } else {
                assert!(r.text.starts_with('0'), "{}: {:?}", k.id, r.text);
            }
        } else {
            assert!(!r.text.starts_with('+'), "{}: {:?}", k.id, r.text);
        }
    }
    // 14 evolutions and 9 differences in kpis.toml.
    assert_eq!(changes, 23);
    let text = |id: &str| case.kpi_result(kpi_index(id)).expect("computes").text;
    assert_eq!(text("a2_users_evol"), "+32,63\u{A0}%");
    assert_eq!(text("a2_bounce_evol"), "+131,15\u{A0}%");
    assert_eq!(text("a2_duration_evol"), "\u{2212}5,08\u{A0}%");
    assert_eq!(text("a2_display_share_diff"), "0,00\u{A0}point");
    // A positive formula KPI has no sign.
    assert_eq!(text("a3_roas"), "3,02");
}

#[test]
fn units_and_precisions_follow_kpis_toml() {
    let case = case();
    let unit_of = |id: &str| case.kpis[kpi_index(id)].unit;
    assert_eq!(unit_of("a2_users_evol"), Unit::Percent);
    assert_eq!(unit_of("a2_bounce_diff"), Unit::Points);
    assert_eq!(unit_of("a2_duration_diff"), Unit::Seconds);
    assert_eq!(unit_of("a3_roas"), Unit::Ratio);
    assert_eq!(unit_of("a3_cpc"), Unit::Eur);
    assert_eq!(unit_of("a7_clicks_month"), Unit::Count);
    let r = case
        .kpi_result(kpi_index("a7_orders_month"))
        .expect("computes");
    assert_eq!(r.precision, 2);
    assert_eq!(r.value, dec!(2.74));
    let r = case
        .kpi_result(kpi_index("a5_b2b_revenue"))
        .expect("computes");
    assert_eq!(r.precision, 0);
    assert_eq!(r.value, dec!(16000));
}

type Input = (String, String, String, Option<u8>, bool);

fn input(id: &str, label: &str, number: &str, annex: Option<u8>, computed: bool) -> Input {
    (
        id.to_string(),
        label.to_string(),
        number.to_string(),
        annex,
        computed,
    )
}

/// What an input says of where a figure comes from (its value with unit is checked apart).
fn project(inputs: &[StepInput]) -> Vec<Input> {
    inputs
        .iter()
        .map(|i| {
            (
                i.id.clone(),
                i.label.clone(),
                i.number.clone(),
                i.annex,
                i.computed,
            )
        })
        .collect()
}

#[test]
fn inputs_show_their_unit_how_the_annex_prints_them_and_where_they_were_computed() {
    let r = case().kpi_result(kpi_index("a3_cpc")).expect("computes");
    let spend = &r.steps.inputs[0];
    assert_eq!(spend.value, "1\u{202F}940\u{A0}€");
    assert_eq!(spend.annex_text.as_deref(), Some("1,94 k€"));
    let clicks = &r.steps.inputs[1];
    assert_eq!(
        (clicks.value.as_str(), clicks.annex_text.as_deref()),
        ("3\u{202F}695", None)
    );
    let r = case()
        .kpi_result(kpi_index("a5_b2b_revenue_share"))
        .expect("computes");
    let b2b = &r.steps.inputs[0];
    assert!(b2b.computed);
    assert_eq!(b2b.value, "16\u{202F}000\u{A0}€");
    assert_eq!(b2b.asked_in.as_deref(), Some("1.3.a"));
}

#[test]
fn steps_of_the_click_through_rate() {
    let r = case().kpi_result(kpi_index("a3_ctr")).expect("computes");
    assert_eq!(r.id, "a3_ctr");
    assert_eq!(r.label, "Taux de clic Google Ads");
    assert_eq!(r.unit, Unit::Percent);
    assert_eq!(r.annexes, vec![3]);
    let s = &r.steps;
    assert_eq!(s.formula, "Clics Google Ads ÷ Impressions Google Ads × 100");
    assert_eq!(s.calculation, "3\u{202F}695 ÷ 20\u{202F}809 × 100");
    // One step (a rate): its result would be the answer, so there is no first step to give.
    assert_eq!(s.first_step, None);
    assert!(!s.approximate);
    assert_eq!(s.result, "17,76\u{A0}%");
    assert_eq!(s.from_rounded_inputs, None);
    assert_eq!(
        project(&s.inputs),
        vec![
            input(
                "a3_clicks",
                "Clics Google Ads",
                "3\u{202F}695",
                Some(3),
                false
            ),
            input(
                "a3_impressions",
                "Impressions Google Ads",
                "20\u{202F}809",
                Some(3),
                false
            ),
        ]
    );
    // 3 695 ÷ 20 809 × 100, by hand to 27 decimals.
    let gap = (r.exact - dec!(17.756739872170695372194723437)).abs();
    assert!(gap < dec!(0.000000000000000000000001), "exact {}", r.exact);
}

#[test]
fn steps_of_an_evolution() {
    let r = case()
        .kpi_result(kpi_index("a2_users_evol"))
        .expect("computes");
    assert_eq!(r.annexes, vec![2]);
    let s = &r.steps;
    assert_eq!(
        s.formula,
        "(Utilisateurs 2020 \u{2212} Utilisateurs 2019) ÷ Utilisateurs 2019 × 100"
    );
    assert_eq!(
        s.calculation,
        "(50\u{202F}297 \u{2212} 37\u{202F}923) ÷ 37\u{202F}923 × 100"
    );
    assert_eq!(
        s.first_step.as_deref(),
        Some("50\u{202F}297 \u{2212} 37\u{202F}923 = 12\u{202F}374")
    );
    assert_eq!(s.result, "+32,63\u{A0}%");
    assert_eq!(s.from_rounded_inputs, None);
    // Each figure once, even though the old value is used twice.
    assert_eq!(
        project(&s.inputs),
        vec![
            input(
                "a2_users_2020",
                "Utilisateurs 2020",
                "50\u{202F}297",
                Some(2),
                false
            ),
            input(
                "a2_users_2019",
                "Utilisateurs 2019",
                "37\u{202F}923",
                Some(2),
                false
            ),
        ]
    );
}

#[test]
fn steps_of_a_kpi_that_uses_another_kpi() {
    let r = case().kpi_result(kpi_index("a4_cpc")).expect("computes");
    assert_eq!(r.annexes, vec![4]);
    let s = &r.steps;
    assert_eq!(
        s.formula,
        "Coût total du post Facebook ÷ Clics sur le lien du post Facebook"
    );
    // 6,06 × 38 = 230,28, written at its displayed precision.
    assert_eq!(s.calculation, "230,28 ÷ 468");
    // The first step computes the total cost from the subject's figures.
    assert_eq!(s.first_step.as_deref(), Some("6,06 × 38 = 230,28"));
    assert_eq!(
        s.first_step_computes.as_deref(),
        Some("Coût total du post Facebook")
    );
    assert!(!s.approximate);
    assert_eq!(s.result, "0,49\u{A0}€");
    assert_eq!(s.from_rounded_inputs, None);
    assert_eq!(
        project(&s.inputs),
        vec![
            input(
                "a4_total_cost",
                "Coût total du post Facebook",
                "230,28",
                None,
                true
            ),
            input(
                "a4_clicks",
                "Clics sur le lien du post Facebook",
                "468",
                Some(4),
                false
            ),
        ]
    );
}

#[test]
fn steps_when_rounded_inputs_give_another_result() {
    let r = case()
        .kpi_result(kpi_index("a7_revenue_month"))
        .expect("computes");
    assert_eq!(r.annexes, vec![5, 7]);
    let s = &r.steps;
    assert_eq!(
        s.formula,
        "Commandes LinkedIn par mois × Panier moyen B to B"
    );
    assert_eq!(s.calculation, "2,74 × 5\u{202F}333,33");
    // 2,74 × 5 333,33 = 14 613,3242, not 14 613,33: the calculation reads « ≈ ».
    assert!(s.approximate);
    assert_eq!(
        s.from_shown_figures.as_deref(),
        Some("14\u{202F}613,32\u{A0}€")
    );
    assert_eq!(s.inputs[1].exact.as_deref(), Some("5\u{202F}333,3333…"));
    // The real first step: the clicks of a month, from annex 7.
    assert_eq!(s.first_step.as_deref(), Some("200 ÷ 2 = 100"));
    assert_eq!(
        s.first_step_computes.as_deref(),
        Some("Clics LinkedIn par mois")
    );
    // Exactly: 2,74 × 16 000 ÷ 3 = 14 613,333…
    assert_eq!(s.result, "14\u{202F}613,33\u{A0}€");
    assert_eq!(
        s.from_rounded_inputs.as_deref(),
        Some("14\u{202F}613,32\u{A0}€")
    );
    assert_eq!(
        project(&s.inputs),
        vec![
            input(
                "a7_orders_month",
                "Commandes LinkedIn par mois",
                "2,74",
                None,
                true
            ),
            input(
                "a5_b2b_basket",
                "Panier moyen B to B",
                "5\u{202F}333,33",
                None,
                true
            ),
        ]
    );
    // The yearly revenue too: 32,88 × 5 333,33 = 175 359,8904.
    let year = case()
        .kpi_result(kpi_index("a7_revenue_year"))
        .expect("computes");
    assert_eq!(year.text, "175\u{202F}360,00\u{A0}€");
    assert_eq!(
        year.steps.from_rounded_inputs.as_deref(),
        Some("175\u{202F}359,89\u{A0}€")
    );
    // The ROAS rounds the same both ways (73,0666… and 73,06665): nothing to add.
    let roas = case().kpi_result(kpi_index("a7_roas")).expect("computes");
    assert_eq!(roas.steps.from_rounded_inputs, None);
}

#[test]
fn steps_of_a_kpi_with_a_constant() {
    let r = case()
        .kpi_result(kpi_index("a7_budget_year"))
        .expect("computes");
    assert_eq!(r.steps.calculation, "200 × 12");
    // One step: its result is the answer.
    assert_eq!(r.steps.first_step, None);
    assert_eq!(
        project(&r.steps.inputs),
        vec![
            input(
                "a7_budget_month",
                "Budget LinkedIn par mois",
                "200",
                Some(7),
                false
            ),
            input("months_per_year", "Mois dans une année", "12", None, false),
        ]
    );
    assert_eq!(r.annexes, vec![7]);
}

#[test]
fn exact_values_keep_every_digit() {
    let case = case();
    // 16 000 ÷ 3, to 28 significant digits at least.
    let r = case
        .kpi_result(kpi_index("a5_b2b_basket"))
        .expect("computes");
    assert_eq!(r.value, dec!(5333.33));
    assert!(
        r.exact
            .to_string()
            .starts_with("5333.333333333333333333333"),
        "exact {}",
        r.exact
    );
    assert!(r.exact.normalize().scale() >= 24, "exact {}", r.exact);
    let gap = (r.exact * dec!(3) - dec!(16000)).abs();
    assert!(gap < dec!(0.000000000000000000001), "exact {}", r.exact);
    // Values that are exact stay exact.
    let exact_of = |id: &str| case.evaluate(kpi_index(id)).expect("computes");
    assert_eq!(exact_of("a4_total_cost"), dec!(230.28));
    assert_eq!(exact_of("a7_orders_month"), dec!(2.74));
    assert_eq!(exact_of("a2_organic_sessions_2019"), dec!(28211.832));
    assert_eq!(exact_of("a2_social_sessions_2019"), dec!(642.6816));
    assert_eq!(exact_of("a3_margin_minus_spend"), dec!(-700));
    assert_eq!(exact_of("a2_bounce_diff"), dec!(0.80));
    // The rounded-inputs path of the monthly revenue: 2,74 × 5 333,33.
    assert_eq!(
        case.evaluate_from_rounded(kpi_index("a7_revenue_month"))
            .expect("computes"),
        dec!(14613.3242)
    );
}

#[test]
fn an_unknown_kpi_index_is_an_error_not_a_panic() {
    let case = case();
    assert!(case.kpi_result(case.kpis.len()).is_err());
    assert!(case.evaluate(usize::MAX).is_err());
}

// ------------------------------------------------------------------------------------------
// Worked steps that are true (issue #10, item 6) and hints graded for multi-step calculations
// (item 7), stated as rules over every KPI and every part.

use crate::helpers::shared_app;
use casebot::check::{Mistake, Outcome, Reason, Verdict};
use casebot::render;
use casebot::Case;
use proptest::prelude::*;

/// A French number of a worked calculation: "19 395", "5 333,33", "−700", with how many
/// decimals it is written with.
fn french_number(text: &str) -> Option<(Decimal, u32)> {
    let t = text.trim().trim_start_matches('+').replace('\u{2212}', "-");
    let digits: String = t.chars().filter(|c| *c != '\u{202F}').collect();
    if digits.is_empty()
        || !digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '-')
    {
        return None;
    }
    let decimals = digits.split_once(',').map_or(0, |(_, d)| d.len() as u32);
    digits.replace(',', ".").parse().ok().map(|d| (d, decimals))
}

/// Evaluates a calculation as written in French (« (19 395 − 643) ÷ 643 × 100 »), exactly
/// with `Decimal`; `None` when it does not read or cannot be worked out (division by zero).
fn eval_french(expr: &str) -> Option<Decimal> {
    #[derive(Debug, Clone, PartialEq)]
    enum Tok {
        Num(Decimal),
        Op(char),
        Open,
        Close,
    }
    let mut toks = Vec::new();
    let chars: Vec<char> = expr.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            ' ' => i += 1,
            '(' => {
                toks.push(Tok::Open);
                i += 1;
            }
            ')' => {
                toks.push(Tok::Close);
                i += 1;
            }
            '+' | '\u{2212}' | '×' | '÷' => {
                toks.push(Tok::Op(c));
                i += 1;
            }
            '0'..='9' => {
                let start = i;
                while i < chars.len()
                    && (chars[i].is_ascii_digit()
                        || chars[i] == ','
                        || (chars[i] == '\u{202F}'
                            && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit())))
                {
                    i += 1;
                }
                let text: String = chars[start..i].iter().collect();
                toks.push(Tok::Num(french_number(&text)?.0));
            }
            _ => return None,
        }
    }
    struct P {
        toks: Vec<Tok>,
        at: usize,
    }
    impl P {
        fn peek(&self) -> Option<&Tok> {
            self.toks.get(self.at)
        }
        fn sum(&mut self) -> Option<Decimal> {
            let mut v = self.product()?;
            while let Some(Tok::Op(op @ ('+' | '\u{2212}'))) = self.peek().cloned() {
                self.at += 1;
                let r = self.product()?;
                v = if op == '+' {
                    v.checked_add(r)?
                } else {
                    v.checked_sub(r)?
                };
            }
            Some(v)
        }
        fn product(&mut self) -> Option<Decimal> {
            let mut v = self.factor()?;
            while let Some(Tok::Op(op @ ('×' | '÷'))) = self.peek().cloned() {
                self.at += 1;
                let r = self.factor()?;
                v = if op == '×' {
                    v.checked_mul(r)?
                } else {
                    v.checked_div(r)?
                };
            }
            Some(v)
        }
        fn factor(&mut self) -> Option<Decimal> {
            match self.peek().cloned()? {
                Tok::Num(n) => {
                    self.at += 1;
                    Some(n)
                }
                Tok::Op('\u{2212}') => {
                    self.at += 1;
                    Some(-self.factor()?)
                }
                Tok::Open => {
                    self.at += 1;
                    let v = self.sum()?;
                    (self.peek() == Some(&Tok::Close)).then_some(())?;
                    self.at += 1;
                    Some(v)
                }
                _ => None,
            }
        }
    }
    let mut p = P { toks, at: 0 };
    let v = p.sum()?;
    (p.at == p.toks.len()).then_some(v)
}

/// The number a shown result starts with (« **+2 917,75 %** », « −6 s », « 0,00 point »),
/// with its decimals.
fn shown_result(text: &str) -> Option<(Decimal, u32)> {
    let t = text.trim().trim_matches('*');
    let number: String = t
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, ',' | '+' | '\u{2212}' | '\u{202F}'))
        .collect();
    french_number(&number)
}

/// Checks one « expression (=|≈) result » line: « = » exactly when the expression, worked out
/// exactly, gives the result at the precision shown.
fn check_relation(what: &str, line: &str, failures: &mut Vec<String>) {
    let (expr, sign, result) = match (line.split_once(" = "), line.split_once(" ≈ ")) {
        (Some((e, r)), None) => (e, '=', r),
        (None, Some((e, r))) => (e, '≈', r),
        _ => {
            failures.push(format!("{what}: no single « = » or « ≈ » in {line:?}"));
            return;
        }
    };
    let Some((shown, decimals)) = shown_result(result) else {
        failures.push(format!("{what}: unreadable result in {line:?}"));
        return;
    };
    let value = eval_french(expr);
    let holds = value.is_some_and(|v| casebot::format::round(v, decimals) == shown);
    match (sign, holds) {
        ('=', false) => failures.push(format!(
            "{what}: {line:?} says « = » but the expression gives {value:?}"
        )),
        ('≈', true) => failures.push(format!(
            "{what}: {line:?} says « ≈ » but the expression gives the result exactly"
        )),
        _ => {}
    }
}

/// The « Calcul : … » line of a KPI's worked answer, without its prefix.
fn calcul_line(case: &Case, kpi: usize) -> String {
    let result = case.kpi_result(kpi).expect("computes");
    let text = render::kpi(&shared_app().messages, &result);
    let lines: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("Calcul : "))
        .collect();
    assert_eq!(
        lines.len(),
        1,
        "{}: one « Calcul » line in {text}",
        result.id
    );
    lines[0].to_string()
}

/// Every rendered « Calcul » line and every first step of `case` checked by `check_relation`.
fn relation_failures(case: &Case) -> Vec<String> {
    let mut failures = Vec::new();
    for (i, k) in case.kpis.iter().enumerate() {
        check_relation(&k.id, &calcul_line(case, i), &mut failures);
        let r = case.kpi_result(i).expect("computes");
        if let Some(step) = &r.steps.first_step {
            check_relation(&format!("{} first step", k.id), step, &mut failures);
        }
    }
    failures
}

#[test]
fn every_calculation_line_holds_at_the_precision_shown() {
    let failures = relation_failures(case());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_parser_of_the_property_reads_what_it_must() {
    // The test's own reader, on the defects the issue quotes: both must be caught.
    assert_eq!(
        eval_french("(19\u{202F}395 \u{2212} 643) ÷ 643 × 100")
            .map(|v| casebot::format::round(v, 2)),
        Some(dec!(2916.33))
    );
    assert_eq!(
        eval_french("2,74 × 5\u{202F}333,33"),
        Some(dec!(14613.3242))
    );
    assert_eq!(
        eval_french("\u{2212}700 ÷ 1\u{202F}940"),
        Some(dec!(-700) / dec!(1940))
    );
    assert_eq!(eval_french("1 ÷ 0"), None);
    assert_eq!(
        shown_result("**\u{2212}0,80\u{A0}point**"),
        Some((dec!(-0.80), 2))
    );
    let mut failures = Vec::new();
    check_relation(
        "old",
        "(19\u{202F}395 \u{2212} 643) ÷ 643 × 100 = **+2\u{202F}917,75\u{A0}%**",
        &mut failures,
    );
    check_relation(
        "old",
        "2,74 × 5\u{202F}333,33 = **14\u{202F}613,33\u{A0}€**",
        &mut failures,
    );
    check_relation(
        "ok",
        "3\u{202F}695 ÷ 20\u{202F}809 × 100 = **17,76\u{A0}%**",
        &mut failures,
    );
    check_relation(
        "ok",
        "1\u{202F}240 \u{2212} 1\u{202F}940 ≈ **\u{2212}700,00\u{A0}€**",
        &mut failures,
    );
    assert_eq!(failures.len(), 3, "{failures:#?}");
}

#[test]
fn rounded_intermediates_read_approximately_with_the_figures_the_result_comes_from() {
    let app = shared_app();
    let text = |id: &str| {
        plain(&render::kpi(
            &app.messages,
            &case().kpi_result(kpi_index(id)).expect("computes"),
        ))
    };
    let social = text("a2_social_sessions_evol");
    assert!(
        social.contains("Calcul : (19 395 - 643) ÷ 643 × 100 ≈ **+2 917,75 %**"),
        "{social}"
    );
    assert!(
        social.contains("= 19 394,524") && social.contains("= 642,6816"),
        "{social}"
    );
    assert!(social.contains("on trouve +2 916,33 %"), "{social}");
    let revenue = text("a7_revenue_month");
    assert!(
        revenue.contains("Calcul : 2,74 × 5 333,33 ≈ **14 613,33 €**"),
        "{revenue}"
    );
    assert!(
        revenue.contains("Panier moyen B to B = 5 333,3333…"),
        "{revenue}"
    );
    assert!(revenue.contains("on trouve 14 613,32 €"), "{revenue}");
    // A calculation that holds keeps « = » and says nothing more.
    let ctr = text("a3_ctr");
    assert!(
        ctr.contains("Calcul : 3 695 ÷ 20 809 × 100 = **17,76 %**"),
        "{ctr}"
    );
    assert!(!ctr.contains('≈'), "{ctr}");
}

/// A copy of the case with every figure of the subject replaced by a generated one.
fn with_values(figures: &[(u32, u32)]) -> Case {
    let mut case = case().case.clone();
    for (v, (mantissa, scale)) in case.values.iter_mut().zip(figures.iter().cycle()) {
        let scale = match v.unit {
            Unit::Count | Unit::Seconds => 0,
            _ => *scale,
        };
        // Never 0: some figures divide.
        v.value = Decimal::new(i64::from(*mantissa) + 1, scale);
        v.shown = None;
    }
    case
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The rule holds for any figures, not only the subject's.
    #[test]
    fn every_calculation_line_holds_for_generated_figures(
        figures in proptest::collection::vec((0u32..2_000_000, 0u32..3), 8..24)
    ) {
        let case = with_values(&figures);
        // Figures whose rounded intermediates divide by 0 make no pack (loading refuses it).
        prop_assume!((0..case.kpis.len()).all(|i| case.kpi_result(i).is_ok()));
        let failures = relation_failures(&case);
        prop_assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}

/// Every number written in a text, with its decimals (thousands grouped by U+202F).
fn numbers_in(text: &str) -> Vec<(Decimal, u32)> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || (matches!(chars[i], ',' | '\u{202F}')
                        && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit())))
            {
                i += 1;
            }
            let text: String = chars[start..i].iter().collect();
            if let Some(n) = french_number(&text) {
                out.push(n);
            }
        } else {
            i += 1;
        }
    }
    out
}

/// The text of a hint after its heading (« Indice 3 – la première étape : »).
fn hint_body(text: &str) -> &str {
    text.split_once(" : ").map_or(text, |(_, body)| body)
}

/// Every numeric part of the case, with its KPI.
fn parts() -> Vec<(String, usize)> {
    case()
        .questions
        .iter()
        .flat_map(|q| q.parts.iter())
        .map(|p| (p.id.clone(), p.kpi))
        .collect()
}

/// The KPIs a KPI is computed from, itself included.
fn chain(case: &Case, kpi: usize) -> Vec<usize> {
    let mut out = vec![kpi];
    let mut at = 0;
    while at < out.len() {
        for r in case.kpis[out[at]].expr.refs() {
            if let casebot::kpi::RefId::Kpi(i) = *r {
                if !out.contains(&i) {
                    out.push(i);
                }
            }
        }
        at += 1;
    }
    out
}

#[test]
fn hint_3_is_never_the_answer() {
    let case = case();
    let mut failures = Vec::new();
    for (part, kpi) in parts() {
        let k = &case.kpis[kpi];
        let text = render::hint(&shared_app().messages, case, kpi, 3).expect("computes");
        // Either right answer: exact, or from intermediates rounded on the way.
        let answers = [
            k.rounded(case.evaluate(kpi).expect("computes")).abs(),
            k.rounded(case.evaluate_from_rounded(kpi).expect("computes"))
                .abs(),
        ];
        // The answer at its precision or written more precisely (14 613,3242 for
        // 14 613,33 €), or the same as a ratio before « × 100 » (0,1776 for 17,76 %).
        let round = casebot::format::round;
        for (n, decimals) in numbers_in(hint_body(&text)) {
            let is_answer = answers
                .iter()
                .any(|a| decimals >= k.precision && round(n, k.precision) == *a);
            let is_ratio = answers.iter().any(|a| {
                decimals >= k.precision + 2
                    && round(n, k.precision + 2) == round(a / dec!(100), k.precision + 2)
            });
            if is_answer || is_ratio {
                failures.push(format!("{part}: hint 3 gives the answer {n}: {text}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn no_figure_in_a_hint_has_more_decimals_than_it_is_shown_with() {
    let case = case();
    let mut failures = Vec::new();
    for (part, kpi) in parts() {
        // A figure of the subject as printed, or a result at the precision of a KPI of the
        // chain (the one its step computes).
        let raw: Vec<u32> = case
            .raw_values(kpi)
            .iter()
            .map(|&v| case.values[v].value.normalize().scale())
            .collect();
        let shown = chain(case, kpi)
            .iter()
            .map(|&i| case.kpis[i].precision)
            .chain(raw)
            .max()
            .unwrap_or(0);
        for level in 1..=3 {
            let text = render::hint(&shared_app().messages, case, kpi, level).expect("computes");
            for (n, decimals) in numbers_in(&text) {
                if decimals > shown {
                    failures.push(format!(
                        "{part}: hint {level} writes {n} with {decimals} decimals (at most {shown}): {text}"
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn hint_2_says_where_every_figure_of_the_subject_is_and_names_no_computed_figure() {
    let case = case();
    let mut failures = Vec::new();
    for (part, kpi) in parts() {
        let text = render::hint(&shared_app().messages, case, kpi, 2).expect("computes");
        let lines: Vec<&str> = text.lines().skip(1).collect();
        let raw = case.raw_values(kpi);
        if lines.len() != raw.len() {
            failures.push(format!(
                "{part}: {} lines for {} figures: {text}",
                lines.len(),
                raw.len()
            ));
        }
        for (line, &v) in lines.iter().zip(&raw) {
            let value = &case.values[v];
            let label = line
                .strip_prefix("- ")
                .and_then(|l| l.split_once(" : "))
                .map(|(label, _)| label);
            if label != Some(value.label.as_str()) {
                failures.push(format!(
                    "{part}: line {line:?} is not about {}",
                    value.label
                ));
            }
            if let Some(annex) = value.annex {
                if !line.contains(&format!("(annexe {annex}")) {
                    failures.push(format!("{part}: no annex in {line:?}"));
                }
                if !line.contains("ligne « ") {
                    failures.push(format!("{part}: no line of the annex in {line:?}"));
                }
            }
        }
        for other in case.kpis.iter() {
            let named = lines.iter().any(|l| {
                l.strip_prefix("- ")
                    .is_some_and(|l| l.starts_with(&format!("{} : ", other.label)))
            });
            if named {
                failures.push(format!("{part}: hint 2 names the KPI {}", other.id));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn hint_3_starts_from_the_figures_of_the_subject() {
    let case = case();
    let app = shared_app();
    let mut failures = Vec::new();
    for (part, kpi) in parts() {
        let r = case.kpi_result(kpi).expect("computes");
        let text = render::hint(&app.messages, case, kpi, 3).expect("computes");
        let uses_kpis = r.steps.inputs.iter().any(|i| i.computed);
        let raw: Vec<Decimal> = case
            .raw_values(kpi)
            .iter()
            .map(|&v| case.values[v].value)
            .collect();
        match &r.steps.first_step {
            None if uses_kpis => {
                failures.push(format!("{part}: uses other KPIs but has no first step"));
            }
            None => {}
            Some(step) => {
                let (written, _) = step
                    .split_once(" = ")
                    .or_else(|| step.split_once(" ≈ "))
                    .unwrap_or((step, ""));
                let constants = [dec!(100), dec!(1000)];
                for (n, _) in numbers_in(written) {
                    if !raw.contains(&n) && !constants.contains(&n) {
                        failures.push(format!(
                            "{part}: first step uses {n}, not a figure of the subject: {step}"
                        ));
                    }
                }
                if !text.contains(step.as_str()) {
                    failures.push(format!(
                        "{part}: hint 3 does not give the first step: {text}"
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The example: 1.1.i starts with the sessions of 2020.
    let text = render::hint(&app.messages, case, kpi_index("a2_social_sessions_evol"), 3)
        .expect("computes");
    assert_eq!(
        plain(&text),
        "Indice 3 – la première étape : Sessions issues des médias sociaux 2020 = 61 766 × 31,4 ÷ 100 = 19 395"
    );
    let text =
        render::hint(&app.messages, case, kpi_index("a7_revenue_month"), 3).expect("computes");
    assert_eq!(
        plain(&text),
        "Indice 3 – la première étape : Clics LinkedIn par mois = 200 ÷ 2 = 100"
    );
}

/// What the checker may say after a wrong answer to `kpi`, as outcomes.
fn wrong_outcomes(case: &Case, kpi: usize) -> Vec<Outcome> {
    let k = &case.kpis[kpi];
    let outcome = |verdict, reason| Outcome {
        verdict,
        reason,
        given: Some(dec!(12.5)),
        given_decimals: 1,
        given_unit: None,
    };
    let mut out = vec![
        outcome(Verdict::Wrong, Reason::NotTheValue),
        outcome(Verdict::Close, Reason::Near),
        outcome(Verdict::Close, Reason::Truncated),
        outcome(Verdict::Close, Reason::TooImprecise { needed: 2 }),
        outcome(Verdict::Close, Reason::WrongUnit),
    ];
    for m in [
        Mistake::RatioForPercent,
        Mistake::Inverted,
        Mistake::WrongBase,
        Mistake::Coefficient,
        Mistake::SignError,
        Mistake::PointsForPercent,
        Mistake::PercentForPoints,
    ] {
        out.push(outcome(Verdict::Wrong, Reason::Mistake(m)));
    }
    for i in 0..k.mistakes.len() {
        out.push(outcome(
            Verdict::Wrong,
            Reason::Mistake(Mistake::Declared(i)),
        ));
    }
    out
}

#[test]
fn a_hint_never_just_repeats_the_message_of_the_last_wrong_answer() {
    // The messages that give the right formula (check.mistake.*, mistakes.toml) against the
    // ones that do not.
    for m in [
        Mistake::RatioForPercent,
        Mistake::WrongBase,
        Mistake::Coefficient,
        Mistake::PointsForPercent,
        Mistake::PercentForPoints,
        Mistake::Declared(0),
    ] {
        assert!(render::states_the_formula(&Reason::Mistake(m)), "{m:?}");
    }
    for r in [
        Reason::Mistake(Mistake::Inverted),
        Reason::Mistake(Mistake::SignError),
        Reason::NotTheValue,
        Reason::Near,
        Reason::Truncated,
    ] {
        assert!(!render::states_the_formula(&r), "{r:?}");
    }
    let case = case();
    let app = shared_app();
    let mut failures = Vec::new();
    for (part, kpi) in parts() {
        let raw: Vec<String> = case
            .raw_values(kpi)
            .iter()
            .map(|&v| case.values[v].number())
            .collect();
        for outcome in wrong_outcomes(case, kpi) {
            let message = render::verdict(&app.messages, case, kpi, &outcome);
            for level in 1..=3 {
                let hint = render::hint_after(&app.messages, case, kpi, level, Some(&outcome))
                    .expect("computes");
                // What the hint brings that the message does not: its lines, none of which
                // the message already says, and at least one figure of the subject the
                // message does not give.
                let new_lines = hint
                    .lines()
                    .filter(|l| !message.contains(hint_body(l)))
                    .count();
                let new_figure = raw
                    .iter()
                    .any(|n| hint.contains(n.as_str()) && !message.contains(n.as_str()));
                let formula_only = level == 1 && !hint.contains('\n');
                if new_lines == 0 || (!formula_only && !new_figure) {
                    failures.push(format!(
                        "{part} {:?} hint {level} repeats the message:\n{message}\n{hint}",
                        outcome.reason
                    ));
                }
            }
            // After a message that explains the formula, hint 1 gives the figures too.
            let hint_1 =
                render::hint_after(&app.messages, case, kpi, 1, Some(&outcome)).expect("computes");
            let plain_formula = render::hint(&app.messages, case, kpi, 1).expect("computes");
            let explains = render::states_the_formula(&outcome.reason);
            if explains
                && (hint_1 == plain_formula || !raw.iter().all(|n| hint_1.contains(n.as_str())))
            {
                failures.push(format!(
                    "{part} {:?}: hint 1 only gives the formula the message explained:\n{message}\n{hint_1}",
                    outcome.reason
                ));
            }
            if !explains && hint_1 != plain_formula {
                failures.push(format!(
                    "{part} {:?}: hint 1 changed: {hint_1}",
                    outcome.reason
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_practice_hint_1_after_an_explained_mistake_adds_the_figures_of_the_subject() {
    use crate::helpers::{private_text, spawn_engine};
    use casebot::play::command::{Command, Scope};
    let play = spawn_engine("hint_after_mistake").await;
    let alice = play.student("Alice");
    let bob = play.student("Bob");
    for who in [&alice, &bob] {
        play.send(
            who,
            Command::Practice {
                scope: Scope::Items(vec!["1.1.a".into()]),
            },
        )
        .await;
    }
    let hint = Command::Hint {
        confirm: true,
        item: None,
    };
    // Alice divided by the new value: the message gave the formula of an evolution.
    let said = private_text(
        &play
            .send(
                &alice,
                Command::Answer {
                    text: "24,60 %".into(),
                    item: None,
                },
            )
            .await,
    );
    assert!(
        plain(&said).contains("(arrivée - départ) ÷ départ × 100"),
        "{said}"
    );
    let hint_1 = plain(&private_text(&play.send(&alice, hint.clone()).await));
    assert!(hint_1.starts_with("Indice 1 – la formule"), "{hint_1}");
    assert!(
        hint_1.ends_with("\nAvec les chiffres du sujet, le calcul à poser est : (50 297 - 37 923) ÷ 37 923 × 100"),
        "{hint_1}"
    );
    // Hint 2 then says where those figures are, hint 3 works out the first step.
    let hint_2 = plain(&private_text(&play.send(&alice, hint.clone()).await));
    assert!(
        hint_2.contains("- Utilisateurs 2019 : 37 923 (annexe 2), tableau « Données du site », ligne « Utilisateurs »"),
        "{hint_2}"
    );
    let hint_3 = plain(&private_text(&play.send(&alice, hint.clone()).await));
    assert_eq!(
        hint_3,
        "Indice 3 – la première étape : 50 297 - 37 923 = 12 374"
    );
    // Bob answered nothing yet: hint 1 is the formula alone.
    let hint_1 = private_text(&play.send(&bob, hint).await);
    assert_eq!(
        plain(&hint_1),
        "Indice 1 – la formule : Évolution du nombre d'utilisateurs (en %) = (Utilisateurs 2020 - Utilisateurs 2019) ÷ Utilisateurs 2019 × 100"
    );
}
