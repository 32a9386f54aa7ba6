//! `__params_extractor!`: the `FromRequestParts` impl every route's generated `Params` gets.
//!
//! The derive names this macro instead of writing the impl out for each route: the impl is the
//! same for every route but its rank and id, and a proc macro's output crosses into the
//! compiler token by token, so a 1,000-route app expands much faster this way.

/// Implements axum's `FromRequestParts` for the route's `Params` (`$params`): read from the
/// request's `RouteMatch` when the rank is this route's (`$rank`, `$id`). (A route without
/// params has `routekit::NoParams` for its `Params`, whose impl is routekit's own.)
#[doc(hidden)]
#[macro_export]
macro_rules! __params_extractor {
    ($params:ident, $rank:literal, $id:literal) => {
        /// The route's params as an axum extractor, in this route's handlers.
        impl<S: ::core::marker::Send + ::core::marker::Sync>
            $crate::__private::axum::extract::FromRequestParts<S> for $params
        {
            type Rejection = $crate::__private::axum::response::Response;

            // A named future, ready at once: an `async fn` or an `impl Future` per route made
            // type checking and coherence many times slower for large apps.
            #[allow(refining_impl_trait)]
            fn from_request_parts(
                parts: &mut $crate::__private::axum::http::request::Parts,
                _state: &S,
            ) -> ::core::future::Ready<::core::result::Result<Self, Self::Rejection>> {
                ::core::future::ready($crate::__private::params_from_parts(
                    parts,
                    $rank,
                    $id,
                    $params::from_values,
                ))
            }
        }
    };
}
