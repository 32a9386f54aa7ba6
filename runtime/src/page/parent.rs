//! `Parent<T>`: a load's typed view of the data its parent layouts loaded (SvelteKit's
//! `await parent()`), and the shared load futures behind it.

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use futures_util::future::Shared;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::handler::BoxFuture;
use super::output::{NodeData, merge_into};

/// A node's load, started once and awaited by the page and by every child that asks for
/// its parent data.
pub(crate) type SharedLoad = Shared<BoxFuture<Arc<NodeData>>>;

/// The loads of the nodes above the one a load belongs to, in its request's extensions.
#[derive(Clone)]
pub(crate) struct ParentLoads(pub(crate) Vec<SharedLoad>);

/// The merged data of the layouts above a load (deeper keys win), deserialized into `T`:
/// `async fn load(Parent(user): Parent<UserData>) -> …`. Loads run concurrently; one that asks
/// for its parent data waits for its parents' loads only. Use `Parent<serde_json::Map<String,
/// serde_json::Value>>` for the raw data.
#[derive(Debug, Clone)]
pub struct Parent<T>(pub T);

impl<T: DeserializeOwned, S: Sync> FromRequestParts<S> for Parent<T> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Response> {
        let Some(loads) = parts.extensions.get::<ParentLoads>().cloned() else {
            return Err(internal(
                "`Parent<T>` is only available to `load` functions".to_owned(),
            ));
        };
        let mut merged = Map::new();
        for load in loads.0 {
            match &*load.await {
                Ok(Some(data)) => merge_into(&mut merged, data),
                Ok(None) => {}
                // The parent's own error is the one the page reports.
                Err(_) => return Err(internal("a parent load failed".to_owned())),
            }
        }
        serde_json::from_value(Value::Object(merged))
            .map(Parent)
            .map_err(|error| {
                internal(format!(
                    "the parent data does not fit `{}`: {error}",
                    std::any::type_name::<T>()
                ))
            })
    }
}

fn internal(message: String) -> Response {
    (StatusCode::INTERNAL_SERVER_ERROR, message).into_response()
}
