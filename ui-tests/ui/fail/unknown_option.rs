#[derive(routekit::Routes)]
#[routes(dir = "./unknown_option/routes", folder = "src/routes")]
struct App;

fn main() {}
