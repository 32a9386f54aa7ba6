//! routekit: SvelteKit's filesystem routing for axum.
