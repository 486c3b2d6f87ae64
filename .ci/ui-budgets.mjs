// Browser budgets of issue 24, measured against the release build (dist/) in headless Chromium on
// 127.0.0.1, served gzip-compressed as a government web server would. What a resident waits for:
//   - first visit: the bytes the browser downloads for the first rendered result, per region
//     (from the network log of a cold load: every request of the page until it settles, the
//     service worker's precache aside). ENFORCED: more than 2 KB over the figure recorded in
//     .ci/first-visit.json fails, unless `--record` rewrites it (in the same commit); reported
//     beside it, the same visit with brotli bodies, for a server that can send them;
//   - first result on a mid-range phone profile (CPU slowed 4×, 1.6 Mbit/s down, 150 ms latency):
//     median of 5 cold loads (cache disabled) and of 5 warm loads (from the service worker's cache);
//   - one edit on that profile: a 5-member household, median of 20 edits, from the input event to
//     the end of the work it triggers plus a forced layout; and, unthrottled, an 8-member one;
//   - each what-if chart (income, next ten years) drawn for the 8-member household, unthrottled.
// Timings are reported, not asserted (these machines are shared); the first-visit bytes are exact.
// Usage: node .ci/ui-budgets.mjs [dist] [--record]. Writes target/ui-budgets.json.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import zlib, { brotliCompressSync, gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";

const args = process.argv.slice(2);
const record = args.includes("--record");
const dir = args.find((a) => !a.startsWith("--")) ?? "dist";
const port = Number(process.env.BUDGET_PORT ?? 4183);
const url = `http://127.0.0.1:${port}/`;
const BUDGET = { firstVisitBytes: 300_000, coldMs: 1500, warmMs: 300, phoneEditMs: 16, editMs: 16, chartMs: 16 };
const GROWTH_LIMIT_BYTES = 2048;
const RECORD_PATH = ".ci/first-visit.json";
const REGIONS = ["haidong", "qinghai", "hebei", "jinan", "yanbian"];
/** Chrome DevTools' own numbers for a mid-range phone on a slow 4G link, as the issue states them. */
const PHONE = { cpu: 4, latency: 150, down: (1.6 * 1024 * 1024) / 8, up: (750 * 1024) / 8 };
const SESSION_KEY = "benefit-estimator/v1";

const server = spawn("node", ["tests/e2e/serve.mjs", dir, String(port), "/", "--gzip"], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise((resolve) => server.stdout.once("data", resolve));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"],
});

/** Notes, before any script runs, when the totals first appear (ms since navigation start). */
const watchFirstResult = () => {
  new MutationObserver((_, obs) => {
    if (document.querySelector("[data-testid=total-year]")) {
      window.__firstResult = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};
const session = (region, members, household = {}) =>
  JSON.stringify({ request: { region, household, members }, lang: "zh", large: false, compare: null });
const oneMember = [{ relation: "self", age: 70 }];

async function throttle(cdp, { cpu = true, net = true } = {}) {
  if (cpu) await cdp.send("Emulation.setCPUThrottlingRate", { rate: PHONE.cpu });
  if (net) {
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false, latency: PHONE.latency, downloadThroughput: PHONE.down, uploadThroughput: PHONE.up,
    });
  }
}

try {
  // 1. First visit, per region: bytes on the wire (gzip as served, headers included) of every
  //    response that finished before the first result.
  const firstVisit = {};
  const brotliVisit = {};
  for (const region of REGIONS) {
    const ctx = await browser.newContext({ serviceWorkers: "block" });
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const sizes = new Map();
    const urls = new Map();
    cdp.on("Network.responseReceived", (e) => urls.set(e.requestId, e.response.url));
    cdp.on("Network.loadingFinished", (e) => sizes.set(e.requestId, e.encodedDataLength));
    await page.addInitScript(watchFirstResult);
    await page.addInitScript(([k, s]) => sessionStorage.setItem(k, s), [SESSION_KEY, session(region, oneMember)]);
    await page.goto(url);
    await page.waitForFunction(() => window.__firstResult !== undefined);
    const region_shown = await page.evaluate(() => document.documentElement.innerText.length > 0);
    if (!region_shown) throw new Error(`${region}: nothing rendered`);
    // The icon may arrive just before or just after the first result: wait until the
    // page's requests have settled and count them all, so the figure does not flicker.
    await page.waitForLoadState("networkidle");
    firstVisit[region] = [...sizes.values()].reduce((a, b) => a + b, 0);
    // The same responses served with brotli instead (what a server configured for it
    // sends; report only, for the hosting decision): each compressed body swapped for its
    // brotli size, headers as measured.
    brotliVisit[region] = [...sizes.keys()].reduce((total, id) => {
      const path = new URL(urls.get(id) ?? url).pathname.replace(/^\/$/, "/index.html");
      const file = join(dir, decodeURIComponent(path));
      if (path.endsWith(".png") || !existsSync(file)) return total;
      const body = readFileSync(file);
      const br = brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
      return total - gzipSync(body, { level: 9 }).length + br.length;
    }, firstVisit[region]);
    await ctx.close();
  }

  // 2. First result on the phone profile, cold: a fresh context each time, no cache, no worker.
  const cold = [];
  for (let i = 0; i < 5; i++) {
    const ctx = await browser.newContext({ serviceWorkers: "block" });
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await throttle(cdp);
    await page.addInitScript(watchFirstResult);
    await page.goto(url);
    await page.waitForFunction(() => window.__firstResult !== undefined, null, { timeout: 60_000 });
    cold.push(await page.evaluate(() => window.__firstResult));
    await ctx.close();
  }

  // 3. Warm: one unthrottled visit installs the service worker and its precache; then reloads
  //    on the phone profile are served from that cache.
  const warm = [];
  {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.addInitScript(watchFirstResult);
    await page.goto(url);
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await page.reload(); // the first page is not controlled by the worker it installed
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 60_000, polling: 200 });
    const cdp = await ctx.newCDPSession(page);
    await throttle(cdp);
    for (let i = 0; i < 6; i++) {
      await page.reload();
      await page.waitForFunction(() => window.__firstResult !== undefined, null, { timeout: 60_000 });
      const t = await page.evaluate(() => window.__firstResult);
      const fromWorker = await page.evaluate(() =>
        performance.getEntriesByType("resource").filter((e) => e.name.endsWith(".wasm")).every((e) => e.workerStart > 0 || e.transferSize === 0));
      if (!fromWorker) throw new Error("the warm load did not come from the service worker's cache: the measurement is void");
      if (i > 0) warm.push(t); // the first reload compiles the cached wasm once more
    }
    await ctx.close();
  }

  // 4. Edits: on the phone profile (CPU only) for 5 members; unthrottled for 8, as before.
  const edit = async (members, cpu) => {
    const ctx = await browser.newContext({ serviceWorkers: "block" });
    const page = await ctx.newPage();
    if (cpu) await throttle(await ctx.newCDPSession(page), { net: false });
    await page.addInitScript(([k, s]) => sessionStorage.setItem(k, s), [SESSION_KEY, session("haidong", members, { dibao: true, economic_hardship: true })]);
    await page.goto(url);
    await page.waitForSelector("#f-0-age", { timeout: 60_000 });
    const r = await page.evaluate(async () => {
      const nextTask = () => new Promise((res) => { const c = new MessageChannel(); c.port1.onmessage = res; c.port2.postMessage(0); });
      const age = document.getElementById("f-0-age");
      const total = () => document.querySelector("[data-testid=total-year]").textContent;
      const times = [];
      const seen = new Set();
      for (let i = 0; i < 21; i++) {
        const t0 = performance.now();
        age.value = i % 2 ? "79" : "80"; // crosses Haidong's 80-year longevity band
        age.dispatchEvent(new Event("input", { bubbles: true }));
        await nextTask();
        void document.body.offsetHeight; // style and layout of the new results
        const t1 = performance.now();
        seen.add(total());
        if (i > 0) times.push(t1 - t0); // the first edit warms the code paths
      }
      return { times, distinct: seen.size };
    });
    if (r.distinct < 2) throw new Error("the edits did not change the results: the measurement is void");
    await ctx.close();
    return r.times;
  };
  const grandparents = [
    { relation: "self", age: 79, hukou_type: "urban", hukou_local: true, disability_certificate: true, disability_grade: 1 },
    { relation: "spouse", age: 76, hukou_type: "urban", hukou_local: true },
  ];
  const five = [...grandparents,
    { relation: "child", age: 45, employment: "flexible" },
    { relation: "grandchild", age: 14, student_stage: "junior", boarding: true },
    { relation: "grandchild", age: 9, student_stage: "primary" }];
  const eight = [...grandparents,
    { relation: "child", age: 45, employment: "flexible" },
    { relation: "child", age: 42, employment: "registered_unemployed" },
    { relation: "grandchild", age: 17, student_stage: "senior" },
    { relation: "grandchild", age: 14, student_stage: "junior", boarding: true },
    { relation: "grandchild", age: 9, student_stage: "primary" },
    { relation: "grandchild", age: 4, student_stage: "preschool" }];
  const phoneEdits = await edit(five, true);
  const edits = await edit(eight, false);

  // 5. The two what-if charts (issue 23) for the 8-member household: from opening the panel
  //    to the chart drawn (the engine re-run at every income threshold, or for each year).
  const charts = {};
  {
    const ctx = await browser.newContext({ serviceWorkers: "block" });
    const page = await ctx.newPage();
    await page.addInitScript(([k, s]) => sessionStorage.setItem(k, s), [SESSION_KEY, session("haidong", eight, { dibao: true, economic_hardship: true, income_per_capita_month: "300", local_dibao_standard_month: "650" })]);
    await page.goto(url);
    await page.waitForSelector("#f-0-age", { timeout: 60_000 });
    for (const id of ["income-chart", "over-time"]) {
      charts[id] = await page.evaluate(async (id) => {
        const nextTask = () => new Promise((res) => { const c = new MessageChannel(); c.port1.onmessage = res; c.port2.postMessage(0); });
        const d = document.querySelector(`[data-testid=${id}]`);
        const times = [];
        for (let i = 0; i < 6; i++) {
          d.open = false;
          await nextTask();
          await nextTask();
          const t0 = performance.now();
          d.open = true;
          // The toggle event is queued as a task; the drawing follows it.
          while (!d.querySelector("svg.cash-chart")) await nextTask();
          void document.body.offsetHeight;
          times.push(performance.now() - t0);
        }
        return times.slice(1);
      }, id);
    }
    await ctx.close();
  }

  const ms = (xs) => ({ median: +median(xs).toFixed(1), runs: xs.map((x) => +x.toFixed(1)) });
  const result = {
    machine: { loadavg: (await import("node:os")).loadavg().map((x) => +x.toFixed(2)), cpus: (await import("node:os")).cpus().length },
    firstVisitBytes: { ...firstVisit, budget: BUDGET.firstVisitBytes },
    firstVisitBrotliBytes: { ...brotliVisit, note: "the same responses with brotli (quality 11) bodies instead of gzip: what a server configured for brotli would send" },
    phoneColdMs: { ...ms(cold), budget: BUDGET.coldMs },
    phoneWarmMs: { ...ms(warm), budget: BUDGET.warmMs },
    phoneEditMs: { ...ms(phoneEdits), max: +Math.max(...phoneEdits).toFixed(1), budget: BUDGET.phoneEditMs, household: "5 members, Haidong, CPU 4× slower" },
    editMs: { median: +median(edits).toFixed(2), max: +Math.max(...edits).toFixed(2), runs: edits.length, budget: BUDGET.editMs, household: "8 members, Haidong, unthrottled" },
    incomeChartMs: { ...ms(charts["income-chart"]), budget: BUDGET.chartMs, household: "8 members, Haidong 低保, unthrottled" },
    overTimeChartMs: { ...ms(charts["over-time"]), budget: BUDGET.chartMs, household: "8 members, Haidong, unthrottled" },
  };
  const mark = (v, b) => (v <= b ? "within budget" : "OVER BUDGET");
  for (const r of REGIONS) {
    console.log(`first visit, ${r}: ${firstVisit[r]} bytes for the first result (budget ${BUDGET.firstVisitBytes}, ${mark(firstVisit[r], BUDGET.firstVisitBytes)}); served with brotli, ${brotliVisit[r]}`);
  }
  console.log(`phone profile, cold: median ${result.phoneColdMs.median} ms of 5 (budget ${BUDGET.coldMs} ms, ${mark(result.phoneColdMs.median, BUDGET.coldMs)})`);
  console.log(`phone profile, warm (service worker): median ${result.phoneWarmMs.median} ms of 5 (budget ${BUDGET.warmMs} ms, ${mark(result.phoneWarmMs.median, BUDGET.warmMs)})`);
  console.log(`phone profile, edit, 5 members: median ${result.phoneEditMs.median} ms, max ${result.phoneEditMs.max} ms of 20 (budget ${BUDGET.phoneEditMs} ms, ${mark(result.phoneEditMs.median, BUDGET.phoneEditMs)})`);
  console.log(`edit, 8 members, unthrottled: median ${result.editMs.median} ms, max ${result.editMs.max} ms of 20`);
  console.log(`income chart drawn, 8 members: median ${result.incomeChartMs.median} ms of 5 (budget ${BUDGET.chartMs} ms, ${mark(result.incomeChartMs.median, BUDGET.chartMs)})`);
  console.log(`ten-year chart drawn, 8 members: median ${result.overTimeChartMs.median} ms of 5 (budget ${BUDGET.chartMs} ms, ${mark(result.overTimeChartMs.median, BUDGET.chartMs)})`);
  console.log(`machine load (1, 5, 15 min): ${result.machine.loadavg.join(", ")} on ${result.machine.cpus} CPUs`);
  mkdirSync("target", { recursive: true });
  writeFileSync("target/ui-budgets.json", JSON.stringify(result, null, 2));

  // The enforced part: first-visit bytes against the recorded figures.
  if (record) {
    writeFileSync(RECORD_PATH, JSON.stringify({ note: "bytes on the wire of a first visit until its requests settle, gzip as served (node .ci/ui-budgets.mjs dist --record)", ...firstVisit }, null, 2) + "\n");
    console.log(`recorded in ${RECORD_PATH}`);
  } else if (existsSync(RECORD_PATH)) {
    const recorded = JSON.parse(readFileSync(RECORD_PATH, "utf8"));
    const grown = REGIONS.filter((r) => typeof recorded[r] === "number" && firstVisit[r] - recorded[r] > GROWTH_LIMIT_BYTES);
    for (const r of REGIONS) console.log(`  ${r}: ${firstVisit[r]} (recorded ${recorded[r] ?? "none"}, Δ ${recorded[r] === undefined ? "?" : firstVisit[r] - recorded[r]})`);
    if (grown.length) {
      console.error(`first visit grew by more than ${GROWTH_LIMIT_BYTES} bytes for ${grown.join(", ")}: ` +
        `if the growth is wanted, record it in the same commit: node .ci/ui-budgets.mjs dist --record`);
      process.exitCode = 1;
    }
  } else {
    console.error(`${RECORD_PATH} is missing: record the first-visit figures with --record`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  server.kill();
}
