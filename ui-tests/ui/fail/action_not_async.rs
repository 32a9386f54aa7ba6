#[derive(routekit::Routes)]
#[routes(dir = "./action_not_async/routes")]
struct App;

fn main() {}
