import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { authRouter, optionalSession, requireSession } from 'better-auth-entities/express';
import { makeTestAuth, PASSWORD, uniqueEmail } from '../support/test-auth';

const FRONT_END = 'https://front.example.com';

describe("requireSession / optionalSession on the app's own unsafe routes", () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const probe = express().listen(0, '127.0.0.1');
    await new Promise((resolve) => probe.once('listening', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    base = `http://127.0.0.1:${port}`;
    const { auth } = makeTestAuth({ config: { baseURL: base, trustedOrigins: [FRONT_END] } });
    const app = express();
    app.use('/api/auth', authRouter(auth));
    app.post('/api/notes', requireSession(auth), (req, res) => void res.json({ saved: true, by: req.auth.user.email }));
    app.delete('/api/notes', requireSession(auth), (_req, res) => void res.json({ deleted: true }));
    app.post('/api/comments', optionalSession(auth), (req, res) => void res.json({ signedIn: req.auth !== null }));
    app.post('/api/webhook', requireSession(auth, { checkOrigin: false }), (_req, res) => void res.json({ ok: true }));
    server = app.listen(port, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function signUp() {
    const response = await fetch(`${base}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email: uniqueEmail('express'), password: PASSWORD, name: 'Grace' }),
    });
    const body = (await response.json()) as { token: string };
    return { cookie: response.headers.getSetCookie()[0]!.split(';')[0]!, token: body.token };
  }

  it('refuses a cookie-authenticated POST, DELETE or optional-session POST without a trusted Origin: 403 INVALID_ORIGIN', async () => {
    const { cookie } = await signUp();
    const attempts: Array<[string, string, Record<string, string>]> = [
      ['POST', '/api/notes', { cookie }],
      ['POST', '/api/notes', { cookie, origin: 'https://evil.example' }],
      ['POST', '/api/notes', { cookie, referer: 'https://evil.example/page' }],
      ['DELETE', '/api/notes', { cookie, origin: 'null' }],
      ['POST', '/api/comments', { cookie, origin: 'https://evil.example' }],
    ];
    for (const [method, path, headers] of attempts) {
      const response = await fetch(`${base}${path}`, { method, headers });
      expect([method, path, JSON.stringify(headers), response.status, ((await response.json()) as { code: string }).code]).toEqual([
        method,
        path,
        JSON.stringify(headers),
        403,
        'INVALID_ORIGIN',
      ]);
    }
  });

  it('lets through the site itself, a trusted origin, a Bearer client without Origin, GETs and opted-out routes', async () => {
    const { cookie, token } = await signUp();
    const allowed: Array<[string, string, Record<string, string>]> = [
      ['POST', '/api/notes', { cookie, origin: base }],
      ['POST', '/api/notes', { cookie, origin: FRONT_END }],
      ['POST', '/api/notes', { authorization: `Bearer ${token}` }],
      ['POST', '/api/comments', {}],
      ['POST', '/api/webhook', { cookie }],
    ];
    for (const [method, path, headers] of allowed) {
      const response = await fetch(`${base}${path}`, { method, headers });
      expect([path, JSON.stringify(headers), response.status]).toEqual([path, JSON.stringify(headers), 200]);
    }
  });
});
