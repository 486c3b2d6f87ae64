//! The estimate screen: the household on one side, the results on the other.

mod fact_field;
mod household_form;
mod member_card;
mod more_questions;
mod region_picker;
mod result_item;
mod results;

pub use fact_field::FactField;
pub use household_form::HouseholdForm;
pub use member_card::MemberCard;
pub use more_questions::MoreQuestions;
pub use region_picker::RegionPicker;
pub use results::Results;

use leptos::prelude::*;

#[component]
pub fn EstimateScreen() -> impl IntoView {
    view! {
        <div class="screen">
            <section class="ask">
                <RegionPicker />
                <HouseholdForm />
            </section>
            <section class="answer">
                <Results />
            </section>
        </div>
    }
}
