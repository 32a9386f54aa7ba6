#[derive(routekit::Routes)]
#[routes(dir = "./optional_after_rest/routes")]
struct App;

fn main() {}
