//! Loading a case pack from its files, and checking it whole before anything uses it.
//!
//! A pack is a folder of four TOML files (`case.toml`, `annexes.toml`, `kpis.toml`,
//! `questions.toml`) plus the folder of French texts that `case.toml` names. The format is
//! documented in `config/cases/README.md`. Loading either returns a [`CasePack`] (the [`Case`], in
//! which every reference resolves and every KPI evaluates, with its prepared answer checks and
//! its workshop), or every problem found, each with its file, its
//! key or line, what is wrong and what was expected.

mod annexes;
pub mod bounds;
mod loaded;
mod meta;
mod texts;
mod workshop;

pub use loaded::CasePack;

// Where they were before `problem` was their own module; `play::settings` still names them.
pub use crate::problem::{toml_location, wording, PackError, PackErrors};

use crate::case::{Case, Part, Question, Value};
use crate::check::Plans;
use crate::format::Unit;
use crate::formula::{self, Expr, Op};
use crate::kpi::{DeclaredMistake, Kpi, KpiKind, RefId};
use crate::problem::Problems;
use annexes::Values;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

// ------------------------------------------------------------------------------------------
// The files as written.

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKpis {
    kpis: toml::Table,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKpi {
    label: String,
    #[serde(default)]
    formula: Option<String>,
    #[serde(default)]
    evolution: Option<FromTo>,
    #[serde(default)]
    difference: Option<FromTo>,
    #[serde(default)]
    unit: Option<Unit>,
    precision: u32,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    tolerance: Option<Decimal>,
    #[serde(default)]
    min_decimals: Option<u32>,
    #[serde(default)]
    indivisible: bool,
    #[serde(default)]
    mistakes: Vec<RawMistake>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FromTo {
    from: String,
    to: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMistake {
    formula: String,
    message: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestions {
    questions: Vec<RawQuestion>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: String,
    dossier: String,
    points: Decimal,
    #[serde(default)]
    annexes: Vec<u8>,
    #[serde(default)]
    parts: Vec<RawPart>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPart {
    id: String,
    kpi: String,
    points: Decimal,
}

// ------------------------------------------------------------------------------------------

fn read_toml<T: serde::de::DeserializeOwned>(path: &Path, problems: &mut Problems) -> Option<T> {
    let src = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) => {
            problems.add(
                path,
                "fichier",
                format!("lecture impossible : {}", wording::io_error(&e)),
            );
            return None;
        }
    };
    match toml::from_str(&src) {
        Ok(v) => Some(v),
        Err(e) => {
            problems.add(
                path,
                toml_location(&src, &e),
                wording::toml_message(e.message()),
            );
            None
        }
    }
}

fn is_identifier(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some('a'..='z' | '_'))
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Loads and checks the pack in `dir`.
pub fn load(dir: &Path) -> Result<CasePack, PackErrors> {
    let mut problems = Problems::default();
    let case_file = dir.join("case.toml");
    let annex_file = dir.join("annexes.toml");
    let kpi_file = dir.join("kpis.toml");
    let question_file = dir.join("questions.toml");

    if !dir.is_dir() {
        problems.add(dir, "dossier", "dossier introuvable : un cas est un dossier qui contient case.toml, annexes.toml, kpis.toml et questions.toml (vérifiez le chemin, ou lancez casebot depuis le dossier du projet)");
        return Err(problems.into_errors());
    }
    let raw_case: Option<meta::RawCase> = read_toml(&case_file, &mut problems);
    let raw_annexes: Option<annexes::RawAnnexes> = read_toml(&annex_file, &mut problems);
    let raw_kpis: Option<RawKpis> = read_toml(&kpi_file, &mut problems);
    let raw_questions: Option<RawQuestions> = read_toml(&question_file, &mut problems);
    let (Some(raw_case), Some(raw_annexes), Some(raw_kpis), Some(raw_questions)) =
        (raw_case, raw_annexes, raw_kpis, raw_questions)
    else {
        return Err(problems.into_errors());
    };

    let prompts_dir = dir.join(&raw_case.prompts);
    let texts = texts::load_texts(&prompts_dir, &mut problems);

    meta::check_meta(&raw_case, &case_file, &mut problems);
    let dossiers = meta::load_dossiers(&raw_case, &case_file, &mut problems);

    let values = annexes::load_values(&raw_annexes, &annex_file, &mut problems);
    let annexes = annexes::load_annexes(&raw_annexes, &values, &annex_file, &mut problems);
    let annex_numbers: BTreeSet<u8> = annexes.iter().map(|a| a.number).collect();
    let Values {
        list: values,
        index: value_index,
        broken,
    } = values;

    // kpis.toml: first every id, so formulas may use KPIs declared further down.
    let mut kpi_index: HashMap<String, usize> = HashMap::new();
    let mut raw_kpi_list: Vec<(String, RawKpi)> = Vec::new();
    for (id, raw) in &raw_kpis.kpis {
        let key = format!("kpis.{id}");
        if !is_identifier(id) {
            problems.add(
                &kpi_file,
                &key,
                "identifiant d’indicateur incorrect : minuscules sans accent, chiffres et « _ », en commençant par une lettre (par exemple a3_ctr)",
            );
        }
        if value_index.contains_key(id) {
            problems.add(&kpi_file, &key, format!("« {id} » est déjà l’identifiant d’une valeur de annexes.toml : valeurs et indicateurs ont des identifiants distincts, renommez l’un des deux"));
        }
        match raw.clone().try_into::<RawKpi>() {
            Ok(k) => {
                kpi_index.insert(id.clone(), raw_kpi_list.len());
                raw_kpi_list.push((id.clone(), k));
            }
            Err(e) => problems.add(&kpi_file, &key, wording::toml_message(e.message())),
        }
    }
    let resolve = |name: &str| -> Option<RefId> {
        value_index
            .get(name)
            .map(|&i| RefId::Value(i))
            .or_else(|| kpi_index.get(name).map(|&i| RefId::Kpi(i)))
    };
    let unit_of = |r: RefId, raw_list: &[(String, RawKpi)]| -> Option<Unit> {
        match r {
            RefId::Value(i) => Some(values[i].unit),
            RefId::Kpi(i) => raw_list[i].1.unit.or_else(|| {
                let k = &raw_list[i].1;
                k.evolution.as_ref().map(|_| Unit::Percent)
            }),
        }
    };
    let mut kpis: Vec<Kpi> = Vec::new();
    for (id, raw) in &raw_kpi_list {
        let key = format!("kpis.{id}");
        let compile = |src: &str, field: &str, problems: &mut Problems| -> Option<Expr<RefId>> {
            let parsed = match formula::parse(src) {
                Ok(e) => e,
                Err(e) => {
                    problems.add(
                        &kpi_file,
                        format!("{key}.{field}"),
                        format!("formule « {src} » : {e}"),
                    );
                    return None;
                }
            };
            for n in parsed.numbers() {
                if let Some(problem) = bounds::figure_problem(n) {
                    problems.add(
                        &kpi_file,
                        format!("{key}.{field}"),
                        format!("formule « {src} » : {problem}"),
                    );
                    return None;
                }
            }
            let mut unknown = Vec::new();
            let resolved = parsed.try_map(&mut |name: String| match resolve(&name) {
                Some(r) => Ok::<RefId, ()>(r),
                None => {
                    unknown.push(name);
                    Ok(RefId::Value(usize::MAX))
                }
            });
            let dangling = !unknown.is_empty();
            unknown.retain(|name| !broken.contains(name));
            if dangling && unknown.is_empty() {
                return None;
            }
            if !unknown.is_empty() {
                problems.add(
                    &kpi_file,
                    format!("{key}.{field}"),
                    format!(
                        "identifiant inconnu : {} (écrivez un identifiant de [values] dans annexes.toml ou d’un indicateur de kpis.toml)",
                        unknown.join(", ")
                    ),
                );
                return None;
            }
            resolved.ok()
        };
        let defined = [
            raw.formula.is_some(),
            raw.evolution.is_some(),
            raw.difference.is_some(),
        ]
        .iter()
        .filter(|b| **b)
        .count();
        if defined != 1 {
            problems.add(
                &kpi_file,
                &key,
                "un indicateur se définit par une seule des clés formula, evolution ou difference : gardez-en exactement une",
            );
            continue;
        }
        let from_to = |ft: &FromTo,
                       field: &str,
                       problems: &mut Problems|
         -> Option<(RefId, RefId)> {
            let from = resolve(&ft.from);
            let to = resolve(&ft.to);
            for (name, r) in [(&ft.from, from), (&ft.to, to)] {
                if r.is_none() {
                    problems.add(
                            &kpi_file,
                            format!("{key}.{field}"),
                            format!("identifiant inconnu : « {name} » (écrivez un identifiant de [values] ou d’un indicateur)"),
                        );
                }
            }
            Some((from?, to?))
        };
        let (kind, expr, unit) = if let Some(src) = &raw.formula {
            let Some(expr) = compile(src, "formula", &mut problems) else {
                continue;
            };
            let Some(unit) = raw.unit else {
                problems.add(
                    &kpi_file,
                    format!("{key}.unit"),
                    "une formule a besoin d’une unité : ajoutez unit = \"count\", \"eur\", \"percent\", \"points\", \"ratio\" ou \"seconds\"",
                );
                continue;
            };
            (KpiKind::Formula, expr, unit)
        } else if let Some(ft) = &raw.evolution {
            let Some((from, to)) = from_to(ft, "evolution", &mut problems) else {
                continue;
            };
            if raw.unit.is_some_and(|u| u != Unit::Percent) {
                problems.add(
                    &kpi_file,
                    format!("{key}.unit"),
                    "une évolution s’exprime en pourcentage : retirez unit ou écrivez unit = \"percent\"",
                );
            }
            let expr = Expr::Bin(
                Op::Mul,
                Box::new(Expr::Bin(
                    Op::Div,
                    Box::new(Expr::Bin(
                        Op::Sub,
                        Box::new(Expr::Ref(to)),
                        Box::new(Expr::Ref(from)),
                    )),
                    Box::new(Expr::Ref(from)),
                )),
                Box::new(Expr::Num(Decimal::ONE_HUNDRED)),
            );
            (KpiKind::Evolution { from, to }, expr, Unit::Percent)
        } else if let Some(ft) = &raw.difference {
            let Some((from, to)) = from_to(ft, "difference", &mut problems) else {
                continue;
            };
            let (uf, ut) = (unit_of(from, &raw_kpi_list), unit_of(to, &raw_kpi_list));
            if uf != ut {
                problems.add(
                    &kpi_file,
                    format!("{key}.difference"),
                    "« from » et « to » doivent avoir la même unité : choisissez deux chiffres de même nature (deux taux, deux montants…)",
                );
            }
            let natural = match uf {
                Some(Unit::Percent) => Unit::Points,
                Some(u) => u,
                None => Unit::Count,
            };
            let unit = raw.unit.unwrap_or(natural);
            let expr = Expr::Bin(Op::Sub, Box::new(Expr::Ref(to)), Box::new(Expr::Ref(from)));
            (KpiKind::Difference { from, to }, expr, unit)
        } else {
            continue;
        };
        if raw.precision > bounds::MAX_PRECISION {
            problems.add(
                &kpi_file,
                format!("{key}.precision"),
                format!(
                    "{max} décimales au plus : écrivez une précision de 0 à {max}",
                    max = bounds::MAX_PRECISION
                ),
            );
        }
        if let Some(min) = raw.min_decimals {
            if min > raw.precision.min(bounds::MAX_PRECISION) {
                problems.add(
                    &kpi_file,
                    format!("{key}.min_decimals"),
                    format!(
                        "min_decimals vaut {min}, plus que la précision ({}) : min_decimals dit combien de décimales une bonne réponse exige quand l’énoncé en demande moins que la précision n’en montre ; écrivez un nombre de 0 à {}, ou retirez min_decimals",
                        raw.precision, raw.precision.min(bounds::MAX_PRECISION)
                    ),
                );
            }
        }
        if let Some(t) = raw.tolerance {
            if t.is_sign_negative() {
                problems.add(
                    &kpi_file,
                    format!("{key}.tolerance"),
                    "une tolérance ne peut pas être négative",
                );
            } else if let Some(problem) = bounds::figure_problem(t) {
                problems.add(&kpi_file, format!("{key}.tolerance"), problem);
            }
        }
        if raw.indivisible && unit != Unit::Count {
            problems.add(
                &kpi_file,
                format!("{key}.indivisible"),
                "seul un dénombrement peut être indivisible : écrivez unit = \"count\", ou retirez indivisible",
            );
        }
        let mut mistakes = Vec::new();
        for (m_i, m) in raw.mistakes.iter().enumerate() {
            if let Some(expr) = compile(
                &m.formula,
                &format!("mistakes[{m_i}].formula"),
                &mut problems,
            ) {
                if !texts.contains(&m.message) {
                    problems.add(
                        &kpi_file,
                        format!("{key}.mistakes[{m_i}].message"),
                        format!("aucun texte « {} » dans {} : écrivez l’identifiant du texte qui explique l’erreur", m.message, prompts_dir.display()),
                    );
                }
                mistakes.push(DeclaredMistake {
                    expr,
                    message: m.message.clone(),
                });
            }
        }
        kpis.push(Kpi {
            id: id.clone(),
            label: raw.label.clone(),
            unit,
            precision: raw.precision.min(bounds::MAX_PRECISION),
            kind,
            expr,
            aliases: raw.aliases.clone(),
            words: raw.words.iter().map(|w| w.to_lowercase()).collect(),
            tolerance: raw.tolerance,
            min_decimals: raw.min_decimals,
            indivisible: raw.indivisible,
            mistakes,
            annexes: Vec::new(),
        });
    }
    if kpis.len() != raw_kpi_list.len() {
        // Indices would not line up with `kpi_index`: stop here with what was found.
        return Err(problems.into_errors());
    }
    if let Some(cycle) = find_cycle(&kpis) {
        problems.add(
            &kpi_file,
            format!("kpis.{}", kpis[cycle].id),
            "cet indicateur dépend de lui-même par sa formule (boucle) : une formule ne peut pas revenir à son propre indicateur",
        );
        return Err(problems.into_errors());
    }
    for i in 0..kpis.len() {
        let mut set = BTreeSet::new();
        collect_annexes(&kpis, &values, i, &mut set);
        kpis[i].annexes = set.into_iter().collect();
    }

    // questions.toml
    let mut questions: Vec<Question> = Vec::new();
    let mut part_ids: BTreeSet<String> = BTreeSet::new();
    for (i, q) in raw_questions.questions.iter().enumerate() {
        let key = format!("questions[{i}]");
        if questions.iter().any(|x| x.id == q.id) {
            problems.add(
                &question_file,
                format!("{key}.id"),
                format!(
                    "la question « {} » est déclarée deux fois : changez l’un des identifiants",
                    q.id
                ),
            );
        }
        if !dossiers.iter().any(|d| d.id == q.dossier) {
            problems.add(
                &question_file,
                format!("{key}.dossier"),
                format!(
                    "le dossier « {} » n’est pas déclaré dans case.toml",
                    q.dossier
                ),
            );
        }
        for n in &q.annexes {
            if !annex_numbers.contains(n) {
                problems.add(
                    &question_file,
                    format!("{key}.annexes"),
                    format!("l’annexe {n} n’est pas déclarée dans annexes.toml"),
                );
            }
        }
        if let Some(problem) = bounds::points_problem(q.points, "une question") {
            problems.add(&question_file, format!("{key}.points"), problem);
        }
        let mut parts = Vec::new();
        for (p_i, p) in q.parts.iter().enumerate() {
            let p_key = format!("{key}.parts[{p_i}]");
            if !part_ids.insert(p.id.clone()) {
                problems.add(
                    &question_file,
                    format!("{p_key}.id"),
                    format!(
                        "le calcul « {} » est déclaré deux fois : changez l’un des identifiants",
                        p.id
                    ),
                );
            }
            let milli = match bounds::points_problem(p.points, "un calcul") {
                Some(problem) => {
                    problems.add(&question_file, format!("{p_key}.points"), problem);
                    0
                }
                // Within bounds, thousandths always fit.
                None => crate::case::to_milli(p.points).unwrap_or(0),
            };
            match kpi_index.get(&p.kpi) {
                Some(&k) => parts.push(Part {
                    id: p.id.clone(),
                    kpi: k,
                    points: p.points,
                    milli,
                }),
                None => problems.add(
                    &question_file,
                    format!("{p_key}.kpi"),
                    format!(
                        "indicateur inconnu : « {} » (écrivez un identifiant de kpis.toml)",
                        p.kpi
                    ),
                ),
            }
        }
        let parts_sum = bounds::checked_sum(parts.iter().map(|p| p.points));
        if let Some(parts_sum) = parts_sum.filter(|s| *s > q.points) {
            problems.add(
                &question_file,
                format!("{key}.parts"),
                format!(
                    "les calculs totalisent {parts_sum} points, plus que les {} points de la question",
                    q.points
                ),
            );
        }
        questions.push(Question {
            id: q.id.clone(),
            dossier: q.dossier.clone(),
            points: q.points,
            annexes: q.annexes.clone(),
            parts,
        });
    }
    for d in &dossiers {
        let sum = bounds::checked_sum(
            questions
                .iter()
                .filter(|q| q.dossier == d.id)
                .map(|q| q.points),
        );
        if let Some(sum) = sum.filter(|s| *s != d.points) {
            problems.add(&question_file, "questions", format!("les questions du dossier « {} » totalisent {sum} points mais case.toml lui en donne {} : les deux doivent être égaux", d.id, d.points));
        }
    }

    // The optional grids.toml and linkedin.toml.
    let grids = workshop::load_grids(&dir.join("grids.toml"), &questions, &mut problems);
    let workshop = workshop::load_linkedin(&dir.join("linkedin.toml"), &questions, &mut problems);

    let case = Case {
        meta: meta::case_meta(&raw_case),
        dossiers,
        annexes,
        values,
        kpis,
        questions,
        texts,
        value_index,
        kpi_index,
        grids,
    };

    // Every KPI and every declared mistake must evaluate.
    // Every KPI and every declared mistake must evaluate, within bounds: exactly, and with
    // the KPIs it uses rounded as a student copies them (what the checker accepts too).
    for (i, k) in case.kpis.iter().enumerate() {
        let results = [case.evaluate(i), case.evaluate_from_rounded(i)];
        match results.iter().find_map(|r| r.as_ref().err()) {
            Some(e) => problems.add(
                &kpi_file,
                format!("kpis.{}", k.id),
                format!("calcul impossible : {}", eval_problem(e)),
            ),
            None => {
                if let Some(problem) = results
                    .iter()
                    .flatten()
                    .find_map(|v| bounds::result_problem(*v))
                {
                    problems.add(&kpi_file, format!("kpis.{}", k.id), problem);
                }
            }
        }
        for (m_i, m) in k.mistakes.iter().enumerate() {
            let location = format!("kpis.{}.mistakes[{m_i}]", k.id);
            match case.eval_exact(&m.expr, &k.id) {
                Err(e) => problems.add(
                    &kpi_file,
                    location,
                    format!("calcul impossible : {}", eval_problem(&e)),
                ),
                Ok(v) => {
                    if let Some(problem) = bounds::result_problem(v) {
                        problems.add(&kpi_file, location, problem);
                    }
                }
            }
        }
    }
    texts::check_texts(&case, &prompts_dir, &mut problems);
    workshop::check_texts(&case, workshop.as_ref(), &prompts_dir, &mut problems);

    if !problems.is_empty() {
        return Err(problems.into_errors());
    }
    let plans = Plans::build(&case).map_err(|e| {
        PackErrors(vec![PackError {
            file: kpi_file.clone(),
            location: "kpis".into(),
            problem: format!(
                "impossible de préparer la correction des réponses : {}",
                eval_problem(&e)
            ),
        }])
    })?;
    Ok(CasePack {
        case,
        plans,
        workshop,
    })
}

/// Why a KPI cannot be computed, in French.
fn eval_problem(e: &crate::kpi::EvalError) -> String {
    match e {
        crate::kpi::EvalError::Arithmetic(what) => format!(
            "division par zéro ou dépassement en calculant {what} : vérifiez les valeurs et la formule"
        ),
        crate::kpi::EvalError::NoSuchKpi(i) => format!("aucun indicateur n° {i}"),
    }
}

fn find_cycle(kpis: &[Kpi]) -> Option<usize> {
    // 0 = unvisited, 1 = on the current path, 2 = done
    fn visit(kpis: &[Kpi], i: usize, state: &mut [u8]) -> Option<usize> {
        match state[i] {
            1 => return Some(i),
            2 => return None,
            _ => {}
        }
        state[i] = 1;
        for r in kpis[i].expr.refs() {
            if let RefId::Kpi(j) = *r {
                if let Some(c) = visit(kpis, j, state) {
                    return Some(c);
                }
            }
        }
        state[i] = 2;
        None
    }
    let mut state = vec![0u8; kpis.len()];
    (0..kpis.len()).find_map(|i| visit(kpis, i, &mut state))
}

fn collect_annexes(kpis: &[Kpi], values: &[Value], i: usize, out: &mut BTreeSet<u8>) {
    for r in kpis[i].expr.refs() {
        match *r {
            RefId::Value(v) => {
                if let Some(a) = values[v].annex {
                    out.insert(a);
                }
            }
            RefId::Kpi(k) => collect_annexes(kpis, values, k, out),
        }
    }
}
