//! The route table, as `routekit routes` prints it and `track` writes it to `OUT_DIR`.

use std::path::Path;

use crate::manifest::Manifest;

/// The path of `file` relative to the routes folder, for display.
pub fn relative(manifest: &Manifest, file: &Path) -> String {
    file.strip_prefix(&manifest.routes_dir)
        .unwrap_or(file)
        .display()
        .to_string()
}

/// The route files of a route: page template, page server module, endpoint.
pub fn route_files(manifest: &Manifest, route: &crate::Route) -> Vec<String> {
    let mut files = Vec::new();
    if let Some(page) = &route.page {
        let leaf = &manifest.nodes[page.leaf];
        if let Some(crate::Component::File(path)) = &leaf.component {
            files.push(relative(manifest, path));
        }
        if let Some(path) = &leaf.server {
            files.push(relative(manifest, path));
        }
    }
    if let Some(path) = &route.endpoint {
        files.push(relative(manifest, path));
    }
    files
}

/// What a route serves: `page`, `endpoint` or both.
pub fn kind_label(route: &crate::Route) -> &'static str {
    match (route.page.is_some(), route.endpoint.is_some()) {
        (true, true) => "page+endpoint",
        (true, false) => "page",
        (false, true) => "endpoint",
        (false, false) => "-",
    }
}

/// The table: rank, route id, what it serves, its files; one route a line.
pub fn route_table(manifest: &Manifest) -> String {
    let rows: Vec<[String; 4]> = manifest
        .servable_routes()
        .enumerate()
        .map(|(rank, route)| {
            [
                (rank + 1).to_string(),
                route.id.clone(),
                kind_label(route).to_owned(),
                route_files(manifest, route).join(" "),
            ]
        })
        .collect();
    let header = ["rank", "route", "serves", "files"];
    let mut widths = header.map(str::len);
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let mut line = |cells: [&str; 4]| {
        let mut text = String::new();
        for (i, cell) in cells.iter().enumerate() {
            if i == 3 {
                text.push_str(cell);
            } else {
                let pad = widths[i] - cell.chars().count();
                text.push_str(cell);
                text.push_str(&" ".repeat(pad + 2));
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    };
    line(header);
    for row in &rows {
        line([&row[0], &row[1], &row[2], &row[3]]);
    }
    out
}
