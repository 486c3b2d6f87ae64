//! The version of the rule set this build embeds: a content hash of every rule as
//! embedded, the fact table and the applicability table (written by `build.rs`), shown
//! with the documents' names and periods, and the first field of every result code.

include!(concat!(env!("OUT_DIR"), "/ruleset.rs"));

use crate::domain::Catalog;
use crate::domain::verify::rule_set_label;

/// "R-K7QM": the short label of [`RULE_SET_HASH`].
pub fn label() -> String {
    rule_set_label(RULE_SET_HASH)
}

/// The label with each region's document and period, one per line:
/// "海东市基本公共服务实施标准（2022 年版） 2022-01-01–2025-12-31".
pub fn documents(catalog: &Catalog) -> Vec<String> {
    catalog
        .regions
        .iter()
        .map(|r| {
            let d = &r.document;
            format!("{} {}–{}", d.title, d.valid_from, d.valid_to)
        })
        .collect()
}
