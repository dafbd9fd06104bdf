import { URI, type TOTP } from 'otpauth';
import { BetterAuth } from 'better-auth-entities';
import { EmailPasswordPlugin, SessionManagementPlugin, TwoFactorPlugin, type TwoFactorOptions } from 'better-auth-entities/plugins';
import { Browser } from '../support/browser';
import { builtinBackends, type BuiltinDatabase } from '../support/builtin-backends';
import { ORIGIN, PASSWORD, TEST_SECRET, uniqueEmail } from '../support/test-auth';

/*
 * The account-level lockout of the second factor under the attacks of issue 24: parallel wrong codes on many
 * open challenges, users whose only factor is an emailed code, send-otp floods, and `disableSession`. The
 * rate limiter is off (the test environment's default): the bounds must hold without it.
 */

function authOn(database: BuiltinDatabase, options: TwoFactorOptions = {}) {
  return new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN })
    .database(database)
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    .plugin(new TwoFactorPlugin({ issuer: 'Acme', ...options }))
    .build();
}
type Auth = ReturnType<typeof authOn>;

/** A signed-out user with an authenticator: its TOTP and backup codes. */
async function totpUser(auth: Auth) {
  const email = uniqueEmail('lock');
  const browser = new Browser(auth.handler);
  await browser.post('/sign-up/email', { email, password: PASSWORD, name: 'Ada' });
  const enabled = await browser.post('/two-factor/enable', { password: PASSWORD });
  const totp = URI.parse(enabled.json.totpURI) as TOTP;
  expect((await browser.post('/two-factor/verify-totp', { code: totp.generate() })).status).toBe(200);
  await browser.post('/sign-out');
  return { email, totp, backupCodes: enabled.json.backupCodes as string[] };
}

/** A browser holding a pending sign-in of `email`. */
async function challenge(auth: Auth, email: string): Promise<Browser> {
  const browser = new Browser(auth.handler);
  const answer = await browser.post('/sign-in/email', { email, password: PASSWORD });
  expect(answer.json.twoFactorRedirect).toBe(true);
  return browser;
}

const tally = (answers: Array<{ status: number; json: any }>) =>
  answers.reduce<Record<string, number>>((counts, { status, json }) => ({ ...counts, [`${status} ${json?.code ?? ''}`.trim()]: (counts[`${status} ${json?.code ?? ''}`.trim()] ?? 0) + 1 }), {});

describe.each(builtinBackends('two-factor-lockout'))('two-factor lockout on %s', (_name, open) => {
  let database: () => BuiltinDatabase;
  beforeAll(async () => {
    database = await open();
  });

  it('checks no more than ten of 150 wrong codes sent in parallel on thirty open challenges, and counts every one it checked', async () => {
    const auth = authOn(database());
    const { email, totp } = await totpUser(auth);
    const browsers: Browser[] = [];
    for (let i = 0; i < 30; i += 1) browsers.push(await challenge(auth, email));
    const right = totp.generate();
    const wrong = right === '000000' ? '111111' : '000000';

    const answers = await Promise.all(browsers.flatMap((browser) => Array.from({ length: 5 }, () => browser.post('/two-factor/verify-totp', { code: wrong }))));

    const counts = tally(answers);
    // Checked: exactly the bound. The rest were refused before any check: the lock (429), or a challenge another
    // request of the same browser held at that instant (INVALID_TWO_FACTOR_COOKIE, the challenge's own guard).
    expect(counts['401 INVALID_CODE']).toBe(10);
    expect(counts['429 ACCOUNT_TEMPORARILY_LOCKED']).toBeGreaterThan(0);
    expect(Object.keys(counts).sort()).toEqual(expect.arrayContaining(['401 INVALID_CODE', '429 ACCOUNT_TEMPORARILY_LOCKED']));
    expect(Object.keys(counts).filter((answer) => !['401 INVALID_CODE', '429 ACCOUNT_TEMPORARILY_LOCKED', '401 INVALID_TWO_FACTOR_COOKIE'].includes(answer))).toEqual([]);
    const userId = auth.context.models.user.read((await auth.context.db.getUserByEmail(email))!, 'id');
    expect(await auth.context.records('accountFailure').findOne({ key: `two-factor:${userId}` })).toEqual(expect.objectContaining({ count: 10 }));
    const locked = await (await challenge(auth, email)).post('/two-factor/verify-totp', { code: totp.generate() });
    expect([locked.status, locked.json.code]).toEqual([429, 'ACCOUNT_TEMPORARILY_LOCKED']);
  }, 180_000);

  it('locks a user whose only second factor is an emailed code: ten wrong codes over two challenges, then the right one is refused', async () => {
    const sent: string[] = [];
    const auth = authOn(database(), { otpOptions: { sendOTP: ({ otp }) => void sent.push(otp) } });
    const email = uniqueEmail('otp-only');
    const browser = new Browser(auth.handler);
    await browser.post('/sign-up/email', { email, password: PASSWORD, name: 'Otto' });
    expect((await browser.post('/two-factor/enable', { password: PASSWORD, method: 'otp' })).json).toEqual({ method: 'otp' });
    await browser.post('/sign-out');

    const answers = [];
    for (let round = 0; round < 2; round += 1) {
      const pending = await challenge(auth, email);
      expect((await pending.post('/two-factor/send-otp')).status).toBe(200);
      const wrong = sent.at(-1) === '000000' ? '111111' : '000000';
      for (let i = 0; i < 5; i += 1) answers.push(await pending.post('/two-factor/verify-otp', { code: wrong }));
    }
    expect(tally(answers)).toEqual({ '401 INVALID_CODE': 10 });
    const last = await challenge(auth, email);
    expect((await last.post('/two-factor/send-otp')).status).toBe(200);
    const refused = await last.post('/two-factor/verify-otp', { code: sent.at(-1) });
    expect([refused.status, refused.json.code]).toEqual([429, 'ACCOUNT_TEMPORARILY_LOCKED']);
  });

  it('sends at most five codes to one account, over one or many challenges, without the rate limiter', async () => {
    const sent: string[] = [];
    const auth = authOn(database(), { otpOptions: { sendOTP: ({ otp }) => void sent.push(otp) } });
    const { email } = await totpUser(auth);
    const first = await challenge(auth, email);
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await first.post('/two-factor/send-otp'));
    const second = await challenge(auth, email);
    for (let i = 0; i < 3; i += 1) answers.push(await second.post('/two-factor/send-otp'));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(answers[6].json.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(answers[6].headers.get('retry-after'))).toBeGreaterThan(0);
    expect(sent).toHaveLength(5);
  });

  it('verify-backup-code with disableSession spends the code and answers the user without opening a session', async () => {
    const auth = authOn(database());
    const { email, backupCodes } = await totpUser(auth);
    const pending = await challenge(auth, email);
    const answer = await pending.post('/two-factor/verify-backup-code', { code: backupCodes[0], disableSession: true });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ token: null, user: expect.objectContaining({ email }) });
    expect(answer.headers.getSetCookie().filter((cookie) => cookie.startsWith('better-auth.session_token=') && !/Max-Age=0/.test(cookie))).toEqual([]);
    expect((await pending.get('/get-session')).json).toBeNull();
    expect((await (await challenge(auth, email)).post('/two-factor/verify-backup-code', { code: backupCodes[0] })).json.code).toBe('INVALID_BACKUP_CODE');
  });
});
