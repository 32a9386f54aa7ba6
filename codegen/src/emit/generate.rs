//! The generated items of a tree: everything inside the container module (with `bind`'s
//! `mod` declarations). They name nothing from the derive's input (the struct is `__App`, its
//! state `State`), so that the build script can generate them as well as the derive.
//!
//! They carry no lint `#[allow]`: the compiler leaves its lints out of a macro's expansion and
//! clippy's lints skip it (tested under strict levels by `strict_lints`), and an allow would be
//! an error where the user forbids the lint.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::bind::{self, BindPlan, BindRoute};
use super::matchers::{MatcherKind, matcher_kind};
use super::paths::PathAttrs;
use super::{dispatch, hooks, pages, params, route_module, serve};
use crate::exports::{Exports, read_exports};
use crate::manifest::{Manifest, Route};
use crate::plan::build_plan;

/// A tree read and checked: the manifest and what every file exports.
pub struct Tree {
    /// The routes.
    pub manifest: Manifest,
    /// The exports of every `.rs` route file.
    pub exports: serve::ExportsByFile,
    /// The kind of each matcher, by name.
    pub matcher_kinds: BTreeMap<String, MatcherKind>,
    /// The hooks file and its exports, if there is one.
    pub hooks: Option<(PathBuf, Exports)>,
}

impl Tree {
    /// A fingerprint of everything the generated items depend on: when it is unchanged (an
    /// edit inside a handler's body), the items are too and need not be generated again.
    pub fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        format!(
            "{:?}{:?}{:?}{:?}",
            self.manifest, self.exports, self.matcher_kinds, self.hooks
        )
        .hash(&mut hasher);
        hasher.finish()
    }
}

/// One problem of a tree: the file and the message (with the file's line when known).
pub struct Problem {
    /// The file or folder (`None`: the message names it).
    pub path: Option<PathBuf>,
    /// Where in the file, when known: `:line` or `:line:column`.
    pub place: String,
    /// What is wrong.
    pub message: String,
}

/// Reads `routes_dir`: every problem of the tree at once, or the tree.
pub fn analyze(routes_dir: &Path) -> Result<Tree, Vec<Problem>> {
    let problem = |path: &Path, place: String, message: String| Problem {
        path: Some(path.to_path_buf()),
        place,
        message,
    };
    // Folder errors do not stop the file checks: every problem of the tree shows in one build.
    let manifest = Manifest::from_dir(routes_dir);
    let mut problems: Vec<Problem> = Vec::new();
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
            problems.extend(
                tree_errors
                    .iter()
                    .map(|e| problem(&e.path, String::new(), e.message.clone())),
            );
            let scanned = crate::scan::scan(routes_dir);
            let files = scanned
                .dirs
                .iter()
                .flat_map(|dir| route_module::slot_files(&dir.slots))
                .collect();
            (
                files,
                crate::matchers::read_matchers(&crate::matchers::params_dir(routes_dir)).0,
            )
        }
    };
    let mut matcher_kinds = BTreeMap::new();
    for matcher in &matchers {
        match matcher_kind(matcher) {
            Ok(kind) => {
                matcher_kinds.insert(matcher.name.clone(), kind);
            }
            // The message names the file itself.
            Err(message) => problems.push(Problem {
                path: None,
                place: String::new(),
                message,
            }),
        }
    }
    let export_problem = |e: &crate::exports::ExportError| {
        let place = if e.line == 0 {
            String::new()
        } else {
            format!(":{}:{}", e.line, e.column)
        };
        problem(&e.path, place, e.message.clone())
    };
    let mut exports = serve::ExportsByFile::new();
    for (file, kind) in route_files_found {
        match read_exports(&file, kind) {
            Ok(found) => {
                exports.insert(file, (kind, found));
            }
            Err(file_errors) => problems.extend(file_errors.iter().map(export_problem)),
        }
    }
    let hooks = match hooks::read_hooks(routes_dir) {
        Ok(hooks) => hooks,
        Err(hook_errors) => {
            problems.extend(hook_errors.iter().map(export_problem));
            None
        }
    };
    if let Ok(manifest) = &manifest {
        problems.extend(pages::check_templates(manifest).iter().map(|e| {
            let place = e.line.map(|l| format!(":{l}")).unwrap_or_default();
            problem(&e.path, place, e.message.clone())
        }));
    }
    match manifest {
        Ok(manifest) if problems.is_empty() => Ok(Tree {
            manifest,
            exports,
            matcher_kinds,
            hooks,
        }),
        _ => Err(problems),
    }
}

/// The generated items, by where the derive puts them.
#[derive(Debug, Default)]
pub struct Items {
    /// The items inside each route folder's module, by module name.
    pub route_items: BTreeMap<String, TokenStream>,
    /// The other items, inside the container module.
    pub rest: TokenStream,
}

/// Generates the container module's body for `tree` (the items and the `mod` declarations);
/// `budget` is the dispatch's function budget, `paths` writes the templates' `include_str!`
/// paths.
pub fn generate(tree: &Tree, budget: usize, paths: &PathAttrs) -> TokenStream {
    let Tree {
        manifest,
        exports,
        matcher_kinds,
        hooks,
    } = tree;
    let servable: Vec<&Route> = manifest.servable_routes().collect();
    let plan = build_plan(servable.iter().map(|route| &route.pattern));
    let n = plan.max_params;
    let lookup = dispatch::lookup_fn(&plan, budget);

    let module_names =
        super::names::module_names(manifest.routes.iter().map(|route| route.id.as_str()));
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
        manifest,
        exports,
        module_by_id: &module_by_id,
        matcher_kinds,
    };
    let route_items: BTreeMap<String, TokenStream> = manifest
        .routes
        .iter()
        .filter_map(|route| {
            let items = route_module::route_items(
                &route_context,
                route,
                rank_of.get(route.id.as_str()).copied(),
            )?;
            Some((module_of(route).to_string(), items))
        })
        .collect();
    let bind_routes: Vec<BindRoute> = manifest
        .routes
        .iter()
        .filter_map(|route| route_module::bind_route(&route_context, route))
        .collect();
    let infos = servable.iter().map(|route| {
        let module = module_of(route);
        quote!(#module::INFO)
    });
    let param_counts: Vec<usize> = servable
        .iter()
        .map(|route| route.pattern.params.len())
        .collect();
    let module_of_id = |id: &str| module_by_id[id].clone();
    let page_items = pages::page_items(manifest, &servable, &module_of_id, exports, paths);
    let page_statics = &page_items.statics;
    let mut table_methods = page_items.methods.clone();
    table_methods.extend(hooks::hook_methods(hooks.as_ref()));
    let serve = serve::route_table_impl(&serve::Table {
        servable: &servable,
        module_of: &module_of,
        exports,
        param_counts: &param_counts,
        page_methods: &table_methods,
    });
    let route_count = servable.len();
    let (matcher_functions, matcher_types) = matcher_items(manifest, matcher_kinds);
    let items = quote! {
        #matcher_types

        // The rest of the generated items, in a module of their own.
        mod __generated {
            use super::*;
            use ::routekit::__private as __rk;

            #matcher_functions

            /// The manifest: every route with a page or an endpoint, in priority order.
            pub static ROUTES: [::routekit::RouteInfo; #route_count] = [#(#infos),*];

            #page_statics

            #lookup

            impl __App {
                /// Every route with a page or an endpoint, in SvelteKit's priority order.
                pub fn routes() -> &'static [::routekit::RouteInfo] {
                    &ROUTES
                }

                /// The route a raw request path (percent-encoded, no query) reaches, with its
                /// params percent-decoded; `None` when no route matches or the path's encoding
                /// is malformed.
                pub fn resolve(path: &str) -> ::core::option::Option<::routekit::Match> {
                    let decoded = ::routekit::decode_pathname(path).ok()?;
                    ::routekit::__private::to_match(&ROUTES, &lookup(&decoded))
                }

                /// The low-level lookup: the rank and raw param values of the route a decoded
                /// path (`routekit::decode_pathname`'s output) reaches. Allocates nothing.
                pub fn lookup<'p>(decoded: &'p str) -> ::routekit::__private::RawMatch<'p, #n> {
                    lookup(decoded)
                }
            }

            #serve
        }
    };
    let params = (!manifest.matchers.is_empty()).then(|| {
        (
            crate::matchers::params_dir(&manifest.routes_dir),
            manifest.matchers.iter().map(|m| m.name.clone()).collect(),
        )
    });
    let plan = BindPlan {
        routes_dir: manifest.routes_dir.clone(),
        routes: bind_routes,
        params,
        hooks: hooks.as_ref().map(|(file, _)| file.clone()),
    };
    let items = Items {
        route_items,
        rest: items,
    };
    bind::body(&plan, &items)
}

/// One function per matcher that answers whether it accepts a value, and for a typed matcher
/// a module naming the type its `parse` returns (named by the routes' `Params`).
fn matcher_items(
    manifest: &Manifest,
    kinds: &BTreeMap<String, MatcherKind>,
) -> (TokenStream, TokenStream) {
    let mut functions = TokenStream::new();
    let mut types = TokenStream::new();
    for matcher in &manifest.matchers {
        let module = params::field_ident(&matcher.name);
        let f = dispatch::matcher_fn(&matcher.name);
        match &kinds[&matcher.name] {
            MatcherKind::Matches => functions.extend(quote! {
                #[inline]
                fn #f(value: &str) -> bool { params::#module::matches(value) }
            }),
            MatcherKind::Parse(ty) => {
                let ty: syn::Type =
                    syn::parse_str(ty).unwrap_or_else(|_| syn::parse_quote!(::std::string::String));
                let type_module = format_ident!("__routekit_type_of_{}", matcher.name);
                functions.extend(quote! {
                    #[inline]
                    fn #f(value: &str) -> bool { params::#module::parse(value).is_some() }
                });
                types.extend(quote! {
                    #[doc(hidden)]
                    pub mod #type_module {
                        use super::params::#module::*;
                        /// The type `parse` returns.
                        pub type T = #ty;
                    }
                });
            }
        }
    }
    (functions, types)
}
