//! Every fixed string the app and the CLI table show, in one table: Chinese first,
//! English second. A message with numbers or names in it carries them, so its words in
//! both languages stay side by side here, not spread over the components.

use super::words::count_en;
use crate::domain::Lang;
use std::borrow::Cow;

/// A message of the app or the CLI table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    // The page.
    SkipToResults,
    Title,
    OtherLanguage,
    Privacy,
    CatalogFailed,
    YourHousehold,
    EstimateRegion,
    Tools,
    LargeText,
    PrintSummary,
    ShareLink,
    ClearAll,
    Dismiss,
    Undo,
    // The form.
    Region,
    Household,
    AddMember,
    Remove,
    NotAnswered,
    DontKnow,
    Yes,
    No,
    Yuan,
    ShowFewerQuestions,
    /// How many optional questions are folded away.
    MoreQuestions(usize),
    /// A member's card: "成员 2" / "Member 2".
    MemberTitle(usize),
    /// The remove button's label for screen readers.
    RemoveMember(usize),
    /// A typed answer refused: the domain's reason follows.
    NotUsed(String),
    // The results.
    CashBenefits,
    AYear,
    AboutMonthly(String),
    OneOff,
    WaivedBesides,
    DatedNote,
    InKind(u32),
    /// Benefits whose amount still needs answers.
    CashPending(u32),
    /// What undecided benefits could add: how many, the largest per year.
    Possible {
        count: usize,
        largest: String,
    },
    /// Fees waived per year, and one-off.
    WaivedLine {
        year: String,
        once: Option<String>,
    },
    YouCanGet,
    NothingYet,
    /// The universal services' heading, with their count.
    Universal(usize),
    /// A document's title and years; `dated` when its period has ended.
    DocumentYears {
        title: String,
        from: i32,
        to: i32,
    },
    PeriodEnded,
    Everyone,
    /// "成员 2" / "member 2" / "全家" / "household".
    Who(Option<usize>),
    /// "成员 2 的" / "member 2's": whose fact a near miss changes.
    Whose(Option<usize>),
    /// A near miss: whose, what change, which rule, the amount if known.
    NearMiss {
        whose: String,
        change: String,
        name: String,
        amount: Option<String>,
    },
    NearlyThere,
    MayApply,
    Answer,
    YouSaidDontKnow,
    ListSeparator,
    ShowFewer,
    ShowAll(usize),
    /// The compact total bar: yearly cash and the benefits count.
    TotalBar {
        year: String,
        eligible: u32,
    },
    SeeResults,
    AmountNeedsAnswers,
    AmountLocalStandard,
    AmountSetByDepartment,
    // The why panel.
    Conditions,
    Met,
    Unmet,
    Unknown,
    Amount,
    WhoItIsFor,
    WhatItIs,
    LeadDepartment,
    WhoPays,
    Source,
    /// "文件，第 3 项（第 10–12 行）".
    Cited {
        document: String,
        item: String,
        lines: (u32, u32),
    },
    StandardFor {
        from: i32,
        to: i32,
    },
    /// "河北省，第 3 项": the region and item a printed result cites.
    RegionItem {
        region: String,
        item: String,
    },
    // Comparison.
    Compare,
    CompareRegion,
    NoComparison,
    ServicesInKind,
    AboutMonth,
    OneOffShort,
    // Share.
    ShareWarning,
    MakeLink,
    Link,
    CopyLink,
    Copied,
    CopyFailed,
    // Print.
    SummaryTitle,
    /// "地区：…；测算日期：…".
    PrintRegion {
        region: String,
        date: String,
    },
    PrintHousehold(String),
    PrintMember {
        index: usize,
        answers: String,
    },
    AnswerSeparator,
    /// "年龄：70" / "Age: 70".
    Labelled {
        label: &'static str,
        value: String,
    },
    // Counter settings.
    CounterSettings,
    CounterIntro,
    DeployedBy,
    Figure,
    Value,
    Year,
    SourceOfFigure,
    NotSet,
    Save,
    ClearCounter,
    BackToEstimate,
    ImportFile,
    Import,
    SiteSets(String),
    EnteredWins,
    FigureYear(&'static str, &'static str),
    FigureSource(&'static str, &'static str),
    // The CLI table.
    CashPerYear,
    ServicesInKindCount,
    Eligible,
    NeedsAnswers,
    AmountPending,
    UniversalCount(usize),
    DatedDocument,
    WaivedPerYear,
    FeesWaived,
    HouseholdShort,
    NearlyThereTable,
    SettingsValid,
    // Notices.
    SessionDamaged,
    /// Some saved answers could not be read: how many, which (a short list).
    SessionPartly {
        dropped: usize,
        list: String,
    },
    LinkApplied,
    /// A region's rules are being fetched (its name in each language).
    RulesLoading {
        zh: String,
        en: String,
    },
    /// A region's rules could not be fetched: offline with no copy kept, or a file that
    /// is not what this build made (`detail`, for the site's administrator).
    RulesFailed {
        zh: String,
        en: String,
        offline: bool,
        detail: String,
    },
    Retry,
    /// A shared link that could not be opened, with the domain's reason in both languages.
    LinkBroken {
        zh: String,
        en: String,
    },
    ClearedAll,
    ClearUndone,
    /// A settings file that cannot be used: where it is, why in both languages.
    SettingsUnusable {
        url: String,
        zh: String,
        en: String,
    },
    SavedHere,
    CannotSave,
    /// Counter settings refused, with the domain's reason in both languages.
    NotSaved {
        zh: String,
        en: String,
    },
    // Take home and verify (issue 23).
    ShareAddress,
    /// Between two documents in a line: "；" / "; ".
    DocumentSeparator,
    QrLabel,
    QrNeedsAddress,
    QrTooLong,
    /// "结果码 K7QM-…".
    ResultCode(String),
    /// The rule set's label and its documents.
    RuleSet {
        label: String,
        documents: String,
    },
    VerifyTitle,
    VerifyCode,
    VerifyPrintedTotal,
    VerifyButton,
    /// The code matches: made on `date`.
    VerifyMatches(String),
    VerifyOtherRules,
    VerifyOtherAnswers,
    VerifyOtherTotals,
    /// The printed cash total is not the computed one.
    VerifyPrintedDiffers {
        printed: String,
        computed: String,
    },
    /// What the answers give on the code's date.
    VerifyComputed {
        date: String,
        year: String,
    },
    VerifyWhatItProves,
    /// A code or amount that cannot be read, with the domain's reason in both languages.
    VerifyRefused {
        zh: String,
        en: String,
    },
    // What would change (issue 23).
    IncomeTitle,
    /// The curve's range: from 0 to `end` yuan a month per head.
    IncomeIntro(String),
    IncomeDibao,
    /// Figures the thresholds need that nobody gave.
    IncomeNeeds(String),
    /// A cliff: at `at` yuan, what changes, and the yearly cash before → after.
    IncomeCliff {
        at: String,
        what: String,
        before: String,
        after: String,
    },
    /// "失去“低保”" / "gains …" / "“…” becomes undecided".
    Loses(String),
    Gains(String),
    Undecided(String),
    IncomePerHead,
    /// Marks the household's own income per head in the table.
    Now,
    OverTimeTitle,
    OverTimeIntro,
    OverTimeNothing,
    CalendarYear,
    /// "2029 年：成员 1 满 90 岁，高龄补贴 120 → 140 元/月".
    AgeStep {
        year: i32,
        who: String,
        age: Option<i64>,
        what: String,
    },
    /// "120 元/月" / "¥120 a month".
    PerMonthAmount(String),
    PerYearAmount(String),
    /// Between whose and what: "成员 1：" / "member 1: ".
    WhoSeparator,
    /// "120 → 140 元/月".
    Changed {
        name: String,
        before: String,
        after: String,
    },
}

impl Msg {
    /// The message in `lang`.
    pub fn get(&self, lang: Lang) -> Cow<'static, str> {
        let (zh, en) = self.both();
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The message in both languages.
    pub fn both(&self) -> (Cow<'static, str>, Cow<'static, str>) {
        use Msg::*;
        let s = |zh: &'static str, en: &'static str| (Cow::Borrowed(zh), Cow::Borrowed(en));
        let f = |zh: String, en: String| (Cow::Owned(zh), Cow::Owned(en));
        match self {
            SkipToResults => s("跳到测算结果", "Skip to the results"),
            Title => s("基本公共服务测算", "Basic public services estimator"),
            OtherLanguage => s("English", "中文"),
            Privacy => s(
                "全部在本机计算，您填写的信息不会离开浏览器。",
                "Everything is computed on this device; what you enter never leaves the browser.",
            ),
            CatalogFailed => s("规则库无法加载。", "The rule catalog failed to load."),
            YourHousehold => s("填写家庭情况", "Your household"),
            EstimateRegion => s("测算结果", "Estimate"),
            Tools => s("工具", "Tools"),
            LargeText => s("大字模式", "Large text"),
            PrintSummary => s("打印摘要", "Print summary"),
            ShareLink => s("分享链接", "Share link"),
            ClearAll => s("清除全部", "Clear all"),
            Dismiss => s("知道了", "Dismiss"),
            Undo => s("撤销", "Undo"),
            Region => s("地区", "Region"),
            Household => s("家庭情况", "Household"),
            AddMember => s("＋ 添加家庭成员", "+ Add a member"),
            Remove => s("删除", "Remove"),
            NotAnswered => s("未填", "Not answered"),
            DontKnow => s("不清楚", "Don't know"),
            Yes => s("是", "Yes"),
            No => s("否", "No"),
            Yuan => s("元", "yuan"),
            ShowFewerQuestions => s(
                "只显示影响金额的问题",
                "Show only the questions that change an amount",
            ),
            MoreQuestions(n) => f(
                format!("更多服务：还有 {n} 个可选问题"),
                format!(
                    "More services: {}",
                    count_en(*n as u32, "optional question", "optional questions")
                ),
            ),
            MemberTitle(i) => f(format!("成员 {}", i + 1), format!("Member {}", i + 1)),
            RemoveMember(i) => f(
                format!("删除成员 {}", i + 1),
                format!("Remove member {}", i + 1),
            ),
            NotUsed(why) => f(format!("无效（未采用）：{why}"), format!("Not used: {why}")),
            CashBenefits => s("现金补贴合计", "Cash benefits"),
            AYear => s(" / 年", " a year"),
            AboutMonthly(m) => f(format!("（约每月 {m}）"), format!("（about {m}）")),
            OneOff => s("一次性补贴：", "One-off: "),
            WaivedBesides => s(
                "另有减免费用（不是现金）：",
                "Fees waived besides (not cash): ",
            ),
            DatedNote => s(
                "注意：所依据的文件已过适用期，按其最后标准估算。",
                "Note: the documents' period has ended; their last amounts are used.",
            ),
            InKind(n) => s(
                " 项免费或优惠服务",
                if *n == 1 {
                    " service in kind"
                } else {
                    " services in kind"
                },
            ),
            CashPending(n) => f(
                format!("{n} 项补贴的金额还需补充信息"),
                format!(
                    "{} {} more answers for the amount",
                    count_en(*n, "benefit", "benefits"),
                    if *n == 1 { "needs" } else { "need" }
                ),
            ),
            Possible { count, largest } => f(
                format!("{count} 项补贴还待回答问题确定，其中单项最多每年 {largest}"),
                format!(
                    "{} still to be decided by your answers; the largest is up to {largest} a year",
                    count_en(*count as u32, "benefit", "benefits")
                ),
            ),
            WaivedLine { year, once: None } => f(format!("每年 {year}"), format!("{year} a year")),
            WaivedLine {
                year,
                once: Some(o),
            } => f(
                format!("每年 {year}，一次性 {o}"),
                format!("{year} a year, {o} once"),
            ),
            YouCanGet => s("可以享受", "You can get"),
            NothingYet => s(
                "暂无针对性的补贴或服务。请填写左侧信息。",
                "Nothing targeted yet. Fill in the questions.",
            ),
            Universal(n) => f(
                format!("面向全体城乡居民的服务（{n} 项）"),
                format!("Services open to every resident ({n})"),
            ),
            DocumentYears { title, from, to } => f(
                format!("{title}：标准适用于 {from}–{to} 年"),
                format!("{title} — standard for {from}–{to}"),
            ),
            PeriodEnded => s(
                "（已过适用期，按最后标准估算）",
                " (period ended: its last amounts are used)",
            ),
            Everyone => s("每位成员", "everyone"),
            Who(Some(i)) => f(format!("成员 {}", i + 1), format!("member {}", i + 1)),
            Who(None) => s("全家", "household"),
            Whose(Some(i)) => f(format!("成员 {} 的", i + 1), format!("member {}'s", i + 1)),
            Whose(None) => s("家庭的", "the household's"),
            NearMiss {
                whose,
                change,
                name,
                amount,
            } => {
                let zh_amount = amount
                    .as_ref()
                    .map(|c| format!("：{c}"))
                    .unwrap_or_default();
                let en_amount = amount
                    .as_ref()
                    .map(|c| format!(": {c}"))
                    .unwrap_or_default();
                f(
                    format!("如果{whose}{change}，还可以享受“{name}”{zh_amount}"),
                    format!(
                        "If {whose} {}, you would also get “{name}”{en_amount}",
                        lower_first(change)
                    ),
                )
            }
            NearlyThere => s("差一点就能享受", "Nearly there"),
            MayApply => s(
                "可能可以享受——回答这些问题即可确定",
                "May apply — answer these questions to decide",
            ),
            Answer => s("需要回答：", "Answer: "),
            YouSaidDontKnow => s("您选了不清楚", "you said you don't know"),
            ListSeparator => s("、", ", "),
            ShowFewer => s("收起", "Show fewer"),
            ShowAll(n) => f(format!("显示全部 {n} 项"), format!("Show all {n}")),
            TotalBar { year, eligible } => f(
                format!("现金补贴每年 {year} · 可享受 {eligible} 项"),
                format!(
                    "Cash {year} a year · {} you can get",
                    count_en(*eligible, "benefit", "benefits")
                ),
            ),
            SeeResults => s("看结果", "See results"),
            AmountNeedsAnswers => s("金额待补充信息", "amount needs more answers"),
            AmountLocalStandard => s(
                "金额按当地标准，由办理机构核定",
                "amount follows a local standard the office applies",
            ),
            AmountSetByDepartment => s("金额由主管部门核定", "amount set by the department"),
            Conditions => s("条件", "Conditions"),
            Met => s("符合：", "met: "),
            Unmet => s("不符合：", "not met: "),
            Unknown => s("未知：", "unknown: "),
            Amount => s("金额：", "Amount: "),
            WhoItIsFor => s("服务对象", "Who it is for"),
            WhatItIs => s("服务内容", "What it is"),
            LeadDepartment => s("牵头负责单位", "Lead department"),
            WhoPays => s("支出责任", "Who pays"),
            Source => s("出处", "Source"),
            Cited {
                document,
                item,
                lines: (a, b),
            } => f(
                format!("{document}，第 {item} 项（第 {a}–{b} 行）"),
                format!("{document}, item {item} (lines {a}–{b})"),
            ),
            StandardFor { from, to } => f(
                format!("；标准适用于 {from}–{to}"),
                format!("; standard for {from}–{to}"),
            ),
            RegionItem { region, item } => f(
                format!("{region}，第 {item} 项"),
                format!("{region}, item {item}"),
            ),
            Compare => s("与另一地区对比", "Compare with another region"),
            CompareRegion => s("对比地区", "Region to compare"),
            NoComparison => s("不对比", "No comparison"),
            ServicesInKind => s("项免费或优惠服务", "services in kind"),
            AboutMonth => s("约每月 ", "about a month: "),
            OneOffShort => s("一次性：", "One-off: "),
            ShareWarning => s(
                "链接里包含您填写的全部信息（年龄、收入、残疾、低保等）。任何拿到链接的人都能看到这些信息。链接内容只在浏览器中读取，不会发送到任何服务器。",
                "The link contains everything you entered (ages, income, disability, 低保 status…). Anyone who gets the link can read it. Its content is read in the browser only and never sent to any server.",
            ),
            MakeLink => s("我明白，生成链接", "I understand: make the link"),
            Link => s("分享链接", "Link"),
            CopyLink => s("复制链接", "Copy link"),
            Copied => s("已复制。", "Copied."),
            CopyFailed => s(
                "无法自动复制，请选中上面的链接手动复制。",
                "Could not copy: select the link above and copy it.",
            ),
            SummaryTitle => s(
                "测算摘要（仅供参考，以主管部门认定为准）",
                "Estimate summary (for reference; the departments decide)",
            ),
            PrintRegion { region, date } => f(
                format!("地区：{region}；测算日期：{date}"),
                format!("Region: {region}; estimated on {date}"),
            ),
            PrintHousehold(a) => f(format!("家庭：{a}"), format!("Household: {a}")),
            PrintMember { index, answers } if answers.is_empty() => f(
                format!("成员 {}：未填写", index + 1),
                format!("Member {}: nothing entered", index + 1),
            ),
            PrintMember { index, answers } => f(
                format!("成员 {}：{answers}", index + 1),
                format!("Member {}: {answers}", index + 1),
            ),
            AnswerSeparator => s("；", "; "),
            Labelled { label, value } => {
                f(format!("{label}：{value}"), format!("{label}: {value}"))
            }
            CounterSettings => s("柜台设置", "Counter settings"),
            CounterIntro => s(
                "供政务服务窗口工作人员使用：填写本窗口所在地、居民通常不知道的标准（低保标准、最低工资等），以后在本浏览器中测算时不再询问居民，并在结果中注明“按本站设定”。只保存这些设置，不保存任何居民信息；居民自己填写的数值优先。",
                "For counter staff: enter the local figures residents usually do not know (低保 standard, minimum wage…). Estimates in this browser then stop asking residents for them and mark the amounts “set by this site”. Only these settings are saved, never anything about a resident; a resident's own answer still wins.",
            ),
            DeployedBy => s(
                "部署单位（如：海东市平安区政务服务中心）",
                "Deployed by (e.g. 海东市平安区政务服务中心)",
            ),
            Figure => s("项目", "Figure"),
            Value => s("数值", "Value"),
            Year => s("适用年份", "Year"),
            SourceOfFigure => s("来源（文件、通知）", "Source (document, notice)"),
            NotSet => s("不设定", "Not set"),
            Save => s("保存", "Save"),
            ClearCounter => s("清除本机设置", "Clear this browser's settings"),
            BackToEstimate => s("返回测算", "Back to the estimate"),
            ImportFile => s(
                "导入设置文件（粘贴 settings.json 的内容）",
                "Import a settings file (paste the content of settings.json)",
            ),
            Import => s("导入", "Import"),
            SiteSets(d) => f(
                format!("本站设置文件（{d}）为本地区设定："),
                format!("The site's settings file ({d}) sets for this region:"),
            ),
            EnteredWins => s(
                "下面填写的数值优先于它。",
                "Figures entered below take precedence over it.",
            ),
            FigureYear(zh, en) => f(format!("{zh}：适用年份"), format!("{en}: year")),
            FigureSource(zh, en) => f(format!("{zh}：来源"), format!("{en}: source")),
            CashPerYear => s("每年现金", "Cash per year"),
            ServicesInKindCount => s("项服务", "services in kind"),
            Eligible => s("可享受", "Eligible"),
            NeedsAnswers => s("需补充信息", "Needs answers"),
            AmountPending => s("（金额待定）", "(amount needs answers)"),
            UniversalCount(n) => f(
                format!("{n} 项面向全体居民的服务"),
                format!("{n} services open to all residents"),
            ),
            DatedDocument => s(
                "  【标准已过期限，按其最后标准估算】",
                "  [dated: the standard's period has ended; its last amounts are used]",
            ),
            WaivedPerYear => s("每年减免费用（非现金）", "Fees waived per year (not cash)"),
            FeesWaived => s("减免 ", "fees waived: "),
            HouseholdShort => s("家庭", "household"),
            SettingsValid => s("设置有效", "settings are valid"),
            SessionDamaged => s(
                "上次填写的信息已损坏，无法恢复。",
                "What was entered earlier is damaged and could not be restored.",
            ),
            SessionPartly { dropped, list } => f(
                format!(
                    "上次填写的信息中有 {dropped} 项本版本无法读取，已略去（{list}），其余已恢复。"
                ),
                format!(
                    "{dropped} of the answers saved earlier could not be read by this version and were left out ({list}); the rest is back."
                ),
            ),
            LinkApplied => s(
                "已按分享链接填入家庭信息。",
                "The household from the shared link is filled in.",
            ),
            RulesLoading { zh, en } => f(
                format!("正在载入{zh}的政策规则…"),
                format!("Loading the rules of {en}…"),
            ),
            RulesFailed {
                zh,
                en,
                offline: true,
                ..
            } => f(
                format!(
                    "无法载入{zh}的政策规则：网络不可用，本机也没有保存的副本。请联网后重试。您已填写的信息没有改变。"
                ),
                format!(
                    "The rules of {en} could not be loaded: there is no network and no copy on this device. Retry once online. Nothing you entered has changed."
                ),
            ),
            RulesFailed { zh, en, detail, .. } => f(
                format!(
                    "无法载入{zh}的政策规则：网站上的文件有误（{detail}）。请稍后重试或告知网站管理员。您已填写的信息没有改变。"
                ),
                format!(
                    "The rules of {en} could not be loaded: the site's file is wrong ({detail}). Retry later or tell the site's administrator. Nothing you entered has changed."
                ),
            ),
            Retry => s("重试", "Retry"),
            LinkBroken { zh, en } => f(
                format!("无法打开分享链接：{zh}。您已填写的信息没有改变。"),
                format!(
                    "The shared link could not be opened: {en}. Nothing you entered has changed."
                ),
            ),
            ClearedAll => s(
                "已清除您填写的全部信息。",
                "Everything you entered has been cleared.",
            ),
            ClearUndone => s("已恢复清除前填写的信息。", "What you had entered is back."),
            SettingsUnusable { url, zh, en } => f(
                format!("本站设置 {url} 有误，测算未使用它（请告知网站管理员）：{zh}"),
                format!(
                    "The site's settings {url} cannot be used, so the estimate runs without them (please tell the site's administrator): {en}"
                ),
            ),
            SavedHere => s("已保存在本浏览器中。", "Saved in this browser."),
            CannotSave => s(
                "本浏览器不允许保存（localStorage 不可用），设置只在本页有效。",
                "This browser does not allow saving (no localStorage): the settings last only while this page is open.",
            ),
            NotSaved { zh, en } => f(format!("未保存：{zh}"), format!("Not saved: {en}")),
            DocumentSeparator => s("；", "; "),
            ShareAddress => s(
                "本估算器的公开网址（用于分享链接和二维码，可不填）",
                "The estimator's public address (for share links and QR codes; optional)",
            ),
            QrLabel => s(
                "用手机扫码，打开同一份测算（二维码里含有您填写的家庭信息）",
                "Scan with a phone to open the same estimate (the code holds the household you entered)",
            ),
            QrNeedsAddress => s(
                "本页是从本机文件打开的，手机无法打开它的网址，所以不提供二维码。网站管理员可在设置中填写本估算器的公开网址（share_base_url）。",
                "This page was opened from a file on this computer, whose address no phone can open, so no QR code is offered. The site's administrator can set the estimator's public address (share_base_url) in its settings.",
            ),
            QrTooLong => s(
                "家庭信息太多，放不进一个二维码，请使用上面的链接。",
                "The household is too large for one QR code: use the link above.",
            ),
            ResultCode(code) => f(format!("结果码 {code}"), format!("Result code {code}")),
            RuleSet { label, documents } => f(
                format!("规则版本 {label}：{documents}"),
                format!("Rule set {label}: {documents}"),
            ),
            VerifyTitle => s("核对打印的测算", "Check a printed estimate"),
            VerifyCode => s("打印件上的结果码", "Result code on the paper"),
            VerifyPrintedTotal => s(
                "打印件上的每年现金合计（元，可不填）",
                "Cash per year on the paper (yuan, optional)",
            ),
            VerifyButton => s("核对", "Check"),
            VerifyMatches(date) => f(
                format!("一致：这是本工具按这些家庭情况在 {date} 算出的结果。"),
                format!("Matches: this tool computed it from these answers on {date}."),
            ),
            VerifyOtherRules => s(
                "不一致：打印件用的是另一版规则。",
                "Differs: the paper was made with another version of the rules.",
            ),
            VerifyOtherAnswers => s(
                "不一致：这些家庭情况不是打印件所依据的。",
                "Differs: these answers are not the ones the paper was made from.",
            ),
            VerifyOtherTotals => s(
                "不一致：规则、日期和家庭情况都相同，金额却不同——当地数值（站点设置）不同，或结果码被改动。",
                "Differs: same rules, date and household, other totals — the local figures (site settings) differed, or the code was altered.",
            ),
            VerifyPrintedDiffers { printed, computed } => f(
                format!(
                    "打印件上的每年现金 {printed}与计算所得 {computed}不一致：打印件可能被改动。"
                ),
                format!(
                    "The paper's cash per year, {printed}, is not the computed {computed}: the paper may have been altered."
                ),
            ),
            VerifyComputed { date, year } => f(
                format!("按这些家庭情况，{date} 的测算为每年现金 {year}。"),
                format!("From these answers, the estimate on {date} is {year} of cash a year."),
            ),
            VerifyWhatItProves => s(
                "结果码是校验码，不是签章：它能说明打印件是否为本工具按这些情况算出的结果，不能说明是哪个部门出具的，也不能代替部门的审核。",
                "The result code is a checksum, not a signature: it shows whether the paper is what this tool computes from these answers, not which office issued it, and it does not replace the departments' decision.",
            ),
            VerifyRefused { zh, en } => f(format!("无法核对：{zh}"), format!("Cannot check: {en}")),
            IncomeTitle => s("收入变化时", "If the income changes"),
            IncomeIntro(end) => f(
                format!(
                    "家庭月人均收入从 0 到 {end} 时，每年现金合计的变化（每个收入门槛都重新测算）。"
                ),
                format!(
                    "The household's cash per year as its monthly income per head runs from 0 to {end} (re-estimated at every income threshold)."
                ),
            ),
            IncomeDibao => s(
                "您家已领低保：图中按收入判断能否继续领取（家庭财产按已核准处理）。",
                "Your household receives 低保: here whether it keeps it is decided by income (its assets as already accepted).",
            ),
            IncomeNeeds(list) => f(
                format!("还不知道这些数值，所以有的收入门槛标不出来：{list}"),
                format!(
                    "These figures are not known yet, so some income thresholds cannot be placed: {list}"
                ),
            ),
            IncomeCliff {
                at,
                what,
                before,
                after,
            } => f(
                format!("月人均收入达到 {at}：{what}（每年现金 {before} → {after}）"),
                format!("From {at} a month per head: {what} (cash a year {before} → {after})"),
            ),
            Loses(name) => f(format!("失去“{name}”"), format!("loses “{name}”")),
            Gains(name) => f(format!("获得“{name}”"), format!("gains “{name}”")),
            Undecided(name) => f(
                format!("“{name}”需要补充信息才能确定"),
                format!("“{name}” needs more answers to decide"),
            ),
            IncomePerHead => s("月人均收入", "Income a month per head"),
            Now => s("（目前）", " (now)"),
            OverTimeTitle => s("今后十年", "The next ten years"),
            OverTimeIntro => s(
                "只有年龄在变：其他情况按现在填写的计算；与年龄不再相符的回答（如 36 岁仍在读）不再采用。",
                "Only ages move: everything else is as entered now; an answer that no longer fits the age (in school at 36) is no longer used.",
            ),
            OverTimeNothing => s(
                "今后十年，仅因年龄变化不会有变化。",
                "Over the next ten years, age alone changes nothing.",
            ),
            CalendarYear => s("年份", "Year"),
            PerMonthAmount(m) => f(format!("{m}/月"), format!("{m} a month")),
            PerYearAmount(m) => f(format!("{m}/年"), format!("{m} a year")),
            WhoSeparator => s("：", ": "),
            AgeStep {
                year,
                who,
                age,
                what,
            } => match age {
                Some(a) => f(
                    format!("{year} 年：{who} 满 {a} 岁，{what}"),
                    format!("{year}: {who} turns {a}; {what}"),
                ),
                None => f(
                    format!("{year} 年：{who}，{what}"),
                    format!("{year}: {who}; {what}"),
                ),
            },
            Changed {
                name,
                before,
                after,
            } => f(
                format!("“{name}” {before} → {after}"),
                format!("“{name}” {before} → {after}"),
            ),
            NearlyThereTable => s("差一点就能享受", "Near misses"),
        }
    }
}

/// "Age reaches 80" → "age reaches 80", to follow "If member 2's".
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_in_english_and_numbers_stay_in_both() {
        assert_eq!(
            Msg::MoreQuestions(1).get(Lang::En),
            "More services: 1 optional question"
        );
        assert_eq!(
            Msg::MoreQuestions(3).get(Lang::Zh),
            "更多服务：还有 3 个可选问题"
        );
        assert_eq!(Msg::InKind(1).get(Lang::En), " service in kind");
        assert_eq!(
            Msg::CashPending(2).get(Lang::En),
            "2 benefits need more answers for the amount"
        );
        assert_eq!(Msg::Who(Some(1)).get(Lang::Zh), "成员 2");
        let n = Msg::NearMiss {
            whose: "member 1's".into(),
            change: "Age reaches 80".into(),
            name: "高龄津贴".into(),
            amount: None,
        };
        assert_eq!(
            n.get(Lang::En),
            "If member 1's age reaches 80, you would also get “高龄津贴”"
        );
    }
}
