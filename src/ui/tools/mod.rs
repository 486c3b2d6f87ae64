//! The page's tools around the estimate: print, large text, share link, clear all,
//! and the notice bar that reports what they did.

mod notice_bar;
mod print_summary;
mod share_panel;
mod toolbar;

pub use notice_bar::NoticeBar;
pub use print_summary::PrintSummary;
pub use share_panel::SharePanel;
pub use toolbar::Toolbar;
