// Screenshots of console pages for review: npm run screenshots -- [--user admin@demo.test]
//   [--paths /,/company/employees] [--locales en,ar] [--base http://localhost:3000] [--out .data/screenshots]
// Desktop (1440×900) and phone (375×812) for each locale and path.
import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../tests/e2e/browser.ts";

const { values } = parseArgs({
  options: {
    user: { type: "string", default: "admin@demo.test" },
    password: { type: "string", default: "demo" },
    paths: { type: "string", default: "/" },
    locales: { type: "string", default: "en,ar" },
    base: { type: "string", default: process.env.BASE_URL ?? "http://localhost:3000" },
    out: { type: "string", default: ".data/screenshots" },
    full: { type: "boolean", default: false },
  },
});

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
await fs.mkdir(values.out!, { recursive: true });
const viewports = { desktop: { width: 1440, height: 900 }, phone: { width: 375, height: 812 } };
for (const [name, viewport] of Object.entries(viewports)) {
  const context = await browser.newContext({ viewport, baseURL: values.base });
  const page = await context.newPage();
  if (values.user !== "none") {
    await page.goto("/login");
    await page.getByLabel("Email").fill(values.user!);
    await page.getByLabel("Password").fill(values.password!);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.endsWith("/login"));
  }
  for (const locale of values.locales!.split(",")) {
    for (const target of values.paths!.split(",")) {
      const prefix = locale === "en" ? "" : `/${locale}`;
      await page.goto(`${prefix}${target === "/" ? "" : target}` || "/");
      await page.waitForLoadState("networkidle");
      const file = path.join(values.out!, `${target.replace(/[^a-z0-9]+/gi, "_")}-${locale}-${name}.png`);
      await page.screenshot({ path: file, fullPage: values.full });
      console.log(file);
    }
  }
  await context.close();
}
await browser.close();
