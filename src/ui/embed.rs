//! Start-up choices read from the page address, `?region=<id>&lang=zh|en`: how the
//! `<benefit-estimator region=… lang=…>` element of `embed.js` (which shows the app in an iframe)
//! passes its attributes, and how any link can open the app on a region. Read once, at mount.
//! An unknown value is ignored with a console warning that names the parameter, never a panic.

use super::state::AppState;
use crate::domain::Lang;

/// The initial region and language asked for, each `None` when not asked for or not understood.
#[derive(Default)]
pub struct StartOptions {
    pub region: Option<String>,
    pub lang: Option<Lang>,
}

impl StartOptions {
    /// From the current page's query string.
    // Not inlined: inlined into the app's start-up it made the release wasm 10 KB bigger, this 2 KB.
    #[inline(never)]
    pub fn from_location() -> StartOptions {
        let params = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .and_then(|q| web_sys::UrlSearchParams::new_with_str(&q).ok());
        let get = |name| params.as_ref().and_then(|p| p.get(name));
        let region = get("region").filter(|value| {
            let known = AppState::catalog().is_some_and(|c| c.region(value).is_some());
            if !known {
                leptos::logging::warn!(
                    "benefit-estimator: region=\"{value}\" is not a known region; using the default"
                );
            }
            known
        });
        let lang = get("lang").and_then(|value| {
            let l = value.to_ascii_lowercase();
            if l == "zh" || l.starts_with("zh-") {
                Some(Lang::Zh)
            } else if l == "en" || l.starts_with("en-") {
                Some(Lang::En)
            } else {
                leptos::logging::warn!(
                    "benefit-estimator: lang=\"{value}\" is neither zh nor en; using Chinese"
                );
                None
            }
        });
        StartOptions { region, lang }
    }
}
