#[derive(routekit::Routes)]
#[routes(dir = "./syntax_error/routes")]
struct App;

fn main() {}
