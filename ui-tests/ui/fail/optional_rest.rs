#[derive(routekit::Routes)]
#[routes(dir = "./optional_rest/routes")]
struct App;

fn main() {}
