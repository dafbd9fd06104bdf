import { BetterAuth, MemoryEmailSender } from 'better-auth-entities';
import { EmailPasswordPlugin, PasswordManagementPlugin, SessionManagementPlugin, TwoFactorPlugin } from 'better-auth-entities/plugins';
import { Browser } from '../support/browser';
import { builtinBackends, type BuiltinDatabase } from '../support/builtin-backends';
import { ORIGIN, PASSWORD, TEST_SECRET, uniqueEmail } from '../support/test-auth';

/*
 * Issue 24, item 5: the routes that check a signed-in user's password count wrong ones per account, in the
 * database, before each check: past ten they answer 429 without hashing, whatever the client address, with the
 * rate limiter off (the test environment's default), under parallel requests, and across routes.
 */

function authOn(database: BuiltinDatabase) {
  return new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, emailSender: new MemoryEmailSender() })
    .database(database)
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    .plugin(new PasswordManagementPlugin())
    .plugin(new TwoFactorPlugin({ issuer: 'Acme' }))
    .build();
}

async function signedIn(auth: ReturnType<typeof authOn>) {
  const browser = new Browser(auth.handler);
  expect((await browser.post('/sign-up/email', { email: uniqueEmail('bound'), password: PASSWORD, name: 'Ada' })).status).toBe(200);
  return browser;
}

const statusAndCode = (answer: { status: number; json: any }) => `${answer.status} ${answer.json?.code}`;

describe.each(builtinBackends('password-check-bound'))('the per-account bound on password checks on %s', (_name, open) => {
  let database: () => BuiltinDatabase;
  beforeAll(async () => {
    database = await open();
  });

  it('checks ten of thirty wrong current passwords sent in parallel to change-password, then refuses even the right one with 429', async () => {
    const auth = authOn(database());
    const browser = await signedIn(auth);
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => browser.post('/change-password', { currentPassword: `wrong password ${i}`, newPassword: 'a brand new password' })),
    );
    const tally = answers.map(statusAndCode).reduce<Record<string, number>>((counts, key) => ({ ...counts, [key]: (counts[key] ?? 0) + 1 }), {});
    expect(tally).toEqual({ '400 INVALID_PASSWORD': 10, '429 TOO_MANY_REQUESTS': 20 });
    const right = await browser.post('/change-password', { currentPassword: PASSWORD, newPassword: 'a brand new password' });
    expect(statusAndCode(right)).toBe('429 TOO_MANY_REQUESTS');
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(800);
  });

  it('counts one bound per account across routes: wrong passwords on delete-user lock two-factor enable too', async () => {
    const auth = authOn(database());
    const browser = await signedIn(auth);
    for (let i = 0; i < 10; i += 1) expect(statusAndCode(await browser.post('/delete-user', { password: `wrong ${i}` }))).toBe('400 INVALID_PASSWORD');
    expect(statusAndCode(await browser.post('/delete-user', { password: PASSWORD }))).toBe('429 TOO_MANY_REQUESTS');
    expect(statusAndCode(await browser.post('/two-factor/enable', { password: PASSWORD }))).toBe('429 TOO_MANY_REQUESTS');
    expect((await browser.get('/get-session')).json.user).toBeTruthy(); // not deleted
  });

  it('a right password clears the count: nine wrong, one right, nine wrong are all checked', async () => {
    const auth = authOn(database());
    const browser = await signedIn(auth);
    const wrong = () => browser.post('/two-factor/enable', { password: 'not the password' });
    for (let i = 0; i < 9; i += 1) expect(statusAndCode(await wrong())).toBe('400 INVALID_PASSWORD');
    expect((await browser.post('/two-factor/enable', { password: PASSWORD })).status).toBe(200);
    for (let i = 0; i < 9; i += 1) expect(statusAndCode(await wrong())).toBe('400 INVALID_PASSWORD');
  });
});
