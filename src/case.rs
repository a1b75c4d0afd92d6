//! The case model: a validated case's meta, dossiers, annexes and tables, figures, KPI
//! definitions, questions and parts, grading grids and texts, and its points type ([`Milli`]).
//! Built only by the pack loader (module `pack`), which guarantees every reference resolves and
//! every KPI evaluates, so the lookups here cannot dangle. What works over the model lives in
//! the modules above it: the KPI engine and the texts it fills (`kpi`), the checker (`check`),
//! the French text (`render`); the loaded pack (`pack::CasePack`) holds the case with what
//! those prepared from it.

use crate::format::{self, Unit};
use crate::formula::Expr;
use crate::prompts::Prompts;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// Thousandths of a point, as scores are stored.
pub type Milli = i64;

/// Points to milli-points, rounded half away from zero; `None` when they do not fit an `i64`
/// (a loaded pack's points always do: its points are at most 100, see `pack::bounds`).
pub fn to_milli(points: Decimal) -> Option<Milli> {
    let thousandths = points.checked_mul(Decimal::ONE_THOUSAND)?;
    format::round(thousandths, 0).to_i64()
}

/// What the subject says about itself.
#[derive(Debug, Clone)]
pub struct CaseMeta {
    pub id: String,
    pub title: String,
    pub exam: String,
    pub session: u16,
    pub code: String,
    pub duration_minutes: u32,
    pub total_points: Decimal,
    /// Where the points (the barème) come from, when `case.toml` says it: shown to teachers,
    /// who judge scores by it.
    pub points_source: Option<PointsSource>,
}

/// Where a subject's points come from (`case.toml`'s `points_source`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PointsSource {
    /// The official « proposition de corrigé » (`"corrige"`).
    AnswerKey,
    /// The teacher's own barème (`"enseignant"`).
    Teacher,
    /// Said in the pack's own words (« Barème de l’académie, session 2021 »).
    Text(String),
}

/// A part of the exam (Dossier 1, Dossier 2, the réflexion).
#[derive(Debug, Clone)]
pub struct Dossier {
    pub id: String,
    pub title: String,
    pub points: Decimal,
}

/// A figure of the subject.
#[derive(Debug, Clone)]
pub struct Value {
    pub id: String,
    pub label: String,
    /// The annex it comes from; `None` for a constant (months in a year).
    pub annex: Option<u8>,
    pub value: Decimal,
    pub unit: Unit,
    /// The figure as the subject prints it, when that differs from the French format.
    pub shown: Option<String>,
}

impl Value {
    /// The figure as a table shows it: the subject's own text, else the French format.
    pub fn display(&self) -> String {
        if let Some(shown) = &self.shown {
            return shown.clone();
        }
        self.french()
    }

    /// The figure in the French format, whatever the subject prints (« 6,06 € » for its
    /// « 6.06€ »): how the bot's own sentences write it.
    pub fn french(&self) -> String {
        match self.unit {
            Unit::Seconds => format::duration_hms(self.value),
            unit => format::with_unit(self.value, unit, self.value.normalize().scale()),
        }
    }

    /// The bare number, as written in a worked calculation: "5 865,15", "59,7", "118".
    pub fn number(&self) -> String {
        format::number(self.value, self.value.normalize().scale())
    }
}

/// What a formula refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RefId {
    Value(usize),
    Kpi(usize),
}

/// How a KPI is defined; evolutions and differences are kept apart from plain formulas so the
/// checker knows which classic mistakes to look for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KpiKind {
    Formula,
    /// `(to − from) ÷ from × 100`, in percent.
    Evolution {
        from: RefId,
        to: RefId,
    },
    /// `to − from`, in points when both are rates.
    Difference {
        from: RefId,
        to: RefId,
    },
}

/// A wrong formula a pack declares, with the id of the text that explains the mistake.
#[derive(Debug, Clone)]
pub struct DeclaredMistake {
    pub expr: Expr<RefId>,
    pub message: String,
}

/// A KPI of a case.
#[derive(Debug, Clone)]
pub struct Kpi {
    pub id: String,
    pub label: String,
    pub unit: Unit,
    /// Decimals shown.
    pub precision: u32,
    pub kind: KpiKind,
    pub expr: Expr<RefId>,
    pub aliases: Vec<String>,
    /// Nouns a student may write after the number ("clics").
    pub words: Vec<String>,
    /// Absolute tolerance for a right answer, in the KPI's unit, if the pack sets one.
    pub tolerance: Option<Decimal>,
    /// Decimals a right answer needs, if the pack asks fewer than `precision`.
    pub min_decimals: Option<u32>,
    /// A count that cannot be split (orders): the checker recognises it, and what is computed
    /// from it, rounded to a whole number.
    pub indivisible: bool,
    pub mistakes: Vec<DeclaredMistake>,
    /// Annexes whose figures the KPI uses, directly or through other KPIs, sorted.
    pub annexes: Vec<u8>,
}

impl Kpi {
    /// Whether the value reads as a change (shown with an explicit "+").
    pub fn is_change(&self) -> bool {
        !matches!(self.kind, KpiKind::Formula)
    }

    /// The value as shown to students: "17,76 %", "+32,63 %", "−700,00 €".
    pub fn display(&self, value: Decimal) -> String {
        if self.is_change() {
            format::signed_with_unit(value, self.unit, self.precision)
        } else {
            format::with_unit(value, self.unit, self.precision)
        }
    }

    /// The value rounded to the displayed precision.
    pub fn rounded(&self, value: Decimal) -> Decimal {
        format::round(value, self.precision)
    }
}

/// A table cell: a figure of the case, literal text, or words around figures.
#[derive(Debug, Clone)]
pub enum Cell {
    Value(usize),
    Text(String),
    /// Words around one or more figures (« 398 personnes », « soit 4 mairies »): each figure
    /// is a value of the case, shown as the value displays.
    Mixed(Vec<Piece>),
}

/// A piece of a [`Cell::Mixed`].
#[derive(Debug, Clone)]
pub enum Piece {
    Text(String),
    Value(usize),
}

impl Cell {
    /// The cell as a table shows it (values as they display: `shown`, else the French format).
    pub fn text(&self, values: &[Value]) -> String {
        let value = |i: usize| values.get(i).map(Value::display).unwrap_or_default();
        match self {
            Cell::Value(i) => value(*i),
            Cell::Text(t) => t.clone(),
            Cell::Mixed(pieces) => pieces
                .iter()
                .map(|p| match p {
                    Piece::Text(t) => t.clone(),
                    Piece::Value(i) => value(*i),
                })
                .collect(),
        }
    }

    /// Whether the cell shows the value `value` (alone or among words).
    pub fn shows(&self, value: usize) -> bool {
        match self {
            Cell::Value(i) => *i == value,
            Cell::Text(_) => false,
            Cell::Mixed(pieces) => pieces
                .iter()
                .any(|p| matches!(p, Piece::Value(i) if *i == value)),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Table {
    pub id: String,
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Labels over consecutive rows (« Huit entreprises clientes »), in row order, never
    /// overlapping; empty for a table without groups.
    pub groups: Vec<RowGroup>,
}

/// A label the subject prints over several rows of a table, shown as their heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowGroup {
    pub label: String,
    /// Its first row (an index into [`Table::rows`]).
    pub first: usize,
    /// How many rows it spans, at least one.
    pub len: usize,
}

impl Table {
    /// The group row `row` belongs to, if any.
    pub fn group_of(&self, row: usize) -> Option<&RowGroup> {
        self.groups
            .iter()
            .find(|g| (g.first..g.first + g.len).contains(&row))
    }
}

#[derive(Debug, Clone)]
pub struct Annex {
    pub number: u8,
    pub title: String,
    pub source: String,
    pub tables: Vec<Table>,
}

/// A numeric sub-question: one KPI to compute.
#[derive(Debug, Clone)]
pub struct Part {
    pub id: String,
    pub kpi: usize,
    pub points: Decimal,
    /// `points` in thousandths, as scores are stored: converted once, when the pack loads
    /// (its bounds make it fit), so playing never converts.
    pub milli: Milli,
}

#[derive(Debug, Clone)]
pub struct Question {
    pub id: String,
    pub dossier: String,
    pub points: Decimal,
    pub annexes: Vec<u8>,
    pub parts: Vec<Part>,
}

/// The grading grid of a question's written answer (its analysis, model answer, réflexion):
/// the points a good copy makes, each with its share of the marks. Loaded from the pack's
/// optional `grids.toml`; the shares add up to the question's points minus its numeric parts'.
#[derive(Debug, Clone)]
pub struct Grid {
    /// The question id ("2.4").
    pub question: String,
    /// What the written answer is worth: the question's points minus its parts' points.
    pub points: Decimal,
    pub criteria: Vec<GridCriterion>,
}

/// One point a good copy makes; its texts are `grid.<question>.<id>.label` and `.explanation`.
#[derive(Debug, Clone)]
pub struct GridCriterion {
    pub id: String,
    /// Its share of the marks, in points.
    pub share: Decimal,
    /// `share` in thousandths, converted when the pack loads.
    pub milli: Milli,
    /// The criterion that marks the language (spelling, tone): the marking view shows the
    /// spell check beside it.
    pub language: bool,
}

impl Grid {
    /// The id of a criterion's short label.
    pub fn label_id(question: &str, criterion: &str) -> String {
        format!("grid.{question}.{criterion}.label")
    }

    /// The id of what a good copy writes for that criterion.
    pub fn explanation_id(question: &str, criterion: &str) -> String {
        format!("grid.{question}.{criterion}.explanation")
    }
}

/// What a KPI name designates (see [`Case::find_kpis`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KpiMatch {
    /// One KPI, by index.
    One(usize),
    /// Every KPI that fits, best first (at least two).
    Several(Vec<usize>),
    None,
}

impl KpiMatch {
    /// How many KPIs a reply lists at most.
    pub const SHOWN: usize = 10;
}

/// How KPI names are compared: words without case, accents, punctuation or plural.
mod lookup {
    /// Words that say nothing about which KPI is meant: a name may add or leave them out.
    const LITTLE: &[&str] = &[
        "a", "au", "aux", "d", "dan", "de", "des", "du", "en", "et", "l", "la", "le", "les", "par",
        "pour", "sur", "un", "une",
    ];

    /// Short forms students write, and what they stand for.
    const SHORT: &[(&str, &[&str])] = &[
        ("ca", &["chiffre", "affaire"]),
        ("tx", &["taux"]),
        ("nb", &["nombre"]),
        ("fb", &["facebook"]),
    ];

    /// The words of a name, compared as they are: lowercase, no accents, apostrophes and
    /// punctuation as spaces, "B to B", "btob" and "B2B" as one word "b2b" (and the same for
    /// C), a final "s" dropped (from 4 letters), the short forms of [`SHORT`] spelt out.
    pub fn words(text: &str) -> Vec<String> {
        let mut plain = String::with_capacity(text.len());
        for c in text.chars().flat_map(char::to_lowercase) {
            match c {
                'à' | 'â' | 'ä' | 'á' | 'ã' => plain.push('a'),
                'é' | 'è' | 'ê' | 'ë' => plain.push('e'),
                'î' | 'ï' | 'í' | 'ì' => plain.push('i'),
                'ô' | 'ö' | 'ó' | 'ò' | 'õ' => plain.push('o'),
                'ù' | 'û' | 'ü' | 'ú' => plain.push('u'),
                'ç' => plain.push('c'),
                'ÿ' => plain.push('y'),
                'ñ' => plain.push('n'),
                'œ' => plain.push_str("oe"),
                'æ' => plain.push_str("ae"),
                c if c.is_alphanumeric() => plain.push(c),
                _ => plain.push(' '),
            }
        }
        let raw: Vec<&str> = plain.split_whitespace().collect();
        let mut out = Vec::with_capacity(raw.len());
        let mut i = 0;
        while i < raw.len() {
            let word = raw[i];
            let party = |w: &str| w == "b" || w == "c";
            if party(word)
                && raw.get(i + 1).is_some_and(|&w| w == "to" || w == "2")
                && raw.get(i + 2).is_some_and(|&w| party(w))
            {
                out.push(format!("{word}2{}", raw[i + 2]));
                i += 3;
                continue;
            }
            i += 1;
            if let Some(spelt) = word
                .strip_prefix('b')
                .or_else(|| word.strip_prefix('c'))
                .and_then(|rest| rest.strip_prefix("to"))
                .filter(|&last| party(last))
            {
                out.push(format!("{}2{spelt}", &word[..1]));
                continue;
            }
            if let Some((_, long)) = SHORT.iter().find(|(short, _)| *short == word) {
                out.extend(long.iter().map(|w| w.to_string()));
                continue;
            }
            out.push(singular(word).to_string());
        }
        out
    }

    /// A word without its plural "s" (kept on words of 3 letters or fewer: "ads", "cas").
    fn singular(word: &str) -> &str {
        match word.strip_suffix('s') {
            Some(stem) if stem.chars().count() >= 3 => stem,
            _ => word,
        }
    }

    /// The words that tell KPIs apart: all but the little ones.
    pub fn content(words: &[String]) -> Vec<String> {
        words
            .iter()
            .filter(|w| !LITTLE.contains(&w.as_str()))
            .cloned()
            .collect()
    }

    /// Whether a word of a name is the word wanted, or starts with it (3 letters or more).
    fn fits(word: &str, wanted: &str) -> bool {
        word == wanted || (wanted.chars().count() >= 3 && word.starts_with(wanted))
    }

    /// Whether a name holds every wanted word, in any order.
    pub fn holds(name: &[String], wanted: &[String]) -> bool {
        wanted.iter().all(|w| name.iter().any(|n| fits(n, w)))
    }

    /// Whether a name starts with the wanted words, in their order.
    pub fn starts(name: &[String], wanted: &[String]) -> bool {
        name.len() >= wanted.len() && name.iter().zip(wanted).all(|(n, w)| fits(n, w))
    }
}

/// A whole case pack, loaded and checked.
#[derive(Debug, Clone)]
pub struct Case {
    pub meta: CaseMeta,
    pub dossiers: Vec<Dossier>,
    pub annexes: Vec<Annex>,
    pub values: Vec<Value>,
    pub kpis: Vec<Kpi>,
    pub questions: Vec<Question>,
    /// The case's own texts (annex bodies, statements, commentaries, model answers).
    pub texts: Prompts,
    pub(crate) value_index: HashMap<String, usize>,
    pub(crate) kpi_index: HashMap<String, usize>,
    /// Grading grids of the written answers, in question order (empty without `grids.toml`).
    pub grids: Vec<Grid>,
}

impl Case {
    /// Three names of KPIs a student is asked, spread over the questions: the examples `/kpi`
    /// gives (each subject its own). A KPI's first alias when it has one (the name students use:
    /// « CPM »), else its label without what it adds in parentheses.
    pub fn kpi_examples(&self) -> Vec<String> {
        let mut asked: Vec<usize> = Vec::new();
        for p in self.questions.iter().flat_map(|q| &q.parts) {
            if p.kpi < self.kpis.len() && !asked.contains(&p.kpi) {
                asked.push(p.kpi);
            }
        }
        // The name a student would type that finds this KPI and no other.
        let name_of = |i: usize| -> Option<String> {
            let k = &self.kpis[i];
            let short = k
                .label
                .split(" (")
                .next()
                .unwrap_or(&k.label)
                .trim()
                .to_string();
            k.aliases
                .iter()
                .cloned()
                .chain([short, k.label.clone()])
                .find(|name| matches!(self.find_kpis(name), KpiMatch::One(j) if j == i))
        };
        let with_alias: Vec<usize> = asked
            .iter()
            .copied()
            .filter(|&i| !self.kpis[i].aliases.is_empty())
            .collect();
        let pool = if with_alias.len() >= 3 {
            with_alias
        } else {
            asked
        };
        pool.iter()
            .step_by((pool.len() / 3).max(1))
            .filter_map(|&i| name_of(i))
            .take(3)
            .collect()
    }

    pub fn value_by_id(&self, id: &str) -> Option<&Value> {
        self.value_index.get(id).map(|&i| &self.values[i])
    }

    /// The index of a KPI, by id.
    pub fn kpi_index(&self, id: &str) -> Option<usize> {
        self.kpi_index.get(id).copied()
    }

    pub fn kpi_by_id(&self, id: &str) -> Option<&Kpi> {
        self.kpi_index(id).map(|i| &self.kpis[i])
    }

    /// The KPIs a name typed by a student designates, as `/kpi` and the command line read it:
    /// - an id, any case (`A3_CTR`): that KPI;
    /// - else a label or an alias written in full, give or take case, accents, punctuation and
    ///   plurals (`cpc`, `Cout par clic Google Ads`): the KPIs that bear it;
    /// - else the KPIs whose label, aliases and id hold every word of the name, in any order,
    ///   as a whole word or, from 3 letters, as the start of a word (`taux conv` finds the
    ///   conversion rates, `cpc facebook` the CPC of the Facebook post); little words (`de`,
    ///   `du`, `par`…) may be left out or added.
    ///
    /// Several KPIs come best first: labels that start with the words, then labels that hold
    /// them, then the others; shorter labels first, then in the pack's order.
    pub fn find_kpis(&self, query: &str) -> KpiMatch {
        let query = query.trim();
        if let Some(i) = self
            .kpis
            .iter()
            .position(|k| k.id.eq_ignore_ascii_case(query))
        {
            return KpiMatch::One(i);
        }
        // A numeric part's id (`2.2.b`, `2,2,b`): the figure that part asks.
        if let Some((_, part)) = self.part(query) {
            return KpiMatch::One(part.kpi);
        }
        let words = lookup::words(query);
        if words.is_empty() {
            return KpiMatch::None;
        }
        // A label written in full names that KPI, even where it is also another one's alias.
        let labelled: Vec<usize> = (0..self.kpis.len())
            .filter(|&i| lookup::words(&self.kpis[i].label) == words)
            .collect();
        if let [one] = labelled[..] {
            return KpiMatch::One(one);
        }
        let named: Vec<usize> = (0..self.kpis.len())
            .filter(|&i| {
                let k = &self.kpis[i];
                std::iter::once(&k.label)
                    .chain(&k.aliases)
                    .any(|name| lookup::words(name) == words)
            })
            .collect();
        if !named.is_empty() {
            return self.ranked(named, &lookup::content(&words));
        }
        let wanted = lookup::content(&words);
        if wanted.is_empty() {
            return KpiMatch::None;
        }
        let found: Vec<usize> = (0..self.kpis.len())
            .filter(|&i| {
                let k = &self.kpis[i];
                let names: Vec<String> = std::iter::once(&k.label)
                    .chain(&k.aliases)
                    .chain(std::iter::once(&k.id))
                    .flat_map(|name| lookup::content(&lookup::words(name)))
                    .collect();
                lookup::holds(&names, &wanted)
            })
            .collect();
        self.ranked(found, &wanted)
    }

    /// KPIs that fit a name, best first (see [`Case::find_kpis`]).
    fn ranked(&self, mut found: Vec<usize>, wanted: &[String]) -> KpiMatch {
        match found.len() {
            0 => return KpiMatch::None,
            1 => return KpiMatch::One(found[0]),
            _ => {}
        }
        found.sort_by_cached_key(|&i| {
            let label = &self.kpis[i].label;
            let words = lookup::content(&lookup::words(label));
            let place = if lookup::starts(&words, wanted) {
                0
            } else if lookup::holds(&words, wanted) {
                1
            } else {
                2
            };
            (place, label.chars().count(), i)
        });
        KpiMatch::Several(found)
    }

    /// The first numeric part that asks a KPI, if any.
    pub fn part_of_kpi(&self, kpi: usize) -> Option<&Part> {
        self.questions
            .iter()
            .flat_map(|q| &q.parts)
            .find(|p| p.kpi == kpi)
    }

    pub fn annex(&self, number: u8) -> Option<&Annex> {
        self.annexes.iter().find(|a| a.number == number)
    }

    /// A question by id ("1.2"; "1,2" is read the same).
    pub fn question(&self, id: &str) -> Option<&Question> {
        let id = id.trim().replace(',', ".");
        self.questions
            .iter()
            .find(|q| q.id.eq_ignore_ascii_case(&id))
    }

    /// A numeric part and its question, by part id ("1.2.a").
    pub fn part(&self, id: &str) -> Option<(&Question, &Part)> {
        let id = id.trim().replace(',', ".");
        let id = id.as_str();
        self.questions.iter().find_map(|q| {
            q.parts
                .iter()
                .find(|p| p.id.eq_ignore_ascii_case(id))
                .map(|p| (q, p))
        })
    }

    /// The grading grid of a question, by question id.
    pub fn grid(&self, question: &str) -> Option<&Grid> {
        self.grids
            .iter()
            .find(|g| g.question.eq_ignore_ascii_case(question))
    }

    pub fn dossier(&self, id: &str) -> Option<&Dossier> {
        self.dossiers.iter().find(|d| d.id.eq_ignore_ascii_case(id))
    }

    /// The KPIs (indices into `kpis`) a case text writes through `{kpi.ID}` placeholders.
    pub fn text_kpis(&self, id: &str) -> Vec<usize> {
        let mut found = Vec::new();
        if let Some(template) = self.texts.get(id) {
            crate::prompts::render_template(template, &mut |name| {
                let kpi = name
                    .strip_prefix("kpi.")
                    .or_else(|| name.strip_prefix("abs."));
                if let Some(index) = kpi.and_then(|k| self.kpi_index(k)) {
                    found.push(index);
                }
                Some(String::new())
            });
        }
        found.sort_unstable();
        found.dedup();
        found
    }
}

#[cfg(test)]
mod tests {
    use super::lookup::{content, holds, starts, words};

    fn w(text: &str) -> Vec<String> {
        words(text)
    }

    fn v(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn words_ignore_case_accents_punctuation_and_plurals() {
        assert_eq!(w("Coût par clic"), v(&["cout", "par", "clic"]));
        assert_eq!(w("  COUT   PAR-CLIC "), v(&["cout", "par", "clic"]));
        assert_eq!(w("Taux de clics"), w("taux de clic"));
        assert_eq!(
            w("Coût d’acquisition"),
            v(&["cout", "d", "acquisition"]),
            "typographic apostrophe"
        );
        assert_eq!(w("coût d'acquisition"), w("Coût d’acquisition"));
        assert_eq!(
            w("ROAS (chiffre d'affaires ÷ dépense)"),
            v(&["roa", "chiffre", "d", "affaire", "depense"])
        );
        assert_eq!(w("Évolution (en %)"), v(&["evolution", "en"]));
        // Short words keep their "s".
        assert_eq!(w("Google Ads"), v(&["google", "ads"]));
        assert_eq!(w("des les"), v(&["des", "les"]));
        assert!(w("").is_empty());
        assert!(w(" ?! ").is_empty());
    }

    #[test]
    fn b_to_b_and_b_to_c_are_one_word_however_written() {
        for text in ["B to B", "b2b", "B2B", "btob", "BtoB", "b 2 b", "B-to-B"] {
            assert_eq!(w(text), v(&["b2b"]), "{text}");
        }
        for text in ["B to C", "b2c", "BtoC", "b-to-c"] {
            assert_eq!(w(text), v(&["b2c"]), "{text}");
        }
        assert_eq!(w("Panier moyen B to B"), v(&["panier", "moyen", "b2b"]));
        // "to" alone, or "b" alone, stays a word.
        assert_eq!(w("b to"), v(&["b", "to"]));
    }

    #[test]
    fn short_forms_are_spelt_out() {
        assert_eq!(
            content(&w("CA B2B")),
            content(&w("chiffre d'affaires B to B"))
        );
        assert_eq!(w("tx de clic"), w("taux de clic"));
        assert_eq!(w("nb de sessions"), w("nombre de sessions"));
        assert_eq!(w("post FB"), w("post Facebook"));
    }

    #[test]
    fn little_words_do_not_count() {
        assert_eq!(content(&w("Taux de clic")), v(&["taux", "clic"]));
        assert_eq!(
            content(&w("Évolution du taux de rebond (en %)")),
            v(&["evolution", "taux", "rebond"])
        );
        assert!(content(&w("de la")).is_empty());
    }

    #[test]
    fn a_name_holds_whole_words_or_word_starts_of_three_letters() {
        let label = content(&w("Taux de conversion Google Ads"));
        assert!(holds(&label, &content(&w("taux de conversion"))));
        assert!(holds(&label, &content(&w("conv"))));
        assert!(holds(&label, &content(&w("google taux"))), "any order");
        assert!(
            !holds(&label, &content(&w("co"))),
            "2 letters: whole words only"
        );
        assert!(!holds(&label, &content(&w("taux de clic"))));
        assert!(!holds(&label, &content(&w("version"))), "not inside a word");
        assert!(starts(&label, &content(&w("taux conv"))));
        assert!(!starts(&label, &content(&w("google taux"))));
        assert!(!starts(
            &content(&w("Taux")),
            &content(&w("taux de conversion"))
        ));
    }
}
