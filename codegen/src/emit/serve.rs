//! Emits what serves the app on axum: `impl routekit::RouteTable` (finding a route, calling an
//! endpoint's handler; the page methods come from `pages.rs`) and `App::router()`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use proc_macro2::TokenStream;
use quote::quote;

use crate::exports::{Exports, HandlerDef, RouteFileKind};
use crate::manifest::Route;

/// The exports of every `.rs` route file, by file.
pub type ExportsByFile = BTreeMap<PathBuf, (RouteFileKind, Exports)>;

/// What `impl RouteTable` is made of.
pub struct Table<'a> {
    /// The routes with a page or an endpoint, in priority order.
    pub servable: &'a [&'a Route],
    /// The module of a route.
    pub module_of: &'a dyn Fn(&Route) -> syn::Ident,
    /// The exports of every route file.
    pub exports: &'a ExportsByFile,
    /// The number of params of each servable route.
    pub param_counts: &'a [usize],
    /// The page and hook methods.
    pub page_methods: &'a TokenStream,
}

/// `impl RouteTable for App` and `App::router()`, inside the container module (where `__App`
/// names the struct and `State` its state type).
pub fn route_table_impl(table: &Table<'_>) -> TokenStream {
    let Table {
        servable,
        module_of,
        exports,
        param_counts,
        page_methods,
    } = *table;
    let rt = quote!(::routekit::__private);
    let axum = quote!(#rt::axum);
    let mut arms = Vec::new();
    // The handlers that cannot read the request's context, by name: served without one.
    let mut context_free: std::collections::BTreeMap<&str, Vec<usize>> = Default::default();
    for (rank, route) in servable.iter().enumerate() {
        let Some(endpoint) = &route.endpoint else {
            continue;
        };
        let Some((_, endpoint_exports)) = exports.get(endpoint) else {
            continue;
        };
        let module = module_of(route);
        let mut handlers: Vec<(&str, syn::Ident)> = endpoint_exports
            .method_list()
            .map(|method| (method.as_str(), quote::format_ident!("{}", method.as_str())))
            .collect();
        if endpoint_exports.fallback.is_some() {
            handlers.push(("fallback", quote::format_ident!("fallback")));
        }
        let free = endpoint_exports
            .methods
            .iter()
            .map(|(method, handler)| (method.as_str(), handler))
            .chain(endpoint_exports.fallback.iter().map(|h| ("fallback", h)))
            .filter(|(_, h)| {
                matches!(
                    h.def,
                    HandlerDef::Fn {
                        context_free: true,
                        ..
                    }
                )
            });
        for (name, _) in free {
            context_free.entry(name).or_default().push(rank);
        }
        for (name, handler) in handlers {
            // axum's handler futures are already boxed: no second box.
            arms.push(quote! {
                (#rank, #name) => Handler::call(#module::server::#handler, request, state),
            });
        }
    }
    let counts = param_counts.iter();
    // A `match` on the name, then on the rank: one pattern per position (clippy's
    // `unnested_or_patterns` reports `(1, "GET") | (2, "GET")` even in a derive's output).
    let needs_context = (!context_free.is_empty()).then(|| {
        let arms = context_free
            .iter()
            .map(|(name, ranks)| quote!(#name => !matches!(rank, #(#ranks)|*),));
        quote! {
            fn needs_context(rank: usize, handler: &'static str) -> bool {
                match handler {
                    #(#arms)*
                    _ => true,
                }
            }
        }
    });
    quote! {
        impl ::routekit::RouteTable for __App {
            type State = State;

            fn routes() -> &'static [::routekit::RouteInfo] {
                &ROUTES
            }

            fn find(decoded: &str) -> ::core::option::Option<::routekit::RouteMatch> {
                const PARAM_COUNTS: &[usize] = &[#(#counts),*];
                let raw = lookup(decoded);
                let count = PARAM_COUNTS.get(raw.rank as usize).copied().unwrap_or(0);
                ::routekit::RouteMatch::from_raw(&raw, count)
            }

            fn call_endpoint(
                rank: usize,
                handler: &'static str,
                request: #axum::extract::Request,
                state: Self::State,
            ) -> #rt::ResponseFuture {
                use #axum::handler::Handler;
                match (rank, handler) {
                    #(#arms)*
                    _ => ::std::boxed::Box::pin(::core::future::ready(#rt::no_such_handler(rank, handler))),
                }
            }

            #needs_context

            #page_methods
        }

        impl __App {
            /// A plain `axum::Router` serving every route: add layers, merge other routers and
            /// call `with_state` as usual.
            pub fn router() -> #axum::Router<State> {
                ::routekit::router::<__App>()
            }

            /// [`Self::router`] with `options`: trusted origins, the CSRF check.
            pub fn router_with(options: ::routekit::Options) -> #axum::Router<State> {
                ::routekit::router_with::<__App>(options)
            }

            /// The app as a `tower::Service` of its own, without an axum `Router` in front:
            /// the lean way to serve an app that routekit serves alone.
            pub fn service(state: State) -> ::routekit::RouteService<__App> {
                ::routekit::service::<__App>(state)
            }

            /// [`Self::service`] with `options`: trusted origins, the CSRF check.
            pub fn service_with(
                state: State,
                options: ::routekit::Options,
            ) -> ::routekit::RouteService<__App> {
                ::routekit::service_with::<__App>(state, options)
            }
        }
    }
}
