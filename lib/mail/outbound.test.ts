import { describe, expect, it, vi } from "vitest";
import { parseAllowedNetworks } from "./allowed-networks.ts";
import {
  addressToConnect,
  canonicalAddress,
  embeddedIpv4,
  isAddressAllowed,
  isInternalAddress,
  type OutboundPolicy,
  PUBLIC_ONLY,
  resolveEndpoint,
} from "./outbound.ts";
import type { ServerEndpoint } from "./settings.ts";

const allowing = (setting: string): OutboundPolicy => ({ allowedNetworks: parseAllowedNetworks(setting) });
const endpoint = (host: string, port = 993): ServerEndpoint => ({
  host,
  port,
  security: "SSL",
  login: "anna@example.test",
  password: "secret",
});

describe("internal addresses", () => {
  it("IPv4: this machine, private, shared, link-local (metadata), reserved and multicast ranges, edges included", () => {
    const internal = [
      "0.0.0.0",
      "0.255.255.255",
      "10.0.0.1",
      "10.255.255.255",
      "100.64.0.1",
      "100.127.255.255",
      "127.0.0.1",
      "127.255.255.254",
      "169.254.169.254",
      "172.16.0.1",
      "172.31.255.255",
      "192.0.0.1",
      "192.168.1.1",
      "198.18.0.1",
      "198.19.255.255",
      "224.0.0.1",
      "239.255.255.250",
      "240.0.0.1",
      "255.255.255.255",
    ];
    const external = [
      "1.1.1.1",
      "8.8.8.8",
      "11.0.0.1",
      "100.63.255.255",
      "100.128.0.0",
      "169.253.255.255",
      "172.15.255.255",
      "172.32.0.0",
      "192.0.1.1",
      "192.169.0.1",
      "198.17.255.255",
      "198.20.0.0",
      "223.255.255.255",
    ];
    expect(internal.filter((address) => !isInternalAddress(address))).toEqual([]);
    expect(external.filter((address) => isInternalAddress(address))).toEqual([]);
  });

  it("IPv6: unspecified, loopback, unique local (AWS metadata), link-local with or without zone, multicast", () => {
    const internal = ["::", "::1", "fc00::1", "fd00:ec2::254", "fe80::1", "fe80::1%eth0", "FE80::ABCD", "ff02::1"];
    const external = ["2001:4860:4860::8888", "2606:4700:4700::1111", "2a00:1450:4001:80b::200e"];
    expect(internal.filter((address) => !isInternalAddress(address))).toEqual([]);
    expect(external.filter((address) => isInternalAddress(address))).toEqual([]);
  });

  it("IPv4-mapped and NAT64 addresses are judged by the IPv4 address they reach", () => {
    expect(embeddedIpv4("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(embeddedIpv4("::ffff:7f00:1")).toBe("127.0.0.1");
    expect(embeddedIpv4("::FFFF:a9fe:a9fe")).toBe("169.254.169.254");
    expect(embeddedIpv4("64:ff9b::10.0.0.1")).toBe("10.0.0.1");
    expect(embeddedIpv4("64:ff9b::c0a8:101")).toBe("192.168.1.1");
    expect(embeddedIpv4("2001:db8::1")).toBeNull();
    expect(canonicalAddress("::ffff:8.8.8.8")).toEqual({ address: "8.8.8.8", family: "ipv4" });
    for (const address of ["::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:169.254.169.254", "64:ff9b::a00:1"])
      expect(isInternalAddress(address), address).toBe(true);
    // The deprecated IPv4-compatible form (::a.b.c.d) is refused outright.
    expect(isInternalAddress("::7f00:1")).toBe(true);
    for (const address of ["::ffff:8.8.8.8", "64:ff9b::808:808", "64:ff9b::1.1.1.1"])
      expect(isInternalAddress(address), address).toBe(false);
  });
});

describe("MAIL_ALLOWED_NETWORKS", () => {
  it("reads addresses and networks, with and without a port, IPv6 in brackets", () => {
    const parsed = parseAllowedNetworks(" 10.20.0.0/16, 192.168.1.25:993,[fd00::25]:143, fd00:1::/64 ,[::1]");
    expect(
      parsed.map(({ entry, family, address, prefix, port }) => ({ entry, family, address, prefix, port })),
    ).toEqual([
      { entry: "10.20.0.0/16", family: "ipv4", address: "10.20.0.0", prefix: 16, port: null },
      { entry: "192.168.1.25:993", family: "ipv4", address: "192.168.1.25", prefix: 32, port: 993 },
      { entry: "[fd00::25]:143", family: "ipv6", address: "fd00::25", prefix: 128, port: 143 },
      { entry: "fd00:1::/64", family: "ipv6", address: "fd00:1::", prefix: 64, port: null },
      { entry: "[::1]", family: "ipv6", address: "::1", prefix: 128, port: null },
    ]);
    expect(parseAllowedNetworks(undefined)).toEqual([]);
    expect(parseAllowedNetworks("  ")).toEqual([]);
  });

  it("refuses anything it cannot read exactly, naming the entry", () => {
    const refusals: [string, RegExp][] = [
      ["mail.internal", /"mail.internal" is not an IP address.*host names are not accepted/],
      ["10.0.0.1/33", /"10.0.0.1\/33": the prefix length must be 0–32/],
      ["[fd00::]/129", /bracketed entry/],
      ["[fd00::/129]", /"\[fd00::\/129\]": the prefix length must be 0–128/],
      ["10.0.0.1:0", /the port must be 1–65535/],
      ["10.0.0.1:65536", /the port must be 1–65535/],
      ["10.0.0.1:", /the port must be 1–65535/],
      ["10.0.0.1:imap", /the port must be 1–65535/],
      ["10.0.0.1/8/9", /is not an IP address/],
      ["10.0.0.1:143:1", /is not an IP address/],
      ["[fd00::1", /bracketed entry/],
      ["fe80::1%eth0", /is not an IP address/],
      ["10.0.0.1,,10.0.0.2", /an empty entry/],
      ["10.0.0.1,", /an empty entry/],
      ["::ffff:10.0.0.1", /write the IPv4 address itself/],
      ["10.0.0.256", /is not an IP address/],
    ];
    for (const [setting, message] of refusals)
      expect(() => parseAllowedNetworks(setting), setting).toThrow(
        new RegExp(`^MAIL_ALLOWED_NETWORKS: .*${message.source}`),
      );
  });

  it("an internal address passes only when an entry covers it and its port; public addresses always pass", () => {
    const policy = allowing("10.20.0.0/16,192.168.1.25:993,[fd00::25]:143");
    expect(isAddressAllowed("10.20.5.5", 143, policy)).toBe(true);
    expect(isAddressAllowed("10.20.5.5", 22, policy)).toBe(true);
    expect(isAddressAllowed("10.21.0.1", 143, policy)).toBe(false);
    expect(isAddressAllowed("192.168.1.25", 993, policy)).toBe(true);
    expect(isAddressAllowed("192.168.1.25", 25, policy)).toBe(false);
    expect(isAddressAllowed("192.168.1.26", 993, policy)).toBe(false);
    expect(isAddressAllowed("::ffff:192.168.1.25", 993, policy)).toBe(true);
    expect(isAddressAllowed("::ffff:192.168.1.25", 22, policy)).toBe(false);
    expect(isAddressAllowed("fd00::25", 143, policy)).toBe(true);
    expect(isAddressAllowed("fd00::26", 143, policy)).toBe(false);
    expect(isAddressAllowed("127.0.0.1", 993, policy)).toBe(false);
    expect(isAddressAllowed("169.254.169.254", 80, policy)).toBe(false);
    expect(isAddressAllowed("8.8.8.8", 993, PUBLIC_ONLY)).toBe(true);
    expect(isAddressAllowed("2606:4700:4700::1111", 993, PUBLIC_ONLY)).toBe(true);
  });

  it("a garbled setting stops the console's environment with the reason", async () => {
    const saved = process.env.MAIL_ALLOWED_NETWORKS;
    process.env.MAIL_ALLOWED_NETWORKS = "10.0.0.0/8, mail.internal";
    vi.resetModules();
    try {
      const { env } = await import("../env.ts");
      expect(() => env()).toThrow(
        /Invalid environment:\n {2}MAIL_ALLOWED_NETWORKS: "mail.internal" is not an IP address/,
      );
    } finally {
      process.env.MAIL_ALLOWED_NETWORKS = saved;
      vi.resetModules();
    }
  });
});

describe("resolving a server before connecting", () => {
  it("a host name is judged by what it resolves to: localhost is this machine", async () => {
    await expect(resolveEndpoint(endpoint("localhost"), PUBLIC_ONLY)).rejects.toMatchObject({
      name: "MailError",
      code: "ADDRESS_NOT_ALLOWED",
    });
    // The numeric spellings getaddrinfo understands reach 127.0.0.1 as well.
    for (const host of ["2130706433", "127.1", "0x7f.0.0.1"])
      await expect(resolveEndpoint(endpoint(host), PUBLIC_ONLY), host).rejects.toMatchObject({
        code: "ADDRESS_NOT_ALLOWED",
      });
  });

  it("one internal answer among public ones refuses the host (DNS rebinding); otherwise the first answer is used", () => {
    const server = endpoint("mail.example.com");
    expect(() => addressToConnect(server, ["93.184.216.34", "10.0.0.5"], PUBLIC_ONLY)).toThrow(
      expect.objectContaining({ code: "ADDRESS_NOT_ALLOWED" }),
    );
    expect(() => addressToConnect(server, ["2606:2800:220:1::1", "::ffff:127.0.0.1"], PUBLIC_ONLY)).toThrow(
      expect.objectContaining({ code: "ADDRESS_NOT_ALLOWED" }),
    );
    expect(addressToConnect(server, ["93.184.216.34", "2606:2800:220:1::1"], PUBLIC_ONLY)).toBe("93.184.216.34");
    expect(addressToConnect(server, ["93.184.216.34", "10.0.0.5"], allowing("10.0.0.0/8"))).toBe("93.184.216.34");
  });

  it("IP literals are checked without a lookup; IPv6 may come in brackets", async () => {
    for (const host of ["127.0.0.1", "169.254.169.254", "10.1.2.3", "[::1]", "::ffff:127.0.0.1", "fd00:ec2::254"])
      await expect(resolveEndpoint(endpoint(host), PUBLIC_ONLY), host).rejects.toMatchObject({
        code: "ADDRESS_NOT_ALLOWED",
      });
    expect(await resolveEndpoint(endpoint("8.8.8.8"), PUBLIC_ONLY)).toMatchObject({
      address: "8.8.8.8",
      servername: undefined,
    });
  });

  it("an allowed internal server is connected to by its checked address, with the typed name kept for TLS", async () => {
    const loopbacks = "127.0.0.1:1143,[::1]:1143";
    const target = await resolveEndpoint(endpoint("localhost", 1143), allowing(loopbacks));
    expect(["127.0.0.1", "::1"]).toContain(target.address);
    expect(target).toMatchObject({
      host: "localhost",
      servername: "localhost",
      port: 1143,
      login: "anna@example.test",
    });
    // The same name on another port is not covered by those entries.
    await expect(resolveEndpoint(endpoint("localhost", 22), allowing(loopbacks))).rejects.toMatchObject({
      code: "ADDRESS_NOT_ALLOWED",
    });
  });

  it("a name that does not resolve is HOST_NOT_FOUND, not a policy refusal", async () => {
    await expect(resolveEndpoint(endpoint("imap.does-not-exist.invalid"), PUBLIC_ONLY)).rejects.toMatchObject({
      code: "HOST_NOT_FOUND",
    });
  });
});
