#[derive(routekit::Routes)]
#[routes(dir = "./invalid_param_name/routes")]
struct App;

fn main() {}
