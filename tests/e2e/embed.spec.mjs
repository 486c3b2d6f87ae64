// Embedding: a page of a government site, with hostile CSS and a strict CSP, embeds the estimator
// served under a sub-path with <benefit-estimator region=… lang=…>. The attributes are honoured, the
// journey works, the host's styles do not reach the app, and the host page is left exactly as it was.
import { test, expect, assertLocalOnly } from "./fixtures.mjs";
import { boardingPupilJourney } from "./journey.mjs";

const ORIGIN = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4173) + 1}`;
const HOST = `${ORIGIN}/gov/page.html`;

/** The host page's own state: its document, and each of its elements with the styles it computes. */
const hostState = (page) =>
  page.evaluate(() => ({
    title: document.title,
    url: location.href,
    html: [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`),
    head: document.head.innerHTML,
    elements: [...document.body.querySelectorAll("*")]
      .filter((e) => e.localName !== "benefit-estimator")
      .map((e) => {
        const s = getComputedStyle(e);
        return { html: e.outerHTML, display: s.display, font: `${s.fontSize} ${s.fontFamily}`, color: s.color, margin: s.margin };
      }),
  }));

test("embedded under a sub-path in a hostile page, it works and leaves the page alone", async ({ watched }) => {
  const { page, requests } = watched;
  const violations = [];
  page.on("console", (m) => m.text().includes("Content Security Policy") && violations.push(m.text()));
  const response = await page.goto(HOST);
  expect(response.headers()["content-security-policy"]).toContain("script-src 'self' 'wasm-unsafe-eval'");
  const app = page.frameLocator("benefit-estimator iframe");

  // The attributes chose the region and the language.
  await expect(app.getByRole("heading", { name: "Basic public services estimator" })).toBeVisible();
  await expect(app.locator("#region")).toHaveValue("qinghai");
  // The host's `* { font-size: 30px }`, `html { font-size: 30px }` and `button { display: none }` stop at the frame.
  await expect(app.locator("h1")).toHaveCSS("font-size", "20px");
  await expect(app.getByRole("button", { name: "中文" })).toBeVisible();

  const before = await hostState(page);
  expect(before.elements.find((e) => e.html.startsWith('<button id="host-button"')).display).toBe("none");
  expect(before.elements.find((e) => e.html.startsWith('<p id="host-text"')).font).toBe("30px serif");

  // The journey, in the region picker and the language switch too.
  await app.locator("#region").selectOption("hebei");
  await app.getByRole("button", { name: "中文" }).click();
  await boardingPupilJourney(app);

  // The frame took the height of its content: no scroll bar inside, no gap below.
  const frame = page.locator("benefit-estimator iframe");
  await expect
    .poll(async () => {
      const outer = await frame.evaluate((f) => f.getBoundingClientRect().height);
      const inner = await frame.evaluate((f) => f.contentDocument.documentElement.getBoundingClientRect().height);
      return Math.abs(outer - Math.ceil(inner));
    })
    .toBeLessThanOrEqual(1);
  expect(await frame.evaluate((f) => f.getBoundingClientRect().height)).toBeGreaterThan(640);

  expect(await hostState(page), "the host page after the journey").toEqual(before);
  expect(violations, "CSP violations").toEqual([]);
  assertLocalOnly(requests);
});

test("changing an attribute reloads the app with the new choice", async ({ watched }) => {
  const { page } = watched;
  await page.goto(HOST);
  const app = page.frameLocator("benefit-estimator iframe");
  await expect(app.locator("#region")).toHaveValue("qinghai");
  await page.locator("benefit-estimator").evaluate((e) => {
    e.setAttribute("region", "hebei");
    e.setAttribute("lang", "zh");
  });
  await expect(app.getByRole("heading", { name: "基本公共服务测算" })).toBeVisible();
  await expect(app.locator("#region")).toHaveValue("hebei");
});

test("an unknown region or language is ignored with a warning naming it", async ({ watched }) => {
  const { page } = watched;
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.goto(`${ORIGIN}/gov/tools/estimator/?region=atlantis&lang=fr`);
  await expect(page.getByRole("heading", { name: "基本公共服务测算" })).toBeVisible();
  await expect(page.locator("#region")).toHaveValue("hebei");
  expect(warnings.join("\n")).toContain('region="atlantis"');
  expect(warnings.join("\n")).toContain('lang="fr"');
});

test("embedded by a site on another origin: embed.js over CORS, the app framed as frame-ancestors allows", async ({ watched }) => {
  // The first test server's origin stands for another site (playwright.config.mjs names it in the
  // app's frame-ancestors). embed.js is a module script: fetched with CORS, it runs only because the
  // app's server sends Access-Control-Allow-Origin with it.
  const { page } = watched;
  const other = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4173)}`;
  const embedJs = `${ORIGIN}/gov/tools/estimator/embed.js`;
  const script = page.waitForResponse(embedJs);
  await page.goto(`${other}/other-site/embeds.html`);
  expect((await script).headers()["access-control-allow-origin"]).toBe("*");
  const app = page.frameLocator("benefit-estimator iframe");
  await expect(app.getByRole("heading", { name: "Basic public services estimator" })).toBeVisible();
  await expect(app.locator("#region")).toHaveValue("hebei");
  // The height message crosses origins too.
  const frame = page.locator("benefit-estimator iframe");
  await expect.poll(() => frame.evaluate((f) => f.getBoundingClientRect().height)).not.toBe(640);
});
