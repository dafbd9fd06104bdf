import { BetterAuth } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { EmailPasswordPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { RedisSecondaryStorage } from 'better-auth-entities/redis';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { TcpProxy } from '../hardening/tcp-proxy';
import { QuickHasher } from '../hardening/quick-hasher';
import { Browser } from '../social/browser';
import { signIn } from '../social/flows';
import { makeSocialAuth, person, SocialUser, startProviders, type Providers } from '../social/social-setup';
import { call, ORIGIN, PASSWORD, signUp, TEST_SECRET, uniqueEmail } from '../support/test-auth';
import { registerOtelSdk, spansNamed, total, type OtelSdk } from './otel-harness';

let sdk: OtelSdk;
beforeAll(() => {
  sdk = registerOtelSdk();
});
afterAll(async () => {
  await sdk.shutdown();
});
beforeEach(async () => {
  sdk.reset();
  await sdk.points(); // start each test's metric deltas from zero
});

const quiet = { error: () => undefined, warn: () => undefined };

function emailAuth(config: Record<string, unknown> = {}) {
  return new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, passwordHasher: new QuickHasher(), logger: quiet, ...config })
    .database(new MemoryDatabaseAdapter())
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    .build();
}

function serverSpan(spans: readonly ReadableSpan[], name: string): ReadableSpan {
  const found = spans.filter((span) => span.kind === SpanKind.SERVER && span.name === name);
  expect(found).toHaveLength(1);
  return found[0];
}

/** Every span of the trace `root` starts, found by walking parent ids. */
function descendants(spans: readonly ReadableSpan[], root: ReadableSpan): ReadableSpan[] {
  const ids = new Set([root.spanContext().spanId]);
  const found: ReadableSpan[] = [];
  for (let grew = true; grew; ) {
    grew = false;
    for (const span of spans) {
      const parent = span.parentSpanContext?.spanId;
      if (parent && ids.has(parent) && !ids.has(span.spanContext().spanId)) {
        ids.add(span.spanContext().spanId);
        found.push(span);
        grew = true;
      }
    }
  }
  return found;
}

describe('OpenTelemetry traces and metrics of auth requests', () => {
  it('a sign-in is one server span named by its route, with adapter and password-hash spans under it, and counts a successful attempt', async () => {
    const auth = emailAuth();
    const email = uniqueEmail('otel');
    await signUp(auth.handler, email);
    sdk.reset();
    await sdk.points();

    const answer = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } });
    expect(answer.status).toBe(200);

    const spans = sdk.spans();
    const request = serverSpan(spans, 'POST /api/auth/sign-in/email');
    expect(request.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.route': '/api/auth/sign-in/email', 'http.response.status_code': 200 });
    const children = descendants(spans, request);
    const lookup = children.find((span) => span.name === 'getUserByEmail user');
    expect(lookup?.kind).toBe(SpanKind.CLIENT);
    expect(lookup?.attributes).toEqual({ 'db.system': 'memory', 'db.system.name': 'memory', 'db.operation.name': 'getUserByEmail', 'db.collection.name': 'user' });
    expect(children.map((span) => span.name)).toContain('createSession session');
    const hash = children.find((span) => span.name === 'auth.password.verify');
    expect(hash?.attributes['auth.password.queue_wait_ms']).toEqual(expect.any(Number));
    expect(hash?.attributes['auth.password.hash_ms']).toEqual(expect.any(Number));

    const points = await sdk.points();
    expect(total(points, 'auth.sign_in.attempts', { 'auth.method': 'email', 'auth.outcome': 'success' })).toBe(1);
    expect(total(points, 'http.server.request.duration', { 'http.route': '/api/auth/sign-in/email', 'http.response.status_code': 200 })).toBe(1);
    expect(total(points, 'auth.password.hash.duration', { 'auth.password.operation': 'verify' })).toBe(1);
    expect(total(points, 'auth.password.queue.wait', { 'auth.password.operation': 'verify' })).toBe(1);
  });

  it('a sign-in with a wrong password ends its span with status 401 and our error code, and counts a failed attempt', async () => {
    const auth = emailAuth();
    const email = uniqueEmail('otel-wrong');
    await signUp(auth.handler, email);
    sdk.reset();
    await sdk.points();

    const answer = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: 'not the password at all' } });
    expect(answer.status).toBe(401);

    const request = serverSpan(sdk.spans(), 'POST /api/auth/sign-in/email');
    expect(request.attributes).toMatchObject({ 'http.response.status_code': 401, 'auth.error.code': 'INVALID_EMAIL_OR_PASSWORD', 'error.type': 'INVALID_EMAIL_OR_PASSWORD' });
    // A 4xx is the client's error, not the server's (semantic conventions for server spans).
    expect(request.status.code).toBe(SpanStatusCode.UNSET);
    const points = await sdk.points();
    expect(total(points, 'auth.sign_in.attempts', { 'auth.method': 'email', 'auth.outcome': 'failure', 'auth.error.code': 'INVALID_EMAIL_OR_PASSWORD' })).toBe(1);
    expect(total(points, 'auth.sign_in.attempts', { 'auth.outcome': 'success' })).toBe(0);
    expect(total(points, 'http.server.request.duration', { 'http.response.status_code': 401, 'error.type': 'INVALID_EMAIL_OR_PASSWORD' })).toBe(1);
  });

  it('a request the rate limiter refuses is a 429 span with TOO_MANY_REQUESTS and counts a refusal by rule', async () => {
    const auth = emailAuth({ rateLimit: { enabled: true, customRules: { '/sign-in/email': { windowSeconds: 60, max: 1 } } } });
    const body = { email: uniqueEmail('otel-limit'), password: 'whatever-password' };
    expect((await call(auth.handler, 'POST', '/sign-in/email', { body })).status).toBe(401);
    sdk.reset();
    expect((await call(auth.handler, 'POST', '/sign-in/email', { body })).status).toBe(429);

    const request = serverSpan(sdk.spans(), 'POST /api/auth/sign-in/email');
    expect(request.attributes).toMatchObject({ 'http.response.status_code': 429, 'auth.error.code': 'TOO_MANY_REQUESTS' });
    // Refused before any lookup or hash.
    expect(descendants(sdk.spans(), request).filter((span) => span.name.startsWith('auth.password'))).toEqual([]);
    const points = await sdk.points();
    expect(total(points, 'auth.rate_limit.refusals', { 'auth.rate_limit.rule': '/sign-in/email' })).toBe(1);
  });

  it('continues the caller\'s trace: a traceparent header makes the request span its child', async () => {
    const auth = emailAuth();
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const parentId = '00f067aa0ba902b7';
    await call(auth.handler, 'GET', '/get-session', { headers: { traceparent: `00-${traceId}-${parentId}-01` } });

    const request = serverSpan(sdk.spans(), 'GET /api/auth/get-session');
    expect(request.spanContext().traceId).toBe(traceId);
    expect(request.parentSpanContext?.spanId).toBe(parentId);
  });

  describe('with Redis as secondary storage', () => {
    let proxy: TcpProxy;
    let storage: RedisSecondaryStorage;
    beforeAll(async () => {
      proxy = new TcpProxy(6379);
      const port = await proxy.start();
      storage = new RedisSecondaryStorage({ url: `redis://127.0.0.1:${port}`, keyPrefix: `otel-test:${process.pid}:${Date.now()}:`, commandTimeoutMs: 300 });
      // Commands fail at once until the connection is up (no offline queue): wait for it.
      for (let tries = 0; ; tries += 1) {
        try {
          await storage.get('ready');
          break;
        } catch (error) {
          if (tries > 50) throw error;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    });
    afterAll(async () => {
      await storage.close();
      await proxy.stop();
    });

    it('a Redis outage shows as failed storage spans under a get-session still answered from the database, database lookups counted, health degraded', async () => {
      const auth = emailAuth({ secondaryStorage: storage });
      const { cookie } = await signUp(auth.handler, uniqueEmail('otel-redis'));
      await call(auth.handler, 'GET', '/get-session', { cookie }); // fills the cache
      await sdk.points();
      expect((await call(auth.handler, 'GET', '/get-session', { cookie })).status).toBe(200);
      expect(total(await sdk.points(), 'auth.session.lookups', { 'auth.session.source': 'cache', 'auth.outcome': 'found' })).toBe(1);
      expect(await auth.health()).toMatchObject({ status: 'up', checks: { database: { status: 'up' }, secondaryStorage: { status: 'up' } } });

      await proxy.cut();
      sdk.reset();
      const during = await call(auth.handler, 'GET', '/get-session', { cookie });
      expect(during.status).toBe(200);
      expect(during.json.session).toBeTruthy();

      const request = serverSpan(sdk.spans(), 'GET /api/auth/get-session');
      const children = descendants(sdk.spans(), request);
      const storageRead = children.find((span) => span.name === 'getMany secondary-storage');
      expect(storageRead?.status.code).toBe(SpanStatusCode.ERROR);
      expect(storageRead?.attributes['error.type']).toEqual(expect.any(String));
      expect(children.map((span) => span.name)).toContain('getSessionWithUser session');
      expect(total(await sdk.points(), 'auth.session.lookups', { 'auth.session.source': 'database', 'auth.outcome': 'found' })).toBe(1);
      expect(await auth.health()).toMatchObject({ status: 'degraded', checks: { database: { status: 'up' }, secondaryStorage: { status: 'down' } } });
      await proxy.restore();
      await auth.close();
    });
  });

  describe('social sign-in against the loopback OpenID provider', () => {
    let providers: Providers;
    beforeAll(async () => {
      providers = await startProviders();
    });
    afterAll(async () => {
      await providers.oidc.stop();
      await providers.oauth.stop();
    });

    it('has provider spans for the authorization URL and the code exchange, and counts a social sign-up and sign-in', async () => {
      const auth = makeSocialAuth(new MemoryDatabaseAdapter({ user: SocialUser }), providers);
      const someone = person('otel');
      await providers.oidc.control('/__test/accounts', { sub: someone.sub, email: someone.email, email_verified: true, name: 'Ada Lovelace' });
      sdk.reset();

      const landed = await signIn(new Browser(auth.handler), { provider: 'oidc', callbackURL: '/dashboard', loginHint: someone.sub });
      expect(landed.searchParams.get('error')).toBeNull();

      const spans = sdk.spans();
      const start = serverSpan(spans, 'POST /api/auth/sign-in/social');
      expect(descendants(spans, start).find((span) => span.name === 'social.authorization_url oidc')?.attributes).toEqual({ 'auth.social.provider': 'oidc' });
      const callback = serverSpan(spans, 'GET /api/auth/callback/:provider');
      expect(callback.attributes['http.route']).toBe('/api/auth/callback/:provider');
      const exchange = descendants(spans, callback).find((span) => span.name === 'social.exchange oidc');
      expect(exchange?.kind).toBe(SpanKind.CLIENT);
      expect(spansNamed(descendants(spans, callback), 'createUser user')).toHaveLength(1);

      const points = await sdk.points();
      expect(total(points, 'auth.sign_up.count', { 'auth.method': 'social' })).toBe(1);
      expect(total(points, 'auth.sign_in.attempts', { 'auth.method': 'social', 'auth.outcome': 'success' })).toBe(1);
    }, 30_000);
  });
});
