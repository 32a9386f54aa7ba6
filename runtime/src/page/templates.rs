//! The app's templates (`+page.html`, `+layout.html`, `+error.html`), embedded at build time
//! and compiled once into a minijinja environment. Auto-escaping is on (the names end in
//! `.html`); routekit checks their syntax at compile time, so a broken template is a compile
//! error naming its file rather than a failing request.
//!
//! Only the generated `RouteTable::render` of an app with templates names this type, so the
//! binary of an app without templates does not link minijinja.

use std::collections::BTreeMap;

use minijinja::Environment;
use minijinja::value::{Serde, Value};

use super::template_vars::{TemplateError, TemplateVars};

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

    /// Renders template `name` with `vars`.
    pub fn render(&self, name: &str, vars: TemplateVars<'_>) -> Result<String, TemplateError> {
        let template = self.env.get_template(name).map_err(TemplateError::new)?;
        template.render(context(vars)).map_err(TemplateError::new)
    }
}

/// `vars` as minijinja's context.
fn context(vars: TemplateVars<'_>) -> Value {
    let mut context: BTreeMap<&'static str, Value> = BTreeMap::new();
    context.insert("data", Value::from(Serde(vars.data)));
    context.insert("params", Value::from(Serde(vars.params)));
    context.insert("url", Value::from(Serde(vars.url)));
    context.insert("route", Value::from(Serde(vars.route)));
    context.insert("status", Value::from(vars.status));
    if let Some(form) = vars.form {
        context.insert("form", Value::from(Serde(form)));
    }
    if let Some(error) = vars.error {
        context.insert("error", Value::from(Serde(error)));
    }
    if let Some(children) = vars.children {
        context.insert("children", Value::from_safe_string(children));
    }
    Value::from_object(context)
}
