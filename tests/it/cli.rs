//! The command line, in process (`casebot::cli::run`) and through the real binary for exit
//! statuses. JSON outputs are parsed and their documented fields checked.

use crate::helpers::{root, TempDir, TempPack};
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
            "Aucun indicateur du sujet ne s’appelle « nope ». Par exemple : « CTR », « coût par achat » ou « Taux de conversion du post Facebook » (sur Discord, /kpi propose la liste en cours de frappe)."
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
    assert!(text.starts_with("Erreur : le cas du dossier "), "{text}");
    assert!(text.contains("1 problème à corriger :\n"), "{text}");
    assert!(
        text.contains("identifiant inconnu : a3_impresions (écrivez un identifiant de [values]"),
        "{text}"
    );
    assert!(
        text.contains("Après correction, vérifiez avec : casebot validate "),
        "{text}"
    );
    no_english("validate", &text);

    let out = binary(&["validate"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}

/// `casebot validate` on a figure written the French way: one problem, with what to write,
/// and none for the KPIs computed from it.
#[test]
fn binary_validate_says_a_french_figure_once_with_its_fix() {
    let pack = TempPack::new("binary_validate_french_figure");
    pack.replace(
        "config/cases/arbre-cadeau/annexes.toml",
        "value = \"0.61\"",
        "value = \"0,61 %\"",
    );
    let out = binary(&["validate", &pack.pack_dir().display().to_string()]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("1 problème à corriger :\n"), "{text}");
    assert!(
        text.contains("annexes.toml : values.a2_bounce_2019 : « 0,61 % » n’est pas un nombre lisible : écrivez \"0.61\" (point décimal, sans « % »"),
        "{text}"
    );
    no_english("validate", &text);
}

#[test]
fn binary_fails_on_missing_folders() {
    let out = binary(&["--cases-dir", "no/such/folder", "kpi", "list"]);
    assert_ne!(out.status.code(), Some(0), "{out:?}");
    assert!(!out.stderr.is_empty());
}

// ------------------------------------------------------------------------------------------
// French for the teacher: help, clap's errors, start-up errors.

/// Words of clap's English help and errors, and of the English messages casebot had: none may
/// reach a teacher.
const ENGLISH: [&str; 27] = [
    "Usage",
    "Options:",
    "Commands:",
    "Arguments:",
    "Print",
    "error:",
    "unexpected",
    "tip:",
    "For more",
    "[default",
    "[env",
    "possible values",
    "required",
    "[COMMAND]",
    "<COMMAND>",
    "found",
    "invalid",
    "Shows",
    "Runs",
    "Loads",
    "Checks",
    "the ",
    "Folder",
    "cannot",
    "No such",
    "os error",
    "ERROR",
];

fn no_english(what: &str, text: &str) {
    for word in ENGLISH {
        assert!(!text.contains(word), "{what}: English {word:?} in:\n{text}");
    }
    crate::helpers::assert_french(what, text);
}

/// Every command's words (`["linkedin", "check"]`), from the command line's own definition.
fn every_command() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, path: Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(path.clone());
        for sub in cmd.get_subcommands() {
            let mut p = path.clone();
            p.push(sub.get_name().to_string());
            walk(sub, p, out);
        }
    }
    let mut out = Vec::new();
    walk(&casebot::cli::command(), Vec::new(), &mut out);
    out
}

#[test]
fn binary_help_of_every_command_is_french() {
    let commands = every_command();
    assert!(commands.len() > 12, "{commands:?}");
    for path in commands {
        for flag in ["--help", "-h"] {
            let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
            args.push(flag);
            let out = binary(&args);
            let text = String::from_utf8_lossy(&out.stdout).to_string();
            assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
            assert!(out.stderr.is_empty(), "{args:?}: {out:?}");
            assert!(
                text.contains("\nUtilisation : casebot"),
                "{args:?}:\n{text}"
            );
            assert!(text.contains("\nOptions :\n"), "{args:?}:\n{text}");
            assert!(text.contains("Affiche cette aide"), "{args:?}:\n{text}");
            no_english(&format!("{args:?}"), &text);
        }
    }
    let out = binary(&["--help"]);
    let text = String::from_utf8_lossy(&out.stdout);
    for words in [
        "Commandes :",
        "kpi ",
        "validate ",
        "[par défaut : config/cases ; variable CASEBOT_CASES_DIR]",
        "Lancez casebot depuis le dossier du projet",
        "GUIDE-ENSEIGNANT.md",
    ] {
        assert!(text.contains(words), "{words:?} not in:\n{text}");
    }
    let out = binary(&["kpi", "--help"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Utilisation : casebot kpi [OPTIONS] <INDICATEUR>"),
        "{text}"
    );
    assert!(text.contains("Arguments :\n  <INDICATEUR>"), "{text}");
    let out = binary(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("casebot "));
}

#[test]
fn binary_command_line_mistakes_are_said_in_french() {
    for (args, says, usage) in [
        (
            vec!["--nope"],
            "Erreur : option ou argument inattendu : « --nope ».",
            "casebot [OPTIONS] [COMMANDE]",
        ),
        (
            vec!["kpis"],
            "Erreur : commande inconnue : « kpis ». Vouliez-vous dire « kpi » ?",
            "casebot [OPTIONS] [COMMANDE]",
        ),
        (
            vec!["help"],
            "Erreur : commande inconnue : « help ».",
            "casebot [OPTIONS] [COMMANDE]",
        ),
        (
            vec!["kpi"],
            "Erreur : il manque : <INDICATEUR>.",
            "casebot kpi [OPTIONS] <INDICATEUR>",
        ),
        (
            vec!["check", "a3_ctr"],
            "Erreur : il manque : <RÉPONSE>.",
            "casebot check [OPTIONS] <INDICATEUR> <RÉPONSE>",
        ),
        (
            vec!["annex", "deux"],
            "Erreur : « deux » ne convient pas pour <NUMÉRO> : écrivez un nombre entier, par exemple 2.",
            "casebot annex [OPTIONS] <NUMÉRO>",
        ),
        (
            vec!["check", "--jsn", "a3_ctr", "17"],
            "Erreur : option ou argument inattendu : « --jsn ». Vouliez-vous dire « --json » ?",
            "casebot check [OPTIONS] <INDICATEUR> <RÉPONSE>",
        ),
        (
            vec!["console", "--teacher"],
            "Erreur : il manque la valeur de --teacher <NOM>.",
            "casebot console [OPTIONS]",
        ),
        (
            vec!["linkedin", "check"],
            "Erreur : il manque : <FICHIER>.",
            "casebot linkedin check [OPTIONS] <FICHIER>",
        ),
    ] {
        let out = binary(&args);
        let text = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        assert!(out.stdout.is_empty(), "{args:?}: {out:?}");
        assert!(text.starts_with(says), "{args:?}:\n{text}");
        assert!(
            text.contains(&format!("\n\nUtilisation : {usage}\n")),
            "{args:?}:\n{text}"
        );
        assert!(text.contains("\nPour en savoir plus : casebot"), "{text}");
        no_english(&format!("{args:?}"), &text);
    }
    // A command that needs its subcommand shows its help, in French.
    let out = binary(&["linkedin"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("Commandes :\n  models"), "{text}");
    no_english("linkedin", &text);
}

/// Runs the binary in `dir` with no casebot variable set, standard input empty.
fn binary_in(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_casebot"))
        .args(args)
        .current_dir(dir)
        .env_remove("CASEBOT_CASES_DIR")
        .env_remove("CASEBOT_MESSAGES_DIR")
        .env_remove("CASEBOT_CASE")
        .env_remove("CASEBOT_DB")
        .env_remove("CASEBOT_PLAY_CONFIG")
        .env_remove("DISCORD_TOKEN")
        .env_remove("RUST_LOG")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("the casebot binary runs")
}

#[test]
fn binary_start_up_errors_say_what_to_do_in_french() {
    let tmp = crate::helpers::TempDir::new("cli_start_up");
    let here = tmp.path.clone();
    let root = root();
    let cases = root.join("config/cases").display().to_string();
    let messages = root.join("prompts/fr").display().to_string();
    let play = root.join("config/play.toml").display().to_string();
    let bad_play = here.join("play.toml");
    std::fs::write(&bad_play, "[quiz]\npodium_size = \"3\"\n").expect("write");
    let bad_play = bad_play.display().to_string();
    let not_a_folder = here.join("file");
    std::fs::write(&not_a_folder, "x").expect("write");
    let db_under_a_file = not_a_folder.join("c.db").display().to_string();
    let not_a_db = here.join("notes.db");
    std::fs::write(&not_a_db, "not a database, just notes").expect("write");
    let not_a_db = not_a_db.display().to_string();
    let db = here.join("c.db").display().to_string();
    let base = |extra: &[&str]| -> Vec<String> {
        let mut v: Vec<String> = vec![
            "--cases-dir".into(),
            cases.clone(),
            "--messages-dir".into(),
            messages.clone(),
        ];
        v.extend(extra.iter().map(|s| s.to_string()));
        v
    };
    for (what, args, says) in [
        (
            "started from another folder",
            vec!["kpi".to_string(), "list".to_string()],
            vec![
                "Erreur : dossier des textes du bot introuvable : prompts/fr.",
                "Lancez casebot depuis le dossier du projet (celui qui contient config/ et prompts/)",
                "--messages-dir DOSSIER",
            ],
        ),
        (
            "a wrong texts folder",
            vec!["--messages-dir".into(), "nowhere".into(), "case".into()],
            vec!["dossier des textes du bot introuvable : nowhere.", "--messages-dir"],
        ),
        (
            "a folder that is not the texts",
            vec![
                "--messages-dir".into(),
                root.join("config").display().to_string(),
                "case".into(),
            ],
            vec![
                "problèmes à corriger :",
                "… et ",
                "Ce dossier contient-il bien les textes du bot (prompts/fr) ?",
            ],
        ),
        (
            "a wrong cases folder",
            vec![
                "--messages-dir".into(),
                messages.clone(),
                "--cases-dir".into(),
                "nowhere".into(),
                "case".into(),
            ],
            vec![
                "dossier des cas nowhere : lecture impossible (introuvable).",
                "--cases-dir DOSSIER",
            ],
        ),
        (
            "a cases folder without a case",
            vec![
                "--messages-dir".into(),
                messages.clone(),
                "--cases-dir".into(),
                here.display().to_string(),
                "case".into(),
            ],
            vec!["aucun cas dans le dossier", "contient case.toml", "--cases-dir DOSSIER"],
        ),
        (
            "no rules of play",
            base(&["--db", &db, "console"]),
            vec![
                "config/play.toml : lecture impossible (introuvable).",
                "--play-config FICHIER",
            ],
        ),
        (
            "broken rules of play",
            base(&["--db", &db, "--play-config", &bad_play, "console"]),
            vec![
                "play.toml : ligne 2, colonne 15 : un texte (\"3\") trouvé",
                "écrivez 3, sans guillemets",
            ],
        ),
        (
            "a database where no folder can be made",
            base(&["--play-config", &play, "--db", &db_under_a_file, "console"]),
            vec![
                "base de données ",
                "ouverture impossible (",
                "--db FICHIER (ou la variable CASEBOT_DB)",
            ],
        ),
        (
            "a file that is not a database",
            base(&["--play-config", &play, "--db", &not_a_db, "console"]),
            vec![
                "ouverture impossible (le fichier ne peut pas être créé, ou ce n’est pas une base casebot).",
                "--db FICHIER",
            ],
        ),
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = binary_in(&here, &args);
        let text = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(out.status.code(), Some(1), "{what}: {out:?}");
        assert!(text.starts_with("Erreur : "), "{what}:\n{text}");
        for words in &says {
            assert!(text.contains(words), "{what}: {words:?} not in:\n{text}");
        }
        assert!(
            !String::from_utf8_lossy(&out.stdout).contains("Console casebot"),
            "{what}: a banner before the error"
        );
        no_english(what, &text);
    }
    // A broken secrets file, a server id that is not one: what to write instead.
    let broken_secrets = here.join("broken-secrets.toml");
    std::fs::write(&broken_secrets, "discord_token = le jeton\n").expect("write");
    let good_secrets = here.join("good-secrets.toml");
    std::fs::write(&good_secrets, "discord_token = \"x\"\n").expect("write");
    for (what, secrets, guild, says) in [
        (
            "broken secrets",
            &broken_secrets,
            None,
            vec![
                "broken-secrets.toml : ligne 1, colonne 17 : ",
                "Ce fichier contient une seule ligne : discord_token = \"le jeton\".",
            ],
        ),
        (
            "a server id that is not one",
            &good_secrets,
            Some("ma-classe"),
            vec![
                "CASEBOT_DISCORD_GUILD vaut « ma-classe » : écrivez l’identifiant du serveur, en chiffres",
            ],
        ),
    ] {
        let secrets = secrets.display().to_string();
        let mut command = Command::new(env!("CARGO_BIN_EXE_casebot"));
        command
            .args(base(&["--db", &db, "--secrets", &secrets, "discord"]))
            .current_dir(&here)
            .env_remove("DISCORD_TOKEN")
            .env_remove("CASEBOT_DISCORD_GUILD")
            .env_remove("CASEBOT_DISCORD_API")
            .env_remove("RUST_LOG")
            .stdin(std::process::Stdio::null());
        if let Some(guild) = guild {
            command.env("CASEBOT_DISCORD_GUILD", guild);
        }
        let out = command.output().expect("the casebot binary runs");
        let text = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(out.status.code(), Some(1), "{what}: {out:?}");
        assert!(text.starts_with("Erreur : "), "{what}:\n{text}");
        for words in &says {
            assert!(text.contains(words), "{what}: {words:?} not in:\n{text}");
        }
        no_english(what, &text);
    }
    // No token: the teacher is told what to set, in French and with « vous ».
    let secrets = here.join("secrets.toml").display().to_string();
    let args = base(&["--secrets", &secrets, "discord"]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = binary_in(&here, &args);
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        text.contains("Aucun jeton Discord : définissez la variable DISCORD_TOKEN"),
        "{text}"
    );
    no_english("no token", &text);
}

/// A database casebot cannot trust or cannot write is refused at start, in French, and left as
/// it is: a damaged file (a page overwritten), and a file that cannot be written (made
/// immutable with `chattr +i` where the machine allows it; said and skipped elsewhere).
#[tokio::test]
async fn a_damaged_or_read_only_database_is_refused_at_start_in_french() {
    let dir = TempDir::new("db-refused");
    let good = dir.path.join("casebot.db");
    {
        let store = casebot::store::Store::open(&good)
            .await
            .expect("a new database");
        for i in 0..200 {
            sqlx::query("INSERT INTO classes (platform, platform_id, name, created_at) VALUES ('console', ?, 'une classe au nom assez long pour remplir des pages', 0)")
                .bind(i.to_string())
                .execute(&store.write)
                .await
                .expect("insert");
        }
        store.checkpoint().await.expect("checkpoint");
    }
    let start = |db: &std::path::Path| {
        Command::new(env!("CARGO_BIN_EXE_casebot"))
            .args(["--db", &db.display().to_string(), "console"])
            .current_dir(root())
            .env_remove("DISCORD_TOKEN")
            .env_remove("CASEBOT_DB")
            .env_remove("RUST_LOG")
            .stdin(std::process::Stdio::null())
            .output()
            .expect("the casebot binary runs")
    };
    // Damaged: every page but the first overwritten.
    let damaged = dir.path.join("abime.db");
    let mut bytes = std::fs::read(&good).expect("read the database");
    assert!(bytes.len() > 3 * 4096, "{} bytes", bytes.len());
    for b in &mut bytes[4096..] {
        *b = 0xA5;
    }
    std::fs::write(&damaged, &bytes).expect("write the damaged copy");
    let out = start(&damaged);
    let text = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        text.contains("ouverture impossible (le fichier est abîmé ; remettez à sa place une sauvegarde faite avec « casebot sauvegarde »)"),
        "{text}"
    );
    assert_eq!(
        std::fs::read(&damaged).expect("read"),
        bytes,
        "the damaged file was changed"
    );

    // Read-only.
    let frozen = std::process::Command::new("chattr")
        .args(["+i", &good.display().to_string()])
        .output();
    if !frozen.as_ref().is_ok_and(|o| o.status.success()) {
        eprintln!("chattr +i is not available here: the read-only database is not tried");
        return;
    }
    let out = start(&good);
    let _ = std::process::Command::new("chattr")
        .args(["-i", &good.display().to_string()])
        .output();
    let text = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        text.contains("ouverture impossible (le fichier, ou le disque qui le porte, est en lecture seule : casebot doit pouvoir y écrire)"),
        "{text}"
    );
}
