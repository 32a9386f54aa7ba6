#[derive(routekit::Routes)]
#[routes(dir = "./missing_routes_dir/routes")]
struct App;

fn main() {}
