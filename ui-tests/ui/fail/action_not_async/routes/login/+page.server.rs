pub mod actions {
    pub fn login() -> &'static str {
        "ok"
    }
}
