import { call, makeTestAuth, PASSWORD, signUp } from '../support/test-auth';
import { badRequestCorpus } from './bad-input-corpus';

/** Everything the database holds, as counts: the corpus must leave it exactly as it was. */
async function snapshot(database: ReturnType<typeof makeTestAuth>['database']) {
  const { users } = await database.listUsers({ limit: 1000 });
  const perUser = await Promise.all(
    users.map(async (user) => ({
      sessions: (await database.listSessionsForUser(user.id)).map((s) => `${s.id}:${s.expiresAt.getTime()}`).sort(),
      accounts: (await database.listAccountsForUser(user.id)).map((a) => `${a.id}:${a.updatedAt.getTime()}`).sort(),
      user: JSON.stringify(user),
    })),
  );
  return JSON.stringify(perUser);
}

describe('the bad-input corpus on the memory adapter', () => {
  it('answers every hostile request with a 4xx { code, message }, hashes nothing, and changes nothing', async () => {
    const { auth, database } = makeTestAuth();
    const { token } = await signUp(auth.handler, 'existing@example.com');
    await call(auth.handler, 'POST', '/sign-in/email', { body: { email: 'existing@example.com', password: PASSWORD } });
    const before = await snapshot(database);
    const hash = jest.spyOn(auth.context.hasher, 'hash');
    const verify = jest.spyOn(auth.context.hasher, 'verify');

    const corpus = badRequestCorpus(auth.routes, auth.context.config.basePath, token);
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    const failures: string[] = [];
    for (const request of corpus) {
      const response = await auth.handler(
        new Request(`http://localhost:3000${request.path}`, { method: request.method, headers: request.headers, body: request.body }),
      );
      const text = await response.text();
      const body = safeJson(text);
      const ok =
        response.status >= 400 &&
        response.status < 500 &&
        typeof body?.code === 'string' &&
        typeof body?.message === 'string' &&
        !/\n\s+at |node_modules|\.ts:\d+/.test(text);
      if (!ok) failures.push(`${request.label} → ${response.status} ${text.slice(0, 200)}`);
    }

    expect(failures).toEqual([]);
    expect(await snapshot(database)).toBe(before);
    // Only wrong-password sign-ins may hash (one hash each, the anti-enumeration cost); nothing oversized ever does.
    for (const [password] of [...hash.mock.calls, ...verify.mock.calls.map(([, p]) => [p])]) expect(password.length).toBeLessThanOrEqual(128);
  });
});

function safeJson(text: string): { code?: unknown; message?: unknown } | null {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
