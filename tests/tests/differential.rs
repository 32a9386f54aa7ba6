//! Differential test: the dispatch `#[derive(Routes)]` generates against the reference matcher
//! (`routekit_codegen::reference`, a literal port of SvelteKit 2's regexes, `exec` and
//! `find_route`).
//!
//! The build script (`build/diff.rs`) writes seeded random route trees and one tree per `exec`,
//! `find_route` and `parse` conformance vector under `$OUT_DIR/diff`, and
//! `$OUT_DIR/diff_apps.rs`, which derives `Routes` for each and lists them. This file then:
//!
//! - for each random tree, builds the reference from the same folder
//!   (`Manifest::from_dir` → `servable_routes()` in priority order → `ReferenceRoute`s, with
//!   the tree's own matcher functions) and runs seeded random paths biased to reach its routes
//!   (params filled with empty, digit, letter, percent-encoded, non-ASCII and malformed values;
//!   extra or missing segments, trailing slashes, `//`) through both:
//!   - `Tree::resolve(path)` against `decode_pathname` + `find_route`: the same route, rank and
//!     decoded params, or `None` on both sides. The generated `resolve` answers `None` for a
//!     malformed path, for no match, and for a matched route whose param does not decode,
//!     three outcomes the reference tells apart (`Err` from `decode_pathname`, `Ok(None)`,
//!     `Err` from `find_route`), so all three count as `None`;
//!   - `Tree::lookup(decoded)` against the first route `exec` accepts: the same rank and raw
//!     values (this also covers the cases where the params do not decode);
//!   - `routekit::decode_pathname` against the reference `decode_pathname`.
//! - runs every `exec` and `find_route` vector, and the `matches`/`non_matches` paths of every
//!   `parse` vector, through the generated dispatch of its tree.
//!
//! `ROUTEKIT_DIFF_PATHS` sets the number of paths per random tree (default 2,000, with 50 trees
//! 100,000 cases); `ROUTEKIT_DIFF_SEED` and `ROUTEKIT_DIFF_TREES`, read by the build script,
//! change the trees. The paths are drawn from the same seed.

// The trees live in `$OUT_DIR`, written by this crate's build script, which reruns whenever its
// generator changes; they are not tracked with `routekit_codegen::track` (this crate has no
// build-dependency on it), so each derive warns that its folder is untracked.
#![allow(deprecated)]

use std::fmt::Write as _;

use routekit_codegen::{Param, Part, RoutePattern, Segment, Shape};
use serde_json::Value;

#[path = "../build/rng.rs"]
mod rng;
use rng::Rng;

#[path = "support/compare.rs"]
mod compare;
use compare::{Generated, Outcome, Params, compare, raw_match, reference_routes};

/// A generated tree, as `diff_apps.rs` lists it.
struct DiffTree {
    /// `tK` (random), `eK` (exec), `fK` (find_route) or `pK` (parse).
    name: &'static str,
    /// The routes folder.
    dir: &'static str,
    /// `Tree::resolve`.
    resolve: fn(&str) -> Option<routekit::Match>,
    /// `Tree::lookup`: the rank (`u32::MAX` for none) and raw values.
    lookup: fn(&str) -> (u32, Vec<Option<String>>),
    /// The tree's matchers (its own `params/*.rs` functions), by name.
    matcher: fn(&str, &str) -> bool,
    /// `Tree::routes`.
    routes: fn() -> &'static [routekit::RouteInfo],
}

include!(concat!(env!("OUT_DIR"), "/diff_apps.rs"));

const VECTORS: &str = include_str!("../data/routekit-vectors.json");

/// Paths per random tree unless `ROUTEKIT_DIFF_PATHS` says otherwise.
const DEFAULT_PATHS: usize = 2_000;

/// Mismatches printed in full.
const SHOWN: usize = 20;

// ---------------------------------------------------------------------------------------------
// Random trees.

#[test]
fn random_trees_agree_with_the_reference() {
    let paths_per_tree = std::env::var("ROUTEKIT_DIFF_PATHS")
        .ok()
        .map(|text| {
            text.trim()
                .parse()
                .expect("ROUTEKIT_DIFF_PATHS is a number")
        })
        .unwrap_or(DEFAULT_PATHS);
    let started = std::time::Instant::now();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let tallies: Vec<Tally> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|thread| {
                scope.spawn(move || {
                    let mut tally = Tally::default();
                    for (index, tree) in RANDOM_TREES.iter().enumerate() {
                        if index % threads == thread {
                            run_tree(index, tree, paths_per_tree, &mut tally);
                        }
                    }
                    tally
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a differential thread panicked"))
            .collect()
    });
    let mut total = Tally::default();
    for tally in tallies {
        total.merge(tally);
    }
    println!(
        "differential: seed {DIFF_SEED:#x}, {} trees, {} routes ({} reached), {} paths \
         ({} matched a route, {} no match, {} malformed path, {} undecodable param), \
         {} mismatches, {:.1?}",
        RANDOM_TREES.len(),
        total.routes,
        total.routes_reached,
        total.cases,
        total.matched,
        total.unmatched,
        total.malformed_path,
        total.malformed_param,
        total.mismatches.len(),
        started.elapsed(),
    );
    report(&total.mismatches);
    // The acceptance bar for CI: at least 100,000 cases with the defaults.
    let defaults = std::env::var_os("ROUTEKIT_DIFF_TREES").is_none()
        && std::env::var_os("ROUTEKIT_DIFF_PATHS").is_none();
    assert!(
        !defaults || total.cases >= 100_000,
        "{} cases, fewer than 100,000",
        total.cases
    );
    assert!(
        total.matched * 3 >= total.cases,
        "the paths reach too few routes: {} of {}",
        total.matched,
        total.cases
    );
}

/// The counts of a run.
#[derive(Default)]
struct Tally {
    routes: usize,
    routes_reached: usize,
    cases: usize,
    matched: usize,
    unmatched: usize,
    malformed_path: usize,
    malformed_param: usize,
    mismatches: Vec<String>,
}

impl Tally {
    fn merge(&mut self, other: Tally) {
        self.routes += other.routes;
        self.routes_reached += other.routes_reached;
        self.cases += other.cases;
        self.matched += other.matched;
        self.unmatched += other.unmatched;
        self.malformed_path += other.malformed_path;
        self.malformed_param += other.malformed_param;
        self.mismatches.extend(other.mismatches);
    }
}

fn report(mismatches: &[String]) {
    for mismatch in mismatches.iter().take(SHOWN) {
        println!("MISMATCH {mismatch}");
    }
    if mismatches.len() > SHOWN {
        println!("... and {} more", mismatches.len() - SHOWN);
    }
    assert!(
        mismatches.is_empty(),
        "{} mismatches between the generated dispatch and the reference (listed above)",
        mismatches.len()
    );
}

/// The generated side of a tree.
fn generated(tree: &DiffTree) -> Generated {
    Generated {
        resolve: tree.resolve,
        lookup: tree.lookup,
        matcher: tree.matcher,
        routes: tree.routes,
    }
}

fn run_tree(index: usize, tree: &DiffTree, paths: usize, tally: &mut Tally) {
    let generated = generated(tree);
    let (manifest, routes) = match reference_routes(tree.dir, &generated) {
        Ok(found) => found,
        Err(why) => {
            tally.mismatches.push(format!("tree {}: {why}", tree.name));
            return;
        }
    };
    let patterns: Vec<&RoutePattern> = manifest.servable_routes().map(|r| &r.pattern).collect();
    let mut generator = PathGenerator::new(
        DIFF_SEED ^ (index as u64 + 1).wrapping_mul(0x2545_f491_4f6c_dd1d),
        &patterns,
    );
    let mut reached = vec![false; routes.len()];
    tally.routes += routes.len();
    for _ in 0..paths {
        let path = generator.path();
        tally.cases += 1;
        match compare(&generated, &routes, &path) {
            Ok(Outcome::Matched(rank)) => {
                tally.matched += 1;
                reached[rank] = true;
            }
            Ok(Outcome::Unmatched) => tally.unmatched += 1,
            Ok(Outcome::MalformedPath) => tally.malformed_path += 1,
            Ok(Outcome::MalformedParam) => tally.malformed_param += 1,
            Err(why) => {
                let ids: Vec<&str> = routes.iter().map(|r| r.id.as_str()).collect();
                tally.mismatches.push(format!(
                    "tree {} ({}), path {path:?}: {why}\n    routes in priority order: {ids:?}",
                    tree.name, tree.dir
                ));
            }
        }
    }
    tally.routes_reached += reached.iter().filter(|&&r| r).count();
}

/// Param values, as they appear in a raw path.
const VALUES: &[&str] = &[
    "",
    "",
    "1",
    "42",
    "007",
    "+5",
    "4294967296",
    "0",
    "abc",
    "a",
    "b",
    "x",
    "é",
    "Ab",
    "json",
    "x.json",
    ".json",
    "a-b",
    "a.b",
    "-",
    ".",
    "..",
    "~",
    "@",
    ":",
    "a:b",
    "%3A",
    "%3a",
    "%40",
    "%2C",
    "%3B",
    "%3D",
    "%2B",
    "%24",
    "%26",
    "%20",
    "a%20b",
    " ",
    "%2F",
    "%2f",
    "a%2Fb",
    "%25",
    "%2525",
    "%252F",
    "%255",
    "%25255",
    "5%25",
    "%C3%A9",
    "%c3%a9",
    "caf%C3%A9",
    "cafe%CC%81",
    "日本",
    "%E6%97%A5",
    "%3F",
    "%23",
    "?",
    "#",
    "%41",
    "%2e",
    "%2E",
    "%5B",
    "[",
    "]",
    "(g)",
    "a+b",
    "50%25",
    "%0A",
    "\n",
    "\u{1f600}",
    "%F0%9F%98%80",
    "caf\u{e9}",
];

/// Malformed values: `decode_pathname` rejects a path holding them.
const MALFORMED: &[&str] = &[
    "%",
    "%zz",
    "%C0",
    "%C0%80",
    "%E6%97",
    "%ED%A0%80",
    "%F4%90%80%80",
    "%FF",
    "%2",
];

/// Junk inserted into paths.
const JUNK: &[&str] = &[
    "/",
    "//",
    "%",
    "%zz",
    "%C0%80",
    "%E9",
    "%25",
    "%2F",
    "%2f",
    "%ED%A0%80",
    "%F4%90%80%80",
    ".",
    "-",
    ".json",
    "é",
    "%C3%A9",
    "?",
    "#",
    "%3F",
    "%23",
];

/// Paths aimed at a tree's routes.
struct PathGenerator<'a> {
    rng: Rng,
    patterns: &'a [&'a RoutePattern],
    statics: Vec<String>,
}

impl<'a> PathGenerator<'a> {
    fn new(seed: u64, patterns: &'a [&'a RoutePattern]) -> Self {
        let mut statics = Vec::new();
        for pattern in patterns {
            for segment in &pattern.segments {
                if let Segment::Mixed(parts) = segment {
                    for part in parts {
                        if let Part::Static(text) = part
                            && !statics.contains(text)
                        {
                            statics.push(text.clone());
                        }
                    }
                }
            }
        }
        Self {
            rng: Rng(seed),
            patterns,
            statics,
        }
    }

    fn path(&mut self) -> String {
        if self.patterns.is_empty() || self.rng.chance(4) {
            return self.random_path();
        }
        let pattern = self.rng.pick(self.patterns);
        let mut path = self.path_for(pattern);
        if self.rng.chance(35) {
            for _ in 0..1 + self.rng.below(2) {
                path = self.mutate(path);
            }
        }
        path
    }

    /// Segments of static text and values, or a raw edge case.
    fn random_path(&mut self) -> String {
        if self.rng.chance(10) {
            return self
                .rng
                .pick(&["", "/", "//", "///", "a", "%", "/%", "/%25", "/%2F"])
                .to_owned();
        }
        let mut path = String::new();
        for _ in 0..self.rng.below(5) {
            path.push('/');
            let piece = self.value();
            path.push_str(&piece);
        }
        if path.is_empty() || self.rng.chance(20) {
            path.push('/');
        }
        path
    }

    /// A value for `param`: often one its matcher accepts.
    fn value_for(&mut self, param: &Param) -> String {
        match param.matcher.as_deref() {
            Some("digits" | "num") if self.rng.chance(50) => {
                let len = 1 + self.rng.below(3);
                (0..len)
                    .map(|_| char::from(b'0' + self.rng.below(10) as u8))
                    .collect()
            }
            Some("short") if self.rng.chance(50) => self
                .rng
                .pick(&["", "a", "1", "ab", "é", "日本", "-", "%20"])
                .to_owned(),
            _ => self.value(),
        }
    }

    fn value(&mut self) -> String {
        match self.rng.below(40) {
            0 => self.rng.pick(MALFORMED).to_owned(),
            1..=21 => self.rng.pick(VALUES).to_owned(),
            22..=31 if !self.statics.is_empty() => {
                let text = self.rng.pick(&self.statics);
                self.encode(&text)
            }
            32 | 33 => {
                let len = 1 + self.rng.below(4);
                (0..len)
                    .map(|_| char::from(b'0' + self.rng.below(10) as u8))
                    .collect()
            }
            34..=36 => {
                let a = self.value();
                let separator = self.rng.pick(&["-", ".", ".json", "x", "é", "%2F", "/"]);
                let b = self.value();
                format!("{a}{separator}{b}")
            }
            _ => self
                .rng
                .pick(&["a", "b", "x", "y", "ab", "1", "12"])
                .to_owned(),
        }
    }

    /// Static text as a path spells it: mostly the form that matches, sometimes not.
    fn encode(&mut self, text: &str) -> String {
        let mut out = String::new();
        for c in text.chars() {
            match c {
                '%' => out.push_str("%25"),
                '/' => out.push_str(self.rng.pick(&["%2F", "%2f"])),
                '?' => out.push_str(self.rng.pick(&["%3F", "%3f"])),
                '#' => out.push_str("%23"),
                c if self.rng.chance(6) => {
                    let upper = self.rng.chance(50);
                    let mut buf = [0; 4];
                    for byte in c.encode_utf8(&mut buf).bytes() {
                        if upper {
                            write!(out, "%{byte:02X}").expect("write to a String");
                        } else {
                            write!(out, "%{byte:02x}").expect("write to a String");
                        }
                    }
                }
                ' ' if self.rng.chance(60) => out.push_str("%20"),
                c => out.push(c),
            }
        }
        out
    }

    fn path_for(&mut self, pattern: &RoutePattern) -> String {
        match pattern.shape {
            Shape::Root => return "/".to_owned(),
            Shape::OnlyGroups => return self.rng.pick(&["", "/"]).to_owned(),
            Shape::Segments => {}
        }
        let mut path = String::new();
        for segment in &pattern.segments {
            match segment {
                Segment::Rest(i) => {
                    let count = self.rng.below(4);
                    if count > 0 {
                        path.push('/');
                        let param = &pattern.params[*i];
                        let values: Vec<String> =
                            (0..count).map(|_| self.value_for(param)).collect();
                        path.push_str(&values.join("/"));
                    }
                }
                Segment::Optional(i) => {
                    if self.rng.chance(55) {
                        path.push('/');
                        let value = self.value_for(&pattern.params[*i]);
                        path.push_str(&value);
                    }
                }
                Segment::Mixed(parts) => {
                    path.push('/');
                    for part in parts {
                        let piece = match part {
                            Part::Static(text) => self.encode(text),
                            Part::Param(i) => {
                                let param = &pattern.params[*i];
                                if param.rest {
                                    let count = self.rng.below(3);
                                    let values: Vec<String> =
                                        (0..count).map(|_| self.value_for(param)).collect();
                                    values.join("/")
                                } else if param.optional && self.rng.chance(45) {
                                    String::new()
                                } else {
                                    self.value_for(param)
                                }
                            }
                        };
                        path.push_str(&piece);
                    }
                }
            }
        }
        if path.is_empty() {
            path.push('/');
        }
        if self.rng.chance(12) {
            path.push('/');
        }
        path
    }

    /// A random change: `//`, a segment dropped or added, junk inserted, a trailing slash.
    fn mutate(&mut self, path: String) -> String {
        let boundaries: Vec<usize> = (0..=path.len())
            .filter(|&i| path.is_char_boundary(i))
            .collect();
        let at = self.rng.pick(&boundaries);
        match self.rng.below(6) {
            0 => format!("{path}/"),
            1 => {
                let junk = self.rng.pick(JUNK);
                format!("{}{junk}{}", &path[..at], &path[at..])
            }
            2 => {
                let mut segments: Vec<&str> = path.split('/').collect();
                if segments.len() > 1 {
                    let drop = 1 + self.rng.below(segments.len() - 1);
                    segments.remove(drop);
                }
                let joined = segments.join("/");
                if joined.is_empty() {
                    "/".to_owned()
                } else {
                    joined
                }
            }
            3 => {
                let value = self.value();
                format!("{path}/{value}")
            }
            4 => {
                let mut segments: Vec<String> = path.split('/').map(str::to_owned).collect();
                let value = self.value();
                let at = 1 + self.rng.below(segments.len());
                segments.insert(at.min(segments.len()), value);
                segments.join("/")
            }
            _ => format!("{}/{}", &path[..at], &path[at..]),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Conformance vectors.

#[test]
fn conformance_vectors_through_the_generated_dispatch() {
    let vectors: Value = serde_json::from_str(VECTORS).expect("the vectors file is valid JSON");
    let mut failures = Vec::new();
    let mut not_run = Vec::new();

    let mut exec_passed = 0;
    for vector in vectors["exec"].as_array().into_iter().flatten() {
        let route = vector["route"].as_str().unwrap_or_default();
        let path = vector["path"].as_str().unwrap_or_default();
        let name = format!("exec `{route}` on {path:?}");
        if let Some((_, why)) = EXEC_SKIPPED.iter().find(|(r, _)| *r == route) {
            not_run.push(format!("{name}: not compiled: {why}"));
            continue;
        }
        let key = matchers_key(&vector["matchers"]);
        let Some((_, _, tree)) = EXEC_TREES.iter().find(|(r, m, _)| *r == route && *m == key)
        else {
            failures.push(format!("{name}: no tree was generated"));
            continue;
        };
        let expected: Option<Params> =
            (!vector["expected_params"].is_null()).then(|| params_of(&vector["expected_params"]));
        let got = raw_match(&generated(tree), path).map(|(_, _, params)| params);
        if got == expected {
            exec_passed += 1;
        } else {
            failures.push(format!("{name}: generated {got:?}, expected {expected:?}"));
        }
    }

    let mut find_passed = 0;
    for (index, vector) in vectors["find_route"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        let name = format!(
            "find_route {:?}",
            vector["name"].as_str().unwrap_or_default()
        );
        let Some((_, tree)) = FIND_TREES.iter().find(|(i, _)| *i == index) else {
            failures.push(format!("{name}: no tree was generated"));
            continue;
        };
        // The vector's path is `decode_pathname`'s output; `find_route` decodes the params.
        let path = vector["path"].as_str().unwrap_or_default();
        let got = raw_match(&generated(tree), path).map(|(_, id, params)| {
            let decoded: Result<Params, _> = params
                .into_iter()
                .map(|(k, v)| routekit::decode_uri_component(&v).map(|v| (k, v.into_owned())))
                .collect();
            (id, decoded)
        });
        let outcome = match (&got, vector["expected_route"].as_str()) {
            (None, None) => Ok(()),
            (Some((id, Ok(params))), Some(expected)) if id == &expected => {
                if vector["expected_params"].is_null()
                    || *params == params_of(&vector["expected_params"])
                {
                    Ok(())
                } else {
                    Err(format!("params {params:?}"))
                }
            }
            _ => Err(format!("generated {got:?}")),
        };
        match outcome {
            Ok(()) => find_passed += 1,
            Err(why) => failures.push(format!("{name}: {why}")),
        }
    }

    let mut parse_passed = 0;
    for (index, vector) in vectors["parse"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        let id = vector["id"].as_str().unwrap_or_default();
        let Some((_, tree)) = PARSE_TREES.iter().find(|(i, _)| *i == index) else {
            failures.push(format!("parse `{id}`: no tree was generated"));
            continue;
        };
        for case in vector["matches"].as_array().into_iter().flatten() {
            let path = case["path"].as_str().unwrap_or_default();
            let got = raw_match(&generated(tree), path).map(|(_, _, params)| params);
            let expected = Some(params_of(&case["params"]));
            if got == expected {
                parse_passed += 1;
            } else {
                failures.push(format!(
                    "parse `{id}` on {path:?}: generated {got:?}, expected {expected:?}"
                ));
            }
        }
        for path in vector["non_matches"].as_array().into_iter().flatten() {
            let path = path.as_str().unwrap_or_default();
            match raw_match(&generated(tree), path) {
                None => parse_passed += 1,
                Some(found) => failures.push(format!(
                    "parse `{id}` on {path:?}: generated {found:?}, expected no match"
                )),
            }
        }
    }

    println!(
        "conformance vectors through the generated dispatch: exec {exec_passed} passed, \
         find_route {find_passed} passed, parse matches/non_matches {parse_passed} passed, \
         {} failed, {} not run",
        failures.len(),
        not_run.len()
    );
    for line in &not_run {
        println!("NOT RUN {line}");
    }
    for line in &failures {
        println!("FAILED {line}");
    }
    assert!(
        failures.is_empty(),
        "{} vectors failed (listed above)",
        failures.len()
    );
    assert!(
        exec_passed > 0 && find_passed > 0 && parse_passed > 0,
        "no vector ran"
    );
}

/// The matchers of a vector as the build script keys them: `name=spec` sorted, `,`-joined.
fn matchers_key(matchers: &Value) -> String {
    let mut entries: Vec<String> = matchers
        .as_object()
        .into_iter()
        .flatten()
        .map(|(name, spec)| match spec {
            Value::String(text) => format!("{name}={text}"),
            other => format!("{name}={other}"),
        })
        .collect();
    entries.sort();
    entries.join(",")
}

fn params_of(value: &Value) -> Params {
    value
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))
        .collect()
}
