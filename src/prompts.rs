//! French texts, kept out of the code: every sentence a user reads is looked up by id in the
//! TOML files of a prompts folder. Nested tables flatten to dotted ids:
//! `[check.close]` + `truncated = "…"` is the id `check.close.truncated`.
//!
//! Templates take named arguments written `{name}`; `{{` and `}}` write literal braces.
//! Plurals are written in the template, `{n:point|points}`: the first form when the argument `n`
//! is a number below 2 in absolute value (French: « 0 point », « 1,5 point », « 2 points »), the
//! second otherwise. That is the one way texts agree with a count.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

// A text that could not be loaded or does not fit is reported as a pack problem is (file, id
// or line, what is wrong): a `PackError`.
use crate::problem::PackError;

/// A set of texts, looked up by id.
#[derive(Debug, Clone, Default)]
pub struct Prompts {
    texts: HashMap<String, Entry>,
}

#[derive(Debug, Clone)]
struct Entry {
    template: String,
    file: PathBuf,
}

/// A piece of a template: literal text, a named argument, or the form of a word that agrees
/// with a numeric argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    Literal(&'a str),
    Arg(&'a str),
    /// `{n:one|many}`.
    Plural {
        arg: &'a str,
        one: &'a str,
        many: &'a str,
    },
}

impl<'a> Piece<'a> {
    /// The argument a piece reads, if any.
    pub fn arg(&self) -> Option<&'a str> {
        match self {
            Piece::Literal(_) => None,
            Piece::Arg(name) | Piece::Plural { arg: name, .. } => Some(name),
        }
    }
}

/// Whether a number as the bot writes it (« 1 », « 0,25 », « 1 940 », « −1 ») takes the
/// singular in French: below 2 in absolute value. Text that is no number takes the plural.
pub fn is_singular(value: &str) -> bool {
    let plain: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '+'))
        .map(|c| match c {
            ',' => '.',
            '−' => '-',
            c => c,
        })
        .collect();
    match plain.parse::<rust_decimal::Decimal>() {
        Ok(n) => n.abs() < rust_decimal::Decimal::TWO,
        Err(_) => false,
    }
}

fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
}

/// Splits a template into literal text and `{name}` arguments; `{{`/`}}` are literal braces.
pub fn pieces(template: &str) -> Result<Vec<Piece<'_>>, String> {
    let mut out = Vec::new();
    let bytes = template.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' if bytes.get(i + 1) == Some(&b'{') => {
                out.push(Piece::Literal(&template[start..i + 1]));
                i += 2;
                start = i;
            }
            b'}' if bytes.get(i + 1) == Some(&b'}') => {
                out.push(Piece::Literal(&template[start..i + 1]));
                i += 2;
                start = i;
            }
            b'{' => {
                if start < i {
                    out.push(Piece::Literal(&template[start..i]));
                }
                let close = template[i..]
                    .find('}')
                    .ok_or_else(|| {
                        format!("« {{ » (octet {i}) n’est jamais fermé : ajoutez « }} », ou écrivez « {{{{ » pour une accolade")
                    })?;
                let inside = &template[i + 1..i + close];
                if let Some((name, forms)) = inside.split_once(':') {
                    let Some((one, many)) = forms.split_once('|').filter(|(_, m)| !m.contains('|'))
                    else {
                        return Err(format!(
                            "« {{{inside}}} » n’est pas un pluriel : écrivez {{{name}:singulier|pluriel}}"
                        ));
                    };
                    if !valid_name(name) {
                        return Err(format!(
                            "« {{{inside}}} » : « {name} » n’est pas un nom d’argument (lettres, chiffres, « _ » et « . »)"
                        ));
                    }
                    out.push(Piece::Plural {
                        arg: name,
                        one,
                        many,
                    });
                } else if valid_name(inside) {
                    out.push(Piece::Arg(inside));
                } else {
                    return Err(format!(
                        "« {{{inside}}} » n’est pas un nom d’argument (lettres, chiffres, « _ » et « . »)"
                    ));
                }
                i += close + 1;
                start = i;
            }
            b'}' => {
                return Err(format!(
                    "« }} » (octet {i}) ne ferme rien : retirez-le, ou écrivez « }}}} » pour une accolade"
                ))
            }
            _ => i += 1,
        }
    }
    if start < bytes.len() {
        out.push(Piece::Literal(&template[start..]));
    }
    Ok(out)
}

impl Prompts {
    /// Loads every `*.toml` file of `dir` and its subfolders (sorted by path). Every problem
    /// found is returned, not only the first.
    pub fn load_dir(dir: &Path) -> Result<Prompts, Vec<PackError>> {
        let mut files = Vec::new();
        let mut errors = Vec::new();
        collect_toml_files(dir, &mut files, &mut errors);
        files.sort();
        let mut prompts = Prompts::default();
        for file in files {
            match std::fs::read_to_string(&file) {
                Ok(src) => {
                    if let Err(e) = prompts.add_source(&file, &src) {
                        errors.extend(e);
                    }
                }
                Err(e) => errors.push(PackError {
                    file: file.clone(),
                    location: "fichier".into(),
                    problem: format!(
                        "lecture impossible : {}",
                        crate::problem::wording::io_error(&e)
                    ),
                }),
            }
        }
        if errors.is_empty() {
            Ok(prompts)
        } else {
            Err(errors)
        }
    }

    /// Loads texts from files already read (an uploaded pack), in the order given. Every
    /// problem found is returned, not only the first.
    pub fn load_sources<'a>(
        files: impl IntoIterator<Item = (&'a Path, &'a str)>,
    ) -> Result<Prompts, Vec<PackError>> {
        let mut prompts = Prompts::default();
        let mut errors = Vec::new();
        for (file, src) in files {
            if let Err(e) = prompts.add_source(file, src) {
                errors.extend(e);
            }
        }
        if errors.is_empty() {
            Ok(prompts)
        } else {
            Err(errors)
        }
    }

    /// Adds the texts of one TOML document; `file` names it in errors.
    pub fn add_source(&mut self, file: &Path, src: &str) -> Result<(), Vec<PackError>> {
        let table: toml::Table = toml::from_str(src).map_err(|e| {
            vec![PackError {
                file: file.to_path_buf(),
                location: crate::problem::toml_location(src, &e),
                problem: crate::problem::wording::toml_message(e.message()),
            }]
        })?;
        let mut errors = Vec::new();
        self.flatten(file, "", &table, &mut errors);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    fn flatten(
        &mut self,
        file: &Path,
        prefix: &str,
        table: &toml::Table,
        errors: &mut Vec<PackError>,
    ) {
        for (key, value) in table {
            let id = if prefix.is_empty() {
                key.clone()
            } else {
                format!("{prefix}.{key}")
            };
            match value {
                toml::Value::Table(inner) => self.flatten(file, &id, inner, errors),
                toml::Value::String(s) => {
                    if let Err(problem) = pieces(s) {
                        errors.push(PackError {
                            file: file.to_path_buf(),
                            location: id,
                            problem,
                        });
                        continue;
                    }
                    if let Some(previous) = self.texts.get(&id) {
                        errors.push(PackError {
                            file: file.to_path_buf(),
                            location: id,
                            problem: format!(
                                "ce texte est déjà défini dans {} : gardez une seule définition",
                                previous.file.display()
                            ),
                        });
                        continue;
                    }
                    self.texts.insert(
                        id,
                        Entry {
                            template: s.trim_end().to_string(),
                            file: file.to_path_buf(),
                        },
                    );
                }
                other => errors.push(PackError {
                    file: file.to_path_buf(),
                    location: id,
                    problem: format!(
                        "un texte entre guillemets est attendu, pas {} (ce dossier contient-il bien des textes ?)",
                        french_type(other)
                    ),
                }),
            }
        }
    }

    /// The raw template of `id`, if any.
    pub fn get(&self, id: &str) -> Option<&str> {
        self.texts.get(id).map(|t| t.template.as_str())
    }

    /// Whether `id` exists.
    pub fn contains(&self, id: &str) -> bool {
        self.texts.contains_key(id)
    }

    /// The file that defines `id`.
    pub fn file_of(&self, id: &str) -> Option<&Path> {
        self.texts.get(id).map(|t| t.file.as_path())
    }

    /// Every id, sorted.
    pub fn ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self.texts.keys().map(String::as_str).collect();
        ids.sort_unstable();
        ids
    }

    /// Renders one text of the registry (`msg`) with the arguments its type holds. A missing
    /// text renders as `[id]` (the start-up check makes it impossible with the shipped prompts).
    pub fn text(&self, text: &dyn Text) -> String {
        let id = text.id();
        let Some(template) = self.get(id) else {
            tracing::warn!(id, "missing prompt");
            return format!("[{id}]");
        };
        render_template(template, &mut |name| text.arg(name).map(str::to_string))
    }

    /// Renders `id` with named arguments. A missing id renders as `[id]` and a missing argument
    /// as `{name}`, so a gap shows up in the text instead of crashing the bot; the test suite
    /// checks that neither can happen with the shipped prompts.
    pub fn render(&self, id: &str, args: &[(&str, &str)]) -> String {
        let Some(template) = self.get(id) else {
            tracing::warn!(id, "missing prompt");
            return format!("[{id}]");
        };
        render_template(template, &mut |name| {
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_string())
        })
    }
}

/// A text of the registry: its id and the value of each argument. Implemented by the types
/// `msg` generates, so the compiler checks every argument a call gives.
pub trait Text {
    /// The id of the template in `prompts/fr/`.
    fn id(&self) -> &'static str;
    /// The value of the argument `name`, if this text has it.
    fn arg(&self, name: &str) -> Option<&str>;
}

/// Renders a template, asking `arg` for each argument; unknown arguments stay as `{name}`.
pub fn render_template(template: &str, arg: &mut impl FnMut(&str) -> Option<String>) -> String {
    let Ok(parts) = pieces(template) else {
        return template.to_string();
    };
    let mut out = String::with_capacity(template.len() + 16);
    for piece in parts {
        match piece {
            Piece::Literal(s) => out.push_str(s),
            Piece::Arg(name) => match arg(name) {
                Some(v) => out.push_str(&v),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
            Piece::Plural {
                arg: name,
                one,
                many,
            } => match arg(name) {
                Some(v) if is_singular(&v) => out.push_str(one),
                Some(_) => out.push_str(many),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
        }
    }
    out
}

/// A TOML value's kind, in French.
fn french_type(value: &toml::Value) -> &'static str {
    match value {
        toml::Value::String(_) => "un texte",
        toml::Value::Integer(_) => "un nombre entier",
        toml::Value::Float(_) => "un nombre à virgule",
        toml::Value::Boolean(_) => "un booléen",
        toml::Value::Datetime(_) => "une date",
        toml::Value::Array(_) => "une liste",
        toml::Value::Table(_) => "une table",
    }
}

fn collect_toml_files(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<PackError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(PackError {
                file: dir.to_path_buf(),
                location: "dossier".into(),
                problem: format!(
                    "lecture impossible : {}",
                    crate::problem::wording::io_error(&e)
                ),
            });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_toml_files(&path, files, errors);
        } else if path.extension().is_some_and(|e| e == "toml") {
            files.push(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_agree_with_the_number_the_french_way() {
        let t = "{n} {n:point|points} sur {max} {max:calcul juste|calculs justes}";
        let r = |n: &str, max: &str| {
            render_template(t, &mut |name| match name {
                "n" => Some(n.to_string()),
                "max" => Some(max.to_string()),
                _ => None,
            })
        };
        assert_eq!(r("0", "1"), "0 point sur 1 calcul juste");
        assert_eq!(r("1,5", "2"), "1,5 point sur 2 calculs justes");
        assert_eq!(
            r("1\u{202f}940", "−1"),
            "1\u{202f}940 points sur −1 calcul juste"
        );
        assert_eq!(r("−2", "beaucoup"), "−2 points sur beaucoup calculs justes");
        for singular in ["0", "1", "0,25", "1,99", "-1", "+1", "1.5"] {
            assert!(is_singular(singular), "{singular}");
        }
        for plural in ["2", "2,0", "10", "1 000", "", "x"] {
            assert!(!is_singular(plural), "{plural}");
        }
        for bad in ["{n:point}", "{n:a|b|c}", "{:a|b}", "{n n:a|b}"] {
            assert!(pieces(bad).is_err(), "{bad}");
        }
        assert_eq!(
            pieces("{n:|s}").unwrap(),
            vec![Piece::Plural {
                arg: "n",
                one: "",
                many: "s"
            }]
        );
    }

    #[test]
    fn flattens_and_renders() {
        let mut p = Prompts::default();
        p.add_source(
            Path::new("t.toml"),
            "[check.close]\ntruncated = \"Tronqué : {given} au lieu de {expected}.\"\n",
        )
        .unwrap();
        assert_eq!(
            p.render(
                "check.close.truncated",
                &[("given", "17,75"), ("expected", "17,76")]
            ),
            "Tronqué : 17,75 au lieu de 17,76."
        );
        assert_eq!(p.render("nope", &[]), "[nope]");
        assert_eq!(
            p.render("check.close.truncated", &[]),
            "Tronqué : {given} au lieu de {expected}."
        );
    }

    #[test]
    fn rejects_bad_templates_and_duplicates() {
        let mut p = Prompts::default();
        let err = p
            .add_source(Path::new("a.toml"), "x = \"a {b\"\n")
            .unwrap_err();
        assert_eq!(err[0].location, "x");
        let err = p
            .add_source(Path::new("a.toml"), "x = \"a } b\"\n")
            .unwrap_err();
        assert!(err[0].problem.contains("ne ferme rien"), "{err:?}");
        let err = p.add_source(Path::new("a.toml"), "x = 3\n").unwrap_err();
        assert!(err[0]
            .problem
            .contains("un texte entre guillemets est attendu, pas un nombre entier"));
        p.add_source(Path::new("a.toml"), "y = \"{{ok}}\"\n")
            .unwrap();
        assert_eq!(p.render("y", &[]), "{ok}");
        let err = p
            .add_source(Path::new("b.toml"), "y = \"again\"\n")
            .unwrap_err();
        assert!(err[0].problem.contains("déjà défini dans a.toml"));
    }

    #[test]
    fn syntax_errors_give_the_line() {
        let mut p = Prompts::default();
        let err = p
            .add_source(Path::new("a.toml"), "x = \"ok\"\ny = \n")
            .unwrap_err();
        assert!(err[0].location.starts_with("ligne 2"), "{:?}", err);
        assert!(err[0].problem.contains("entre guillemets"), "{:?}", err);
    }
}
