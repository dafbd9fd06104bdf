import { URI, TOTP } from 'otpauth';
import { BetterAuth, getAuthSchema, MemoryEmailSender, schemaSql } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import { EmailPasswordPlugin, PasswordManagementPlugin, SessionManagementPlugin, TwoFactorPlugin, UsernamePlugin, type TwoFactorOptions } from 'better-auth-entities/plugins';
import { Browser } from '../support/browser';
import { builtinBackends, type BuiltinDatabase } from '../support/builtin-backends';
import { createPostgresSchema, type TestDatabase } from '../support/databases';
import { call, ORIGIN, PASSWORD, TEST_SECRET, uniqueEmail } from '../support/test-auth';
import { useShiftedClock } from '../support/shifted-clock';

/*
 * The two-factor plugin over HTTP, on memory, SQLite and PostgreSQL (the shipped migrations create its table). TOTP
 * codes are computed from the enable answer's URI with otpauth; the server's clock is moved one period per
 * code (Date.now), so each test code belongs to a new time step and the replay guard is met only on purpose.
 */

const CHALLENGE = 'better-auth.two_factor';
const TRUST = 'better-auth.trust_device';
const SESSION = 'better-auth.session_token';

const clock = useShiftedClock();
const nextCode = clock.nextCode;

function authOn(database: BuiltinDatabase, options: TwoFactorOptions = {}, emails = new MemoryEmailSender()) {
  return new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, emailSender: emails })
    .database(database)
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    .plugin(new PasswordManagementPlugin())
    .plugin(new TwoFactorPlugin({ issuer: 'Acme', ...options }))
    .build();
}

type Auth = ReturnType<typeof authOn>;

/** A new user with two-factor on (enabled and a first code verified): their browser, authenticator and backup codes. */
async function enrolledUser(auth: Auth) {
  const email = uniqueEmail('2fa');
  const browser = new Browser(auth.handler);
  expect((await browser.post('/sign-up/email', { email, password: PASSWORD, name: 'Ada' })).status).toBe(200);
  const enabled = await browser.post('/two-factor/enable', { password: PASSWORD });
  expect(enabled.status).toBe(200);
  const totp = URI.parse(enabled.json.totpURI) as TOTP;
  expect((await browser.post('/two-factor/verify-totp', { code: nextCode(totp) })).status).toBe(200);
  await browser.post('/sign-out');
  return { email, browser, totp, backupCodes: enabled.json.backupCodes as string[] };
}

/** Signs in by password and expects the second-factor answer. */
async function pendingSignIn(browser: Browser, email: string, extra: Record<string, unknown> = {}) {
  const answer = await browser.post('/sign-in/email', { email, password: PASSWORD, ...extra });
  expect([answer.status, answer.json.twoFactorRedirect]).toEqual([200, true]);
  return answer;
}

const BACKENDS = builtinBackends('two-factor');

describe.each(BACKENDS)('two-factor on %s', (_name, open) => {
  const backend = { database: (): BuiltinDatabase => { throw new Error('not opened'); } };
  beforeAll(async () => { backend.database = await open(); });

  it('enable needs the password and answers the otpauth URI (issuer, digits, period) and ten backup codes; two-factor is on only after a first verified code', async () => {
    const auth = authOn(backend.database());
    const email = uniqueEmail('enable');
    const browser = new Browser(auth.handler);
    await browser.post('/sign-up/email', { email, password: PASSWORD, name: 'Ada' });

    const userId = (await browser.get('/get-session')).json.user.id;
    const wrong = await browser.post('/two-factor/enable', { password: 'not the password' });
    expect([wrong.status, wrong.json.code]).toEqual([400, 'INVALID_PASSWORD']);
    expect(await auth.context.records('twoFactor').count({ userId })).toBe(0);

    const enabled = await browser.post('/two-factor/enable', { password: PASSWORD });
    expect(enabled.status).toBe(200);
    expect(enabled.json).toEqual({ method: 'totp', totpURI: expect.stringMatching(/^otpauth:\/\/totp\//), backupCodes: expect.any(Array) });
    expect(enabled.json.backupCodes).toHaveLength(10);
    for (const code of enabled.json.backupCodes) expect(code).toMatch(/^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}$/);
    const totp = URI.parse(enabled.json.totpURI) as TOTP;
    expect([totp.issuer, totp.label, totp.digits, totp.period, totp.algorithm]).toEqual(['Acme', email, 6, 30, 'SHA1']);

    // Not on yet: a sign-in still opens a session straight away.
    expect((await browser.get('/get-session')).json.user.twoFactorEnabled).toBe(false);
    const stillOff = await new Browser(auth.handler).post('/sign-in/email', { email, password: PASSWORD });
    expect(stillOff.json).toMatchObject({ token: expect.any(String) });

    // At rest: the secret is sealed, the backup codes are digests; neither appears in the row.
    const row = await auth.context.records('twoFactor').findOne({ userId });
    expect(String(row?.secret)).toMatch(/^v1:/);
    expect(String(row?.secret)).not.toContain(totp.secret.base32);
    for (const code of enabled.json.backupCodes) expect(String(row?.backupCodes)).not.toContain(code);

    const bad = await browser.post('/two-factor/verify-totp', { code: '000000' === totp.generate() ? '111111' : '000000' });
    expect([bad.status, bad.json.code]).toEqual([401, 'INVALID_CODE']);
    const verified = await browser.post('/two-factor/verify-totp', { code: nextCode(totp) });
    expect(verified.status).toBe(200);
    expect(verified.json).toEqual({ token: expect.any(String), user: expect.objectContaining({ email, twoFactorEnabled: true }) });

    const again = await browser.post('/two-factor/enable', { password: PASSWORD });
    expect([again.status, again.json.code]).toEqual([400, 'TOTP_ALREADY_ENABLED']);
    const uri = await browser.post('/two-factor/get-totp-uri', { password: PASSWORD });
    expect(uri.json.totpURI).toBe(enabled.json.totpURI);
    expect((await browser.post('/two-factor/get-totp-uri', { password: 'nope nope nope' })).json.code).toBe('INVALID_PASSWORD');
  });

  it('sign-in answers { twoFactorRedirect, twoFactorMethods } with a signed challenge cookie and no session; a wrong code is refused; the right one opens the session once', async () => {
    const auth = authOn(backend.database());
    const { email, totp } = await enrolledUser(auth);
    const browser = new Browser(auth.handler);
    const pending = await pendingSignIn(browser, email);
    expect(pending.json).toEqual({ twoFactorRedirect: true, twoFactorMethods: ['totp'] });
    expect(pending.headers.get('set-auth-token')).toBeNull();
    expect(browser.cookie(SESSION)).toBeUndefined();
    expect(pending.setCookies.find((cookie) => cookie.startsWith(`${CHALLENGE}=`))).toMatch(/Max-Age=600; Path=\/; HttpOnly; SameSite=Lax/);
    expect((await browser.get('/get-session')).json?.user).toBeUndefined();

    const noCookie = await new Browser(auth.handler).post('/two-factor/verify-totp', { code: nextCode(totp) });
    expect([noCookie.status, noCookie.json.code]).toEqual([401, 'INVALID_TWO_FACTOR_COOKIE']);
    const forged = browser.clone();
    forged.jar.set(CHALLENGE, 'forged.value');
    expect((await forged.post('/two-factor/verify-totp', { code: nextCode(totp) })).json.code).toBe('INVALID_TWO_FACTOR_COOKIE');

    const wrong = await browser.post('/two-factor/verify-totp', { code: '12345' });
    expect([wrong.status, wrong.json]).toEqual([401, { code: 'INVALID_CODE', message: 'Invalid code' }]);
    const copied = browser.clone();
    const right = await browser.post('/two-factor/verify-totp', { code: nextCode(totp) });
    expect(right.status).toBe(200);
    expect(right.json).toEqual({ token: expect.any(String), user: expect.objectContaining({ email, twoFactorEnabled: true }) });
    expect(right.headers.get('set-auth-token')).toBeTruthy();
    expect(browser.cookie(CHALLENGE)).toBeUndefined();
    expect((await browser.get('/get-session')).json.user.email).toBe(email);

    // The challenge opened its one session: a copy of its cookie is worth nothing now.
    const replayedChallenge = await copied.post('/two-factor/verify-totp', { code: nextCode(totp) });
    expect([replayedChallenge.status, replayedChallenge.json.code]).toEqual([401, 'INVALID_TWO_FACTOR_COOKIE']);
  });

  it("the session keeps the sign-in's rememberMe: false gives a browser-session cookie", async () => {
    const auth = authOn(backend.database());
    const { email, totp } = await enrolledUser(auth);
    const browser = new Browser(auth.handler);
    await pendingSignIn(browser, email, { rememberMe: false });
    const right = await browser.post('/two-factor/verify-totp', { code: nextCode(totp) });
    const sessionCookie = right.setCookies.find((cookie) => cookie.startsWith(`${SESSION}=`));
    expect(sessionCookie).toBeDefined();
    expect(sessionCookie).not.toMatch(/Max-Age/);

    const remembered = new Browser(auth.handler);
    await pendingSignIn(remembered, email);
    const kept = await remembered.post('/two-factor/verify-totp', { code: nextCode(totp) });
    expect(kept.setCookies.find((cookie) => cookie.startsWith(`${SESSION}=`))).toMatch(/Max-Age=\d+/);
  });

  it('a TOTP code is accepted once: replayed in another sign-in it is refused, and of two racing uses one wins', async () => {
    const auth = authOn(backend.database());
    const { email, totp } = await enrolledUser(auth);
    const first = new Browser(auth.handler);
    await pendingSignIn(first, email);
    const code = nextCode(totp);
    expect((await first.post('/two-factor/verify-totp', { code })).status).toBe(200);

    const replay = new Browser(auth.handler);
    await pendingSignIn(replay, email);
    const refused = await replay.post('/two-factor/verify-totp', { code });
    expect([refused.status, refused.json.code]).toEqual([401, 'INVALID_CODE']);

    const racers = [new Browser(auth.handler), new Browser(auth.handler), new Browser(auth.handler)];
    for (const racer of racers) await pendingSignIn(racer, email);
    const racedCode = nextCode(totp);
    const answers = await Promise.all(racers.map((racer) => racer.post('/two-factor/verify-totp', { code: racedCode })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401, 401]);
  });

  it('one step of clock drift either way is accepted, two are not', async () => {
    const auth = authOn(backend.database());
    const { email, totp } = await enrolledUser(auth);
    clock.shiftMs += 10 * 60 * 1000;
    const browser = new Browser(auth.handler);
    await pendingSignIn(browser, email);
    const twoBehind = totp.generate({ timestamp: Date.now() - 2 * totp.period * 1000 });
    expect((await browser.post('/two-factor/verify-totp', { code: twoBehind })).json.code).toBe('INVALID_CODE');
    const oneAhead = totp.generate({ timestamp: Date.now() + totp.period * 1000 });
    expect((await browser.post('/two-factor/verify-totp', { code: oneAhead })).status).toBe(200);
    clock.shiftMs += 2 * totp.period * 1000;
  });

  it('a backup code opens the session once, also when used concurrently; regenerating replaces them all', async () => {
    const auth = authOn(backend.database());
    const { email, backupCodes } = await enrolledUser(auth);
    const racers = Array.from({ length: 4 }, () => new Browser(auth.handler));
    for (const racer of racers) await pendingSignIn(racer, email);
    const answers = await Promise.all(racers.map((racer) => racer.post('/two-factor/verify-backup-code', { code: backupCodes[0] })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401, 401, 401]);
    for (const refused of answers.filter((answer) => answer.status === 401)) expect(refused.json.code).toBe('INVALID_BACKUP_CODE');

    const later = new Browser(auth.handler);
    await pendingSignIn(later, email);
    expect((await later.post('/two-factor/verify-backup-code', { code: backupCodes[0] })).json.code).toBe('INVALID_BACKUP_CODE');
    // Two different codes racing: both are spent, neither is lost.
    const [a, b] = [new Browser(auth.handler), new Browser(auth.handler)];
    await pendingSignIn(a, email);
    await pendingSignIn(b, email);
    const pair = await Promise.all([a.post('/two-factor/verify-backup-code', { code: backupCodes[1] }), b.post('/two-factor/verify-backup-code', { code: backupCodes[2] })]);
    expect(pair.map((answer) => answer.status)).toEqual([200, 200]);
    expect(pair[0].json).toEqual({ token: expect.any(String), user: expect.objectContaining({ email }) });

    const fresh = await a.post('/two-factor/generate-backup-codes', { password: PASSWORD });
    expect(fresh.json).toEqual({ status: true, backupCodes: expect.any(Array) });
    const old = new Browser(auth.handler);
    await pendingSignIn(old, email);
    expect((await old.post('/two-factor/verify-backup-code', { code: backupCodes[3] })).json.code).toBe('INVALID_BACKUP_CODE');
    expect((await old.post('/two-factor/verify-backup-code', { code: fresh.json.backupCodes[0] })).status).toBe(200);
  });

  it('a challenge allows five wrong codes; ten in a row lock the account (429) even for the right code', async () => {
    const auth = authOn(backend.database());
    const { email, totp } = await enrolledUser(auth);
    const browser = new Browser(auth.handler);
    await pendingSignIn(browser, email);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await browser.post('/two-factor/verify-totp', { code: '00000x' })).json.code).toBe('INVALID_CODE');
    }
    const spent = await browser.post('/two-factor/verify-totp', { code: nextCode(totp) });
    expect([spent.status, spent.json.code]).toEqual([400, 'TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE']);

    await pendingSignIn(browser, email);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await browser.post('/two-factor/verify-backup-code', { code: 'wrong-code' })).json.code).toBe('INVALID_BACKUP_CODE');
    }
    const again = new Browser(auth.handler);
    await pendingSignIn(again, email);
    const locked = await again.post('/two-factor/verify-totp', { code: nextCode(totp) });
    expect([locked.status, locked.json.code]).toEqual([429, 'ACCOUNT_TEMPORARILY_LOCKED']);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);

    clock.shiftMs += 15 * 60 * 1000;
    const after = new Browser(auth.handler);
    await pendingSignIn(after, email);
    expect((await after.post('/two-factor/verify-totp', { code: nextCode(totp) })).status).toBe(200);
  });

  it('a trusted device skips the second factor with a rotating cookie; disabling two-factor revokes it', async () => {
    const auth = authOn(backend.database());
    const { email, totp } = await enrolledUser(auth);
    const browser = new Browser(auth.handler);
    await pendingSignIn(browser, email);
    const trusted = await browser.post('/two-factor/verify-totp', { code: nextCode(totp), trustDevice: true });
    expect(trusted.status).toBe(200);
    expect(trusted.setCookies.find((cookie) => cookie.startsWith(`${TRUST}=`))).toMatch(/Max-Age=2592000; Path=\/; HttpOnly; SameSite=Lax/);
    await browser.post('/sign-out');

    const firstTrust = browser.cookie(TRUST);
    const copy = browser.clone();
    const direct = await browser.post('/sign-in/email', { email, password: PASSWORD });
    expect(direct.json).toMatchObject({ token: expect.any(String), user: { email } });
    expect(browser.cookie(TRUST)).toBeDefined();
    expect(browser.cookie(TRUST)).not.toBe(firstTrust);
    // The copied (now spent) trust cookie is not enough.
    expect((await copy.post('/sign-in/email', { email, password: PASSWORD })).json.twoFactorRedirect).toBe(true);
    expect(copy.cookie(TRUST)).toBeUndefined();

    const disabled = await browser.post('/two-factor/disable', { password: PASSWORD });
    expect(disabled.json).toEqual({ status: true });
    expect(browser.cookie(TRUST)).toBeUndefined();
    expect(await auth.context.records('twoFactor').count({ userId: direct.json.user.id })).toBe(0);
    const plain = await new Browser(auth.handler).post('/sign-in/email', { email, password: PASSWORD });
    expect(plain.json).toMatchObject({ token: expect.any(String) });
  });

  it('a password change or reset revokes the trust of every device', async () => {
    const emails = new MemoryEmailSender();
    const auth = authOn(backend.database(), {}, emails);
    const { email, totp } = await enrolledUser(auth);
    const trust = async () => {
      const device = new Browser(auth.handler);
      await pendingSignIn(device, email);
      expect((await device.post('/two-factor/verify-totp', { code: nextCode(totp), trustDevice: true })).status).toBe(200);
      return device;
    };
    const changer = await trust();
    const other = await trust();
    expect((await changer.post('/change-password', { currentPassword: PASSWORD, newPassword: 'a brand new password' })).status).toBe(200);
    await other.post('/sign-out');
    expect((await other.post('/sign-in/email', { email, password: 'a brand new password' })).json.twoFactorRedirect).toBe(true);
    await changer.post('/change-password', { currentPassword: 'a brand new password', newPassword: PASSWORD });

    const device = await trust();
    await device.post('/sign-out');
    expect((await new Browser(auth.handler).post('/request-password-reset', { email })).status).toBe(200);
    const mail = await emails.next({ kind: 'reset-password', to: email });
    expect((await new Browser(auth.handler).post('/reset-password', { token: mail.token, newPassword: 'reset to something new' })).status).toBe(200);
    expect((await device.post('/sign-in/email', { email, password: 'reset to something new' })).json.twoFactorRedirect).toBe(true);
  });

  it('codes by email: send-otp mails a code (kind two-factor:otp), verify-otp opens the session; a wrong code and a missing one are refused', async () => {
    const emails = new MemoryEmailSender();
    const auth = authOn(backend.database(), { otpOptions: {} }, emails);
    const { email } = await enrolledUser(auth);
    const browser = new Browser(auth.handler);
    expect((await pendingSignIn(browser, email)).json.twoFactorMethods).toEqual(['totp', 'otp']);
    const none = await browser.post('/two-factor/verify-otp', { code: '123456' });
    expect([none.status, none.json.code]).toEqual([400, 'OTP_HAS_EXPIRED']);
    expect((await browser.post('/two-factor/send-otp')).json).toEqual({ status: true });
    const mail = await emails.next({ kind: 'two-factor:otp', to: email });
    expect(mail.token).toMatch(/^\d{6}$/);
    expect(mail.text).toContain(mail.token);
    const wrong = await browser.post('/two-factor/verify-otp', { code: mail.token === '000000' ? '111111' : '000000' });
    expect([wrong.status, wrong.json.code]).toEqual([401, 'INVALID_CODE']);
    const right = await browser.post('/two-factor/verify-otp', { code: mail.token });
    expect(right.json).toEqual({ token: expect.any(String), user: expect.objectContaining({ email }) });
  });

  it('an app callback delivers the code instead of email; OTP alone can be enabled', async () => {
    const sent: Array<{ otp: string }> = [];
    const auth = authOn(backend.database(), { otpOptions: { sendOTP: ({ otp }) => { sent.push({ otp }); } } });
    const email = uniqueEmail('otp');
    const browser = new Browser(auth.handler);
    await browser.post('/sign-up/email', { email, password: PASSWORD, name: 'Otto' });
    expect((await browser.post('/two-factor/enable', { password: PASSWORD, method: 'otp' })).json).toEqual({ method: 'otp' });
    await browser.post('/sign-out');
    expect((await pendingSignIn(browser, email)).json.twoFactorMethods).toEqual(['otp']);
    await browser.post('/two-factor/send-otp', {});
    expect(sent).toHaveLength(1);
    expect((await browser.post('/two-factor/verify-otp', { code: sent[0].otp })).status).toBe(200);
  });

  it('bad input changes nothing: 400 VALIDATION_ERROR, routes without a session 401, unconfigured OTP 400', async () => {
    const auth = authOn(backend.database());
    const { email } = await enrolledUser(auth);
    const browser = new Browser(auth.handler);
    await pendingSignIn(browser, email);
    for (const body of [{}, { code: 123456 }, { code: 'x'.repeat(65) }, { code: '123456', trustDevice: 'yes' }]) {
      const answer = await browser.post('/two-factor/verify-totp', body);
      expect([answer.status, answer.json.code]).toEqual([400, 'VALIDATION_ERROR']);
    }
    expect((await new Browser(auth.handler).post('/two-factor/enable', { password: PASSWORD })).status).toBe(401);
    expect((await new Browser(auth.handler).post('/two-factor/disable', { password: PASSWORD })).status).toBe(401);
    expect((await browser.post('/two-factor/send-otp')).json.code).toBe('OTP_NOT_CONFIGURED');
    // twoFactorEnabled is the plugin's to set: update-user cannot turn it off without the password.
    const backup = await enrolledUser(auth);
    const signedIn = new Browser(auth.handler);
    await pendingSignIn(signedIn, backup.email);
    await signedIn.post('/two-factor/verify-backup-code', { code: backup.backupCodes[0] });
    await signedIn.post('/update-user', { twoFactorEnabled: false, name: 'Renamed' });
    expect((await signedIn.get('/get-session')).json.user).toMatchObject({ name: 'Renamed', twoFactorEnabled: true });
    // The challenge was not used up by any of that.
    expect((await browser.post('/two-factor/verify-backup-code', { code: 'still-wrong' })).json.code).toBe('INVALID_BACKUP_CODE');
  });
});

describe('the two-factor table under names of the app', () => {
  const names = { modelName: 'mfa_settings', fields: { userId: 'owner_id', secret: 'totp_secret', backupCodes: 'recovery_codes', lastTotpStep: 'last_step' } };
  let postgres: TestDatabase | undefined;
  afterAll(async () => {
    await postgres?.drop();
  });

  it('getAuthSchema and generate use them, and the whole flow runs on PostgreSQL tables generate wrote', async () => {
    postgres = await createPostgresSchema('two-factor-names');
    const database = await TypeOrmAdapter.connect(postgres.url, {});
    try {
      const auth = authOn(database, { schema: { twoFactor: names } });
      const table = getAuthSchema(auth).tables.find((candidate) => candidate.model === 'twoFactor');
      expect(table?.name).toBe('mfa_settings');
      expect(table?.columns.map((column) => column.name)).toEqual(['id', 'totp_secret', 'recovery_codes', 'owner_id', 'verified', 'failed_verification_count', 'locked_until', 'last_step']);
      const sql = schemaSql(getAuthSchema(auth), 'postgres');
      for (const statement of sql.split(/;\s*\n/).map((s) => s.replace(/^--.*$/gm, '').trim()).filter(Boolean)) await database.dataSource.query(statement);

      const { email, totp, backupCodes } = await enrolledUser(auth);
      const browser = new Browser(auth.handler);
      await pendingSignIn(browser, email);
      expect((await browser.post('/two-factor/verify-totp', { code: nextCode(totp) })).status).toBe(200);
      const rows: Array<{ owner_id: string; totp_secret: string; last_step: number }> = await database.dataSource.query('SELECT owner_id, totp_secret, last_step FROM mfa_settings');
      expect(rows).toHaveLength(1);
      expect(rows[0].totp_secret).toMatch(/^v1:/);
      expect(Number(rows[0].last_step)).toBeGreaterThan(0);
      const again = new Browser(auth.handler);
      await pendingSignIn(again, email);
      expect((await again.post('/two-factor/verify-backup-code', { code: backupCodes[0] })).status).toBe(200);
    } finally {
      await database.close();
    }
  });
});

describe('the API reference', () => {
  it('lists the eight two-factor routes with their error codes', async () => {
    const auth = authOn(new MemoryDatabaseAdapter());
    const response = await auth.handler(new Request(`${ORIGIN}/api/auth/reference/openapi.json`));
    expect(response.status).toBe(200);
    const document = await response.json();
    const paths = Object.keys(document.paths).filter((path) => path.startsWith('/api/auth/two-factor/')).map((path) => path.slice('/api/auth'.length)).sort();
    expect(paths).toEqual([
      '/two-factor/disable',
      '/two-factor/enable',
      '/two-factor/generate-backup-codes',
      '/two-factor/get-totp-uri',
      '/two-factor/send-otp',
      '/two-factor/verify-backup-code',
      '/two-factor/verify-otp',
      '/two-factor/verify-totp',
    ]);
    expect(JSON.stringify(document.paths['/api/auth/two-factor/verify-totp'])).toContain('INVALID_TWO_FACTOR_COOKIE');
  });
});

describe('every way of signing in', () => {
  it('sign-in by username asks for the second factor too, and the challenge completes the same way', async () => {
    const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, emailSender: new MemoryEmailSender() })
      .database(new MemoryDatabaseAdapter())
      .plugin(new EmailPasswordPlugin())
      .plugin(new SessionManagementPlugin())
      .plugin(new UsernamePlugin())
      .plugin(new TwoFactorPlugin())
      .build();
    const browser = new Browser(auth.handler);
    await browser.post('/sign-up/email', { email: uniqueEmail('named'), password: PASSWORD, name: 'Named', username: 'named_user' });
    const enabled = await browser.post('/two-factor/enable', { password: PASSWORD });
    const totp = URI.parse(enabled.json.totpURI) as TOTP;
    expect(totp.issuer).toBe('localhost');
    await browser.post('/two-factor/verify-totp', { code: nextCode(totp) });
    await browser.post('/sign-out');
    const pending = await browser.post('/sign-in/username', { username: 'named_user', password: PASSWORD });
    expect(pending.json).toEqual({ twoFactorRedirect: true, twoFactorMethods: ['totp'] });
    expect(browser.cookie(SESSION)).toBeUndefined();
    const done = await browser.post('/two-factor/verify-totp', { code: nextCode(totp) });
    expect(done.json.user).toMatchObject({ username: 'named_user' });
    expect((await browser.get('/get-session')).json.user.username).toBe('named_user');
  });
});

describe('rate limits', () => {
  it('the two-factor routes allow three requests per ten seconds per client (better-auth\'s rule)', async () => {
    const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, rateLimit: { enabled: true }, trustProxyHeaders: true })
      .database(new MemoryDatabaseAdapter())
      .plugin(new EmailPasswordPlugin())
      .plugin(new TwoFactorPlugin())
      .build();
    const from = (address: string) => call(auth.handler, 'POST', '/two-factor/verify-totp', { body: { code: '123456' }, headers: { 'x-forwarded-for': address } });
    const statuses: number[] = [];
    for (let request = 0; request < 4; request += 1) statuses.push((await from('203.0.113.9')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect((await from('203.0.113.10')).status).toBe(401); // another client has its own count
  });
});

describe('TOTP options', () => {
  it('issuer, digits and period reach the URI and the check; out-of-range options are refused at construction', async () => {
    const auth = authOn(new MemoryDatabaseAdapter(), { issuer: 'Example Corp', totpOptions: { digits: 8, period: 60 } });
    const email = uniqueEmail('options');
    const browser = new Browser(auth.handler);
    await browser.post('/sign-up/email', { email, password: PASSWORD, name: 'Opt' });
    const enabled = await browser.post('/two-factor/enable', { password: PASSWORD });
    const totp = URI.parse(enabled.json.totpURI) as TOTP;
    expect([totp.issuer, totp.digits, totp.period]).toEqual(['Example Corp', 8, 60]);
    const custom = await browser.post('/two-factor/enable', { password: PASSWORD, issuer: 'Per Request' });
    expect((URI.parse(custom.json.totpURI) as TOTP).issuer).toBe('Per Request');
    const code = nextCode(URI.parse(custom.json.totpURI) as TOTP);
    expect(code).toMatch(/^\d{8}$/);
    expect((await browser.post('/two-factor/verify-totp', { code: code.slice(0, 6) })).json.code).toBe('INVALID_CODE');
    expect((await browser.post('/two-factor/verify-totp', { code })).status).toBe(200);

    expect(() => new TwoFactorPlugin({ totpOptions: { digits: 7 as 6 } })).toThrow(/digits must be 6 or 8/);
    expect(() => new TwoFactorPlugin({ totpOptions: { period: 5 } })).toThrow(/period must be 15–300/);
    expect(() => new TwoFactorPlugin({ backupCodeOptions: { amount: 0 } })).toThrow(/backupCodeOptions/);
  });

  it('otpOptions without sendOTP need an emailSender, said when the instance is built', () => {
    const build = () => new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN }).database(new MemoryDatabaseAdapter()).plugin(new EmailPasswordPlugin()).plugin(new TwoFactorPlugin({ otpOptions: {} })).build();
    expect(build).toThrow(/emailSender/);
  });
});
