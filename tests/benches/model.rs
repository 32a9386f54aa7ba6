//! Scanning, validating and sorting a generated routes tree (`Manifest::from_dir`).
//!
//! Run with `cargo bench -p routekit-tests --bench model`.

use std::sync::LazyLock;

use routekit_codegen::Manifest;
use tempfile::TempDir;

fn main() {
    divan::main();
}

/// Trees of each size, written once.
fn tree(count: usize) -> &'static TempDir {
    static TREES: LazyLock<Vec<(usize, TempDir)>> = LazyLock::new(|| {
        [100, 1_000]
            .into_iter()
            .map(|count| {
                let dir = tempfile::tempdir().expect("a temporary folder");
                routekit_tests::write_route_tree(dir.path(), count).expect("write the tree");
                (count, dir)
            })
            .collect()
    });
    &TREES
        .iter()
        .find(|(n, _)| *n == count)
        .expect("a generated size")
        .1
}

#[divan::bench(args = [100, 1_000], sample_count = 30)]
fn scan_validate_sort(bencher: divan::Bencher, routes: usize) {
    let routes_dir = tree(routes).path().join("src/routes");
    bencher.bench(|| {
        let manifest = Manifest::from_dir(&routes_dir).expect("the generated tree is valid");
        assert!(manifest.routes.len() > routes);
        manifest
    });
}

/// The walk alone (filesystem reads, file classification).
#[divan::bench(args = [1_000], sample_count = 30)]
fn scan_only(bencher: divan::Bencher, routes: usize) {
    let routes_dir = tree(routes).path().join("src/routes");
    bencher.bench(|| routekit_codegen::scan::scan(&routes_dir));
}

/// SvelteKit's sort alone, on the ids of the generated tree in walk order.
#[divan::bench(args = [1_000], sample_count = 30)]
fn sort_only(bencher: divan::Bencher, routes: usize) {
    let routes_dir = tree(routes).path().join("src/routes");
    let ids: Vec<String> = routekit_codegen::scan::scan(&routes_dir)
        .dirs
        .into_iter()
        .map(|dir| dir.id)
        .collect();
    bencher
        .with_inputs(|| ids.clone())
        .bench_local_values(|mut ids| {
            routekit_codegen::sort_route_ids(&mut ids, |id| id.as_str());
            ids
        });
}
