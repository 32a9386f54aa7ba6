//! The `routekit` command: inspect a routes folder from the shell.
//!
//! - `routekit routes DIR [--json]` prints the sorted route table;
//! - `routekit check DIR` prints every build error and exits with 1 if there is any;
//! - `routekit match DIR [--matcher NAME=REGEX]... [--] PATH...` prints which route each path
//!   reaches, one JSON line per path.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use routekit_codegen::reference::{self, ReferenceRoute};
use routekit_codegen::table::{relative, route_files};
use routekit_codegen::{Manifest, js_regex_source};
use serde_json::{Value, json};

#[derive(Parser)]
#[command(
    name = "routekit",
    version,
    about = "Inspect a routekit (SvelteKit-style) routes folder"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the routes in priority order: rank, route id, page and endpoint, files.
    Routes {
        /// The routes folder (matchers are read from the sibling `params/` folder).
        dir: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Print every build error of the tree; exit with 1 if there is any.
    Check {
        /// The routes folder.
        dir: PathBuf,
    },
    /// Print the route each request path reaches, one JSON line per path.
    Match {
        /// The routes folder.
        dir: PathBuf,
        /// Define matcher NAME for this tool: it accepts a value when REGEX matches the whole
        /// value. A matcher that is not defined accepts everything.
        #[arg(long = "matcher", value_name = "NAME=REGEX", value_parser = parse_matcher)]
        matchers: Vec<(String, regex::Regex)>,
        /// Raw request pathnames (percent-encoded, no query).
        #[arg(required = true)]
        paths: Vec<String>,
    },
}

fn parse_matcher(arg: &str) -> Result<(String, regex::Regex), String> {
    let (name, pattern) = arg
        .split_once('=')
        .ok_or_else(|| format!("`{arg}` is not NAME=REGEX"))?;
    let regex = regex::Regex::new(&format!("^(?:{pattern})$"))
        .map_err(|error| format!("matcher `{name}`: {error}"))?;
    Ok((name.to_owned(), regex))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Routes { dir, json } => with_manifest(&dir, |manifest| {
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&routes_json(manifest)).unwrap_or_default()
                );
            } else {
                print!("{}", routekit_codegen::table::route_table(manifest));
            }
        }),
        Command::Check { dir } => with_manifest(&dir, |manifest| {
            let count = manifest.servable_routes().count();
            println!("{}: ok, {count} routes", dir.display());
        }),
        Command::Match {
            dir,
            matchers,
            paths,
        } => with_manifest(&dir, |manifest| {
            for line in match_paths(manifest, &matchers, &paths) {
                println!("{line}");
            }
        }),
    }
}

/// Builds the manifest and runs `then`, or prints every error and fails.
fn with_manifest(dir: &Path, then: impl FnOnce(&Manifest)) -> ExitCode {
    match Manifest::from_dir(dir) {
        Ok(manifest) => {
            for warning in &manifest.warnings {
                eprintln!("warning: {warning}");
            }
            then(&manifest);
            ExitCode::SUCCESS
        }
        Err(errors) => {
            eprintln!("{errors}");
            let count = errors.len();
            eprintln!(
                "{count} error{} in `{}`",
                if count == 1 { "" } else { "s" },
                dir.display()
            );
            ExitCode::FAILURE
        }
    }
}

fn routes_json(manifest: &Manifest) -> Value {
    let routes: Vec<Value> = manifest
        .servable_routes()
        .enumerate()
        .map(|(rank, route)| {
            let params: Vec<Value> = route
                .pattern
                .params
                .iter()
                .map(|p| {
                    json!({
                        "name": p.name,
                        "matcher": p.matcher,
                        "optional": p.optional,
                        "rest": p.rest,
                    })
                })
                .collect();
            let page = route.page.as_ref().map(|page| {
                json!({
                    "layouts": page.layouts,
                    "errors": page.errors,
                    "leaf": page.leaf,
                })
            });
            json!({
                "rank": rank + 1,
                "id": route.id,
                "pattern": js_regex_source(&route.pattern),
                "params": params,
                "page": page,
                "endpoint": route.endpoint.as_ref().map(|p| relative(manifest, p)),
                "files": route_files(manifest, route),
            })
        })
        .collect();
    json!({ "routes_dir": manifest.routes_dir.display().to_string(), "routes": routes })
}

fn match_paths(
    manifest: &Manifest,
    matchers: &[(String, regex::Regex)],
    paths: &[String],
) -> Vec<String> {
    let routes: Vec<ReferenceRoute> = manifest
        .servable_routes()
        .filter_map(|route| ReferenceRoute::new(&route.id).ok())
        .collect();
    let accepts = |name: &str, value: &str| {
        matchers
            .iter()
            .find(|(defined, _)| defined == name)
            .is_none_or(|(_, regex)| regex.is_match(value))
    };
    paths
        .iter()
        .map(|path| {
            let line = match reference::decode_pathname(path)
                .and_then(|decoded| reference::find_route(&decoded, &routes, &accepts))
            {
                Err(_) => json!({ "path": path, "malformed": true }),
                Ok(None) => json!({ "path": path, "route": null, "params": {} }),
                Ok(Some((route, params))) => {
                    json!({ "path": path, "route": route.id, "params": params })
                }
            };
            line.to_string()
        })
        .collect()
}
