// A page fixture that fails the test on any console error or page error, and records
// every request (the page's, its frames' and its service worker's) so tests can assert
// nothing leaves 127.0.0.1.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { test as base, expect } from "@playwright/test";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export const test = base.extend({
  watched: async ({ page }, use) => {
    const problems = [];
    const requests = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    // On the context, not the page: a service worker's own fetches are reported only there.
    page.context().on("request", (r) => requests.push({ url: r.url(), at: Date.now() }));
    await use({ page, problems, requests });
    expect(problems, "console or page errors").toEqual([]);
  },
});

export { expect };

/** Every request went to the app's own origin. */
export function assertLocalOnly(requests) {
  const foreign = requests.filter((r) => !r.url.startsWith("http://127.0.0.1:"));
  expect(foreign.map((r) => r.url), "requests leaving 127.0.0.1").toEqual([]);
}

/** Waits until the app's service worker has installed its offline copy: its precache requests are part of the load. */
export async function offlineCopyInstalled(page) {
  const installed = () =>
    page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return reg?.active?.state === "activated" && !reg.installing && !reg.waiting && navigator.serviceWorker.controller !== null;
    });
  await expect.poll(installed, { message: "the service worker installed the offline copy", timeout: 20_000 }).toBe(true);
}

/** An axe-core scan of the page as it is (WCAG 2.1 A and AA, best practice): no violation. */
export async function axe(page, label) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } }),
  );
  const found = result.violations.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(found, `axe-core violations on ${label}`).toEqual([]);
}

const SINGLE_FILE = fileURLToPath(new URL("../../dist/benefit-estimator-offline.html", import.meta.url));

/**
 * The single-file build as on a counter PC with no server: copied alone to a fresh folder and opened
 * from disk with the network off. `use(url)` runs the test; then nothing but the file itself (and what
 * it carries inline as data: URLs) may have been requested.
 */
export async function onCounterPc(context, requests, use) {
  const dir = mkdtempSync(join(tmpdir(), "estimator-counter-pc-"));
  try {
    const copy = join(dir, "基本公共服务测算.html");
    copyFileSync(SINGLE_FILE, copy);
    const url = pathToFileURL(copy).href;
    await context.setOffline(true);
    await use(url);
    const other = requests.map((r) => r.url).filter((u) => u !== url && !u.startsWith("data:"));
    expect(other, "requests besides the file itself").toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
