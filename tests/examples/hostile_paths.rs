//! Times the run-time matcher on hostile paths: several `[...rest]`s in one tail, or several
//! params in one segment, against a long path that almost matches (the final static is
//! missing), so that a backtracking matcher tries every way to split it.
//!
//! `cargo run --release -p routekit-tests --example hostile_paths -- [FILTER] [N ...]` prints,
//! for each N (default 100, 1000, 10000, and 32000, about the longest path the `http` crate
//! accepts), the time of one match on each case (whose name contains FILTER, if given).

#![allow(deprecated)] // the fuzz tree is tracked by tests/build.rs

use std::time::{Duration, Instant};

use routekit::__private::{Atom, match_atoms};

#[allow(dead_code)] // only the derived app is used here
#[path = "../../fuzz/src/lib.rs"]
mod fuzz;

/// One case: a name, and the path of size `n`'s match.
type Case = (&'static str, fn(usize) -> String, fn(&str) -> bool);

const CASES: &[Case] = &[
    (
        "match_atoms /[...a]/x/[...b]/y on n × `/x`",
        |n| "/x".repeat(n),
        |path| {
            use Atom::*;
            let atoms = [RestSeg(0), Slash, Lit("x"), RestSeg(1), Slash, Lit("y")];
            match_atoms(&atoms, path, &mut [None; 2])
        },
    ),
    (
        "match_atoms /[...a]/x/[...b]/x/[...c]/y on n × `/x`",
        |n| "/x".repeat(n),
        |path| {
            use Atom::*;
            let atoms = [
                RestSeg(0),
                Slash,
                Lit("x"),
                RestSeg(1),
                Slash,
                Lit("x"),
                RestSeg(2),
                Slash,
                Lit("y"),
            ];
            match_atoms(&atoms, path, &mut [None; 3])
        },
    ),
    (
        "match_atoms /[a]-[b]-[c]-[d]! on one segment of n × `-`",
        |n| format!("/{}", "-".repeat(n)),
        |path| {
            use Atom::*;
            let atoms = [
                Slash,
                Required(0),
                Lit("-"),
                Required(1),
                Lit("-"),
                Required(2),
                Lit("-"),
                Required(3),
                Lit("!"),
            ];
            match_atoms(&atoms, path, &mut [None; 4])
        },
    ),
    (
        "FuzzApp::lookup /multi/[...a]/x/[...b]/x/[...c]/y on /multi + n × `/x`",
        |n| format!("/multi{}", "/x".repeat(n)),
        |path| fuzz::FuzzApp::lookup(path).rank != u32::MAX,
    ),
];

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let filter = match args.first() {
        Some(first) if first.parse::<usize>().is_err() => args.remove(0),
        _ => String::new(),
    };
    let sizes: Vec<usize> = args
        .iter()
        .map(|arg| arg.parse().expect("sizes are numbers"))
        .collect();
    let sizes = if sizes.is_empty() {
        vec![100, 1_000, 10_000, 32_000]
    } else {
        sizes
    };
    for (name, path_of, run) in CASES.iter().filter(|(name, ..)| name.contains(&filter)) {
        println!("{name}");
        for &n in &sizes {
            let path = path_of(n);
            let started = Instant::now();
            let mut runs = 0;
            let mut matched = false;
            while runs == 0 || started.elapsed() < Duration::from_millis(200) {
                matched = run(&path);
                runs += 1;
            }
            let each = started.elapsed() / runs;
            println!(
                "  n = {n:>6} ({:>6} bytes): {each:>12.3?} per match{}",
                path.len(),
                if matched { " (matched)" } else { "" }
            );
        }
    }
}
