//! The app state's outside world: the tab's sessionStorage, so an accidental reload
//! loses nothing, and the URL fragment of an opt-in share link. Nothing is written
//! anywhere else, and sessionStorage dies with the tab.
//!
//! A shared link is applied once and then removed from the address bar: left there, a
//! reload would put the link's household back over the user's later edits.

use super::state::AppState;
use crate::domain::facts::fact_by_name;
use crate::domain::{Household, Lang};
use crate::share;
use crate::view::Msg;
use leptos::prelude::*;
use serde_json::{Value as Json, json};

/// The sessionStorage key; the version lets a later format ignore older copies.
pub const SESSION_KEY: &str = "benefit-estimator/v1";

fn storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

/// Puts back the session copy, then applies a shared link if the page was opened with one.
pub fn restore(state: AppState) {
    if let Some(s) = storage()
        && let Ok(Some(text)) = s.get_item(SESSION_KEY)
        && !apply_session(state, &text)
    {
        // A copy with no household left in it is of no use to anyone; say so.
        let _ = s.remove_item(SESSION_KEY);
        state.say(Msg::SessionDamaged, true);
    }
    // The address's `?region=&lang=` (a host page's embed attributes) is a fresh choice
    // made after the copy was saved, so it wins over the copy; a shared link wins over both.
    let start = super::embed::StartOptions::from_location();
    if let Some(r) = start.region {
        state.region.set(r);
    }
    if let Some(l) = start.lang {
        state.lang.set(l);
    }
    apply_fragment(state);
}

fn apply_session(state: AppState, text: &str) -> bool {
    // The strict reader: a key given twice is refused, never silently the last one.
    let Ok(v) = crate::domain::json::parse(text) else {
        return false;
    };
    let Some(cat) = AppState::catalog() else {
        return false;
    };
    let Some(req) = v.get("request") else {
        return false;
    };
    // Whatever this version can still read is kept, and the resident is told what
    // was left out: a damaged or older copy never wipes the household silently.
    let Ok((saved, dropped)) =
        share::from_session_lenient(&req.to_string(), cat, super::state::DEFAULT_REGION)
    else {
        return false;
    };
    if !dropped.is_empty() {
        let list = dropped
            .iter()
            .take(5)
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(", ");
        let more = if dropped.len() > 5 { " …" } else { "" };
        state.say(
            Msg::SessionPartly {
                dropped: dropped.len(),
                list: format!("{list}{more}"),
            },
            true,
        );
    }
    state.region.set(saved.region);
    let members = saved.household.members.len();
    state.set_household(saved.household);
    // "不清楚" answers: whatever no longer names a fact or a member is dropped.
    let dont_know = v
        .get("dont_know")
        .and_then(Json::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|e| {
                    let f = fact_by_name(e.get(0)?.as_str()?)?;
                    let m = match e.get(1)? {
                        Json::Null => None,
                        j => Some(j.as_u64().filter(|&i| (i as usize) < members)? as usize),
                    };
                    Some((f, m))
                })
                .collect()
        })
        .unwrap_or_default();
    state.dont_know.set(dont_know);
    if v.get("lang").and_then(Json::as_str) == Some("en") {
        state.lang.set(Lang::En);
    }
    state
        .large_text
        .set(v.get("large").and_then(Json::as_bool) == Some(true));
    state.compare.set(
        v.get("compare")
            .and_then(Json::as_str)
            .filter(|r| cat.region(r).is_some())
            .map(str::to_string),
    );
    true
}

/// Applies a `#h=…` link. A broken link changes nothing and says why.
pub fn apply_fragment(state: AppState) {
    let Ok(hash) = window().location().hash() else {
        return;
    };
    let Some(cat) = AppState::catalog() else {
        return;
    };
    match share::decode_fragment(&hash, cat) {
        Ok(None) => {}
        Ok(Some(saved)) => {
            state.region.set(saved.region);
            state.set_household(saved.household);
            state.dont_know.set(saved.dont_know);
            state.say(Msg::LinkApplied, false);
            clear_fragment();
        }
        Err(e) => {
            state.say(
                Msg::LinkBroken {
                    zh: e.zh(),
                    en: e.to_string(),
                },
                true,
            );
            clear_fragment();
        }
    }
}

/// Removes the fragment from the address bar without a reload or a history entry.
fn clear_fragment() {
    let loc = window().location();
    let url = format!(
        "{}{}",
        loc.pathname().unwrap_or_default(),
        loc.search().unwrap_or_default()
    );
    if let Ok(h) = window().history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Keeps the session copy in step with the state; an empty form leaves nothing behind.
pub fn keep_in_session(state: AppState) {
    Effect::new(move |_| {
        let household = state.household.get();
        let region = state.region.get();
        let lang = state.lang.get();
        let large = state.large_text.get();
        let compare = state.compare.get();
        let Some(s) = storage() else { return };
        if household == Household::default()
            && compare.is_none()
            && !large
            && lang == Lang::Zh
            && state.dont_know.with(Vec::is_empty)
        {
            let _ = s.remove_item(SESSION_KEY);
            return;
        }
        let request = share::to_json(&region, &household);
        let dont_know: Vec<Json> = state
            .dont_know
            .with(|d| d.iter().map(|(f, m)| json!([f.info().name, m])).collect());
        let v = json!({
            "request": request,
            "dont_know": dont_know,
            "lang": if lang == Lang::En { "en" } else { "zh" },
            "large": large,
            "compare": compare,
        });
        // A full quota is not worth an error: the page still works without the copy.
        let _ = s.set_item(SESSION_KEY, &v.to_string());
    });
}

/// The share link for the current household: the estimator's address (see
/// [`share_base`], else this page's own) with `#v2=…`.
pub fn share_link(state: AppState) -> String {
    link_at(state, &share_base(state).unwrap_or_else(page_address))
}

/// The current household's link at `base`.
pub fn link_at(state: AppState, base: &str) -> String {
    let frag = state.household.with(|h| {
        state
            .region
            .with(|r| state.dont_know.with(|d| share::encode_fragment(r, h, d)))
    });
    format!("{base}#{frag}")
}

/// This page's address without its fragment; from `href`, not `origin`: a page opened
/// from disk has the origin "null".
fn page_address() -> String {
    let href = window().location().href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// The address a phone can open the estimator at: the deployment's `share_base_url`,
/// else this page's own address when it is served over http(s). `None` for a page
/// opened from a file (the single file on a counter PC) with no address set.
pub fn share_base(state: AppState) -> Option<String> {
    if let Some(u) = state.settings().and_then(|s| s.share_base_url) {
        return Some(u);
    }
    let protocol = window().location().protocol().unwrap_or_default();
    matches!(protocol.as_str(), "http:" | "https:").then(page_address)
}

/// Wipes everything entered: the form, the session copy and any link in the address bar.
pub fn clear_all(state: AppState) {
    let snapshot = (
        state.region.get_untracked(),
        state.household.get_untracked(),
        state.compare.get_untracked(),
        state.dont_know.get_untracked(),
    );
    state.clear();
    if let Some(s) = storage() {
        let _ = s.remove_item(SESSION_KEY);
    }
    clear_fragment();
    state.say(Msg::ClearedAll, false);
    // Set after `say`, which drops any earlier snapshot with its notice.
    state.cleared.set(Some(snapshot));
}

/// Puts back what 清除全部 wiped (the session copy follows by itself).
pub fn undo_clear(state: AppState) {
    if let Some((region, household, compare, dont_know)) = state.cleared.get_untracked() {
        state.region.set(region);
        state.set_household(household);
        state.compare.set(compare);
        state.dont_know.set(dont_know);
        state.cleared.set(None);
        state.say(Msg::ClearUndone, false);
    }
}
