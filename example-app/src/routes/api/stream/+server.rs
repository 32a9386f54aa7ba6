//! `/api/stream`: a streamed response, as server-sent events. It counts the todos left every
//! `interval` ms (default 500), `count` times (default 5, at most 100), then says `done`: a
//! page can show live progress with `new EventSource("/api/stream")`.

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::sse::{Event, Sse};
use futures_util::stream::{self, Stream};
use serde::Deserialize;

use crate::server::todos;
use crate::state::AppState;

/// How many events, how far apart.
#[derive(Deserialize)]
pub struct Options {
    #[serde(default = "default_count")]
    count: u32,
    #[serde(default = "default_interval")]
    interval: u64,
}

fn default_count() -> u32 {
    5
}

fn default_interval() -> u64 {
    500
}

/// The event stream: `event: todos` with `{"n": …, "left": …}` each tick, then `event: done`.
pub async fn GET(
    State(state): State<AppState>,
    options: Result<Query<Options>, QueryRejection>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, routekit::Error> {
    let Query(options) = options.map_err(|rejection| routekit::error(400, rejection.body_text()))?;
    if !(1..=100).contains(&options.count) || !(10..=10_000).contains(&options.interval) {
        return Err(routekit::error(
            400,
            "`count` must be from 1 to 100 and `interval` from 10 to 10000 (ms)",
        ));
    }
    let interval = Duration::from_millis(options.interval);
    let ticks = stream::unfold(0, move |n| {
        let state = state.clone();
        async move {
            if n == options.count {
                return None;
            }
            if n > 0 {
                tokio::time::sleep(interval).await;
            }
            let event = match todos::all(&state.db).await {
                Ok(list) => {
                    let left = list.iter().filter(|todo| !todo.done).count();
                    Event::default()
                        .event("todos")
                        .data(serde_json::json!({ "n": n + 1, "left": left }).to_string())
                }
                Err(error) => {
                    tracing::error!(%error, "cannot count the todos");
                    Event::default().event("error").data("cannot count the todos")
                }
            };
            Some((Ok(event), n + 1))
        }
    });
    let done = stream::once(async { Ok(Event::default().event("done").data("done")) });
    Ok(Sse::new(futures_util::StreamExt::chain(ticks, done)))
}
