//! A load that reads the body: loads only see the request head.

/// Reads a string body.
pub async fn load(body: String) -> Result<(), routekit::Error> {
    let _ = body;
    Ok(())
}
