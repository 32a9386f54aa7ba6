//! SvelteKit's `render_page` and `respond_with_error`: a page request's form action, loads,
//! error boundary and rendering.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::Request;
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::actions::{self, is_json_mode};
use super::app::PageApp;
use super::info::PageInfo;
use super::loads::{Slot, run_loads};
use super::output::ActionResult;
use super::render::{Frame, Outcome, RequestContext, render_branch};
use crate::Error;
use crate::route::RouteInfo;
use crate::server::error::{Kind, error_response};
use crate::server::hooks::public_message;

/// Serves a request that SvelteKit sends to a page: GET, HEAD and POST render it (POST runs a
/// form action first), OPTIONS answers 204, any other method 405.
pub(crate) async fn render_page(
    app: Arc<dyn PageApp>,
    request: Request,
    rank: usize,
    route: &'static RouteInfo,
    page: &'static PageInfo,
) -> Response {
    let method = request.method().clone();
    if method == Method::OPTIONS {
        let mut response = StatusCode::NO_CONTENT.into_response();
        set_allow(&mut response, options_allow(page));
        return response;
    }
    if method != Method::GET && method != Method::HEAD && method != Method::POST {
        let mut response = (
            StatusCode::METHOD_NOT_ALLOWED,
            format!("{method} method not allowed"),
        )
            .into_response();
        set_allow(&mut response, method_not_allowed_allow(page));
        return response;
    }

    let (parts, body) = request.into_parts();
    let mut outcome = Outcome {
        status: 200,
        form: None,
        error: None,
    };
    let mut leaf_error = None;
    let allow_get = method == Method::POST && page.actions.is_empty();
    if method == Method::POST {
        let action_request = Request::from_parts(parts.clone(), body);
        let result = actions::run_action(&*app, rank, page, action_request).await;
        if is_json_mode(&parts.headers) {
            let mut response = actions::json_response(app.handle_error(), result, &parts).await;
            if allow_get {
                set_allow(&mut response, "GET".to_owned());
            }
            return response;
        }
        match result {
            ActionResult::Success(data) => outcome.form = data,
            ActionResult::Error(Error(Kind::Redirect { status, location })) => {
                return redirect_response(status, location);
            }
            ActionResult::Error(Error(Kind::Failure { status, data })) => {
                outcome.status = status.as_u16();
                outcome.form = Some(data);
            }
            // The error takes the leaf's load's place: the layouts still load (§6.2).
            ActionResult::Error(error) => leaf_error = Some(error),
        }
    }

    let slots = run_loads(&*app, page.chain(), &parts, leaf_error).await;
    let context = RequestContext::new(&parts, Some(route));
    let rendered = match slots.iter().position(|slot| slot.error().is_some()) {
        None => {
            let frames: Vec<Frame<'_>> = slots.iter().filter_map(loaded).collect();
            render(&*app, &frames, &context, &outcome)
        }
        Some(failed) => error_boundary(&*app, page, &slots, failed, &context, &parts).await,
    };
    let mut response = match rendered {
        Some(response) => response,
        // A template failed after the loads succeeded: the root error page, as SvelteKit does.
        None => respond_with_error(&*app, parts, StatusCode::INTERNAL_SERVER_ERROR, None).await,
    };
    if allow_get {
        set_allow(&mut response, "GET".to_owned());
    }
    response
}

/// The response when level `failed` of the chain failed: a redirect, the nearest error
/// boundary above it rendered inside the layouts that loaded, or (when the root layout failed)
/// the static error page. `None` when rendering failed.
async fn error_boundary(
    app: &dyn PageApp,
    page: &PageInfo,
    slots: &[Slot],
    failed: usize,
    context: &RequestContext,
    parts: &Parts,
) -> Option<Response> {
    let error = slots[failed].error()?;
    if let Kind::Redirect { status, location } = &error.0 {
        return Some(redirect_response(*status, location.clone()));
    }
    error.log("a load failed");
    let message = public_message(app.handle_error(), error, parts).await;
    let outcome = Outcome {
        status: error.status().as_u16(),
        form: None,
        error: Some(message.clone()),
    };
    // The boundary beside a failing layout is skipped: the search starts one level up.
    let Some(level) = (0..failed)
        .rev()
        .find(|&i| page.errors.get(i).copied().flatten().is_some())
    else {
        return Some(error_response(error.status(), message));
    };
    let boundary = page.errors[level]?;
    let mut frames: Vec<Frame<'_>> = slots[..=level].iter().filter_map(loaded).collect();
    frames.push(Frame {
        node: boundary,
        data: None,
    });
    render(app, &frames, context, &outcome)
}

/// SvelteKit's `respond_with_error`: the root layout (its load run) around the root error
/// page; the static error page when the root layout fails or rendering does.
pub(crate) async fn respond_with_error(
    app: &dyn PageApp,
    parts: Parts,
    status: StatusCode,
    message: Option<String>,
) -> Response {
    let message = message.unwrap_or_else(|| "Internal Error".to_owned());
    let (layout, boundary) = app.root_nodes();
    let slots = run_loads(app, [Some(layout)].into_iter(), &parts, None).await;
    if let Some(error) = slots[0].error() {
        if let Kind::Redirect { status, location } = &error.0 {
            return redirect_response(*status, location.clone());
        }
        error.log("the root layout's load failed");
        let message = public_message(app.handle_error(), error, &parts).await;
        return error_response(error.status(), message);
    }
    let mut frames: Vec<Frame<'_>> = slots.iter().filter_map(loaded).collect();
    frames.push(Frame {
        node: boundary,
        data: None,
    });
    let outcome = Outcome {
        status: status.as_u16(),
        form: None,
        error: Some(message.clone()),
    };
    let context = RequestContext::new(&parts, None);
    render(app, &frames, &context, &outcome).unwrap_or_else(|| error_response(status, message))
}

/// A node that loaded, as a frame to render.
fn loaded(slot: &Slot) -> Option<Frame<'_>> {
    match slot {
        Slot::Node(node, data) => match data.as_ref() {
            Ok(data) => Some(Frame {
                node: *node,
                data: data.as_ref(),
            }),
            Err(_) => None,
        },
        Slot::Hole => None,
    }
}

/// The HTML response of a rendered branch; `None` (logged) when a template fails.
fn render(
    app: &dyn PageApp,
    frames: &[Frame<'_>],
    context: &RequestContext,
    outcome: &Outcome,
) -> Option<Response> {
    match render_branch(app, frames, context, outcome) {
        Ok(html) => {
            let status = StatusCode::from_u16(outcome.status).unwrap_or(StatusCode::OK);
            let mut response = Response::new(Body::from(html));
            *response.status_mut() = status;
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            );
            Some(response)
        }
        Err(error) => {
            tracing::error!(error = %error, "routekit: a template failed to render");
            None
        }
    }
}

fn redirect_response(status: StatusCode, location: HeaderValue) -> Response {
    let mut response = status.into_response();
    response.headers_mut().insert(header::LOCATION, location);
    response
}

fn set_allow(response: &mut Response, allow: String) {
    if let Ok(value) = HeaderValue::from_str(&allow) {
        response.headers_mut().insert(header::ALLOW, value);
    }
}

/// A page's OPTIONS answer: `GET, HEAD, OPTIONS`, plus `POST` with actions.
fn options_allow(page: &PageInfo) -> String {
    let mut allow = "GET, HEAD, OPTIONS".to_owned();
    if !page.actions.is_empty() {
        allow.push_str(", POST");
    }
    allow
}

/// The `Allow` of a page's 405: its methods in SvelteKit's `ENDPOINT_METHODS` order.
fn method_not_allowed_allow(page: &PageInfo) -> String {
    if page.actions.is_empty() {
        "GET, OPTIONS, HEAD".to_owned()
    } else {
        "GET, POST, OPTIONS, HEAD".to_owned()
    }
}
