// The hostile-HTML corpus (tests/webmail/hostile-corpus.ts), delivered to Dovecot and opened in
// Chromium one message at a time: no script runs (no "XSS-RAN" line, no request to xss.evil.test),
// nothing is fetched from anywhere but the console before images are allowed, and the page stays
// responsive. Allowing images for one message then does load its pixel: the check can fail.
import { expect, test } from "@playwright/test";
import { HOSTILE_CORPUS } from "../webmail/hostile-corpus.ts";
import { storageStateOf } from "./accounts.ts";
import { deliver, demoMailboxOf, messagesIn, syncUntil } from "./webmail-helpers.ts";

test.use({ storageState: storageStateOf("employee") });

test("the hostile corpus runs no script and loads nothing remote", async ({ page, context, baseURL }) => {
  test.setTimeout(600_000);
  const mailbox = await demoMailboxOf("employee@demo.test");
  const folder = `Hostile-${Date.now()}`;
  await deliver(
    mailbox,
    folder,
    HOSTILE_CORPUS.map((message) => message.raw),
  );
  const folderId = await syncUntil(page, mailbox, folder, HOSTILE_CORPUS.length);
  const own = new URL(baseURL!).host;
  const remote: string[] = [];
  const ran: string[] = [];
  // Anything not for the console is recorded and refused (no DNS wait for made-up hosts).
  await context.route(
    (url) => url.host !== own,
    (route) => {
      remote.push(route.request().url());
      return route.abort();
    },
  );
  page.on("console", (message) => {
    if (message.text().includes("XSS-RAN")) ran.push(message.text());
  });
  page.on("dialog", (dialog) => {
    ran.push(`dialog: ${dialog.message()}`);
    return dialog.dismiss();
  });

  const messages = await messagesIn(folderId);
  expect(messages).toHaveLength(HOSTILE_CORPUS.length);
  for (const message of messages) {
    const name = message.subject?.replace("hostile ", "") ?? message.uid;
    const frameResponse = page.waitForResponse((response) => response.url().includes("/api/webmail/frame"));
    await page.goto(`/webmail/mail?mailbox=${mailbox.id}&folder=${folderId}&message=${message.uid}`);
    const frame = await frameResponse;
    expect(frame.status(), name).toBe(200);
    const policy = frame.headers()["content-security-policy"] ?? "";
    expect(policy, name).toContain("default-src 'none'");
    expect(policy, name).toContain("img-src data:;");
    expect(policy, name).toContain("sandbox");
    await expect(page.getByTestId("message-frame"), name).toHaveAttribute(
      "sandbox",
      /^(?!.*allow-scripts)(?!.*allow-same-origin)/,
    );
    // Responsive: the console page still runs its own script after the frame rendered. A liveness
    // check, not a speed one — a renderer stuck in a hostile layout would never answer at all.
    const answered = await Promise.race([
      page.evaluate(() => document.title).then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 30_000)),
    ]);
    expect(answered, `${name}: page responsiveness`).toBe(true);
    expect(remote, `${name}: remote requests`).toEqual([]);
    expect(ran, `${name}: scripts`).toEqual([]);
  }

  // Allowing images for one message loads its tracking pixel: the runner does see remote loads.
  const pixel = messages.find((message) => message.subject === "hostile tracking-pixel")!;
  await page.goto(`/webmail/mail?mailbox=${mailbox.id}&folder=${folderId}&message=${pixel.uid}`);
  await expect(page.getByTestId("remote-blocked")).toBeVisible();
  await page.getByRole("link", { name: "Show images" }).click();
  await expect.poll(() => remote.some((url) => url.includes("track.evil.test/pixel.gif"))).toBe(true);
  expect(ran).toEqual([]);
});
