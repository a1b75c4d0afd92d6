//! The bot's French texts: every id the code uses exists and takes only the arguments the
//! code gives; the code names texts only through `msg::` constants; snapshots of what students
//! read (worked KPIs, hints, verdicts).

use crate::helpers::{case, kpi_index, root, shared_app, TempPack};
use casebot::app::check_messages;
use casebot::check::{Mistake, Reason, Verdict};
use casebot::prompts::Prompts;
use casebot::{msg, render, App};
use std::path::{Path, PathBuf};

#[test]
fn every_message_id_exists_with_the_arguments_the_code_gives() {
    let problems = check_messages(&shared_app().messages);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    for (id, _) in msg::ALL {
        assert!(shared_app().messages.contains(id), "{id}");
    }
    let mut ids: Vec<&str> = msg::ALL.iter().map(|(id, _)| *id).collect();
    ids.sort_unstable();
    let count = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), count, "an id is declared twice in msg::ALL");
}

#[test]
fn a_text_asking_for_an_argument_the_code_does_not_give_is_reported() {
    let file = root().join("prompts/fr/messages.toml");
    let src = std::fs::read_to_string(&file).expect("read messages.toml");
    let needle = "correct = \"✅ Juste : **{expected}**.\"";
    assert!(
        src.contains(needle),
        "messages.toml changed: update this test"
    );
    let broken = src.replace(needle, "correct = \"✅ Juste : **{expected}** ({oops}).\"");
    let mut messages = other_message_files(&file);
    messages
        .add_source(&file, &broken)
        .expect("still valid TOML");
    let problems = check_messages(&messages);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].contains("check.correct"), "{}", problems[0]);
    assert!(problems[0].contains("{oops}"), "{}", problems[0]);
    assert!(problems[0].contains("messages.toml"), "{}", problems[0]);

    // A missing text is reported too.
    let without = src.replace(needle, "");
    let mut messages = other_message_files(&file);
    messages.add_source(&file, &without).expect("valid TOML");
    let problems = check_messages(&messages);
    assert_eq!(
        problems,
        vec!["le texte « check.correct » manque".to_string()]
    );
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Code names a text only through the constants of `msg`, never a literal id.
#[test]
fn source_code_renders_only_msg_constants() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    assert!(files.len() >= 10, "src/ not found");
    let mut found = Vec::new();
    for file in &files {
        let whole = std::fs::read_to_string(file).expect("read a source file");
        // Unit tests of the template engine itself render made-up ids: leave them out.
        let src = match whole.find("#[cfg(test)]\nmod ") {
            Some(cut) => &whole[..cut],
            None => whole.as_str(),
        };
        for (at, _) in src.match_indices("render(") {
            let after = src[at + "render(".len()..].trim_start();
            if after.starts_with('"') || after.starts_with("r\"") || after.starts_with("r#\"") {
                let line = src[..at].matches('\n').count() + 1;
                found.push(format!("{}:{line}", file.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "render() called with a literal id instead of a msg:: constant at:\n{}",
        found.join("\n")
    );
}

/// The worked answer and the three hints of a KPI, as students read them.
fn kpi_and_hints(id: &str) -> String {
    let app = shared_app();
    let case = case();
    let i = kpi_index(id);
    let result = case.kpi_result(i).expect("computes");
    let mut out = String::new();
    out.push_str("=== kpi ===\n");
    out.push_str(&render::kpi(&app.messages, &result));
    for level in 1..=3 {
        out.push_str(&format!("\n\n=== hint {level} ===\n"));
        out.push_str(&render::hint(&app.messages, case, i, level).expect("computes"));
    }
    out
}

#[test]
fn kpi_and_hints_a3_ctr() {
    insta::assert_snapshot!("kpi_a3_ctr", kpi_and_hints("a3_ctr"));
}

#[test]
fn kpi_and_hints_a2_users_evol() {
    insta::assert_snapshot!("kpi_a2_users_evol", kpi_and_hints("a2_users_evol"));
}

#[test]
fn kpi_and_hints_a2_bounce_diff() {
    insta::assert_snapshot!("kpi_a2_bounce_diff", kpi_and_hints("a2_bounce_diff"));
}

#[test]
fn kpi_and_hints_a7_revenue_month() {
    insta::assert_snapshot!("kpi_a7_revenue_month", kpi_and_hints("a7_revenue_month"));
}

#[test]
fn kpi_and_hints_a3_margin_minus_spend() {
    insta::assert_snapshot!(
        "kpi_a3_margin_minus_spend",
        kpi_and_hints("a3_margin_minus_spend")
    );
}

/// One answer of each verdict and reason the bundled case can produce.
const ANSWERS: &[(&str, &str)] = &[
    ("a3_ctr", "17,76 %"),
    ("a7_revenue_month", "14 613,32 €"),
    ("a3_ctr", "17,8 %"),
    ("a7_orders_month", "3"),
    ("a7_revenue_year", "176 000 €"),
    ("a5_total_revenue", "36 k€"),
    ("a3_ctr", "17,75 %"),
    ("a3_ctr", "17,77 %"),
    ("a2_bounce_diff", "0,8 %"),
    ("a3_ctr", "0,1776"),
    ("a3_ctr", "563,17 %"),
    ("a2_users_evol", "24,60 %"),
    ("a2_users_evol", "132,63 %"),
    ("a2_duration_evol", "5,08 %"),
    ("a2_bounce_evol", "0,8 pts"),
    ("a2_bounce_diff", "131,15 %"),
    ("a3_ctr", "20 %"),
    ("a3_ctr", ""),
    ("a3_ctr", "abc"),
    ("a3_ctr", "17,76 % ou 17,8 %"),
    ("a3_ctr", "1 77,6"),
    ("a3_ctr", "17,76 $"),
    ("a3_ctr", "1234567890123456"),
    ("a3_ctr", "1000000000001"),
    ("a3_ctr", "hausse de -5 %"),
    ("a3_ctr", "17,76 €"),
    ("a7_clicks_month", "100 pommes"),
    ("a3_roas", "3,02 %"),
    ("a2_social_sessions_evol", "30,04 points"),
    ("a2_social_sessions_evol", "2 208,82 %"),
];

fn reason_kind(reason: &Reason) -> String {
    match reason {
        Reason::Unreadable(e) => format!(
            "Unreadable({})",
            format!("{e:?}").split('(').next().unwrap_or("")
        ),
        Reason::UnitMismatch(_) => "UnitMismatch".into(),
        Reason::UnexpectedWords(_) => "UnexpectedWords".into(),
        other => format!("{other:?}"),
    }
}

#[test]
fn verdict_messages() {
    let app = shared_app();
    let case = case();
    let mut out = String::new();
    let mut kinds = std::collections::BTreeSet::new();
    for (kpi, input) in ANSWERS {
        let i = kpi_index(kpi);
        let outcome = case.check(i, input);
        let kind = reason_kind(&outcome.reason);
        assert!(kinds.insert(kind.clone()), "{kind} twice ({kpi} {input:?})");
        out.push_str(&format!(
            "{kpi} {input:?} → {:?} / {kind}\n{}\n\n",
            outcome.verdict,
            render::verdict(&app.messages, case, i, &outcome)
        ));
    }
    // Every verdict, every classic mistake, every way of being unreadable.
    for v in ["Correct", "Close", "Wrong", "Invalid"] {
        assert!(out.contains(&format!("→ {v} /")), "no {v}");
    }
    assert_eq!(kinds.len(), ANSWERS.len());
    insta::assert_snapshot!("verdicts", out.trim_end());
}

#[test]
fn invalid_answers_say_they_cost_nothing() {
    let app = shared_app();
    let case = case();
    for (kpi, input) in ANSWERS {
        let i = kpi_index(kpi);
        let outcome = case.check(i, input);
        let text = render::verdict(&app.messages, case, i, &outcome);
        assert_eq!(
            outcome.verdict == Verdict::Invalid,
            text.ends_with("Cette réponse ne te coûte rien : réessaie."),
            "{kpi} {input:?}: {text}"
        );
        assert!(!text.contains('{'), "unfilled argument: {text}");
        assert!(!text.contains("[check"), "missing text: {text}");
    }
}

/// A pack copy with one more line on a3_ctr in kpis.toml, and one more text file.
fn pack_with(test: &str, kpi_line: &str, text_file: Option<&str>) -> TempPack {
    let pack = TempPack::new(test);
    pack.replace(
        "config/cases/arbre-cadeau/kpis.toml",
        "aliases = [\"CTR\", \"taux de clics\"]",
        &format!("aliases = [\"CTR\", \"taux de clics\"]\n{kpi_line}"),
    );
    if let Some(text) = text_file {
        std::fs::write(pack.prompts_dir().join("test_mistakes.toml"), text)
            .expect("write a text file");
    }
    pack
}

fn load(pack: &TempPack) -> App {
    match App::load_pack(&root().join("prompts/fr"), &pack.pack_dir()) {
        Ok(app) => app,
        Err(e) => panic!("the modified pack must load: {e}"),
    }
}

#[test]
fn tolerance_message() {
    let pack = pack_with("texts_tolerance", "tolerance = \"0.05\"", None);
    let app = load(&pack);
    let case = &app.cases[0];
    let i = case.kpi_index("a3_ctr").expect("a3_ctr");
    // |17,72 − 17,7567| ≤ 0,05
    let outcome = case.check(i, "17,72 %");
    assert_eq!(outcome.verdict, Verdict::Correct);
    assert_eq!(outcome.reason, Reason::WithinTolerance);
    assert_eq!(
        render::verdict(&app.messages, case, i, &outcome),
        "✅ Juste : ta réponse, 17,72\u{A0}%, est acceptée ; la valeur exacte est **17,76\u{A0}%**."
    );
    // Outside the tolerance, the usual rules.
    let outcome = case.check(i, "17,7 %");
    assert_eq!(outcome.reason, Reason::Truncated);
}

const DECLARED: &str = "mistakes = [{ formula = \"a3_clicks / (a3_impressions + a3_clicks) * 100\", message = \"mistake.ctr_total\" }]";

#[test]
fn declared_mistake_message() {
    let pack = pack_with(
        "texts_declared",
        DECLARED,
        Some("[mistake]\nctr_total = \"❌ Tu as divisé par impressions + clics, or les clics sont déjà comptés dans les impressions.\"\n"),
    );
    let app = load(&pack);
    let case = &app.cases[0];
    let i = case.kpi_index("a3_ctr").expect("a3_ctr");
    // 3 695 ÷ (20 809 + 3 695) × 100 = 15,079… %
    let outcome = case.check(i, "15,08 %");
    assert_eq!(outcome.verdict, Verdict::Wrong);
    assert_eq!(outcome.reason, Reason::Mistake(Mistake::Declared(0)));
    assert_eq!(
        render::verdict(&app.messages, case, i, &outcome),
        "❌ Tu as divisé par impressions + clics, or les clics sont déjà comptés dans les impressions."
    );
}

/// `render::verdict` fills `{given}` in the text of a declared mistake, like in the bot's own
/// mistake texts: loading must accept it.
#[test]
fn declared_mistake_text_may_show_the_answer() {
    let pack = pack_with(
        "texts_declared_given",
        DECLARED,
        Some("[mistake]\nctr_total = \"❌ {given} : tu as divisé par impressions + clics, or les clics sont déjà comptés dans les impressions.\"\n"),
    );
    let app = load(&pack);
    let case = &app.cases[0];
    let i = case.kpi_index("a3_ctr").expect("a3_ctr");
    let outcome = case.check(i, "15,08 %");
    assert_eq!(outcome.reason, Reason::Mistake(Mistake::Declared(0)));
    assert_eq!(
        render::verdict(&app.messages, case, i, &outcome),
        "❌ 15,08\u{A0}% : tu as divisé par impressions + clics, or les clics sont déjà comptés dans les impressions."
    );
}

/// Every text file of prompts/fr except `skip`, loaded.
fn other_message_files(skip: &std::path::Path) -> Prompts {
    let mut messages = Prompts::default();
    let dir = root().join("prompts/fr");
    for entry in std::fs::read_dir(&dir).expect("prompts/fr") {
        let path = entry.expect("entry").path();
        if path == skip || path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let src = std::fs::read_to_string(&path).expect("read");
        messages.add_source(&path, &src).expect("valid texts");
    }
    messages
}

/// One way to agree with a count: the plural piece `{n:singulier|pluriel}` in the template. No
/// text spells a plural with « (s) », and no two texts are a singular and plural pair chosen
/// by the code (`…_one` / `…_many`), pictures' texts included.
#[test]
fn plurals_are_written_one_way_in_every_text() {
    let m = &shared_app().messages;
    let mut problems = Vec::new();
    for id in m.ids() {
        let leaf = id.rsplit('.').next().unwrap_or(id);
        if leaf == "one" || leaf.ends_with("_one") {
            problems.push(format!(
                "{id}: a singular/plural pair; write {{n:…|…}} in one text"
            ));
        }
        let text = m.get(id).unwrap_or_default();
        for marker in ["(s)", "(e)", "(es)", "(x)"] {
            if text.contains(marker) {
                problems.push(format!("{id}: « {marker} » in {text:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every text that agrees with a count reads right at 0, 1, 1,5, 2 and 30: the singular below
/// 2, the plural from 2 (French), and never both forms at once.
#[test]
fn every_count_text_agrees_with_its_number() {
    let m = &shared_app().messages;
    let mut checked = 0;
    for id in m.ids() {
        let template = m.get(id).unwrap_or_default();
        let Ok(pieces) = casebot::prompts::pieces(template) else {
            continue;
        };
        let plurals: Vec<(&str, &str)> = pieces
            .iter()
            .filter_map(|p| match p {
                casebot::prompts::Piece::Plural { arg, one, many } if *arg == "n" => {
                    Some((*one, *many))
                }
                _ => None,
            })
            .collect();
        if plurals.is_empty() {
            continue;
        }
        checked += 1;
        for (n, singular) in [
            ("0", true),
            ("1", true),
            ("1,5", true),
            ("2", false),
            ("30", false),
        ] {
            let text = m.render(
                id,
                &[("n", n), ("list", "3"), ("count", "x"), ("points", "y")],
            );
            for (one, many) in &plurals {
                let (want, other) = if singular { (one, many) } else { (many, one) };
                assert!(text.contains(want), "{id} at {n}: {text:?} lacks {want:?}");
                if !other.contains(want) && !want.contains(other) {
                    assert!(!text.contains(other), "{id} at {n}: {text:?} has {other:?}");
                }
            }
        }
    }
    assert!(checked >= 20, "only {checked} texts agree with a count");
}

// ------------------------------------------------------------------------------------------
// The teachers' guide.

fn guide() -> String {
    std::fs::read_to_string(root().join("GUIDE-ENSEIGNANT.md")).expect("read GUIDE-ENSEIGNANT.md")
}

/// Every slash command, as typed (`/quiz lancer`), with its optional options (those Discord
/// does not ask for by itself).
fn slash_commands() -> Vec<(String, Vec<String>)> {
    fn walk(
        cmd: &poise::Command<casebot::discord::Data, casebot::discord::Error>,
        prefix: &str,
        out: &mut Vec<(String, Vec<String>)>,
    ) {
        let typed = format!("{prefix}{}", cmd.name);
        if cmd.subcommands.is_empty() {
            let optional = cmd
                .parameters
                .iter()
                .filter(|p| !p.required)
                .map(|p| p.name.to_string())
                .collect();
            out.push((typed, optional));
        } else {
            for sub in &cmd.subcommands {
                walk(sub, &format!("{typed} "), out);
            }
        }
    }
    let mut out = Vec::new();
    for cmd in casebot::discord::commands::all() {
        walk(&cmd, "/", &mut out);
    }
    out
}

#[test]
fn the_guide_shows_every_slash_command_and_its_options() {
    let guide = guide();
    let commands = slash_commands();
    assert!(commands.len() > 25, "{commands:?}");
    for (typed, optional) in &commands {
        assert!(
            guide.contains(&format!("`{typed}")),
            "{typed} is not in the guide"
        );
        for option in optional {
            let used = guide.match_indices(&format!("{typed} ")).any(|(i, _)| {
                guide[i..]
                    .lines()
                    .next()
                    .unwrap_or("")
                    .contains(&format!("{option}:"))
            }) || guide.contains(&format!("`{option}:"))
                || guide.contains(&format!("option `{option}`"));
            assert!(used, "{typed}: its option {option} is not in the guide");
        }
    }
}

#[test]
fn the_guide_names_only_commands_that_exist() {
    let guide = guide();
    let mut known: Vec<String> = slash_commands()
        .into_iter()
        .filter_map(|(typed, _)| typed.split_whitespace().next().map(str::to_string))
        .collect();
    // The console's own forms of the buttons and of leaving.
    known.extend(["/quitter", "/voter", "/cocher", "/noter"].map(String::from));
    let chars: Vec<(usize, char)> = guide.char_indices().collect();
    let mut named = 0;
    for (k, &(i, c)) in chars.iter().enumerate() {
        let before = if k == 0 { ' ' } else { chars[k - 1].1 };
        if c != '/' || !(before == '`' || before.is_whitespace() || before == '(') {
            continue;
        }
        let word: String = guide[i + 1..]
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '-')
            .collect();
        if word.is_empty() {
            continue;
        }
        named += 1;
        let typed = format!("/{word}");
        assert!(
            known.contains(&typed),
            "the guide names {typed}, which does not exist"
        );
    }
    assert!(named > 40, "{named}");
    // And the command-line commands it shows (`casebot kpi a3_ctr`, `target/release/casebot
    // validate`) exist too.
    let cli = casebot::cli::command();
    let mut shown = 0;
    for (i, _) in guide.match_indices("casebot ") {
        if !guide[..i].ends_with(['`', '/']) {
            continue;
        }
        // Command names may hold a hyphen (`casebot nouveau-cas`).
        let word: String = guide[i + "casebot ".len()..]
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '-')
            .collect();
        if word.is_empty() || word.starts_with('-') {
            continue;
        }
        shown += 1;
        assert!(
            cli.find_subcommand(&word).is_some(),
            "the guide shows « casebot {word} », which does not exist"
        );
    }
    assert!(shown > 8, "{shown}");
}

#[test]
fn the_readme_links_the_guide_at_its_top_and_the_help_names_it() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("read README.md");
    let top: String = readme.lines().take(8).collect::<Vec<_>>().join("\n");
    assert!(top.contains("(GUIDE-ENSEIGNANT.md)"), "{top}");
    let help = casebot::cli::command().render_long_help().to_string();
    assert!(help.contains("GUIDE-ENSEIGNANT.md"), "{help}");
    // The guide is French too, but for Discord's own English labels, which it writes in
    // italics as Discord shows them (*Reset Token*).
    let prose: String = guide()
        .split('*')
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .map(|(_, part)| part)
        .collect();
    crate::helpers::assert_french("the guide", &prose);
}

/// The bot's own sentences (every case text: annex introductions, help lines, commentaries,
/// hints, model answers) write the subject's figures in the French format; the subject's own
/// typography (« 6.06€ », « 1596€ », « 1,94 k€ ») stays in the annex tables.
#[test]
fn case_texts_write_figures_the_french_way() {
    let case = case();
    let odd: Vec<(&str, &str)> = case
        .values
        .iter()
        .filter_map(|v| v.shown.as_deref().map(|s| (v.id.as_str(), s, v.french())))
        .filter(|(_, shown, french)| shown != french)
        .map(|(id, shown, _)| (id, shown))
        .collect();
    assert!(
        !odd.is_empty(),
        "the subject prints some figures its own way"
    );
    let mut problems = Vec::new();
    for id in case.texts.ids() {
        let text = case.text(id);
        for (value, shown) in &odd {
            if text.contains(shown) {
                problems.push(format!("{id}: « {shown} » ({value})"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The annex tables keep it.
    let annex = casebot::render::annex(&shared_app().messages, case, 4).expect("annex 4");
    assert!(annex.contains("6.06€"), "{annex}");
}
