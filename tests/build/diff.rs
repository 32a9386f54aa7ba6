//! experiment
use std::path::Path;
pub fn generate(out_dir: &Path) {
    let root = out_dir.join("diff/t0/src");
    let _ = std::fs::remove_dir_all(out_dir.join("diff"));
    std::fs::create_dir_all(root.join("routes/a/[x=num]")).unwrap();
    std::fs::create_dir_all(root.join("params")).unwrap();
    std::fs::write(root.join("routes/a/[x=num]/+page.html"), "").unwrap();
    std::fs::write(
        root.join("params/num.rs"),
        "pub fn parse(p: &str) -> Option<u32> { p.parse().ok() }\n",
    )
    .unwrap();
    let dir = root.join("routes");
    std::fs::write(
        out_dir.join("diff_apps.rs"),
        format!(
            "#[derive(routekit::Routes)]\n#[routes(dir = {:?})]\npub struct Tree0;\n",
            dir.display().to_string()
        ),
    )
    .unwrap();
}
