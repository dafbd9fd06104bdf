import { followLink, makeLifecycleAuth, socialUser } from '../support/lifecycle-auth';
import { call, PASSWORD, signUp, uniqueEmail } from '../support/test-auth';

const NEW_PASSWORD = 'a brand new passphrase 42';
const OTHER_PASSWORD = 'yet another passphrase 43';

/** Asks for a reset link for `email` and returns its token. */
async function resetToken(setup: ReturnType<typeof makeLifecycleAuth>, email: string): Promise<string> {
  const since = setup.mail.sent.length;
  await call(setup.auth.handler, 'POST', '/request-password-reset', { body: { email } });
  return (await setup.mail.next({ kind: 'reset-password', to: email }, { since })).token;
}

async function resetWith(setup: ReturnType<typeof makeLifecycleAuth>, token: string, newPassword = OTHER_PASSWORD) {
  return call(setup.auth.handler, 'POST', '/reset-password', { body: { token, newPassword } });
}

describe('outstanding reset links die with the events that should kill them', () => {
  it('a successful reset voids the other reset link: 400 INVALID_TOKEN, and the password stays the one just set', async () => {
    const setup = makeLifecycleAuth();
    const { email } = await signUp(setup.auth.handler);
    const first = await resetToken(setup, email);
    const second = await resetToken(setup, email);
    expect((await resetWith(setup, first, NEW_PASSWORD)).status).toBe(200);

    const late = await resetWith(setup, second);
    expect([late.status, late.json.code]).toEqual([400, 'INVALID_TOKEN']);
    expect((await call(setup.auth.handler, 'POST', '/sign-in/email', { body: { email, password: NEW_PASSWORD } })).status).toBe(200);
  });

  it('change-password voids a link requested before it, and the link no longer even shows the form', async () => {
    const setup = makeLifecycleAuth();
    const { email, token: session } = await signUp(setup.auth.handler);
    const pending = await resetToken(setup, email);
    const changed = await call(setup.auth.handler, 'POST', '/change-password', { bearer: session, body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } });
    expect(changed.status).toBe(200);

    const peek = await followLink(setup.auth.handler, `http://localhost:3000/api/auth/reset-password/${pending}`);
    expect([peek.status, peek.json.code]).toEqual([400, 'INVALID_TOKEN']);
    expect((await resetWith(setup, pending)).json.code).toBe('INVALID_TOKEN');
    expect((await call(setup.auth.handler, 'POST', '/sign-in/email', { body: { email, password: NEW_PASSWORD } })).status).toBe(200);
  });

  it('an email change voids a link sent to the old address', async () => {
    const setup = makeLifecycleAuth({ emailVerification: false });
    const { email, token: session } = await signUp(setup.auth.handler);
    const pending = await resetToken(setup, email);
    const newEmail = uniqueEmail('moved');
    expect((await call(setup.auth.handler, 'POST', '/change-email', { bearer: session, body: { newEmail } })).status).toBe(200);

    const late = await resetWith(setup, pending);
    expect([late.status, late.json.code]).toEqual([400, 'INVALID_TOKEN']);
    expect((await call(setup.auth.handler, 'POST', '/sign-in/email', { body: { email: newEmail, password: PASSWORD } })).status).toBe(200);
  });

  it('set-password voids a link requested before it', async () => {
    const setup = makeLifecycleAuth();
    const email = uniqueEmail('social');
    const { token: session } = await socialUser(setup.auth, email);
    const pending = await resetToken(setup, email);
    expect((await call(setup.auth.handler, 'POST', '/set-password', { bearer: session, body: { newPassword: NEW_PASSWORD } })).status).toBe(200);

    const late = await resetWith(setup, pending);
    expect([late.status, late.json.code]).toEqual([400, 'INVALID_TOKEN']);
    expect((await call(setup.auth.handler, 'POST', '/sign-in/email', { body: { email, password: NEW_PASSWORD } })).status).toBe(200);
  });

  it('a link requested after the last change still works', async () => {
    const setup = makeLifecycleAuth();
    const { email, token: session } = await signUp(setup.auth.handler);
    await call(setup.auth.handler, 'POST', '/change-password', { bearer: session, body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } });
    const fresh = await resetToken(setup, email);
    expect((await resetWith(setup, fresh)).status).toBe(200);
  });
});
