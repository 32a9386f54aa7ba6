//! Emits what serves an app's pages: the node and page tables, the embedded templates, and
//! the functions that call each node's `load` and each page's form actions.
//!
//! Templates are embedded with `include_str!` (relative, like the `#[path]`s, so editing one
//! rebuilds the app) and checked here with minijinja's parser, so a template that does not
//! compile is a compile error naming its file.

use std::path::Path;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::serve::ExportsByFile;
use crate::manifest::{Component, Manifest, NodeKind, Route};

/// The generated pieces: items for the container module and the bodies of `RouteTable`'s
/// page methods.
pub struct PageItems {
    /// `NODES`, `PAGES` and (for an app with templates) `TEMPLATES`, inside the container
    /// module.
    pub statics: TokenStream,
    /// `fn page`, `fn nodes`, `fn root_nodes`, `fn call_load`, `fn call_action` and (for an
    /// app with templates) `fn render`, inside `impl RouteTable`.
    pub methods: TokenStream,
}

/// A template that does not compile: the file and minijinja's message.
pub struct TemplateError {
    /// The template file.
    pub path: std::path::PathBuf,
    /// The line, when minijinja knows it.
    pub line: Option<usize>,
    /// minijinja's message.
    pub message: String,
}

/// Checks every template of the manifest with minijinja's parser.
pub fn check_templates(manifest: &Manifest) -> Vec<TemplateError> {
    let env = minijinja::Environment::new();
    let mut errors = Vec::new();
    for node in &manifest.nodes {
        let Some(Component::File(path)) = &node.component else {
            continue;
        };
        let Ok(source) = std::fs::read_to_string(path) else {
            errors.push(TemplateError {
                path: path.clone(),
                line: None,
                message: "cannot read the template (is it UTF-8?)".to_owned(),
            });
            continue;
        };
        let name = template_name(manifest, path);
        if let Err(error) = env.template_from_named_str(&name, &source) {
            errors.push(TemplateError {
                path: path.clone(),
                line: error.line(),
                message: format!(
                    "the template does not compile: {}",
                    error.detail().unwrap_or(&error.kind().to_string())
                ),
            });
        }
    }
    errors
}

/// The pieces for `manifest`.
pub fn page_items(
    manifest: &Manifest,
    servable: &[&Route],
    module_of: &dyn Fn(&str) -> syn::Ident,
    exports: &ExportsByFile,
    paths: &super::paths::PathAttrs,
) -> PageItems {
    let rt = quote!(::routekit::__private);
    let axum = quote!(#rt::axum);
    let has_load = |server: Option<&std::path::PathBuf>| {
        server
            .and_then(|file| exports.get(file))
            .is_some_and(|(_, e)| e.load.is_some())
    };

    let mut templates = Vec::new();
    let mut node_infos = Vec::new();
    let mut load_arms = Vec::new();
    for (index, node) in manifest.nodes.iter().enumerate() {
        let kind = match node.kind {
            NodeKind::Layout => quote!(Layout),
            NodeKind::Error => quote!(Error),
            NodeKind::Page => quote!(Page),
        };
        let template = match &node.component {
            Some(Component::File(path)) => {
                let name = template_name(manifest, path);
                let include = paths.attr(path);
                templates.push(quote!((#name, ::core::include_str!(#include))));
                quote!(::core::option::Option::Some(#name))
            }
            _ => quote!(::core::option::Option::None),
        };
        let load = has_load(node.server.as_ref());
        if load {
            let module = module_of(&node.route_id);
            let file = match node.kind {
                NodeKind::Page => format_ident!("page_server"),
                _ => format_ident!("layout_server"),
            };
            load_arms.push(quote! {
                #index => ::routekit::Load::call(#module::#file::load, parts, state),
            });
        }
        node_infos.push(quote! {
            ::routekit::NodeInfo { kind: ::routekit::NodeKind::#kind, template: #template, load: #load }
        });
    }

    let mut pages = Vec::new();
    let mut action_arms = Vec::new();
    for (rank, route) in servable.iter().enumerate() {
        let Some(page) = &route.page else {
            pages.push(quote!(::core::option::Option::None));
            continue;
        };
        let leaf = &manifest.nodes[page.leaf];
        let actions = leaf
            .server
            .as_ref()
            .and_then(|file| exports.get(file))
            .and_then(|(_, e)| e.actions.as_ref());
        let names: Vec<String> = actions
            .map(|a| {
                a.default
                    .iter()
                    .chain(&a.named)
                    .map(|h| h.name.clone())
                    .collect()
            })
            .unwrap_or_default();
        let module = module_of(&route.id);
        for name in &names {
            let ident = action_ident(name);
            action_arms.push(quote! {
                (#rank, #name) => ::routekit::Action::call(#module::page_server::actions::#ident, request, state),
            });
        }
        let layouts = page.layouts.iter().map(option_tokens);
        let errors = page.errors.iter().map(option_tokens);
        let leaf = page.leaf;
        pages.push(quote! {
            ::core::option::Option::Some(::routekit::PageInfo {
                layouts: &[#(#layouts),*],
                errors: &[#(#errors),*],
                leaf: #leaf,
                actions: &[#(#names),*],
            })
        });
    }

    let root = manifest.routes.iter().find(|route| route.id == "/");
    let root_layout = root.and_then(|r| r.layout).unwrap_or(0);
    let root_error = root.and_then(|r| r.error).unwrap_or(1);
    let node_count = node_infos.len();
    let page_count = pages.len();
    let template_count = templates.len();
    // Only an app with templates names the engine (see `RouteTable::render`): an app of
    // endpoints alone does not link it.
    let (template_static, render) = if templates.is_empty() {
        (quote!(), quote!())
    } else {
        let template_static = quote! {
            /// The templates, embedded: `(name, source)`.
            pub static TEMPLATES: [(&str, &str); #template_count] = [#(#templates),*];
        };
        let render = quote! {
            fn render(
                name: &str,
                vars: ::routekit::TemplateVars<'_>,
            ) -> ::core::result::Result<::std::string::String, ::routekit::TemplateError> {
                static COMPILED: ::std::sync::OnceLock<#rt::Templates> = ::std::sync::OnceLock::new();
                COMPILED.get_or_init(|| #rt::Templates::new(&TEMPLATES)).render(name, vars)
            }
        };
        (template_static, render)
    };
    let statics = quote! {
        /// Every layout, error and page node.
        pub static NODES: [::routekit::NodeInfo; #node_count] = [#(#node_infos),*];
        /// The page of each route, by rank.
        pub static PAGES: [::core::option::Option<::routekit::PageInfo>; #page_count] = [#(#pages),*];
        #template_static
    };
    let methods = quote! {
        fn page(rank: usize) -> ::core::option::Option<&'static ::routekit::PageInfo> {
            PAGES.get(rank).and_then(::core::option::Option::as_ref)
        }

        fn nodes() -> &'static [::routekit::NodeInfo] {
            &NODES
        }

        fn root_nodes() -> (usize, usize) {
            (#root_layout, #root_error)
        }

        #render

        fn call_load(
            node: usize,
            parts: #axum::http::request::Parts,
            state: Self::State,
        ) -> #rt::BoxFuture<#rt::NodeData> {
            match node {
                #(#load_arms)*
                _ => ::std::boxed::Box::pin(::core::future::ready(::core::result::Result::Ok(::core::option::Option::None))),
            }
        }

        fn call_action(
            rank: usize,
            name: &'static str,
            request: #axum::extract::Request,
            state: Self::State,
        ) -> #rt::BoxFuture<::routekit::ActionResult> {
            match (rank, name) {
                #(#action_arms)*
                _ => ::std::boxed::Box::pin(::core::future::ready(::routekit::ActionResult::Error(
                    ::routekit::error(404, ::std::format!("No action with name '{name}' found")),
                ))),
            }
        }
    };
    PageItems { statics, methods }
}

/// A template's name: its path under the routes folder, `/`-separated.
fn template_name(manifest: &Manifest, path: &Path) -> String {
    super::paths::attr_path(path.strip_prefix(&manifest.routes_dir).unwrap_or(path))
}

fn option_tokens(value: &Option<usize>) -> TokenStream {
    match value {
        Some(v) => quote!(::core::option::Option::Some(#v)),
        None => quote!(::core::option::Option::None),
    }
}

/// The identifier of action `name` (`r#type` for a keyword).
fn action_ident(name: &str) -> syn::Ident {
    syn::parse_str::<syn::Ident>(name)
        .unwrap_or_else(|_| syn::Ident::new_raw(name, proc_macro2::Span::call_site()))
}
