//! Packs shaped to exhaust the stack or the processor are refused in French, quickly, before
//! anything walks them: a subject a teacher uploads may be hostile, and it shares the bot with
//! every other class. A formula too long or too deep, a chain of KPIs each computed from the
//! previous one, and formulas that repeat a KPI so that writing it out doubles at each step
//! (`k2 = k1 + k1`, `k3 = k2 + k2`…) each stop at a bound, named in the problem.

use crate::helpers::TempPack;
use casebot::pack;
use std::time::Instant;

const KPIS: &str = "config/cases/arbre-cadeau/kpis.toml";

/// The bundled pack with `extra` KPIs appended to its kpis.toml: its problems (none when it
/// loads), and how long loading took.
fn with_kpis(test: &str, extra: &str) -> (Vec<String>, std::time::Duration) {
    let pack = TempPack::new(test);
    let file = pack.dir.path.join(KPIS);
    let mut src = std::fs::read_to_string(&file).expect("kpis.toml");
    src.push_str(extra);
    std::fs::write(&file, src).expect("write kpis.toml");
    let start = Instant::now();
    let problems = match pack::load(&pack.pack_dir()) {
        Ok(_) => Vec::new(),
        Err(e) => {
            e.0.iter()
                .map(|p| format!("{}: {}", p.location, p.problem))
                .collect()
        }
    };
    (problems, start.elapsed())
}

fn kpi(id: &str, formula: &str) -> String {
    format!("\n[kpis.{id}]\nlabel = \"{id}\"\nformula = \"{formula}\"\nunit = \"count\"\nprecision = 0\n")
}

#[test]
fn a_formula_too_long_or_too_deep_is_refused() {
    let deep = format!("{}a3_clicks{}", "(".repeat(50_000), ")".repeat(50_000));
    let (problems, _) = with_kpis("deep_parens", &kpi("zz_deep", &deep));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("formule trop longue"), "{problems:?}");
    let sum = vec!["a3_clicks"; 40].join(" + ");
    let (problems, _) = with_kpis("long_sum", &kpi("zz_sum", &sum));
    assert!(
        problems[0].contains("formule trop imbriquée"),
        "{problems:?}"
    );
}

#[test]
fn a_chain_of_kpis_stops_at_its_bound() {
    let mut extra = kpi("zz_0", "a3_clicks");
    for i in 1..5_000 {
        extra.push_str(&kpi(&format!("zz_{i}"), &format!("zz_{} + 1", i - 1)));
    }
    let (problems, took) = with_kpis("chain", &extra);
    assert_eq!(
        problems,
        vec![format!("kpis.zz_16: cet indicateur se calcule à partir d’une chaîne de plus de 16 indicateurs calculés les uns à partir des autres : un sujet n’en enchaîne que quelques-uns ; calculez-le à partir des chiffres des annexes ou d’indicateurs plus proches")]
    );
    assert!(took.as_secs() < 10, "{took:?}");
    // Within the bound, it loads.
    let mut extra = kpi("zz_0", "a3_clicks");
    for i in 1..15 {
        extra.push_str(&kpi(&format!("zz_{i}"), &format!("zz_{} + 1", i - 1)));
    }
    assert_eq!(with_kpis("chain_ok", &extra).0, Vec::<String>::new());
}

#[test]
fn formulas_that_double_when_written_out_stop_at_their_bound() {
    let mut extra = kpi("zz_0", "a3_clicks");
    for i in 1..16 {
        let p = format!("zz_{}", i - 1);
        extra.push_str(&kpi(&format!("zz_{i}"), &format!("{p} + {p} + {p}")));
    }
    let (problems, took) = with_kpis("doubling", &extra);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("kpis.zz_11: le calcul de cet indicateur, une fois chaque indicateur qu’il utilise remplacé par sa formule, lit plus de"),
        "{problems:?}"
    );
    assert!(took.as_secs() < 10, "{took:?}");
    // Many KPIs each below the bound, together above the pack's.
    let mut extra = kpi("zz_0", "a3_clicks");
    for i in 1..10 {
        let p = format!("zz_{}", i - 1);
        extra.push_str(&kpi(&format!("zz_{i}"), &format!("{p} + {p} + {p}")));
    }
    for j in 0..2_000 {
        extra.push_str(&kpi(&format!("yy_{j}"), "zz_9"));
    }
    let (problems, took) = with_kpis("doubling_total", &extra);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("lisent plus de"), "{problems:?}");
    assert!(took.as_secs() < 10, "{took:?}");
}
