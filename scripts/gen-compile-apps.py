#!/usr/bin/env python3
"""Writes the apps of scripts/bench-compile: for each size N, a routekit app `rkN` (a routes
folder with one `+server.rs` per route and `routekit_codegen::track` in build.rs) and a
hand-written axum app `axN` (one handler module per route and an `axum::Router` listing them),
both from the same route list, in one cargo workspace sharing the repository's Cargo.lock.

Routes, in turn: a static route `/rI`, one param `/rI/[id]`, three params
`/rI/[owner]/[repo]/issues/[number]`, a rest param `/rI/files/[...path]`. Every handler returns
a string naming its route; route 1's contains the marker `edit-0`, which the incremental build
changes.

usage: gen-compile-apps.py OUT_DIR REPO_DIR SIZE...
"""

import os
import shutil
import sys

AXUM = (
    'axum = { version = "0.8", default-features = false, features = ["json", "query", "form", '
    '"original-uri", "matched-path", "tokio", "http1"] }\n'
    'tokio = { version = "1", features = ["rt-multi-thread", "net", "macros"] }\n'
)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def routes(n):
    """(kind, routekit folder, axum path) for each route."""
    out = []
    for i in range(n):
        kind = i % 4
        if kind == 0:
            out.append((kind, f"r{i}", f"/r{i}"))
        elif kind == 1:
            out.append((kind, f"r{i}/[id]", f"/r{i}/{{id}}"))
        elif kind == 2:
            out.append((kind, f"r{i}/[owner]/[repo]/issues/[number]", f"/r{i}/{{owner}}/{{repo}}/issues/{{number}}"))
        else:
            out.append((kind, f"r{i}/files/[...path]", f"/r{i}/files/{{*path}}"))
    return out


def marker(i):
    return " edit-0" if i == 1 else ""


def routekit_handler(i, kind):
    if kind == 0:
        return f'//! A static route.\n\n/// Names the route.\npub async fn GET() -> &\'static str {{\n    "r{i}{marker(i)}"\n}}\n'
    if kind == 1:
        return f'//! One param.\n\n/// Echoes the param.\npub async fn GET(params: super::Params) -> String {{\n    format!("r{i}{marker(i)} {{}}", params.id)\n}}\n'
    if kind == 2:
        return (
            f"//! Three params.\n\n/// Echoes the params.\npub async fn GET(params: super::Params) -> String {{\n"
            f'    format!("r{i}{marker(i)} {{}}/{{}}#{{}}", params.owner, params.repo, params.number)\n}}\n'
        )
    return f'//! A rest param.\n\n/// Echoes the param.\npub async fn GET(params: super::Params) -> String {{\n    format!("r{i}{marker(i)} {{}}", params.path)\n}}\n'


def axum_handler(i, kind):
    head = "//! A handler.\n\nuse axum::extract::Path;\n\n" if kind else "//! A handler.\n\n"
    if kind == 0:
        return head + f'/// Names the route.\npub async fn get() -> &\'static str {{\n    "r{i}{marker(i)}"\n}}\n'
    if kind == 1:
        return head + f'/// Echoes the param.\npub async fn get(Path(id): Path<String>) -> String {{\n    format!("r{i}{marker(i)} {{}}", id)\n}}\n'
    if kind == 2:
        return head + (
            "/// Echoes the params.\npub async fn get(\n    Path((owner, repo, number)): Path<(String, String, String)>,\n) -> String {\n"
            f'    format!("r{i}{marker(i)} {{}}/{{}}#{{}}", owner, repo, number)\n}}\n'
        )
    return head + f'/// Echoes the param.\npub async fn get(Path(path): Path<String>) -> String {{\n    format!("r{i}{marker(i)} {{}}", path)\n}}\n'


MAIN_SERVE = """
#[tokio::main]
async fn main() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    axum::serve(listener, app()).await.unwrap();
}
"""


def routekit_app(root, name, repo, table):
    write(f"{root}/Cargo.toml", (
        f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n'
        f'[dependencies]\nroutekit = {{ path = "{repo}/runtime" }}\n{AXUM}\n'
        f'[build-dependencies]\nroutekit-codegen = {{ path = "{repo}/codegen", default-features = false }}\n'
    ))
    write(f"{root}/build.rs", 'fn main() {\n    routekit_codegen::track("src/routes");\n}\n')
    write(f"{root}/src/main.rs", (
        "//! A generated routekit app.\n\n#[derive(routekit::Routes)]\nstruct App;\n\n"
        "fn app() -> axum::Router {\n    App::router().with_state(())\n}\n" + MAIN_SERVE
    ))
    for i, (kind, folder, _) in enumerate(table):
        write(f"{root}/src/routes/{folder}/+server.rs", routekit_handler(i, kind))


def axum_app(root, name, table):
    write(f"{root}/Cargo.toml", (
        f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n'
        f"[dependencies]\n{AXUM}"
    ))
    modules = "".join(f"pub mod r{i};\n" for i in range(len(table)))
    write(f"{root}/src/handlers/mod.rs", "//! One module per route.\n\n" + modules)
    for i, (kind, _, _) in enumerate(table):
        write(f"{root}/src/handlers/r{i}.rs", axum_handler(i, kind))
    calls = "".join(f'        .route("{path}", get(handlers::r{i}::get))\n' for i, (_, _, path) in enumerate(table))
    write(f"{root}/src/main.rs", (
        "//! A generated hand-written axum app.\n\nmod handlers;\n\nuse axum::routing::get;\n\n"
        f"fn app() -> axum::Router {{\n    axum::Router::new()\n{calls}}}\n" + MAIN_SERVE
    ))


def main():
    out, repo, sizes = sys.argv[1], os.path.abspath(sys.argv[2]), [int(s) for s in sys.argv[3:]]
    members = []
    for n in sizes:
        table = routes(n)
        routekit_app(f"{out}/rk{n}", f"rk{n}", repo, table)
        axum_app(f"{out}/ax{n}", f"ax{n}", table)
        members += [f"rk{n}", f"ax{n}"]
    quoted = ", ".join(f'"{m}"' for m in members)
    write(f"{out}/Cargo.toml", f'[workspace]\nresolver = "3"\nmembers = [{quoted}]\n')
    shutil.copy(f"{repo}/Cargo.lock", f"{out}/Cargo.lock")


if __name__ == "__main__":
    main()
