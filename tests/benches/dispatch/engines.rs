//! The engines the dispatch benchmark compares, each built for one route set, and the check
//! that they all send every lookup where the set says before anything is timed.

use std::collections::HashMap;

use routekit::RouteInfo;
use routekit_codegen::reference::{ReferenceRoute, find_route};

use crate::RouteSet;

/// One of the compared engines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// The derive's generated `lookup` (decoded path in, rank and borrowed values out).
    Routekit,
    /// matchit 0.9's `Router::at` (the router inside axum, one major version ahead).
    Matchit,
    /// SvelteKit's own dispatch: every route's regex in priority order, first match wins
    /// (routekit's reference matcher).
    Linear,
}

impl Engine {
    /// Every engine, in the order the summary shows them.
    pub const ALL: [Engine; 3] = [Engine::Routekit, Engine::Matchit, Engine::Linear];

    /// The engine's name on the command line and in reports.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Routekit => "routekit",
            Engine::Matchit => "matchit",
            Engine::Linear => "linear",
        }
    }

    /// The engine named `name`.
    pub fn from_name(name: &str) -> Option<Engine> {
        Engine::ALL.into_iter().find(|engine| engine.name() == name)
    }
}

/// A route set made ready for every engine.
pub struct Prepared {
    /// The set.
    pub set: &'static RouteSet,
    /// The generated lookup: the rank of the route a path reaches (`u32::MAX`: none).
    pub rank: fn(&str) -> u32,
    /// matchit's router, each route's value being its index in the set.
    pub matchit: matchit::Router<u32>,
    /// The reference routes, in priority order (none unless asked for).
    pub linear: Vec<ReferenceRoute>,
    /// The index in the set of the route of each rank.
    pub index_of_rank: Vec<u32>,
}

impl Prepared {
    /// Builds the engines for `set`, whose app has `routes` (in priority order) and `rank`;
    /// the linear scan only `with_linear`.
    pub fn new(
        set: &'static RouteSet,
        routes: &'static [RouteInfo],
        rank: fn(&str) -> u32,
        with_linear: bool,
    ) -> Self {
        let mut router = matchit::Router::new();
        for (index, route) in set.routes.iter().enumerate() {
            router
                .insert(*route, index_u32(index))
                .unwrap_or_else(|e| panic!("matchit refuses {route}: {e}"));
        }
        let linear = routes
            .iter()
            .filter(|_| with_linear)
            .map(|route| ReferenceRoute::new(route.id).expect("a valid route id"))
            .collect();
        // By id: a search per route made the 10,000-route setup quadratic (25 G instructions,
        // minutes under cachegrind).
        let by_id: HashMap<String, u32> = (set.routes.iter().enumerate())
            .map(|(index, route)| (route_id(route), index_u32(index)))
            .collect();
        let index_of_rank = routes.iter().map(|route| by_id[route.id]).collect();
        Prepared {
            set,
            rank,
            matchit: router,
            linear,
            index_of_rank,
        }
    }

    /// One lookup of `path` by `engine`: the index in the set of the route it reaches. (The
    /// timed loops call each engine directly instead.)
    pub fn lookup(&self, engine: Engine, path: &str) -> Option<u32> {
        match engine {
            Engine::Routekit => self.index_of_rank.get((self.rank)(path) as usize).copied(),
            Engine::Matchit => self.matchit.at(path).ok().map(|found| *found.value),
            Engine::Linear => {
                let found = find_route(path, &self.linear, &|_, _| true).ok().flatten();
                found.map(|(route, _)| self.index_by_id(&route.id))
            }
        }
    }

    fn index_by_id(&self, id: &str) -> u32 {
        let rank = self.linear.iter().position(|route| route.id == id);
        self.index_of_rank[rank.expect("a route of the set")]
    }

    /// Panics unless `engine` sends every lookup of the set to the expected route.
    pub fn check(&self, engine: Engine) {
        for (path, expected) in self.set.lookups.iter().zip(self.set.expected) {
            let found = self.lookup(engine, path);
            assert_eq!(found, *expected, "{} on {path}", engine.name());
        }
    }
}

/// The routekit id of a route in matchit syntax: `{p1}` as `[p1]`, no trailing slash.
fn route_id(matchit_route: &str) -> String {
    let id = matchit_route.replace('{', "[").replace('}', "]");
    match id.strip_suffix('/') {
        Some(trimmed) if !trimmed.is_empty() => trimmed.to_owned(),
        _ => id,
    }
}

fn index_u32(index: usize) -> u32 {
    u32::try_from(index).expect("fewer than 2^32 routes")
}
