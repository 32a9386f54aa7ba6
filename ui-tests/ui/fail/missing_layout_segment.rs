#[derive(routekit::Routes)]
#[routes(dir = "./missing_layout_segment/routes")]
struct App;

fn main() {}
