//! What routekit's fuzz targets check, one function per target, each taking the fuzzer's bytes
//! and panicking on a finding:
//!
//! - [`matcher`]: the dispatch `#[derive(Routes)]` generates for the fixed tree in
//!   `fuzz/tree/src/routes` (every kind of segment) against the reference matcher
//!   (`routekit_codegen::reference`), with the differential test's comparison
//!   (`tests/tests/support/compare.rs`);
//! - [`decode`]: `routekit::decode_pathname` and `decode_uri_component` never panic, agree
//!   with the reference, never grow their input, and round-trip.
//!
//! The libFuzzer targets (`fuzz/fuzz_targets/*.rs`) call these. So does the corpus replay that
//! `cargo test --workspace` runs on stable (`tests/tests/fuzz_replay.rs`, which includes this
//! file with `#[path]`), over `fuzz/corpus/<target>/*` and seeded random inputs.

// The fuzz tree is tracked by `fuzz/build.rs` and `tests/build.rs`.
#![allow(clippy::missing_panics_doc)]

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::OnceLock;

use routekit_codegen::reference::{self, ReferenceRoute};

#[path = "../../tests/tests/support/compare.rs"]
mod compare;
pub use compare::{Generated, Outcome};

/// The fuzz tree: 37 routes covering static segments, `[x]`, `[x=matcher]` (matchers that
/// reject, so routes fall through), `[[x]]`, `[...x]` at the start, middle and end and inside
/// segments, several params per segment, several rests in one tail, groups and escapes.
#[derive(routekit::Routes)]
#[routes(dir = "../tree/src/routes")]
pub struct FuzzApp;

/// The fuzz tree's folder.
pub fn tree_dir() -> &'static Path {
    static DIR: OnceLock<std::path::PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        // This file is `fuzz/src/lib.rs`, in the fuzz crate or included by the tests crate.
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        [
            here.join("tree/src/routes"),
            here.join("../fuzz/tree/src/routes"),
        ]
        .into_iter()
        .find(|dir| dir.is_dir())
        .expect("the fuzz tree is beside this crate")
    })
}

fn lookup(path: &str) -> (u32, Vec<Option<String>>) {
    let found = FuzzApp::lookup(path);
    (
        found.rank,
        found
            .values
            .iter()
            .map(|v| v.as_deref().map(str::to_owned))
            .collect(),
    )
}

fn matches(name: &str, value: &str) -> bool {
    use fuzz_app_routes::params;
    match name {
        "digits" => params::digits::matches(value),
        "word" => params::word::matches(value),
        "locale" => params::locale::matches(value),
        "never" => params::never::matches(value),
        "short" => params::short::matches(value),
        "num" => params::num::parse(value).is_some(),
        other => panic!("the fuzz tree has no matcher `{other}`"),
    }
}

/// The generated side.
pub const GENERATED: Generated = Generated {
    resolve: FuzzApp::resolve,
    lookup,
    matcher: matches,
    routes: FuzzApp::routes,
};

/// The reference routes of the fuzz tree, built once.
fn reference_routes() -> &'static [ReferenceRoute] {
    static ROUTES: OnceLock<Vec<ReferenceRoute>> = OnceLock::new();
    ROUTES.get_or_init(|| {
        let dir = tree_dir().to_str().expect("the fuzz tree's path is UTF-8");
        match compare::reference_routes(dir, &GENERATED) {
            Ok((_, routes)) => routes,
            Err(why) => panic!("the fuzz tree: {why}"),
        }
    })
}

/// The fuzzer's bytes as a request path: UTF-8 as it is, every byte of an invalid sequence as
/// its `%XX` escape (so non-UTF-8 input still reaches the decoder, as a client would send it).
pub fn path_of(data: &[u8]) -> Cow<'_, str> {
    if let Ok(text) = std::str::from_utf8(data) {
        return Cow::Borrowed(text);
    }
    let mut path = String::with_capacity(data.len() * 3);
    for chunk in data.utf8_chunks() {
        path.push_str(chunk.valid());
        for byte in chunk.invalid() {
            write!(path, "%{byte:02X}").expect("write to a String");
        }
    }
    Cow::Owned(path)
}

/// The `matcher` target: the path through both sides must agree (route, rank and params, or
/// no match on both); returns what the reference made of it.
pub fn check_path(path: &str) -> Result<Outcome, String> {
    compare::compare(&GENERATED, reference_routes(), path)
}

/// The `matcher` target on raw bytes: panics on a disagreement.
pub fn matcher(data: &[u8]) {
    let path = path_of(data);
    if let Err(why) = check_path(&path) {
        panic!("path {path:?}: {why}");
    }
}

/// The `decode` target on raw bytes: panics when an invariant breaks.
pub fn decode(data: &[u8]) {
    let input = path_of(data);
    if let Err(why) = check_decode(&input) {
        panic!("input {input:?}: {why}");
    }
}

/// The invariants of `decode_pathname` and `decode_uri_component` on `input`:
///
/// - neither panics, and each agrees with the reference (ECMAScript's `decodeURI` /
///   `decodeURIComponent` as SvelteKit uses them), `Ok` or `Err` alike;
/// - an `Ok` output is never longer than the input, and is borrowed exactly when it equals it;
/// - `decode_pathname` is idempotent: every `%` it leaves starts an escape it keeps (`%25` or
///   one of `; / ? : @ & = + $ , #`), so decoding its output again changes nothing;
/// - decoding params after matching is the same as decoding the raw path in one go: when
///   `decode_pathname(s)` is `Ok`, `decode_uri_component(s)` is too and equals
///   `decode_uri_component(decode_pathname(s))`;
/// - a decoded value, re-encoded as `href` encodes params (`push_param`), routes back: the
///   encoded form passes `decode_pathname` and decodes to the same value, within one segment
///   for a plain param.
pub fn check_decode(input: &str) -> Result<(), String> {
    let pathname = routekit::decode_pathname(input);
    let component = routekit::decode_uri_component(input);

    let expected = reference::decode_pathname(input);
    if pathname.as_deref().ok() != expected.as_deref().ok() {
        return Err(format!(
            "decode_pathname: {pathname:?}, reference {expected:?}"
        ));
    }
    let expected = reference::decode_uri_component(input);
    if component.as_deref().ok() != expected.as_deref().ok() {
        return Err(format!(
            "decode_uri_component: {component:?}, reference {expected:?}"
        ));
    }

    for (name, output) in [
        ("decode_pathname", &pathname),
        ("decode_uri_component", &component),
    ] {
        if let Ok(output) = output {
            if output.len() > input.len() {
                return Err(format!("{name}: {output:?} is longer than the input"));
            }
            let borrowed = matches!(output, Cow::Borrowed(_));
            if borrowed != (**output == *input) {
                return Err(format!(
                    "{name}: {output:?} is {} but {} the input",
                    if borrowed { "borrowed" } else { "owned" },
                    if borrowed { "differs from" } else { "equals" }
                ));
            }
        }
    }

    if let Ok(decoded) = &pathname {
        match routekit::decode_pathname(decoded) {
            Ok(Cow::Borrowed(again)) if again == &**decoded => {}
            again => {
                return Err(format!(
                    "decode_pathname is not idempotent: {decoded:?} decodes again to {again:?}"
                ));
            }
        }
        let via_pathname = routekit::decode_uri_component(decoded);
        match (&component, &via_pathname) {
            (Ok(a), Ok(b)) if a == b => {}
            _ => {
                return Err(format!(
                    "decode_uri_component: {component:?} on the raw path, {via_pathname:?} \
                     after decode_pathname ({decoded:?})"
                ));
            }
        }
    }

    if let Ok(value) = &component {
        for rest in [false, true] {
            check_href(value, rest)?;
        }
    }
    Ok(())
}

/// `value` encoded by `push_param` decodes back to itself.
fn check_href(value: &str, rest: bool) -> Result<(), String> {
    let mut encoded = String::new();
    if routekit::__private::push_param(&mut encoded, "x", value, rest).is_err() {
        // A value starting or ending with `/`: `href` refuses it, as SvelteKit does.
        return if value.starts_with('/') || value.ends_with('/') {
            Ok(())
        } else {
            Err(format!("push_param refused {value:?}"))
        };
    }
    if encoded.contains(['?', '#']) {
        return Err(format!("push_param left a raw `?` or `#` in {encoded:?}"));
    }
    if !rest && encoded.contains('/') {
        return Err(format!(
            "push_param left a `/` in a plain param: {encoded:?}"
        ));
    }
    let decoded = routekit::decode_pathname(&encoded)
        .map_err(|_| format!("push_param's {encoded:?} (from {value:?}) is malformed"))?;
    let back = routekit::decode_uri_component(&decoded)
        .map_err(|_| format!("push_param's {encoded:?} (from {value:?}) does not decode"))?;
    if back != value {
        return Err(format!(
            "push_param({value:?}) = {encoded:?} decodes to {back:?}"
        ));
    }
    Ok(())
}
