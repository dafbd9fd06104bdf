import { BetterAuth } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { EmailOtpPlugin, EmailPasswordPlugin, MagicLinkPlugin, MemoryEmailSender, SessionManagementPlugin, TwoFactorPlugin } from 'better-auth-entities/plugins';
import { followLink } from '../support/lifecycle-auth';
import { call, ORIGIN, TEST_SECRET, uniqueEmail } from '../support/test-auth';

/**
 * better-auth opens a session straight away for a magic link or an emailed code, even for a user with
 * two-factor on (its two-factor hook only covers /sign-in/email, /sign-in/username and /sign-in/phone-number).
 * A mailbox is one factor, so here both ways end in the sign-in pipeline, whose two-factor step asks for the
 * second one before any session exists.
 */
function setup() {
  const mail = new MemoryEmailSender();
  const database = new MemoryDatabaseAdapter();
  const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, emailSender: mail })
    .database(database)
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    .plugin(new TwoFactorPlugin({ otpOptions: {} }))
    .plugin(new MagicLinkPlugin())
    .plugin(new EmailOtpPlugin())
    .build();
  return { auth, database, mail };
}

async function twoFactorUser(database: MemoryDatabaseAdapter, email: string) {
  return database.createUser({ email, name: 'Tess', emailVerified: true, twoFactorEnabled: true } as never);
}

describe('passwordless sign-in of a user with two-factor on', () => {
  it('a followed magic link redirects with twoFactorRedirect=true and the two_factor cookie, and opens no session', async () => {
    const { auth, database, mail } = setup();
    const email = uniqueEmail('tf-link');
    const user = (await twoFactorUser(database, email)) as { id: string };
    await call(auth.handler, 'POST', '/sign-in/magic-link', { body: { email, callbackURL: '/dashboard' } });
    const { url } = await mail.next({ kind: 'magic-link:sign-in', to: email });
    const landed = await followLink(auth.handler, url);
    expect(landed.status).toBe(302);
    expect(landed.location?.pathname).toBe('/dashboard');
    expect(landed.location?.searchParams.get('twoFactorRedirect')).toBe('true');
    expect(landed.cookie).toMatch(/two_factor=/);
    expect(await database.listSessionsForUser(user.id)).toHaveLength(0);
  });

  it('a right emailed code answers { twoFactorRedirect: true } and opens no session', async () => {
    const { auth, database, mail } = setup();
    const email = uniqueEmail('tf-otp');
    const user = (await twoFactorUser(database, email)) as { id: string };
    await call(auth.handler, 'POST', '/email-otp/send-verification-otp', { body: { email, type: 'sign-in' } });
    const { token: otp } = await mail.next({ kind: 'email-otp:sign-in', to: email });
    const answer = await call(auth.handler, 'POST', '/sign-in/email-otp', { body: { email, otp } });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ twoFactorRedirect: true });
    expect(answer.json.token).toBeUndefined();
    expect(await database.listSessionsForUser(user.id)).toHaveLength(0);
  });
});
