//! What a template sees, independent of the engine that renders it: the page machinery builds
//! it, and only an app with templates hands it to one (minijinja). An app without templates
//! never names the engine, so its binary does not link it.

use std::fmt;

use serde_json::Value as Json;

/// The variables of one template: `data` (the merged data of its node and the nodes above),
/// `params`, `url`, `route`, `status`, and where they apply `form`, `error` (`{"message": …}`)
/// and `children` (the HTML of the template inside, not escaped again). Built by routekit's
/// page machinery and read by the app's templates: opaque to the app.
pub struct TemplateVars<'a> {
    pub(crate) data: Json,
    pub(crate) params: &'a Json,
    pub(crate) url: &'a Json,
    pub(crate) route: &'a Json,
    pub(crate) status: u16,
    pub(crate) form: Option<&'a Json>,
    pub(crate) error: Option<Json>,
    pub(crate) children: Option<String>,
}

/// A template that did not render: the engine's message, or the name of a template the app
/// does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError(String);

impl TemplateError {
    /// An error with the engine's message.
    pub(crate) fn new(message: impl fmt::Display) -> TemplateError {
        TemplateError(message.to_string())
    }

    /// Template `name` is not one of the app's.
    pub(crate) fn missing(name: &str) -> TemplateError {
        TemplateError(format!("the app has no template named `{name}`"))
    }
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TemplateError {}
