import { createHash, randomBytes } from 'node:crypto';
import { BetterAuth } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { EmailPasswordPlugin, MultiSessionPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { RedisSecondaryStorage } from 'better-auth-entities/redis';
import { appEntities } from '../../examples/entities';
import { describeOnEveryBackend } from '../support/backends';
import { call, ORIGIN, PASSWORD, TEST_SECRET } from '../support/test-auth';
import { Browser, makeDeviceAuth } from './device-auth';

const digest = (token: string) => createHash('sha256').update(token).digest('hex');
const multiName = (token: string) => `better-auth.session_token_multi-${token.toLowerCase()}`;

describeOnEveryBackend('MultiSessionPlugin', (backend) => {
  function setup(options: Parameters<typeof makeDeviceAuth>[1] = {}) {
    return makeDeviceAuth(backend.database(), options);
  }

  /** A browser holding two accounts, the second one active. */
  async function twoAccounts(options: Parameters<typeof makeDeviceAuth>[1] = {}) {
    const s = setup(options);
    const browser = new Browser(s.auth.handler);
    const first = await browser.signUp('ms-first');
    const second = await browser.signUp('ms-second');
    return { ...s, browser, first, second };
  }

  const sessionCount = async (s: { database: any }, userId: string) => (await s.database.listSessionsForUser(userId)).length;

  it('keeps one signed <session cookie>_multi-<token> cookie per account, with the session cookie’s attributes', async () => {
    const { browser, first, second } = await twoAccounts();
    expect(browser.multiCookies().sort()).toEqual([multiName(first.token), multiName(second.token)].sort());
    const line = browser.lastSetCookies.find((cookie) => cookie.startsWith(multiName(second.token)))!;
    expect(line).toMatch(/; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(decodeURIComponent(browser.cookies.get(multiName(second.token))!)).toMatch(new RegExp(`^${second.token.replace(/[-]/g, '\\-')}\\.`));
  });

  it('list-device-sessions answers [{ session, user }] of the held accounts, newest first, with digests instead of tokens', async () => {
    const { browser, first, second } = await twoAccounts();
    const listed = await browser.call('GET', '/multi-session/list-device-sessions');
    expect(listed.status).toBe(200);
    expect(listed.json.map((entry: any) => entry.user.id)).toEqual([second.user.id, first.user.id]);
    expect(listed.json.map((entry: any) => entry.session.token)).toEqual([digest(second.token), digest(first.token)]);
    expect(listed.json[0].session).toMatchObject({ userId: second.user.id, expiresAt: expect.any(String) });
    const text = JSON.stringify(listed.json);
    expect(text).not.toContain(first.token);
    expect(text).not.toContain(second.token);
  });

  it('list-device-sessions without held cookies answers [] (and only the sessions of this browser)', async () => {
    const s = setup();
    const stranger = new Browser(s.auth.handler);
    await stranger.signUp('ms-stranger');
    const empty = await call(s.auth.handler, 'GET', '/multi-session/list-device-sessions');
    expect([empty.status, empty.json]).toEqual([200, []]);
    const other = new Browser(s.auth.handler);
    const mine = await other.signUp('ms-mine');
    const listed = await other.call('GET', '/multi-session/list-device-sessions');
    expect(listed.json.map((entry: any) => entry.user.id)).toEqual([mine.user.id]);
  });

  it('set-active switches the session cookie to a held account, named by digest or by raw token', async () => {
    const { browser, first, second } = await twoAccounts();
    expect(await browser.currentUserId()).toBe(second.user.id);
    const switched = await browser.call('POST', '/multi-session/set-active', { body: { sessionToken: digest(first.token) } });
    expect(switched.status).toBe(200);
    expect(switched.json).toEqual({ session: expect.objectContaining({ userId: first.user.id, token: digest(first.token) }), user: expect.objectContaining({ id: first.user.id }) });
    expect(switched.headers.get('set-auth-token')).toMatch(new RegExp(`^${first.token.replace(/[-]/g, '\\-')}\\.`));
    expect(await browser.currentUserId()).toBe(first.user.id);
    expect((await browser.call('POST', '/multi-session/set-active', { body: { sessionToken: second.token } })).status).toBe(200);
    expect(await browser.currentUserId()).toBe(second.user.id);
  });

  it('set-active with a token the browser holds no cookie for answers 401 INVALID_SESSION_TOKEN and changes nothing', async () => {
    const { auth, browser, second } = await twoAccounts();
    const victim = new Browser(auth.handler);
    const stolen = await victim.signUp('ms-victim');
    for (const sessionToken of [stolen.token, digest(stolen.token), 'not-a-token']) {
      const refused = await browser.call('POST', '/multi-session/set-active', { body: { sessionToken } });
      expect([refused.status, refused.json]).toEqual([401, { code: 'INVALID_SESSION_TOKEN', message: 'Invalid session token' }]);
      expect(refused.headers.getSetCookie()).toEqual([]);
    }
    expect(await browser.currentUserId()).toBe(second.user.id);
    expect(await victim.currentUserId()).toBe(stolen.user.id);
  });

  it('a forged multi-session cookie (wrong signature) holds nothing', async () => {
    const { auth } = setup();
    const victim = new Browser(auth.handler);
    const target = await victim.signUp('ms-forged');
    const attacker = new Browser(auth.handler);
    attacker.cookies.set(multiName(target.token), encodeURIComponent(`${target.token}.${randomBytes(32).toString('base64')}`));
    expect((await attacker.call('GET', '/multi-session/list-device-sessions')).json).toEqual([]);
    const refused = await attacker.call('POST', '/multi-session/set-active', { body: { sessionToken: target.token } });
    expect(refused.status).toBe(401);
    expect(await attacker.currentUserId()).toBeNull();
  });

  it('revoke ends a held session that is not the active one; the active one stays', async () => {
    const s = await twoAccounts();
    const revoked = await s.browser.call('POST', '/multi-session/revoke', { body: { sessionToken: digest(s.first.token) } });
    expect([revoked.status, revoked.json]).toEqual([200, { status: true }]);
    expect(await sessionCount(s, s.first.user.id)).toBe(0);
    expect(s.browser.multiCookies()).toEqual([multiName(s.second.token)]);
    expect(await s.browser.currentUserId()).toBe(s.second.user.id);
    expect((await call(s.auth.handler, 'GET', '/get-session', { bearer: s.first.token })).json).toBeNull();
  });

  it('revoking the active session makes the next held one active; revoking the last clears the session cookie', async () => {
    const s = await twoAccounts();
    const revoked = await s.browser.call('POST', '/multi-session/revoke', { body: { sessionToken: s.second.token } });
    expect(revoked.status).toBe(200);
    expect(await sessionCount(s, s.second.user.id)).toBe(0);
    expect(await s.browser.currentUserId()).toBe(s.first.user.id);
    const last = await s.browser.call('POST', '/multi-session/revoke', { body: { sessionToken: s.first.token } });
    expect(last.status).toBe(200);
    expect(s.browser.cookies.has('better-auth.session_token')).toBe(false);
    expect(s.browser.multiCookies()).toEqual([]);
    expect(await sessionCount(s, s.first.user.id)).toBe(0);
  });

  it('revoke with a token the browser holds no cookie for answers 401 INVALID_SESSION_TOKEN and ends nothing; without a session 401 UNAUTHORIZED', async () => {
    const s = await twoAccounts();
    const other = new Browser(s.auth.handler);
    const theirs = await other.signUp('ms-theirs');
    const refused = await s.browser.call('POST', '/multi-session/revoke', { body: { sessionToken: theirs.token } });
    expect([refused.status, refused.json.code]).toEqual([401, 'INVALID_SESSION_TOKEN']);
    expect(await other.currentUserId()).toBe(theirs.user.id);
    expect(await sessionCount(s, theirs.user.id)).toBe(1);
    const anonymous = await call(s.auth.handler, 'POST', '/multi-session/revoke', { body: { sessionToken: theirs.token } });
    expect([anonymous.status, anonymous.json.code]).toEqual([401, 'UNAUTHORIZED']);
  });

  it('signing in again to a held account replaces its entry: one cookie, the old session ended', async () => {
    const s = await twoAccounts();
    const again = await s.browser.signIn(s.first.email);
    expect(s.browser.multiCookies().sort()).toEqual([multiName(s.second.token), multiName(again.token)].sort());
    expect(await sessionCount(s, s.first.user.id)).toBe(1);
    expect((await call(s.auth.handler, 'GET', '/get-session', { bearer: s.first.token })).json).toBeNull();
    const listed = await s.browser.call('GET', '/multi-session/list-device-sessions');
    expect(listed.json.map((entry: any) => entry.user.id)).toEqual([s.first.user.id, s.second.user.id]);
  });

  it('beyond maximumSessions the oldest held session is ended and dropped, never the new one', async () => {
    const s = await twoAccounts({ multiSession: { maximumSessions: 2 } });
    const third = await s.browser.signUp('ms-third');
    expect(s.browser.multiCookies().sort()).toEqual([multiName(s.second.token), multiName(third.token)].sort());
    expect(await sessionCount(s, s.first.user.id)).toBe(0);
    const listed = await s.browser.call('GET', '/multi-session/list-device-sessions');
    expect(listed.json.map((entry: any) => entry.user.id)).toEqual([third.user.id, s.second.user.id]);
    expect(await s.browser.currentUserId()).toBe(third.user.id);
  });

  it('sign-out ends every held session in the database and clears every multi-session cookie', async () => {
    const s = await twoAccounts();
    const out = await s.browser.call('POST', '/sign-out', { body: {} });
    expect(out.status).toBe(200);
    expect(s.browser.multiCookies()).toEqual([]);
    expect(s.browser.cookies.has('better-auth.session_token')).toBe(false);
    expect(await sessionCount(s, s.first.user.id)).toBe(0);
    expect(await sessionCount(s, s.second.user.id)).toBe(0);
    for (const token of [s.first.token, s.second.token]) expect((await call(s.auth.handler, 'GET', '/get-session', { bearer: token })).json).toBeNull();
  });

  it('sessions that ended elsewhere drop out of the list and lose their cookie; set-active on one answers 401', async () => {
    const s = await twoAccounts();
    expect((await call(s.auth.handler, 'POST', '/revoke-sessions', { bearer: s.first.token, body: {} })).status).toBe(200);
    const listed = await s.browser.call('GET', '/multi-session/list-device-sessions');
    expect(listed.json.map((entry: any) => entry.user.id)).toEqual([s.second.user.id]);
    expect(s.browser.multiCookies()).toEqual([multiName(s.second.token)]);
    const s2 = await twoAccounts();
    await s2.database.updateSession((await s2.database.listSessionsForUser(s2.first.user.id))[0].id, { expiresAt: new Date(Date.now() - 1000) });
    const refused = await s2.browser.call('POST', '/multi-session/set-active', { body: { sessionToken: s2.first.token } });
    expect([refused.status, refused.json.code]).toEqual([401, 'INVALID_SESSION_TOKEN']);
    expect(s2.browser.multiCookies()).toEqual([multiName(s2.second.token)]);
  });

  it('a "don’t remember me" session’s multi-session cookie ends with the browser (no Max-Age)', async () => {
    const s = setup();
    const browser = new Browser(s.auth.handler);
    const { email } = await browser.signUp('ms-short');
    const fresh = new Browser(s.auth.handler);
    const answer = await fresh.call('POST', '/sign-in/email', { body: { email, password: PASSWORD, rememberMe: false } });
    const line = fresh.lastSetCookies.find((cookie) => cookie.startsWith(multiName(answer.json.token)))!;
    expect(line).toBeDefined();
    expect(line).not.toMatch(/Max-Age/);
  });

  it('bad input answers 400 VALIDATION_ERROR', async () => {
    const { browser } = await twoAccounts();
    for (const body of [{}, { sessionToken: '' }, { sessionToken: 5 }, { sessionToken: 'x'.repeat(600) }]) {
      const answer = await browser.call('POST', '/multi-session/set-active', { body });
      expect([answer.status, answer.json.code]).toEqual([400, 'VALIDATION_ERROR']);
      expect((await browser.call('POST', '/multi-session/revoke', { body })).status).toBe(400);
    }
  });
});

describe('MultiSessionPlugin with secure cookies', () => {
  it('names multi-session cookies after the __Secure- session cookie, marks them Secure, and reads only those', async () => {
    const { auth } = makeDeviceAuth(new MemoryDatabaseAdapter(appEntities), { config: { baseURL: 'https://app.example.com', trustedOrigins: [ORIGIN] } });
    const browser = new Browser(auth.handler);
    const account = await browser.signUp('ms-secure');
    const name = `__Secure-${multiName(account.token)}`;
    expect(browser.multiCookies()).toEqual([name]);
    expect(browser.lastSetCookies.find((line) => line.startsWith(name))).toMatch(/; Secure;/);
    // The same signed value under the unprefixed name (plantable over http) holds nothing.
    const planted = new Browser(auth.handler);
    planted.cookies.set(multiName(account.token), browser.cookies.get(name)!);
    expect((await planted.call('GET', '/multi-session/list-device-sessions')).json).toEqual([]);
    expect((await browser.call('GET', '/multi-session/list-device-sessions')).json).toHaveLength(1);
  });
});

describe('MultiSessionPlugin with Redis as secondary storage', () => {
  const storage = new RedisSecondaryStorage({ url: `redis://127.0.0.1:${process.env.TEST_REDIS_PORT ?? 6379}`, keyPrefix: `ms-${randomBytes(4).toString('hex')}:` });
  beforeAll(() => new Promise<void>((resolve) => (storage.client.status === 'ready' ? resolve() : storage.client.once('ready', () => resolve()))));
  afterAll(() => storage.close());

  function build() {
    return new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, secondaryStorage: storage })
      .database(new MemoryDatabaseAdapter(appEntities))
      .plugin(new EmailPasswordPlugin())
      .plugin(new SessionManagementPlugin())
      .plugin(new MultiSessionPlugin())
      .build();
  }

  it('sign-out and revoke reach the cached sessions: tokens cached in Redis stop working at once', async () => {
    const auth = build();
    const browser = new Browser(auth.handler);
    const accounts = [await browser.signUp('ms-redis-a'), await browser.signUp('ms-redis-b'), await browser.signUp('ms-redis-c')];
    // Each token is looked up once, so its session sits in Redis.
    for (const { token, user } of accounts) expect((await call(auth.handler, 'GET', '/get-session', { bearer: token })).json.user.id).toBe(user.id);
    expect((await browser.call('POST', '/multi-session/revoke', { body: { sessionToken: accounts[0].token } })).status).toBe(200);
    expect((await call(auth.handler, 'GET', '/get-session', { bearer: accounts[0].token })).json).toBeNull();
    expect((await browser.call('POST', '/sign-out', { body: {} })).status).toBe(200);
    for (const { token } of accounts) expect((await call(auth.handler, 'GET', '/get-session', { bearer: token })).json).toBeNull();
  });
});

describe('MultiSessionPlugin when storage fails or sessions slide', () => {
  /** The example's memory adapter whose session deletes fail while `failing` is set. */
  class FlakyAdapter extends MemoryDatabaseAdapter<any, any, any, any, any, any, any> {
    failing = false;
    override async deleteSession(id: string) {
      if (this.failing) throw new Error('the database went away');
      return super.deleteSession(id);
    }
  }

  it('a sign-out whose revocations fail answers 5xx, never success, and the sessions still stand', async () => {
    const database = new FlakyAdapter(appEntities);
    const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, logger: { error: () => undefined, warn: () => undefined } })
      .database(database)
      .plugin(new EmailPasswordPlugin())
      .plugin(new SessionManagementPlugin())
      .plugin(new MultiSessionPlugin())
      .build();
    const browser = new Browser(auth.handler);
    const first = await browser.signUp('ms-fault-a');
    const second = await browser.signUp('ms-fault-b');
    database.failing = true;
    const out = await browser.call('POST', '/sign-out', { body: {} });
    expect(out.status).toBeGreaterThanOrEqual(500);
    expect(out.json).not.toEqual({ success: true });
    database.failing = false;
    for (const account of [first, second]) expect((await call(auth.handler, 'GET', '/get-session', { bearer: account.token })).json.user.id).toBe(account.user.id);
  });

  it('a held session that slid on listing gets its cookie re-sent with the new lifetime', async () => {
    const { auth } = makeDeviceAuth(new MemoryDatabaseAdapter(appEntities) as any);
    const browser = new Browser(auth.handler);
    const account = await browser.signUp('ms-slide');
    const before = Number(/Max-Age=(\d+)/.exec(browser.lastSetCookies.find((line) => line.startsWith(multiName(account.token)))!)![1]);
    const real = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(real + 2 * 24 * 60 * 60 * 1000);
    try {
      const listed = await browser.call('GET', '/multi-session/list-device-sessions');
      expect(listed.json).toHaveLength(1);
      const resent = browser.lastSetCookies.find((line) => line.startsWith(multiName(account.token)));
      expect(resent).toBeDefined();
      const after = Number(/Max-Age=(\d+)/.exec(resent!)![1]);
      expect(Math.abs(after - before)).toBeLessThan(5);
      expect(new Date(listed.json[0].session.expiresAt).getTime()).toBeGreaterThan(real + 8 * 24 * 60 * 60 * 1000);
    } finally {
      jest.restoreAllMocks();
    }
  });
});
