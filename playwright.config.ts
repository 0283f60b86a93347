import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);

const CHROMIUM = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  },
};

// Browser tests drive Debian's Chromium against the real app: `npm start`'s own
// launcher on a fresh embedded PostgreSQL (.data/e2e is wiped first), with demo data.
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // Signs each demo role in once; the chromium project's tests start from those sessions.
    { name: "staff sessions", testMatch: /support\/staff\.setup\.ts/, use: CHROMIUM },
    { name: "chromium", dependencies: ["staff sessions"], use: CHROMIUM },
  ],
  webServer: [
    // A real SMTP server: the app's customer email arrives here for the tests to read.
    { command: "tsx tests/e2e/support/mail-sink.ts", port: SMTP_PORT, env: { E2E_SMTP_PORT: String(SMTP_PORT) }, reuseExistingServer: false, timeout: 30_000 },
    {
      command: "rm -rf .data/e2e && tsx scripts/start.ts",
      url: `http://127.0.0.1:${PORT}/api/health`,
      env: {
        HANDOFF_DATA_DIR: ".data/e2e",
        PORT: String(PORT),
        DATABASE_URL: "",
        SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        HANDOFF_PUBLIC_URL: `http://127.0.0.1:${PORT}`,
      },
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
  ],
});
