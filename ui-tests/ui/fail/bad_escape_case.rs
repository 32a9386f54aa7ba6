#[derive(routekit::Routes)]
#[routes(dir = "./bad_escape_case/routes")]
struct App;

fn main() {}
