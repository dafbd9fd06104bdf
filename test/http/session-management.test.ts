import { digestToken } from 'better-auth-entities';
import { describeOnEveryBackend } from '../support/backends';
import { call, PASSWORD, signUp } from '../support/test-auth';

async function signIn(handler: (r: Request) => Promise<Response>, email: string) {
  const result = await call(handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } });
  return { token: result.json.token as string, cookie: result.cookie! };
}

describeOnEveryBackend('sessions', (backend) => {
  describe('GET /get-session', () => {
    it('returns { session, user } with the caller’s own raw token, by cookie and by Bearer', async () => {
      const { auth } = backend.makeAuth();
      const { cookie, token, user } = await signUp(auth.handler);

      for (const credentials of [{ cookie }, { bearer: token }]) {
        const result = await call(auth.handler, 'GET', '/get-session', credentials);
        expect(result.status).toBe(200);
        expect(result.json.session).toMatchObject({ userId: user.id, token, ipAddress: null, deviceLabel: 'unknown device' });
        expect(result.json.user).toMatchObject({ id: user.id, plan: 'free' });
        expect(new Date(result.json.session.expiresAt).getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600 * 1000);
      }
    });

    it('accepts the signed token from set-auth-token as a Bearer value', async () => {
      const { auth } = backend.makeAuth();
      const result = await call(auth.handler, 'POST', '/sign-up/email', { body: { email: 'signed@example.com', password: PASSWORD, name: 'S' } });
      const signed = result.headers.get('set-auth-token')!;
      expect((await call(auth.handler, 'GET', '/get-session', { bearer: signed })).json?.user?.id).toEqual(expect.any(String));
    });

    it('answers 200 null without a session by default, as better-auth and its client expect', async () => {
      const { auth } = backend.makeAuth();
      const result = await call(auth.handler, 'GET', '/get-session');
      expect([result.status, result.json]).toEqual([200, null]);
    });

    it('answers 401 UNAUTHORIZED without a session when requireAuthentication is on', async () => {
      const { auth } = backend.makeAuth({ sessions: { requireAuthentication: true } });
      const result = await call(auth.handler, 'GET', '/get-session');
      expect(result.status).toBe(401);
      expect(result.json).toEqual({ code: 'UNAUTHORIZED', message: 'Unauthorized' });
    });

    it('refuses a cookie whose signature was tampered with, and clears it', async () => {
      const { auth } = backend.makeAuth();
      const { cookie } = await signUp(auth.handler);
      const [name, value] = cookie.split('=');
      const decoded = decodeURIComponent(value);
      const tampered = `${name}=${encodeURIComponent(decoded.slice(0, -3) + (decoded.endsWith('AAA') ? 'BBB' : 'AAA'))}`;
      const result = await call(auth.handler, 'GET', '/get-session', { cookie: tampered });

      expect([result.status, result.json]).toEqual([200, null]);
      expect(result.headers.get('set-cookie')).toMatch(/^better-auth\.session_token=; Max-Age=0/);
    });

    it('refuses the stored digest presented as a token', async () => {
      const { auth } = backend.makeAuth();
      const { token } = await signUp(auth.handler);
      expect((await call(auth.handler, 'GET', '/get-session', { bearer: digestToken(token) })).json).toBeNull();
    });

    it('refuses an expired session and deletes it', async () => {
      const { auth, database } = backend.makeAuth();
      const { token } = await signUp(auth.handler);
      const stored = (await database.getSessionByToken(digestToken(token)))!;
      await database.updateSession(stored.id, { expiresAt: new Date(Date.now() - 1000) });

      expect((await call(auth.handler, 'GET', '/get-session', { bearer: token })).json).toBeNull();
      expect(await database.getSessionByToken(digestToken(token))).toBeNull();
    });

    it('pushes the expiry forward and re-sends the cookie once updateAge has passed', async () => {
      const { auth, database } = backend.makeAuth({ config: { session: { expiresIn: 3600, updateAge: 60 } } });
      const { token, cookie } = await signUp(auth.handler);
      const stored = (await database.getSessionByToken(digestToken(token)))!;
      const aged = new Date(Date.now() + 3600 * 1000 - 120 * 1000); // as if opened two minutes ago
      await database.updateSession(stored.id, { expiresAt: aged });

      const result = await call(auth.handler, 'GET', '/get-session', { cookie });
      const refreshed = (await database.getSessionByToken(digestToken(token)))!;
      expect(result.status).toBe(200);
      expect(refreshed.expiresAt.getTime()).toBeGreaterThan(aged.getTime() + 60 * 1000);
      expect(result.headers.get('set-cookie')).toMatch(/Max-Age=(359\d|3600)/);
    });

    it('does not refresh a session younger than updateAge', async () => {
      const { auth } = backend.makeAuth();
      const { cookie } = await signUp(auth.handler);
      const result = await call(auth.handler, 'GET', '/get-session', { cookie });
      expect(result.status).toBe(200);
      expect(result.headers.get('set-cookie')).toBeNull();
    });
  });

  describe('listing and revoking sessions', () => {
    it('lists live sessions with their digests as tokens, never a raw token of another session', async () => {
      const { auth } = backend.makeAuth();
      const { email, token } = await signUp(auth.handler);
      const second = await signIn(auth.handler, email);
      const result = await call(auth.handler, 'GET', '/list-sessions', { bearer: token });

      expect(result.status).toBe(200);
      expect(result.json).toHaveLength(2);
      const tokens = result.json.map((s: { token: string }) => s.token).sort();
      expect(tokens).toEqual([digestToken(token), digestToken(second.token)].sort());
    });

    it('revokes one session by the token list-sessions showed, and only the caller’s own', async () => {
      const { auth } = backend.makeAuth();
      const alice = await signUp(auth.handler);
      const aliceSecond = await signIn(auth.handler, alice.email);
      const bob = await signUp(auth.handler);

      const listed = await call(auth.handler, 'GET', '/list-sessions', { bearer: alice.token });
      const other = listed.json.find((s: { token: string }) => s.token === digestToken(aliceSecond.token));
      const revoked = await call(auth.handler, 'POST', '/revoke-session', { bearer: alice.token, body: { token: other.token } });
      expect(revoked.status).toBe(200);
      expect(revoked.json).toEqual({ status: true, success: true });
      expect((await call(auth.handler, 'GET', '/get-session', { bearer: aliceSecond.token })).json).toBeNull();

      const foreign = await call(auth.handler, 'POST', '/revoke-session', { bearer: alice.token, body: { token: bob.token } });
      expect([foreign.status, foreign.json.code]).toEqual([404, 'SESSION_NOT_FOUND']);
      expect((await call(auth.handler, 'GET', '/get-session', { bearer: bob.token })).json?.user?.id).toEqual(expect.any(String));
    });

    it('revokes the other sessions and keeps the current one', async () => {
      const { auth } = backend.makeAuth();
      const { email, token } = await signUp(auth.handler);
      const second = await signIn(auth.handler, email);
      const third = await signIn(auth.handler, email);
      const result = await call(auth.handler, 'POST', '/revoke-other-sessions', { bearer: token });

      expect(result.json).toEqual({ status: true, count: 2 });
      expect((await call(auth.handler, 'GET', '/get-session', { bearer: token })).json?.user?.id).toEqual(expect.any(String));
      expect((await call(auth.handler, 'GET', '/get-session', { bearer: second.token })).json).toBeNull();
      expect((await call(auth.handler, 'GET', '/get-session', { bearer: third.token })).json).toBeNull();
    });

    it('revokes every session of the caller with revoke-sessions and clears the cookie', async () => {
      const { auth } = backend.makeAuth();
      const { email, cookie } = await signUp(auth.handler);
      const second = await signIn(auth.handler, email);
      const result = await call(auth.handler, 'POST', '/revoke-sessions', { cookie });

      expect(result.json).toEqual({ status: true, count: 2 });
      expect(result.headers.get('set-cookie')).toMatch(/Max-Age=0/);
      expect((await call(auth.handler, 'GET', '/get-session', { cookie })).json).toBeNull();
      expect((await call(auth.handler, 'GET', '/get-session', { bearer: second.token })).json).toBeNull();
    });

    it('answers 401 on session routes without a session', async () => {
      const { auth } = backend.makeAuth();
      for (const [method, path] of [['GET', '/list-sessions'], ['POST', '/revoke-sessions'], ['POST', '/revoke-other-sessions']] as const) {
        const result = await call(auth.handler, method, path);
        expect([path, result.status, result.json.code]).toEqual([path, 401, 'UNAUTHORIZED']);
      }
    });

    it('does not mount listing or revocation when they are turned off', async () => {
      const { auth } = backend.makeAuth({ sessions: { enableSessionListing: false, enableSessionRevocation: false } });
      const { token } = await signUp(auth.handler);
      expect((await call(auth.handler, 'GET', '/list-sessions', { bearer: token })).status).toBe(404);
      expect((await call(auth.handler, 'POST', '/revoke-sessions', { bearer: token })).status).toBe(404);
    });
  });

  describe('POST /sign-out', () => {
    it('ends the current session, clears the cookie and answers { success: true }', async () => {
      const { auth } = backend.makeAuth();
      const { cookie } = await signUp(auth.handler);
      const result = await call(auth.handler, 'POST', '/sign-out', { cookie });

      expect([result.status, result.json]).toEqual([200, { success: true }]);
      expect(result.headers.get('set-cookie')).toMatch(/^better-auth\.session_token=; Max-Age=0/);
      expect((await call(auth.handler, 'GET', '/get-session', { cookie })).json).toBeNull();
    });
  });

  describe('POST /sign-out without a session', () => {
    it('answers 401 and still clears a stale cookie', async () => {
      const { auth } = backend.makeAuth();
      const result = await call(auth.handler, 'POST', '/sign-out', { cookie: 'better-auth.session_token=stale.value' });
      expect([result.status, result.json.code]).toEqual([401, 'UNAUTHORIZED']);
      expect(result.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    });
  });
});
