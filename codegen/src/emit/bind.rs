//! The `mod` declarations that need relative `#[path]`s (route folders and their `.rs` files,
//! `params/`, `hooks.server.rs`), so that rustc and rust-analyzer read the user's files from
//! the source tree; and the container module around them and the generated items, which the
//! derive always emits itself: it names the derive's struct and state type, and its `#[path]`
//! names the routes folder in full (wherever the derive sits, inline `mod` blocks included).
//!
//! Inside the container, paths are relative to the routes folder: the body is the same
//! wherever the derive is, so `track` writes it whole to `OUT_DIR` (see `prebuilt`).

use std::path::PathBuf;

use proc_macro2::TokenStream;
use quote::quote;

use super::generate::Items;
use super::paths::PathAttrs;
use super::route_module;

/// The `mod` declarations of a tree.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BindPlan {
    /// The routes folder the walk started from.
    pub routes_dir: PathBuf,
    /// The route folders that get a module, in walk order.
    pub routes: Vec<BindRoute>,
    /// The `params/` folder and its matcher names, if it has any.
    pub params: Option<(PathBuf, Vec<String>)>,
    /// `hooks.server.rs`, if there is one.
    pub hooks: Option<PathBuf>,
}

/// One route folder's module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BindRoute {
    /// The route id.
    pub id: String,
    /// The module's name.
    pub module: String,
    /// The folder.
    pub dir: PathBuf,
    /// Its `.rs` route files: (file name, module name).
    pub files: Vec<(String, String)>,
}

/// The container module's body: the generated items and the `mod` declarations, with
/// `#[path]`s relative to the routes folder. The container module's own `#[path]` names the
/// routes folder from the source file, so this body does not depend on where the derive is
/// and the build script can write it whole.
pub fn body(plan: &BindPlan, items: &Items) -> TokenStream {
    let paths = PathAttrs::within(&plan.routes_dir);
    let rest = &items.rest;
    let params = plan.params.as_ref().map(|(dir, names)| {
        let dir_attr = paths.attr(dir);
        let modules = names.iter().map(|name| {
            let module = super::params::field_ident(name);
            let file = format!("{name}.rs");
            quote!(#[path = #file] pub mod #module;)
        });
        quote! {
            /// The param matchers (`params/*.rs`).
            #[path = #dir_attr]
            pub mod params {
                #(#modules)*
            }
        }
    });
    let hooks = plan.hooks.as_ref().map(|file| {
        let path = paths.attr(file);
        quote! {
            /// `hooks.server.rs`: `handle` and `handle_error`.
            #[path = #path]
            pub mod hooks;
        }
    });
    let routes = plan.routes.iter().map(|route| {
        let items = items.route_items.get(&route.module);
        route_module::route_module(route, &paths, items.unwrap_or(&TokenStream::new()))
    });
    quote! {
        #rest
        #params
        #hooks
        #(#routes)*
    }
}

/// The container module around the body.
pub struct Container<'a> {
    /// The derive's input.
    pub input: &'a syn::DeriveInput,
    /// The app state type.
    pub state: &'a syn::Type,
    /// The container module's name.
    pub name: &'a syn::Ident,
    /// Its doc comment.
    pub doc: String,
    /// The routes folder's `#[path]`, in full ([`paths::container_attr`]).
    pub routes_attr: String,
    /// The generated items and `mod` declarations ([`body`]).
    pub body: TokenStream,
    /// The untracked warning, if any.
    pub untracked: TokenStream,
}

impl Container<'_> {
    /// The tokens of the whole expansion.
    pub fn tokens(&self) -> TokenStream {
        let ident = &self.input.ident;
        let vis = &self.input.vis;
        let state = self.state;
        let name = self.name;
        let doc = &self.doc;
        let routes_attr = &self.routes_attr;
        let body = &self.body;
        let untracked = &self.untracked;
        quote! {
            #[doc = #doc]
            #[path = #routes_attr]
            #[allow(non_snake_case)]
            #vis mod #name {
                /// The app state type (`#[routes(state = ...)]`).
                pub type State = <super::#ident as ::routekit::__private::StateType>::State;
                /// The struct the derive is on.
                type __App = super::#ident;

                #body
            }

            impl ::routekit::__private::StateType for #ident {
                type State = #state;
            }

            #untracked
        }
    }
}
