//! The generated matcher against the reference matcher: see `routekit_fuzz::matcher`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| routekit_fuzz::matcher(data));
