//! Pages: `+page.html` rendered inside its layouts with the data its server loads return,
//! form actions, and error boundaries (SvelteKit 2 §6.2 and §7).

mod actions;
pub(crate) mod app;
pub(crate) mod data_request;
mod devalue;
mod handler;
mod info;
mod loads;
mod output;
mod parent;
mod render;
mod respond;
mod serve;
mod template_vars;
mod templates;

pub use handler::{Action, BoxFuture, Load};
pub use info::{NodeInfo, NodeKind, PageInfo};
pub use output::{ActionOutput, ActionResult, LoadOutput, NodeData};
pub use parent::Parent;
pub use template_vars::{TemplateError, TemplateVars};
pub use templates::Templates;

pub(crate) use serve::{PageRequest, serve};
