// Journeys a resident would make, one per region, each asserting the amounts shown.
// Expected figures are the source documents' own (cited beside each), not the app's output.
import { test, expect, assertLocalOnly } from "./fixtures.mjs";
import { answer, answerAll, pickRegion, addMember, openResult } from "./household.mjs";

const eligible = (page) => page.getByTestId("eligible");

test("Haidong: an 85-year-old with a grade-1 disability in a 低保 household", async ({ watched }) => {
  const { page, requests } = watched;
  await page.goto("./");
  await pickRegion(page, "haidong");
  await answer(page, 0, "age", 85);
  await answer(page, null, "dibao", true);
  await answerAll(page, 0, {
    disability_certificate: true,
    disability_grade: 1,
    hukou_local: true,
    hukou_type: "urban",
    unable_to_self_care: true,
  });
  const list = eligible(page);
  // Haidong item 49: 80–89 longevity subsidy 120 yuan a month; a 低保 household is a household in
  // hardship (困难老年人), so the service subsidy is 150–210 by dependency level (60–210 before that
  // followed from 低保).
  await expect(list).toContainText("120 元 每人每月（每年 1440 元）");
  await expect(list).toContainText("150–210 元 每人每月（每年 1800–2520 元）");
  // Item 62: living subsidy and nursing subsidy, 100 yuan a month each.
  await expect(list.locator("details", { hasText: "困难残疾人生活补贴和重度残疾人护理补贴" })).toHaveCount(2);
  // Item 63: urban severe-disability 低保 top-up, 100.8 yuan a month.
  await expect(list).toContainText("100.8 元 每人每月（每年 1209.6 元）");
  // (120 + 150..210 + 100 + 100 + 100.8) × 12.
  await expect(page.getByTestId("total-year")).toHaveText("6849.6–7569.6 元");
  await expect(page.getByTestId("total-month")).toContainText("570.8–630.8 元");
  // Results are grouped by area.
  await expect(list.locator("section.area h3", { hasText: "老有所养" })).toBeVisible();
  await expect(list.locator("section.area h3", { hasText: "弱有所扶" })).toBeVisible();
  // The why panel cites the Haidong standard and says its period has ended.
  const item = await openResult(page, "重度残疾人最低生活保障");
  await expect(item).toContainText("海东市基本公共服务实施标准");
  await expect(item).toContainText("标准适用于 2022–2025");
  await expect(page.locator(".sources .dated").first()).toContainText("已过适用期");
  assertLocalOnly(requests);
});

test("Hebei: a boarding junior-middle pupil from a hardship family", async ({ watched }) => {
  const { page } = watched;
  await page.goto("./");
  await pickRegion(page, "hebei");
  await answer(page, 0, "age", 42);
  const child = await addMember(page);
  await answerAll(page, child, { age: 14, student_stage: "junior", boarding: true });
  await answer(page, null, "economic_hardship", true);
  // Hebei item 3: 初中生每生每年 1250 元.
  const row = eligible(page).locator("details", { hasText: "寄宿生生活补助" });
  await expect(row).toContainText("1250 元 每生每年（约每月 104.17 元）");
  await expect(row).toContainText("成员 2");
  await expect(page.getByTestId("total-year")).toHaveText("1250 元");
  const item = await openResult(page, "寄宿生生活补助");
  await expect(item).toContainText("小学生每生每年 1000 元，初中生每生每年 1250 元。");
  await expect(item).toContainText("第 488–488 行");
  await expect(item).toContainText("标准适用于 2016–2020");
});

test("Jinan: a senior-high student from a hardship family", async ({ watched }) => {
  const { page } = watched;
  await page.goto("./");
  await pickRegion(page, "jinan");
  await answer(page, 0, "age", 45);
  const child = await addMember(page);
  await answerAll(page, child, { age: 16, student_stage: "senior" });
  await answer(page, null, "economic_hardship", true);
  // Jinan item 6: the national grant for senior high, 1500–2500 a year, the level set locally.
  await expect(eligible(page).locator("details", { hasText: "普通高中国家助学金" })).toContainText("1500–2500 元 每生每年");
  await expect(page.getByTestId("total-year")).toHaveText("1500–2500 元");
  const item = await openResult(page, "普通高中国家助学金");
  await expect(item).toContainText("济南");
});

test("Yanbian: a household with a disabled adult", async ({ watched }) => {
  const { page } = watched;
  await page.goto("./");
  await pickRegion(page, "yanbian");
  await answer(page, 0, "age", 40);
  await answer(page, null, "dibao", true);
  await answerAll(page, 0, { disability_certificate: true, disability_grade: 2, hukou_local: true });
  const list = eligible(page);
  // Yanbian item 73: living subsidy 100 a month (its 2020 level); nursing subsidy at least 50 a month.
  await expect(list).toContainText("100 元 每人每月（每年 1200 元）");
  await expect(list).toContainText("≥50 元 每人每月（每年 ≥600 元）");
  await expect(page.getByTestId("total-year")).toHaveText("≥1800 元");
});

test("An adult for whom nothing targeted applies sees only universal services", async ({ watched }) => {
  const { page } = watched;
  await page.goto("./");
  await pickRegion(page, "hebei");
  await answerAll(page, 0, { age: 30, employment: "not_working" });
  await expect(eligible(page)).toContainText("暂无针对性的补贴或服务");
  await expect(eligible(page).locator("section.area")).toHaveCount(0);
  await expect(page.getByTestId("total-year")).toHaveText("0 元");
  const universal = page.getByTestId("universal");
  await universal.locator("summary").first().click();
  await expect(universal).toContainText("居民健康档案");
  await expect(universal).toContainText("公共文化设施免费开放");
  // What might still apply is listed with the question that decides it.
  await expect(page.getByTestId("pending")).toContainText("需要回答");
});
