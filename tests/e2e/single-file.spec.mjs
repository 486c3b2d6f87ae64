// The single-file build: one HTML file, copied alone to a folder and opened from disk with the network
// off, as on a counter PC with no server. It loads nothing else and completes the journey.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { test, expect } from "./fixtures.mjs";
import { boardingPupilJourney } from "./journey.mjs";

const FILE = fileURLToPath(new URL("../../dist/benefit-estimator-offline.html", import.meta.url));

test("the single file works opened from disk, alone, with no network", async ({ watched, context }) => {
  const { page, requests } = watched;
  const dir = mkdtempSync(join(tmpdir(), "estimator-counter-pc-"));
  try {
    const copy = join(dir, "基本公共服务测算.html");
    copyFileSync(FILE, copy);
    const url = pathToFileURL(copy).href;
    await context.setOffline(true);
    await page.goto(url);
    await expect(page.getByRole("heading", { name: "基本公共服务测算" })).toBeVisible();
    await boardingPupilJourney(page);
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { name: "Basic public services estimator" })).toBeVisible();
    // The file itself and what it carries inline (data: URLs), nothing else.
    const other = requests.map((r) => r.url).filter((u) => u !== url && !u.startsWith("data:"));
    expect(other, "requests besides the file itself").toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
