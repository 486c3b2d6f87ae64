//! Browser tests (wasm-bindgen-test in headless Chromium): the engine and the rule
//! packs work in wasm, and the app mounts, asks and re-estimates as the user types.
#![cfg(target_arch = "wasm32")]

use estimator::domain::condition::Tri;
use estimator::domain::{Date, Household, evaluate};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// Every region's rule pack: the browser build fetches them next to the module, and
// the test runner serves no such files.
include!(concat!(env!("OUT_DIR"), "/all_packs.rs"));

fn load_all_rules() {
    estimator::catalog::add_packs(ALL_PACKS).expect("every pack validates in the browser");
}

async fn tick() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

#[wasm_bindgen_test]
fn embedded_catalog_evaluates_in_wasm() {
    load_all_rules();
    let cat = estimator::catalog::engine().expect("the catalog validates in the browser");
    let hebei = cat.region("hebei").unwrap();
    let h = Household::from_json_str(
        r#"{"household": {"economic_hardship": true}, "members": [{"age": 14, "student_stage": "junior", "boarding": true}]}"#,
    )
    .unwrap();
    let r = evaluate(cat, hebei, &h, Date::new(2020, 6, 1).unwrap());
    let o = r.outcomes.iter().find(|o| o.rule.id == "hebei.3").unwrap();
    assert_eq!(o.status, Tri::Yes);
    assert_eq!(o.cash.as_ref().unwrap().stated.unwrap().to_string(), "1250");
}

#[wasm_bindgen_test]
fn garbage_input_is_an_error_not_a_panic() {
    for bad in [
        "",
        "[",
        "{\"members\": 5}",
        "{\"members\": [{\"age\": 1e99}]}",
        "{\"members\": [{\"age\": -3}]}",
    ] {
        assert!(Household::from_json_str(bad).is_err(), "{bad}");
    }
}

fn doc() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

#[wasm_bindgen_test]
async fn app_mounts_restores_the_session_and_updates_results_as_the_user_types() {
    // A session copy from before a reload, and a damaged share link in the address bar:
    // the copy comes back, the link is refused with a message and changes nothing.
    let window = web_sys::window().unwrap();
    let session = window.session_storage().unwrap().unwrap();
    session
        .set_item(
            estimator::ui::persist::SESSION_KEY,
            r#"{"request": {"region": "hebei", "household": {"economic_hardship": true},
                "members": [{"age": 40}, {"age": 14, "student_stage": "junior", "boarding": true}]},
                "lang": "zh", "large": true, "compare": null}"#,
        )
        .unwrap();
    window
        .location()
        .set_hash("h=%7B%22members%22%3A5")
        .unwrap();
    load_all_rules();
    estimator::ui::mount();
    tick().await;
    let body = doc().body().unwrap();
    assert!(body.text_content().unwrap().contains("基本公共服务测算"));
    let total = || {
        doc()
            .query_selector("[data-testid=total-year]")
            .unwrap()
            .expect("totals")
            .text_content()
            .unwrap()
    };
    assert_eq!(total(), "1250 元");
    let notice = doc()
        .query_selector("[data-testid=notice-error]")
        .unwrap()
        .unwrap();
    assert!(
        notice.text_content().unwrap().contains("无法打开分享链接"),
        "{:?}",
        notice.text_content()
    );
    assert_eq!(window.location().hash().unwrap(), "", "the link is removed");
    let html = doc().document_element().unwrap();
    assert!(html.class_list().contains("large-text"));
    // Back to one empty member for the typing test.
    let clear: web_sys::HtmlElement = doc()
        .query_selector("button.clear")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    clear.click();
    tick().await;
    assert_eq!(total(), "0 元");
    assert!(
        session
            .get_item(estimator::ui::persist::SESSION_KEY)
            .unwrap()
            .is_none_or(|s| !s.contains("age")),
        "clear all wipes the session copy"
    );
    let age: web_sys::HtmlInputElement = doc()
        .get_element_by_id("f-0-age")
        .expect("age field")
        .dyn_into()
        .unwrap();
    age.set_value("70");
    age.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    tick().await;
    let results = doc()
        .query_selector("[data-testid=eligible]")
        .unwrap()
        .unwrap();
    assert!(
        results.text_content().unwrap().contains("老年人健康管理"),
        "{:?}",
        results.text_content()
    );
    // A bad age is refused with a message and is not used: no result is computed from
    // the last good (or a partial) value, and what was typed stays on screen.
    age.set_value("300");
    age.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    tick().await;
    assert!(body.text_content().unwrap().contains("无效"));
    assert!(!results.text_content().unwrap().contains("老年人健康管理"));
    assert_eq!(age.value(), "300");
}

/// The JS API's error field, as (code, path).
fn api_error(r: &wasm_bindgen::JsValue) -> (String, String) {
    use js_sys::Reflect;
    assert_eq!(Reflect::get(r, &"ok".into()).unwrap(), false);
    let e = Reflect::get(r, &"error".into()).unwrap();
    let s = |k: &str| Reflect::get(&e, &k.into()).unwrap().as_string().unwrap();
    (s("code"), s("path"))
}

#[wasm_bindgen_test]
fn js_api_bounds_hold_in_a_debug_build() {
    load_all_rules();
    // Debug frames are the largest, so deep input is tried here as well as in the
    // release build (tests/e2e/js-api.spec.mjs).
    use js_sys::{Array, Object, Reflect};
    use wasm_bindgen::JsValue;
    let mut deep: JsValue = Object::new().into();
    for _ in 0..100_000 {
        let o = Object::new();
        Reflect::set(&o, &"a".into(), &deep).unwrap();
        deep = o.into();
    }
    let req = Object::new();
    Reflect::set(&req, &"region".into(), &"hebei".into()).unwrap();
    Reflect::set(&req, &"members".into(), &Array::of1(&Object::new())).unwrap();
    Reflect::set(&req, &"household".into(), &deep).unwrap();
    let (code, path) = api_error(&estimator::js_api::js_estimate(req.clone().into(), None));
    assert_eq!(code, "too_large");
    assert_eq!(path, format!("household{}", ".a".repeat(15)));

    let text = format!("{{\"region\":\"hebei\",\"members\":{}", "[".repeat(100_000));
    let (code, path) = api_error(&estimator::js_api::js_estimate(text.into(), None));
    assert_eq!((code.as_str(), path.as_str()), ("syntax", ""));

    Reflect::set(&req, &"household".into(), &req).unwrap();
    let (code, path) = api_error(&estimator::js_api::js_questions(req.into(), None));
    assert_eq!((code.as_str(), path.as_str()), ("not_json", "household"));

    let ok = estimator::js_api::js_estimate(
        r#"{"region": "hebei", "members": [{"age": 70}]}"#.into(),
        None,
    );
    assert_eq!(Reflect::get(&ok, &"ok".into()).unwrap(), true);

    // Settings, as an object or as text; a deeply nested one is refused like a request.
    let options = Object::new();
    Reflect::set(&options, &"settings".into(), &deep).unwrap();
    let (code, path) = api_error(&estimator::js_api::js_estimate(
        r#"{"region": "hebei", "members": [{}]}"#.into(),
        Some(options.unchecked_into()),
    ));
    assert_eq!(code, "too_large");
    assert!(path.starts_with("options.settings.a"), "{path}");
    let options = Object::new();
    let bad = r#"{"deployment": "x", "regions": {"hebei": {"age": {"value": 70, "year": 2020, "source": "s"}}}}"#;
    Reflect::set(&options, &"settings".into(), &bad.into()).unwrap();
    let (code, path) = api_error(&estimator::js_api::js_estimate(
        r#"{"region": "hebei", "members": [{}]}"#.into(),
        Some(options.unchecked_into()),
    ));
    assert_eq!(
        (code.as_str(), path.as_str()),
        ("invalid_settings", "settings.regions.hebei.age")
    );
}
