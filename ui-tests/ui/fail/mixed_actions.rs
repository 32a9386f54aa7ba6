#[derive(routekit::Routes)]
#[routes(dir = "./mixed_actions/routes")]
struct App;

fn main() {}
