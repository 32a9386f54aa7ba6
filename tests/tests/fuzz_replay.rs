//! The fuzz targets (`fuzz/`), replayed on stable: each target's check (`fuzz/src/lib.rs`,
//! included here) runs over every file of `fuzz/corpus/<target>/` and of
//! `fuzz/regressions/<target>/`, then over seeded random inputs.
//!
//! libFuzzer itself needs nightly (`cargo +nightly fuzz run matcher`, see `fuzz/README.md`);
//! this replay is what `cargo test --workspace` runs. `ROUTEKIT_FUZZ_ITERATIONS` sets the
//! number of random inputs per target (default 20,000), `ROUTEKIT_FUZZ_SEED` their seed.

#[allow(dead_code)] // the replay uses the checks, not every helper of the fuzz crate
#[path = "../../fuzz/src/lib.rs"]
mod fuzz;

#[path = "../build/rng.rs"]
mod rng;
use rng::Rng;

use std::path::{Path, PathBuf};

/// Random inputs per target unless `ROUTEKIT_FUZZ_ITERATIONS` says otherwise.
const DEFAULT_ITERATIONS: usize = 20_000;
/// The seed unless `ROUTEKIT_FUZZ_SEED` says otherwise.
const DEFAULT_SEED: u64 = 0xf022_5eed;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz")
}

/// The files of `fuzz/<kind>/<target>/`, sorted by name.
fn files(kind: &str, target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = fuzz_dir().join(kind).join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<(String, Vec<u8>)> = entries
        .map(|entry| entry.expect("read a corpus folder").path())
        // `.gitkeep` keeps an empty `regressions/<target>/` in git.
        .filter(|path| {
            !path
                .file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with('.'))
        })
        .map(|path| {
            let data = std::fs::read(&path).expect("read a corpus file");
            (path.display().to_string(), data)
        })
        .collect();
    files.sort();
    files
}

/// Runs `check` on each input, catching panics so that every failure is listed.
fn run_all(inputs: impl IntoIterator<Item = (String, Vec<u8>)>, check: fn(&[u8])) -> usize {
    let mut failures = Vec::new();
    let mut count = 0;
    for (name, data) in inputs {
        count += 1;
        if let Err(panic) = std::panic::catch_unwind(|| check(&data)) {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            failures.push(format!("{name} ({data:?}): {message}"));
        }
    }
    for failure in failures.iter().take(20) {
        println!("FAILED {failure}");
    }
    assert!(
        failures.is_empty(),
        "{} of {count} inputs failed (listed above)",
        failures.len()
    );
    count
}

fn replay(target: &str, check: fn(&[u8])) {
    let corpus = files("corpus", target);
    let regressions = files("regressions", target);
    assert!(!corpus.is_empty(), "fuzz/corpus/{target} is empty");
    let count = run_all(corpus.into_iter().chain(regressions), check);
    println!("{target}: {count} corpus and regression files replayed");
}

fn iterations() -> usize {
    std::env::var("ROUTEKIT_FUZZ_ITERATIONS").map_or(DEFAULT_ITERATIONS, |text| {
        text.trim()
            .parse()
            .expect("ROUTEKIT_FUZZ_ITERATIONS is a number")
    })
}

fn seed() -> u64 {
    std::env::var("ROUTEKIT_FUZZ_SEED").map_or(DEFAULT_SEED, |text| {
        let text = text.trim();
        match text.strip_prefix("0x") {
            Some(hex) => u64::from_str_radix(hex, 16),
            None => text.parse(),
        }
        .expect("ROUTEKIT_FUZZ_SEED is a number (decimal or 0x hex)")
    })
}

/// Pieces random paths are made of: the fuzz tree's static text and the values and junk that
/// reach its edge cases.
const PIECES: &[&str] = &[
    "/",
    "/",
    "/",
    "/",
    "//",
    "a",
    "b",
    "c",
    "x",
    "y",
    "z",
    "o",
    "r",
    "api",
    "blog",
    "docs",
    "files",
    "edit",
    "multi",
    "esc",
    "opt",
    "end",
    "seg",
    "tail",
    "typed",
    "items",
    "never",
    "home",
    "about",
    "emoji",
    "grouped",
    "g2",
    "fr",
    "en",
    "1",
    "12",
    "007",
    "4294967296",
    "-",
    ".",
    ".json",
    "..",
    "%2e%2e",
    "%2F",
    "%2f",
    "%25",
    "%",
    "%zz",
    "%C3%A9",
    "é",
    "😀",
    "%F0%9F%98%80",
    "a%2Fb",
    "well-known",
    "%3F",
    "%23",
    "%3f",
    "100",
    "pre-",
    "-post",
    "v",
    "-x",
    "caf",
    "cafe%CC%81",
    "%C0%80",
    "%E2%82",
    "%ED%A0%80",
    "%20",
    " ",
    "?",
    "#",
    "%00",
    "\u{0}",
    "tar.gz",
    "%2E",
    "_",
];

/// A random input: mostly a path of pieces, sometimes a corpus file mutated, sometimes bytes.
fn random_input(rng: &mut Rng, corpus: &[(String, Vec<u8>)]) -> Vec<u8> {
    match rng.below(10) {
        0 => (0..rng.below(40)).map(|_| rng.next() as u8).collect(),
        1 | 2 if !corpus.is_empty() => {
            let (_, mut data) = rng.pick(corpus);
            for _ in 0..1 + rng.below(3) {
                let at = rng.below(data.len() + 1);
                match rng.below(3) {
                    0 => data.insert(at, rng.next() as u8),
                    1 if at < data.len() => {
                        data.remove(at);
                    }
                    _ => {
                        let piece = rng.pick(PIECES).as_bytes();
                        data.splice(at..at, piece.iter().copied());
                    }
                }
            }
            data
        }
        _ => {
            let mut path = String::new();
            if rng.chance(95) {
                path.push('/');
            }
            for _ in 0..rng.below(12) {
                path.push_str(rng.pick(PIECES));
            }
            path.into_bytes()
        }
    }
}

fn random(target: &str, check: fn(&[u8])) {
    let corpus = files("corpus", target);
    let mut rng = Rng(seed() ^ target.len() as u64);
    let count = iterations();
    let started = std::time::Instant::now();
    let inputs = (0..count).map(|i| (format!("random #{i}"), random_input(&mut rng, &corpus)));
    run_all(inputs, check);
    println!(
        "{target}: {count} random inputs, seed {:#x}, {:.1?}",
        seed(),
        started.elapsed()
    );
}

#[test]
fn matcher_corpus() {
    replay("matcher", fuzz::matcher);
}

#[test]
fn matcher_random() {
    random("matcher", fuzz::matcher);
}

#[test]
fn decode_corpus() {
    replay("decode", fuzz::decode);
}

#[test]
fn decode_random() {
    random("decode", fuzz::decode);
}

/// The corpus and random paths reach every route of the fuzz tree (but those of the `never`
/// matcher), so agreement means something.
#[test]
fn random_paths_reach_the_routes() {
    let corpus = files("corpus", "matcher");
    let mut rng = Rng(seed());
    let routes = fuzz::FuzzApp::routes().len();
    let mut reached = vec![false; routes];
    let mut malformed = 0;
    for (_, data) in &corpus {
        if let Ok(fuzz::Outcome::Matched(rank)) = fuzz::check_path(&fuzz::path_of(data)) {
            reached[rank] = true;
        }
    }
    for _ in 0..2_000 {
        let data = random_input(&mut rng, &corpus);
        match fuzz::check_path(&fuzz::path_of(&data)) {
            Ok(fuzz::Outcome::Matched(rank)) => reached[rank] = true,
            Ok(fuzz::Outcome::MalformedPath | fuzz::Outcome::MalformedParam) => malformed += 1,
            _ => {}
        }
    }
    let missed: Vec<&str> = fuzz::FuzzApp::routes()
        .iter()
        .zip(&reached)
        .filter(|(route, reached)| !**reached && !route.id.contains("=never"))
        .map(|(route, _)| route.id)
        .collect();
    assert!(missed.is_empty(), "no input reached {missed:?}");
    assert!(malformed > 0, "no malformed input");
}

/// Long paths that make a backtracking matcher try every split (several rests in one tail,
/// several params in one segment) go through the generated dispatch, whose run-time matcher
/// then works with memos, and agree with the reference; each finishes in a few seconds at
/// most (without the memos, the first takes hours).
#[test]
fn hostile_paths_agree_and_finish() {
    let paths = [
        format!("/multi{}", "/x".repeat(2_000)),
        format!("/multi{}/y", "/x".repeat(2_000)),
        format!("/multi{}/y/z", "/x".repeat(1_000)),
        format!("/a{}/c", "/b".repeat(2_000)),
        format!("/a{}", "/b".repeat(2_000)),
        format!("/seg/{}", "-".repeat(3_000)),
        format!("/seg/{}_", "-".repeat(3_000)),
        format!("/api/{}.json", "-".repeat(3_000)),
        format!("/api/pre-{}-pos", "/-".repeat(2_000)),
        format!("/tail{}/x", "/o".repeat(2_000)),
    ];
    for path in paths {
        let (send, receive) = std::sync::mpsc::channel();
        let shown = format!("{}… ({} bytes)", &path[..20], path.len());
        std::thread::spawn(move || {
            let _ = send.send(fuzz::check_path(&path));
        });
        let outcome = receive
            .recv_timeout(std::time::Duration::from_secs(30))
            .unwrap_or_else(|_| panic!("{shown} did not finish in 30 s"));
        if let Err(why) = outcome {
            panic!("{shown}: {why}");
        }
    }
}
