//! The page machinery's one entry point: what the server hands over (a page, a data request,
//! the error page of an unmatched or malformed path), served in one boxed future built here
//! rather than by the caller, which is generic over the app, so that the future's code and
//! drop glue are compiled once, in routekit.

use std::sync::Arc;

use axum::extract::Request;
use axum::http::{StatusCode, header};

use super::app::PageApp;
use super::data_request::{self, DataRequest};
use super::info::PageInfo;
use super::respond::{render_page, respond_with_error};
use crate::negotiate::error_prefers_json;
use crate::route::RouteInfo;
use crate::server::error::error_response;
use crate::server::{ResponseFuture, header_text};

/// What the page machinery serves.
pub(crate) enum PageRequest {
    /// The page of route `route` (of rank `rank`).
    Page {
        rank: usize,
        route: &'static RouteInfo,
        page: &'static PageInfo,
    },
    /// A data request (`…/__data.json`) for `page`.
    Data {
        page: &'static PageInfo,
        data: DataRequest,
    },
    /// The 404 of an unmatched path or the 400 of a malformed one.
    Error {
        status: StatusCode,
        message: &'static str,
    },
}

/// Serves `what` for `request`, all of it inside the future (so under `catch_panic`).
pub(crate) fn serve(app: Arc<dyn PageApp>, request: Request, what: PageRequest) -> ResponseFuture {
    Box::pin(async move {
        match what {
            PageRequest::Page { rank, route, page } => {
                render_page(app, request, rank, route, page).await
            }
            PageRequest::Data { page, data } => {
                data_request::respond(&*app, request, page, &data).await
            }
            PageRequest::Error { status, message } => {
                // For a client that prefers HTML, the root error page inside the root layout
                // (SvelteKit's `respond_with_error`); for one that prefers JSON,
                // `{"message": …}`.
                if error_prefers_json(header_text(&request, header::ACCEPT)) {
                    return error_response(status, message.to_owned());
                }
                let (parts, _) = request.into_parts();
                respond_with_error(&*app, parts, status, Some(message.to_owned())).await
            }
        }
    })
}
