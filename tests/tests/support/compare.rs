//! The comparison at the heart of the differential test, shared with the fuzz targets
//! (`fuzz/src/matcher.rs` includes this file with `#[path]`): one path through the dispatch
//! `#[derive(Routes)]` generated and through the reference matcher
//! (`routekit_codegen::reference`, a literal port of SvelteKit 2's `decode_pathname`, `exec`
//! and `find_route`).

use std::collections::BTreeMap;

use routekit_codegen::Manifest;
use routekit_codegen::reference::{self, ReferenceRoute};

/// Param names to values.
pub type Params = BTreeMap<String, String>;

/// One generated app, as the comparison calls it.
#[derive(Clone, Copy)]
pub struct Generated {
    /// `App::resolve`.
    pub resolve: fn(&str) -> Option<routekit::Match>,
    /// `App::lookup`: the rank (`u32::MAX` for none) and raw values.
    pub lookup: fn(&str) -> (u32, Vec<Option<String>>),
    /// The app's matchers (its own `params/*.rs` functions), by name.
    pub matcher: fn(&str, &str) -> bool,
    /// `App::routes`.
    pub routes: fn() -> &'static [routekit::RouteInfo],
}

/// What the reference made of a path the two sides agree on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A route matched: its rank.
    Matched(usize),
    /// No route matched.
    Unmatched,
    /// `decode_pathname` rejected the path.
    MalformedPath,
    /// A route matched but one of its params does not decode.
    MalformedParam,
}

/// The reference routes of the tree in `dir`, in priority order, checked against the
/// generated table.
pub fn reference_routes(
    dir: &str,
    generated: &Generated,
) -> Result<(Manifest, Vec<ReferenceRoute>), String> {
    let manifest = Manifest::from_dir(dir).map_err(|errors| format!("{errors}"))?;
    let routes: Vec<ReferenceRoute> = manifest
        .servable_routes()
        .map(|route| ReferenceRoute::new(&route.id).map_err(|e| format!("{e:?}")))
        .collect::<Result<_, _>>()?;
    let table: Vec<&str> = (generated.routes)().iter().map(|route| route.id).collect();
    let expected: Vec<&str> = routes.iter().map(|route| route.id.as_str()).collect();
    if table != expected {
        return Err(format!(
            "the generated route table {table:?} is not the manifest's {expected:?}"
        ));
    }
    Ok((manifest, routes))
}

/// Runs one path through both sides:
///
/// - `routekit::decode_pathname` against the reference `decode_pathname`;
/// - `App::resolve(path)` against `decode_pathname` + `find_route`: the same route, rank and
///   decoded params, or `None` on both sides. The generated `resolve` answers `None` for a
///   malformed path, for no match, and for a matched route whose param does not decode, three
///   outcomes the reference tells apart, so all three count as `None`;
/// - `App::lookup(decoded)` against the first route `exec` accepts: the same rank and raw
///   values (this also covers the cases where the params do not decode).
pub fn compare(
    generated: &Generated,
    routes: &[ReferenceRoute],
    path: &str,
) -> Result<Outcome, String> {
    let matcher = |name: &str, value: &str| (generated.matcher)(name, value);
    let decoded = reference::decode_pathname(path);
    let runtime_decoded = routekit::decode_pathname(path);
    match (&decoded, &runtime_decoded) {
        (Ok(a), Ok(b)) if a == b => {}
        (Err(_), Err(_)) => {}
        _ => {
            return Err(format!(
                "decode_pathname: reference {decoded:?}, runtime {runtime_decoded:?}"
            ));
        }
    }

    // What `resolve` must answer: (rank, route id, decoded params) or nothing.
    let (outcome, expected): (Outcome, Option<(usize, &str, Params)>) = match &decoded {
        Err(_) => (Outcome::MalformedPath, None),
        Ok(decoded) => match reference::find_route(decoded, routes, &matcher) {
            Ok(Some((route, params))) => {
                let rank = routes
                    .iter()
                    .position(|r| std::ptr::eq(r, route))
                    .expect("the route is one of the routes");
                (
                    Outcome::Matched(rank),
                    Some((rank, route.id.as_str(), params)),
                )
            }
            Ok(None) => (Outcome::Unmatched, None),
            Err(_) => (Outcome::MalformedParam, None),
        },
    };
    let got = (generated.resolve)(path).map(|found| {
        let params: Params = found
            .params
            .iter()
            .map(|(name, value)| ((*name).to_owned(), value.clone()))
            .collect();
        (found.rank, found.route.id, params)
    });
    if got != expected {
        return Err(format!(
            "resolve: generated {}, reference {}",
            show(got.as_ref()),
            show(expected.as_ref())
        ));
    }

    // The raw lookup on the decoded path: the first route whose `exec` accepts it.
    if let Ok(decoded) = &decoded {
        let expected_raw = routes.iter().enumerate().find_map(|(rank, route)| {
            reference::exec(route, decoded, &matcher)
                .map(|params| (rank, route.id.as_str(), params))
        });
        let got_raw = raw_match(generated, decoded);
        if got_raw != expected_raw {
            return Err(format!(
                "lookup({decoded:?}): generated {}, reference exec {}",
                show(got_raw.as_ref()),
                show(expected_raw.as_ref())
            ));
        }
    }
    Ok(outcome)
}

/// `lookup`'s answer as (rank, route id, present params).
pub fn raw_match(generated: &Generated, decoded: &str) -> Option<(usize, &'static str, Params)> {
    let (rank, values) = (generated.lookup)(decoded);
    if rank == u32::MAX {
        return None;
    }
    let rank = rank as usize;
    let route = (generated.routes)().get(rank)?;
    let params = route
        .params
        .iter()
        .zip(values)
        .filter_map(|(name, value)| Some(((*name).to_owned(), value?)))
        .collect();
    Some((rank, route.id, params))
}

/// A match for a message.
pub fn show(found: Option<&(usize, &str, Params)>) -> String {
    match found {
        None => "no match".to_owned(),
        Some((rank, id, params)) => format!("#{rank} `{id}` {params:?}"),
    }
}
