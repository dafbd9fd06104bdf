import { createHash } from 'node:crypto';
import { describeOnEveryBackend } from '../support/backends';
import { advanceClock } from '../support/lifecycle-auth';
import { call, PASSWORD, uniqueEmail } from '../support/test-auth';
import { makePasswordlessAuth } from './passwordless-auth';

afterEach(() => jest.restoreAllMocks());

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const NEW_PASSWORD = 'a brand new password';

describeOnEveryBackend('EmailOtpPlugin', (backend) => {
  type Setup = ReturnType<typeof makePasswordlessAuth>;
  function setup(options: Parameters<typeof makePasswordlessAuth>[1] = {}): Setup {
    return makePasswordlessAuth(backend.database(), options);
  }

  async function sendCode(s: Setup, email: string, type: string, path = '/email-otp/send-verification-otp'): Promise<string> {
    const since = s.mail.sent.length;
    const answer = await call(s.auth.handler, 'POST', path, { body: path === '/email-otp/send-verification-otp' ? { email, type } : { email } });
    expect([answer.status, answer.json]).toEqual([200, { success: true }]);
    return (await s.mail.next({ kind: `email-otp:${type}` as `${string}:${string}`, to: email }, { since })).token;
  }

  const signInOtp = (s: Setup, email: string, otp: string, extra: Record<string, unknown> = {}) => call(s.auth.handler, 'POST', '/sign-in/email-otp', { body: { email, otp, ...extra } });
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  async function squatter(s: Setup, email: string) {
    const signedUp = await call(s.auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'Mallory' } });
    expect(signedUp.json.user.emailVerified).toBe(false);
    return signedUp;
  }

  async function expectSquatterGone(s: Setup, email: string, cookie: string | undefined) {
    expect((await call(s.auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } })).status).toBe(401);
    expect((await call(s.auth.handler, 'GET', '/get-session', { cookie })).json?.session).toBeUndefined();
  }

  describe('sign-in', () => {
    it('emails a 6-digit code of kind email-otp:sign-in; the code signs a new address up (verified) and answers { token, user } with the cookie', async () => {
      const s = setup();
      const email = uniqueEmail('otp-new');
      const code = await sendCode(s, email, 'sign-in');
      expect(code).toMatch(/^\d{6}$/);
      const answer = await signInOtp(s, email, code, { name: 'Otto' });
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({ token: expect.any(String), user: expect.objectContaining({ email, name: 'Otto', emailVerified: true }) });
      expect((await call(s.auth.handler, 'GET', '/get-session', { cookie: answer.cookie })).json.user.email).toBe(email);
    });

    it('a used code answers 400 INVALID_OTP', async () => {
      const s = setup();
      const email = uniqueEmail('otp-used');
      const code = await sendCode(s, email, 'sign-in');
      expect((await signInOtp(s, email, code)).status).toBe(200);
      const again = await signInOtp(s, email, code);
      expect([again.status, again.json.code]).toEqual([400, 'INVALID_OTP']);
    });

    it('a code sent 8 times at once signs in once', async () => {
      const s = setup();
      const email = uniqueEmail('otp-race');
      const code = await sendCode(s, email, 'sign-in');
      const answers = await Promise.all(Array.from({ length: 8 }, () => signInOtp(s, email, code)));
      expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
      expect(answers.filter((answer) => answer.status === 400 && answer.json.code === 'INVALID_OTP')).toHaveLength(7);
      const user = await s.database.getUserByEmail(email);
      expect(await s.database.listSessionsForUser(user!.id)).toHaveLength(1);
    });

    it('three wrong codes answer 400 INVALID_OTP, then even the right one 403 TOO_MANY_ATTEMPTS, and the code is gone', async () => {
      const s = setup();
      const email = uniqueEmail('otp-tries');
      const code = await sendCode(s, email, 'sign-in');
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const answer = await signInOtp(s, email, wrong(code));
        expect([answer.status, answer.json.code]).toEqual([400, 'INVALID_OTP']);
      }
      const locked = await signInOtp(s, email, code);
      expect([locked.status, locked.json.code]).toEqual([403, 'TOO_MANY_ATTEMPTS']);
      const gone = await signInOtp(s, email, code);
      expect([gone.status, gone.json.code]).toEqual([400, 'INVALID_OTP']);
      expect(await s.database.getUserByEmail(email)).toBeNull();
    });

    it('an expired code answers 400 OTP_EXPIRED', async () => {
      const s = setup();
      const email = uniqueEmail('otp-expired');
      const code = await sendCode(s, email, 'sign-in');
      advanceClock(5 * 60 * 1000 + 1000);
      const answer = await signInOtp(s, email, code);
      expect([answer.status, answer.json.code]).toEqual([400, 'OTP_EXPIRED']);
    });

    it('a code is bound to its type and its address', async () => {
      const s = setup();
      const email = uniqueEmail('otp-bound');
      await call(s.auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'B' } });
      const verificationCode = await sendCode(s, email, 'email-verification');
      const asSignIn = await signInOtp(s, email, verificationCode);
      expect([asSignIn.status, asSignIn.json.code]).toEqual([400, 'INVALID_OTP']);
      const other = uniqueEmail('otp-other');
      const signInCode = await sendCode(s, email, 'sign-in');
      const elsewhere = await signInOtp(s, other, signInCode);
      expect([elsewhere.status, elsewhere.json.code]).toEqual([400, 'INVALID_OTP']);
      expect(await s.database.getUserByEmail(other)).toBeNull();
    });

    it('sending a new code voids the previous one', async () => {
      const s = setup();
      const email = uniqueEmail('otp-resend');
      const first = await sendCode(s, email, 'sign-in');
      const second = await sendCode(s, email, 'sign-in');
      if (first !== second) expect((await signInOtp(s, email, first)).json.code).toBe('INVALID_OTP');
      expect((await signInOtp(s, email, second)).status).toBe(200);
    });

    it('stores a keyed digest: neither the code, its plain hash nor the address appear in the stored row', async () => {
      const s = setup();
      const email = uniqueEmail('otp-digest');
      const code = await sendCode(s, email, 'sign-in');
      const row = await s.database.getVerificationByIdentifier(`email-otp:sign-in:${sha256(email)}`);
      expect(row).not.toBeNull();
      expect(row!.value).not.toContain(code);
      expect(row!.value).not.toContain(sha256(code));
      expect(`${row!.identifier}${row!.value}`).not.toContain(email);
    });

    it('bounds wrong codes per address across re-sent codes even with the rate limiter off: the 11th try is 403 TOO_MANY_ATTEMPTS, right code or not', async () => {
      const s = setup({ config: { rateLimit: { enabled: false } } });
      const email = uniqueEmail('otp-account');
      let failures = 0;
      while (failures < 10) {
        const code = await sendCode(s, email, 'sign-in');
        for (let attempt = 0; attempt < 3 && failures < 10; attempt += 1, failures += 1) {
          expect((await signInOtp(s, email, wrong(code))).json.code).toBe('INVALID_OTP');
        }
      }
      const fresh = await sendCode(s, email, 'sign-in');
      const refused = await signInOtp(s, email, fresh);
      expect([refused.status, refused.json.code]).toEqual([403, 'TOO_MANY_ATTEMPTS']);
      expect(await s.database.getUserByEmail(email)).toBeNull();
      // The limit ends with its window; the code sent meanwhile was kept and still works until it expires.
      advanceClock(15 * 60 * 1000 + 1000);
      const later = await sendCode(s, email, 'sign-in');
      expect((await signInOtp(s, email, later)).status).toBe(200);
    });

    it('wrong codes sent in parallel over re-sent codes never exceed the account-wide bound', async () => {
      const s = setup({ config: { rateLimit: { enabled: false } } });
      const email = uniqueEmail('otp-parallel');
      const checked: number[] = [];
      for (let round = 0; round < 6; round += 1) {
        const code = await sendCode(s, email, 'sign-in');
        const answers = await Promise.all(Array.from({ length: 10 }, () => signInOtp(s, email, wrong(code))));
        checked.push(answers.filter((answer) => answer.json.code === 'INVALID_OTP').length);
      }
      const fresh = await sendCode(s, email, 'sign-in');
      expect((await signInOtp(s, email, fresh)).json.code).toBe('TOO_MANY_ATTEMPTS');
      expect(await s.auth.context.records('accountFailure').findOne({ key: `email-otp:${sha256(email)}` })).toEqual(expect.objectContaining({ count: 10 }));
    });

    it('with disableSignUp sends no sign-in code to an unknown address and accepts none', async () => {
      const s = setup({ emailOtp: { disableSignUp: true } });
      const email = uniqueEmail('otp-closed');
      const answer = await call(s.auth.handler, 'POST', '/email-otp/send-verification-otp', { body: { email, type: 'sign-in' } });
      await s.settle();
      expect([answer.status, answer.json]).toEqual([200, { success: true }]);
      expect(s.mail.sent).toHaveLength(0);
      expect((await signInOtp(s, email, '123456')).json.code).toBe('INVALID_OTP');
      expect(await s.database.getUserByEmail(email)).toBeNull();
    });

    it('goes through the sign-in pipeline: a refusing step answers its error and opens no session', async () => {
      const email = uniqueEmail('otp-blocked');
      const s = setup({ blocked: new Set([email]) });
      const code = await sendCode(s, email, 'sign-in');
      const answer = await signInOtp(s, email, code);
      expect([answer.status, answer.json.code, answer.cookie]).toEqual([403, 'SIGN_IN_BLOCKED', undefined]);
    });

    it('on a pre-registered unverified account, removes the squatter password and sessions before signing the owner in', async () => {
      const s = setup();
      const email = uniqueEmail('otp-squat');
      const squat = await squatter(s, email);
      const code = await sendCode(s, email, 'sign-in');
      const owner = await signInOtp(s, email, code);
      expect(owner.json.user).toMatchObject({ id: squat.json.user.id, emailVerified: true });
      await expectSquatterGone(s, email, squat.cookie);
      expect((await call(s.auth.handler, 'GET', '/list-accounts', { cookie: owner.cookie })).json).toEqual([]);
    });
  });

  describe('verify-email', () => {
    it('from the session of the user who signed up: verifies the address and keeps the password and sessions', async () => {
      const s = setup();
      const email = uniqueEmail('otp-verify-own');
      const signedUp = await squatter(s, email);
      const code = await sendCode(s, email, 'email-verification');
      const answer = await call(s.auth.handler, 'POST', '/email-otp/verify-email', { body: { email, otp: code }, cookie: signedUp.cookie });
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({ status: true, token: null, user: expect.objectContaining({ email, emailVerified: true }) });
      expect((await call(s.auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } })).status).toBe(200);
      expect((await call(s.auth.handler, 'GET', '/get-session', { cookie: signedUp.cookie })).status).toBe(200);
    });

    it('from anyone else on an unverified account: removes the squatter password and sessions, then verifies', async () => {
      const s = setup();
      const email = uniqueEmail('otp-verify-squat');
      const squat = await squatter(s, email);
      const code = await sendCode(s, email, 'email-verification');
      const answer = await call(s.auth.handler, 'POST', '/email-otp/verify-email', { body: { email, otp: code } });
      expect([answer.status, answer.json.user.emailVerified]).toEqual([200, true]);
      await expectSquatterGone(s, email, squat.cookie);
    });

    it('with autoSignInAfterVerification answers a token and the session cookie', async () => {
      const s = setup({ emailOtp: { autoSignInAfterVerification: true } });
      const email = uniqueEmail('otp-verify-auto');
      await squatter(s, email);
      const code = await sendCode(s, email, 'email-verification');
      const answer = await call(s.auth.handler, 'POST', '/email-otp/verify-email', { body: { email, otp: code } });
      expect(answer.json).toEqual({ status: true, token: expect.any(String), user: expect.objectContaining({ emailVerified: true }) });
      expect((await call(s.auth.handler, 'GET', '/get-session', { cookie: answer.cookie })).json.user.email).toBe(email);
    });

    it('sends no verification code to an unknown address', async () => {
      const s = setup();
      const answer = await call(s.auth.handler, 'POST', '/email-otp/send-verification-otp', { body: { email: uniqueEmail('otp-nobody'), type: 'email-verification' } });
      await s.settle();
      expect([answer.status, answer.json]).toEqual([200, { success: true }]);
      expect(s.mail.sent).toHaveLength(0);
    });
  });

  describe('check-verification-otp and password reset', () => {
    it('check-verification-otp tells a right code without spending it; the code then resets the password', async () => {
      const s = setup();
      const email = uniqueEmail('otp-check');
      await squatter(s, email);
      const code = await sendCode(s, email, 'forget-password', '/email-otp/request-password-reset');
      const wrongAnswer = await call(s.auth.handler, 'POST', '/email-otp/check-verification-otp', { body: { email, type: 'forget-password', otp: wrong(code) } });
      expect([wrongAnswer.status, wrongAnswer.json.code]).toEqual([400, 'INVALID_OTP']);
      const right = await call(s.auth.handler, 'POST', '/email-otp/check-verification-otp', { body: { email, type: 'forget-password', otp: code } });
      expect([right.status, right.json]).toEqual([200, { success: true }]);
      const reset = await call(s.auth.handler, 'POST', '/email-otp/reset-password', { body: { email, otp: code, password: NEW_PASSWORD } });
      expect([reset.status, reset.json]).toEqual([200, { success: true }]);
    });

    it('check-verification-otp for an address without a user answers 400 USER_NOT_FOUND', async () => {
      const s = setup();
      const email = uniqueEmail('otp-check-nobody');
      const code = await sendCode(s, email, 'sign-in');
      const answer = await call(s.auth.handler, 'POST', '/email-otp/check-verification-otp', { body: { email, type: 'sign-in', otp: code } });
      expect([answer.status, answer.json.code]).toEqual([400, 'USER_NOT_FOUND']);
    });

    it.each([['/email-otp/request-password-reset'], ['/forget-password/email-otp']])('%s mails a code that resets the password and ends the other sessions', async (path) => {
      const s = setup();
      const email = uniqueEmail('otp-reset');
      const signedUp = await call(s.auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'R' } });
      await s.database.updateUser(signedUp.json.user.id, { emailVerified: true });
      const code = await sendCode(s, email, 'forget-password', path);
      const reset = await call(s.auth.handler, 'POST', '/email-otp/reset-password', { body: { email, otp: code, password: NEW_PASSWORD } });
      expect([reset.status, reset.json]).toEqual([200, { success: true }]);
      expect((await call(s.auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } })).status).toBe(401);
      expect((await call(s.auth.handler, 'POST', '/sign-in/email', { body: { email, password: NEW_PASSWORD } })).status).toBe(200);
      expect((await call(s.auth.handler, 'GET', '/get-session', { cookie: signedUp.cookie })).json?.session).toBeUndefined();
    });

    it('with revokeSessionsOnPasswordReset false, a reset keeps the other sessions', async () => {
      const s = setup({ emailOtp: { revokeSessionsOnPasswordReset: false } });
      const email = uniqueEmail('otp-reset-keep');
      const signedUp = await call(s.auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'R' } });
      await s.database.updateUser(signedUp.json.user.id, { emailVerified: true });
      const code = await sendCode(s, email, 'forget-password', '/email-otp/request-password-reset');
      expect((await call(s.auth.handler, 'POST', '/email-otp/reset-password', { body: { email, otp: code, password: NEW_PASSWORD } })).status).toBe(200);
      expect((await call(s.auth.handler, 'GET', '/get-session', { cookie: signedUp.cookie })).status).toBe(200);
    });

    it('a reset with a too short password answers 400 PASSWORD_TOO_SHORT and leaves the code usable', async () => {
      const s = setup();
      const email = uniqueEmail('otp-short');
      await squatter(s, email);
      const code = await sendCode(s, email, 'forget-password', '/email-otp/request-password-reset');
      const short = await call(s.auth.handler, 'POST', '/email-otp/reset-password', { body: { email, otp: code, password: 'short' } });
      expect([short.status, short.json.code]).toEqual([400, 'PASSWORD_TOO_SHORT']);
      expect((await call(s.auth.handler, 'POST', '/email-otp/reset-password', { body: { email, otp: code, password: NEW_PASSWORD } })).status).toBe(200);
    });

    it('a reset code used by 8 requests at once sets one password', async () => {
      const s = setup();
      const email = uniqueEmail('otp-reset-race');
      await squatter(s, email);
      const code = await sendCode(s, email, 'forget-password', '/email-otp/request-password-reset');
      const answers = await Promise.all(Array.from({ length: 8 }, (_, index) => call(s.auth.handler, 'POST', '/email-otp/reset-password', { body: { email, otp: code, password: `${NEW_PASSWORD} ${index}` } })));
      expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    });

    it('sends no reset code to an unknown address', async () => {
      const s = setup();
      const answer = await call(s.auth.handler, 'POST', '/email-otp/request-password-reset', { body: { email: uniqueEmail('otp-reset-nobody') } });
      await s.settle();
      expect([answer.status, answer.json]).toEqual([200, { success: true }]);
      expect(s.mail.sent).toHaveLength(0);
    });
  });

  it.each([
    ['/email-otp/send-verification-otp', { email: 'not-an-email', type: 'sign-in' }, 'INVALID_EMAIL'],
    ['/email-otp/send-verification-otp', { email: 'a@example.com', type: 'change-everything' }, 'VALIDATION_ERROR'],
    ['/sign-in/email-otp', { email: 'a@example.com' }, 'VALIDATION_ERROR'],
    ['/sign-in/email-otp', { email: 'a@example.com', otp: 123456 }, 'VALIDATION_ERROR'],
    ['/email-otp/verify-email', { email: 'nope', otp: '123456' }, 'INVALID_EMAIL'],
    ['/email-otp/check-verification-otp', { email: 'a@example.com', otp: '123456' }, 'VALIDATION_ERROR'],
    ['/email-otp/reset-password', { email: 'a@example.com', otp: '123456' }, 'VALIDATION_ERROR'],
  ])('%s with %j answers 400 %s and sends nothing', async (path, body, code) => {
    const s = setup();
    const answer = await call(s.auth.handler, 'POST', path, { body });
    await s.settle();
    expect([answer.status, answer.json.code]).toEqual([400, code]);
    expect(s.mail.sent).toHaveLength(0);
  });
});
