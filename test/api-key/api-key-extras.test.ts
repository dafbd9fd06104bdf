import { BetterAuth, HeaderCredentials } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { AdminPlugin, ApiKeyPlugin, EmailPasswordPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import type { AuthRequest } from '../../src/wire/auth-request';
import { call, ORIGIN, signUp, TEST_SECRET } from '../support/test-auth';

/** Built-in entity classes (they carry the admin plugin's ban fields), on memory. */
function bannableAuth() {
  return new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN })
    .database(new MemoryDatabaseAdapter())
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    .plugin(new AdminPlugin())
    .plugin(new ApiKeyPlugin({ enableSessionForAPIKeys: true }))
    .build();
}

function request(headers: Record<string, string>): AuthRequest {
  return { method: 'GET', path: '/api/auth/anything', query: new URLSearchParams(), header: (name) => headers[name], readBody: async () => '', remoteAddress: '127.0.0.1' };
}

describe('API keys beyond the routes', () => {
  it("refuses a banned owner's key (401 USER_BANNED) and accepts it again once the ban is lifted", async () => {
    const auth = bannableAuth();
    const { user } = await signUp(auth.handler);
    const { key } = await auth.api.apiKey.create({ userId: user.id, name: 'svc' });
    expect((await call(auth.handler, 'GET', '/get-session', { origin: null, headers: { 'x-api-key': String(key) } })).status).toBe(200);
    await auth.api.admin.banUser({ userId: user.id, banReason: 'spam' });
    const banned = await call(auth.handler, 'GET', '/get-session', { origin: null, headers: { 'x-api-key': String(key) } });
    expect([banned.status, banned.json.code]).toEqual([401, 'USER_BANNED']);
    await auth.api.admin.unbanUser({ userId: user.id });
    expect((await call(auth.handler, 'GET', '/get-session', { origin: null, headers: { 'x-api-key': String(key) } })).status).toBe(200);
  });

  it("dates the key's session from the key's creation, so it never passes for a fresh sign-in", async () => {
    const auth = bannableAuth();
    const { user } = await signUp(auth.handler);
    const created = await auth.api.apiKey.create({ userId: user.id, name: 'old' });
    const answer = await call(auth.handler, 'GET', '/get-session', { origin: null, headers: { 'x-api-key': String(created.key) } });
    expect(new Date(answer.json.session.createdAt).getTime()).toBe(new Date(created.createdAt as Date).getTime());
  });

  it('resolves a key for framework middleware too (auth.resolveSession), with no cookie to re-send', async () => {
    const auth = bannableAuth();
    const { user } = await signUp(auth.handler);
    const { key } = await auth.api.apiKey.create({ userId: user.id, name: 'svc' });
    const resolved = await auth.resolveSession(request({ 'x-api-key': String(key) }));
    expect(resolved).toMatchObject({ refreshedCookie: null, user: { id: user.id } });
    await expect(auth.resolveSession(request({ 'x-api-key': 'Q'.repeat(64) }))).rejects.toMatchObject({ code: 'INVALID_API_KEY', status: 401 });
  });
});

describe('ApiKeyPlugin options', () => {
  it('reads the key from the configured header names (any case), and from those only', async () => {
    const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN })
      .database(new MemoryDatabaseAdapter())
      .plugin(new EmailPasswordPlugin())
      .plugin(new SessionManagementPlugin())
      .plugin(new ApiKeyPlugin({ enableSessionForAPIKeys: true, apiKeyHeaders: ['X-Service-Key', 'x-token'] }))
      .build();
    const { user } = await signUp(auth.handler);
    const { key } = await auth.api.apiKey.create({ userId: user.id, name: 'svc' });
    for (const header of ['x-service-key', 'x-token']) {
      const answer = await call(auth.handler, 'GET', '/get-session', { origin: null, headers: { [header]: String(key) } });
      expect([header, answer.json?.user?.id]).toEqual([header, user.id]);
    }
    const ignored = await call(auth.handler, 'GET', '/get-session', { origin: null, headers: { 'x-api-key': String(key) } });
    expect([ignored.status, ignored.json]).toEqual([200, null]);
  });

  it('refuses a rate limit with a window but no maximum, and header names that are not names', () => {
    expect(() => new ApiKeyPlugin({ rateLimit: { timeWindow: 1000 } })).toThrow(/both timeWindow and maxRequests/);
    expect(() => new ApiKeyPlugin({ apiKeyHeaders: 'x api key' })).toThrow(/header names/);
    expect(() => new ApiKeyPlugin({ defaultKeyLength: 0 })).toThrow(/defaultKeyLength/);
  });

  it('gives new keys the configured per-key limit, held from the first request', async () => {
    const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN })
      .database(new MemoryDatabaseAdapter())
      .plugin(new EmailPasswordPlugin())
      .plugin(new SessionManagementPlugin())
      .plugin(new ApiKeyPlugin({ enableSessionForAPIKeys: true, rateLimit: { timeWindow: 60_000, maxRequests: 2 } }))
      .build();
    const { cookie } = await signUp(auth.handler);
    const created = await call(auth.handler, 'POST', '/api-key/create', { cookie, body: { name: 'limited' } });
    expect(created.json).toMatchObject({ rateLimitEnabled: true, rateLimitTimeWindow: 60_000, rateLimitMax: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await call(auth.handler, 'GET', '/get-session', { origin: null, headers: { 'x-api-key': created.json.key } })).status);
    expect(statuses).toEqual([200, 200, 429]);
  });
});

describe('HeaderCredentials', () => {
  const session = { session: {}, user: {}, token: '', refreshed: false };

  it('hands a request to the first credential whose header it carries, and answers undefined without one', async () => {
    const credentials = new HeaderCredentials();
    expect(credentials.registered).toBe(false);
    const seen: string[] = [];
    credentials.add({ headers: ['x-one', 'x-two'], authenticate: async (value) => (seen.push(value), session) });
    expect(credentials.registered).toBe(true);
    expect(credentials.resolve(request({ cookie: 'a=b' }))).toBeUndefined();
    await expect(credentials.resolve(request({ 'x-two': 'v2' }))).resolves.toBe(session);
    expect(seen).toEqual(['v2']);
    expect(credentials.resolve(request({ 'x-one': '' }))).toBeUndefined();
  });

  it('refuses header names that are not lower case (request headers are read lower-cased)', () => {
    expect(() => new HeaderCredentials().add({ headers: ['X-Api-Key'], authenticate: async () => null })).toThrow(TypeError);
  });
});
