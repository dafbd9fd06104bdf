import { makeTestAuth, ORIGIN, PASSWORD, uniqueEmail } from '../support/test-auth';

const FRONT_END = 'https://front.example.com';
const STRANGER = 'https://evil.example';

function send(auth: ReturnType<typeof makeTestAuth>['auth'], method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const init: RequestInit = { method, headers: new Headers(headers) };
  if (body !== undefined) {
    (init.headers as Headers).set('content-type', 'application/json');
    init.body = JSON.stringify(body);
  }
  return auth.handler(new Request(`${ORIGIN}/api/auth${path}`, init));
}

function corsHeaders(response: Response): string[] {
  return [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));
}

describe('CORS for trusted origins', () => {
  const { auth } = makeTestAuth({ config: { trustedOrigins: [FRONT_END] } });

  it('answers a preflight from a trusted origin with 204, the origin, credentials, methods and headers', async () => {
    const response = await send(auth, 'OPTIONS', '/sign-in/email', {
      origin: FRONT_END,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, authorization',
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(FRONT_END);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/content-type/i);
    expect(response.headers.get('vary')).toMatch(/Origin/);
  });

  it('lets a trusted origin read the answer of a credentialed call, set-auth-token included', async () => {
    const response = await send(auth, 'POST', '/sign-up/email', { origin: FRONT_END }, { email: uniqueEmail(), password: PASSWORD, name: 'Ada' });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(FRONT_END);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-expose-headers')).toMatch(/set-auth-token/);
  });

  it('answers an untrusted origin without any Access-Control header, preflight or not', async () => {
    const preflight = await send(auth, 'OPTIONS', '/sign-in/email', { origin: STRANGER, 'access-control-request-method': 'POST' });
    expect(preflight.status).toBeGreaterThanOrEqual(400);
    expect(corsHeaders(preflight)).toEqual([]);
    const get = await send(auth, 'GET', '/ok', { origin: STRANGER });
    expect(corsHeaders(get)).toEqual([]);
  });
});

describe('CORS off unless configured', () => {
  it('without trustedOrigins no answer carries an Access-Control header, not even for the site itself', async () => {
    const { auth } = makeTestAuth();
    const signUp = await send(auth, 'POST', '/sign-up/email', { origin: ORIGIN }, { email: uniqueEmail(), password: PASSWORD, name: 'Ada' });
    expect(signUp.status).toBe(200);
    expect(corsHeaders(signUp)).toEqual([]);
    const preflight = await send(auth, 'OPTIONS', '/sign-in/email', { origin: ORIGIN, 'access-control-request-method': 'POST' });
    expect(corsHeaders(preflight)).toEqual([]);
  });
});
