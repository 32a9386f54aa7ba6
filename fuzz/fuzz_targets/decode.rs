//! Path decoding: see `routekit_fuzz::decode`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| routekit_fuzz::decode(data));
