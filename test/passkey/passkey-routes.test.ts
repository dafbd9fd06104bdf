import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import type { AppDatabase } from '../../examples/create-auth';
import { describeOnEveryBackend } from '../support/backends';
import { Browser } from '../support/browser';
import { followLink } from '../support/lifecycle-auth';
import { makePasskeyAuth, newAuthenticator, registerPasskey, signedUpBrowser, signInWithPasskey, type PasskeySetup } from './passkey-auth';

const CHALLENGE_COOKIE = 'better-auth.better-auth-passkey';

describeOnEveryBackend('PasskeyPlugin routes', (backend) => {
  const setup = (options: Parameters<typeof makePasskeyAuth>[1] = {}) => makePasskeyAuth(backend.database(), options);
  const sessionsOf = (s: PasskeySetup, userId: string) => s.database.listSessionsForUser(userId);

  /** A user with one registered passkey, signed out afterwards (a fresh browser with no cookies). */
  async function userWithPasskey(s: PasskeySetup) {
    const owner = await signedUpBrowser(s);
    const authenticator = newAuthenticator();
    const registered = await registerPasskey(owner.browser, authenticator, 'Laptop');
    expect(registered.status).toBe(200);
    return { ...owner, authenticator, passkey: registered.json, signedOut: new Browser(s.auth.handler) };
  }

  it('registers a passkey for the signed-in user and answers the stored row, named and without secrets', async () => {
    const s = setup();
    const { browser, userId, email } = await signedUpBrowser(s);
    const options = await browser.get('/passkey/generate-register-options?name=work%20laptop&authenticatorAttachment=platform');
    expect(options.status).toBe(200);
    expect(options.json).toMatchObject({ rp: { id: 'localhost', name: 'localhost' }, user: { name: 'work laptop', displayName: email }, attestation: 'none' });
    expect(options.json.authenticatorSelection).toMatchObject({ authenticatorAttachment: 'platform', residentKey: 'preferred', userVerification: 'preferred' });
    expect(options.json.user.id).not.toContain(userId);
    expect(options.setCookies.join()).toMatch(new RegExp(`^${CHALLENGE_COOKIE.replace('.', '\\.')}=.+Max-Age=300`));

    const answer = await browser.post('/passkey/verify-registration', { response: newAuthenticator().register(options.json), name: 'Laptop' });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ name: 'Laptop', userId, counter: 0, deviceType: 'singleDevice', backedUp: false, transports: 'internal', aaguid: '00000000-0000-0000-0000-000000000000' });
    expect(typeof answer.json.publicKey).toBe('string');
    expect(await s.passkeys().count({ userId })).toBe(1);
  });

  it('stores only the transports WebAuthn defines, whatever else the browser claims', async () => {
    const s = setup();
    const { browser } = await signedUpBrowser(s);
    const options = await browser.get('/passkey/generate-register-options');
    const response = newAuthenticator().register(options.json);
    const answer = await browser.post('/passkey/verify-registration', { response: { ...response, response: { ...response.response, transports: ['usb', 'x'.repeat(300), 7, 'hybrid'] } } });
    expect([answer.status, answer.json.transports]).toEqual([200, 'usb,hybrid']);
  });

  it("lists the user's passkeys in excludeCredentials of the next registration options", async () => {
    const s = setup();
    const { browser, passkey } = await userWithPasskey(s).then(async (u) => ({ ...u, browser: u.browser }));
    const options = await browser.get('/passkey/generate-register-options');
    expect(options.json.excludeCredentials).toEqual([{ id: passkey.credentialID, type: 'public-key', transports: ['internal'] }]);
  });

  it('refuses registration options without a session (401) and stores no challenge cookie', async () => {
    const s = setup();
    const answer = await new Browser(s.auth.handler).get('/passkey/generate-register-options');
    expect(answer.status).toBe(401);
    expect(answer.setCookies).toEqual([]);
  });

  it('signs in with the passkey when signed out: { session, user }, the session cookie, and the counter raised', async () => {
    const s = setup();
    const { authenticator, signedOut, userId, passkey } = await userWithPasskey(s);
    const options = await signedOut.get('/passkey/generate-authenticate-options');
    expect(options.json.allowCredentials).toBeUndefined();
    expect(options.json.rpId).toBe('localhost');
    const answer = await signedOut.post('/passkey/verify-authentication', { response: authenticator.authenticate(options.json) });
    expect(answer.status).toBe(200);
    expect(answer.json.user).toMatchObject({ id: userId });
    expect(answer.json.session).toMatchObject({ userId });
    expect(signedOut.cookie('better-auth.session_token')).toBeDefined();
    expect(signedOut.cookie(CHALLENGE_COOKIE)).toBeUndefined();
    const session = await signedOut.get('/get-session');
    expect(session.json.user.id).toBe(userId);
    expect((await s.passkeys().findOne({ id: passkey.id }))?.counter).toBe(1);
  });

  it("offers a signed-in user's own passkeys in allowCredentials", async () => {
    const s = setup();
    const { browser, passkey } = await userWithPasskey(s);
    const options = await browser.get('/passkey/generate-authenticate-options');
    expect(options.json.allowCredentials).toEqual([{ id: passkey.credentialID, type: 'public-key', transports: ['internal'] }]);
  });

  it('refuses a replayed assertion with 400 CHALLENGE_NOT_FOUND and opens no second session', async () => {
    const s = setup();
    const { authenticator, signedOut, userId } = await userWithPasskey(s);
    const options = await signedOut.get('/passkey/generate-authenticate-options');
    const challengeCookie = signedOut.cookie(CHALLENGE_COOKIE)!;
    const assertion = authenticator.authenticate(options.json);
    expect((await signedOut.post('/passkey/verify-authentication', { response: assertion })).status).toBe(200);
    const before = (await sessionsOf(s, userId)).length;

    const attacker = new Browser(s.auth.handler);
    attacker.jar.set(CHALLENGE_COOKIE, challengeCookie);
    const replay = await attacker.post('/passkey/verify-authentication', { response: assertion });
    expect([replay.status, replay.json.code]).toEqual([400, 'CHALLENGE_NOT_FOUND']);
    expect(await sessionsOf(s, userId)).toHaveLength(before);
  });

  it('signs in once when one assertion is sent eight times at once with its challenge cookie', async () => {
    const s = setup();
    const { authenticator, signedOut, userId } = await userWithPasskey(s);
    const before = (await sessionsOf(s, userId)).length;
    const options = await signedOut.get('/passkey/generate-authenticate-options');
    const assertion = authenticator.authenticate(options.json);
    const answers = await Promise.all(Array.from({ length: 8 }, () => signedOut.clone().post('/passkey/verify-authentication', { response: assertion })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400, 400, 400, 400, 400, 400, 400]);
    expect(await sessionsOf(s, userId)).toHaveLength(before + 1);
  });

  it("refuses a challenge of the other ceremony with 400 CHALLENGE_NOT_FOUND, both ways, storing nothing", async () => {
    const s = setup();
    const { browser, authenticator, userId } = await userWithPasskey(s);
    const sessionsBefore = (await sessionsOf(s, userId)).length;
    const registration = await browser.get('/passkey/generate-register-options');
    const signIn = await browser.post('/passkey/verify-authentication', { response: authenticator.authenticate(registration.json) });
    expect([signIn.status, signIn.json.code]).toEqual([400, 'CHALLENGE_NOT_FOUND']);
    expect(await sessionsOf(s, userId)).toHaveLength(sessionsBefore);

    const authentication = await browser.get('/passkey/generate-authenticate-options');
    const register = await browser.post('/passkey/verify-registration', { response: newAuthenticator().register({ ...authentication.json, user: { id: 'x' } }) });
    expect([register.status, register.json.code]).toEqual([400, 'CHALLENGE_NOT_FOUND']);
    expect(await s.passkeys().count({ userId })).toBe(1);
  });

  it('refuses an assertion made for another origin or rp id with 400 AUTHENTICATION_FAILED and opens no session', async () => {
    const s = setup();
    const { authenticator, userId } = await userWithPasskey(s);
    const before = (await sessionsOf(s, userId)).length;
    for (const tweak of [{ origin: 'https://evil.example' }, { rpId: 'evil.example' }]) {
      const answer = await signInWithPasskey(new Browser(s.auth.handler), authenticator, tweak);
      expect([answer.status, answer.json.code]).toEqual([400, 'AUTHENTICATION_FAILED']);
    }
    expect(await sessionsOf(s, userId)).toHaveLength(before);
  });

  it('refuses a registration made for another origin or rp id with 400 FAILED_TO_VERIFY_REGISTRATION and stores no passkey', async () => {
    const s = setup();
    const { browser, userId } = await signedUpBrowser(s);
    for (const tweak of [{ origin: 'https://evil.example' }, { rpId: 'evil.example' }]) {
      const options = await browser.get('/passkey/generate-register-options');
      const answer = await browser.post('/passkey/verify-registration', { response: newAuthenticator().register(options.json, tweak) });
      expect([answer.status, answer.json.code]).toEqual([400, 'FAILED_TO_VERIFY_REGISTRATION']);
    }
    expect(await s.passkeys().count({ userId })).toBe(0);
  });

  it('accepts the origin and rp id set in the options (behind a proxy) and refuses the base URL then', async () => {
    const s = setup({ rpID: 'example.com', origin: 'https://example.com' });
    const { browser, userId } = await signedUpBrowser(s);
    const options = await browser.get('/passkey/generate-register-options');
    expect(options.json.rp.id).toBe('example.com');
    const proxied = await browser.post('/passkey/verify-registration', { response: newAuthenticator().register(options.json, { origin: 'https://example.com', rpId: 'example.com' }) });
    expect(proxied.status).toBe(200);
    const again = await browser.get('/passkey/generate-register-options');
    const direct = await browser.post('/passkey/verify-registration', { response: newAuthenticator().register(again.json) });
    expect([direct.status, direct.json.code]).toEqual([400, 'FAILED_TO_VERIFY_REGISTRATION']);
    expect(await s.passkeys().count({ userId })).toBe(1);
  });

  it('refuses a bad signature with 401 AUTHENTICATION_FAILED and opens no session', async () => {
    const s = setup();
    const { authenticator, signedOut, userId } = await userWithPasskey(s);
    const before = (await sessionsOf(s, userId)).length;
    const options = await signedOut.get('/passkey/generate-authenticate-options');
    const assertion = authenticator.authenticate(options.json);
    const signature = Buffer.from(assertion.response.signature, 'base64url');
    signature[signature.length - 1] ^= 0x01;
    assertion.response.signature = signature.toString('base64url');
    const answer = await signedOut.post('/passkey/verify-authentication', { response: assertion });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.json.code).toBe('AUTHENTICATION_FAILED');
    expect(await sessionsOf(s, userId)).toHaveLength(before);
  });

  it('refuses a signature counter that does not rise (a cloned authenticator) and keeps the stored counter', async () => {
    const s = setup();
    const { authenticator, passkey, userId } = await userWithPasskey(s);
    expect((await signInWithPasskey(new Browser(s.auth.handler), authenticator, { counter: 5 })).status).toBe(200);
    const before = (await sessionsOf(s, userId)).length;
    for (const counter of [5, 4]) {
      const answer = await signInWithPasskey(new Browser(s.auth.handler), authenticator, { counter });
      expect([answer.status, answer.json.code]).toEqual([400, 'AUTHENTICATION_FAILED']);
    }
    expect(await sessionsOf(s, userId)).toHaveLength(before);
    expect((await s.passkeys().findOne({ id: passkey.id }))?.counter).toBe(5);
  });

  it('refuses an unknown credential with 401 PASSKEY_NOT_FOUND', async () => {
    const s = setup();
    const { authenticator } = await userWithPasskey(s);
    const answer = await signInWithPasskey(new Browser(s.auth.handler), authenticator, { credentialId: Buffer.from('no such credential').toString('base64url') });
    expect([answer.status, answer.json.code]).toEqual([401, 'PASSKEY_NOT_FOUND']);
  });

  it('answers malformed or truncated responses with a 400 and stores nothing (better-auth answers 500)', async () => {
    const s = setup();
    const { browser, authenticator, userId } = await userWithPasskey(s);
    const sessionsBefore = (await sessionsOf(s, userId)).length;
    const registration = async (mangle: (response: ReturnType<typeof authenticator.register>) => unknown) => {
      const options = await browser.get('/passkey/generate-register-options');
      return browser.post('/passkey/verify-registration', { response: mangle(newAuthenticator().register(options.json)) });
    };
    const truncate = (value: string) => value.slice(0, Math.floor(value.length / 2));
    for (const mangle of [
      (r: any) => ({ ...r, response: { ...r.response, attestationObject: truncate(r.response.attestationObject) } }),
      (r: any) => ({ ...r, response: { ...r.response, clientDataJSON: 'not*base64' } }),
      (r: any) => ({ ...r, response: 'nothing' }),
      () => ({}),
    ]) {
      const answer = await registration(mangle);
      expect([answer.status, answer.json.code]).toEqual([400, 'FAILED_TO_VERIFY_REGISTRATION']);
    }
    expect(await s.passkeys().count({ userId })).toBe(1);

    for (const mangle of [
      (a: any) => ({ ...a, response: { ...a.response, authenticatorData: truncate(a.response.authenticatorData) } }),
      (a: any) => ({ ...a, response: { ...a.response, clientDataJSON: Buffer.from('{"type":').toString('base64url') } }),
      (a: any) => ({ ...a, response: undefined }),
    ]) {
      const options = await browser.get('/passkey/generate-authenticate-options');
      const answer = await browser.post('/passkey/verify-authentication', { response: mangle(authenticator.authenticate(options.json)) });
      expect(answer.status).toBe(400);
      expect(answer.json.code).toBe('AUTHENTICATION_FAILED');
    }
    const noBody = await browser.post('/passkey/verify-authentication', { response: 'text' });
    expect([noBody.status, noBody.json.code]).toEqual([400, 'VALIDATION_ERROR']);
    expect(await sessionsOf(s, userId)).toHaveLength(sessionsBefore);
  });

  it('lists, renames and deletes the caller own passkeys', async () => {
    const s = setup();
    const { browser, passkey, userId } = await userWithPasskey(s);
    const listed = await browser.get('/passkey/list-user-passkeys');
    expect(listed.json.map((p: { id: string }) => p.id)).toEqual([passkey.id]);
    const renamed = await browser.post('/passkey/update-passkey', { id: passkey.id, name: '  Phone ' });
    expect([renamed.status, renamed.json.passkey.name]).toEqual([200, 'Phone']);
    const blank = await browser.post('/passkey/update-passkey', { id: passkey.id, name: '   ' });
    expect([blank.status, blank.json.code]).toEqual([400, 'VALIDATION_ERROR']);
    const deleted = await browser.post('/passkey/delete-passkey', { id: passkey.id });
    expect([deleted.status, deleted.json]).toEqual([200, { status: true }]);
    expect(await s.passkeys().count({ userId })).toBe(0);
    const gone = await browser.post('/passkey/delete-passkey', { id: passkey.id });
    expect([gone.status, gone.json.code]).toEqual([404, 'PASSKEY_NOT_FOUND']);
  });

  it("refuses to rename or delete another user's passkey with a 401 and a code, leaving it as it was", async () => {
    const s = setup();
    const victim = await userWithPasskey(s);
    const { browser: intruder } = await signedUpBrowser(s);
    const rename = await intruder.post('/passkey/update-passkey', { id: victim.passkey.id, name: 'mine now' });
    expect([rename.status, rename.json.code]).toEqual([401, 'YOU_ARE_NOT_ALLOWED_TO_REGISTER_THIS_PASSKEY']);
    const remove = await intruder.post('/passkey/delete-passkey', { id: victim.passkey.id });
    expect([remove.status, remove.json.code]).toEqual([401, 'YOU_ARE_NOT_ALLOWED_TO_REGISTER_THIS_PASSKEY']);
    expect(await s.passkeys().findOne({ id: victim.passkey.id })).toMatchObject({ name: 'Laptop', userId: victim.userId });
    expect((await intruder.get('/passkey/list-user-passkeys')).json).toEqual([]);
  });

  it('neither verifies the address nor clears anything on passkey sign-in; the owner proving the address later removes passkeys set up before', async () => {
    const s = setup();
    const { authenticator, userId, email } = await userWithPasskey(s);
    expect((await signInWithPasskey(new Browser(s.auth.handler), authenticator)).status).toBe(200);
    expect(s.auth.context.models.user.read((await s.database.getUserById(userId))!, 'emailVerified')).toBe(false);
    expect(await s.database.listAccountsForUser(userId)).toHaveLength(1);

    await new Browser(s.auth.handler).post('/sign-in/magic-link', { email, callbackURL: '/' });
    await s.settle();
    const { url } = await s.mail.next({ kind: 'magic-link:sign-in', to: email });
    expect((await followLink(s.auth.handler, url)).status).toBe(302);
    expect(await s.passkeys().count({ userId })).toBe(0);
    const squatter = await signInWithPasskey(new Browser(s.auth.handler), authenticator);
    expect([squatter.status, squatter.json.code]).toEqual([401, 'PASSKEY_NOT_FOUND']);
  });
});

describe('PasskeyPlugin in the sign-in pipeline (memory adapter, built-in entities with ban and two-factor fields)', () => {
  const setup = () => makePasskeyAuth(new MemoryDatabaseAdapter() as unknown as AppDatabase, {}, true);
  const sessionsOf = (s: PasskeySetup, userId: string) => s.database.listSessionsForUser(userId);
  async function userWithPasskey(s: PasskeySetup) {
    const owner = await signedUpBrowser(s);
    const authenticator = newAuthenticator();
    expect((await registerPasskey(owner.browser, authenticator, 'Laptop')).status).toBe(200);
    return { ...owner, authenticator };
  }

  it('refuses a banned user through the sign-in pipeline (403 BANNED_USER) and opens no session', async () => {
    const s = setup();
    const { authenticator, userId } = await userWithPasskey(s);
    await s.database.updateUser(userId, { banned: true } as never);
    await s.database.deleteSessionsForUser(userId);
    const answer = await signInWithPasskey(new Browser(s.auth.handler), authenticator);
    expect([answer.status, answer.json.code]).toEqual([403, 'BANNED_USER']);
    expect(await sessionsOf(s, userId)).toHaveLength(0);
  });

  it('signs a two-factor user straight in with a user-verified passkey, and asks for the second factor without user verification', async () => {
    const s = setup();
    const { authenticator, userId } = await userWithPasskey(s);
    await s.database.updateUser(userId, { twoFactorEnabled: true } as never);
    const verified = await signInWithPasskey(new Browser(s.auth.handler), authenticator);
    expect(verified.status).toBe(200);
    expect(verified.json.session.userId).toBe(userId);

    const presenceOnly = new Browser(s.auth.handler);
    const answer = await signInWithPasskey(presenceOnly, authenticator, { userVerified: false });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ twoFactorRedirect: true });
    expect(presenceOnly.cookie('better-auth.session_token')).toBeUndefined();
  });
});
