//! The matched route, carried in the request's extensions for extractors to read.

/// The route a request reached: its rank and its raw (not yet percent-decoded) param values,
/// in id order. Generated `Params` extractors build themselves from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteMatch {
    /// The route's rank in priority order.
    pub rank: usize,
    /// The params' raw values; `None` for an absent optional.
    pub values: Vec<Option<String>>,
}

impl RouteMatch {
    /// Takes a lookup's result: `None` when nothing matched.
    pub fn from_raw<const N: usize>(
        raw: &crate::matching::RawMatch<'_, N>,
        param_count: usize,
    ) -> Option<Self> {
        let rank = usize::try_from(raw.rank)
            .ok()
            .filter(|_| raw.rank != u32::MAX)?;
        let values = raw
            .values()
            .take(param_count)
            .map(|v| v.map(str::to_owned))
            .collect();
        Some(RouteMatch { rank, values })
    }
}

/// Builds a route's `Params` from the request's [`RouteMatch`] (the generated `Params`
/// extractor). A handler of another route asking for these params is a mistake in the app (a
/// 500 saying so); a value that does not percent-decode is a 400.
// The rejection is a response, as axum extractors' rejections are.
#[allow(clippy::result_large_err)]
pub fn params_from_parts<P>(
    parts: &axum::http::request::Parts,
    rank: usize,
    id: &str,
    build: impl FnOnce(&[Option<String>]) -> Result<P, crate::matching::ParamsError>,
) -> Result<P, axum::response::Response> {
    use axum::http::StatusCode;
    let Some(found) = parts
        .extensions
        .get::<RouteMatch>()
        .filter(|found| found.rank == rank)
    else {
        return Err(crate::server::error::error_response(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("the params of route {id} were asked for outside that route's handlers"),
        ));
    };
    build(&found.values).map_err(|error| {
        crate::server::error::error_response(
            StatusCode::BAD_REQUEST,
            format!("Malformed URI: {error}"),
        )
    })
}

/// The response for a handler the route table does not have (a bug in generated code).
pub fn no_such_handler(rank: usize, handler: &str) -> axum::response::Response {
    crate::server::error::error_response(
        axum::http::StatusCode::INTERNAL_SERVER_ERROR,
        format!("routekit: route {rank} has no handler {handler}"),
    )
}
