pub async fn load() -> Result<(), routekit::Error> {
    Ok(())
}
