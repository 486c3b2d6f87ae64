//! The estimate screen: the household on one side; the results, what may apply, what
//! nearly applies and a comparison with another region on the other.

mod compare_view;
mod fact_field;
mod household_form;
mod income_chart;
mod member_card;
mod more_questions;
mod near_miss_list;
mod over_time;
mod pending_list;
pub(crate) mod region_picker;
mod result_item;
mod results;
mod rows;
mod total_bar;

pub use compare_view::CompareView;
pub use fact_field::FactField;
pub use household_form::HouseholdForm;
pub use income_chart::IncomeChart;
pub use member_card::MemberCard;
pub use more_questions::MoreQuestions;
pub use near_miss_list::NearMissList;
pub use over_time::OverTime;
pub use pending_list::PendingList;
pub use region_picker::RegionPicker;
pub use results::Results;
pub use total_bar::TotalBar;

use crate::ui::state::AppState;
use crate::ui::tools::PrintSummary;
use crate::view::Msg;
use leptos::prelude::*;

/// The form and the results side by side.
#[component]
pub fn EstimateScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="screen">
            <section class="ask" aria-label=state.t(Msg::YourHousehold)>
                <TotalBar place="sticky" />
                <RegionPicker />
                <HouseholdForm />
            </section>
            <section class="answer" aria-label=state.t(Msg::EstimateRegion)>
                <PrintSummary />
                <Results />
                <CompareView />
            </section>
        </div>
    }
}

/// A `<details>` toggle handler that keeps `open` in step with the element, so what it
/// holds is computed only while it is open.
pub(crate) fn track_open(open: RwSignal<bool>) -> impl FnMut(leptos::ev::Event) + 'static {
    move |ev| {
        use wasm_bindgen::JsCast;
        if let Some(d) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        {
            open.set(d.open());
        }
    }
}
