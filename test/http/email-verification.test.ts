import { advanceClock, followLink, makeLifecycleAuth } from '../support/lifecycle-auth';
import { call, PASSWORD, signUp, uniqueEmail } from '../support/test-auth';

afterEach(() => jest.restoreAllMocks());

async function isVerified(setup: ReturnType<typeof makeLifecycleAuth>, email: string): Promise<boolean> {
  const user = await setup.database.getUserByEmail(email);
  return user!.emailVerified;
}

describe('verification on sign-up', () => {
  it('emails a link on sign-up; following it verifies the address and redirects to the callbackURL', async () => {
    const setup = makeLifecycleAuth({ emailVerification: { sendOnSignUp: true } });
    const email = uniqueEmail();
    const signUpAnswer = await call(setup.auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'V', callbackURL: '/welcome' } });
    expect(signUpAnswer.status).toBe(200);
    const { url, kind } = await setup.mail.next({ to: email });
    expect(kind).toBe('verify-email');
    expect(url).toMatch(/^http:\/\/localhost:3000\/api\/auth\/verify-email\?token=[A-Za-z0-9_-]{43}&callbackURL=%2Fwelcome$/);
    expect(await isVerified(setup, email)).toBe(false);

    const landing = await followLink(setup.auth.handler, url);
    expect([landing.status, landing.location?.href]).toEqual([302, 'http://localhost:3000/welcome']);
    expect(await isVerified(setup, email)).toBe(true);
    const session = await call(setup.auth.handler, 'GET', '/get-session', { bearer: signUpAnswer.json.token });
    expect(session.json.user.emailVerified).toBe(true);
  });

  it('sends nothing on sign-up by default', async () => {
    const setup = makeLifecycleAuth();
    await signUp(setup.auth.handler);
    await setup.settle();
    expect(setup.mail.sent).toHaveLength(0);
  });

  it('refuses a sign-up whose callbackURL points off-site, before creating anything', async () => {
    const setup = makeLifecycleAuth({ emailVerification: { sendOnSignUp: true } });
    const email = uniqueEmail();
    const answer = await call(setup.auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'V', callbackURL: 'https://evil.example' } });
    await setup.settle();
    expect([answer.status, answer.json.code]).toEqual([403, 'INVALID_CALLBACK_URL']);
    expect(await setup.database.getUserByEmail(email)).toBeNull();
    expect(setup.mail.sent).toHaveLength(0);
  });
});

describe('requireEmailVerification', () => {
  it('opens no session at sign-up, refuses sign-in with 403 EMAIL_NOT_VERIFIED, and lets the user in once verified', async () => {
    const setup = makeLifecycleAuth({ emailVerification: { requireEmailVerification: true } });
    const email = uniqueEmail();
    const created = await call(setup.auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'R' } });
    expect(created.status).toBe(200);
    expect(created.json.token).toBeNull();
    expect(created.headers.get('set-cookie')).toBeNull();

    const refused = await call(setup.auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } });
    expect([refused.status, refused.json.code]).toEqual([403, 'EMAIL_NOT_VERIFIED']);
    expect(refused.headers.get('set-cookie')).toBeNull();

    const { url } = await setup.mail.next({ kind: 'verify-email', to: email }); // sent on sign-up by default when required
    const verified = await followLink(setup.auth.handler, url);
    expect([verified.status, verified.json]).toEqual([200, { status: true, user: null }]);
    expect((await call(setup.auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } })).status).toBe(200);
  });

  it('answers a wrong password with 401, not with EMAIL_NOT_VERIFIED', async () => {
    const setup = makeLifecycleAuth({ emailVerification: { requireEmailVerification: true } });
    const { email } = await signUp(setup.auth.handler);
    const wrong = await call(setup.auth.handler, 'POST', '/sign-in/email', { body: { email, password: 'not the password' } });
    expect([wrong.status, wrong.json.code]).toEqual([401, 'INVALID_EMAIL_OR_PASSWORD']);
  });

  it('emails a new link when a refused sign-in happens with sendOnSignIn', async () => {
    const setup = makeLifecycleAuth({ emailVerification: { requireEmailVerification: true, sendOnSignUp: false, sendOnSignIn: true } });
    const email = uniqueEmail();
    await call(setup.auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'R' } });
    await setup.settle();
    expect(setup.mail.sent).toHaveLength(0);
    await call(setup.auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } });
    expect((await setup.mail.next({ kind: 'verify-email', to: email })).url).toContain('/verify-email?token=');
  });
});

describe('GET /verify-email', () => {
  it('signs the user in when autoSignInAfterVerification is on', async () => {
    const setup = makeLifecycleAuth({ emailVerification: { requireEmailVerification: true, autoSignInAfterVerification: true } });
    const email = uniqueEmail();
    await call(setup.auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'A', callbackURL: '/app' } });
    const { url } = await setup.mail.next({ to: email });
    const landing = await followLink(setup.auth.handler, url);

    expect(landing.status).toBe(302);
    expect(landing.cookie).toMatch(/^better-auth\.session_token=/);
    const session = await call(setup.auth.handler, 'GET', '/get-session', { cookie: landing.cookie });
    expect([session.status, session.json.user.email, session.json.user.emailVerified]).toEqual([200, email, true]);
  });

  it('refuses a reused link: 400 INVALID_TOKEN as JSON, or a redirect with error=INVALID_TOKEN', async () => {
    const setup = makeLifecycleAuth({ emailVerification: { sendOnSignUp: true } });
    const email = uniqueEmail();
    await call(setup.auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'U', callbackURL: '/done' } });
    const { url } = await setup.mail.next({ to: email });
    expect((await followLink(setup.auth.handler, url)).status).toBe(302);

    const again = await followLink(setup.auth.handler, url);
    const againAsJson = await followLink(setup.auth.handler, url.replace(/&callbackURL=.*$/, ''));
    expect([again.status, again.location?.searchParams.get('error')]).toEqual([302, 'INVALID_TOKEN']);
    expect([againAsJson.status, againAsJson.json.code]).toEqual([400, 'INVALID_TOKEN']);
  });

  it('refuses an expired link with TOKEN_EXPIRED and leaves the address unverified', async () => {
    const setup = makeLifecycleAuth({ emailVerification: { sendOnSignUp: true, expiresIn: 600 } });
    const email = uniqueEmail();
    await call(setup.auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'E' } });
    const { url } = await setup.mail.next({ to: email });
    advanceClock(601 * 1000);

    const landing = await followLink(setup.auth.handler, url);
    expect([landing.status, landing.json.code]).toEqual([400, 'TOKEN_EXPIRED']);
    expect(await isVerified(setup, email)).toBe(false);
  });

  it('refuses a crafted link whose callbackURL points off-site, and leaves the token usable', async () => {
    const setup = makeLifecycleAuth({ emailVerification: { sendOnSignUp: true } });
    const email = uniqueEmail();
    await call(setup.auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'C' } });
    const { url } = await setup.mail.next({ to: email });

    const crafted = await followLink(setup.auth.handler, `${url}&callbackURL=${encodeURIComponent('//evil.example')}`);
    expect([crafted.status, crafted.json.code, crafted.location]).toEqual([403, 'INVALID_CALLBACK_URL', null]);
    expect((await followLink(setup.auth.handler, url)).status).toBe(200);
    expect(await isVerified(setup, email)).toBe(true);
  });

  it('answers 400 VALIDATION_ERROR without a token', async () => {
    const setup = makeLifecycleAuth();
    const answer = await call(setup.auth.handler, 'GET', '/verify-email');
    expect([answer.status, answer.json.code]).toEqual([400, 'VALIDATION_ERROR']);
  });
});

describe('POST /send-verification-email', () => {
  it('signed out, answers { status: true } for any address and emails only an unverified user', async () => {
    const setup = makeLifecycleAuth();
    const { email: unverified } = await signUp(setup.auth.handler);
    const { email: verified } = await signUp(setup.auth.handler);
    await setup.database.updateUser((await setup.database.getUserByEmail(verified))!.id, { emailVerified: true });

    const answers = await Promise.all(
      [unverified, verified, uniqueEmail('nobody')].map((email) => call(setup.auth.handler, 'POST', '/send-verification-email', { body: { email } })),
    );
    await setup.settle();
    for (const answer of answers) expect([answer.status, answer.json]).toEqual([200, { status: true }]);
    expect(setup.mail.sent.map((m) => m.to)).toEqual([unverified]);
  });

  it('signed in, emails the caller’s own unverified address', async () => {
    const setup = makeLifecycleAuth();
    const { email, token } = await signUp(setup.auth.handler);
    const answer = await call(setup.auth.handler, 'POST', '/send-verification-email', { bearer: token, body: { email: email.toUpperCase(), callbackURL: '/ok' } });
    expect([answer.status, answer.json]).toEqual([200, { status: true }]);
    const { url } = await setup.mail.next({ kind: 'verify-email', to: email });
    expect((await followLink(setup.auth.handler, url)).location?.pathname).toBe('/ok');
  });

  it('signed in, answers 400 EMAIL_MISMATCH for another address and 400 EMAIL_ALREADY_VERIFIED once verified', async () => {
    const setup = makeLifecycleAuth();
    const { email, token, user } = await signUp(setup.auth.handler);
    const other = await call(setup.auth.handler, 'POST', '/send-verification-email', { bearer: token, body: { email: uniqueEmail('victim') } });
    await setup.database.updateUser(user.id, { emailVerified: true });
    const already = await call(setup.auth.handler, 'POST', '/send-verification-email', { bearer: token, body: { email } });
    await setup.settle();

    expect([other.status, other.json.code]).toEqual([400, 'EMAIL_MISMATCH']);
    expect([already.status, already.json.code]).toEqual([400, 'EMAIL_ALREADY_VERIFIED']);
    expect(setup.mail.sent).toHaveLength(0);
  });

  it('refuses an off-site callbackURL with 403 INVALID_CALLBACK_URL', async () => {
    const setup = makeLifecycleAuth();
    const { email } = await signUp(setup.auth.handler);
    const answer = await call(setup.auth.handler, 'POST', '/send-verification-email', { body: { email, callbackURL: 'https://evil.example/x' } });
    await setup.settle();
    expect([answer.status, answer.json.code]).toEqual([403, 'INVALID_CALLBACK_URL']);
    expect(setup.mail.sent).toHaveLength(0);
  });
});

describe('sign-in callbackURL', () => {
  it('refuses an off-site callbackURL with 403 INVALID_CALLBACK_URL and opens no session', async () => {
    const setup = makeLifecycleAuth();
    const { email, user } = await signUp(setup.auth.handler);
    const before = (await setup.database.listSessionsForUser(user.id)).length;
    const answer = await call(setup.auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD, callbackURL: 'https://evil.example' } });
    expect([answer.status, answer.json.code]).toEqual([403, 'INVALID_CALLBACK_URL']);
    expect(await setup.database.listSessionsForUser(user.id)).toHaveLength(before);
  });
});
