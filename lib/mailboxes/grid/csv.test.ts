// The CSV export starts with a query, not with a header: until the first page is read nothing
// goes out, so a failing database is an HTTP error (route + startTextStream), not a short file.
import { beforeAll, describe, expect, it } from "vitest";
import { createMailbox, createUser } from "../../../tests/factories.ts";
import type { Access } from "../../access/access.ts";
import { loadAccess } from "../../access/access.ts";
import { ensureDefaultRoles } from "../../access/defaults.ts";
import { type Database, db } from "../../db.ts";
import { type CsvHeaders, gridCsv } from "./csv.ts";
import { loadGridParams, normalizeGridParams } from "./params.ts";

const ALL = normalizeGridParams(loadGridParams(new URLSearchParams("")), 20);
const HEADERS = { email: "Email", unread: "Unread" } as CsvHeaders;

describe("gridCsv", () => {
  let access: Access;
  let email: string;

  beforeAll(async () => {
    await ensureDefaultRoles(db);
    const admin = await createUser(db, { isPortalAdmin: true });
    email = (await createMailbox(db, admin.id)).email;
    access = await loadAccess(db, admin.id);
  });

  it("yields nothing, not even the header, when the first page cannot be read", async () => {
    const down = new Error("database down");
    const failing = new Proxy(db, {
      get: (target, property) =>
        property === "$transaction" ? () => Promise.reject(down) : Reflect.get(target, property),
    }) as Database;
    await expect(gridCsv(failing, access, ALL, ["email"], HEADERS).next()).rejects.toBe(down);
  });

  it("sends the header together with the first page", async () => {
    const first = await gridCsv(db, access, ALL, ["email"], HEADERS).next();
    expect(first.value).toBe(`\uFEFFEmail,Unread\r\n${email},0\r\n`);
  });
});
