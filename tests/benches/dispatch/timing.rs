//! The summary's own timing: every engine in the same rounds, taking turns, so that the
//! ratios compare runs made under the same machine load; the median round gives ns per lookup.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// One pass over a lookup list, returning a checksum (so that no lookup is optimized away).
pub type Pass<'a> = Box<dyn Fn(&[&str]) -> u64 + 'a>;

/// A pass that runs `lookup` on every path, the lookup called directly (not through a
/// pointer) as an application would.
pub fn pass<'a>(lookup: impl Fn(&str) -> u32 + 'a) -> Pass<'a> {
    Box::new(move |paths| {
        paths
            .iter()
            .map(|path| u64::from(lookup(black_box(path))))
            .sum()
    })
}

/// How long one engine runs in one round.
const ROUND: Duration = Duration::from_millis(20);

/// The median ns per lookup of each of `passes` over `paths`, in `rounds` rounds.
pub fn ns_per_lookup(passes: &[Pass<'_>], paths: &[&str], rounds: usize) -> Vec<f64> {
    // Enough passes per round for each engine to run about `ROUND`.
    let repeats: Vec<u32> = passes
        .iter()
        .map(|pass| {
            let start = Instant::now();
            black_box(pass(paths));
            let once = start.elapsed().max(Duration::from_nanos(1));
            u32::try_from(ROUND.as_nanos() / once.as_nanos()).map_or(u32::MAX, |n| n.max(1))
        })
        .collect();
    let mut samples: Vec<Vec<f64>> = vec![Vec::with_capacity(rounds); passes.len()];
    for round in 0..rounds {
        // Each round starts with the next engine, so that none always runs first.
        for turn in 0..passes.len() {
            let engine = (round + turn) % passes.len();
            let start = Instant::now();
            for _ in 0..repeats[engine] {
                black_box(passes[engine](black_box(paths)));
            }
            let lookups = f64::from(repeats[engine]) * paths.len() as f64;
            samples[engine].push(start.elapsed().as_nanos() as f64 / lookups);
        }
    }
    samples.into_iter().map(median).collect()
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}
