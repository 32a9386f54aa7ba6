//! What `load` functions and form actions return, turned into page data.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::Error;

/// A node's server data: `None` when its load returned nothing (`()` or `None`).
pub type NodeData = Result<Option<Map<String, Value>>, Error>;

/// The result of a `load` function: `Result<T, E>` with `T: Serialize` a struct or a map
/// (or `()` / `None` for no data) and `E: Into<routekit::Error>`.
pub trait LoadOutput {
    /// The data, or the error the load failed with.
    fn into_node_data(self) -> NodeData;
}

impl<T: Serialize, E: Into<Error>> LoadOutput for Result<T, E> {
    fn into_node_data(self) -> NodeData {
        let data = self.map_err(Into::into)?;
        match serde_json::to_value(&data)? {
            Value::Object(map) => Ok(Some(map)),
            Value::Null => Ok(None),
            other => Err(Error::from(NotAnObject(kind_of(&other)))),
        }
    }
}

/// What a form action gave: data to show (`None` for nothing), or an error (`fail()`,
/// `redirect()`, `error()` or an unexpected one).
pub enum ActionResult {
    /// The action succeeded, with this data.
    Success(Option<Value>),
    /// The action failed, redirected or erred.
    Error(Error),
}

/// The result of a form action: `Result<T, E>` with `T: Serialize` (`()` for no data) and
/// `E: Into<routekit::Error>`.
pub trait ActionOutput {
    /// The action's result.
    fn into_action_result(self) -> ActionResult;
}

impl<T: Serialize, E: Into<Error>> ActionOutput for Result<T, E> {
    fn into_action_result(self) -> ActionResult {
        let data = match self {
            Ok(data) => data,
            Err(error) => return ActionResult::Error(error.into()),
        };
        match serde_json::to_value(&data) {
            Ok(Value::Null) => ActionResult::Success(None),
            Ok(value) => ActionResult::Success(Some(value)),
            Err(error) => ActionResult::Error(error.into()),
        }
    }
}

/// A load returned data that is not a struct or a map (SvelteKit requires a plain object).
#[derive(Debug)]
struct NotAnObject(&'static str);

impl std::fmt::Display for NotAnObject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "a load function must return a struct or a map (or nothing), not {}",
            self.0
        )
    }
}

impl std::error::Error for NotAnObject {}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a sequence",
        Value::Object(_) => "a map",
    }
}

/// Merges `more` into `data`, deeper keys winning (SvelteKit's `Object.assign` of each node's
/// data in order).
pub fn merge_into(data: &mut Map<String, Value>, more: &Map<String, Value>) {
    for (key, value) in more {
        data.insert(key.clone(), value.clone());
    }
}
