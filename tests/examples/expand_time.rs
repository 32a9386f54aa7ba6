//! The derive's own expansion time: `routekit_codegen::emit::expand_derive` (everything
//! `#[derive(Routes)]` does) on the routes folder of a crate, timed in process.
//! `expand_time CRATE_DIR [RUNS]` expands `struct App;` for `CRATE_DIR/src/routes` RUNS times
//! (default 11) after one warm-up, and prints the median, the fastest run and the size of the
//! expansion (written to the file `EXPANSION_OUT` names, if set). `scripts/bench-compile` runs it on its generated 1,000-route app.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use routekit_codegen::emit::{Invocation, expand_derive};

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
    let invocation = Invocation {
        manifest_dir: dir.clone(),
        source_file: Some(dir.join("src/main.rs")),
        tracked: vec![dir.join("src/routes")],
        out_dir: None,
    };
    let expand = || {
        expand_derive(
            quote::quote!(
                struct App;
            ),
            &invocation,
        )
    };
    let tokens = expand().to_string();
    // `EXPANSION_OUT=FILE` keeps the expansion, to see where its size goes.
    if let Some(out) = std::env::var_os("EXPANSION_OUT") {
        std::fs::write(out, &tokens).expect("EXPANSION_OUT is writable");
    }
    assert!(
        !tokens.contains("compile_error"),
        "the tree has errors: {}",
        &tokens[..tokens.len().min(2000)]
    );
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let started = Instant::now();
            let tokens = expand();
            let elapsed = started.elapsed();
            drop(tokens);
            elapsed
        })
        .collect();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "median {:.1} ms, fastest {:.1} ms over {} runs; expansion {} KB of tokens",
        ms(times[times.len() / 2]),
        ms(times[0]),
        times.len(),
        tokens.len() / 1000
    );
}
