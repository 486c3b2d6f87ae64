//! Benefit estimator for China's basic public services (基本公共服务).
//!
//! Three layers: [`domain`] (pure engine, native-tested), [`catalog`] (rule files →
//! validated domain values, embedded at compile time) and `ui` (leptos, wasm only).

pub mod api;
pub mod catalog;
pub mod compact;
pub mod domain;
#[cfg(target_arch = "wasm32")]
pub mod js_api;
#[cfg(target_arch = "wasm32")]
pub mod load;
pub mod share;
#[cfg(target_arch = "wasm32")]
pub mod ui;
pub mod view;
