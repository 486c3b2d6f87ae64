// ---- Types of the JavaScript API (src/js_api.rs, src/js_api.d.ts). -----------------
// Every function returns an ApiResult and never throws. The JSON is the CLI's.

/** Yuan as an exact decimal string, e.g. "1250" or "104.17". Never a float. */
export type Money = string;

/** A calendar date, "YYYY-MM-DD". */
export type IsoDate = string;

/** Chinese and English text (quotes of the documents stay Chinese in both). */
export interface Text {
  zh: string;
  en: string;
}

/** What every function returns: the value, or an error naming the field. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export type ApiErrorCode =
  | "syntax"
  | "invalid_household"
  | "unknown_region"
  | "bad_date"
  | "unknown_field"
  | "too_large"
  | "not_json"
  | "catalog"
  | "invalid_settings";

export interface ApiError {
  code: ApiErrorCode;
  /** JSON path of the field, e.g. "members[1].age"; "" is the request as a whole; null only for "catalog". */
  path: string | null;
  message_zh: string;
  message_en: string;
}

/**
 * A household to estimate: what `estimate` and `questions` take (or the same as JSON text).
 * Leave out what is not known: an unanswered fact is unknown, never "no".
 */
export interface Household {
  /** A region id from `regions()`, e.g. "hebei". */
  region: string;
  /** The day to evaluate on; default today. */
  date?: IsoDate | null;
  household?: HouseholdFacts | null;
  /** 1 to 30 members, the applicant first. */
  members: Member[];
}

// <generated facts> by `UPDATE_TS=1 cargo test --test js_types` from FACTS in src/domain/facts.rs
/** 一位家庭成员的情况 · Facts about one member. Leave out or null what is not known. */
export interface Member {
  /** 与申请人关系 · Relation to the applicant. How this member is related to the person filling in the form. */
  relation?: "self" | "spouse" | "child" | "parent" | "grandparent" | "grandchild" | "sibling" | "other" | null;
  /** 年龄 · Age (whole number 0–130). Age in full years, from the ID card's date of birth. */
  age?: number | null;
  /** 性别 · Sex. */
  sex?: "female" | "male" | null;
  /** 本地户籍 · Local hukou. Household registration (hukou) is in this city or county. */
  hukou_local?: boolean | null;
  /** 户籍类型 · Hukou type. Urban or rural, as in the household register. */
  hukou_type?: "urban" | "rural" | null;
  /** 持有本地居住证 · Holds a local residence permit. The residence permit non-local residents obtain here. */
  residence_permit?: boolean | null;
  /** 流动人口 · Migrant (lives away from hukou place). Lives in a county other than that of the hukou. */
  migrant?: boolean | null;
  /** 持有残疾人证 · Holds a disability certificate. The national disability certificate (第二代残疾人证). */
  disability_certificate?: boolean | null;
  /** 残疾等级 · Disability grade (whole number 1–4). Grade on the certificate: 1 is the most severe, 4 the mildest; grades 1–2 are 'severe'. */
  disability_grade?: number | null;
  /** 残疾类别 · Type of disability. The type shown on the certificate. */
  disability_type?: "visual" | "hearing" | "speech" | "physical" | "intellectual" | "mental" | "multiple" | null;
  /** 有康复需求 · Needs rehabilitation. Assessed as needing rehabilitation or assistive devices. */
  needs_rehabilitation?: boolean | null;
  /** 在读学段 · Stage of education. The stage the member is at now; a pupil of a special-education school picks the stage (e.g. primary, junior). */
  student_stage?: "none" | "nursery" | "preschool" | "primary" | "junior" | "senior" | "vocational" | "higher" | null;
  /** 中职年级 · Vocational school year (whole number 1–3). Year 1, 2 or 3 at the secondary vocational school. */
  vocational_year?: number | null;
  /** 涉农专业 · Agriculture-related major. The vocational major is agriculture-related. */
  agri_major?: boolean | null;
  /** 寄宿生 · Boards at school. Lives at school during term. */
  boarding?: boolean | null;
  /** 公办学校（园） · Public school. Attends a public (state) school; choose 'no' for a private one. */
  public_school?: boolean | null;
  /** 普惠性幼儿园 · Inclusive (普惠性) kindergarten. A kindergarten approved as 'inclusive' (low-fee) by the county education bureau or above. */
  inclusive_kindergarten?: boolean | null;
  /** 每年实际在校天数 · Days at school per year (whole number 0–366). Used for per-day subsidies such as school meals. */
  school_days?: number | null;
  /** 全日制正式学籍 · Full-time registered student. Holds a full-time official student record. */
  full_time_registered?: boolean | null;
  /** 艺术类表演专业 · Performing-arts major. A performing-arts major at vocational school. */
  art_performance_major?: boolean | null;
  /** 就业状况 · Work status. What the member does for a living now. */
  employment?: "employed" | "self_employed" | "flexible" | "registered_unemployed" | "job_seeker" | "farmer" | "retired" | "not_working" | null;
  /** 有就业需求 · Wants a job or a better one. Wants to find work or change jobs. */
  wants_job?: boolean | null;
  /** 有创业需求 · Wants to start a business. */
  wants_business?: boolean | null;
  /** 有职业培训意愿 · Wants vocational training. */
  wants_training?: boolean | null;
  /** 离校一年内未就业高校毕业生 · University graduate, unemployed, within a year of leaving. Left university less than a year ago and has no job yet. */
  graduate_within_year?: boolean | null;
  /** 就业困难人员 · Recognised as having difficulty finding work. Recognised by the human-resources bureau (e.g. older, disabled, long-term unemployed). */
  employment_difficulty?: boolean | null;
  /** 农村转移就业劳动者（农民工） · Rural migrant worker. Rural hukou, working outside farming or in a town. */
  rural_migrant_worker?: boolean | null;
  /** 有劳动能力 · Able to work. */
  able_to_work?: boolean | null;
  /** 有生活来源 · Has a source of livelihood. Has wages, a pension, support from relatives or other income. */
  has_income_source?: boolean | null;
  /** 养老保险 · Pension scheme. Which basic pension scheme the member is enrolled in. */
  pension_scheme?: "employee" | "resident" | "none" | null;
  /** 医疗保险 · Medical insurance. */
  medical_scheme?: "employee" | "resident" | "none" | null;
  /** 参加失业保险 · Has unemployment insurance. Unemployment insurance premiums were paid in full. */
  unemployment_insured?: boolean | null;
  /** 参加工伤保险 · Has work-injury insurance. */
  work_injury_insured?: boolean | null;
  /** 参加生育保险 · Has maternity insurance. The employer pays maternity insurance. */
  maternity_insured?: boolean | null;
  /** 孕妇 · Pregnant. */
  pregnant?: boolean | null;
  /** 产后 42 天内 · Within 42 days after giving birth. */
  postpartum?: boolean | null;
  /** 计划怀孕 · Planning a pregnancy. The couple plans a pregnancy soon. */
  planning_pregnancy?: boolean | null;
  /** 原发性高血压患者 · Has primary hypertension. */
  hypertension?: boolean | null;
  /** 2 型糖尿病患者 · Has type 2 diabetes. */
  diabetes?: boolean | null;
  /** 严重精神障碍患者 · Has a severe mental disorder. E.g. schizophrenia or bipolar disorder, under management. */
  severe_mental_disorder?: boolean | null;
  /** 肺结核患者 · Has tuberculosis. */
  tuberculosis?: boolean | null;
  /** 艾滋病病毒感染者或病人 · Lives with HIV. */
  hiv?: boolean | null;
  /** 患重特大疾病 · Has a serious or catastrophic illness. */
  serious_illness?: boolean | null;
  /** 失能（生活不能自理） · Cannot look after themselves (失能). Assessed as needing help with daily living. */
  unable_to_self_care?: boolean | null;
  /** 半失能 · Partly unable to look after themselves. */
  semi_unable_to_self_care?: boolean | null;
  /** 孤儿 · Orphan. Under 18 with both parents dead or legally declared dead or missing. */
  orphan?: boolean | null;
  /** 事实无人抚养儿童 · De-facto unsupported child. Parents alive but unable to care (severe disability, prison, missing), as recognised by civil affairs. */
  de_facto_unsupported?: boolean | null;
  /** 父母外出务工（留守） · Parents work away (left-behind). Both parents work away, or one does and the other cannot care for the child. */
  parents_migrant?: boolean | null;
  /** 无法定赡养、抚养、扶养义务人 · No one legally bound to support them. Or those legally bound cannot provide support. */
  no_legal_supporter?: boolean | null;
  /** 靠父母或其他亲属供养 · Supported by parents or relatives. */
  supported_by_family?: boolean | null;
  /** 计划生育情况 · Family-planning status. Basis of family-planning reward and special support. If the only child's disability is grade 4 (the lightest), pick “has only one child”; if one of two daughters is disabled or has died, still pick “has only two daughters”. */
  family_planning?: "none" | "one_child" | "two_daughters" | "only_child_disabled" | "only_child_deceased" | null;
  /** 节育手术并发症三级以上 · Sterilisation complication, grade 3 or worse. */
  sterilization_complication?: boolean | null;
  /** 退役军人 · Veteran. */
  veteran?: boolean | null;
  /** 残疾退役军人（一至四级） · Disabled veteran (grade 1–4). */
  disabled_veteran?: boolean | null;
  /** 享受国家抚恤补助的优抚对象 · Receives state pension as entitled group (优抚对象). E.g. disabled servicemen, martyrs' families, demobilised soldiers in villages. */
  entitled_group?: boolean | null;
  /** 烈士、因公牺牲或病故军人遗属 · Family of a martyr or of a soldier who died in service. */
  martyr_family?: boolean | null;
  /** 现役军人 · Serving military. */
  active_military?: boolean | null;
  /** 军人家属（军属） · Family of a serving soldier. */
  military_family?: boolean | null;
  /** 特困人员 · Extreme-poverty support (特困). Recognised by civil affairs: unable to work, no income, no one bound to support them. */
  tekun?: boolean | null;
  /** 集中供养（住在供养机构） · Lives in a support institution. A 特困 person living in a care institution rather than at home. */
  tekun_institutional?: boolean | null;
  /** 本省户籍（常住户口） · Hukou in this province. Permanent household registration anywhere in this province (this city or county included). */
  hukou_province?: boolean | null;
  /** 失能等级 · Level of dependency (失能等级). The grade set by the official assessment of older or 特困 people's ability to look after themselves. */
  incapacity_level?: "none" | "mild" | "moderate" | "severe" | null;
  /** 急危重伤病急救且身份不明或无力支付 · Emergency patient unidentified or unable to pay. Needs emergency treatment for a critical illness or injury but is unidentified or cannot pay. */
  emergency_unable_to_pay?: boolean | null;
  /** 困境儿童 · Child in difficult circumstances (困境儿童). A child in difficulty through family poverty, own disability, or missing or improper guardianship, as recognised by civil affairs. */
  plight_child?: boolean | null;
  /** 在儿童福利机构集中养育 · Raised in a child-welfare institution. Lives in a child-welfare home; children living with relatives or in the community are 'scattered' (散居). */
  child_welfare_institution?: boolean | null;
  /** 持有《儿童福利证》 · Holds a Child Welfare Certificate. A minor to whom the county civil-affairs bureau has issued a Child Welfare Certificate. */
  child_welfare_certificate?: boolean | null;
  /** 幼儿园年级 · Kindergarten class. 'Pre-school year one' is the last year before primary school (top class). */
  kindergarten_year?: "small" | "middle" | "senior" | null;
  /** 流动人员（档案由公共人才服务机构保管） · Mobile personnel (file kept by the public talent service). E.g. staff of private firms or NGOs, former public-sector staff who left, graduates without a job, freelancers and gig workers. */
  mobile_personnel?: boolean | null;
  /** 离校 2 年内未就业高校毕业生 · University graduate, unemployed, within two years of leaving. Left university less than two years ago and has no job yet. */
  graduate_within_two_years?: boolean | null;
  /** 法定传染病病人、疑似病人或密切接触者 · Notifiable infectious disease: patient, suspected case or close contact. Also casualties of a public-health emergency and people concerned. */
  infectious_disease?: boolean | null;
  /** 现症地方病病人 · Has an endemic disease. Kashin-Beck disease, skeletal fluorosis, arsenic poisoning, cretinism, goitre of degree 2 or more. */
  endemic_disease?: boolean | null;
  /** 易感染艾滋病高危行为人群 · At high risk of HIV through behaviour. */
  hiv_risk_behaviour?: boolean | null;
  /** 计划生育手术并发症等级 · Grade of a family-planning surgery complication (whole number 1–3). The certified grade of the complication: grade 1 is the most severe. */
  sterilization_complication_grade?: number | null;
  /** 符合法律援助条件 · Meets the legal-aid conditions. Needs legal aid because of economic hardship or a case the law names; checked by the legal-aid office. */
  legal_aid_eligible?: boolean | null;
  /** 考入研究生 · Admitted to postgraduate study. Admitted to a master's or doctoral programme this year. */
  postgraduate_admitted?: boolean | null;
  /** 长期在城市居住 · Has lived in a city for a long time. Hukou in a farming or pastoral area but has long lived in a city or town. */
  long_term_urban_resident?: boolean | null;
  /** 失智（认知障碍） · Has dementia (失智). Diagnosed or assessed by a medical institution as having dementia. */
  dementia?: boolean | null;
  /** 特困人员符合护理补贴条件 · 特困 person meeting the care-subsidy conditions. A 特困 person whom civil affairs has assessed (e.g. for self-care ability) as qualifying for the care subsidy. */
  tekun_care_qualified?: boolean | null;
  /** 被征地农民 · Farmer whose land was expropriated. A farmer or herder whose contracted land was lawfully expropriated. */
  land_expropriated_farmer?: boolean | null;
  /** 有集中供养意愿 · Wishes to live in a support institution. The person wishes to move into a support institution (care home, welfare home). */
  wants_institutional_care?: boolean | null;
  /** 转业军官或安排工作的退役士兵 · Transferred officer or discharged soldier entitled to an assigned job. An officer transferred to civilian work or a discharged soldier whom the government must place in a job. */
  veteran_assigned_job?: boolean | null;
  /** 刚生育子女的父母 · Parent of a newborn. The person or their spouse has just given birth (within the maternity or paternity-leave period). */
  new_parent?: boolean | null;
  /** 青年人 · Young person. Counts as young under the local policy's age definition. */
  youth?: boolean | null;
  /** 缴存住房公积金 · Contributes to the housing provident fund. The person currently pays into the housing provident fund. */
  housing_fund_contributor?: boolean | null;
  /** 在农牧区基层单位工作 · Works at a rural or pastoral grassroots unit. Works at a township or village unit (school, health centre) in a farming or pastoral area. */
  works_rural_grassroots?: boolean | null;
  /** 在艰苦边远地区工作 · Works in a remote hardship area. The workplace is in a nationally designated remote hardship area. */
  works_remote_hardship_area?: boolean | null;
  /** 因突发事件监护缺失的儿童 · Child left without guardian by an emergency. A child whose parents or guardians cannot care for them because of an emergency (epidemic, disaster). */
  emergency_guardianship_loss?: boolean | null;
  /** 家政服务从业人员 · Domestic-service worker. Works in domestic services (cleaning, childcare, elder care, etc.). */
  domestic_worker?: boolean | null;
  /** 派遣期内未就业高校毕业生 · Unemployed university graduate within the dispatch period. A university graduate still within the job-assignment (派遣) period and without a job, as recognised by the human-resources bureau. */
  graduate_dispatch_period?: boolean | null;
  /** 处于劳动年龄（就业年龄段） · Of working age. Aged 16 or over and below the statutory retirement age. */
  working_age?: boolean | null;
  /** 正在领取失业保险金 · Drawing unemployment insurance benefit. Unemployed and within the period for which the social-insurance agency pays unemployment benefit. */
  receiving_unemployment_benefit?: boolean | null;
  /** 近期办理婚姻、收养登记 · Marriage or adoption registration soon. A registration the member is making now or soon at the registry office. */
  civil_registration?: "none" | "marriage" | "divorce" | "adoption" | null;
  /** 新生儿 · Newborn. A baby just born. */
  newborn?: boolean | null;
  /** 育龄人群 · Of childbearing age. A man or woman of an age to have children. */
  childbearing_age?: boolean | null;
  /** 符合计划生育扶助政策的其他条件 · Meets the other conditions of family-planning support. Checked by the health (family-planning) authority as meeting the scheme's other conditions. */
  family_planning_support_qualified?: boolean | null;
  /** 城镇其他居民（非企业、机关事业单位职工） · Other urban resident (not an enterprise or public-sector employee). An urban resident who is neither an enterprise employee nor public-sector staff (retired ones included), as recognised by the health authority. */
  urban_other_resident?: boolean | null;
  /** 其他特殊困难人员 · Other person in special hardship. Recognised by civil affairs as in special hardship, beyond 低保, 特困 and low-income groups. */
  special_hardship_person?: boolean | null;
  /** 个人遭遇突发困难且得不到家庭支持 · Hit by a sudden hardship without family support. Fire, accident, sudden grave illness or another hardship, with no family support for now, left basic living in crisis. */
  personal_sudden_hardship?: boolean | null;
  /** 流浪乞讨、生活无着 · Homeless, vagrant or begging, with no means of living. Sleeping rough, wandering or begging, unable to meet basic needs. */
  vagrant?: boolean | null;
  /** 需要常年医疗 · Needs medical care all year round. Needs continuous, long-term medical care because of injury or illness. */
  needs_long_term_medical?: boolean | null;
  /** 独身一人生活 · Lives alone, without family. No spouse, children or other family living with them. */
  lives_alone?: boolean | null;
  /** 新就业无房职工 · Newly employed worker without a home. Recently started work here and owns no home locally. */
  newly_employed_no_home?: boolean | null;
  /** 在城镇稳定就业 · Stably employed in town. Has a steady job in town, as recognised under local rules. */
  stable_employment?: boolean | null;
  /** 幼儿园、中小学或中职学校教师 · Teacher at a kindergarten, school or vocational school. Teaches at a kindergarten, primary or secondary school or vocational school. */
  school_teacher?: boolean | null;
  /** 乘坐校车 · Rides a school bus. Goes to and from school by school bus. */
  school_bus?: boolean | null;
  /** 属于弱势群体 · Belongs to a vulnerable group. A member of a vulnerable group, as recognised by the justice bureau or the legal-service provider. */
  vulnerable_group?: boolean | null;
  /** 婚姻状况 · Marital status. */
  marital_status?: "unmarried" | "married" | "divorced" | "widowed" | null;
  /** 有固定收入 · Has a fixed income. Regular income such as wages or a pension (help from relatives does not count). */
  fixed_income?: boolean | null;
  /** 民办学校学生符合免学费（补助）条件 · Private-school student meets the fee-waiver conditions. Attends a private school approved by the education authorities and is confirmed by the school and education bureau as meeting the fee-waiver or fee-subsidy conditions. */
  private_school_aid_eligible?: boolean | null;
  /** 高校毕业生 · University or college graduate. Graduated from a university or a higher vocational college. */
  university_graduate?: boolean | null;
  /** 青年人才、青年专业技术人员 · Young professional (青年人才). E.g. a young doctor or teacher, as recognised by the employer or the human-resources bureau. */
  young_professional?: boolean | null;
  /** 已达到养老保险待遇领取年龄 · Has reached the pension-drawing age. The age from which the social-insurance agency pays the basic pension. */
  pension_age_reached?: boolean | null;
  /** 国家机关或事业单位工作人员 · Works for a state organ or public institution. Staff of a government body or a public service unit (事业单位). */
  public_sector_employee?: boolean | null;
  /** 预防接种重点人群 · Priority group for vaccination. Groups other than young children whom the health authority targets for particular vaccines. */
  immunization_key_group?: boolean | null;
  /** 慢性病高危人群 · At high risk of a chronic disease. Assessed by a doctor as at high risk of hypertension, diabetes or a similar chronic disease. */
  chronic_disease_risk?: boolean | null;
  /** 已婚育龄人群 · Married and of childbearing age. Married and of an age to have children. */
  married_childbearing_age?: boolean | null;
  /** 无法单独立户 · Cannot register as a separate household. Lives with the family and cannot have a household registration of their own. */
  cannot_form_own_household?: boolean | null;
  /** 本人年收入 · Own yearly income (yuan, 0–100000000). All of the member's own income over the last year, in yuan. */
  income_year?: Money | null;
  /** 户籍在县城或建制镇 · Hukou in a county town or designated town. Household registration in a county seat or a designated town (not the urban districts of a prefecture-level city). The documents' “rural (county towns included)” pupils include them. */
  county_town_hukou?: boolean | null;
  /** 就读学校在农村（乡镇或村，不在县城） · Attends a school in the countryside (a township or village, not the county town). Where the school is, whatever the pupil's hukou. */
  rural_school?: boolean | null;
  /** 在特殊教育学校就读 · Attends a special-education school. A school for blind, deaf or intellectually disabled pupils (not a mainstream class). */
  special_school?: boolean | null;
  /** 多重残疾中的智力残疾 · Intellectual disability within the multiple disability. A multiple-disability certificate lists each type with its grade. */
  multiple_intellectual?: "none" | "grade1" | "grade2" | "grade3" | "grade4" | null;
  /** 多重残疾中的精神残疾 · Mental (psychosocial) disability within the multiple disability. A multiple-disability certificate lists each type with its grade. */
  multiple_mental?: "none" | "grade1" | "grade2" | "grade3" | "grade4" | null;
  /** 多重残疾中的肢体残疾 · Physical disability within the multiple disability. A multiple-disability certificate lists each type with its grade. */
  multiple_physical?: "none" | "grade1" | "grade2" | "grade3" | "grade4" | null;
  /** 多重残疾中的听力残疾 · Hearing disability within the multiple disability. A multiple-disability certificate lists each type with its grade. */
  multiple_hearing?: "none" | "grade1" | "grade2" | "grade3" | "grade4" | null;
  /** 初中或高中毕业后未继续升学 · Finished junior or senior high school and did not go on studying. Left school after junior or senior high school without going on to senior high, vocational school or university, and is not in education now. */
  school_leaver_not_continuing?: boolean | null;
  /** 转岗职工 · Redeployed worker. An employee who must change jobs, or has been moved out, because the employer restructured or cut capacity. */
  redeployed_worker?: boolean | null;
  /** 任教学校在扶贫开发工作重点县中的山区县 · Teaches in a mountain county that is a key poverty county. The school's county is a national or provincial key county for poverty alleviation and a mountain county. The school or the county education bureau can tell you. */
  teaches_in_mountain_key_county?: boolean | null;
  /** 本人每月劳动收入 · Own monthly earnings from work (yuan, 0–1000000). Wages, or earnings from a business, gig work or farming, averaged per month, in yuan. */
  work_income_month?: Money | null;
  /** 患白内障，需要手术复明 · Has a cataract that needs surgery. Diagnosed by a doctor with a cataract that impairs sight and needs an operation. */
  cataract?: boolean | null;
  /** 需要辅助器具 · Needs an assistive device. Needs a wheelchair, hearing aid, vision aid, prosthesis, crutches or a similar device, new or as a replacement. */
  needs_assistive_device?: boolean | null;
}
/** 家庭整体的情况 · Facts about the household as a whole. Leave out or null what is not known. */
export interface HouseholdFacts {
  /** 家庭月人均收入 · Monthly income per person (yuan, 0–10000000). Last month's household income divided by members, in yuan. */
  income_per_capita_month?: Money | null;
  /** 当地低保标准（每人每月） · Local minimum-living standard (per person per month) (yuan, 0–100000). Published by civil affairs or the village/community office; enter it if the document does not give it. */
  local_dibao_standard_month?: Money | null;
  /** 当地城市低保标准（每人每月） · Local urban minimum-living standard (per person per month) (yuan, 0–100000). This year's urban 低保 standard published by civil affairs; enter it where the document gives no figure. */
  urban_dibao_standard_month?: Money | null;
  /** 低保家庭 · Minimum-living-allowance household (低保). A household already receiving the minimum living allowance. */
  dibao?: boolean | null;
  /** 家庭财产符合当地低保规定 · Assets within the local 低保 limits. Savings, property and vehicles within the local limits, as checked by civil affairs. */
  assets_within_dibao_rules?: boolean | null;
  /** 低收入家庭 · Low-income household. Recognised by civil affairs as low-income (just above 低保). */
  low_income?: boolean | null;
  /** 建档立卡贫困户 · Registered poor household (建档立卡). Registered in the poverty-alleviation system (建档立卡). */
  registered_poor?: boolean | null;
  /** 家庭经济困难 · Household in economic hardship. As recognised by the school or the education or civil-affairs bureau. */
  economic_hardship?: boolean | null;
  /** 零就业家庭 · Zero-employment household. In a town household, no working-age member able to work has a job. */
  zero_employment?: boolean | null;
  /** 遭遇突发困难 · Hit by a sudden hardship. Fire, accident, sudden grave illness and the like left basic living in serious difficulty. */
  temporary_hardship?: boolean | null;
  /** 受灾家庭 · Affected by a natural disaster. Basic living seriously affected by a natural disaster. */
  disaster_affected?: boolean | null;
  /** 居住在贫困地区 · Lives in a designated poor area. A contiguous destitute area or a key national poverty county. */
  poverty_area?: boolean | null;
  /** 营养改善计划试点地区 · School-meal pilot area. A county in the national or local rural school-meal pilot. */
  nutrition_pilot_area?: boolean | null;
  /** 城镇住房困难 · Urban housing difficulty. Recognised by the housing bureau as in urban housing difficulty. */
  urban_housing_difficulty?: boolean | null;
  /** 居住农村危房 · Lives in a dangerous rural house. A rural house assessed as dangerous (grade C or D). */
  rural_dangerous_house?: boolean | null;
  /** 支出型贫困家庭 · Poor because of unavoidable expenses (支出型贫困). Basic living in difficulty because of heavy unavoidable costs (illness, schooling, disability), as recognised by civil affairs. */
  expenditure_poverty?: boolean | null;
  /** 全省最低工资标准（每月） · Provincial monthly minimum wage (yuan, 0–100000). The province's monthly minimum wage published by the human-resources department; enter it where the document gives no figure. */
  provincial_min_wage_month?: Money | null;
  /** 棚户区居民 · Lives in a shantytown (棚户区) area. The home is in an urban shantytown area listed for redevelopment. */
  shantytown_resident?: boolean | null;
  /** 居住在少数民族聚居地区 · Lives in an ethnic-minority area. E.g. an autonomous county or ethnic township. */
  ethnic_minority_area?: boolean | null;
  /** 中等偏下及以下收入家庭 · Lower-middle or lower income household. Household income at or below the local lower-middle level, as recognised by the housing authority. */
  lower_middle_income?: boolean | null;
  /** 无能力建房的鳏寡孤独等特殊困难家庭 · Unable to build a house (widowed, alone, orphaned or otherwise in special hardship). A rural widowed, lone or orphaned person or other special group unable to build a house, as recognised by the township and housing bureau. */
  unable_to_build_house?: boolean | null;
  /** 在当地无自有住房 · Owns no home locally. The household owns no home in the city where it works or lives. */
  no_own_home?: boolean | null;
  /** 集中连片特困地区 · In a contiguous destitute area (集中连片特困地区). The home or school is in a county of a national contiguous destitute area (being only a key poverty county does not count). */
  contiguous_poverty_area?: boolean | null;
  /** 符合当地公租房准入条件 · Meets the local public-rental-housing entry conditions. Income and housing meet the local public-rental rules, as checked by the housing bureau. */
  public_rental_eligible?: boolean | null;
  /** 国家扶贫标准（国定贫困线，每人每年） · National poverty line (per person per year) (yuan, 0–1000000). This year's national poverty line published by the poverty-alleviation office; enter it where the document gives no figure. */
  poverty_line_year?: Money | null;
  /** 家中有人在上学（含幼儿园） · Someone in the household is in education (kindergarten included). Whether anyone attends kindergarten, school, vocational school or university. After “no”, nobody is asked their stage. */
  household_student?: boolean | null;
  /** 家中有人持残疾人证 · Someone in the household holds a disability certificate. Whether anyone holds a disability certificate. After “no”, nobody is asked about disability. */
  household_disability?: boolean | null;
  /** 家中有孤儿、事实无人抚养或感染艾滋病病毒的儿童 · A child in the household is an orphan, without de-facto carers, or living with HIV. A child under 18 whose parents have died or who has no one caring for them in fact, or a child living with HIV. After “no”, nobody is asked. */
  household_special_child?: boolean | null;
  /** 家中有计划生育家庭或计划生育手术并发症人员 · The household includes a family-planning family or someone with sterilisation complications. Only one child or only two daughters, an only child disabled or deceased, or someone with complications from a family-planning operation. After “no”, nobody is asked. */
  household_family_planning?: boolean | null;
  /** 家中有经民政部门认定的特困人员 · Someone in the household is recognised by civil affairs as a 特困 person. 特困 people (extreme hardship: no ability to work, no income, no one to support them) are recognised by civil affairs. After “no”, nobody is asked. */
  household_tekun?: boolean | null;
  /** 家庭住在农村（乡镇或村） · The household lives in the countryside (a township or village). Where the household actually lives, whatever its hukou. */
  lives_rural?: boolean | null;
  /** 户籍制度改革后由农村转为城镇户口（进城落户） · Moved to an urban hukou in town under the hukou reform. Formerly a rural hukou, registered in a town after the hukou reform. */
  hukou_transferred_to_town?: boolean | null;
  /** 领取低保后生活仍有困难 · Living is still hard after receiving 低保. Already on 低保, yet basic living is still hard (severe disability, illness, care needs), as recognised by civil affairs. */
  hardship_after_dibao?: boolean | null;
}
// </generated facts>

export type Status = "yes" | "no" | "unknown";
export type Period = "day" | "month" | "year" | "once";
export type Per = "person" | "student" | "household";
export type Scope = "member" | "household";

/** An amount that may be a range; `max: null` means "at least min". */
export interface MoneyRange {
  min: Money;
  max: Money | null;
}

/** Where a rule comes from: the seed file, item, lines and the verbatim words. */
export interface Citation {
  file: string;
  item: string;
  lines: [number, number];
  quotes: string[];
}

export interface PolicyDocument {
  file: string;
  title: string;
  /** Issuing number such as 冀政发〔2018〕12号, or "". */
  number: string;
  valid_from: IsoDate;
  valid_to: IsoDate;
}

export interface Area {
  id: string;
  name: Text;
  /** Items the source lists in this area. */
  items: number;
}

/** A region, from `regions()`. */
export interface Region {
  id: string;
  name: Text;
  parent: string | null;
  document: PolicyDocument;
  /** Rules encoded from its own document. */
  rules: number;
  areas: Area[];
}

/** A region's catalog, from `catalog(region)`: every rule in force there with its source. */
export interface Catalog {
  schema: "benefit-catalog/1";
  region: { id: string; name: Text; parent: string | null };
  /** The region's document and its ancestors', nearest first. */
  documents: CatalogDocument[];
  areas: CatalogArea[];
  rules: CatalogRule[];
}

export interface CatalogDocument extends PolicyDocument {
  region: string;
}

export interface CatalogArea extends Area {
  region: string;
}

export interface CatalogRule {
  rule: string;
  /** The region whose document the rule comes from. */
  region: string;
  item: string;
  area: string;
  name: Text;
  scope: Scope;
  /** Who it is for, in plain words. */
  who: Text;
  universal: boolean;
  /** Whether it pays cash (else a service in kind). */
  cash: boolean;
  applicability: { kind: "resident" } | { kind: "not_resident_facing"; reason: Text };
  /** 服务对象, verbatim. */
  target: string;
  content: Text;
  payer: Text;
  department: Text;
  note: Text | null;
  valid_from: IsoDate | null;
  valid_to: IsoDate | null;
  /** Parent-region rules this one replaces. */
  replaces: string[];
  source: Citation;
  document: string;
}

/**
 * An estimate, from `estimate(household)`: schema benefit-estimate/2, as the CLI prints it.
 * What a rule is comes once per rule in `rules`, each distinct list of reasons once in
 * `explanations`; `results` say what holds for each member and point at both.
 */
export interface EstimateResult {
  schema: "benefit-estimate/2";
  region: { id: string; name: Text };
  date: IsoDate;
  documents: DocumentUsed[];
  rounding: Text;
  totals: { household: Totals; members: Totals[]; household_rules: Totals };
  /** Every rule evaluated, once, in the order of its first outcome. */
  rules: RuleInfo[];
  /** One per rule and member, except outcomes that are "no" with no near miss (counted in `omitted`). */
  results: Outcome[];
  /** How many "no" outcomes with no near miss were left out of `results`. */
  omitted: number;
  /** Each distinct list of reasons; `Outcome.explanation` is an index into it. */
  explanations: Reason[][];
  questions: Question[];
  not_resident_facing: NotResidentFacing[];
  /** The name of the deployment whose settings answered a fact here, or null. */
  deployment: string | null;
  /** The figures that answered a fact nobody entered: the deployment's settings, else the document's own (dated). */
  figures: FigureUsed[];
}

/** A figure the resident did not enter, with where it comes from. */
export interface FigureUsed {
  /** A deployment-wide fact (see `Settings`). */
  fact: string;
  value: Money | boolean | number;
  /** The year the figure is for. */
  year: number;
  origin: "deployment" | "document";
  /** The deployment's source ("海东市民政局 2025 年第 3 号通知"); null for a document's figure. */
  source: string | null;
  /** Where the document states it; null for a deployment's figure. */
  citation: Citation | null;
  /** "按本站设定：…（2025 年，…）" or "文件所载 2021 年标准：…". */
  zh: string;
  en: string;
}

/** A figure an outcome reads, as shown with its amount. */
export interface FigureNote {
  fact: string;
  zh: string;
  en: string;
}

/**
 * A deployment's settings (schema benefit-settings/1): figures no resident knows but the
 * office does, the same for everyone it serves. The resident's own answer still wins.
 */
export interface Settings {
  schema?: "benefit-settings/1";
  /** Who deploys the estimator, e.g. "海东市平安区政务服务中心". */
  deployment: string;
  /** Per region id, per deployment-wide fact. */
  regions: { [region: string]: { [fact in DeploymentWideFact]?: SettingsFigure } };
}

/** The only facts a deployment may set. */
export type DeploymentWideFact =
  | "local_dibao_standard_month"
  | "urban_dibao_standard_month"
  | "provincial_min_wage_month"
  | "poverty_line_year"
  | "nutrition_pilot_area"
  | "contiguous_poverty_area"
  | "poverty_area"
  | "ethnic_minority_area"
  | "school_days";

export interface SettingsFigure {
  /** Money as a decimal string, yes/no as a boolean, days as a whole number. */
  value: Money | boolean | number;
  /** The year it applies to. */
  year: number;
  /** Where it comes from. */
  source: string;
}

/** The second argument of `estimate` and `questions`. */
export interface EstimateOptions {
  /** The deployment's settings, as an object or JSON text. */
  settings?: Settings | string | null;
}

export interface DocumentUsed extends PolicyDocument {
  region: string;
  /** The date is past the document's period: its last amounts are used. */
  dated: boolean;
}

export interface Totals {
  /** Cash per year, exact. */
  yearly: MoneyRange;
  /** One-off cash. */
  once: MoneyRange;
  cash_pending: number;
  cash: number;
  in_kind: number;
  /** What undetermined outcomes could add per year. */
  possible_yearly: MoneyRange;
  /** Fees waived and services in kind at a stated value, per year: never cash. */
  waived_yearly: MoneyRange;
  /** One-off fees waived. */
  waived_once: MoneyRange;
  /** Waivers counted (not among `cash`). */
  waived: number;
  /** `yearly` / 12, rounded to the fen. */
  monthly: MoneyRange;
}

/** What a rule is: the same for every member (one per rule in `EstimateResult.rules`). */
export interface RuleInfo {
  rule: string;
  region: string;
  item: string;
  area: { id: string; zh: string; en: string } | null;
  name: Text;
  universal: boolean;
  target: string;
  content: Text;
  payer: Text;
  department: Text;
  note: Text | null;
  source: Citation;
  document: string;
}

/** Money paid out, or the value of a fee waived / a service provided in kind. */
export type Paid = "cash" | "waived";

/** One rule for one member (or the household). */
export interface Outcome {
  /** The rule: its `RuleInfo` in `EstimateResult.rules` has the same `rule`. */
  rule: string;
  /** Member index, or null for a household rule. */
  member: number | null;
  status: Status;
  cash: Cash | null;
  /** Facts still unanswered that decide it. */
  missing: string[];
  /** Why: index into `EstimateResult.explanations`. */
  explanation: number;
  computation: Text | null;
  /** Figures this outcome reads that the deployment or the document gave. */
  figures: FigureNote[];
  near_miss: Text | null;
}

export interface Cash {
  /** `waived`: not money paid; counted in `Totals.waived_yearly`, never in `yearly`. */
  paid: Paid;
  stated: MoneyRange | null;
  period: Period;
  per: Per;
  yearly: MoneyRange | null;
  once: MoneyRange | null;
  tier: Text | null;
}

export interface Reason {
  depth: number;
  status: Status;
  zh: string;
  en: string;
}

/** An unanswered fact that can still change an outcome. */
export interface Question {
  /** The fact's name, a key of Member or HouseholdFacts. */
  fact: string;
  member: number | null;
  /** How many outcomes it can still change. */
  rules: number;
  /** Most yearly cash that hangs on it. */
  amount: Money;
  zh: string;
  en: string;
  hint_zh: string;
  hint_en: string;
  kind: FactKind;
  choices: Choice[] | null;
}

export type FactKind =
  | { type: "bool" }
  | { type: "int"; min: number; max: number; unit_zh: string; unit_en: string }
  | { type: "money"; max: Money }
  | { type: "choice"; choices: Choice[] };

export interface Choice {
  code: string;
  zh: string;
  en: string;
}

export interface NotResidentFacing {
  rule: string;
  name: Text;
  reason: Text | null;
}
