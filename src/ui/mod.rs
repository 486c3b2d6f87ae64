//! The leptos UI (wasm only). State has one owner, [`state::AppState`], provided as
//! context; the estimate is a `Memo` over it. Components live one per file, grouped
//! by screen.

pub mod app;
pub mod embed;
pub mod estimate;
pub mod i18n;
pub mod persist;
pub mod state;
pub mod tools;

/// Mounts the app on `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(app::App);
}
