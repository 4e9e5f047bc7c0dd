import os from "node:os";
import path from "node:path";
import { chromium, defineConfig, devices } from "@playwright/test";
import { findChromium } from "./lib/testing/find-chromium";

/**
 * End-to-end tests in Chromium against a production build on its own database.
 * E2E_PORT and E2E_DIST_DIR let several people run their own server side by side.
 */
const port = Number(process.env.E2E_PORT || 3100);
const distDir = process.env.E2E_DIST_DIR || ".next-e2e";
const baseURL = `http://localhost:${port}`;
const e2eDatabaseUrl = `file:${path.join(__dirname, "test-results", "e2e", `dmp-e2e-${port}.db`)}`;

// Test fixtures that create their own data open the same database as the server.
process.env.DATABASE_URL = e2eDatabaseUrl;

/**
 * CHROMIUM_PATH, else Debian's Chromium, else Playwright's own browser (lib/testing/find-chromium.ts;
 * `npm test` checks it first). Without any, stop here with the command to run rather than fail every journey.
 */
function chromiumExecutable(): string {
  const found = findChromium({ playwrightChromium: () => chromium.executablePath() });
  if (!found.ok) throw new Error(found.message);
  return found.path;
}

/** Desktop Chrome on the found Chromium, without the background traffic this machine's closed network refuses. */
function chromiumUse() {
  return {
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
      ],
    },
  };
}

const SANDBOX_RESET_SPEC = /sandbox[\\/]reset\.spec\.ts$/;

export default defineConfig({
  testDir: "e2e",
  // Not test-results itself: Playwright empties its output folder, the database lives beside it.
  outputDir: path.join("test-results", `playwright-${port}`),
  // Every journey makes its own people (e2e/fixtures/dmp.ts): any order, any worker.
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  // One browser per core beside the server; E2E_WORKERS overrides.
  workers: Number(process.env.E2E_WORKERS) || Math.max(2, os.availableParallelism()),
  retries: 0,
  reporter: "list",
  // Journeys make their people, then sign in with a code read from the dev inbox: generous on a 2-core machine.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "off",
  },
  projects: [
    {
      name: "chromium",
      // The sandbox reset wipes what the other journeys create: it runs alone, after them (project below).
      testIgnore: SANDBOX_RESET_SPEC,
      use: chromiumUse(),
    },
    {
      // `--no-deps` runs it without the other journeys first.
      name: "reinitialisation",
      testMatch: SANDBOX_RESET_SPEC,
      dependencies: ["chromium"],
      use: chromiumUse(),
    },
  ],
  webServer: {
    command: `${path.join("node_modules", ".bin", "tsx")} ${path.join("prisma", "e2e-server.ts")}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 480_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DATABASE_URL: e2eDatabaseUrl,
      PORT: String(port),
      NEXT_DIST_DIR: distDir,
      DEV_TOOLS: "1",
      NEXTAUTH_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
