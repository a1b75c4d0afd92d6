//! The additions to the pack format (config/cases/README.md, « Ajouts au format »): each is
//! optional, so a pack written before them loads and shows exactly as it did.

use crate::helpers::{case, shared_app, TempPack};
use casebot::render;

/// Every annex of the bundled pack as a student reads it.
fn bundled_annexes() -> String {
    let app = shared_app();
    let case = case();
    let mut out = String::new();
    for annex in &case.annexes {
        let text = render::annex(&app.messages, case, annex.number)
            .unwrap_or_else(|| panic!("annex {} renders", annex.number));
        out.push_str(&format!("=== annex {} ===\n{text}\n\n", annex.number));
    }
    out
}

/// Where hint 2 says every figure of every KPI is printed (its annex, table, row, column).
fn bundled_places() -> String {
    let app = shared_app();
    let case = case();
    let mut out = String::new();
    for (i, k) in case.kpis.iter().enumerate() {
        let hint = render::hint(&app.messages, case, i, 2)
            .unwrap_or_else(|e| panic!("hint 2 of {}: {e:?}", k.id));
        out.push_str(&format!("=== {} ===\n{hint}\n\n", k.id));
    }
    out
}

/// The snapshots were taken before the format had any addition: the bundled pack, written in
/// the format as it was, shows its annexes and the places of its figures unchanged.
#[test]
fn the_bundled_pack_shows_its_annexes_as_before() {
    insta::assert_snapshot!("bundled_annexes", bundled_annexes());
    insta::assert_snapshot!("bundled_places", bundled_places());
}

const ANNEXES: &str = "config/cases/arbre-cadeau/annexes.toml";

/// A copy of the bundled pack, loaded after `edit`; fails the test when it does not load.
fn load_edited(test: &str, edit: impl FnOnce(&TempPack)) -> casebot::CasePack {
    let pack = TempPack::new(test);
    edit(&pack);
    match casebot::pack::load(&pack.pack_dir()) {
        Ok(case) => case,
        Err(e) => panic!("the edited pack does not load: {e}"),
    }
}

/// Annex `number` of `case` as a student reads it.
fn annex_text(case: &casebot::CasePack, number: u8) -> String {
    render::annex(&shared_app().messages, case, number)
        .unwrap_or_else(|| panic!("annex {number} renders"))
}

/// An empty cell is shown empty, in every table: never `****` (bold around nothing).
#[test]
fn empty_cells_are_shown_empty() {
    let case = load_edited("format_empty_cells", |pack| {
        pack.replace(ANNEXES, "[\"Marge\", \"$a3_margin\"]", "[\"Marge\", \"\"]");
        pack.replace(
            ANNEXES,
            "[\"B to B : La Poste (1 commande)\", \"$a5_laposte_revenue\", \"$a5_laposte_trees\"]",
            "[\"B to B : La Poste (1 commande)\", \"\", \"$a5_laposte_trees\"]",
        );
    });
    let annex3 = annex_text(&case, 3);
    assert!(annex3.contains("\n- Marge\n"), "{annex3}");
    let annex5 = annex_text(&case, 5);
    assert!(
        annex5.contains("\n- B to B : La Poste (1 commande) : | **250**\n"),
        "{annex5}"
    );
    for text in [annex3, annex5] {
        assert!(!text.contains("****"), "{text}");
    }
}

const CASE: &str = "config/cases/arbre-cadeau/case.toml";

/// The bundled pack's own `points_source` line (tests put another in its place).
const BUNDLED_SOURCE: &str = "points_source = \"Barème de l’examen par dossier (17, 15 et 8 points) ; répartition par question et par critère proposée par casebot\"\n";

/// `points_source` in `case.toml`: the model carries it; a misspelt keyword is a problem.
#[test]
fn the_points_source_is_read_and_a_misspelt_one_refused() {
    use casebot::case::PointsSource;
    assert_eq!(
        case().meta.points_source,
        Some(PointsSource::Text(
            "Barème de l’examen par dossier (17, 15 et 8 points) ; répartition par question et par critère proposée par casebot".into()
        )),
        "the bundled pack says its own"
    );
    for (written, read) in [
        ("corrige", PointsSource::AnswerKey),
        ("corrigé", PointsSource::AnswerKey),
        ("enseignant", PointsSource::Teacher),
        (
            "Barème de l’académie, session 2021",
            PointsSource::Text("Barème de l’académie, session 2021".into()),
        ),
    ] {
        let case = load_edited("format_points_source_read", |pack| {
            pack.replace(
                CASE,
                BUNDLED_SOURCE,
                &format!("points_source = \"{written}\"\n"),
            );
        });
        assert_eq!(case.meta.points_source, Some(read), "{written}");
    }
    for wrong in ["enseigant", "", "  "] {
        let pack = TempPack::new("format_points_source_wrong");
        pack.replace(
            CASE,
            BUNDLED_SOURCE,
            &format!("points_source = \"{wrong}\"\n"),
        );
        let errors = casebot::pack::load(&pack.pack_dir()).expect_err("refused");
        assert_eq!(errors.0.len(), 1, "{errors}");
        let e = &errors.0[0];
        assert_eq!(e.location, "points_source", "{e:?}");
        assert!(
            e.problem
                .contains("ne dit pas d’où vient le barème : écrivez \"corrige\""),
            "{e:?}"
        );
        crate::pack_errors::in_french(e);
    }
}

/// Teachers see where a subject's points come from in `/cas liste` and `casebot case`;
/// students' list is unchanged.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn teachers_see_where_the_points_come_from() {
    use crate::helpers::{casebot_on, private_text, spawn_engine_with, TwoSubjects, BIS};
    use casebot::play::command::Command;
    let subjects = TwoSubjects::new("points_source");
    subjects.replace(
        &format!("config/cases/{BIS}/case.toml"),
        BUNDLED_SOURCE,
        "points_source = \"corrige\"\n",
    );
    let play = spawn_engine_with(
        "format_points_source_play",
        std::sync::Arc::new(subjects.app()),
    )
    .await;
    let (prof, ana) = (play.teacher("Prof"), play.student("Ana"));
    let teacher_list = private_text(&play.send(&prof, Command::Cases).await);
    let student_list = private_text(&play.send(&ana, Command::Cases).await);
    let bis = format!(
        "- **Arbre\\-cadeau bis** (session 2022) · identifiant `{BIS}` · fourni avec casebot"
    );
    assert!(
        teacher_list.contains(&format!("{bis} · Barème : proposition de corrigé\n")),
        "{teacher_list}"
    );
    assert!(
        teacher_list.contains(
            "- **Arbre\\-cadeau** (session 2021) · identifiant `arbre-cadeau` · fourni avec casebot · **sujet en cours** · Barème de l’examen par dossier (17, 15 et 8 points) ; répartition par question et par critère proposée par casebot\n"
        ),
        "the bundled pack says its own: {teacher_list}"
    );
    assert!(!student_list.contains("Barème"), "{student_list}");
    assert!(student_list.contains(&format!("{bis}\n")), "{student_list}");

    let out = casebot_on(&subjects.cases_dir(), &["--case", BIS, "case"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    let mut lines = text.lines();
    assert!(
        lines
            .next()
            .is_some_and(|l| l.starts_with("Arbre-cadeau bis – ")),
        "{text}"
    );
    assert_eq!(
        lines.next(),
        Some("Barème : proposition de corrigé"),
        "{text}"
    );
}

/// Annex 5 of the bundled pack rewritten with the additions: figures among words in the first
/// column (`${id}`), the three companies under a group label, a cell with a figure and a word,
/// and the printed total of the revenue, shown in a total row and checked by `equals`.
fn annex_5_with_the_additions(pack: &TempPack) {
    pack.replace(
        ANNEXES,
        r#"rows = [
  ["B to C : 416 clients (pour 416 commandes)", "$a5_b2c_revenue", "$a5_b2c_trees"],
  ["B to B : La Poste (1 commande)", "$a5_laposte_revenue", "$a5_laposte_trees"],
  ["B to B : Electrolux (1 commande)", "$a5_electrolux_revenue", "$a5_electrolux_trees"],
  ["B to B : Société Générale (1 commande)", "$a5_sg_revenue", "$a5_sg_trees"],
]"#,
        r#"rows = [
  ["B to C : ${a5_b2c_clients} clients (pour ${a5_b2c_orders} commandes)", "$a5_b2c_revenue", "$a5_b2c_trees"],
  { group = "B to B : trois entreprises clientes", rows = 3 },
  ["La Poste (${a5_laposte_orders} commande)", "$a5_laposte_revenue", "${a5_laposte_trees} arbres"],
  ["Electrolux (${a5_electrolux_orders} commande)", "$a5_electrolux_revenue", "$a5_electrolux_trees"],
  ["Société Générale (${a5_sg_orders} commande)", "$a5_sg_revenue", "$a5_sg_trees"],
  ["Total", "$a5_printed_total", ""],
]"#,
    );
    pack.replace(
        ANNEXES,
        "months_per_year = {",
        "a5_printed_total = { label = \"Total du chiffre d'affaires HT imprimé\", annex = 5, value = \"35660\", unit = \"eur\", equals = \"a5_b2c_revenue + a5_laposte_revenue + a5_electrolux_revenue + a5_sg_revenue\" }\nmonths_per_year = {",
    );
}

#[test]
fn groups_of_rows_and_figures_among_words_are_shown_and_checked() {
    use crate::helpers::plain;
    let case = load_edited("format_annex_5", |pack| {
        annex_5_with_the_additions(pack);
        // A printed figure is checked as printed: 17,8 % is the click rate, 17,7567… %,
        // rounded to one decimal (a check may name KPIs too).
        pack.replace(
            ANNEXES,
            "value = \"17.8\", unit = \"percent\" }",
            "value = \"17.8\", unit = \"percent\", equals = \"a3_ctr\" }",
        );
    });
    let annex = plain(&annex_text(&case, 5));
    let table = "**Portefeuille-clients, janvier à août 2020**\n\
        Colonnes : (1) Chiffre d'affaires HT · (2) Nombre d'arbres commandés\n\
        - B to C : 416 clients (pour 416 commandes) : **19 660 €** | **500**\n\
        - *B to B : trois entreprises clientes*\n  \
        - La Poste (1 commande) : **5 000 €** | **250 arbres**\n  \
        - Electrolux (1 commande) : **4 000 €** | **200**\n  \
        - Société Générale (1 commande) : **7 000 €** | **350**\n\
        - Total : **35 660 €**\n";
    assert!(annex.contains(table), "{annex}");
    // The figures among words are the case's values: the KPIs compute from them.
    let b2b_orders = case.kpi_index("a5_b2b_orders").expect("a5_b2b_orders");
    assert_eq!(
        case.evaluate(b2b_orders).expect("computes").to_string(),
        "3"
    );
    // The hint says where they are, group included.
    let messages = &shared_app().messages;
    let hint = plain(&render::hint(messages, &case, b2b_orders, 2).expect("hint 2"));
    assert!(
        hint.contains("- Commandes de La Poste : 1 (annexe 5), groupe « B to B : trois entreprises clientes », ligne « La Poste (1 commande) »\n"),
        "{hint}"
    );
    let trees = case.kpi_index("a5_b2b_trees").expect("a5_b2b_trees");
    let hint = plain(&render::hint(messages, &case, trees, 2).expect("hint 2"));
    assert!(
        hint.contains("groupe « B to B : trois entreprises clientes », ligne « La Poste (1 commande) », colonne « Nombre d'arbres commandés »"),
        "{hint}"
    );
    // A check is never shown: annex 3, whose 17,8 % is now checked, reads as before, and the
    // printed total is no KPI (no list, no /kpi names it).
    assert_eq!(annex_text(&case, 3), annex_text(crate::helpers::case(), 3));
    assert!(case.kpi_index("a5_printed_total").is_none());
}

/// What an author may get wrong in the additions is said in French at its key, with the fix,
/// and once.
#[test]
fn the_additions_problems_are_said_with_their_fix() {
    use crate::pack_errors::in_french;
    // Annex 5 is the fifth [[annexes]], its table the first; rows are counted as written.
    let cases: [(&str, &str, &str, &[&str]); 9] = [
        (
            "{ group = \"B to B : trois entreprises clientes\", rows = 3 }",
            "{ group = \"B to B : trois entreprises clientes\", rows = 5 }",
            "annexes[4].tables[0].rows[1].rows",
            &["ce groupe annonce 5 lignes mais 4 seulement le suivent", "corrigez rows"],
        ),
        (
            "{ group = \"B to B : trois entreprises clientes\", rows = 3 }",
            "{ group = \"B to B : trois entreprises clientes\", rows = 0 }",
            "annexes[4].tables[0].rows[1].rows",
            &["un groupe couvre au moins une ligne"],
        ),
        (
            "{ group = \"B to B : trois entreprises clientes\", rows = 3 }",
            "{ group = \" \", rows = 3 }",
            "annexes[4].tables[0].rows[1].group",
            &["un groupe de lignes a un intitulé"],
        ),
        (
            "{ group = \"B to B : trois entreprises clientes\", rows = 3 }",
            "{ groupe = \"B to B\" }",
            "ligne",
            &["champ inconnu `groupe`", "`group`"],
        ),
        (
            "\"${a5_laposte_trees} arbres\"",
            "\"$a5_laposte_trees arbres\"",
            "annexes[4].tables[0].rows[2]",
            &["pour des mots autour du chiffre, écrivez \"${a5_laposte_trees} arbres\""],
        ),
        (
            "\"${a5_laposte_trees} arbres\"",
            "\"${a5_laposte_tree} arbres\"",
            "annexes[4].tables[0].rows[2]",
            &["« ${a5_laposte_tree} » ne désigne aucune valeur"],
        ),
        (
            "\"${a5_laposte_trees} arbres\"",
            "\"${a5_laposte_trees arbres\"",
            "annexes[4].tables[0].rows[2]",
            &["« ${ » n’est jamais fermé"],
        ),
        (
            "value = \"35660\"",
            "value = \"35600\"",
            "values.a5_printed_total.equals",
            &["le sujet imprime 35600, mais « a5_b2c_revenue + a5_laposte_revenue + a5_electrolux_revenue + a5_sg_revenue » vaut 35660", "retirez equals"],
        ),
        (
            "equals = \"a5_b2c_revenue + ",
            "equals = \"a5_b2c_revenu + ",
            "values.a5_printed_total.equals",
            &["identifiant inconnu : a5_b2c_revenu"],
        ),
    ];
    for (i, (from, to, at, said)) in cases.into_iter().enumerate() {
        let pack = TempPack::new(&format!("format_problem_{i}"));
        annex_5_with_the_additions(&pack);
        pack.replace(ANNEXES, from, to);
        let errors = casebot::pack::load(&pack.pack_dir()).expect_err(to);
        assert_eq!(errors.0.len(), 1, "{to}: {errors}");
        let e = &errors.0[0];
        assert!(e.location.starts_with(at), "{to}: {e:?}");
        for s in said {
            assert!(e.problem.contains(s), "{to}: {s:?} not in {e:?}");
        }
        in_french(e);
    }
    // A printed total whose figures are broken is not checked: the broken figure is said once.
    let pack = TempPack::new("format_problem_broken_total");
    annex_5_with_the_additions(&pack);
    pack.replace(ANNEXES, "value = \"5000\"", "value = \"5 000\"");
    let errors = casebot::pack::load(&pack.pack_dir()).expect_err("broken");
    let locations: Vec<&str> = errors.0.iter().map(|e| e.location.as_str()).collect();
    assert_eq!(locations, ["values.a5_laposte_revenue"], "{errors}");
}
