//! A broken case pack never loads and never panics: every problem comes back with its file,
//! its key or line, what is wrong and what to write instead, in French (a teacher reads it).
//! Each test breaks one thing in a fresh copy of the bundled pack.

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
                in_french(e);
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

/// Words of the English messages (ours before, and those of serde and the TOML parser): none
/// may reach a teacher.
const ENGLISH: [&str; 24] = [
    "expected",
    "cannot",
    "unknown",
    "missing",
    "declared",
    " is not",
    "must",
    "found",
    "invalid",
    "duplicate",
    "line ",
    ", column",
    "no such",
    "names no",
    "add up",
    "depends",
    "at character",
    "division by",
    "the ",
    "field",
    "variant",
    "problem",
    "folder",
    "text '",
];

/// The problem is said in French: its location's words and its text.
pub(crate) fn in_french(e: &PackError) {
    for word in ENGLISH {
        assert!(
            !e.problem.contains(word) && !e.location.contains(word),
            "English {word:?} in {e:?}"
        );
    }
    crate::helpers::assert_french(&e.location, &e.problem);
    crate::helpers::assert_french(&e.location, &e.to_string());
}

#[test]
fn the_english_detector_finds_english_and_leaves_french_alone() {
    use crate::helpers::english_words;
    for english in [
        "the file is missing",
        "missing field `label`",
        "expected a number",
        "Print help",
        "cannot be read: No such file or directory (os error 2)",
        "unknown id(s) a3_impresions (expected ids of [values] in annexes.toml or of KPIs)",
    ] {
        assert!(
            !english_words(english).is_empty(),
            "{english:?} not seen as English"
        );
    }
    for french in [
        "il manque le champ `label` : ajoutez la ligne label = …",
        "« the file » : ce qui est cité n’est pas jugé",
        "config/play.toml : lecture impossible (introuvable). Lancez casebot depuis le dossier du projet, ou indiquez les règles du jeu avec --play-config FICHIER",
        "Options :\n  -h, --help  Affiche cette aide",
        "la question est close ; réponse correcte, usage possible de la file d’attente",
    ] {
        assert!(english_words(french).is_empty(), "{french:?}: {:?}", english_words(french));
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
        e.location.starts_with(&format!("ligne {line}, colonne ")),
        "{e:?} (the broken header is on line {line})"
    );
    says(e, &["en-tête de table non fermé ; attendu : `]`"]);
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
    says(
        e,
        &[
            "champ inconnu `formla` (vérifiez l’orthographe)",
            "champs possibles : ",
            "`formula`",
        ],
    );
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
    says(
        e,
        &[
            "identifiant inconnu : a3_impresions",
            "écrivez un identifiant de [values]",
        ],
    );
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
        &[
            "formule « a3_clicks / * a3_impressions * 100 » : au caractère 13 :",
            "un nombre, un identifiant ou « ( » est attendu ici",
        ],
    );
}

#[test]
fn a_division_by_zero_names_the_kpis() {
    let pack = TempPack::new("pack_division_by_zero");
    pack.replace(ANNEXES, "value = \"20809\"", "value = \"0\"");
    let errors = load_errors(&pack);
    // Both KPIs that divide by the impressions.
    for kpi in ["kpis.a3_ctr", "kpis.a3_cpm"] {
        says(
            find(&errors, KPIS, kpi),
            &[
                "calcul impossible : division par zéro",
                "vérifiez les valeurs",
            ],
        );
    }
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
        .find(|e| e.problem.contains("dépend de lui-même"))
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
    says(
        e,
        &[
            "« $nope » ne désigne aucune valeur",
            "déclaré sous [values]",
        ],
    );
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
    says(
        e,
        &[
            "3 cellules",
            "2 colonnes",
            "autant de cellules que de colonnes",
        ],
    );
}

#[test]
fn dossier_points_that_do_not_add_up_to_40() {
    let pack = TempPack::new("pack_points");
    pack.replace(CASE, "points = \"17\"", "points = \"18\"");
    let errors = load_errors(&pack);
    let e = find(&errors, CASE, "total_points");
    says(
        e,
        &["totalisent 41 points", "total_points vaut 40", "égaux"],
    );
    // And the questions of dossier 1 no longer add up to it.
    let e = find(&errors, QUESTIONS, "questions");
    says(
        e,
        &["dossier « 1 » totalisent 17 points", "lui en donne 18"],
    );
}

#[test]
fn a_question_part_with_an_unknown_kpi() {
    let pack = TempPack::new("pack_part_kpi");
    pack.replace(QUESTIONS, "kpi = \"a3_ctr\"", "kpi = \"a3_crt\"");
    let errors = load_errors(&pack);
    // Question 1.2 is the second, its part 1.2.a the first.
    let e = find(&errors, QUESTIONS, "questions[1].parts[0].kpi");
    says(e, &["indicateur inconnu : « a3_crt »", "kpis.toml"]);
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
    says(e, &["ce texte manque"]);
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
    says(
        e,
        &[
            "« {kpi.nope} » ne désigne aucun chiffre",
            "écrivez {kpi.ID}",
        ],
    );
    assert_eq!(errors.len(), 1, "{errors:#?}");
}

#[test]
fn a_missing_prompts_folder() {
    let pack = TempPack::new("pack_no_prompts");
    std::fs::remove_dir_all(pack.prompts_dir()).expect("remove the texts");
    let errors = load_errors(&pack);
    // Said once, not as every text missing.
    assert_eq!(errors.len(), 1, "{errors:?}");
    let e = find(&errors, "config/cases/arbre-cadeau/case.toml", "prompts");
    says(
        e,
        &[
            "dossier des textes introuvable",
            "prompts/cases/arbre-cadeau (prompts = \"../../../prompts/cases/arbre-cadeau\"",
            "créez ce dossier",
        ],
    );
    // The folder as it is, not as `case.toml`'s relative path spells it.
    let tidy = format!("{}/prompts/cases/arbre-cadeau (", pack.dir.path.display());
    assert!(e.problem.contains(&tidy), "{e:?}");
}

#[test]
fn a_missing_pack_folder_or_file() {
    let pack = TempPack::new("pack_missing_file");
    std::fs::remove_file(pack.dir.path.join(KPIS)).expect("remove kpis.toml");
    let errors = load_errors(&pack);
    let e = find(&errors, KPIS, "fichier");
    says(e, &["lecture impossible : introuvable"]);

    let nowhere = pack.dir.path.join("no-such-pack");
    let errors = pack::load(&nowhere).expect_err("no folder, no pack");
    assert_eq!(errors.0.len(), 1);
    assert_eq!(errors.0[0].location, "dossier");
    says(
        &errors.0[0],
        &[
            "dossier introuvable",
            "lancez casebot depuis le dossier du projet",
        ],
    );
    in_french(&errors.0[0]);
}

#[test]
fn a_value_that_is_not_a_number() {
    let pack = TempPack::new("pack_bad_value");
    pack.replace(ANNEXES, "value = \"3695\"", "value = \"3 695\"");
    let errors = load_errors(&pack);
    let e = find(&errors, ANNEXES, "values.a3_clicks");
    says(
        e,
        &[
            "« 3 695 » n’est pas un nombre lisible",
            "écrivez \"3695\" (sans séparateur de milliers)",
        ],
    );
    // Said once: the cells and formulas that use it are not blamed as well.
    assert_eq!(errors.len(), 1, "{errors:#?}");
}

/// One break per kind of problem the loader finds (besides those above): each is said in
/// French (checked by `load_errors`), at its file and key, with what to write instead.
#[test]
fn every_kind_of_problem_is_said_in_french_with_its_fix() {
    struct Break {
        file: &'static str,
        from: &'static str,
        to: &'static str,
        at: &'static str,
        says: &'static [&'static str],
    }
    let breaks = [
        Break {
            file: CASE,
            from: "id = \"arbre-cadeau\"",
            to: "id = \"Arbre Cadeau\"",
            at: "id",
            says: &["« Arbre Cadeau » n’est pas un identifiant de cas", "minuscules"],
        },
        Break {
            file: CASE,
            from: "[[dossiers]]\nid = \"2\"",
            to: "[[dossiers]]\nid = \"1\"",
            at: "dossiers[1].id",
            says: &["le dossier « 1 » est déclaré deux fois"],
        },
        Break {
            file: ANNEXES,
            from: "a3_clicks = {",
            to: "A3_clicks = {",
            at: "values.A3_clicks",
            says: &["identifiant de valeur incorrect", "en commençant par une lettre"],
        },
        Break {
            file: ANNEXES,
            from: "annex = 3, value = \"3695\"",
            to: "annex = 12, value = \"3695\"",
            at: "values.a3_clicks.annex",
            says: &["l’annexe 12 n’est pas déclarée sous [[annexes]]"],
        },
        Break {
            file: ANNEXES,
            from: "annex = 3, value = \"3695\"",
            to: "annex = 300, value = \"3695\"",
            at: "values.a3_clicks",
            says: &["valeur refusée : « 300 »", "un nombre entier de 0 à 255"],
        },
        Break {
            file: ANNEXES,
            from: "number = 3\n",
            to: "number = 2\n",
            at: "annexes[2].number",
            says: &["l’annexe 2 est déclarée deux fois"],
        },
        Break {
            file: ANNEXES,
            from: "id = \"google_ads\"\ntitle = \"Google Ads – période du 1er janvier au 25 août 2020\"\ncolumns = [\"Indicateur\", \"Résultat\"]",
            to: "id = \"google_ads\"\ntitle = \"Google Ads – période du 1er janvier au 25 août 2020\"\ncolumns = []",
            at: "annexes[2].tables[0].columns",
            says: &["un tableau a au moins une colonne"],
        },
        Break {
            file: ANNEXES,
            from: "value = \"5865.15\"",
            to: "value = \"5865,15\"",
            at: "values.a3_revenue",
            says: &[
                "« 5865,15 » n’est pas un nombre lisible",
                "écrivez \"5865.15\" (point décimal)",
            ],
        },
        Break {
            file: ANNEXES,
            from: "value = \"3695\", unit = \"count\"",
            to: "value = \"3695\", unit = \"clics\"",
            at: "values.a3_clicks",
            says: &["valeur inconnue `clics`", "valeurs possibles : `count`, `eur`"],
        },
        Break {
            file: KPIS,
            from: "[kpis.a3_ctr]",
            to: "[kpis.A3_ctr]",
            at: "kpis.A3_ctr",
            says: &["identifiant d’indicateur incorrect"],
        },
        Break {
            file: KPIS,
            from: "[kpis.a3_ctr]",
            to: "[kpis.a3_clicks]",
            at: "kpis.a3_clicks",
            says: &["« a3_clicks » est déjà l’identifiant d’une valeur", "renommez"],
        },
        Break {
            file: KPIS,
            from: "label = \"Taux de clic Google Ads\"\n",
            to: "",
            at: "kpis.a3_ctr",
            says: &["il manque le champ `label`", "ajoutez la ligne label = …"],
        },
        Break {
            file: KPIS,
            from: "formula = \"a3_clicks / a3_impressions * 100\"\nunit = \"percent\"\nprecision = 2",
            to: "formula = \"a3_clicks / a3_impressions * 100\"\nunit = \"percent\"\nprecision = \"2\"",
            at: "kpis.a3_ctr",
            says: &["un texte (\"2\") trouvé", "écrivez 2, sans guillemets"],
        },
        Break {
            file: KPIS,
            from: "formula = \"a3_clicks / a3_impressions * 100\"\nunit = \"percent\"\nprecision = 2",
            to: "formula = \"a3_clicks / a3_impressions * 100\"\nunit = \"percent\"\nprecision = 7",
            at: "kpis.a3_ctr.precision",
            says: &["6 décimales au plus", "une précision de 0 à 6"],
        },
        Break {
            file: KPIS,
            from: "formula = \"a3_clicks / a3_impressions * 100\"\nunit = \"percent\"\n",
            to: "formula = \"a3_clicks / a3_impressions * 100\"\nunit = \"percent\"\ntolerance = \"-1\"\n",
            at: "kpis.a3_ctr.tolerance",
            says: &["une tolérance ne peut pas être négative"],
        },
        Break {
            file: KPIS,
            from: "formula = \"a3_clicks / a3_impressions * 100\"\nunit = \"percent\"\n",
            to: "formula = \"a3_clicks / a3_impressions * 100\"\n",
            at: "kpis.a3_ctr.unit",
            says: &["une formule a besoin d’une unité", "ajoutez unit = \"count\""],
        },
        Break {
            file: KPIS,
            from: "formula = \"a3_clicks / a3_impressions * 100\"\n",
            to: "formula = \"a3_clicks / a3_impressions * 100\"\nevolution = { from = \"a3_clicks\", to = \"a3_sales\" }\n",
            at: "kpis.a3_ctr",
            says: &["une seule des clés formula, evolution ou difference"],
        },
        Break {
            file: KPIS,
            from: "evolution = { from = \"a2_users_2019\", to = \"a2_users_2020\" }",
            to: "evolution = { from = \"a2_users_2018\", to = \"a2_users_2020\" }",
            at: "kpis.a2_users_evol.evolution",
            says: &["identifiant inconnu : « a2_users_2018 »"],
        },
        Break {
            file: KPIS,
            from: "evolution = { from = \"a2_users_2019\", to = \"a2_users_2020\" }",
            to: "evolution = { from = \"a2_users_2019\", to = \"a2_users_2020\" }\nunit = \"eur\"",
            at: "kpis.a2_users_evol.unit",
            says: &["une évolution s’exprime en pourcentage", "unit = \"percent\""],
        },
        Break {
            file: KPIS,
            from: "difference = { from = \"a2_bounce_2019\", to = \"a2_bounce_2020\" }",
            to: "difference = { from = \"a2_duration_2019\", to = \"a2_bounce_2020\" }",
            at: "kpis.a2_bounce_diff.difference",
            says: &["« from » et « to » doivent avoir la même unité"],
        },
        Break {
            file: KPIS,
            from: "message = \"mistake.a4_total_cost.clicks\"",
            to: "message = \"mistake.nope\"",
            at: "kpis.a4_total_cost.mistakes[0].message",
            says: &["aucun texte « mistake.nope »", "écrivez l’identifiant du texte"],
        },
        Break {
            file: KPIS,
            from: "formula = \"a3_clicks / a3_impressions * 100\"",
            to: "formula = \"a3_clicks / a3_impressions % 100\"",
            at: "kpis.a3_ctr.formula",
            says: &["au caractère 28 : caractère inattendu « % »", "+ - * /"],
        },
        Break {
            file: KPIS,
            from: "formula = \"a3_clicks / a3_impressions * 100\"",
            to: "formula = \"a3_clicks / a3_impressions * 1,5\"",
            at: "kpis.a3_ctr.formula",
            says: &["au caractère 31 : caractère inattendu « , »"],
        },
        Break {
            file: KPIS,
            from: "formula = \"a3_clicks / a3_impressions * 100\"",
            to: "formula = \"(a3_clicks / a3_impressions * 100\"",
            at: "kpis.a3_ctr.formula",
            says: &["il manque une parenthèse fermante « ) »"],
        },
        Break {
            file: KPIS,
            from: "formula = \"a3_clicks / a3_impressions * 100\"",
            to: "formula = \"a3_clicks / a3_impressions *\"",
            at: "kpis.a3_ctr.formula",
            says: &["la formule s’arrête trop tôt"],
        },
        Break {
            file: KPIS,
            from: "formula = \"a3_clicks / a3_impressions * 100\"",
            to: "formula = \"\"",
            at: "kpis.a3_ctr.formula",
            says: &["la formule est vide"],
        },
        Break {
            file: KPIS,
            from: "formula = \"a3_clicks / a3_impressions * 100\"",
            to: "formula = \"a3_clicks / a3_impressions 100\"",
            at: "kpis.a3_ctr.formula",
            says: &["texte en trop après la fin de la formule"],
        },
        Break {
            file: QUESTIONS,
            from: "id = \"1.2\"\n",
            to: "id = \"1.1\"\n",
            at: "questions[1].id",
            says: &["la question « 1.1 » est déclarée deux fois"],
        },
        Break {
            file: QUESTIONS,
            from: "id = \"1.1\"\ndossier = \"1\"",
            to: "id = \"1.1\"\ndossier = \"9\"",
            at: "questions[0].dossier",
            says: &["le dossier « 9 » n’est pas déclaré dans case.toml"],
        },
        Break {
            file: QUESTIONS,
            from: "points = \"6\"\nannexes = [2]\n",
            to: "points = \"6\"\nannexes = [12]\n",
            at: "questions[0].annexes",
            says: &["l’annexe 12 n’est pas déclarée dans annexes.toml"],
        },
        Break {
            file: QUESTIONS,
            from: "id = \"1.1.b\"",
            to: "id = \"1.1.a\"",
            at: "questions[0].parts[1].id",
            says: &["le calcul « 1.1.a » est déclaré deux fois"],
        },
        Break {
            file: QUESTIONS,
            from: "id = \"1.1.a\"\nkpi = \"a2_users_evol\"\npoints = \"0.25\"",
            to: "id = \"1.1.a\"\nkpi = \"a2_users_evol\"\npoints = \"0\"",
            at: "questions[0].parts[0].points",
            says: &["un calcul vaut plus de 0 point"],
        },
        // Bounds (issue 11): numbers no subject reaches, each with what to write.
        Break {
            file: QUESTIONS,
            from: "id = \"1.1.a\"\nkpi = \"a2_users_evol\"\npoints = \"0.25\"",
            to: "id = \"1.1.a\"\nkpi = \"a2_users_evol\"\npoints = \"79228162514264337593543950335\"",
            at: "questions[0].parts[0].points",
            says: &["79228162514264337593543950335 points : un calcul vaut plus de 0 point et au plus 100 points"],
        },
        Break {
            file: QUESTIONS,
            from: "id = \"1.1.a\"\nkpi = \"a2_users_evol\"\npoints = \"0.25\"",
            to: "id = \"1.1.a\"\nkpi = \"a2_users_evol\"\npoints = \"0.2505\"",
            at: "questions[0].parts[0].points",
            says: &["0.2505 point a 4 décimales, 3 au plus", "arrondissez au millième"],
        },
        Break {
            file: QUESTIONS,
            from: "points = \"6\"\nannexes = [2]\n",
            to: "points = \"-6\"\nannexes = [2]\n",
            at: "questions[0].points",
            says: &["une question vaut plus de 0 point et au plus 100 points"],
        },
        Break {
            file: CASE,
            from: "total_points = \"40\"",
            to: "total_points = \"1000\"",
            at: "total_points",
            says: &["1000 points : un sujet vaut plus de 0 point et au plus 100 points"],
        },
        Break {
            file: ANNEXES,
            from: "value = \"1940\", unit = \"eur\"",
            to: "value = \"1940000000000000\", unit = \"eur\"",
            at: "values.a3_spend.value",
            says: &["1940000000000000 dépasse le plus grand chiffre accepté (1 000 000 000 000 en valeur absolue", "vérifiez l’unité et le nombre de zéros"],
        },
        Break {
            file: ANNEXES,
            from: "value = \"1940\", unit = \"eur\"",
            to: "value = \"1940.0000001\", unit = \"eur\"",
            at: "values.a3_spend.value",
            says: &["1940.0000001 a 7 décimales, 6 au plus", "tel que le sujet l’imprime"],
        },
        Break {
            file: KPIS,
            from: "formula = \"a3_clicks / a3_impressions * 100\"\n",
            to: "formula = \"a3_clicks / a3_impressions * 100000000000000000000000000\"\n",
            at: "kpis.a3_ctr.formula",
            says: &["formule « a3_clicks / a3_impressions * 100000000000000000000000000 » : 100000000000000000000000000 dépasse le plus grand chiffre accepté"],
        },
        Break {
            file: KPIS,
            from: "formula = \"a3_clicks / a3_impressions * 100\"\n",
            to: "formula = \"a3_clicks * a3_impressions * 100000\"\n",
            at: "kpis.a3_ctr",
            says: &["le résultat vaut 7688925500000, au-delà de 1 000 000 000 000", "vérifiez la formule"],
        },
        Break {
            file: KPIS,
            from: "formula = \"a3_clicks / a3_impressions * 100\"\nunit = \"percent\"\nprecision = 2",
            to: "formula = \"a3_clicks / a3_impressions * 100\"\nunit = \"percent\"\nprecision = 2\nmin_decimals = 3",
            at: "kpis.a3_ctr.min_decimals",
            says: &["min_decimals vaut 3, plus que la précision (2)", "écrivez un nombre de 0 à 2, ou retirez min_decimals"],
        },
        Break {
            file: KPIS,
            from: "formula = \"a3_clicks / a3_impressions * 100\"\nunit = \"percent\"\n",
            to: "formula = \"a3_clicks / a3_impressions * 100\"\nunit = \"percent\"\ntolerance = \"10000000000000\"\n",
            at: "kpis.a3_ctr.tolerance",
            says: &["10000000000000 dépasse le plus grand chiffre accepté"],
        },
        Break {
            file: QUESTIONS,
            from: "points = \"6\"\nannexes = [2]\n",
            to: "points = \"0.5\"\nannexes = [2]\n",
            at: "questions[0].parts",
            says: &["plus que les 0.5 points de la question"],
        },
    ];
    for (i, b) in breaks.iter().enumerate() {
        let pack = TempPack::new(&format!("pack_kind_{i}"));
        pack.replace(b.file, b.from, b.to);
        let errors = load_errors(&pack);
        says(find(&errors, b.file, b.at), b.says);
    }
}

/// TOML mistakes are said in French at their line: a key written twice, a text without quotes.
#[test]
fn toml_mistakes_are_said_in_french_at_their_line() {
    for (i, (from, to, says_what)) in [
        (
            "label = \"Taux de clic Google Ads\"",
            "label = \"Taux de clic Google Ads\"\nlabel = \"encore\"",
            "clé déjà définie plus haut",
        ),
        (
            "label = \"Taux de clic Google Ads\"",
            "label = Taux de clic",
            "écrivez la valeur, un texte entre guillemets",
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let pack = TempPack::new(&format!("pack_toml_{i}"));
        let line = pack.line_of(KPIS, from) + usize::from(i == 0);
        pack.replace(KPIS, from, to);
        let errors = load_errors(&pack);
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert!(
            errors[0]
                .location
                .starts_with(&format!("ligne {line}, colonne ")),
            "{errors:#?}"
        );
        says(&errors[0], &[says_what]);
    }
}

/// Problems of the case's texts: a text defined twice, a value that is not a text, a brace
/// left open. Each is said in French at its file and id, with the fix.
#[test]
fn text_problems_are_said_in_french_with_their_fix() {
    let text_case = "prompts/cases/arbre-cadeau/case.toml";
    for (i, (added, file, at, says_what)) in [
        (
            // Reported where it comes second: questions.toml, read after case.toml.
            "\n[question.\"1.1\"]\nstatement = \"encore\"\n",
            TEXT_QUESTIONS,
            "question.1.1.statement",
            &[
                "ce texte est déjà défini dans",
                "gardez une seule définition",
            ][..],
        ),
        (
            "\n[extra]\nnombre = 3\n",
            text_case,
            "extra.nombre",
            &["un texte entre guillemets est attendu, pas un nombre entier"][..],
        ),
        (
            "\n[extra]\nouvert = \"le taux {kpi.a3_ctr vaut\"\n",
            text_case,
            "extra.ouvert",
            &[
                "n’est jamais fermé",
                "ajoutez « } »",
                "« {{ » pour une accolade",
            ][..],
        ),
        (
            "\n[extra]\nferme = \"le taux } vaut\"\n",
            text_case,
            "extra.ferme",
            &["ne ferme rien", "retirez-le"][..],
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let pack = TempPack::new(&format!("pack_texts_{i}"));
        let path = pack.dir.path.join(text_case);
        let mut src = std::fs::read_to_string(&path).expect("read the texts");
        src.push_str(added);
        std::fs::write(&path, src).expect("write the texts");
        let errors = load_errors(&pack);
        says(find(&errors, file, at), says_what);
    }
}

/// A figure written the French way, or with its unit, is said once with what to write: as a
/// text (`value = "12,5"`, read and refused) or as a bare TOML number (`value = 12,5`, which
/// the TOML parser cannot read: the file stops there, at its line).
#[test]
fn value_typos_are_said_with_their_fix() {
    let quoted: [(&str, &str, &[&str]); 5] = [
        (
            "value = \"5865.15\"",
            "value = \"5865,15\"",
            &["« 5865,15 » n’est pas un nombre lisible : écrivez \"5865.15\" (point décimal)"],
        ),
        (
            "value = \"274630\"",
            "value = \"274 630\"",
            &["« 274 630 » n’est pas un nombre lisible : écrivez \"274630\" (sans séparateur de milliers)"],
        ),
        (
            "value = \"31.4\"",
            "value = \"31,4 %\"",
            &["écrivez \"31.4\" (point décimal, sans « % » : unit = \"percent\" dit déjà que c’est un pourcentage)"],
        ),
        (
            "value = \"1596\"",
            "value = \"1596 €\"",
            &["écrivez \"1596\" (sans « € » : unit = \"eur\" dit déjà que c’est un montant)"],
        ),
        (
            "value = \"1940\"",
            "value = \"1,94 k€\"",
            &["écrivez \"1940\" (point décimal, en euros, « k€ » valant 1 000 €", "shown = \"…\""],
        ),
    ];
    for (i, (from, to, said)) in quoted.into_iter().enumerate() {
        let pack = TempPack::new(&format!("pack_value_typo_{i}"));
        pack.replace(ANNEXES, from, to);
        let errors = load_errors(&pack);
        assert_eq!(errors.len(), 1, "{to}: {errors:#?}");
        assert!(errors[0].location.starts_with("values."), "{errors:#?}");
        says(&errors[0], said);
    }
    let bare: [(&str, &str, &str); 3] = [
        (
            "value = \"5865.15\"",
            "value = 5865,15",
            "`value = 5865,15` n’est pas un nombre lisible : écrivez `value = \"5865.15\"` (point décimal)",
        ),
        (
            "value = \"274630\"",
            "value = 274 630",
            "`value = 274 630` n’est pas un nombre lisible : écrivez `value = \"274630\"` (sans séparateur de milliers)",
        ),
        (
            "value = \"31.4\"",
            "value = 31.4 %",
            "`value = 31.4 %` n’est pas un nombre lisible : écrivez `value = \"31.4\"` (sans « % »",
        ),
    ];
    for (i, (from, to, said)) in bare.into_iter().enumerate() {
        let pack = TempPack::new(&format!("pack_value_typo_bare_{i}"));
        let line = pack.line_of(ANNEXES, from);
        pack.replace(ANNEXES, from, to);
        let errors = load_errors(&pack);
        assert_eq!(errors.len(), 1, "{to}: {errors:#?}");
        assert!(
            errors[0]
                .location
                .starts_with(&format!("ligne {line}, colonne ")),
            "{errors:#?}"
        );
        says(&errors[0], &[said]);
    }
    // The same reading helps every decimal of a pack: a tolerance, points.
    let pack = TempPack::new("pack_points_typo");
    pack.replace(
        QUESTIONS,
        "id = \"1.1.a\"\nkpi = \"a2_users_evol\"\npoints = \"0.25\"",
        "id = \"1.1.a\"\nkpi = \"a2_users_evol\"\npoints = 0,25",
    );
    let errors = load_errors(&pack);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    says(
        &errors[0],
        &["`points = 0,25` n’est pas un nombre lisible : écrivez `points = \"0.25\"` (point décimal)"],
    );
}

/// One wrong figure is said once: the KPIs computed from it (directly, through other KPIs, by
/// an evolution or a difference, in a declared mistake) are not reported as failing because of
/// it, and the rest of the pack is still checked, so an unrelated problem is reported beside it.
#[test]
fn one_wrong_value_is_said_once_and_the_rest_is_still_checked() {
    let unrelated = (
        "Le nombre d’utilisateurs évolue de {kpi.a2_users_evol}",
        "Le nombre d’utilisateurs évolue de {kpi.nope}",
    );
    let breaks: [(&str, &str, &str); 6] = [
        // Unreadable: a3_clicks is used by three KPIs and a declared mistake.
        ("value = \"3695\"", "value = \"3 695\"", "values.a3_clicks"),
        // Used by an evolution, a difference and formulas.
        ("value = \"0.61\"", "value = \"0,61\"", "values.a2_bounce_2019"),
        ("value = \"37923\"", "value = \"37,923\"", "values.a2_users_2019"),
        // Out of bounds: KPIs computed from it would be out of bounds too.
        (
            "value = \"20809\"",
            "value = \"20809000000000000\"",
            "values.a3_impressions.value",
        ),
        // A unit that does not exist: the difference of two rates is not blamed for it.
        (
            "value = \"0.61\", unit = \"percent\"",
            "value = \"0.61\", unit = \"pourcent\"",
            "values.a2_bounce_2019",
        ),
        // Not a table at all.
        (
            "a3_sales = { label = \"Ventes Google Ads\", annex = 3, value = \"124\", unit = \"count\" }",
            "a3_sales = \"124\"",
            "values.a3_sales",
        ),
    ];
    for (i, (from, to, at)) in breaks.into_iter().enumerate() {
        let pack = TempPack::new(&format!("pack_cascade_{i}"));
        pack.replace(ANNEXES, from, to);
        pack.replace(TEXT_QUESTIONS, unrelated.0, unrelated.1);
        let errors = load_errors(&pack);
        let locations: Vec<&str> = errors.iter().map(|e| e.location.as_str()).collect();
        assert_eq!(
            locations,
            [at, "part.1.1.a.commentary"],
            "{to}: {errors:#?}"
        );
        find(&errors, ANNEXES, at);
    }
    // A figure that makes a division by zero is a right figure that a KPI cannot use: that
    // KPI is blamed (see a_division_by_zero_names_the_kpis), not the figure.
}
