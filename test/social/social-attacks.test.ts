import type { DatabaseAdapter } from 'better-auth-entities/adapters';
import { APP_ORIGIN, AUTH_BASE, Browser } from './browser';
import { authorize, errorOf, signIn, socialBackends } from './flows';
import { makeSocialAuth, person, startProviders, type Providers } from './social-setup';

/*
 * Each attack, its answer, and that it changed nothing: no session in the attacked browser, no user created.
 * The callback answers every failure with a 302 to the error URL carrying `?error=<code>`.
 */
let providers: Providers;
beforeAll(async () => {
  providers = await startProviders();
});
afterAll(async () => {
  await providers.oidc.stop();
  await providers.oauth.stop();
});

describe.each(socialBackends('social_attacks'))('attacks on social sign-in, %s', (_name, open) => {
  let database: DatabaseAdapter<any, any, any, any, any, any, any>;
  let auth: ReturnType<typeof makeSocialAuth>;
  beforeAll(async () => {
    database = await open();
    auth = makeSocialAuth(database, providers);
  });

  async function oidcPerson(prefix: string) {
    const someone = person(prefix);
    await providers.oidc.control('/__test/accounts', { sub: someone.sub, email: someone.email, email_verified: true, name: 'Eve' });
    return someone;
  }

  async function rogueUser(prefix: string) {
    const someone = person(prefix);
    await providers.oauth.control('/__test/users', { sub: someone.sub, id: someone.sub, email: someone.email, verified: true, name: 'Mallory' });
    return someone;
  }

  /** Visits a callback URL and answers the status, the error code it landed with, and whether a session exists. */
  async function visit(browser: Browser, url: string) {
    const response = await browser.request(url);
    const location = response.headers.get('location') ?? '';
    const session = await browser.api('GET', '/get-session');
    return { status: response.status, location, error: location ? errorOf(new URL(location, APP_ORIGIN)) : null, signedIn: Boolean(session.json?.user) };
  }

  it('a callback without state: 302 error=state_not_found', async () => {
    const result = await visit(new Browser(auth.handler), `${AUTH_BASE}/callback/oidc?code=anything`);
    expect(result).toMatchObject({ status: 302, error: 'state_not_found', signedIn: false });
  });

  it('a wrong state: 302 error=state_mismatch, no user', async () => {
    const eve = await oidcPerson('wrong-state');
    const browser = new Browser(auth.handler);
    const callback = new URL(await authorize(browser, { provider: 'oidc', callbackURL: '/dashboard', loginHint: eve.sub }));
    const forged = new URL(callback);
    forged.searchParams.set('state', 'x'.repeat(43));
    const result = await visit(browser, forged.href);
    expect(result).toMatchObject({ status: 302, error: 'state_mismatch', signedIn: false });
    expect(await database.getUserByEmail(eve.email)).toBeNull();
  });

  it('a callback carrying a state started in another browser (login CSRF): 302 error=state_mismatch, nothing redeemed', async () => {
    const attacker = new Browser(auth.handler);
    const mallory = await oidcPerson('csrf');
    const callback = await authorize(attacker, { provider: 'oidc', callbackURL: '/dashboard', loginHint: mallory.sub });
    const victim = new Browser(auth.handler);
    const result = await visit(victim, callback);
    expect(result).toMatchObject({ status: 302, error: 'state_mismatch', signedIn: false });
    expect(await database.getUserByEmail(mallory.email)).toBeNull();
    // The state was not used up by the refused visit: its own browser can still finish.
    expect((await attacker.follow(callback)).url).toBe(`${APP_ORIGIN}/dashboard`);
  });

  it('a replayed callback (same code and state, state cookie put back): 302 error=invalid_state', async () => {
    const eve = await oidcPerson('replay');
    const browser = new Browser(auth.handler);
    const callback = await authorize(browser, { provider: 'oidc', callbackURL: '/dashboard', loginHint: eve.sub });
    const stateCookie = browser.appCookie('better-auth.oauth_state')!;
    expect((await browser.follow(callback)).url).toBe(`${APP_ORIGIN}/dashboard`);

    const replayer = new Browser(auth.handler);
    const response = await replayer.request(callback, { headers: { cookie: `better-auth.oauth_state=${stateCookie}` } });
    expect(response.status).toBe(302);
    expect(errorOf(new URL(response.headers.get('location')!))).toBe('invalid_state');
    expect(response.headers.getSetCookie().some((line) => line.startsWith('better-auth.session_token=') && !line.includes('Max-Age=0'))).toBe(false);
  });

  it('a used code replayed with a fresh state of the same browser: the provider refuses it, 302 error=invalid_code', async () => {
    const eve = await oidcPerson('code-replay');
    const browser = new Browser(auth.handler);
    const first = new URL(await authorize(browser, { provider: 'oidc', callbackURL: '/dashboard', loginHint: eve.sub }));
    await browser.follow(first.href);
    const fresh = await browser.api('POST', '/sign-in/social', { provider: 'oidc', callbackURL: '/dashboard' });
    const replay = new URL(first);
    replay.searchParams.set('state', new URL(fresh.json.url).searchParams.get('state')!);
    // The fresh state's cookie belongs to `browser`: state and cookie agree, only the code is stale.
    const result = await visit(browser, replay.href);
    expect(result).toMatchObject({ status: 302, error: 'invalid_code' });
  });

  it('a mismatched nonce (the authorization request altered on its way): 302 error=invalid_id_token', async () => {
    const eve = await oidcPerson('nonce');
    const browser = new Browser(auth.handler);
    const callback = await authorize(browser, { provider: 'oidc', callbackURL: '/dashboard', loginHint: eve.sub }, '/sign-in/social', (url) =>
      url.searchParams.set('nonce', 'a-nonce-the-server-never-minted-000000000000'),
    );
    const result = await visit(browser, callback);
    expect(result).toMatchObject({ status: 302, error: 'invalid_id_token', signedIn: false });
    expect(await database.getUserByEmail(eve.email)).toBeNull();
  });

  describe.each([
    ['signed with a key the issuer never published (forged)', 'forged'],
    ['expired', 'expired'],
    ['for another audience', 'wrong-audience'],
    ['from another issuer', 'wrong-issuer'],
    ['unsigned (alg none)', 'alg-none'],
    ['HMAC-signed with the client secret (alg HS256, not allowed)', 'hs256'],
    ['with a nonce other than the one sent', 'wrong-nonce'],
  ])('an ID token %s', (_label, mode) => {
    afterEach(() => providers.oauth.control('/__test/id-token-mode', { mode: 'valid' }));

    it('is refused: 302 error=invalid_id_token, no user, no session', async () => {
      const mallory = await rogueUser(`idt-${mode}`);
      await providers.oauth.control('/__test/id-token-mode', { mode });
      const browser = new Browser(auth.handler);
      const landed = await signIn(browser, { provider: 'rogue', callbackURL: '/dashboard', loginHint: mallory.sub });
      expect(errorOf(landed)).toBe('invalid_id_token');
      expect((await browser.api('GET', '/get-session')).json?.user).toBeUndefined();
      expect(await database.getUserByEmail(mallory.email)).toBeNull();
    });
  });

  it('the same rogue issuer with a valid ID token signs in (the checks above are what refused)', async () => {
    const mallory = await rogueUser('idt-valid');
    const browser = new Browser(auth.handler);
    const landed = await signIn(browser, { provider: 'rogue', callbackURL: '/dashboard', loginHint: mallory.sub });
    expect(landed.href).toBe(`${APP_ORIGIN}/dashboard`);
  });

  it.each([
    ['callbackURL', 'https://evil.example/steal'],
    ['callbackURL', '//evil.example'],
    ['errorCallbackURL', 'https://evil.example/error'],
    ['newUserCallbackURL', '/\\evil.example'],
    ['callbackURL', 'javascript:alert(1)'],
  ])('an open %s (%s): 403 INVALID_CALLBACK_URL before any redirect', async (field, value) => {
    const browser = new Browser(auth.handler);
    const result = await browser.api('POST', '/sign-in/social', { provider: 'oidc', [field]: value });
    expect(result.status).toBe(403);
    expect(result.json.code).toBe('INVALID_CALLBACK_URL');
    expect(browser.appCookie('better-auth.oauth_state')).toBeUndefined();
  });

  it('an unknown provider: 404 PROVIDER_NOT_FOUND; an idToken sign-in with a plain OAuth 2.0 provider: 404 ID_TOKEN_NOT_SUPPORTED', async () => {
    const browser = new Browser(auth.handler);
    expect(await browser.api('POST', '/sign-in/social', { provider: 'nope' })).toMatchObject({ status: 404, json: { code: 'PROVIDER_NOT_FOUND' } });
    expect(await browser.api('POST', '/sign-in/social', { provider: 'acme', idToken: { token: 'x' } })).toMatchObject({ status: 404, json: { code: 'ID_TOKEN_NOT_SUPPORTED' } });
  });

  it('a callback for one provider carrying the state of another: 302 error=state_mismatch', async () => {
    const eve = await oidcPerson('cross-provider');
    const browser = new Browser(auth.handler);
    const callback = new URL(await authorize(browser, { provider: 'oidc', callbackURL: '/dashboard', loginHint: eve.sub }));
    const result = await visit(browser, `${AUTH_BASE}/callback/acme${callback.search}`);
    expect(result).toMatchObject({ status: 302, error: 'state_mismatch', signedIn: false });
  });

  it('a provider error is passed on as a code only: 302 error=access_denied', async () => {
    const browser = new Browser(auth.handler);
    const landed = await signIn(browser, { provider: 'oidc', callbackURL: '/dashboard', loginHint: 'nobody-registered' });
    expect(errorOf(landed)).toBe('access_denied');
    expect(landed.pathname).toBe('/dashboard');
  });
});
