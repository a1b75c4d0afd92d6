//! The additions to the pack format (config/cases/README.md, « Ajouts au format »): each is
//! optional, so a pack written before them loads and shows exactly as it did.

use crate::helpers::{case, shared_app};
use casebot::render;

/// Every annex of the bundled pack as a student reads it.
fn bundled_annexes() -> String {
    let app = shared_app();
    let case = case();
    let mut out = String::new();
    for annex in &case.annexes {
        let text = render::annex(&app.messages, case, annex.number)
            .unwrap_or_else(|| panic!("annex {} renders", annex.number));
        out.push_str(&format!("=== annex {} ===\n{text}\n\n", annex.number));
    }
    out
}

/// Where hint 2 says every figure of every KPI is printed (its annex, table, row, column).
fn bundled_places() -> String {
    let app = shared_app();
    let case = case();
    let mut out = String::new();
    for (i, k) in case.kpis.iter().enumerate() {
        let hint = render::hint(&app.messages, case, i, 2)
            .unwrap_or_else(|e| panic!("hint 2 of {}: {e:?}", k.id));
        out.push_str(&format!("=== {} ===\n{hint}\n\n", k.id));
    }
    out
}

/// The snapshots were taken before the format had any addition: the bundled pack, written in
/// the format as it was, shows its annexes and the places of its figures unchanged.
#[test]
fn the_bundled_pack_shows_its_annexes_as_before() {
    insta::assert_snapshot!("bundled_annexes", bundled_annexes());
    insta::assert_snapshot!("bundled_places", bundled_places());
}
