//! Data requests (`/…/__data.json`): the JSON of a page's server loads, node by node, in
//! SvelteKit 2's format (`{"type":"data","nodes":[…]}`, node data devalue-encoded), which
//! SvelteKit's client reads when it navigates.

use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::app::PageApp;
use super::devalue;
use super::info::PageInfo;
use super::loads::{Slot, run_loads};
use crate::Error;
use crate::server::error::Kind;
use crate::server::hooks::public_message;

const SUFFIX: &str = "/__data.json";
const HTML_SUFFIX: &str = ".html__data.json";
const TRAILING_SLASH_PARAM: &str = "x-sveltekit-trailing-slash";
const INVALIDATED_PARAM: &str = "x-sveltekit-invalidated";

/// A data request: the page's path (the suffix stripped, `/` restored from the query) and the
/// query without SvelteKit's own params.
pub(crate) struct DataRequest {
    /// The page's path.
    pub(crate) path: String,
    /// Which nodes the client wants (`x-sveltekit-invalidated`); all when absent.
    invalidated: Option<Vec<bool>>,
    /// The query without SvelteKit's params.
    query: String,
}

impl DataRequest {
    /// The data request `uri` is, if it is one.
    pub(crate) fn of(uri: &Uri) -> Option<DataRequest> {
        let path = uri.path();
        // Both suffixes end so: one comparison for the usual request, which is not one.
        if !path.ends_with("__data.json") {
            return None;
        }
        Self::parse(path, uri)
    }

    #[cold]
    fn parse(path: &str, uri: &Uri) -> Option<DataRequest> {
        let stripped = path
            .strip_suffix(SUFFIX)
            .or_else(|| path.strip_suffix(HTML_SUFFIX))?;
        let mut trailing_slash = false;
        let mut invalidated = None;
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (key, value) in form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes()) {
            match &*key {
                TRAILING_SLASH_PARAM => trailing_slash = value == "1",
                INVALIDATED_PARAM => invalidated = Some(value.chars().map(|c| c == '1').collect()),
                _ => {
                    query.append_pair(&key, &value);
                }
            }
        }
        let mut path = stripped.to_owned();
        if trailing_slash {
            path.push('/');
        }
        if path.is_empty() {
            path.push('/');
        }
        Some(DataRequest {
            path,
            invalidated,
            query: query.finish(),
        })
    }

    /// The request as the page's loads see it: the page's URL.
    pub(crate) fn rewrite(&self, request: &mut Request) {
        let path_and_query = if self.query.is_empty() {
            self.path.clone()
        } else {
            format!("{}?{}", self.path, self.query)
        };
        if let Ok(uri) = Uri::builder().path_and_query(path_and_query).build() {
            *request.uri_mut() = uri;
        }
    }
}

/// The answer to a data request for a route without a page: 404, no body.
pub(crate) fn not_found() -> Response {
    StatusCode::NOT_FOUND.into_response()
}

/// Runs the page's loads and answers their data, or `{"type":"redirect"}` when one redirects.
pub(crate) async fn respond(
    app: &dyn PageApp,
    request: Request,
    page: &PageInfo,
    data_request: &DataRequest,
) -> Response {
    let (parts, _) = request.into_parts();
    let slots = run_loads(app, page.chain(), &parts, None).await;
    // A redirect anywhere wins, as SvelteKit's `Promise.all` rejects with it.
    for slot in &slots {
        if let Some(Error(Kind::Redirect { location, .. })) = slot.error() {
            let location = String::from_utf8_lossy(location.as_bytes()).into_owned();
            return json_response(json!({"type": "redirect", "location": location}));
        }
    }
    let nodes = app.nodes();
    let mut out: Vec<Value> = Vec::new();
    for (level, slot) in slots.iter().enumerate() {
        let wanted = data_request
            .invalidated
            .as_ref()
            .is_none_or(|flags| flags.get(level).copied().unwrap_or(false));
        let Slot::Node(node, data) = slot else {
            out.push(if wanted { Value::Null } else { skip() });
            continue;
        };
        match data.as_ref() {
            Err(error) => {
                error.log("a load failed");
                let message = public_message(app.handle_error(), error, &parts).await;
                let mut node = json!({"type": "error", "error": {"message": message}});
                if let Kind::Http { status, .. } = &error.0 {
                    node["status"] = json!(status.as_u16());
                }
                out.push(node);
                break;
            }
            Ok(_) if !wanted => out.push(skip()),
            Ok(_) if !nodes.get(*node).is_some_and(|n| n.load) => out.push(Value::Null),
            Ok(data) => {
                let data = data.clone().map(Value::Object);
                let encoded: Value =
                    serde_json::from_str(&devalue::stringify(data.as_ref())).unwrap_or(Value::Null);
                out.push(json!({"type": "data", "data": encoded, "uses": {}}));
            }
        }
    }
    json_response(json!({"type": "data", "nodes": out}))
}

fn skip() -> Value {
    json!({"type": "skip"})
}

fn json_response(body: Value) -> Response {
    let mut response = body.to_string().into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    response
}
