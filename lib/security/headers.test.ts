import { describe, expect, it } from "vitest";
import { API_POLICY, newNonce, pagePolicy } from "./headers.ts";

const directive = (policy: string, name: string) =>
  policy
    .split("; ")
    .find((part) => part.startsWith(`${name} `))
    ?.slice(name.length + 1);

describe("pagePolicy", () => {
  it("allows scripts by nonce only, never eval or inline, and no framing", () => {
    const policy = pagePolicy("abc123");
    expect(directive(policy, "script-src")).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(directive(policy, "frame-ancestors")).toBe("'none'");
    expect(directive(policy, "object-src")).toBe("'none'");
    expect(directive(policy, "base-uri")).toBe("'none'");
    expect(directive(policy, "form-action")).toBe("'self'");
  });

  it("adds eval only for next dev, and the OIDC issuer as a form target", () => {
    expect(directive(pagePolicy("n", { development: true }), "script-src")).toContain("'unsafe-eval'");
    expect(directive(pagePolicy("n", { formTargets: ["https://sso.example"] }), "form-action")).toBe(
      "'self' https://sso.example",
    );
  });
});

it("API routes run nothing and cannot be framed", () => {
  expect(directive(API_POLICY, "default-src")).toBe("'none'");
  expect(directive(API_POLICY, "frame-ancestors")).toBe("'none'");
  expect(API_POLICY).not.toContain("script-src");
});

it("nonces are fresh and carry 128 bits", () => {
  const nonces = new Set(Array.from({ length: 100 }, newNonce));
  expect(nonces.size).toBe(100);
  for (const nonce of nonces) expect(atob(nonce)).toHaveLength(16);
});
