import { createHash, randomBytes } from 'node:crypto';
import { BetterAuth } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { EmailPasswordPlugin, OneTimeTokenPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { RedisSecondaryStorage } from 'better-auth-entities/redis';
import { appEntities } from '../../examples/entities';
import { describeOnEveryBackend } from '../support/backends';
import { advanceClock } from '../support/lifecycle-auth';
import { call, ORIGIN, TEST_SECRET } from '../support/test-auth';
import { Browser, makeDeviceAuth } from './device-auth';

afterEach(() => jest.restoreAllMocks());

const digest = (token: string) => createHash('sha256').update(token).digest('hex');
const INVALID_TOKEN = { code: 'INVALID_TOKEN', message: 'Invalid token' };

type Handler = (request: Request) => Promise<Response>;

/** A desktop signed in, and a token it generated. */
async function desktopWithToken(handler: Handler) {
  const desktop = new Browser(handler);
  const account = await desktop.signUp('ott');
  const generated = await desktop.call('GET', '/one-time-token/generate');
  expect(generated.status).toBe(200);
  return { desktop, account, token: generated.json.token as string };
}

/** Eight devices redeem one token at once: exactly one gets a session. */
async function redeemEightAtOnce(handler: Handler, token: string) {
  const answers = await Promise.all(Array.from({ length: 8 }, () => call(handler, 'POST', '/one-time-token/verify', { body: { token } })));
  expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
  for (const answer of answers.filter((a) => a.status !== 200)) expect([answer.status, answer.json]).toEqual([400, INVALID_TOKEN]);
}

describeOnEveryBackend('OneTimeTokenPlugin', (backend) => {
  function setup(options: Parameters<typeof makeDeviceAuth>[1] = {}) {
    return makeDeviceAuth(backend.database(), { multiSession: false, ...options });
  }

  it('generate answers { token } for the caller and keeps only its digest', async () => {
    const s = setup();
    const { token, account } = await desktopWithToken(s.auth.handler);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await s.database.getVerificationByIdentifier(`one-time-token:session:${digest(token)}`);
    expect(stored).not.toBeNull();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(account.token);
    expect(await s.database.getVerificationByIdentifier(`one-time-token:session:${token}`)).toBeNull();
  });

  it('generate without a session answers 401 UNAUTHORIZED', async () => {
    const s = setup();
    const answer = await call(s.auth.handler, 'GET', '/one-time-token/generate');
    expect([answer.status, answer.json.code]).toEqual([401, 'UNAUTHORIZED']);
  });

  it('verify on another device answers { session, user } with the cookie: a new session of the same user', async () => {
    const s = setup();
    const { account, token } = await desktopWithToken(s.auth.handler);
    const phone = new Browser(s.auth.handler);
    const redeemed = await phone.call('POST', '/one-time-token/verify', { body: { token } });
    expect(redeemed.status).toBe(200);
    expect(redeemed.json).toEqual({ session: expect.objectContaining({ userId: account.user.id }), user: expect.objectContaining({ id: account.user.id, email: account.email }) });
    expect(redeemed.json.session.token).not.toBe(account.token);
    expect(redeemed.json.session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(redeemed.headers.get('set-auth-token')).toMatch(/\./);
    expect(await phone.currentUserId()).toBe(account.user.id);
    const sessions = await s.database.listSessionsForUser(account.user.id);
    expect(sessions).toHaveLength(2);
    expect(sessions.map((session: any) => session.token)).toContain(digest(redeemed.json.session.token));
  });

  it('signing out one device leaves the other signed in, both ways', async () => {
    const s = setup();
    const first = await desktopWithToken(s.auth.handler);
    const phone = new Browser(s.auth.handler);
    expect((await phone.call('POST', '/one-time-token/verify', { body: { token: first.token } })).status).toBe(200);
    expect((await phone.call('POST', '/sign-out', { body: {} })).status).toBe(200);
    expect(await phone.currentUserId()).toBeNull();
    expect(await first.desktop.currentUserId()).toBe(first.account.user.id);

    const second = await first.desktop.call('GET', '/one-time-token/generate');
    const tablet = new Browser(s.auth.handler);
    expect((await tablet.call('POST', '/one-time-token/verify', { body: { token: second.json.token } })).status).toBe(200);
    expect((await first.desktop.call('POST', '/sign-out', { body: {} })).status).toBe(200);
    expect(await tablet.currentUserId()).toBe(first.account.user.id);
  });

  it('a token works once: the second verify answers 400 INVALID_TOKEN "Invalid token"', async () => {
    const s = setup();
    const { token } = await desktopWithToken(s.auth.handler);
    expect((await call(s.auth.handler, 'POST', '/one-time-token/verify', { body: { token } })).status).toBe(200);
    const again = await call(s.auth.handler, 'POST', '/one-time-token/verify', { body: { token } });
    expect([again.status, again.json]).toEqual([400, INVALID_TOKEN]);
    expect(again.headers.getSetCookie()).toEqual([]);
  });

  it('eight parallel verifies of one token: exactly one succeeds, one session is opened', async () => {
    const s = setup();
    const { token, account } = await desktopWithToken(s.auth.handler);
    await redeemEightAtOnce(s.auth.handler, token);
    expect(await s.database.listSessionsForUser(account.user.id)).toHaveLength(2);
  });

  it('an unknown, expired or malformed token is refused and opens nothing', async () => {
    const s = setup({ oneTimeToken: { expiresIn: 1 } });
    const { token, account } = await desktopWithToken(s.auth.handler);
    const unknown = await call(s.auth.handler, 'POST', '/one-time-token/verify', { body: { token: randomBytes(32).toString('base64url') } });
    expect([unknown.status, unknown.json]).toEqual([400, INVALID_TOKEN]);
    advanceClock(61_000);
    const expired = await call(s.auth.handler, 'POST', '/one-time-token/verify', { body: { token } });
    expect([expired.status, expired.json]).toEqual([400, INVALID_TOKEN]);
    for (const body of [{}, { token: '' }, { token: 42 }, { token: 'x'.repeat(300) }]) {
      const bad = await call(s.auth.handler, 'POST', '/one-time-token/verify', { body });
      expect([bad.status, bad.json.code]).toEqual([400, 'VALIDATION_ERROR']);
    }
    jest.restoreAllMocks();
    expect(await s.database.listSessionsForUser(account.user.id)).toHaveLength(1);
  });

  it('a token whose minting session ended is refused with 400 ORIGIN_SESSION_ENDED', async () => {
    const s = setup();
    const { desktop, token, account } = await desktopWithToken(s.auth.handler);
    expect((await desktop.call('POST', '/sign-out', { body: {} })).status).toBe(200);
    const refused = await call(s.auth.handler, 'POST', '/one-time-token/verify', { body: { token } });
    expect([refused.status, refused.json]).toEqual([400, { code: 'ORIGIN_SESSION_ENDED', message: 'Session not found' }]);
    expect(await s.database.listSessionsForUser(account.user.id)).toHaveLength(0);
  });

  it('the redeemed session never outlives the minting one', async () => {
    const s = setup();
    const { token, account } = await desktopWithToken(s.auth.handler);
    const [origin] = await s.database.listSessionsForUser(account.user.id);
    const soon = new Date(Date.now() + 60 * 60 * 1000);
    await s.database.updateSession(origin.id, { expiresAt: soon });
    const redeemed = await call(s.auth.handler, 'POST', '/one-time-token/verify', { body: { token } });
    expect(new Date(redeemed.json.session.expiresAt).getTime()).toBeLessThanOrEqual(soon.getTime());
  });

  it('a token minted by an impersonation keeps it: the redeemed session is marked impersonatedBy and ends with it', async () => {
    const s = setup();
    const admin = await new Browser(s.auth.handler).signUp('ott-admin');
    const target = await new Browser(s.auth.handler).signUp('ott-target');
    const hour = 60 * 60 * 1000;
    // The admin plugin's rule: impersonations keep their hour (they never slide).
    s.auth.context.sessions.keepLifetime((session) => s.auth.context.models.session.read(session, 'impersonatedBy') != null);
    const impersonation = await s.auth.context.sessions.create(target.user.id, { ipAddress: null, userAgent: null }, { expiresInMs: hour, fields: { impersonatedBy: admin.user.id } });
    const minted = await call(s.auth.handler, 'GET', '/one-time-token/generate', { bearer: impersonation.token });
    const redeemed = await call(s.auth.handler, 'POST', '/one-time-token/verify', { body: { token: minted.json.token } });
    expect(redeemed.status).toBe(200);
    expect(redeemed.json.session).toMatchObject({ userId: target.user.id, impersonatedBy: admin.user.id });
    expect(new Date(redeemed.json.session.expiresAt).getTime()).toBeLessThanOrEqual(Date.now() + hour);
  });

  it('disableClientRequest refuses generate over HTTP (400 CLIENT_REQUESTS_DISABLED); auth.api mints and redeems', async () => {
    // Chained, so auth.api is typed with the plugin's methods.
    const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN })
      .database(backend.database())
      .plugin(new EmailPasswordPlugin())
      .plugin(new SessionManagementPlugin())
      .plugin(new OneTimeTokenPlugin({ disableClientRequest: true }))
      .build();
    const s = { auth };
    const desktop = new Browser(s.auth.handler);
    const account = await desktop.signUp('ott-server');
    const refused = await desktop.call('GET', '/one-time-token/generate');
    expect([refused.status, refused.json]).toEqual([400, { code: 'CLIENT_REQUESTS_DISABLED', message: 'Client requests are disabled' }]);
    const { token } = await s.auth.api.oneTimeToken.generate({ sessionToken: account.token });
    const redeemed = await s.auth.api.oneTimeToken.verify({ token, client: { ipAddress: '203.0.113.9', userAgent: 'phone' } });
    expect((redeemed.user as { id: string }).id).toBe(account.user.id);
    expect((await call(s.auth.handler, 'GET', '/get-session', { bearer: redeemed.token })).json.session.ipAddress).toBe('203.0.113.9');
    await expect(s.auth.api.oneTimeToken.verify({ token })).rejects.toMatchObject({ code: 'INVALID_TOKEN', status: 400 });
    await expect(s.auth.api.oneTimeToken.generate({ sessionToken: 'no-such-session' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('disableSetSessionCookie answers without the cookie; the body and set-auth-token carry the session', async () => {
    const s = setup({ oneTimeToken: { disableSetSessionCookie: true } });
    const { token } = await desktopWithToken(s.auth.handler);
    const redeemed = await call(s.auth.handler, 'POST', '/one-time-token/verify', { body: { token } });
    expect(redeemed.status).toBe(200);
    expect(redeemed.headers.getSetCookie()).toEqual([]);
    expect((await call(s.auth.handler, 'GET', '/get-session', { bearer: redeemed.json.session.token })).status).toBe(200);
    expect(redeemed.headers.get('set-auth-token')).toMatch(/\./);
  });
});

describe('OneTimeTokenPlugin with Redis as secondary storage', () => {
  const storage = new RedisSecondaryStorage({ url: `redis://127.0.0.1:${process.env.TEST_REDIS_PORT ?? 6379}`, keyPrefix: `ott-${randomBytes(4).toString('hex')}:` });
  beforeAll(() => new Promise<void>((resolve) => (storage.client.status === 'ready' ? resolve() : storage.client.once('ready', () => resolve()))));
  afterAll(() => storage.close());

  it('tokens live in Redis and stay single use under eight parallel verifies; a signed-out origin refuses', async () => {
    const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, secondaryStorage: storage })
      .database(new MemoryDatabaseAdapter(appEntities))
      .plugin(new EmailPasswordPlugin())
      .plugin(new SessionManagementPlugin())
      .plugin(new OneTimeTokenPlugin())
      .build();
    const first = await desktopWithToken(auth.handler);
    await redeemEightAtOnce(auth.handler, first.token);
    const second = await first.desktop.call('GET', '/one-time-token/generate');
    // The origin's session is cached in Redis by now; signing out must reach the cache before verify reads it.
    expect((await first.desktop.call('POST', '/sign-out', { body: {} })).status).toBe(200);
    const refused = await call(auth.handler, 'POST', '/one-time-token/verify', { body: { token: second.json.token } });
    expect([refused.status, refused.json.code]).toEqual([400, 'ORIGIN_SESSION_ENDED']);
  });
});
