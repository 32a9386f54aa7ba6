#[derive(routekit::Routes)]
#[routes(dir = "./derive_on_enum/routes")]
enum App {
    Home,
}

fn main() {}
