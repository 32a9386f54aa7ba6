#[derive(routekit::Routes)]
#[routes(dir = "./unknown_matcher/routes")]
struct App;

fn main() {}
