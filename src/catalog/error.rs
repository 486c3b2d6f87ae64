//! Errors of the catalog layer: a rule file that must not reach the app.

use std::fmt;

/// Where in the rule files a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// Path under `rules/`, e.g. `hebei/education.toml`.
    pub file: String,
    /// Rule or parameter id, when the problem is inside one.
    pub rule: Option<String>,
    /// Field path, e.g. `amount.tiers[1].when`.
    pub field: String,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(r) = &self.rule {
            write!(f, " rule `{r}`")?;
        }
        if !self.field.is_empty() {
            write!(f, " field `{}`", self.field)?;
        }
        Ok(())
    }
}

/// Why the catalog was refused. Each variant carries the [`Location`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogError {
    /// The file does not fit the format (unknown or missing field, wrong type).
    Format { at: Location, detail: String },
    /// A condition expression does not parse or names an unknown fact/choice/param.
    Condition { at: Location, detail: String },
    /// A number that is not a valid non-negative decimal string.
    Decimal { at: Location, got: String },
    /// A date that is not `YYYY-MM-DD`.
    Date { at: Location, got: String },
    /// The same rule, area, parameter or region id twice.
    Duplicate { at: Location, id: String },
    /// A reference to an area, parameter, region, rule or fact that does not exist.
    Unknown {
        at: Location,
        what: &'static str,
        name: String,
    },
    /// No citation, an empty quote list, or an impossible line range.
    Citation { at: Location, detail: String },
    /// An amount with no shape, two shapes, or an invalid period/per.
    Amount { at: Location, detail: String },
    /// Two tiers of one amount can hold for the same household.
    OverlappingTiers {
        at: Location,
        first: String,
        second: String,
    },
    /// A region folder without `region.toml`, or similar layout mistakes.
    Layout { at: Location, detail: String },
}

impl CatalogError {
    pub fn location(&self) -> &Location {
        match self {
            CatalogError::Format { at, .. }
            | CatalogError::Condition { at, .. }
            | CatalogError::Decimal { at, .. }
            | CatalogError::Date { at, .. }
            | CatalogError::Duplicate { at, .. }
            | CatalogError::Unknown { at, .. }
            | CatalogError::Citation { at, .. }
            | CatalogError::Amount { at, .. }
            | CatalogError::OverlappingTiers { at, .. }
            | CatalogError::Layout { at, .. } => at,
        }
    }
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CatalogError::Format { at, detail } => write!(f, "{at}: {detail}"),
            CatalogError::Condition { at, detail } => write!(f, "{at}: bad condition: {detail}"),
            CatalogError::Decimal { at, got } => {
                write!(f, "{at}: `{got}` is not a non-negative decimal")
            }
            CatalogError::Date { at, got } => write!(f, "{at}: `{got}` is not a date (YYYY-MM-DD)"),
            CatalogError::Duplicate { at, id } => write!(f, "{at}: duplicate id `{id}`"),
            CatalogError::Unknown { at, what, name } => write!(f, "{at}: unknown {what} `{name}`"),
            CatalogError::Citation { at, detail } => write!(f, "{at}: citation: {detail}"),
            CatalogError::Amount { at, detail } => write!(f, "{at}: amount: {detail}"),
            CatalogError::OverlappingTiers { at, first, second } => {
                write!(f, "{at}: tiers `{first}` and `{second}` overlap")
            }
            CatalogError::Layout { at, detail } => write!(f, "{at}: {detail}"),
        }
    }
}

impl std::error::Error for CatalogError {}
