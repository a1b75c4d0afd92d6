//! Charts are data: which pictures a subject has is declared in its pack (`charts.toml`), over
//! its own value and KPI ids and the texts of its texts folder. A copy of the bundled pack with
//! every id renamed draws the same pictures; a pack without the file has none and plays; a
//! broken file is refused with every problem, in French, with its file, key and fix.

use crate::helpers::{root, shared_app, spawn_engine_with, TempPack};
use crate::pack_errors::in_french;
use casebot::chart::{self, sample, Sight};
use casebot::pack::{self, PackError};
use casebot::play::command::Command;
use casebot::App;
use std::path::Path;
use std::sync::Arc;

const CHARTS: &str = "config/cases/arbre-cadeau/charts.toml";

/// `src` with every whole-word occurrence of an id of `ids` (letters, digits and `_`) renamed
/// by `rename`.
fn rename_words(
    src: &str,
    ids: &std::collections::BTreeSet<String>,
    rename: &dyn Fn(&str) -> String,
) -> String {
    let mut out = String::with_capacity(src.len() + 1024);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if ids.contains(word.as_str()) {
            out.push_str(&rename(word));
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in src.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Every file under `dir`, recursively.
fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            out.extend(files(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// The ids of the bundled pack's values and KPIs, read from its files.
fn figure_ids() -> std::collections::BTreeSet<String> {
    let mut ids = std::collections::BTreeSet::new();
    for (file, section) in [("annexes.toml", "values"), ("kpis.toml", "kpis")] {
        let path = root().join("config/cases/arbre-cadeau").join(file);
        let table: toml::Table = std::fs::read_to_string(path)
            .expect("the bundled pack")
            .parse()
            .expect("TOML");
        let Some(toml::Value::Table(t)) = table.get(section) else {
            panic!("no [{section}] in {file}");
        };
        ids.extend(t.keys().cloned());
    }
    ids
}

/// A copy of the bundled pack as another subject would write it: every value and KPI id
/// renamed (`a2_users_2019` → `sujet_a2_users_2019`), in every file of the pack and of its
/// texts, and every chart text id moved from `chart.` to `graphique.`.
fn renamed_pack() -> TempPack {
    let pack = TempPack::new("charts-renamed");
    let ids = figure_ids();
    let rename = |id: &str| format!("sujet_{id}");
    for dir in [pack.pack_dir(), pack.prompts_dir()] {
        for path in files(&dir) {
            let src = std::fs::read_to_string(&path).expect("a pack file");
            let mut renamed = rename_words(&src, &ids, &rename);
            let charts = path.file_name().is_some_and(|n| n == "charts.toml");
            if charts {
                renamed = renamed
                    .replace("\"chart.", "\"graphique.")
                    .replace("[chart.", "[graphique.");
            }
            std::fs::write(&path, renamed).expect("write a pack file");
        }
    }
    pack
}

#[test]
fn a_pack_with_other_ids_draws_the_same_charts() {
    let pack = renamed_pack();
    let loaded = match pack::load(&pack.pack_dir()) {
        Ok(p) => p,
        Err(e) => panic!("the renamed pack does not load: {e}"),
    };
    assert!(loaded.kpi_index("a3_roas").is_none());
    assert!(loaded.kpi_index("sujet_a3_roas").is_some());
    assert!(loaded.texts.contains("graphique.traffic.title"));
    assert!(!loaded.texts.contains("chart.traffic.title"));
    let m = &shared_app().messages;
    let bundled = crate::helpers::case();
    let names: Vec<String> = chart::case_charts(&loaded)
        .into_iter()
        .map(|c| c.name)
        .collect();
    let expected: Vec<String> = chart::case_charts(bundled)
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, expected);
    for name in &names {
        let drawn = chart::render_case_chart(&loaded, m, name).expect("draws");
        let reference = std::fs::read(root().join(format!("tests/it/charts/{name}.png")))
            .expect("a reference picture");
        assert!(drawn == reference, "{name} differs from its reference");
    }
    // The sample answers follow the KPI the file names, renamed too.
    let drawn = sample::render(&loaded, m, "classe-reponses").expect("draws");
    let reference =
        std::fs::read(root().join("tests/it/charts/classe-reponses.png")).expect("a reference");
    assert!(
        drawn == reference,
        "classe-reponses differs from its reference"
    );
    // Sealing works on the renamed ids: hiding a KPI hides it (and its partner share).
    for (name, hidden, partner) in [
        ("annexe7-linkedin", "sujet_a7_roas", None),
        (
            "annexe5-segments",
            "sujet_a5_b2c_orders_share",
            Some("sujet_a5_b2b_orders_share"),
        ),
    ] {
        let data =
            chart::case_chart_data(&loaded, m, name, &Sight::hiding([hidden])).expect("chart data");
        for id in std::iter::once(hidden).chain(partner) {
            let f = data.figures.iter().find(|f| f.id == id).expect("drawn");
            assert_eq!((f.value, f.text.as_str()), (None, "?"), "{name}: {id}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pack_without_charts_toml_has_no_pictures_and_plays() {
    let pack = TempPack::new("charts-none");
    std::fs::remove_file(pack.dir.path.join(CHARTS)).expect("remove charts.toml");
    let loaded = match pack::load(&pack.pack_dir()) {
        Ok(p) => p,
        Err(e) => panic!("a pack without charts.toml does not load: {e}"),
    };
    assert!(chart::case_charts(&loaded).is_empty());
    assert!(chart::charts_for_annex(&loaded, 2).is_empty());
    let m = &shared_app().messages;
    assert!(matches!(
        chart::render_case_chart(&loaded, m, "annexe2-trafic"),
        Err(chart::ChartError::UnknownChart(_))
    ));
    // The class charts still draw (their sample answers on the first KPI).
    sample::render(&loaded, m, "classe-reponses").expect("a class chart");
    // The texts the charts read are now read by nothing: `validate` warns about them.
    assert!(loaded
        .unused_texts()
        .contains(&"chart.traffic.title".to_string()));
    let app = App::load_pack(&root().join("prompts/fr"), &pack.pack_dir()).expect("the app");
    let play = spawn_engine_with("charts-none", Arc::new(app)).await;
    let ana = play.student("Ana");
    let replies = play.send(&ana, Command::Annex { number: 2 }).await;
    assert_eq!(replies.len(), 1);
    assert!(
        replies[0].attachment.is_none(),
        "a picture without charts.toml"
    );
    assert!(
        replies[0].text.contains("Indicateurs"),
        "{}",
        replies[0].text
    );
}

/// Loads the pack, which must fail without panicking; its problems.
fn load_errors(pack: &TempPack) -> Vec<PackError> {
    let dir = pack.pack_dir();
    match std::panic::catch_unwind(|| pack::load(&dir)) {
        Err(_) => panic!("loading the broken pack panicked"),
        Ok(Ok(_)) => panic!("the broken pack loaded"),
        Ok(Err(errors)) => {
            for e in &errors.0 {
                in_french(e);
            }
            errors.0
        }
    }
}

/// The problem of charts.toml at `location`, failing with the whole list.
fn at<'a>(errors: &'a [PackError], location: &str) -> &'a PackError {
    match errors
        .iter()
        .find(|e| e.file.ends_with("charts.toml") && e.location == location)
    {
        Some(e) => e,
        None => panic!("no problem in charts.toml at {location:?}; got:\n{errors:#?}"),
    }
}

fn says(e: &PackError, words: &[&str]) {
    for w in words {
        assert!(e.problem.contains(w), "{w:?} not in {:?}", e.problem);
    }
}

/// A charts.toml with a mistake of every kind, each in its own chart; every problem is
/// listed, with its key and its fix.
const BROKEN: &str = r#"
sample_kpi = "a3_ctx"

[[charts]]
name = "Annexe 2"
annexes = [12]
kind = "camembert"
title = "chart.traffic.title"
source = "chart.traffic.source"

[[charts]]
name = "annexe2-trafic"
annexes = [2, 2]
kind = "periods"
title = "chart.traffic.titre"
source = "chart.traffic.source"
legend = ["chart.period.first"]
rows = [
  { label = "chart.origin.organic", figures = ["a2_organic_2019", "a2_organic_2012"] },
  { label = "chart.origin.direct", figures = ["a2_direct_2019"] },
]

[[charts]]
name = "annexe2-trafic"
annexes = []
kind = "shares"
title = "chart.segments.title"
source = "chart.segments.source"
segments = ["chart.segments.b2c", "chart.segments.b2b"]
rows = [
  { label = "chart.segments.revenue", total = "a5_total_revenue", shares = ["a5_b2c_revenue_share", "a5_b2b_orders_share"] },
  { label = "chart.segments.orders", total = "a5_total_orders", shares = ["a5_b2c_orders", "a5_b2b_orders"] },
]

[[charts]]
name = "annexe7-linkedin"
annexes = [7]
kind = "plan"
title = "chart.linkedin.title"
source = "chart.linkedin.source"
steps = [
  { label = "chart.linkedin.budget", figure = "a7_budget_month" },
  { label = "chart.linkedin.clicks", figure = "a7_clicks_month" },
  { label = "chart.linkedin.revenue", figure = "a7_revenue_month" },
]
operations = [
  { label = "chart.linkedin.cpc", by = "divide", figure = "a7_cpc" },
]
roas = "a3_roas"

[[charts]]
name = "classe-pub"
annexes = [3]
kind = "comparison"
title = "chart.ads.title"
source = "chart.ads.source"
legend = ["chart.ads.google", "chart.ads.facebook"]
series = ["chart.ads.google", "chart.ads.facebook"]
panels = [{ label = "chart.ads.roas", figures = ["a3_roas", "a4_roas"] }]

[[charts]]
name = "annexe2-evolution"
annexes = [2]
kind = "evolutions"
title = "chart.evolution.title"
source = "chart.evolution.source"
rows = []
note = { label = "chart.evolution.bounce", from = "a2_bounce_2019", to = "a2_bounce_2020", difference = "a2_bounce_diff", evolution = "a2_bounce_evo" }

[[charts]]
name = "annexe3-roas"
annexes = [3]
kind = "comparison"
title = "chart.ads.title"
source = "chart.ads.source"
series = ["chart.ads.google", "chart.ads.facebook"]
panels = [{ label = "chart.ads.roas", better = "moyen", figures = ["a3_roas", "a4_roas"] }]
"#;

#[test]
fn a_broken_charts_toml_lists_every_problem_in_french_with_its_key() {
    let pack = TempPack::new("charts-broken");
    std::fs::write(pack.dir.path.join(CHARTS), BROKEN).expect("write charts.toml");
    let errors = load_errors(&pack);
    let e = at(&errors, "sample_kpi");
    says(e, &["« a3_ctx »", "kpis.toml"]);
    // Chart 0: its name, annex and kind.
    says(
        at(&errors, "charts[0].name"),
        &["« Annexe 2 »", "minuscules"],
    );
    says(
        at(&errors, "charts[0].annexes[0]"),
        &["aucune annexe 12", "1, 2, 3"],
    );
    says(
        at(&errors, "charts[0].kind"),
        &[
            "« camembert »",
            "periods",
            "evolutions",
            "comparison",
            "shares",
            "plan",
        ],
    );
    // Chart 1: an annex twice, a missing text, one period, an unknown figure, a row short.
    says(
        at(&errors, "charts[1].annexes[1]"),
        &["l’annexe 2", "deux fois"],
    );
    says(
        at(&errors, "charts[1].title"),
        &[
            "« chart.traffic.titre »",
            "prompts/cases/arbre-cadeau",
            "ajoutez-le",
        ],
    );
    says(
        at(&errors, "charts[1].legend"),
        &["deux périodes", "en a 1"],
    );
    says(
        at(&errors, "charts[1].rows[0].figures[1]"),
        &["« a2_organic_2012 »", "annexes.toml", "kpis.toml"],
    );
    says(
        at(&errors, "charts[1].rows[1].figures"),
        &["il en faut deux", "en a 1"],
    );
    // Chart 2: a name twice, no annex, shares that are not parts of their total.
    says(
        at(&errors, "charts[2].name"),
        &["« annexe2-trafic »", "deux fois"],
    );
    says(at(&errors, "charts[2].annexes"), &["au moins une annexe"]);
    says(
        at(&errors, "charts[2].rows[0].shares[1]"),
        &["« a5_b2b_orders_share »", "« a5_total_revenue »", "morceau"],
    );
    says(
        at(&errors, "charts[2].rows[0].shares"),
        &[
            "« a5_b2c_revenue_share »",
            "« a5_b2b_orders_share »",
            "100 %",
        ],
    );
    says(
        at(&errors, "charts[2].rows[1].shares[0]"),
        &["« a5_b2c_orders »", "pourcentage", "percent"],
    );
    // Chart 3: a plan with a missing operation and a ROAS that is not its own.
    says(
        at(&errors, "charts[3].operations"),
        &["3 étapes demandent 2 opérations", "en a 1"],
    );
    says(
        at(&errors, "charts[3].roas"),
        &["« a3_roas »", "« a7_revenue_month »", "« a7_budget_month »"],
    );
    // Chart 4: a name the class charts take, a key of another kind.
    says(
        at(&errors, "charts[4].name"),
        &["« classe-pub »", "réservé"],
    );
    says(at(&errors, "charts[4]"), &["`legend`", "series", "panels"]);
    // Chart 5: no row, an unknown figure in the note.
    says(at(&errors, "charts[5].rows"), &["la liste est vide"]);
    says(
        at(&errors, "charts[5].note.evolution"),
        &["« a2_bounce_evo »"],
    );
    // Chart 6: an unknown way for an indicator to be better.
    says(at(&errors, "charts[6]"), &["moyen", "lower", "higher"]);
    // The rest of the pack loads: only charts.toml has problems.
    assert!(
        errors.iter().all(|e| e.file.ends_with("charts.toml")),
        "{errors:#?}"
    );
}

#[test]
fn a_charts_toml_that_does_not_parse_gives_its_line_and_a_misspelt_key_is_named() {
    let pack = TempPack::new("charts-syntax");
    pack.replace(CHARTS, "roas = \"a7_roas\"", "roas = \"a7_roas");
    let errors = load_errors(&pack);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let line = pack.line_of(CHARTS, "roas = \"a7_roas");
    assert!(
        errors[0].location.starts_with(&format!("ligne {line},")),
        "line {line}: {errors:#?}"
    );
    let pack = TempPack::new("charts-misspelt");
    pack.replace(CHARTS, "sample_kpi = ", "sample_kpis = ");
    let errors = load_errors(&pack);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    says(&errors[0], &["`sample_kpis`", "sample_kpi", "charts"]);
}

#[test]
fn a_chart_text_may_quote_a_figure_and_hides_it_as_the_figure_is_hidden() {
    // A subject's label with a KPI in it: written by the engine, « ? » while hidden.
    let pack = TempPack::new("charts-placeholder");
    pack.replace(
        "prompts/cases/arbre-cadeau/charts.toml",
        "roas = \"ROAS\"",
        "roas = \"ROAS ({kpi.a3_roas})\"",
    );
    let loaded = pack::load(&pack.pack_dir()).expect("loads");
    let m = &shared_app().messages;
    let name = "annexes3-4-google-facebook";
    let full = chart::case_chart_data(&loaded, m, name, &Sight::everything()).expect("data");
    assert!(
        full.texts.contains(&"ROAS (3,02)".to_string()),
        "{:?}",
        full.texts
    );
    let hidden =
        chart::case_chart_data(&loaded, m, name, &Sight::hiding(["a3_roas"])).expect("data");
    assert!(
        hidden.texts.contains(&"ROAS (?)".to_string()),
        "{:?}",
        hidden.texts
    );
    assert!(
        !hidden.texts.iter().any(|t| t.contains("3,02")),
        "{:?}",
        hidden.texts
    );
}
