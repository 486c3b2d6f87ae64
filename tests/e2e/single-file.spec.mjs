// The single-file build: one HTML file, copied alone to a folder and opened from disk with the network
// off, as on a counter PC with no server. It loads nothing else and completes the journey.
import { test, expect, onCounterPc } from "./fixtures.mjs";
import { boardingPupilJourney } from "./journey.mjs";

test("the single file works opened from disk, alone, with no network", async ({ watched, context }) => {
  const { page, requests } = watched;
  // The file itself and what it carries inline (data: URLs), nothing else (onCounterPc checks).
  await onCounterPc(context, requests, async (url) => {
    await page.goto(url);
    await expect(page.getByRole("heading", { name: "基本公共服务测算" })).toBeVisible();
    await boardingPupilJourney(page);
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { name: "Basic public services estimator" })).toBeVisible();
  });
});
