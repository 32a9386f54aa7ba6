//! The app's templates (`+page.html`, `+layout.html`, `+error.html`), embedded at build time
//! and compiled once into a minijinja environment. Auto-escaping is on (the names end in
//! `.html`); routekit checks their syntax at compile time, so a broken template is a compile
//! error naming its file rather than a failing request.

use minijinja::Environment;

/// Every template of an app, by name (its path under the routes folder).
pub struct Templates {
    env: Environment<'static>,
}

impl Templates {
    /// Compiles `sources`, `(name, source)` pairs. A template that does not compile is logged
    /// and left out: rendering it then fails with a clear error.
    pub fn new(sources: &'static [(&'static str, &'static str)]) -> Templates {
        let mut env = Environment::new();
        for (name, source) in sources {
            if let Err(error) = env.add_template(name, source) {
                tracing::error!(template = name, error = %error, "routekit: a template does not compile");
            }
        }
        Templates { env }
    }

    /// Renders template `name` with `context`.
    pub(crate) fn render(
        &self,
        name: &str,
        context: minijinja::Value,
    ) -> Result<String, minijinja::Error> {
        self.env.get_template(name)?.render(context)
    }
}
