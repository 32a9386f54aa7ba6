//! The compile-fail and pass suite of `#[derive(Routes)]` (trybuild).
//!
//! `ui/fail/<case>.rs` must fail to compile with exactly `ui/fail/<case>.stderr`; its routes
//! folder is `ui/fail/<case>/routes` (and its matchers `ui/fail/<case>/params`), named with
//! `dir = "./<case>/routes"`, relative to the case file, because trybuild builds the cases in a
//! project of its own. `ui/pass/<case>.rs` must compile and its `main` must succeed.
//!
//! There is one fail case per `error_kind` of the conformance vectors' `build_errors`, except
//! `duplicate_matchers`: SvelteKit reports two matcher files with the same name and different
//! extensions (`params/foo.js` and `params/foo.ts`), and routekit reads only `params/*.rs`, so a
//! name can never have two files. The other cases are the derive's own usage errors: misspelt or
//! misplaced exports, malformed actions, bad `#[routes(...)]` options, a missing folder, a
//! derive on an enum, a matcher with nothing to call, a route file that is not valid Rust, and
//! several errors reported in one build.
//!
//! Regenerate the expected output with `TRYBUILD=overwrite cargo test -p routekit-tests --test
//! ui`, then review every changed `.stderr`.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/fail/*.rs");
    t.pass("ui/pass/*.rs");
}
