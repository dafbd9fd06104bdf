import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { APP_ORIGIN, AUTH_BASE, Browser } from './browser';
import { makeSocialAuth, person, SocialUser, startProviders, type Providers } from './social-setup';

let providers: Providers;
beforeAll(async () => {
  providers = await startProviders();
});
afterAll(async () => {
  await providers.oidc.stop();
  await providers.oauth.stop();
});

const toCallback = (next: URL) => next.href.startsWith(`${AUTH_BASE}/callback/`);

describe('OpenID Connect sign-in against oidc-provider', () => {
  it('signs a new user up through the full redirect flow, custom fields filled by mapProfileToUser', async () => {
    const database = new MemoryDatabaseAdapter({ user: SocialUser });
    const auth = makeSocialAuth(database, providers);
    const ada = person('ada');
    await providers.oidc.control('/__test/accounts', { sub: ada.sub, email: ada.email, email_verified: true, name: 'Ada Lovelace', given_name: 'Ada', family_name: 'Lovelace' });
    const browser = new Browser(auth.handler);

    const started = await browser.api('POST', '/sign-in/social', { provider: 'oidc', callbackURL: '/dashboard', newUserCallbackURL: '/welcome', loginHint: ada.sub });
    expect(started.status).toBe(200);
    expect(started.json.redirect).toBe(true);
    const authorize = new URL(started.json.url);
    expect(authorize.origin).toBe(providers.oidc.url);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('nonce')).toBeTruthy();

    const landed = await browser.follow(started.json.url);

    expect(landed.url).toBe(`${APP_ORIGIN}/welcome`);
    const session = await browser.api('GET', '/get-session');

    expect(session.json.user).toMatchObject({ email: ada.email, name: 'Ada Lovelace', emailVerified: true, firstName: 'Ada', lastName: 'Lovelace' });
  });
});
