//! Running a page's server loads: all at once, each one that asks for its parent data
//! waiting only for the loads above it (SvelteKit §7).

use std::sync::Arc;

use axum::http::request::Parts;
use futures_util::FutureExt;
use futures_util::future::join_all;

use super::app::PageApp;
use super::output::NodeData;
use super::parent::{ParentLoads, SharedLoad};
use crate::Error;

/// What one level of a page's chain gave.
pub(crate) enum Slot {
    /// No node at this level (it has an error boundary only).
    Hole,
    /// The node's load result (`Ok(None)` for a node without a load).
    Node(usize, Arc<NodeData>),
}

impl Slot {
    /// The error, if this node's load failed.
    pub(crate) fn error(&self) -> Option<&Error> {
        match self {
            Slot::Node(_, data) => data.as_ref().as_ref().err(),
            Slot::Hole => None,
        }
    }
}

/// Runs the loads of `chain` (node per level, `None` for a hole). `leaf_error`, when given,
/// takes the place of the last node's load (a form action's error, §6.2).
pub(crate) async fn run_loads(
    app: &dyn PageApp,
    chain: impl Iterator<Item = Option<usize>>,
    parts: &Parts,
    leaf_error: Option<Error>,
) -> Vec<Slot> {
    let chain: Vec<Option<usize>> = chain.collect();
    let nodes = app.nodes();
    let last = chain.len().saturating_sub(1);
    let mut leaf_error = leaf_error;
    let mut started: Vec<SharedLoad> = Vec::new();
    let mut slots: Vec<Option<(usize, SharedLoad)>> = Vec::with_capacity(chain.len());
    for (level, node) in chain.into_iter().enumerate() {
        let Some(node) = node else {
            slots.push(None);
            continue;
        };
        let future = match (level == last).then(|| leaf_error.take()).flatten() {
            Some(error) => ready(Err(error)),
            None if nodes.get(node).is_some_and(|n| n.load) => {
                let mut node_parts = parts.clone();
                node_parts.extensions.insert(ParentLoads(started.clone()));
                let load = app.call_load(node, node_parts);
                load.map(Arc::new).boxed().shared()
            }
            None => ready(Ok(None)),
        };
        started.push(future.clone());
        slots.push(Some((node, future)));
    }
    let results = join_all(started).await;
    let mut results = results.into_iter();
    slots
        .into_iter()
        .map(|slot| match slot {
            None => Slot::Hole,
            Some((node, _)) => {
                Slot::Node(node, results.next().unwrap_or_else(|| Arc::new(Ok(None))))
            }
        })
        .collect()
}

fn ready(data: NodeData) -> SharedLoad {
    let data = Arc::new(data);
    futures_util::future::ready(data).boxed().shared()
}
