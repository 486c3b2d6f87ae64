//! The vocabulary of facts a household can state, one static table.
//!
//! Rules name facts by `name`; the catalog layer resolves names to [`FactId`] (an index
//! into [`FACTS`]) so evaluation is an array lookup. The table also carries the labels
//! and plain-language hints the UI shows, so a fact added here is at once askable.
//! Every fact may be unanswered; unanswered is never read as "no".

use rust_decimal::Decimal;
use serde::Serialize;

/// Index of a fact in [`FACTS`]. Only the domain makes one from a number, so every
/// `FactId` a caller holds names a fact ([`FactId::info`] cannot fail).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct FactId(pub(crate) u16);

/// Whether a fact belongs to one person or to the household.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Member,
    Household,
}

/// One allowed answer of a choice fact.
#[derive(Debug, Serialize)]
pub struct Choice {
    pub code: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

/// The type of a fact's answer.
#[derive(Debug, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum Kind {
    Bool,
    Int {
        min: i64,
        max: i64,
        unit_zh: &'static str,
        unit_en: &'static str,
    },
    /// Yuan; never negative, at most `max`.
    Money {
        max: i64,
    },
    Choice {
        choices: &'static [Choice],
    },
}

/// A fact's definition.
#[derive(Debug, Serialize)]
pub struct FactInfo {
    pub name: &'static str,
    pub scope: Scope,
    pub kind: Kind,
    /// UI grouping (`basic`, `hukou`, `disability`, `school`, `work`, `health`, `family`,
    /// `military`, `hardship`, `housing`).
    pub group: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub hint_zh: &'static str,
    pub hint_en: &'static str,
    /// Computed from the household, never asked (e.g. `household_size`).
    pub derived: bool,
}

/// An answered fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Bool(bool),
    Int(i64),
    Money(#[serde(with = "rust_decimal::serde::str")] Decimal),
    /// Index into the fact's choices.
    Choice(u8),
    /// Assumed by the engine, never an answer: the fact does not apply to this member
    /// (a grade without a disability certificate), so every condition on it fails.
    NotApplicable,
}

impl Value {
    /// A number for comparisons, if the value is numeric.
    pub fn number(self) -> Option<Decimal> {
        match self {
            Value::Int(i) => Some(Decimal::from(i)),
            Value::Money(m) => Some(m),
            _ => None,
        }
    }
}

macro_rules! choices {
    ($($code:literal => $zh:literal, $en:literal;)*) => {
        &[$(Choice { code: $code, zh: $zh, en: $en }),*]
    };
}

#[allow(clippy::too_many_arguments)] // one row of the table, read in columns
const fn fact(
    name: &'static str,
    scope: Scope,
    kind: Kind,
    group: &'static str,
    zh: &'static str,
    en: &'static str,
    hint_zh: &'static str,
    hint_en: &'static str,
) -> FactInfo {
    FactInfo {
        name,
        scope,
        kind,
        group,
        zh,
        en,
        hint_zh,
        hint_en,
        derived: false,
    }
}

use Kind::Bool;
use Scope::{Household as H, Member as M};

const fn int(min: i64, max: i64, unit_zh: &'static str, unit_en: &'static str) -> Kind {
    Kind::Int {
        min,
        max,
        unit_zh,
        unit_en,
    }
}

/// Every fact the catalogs use. Append new facts at the end of their group; names are
/// stable identifiers used by rule files, saved households and share links.
pub static FACTS: &[FactInfo] = &[
    // ---- basic (member)
    fact(
        "relation",
        M,
        Kind::Choice {
            choices: choices! {
                "self" => "本人（申请人）", "Applicant (self)";
                "spouse" => "配偶", "Spouse";
                "child" => "子女", "Child";
                "parent" => "父母", "Parent";
                "grandparent" => "祖父母、外祖父母", "Grandparent";
                "grandchild" => "孙子女、外孙子女", "Grandchild";
                "sibling" => "兄弟姐妹", "Sibling";
                "other" => "其他", "Other";
            },
        },
        "basic",
        "与申请人关系",
        "Relation to the applicant",
        "这位成员与填表人（申请人）的关系。",
        "How this member is related to the person filling in the form.",
    ),
    fact(
        "age",
        M,
        int(0, 130, "岁", "years"),
        "basic",
        "年龄",
        "Age",
        "周岁，按身份证上的出生日期计算。",
        "Age in full years, from the ID card's date of birth.",
    ),
    fact(
        "sex",
        M,
        Kind::Choice {
            choices: choices! {
                "female" => "女", "Female";
                "male" => "男", "Male";
            },
        },
        "basic",
        "性别",
        "Sex",
        "",
        "",
    ),
    // ---- hukou (member)
    fact(
        "hukou_local",
        M,
        Bool,
        "hukou",
        "本地户籍",
        "Local hukou",
        "户口登记在本市（县）。",
        "Household registration (hukou) is in this city or county.",
    ),
    fact(
        "hukou_type",
        M,
        Kind::Choice {
            choices: choices! {
                "urban" => "城镇户籍", "Urban hukou";
                "rural" => "农村户籍", "Rural hukou";
            },
        },
        "hukou",
        "户籍类型",
        "Hukou type",
        "户口本上登记的城镇或农村户籍。",
        "Urban or rural, as in the household register.",
    ),
    fact(
        "residence_permit",
        M,
        Bool,
        "hukou",
        "持有本地居住证",
        "Holds a local residence permit",
        "非本地户籍人员在本地办理的居住证。",
        "The residence permit non-local residents obtain here.",
    ),
    fact(
        "migrant",
        M,
        Bool,
        "hukou",
        "流动人口",
        "Migrant (lives away from hukou place)",
        "现居住地与户籍所在地不在同一县（市、区）。",
        "Lives in a county other than that of the hukou.",
    ),
    // ---- disability (member)
    fact(
        "disability_certificate",
        M,
        Bool,
        "disability",
        "持有残疾人证",
        "Holds a disability certificate",
        "第二代《中华人民共和国残疾人证》。",
        "The national disability certificate (第二代残疾人证).",
    ),
    fact(
        "disability_grade",
        M,
        int(1, 4, "级", ""),
        "disability",
        "残疾等级",
        "Disability grade",
        "残疾人证上的等级：一级最重，四级最轻；一、二级为重度残疾。",
        "Grade on the certificate: 1 is the most severe, 4 the mildest; grades 1–2 are 'severe'.",
    ),
    fact(
        "disability_type",
        M,
        Kind::Choice {
            choices: choices! {
                "visual" => "视力残疾", "Visual";
                "hearing" => "听力残疾", "Hearing";
                "speech" => "言语残疾", "Speech";
                "physical" => "肢体残疾", "Physical";
                "intellectual" => "智力残疾", "Intellectual";
                "mental" => "精神残疾", "Mental (psychosocial)";
                "multiple" => "多重残疾", "Multiple";
            },
        },
        "disability",
        "残疾类别",
        "Type of disability",
        "残疾人证上的残疾类别。",
        "The type shown on the certificate.",
    ),
    fact(
        "needs_rehabilitation",
        M,
        Bool,
        "disability",
        "有康复需求",
        "Needs rehabilitation",
        "经评估需要康复训练、辅助器具等服务。",
        "Assessed as needing rehabilitation or assistive devices.",
    ),
    // ---- school (member)
    fact(
        "student_stage",
        M,
        Kind::Choice {
            choices: choices! {
                "none" => "不在学", "Not in education";
                "nursery" => "托育（0–3 岁）", "Nursery (0–3)";
                "preschool" => "幼儿园（学前教育）", "Kindergarten (pre-school)";
                "primary" => "小学", "Primary school";
                "junior" => "初中", "Junior middle school";
                "senior" => "普通高中", "Senior high school";
                "vocational" => "中等职业学校（中职）", "Secondary vocational school";
                "higher" => "高等教育（大学、高职）", "Higher education";
            },
        },
        "school",
        "在读学段",
        "Stage of education",
        "目前就读的学段；在特殊教育学校就读的，选所在学段（如小学、初中）。",
        "The stage the member is at now; a pupil of a special-education school picks the stage (e.g. primary, junior).",
    ),
    fact(
        "vocational_year",
        M,
        int(1, 3, "年级", "year"),
        "school",
        "中职年级",
        "Vocational school year",
        "中等职业学校一、二、三年级。",
        "Year 1, 2 or 3 at the secondary vocational school.",
    ),
    fact(
        "agri_major",
        M,
        Bool,
        "school",
        "涉农专业",
        "Agriculture-related major",
        "中职所学专业属于涉农专业。",
        "The vocational major is agriculture-related.",
    ),
    fact(
        "boarding",
        M,
        Bool,
        "school",
        "寄宿生",
        "Boards at school",
        "在学校住宿。",
        "Lives at school during term.",
    ),
    fact(
        "public_school",
        M,
        Bool,
        "school",
        "公办学校（园）",
        "Public school",
        "就读公办学校或公办幼儿园；民办请选“否”。",
        "Attends a public (state) school; choose 'no' for a private one.",
    ),
    fact(
        "inclusive_kindergarten",
        M,
        Bool,
        "school",
        "普惠性幼儿园",
        "Inclusive (普惠性) kindergarten",
        "经县级以上教育部门审批设立的普惠性幼儿园（含公办园）。",
        "A kindergarten approved as 'inclusive' (low-fee) by the county education bureau or above.",
    ),
    fact(
        "school_days",
        M,
        int(0, 366, "天", "days"),
        "school",
        "每年实际在校天数",
        "Days at school per year",
        "用于按天计算的补助（如营养膳食补助）。",
        "Used for per-day subsidies such as school meals.",
    ),
    fact(
        "full_time_registered",
        M,
        Bool,
        "school",
        "全日制正式学籍",
        "Full-time registered student",
        "有全日制正式学籍（中职、高中）。",
        "Holds a full-time official student record.",
    ),
    fact(
        "art_performance_major",
        M,
        Bool,
        "school",
        "艺术类表演专业",
        "Performing-arts major",
        "中职艺术类相关表演专业。",
        "A performing-arts major at vocational school.",
    ),
    // ---- work (member)
    fact(
        "employment",
        M,
        Kind::Choice {
            choices: choices! {
                "employed" => "在职职工（有单位）", "Employee";
                "self_employed" => "个体工商户", "Self-employed (individual business)";
                "flexible" => "灵活就业", "Flexible / gig work";
                "registered_unemployed" => "登记失业", "Registered unemployed";
                "job_seeker" => "求职中（未登记失业）", "Looking for work";
                "farmer" => "务农", "Farming";
                "retired" => "已退休", "Retired";
                "not_working" => "不工作（不求职）", "Not working, not looking";
            },
        },
        "work",
        "就业状况",
        "Work status",
        "目前的工作情况。",
        "What the member does for a living now.",
    ),
    fact(
        "wants_job",
        M,
        Bool,
        "work",
        "有就业需求",
        "Wants a job or a better one",
        "有找工作或转换工作的意愿。",
        "Wants to find work or change jobs.",
    ),
    fact(
        "wants_business",
        M,
        Bool,
        "work",
        "有创业需求",
        "Wants to start a business",
        "",
        "",
    ),
    fact(
        "wants_training",
        M,
        Bool,
        "work",
        "有职业培训意愿",
        "Wants vocational training",
        "",
        "",
    ),
    fact(
        "graduate_within_year",
        M,
        Bool,
        "work",
        "离校一年内未就业高校毕业生",
        "University graduate, unemployed, within a year of leaving",
        "高校毕业离校未满一年且尚未就业。",
        "Left university less than a year ago and has no job yet.",
    ),
    fact(
        "employment_difficulty",
        M,
        Bool,
        "work",
        "就业困难人员",
        "Recognised as having difficulty finding work",
        "经人社部门认定的就业困难人员（如大龄、残疾、长期失业）。",
        "Recognised by the human-resources bureau (e.g. older, disabled, long-term unemployed).",
    ),
    fact(
        "rural_migrant_worker",
        M,
        Bool,
        "work",
        "农村转移就业劳动者（农民工）",
        "Rural migrant worker",
        "农村户籍、在非农行业或城镇就业。",
        "Rural hukou, working outside farming or in a town.",
    ),
    fact(
        "able_to_work",
        M,
        Bool,
        "work",
        "有劳动能力",
        "Able to work",
        "",
        "",
    ),
    fact(
        "has_income_source",
        M,
        Bool,
        "work",
        "有生活来源",
        "Has a source of livelihood",
        "有工资、养老金、赡养费等收入来源。",
        "Has wages, a pension, support from relatives or other income.",
    ),
    // ---- insurance (member)
    fact(
        "pension_scheme",
        M,
        Kind::Choice {
            choices: choices! {
                "employee" => "职工基本养老保险", "Employees' basic pension";
                "resident" => "城乡居民基本养老保险", "Urban-rural residents' pension";
                "none" => "未参保", "Not insured";
            },
        },
        "work",
        "养老保险",
        "Pension scheme",
        "参加的基本养老保险类型。",
        "Which basic pension scheme the member is enrolled in.",
    ),
    fact(
        "medical_scheme",
        M,
        Kind::Choice {
            choices: choices! {
                "employee" => "职工基本医疗保险", "Employees' basic medical insurance";
                "resident" => "城乡居民基本医疗保险", "Residents' basic medical insurance";
                "none" => "未参保", "Not insured";
            },
        },
        "work",
        "医疗保险",
        "Medical insurance",
        "",
        "",
    ),
    fact(
        "unemployment_insured",
        M,
        Bool,
        "work",
        "参加失业保险",
        "Has unemployment insurance",
        "本人（或单位）足额缴纳失业保险费。",
        "Unemployment insurance premiums were paid in full.",
    ),
    fact(
        "work_injury_insured",
        M,
        Bool,
        "work",
        "参加工伤保险",
        "Has work-injury insurance",
        "",
        "",
    ),
    fact(
        "maternity_insured",
        M,
        Bool,
        "work",
        "参加生育保险",
        "Has maternity insurance",
        "单位为其缴纳生育保险（职工医保）。",
        "The employer pays maternity insurance.",
    ),
    // ---- health (member)
    fact("pregnant", M, Bool, "health", "孕妇", "Pregnant", "", ""),
    fact(
        "postpartum",
        M,
        Bool,
        "health",
        "产后 42 天内",
        "Within 42 days after giving birth",
        "",
        "",
    ),
    fact(
        "planning_pregnancy",
        M,
        Bool,
        "health",
        "计划怀孕",
        "Planning a pregnancy",
        "夫妇计划在近期怀孕。",
        "The couple plans a pregnancy soon.",
    ),
    fact(
        "hypertension",
        M,
        Bool,
        "health",
        "原发性高血压患者",
        "Has primary hypertension",
        "",
        "",
    ),
    fact(
        "diabetes",
        M,
        Bool,
        "health",
        "2 型糖尿病患者",
        "Has type 2 diabetes",
        "",
        "",
    ),
    fact(
        "severe_mental_disorder",
        M,
        Bool,
        "health",
        "严重精神障碍患者",
        "Has a severe mental disorder",
        "如精神分裂症、双相障碍等，已纳入管理。",
        "E.g. schizophrenia or bipolar disorder, under management.",
    ),
    fact(
        "tuberculosis",
        M,
        Bool,
        "health",
        "肺结核患者",
        "Has tuberculosis",
        "",
        "",
    ),
    fact(
        "hiv",
        M,
        Bool,
        "health",
        "艾滋病病毒感染者或病人",
        "Lives with HIV",
        "",
        "",
    ),
    fact(
        "serious_illness",
        M,
        Bool,
        "health",
        "患重特大疾病",
        "Has a serious or catastrophic illness",
        "",
        "",
    ),
    fact(
        "unable_to_self_care",
        M,
        Bool,
        "health",
        "失能（生活不能自理）",
        "Cannot look after themselves (失能)",
        "经评估日常生活需要他人照料。",
        "Assessed as needing help with daily living.",
    ),
    fact(
        "semi_unable_to_self_care",
        M,
        Bool,
        "health",
        "半失能",
        "Partly unable to look after themselves",
        "",
        "",
    ),
    // ---- family (member)
    fact(
        "orphan",
        M,
        Bool,
        "family",
        "孤儿",
        "Orphan",
        "父母双亡或被依法宣告死亡、失踪的未满 18 周岁儿童。",
        "Under 18 with both parents dead or legally declared dead or missing.",
    ),
    fact(
        "de_facto_unsupported",
        M,
        Bool,
        "family",
        "事实无人抚养儿童",
        "De-facto unsupported child",
        "父母虽在，但因重残、服刑、失联等无法履行抚养义务，经民政部门认定。",
        "Parents alive but unable to care (severe disability, prison, missing), as recognised by civil affairs.",
    ),
    fact(
        "parents_migrant",
        M,
        Bool,
        "family",
        "父母外出务工（留守）",
        "Parents work away (left-behind)",
        "父母双方外出务工，或一方外出务工另一方无监护能力。",
        "Both parents work away, or one does and the other cannot care for the child.",
    ),
    fact(
        "no_legal_supporter",
        M,
        Bool,
        "family",
        "无法定赡养、抚养、扶养义务人",
        "No one legally bound to support them",
        "或法定义务人无履行义务能力。",
        "Or those legally bound cannot provide support.",
    ),
    fact(
        "supported_by_family",
        M,
        Bool,
        "family",
        "靠父母或其他亲属供养",
        "Supported by parents or relatives",
        "",
        "",
    ),
    fact(
        "family_planning",
        M,
        Kind::Choice {
            choices: choices! {
                "none" => "无特殊情况", "None of these";
                "one_child" => "只生育一个子女", "Has only one child";
                "two_daughters" => "只生育两个女孩", "Has only two daughters";
                "only_child_disabled" => "独生子女三级以上伤残", "Only child disabled (grade 3 or worse)";
                "only_child_deceased" => "独生子女死亡", "Only child has died";
            },
        },
        "family",
        "计划生育情况",
        "Family-planning status",
        "计划生育家庭奖励扶助、特别扶助的认定依据。独生子女伤残为四级（较轻）的，选“只生育一个子女”；两个女孩中有一个伤残或死亡的，仍选“只生育两个女孩”。",
        "Basis of family-planning reward and special support. If the only child's disability is grade 4 (the lightest), pick “has only one child”; if one of two daughters is disabled or has died, still pick “has only two daughters”.",
    ),
    fact(
        "sterilization_complication",
        M,
        Bool,
        "family",
        "节育手术并发症三级以上",
        "Sterilisation complication, grade 3 or worse",
        "",
        "",
    ),
    // ---- military (member)
    fact(
        "veteran",
        M,
        Bool,
        "military",
        "退役军人",
        "Veteran",
        "",
        "",
    ),
    fact(
        "disabled_veteran",
        M,
        Bool,
        "military",
        "残疾退役军人（一至四级）",
        "Disabled veteran (grade 1–4)",
        "",
        "",
    ),
    fact(
        "entitled_group",
        M,
        Bool,
        "military",
        "享受国家抚恤补助的优抚对象",
        "Receives state pension as entitled group (优抚对象)",
        "如伤残军人、烈士遗属、在乡复员军人等。",
        "E.g. disabled servicemen, martyrs' families, demobilised soldiers in villages.",
    ),
    fact(
        "martyr_family",
        M,
        Bool,
        "military",
        "烈士、因公牺牲或病故军人遗属",
        "Family of a martyr or of a soldier who died in service",
        "",
        "",
    ),
    fact(
        "active_military",
        M,
        Bool,
        "military",
        "现役军人",
        "Serving military",
        "",
        "",
    ),
    fact(
        "military_family",
        M,
        Bool,
        "military",
        "军人家属（军属）",
        "Family of a serving soldier",
        "",
        "",
    ),
    // ---- hardship (member)
    fact(
        "tekun",
        M,
        Bool,
        "hardship",
        "特困人员",
        "Extreme-poverty support (特困)",
        "无劳动能力、无生活来源、无法定赡养抚养扶养义务人，经民政部门认定为特困供养人员。",
        "Recognised by civil affairs: unable to work, no income, no one bound to support them.",
    ),
    fact(
        "tekun_institutional",
        M,
        Bool,
        "hardship",
        "集中供养（住在供养机构）",
        "Lives in a support institution",
        "特困人员在敬老院、福利院等机构集中供养。",
        "A 特困 person living in a care institution rather than at home.",
    ),
    // ---- household
    fact(
        "household_size",
        H,
        int(1, 30, "人", "people"),
        "household",
        "家庭人口",
        "Household size",
        "",
        "",
    ),
    fact(
        "income_per_capita_month",
        H,
        Kind::Money { max: 10_000_000 },
        "hardship",
        "家庭月人均收入",
        "Monthly income per person",
        "家庭成员上月总收入除以人数，单位：元。",
        "Last month's household income divided by members, in yuan.",
    ),
    fact(
        "local_dibao_standard_month",
        H,
        Kind::Money { max: 100_000 },
        "hardship",
        "当地低保标准（每人每月）",
        "Local minimum-living standard (per person per month)",
        "可在民政部门或村（社区）公示中查到；文件未给出的，由您填写。",
        "Published by civil affairs or the village/community office; enter it if the document does not give it.",
    ),
    fact(
        "urban_dibao_standard_month",
        H,
        Kind::Money { max: 100_000 },
        "hardship",
        "当地城市低保标准（每人每月）",
        "Local urban minimum-living standard (per person per month)",
        "当年城市最低生活保障标准，民政部门公布；文件未给出具体金额时由您填写。",
        "This year's urban 低保 standard published by civil affairs; enter it where the document gives no figure.",
    ),
    fact(
        "dibao",
        H,
        Bool,
        "hardship",
        "低保家庭",
        "Minimum-living-allowance household (低保)",
        "已享受最低生活保障的家庭。",
        "A household already receiving the minimum living allowance.",
    ),
    fact(
        "assets_within_dibao_rules",
        H,
        Bool,
        "hardship",
        "家庭财产符合当地低保规定",
        "Assets within the local 低保 limits",
        "存款、房产、车辆等家庭财产符合当地最低生活保障的规定，由民政部门审核。",
        "Savings, property and vehicles within the local limits, as checked by civil affairs.",
    ),
    fact(
        "low_income",
        H,
        Bool,
        "hardship",
        "低收入家庭",
        "Low-income household",
        "经民政部门认定的低收入家庭（低保边缘）。",
        "Recognised by civil affairs as low-income (just above 低保).",
    ),
    fact(
        "registered_poor",
        H,
        Bool,
        "hardship",
        "建档立卡贫困户",
        "Registered poor household (建档立卡)",
        "在扶贫系统中建档立卡的贫困家庭（含已脱贫监测户）。",
        "Registered in the poverty-alleviation system (建档立卡).",
    ),
    fact(
        "economic_hardship",
        H,
        Bool,
        "hardship",
        "家庭经济困难",
        "Household in economic hardship",
        "由学校或教育、民政部门认定的家庭经济困难。",
        "As recognised by the school or the education or civil-affairs bureau.",
    ),
    fact(
        "zero_employment",
        H,
        Bool,
        "hardship",
        "零就业家庭",
        "Zero-employment household",
        "城镇家庭中法定劳动年龄内有就业能力的成员都没有就业。",
        "In a town household, no working-age member able to work has a job.",
    ),
    fact(
        "temporary_hardship",
        H,
        Bool,
        "hardship",
        "遭遇突发困难",
        "Hit by a sudden hardship",
        "因火灾、交通事故、突发重病等导致基本生活暂时严重困难。",
        "Fire, accident, sudden grave illness and the like left basic living in serious difficulty.",
    ),
    fact(
        "disaster_affected",
        H,
        Bool,
        "hardship",
        "受灾家庭",
        "Affected by a natural disaster",
        "基本生活受到自然灾害严重影响。",
        "Basic living seriously affected by a natural disaster.",
    ),
    fact(
        "poverty_area",
        H,
        Bool,
        "hardship",
        "居住在贫困地区",
        "Lives in a designated poor area",
        "集中连片特困地区、国家扶贫开发工作重点县等。",
        "A contiguous destitute area or a key national poverty county.",
    ),
    fact(
        "nutrition_pilot_area",
        H,
        Bool,
        "hardship",
        "营养改善计划试点地区",
        "School-meal pilot area",
        "农村义务教育学生营养改善计划的国家或地方试点县。",
        "A county in the national or local rural school-meal pilot.",
    ),
    fact(
        "urban_housing_difficulty",
        H,
        Bool,
        "housing",
        "城镇住房困难",
        "Urban housing difficulty",
        "经住建部门认定的城镇住房困难家庭。",
        "Recognised by the housing bureau as in urban housing difficulty.",
    ),
    fact(
        "rural_dangerous_house",
        H,
        Bool,
        "housing",
        "居住农村危房",
        "Lives in a dangerous rural house",
        "经鉴定为 C 级或 D 级的农村危房。",
        "A rural house assessed as dangerous (grade C or D).",
    ),
    // ---- added for haidong
    fact(
        "hukou_province",
        M,
        Bool,
        "hukou",
        "本省户籍（常住户口）",
        "Hukou in this province",
        "常住户口登记在本省（含本市、县）。",
        "Permanent household registration anywhere in this province (this city or county included).",
    ),
    fact(
        "expenditure_poverty",
        H,
        Bool,
        "hardship",
        "支出型贫困家庭",
        "Poor because of unavoidable expenses (支出型贫困)",
        "因病、因学、因残等刚性支出过大导致基本生活困难，由民政部门认定。",
        "Basic living in difficulty because of heavy unavoidable costs (illness, schooling, disability), as recognised by civil affairs.",
    ),
    fact(
        "incapacity_level",
        M,
        Kind::Choice {
            choices: choices! {
                "none" => "能力完好（完全自理）", "Fully self-reliant";
                "mild" => "轻度失能", "Mildly dependent";
                "moderate" => "中度失能", "Moderately dependent";
                "severe" => "重度失能", "Severely dependent";
            },
        },
        "health",
        "失能等级",
        "Level of dependency (失能等级)",
        "按老年人能力综合评估或特困人员生活自理能力评估确定的等级。",
        "The grade set by the official assessment of older or 特困 people's ability to look after themselves.",
    ),
    fact(
        "provincial_min_wage_month",
        H,
        Kind::Money { max: 100_000 },
        "hardship",
        "全省最低工资标准（每月）",
        "Provincial monthly minimum wage",
        "人社部门公布的本省月最低工资标准；文件未给出金额时由您填写。",
        "The province's monthly minimum wage published by the human-resources department; enter it where the document gives no figure.",
    ),
    fact(
        "emergency_unable_to_pay",
        M,
        Bool,
        "health",
        "急危重伤病急救且身份不明或无力支付",
        "Emergency patient unidentified or unable to pay",
        "发生急重危伤病需要急救，但身份不明确或无力支付急救费用。",
        "Needs emergency treatment for a critical illness or injury but is unidentified or cannot pay.",
    ),
    fact(
        "plight_child",
        M,
        Bool,
        "family",
        "困境儿童",
        "Child in difficult circumstances (困境儿童)",
        "因家庭贫困、自身残疾或监护缺失、监护不当而陷入困境的儿童，由民政部门认定。",
        "A child in difficulty through family poverty, own disability, or missing or improper guardianship, as recognised by civil affairs.",
    ),
    fact(
        "child_welfare_institution",
        M,
        Bool,
        "family",
        "在儿童福利机构集中养育",
        "Raised in a child-welfare institution",
        "孤儿等儿童在儿童福利院等机构集中养育；在亲属家或社会上生活的为“散居”。",
        "Lives in a child-welfare home; children living with relatives or in the community are 'scattered' (散居).",
    ),
    fact(
        "child_welfare_certificate",
        M,
        Bool,
        "family",
        "持有《儿童福利证》",
        "Holds a Child Welfare Certificate",
        "经户口所在地县级民政部门审核批准发给《儿童福利证》的未成年人。",
        "A minor to whom the county civil-affairs bureau has issued a Child Welfare Certificate.",
    ),
    fact(
        "kindergarten_year",
        M,
        Kind::Choice {
            choices: choices! {
                "small" => "小班（学前三年）", "Youngest class (third year before school)";
                "middle" => "中班（学前二年）", "Middle class (second year before school)";
                "senior" => "大班（学前一年）", "Top class (the year before primary school)";
            },
        },
        "school",
        "幼儿园年级",
        "Kindergarten class",
        "学前一年指入小学前最后一年（大班）。",
        "'Pre-school year one' is the last year before primary school (top class).",
    ),
    fact(
        "mobile_personnel",
        M,
        Bool,
        "work",
        "流动人员（档案由公共人才服务机构保管）",
        "Mobile personnel (file kept by the public talent service)",
        "如非公企业、社会组织聘用人员，辞职辞退的机关事业单位人员，未就业毕业生，自由职业、灵活就业人员等。",
        "E.g. staff of private firms or NGOs, former public-sector staff who left, graduates without a job, freelancers and gig workers.",
    ),
    fact(
        "graduate_within_two_years",
        M,
        Bool,
        "work",
        "离校 2 年内未就业高校毕业生",
        "University graduate, unemployed, within two years of leaving",
        "高校毕业离校未满 2 年且尚未就业。",
        "Left university less than two years ago and has no job yet.",
    ),
    fact(
        "infectious_disease",
        M,
        Bool,
        "health",
        "法定传染病病人、疑似病人或密切接触者",
        "Notifiable infectious disease: patient, suspected case or close contact",
        "含突发公共卫生事件伤病员及相关人群。",
        "Also casualties of a public-health emergency and people concerned.",
    ),
    fact(
        "endemic_disease",
        M,
        Bool,
        "health",
        "现症地方病病人",
        "Has an endemic disease",
        "大骨节病、氟骨症、地方性砷中毒、克汀病、二度及以上甲状腺肿大等。",
        "Kashin-Beck disease, skeletal fluorosis, arsenic poisoning, cretinism, goitre of degree 2 or more.",
    ),
    fact(
        "hiv_risk_behaviour",
        M,
        Bool,
        "health",
        "易感染艾滋病高危行为人群",
        "At high risk of HIV through behaviour",
        "",
        "",
    ),
    fact(
        "sterilization_complication_grade",
        M,
        int(1, 3, "级", ""),
        "family",
        "计划生育手术并发症等级",
        "Grade of a family-planning surgery complication",
        "经鉴定的计划生育手术并发症等级：一级最重。",
        "The certified grade of the complication: grade 1 is the most severe.",
    ),
    fact(
        "shantytown_resident",
        H,
        Bool,
        "housing",
        "棚户区居民",
        "Lives in a shantytown (棚户区) area",
        "住房位于列入改造计划的城镇棚户区。",
        "The home is in an urban shantytown area listed for redevelopment.",
    ),
    fact(
        "legal_aid_eligible",
        M,
        Bool,
        "hardship",
        "符合法律援助条件",
        "Meets the legal-aid conditions",
        "因经济困难或属于法律规定的情形需要法律援助，由法律援助机构审查。",
        "Needs legal aid because of economic hardship or a case the law names; checked by the legal-aid office.",
    ),
    fact(
        "postgraduate_admitted",
        M,
        Bool,
        "school",
        "考入研究生",
        "Admitted to postgraduate study",
        "当年被录取为研究生。",
        "Admitted to a master's or doctoral programme this year.",
    ),
    fact(
        "ethnic_minority_area",
        H,
        Bool,
        "basic",
        "居住在少数民族聚居地区",
        "Lives in an ethnic-minority area",
        "如民族自治县、民族乡等主要少数民族地区。",
        "E.g. an autonomous county or ethnic township.",
    ),
    // ---- added for qinghai
    fact(
        "long_term_urban_resident",
        M,
        Bool,
        "hukou",
        "长期在城市居住",
        "Has lived in a city for a long time",
        "户籍在农牧区，但长期在城市（城镇）居住生活。",
        "Hukou in a farming or pastoral area but has long lived in a city or town.",
    ),
    fact(
        "dementia",
        M,
        Bool,
        "health",
        "失智（认知障碍）",
        "Has dementia (失智)",
        "经医疗机构诊断或评估为失智、认知症。",
        "Diagnosed or assessed by a medical institution as having dementia.",
    ),
    fact(
        "tekun_care_qualified",
        M,
        Bool,
        "hardship",
        "特困人员符合护理补贴条件",
        "特困 person meeting the care-subsidy conditions",
        "特困供养人员经民政部门按生活自理能力等评估，符合护理补贴条件。",
        "A 特困 person whom civil affairs has assessed (e.g. for self-care ability) as qualifying for the care subsidy.",
    ),
    fact(
        "land_expropriated_farmer",
        M,
        Bool,
        "work",
        "被征地农民",
        "Farmer whose land was expropriated",
        "承包土地被依法征收的农民（牧民）。",
        "A farmer or herder whose contracted land was lawfully expropriated.",
    ),
    fact(
        "wants_institutional_care",
        M,
        Bool,
        "hardship",
        "有集中供养意愿",
        "Wishes to live in a support institution",
        "本人愿意入住供养服务机构（敬老院、福利院等）集中供养。",
        "The person wishes to move into a support institution (care home, welfare home).",
    ),
    fact(
        "lower_middle_income",
        H,
        Bool,
        "hardship",
        "中等偏下及以下收入家庭",
        "Lower-middle or lower income household",
        "家庭收入处于当地中等偏下及以下水平，由住房保障部门按当地标准认定。",
        "Household income at or below the local lower-middle level, as recognised by the housing authority.",
    ),
    fact(
        "unable_to_build_house",
        H,
        Bool,
        "housing",
        "无能力建房的鳏寡孤独等特殊困难家庭",
        "Unable to build a house (widowed, alone, orphaned or otherwise in special hardship)",
        "农村鳏寡孤独等特殊群体，自身无能力建房，由乡镇和住建部门认定。",
        "A rural widowed, lone or orphaned person or other special group unable to build a house, as recognised by the township and housing bureau.",
    ),
    fact(
        "veteran_assigned_job",
        M,
        Bool,
        "military",
        "转业军官或安排工作的退役士兵",
        "Transferred officer or discharged soldier entitled to an assigned job",
        "按国家规定由政府安排工作的转业军官、退役士兵。",
        "An officer transferred to civilian work or a discharged soldier whom the government must place in a job.",
    ),
    fact(
        "new_parent",
        M,
        Bool,
        "family",
        "刚生育子女的父母",
        "Parent of a newborn",
        "本人或配偶近期生育（在生育假、看护假期间）。",
        "The person or their spouse has just given birth (within the maternity or paternity-leave period).",
    ),
    fact(
        "no_own_home",
        H,
        Bool,
        "housing",
        "在当地无自有住房",
        "Owns no home locally",
        "家庭在工作或居住的城市没有自有住房。",
        "The household owns no home in the city where it works or lives.",
    ),
    fact(
        "youth",
        M,
        Bool,
        "basic",
        "青年人",
        "Young person",
        "按当地相关政策的年龄界定属于青年。",
        "Counts as young under the local policy's age definition.",
    ),
    fact(
        "housing_fund_contributor",
        M,
        Bool,
        "housing",
        "缴存住房公积金",
        "Contributes to the housing provident fund",
        "本人正在缴存住房公积金。",
        "The person currently pays into the housing provident fund.",
    ),
    fact(
        "works_rural_grassroots",
        M,
        Bool,
        "work",
        "在农牧区基层单位工作",
        "Works at a rural or pastoral grassroots unit",
        "在乡镇、村等农牧区基层单位（学校、卫生院等）工作。",
        "Works at a township or village unit (school, health centre) in a farming or pastoral area.",
    ),
    fact(
        "works_remote_hardship_area",
        M,
        Bool,
        "work",
        "在艰苦边远地区工作",
        "Works in a remote hardship area",
        "工作地属于国家规定的艰苦边远地区。",
        "The workplace is in a nationally designated remote hardship area.",
    ),
    fact(
        "emergency_guardianship_loss",
        M,
        Bool,
        "family",
        "因突发事件监护缺失的儿童",
        "Child left without guardian by an emergency",
        "因突发事件（如疫情、灾害）父母或其他监护人无法履行监护职责的儿童。",
        "A child whose parents or guardians cannot care for them because of an emergency (epidemic, disaster).",
    ),
    fact(
        "domestic_worker",
        M,
        Bool,
        "work",
        "家政服务从业人员",
        "Domestic-service worker",
        "从事家政服务（保洁、育婴、养老护理等）的人员。",
        "Works in domestic services (cleaning, childcare, elder care, etc.).",
    ),
    // ---- added for hebei
    fact(
        "contiguous_poverty_area",
        H,
        Bool,
        "hardship",
        "集中连片特困地区",
        "In a contiguous destitute area (集中连片特困地区)",
        "居住地或就读学校所在县属于国家确定的集中连片特殊困难地区（不含仅为扶贫开发工作重点县的）。",
        "The home or school is in a county of a national contiguous destitute area (being only a key poverty county does not count).",
    ),
    // ---- added for jinan
    fact(
        "graduate_dispatch_period",
        M,
        Bool,
        "work",
        "派遣期内未就业高校毕业生",
        "Unemployed university graduate within the dispatch period",
        "高校毕业生仍在就业报到派遣期内且尚未就业，由人社部门按规定认定。",
        "A university graduate still within the job-assignment (派遣) period and without a job, as recognised by the human-resources bureau.",
    ),
    fact(
        "working_age",
        M,
        Bool,
        "work",
        "处于劳动年龄（就业年龄段）",
        "Of working age",
        "年满 16 周岁、未达到法定退休年龄。",
        "Aged 16 or over and below the statutory retirement age.",
    ),
    fact(
        "receiving_unemployment_benefit",
        M,
        Bool,
        "work",
        "正在领取失业保险金",
        "Drawing unemployment insurance benefit",
        "失业后经社保经办机构核定，正在领取失业保险金的期间内。",
        "Unemployed and within the period for which the social-insurance agency pays unemployment benefit.",
    ),
    fact(
        "civil_registration",
        M,
        Kind::Choice {
            choices: choices! {
                "none" => "无", "None";
                "marriage" => "办理结婚登记", "Registering a marriage";
                "divorce" => "办理离婚登记", "Registering a divorce";
                "adoption" => "办理收养登记", "Registering an adoption";
            },
        },
        "family",
        "近期办理婚姻、收养登记",
        "Marriage or adoption registration soon",
        "本人近期在婚姻登记机关办理的登记。",
        "A registration the member is making now or soon at the registry office.",
    ),
    fact(
        "newborn",
        M,
        Bool,
        "health",
        "新生儿",
        "Newborn",
        "刚出生的婴儿。",
        "A baby just born.",
    ),
    fact(
        "childbearing_age",
        M,
        Bool,
        "family",
        "育龄人群",
        "Of childbearing age",
        "处于生育年龄的男女。",
        "A man or woman of an age to have children.",
    ),
    fact(
        "family_planning_support_qualified",
        M,
        Bool,
        "family",
        "符合计划生育扶助政策的其他条件",
        "Meets the other conditions of family-planning support",
        "经卫生健康（计生）部门审核，符合计划生育扶助政策规定的其他条件。",
        "Checked by the health (family-planning) authority as meeting the scheme's other conditions.",
    ),
    fact(
        "urban_other_resident",
        M,
        Bool,
        "family",
        "城镇其他居民（非企业、机关事业单位职工）",
        "Other urban resident (not an enterprise or public-sector employee)",
        "城镇居民中不属于企业职工或机关事业单位工作人员（含退休人员）的，由卫生健康部门认定。",
        "An urban resident who is neither an enterprise employee nor public-sector staff (retired ones included), as recognised by the health authority.",
    ),
    fact(
        "special_hardship_person",
        M,
        Bool,
        "hardship",
        "其他特殊困难人员",
        "Other person in special hardship",
        "低保、特困、低收入以外，经民政部门认定的其他特殊困难人员。",
        "Recognised by civil affairs as in special hardship, beyond 低保, 特困 and low-income groups.",
    ),
    fact(
        "personal_sudden_hardship",
        M,
        Bool,
        "hardship",
        "个人遭遇突发困难且得不到家庭支持",
        "Hit by a sudden hardship without family support",
        "因火灾、交通事故、突发重大疾病或其他特殊困难，暂时无法得到家庭支持，基本生活陷入困境。",
        "Fire, accident, sudden grave illness or another hardship, with no family support for now, left basic living in crisis.",
    ),
    fact(
        "vagrant",
        M,
        Bool,
        "hardship",
        "流浪乞讨、生活无着",
        "Homeless, vagrant or begging, with no means of living",
        "在外流浪、乞讨，无法维持基本生活。",
        "Sleeping rough, wandering or begging, unable to meet basic needs.",
    ),
    fact(
        "needs_long_term_medical",
        M,
        Bool,
        "health",
        "需要常年医疗",
        "Needs medical care all year round",
        "因伤病需要长期、持续的医疗护理。",
        "Needs continuous, long-term medical care because of injury or illness.",
    ),
    fact(
        "lives_alone",
        M,
        Bool,
        "family",
        "独身一人生活",
        "Lives alone, without family",
        "无配偶、子女等家人共同生活。",
        "No spouse, children or other family living with them.",
    ),
    fact(
        "newly_employed_no_home",
        M,
        Bool,
        "housing",
        "新就业无房职工",
        "Newly employed worker without a home",
        "新参加工作、在本地无自有住房的职工。",
        "Recently started work here and owns no home locally.",
    ),
    fact(
        "stable_employment",
        M,
        Bool,
        "work",
        "在城镇稳定就业",
        "Stably employed in town",
        "在城镇有稳定的工作，按当地规定认定。",
        "Has a steady job in town, as recognised under local rules.",
    ),
    fact(
        "school_teacher",
        M,
        Bool,
        "school",
        "幼儿园、中小学或中职学校教师",
        "Teacher at a kindergarten, school or vocational school",
        "在幼儿园、中小学或中等职业学校任教。",
        "Teaches at a kindergarten, primary or secondary school or vocational school.",
    ),
    fact(
        "school_bus",
        M,
        Bool,
        "school",
        "乘坐校车",
        "Rides a school bus",
        "上下学乘坐校车。",
        "Goes to and from school by school bus.",
    ),
    fact(
        "vulnerable_group",
        M,
        Bool,
        "hardship",
        "属于弱势群体",
        "Belongs to a vulnerable group",
        "由司法行政部门或法律服务机构认定的弱势群体成员。",
        "A member of a vulnerable group, as recognised by the justice bureau or the legal-service provider.",
    ),
    fact(
        "marital_status",
        M,
        Kind::Choice {
            choices: choices! {
                "unmarried" => "未婚", "Never married";
                "married" => "已婚", "Married";
                "divorced" => "离婚", "Divorced";
                "widowed" => "丧偶", "Widowed";
            },
        },
        "family",
        "婚姻状况",
        "Marital status",
        "",
        "",
    ),
    fact(
        "fixed_income",
        M,
        Bool,
        "work",
        "有固定收入",
        "Has a fixed income",
        "有工资、养老金等按期稳定取得的收入（亲属接济不算）。",
        "Regular income such as wages or a pension (help from relatives does not count).",
    ),
    fact(
        "private_school_aid_eligible",
        M,
        Bool,
        "school",
        "民办学校学生符合免学费（补助）条件",
        "Private-school student meets the fee-waiver conditions",
        "就读经教育部门依法批准的民办学校，并经学校和教育部门审核符合免学费或学费补助的政策条件。",
        "Attends a private school approved by the education authorities and is confirmed by the school and education bureau as meeting the fee-waiver or fee-subsidy conditions.",
    ),
    // ---- added for yanbian
    fact(
        "university_graduate",
        M,
        Bool,
        "school",
        "高校毕业生",
        "University or college graduate",
        "大学本科、高职（专科）及以上学历毕业。",
        "Graduated from a university or a higher vocational college.",
    ),
    fact(
        "young_professional",
        M,
        Bool,
        "work",
        "青年人才、青年专业技术人员",
        "Young professional (青年人才)",
        "如青年医生、青年教师等专业技术人员，由用人单位或人社部门认定。",
        "E.g. a young doctor or teacher, as recognised by the employer or the human-resources bureau.",
    ),
    fact(
        "pension_age_reached",
        M,
        Bool,
        "work",
        "已达到养老保险待遇领取年龄",
        "Has reached the pension-drawing age",
        "按社保经办机构核定的基本养老保险待遇领取年龄。",
        "The age from which the social-insurance agency pays the basic pension.",
    ),
    fact(
        "public_sector_employee",
        M,
        Bool,
        "work",
        "国家机关或事业单位工作人员",
        "Works for a state organ or public institution",
        "在国家机关、事业单位工作。",
        "Staff of a government body or a public service unit (事业单位).",
    ),
    fact(
        "immunization_key_group",
        M,
        Bool,
        "health",
        "预防接种重点人群",
        "Priority group for vaccination",
        "由卫生健康部门确定需针对性接种疫苗的人群（儿童以外）。",
        "Groups other than young children whom the health authority targets for particular vaccines.",
    ),
    fact(
        "chronic_disease_risk",
        M,
        Bool,
        "health",
        "慢性病高危人群",
        "At high risk of a chronic disease",
        "经医生评估属于高血压、糖尿病等慢性病高危人群。",
        "Assessed by a doctor as at high risk of hypertension, diabetes or a similar chronic disease.",
    ),
    fact(
        "married_childbearing_age",
        M,
        Bool,
        "family",
        "已婚育龄人群",
        "Married and of childbearing age",
        "已婚并处于生育年龄。",
        "Married and of an age to have children.",
    ),
    fact(
        "public_rental_eligible",
        H,
        Bool,
        "housing",
        "符合当地公租房准入条件",
        "Meets the local public-rental-housing entry conditions",
        "收入、住房等条件符合当地公共租赁住房准入规定，由住建部门审核。",
        "Income and housing meet the local public-rental rules, as checked by the housing bureau.",
    ),
    fact(
        "cannot_form_own_household",
        M,
        Bool,
        "hardship",
        "无法单独立户",
        "Cannot register as a separate household",
        "与家人共同生活，户口不能单独立户。",
        "Lives with the family and cannot have a household registration of their own.",
    ),
    fact(
        "poverty_line_year",
        H,
        Kind::Money { max: 1_000_000 },
        "hardship",
        "国家扶贫标准（国定贫困线，每人每年）",
        "National poverty line (per person per year)",
        "扶贫部门公布的当年国家扶贫标准；文件未给出金额时由您填写。",
        "This year's national poverty line published by the poverty-alleviation office; enter it where the document gives no figure.",
    ),
    fact(
        "income_year",
        M,
        Kind::Money { max: 100_000_000 },
        "hardship",
        "本人年收入",
        "Own yearly income",
        "本人上一年度的全部收入，单位：元。",
        "All of the member's own income over the last year, in yuan.",
    ),
    // ---- gates: one household question before the members' own (see `plausible`)
    fact(
        "household_student",
        H,
        Bool,
        "school",
        "家中有人在上学（含幼儿园）",
        "Someone in the household is in education (kindergarten included)",
        "家中是否有人正在上幼儿园、中小学、中职、高中或大学。答“否”后不再逐人询问学段。",
        "Whether anyone attends kindergarten, school, vocational school or university. After “no”, nobody is asked their stage.",
    ),
    fact(
        "household_disability",
        H,
        Bool,
        "disability",
        "家中有人持残疾人证",
        "Someone in the household holds a disability certificate",
        "家中是否有人持有《中华人民共和国残疾人证》。答“否”后不再逐人询问残疾情况。",
        "Whether anyone holds a disability certificate. After “no”, nobody is asked about disability.",
    ),
    fact(
        "household_special_child",
        H,
        Bool,
        "family",
        "家中有孤儿、事实无人抚养或感染艾滋病病毒的儿童",
        "A child in the household is an orphan, without de-facto carers, or living with HIV",
        "未满 18 周岁、父母双亡或事实无人抚养，或感染艾滋病病毒的儿童。答“否”后不再逐人询问。",
        "A child under 18 whose parents have died or who has no one caring for them in fact, or a child living with HIV. After “no”, nobody is asked.",
    ),
    fact(
        "household_family_planning",
        H,
        Bool,
        "family",
        "家中有计划生育家庭或计划生育手术并发症人员",
        "The household includes a family-planning family or someone with sterilisation complications",
        "只生育一个子女或两个女孩、独生子女伤残或死亡，或有人因计划生育手术留下并发症。答“否”后不再逐人询问。",
        "Only one child or only two daughters, an only child disabled or deceased, or someone with complications from a family-planning operation. After “no”, nobody is asked.",
    ),
    fact(
        "household_tekun",
        H,
        Bool,
        "hardship",
        "家中有经民政部门认定的特困人员",
        "Someone in the household is recognised by civil affairs as a 特困 person",
        "特困人员（农村五保、城市三无人员）由民政部门认定。答“否”后不再逐人询问。",
        "特困 people (extreme hardship: no ability to work, no income, no one to support them) are recognised by civil affairs. After “no”, nobody is asked.",
    ),
    // ---- places the documents name that hukou type alone cannot say (issue 20, cause 4)
    fact(
        "county_town_hukou",
        M,
        Bool,
        "hukou",
        "户籍在县城或建制镇",
        "Hukou in a county town or designated town",
        "户口登记在县城或建制镇（不是地级以上城市的市区）。文件所说“农村（含县镇）学生”包括这些学生。",
        "Household registration in a county seat or a designated town (not the urban districts of a prefecture-level city). The documents' “rural (county towns included)” pupils include them.",
    ),
    fact(
        "rural_school",
        M,
        Bool,
        "school",
        "就读学校在农村（乡镇或村，不在县城）",
        "Attends a school in the countryside (a township or village, not the county town)",
        "学校所在地，不看户籍。",
        "Where the school is, whatever the pupil's hukou.",
    ),
    fact(
        "lives_rural",
        H,
        Bool,
        "hukou",
        "家庭住在农村（乡镇或村）",
        "The household lives in the countryside (a township or village)",
        "实际居住地在乡镇或村，不论户籍类型。",
        "Where the household actually lives, whatever its hukou.",
    ),
    // ---- overlapping groups (issue 20, cause 3): a special school is not a stage, a
    // multiple disability holds several types, each with its own grade.
    fact(
        "special_school",
        M,
        Bool,
        "school",
        "在特殊教育学校就读",
        "Attends a special-education school",
        "盲校、聋校、培智学校等特殊教育学校（不含普通学校随班就读）。",
        "A school for blind, deaf or intellectually disabled pupils (not a mainstream class).",
    ),
    fact(
        "multiple_intellectual",
        M,
        Kind::Choice {
            choices: MULTIPLE_PART,
        },
        "disability",
        "多重残疾中的智力残疾",
        "Intellectual disability within the multiple disability",
        "多重残疾的残疾人证分别写明各类残疾及等级。",
        "A multiple-disability certificate lists each type with its grade.",
    ),
    fact(
        "multiple_mental",
        M,
        Kind::Choice {
            choices: MULTIPLE_PART,
        },
        "disability",
        "多重残疾中的精神残疾",
        "Mental (psychosocial) disability within the multiple disability",
        "多重残疾的残疾人证分别写明各类残疾及等级。",
        "A multiple-disability certificate lists each type with its grade.",
    ),
    fact(
        "multiple_physical",
        M,
        Kind::Choice {
            choices: MULTIPLE_PART,
        },
        "disability",
        "多重残疾中的肢体残疾",
        "Physical disability within the multiple disability",
        "多重残疾的残疾人证分别写明各类残疾及等级。",
        "A multiple-disability certificate lists each type with its grade.",
    ),
    fact(
        "multiple_hearing",
        M,
        Kind::Choice {
            choices: MULTIPLE_PART,
        },
        "disability",
        "多重残疾中的听力残疾",
        "Hearing disability within the multiple disability",
        "多重残疾的残疾人证分别写明各类残疾及等级。",
        "A multiple-disability certificate lists each type with its grade.",
    ),
    // ---- body text entitlements (issue 20, cause 8)
    fact(
        "hukou_transferred_to_town",
        H,
        Bool,
        "hukou",
        "户籍制度改革后由农村转为城镇户口（进城落户）",
        "Moved to an urban hukou in town under the hukou reform",
        "原为农村户口，户籍制度改革后到城镇落户。",
        "Formerly a rural hukou, registered in a town after the hukou reform.",
    ),
];

/// One type within a multiple disability: absent, or its grade.
const MULTIPLE_PART: &[Choice] = choices! {
    "none" => "不含此类", "Not included";
    "grade1" => "一级", "Grade 1";
    "grade2" => "二级", "Grade 2";
    "grade3" => "三级", "Grade 3";
    "grade4" => "四级", "Grade 4";
};

/// Looks a fact up by name.
pub fn fact_by_name(name: &str) -> Option<FactId> {
    FACTS
        .iter()
        .position(|f| f.name == name)
        .map(|i| FactId(i as u16))
}

impl FactId {
    /// The fact at `index` in [`FACTS`], if there is one.
    pub fn new(index: usize) -> Option<FactId> {
        (index < FACTS.len())
            .then(|| u16::try_from(index).ok().map(FactId))
            .flatten()
    }
    pub fn info(self) -> &'static FactInfo {
        &FACTS[self.0 as usize]
    }
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Well-known facts the engine itself reads.
pub mod well_known {
    use super::{FactId, fact_by_name};
    use std::sync::OnceLock;
    // Looked up by name once (evaluate reads them on every run).
    pub fn age() -> FactId {
        static ID: OnceLock<FactId> = OnceLock::new();
        *ID.get_or_init(|| fact_by_name("age").expect("age is in FACTS"))
    }
    pub fn household_size() -> FactId {
        static ID: OnceLock<FactId> = OnceLock::new();
        *ID.get_or_init(|| fact_by_name("household_size").expect("household_size is in FACTS"))
    }
}

/// Number of facts.
pub fn fact_count() -> usize {
    FACTS.len()
}

impl FactInfo {
    /// Whether `household_size` etc. is computed rather than asked.
    pub fn is_derived(&self) -> bool {
        self.derived || self.name == "household_size"
    }

    /// Finds a choice's index by code.
    pub fn choice(&self, code: &str) -> Option<u8> {
        match &self.kind {
            Kind::Choice { choices } => {
                choices.iter().position(|c| c.code == code).map(|i| i as u8)
            }
            _ => None,
        }
    }

    /// Checks a value fits the fact's kind and bounds; the message names the problem.
    pub fn check(&self, v: Value) -> Result<(), String> {
        match (&self.kind, v) {
            (Kind::Bool, Value::Bool(_)) => Ok(()),
            (Kind::Int { min, max, .. }, Value::Int(i)) => {
                if (*min..=*max).contains(&i) {
                    Ok(())
                } else {
                    Err(format!("{i} is outside {min}–{max}"))
                }
            }
            (Kind::Money { max }, Value::Money(m)) => {
                if m.is_sign_negative() {
                    Err(format!("{m} is negative"))
                } else if m > Decimal::from(*max) {
                    Err(format!("{m} is more than {max}"))
                } else {
                    Ok(())
                }
            }
            (Kind::Choice { choices }, Value::Choice(i)) if (i as usize) < choices.len() => Ok(()),
            _ => Err("wrong type".into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_snake_case() {
        let mut seen = std::collections::HashSet::new();
        for f in FACTS {
            assert!(seen.insert(f.name), "duplicate fact {}", f.name);
            assert!(
                f.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{} is not snake_case",
                f.name
            );
            assert!(
                !f.zh.is_empty() && !f.en.is_empty(),
                "{} lacks a label",
                f.name
            );
        }
    }

    #[test]
    fn check_enforces_bounds() {
        let age = well_known::age().info();
        assert!(age.check(Value::Int(85)).is_ok());
        assert!(age.check(Value::Int(-1)).is_err());
        assert!(age.check(Value::Int(131)).is_err());
        assert!(age.check(Value::Bool(true)).is_err());
    }
}
