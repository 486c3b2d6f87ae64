//! The page's tools around the estimate: print, large text, share link and its QR code,
//! the result code and its check, clear all, and the notice bar that reports what they did.

mod notice_bar;
mod print_summary;
mod qr_code;
mod result_code;
mod share_panel;
mod toolbar;
mod verify_panel;

pub use notice_bar::NoticeBar;
pub use print_summary::PrintSummary;
pub use qr_code::QrCode;
pub use result_code::{ResultCodeLine, RuleSetLine};
pub use share_panel::SharePanel;
pub use toolbar::Toolbar;
pub use verify_panel::VerifyPanel;
