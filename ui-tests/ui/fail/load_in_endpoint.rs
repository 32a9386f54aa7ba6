#[derive(routekit::Routes)]
#[routes(dir = "./load_in_endpoint/routes")]
struct App;

fn main() {}
