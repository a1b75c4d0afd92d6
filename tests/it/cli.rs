//! The command line, in process (`casebot::cli::run`) and through the real binary for exit
//! statuses. JSON outputs are parsed and their documented fields checked.

use crate::helpers::{root, TempPack};
use casebot::cli::{run, Cli};
use clap::Parser;
use serde_json::Value;
use std::process::{Command, ExitCode};

/// Runs the CLI in process on the bundled packs; returns the exit status and what it printed.
fn cli(args: &[&str]) -> (ExitCode, String) {
    let cases = root().join("config/cases");
    let messages = root().join("prompts/fr");
    let mut argv: Vec<String> = vec![
        "casebot".into(),
        "--cases-dir".into(),
        cases.display().to_string(),
        "--messages-dir".into(),
        messages.display().to_string(),
    ];
    argv.extend(args.iter().map(|a| a.to_string()));
    let mut out: Vec<u8> = Vec::new();
    let code = match run(Cli::parse_from(argv), &mut out) {
        Ok(code) => code,
        Err(e) => panic!("casebot {args:?} failed: {e:#}"),
    };
    (code, String::from_utf8(out).expect("UTF-8 output"))
}

/// Runs the CLI in process and parses its output as JSON.
fn cli_json(args: &[&str]) -> Value {
    let (code, out) = cli(args);
    assert_eq!(code, ExitCode::SUCCESS, "casebot {args:?}: {out}");
    match serde_json::from_str(&out) {
        Ok(v) => v,
        Err(e) => panic!("casebot {args:?} printed no JSON ({e}): {out}"),
    }
}

/// Runs the real binary from the repository root.
fn binary(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_casebot"))
        .args(args)
        .current_dir(root())
        .env_remove("CASEBOT_CASES_DIR")
        .env_remove("CASEBOT_MESSAGES_DIR")
        .env_remove("CASEBOT_CASE")
        .output()
        .expect("the casebot binary runs")
}

fn keys(v: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = v
        .as_object()
        .expect("a JSON object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

// ------------------------------------------------------------------------------------------
// In process.

#[test]
fn kpi_list_prints_every_kpi() {
    let (code, out) = cli(&["kpi", "list"]);
    assert_eq!(code, ExitCode::SUCCESS);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("85 indicateurs calculables dans le cas « Arbre-cadeau » :")
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 85);
    let ctr = rows
        .iter()
        .find(|l| l.starts_with("a3_ctr "))
        .expect("a3_ctr is listed");
    assert!(ctr.contains("17,76\u{A0}%"), "{ctr}");
    assert!(ctr.contains("Taux de clic Google Ads"), "{ctr}");
}

#[test]
fn kpi_list_json_has_the_documented_fields() {
    let v = cli_json(&["kpi", "list", "--json"]);
    let list = v.as_array().expect("an array");
    assert_eq!(list.len(), 85);
    for item in list {
        for key in ["id", "label", "unit", "value", "exact", "text", "annexes"] {
            assert!(item.get(key).is_some(), "{key} missing in {item}");
        }
        assert!(item["value"].is_string(), "{item}");
        assert!(item["exact"].is_string(), "{item}");
        assert!(item["annexes"].is_array(), "{item}");
    }
    let ctr = list
        .iter()
        .find(|i| i["id"] == "a3_ctr")
        .expect("a3_ctr listed");
    assert_eq!(ctr["label"], "Taux de clic Google Ads");
    assert_eq!(ctr["unit"], "percent");
    assert_eq!(ctr["value"], "17.76");
    assert_eq!(ctr["text"], "17,76\u{A0}%");
    assert_eq!(ctr["annexes"], serde_json::json!([3]));
    assert!(
        ctr["exact"]
            .as_str()
            .is_some_and(|e| e.starts_with("17.7567398721")),
        "{ctr}"
    );
    let revenue = list
        .iter()
        .find(|i| i["id"] == "a7_revenue_month")
        .expect("listed");
    assert_eq!(revenue["annexes"], serde_json::json!([5, 7]));
    assert_eq!(revenue["unit"], "eur");
    assert_eq!(revenue["value"], "14613.33");
}

#[test]
fn kpi_json_has_the_documented_fields_and_steps() {
    let v = cli_json(&["kpi", "a3_ctr", "--json"]);
    for key in ["id", "label", "unit", "value", "exact", "text", "steps"] {
        assert!(v.get(key).is_some(), "{key} missing in {v}");
    }
    assert_eq!(v["id"], "a3_ctr");
    assert_eq!(v["unit"], "percent");
    assert_eq!(v["value"], "17.76");
    assert_eq!(v["text"], "17,76\u{A0}%");
    let steps = &v["steps"];
    assert_eq!(
        keys(steps),
        vec![
            "calculation",
            "first_step",
            "formula",
            "from_rounded_inputs",
            "inputs",
            "result"
        ]
    );
    assert_eq!(
        steps["formula"],
        "Clics Google Ads ÷ Impressions Google Ads × 100"
    );
    assert_eq!(steps["from_rounded_inputs"], Value::Null);
    let inputs = steps["inputs"].as_array().expect("inputs");
    assert_eq!(inputs.len(), 2);
    assert_eq!(
        keys(&inputs[0]),
        vec!["annex", "computed", "id", "label", "number", "value"]
    );
    assert_eq!(inputs[0]["id"], "a3_clicks");
    assert_eq!(inputs[0]["annex"], 3);
    assert_eq!(inputs[0]["computed"], false);

    let v = cli_json(&["kpi", "a7_revenue_month", "--json"]);
    assert_eq!(v["steps"]["from_rounded_inputs"], "14\u{202F}613,32\u{A0}€");
    assert_eq!(v["steps"]["inputs"][0]["computed"], true);
    assert_eq!(v["steps"]["inputs"][0]["annex"], Value::Null);
}

#[test]
fn kpi_prints_the_worked_answer() {
    let (code, out) = cli(&["kpi", "a3_ctr"]);
    assert_eq!(code, ExitCode::SUCCESS);
    assert!(
        out.starts_with("**Taux de clic Google Ads** = **17,76\u{A0}%**"),
        "{out}"
    );
    assert!(
        out.contains("- Clics Google Ads : 3\u{202F}695 (annexe 3)"),
        "{out}"
    );
    assert!(
        out.contains("Calcul : 3\u{202F}695 ÷ 20\u{202F}809 × 100 = **17,76\u{A0}%**"),
        "{out}"
    );
}

#[test]
fn unknown_kpi_exits_2() {
    for args in [["kpi", "nope"], ["check", "nope"]] {
        let mut args = args.to_vec();
        if args[0] == "check" {
            args.push("17,76 %");
        }
        let (code, out) = cli(&args);
        assert_eq!(code, ExitCode::from(2), "{args:?}");
        assert_eq!(
            out.trim_end(),
            "Je ne connais pas l’indicateur « nope ». Essaie par exemple « taux de clic », « CPM » ou « panier moyen B to C » (sur Discord, /kpi propose la liste ; en ligne de commande : casebot kpi list)."
        );
    }
}

#[test]
fn check_json_has_the_documented_fields() {
    let v = cli_json(&["check", "a3_ctr", "17,76 %", "--json"]);
    assert_eq!(
        keys(&v),
        vec![
            "exact",
            "expected",
            "expected_text",
            "given",
            "kpi",
            "message",
            "mistake",
            "unit",
            "verdict"
        ]
    );
    assert_eq!(v["kpi"], "a3_ctr");
    assert_eq!(v["verdict"], "correct");
    assert_eq!(v["expected"], "17.76");
    assert_eq!(v["expected_text"], "17,76\u{A0}%");
    assert!(v["exact"]
        .as_str()
        .is_some_and(|e| e.starts_with("17.7567")));
    assert_eq!(v["given"], "17.76");
    assert_eq!(v["unit"], "percent");
    assert_eq!(v["mistake"], Value::Null);
    assert_eq!(v["message"], "✅ Juste : **17,76\u{A0}%**.");
}

#[test]
fn check_json_for_each_verdict() {
    let v = cli_json(&["check", "a3_ctr", "0,1776", "--json"]);
    assert_eq!(v["verdict"], "wrong");
    assert_eq!(v["mistake"], "ratio_for_percent");
    assert_eq!(v["given"], "0.1776");

    let v = cli_json(&["check", "a3_ctr", "17,75 %", "--json"]);
    assert_eq!(v["verdict"], "close");
    assert_eq!(v["mistake"], Value::Null);

    let v = cli_json(&["check", "a3_ctr", "17,76 €", "--json"]);
    assert_eq!(v["verdict"], "invalid");
    assert_eq!(v["given"], Value::Null);
    assert_eq!(v["mistake"], Value::Null);
    assert_eq!(
        v["message"],
        "Cette unité ne convient pas : ici on attend un pourcentage (%). Cette réponse ne te coûte rien : réessaie."
    );

    let v = cli_json(&["check", "a3_ctr", "", "--json"]);
    assert_eq!(v["verdict"], "invalid");
    assert_eq!(v["given"], Value::Null);

    // A leading minus is an answer, not an option.
    let v = cli_json(&["check", "a3_margin_minus_spend", "-700,00 €", "--json"]);
    assert_eq!(v["verdict"], "correct");
    assert_eq!(v["given"], "-700.00");
    assert_eq!(v["expected_text"], "\u{2212}700,00\u{A0}€");

    let v = cli_json(&["check", "a2_users_evol", "132,63 %", "--json"]);
    assert_eq!(v["mistake"], "coefficient");
    let v = cli_json(&["check", "a2_bounce_diff", "131,15 %", "--json"]);
    assert_eq!(v["mistake"], "percent_for_points");
    assert_eq!(v["unit"], "points");
}

#[test]
fn check_prints_the_message() {
    let (code, out) = cli(&["check", "a3_ctr", "17,76 %"]);
    assert_eq!(code, ExitCode::SUCCESS);
    assert_eq!(out, "✅ Juste : **17,76\u{A0}%**.\n");
    let (code, out) = cli(&["check", "a3_ctr", "douze"]);
    assert_eq!(code, ExitCode::SUCCESS);
    assert!(out.contains("Je ne trouve pas de nombre"), "{out}");
}

#[test]
fn annex_2_as_the_bot_shows_it() {
    let (code, out) = cli(&["annex", "2"]);
    assert_eq!(code, ExitCode::SUCCESS);
    insta::assert_snapshot!("annex_2", out);
}

#[test]
fn annex_json() {
    let v = cli_json(&["annex", "3", "--json"]);
    assert_eq!(keys(&v), vec!["number", "source", "text", "title"]);
    assert_eq!(v["number"], 3);
    assert_eq!(
        v["source"],
        "Source : Agence de webmarketing prestataire de l'entreprise"
    );
    let text = v["text"].as_str().expect("text");
    // The subject's own writing of the spend.
    assert!(text.contains("- Montant dépensé : **1,94 k€**"), "{text}");
    assert!(text.contains("- Impressions : **20\u{202F}809**"), "{text}");
}

#[test]
fn question_1_1_as_the_bot_shows_it() {
    let (code, out) = cli(&["question", "1.1"]);
    assert_eq!(code, ExitCode::SUCCESS);
    insta::assert_snapshot!("question_1_1", out);
}

#[test]
fn question_part_1_1_a_as_the_bot_shows_it() {
    let (code, out) = cli(&["question", "1.1.a"]);
    assert_eq!(code, ExitCode::SUCCESS);
    insta::assert_snapshot!("question_1_1_a", out);
}

#[test]
fn question_json_and_open_questions() {
    let v = cli_json(&["question", "1.2.a", "--json"]);
    assert_eq!(keys(&v), vec!["id", "text"]);
    assert_eq!(v["id"], "1.2.a");
    let (code, out) = cli(&["question", "R"]);
    assert_eq!(code, ExitCode::SUCCESS);
    assert!(out.starts_with("**Question R** (8 points)"), "{out}");
    assert!(
        out.contains("Question rédigée : pas de calcul à vérifier"),
        "{out}"
    );
}

#[test]
fn unknown_annex_and_question_exit_2_in_french() {
    let (code, out) = cli(&["annex", "10"]);
    assert_eq!(code, ExitCode::from(2));
    assert_eq!(
        out.trim_end(),
        "Il n’y a pas d’annexe 10 : les annexes vont de 1 à 9."
    );
    let (code, out) = cli(&["question", "9.9"]);
    assert_eq!(code, ExitCode::from(2));
    assert_eq!(
        out.trim_end(),
        "Je ne connais pas la question « 9.9 ». Questions du cas : 1.1, 1.2, 1.3, 2.1, 2.2, 2.3, 2.4, R."
    );
}

#[test]
fn validate_the_bundled_packs() {
    let (code, out) = cli(&["validate"]);
    assert_eq!(code, ExitCode::SUCCESS, "{out}");
    assert!(
        out.starts_with("OK : cas « arbre-cadeau » – 9 annexes, 85 indicateurs, 8 questions, "),
        "{out}"
    );
    let pack = root().join("config/cases/arbre-cadeau");
    let (code, out) = cli(&["validate", &pack.display().to_string()]);
    assert_eq!(code, ExitCode::SUCCESS, "{out}");
}

#[test]
fn case_command_presents_the_case() {
    let (code, out) = cli(&["case"]);
    assert_eq!(code, ExitCode::SUCCESS);
    assert!(out.starts_with("Arbre-cadeau – BTS NDRC"), "{out}");
    assert!(out.contains("(session 2021, 21-NDRCU5-P)"), "{out}");
    assert!(out.contains("- 1.1 (6 points)"), "{out}");
}

// ------------------------------------------------------------------------------------------
// The real binary: exit statuses.

#[test]
fn binary_check_exits_0_for_every_verdict() {
    for (answer, verdict) in [
        ("17,76 %", "correct"),
        ("17,75 %", "close"),
        ("0,1776", "wrong"),
        ("20 %", "wrong"),
        ("17,76 €", "invalid"),
        ("", "invalid"),
        ("-17,76 %", "wrong"),
    ] {
        let out = binary(&["check", "a3_ctr", answer, "--json"]);
        assert_eq!(out.status.code(), Some(0), "{answer:?}: {out:?}");
        let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert_eq!(v["verdict"], verdict, "{answer:?}");
    }
}

#[test]
fn binary_unknown_names_exit_2() {
    for args in [
        vec!["check", "nope", "17,76 %"],
        vec!["kpi", "nope"],
        vec!["annex", "10"],
        vec!["question", "9.9"],
    ] {
        let out = binary(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        assert!(!out.stdout.is_empty(), "{args:?}: says nothing");
    }
}

#[test]
fn binary_validate_exits_non_zero_on_a_broken_pack() {
    let pack = TempPack::new("binary_validate_broken");
    pack.replace(
        "config/cases/arbre-cadeau/kpis.toml",
        "formula = \"a3_clicks / a3_impressions * 100\"",
        "formula = \"a3_clicks / a3_impresions * 100\"",
    );
    let out = binary(&["validate", &pack.pack_dir().display().to_string()]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("kpis.toml"), "{text}");
    assert!(text.contains("kpis.a3_ctr.formula"), "{text}");
    assert!(text.contains("a3_impresions"), "{text}");

    let out = binary(&["validate"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}

#[test]
fn binary_fails_on_missing_folders() {
    let out = binary(&["--cases-dir", "no/such/folder", "kpi", "list"]);
    assert_ne!(out.status.code(), Some(0), "{out:?}");
    assert!(!out.stderr.is_empty());
}
