//! The derive's own expansion time: `routekit_codegen::emit::expand_derive` (everything
//! `#[derive(Routes)]` does) on the routes folder of a crate, timed in process.
//!
//! `expand_time CRATE_DIR [RUNS]` expands `struct App;` for `CRATE_DIR/src/routes` RUNS times
//! (default 11) after one warm-up, in the two setups a crate can have:
//! - with `track` in its build script: `track`'s generation (`emit::prebuild`, timed the same
//!   way; it runs once per change of the routes folder, and skips generating when the tree's
//!   fingerprint is unchanged), then the derive reading its output (lexed here by
//!   proc-macro2; inside the compiler the derive has the compiler lex it, and reports its time
//!   under `ROUTEKIT_TIMINGS`, which `scripts/bench-compile` reads);
//! - without a build script: the derive reading the tree and generating everything itself.
//!
//! For each it prints the median, the fastest run and the size of the expansion (the derive's
//! expansion goes to the file `EXPANSION_OUT` names, if set, for the second setup).
//! `scripts/bench-compile` runs it on its generated 1,000-route app.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use routekit_codegen::emit::{Invocation, expand_derive, has_prebuilt, prebuild};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dir, runs) = match args.as_slice() {
        [dir] => (PathBuf::from(dir), 11),
        [dir, runs] => (PathBuf::from(dir), runs.parse().unwrap_or(11)),
        _ => {
            eprintln!("usage: expand_time CRATE_DIR [RUNS]");
            std::process::exit(2);
        }
    };
    let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
    let routes = dir.join("src/routes");
    let out_dir = tempfile::tempdir().expect("a temporary OUT_DIR");
    let invocation = |out_dir: Option<&Path>| Invocation {
        manifest_dir: dir.clone(),
        source_file: Some(dir.join("src/main.rs")),
        tracked: vec![routes.clone()],
        out_dir: out_dir.map(Path::to_path_buf),
        lex: routekit_codegen::emit::checked_lex,
    };
    let expand = |invocation: &Invocation| {
        expand_derive(
            quote::quote!(
                struct App;
            ),
            invocation,
        )
        .to_string()
    };

    let prebuild = |fresh: bool| {
        if fresh {
            let _ = std::fs::remove_dir_all(out_dir.path().join("routekit"));
        }
        prebuild(&routes, out_dir.path()).expect("OUT_DIR is writable");
        0
    };
    report(
        "track, generating the items (a route, an export or a template changed)",
        &time(runs, || prebuild(true)),
        None,
    );
    report(
        "track, on a tree that generates the same items (an edit inside a handler)",
        &time(runs, || prebuild(false)),
        None,
    );
    let with_track = invocation(Some(out_dir.path()));
    assert!(
        has_prebuilt(out_dir.path(), &routes),
        "the derive would not use track's output"
    );
    let tokens = expand(&with_track);
    report(
        "the derive, with track's output (lexed by proc-macro2)",
        &time(runs, || expand(&with_track).len()),
        Some(tokens.len()),
    );

    let alone = invocation(None);
    let tokens = expand(&alone);
    assert!(
        !tokens.contains("compile_error"),
        "the tree has errors: {}",
        &tokens[..tokens.len().min(2000)]
    );
    // `EXPANSION_OUT=FILE` keeps the expansion, to see where its size goes.
    if let Some(out) = std::env::var_os("EXPANSION_OUT") {
        std::fs::write(out, &tokens).expect("EXPANSION_OUT is writable");
    }
    report(
        "the derive alone (no build script)",
        &time(runs, || expand(&alone).len()),
        Some(tokens.len()),
    );
}

/// Runs `f` once to warm up, then `runs` times; the sorted times.
fn time(runs: usize, mut f: impl FnMut() -> usize) -> Vec<Duration> {
    std::hint::black_box(f());
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let started = Instant::now();
            std::hint::black_box(f());
            started.elapsed()
        })
        .collect();
    times.sort();
    times
}

fn report(what: &str, times: &[Duration], size: Option<usize>) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let size = size
        .map(|bytes| format!("; expansion {} KB of tokens", bytes / 1000))
        .unwrap_or_default();
    println!(
        "{what}: median {:.1} ms, fastest {:.1} ms over {} runs{size}",
        ms(times[times.len() / 2]),
        ms(times[0]),
        times.len(),
    );
}
