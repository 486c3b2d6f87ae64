// Issue 23: a result a resident can take home and a clerk can verify, and how the amounts
// change with income and age. The QR code is read back from a screenshot (jsQR) and followed
// in a fresh browser; a printed code and amount are checked, a tampered amount is caught;
// each region's 低保 cliff sits at its standard; an 89-year-old's 高龄补贴 steps up at 90.
import { fileURLToPath } from "node:url";
import jsQR from "jsqr";
import { test, expect, assertLocalOnly, axe, onCounterPc } from "./fixtures.mjs";

const SESSION_KEY = "benefit-estimator/v1";
const COUNTER_KEY = "benefit-estimator/counter-settings/v1";
const SHOTS = fileURLToPath(new URL("../../target/e2e-results/screenshots", import.meta.url));

/** Opens the app with `household` restored from the tab's session copy. */
async function openWith(page, url, region, household, members) {
  const saved = { request: { region, household, members }, lang: "zh", large: false, compare: null };
  await page.addInitScript(([k, s]) => { if (!sessionStorage.getItem(k)) sessionStorage.setItem(k, s); }, [SESSION_KEY, JSON.stringify(saved)]);
  await page.goto(url);
  await expect(page.getByTestId("total-year")).toBeVisible();
}

/** Reads the QR code in a screenshot of `locator`: the PNG is decoded in a page (canvas), the code by jsQR. */
async function readQr(page, locator) {
  const png = await locator.screenshot();
  const { data, width, height } = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext("2d");
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height);
    return { data: Array.from(d.data), width: d.width, height: d.height };
  }, png.toString("base64"));
  const code = jsQR(new Uint8ClampedArray(data), width, height);
  expect(code, "a QR code was read from the screenshot").not.toBeNull();
  return code.data;
}

const elder = [{ relation: "self", age: 70, hukou_type: "rural", hukou_local: true }];

test("the share link's QR code opens the same household and totals in a fresh browser", async ({ watched, browser, baseURL }) => {
  const { page, requests } = watched;
  await page.setViewportSize({ width: 360, height: 800 });
  await openWith(page, "/", "hebei", { economic_hardship: false }, [...elder, { relation: "spouse", age: 66 }]);
  const total = await page.getByTestId("total-year").textContent();
  const code = await page.getByTestId("result-code").textContent();
  await page.getByRole("button", { name: "分享链接" }).click();
  await expect(page.getByTestId("qr")).toHaveCount(0); // not before the warning is agreed to
  await page.locator(".make-link").click();
  const qr = page.locator(".share-panel [data-testid=qr] svg");
  await expect(qr).toBeVisible();
  const link = await readQr(page, qr);
  expect(link).toBe(await page.locator("#share-link").inputValue());
  expect(link.startsWith(baseURL)).toBe(true);
  // A phone that scans it: a fresh context, no session copy.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const p2 = await phone.newPage();
  await p2.goto(link);
  await expect(p2.getByTestId("total-year")).toHaveText(total);
  await expect(p2.getByTestId("result-code")).toHaveText(code);
  await expect(p2.locator("#f-1-age")).toHaveValue("66");
  await phone.close();
  // On paper too, once agreed to.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".print-summary [data-testid=qr] svg")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/print-with-qr.png`, fullPage: true });
  assertLocalOnly(requests);
});

test("a clerk checks a printed estimate: the code matches, a changed amount or character is caught", async ({ watched }) => {
  const { page } = watched;
  await openWith(page, "/", "haidong", { economic_hardship: false }, [{ relation: "self", age: 85, hukou_local: true, incapacity_level: "none" }]);
  const code = (await page.getByTestId("result-code").textContent()).replace("结果码 ", "").trim();
  const total = (await page.getByTestId("total-year").textContent()).replace(/[^0-9.]/g, "");
  await expect(page.getByTestId("rule-set")).toContainText(/规则版本 R-[0-9A-Z]{4}/);
  await page.getByRole("button", { name: "核对打印的测算" }).click();
  const panel = page.locator("#verify-panel");
  await panel.getByLabel("打印件上的结果码").fill(code);
  await panel.getByLabel(/打印件上的每年现金/).fill(total);
  await panel.getByRole("button", { name: "核对" }).click();
  const result = page.getByTestId("verify-result");
  await expect(result.locator(".ok").first()).toContainText("一致");
  await expect(result.locator(".differs")).toHaveCount(0);
  // One digit of the printed amount changed.
  const tampered = `1${total}`;
  await panel.getByLabel(/打印件上的每年现金/).fill(tampered);
  await panel.getByRole("button", { name: "核对" }).click();
  await expect(result.locator(".differs")).toContainText(`打印件上的每年现金 ${tampered} 元与计算所得 ${total} 元不一致`);
  // One character of the code mistyped.
  const typo = (code[0] === "A" ? "B" : "A") + code.slice(1);
  await panel.getByLabel("打印件上的结果码").fill(typo);
  await panel.getByRole("button", { name: "核对" }).click();
  await expect(result).toContainText("校验位不符");
  // Other answers: the household is not the one the code was made for.
  await panel.getByLabel("打印件上的结果码").fill(code);
  await panel.getByLabel(/打印件上的每年现金/).fill("");
  await page.locator("#f-0-age").fill("86");
  await panel.getByRole("button", { name: "核对" }).click();
  await expect(result.locator(".differs")).toContainText("家庭情况不是打印件所依据的");
});

for (const [region, rule] of [["haidong", "最低生活保障"], ["hebei", "最低生活保障"], ["jinan", "最低生活保障"]]) {
  test(`${region}: a 低保 household's cash falls off its cliff at the standard`, async ({ watched }) => {
    const { page } = watched;
    await page.setViewportSize({ width: 360, height: 800 });
    await openWith(page, "/", region, { dibao: true, expenditure_poverty: false, income_per_capita_month: "300", local_dibao_standard_month: "650" },
      [{ relation: "self", age: 40, hukou_province: true }, { relation: "child", age: 10, hukou_province: true }]);
    const chart = page.getByTestId("income-chart");
    await chart.locator("summary").click();
    await expect(chart.locator("svg.cash-chart")).toBeVisible();
    const cliff = chart.getByTestId("income-cliff").filter({ hasText: "月人均收入达到 650 元" });
    await expect(cliff).toHaveCount(1);
    await expect(cliff).toContainText(`失去“${rule}”`);
    // The table has the exact points either side, and marks the household's own income.
    const table = chart.getByTestId("income-table");
    await expect(table.locator("tr", { hasText: "649.99 元" })).toHaveCount(1);
    await expect(table.locator("tr.now")).toContainText("300 元");
    await chart.screenshot({ path: `${SHOTS}/income-${region}-phone.png` });
    await page.getByRole("button", { name: "English" }).click();
    await expect(chart.getByTestId("income-cliff").filter({ hasText: "From ¥650 a month per head" })).toHaveCount(1);
  });
}

test("Haidong: an 89-year-old's 高龄补贴 steps from 120 to 140 a month the year she turns 90", async ({ watched }) => {
  const { page } = watched;
  await openWith(page, "/", "haidong", {}, [{ relation: "self", age: 89, sex: "female", hukou_local: true, hukou_type: "rural" }]);
  const years = page.getByTestId("over-time");
  await years.locator("summary").click();
  const next = new Date().getFullYear() + 1;
  const step = years.getByTestId("age-step").filter({ hasText: `${next} 年：成员 1 满 90 岁` });
  await expect(step).toHaveCount(1);
  await expect(step).toContainText("120 元/月 → 140 元/月");
  await expect(years.getByTestId("years-table").locator("tbody tr")).toHaveCount(11);
  await years.screenshot({ path: `${SHOTS}/over-time-haidong.png` });
  // Printing opens it, so the paper carries the years.
  await years.locator("summary").click();
  await page.emulateMedia({ media: "print" });
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await expect(years.getByTestId("age-step").first()).toBeVisible();
});

test("the single file: no QR without a public address, then with the counter's; check, charts", async ({ watched, context }) => {
  const { page, requests } = watched;
  await onCounterPc(context, requests, async (url) => {
    await openWith(page, url, "hebei", { dibao: true, income_per_capita_month: "300", local_dibao_standard_month: "650" }, elder);
    await page.getByRole("button", { name: "分享链接" }).click();
    await page.locator(".make-link").click();
    await expect(page.locator(".share-panel [data-testid=qr-none]")).toContainText("share_base_url");
    // The counter sets the estimator's public address.
    await page.evaluate(([k]) => localStorage.setItem(k, JSON.stringify({ deployment: "柜台", regions: {}, share_base_url: "https://gov.example.cn/estimator/" })), [COUNTER_KEY]);
    await page.reload();
    await expect(page.getByTestId("total-year")).toBeVisible();
    await page.getByRole("button", { name: "分享链接" }).click();
    await page.locator(".make-link").click();
    const link = await readQr(page, page.locator(".share-panel [data-testid=qr] svg"));
    expect(link.startsWith("https://gov.example.cn/estimator/#")).toBe(true);
    const code = (await page.getByTestId("result-code").textContent()).replace("结果码 ", "").trim();
    await page.getByRole("button", { name: "核对打印的测算" }).click();
    await page.getByLabel("打印件上的结果码").fill(code);
    await page.locator("#verify-panel").getByRole("button", { name: "核对" }).click();
    await expect(page.getByTestId("verify-result").locator(".ok").first()).toContainText("一致");
    const chart = page.getByTestId("income-chart");
    await chart.locator("summary").click();
    await expect(chart.getByTestId("income-cliff").filter({ hasText: "650 元" })).toHaveCount(1);
    await page.getByTestId("over-time").locator("summary").click();
    await expect(page.getByTestId("years-table").locator("tbody tr")).toHaveCount(11);
  });
});

test("the QR code, the check panel and both what-ifs pass an axe-core scan, and are reached by keyboard", async ({ watched }) => {
  const { page } = watched;
  await openWith(page, "/", "hebei", { dibao: true, expenditure_poverty: false, income_per_capita_month: "300", local_dibao_standard_month: "650" }, elder);
  await page.getByRole("button", { name: "分享链接" }).click();
  await page.locator(".make-link").click();
  await page.getByRole("button", { name: "核对打印的测算" }).click();
  // By keyboard: the code field, then the total, then the button.
  await page.getByLabel("打印件上的结果码").focus();
  await page.keyboard.type((await page.getByTestId("result-code").textContent()).replace("结果码 ", ""));
  await page.keyboard.press("Tab");
  await expect(page.getByLabel(/打印件上的每年现金/)).toBeFocused();
  await page.keyboard.press("Enter"); // submits the form
  await expect(page.getByTestId("verify-result").locator(".ok").first()).toContainText("一致");
  // The what-ifs open from the keyboard too.
  await page.getByTestId("income-chart").locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("income-table")).toBeVisible();
  await page.getByTestId("over-time").locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("years-table")).toBeVisible();
  await axe(page, "QR code, check panel, what-ifs");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByTestId("income-chart").locator("summary")).toHaveText("If the income changes");
  await expect(page.getByTestId("income-cliff").first()).toContainText("From ¥650 a month per head");
  await axe(page, "the same in English");
});
