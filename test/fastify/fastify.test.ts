import Fastify, { type FastifyInstance } from 'fastify';
import { authPlugin, optionalSession, requireSession } from 'better-auth-entities/fastify';
import { makeTestAuth, ORIGIN } from '../support/test-auth';

// `request.auth` typed with the example's own classes for this app (an app declares this once).
declare module 'better-auth-entities/fastify' {
  interface RegisteredAuth {
    auth: ReturnType<typeof makeTestAuth>['auth'];
  }
}

const PASSWORD = 'correct horse battery staple';

/**
 * Over real HTTP rather than `app.inject`: light-my-request (which `inject` loads) requires `cookie` 2, an
 * ES-module-only package jest's CommonJS loader refuses on Node 20.
 */
describe('authPlugin on a plain Fastify app, listening', () => {
  let app: FastifyInstance;
  let auth: ReturnType<typeof makeTestAuth>['auth'];
  let base: string;

  beforeAll(async () => {
    auth = makeTestAuth().auth;
    app = Fastify();
    await app.register(authPlugin(auth));
    app.get('/api/profile', { preHandler: requireSession(auth) }, async (request) => ({ plan: request.auth!.user.plan, device: request.auth!.session.deviceLabel }));
    app.get('/api/whoami', { preHandler: optionalSession(auth) }, async (request) => ({ signedIn: request.auth !== null }));
    app.post('/api/notes', { preHandler: requireSession(auth) }, async (request) => ({ saved: (request.body as { text: string }).text }));
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(() => app.close());

  /** One request: status, parsed JSON body and the `name=value` pairs of its Set-Cookie headers. */
  async function send(method: string, url: string, options: { headers?: Record<string, string>; payload?: unknown } = {}) {
    const headers = { ...options.headers };
    let body: string | undefined;
    if (options.payload !== undefined) {
      body = typeof options.payload === 'string' ? options.payload : JSON.stringify(options.payload);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${base}${url}`, { method, headers, body });
    const text = await response.text();
    return { statusCode: response.status, json: () => JSON.parse(text), cookie: response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ') };
  }

  async function signUp(email: string) {
    const answer = await send('POST', '/api/auth/sign-up/email', { headers: { origin: ORIGIN }, payload: { email, password: PASSWORD, name: 'Fast' } });
    expect(answer.statusCode).toBe(200);
    return answer.cookie;
  }

  it('serves the auth routes, with the body parsed by the engine', async () => {
    const cookie = await signUp('fast-1@example.com');
    const session = await send('GET', '/api/auth/get-session', { headers: { cookie } });
    expect(session.json()).toMatchObject({ user: { email: 'fast-1@example.com', plan: 'free' } });
    const malformed = await send('POST', '/api/auth/sign-in/email', { headers: { origin: ORIGIN, 'content-type': 'application/json' }, payload: '{"email":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toEqual({ code: expect.any(String), message: expect.any(String) });
    expect((await send('GET', '/api/auth/nowhere')).statusCode).toBe(404);
  });

  it('answers 401 { code } without a session on a requireSession route, and the typed user with one', async () => {
    const anonymous = await send('GET', '/api/profile');
    expect({ status: anonymous.statusCode, body: anonymous.json() }).toEqual({ status: 401, body: { code: 'UNAUTHORIZED', message: 'Unauthorized' } });
    const cookie = await signUp('fast-2@example.com');
    const profile = await send('GET', '/api/profile', { headers: { cookie } });
    expect(profile.json()).toEqual({ plan: 'free', device: 'unknown device' });
  });

  it('lets optionalSession routes through with request.auth null, and keeps the app its own JSON parser', async () => {
    expect((await send('GET', '/api/whoami')).json()).toEqual({ signedIn: false });
    const cookie = await signUp('fast-3@example.com');
    expect((await send('GET', '/api/whoami', { headers: { cookie } })).json()).toEqual({ signedIn: true });
    const note = await send('POST', '/api/notes', { headers: { cookie, origin: ORIGIN }, payload: { text: 'hello' } });
    expect(note.json()).toEqual({ saved: 'hello' });
    const forged = await send('POST', '/api/notes', { headers: { cookie, origin: 'https://evil.example' }, payload: { text: 'x' } });
    expect({ status: forged.statusCode, code: forged.json().code }).toEqual({ status: 403, code: 'INVALID_ORIGIN' });
  });
});
