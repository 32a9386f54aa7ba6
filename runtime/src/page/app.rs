//! An app as one object for the page machinery: its nodes, loads and actions with its state
//! bound, and its templates (which the app renders: see `RouteTable::render`). Rendering
//! pages, running loads (futures joined and shared), actions and data requests is a good part
//! of the runtime; taking the app as a `dyn PageApp` rather than as a type parameter compiles
//! that code once, in routekit, instead of again in every app (a clean build of a small app
//! was 0.3 s slower for it).

use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::Arc;

use axum::extract::Request;
use axum::http::request::Parts;

use super::handler::BoxFuture;
use super::info::NodeInfo;
use super::output::{ActionResult, NodeData};
use super::template_vars::{TemplateError, TemplateVars};
use crate::server::{RouteTable, UnexpectedError};

/// The `handle_error` hook of an app that has one ([`RouteTable::handle_error`]).
pub(crate) type HandleError =
    for<'a> fn(UnexpectedError<'a>) -> Pin<Box<dyn Future<Output = Option<String>> + Send + 'a>>;

/// The `handle_error` hook of `A`, if it has one.
pub(crate) fn handle_error_of<A: RouteTable>() -> Option<HandleError> {
    A::HAS_HANDLE_ERROR.then_some(A::handle_error as HandleError)
}

/// What the page machinery asks of an app ([`RouteTable`]'s page side, state included).
pub(crate) trait PageApp: Send + Sync + 'static {
    /// [`RouteTable::nodes`].
    fn nodes(&self) -> &'static [NodeInfo];
    /// [`RouteTable::root_nodes`].
    fn root_nodes(&self) -> (usize, usize);
    /// [`RouteTable::render`].
    fn render(&self, name: &str, vars: TemplateVars<'_>) -> Result<String, TemplateError>;
    /// [`RouteTable::call_load`] with the app's state.
    fn call_load(&self, node: usize, parts: Parts) -> BoxFuture<NodeData>;
    /// [`RouteTable::call_action`] with the app's state.
    fn call_action(
        &self,
        rank: usize,
        name: &'static str,
        request: Request,
    ) -> BoxFuture<ActionResult>;
    /// The app's `handle_error` hook, if it has one.
    fn handle_error(&self) -> Option<HandleError>;
}

/// App `A` with `state`, for the page machinery.
pub(crate) fn bind<A: RouteTable>(state: A::State) -> Arc<dyn PageApp> {
    Arc::new(Bound::<A> {
        state,
        app: PhantomData,
    })
}

/// App `A` with its state: the one implementation of [`PageApp`].
struct Bound<A: RouteTable> {
    state: A::State,
    app: PhantomData<fn() -> A>,
}

impl<A: RouteTable> PageApp for Bound<A> {
    fn nodes(&self) -> &'static [NodeInfo] {
        A::nodes()
    }

    fn root_nodes(&self) -> (usize, usize) {
        A::root_nodes()
    }

    fn render(&self, name: &str, vars: TemplateVars<'_>) -> Result<String, TemplateError> {
        A::render(name, vars)
    }

    fn call_load(&self, node: usize, parts: Parts) -> BoxFuture<NodeData> {
        A::call_load(node, parts, self.state.clone())
    }

    fn call_action(
        &self,
        rank: usize,
        name: &'static str,
        request: Request,
    ) -> BoxFuture<ActionResult> {
        A::call_action(rank, name, request, self.state.clone())
    }

    fn handle_error(&self) -> Option<HandleError> {
        handle_error_of::<A>()
    }
}
