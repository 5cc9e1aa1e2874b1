// Signs in once as each demo user and keeps the session, so specs start signed in.
import fs from "node:fs/promises";
import path from "node:path";
import { chromium, type FullConfig } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, type Role, storageStateOf } from "./accounts.ts";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./browser.ts";
import { signIn } from "./sign-in.ts";

export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0]!.use.baseURL!;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  for (const role of Object.keys(ACCOUNTS) as Role[]) {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await signIn(page, ACCOUNTS[role].email, DEMO_PASSWORD);
    await page.waitForURL((url) => !url.pathname.endsWith("/login"));
    await fs.mkdir(path.dirname(storageStateOf(role)), { recursive: true });
    await context.storageState({ path: storageStateOf(role) });
    await context.close();
  }
  await browser.close();
}
