// A page fixture that fails the test on any console error or page error, and records
// every request so tests can assert nothing leaves 127.0.0.1.
import { test as base, expect } from "@playwright/test";

export const test = base.extend({
  watched: async ({ page }, use) => {
    const problems = [];
    const requests = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("request", (r) => requests.push({ url: r.url(), at: Date.now() }));
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
