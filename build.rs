// The migrations are embedded by `sqlx::migrate!`; rebuild when one is added or changed, so
// that a build never runs with an older set than the folder holds.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
