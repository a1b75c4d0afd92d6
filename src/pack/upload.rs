//! A pack a teacher sends (a zip of the pack folder and its texts folder, or the TOML files
//! themselves), turned into [`Files`] the loader reads, or refused with a French reason and
//! nothing kept. Every size is bounded before it is trusted: the attachment, the number of
//! files, each file once unpacked (read, not as the archive claims), the whole, the depth of
//! folders and of TOML nesting. Links, encrypted entries and paths leaving the archive are
//! refused.

use super::source::{normalise, Files};
use std::io::Read;

/// The bounds of an upload (`config/play.toml`, `[subjects]`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Largest attachment, in bytes (zip or TOML file).
    pub max_upload_bytes: usize,
    /// Most files in an archive or attached at once.
    pub max_files: usize,
    /// Largest file once unpacked, in bytes.
    pub max_file_bytes: usize,
    /// Largest total once unpacked, in bytes.
    pub max_unpacked_bytes: usize,
    /// Deepest folder inside an archive.
    pub max_folder_depth: usize,
    /// Deepest nesting of TOML tables, arrays and inline tables.
    pub max_toml_nesting: usize,
    /// Most subjects one class may import (each is kept in memory while the bot runs).
    pub max_per_class: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_upload_bytes: 2_000_000,
            max_files: 64,
            max_file_bytes: 500_000,
            max_unpacked_bytes: 4_000_000,
            max_folder_depth: 6,
            max_toml_nesting: 16,
            max_per_class: 10,
        }
    }
}

/// The names of a pack's own files; any other TOML file sent loose is a file of texts.
pub const PACK_FILES: [&str; 9] = [
    "case.toml",
    "annexes.toml",
    "kpis.toml",
    "questions.toml",
    "grids.toml",
    "linkedin.toml",
    "charts.toml",
    "interpretations.toml",
    "reflexion.toml",
];

/// Where loose TOML texts are put (the `prompts` of `case.toml` is then not read).
pub const LOOSE_TEXTS_DIR: &str = "textes";

/// An upload ready to load: its files, the folder holding `case.toml`, and where its texts
/// are when they do not come from `case.toml`'s `prompts`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unpacked {
    pub files: Files,
    pub pack_dir: String,
    pub texts_dir: Option<String>,
    /// Files of the archive that are not TOML (a README, a picture): not kept.
    pub ignored: Vec<String>,
}

/// Why an upload is refused (French, shown to the teacher as is).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UploadError {
    #[error("le fichier « {name} » fait {} : un sujet envoyé fait au plus {} (les fichiers d’un sujet font en général moins de 200 ko). Retirez ce qui n’est pas le sujet (images, PDF), puis renvoyez-le.", size_words(*size), size_words(*max))]
    TooLarge {
        name: String,
        size: usize,
        max: usize,
    },
    #[error("aucun fichier reçu : joignez le sujet (une archive .zip qui contient le dossier du cas et son dossier de textes, ou ses fichiers .toml).")]
    Nothing,
    #[error("« {0} » n’est ni une archive .zip ni un fichier .toml : envoyez le sujet en .zip (le dossier du cas et son dossier de textes) ou ses fichiers .toml.")]
    Kind(String),
    #[error("l’archive « {name} » ne peut pas être lue ({reason}). Refaites-la (clic droit sur les deux dossiers → Compresser), puis renvoyez-la.")]
    Zip { name: String, reason: String },
    #[error("trop de fichiers : {count} (au plus {max}). Un sujet compte une dizaine de fichiers : retirez le reste de l’archive.")]
    TooManyFiles { count: usize, max: usize },
    #[error("« {path} » fait plus de {} une fois décompressé : un fichier de sujet est bien plus petit. Archive refusée.", size_words(*max))]
    FileTooLarge { path: String, max: usize },
    #[error("l’archive fait plus de {} une fois décompressée : un sujet est bien plus petit. Archive refusée.", size_words(*max))]
    UnpackedTooLarge { max: usize },
    #[error("« {0} » sort du dossier de l’archive (chemin absolu ou « .. ») : archive refusée.")]
    Escapes(String),
    #[error("« {0} » est un lien symbolique : une archive de sujet ne contient que des fichiers. Archive refusée.")]
    Symlink(String),
    #[error("« {0} » est chiffré : envoyez une archive sans mot de passe.")]
    Encrypted(String),
    #[error(
        "« {path} » est rangé trop profond ({depth} dossiers, au plus {max}) : archive refusée."
    )]
    TooDeep {
        path: String,
        depth: usize,
        max: usize,
    },
    #[error("« {0} » n’est pas un texte UTF-8 : enregistrez-le en UTF-8 (l’encodage par défaut de la plupart des éditeurs), puis renvoyez-le.")]
    NotText(String),
    #[error("« {path} » imbrique plus de {max} tableaux ou tables les uns dans les autres : un sujet n’en a jamais besoin. Fichier refusé.")]
    TooNested { path: String, max: usize },
    #[error("aucun case.toml dans ce qui a été envoyé : un sujet est un dossier qui contient case.toml, annexes.toml, kpis.toml et questions.toml (voir « casebot nouveau-cas »).")]
    NoCase,
    #[error("les textes du sujet manquent : joignez aussi le fichier de ses textes (tout autre fichier .toml que ceux du cas, par exemple textes.toml), ou envoyez le sujet en .zip avec son dossier de textes.")]
    NoTexts,
    #[error("plusieurs sujets dans l’archive ({0}) : envoyez-en un à la fois.")]
    SeveralCases(String),
    #[error("deux fichiers s’appellent « {0} » : envoyez le sujet en .zip (le dossier du cas et son dossier de textes), ou mettez tous les textes dans un seul fichier, par exemple textes.toml.")]
    SameName(String),
}

/// A size as a teacher reads it: « 850 octets », « 500 ko », « 2 Mo », « 2,4 Mo » (decimal
/// units, one decimal at most, rounded down so a file just over a bound never reads as equal).
pub fn size_words(bytes: usize) -> String {
    match bytes {
        0..=999 => format!("{bytes} octet{}", if bytes < 2 { "" } else { "s" }),
        1_000..=999_999 => format!("{} ko", bytes / 1_000),
        _ => {
            let tenths = bytes / 100_000;
            match tenths % 10 {
                0 => format!("{} Mo", tenths / 10),
                d => format!("{},{d} Mo", tenths / 10),
            }
        }
    }
}

/// Reads one attachment: a zip archive, or a single TOML file (see [`unpack_loose`]).
pub fn unpack(name: &str, bytes: &[u8], limits: &Limits) -> Result<Unpacked, UploadError> {
    unpack_all(&[(name.to_string(), bytes.to_vec())], limits)
}

/// Reads what a teacher attached: one zip archive, or TOML files (the pack's files by their
/// names, every other TOML file a file of texts).
pub fn unpack_all(
    attachments: &[(String, Vec<u8>)],
    limits: &Limits,
) -> Result<Unpacked, UploadError> {
    if attachments.is_empty() {
        return Err(UploadError::Nothing);
    }
    for (name, bytes) in attachments {
        if bytes.len() > limits.max_upload_bytes {
            return Err(UploadError::TooLarge {
                name: shown(name),
                size: bytes.len(),
                max: limits.max_upload_bytes,
            });
        }
    }
    let is_zip = |name: &str, bytes: &[u8]| {
        bytes.starts_with(b"PK") || name.to_ascii_lowercase().ends_with(".zip")
    };
    match attachments {
        [(name, bytes)] if is_zip(name, bytes) => unzip(name, bytes, limits),
        _ => {
            if let Some((name, _)) = attachments.iter().find(|(n, b)| is_zip(n, b)) {
                return Err(UploadError::Kind(shown(name)));
            }
            unpack_loose(attachments, limits)
        }
    }
}

/// A name as the teacher gave it, bounded and without control characters, for messages.
fn shown(name: &str) -> String {
    let clean: String = name.chars().filter(|c| !c.is_control()).take(80).collect();
    if clean.chars().count() < name.chars().count() {
        format!("{clean}…")
    } else {
        clean
    }
}

fn unpack_loose(
    attachments: &[(String, Vec<u8>)],
    limits: &Limits,
) -> Result<Unpacked, UploadError> {
    if attachments.len() > limits.max_files {
        return Err(UploadError::TooManyFiles {
            count: attachments.len(),
            max: limits.max_files,
        });
    }
    let mut files = Files::default();
    let mut total = 0usize;
    for (name, bytes) in attachments {
        // A loose file has a bare name: whatever folder a client put before it is dropped.
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name).to_string();
        if !base.to_ascii_lowercase().ends_with(".toml") || base.starts_with('.') {
            return Err(UploadError::Kind(shown(name)));
        }
        let text = text_of(&base, bytes, limits)?;
        total += text.len();
        if total > limits.max_unpacked_bytes {
            return Err(UploadError::UnpackedTooLarge {
                max: limits.max_unpacked_bytes,
            });
        }
        let path = if PACK_FILES.contains(&base.as_str()) {
            base.clone()
        } else {
            format!("{LOOSE_TEXTS_DIR}/{base}")
        };
        if files.iter().any(|(p, _)| p == path) {
            return Err(UploadError::SameName(shown(&base)));
        }
        files.insert(path, text);
    }
    if !files.iter().any(|(p, _)| p == "case.toml") {
        return Err(UploadError::NoCase);
    }
    if !files.iter().any(|(p, _)| p.starts_with(LOOSE_TEXTS_DIR)) {
        return Err(UploadError::NoTexts);
    }
    Ok(Unpacked {
        files,
        pack_dir: String::new(),
        texts_dir: Some(LOOSE_TEXTS_DIR.into()),
        ignored: Vec::new(),
    })
}

fn unzip(name: &str, bytes: &[u8], limits: &Limits) -> Result<Unpacked, UploadError> {
    let zip_error = |e: zip::result::ZipError| UploadError::Zip {
        name: shown(name),
        reason: zip_reason(&e),
    };
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(zip_error)?;
    // Folders and junk count too: a central directory of a million entries is refused here.
    if archive.len() > limits.max_files * 4 {
        return Err(UploadError::TooManyFiles {
            count: archive.len(),
            max: limits.max_files,
        });
    }
    let mut files = Files::default();
    let mut ignored = Vec::new();
    let mut total = 0usize;
    let mut kept = 0usize;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| match e {
            zip::result::ZipError::UnsupportedArchive(zip::result::ZipError::PASSWORD_REQUIRED)
            | zip::result::ZipError::InvalidPassword => {
                UploadError::Encrypted(format!("entrée {}", i + 1))
            }
            e => zip_error(e),
        })?;
        let raw_name = entry.name().map_err(zip_error)?.to_string();
        if entry.encrypted() {
            return Err(UploadError::Encrypted(shown(&raw_name)));
        }
        let Some(path) = entry
            .enclosed_name()
            .and_then(|p| normalise(&p))
            .filter(|_| !raw_name.contains('\\') && !raw_name.starts_with('/'))
        else {
            return Err(UploadError::Escapes(shown(&raw_name)));
        };
        if entry.is_symlink() {
            return Err(UploadError::Symlink(shown(&raw_name)));
        }
        if entry.is_dir() || path.is_empty() {
            continue;
        }
        let depth = path.matches('/').count();
        if depth > limits.max_folder_depth {
            return Err(UploadError::TooDeep {
                path: shown(&path),
                depth,
                max: limits.max_folder_depth,
            });
        }
        if junk(&path) {
            continue;
        }
        if !path.to_ascii_lowercase().ends_with(".toml") {
            ignored.push(shown(&path));
            continue;
        }
        kept += 1;
        if kept > limits.max_files {
            return Err(UploadError::TooManyFiles {
                count: kept,
                max: limits.max_files,
            });
        }
        // Read at most one byte past the bound: what the archive claims is not trusted.
        let mut data = Vec::new();
        (&mut entry)
            .take(limits.max_file_bytes as u64 + 1)
            .read_to_end(&mut data)
            .map_err(|e| UploadError::Zip {
                name: shown(name),
                reason: format!("« {} » : {}", shown(&path), e),
            })?;
        if data.len() > limits.max_file_bytes {
            return Err(UploadError::FileTooLarge {
                path: shown(&path),
                max: limits.max_file_bytes,
            });
        }
        total += data.len();
        if total > limits.max_unpacked_bytes {
            return Err(UploadError::UnpackedTooLarge {
                max: limits.max_unpacked_bytes,
            });
        }
        let text = text_of(&path, &data, limits)?;
        files.insert(path, text);
    }
    let dirs = files.pack_dirs();
    let pack_dir = match dirs.as_slice() {
        [] => return Err(UploadError::NoCase),
        [one] => one.clone(),
        many => {
            let list: Vec<String> = many
                .iter()
                .take(5)
                .map(|d| {
                    if d.is_empty() {
                        "case.toml".to_string()
                    } else {
                        format!("{d}/case.toml")
                    }
                })
                .collect();
            return Err(UploadError::SeveralCases(list.join(", ")));
        }
    };
    Ok(Unpacked {
        files,
        pack_dir,
        texts_dir: None,
        ignored,
    })
}

/// What archivers add on their own (macOS's `__MACOSX/`, `.DS_Store`, hidden files).
fn junk(path: &str) -> bool {
    path.starts_with("__MACOSX/") || path.split('/').any(|part| part.starts_with('.'))
}

fn zip_reason(e: &zip::result::ZipError) -> String {
    use zip::result::ZipError;
    match e {
        ZipError::InvalidArchive(_) => "ce n’est pas une archive zip valide".into(),
        ZipError::UnsupportedArchive(_) | ZipError::CompressionMethodNotSupported(_) => {
            "méthode de compression non prise en charge : utilisez la compression standard (Deflate)"
                .into()
        }
        ZipError::FileNotFound => "fichier introuvable dans l’archive".into(),
        ZipError::Io(_) => "archive tronquée ou abîmée".into(),
        _ => "archive abîmée".into(),
    }
}

/// The text of a file: UTF-8 (a leading byte-order mark dropped), not nested too deep.
fn text_of(path: &str, bytes: &[u8], limits: &Limits) -> Result<String, UploadError> {
    if bytes.len() > limits.max_file_bytes {
        return Err(UploadError::FileTooLarge {
            path: shown(path),
            max: limits.max_file_bytes,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| UploadError::NotText(shown(path)))?;
    if toml_nesting(text) > limits.max_toml_nesting {
        return Err(UploadError::TooNested {
            path: shown(path),
            max: limits.max_toml_nesting,
        });
    }
    Ok(text.to_string())
}

/// The deepest nesting of `[` and `{` outside strings and comments: bounds the parser's
/// recursion before it runs. Table headers (`[a]`, `[[a]]`) count as open-then-closed.
pub fn toml_nesting(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    while i < bytes.len() {
        match bytes[i] {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            q @ (b'"' | b'\'') => {
                let triple = bytes[i..].starts_with(if q == b'"' { b"\"\"\"" } else { b"'''" });
                i += if triple { 3 } else { 1 };
                while i < bytes.len() {
                    if q == b'"' && bytes[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if bytes[i] == q && (!triple || bytes[i..].starts_with(&[q, q, q])) {
                        i += if triple { 2 } else { 0 };
                        break;
                    }
                    if !triple && bytes[i] == b'\n' {
                        break;
                    }
                    i += 1;
                }
            }
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_in_french() {
        assert_eq!(size_words(1), "1 octet");
        assert_eq!(size_words(850), "850 octets");
        assert_eq!(size_words(500_000), "500 ko");
        assert_eq!(size_words(2_000_000), "2 Mo");
        assert_eq!(size_words(2_450_000), "2,4 Mo");
    }

    #[test]
    fn nesting_counts_brackets_outside_strings_and_comments() {
        assert_eq!(toml_nesting("a = 1\n[t]\nb = [[1], [2]]"), 2);
        assert_eq!(toml_nesting("a = \"[[[[[[\" # [[[[[[\nb = '{{{{'"), 0);
        assert_eq!(toml_nesting("a = \"\"\"\n[[[\n\"\"\"\n"), 0);
        assert_eq!(toml_nesting(&format!("a = {}", "[".repeat(500))), 500);
        assert_eq!(toml_nesting("a = \"x\\\"[\"\n"), 0);
    }

    #[test]
    fn loose_files_put_texts_apart_and_refuse_twins() {
        let limits = Limits::default();
        let up = unpack_all(
            &[
                ("case.toml".into(), b"id = 'x'".to_vec()),
                ("textes.toml".into(), b"[case]\nintro = 'x'".to_vec()),
            ],
            &limits,
        );
        let up = up.ok().unwrap_or_else(|| panic!("loose files unpack"));
        assert_eq!(up.texts_dir.as_deref(), Some("textes"));
        assert_eq!(
            up.files.iter().map(|(p, _)| p).collect::<Vec<_>>(),
            vec!["case.toml", "textes/textes.toml"]
        );
        let twins = unpack_all(
            &[
                ("case.toml".into(), b"id = 'x'".to_vec()),
                ("case.toml".into(), b"id = 'y'".to_vec()),
            ],
            &limits,
        );
        assert_eq!(twins, Err(UploadError::SameName("case.toml".into())));
        assert_eq!(
            unpack("notes.pdf", b"%PDF", &limits),
            Err(UploadError::Kind("notes.pdf".into()))
        );
    }
}
