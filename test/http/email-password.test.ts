import { digestToken } from 'better-auth-entities';
import { AuthDefault, AuthField, AuthUser, BaseUser } from 'better-auth-entities/entities';
import { describeOnEveryBackend } from '../support/backends';
import { call, makeTestAuth, PASSWORD, signUp, uniqueEmail } from '../support/test-auth';

@AuthUser()
class SignupUser extends BaseUser {
  @AuthDefault(false) marketingOptIn!: boolean;
  @AuthField({ type: 'string' }) referralCode!: string | null;
}

describeOnEveryBackend('email and password', (backend) => {
  describe('POST /sign-up/email', () => {
    it('creates the user, answers { token, user } and sets a signed HttpOnly session cookie', async () => {
      const { auth } = backend.makeAuth();
      const email = uniqueEmail();
      const result = await call(auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'Ada' } });

      expect(result.status).toBe(200);
      expect(typeof result.json.token).toBe('string');
      expect(result.json.user).toMatchObject({ email, name: 'Ada', emailVerified: false, plan: 'free', stripeCustomerId: null });
      const setCookie = result.headers.get('set-cookie')!;
      expect(setCookie).toMatch(/^better-auth\.session_token=[^;]+\.[^;]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax$/);
      expect(result.headers.get('set-auth-token')).toMatch(/\./);
    });

    it('stores the user with its credential account and only the token digest', async () => {
      const { auth, database } = backend.makeAuth();
      const { token, user } = await signUp(auth.handler);

      const accounts = await database.listAccountsForUser(user.id);
      expect(accounts).toHaveLength(1);
      expect(accounts[0]).toMatchObject({ providerId: 'credential', accountId: user.id });
      expect(accounts[0].password).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
      expect(await database.getSessionByToken(token)).toBeNull();
      expect(await database.getSessionByToken(digestToken(token))).not.toBeNull();
    });

    it('normalises the email and answers 422 USER_ALREADY_EXISTS for the same address in another case', async () => {
      const { auth, database } = backend.makeAuth();
      const email = uniqueEmail();
      await signUp(auth.handler, email);
      const again = await call(auth.handler, 'POST', '/sign-up/email', { body: { email: email.toUpperCase(), password: PASSWORD, name: 'B' } });

      expect(again.status).toBe(422);
      expect(again.json).toEqual({ code: 'USER_ALREADY_EXISTS', message: expect.any(String) });
      expect((await database.listUsers()).total).toBe(1);
    });

    it('lets exactly one of ten concurrent sign-ups with one email succeed', async () => {
      const { auth, database } = backend.makeAuth();
      const email = uniqueEmail();
      const results = await Promise.all(
        Array.from({ length: 10 }, () => call(auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'Racer' } })),
      );

      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.filter((r) => r.status === 422)).toHaveLength(9);
      const { users, total } = await database.listUsers();
      expect(total).toBe(1);
      expect(await database.listAccountsForUser(users[0].id)).toHaveLength(1);
    });

    it('ignores custom fields marked input: false in the body', async () => {
      const { auth } = backend.makeAuth();
      const result = await call(auth.handler, 'POST', '/sign-up/email', {
        body: { email: uniqueEmail(), password: PASSWORD, name: 'C', plan: 'enterprise', stripeCustomerId: 'cus_123' },
      });
      expect(result.status).toBe(200);
      expect(result.json.user).toMatchObject({ plan: 'free', stripeCustomerId: null });
    });



    it('answers 400 PASSWORD_TOO_SHORT and PASSWORD_TOO_LONG and creates nothing', async () => {
      const { auth, database } = backend.makeAuth({ emailPassword: { minPasswordLength: 10, maxPasswordLength: 20 } });
      const short = await call(auth.handler, 'POST', '/sign-up/email', { body: { email: uniqueEmail(), password: 'short', name: 'D' } });
      const long = await call(auth.handler, 'POST', '/sign-up/email', { body: { email: uniqueEmail(), password: 'x'.repeat(21), name: 'D' } });

      expect([short.status, short.json.code]).toEqual([400, 'PASSWORD_TOO_SHORT']);
      expect([long.status, long.json.code]).toEqual([400, 'PASSWORD_TOO_LONG']);
      expect((await database.listUsers()).total).toBe(0);
    });

    it('answers 400 VALIDATION_ERROR naming each bad field', async () => {
      const { auth } = backend.makeAuth();
      const result = await call(auth.handler, 'POST', '/sign-up/email', { body: { email: 'not-an-email', password: 12345678 } });

      expect(result.status).toBe(400);
      expect(result.json.code).toBe('VALIDATION_ERROR');
      expect(result.json.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'name', 'password']);
    });

    it('answers 403 SIGN_UP_DISABLED when sign-up is off', async () => {
      const { auth, database } = backend.makeAuth({ emailPassword: { enableSignup: false } });
      const result = await call(auth.handler, 'POST', '/sign-up/email', { body: { email: uniqueEmail(), password: PASSWORD, name: 'E' } });

      expect([result.status, result.json.code]).toEqual([403, 'SIGN_UP_DISABLED']);
      expect((await database.listUsers()).total).toBe(0);
    });

    it('returns a null token and sets no cookie when autoSignIn is off', async () => {
      const { auth } = backend.makeAuth({ emailPassword: { autoSignIn: false } });
      const result = await call(auth.handler, 'POST', '/sign-up/email', { body: { email: uniqueEmail(), password: PASSWORD, name: 'F' } });

      expect(result.status).toBe(200);
      expect(result.json.token).toBeNull();
      expect(result.headers.get('set-cookie')).toBeNull();
    });
  });

  describe('POST /sign-in/email', () => {
    it('signs in with a credential account whose accountId is not the user id (a database migrated from elsewhere)', async () => {
      const { auth, database } = backend.makeAuth();
      const { email, user } = await signUp(auth.handler);
      const [credential] = await database.listAccountsForUser(user.id);
      // Replace the credential by one with a foreign account id and the same hash, as an import would leave it.
      await database.deleteAccount(credential.id);
      await database.createAccount({ userId: user.id, providerId: 'credential', accountId: `legacy-${user.id}`, password: credential.password });

      const result = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } });
      expect(result.status).toBe(200);
      expect(result.json.user.id).toBe(user.id);
      const wrong = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: 'not the password at all' } });
      expect(wrong.status).toBe(401);
    });

    it('answers { redirect: false, token, url: null, user } and a working session', async () => {
      const { auth } = backend.makeAuth();
      const { email } = await signUp(auth.handler);
      const result = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } });

      expect(result.status).toBe(200);
      expect(result.json).toEqual({ redirect: false, token: expect.any(String), url: null, user: expect.objectContaining({ email }) });
      const session = await call(auth.handler, 'GET', '/get-session', { bearer: result.json.token });
      expect(session.status).toBe(200);
    });

    it('gives a wrong password and an unknown email the same 401 answer', async () => {
      const { auth } = backend.makeAuth();
      const { email } = await signUp(auth.handler);
      const wrong = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: 'wrong password!' } });
      const unknown = await call(auth.handler, 'POST', '/sign-in/email', { body: { email: uniqueEmail('nobody'), password: PASSWORD } });

      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.json).toEqual(unknown.json);
      expect(wrong.json.code).toBe('INVALID_EMAIL_OR_PASSWORD');
    });

    it('pays for one password hash for an unknown email too', async () => {
      const { auth } = backend.makeAuth();
      const hash = jest.spyOn(auth.context.hasher, 'hash');
      await call(auth.handler, 'POST', '/sign-in/email', { body: { email: uniqueEmail('nobody'), password: PASSWORD } });
      expect(hash).toHaveBeenCalledTimes(1);
    });

    it('refuses an over-long password before hashing it', async () => {
      const { auth } = backend.makeAuth();
      const { email } = await signUp(auth.handler);
      const verify = jest.spyOn(auth.context.hasher, 'verify');
      const hash = jest.spyOn(auth.context.hasher, 'hash');
      const result = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: 'p'.repeat(200) } });

      expect(result.status).toBe(401);
      expect(verify).not.toHaveBeenCalled();
      expect(hash).not.toHaveBeenCalled();
    });

    it('sets a browser-session cookie (no Max-Age) when rememberMe is false', async () => {
      const { auth } = backend.makeAuth();
      const { email } = await signUp(auth.handler);
      const result = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD, rememberMe: false } });

      expect(result.status).toBe(200);
      expect(result.headers.get('set-cookie')).not.toMatch(/Max-Age/);
    });

    it('never returns the password hash', async () => {
      const { auth } = backend.makeAuth();
      const { email } = await signUp(auth.handler);
      const result = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } });
      expect(JSON.stringify(result.json)).not.toMatch(/[0-9a-f]{32}:[0-9a-f]{128}/);
      expect(result.json.user.password).toBeUndefined();
    });
  });
});

describe('custom user fields at sign-up (engine logic, memory adapter)', () => {
  it('stores custom input fields from the body and applies defaults to the ones left out', async () => {
    const { auth, database } = makeTestAuth({ user: SignupUser });
    const result = await call(auth.handler, 'POST', '/sign-up/email', {
      body: { email: uniqueEmail(), password: PASSWORD, name: 'C', referralCode: 'FRIEND' },
    });
    expect(result.status).toBe(200);
    expect(result.json.user).toMatchObject({ referralCode: 'FRIEND', marketingOptIn: false });
    const stored = (await database.getUserById(result.json.user.id)) as unknown as SignupUser;
    expect(stored).toBeInstanceOf(SignupUser);
    expect(stored.referralCode).toBe('FRIEND');
  });
  it('answers 400 VALIDATION_ERROR for a custom field of the wrong type and creates nothing', async () => {
    const { auth, database } = makeTestAuth({ user: SignupUser });
    const result = await call(auth.handler, 'POST', '/sign-up/email', {
      body: { email: uniqueEmail(), password: PASSWORD, name: 'C', marketingOptIn: 'yes' },
    });
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'marketingOptIn', messages: ['must be a boolean'] }] });
    expect((await database.listUsers()).total).toBe(0);
  });
});
