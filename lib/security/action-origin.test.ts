import { describe, expect, it } from "vitest";
import { checkActionOrigin, hostMatches } from "./action-origin.ts";

const headers = (values: Record<string, string>) => new Headers(values);

describe("checkActionOrigin", () => {
  it("lets reads through whatever their Origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"])
      expect(checkActionOrigin(method, headers({ host: "console.example", origin: "https://evil.example" }))).toEqual({
        ok: true,
      });
  });

  it("refuses a write without Origin, which Next.js itself would let through", () => {
    expect(checkActionOrigin("POST", headers({ host: "console.example", "next-action": "abc" }))).toMatchObject({
      ok: false,
      reason: "missing-origin",
    });
  });

  it("accepts the console's own origin, by X-Forwarded-Host first (as Next.js compares), then Host", () => {
    expect(checkActionOrigin("POST", headers({ host: "console.example", origin: "https://Console.Example" }))).toEqual({
      ok: true,
    });
    const proxied = { host: "127.0.0.1:3000", "x-forwarded-host": "console.example, inner.local" };
    expect(checkActionOrigin("POST", headers({ ...proxied, origin: "https://console.example" }))).toEqual({ ok: true });
    expect(checkActionOrigin("POST", headers({ ...proxied, origin: "http://127.0.0.1:3000" }))).toMatchObject({
      ok: false,
      reason: "foreign-origin",
    });
  });

  it("refuses other hosts, other ports, 'null' and garbage", () => {
    for (const origin of ["https://evil.example", "https://console.example:8443", "null", "not a url"])
      expect(checkActionOrigin("POST", headers({ host: "console.example", origin })), origin).toMatchObject({
        ok: false,
        reason: "foreign-origin",
      });
  });

  it("accepts the extra hosts of serverActions.allowedOrigins", () => {
    const request = headers({ host: "127.0.0.1:3000", origin: "https://app.console.example" });
    expect(checkActionOrigin("POST", request, ["*.console.example"])).toEqual({ ok: true });
    expect(checkActionOrigin("POST", request, ["console.example"])).toMatchObject({ ok: false });
  });
});

describe("hostMatches (Next.js's allowedOrigins syntax)", () => {
  it.each([
    ["my-proxy.com", "my-proxy.com", true],
    ["my-proxy.com", "my-proxy.com:8443", false],
    ["my-proxy.com", "app.my-proxy.com", false],
    ["*.my-proxy.com", "app.my-proxy.com", true],
    ["*.my-proxy.com", "my-proxy.com", false],
    ["*.my-proxy.com", "a.b.my-proxy.com", false],
    ["*.my-proxy.com", "app.my-proxy.com:8443", false],
    ["**.my-proxy.com", "app.eu.my-proxy.com", true],
    ["**.my-proxy.com", "my-proxy.com", false],
    ["my-proxy.com:8443", "my-proxy.com:8443", true],
    ["*", "anything", false],
    ["**", "anything", false],
    ["app.**.com", "app.x.com", false],
  ])("%s matches %s: %s", (pattern, host, expected) => {
    expect(hostMatches(pattern, host)).toBe(expected);
  });
});
