#[derive(routekit::Routes)]
#[routes(dir = "./invalid_matcher_name/routes")]
struct App;

fn main() {}
