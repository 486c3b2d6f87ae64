//! The share link as a QR code, drawn in the page as one SVG path (no image, no request),
//! on screen after the share warning was agreed to and on the printed summary. A page
//! opened from a file has no address a phone could open: then the code is not offered,
//! and the page says why and what the site can do.

use crate::ui::persist::{link_at, share_base};
use crate::ui::state::AppState;
use crate::view::Msg;
use crate::view::qr::qr;
use leptos::prelude::*;

/// The QR code of the current share link, or why there is none.
#[component]
pub fn QrCode() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    // Recomputed as the household changes, like the link itself.
    let code = Memo::new(move |_| match share_base(state) {
        None => Err(Msg::QrNeedsAddress),
        Some(base) => qr(&link_at(state, &base)).ok_or(Msg::QrTooLong),
    });
    move || match code.get() {
        Ok(q) => {
            let label = Msg::QrLabel.get(lang.get()).into_owned();
            view! {
                <figure class="qr" data-testid="qr">
                    <svg
                        viewBox=format!("0 0 {0} {0}", q.size)
                        role="img"
                        aria-label=label.clone()
                        shape-rendering="crispEdges"
                    >
                        <rect width=q.size.to_string() height=q.size.to_string() fill="#fff" />
                        <path d=q.path fill="#000" />
                    </svg>
                    <figcaption>{label}</figcaption>
                </figure>
            }
            .into_any()
        }
        Err(m) => {
            view! { <p class="qr-none" data-testid="qr-none">{m.get(lang.get()).into_owned()}</p> }
                .into_any()
        }
    }
}
