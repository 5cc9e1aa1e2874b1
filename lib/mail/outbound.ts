// Where the console may connect for a mail server someone typed in (security #10, finding 6).
// Without this, any employee could make the server probe 127.0.0.1, the company network or the
// cloud metadata service, port by port. Every address a host name resolves to is checked — one
// internal answer among public ones is refused, as it is how DNS rebinding starts — and the
// connection then goes to the checked address itself, so no second lookup can swap it.
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { env } from "../env.ts";
import { type AllowedNetwork, allowingEntry } from "./allowed-networks.ts";
import { classifyMailError, MailError } from "./errors.ts";
import type { ServerEndpoint } from "./settings.ts";

/** Networks that are not "the internet": this machine, private and shared networks, link-local, multicast, reserved. */
const INTERNAL = new BlockList();
const INTERNAL_IPV4: [string, number][] = [
  ["0.0.0.0", 8], // "this network"; 0.0.0.0 reaches this machine on Linux
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, with the cloud metadata service at 169.254.169.254
  ["172.16.0.0", 12],
  ["192.0.0.0", 24], // IETF protocol assignments (some hold metadata or NAT services)
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking, used as internal space in practice
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved and broadcast
];
const INTERNAL_IPV6: [string, number][] = [
  ["::", 96], // :: and ::1, and the deprecated IPv4-compatible ::a.b.c.d
  ["64:ff9b:1::", 48], // local-use NAT64 (RFC 8215)
  ["fc00::", 7], // unique local, e.g. the AWS metadata service at fd00:ec2::254
  ["fe80::", 10], // link-local
  ["fec0::", 10], // deprecated site-local
  ["ff00::", 8], // multicast
];
for (const [address, prefix] of INTERNAL_IPV4) INTERNAL.addSubnet(address, prefix, "ipv4");
for (const [address, prefix] of INTERNAL_IPV6) INTERNAL.addSubnet(address, prefix, "ipv6");

/** The eight 16-bit words of a valid IPv6 address (without zone), the dotted-quad tail included. */
function ipv6Words(address: string): number[] {
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const headWords = head ? head.split(":") : [];
  const tailWords = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? 0 : 8 - headWords.length - tailWords.length;
  return [...headWords, ...Array<string>(zeros).fill("0"), ...tailWords].map((word) => Number.parseInt(word, 16));
}

/**
 * The IPv4 address an IPv6 address stands for: IPv4-mapped (::ffff:a.b.c.d, which the socket
 * layer turns into IPv4) and well-known NAT64 (64:ff9b::a.b.c.d, which a NAT64 gateway forwards).
 */
export function embeddedIpv4(address: string): string | null {
  const words = ipv6Words(address);
  const mapped = words.slice(0, 5).every((word) => word === 0) && words[5] === 0xffff;
  const nat64 = words[0] === 0x64 && words[1] === 0xff9b && words.slice(2, 6).every((word) => word === 0);
  if (!mapped && !nat64) return null;
  const [high, low] = [words[6]!, words[7]!];
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}

/** An address as it is checked: without an IPv6 zone, and as IPv4 when that is what it reaches. */
export function canonicalAddress(ip: string): { address: string; family: "ipv4" | "ipv6" } {
  const address = ip.split("%")[0]!;
  if (isIP(address) === 4) return { address, family: "ipv4" };
  if (isIP(address) !== 6) throw new Error(`not an IP address: ${ip}`);
  const ipv4 = embeddedIpv4(address);
  return ipv4 ? { address: ipv4, family: "ipv4" } : { address, family: "ipv6" };
}

export function isInternalAddress(ip: string): boolean {
  const { address, family } = canonicalAddress(ip);
  return INTERNAL.check(address, family);
}

export interface OutboundPolicy {
  /** Internal networks (and ports) connections may go to all the same: a company's own mail server. */
  allowedNetworks: readonly AllowedNetwork[];
}

/** Public addresses only: what the tests of the policy itself use. */
export const PUBLIC_ONLY: OutboundPolicy = { allowedNetworks: [] };

/** The policy of this installation, from MAIL_ALLOWED_NETWORKS. */
export function configuredOutboundPolicy(): OutboundPolicy {
  return { allowedNetworks: env().MAIL_ALLOWED_NETWORKS };
}

export function isAddressAllowed(ip: string, port: number, policy: OutboundPolicy): boolean {
  const { address, family } = canonicalAddress(ip);
  if (!INTERNAL.check(address, family)) return true;
  return allowingEntry(policy.allowedNetworks, address, family, port) !== undefined;
}

/** An endpoint whose address has passed the policy: connect to `address`, verify TLS against `servername`. */
export interface ConnectTarget extends ServerEndpoint {
  /** The checked IP address; connecting to it needs no further lookup that could answer differently. */
  address: string;
  /** The host name TLS sends (SNI) and checks the certificate against; absent when an IP was typed. */
  servername: string | undefined;
}

async function lookupAll(host: string, timeoutMs: number): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  // getaddrinfo has no timeout of its own; a resolver that never answers must not hold a test open.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new MailError("HOST_NOT_FOUND", `no DNS answer for ${host}`)), timeoutMs);
  });
  try {
    const answers = await Promise.race([lookup(host, { all: true }), timeout]);
    return answers.map((answer) => answer.address);
  } catch (error) {
    throw classifyMailError(error);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Resolves the endpoint's host and checks every address against the policy. Throws a MailError:
 * ADDRESS_NOT_ALLOWED (its message, for the server's logs only, names the address), or the
 * lookup's own failure (HOST_NOT_FOUND).
 */
export async function resolveEndpoint(
  endpoint: ServerEndpoint,
  policy: OutboundPolicy = configuredOutboundPolicy(),
  timeoutMs = 15_000,
): Promise<ConnectTarget> {
  const host = endpoint.host.trim().replace(/^\[(.*)\]$/, "$1");
  const literal = isIP(host.split("%")[0]!) !== 0;
  const addresses = literal ? [host] : await lookupAll(host, timeoutMs);
  return {
    ...endpoint,
    address: addressToConnect(endpoint, addresses, policy),
    servername: literal ? undefined : host,
  };
}

/**
 * The address to connect to, when every address the host resolved to is allowed. One refused
 * answer refuses them all: a name that is public and internal at once is a rebinding attempt.
 */
export function addressToConnect(endpoint: ServerEndpoint, addresses: string[], policy: OutboundPolicy): string {
  const refused = addresses.find((address) => !isAddressAllowed(address, endpoint.port, policy));
  if (refused !== undefined)
    throw new MailError(
      "ADDRESS_NOT_ALLOWED",
      `${endpoint.host}:${endpoint.port} resolves to ${refused}, an internal address MAIL_ALLOWED_NETWORKS does not allow`,
    );
  if (addresses.length === 0) throw new MailError("HOST_NOT_FOUND", `no address for ${endpoint.host}`);
  return addresses[0]!;
}
