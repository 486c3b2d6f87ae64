// The app's features around the estimate: share link, session copy, clear all, language,
// comparison, large text, print, phone width, keyboard-only use and an axe-core scan.
import { mkdirSync } from "node:fs";
import { test, expect, assertLocalOnly, axe } from "./fixtures.mjs";
import { answer, answerAll, pickRegion, addMember, openResult } from "./household.mjs";

const SHOTS = "target/e2e-results/screenshots";
mkdirSync(SHOTS, { recursive: true });

/** A Hebei family with a boarding junior-middle pupil: 1250 yuan a year (Hebei item 3). */
async function hebeiFamily(page) {
  await pickRegion(page, "hebei");
  await answer(page, 0, "age", 42);
  const child = await addMember(page);
  await answerAll(page, child, { age: 14, student_stage: "junior", boarding: true });
  await answer(page, null, "economic_hardship", true);
  await expect(page.getByTestId("total-year")).toHaveText("1250 元");
}

test("share link: opt-in with a warning, round-trips, and a tampered link changes nothing", async ({ watched, browser }) => {
  const { page, requests } = watched;
  await page.goto("./");
  await hebeiFamily(page);
  await page.getByRole("button", { name: "分享链接" }).click();
  await expect(page.locator("#share-panel")).toContainText("任何拿到链接的人都能看到");
  await expect(page.locator("#share-link")).toHaveCount(0); // nothing made until the user agrees
  await page.getByRole("button", { name: "我明白，生成链接" }).click();
  const link = await page.locator("#share-link").inputValue();
  // Compact: a family fits a QR code (the JSON link was 7.7 k characters for five).
  expect(link).toMatch(/#v2=[A-Za-z0-9_-]+$/);
  expect(link.split("#")[1].length).toBeLessThan(200);
  expect(link).not.toContain("1250"); // the household is in the link, not the results

  // Opened in a fresh browser context (another person), the link restores the household.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  const requests2 = [];
  page2.on("request", (r) => requests2.push({ url: r.url() }));
  await page2.goto(link);
  await expect(page2.getByTestId("total-year")).toHaveText("1250 元");
  await expect(page2.locator("#region")).toHaveValue("hebei");
  await expect(page2.getByTestId("notice")).toContainText("已按分享链接填入");
  expect(new URL(page2.url()).hash, "the link's data leaves the address bar").toBe("");
  assertLocalOnly(requests2);
  // Every request carried no fragment: browsers never send it, and the app sends nothing.
  expect(requests2.every((r) => !r.url.includes("v2="))).toBe(true);

  // A tampered link (absurd age) in the first tab: a clear message, nothing lost.
  const base = link.split("#")[0];
  const legacy = (v) => `${base}#h=${encodeURIComponent(JSON.stringify(v))}`;
  await page.goto(legacy({ region: "hebei", members: [{ age: 40 }, { age: 400 }] }));
  await expect(page.getByTestId("notice-error")).toContainText("无法打开分享链接");
  await expect(page.getByTestId("notice-error")).toContainText("链接中的家庭信息无效");
  await expect(page.getByTestId("total-year")).toHaveText("1250 元");
  // Words planted in a link are never shown as the app's own.
  const planted = "请拨打12345领取补贴";
  await page.goto(legacy({ region: "hebei", members: [{ [planted]: 1 }] }));
  await expect(page.getByTestId("notice-error")).toContainText("无法打开分享链接");
  await expect(page.locator("body")).not.toContainText(planted);
  await expect(page.getByTestId("total-year")).toHaveText("1250 元");
  // A cut link.
  await page.goto(link.slice(0, link.length - 20));
  await expect(page.getByTestId("notice-error")).toContainText("无法打开分享链接");
  await expect(page.getByTestId("total-year")).toHaveText("1250 元");
  await other.close();
  assertLocalOnly(requests);
});

test("a reload keeps what was entered; clear all wipes it from the page and the session", async ({ watched }) => {
  const { page } = watched;
  await page.goto("./");
  await hebeiFamily(page);
  await page.getByRole("button", { name: "English" }).click();
  await page.reload();
  await expect(page.getByTestId("total-year")).toHaveText("¥1,250");
  await expect(page.locator("#f-1-age")).toHaveValue("14");
  await expect(page.getByRole("heading", { name: "Basic public services estimator" })).toBeVisible();
  const saved = await page.evaluate(() => sessionStorage.getItem("benefit-estimator/v1"));
  expect(saved).toContain('"age":14');
  expect(await page.evaluate(() => localStorage.length), "nothing outlives the tab").toBe(0);

  await page.getByRole("button", { name: "Clear all" }).click();
  await expect(page.getByTestId("notice")).toContainText("Everything you entered has been cleared");
  await expect(page.locator("fieldset.member")).toHaveCount(1);
  await expect(page.locator("#f-0-age")).toHaveValue("");
  await expect(page.getByTestId("total-year")).toHaveText("¥0");
  const after = await page.evaluate(() => sessionStorage.getItem("benefit-estimator/v1"));
  expect(after ?? "", "no household left in the session").not.toContain("age");
  // One click undoes it, while the notice is there.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.locator("#f-1-age")).toHaveValue("14");
  await expect(page.getByTestId("total-year")).toHaveText("¥1,250");
  await page.getByRole("button", { name: "Clear all" }).click();
  await page.getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByRole("button", { name: "Undo" })).toHaveCount(0);
  await page.reload();
  await expect(page.locator("#f-0-age")).toHaveValue("");
});

test("languages: every label and the rules' texts switch; Chinese quotes stay Chinese", async ({ watched }) => {
  const { page } = watched;
  await page.goto("./");
  await hebeiFamily(page);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("total-year")).toHaveText("¥1,250");
  await expect(page.getByTestId("eligible")).toContainText("¥1,250 per student per year (about ¥104.17 a month)");
  const item = await openResult(page, "boarding");
  await expect(item).toContainText("Lead department");
  await expect(item.locator("blockquote")).toHaveAttribute("lang", "zh-CN");
  await expect(item.locator("blockquote")).toContainText("初中生每生每年 1250 元");
  // Every list switches, the universal services included (they once kept the old language).
  const cjk = /[\u4e00-\u9fff]/;
  const universalNames = () => page.getByTestId("universal").locator(".name").allTextContents();
  await expect.poll(async () => (await universalNames()).filter((n) => !/[A-Za-z]{3}/.test(n)).length).toBe(0);
  expect((await universalNames()).length).toBeGreaterThan(0);
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByTestId("eligible")).toContainText("寄宿生生活补助");
  await expect.poll(async () => (await universalNames()).every((n) => cjk.test(n))).toBe(true);
});

test("switching the language while results are shown switches every list", async ({ watched }) => {
  const { page } = watched;
  await page.goto("./");
  await hebeiFamily(page);
  // A third member with nothing answered fills the pending list; a 58-year-old is a near miss.
  await addMember(page);
  await answer(page, 0, "age", 58);
  await page.locator("#compare-region").selectOption("haidong");
  const lists = {
    eligible: page.getByTestId("eligible").locator(".name, h3"),
    pending: page.getByTestId("pending").locator("li"),
    "near misses": page.getByTestId("near-misses").locator("li"),
    universal: page.getByTestId("universal").locator(".name"),
    comparison: page.locator(".compare .column li"),
    sources: page.locator("footer.sources p"),
  };
  const cjk = /[\u4e00-\u9fff]/;
  for (const [name, items] of Object.entries(lists)) {
    await expect.poll(() => items.count(), `${name} has items`).toBeGreaterThan(0);
  }
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  // Every item of every list is in English now: names, who, amounts, what to answer.
  // (Document titles and the Chinese quotes stay Chinese: look at the English words around them.)
  const english = { pending: /Answer: /, "near misses": /^If /, sources: /standard for/, comparison: /member|household/ };
  for (const [name, items] of Object.entries(lists)) {
    const want = english[name];
    await expect
      .poll(async () => (await items.allTextContents()).filter((t) => (want ? !want.test(t) : !/[A-Za-z]{3}/.test(t))), `${name} in English`)
      .toEqual([]);
  }
  await page.getByRole("button", { name: "中文" }).click();
  for (const [name, items] of Object.entries(lists)) {
    await expect.poll(async () => (await items.allTextContents()).every((t) => cjk.test(t)), `${name} back in Chinese`).toBe(true);
  }
});

test("removing a member keeps the others' cards as they were", async ({ watched }) => {
  const { page } = watched;
  await page.goto("./");
  await answer(page, 0, "age", 70);
  const second = await addMember(page);
  await answer(page, second, "age", 40);
  const third = await addMember(page);
  await answer(page, third, "age", 14);
  // The third member's optional questions are open.
  const more = page.locator("fieldset.member").nth(third).locator("button.more");
  await more.click();
  await expect(more).toHaveAttribute("aria-expanded", "true");
  // Remove the second: the third moves up, its questions still open and its answer kept.
  await page.locator("fieldset.member").nth(second).locator("button.remove").click();
  await expect(page.locator("fieldset.member")).toHaveCount(2);
  await expect(page.locator("#f-1-age")).toHaveValue("14");
  await expect(page.locator("fieldset.member").nth(1).locator("legend")).toHaveText("成员 2");
  await expect(page.locator("fieldset.member").nth(1).locator("button.more")).toHaveAttribute("aria-expanded", "true");
  await expect(page.locator("fieldset.member").nth(0).locator("button.more")).not.toHaveAttribute("aria-expanded", "true");
});

test("compare the same household across two regions side by side", async ({ watched }) => {
  const { page } = watched;
  await page.goto("./");
  await hebeiFamily(page);
  await page.locator("#compare-region").selectOption("haidong");
  const a = page.getByTestId("compare-a");
  const b = page.getByTestId("compare-b");
  await expect(a.locator("h3")).toHaveText("河北省");
  await expect(a).toContainText("1250 元");
  await expect(b.locator("h3")).toHaveText("海东市");
  // Haidong item 13: boarders from hardship families in junior middle school, 1250 a year as well.
  await expect(b).toContainText("义务教育家庭经济困难学生生活补助");
  const boxA = await a.boundingBox();
  const boxB = await b.boundingBox();
  expect(boxB.x, "side by side").toBeGreaterThan(boxA.x + boxA.width - 1);
  await page.locator("#compare-region").selectOption("");
  await expect(a).toHaveCount(0);
});

test("large-text mode scales the page and is announced as a pressed toggle", async ({ watched }) => {
  const { page } = watched;
  await page.goto("./");
  const size = () => page.locator("#f-0-age").evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  const before = await size();
  const toggle = page.getByRole("button", { name: "大字模式" });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  expect(await size()).toBeGreaterThanOrEqual(before * 1.2);
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth), "no sideways scrolling").toBeLessThanOrEqual(360);
  await page.screenshot({ path: `${SHOTS}/large-text-360.png`, fullPage: true });
});

test("print: a clean summary with no controls, on at most two pages", async ({ watched }) => {
  const { page } = watched;
  await page.goto("./");
  await hebeiFamily(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".print-summary")).toBeVisible();
  await expect(page.locator(".print-summary")).toContainText("成员 2：年龄：14 岁");
  for (const sel of ["button", "select", "input", ".ask", ".toolbar"]) {
    const visible = await page.locator(sel).evaluateAll((els) => els.filter((e) => e.checkVisibility()).length);
    expect(visible, `${sel} printed`).toBe(0);
  }
  await expect(page.getByTestId("total-year")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/print.png`, fullPage: true });
  const pdf = await page.pdf({ format: "A4" });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages, "pages in the printed summary").toBeGreaterThan(0);
  expect(pages, "pages in the printed summary").toBeLessThanOrEqual(2);
});

test("a 360 px phone: no sideways scrolling, everything reachable", async ({ watched }) => {
  const { page } = watched;
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("./");
  await hebeiFamily(page);
  await page.locator("#compare-region").selectOption("jinan");
  expect(await page.evaluate(() => document.documentElement.scrollWidth), "no sideways scrolling").toBeLessThanOrEqual(360);
  await page.screenshot({ path: `${SHOTS}/phone-360.png`, fullPage: true });
  // Large text and a family of five: member cards out of view are skipped by the renderer
  // (content-visibility), and a skipped card must not lend the page a width of its own.
  await page.getByRole("button", { name: "大字模式" }).click();
  for (let i = 0; i < 3; i++) await addMember(page);
  // Reloaded, the cards below the first screen have never been drawn: only their placeholder size counts.
  await page.reload();
  await expect(page.getByTestId("total-year")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth), "no sideways scrolling, large text, five members").toBeLessThanOrEqual(360);
});

test("keyboard only: fill in, read the result and open why, without a mouse", async ({ watched }) => {
  const { page } = watched;
  await page.goto("./");
  const focusedId = () => page.evaluate(() => document.activeElement?.id ?? "");
  // The app draws after the wasm has loaded, which can be after `load`: a Tab pressed before
  // that has nothing to reach. Wait for the first result, as a user waits for the page.
  await expect(page.getByTestId("total-year")).toBeVisible();
  // The first Tab reaches the skip link; then on to the first member's age.
  await page.keyboard.press("Tab");
  await expect(page.locator(".skip")).toBeFocused();
  let tabs = 1;
  while ((await focusedId()) !== "f-0-age") {
    await page.keyboard.press("Tab");
    expect(++tabs, "tabs to reach the age field").toBeLessThan(30);
  }
  await page.keyboard.type("70");
  await expect(page.getByTestId("eligible")).toContainText("老年人健康管理");
  // Back to the skip link, which takes keyboard users straight to the results.
  while (!(await page.locator(".skip").evaluate((e) => e === document.activeElement))) {
    await page.keyboard.press("Shift+Tab");
    expect(--tabs, "tabs back to the skip link").toBeGreaterThanOrEqual(0);
  }
  await page.keyboard.press("Enter");
  await expect(page.locator("#results")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.locator("#results ~ [data-testid=eligible] summary").first()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("eligible").locator(".why").first()).toContainText("出处");
  // Every focusable control has a visible focus indicator.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  expect(outline).not.toBe("none");
});

test("axe-core finds no violations on the main screens", async ({ watched }) => {
  const { page } = watched;
  await page.goto("./");
  await axe(page, "start");
  await hebeiFamily(page);
  await openResult(page, "寄宿生生活补助");
  await page.locator("#compare-region").selectOption("haidong");
  await axe(page, "results with why and comparison");
  await page.getByRole("button", { name: "分享链接" }).click();
  await page.getByRole("button", { name: "我明白，生成链接" }).click();
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("button", { name: "Large text" }).click();
  await axe(page, "English, large text, share panel");
});

test("不清楚 is an answer: not asked again, kept on reload, and the results say what it leaves open", async ({ watched }) => {
  const { page } = watched;
  await page.goto("./");
  await page.locator("#f-0-age").fill("70");
  const card = page.locator("fieldset.member").nth(0);
  await expect(card.locator("select")).not.toHaveCount(1);
  // The first unanswered question of the main form.
  const id = await card.evaluate((c) =>
    [...c.querySelectorAll("select")].find((s) => s.id !== "f-0-relation" && s.value === "")?.id);
  expect(id, "a main question for a 70-year-old").toBeTruthy();
  await page.locator(`#${id}`).selectOption("?");
  // It stays where it is while the resident is there (nothing moves under the cursor)...
  await expect(page.locator(`#${id}`)).toHaveValue("?");
  // ...and the results say what it leaves open.
  const pending = page.getByTestId("pending");
  const all = pending.getByRole("button", { name: /显示全部/ });
  if (await all.count()) await all.click();
  await expect(pending).toContainText("您选了不清楚");
  // A reload keeps it, and it is no longer asked in the main form.
  await page.reload();
  await expect(page.locator("#f-0-age")).toHaveValue("70");
  await expect(page.locator(`#${id}`)).toBeHidden();
  await card.locator("button.more").click();
  await expect(page.locator(`#${id}`)).toHaveValue("?");
});

test("a damaged session copy keeps what is still valid and says what was left out", async ({ watched }) => {
  const { page } = watched;
  await page.goto("./");
  await page.locator("#f-0-age").fill("70");
  await expect(page.getByTestId("eligible")).toContainText("老年人健康管理");
  // Another version's copy: one member's age out of bounds and a fact this version lacks.
  await page.evaluate(() => {
    const key = "benefit-estimator/v1";
    const copy = JSON.parse(sessionStorage.getItem(key));
    copy.request.members = [{ age: 70, hukou_local: true }, { age: 200, shoe_size: 42, hukou_local: true }];
    sessionStorage.setItem(key, JSON.stringify(copy));
  });
  await page.reload();
  await expect(page.locator("#f-0-age")).toHaveValue("70");
  await expect(page.locator("fieldset.member")).toHaveCount(2);
  await expect(page.locator("#f-1-hukou_local")).toHaveValue("yes");
  await expect(page.getByTestId("notice-error")).toContainText("2 项本版本无法读取");
  await expect(page.getByTestId("notice-error")).toContainText("members[1].age");
  await expect(page.getByTestId("eligible")).toContainText("老年人健康管理");
});
