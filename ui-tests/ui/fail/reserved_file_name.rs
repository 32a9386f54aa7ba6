#[derive(routekit::Routes)]
#[routes(dir = "./reserved_file_name/routes")]
struct App;

fn main() {}
