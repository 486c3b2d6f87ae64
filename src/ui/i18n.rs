//! Bilingual text helpers: Chinese first, English second.

use crate::domain::Lang;
use crate::domain::rule::Text;

/// Picks the string for the current language.
pub fn tr(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// Picks a catalog text for the current language.
pub fn txt(lang: Lang, t: &Text) -> String {
    t.get(lang).to_string()
}
