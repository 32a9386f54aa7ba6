//! What a route module exports: the HTTP handlers of a `+server.rs`, the `load` and
//! `mod actions` of a `+page.server.rs`, the `load` of a `+layout.server.rs`, and the optional
//! `TRAILING_SLASH` of all three. The file is parsed with `syn`; the result is plain data.
//!
//! An export is a `pub` item: `pub async fn GET(…)`, or a re-export (`pub use path::x as GET;`,
//! `pub use path::GET;`) whose signature is out of sight and left to rustc. Every problem of a
//! file is reported at once, each with the line and column of the offending name.
//!
//! Misspellings are caught without flagging helpers:
//! - a `pub` fn, const, static or `use … as` alias (or a `pub mod` for `actions`) whose name is a
//!   known export of its file once case and inner `_` are ignored (`get`, `Load`,
//!   `trailingSlash`, `mod Actions`), but is not spelt exactly like it;
//! - in `+server.rs`, any all-uppercase `pub fn` (or `pub use … as` alias) that is not an HTTP
//!   method: no helper is named like that, and the closest method (at most two edits away) is
//!   suggested;
//! - in `+page.server.rs` and `+layout.server.rs` with no `load`, a `pub fn` one edit away from
//!   `load` (`laod`, `lod`, `loads`); in `+page.server.rs` with no `actions`, a `pub mod` at most
//!   two edits away (`action`).
//!
//! Names starting with `_` are never suspected. Exports are `pub` or `pub(crate)` (the latter
//! for crates that deny `unreachable_pub`: route modules are private unless the struct with the
//! derive is public). Other items are helpers, except that an export's exact name must be
//! exported: `fn load` without `pub` is an error, not a helper.

use std::fmt;
use std::path::{Path, PathBuf};

use proc_macro2::Span;
use syn::{FnArg, Item, ReturnType, Type, TypeParamBound, UseTree, Visibility};

use crate::files::RouteFile;

/// The kind of route module being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RouteFileKind {
    /// `+server.rs`: HTTP method handlers and `fallback`.
    Endpoint,
    /// `+page.server.rs`: `load` and `mod actions`.
    PageServer,
    /// `+layout.server.rs`: `load`.
    LayoutServer,
    /// `hooks.server.rs` beside the routes folder: `handle` and `handle_error`.
    Hooks,
}

impl RouteFileKind {
    /// The module's file name: `+server.rs`, `+page.server.rs` or `+layout.server.rs`.
    pub fn file_name(self) -> &'static str {
        match self {
            Self::Endpoint => "+server.rs",
            Self::PageServer => "+page.server.rs",
            Self::LayoutServer => "+layout.server.rs",
            Self::Hooks => "hooks.server.rs",
        }
    }

    /// The kind of a route file, when it is a Rust module.
    pub fn of(file: &RouteFile) -> Option<Self> {
        match file {
            RouteFile::Endpoint => Some(Self::Endpoint),
            RouteFile::PageServer => Some(Self::PageServer),
            RouteFile::LayoutServer => Some(Self::LayoutServer),
            _ => None,
        }
    }

    /// The names this kind of module may export.
    pub fn export_names(self) -> &'static [&'static str] {
        match self {
            Self::Endpoint => &[
                "GET",
                "POST",
                "PUT",
                "PATCH",
                "DELETE",
                "OPTIONS",
                "HEAD",
                "fallback",
                TRAILING_SLASH,
            ],
            Self::PageServer => &["load", "actions", TRAILING_SLASH],
            Self::LayoutServer => &["load", TRAILING_SLASH],
            Self::Hooks => &["handle", "handle_error"],
        }
    }
}

const TRAILING_SLASH: &str = "TRAILING_SLASH";

/// An HTTP method an endpoint can export, in SvelteKit's `ENDPOINT_METHODS` order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Method {
    /// `GET` (also answers `HEAD` when there is no `HEAD`).
    Get,
    /// `POST`.
    Post,
    /// `PUT`.
    Put,
    /// `PATCH`.
    Patch,
    /// `DELETE`.
    Delete,
    /// `OPTIONS`.
    Options,
    /// `HEAD`.
    Head,
}

impl Method {
    /// Every method, in `ENDPOINT_METHODS` order.
    pub const ALL: [Self; 7] = [
        Self::Get,
        Self::Post,
        Self::Put,
        Self::Patch,
        Self::Delete,
        Self::Options,
        Self::Head,
    ];

    /// The method's name, which is also the handler's name: `GET`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Patch => "PATCH",
            Self::Delete => "DELETE",
            Self::Options => "OPTIONS",
            Self::Head => "HEAD",
        }
    }

    /// The method a handler name exports, spelt exactly (`GET`, not `Get`).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|method| method.as_str() == name)
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a route module exports. Only the fields of its kind can be set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Exports {
    /// `+server.rs`: the method handlers, in [`Method::ALL`] order.
    pub methods: Vec<(Method, Handler)>,
    /// `+server.rs`: `fallback`, for every method without a handler.
    pub fallback: Option<Handler>,
    /// `+page.server.rs` / `+layout.server.rs`: `load`.
    pub load: Option<Handler>,
    /// `+page.server.rs`: `pub mod actions { … }`.
    pub actions: Option<Actions>,
    /// Whether the module has a `pub const TRAILING_SLASH` (or re-exports one).
    pub trailing_slash: bool,
    /// `hooks.server.rs`: `handle`, around every request.
    pub handle: Option<Handler>,
    /// `hooks.server.rs`: `handle_error`, for unexpected errors.
    pub handle_error: Option<Handler>,
}

impl Exports {
    /// The exported methods, in [`Method::ALL`] order.
    pub fn method_list(&self) -> impl Iterator<Item = Method> + '_ {
        self.methods.iter().map(|(method, _)| *method)
    }

    /// The handler of `method`, if the module exports one.
    pub fn handler(&self, method: Method) -> Option<&Handler> {
        self.methods
            .iter()
            .find(|(m, _)| *m == method)
            .map(|(_, handler)| handler)
    }
}

/// An exported function: a method handler, `fallback`, `load` or an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handler {
    /// The exported name (raw identifiers unprefixed: `r#default` is `default`).
    pub name: String,
    /// The line of the name in the file, from 1.
    pub line: usize,
    /// The column of the name, from 1, in characters.
    pub column: usize,
    /// How the handler is defined.
    pub def: HandlerDef,
}

/// How an exported handler is defined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HandlerDef {
    /// `pub async fn NAME(…)`, or a `pub fn` returning `impl Future`.
    Fn {
        /// Whether it is written `async fn` (otherwise it returns `impl Future`).
        is_async: bool,
        /// The number of parameters (axum extractors).
        arg_count: usize,
        /// Whether no parameter can read the request's context (its cookie jar, its
        /// `RequestEvent`): it takes none, or only its route's `super::Params`.
        context_free: bool,
    },
    /// `pub use PATH as NAME;` or `pub use PATH;`: the signature is not in this file.
    ReExport {
        /// The path re-exported, as written: `crate::api::list`.
        path: String,
    },
}

/// The form actions of `pub mod actions { … }`: either `default` or named ones, never both.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Actions {
    /// `pub async fn default(…)`.
    pub default: Option<Handler>,
    /// The named actions, in file order.
    pub named: Vec<Handler>,
}

/// The class of an [`ExportError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ExportErrorKind {
    /// The file cannot be read.
    Io,
    /// The file is not valid Rust.
    Syntax,
    /// A name that looks like an export but is not one (`Get`, `laod`, `TRACE`).
    Misspelt,
    /// An export in a module that cannot have it (`load` in `+server.rs`).
    WrongFile,
    /// An export that is the wrong kind of item (`pub const GET`, `fn actions`).
    WrongItem,
    /// An export's exact name on an item that is not `pub`.
    NotPublic,
    /// A handler, `load` or action that is not an `async fn`.
    NotAsync,
    /// A handler, `load` or action that is an `unsafe fn`.
    Unsafe,
    /// `mod actions;`: an out-of-line module.
    OutOfLineModule,
    /// `pub mod actions {}` with no action.
    EmptyActions,
    /// `default` alongside named actions.
    MixedActions,
    /// `pub use path::*`: the exports cannot be seen.
    GlobReExport,
}

impl ExportErrorKind {
    /// The stable snake_case name of the class.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Io => "io",
            Self::Syntax => "syntax",
            Self::Misspelt => "misspelt",
            Self::WrongFile => "wrong_file",
            Self::WrongItem => "wrong_item",
            Self::NotPublic => "not_public",
            Self::NotAsync => "not_async",
            Self::Unsafe => "unsafe",
            Self::OutOfLineModule => "out_of_line_module",
            Self::EmptyActions => "empty_actions",
            Self::MixedActions => "mixed_actions",
            Self::GlobReExport => "glob_re_export",
        }
    }
}

/// A problem in a route module, at a line and column of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportError {
    /// The class of the problem.
    pub kind: ExportErrorKind,
    /// The route module.
    pub path: PathBuf,
    /// The line, from 1; 0 when the problem has no position (the file cannot be read).
    pub line: usize,
    /// The column, from 1, in characters; 0 when there is no position.
    pub column: usize,
    /// What is wrong and how to fix it: lowercase, no trailing period, names in backticks.
    pub message: String,
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path.display(), self.message)
        } else {
            let (path, line, column) = (self.path.display(), self.line, self.column);
            write!(f, "{path}:{line}:{column}: {}", self.message)
        }
    }
}

impl std::error::Error for ExportError {}

/// Reads and parses the route module at `path`; see [`parse_exports`].
///
/// # Errors
///
/// An [`ExportErrorKind::Io`] error when the file cannot be read, or every problem of the file.
pub fn read_exports(path: &Path, kind: RouteFileKind) -> Result<Exports, Vec<ExportError>> {
    match std::fs::read_to_string(path) {
        Ok(source) => parse_exports(&source, path, kind),
        Err(error) => Err(vec![ExportError {
            kind: ExportErrorKind::Io,
            path: path.to_path_buf(),
            line: 0,
            column: 0,
            message: format!(
                "cannot read the route module ({error}): check that it is a readable UTF-8 file"
            ),
        }]),
    }
}

/// Finds what the route module `source` (read from `path`, named in errors) exports.
///
/// The source is lexed by proc-macro2's own lexer even inside a procedural macro (the compiler's
/// would give every token the macro's call site), so that positions are lines of this file.
///
/// # Errors
///
/// Every problem of the file, in file order: a syntax error, or each misplaced, misspelt or
/// malformed export.
pub fn parse_exports(
    source: &str,
    path: &Path,
    kind: RouteFileKind,
) -> Result<Exports, Vec<ExportError>> {
    let _lexer = FallbackLexer::enter();
    let mut checker = Checker {
        path,
        kind,
        errors: Vec::new(),
        exports: Exports::default(),
    };
    match syn::parse_file(source) {
        Ok(file) => checker.check_file(&file.items),
        Err(error) => {
            for error in error {
                let (line, column) = syntax_error_position(&error, source);
                let message = syntax_message(&error.to_string());
                checker.errors.push(ExportError {
                    kind: ExportErrorKind::Syntax,
                    path: path.to_path_buf(),
                    line,
                    column,
                    message: format!("not valid Rust: {message}"),
                });
            }
        }
    }
    if checker.errors.is_empty() {
        checker.exports.methods.sort_by_key(|(method, _)| *method);
        Ok(checker.exports)
    } else {
        checker
            .errors
            .sort_by_key(|error| (error.line, error.column));
        Err(checker.errors)
    }
}

/// Switches proc-macro2 to its own lexer until dropped (a no-op outside a procedural macro).
///
/// The switch is process-wide: nothing parsed while it is on may be mixed with the macro's own
/// tokens, which is why only plain data leaves [`parse_exports`]. Dropping it restores detection,
/// undoing a caller's own `proc_macro2::fallback::force()`.
pub(crate) struct FallbackLexer;

impl FallbackLexer {
    /// Switches to proc-macro2's own lexer until the value is dropped.
    pub(crate) fn enter() -> Self {
        proc_macro2::fallback::force();
        Self
    }
}

impl Drop for FallbackLexer {
    fn drop(&mut self) {
        proc_macro2::fallback::unforce();
    }
}

/// The 1-based line and column where `span` starts.
fn position(span: Span) -> (usize, usize) {
    let start = span.start();
    (start.line, start.column + 1)
}

/// A syntax error's position; errors at the end of input have no span of their own, so they
/// point just past the last token.
fn syntax_error_position(error: &syn::Error, source: &str) -> (usize, usize) {
    if !error.to_string().starts_with("unexpected end of input") {
        return position(error.span());
    }
    let text = source.trim_end();
    let line = text.lines().count().max(1);
    let last = text.rsplit('\n').next().unwrap_or("");
    (line, last.chars().count() + 1)
}

/// syn's message, or a readable one for the lexer's.
fn syntax_message(message: &str) -> String {
    if message == "cannot parse string into token stream" {
        "an unclosed or unmatched delimiter, an unterminated string or comment, or a character \
         Rust does not accept"
            .to_owned()
    } else {
        message.to_owned()
    }
}

/// A named item of a module, reduced to what the checks need.
struct Entry<'a> {
    /// The name the item exports (the alias of a `use … as`), without `r#`.
    name: String,
    span: Span,
    vis: Vis,
    what: What<'a>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Vis {
    Pub,
    Restricted,
    Private,
}

enum What<'a> {
    Fn {
        is_async: bool,
        returns_future: bool,
        is_unsafe: bool,
        arg_count: usize,
        context_free: bool,
    },
    /// `use path as name;` / `use path::name;` (`renamed` for the first).
    Use {
        path: String,
        renamed: bool,
    },
    /// `use path::*;`, named after its path.
    Glob,
    Mod {
        items: Option<&'a [Item]>,
    },
    /// Any other item: `const`, `static`, `struct`, … (the keyword).
    Other(&'static str),
}

impl What<'_> {
    fn item_word(&self) -> &'static str {
        match self {
            What::Fn { .. } => "fn",
            What::Use { .. } | What::Glob => "use",
            What::Mod { .. } => "mod",
            What::Other(word) => word,
        }
    }
}

/// Whether `arg` is `_: super::Params`, the generated params of the route, whose extractor
/// reads only the route's match.
fn is_route_params(arg: &FnArg) -> bool {
    let FnArg::Typed(arg) = arg else {
        return false;
    };
    let syn::Type::Path(ty) = &*arg.ty else {
        return false;
    };
    let path = &ty.path;
    ty.qself.is_none()
        && path.leading_colon.is_none()
        && path.segments.len() == 2
        && path
            .segments
            .iter()
            .zip(["super", "Params"])
            .all(|(segment, name)| segment.ident == name && segment.arguments.is_none())
}

/// The named items of `items`, `use` trees flattened into one entry per name.
fn entries(items: &[Item]) -> Vec<Entry<'_>> {
    let mut entries = Vec::new();
    for item in items {
        let (vis, ident, what) = match item {
            Item::Fn(item) => {
                let sig = &item.sig;
                let what = What::Fn {
                    is_async: sig.asyncness.is_some(),
                    returns_future: returns_impl_future(&sig.output),
                    is_unsafe: matches!(sig.safety, syn::Safety::Unsafe(_)),
                    arg_count: sig
                        .inputs
                        .iter()
                        .filter(|arg| matches!(arg, FnArg::Typed(_)))
                        .count(),
                    context_free: sig.inputs.iter().all(is_route_params),
                };
                (&item.vis, &sig.ident, what)
            }
            Item::Mod(item) => {
                let items = item.content.as_ref().map(|(_, items)| items.as_slice());
                (&item.vis, &item.ident, What::Mod { items })
            }
            Item::Use(item) => {
                let prefix = if item.leading_colon.is_some() {
                    "::"
                } else {
                    ""
                };
                flatten_use(&item.tree, prefix.to_owned(), &item.vis, &mut entries);
                continue;
            }
            Item::Const(item) => (&item.vis, &item.ident, What::Other("const")),
            Item::Static(item) => (&item.vis, &item.ident, What::Other("static")),
            Item::Struct(item) => (&item.vis, &item.ident, What::Other("struct")),
            Item::Enum(item) => (&item.vis, &item.ident, What::Other("enum")),
            Item::Union(item) => (&item.vis, &item.ident, What::Other("union")),
            Item::Type(item) => (&item.vis, &item.ident, What::Other("type")),
            Item::Trait(item) => (&item.vis, &item.ident, What::Other("trait")),
            _ => continue,
        };
        entries.push(Entry {
            name: unraw(ident),
            span: ident.span(),
            vis: vis_of(vis),
            what,
        });
    }
    entries
}

fn flatten_use<'a>(tree: &UseTree, prefix: String, vis: &Visibility, out: &mut Vec<Entry<'a>>) {
    let joined = |name: &str| {
        if prefix.is_empty() || prefix == "::" {
            format!("{prefix}{name}")
        } else {
            format!("{prefix}::{name}")
        }
    };
    // `path::{self}` / `path::{self as x}` name the module `path` itself.
    let parent = prefix.rsplit("::").next().unwrap_or("").to_owned();
    let (name, span, path, renamed) = match tree {
        UseTree::Path(tree) => {
            let prefix = joined(&tree.ident.to_string());
            return flatten_use(&tree.tree, prefix, vis, out);
        }
        UseTree::Group(group) => {
            for tree in &group.items {
                flatten_use(tree, prefix.clone(), vis, out);
            }
            return;
        }
        UseTree::Name(tree) if tree.ident == "self" => (parent, tree.ident.span(), prefix, false),
        UseTree::Name(tree) => {
            let path = joined(&tree.ident.to_string());
            (unraw(&tree.ident), tree.ident.span(), path, false)
        }
        UseTree::Rename(tree) if tree.rename == "_" => return,
        UseTree::Rename(tree) => {
            let path = if tree.ident == "self" {
                prefix
            } else {
                joined(&tree.ident.to_string())
            };
            (unraw(&tree.rename), tree.rename.span(), path, true)
        }
        UseTree::Glob(glob) => (prefix, glob.star_token.span, String::new(), false),
    };
    let what = if matches!(tree, UseTree::Glob(_)) {
        What::Glob
    } else {
        What::Use { path, renamed }
    };
    out.push(Entry {
        name,
        span,
        vis: vis_of(vis),
        what,
    });
}

/// Whether an item with this visibility is exported to routekit (`pub` or `pub(crate)`).
pub(crate) fn exported(vis: &Visibility) -> bool {
    vis_of(vis) == Vis::Pub
}

fn vis_of(vis: &Visibility) -> Vis {
    match vis {
        // `pub(crate)` reaches the generated code too, and is what a crate that denies
        // `unreachable_pub` writes in a private module.
        Visibility::Public(_) => Vis::Pub,
        Visibility::Restricted(restricted)
            if restricted.in_token.is_none() && restricted.path.is_ident("crate") =>
        {
            Vis::Pub
        }
        Visibility::Restricted(_) => Vis::Restricted,
        Visibility::Inherited => Vis::Private,
    }
}

fn unraw(ident: &proc_macro2::Ident) -> String {
    let name = ident.to_string();
    match name.strip_prefix("r#") {
        Some(name) => name.to_owned(),
        None => name,
    }
}

/// `-> impl Future<…>` (or `impl IntoFuture`): a plain `fn` that axum can still await.
fn returns_impl_future(output: &ReturnType) -> bool {
    let ReturnType::Type(_, ty) = output else {
        return false;
    };
    let Type::ImplTrait(ty) = &**ty else {
        return false;
    };
    ty.bounds.iter().any(|bound| match bound {
        TypeParamBound::Trait(bound) => bound
            .path
            .segments
            .last()
            .is_some_and(|segment| segment.ident == "Future" || segment.ident == "IntoFuture"),
        _ => false,
    })
}

/// The known exports, by exact name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Known {
    Method(Method),
    Fallback,
    Load,
    Actions,
    TrailingSlash,
    Handle,
    HandleError,
}

impl Known {
    fn of(name: &str) -> Option<Self> {
        match name {
            "fallback" => Some(Self::Fallback),
            "load" => Some(Self::Load),
            "actions" => Some(Self::Actions),
            "handle" => Some(Self::Handle),
            "handle_error" => Some(Self::HandleError),
            TRAILING_SLASH => Some(Self::TrailingSlash),
            _ => Method::from_name(name).map(Self::Method),
        }
    }
}

struct Checker<'a> {
    path: &'a Path,
    kind: RouteFileKind,
    errors: Vec<ExportError>,
    exports: Exports,
}

impl Checker<'_> {
    fn error(&mut self, kind: ExportErrorKind, span: Span, message: String) {
        let (line, column) = position(span);
        self.errors.push(ExportError {
            kind,
            path: self.path.to_path_buf(),
            line,
            column,
            message,
        });
    }

    fn check_file(&mut self, items: &[Item]) {
        let entries = entries(items);
        let has = |name: &str| entries.iter().any(|entry| entry.name == name);
        let (has_load, has_actions) = (has("load"), has("actions"));
        let mut seen = Vec::new();
        for entry in &entries {
            // A second item of the same name is rustc's to report.
            if Known::of(&entry.name).is_some() && seen.contains(&entry.name) {
                continue;
            }
            seen.push(entry.name.clone());
            // `handle` in a route file is a helper like any other.
            let known = Known::of(&entry.name).filter(|known| {
                self.kind == RouteFileKind::Hooks
                    || !matches!(known, Known::Handle | Known::HandleError)
            });
            match known {
                Some(known) => self.check_known(entry, known),
                None if entry.vis == Vis::Pub => self.check_unknown(entry, has_load, has_actions),
                None => {}
            }
        }
    }

    /// An item whose name is exactly a known export.
    fn check_known(&mut self, entry: &Entry<'_>, known: Known) {
        use ExportErrorKind::{NotPublic, WrongFile, WrongItem};
        let name = entry.name.as_str();
        let misplaced = misplaced(self.kind, known, name);
        if entry.vis != Vis::Pub {
            // Private imports and private helpers that merely share a name are fine.
            let word = match (known, &entry.what) {
                (Known::Actions, What::Mod { .. }) => "mod",
                (Known::TrailingSlash, What::Other("const")) => "const",
                (Known::Actions | Known::TrailingSlash, _) => return,
                (_, What::Fn { .. }) => "async fn",
                _ => return,
            };
            if misplaced.is_some() {
                return;
            }
            let message = format!(
                "`{name}` is not `pub`, so routekit cannot see it: write `pub {word} {name}`"
            );
            self.error(NotPublic, entry.span, message);
            if word != "mod" {
                return;
            }
        }
        if let Some(message) = misplaced {
            return self.error(WrongFile, entry.span, message);
        }
        match known {
            Known::Method(method) => {
                if let Some(handler) = self.handler(entry, &format!("`{name}`")) {
                    self.exports.methods.push((method, handler));
                }
            }
            Known::Fallback => self.exports.fallback = self.handler(entry, "`fallback`"),
            Known::Load => self.exports.load = self.handler(entry, "`load`"),
            Known::Handle => self.exports.handle = self.handler(entry, "`handle`"),
            Known::HandleError => self.exports.handle_error = self.handler(entry, "`handle_error`"),
            Known::TrailingSlash => match entry.what {
                What::Other("const") | What::Use { .. } => self.exports.trailing_slash = true,
                _ => {
                    let word = entry.what.item_word();
                    let message = format!(
                        "`TRAILING_SLASH` must be a `const`, not a `{word}`: write `pub const \
                         TRAILING_SLASH: routekit::TrailingSlash = routekit::TrailingSlash::Always;`"
                    );
                    self.error(WrongItem, entry.span, message);
                }
            },
            Known::Actions => match entry.what {
                What::Mod { items: Some(items) } => self.check_actions(entry.span, items),
                What::Mod { items: None } => self.error(
                    ExportErrorKind::OutOfLineModule,
                    entry.span,
                    "`mod actions;` in a file of its own is not supported: write the actions \
                     inline, `pub mod actions { … }`"
                        .to_owned(),
                ),
                _ => {
                    let word = entry.what.item_word();
                    let message = format!(
                        "`actions` must be a module written in this file, not a `{word}`: write \
                         `pub mod actions {{ pub async fn default(…) {{ … }} }}`"
                    );
                    self.error(WrongItem, entry.span, message);
                }
            },
        }
    }

    /// A `pub` item whose name is not an export: a misspelling, or a helper.
    fn check_unknown(&mut self, entry: &Entry<'_>, has_load: bool, has_actions: bool) {
        let name = entry.name.as_str();
        if let What::Glob = entry.what {
            let message = format!(
                "`pub use {name}::*` hides what this file exports: name the items \
                 (`pub use {name}::{{…}};`) or make the import private (`use {name}::*;`)"
            );
            return self.error(ExportErrorKind::GlobReExport, entry.span, message);
        }
        if name.starts_with('_') {
            return;
        }
        let is_fn = matches!(entry.what, What::Fn { .. });
        let is_mod = matches!(entry.what, What::Mod { .. });
        let fn_or_alias = is_fn || matches!(entry.what, What::Use { renamed: true, .. });
        let did_you_mean = |known: &str| {
            format!("`{name}` is not an export routekit knows: did you mean `{known}`?")
        };
        // Another case or `_` placement of an export of this kind of file.
        let can_misspell = fn_or_alias
            || matches!(entry.what, What::Other("const" | "static"))
            || (is_mod && loose(name) == "actions");
        let same_but_case = self
            .kind
            .export_names()
            .iter()
            .find(|known| loose(known) == loose(name));
        let message = match self.kind {
            _ if can_misspell && same_but_case.is_some() => {
                did_you_mean(same_but_case.copied().unwrap_or_default())
            }
            RouteFileKind::Endpoint if fn_or_alias && is_upper(name) => {
                let closest = Method::ALL
                    .into_iter()
                    .map(|method| (distance(name, method.as_str()), method.as_str()))
                    .min()
                    .filter(|(distance, _)| *distance <= 2);
                match closest {
                    Some((_, method)) => did_you_mean(method),
                    None => format!(
                        "`{name}` is not an HTTP method routekit routes: handlers are `GET`, `POST`, \
                         `PUT`, `PATCH`, `DELETE`, `OPTIONS`, `HEAD` and `fallback` (rename it, or \
                         make it private)"
                    ),
                }
            }
            RouteFileKind::PageServer | RouteFileKind::LayoutServer
                if is_fn && !has_load && distance(name, "load") <= 1 =>
            {
                did_you_mean("load")
            }
            RouteFileKind::PageServer
                if is_mod && !has_actions && distance(name, "actions") <= 2 =>
            {
                did_you_mean("actions")
            }
            RouteFileKind::Hooks if is_fn && distance(name, "handle") <= 2 => {
                did_you_mean("handle")
            }
            RouteFileKind::Hooks if is_fn && distance(name, "handle_error") <= 2 => {
                did_you_mean("handle_error")
            }
            _ => return,
        };
        self.error(ExportErrorKind::Misspelt, entry.span, message);
    }

    /// `pub mod actions { … }`: every `pub` fn or re-export is an action.
    fn check_actions(&mut self, span: Span, items: &[Item]) {
        let mut actions = Actions::default();
        let mut any = false;
        let mut default_span = None;
        let mut named = Vec::new();
        for entry in entries(items) {
            let name = entry.name.as_str();
            if entry.vis != Vis::Pub
                || name == "default" && default_span.is_some()
                || named.iter().any(|named| named == name)
            {
                continue;
            }
            match entry.what {
                What::Glob => {
                    let message = format!(
                        "`pub use {name}::*` hides which actions `mod actions` has: name them \
                         (`pub use {name}::{{…}};`) or make the import private"
                    );
                    self.error(ExportErrorKind::GlobReExport, entry.span, message);
                    any = true;
                }
                What::Mod { .. } | What::Other("struct" | "enum" | "union" | "type" | "trait") => {}
                What::Fn { .. } | What::Use { .. }
                    if name != "default" && loose(name) == "default" =>
                {
                    let message = format!(
                        "`{name}` is not an export routekit knows: did you mean `default`?"
                    );
                    self.error(ExportErrorKind::Misspelt, entry.span, message);
                    any = true;
                }
                What::Fn { .. } | What::Use { .. } | What::Other(_) => {
                    any = true;
                    if name == "default" {
                        default_span = Some(entry.span);
                    } else {
                        named.push(name.to_owned());
                    }
                    let Some(handler) = self.handler(&entry, &format!("action `{name}`")) else {
                        continue;
                    };
                    if name == "default" {
                        actions.default = Some(handler);
                    } else {
                        actions.named.push(handler);
                    }
                }
            }
        }
        if !any {
            let message = "`mod actions` has no actions: add `pub async fn default(…)` or named \
                           actions, or remove the module";
            return self.error(ExportErrorKind::EmptyActions, span, message.to_owned());
        }
        if let Some(default_span) = default_span
            && !named.is_empty()
        {
            let names: Vec<String> = named.iter().map(|name| format!("`{name}`")).collect();
            let message = format!(
                "`default` cannot be mixed with named actions ({}): rename `default` or remove the \
                 named actions",
                names.join(", ")
            );
            self.error(ExportErrorKind::MixedActions, default_span, message);
        }
        self.exports.actions = Some(actions);
    }

    /// The handler an export defines; `what` names it in messages (`` `GET` ``, ``action `x` ``).
    fn handler(&mut self, entry: &Entry<'_>, what: &str) -> Option<Handler> {
        let name = &entry.name;
        let (line, column) = position(entry.span);
        let def = match entry.what {
            What::Use { ref path, .. } => HandlerDef::ReExport { path: path.clone() },
            What::Fn {
                is_async,
                returns_future,
                is_unsafe,
                arg_count,
                context_free,
            } => {
                let errors = self.errors.len();
                if is_unsafe {
                    let message = format!(
                        "{what} cannot be an `unsafe fn` (axum cannot call one): remove `unsafe`"
                    );
                    self.error(ExportErrorKind::Unsafe, entry.span, message);
                }
                if !is_async && !returns_future {
                    let message =
                        format!("{what} must be an `async fn`: write `pub async fn {name}`");
                    self.error(ExportErrorKind::NotAsync, entry.span, message);
                }
                if self.errors.len() > errors {
                    return None;
                }
                HandlerDef::Fn {
                    is_async,
                    arg_count,
                    context_free,
                }
            }
            _ => {
                let word = entry.what.item_word();
                let message = format!(
                    "{what} must be a function, not a `{word}`: write `pub async fn {name}(…)` or \
                     re-export one (`pub use path::to::handler as {name};`)"
                );
                self.error(ExportErrorKind::WrongItem, entry.span, message);
                return None;
            }
        };
        Some(Handler {
            name: name.clone(),
            line,
            column,
            def,
        })
    }
}

/// Why an export does not belong in this kind of file, if it does not.
fn misplaced(kind: RouteFileKind, known: Known, name: &str) -> Option<String> {
    use RouteFileKind::{Endpoint, Hooks, LayoutServer, PageServer};
    let message = match (known, kind) {
        (_, Hooks) if !matches!(known, Known::Handle | Known::HandleError) => format!(
            "`{name}` is a route export and `hooks.server.rs` is not a route: move it to a route \
             file (hooks export `handle` and `handle_error`)"
        ),
        (Known::Method(_) | Known::Fallback, PageServer | LayoutServer) => format!(
            "`{name}` is an HTTP handler and HTTP handlers go in `+server.rs`: move it to a \
             `+server.rs` next to this file"
        ),
        (Known::Load, Endpoint) => "endpoints have no `load`: move it to a `+page.server.rs` (or \
                                    `+layout.server.rs`) next to this file"
            .to_owned(),
        (Known::Actions, LayoutServer) => {
            "layouts have no `actions`: move `mod actions` to a `+page.server.rs`".to_owned()
        }
        (Known::Actions, Endpoint) => "endpoints have no `actions`: move `mod actions` to a \
                                       `+page.server.rs`, or handle the form in `POST`"
            .to_owned(),
        _ => return None,
    };
    Some(message)
}

/// A name without case or inner `_`: `trailingSlash` and `TRAILING_SLASH` are the same.
fn loose(name: &str) -> String {
    name.chars()
        .filter(|c| *c != '_')
        .flat_map(char::to_lowercase)
        .collect()
}

/// All ASCII uppercase letters, digits and `_`, with at least one letter: `GTE`, `TRACE`.
fn is_upper(name: &str) -> bool {
    name.chars().any(|c| c.is_ascii_uppercase())
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// The edit distance with adjacent transpositions (optimal string alignment): `GTE` is one
/// edit from `GET`.
fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut rows = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    rows[0] = (0..=b.len()).collect();
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use RouteFileKind::{Endpoint, LayoutServer, PageServer};

    fn path(kind: RouteFileKind) -> PathBuf {
        Path::new("src/routes/x").join(kind.file_name())
    }

    /// The exports in one line: `GET(async 1) POST(use crate::a) fallback(async 0) …`.
    fn summary(exports: &Exports) -> String {
        fn handler(handler: &Handler) -> String {
            match &handler.def {
                HandlerDef::Fn {
                    is_async: true,
                    arg_count,
                    ..
                } => format!("async {arg_count}"),
                HandlerDef::Fn { arg_count, .. } => format!("fn {arg_count}"),
                HandlerDef::ReExport { path } => format!("use {path}"),
            }
        }
        let mut parts = Vec::new();
        for (method, h) in &exports.methods {
            parts.push(format!("{method}({})", handler(h)));
        }
        let named = [
            ("fallback", &exports.fallback),
            ("load", &exports.load),
            ("handle", &exports.handle),
            ("handle_error", &exports.handle_error),
        ];
        for (name, h) in named {
            if let Some(h) = h {
                parts.push(format!("{name}({})", handler(h)));
            }
        }
        if let Some(actions) = &exports.actions {
            let all = actions.default.iter().chain(&actions.named);
            let all: Vec<String> = all.map(|h| format!("{}({})", h.name, handler(h))).collect();
            parts.push(format!("actions[{}]", all.join(" ")));
        }
        if exports.trailing_slash {
            parts.push("TRAILING_SLASH".to_owned());
        }
        parts.join(" ")
    }

    #[test]
    fn handlers_taking_nothing_or_their_params_are_context_free() {
        let source = "
            pub async fn GET() -> &'static str { \"\" }
            pub async fn POST(params: super::Params, again: super::Params) {}
            pub async fn PUT(params: Params) {}
            pub async fn PATCH(cookies: routekit::Cookies) {}
            pub async fn DELETE(params: super::Params, event: routekit::RequestEvent) {}
            pub async fn OPTIONS(p: crate::x::super::Params) {}
            pub use crate::api::head as HEAD;
            pub async fn fallback(params: super::Params<u8>) {}
        ";
        let exports = parse_exports(source, &path(Endpoint), Endpoint).expect("exports");
        let free = |h: &Handler| {
            matches!(
                h.def,
                HandlerDef::Fn {
                    context_free: true,
                    ..
                }
            )
        };
        let mut methods: Vec<(String, bool)> = exports
            .methods
            .iter()
            .map(|(method, h)| (method.to_string(), free(h)))
            .collect();
        methods.sort();
        let expected = [
            ("DELETE", false),
            ("GET", true),
            ("HEAD", false),
            ("OPTIONS", false),
            ("PATCH", false),
            ("POST", true),
            ("PUT", false),
        ];
        let expected: Vec<(String, bool)> = expected
            .iter()
            .map(|(m, f)| ((*m).to_owned(), *f))
            .collect();
        assert_eq!(methods, expected);
        assert!(!free(exports.fallback.as_ref().expect("fallback")));
    }

    /// Each error as `line:column kind: message`.
    fn errors(kind: RouteFileKind, source: &str) -> Vec<String> {
        match parse_exports(source, &path(kind), kind) {
            Ok(exports) => panic!("expected errors, got `{}`", summary(&exports)),
            Err(errors) => errors
                .iter()
                .map(|e| format!("{}:{} {}: {}", e.line, e.column, e.kind.as_str(), e.message))
                .collect(),
        }
    }

    #[test]
    fn valid_exports() {
        let cases: &[(RouteFileKind, &str, &str)] = &[
            (Endpoint, "", ""),
            (PageServer, "", ""),
            (LayoutServer, "", ""),
            (
                Endpoint,
                "pub async fn POST(body: String) {}\npub async fn GET() {}",
                "GET(async 0) POST(async 1)",
            ),
            (
                Endpoint,
                "pub async fn HEAD() {} pub async fn OPTIONS() {} pub async fn DELETE() {}
                 pub async fn PATCH() {} pub async fn PUT() {} pub async fn POST() {}
                 pub async fn GET(a: A, b: B) {} pub async fn fallback(req: Request) {}",
                "GET(async 2) POST(async 0) PUT(async 0) PATCH(async 0) DELETE(async 0) \
                 OPTIONS(async 0) HEAD(async 0) fallback(async 1)",
            ),
            (
                Endpoint,
                "pub use crate::api::list as GET;
                 pub use crate::api::POST;
                 pub use ::api::{PUT, remove as DELETE, fallback};
                 pub use crate::shared::TRAILING_SLASH;",
                "GET(use crate::api::list) POST(use crate::api::POST) PUT(use ::api::PUT) \
                 DELETE(use ::api::remove) fallback(use ::api::fallback) TRAILING_SLASH",
            ),
            (
                Endpoint,
                "pub fn GET() -> impl std::future::Future<Output = ()> { async {} }",
                "GET(fn 0)",
            ),
            (
                // Helpers: private, `_`-prefixed, snake_case, types, constants, tests.
                Endpoint,
                "use super::Params;
                 use crate::api::GET as get_all;
                 fn get() {}
                 fn load() {}
                 pub fn helper() {}
                 pub fn _GTE() {}
                 pub struct Get;
                 pub struct Load;
                 pub const MAX: usize = 3;
                 pub(crate) fn load_more() {}
                 pub(super) fn Get() {}
                 #[cfg(test)] mod tests { pub fn GTE() {} }
                 pub async fn GET() {}",
                "GET(async 0)",
            ),
            (
                Endpoint,
                "pub const TRAILING_SLASH: routekit::TrailingSlash = routekit::TrailingSlash::Always;",
                "TRAILING_SLASH",
            ),
            (
                PageServer,
                "pub async fn load(p: super::Params) -> Json<Data> { todo!() }
                 pub mod actions { pub async fn default(form: Form<F>) {} }",
                "load(async 1) actions[default(async 1)]",
            ),
            (
                PageServer,
                "pub mod actions { pub async fn r#default() {} }",
                "actions[default(async 0)]",
            ),
            (
                // `pub(crate)` exports too.
                PageServer,
                "pub(crate) async fn load() {}
                 pub(crate) mod actions { pub(crate) async fn default() {} }",
                "load(async 0) actions[default(async 0)]",
            ),
            (
                PageServer,
                "pub use crate::shared::load;
                 pub mod actions {
                     use super::*;
                     pub struct LoginForm { pub name: String }
                     fn check() {}
                     async fn helper() {}
                     pub(super) fn shared() {}
                     pub async fn login(f: Form<LoginForm>) {}
                     pub use crate::auth::register;
                     pub use crate::auth::out as logout;
                 }
                 pub const TRAILING_SLASH: routekit::TrailingSlash = routekit::TrailingSlash::Never;",
                "load(use crate::shared::load) actions[login(async 1) register(use \
                 crate::auth::register) logout(use crate::auth::out)] TRAILING_SLASH",
            ),
            (
                // Near `load`, but `load` exists: helpers.
                PageServer,
                "pub async fn load() {} pub fn laod() {} pub fn loads() {} pub fn read() {}",
                "load(async 0)",
            ),
            (
                // Two edits from `load` (`read`, `lock`) are helpers too.
                LayoutServer,
                "pub fn read() {} pub fn lock() {} pub fn log() {} pub mod action {}",
                "",
            ),
            (
                LayoutServer,
                "pub async fn load(parent: Parent) {} pub use crate::TRAILING_SLASH;",
                "load(async 1) TRAILING_SLASH",
            ),
            (
                // Odd `use` trees do not panic.
                Endpoint,
                "pub use self::{}; pub use crate::{self as _}; pub use api::{self};
                 pub use api::{self as GET};",
                "GET(use api)",
            ),
        ];
        for (kind, source, expected) in cases {
            match parse_exports(source, &path(*kind), *kind) {
                Ok(exports) => assert_eq!(summary(&exports), *expected, "{source}"),
                Err(errors) => panic!("{source}\n{errors:#?}"),
            }
        }
    }

    #[test]
    fn each_error() {
        let cases: &[(RouteFileKind, &str, &str)] = &[
            // Misspelt.
            (
                Endpoint,
                "pub async fn Get() {}",
                "1:14 misspelt: `Get` is not an export routekit knows: did you mean `GET`?",
            ),
            (
                Endpoint,
                "pub async fn get() {}",
                "1:14 misspelt: `get` is not an export routekit knows: did you mean `GET`?",
            ),
            (
                Endpoint,
                "pub async fn GTE() {}",
                "1:14 misspelt: `GTE` is not an export routekit knows: did you mean `GET`?",
            ),
            (
                Endpoint,
                "pub async fn DELTE() {}",
                "1:14 misspelt: `DELTE` is not an export routekit knows: did you mean `DELETE`?",
            ),
            (
                Endpoint,
                "pub async fn TRACE() {}",
                "1:14 misspelt: `TRACE` is not an HTTP method routekit routes: handlers are `GET`, \
                 `POST`, `PUT`, `PATCH`, `DELETE`, `OPTIONS`, `HEAD` and `fallback` (rename it, or \
                 make it private)",
            ),
            (
                Endpoint,
                "pub use crate::api::create as Post;",
                "1:31 misspelt: `Post` is not an export routekit knows: did you mean `POST`?",
            ),
            (
                Endpoint,
                "pub async fn Fallback() {}",
                "1:14 misspelt: `Fallback` is not an export routekit knows: did you mean `fallback`?",
            ),
            (
                Endpoint,
                "pub const trailingSlash: u8 = 0;",
                "1:11 misspelt: `trailingSlash` is not an export routekit knows: did you mean \
                 `TRAILING_SLASH`?",
            ),
            (
                PageServer,
                "pub async fn Load() {}",
                "1:14 misspelt: `Load` is not an export routekit knows: did you mean `load`?",
            ),
            (
                LayoutServer,
                "pub async fn LOAD() {}",
                "1:14 misspelt: `LOAD` is not an export routekit knows: did you mean `load`?",
            ),
            (
                LayoutServer,
                "pub async fn laod() {}",
                "1:14 misspelt: `laod` is not an export routekit knows: did you mean `load`?",
            ),
            (
                PageServer,
                "pub mod Actions { pub async fn default() {} }",
                "1:9 misspelt: `Actions` is not an export routekit knows: did you mean `actions`?",
            ),
            (
                PageServer,
                "pub mod action { pub async fn default() {} }",
                "1:9 misspelt: `action` is not an export routekit knows: did you mean `actions`?",
            ),
            (
                PageServer,
                "pub mod actions { pub async fn Default() {} }",
                "1:32 misspelt: `Default` is not an export routekit knows: did you mean `default`?",
            ),
            // Misplaced.
            (
                Endpoint,
                "pub async fn load() {}",
                "1:14 wrong_file: endpoints have no `load`: move it to a `+page.server.rs` (or \
                 `+layout.server.rs`) next to this file",
            ),
            (
                PageServer,
                "pub async fn GET() {}",
                "1:14 wrong_file: `GET` is an HTTP handler and HTTP handlers go in `+server.rs`: \
                 move it to a `+server.rs` next to this file",
            ),
            (
                LayoutServer,
                "pub use crate::api::any as fallback;",
                "1:28 wrong_file: `fallback` is an HTTP handler and HTTP handlers go in \
                 `+server.rs`: move it to a `+server.rs` next to this file",
            ),
            (
                LayoutServer,
                "pub mod actions { pub async fn default() {} }",
                "1:9 wrong_file: layouts have no `actions`: move `mod actions` to a \
                 `+page.server.rs`",
            ),
            (
                Endpoint,
                "pub mod actions { pub async fn default() {} }",
                "1:9 wrong_file: endpoints have no `actions`: move `mod actions` to a \
                 `+page.server.rs`, or handle the form in `POST`",
            ),
            // Not a function (or module, or const).
            (
                Endpoint,
                "pub const GET: u8 = 1;",
                "1:11 wrong_item: `GET` must be a function, not a `const`: write `pub async fn \
                 GET(…)` or re-export one (`pub use path::to::handler as GET;`)",
            ),
            (
                PageServer,
                "pub static load: u8 = 1;",
                "1:12 wrong_item: `load` must be a function, not a `static`: write `pub async fn \
                 load(…)` or re-export one (`pub use path::to::handler as load;`)",
            ),
            (
                PageServer,
                "pub async fn actions() {}",
                "1:14 wrong_item: `actions` must be a module written in this file, not a `fn`: \
                 write `pub mod actions { pub async fn default(…) { … } }`",
            ),
            (
                PageServer,
                "pub use crate::shared::actions;",
                "1:24 wrong_item: `actions` must be a module written in this file, not a `use`: \
                 write `pub mod actions { pub async fn default(…) { … } }`",
            ),
            (
                LayoutServer,
                "pub fn TRAILING_SLASH() {}",
                "1:8 wrong_item: `TRAILING_SLASH` must be a `const`, not a `fn`: write `pub const \
                 TRAILING_SLASH: routekit::TrailingSlash = routekit::TrailingSlash::Always;`",
            ),
            (
                PageServer,
                "pub mod actions { pub const login: u8 = 0; }",
                "1:29 wrong_item: action `login` must be a function, not a `const`: write `pub \
                 async fn login(…)` or re-export one (`pub use path::to::handler as login;`)",
            ),
            // Not async, unsafe.
            (
                Endpoint,
                "pub fn GET() {}",
                "1:8 not_async: `GET` must be an `async fn`: write `pub async fn GET`",
            ),
            (
                LayoutServer,
                "pub fn load() -> Json<u8> { todo!() }",
                "1:8 not_async: `load` must be an `async fn`: write `pub async fn load`",
            ),
            (
                PageServer,
                "pub mod actions {\n    pub fn login() {}\n}",
                "2:12 not_async: action `login` must be an `async fn`: write `pub async fn login`",
            ),
            (
                Endpoint,
                "pub async unsafe fn POST() {}",
                "1:21 unsafe: `POST` cannot be an `unsafe fn` (axum cannot call one): remove \
                 `unsafe`",
            ),
            // Not pub.
            (
                Endpoint,
                "async fn GET() {}",
                "1:10 not_public: `GET` is not `pub`, so routekit cannot see it: write `pub async \
                 fn GET`",
            ),
            (
                Endpoint,
                "pub(super) async fn POST() {}",
                "1:21 not_public: `POST` is not `pub`, so routekit cannot see it: write `pub async \
                 fn POST`",
            ),
            (
                LayoutServer,
                "fn load() {}",
                "1:4 not_public: `load` is not `pub`, so routekit cannot see it: write `pub async \
                 fn load`",
            ),
            (
                PageServer,
                "const TRAILING_SLASH: T = T::Always;",
                "1:7 not_public: `TRAILING_SLASH` is not `pub`, so routekit cannot see it: write \
                 `pub const TRAILING_SLASH`",
            ),
            // `mod actions`.
            (
                PageServer,
                "mod actions { pub async fn default() {} }",
                "1:5 not_public: `actions` is not `pub`, so routekit cannot see it: write `pub mod \
                 actions`",
            ),
            (
                PageServer,
                "pub mod actions;",
                "1:9 out_of_line_module: `mod actions;` in a file of its own is not supported: \
                 write the actions inline, `pub mod actions { … }`",
            ),
            (
                PageServer,
                "pub mod actions {}",
                "1:9 empty_actions: `mod actions` has no actions: add `pub async fn default(…)` or \
                 named actions, or remove the module",
            ),
            (
                PageServer,
                "pub mod actions { async fn helper() {} pub struct Form; }",
                "1:9 empty_actions: `mod actions` has no actions: add `pub async fn default(…)` or \
                 named actions, or remove the module",
            ),
            (
                PageServer,
                "pub mod actions {\n    pub async fn default() {}\n    pub async fn login() {}\n    \
                 pub async fn register() {}\n}",
                "2:18 mixed_actions: `default` cannot be mixed with named actions (`login`, \
                 `register`): rename `default` or remove the named actions",
            ),
            // Globs.
            (
                Endpoint,
                "pub use crate::api::*;",
                "1:21 glob_re_export: `pub use crate::api::*` hides what this file exports: name \
                 the items (`pub use crate::api::{…};`) or make the import private (`use \
                 crate::api::*;`)",
            ),
            (
                PageServer,
                "pub mod actions { pub use crate::forms::*; }",
                "1:41 glob_re_export: `pub use crate::forms::*` hides which actions `mod actions` \
                 has: name them (`pub use crate::forms::{…};`) or make the import private",
            ),
            // Syntax.
            (
                Endpoint,
                "pub async fn GET() {\n    let x = 1\n    x\n}",
                "3:5 syntax: not valid Rust: expected `;`",
            ),
            (
                Endpoint,
                "pub async fn GET() {\n    let s = \"abc;\n}\n",
                "2:13 syntax: not valid Rust: an unclosed or unmatched delimiter, an unterminated \
                 string or comment, or a character Rust does not accept",
            ),
            (
                Endpoint,
                "pub async fn GET() {}\n\npub fn\n\n",
                "3:7 syntax: not valid Rust: unexpected end of input, expected identifier",
            ),
        ];
        for (kind, source, expected) in cases {
            assert_eq!(errors(*kind, source), [*expected], "{source}");
        }
    }

    #[test]
    fn every_error_of_a_file_is_reported_in_order() {
        let source = "\
use super::Params;

pub async fn load() {}
pub fn GET() {}
pub async fn Post() {}
pub const PUT: u8 = 0;
pub mod actions {
    pub async fn default() {}
    pub fn login() {}
}
pub use crate::api::*;
";
        assert_eq!(
            errors(Endpoint, source),
            [
                "3:14 wrong_file: endpoints have no `load`: move it to a `+page.server.rs` (or \
                 `+layout.server.rs`) next to this file",
                "4:8 not_async: `GET` must be an `async fn`: write `pub async fn GET`",
                "5:14 misspelt: `Post` is not an export routekit knows: did you mean `POST`?",
                "6:11 wrong_item: `PUT` must be a function, not a `const`: write `pub async fn \
                 PUT(…)` or re-export one (`pub use path::to::handler as PUT;`)",
                "7:9 wrong_file: endpoints have no `actions`: move `mod actions` to a \
                 `+page.server.rs`, or handle the form in `POST`",
                "11:21 glob_re_export: `pub use crate::api::*` hides what this file exports: name \
                 the items (`pub use crate::api::{…};`) or make the import private (`use \
                 crate::api::*;`)",
            ]
        );
        // Inside `mod actions`: a sync action and the mix are both reported.
        let source = "mod actions {\n    pub async fn default() {}\n    pub fn login() {}\n}";
        assert_eq!(
            errors(PageServer, source),
            [
                "1:5 not_public: `actions` is not `pub`, so routekit cannot see it: write `pub mod \
                 actions`",
                "2:18 mixed_actions: `default` cannot be mixed with named actions (`login`): \
                 rename `default` or remove the named actions",
                "3:12 not_async: action `login` must be an `async fn`: write `pub async fn login`",
            ]
        );
    }

    #[test]
    fn columns_count_characters() {
        let source = "/* é ü */ pub async fn Get() {}";
        assert_eq!(
            errors(Endpoint, source),
            ["1:24 misspelt: `Get` is not an export routekit knows: did you mean `GET`?"]
        );
    }

    #[test]
    fn handlers_carry_their_position() {
        let exports = parse_exports(
            "\n  pub async fn GET() {}\npub mod actions { pub async fn go() {} }",
            &path(Endpoint),
            Endpoint,
        );
        let Err(errors) = exports else {
            panic!("`actions` in an endpoint")
        };
        assert_eq!((errors[0].line, errors[0].column), (3, 9));
        let exports = parse_exports("\n  pub async fn load() {}", &path(PageServer), PageServer);
        let load = exports.ok().and_then(|exports| exports.load);
        assert_eq!(load.map(|load| (load.line, load.column)), Some((2, 16)));
    }

    #[test]
    fn errors_display_with_path_line_and_column() {
        let errors = parse_exports("pub async fn get() {}", &path(Endpoint), Endpoint);
        let errors = errors.err().unwrap_or_default();
        assert_eq!(
            errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
            [
                "src/routes/x/+server.rs:1:14: `get` is not an export routekit knows: did you mean \
              `GET`?"
            ]
        );
    }

    #[test]
    fn read_exports_reads_the_file_or_says_why_not() {
        let dir = std::env::temp_dir().join(format!("routekit-exports-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        let file = dir.join("+server.rs");
        std::fs::write(&file, "pub async fn GET() {}\n").unwrap_or_else(|e| panic!("{e}"));
        let exports = read_exports(&file, Endpoint);
        assert_eq!(exports.map(|e| summary(&e)), Ok("GET(async 0)".to_owned()));

        let missing = dir.join("missing/+server.rs");
        let errors = read_exports(&missing, Endpoint).err().unwrap_or_default();
        std::fs::remove_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(errors.len(), 1);
        assert_eq!((errors[0].kind, errors[0].line), (ExportErrorKind::Io, 0));
        let shown = errors[0].to_string();
        let prefix = format!("{}: cannot read the route module (", missing.display());
        assert!(shown.starts_with(&prefix), "{shown}");
        assert!(
            shown.ends_with("): check that it is a readable UTF-8 file"),
            "{shown}"
        );
    }

    #[test]
    fn route_file_kinds() {
        assert_eq!(RouteFileKind::of(&RouteFile::Endpoint), Some(Endpoint));
        assert_eq!(RouteFileKind::of(&RouteFile::PageServer), Some(PageServer));
        assert_eq!(
            RouteFileKind::of(&RouteFile::LayoutServer),
            Some(LayoutServer)
        );
        assert_eq!(RouteFileKind::of(&RouteFile::ErrorTemplate), None);
        let names: Vec<&str> = Method::ALL.iter().map(|m| m.as_str()).collect();
        assert_eq!(
            names,
            ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"]
        );
        assert_eq!(Method::from_name("PATCH"), Some(Method::Patch));
        assert_eq!(Method::from_name("patch"), None);
    }

    #[test]
    fn hooks() {
        use RouteFileKind::Hooks;
        let source = "pub async fn handle(r: Request, next: Resolve) -> Response { next.run(r).await }\n\
                      pub async fn handle_error(e: UnexpectedError<'_>) -> Option<String> { None }";
        let exports = parse_exports(source, &path(Hooks), Hooks).expect("valid hooks");
        assert_eq!(summary(&exports), "handle(async 2) handle_error(async 1)");
        assert_eq!(
            errors(
                Hooks,
                "pub async fn handleError() {}\npub async fn load() {}"
            ),
            [
                "1:14 misspelt: `handleError` is not an export routekit knows: did you mean `handle_error`?",
                "2:14 wrong_file: `load` is a route export and `hooks.server.rs` is not a route: move it to a route file (hooks export `handle` and `handle_error`)",
            ]
        );
        assert_eq!(errors(Hooks, "pub async fn hadnle() {}").len(), 1);
        // In a route file, `handle` is a helper like any other.
        let exports = parse_exports("pub fn handle() {}", &path(PageServer), PageServer);
        assert_eq!(exports.map(|e| summary(&e)), Ok(String::new()));
    }

    #[test]
    fn edit_distance() {
        let cases = [
            ("GET", "GET", 0),
            ("GTE", "GET", 1),
            ("GE", "GET", 1),
            ("PUT", "GET", 2),
            ("laod", "load", 1),
            ("read", "load", 2),
            ("", "abc", 3),
            ("action", "actions", 1),
        ];
        for (a, b, expected) in cases {
            assert_eq!(distance(a, b), expected, "{a} {b}");
        }
    }
}
