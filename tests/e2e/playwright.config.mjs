// End-to-end tests against the release build (dist/) served on 127.0.0.1, in Debian's
// Chromium: Playwright never downloads a browser here.
import { defineConfig } from "@playwright/test";

// E2E_PORT lets parallel checkouts run their suites side by side. Each suite uses E2E_PORT to E2E_PORT + 2.
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: ".",
  testMatch: /.*\.spec\.mjs$/,
  timeout: 60_000,
  retries: 0,
  workers: 1,
  reporter: [["list"]],
  outputDir: "../../target/e2e-results",
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"],
    },
  },
  webServer: [
    {
      // Also serves tests/e2e/other-site/: pages of another site (another origin than the app's below).
      command: `node tests/e2e/serve.mjs dist ${PORT} / --mount /other-site/=tests/e2e/other-site`,
      cwd: "../..",
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // As a government site might: strict CSP on every response, the app under a sub-path, and a page
      // of the site (tests/e2e/host/) that embeds it. The first server's origin stands for another
      // site that embeds it too (frame-ancestors names it). Used by csp.spec.mjs and embed.spec.mjs.
      command: `node tests/e2e/serve.mjs dist ${PORT + 1} /gov/tools/estimator/ --csp --embedder http://127.0.0.1:${PORT} --mount /gov/=tests/e2e/host`,
      cwd: "../..",
      url: `http://127.0.0.1:${PORT + 1}/gov/tools/estimator/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
