#[derive(routekit::Routes)]
#[routes(dir = "./named_layout_on_module/routes")]
struct App;

fn main() {}
