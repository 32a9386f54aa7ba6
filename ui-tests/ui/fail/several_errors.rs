#[derive(routekit::Routes)]
#[routes(dir = "./several_errors/routes")]
struct App;

fn main() {}
