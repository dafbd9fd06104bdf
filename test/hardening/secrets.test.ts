import { digestToken } from 'better-auth-entities';
import { call, makeTestAuth, PASSWORD, signUp } from '../support/test-auth';

describe('secrets stay in', () => {
  it('no route answer or log line carries a password hash, another session’s token or a stack trace', async () => {
    const logged: string[] = [];
    const capture = (...args: unknown[]) => logged.push(args.map(String).join(' '));
    const spies = [jest.spyOn(console, 'log').mockImplementation(capture), jest.spyOn(console, 'error').mockImplementation(capture), jest.spyOn(console, 'warn').mockImplementation(capture)];
    try {
      const { auth, database } = makeTestAuth();
      const alice = await signUp(auth.handler);
      const phone = await call(auth.handler, 'POST', '/sign-in/email', { body: { email: alice.email, password: PASSWORD } });
      const bob = await signUp(auth.handler);
      const [account] = await database.listAccountsForUser(alice.user.id);
      const forbidden = [account.password!, phone.json.token as string, bob.token];

      const answers: string[] = [];
      for (const route of auth.routes) {
        // A fresh session per route, so routes that end sessions do not leave the next ones unauthenticated.
        const fresh = await call(auth.handler, 'POST', '/sign-in/email', { body: { email: alice.email, password: PASSWORD } });
        const body = route.method === 'POST' ? { email: alice.email, password: 'wrong password', token: digestToken(phone.json.token), name: 'n' } : undefined;
        const result = await call(auth.handler, route.method, route.path, { bearer: fresh.json.token, body });
        expect(result.status).toBeLessThan(500);
        answers.push(JSON.stringify(result.json), [...result.headers.entries()].filter(([name]) => name !== 'set-auth-token').join(';'));
      }

      const everything = [...answers, ...logged].join('\n');
      for (const secret of forbidden) expect(everything).not.toContain(secret);
      expect(everything).not.toMatch(/[0-9a-f]{32}:[0-9a-f]{128}/);
      expect(everything).not.toMatch(/\n\s+at \S+ \(|node_modules\//);
      // Digests of other sessions may appear in list-sessions; they are useless as credentials.
      expect((await call(auth.handler, 'GET', '/get-session', { bearer: digestToken(phone.json.token) })).status).toBe(401);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
