//! Finding a KPI by the name a student types (`Case::find_kpis`), as `/kpi` and the command
//! line read it: ids, labels and aliases; then words, without case, accents or punctuation;
//! one KPI, a list of several, or the unknown message (whose examples must all work).

use crate::helpers::{case, kpi_index, private_text, root, shared_app, spawn_engine};
use crate::play_quiz::launch;
use casebot::case::KpiMatch;
use casebot::cli::{run, Cli};
use casebot::msg;
use casebot::play::command::Command;
use clap::Parser;
use std::process::ExitCode;

/// The ids of what a name finds: one id, several ids best first, or none.
fn found(query: &str) -> Result<&'static str, Vec<&'static str>> {
    let case = case();
    match case.find_kpis(query) {
        KpiMatch::One(i) => Ok(case.kpis[i].id.as_str()),
        KpiMatch::Several(list) => {
            assert!(list.len() >= 2, "{query}: Several with {list:?}");
            Err(list.iter().map(|&i| case.kpis[i].id.as_str()).collect())
        }
        KpiMatch::None => Err(Vec::new()),
    }
}

fn one(query: &str) -> &'static str {
    match found(query) {
        Ok(id) => id,
        Err(list) => panic!("{query}: expected one KPI, found {list:?}"),
    }
}

fn several(query: &str) -> Vec<&'static str> {
    match found(query) {
        Err(list) if !list.is_empty() => list,
        other => panic!("{query}: expected several KPIs, found {other:?}"),
    }
}

fn unknown(query: &str) {
    assert_eq!(case().find_kpis(query), KpiMatch::None, "{query}");
}

#[test]
fn kpi_the_names_of_the_user_test() {
    assert_eq!(one("taux de clic"), "a3_ctr");
    assert_eq!(one("taux de clic google"), "a3_ctr");
    assert_eq!(one("panier moyen B2B"), "a5_b2b_basket");
    assert_eq!(one("cpm"), "a3_cpm");
    assert_eq!(one("ctr"), "a3_ctr");
    assert_eq!(several("ROAS"), ["a3_roas", "a4_roas", "a7_roas"]);
    assert_eq!(
        several("panier moyen"),
        ["a5_b2c_basket", "a5_b2b_basket", "a3_basket", "a4_basket"]
    );
    assert_eq!(several("coût par clic"), ["a3_cpc", "a4_cpc"]);
    // An alias two KPIs share names both.
    assert_eq!(several("CPC"), ["a3_cpc", "a4_cpc"]);
    assert_eq!(
        several("taux de conversion"),
        ["a3_conversion", "a4_conversion"]
    );
    assert_eq!(
        several("taux de rebond"),
        ["a2_bounce_evol", "a2_bounce_diff"]
    );
}

#[test]
fn kpi_ids_labels_and_aliases_still_work() {
    let case = case();
    for (i, k) in case.kpis.iter().enumerate() {
        assert_eq!(case.find_kpis(&k.id), KpiMatch::One(i), "{}", k.id);
        assert_eq!(
            case.find_kpis(&k.id.to_uppercase()),
            KpiMatch::One(i),
            "{}",
            k.id
        );
        // A label written in full names its KPI alone, even when it is the start of others'.
        assert_eq!(case.find_kpis(&k.label), KpiMatch::One(i), "{}", k.label);
        assert_eq!(
            case.find_kpis(&k.label.to_lowercase()),
            KpiMatch::One(i),
            "{}",
            k.label
        );
        for alias in &k.aliases {
            match case.find_kpis(alias) {
                KpiMatch::One(j) => assert_eq!(j, i, "{alias}"),
                KpiMatch::Several(list) => assert!(list.contains(&i), "{alias}: {list:?}"),
                KpiMatch::None => panic!("alias {alias} of {} finds nothing", k.id),
            }
        }
    }
    assert_eq!(one("CTR"), "a3_ctr");
    assert_eq!(one("taux de clics"), "a3_ctr");
    assert_eq!(one("Taux de clic Google Ads"), "a3_ctr");
    assert_eq!(one("ROI"), "a3_roi");
    assert_eq!(one("budget Facebook"), "a4_total_cost");
}

#[test]
fn kpi_case_accents_spaces_and_punctuation_do_not_matter() {
    for query in [
        "Taux de clic",
        "TAUX DE CLIC",
        "  taux   de  clic ",
        "taux-de-clic",
        "taux de clics",
        "Taux de clic ?",
        "taux du clic",
        "tx de clic",
        "clic taux",
    ] {
        assert_eq!(one(query), "a3_ctr", "{query}");
    }
    for query in [
        "cout par clic",
        "COÛT PAR CLIC",
        "coût  par  clic",
        "Coût/clic",
    ] {
        assert_eq!(several(query), ["a3_cpc", "a4_cpc"], "{query}");
    }
    for query in [
        "cout par clic google",
        "Coût par clic Google Ads",
        "cpc google",
    ] {
        assert_eq!(one(query), "a3_cpc", "{query}");
    }
    assert_eq!(one("cout par clic facebook"), "a4_cpc");
    assert_eq!(one("coût d’acquisition linkedin"), "a7_cost_per_order");
    // Words of an alias and of the label together.
    assert_eq!(one("CPC Facebook"), "a4_cpc");
    assert_eq!(one("ctr google"), "a3_ctr");
    assert_eq!(
        case().find_kpis("taux de clic google ads"),
        KpiMatch::One(kpi_index("a3_ctr"))
    );
    assert_eq!(
        one("evolution du nombre d'utilisateurs en %"),
        "a2_users_evol"
    );
    assert_eq!(several("evolution des utilisateurs")[0], "a2_users_evol");
    assert_eq!(
        one("Évolution du taux de rebond en points"),
        "a2_bounce_diff"
    );
}

#[test]
fn kpi_b_to_b_and_b_to_c_however_written() {
    for query in [
        "panier moyen B2B",
        "panier moyen b2b",
        "panier moyen B to B",
        "panier moyen btob",
        "Panier moyen BtoB",
        "panier moyen b-to-b",
    ] {
        assert_eq!(one(query), "a5_b2b_basket", "{query}");
    }
    for query in [
        "panier moyen B2C",
        "panier moyen B to C",
        "panier moyen btoc",
    ] {
        assert_eq!(one(query), "a5_b2c_basket", "{query}");
    }
    assert_eq!(one("part du CA B2C"), "a5_b2c_revenue_share");
    // A label that starts with the words comes first.
    assert_eq!(
        several("CA B2B"),
        ["a5_b2b_revenue", "a5_b2b_revenue_share"]
    );
}

#[test]
fn kpi_word_starts_of_three_letters() {
    assert_eq!(several("conv"), ["a3_conversion", "a4_conversion"]);
    assert_eq!(several("taux conv"), ["a3_conversion", "a4_conversion"]);
    assert_eq!(one("taux conv google"), "a3_conversion");
    assert_eq!(one("pan moy goo"), "a3_basket");
    // Two letters are not enough to start a word.
    unknown("ta de cl");
}

#[test]
fn kpi_nonsense_is_unknown() {
    for query in [
        "taux de magie",
        "xyz",
        "",
        "   ",
        "de",
        "de la",
        "?!",
        "clic de magie",
        "a3_ctrr",
    ] {
        unknown(query);
    }
}

/// Every name the unknown message gives as an example finds exactly one KPI.
#[test]
fn kpi_unknown_message_suggests_only_names_that_work() {
    let text = shared_app().messages.text(&msg::KpiUnknown {
        id: "IGNORED",
        examples: &casebot::render::kpi_examples(case()),
    });
    let mut examples = Vec::new();
    let mut rest = text.as_str();
    while let Some(start) = rest.find('«') {
        let after = &rest[start + '«'.len_utf8()..];
        let end = after.find('»').expect("a closing »");
        let quoted = after[..end].trim();
        if quoted != "IGNORED" {
            examples.push(quoted.to_string());
        }
        rest = &after[end..];
    }
    assert!(!examples.is_empty(), "no example in: {text}");
    for example in &examples {
        assert!(
            matches!(case().find_kpis(example), KpiMatch::One(_)),
            "the unknown message suggests « {example} », which finds {:?}",
            case().find_kpis(example)
        );
    }
}

/// The list of several KPIs: labels and ids, best first, at most 10, how to ask for one.
#[test]
fn kpi_list_of_several_shows_ten_at_most() {
    let m = &shared_app().messages;
    let case = case();
    let KpiMatch::Several(found) = case.find_kpis("sessions") else {
        panic!("sessions: several KPIs expected");
    };
    assert!(found.len() > KpiMatch::SHOWN, "{found:?}");
    let text = case.kpi_choices(m, " sessions ", &found, "/kpi a2_email_sessions_2019", true);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        format!("{} indicateurs correspondent à « sessions » :", found.len())
    );
    assert_eq!(
        lines[1],
        "- Sessions issues du courriel 2019 : `a2_email_sessions_2019`"
    );
    assert_eq!(lines.len(), 1 + KpiMatch::SHOWN + 2, "{text}");
    assert_eq!(
        lines[KpiMatch::SHOWN + 1],
        format!("- … et {} de plus", found.len() - KpiMatch::SHOWN)
    );
    assert_eq!(
        lines[KpiMatch::SHOWN + 2],
        "Précise ta demande, ou donne l’identifiant de celui que tu veux : « /kpi a2_email_sessions_2019 »."
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kpi_command_lists_several_and_keeps_the_quiz_lock() {
    let play = spawn_engine("kpi_lookup").await;
    let prof = play.teacher("Prof");
    let ana = play.student("Ana");
    let kpi = |id: &str| Command::Kpi { id: id.into() };
    const CTR: &str = "**Taux de clic Google Ads** = **17,76 %**";
    // In class, labels and question numbers: never an internal id.
    const CPC_LIST: &str = "2 indicateurs correspondent à « coût par clic » :\n- Coût par clic Google Ads (question 1.2.b)\n- Coût par clic du post Facebook (question 1.2.l)\nPrécise ta demande : le nom complet de l’indicateur ou le numéro de sa question, par exemple « /kpi 1.2.b ».";

    assert!(private_text(&play.send(&ana, kpi("taux de clic")).await).starts_with(CTR));
    assert!(private_text(&play.send(&ana, kpi("Taux de clic Google")).await).starts_with(CTR));
    assert_eq!(
        private_text(&play.send(&ana, kpi("coût par clic")).await),
        CPC_LIST
    );
    assert_eq!(
        private_text(&play.send(&ana, kpi("taux de magie")).await),
        "Aucun indicateur du sujet ne s’appelle « taux de magie ». Par exemple : « CTR », « coût par achat » ou « Taux de conversion du post Facebook » (sur Discord, /kpi propose la liste en cours de frappe)."
    );

    // A quiz asks the CTR (1.2.a) and the Google Ads CPC (1.2.b).
    play.send(&prof, launch(&["1.2.a", "1.2.b"], 60, false, false))
        .await;
    play.engine.tick().await;
    let locked = crate::play_quiz::KPI_LOCKED;
    for query in [
        "taux de clic",
        "tx clic google",
        "ctr",
        "cout par clic google",
    ] {
        assert_eq!(
            private_text(&play.send(&ana, kpi(query)).await),
            locked,
            "{query}"
        );
    }
    // A list names the KPIs without their values, locked or not.
    assert_eq!(
        private_text(&play.send(&ana, kpi("coût par clic")).await),
        CPC_LIST
    );
    // The Facebook CPC is not asked: open.
    assert!(
        private_text(&play.send(&ana, kpi("cout par clic facebook")).await)
            .starts_with("**Coût par clic du post Facebook** = ")
    );
    // The teacher is never locked.
    assert!(private_text(&play.send(&prof, kpi("taux de clic")).await).starts_with(CTR));
}

/// Runs the CLI in process on the bundled packs; returns the exit status and what it printed.
fn cli(args: &[&str]) -> (ExitCode, String) {
    let mut argv: Vec<String> = vec![
        "casebot".into(),
        "--cases-dir".into(),
        root().join("config/cases").display().to_string(),
        "--messages-dir".into(),
        root().join("prompts/fr").display().to_string(),
    ];
    argv.extend(args.iter().map(|a| a.to_string()));
    let mut out: Vec<u8> = Vec::new();
    let code = match run(Cli::parse_from(argv), &mut out) {
        Ok(code) => code,
        Err(e) => panic!("casebot {args:?} failed: {e:#}"),
    };
    (code, String::from_utf8(out).expect("UTF-8 output"))
}

#[test]
fn kpi_names_on_the_command_line() {
    let (code, out) = cli(&["kpi", "taux de clic"]);
    assert_eq!(code, ExitCode::SUCCESS, "{out}");
    assert!(
        out.starts_with("**Taux de clic Google Ads** = **17,76"),
        "{out}"
    );

    let (code, out) = cli(&["kpi", "panier moyen"]);
    assert_eq!(code, ExitCode::from(2), "{out}");
    assert!(
        out.starts_with("4 indicateurs correspondent à « panier moyen » :\n- Panier moyen B to C : `a5_b2c_basket`\n"),
        "{out}"
    );
    assert!(out.ends_with("« casebot kpi a5_b2c_basket ».\n"), "{out}");

    let (code, out) = cli(&["check", "cpc google", "0,53 €"]);
    assert_eq!(code, ExitCode::SUCCESS, "{out}");
    assert!(out.starts_with("✅"), "{out}");

    let (code, out) = cli(&["check", "CPC", "0,53 €"]);
    assert_eq!(code, ExitCode::from(2), "{out}");
    assert!(
        out.ends_with("« casebot check a3_cpc \"0,53 €\" ».\n"),
        "{out}"
    );

    let (code, out) = cli(&["kpi", "taux de magie"]);
    assert_eq!(code, ExitCode::from(2), "{out}");
    assert!(
        out.starts_with("Aucun indicateur du sujet ne s’appelle « taux de magie »."),
        "{out}"
    );
}

/// In class, `/kpi` never shows an internal id (`a3_cpc`): over every KPI asked by its label,
/// by its question number and by each word of its label (lists), and `/kpi` alone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kpi_in_class_names_kpis_by_label_and_question_never_by_id() {
    let play = spawn_engine("kpi_no_ids").await;
    let ana = play.student("Ana");
    let case = case();
    let kpi = |id: &str| Command::Kpi { id: id.into() };
    let shows_an_id = |text: &str| case.kpis.iter().find(|k| text.contains(k.id.as_str()));
    let mut queries: Vec<String> = vec![String::new(), " ".into()];
    for k in &case.kpis {
        queries.push(k.label.clone());
        queries.extend(k.label.split_whitespace().map(str::to_string));
    }
    for q in &case.questions {
        queries.extend(q.parts.iter().map(|p| p.id.clone()));
    }
    for query in &queries {
        let text = private_text(&play.send(&ana, kpi(query)).await);
        assert!(shows_an_id(&text).is_none(), "/kpi {query}: {text}");
    }
    // `/kpi` alone explains itself, with examples that work.
    let usage = private_text(&play.send(&ana, kpi("")).await);
    assert!(
        usage.starts_with("« /kpi » suivi du nom d’un indicateur"),
        "{usage}"
    );
    for example in usage
        .split("« /kpi ")
        .skip(2)
        .filter_map(|s| s.split(" »").next())
    {
        assert!(
            matches!(case.find_kpis(example), KpiMatch::One(_)),
            "the usage suggests « /kpi {example} »"
        );
    }
    // A question number finds the figure that part asks; a label written in full, its KPI.
    for q in &case.questions {
        for p in &q.parts {
            assert!(
                matches!(case.find_kpis(&p.id), KpiMatch::One(i) if i == p.kpi),
                "{}",
                p.id
            );
            let comma = p.id.replace('.', ",");
            assert!(
                matches!(case.find_kpis(&comma), KpiMatch::One(i) if i == p.kpi),
                "{comma}"
            );
        }
    }
    for (i, k) in case.kpis.iter().enumerate() {
        assert!(
            matches!(case.find_kpis(&k.label), KpiMatch::One(j) if j == i),
            "{}",
            k.label
        );
    }
}

/// A question number asked during the quiz that asks it is locked like the KPI's name.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kpi_by_question_number_keeps_the_quiz_lock() {
    let play = spawn_engine("kpi_part_lock").await;
    let prof = play.teacher("Prof");
    let ana = play.student("Ana");
    play.send(&prof, launch(&["1.2.a"], 60, false, false)).await;
    play.engine.tick().await;
    for query in ["1.2.a", "1,2,a"] {
        assert_eq!(
            private_text(&play.send(&ana, Command::Kpi { id: query.into() }).await),
            crate::play_quiz::KPI_LOCKED,
            "{query}"
        );
    }
}
