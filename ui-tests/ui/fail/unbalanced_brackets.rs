#[derive(routekit::Routes)]
#[routes(dir = "./unbalanced_brackets/routes")]
struct App;

fn main() {}
