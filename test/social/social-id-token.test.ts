import type { DatabaseAdapter } from 'better-auth-entities/adapters';
import { Browser } from './browser';
import { socialBackends } from './flows';
import { makeSocialAuth, person, startProviders, type Providers } from './social-setup';

/**
 * `POST /sign-in/social` with `idToken`: the client already holds an ID token from the provider's own SDK (no
 * redirect). The hand-written server mints the tokens (`/__test/mint-id-token`), wrong in the way its mode says,
 * and publishes the keys our verifier fetches over HTTP.
 */
let providers: Providers;
beforeAll(async () => {
  providers = await startProviders();
});
afterAll(async () => {
  await providers.oidc.stop();
  await providers.oauth.stop();
});

async function mint(sub: string, nonce?: string): Promise<string> {
  const answer = await fetch(`${providers.oauth.url}/__test/mint-id-token`, { method: 'POST', body: JSON.stringify({ sub, nonce }) });
  return ((await answer.json()) as { idToken: string }).idToken;
}

describe.each(socialBackends('social_id_token'))('sign-in with an ID token on %s', (_name, open) => {
  let database: DatabaseAdapter<any, any, any, any, any, any, any>;
  let auth: ReturnType<typeof makeSocialAuth>;
  // What the auth instance logs: a refused token is one warning naming the check that refused it.
  const warnings: string[] = [];
  beforeAll(async () => {
    database = await open();
    auth = makeSocialAuth(database, providers, {}, {}, [], { logger: { warn: (message) => warnings.push(message), error: (message) => warnings.push(`error: ${message}`) } });
  });
  beforeEach(() => {
    warnings.length = 0;
  });

  async function rogueUser(prefix: string) {
    const someone = person(prefix);
    await providers.oauth.control('/__test/users', { sub: someone.sub, id: someone.sub, email: someone.email, verified: true, name: 'Tess' });
    return someone;
  }

  it('a verified token signs the user up and in at once: { redirect: false, token, user } and the session cookie', async () => {
    const tess = await rogueUser('idt-ok');
    const browser = new Browser(auth.handler);
    const answer = await browser.api('POST', '/sign-in/social', { provider: 'rogue', idToken: { token: await mint(tess.sub, 'n-123'), nonce: 'n-123' } });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ redirect: false, token: expect.any(String), url: null, user: expect.objectContaining({ email: tess.email, emailVerified: true }) });
    expect((await browser.api('GET', '/get-session')).json.user.email).toBe(tess.email);
    const user = await database.getUserByEmail(tess.email);
    const accounts = await database.listAccountsForUser(user.id);
    expect(accounts.map((account: { providerId: string; accountId: string }) => [account.providerId, account.accountId])).toEqual([['rogue', tess.sub]]);
    expect(accounts[0].idToken).toMatch(/^v1:/); // sealed at rest like every provider token
  });

  // Each token is wrong in one way only, and is refused for that reason: the log line carries jose's error
  // code and message for the check that failed (an error thrown for any other reason, as jose's error classes
  // once were under ts-jest, fails these).
  const REFUSED = 'social sign-in: rogue ID token refused (invalid_id_token): ';
  it.each([
    ['signed with a key the issuer never published', 'forged', 'RS256', 'signature verification failed (ERR_JWS_SIGNATURE_VERIFICATION_FAILED)'],
    ['expired', 'expired', 'RS256', '"exp" claim timestamp check failed (ERR_JWT_EXPIRED)'],
    ['for another audience', 'wrong-audience', 'RS256', 'unexpected "aud" claim value (ERR_JWT_CLAIM_VALIDATION_FAILED)'],
    ['from another issuer', 'wrong-issuer', 'RS256', 'unexpected "iss" claim value (ERR_JWT_CLAIM_VALIDATION_FAILED)'],
    ['unsigned (alg none)', 'alg-none', 'none', '"alg" (Algorithm) Header Parameter value not allowed (ERR_JOSE_ALG_NOT_ALLOWED)'],
    ['HMAC-signed with the client secret (HS256)', 'hs256', 'HS256', '"alg" (Algorithm) Header Parameter value not allowed (ERR_JOSE_ALG_NOT_ALLOWED)'],
  ])('a token %s: 401 INVALID_ID_TOKEN, no user, no session, refused for that reason', async (_label, mode, alg, reason) => {
    const mallory = await rogueUser(`idt-${mode}`);
    await providers.oauth.control('/__test/id-token-mode', { mode });
    try {
      const token = await mint(mallory.sub);
      expect(JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()).alg).toBe(alg);
      const browser = new Browser(auth.handler);
      const answer = await browser.api('POST', '/sign-in/social', { provider: 'rogue', idToken: { token } });
      expect({ status: answer.status, code: answer.json.code }).toEqual({ status: 401, code: 'INVALID_ID_TOKEN' });
      expect(warnings).toEqual([REFUSED + reason]);
      expect((await browser.api('GET', '/get-session')).json).toBeNull();
      expect(await database.getUserByEmail(mallory.email)).toBeNull();
    } finally {
      await providers.oauth.control('/__test/id-token-mode', { mode: 'valid' });
    }
  });

  it('a nonce other than the one the client says it used: 401; a token from the same user still works after', async () => {
    const eve = await rogueUser('idt-nonce');
    const wrong = await new Browser(auth.handler).api('POST', '/sign-in/social', { provider: 'rogue', idToken: { token: await mint(eve.sub, 'minted-for-another-page'), nonce: 'ours' } });
    expect({ status: wrong.status, code: wrong.json.code }).toEqual({ status: 401, code: 'INVALID_ID_TOKEN' });
    expect(warnings).toEqual([`${REFUSED}nonce mismatch`]);
    expect(await database.getUserByEmail(eve.email)).toBeNull();
    const right = await new Browser(auth.handler).api('POST', '/sign-in/social', { provider: 'rogue', idToken: { token: await mint(eve.sub, 'ours'), nonce: 'ours' } });
    expect({ status: right.status, email: right.json.user?.email }).toEqual({ status: 200, email: eve.email });
  });

  it('bad bodies are 400 VALIDATION_ERROR; an open callbackURL is 403 before the token is looked at', async () => {
    const browser = new Browser(auth.handler);
    for (const idToken of [{}, { token: 42 }, { token: '' }, { token: 'x'.repeat(9000) }, 'a-string']) {
      const answer = await browser.api('POST', '/sign-in/social', { provider: 'rogue', idToken });
      expect({ status: answer.status, code: answer.json.code }).toEqual({ status: 400, code: 'VALIDATION_ERROR' });
    }
    const open = await browser.api('POST', '/sign-in/social', { provider: 'rogue', callbackURL: 'https://evil.example', idToken: { token: 'x' } });
    expect({ status: open.status, code: open.json.code }).toEqual({ status: 403, code: 'INVALID_CALLBACK_URL' });
  });
});
