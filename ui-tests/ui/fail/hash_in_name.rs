#[derive(routekit::Routes)]
#[routes(dir = "./hash_in_name/routes")]
struct App;

fn main() {}
