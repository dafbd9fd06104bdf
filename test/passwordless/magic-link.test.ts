import { createHash } from 'node:crypto';
import { describeOnEveryBackend } from '../support/backends';
import { advanceClock, followLink } from '../support/lifecycle-auth';
import { call, PASSWORD, uniqueEmail } from '../support/test-auth';
import { makePasswordlessAuth } from './passwordless-auth';

afterEach(() => jest.restoreAllMocks());

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

describeOnEveryBackend('MagicLinkPlugin', (backend) => {
  function setup(options: Parameters<typeof makePasswordlessAuth>[1] = {}) {
    return makePasswordlessAuth(backend.database(), options);
  }

  async function requestLink(s: ReturnType<typeof setup>, email: string, body: Record<string, unknown> = {}) {
    const since = s.mail.sent.length;
    const answer = await call(s.auth.handler, 'POST', '/sign-in/magic-link', { body: { email, ...body } });
    expect([answer.status, answer.json]).toEqual([200, { status: true }]);
    const message = await s.mail.next({ kind: 'magic-link:sign-in', to: email }, { since });
    return { url: message.url, token: new URL(message.url).searchParams.get('token')! };
  }

  it('mails a link of kind magic-link:sign-in; following it signs a new address up (verified) and redirects to newUserCallbackURL with the session cookie', async () => {
    const s = setup();
    const email = uniqueEmail('ml-new');
    const { url, token } = await requestLink(s, email, { name: 'Ada', callbackURL: '/dashboard', newUserCallbackURL: '/welcome' });
    expect(url).toBe(`http://localhost:3000/api/auth/magic-link/verify?token=${token}&callbackURL=%2Fdashboard&newUserCallbackURL=%2Fwelcome`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const landed = await followLink(s.auth.handler, url);
    expect([landed.status, landed.location?.href]).toEqual([302, 'http://localhost:3000/welcome']);
    const session = await call(s.auth.handler, 'GET', '/get-session', { cookie: landed.cookie });
    expect(session.json.user).toMatchObject({ email, name: 'Ada', emailVerified: true });
  });

  it('signs a known address in and redirects to callbackURL, not newUserCallbackURL', async () => {
    const s = setup();
    const email = uniqueEmail('ml-known');
    await call(s.auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'K' } });
    const known = await s.database.getUserByEmail(email);
    await s.database.updateUser(known!.id, { emailVerified: true });
    const { url } = await requestLink(s, email, { callbackURL: '/dashboard', newUserCallbackURL: '/welcome' });
    const landed = await followLink(s.auth.handler, url);
    expect([landed.status, landed.location?.href]).toEqual([302, 'http://localhost:3000/dashboard']);
    expect((await call(s.auth.handler, 'GET', '/get-session', { cookie: landed.cookie })).json.user.id).toBe(known!.id);
    // A verified user keeps its password.
    expect((await call(s.auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } })).status).toBe(200);
  });

  it('answers { token, user, session } with the cookie when the link is opened without a callbackURL', async () => {
    const s = setup();
    const email = uniqueEmail('ml-json');
    const { token } = await requestLink(s, email);
    const answer = await call(s.auth.handler, 'GET', `/magic-link/verify?token=${token}`);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ token: expect.any(String), user: expect.objectContaining({ email }), session: expect.objectContaining({ userId: answer.json.user.id }) });
    expect((await call(s.auth.handler, 'GET', '/get-session', { bearer: answer.json.token })).json.user.email).toBe(email);
    expect(answer.cookie).toMatch(/^better-auth\.session_token=/);
  });

  it('stores only the digest of the link token', async () => {
    const s = setup();
    const { token } = await requestLink(s, uniqueEmail('ml-digest'));
    expect(await s.database.getVerificationByIdentifier(`magic-link:sign-in:${digest(token)}`)).not.toBeNull();
    expect(await s.database.getVerificationByIdentifier(`magic-link:sign-in:${token}`)).toBeNull();
    expect(await s.database.getVerificationByIdentifier(token)).toBeNull();
  });

  it('a used, unknown or expired link redirects to errorCallbackURL with ?error=INVALID_TOKEN and signs nobody in', async () => {
    const s = setup();
    const { url } = await requestLink(s, uniqueEmail('ml-used'), { callbackURL: '/dashboard', errorCallbackURL: '/oops' });
    expect((await followLink(s.auth.handler, url)).status).toBe(302);
    const again = await followLink(s.auth.handler, url);
    expect([again.status, again.location?.href, again.cookie]).toEqual([302, 'http://localhost:3000/oops?error=INVALID_TOKEN', undefined]);

    const unknown = await followLink(s.auth.handler, 'http://localhost:3000/api/auth/magic-link/verify?token=nope&callbackURL=%2Fdashboard');
    expect([unknown.status, unknown.location?.href]).toEqual([302, 'http://localhost:3000/dashboard?error=INVALID_TOKEN']);

    const email = uniqueEmail('ml-expired');
    const expiring = await requestLink(s, email, { callbackURL: '/dashboard' });
    advanceClock(5 * 60 * 1000 + 1000);
    const late = await followLink(s.auth.handler, expiring.url);
    expect([late.status, late.location?.href, late.cookie]).toEqual([302, 'http://localhost:3000/dashboard?error=INVALID_TOKEN', undefined]);
    expect(await s.database.getUserByEmail(email)).toBeNull();
  });

  it('a link opened 8 times at once signs in once', async () => {
    const s = setup();
    const email = uniqueEmail('ml-race');
    const { url } = await requestLink(s, email, { callbackURL: '/dashboard' });
    const openings = await Promise.all(Array.from({ length: 8 }, () => followLink(s.auth.handler, url)));
    const signedIn = openings.filter((opening) => opening.location?.href === 'http://localhost:3000/dashboard');
    expect(signedIn).toHaveLength(1);
    expect(openings.filter((opening) => opening.location?.searchParams.get('error') === 'INVALID_TOKEN')).toHaveLength(7);
    const user = await s.database.getUserByEmail(email);
    expect(await s.database.listSessionsForUser(user!.id)).toHaveLength(1);
  });

  it.each([['callbackURL'], ['newUserCallbackURL'], ['errorCallbackURL']])('refuses a foreign %s with 403 INVALID_CALLBACK_URL before any link is stored or sent', async (field) => {
    const s = setup();
    const email = uniqueEmail('ml-foreign');
    const answer = await call(s.auth.handler, 'POST', '/sign-in/magic-link', { body: { email, [field]: 'https://evil.example/steal' } });
    await s.settle();
    expect([answer.status, answer.json.code]).toEqual([403, 'INVALID_CALLBACK_URL']);
    expect(s.mail.sent).toHaveLength(0);
  });

  it('refuses a link whose query was changed to a foreign target with 403, leaving the link usable', async () => {
    const s = setup();
    const { url } = await requestLink(s, uniqueEmail('ml-tampered'), { callbackURL: '/dashboard' });
    const tampered = new URL(url);
    tampered.searchParams.set('callbackURL', 'https://evil.example/');
    const refused = await followLink(s.auth.handler, tampered.href);
    expect([refused.status, refused.json?.code]).toEqual([403, 'INVALID_CALLBACK_URL']);
    expect((await followLink(s.auth.handler, url)).location?.href).toBe('http://localhost:3000/dashboard');
  });

  it('with disableSignUp, a link for an unknown address redirects with error=new_user_signup_disabled and creates nobody', async () => {
    const s = setup({ magicLink: { disableSignUp: true } });
    const email = uniqueEmail('ml-closed');
    const { url } = await requestLink(s, email, { callbackURL: '/dashboard' });
    const landed = await followLink(s.auth.handler, url);
    expect([landed.status, landed.location?.href, landed.cookie]).toEqual([302, 'http://localhost:3000/dashboard?error=new_user_signup_disabled', undefined]);
    expect(await s.database.getUserByEmail(email)).toBeNull();
  });

  it('goes through the sign-in pipeline: a refusing step sends the browser to the error URL with its code and opens no session', async () => {
    const email = uniqueEmail('ml-blocked');
    const s = setup({ blocked: new Set([email]) });
    const { url } = await requestLink(s, email, { callbackURL: '/dashboard' });
    const landed = await followLink(s.auth.handler, url);
    expect([landed.status, landed.location?.href, landed.cookie]).toEqual([302, 'http://localhost:3000/dashboard?error=SIGN_IN_BLOCKED', undefined]);
    const user = await s.database.getUserByEmail(email);
    expect(await s.database.listSessionsForUser(user!.id)).toHaveLength(0);
  });

  it('on a pre-registered unverified account, removes the squatter password and sessions before signing the owner in', async () => {
    const s = setup();
    const email = uniqueEmail('ml-squat');
    const squatter = await call(s.auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'Mallory' } });
    expect(squatter.json.user.emailVerified).toBe(false);

    const { url } = await requestLink(s, email, { callbackURL: '/dashboard' });
    const landed = await followLink(s.auth.handler, url);
    expect(landed.location?.href).toBe('http://localhost:3000/dashboard');

    expect((await call(s.auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } })).status).toBe(401);
    expect((await call(s.auth.handler, 'GET', '/get-session', { cookie: squatter.cookie })).json?.session).toBeUndefined();
    const owner = await call(s.auth.handler, 'GET', '/get-session', { cookie: landed.cookie });
    expect(owner.json.user).toMatchObject({ id: squatter.json.user.id, emailVerified: true });
    expect((await call(s.auth.handler, 'GET', '/list-accounts', { cookie: landed.cookie })).json).toEqual([]);
  });

  it.each([
    ['no email', {}],
    ['a malformed email', { email: 'not-an-email' }],
    ['a name that is not a string', { email: 'a@example.com', name: 42 }],
  ])('POST /sign-in/magic-link with %s answers 400 VALIDATION_ERROR and sends nothing', async (_label, body) => {
    const s = setup();
    const answer = await call(s.auth.handler, 'POST', '/sign-in/magic-link', { body });
    await s.settle();
    expect([answer.status, answer.json.code]).toEqual([400, 'VALIDATION_ERROR']);
    expect(s.mail.sent).toHaveLength(0);
  });

  it('GET /magic-link/verify without a token answers 400 VALIDATION_ERROR', async () => {
    const answer = await call(setup().auth.handler, 'GET', '/magic-link/verify');
    expect([answer.status, answer.json.code]).toEqual([400, 'VALIDATION_ERROR']);
  });
});
