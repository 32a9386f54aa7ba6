#[derive(routekit::Routes)]
#[routes(dir = "./dir_twice/routes", dir = "./dir_twice/routes")]
struct App;

fn main() {}
