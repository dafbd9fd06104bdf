import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../examples/express-server';
import { PASSWORD, uniqueEmail } from '../support/test-auth';

describe('the Express integration (examples/express-server.ts)', () => {
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    // The base URL must be known before the app is built (it is a trusted origin), so pick the port first.
    const probe = createApp().app.listen(0, '127.0.0.1');
    await new Promise((resolve) => probe.once('listening', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    origin = `http://127.0.0.1:${port}`;
    server = createApp(origin).app.listen(port, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function signUp(): Promise<{ cookie: string; token: string; email: string }> {
    const email = uniqueEmail('express');
    const response = await fetch(`${origin}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ email, password: PASSWORD, name: 'Grace' }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { token: string };
    return { cookie: response.headers.getSetCookie()[0].split(';')[0], token: body.token, email };
  }

  it('serves the auth API where the router is mounted', async () => {
    const response = await fetch(`${origin}/api/auth/ok`);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('lets a signed-in user read the protected profile with the custom fields, by cookie and by Bearer', async () => {
    const { cookie, token, email } = await signUp();
    for (const headers of [{ cookie }, { authorization: `Bearer ${token}` }] as Array<Record<string, string>>) {
      const response = await fetch(`${origin}/api/profile`, { headers });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ email, name: 'Grace', plan: 'free', stripeCustomerId: null });
    }
  });

  it('answers the protected route with 401 JSON without a session', async () => {
    const response = await fetch(`${origin}/api/profile`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ code: 'UNAUTHORIZED', message: 'Unauthorized' });
  });

  it('lets optionalSession routes through with and without a session', async () => {
    const { cookie } = await signUp();
    const guest = await fetch(`${origin}/api/hello`);
    const member = await fetch(`${origin}/api/hello`, { headers: { cookie } });
    expect(await guest.json()).toEqual({ message: 'Hello, guest' });
    expect(await member.json()).toEqual({ message: 'Hello, Grace' });
  });

  it('signs out through the router and then refuses the profile', async () => {
    const { cookie } = await signUp();
    const signOut = await fetch(`${origin}/api/auth/sign-out`, { method: 'POST', headers: { cookie, origin } });
    expect(signOut.status).toBe(200);
    expect((await fetch(`${origin}/api/profile`, { headers: { cookie } })).status).toBe(401);
  });
});
