// The call log (SPEC §5.3) in the browser: who sees which calls and figures, recordings that play
// and seek, delete only with the modify level, download only for the administrator, the chart,
// and an accessibility scan in English and Arabic.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { storageStateOf } from "./accounts.ts";
import { e2eQuery } from "./database.ts";
import { callAction } from "./server-actions.ts";

const ACTIONS = "app/[locale]/(console)/telephony/calls/_lib/actions.ts";
// The console under test stores recordings in its data directory (lib/telephony/storage.ts).
const RECORDINGS = path.resolve(".data/e2e/recordings");
const RANGE = `c."startedAt" >= date_trunc('day', now() AT TIME ZONE 'UTC') - interval '29 days'
  AND c."startedAt" < date_trunc('day', now() AT TIME ZONE 'UTC') + interval '1 day'`;

/** Two seconds of a 440 Hz tone, 8 kHz mono 16-bit PCM: small, and long enough to seek in. */
function wav(seconds = 2, rate = 8000) {
  const samples = seconds * rate;
  const buffer = Buffer.alloc(44 + samples * 2);
  buffer.write("RIFF", 0);
  buffer.writeUInt32LE(36 + samples * 2, 4);
  buffer.write("WAVEfmt ", 8);
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(1, 22);
  buffer.writeUInt32LE(rate, 24);
  buffer.writeUInt32LE(rate * 2, 28);
  buffer.writeUInt16LE(2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write("data", 36);
  buffer.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i += 1)
    buffer.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), 44 + i * 2);
  return buffer;
}

async function userId(email: string) {
  const [row] = await e2eQuery<{ id: number }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
  return row!.id;
}

async function openLog(page: Page, query = "") {
  await page.goto(`/telephony/calls${query}`);
  await expect(page.getByTestId("grid-root")).toHaveAttribute("data-hydrated", "true");
}

async function visibleEmployeeIds(page: Page, employeeOf: Map<number, number | null>) {
  const ids = await page
    .getByTestId("grid-row")
    .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute("data-call-id"))));
  return ids.map((id) => employeeOf.get(id));
}

let recordedCall = 0;
let headRoleAssignment = 0;
const key = `e2e-${randomBytes(4).toString("hex")}.wav`;

test.beforeAll(async () => {
  mkdirSync(RECORDINGS, { recursive: true });
  const bytes = wav();
  writeFileSync(path.join(RECORDINGS, key), bytes);
  const employee = await userId("employee@demo.test");
  const [call] = await e2eQuery<{ id: number }>(
    `INSERT INTO "Call" ("externalId", "employeeId", direction, status, "phoneNumber", "startedAt", "durationSeconds",
       "recordingPath", "recordingBytes", "recordingType", "recordedAt")
     VALUES ($1, $2, 'INCOMING', 'ANSWERED', '+4930555777', now() - interval '5 minutes', 2, $3, $4, 'audio/wav', now())
     RETURNING id`,
    [`e2e-call-${key}`, employee, key, bytes.length],
  );
  recordedCall = call!.id;
  // The demo assigns the telephony "Head of department" role to nobody; here the head of Sales
  // holds it personally (own + department calls), and gives it back afterwards.
  const [assignment] = await e2eQuery<{ id: number }>(
    `INSERT INTO "RoleAssignment" ("roleId", "subjectKind", "subjectRefId")
     SELECT r.id, 'USER', $1 FROM "Role" r WHERE r.module = 'TELEPHONY' AND r."systemCode" = 'HEAD' RETURNING id`,
    [await userId("head.sales@demo.test")],
  );
  headRoleAssignment = assignment!.id;
});

test.afterAll(async () => {
  await e2eQuery(`DELETE FROM "RoleAssignment" WHERE id = $1`, [headRoleAssignment]);
  await e2eQuery(`DELETE FROM "Call" WHERE id = $1`, [recordedCall]);
  rmSync(path.join(RECORDINGS, key), { force: true });
});

test.describe("as the head of Sales", () => {
  test.use({ storageState: storageStateOf("headSales") });

  test("sees exactly own and department calls, and their statistics", async ({ page }) => {
    const head = await userId("head.sales@demo.test");
    // Own departments and everything below them (level "department and sub-departments").
    const team = await e2eQuery<{ id: number }>(
      `WITH own AS (SELECT d.path FROM "Department" d WHERE d."headId" = $1
                    OR d.id IN (SELECT "departmentId" FROM "DepartmentMember" WHERE "userId" = $1)),
            tree AS (SELECT d.id, d."headId" FROM "Department" d JOIN own o ON d.path LIKE o.path || '%')
       SELECT "userId" AS id FROM "DepartmentMember" WHERE "departmentId" IN (SELECT id FROM tree)
       UNION SELECT "headId" FROM tree WHERE "headId" IS NOT NULL UNION SELECT $1`,
      [head],
    );
    const ids = team.map((row) => row.id);
    const [expected] = await e2eQuery<{ calls: number; answered: number; missed: number }>(
      `SELECT count(*)::int AS calls, count(*) FILTER (WHERE status = 'ANSWERED')::int AS answered,
              count(*) FILTER (WHERE status = 'MISSED')::int AS missed
       FROM "Call" c WHERE c."employeeId" = ANY($1::int[]) AND ${RANGE}`,
      [ids],
    );
    expect(expected!.calls).toBeGreaterThan(0);
    await openLog(page, "?perPage=100");
    await expect(page.getByTestId("stat-calls")).toHaveText(expected!.calls.toLocaleString("en-US"));
    await expect(page.getByTestId("stat-answered")).toHaveText(expected!.answered.toLocaleString("en-US"));
    await expect(page.getByTestId("stat-missed")).toHaveText(expected!.missed.toLocaleString("en-US"));
    const calls = await e2eQuery<{ id: number; employeeId: number | null }>(`SELECT id, "employeeId" FROM "Call"`);
    const employeeOf = new Map(calls.map((call) => [call.id, call.employeeId]));
    const shown = await visibleEmployeeIds(page, employeeOf);
    expect(shown.length).toBe(Math.min(100, expected!.calls));
    for (const employee of shown) expect(ids).toContain(employee);
    // More than the head's own calls: the department's are there too.
    expect(new Set(shown).size).toBeGreaterThan(1);
    for (const row of await page.getByTestId("per-employee-row").all())
      expect(ids).toContain(Number(await row.getAttribute("data-employee-id")));
    // The chart draws answered and missed bars.
    await expect(page.getByTestId("calls-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  });
});

test.describe("as an employee", () => {
  test.use({ storageState: storageStateOf("employee") });

  test("sees only own calls; the recording plays and seeks; no delete, no download", async ({
    page,
    request,
    baseURL,
  }) => {
    const me = await userId("employee@demo.test");
    const [own] = await e2eQuery<{ calls: number }>(
      `SELECT count(*)::int AS calls FROM "Call" c WHERE c."employeeId" = $1 AND ${RANGE}`,
      [me],
    );
    await openLog(page, "?perPage=100");
    await expect(page.getByTestId("stat-calls")).toHaveText(own!.calls.toLocaleString("en-US"));
    const calls = await e2eQuery<{ id: number; employeeId: number | null }>(`SELECT id, "employeeId" FROM "Call"`);
    const shown = await visibleEmployeeIds(page, new Map(calls.map((call) => [call.id, call.employeeId])));
    expect(shown.length).toBe(Math.min(100, own!.calls));
    for (const employee of shown) expect(employee).toBe(me);

    const row = page.locator(`[data-call-id="${recordedCall}"]`);
    const audio = row.locator("audio");
    await expect(audio).toHaveAttribute("preload", "none");
    const played = await audio.evaluate(async (element: HTMLAudioElement) => {
      element.muted = true;
      await element.play();
      await new Promise((resolve) => setTimeout(resolve, 300));
      element.pause();
      element.currentTime = 1.5;
      await new Promise((resolve) => element.addEventListener("seeked", resolve, { once: true }));
      return {
        duration: element.duration,
        position: element.currentTime,
        seekable: element.seekable.length ? element.seekable.end(0) : 0,
        error: element.error?.code ?? null,
      };
    });
    expect(played.error).toBeNull();
    expect(played.duration).toBeCloseTo(2, 1);
    expect(played.position).toBeCloseTo(1.5, 1);
    expect(played.seekable).toBeCloseTo(2, 1);
    await expect(row.getByTestId("delete-recording")).toHaveCount(0);
    await expect(page.getByTestId("download-recording")).toHaveCount(0);
    // Not by a hand-made request either: delete is refused like a call that does not exist,
    // and the download answers like a missing recording.
    const outcome = await callAction(
      request,
      baseURL!,
      { file: ACTIONS, name: "deleteRecordingAction", path: "/telephony/calls" },
      { callId: recordedCall },
    );
    expect(outcome).toEqual({ ok: false, code: "NOT_FOUND" });
    expect((await request.get(`/api/telephony/recordings/${recordedCall}?download=1`)).status()).toBe(404);
    const ranged = await request.get(`/api/telephony/recordings/${recordedCall}`, { headers: { Range: "bytes=0-43" } });
    expect(ranged.status()).toBe(206);
    expect(ranged.headers()["content-range"]).toBe(`bytes 0-43/${wav().length}`);
  });
});

test.describe("as the administrator", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("may download, and deletes a recording after confirming", async ({ page }) => {
    await openLog(page, `?number=4930555777`);
    const row = page.locator(`[data-call-id="${recordedCall}"]`);
    await expect(row.getByTestId("download-recording")).toHaveAttribute(
      "href",
      `/api/telephony/recordings/${recordedCall}?download=1`,
    );
    await row.getByTestId("delete-recording").click();
    await page.getByTestId("confirm-delete-recording").click();
    await expect(row.getByTestId("recording")).toHaveCount(0);
    const [call] = await e2eQuery<{ recordingPath: string | null }>(
      `SELECT "recordingPath" FROM "Call" WHERE id = $1`,
      [recordedCall],
    );
    expect(call!.recordingPath).toBeNull();
    const [audit] = await e2eQuery<{ count: number }>(
      `SELECT count(*)::int AS count FROM "AuditEvent" WHERE action = 'call.recording.delete' AND "entityId" = $1`,
      [String(recordedCall)],
    );
    expect(audit!.count).toBe(1);
  });

  test("sees a call the PBX simulator (npm run demo:pbx) reports through the API", async ({ page, baseURL }) => {
    // The simulator as a newcomer runs it, against this console and its database (for its token).
    const run = spawnSync(
      process.execPath,
      [
        "--import",
        "./scripts/lib/register.mjs",
        "scripts/demo-pbx.ts",
        "--base",
        baseURL!,
        "--count",
        "2",
        "--interval",
        "0.2",
      ],
      { env: { ...process.env, CONSOLE_DATA_DIR: ".data/e2e" }, encoding: "utf8", timeout: 60_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const sent = [...run.stdout.matchAll(/POST \/api\/telephony\/v1\/calls (\{.*\})/g)].map(
      (match) => JSON.parse(match[1]!) as { externalId: string; phoneNumber: string; employee: { email: string } },
    );
    expect(sent).toHaveLength(2);
    // Created (201), each answered before the next is sent.
    expect(run.stdout).toMatch(/#1 ← 201 /);
    expect(run.stdout).toMatch(/#2 ← 201 /);
    for (const call of sent) {
      const [stored] = await e2eQuery<{ id: number; firstName: string; lastName: string }>(
        `SELECT c.id, u."firstName", u."lastName" FROM "Call" c JOIN "User" u ON u.id = c."employeeId"
         WHERE c."externalId" = $1`,
        [call.externalId],
      );
      expect(stored, `${call.externalId} stored`).toBeTruthy();
      await openLog(page, `?number=${call.phoneNumber.replace(/\D/g, "")}`);
      const row = page.locator(`[data-call-id="${stored!.id}"]`);
      await expect(row).toBeVisible();
      await expect(row).toContainText(stored!.lastName);
    }
  });

  for (const locale of ["en", "ar"]) {
    test(`has no serious or critical accessibility violations (${locale})`, async ({ page }) => {
      await page.goto(locale === "en" ? "/telephony/calls" : `/${locale}/telephony/calls`);
      await expect(page.getByTestId("grid-root")).toHaveAttribute("data-hydrated", "true");
      await expect(page.getByTestId("calls-chart").locator("svg").first()).toBeVisible();
      if (locale === "ar") await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    });
  }
});
