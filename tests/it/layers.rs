//! The layers of ARCHITECTURE.md are the import graph: a module of `src/` names (`crate::…`, in
//! code or in a doc link) only modules of lower layers, and play's rule modules import each other
//! without a cycle. Unit-test modules (`#[cfg(test)] mod …`) are left out: a test may load the
//! whole bot.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Bottom to top, as in ARCHITECTURE.md ("Layers"). Modules of one layer may not import each
/// other either: each layer is a set of independent modules.
const LAYERS: &[&[&str]] = &[
    &["format", "clock", "telemetry"],
    &["formula", "problem", "spell"],
    &["prompts"],
    &["msg"],
    &["case"],
    &["kpi"],
    &["check"],
    &["render"],
    &["linkedin"],
    &["interpret", "reflexion"],
    &["pack"],
    &["app", "chart"],
    &["store"],
    &["play"],
    &["args"],
    &["config"],
    &["startup"],
    &["console", "discord"],
    &["cli"],
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("src/ is readable")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The file without its unit-test modules: from a `#[cfg(test)]` line followed by `mod name {`
/// to the closing brace at the start of a line.
fn without_tests(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut kept = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let next = lines.get(i + 1).map(|l| l.trim_start()).unwrap_or("");
        let is_test_mod = lines[i].trim() == "#[cfg(test)]"
            && (next.starts_with("mod ") || next.starts_with("pub(crate) mod "))
            && next.ends_with('{');
        if is_test_mod {
            i += 2;
            while i < lines.len() && !lines[i].starts_with('}') {
                i += 1;
            }
            i += 1;
            continue;
        }
        kept.push(lines[i]);
        i += 1;
    }
    kept.join("\n")
}

/// Identifiers that follow `prefix` in `text`: `prefix name` and every head of `prefix{a, b::c}`.
fn names_after(text: &str, prefix: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(prefix) {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + prefix.len()..];
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':') {
            continue; // `mycrate::`, `self::super::` read by their own rule
        }
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.push(ident(item.trim()));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                if depth == 0 {
                    item.push(c);
                }
            }
            out.push(ident(item.trim()));
        } else {
            out.push(ident(rest));
        }
    }
    out.retain(|n| !n.is_empty());
    out
}

/// What `lib.rs` re-exports at the crate's root (`pub use app::{App, Paths}`), by name.
fn root_reexports(lib: &str) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for line in lib.lines() {
        let Some(rest) = line.trim().strip_prefix("pub use ") else {
            continue;
        };
        let Some((module, items)) = rest.split_once("::") else {
            continue;
        };
        let items = items.trim_end_matches(';');
        let items = items.trim_start_matches('{').trim_end_matches('}');
        for item in items.split(',') {
            let name = item.trim().rsplit("::").next().unwrap_or("").trim();
            if !name.is_empty() {
                map.insert(name.to_string(), module.trim().to_string());
            }
        }
    }
    map
}

/// The top-level module a file belongs to, and its path below it (`play/quiz.rs` → play, quiz).
fn module_of(path: &Path) -> (String, Option<String>) {
    let rel = path.strip_prefix(src()).expect("a file under src/");
    let parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    let top = parts[0].clone();
    let child = parts.get(1).filter(|c| c.as_str() != "mod").cloned();
    (top, child)
}

struct Graph {
    /// Top-level module → modules it names, with one file that does.
    top: BTreeMap<String, BTreeMap<String, String>>,
    /// play's child module → play's children it names.
    play: BTreeMap<String, BTreeSet<String>>,
}

fn graph() -> Graph {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let lib = std::fs::read_to_string(src().join("lib.rs")).expect("src/lib.rs");
    let modules: BTreeSet<String> = files
        .iter()
        .map(|f| module_of(f).0)
        .filter(|m| m != "lib" && m != "main")
        .collect();
    let play_children: BTreeSet<String> = files
        .iter()
        .filter_map(|f| match module_of(f) {
            (top, Some(child)) if top == "play" => Some(child),
            _ => None,
        })
        .collect();
    let reexports = root_reexports(&lib);
    let mut top: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut play: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let (module, child) = module_of(file);
        if module == "lib" || module == "main" {
            continue;
        }
        let text = without_tests(&std::fs::read_to_string(file).expect("a source file"));
        let shown = file
            .strip_prefix(src())
            .expect("under src")
            .display()
            .to_string();
        for name in names_after(&text, "crate::") {
            let target = if modules.contains(&name) {
                name
            } else if let Some(module) = reexports.get(&name) {
                module.clone()
            } else {
                continue; // a macro or an item of lib.rs itself
            };
            if target != module {
                top.entry(module.clone())
                    .or_default()
                    .entry(target)
                    .or_insert_with(|| shown.clone());
            }
        }
        if module == "play" {
            if let Some(child) = &child {
                let named = names_after(&text, "super::")
                    .into_iter()
                    .chain(names_after(&text, "crate::play::"))
                    .filter(|n| play_children.contains(n) && n != child);
                play.entry(child.clone()).or_default().extend(named);
            }
        }
    }
    Graph { top, play }
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

#[test]
fn every_module_is_in_a_layer_and_imports_only_below_it() {
    let graph = graph();
    let mut problems = Vec::new();
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    for file in &files {
        let (module, _) = module_of(file);
        if module != "lib" && module != "main" && layer_of(&module).is_none() {
            problems.push(format!(
                "{module} is in no layer: add it to LAYERS and ARCHITECTURE.md"
            ));
        }
    }
    for (module, targets) in &graph.top {
        let Some(own) = layer_of(module) else {
            continue;
        };
        for (target, file) in targets {
            match layer_of(target) {
                Some(layer) if layer < own => {}
                _ => problems.push(format!(
                    "{file}: {module} (layer {own}) names crate::{target} (layer {:?})",
                    layer_of(target)
                )),
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(
        problems.is_empty(),
        "upward or sideways imports:\n{}",
        problems.join("\n")
    );
}

#[test]
fn plays_rule_modules_import_each_other_without_a_cycle() {
    let graph = graph();
    // Depth-first search for a back edge; the cycle is printed if one is found.
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.play.keys() {
        if let Some(cycle) = visit(node, &graph.play, &mut Vec::new(), &mut done) {
            panic!(
                "play's modules import each other in a cycle: {}",
                cycle.join(" → ")
            );
        }
    }
}

#[test]
fn the_reader_sees_grouped_imports_and_doc_links() {
    let text = "use crate::{msg, render::echo};\n/// See [`crate::pack::load`].\nfoo::crate::x";
    assert_eq!(names_after(text, "crate::"), ["msg", "render", "pack"]);
    let stripped = without_tests("a\n#[cfg(test)]\nmod tests {\n    use crate::app;\n}\nb");
    assert_eq!(stripped, "a\nb");
}
