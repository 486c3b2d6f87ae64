// Each region's rules are a file of their own (rules-<region>-<hash>.bin, issue 24): a first visit fetches the
// chosen region's (with its parents'), others come when chosen or compared, from the service worker's cache
// once the app has been visited, and the single file carries them all.
import { test, expect, offlineCopyInstalled, onCounterPc } from "./fixtures.mjs";

const REGIONS = { hebei: "河北省", qinghai: "青海省", haidong: "海东市", jinan: "济南市", yanbian: "盐边县" };
const packOf = (url) => url.match(/\/rules-([a-z]+)-[0-9a-f]{16}\.bin$/)?.[1];
const packsRequested = (requests) => [...new Set(requests.map((r) => packOf(r.url)).filter(Boolean))].sort();

/** The page's own requests (the service worker's precache aside). */
function pageRequests(page) {
  const seen = [];
  page.on("request", (r) => seen.push({ url: r.url(), at: Date.now() }));
  return seen;
}

/** A 70-year-old: every region has something for them, cited to its own document. */
async function resultsOf(page, region) {
  await expect(page.getByTestId("eligible"), region).toContainText(`${REGIONS[region]}，第`);
}

async function someResults(page, region = "hebei") {
  await page.locator("#f-0-age").fill("70");
  await resultsOf(page, region);
}

test("a first visit fetches only the chosen region's rules; choosing another region loads and shows its own", async ({ watched }) => {
  const { page } = watched;
  const requests = pageRequests(page);
  await page.goto("./");
  await someResults(page);
  expect(packsRequested(requests), "the default region's pack alone").toEqual(["hebei"]);
  // Haidong's rules build on Qinghai's: both come, and Haidong's results show.
  await page.locator("#region").selectOption("haidong");
  await resultsOf(page, "haidong");
  await expect(page.getByTestId("rules-loading")).toHaveCount(0);
  expect(packsRequested(requests)).toEqual(["haidong", "hebei", "qinghai"]);
  // What was entered stays.
  await expect(page.locator("#f-0-age")).toHaveValue("70");
  // Back to Hebei: nothing fetched again.
  const before = requests.length;
  await page.locator("#region").selectOption("hebei");
  await resultsOf(page, "hebei");
  expect(requests.slice(before).filter((r) => packOf(r.url))).toEqual([]);
});

test("the address's region is the one fetched at start, alongside the wasm", async ({ watched }) => {
  const { page } = watched;
  const requests = pageRequests(page);
  await page.goto("./?region=jinan");
  await expect(page.locator("#region")).toHaveValue("jinan");
  await someResults(page, "jinan");
  expect(packsRequested(requests)).toEqual(["jinan"]);
  // Started by the start-up script, not after the wasm: requested before the wasm finished.
  const pack = requests.find((r) => packOf(r.url));
  const wasm = requests.find((r) => r.url.endsWith("_bg.wasm"));
  expect(pack.at - wasm.at, "ms between the wasm's request and the pack's").toBeLessThan(1000);
});

test("a share link's region is the one fetched at start", async ({ watched, browser }) => {
  const { page } = watched;
  await page.goto("./?region=yanbian");
  await someResults(page, "yanbian");
  await page.getByRole("button", { name: "分享链接" }).click();
  await page.getByRole("button", { name: "我明白，生成链接" }).click();
  const link = await page.locator("#share-link").inputValue();
  // Opened by someone else, on a first visit.
  const other = await browser.newContext({ serviceWorkers: "block" });
  const page2 = await other.newPage();
  const requests = pageRequests(page2);
  await page2.goto(link);
  await expect(page2.locator("#region")).toHaveValue("yanbian");
  await resultsOf(page2, "yanbian");
  expect(packsRequested(requests), "the link's region alone, not the default's").toEqual(["yanbian"]);
  await other.close();
});

test("comparing loads the other region's rules", async ({ watched }) => {
  const { page } = watched;
  const requests = pageRequests(page);
  await page.goto("./");
  await someResults(page);
  await page.locator("#compare-region").selectOption("yanbian");
  const b = page.getByTestId("compare-b");
  await expect(b.locator("h3")).toHaveText(REGIONS.yanbian);
  await expect(b.locator("li").first()).toBeVisible();
  expect(packsRequested(requests)).toEqual(["hebei", "yanbian"]);
});

test("after one visit, a region never shown before works offline (the service worker keeps every pack)", async ({ watched, context }) => {
  const { page } = watched;
  await page.goto("./");
  await someResults(page);
  await offlineCopyInstalled(page);
  await context.setOffline(true);
  await page.reload();
  await someResults(page);
  const served = [];
  page.on("response", (r) => served.push({ url: r.url(), sw: r.fromServiceWorker() }));
  await page.locator("#region").selectOption("yanbian");
  await resultsOf(page, "yanbian");
  const packs = served.filter((r) => packOf(r.url));
  expect(packs.map((r) => packOf(r.url))).toEqual(["yanbian"]);
  expect(packs.every((r) => r.sw), "from the service worker's cache").toBe(true);
});

test("offline with no copy kept, another region says why, keeps the input, and loads once online", async ({ browser }) => {
  // No service worker: as in a browser that has none, or before the first visit's copy is installed.
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("./");
  await someResults(page);
  await context.setOffline(true);
  await page.locator("#region").selectOption("jinan");
  const failed = page.getByTestId("rules-failed");
  await expect(failed).toContainText("无法载入济南市的政策规则");
  await expect(failed).toContainText("网络不可用");
  await expect(page.locator("#f-0-age")).toHaveValue("70");
  await context.setOffline(false);
  await failed.getByRole("button", { name: "重试" }).click();
  await resultsOf(page, "jinan");
  await expect(failed).toHaveCount(0);
  expect(errors, "no page error (never a panic)").toEqual([]);
  await context.close();
});

test("a pack that is not this build's is refused with a message, never a panic", async ({ browser }) => {
  // No service worker, whose copy is the right file.
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.route(/rules-jinan-[0-9a-f]{16}\.bin$/, (route) => route.fulfill({ status: 200, body: "<!doctype html><p>moved</p>" }));
  await page.goto("./");
  await someResults(page);
  await page.locator("#region").selectOption("jinan");
  const failed = page.getByTestId("rules-failed");
  await expect(failed).toContainText("网站上的文件有误");
  await expect(failed).toContainText("rules-jinan-");
  await expect(page.locator("#f-0-age")).toHaveValue("70");
  expect(errors, "no page error (never a panic)").toEqual([]);
  await context.close();
});

test("the single file opened from disk works for every region, with no fetch", async ({ watched, context }) => {
  const { page, requests } = watched;
  await onCounterPc(context, requests, async (url) => {
    await page.goto(url);
    await someResults(page);
    // A region and, in the same moment, its child for the comparison: both loads read the
    // parent's built-in rules.
    await page.evaluate(() => {
      for (const [id, value] of [["region", "qinghai"], ["compare-region", "haidong"]]) {
        const select = document.getElementById(id);
        select.value = value;
        select.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
    await resultsOf(page, "qinghai");
    await expect(page.getByTestId("compare-b").locator("h3")).toHaveText(REGIONS.haidong);
    await expect(page.getByTestId("rules-failed")).toHaveCount(0);
    await page.locator("#compare-region").selectOption("");
    for (const [id, name] of Object.entries(REGIONS)) {
      await page.locator("#region").selectOption(id);
      await expect(page.locator("#region option:checked")).toHaveText(name);
      await resultsOf(page, id);
      await expect(page.getByTestId("rules-failed")).toHaveCount(0);
    }
  });
});

test("the JavaScript API waits for a region with ready()", async ({ watched }) => {
  const { page } = watched;
  await page.goto("./");
  await page.waitForFunction(() => typeof window.wasmBindings?.ready === "function");
  const request = { region: "yanbian", date: "2024-06-01", members: [{ age: 70 }] };
  const before = await page.evaluate((r) => window.wasmBindings.estimate(r), request);
  expect(before.ok).toBe(false);
  expect(before.error.code).toBe("not_loaded");
  expect(before.error.path).toBe("region");
  expect(before.error.message_en).toContain('ready("yanbian")');
  const ready = await page.evaluate(() => window.wasmBindings.ready("yanbian"));
  expect(ready).toEqual({ ok: true, value: null });
  // A region and its child at once.
  const both = await page.evaluate(() => Promise.all([window.wasmBindings.ready("haidong"), window.wasmBindings.ready("qinghai")]));
  expect(both).toEqual([{ ok: true, value: null }, { ok: true, value: null }]);
  const after = await page.evaluate((r) => window.wasmBindings.estimate(r), request);
  expect(after.ok).toBe(true);
  expect(after.value.region.id).toBe("yanbian");
  const catalog = await page.evaluate(() => window.wasmBindings.catalog("yanbian"));
  expect(catalog.ok).toBe(true);
  expect(catalog.value.rules.length).toBeGreaterThan(0);
  // Twice is fine; an unknown region is an error, not a rejection.
  expect(await page.evaluate(() => window.wasmBindings.ready("yanbian"))).toEqual({ ok: true, value: null });
  const unknown = await page.evaluate(() => window.wasmBindings.ready("atlantis"));
  expect(unknown.ok).toBe(false);
  expect(unknown.error.code).toBe("unknown_region");
  // The app's picker sees the region the API loaded: no second request for it.
  await page.locator("#region").selectOption("yanbian");
  await someResults(page, "yanbian");
});
