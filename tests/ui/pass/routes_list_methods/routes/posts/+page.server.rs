pub async fn load() -> &'static str {
    "posts"
}

pub mod actions {
    pub async fn default() -> &'static str {
        "saved"
    }
}
