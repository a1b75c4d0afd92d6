//! `annexes.toml`: the figures of the subject (`[values]`) and its annexes with their tables.

use super::{bounds, is_identifier};
use crate::case::{Annex, Cell, Table, Value};
use crate::format::Unit;
use crate::problem::{wording, Problems};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

/// `annexes.toml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAnnexes {
    annexes: Vec<RawAnnex>,
    values: toml::Table,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAnnex {
    number: u8,
    title: String,
    source: String,
    #[serde(default)]
    tables: Vec<RawTable>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTable {
    id: String,
    title: String,
    columns: Vec<String>,
    rows: Vec<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawValue {
    label: String,
    #[serde(default)]
    annex: Option<u8>,
    value: Decimal,
    unit: Unit,
    #[serde(default)]
    shown: Option<String>,
}

/// The values of a pack as read, and what later steps need to refer to them.
pub(super) struct Values {
    /// Every declared value, in the order of `[values]`; a broken one holds a stand-in.
    pub(super) list: Vec<Value>,
    /// Value id → index in `list`.
    pub(super) index: HashMap<String, usize>,
    /// Values already reported as wrong (unreadable, or out of bounds): each is in `list` with
    /// a stand-in figure, so that the cells, formulas and texts naming it still resolve and the
    /// rest of the pack is checked; nothing computed from it is judged (its figure is not the
    /// subject's), so one wrong figure is said once, not once per KPI that uses it.
    pub(super) broken: BTreeSet<String>,
}

impl Values {
    fn push(&mut self, value: Value) {
        self.index.insert(value.id.clone(), self.list.len());
        self.list.push(value);
    }

    /// Records a value already reported: in the list with the stand-in figure 1 (a pack with a
    /// problem never loads, so the stand-in reaches no student).
    fn push_broken(&mut self, mut value: Value) {
        value.value = Decimal::ONE;
        value.shown = None;
        self.broken.insert(value.id.clone());
        self.push(value);
    }

    /// The indices of the broken values in `list`.
    pub(super) fn broken_indices(&self) -> BTreeSet<usize> {
        self.broken
            .iter()
            .filter_map(|id| self.index.get(id).copied())
            .collect()
    }
}

/// What can be read of a value that does not read whole, to stand in for it: its label and
/// unit when they read, else its id and `count`.
fn stand_in(id: &str, raw: &toml::Value) -> Value {
    let label = raw.get("label").and_then(toml::Value::as_str);
    let unit = raw
        .get("unit")
        .and_then(|u| u.clone().try_into::<Unit>().ok());
    Value {
        id: id.to_string(),
        label: label.unwrap_or(id).to_string(),
        annex: None,
        value: Decimal::ONE,
        unit: unit.unwrap_or(Unit::Count),
        shown: None,
    }
}

/// Checks `[values]`: each id is an identifier, each value reads, is within bounds and names a
/// declared annex. Comes first, so that tables and formulas can refer to the values.
pub(super) fn load_values(
    raw_annexes: &RawAnnexes,
    file: &Path,
    problems: &mut Problems,
) -> Values {
    let mut values = Values {
        list: Vec::new(),
        index: HashMap::new(),
        broken: BTreeSet::new(),
    };
    let annex_numbers: BTreeSet<u8> = raw_annexes.annexes.iter().map(|a| a.number).collect();
    for (id, raw) in &raw_annexes.values {
        let key = format!("values.{id}");
        if !is_identifier(id) {
            problems.add(
                file,
                &key,
                "identifiant de valeur incorrect : minuscules sans accent, chiffres et « _ », en commençant par une lettre (par exemple a3_clicks)",
            );
        }
        let read: RawValue = match raw.clone().try_into() {
            Ok(v) => v,
            Err(e) => {
                problems.add(file, &key, wording::toml_message(e.message()));
                values.push_broken(stand_in(id, raw));
                continue;
            }
        };
        let raw = read;
        let out_of_bounds = bounds::figure_problem(raw.value);
        if let Some(problem) = &out_of_bounds {
            problems.add(file, format!("{key}.value"), problem);
        }
        if let Some(n) = raw.annex {
            if !annex_numbers.contains(&n) {
                problems.add(
                    file,
                    format!("{key}.annex"),
                    format!("l’annexe {n} n’est pas déclarée sous [[annexes]] : ajoutez-la ou corrigez le numéro"),
                );
            }
        }
        let value = Value {
            id: id.clone(),
            label: raw.label,
            annex: raw.annex,
            value: raw.value,
            unit: raw.unit,
            shown: raw.shown,
        };
        if out_of_bounds.is_some() {
            values.push_broken(value);
        } else {
            values.push(value);
        }
    }
    values
}

/// Checks `[[annexes]]`: numbers start at 1 and are not declared twice, and every table is
/// checked by [`load_table`]. Returns every annex in the order written.
pub(super) fn load_annexes(
    raw_annexes: &RawAnnexes,
    values: &Values,
    file: &Path,
    problems: &mut Problems,
) -> Vec<Annex> {
    let mut annexes: Vec<Annex> = Vec::new();
    for (i, a) in raw_annexes.annexes.iter().enumerate() {
        let key = format!("annexes[{i}]");
        if a.number == 0 {
            problems.add(
                file,
                format!("{key}.number"),
                "les annexes sont numérotées à partir de 1",
            );
        }
        if annexes.iter().any(|x| x.number == a.number) {
            problems.add(
                file,
                format!("{key}.number"),
                format!(
                    "l’annexe {} est déclarée deux fois : changez l’un des numéros",
                    a.number
                ),
            );
        }
        let tables = a
            .tables
            .iter()
            .enumerate()
            .map(|(t_i, t)| load_table(t, &format!("{key}.tables[{t_i}]"), values, file, problems))
            .collect();
        annexes.push(Annex {
            number: a.number,
            title: a.title.clone(),
            source: a.source.clone(),
            tables,
        });
    }
    annexes
}

/// Checks one table: it has columns, every row has one cell per column, and every `$id` cell
/// names a value.
fn load_table(
    t: &RawTable,
    t_key: &str,
    values: &Values,
    file: &Path,
    problems: &mut Problems,
) -> Table {
    if t.columns.is_empty() {
        problems.add(
            file,
            format!("{t_key}.columns"),
            "un tableau a au moins une colonne : remplissez columns = [\"…\"]",
        );
    }
    let mut rows = Vec::new();
    for (r_i, row) in t.rows.iter().enumerate() {
        if row.len() != t.columns.len() {
            problems.add(
                file,
                format!("{t_key}.rows[{r_i}]"),
                format!(
                    "cette ligne a {} cellules mais le tableau a {} colonnes : il faut autant de cellules que de colonnes",
                    row.len(),
                    t.columns.len()
                ),
            );
        }
        let mut cells = Vec::new();
        for cell in row {
            match cell.strip_prefix('$') {
                Some(id) => match values.index.get(id) {
                    Some(&v) => cells.push(Cell::Value(v)),
                    None => problems.add(
                        file,
                        format!("{t_key}.rows[{r_i}]"),
                        format!("« ${id} » ne désigne aucune valeur : écrivez $ suivi d’un identifiant déclaré sous [values]"),
                    ),
                },
                None => cells.push(Cell::Text(cell.clone())),
            }
        }
        rows.push(cells);
    }
    Table {
        id: t.id.clone(),
        title: t.title.clone(),
        columns: t.columns.clone(),
        rows,
    }
}
