import type { DatabaseAdapter } from 'better-auth-entities/adapters';
import { APP_ORIGIN, Browser } from './browser';
import { authorize, errorOf, signIn, socialBackends } from './flows';
import { makeSocialAuth, person, startProviders, type Providers } from './social-setup';

const PASSWORD = 'correct horse battery staple';

let providers: Providers;
beforeAll(async () => {
  providers = await startProviders();
});
afterAll(async () => {
  await providers.oidc.stop();
  await providers.oauth.stop();
});

describe.each(socialBackends('social_linking'))('linking, tokens and accounts on %s', (_name, open) => {
  let database: DatabaseAdapter<any, any, any, any, any, any, any>;
  let auth: ReturnType<typeof makeSocialAuth>;
  beforeAll(async () => {
    database = await open();
    auth = makeSocialAuth(database, providers);
  });

  async function oidcPerson(prefix: string, claims: Record<string, unknown> = {}) {
    const someone = person(prefix);
    await providers.oidc.control('/__test/accounts', { sub: someone.sub, email: someone.email, email_verified: true, name: 'Linked Person', ...claims });
    return someone;
  }

  /** A password user with that email, signed in in a browser of its own. */
  async function passwordUser(email: string, verified: boolean) {
    const browser = new Browser(auth.handler);
    const signedUp = await browser.api('POST', '/sign-up/email', { email, password: PASSWORD, name: 'Local' });
    expect(signedUp.status).toBe(200);
    if (verified) await database.updateUser(signedUp.json.user.id, { emailVerified: true });
    return { browser, userId: signedUp.json.user.id as string };
  }

  const providersOf = async (userId: string) => (await database.listAccountsForUser(userId)).map((account: any) => account.providerId).sort();

  describe('linking by email at sign-in', () => {
    it('links into a user whose own email is verified when the provider says it verified the address', async () => {
      const someone = await oidcPerson('verified-both');
      const local = await passwordUser(someone.email, true);
      const browser = new Browser(auth.handler);
      expect((await signIn(browser, { provider: 'oidc', callbackURL: '/dashboard', loginHint: someone.sub })).href).toBe(`${APP_ORIGIN}/dashboard`);
      expect((await browser.api('GET', '/get-session')).json.user.id).toBe(local.userId);
      expect(await providersOf(local.userId)).toEqual(['credential', 'oidc']);
    });

    it('refuses to link into an unverified local user (a squatted address) unless the provider is trusted: error=account_not_linked', async () => {
      const someone = await oidcPerson('squatted');
      const local = await passwordUser(someone.email, false);
      const landed = await signIn(new Browser(auth.handler), { provider: 'oidc', callbackURL: '/dashboard', loginHint: someone.sub });
      expect(errorOf(landed)).toBe('account_not_linked');
      expect(await providersOf(local.userId)).toEqual(['credential']);

      const trusting = makeSocialAuth(database, providers, { accountLinking: { trustedProviders: ['oidc'] } });
      const browser = new Browser(trusting.handler);
      expect(errorOf(await signIn(browser, { provider: 'oidc', callbackURL: '/dashboard', loginHint: someone.sub }))).toBeNull();
      expect((await browser.api('GET', '/get-session')).json.user).toMatchObject({ id: local.userId, emailVerified: true });
    });

    it('never links on an email the provider did not verify, trusted or not: error=account_not_linked', async () => {
      const someone = await oidcPerson('unverified-at-provider', { email_verified: false });
      const local = await passwordUser(someone.email, true);
      const trusting = makeSocialAuth(database, providers, { accountLinking: { trustedProviders: ['oidc'] } });
      expect(errorOf(await signIn(new Browser(trusting.handler), { provider: 'oidc', loginHint: someone.sub }))).toBe('account_not_linked');
      expect(await providersOf(local.userId)).toEqual(['credential']);
    });

    it('never links by email with accountLinking.enabled false: error=account_not_linked', async () => {
      const someone = await oidcPerson('linking-off');
      const local = await passwordUser(someone.email, true);
      const closed = makeSocialAuth(database, providers, { accountLinking: { enabled: false } });
      expect(errorOf(await signIn(new Browser(closed.handler), { provider: 'oidc', loginHint: someone.sub }))).toBe('account_not_linked');
      expect(await providersOf(local.userId)).toEqual(['credential']);
    });
  });

  describe('provider settings', () => {
    it('disableSignUp signs known users in and refuses new ones: error=signup_disabled', async () => {
      const known = await oidcPerson('known-before');
      await signIn(new Browser(auth.handler), { provider: 'oidc', loginHint: known.sub });
      const closed = makeSocialAuth(database, providers, {}, { disableSignUp: true });
      expect(errorOf(await signIn(new Browser(closed.handler), { provider: 'oidc', loginHint: known.sub }))).toBeNull();
      const stranger = await oidcPerson('stranger');
      expect(errorOf(await signIn(new Browser(closed.handler), { provider: 'oidc', loginHint: stranger.sub }))).toBe('signup_disabled');
      expect(await database.getUserByEmail(stranger.email)).toBeNull();
    });

    it('overrideUserInfoOnSignIn refreshes the name and mapped fields at every sign-in', async () => {
      const someone = await oidcPerson('renamed', { given_name: 'Old' });
      await signIn(new Browser(auth.handler), { provider: 'oidc', loginHint: someone.sub });
      await providers.oidc.control('/__test/accounts', { sub: someone.sub, email: someone.email, email_verified: true, name: 'New Name', given_name: 'New' });
      const overriding = makeSocialAuth(database, providers, {}, { overrideUserInfoOnSignIn: true });
      const browser = new Browser(overriding.handler);
      await signIn(browser, { provider: 'oidc', loginHint: someone.sub });
      expect((await browser.api('GET', '/get-session')).json.user).toMatchObject({ name: 'New Name', firstName: 'New' });
    });
  });

  describe('POST /link-social', () => {
    it('links a provider account to the signed-in user; list-accounts shows it without any token', async () => {
      const someone = await oidcPerson('link-me');
      const local = await passwordUser(someone.email, false);
      const landed = await signIn(local.browser, { provider: 'oidc', callbackURL: '/settings', loginHint: someone.sub }, '/link-social');
      expect(landed.href).toBe(`${APP_ORIGIN}/settings`);
      const listed = await local.browser.api('GET', '/list-accounts');
      expect(listed.status).toBe(200);
      expect(listed.json.map((account: any) => account.providerId).sort()).toEqual(['credential', 'oidc']);
      for (const account of listed.json) {
        expect(Object.keys(account).sort()).toEqual(['accountId', 'createdAt', 'id', 'providerId', 'scopes', 'updatedAt', 'userId']);
      }
      expect(JSON.stringify(listed.json)).not.toMatch(/v1\.|eyJ/);
    });

    it('needs a session: 401 UNAUTHORIZED', async () => {
      const result = await new Browser(auth.handler).api('POST', '/link-social', { provider: 'oidc' });
      expect(result).toMatchObject({ status: 401, json: { code: 'UNAUTHORIZED' } });
    });

    it('never moves a provider account from its user to another: error=account_already_linked_to_different_user', async () => {
      const someone = await oidcPerson('owned');
      const owner = new Browser(auth.handler);
      await signIn(owner, { provider: 'oidc', loginHint: someone.sub });
      const ownerId = (await owner.api('GET', '/get-session')).json.user.id;
      const other = await passwordUser(someone.email.replace('@', '+other@'), true);
      const landed = await signIn(other.browser, { provider: 'oidc', callbackURL: '/settings', loginHint: someone.sub }, '/link-social');
      expect(errorOf(landed)).toBe('account_already_linked_to_different_user');
      expect((await database.getAccountByProvider('oidc', someone.sub)).userId).toBe(ownerId);
    });

    it('refuses a provider account with another email: error=email_does_not_match', async () => {
      const someone = await oidcPerson('other-email');
      const local = await passwordUser(`different-${someone.email}`, true);
      const landed = await signIn(local.browser, { provider: 'oidc', callbackURL: '/settings', loginHint: someone.sub }, '/link-social');
      expect(errorOf(landed)).toBe('email_does_not_match');
      expect(await providersOf(local.userId)).toEqual(['credential']);
    });

    it('finishes a link only in a browser signed in as the user who started it: error=unable_to_link_account', async () => {
      const someone = await oidcPerson('link-elsewhere');
      const local = await passwordUser(someone.email, true);
      const callback = await authorize(local.browser, { provider: 'oidc', callbackURL: '/settings', loginHint: someone.sub }, '/link-social');
      await local.browser.api('POST', '/sign-out', {});
      const landed = new URL((await local.browser.follow(callback)).url);
      expect(errorOf(landed)).toBe('unable_to_link_account');
      expect(await providersOf(local.userId)).toEqual(['credential']);
    });
  });

  describe('one provider account, one user', () => {
    it('two concurrent callbacks for one new person end with one user and one account', async () => {
      const someone = await oidcPerson('concurrent');
      const browsers = [new Browser(auth.handler), new Browser(auth.handler)];
      const callbacks = await Promise.all(browsers.map((browser) => authorize(browser, { provider: 'oidc', callbackURL: '/dashboard', loginHint: someone.sub })));
      const landed = await Promise.all(browsers.map((browser, index) => browser.follow(callbacks[index])));
      expect(landed.map((visit) => visit.url)).toEqual([`${APP_ORIGIN}/dashboard`, `${APP_ORIGIN}/dashboard`]);
      const ids = await Promise.all(browsers.map(async (browser) => (await browser.api('GET', '/get-session')).json.user.id));
      expect(ids[0]).toBe(ids[1]);
      expect(await providersOf(ids[0])).toEqual(['oidc']);
    });
  });

  describe('unlink-account and token routes', () => {
    it('unlinks a provider account while a password remains, never the last way in', async () => {
      const someone = await oidcPerson('unlink');
      const local = await passwordUser(someone.email, true);
      await signIn(local.browser, { provider: 'oidc', callbackURL: '/settings', loginHint: someone.sub }, '/link-social');
      const oidcAccount = (await database.listAccountsForUser(local.userId)).find((account: any) => account.providerId === 'oidc');
      expect(await local.browser.api('POST', '/unlink-account', { accountId: oidcAccount.id })).toMatchObject({ status: 200, json: { status: true } });
      expect(await providersOf(local.userId)).toEqual(['credential']);

      const socialOnly = await oidcPerson('social-only');
      const browser = new Browser(auth.handler);
      await signIn(browser, { provider: 'oidc', loginHint: socialOnly.sub });
      const result = await browser.api('POST', '/unlink-account', { providerId: 'oidc' });
      expect(result).toMatchObject({ status: 400, json: { code: 'FAILED_TO_UNLINK_LAST_ACCOUNT' } });
      expect(await database.getAccountByProvider('oidc', socialOnly.sub)).not.toBeNull();
    });

    it("hands out only the caller's own tokens: another user's account id is 404 ACCOUNT_NOT_FOUND, no session 401", async () => {
      const victim = await oidcPerson('victim');
      await signIn(new Browser(auth.handler), { provider: 'oidc', loginHint: victim.sub });
      const victimAccount = await database.getAccountByProvider('oidc', victim.sub);
      const thief = await oidcPerson('thief');
      const browser = new Browser(auth.handler);
      await signIn(browser, { provider: 'oidc', loginHint: thief.sub });
      expect(await browser.api('POST', '/get-access-token', { accountId: victimAccount.id })).toMatchObject({ status: 404, json: { code: 'ACCOUNT_NOT_FOUND' } });
      expect(await browser.api('POST', '/refresh-token', { accountId: victimAccount.id })).toMatchObject({ status: 404, json: { code: 'ACCOUNT_NOT_FOUND' } });
      expect(await new Browser(auth.handler).api('POST', '/get-access-token', { providerId: 'oidc' })).toMatchObject({ status: 401 });
      expect(await browser.api('POST', '/get-access-token', {})).toMatchObject({ status: 400, json: { code: 'VALIDATION_ERROR' } });
    });

    it('refreshes an expired oidc-provider access token through get-access-token, and on demand through refresh-token', async () => {
      const someone = await oidcPerson('refresh');
      const browser = new Browser(auth.handler);
      await signIn(browser, { provider: 'oidc', loginHint: someone.sub });
      const account = await database.getAccountByProvider('oidc', someone.sub);
      const before = await browser.api('POST', '/get-access-token', { accountId: account.id });
      await database.updateAccount(account.id, { accessTokenExpiresAt: new Date(Date.now() - 1000) });
      const after = await browser.api('POST', '/get-access-token', { accountId: account.id });
      expect(after.status).toBe(200);
      expect(after.json.accessToken).not.toBe(before.json.accessToken);
      expect(after.json.scopes).toEqual(expect.arrayContaining(['openid', 'email']));

      const refreshed = await browser.api('POST', '/refresh-token', { providerId: 'oidc' });
      expect(refreshed.status).toBe(200);
      expect(refreshed.json.accessToken).not.toBe(after.json.accessToken);
      const stored = await database.getAccountByProvider('oidc', someone.sub);
      expect(stored.refreshToken).toMatch(/^v1:/);
      expect(stored.refreshToken).not.toContain(refreshed.json.refreshToken);
    });

    it('a refresh the provider refuses: 400 FAILED_TO_REFRESH_ACCESS_TOKEN, 400 FAILED_TO_GET_ACCESS_TOKEN', async () => {
      const octo = person('revoked');
      await providers.oauth.control('/__test/users', { sub: octo.sub, id: octo.sub, email: octo.email, verified: true, name: 'Revoked' });
      const browser = new Browser(auth.handler);
      await signIn(browser, { provider: 'acme', loginHint: octo.sub });
      const account = await database.getAccountByProvider('acme', octo.sub);
      // A refresh token the provider never issued (as after a revocation): the encrypted access token stands in.
      await database.updateAccount(account.id, { refreshToken: account.accessToken, accessTokenExpiresAt: new Date(Date.now() - 1000) });
      expect(await browser.api('POST', '/refresh-token', { providerId: 'acme' })).toMatchObject({ status: 400, json: { code: 'FAILED_TO_REFRESH_ACCESS_TOKEN' } });
      expect(await browser.api('POST', '/get-access-token', { providerId: 'acme' })).toMatchObject({ status: 400, json: { code: 'FAILED_TO_GET_ACCESS_TOKEN' } });
    });
  });
});
