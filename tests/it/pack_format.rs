//! The additions to the pack format (config/cases/README.md, « Ajouts au format »): each is
//! optional, so a pack written before them loads and shows exactly as it did.

use crate::helpers::{case, shared_app, TempPack};
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

const ANNEXES: &str = "config/cases/arbre-cadeau/annexes.toml";

/// A copy of the bundled pack, loaded after `edit`; fails the test when it does not load.
fn load_edited(test: &str, edit: impl FnOnce(&TempPack)) -> casebot::CasePack {
    let pack = TempPack::new(test);
    edit(&pack);
    match casebot::pack::load(&pack.pack_dir()) {
        Ok(case) => case,
        Err(e) => panic!("the edited pack does not load: {e}"),
    }
}

/// Annex `number` of `case` as a student reads it.
fn annex_text(case: &casebot::CasePack, number: u8) -> String {
    render::annex(&shared_app().messages, case, number)
        .unwrap_or_else(|| panic!("annex {number} renders"))
}

/// An empty cell is shown empty, in every table: never `****` (bold around nothing).
#[test]
fn empty_cells_are_shown_empty() {
    let case = load_edited("format_empty_cells", |pack| {
        pack.replace(ANNEXES, "[\"Marge\", \"$a3_margin\"]", "[\"Marge\", \"\"]");
        pack.replace(
            ANNEXES,
            "[\"B to B : La Poste (1 commande)\", \"$a5_laposte_revenue\", \"$a5_laposte_trees\"]",
            "[\"B to B : La Poste (1 commande)\", \"\", \"$a5_laposte_trees\"]",
        );
    });
    let annex3 = annex_text(&case, 3);
    assert!(annex3.contains("\n- Marge\n"), "{annex3}");
    let annex5 = annex_text(&case, 5);
    assert!(
        annex5.contains("\n- B to B : La Poste (1 commande) : | **250**\n"),
        "{annex5}"
    );
    for text in [annex3, annex5] {
        assert!(!text.contains("****"), "{text}");
    }
}
