import { randomBytes } from "node:crypto";
import { defineConfig, devices } from "@playwright/test";

// Browser tests run against the production build (`next start`) talking real, signed HTTP to a standalone
// emulator, so faults can be switched on through the emulator's control endpoint. Credentials are made per
// run; workers inherit them through the environment, so every process agrees.
process.env.E2E_SECRET_ID ??= `AKIDe2e${randomBytes(12).toString("hex")}`;
process.env.E2E_SECRET_KEY ??= randomBytes(24).toString("base64url");

const port = Number(process.env.E2E_PORT ?? 3100);
const emulatorPort = Number(process.env.E2E_EMULATOR_PORT ?? 4510);
export const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-reports/e2e.json" }]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: { executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS } } }],
  webServer: [
    {
      command: "npx tsx lib/emulator/cli.ts",
      url: `${emulatorUrl}/__emulator/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        EMULATOR_PORT: String(emulatorPort),
        EMULATOR_SEED: "42",
        EMULATOR_SECRET_ID: process.env.E2E_SECRET_ID,
        EMULATOR_SECRET_KEY: process.env.E2E_SECRET_KEY,
      },
    },
    {
      command: "npx next start -H 127.0.0.1 -p " + port,
      url: `http://127.0.0.1:${port}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        PORT: String(port),
        TENCENTCLOUD_SECRET_ID: process.env.E2E_SECRET_ID,
        TENCENTCLOUD_SECRET_KEY: process.env.E2E_SECRET_KEY,
        MPS_ENDPOINT: emulatorUrl,
        WEDATA_ENDPOINT: emulatorUrl,
        WEDATA_PROJECT_IDS: "1460947878944567296,1460947878944567297",
        // Keep the shared cache short so refresh tests see new data quickly.
        UPSTREAM_CACHE_TTL_MS: "1000",
        NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next",
      },
    },
  ],
});
