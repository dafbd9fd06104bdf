import { followLink, makeLifecycleAuth } from '../support/lifecycle-auth';
import { call, makeTestAuth, PASSWORD, signUp } from '../support/test-auth';

const HTTPS = 'https://app.example.com';

/** A request as a browser on the https site sends it. */
async function httpsCall(auth: ReturnType<typeof makeTestAuth>['auth'], method: string, path: string, init: { cookie?: string; body?: unknown } = {}) {
  const headers = new Headers({ origin: HTTPS });
  if (init.cookie) headers.set('cookie', init.cookie);
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  const response = await auth.handler(new Request(`${HTTPS}/api/auth${path}`, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) }));
  return { status: response.status, headers: response.headers, json: await response.json().catch(() => null) };
}

describe('cookie names on https', () => {
  it('accepts the __Secure- cookie and ignores the same session under the unprefixed name (which http or a sibling subdomain can plant)', async () => {
    const { auth } = makeTestAuth({ config: { baseURL: HTTPS } });
    const signed = await httpsCall(auth, 'POST', '/sign-up/email', { body: { email: 'ada@example.com', password: PASSWORD, name: 'Ada' } });
    const setCookie = signed.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^__Secure-better-auth\.session_token=/);
    const value = setCookie.split(';')[0]!.split('=').slice(1).join('=');

    expect((await httpsCall(auth, 'GET', '/get-session', { cookie: `__Secure-better-auth.session_token=${value}` })).json?.user?.id).toEqual(expect.any(String));
    expect((await httpsCall(auth, 'GET', '/get-session', { cookie: `better-auth.session_token=${value}` })).json).toBeNull();
  });

  it('on http the plain name still works', async () => {
    const { auth } = makeTestAuth();
    const { cookie } = await signUp(auth.handler);
    expect((await call(auth.handler, 'GET', '/get-session', { cookie })).json?.user?.id).toEqual(expect.any(String));
  });
});

describe('response headers', () => {
  it('every answer carries X-Content-Type-Options: nosniff: JSON, errors, 404s and redirects', async () => {
    const setup = makeLifecycleAuth();
    const { email } = await signUp(setup.auth.handler);
    await call(setup.auth.handler, 'POST', '/request-password-reset', { body: { email, redirectTo: '/reset' } });
    const { url } = await setup.mail.next({ kind: 'reset-password', to: email });
    const answers = [
      (await call(setup.auth.handler, 'GET', '/ok')).headers,
      (await call(setup.auth.handler, 'GET', '/get-session')).headers,
      (await call(setup.auth.handler, 'GET', '/nowhere')).headers,
      (await call(setup.auth.handler, 'POST', '/sign-in/email', { body: { email, password: 'wrong password' } })).headers,
      (await followLink(setup.auth.handler, url)).headers,
    ];
    for (const headers of answers) expect(headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('every answer says Referrer-Policy: no-referrer: JSON, errors, 404s, preflights and redirects', async () => {
    const setup = makeLifecycleAuth({ config: { trustedOrigins: ['https://front.example.com'] } });
    const { email } = await signUp(setup.auth.handler);
    const preflight = await setup.auth.handler(
      new Request('http://localhost:3000/api/auth/sign-in/email', {
        method: 'OPTIONS',
        headers: { origin: 'https://front.example.com', 'access-control-request-method': 'POST' },
      }),
    );
    const answers = [
      (await call(setup.auth.handler, 'GET', '/ok')).headers,
      (await call(setup.auth.handler, 'GET', '/get-session')).headers,
      (await call(setup.auth.handler, 'GET', '/nowhere')).headers,
      (await call(setup.auth.handler, 'POST', '/sign-in/email', { body: { email, password: 'wrong password' } })).headers,
      preflight.headers,
    ];
    expect(preflight.status).toBe(204);
    expect(answers.map((headers) => headers.get('referrer-policy'))).toEqual(Array(answers.length).fill('no-referrer'));
  });

  it('a redirect that carries a token in its URL says Referrer-Policy: no-referrer', async () => {
    const setup = makeLifecycleAuth();
    const { email } = await signUp(setup.auth.handler);
    await call(setup.auth.handler, 'POST', '/request-password-reset', { body: { email, redirectTo: '/reset' } });
    const landing = await followLink(setup.auth.handler, (await setup.mail.next({ kind: 'reset-password', to: email })).url);
    expect(landing.status).toBe(302);
    expect(landing.location!.searchParams.get('token')).toBeTruthy();
    expect(landing.headers.get('referrer-policy')).toBe('no-referrer');
  });
});
