import { BetterAuth, defineRoute, Redirect, safeRedirectTarget, type AuthPlugin } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { toNodeHandler } from 'better-auth-entities/node';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { call, ORIGIN, TEST_SECRET } from '../support/test-auth';

/** A plugin with a static route beside a parameterised one, and a redirecting route. */
class ItemsPlugin implements AuthPlugin {
  readonly id = 'items';
  routes() {
    return [
      defineRoute({ method: 'GET', path: '/items/special', summary: 'Static', handle: async () => ({ kind: 'static' }) }),
      defineRoute({ method: 'GET', path: '/items/:id', summary: 'One item', handle: async (ctx) => ({ kind: 'param', params: ctx.params }) }),
      defineRoute({ method: 'GET', path: '/items/:id/parts/:part', summary: 'One part', handle: async (ctx) => ({ params: ctx.params }) }),
      defineRoute({ method: 'POST', path: '/items', summary: 'Create', handle: async () => ({ created: true }) }),
      defineRoute({
        method: 'GET',
        path: '/go',
        summary: 'Redirect',
        handle: async (ctx) => {
          ctx.response.headers.push(['set-cookie', 'seen=1; Path=/']);
          return new Redirect(safeRedirectTarget(ctx.auth, '/landing?x=1', 'INVALID_CALLBACK_URL'));
        },
      }),
    ];
  }
}

function makeAuth(trustedOrigins: string[] = []) {
  return new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, trustedOrigins }).database(new MemoryDatabaseAdapter()).plugin(new ItemsPlugin()).build();
}

describe('path parameters', () => {
  it('hands the handler the decoded parameters', async () => {
    const auth = makeAuth();
    expect((await call(auth.handler, 'GET', '/items/a%20b')).json).toEqual({ kind: 'param', params: { id: 'a b' } });
    expect((await call(auth.handler, 'GET', '/items/7/parts/wheel')).json).toEqual({ params: { id: '7', part: 'wheel' } });
  });

  it('prefers a static route over a parameterised one', async () => {
    const auth = makeAuth();
    expect((await call(auth.handler, 'GET', '/items/special')).json).toEqual({ kind: 'static' });
  });

  it('answers 404 for an extra segment or malformed percent-encoding, and 405 with Allow for a wrong method', async () => {
    const auth = makeAuth();
    expect((await call(auth.handler, 'GET', '/items/1/2')).status).toBe(404);
    expect((await call(auth.handler, 'GET', '/items/%E0%A4%A')).json).toEqual({ code: 'NOT_FOUND', message: 'Not found' });
    const wrong = await call(auth.handler, 'POST', '/items/42', { body: {} });
    expect([wrong.status, wrong.headers.get('allow')]).toEqual([405, 'GET']);
  });
});

describe('redirect answers', () => {
  it('answer 302 with location, an empty body, no-store and the route’s cookies', async () => {
    const auth = makeAuth();
    const response = await auth.handler(new Request(`${ORIGIN}/api/auth/go`));
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('http://localhost:3000/landing?x=1');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('set-cookie')).toBe('seen=1; Path=/');
    expect(await response.text()).toBe('');
  });

  it('reach node:http clients the same way', async () => {
    const auth = makeAuth();
    const server: Server = createServer(toNodeHandler(auth));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/api/auth/go`, { redirect: 'manual' });
      expect([response.status, response.headers.get('location'), await response.text()]).toEqual([302, 'http://localhost:3000/landing?x=1', '']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('safeRedirectTarget', () => {
  const auth = makeAuth(['https://admin.example.com']).context;

  it.each([
    ['/dashboard', 'http://localhost:3000/dashboard'],
    ['/reset?step=2#top', 'http://localhost:3000/reset?step=2#top'],
    ['http://localhost:3000/x', 'http://localhost:3000/x'],
    ['https://admin.example.com/users', 'https://admin.example.com/users'],
  ])('accepts %s as %s', (target, expected) => {
    expect(safeRedirectTarget(auth, target, 'INVALID_CALLBACK_URL')).toBe(expected);
  });

  it.each([
    'https://evil.example',
    '//evil.example/path',
    '/\\evil.example',
    '\\\\evil.example',
    'https:evil.example',
    'javascript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'http://localhost:3000.evil.example/',
    'https://admin.example.com.evil.example/',
    'http://localhost:3001/',
    '/ok\r\nSet-Cookie: a=b',
    'http://user@evil.example',
  ])('refuses %s with the given code', (target) => {
    expect(() => safeRedirectTarget(auth, target, 'INVALID_REDIRECT_URL')).toThrow(expect.objectContaining({ code: 'INVALID_REDIRECT_URL', status: 403 }));
  });
});
