//! Fetching a region's rule packs in the browser (wasm only; see `catalog::packs`).
//!
//! A pack is a static file next to the wasm-bindgen module (`rules-<id>-<hash>.bin`): the
//! request names a file of this build and carries nothing of the resident. The start-up
//! script (`tools/dist/boot.js`) starts fetching the region it expects the app to show
//! while the wasm downloads, and leaves the responses' promises in
//! `window.benefitEstimatorPacks` (the single file leaves every pack's bytes there): a
//! pack is taken from there first, else fetched relative to the module, so the app, an
//! embedding frame and a host page using the JavaScript API all find it wherever `dist/`
//! is hosted.

use crate::catalog::{self, CatalogError};
use crate::domain::engine::Engine;
use js_sys::{Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    type ImportMeta;
    /// The wasm-bindgen module's `import.meta`: its URL is where the packs are.
    #[wasm_bindgen(thread_local_v2, js_namespace = import, js_name = meta)]
    static IMPORT_META: ImportMeta;
    #[wasm_bindgen(method, getter)]
    fn url(this: &ImportMeta) -> String;
}

/// Why a region's rules could not be loaded.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The region is not one the build knows.
    Unknown,
    /// No response: offline with no copy kept, or the server refused (`HTTP 404`).
    Fetch { file: String, detail: String },
    /// A response that is not the pack this build made, or that does not validate.
    Invalid(CatalogError),
}

impl LoadError {
    /// No network (as far as the page can tell) rather than a wrong file.
    pub fn offline(&self) -> bool {
        matches!(self, LoadError::Fetch { detail, .. } if !detail.starts_with("HTTP"))
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Unknown => write!(f, "unknown region"),
            LoadError::Fetch { file, detail } => write!(f, "{file}: {detail}"),
            LoadError::Invalid(e) => write!(f, "{e}"),
        }
    }
}

fn js_text(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "network error".into())
}

/// What the start-up script (or the single file) left for `file`. Left there: two loads
/// may want it at once (a region and then its child, the app and `ready`), and each reads
/// a copy (see [`bytes`]). A failed request is not left there (see [`fetch_all`]).
fn provided(file: &str) -> Option<JsValue> {
    let packs = Reflect::get(&js_sys::global(), &"benefitEstimatorPacks".into()).ok()?;
    if !packs.is_object() {
        return None;
    }
    let v = Reflect::get(&packs, &file.into()).ok()?;
    (!v.is_undefined()).then_some(v)
}

/// Drops what the page was given for `file` (a request that failed).
fn forget(file: &str) {
    if let Ok(packs) = Reflect::get(&js_sys::global(), &"benefitEstimatorPacks".into())
        && let Some(o) = packs.dyn_ref::<js_sys::Object>()
    {
        let _ = Reflect::delete_property(o, &file.into());
    }
}

/// The bytes of an `ArrayBuffer` or a typed array.
fn bytes_of(v: &JsValue) -> Option<Vec<u8>> {
    (v.is_instance_of::<js_sys::ArrayBuffer>() || v.is_instance_of::<Uint8Array>())
        .then(|| Uint8Array::new(v).to_vec())
}

/// Starts a request for `file`, relative to the module.
fn request(file: &str) -> Result<Promise, String> {
    let url = web_sys::Url::new_with_base(file, &IMPORT_META.with(ImportMeta::url))
        .map_err(|e| js_text(&e))?;
    let window = web_sys::window().ok_or("no window")?;
    Ok(window.fetch_with_str(&url.href()))
}

/// The bytes `p` resolves to: given bytes, or a response's body (read from a copy, so
/// the response can be read again by another load).
async fn bytes(p: Promise) -> Result<Vec<u8>, String> {
    let v = JsFuture::from(p).await.map_err(|e| js_text(&e))?;
    if let Some(b) = bytes_of(&v) {
        return Ok(b);
    }
    let res: web_sys::Response = v.dyn_into().map_err(|_| "not a response")?;
    if !res.ok() {
        return Err(format!("HTTP {}", res.status()));
    }
    let copy = res.clone().map_err(|e| js_text(&e))?;
    let buf = JsFuture::from(copy.array_buffer().map_err(|e| js_text(&e))?)
        .await
        .map_err(|e| js_text(&e))?;
    bytes_of(&buf).ok_or_else(|| "not bytes".into())
}

/// Every file's bytes: what the page was given for it (the start-up script's request,
/// or the single file's bytes), else a request of ours. Every request starts before the
/// first is awaited. What the page was given is dropped if it failed, so a retry asks anew.
async fn fetch_all(files: &[&str]) -> Vec<Result<Vec<u8>, String>> {
    let started: Vec<(bool, Result<Promise, String>)> = files
        .iter()
        .map(|f| match provided(f) {
            Some(v) => (true, Ok(Promise::resolve(&v))),
            None => (false, request(f)),
        })
        .collect();
    let mut out = Vec::with_capacity(files.len());
    for (f, (given, p)) in files.iter().zip(started) {
        let r = match p {
            Ok(p) => bytes(p).await,
            Err(e) => Err(e),
        };
        if given && r.is_err() {
            forget(f);
        }
        out.push(r);
    }
    out
}

/// Loads `region`'s rules (and its parents') if they are not in yet: the engine that has
/// them. Packs are fetched side by side; nothing changes on an error.
pub async fn ensure(region: &str) -> Result<&'static Engine, LoadError> {
    let missing = catalog::missing(region).ok_or(LoadError::Unknown)?;
    if missing.is_empty() {
        return catalog::engine().map_err(|e| LoadError::Invalid(e.clone()));
    }
    let fetched = fetch_all(&missing).await;
    let mut files = Vec::with_capacity(missing.len());
    for (f, r) in missing.iter().zip(fetched) {
        match r {
            Ok(b) => files.push((*f, b)),
            Err(detail) => {
                return Err(LoadError::Fetch {
                    file: f.to_string(),
                    detail,
                });
            }
        }
    }
    let files: Vec<(&str, &[u8])> = files.iter().map(|(f, b)| (*f, &b[..])).collect();
    catalog::add_packs(&files).map_err(LoadError::Invalid)
}
