// The shared input rules: ids within int4, text PostgreSQL can store, names without control or
// bidi characters — and the schemas and URL parsers that client input goes through use them.
import { describe, expect, it } from "vitest";
import { saveRolesInput } from "@/app/[locale]/(console)/_access-rights/schemas";
import { loadGridParams } from "./mailboxes/grid/params.ts";
import {
  connectMailboxInput,
  updateContactsInput,
  updateGeneralInput,
  updateSharingInput,
} from "./mailboxes/schemas.ts";
import {
  DISALLOWED_CHARACTERS,
  idSchema,
  isCleanName,
  isStorableText,
  MAX_ID,
  nameSchema,
  parseAsId,
  parseAsPage,
  parseAsText,
  parseBigId,
  parseId,
  textSchema,
} from "./validation.ts";

const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? null : result.error!.issues[0]!.message;

describe("ids", () => {
  it("accepts positive integers up to the largest PostgreSQL integer", () => {
    for (const id of [1, 42, MAX_ID]) expect(idSchema.safeParse(id).success, String(id)).toBe(true);
  });

  it("refuses 2³¹ and beyond, zero, negatives, fractions and non-numbers", () => {
    for (const id of [2 ** 31, 99_999_999_999, 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "5", null])
      expect(idSchema.safeParse(id).success, String(id)).toBe(false);
  });

  it("reads ids from route params and query strings only when they are plain digits within int4", () => {
    expect(parseId("1")).toBe(1);
    expect(parseId("2147483647")).toBe(MAX_ID);
    expect(parseId(7)).toBe(7);
    for (const value of ["2147483648", "99999999999", "0", "-1", "1e3", " 1", "1.0", "0x10", "", "abc", 2 ** 31, null])
      expect(parseId(value), String(value)).toBeNull();
  });

  it("reads bigint ids (audit events) within bigint", () => {
    expect(parseBigId("9223372036854775807")).toBe(9_223_372_036_854_775_807n);
    for (const value of ["9223372036854775808", "0", "-1", "1.5", "", "12a"]) expect(parseBigId(value)).toBeNull();
  });
});

describe("text", () => {
  it("accepts line breaks, any script and emoji (surrogate pairs)", () => {
    for (const value of ["line one\nline two\ttab", "日本語", "😀 \uD83D\uDE00", "👩🏽‍💻"])
      expect(textSchema.safeParse(value).success, value).toBe(true);
  });

  it("refuses NUL bytes and lone surrogates with the disallowed-characters message", () => {
    for (const value of ["a\u0000b", "\u0000", "\uD800", "x\uD83D", "\uDE00x", "\uDE00\uD83D"]) {
      expect(isStorableText(value), JSON.stringify(value)).toBe(false);
      expect(messageOf(textSchema.safeParse(value))).toBe(DISALLOWED_CHARACTERS);
    }
  });
});

describe("names", () => {
  it("accepts names in every script, with the marks right-to-left writers type, and emoji", () => {
    for (const value of [
      "Zoë O'Brien-Núñez",
      "محمد بن عبد الله",
      "شركة ABC.\u200F",
      "\u200Eשלום\u200E",
      "\u061Cعربي",
      "می\u200Cخواهم",
      "Anna 👩🏽‍💻",
      "李小龍",
    ])
      expect(nameSchema.safeParse(value).success, value).toBe(true);
  });

  it("refuses control characters, line separators and bidi embeddings, overrides and isolates", () => {
    const refused = [
      ..."\u0000\u0001\t\n\r\u001B\u001F\u007F\u0080\u0085\u009F\u2028\u2029",
      ..."\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069",
    ];
    for (const character of refused) {
      const value = `Invoice ${character}gpj.exe`;
      expect(isCleanName(value), `U+${character.codePointAt(0)!.toString(16)}`).toBe(false);
      expect(messageOf(nameSchema.safeParse(value))).toBe(DISALLOWED_CHARACTERS);
    }
    expect(isCleanName("\uD800")).toBe(false);
  });
});

describe("the schemas client input goes through", () => {
  const general = {
    mailboxId: 1,
    name: "Sales",
    syncPeriod: "7",
    saveSentCopy: true,
    excludedFolders: [],
    signatureHtml: "",
  };
  const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    result.success ? [] : result.error!.issues.map((issue) => [issue.path.join("."), issue.message]);

  it("mailbox settings: ids past int4 and unclean names, folders, signatures are refused by field", () => {
    expect(updateGeneralInput.safeParse(general).success).toBe(true);
    expect(issuesOf(updateGeneralInput.safeParse({ ...general, mailboxId: 2 ** 31 }))).toEqual([
      ["mailboxId", "invalid"],
    ]);
    expect(issuesOf(updateGeneralInput.safeParse({ ...general, name: "\u202Etxt.exe" }))).toEqual([
      ["name", DISALLOWED_CHARACTERS],
    ]);
    expect(issuesOf(updateGeneralInput.safeParse({ ...general, senderName: "Sales\r\nBcc: x@evil.test" }))).toEqual([
      ["senderName", DISALLOWED_CHARACTERS],
    ]);
    expect(issuesOf(updateGeneralInput.safeParse({ ...general, excludedFolders: ["Inbox\u0000"] }))).toEqual([
      ["excludedFolders.0", DISALLOWED_CHARACTERS],
    ]);
    expect(issuesOf(updateGeneralInput.safeParse({ ...general, signatureHtml: "<p>\u0000</p>" }))).toEqual([
      ["signatureHtml", DISALLOWED_CHARACTERS],
    ]);
    expect(
      issuesOf(updateContactsInput.safeParse({ mailboxId: 1, contacts: [{ email: "a@b.test", name: "\u2066x" }] })),
    ).toEqual([["contacts.0.name", DISALLOWED_CHARACTERS]]);
    expect(
      issuesOf(updateSharingInput.safeParse({ mailboxId: 1, subjects: [{ kind: "USER", refId: 99_999_999_999 }] })),
    ).toEqual([["subjects.0.refId", "invalid"]]);
    expect(connectMailboxInput.safeParse({ ownerId: 2 ** 31 }).success).toBe(false);
  });

  it("role names: one clean line", () => {
    const roles = (name: string) => ({
      module: "WEBMAIL",
      revision: 0,
      roles: [{ id: null, name, levels: {}, assignments: [] }],
    });
    expect(saveRolesInput.safeParse(roles("Team leads")).success).toBe(true);
    expect(saveRolesInput.safeParse(roles("قادة الفرق")).success).toBe(true);
    expect(issuesOf(saveRolesInput.safeParse(roles("Admin\u202E")))).toEqual([["roles.0.name", DISALLOWED_CHARACTERS]]);
  });

  it("URL params: ids past int4 and text with NUL read as absent, never as a value", () => {
    expect(parseAsId.parse("99999999999")).toBeNull();
    expect(parseAsId.parse("12")).toBe(12);
    expect(parseAsPage.parse("100001")).toBeNull();
    expect(parseAsText.parse("a\u0000b")).toBeNull();
    const params = loadGridParams(new URLSearchParams("owners=1,99999999999,2&access=2147483648&q=x%00y&name=ok"));
    expect(params.owners).toEqual([1, 2]);
    expect(params.access).toEqual([]);
    expect(params.q).toBe("");
    expect(params.name).toBe("ok");
  });
});
