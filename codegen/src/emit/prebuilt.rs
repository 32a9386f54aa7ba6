//! The generated items, built once by the build script instead of on every compile.
//!
//! `track` runs whenever the routes folder, `params/` or the hooks file change; it generates
//! everything the derive would (the dispatch, the route table, each route's items) and writes
//! it to `$OUT_DIR/routekit/KEY.rs`, with the plan of the `mod` declarations in `KEY.bind`
//! (`KEY` names the routes folder). The derive then reads the small plan and `include!`s the
//! items: it neither walks nor parses the tree, and its output is a few tokens per route
//! instead of hundreds. Every compile of the crate (check, build, test, clippy, doc,
//! rust-analyzer) gets that saving; the build script pays the generation once per change.
//!
//! The derive generates the items itself, as before, when there is no such output for its
//! folder (no build script, a tree with errors, an option only the derive knows).

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use proc_macro2::{TokenStream, TokenTree};

use super::bind::BindPlan;

/// The folder under `OUT_DIR`.
const DIR: &str = "routekit";

/// The first line of a plan file: the codegen that wrote it, which must be the derive's own.
fn header() -> String {
    format!("routekit-codegen {}", env!("CARGO_PKG_VERSION"))
}

/// What the items were generated from: the tree's fingerprint and the generating program
/// (a changed routekit-codegen relinks the build script), as a line of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint(String);

impl Fingerprint {
    /// For a tree fingerprint, from within the running build script.
    pub fn new(tree: u64) -> Self {
        let program = std::env::current_exe()
            .and_then(std::fs::metadata)
            .map(|meta| format!("{:?} {}", meta.modified().ok(), meta.len()))
            .unwrap_or_default();
        Fingerprint(format!("{tree:016x} {program}").replace('\n', " "))
    }
}

/// Whether the items for the routes folder were generated from `fingerprint` already.
pub fn is_current(out_dir: &Path, canonical_routes_dir: &Path, fingerprint: &Fingerprint) -> bool {
    let (bind, rs, _) = files(out_dir, canonical_routes_dir);
    let Ok(text) = std::fs::read_to_string(bind) else {
        return false;
    };
    let mut lines = text.lines();
    lines.next() == Some(header().as_str())
        && lines.next() == Some(&*canonical_routes_dir.to_string_lossy())
        && lines.next() == Some(fingerprint.0.as_str())
        && rs.is_file()
}

/// The file name (without extension) for a routes folder.
fn key(canonical_routes_dir: &Path) -> String {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    canonical_routes_dir.hash(&mut hasher);
    format!("routes-{:016x}", hasher.finish())
}

fn files(out_dir: &Path, canonical_routes_dir: &Path) -> (PathBuf, PathBuf, String) {
    let key = key(canonical_routes_dir);
    let dir = out_dir.join(DIR);
    (
        dir.join(format!("{key}.bind")),
        dir.join(format!("{key}.rs")),
        format!("/{DIR}/{key}.rs"),
    )
}

/// Writes the plan and the items for the routes folder (build script side).
pub fn write(
    out_dir: &Path,
    canonical_routes_dir: &Path,
    fingerprint: &Fingerprint,
    plan: &BindPlan,
    items: &TokenStream,
) -> std::io::Result<()> {
    let (bind, rs, _) = files(out_dir, canonical_routes_dir);
    std::fs::create_dir_all(out_dir.join(DIR))?;
    // The items first: a plan is only ever next to the items it describes.
    std::fs::write(&rs, item_lines(items))?;
    let text = format!(
        "{}\n{}\n{}\n{}",
        header(),
        canonical_routes_dir.display(),
        fingerprint.0,
        plan.to_text()
    );
    std::fs::write(&bind, text)
}

/// Removes what [`write`] wrote, so that the derive generates (and reports errors) itself.
pub fn remove(out_dir: &Path, canonical_routes_dir: &Path) {
    let (bind, rs, _) = files(out_dir, canonical_routes_dir);
    let _ = std::fs::remove_file(bind);
    let _ = std::fs::remove_file(rs);
}

/// The plan for `routes_dir` and the path of its items under `OUT_DIR`, when the build
/// script wrote them for this very folder with this very codegen (derive side).
pub fn find(out_dir: &Path, routes_dir: &Path) -> Option<(BindPlan, String)> {
    let canonical = std::fs::canonicalize(routes_dir).ok()?;
    let (bind, _, include) = files(out_dir, &canonical);
    let text = std::fs::read_to_string(bind).ok()?;
    let (first, rest) = text.split_once('\n')?;
    let (dir, rest) = rest.split_once('\n')?;
    let (_fingerprint, plan) = rest.split_once('\n')?;
    if first != header() || Path::new(dir) != canonical {
        return None;
    }
    Some((BindPlan::from_text(plan)?, include))
}

/// The items as text, one top-level item per line, so that a compiler message pointing into
/// the file shows one item rather than the whole file.
fn item_lines(items: &TokenStream) -> String {
    let mut out = String::new();
    let mut item = TokenStream::new();
    for token in items.clone() {
        let ends_item = match &token {
            TokenTree::Punct(punct) => punct.as_char() == ';',
            TokenTree::Group(group) => group.delimiter() == proc_macro2::Delimiter::Brace,
            _ => false,
        };
        item.extend([token]);
        if ends_item {
            out.push_str(&std::mem::take(&mut item).to_string());
            out.push('\n');
        }
    }
    out.push_str(&item.to_string());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_derive_finds_what_the_build_script_wrote_for_its_folder_and_tree_only() {
        let out = tempfile::tempdir().unwrap();
        let routes = tempfile::tempdir().unwrap();
        let other = tempfile::tempdir().unwrap();
        let canonical = std::fs::canonicalize(routes.path()).unwrap();
        let plan = BindPlan {
            routes_dir: canonical.clone(),
            ..BindPlan::default()
        };
        let fingerprint = Fingerprint::new(1);
        assert!(!is_current(out.path(), &canonical, &fingerprint));
        let items = quote::quote!(
            const A: u8 = 1;
            fn f() {}
        );
        write(out.path(), &canonical, &fingerprint, &plan, &items).unwrap();
        assert!(is_current(out.path(), &canonical, &fingerprint));
        assert!(!is_current(out.path(), &canonical, &Fingerprint::new(2)));
        let (found, include) = find(out.path(), routes.path()).unwrap();
        assert_eq!(found, plan);
        let items = std::fs::read_to_string(format!("{}{include}", out.path().display())).unwrap();
        assert_eq!(items.lines().count(), 2, "{items}");
        assert!(find(out.path(), other.path()).is_none());
        remove(out.path(), &canonical);
        assert!(find(out.path(), routes.path()).is_none());
    }
}
