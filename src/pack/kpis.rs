//! `kpis.toml`: the indicators of the subject, their formulas, options and declared mistakes, and
//! the check that every one of them evaluates.

use super::annexes::Values;
use super::{bounds, is_identifier};
use crate::case::Case;
use crate::format::Unit;
use crate::formula::{self, Expr, Op};
use crate::kpi::{DeclaredMistake, EvalError, Kpi, KpiKind, RefId};
use crate::problem::{wording, Problems};
use crate::prompts::Prompts;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

/// `kpis.toml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawKpis {
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

/// What a KPI's definition may refer to: the values and every declared KPI (readable ones, in
/// the order of `kpis.toml`), and where problems with it are reported.
struct Resolver<'a> {
    values: &'a Values,
    kpi_index: &'a HashMap<String, usize>,
    raw_kpis: &'a [(String, RawKpi)],
    file: &'a Path,
}

impl Resolver<'_> {
    /// The value, or else the KPI, that `name` designates.
    fn resolve(&self, name: &str) -> Option<RefId> {
        self.values
            .index
            .get(name)
            .map(|&i| RefId::Value(i))
            .or_else(|| self.kpi_index.get(name).map(|&i| RefId::Kpi(i)))
    }

    /// The unit of a value, or the declared unit of a KPI (an evolution is in percent).
    fn unit_of(&self, r: RefId) -> Option<Unit> {
        match r {
            RefId::Value(i) => Some(self.values.list[i].unit),
            RefId::Kpi(i) => self.raw_kpis[i].1.unit.or_else(|| {
                let k = &self.raw_kpis[i].1;
                k.evolution.as_ref().map(|_| Unit::Percent)
            }),
        }
    }

    /// Whether `r` is a value already reported as wrong (its unit may be a stand-in too).
    fn is_broken(&self, r: RefId) -> bool {
        match r {
            RefId::Value(i) => self
                .values
                .list
                .get(i)
                .is_some_and(|v| self.values.broken.contains(&v.id)),
            RefId::Kpi(_) => false,
        }
    }

    /// Parses the formula `src` of `{key}.{field}`: it must parse, its numbers must be within
    /// bounds and every id must resolve (a broken value resolves to its stand-in).
    fn compile(
        &self,
        src: &str,
        key: &str,
        field: &str,
        problems: &mut Problems,
    ) -> Option<Expr<RefId>> {
        let parsed = match formula::parse(src) {
            Ok(e) => e,
            Err(e) => {
                problems.add(
                    self.file,
                    format!("{key}.{field}"),
                    format!("formule « {src} » : {e}"),
                );
                return None;
            }
        };
        for n in parsed.numbers() {
            if let Some(problem) = bounds::figure_problem(n) {
                problems.add(
                    self.file,
                    format!("{key}.{field}"),
                    format!("formule « {src} » : {problem}"),
                );
                return None;
            }
        }
        let mut unknown = Vec::new();
        let resolved = parsed.try_map(&mut |name: String| match self.resolve(&name) {
            Some(r) => Ok::<RefId, ()>(r),
            None => {
                unknown.push(name);
                Ok(RefId::Value(usize::MAX))
            }
        });
        if !unknown.is_empty() {
            problems.add(
                self.file,
                format!("{key}.{field}"),
                format!(
                    "identifiant inconnu : {} (écrivez un identifiant de [values] dans annexes.toml ou d’un indicateur de kpis.toml)",
                    unknown.join(", ")
                ),
            );
            return None;
        }
        resolved.ok()
    }

    /// Resolves the `from` and `to` of `{key}.{field}`, reporting each one that names nothing.
    fn resolve_from_to(
        &self,
        ft: &FromTo,
        key: &str,
        field: &str,
        problems: &mut Problems,
    ) -> Option<(RefId, RefId)> {
        let from = self.resolve(&ft.from);
        let to = self.resolve(&ft.to);
        for (name, r) in [(&ft.from, from), (&ft.to, to)] {
            if r.is_none() {
                problems.add(
                    self.file,
                    format!("{key}.{field}"),
                    format!("identifiant inconnu : « {name} » (écrivez un identifiant de [values] ou d’un indicateur)"),
                );
            }
        }
        Some((from?, to?))
    }
}

/// Checks every KPI of `kpis.toml` and returns them with their index by id; `None` when loading
/// must stop here (a KPI could not be built, so indices would not line up, or the formulas
/// loop), with the problems recorded.
pub(super) fn load_kpis(
    raw: &RawKpis,
    values: &Values,
    texts: &Prompts,
    prompts_dir: &Path,
    file: &Path,
    problems: &mut Problems,
) -> Option<(Vec<Kpi>, HashMap<String, usize>)> {
    let (kpi_index, raw_kpis) = declare_kpis(raw, values, file, problems);
    let resolver = Resolver {
        values,
        kpi_index: &kpi_index,
        raw_kpis: &raw_kpis,
        file,
    };
    let mut kpis: Vec<Kpi> = Vec::new();
    for (id, raw) in &raw_kpis {
        if let Some(kpi) = build_kpi(&resolver, id, raw, texts, prompts_dir, problems) {
            kpis.push(kpi);
        }
    }
    if kpis.len() != raw_kpis.len() {
        // Indices would not line up with `kpi_index`: stop here with what was found.
        return None;
    }
    let order = match dependency_order(&kpis) {
        Ok(order) => order,
        Err(cycle) => {
            problems.add(
                file,
                format!("kpis.{}", kpis[cycle].id),
                "cet indicateur dépend de lui-même par sa formule (boucle) : une formule ne peut pas revenir à son propre indicateur",
            );
            return None;
        }
    };
    if !within_bounds(&kpis, &order, file, problems) {
        return None;
    }
    // In dependency order, each KPI's annexes are those of its values and of the KPIs it uses
    // (already known): one pass, however the formulas share their KPIs.
    let mut annexes: Vec<BTreeSet<u8>> = vec![BTreeSet::new(); kpis.len()];
    for &i in &order {
        let mut set = BTreeSet::new();
        for r in kpis[i].expr.refs() {
            match *r {
                RefId::Value(v) => set.extend(values.list[v].annex),
                RefId::Kpi(k) => set.extend(annexes[k].iter().copied()),
            }
        }
        annexes[i] = set;
    }
    for (kpi, set) in kpis.iter_mut().zip(annexes) {
        kpi.annexes = set.into_iter().collect();
    }
    Some((kpis, kpi_index))
}

/// The first pass over `kpis.toml`: every id is an identifier distinct from the values' ids,
/// and every KPI reads. Returns the index of the readable KPIs by id, and them in order, so that
/// formulas may use KPIs declared further down.
fn declare_kpis(
    raw: &RawKpis,
    values: &Values,
    file: &Path,
    problems: &mut Problems,
) -> (HashMap<String, usize>, Vec<(String, RawKpi)>) {
    let mut kpi_index: HashMap<String, usize> = HashMap::new();
    let mut raw_kpis: Vec<(String, RawKpi)> = Vec::new();
    for (id, raw) in &raw.kpis {
        let key = format!("kpis.{id}");
        if !is_identifier(id) {
            problems.add(
                file,
                &key,
                "identifiant d’indicateur incorrect : minuscules sans accent, chiffres et « _ », en commençant par une lettre (par exemple a3_ctr)",
            );
        }
        if values.index.contains_key(id) {
            problems.add(file, &key, format!("« {id} » est déjà l’identifiant d’une valeur de annexes.toml : valeurs et indicateurs ont des identifiants distincts, renommez l’un des deux"));
        }
        match raw.clone().try_into::<RawKpi>() {
            Ok(k) => {
                kpi_index.insert(id.clone(), raw_kpis.len());
                raw_kpis.push((id.clone(), k));
            }
            Err(e) => problems.add(file, &key, wording::toml_message(e.message())),
        }
    }
    (kpi_index, raw_kpis)
}

/// Checks one KPI (its definition, then its options, then its declared mistakes) and builds it;
/// `None` when its definition is unusable.
fn build_kpi(
    resolver: &Resolver,
    id: &str,
    raw: &RawKpi,
    texts: &Prompts,
    prompts_dir: &Path,
    problems: &mut Problems,
) -> Option<Kpi> {
    let key = format!("kpis.{id}");
    let (kind, expr, unit) = kpi_definition(resolver, &key, raw, problems)?;
    check_kpi_options(raw, unit, &key, resolver.file, problems);
    let mut mistakes = Vec::new();
    for (m_i, m) in raw.mistakes.iter().enumerate() {
        if let Some(expr) = resolver.compile(
            &m.formula,
            &key,
            &format!("mistakes[{m_i}].formula"),
            problems,
        ) {
            if !texts.contains(&m.message) {
                problems.add(
                    resolver.file,
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
    Some(Kpi {
        id: id.to_string(),
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
    })
}

/// Checks that a KPI has exactly one of `formula`, `evolution` and `difference`, and that it
/// resolves with a fitting unit. Returns its kind, its expression and its unit, or `None` when
/// the KPI cannot be built.
fn kpi_definition(
    resolver: &Resolver,
    key: &str,
    raw: &RawKpi,
    problems: &mut Problems,
) -> Option<(KpiKind, Expr<RefId>, Unit)> {
    let file = resolver.file;
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
            file,
            key,
            "un indicateur se définit par une seule des clés formula, evolution ou difference : gardez-en exactement une",
        );
        return None;
    }
    if let Some(src) = &raw.formula {
        let expr = resolver.compile(src, key, "formula", problems)?;
        let Some(unit) = raw.unit else {
            problems.add(
                file,
                format!("{key}.unit"),
                "une formule a besoin d’une unité : ajoutez unit = \"count\", \"eur\", \"percent\", \"points\", \"ratio\" ou \"seconds\"",
            );
            return None;
        };
        Some((KpiKind::Formula, expr, unit))
    } else if let Some(ft) = &raw.evolution {
        let (from, to) = resolver.resolve_from_to(ft, key, "evolution", problems)?;
        if raw.unit.is_some_and(|u| u != Unit::Percent) {
            problems.add(
                file,
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
        Some((KpiKind::Evolution { from, to }, expr, Unit::Percent))
    } else if let Some(ft) = &raw.difference {
        let (from, to) = resolver.resolve_from_to(ft, key, "difference", problems)?;
        let (uf, ut) = (resolver.unit_of(from), resolver.unit_of(to));
        // A broken value's unit may be a stand-in: its own problem is said already.
        let stand_in = resolver.is_broken(from) || resolver.is_broken(to);
        if uf != ut && !stand_in {
            problems.add(
                file,
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
        Some((KpiKind::Difference { from, to }, expr, unit))
    } else {
        None
    }
}

/// Checks a KPI's options against its unit: `precision` at most [`bounds::MAX_PRECISION`],
/// `min_decimals` at most the precision, `tolerance` not negative and within bounds,
/// `indivisible` only for a count.
fn check_kpi_options(raw: &RawKpi, unit: Unit, key: &str, file: &Path, problems: &mut Problems) {
    if raw.precision > bounds::MAX_PRECISION {
        problems.add(
            file,
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
                file,
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
                file,
                format!("{key}.tolerance"),
                "une tolérance ne peut pas être négative",
            );
        } else if let Some(problem) = bounds::figure_problem(t) {
            problems.add(file, format!("{key}.tolerance"), problem);
        }
    }
    if raw.indivisible && unit != Unit::Count {
        problems.add(
            file,
            format!("{key}.indivisible"),
            "seul un dénombrement peut être indivisible : écrivez unit = \"count\", ou retirez indivisible",
        );
    }
}

/// A figure of `[values]` that the pack checks against a formula (its `equals`): a total the
/// subject prints, say, against the sum of what it totals.
pub(super) struct ValueCheck {
    /// Index of the value in the case's values.
    value: usize,
    /// The formula as written, to quote it.
    src: String,
    expr: Expr<RefId>,
}

/// Reads the `equals` of every value (`annex_file`'s `values.<id>.equals`): each must parse and
/// name values or KPIs, like a KPI's formula.
pub(super) fn compile_checks(
    values: &Values,
    kpi_index: &HashMap<String, usize>,
    annex_file: &Path,
    problems: &mut Problems,
) -> Vec<ValueCheck> {
    let resolver = Resolver {
        values,
        kpi_index,
        // Units are not looked at: a check compares two figures of one unit, the printed one.
        raw_kpis: &[],
        file: annex_file,
    };
    let mut checks = Vec::new();
    for (value, src) in &values.equals {
        let key = format!("values.{}", values.list[*value].id);
        if let Some(expr) = resolver.compile(src, &key, "equals", problems) {
            checks.push(ValueCheck {
                value: *value,
                src: src.clone(),
                expr,
            });
        }
    }
    checks
}

/// Checks every `equals` of `[values]`: the formula, worked exactly and rounded to the
/// decimals the figure is written with (a printed total is rounded as it is printed), gives the
/// figure. What uses a broken value is not judged (see [`check_evaluations`]).
pub(super) fn check_values(
    case: &Case,
    checks: &[ValueCheck],
    broken: &BTreeSet<usize>,
    annex_file: &Path,
    problems: &mut Problems,
) {
    let tainted = tainted_kpis(&case.kpis, broken);
    for check in checks {
        if uses_broken(&check.expr, broken, &tainted) {
            continue;
        }
        let v = &case.values[check.value];
        let key = format!("values.{}.equals", v.id);
        match case.eval_exact(&check.expr, &v.id) {
            Err(e) => problems.add(
                annex_file,
                key,
                format!("calcul impossible : {}", eval_problem(&e)),
            ),
            Ok(result) => {
                let rounded = crate::format::round(result, v.value.scale());
                if rounded != v.value {
                    let exactly = if rounded == result {
                        String::new()
                    } else {
                        format!(" (exactement {})", result.normalize())
                    };
                    problems.add(
                        annex_file,
                        key,
                        format!(
                            "le sujet imprime {}, mais « {} » vaut {}{exactly} : vérifiez les chiffres recopiés et la formule ; si c’est le sujet qui se trompe, gardez son chiffre et retirez equals",
                            v.value,
                            check.src.trim(),
                            rounded.normalize()
                        ),
                    );
                }
            }
        }
    }
}

/// Checks that every KPI and every declared mistake evaluates, within bounds: exactly, and with
/// the KPIs it uses rounded as a student copies them (what the checker accepts too). What is
/// computed from a broken value (`broken`: indices of values) is not judged: its figure is a
/// stand-in, and the value's own problem says what to fix.
pub(super) fn check_evaluations(
    case: &Case,
    broken: &BTreeSet<usize>,
    file: &Path,
    problems: &mut Problems,
) {
    let tainted = tainted_kpis(&case.kpis, broken);
    for (i, k) in case.kpis.iter().enumerate() {
        if tainted[i] {
            continue;
        }
        let results = [case.evaluate(i), case.evaluate_from_rounded(i)];
        match results.iter().find_map(|r| r.as_ref().err()) {
            Some(e) => problems.add(
                file,
                format!("kpis.{}", k.id),
                format!("calcul impossible : {}", eval_problem(e)),
            ),
            None => {
                if let Some(problem) = results
                    .iter()
                    .flatten()
                    .find_map(|v| bounds::result_problem(*v))
                {
                    problems.add(file, format!("kpis.{}", k.id), problem);
                }
            }
        }
        for (m_i, m) in k.mistakes.iter().enumerate() {
            if uses_broken(&m.expr, broken, &tainted) {
                continue;
            }
            let location = format!("kpis.{}.mistakes[{m_i}]", k.id);
            match case.eval_exact(&m.expr, &k.id) {
                Err(e) => problems.add(
                    file,
                    location,
                    format!("calcul impossible : {}", eval_problem(&e)),
                ),
                Ok(v) => {
                    if let Some(problem) = bounds::result_problem(v) {
                        problems.add(file, location, problem);
                    }
                }
            }
        }
    }
}

/// Why a KPI cannot be computed, in French.
pub(super) fn eval_problem(e: &EvalError) -> String {
    match e {
        EvalError::Arithmetic(what) => format!(
            "division par zéro ou dépassement en calculant {what} : vérifiez les valeurs et la formule"
        ),
        EvalError::NoSuchKpi(i) => format!("aucun indicateur n° {i}"),
    }
}

/// Whether `expr` names a broken value, or a KPI computed from one (`tainted`, by KPI index).
pub(super) fn uses_broken(expr: &Expr<RefId>, broken: &BTreeSet<usize>, tainted: &[bool]) -> bool {
    expr.refs().into_iter().any(|r| match *r {
        RefId::Value(v) => broken.contains(&v),
        RefId::Kpi(k) => tainted.get(k).copied().unwrap_or(false),
    })
}

/// For each KPI, whether it is computed from a broken value, directly or through the KPIs it
/// uses (the formulas have no loop: checked before).
pub(super) fn tainted_kpis(kpis: &[Kpi], broken: &BTreeSet<usize>) -> Vec<bool> {
    // None = not known yet.
    fn visit(
        kpis: &[Kpi],
        i: usize,
        broken: &BTreeSet<usize>,
        known: &mut [Option<bool>],
        depth: usize,
    ) -> bool {
        if let Some(t) = known[i] {
            return t;
        }
        // A loop is refused before; the bound only keeps a broken pack finite.
        if depth > kpis.len() {
            return false;
        }
        let t = kpis[i].expr.refs().into_iter().any(|r| match *r {
            RefId::Value(v) => broken.contains(&v),
            RefId::Kpi(k) => k < kpis.len() && visit(kpis, k, broken, known, depth + 1),
        });
        known[i] = Some(t);
        t
    }
    let mut known = vec![None; kpis.len()];
    (0..kpis.len())
        .map(|i| visit(kpis, i, broken, &mut known, 0))
        .collect()
}

/// The most KPIs a calculation may chain (a KPI computed from a KPI computed from…), and the
/// most figures its formulas reach once every KPI is written out. Evaluating recurses through
/// the chain and visits every figure reached: these bound both, whatever a pack declares.
pub const MAX_CHAIN: usize = 16;
pub const MAX_EXPANDED: u64 = 100_000;
/// The most figures all the KPIs of a pack reach together: loading evaluates each of them.
pub const MAX_EXPANDED_TOTAL: u64 = 1_000_000;

/// The KPIs in an order where each comes after the KPIs its formula uses, or a KPI on a loop.
/// Iterative (Kahn's algorithm): a chain of any length walks no stack.
fn dependency_order(kpis: &[Kpi]) -> Result<Vec<usize>, usize> {
    let uses: Vec<BTreeSet<usize>> = kpis
        .iter()
        .map(|k| {
            k.expr
                .refs()
                .into_iter()
                .filter_map(|r| match *r {
                    RefId::Kpi(j) => Some(j),
                    RefId::Value(_) => None,
                })
                .collect()
        })
        .collect();
    let mut used_by: Vec<Vec<usize>> = vec![Vec::new(); kpis.len()];
    for (i, deps) in uses.iter().enumerate() {
        for &j in deps {
            used_by[j].push(i);
        }
    }
    let mut waiting: Vec<usize> = uses.iter().map(BTreeSet::len).collect();
    let mut ready: Vec<usize> = (0..kpis.len()).filter(|&i| waiting[i] == 0).collect();
    let mut order = Vec::with_capacity(kpis.len());
    while let Some(i) = ready.pop() {
        order.push(i);
        for &d in &used_by[i] {
            waiting[d] -= 1;
            if waiting[d] == 0 {
                ready.push(d);
            }
        }
    }
    match (0..kpis.len()).find(|&i| waiting[i] > 0) {
        Some(on_loop) => Err(on_loop),
        None => Ok(order),
    }
}

/// Whether every KPI chains at most [`MAX_CHAIN`] KPIs and reaches at most [`MAX_EXPANDED`]
/// figures; the first that does not is reported.
fn within_bounds(kpis: &[Kpi], order: &[usize], file: &Path, problems: &mut Problems) -> bool {
    let mut chain = vec![0usize; kpis.len()];
    let mut reached = vec![0u64; kpis.len()];
    let mut total = 0u64;
    for &i in order {
        let (mut longest, mut figures) = (0usize, 0u64);
        for r in kpis[i].expr.refs() {
            match *r {
                RefId::Value(_) => figures = figures.saturating_add(1),
                RefId::Kpi(k) => {
                    longest = longest.max(chain[k]);
                    figures = figures.saturating_add(reached[k]);
                }
            }
        }
        chain[i] = longest + 1;
        reached[i] = figures;
        total = total.saturating_add(figures);
        if chain[i] > MAX_CHAIN {
            problems.add(
                file,
                format!("kpis.{}", kpis[i].id),
                format!("cet indicateur se calcule à partir d’une chaîne de plus de {MAX_CHAIN} indicateurs calculés les uns à partir des autres : un sujet n’en enchaîne que quelques-uns ; calculez-le à partir des chiffres des annexes ou d’indicateurs plus proches"),
            );
            return false;
        }
        if figures > MAX_EXPANDED {
            problems.add(
                file,
                format!("kpis.{}", kpis[i].id),
                format!("le calcul de cet indicateur, une fois chaque indicateur qu’il utilise remplacé par sa formule, lit plus de {} chiffres : simplifiez ses formules", crate::format::number(rust_decimal::Decimal::from(MAX_EXPANDED), 0)),
            );
            return false;
        }
        if total > MAX_EXPANDED_TOTAL {
            problems.add(
                file,
                format!("kpis.{}", kpis[i].id),
                format!("à partir de cet indicateur, les calculs du sujet, une fois chaque indicateur remplacé par sa formule, lisent plus de {} chiffres en tout : simplifiez les formules ou retirez des indicateurs", crate::format::number(rust_decimal::Decimal::from(MAX_EXPANDED_TOTAL), 0)),
            );
            return false;
        }
    }
    true
}
