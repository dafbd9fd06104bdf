import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BetterAuth, defineRoute, toNodeHandler, type AuthPlugin } from 'better-auth-entities';
import { DatabaseUnavailableError, MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { EmailPasswordPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { call, makeTestAuth, ORIGIN, PASSWORD, signUp, TEST_SECRET, uniqueEmail } from '../support/test-auth';

describe('routing', () => {
  it('answers GET /ok with { ok: true }', async () => {
    const { auth } = makeTestAuth();
    const result = await call(auth.handler, 'GET', '/ok');
    expect([result.status, result.json]).toEqual([200, { ok: true }]);
    expect(result.headers.get('cache-control')).toBe('no-store');
  });

  it('answers an unknown path with 404 JSON and a known path with the wrong method with 405', async () => {
    const { auth } = makeTestAuth();
    const unknown = await call(auth.handler, 'GET', '/no-such-route');
    const wrongMethod = await call(auth.handler, 'GET', '/sign-in/email');
    expect([unknown.status, unknown.json.code]).toEqual([404, 'NOT_FOUND']);
    expect([wrongMethod.status, wrongMethod.json.code, wrongMethod.headers.get('allow')]).toEqual([405, 'METHOD_NOT_ALLOWED', 'POST']);
  });

  it('serves under a custom base path such as /auth', async () => {
    const { auth } = makeTestAuth({ config: { basePath: '/auth' } });
    const response = await auth.handler(new Request(`${ORIGIN}/auth/ok`));
    expect(response.status).toBe(200);
    expect((await auth.handler(new Request(`${ORIGIN}/api/auth/ok`))).status).toBe(404);
  });
});

describe('request bodies', () => {
  it('answers malformed JSON with 400 INVALID_JSON', async () => {
    const { auth } = makeTestAuth();
    const result = await call(auth.handler, 'POST', '/sign-in/email', { rawBody: '{"email": ', headers: { 'content-type': 'application/json' } });
    expect([result.status, result.json.code]).toEqual([400, 'INVALID_JSON']);
  });

  it('answers a JSON array or a string body with 400 VALIDATION_ERROR', async () => {
    const { auth } = makeTestAuth();
    for (const rawBody of ['[1,2]', '"text"', 'null']) {
      const result = await call(auth.handler, 'POST', '/sign-in/email', { rawBody, headers: { 'content-type': 'application/json' } });
      expect([rawBody, result.status, result.json.code]).toEqual([rawBody, 400, 'VALIDATION_ERROR']);
    }
  });

  it('answers a non-JSON content type with 415', async () => {
    const { auth } = makeTestAuth();
    const result = await call(auth.handler, 'POST', '/sign-in/email', { rawBody: 'email=a@b.c', headers: { 'content-type': 'text/plain' } });
    expect([result.status, result.json.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });

  it('answers a body over the limit with 413 and creates nothing', async () => {
    const { auth, database } = makeTestAuth();
    const huge = { email: uniqueEmail(), password: PASSWORD, name: 'x'.repeat(1024 * 1024 + 10) };
    const result = await call(auth.handler, 'POST', '/sign-up/email', { body: huge });
    expect([result.status, result.json.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect((await database.listUsers()).total).toBe(0);
  });

  it('drops __proto__ and constructor keys instead of letting them reach any object', async () => {
    const { auth } = makeTestAuth();
    const rawBody = `{"email":"${uniqueEmail()}","password":"${PASSWORD}","name":"P","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}`;
    const result = await call(auth.handler, 'POST', '/sign-up/email', { rawBody, headers: { 'content-type': 'application/json' } });
    expect(result.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.json.user.polluted).toBeUndefined();
  });
});

describe('origin checks (CSRF)', () => {
  it('refuses a cookie-authenticated POST from an untrusted Origin with 403, and leaves the session alone', async () => {
    const { auth } = makeTestAuth();
    const { cookie } = await signUp(auth.handler);
    const result = await call(auth.handler, 'POST', '/revoke-sessions', { cookie, origin: 'https://evil.example' });
    expect([result.status, result.json.code]).toEqual([403, 'INVALID_ORIGIN']);
    expect((await call(auth.handler, 'GET', '/get-session', { cookie })).json?.user?.id).toEqual(expect.any(String));
  });

  it('refuses a cookie-authenticated POST without any Origin or Referer', async () => {
    const { auth } = makeTestAuth();
    const { cookie } = await signUp(auth.handler);
    const result = await call(auth.handler, 'POST', '/sign-out', { cookie, origin: null });
    expect([result.status, result.json.code]).toEqual([403, 'INVALID_ORIGIN']);
  });

  it('accepts a trusted Referer when Origin is missing, and origins listed in trustedOrigins', async () => {
    const { auth } = makeTestAuth({ config: { trustedOrigins: ['https://admin.example.com'] } });
    const { cookie, email } = await signUp(auth.handler);
    const byReferer = await call(auth.handler, 'POST', '/revoke-other-sessions', { cookie, origin: null, headers: { referer: `${ORIGIN}/settings` } });
    const byTrusted = await call(auth.handler, 'POST', '/sign-in/email', { origin: 'https://admin.example.com', body: { email, password: PASSWORD } });
    expect(byReferer.status).toBe(200);
    expect(byTrusted.status).toBe(200);
  });

  it('accepts a Bearer-authenticated POST without an Origin', async () => {
    const { auth } = makeTestAuth();
    const { token } = await signUp(auth.handler);
    const result = await call(auth.handler, 'POST', '/revoke-other-sessions', { bearer: token, origin: null });
    expect(result.status).toBe(200);
  });

  it('refuses a sign-in posted from an untrusted page (login CSRF)', async () => {
    const { auth } = makeTestAuth();
    const { email } = await signUp(auth.handler);
    const result = await call(auth.handler, 'POST', '/sign-in/email', { origin: 'https://evil.example', body: { email, password: PASSWORD } });
    expect(result.status).toBe(403);
  });
});

describe('failures inside routes', () => {
  function authWith(plugin: AuthPlugin) {
    const errors: unknown[] = [];
    const logger = { error: (...args: unknown[]) => errors.push(args), warn: () => undefined };
    const auth = new BetterAuth({ secret: TEST_SECRET, logger }).database(new MemoryDatabaseAdapter()).plugin(plugin).build();
    return { auth, errors };
  }

  it('answers an unexpected error with a bare 500 that leaks nothing, and logs it', async () => {
    const { auth, errors } = authWith({
      id: 'broken',
      routes: () => [defineRoute({ method: 'GET', path: '/boom', summary: 'x', handle: async () => { throw new Error('secret internals at /srv/app.ts:12'); } })],
    });
    const result = await call(auth.handler, 'GET', '/boom');
    expect(result.status).toBe(500);
    expect(result.json).toEqual({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
    expect(errors).toHaveLength(1);
  });

  it('answers a database outage with 503 DATABASE_UNAVAILABLE', async () => {
    const { auth } = authWith({
      id: 'down',
      routes: () => [defineRoute({ method: 'GET', path: '/db', summary: 'x', handle: async () => { throw new DatabaseUnavailableError('connection refused'); } })],
    });
    const result = await call(auth.handler, 'GET', '/db');
    expect([result.status, result.json.code]).toEqual([503, 'DATABASE_UNAVAILABLE']);
  });
});

describe('toNodeHandler on a listening node:http server', () => {
  let server: Server;
  let base: string;
  const { auth } = makeTestAuth();

  beforeAll(async () => {
    server = createServer(toNodeHandler(auth));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/auth`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('signs up, reads the session by cookie and records the client address and user agent', async () => {
    const signUpResponse = await fetch(`${base}/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'user-agent': 'jest-agent/1.0' },
      body: JSON.stringify({ email: uniqueEmail(), password: PASSWORD, name: 'Node' }),
    });
    expect(signUpResponse.status).toBe(200);
    const cookie = signUpResponse.headers.getSetCookie()[0].split(';')[0];
    const session = await fetch(`${base}/get-session`, { headers: { cookie } });
    const body = (await session.json()) as { session: { ipAddress: string; userAgent: string } };
    expect(session.status).toBe(200);
    expect(body.session.ipAddress).toMatch(/127\.0\.0\.1/);
    expect(body.session.userAgent).toBe('jest-agent/1.0');
  });

  it('answers 413 for a streamed body over the limit', async () => {
    const response = await fetch(`${base}/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
  });
});

describe('building an auth instance', () => {
  it('refuses to build without a database', () => {
    expect(() => new BetterAuth({ secret: TEST_SECRET }).plugin(new EmailPasswordPlugin()).build()).toThrow(/No database/);
  });

  it('refuses the same plugin twice', () => {
    expect(() => new BetterAuth({ secret: TEST_SECRET }).plugin(new SessionManagementPlugin()).plugin(new SessionManagementPlugin())).toThrow(
      /added twice/,
    );
  });
});
