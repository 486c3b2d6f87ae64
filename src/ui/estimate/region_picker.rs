//! Choosing the region whose catalog applies.

use crate::domain::Lang;
use crate::ui::state::AppState;
use crate::view::Msg;
use leptos::prelude::*;

/// The region picker.
#[component]
pub fn RegionPicker() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    view! {
        <div class="field region">
            <label for="region">{state.t(Msg::Region)}</label>
            <select
                id="region"
                on:change=move |ev| state.region.set(event_target_value(&ev))
                prop:value=move || state.region.get()
            >
                {region_options(lang)}
            </select>
        </div>
    }
}

/// One `<option>` per region of the catalog, named in the current language; shared by
/// the region picker and the comparison's picker.
pub fn region_options(lang: RwSignal<Lang>) -> impl IntoView {
    AppState::catalog()
        .map(|c| c.regions.as_slice())
        .unwrap_or(&[])
        .iter()
        .map(|r| {
            let id = r.id.clone();
            let name = r.name.clone();
            view! { <option value=id>{move || name.get(lang.get()).to_string()}</option> }
        })
        .collect_view()
}
