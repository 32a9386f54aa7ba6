#[derive(routekit::Routes)]
#[routes(dir = "./load_reads_body/routes")]
struct App;

fn main() {}
