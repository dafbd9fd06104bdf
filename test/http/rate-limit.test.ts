import { BetterAuth, MemoryEmailSender, type AuthConfig, type AuthPlugin } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { EmailPasswordPlugin, MemoryRateLimitStore, PasswordManagementPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { appEntities } from '../../examples/entities';
import { call, ORIGIN, PASSWORD, signUp, TEST_SECRET, uniqueEmail } from '../support/test-auth';

function authWith(rateLimit: AuthConfig['rateLimit'], extra: AuthPlugin[] = []) {
  let builder = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, trustProxyHeaders: true, emailSender: new MemoryEmailSender(), rateLimit })
    .database(new MemoryDatabaseAdapter(appEntities))
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    .plugin(new PasswordManagementPlugin());
  for (const plugin of extra) builder = builder.plugin(plugin);
  return builder.build();
}

const from = (ip: string) => ({ 'x-forwarded-for': ip });

describe('rate limiting', () => {
  it('sign-in: three tries per 10 s per client, then 429 TOO_MANY_REQUESTS with Retry-After', async () => {
    const auth = authWith({ enabled: true });
    const { email } = await signUp(auth.handler, uniqueEmail(), {});
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(auth.handler, 'POST', '/sign-in/email', { body: { email: uniqueEmail('other'), password: 'wrong password 123' }, headers: from('198.51.100.1') })).status);
    expect(statuses).toEqual([401, 401, 401]);
    const limited = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD }, headers: from('198.51.100.1') });
    expect(limited.status).toBe(429);
    expect(limited.json).toEqual({ code: 'TOO_MANY_REQUESTS', message: 'Too many requests' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(10);
    // Another client is not affected.
    expect((await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD }, headers: from('198.51.100.2') })).status).toBe(200);
  });

  it('counts per target account too: many clients against one account are limited', async () => {
    const auth = authWith({ enabled: true });
    const { email } = await signUp(auth.handler, uniqueEmail(), {});
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await call(auth.handler, 'POST', '/sign-in/email', { body: { email: email.toUpperCase(), password: 'wrong password 123' }, headers: from(`203.0.113.${i}`) })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('routes that send an email allow three per minute; get-session is never limited by default', async () => {
    const auth = authWith({ enabled: true });
    const { cookie } = await signUp(auth.handler, uniqueEmail(), {});
    const resets: number[] = [];
    for (let i = 0; i < 4; i++) resets.push((await call(auth.handler, 'POST', '/request-password-reset', { body: { email: uniqueEmail('r') }, headers: from('198.51.100.9') })).status);
    expect(resets).toEqual([200, 200, 200, 429]);
    for (let i = 0; i < 150; i++) expect((await call(auth.handler, 'GET', '/get-session', { cookie, headers: from('198.51.100.9') })).status).toBe(200);
  });

  it('the default window (100 per 10 s) applies to other routes; custom rules win, and false lifts a limit', async () => {
    const auth = authWith({ enabled: true, max: 2, customRules: { '/sign-in/email': { windowSeconds: 60, max: 1 }, '/list-sessions': false } });
    const { cookie, email } = await signUp(auth.handler, uniqueEmail(), {});
    expect((await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD }, headers: from('192.0.2.1') })).status).toBe(200);
    expect((await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD }, headers: from('192.0.2.1') })).status).toBe(429);
    const revokes = [];
    for (let i = 0; i < 3; i++) revokes.push((await call(auth.handler, 'POST', '/revoke-other-sessions', { cookie, body: {}, headers: from('192.0.2.1') })).status);
    expect(revokes).toEqual([200, 200, 429]);
    for (let i = 0; i < 5; i++) expect((await call(auth.handler, 'GET', '/list-sessions', { cookie, headers: from('192.0.2.1') })).status).toBe(200);
  });

  it("a plugin's declared rule applies to its paths", async () => {
    const ping: AuthPlugin = { id: 'ping', rateLimit: [{ path: '/ok', windowSeconds: 10, max: 1 }], routes: () => [] };
    const auth = authWith({ enabled: true }, [ping]);
    expect((await call(auth.handler, 'GET', '/ok', { headers: from('192.0.2.7') })).status).toBe(200);
    expect((await call(auth.handler, 'GET', '/ok', { headers: from('192.0.2.7') })).status).toBe(429);
  });

  it('is off by default outside production and on by default in production', async () => {
    const off = authWith(undefined);
    for (let i = 0; i < 5; i++) expect((await call(off.handler, 'POST', '/sign-in/email', { body: { email: 'a@example.com', password: 'x'.repeat(10) }, headers: from('192.0.2.9') })).status).toBe(401);
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      const on = authWith(undefined);
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await call(on.handler, 'POST', '/sign-in/email', { body: { email: 'a@example.com', password: 'x'.repeat(10) }, headers: from('192.0.2.9') })).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      process.env.NODE_ENV = previous;
    }
  });

  it('the memory store opens a new window once the old one ended, and sweeps ended windows', async () => {
    let now = 0;
    const store = new MemoryRateLimitStore(() => now);
    expect(await store.hit('k', 10)).toEqual({ count: 1, resetInSeconds: 10 });
    now = 4_000;
    expect(await store.hit('k', 10)).toEqual({ count: 2, resetInSeconds: 6 });
    now = 10_000;
    expect(await store.hit('k', 10)).toEqual({ count: 1, resetInSeconds: 10 });
    for (let i = 0; i < 1_000; i++) await store.hit(`flood-${i}`, 1);
    now = 60_000;
    for (let i = 0; i < 1_000; i++) await store.hit('late', 10);
    expect(store.size).toBe(1);
  });
});
