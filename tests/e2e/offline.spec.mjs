// The installable, offline app: after one load the service worker serves it with no network, and a new
// version replaces the old one whole (a cache never mixes two builds; old caches are deleted).
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test, expect, assertLocalOnly, offlineCopyInstalled } from "./fixtures.mjs";
import { boardingPupilJourney } from "./journey.mjs";
import { answer } from "./household.mjs";
import { serve } from "./serve.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DIST = join(ROOT, "dist");

/** Width and height from a PNG's IHDR chunk. */
function pngSize(buf) {
  expect(buf.subarray(1, 4).toString("latin1"), "PNG signature").toBe("PNG");
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

test("installable, and after one load it works offline from its own cache", async ({ watched, context }) => {
  const { page, requests } = watched;
  await page.goto("./");
  await expect(page.getByRole("heading", { name: "基本公共服务测算" })).toBeVisible();
  await offlineCopyInstalled(page);

  // What a browser needs to offer "install": a manifest with a name, a start URL, a standalone
  // display and 192 and 512 pixel icons that exist.
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifestUrl = new URL(href, page.url());
  const manifest = await (await page.request.get(manifestUrl.href)).json();
  expect(manifest.name).toContain("基本公共服务测算");
  expect(manifest.display).toBe("standalone");
  expect(new URL(manifest.start_url, manifestUrl).href).toBe(new URL("./", page.url()).href);
  for (const size of [192, 512]) {
    const icon = manifest.icons.find((i) => i.sizes === `${size}x${size}` && i.type === "image/png");
    expect(icon, `${size}px icon`).toBeTruthy();
    const res = await page.request.get(new URL(icon.src, manifestUrl).href);
    expect(pngSize(await res.body())).toEqual([size, size]);
  }

  // And Chromium's own verdict, but for "in-incognito": Playwright's contexts are incognito. (Chromium
  // still lists every other error then: a page without a manifest gets "no-manifest" too.)
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== "in-incognito")).toEqual([]);

  await context.setOffline(true);
  const served = [];
  page.on("response", (r) => served.push({ url: r.url(), sw: r.fromServiceWorker() }));
  await page.reload();
  await expect(page.getByRole("heading", { name: "基本公共服务测算" })).toBeVisible();
  await boardingPupilJourney(page);
  // Page, script, wasm and styles all came from the service worker's cache.
  expect(served.length).toBeGreaterThanOrEqual(4);
  expect(served.filter((r) => !r.sw).map((r) => r.url), "responses not from the service worker").toEqual([]);
  assertLocalOnly(requests);
});

test("a new version replaces the old one whole, and the old cache is deleted", async ({ watched }) => {
  const { page, requests } = watched;
  // Version 2 is this build with different styles (a new hashed CSS file) and so a new build id,
  // served at the same address as version 1 once "deployed".
  const tmp = mkdtempSync(join(tmpdir(), "estimator-update-"));
  const v1 = join(tmp, "v1");
  const v2 = join(tmp, "v2");
  cpSync(DIST, v1, { recursive: true });
  cpSync(DIST, v2, { recursive: true });
  const oldCss = readdirSync(v2).find((f) => /^main-[0-9a-f]{16}\.css$/.test(f));
  const css = Buffer.concat([readFileSync(join(v2, oldCss)), Buffer.from("\n.top h1 { color: rgb(1, 2, 3); }\n")]);
  const newCss = `main-${createHash("sha256").update(css).digest("hex").slice(0, 16)}.css`;
  writeFileSync(join(v2, oldCss), css);
  renameSync(join(v2, oldCss), join(v2, newCss));
  const sri = "sha384-" + createHash("sha384").update(css).digest("base64");
  const index = readFileSync(join(v2, "index.html"), "utf8");
  writeFileSync(
    join(v2, "index.html"),
    index.replace(new RegExp(`href="\\./${oldCss}" integrity="[^"]*"`), `href="./${newCss}" integrity="${sri}"`),
  );
  execFileSync("node", [join(ROOT, "tools/dist/postbuild.mjs"), v2, "--release"], { stdio: "pipe" });
  const buildOf = (dir) => readFileSync(join(dir, "index.html"), "utf8").match(/benefit-estimator-build" content="([0-9a-f]+)"/)[1];
  const [b1, b2] = [buildOf(v1), buildOf(v2)];
  expect(b2).not.toBe(b1);

  let live = v1;
  const port = Number(process.env.E2E_PORT ?? 4173) + 2;
  const server = await serve({ mounts: [["/", () => live]], port });
  try {
    const state = () =>
      page.evaluate(async () => ({
        build: document.querySelector('meta[name="benefit-estimator-build"]').content,
        h1: getComputedStyle(document.querySelector("h1")).color,
        caches: await caches.keys(),
      }));
    await page.goto(`http://127.0.0.1:${port}/`);
    await expect(page.locator("h1")).toBeVisible();
    await offlineCopyInstalled(page);
    const first = await state();
    expect(first.build).toBe(b1);
    // The build's cache, and the copy of the site's settings.json kept for offline starts (not part of a build).
    expect(first.caches.sort()).toEqual([`benefit-estimator:/:${b1}`, "benefit-estimator:/:settings"]);
    expect(first.h1).not.toBe("rgb(1, 2, 3)");

    // Deploy version 2. The next load still shows version 1, whole, from its cache while version 2
    // installs behind it; then version 2's cache is the only one left.
    live = v2;
    await page.reload();
    await expect(page.locator("h1")).toBeVisible();
    const during = await state();
    expect(during.build).toBe(b1);
    expect(during.h1).toBe(first.h1);
    await expect
      .poll(async () => (await state()).caches.sort(), { timeout: 20_000 })
      .toEqual([`benefit-estimator:/:${b2}`, "benefit-estimator:/:settings"]);

    // From then on: version 2, whole, online and offline.
    await page.reload();
    await expect(page.locator("h1")).toBeVisible();
    expect(await state()).toMatchObject({ build: b2, h1: "rgb(1, 2, 3)" });
    await page.context().setOffline(true);
    await page.reload();
    // The app renders once settings.json (from its offline copy) has been read.
    await expect(page.locator("h1")).toBeVisible();
    const offline = await state();
    expect(offline).toMatchObject({ build: b2, h1: "rgb(1, 2, 3)" });
    expect(offline.caches.sort()).toEqual([`benefit-estimator:/:${b2}`, "benefit-estimator:/:settings"]);
    await boardingPupilJourney(page);
    assertLocalOnly(requests);
  } finally {
    server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
});

test("settings.json is never hidden by the offline copy: an edit shows at the next load; offline, the last copy", async ({ watched }) => {
  const { page, requests } = watched;
  const tmp = mkdtempSync(join(tmpdir(), "estimator-settings-sw-"));
  const dir = join(tmp, "dist");
  cpSync(DIST, dir, { recursive: true });
  const setDibao = (value) =>
    writeFileSync(
      join(dir, "settings.json"),
      JSON.stringify({
        deployment: "海东市平安区政务服务中心",
        regions: { haidong: { urban_dibao_standard_month: { value, year: 2025, source: "海东市民政局通知" } } },
      }),
    );
  setDibao("750");
  const port = Number(process.env.E2E_PORT ?? 4173) + 2;
  const server = await serve({ mounts: [["/", dir]], port });
  const cap = async (want) => {
    await answer(page, null, "temporary_hardship", true);
    await expect(page.getByTestId("eligible").locator("li", { hasText: "临时救助" })).toContainText(want);
  };
  try {
    await page.goto(`http://127.0.0.1:${port}/?region=haidong`);
    await offlineCopyInstalled(page);
    await cap("0–3750 元");
    // The site edits its settings.json: the very next load (from the service worker) uses the new figure.
    setDibao("800");
    await page.reload();
    await expect(page.locator("h1")).toBeVisible();
    await cap("0–4000 元");
    // Offline, the last copy.
    await page.context().setOffline(true);
    await page.reload();
    await cap("0–4000 元");
    assertLocalOnly(requests);
  } finally {
    server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
});
