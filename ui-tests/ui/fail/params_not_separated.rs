#[derive(routekit::Routes)]
#[routes(dir = "./params_not_separated/routes")]
struct App;

fn main() {}
