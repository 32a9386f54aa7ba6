//! `#[derive(Routes)]`'s expansion: the routes folder turned into ordinary Rust code.
//!
//! For `#[derive(Routes)] struct App;` it emits, next to the struct:
//! - a module `app_routes` (`#[path = "."]`) holding one module per route folder, each with a
//!   relative `#[path]` to the folder, so that `+server.rs`, `+page.server.rs` and
//!   `+layout.server.rs` are real modules whose `super::Params` is the route's params struct;
//! - a module `params` with the matcher files, and the dispatch function `lookup`;
//! - `App::routes()`, `App::resolve(path)` and `App::lookup(path)`.
//!
//! Every problem of the tree becomes a compile error naming its file, all in one build; the
//! struct still gets a skeleton `impl` so that one mistake does not cascade.

mod attrs;
mod dispatch;
pub mod encode;
mod hooks;
mod matchers;
mod pages;
mod params;
mod partition;
mod paths;
mod route_module;
mod serve;
mod statics;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::DeriveInput;

use crate::exports::read_exports;
use crate::manifest::{Manifest, Route};
use crate::plan::build_plan;
pub use paths::relative_path;

use self::matchers::{MatcherKind, matcher_kind};

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
    let span = options.dir_span;
    let routes_dir = routes_dir(&options.dir, invocation);
    let shown = Shown::new(&options.dir, &routes_dir);
    let error_at = |message: String| syn::Error::new(span, message);
    // Folder errors do not stop the file checks: every problem of the tree shows in one build.
    let manifest = Manifest::from_dir(&routes_dir);
    let mut errors: Vec<syn::Error> = Vec::new();
    let (route_files_found, matchers) = match &manifest {
        Ok(manifest) => (
            manifest
                .routes
                .iter()
                .flat_map(|route| route_module::route_files(manifest, route))
                .collect::<Vec<_>>(),
            manifest.matchers.clone(),
        ),
        Err(tree_errors) => {
            errors.extend(
                tree_errors
                    .iter()
                    .map(|e| error_at(format!("{}: {}", shown.path(&e.path), e.message))),
            );
            let scanned = crate::scan::scan(&routes_dir);
            let files = scanned
                .dirs
                .iter()
                .flat_map(|dir| route_module::slot_files(&dir.slots))
                .collect();
            (
                files,
                crate::matchers::read_matchers(&crate::matchers::params_dir(&routes_dir)).0,
            )
        }
    };
    let mut matcher_kinds = BTreeMap::new();
    for matcher in &matchers {
        match matcher_kind(matcher) {
            Ok(kind) => {
                matcher_kinds.insert(matcher.name.clone(), kind);
            }
            Err(message) => errors.push(error_at(shown.text(&message))),
        }
    }
    let mut exports = serve::ExportsByFile::new();
    for (file, kind) in route_files_found {
        match read_exports(&file, kind) {
            Ok(found) => {
                exports.insert(file, (kind, found));
            }
            Err(file_errors) => {
                errors.extend(file_errors.iter().map(|e| error_at(shown.export_error(e))))
            }
        }
    }
    let hooks = match hooks::read_hooks(&routes_dir) {
        Ok(hooks) => hooks,
        Err(hook_errors) => {
            errors.extend(hook_errors.iter().map(|e| error_at(shown.export_error(e))));
            None
        }
    };
    if let Ok(manifest) = &manifest {
        errors.extend(pages::check_templates(manifest).iter().map(|e| {
            let line = e.line.map(|l| format!(":{l}")).unwrap_or_default();
            error_at(format!("{}{line}: {}", shown.path(&e.path), e.message))
        }));
    }
    let manifest = match manifest {
        Ok(manifest) if errors.is_empty() => manifest,
        _ => return Err(errors),
    };
    let base_dir = source_dir(invocation);
    let path_attrs = paths::PathAttrs::new(&base_dir, &routes_dir);
    let ident = &input.ident;
    let vis = &input.vis;
    let container = format_ident!("{}_routes", snake_case(&ident.to_string()));
    let servable: Vec<&Route> = manifest.servable_routes().collect();
    let plan = build_plan(servable.iter().map(|route| &route.pattern));
    let n = plan.max_params;
    let budget = options.function_budget.unwrap_or(partition::BUDGET);
    let lookup = dispatch::lookup_fn(&plan, budget);

    let module_names = module_names(&manifest.routes);
    let module_by_id: BTreeMap<&str, &syn::Ident> = manifest
        .routes
        .iter()
        .map(|route| route.id.as_str())
        .zip(&module_names)
        .collect();
    let module_of = |route: &Route| module_by_id[route.id.as_str()].clone();
    let rank_of: BTreeMap<&str, usize> = servable
        .iter()
        .enumerate()
        .map(|(rank, route)| (route.id.as_str(), rank))
        .collect();
    let route_context = route_module::Context {
        manifest: &manifest,
        exports: &exports,
        module_by_id: &module_by_id,
        matcher_kinds: &matcher_kinds,
        paths: &path_attrs,
    };
    let route_modules = manifest.routes.iter().filter_map(|route| {
        route_module::route_module(
            &route_context,
            route,
            rank_of.get(route.id.as_str()).copied(),
        )
    });
    let params_module = params_module(&manifest, &path_attrs, &matcher_kinds);
    let infos = servable.iter().map(|route| {
        let module = module_of(route);
        quote!(#module::INFO)
    });
    let param_counts: Vec<usize> = servable
        .iter()
        .map(|route| route.pattern.params.len())
        .collect();
    let module_of_id = |id: &str| module_by_id[id].clone();
    let page_items = pages::page_items(
        &manifest,
        &servable,
        &container,
        &module_of_id,
        &exports,
        &path_attrs,
    );
    let page_statics = &page_items.statics;
    let hooks_module = hooks::hooks_module(hooks.as_ref(), &path_attrs);
    let mut table_methods = page_items.methods.clone();
    table_methods.extend(hooks::hook_methods(hooks.as_ref(), &container));
    let serve = serve::route_table_impl(&serve::Table {
        ident,
        container: &container,
        servable: &servable,
        module_of: &module_of,
        exports: &exports,
        param_counts: &param_counts,
        page_methods: &table_methods,
        state: &options.state,
    });
    let route_count = servable.len();
    let untracked = untracked_warning(
        &routes_dir,
        &shown.path(&routes_dir),
        invocation,
        ident.span(),
    );

    let doc = format!(
        "The routes of `{}`, generated by `#[derive(Routes)]` on [`{ident}`].",
        options.dir
    );
    Ok(quote! {
        #[doc = #doc]
        #[path = "."]
        #[allow(non_snake_case)]
        #vis mod #container {
            /// The app state type (`#[routes(state = ...)]`), named where the derive is, so
            /// that the names in scope there resolve.
            #[allow(dead_code)]
            pub type State = <super::#ident as ::routekit::RouteTable>::State;

            #[allow(unused_imports)]
            use ::routekit::__private as __rk;

            #params_module

            #hooks_module

            #(#route_modules)*

            /// The manifest: every route with a page or an endpoint, in priority order.
            pub static ROUTES: [::routekit::RouteInfo; #route_count] = [#(#infos),*];

            #page_statics

            #lookup
        }

        impl #ident {
            /// Every route with a page or an endpoint, in SvelteKit's priority order.
            pub fn routes() -> &'static [::routekit::RouteInfo] {
                &#container::ROUTES
            }

            /// The route a raw request path (percent-encoded, no query) reaches, with its
            /// params percent-decoded; `None` when no route matches or the path's encoding is
            /// malformed.
            pub fn resolve(path: &str) -> ::core::option::Option<::routekit::Match> {
                let decoded = ::routekit::decode_pathname(path).ok()?;
                ::routekit::__private::to_match(&#container::ROUTES, &#container::lookup(&decoded))
            }

            /// The low-level lookup: the rank and raw param values of the route a decoded path
            /// (`routekit::decode_pathname`'s output) reaches. Allocates nothing.
            pub fn lookup<'p>(decoded: &'p str) -> ::routekit::__private::RawMatch<'p, #n> {
                #container::lookup(decoded)
            }
        }

        #serve

        #untracked
    })
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

    fn export_error(&self, error: &crate::exports::ExportError) -> String {
        let path = self.path(&error.path);
        if error.line == 0 {
            format!("{path}: {}", error.message)
        } else {
            format!("{path}:{}:{}: {}", error.line, error.column, error.message)
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

/// The folder `#[path]` attributes are relative to: the folder of the file holding the derive.
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

/// `params` with every matcher file as a module, and one function per matcher that answers
/// whether it accepts a value.
fn params_module(
    manifest: &Manifest,
    paths: &paths::PathAttrs,
    kinds: &BTreeMap<String, MatcherKind>,
) -> TokenStream {
    if manifest.matchers.is_empty() {
        return quote!();
    }
    let dir = crate::matchers::params_dir(&manifest.routes_dir);
    let dir_attr = paths.attr(&dir);
    let modules = manifest.matchers.iter().map(|matcher| {
        let name = params::field_ident(&matcher.name);
        let file = format!("{}.rs", matcher.name);
        quote!(#[path = #file] pub mod #name;)
    });
    let functions = manifest.matchers.iter().map(|matcher| {
        let module = params::field_ident(&matcher.name);
        let f = dispatch::matcher_fn(&matcher.name);
        match &kinds[&matcher.name] {
            MatcherKind::Matches => quote! {
                #[inline]
                #[allow(dead_code)]
                fn #f(value: &str) -> bool { params::#module::matches(value) }
            },
            MatcherKind::Parse(ty) => {
                let ty: syn::Type =
                    syn::parse_str(ty).unwrap_or_else(|_| syn::parse_quote!(::std::string::String));
                let types = format_ident!("__routekit_type_of_{}", matcher.name);
                quote! {
                    #[inline]
                    #[allow(dead_code)]
                    fn #f(value: &str) -> bool { params::#module::parse(value).is_some() }
                    #[doc(hidden)]
                    pub mod #types {
                        #[allow(unused_imports)]
                        use super::params::#module::*;
                        /// The type `parse` returns.
                        pub type T = #ty;
                    }
                }
            }
        }
    });
    quote! {
        /// The param matchers (`params/*.rs`).
        #[path = #dir_attr]
        pub mod params {
            #(#modules)*
        }
        #(#functions)*
    }
}

/// One module name per route folder: the id's words joined with `_` (`/blog/[slug]` →
/// `blog_slug`, `/` → `root`), made unique in walk order.
fn module_names(routes: &[Route]) -> Vec<syn::Ident> {
    let mut taken: BTreeMap<String, usize> = BTreeMap::new();
    routes
        .iter()
        .map(|route| {
            let mut name = snake_case(&route.id);
            if name.is_empty() {
                name = "root".to_owned();
            }
            if name.starts_with(|c: char| c.is_ascii_digit())
                || syn::parse_str::<syn::Ident>(&name).is_err()
            {
                name = format!("r_{name}");
            }
            let count = taken.entry(name.clone()).or_default();
            *count += 1;
            if *count > 1 {
                name = format!("{name}_{count}");
            }
            format_ident!("{}", name)
        })
        .collect()
}

/// Lowercase words of ASCII letters and digits joined with `_`.
fn snake_case(text: &str) -> String {
    let mut out = String::new();
    let mut previous_lower = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if c.is_ascii_uppercase() && previous_lower {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
            previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        } else {
            if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
            previous_lower = false;
        }
    }
    out.trim_end_matches('_').to_owned()
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
