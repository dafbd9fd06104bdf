import { describeOnEveryBackend } from '../support/backends';
import { makeLifecycleAuth } from '../support/lifecycle-auth';
import { call, PASSWORD, signUp, uniqueEmail } from '../support/test-auth';
import { QuickHasher } from './quick-hasher';
import { integrity } from './table-snapshot';

const NEW_PASSWORD = 'a brand new passphrase 42';

describeOnEveryBackend('concurrency', (backend) => {
  const setup = () => makeLifecycleAuth({ database: backend.database(), config: { passwordHasher: new QuickHasher() } });

  it('200 concurrent sign-ups over 20 emails leave exactly 20 users, each with exactly one credential account, and no orphan', async () => {
    const { auth, database } = setup();
    const emails = Array.from({ length: 20 }, () => uniqueEmail('race'));
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        call(auth.handler, 'POST', '/sign-up/email', { body: { email: emails[i % 20], password: PASSWORD, name: `Racer ${i}` } }),
      ),
    );
    const statuses = tally(results.map((r) => `${r.status} ${r.json?.code ?? ''}`.trim()));
    const found = await integrity(database);
    console.log(
      `concurrency on ${backend.name}: 200 sign-ups over 20 emails in ${Date.now() - started} ms → ${JSON.stringify(statuses)}; ` +
        `${found.users} users, ${found.credentialAccounts} credential accounts, ${found.usersWithoutOneCredential.length + found.accountsWithoutUser.length} orphans`,
    );

    expect(statuses).toEqual({ '200': 20, '422 USER_ALREADY_EXISTS': 180 });
    expect(found).toEqual({
      users: 20,
      credentialAccounts: 20,
      distinctEmails: 20,
      usersWithoutOneCredential: [],
      accountsWithoutUser: [],
      sessionsWithoutUser: [],
    });
    // Each winner can sign in with its password: the account that won is the one its user got.
    const signIns = await Promise.all(emails.map((email) => call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } })));
    expect(signIns.map((r) => r.status)).toEqual(Array(20).fill(200));
  });

  it('lets exactly one of 50 concurrent uses of one email-verification link verify the address', async () => {
    const { auth, mail } = setup();
    const { email, token: session } = await signUp(auth.handler);
    await call(auth.handler, 'POST', '/send-verification-email', { body: { email } });
    const { token } = await mail.next({ kind: 'verify-email', to: email });

    const results = await Promise.all(Array.from({ length: 50 }, () => call(auth.handler, 'GET', `/verify-email?token=${encodeURIComponent(token)}`)));
    const statuses = tally(results.map((r) => `${r.status} ${r.json?.code ?? ''}`.trim()));
    console.log(`concurrency on ${backend.name}: one verification link used by 50 concurrent requests → ${JSON.stringify(statuses)}`);

    expect(statuses).toEqual({ '200': 1, '400 INVALID_TOKEN': 49 });
    expect((await call(auth.handler, 'GET', '/get-session', { bearer: session })).json.user.emailVerified).toBe(true);
  });

  it('lets exactly one of 50 concurrent resets with one token set the password', async () => {
    const { auth, mail } = setup();
    const { email } = await signUp(auth.handler);
    await call(auth.handler, 'POST', '/request-password-reset', { body: { email } });
    const { token } = await mail.next({ kind: 'reset-password', to: email });
    const hash = jest.spyOn(auth.context.hasher, 'hash');

    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => call(auth.handler, 'POST', '/reset-password', { body: { newPassword: `${NEW_PASSWORD} ${i}`, token } })),
    );
    const statuses = tally(results.map((r) => `${r.status} ${r.json?.code ?? ''}`.trim()));
    console.log(`concurrency on ${backend.name}: one reset token used by 50 concurrent requests → ${JSON.stringify(statuses)}`);

    expect(statuses).toEqual({ '200': 1, '400 INVALID_TOKEN': 49 });
    expect(hash).toHaveBeenCalledTimes(1); // the losers never hashed
    const winner = results.findIndex((r) => r.status === 200);
    expect((await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: `${NEW_PASSWORD} ${winner}` } })).status).toBe(200);
    expect((await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: `${NEW_PASSWORD} ${(winner + 1) % 50}` } })).status).toBe(401);
  });

  it('never lets a revoked session through once revoke-sessions has answered, while get-session keeps racing it', async () => {
    const { auth } = setup();
    const { email, token } = await signUp(auth.handler);
    const other = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } });

    // Ten readers hammer get-session with the other session before, during and after the revoke; each read
    // records when it started. The revoke starts once 20 reads are back; the readers stop soon after it
    // answered, and after 200 reads each at most.
    let revokedAt = Infinity;
    let warmedUp!: () => void;
    const warm = new Promise<void>((resolve) => (warmedUp = resolve));
    // Each read's outcome: 'session', 'none' (200 null) or the status of anything else.
    const reads: Array<{ startedAt: number; outcome: string }> = [];
    const reader = async () => {
      for (let i = 0; i < 200 && performance.now() < revokedAt + 100; i += 1) {
        const startedAt = performance.now();
        const { status, json } = await call(auth.handler, 'GET', '/get-session', { bearer: other.json.token });
        reads.push({ startedAt, outcome: status !== 200 ? String(status) : json === null ? 'none' : 'session' });
        if (reads.length === 20) warmedUp();
      }
    };
    const readers = Array.from({ length: 10 }, reader);
    await warm;
    const revoked = await call(auth.handler, 'POST', '/revoke-sessions', { bearer: token });
    revokedAt = performance.now();
    await Promise.all(readers);

    expect(revoked.json).toEqual({ status: true, count: 2 });
    const afterwards = reads.filter((read) => read.startedAt > revokedAt);
    const before = reads.filter((read) => read.startedAt <= revokedAt);
    console.log(
      `concurrency on ${backend.name}: revoke-sessions raced by ${reads.length} get-session reads → ` +
        `before it answered ${JSON.stringify(tally(before.map((r) => r.outcome)))}, after ${JSON.stringify(tally(afterwards.map((r) => r.outcome)))}`,
    );
    expect(before.some((read) => read.outcome === 'session')).toBe(true); // the readers really raced a live session
    expect(afterwards.length).toBeGreaterThan(0);
    expect(afterwards.filter((read) => read.outcome !== 'none')).toEqual([]);
    expect((await call(auth.handler, 'GET', '/get-session', { bearer: token })).json).toBeNull();
  });
});

function tally(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values.sort()) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
