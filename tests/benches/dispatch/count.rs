//! The mode `scripts/cachegrind-dispatch` runs under cachegrind: `ROUTEKIT_DISPATCH_COUNT="ENGINE
//! SET PASSES"` builds every engine for one set, then looks up the set's paths `PASSES` times
//! with one engine and exits. The script runs it with 0 passes too and subtracts, which leaves
//! the instructions of the lookups alone.

use std::hint::black_box;

use crate::engines::{Engine, Prepared};
use crate::timing::Pass;

/// Runs the count mode described by `spec`; `passes_of(engine, prepared)` gives the engine's
/// timed pass, the one the summary times.
pub fn run(
    spec: &str,
    prepare: impl Fn(&str) -> Option<Prepared>,
    passes_of: impl for<'a> Fn(Engine, &'a Prepared) -> Pass<'a>,
) {
    let words: Vec<&str> = spec.split_whitespace().collect();
    let [engine, set, passes] = words[..] else {
        panic!("ROUTEKIT_DISPATCH_COUNT is `ENGINE SET PASSES`, such as `routekit github 10`");
    };
    let engine = Engine::from_name(engine).unwrap_or_else(|| panic!("no engine {engine}"));
    let prepared = prepare(set).unwrap_or_else(|| panic!("no route set {set}"));
    let passes: u32 = passes.parse().expect("PASSES is a number");
    let pass = passes_of(engine, &prepared);
    let mut checksum = 0u64;
    for _ in 0..passes {
        checksum = checksum.wrapping_add(pass(black_box(prepared.set.lookups)));
    }
    println!(
        "{} on {set}: {} lookups, checksum {checksum}",
        engine.name(),
        u64::from(passes) * prepared.set.lookups.len() as u64
    );
}
