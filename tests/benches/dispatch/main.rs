//! The generated dispatch against matchit 0.9 and SvelteKit's linear scan of route regexes, on
//! the GitHub API routes with realistic values and misses, and across app sizes.
//!
//! `cargo bench -p routekit-tests --bench dispatch` prints divan's statistics (time and
//! allocations per pass over the shuffled lookups), then a summary timed in one set of
//! interleaved rounds: ns per lookup, the ratios, and the scaling from 10 to 1,000 routes
//! (10,000 with `ROUTEKIT_BENCH_10K=1`, whose derive takes minutes to compile), on random hits
//! and on the same paths against every tree.
//! `scripts/cachegrind-dispatch` counts instructions per lookup through this same binary. See
//! BENCHMARKS.md for the figures.

// The trees live in `$OUT_DIR`, written by the build script (`build/scale.rs`), which reruns
// whenever it changes; they are not tracked with `routekit_codegen::track`, so each derive
// warns that its folder is untracked.
#![allow(deprecated)]

mod count;
mod engines;
mod timing;

use std::hint::black_box;

use divan::counter::ItemsCount;
use routekit_codegen::reference::find_route;

use engines::{Engine, Prepared};
use timing::{Pass, ns_per_lookup, pass};

include!(concat!(env!("OUT_DIR"), "/scale_apps.rs"));

#[global_allocator]
static ALLOC: divan::AllocProfiler = divan::AllocProfiler::system();

/// The rounds of the summary's timing.
const ROUNDS: usize = 15;

fn main() {
    if let Ok(spec) = std::env::var("ROUTEKIT_DISPATCH_COUNT") {
        count::run(&spec, prepare, passes_of);
        return;
    }
    divan::main();
    // `--list`, `--test` and filtered runs are divan's alone.
    if std::env::args().skip(1).all(|arg| arg == "--bench") {
        summary();
    }
}

/// The GitHub set, every engine ready.
fn github() -> Prepared {
    Prepared::new(
        &GITHUB,
        Github::routes(),
        |path| Github::lookup(path).rank,
        true,
    )
}

/// The set named `name` (`github`, `scale_10`, `fixed_1000`, …), ready for its engines (the
/// linear scan for `github` only: on large trees it takes milliseconds per lookup).
fn prepare(name: &str) -> Option<Prepared> {
    if name == "github" {
        return Some(github());
    }
    let (size, fixed) = match name.strip_prefix("scale_") {
        Some(size) => (size, false),
        None => (name.strip_prefix("fixed_")?, true),
    };
    let scale = SCALES.iter().find(|scale| scale.size.to_string() == size)?;
    Some(Prepared::new(
        if fixed { scale.fixed } else { scale.set },
        (scale.routes)(),
        scale.rank,
        false,
    ))
}

/// The pass the benchmarks time for `engine`.
fn passes_of(engine: Engine, prepared: &Prepared) -> Pass<'_> {
    match engine {
        Engine::Routekit => pass(prepared.rank),
        Engine::Matchit => pass(|path| {
            prepared
                .matchit
                .at(path)
                .map_or(u32::MAX, |found| *found.value)
        }),
        Engine::Linear => pass(|path| {
            let found = find_route(path, &prepared.linear, &|_, _| true);
            found.ok().flatten().map_or(u32::MAX, |(route, params)| {
                (route.id.len() + params.len()) as u32
            })
        }),
    }
}

/// The full public API for comparison: `App::resolve` percent-decodes the path and returns
/// owned, decoded params.
fn resolve_pass<'a>() -> Pass<'a> {
    pass(|path| Github::resolve(path).map_or(u32::MAX, |found| found.rank as u32))
}

#[divan::bench(args = ["routekit", "matchit", "linear"])]
fn github_set(bencher: divan::Bencher, engine: &str) {
    let engine = Engine::from_name(engine).expect("an engine");
    let prepared = github();
    prepared.check(engine);
    let pass = passes_of(engine, &prepared);
    bencher
        .counter(ItemsCount::new(GITHUB.lookups.len()))
        .bench_local(|| pass(black_box(GITHUB.lookups)));
}

#[divan::bench]
fn github_set_resolve(bencher: divan::Bencher) {
    let pass = resolve_pass();
    bencher
        .counter(ItemsCount::new(GITHUB.lookups.len()))
        .bench_local(|| pass(black_box(GITHUB.lookups)));
}

fn scale_sizes() -> Vec<usize> {
    SCALES.iter().map(|scale| scale.size).collect()
}

#[divan::bench(args = scale_sizes())]
fn scale_routekit(bencher: divan::Bencher, size: usize) {
    scale_bench(bencher, size, Engine::Routekit);
}

#[divan::bench(args = scale_sizes())]
fn scale_matchit(bencher: divan::Bencher, size: usize) {
    scale_bench(bencher, size, Engine::Matchit);
}

/// The 10-route tree's paths against every tree.
#[divan::bench(args = scale_sizes())]
fn fixed_routekit(bencher: divan::Bencher, size: usize) {
    bench_set(bencher, &format!("fixed_{size}"), Engine::Routekit);
}

#[divan::bench(args = scale_sizes())]
fn fixed_matchit(bencher: divan::Bencher, size: usize) {
    bench_set(bencher, &format!("fixed_{size}"), Engine::Matchit);
}

fn scale_bench(bencher: divan::Bencher, size: usize, engine: Engine) {
    bench_set(bencher, &format!("scale_{size}"), engine);
}

fn bench_set(bencher: divan::Bencher, name: &str, engine: Engine) {
    let prepared = prepare(name).expect("a scale tree");
    prepared.check(engine);
    let pass = passes_of(engine, &prepared);
    let lookups = prepared.set.lookups;
    bencher
        .counter(ItemsCount::new(lookups.len()))
        .bench_local(|| pass(black_box(lookups)));
}

/// ns per lookup of every engine on GitHub and of routekit and matchit at every size, timed in
/// interleaved rounds, with the ratios.
fn summary() {
    let prepared = github();
    for engine in Engine::ALL {
        prepared.check(engine);
    }
    let mut passes: Vec<Pass<'_>> = Engine::ALL
        .iter()
        .map(|&engine| passes_of(engine, &prepared))
        .collect();
    passes.push(resolve_pass());
    let ns = ns_per_lookup(&passes, GITHUB.lookups, ROUNDS);
    let (routekit, matchit, linear, resolve) = (ns[0], ns[1], ns[2], ns[3]);
    let misses = GITHUB.expected.iter().filter(|e| e.is_none()).count();
    println!(
        "\nsummary: GitHub API, {} routes, {} lookups ({misses} misses), median of {ROUNDS} interleaved rounds",
        GITHUB.routes.len(),
        GITHUB.lookups.len()
    );
    println!("  routekit lookup            {routekit:>9.1} ns/lookup");
    println!("  matchit 0.9 at             {matchit:>9.1} ns/lookup");
    println!("  linear regex scan          {linear:>9.1} ns/lookup");
    println!("  routekit resolve (decode + owned params) {resolve:.1} ns/lookup");
    println!(
        "  routekit / matchit = {:.2} (target < 1.0); linear / routekit = {:.0}x (target >= 100x)",
        routekit / matchit,
        linear / routekit
    );

    println!("\nscaling: GitHub-shaped trees, 1,000 lookups each (100 misses), hits at random");
    scaling("scale");
    println!("\nscaling: the same 1,000 paths (the 10-route tree's) against every tree");
    scaling("fixed");
    if SCALES.len() < 4 {
        println!("(10,000 routes only with ROUTEKIT_BENCH_10K=1)");
    }
}

/// Times routekit and matchit on the `kind` set (`scale` or `fixed`) of every tree.
fn scaling(kind: &str) {
    let mut routekit_ns = Vec::new();
    for scale in SCALES {
        let prepared = prepare(&format!("{kind}_{}", scale.size)).expect("a scale tree");
        prepared.check(Engine::Routekit);
        prepared.check(Engine::Matchit);
        let passes = [Engine::Routekit, Engine::Matchit].map(|e| passes_of(e, &prepared));
        let ns = ns_per_lookup(&passes, prepared.set.lookups, ROUNDS);
        println!(
            "  {:>6} routes: routekit {:>6.1} ns/lookup, matchit {:>6.1} ns/lookup",
            scale.size, ns[0], ns[1]
        );
        routekit_ns.push(ns[0]);
    }
    let max = routekit_ns.iter().copied().fold(f64::MIN, f64::max);
    let min = routekit_ns.iter().copied().fold(f64::MAX, f64::min);
    println!("  routekit max / min = {:.2} (target <= 1.5)", max / min);
}
