// The app under a strict Content-Security-Policy (tests/e2e/serve.mjs STRICT_CSP: no inline script or
// style, script-src 'self' 'wasm-unsafe-eval', connect-src 'self'): no violation while it is used.
import { test, expect, assertLocalOnly } from "./fixtures.mjs";
import { boardingPupilJourney } from "./journey.mjs";
import { cspFor, STRICT_CSP } from "./serve.mjs";

const PORT = Number(process.env.E2E_PORT ?? 4173);
const APP = `http://127.0.0.1:${PORT + 1}/gov/tools/estimator/`;
// The site that embeds the app from another origin (playwright.config.mjs: --embedder).
const EMBEDDER = `http://127.0.0.1:${PORT}`;

/** Records every securitypolicyviolation event of every frame into window.__violations. */
async function recordViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

test("no CSP violation while the app is used under a strict policy", async ({ watched }) => {
  const { page, requests } = watched;
  await recordViolations(page);
  const response = await page.goto(APP);
  expect(response.headers()["content-security-policy"]).toBe(cspFor([EMBEDDER]));
  expect(STRICT_CSP).toContain("frame-ancestors 'self'");
  await expect(page.getByRole("heading", { name: "基本公共服务测算" })).toBeVisible();
  await boardingPupilJourney(page);
  // Issue 23's parts draw SVG and markup: the QR code, the check panel, both what-ifs.
  await page.getByRole("button", { name: "分享链接" }).click();
  await page.locator(".make-link").click();
  await expect(page.locator(".share-panel [data-testid=qr] svg")).toBeVisible();
  await page.getByRole("button", { name: "核对打印的测算" }).click();
  await page.getByLabel("打印件上的结果码").fill((await page.getByTestId("result-code").textContent()).replace("结果码 ", ""));
  await page.locator("#verify-panel").getByRole("button", { name: "核对" }).click();
  await expect(page.getByTestId("verify-result").locator(".ok").first()).toContainText("一致");
  await page.getByTestId("over-time").locator("summary").click();
  await expect(page.getByTestId("years-table")).toBeVisible();
  const income = page.getByTestId("income-chart");
  if (await income.count()) {
    await income.locator("summary").click();
    await expect(income.locator("svg.cash-chart")).toBeVisible();
  }
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Basic public services estimator" })).toBeVisible();
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  assertLocalOnly(requests);
});

test("the policy is really enforced: an inline script is blocked and reported", async ({ page }) => {
  await recordViolations(page);
  await page.goto(APP);
  await expect(page.getByRole("heading", { name: "基本公共服务测算" })).toBeVisible();
  const ran = await page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.__inlineRan = true";
    document.head.append(s);
    return window.__inlineRan === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => page.evaluate(() => window.__violations)).toEqual([expect.stringContaining("script-src")]);
});

test("frame-ancestors: a page on an origin the policy does not name cannot frame the app", async ({ page }) => {
  // Clickjacking: without frame-ancestors any site could show the app in a frame of its own.
  // localhost is not 127.0.0.1: the same server, another origin, one the policy does not name.
  const refused = page.waitForEvent("console", { predicate: (m) => m.text().includes("frame-ancestors"), timeout: 15_000 });
  await page.goto(`http://localhost:${PORT}/other-site/frames.html`);
  expect((await refused).text()).toContain("frame-ancestors 'self'");
  await expect(page.frameLocator("iframe").getByRole("heading", { name: "基本公共服务测算" })).toHaveCount(0);
  // The same page on the origin the policy names frames the app.
  await page.goto(`${EMBEDDER}/other-site/frames.html`);
  await expect(page.frameLocator("iframe").getByRole("heading", { name: "基本公共服务测算" })).toBeVisible();
});
