//! `casebot nouveau-cas <id>` (alias `new-case`): the skeleton it writes loads and validates
//! wherever the cases folder is, and its refusals write nothing.

use crate::helpers::{TempDir, TempPack};
use std::path::{Path, PathBuf};
use std::process::Output;

/// The real binary, from the repository root (so `config/skeleton` is found as
/// `config/play.toml` is).
fn casebot(cases_dir: &Path, args: &[&str]) -> Output {
    crate::helpers::casebot_on(cases_dir, args)
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Every path under `dir`, relative to it, sorted: what a refusal must leave unchanged.
fn tree(dir: &Path) -> Vec<PathBuf> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            out.push(path.strip_prefix(base).expect("under base").to_path_buf());
            if path.is_dir() {
                walk(base, &path, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

#[test]
fn new_case_skeleton_loads_validates_and_is_listed_beside_the_bundled_pack() {
    let pack = TempPack::new("new-case-written");
    let cases = pack.dir.path.join("config/cases");
    let output = casebot(&cases, &["nouveau-cas", "mon-sujet-2024"]);
    let text = stdout(&output);
    assert!(
        output.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let pack_dir = cases.join("mon-sujet-2024");
    let texts_dir = pack.dir.path.join("prompts/cases/mon-sujet-2024");
    assert!(
        text.starts_with("Nouveau sujet « mon-sujet-2024 » écrit :"),
        "{text}"
    );
    assert!(text.contains(&pack_dir.display().to_string()), "{text}");
    assert!(text.contains(&texts_dir.display().to_string()), "{text}");
    assert!(
        text.contains(&format!("casebot validate {}", pack_dir.display())),
        "{text}"
    );
    assert!(text.contains("/config cas:mon-sujet-2024"), "{text}");

    // The four files and the texts, each naming the id.
    for file in ["case.toml", "annexes.toml", "kpis.toml", "questions.toml"] {
        let src = std::fs::read_to_string(pack_dir.join(file)).expect("a pack file");
        assert!(src.contains("mon-sujet-2024"), "{file}: {src}");
        assert!(!src.contains("{{"), "{file}: a placeholder left: {src}");
    }
    let texts: Vec<PathBuf> = tree(&texts_dir);
    assert!(!texts.is_empty());
    for file in &texts {
        let src = std::fs::read_to_string(texts_dir.join(file)).expect("a text file");
        assert!(src.contains("mon-sujet-2024"), "{}: {src}", file.display());
    }
    // No temporary folder is left behind.
    for dir in [&cases, &pack.dir.path.join("prompts/cases")] {
        assert!(
            tree(dir)
                .iter()
                .all(|p| !p.to_string_lossy().contains(".nouveau-cas")),
            "{:?}",
            tree(dir)
        );
    }

    // It loads, and its KPIs compute.
    let loaded = match casebot::pack::load(&pack_dir) {
        Ok(p) => p,
        Err(e) => panic!("the skeleton does not load: {e}"),
    };
    assert_eq!(loaded.meta.id, "mon-sujet-2024");
    assert_eq!(loaded.meta.title, "Mon sujet 2024");
    assert_eq!(
        (
            loaded.annexes.len(),
            loaded.kpis.len(),
            loaded.questions.len()
        ),
        (1, 2, 1)
    );
    assert_eq!(loaded.questions[0].parts.len(), 2);
    let shown: Vec<String> = (0..loaded.kpis.len())
        .map(|i| {
            crate::helpers::plain(&loaded.kpis[i].display(loaded.evaluate(i).expect("evaluates")))
        })
        .collect();
    assert_eq!(shown, ["4,50 %", "35,00 €"]);

    // `validate <folder>` says OK, and `validate` lists both packs.
    let one = casebot(&cases, &["validate", &pack_dir.display().to_string()]);
    let one_text = stdout(&one);
    assert!(one.status.success(), "{one_text}");
    assert!(
        one_text.starts_with("OK : cas « mon-sujet-2024 »"),
        "{one_text}"
    );
    let all = casebot(&cases, &["validate"]);
    let all_text = stdout(&all);
    assert!(all.status.success(), "{all_text}");
    let lines: Vec<&str> = all_text.lines().collect();
    assert_eq!(lines.len(), 2, "{all_text}");
    assert!(
        lines[0].starts_with("OK : cas « arbre-cadeau »"),
        "{all_text}"
    );
    assert!(
        lines[1].starts_with("OK : cas « mon-sujet-2024 »"),
        "{all_text}"
    );

    // The English alias writes another one; the same id again is refused.
    let again = casebot(&cases, &["new-case", "autre-sujet"]);
    assert!(again.status.success(), "{}", stdout(&again));
    assert!(casebot::pack::load(&cases.join("autre-sujet")).is_ok());
    let twice = casebot(&cases, &["new-case", "autre-sujet"]);
    assert!(!twice.status.success());
    assert!(stdout(&twice).contains("existe déjà"), "{}", stdout(&twice));
}

#[test]
fn new_case_elsewhere_puts_the_texts_where_the_relative_path_lands() {
    let dir = TempDir::new("new-case-elsewhere");
    let cases = dir.path.join("a/b");
    std::fs::create_dir_all(&cases).expect("a cases folder");
    let output = casebot(&cases, &["nouveau-cas", "ailleurs"]);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}");
    // <cases>/ailleurs/../../../prompts/cases/ailleurs
    let texts_dir = dir.path.join("prompts/cases/ailleurs");
    assert!(texts_dir.join("questions.toml").is_file(), "{text}");
    let canonical = texts_dir.canonicalize().expect("the texts folder");
    assert!(
        text.contains(&canonical.display().to_string())
            || text.contains(&texts_dir.display().to_string()),
        "{text}"
    );
    assert!(casebot::pack::load(&cases.join("ailleurs")).is_ok());
    let validate = casebot(&cases, &["validate"]);
    assert!(
        stdout(&validate).starts_with("OK : cas « ailleurs »"),
        "{}",
        stdout(&validate)
    );
}

/// Runs a refused `nouveau-cas` and checks that nothing changed under the temp folder.
fn refused(dir: &Path, cases: &Path, args: &[&str]) -> String {
    let before = tree(dir);
    let output = casebot(cases, args);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert_eq!(tree(dir), before, "a refusal wrote something: {text}");
    assert!(text.starts_with("Erreur : "), "{text}");
    crate::helpers::assert_french("the refusal", &text);
    text
}

#[test]
fn new_case_refusals_write_nothing_and_say_what_to_do() {
    let pack = TempPack::new("new-case-refused");
    let root_dir = pack.dir.path.clone();
    let cases = root_dir.join("config/cases");

    let text = refused(&root_dir, &cases, &["nouveau-cas", "Mon Sujet"]);
    assert!(
        text.contains("« Mon Sujet » ne peut pas être l’identifiant d’un sujet")
            && text.contains("par exemple mon-sujet)"),
        "{text}"
    );

    std::fs::create_dir(cases.join("deja")).expect("a folder");
    let text = refused(&root_dir, &cases, &["nouveau-cas", "deja"]);
    assert!(
        text.contains("deja existe déjà : casebot nouveau-cas n’écrase rien"),
        "{text}"
    );

    std::fs::create_dir(root_dir.join("prompts/cases/textes-la")).expect("a folder");
    let text = refused(&root_dir, &cases, &["nouveau-cas", "textes-la"]);
    assert!(
        text.contains("prompts/cases/textes-la existe déjà"),
        "{text}"
    );

    // The bundled pack in another folder keeps its id.
    std::fs::rename(cases.join("arbre-cadeau"), cases.join("sujet-2021")).expect("rename");
    let text = refused(&root_dir, &cases, &["nouveau-cas", "arbre-cadeau"]);
    assert!(
        text.contains("un sujet porte déjà l’identifiant « arbre-cadeau »")
            && text.contains("sujet-2021/case.toml")
            && text.contains("arbre-cadeau-2"),
        "{text}"
    );

    let text = refused(
        &root_dir,
        &root_dir.join("nulle-part"),
        &["nouveau-cas", "x"],
    );
    assert!(text.contains("nulle-part est introuvable"), "{text}");

    let text = refused(
        &root_dir,
        &cases,
        &[
            "nouveau-cas",
            "x",
            "--skeleton-dir",
            &root_dir.join("pas-de-modele").display().to_string(),
        ],
    );
    assert!(
        text.contains("le modèle de sujet") && text.contains("--skeleton-dir"),
        "{text}"
    );
}
