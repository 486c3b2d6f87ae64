//! Deployment settings in the app: figures no resident knows but the office does (the
//! local 低保 standard, the minimum wage…), set once by the site or the counter that runs
//! the estimator. Two sources, read once at start:
//!
//! - the site's: `tools/dist/boot.js` reads `settings.json` next to index.html (or, in the
//!   `<benefit-estimator settings=…>` element's frame, the file that attribute names) and
//!   the single-file build carries its own; both leave `{text, url}` or `{error, url}` in
//!   `window.benefitEstimatorSettings` before the app starts;
//! - the counter's: entered on the 柜台设置 screen and kept in this browser's localStorage
//!   (settings only: nothing a resident enters is ever written there).
//!
//! A file that cannot be used is reported on screen for the administrator and in the
//! console, and the app runs without it. The precedence of answers is the domain's
//! (`domain::figures::provide`); here only the two sources are laid one over the other.

use super::estimate::region_picker::region_options;
use super::state::{AppState, Notice};
use crate::domain::Lang;
use crate::domain::answer::parse_answer;
use crate::domain::facts::{FactId, Kind, fact_by_name};
use crate::domain::figures::{DEPLOYMENT_WIDE, Settings, SettingsError};
use crate::view::Msg;
use leptos::prelude::*;
use serde_json::{Map, Value as Json, json};

/// The localStorage key of the counter's settings.
pub const COUNTER_KEY: &str = "benefit-estimator/counter-settings/v1";

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn known(r: &str) -> bool {
    AppState::catalog().is_some_and(|c| c.region(r).is_some())
}

/// Reads the site's settings (left by the start-up script) and the counter's.
pub fn load(state: AppState) {
    let g = js_sys::Reflect::get(&window(), &"benefitEstimatorSettings".into())
        .unwrap_or(wasm_bindgen::JsValue::UNDEFINED);
    let field = |k: &str| {
        js_sys::Reflect::get(&g, &k.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    if g.is_object() {
        let url = field("url").unwrap_or_else(|| "settings.json".into());
        if let Some(e) = field("error") {
            problem(state, &url, &e, &e);
        } else if let Some(text) = field("text") {
            match Settings::from_json_str(&text, known) {
                Ok(s) if s.is_empty() => {}
                Ok(s) => state.site_settings.set(Some(s)),
                Err(e) => problem(state, &url, &e.zh(), &e.to_string()),
            }
        }
    }
    if let Some(text) = local_storage().and_then(|s| s.get_item(COUNTER_KEY).ok().flatten()) {
        match Settings::from_json_str(&text, known) {
            Ok(s) if s.is_empty() => {}
            Ok(s) => state.counter_settings.set(Some(s)),
            Err(e) => problem(state, "柜台设置 (localStorage)", &e.zh(), &e.to_string()),
        }
    }
}

/// Reports a settings file that cannot be used: on screen and in the console.
fn problem(state: AppState, url: &str, zh: &str, en: &str) {
    leptos::logging::error!(
        "benefit-estimator: the settings {url} cannot be used ({en}); the estimator runs without them"
    );
    state.settings_problem.set(Some(Notice::new(
        Msg::SettingsUnusable {
            url: url.into(),
            zh: zh.into(),
            en: en.into(),
        },
        true,
    )));
}

/// The administrator's message about settings that could not be used.
#[component]
pub fn SettingsProblem() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    view! {
        {move || state.settings_problem.get().map(|n| view! {
            <div role="alert" class="notice error settings-problem" data-testid="settings-problem">
                <p>{n.text(lang.get())}</p>
            </div>
        })}
    }
}

/// The discreet way to the counter screen, at the foot of the page.
#[component]
pub fn CounterLink() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <footer class="site-foot">
            <button type="button" class="discreet" data-testid="counter-link" on:click=move |_| state.counter_open.set(true)>
                {state.t(Msg::CounterSettings)}
            </button>
        </footer>
    }
}

/// One fact's row of the form.
#[derive(Clone, Copy)]
struct Row {
    fact: FactId,
    value: RwSignal<String>,
    year: RwSignal<String>,
    source: RwSignal<String>,
}

/// A figure's value as the form shows it.
fn value_text(v: &Json) -> String {
    match v {
        Json::String(s) => s.clone(),
        Json::Null => String::new(),
        other => other.to_string(),
    }
}

/// The form's text, read by the domain's one parser of typed answers (as every field of
/// the resident's form is: "1,200元" and "１２００" mean 1200 here too), as the settings
/// file writes it; a refused value says why in the domain's words, at its path.
fn value_json(fact: FactId, text: &str, path: &str) -> Result<Json, SettingsError> {
    match parse_answer(fact, text) {
        Ok(Some(v)) => {
            Ok(serde_json::to_value(crate::view::shape::fact_value(fact, v)).unwrap_or(Json::Null))
        }
        Ok(None) => Ok(Json::Null),
        Err(e) => Err(SettingsError {
            path: path.into(),
            zh: e.zh(),
            en: e.en(),
        }),
    }
}

/// The 柜台设置 screen: a clerk enters or imports the figures of this counter, kept in
/// this browser's localStorage. Settings only; it never sees a household.
#[component]
pub fn CounterScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let region = RwSignal::new(state.region.get_untracked());
    let deployment = RwSignal::new(
        state
            .counter_settings
            .with_untracked(|c| c.as_ref().map(|c| c.deployment.clone()))
            .unwrap_or_default(),
    );
    let address = RwSignal::new(
        state
            .counter_settings
            .with_untracked(|c| c.as_ref().and_then(|c| c.share_base_url.clone()))
            .unwrap_or_default(),
    );
    let rows: Vec<Row> = DEPLOYMENT_WIDE
        .iter()
        .filter_map(|n| fact_by_name(n))
        .map(|fact| Row {
            fact,
            value: RwSignal::new(String::new()),
            year: RwSignal::new(String::new()),
            source: RwSignal::new(String::new()),
        })
        .collect();
    let message = RwSignal::new(None::<Notice>);
    let import = RwSignal::new(String::new());
    // The form shows the counter's figures of the region picked.
    {
        let rows = rows.clone();
        Effect::new(move |_| {
            let r = region.get();
            let saved = state
                .counter_settings
                .with(|c| c.as_ref().map(Settings::to_json))
                .unwrap_or(Json::Null);
            for row in &rows {
                let f = &saved["regions"][&r][row.fact.info().name];
                row.value.set(value_text(&f["value"]));
                row.year.set(value_text(&f["year"]));
                row.source.set(value_text(&f["source"]));
            }
        });
    }
    let store = move |s: Settings| {
        let text = s.to_json().to_string();
        let ok = local_storage().is_some_and(|st| {
            if s.is_empty() {
                st.remove_item(COUNTER_KEY).is_ok()
            } else {
                st.set_item(COUNTER_KEY, &text).is_ok()
            }
        });
        state.counter_settings.set((!s.is_empty()).then_some(s));
        message.set(Some(if ok {
            Notice::new(Msg::SavedHere, false)
        } else {
            Notice::new(Msg::CannotSave, true)
        }));
    };
    let refused = move |e: SettingsError| {
        message.set(Some(Notice::new(
            Msg::NotSaved {
                zh: e.zh(),
                en: e.to_string(),
            },
            true,
        )));
    };
    let save = {
        let rows = rows.clone();
        move |_| {
            let r = region.get_untracked();
            let mut all = state
                .counter_settings
                .with_untracked(|c| c.as_ref().map(Settings::to_json))
                .unwrap_or_else(|| json!({"regions": {}}));
            let mut facts = Map::new();
            for row in &rows {
                let v = row.value.get_untracked();
                if v.trim().is_empty() {
                    continue;
                }
                let name = row.fact.info().name;
                let value = match value_json(row.fact, &v, &format!("regions.{r}.{name}.value")) {
                    Ok(value) => value,
                    Err(e) => return refused(e),
                };
                let year = row.year.get_untracked();
                facts.insert(
                    name.into(),
                    json!({"value": value,
                           "year": year.trim().parse::<i64>().map_or_else(|_| Json::from(year.trim()), Json::from),
                           "source": row.source.get_untracked()}),
                );
            }
            all["deployment"] = Json::from(deployment.get_untracked().trim());
            all["regions"][&r] = Json::Object(facts);
            let a = address.get_untracked();
            all["share_base_url"] = if a.trim().is_empty() {
                Json::Null
            } else {
                Json::from(a.trim())
            };
            if let Some(regions) = all["regions"].as_object_mut() {
                regions.retain(|_, v| v.as_object().is_some_and(|o| !o.is_empty()));
                if regions.is_empty() && deployment.get_untracked().trim().is_empty() {
                    all.as_object_mut().map(|o| o.remove("deployment"));
                }
            }
            match Settings::from_json(&all, known) {
                Ok(s) => store(s),
                Err(e) => refused(e),
            }
        }
    };
    let do_import = move |_| match Settings::from_json_str(&import.get_untracked(), known) {
        Ok(s) => {
            deployment.set(s.deployment.clone());
            address.set(s.share_base_url.clone().unwrap_or_default());
            store(s);
            import.set(String::new());
            // Show the imported figures of the region picked.
            region.update(|_| {});
        }
        Err(e) => refused(e),
    };
    let clear = move |_| {
        deployment.set(String::new());
        address.set(String::new());
        store(Settings::default());
        region.update(|_| {});
    };
    let site = move || {
        let l = lang.get();
        state.site_settings.with(|s| {
            s.as_ref().map(|s| {
                let r = region.get();
                let lines: Vec<String> = s
                    .for_region(&r)
                    .iter()
                    .map(|f| f.text("").get(l).to_string())
                    .collect();
                view! {
                    <div class="site-settings" data-testid="site-settings">
                        <p>{Msg::SiteSets(s.deployment.clone()).get(l)}</p>
                        <ul>{lines.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                        <p>{Msg::EnteredWins.get(l)}</p>
                    </div>
                }
            })
        })
    };
    view! {
        <section class="counter" aria-labelledby="counter-title" data-testid="counter">
            <h2 id="counter-title" tabindex="-1">{state.t(Msg::CounterSettings)}</h2>
            <p>{state.t(Msg::CounterIntro)}</p>
            {site}
            <div class="field">
                <label for="counter-deployment">{state.t(Msg::DeployedBy)}</label>
                <input id="counter-deployment" type="text" autocomplete="off" prop:value=move || deployment.get() on:input=move |ev| deployment.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for="counter-address">{state.t(Msg::ShareAddress)}</label>
                <input id="counter-address" type="url" autocomplete="off" placeholder="https://"
                    prop:value=move || address.get() on:input=move |ev| address.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for="counter-region">{state.t(Msg::Region)}</label>
                <select id="counter-region" prop:value=move || region.get() on:change=move |ev| region.set(event_target_value(&ev))>
                    {region_options(lang)}
                </select>
            </div>
            <table class="counter-figures">
                <thead>
                    <tr>
                        <th scope="col">{state.t(Msg::Figure)}</th>
                        <th scope="col">{state.t(Msg::Value)}</th>
                        <th scope="col">{state.t(Msg::Year)}</th>
                        <th scope="col">{state.t(Msg::SourceOfFigure)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.iter().map(|row| {
                        let row = *row;
                        let info = row.fact.info();
                        let id = format!("counter-{}", info.name);
                        let value = match info.kind {
                            Kind::Bool => view! {
                                <select id=id.clone() prop:value=move || row.value.get() on:change=move |ev| row.value.set(event_target_value(&ev))>
                                    <option value="">{state.t(Msg::NotSet)}</option>
                                    <option value="true">{state.t(Msg::Yes)}</option>
                                    <option value="false">{state.t(Msg::No)}</option>
                                </select>
                            }.into_any(),
                            _ => view! {
                                <input id=id.clone() type="text" inputmode="decimal" autocomplete="off" prop:value=move || row.value.get() on:input=move |ev| row.value.set(event_target_value(&ev)) />
                            }.into_any(),
                        };
                        view! {
                            <tr>
                                <th scope="row"><label for=id.clone()>{move || if lang.get() == Lang::Zh { info.zh } else { info.en }}</label></th>
                                <td>{value}</td>
                                <td><input id=format!("{id}-year") type="text" inputmode="numeric" autocomplete="off" aria-label=state.t(Msg::FigureYear(info.zh, info.en)) prop:value=move || row.year.get() on:input=move |ev| row.year.set(event_target_value(&ev)) /></td>
                                <td><input id=format!("{id}-source") type="text" autocomplete="off" aria-label=state.t(Msg::FigureSource(info.zh, info.en)) prop:value=move || row.source.get() on:input=move |ev| row.source.set(event_target_value(&ev)) /></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <div class="counter-actions">
                <button type="button" class="save" on:click=save>{state.t(Msg::Save)}</button>
                <button type="button" class="clear-settings" on:click=clear>{state.t(Msg::ClearCounter)}</button>
                <button type="button" class="back" on:click=move |_| state.counter_open.set(false)>{state.t(Msg::BackToEstimate)}</button>
            </div>
            <p role="status" class="counter-message" data-testid="counter-message" class:error=move || message.with(|m| m.as_ref().is_some_and(|m| m.error))>
                {move || message.get().map(|m| m.text(lang.get()))}
            </p>
            <div class="field">
                <label for="counter-import">{state.t(Msg::ImportFile)}</label>
                <textarea id="counter-import" rows="6" prop:value=move || import.get() on:input=move |ev| import.set(event_target_value(&ev))></textarea>
            </div>
            <button type="button" class="import" on:click=do_import>{state.t(Msg::Import)}</button>
        </section>
    }
}
