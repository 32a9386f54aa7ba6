//! Route files are real modules: a `+page.server.rs`, a `+layout.server.rs` and a `+server.rs`
//! reach their route's `Params` through `super::`, and their exports can be called.
#![allow(deprecated)]

use std::pin::pin;
use std::task::{Context, Poll, Waker};

#[derive(routekit::Routes)]
#[routes(dir = "./route_files_use_params/routes")]
struct App;

use app_routes::{api_items_id, blog_slug, lang};

/// Runs a future that never waits.
fn now<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("the handler waited"),
    }
}

fn main() {
    let params = blog_slug::Params {
        slug: "hello".to_owned(),
    };
    assert_eq!(blog_slug::page_server::title(&params), "Post: hello");
    let data = now(blog_slug::page_server::load(params)).expect("the post loads");
    assert_eq!(data["title"], "Post: hello");
    assert!(now(lang::layout_server::load()).is_ok());

    // From a request path to the route's params, then into the endpoint's helper.
    let decoded = routekit::decode_pathname("/api/items/42").expect("a valid path");
    let raw = App::lookup(&decoded);
    assert_eq!(App::routes()[raw.rank as usize].id, api_items_id::ID);
    let params = api_items_id::Params::from_values(&raw.values().collect::<Vec<_>>()).expect("decodes");
    assert_eq!(api_items_id::server::describe(&params), "item 42");
    assert_eq!(now(api_items_id::server::GET()), "ok");
}
