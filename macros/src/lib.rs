//! routekit's derive macro. Everything it does is in `routekit_codegen::emit`; this crate only
//! says where it was invoked. Use it through `routekit::Routes`.

use std::time::Instant;

use proc_macro::{Span, TokenStream};
use routekit_codegen::emit::{Invocation, expand_derive};

/// Turns a routes folder into routes: see `routekit::Routes`.
///
/// With the environment variable `ROUTEKIT_TIMINGS` set when the crate compiles, the derive
/// reports how long it took on standard error (cargo shows it): the compile-time
/// benchmark reads it.
#[proc_macro_derive(Routes, attributes(routes))]
pub fn derive_routes(input: TokenStream) -> TokenStream {
    let started = std::env::var_os("ROUTEKIT_TIMINGS").map(|_| Instant::now());
    let invocation = Invocation {
        manifest_dir: std::env::var_os("CARGO_MANIFEST_DIR")
            .map(Into::into)
            .unwrap_or_default(),
        source_file: Span::call_site().local_file(),
        tracked: routekit_codegen::tracked_dirs(),
        out_dir: std::env::var_os("OUT_DIR").map(Into::into),
        lex: compiler_lex,
    };
    let output = expand_derive(input.into(), &invocation).into();
    if let Some(started) = started {
        eprintln!(
            "routekit timings: #[derive(Routes)] took {} µs",
            started.elapsed().as_micros()
        );
    }
    output
}

/// The compiler's lexer, for the text of `track`'s output: proc-macro2's `parse` would first
/// lex the megabytes again with its own lexer, built here without optimizations (0.5 s for
/// 1,000 routes). The text is whole (`routekit_codegen` checks its end marker first) and was
/// printed from tokens, so it lexes.
fn compiler_lex(text: &str) -> Option<proc_macro2::TokenStream> {
    text.parse::<TokenStream>().ok().map(Into::into)
}
