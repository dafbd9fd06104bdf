import { BetterAuth, ConfigError, digestToken } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { PasswordManagementPlugin } from 'better-auth-entities/plugins';
import { advanceClock, followLink, makeLifecycleAuth, socialUser } from '../support/lifecycle-auth';
import { call, PASSWORD, signUp, TEST_SECRET, uniqueEmail } from '../support/test-auth';

const NEW_PASSWORD = 'a brand new passphrase 42';

afterEach(() => jest.restoreAllMocks());

/** Asks for a reset and returns the emailed link. */
async function requestReset(setup: ReturnType<typeof makeLifecycleAuth>, email: string, redirectTo?: string) {
  const answer = await call(setup.auth.handler, 'POST', '/request-password-reset', { body: { email, ...(redirectTo ? { redirectTo } : {}) } });
  expect(answer.status).toBe(200);
  const message = await setup.mail.next({ kind: 'reset-password', to: email });
  return { answer, url: message.url, token: message.token, message };
}

describe('password reset by email', () => {
  it('walks the whole flow: request, emailed link, redirect with the token, new password, old sessions gone', async () => {
    const setup = makeLifecycleAuth();
    const { email, token: oldSession } = await signUp(setup.auth.handler);
    const { answer, url, message } = await requestReset(setup, email, '/reset-password-page');

    expect(answer.json).toEqual({ status: true, message: expect.any(String) });
    expect(message).toMatchObject({ to: email, subject: expect.any(String), kind: 'reset-password' });
    expect(message.text).toContain(url);
    expect(url).toMatch(/^http:\/\/localhost:3000\/api\/auth\/reset-password\/[A-Za-z0-9_-]{43}\?callbackURL=%2Freset-password-page$/);

    const landing = await followLink(setup.auth.handler, url);
    expect(landing.status).toBe(302);
    expect(landing.location!.origin + landing.location!.pathname).toBe('http://localhost:3000/reset-password-page');
    const token = landing.location!.searchParams.get('token')!;

    const reset = await call(setup.auth.handler, 'POST', '/reset-password', { body: { newPassword: NEW_PASSWORD, token } });
    expect([reset.status, reset.json]).toEqual([200, { status: true }]);
    expect((await call(setup.auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } })).status).toBe(401);
    expect((await call(setup.auth.handler, 'POST', '/sign-in/email', { body: { email, password: NEW_PASSWORD } })).status).toBe(200);
    expect((await call(setup.auth.handler, 'GET', '/get-session', { bearer: oldSession })).json).toBeNull();
  });

  it('answers an unknown address exactly as a known one, and emails nobody', async () => {
    const setup = makeLifecycleAuth();
    const { email } = await signUp(setup.auth.handler);
    const known = await call(setup.auth.handler, 'POST', '/request-password-reset', { body: { email } });
    const unknown = await call(setup.auth.handler, 'POST', '/request-password-reset', { body: { email: uniqueEmail('nobody') } });
    await setup.settle();

    expect(unknown.status).toBe(known.status);
    expect(unknown.json).toEqual(known.json);
    expect(setup.mail.sent.map((m) => m.to)).toEqual([email]);
  });

  it('answers before the email is sent, so a slow mail provider cannot tell whether the address exists', async () => {
    const setup = makeLifecycleAuth();
    const { email } = await signUp(setup.auth.handler);
    jest.spyOn(setup.mail, 'send').mockImplementation(() => new Promise(() => {})); // never delivers
    const answer = await call(setup.auth.handler, 'POST', '/request-password-reset', { body: { email } });
    expect([answer.status, answer.json.status]).toEqual([200, true]);
  });

  it('logs a failed send without the token or link, and still answers 200', async () => {
    const errors: string[] = [];
    const setup = makeLifecycleAuth({ config: { logger: { error: (m: string) => errors.push(m), warn: () => {} } } });
    const { email } = await signUp(setup.auth.handler);
    let leaked = '';
    jest.spyOn(setup.mail, 'send').mockImplementation(async (message) => {
      leaked = message.token;
      throw new Error(`provider rejected ${message.url} (token ${message.token})`);
    });
    const answer = await call(setup.auth.handler, 'POST', '/request-password-reset', { body: { email } });
    await setup.settle();

    expect(answer.status).toBe(200);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/reset-password email failed/);
    expect(leaked).not.toBe('');
    expect(errors[0]).not.toContain(leaked);
  });

  it('also answers at the older path /forget-password', async () => {
    const setup = makeLifecycleAuth();
    const { email } = await signUp(setup.auth.handler);
    const answer = await call(setup.auth.handler, 'POST', '/forget-password', { body: { email } });
    expect(answer.status).toBe(200);
    expect((await setup.mail.next({ kind: 'reset-password', to: email })).url).toContain('/reset-password/');
  });

  it('stores only the digest of the reset token', async () => {
    const setup = makeLifecycleAuth();
    const { email } = await signUp(setup.auth.handler);
    const { token } = await requestReset(setup, email);
    const db = setup.database;
    expect(await db.getVerificationByIdentifier(`reset-password:${token}`)).toBeNull();
    expect(await db.getVerificationByIdentifier(`reset-password:${digestToken(token)}`)).not.toBeNull();
  });

  it('refuses a reused token with 400 INVALID_TOKEN', async () => {
    const setup = makeLifecycleAuth();
    const { email } = await signUp(setup.auth.handler);
    const { token } = await requestReset(setup, email);
    const first = await call(setup.auth.handler, 'POST', '/reset-password', { body: { newPassword: NEW_PASSWORD, token } });
    const second = await call(setup.auth.handler, 'POST', '/reset-password', { body: { newPassword: 'yet another password', token } });

    expect(first.status).toBe(200);
    expect([second.status, second.json.code]).toEqual([400, 'INVALID_TOKEN']);
    expect((await call(setup.auth.handler, 'POST', '/sign-in/email', { body: { email, password: NEW_PASSWORD } })).status).toBe(200);
  });

  it('refuses an expired token with 400 TOKEN_EXPIRED, and its link redirects with error=INVALID_TOKEN', async () => {
    const setup = makeLifecycleAuth();
    const { email } = await signUp(setup.auth.handler);
    const { token, url } = await requestReset(setup, email, '/reset');
    advanceClock(60 * 60 * 1000 + 1000);

    const landing = await followLink(setup.auth.handler, url);
    expect(landing.status).toBe(302);
    expect(landing.location!.searchParams.get('error')).toBe('INVALID_TOKEN');
    expect(landing.location!.searchParams.has('token')).toBe(false);
    const reset = await call(setup.auth.handler, 'POST', '/reset-password', { body: { newPassword: NEW_PASSWORD, token } });
    expect([reset.status, reset.json.code]).toEqual([400, 'TOKEN_EXPIRED']);
    expect((await call(setup.auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } })).status).toBe(200);
  });

  it('honours a shorter token lifetime', async () => {
    const setup = makeLifecycleAuth({ passwordManagement: { resetPasswordTokenExpiresIn: 60 } });
    const { email } = await signUp(setup.auth.handler);
    const { token } = await requestReset(setup, email);
    advanceClock(61 * 1000);
    expect((await call(setup.auth.handler, 'POST', '/reset-password', { body: { newPassword: NEW_PASSWORD, token } })).json.code).toBe('TOKEN_EXPIRED');
  });

  it('lets exactly one of 50 concurrent resets with one token succeed', async () => {
    const setup = makeLifecycleAuth();
    const { email } = await signUp(setup.auth.handler);
    const { token } = await requestReset(setup, email);
    const hash = jest.spyOn(setup.auth.context.hasher, 'hash');
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => call(setup.auth.handler, 'POST', '/reset-password', { body: { newPassword: `${NEW_PASSWORD} ${i}`, token } })),
    );

    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 400 && r.json.code === 'INVALID_TOKEN')).toHaveLength(49);
    expect(hash).toHaveBeenCalledTimes(1); // the losers never hashed
    const winner = results.findIndex((r) => r.status === 200);
    expect((await call(setup.auth.handler, 'POST', '/sign-in/email', { body: { email, password: `${NEW_PASSWORD} ${winner}` } })).status).toBe(200);
  });

  it('refuses a too-short new password without using the token up', async () => {
    const setup = makeLifecycleAuth();
    const { email } = await signUp(setup.auth.handler);
    const { token } = await requestReset(setup, email);
    const short = await call(setup.auth.handler, 'POST', '/reset-password', { body: { newPassword: 'short', token } });
    expect([short.status, short.json.code]).toEqual([400, 'PASSWORD_TOO_SHORT']);
    expect((await call(setup.auth.handler, 'POST', '/reset-password', { body: { newPassword: NEW_PASSWORD, token } })).status).toBe(200);
  });

  it('accepts the token in the query string, as better-auth does', async () => {
    const setup = makeLifecycleAuth();
    const { email } = await signUp(setup.auth.handler);
    const { token } = await requestReset(setup, email);
    const reset = await call(setup.auth.handler, 'POST', `/reset-password?token=${encodeURIComponent(token)}`, { body: { newPassword: NEW_PASSWORD } });
    expect(reset.status).toBe(200);
  });

  it('answers 400 INVALID_TOKEN for an unknown token or none at all', async () => {
    const setup = makeLifecycleAuth();
    const unknown = await call(setup.auth.handler, 'POST', '/reset-password', { body: { newPassword: NEW_PASSWORD, token: 'x'.repeat(43) } });
    const none = await call(setup.auth.handler, 'POST', '/reset-password', { body: { newPassword: NEW_PASSWORD } });
    expect([unknown.status, unknown.json.code, none.status, none.json.code]).toEqual([400, 'INVALID_TOKEN', 400, 'INVALID_TOKEN']);
  });

  it('keeps the sessions when revokeSessionsOnPasswordReset is off', async () => {
    const setup = makeLifecycleAuth({ passwordManagement: { revokeSessionsOnPasswordReset: false } });
    const { email, token: session } = await signUp(setup.auth.handler);
    const { token } = await requestReset(setup, email);
    await call(setup.auth.handler, 'POST', '/reset-password', { body: { newPassword: NEW_PASSWORD, token } });
    expect((await call(setup.auth.handler, 'GET', '/get-session', { bearer: session })).json?.user?.id).toEqual(expect.any(String));
  });

  it('gives a social-only user a password through a reset', async () => {
    const setup = makeLifecycleAuth();
    const email = uniqueEmail('social');
    await socialUser(setup.auth, email);
    const { token } = await requestReset(setup, email);
    await call(setup.auth.handler, 'POST', '/reset-password', { body: { newPassword: NEW_PASSWORD, token } });
    expect((await call(setup.auth.handler, 'POST', '/sign-in/email', { body: { email, password: NEW_PASSWORD } })).status).toBe(200);
  });

  it('answers the link without a callbackURL with { token } as JSON, and an unknown token with 400', async () => {
    const setup = makeLifecycleAuth();
    const { email } = await signUp(setup.auth.handler);
    const { token, url } = await requestReset(setup, email);
    expect(url).not.toContain('callbackURL');

    const good = await followLink(setup.auth.handler, url);
    const bad = await followLink(setup.auth.handler, url.replace(token, 'y'.repeat(43)));
    expect([good.status, good.json]).toEqual([200, { token }]);
    expect([bad.status, bad.json.code]).toEqual([400, 'INVALID_TOKEN']);
  });
});

describe('reset redirect targets', () => {
  it.each(['https://evil.example/steal', '//evil.example/steal', '/\\evil.example', 'javascript:alert(1)', 'https:evil.example'])(
    'refuses redirectTo %s with 403 INVALID_REDIRECT_URL and emails nothing',
    async (redirectTo) => {
      const setup = makeLifecycleAuth();
      const { email } = await signUp(setup.auth.handler);
      const answer = await call(setup.auth.handler, 'POST', '/request-password-reset', { body: { email, redirectTo } });
      await setup.settle();
      expect([answer.status, answer.json.code]).toEqual([403, 'INVALID_REDIRECT_URL']);
      expect(setup.mail.sent).toHaveLength(0);
    },
  );

  it('accepts a redirect to a configured trusted origin', async () => {
    const setup = makeLifecycleAuth({ config: { trustedOrigins: ['https://app.example.com'] } });
    const { email } = await signUp(setup.auth.handler);
    const { url } = await requestReset(setup, email, 'https://app.example.com/reset');
    const landing = await followLink(setup.auth.handler, url);
    expect(landing.location!.href).toMatch(/^https:\/\/app\.example\.com\/reset\?token=/);
  });

  it('refuses a crafted link whose callbackURL points off-site, without redirecting', async () => {
    const setup = makeLifecycleAuth();
    const { email } = await signUp(setup.auth.handler);
    const { token } = await requestReset(setup, email);
    const crafted = `http://localhost:3000/api/auth/reset-password/${token}?callbackURL=${encodeURIComponent('https://evil.example/')}`;
    const landing = await followLink(setup.auth.handler, crafted);
    expect([landing.status, landing.json.code, landing.location]).toEqual([403, 'INVALID_CALLBACK_URL', null]);
  });
});

describe('POST /change-password', () => {
  it('changes the password with the current one and answers { token: null, user }', async () => {
    const setup = makeLifecycleAuth();
    const { email, token } = await signUp(setup.auth.handler);
    const result = await call(setup.auth.handler, 'POST', '/change-password', { bearer: token, body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } });

    expect(result.status).toBe(200);
    expect(result.json).toEqual({ token: null, user: expect.objectContaining({ email }) });
    expect((await call(setup.auth.handler, 'POST', '/sign-in/email', { body: { email, password: NEW_PASSWORD } })).status).toBe(200);
    expect((await call(setup.auth.handler, 'GET', '/get-session', { bearer: token })).json?.user?.id).toEqual(expect.any(String));
  });

  it('answers 400 INVALID_PASSWORD for a wrong current password and changes nothing', async () => {
    const setup = makeLifecycleAuth();
    const { email, token } = await signUp(setup.auth.handler);
    const result = await call(setup.auth.handler, 'POST', '/change-password', { bearer: token, body: { currentPassword: 'not my password', newPassword: NEW_PASSWORD } });

    expect([result.status, result.json.code]).toEqual([400, 'INVALID_PASSWORD']);
    expect((await call(setup.auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } })).status).toBe(200);
  });

  it('with revokeOtherSessions ends every session and hands this client a new one', async () => {
    const setup = makeLifecycleAuth();
    const { email, token: first } = await signUp(setup.auth.handler);
    const other = (await call(setup.auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } })).json.token;
    const result = await call(setup.auth.handler, 'POST', '/change-password', {
      bearer: first,
      body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, revokeOtherSessions: true },
    });

    expect(result.status).toBe(200);
    expect(typeof result.json.token).toBe('string');
    expect(result.headers.get('set-cookie')).toMatch(/^better-auth\.session_token=/);
    expect((await call(setup.auth.handler, 'GET', '/get-session', { bearer: other })).json).toBeNull();
    expect((await call(setup.auth.handler, 'GET', '/get-session', { bearer: first })).json).toBeNull();
    expect((await call(setup.auth.handler, 'GET', '/get-session', { bearer: result.json.token })).json?.user?.id).toEqual(expect.any(String));
  });

  it('answers 400 CREDENTIAL_ACCOUNT_NOT_FOUND for a user without a password, and 401 without a session', async () => {
    const setup = makeLifecycleAuth();
    const { token } = await socialUser(setup.auth, uniqueEmail('social'));
    const social = await call(setup.auth.handler, 'POST', '/change-password', { bearer: token, body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } });
    const anonymous = await call(setup.auth.handler, 'POST', '/change-password', { body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } });
    expect([social.status, social.json.code]).toEqual([400, 'CREDENTIAL_ACCOUNT_NOT_FOUND']);
    expect([anonymous.status, anonymous.json.code]).toEqual([401, 'UNAUTHORIZED']);
  });

  it('refuses an over-long current password without hashing it', async () => {
    const setup = makeLifecycleAuth();
    const { token } = await signUp(setup.auth.handler);
    const verify = jest.spyOn(setup.auth.context.hasher, 'verify');
    const result = await call(setup.auth.handler, 'POST', '/change-password', { bearer: token, body: { currentPassword: 'p'.repeat(500), newPassword: NEW_PASSWORD } });
    expect([result.status, result.json.code]).toEqual([400, 'INVALID_PASSWORD']);
    expect(verify).not.toHaveBeenCalled();
  });
});

describe('POST /set-password', () => {
  it('adds a password to a social-only user, who can then sign in with it', async () => {
    const setup = makeLifecycleAuth();
    const email = uniqueEmail('social');
    const { token } = await socialUser(setup.auth, email);
    const result = await call(setup.auth.handler, 'POST', '/set-password', { bearer: token, body: { newPassword: NEW_PASSWORD } });

    expect([result.status, result.json]).toEqual([200, { status: true }]);
    expect((await call(setup.auth.handler, 'POST', '/sign-in/email', { body: { email, password: NEW_PASSWORD } })).status).toBe(200);
  });

  it('answers 400 PASSWORD_ALREADY_SET when the user has a password', async () => {
    const setup = makeLifecycleAuth();
    const { email, token } = await signUp(setup.auth.handler);
    const result = await call(setup.auth.handler, 'POST', '/set-password', { bearer: token, body: { newPassword: NEW_PASSWORD } });
    expect([result.status, result.json.code]).toEqual([400, 'PASSWORD_ALREADY_SET']);
    expect((await call(setup.auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } })).status).toBe(200);
  });

  it('answers 403 SESSION_NOT_FRESH from a session older than freshAge', async () => {
    const setup = makeLifecycleAuth({ config: { session: { freshAge: 60 } } });
    const { token } = await socialUser(setup.auth, uniqueEmail('social'));
    advanceClock(61 * 1000);
    const result = await call(setup.auth.handler, 'POST', '/set-password', { bearer: token, body: { newPassword: NEW_PASSWORD } });
    expect([result.status, result.json.code]).toEqual([403, 'SESSION_NOT_FRESH']);
  });
});

describe('PasswordManagementPlugin configuration', () => {
  it('refuses to build without an email sender', () => {
    const build = () => new BetterAuth({ secret: TEST_SECRET }).database(new MemoryDatabaseAdapter()).plugin(new PasswordManagementPlugin()).build();
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(/emailSender/);
  });
});
