//! A sealed quiz, for pictures: an annex's chart draws the subject's own figures; a computed
//! figure (KPI) appears only once the student has it (settled in practice, or revealed by a
//! quiz of her class), and never while the class's running quiz asks it, a KPI it is computed
//! from or one computed from it. Stated as rules over every chart, every KPI drawn and every
//! part, on the charts' data (what is written on them) and on the pictures the engine sends.
//!
//! The figures a quiz seals are computed here from the pack's formulas, independently of the
//! engine's own walk.

use crate::helpers::{case, private_text, shared_app, spawn_engine, Play};
use casebot::chart::{self, ChartData, Sight};
use casebot::kpi::RefId;
use casebot::play::command::{Actor, Audience, Command, Place, Reply, Scope};
use std::collections::BTreeSet;

/// The KPIs a formula uses directly.
fn inputs(k: usize) -> Vec<usize> {
    case().kpis[k]
        .expr
        .refs()
        .into_iter()
        .filter_map(|r| match r {
            RefId::Kpi(i) => Some(*i),
            RefId::Value(_) => None,
        })
        .collect()
}

/// Whether `to` is computed from `from` (directly or through other KPIs), or is it.
fn reaches(from: usize, to: usize) -> bool {
    from == to || inputs(to).into_iter().any(|i| reaches(from, i))
}

/// The ids of the KPIs tied to `k`: itself, those it is computed from, those computed from it.
fn tied(k: usize) -> BTreeSet<String> {
    (0..case().kpis.len())
        .filter(|&j| reaches(j, k) || reaches(k, j))
        .map(|j| case().kpis[j].id.clone())
        .collect()
}

fn kpi_of(part: &str) -> usize {
    case().part(part).expect("a part of the case").1.kpi
}

/// Every numeric part of the case, in order.
fn every_part() -> Vec<String> {
    case()
        .questions
        .iter()
        .flat_map(|q| q.parts.iter().map(|p| p.id.clone()))
        .collect()
}

/// The annexes that come with a chart, and the chart `/annexe N` attaches (the first).
fn annex_charts() -> Vec<(u8, String)> {
    case()
        .annexes
        .iter()
        .filter_map(|a| {
            chart::charts_for_annex(case(), a.number)
                .into_iter()
                .next()
                .map(|c| (a.number, c.name))
        })
        .collect()
}

fn data(name: &str, sight: &Sight) -> ChartData {
    chart::case_chart_data(case(), &shared_app().messages, name, sight)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn png(name: &str, sight: &Sight) -> Vec<u8> {
    chart::render_case_chart_for(case(), &shared_app().messages, name, sight)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The rule on a chart's data: no KPI of `sealed` has a value, and no text written on the
/// chart holds one of them as the full chart writes it (once the figures drawn in the open,
/// which may look alike — 2,74 % of conversion, 2,74 orders —, are set aside). Returns how many
/// sealed figures the chart draws.
fn assert_sealed(name: &str, sight: &Sight, sealed: &BTreeSet<String>, what: &str) -> usize {
    let full = data(name, &Sight::everything());
    let given = data(name, sight);
    assert_eq!(full.figures.len(), given.figures.len(), "{name} {what}");
    let mut drawn = 0;
    for (f, g) in full.figures.iter().zip(&given.figures) {
        assert_eq!(f.id, g.id, "{name} {what}");
        if f.computed && sealed.contains(&f.id) {
            drawn += 1;
            assert_eq!(g.value, None, "{name} {what}: {} shown", f.id);
            assert_eq!(g.text, "?", "{name} {what}: {}", f.id);
        }
        if !f.computed {
            assert_eq!(
                g, f,
                "{name} {what}: the subject's figures are always drawn"
            );
        }
    }
    // Figures drawn in the open (the subject's, and KPIs the sight shows) may write the same
    // digits as a hidden one (two traffic origins at 0 sessions): set aside too.
    let values: Vec<&str> = given
        .figures
        .iter()
        .filter(|f| f.value.is_some())
        .map(|f| f.text.as_str())
        .collect();
    for text in &given.texts {
        let mut left = text.clone();
        for v in &values {
            left = left.replace(v, "");
        }
        for f in full
            .figures
            .iter()
            .filter(|f| f.computed && sealed.contains(&f.id))
        {
            assert!(
                !holds_number(&left, &f.text),
                "{name} {what}: « {text} » writes {} ({})",
                f.id,
                f.text
            );
        }
    }
    drawn
}

/// Whether `text` holds `number` as a whole figure.
fn holds_number(text: &str, number: &str) -> bool {
    !whole_numbers(text, number).is_empty()
}

/// Where `text` holds `number` as a whole figure (« 0 » is not in « 2019 », « 2,74 » is not
/// in « 12,745 »).
fn whole_numbers(text: &str, number: &str) -> Vec<usize> {
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let joins =
        |c: Option<char>| c.is_some_and(|c| matches!(c, ',' | '.' | ' ' | '\u{202F}' | '\u{A0}'));
    text.match_indices(number)
        .filter(|(at, _)| {
            let mut before = text[..*at].chars().rev();
            let (b1, b2) = (before.next(), before.next());
            let mut after = text[at + number.len()..].chars();
            let (a1, a2) = (after.next(), after.next());
            let glued_before = digit(b1) || (joins(b1) && digit(b2));
            let glued_after = digit(a1) || (joins(a1) && digit(a2));
            !glued_before && !glued_after
        })
        .map(|(at, _)| at)
        .collect()
}

/// `text` without the numbers of the annexes it names (« annexe 3 », « annexes 3 et 4 »), which
/// are no figures.
fn without_annex_numbers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("annexe") {
        let mut end = at + "annexe".len();
        out.push_str(&rest[..end]);
        if rest[end..].starts_with('s') {
            end += 1;
            out.push('s');
        }
        // The numbers that follow, with « et » and commas between them.
        loop {
            let tail = &rest[end..];
            let skip = tail.len() - tail.trim_start_matches([' ', ',']).len();
            let word = &tail[skip..];
            let digits = word.len() - word.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            if digits > 0 {
                end += skip + digits;
                out.push_str(" ·");
            } else if word.starts_with("et ") {
                end += skip + 2;
                out.push_str(" et");
            } else {
                break;
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// `text` without the whole occurrences of `number`.
fn without_number(text: &str, number: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for at in whole_numbers(text, number) {
        if at < from {
            continue;
        }
        out.push_str(&text[from..at]);
        out.push_str(" · ");
        from = at + number.len();
    }
    out.push_str(&text[from..]);
    out
}

/// Asserts two pictures are the same (or not) without printing their bytes.
fn same_picture(a: &[u8], b: &[u8]) -> bool {
    a == b
}

#[test]
fn every_chart_can_hide_every_kpi_it_draws_and_whatever_it_is_tied_to() {
    let mut checked = 0;
    for info in chart::case_charts(case()) {
        let full = data(&info.name, &Sight::everything());
        assert!(
            full.figures.iter().all(|f| f.value.is_some()),
            "{}",
            info.name
        );
        let full_png = png(&info.name, &Sight::everything());
        for f in full.figures.iter().filter(|f| f.computed) {
            let k = case().kpi_index(&f.id).expect("a KPI");
            // The KPI alone, then with every KPI tied to it (what a quiz asking it seals).
            for sealed in [BTreeSet::from([f.id.clone()]), tied(k)] {
                let sight = Sight::hiding(sealed.iter().cloned());
                let what = format!("hiding {sealed:?}");
                assert!(assert_sealed(&info.name, &sight, &sealed, &what) >= 1);
                assert!(
                    !same_picture(&png(&info.name, &sight), &full_png),
                    "{} {what}",
                    info.name
                );
                checked += 1;
            }
        }
    }
    // Every chart but the traffic one (the subject's own shares) draws computed figures.
    assert!(checked >= 2 * 40, "{checked}");
    let traffic = data("annexe2-trafic", &Sight::everything());
    assert!(traffic.figures.iter().all(|f| !f.computed));
}

#[test]
fn two_shares_of_one_total_are_hidden_together() {
    // B to C + B to B = 100 %: one shown would give the other away.
    for (a, b) in [
        ("a5_b2c_revenue_share", "a5_b2b_revenue_share"),
        ("a5_b2c_orders_share", "a5_b2b_orders_share"),
        ("a5_b2c_trees_share", "a5_b2b_trees_share"),
    ] {
        for hidden in [a, b] {
            let given = data("annexe5-segments", &Sight::hiding([hidden]));
            for id in [a, b] {
                let f = given.figures.iter().find(|f| f.id == id).expect("drawn");
                assert_eq!(f.value, None, "hiding {hidden}: {id} shown");
            }
        }
    }
}

#[test]
fn a_hidden_figure_is_explained_on_the_picture() {
    let hidden = data("annexe7-linkedin", &Sight::hiding(["a7_orders_month"]));
    let footer = &hidden.texts[2];
    assert_eq!(
        footer,
        "D’après l’annexe 7 et le panier moyen B to B de l’annexe 5 · « ? » : à toi de calculer"
    );
    let full = data("annexe7-linkedin", &Sight::everything());
    assert_eq!(
        full.texts[2],
        "D’après l’annexe 7 et le panier moyen B to B de l’annexe 5"
    );
    // The ROAS hidden: no sentence that would carry it, no bars that would draw it to scale.
    let hidden = data(
        "annexe7-linkedin",
        &Sight::hiding(["a7_roas", "a7_revenue_month"]),
    );
    assert!(hidden.texts.contains(&"ROAS attendu : ?".to_string()));
    assert!(!hidden.texts.iter().any(|t| t.contains("pour 1 € dépensé")));
}

fn launch(parts: &[&str]) -> Command {
    Command::QuizLaunch {
        scope: Scope::Items(parts.iter().map(|s| s.to_string()).collect()),
        seconds_per_item: Some(60),
        total_minutes: None,
        speed_bonus: false,
        streak_bonus: false,
        full_time: false,
    }
}

fn answer(text: &str) -> Command {
    Command::Answer {
        text: text.into(),
        item: None,
    }
}

async fn annex_png(play: &Play, who: &Actor, number: u8) -> (Vec<u8>, String) {
    let replies: Vec<Reply> = play.send(who, Command::Annex { number }).await;
    let reply = &replies[0];
    let file = reply
        .attachment
        .as_ref()
        .unwrap_or_else(|| panic!("annex {number} comes with its chart"));
    (file.bytes.clone(), reply.text.clone())
}

/// Settles every part in practice by asking for its worked answer (the only student who
/// practises in `play`).
async fn settle_everything(play: &Play, place: &Place, who: &Actor) {
    let parts = every_part();
    play.send_at(place, who, Command::Practice { scope: Scope::All })
        .await;
    for _ in &parts {
        play.send_at(place, who, Command::GiveUp).await;
    }
    let done = play
        .count("SELECT COUNT(*) FROM practice_done WHERE how = 'solution'")
        .await;
    assert_eq!(done as usize, parts.len(), "every part settled");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn during_a_quiz_no_annex_picture_shows_a_figure_tied_to_what_it_asks() {
    let play = spawn_engine("sealed_every_part").await;
    let prof = play.teacher("Prof");
    let ana = play.student("Ana");
    settle_everything(&play, &play.place, &ana).await;
    let charts = annex_charts();
    assert_eq!(
        charts.iter().map(|c| c.0).collect::<Vec<_>>(),
        [2, 3, 4, 5, 7]
    );
    // Ana has every figure: outside a quiz she sees every picture whole.
    for (number, name) in &charts {
        let (bytes, text) = annex_png(&play, &ana, *number).await;
        assert!(
            same_picture(&bytes, &png(name, &Sight::everything())),
            "annex {number}"
        );
        assert!(!text.contains("« ? »"), "{text}");
    }
    let mut sealed_somewhere = BTreeSet::new();
    for part in every_part() {
        let sealed = tied(kpi_of(&part));
        let sight = Sight::hiding(sealed.iter().cloned());
        play.send(&prof, launch(&[&part])).await;
        play.engine.tick().await;
        for (number, name) in &charts {
            let what = format!("annex {number} during a quiz of {part}");
            let (bytes, text) = annex_png(&play, &ana, *number).await;
            assert!(same_picture(&bytes, &png(name, &sight)), "{what}");
            if assert_sealed(name, &sight, &sealed, &what) > 0 {
                sealed_somewhere.insert(part.clone());
                assert!(
                    !same_picture(&bytes, &png(name, &Sight::everything())),
                    "{what}"
                );
                assert!(
                    text.contains("caché pendant le quiz en cours"),
                    "{what}: {text}"
                );
            }
            // The teacher's picture is whole.
            let (bytes, _) = annex_png(&play, &prof, *number).await;
            assert!(
                same_picture(&bytes, &png(name, &Sight::everything())),
                "{what}, teacher"
            );
        }
        play.stop_quiz(&prof).await;
    }
    // The examples, among others.
    for part in ["2.2.a", "2.2.b", "2.2.c", "2.2.d", "1.2.e", "1.3.a"] {
        assert!(
            sealed_somewhere.contains(part),
            "{part}: {sealed_somewhere:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_picture_shows_a_computed_figure_once_the_student_has_it() {
    let play = spawn_engine("sealed_practice").await;
    let prof = play.teacher("Prof");
    let (ana, ben) = (play.student("Ana"), play.student("Ben"));
    let chain = [
        "a7_clicks_month",
        "a7_orders_month",
        "a7_revenue_month",
        "a7_roas",
        "a5_b2b_basket",
    ];
    let hidden_of = |bytes: &[u8], name: &str| -> Vec<&'static str> {
        // The sight whose picture this is, among the subsets of the chain.
        let sets = 1usize << chain.len();
        let found: Vec<Vec<&'static str>> = (0..sets)
            .map(|mask| {
                (0..chain.len())
                    .filter(|i| mask & (1 << i) != 0)
                    .map(|i| chain[i])
                    .collect::<Vec<_>>()
            })
            .filter(|set| png(name, &Sight::hiding(set.iter().copied())) == bytes)
            .collect();
        assert_eq!(found.len(), 1, "one sight draws this picture");
        found[0].clone()
    };
    // Before 2.2, annex 7 gives nothing of the chain away.
    let (bytes, text) = annex_png(&play, &ana, 7).await;
    assert_eq!(hidden_of(&bytes, "annexe7-linkedin"), chain);
    assert!(
        text.ends_with("Sur l’image, « ? » marque un résultat à calculer : il s’affiche une fois que tu l’as trouvé à l’entraînement, ou après sa correction en quiz."),
        "{text}"
    );
    // Ana finds the clicks in practice: they appear for her, the rest of the chain stays hidden.
    play.send(
        &ana,
        Command::Practice {
            scope: Scope::Items(vec!["2.2.a".into()]),
        },
    )
    .await;
    let verdict = private_text(&play.send(&ana, answer("100")).await);
    assert!(
        verdict.starts_with("**2.2.a** (calcul 1/1)\n✅"),
        "{verdict}"
    );
    let (bytes, _) = annex_png(&play, &ana, 7).await;
    assert_eq!(hidden_of(&bytes, "annexe7-linkedin"), &chain[1..]);
    // A wrong answer settles nothing.
    play.send(
        &ana,
        Command::Practice {
            scope: Scope::Items(vec!["2.2.b".into()]),
        },
    )
    .await;
    play.send(&ana, answer("50")).await;
    let (bytes, _) = annex_png(&play, &ana, 7).await;
    assert_eq!(hidden_of(&bytes, "annexe7-linkedin"), &chain[1..]);
    // Ben has not practised: all hidden for him.
    let (bytes, _) = annex_png(&play, &ben, 7).await;
    assert_eq!(hidden_of(&bytes, "annexe7-linkedin"), chain);
    // A quiz of the class corrects the basket (1.3): the class has it, Ben included.
    let basket = case()
        .questions
        .iter()
        .flat_map(|q| &q.parts)
        .find(|p| case().kpis[p.kpi].id == "a5_b2b_basket")
        .expect("a part asks the B to B basket")
        .id
        .clone();
    play.send(&prof, launch(&[&basket])).await;
    play.engine.tick().await;
    let (bytes, _) = annex_png(&play, &ben, 7).await;
    assert_eq!(hidden_of(&bytes, "annexe7-linkedin"), chain);
    play.stop_quiz(&prof).await;
    let (bytes, _) = annex_png(&play, &ben, 7).await;
    assert_eq!(hidden_of(&bytes, "annexe7-linkedin"), &chain[..4]);
    let (bytes, _) = annex_png(&play, &ana, 7).await;
    assert_eq!(hidden_of(&bytes, "annexe7-linkedin"), &chain[1..4]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_sends_no_picture_that_shows_a_figure_being_asked() {
    let play = spawn_engine("sealed_console").await;
    let buf = crate::play::SharedBuf::default();
    let out: casebot::console::Output = std::sync::Arc::new(std::sync::Mutex::new(Box::new(
        buf.clone(),
    )
        as Box<dyn std::io::Write + Send>));
    let files = crate::helpers::TempDir::new("sealed-console-files");
    let options = casebot::console::ConsoleOptions {
        class: "classe-console".into(),
        teachers: vec!["prof".into()],
        default_user: "alice".into(),
        files_dir: files.path.clone(),
    };
    // Alice has every figure, so only the quiz hides anything.
    let console = Place {
        platform: "console".into(),
        class_key: "classe-console".into(),
        class_name: "classe-console".into(),
        channel: "console".into(),
    };
    let alice = Actor {
        user: "alice".into(),
        name: "alice".into(),
        manages_class: false,
        roles: Vec::new(),
    };
    settle_everything(&play, &console, &alice).await;
    let file = |name: &str| std::fs::read(files.path.join(format!("{name}.png"))).expect("a PNG");
    let m = &shared_app().messages;
    // The two examples, with every annex that has a chart: 2, 5 and 7 during the quiz
    // of 2.2, 3 and 4 (one chart, one file) during 1.2.e. One run: the console numbers its
    // actions per run.
    let script = "prof> /quiz lancer questions:2.2 secondes:60\n\
                  alice> /annexe 2\n/annexe 5\n/annexe 7\n\
                  prof> /quiz arreter\n\
                  prof> /quiz lancer questions:1.2.e secondes:60\n\
                  alice> /annexe 3\n/annexe 4\n\
                  prof> /quiz arreter\n";
    let input = tokio::io::BufReader::new(script.as_bytes());
    casebot::console::run(play.engine.clone(), input, out, options)
        .await
        .expect("console run");
    let parts_of = |question: &str| -> Vec<String> {
        let q = case().question(question).expect("a question");
        q.parts.iter().map(|p| p.id.clone()).collect()
    };
    let quizzes = [
        ("2.2", parts_of("2.2"), vec![2u8, 5, 7]),
        ("1.2.e", vec!["1.2.e".to_string()], vec![3, 4]),
    ];
    let charts = annex_charts();
    for (question, asks, annexes) in quizzes {
        // Every part of the question is sealed from the launch: asked now or later.
        let mut sealed = BTreeSet::new();
        for part in &asks {
            sealed.extend(tied(kpi_of(part)));
        }
        let sight = Sight::hiding(sealed.iter().cloned());
        for number in annexes {
            let name = &charts.iter().find(|c| c.0 == number).expect("a chart").1;
            let what = format!("annex {number} during the quiz of {question}");
            let bytes = file(name);
            assert!(same_picture(&bytes, &png(name, &sight)), "{what}");
            let whole = chart::render_case_chart(case(), m, name).expect("draws");
            if assert_sealed(name, &sight, &sealed, &what) > 0 {
                assert!(!same_picture(&bytes, &whole), "{what}");
            } else {
                assert!(same_picture(&bytes, &whole), "{what}");
            }
        }
    }
    let output = String::from_utf8(buf.0.lock().unwrap().clone()).expect("utf-8");
    assert!(
        output.contains("caché pendant le quiz en cours"),
        "{output}"
    );
    // Annex 7 during 2.2 and annex 4 during 1.2.e draw what those quizzes ask.
    for (id, name) in [
        ("a7_orders_month", "annexe7-linkedin"),
        ("a3_cost_per_sale", "annexes3-4-google-facebook"),
    ] {
        let k = case().kpi_index(id).expect("a KPI");
        let shown = data(name, &Sight::hiding(tied(k)));
        assert!(shown
            .figures
            .iter()
            .any(|f| f.id == id && f.value.is_none()));
    }
}

// ------------------------------------------------------------------------------------------
// The rules computed here, independently of the engine.

/// `tied`, as indices.
fn tied_kpis(k: usize) -> BTreeSet<usize> {
    (0..case().kpis.len())
        .filter(|&j| reaches(j, k) || reaches(k, j))
        .collect()
}

/// What a quiz asking `parts` (none corrected) seals.
fn sealed_by(parts: &[&str]) -> BTreeSet<usize> {
    parts.iter().flat_map(|p| tied_kpis(kpi_of(p))).collect()
}

/// The KPIs some part asks.
fn asked() -> BTreeSet<usize> {
    case()
        .questions
        .iter()
        .flat_map(|q| q.parts.iter().map(|p| p.kpi))
        .collect()
}

/// The sight of a student who has the KPIs `known`, with no quiz running: an asked KPI once
/// known; a step once every asked KPI tied to it is known.
fn student_sight(known: &BTreeSet<usize>) -> Sight {
    let asked = asked();
    let hidden = (0..case().kpis.len()).filter(|k| {
        if asked.contains(k) {
            !known.contains(k)
        } else {
            tied_kpis(*k)
                .iter()
                .any(|t| asked.contains(t) && !known.contains(t))
        }
    });
    Sight::hiding(hidden.map(|k| case().kpis[k].id.clone()))
}

/// Whether a worked calculation of `k` shows a figure of `sealed` (it or what it comes from).
fn touches(k: usize, sealed: &BTreeSet<usize>) -> bool {
    (0..case().kpis.len()).any(|j| reaches(j, k) && sealed.contains(&j))
}

/// The number as a KPI's display writes it (« 2,74 » of « 2,74 commandes »), plain.
fn number_of(display: &str) -> String {
    let plain = crate::helpers::plain(display);
    let number: String = plain
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, ',' | ' ' | '+' | '-'))
        .collect();
    number.trim().to_string()
}

/// The first KPI of `sealed` whose figure `text` writes, once the subject's own figures (which
/// may look alike) and the annexes' numbers are set aside; one-digit figures are not looked
/// for (the chart tests check them on the figures themselves).
fn leak(text: &str, sealed: &BTreeSet<usize>) -> Option<String> {
    // « × 100 » of a percentage is no figure either, nor « 18 sur 100 » of a rate.
    let mut left = without_annex_numbers(&crate::helpers::plain(text))
        .replace("× 100", "× ·")
        .replace("÷ 100", "÷ ·")
        .replace("sur 100 ", "sur · ")
        .replace("Sur 100 ", "Sur · ")
        .replace("pour 100 ", "pour · ");
    for v in &case().values {
        left = without_number(&left, &crate::helpers::plain(&v.display()));
    }
    let number = |k: usize| {
        let value = case().evaluate(k).expect("computes");
        number_of(&case().kpis[k].display(value))
    };
    // A figure free to show that writes the same (the cost per order, by month or by year)
    // is no leak.
    let free: BTreeSet<String> = (0..case().kpis.len())
        .filter(|k| !sealed.contains(k))
        .map(number)
        .collect();
    sealed.iter().find_map(|&k| {
        let number = number(k);
        if free.contains(&number) {
            return None;
        }
        // A one-digit figure (3 orders) cannot be told from a count of points or questions.
        let digits = number.chars().filter(char::is_ascii_digit).count();
        (digits > 1 && holds_number(&left, &number))
            .then(|| format!("{} ({number})", case().kpis[k].id))
    })
}

async fn quiz_of(play: &Play, place: &Place, prof: &Actor, parts: &[&str]) {
    play.send_at(place, prof, launch(parts)).await;
    play.engine.tick().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_its_correction_a_quiz_figure_is_drawn_for_the_class() {
    let play = spawn_engine("sealed_revealed").await;
    let prof = play.teacher("Prof");
    let ben = play.student("Ben");
    let charts = annex_charts();
    let mut drawn = 0;
    for (n, part) in every_part().iter().enumerate() {
        // A class of its own: it has this one correction, Ben no practice.
        let place = crate::helpers::place(&format!("classe-{n}"), &format!("Classe {n}"), "quiz");
        let k = kpi_of(part);
        let id = &case().kpis[k].id;
        let before = student_sight(&BTreeSet::new());
        quiz_of(&play, &place, &prof, &[part]).await;
        let during = Sight::hiding(
            before
                .hidden()
                .map(str::to_string)
                .chain(tied(k))
                .collect::<Vec<_>>(),
        );
        for (number, name) in &charts {
            let (bytes, _) = annex_png_at(&play, &place, &ben, *number).await;
            assert!(
                same_picture(&bytes, &png(name, &during)),
                "{part}, annex {number}"
            );
        }
        // The question closes at its deadline: its correction reveals it to the class.
        play.advance_and_tick(61_000).await;
        play.outbox.take();
        let after = student_sight(&BTreeSet::from([k]));
        for (number, name) in &charts {
            let what = format!("annex {number} after the correction of {part}");
            let (bytes, _) = annex_png_at(&play, &place, &ben, *number).await;
            assert!(same_picture(&bytes, &png(name, &after)), "{what}");
            let given = data(name, &after);
            let Some(f) = given.figures.iter().find(|f| &f.id == id) else {
                continue;
            };
            // A share is drawn with its partner, once both are corrected.
            if !id.contains("_share") {
                assert_eq!(
                    f.value,
                    Some(case().evaluate(k).expect("computes")),
                    "{what}"
                );
                drawn += 1;
            }
            // The teacher's picture is whole.
            let (bytes, _) = annex_png_at(&play, &place, &prof, *number).await;
            assert!(
                same_picture(&bytes, &png(name, &Sight::everything())),
                "{what}, teacher"
            );
        }
    }
    // Every asked figure an annex chart draws (but shares) was checked once.
    let expected = every_part()
        .iter()
        .map(|p| &case().kpis[kpi_of(p)].id)
        .filter(|id| !id.contains("_share"))
        .map(|id| {
            charts
                .iter()
                .filter(|(_, name)| {
                    data(name, &Sight::everything())
                        .figures
                        .iter()
                        .any(|f| &f.id == id)
                })
                .count()
        })
        .sum::<usize>();
    assert_eq!(drawn, expected);
    assert!(drawn >= 15, "{drawn}");
}

async fn annex_png_at(play: &Play, place: &Place, who: &Actor, number: u8) -> (Vec<u8>, String) {
    let replies: Vec<Reply> = play.send_at(place, who, Command::Annex { number }).await;
    let reply = &replies[0];
    let file = reply
        .attachment
        .as_ref()
        .unwrap_or_else(|| panic!("annex {number} comes with its chart"));
    (file.bytes.clone(), reply.text.clone())
}

async fn written_answer_ids(play: &Play) -> Vec<(i64, String)> {
    play.engine.flush().await.expect("flush");
    sqlx::query_as("SELECT id, question_id FROM written_answers ORDER BY id")
        .fetch_all(&play.engine.store().read)
        .await
        .expect("written answers")
}

/// For every part a quiz may ask: no `/kpi`, `/corrige-type`, practice worked answer,
/// self-assessment or grading notice a student gets while it is asked writes a figure tied to
/// it; what would show one is refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn during_a_quiz_no_text_a_student_opens_writes_a_figure_it_seals() {
    let play = spawn_engine("sealed_texts").await;
    let prof = play.teacher("Prof");
    let ana = play.student("Ana");
    let kpi_locked = crate::play_quiz::KPI_LOCKED;
    let practice_refused = crate::play_quiz::PRACTICE_DURING_QUIZ;
    let model_locked = "Cette question est en cours dans le quiz de la classe, ou liée à un calcul qu’il demande : son corrigé s’affichera après la correction.";
    // One written answer per question with a grid, to self-assess and grade with nothing ticked
    // (every criterion missed: every explanation written).
    let grids: Vec<String> = case().grids.iter().map(|g| g.question.clone()).collect();
    assert!(!grids.is_empty());
    for q in &grids {
        play.send(
            &ana,
            Command::WrittenAnswer {
                question: q.clone(),
                text: "Ma réponse rédigée, assez longue pour être enregistrée par le bot.".into(),
            },
        )
        .await;
    }
    let written = written_answer_ids(&play).await;
    assert_eq!(written.len(), grids.len());
    let (mut refused, mut given) = (0, 0);
    for part in every_part() {
        let sealed = sealed_by(&[&part]);
        quiz_of(&play, &play.place, &prof, &[&part]).await;
        let mut check = |what: String, text: String, locked: bool, refusal: &str| {
            if locked {
                assert_eq!(
                    crate::helpers::plain(&text),
                    crate::helpers::plain(refusal),
                    "{what}"
                );
                refused += 1;
            } else {
                assert_ne!(text, refusal, "{what}");
                assert_eq!(leak(&text, &sealed), None, "{what}: {text}");
                given += 1;
            }
        };
        for (k, kpi) in case().kpis.iter().enumerate() {
            let text = private_text(&play.send(&ana, Command::Kpi { id: kpi.id.clone() }).await);
            let what = format!("/kpi {} during {part}", kpi.id);
            check(what, text, touches(k, &sealed), kpi_locked);
        }
        for q in &case().questions {
            let text = private_text(
                &play
                    .send(
                        &ana,
                        Command::ModelAnswer {
                            question: q.id.clone(),
                        },
                    )
                    .await,
            );
            let locked = q.parts.iter().any(|p| touches(p.kpi, &sealed));
            check(
                format!("/corrige-type {} during {part}", q.id),
                text,
                locked,
                model_locked,
            );
        }
        // What a figure means: its readings, one chosen, the model comment judged.
        let interpret_locked = "Ce chiffre est demandé dans le quiz en cours, ou lié à un calcul qu’il demande : tu pourras l’interpréter après la correction.";
        for (index, p) in case()
            .questions
            .iter()
            .flat_map(|q| q.parts.iter())
            .enumerate()
        {
            let Some(readings) = case().readings.of(&p.id) else {
                continue;
            };
            // Refused when its figure, or a figure its texts quote, is one the quiz seals.
            let quoted = readings
                .text_ids()
                .iter()
                .flat_map(|t| case().text_kpis(t))
                .any(|k| touches(k, &sealed));
            let locked = touches(readings.kpi, &sealed) || quoted;
            // Her own words, without a figure: the reply must not bring one.
            let example =
                "Ce chiffre montre une évolution par rapport à 2019, il faut en tenir compte."
                    .to_string();
            // Every reading explained (a wrong one brings the right one too).
            let choices =
                (0..readings.readings().len() as u8).map(|c| ("a reading", Some(c), None));
            let asks = [("readings", None, None), ("a comment", None, Some(example))];
            for (what, command) in asks
                .into_iter()
                .chain(choices)
                .map(|(what, choice, comment)| {
                    (
                        what,
                        Command::Interpret {
                            part: casebot::play::command::PartRef::Index(index),
                            choice,
                            comment,
                        },
                    )
                })
            {
                let text = crate::helpers::texts(&play.send(&ana, command).await);
                check(
                    format!("/interpreter {} ({what}) during {part}", p.id),
                    text,
                    locked,
                    interpret_locked,
                );
            }
        }
        // No practice at all while the class's quiz runs (the rule of item 2): every start is
        // refused at once, and nothing of a practice is shown.
        for other in every_part() {
            let text = crate::helpers::texts(
                &play
                    .send(
                        &ana,
                        Command::Practice {
                            scope: Scope::Items(vec![other.clone()]),
                        },
                    )
                    .await,
            );
            check(
                format!("practice {other} during {part}"),
                text,
                true,
                practice_refused,
            );
        }
        for (answer, question) in &written {
            let replies = play
                .send(
                    &ana,
                    Command::SelfAssess {
                        answer: *answer,
                        criteria: Vec::new(),
                    },
                )
                .await;
            let what = format!("self-assessment of {question} during {part}");
            check(what, private_text(&replies), false, "");
            let replies = play
                .send(
                    &prof,
                    Command::Grade {
                        answer: *answer,
                        criteria: Some(Vec::new()),
                    },
                )
                .await;
            let told = |replies: &[Reply]| {
                replies
                    .iter()
                    .find(|r| matches!(r.audience, Audience::User(_)))
                    .map(|r| r.text.clone())
            };
            let notice = match told(&replies) {
                Some(notice) => notice,
                None => {
                    // The same grade again: the teacher is told nothing changed, and a comment
                    // brings the marked copy (every criterion's full-mark answer) to Ana.
                    assert!(
                        private_text(&replies).contains("Rien n’a changé"),
                        "{replies:#?}"
                    );
                    let replies = play
                        .send(
                            &prof,
                            Command::Mark {
                                answer: *answer,
                                points: vec!["aucun".into()],
                                comment: Some(format!("Relis la partie {part}.")),
                                agree: false,
                            },
                        )
                        .await;
                    told(&replies)
                        .unwrap_or_else(|| panic!("Ana is told of the comment: {replies:#?}"))
                }
            };
            check(
                format!("grading notice of {question} during {part}"),
                notice,
                false,
                "",
            );
        }
        play.stop_quiz(&prof).await;
    }
    assert!(
        refused > 100 && given > 1000,
        "{refused} refused, {given} given"
    );
}

/// A correction posted during a quiz writes no figure a later question of the same quiz asks
/// (or one tied to it); the figure it corrects, it writes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_correction_does_not_answer_a_later_question_of_its_quiz() {
    let play = spawn_engine("sealed_reveals").await;
    let prof = play.teacher("Prof");
    let mut pairs = 0;
    for first in every_part() {
        let commentary = case().text_kpis(&format!("part.{first}.commentary"));
        let k = kpi_of(&first);
        // A later part whose figure the commentary quotes (and that the first does not ask).
        let later = every_part().into_iter().find(|p| {
            let j = kpi_of(p);
            j != k
                && !tied_kpis(k).contains(&j)
                && commentary.iter().any(|c| tied_kpis(j).contains(c))
        });
        let Some(later) = later else { continue };
        quiz_of(&play, &play.place, &prof, &[&first, &later]).await;
        play.outbox.take();
        play.advance_and_tick(61_000).await;
        let posted = play.posted_texts();
        let reveal = posted
            .iter()
            .find(|t| t.contains(&first) && t.contains("Calcul"))
            .unwrap_or_else(|| panic!("the correction of {first}: {posted:#?}"));
        let value = case().kpi_result(k).expect("computes").text;
        assert!(
            reveal.contains(&crate::helpers::plain(&value)),
            "{first}: {reveal}"
        );
        // The correction's own calculation shows what its figure is computed from.
        let mut sealed = sealed_by(&[&later]);
        sealed.retain(|&j| !reaches(j, k));
        assert_eq!(
            leak(reveal, &sealed),
            None,
            "{first} before {later}: {reveal}"
        );
        assert!(
            reveal.contains("« caché pendant le quiz »"),
            "{first}: {reveal}"
        );
        play.stop_quiz(&prof).await;
        pairs += 1;
    }
    assert!(pairs >= 5, "{pairs}");
}
