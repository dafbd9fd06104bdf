import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import type { SessionAndUser } from 'better-auth-entities';
import type { AppSession, AppUser } from '../../examples/entities';
import { makeTestAuth, ORIGIN } from '../support/test-auth';

/** The README's Hono setup (on `auth.handler` and `auth.api.getSession`), driven through `app.request`. */
function honoApp(auth: ReturnType<typeof makeTestAuth>['auth']) {
  const app = new Hono<{ Variables: { auth: SessionAndUser<AppUser, AppSession> | null } }>();
  app.on(['GET', 'POST'], '/api/auth/*', (c) => auth.handler(c.req.raw));
  app.use('/api/*', csrf({ origin: ORIGIN }));
  app.use('/api/*', async (c, next) => {
    c.set('auth', await auth.api.getSession({ headers: c.req.raw.headers }));
    await next();
  });
  app.get('/api/profile', (c) => {
    const current = c.get('auth');
    return current ? c.json({ plan: current.user.plan }) : c.json({ code: 'UNAUTHORIZED', message: 'Unauthorized' }, 401);
  });
  app.post('/api/notes', (c) => (c.get('auth') ? c.json({ saved: true }) : c.json({ code: 'UNAUTHORIZED', message: 'Unauthorized' }, 401)));
  return app;
}

describe('Hono on auth.handler with a session middleware', () => {
  const { auth } = makeTestAuth();
  const app = honoApp(auth);

  async function signUp(email: string) {
    const response = await app.request('/api/auth/sign-up/email', {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'correct horse battery staple', name: 'Hono' }),
    });
    expect(response.status).toBe(200);
    return response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  }

  it('serves the auth routes and answers the protected route with 401 { code } or the typed user', async () => {
    const anonymous = await app.request('/api/profile');
    expect({ status: anonymous.status, body: await anonymous.json() }).toEqual({ status: 401, body: { code: 'UNAUTHORIZED', message: 'Unauthorized' } });
    const cookie = await signUp('hono-1@example.com');
    const session = await app.request('/api/auth/get-session', { headers: { cookie } });
    expect(await session.json()).toMatchObject({ user: { email: 'hono-1@example.com' } });
    const profile = await app.request('/api/profile', { headers: { cookie } });
    expect(await profile.json()).toEqual({ plan: 'free' });
  });

  it("refuses a cross-site form post with Hono's csrf(), and takes the app's own write", async () => {
    const cookie = await signUp('hono-2@example.com');
    const forged = await app.request('/api/notes', { method: 'POST', headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect(forged.status).toBe(403);
    const own = await app.request('/api/notes', { method: 'POST', headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect(await own.json()).toEqual({ saved: true });
  });
});
