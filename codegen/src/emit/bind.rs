//! What the derive itself always emits, whoever generated the rest: the container module with
//! the `mod` declarations that need relative `#[path]`s (route folders and their `.rs` files,
//! `params/`, `hooks.server.rs`), so that rustc and rust-analyzer read the user's files from
//! the source file holding the derive; the app's state type; and the untracked warning.
//!
//! The plan of those declarations is small and has a text form: `track` writes it beside the
//! generated items in `OUT_DIR` (see `prebuilt`), and the derive reads it back instead of
//! walking and parsing the tree again.

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

/// The container module around the generated items.
pub struct Container<'a> {
    /// The derive's input.
    pub input: &'a syn::DeriveInput,
    /// The app state type.
    pub state: &'a syn::Type,
    /// The container module's name.
    pub name: &'a syn::Ident,
    /// Its doc comment.
    pub doc: String,
    /// The `mod` declarations.
    pub plan: &'a BindPlan,
    /// `#[path]` texts from the source file's folder.
    pub paths: &'a PathAttrs,
    /// The generated items.
    pub items: Items,
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
        let items = &self.items.rest;
        let untracked = &self.untracked;
        let params = self.params_module();
        let hooks = self.plan.hooks.as_ref().map(|file| {
            let path = self.paths.attr(file);
            quote! {
                /// `hooks.server.rs`: `handle` and `handle_error`.
                #[path = #path]
                pub mod hooks;
            }
        });
        let routes = self.plan.routes.iter().map(|route| {
            let items = self.items.route_items.get(&route.module);
            route_module::route_module(route, self.paths, items.unwrap_or(&TokenStream::new()))
        });
        quote! {
            #[doc = #doc]
            #[path = "."]
            #[allow(non_snake_case)]
            #vis mod #name {
                /// The app state type (`#[routes(state = ...)]`).
                #[allow(dead_code)]
                pub type State = <super::#ident as ::routekit::__private::StateType>::State;
                /// The struct the derive is on.
                #[allow(dead_code)]
                type __App = super::#ident;

                #items

                #params

                #hooks

                #(#routes)*
            }

            impl ::routekit::__private::StateType for #ident {
                type State = #state;
            }

            #untracked
        }
    }

    /// `params` with every matcher file as a module.
    fn params_module(&self) -> TokenStream {
        let Some((dir, names)) = &self.plan.params else {
            return quote!();
        };
        let dir_attr = self.paths.attr(dir);
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
    }
}

impl BindPlan {
    /// The plan as text: one record per line, fields separated by tabs (escaped in paths).
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let mut line = |fields: &[&str]| {
            let escaped: Vec<String> = fields.iter().map(|f| escape(f)).collect();
            out.push_str(&escaped.join("\t"));
            out.push('\n');
        };
        line(&["routes_dir", &self.routes_dir.to_string_lossy()]);
        for route in &self.routes {
            line(&[
                "route",
                &route.id,
                &route.module,
                &route.dir.to_string_lossy(),
            ]);
            for (file, module) in &route.files {
                line(&["file", file, module]);
            }
        }
        if let Some((dir, names)) = &self.params {
            line(&["params", &dir.to_string_lossy()]);
            for name in names {
                line(&["matcher", name]);
            }
        }
        if let Some(hooks) = &self.hooks {
            line(&["hooks", &hooks.to_string_lossy()]);
        }
        out
    }

    /// Reads [`to_text`](Self::to_text)'s output back; `None` if it is not such text.
    pub fn from_text(text: &str) -> Option<BindPlan> {
        let mut plan = BindPlan::default();
        for line in text.lines() {
            let fields: Vec<String> = line.split('\t').map(unescape).collect();
            match fields
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .as_slice()
            {
                ["routes_dir", dir] => plan.routes_dir = PathBuf::from(dir),
                ["route", id, module, dir] => plan.routes.push(BindRoute {
                    id: (*id).to_owned(),
                    module: valid_ident(module)?,
                    dir: PathBuf::from(dir),
                    files: Vec::new(),
                }),
                ["file", file, module] => plan
                    .routes
                    .last_mut()?
                    .files
                    .push(((*file).to_owned(), valid_ident(module)?)),
                ["params", dir] => plan.params = Some((PathBuf::from(dir), Vec::new())),
                ["matcher", name] => plan.params.as_mut()?.1.push((*name).to_owned()),
                ["hooks", file] => plan.hooks = Some(PathBuf::from(file)),
                _ => return None,
            }
        }
        Some(plan)
    }
}

/// `name` if it is an identifier (a plan file is input like any other: no panic on it).
fn valid_ident(name: &str) -> Option<String> {
    syn::parse_str::<syn::Ident>(name).ok()?;
    Some(name.to_owned())
}

fn escape(field: &str) -> String {
    field
        .replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

fn unescape(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_form_round_trips() {
        let plan = BindPlan {
            routes_dir: PathBuf::from("/a/src/routes"),
            routes: vec![
                BindRoute {
                    id: "/".to_owned(),
                    module: "root".to_owned(),
                    dir: PathBuf::from("/a/src/routes"),
                    files: vec![("+page.server.rs".to_owned(), "page_server".to_owned())],
                },
                BindRoute {
                    id: "/odd\tname\\x".to_owned(),
                    module: "odd_name_x".to_owned(),
                    dir: PathBuf::from("/a/src/routes/odd\tname\\x"),
                    files: vec![("+server.rs".to_owned(), "server".to_owned())],
                },
            ],
            params: Some((PathBuf::from("/a/src/params"), vec!["integer".to_owned()])),
            hooks: Some(PathBuf::from("/a/src/hooks.server.rs")),
        };
        assert_eq!(BindPlan::from_text(&plan.to_text()), Some(plan));
    }

    #[test]
    fn other_text_is_refused() {
        assert_eq!(BindPlan::from_text("route\tonly two"), None);
        assert_eq!(BindPlan::from_text("file\t+server.rs\tserver"), None);
        assert_eq!(BindPlan::from_text("route\t/\tnot an ident\t/a"), None);
    }
}
