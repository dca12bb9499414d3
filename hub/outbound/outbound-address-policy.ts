// Environment: Node (hub). Server-side request forgery guard for forwarding and webhook URLs: a lead (or a
// misconfiguration) must not turn the hub into a client of its own network (the loopback hub itself, RFC 1918
// hosts, the cloud metadata address 169.254.169.254, …). Checked when a URL is configured (the host's every
// address) and again when each connection is made, on the address actually dialled: a DNS name that answered
// a public address at subscription time and a private one later (DNS rebinding) is refused then.
import dns from 'node:dns';
import net from 'node:net';

/** One resolved address of a host name. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all its addresses (default: the system resolver, as connections use it). */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface OutboundPolicy {
  /** Lets URLs reach loopback, private and link-local hosts: the demo and tests (receivers on 127.0.0.1). */
  allowPrivate: boolean;
  /** Tests inject one (a rebinding name); default the system resolver. */
  resolve?: HostResolver;
}

export const DENY_PRIVATE: OutboundPolicy = { allowPrivate: false };

/** A URL or address the hub refuses to send to; the message names the host, the address and why. */
export class OutboundUrlError extends Error {
  constructor(
    message: string,
    /** 'unresolved': the name gave no address (may be passing); 'refused': never allowed as it is. */
    readonly kind: 'refused' | 'unresolved' = 'refused',
  ) {
    super(message);
  }
}

export const systemResolver: HostResolver = async (hostname) => {
  const addresses = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return addresses.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

// Each range with the name a lead reads in the error; the first that matches names it (::1 is loopback before
// it is IPv4-compatible). IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) match the IPv4 rules: node's BlockList
// checks them against both.
const FORBIDDEN_RANGES: { network: string; prefix: number; family: 'ipv4' | 'ipv6'; name: string }[] = [
  { network: '0.0.0.0', prefix: 8, family: 'ipv4', name: 'unspecified ("this network")' },
  { network: '10.0.0.0', prefix: 8, family: 'ipv4', name: 'private (RFC 1918)' },
  { network: '100.64.0.0', prefix: 10, family: 'ipv4', name: 'private (carrier-grade NAT)' },
  { network: '127.0.0.0', prefix: 8, family: 'ipv4', name: 'loopback' },
  { network: '169.254.0.0', prefix: 16, family: 'ipv4', name: 'link-local (incl. cloud metadata)' },
  { network: '172.16.0.0', prefix: 12, family: 'ipv4', name: 'private (RFC 1918)' },
  { network: '192.168.0.0', prefix: 16, family: 'ipv4', name: 'private (RFC 1918)' },
  { network: '224.0.0.0', prefix: 4, family: 'ipv4', name: 'multicast' },
  { network: '240.0.0.0', prefix: 4, family: 'ipv4', name: 'reserved or broadcast' },
  { network: '::', prefix: 128, family: 'ipv6', name: 'unspecified' },
  { network: '::1', prefix: 128, family: 'ipv6', name: 'loopback' },
  { network: '::', prefix: 96, family: 'ipv6', name: 'IPv4-compatible (deprecated)' },
  { network: 'fc00::', prefix: 7, family: 'ipv6', name: 'private (unique local)' },
  { network: 'fe80::', prefix: 10, family: 'ipv6', name: 'link-local' },
  { network: 'ff00::', prefix: 8, family: 'ipv6', name: 'multicast' },
];

const rangeLists = FORBIDDEN_RANGES.map((range) => {
  const list = new net.BlockList();
  list.addSubnet(range.network, range.prefix, range.family);
  return { list, name: range.name };
});

const nat64 = new net.BlockList();
nat64.addSubnet('64:ff9b::', 96, 'ipv6');

/** Why the hub must not connect to `address` (an IP literal), or null when it is a public address. */
export function forbiddenAddressReason(address: string): string | null {
  const family = net.isIP(address);
  if (family === 0) return 'not an IP address';
  const type = family === 6 ? 'ipv6' : 'ipv4';
  const reason = rangeLists.find(({ list }) => list.check(address, type))?.name ?? null;
  if (reason || type === 'ipv4' || !nat64.check(address, 'ipv6')) return reason;
  // NAT64 (64:ff9b::a.b.c.d) reaches the IPv4 address in its last 32 bits: judge that one.
  const embedded = embeddedIpv4(address);
  const embeddedReason = embedded === null ? null : forbiddenAddressReason(embedded);
  return embeddedReason ? `NAT64 to a ${embeddedReason}` : null;
}

/** The IPv4 address in an IPv6 address's last 32 bits (URL's parser writes the address out canonically). */
function embeddedIpv4(ipv6: string): string | null {
  const canonical = new URL(`http://[${ipv6}]/`).hostname.slice(1, -1);
  const groups = canonical.split(':');
  const [high = '', low = ''] = groups.slice(-2);
  const word = (parseInt(high || '0', 16) << 16) | parseInt(low || '0', 16);
  if (!Number.isFinite(word)) return null;
  return [24, 16, 8, 0].map((shift) => (word >>> shift) & 0xff).join('.');
}

/** The URL's host as an IP literal (brackets off), or null for a name. */
function ipLiteralOf(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return net.isIP(bare) === 0 ? null : bare;
}

function refusal(host: string, address: string, reason: string): OutboundUrlError {
  const via = host === address ? '' : ` resolves to ${address}, which`;
  return new OutboundUrlError(
    `${host}${via} is a ${reason} address: the hub does not send to its own network ` +
      '(set HUB_OUTBOUND_ALLOW_PRIVATE=1 to allow it, for a demo or tests).',
  );
}

/**
 * The configuration-time check: an http(s) URL whose host (an IP literal, or every address its name resolves
 * to) is public. Throws OutboundUrlError naming the problem. A name that does not resolve is refused too: the
 * lead learns of the typo now, not from a delivery log.
 */
export async function checkOutboundUrl(url: string, policy: OutboundPolicy): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new OutboundUrlError(`${JSON.stringify(url)} is not a URL.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new OutboundUrlError(`${parsed.protocol} URLs are refused: only http and https.`);
  }
  if (policy.allowPrivate) return;
  const literal = ipLiteralOf(parsed.hostname);
  if (literal !== null) {
    const reason = forbiddenAddressReason(literal);
    if (reason) throw refusal(literal, literal, reason);
    return;
  }
  let addresses: ResolvedAddress[];
  try {
    addresses = await (policy.resolve ?? systemResolver)(parsed.hostname);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new OutboundUrlError(
      `${parsed.hostname} does not resolve${code ? ` (${code})` : ''}.`,
      'unresolved',
    );
  }
  if (addresses.length === 0)
    throw new OutboundUrlError(`${parsed.hostname} does not resolve.`, 'unresolved');
  for (const { address } of addresses) {
    const reason = forbiddenAddressReason(address);
    if (reason) throw refusal(parsed.hostname, address, reason);
  }
}

/** The connection-time check of an IP-literal host (a socket to a literal does no lookup). */
export function checkLiteralHost(hostname: string, policy: OutboundPolicy): void {
  if (policy.allowPrivate) return;
  const literal = ipLiteralOf(hostname);
  if (literal === null) return;
  const reason = forbiddenAddressReason(literal);
  if (reason) throw refusal(literal, literal, reason);
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for http.request / net.connect: resolves with the policy's resolver and fails the connection
 * (with the OutboundUrlError) when an address is forbidden, so the socket never dials it. Null when the policy
 * allows private addresses (the default lookup then).
 */
export function guardedLookup(policy: OutboundPolicy) {
  if (policy.allowPrivate) return null;
  const resolve = policy.resolve ?? systemResolver;
  return (
    hostname: string,
    options: dns.LookupOptions | number | undefined,
    callback: LookupCallback,
  ): void => {
    const all = typeof options === 'object' && options !== null && options.all === true;
    resolve(hostname).then(
      (addresses) => {
        if (addresses.length === 0) {
          callback(Object.assign(new Error(`${hostname} does not resolve.`), { code: 'ENOTFOUND' }), '');
          return;
        }
        for (const { address } of addresses) {
          const reason = forbiddenAddressReason(address);
          if (reason) {
            callback(refusal(hostname, address, reason), '');
            return;
          }
        }
        if (all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}
