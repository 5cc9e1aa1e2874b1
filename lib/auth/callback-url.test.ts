import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url.ts";

describe("sign-in callback URLs", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeCallbackPath("/webmail/mailboxes?status=ERROR#top")).toBe("/webmail/mailboxes?status=ERROR#top");
    expect(safeCallbackPath("/de/audit")).toBe("/de/audit");
  });

  it("refuses every way off-site", () => {
    for (const hostile of [
      "http://other.host/x",
      "https://other.host",
      "//other.host/x",
      "/\\other.host",
      "/\\/other.host",
      "/\t/other.host",
      "/\n/other.host",
      "\\\\other.host",
      "javascript:alert(1)",
      "http:other.host",
      " //other.host",
      "",
      undefined,
    ])
      expect(safeCallbackPath(hostile as string | undefined), String(hostile)).toBeUndefined();
  });
});
