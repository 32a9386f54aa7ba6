//! Runs SvelteKit 2's own routing test vectors against routekit.
//!
//! The vectors are `tests/data/routekit-vectors.json`, copied from the project's shared
//! conformance data (`shared/conformance/routekit-vectors.json`), which was extracted from
//! SvelteKit's spec files (`@sveltejs/kit@2.70.2`, main @ `1ad0d437`) and translated to routekit's
//! file names. This binary prints a count per section and names every vector it does not run,
//! with the reason; it fails when any vector fails.

use std::collections::BTreeMap;
use std::path::Path;

use routekit_codegen::reference::{self, ReferenceRoute};
use routekit_codegen::{
    Component, ErrorKind, Manifest, js_regex_source, resolve_route, sort_route_ids,
};
use serde_json::Value;

const VECTORS: &str = include_str!("../data/routekit-vectors.json");

/// The outcome of one section.
#[derive(Default)]
struct Tally {
    passed: usize,
    failed: Vec<String>,
    not_run: Vec<String>,
}

impl Tally {
    fn check(&mut self, name: impl Into<String>, outcome: Result<(), String>) {
        match outcome {
            Ok(()) => self.passed += 1,
            Err(why) => self.failed.push(format!("{}: {why}", name.into())),
        }
    }
}

/// Runs one vector of a section.
type Section = fn(&Value, &mut Tally);

fn main() {
    let vectors: Value = serde_json::from_str(VECTORS).expect("the vectors file is valid JSON");
    let sections: [(&str, Section); 10] = [
        ("sort", sort),
        ("parse", parse),
        ("exec", exec),
        ("find_route", find_route),
        ("resolve", resolve),
        ("manifest", manifest),
        ("build_errors", build_errors),
        ("negotiate", negotiate),
        ("normalize_path", normalize_path),
        ("dispatch_facts", dispatch_facts),
    ];
    let (mut passed, mut failed) = (0, 0);
    for (section, run) in sections {
        let mut tally = Tally::default();
        for vector in vectors[section].as_array().into_iter().flatten() {
            run(vector, &mut tally);
        }
        println!(
            "{section:>15}: {} passed, {} failed, {} not run here",
            tally.passed,
            tally.failed.len(),
            tally.not_run.len()
        );
        for failure in &tally.failed {
            println!("    FAILED {failure}");
        }
        for skipped in &tally.not_run {
            println!("    not run: {skipped}");
        }
        passed += tally.passed;
        failed += tally.failed.len();
    }
    for dropped in vectors["dropped"].as_array().into_iter().flatten() {
        println!(
            "    dropped upstream ({}): {}: {}",
            dropped["section"].as_str().unwrap_or_default(),
            dropped["name"].as_str().unwrap_or_default(),
            dropped["reason"].as_str().unwrap_or_default()
        );
    }
    println!("conformance: {passed} passed, {failed} failed");
    if failed > 0 {
        std::process::exit(1);
    }
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect()
}

fn params_of(value: &Value) -> BTreeMap<String, String> {
    value
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))
        .collect()
}

fn sort(v: &Value, tally: &mut Tally) {
    let name = v["name"].as_str().unwrap_or("sort");
    let expected = strings(&v["expected"]);
    let input = strings(&v["input"]);
    // The order must not depend on the input order: try the given order and a few others.
    let mut orders = vec![input.clone()];
    orders.push(input.iter().rev().cloned().collect());
    for shift in [1, 7, 13] {
        let mut rotated = input.clone();
        rotated.rotate_left(shift % input.len().max(1));
        orders.push(rotated);
    }
    let outcome = orders.into_iter().try_for_each(|mut ids| {
        sort_route_ids(&mut ids, |id| id.as_str());
        if ids == expected {
            Ok(())
        } else {
            Err(format!("got {ids:?}"))
        }
    });
    tally.check(name, outcome);
}

fn always(matchers: &Value) -> impl Fn(&str, &str) -> bool + '_ {
    move |name, _| matchers[name].as_bool().unwrap_or(true)
}

fn parse(v: &Value, tally: &mut Tally) {
    let id = v["id"].as_str().unwrap_or_default();
    let outcome = (|| {
        let route = ReferenceRoute::new(id).map_err(|e| format!("{e:?}"))?;
        let source = js_regex_source(&route.pattern);
        if source != v["regex_source"].as_str().unwrap_or_default() {
            return Err(format!("regex source {source}"));
        }
        for (param, expected) in route
            .pattern
            .params
            .iter()
            .zip(v["params"].as_array().into_iter().flatten())
        {
            let got = (
                param.name.as_str(),
                param.matcher.as_deref(),
                param.optional,
                param.rest,
                param.chained,
            );
            let want = (
                expected["name"].as_str().unwrap_or_default(),
                expected["matcher"].as_str(),
                expected["optional"].as_bool().unwrap_or_default(),
                expected["rest"].as_bool().unwrap_or_default(),
                expected["chained"].as_bool().unwrap_or_default(),
            );
            if got != want {
                return Err(format!("param {got:?}, expected {want:?}"));
            }
        }
        if route.pattern.params.len() != v["params"].as_array().map_or(0, Vec::len) {
            return Err("wrong number of params".into());
        }
        let accept_all = |_: &str, _: &str| true;
        for case in v["matches"].as_array().into_iter().flatten() {
            let path = case["path"].as_str().unwrap_or_default();
            let got = reference::exec(&route, path, &accept_all);
            if got != Some(params_of(&case["params"])) {
                return Err(format!("{path}: got {got:?}"));
            }
        }
        for path in strings(&v["non_matches"]) {
            if let Some(got) = reference::exec(&route, &path, &accept_all) {
                return Err(format!("{path} should not match, got {got:?}"));
            }
        }
        Ok(())
    })();
    tally.check(id, outcome);
}

fn exec(v: &Value, tally: &mut Tally) {
    let id = v["route"].as_str().unwrap_or_default();
    let path = v["path"].as_str().unwrap_or_default();
    let outcome = (|| {
        let route = ReferenceRoute::new(id).map_err(|e| format!("{e:?}"))?;
        let got = reference::exec(&route, path, &always(&v["matchers"]));
        let expected = (!v["expected_params"].is_null()).then(|| params_of(&v["expected_params"]));
        if got == expected {
            Ok(())
        } else {
            Err(format!("got {got:?}, expected {expected:?}"))
        }
    })();
    tally.check(format!("{id} on {path:?}"), outcome);
}

fn find_route(v: &Value, tally: &mut Tally) {
    let name = v["name"].as_str().unwrap_or_default();
    let outcome = (|| {
        let routes: Vec<ReferenceRoute> = strings(&v["routes"])
            .iter()
            .map(|id| ReferenceRoute::new(id).map_err(|e| format!("{e:?}")))
            .collect::<Result<_, _>>()?;
        let mut regexes = BTreeMap::new();
        for (matcher, spec) in v["matchers"].as_object().into_iter().flatten() {
            let pattern = spec
                .as_str()
                .unwrap_or_default()
                .trim_start_matches("regex ");
            let regex = regex::Regex::new(&format!("(?-u){pattern}")).map_err(|e| e.to_string())?;
            regexes.insert(matcher.clone(), regex);
        }
        let matcher = |name: &str, value: &str| regexes.get(name).is_none_or(|r| r.is_match(value));
        let path = v["path"].as_str().unwrap_or_default();
        let found = reference::find_route(path, &routes, &matcher).map_err(|e| e.to_string())?;
        let got_route = found.as_ref().map(|(route, _)| route.id.as_str());
        if got_route != v["expected_route"].as_str() {
            return Err(format!("got route {got_route:?}"));
        }
        if let (Some((_, params)), false) = (&found, v["expected_params"].is_null())
            && *params != params_of(&v["expected_params"])
        {
            return Err(format!("got params {params:?}"));
        }
        Ok(())
    })();
    tally.check(name, outcome);
}

fn resolve(v: &Value, tally: &mut Tally) {
    let id = v["route"].as_str().unwrap_or_default();
    let got = resolve_route(id, &params_of(&v["params"]));
    let outcome = match (&got, v["expected"].as_str(), v["expected_throw"].as_str()) {
        (Ok(path), Some(expected), _) if path == expected => Ok(()),
        (Err(error), _, Some(_)) => {
            // The wording is routekit's; it must name the param and the route.
            let message = error.to_string();
            let param = v["expected_throw"]
                .as_str()
                .unwrap_or_default()
                .split('\'')
                .nth(1)
                .unwrap_or_default();
            if message.contains(id) && message.contains(param) {
                Ok(())
            } else {
                Err(format!(
                    "message {message:?} must name `{param}` and `{id}`"
                ))
            }
        }
        _ => Err(format!("got {got:?}")),
    };
    tally.check(id, outcome);
}

/// Lays out `files` under `root/routes_dir` (and `params_files` under its sibling `params/`).
fn lay_out(root: &Path, routes_dir: &str, files: &[String], params_files: &[String]) {
    let routes = root.join(routes_dir);
    std::fs::create_dir_all(&routes).expect("create the routes folder");
    for file in files {
        let path = routes.join(file);
        std::fs::create_dir_all(path.parent().expect("a file has a parent"))
            .expect("create folders");
        std::fs::write(&path, "").expect("write a fixture file");
    }
    let params = routes
        .parent()
        .expect("routes folder has a parent")
        .join("params");
    for file in params_files {
        std::fs::create_dir_all(&params).expect("create the params folder");
        std::fs::write(params.join(file), "").expect("write a matcher file");
    }
}

/// A node's file as the vectors write it: relative to the test folder, or the built-in names.
fn component_name(root: &Path, component: &Option<Component>) -> Option<String> {
    component.as_ref().map(|component| match component {
        Component::File(path) => relative(root, path),
        Component::DefaultLayout => "layout.html".into(),
        Component::DefaultError => "error.html".into(),
    })
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}

fn manifest(v: &Value, tally: &mut Tally) {
    let name = format!(
        "{} ({})",
        v["test"].as_str().unwrap_or_default(),
        v["fixture"].as_str().unwrap_or_default()
    );
    let routes_dir = v["routes_dir"].as_str().unwrap_or_default();
    let root = tempfile::tempdir().expect("a temporary folder");
    let root = root.path();
    if v["routes_dir_exists"] == Value::Bool(false) {
        // Deliberate deviation: SvelteKit builds an empty app when `src/routes` is missing;
        // routekit reports the missing folder instead (a user pointing `dir` at the wrong place
        // should hear about it). The vector is run against that behaviour.
        let outcome = match Manifest::from_dir(root.join(routes_dir)) {
            Err(errors) if errors.iter().any(|e| e.kind == ErrorKind::RoutesDirMissing) => Ok(()),
            other => Err(format!("expected a missing-folder error, got {other:?}")),
        };
        tally.check(
            format!("{name} [routekit: a missing routes folder is an error]"),
            outcome,
        );
        return;
    }
    lay_out(root, routes_dir, &strings(&v["files"]), &[]);
    if v["fixture"] == "symlinks/routes" {
        // `foo` is a symlink to `../bar`, which holds the page.
        let routes = root.join(routes_dir);
        std::fs::remove_dir_all(routes.join("foo")).expect("remove the placeholder");
        let bar = routes.parent().expect("parent").join("bar");
        std::fs::create_dir_all(&bar).expect("create bar");
        std::fs::write(bar.join("+page.html"), "").expect("write page");
        std::os::unix::fs::symlink("../bar", routes.join("foo")).expect("symlink");
    }
    let outcome = (|| {
        let manifest = Manifest::from_dir(root.join(routes_dir)).map_err(|e| e.to_string())?;
        let expected = &v["expected"];
        // Symlinked files are named by where the walk found them.
        if let Some(nodes) = expected["nodes"].as_array() {
            let got: Vec<Value> = manifest
                .nodes
                .iter()
                .map(|node| {
                    let mut object = serde_json::Map::new();
                    if let Some(component) = component_name(root, &node.component) {
                        object.insert("component".into(), component.into());
                    }
                    if let Some(server) = &node.server {
                        object.insert("server".into(), relative(root, server).into());
                    }
                    if let Some(reset) = &node.reset {
                        object.insert("parent_id".into(), reset.clone().into());
                    }
                    Value::Object(object)
                })
                .collect();
            if got != *nodes {
                return Err(format!("nodes: got {got:?}"));
            }
        }
        if let Some(routes) = expected["routes"].as_array() {
            let filter = expected["routes_filter"].as_str().unwrap_or_default();
            let got: Vec<Value> = manifest
                .routes
                .iter()
                .filter(|r| match filter {
                    "only routes with a page" => r.page.is_some(),
                    "only routes with an endpoint" => r.endpoint.is_some(),
                    _ => true,
                })
                .map(|route| {
                    let mut object = serde_json::Map::new();
                    object.insert("id".into(), route.id.clone().into());
                    object.insert("source".into(), js_regex_source(&route.pattern).into());
                    if let Some(page) = &route.page {
                        object.insert(
                            "page".into(),
                            serde_json::json!({"layouts": page.layouts, "errors": page.errors, "leaf": page.leaf}),
                        );
                    }
                    if let Some(endpoint) = &route.endpoint {
                        object.insert("endpoint".into(), relative(root, endpoint).into());
                    }
                    Value::Object(object)
                })
                .collect();
            let want: Vec<Value> = routes
                .iter()
                .map(|r| {
                    let mut r = r.clone();
                    r.as_object_mut()
                        .map(|o| o.remove("pattern_spec_simplified"));
                    r
                })
                .collect();
            if got != want {
                return Err(format!("routes: got {got:?}"));
            }
        }
        if let Some(ids) = expected["route_ids_in_order"].as_array() {
            let got: Vec<&str> = manifest.routes.iter().map(|r| r.id.as_str()).collect();
            let sources: Vec<String> = manifest
                .routes
                .iter()
                .map(|r| js_regex_source(&r.pattern))
                .collect();
            if got != strings(&Value::Array(ids.clone()))
                || sources != strings(&expected["route_sources_in_order"])
            {
                return Err(format!("order: got {got:?} {sources:?}"));
            }
        }
        if let Some(files) = expected["endpoint_files"].as_array() {
            let got: Vec<String> = manifest
                .routes
                .iter()
                .filter_map(|r| r.endpoint.as_ref().map(|e| relative(root, e)))
                .collect();
            if got != strings(&Value::Array(files.clone())) {
                return Err(format!("endpoints: got {got:?}"));
            }
        }
        Ok(())
    })();
    tally.check(name, outcome);
}

fn build_errors(v: &Value, tally: &mut Tally) {
    let name = v["name"]
        .as_str()
        .or_else(|| v["test"].as_str())
        .unwrap_or_default()
        .to_owned();
    let routes_dir = v["routes_dir"].as_str().unwrap_or("src/routes");
    let files = match &v["files"] {
        Value::String(_) => vec!["+page.html".to_owned(), "about/+page.html".to_owned()],
        files => strings(files),
    };
    let root = tempfile::tempdir().expect("a temporary folder");
    let root = root.path();
    lay_out(root, routes_dir, &files, &strings(&v["params_dir_files"]));
    let result = Manifest::from_dir(root.join(routes_dir));
    let outcome = match (v["error_kind"].as_str(), result) {
        (None, Ok(_)) => Ok(()),
        (None, Err(errors)) => Err(format!("expected success, got {errors}")),
        (Some(kind), Ok(_)) => Err(format!("expected a `{kind}` error, the build succeeded")),
        (Some(kind), Err(errors)) => {
            let mentions = strings(&v["must_mention"]);
            let found = errors.iter().find(|error| {
                let text = error.to_string();
                error.kind.as_str() == kind
                    && error.path.starts_with(root)
                    && mentions.iter().all(|m| text.contains(m.as_str()))
            });
            match found {
                Some(_) => Ok(()),
                None => Err(format!(
                    "expected `{kind}` naming {mentions:?}, got: {errors}"
                )),
            }
        }
    };
    tally.check(name, outcome);
}

fn negotiate(v: &Value, tally: &mut Tally) {
    let accept = match &v["accept_repeat"] {
        Value::Null => v["accept"].as_str().unwrap_or_default().to_owned(),
        repeat => repeat["char"]
            .as_str()
            .unwrap_or_default()
            .repeat(repeat["count"].as_u64().unwrap_or_default() as usize),
    };
    let types = strings(&v["types"]);
    let types: Vec<&str> = types.iter().map(String::as_str).collect();
    let got = routekit::negotiate(&accept, &types);
    let outcome = if got == v["expected"].as_str() {
        Ok(())
    } else {
        Err(format!("got {got:?}"))
    };
    tally.check(format!("{:.60}", accept), outcome);
}

fn normalize_path(v: &Value, tally: &mut Tally) {
    let path = v["path"].as_str().unwrap_or_default();
    let policy = match v["trailing_slash"].as_str() {
        Some("always") => routekit::TrailingSlash::Always,
        Some("ignore") => routekit::TrailingSlash::Ignore,
        _ => routekit::TrailingSlash::Never,
    };
    let got = routekit::normalize_path(path, policy);
    let outcome = if got == v["expected"].as_str().unwrap_or_default() {
        Ok(())
    } else {
        Err(format!("got {got:?}"))
    };
    tally.check(format!("{path} {policy:?}"), outcome);
}

fn dispatch_facts(v: &Value, tally: &mut Tally) {
    tally.not_run.push(format!(
        "{}: a request-level fact, checked against the runtime by `cargo test -p routekit-tests --test dispatch_facts`",
        v["name"].as_str().unwrap_or_default()
    ));
}
