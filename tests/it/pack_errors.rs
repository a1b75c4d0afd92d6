//! A broken case pack never loads and never panics: every problem comes back with its file,
//! its key or line, and what is wrong. Each test breaks one thing in a fresh copy of the
//! bundled pack.

use crate::helpers::TempPack;
use casebot::pack::{self, PackError};
use std::path::Path;

const CASE: &str = "config/cases/arbre-cadeau/case.toml";
const ANNEXES: &str = "config/cases/arbre-cadeau/annexes.toml";
const KPIS: &str = "config/cases/arbre-cadeau/kpis.toml";
const QUESTIONS: &str = "config/cases/arbre-cadeau/questions.toml";
const TEXT_QUESTIONS: &str = "prompts/cases/arbre-cadeau/questions.toml";

/// Loads the pack, which must fail without panicking; returns its problems.
fn load_errors(pack: &TempPack) -> Vec<PackError> {
    let dir = pack.pack_dir();
    let loaded = std::panic::catch_unwind(|| pack::load(&dir));
    match loaded {
        Err(_) => panic!("loading the broken pack panicked"),
        Ok(Ok(_)) => panic!("the broken pack loaded"),
        Ok(Err(errors)) => {
            assert!(!errors.0.is_empty(), "an error without problems");
            // The whole report reads well too.
            let report = errors.to_string();
            for e in &errors.0 {
                assert!(report.contains(&e.to_string()), "{report}");
            }
            errors.0
        }
    }
}

/// The problem about `file` (a path ending) at `location`, failing with the whole list.
fn find<'a>(errors: &'a [PackError], file: &str, location: &str) -> &'a PackError {
    match errors
        .iter()
        .find(|e| e.file.ends_with(Path::new(file)) && e.location == location)
    {
        Some(e) => e,
        None => panic!("no problem in {file} at {location:?}; got:\n{errors:#?}"),
    }
}

fn says(e: &PackError, words: &[&str]) {
    for w in words {
        assert!(e.problem.contains(w), "{w:?} not in {:?}", e.problem);
    }
}

#[test]
fn the_unmodified_copy_loads() {
    let pack = TempPack::new("pack_unmodified");
    let case = match pack::load(&pack.pack_dir()) {
        Ok(case) => case,
        Err(e) => panic!("the copy does not load: {e}"),
    };
    assert_eq!(case.meta.id, "arbre-cadeau");
    assert_eq!(case.kpis.len(), 85);
    assert_eq!(case.annexes.len(), 9);
    assert_eq!(case.questions.len(), 8);
}

#[test]
fn a_toml_syntax_error_gives_the_line() {
    let pack = TempPack::new("pack_toml_syntax");
    let line = pack.line_of(KPIS, "[kpis.a3_ctr]");
    pack.replace(KPIS, "[kpis.a3_ctr]", "[kpis.a3_ctr");
    let errors = load_errors(&pack);
    let e = errors
        .iter()
        .find(|e| e.file.ends_with(Path::new(KPIS)))
        .unwrap_or_else(|| panic!("no problem in kpis.toml: {errors:#?}"));
    assert!(
        e.location.starts_with(&format!("line {line}, column ")),
        "{e:?} (the broken header is on line {line})"
    );
    assert!(!e.problem.is_empty());
}

#[test]
fn an_unknown_field_is_named() {
    let pack = TempPack::new("pack_unknown_field");
    pack.replace(
        KPIS,
        "formula = \"a3_clicks / a3_impressions * 100\"",
        "formla = \"a3_clicks / a3_impressions * 100\"",
    );
    let errors = load_errors(&pack);
    let e = find(&errors, KPIS, "kpis.a3_ctr");
    says(e, &["formla"]);
}

#[test]
fn a_formula_with_an_unknown_id() {
    let pack = TempPack::new("pack_unknown_id");
    pack.replace(
        KPIS,
        "formula = \"a3_clicks / a3_impressions * 100\"",
        "formula = \"a3_clicks / a3_impresions * 100\"",
    );
    let errors = load_errors(&pack);
    let e = find(&errors, KPIS, "kpis.a3_ctr.formula");
    says(e, &["unknown id", "a3_impresions"]);
}

#[test]
fn a_formula_syntax_error_gives_the_character() {
    let pack = TempPack::new("pack_formula_syntax");
    pack.replace(
        KPIS,
        "formula = \"a3_clicks / a3_impressions * 100\"",
        "formula = \"a3_clicks / * a3_impressions * 100\"",
    );
    let errors = load_errors(&pack);
    let e = find(&errors, KPIS, "kpis.a3_ctr.formula");
    // The second operator is the 13th character.
    says(
        e,
        &["a3_clicks / * a3_impressions * 100", "at character 13"],
    );
}

#[test]
fn a_division_by_zero_names_the_kpis() {
    let pack = TempPack::new("pack_division_by_zero");
    pack.replace(ANNEXES, "value = \"20809\"", "value = \"0\"");
    let errors = load_errors(&pack);
    // Both KPIs that divide by the impressions.
    says(find(&errors, KPIS, "kpis.a3_ctr"), &["division by zero"]);
    says(find(&errors, KPIS, "kpis.a3_cpm"), &["division by zero"]);
    // The texts that show these KPIs name existing ids: blaming them would mislead.
    let misleading: Vec<&PackError> = errors
        .iter()
        .filter(|e| !e.file.ends_with(Path::new(KPIS)))
        .collect();
    assert!(
        misleading.is_empty(),
        "problems reported elsewhere than kpis.toml: {misleading:#?}"
    );
}

#[test]
fn a_kpi_cycle_is_named() {
    let pack = TempPack::new("pack_cycle");
    pack.replace(
        KPIS,
        "formula = \"a4_cost_per_purchase * a4_purchases\"",
        "formula = \"a4_cpc * a4_clicks\"",
    );
    let errors = load_errors(&pack);
    let e = errors
        .iter()
        .find(|e| e.problem.contains("depends on itself"))
        .unwrap_or_else(|| panic!("no cycle reported: {errors:#?}"));
    assert!(e.file.ends_with(Path::new(KPIS)), "{e:?}");
    assert!(
        e.location == "kpis.a4_total_cost" || e.location == "kpis.a4_cpc",
        "{e:?}"
    );
}

#[test]
fn a_table_cell_naming_no_value() {
    let pack = TempPack::new("pack_bad_cell");
    pack.replace(
        ANNEXES,
        "[\"Clics\", \"$a3_clicks\"]",
        "[\"Clics\", \"$nope\"]",
    );
    let errors = load_errors(&pack);
    // Annex 3 is the third [[annexes]], its table the first, "Clics" the second row.
    let e = find(&errors, ANNEXES, "annexes[2].tables[0].rows[1]");
    says(e, &["$nope", "names no value"]);
}

#[test]
fn a_row_with_the_wrong_number_of_cells() {
    let pack = TempPack::new("pack_bad_row");
    pack.replace(
        ANNEXES,
        "[\"Clics\", \"$a3_clicks\"]",
        "[\"Clics\", \"$a3_clicks\", \"3 695\"]",
    );
    let errors = load_errors(&pack);
    let e = find(&errors, ANNEXES, "annexes[2].tables[0].rows[1]");
    says(e, &["3 cells", "2 columns"]);
}

#[test]
fn dossier_points_that_do_not_add_up_to_40() {
    let pack = TempPack::new("pack_points");
    pack.replace(CASE, "points = \"17\"", "points = \"18\"");
    let errors = load_errors(&pack);
    let e = find(&errors, CASE, "total_points");
    says(e, &["41", "40"]);
    // And the questions of dossier 1 no longer add up to it.
    let e = find(&errors, QUESTIONS, "questions");
    says(e, &["'1'", "17", "18"]);
}

#[test]
fn a_question_part_with_an_unknown_kpi() {
    let pack = TempPack::new("pack_part_kpi");
    pack.replace(QUESTIONS, "kpi = \"a3_ctr\"", "kpi = \"a3_crt\"");
    let errors = load_errors(&pack);
    // Question 1.2 is the second, its part 1.2.a the first.
    let e = find(&errors, QUESTIONS, "questions[1].parts[0].kpi");
    says(e, &["unknown KPI", "a3_crt"]);
}

#[test]
fn a_missing_text_is_named() {
    let pack = TempPack::new("pack_missing_text");
    let path = pack.dir.path.join(TEXT_QUESTIONS);
    let src = std::fs::read_to_string(&path).expect("read");
    let part = src.find("[part.\"1.1.a\"]").expect("part 1.1.a");
    let start = part + src[part..].find("commentary = \"\"\"").expect("commentary");
    let body = start + "commentary = \"\"\"".len();
    let end = body + src[body..].find("\"\"\"").expect("closing quotes") + 3;
    std::fs::write(&path, format!("{}{}", &src[..start], &src[end..])).expect("write");
    let errors = load_errors(&pack);
    let e = find(
        &errors,
        "prompts/cases/arbre-cadeau",
        "part.1.1.a.commentary",
    );
    says(e, &["missing"]);
    assert_eq!(errors.len(), 1, "{errors:#?}");
}

#[test]
fn a_placeholder_naming_no_figure() {
    let pack = TempPack::new("pack_placeholder");
    pack.replace(
        TEXT_QUESTIONS,
        "Le nombre d’utilisateurs évolue de {kpi.a2_users_evol}",
        "Le nombre d’utilisateurs évolue de {kpi.nope}",
    );
    let errors = load_errors(&pack);
    let e = find(&errors, TEXT_QUESTIONS, "part.1.1.a.commentary");
    says(e, &["{kpi.nope}", "names no figure"]);
    assert_eq!(errors.len(), 1, "{errors:#?}");
}

#[test]
fn a_missing_prompts_folder() {
    let pack = TempPack::new("pack_no_prompts");
    std::fs::remove_dir_all(pack.prompts_dir()).expect("remove the texts");
    let errors = load_errors(&pack);
    let e = find(&errors, "prompts/cases/arbre-cadeau", "folder");
    says(e, &["cannot be read"]);
}

#[test]
fn a_missing_pack_folder_or_file() {
    let pack = TempPack::new("pack_missing_file");
    std::fs::remove_file(pack.dir.path.join(KPIS)).expect("remove kpis.toml");
    let errors = load_errors(&pack);
    let e = find(&errors, KPIS, "file");
    says(e, &["cannot be read"]);

    let nowhere = pack.dir.path.join("no-such-pack");
    let errors = pack::load(&nowhere).expect_err("no folder, no pack");
    assert_eq!(errors.0.len(), 1);
    assert_eq!(errors.0[0].location, "folder");
    assert!(errors.0[0].problem.contains("no such folder"));
}

#[test]
fn a_value_that_is_not_a_number() {
    let pack = TempPack::new("pack_bad_value");
    pack.replace(ANNEXES, "value = \"3695\"", "value = \"3 695\"");
    let errors = load_errors(&pack);
    let e = find(&errors, ANNEXES, "values.a3_clicks");
    assert!(!e.problem.is_empty());
}
