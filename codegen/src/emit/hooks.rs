//! Emits the app's hooks: `src/hooks.server.rs` beside the routes folder becomes the module
//! `hooks` (declared in `bind`), and `impl RouteTable` calls its `handle` and `handle_error`.

use std::path::{Path, PathBuf};

use proc_macro2::TokenStream;
use quote::quote;

use crate::exports::{ExportError, Exports, RouteFileKind, read_exports};

/// The hooks file of a routes folder: `hooks.server.rs` beside it.
pub fn hooks_file(routes_dir: &Path) -> Option<PathBuf> {
    let file = routes_dir.parent()?.join("hooks.server.rs");
    file.is_file().then_some(file)
}

/// What the hooks file exports, if there is one.
pub fn read_hooks(routes_dir: &Path) -> Result<Option<(PathBuf, Exports)>, Vec<ExportError>> {
    let Some(file) = hooks_file(routes_dir) else {
        return Ok(None);
    };
    read_exports(&file, RouteFileKind::Hooks).map(|exports| Some((file, exports)))
}

/// The hook methods of `impl RouteTable` (none: the trait's defaults serve the app directly).
pub fn hook_methods(hooks: Option<&(PathBuf, Exports)>) -> TokenStream {
    let Some((_, exports)) = hooks else {
        return quote!();
    };
    let rt = quote!(::routekit::__private);
    let axum = quote!(#rt::axum);
    let handle = exports.handle.as_ref().map(|_| {
        quote! {
            const HAS_HANDLE: bool = true;

            fn handle(
                request: #axum::extract::Request,
                resolve: ::routekit::Resolve,
                state: Self::State,
            ) -> #rt::ResponseFuture {
                ::routekit::Handle::call(hooks::handle, request, resolve, state)
            }
        }
    });
    let handle_error = exports.handle_error.as_ref().map(|_| {
        quote! {
            const HAS_HANDLE_ERROR: bool = true;

            fn handle_error<'a>(
                error: ::routekit::UnexpectedError<'a>,
            ) -> ::core::pin::Pin<::std::boxed::Box<dyn ::core::future::Future<Output = ::core::option::Option<::std::string::String>> + ::core::marker::Send + 'a>> {
                ::std::boxed::Box::pin(hooks::handle_error(error))
            }
        }
    });
    quote!(#handle #handle_error)
}
