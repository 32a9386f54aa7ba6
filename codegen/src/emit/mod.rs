//! `#[derive(Routes)]`'s expansion: the routes folder turned into ordinary Rust code.
//!
//! For `#[derive(Routes)] struct App;` it emits, next to the struct:
//! - a module `app_routes` (its `#[path]` the routes folder) holding one module per route
//!   folder, each with a relative `#[path]` to the folder, so that `+server.rs`, `+page.server.rs` and
//!   `+layout.server.rs` are real modules whose `super::Params` is the route's params (a
//!   struct, or for a route without params an alias of `routekit::NoParams`);
//! - a module `params` with the matcher files, and the dispatch function `lookup`;
//! - `App::routes()`, `App::resolve(path)` and `App::lookup(path)`.
//!
//! `generate` writes the container module's body (with `bind`'s `mod` declarations), and the
//! derive wraps it in the container module. When the build script's `track` has already
//! generated the body for this folder (`prebuilt`), the derive emits that output, read back as
//! tokens: it then reads two files instead of walking and parsing the tree.
//!
//! Every problem of the tree becomes a compile error naming its file, all in one build; the
//! struct still gets a skeleton `impl` so that one mistake does not cascade.

mod attrs;
mod bind;
mod dispatch;
pub mod encode;
mod generate;
mod hooks;
mod matchers;
mod names;
mod pages;
mod params;
mod partition;
mod paths;
mod prebuilt;
mod route_module;
mod serve;
mod statics;

use std::path::{Path, PathBuf};

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::DeriveInput;

pub use paths::relative_path;

use self::bind::Container;

/// Where the derive was invoked.
#[derive(Debug, Clone)]
pub struct Invocation {
    /// The crate's manifest folder (`CARGO_MANIFEST_DIR`).
    pub manifest_dir: PathBuf,
    /// The source file holding the derive, if the compiler says (`Span::local_file`); otherwise
    /// `src/main.rs` or `src/lib.rs` is assumed.
    pub source_file: Option<PathBuf>,
    /// The routes folders the build script tracks (`routekit_codegen::track`), if any.
    pub tracked: Vec<PathBuf>,
    /// The crate's `OUT_DIR`, where `track` leaves the items it generated, if any.
    pub out_dir: Option<PathBuf>,
    /// Turns the text of `track`'s output back into tokens ([`checked_lex`] anywhere; the
    /// derive passes the compiler's own lexer).
    pub lex: Lexer,
}

/// Turns Rust source text into tokens; `None` if it does not lex.
pub type Lexer = fn(&str) -> Option<TokenStream>;

/// A [`Lexer`] for any context: proc-macro2's. Inside a proc macro it lexes the text twice
/// (with its own lexer first, so that an error cannot poison the compilation), which is
/// slow for megabytes of text in a macro built without optimizations.
pub fn checked_lex(text: &str) -> Option<TokenStream> {
    text.parse().ok()
}

/// Expands `#[derive(Routes)]` on `input`.
pub fn expand_derive(input: TokenStream, invocation: &Invocation) -> TokenStream {
    let input: DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(error) => return error.into_compile_error(),
    };
    match expand(&input, invocation) {
        Ok(tokens) => tokens,
        Err(errors) => {
            let errors = errors.iter().map(syn::Error::to_compile_error);
            let skeleton = skeleton(&input);
            quote!(#(#errors)* #skeleton)
        }
    }
}

fn expand(input: &DeriveInput, invocation: &Invocation) -> Result<TokenStream, Vec<syn::Error>> {
    let options = attrs::parse_options(input).map_err(|e| vec![e])?;
    let routes_dir = routes_dir(&options.dir, invocation);
    let shown = Shown::new(&options.dir, &routes_dir);
    let ident = &input.ident;
    let source_dir = source_dir(invocation);
    let untracked = untracked_warning(
        &routes_dir,
        &shown.path(&routes_dir),
        invocation,
        ident.span(),
    );
    // What the build script generated for this folder, if it did: only the container module
    // is left to do here.
    let prebuilt = invocation
        .out_dir
        .as_deref()
        .filter(|_| options.function_budget.is_none() && untracked.is_empty())
        .and_then(|out_dir| prebuilt::find(out_dir, &routes_dir, invocation.lex));
    let body = match prebuilt {
        Some(body) => body,
        None => {
            let tree = generate::analyze(&routes_dir).map_err(|problems| {
                problems
                    .iter()
                    .map(|problem| syn::Error::new(options.dir_span, shown.problem(problem)))
                    .collect::<Vec<_>>()
            })?;
            let budget = options.function_budget.unwrap_or(partition::BUDGET);
            let templates = paths::PathAttrs::new(&source_dir, &routes_dir);
            generate::generate(&tree, budget, &templates)
        }
    };
    Ok(Container {
        input,
        state: &options.state,
        name: &format_ident!("{}_routes", names::snake_case(&ident.to_string())),
        doc: format!(
            "The routes of `{}`, generated by `#[derive(Routes)]` on [`{ident}`].",
            options.dir
        ),
        routes_attr: paths::container_attr(&routes_dir),
        body,
        untracked,
    }
    .tokens())
}

/// Whether the derive finds usable output of `track` for `routes_dir` in `out_dir` (it then
/// emits that output instead of generating the items itself).
pub fn has_prebuilt(out_dir: &Path, routes_dir: &Path) -> bool {
    prebuilt::find(out_dir, routes_dir, checked_lex).is_some()
}

/// Generates the items for the routes folder `routes_dir` (absolute) and writes them to
/// `out_dir` for the derive to include (`track`'s share of the work). A tree with problems
/// gets nothing written (and what an earlier run wrote is removed): the derive then reads the
/// tree itself and reports each problem as a compile error naming its file.
pub fn prebuild(routes_dir: &Path, out_dir: &Path) -> std::io::Result<()> {
    let canonical = std::fs::canonicalize(routes_dir)?;
    prebuilt::remove_stale(out_dir);
    match generate::analyze(routes_dir) {
        Ok(tree) => {
            let fingerprint = prebuilt::Fingerprint::new(tree.fingerprint());
            if prebuilt::is_current(out_dir, &canonical, &fingerprint) {
                return Ok(());
            }
            let body = generate::generate(&tree, partition::BUDGET, &paths::PathAttrs::absolute());
            let written = prebuilt::write(out_dir, &canonical, &fingerprint, &body);
            // Half-written output must not stay: the derive would read it on every compile.
            if written.is_err() {
                prebuilt::remove(out_dir, &canonical);
            }
            written
        }
        Err(_) => {
            prebuilt::remove(out_dir, &canonical);
            Ok(())
        }
    }
}

/// What the struct gets when the tree has errors: the same methods, answering nothing, so that
/// code using them keeps compiling and only the real errors show.
fn skeleton(input: &DeriveInput) -> TokenStream {
    let ident = &input.ident;
    quote! {
        impl #ident {
            /// Every route (none: the routes folder has errors).
            pub fn routes() -> &'static [::routekit::RouteInfo] { &[] }
            /// Resolves a path (never: the routes folder has errors).
            pub fn resolve(_path: &str) -> ::core::option::Option<::routekit::Match> { ::core::option::Option::None }
        }
    }
}

/// Paths as error messages show them: under the routes folder's parent, spelled the way `dir`
/// was written (`src/routes/blog/+page.html`, `./case/routes/[a][b]`), so that messages name
/// the files the user knows and never depend on where the crate is built.
struct Shown {
    real_base: PathBuf,
    shown_base: PathBuf,
}

impl Shown {
    fn new(dir: &str, routes_dir: &Path) -> Self {
        let parent = |p: &Path| p.parent().map(Path::to_path_buf).unwrap_or_default();
        Shown {
            real_base: parent(routes_dir),
            shown_base: parent(Path::new(dir)),
        }
    }

    fn path(&self, path: &Path) -> String {
        match path.strip_prefix(&self.real_base) {
            Ok(rest) => self.shown_base.join(rest).display().to_string(),
            Err(_) => path.display().to_string(),
        }
    }

    /// `text` with the real base folder replaced by the shown one.
    fn text(&self, text: &str) -> String {
        let real = self.real_base.display().to_string();
        if real.is_empty() {
            return text.to_owned();
        }
        let shown = self.shown_base.display().to_string();
        let replacement = if shown.is_empty() {
            String::new()
        } else {
            format!("{shown}/")
        };
        text.replace(&format!("{real}/"), &replacement)
    }

    fn problem(&self, problem: &generate::Problem) -> String {
        match &problem.path {
            Some(path) => format!("{}{}: {}", self.path(path), problem.place, problem.message),
            None => self.text(&problem.message),
        }
    }
}

/// The routes folder: `./x` and `../x` are relative to the file holding the derive (as with
/// `include_str!`), any other relative path to the crate's manifest folder.
fn routes_dir(dir: &str, invocation: &Invocation) -> PathBuf {
    if dir.starts_with("./") || dir.starts_with("../") {
        source_dir(invocation).join(dir)
    } else {
        invocation.manifest_dir.join(dir)
    }
}

/// The folder of the file holding the derive, which `include_str!`s and `./`-relative routes
/// folders are relative to.
fn source_dir(invocation: &Invocation) -> PathBuf {
    match &invocation.source_file {
        Some(file) => {
            let file = if file.is_absolute() {
                file.clone()
            } else {
                std::env::current_dir()
                    .map(|cwd| cwd.join(file))
                    .unwrap_or_else(|_| file.clone())
            };
            file.parent().map(Path::to_path_buf).unwrap_or_default()
        }
        None => invocation.manifest_dir.join("src"),
    }
}

/// A warning (through a deprecated item, the one way a derive can warn) when no build script
/// tracks this routes folder: adding or removing route files would not rebuild the app.
fn untracked_warning(
    routes_dir: &Path,
    shown_dir: &str,
    invocation: &Invocation,
    span: Span,
) -> TokenStream {
    let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let dir = canonical(routes_dir);
    if invocation
        .tracked
        .iter()
        .any(|tracked| canonical(tracked) == dir)
    {
        return quote!();
    }
    let note = format!(
        "`{}` is not tracked by a build script: cargo will not rebuild when a route file is added, removed or renamed. Add `build.rs` with `fn main() {{ routekit_codegen::track(\"{}\"); }}` and `routekit-codegen` under `[build-dependencies]`",
        shown_dir,
        relative_path(&invocation.manifest_dir, routes_dir).display()
    );
    // The use carries the user's span: lints are silenced in code that comes from a macro.
    let name = format_ident!("routekit_routes_folder_is_not_tracked", span = span);
    let item = format_ident!("routekit_routes_folder_is_not_tracked");
    quote::quote_spanned! {span=>
        const _: () = {
            #[deprecated(note = #note)]
            #[allow(non_upper_case_globals)]
            const #item: () = ();
            #name
        };
    }
}
