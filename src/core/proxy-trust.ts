import { BlockList, isIP } from 'node:net';

/**
 * Which proxies in front of the app are believed, and so which `X-Forwarded-For` entry is the client's address
 * (`AuthConfig.trustProxyHeaders`). Every proxy appends the address it saw to the header, so only entries added
 * by our own proxies can be believed: they sit at the right end. Whatever is left of them the client wrote,
 * and taking it (the leftmost entry) would let a client choose the address it is rate-limited under.
 * - `{ hops: n }`: n proxies always stand in front; the client is the nth entry from the right.
 * - `{ proxies }`: proxies known by address or CIDR; walking from the socket's peer leftward, the client is the
 *   first address that is not one of them (the address the last trusted proxy saw).
 */
export type ProxyTrust = { readonly hops: number } | { readonly proxies: BlockList };

/** What `trustProxyHeaders` accepts; see `AuthConfig.trustProxyHeaders`. */
export type TrustProxyHeadersOption = boolean | { hops: number } | { proxies: readonly string[] };

/** The resolved trust, or `null` when `X-Forwarded-For` is ignored; throws a `TypeError` naming a bad entry. */
export function resolveProxyTrust(option: TrustProxyHeadersOption | undefined): ProxyTrust | null {
  if (option === undefined || option === false) return null;
  if (option === true) return { hops: 1 };
  if ('hops' in option) {
    if (!Number.isInteger(option.hops) || option.hops < 1) throw new TypeError(`trustProxyHeaders.hops must be a whole number of at least 1 (got ${option.hops}).`);
    return { hops: option.hops };
  }
  const proxies = new BlockList();
  for (const entry of option.proxies) addProxy(proxies, entry);
  return { proxies };
}

/**
 * The client's address under a trust rule, from the socket's peer and the `X-Forwarded-For` header; the peer
 * itself when the header says nothing believable.
 */
export function forwardedClientAddress(trust: ProxyTrust, remoteAddress: string | null, forwardedFor: string | undefined): string | null {
  const entries = (forwardedFor ?? '').split(',').map((entry) => entry.trim()).filter((entry) => entry.length > 0);
  if ('hops' in trust) {
    // Fewer entries than hops: the request skipped a proxy (or came straight in); the leftmost is the best left.
    return entries.length === 0 ? remoteAddress : entries[Math.max(0, entries.length - trust.hops)];
  }
  // Nearest first: the peer, then the header from its right end. The first hop that is not one of our proxies
  // (an unparsable one never is) is the client; when every hop is a proxy, the farthest is the best left.
  const chain = [remoteAddress, ...entries.reverse()];
  const client = chain.find((address) => address === null || !isTrustedProxy(trust.proxies, address));
  return client === undefined ? chain[chain.length - 1] : client;
}

function isTrustedProxy(proxies: BlockList, address: string): boolean {
  const plain = withoutMappedPrefix(address);
  const family = isIP(plain);
  return family !== 0 && proxies.check(plain, family === 6 ? 'ipv6' : 'ipv4');
}

// A dual-stack socket reports IPv4 peers as `::ffff:a.b.c.d`; the configured list names them as IPv4.
function withoutMappedPrefix(address: string): string {
  return address.toLowerCase().startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

function addProxy(proxies: BlockList, entry: string): void {
  const [address, prefix, extra] = entry.trim().split('/');
  const family = isIP(address);
  const bits = prefix === undefined ? undefined : Number(prefix);
  const max = family === 6 ? 128 : 32;
  if (family === 0 || extra !== undefined || (bits !== undefined && (!Number.isInteger(bits) || bits < 0 || bits > max))) {
    throw new TypeError(`trustProxyHeaders.proxies: "${entry}" is not an IP address or CIDR range.`);
  }
  const type = family === 6 ? 'ipv6' : 'ipv4';
  if (bits === undefined) proxies.addAddress(address, type);
  else proxies.addSubnet(address, bits, type);
}
