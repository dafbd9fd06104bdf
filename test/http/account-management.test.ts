import { advanceClock, makeLifecycleAuth, socialUser } from '../support/lifecycle-auth';
import { call, signUp, uniqueEmail } from '../support/test-auth';

afterEach(() => jest.restoreAllMocks());

/** A user with a password and a linked GitHub account; returns the session token and both account ids. */
async function userWithTwoAccounts(setup: ReturnType<typeof makeLifecycleAuth>) {
  const { token, user } = await signUp(setup.auth.handler);
  const github = await setup.database.createAccount({ userId: user.id, providerId: 'github', accountId: `gh-${user.id}`, scope: 'repo,user:email', accessToken: 'gho_secret' });
  const credential = (await setup.database.listAccountsForUser(user.id)).find((a) => a.providerId === 'credential')!;
  return { token, userId: user.id as string, githubId: github.id, credentialId: credential.id };
}

describe('GET /list-accounts', () => {
  it('lists provider, account id, scopes and dates, and never a password hash or provider token', async () => {
    const setup = makeLifecycleAuth();
    const { token, userId, githubId, credentialId } = await userWithTwoAccounts(setup);
    const result = await call(setup.auth.handler, 'GET', '/list-accounts', { bearer: token });

    expect(result.status).toBe(200);
    const keys = ['accountId', 'createdAt', 'id', 'providerId', 'scopes', 'updatedAt', 'userId'];
    for (const item of result.json) expect(Object.keys(item).sort()).toEqual(keys);
    expect(result.json).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: credentialId, providerId: 'credential', accountId: userId, userId, scopes: [] }),
        expect.objectContaining({ id: githubId, providerId: 'github', accountId: `gh-${userId}`, scopes: ['repo', 'user:email'] }),
      ]),
    );
    expect(JSON.stringify(result.json)).not.toMatch(/gho_secret|[0-9a-f]{32}:[0-9a-f]{128}/);
  });

  it('answers 401 without a session', async () => {
    const setup = makeLifecycleAuth();
    expect((await call(setup.auth.handler, 'GET', '/list-accounts')).status).toBe(401);
  });
});

describe('POST /unlink-account', () => {
  it('unlinks an account by its id, as better-auth 1.7’s client sends it', async () => {
    const setup = makeLifecycleAuth();
    const { token, userId, githubId } = await userWithTwoAccounts(setup);
    const result = await call(setup.auth.handler, 'POST', '/unlink-account', { bearer: token, body: { accountId: githubId } });

    expect([result.status, result.json]).toEqual([200, { status: true }]);
    expect((await setup.database.listAccountsForUser(userId)).map((a) => a.providerId)).toEqual(['credential']);
  });

  it('unlinks by { providerId }, as older clients send it', async () => {
    const setup = makeLifecycleAuth();
    const { token, userId } = await userWithTwoAccounts(setup);
    expect((await call(setup.auth.handler, 'POST', '/unlink-account', { bearer: token, body: { providerId: 'github' } })).status).toBe(200);
    expect((await setup.database.listAccountsForUser(userId)).map((a) => a.providerId)).toEqual(['credential']);
  });

  it('refuses to remove the last way to sign in with 400 FAILED_TO_UNLINK_LAST_ACCOUNT', async () => {
    const setup = makeLifecycleAuth();
    const { token, user } = await signUp(setup.auth.handler);
    const [credential] = await setup.database.listAccountsForUser(user.id);
    const result = await call(setup.auth.handler, 'POST', '/unlink-account', { bearer: token, body: { accountId: credential.id } });

    expect([result.status, result.json.code]).toEqual([400, 'FAILED_TO_UNLINK_LAST_ACCOUNT']);
    expect(await setup.database.listAccountsForUser(user.id)).toHaveLength(1);
  });

  it('does not count a credential account without a password as a way to sign in', async () => {
    const setup = makeLifecycleAuth();
    const { token, userId, accountId } = await socialUser(setup.auth, uniqueEmail('social'));
    await setup.database.createAccount({ userId, providerId: 'credential', accountId: userId, password: null });
    const result = await call(setup.auth.handler, 'POST', '/unlink-account', { bearer: token, body: { accountId } });

    expect([result.status, result.json.code]).toEqual([400, 'FAILED_TO_UNLINK_LAST_ACCOUNT']);
    expect((await setup.database.listAccountsForUser(userId)).map((a) => a.providerId).sort()).toEqual(['credential', 'github']);
  });

  it('answers 404 ACCOUNT_NOT_FOUND for another user’s account id and leaves it alone', async () => {
    const setup = makeLifecycleAuth();
    const victim = await userWithTwoAccounts(setup);
    const attacker = await userWithTwoAccounts(setup);
    const byId = await call(setup.auth.handler, 'POST', '/unlink-account', { bearer: attacker.token, body: { accountId: victim.githubId } });
    const byProvider = await call(setup.auth.handler, 'POST', '/unlink-account', {
      bearer: attacker.token,
      body: { providerId: 'github', accountId: `gh-${victim.userId}` },
    });

    expect([byId.status, byId.json.code]).toEqual([404, 'ACCOUNT_NOT_FOUND']);
    expect([byProvider.status, byProvider.json.code]).toEqual([404, 'ACCOUNT_NOT_FOUND']);
    expect(await setup.database.listAccountsForUser(victim.userId)).toHaveLength(2);
    expect(await setup.database.listAccountsForUser(attacker.userId)).toHaveLength(2);
  });

  it('answers 400 VALIDATION_ERROR when neither accountId nor providerId is given', async () => {
    const setup = makeLifecycleAuth();
    const { token } = await userWithTwoAccounts(setup);
    const result = await call(setup.auth.handler, 'POST', '/unlink-account', { bearer: token, body: {} });
    expect([result.status, result.json.code]).toEqual([400, 'VALIDATION_ERROR']);
  });

  it('keeps at least one way in when both accounts are unlinked at the same time', async () => {
    const setup = makeLifecycleAuth();
    const { token, userId, githubId, credentialId } = await userWithTwoAccounts(setup);
    const results = await Promise.all(
      [githubId, credentialId].map((accountId) => call(setup.auth.handler, 'POST', '/unlink-account', { bearer: token, body: { accountId } })),
    );
    const remaining = await setup.database.listAccountsForUser(userId);

    expect(remaining.length).toBeGreaterThanOrEqual(1);
    expect(results.filter((r) => r.status === 200).length + remaining.length).toBe(2);
    for (const result of results) expect([200, 400]).toContain(result.status);
  });

  it('answers 403 SESSION_NOT_FRESH from an old session', async () => {
    const setup = makeLifecycleAuth({ config: { session: { freshAge: 60 } } });
    const { token, userId, githubId } = await userWithTwoAccounts(setup);
    advanceClock(61 * 1000);
    const result = await call(setup.auth.handler, 'POST', '/unlink-account', { bearer: token, body: { accountId: githubId } });
    expect([result.status, result.json.code]).toEqual([403, 'SESSION_NOT_FRESH']);
    expect(await setup.database.listAccountsForUser(userId)).toHaveLength(2);
  });

  it('lets the last account go when allowUnlinkingAll is on', async () => {
    const setup = makeLifecycleAuth({ accountManagement: { allowUnlinkingAll: true } });
    const { token, user } = await signUp(setup.auth.handler);
    const [credential] = await setup.database.listAccountsForUser(user.id);
    expect((await call(setup.auth.handler, 'POST', '/unlink-account', { bearer: token, body: { accountId: credential.id } })).status).toBe(200);
    expect(await setup.database.listAccountsForUser(user.id)).toHaveLength(0);
  });
});
