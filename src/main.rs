//! The web app's entry point: install the panic hook and mount. Everything else is in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    estimator::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The web app runs in the browser: use `./dev serve`. The native CLI is `estimate`.");
}
