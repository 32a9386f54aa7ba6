#[derive(routekit::Routes)]
#[routes(dir = "./bad_escape/routes")]
struct App;

fn main() {}
