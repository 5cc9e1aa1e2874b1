// Internal mail servers a company allows on purpose (MAIL_ALLOWED_NETWORKS, README "Configuration"):
// comma-separated `address`, `address/prefix`, each optionally with `:port`; IPv6 in brackets when
// a port follows (`[fd00::25]:143`). Parsed strictly: a typo that quietly allowed nothing, or far
// more than meant, would be worse than a console that refuses to start and says why.
import { BlockList, isIPv4, isIPv6 } from "node:net";

export interface AllowedNetwork {
  /** The entry as written, for messages. */
  entry: string;
  family: "ipv4" | "ipv6";
  address: string;
  prefix: number;
  /** Null: every port of the network. */
  port: number | null;
  /** The network as a one-rule list: BlockList does the prefix arithmetic for both families. */
  range: BlockList;
}

export class AllowedNetworksError extends Error {
  constructor(readonly problem: string) {
    super(`MAIL_ALLOWED_NETWORKS: ${problem}`);
    this.name = "AllowedNetworksError";
  }
}

const EXAMPLE = "e.g. 10.20.0.0/16, 192.168.1.25:993, [fd00::25]:143";

function wholeNumber(text: string, min: number, max: number, entry: string, what: string): number {
  const value = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= min && value <= max)) throw new AllowedNetworksError(`"${entry}": the ${what} must be ${min}–${max}`);
  return value;
}

function parseEntry(entry: string): AllowedNetwork {
  if (!entry) throw new AllowedNetworksError(`an empty entry (two commas in a row, or one at the end); ${EXAMPLE}`);
  let network = entry;
  let portText: string | undefined;
  if (entry.startsWith("[")) {
    const match = /^\[([^\]]+)\](?::(.*))?$/.exec(entry);
    if (!match)
      throw new AllowedNetworksError(`"${entry}": a bracketed entry is [address] or [address/prefix], then :port`);
    network = match[1]!;
    portText = match[2];
  } else if (entry.split(":").length === 2) {
    // Exactly one colon: IPv4 with a port. More colons: an IPv6 address (a port needs brackets).
    [network, portText] = entry.split(":") as [string, string];
  }
  const [address = "", prefixText, ...extra] = network.split("/");
  const family = isIPv4(address) ? "ipv4" : isIPv6(address) && !address.includes("%") ? "ipv6" : null;
  if (!family || extra.length > 0)
    throw new AllowedNetworksError(
      `"${entry}" is not an IP address or network (host names are not accepted: what they resolve to can change); ${EXAMPLE}`,
    );
  if (family === "ipv6" && /^::ffff:|^64:ff9b::/i.test(address))
    throw new AllowedNetworksError(`"${entry}": write the IPv4 address itself (a.b.c.d); it is checked the same way`);
  const maxPrefix = family === "ipv4" ? 32 : 128;
  const prefix = prefixText === undefined ? maxPrefix : wholeNumber(prefixText, 0, maxPrefix, entry, "prefix length");
  const port = portText === undefined ? null : wholeNumber(portText, 1, 65_535, entry, "port");
  const range = new BlockList();
  range.addSubnet(address, prefix, family);
  return { entry, family, address, prefix, port, range };
}

/** The allow-list from its setting; unset or blank allows no internal address at all. */
export function parseAllowedNetworks(text: string | undefined): AllowedNetwork[] {
  if (!text?.trim()) return [];
  return text.split(",").map((entry) => parseEntry(entry.trim()));
}

/** The entry that lets a connection go to this (canonical) address and port, if any. */
export function allowingEntry(
  allowed: readonly AllowedNetwork[],
  address: string,
  family: "ipv4" | "ipv6",
  port: number,
): AllowedNetwork | undefined {
  return allowed.find(
    (network) => network.family === family && network.range.check(address, family) && (network.port ?? port) === port,
  );
}
