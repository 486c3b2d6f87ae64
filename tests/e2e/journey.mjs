// The journey every delivery of the app must complete (plain, offline, single file, embedded, strict CSP):
// the same household as app.spec.mjs, in Hebei, in Chinese. `root` is a Page or a FrameLocator.
import { expect } from "./fixtures.mjs";

export async function boardingPupilJourney(root) {
  await expect(root.locator("#region")).toHaveValue("hebei");
  // A 70-year-old gets older people's health management.
  await root.locator("#f-0-age").fill("70");
  await expect(root.getByTestId("eligible")).toContainText("老年人健康管理");
  // A boarding junior-middle pupil from a hardship family: 1250 yuan a year (Hebei item 3).
  await root.getByRole("button", { name: "＋ 添加家庭成员" }).click();
  await root.locator("#f-1-age").fill("14");
  // One household question opens the school questions.
  await root.locator("#f-h-household_student").selectOption("yes");
  await root.locator("#f-1-student_stage").selectOption("junior");
  await root.locator("#f-1-boarding").selectOption("yes");
  await root.locator("#f-h-economic_hardship").selectOption("yes");
  await expect(root.getByTestId("eligible")).toContainText("寄宿生生活补助");
  await expect(root.getByTestId("eligible")).toContainText("1250 元");
  // The "why" panel: the source's own words.
  const item = root.getByTestId("eligible").locator("details", { hasText: "寄宿生生活补助" });
  await item.locator("summary").click();
  await expect(item).toContainText("小学生每生每年 1000 元，初中生每生每年 1250 元。");
}
