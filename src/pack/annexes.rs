//! `annexes.toml`: the figures of the subject (`[values]`) and its annexes with their tables.

use super::{bounds, is_identifier};
use crate::case::{Annex, Cell, Piece, RowGroup, Table, Value};
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
    rows: Vec<RawRow>,
}

/// An entry of a table's `rows`: a row of cells (`["Clics", "$a3_clicks"]`), or the label the
/// subject prints over the rows that follow (`{ group = "Huit entreprises clientes", rows = 8 }`).
#[derive(Debug)]
enum RawRow {
    Cells(Vec<String>),
    Group(RawGroup),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    group: String,
    /// How many rows follow under it; by default, up to the next group or the table's end.
    #[serde(default)]
    rows: Option<usize>,
}

impl<'de> Deserialize<'de> for RawRow {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
        struct RowVisitor;
        impl<'de> serde::de::Visitor<'de> for RowVisitor {
            type Value = RawRow;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                // Said in French by `wording` (« une liste entre crochets [ … ] »).
                f.write_str("a sequence")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<RawRow, A::Error> {
                Vec::<String>::deserialize(SeqAccessDeserializer::new(seq)).map(RawRow::Cells)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<RawRow, A::Error> {
                RawGroup::deserialize(MapAccessDeserializer::new(map)).map(RawRow::Group)
            }
        }
        d.deserialize_any(RowVisitor)
    }
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
    /// A formula the figure must equal (a total the subject prints): checked when the pack
    /// loads, never shown.
    #[serde(default)]
    equals: Option<String>,
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
    /// The `equals` of the values that have one: (index in `list`, the formula as written).
    pub(super) equals: Vec<(usize, String)>,
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
        equals: Vec::new(),
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
        let raw: RawValue = match raw.clone().try_into() {
            Ok(v) => v,
            Err(e) => {
                problems.add(file, &key, wording::toml_message(e.message()));
                values.push_broken(stand_in(id, raw));
                continue;
            }
        };
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
            if let Some(formula) = raw.equals {
                values.equals.push((values.list.len(), formula));
            }
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

/// Checks one table: it has columns, every row has one cell per column, every cell naming
/// figures (`$id`, `${id}` among words) names values, and every group of rows has rows.
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
    let mut groups = Groups::default();
    for (r_i, raw) in t.rows.iter().enumerate() {
        let r_key = format!("{t_key}.rows[{r_i}]");
        let row = match raw {
            RawRow::Group(g) => {
                groups.open(g, rows.len(), &r_key, file, problems);
                continue;
            }
            RawRow::Cells(row) => row,
        };
        if row.len() != t.columns.len() {
            problems.add(
                file,
                &r_key,
                format!(
                    "cette ligne a {} cellules mais le tableau a {} colonnes : il faut autant de cellules que de colonnes",
                    row.len(),
                    t.columns.len()
                ),
            );
        }
        let mut cells = Vec::new();
        for cell in row {
            match parse_cell(cell, values) {
                Ok(c) => cells.push(c),
                Err(problem) => problems.add(file, &r_key, problem),
            }
        }
        rows.push(cells);
        groups.row_added();
    }
    Table {
        id: t.id.clone(),
        title: t.title.clone(),
        columns: t.columns.clone(),
        rows,
        groups: groups.close(file, problems),
    }
}

/// The groups of rows of a table, while its rows are read.
#[derive(Default)]
struct Groups {
    done: Vec<RowGroup>,
    /// The group the rows read go to: it, how many rows it still takes (`None`: up to the
    /// next group or the end) and its key, to report it.
    open: Option<(RowGroup, Option<usize>, String)>,
}

impl Groups {
    /// A group heading, before the row `first`: the group open so far ends here.
    fn open(
        &mut self,
        g: &RawGroup,
        first: usize,
        key: &str,
        file: &Path,
        problems: &mut Problems,
    ) {
        self.end(file, problems);
        if g.group.trim().is_empty() {
            problems.add(
                file,
                format!("{key}.group"),
                "un groupe de lignes a un intitulé : écrivez celui que le sujet imprime au-dessus des lignes (« Huit entreprises clientes »)",
            );
        }
        if g.rows == Some(0) {
            problems.add(
                file,
                format!("{key}.rows"),
                "un groupe couvre au moins une ligne : écrivez le nombre de lignes qu’il regroupe, ou retirez rows pour qu’il aille jusqu’au groupe suivant",
            );
        }
        let group = RowGroup {
            label: g.group.clone(),
            first,
            len: 0,
        };
        self.open = Some((group, g.rows.filter(|&n| n > 0), key.to_string()));
    }

    /// A row was read: it belongs to the open group, which ends once it has all its rows.
    fn row_added(&mut self) {
        if let Some((group, wanted, _)) = &mut self.open {
            group.len += 1;
            if *wanted == Some(group.len) {
                if let Some((group, _, _)) = self.open.take() {
                    self.done.push(group);
                }
            }
        }
    }

    /// Ends the open group: it must have rows, as many as it says.
    fn end(&mut self, file: &Path, problems: &mut Problems) {
        let Some((group, wanted, key)) = self.open.take() else {
            return;
        };
        match wanted {
            Some(n) if n > group.len => problems.add(
                file,
                format!("{key}.rows"),
                format!(
                    "ce groupe annonce {n} lignes mais {} seulement {} avant le groupe suivant ou la fin du tableau : corrigez rows, ou retirez-le pour qu’il aille jusqu’au groupe suivant",
                    group.len,
                    if group.len < 2 { "le suit" } else { "le suivent" }
                ),
            ),
            _ if group.len == 0 => problems.add(
                file,
                key,
                "ce groupe n’a aucune ligne : écrivez ses lignes juste après lui, ou retirez-le",
            ),
            _ => self.done.push(group),
        }
    }

    /// The table's groups, once its rows are read.
    fn close(mut self, file: &Path, problems: &mut Problems) -> Vec<RowGroup> {
        self.end(file, problems);
        self.done
    }
}

/// A cell as written: `$id` (a figure), text with `${id}` in it (words around figures:
/// `"${a9_visitors} personnes"`), or text. `Err` is the problem, when a figure names no value.
fn parse_cell(cell: &str, values: &Values) -> Result<Cell, String> {
    if let Some(id) = cell.strip_prefix('$').filter(|id| !id.starts_with('{')) {
        return match values.index.get(id) {
            Some(&v) => Ok(Cell::Value(v)),
            None => Err(match id.split_once(' ') {
                // « $a9_visitors personnes »: a figure followed by words.
                Some((first, words)) if values.index.contains_key(first) => format!(
                    "« ${id} » ne désigne aucune valeur : pour des mots autour du chiffre, écrivez \"${{{first}}} {words}\""
                ),
                _ => format!("« ${id} » ne désigne aucune valeur : écrivez $ suivi d’un identifiant déclaré sous [values]"),
            }),
        };
    }
    if !cell.contains("${") {
        return Ok(Cell::Text(cell.to_string()));
    }
    let mut pieces = Vec::new();
    let mut rest = cell;
    while let Some(start) = rest.find("${") {
        if start > 0 {
            pieces.push(Piece::Text(rest[..start].to_string()));
        }
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else {
            return Err(format!(
                "dans « {cell} », « ${{ » n’est jamais fermé : écrivez ${{identifiant}} pour un chiffre parmi des mots"
            ));
        };
        let id = after[..end].trim();
        match values.index.get(id) {
            Some(&v) => pieces.push(Piece::Value(v)),
            None => {
                return Err(format!(
                    "dans « {cell} », « ${{{id}}} » ne désigne aucune valeur : écrivez entre ${{ et }} un identifiant déclaré sous [values]"
                ))
            }
        }
        rest = &after[end + 1..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest.to_string()));
    }
    Ok(Cell::Mixed(pieces))
}
