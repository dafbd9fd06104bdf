import { followLink } from '../support/lifecycle-auth';
import { builtinBackends, type BuiltinDatabase } from '../support/builtin-backends';
import { call, PASSWORD, uniqueEmail } from '../support/test-auth';
import { makeAnonymousAuth, realUser, signInAnonymously, type AnonymousAuth } from './anonymous-auth';

const BACKENDS = builtinBackends('anonymous-mail');

/** Every email sent to `to` so far, once background sends have finished. */
async function mailTo(s: AnonymousAuth, to: string) {
  await s.settle();
  return s.mail.sent.filter((message) => message.to === to);
}

describe.each(BACKENDS)('anonymous placeholders receive no mail and cannot be claimed, on %s', (_name, open) => {
  let database: () => BuiltinDatabase;
  beforeAll(async () => {
    database = await open();
  });

  it('password reset, magic link and email codes for a placeholder answer as for any address and send nothing', async () => {
    const s = makeAnonymousAuth(database());
    const { user } = await signInAnonymously(s);
    const reset = await call(s.auth.handler, 'POST', '/request-password-reset', { body: { email: user.email, redirectTo: '/reset' } });
    expect(reset.status).toBe(200);
    expect((await call(s.auth.handler, 'POST', '/sign-in/magic-link', { body: { email: user.email } })).json).toEqual({ status: true });
    expect((await call(s.auth.handler, 'POST', '/email-otp/send-verification-otp', { body: { email: user.email, type: 'sign-in' } })).json).toEqual({ success: true });
    expect(await mailTo(s, user.email)).toEqual([]);

    // The same requests for a real address do send: the silence above is the reservation, not a broken mailer.
    const real = await realUser(s);
    await call(s.auth.handler, 'POST', '/sign-in/magic-link', { body: { email: real.email } });
    expect((await mailTo(s, real.email)).map((message) => message.kind)).toEqual(['magic-link:sign-in']);
  });

  it('an address under the placeholder domain nobody holds gets no magic link either (the whole domain is reserved)', async () => {
    const s = makeAnonymousAuth(database());
    const unused = 'someone@anonymous.placeholder.invalid';
    expect((await call(s.auth.handler, 'POST', '/sign-in/magic-link', { body: { email: unused } })).status).toBe(200);
    expect(await mailTo(s, unused)).toEqual([]);
  });

  it('sign-up with a placeholder address is a 400 INVALID_EMAIL and creates nobody', async () => {
    const s = makeAnonymousAuth(database());
    const { user } = await signInAnonymously(s);
    const before = (await s.database.listUsers({ limit: 0 })).total;
    for (const email of [user.email, 'fresh@anonymous.placeholder.invalid', 'Fresh2@Anonymous.Placeholder.Invalid']) {
      const refused = await call(s.auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'Squatter' } });
      expect([refused.status, refused.json.code]).toEqual([400, 'INVALID_EMAIL']);
    }
    expect((await s.database.listUsers({ limit: 0 })).total).toBe(before);
  });

  it('a magic link for a placeholder, however it was issued, neither signs in nor claims the anonymous user', async () => {
    const s = makeAnonymousAuth(database());
    const anonymous = await signInAnonymously(s);
    // Issued directly, as if the send route had been fooled: the proof must still be refused where it lands.
    const token = await s.auth.context.tokens.issue('magic-link:sign-in', { email: anonymous.user.email }, 300);
    const landed = await followLink(s.auth.handler, `http://localhost:3000/api/auth/magic-link/verify?token=${token}&callbackURL=/home`);
    expect(landed.status).toBe(302);
    expect(landed.location?.searchParams.get('error')).toBe('user_not_found');
    expect(landed.cookie).toBeUndefined();
    expect(await s.database.listSessionsForUser(anonymous.user.id)).toHaveLength(1);
    expect((await s.database.getUserById(anonymous.user.id))?.emailVerified).toBe(false);
  });

  it('an anonymous user cannot change its address (400), and nobody can change theirs to a placeholder (400)', async () => {
    const s = makeAnonymousAuth(database());
    const anonymous = await signInAnonymously(s);
    const moved = await call(s.auth.handler, 'POST', '/change-email', { cookie: anonymous.cookie, body: { newEmail: uniqueEmail('victim') } });
    expect([moved.status, moved.json.code]).toEqual([400, 'ANONYMOUS_USERS_CANNOT_CHANGE_EMAIL']);
    expect((await s.database.getUserById(anonymous.user.id))?.email).toBe(anonymous.user.email);

    const real = await realUser(s);
    const toPlaceholder = await call(s.auth.handler, 'POST', '/change-email', { cookie: real.cookie, body: { newEmail: 'mine@anonymous.placeholder.invalid' } });
    expect([toPlaceholder.status, toPlaceholder.json.code]).toEqual([400, 'INVALID_EMAIL']);
    expect((await s.database.getUserById(real.id))?.email).toBe(real.email);
  });

  it('with generateRandomEmail, the addresses anonymous users hold are reserved, and the rest of that domain is not', async () => {
    const held = uniqueEmail('guest').replace('@example.com', '@guests.test');
    const s = makeAnonymousAuth(database(), { generateRandomEmail: () => held });
    await signInAnonymously(s);
    await call(s.auth.handler, 'POST', '/sign-in/magic-link', { body: { email: held } });
    expect(await mailTo(s, held)).toEqual([]);
    const other = uniqueEmail('person').replace('@example.com', '@guests.test');
    await call(s.auth.handler, 'POST', '/sign-in/magic-link', { body: { email: other } });
    expect(await mailTo(s, other)).toHaveLength(1);
  });
});
