import { advanceClock, followLink, makeLifecycleAuth } from '../support/lifecycle-auth';
import { call, PASSWORD, signUp, uniqueEmail } from '../support/test-auth';

afterEach(() => jest.restoreAllMocks());

/** A signed-up user whose current address is verified (the case where a takeover hurts most). */
async function verifiedUser(setup: ReturnType<typeof makeLifecycleAuth>) {
  const signed = await signUp(setup.auth.handler);
  await setup.database.updateUser(signed.user.id, { emailVerified: true });
  return signed;
}

describe('POST /change-email needs proof that the caller is the user', () => {
  it('answers 403 SESSION_NOT_FRESH from a session older than freshAge, changes nothing and emails nobody', async () => {
    const setup = makeLifecycleAuth({ config: { session: { freshAge: 300 } } });
    const { token, user, email } = await verifiedUser(setup);
    advanceClock(301 * 1000);
    const result = await call(setup.auth.handler, 'POST', '/change-email', { bearer: token, body: { newEmail: uniqueEmail('attacker') } });
    await setup.settle();

    expect([result.status, result.json.code]).toEqual([403, 'SESSION_NOT_FRESH']);
    expect(setup.mail.sent).toHaveLength(0);
    expect((await setup.database.getUserById(user.id))!.email).toBe(email);
  });

  it('accepts the right password from an old session, and answers 400 INVALID_PASSWORD for a wrong one', async () => {
    const setup = makeLifecycleAuth({ config: { session: { freshAge: 300 } }, emailVerification: false });
    const { token, user, email } = await signUp(setup.auth.handler);
    advanceClock(301 * 1000);
    const wrong = await call(setup.auth.handler, 'POST', '/change-email', { bearer: token, body: { newEmail: uniqueEmail('x'), password: 'not my password' } });
    expect([wrong.status, wrong.json.code]).toEqual([400, 'INVALID_PASSWORD']);
    expect((await setup.database.getUserById(user.id))!.email).toBe(email);

    const newEmail = uniqueEmail('proven');
    const right = await call(setup.auth.handler, 'POST', '/change-email', { bearer: token, body: { newEmail, password: PASSWORD } });
    expect([right.status, right.json.user?.email]).toEqual([200, newEmail]);
  });
});

describe('POST /change-email for a verified address asks the current address first', () => {
  it('emails a confirmation to the current address; only once it is followed does the new address get its link', async () => {
    const setup = makeLifecycleAuth();
    const { token, user, email } = await verifiedUser(setup);
    const newEmail = uniqueEmail('new');
    const asked = await call(setup.auth.handler, 'POST', '/change-email', { bearer: token, body: { newEmail, callbackURL: '/settings' } });
    expect([asked.status, asked.json]).toEqual([200, { status: true }]);
    await setup.settle();
    expect(setup.mail.sent.map((message) => [message.kind, message.to])).toEqual([['change-email-confirmation', email]]);
    expect(setup.mail.sent[0]!.text).toContain(newEmail);

    const confirmed = await followLink(setup.auth.handler, setup.mail.sent[0]!.url);
    expect([confirmed.status, confirmed.location?.pathname]).toEqual([302, '/settings']);
    expect((await setup.database.getUserById(user.id))!.email).toBe(email);

    const link = await setup.mail.next({ kind: 'change-email', to: newEmail });
    const landing = await followLink(setup.auth.handler, link.url);
    expect([landing.status, landing.location?.pathname]).toEqual([302, '/settings']);
    expect(await setup.database.getUserById(user.id)).toMatchObject({ email: newEmail, emailVerified: true });
  });

  it('tells the old address once the change has happened', async () => {
    const setup = makeLifecycleAuth();
    const { token, email } = await verifiedUser(setup);
    const newEmail = uniqueEmail('new');
    await call(setup.auth.handler, 'POST', '/change-email', { bearer: token, body: { newEmail } });
    await followLink(setup.auth.handler, (await setup.mail.next({ kind: 'change-email-confirmation', to: email })).url);
    await followLink(setup.auth.handler, (await setup.mail.next({ kind: 'change-email', to: newEmail })).url);

    const notice = await setup.mail.next({ kind: 'email-changed', to: email });
    expect(notice.text).toContain(newEmail);
    expect(notice.token).toBe('');
  });

  it('a confirmation link dies when the address changed in between', async () => {
    const setup = makeLifecycleAuth();
    const { token, user, email } = await verifiedUser(setup);
    await call(setup.auth.handler, 'POST', '/change-email', { bearer: token, body: { newEmail: uniqueEmail('first') } });
    const confirmation = await setup.mail.next({ kind: 'change-email-confirmation', to: email });
    const elsewhere = uniqueEmail('elsewhere');
    await setup.database.updateUser(user.id, { email: elsewhere });

    const stale = await followLink(setup.auth.handler, confirmation.url);
    expect([stale.status, stale.json.code]).toEqual([400, 'INVALID_TOKEN']);
  });
});

describe('the old address hears of every change', () => {
  it('an unverified user’s change, applied through the new address’s link, is told to the old address', async () => {
    const setup = makeLifecycleAuth();
    const { token, email } = await signUp(setup.auth.handler);
    const newEmail = uniqueEmail('new');
    await call(setup.auth.handler, 'POST', '/change-email', { bearer: token, body: { newEmail } });
    await followLink(setup.auth.handler, (await setup.mail.next({ kind: 'change-email', to: newEmail })).url);
    expect((await setup.mail.next({ kind: 'email-changed', to: email })).text).toContain(newEmail);
  });

  it('without email verification the immediate change is told to the old address', async () => {
    const setup = makeLifecycleAuth({ emailVerification: false });
    const { token, email } = await signUp(setup.auth.handler);
    const newEmail = uniqueEmail('direct');
    expect((await call(setup.auth.handler, 'POST', '/change-email', { bearer: token, body: { newEmail } })).status).toBe(200);
    expect((await setup.mail.next({ kind: 'email-changed', to: email })).text).toContain(newEmail);
  });
});
