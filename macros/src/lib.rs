//! routekit's derive macro. Everything it does is in `routekit_codegen::emit`; this crate only
//! says where it was invoked. Use it through `routekit::Routes`.

use proc_macro::{Span, TokenStream};
use routekit_codegen::emit::{Invocation, expand_derive};

/// Turns a routes folder into routes: see `routekit::Routes`.
#[proc_macro_derive(Routes, attributes(routes))]
pub fn derive_routes(input: TokenStream) -> TokenStream {
    let invocation = Invocation {
        manifest_dir: std::env::var_os("CARGO_MANIFEST_DIR")
            .map(Into::into)
            .unwrap_or_default(),
        source_file: Span::call_site().local_file(),
        tracked: routekit_codegen::tracked_dirs(),
        out_dir: std::env::var_os("OUT_DIR").map(Into::into),
    };
    expand_derive(input.into(), &invocation).into()
}
