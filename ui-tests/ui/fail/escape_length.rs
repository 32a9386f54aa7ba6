#[derive(routekit::Routes)]
#[routes(dir = "./escape_length/routes")]
struct App;

fn main() {}
