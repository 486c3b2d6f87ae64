// Where the time of one keystroke goes, in headless Chromium: the budgets layer's edit (a
// 5-member Haidong household, the first member's age 79 <-> 80, CPU 4x slower) taken apart.
//
//   node tools/perf/edit.mjs ab DIST... [--rounds N] [--phone]
//       median edit time of each build, interleaved round by round (these 2-core machines are
//       shared: only builds measured side by side compare)
//   node tools/perf/edit.mjs trace DIST
//       the browser's own time per edit by event (script, style, layout, paint…), from a trace
//   node tools/perf/edit.mjs profile DIST
//       CPU profile of the edits: self time by kind of code and by the outermost app function.
//       Needs a build with function names: index.html with data-wasm-opt="0" data-keep-debug
//       (copy it to index.prof.html), then
//       CARGO_PROFILE_RELEASE_STRIP=false trunk build --release --offline --dist DIST index.prof.html
//
// Report only, for finding what to change; the budgets layer (.ci/ui-budgets.mjs) is the record.
import { spawn } from "node:child_process";
import { chromium } from "@playwright/test";

const [mode, ...rest] = process.argv.slice(2);
const dists = rest.filter((a, i) => !a.startsWith("--") && rest[i - 1] !== "--rounds");
const rounds = Number(rest[rest.indexOf("--rounds") + 1] ?? 3) || 3;
const phone = rest.includes("--phone");
if (!["ab", "trace", "profile"].includes(mode) || dists.length === 0) {
  console.error("usage: node tools/perf/edit.mjs ab|trace|profile DIST... [--rounds N] [--phone]");
  process.exit(2);
}
const EDITS = 40;
const household = JSON.stringify({
  request: {
    region: "haidong",
    household: { dibao: true, economic_hardship: true },
    members: [
      { relation: "self", age: 79, hukou_type: "urban", hukou_local: true, disability_certificate: true, disability_grade: 1 },
      { relation: "spouse", age: 76, hukou_type: "urban", hukou_local: true },
      { relation: "child", age: 45, employment: "flexible" },
      { relation: "grandchild", age: 14, student_stage: "junior", boarding: true },
      { relation: "grandchild", age: 9, student_stage: "primary" },
    ],
  },
  lang: "zh", large: false, compare: null,
});

const servers = [];
const base = [];
for (const [i, dir] of dists.entries()) {
  const port = 4400 + i;
  const server = spawn("node", ["tests/e2e/serve.mjs", dir, String(port), "/", "--gzip"], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise((resolve) => server.stdout.once("data", resolve));
  servers.push(server);
  base.push(`http://127.0.0.1:${port}/`);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});

/** A page of build `i` showing the household, CPU slowed 4x; its CDP session. */
async function open(i) {
  const ctx = await browser.newContext({ serviceWorkers: "block", viewport: phone ? { width: 360, height: 740 } : undefined });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.addInitScript((s) => sessionStorage.setItem("benefit-estimator/v1", s), household);
  await page.goto(base[i]);
  await page.waitForSelector("#f-0-age", { timeout: 60_000 });
  await page.waitForTimeout(300);
  return { ctx, page, cdp };
}

/** The edits, timed as the budgets layer times them (input event to layout done). */
const edit = (page) => page.evaluate(async (n) => {
  const nextTask = () => new Promise((res) => { const c = new MessageChannel(); c.port1.onmessage = res; c.port2.postMessage(0); });
  const age = document.getElementById("f-0-age");
  const times = [];
  for (let i = 0; i <= n; i++) {
    const t0 = performance.now();
    age.value = i % 2 ? "79" : "80";
    age.dispatchEvent(new Event("input", { bubbles: true }));
    await nextTask();
    void document.body.offsetHeight;
    if (i > 0) times.push(performance.now() - t0);
  }
  return times;
}, EDITS);

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const table = (m, per, k = 30) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k)
  .map(([name, v]) => `${(v / per).toFixed(2).padStart(8)} ms/edit  ${name.slice(0, 150)}`).join("\n");

try {
  if (mode === "ab") {
    const all = dists.map(() => []);
    for (let r = 0; r < rounds; r++) {
      for (const i of dists.keys()) {
        const { ctx, page } = await open(i);
        all[i].push(...(await edit(page)));
        await ctx.close();
      }
    }
    for (const [i, d] of dists.entries()) console.log(`${d.padEnd(24)} median ${median(all[i]).toFixed(2)} ms of ${all[i].length}`);
  } else if (mode === "trace") {
    const { page } = await open(0);
    await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
    const times = await edit(page);
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    const main = events.find((e) => e.name === "thread_name" && e.args.name === "CrRendererMain");
    const by = new Map();
    for (const e of events) if (e.tid === main.tid && e.ph === "X" && e.dur) by.set(e.name, (by.get(e.name) ?? 0) + e.dur / 1000);
    console.log(`median edit ${median(times).toFixed(2)} ms (traced)\n${table(by, EDITS + 1, 14)}`);
    const layouts = events.filter((e) => e.tid === main.tid && e.name === "Layout" && e.args?.beginData);
    console.log(`layouts: ${layouts.length}, dirty/total objects of the first: ${layouts.slice(0, 3).map((e) => `${e.args.beginData.dirtyObjects}/${e.args.beginData.totalObjects}`).join(", ")}`);
  } else {
    const { page, cdp } = await open(0);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await cdp.send("Profiler.start");
    await edit(page);
    const { profile } = await cdp.send("Profiler.stop");
    const node = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const name = (id) => (node.get(id).callFrame.functionName || "(anonymous)").replace(/::h[0-9a-f]{16}$/, "");
    const kind = (n) =>
      /^estimator::domain/.test(n) ? "app: domain" : /estimator::view/.test(n) ? "app: view" : /estimator::ui/.test(n) ? "app: ui"
        : /reactive_graph/.test(n) ? "leptos: reactive graph" : /tachys/.test(n) ? "leptos: rendering"
        : /dlmalloc|alloc::|drop_in_place|RawVec/.test(n) ? "allocation" : /hashbrown|indexmap/.test(n) ? "hash sets"
        : /^\(/.test(n) ? n : /::/.test(n) ? "other Rust" : "JavaScript and DOM calls";
    const kinds = new Map();
    const outer = new Map();
    profile.samples.forEach((id, i) => {
      const ms = profile.timeDeltas[i] / 1000;
      const own = name(id);
      kinds.set(kind(own), (kinds.get(kind(own)) ?? 0) + ms);
      // The outermost app function on the stack: what of ours the time was spent for.
      let top = own;
      for (let x = id; x !== undefined; x = parent.get(x)) if (/estimator::/.test(name(x))) top = name(x);
      outer.set(top, (outer.get(top) ?? 0) + ms);
    });
    console.log(`--- self time by kind (the profiler's own overhead included)\n${table(kinds, EDITS)}`);
    console.log(`--- by outermost app function\n${table(outer, EDITS, 30)}`);
  }
} finally {
  await browser.close();
  for (const s of servers) s.kill();
}
