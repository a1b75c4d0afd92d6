//! The bundled pack with a few of its values changed the way a careless or hostile teacher
//! could: a figure, a point, a share, an annex number, an id or a text replaced by an extreme
//! decimal (the largest, the smallest step, 10^27), another type, any text, or a value scaled
//! by many powers of ten; a key removed; a table of an array repeated. The fuzzer's bytes pick
//! which values (in every TOML file of the pack and its texts) and how. The loader reports
//! problems or loads; a pack that loads is then played (see `casebot_fuzz::play`). Neither
//! may panic.
#![no_main]

use arbitrary::Arbitrary;
use casebot_fuzz::{originals, Scratch, PACK_FILES};
use libfuzzer_sys::fuzz_target;
use std::cell::RefCell;
use std::sync::OnceLock;
use toml::{Table, Value};

/// Texts that stress the decimal and id readers.
const TEXTS: [&str; 22] = [
    "79228162514264337593543950335",
    "-79228162514264337593543950335",
    "1000000000000000000000000000",
    "0.0000000000000000000000000001",
    "-0.0000000000000000000000000001",
    "99999999999999999999999999999999999",
    "0",
    "-0",
    "-1",
    "0.5",
    "1e27",
    "",
    " ",
    "NaN",
    "1,5",
    "1_000",
    "a2_users_2019",
    "a3_clicks / 0",
    "{kpi.a3_ctr}",
    "$a3_clicks",
    "٣",
    "0.00000000000000000000000000000001",
];

#[derive(Arbitrary, Debug)]
enum Replacement {
    /// One of [`TEXTS`].
    Text(u8),
    /// Any text.
    Free(String),
    Int(i64),
    /// One of a few extreme integers.
    ExtremeInt(u8),
    Float(f64),
    Bool(bool),
    /// The value's own decimal (a string or an integer) with that many zeros appended
    /// (modulo 40), or that many leading zeros after the decimal point when odd.
    Scale(u8),
    /// The value's key, or its element, is removed.
    Remove,
    /// The table holding the value is repeated in its array (duplicate ids and points).
    Repeat,
}

const INTS: [i64; 9] = [0, -1, 1, 255, 256, 65535, 4294967296, i64::MAX, i64::MIN];

#[derive(Arbitrary, Debug)]
struct Mutation {
    file: u8,
    leaf: u16,
    with: Replacement,
}

#[derive(Debug, Clone)]
enum Seg {
    Key(String),
    Index(usize),
}

/// Every TOML file of the pack, parsed, with the path of each of its leaves.
fn parsed() -> &'static [(Table, Vec<Vec<Seg>>)] {
    static PARSED: OnceLock<Vec<(Table, Vec<Vec<Seg>>)>> = OnceLock::new();
    PARSED.get_or_init(|| {
        originals()
            .iter()
            .map(|bytes| {
                let table: Table = std::str::from_utf8(bytes)
                    .ok()
                    .and_then(|s| s.parse().ok())
                    .unwrap_or_default();
                let mut leaves = Vec::new();
                let mut path = Vec::new();
                collect_table(&table, &mut path, &mut leaves);
                (table, leaves)
            })
            .collect()
    })
}

fn collect_table(t: &Table, path: &mut Vec<Seg>, out: &mut Vec<Vec<Seg>>) {
    for (k, v) in t {
        path.push(Seg::Key(k.clone()));
        collect(v, path, out);
        path.pop();
    }
}

fn collect(v: &Value, path: &mut Vec<Seg>, out: &mut Vec<Vec<Seg>>) {
    match v {
        Value::Table(t) => collect_table(t, path, out),
        Value::Array(a) => {
            for (i, e) in a.iter().enumerate() {
                path.push(Seg::Index(i));
                collect(e, path, out);
                path.pop();
            }
        }
        _ => out.push(path.clone()),
    }
}

fn child<'a>(v: &'a mut Value, seg: &Seg) -> Option<&'a mut Value> {
    match (v, seg) {
        (Value::Table(t), Seg::Key(k)) => t.get_mut(k),
        (Value::Array(a), Seg::Index(i)) => a.get_mut(*i),
        _ => None,
    }
}

fn at<'a>(root: &'a mut Value, path: &[Seg]) -> Option<&'a mut Value> {
    path.iter().try_fold(root, |v, seg| child(v, seg))
}

fn scaled(v: &Value, n: u8) -> Option<Value> {
    let digits = match v {
        Value::String(s) => s.clone(),
        Value::Integer(i) => i.to_string(),
        _ => return None,
    };
    let zeros = "0".repeat(usize::from(n % 40));
    let text = if n % 2 == 1 {
        let (sign, rest) = match digits.strip_prefix('-') {
            Some(rest) => ("-", rest.to_string()),
            None => ("", digits.clone()),
        };
        format!("{sign}0.{zeros}{}", rest.replace('.', ""))
    } else {
        match digits.split_once('.') {
            Some((int, frac)) => format!("{int}{frac}{zeros}"),
            None => format!("{digits}{zeros}"),
        }
    };
    Some(match v {
        Value::Integer(_) => match text.parse::<i64>() {
            Ok(i) => Value::Integer(i),
            Err(_) => Value::Integer(i64::MAX),
        },
        _ => Value::String(text),
    })
}

fn apply(root: &mut Value, path: &[Seg], with: &Replacement) {
    let Some((last, parent_path)) = path.split_last() else {
        return;
    };
    match with {
        Replacement::Remove => {
            match (at(root, parent_path), last) {
                (Some(Value::Table(t)), Seg::Key(k)) => {
                    t.remove(k);
                }
                (Some(Value::Array(a)), Seg::Index(i)) if *i < a.len() => {
                    a.remove(*i);
                }
                _ => {}
            }
            return;
        }
        Replacement::Repeat => {
            // The innermost table of an array on the way to the leaf.
            let Some(pos) = parent_path.iter().rposition(|s| matches!(s, Seg::Index(_))) else {
                return;
            };
            if let (Some(Value::Array(a)), Seg::Index(i)) =
                (at(root, &parent_path[..pos]), &parent_path[pos])
            {
                if let Some(e) = a.get(*i).cloned() {
                    a.push(e);
                }
            }
            return;
        }
        _ => {}
    }
    let Some(target) = at(root, path) else {
        return;
    };
    let new = match with {
        Replacement::Text(i) => Value::String(TEXTS[usize::from(*i) % TEXTS.len()].to_string()),
        Replacement::Free(s) => Value::String(s.clone()),
        Replacement::Int(i) => Value::Integer(*i),
        Replacement::ExtremeInt(i) => Value::Integer(INTS[usize::from(*i) % INTS.len()]),
        Replacement::Float(f) => Value::Float(*f),
        Replacement::Bool(b) => Value::Boolean(*b),
        Replacement::Scale(n) => match scaled(target, *n) {
            Some(v) => v,
            None => return,
        },
        Replacement::Remove | Replacement::Repeat => return,
    };
    *target = new;
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::new("pack_mutate"));
}

fuzz_target!(|mutations: Vec<Mutation>| {
    if mutations.is_empty() || mutations.len() > 8 {
        return;
    }
    let parsed = parsed();
    let mut files: Vec<(usize, Value)> = Vec::new();
    for m in &mutations {
        let file = usize::from(m.file) % PACK_FILES.len();
        let (table, leaves) = &parsed[file];
        if leaves.is_empty() {
            continue;
        }
        let path = &leaves[usize::from(m.leaf) % leaves.len()];
        let slot = match files.iter().position(|(f, _)| *f == file) {
            Some(slot) => slot,
            None => {
                files.push((file, Value::Table(table.clone())));
                files.len() - 1
            }
        };
        apply(&mut files[slot].1, path, &m.with);
    }
    let written: Vec<(usize, String)> = files
        .iter()
        .filter_map(|(f, v)| toml::to_string(v).ok().map(|s| (*f, s)))
        .collect();
    let contents: Vec<(usize, &[u8])> = written.iter().map(|(f, s)| (*f, s.as_bytes())).collect();
    let app = casebot_fuzz::app();
    SCRATCH.with_borrow_mut(|scratch| {
        scratch.set(&contents);
        match casebot::pack::load(&scratch.pack_dir()) {
            Ok(case) => casebot_fuzz::play(&case, &app.messages),
            Err(errors) => {
                let _ = errors.to_string();
            }
        }
    });
});
