#[derive(routekit::Routes)]
#[routes(dir = "./misspelt_exports/routes")]
struct App;

fn main() {}
