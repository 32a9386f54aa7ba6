#[derive(routekit::Routes)]
#[routes(dir = "")]
struct App;

fn main() {}
