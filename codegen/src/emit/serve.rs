//! Emits what serves the app on axum: `impl routekit::RouteTable` (finding a route, calling an
//! endpoint's handler through the `ENDPOINTS` table; the page methods come from `pages.rs`) and `App::router()`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use proc_macro2::TokenStream;
use quote::quote;

use crate::exports::{Exports, RouteFileKind};

/// The exports of every `.rs` route file, by file.
pub type ExportsByFile = BTreeMap<PathBuf, (RouteFileKind, Exports)>;

/// What `impl RouteTable` is made of.
pub struct Table<'a> {
    /// The struct the derive is on.
    pub ident: &'a syn::Ident,
    /// The generated container module.
    pub container: &'a syn::Ident,
    /// The number of params of each servable route.
    pub param_counts: &'a [usize],
    /// The page and hook methods.
    pub page_methods: &'a TokenStream,
    /// The app state type, as written in `#[routes(state = …)]`.
    pub state: &'a syn::Type,
}

/// `impl RouteTable for App` and `App::router()`.
pub fn route_table_impl(table: &Table<'_>) -> TokenStream {
    let Table {
        ident,
        container,
        param_counts,
        page_methods,
        state,
    } = *table;
    let rt = quote!(::routekit::__private);
    let axum = quote!(#rt::axum);
    let counts = param_counts.iter();
    quote! {
        impl ::routekit::RouteTable for #ident {
            type State = #state;

            fn routes() -> &'static [::routekit::RouteInfo] {
                &#container::ROUTES
            }

            fn find(decoded: &str) -> ::core::option::Option<::routekit::RouteMatch> {
                const PARAM_COUNTS: &[usize] = &[#(#counts),*];
                let raw = #container::lookup(decoded);
                let count = PARAM_COUNTS.get(raw.rank as usize).copied().unwrap_or(0);
                ::routekit::RouteMatch::from_raw(&raw, count)
            }

            fn call_endpoint(
                rank: usize,
                handler: &'static str,
                request: #axum::extract::Request,
                state: Self::State,
            ) -> #rt::ResponseFuture {
                match #container::ENDPOINTS.get(rank).copied().flatten() {
                    ::core::option::Option::Some(call) => call(handler, request, state),
                    ::core::option::Option::None => ::std::boxed::Box::pin(::core::future::ready(#rt::no_such_handler(rank, handler))),
                }
            }

            #page_methods
        }

        impl #ident {
            /// A plain `axum::Router` serving every route: add layers, merge other routers and
            /// call `with_state` as usual.
            pub fn router() -> #axum::Router<#container::State> {
                ::routekit::router::<#ident>()
            }

            /// [`Self::router`] with `options`: trusted origins, the CSRF check.
            pub fn router_with(options: ::routekit::Options) -> #axum::Router<#container::State> {
                ::routekit::router_with::<#ident>(options)
            }

            /// The app as a `tower::Service` of its own, without an axum `Router` in front:
            /// the lean way to serve an app that routekit serves alone.
            pub fn service(state: #container::State) -> ::routekit::RouteService<#ident> {
                ::routekit::service::<#ident>(state)
            }

            /// [`Self::service`] with `options`: trusted origins, the CSRF check.
            pub fn service_with(
                state: #container::State,
                options: ::routekit::Options,
            ) -> ::routekit::RouteService<#ident> {
                ::routekit::service_with::<#ident>(state, options)
            }
        }
    }
}
