import { call, makeTestAuth, PASSWORD, signUp, uniqueEmail } from '../support/test-auth';

describe('concurrency on the memory adapter', () => {
  it('200 concurrent sign-ups over 20 emails leave exactly 20 users, each with one credential account', async () => {
    const { auth, database } = makeTestAuth();
    const emails = Array.from({ length: 20 }, () => uniqueEmail('race'));
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        call(auth.handler, 'POST', '/sign-up/email', { body: { email: emails[i % 20], password: PASSWORD, name: `Racer ${i}` } }),
      ),
    );

    expect(results.filter((r) => r.status === 200)).toHaveLength(20);
    expect(results.filter((r) => r.status === 422)).toHaveLength(180);
    const { users, total } = await database.listUsers({ limit: 100 });
    expect(total).toBe(20);
    expect(new Set(users.map((u) => u.email))).toEqual(new Set(emails));
    for (const user of users) expect(await database.listAccountsForUser(user.id)).toHaveLength(1);
  });

  it('never lets a revoked session through once revoke-sessions has answered', async () => {
    const { auth } = makeTestAuth();
    const { email, token } = await signUp(auth.handler);
    const other = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } });

    const reads = Array.from({ length: 50 }, () => call(auth.handler, 'GET', '/get-session', { bearer: other.json.token }));
    const revoke = call(auth.handler, 'POST', '/revoke-sessions', { bearer: token });
    const [revoked] = await Promise.all([revoke, ...reads]);
    expect(revoked.json).toEqual({ status: true, count: 2 });

    const after = await Promise.all(Array.from({ length: 20 }, () => call(auth.handler, 'GET', '/get-session', { bearer: other.json.token })));
    expect(after.map((r) => r.status)).toEqual(Array(20).fill(401));
  });
});
