import { AuthError } from 'better-auth-entities';
import { AuthDefault, AuthField, AuthUser, BaseUser } from 'better-auth-entities/entities';
import { advanceClock, followLink, makeLifecycleAuth, socialUser } from '../support/lifecycle-auth';
import { call, PASSWORD, signUp, uniqueEmail } from '../support/test-auth';

@AuthUser()
class ProfileUser extends BaseUser {
  @AuthField({ type: 'string' }) bio!: string | null;
  @AuthDefault(0) @AuthField() age!: number;
  @AuthDefault('free') @AuthField({ input: false }) plan!: string;
}

afterEach(() => jest.restoreAllMocks());

describe('POST /update-user', () => {
  it('updates the name and image and answers { status: true, user }', async () => {
    const setup = makeLifecycleAuth();
    const { token } = await signUp(setup.auth.handler);
    const result = await call(setup.auth.handler, 'POST', '/update-user', { bearer: token, body: { name: 'Ada Lovelace', image: 'https://img.example/ada.png' } });

    expect(result.status).toBe(200);
    expect(result.json).toEqual({ status: true, user: expect.objectContaining({ name: 'Ada Lovelace', image: 'https://img.example/ada.png' }) });
    const session = await call(setup.auth.handler, 'GET', '/get-session', { bearer: token });
    expect(session.json.user).toMatchObject({ name: 'Ada Lovelace', image: 'https://img.example/ada.png' });
  });

  it('stores custom input fields and ignores input: false fields, role, password and the verified flag', async () => {
    const setup = makeLifecycleAuth({ userClass: ProfileUser });
    const { email, token, user } = await signUp(setup.auth.handler);
    const result = await call(setup.auth.handler, 'POST', '/update-user', {
      bearer: token,
      body: { bio: 'Poet of science', age: 36, plan: 'enterprise', role: 'admin', emailVerified: true, password: 'hijacked password', banned: true },
    });

    expect(result.status).toBe(200);
    const stored = (await setup.database.getUserById(user.id)) as unknown as ProfileUser;
    expect(stored).toMatchObject({ bio: 'Poet of science', age: 36, plan: 'free', emailVerified: false, banned: false });
    expect(stored.role ?? null).toBeNull();
    expect((await call(setup.auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } })).status).toBe(200);
  });

  it('answers 400 EMAIL_CAN_NOT_BE_UPDATED for an email and changes nothing', async () => {
    const setup = makeLifecycleAuth();
    const { email, token, user } = await signUp(setup.auth.handler);
    const result = await call(setup.auth.handler, 'POST', '/update-user', { bearer: token, body: { name: 'Other', email: uniqueEmail('new') } });
    expect([result.status, result.json.code]).toEqual([400, 'EMAIL_CAN_NOT_BE_UPDATED']);
    expect(await setup.database.getUserById(user.id)).toMatchObject({ email, displayName: 'Test User' });
  });

  it('answers 400 VALIDATION_ERROR for nothing to update, a null name, or a custom field of the wrong type', async () => {
    const setup = makeLifecycleAuth({ userClass: ProfileUser });
    const { token } = await signUp(setup.auth.handler);
    for (const body of [{}, { plan: 'enterprise' }, { name: null }, { name: 42 }, { age: 'old' }]) {
      const result = await call(setup.auth.handler, 'POST', '/update-user', { bearer: token, body });
      expect([JSON.stringify(body), result.status, result.json.code]).toEqual([JSON.stringify(body), 400, 'VALIDATION_ERROR']);
    }
  });

  it('removes the image with image: null', async () => {
    const setup = makeLifecycleAuth();
    const { token } = await signUp(setup.auth.handler, uniqueEmail(), { image: 'https://img.example/a.png' });
    const result = await call(setup.auth.handler, 'POST', '/update-user', { bearer: token, body: { image: null } });
    expect([result.status, result.json.user.image]).toEqual([200, null]);
  });

  it('answers 401 without a session', async () => {
    const setup = makeLifecycleAuth();
    expect((await call(setup.auth.handler, 'POST', '/update-user', { body: { name: 'X' } })).status).toBe(401);
  });
});

/** A user who also belongs to an organization, to see memberships go with the user. */
async function memberUser(setup: ReturnType<typeof makeLifecycleAuth>) {
  const signed = await signUp(setup.auth.handler);
  const organization = await setup.database.createOrganization({ name: 'Acme', slug: `acme-${signed.user.id}` });
  await setup.database.createMember({ organizationId: organization.id, userId: signed.user.id, role: 'owner' });
  return { ...signed, organizationId: organization.id };
}

async function expectGone(setup: ReturnType<typeof makeLifecycleAuth>, userId: string, organizationId: string) {
  expect(await setup.database.getUserById(userId)).toBeNull();
  expect(await setup.database.listSessionsForUser(userId)).toHaveLength(0);
  expect(await setup.database.listAccountsForUser(userId)).toHaveLength(0);
  expect(await setup.database.getMember(organizationId, userId)).toBeNull();
}

describe('POST /delete-user', () => {
  it('with the password deletes the user, its sessions, accounts and memberships, runs the hooks and clears the cookie', async () => {
    const calls: string[] = [];
    const setup = makeLifecycleAuth({
      user: { beforeDelete: (user) => void calls.push(`before ${user.email}`), afterDelete: (user) => void calls.push(`after ${user.plan}`) },
    });
    const { email, cookie, user, organizationId } = await memberUser(setup);
    await call(setup.auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } }); // a second session
    const result = await call(setup.auth.handler, 'POST', '/delete-user', { cookie, body: { password: PASSWORD } });

    expect([result.status, result.json]).toEqual([200, { success: true, message: 'User deleted' }]);
    expect(result.headers.get('set-cookie')).toMatch(/^better-auth\.session_token=; Max-Age=0/);
    expect(calls).toEqual([`before ${email}`, 'after free']);
    await expectGone(setup, user.id, organizationId);
    expect((await call(setup.auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } })).status).toBe(401);
  });

  it('answers 400 INVALID_PASSWORD for a wrong password and deletes nothing', async () => {
    const setup = makeLifecycleAuth();
    const { token, user } = await signUp(setup.auth.handler);
    const result = await call(setup.auth.handler, 'POST', '/delete-user', { bearer: token, body: { password: 'not my password' } });
    expect([result.status, result.json.code]).toEqual([400, 'INVALID_PASSWORD']);
    expect(await setup.database.getUserById(user.id)).not.toBeNull();
  });

  it('deletes without a password from a fresh session, and refuses 403 SESSION_NOT_FRESH from an old one', async () => {
    const setup = makeLifecycleAuth({ config: { session: { freshAge: 300 } } });
    const fresh = await signUp(setup.auth.handler);
    const stale = await signUp(setup.auth.handler);
    expect((await call(setup.auth.handler, 'POST', '/delete-user', { bearer: fresh.token, body: {} })).status).toBe(200);
    advanceClock(301 * 1000);
    const refused = await call(setup.auth.handler, 'POST', '/delete-user', { bearer: stale.token, body: {} });

    expect([refused.status, refused.json.code]).toEqual([403, 'SESSION_NOT_FRESH']);
    expect(await setup.database.getUserById(fresh.user.id)).toBeNull();
    expect(await setup.database.getUserById(stale.user.id)).not.toBeNull();
  });

  it('answers 400 CREDENTIAL_ACCOUNT_NOT_FOUND for a password from a user who has none', async () => {
    const setup = makeLifecycleAuth();
    const { token, userId } = await socialUser(setup.auth, uniqueEmail('social'));
    const result = await call(setup.auth.handler, 'POST', '/delete-user', { bearer: token, body: { password: PASSWORD } });
    expect([result.status, result.json.code]).toEqual([400, 'CREDENTIAL_ACCOUNT_NOT_FOUND']);
    expect(await setup.database.getUserById(userId)).not.toBeNull();
  });

  it('lets beforeDelete refuse, and deletes nothing then', async () => {
    const setup = makeLifecycleAuth({ user: { beforeDelete: () => { throw new AuthError('FORBIDDEN', 'Transfer your organizations first'); } } });
    const { token, user } = await signUp(setup.auth.handler);
    const result = await call(setup.auth.handler, 'POST', '/delete-user', { bearer: token, body: { password: PASSWORD } });
    expect([result.status, result.json]).toEqual([403, { code: 'FORBIDDEN', message: 'Transfer your organizations first' }]);
    expect(await setup.database.getUserById(user.id)).not.toBeNull();
  });

  it('answers 401 without a session and 403 for an off-site callbackURL', async () => {
    const setup = makeLifecycleAuth();
    const { token, user } = await signUp(setup.auth.handler);
    const anonymous = await call(setup.auth.handler, 'POST', '/delete-user', { body: { password: PASSWORD } });
    const offSite = await call(setup.auth.handler, 'POST', '/delete-user', { bearer: token, body: { password: PASSWORD, callbackURL: 'https://evil.example' } });
    expect([anonymous.status, offSite.status, offSite.json.code]).toEqual([401, 403, 'INVALID_CALLBACK_URL']);
    expect(await setup.database.getUserById(user.id)).not.toBeNull();
  });
});

describe('account deletion confirmed by email', () => {
  it('emails a link instead of deleting, and the link deletes the signed-in user and redirects', async () => {
    const setup = makeLifecycleAuth({ user: { sendDeleteConfirmation: true } });
    const { email, cookie, user, organizationId } = await memberUser(setup);
    const asked = await call(setup.auth.handler, 'POST', '/delete-user', { cookie, body: { password: PASSWORD, callbackURL: '/goodbye' } });
    expect([asked.status, asked.json]).toEqual([200, { success: true, message: 'Verification email sent' }]);
    expect(await setup.database.getUserById(user.id)).not.toBeNull();

    const { url, kind } = await setup.mail.next({ to: email });
    expect(kind).toBe('delete-account');
    const landing = await followLink(setup.auth.handler, url, cookie);
    expect([landing.status, landing.location?.href]).toEqual([302, 'http://localhost:3000/goodbye']);
    expect(landing.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    await expectGone(setup, user.id, organizationId);
  });

  it('accepts the emailed token in POST /delete-user { token }', async () => {
    const setup = makeLifecycleAuth({ user: { sendDeleteConfirmation: true } });
    const { email, token, user } = await signUp(setup.auth.handler);
    await call(setup.auth.handler, 'POST', '/delete-user', { bearer: token, body: { password: PASSWORD } });
    const { token: deleteToken } = await setup.mail.next({ to: email });
    const result = await call(setup.auth.handler, 'POST', '/delete-user', { bearer: token, body: { token: deleteToken } });
    expect([result.status, result.json.message]).toEqual([200, 'User deleted']);
    expect(await setup.database.getUserById(user.id)).toBeNull();
  });

  it('refuses another user’s deletion token with 400 INVALID_TOKEN and deletes no one', async () => {
    const setup = makeLifecycleAuth({ user: { sendDeleteConfirmation: true } });
    const victim = await signUp(setup.auth.handler);
    const attacker = await signUp(setup.auth.handler);
    await call(setup.auth.handler, 'POST', '/delete-user', { bearer: victim.token, body: { password: PASSWORD } });
    const { token: victimToken, url } = await setup.mail.next({ to: victim.email });

    const viaPost = await call(setup.auth.handler, 'POST', '/delete-user', { bearer: attacker.token, body: { token: victimToken } });
    const viaLink = await followLink(setup.auth.handler, url, attacker.cookie);
    expect([viaPost.status, viaPost.json.code]).toEqual([400, 'INVALID_TOKEN']);
    expect([viaLink.status, viaLink.json.code]).toEqual([400, 'INVALID_TOKEN']);
    expect(await setup.database.getUserById(victim.user.id)).not.toBeNull();
    expect(await setup.database.getUserById(attacker.user.id)).not.toBeNull();
  });

  it('refuses an expired deletion link with TOKEN_EXPIRED', async () => {
    const setup = makeLifecycleAuth({ user: { sendDeleteConfirmation: true, deleteTokenExpiresIn: 600 } });
    const { email, cookie, user } = await signUp(setup.auth.handler);
    await call(setup.auth.handler, 'POST', '/delete-user', { cookie, body: { password: PASSWORD } });
    const { url } = await setup.mail.next({ to: email });
    advanceClock(601 * 1000);
    const landing = await followLink(setup.auth.handler, url, cookie);
    expect([landing.status, landing.json.code]).toEqual([400, 'TOKEN_EXPIRED']);
    expect(await setup.database.getUserById(user.id)).not.toBeNull();
  });
});

describe('POST /change-email with email verification', () => {
  it('changes nothing until the new address follows its link, then makes it the verified address', async () => {
    const setup = makeLifecycleAuth();
    const { email, token, user } = await signUp(setup.auth.handler);
    const newEmail = uniqueEmail('new');
    const asked = await call(setup.auth.handler, 'POST', '/change-email', { bearer: token, body: { newEmail: newEmail.toUpperCase(), callbackURL: '/settings' } });
    expect([asked.status, asked.json]).toEqual([200, { status: true }]);
    expect((await setup.database.getUserById(user.id))!.email).toBe(email);

    const { url, kind, to } = await setup.mail.next({ to: newEmail });
    expect([kind, to]).toEqual(['change-email', newEmail]);
    const landing = await followLink(setup.auth.handler, url);
    expect([landing.status, landing.location?.pathname]).toEqual([302, '/settings']);
    expect(await setup.database.getUserById(user.id)).toMatchObject({ email: newEmail, emailVerified: true });
    expect((await call(setup.auth.handler, 'POST', '/sign-in/email', { body: { email: newEmail, password: PASSWORD } })).status).toBe(200);
    expect((await call(setup.auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } })).status).toBe(401);
  });

  it('answers the same for a taken address and emails nobody', async () => {
    const setup = makeLifecycleAuth();
    const { email: taken } = await signUp(setup.auth.handler);
    const { token, user, email } = await signUp(setup.auth.handler);
    const free = await call(setup.auth.handler, 'POST', '/change-email', { bearer: token, body: { newEmail: uniqueEmail('free') } });
    await setup.settle();
    setup.mail.clear();
    const answer = await call(setup.auth.handler, 'POST', '/change-email', { bearer: token, body: { newEmail: taken } });
    await setup.settle();

    expect([answer.status, answer.json]).toEqual([free.status, free.json]);
    expect(setup.mail.sent).toHaveLength(0);
    expect((await setup.database.getUserById(user.id))!.email).toBe(email);
  });

  it('lets only the newest pending change land: an older link dies once the address changed', async () => {
    const setup = makeLifecycleAuth();
    const { token, user } = await signUp(setup.auth.handler);
    const [first, second] = [uniqueEmail('first'), uniqueEmail('second')];
    await call(setup.auth.handler, 'POST', '/change-email', { bearer: token, body: { newEmail: first } });
    await call(setup.auth.handler, 'POST', '/change-email', { bearer: token, body: { newEmail: second } });
    const firstLink = (await setup.mail.next({ to: first })).url;
    const secondLink = (await setup.mail.next({ to: second })).url;

    expect((await followLink(setup.auth.handler, secondLink)).status).toBe(200);
    const stale = await followLink(setup.auth.handler, firstLink);
    expect([stale.status, stale.json.code]).toEqual([400, 'INVALID_TOKEN']);
    expect((await setup.database.getUserById(user.id))!.email).toBe(second);
  });

  it('answers USER_ALREADY_EXISTS when the address was taken between the request and the click', async () => {
    const setup = makeLifecycleAuth();
    const { token, user, email } = await signUp(setup.auth.handler);
    const wanted = uniqueEmail('wanted');
    await call(setup.auth.handler, 'POST', '/change-email', { bearer: token, body: { newEmail: wanted, callbackURL: '/settings' } });
    const { url } = await setup.mail.next({ to: wanted });
    await signUp(setup.auth.handler, wanted);

    const landing = await followLink(setup.auth.handler, url);
    expect([landing.status, landing.location?.searchParams.get('error')]).toEqual([302, 'USER_ALREADY_EXISTS']);
    expect((await setup.database.getUserById(user.id))!.email).toBe(email);
  });

  it('answers 400 EMAIL_IS_THE_SAME for the current address, 401 without a session', async () => {
    const setup = makeLifecycleAuth();
    const { token, email } = await signUp(setup.auth.handler);
    const same = await call(setup.auth.handler, 'POST', '/change-email', { bearer: token, body: { newEmail: email.toUpperCase() } });
    const anonymous = await call(setup.auth.handler, 'POST', '/change-email', { body: { newEmail: uniqueEmail() } });
    expect([same.status, same.json.code, anonymous.status]).toEqual([400, 'EMAIL_IS_THE_SAME', 401]);
  });
});

describe('POST /change-email without email verification', () => {
  it('changes the address at once and marks it unverified', async () => {
    const setup = makeLifecycleAuth({ emailVerification: false });
    const { token, user } = await signUp(setup.auth.handler);
    await setup.database.updateUser(user.id, { emailVerified: true });
    const newEmail = uniqueEmail('direct');
    const result = await call(setup.auth.handler, 'POST', '/change-email', { bearer: token, body: { newEmail } });

    expect(result.status).toBe(200);
    expect(result.json).toEqual({ status: true, user: expect.objectContaining({ email: newEmail, emailVerified: false }) });
    expect((await call(setup.auth.handler, 'POST', '/sign-in/email', { body: { email: newEmail, password: PASSWORD } })).status).toBe(200);
  });

  it('answers 422 USER_ALREADY_EXISTS for a taken address and changes nothing', async () => {
    const setup = makeLifecycleAuth({ emailVerification: false });
    const { email: taken } = await signUp(setup.auth.handler);
    const { token, user, email } = await signUp(setup.auth.handler);
    const result = await call(setup.auth.handler, 'POST', '/change-email', { bearer: token, body: { newEmail: taken } });
    expect([result.status, result.json.code]).toEqual([422, 'USER_ALREADY_EXISTS']);
    expect((await setup.database.getUserById(user.id))!.email).toBe(email);
  });
});
