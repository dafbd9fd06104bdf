import { createServer } from 'node:net';
import { BetterAuth } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { EmailPasswordPlugin, oidcProvider, SocialSignInPlugin } from 'better-auth-entities/plugins';
import { APP_ORIGIN, Browser } from './browser';
import { OIDC_CLIENT, SECRET, startProviders, type Providers } from './social-setup';

let providers: Providers;
beforeAll(async () => {
  providers = await startProviders();
});
afterAll(async () => {
  await providers.oidc.stop();
  await providers.oauth.stop();
});

/** A loopback port nothing listens on: bound, then closed, so a connection is refused at once. */
async function closedPortURL(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

function authWith(issuer: string, allowInsecureRequests: boolean) {
  const logged: string[] = [];
  const logger = { error: (message: string) => logged.push(`error ${message}`), warn: (message: string) => logged.push(`warn ${message}`) };
  const auth = new BetterAuth({ secret: SECRET, baseURL: APP_ORIGIN, logger })
    .database(new MemoryDatabaseAdapter())
    .plugin(new EmailPasswordPlugin())
    .plugin(new SocialSignInPlugin({ providers: [oidcProvider({ id: 'sso', issuer, ...OIDC_CLIENT, allowInsecureRequests })] }))
    .build();
  return { auth, logged };
}

describe('a social provider that cannot be reached', () => {
  it('answers POST /sign-in/social with 502 PROVIDER_UNAVAILABLE, and logs the refused connection once for three sign-ins', async () => {
    const { auth, logged } = authWith(await closedPortURL(), true);
    const browser = new Browser(auth.handler);
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push(await browser.api('POST', '/sign-in/social', { provider: 'sso' }));
    expect(answers.map((answer) => [answer.status, answer.json.code])).toEqual(Array(3).fill([502, 'PROVIDER_UNAVAILABLE']));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^error social sign-in: provider sso is unreachable: .*ECONNREFUSED/);
  });

  it('answers sign-ins started together with 502, logged once', async () => {
    const { auth, logged } = authWith(await closedPortURL(), true);
    const answers = await Promise.all(Array.from({ length: 5 }, () => new Browser(auth.handler).api('POST', '/sign-in/social', { provider: 'sso' })));
    expect(answers.map((answer) => answer.status)).toEqual(Array(5).fill(502));
    expect(logged).toHaveLength(1);
  });

  it('answers 502 for an http:// issuer without allowInsecureRequests, and signs in once it is allowed', async () => {
    const refused = authWith(providers.oidc.url, false);
    const answer = await new Browser(refused.auth.handler).api('POST', '/sign-in/social', { provider: 'sso' });
    expect([answer.status, answer.json.code]).toEqual([502, 'PROVIDER_UNAVAILABLE']);
    expect(refused.logged).toEqual([expect.stringMatching(/^error social sign-in: provider sso is unreachable: .*HTTPS/i)]);

    const allowed = authWith(providers.oidc.url, true);
    const started = await new Browser(allowed.auth.handler).api('POST', '/sign-in/social', { provider: 'sso' });
    expect(started.status).toBe(200);
    expect(new URL(started.json.url).origin).toBe(providers.oidc.url);
  });

  it('answers an ID token sign-in with 502 too, not 401 INVALID_ID_TOKEN', async () => {
    const { auth } = authWith(await closedPortURL(), true);
    const answer = await new Browser(auth.handler).api('POST', '/sign-in/social', { provider: 'sso', idToken: { token: 'a.b.c' } });
    expect([answer.status, answer.json.code]).toEqual([502, 'PROVIDER_UNAVAILABLE']);
  });
});
