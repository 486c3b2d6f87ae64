// Local figures set once by the deployment (issue 21), in the release build: settings.json next to index.html,
// a bad one reported for the administrator while the app runs on, the counter screen (localStorage, settings
// only), the embed's settings attribute, and the single file with settings built in. The household is Haidong's
// 临时救助 (item 59), capped at 5 × the urban 低保 standard: the document's own 2021 figure (672) by default.
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { test, expect, assertLocalOnly } from "./fixtures.mjs";
import { answer } from "./household.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const EMBED = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4173) + 1}/gov/settings-page.html`;

// Requests must reach page.route, not the service worker.
test.use({ serviceWorkers: "block" });

const SETTINGS = {
  schema: "benefit-settings/1",
  deployment: "海东市平安区政务服务中心",
  regions: {
    haidong: {
      urban_dibao_standard_month: { value: "750", year: 2025, source: "海东市民政局 2025 年第 3 号通知" },
    },
  },
};
const SITE_LABEL = "按本站设定：当地城市低保标准（每人每月） 750 元（2025 年，海东市民政局 2025 年第 3 号通知）";

/** Serves `body` as this page's settings.json. */
const settingsFile = (page, body, status = 200) =>
  page.route("**/settings.json", (route) =>
    route.fulfill({ status, contentType: "application/json", body: typeof body === "string" ? body : JSON.stringify(body) }),
  );

/** A household in sudden hardship in Haidong; returns the 临时救助 row. */
async function temporaryHardship(root) {
  await expect(root.locator("#region")).toHaveValue("haidong");
  await root.locator("#f-0-age").fill("44");
  // As a resident answers: the question may be folded under 更多服务 (a card shows a few at once).
  await answer(root, null, "temporary_hardship", true);
  const row = root.getByTestId("eligible").locator("li", { hasText: "临时救助" });
  await expect(row).toBeVisible();
  return row;
}

test("the document's own figure is the default, and says so", async ({ watched }) => {
  const { page } = watched;
  await page.goto("./?region=haidong");
  const row = await temporaryHardship(page);
  await expect(row).toContainText("0–3360 元");
  await expect(row.getByTestId("figure")).toHaveText(/^文件所载 2021 年标准：当地城市低保标准（每人每月） 672 元（.*第 63 项/);
  await expect(page.getByTestId("settings-problem")).toHaveCount(0);
});

test("the resident's own figure wins over the document's, entered among the optional questions", async ({ watched }) => {
  const { page } = watched;
  await page.goto("./?region=haidong");
  const row = await temporaryHardship(page);
  await expect(row).toContainText("0–3360 元");
  // Not asked in the main form, but there to answer under 更多服务 (opened to reach 临时救助).
  await answer(page, null, "urban_dibao_standard_month", "800");
  await expect(row).toContainText("0–4000 元");
  await expect(row.getByTestId("figure")).toHaveCount(0);
});

test("settings.json next to index.html: not asked, used, labelled and printed with its source", async ({ watched }) => {
  const { page, requests } = watched;
  await settingsFile(page, SETTINGS);
  await page.goto("./?region=haidong");
  const row = await temporaryHardship(page);
  await expect(row).toContainText("0–3750 元");
  await expect(row.getByTestId("figure")).toHaveText(SITE_LABEL);
  // The figure is never asked, not even among the optional questions.
  await page.locator(".household button.more").click();
  await expect(page.locator("#f-h-urban_dibao_standard_month")).toHaveCount(0);
  // The printed summary lists the settings used with their source.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".print-summary")).toContainText(SITE_LABEL);
  await page.emulateMedia({ media: "screen" });
  // Read once, at start, from the app's own origin; nothing else after.
  const reads = requests.filter((r) => r.url.endsWith("/settings.json"));
  expect(reads).toHaveLength(1);
  assertLocalOnly(requests);
});

test("a missing settings.json is fine", async ({ page }) => {
  const errors = [];
  page.on("console", (m) => m.type() === "error" && !m.text().includes("404") && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  await settingsFile(page, "not found", 404);
  await page.goto("./?region=haidong");
  const row = await temporaryHardship(page);
  await expect(row).toContainText("0–3360 元");
  await expect(page.getByTestId("settings-problem")).toHaveCount(0);
  expect(errors).toEqual([]);
});

const BAD = [
  // The screen is in Chinese, the console in English: a path reads the same in both.
  ["not JSON", '{ "deployment": "x", ', "不是有效的 JSON", "not valid JSON"],
  [
    "a wrong type",
    { deployment: "x", regions: { haidong: { urban_dibao_standard_month: { value: true, year: 2025, source: "s" } } } },
    "regions.haidong.urban_dibao_standard_month.value",
  ],
  ["an unknown key", { deployment: "x", regions: {}, colour: "red" }, "colour"],
  [
    "an unknown fact",
    { deployment: "x", regions: { haidong: { shoe_size: { value: 42, year: 2025, source: "s" } } } },
    "regions.haidong.shoe_size",
  ],
  [
    "a fact that is not deployment-wide",
    { deployment: "x", regions: { haidong: { income_per_capita_month: { value: "300", year: 2025, source: "s" } } } },
    "regions.haidong.income_per_capita_month",
  ],
];

for (const [what, body, key, consoleKey = key] of BAD) {
  test(`a settings file with ${what} is reported, and the app runs without it`, async ({ page }) => {
    const errors = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
    await settingsFile(page, body);
    await page.goto("./?region=haidong");
    const problem = page.getByTestId("settings-problem");
    await expect(problem).toContainText("本站设置");
    await expect(problem).toContainText("请告知网站管理员");
    await expect(problem).toContainText(key);
    // The estimate runs on the document's own figure.
    const row = await temporaryHardship(page);
    await expect(row).toContainText("0–3360 元");
    // In the console too, and nothing else went wrong.
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("benefit-estimator: the settings");
    expect(errors[0]).toContain(consoleKey);
  });
}

test("the counter screen: a clerk's figures, kept in this browser, settings only", async ({ watched }) => {
  const { page, requests } = watched;
  await page.goto("./?region=haidong");
  await page.getByTestId("counter-link").click();
  const counter = page.getByTestId("counter");
  await expect(counter.getByRole("heading", { name: "柜台设置" })).toBeVisible();
  await counter.locator("#counter-region").selectOption("haidong");
  await counter.locator("#counter-deployment").fill("海东市乐都区便民服务窗口");
  // A value that is not an amount is refused, naming the key; nothing is saved.
  await counter.locator("#counter-urban_dibao_standard_month").fill("七百六");
  await counter.locator("#counter-urban_dibao_standard_month-year").fill("2026");
  await counter.locator("#counter-urban_dibao_standard_month-source").fill("乐都区民政局 2026 年通知");
  await counter.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("counter-message")).toContainText("regions.haidong.urban_dibao_standard_month.value");
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  await counter.locator("#counter-urban_dibao_standard_month").fill("760");
  await counter.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("counter-message")).toContainText("已保存");
  await counter.getByRole("button", { name: "返回测算" }).click();

  const label = "按本站设定：当地城市低保标准（每人每月） 760 元（2026 年，乐都区民政局 2026 年通知）";
  let row = await temporaryHardship(page);
  await expect(row).toContainText("0–3800 元");
  await expect(row.getByTestId("figure")).toHaveText(label);
  // Kept over a reload; localStorage holds the settings and nothing the resident entered.
  await page.reload();
  row = page.getByTestId("eligible").locator("li", { hasText: "临时救助" });
  await expect(row.getByTestId("figure")).toHaveText(label);
  const stored = await page.evaluate(() => Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]));
  expect(stored.map(([k]) => k)).toEqual(["benefit-estimator/counter-settings/v1"]);
  expect(stored[0][1]).not.toContain("temporary_hardship");
  expect(stored[0][1]).not.toContain("age");

  // Import: a bad file is refused naming the key; a good one replaces the figures.
  await page.getByTestId("counter-link").click();
  await counter.locator("#counter-import").fill(JSON.stringify({ deployment: "x", regions: { haidong: { age: { value: 70, year: 2025, source: "s" } } } }));
  await counter.getByRole("button", { name: "导入" }).click();
  await expect(page.getByTestId("counter-message")).toContainText("regions.haidong.age");
  await counter.locator("#counter-import").fill(JSON.stringify(SETTINGS));
  await counter.getByRole("button", { name: "导入" }).click();
  await expect(page.getByTestId("counter-message")).toContainText("已保存");
  await expect(counter.locator("#counter-urban_dibao_standard_month")).toHaveValue("750");
  await counter.getByRole("button", { name: "返回测算" }).click();
  await expect(page.getByTestId("eligible").locator("li", { hasText: "临时救助" }).getByTestId("figure")).toHaveText(SITE_LABEL);
  // Cleared, the document's figure is back.
  await page.getByTestId("counter-link").click();
  await counter.getByRole("button", { name: "清除本机设置" }).click();
  await counter.getByRole("button", { name: "返回测算" }).click();
  await expect(page.getByTestId("eligible").locator("li", { hasText: "临时救助" })).toContainText("0–3360 元");
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  assertLocalOnly(requests);
});

test("the counter's figures take precedence over the site's, fact by fact", async ({ watched }) => {
  const { page } = watched;
  await settingsFile(page, SETTINGS);
  await page.addInitScript(() => {
    if (!localStorage.length)
      localStorage.setItem(
        "benefit-estimator/counter-settings/v1",
        JSON.stringify({ deployment: "柜台", regions: { haidong: { urban_dibao_standard_month: { value: "800", year: 2026, source: "柜台录入" } } } }),
      );
  });
  await page.goto("./?region=haidong");
  const row = await temporaryHardship(page);
  await expect(row).toContainText("0–4000 元");
  await page.getByTestId("counter-link").click();
  await expect(page.getByTestId("site-settings")).toContainText(SITE_LABEL);
});

test("embedded with a settings attribute, the app uses that file", async ({ watched }) => {
  const { page, requests } = watched;
  await page.goto(EMBED);
  const app = page.frameLocator("benefit-estimator iframe");
  const row = await temporaryHardship(app);
  await expect(row).toContainText("0–3750 元");
  await expect(row.getByTestId("figure")).toHaveText(SITE_LABEL);
  expect(requests.filter((r) => r.url.endsWith("/gov/estimator-settings.json"))).toHaveLength(1);
  // The app's own settings.json is not read when the element names a file.
  expect(requests.filter((r) => r.url.endsWith("/estimator/settings.json"))).toHaveLength(0);
  assertLocalOnly(requests);
});

test("the single file with settings built in (./dev build --settings) uses them from disk, offline", async ({ watched, context }) => {
  const { page, requests } = watched;
  const dir = mkdtempSync(join(tmpdir(), "estimator-settings-"));
  try {
    // What `./dev build --settings FILE` does after trunk: the post-build step with the file named.
    cpSync(join(ROOT, "dist"), join(dir, "dist"), { recursive: true });
    const file = join(dir, "settings.json");
    cpSync(join(ROOT, "tests/e2e/host/estimator-settings.json"), file);
    execFileSync("node", [join(ROOT, "tools/dist/postbuild.mjs"), join(dir, "dist"), "--release"], {
      env: { ...process.env, BENEFIT_ESTIMATOR_SETTINGS: file },
      stdio: "pipe",
    });
    expect(JSON.parse(readFileSync(join(dir, "dist/settings.json"), "utf8"))).toEqual(SETTINGS);
    const url = pathToFileURL(join(dir, "dist/benefit-estimator-offline.html")).href + "?region=haidong";
    await context.setOffline(true);
    await page.goto(url);
    const row = await temporaryHardship(page);
    await expect(row).toContainText("0–3750 元");
    await expect(row.getByTestId("figure")).toHaveText(SITE_LABEL);
    const other = requests.map((r) => r.url).filter((u) => u !== url && !u.startsWith("data:"));
    expect(other, "requests besides the file itself").toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
