//! The benchmark route trees (owned by the dispatch benchmark).

use std::path::Path;

/// Writes the trees and `$OUT_DIR/scale_apps.rs`.
pub fn generate(out_dir: &Path) {
    std::fs::write(out_dir.join("scale_apps.rs"), "").expect("write scale_apps.rs");
}
