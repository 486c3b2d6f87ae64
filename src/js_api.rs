//! The JavaScript API (wasm only): `regions`, `ready`, `catalog`, `estimate` and
//! `questions` on the module's exports, for a host page that embeds the estimator or calls it from a
//! form of its own. The JSON is the CLI's ([`crate::api`]); the TypeScript types are in
//! `js_api.d.ts`, emitted into the generated `.d.ts`.
//!
//! Every function returns `{ok: true, value}` or `{ok: false, error}` and never throws:
//! a host learns of bad input from the value, with the field's JSON path, and the page
//! lives on. A request may be a JS object or JSON text. An object is read here by a
//! walker with bounds on depth, size and string length, and with a cycle check, before
//! anything is deserialised: an unbounded recursive reader (serde-wasm-bindgen's) would
//! overflow the wasm stack on a deeply nested object, and a trap kills the page.

use crate::api::{self, ApiError, Limit, MAX_DEPTH, MAX_INPUT_BYTES, MAX_VALUES};
use crate::domain::error::echo;
use js_sys::{Array, JsString};
use serde_json::{Map, Number, Value as Json, json};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("js_api.d.ts");

// Every JS call the reader makes on a caller's value is one of these catching imports.
// A Proxy (revoked, or with throwing traps) makes `Array.isArray`, `Object.keys`,
// `Object.getPrototypeOf` and property reads throw; an import without `catch` lets that
// exception unwind through the wasm frames, which leaks the wasm stack a little on every
// call until every export fails with "memory access out of bounds" (issue 25). With
// `catch` the glue code stops the exception and hands it back as an `Err`.
// (`typeof` checks — `is_object`, `as_f64`, `dyn_ref::<JsString>` — and `===` never throw.)
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn own_keys(o: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(v: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Object, js_name = getPrototypeOf)]
    fn prototype_of(v: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = get)]
    fn reflect_get(target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;

    /// The optional second argument of `estimate` and `questions` (typed in js_api.d.ts):
    /// an extern type, so the generated signature says `options?: EstimateOptions | null`.
    #[wasm_bindgen(typescript_type = "EstimateOptions")]
    pub type EstimateOptions;
}

/// The regions with their documents and service areas.
#[wasm_bindgen(js_name = regions, unchecked_return_type = "ApiResult<Region[]>")]
pub fn js_regions() -> JsValue {
    respond(api::embedded().map(|c| api::regions_json(c)))
}

/// Waits until `region`'s rules are loaded, fetching them the first time (a file next to
/// this module; the app's own page has usually started that already). Resolves to
/// `{ok: true, value: null}`, or `{ok: false, error}` with `unknown_region` or
/// `not_loaded` (offline with no copy, or a file that is not this build's); never rejects.
#[wasm_bindgen(js_name = ready, unchecked_return_type = "ApiResult<null>")]
pub async fn js_ready(#[wasm_bindgen(unchecked_param_type = "string")] region: JsValue) -> JsValue {
    let id = region_id(&region);
    let known = match api::embedded() {
        Ok(c) => c.region(&id).is_some(),
        Err(e) => return respond(Err(e)),
    };
    if !known {
        // The catalog's own error, naming the regions there are.
        return respond(api::embedded().and_then(|c| api::catalog_json(c, &id)));
    }
    respond(
        crate::load::ensure(&id)
            .await
            .map(|_| Json::Null)
            .map_err(|e| ApiError::NotLoaded {
                region: id.clone(),
                detail: Some(e.to_string()),
            }),
    )
}

/// A region id given by a caller, as a string: a slice, not the whole string (no id is
/// that long, and a huge string is not copied into wasm memory).
fn region_id(region: &JsValue) -> String {
    match region.dyn_ref::<JsString>() {
        Some(s) => String::from(s.slice(0, 64)),
        None => format!("({})", region.js_typeof().as_string().unwrap_or_default()),
    }
}

/// A region's catalog: every rule in force there, with its citation.
#[wasm_bindgen(js_name = catalog, unchecked_return_type = "ApiResult<Catalog>")]
pub fn js_catalog(#[wasm_bindgen(unchecked_param_type = "string")] region: JsValue) -> JsValue {
    respond((|| {
        let catalog = api::embedded()?;
        api::catalog_json(catalog, &region_id(&region))
    })())
}

/// Estimates a household (schema `benefit-estimate/2`, as the CLI prints); `options`
/// may carry a deployment's `settings`.
#[wasm_bindgen(js_name = estimate, unchecked_return_type = "ApiResult<EstimateResult>")]
pub fn js_estimate(
    #[wasm_bindgen(unchecked_param_type = "Household | string")] request: JsValue,
    options: Option<EstimateOptions>,
) -> JsValue {
    respond_text(with_request(
        &request,
        options.as_deref(),
        api::estimate_text,
    ))
}

/// The unanswered facts that can still change an outcome, most cash at stake first.
#[wasm_bindgen(js_name = questions, unchecked_return_type = "ApiResult<Question[]>")]
pub fn js_questions(
    #[wasm_bindgen(unchecked_param_type = "Household | string")] request: JsValue,
    options: Option<EstimateOptions>,
) -> JsValue {
    respond_text(with_request(
        &request,
        options.as_deref(),
        api::questions_text,
    ))
}

fn with_request(
    input: &JsValue,
    options: Option<&JsValue>,
    run: fn(&crate::domain::Engine, &api::Request, crate::domain::Date) -> Result<String, ApiError>,
) -> Result<String, ApiError> {
    let v = match input.dyn_ref::<JsString>() {
        // Length is checked before the text is copied into wasm memory.
        Some(s) if s.length() as usize > MAX_INPUT_BYTES => {
            return Err(ApiError::TooLarge {
                path: String::new(),
                limit: Limit::Bytes(s.length() as usize),
            });
        }
        Some(s) => api::parse_text(&String::from(s))?,
        None => Reader::default().read(input, &mut String::new(), 0)?,
    };
    let catalog = api::embedded()?;
    let mut req = api::parse_request(&v, None, catalog)?;
    req.settings = settings_option(options, catalog)?;
    run(catalog, &req, crate::ui::state::today())
}

/// [`respond`] for a value already written as JSON text (an estimate is written straight
/// to text: building it as a `serde_json::Value` first was most of its time).
fn respond_text(r: Result<String, ApiError>) -> JsValue {
    let text = match r {
        Ok(value) => format!("{{\"ok\":true,\"value\":{value}}}"),
        Err(e) => serde_json::to_string(&e.to_json()).unwrap_or_default(),
    };
    js_sys::JSON::parse(&text).unwrap_or(JsValue::NULL)
}

/// The `settings` of the options argument (`undefined`/`null` options or settings: none);
/// any other key of the options is refused, as a request's is.
fn settings_option(
    options: Option<&JsValue>,
    catalog: &crate::domain::rule::Catalog,
) -> Result<Option<crate::domain::Settings>, ApiError> {
    let Some(o) = options.filter(|o| !o.is_null() && !o.is_undefined()) else {
        return Ok(None);
    };
    let v = Reader::default().read(o, &mut "options".to_string(), 0)?;
    let Some(obj) = v.as_object() else {
        return Err(ApiError::UnknownField {
            path: "options".into(),
        });
    };
    if let Some(k) = obj.keys().find(|k| k.as_str() != "settings") {
        return Err(ApiError::UnknownField {
            path: format!("options.{}", k.chars().take(40).collect::<String>()),
        });
    }
    match obj.get("settings") {
        None | Some(Json::Null) => Ok(None),
        Some(Json::String(text)) => api::parse_settings_str(text, catalog).map(Some),
        Some(s) => api::parse_settings(s, catalog).map(Some),
    }
}

/// The tagged result as a plain JS object. JSON text and `JSON.parse` rather than a
/// serde serializer: plain objects and arrays (no `Map`), and nothing but the text
/// path serde_json already has in the binary.
fn respond(r: Result<Json, ApiError>) -> JsValue {
    let out = match r {
        Ok(value) => json!({"ok": true, "value": value}),
        Err(e) => e.to_json(),
    };
    let text = serde_json::to_string(&out).unwrap_or_default();
    js_sys::JSON::parse(&text).unwrap_or(JsValue::NULL)
}

/// Converts a JS value into JSON within [`MAX_DEPTH`], [`MAX_VALUES`] and
/// [`MAX_INPUT_BYTES`] (characters of strings and keys), refusing cycles and values JSON
/// cannot carry. `undefined` properties are dropped, as `JSON.stringify` does.
#[derive(Default)]
struct Reader {
    values: usize,
    chars: usize,
    /// The objects being read, outermost first: a value among them is a cycle.
    open: Vec<JsValue>,
}

impl Reader {
    fn read(&mut self, v: &JsValue, path: &mut String, depth: usize) -> Result<Json, ApiError> {
        self.values += 1;
        if self.values > MAX_VALUES {
            return Err(too_large(path, Limit::Values(self.values)));
        }
        if v.is_null() || v.is_undefined() {
            return Ok(Json::Null);
        }
        if let Some(b) = v.as_bool() {
            return Ok(Json::Bool(b));
        }
        if let Some(n) = v.as_f64() {
            return number(n).ok_or_else(|| not_json(path, "NaN or Infinity"));
        }
        if let Some(s) = v.dyn_ref::<JsString>() {
            return Ok(Json::String(self.string(s, path)?));
        }
        if !v.is_object() {
            let what = if v.is_bigint() {
                "a BigInt"
            } else if v.is_function() {
                "a function"
            } else {
                "a symbol"
            };
            return Err(not_json(path, what));
        }
        if depth >= MAX_DEPTH {
            return Err(too_large(path, Limit::Depth));
        }
        if self.open.iter().any(|o| o == v) {
            return Err(not_json(path, "a cycle: it contains itself"));
        }
        let array =
            is_array(v).map_err(|_| not_json(path, "inspecting it threw (a revoked Proxy?)"))?;
        if !array
            && !is_plain(v).map_err(|_| not_json(path, "inspecting it threw (a revoked Proxy?)"))?
        {
            return Err(not_json(
                path,
                "not a plain object or array (a Map, Date, DOM node…)",
            ));
        }
        self.open.push(v.clone());
        let out = if array {
            self.array(v, path, depth)
        } else {
            self.object(v, path, depth)
        };
        self.open.pop();
        out
    }

    fn array(&mut self, v: &JsValue, path: &mut String, depth: usize) -> Result<Json, ApiError> {
        let len = get(v, &"length".into(), path)?.as_f64().unwrap_or(0.0);
        // The length alone refuses a huge array before any element is read.
        if len > (MAX_VALUES - self.values) as f64 {
            return Err(too_large(path, Limit::Values(len as usize)));
        }
        let mut out = Vec::with_capacity(len as usize);
        for i in 0..len as u32 {
            let at = path.len();
            path.push_str(&format!("[{i}]"));
            let item = get(v, &i.into(), path)?;
            out.push(self.read(&item, path, depth + 1)?);
            path.truncate(at);
        }
        Ok(Json::Array(out))
    }

    fn object(&mut self, v: &JsValue, path: &mut String, depth: usize) -> Result<Json, ApiError> {
        let keys = own_keys(v).map_err(|_| not_json(path, "its keys cannot be listed"))?;
        if keys.length() as usize > MAX_VALUES - self.values {
            return Err(too_large(path, Limit::Values(keys.length() as usize)));
        }
        let mut out = Map::new();
        for key in keys.iter() {
            let Some(k) = key.dyn_ref::<JsString>() else {
                continue;
            };
            let name = self.string(k, path)?;
            let at = path.len();
            if !path.is_empty() {
                path.push('.');
            }
            // Every piece of input a message echoes is capped (issue 25).
            path.push_str(&echo(&name));
            let item = get(v, &key, path)?;
            if !item.is_undefined() {
                let value = self.read(&item, path, depth + 1)?;
                out.insert(name, value);
            }
            path.truncate(at);
        }
        Ok(Json::Object(out))
    }

    /// A JS string, counted against the size bound before it is copied.
    fn string(&mut self, s: &JsString, path: &str) -> Result<String, ApiError> {
        self.chars += s.length() as usize;
        if self.chars > MAX_INPUT_BYTES {
            return Err(too_large(path, Limit::Bytes(self.chars)));
        }
        Ok(String::from(s))
    }
}

/// A property read that reports a throwing getter or Proxy trap as an error.
fn get(target: &JsValue, key: &JsValue, path: &str) -> Result<JsValue, ApiError> {
    reflect_get(target, key).map_err(|_| not_json(path, "reading it threw an exception"))
}

/// A plain object: its prototype is `null` or an `Object.prototype` (this page's or
/// another frame's, which itself has a `null` prototype). A `Map`, a `Date`, a
/// `WeakMap`, a typed array, a DOM element or a class instance is not: read as an
/// object, it would be taken for `{}` and its contents silently lost.
fn is_plain(v: &JsValue) -> Result<bool, JsValue> {
    let proto = prototype_of(v)?;
    Ok(proto.is_null() || prototype_of(&proto)?.is_null())
}

/// A JS number as JSON: whole numbers as integers (so `14` is an age, not `14.0`),
/// fractions as floats for the fact parser to refuse or accept, NaN and ±Infinity
/// refused.
fn number(n: f64) -> Option<Json> {
    const SAFE: f64 = 9_007_199_254_740_991.0;
    if n.fract() == 0.0 && n.abs() <= SAFE {
        Some(Json::from(n as i64))
    } else {
        Number::from_f64(n).map(Json::Number)
    }
}

fn too_large(path: &str, limit: Limit) -> ApiError {
    ApiError::TooLarge {
        path: path.to_string(),
        limit,
    }
}

fn not_json(path: &str, what: &'static str) -> ApiError {
    ApiError::NotJson {
        path: path.to_string(),
        what,
    }
}
