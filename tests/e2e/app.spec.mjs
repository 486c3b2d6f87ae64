import { test, expect, assertLocalOnly, offlineCopyInstalled } from "./fixtures.mjs";

test("loads the release build, estimates as you type, and stays local", async ({ watched }) => {
  const { page, requests } = watched;
  await page.goto("./");
  await expect(page.getByRole("heading", { name: "基本公共服务测算" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await offlineCopyInstalled(page);
  const afterLoad = requests.length;

  // Hebei is the default region: a 70-year-old gets older people's health management.
  await page.locator("#f-0-age").fill("70");
  await expect(page.getByTestId("eligible")).toContainText("老年人健康管理");

  // A boarding junior-middle pupil from a hardship family: 1250 yuan a year (Hebei item 3).
  await page.getByRole("button", { name: "＋ 添加家庭成员" }).click();
  await page.locator("#f-1-age").fill("14");
  // One household question opens the school questions.
  await page.locator("#f-h-household_student").selectOption("yes");
  await page.locator("#f-1-student_stage").selectOption("junior");
  await page.locator("#f-1-boarding").selectOption("yes");
  await page.locator("#f-h-economic_hardship").selectOption("yes");
  await expect(page.getByTestId("eligible")).toContainText("寄宿生生活补助");
  await expect(page.getByTestId("eligible")).toContainText("1250 元");

  // Each result opens to show why, with the source's own words and its period.
  const item = page.getByTestId("eligible").locator("details", { hasText: "寄宿生生活补助" });
  await item.locator("summary").click();
  await expect(item).toContainText("初中生：每生每年 1250 元");
  await expect(item).toContainText("小学生每生每年 1000 元，初中生每生每年 1250 元。");
  await expect(item).toContainText("第 488–488 行");
  await expect(item).toContainText("标准适用于 2016–2020");
  await expect(item).toContainText("✓");

  // English is one click away.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Basic public services estimator" })).toBeVisible();

  assertLocalOnly(requests);
  expect(requests.slice(afterLoad).map((r) => r.url), "requests after load").toEqual([]);
});
