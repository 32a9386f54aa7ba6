//! Rendering a branch of nodes (layouts from the root down, then the page or an error
//! boundary) into one HTML document: the innermost template first, each layout around it as
//! `{{ children }}`.

use axum::http::request::Parts;
use serde_json::{Map, Value as Json};

use super::app::PageApp;
use super::info::NodeKind;
use super::output::merge_into;
use super::template_vars::{TemplateError, TemplateVars};
use crate::matching::decode_param;
use crate::route::RouteInfo;
use crate::server::context::Context;

/// What every template of a request sees besides its data: `params`, `url` and `route`.
pub(crate) struct RequestContext {
    params: Json,
    url: Json,
    route: Json,
}

impl RequestContext {
    /// The context of a request that reached `route` (`None` for an unmatched path).
    pub(crate) fn new(parts: &Parts, route: Option<&RouteInfo>) -> RequestContext {
        let mut params = Map::new();
        let found = Context::of(&parts.extensions).and_then(Context::found);
        if let (Some(route), Some(found)) = (route, found) {
            for (name, value) in route.params.iter().zip(found.values()) {
                if let Some(value) = value.and_then(|v| decode_param(v).ok()) {
                    params.insert((*name).to_owned(), Json::String(value));
                }
            }
        }
        let pathname = parts.uri.path();
        let search = parts
            .uri
            .query()
            .map(|q| format!("?{q}"))
            .unwrap_or_default();
        let url = serde_json::json!({
            "pathname": pathname,
            "search": search,
            "href": format!("{pathname}{search}"),
        });
        let route = serde_json::json!({ "id": route.map(|r| r.id) });
        RequestContext {
            params: Json::Object(params),
            url,
            route,
        }
    }
}

/// A node of the branch being rendered, with the data its load returned.
pub(crate) struct Frame<'a> {
    pub(crate) node: usize,
    pub(crate) data: Option<&'a Map<String, Json>>,
}

/// What the innermost node shows besides data: the action's `form` data, the status, and for
/// an error boundary the error's message.
pub(crate) struct Outcome {
    pub(crate) status: u16,
    pub(crate) form: Option<Json>,
    pub(crate) error: Option<String>,
}

/// Renders `frames` (outermost first): each node gets the merged data of the nodes up to it.
pub(crate) fn render_branch(
    app: &dyn PageApp,
    frames: &[Frame<'_>],
    request: &RequestContext,
    outcome: &Outcome,
) -> Result<String, TemplateError> {
    let nodes = app.nodes();
    let mut merged = Map::new();
    let mut data_at = Vec::with_capacity(frames.len());
    for frame in frames {
        if let Some(data) = frame.data {
            merge_into(&mut merged, data);
        }
        data_at.push(Json::Object(merged.clone()));
    }
    let mut html: Option<String> = None;
    for (frame, data) in frames.iter().zip(data_at).rev() {
        let node = &nodes[frame.node];
        html = Some(match node.template {
            Some(name) => app.render(name, vars(data, request, outcome, html.take()))?,
            None => match node.kind {
                NodeKind::Layout => html.take().unwrap_or_default(),
                NodeKind::Error => default_error(outcome),
                NodeKind::Page => String::new(),
            },
        });
    }
    Ok(html.unwrap_or_default())
}

/// What the template of a node with `data` sees.
fn vars<'a>(
    data: Json,
    request: &'a RequestContext,
    outcome: &'a Outcome,
    children: Option<String>,
) -> TemplateVars<'a> {
    TemplateVars {
        data,
        params: &request.params,
        url: &request.url,
        route: &request.route,
        status: outcome.status,
        form: outcome.form.as_ref(),
        // As SvelteKit's pages see it.
        error: outcome
            .error
            .as_ref()
            .map(|message| serde_json::json!({ "message": message })),
        children,
    }
}

/// routekit's built-in `+error.html`: the status and the message, escaped.
fn default_error(outcome: &Outcome) -> String {
    let message = outcome.error.as_deref().unwrap_or_default();
    format!(
        "<h1>{}</h1>\n<p>{}</p>\n",
        outcome.status,
        crate::server::error::escape_html(message)
    )
}
