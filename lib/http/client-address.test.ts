import { describe, expect, it } from "vitest";
import { clientAddressOf, trustedClientAddress } from "./client-address.ts";

describe("the trusted client address", () => {
  it("is the socket peer when no proxy is trusted, whatever the client claims", () => {
    expect(trustedClientAddress("203.0.113.9", "198.51.100.7", 0)).toBe("198.51.100.7");
    expect(trustedClientAddress(["1.1.1.1", "2.2.2.2"], "::ffff:198.51.100.7", 0)).toBe("198.51.100.7");
  });

  it("behind one proxy is the address that proxy appended, not the client's own entries", () => {
    // client wrote "6.6.6.6", the proxy appended the real peer 203.0.113.9, the socket is the proxy
    expect(trustedClientAddress("6.6.6.6, 203.0.113.9", "10.0.0.2", 1)).toBe("203.0.113.9");
    expect(trustedClientAddress("203.0.113.9", "10.0.0.2", 1)).toBe("203.0.113.9");
  });

  it("never lets a longer claimed chain move the choice, and refuses garbage", () => {
    expect(trustedClientAddress("a, b, c, 203.0.113.9", "10.0.0.2", 1)).toBe("203.0.113.9");
    expect(trustedClientAddress("<script>", "10.0.0.2", 1)).toBe("unknown");
    expect(trustedClientAddress(undefined, undefined, 0)).toBe("unknown");
    expect(trustedClientAddress(undefined, "10.0.0.2", 3)).toBe("10.0.0.2");
  });

  it("is read back by the app from the one header the server left", () => {
    expect(clientAddressOf(new Headers({ "x-forwarded-for": "198.51.100.7" }))).toBe("198.51.100.7");
    expect(clientAddressOf(new Headers())).toBe("unknown");
  });
});
