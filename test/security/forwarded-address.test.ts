import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BetterAuth, ConfigError, type AuthConfig } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { toNodeHandler } from 'better-auth-entities/node';
import { EmailPasswordPlugin } from 'better-auth-entities/plugins';
import { forwardedClientAddress, resolveProxyTrust } from '../../src/core/proxy-trust';
import { appEntities } from '../../examples/entities';
import { TEST_SECRET, uniqueEmail } from '../support/test-auth';

/*
 * Behind proxies, the client address (what the limiter counts under) is the one the last trusted proxy saw,
 * never an `X-Forwarded-For` entry the client wrote itself.
 */
const trust = (option: Parameters<typeof resolveProxyTrust>[0]) => resolveProxyTrust(option)!;

describe('the client address under trustProxyHeaders', () => {
  it('true trusts one proxy: the rightmost entry, whatever the client put before it', () => {
    expect(forwardedClientAddress(trust(true), '10.0.0.2', '6.6.6.6, 198.51.100.9')).toBe('198.51.100.9');
    expect(forwardedClientAddress(trust(true), '10.0.0.2', '198.51.100.9')).toBe('198.51.100.9');
    expect(forwardedClientAddress(trust(true), '10.0.0.2', undefined)).toBe('10.0.0.2');
  });

  it('hops: n takes the nth entry from the right, or the leftmost when fewer proxies added one', () => {
    expect(forwardedClientAddress(trust({ hops: 2 }), '10.0.0.2', '6.6.6.6, 198.51.100.9, 10.0.0.1')).toBe('198.51.100.9');
    expect(forwardedClientAddress(trust({ hops: 3 }), '10.0.0.2', '198.51.100.9, 10.0.0.1')).toBe('198.51.100.9');
  });

  it('proxies: the first address from the peer leftward that is not a listed proxy or inside a listed range', () => {
    const proxies = trust({ proxies: ['10.0.0.0/8', '2001:db8::/32', '192.0.2.1'] });
    expect(forwardedClientAddress(proxies, '10.0.0.2', '6.6.6.6, 198.51.100.9, 192.0.2.1, 10.9.9.9')).toBe('198.51.100.9');
    expect(forwardedClientAddress(proxies, '::ffff:10.0.0.2', '6.6.6.6, 198.51.100.9')).toBe('198.51.100.9');
    expect(forwardedClientAddress(proxies, '2001:db8::7', '2001:db8::8, 2001:db9::1')).toBe('2001:db9::1');
    // A peer that is not one of our proxies wrote the header itself: it is ignored.
    expect(forwardedClientAddress(proxies, '203.0.113.5', '198.51.100.9')).toBe('203.0.113.5');
    // An entry that is no address at all is never a proxy: it ends the walk (and is recorded as is).
    expect(forwardedClientAddress(proxies, '10.0.0.2', '198.51.100.9, garbage')).toBe('garbage');
    // Every hop a proxy of ours: the farthest one is all we know.
    expect(forwardedClientAddress(proxies, '10.0.0.2', '10.0.0.3')).toBe('10.0.0.3');
  });

  it('refuses hops that are not a whole number of at least one, and proxies that are not addresses or ranges', () => {
    const build = (trustProxyHeaders: AuthConfig['trustProxyHeaders']) => () =>
      new BetterAuth({ secret: TEST_SECRET, trustProxyHeaders }).database(new MemoryDatabaseAdapter(appEntities)).build();
    expect(build({ hops: 0 })).toThrow(ConfigError);
    expect(build({ hops: 1.5 })).toThrow(/trustProxyHeaders\.hops/);
    expect(build({ proxies: ['10.0.0.0/33'] })).toThrow(/"10\.0\.0\.0\/33" is not an IP address or CIDR range/);
    expect(build({ proxies: ['proxy.internal'] })).toThrow(ConfigError);
  });
});

describe('the limiter behind proxies, over a listening server', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function listening(trustProxyHeaders: AuthConfig['trustProxyHeaders']): Promise<string> {
    const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: 'http://127.0.0.1', trustProxyHeaders, rateLimit: { enabled: true } })
      .database(new MemoryDatabaseAdapter(appEntities))
      .plugin(new EmailPasswordPlugin())
      .build();
    server = createServer(toNodeHandler(auth));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/auth`;
  }

  /** Eight sign-ins, each naming another account and claiming another address at the left of the header. */
  async function spoofedSignIns(url: string, realHops: string): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const response = await fetch(`${url}/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1', 'x-forwarded-for': `6.6.${i}.${i}, ${realHops}` },
        body: JSON.stringify({ email: uniqueEmail('spoof'), password: 'wrong password 123' }),
      });
      statuses.push(response.status);
    }
    return statuses;
  }

  it('with trustProxyHeaders true, eight sign-ins with spoofed leftmost entries share one address and get 429', async () => {
    const statuses = await spoofedSignIns(await listening(true), '198.51.100.9');
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429, 429, 429]);
  });

  it('with a list of trusted proxies, eight spoofed sign-ins through two of them get 429 too', async () => {
    const statuses = await spoofedSignIns(await listening({ proxies: ['127.0.0.1', '10.0.0.0/8'] }), '198.51.100.9, 10.1.2.3');
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429, 429, 429]);
  });
});
