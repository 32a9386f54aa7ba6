#[derive(routekit::Routes)]
#[routes(dir = "./conflict/routes")]
struct App;

fn main() {}
