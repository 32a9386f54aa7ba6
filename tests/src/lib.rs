//! Shared helpers for routekit's integration tests.
