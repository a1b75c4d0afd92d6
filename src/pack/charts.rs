//! The optional `charts.toml` of a pack: the pictures that go with its annexes. Each chart
//! names its kind, its annexes, the pack's value and KPI ids it draws and the ids of its texts
//! in the pack's texts folder; the chart module (`src/chart/`) draws them and knows no subject.
//! A pack without the file has no pictures. When present, the file is checked like the rest,
//! every problem with file and key: every id resolves, every text exists, every chart has the
//! shape of its kind (two periods, two campaigns, two shares that make up their total, one
//! operation between two steps of a plan whose ROAS is its last step over its first).
//! Format: `config/cases/README.md`, « charts.toml (facultatif) : les graphiques ».

use super::{read_toml, Source};
use crate::case::{Case, RefId};
use crate::format::{self, Unit};
use crate::problem::{wording, Problems};
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::Path;

/// The charts a pack declares (none without `charts.toml`).
#[derive(Debug, Clone, Default)]
pub struct Charts {
    /// In the order of the file: `/annexe N` attaches the first one that goes with annex N.
    pub list: Vec<Chart>,
    /// The KPI the sample class answers are about (`sample_kpi`), an index into the KPIs.
    pub sample_kpi: Option<usize>,
}

impl Charts {
    /// Every text id the charts read, in the order of the file (repeats included).
    pub fn text_ids(&self) -> Vec<&str> {
        self.list.iter().flat_map(Chart::text_ids).collect()
    }
}

/// One chart, every id checked: its figures are indices into the case's values and KPIs, its
/// texts ids of the pack's texts (rendered as case texts: `{kpi.ID}` and `{value.ID}` work).
#[derive(Debug, Clone)]
pub struct Chart {
    /// The picture's file name, without `.png`: `annexe2-trafic`.
    pub name: String,
    /// The annexes it goes with, in the file's order.
    pub annexes: Vec<u8>,
    pub title: String,
    pub subtitle: Option<String>,
    /// The source line, in the footer.
    pub source: String,
    pub body: ChartBody,
}

/// A figure, or figures, with the text that names them.
#[derive(Debug, Clone)]
pub struct Labelled<F> {
    pub label: String,
    pub figure: F,
}

/// What a chart draws, by kind.
#[derive(Debug, Clone)]
pub enum ChartBody {
    /// `periods`: horizontal bars, on each row one bar per period of the legend (two).
    Periods {
        legend: [String; 2],
        rows: Vec<Labelled<[RefId; 2]>>,
    },
    /// `evolutions`: evolutions in %, bars either side of zero, and a note under them.
    Evolutions {
        rows: Vec<Labelled<RefId>>,
        note: Option<EvolutionNote>,
    },
    /// `comparison`: two campaigns side by side, one panel per indicator.
    Comparison {
        series: [String; 2],
        panels: Vec<Panel>,
    },
    /// `shares`: 100 % bars, each split between the two segments.
    Shares {
        segments: [String; 2],
        rows: Vec<ShareRow>,
    },
    /// `plan`: a plan over a month, steps linked by operations, and its ROAS.
    Plan(Plan),
}

/// The note under evolutions: a figure from one period to the next, its difference and its
/// evolution (« Taux de rebond : 0,61 % → 1,41 %, soit +0,80 pt (+131,15 %) »).
#[derive(Debug, Clone)]
pub struct EvolutionNote {
    pub label: String,
    pub from: RefId,
    pub to: RefId,
    pub difference: RefId,
    pub evolution: RefId,
}

/// Which way an indicator of a comparison is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Better {
    Lower,
    Higher,
}

/// One indicator of a comparison: the two campaigns' figures.
#[derive(Debug, Clone)]
pub struct Panel {
    pub label: String,
    pub better: Option<Better>,
    pub figures: [RefId; 2],
}

/// One 100 % bar: its total (written in its label) and the two segments' shares.
#[derive(Debug, Clone)]
pub struct ShareRow {
    pub label: String,
    pub total: RefId,
    pub shares: [RefId; 2],
}

/// How one step of a plan leads to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum By {
    Divide,
    Multiply,
}

/// One operation of a plan: « ÷ coût par clic (2 €) ».
#[derive(Debug, Clone)]
pub struct Operation {
    pub label: String,
    pub by: By,
    pub figure: RefId,
}

/// A plan over a month: its steps (the first is what is spent, the last what it brings in),
/// one operation between two steps, and the ROAS (the last step over the first).
#[derive(Debug, Clone)]
pub struct Plan {
    pub steps: Vec<Labelled<RefId>>,
    pub operations: Vec<Operation>,
    pub roas: RefId,
}

impl Chart {
    /// Every text id the chart reads, in drawing order.
    pub fn text_ids(&self) -> Vec<&str> {
        let mut ids = vec![self.title.as_str()];
        ids.extend(self.subtitle.as_deref());
        ids.push(&self.source);
        match &self.body {
            ChartBody::Periods { legend, rows } => {
                ids.extend(legend.iter().map(String::as_str));
                ids.extend(rows.iter().map(|r| r.label.as_str()));
            }
            ChartBody::Evolutions { rows, note } => {
                ids.extend(rows.iter().map(|r| r.label.as_str()));
                ids.extend(note.iter().map(|n| n.label.as_str()));
            }
            ChartBody::Comparison { series, panels } => {
                ids.extend(series.iter().map(String::as_str));
                ids.extend(panels.iter().map(|p| p.label.as_str()));
            }
            ChartBody::Shares { segments, rows } => {
                ids.extend(segments.iter().map(String::as_str));
                ids.extend(rows.iter().map(|r| r.label.as_str()));
            }
            ChartBody::Plan(plan) => {
                ids.extend(plan.steps.iter().map(|s| s.label.as_str()));
                ids.extend(plan.operations.iter().map(|o| o.label.as_str()));
            }
        }
        ids
    }
}

// ------------------------------------------------------------------------------------------
// The file as written.

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCharts {
    sample_kpi: Option<String>,
    #[serde(default)]
    charts: Vec<toml::Table>,
}

/// The keys every kind has; the others belong to the kind.
const COMMON: [&str; 6] = ["name", "annexes", "kind", "title", "subtitle", "source"];

/// The kinds, as written, with what they draw (for the problem naming an unknown kind).
const KINDS: &str = "periods (barres par période), evolutions (évolutions en %), comparison (deux campagnes côte à côte), shares (parts d’un total), plan (plan sur un mois)";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCommon {
    name: String,
    annexes: Vec<u8>,
    kind: String,
    title: String,
    subtitle: Option<String>,
    source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPeriods {
    legend: Vec<String>,
    rows: Vec<RawRow>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRow {
    label: String,
    figures: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    label: String,
    figure: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvolutions {
    rows: Vec<RawStep>,
    note: Option<RawNote>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNote {
    label: String,
    from: String,
    to: String,
    difference: String,
    evolution: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawComparison {
    series: Vec<String>,
    panels: Vec<RawPanel>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPanel {
    label: String,
    better: Option<Better>,
    figures: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawShares {
    segments: Vec<String>,
    rows: Vec<RawShareRow>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawShareRow {
    label: String,
    total: String,
    shares: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlan {
    steps: Vec<RawStep>,
    operations: Vec<RawOperation>,
    roas: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOperation {
    label: String,
    by: By,
    figure: String,
}

// ------------------------------------------------------------------------------------------
// Reading and checking.

/// Reads `charts.toml` if the pack has one, over the case loaded so far (its figures evaluate,
/// its texts are read); texts missing are looked for in `prompts_dir`.
pub(super) fn load_charts(
    source: Source,
    file: &Path,
    case: &Case,
    prompts_dir: &Path,
    problems: &mut Problems,
) -> Charts {
    if !source.is_file(file) {
        return Charts::default();
    }
    let Some(raw) = read_toml::<RawCharts>(source, file, problems) else {
        return Charts::default();
    };
    let mut check = Check {
        case,
        file,
        prompts_dir,
        problems,
    };
    let sample_kpi = raw
        .sample_kpi
        .as_deref()
        .and_then(|id| check.sample_kpi(id));
    let mut names = BTreeSet::new();
    let list = raw
        .charts
        .iter()
        .enumerate()
        .filter_map(|(i, table)| check.chart(table, &format!("charts[{i}]"), &mut names))
        .collect();
    Charts { list, sample_kpi }
}

/// The checks of one file, each adding its problems to the pack's list.
struct Check<'a> {
    case: &'a Case,
    file: &'a Path,
    prompts_dir: &'a Path,
    problems: &'a mut Problems,
}

impl Check<'_> {
    fn add(&mut self, key: &str, problem: impl Into<String>) {
        self.problems.add(self.file, key, problem);
    }

    /// Reads a table as `T`, or records why it does not read.
    fn parse<T: DeserializeOwned>(&mut self, table: toml::Table, key: &str) -> Option<T> {
        match toml::Value::Table(table).try_into() {
            Ok(v) => Some(v),
            Err(e) => {
                self.add(key, wording::toml_message(e.message()));
                None
            }
        }
    }

    fn sample_kpi(&mut self, id: &str) -> Option<usize> {
        let found = self.case.kpi_index(id);
        if found.is_none() {
            self.add(
                "sample_kpi",
                format!("aucun indicateur « {id} » dans kpis.toml : sample_kpi nomme l’indicateur des réponses d’exemple de la classe (casebot chart classe-reponses)"),
            );
        }
        found
    }

    /// One chart: its common keys, then the keys of its kind. `None` when it has a problem.
    fn chart(
        &mut self,
        table: &toml::Table,
        key: &str,
        names: &mut BTreeSet<String>,
    ) -> Option<Chart> {
        let (mut common, mut rest) = (toml::Table::new(), toml::Table::new());
        for (k, v) in table {
            let part = if COMMON.contains(&k.as_str()) {
                &mut common
            } else {
                &mut rest
            };
            part.insert(k.clone(), v.clone());
        }
        let common: RawCommon = self.parse(common, key)?;
        let before = self.problems.len();
        self.name(&common.name, &format!("{key}.name"), names);
        self.annexes(&common.annexes, &format!("{key}.annexes"));
        let title = self.text(&common.title, &format!("{key}.title"));
        let subtitle = common
            .subtitle
            .as_deref()
            .map(|s| self.text(s, &format!("{key}.subtitle")));
        let source = self.text(&common.source, &format!("{key}.source"));
        let body = match common.kind.as_str() {
            "periods" => self.parse(rest, key).and_then(|raw| self.periods(raw, key)),
            "evolutions" => self
                .parse(rest, key)
                .and_then(|raw| self.evolutions(raw, key)),
            "comparison" => self
                .parse(rest, key)
                .and_then(|raw| self.comparison(raw, key)),
            "shares" => self.parse(rest, key).and_then(|raw| self.shares(raw, key)),
            "plan" => self.parse(rest, key).and_then(|raw| self.plan(raw, key)),
            other => {
                self.add(
                    &format!("{key}.kind"),
                    format!("type de graphique inconnu « {other} » ; types possibles : {KINDS}"),
                );
                None
            }
        };
        let body = body.filter(|_| self.problems.len() == before)?;
        Some(Chart {
            name: common.name,
            annexes: common.annexes,
            title,
            subtitle,
            source,
            body,
        })
    }

    /// A chart's name: the picture's file name, unique, not one the class charts take.
    fn name(&mut self, name: &str, key: &str, names: &mut BTreeSet<String>) {
        let valid = name.starts_with(|c: char| c.is_ascii_lowercase())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !valid {
            self.add(key, format!("« {name} » n’est pas un nom de graphique : minuscules sans accent, chiffres et « - », en commençant par une lettre (c’est le nom du fichier de l’image, par exemple annexe2-trafic)"));
        } else if name == "list" || name.starts_with("classe-") {
            self.add(key, format!("« {name} » est réservé : « list » et les noms qui commencent par « classe- » désignent les graphiques de la classe (casebot chart) ; choisissez un autre nom"));
        }
        if !names.insert(name.to_string()) {
            self.add(
                key,
                format!("le graphique « {name} » est déclaré deux fois : chaque graphique a son propre nom"),
            );
        }
    }

    /// The annexes a chart goes with: at least one, each in annexes.toml, each once.
    fn annexes(&mut self, annexes: &[u8], key: &str) {
        if annexes.is_empty() {
            self.add(
                key,
                "un graphique accompagne au moins une annexe : écrivez par exemple annexes = [2]",
            );
        }
        let mut seen = BTreeSet::new();
        for (j, n) in annexes.iter().enumerate() {
            if self.case.annex(*n).is_none() {
                let known: Vec<String> = self
                    .case
                    .annexes
                    .iter()
                    .map(|a| a.number.to_string())
                    .collect();
                self.add(
                    &format!("{key}[{j}]"),
                    format!(
                        "aucune annexe {n} dans annexes.toml (annexes possibles : {})",
                        known.join(", ")
                    ),
                );
            }
            if !seen.insert(*n) {
                self.add(
                    &format!("{key}[{j}]"),
                    format!("l’annexe {n} est citée deux fois"),
                );
            }
        }
    }

    /// A text id of the pack's texts folder.
    fn text(&mut self, id: &str, key: &str) -> String {
        if !self.case.texts.contains(id) {
            let dir = self.prompts_dir.display().to_string();
            self.add(
                key,
                format!("aucun texte « {id} » dans le dossier des textes {dir} : ajoutez-le (par exemple dans son fichier charts.toml), ou corrigez l’identifiant"),
            );
        }
        id.to_string()
    }

    /// Two text ids (the legend's periods, the campaigns, the segments).
    fn two_texts(&mut self, ids: &[String], key: &str, what: &str) -> Option<[String; 2]> {
        let texts: Vec<String> = ids
            .iter()
            .enumerate()
            .map(|(j, id)| self.text(id, &format!("{key}[{j}]")))
            .collect();
        match <[String; 2]>::try_from(texts) {
            Ok(two) => Some(two),
            Err(texts) => {
                self.add(
                    key,
                    format!(
                        "{what} : il en faut deux, la liste en a {} (écrivez [\"…\", \"…\"])",
                        texts.len()
                    ),
                );
                None
            }
        }
    }

    /// A value of annexes.toml or a KPI of kpis.toml, by id.
    fn figure(&mut self, id: &str, key: &str) -> Option<RefId> {
        if let Some(&i) = self.case.value_index.get(id) {
            return Some(RefId::Value(i));
        }
        if let Some(k) = self.case.kpi_index(id) {
            return Some(RefId::Kpi(k));
        }
        self.add(key, format!("« {id} » n’est ni une valeur de annexes.toml ([values]) ni un indicateur de kpis.toml : écrivez l’identifiant d’un chiffre du cas"));
        None
    }

    /// Two figures (one per period, campaign or segment).
    fn two_figures(&mut self, ids: &[String], key: &str, what: &str) -> Option<[RefId; 2]> {
        let found: Vec<Option<RefId>> = ids
            .iter()
            .enumerate()
            .map(|(j, id)| self.figure(id, &format!("{key}[{j}]")))
            .collect();
        if found.len() != 2 {
            self.add(
                key,
                format!(
                    "{what} : il en faut deux, la liste en a {} (écrivez [\"…\", \"…\"])",
                    found.len()
                ),
            );
            return None;
        }
        Some([found[0]?, found[1]?])
    }

    /// Records that a list of a chart is empty.
    fn not_empty(&mut self, len: usize, key: &str, example: &str) {
        if len == 0 {
            self.add(
                key,
                format!("la liste est vide : un graphique dessine au moins une ligne, par exemple {example}"),
            );
        }
    }

    fn periods(&mut self, raw: RawPeriods, key: &str) -> Option<ChartBody> {
        let legend = self.two_texts(
            &raw.legend,
            &format!("{key}.legend"),
            "la légende nomme les deux périodes",
        );
        let rows_key = format!("{key}.rows");
        self.not_empty(
            raw.rows.len(),
            &rows_key,
            "{ label = \"…\", figures = [\"…\", \"…\"] }",
        );
        let rows: Vec<Option<Labelled<[RefId; 2]>>> = raw
            .rows
            .iter()
            .enumerate()
            .map(|(j, row)| {
                let label = self.text(&row.label, &format!("{rows_key}[{j}].label"));
                let figure = self.two_figures(
                    &row.figures,
                    &format!("{rows_key}[{j}].figures"),
                    "une ligne a un chiffre par période de la légende",
                )?;
                Some(Labelled { label, figure })
            })
            .collect();
        Some(ChartBody::Periods {
            legend: legend?,
            rows: rows.into_iter().collect::<Option<_>>()?,
        })
    }

    /// Labelled figures, one per row (evolutions, steps of a plan).
    fn steps(&mut self, raw: &[RawStep], key: &str) -> Option<Vec<Labelled<RefId>>> {
        let steps: Vec<Option<Labelled<RefId>>> = raw
            .iter()
            .enumerate()
            .map(|(j, step)| {
                let label = self.text(&step.label, &format!("{key}[{j}].label"));
                let figure = self.figure(&step.figure, &format!("{key}[{j}].figure"))?;
                Some(Labelled { label, figure })
            })
            .collect();
        steps.into_iter().collect()
    }

    fn evolutions(&mut self, raw: RawEvolutions, key: &str) -> Option<ChartBody> {
        let rows_key = format!("{key}.rows");
        self.not_empty(
            raw.rows.len(),
            &rows_key,
            "{ label = \"…\", figure = \"…\" }",
        );
        let rows = self.steps(&raw.rows, &rows_key);
        let note = match &raw.note {
            None => Some(None),
            Some(note) => {
                let at = |field: &str| format!("{key}.note.{field}");
                let label = self.text(&note.label, &at("label"));
                let from = self.figure(&note.from, &at("from"));
                let to = self.figure(&note.to, &at("to"));
                let difference = self.figure(&note.difference, &at("difference"));
                let evolution = self.figure(&note.evolution, &at("evolution"));
                match (from, to, difference, evolution) {
                    (Some(from), Some(to), Some(difference), Some(evolution)) => {
                        Some(Some(EvolutionNote {
                            label,
                            from,
                            to,
                            difference,
                            evolution,
                        }))
                    }
                    _ => None,
                }
            }
        };
        Some(ChartBody::Evolutions {
            rows: rows?,
            note: note?,
        })
    }

    fn comparison(&mut self, raw: RawComparison, key: &str) -> Option<ChartBody> {
        let series = self.two_texts(
            &raw.series,
            &format!("{key}.series"),
            "une comparaison oppose deux campagnes",
        );
        let panels_key = format!("{key}.panels");
        self.not_empty(
            raw.panels.len(),
            &panels_key,
            "{ label = \"…\", better = \"higher\", figures = [\"…\", \"…\"] }",
        );
        let panels: Vec<Option<Panel>> = raw
            .panels
            .iter()
            .enumerate()
            .map(|(j, panel)| {
                let label = self.text(&panel.label, &format!("{panels_key}[{j}].label"));
                let figures = self.two_figures(
                    &panel.figures,
                    &format!("{panels_key}[{j}].figures"),
                    "un indicateur a un chiffre par campagne",
                )?;
                Some(Panel {
                    label,
                    better: panel.better,
                    figures,
                })
            })
            .collect();
        Some(ChartBody::Comparison {
            series: series?,
            panels: panels.into_iter().collect::<Option<_>>()?,
        })
    }

    fn shares(&mut self, raw: RawShares, key: &str) -> Option<ChartBody> {
        let segments = self.two_texts(
            &raw.segments,
            &format!("{key}.segments"),
            "un total se partage entre deux segments",
        );
        let rows_key = format!("{key}.rows");
        self.not_empty(
            raw.rows.len(),
            &rows_key,
            "{ label = \"…\", total = \"…\", shares = [\"…\", \"…\"] }",
        );
        let rows: Vec<Option<ShareRow>> = raw
            .rows
            .iter()
            .enumerate()
            .map(|(j, row)| {
                let at = format!("{rows_key}[{j}]");
                let label = self.text(&row.label, &format!("{at}.label"));
                let total = self.figure(&row.total, &format!("{at}.total"));
                let shares = self.two_figures(
                    &row.shares,
                    &format!("{at}.shares"),
                    "un total se partage entre deux segments, une part chacun",
                );
                let (total, shares) = (total?, shares?);
                self.parts_of(total, shares, &at);
                Some(ShareRow {
                    label,
                    total,
                    shares,
                })
            })
            .collect();
        Some(ChartBody::Shares {
            segments: segments?,
            rows: rows.into_iter().collect::<Option<_>>()?,
        })
    }

    /// The two shares of a row are parts of its total: percentages, computed from the total
    /// when they are KPIs, each between 0 and 100 %, together 100 % (to within 0.1 point, for
    /// the subject's rounded figures).
    fn parts_of(&mut self, total: RefId, shares: [RefId; 2], key: &str) {
        let total_id = self.id(total).to_string();
        for (j, share) in shares.iter().enumerate() {
            let at = format!("{key}.shares[{j}]");
            let id = self.id(*share).to_string();
            match self.unit(*share) {
                Some(Unit::Percent) | None => {}
                Some(unit) => self.add(
                    &at,
                    format!(
                        "« {id} » est en « {} » : une part s’écrit en pourcentage (unit = \"percent\")",
                        unit.as_str()
                    ),
                ),
            }
            if let RefId::Kpi(k) = share {
                if !self.uses(*k, total) {
                    self.add(
                        &at,
                        format!("la part « {id} » n’est pas calculée à partir du total « {total_id} » de la ligne : une part est un morceau de son total (sa formule divise par le total, par exemple « … / {total_id} * 100 »)"),
                    );
                }
            }
        }
        let (Some(a), Some(b)) = (self.exact(shares[0]), self.exact(shares[1])) else {
            return;
        };
        let hundred = Decimal::ONE_HUNDRED;
        for (j, v) in [a, b].into_iter().enumerate() {
            if v < Decimal::ZERO || v > hundred {
                self.add(
                    &format!("{key}.shares[{j}]"),
                    format!(
                        "la part « {} » vaut {} % : une part est comprise entre 0 et 100 %",
                        self.id(shares[j]),
                        shown(v)
                    ),
                );
                return;
            }
        }
        let sum = a + b;
        if (sum - hundred).abs() > Decimal::new(1, 1) {
            let (ida, idb) = (self.id(shares[0]), self.id(shares[1]));
            let problem = format!("les parts « {ida} » et « {idb} » font ensemble {} %, et non 100 % : ce sont les deux morceaux d’un même total", shown(sum));
            self.add(&format!("{key}.shares"), problem);
        }
    }

    fn plan(&mut self, raw: RawPlan, key: &str) -> Option<ChartBody> {
        let steps_key = format!("{key}.steps");
        if raw.steps.len() < 2 {
            self.add(
                &steps_key,
                format!("un plan va d’une étape à une autre : il lui faut au moins deux étapes (la dépense, puis ce qu’elle rapporte), la liste en a {}", raw.steps.len()),
            );
        }
        let steps = self.steps(&raw.steps, &steps_key);
        let ops_key = format!("{key}.operations");
        if raw.operations.len() + 1 != raw.steps.len() && raw.steps.len() >= 2 {
            self.add(
                &ops_key,
                format!(
                    "un plan a une opération entre deux étapes qui se suivent : {} étapes demandent {} opérations, la liste en a {}",
                    raw.steps.len(),
                    raw.steps.len() - 1,
                    raw.operations.len()
                ),
            );
        }
        let operations: Vec<Option<Operation>> = raw
            .operations
            .iter()
            .enumerate()
            .map(|(j, op)| {
                let label = self.text(&op.label, &format!("{ops_key}[{j}].label"));
                let figure = self.figure(&op.figure, &format!("{ops_key}[{j}].figure"))?;
                Some(Operation {
                    label,
                    by: op.by,
                    figure,
                })
            })
            .collect();
        let roas = self.figure(&raw.roas, &format!("{key}.roas"));
        let (steps, roas) = (steps?, roas?);
        self.roas_of(&steps, roas, &format!("{key}.roas"));
        Some(ChartBody::Plan(Plan {
            steps,
            operations: operations.into_iter().collect::<Option<_>>()?,
            roas,
        }))
    }

    /// The plan's ROAS is its last step over its first (the chart draws the two to scale and
    /// reads the ROAS as « so much for 1 € spent »), to within the ROAS's shown precision.
    fn roas_of(&mut self, steps: &[Labelled<RefId>], roas: RefId, key: &str) {
        let (Some(first), Some(last)) = (steps.first(), steps.last()) else {
            return;
        };
        let values = (
            self.exact(first.figure),
            self.exact(last.figure),
            self.exact(roas),
        );
        let (Some(first_v), Some(last_v), Some(roas_v)) = values else {
            return;
        };
        let Some(ratio) = last_v.checked_div(first_v) else {
            return;
        };
        let decimals = match roas {
            RefId::Kpi(k) => self.case.kpis.get(k).map_or(0, |k| k.precision),
            RefId::Value(_) => roas_v.normalize().scale(),
        };
        let tolerance = Decimal::new(5, decimals.min(27) + 1);
        // A ratio past the decimals' range is far from any ROAS.
        if roas_v
            .checked_sub(ratio)
            .is_none_or(|d| d.abs() > tolerance)
        {
            let problem = format!(
                "le ROAS « {} » vaut {}, mais la dernière étape « {} » divisée par la première « {} » donne {} : le ROAS d’un plan est ce que rapporte sa dernière étape pour 1 € de sa première",
                self.id(roas),
                shown(roas_v),
                self.id(last.figure),
                self.id(first.figure),
                shown(ratio)
            );
            self.add(key, problem);
        }
    }

    /// Whether KPI `kpi` is computed from `target`, directly or through other KPIs.
    fn uses(&self, kpi: usize, target: RefId) -> bool {
        let mut seen = BTreeSet::from([kpi]);
        let mut todo = vec![kpi];
        while let Some(k) = todo.pop() {
            let Some(found) = self.case.kpis.get(k) else {
                continue;
            };
            for r in found.expr.refs() {
                if *r == target {
                    return true;
                }
                if let RefId::Kpi(i) = r {
                    if seen.insert(*i) {
                        todo.push(*i);
                    }
                }
            }
        }
        false
    }

    /// The exact value of a figure (`None` for a KPI that does not evaluate: already reported).
    fn exact(&self, figure: RefId) -> Option<Decimal> {
        match figure {
            RefId::Value(i) => self.case.values.get(i).map(|v| v.value),
            RefId::Kpi(k) => self.case.evaluate(k).ok(),
        }
    }

    fn unit(&self, figure: RefId) -> Option<Unit> {
        match figure {
            RefId::Value(i) => self.case.values.get(i).map(|v| v.unit),
            RefId::Kpi(k) => self.case.kpis.get(k).map(|k| k.unit),
        }
    }

    fn id(&self, figure: RefId) -> &str {
        match figure {
            RefId::Value(i) => self.case.values.get(i).map_or("", |v| v.id.as_str()),
            RefId::Kpi(k) => self.case.kpis.get(k).map_or("", |k| k.id.as_str()),
        }
    }
}

/// A decimal in a problem, as the pack's files write it (a point, at most 6 decimals).
fn shown(value: Decimal) -> String {
    format::round(value, 6).normalize().to_string()
}
