//! The generated items, built once by the build script instead of on every compile.
//!
//! `track` runs whenever the routes folder, `params/` or the hooks file change; it generates
//! everything the derive would (the dispatch, the route table, each route's items) and writes
//! it to `$OUT_DIR/routekit/KEY.rs`, with the plan of the `mod` declarations in `KEY.bind`
//! (`KEY` names the routes folder). The derive then reads the small plan and the items' text,
//! which the compiler turns into tokens: it neither walks nor parses the tree.
//! Every compile of the crate (check, build, test, clippy, doc, rust-analyzer) gets that
//! saving; the build script pays the generation once per change.
//!
//! The derive emits the items as its own output (tokens read from text carry the derive's
//! span), not through `include!`: the compiler and clippy then treat them as a macro's
//! expansion, as they do the items the derive generates itself: the user's lint levels
//! (`deny(unreachable_pub)`, `forbid(clippy::indexing_slicing)`, …) do not reach them, and
//! debug info places their code at the derive rather than at each line of a 3 MB file.
//!
//! The derive generates the items itself, as before, when there is no such output for its
//! folder (no build script, a tree with errors, an option only the derive knows) or when the
//! output cannot be read back.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use proc_macro2::{TokenStream, TokenTree};

use super::Lexer;
use super::bind::BindPlan;
use super::generate::Items;

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
    let (bind, rs) = files(out_dir, canonical_routes_dir);
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

/// The plan file and the items file for a routes folder.
fn files(out_dir: &Path, canonical_routes_dir: &Path) -> (PathBuf, PathBuf) {
    let key = key(canonical_routes_dir);
    let dir = out_dir.join(DIR);
    (
        dir.join(format!("{key}.bind")),
        dir.join(format!("{key}.rs")),
    )
}

/// The line before a route module's items in the items file; the module's name follows.
const ROUTE_SECTION: &str = "//@ route ";

/// The line before the container module's items.
const REST_SECTION: &str = "//@ rest";

/// The last line: the file is whole (the derive may lex it with the compiler's lexer, which
/// reports a malformed text as an error of the compilation rather than to the derive).
const END: &str = "//@ end";

/// Writes the plan and the items for the routes folder (build script side). Each file is
/// written beside its place and renamed into it, the plan last, so that a reader never sees
/// a partial file nor a plan without its items.
pub fn write(
    out_dir: &Path,
    canonical_routes_dir: &Path,
    fingerprint: &Fingerprint,
    plan: &BindPlan,
    items: &Items,
) -> std::io::Result<()> {
    let (bind, rs) = files(out_dir, canonical_routes_dir);
    std::fs::create_dir_all(out_dir.join(DIR))?;
    let mut text = String::new();
    for (module, route_items) in &items.route_items {
        text.push_str(ROUTE_SECTION);
        text.push_str(module);
        text.push('\n');
        text.push_str(&item_lines(route_items));
    }
    text.push_str(REST_SECTION);
    text.push('\n');
    text.push_str(&item_lines(&items.rest));
    text.push_str(END);
    text.push('\n');
    replace(&rs, &text)?;
    let plan = format!(
        "{}\n{}\n{}\n{}",
        header(),
        canonical_routes_dir.display(),
        fingerprint.0,
        plan.to_text()
    );
    replace(&bind, &plan)
}

/// Writes `path` through a temporary file renamed over it.
fn replace(path: &Path, text: &str) -> std::io::Result<()> {
    let temporary = path.with_extension("tmp");
    std::fs::write(&temporary, text)?;
    std::fs::rename(&temporary, path)
}

/// Removes what [`write`] wrote, so that the derive generates (and reports errors) itself.
pub fn remove(out_dir: &Path, canonical_routes_dir: &Path) {
    let (bind, rs) = files(out_dir, canonical_routes_dir);
    let _ = std::fs::remove_file(bind);
    let _ = std::fs::remove_file(rs);
}

/// The plan and the items for `routes_dir`, when the build script wrote them for this very
/// folder with this very codegen and they read back whole (derive side).
pub fn find(out_dir: &Path, routes_dir: &Path, lex: Lexer) -> Option<(BindPlan, Items)> {
    let canonical = std::fs::canonicalize(routes_dir).ok()?;
    let (bind, rs) = files(out_dir, &canonical);
    let text = std::fs::read_to_string(bind).ok()?;
    let (first, rest) = text.split_once('\n')?;
    let (dir, rest) = rest.split_once('\n')?;
    let (_fingerprint, plan) = rest.split_once('\n')?;
    if first != header() || Path::new(dir) != canonical {
        return None;
    }
    let plan = BindPlan::from_text(plan)?;
    let items = read_items(&std::fs::read_to_string(rs).ok()?, lex)?;
    // Every route module the plan declares has its items, and no others.
    let declared: std::collections::BTreeSet<&str> = plan
        .routes
        .iter()
        .map(|route| route.module.as_str())
        .collect();
    let generated = items.route_items.keys().map(String::as_str);
    (declared.into_iter().eq(generated)).then_some((plan, items))
}

/// The items of an items file, lexed section by section (`None` if the file is not whole or
/// a section does not lex).
fn read_items(text: &str, lex: Lexer) -> Option<Items> {
    let text = text.strip_suffix(&format!("{END}\n"))?;
    let mut items = Items::default();
    let mut sections = text.split_inclusive('\n').peekable();
    loop {
        let head = sections.next()?.trim_end_matches(['\n', '\r']);
        let mut body = String::new();
        while let Some(line) = sections.next_if(|line| !line.starts_with("//@ ")) {
            body.push_str(line);
        }
        let tokens = lex(&body)?;
        if head == REST_SECTION {
            items.rest = tokens;
            return sections.next().is_none().then_some(items);
        }
        let module = head.strip_prefix(ROUTE_SECTION)?;
        items.route_items.insert(module.to_owned(), tokens);
    }
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
    if !item.is_empty() {
        out.push_str(&item.to_string());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items() -> Items {
        Items {
            route_items: [(
                "blog".to_owned(),
                quote::quote!(
                    pub const ID: &str = "/blog";
                ),
            )]
            .into(),
            rest: quote::quote!(
                const A: u8 = 1;
                fn f() {}
            ),
        }
    }

    fn plan(routes_dir: &Path) -> BindPlan {
        BindPlan {
            routes_dir: routes_dir.to_owned(),
            routes: vec![super::super::bind::BindRoute {
                id: "/blog".to_owned(),
                module: "blog".to_owned(),
                dir: routes_dir.join("blog"),
                files: Vec::new(),
            }],
            ..BindPlan::default()
        }
    }

    #[test]
    fn the_derive_finds_what_the_build_script_wrote_for_its_folder_and_tree_only() {
        let out = tempfile::tempdir().unwrap();
        let routes = tempfile::tempdir().unwrap();
        let other = tempfile::tempdir().unwrap();
        let canonical = std::fs::canonicalize(routes.path()).unwrap();
        let plan = plan(&canonical);
        let fingerprint = Fingerprint::new(1);
        assert!(!is_current(out.path(), &canonical, &fingerprint));
        write(out.path(), &canonical, &fingerprint, &plan, &items()).unwrap();
        assert!(is_current(out.path(), &canonical, &fingerprint));
        assert!(!is_current(out.path(), &canonical, &Fingerprint::new(2)));
        let (found, read) = find(out.path(), routes.path(), crate::emit::checked_lex).unwrap();
        assert_eq!(found, plan);
        assert_eq!(read.rest.to_string(), items().rest.to_string());
        assert_eq!(
            read.route_items["blog"].to_string(),
            items().route_items["blog"].to_string()
        );
        let (_, rs) = files(out.path(), &canonical);
        let text = std::fs::read_to_string(rs).unwrap();
        assert_eq!(
            text.lines().count(),
            6,
            "a line per item, per section and the end: {text}"
        );
        assert!(find(out.path(), other.path(), crate::emit::checked_lex).is_none());
        remove(out.path(), &canonical);
        assert!(find(out.path(), routes.path(), crate::emit::checked_lex).is_none());
    }

    #[test]
    fn output_that_does_not_read_back_whole_is_not_used() {
        let out = tempfile::tempdir().unwrap();
        let routes = tempfile::tempdir().unwrap();
        let canonical = std::fs::canonicalize(routes.path()).unwrap();
        let plan = plan(&canonical);
        write(
            out.path(),
            &canonical,
            &Fingerprint::new(1),
            &plan,
            &items(),
        )
        .unwrap();
        let (_, rs) = files(out.path(), &canonical);
        let whole = std::fs::read_to_string(&rs).unwrap();
        let rest_at = whole.find(REST_SECTION).unwrap();
        for broken in [
            whole.replace(END, ""),                         // not whole
            whole.replace("fn f () { }", "fn f () {"),      // whole, but does not lex
            whole.replace(REST_SECTION, "//@ route other"), // the container's section lost
            whole[rest_at..].to_owned(),                    // a route module's items lost
            String::new(),
        ] {
            std::fs::write(&rs, &broken).unwrap();
            assert!(
                find(out.path(), routes.path(), crate::emit::checked_lex).is_none(),
                "{broken:?}"
            );
        }
        std::fs::write(&rs, &whole).unwrap();
        assert!(find(out.path(), routes.path(), crate::emit::checked_lex).is_some());
        // Nothing is left beside the files.
        let names: Vec<_> = std::fs::read_dir(out.path().join(DIR))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }
}
