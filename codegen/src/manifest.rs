//! The route manifest: the whole tree scanned, validated and sorted, with each page's layout and
//! error-boundary chain (SvelteKit 2 `create_manifest_data`, §1.4).

use std::path::{Path, PathBuf};

use crate::conflict::find_conflicts;
use crate::error::{Error, ErrorKind, Errors};
use crate::matchers::{Matcher, params_dir, read_matchers};
use crate::route_id::RoutePattern;
use crate::scan::{RouteDir, scan};
use crate::sort::sort_route_ids;
use crate::validate::check_route_id;

/// A validated, sorted routes tree.
#[derive(Debug, Clone)]
pub struct Manifest {
    /// The routes folder, as given.
    pub routes_dir: PathBuf,
    /// Every folder's route (also folders without route files), in priority order.
    pub routes: Vec<Route>,
    /// Layout, error and page nodes: the layouts and errors of every folder in walk order, then
    /// the pages in walk order. Node 0 is the root layout, node 1 the root error.
    pub nodes: Vec<Node>,
    /// The param matchers of the `params/` folder.
    pub matchers: Vec<Matcher>,
    /// Things that are not errors but probably mistakes (`page.html` without its `+`).
    pub warnings: Vec<String>,
}

/// One route: a folder of the routes tree.
#[derive(Debug, Clone)]
pub struct Route {
    /// The route id: `/blog/[slug]`.
    pub id: String,
    /// The folder's name (`""` for the root).
    pub segment: String,
    /// The folder.
    pub dir: PathBuf,
    /// The parsed id.
    pub pattern: RoutePattern,
    /// This folder's layout node.
    pub layout: Option<usize>,
    /// This folder's error node.
    pub error: Option<usize>,
    /// The page, with its chain of layouts and error boundaries.
    pub page: Option<Page>,
    /// `+server.rs`.
    pub endpoint: Option<PathBuf>,
}

impl Route {
    /// Whether requests can land here: the route has a page or an endpoint.
    pub fn is_servable(&self) -> bool {
        self.page.is_some() || self.endpoint.is_some()
    }
}

/// A page and the nodes it renders inside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Layout nodes from the root down; `None` where a level has an error boundary only.
    pub layouts: Vec<Option<usize>>,
    /// Error nodes, level by level with `layouts`; `None` where a level has a layout only.
    pub errors: Vec<Option<usize>>,
    /// The page's own node.
    pub leaf: usize,
}

/// What a node renders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Component {
    /// A template file.
    File(PathBuf),
    /// routekit's built-in layout (`{{ children }}` alone).
    DefaultLayout,
    /// routekit's built-in error page.
    DefaultError,
}

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// `+layout.html` / `+layout.server.rs`.
    Layout,
    /// `+error.html`.
    Error,
    /// `+page.html` / `+page.server.rs`.
    Page,
}

/// A layout, error or page node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// What the node is.
    pub kind: NodeKind,
    /// The id of the route (folder) the node belongs to.
    pub route_id: String,
    /// The template, if any (a page may have only a server module).
    pub component: Option<Component>,
    /// The `+page.server.rs` / `+layout.server.rs`.
    pub server: Option<PathBuf>,
    /// The `x` of `+page@x.html` / `+layout@x.html`: the folder name the chain resets to.
    pub reset: Option<String>,
}

/// A folder that passed validation, before sorting.
struct Valid<'a> {
    /// The folder's index in the walk.
    dir_index: usize,
    dir: &'a RouteDir,
    pattern: RoutePattern,
    layout: Option<usize>,
    error: Option<usize>,
    leaf: Option<usize>,
    page: Option<Page>,
}

impl Manifest {
    /// Scans, validates and sorts the routes folder `routes_dir` (matchers are read from the
    /// sibling `params/` folder). Returns every error of the tree at once.
    pub fn from_dir(routes_dir: impl AsRef<Path>) -> Result<Manifest, Errors> {
        let routes_dir = routes_dir.as_ref();
        let scanned = scan(routes_dir);
        let mut errors = scanned.errors;
        let (matchers, matcher_errors) = read_matchers(&params_dir(routes_dir));
        errors.extend(matcher_errors);
        if scanned.dirs.is_empty() {
            return Err(Errors(errors));
        }
        if errors.is_empty() && scanned.dirs.iter().all(|dir| dir.slots.is_empty()) {
            errors.push(Error::new(
                ErrorKind::NoRoutes,
                None,
                routes_dir,
                "no routes found: add a `+page.html` or a `+server.rs`".to_owned(),
            ));
        }

        let mut valid = validate_dirs(&scanned.dirs, &mut errors);
        check_conflicts(&valid, &mut errors);
        let nodes = build_nodes(&mut valid);
        build_page_chains(&mut valid, &nodes, &scanned.dirs, &mut errors);
        check_matchers(&valid, &matchers, &mut errors);

        if !errors.is_empty() {
            return Err(Errors(errors));
        }
        let mut routes: Vec<Route> = valid
            .into_iter()
            .map(|v| Route {
                id: v.dir.id.clone(),
                segment: v.dir.segment.clone(),
                dir: v.dir.path.clone(),
                pattern: v.pattern,
                layout: v.layout,
                error: v.error,
                page: v.page,
                endpoint: v.dir.slots.endpoint.clone(),
            })
            .collect();
        sort_route_ids(&mut routes, |route| &route.id);
        let warnings = scanned
            .missing_plus
            .iter()
            .map(|path| {
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                format!(
                    "{}: missing route file prefix; did you mean `+{name}`?",
                    path.display()
                )
            })
            .collect();
        Ok(Manifest {
            routes_dir: routes_dir.to_path_buf(),
            routes,
            nodes,
            matchers,
            warnings,
        })
    }

    /// The routes that have a page or an endpoint, in priority order.
    pub fn servable_routes(&self) -> impl Iterator<Item = &Route> {
        self.routes.iter().filter(|route| route.is_servable())
    }
}

/// Checks every folder's id; a folder whose id is invalid is reported once and its subfolders
/// (which share the bad prefix) are left out rather than reported again.
fn validate_dirs<'a>(dirs: &'a [RouteDir], errors: &mut Vec<Error>) -> Vec<Valid<'a>> {
    let mut is_valid = vec![false; dirs.len()];
    let mut valid = Vec::new();
    for (i, dir) in dirs.iter().enumerate() {
        if dir.parent.is_some_and(|parent| !is_valid[parent]) {
            continue;
        }
        match check_route_id(&dir.id, &dir.segment) {
            Ok(pattern) => {
                is_valid[i] = true;
                valid.push(Valid {
                    dir_index: i,
                    dir,
                    pattern,
                    layout: None,
                    error: None,
                    leaf: None,
                    page: None,
                });
            }
            Err((kind, message)) => {
                errors.push(Error::new(kind, Some(&dir.id), &dir.path, message))
            }
        }
    }
    valid
}

fn check_conflicts(valid: &[Valid<'_>], errors: &mut Vec<Error>) {
    let servable: Vec<&Valid<'_>> = valid
        .iter()
        .filter(|v| v.dir.slots.has_page() || v.dir.slots.endpoint.is_some())
        .collect();
    let ids: Vec<&str> = servable.iter().map(|v| v.dir.id.as_str()).collect();
    for (first, second) in find_conflicts(&ids) {
        let second_dir = servable
            .iter()
            .find(|v| v.dir.id == second)
            .map(|v| route_file(v.dir))
            .unwrap_or_default();
        errors.push(Error::new(
            ErrorKind::Conflict,
            Some(second),
            second_dir,
            format!(
                "the `{first}` and `{second}` routes conflict with each other: both match the same URLs"
            ),
        ));
    }
}

/// The page or endpoint file of a folder, the file a conflict is reported on.
fn route_file(dir: &RouteDir) -> PathBuf {
    let slots = &dir.slots;
    slots
        .page_template
        .clone()
        .or_else(|| slots.page_server.clone())
        .or_else(|| slots.endpoint.clone())
        .unwrap_or_else(|| dir.path.clone())
}

/// Numbers the nodes: every folder's layout and error in walk order, then every page. The root
/// always has a layout and an error (routekit's built-in ones when the folder has none).
fn build_nodes(valid: &mut [Valid<'_>]) -> Vec<Node> {
    let mut nodes = Vec::new();
    for (i, v) in valid.iter_mut().enumerate() {
        let slots = &v.dir.slots;
        let is_root = i == 0;
        if slots.has_layout() || is_root {
            v.layout = Some(nodes.len());
            nodes.push(Node {
                kind: NodeKind::Layout,
                route_id: v.dir.id.clone(),
                component: Some(
                    slots
                        .layout_template
                        .clone()
                        .map_or(Component::DefaultLayout, Component::File),
                ),
                server: slots.layout_server.clone(),
                reset: slots.layout_reset.clone(),
            });
        }
        if slots.error_template.is_some() || is_root {
            v.error = Some(nodes.len());
            nodes.push(Node {
                kind: NodeKind::Error,
                route_id: v.dir.id.clone(),
                component: Some(
                    slots
                        .error_template
                        .clone()
                        .map_or(Component::DefaultError, Component::File),
                ),
                server: None,
                reset: None,
            });
        }
    }
    for v in valid.iter_mut() {
        let slots = &v.dir.slots;
        if slots.has_page() {
            v.leaf = Some(nodes.len());
            nodes.push(Node {
                kind: NodeKind::Page,
                route_id: v.dir.id.clone(),
                component: slots.page_template.clone().map(Component::File),
                server: slots.page_server.clone(),
                reset: slots.page_reset.clone(),
            });
        }
    }
    nodes
}

/// Walks from each page up to the root, collecting the layouts and error boundaries that apply.
/// A `@x` reset skips every level until the folder named `x`; that layout's own `@y` then
/// continues the walk.
fn build_page_chains(
    valid: &mut [Valid<'_>],
    nodes: &[Node],
    dirs: &[RouteDir],
    errors: &mut Vec<Error>,
) {
    // Folder index (in `dirs`) → position in `valid`.
    let mut valid_of_dir = vec![None; dirs.len()];
    for (i, v) in valid.iter().enumerate() {
        valid_of_dir[v.dir_index] = Some(i);
    }

    for i in 0..valid.len() {
        let Some(leaf) = valid[i].leaf else { continue };
        let mut layouts = Vec::new();
        let mut errs = Vec::new();
        let mut current_node = leaf;
        let mut reset = nodes[leaf].reset.clone();
        let mut at = Some(valid[i].dir_index);
        while let Some(dir_index) = at {
            let v = valid_of_dir[dir_index].map(|j| &valid[j]);
            let segment = &dirs[dir_index].segment;
            if let Some(v) = v
                && reset.as_ref().is_none_or(|name| name == segment)
            {
                if v.layout.is_some() || v.error.is_some() {
                    layouts.push(v.layout);
                    errs.push(v.error);
                }
                match v.layout {
                    Some(layout) => {
                        current_node = layout;
                        reset = nodes[layout].reset.clone();
                    }
                    None => reset = None,
                }
            }
            at = dirs[dir_index].parent;
        }
        if let Some(missing) = reset {
            let file = match &nodes[current_node].component {
                Some(Component::File(path)) => path.clone(),
                _ => valid[i].dir.path.clone(),
            };
            let name = file.file_name().unwrap_or_default().to_string_lossy();
            errors.push(Error::new(
                ErrorKind::MissingLayoutSegment,
                Some(&nodes[current_node].route_id),
                &file,
                format!(
                    "`{name}` in route `{}` references missing segment `{missing}`: no folder above it is named `{missing}`",
                    nodes[current_node].route_id
                ),
            ));
            continue;
        }
        layouts.reverse();
        errs.reverse();
        valid[i].page = Some(Page {
            layouts,
            errors: errs,
            leaf,
        });
    }
}

/// Every `[p=m]` needs a `params/m.rs`, in every folder (also those without route files).
fn check_matchers(valid: &[Valid<'_>], matchers: &[Matcher], errors: &mut Vec<Error>) {
    for v in valid {
        for param in &v.pattern.params {
            let Some(matcher) = &param.matcher else {
                continue;
            };
            if !matchers.iter().any(|m| &m.name == matcher) {
                errors.push(Error::new(
                    ErrorKind::UnknownMatcher,
                    Some(&v.dir.id),
                    &v.dir.path,
                    format!(
                        "no matcher found for parameter `{}` in route `{}`: add `params/{matcher}.rs` exporting `pub fn matches(param: &str) -> bool` or `pub fn parse(param: &str) -> Option<T>`",
                        param.name, v.dir.id
                    ),
                ));
            }
        }
    }
}
