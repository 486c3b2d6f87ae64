//! Local figures a resident cannot know but every county office does — the local 低保
//! standard, the provincial minimum wage, whether the county is a nutrition-programme
//! pilot area — and where their values come from.
//!
//! A fact is answered, in this order, by (1) the resident's own answer, (2) the
//! deployment's setting (the site or counter that runs the estimator sets it once for
//! everyone it serves), (3) a figure the region's document itself states (dated, e.g.
//! "城市最低生活保障标准 672元/月" of 2021), or else it stays unknown. [`provide`] is that
//! rule, the only place it is applied; every path (the page, the embed, the single file,
//! the JS API, the CLI) goes through `evaluate_in`, which calls it.
//!
//! Settings change no rule: they only answer facts the rules already read, and only the
//! facts in [`DEPLOYMENT_WIDE`] — the same for everyone a deployment serves.

use super::facts::{FactId, Kind, Scope, Value, fact_by_name};
use super::household::{Facts, parse_value};
use super::money::fmt_yuan;
use super::rule::{Citation, Text};
use serde_json::{Map, Value as Json, json};
use std::fmt;

/// The facts a deployment (or a document) may answer for everyone: figures no resident
/// knows but the office does (`deployment_wide` in rules/facts.toml). Anything else in a
/// settings file is refused.
pub use super::facts::{DEPLOYMENT_WIDE, DEPLOYMENT_WIDE_IDS};

/// Whether a deployment may set `fact` for everyone.
pub fn is_deployment_wide(fact: FactId) -> bool {
    DEPLOYMENT_WIDE_IDS.contains(&fact)
}

/// The schema name a settings file may state.
pub const SETTINGS_SCHEMA: &str = "benefit-settings/1";

/// Earliest and latest year a figure may be for.
const YEARS: std::ops::RangeInclusive<i64> = 1990..=2100;

/// Longest deployment name and source, in characters.
const MAX_TEXT: usize = 200;

/// Where a figure comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// Set by the deployment, with the source it names ("海东市民政局 2025 年第 3 号通知").
    Deployment { source: String },
    /// Stated by the region's document, at the cited place.
    Document { citation: Citation },
}

/// One figure: a value of a deployment-wide fact, the year it applies to, its origin.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub fact: FactId,
    pub value: Value,
    pub year: u16,
    pub origin: Origin,
}

impl Figure {
    /// The sentence an amount that uses the figure carries:
    /// "按本站设定：当地城市低保标准（每人每月）750 元（2025 年，海东市民政局）" or
    /// "文件所载 2021 年标准：…（第 63 项；如已调整，请填写当年标准）".
    pub fn text(&self, document: &str) -> Text {
        let info = self.fact.info();
        let (vz, ve) = figure_value_text(self.fact, self.value);
        match &self.origin {
            Origin::Deployment { source } => Text::new(
                format!("按本站设定：{} {vz}（{} 年，{source}）", info.zh, self.year),
                format!(
                    "Set by this site: {} {ve} ({}, {source})",
                    info.en, self.year
                ),
            ),
            Origin::Document { citation } => Text::new(
                format!(
                    "文件所载 {} 年标准：{} {vz}（{document}第 {} 项；如已调整，请填写当年标准）",
                    self.year, info.zh, citation.item
                ),
                format!(
                    "The document's {} figure: {} {ve} ({document}, item {}; if it has changed, enter this year's)",
                    self.year, info.en, citation.item
                ),
            ),
        }
    }

    /// As JSON: `{fact, value, year, origin, source, citation}` (`source` for a
    /// deployment's figure, `citation` for a document's; the other is null).
    pub fn to_json(&self) -> Json {
        let mut o = json!({
            "fact": self.fact.info().name,
            "value": value_json(self.fact, self.value),
            "year": self.year,
        });
        let m = o.as_object_mut().expect("an object");
        let (origin, source, citation) = match &self.origin {
            Origin::Deployment { source } => ("deployment", Json::from(source.clone()), Json::Null),
            Origin::Document { citation } => (
                "document",
                Json::Null,
                serde_json::to_value(citation).unwrap_or(Json::Null),
            ),
        };
        m.insert("origin".into(), origin.into());
        m.insert("source".into(), source);
        m.insert("citation".into(), citation);
        o
    }
}

/// "750 元", "是", "200 天".
fn figure_value_text(fact: FactId, v: Value) -> (String, String) {
    match (&fact.info().kind, v) {
        (Kind::Money { .. }, Value::Money(m)) => {
            (format!("{} 元", fmt_yuan(m)), format!("¥{}", fmt_yuan(m)))
        }
        _ => super::condition::value_text(fact, v),
    }
}

/// A value as the settings file writes it (money as a decimal string).
fn value_json(fact: FactId, v: Value) -> Json {
    match (v, &fact.info().kind) {
        (Value::Bool(b), _) => Json::Bool(b),
        (Value::Int(i), _) => Json::from(i),
        (Value::Money(d), _) => Json::String(d.normalize().to_string()),
        (Value::Choice(c), Kind::Choice { choices }) => choices
            .get(c as usize)
            .map_or(Json::Null, |c| Json::String(c.code.into())),
        _ => Json::Null,
    }
}

/// What a deployment sets: its name and, per region, its figures.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Settings {
    /// Who deploys the estimator ("海东市平安区政务服务中心").
    pub deployment: String,
    /// Region id and its figures, in file order.
    pub regions: Vec<(String, Vec<Figure>)>,
    /// The public address of this estimator (`https://…/`), for share links and their QR
    /// code where the page itself has none a phone could open (the single file on a
    /// counter PC, opened from disk).
    pub share_base_url: Option<String>,
}

/// Why a settings file was refused: where (a JSON path inside the file, `""` for the
/// file as a whole) and what, in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsError {
    pub path: String,
    pub zh: String,
    pub en: String,
}

impl SettingsError {
    fn new(path: &str, zh: impl Into<String>, en: impl Into<String>) -> SettingsError {
        SettingsError {
            path: path.to_string(),
            zh: zh.into(),
            en: en.into(),
        }
    }
    /// The message in Chinese, with the path.
    pub fn zh(&self) -> String {
        if self.path.is_empty() {
            self.zh.clone()
        } else {
            format!("{}：{}", self.path, self.zh)
        }
    }
}

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.en)
        } else {
            write!(f, "{}: {}", self.path, self.en)
        }
    }
}

impl std::error::Error for SettingsError {}

/// A key of at most 40 characters, for messages.
fn short(s: &str) -> String {
    s.chars().take(40).collect()
}

impl Settings {
    /// Whether the settings set nothing at all.
    pub fn is_empty(&self) -> bool {
        self.share_base_url.is_none() && self.regions.iter().all(|(_, f)| f.is_empty())
    }

    /// The figures set for `region` (none if the file does not name it).
    pub fn for_region(&self, region: &str) -> &[Figure] {
        self.regions
            .iter()
            .find(|(r, _)| r == region)
            .map_or(&[], |(_, f)| f.as_slice())
    }

    /// Parses JSON text (see [`Settings::from_json`]).
    pub fn from_json_str(
        text: &str,
        known_region: impl Fn(&str) -> bool,
    ) -> Result<Settings, SettingsError> {
        let v: Json = serde_json::from_str(text).map_err(|e| {
            SettingsError::new(
                "",
                format!("不是有效的 JSON：{e}"),
                format!("not valid JSON: {e}"),
            )
        })?;
        Settings::from_json(&v, known_region)
    }

    /// Parses the documented shape:
    /// `{"schema"?: "benefit-settings/1", "deployment": "…", "regions": {"<region>":
    /// {"<fact>": {"value": …, "year": 2025, "source": "…"}}}}`. Every key is checked:
    /// an unknown region, an unknown fact, a fact that is not deployment-wide, a value
    /// of the wrong type or out of range, a missing year or source — each is refused
    /// with the path of the key, and nothing of the file is used.
    pub fn from_json(
        v: &Json,
        known_region: impl Fn(&str) -> bool,
    ) -> Result<Settings, SettingsError> {
        let top = object(v, "")?;
        for k in top.keys() {
            if !["schema", "deployment", "regions", "share_base_url"].contains(&k.as_str()) {
                return Err(SettingsError::new(
                    &short(k),
                    "未知的字段（设置文件只有 schema、deployment、regions、share_base_url）",
                    "unknown key (a settings file has schema, deployment, regions, share_base_url)",
                ));
            }
        }
        match top.get("schema") {
            None => {}
            Some(Json::String(s)) if s == SETTINGS_SCHEMA => {}
            Some(other) => {
                return Err(SettingsError::new(
                    "schema",
                    format!(
                        "应为 “{SETTINGS_SCHEMA}”，收到 {}",
                        short(&other.to_string())
                    ),
                    format!(
                        "expected \"{SETTINGS_SCHEMA}\", got {}",
                        short(&other.to_string())
                    ),
                ));
            }
        }
        // The name may be left out only by a file that sets nothing (the empty
        // settings.json a build ships).
        let deployment = match top.get("deployment") {
            None => None,
            Some(v) => Some(text(
                Some(v),
                "deployment",
                "部署单位名称",
                "the deployment's name",
            )?),
        };
        let share_base_url = match top.get("share_base_url") {
            None | Some(Json::Null) => None,
            Some(v) => Some(share_base_url(v)?),
        };
        let regions = match top.get("regions") {
            Some(r) => object(r, "regions")?,
            None => {
                return Err(SettingsError::new(
                    "regions",
                    "缺少 regions（按地区列出的设定）",
                    "missing: the figures, by region",
                ));
            }
        };
        let mut out = Vec::new();
        for (region, facts) in regions {
            let rpath = format!("regions.{}", short(region));
            if !known_region(region) {
                return Err(SettingsError::new(
                    &rpath,
                    "未知地区（可用 estimate --regions 查看）",
                    "unknown region (estimate --regions lists them)",
                ));
            }
            let mut figures = Vec::new();
            for (name, entry) in object(facts, &rpath)? {
                let path = format!("{rpath}.{}", short(name));
                let Some(fact) = fact_by_name(name) else {
                    return Err(SettingsError::new(&path, "未知的项目", "no such fact"));
                };
                if !is_deployment_wide(fact) {
                    return Err(SettingsError::new(
                        &path,
                        format!(
                            "“{}”因人而异，不能由本站统一设定（可设定：{}）",
                            fact.info().zh,
                            DEPLOYMENT_WIDE.join("、")
                        ),
                        format!(
                            "“{}” differs from one resident to the next and cannot be set for everyone (settable: {})",
                            fact.info().en,
                            DEPLOYMENT_WIDE.join(", ")
                        ),
                    ));
                }
                figures.push(figure(fact, entry, &path)?);
            }
            out.push((region.clone(), figures));
        }
        let deployment = match deployment {
            Some(d) => d,
            None if out.iter().all(|(_, f)| f.is_empty()) => String::new(),
            None => {
                return Err(SettingsError::new(
                    "deployment",
                    "缺少部署单位名称（如“海东市平安区政务服务中心”）",
                    "missing: the deployment's name (e.g. “海东市平安区政务服务中心”)",
                ));
            }
        };
        Ok(Settings {
            deployment,
            regions: out,
            share_base_url,
        })
    }

    /// The documented JSON shape, which [`Settings::from_json`] reads back.
    pub fn to_json(&self) -> Json {
        let mut regions = Map::new();
        for (r, figures) in &self.regions {
            let mut facts = Map::new();
            for f in figures {
                let source = match &f.origin {
                    Origin::Deployment { source } => source.clone(),
                    Origin::Document { citation } => citation.file.clone(),
                };
                facts.insert(
                    f.fact.info().name.into(),
                    json!({"value": value_json(f.fact, f.value), "year": f.year, "source": source}),
                );
            }
            regions.insert(r.clone(), Json::Object(facts));
        }
        let mut v =
            json!({"schema": SETTINGS_SCHEMA, "deployment": self.deployment, "regions": regions});
        if let (Some(u), Some(o)) = (&self.share_base_url, v.as_object_mut()) {
            o.insert("share_base_url".into(), Json::String(u.clone()));
        }
        v
    }

    /// These settings laid over `base`: per region and fact, a figure of `self` wins;
    /// `base`'s others stay. The name is `self`'s unless empty.
    pub fn over(&self, base: &Settings) -> Settings {
        let mut out = base.clone();
        if !self.deployment.is_empty() {
            out.deployment = self.deployment.clone();
        }
        if self.share_base_url.is_some() {
            out.share_base_url = self.share_base_url.clone();
        }
        for (r, figures) in &self.regions {
            let i = match out.regions.iter().position(|(x, _)| x == r) {
                Some(i) => i,
                None => {
                    out.regions.push((r.clone(), Vec::new()));
                    out.regions.len() - 1
                }
            };
            let list = &mut out.regions[i].1;
            for f in figures {
                match list.iter_mut().find(|x| x.fact == f.fact) {
                    Some(x) => *x = f.clone(),
                    None => list.push(f.clone()),
                }
            }
        }
        out
    }

    /// Sets (or, with `None`, removes) one figure of `region`.
    pub fn set(&mut self, region: &str, fact: FactId, figure: Option<Figure>) {
        let i = match self.regions.iter().position(|(x, _)| x == region) {
            Some(i) => i,
            None => {
                self.regions.push((region.to_string(), Vec::new()));
                self.regions.len() - 1
            }
        };
        let list = &mut self.regions[i].1;
        list.retain(|x| x.fact != fact);
        if let Some(f) = figure {
            list.push(f);
        }
        self.regions.retain(|(_, l)| !l.is_empty());
    }
}

/// The estimator's public address: `http://` or `https://`, a host, no fragment, at most
/// 200 characters (it goes into every QR code), ending in `/` or a file name.
fn share_base_url(v: &Json) -> Result<String, SettingsError> {
    let bad = |zh: &str, en: &str| Err(SettingsError::new("share_base_url", zh, en));
    let Json::String(u) = v else {
        return bad("应为网址文字", "expected the address as text");
    };
    let rest = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"));
    let Some(rest) = rest else {
        return bad(
            "应以 https:// 或 http:// 开头（本估算器的公开网址）",
            "must start with https:// or http:// (the estimator's public address)",
        );
    };
    let host = rest.split(['/', '?']).next().unwrap_or("");
    if host.is_empty() || u.contains('#') || u.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return bad(
            "网址无效：需要主机名，且不能含 #、空格",
            "not a valid address: it needs a host and no #, space or control character",
        );
    }
    if u.chars().count() > 200 {
        return bad(
            "网址过长（最多 200 字符）",
            "too long (200 characters at most)",
        );
    }
    Ok(u.clone())
}

/// Parses one figure entry `{"value", "year", "source"}` of a deployment-wide fact.
pub fn figure(fact: FactId, entry: &Json, path: &str) -> Result<Figure, SettingsError> {
    let o = object(entry, path)?;
    for k in o.keys() {
        if !["value", "year", "source"].contains(&k.as_str()) {
            return Err(SettingsError::new(
                &format!("{path}.{}", short(k)),
                "未知的字段（每项只有 value、year、source）",
                "unknown key (each figure has value, year, source)",
            ));
        }
    }
    let vpath = format!("{path}.value");
    let value = match o.get("value") {
        None | Some(Json::Null) => {
            return Err(SettingsError::new(&vpath, "缺少数值", "missing"));
        }
        Some(raw) => parse_value(fact, raw, &vpath).map_err(|e| SettingsError {
            path: vpath.clone(),
            zh: strip_path(&e.zh(), &vpath),
            en: strip_path(&e.to_string(), &vpath),
        })?,
    };
    let ypath = format!("{path}.year");
    let year = match o.get("year").and_then(Json::as_i64) {
        Some(y) if YEARS.contains(&y) => y as u16,
        _ => {
            return Err(SettingsError::new(
                &ypath,
                format!(
                    "应为该数值适用的年份（{}–{} 的整数）",
                    YEARS.start(),
                    YEARS.end()
                ),
                format!(
                    "expected the year the value applies to (a whole number {}–{})",
                    YEARS.start(),
                    YEARS.end()
                ),
            ));
        }
    };
    let source = text(
        o.get("source"),
        &format!("{path}.source"),
        "来源（哪份通知或公告）",
        "where it comes from (which notice)",
    )?;
    Ok(Figure {
        fact,
        value,
        year,
        origin: Origin::Deployment { source },
    })
}

/// A message of the household parser without its path (the settings error has its own).
fn strip_path(msg: &str, path: &str) -> String {
    msg.strip_prefix(path)
        .map(|m| m.trim_start_matches([':', '：', ' ']).to_string())
        .unwrap_or_else(|| msg.to_string())
}

fn object<'a>(v: &'a Json, path: &str) -> Result<&'a Map<String, Json>, SettingsError> {
    v.as_object()
        .ok_or_else(|| SettingsError::new(path, "应为对象 {…}", "expected an object {…}"))
}

/// A required, non-empty text of at most [`MAX_TEXT`] characters.
fn text(
    v: Option<&Json>,
    path: &str,
    what_zh: &str,
    what_en: &str,
) -> Result<String, SettingsError> {
    match v {
        Some(Json::String(s)) if !s.trim().is_empty() && s.chars().count() <= MAX_TEXT => {
            Ok(s.trim().to_string())
        }
        _ => Err(SettingsError::new(
            path,
            format!("应为{what_zh}，不超过 {MAX_TEXT} 字"),
            format!("expected {what_en}, text of at most {MAX_TEXT} characters"),
        )),
    }
}

/// The precedence rule, applied once: each deployment-wide fact that the resident left
/// unanswered takes the deployment's figure, else the document's (`document`, nearest
/// region first), else stays unknown. `members` are the members' facts after what is
/// assumed of them (a member a fact cannot apply to keeps "does not apply"). Returns
/// the figures that answered at least one fact, in [`DEPLOYMENT_WIDE`] order, and every
/// answer they gave: the fact and the member (`None`: the household).
pub fn provide<'a>(
    household: &mut Facts,
    members: &mut [Facts],
    deployment: &[Figure],
    document: impl Iterator<Item = &'a Figure> + Clone,
) -> (Vec<Figure>, Vec<(FactId, Option<usize>)>) {
    let mut used = Vec::new();
    let mut slots = Vec::new();
    if deployment.is_empty() && document.clone().next().is_none() {
        return (used, slots);
    }
    for &fact in DEPLOYMENT_WIDE_IDS {
        let Some(fig) = deployment
            .iter()
            .find(|f| f.fact == fact)
            .or_else(|| document.clone().find(|f| f.fact == fact))
        else {
            continue;
        };
        let before = slots.len();
        match fact.info().scope {
            Scope::Household => {
                if household.get(fact).is_none() {
                    household.set(fact, Some(fig.value));
                    slots.push((fact, None));
                }
            }
            Scope::Member => {
                for (i, m) in members.iter_mut().enumerate() {
                    if m.get(fact).is_none() {
                        m.set(fact, Some(fig.value));
                        slots.push((fact, Some(i)));
                    }
                }
            }
        }
        if slots.len() > before {
            used.push(fig.clone());
        }
    }
    (used, slots)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn known(r: &str) -> bool {
        ["haidong", "hebei"].contains(&r)
    }

    fn fact(n: &str) -> FactId {
        fact_by_name(n).unwrap()
    }

    #[test]
    fn a_share_address_is_checked_and_kept() {
        let with = |u: Json| json!({"deployment": "柜台", "regions": {}, "share_base_url": u});
        let s =
            Settings::from_json(&with(json!("https://gov.example.cn/estimator/")), known).unwrap();
        assert_eq!(
            s.share_base_url.as_deref(),
            Some("https://gov.example.cn/estimator/")
        );
        assert_eq!(Settings::from_json(&s.to_json(), known).unwrap(), s);
        for bad in [
            json!("ftp://x/"),
            json!("https:///a"),
            json!("https://a/#h"),
            json!(3),
            json!("https://a b/"),
        ] {
            let e = Settings::from_json(&with(bad.clone()), known).unwrap_err();
            assert_eq!(e.path, "share_base_url", "{bad}");
        }
        // A counter's own address wins over the site's; none leaves the site's.
        let site = Settings::from_json(&with(json!("https://site/")), known).unwrap();
        let counter = Settings::from_json(&with(json!("https://counter/")), known).unwrap();
        assert_eq!(
            counter.over(&site).share_base_url.as_deref(),
            Some("https://counter/")
        );
        let none = Settings::from_json(&json!({"regions": {}}), known).unwrap();
        assert_eq!(
            none.over(&site).share_base_url.as_deref(),
            Some("https://site/")
        );
    }

    #[test]
    fn every_deployment_wide_name_is_a_fact_and_local_figures_are_among_them() {
        for n in DEPLOYMENT_WIDE {
            assert!(fact_by_name(n).is_some(), "{n}");
        }
        for n in super::super::plausible::LOCAL_FIGURES {
            assert!(DEPLOYMENT_WIDE.contains(n), "{n}");
        }
    }

    #[test]
    fn a_settings_file_parses_and_round_trips() {
        let v = json!({"schema": "benefit-settings/1", "deployment": "海东市平安区政务服务中心",
            "regions": {"haidong": {
                "urban_dibao_standard_month": {"value": "750", "year": 2025, "source": "海东市民政局 2025 年第 3 号通知"},
                "nutrition_pilot_area": {"value": true, "year": 2025, "source": "省教育厅名单"},
                "school_days": {"value": 200, "year": 2025, "source": "校历"}}}});
        let s = Settings::from_json(&v, known).unwrap();
        assert_eq!(s.deployment, "海东市平安区政务服务中心");
        assert_eq!(s.for_region("haidong").len(), 3);
        assert!(s.for_region("hebei").is_empty());
        assert_eq!(s.to_json(), v);
        assert_eq!(Settings::from_json(&s.to_json(), known).unwrap(), s);
    }

    #[test]
    fn every_bad_settings_file_names_its_key() {
        let ok = json!({"value": "750", "year": 2025, "source": "通知"});
        let cases = [
            (json!([]), ""),
            (
                json!({"deployment": "x", "regions": {}, "extra": 1}),
                "extra",
            ),
            (
                json!({"schema": "v9", "deployment": "x", "regions": {}}),
                "schema",
            ),
            (
                json!({"regions": {"haidong": {"school_days": {"value": 200, "year": 2025, "source": "s"}}}}),
                "deployment",
            ),
            (json!({"deployment": "", "regions": {}}), "deployment"),
            (json!({"deployment": "x"}), "regions"),
            (
                json!({"deployment": "x", "regions": {"atlantis": {}}}),
                "regions.atlantis",
            ),
            (
                json!({"deployment": "x", "regions": {"haidong": {"shoe_size": ok}}}),
                "regions.haidong.shoe_size",
            ),
            (
                json!({"deployment": "x", "regions": {"haidong": {"income_per_capita_month": ok}}}),
                "regions.haidong.income_per_capita_month",
            ),
            (
                json!({"deployment": "x", "regions": {"haidong": {"age": ok}}}),
                "regions.haidong.age",
            ),
            (
                json!({"deployment": "x", "regions": {"haidong": {"urban_dibao_standard_month": {"value": true, "year": 2025, "source": "s"}}}}),
                "regions.haidong.urban_dibao_standard_month.value",
            ),
            (
                json!({"deployment": "x", "regions": {"haidong": {"urban_dibao_standard_month": {"value": "-5", "year": 2025, "source": "s"}}}}),
                "regions.haidong.urban_dibao_standard_month.value",
            ),
            (
                json!({"deployment": "x", "regions": {"haidong": {"urban_dibao_standard_month": {"value": 750.5, "year": 2025, "source": "s"}}}}),
                "regions.haidong.urban_dibao_standard_month.value",
            ),
            (
                json!({"deployment": "x", "regions": {"haidong": {"nutrition_pilot_area": {"value": "yes", "year": 2025, "source": "s"}}}}),
                "regions.haidong.nutrition_pilot_area.value",
            ),
            (
                json!({"deployment": "x", "regions": {"haidong": {"urban_dibao_standard_month": {"value": "750", "source": "s"}}}}),
                "regions.haidong.urban_dibao_standard_month.year",
            ),
            (
                json!({"deployment": "x", "regions": {"haidong": {"urban_dibao_standard_month": {"value": "750", "year": 2025}}}}),
                "regions.haidong.urban_dibao_standard_month.source",
            ),
            (
                json!({"deployment": "x", "regions": {"haidong": {"urban_dibao_standard_month": {"value": "750", "year": 2025, "source": "s", "note": 1}}}}),
                "regions.haidong.urban_dibao_standard_month.note",
            ),
            (
                json!({"deployment": "x", "regions": {"haidong": {"urban_dibao_standard_month": "750"}}}),
                "regions.haidong.urban_dibao_standard_month",
            ),
        ];
        for (input, path) in cases {
            let e = Settings::from_json(&input, known).unwrap_err();
            assert_eq!(e.path, path, "{input}: {e}");
            assert!(!e.zh.is_empty() && !e.en.is_empty());
        }
        let e = Settings::from_json_str("{\"deployment\": ", known).unwrap_err();
        assert_eq!(e.path, "");
        assert!(e.to_string().contains("not valid JSON"), "{e}");
        let e = Settings::from_json(
            &json!({"deployment": "x", "regions": {"haidong": {"income_per_capita_month": ok}}}),
            known,
        )
        .unwrap_err();
        assert!(e.zh.contains("不能由本站统一设定"), "{}", e.zh);
    }

    #[test]
    fn the_residents_answer_beats_the_deployment_which_beats_the_document() {
        let f = fact("urban_dibao_standard_month");
        let fig = |v: i64, origin: Origin| Figure {
            fact: f,
            value: Value::Money(v.into()),
            year: 2025,
            origin,
        };
        let dep = [fig(
            750,
            Origin::Deployment {
                source: "通知".into(),
            },
        )];
        let doc = [fig(
            672,
            Origin::Document {
                citation: Citation {
                    file: "f".into(),
                    item: "63".into(),
                    lines: (1, 1),
                    quotes: vec!["q".into()],
                },
            },
        )];
        let run = |answer: Option<i64>, dep: &[Figure], doc: &[Figure]| {
            let mut hh = Facts::default();
            hh.set(f, answer.map(|a| Value::Money(a.into())));
            let (used, _) = provide(&mut hh, &mut [], dep, doc.iter());
            (hh.get(f), used.len())
        };
        let money = |v: i64| Some(Value::Money(v.into()));
        assert_eq!(run(Some(800), &dep, &doc), (money(800), 0));
        assert_eq!(run(None, &dep, &doc), (money(750), 1));
        assert_eq!(run(None, &[], &doc), (money(672), 1));
        assert_eq!(run(None, &[], &[]), (None, 0));
    }

    #[test]
    fn a_member_fact_is_provided_only_where_it_is_unanswered_and_can_apply() {
        let days = fact("school_days");
        let fig = Figure {
            fact: days,
            value: Value::Int(200),
            year: 2025,
            origin: Origin::Deployment {
                source: "校历".into(),
            },
        };
        let mut a = Facts::default();
        a.set(days, Some(Value::Int(150)));
        let b = Facts::default();
        let mut c = Facts::default();
        c.set(days, Some(Value::NotApplicable));
        let mut members = [a, b, c];
        let (used, slots) = provide(&mut Facts::default(), &mut members, &[fig], [].iter());
        assert_eq!(used.len(), 1);
        assert_eq!(slots, [(days, Some(1))]);
        let got: Vec<_> = members.iter().map(|m| m.get(days)).collect();
        assert_eq!(
            got,
            [
                Some(Value::Int(150)),
                Some(Value::Int(200)),
                Some(Value::NotApplicable)
            ]
        );
    }

    #[test]
    fn counter_settings_lay_over_the_sites_fact_by_fact() {
        let s = |v: &str, facts: Json| {
            Settings::from_json(
                &json!({"deployment": v, "regions": {"haidong": facts}}),
                known,
            )
            .unwrap()
        };
        let site = s(
            "site",
            json!({"urban_dibao_standard_month": {"value": "750", "year": 2025, "source": "a"},
                   "provincial_min_wage_month": {"value": "1880", "year": 2025, "source": "b"}}),
        );
        let counter = s(
            "counter",
            json!({"urban_dibao_standard_month": {"value": "760", "year": 2026, "source": "c"}}),
        );
        let m = counter.over(&site);
        assert_eq!(m.deployment, "counter");
        let h = m.for_region("haidong");
        assert_eq!(h.len(), 2);
        let value = |n| h.iter().find(|f| f.fact == fact(n)).map(|f| f.value);
        assert_eq!(
            value("urban_dibao_standard_month"),
            Some(Value::Money(760.into()))
        );
        assert_eq!(
            value("provincial_min_wage_month"),
            Some(Value::Money(1880.into()))
        );
    }
}
