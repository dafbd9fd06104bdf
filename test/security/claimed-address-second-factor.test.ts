import { URI, type TOTP } from 'otpauth';
import { BetterAuth } from 'better-auth-entities';
import { EmailOtpPlugin, EmailPasswordPlugin, MagicLinkPlugin, MemoryEmailSender, SessionManagementPlugin, TwoFactorPlugin } from 'better-auth-entities/plugins';
import { Browser } from '../support/browser';
import { builtinBackends, type BuiltinDatabase } from '../support/builtin-backends';
import { followLink } from '../support/lifecycle-auth';
import { ORIGIN, PASSWORD, TEST_SECRET, uniqueEmail } from '../support/test-auth';

/*
 * A pre-registered ("pre-hijacked") account with two-factor on: a squatter signs up with the victim's address,
 * never verifies it, and turns on an authenticator. When the victim proves the address (an emailed code, a
 * magic link), the claim must remove the squatter's second factor with their password and sessions: otherwise
 * the victim is asked for the squatter's code (locked out) and the squatter keeps a factor of the account.
 */

function authOn(database: BuiltinDatabase) {
  const mail = new MemoryEmailSender();
  const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, emailSender: mail })
    .database(database)
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    .plugin(new TwoFactorPlugin({ issuer: 'Acme' }))
    .plugin(new EmailOtpPlugin())
    .plugin(new MagicLinkPlugin())
    .build();
  return { auth, mail };
}
type Auth = ReturnType<typeof authOn>['auth'];

/** The squatter: signs up with `email` (unverified), enables an authenticator with the password, verifies it. */
async function squatWithSecondFactor(auth: Auth, email: string) {
  const squatter = new Browser(auth.handler);
  expect((await squatter.post('/sign-up/email', { email, password: PASSWORD, name: 'Squatter' })).status).toBe(200);
  const enabled = await squatter.post('/two-factor/enable', { password: PASSWORD });
  expect(enabled.status).toBe(200);
  const totp = URI.parse(enabled.json.totpURI) as TOTP;
  expect((await squatter.post('/two-factor/verify-totp', { code: totp.generate() })).status).toBe(200);
  const user = (await auth.context.db.getUserByEmail(email))!;
  const userId = auth.context.models.user.read(user, 'id');
  expect(auth.context.models.user.read(user, 'twoFactorEnabled')).toBe(true);
  expect(await auth.context.records('twoFactor').count({ userId })).toBe(1);
  return { userId, totp };
}

describe.each(builtinBackends('claimed-2fa'))('claiming a squatted address with two-factor on, on %s', (_name, open) => {
  let database: () => BuiltinDatabase;
  beforeAll(async () => {
    database = await open();
  });

  it('the victim signing in by an emailed code gets a session without a second-factor challenge, and the squatter’s authenticator is gone', async () => {
    const { auth, mail } = authOn(database());
    const email = uniqueEmail('claim-otp');
    const { userId } = await squatWithSecondFactor(auth, email);

    const victim = new Browser(auth.handler);
    expect((await victim.post('/email-otp/send-verification-otp', { email, type: 'sign-in' })).status).toBe(200);
    const { token: otp } = await mail.next({ kind: 'email-otp:sign-in', to: email });
    const signedIn = await victim.post('/sign-in/email-otp', { email, otp });

    expect(signedIn.status).toBe(200);
    expect(signedIn.json.twoFactorRedirect).toBeUndefined();
    expect(typeof signedIn.json.token).toBe('string');
    expect((await victim.get('/get-session')).json).toMatchObject({ user: { id: userId, emailVerified: true, twoFactorEnabled: false } });
    expect(await auth.context.records('twoFactor').count({ userId })).toBe(0);
  });

  it('the victim following a magic link gets a session without a second-factor challenge, and the squatter’s authenticator is gone', async () => {
    const { auth, mail } = authOn(database());
    const email = uniqueEmail('claim-link');
    const { userId } = await squatWithSecondFactor(auth, email);

    expect((await new Browser(auth.handler).post('/sign-in/magic-link', { email, callbackURL: '/dashboard' })).status).toBe(200);
    const { url } = await mail.next({ kind: 'magic-link:sign-in', to: email });
    const landed = await followLink(auth.handler, url);

    expect(landed.status).toBe(302);
    expect(landed.location?.searchParams.get('twoFactorRedirect')).toBeNull();
    expect(landed.cookie).toMatch(/session_token=/);
    expect(await auth.context.records('twoFactor').count({ userId })).toBe(0);
    expect(auth.context.models.user.read((await auth.context.db.getUserById(userId))!, 'twoFactorEnabled')).toBe(false);
  });

  it('the squatter’s lockout counts are forgotten with the factor, so the victim’s own authenticator starts with every attempt', async () => {
    const { auth, mail } = authOn(database());
    const email = uniqueEmail('claim-count');
    const { userId } = await squatWithSecondFactor(auth, email);
    await auth.context.failureLimit.take(`two-factor:${userId}`, { maxFailures: 10, lockSeconds: 900 });
    expect(await auth.context.records('accountFailure').count({ key: `two-factor:${userId}` })).toBe(1);

    const victim = new Browser(auth.handler);
    await victim.post('/email-otp/send-verification-otp', { email, type: 'sign-in' });
    const { token: otp } = await mail.next({ kind: 'email-otp:sign-in', to: email });
    expect((await victim.post('/sign-in/email-otp', { email, otp })).status).toBe(200);

    expect(await auth.context.records('accountFailure').count({ key: `two-factor:${userId}` })).toBe(0);
  });
});
