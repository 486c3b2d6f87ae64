//! The leptos UI (wasm only). State has one owner, [`state::AppState`], provided once
//! as context; the estimate (the view's typed values, `crate::view`) is a memo in it.
//! Fixed strings come from `view::Msg`. Components live one per file, grouped by screen.

pub mod app;
pub mod embed;
pub mod estimate;
pub mod persist;
pub mod settings;
pub mod state;
pub mod tools;

/// Mounts the app when the page is the app's own (`<body data-estimator-app>`, from
/// `index.html`): a host page that loads the module for its JavaScript API gets the
/// functions, not a second page drawn over its own.
pub fn start() {
    let own_page = leptos::prelude::document()
        .body()
        .is_some_and(|b| b.has_attribute("data-estimator-app"));
    if own_page {
        mount();
    }
}

/// Mounts the app on `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(app::App);
}
