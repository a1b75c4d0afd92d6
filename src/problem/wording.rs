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
                "{} n’est pas un nombre lisible{} (dans les fichiers du cas, les nombres s’écrivent entre guillemets, à l’anglaise)",
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
        let cleaned: String = value
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
            .map(|c| if c == ',' { '.' } else { c })
            .collect();
        if !value.is_empty() && cleaned.parse::<rust_decimal::Decimal>().is_ok() {
            return format!(" : écrivez \"{cleaned}\", avec un point et sans espace");
        }
        return " : écrivez par exemple \"19699.32\", avec un point et sans espace".into();
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
    use super::toml_message;

    #[test]
    fn serde_messages_in_french_with_the_fix() {
        for (english, french) in [
            ("missing field `label`", "il manque le champ `label`"),
            ("unknown field `formla`, expected one of `label`, `formula`", "champ inconnu `formla` (vérifiez l’orthographe) ; champs possibles : `label`, `formula`"),
            ("unknown variant `euro`, expected one of `count`, `eur`", "valeur inconnue `euro` ; valeurs possibles : `count`, `eur`"),
            ("unknown field `points`, expected `id` or `share`", "champs possibles : `id` ou `share`"),
            ("unknown variant `x`, expected one of `a`, `b`, or `c`", "valeurs possibles : `a`, `b` ou `c`"),
            ("invalid type: string \"2\", expected u32", "un texte (\"2\") trouvé, un nombre entier positif, sans guillemets attendu : écrivez 2, sans guillemets"),
            ("invalid value: string \"19699,32\", expected a Decimal type representing a fixed-point number", "« 19699,32 » n’est pas un nombre lisible : écrivez \"19699.32\", avec un point"),
            ("invalid value: string \"5 865.15\", expected a Decimal type representing a fixed-point number", "écrivez \"5865.15\", avec un point et sans espace"),
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
