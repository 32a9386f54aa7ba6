pub mod actions {
    pub async fn default() {}

    pub async fn register() {}
}
