//! No function of `src/` is longer than `LIMIT` lines (from its `fn` line to its closing brace)
//! unless a reason is written next to it: a line `// long-fn: <reason>` in the comments and
//! attributes just above the function (above or inside its doc comment, `/// long-fn: …`
//! works too). ARCHITECTURE.md ("Cross-cutting concerns") states the rule.
//!
//! The scanner is a brace counter over the source with its comments and string and char literals
//! blanked out: nested functions and functions in `impl` blocks are measured on their own (a
//! nested one also counts in the lines of the function around it), closures count in the function
//! that holds them, and `fn(u32) -> u32` types are not functions.

use std::path::{Path, PathBuf};

/// The longest a function may be, in lines, without a written reason.
const LIMIT: usize = 150;

/// The marker that carries a reason, in a comment just above a function.
const MARKER: &str = "long-fn:";

/// One function of a file: its name, the line of its `fn` (1-based), its length in lines and
/// whether a reason for its length is written above it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct FnSpan {
    name: String,
    line: usize,
    lines: usize,
    reason: bool,
}

/// The source with every comment, string literal and char literal replaced by spaces (line
/// breaks kept, so that byte offsets and line numbers stay those of the source).
fn code_only(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = b.to_vec();
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for byte in &mut out[from..to.min(b.len())] {
            if *byte != b'\n' {
                *byte = b' ';
            }
        }
    };
    let is_ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let prev_ident = i > 0 && is_ident(b[i - 1]);
        if c == b'/' && b.get(i + 1) == Some(&b'/') {
            let end = text[i..].find('\n').map_or(b.len(), |n| i + n);
            blank(&mut out, i, end);
            i = end;
        } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
            let (mut j, mut depth) = (i + 2, 1);
            while j < b.len() && depth > 0 {
                if b[j] == b'/' && b.get(j + 1) == Some(&b'*') {
                    depth += 1;
                    j += 2;
                } else if b[j] == b'*' && b.get(j + 1) == Some(&b'/') {
                    depth -= 1;
                    j += 2;
                } else {
                    j += 1;
                }
            }
            blank(&mut out, i, j);
            i = j;
        } else if !prev_ident && (c == b'r' || (c == b'b' && b.get(i + 1) == Some(&b'r'))) {
            // A raw string `r"…"`, `r#"…"#`, `br"…"`, or just an identifier starting with r/b.
            let mut j = if c == b'b' { i + 2 } else { i + 1 };
            let hashes = b[j..].iter().take_while(|&&h| h == b'#').count();
            j += hashes;
            if b.get(j) == Some(&b'"') {
                let close = format!("\"{}", "#".repeat(hashes));
                let end = text[j + 1..]
                    .find(&close)
                    .map_or(b.len(), |n| j + 1 + n + close.len());
                blank(&mut out, i, end);
                i = end;
            } else {
                i += 1;
            }
        } else if c == b'"' {
            let mut j = i + 1;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            blank(&mut out, i, j + 1);
            i = j + 1;
        } else if c == b'\'' {
            // A char literal (`'{'`, `'\''`, `'\u{7b}'`) or a lifetime (`'a`, `'static`).
            let end = if b.get(i + 1) == Some(&b'\\') {
                let from = (i + 3).min(b.len());
                text[from..].find('\'').map(|n| from + n + 1)
            } else {
                let next = text[i + 1..].chars().next();
                next.and_then(|ch| {
                    let after = i + 1 + ch.len_utf8();
                    (b.get(after) == Some(&b'\'')).then_some(after + 1)
                })
            };
            match end {
                Some(end) => {
                    blank(&mut out, i, end);
                    i = end;
                }
                None => i += 1,
            }
        } else {
            i += 1;
        }
    }
    // Only ASCII bytes were written, each over a whole character's bytes or over ASCII.
    String::from_utf8_lossy(&out).into_owned()
}

/// Whether the comments and attributes just above line `fn_line` (0-based) carry a reason.
fn has_reason(lines: &[&str], fn_line: usize) -> bool {
    let mut i = fn_line;
    let mut in_attribute = false;
    while i > 0 {
        i -= 1;
        let line = lines[i].trim();
        if let Some(at) = line.find(MARKER) {
            if line.starts_with("//") && !line[at + MARKER.len()..].trim().is_empty() {
                return true;
            }
        }
        let comment_or_attribute = line.starts_with("//") || line.starts_with("#[");
        if in_attribute {
            in_attribute = !line.starts_with("#[");
        } else if line.ends_with(']') && !comment_or_attribute {
            in_attribute = true; // the end of an attribute written on several lines
        } else if !comment_or_attribute {
            return false;
        }
    }
    false
}

/// Every function with a body in `text`, in the order of their `fn`.
fn functions(text: &str) -> Vec<FnSpan> {
    let code = code_only(text);
    let b = code.as_bytes();
    let lines: Vec<&str> = text.lines().collect();
    let line_of = |at: usize| b[..at].iter().filter(|&&c| c == b'\n').count();
    let is_ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(n) = code[at..].find("fn") {
        let start = at + n;
        at = start + 2;
        let before_ok = start == 0 || !is_ident(b[start - 1]);
        let after_ok = b.get(at).is_some_and(|c| c.is_ascii_whitespace());
        if !before_ok || !after_ok {
            continue;
        }
        let name_start = at + code[at..].len() - code[at..].trim_start().len();
        let name: String = code[name_start..]
            .bytes()
            .take_while(|&c| is_ident(c))
            .map(char::from)
            .collect();
        if name.is_empty() {
            continue; // `fn (…)` as a type, or `fn $name` in a macro
        }
        // The body opens at the first `{` outside parentheses and brackets; a `;` there first
        // means a declaration without a body (in a trait or an `extern` block).
        let mut depth = 0i32;
        let mut open = None;
        for (j, &c) in b.iter().enumerate().skip(name_start + name.len()) {
            match c {
                b'(' | b'[' => depth += 1,
                b')' | b']' => depth -= 1,
                b';' if depth == 0 => break,
                b'{' if depth == 0 => {
                    open = Some(j);
                    break;
                }
                _ => {}
            }
        }
        let Some(open) = open else { continue };
        let mut depth = 0usize;
        let mut close = None;
        for (j, &c) in b.iter().enumerate().skip(open) {
            match c {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(j);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(close) = close else { continue };
        let line = line_of(start);
        found.push(FnSpan {
            name,
            line: line + 1,
            lines: line_of(close) - line + 1,
            reason: has_reason(&lines, line),
        });
    }
    found
}

/// The functions of `text` over the limit without a reason.
fn offenders(text: &str) -> Vec<FnSpan> {
    functions(text)
        .into_iter()
        .filter(|f| f.lines > LIMIT && !f.reason)
        .collect()
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

#[test]
fn no_function_is_long_without_a_reason() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut report = Vec::new();
    for file in &files {
        let shown = file
            .strip_prefix(root)
            .expect("under the crate")
            .display()
            .to_string()
            .replace('\\', "/");
        let text = std::fs::read_to_string(file).expect("a source file");
        for f in offenders(&text) {
            report.push(format!(
                "{shown}:{} fn {} ({} lines)",
                f.line, f.name, f.lines
            ));
        }
    }
    assert!(
        report.is_empty(),
        "functions over {LIMIT} lines without a `// {MARKER} <reason>` above them \
         (split them, or write why not):\n{}",
        report.join("\n")
    );
}

/// The scanner itself, on made-up sources: it must be able to fail.
mod scanner {
    use super::*;

    /// A function `name` whose body holds `body_lines` lines of `line`.
    fn long_fn(name: &str, body_lines: usize, line: &str) -> String {
        let body = format!("    {line}\n").repeat(body_lines);
        format!("fn {name}() {{\n{body}}}\n")
    }

    #[test]
    fn measures_from_fn_to_the_closing_brace() {
        let spans = functions("fn a() {}\n\npub fn b(x: u32) -> u32 {\n    x\n}\n");
        let got: Vec<(&str, usize, usize)> = spans
            .iter()
            .map(|f| (f.name.as_str(), f.line, f.lines))
            .collect();
        assert_eq!(got, vec![("a", 1, 1), ("b", 3, 3)]);
    }

    #[test]
    fn a_long_function_is_an_offender() {
        let text = format!(
            "{}\n{}",
            long_fn("short", 10, "x;"),
            long_fn("big", 150, "x;")
        );
        let found = offenders(&text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].name, "big");
        assert_eq!(found[0].lines, 152);
        assert_eq!(found[0].line, 14);
        // Exactly at the limit is fine.
        assert!(offenders(&long_fn("edge", LIMIT - 2, "x;")).is_empty());
        assert_eq!(offenders(&long_fn("over", LIMIT - 1, "x;")).len(), 1);
    }

    #[test]
    fn a_reason_above_the_doc_and_attributes_allows_it() {
        let body = long_fn("big", 200, "x;");
        for above in [
            "// long-fn: one row per case; splitting scatters the table\n#[test]\n",
            "/// Does it all.\n/// long-fn: one match over every command\n#[allow(dead_code)]\n",
            "// long-fn: a reason\n/// Docs.\n#[cfg_attr(\n    test,\n    allow(unused)\n)]\n",
        ] {
            assert!(offenders(&format!("{above}{body}")).is_empty(), "{above}");
        }
        for above in [
            "",
            "// long-fn:\n",
            "// long-fn: far away\nconst X: u8 = 1;\n",
            "let s = \"long-fn: in a string\";\n",
        ] {
            assert_eq!(offenders(&format!("{above}{body}")).len(), 1, "{above}");
        }
    }

    #[test]
    fn braces_in_strings_chars_and_comments_are_not_counted() {
        let text = "fn a<'a>(s: &'a str) -> char {\n    let _ = \"}}}\";\n    let _ = r#\"}\"#;\n    \
                    // }\n    /* } /* } */ } */\n    let _ = b'}';\n    let _ = '\\'';\n    '}'\n}\n\
                    fn b() {}\n";
        let spans = functions(text);
        let got: Vec<(&str, usize, usize)> = spans
            .iter()
            .map(|f| (f.name.as_str(), f.line, f.lines))
            .collect();
        assert_eq!(got, vec![("a", 1, 9), ("b", 10, 1)]);
    }

    #[test]
    fn nested_fns_impl_blocks_closures_and_fn_types() {
        let text = "impl S {\n    fn outer(&self, f: fn(u8) -> u8) -> u8 {\n        \
                    fn inner() -> u8 {\n            1\n        }\n        \
                    let c = |x: u8| { x + 1 };\n        c(f(inner()))\n    }\n}\n\
                    trait T {\n    fn declared(&self) -> [u8; 2];\n    fn given(&self) {}\n}\n";
        let spans = functions(text);
        let got: Vec<(&str, usize, usize)> = spans
            .iter()
            .map(|f| (f.name.as_str(), f.line, f.lines))
            .collect();
        assert_eq!(
            got,
            vec![("outer", 2, 7), ("inner", 3, 3), ("given", 12, 1)]
        );
    }
}
