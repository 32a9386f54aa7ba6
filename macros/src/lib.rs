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
        lex: compiler_lex,
    };
    expand_derive(input.into(), &invocation).into()
}

/// The compiler's lexer, for the text of `track`'s output: proc-macro2's `parse` would first
/// lex the megabytes again with its own lexer, built here without optimizations (0.5 s for
/// 1,000 routes). The text is whole (`routekit_codegen` checks its end marker first) and was
/// printed from tokens, so it lexes.
fn compiler_lex(text: &str) -> Option<proc_macro2::TokenStream> {
    text.parse::<TokenStream>().ok().map(Into::into)
}
