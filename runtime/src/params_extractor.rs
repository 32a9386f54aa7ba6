//! `__params_extractor!`: the `FromRequestParts` impl every route's generated `Params` gets.
//!
//! The derive names this macro instead of writing the impl out for each route: the impl is the
//! same for every route but its rank and id, and a proc macro's output crosses into the
//! compiler token by token, so a 1,000-route app expands much faster this way.

/// Implements axum's `FromRequestParts` for the route's `Params` (`$params`): read from the
/// request's `RouteMatch` when the rank is this route's (`$rank`, `$id`); a route without
/// params (no rank given) has nothing to read.
#[doc(hidden)]
#[macro_export]
macro_rules! __params_extractor {
    ($params:ident) => {
        $crate::__params_extractor!(@impl $params, _parts => ::core::result::Result::Ok($params {}));
    };
    ($params:ident, $rank:literal, $id:literal) => {
        $crate::__params_extractor!(@impl $params, parts => $crate::__private::params_from_parts(
            parts,
            $rank,
            $id,
            $params::from_values,
        ));
    };
    // `$parts` is named by the rules above, with the body that reads it: a name written here
    // would not be the same variable (macro hygiene).
    (@impl $params:ident, $parts:ident => $extract:expr) => {
        /// The route's params as an axum extractor, in this route's handlers.
        impl<S: ::core::marker::Send + ::core::marker::Sync>
            $crate::__private::axum::extract::FromRequestParts<S> for $params
        {
            type Rejection = $crate::__private::axum::response::Response;

            // A named future, ready at once: an `async fn` or an `impl Future` per route made
            // type checking and coherence many times slower for large apps.
            #[allow(refining_impl_trait)]
            fn from_request_parts(
                $parts: &mut $crate::__private::axum::http::request::Parts,
                _state: &S,
            ) -> ::core::future::Ready<::core::result::Result<Self, Self::Rejection>> {
                ::core::future::ready($extract)
            }
        }
    };
}
