import type { DatabaseAdapter } from 'better-auth-entities/adapters';
import { APP_ORIGIN, AUTH_BASE, Browser } from './browser';
import { authorize, errorOf, signIn, socialBackends } from './flows';
import { makeSocialAuth, person, startProviders, type Providers } from './social-setup';

let providers: Providers;
beforeAll(async () => {
  providers = await startProviders();
});
afterAll(async () => {
  await providers.oidc.stop();
  await providers.oauth.stop();
});

describe.each(socialBackends('social_sign_in'))('social sign-in on %s', (_name, open) => {
  let database: DatabaseAdapter<any, any, any, any, any, any, any>;
  let auth: ReturnType<typeof makeSocialAuth>;
  beforeAll(async () => {
    database = await open();
    auth = makeSocialAuth(database, providers);
  });

  async function oidcPerson(prefix: string, claims: Record<string, unknown> = {}) {
    const someone = person(prefix);
    await providers.oidc.control('/__test/accounts', { sub: someone.sub, email: someone.email, email_verified: true, name: 'Ada Lovelace', given_name: 'Ada', family_name: 'Lovelace', ...claims });
    return someone;
  }

  describe('OpenID Connect (oidc-provider)', () => {
    it('signs a new user up through the full redirect flow, custom fields filled by mapProfileToUser', async () => {
      const ada = await oidcPerson('ada');
      const browser = new Browser(auth.handler);

      const started = await browser.api('POST', '/sign-in/social', { provider: 'oidc', callbackURL: '/dashboard', newUserCallbackURL: '/welcome', loginHint: ada.sub });
      expect(started.status).toBe(200);
      expect(started.json.redirect).toBe(true);
      const authorizeURL = new URL(started.json.url);
      expect(authorizeURL.origin).toBe(providers.oidc.url);
      expect(authorizeURL.searchParams.get('code_challenge_method')).toBe('S256');
      expect(authorizeURL.searchParams.get('nonce')).toMatch(/^[\w-]{43}$/);
      expect(authorizeURL.searchParams.get('redirect_uri')).toBe(`${AUTH_BASE}/callback/oidc`);

      const landed = await browser.follow(started.json.url);
      expect(landed.url).toBe(`${APP_ORIGIN}/welcome`);
      const session = await browser.api('GET', '/get-session');
      expect(session.json.user).toMatchObject({ email: ada.email, name: 'Ada Lovelace', emailVerified: true, firstName: 'Ada', lastName: 'Lovelace' });
    });

    it('signs a returning user in to the same user, at the callbackURL, and keeps the provider tokens encrypted', async () => {
      const grace = await oidcPerson('grace', { name: 'Grace Hopper', given_name: 'Grace', family_name: 'Hopper' });
      const first = new Browser(auth.handler);
      await signIn(first, { provider: 'oidc', callbackURL: '/dashboard', newUserCallbackURL: '/welcome', loginHint: grace.sub });
      const firstUser = (await first.api('GET', '/get-session')).json.user;

      const second = new Browser(auth.handler);
      const landed = await signIn(second, { provider: 'oidc', callbackURL: '/dashboard', newUserCallbackURL: '/welcome', loginHint: grace.sub });
      expect(landed.href).toBe(`${APP_ORIGIN}/dashboard`);
      expect((await second.api('GET', '/get-session')).json.user.id).toBe(firstUser.id);

      const accounts = await database.listAccountsForUser(firstUser.id);
      expect(accounts).toHaveLength(1);
      const stored = accounts[0];
      expect(stored.providerId).toBe('oidc');
      expect(stored.accountId).toBe(grace.sub);
      for (const column of ['accessToken', 'refreshToken', 'idToken']) expect(stored[column]).toMatch(/^v1:/);
      const plain = await second.api('POST', '/get-access-token', { providerId: 'oidc' });
      expect(plain.status).toBe(200);
      expect(plain.json.accessToken).toEqual(expect.any(String));
      expect(stored.accessToken).not.toContain(plain.json.accessToken);
      expect(plain.json.idToken.split('.')).toHaveLength(3);
    });

    it('tells sign-up listeners of a new user once, with the callbackURL; a returning user is no sign-up', async () => {
      const heard: string[] = [];
      auth.context.hooks.onSignUp(({ user, callbackURL }) => {
        heard.push(`${(user as { email: string }).email} ${callbackURL}`);
      });
      const alan = await oidcPerson('alan');
      await signIn(new Browser(auth.handler), { provider: 'oidc', callbackURL: '/dashboard', loginHint: alan.sub });
      await signIn(new Browser(auth.handler), { provider: 'oidc', callbackURL: '/dashboard', loginHint: alan.sub });
      expect(heard.filter((line) => line.startsWith(alan.email))).toEqual([`${alan.email} ${APP_ORIGIN}/dashboard`]);
    });

    it('keeps the user info of later sign-ins out unless overrideUserInfoOnSignIn', async () => {
      const linus = await oidcPerson('linus', { name: 'Linus', given_name: 'Linus', family_name: 'T' });
      await signIn(new Browser(auth.handler), { provider: 'oidc', loginHint: linus.sub });
      await providers.oidc.control('/__test/accounts', { sub: linus.sub, email: linus.email, email_verified: true, name: 'Renamed', given_name: 'Renamed' });
      const again = new Browser(auth.handler);
      await signIn(again, { provider: 'oidc', loginHint: linus.sub });
      expect((await again.api('GET', '/get-session')).json.user).toMatchObject({ name: 'Linus', firstName: 'Linus' });
    });

    it('accepts a form_post callback from another site by redirecting it to the GET callback with the browser cookies', async () => {
      const ada = await oidcPerson('poster');
      const browser = new Browser(auth.handler);
      const callback = new URL(await authorize(browser, { provider: 'oidc', callbackURL: '/dashboard', loginHint: ada.sub }));
      const posted = await browser.request(`${AUTH_BASE}/callback/oidc`, {
        method: 'POST',
        body: callback.searchParams.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://appleid.apple.com' },
      });
      expect(posted.status).toBe(302);
      const location = new URL(posted.headers.get('location')!);
      expect(location.pathname).toBe('/api/auth/callback/oidc');
      expect(location.searchParams.get('code')).toBe(callback.searchParams.get('code'));
      const landed = await browser.follow(location.href);
      expect(landed.url).toBe(`${APP_ORIGIN}/dashboard`);
      expect((await browser.api('GET', '/get-session')).json.user.email).toBe(ada.email);
    });
  });

  describe('generic OAuth 2.0 (hand-written server)', () => {
    it('signs a user up from the user-info endpoint and refreshes an expired access token', async () => {
      const octo = person('octo');
      await providers.oauth.control('/__test/users', { sub: octo.sub, id: 4242, login: octo.sub, email: octo.email, verified: true, name: 'Octo Cat', avatar_url: 'https://img.example/octo.png' });
      const browser = new Browser(auth.handler);
      const landed = await signIn(browser, { provider: 'acme', callbackURL: '/home', loginHint: octo.sub });
      expect(landed.href).toBe(`${APP_ORIGIN}/home`);
      const user = (await browser.api('GET', '/get-session')).json.user;
      expect(user).toMatchObject({ email: octo.email, name: 'Octo Cat', image: 'https://img.example/octo.png', emailVerified: true });

      const [account] = await database.listAccountsForUser(user.id);
      expect(account.accountId).toBe('4242');
      const before = await browser.api('POST', '/get-access-token', { accountId: account.id });
      expect(before.status).toBe(200);
      // Still valid: handed out as is.
      expect((await browser.api('POST', '/get-access-token', { accountId: account.id })).json.accessToken).toBe(before.json.accessToken);

      await database.updateAccount(account.id, { accessTokenExpiresAt: new Date(Date.now() - 60_000) });
      const after = await browser.api('POST', '/get-access-token', { accountId: account.id });
      expect(after.status).toBe(200);
      expect(after.json.accessToken).not.toBe(before.json.accessToken);
      expect(new Date(after.json.accessTokenExpiresAt).getTime()).toBeGreaterThan(Date.now());
      const [stored] = await database.listAccountsForUser(user.id);
      expect(stored.accessToken).toMatch(/^v1:/);
      expect(stored.accessTokenExpiresAt.getTime()).toBeGreaterThan(Date.now());

      const refreshed = await browser.api('POST', '/refresh-token', { providerId: 'acme' });
      expect(refreshed.status).toBe(200);
      expect(refreshed.json).toMatchObject({ providerId: 'acme', accountId: account.id, accessToken: expect.any(String), refreshToken: expect.any(String) });
      expect(refreshed.json.accessToken).not.toBe(after.json.accessToken);
    });
  });
});
