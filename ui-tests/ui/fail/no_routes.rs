#[derive(routekit::Routes)]
#[routes(dir = "./no_routes/routes")]
struct App;

fn main() {}
