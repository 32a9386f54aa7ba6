#[derive(routekit::Routes)]
#[routes(dir = "./template_syntax/routes")]
struct App;

fn main() {}
