//! Walking a routes folder: every folder becomes a route, its `+` files fill the route's slots.
//!
//! The walk is SvelteKit's: depth-first, pre-order, a folder's files before its subfolders, names
//! in byte order (`strcmp`), symlinked folders followed.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::error::{Error, ErrorKind};
use crate::files::{self, FileName, RouteFile};

/// A folder of the routes tree and the route files in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteDir {
    /// The route id: `/`, `/blog/[slug]`, `/(app)/dashboard`.
    pub id: String,
    /// The folder's own name (`""` for the root).
    pub segment: String,
    /// The folder's path.
    pub path: PathBuf,
    /// The index of the parent folder in the walk.
    pub parent: Option<usize>,
    /// The route files found in the folder.
    pub slots: Slots,
}

/// The route files of one folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Slots {
    /// `+layout.html` / `+layout@x.html`.
    pub layout_template: Option<PathBuf>,
    /// The `x` of `+layout@x.html`.
    pub layout_reset: Option<String>,
    /// `+layout.server.rs`.
    pub layout_server: Option<PathBuf>,
    /// `+error.html`.
    pub error_template: Option<PathBuf>,
    /// `+page.html` / `+page@x.html`.
    pub page_template: Option<PathBuf>,
    /// The `x` of `+page@x.html`.
    pub page_reset: Option<String>,
    /// `+page.server.rs`.
    pub page_server: Option<PathBuf>,
    /// `+server.rs`.
    pub endpoint: Option<PathBuf>,
}

impl Slots {
    /// Whether the folder has a page (any page file).
    pub fn has_page(&self) -> bool {
        self.page_template.is_some() || self.page_server.is_some()
    }

    /// Whether the folder has a layout (any layout file).
    pub fn has_layout(&self) -> bool {
        self.layout_template.is_some() || self.layout_server.is_some()
    }

    /// Whether the folder holds any route file.
    pub fn is_empty(&self) -> bool {
        !self.has_page()
            && !self.has_layout()
            && self.error_template.is_none()
            && self.endpoint.is_none()
    }
}

/// What a scan found: the folders in walk order, likely typos, and every problem met.
#[derive(Debug, Default)]
pub struct Scan {
    /// The folders, in walk order; index 0 is the root.
    pub dirs: Vec<RouteDir>,
    /// Files that look like route files without their `+` (`page.html`).
    pub missing_plus: Vec<PathBuf>,
    /// Problems with files and folders.
    pub errors: Vec<Error>,
}

/// Walks `routes_dir`. A missing folder is an error; so is anything unreadable.
pub fn scan(routes_dir: &Path) -> Scan {
    let mut result = Scan::default();
    if !routes_dir.is_dir() {
        let what = if routes_dir.exists() {
            "is not a folder"
        } else {
            "does not exist"
        };
        result.errors.push(Error::new(
            ErrorKind::RoutesDirMissing,
            None,
            routes_dir,
            format!("the routes folder {what}"),
        ));
        return result;
    }

    let walk = WalkDir::new(routes_dir).follow_links(true).sort_by(|a, b| {
        let a_dir = a.file_type().is_dir();
        let b_dir = b.file_type().is_dir();
        a_dir
            .cmp(&b_dir)
            .then_with(|| a.file_name().cmp(b.file_name()))
    });
    // The route index of the folder at each depth of the current path.
    let mut stack: Vec<usize> = Vec::new();
    let mut entries = walk.into_iter();
    while let Some(entry) = entries.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                result.errors.push(walk_error(&error, routes_dir));
                continue;
            }
        };
        let depth = entry.depth();
        let Some(name) = entry.file_name().to_str() else {
            result.errors.push(Error::new(
                ErrorKind::NonUtf8Name,
                None,
                entry.path(),
                format!(
                    "`{}` is not a valid UTF-8 name: route files and folders need UTF-8 names",
                    entry.path().display()
                ),
            ));
            if entry.file_type().is_dir() {
                entries.skip_current_dir();
            }
            continue;
        };
        if entry.file_type().is_dir() {
            stack.truncate(depth);
            let parent = stack.last().copied();
            let (id, segment) = match parent {
                None => ("/".to_owned(), String::new()),
                Some(p) => (join_id(&result.dirs[p].id, name), name.to_owned()),
            };
            stack.push(result.dirs.len());
            result.dirs.push(RouteDir {
                id,
                segment,
                path: entry.path().to_path_buf(),
                parent,
                slots: Slots::default(),
            });
        } else if let Some(&dir) = stack.get(depth - 1) {
            add_file(&mut result, dir, name, entry.path());
        }
    }
    result
}

fn join_id(parent: &str, name: &str) -> String {
    if parent == "/" {
        format!("/{name}")
    } else {
        format!("{parent}/{name}")
    }
}

fn walk_error(error: &walkdir::Error, routes_dir: &Path) -> Error {
    let path = error.path().unwrap_or(routes_dir);
    let message = match error.loop_ancestor() {
        Some(ancestor) => format!(
            "`{}` links back to `{}`: symlink loops are not allowed in a routes folder",
            path.display(),
            ancestor.display()
        ),
        None => format!("cannot read `{}`: {}", path.display(), error),
    };
    Error::new(ErrorKind::Io, None, path, message)
}

/// Puts one file into its folder's slots, reporting reserved names and duplicates.
fn add_file(scan: &mut Scan, dir: usize, name: &str, path: &Path) {
    let id = scan.dirs[dir].id.clone();
    let route_file = match files::classify(name) {
        FileName::Ignored => return,
        FileName::MissingPlus => {
            scan.missing_plus.push(path.to_path_buf());
            return;
        }
        FileName::Reserved(hint) => {
            let hint = if hint.is_empty() {
                format!("route files are {}", files::KNOWN_NAMES)
            } else {
                hint.to_owned()
            };
            scan.errors.push(Error::new(
                ErrorKind::ReservedFileName,
                Some(&id),
                path,
                format!(
                    "files prefixed with `+` are reserved (saw `{name}` in route `{id}`): {hint}"
                ),
            ));
            return;
        }
        FileName::NamedLayoutOnModule(at) => {
            scan.errors.push(Error::new(
                ErrorKind::NamedLayoutOnModule,
                Some(&id),
                path,
                format!(
                    "only templates can reference named layouts: remove `{at}` from `{name}` (route `{id}`), and put it on `+page{at}.html` or `+layout{at}.html` instead"
                ),
            ));
            return;
        }
        FileName::Route(file) => file,
    };
    if let Err(error) = std::fs::File::open(path) {
        scan.errors.push(Error::new(
            ErrorKind::Io,
            Some(&id),
            path,
            format!("cannot read `{}`: {error}", path.display()),
        ));
        return;
    }
    let slots = &mut scan.dirs[dir].slots;
    let (slot, what, reset) = match route_file {
        RouteFile::PageTemplate { layout } => (
            &mut slots.page_template,
            "page templates",
            Some((&mut slots.page_reset, layout)),
        ),
        RouteFile::LayoutTemplate { layout } => (
            &mut slots.layout_template,
            "layout templates",
            Some((&mut slots.layout_reset, layout)),
        ),
        RouteFile::ErrorTemplate => (&mut slots.error_template, "error templates", None),
        RouteFile::PageServer => (&mut slots.page_server, "page server modules", None),
        RouteFile::LayoutServer => (&mut slots.layout_server, "layout server modules", None),
        RouteFile::Endpoint => (&mut slots.endpoint, "endpoints", None),
    };
    if let Some(first) = slot {
        let first_name = first.file_name().unwrap_or_default().to_string_lossy();
        scan.errors.push(Error::new(
            ErrorKind::DuplicateFiles,
            Some(&id),
            path,
            format!("multiple {what} in route `{id}`: `{first_name}` and `{name}`; keep one"),
        ));
        return;
    }
    *slot = Some(path.to_path_buf());
    if let Some((reset_slot, layout)) = reset {
        *reset_slot = layout;
    }
}
