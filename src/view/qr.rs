//! A QR code of a share link, as the path of one SVG element: the page draws it with no
//! image, no script and no request (the strict CSP holds), and it prints.

use qrcodegen::{QrCode, QrCodeEcc};

/// A QR code: its width in modules (the quiet zone of 4 modules each side included) and
/// an SVG path of one unit square per dark module, rows merged into runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qr {
    pub size: u32,
    pub path: String,
}

/// Modules of quiet zone on each side: what readers need around the code.
const QUIET: i32 = 4;

/// The QR code of `text` (error correction M: a crease or a smudge on paper is read
/// through), or `None` if it is too long for any QR version.
pub fn qr(text: &str) -> Option<Qr> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let n = code.size();
    let mut path = String::new();
    for y in 0..n {
        let mut x = 0;
        while x < n {
            if !code.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < n && code.get_module(x, y) {
                x += 1;
            }
            path.push_str(&format!(
                "M{} {}h{}v1h-{}z",
                start + QUIET,
                y + QUIET,
                x - start,
                x - start
            ));
        }
    }
    Some(Qr {
        size: (n + 2 * QUIET) as u32,
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_link_fits_and_its_modules_are_drawn() {
        let link = "https://gov.example.cn/estimator/#v2=haidong.AAEBAQ~7~a85~r0";
        let q = qr(link).unwrap();
        // Version 4 (33 modules) or so for a short link, plus the quiet zone.
        assert!((29..=61).contains(&q.size), "{}", q.size);
        // The three finder patterns: a run of 7 dark modules starting at the quiet zone.
        assert!(q.path.starts_with("M4 4h7v1h-7z"), "{}", &q.path[..40]);
        // Every run stays inside the code.
        for run in q.path.split('z').filter(|s| !s.is_empty()) {
            let nums: Vec<i32> = run
                .trim_start_matches('M')
                .split(|c: char| !c.is_ascii_digit())
                .filter(|s| !s.is_empty())
                .map(|s| s.parse().unwrap())
                .collect();
            let (x, y, w) = (nums[0], nums[1], nums[2]);
            assert!(
                x >= QUIET && y >= QUIET && x + w <= q.size as i32 - QUIET,
                "{run}"
            );
        }
        // Far too long for a QR code: refused, not a panic.
        assert!(qr(&"x".repeat(5000)).is_none());
    }
}
