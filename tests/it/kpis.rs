//! Every KPI of the bundled case against values computed by hand from the subject
//! (/work/shared/seeds/e5-2021-arbre-cadeau-sujet.txt), with exact decimals and half-up rounding,
//! independently of the engine; the worked steps of a few KPIs; the exact values.

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
    assert_eq!(
        s.first_step.as_deref(),
        Some("3\u{202F}695 ÷ 20\u{202F}809 ≈ 0,1776")
    );
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
    assert_eq!(s.first_step.as_deref(), Some("230,28 ÷ 468 ≈ 0,4921"));
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
    // 2,74 × 5 333,33 = 14 613,3242 exactly: no "≈".
    assert_eq!(
        s.first_step.as_deref(),
        Some("2,74 × 5\u{202F}333,33 = 14\u{202F}613,3242")
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
    assert_eq!(
        r.steps.first_step.as_deref(),
        Some("200 × 12 = 2\u{202F}400")
    );
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
