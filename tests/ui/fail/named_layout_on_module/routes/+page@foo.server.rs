pub async fn load() {}
