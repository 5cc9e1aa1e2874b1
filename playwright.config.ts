import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./tests/e2e/browser.ts";
import { E2E_ALLOWED_NETWORKS, E2E_CONSOLE_SMTP_PORT } from "./tests/e2e/mail-ports.ts";

// The end-to-end tests run the production build against their own embedded database
// (.data/e2e), reseeded with the demo organisation at the start of every run.
const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: ".data/e2e/results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  globalSetup: "./tests/e2e/global-setup.ts",
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "en-US",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "node --import ./scripts/lib/register.mjs scripts/start.ts --reseed",
    url: `http://localhost:${PORT}/login`,
    timeout: 600_000,
    reuseExistingServer: false,
    // SIGTERM lets the start script stop Next and the embedded database cleanly.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      CONSOLE_DATA_DIR: ".data/e2e",
      CONSOLE_DB_PORT: process.env.E2E_DB_PORT ?? "54339",
      APP_TIME_ZONE: "UTC",
      // The specs' own mail servers; scripts/start.ts adds the demo Dovecot's address and port.
      MAIL_ALLOWED_NETWORKS: E2E_ALLOWED_NETWORKS,
      // Invitations and notification mails land in the console's Outbox through its own catcher.
      CONSOLE_SMTP_PORT: String(E2E_CONSOLE_SMTP_PORT),
    },
  },
});
