//! Emits the module of one route folder: its id, its manifest entry, its `Params`, and its `.rs`
//! route files as child modules, with `#[path]`s relative to the routes folder (so the build
//! script can write it, see `prebuilt`).
//!
//! The manifest entry lives here rather than in one big initializer of every route: a
//! 1,000-entry initializer costs more to borrow-check than the same entries split up. (The
//! endpoint calls stay one `match` in `serve.rs`: split into a function per route they cost
//! more to type-check.)

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::bind::BindRoute;
use super::matchers::MatcherKind;
use super::serve::ExportsByFile;
use super::{params, paths};
use crate::exports::RouteFileKind;
use crate::manifest::{Component, Manifest, Route};

/// What every route module needs to know about the whole tree.
pub struct Context<'a> {
    /// The routes.
    pub manifest: &'a Manifest,
    /// The exports of every `.rs` route file.
    pub exports: &'a ExportsByFile,
    /// The module name of each route, by id.
    pub module_by_id: &'a BTreeMap<&'a str, &'a syn::Ident>,
    /// The matchers, by name.
    pub matcher_kinds: &'a BTreeMap<String, MatcherKind>,
}

/// The generated items of one route folder's module (`rank` is its place among the servable
/// routes): its id, and for a servable route its manifest entry and `Params`. Folders with no
/// route file and nothing to serve get no module, and nothing.
pub fn route_items(
    context: &Context<'_>,
    route: &Route,
    rank: Option<usize>,
) -> Option<TokenStream> {
    if route_files(context.manifest, route).is_empty() && !route.is_servable() {
        return None;
    }
    let id = &route.id;
    let servable = rank.map(|rank| {
        let params = params::params_struct(id, rank, &route.pattern, context.matcher_kinds);
        let info = route_info(context, route);
        quote! {
            // Short paths: the expansion is parsed token by token. The prelude's names are
            // safe here too: this module holds only generated items.
            use ::routekit::__private as __rk;
            /// The route's entry in the manifest (`App::routes()`).
            pub const INFO: ::routekit::RouteInfo = #info;
            #params
        }
    });
    Some(quote! {
        /// The route id.
        pub const ID: &str = #id;
        #servable
    })
}

/// A route folder's module as the derive declares it, with its `.rs` route files.
pub fn bind_route(context: &Context<'_>, route: &Route) -> Option<BindRoute> {
    let files = route_files(context.manifest, route);
    if files.is_empty() && !route.is_servable() {
        return None;
    }
    Some(BindRoute {
        id: route.id.clone(),
        module: context.module_by_id[route.id.as_str()].to_string(),
        dir: route.dir.clone(),
        files: files
            .into_iter()
            .map(|(file, kind)| {
                let name = file
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                (name, file_module(kind).to_string())
            })
            .collect(),
    })
}

/// The module of one route folder: a relative `#[path]` to the folder, the generated `items`,
/// and the `.rs` route files as child modules.
pub fn route_module(
    route: &BindRoute,
    paths: &paths::PathAttrs,
    items: &TokenStream,
) -> TokenStream {
    let name = format_ident!("{}", route.module);
    let dir_attr = paths.attr(&route.dir);
    let files = route.files.iter().map(|(file, module)| {
        let module = format_ident!("{}", module);
        quote!(#[path = #file] pub mod #module;)
    });
    let doc = format!("The route `{}`.", route.id);
    quote! {
        #[doc = #doc]
        #[path = #dir_attr]
        pub mod #name {
            #items
            #(#files)*
        }
    }
}

/// The name of a route file's module.
fn file_module(kind: RouteFileKind) -> syn::Ident {
    format_ident!(
        "{}",
        match kind {
            RouteFileKind::Endpoint => "server",
            RouteFileKind::PageServer => "page_server",
            RouteFileKind::LayoutServer => "layout_server",
            RouteFileKind::Hooks => "hooks",
        }
    )
}

/// The `.rs` route files of a scanned folder, with their kinds.
pub fn slot_files(slots: &crate::scan::Slots) -> Vec<(PathBuf, RouteFileKind)> {
    [
        (&slots.endpoint, RouteFileKind::Endpoint),
        (&slots.page_server, RouteFileKind::PageServer),
        (&slots.layout_server, RouteFileKind::LayoutServer),
    ]
    .into_iter()
    .filter_map(|(file, kind)| file.clone().map(|file| (file, kind)))
    .collect()
}

/// The `.rs` route files of a route folder, with their kinds, from what the scan found (the
/// page's own server module, the folder's layout server module, the endpoint).
pub fn route_files(manifest: &Manifest, route: &Route) -> Vec<(PathBuf, RouteFileKind)> {
    let mut files = Vec::new();
    if let Some(endpoint) = &route.endpoint {
        files.push((endpoint.clone(), RouteFileKind::Endpoint));
    }
    let own_server = |node: Option<usize>| {
        let node = &manifest.nodes[node?];
        (node.route_id == route.id).then(|| node.server.clone())?
    };
    if let Some(page) = own_server(route.page.as_ref().map(|page| page.leaf)) {
        files.push((page, RouteFileKind::PageServer));
    }
    if let Some(layout) = own_server(route.layout) {
        files.push((layout, RouteFileKind::LayoutServer));
    }
    files
}

/// `RouteInfo { ... }` for a servable route.
fn route_info(context: &Context<'_>, route: &Route) -> TokenStream {
    let manifest = context.manifest;
    let endpoint = route
        .endpoint
        .as_ref()
        .and_then(|file| context.exports.get(file))
        .map(|(_, exports)| exports);
    let has_endpoint = route.endpoint.is_some();
    let trailing_slash = trailing_slash(context, route);
    let id = &route.id;
    let names = route.pattern.params.iter().map(|p| p.name.as_str());
    let page = route.page.is_some();
    let mut files: Vec<String> = Vec::new();
    if let Some(page) = &route.page {
        let leaf = &manifest.nodes[page.leaf];
        if let Some(Component::File(path)) = &leaf.component {
            files.push(relative_to(&manifest.routes_dir, path));
        }
        if let Some(path) = &leaf.server {
            files.push(relative_to(&manifest.routes_dir, path));
        }
    }
    if let Some(path) = &route.endpoint {
        files.push(relative_to(&manifest.routes_dir, path));
    }
    let methods = endpoint
        .into_iter()
        .flat_map(|exports| exports.method_list())
        .map(|method| method.as_str());
    let fallback = endpoint.is_some_and(|exports| exports.fallback.is_some());
    quote! {
        ::routekit::RouteInfo {
            id: #id,
            params: &[#(#names),*],
            page: #page,
            endpoint: #has_endpoint,
            methods: &[#(#methods),*],
            fallback: #fallback,
            trailing_slash: #trailing_slash,
            files: &[#(#files),*],
        }
    }
}

/// The route's trailing-slash policy: for a page, the deepest `TRAILING_SLASH` among its layout
/// and page server modules; for an endpoint alone, its `+server.rs`'s; `Never` by default.
/// Named from inside the route's module.
fn trailing_slash(context: &Context<'_>, route: &Route) -> TokenStream {
    let declares = |file: &Path| {
        context
            .exports
            .get(file)
            .is_some_and(|(_, e)| e.trailing_slash)
    };
    let mut found: Option<TokenStream> = None;
    if let Some(page) = &route.page {
        let nodes = page
            .layouts
            .iter()
            .flatten()
            .chain(std::iter::once(&page.leaf));
        for &node in nodes {
            let node = &context.manifest.nodes[node];
            if let Some(server) = node.server.as_deref().filter(|f| declares(f)) {
                let module = context.module_by_id[node.route_id.as_str()];
                let kind = if server.ends_with("+page.server.rs") {
                    RouteFileKind::PageServer
                } else {
                    RouteFileKind::LayoutServer
                };
                let file_module = file_module(kind);
                found = Some(quote!(super::#module::#file_module::TRAILING_SLASH));
            }
        }
    } else if route.endpoint.as_deref().is_some_and(declares) {
        found = Some(quote!(server::TRAILING_SLASH));
    }
    found.unwrap_or_else(|| quote!(::routekit::TrailingSlash::Never))
}

fn relative_to(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir)
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}
