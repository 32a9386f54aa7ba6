#[derive(routekit::Routes)]
#[routes(dir = "./matcher_without_export/routes")]
struct App;

fn main() {}
