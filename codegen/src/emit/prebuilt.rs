//! The generated items, built once by the build script instead of on every compile.
//!
//! `track` runs whenever the routes folder, `params/` or the hooks file change; it generates
//! everything the derive would (the dispatch, the route table, each route's items) and writes
//! the container module's whole body (the items and the `mod` declarations) to
//! `$OUT_DIR/routekit/KEY.rs`, with what it was generated from in `KEY.bind` (`KEY` names the
//! routes folder). The derive checks the latter and has the compiler lex the former, in one
//! piece: it neither walks nor parses the tree.
//! Every compile of the crate (check, build, test, clippy, doc, rust-analyzer) gets that
//! saving; the build script pays the generation once per change.
//!
//! The derive emits the items as its own output (tokens read from text carry the derive's
//! span), not through `include!`: the compiler and clippy then treat them as a macro's
//! expansion, as they do the items the derive generates itself: the user's lint levels
//! (`deny(unreachable_pub)`, `forbid(clippy::indexing_slicing)`, …) do not reach them (but
//! for the few clippy lints that look into macro output), and
//! debug info places their code at the derive rather than at each line of a 3 MB file.
//!
//! The derive generates the items itself, as before, when there is no such output for its
//! folder (no build script, a tree with errors, an option only the derive knows) or when the
//! output cannot be read back.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use proc_macro2::{TokenStream, TokenTree};

use super::Lexer;

/// The folder under `OUT_DIR`.
const DIR: &str = "routekit";

/// The version of the files' layout, raised whenever it or what the items may assume changes
/// (a checkout of routekit between releases keeps its version number).
const FORMAT: u32 = 4;

/// The first line of a `.bind` file: the codegen that wrote it, which must be the derive's own.
fn header() -> String {
    format!(
        "routekit-codegen {} format {FORMAT}",
        env!("CARGO_PKG_VERSION")
    )
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

/// What an items file was made from: the lines of its `.bind` file.
#[derive(Debug, PartialEq, Eq)]
struct MadeFrom {
    /// [`header`]: the codegen that wrote it.
    header: String,
    /// The canonical routes folder.
    dir: String,
    /// The tree's [`Fingerprint`].
    fingerprint: String,
    /// The items file's size, a cheap check that it is still the one written.
    size: String,
}

impl MadeFrom {
    fn new(canonical_routes_dir: &Path, fingerprint: &Fingerprint, size: u64) -> Self {
        MadeFrom {
            header: header(),
            dir: canonical_routes_dir.to_string_lossy().into_owned(),
            fingerprint: fingerprint.0.clone(),
            size: format!("{size} bytes"),
        }
    }

    fn text(&self) -> String {
        format!(
            "{}\n{}\n{}\n{}\n",
            self.header, self.dir, self.fingerprint, self.size
        )
    }

    /// The `.bind` file at `path` (lines it lacks are empty).
    fn read(path: &Path) -> Option<Self> {
        let text = std::fs::read_to_string(path).ok()?;
        let mut lines = text.lines().map(str::to_owned);
        let mut next = || lines.next().unwrap_or_default();
        Some(MadeFrom {
            header: next(),
            dir: next(),
            fingerprint: next(),
            size: next(),
        })
    }
}

/// Whether the items for the routes folder were generated from `fingerprint` already.
pub fn is_current(out_dir: &Path, canonical_routes_dir: &Path, fingerprint: &Fingerprint) -> bool {
    let (bind, rs) = files(out_dir, canonical_routes_dir);
    let Ok(items) = std::fs::metadata(rs) else {
        return false;
    };
    MadeFrom::read(&bind)
        == Some(MadeFrom::new(
            canonical_routes_dir,
            fingerprint,
            items.len(),
        ))
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

/// The last line of the items file: the file is whole (the derive lexes it with the
/// compiler's lexer, which reports malformed text as an error of the compilation rather than
/// to the derive).
const END: &str = "//@ end";

/// Writes the container module's body for the routes folder (build script side), then what
/// it was generated from. Each file is written beside its place and renamed into it, the
/// `.bind` file last, so that a reader never sees a partial file nor a `.bind` file whose
/// items are not there yet.
pub fn write(
    out_dir: &Path,
    canonical_routes_dir: &Path,
    fingerprint: &Fingerprint,
    body: &TokenStream,
) -> std::io::Result<()> {
    let (bind, rs) = files(out_dir, canonical_routes_dir);
    std::fs::create_dir_all(out_dir.join(DIR))?;
    let mut text = item_lines(body);
    text.push_str(END);
    text.push('\n');
    replace(&rs, &text)?;
    let made_from = MadeFrom::new(canonical_routes_dir, fingerprint, text.len() as u64);
    replace(&bind, &made_from.text())
}

/// Writes `path` through a temporary file renamed over it.
fn replace(path: &Path, text: &str) -> std::io::Result<()> {
    let temporary = path.with_extension("tmp");
    std::fs::write(&temporary, text)?;
    std::fs::rename(&temporary, path)
}

/// Removes what [`write`] wrote, so that the derive generates (and reports errors) itself.
pub fn remove(out_dir: &Path, canonical_routes_dir: &Path) {
    remove_pair(&files(out_dir, canonical_routes_dir).0);
}

/// Removes a `.bind` file and its items file.
fn remove_pair(bind: &Path) {
    let _ = std::fs::remove_file(bind.with_extension("rs"));
    let _ = std::fs::remove_file(bind);
}

/// Removes what earlier runs left for routes folders that no longer exist (a folder renamed or
/// moved gets files of another name), and temporary files a failed write left.
pub fn remove_stale(out_dir: &Path) {
    let Ok(entries) = std::fs::read_dir(out_dir.join(DIR)) else {
        return;
    };
    for path in entries.flatten().map(|entry| entry.path()) {
        match path.extension().and_then(|e| e.to_str()) {
            Some("tmp") => {
                let _ = std::fs::remove_file(&path);
            }
            Some("bind")
                if MadeFrom::read(&path).is_some_and(|made| !Path::new(&made.dir).is_dir()) =>
            {
                remove_pair(&path);
            }
            _ => {}
        }
    }
}

/// The container module's body for `routes_dir`, when the build script wrote it for this
/// very folder with this very codegen and it is whole (derive side).
pub fn find(out_dir: &Path, routes_dir: &Path, lex: Lexer) -> Option<TokenStream> {
    let canonical = std::fs::canonicalize(routes_dir).ok()?;
    let (bind, rs) = files(out_dir, &canonical);
    let made = MadeFrom::read(&bind)?;
    if made.header != header() || Path::new(&made.dir) != canonical {
        return None;
    }
    let text = std::fs::read_to_string(rs).ok()?;
    lex(text.strip_suffix(&format!("{END}\n"))?)
}

/// The items as text, one top-level item per line, for a person reading the file to see what
/// was generated.
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

    fn body() -> TokenStream {
        quote::quote!(
            const A: u8 = 1;
            fn f() {}
            #[path = "blog"]
            pub mod blog {
                pub const ID: &str = "/blog";
            }
        )
    }

    #[test]
    fn the_derive_finds_what_the_build_script_wrote_for_its_folder_and_tree_only() {
        let out = tempfile::tempdir().unwrap();
        let routes = tempfile::tempdir().unwrap();
        let other = tempfile::tempdir().unwrap();
        let canonical = std::fs::canonicalize(routes.path()).unwrap();
        let fingerprint = Fingerprint::new(1);
        assert!(!is_current(out.path(), &canonical, &fingerprint));
        write(out.path(), &canonical, &fingerprint, &body()).unwrap();
        assert!(is_current(out.path(), &canonical, &fingerprint));
        assert!(!is_current(out.path(), &canonical, &Fingerprint::new(2)));
        let found = find(out.path(), routes.path(), crate::emit::checked_lex).unwrap();
        assert_eq!(found.to_string(), body().to_string());
        let (_, rs) = files(out.path(), &canonical);
        let text = std::fs::read_to_string(&rs).unwrap();
        // An items file changed since (cut, or edited by hand) is not current.
        std::fs::write(&rs, &text[..text.len() - 1]).unwrap();
        assert!(!is_current(out.path(), &canonical, &fingerprint));
        std::fs::write(&rs, &text).unwrap();
        assert!(is_current(out.path(), &canonical, &fingerprint));
        assert_eq!(
            text.lines().count(),
            4,
            "a line per item and the end: {text}"
        );
        assert!(find(out.path(), other.path(), crate::emit::checked_lex).is_none());
        remove(out.path(), &canonical);
        assert!(find(out.path(), routes.path(), crate::emit::checked_lex).is_none());
    }

    #[test]
    fn output_for_a_folder_that_is_gone_is_removed() {
        let out = tempfile::tempdir().unwrap();
        let kept = tempfile::tempdir().unwrap();
        let gone = tempfile::tempdir().unwrap();
        let kept_dir = std::fs::canonicalize(kept.path()).unwrap();
        let gone_dir = std::fs::canonicalize(gone.path()).unwrap();
        for dir in [&kept_dir, &gone_dir] {
            write(out.path(), dir, &Fingerprint::new(1), &body()).unwrap();
        }
        std::fs::write(out.path().join(DIR).join("routes-0.tmp"), "cut").unwrap();
        let (kept_bind, _) = files(out.path(), &kept_dir);
        std::fs::write(kept_bind.with_extension("tmp"), "cut").unwrap();
        drop(gone);
        remove_stale(out.path());
        let mut names: Vec<_> = std::fs::read_dir(out.path().join(DIR))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        names.sort();
        let (bind, rs) = files(out.path(), &kept_dir);
        assert_eq!(names, [bind, rs]);
    }

    #[test]
    fn output_that_is_not_whole_or_not_this_codegens_is_not_used() {
        let out = tempfile::tempdir().unwrap();
        let routes = tempfile::tempdir().unwrap();
        let canonical = std::fs::canonicalize(routes.path()).unwrap();
        write(out.path(), &canonical, &Fingerprint::new(1), &body()).unwrap();
        let (bind, rs) = files(out.path(), &canonical);
        let whole = std::fs::read_to_string(&rs).unwrap();
        for broken in [
            whole.replace(END, ""),                    // cut before its end
            whole.replace("fn f () { }", "fn f () {"), // whole, but does not lex
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
        // Written by another codegen (another version or layout).
        let made_from = std::fs::read_to_string(&bind).unwrap();
        std::fs::write(
            &bind,
            made_from.replace(&header(), "routekit-codegen 0.0.1 format 1"),
        )
        .unwrap();
        assert!(find(out.path(), routes.path(), crate::emit::checked_lex).is_none());
        std::fs::write(&bind, &made_from).unwrap();
        // Nothing is left beside the files.
        let names: Vec<_> = std::fs::read_dir(out.path().join(DIR))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }
}
