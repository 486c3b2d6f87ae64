//! The leptos UI (wasm only).
pub fn mount() {}
