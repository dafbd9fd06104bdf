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

describe('HeaderCredentials', () => {
  const session = { session: {}, user: {}, token: '', refreshed: false };

  it('hands a request to the first credential whose header it carries, and answers undefined without one', async () => {
    const credentials = new HeaderCredentials();
    expect(credentials.any).toBe(false);
    const seen: string[] = [];
    credentials.add({ headers: ['x-one', 'x-two'], authenticate: async (value) => (seen.push(value), session) });
    expect(credentials.any).toBe(true);
    expect(credentials.resolve(request({ cookie: 'a=b' }))).toBeUndefined();
    await expect(credentials.resolve(request({ 'x-two': 'v2' }))).resolves.toBe(session);
    expect(seen).toEqual(['v2']);
    expect(credentials.resolve(request({ 'x-one': '' }))).toBeUndefined();
  });

  it('refuses header names that are not lower case (request headers are read lower-cased)', () => {
    expect(() => new HeaderCredentials().add({ headers: ['X-Api-Key'], authenticate: async () => null })).toThrow(TypeError);
  });
});
