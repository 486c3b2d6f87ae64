//! Choosing the region whose catalog applies.

use crate::ui::i18n::{tr, txt};
use crate::ui::state::AppState;
use leptos::prelude::*;

#[component]
pub fn RegionPicker() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let regions = AppState::catalog()
        .map(|c| c.regions.as_slice())
        .unwrap_or(&[]);
    view! {
        <div class="field region">
            <label for="region">{move || tr(lang.get(), "地区", "Region")}</label>
            <select
                id="region"
                on:change=move |ev| state.region.set(event_target_value(&ev))
                prop:value=move || state.region.get()
            >
                {regions
                    .iter()
                    .map(|r| {
                        let id = r.id.clone();
                        let name = r.name.clone();
                        view! { <option value=id>{move || txt(lang.get(), &name)}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
