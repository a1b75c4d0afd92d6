//! French wording of the problems found while reading TOML files (packs, texts, rules of play)
//! and of file errors. These messages are written here and not in `prompts/fr`: they are shown
//! when the texts themselves may be missing or broken, and pack validation runs without them.
//!
//! The TOML parser and serde describe a problem in English with a fixed vocabulary
//! ("missing field `label`", "invalid type: string \"2\", expected u32", "key with no value,
//! expected `=`"); [`toml_message`] says the same in French, with what to write instead.

/// A TOML or serde error message in French, with the fix when there is one.
pub fn toml_message(message: &str) -> String {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("missing field ") {
        let field = rest.trim_matches('`');
        return format!("il manque le champ `{field}` : ajoutez la ligne {field} = …");
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (field, expected) = split_expected(rest);
        return match expected {
            Some(list) if list.starts_with("one of ") || list.starts_with('`') => format!(
                "champ inconnu {field} (vérifiez l’orthographe) ; champs possibles : {}",
                names(list)
            ),
            _ => format!("champ inconnu {field} : ce tableau n’a pas de champ de ce nom"),
        };
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (variant, expected) = split_expected(rest);
        let list = expected.unwrap_or_default();
        return format!(
            "valeur inconnue {variant} ; valeurs possibles : {}",
            names(list)
        );
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = split_expected(rest);
        let expected = expected.unwrap_or_default();
        return format!(
            "{} trouvé, {} attendu{}",
            found_kind(found),
            expected_kind(expected),
            fix(found, expected)
        );
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (found, expected) = split_expected(rest);
        let expected = expected.unwrap_or_default();
        if expected.contains("Decimal") {
            return format!(
                "{} n’est pas un nombre lisible{}",
                found_value(found),
                fix(found, expected)
            );
        }
        return format!(
            "valeur refusée : {} ; {} attendu{}",
            found_value(found),
            expected_kind(expected),
            fix(found, expected)
        );
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        // serde's expectation ("fewer elements in array") stays unsaid: it is English prose.
        let (found, _) = split_expected(rest);
        return format!("mauvais nombre d’éléments dans la liste ({found}) : vérifiez-la");
    }
    syntax(message)
}

/// serde's list of names ("one of `a`, `b`, or `c`", "`a` or `b`") in French.
fn names(list: &str) -> String {
    list.trim_start_matches("one of ")
        .replace(", or ", " ou ")
        .replace(" or ", " ou ")
}

/// "`x`, expected y" → ("`x`", Some("y")).
fn split_expected(text: &str) -> (&str, Option<&str>) {
    match text.split_once(", expected ") {
        Some((found, expected)) => (found.trim(), Some(expected.trim())),
        None => (text.trim_end_matches(", there are no fields").trim(), None),
    }
}

/// serde's `Unexpected` ("string \"2\"", "integer `300`", "floating point `1.5`").
fn found_kind(found: &str) -> String {
    let (kind, value) = found.split_once(' ').unwrap_or((found, ""));
    let value = value.trim_matches('`');
    let kind = match kind {
        "string" => "un texte",
        "integer" => "un nombre entier",
        "floating" => "un nombre à virgule",
        "boolean" => "un booléen",
        "sequence" => "une liste",
        "map" => "une table",
        "unit" | "option" => "une valeur vide",
        "char" => "un caractère",
        _ => "une valeur",
    };
    let value = value.trim_start_matches("point ").trim_matches('`');
    if value.is_empty() {
        kind.to_string()
    } else {
        format!("{kind} ({value})")
    }
}

/// The value of serde's `Unexpected`, as written in the file.
fn found_value(found: &str) -> String {
    let (_, value) = found.split_once(' ').unwrap_or(("", found));
    let value = value.trim_start_matches("point ").trim_matches('`');
    format!("« {} »", value.trim_matches('"'))
}

/// serde's "expected …" in French.
fn expected_kind(expected: &str) -> String {
    let e = expected.trim();
    if e.contains("Decimal") {
        return "un nombre décimal écrit entre guillemets, avec un point (\"19699.32\")".into();
    }
    match e {
        "u8" => "un nombre entier de 0 à 255".into(),
        "u16" => "un nombre entier de 0 à 65535".into(),
        "u32" | "u64" | "usize" => "un nombre entier positif, sans guillemets".into(),
        "i8" | "i16" | "i32" | "i64" | "isize" => "un nombre entier, sans guillemets".into(),
        "f32" | "f64" => "un nombre".into(),
        "a string" | "a borrowed string" | "string" => "un texte entre guillemets".into(),
        "a boolean" | "bool" => "true ou false".into(),
        "a sequence" => "une liste entre crochets [ … ]".into(),
        "a map" => "une table".into(),
        e if e.starts_with("struct ") || e.starts_with("a map") => "une table".into(),
        e if e.starts_with("enum ") => "une des valeurs prévues".into(),
        e if e.starts_with("one of ") => format!("une des valeurs {}", names(e)),
        other => format!("« {other} »"),
    }
}

/// What to write instead, when it is clear.
fn fix(found: &str, expected: &str) -> String {
    let value = found
        .split_once(' ')
        .map(|(_, v)| {
            v.trim_start_matches("point ")
                .trim_matches('`')
                .trim_matches('"')
        })
        .unwrap_or("");
    if expected.contains("Decimal") {
        return match decimal_typo(value) {
            Some(typo) => format!(" : {}", typo.fix()),
            None => " : écrivez un nombre entre guillemets, avec un point décimal et sans espace, par exemple \"19699.32\"".into(),
        };
    }
    let integer = matches!(
        expected,
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize"
    );
    if integer && found.starts_with("string") && value.parse::<i64>().is_ok() {
        return format!(" : écrivez {value}, sans guillemets");
    }
    if expected.contains("string") && found.starts_with("integer") {
        return format!(" : écrivez \"{value}\", entre guillemets");
    }
    String::new()
}

/// A number written the French way, or with its unit, where a pack wants a plain decimal:
/// « 12,5 », « 1 940 », « 17,8 % », « 1,94 k€ », « −700 ».
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecimalTypo {
    /// The number as the pack writes it: "12.5", "1940", "17.8".
    pub fixed: String,
    /// What was changed, in French, in the order found (« point décimal »…).
    pub changes: Vec<&'static str>,
    /// The other reading of a lone comma before three digits (« 37,923 »: 37923 if the comma
    /// separates thousands, the English way).
    pub thousands: Option<String>,
}

impl DecimalTypo {
    /// « écrivez "12.5" (point décimal) ».
    pub fn fix(&self) -> String {
        format!(
            "écrivez \"{}\" ({}){}",
            self.fixed,
            self.changes.join(", "),
            self.or_else()
        )
    }

    /// « , ou "37923" si la virgule sépare les milliers », when a comma reads both ways.
    pub fn or_else(&self) -> String {
        match &self.thousands {
            Some(other) => format!(", ou \"{other}\" si la virgule sépare les milliers"),
            None => String::new(),
        }
    }
}

const COMMA_DECIMAL: &str = "point décimal";
const THOUSANDS: &str = "sans séparateur de milliers";
const PERCENT: &str = "sans « % » : unit = \"percent\" dit déjà que c’est un pourcentage";
const EURO: &str = "sans « € » : unit = \"eur\" dit déjà que c’est un montant";
const KILO: &str = "en euros, « k€ » valant 1 000 € ; shown = \"…\" garde l’écriture du sujet";
const MINUS: &str = "avec le signe moins du clavier, « - »";

/// What `text` is as a pack's decimal, when it is a number written the French way or with its
/// unit; `None` when it is no number, or a number that needs no change.
pub fn decimal_typo(text: &str) -> Option<DecimalTypo> {
    let mut changes = Vec::new();
    let mut s = text.trim().to_string();
    if let Some(rest) = s.strip_prefix(['−', '–']) {
        s = format!("-{rest}");
        changes.push(MINUS);
    }
    let mut kilo = false;
    for (suffix, change) in [
        ("%", PERCENT),
        ("k€", KILO),
        ("K€", KILO),
        ("keur", KILO),
        ("€", EURO),
        ("euros", EURO),
        ("euro", EURO),
        ("EUR", EURO),
        ("eur", EURO),
    ] {
        if let Some(rest) = s.strip_suffix(suffix) {
            s = rest.trim_end().to_string();
            kilo = change == KILO;
            changes.push(change);
            break;
        }
    }
    let spaced = |c: char| matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '’');
    if s.contains(spaced) {
        s.retain(|c| !spaced(c));
        changes.push(THOUSANDS);
    }
    let (commas, points) = (s.matches(',').count(), s.matches('.').count());
    let last_mark = s.rfind([',', '.']).map(|i| &s[i..=i]);
    let (thousands, decimal) = match (commas, points, last_mark) {
        (0, 0 | 1, _) => (None, None),
        (0, _, _) => (Some('.'), None),
        (1, 0, _) => (None, Some(',')),
        (_, 0, _) => (Some(','), None),
        (_, _, Some(",")) => (Some('.'), Some(',')),
        _ => (Some(','), None),
    };
    if let Some(mark) = thousands {
        s.retain(|c| c != mark);
        if !changes.contains(&THOUSANDS) {
            changes.push(THOUSANDS);
        }
    }
    let mut thousands_reading = None;
    if decimal.is_some() {
        let after = s.rsplit(',').next().unwrap_or_default();
        if thousands.is_none() && after.len() == 3 && !kilo {
            thousands_reading = Some(s.replace(',', ""));
        }
        s = s.replace(',', ".");
        changes.insert(0, COMMA_DECIMAL);
    }
    let digits = s.strip_prefix(['-', '+']).unwrap_or(&s);
    let plain = !digits.is_empty()
        && !digits.starts_with('.')
        && !digits.ends_with('.')
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.');
    let number: rust_decimal::Decimal = s.parse().ok().filter(|_| plain)?;
    if kilo {
        s = number
            .checked_mul(rust_decimal::Decimal::ONE_THOUSAND)?
            .normalize()
            .to_string();
    }
    let thousands = thousands_reading.filter(|t| t.parse::<rust_decimal::Decimal>().is_ok());
    (!changes.is_empty()).then_some(DecimalTypo {
        fixed: s,
        changes,
        thousands,
    })
}

/// A TOML file's syntax error in French, at its line: a number written the French way on that
/// line (`value = 12,5`, `tolerance = 1 940`, `value = 17,8 %`) is said with its fix, since
/// the parser only sees a stray comma or an unquoted text there.
pub fn toml_error(src: &str, err: &toml::de::Error) -> String {
    let typo = err
        .span()
        .and_then(|span| number_typo_on_line(src, span.start));
    match typo {
        Some((written, key, typo)) => format!(
            "`{key} = {written}` n’est pas un nombre lisible : écrivez `{key} = \"{}\"` ({}){}",
            typo.fixed,
            typo.changes.join(", "),
            typo.or_else()
        ),
        None => toml_message(err.message()),
    }
}

/// The first `key = number` of the line holding byte `at` whose number is written the French
/// way: (the number as written, the key, its fix). An `=` inside a quoted text is not looked at.
fn number_typo_on_line(src: &str, at: usize) -> Option<(String, String, DecimalTypo)> {
    let at = at.min(src.len());
    let start = src.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let end = src.get(at..)?.find('\n').map_or(src.len(), |i| at + i);
    let line = src.get(start..end)?;
    let key_char = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    let mut quoted = false;
    for (eq, c) in line.char_indices() {
        if c == '"' {
            quoted = !quoted;
        }
        if c != '=' || quoted {
            continue;
        }
        let key = line[..eq].trim_end();
        let key_start = key
            .char_indices()
            .rev()
            .find(|&(_, c)| !key_char(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let key = &key[key_start..];
        let written = number_run(line[eq + 1..].trim_start());
        if key.is_empty() || written.is_empty() {
            continue;
        }
        if let Some(typo) = decimal_typo(written) {
            return Some((written.to_string(), key.to_string(), typo));
        }
    }
    None
}

/// The number that `text` starts with, written the French way or not: digits, spaces between
/// digits, a comma or a point before a digit, a sign first, a « % », « € » or « k€ » last.
fn number_run(text: &str) -> &str {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let next = |k: usize| chars.get(k + 1).map(|&(_, c)| c);
    let mut end = 0;
    for (k, &(i, c)) in chars.iter().enumerate() {
        let digit_next = next(k).is_some_and(|n| n.is_ascii_digit());
        let part = match c {
            '0'..='9' => true,
            '-' | '+' | '−' | '–' => k == 0 && digit_next,
            ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' => k > 0 && digit_next,
            '%' | '€' => k > 0,
            'k' | 'K' => k > 0 && next(k) == Some('€'),
            _ => false,
        };
        if !part {
            // A unit after a space: « 17,8 % », « 1 940 € ».
            let unit_after_space = c == ' ' && matches!(next(k), Some('%' | '€' | 'k' | 'K'));
            if !unit_after_space || k == 0 {
                break;
            }
        }
        end = i + c.len_utf8();
        if matches!(c, '%' | '€') {
            break;
        }
    }
    &text[..end]
}

/// The TOML parser's syntax messages ("key with no value, expected `=`").
fn syntax(message: &str) -> String {
    let (what, expected) = match message.split_once(", expected ") {
        // The parser's list ("literal string") says less than the sentence.
        Some(("string values must be quoted", _)) => ("string values must be quoted", None),
        Some((what, expected)) => (what, Some(expected)),
        None => (message, None),
    };
    let what = match what {
        "duplicate key" => {
            "clé déjà définie plus haut (une clé ne s’écrit qu’une fois par table)".to_string()
        }
        "string values must be quoted" => {
            "valeur absente ou texte sans guillemets : écrivez la valeur, un texte entre guillemets (\"…\")".into()
        }
        "key with no value" => "clé sans valeur".into(),
        "missing value" | "missing value for key" => "il manque la valeur".into(),
        "invalid value" => "valeur illisible".into(),
        "unexpected key or value" => "clé ou valeur inattendue (une seule clé = valeur par ligne)".into(),
        "unexpected content" => "contenu inattendu".into(),
        "unexpected content between comment and newline" => "contenu inattendu après le commentaire".into(),
        "unclosed table" => "en-tête de table non fermé".into(),
        "unclosed array table" => "en-tête [[…]] non fermé".into(),
        "unclosed array" => "liste non fermée".into(),
        "unclosed inline table" => "table { … } non fermée".into(),
        "missing table open" => "il manque le [ d’ouverture de la table".into(),
        "missing array opening" => "il manque le [ d’ouverture de la liste".into(),
        "missing inline table opening" => "il manque le { d’ouverture".into(),
        "missing key for inline table element" => "il manque une clé dans la table { … }".into(),
        "missing comma between array elements" => "il manque une virgule entre deux éléments de la liste".into(),
        "missing comma between key-value pairs" => "il manque une virgule entre deux clés".into(),
        "missing assignment between key-value pairs" => "il manque un = entre la clé et sa valeur".into(),
        "extra assignment between key-value pairs" | "extra `=`" => "un = de trop".into(),
        "unexpected `=` in array" => "un = dans une liste".into(),
        "extra comma in array" => "une virgule de trop dans la liste".into(),
        "extra comma in inline table" => "une virgule de trop dans la table { … }".into(),
        "invalid inline table element" => "élément de table { … } illisible".into(),
        "invalid key-value pair" => "ligne clé = valeur illisible".into(),
        "invalid unquoted key" => "clé illisible : sans guillemets, une clé n’a que des lettres, chiffres, - et _".into(),
        "unquoted keys cannot be empty" => "clé vide".into(),
        "missing opening quote" => "il manque le guillemet d’ouverture".into(),
        "missing escaped value" | "too few unicode value digits" => "séquence \\ incomplète".into(),
        "invalid comment character" | "missing comment start" => "commentaire illisible".into(),
        "carriage return must be followed by newline" => "retour chariot isolé".into(),
        "unexpected leading zero" => "un nombre ne commence pas par 0".into(),
        "`_` may only go between digits" => "un _ ne va qu’entre deux chiffres".into(),
        "unexpected sign" | "redundant numeric sign" => "signe inattendu".into(),
        "redundant integer number prefix" | "radix must be lowercase" | "integers with a radix cannot be signed" => "nombre entier illisible".into(),
        "keys cannot be multi-line basic strings" | "keys cannot be multi-line literal strings" => "une clé ne peut pas tenir sur plusieurs lignes".into(),
        "cannot recurse further; max recursion depth met" => "trop d’imbrications".into(),
        "integer number overflowed" | "floating-point number overflowed" => "nombre trop grand".into(),
        // A message the parser may add later: said in French, without its English words.
        _ => "syntaxe TOML incorrecte : vérifiez les guillemets, les crochets et le = de cette ligne".into(),
    };
    match expected {
        Some(list) => {
            let items: Vec<String> = list.split(", ").map(expected_token).collect();
            format!("{what} ; attendu : {}", items.join(", "))
        }
        None => what,
    }
}

/// One of the parser's expected tokens.
fn expected_token(token: &str) -> String {
    match token {
        "newline" => "un retour à la ligne".into(),
        "nothing" => "rien".into(),
        "key" => "une clé".into(),
        "value" => "une valeur".into(),
        "digits" | "numbers" => "des chiffres".into(),
        "letters" => "des lettres".into(),
        "characters" | "printable characters" => "des caractères".into(),
        "basic string" => "un texte entre \"…\"".into(),
        "literal string" => "un texte entre '…'".into(),
        "multi-line basic string" => "un texte entre \"\"\"…\"\"\"".into(),
        "unicode hexadecimal value" => "un code unicode".into(),
        "etc" => "etc.".into(),
        other if other.starts_with("non-") => "des caractères".into(),
        other => other.to_string(),
    }
}

/// A file error in French (what `std::io::Error` says in English).
pub fn io_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "introuvable".into(),
        K::PermissionDenied => "accès refusé (droits insuffisants)".into(),
        K::AlreadyExists => "existe déjà".into(),
        K::InvalidData => "contenu illisible (le fichier doit être du texte UTF-8)".into(),
        K::NotADirectory => "ce n’est pas un dossier".into(),
        K::IsADirectory => "c’est un dossier, pas un fichier".into(),
        K::ReadOnlyFilesystem => "disque en lecture seule".into(),
        K::StorageFull => "disque plein".into(),
        _ => format!("erreur du système ({e})"),
    }
}

#[cfg(test)]
mod tests {
    use super::{decimal_typo, toml_error, toml_message};

    #[test]
    fn numbers_written_the_french_way_are_fixed_with_what_changed() {
        for (written, fixed, changes) in [
            ("12,5", "12.5", &["point décimal"][..]),
            ("1 940", "1940", &["sans séparateur de milliers"][..]),
            (
                "1\u{202f}940,50",
                "1940.50",
                &["point décimal", "sans séparateur de milliers"][..],
            ),
            (
                "1.940,50",
                "1940.50",
                &["point décimal", "sans séparateur de milliers"][..],
            ),
            ("1,940.50", "1940.50", &["sans séparateur de milliers"][..]),
            ("1.940.500", "1940500", &["sans séparateur de milliers"][..]),
            (
                "17,8 %",
                "17.8",
                &[
                    "point décimal",
                    "sans « % » : unit = \"percent\" dit déjà que c’est un pourcentage",
                ][..],
            ),
            (
                "17.8%",
                "17.8",
                &["sans « % » : unit = \"percent\" dit déjà que c’est un pourcentage"][..],
            ),
            (
                "1596€",
                "1596",
                &["sans « € » : unit = \"eur\" dit déjà que c’est un montant"][..],
            ),
            (
                "1,94 k€",
                "1940",
                &[
                    "point décimal",
                    "en euros, « k€ » valant 1 000 € ; shown = \"…\" garde l’écriture du sujet",
                ][..],
            ),
            (
                "−700",
                "-700",
                &["avec le signe moins du clavier, « - »"][..],
            ),
        ] {
            let typo = decimal_typo(written).unwrap_or_else(|| panic!("{written:?} not fixed"));
            assert_eq!(typo.fixed, fixed, "{written:?}");
            assert_eq!(typo.changes, changes, "{written:?}");
            assert_eq!(typo.thousands, None, "{written:?}");
        }
        // A lone comma before three digits reads both ways: both are said.
        let typo = decimal_typo("37,923").expect("fixed");
        assert_eq!(
            typo.fix(),
            "écrivez \"37.923\" (point décimal), ou \"37923\" si la virgule sépare les milliers"
        );
        for fine_or_not_a_number in [
            "12.5",
            "1940",
            "-3",
            "douze",
            "",
            "12,5,3.1.2",
            "1,",
            ".5",
            "%",
        ] {
            assert_eq!(
                decimal_typo(fine_or_not_a_number),
                None,
                "{fine_or_not_a_number:?}"
            );
        }
    }

    #[test]
    fn a_toml_number_written_the_french_way_is_said_with_its_fix() {
        for (src, said) in [
            (
                "[values]\na = { label = \"x\", annex = 3, value = 12,5, unit = \"eur\" }\n",
                "`value = 12,5` n’est pas un nombre lisible : écrivez `value = \"12.5\"` (point décimal)",
            ),
            (
                "[values]\na = { label = \"x, y = 3,5\", value = 1 940, unit = \"eur\" }\n",
                "`value = 1 940` n’est pas un nombre lisible : écrivez `value = \"1940\"` (sans séparateur de milliers)",
            ),
            (
                "[values]\na = { label = \"x\", value = 17,8 % }\n",
                "`value = 17,8 %` n’est pas un nombre lisible : écrivez `value = \"17.8\"` (point décimal, sans « % »",
            ),
            (
                "[k]\ntolerance = 0,5\nprecision = 2\n",
                "`tolerance = 0,5` n’est pas un nombre lisible : écrivez `tolerance = \"0.5\"` (point décimal)",
            ),
        ] {
            let Err(e) = toml::from_str::<toml::Table>(src) else {
                panic!("{src:?} parsed");
            };
            let message = toml_error(src, &e);
            assert!(message.contains(said), "{src:?} → {message:?}");
        }
        // A key after a letter that is not ASCII, a number after a multibyte character.
        for src in ["[k]\n«é= 12,5\n", "[k]\nv = €12,5\n", "[k]\nv = 12,5é\n"] {
            if let Err(e) = toml::from_str::<toml::Table>(src) {
                let _ = toml_error(src, &e);
            }
        }
        // Any byte of any line, on a character boundary or not, never panics.
        let src = "[k]\n«é= 12,5 € « x = 1 940 k€ »\nv = −3,5 %, w = \"a = 2,5\" ½=1\n";
        for at in 0..=src.len() + 1 {
            let _ = super::number_typo_on_line(src, at);
        }
        for end in 0..=src.len() {
            if let Some(text) = src.get(..end) {
                let _ = decimal_typo(text);
                let _ = super::number_run(text);
            }
        }
        // Any other syntax error reads as before.
        let src = "[k]\nlabel = Taux\n";
        let Err(e) = toml::from_str::<toml::Table>(src) else {
            panic!("parsed");
        };
        assert_eq!(toml_error(src, &e), toml_message(e.message()));
    }

    #[test]
    fn serde_messages_in_french_with_the_fix() {
        for (english, french) in [
            ("missing field `label`", "il manque le champ `label`"),
            ("unknown field `formla`, expected one of `label`, `formula`", "champ inconnu `formla` (vérifiez l’orthographe) ; champs possibles : `label`, `formula`"),
            ("unknown variant `euro`, expected one of `count`, `eur`", "valeur inconnue `euro` ; valeurs possibles : `count`, `eur`"),
            ("unknown field `points`, expected `id` or `share`", "champs possibles : `id` ou `share`"),
            ("unknown variant `x`, expected one of `a`, `b`, or `c`", "valeurs possibles : `a`, `b` ou `c`"),
            ("invalid type: string \"2\", expected u32", "un texte (\"2\") trouvé, un nombre entier positif, sans guillemets attendu : écrivez 2, sans guillemets"),
            ("invalid value: string \"19699,32\", expected a Decimal type representing a fixed-point number", "« 19699,32 » n’est pas un nombre lisible : écrivez \"19699.32\" (point décimal)"),
            ("invalid value: string \"5 865.15\", expected a Decimal type representing a fixed-point number", "écrivez \"5865.15\" (sans séparateur de milliers)"),
            ("invalid value: integer `300`, expected u8", "valeur refusée : « 300 » ; un nombre entier de 0 à 255 attendu"),
            ("duplicate key", "clé déjà définie"),
            ("key with no value, expected `=`", "clé sans valeur ; attendu : `=`"),
            ("unexpected key or value, expected newline, `#`", "attendu : un retour à la ligne, `#`"),
        ] {
            let said = toml_message(english);
            assert!(said.contains(french), "{english:?} → {said:?}");
        }
    }
}
