import { describeOnEveryBackend } from '../support/backends';
import { makeLifecycleAuth } from '../support/lifecycle-auth';
import { call, PASSWORD, signUp, uniqueEmail } from '../support/test-auth';

const LONE_SURROGATE_EMAIL = 'a\ud800@x.co';

describeOnEveryBackend('ill-formed Unicode and control characters', (backend) => {
  it('a lone surrogate in an email answers 400 VALIDATION_ERROR on every route that takes one, and logs nothing', async () => {
    const { auth } = makeLifecycleAuth({ database: backend.database() });
    const { token } = await signUp(auth.handler);
    const error = jest.spyOn(console, 'error').mockImplementation(() => {});
    const requests: Array<[string, Record<string, unknown>, string?]> = [
      ['/sign-in/email', { email: LONE_SURROGATE_EMAIL, password: PASSWORD }],
      ['/sign-up/email', { email: LONE_SURROGATE_EMAIL, password: PASSWORD, name: 'X' }],
      ['/request-password-reset', { email: LONE_SURROGATE_EMAIL }],
      ['/send-verification-email', { email: LONE_SURROGATE_EMAIL }],
      ['/change-email', { newEmail: LONE_SURROGATE_EMAIL }, token],
    ];
    for (const [path, body, bearer] of requests) {
      const result = await call(auth.handler, 'POST', path, { body, bearer });
      expect([path, result.status, result.json.code]).toEqual([path, 400, 'VALIDATION_ERROR']);
    }
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
  });

  it('a NUL or another control character in a stored string answers 400 VALIDATION_ERROR and stores nothing', async () => {
    const { auth, database } = makeLifecycleAuth({ database: backend.database() });
    const { token, user } = await signUp(auth.handler);
    for (const name of ['nul\u0000name', 'bell\u0007name', 'lone \udc00 low']) {
      const email = uniqueEmail('ctl');
      const signUpResult = await call(auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name } });
      expect([JSON.stringify(name), signUpResult.status, signUpResult.json.code]).toEqual([JSON.stringify(name), 400, 'VALIDATION_ERROR']);
      expect(await database.getUserByEmail(email)).toBeNull();
      const update = await call(auth.handler, 'POST', '/update-user', { bearer: token, body: { name } });
      expect([update.status, update.json.code]).toEqual([400, 'VALIDATION_ERROR']);
    }
    const image = await call(auth.handler, 'POST', '/update-user', { bearer: token, body: { image: 'https://img.example/\u0000.png' } });
    expect([image.status, image.json.code]).toEqual([400, 'VALIDATION_ERROR']);
    expect((await database.getUserById(user.id))!.displayName).toBe('Test User');
  });

  it('a control character in a query value answers 400 VALIDATION_ERROR', async () => {
    const { auth } = makeLifecycleAuth({ database: backend.database() });
    const result = await call(auth.handler, 'GET', `/verify-email?token=${encodeURIComponent('abc\u0000def')}`);
    expect([result.status, result.json.code]).toEqual([400, 'VALIDATION_ERROR']);
  });

  it('tabs and line breaks stay allowed where text may hold them', async () => {
    const { auth } = makeLifecycleAuth({ database: backend.database() });
    const { token } = await signUp(auth.handler);
    const update = await call(auth.handler, 'POST', '/update-user', { bearer: token, body: { name: 'Ada\tLovelace\n' } });
    expect(update.status).toBe(200);
  });
});

describe('a null where an optional string may stand', () => {
  it('delete-user and change-email read password: null as no password (fresh session), not as a 500', async () => {
    const { auth } = makeLifecycleAuth({ emailVerification: false });
    const { token } = await signUp(auth.handler);
    const change = await call(auth.handler, 'POST', '/change-email', { bearer: token, body: { newEmail: uniqueEmail('n'), password: null } });
    expect(change.status).toBe(200);
    const remove = await call(auth.handler, 'POST', '/delete-user', { bearer: token, body: { password: null } });
    expect([remove.status, remove.json.message]).toEqual([200, 'User deleted']);
  });
});
