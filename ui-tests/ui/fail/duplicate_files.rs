#[derive(routekit::Routes)]
#[routes(dir = "./duplicate_files/routes")]
struct App;

fn main() {}
