import { BetterAuth, MemoryEmailSender } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { AdminPlugin, EmailPasswordPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { call, ORIGIN, PASSWORD, signUp, TEST_SECRET } from '../support/test-auth';
import { badRequestCorpus } from './bad-input-corpus';
import { rowsChanged, snapshot } from './table-snapshot';

const STACK_TRACE = /\n\s+at |node_modules|\.ts:\d+/;

/**
 * The generated bad-input corpus against the admin routes, sent with an admin's token: a request that got
 * past validation would act with every permission, so "changes nothing" means the shape checks held.
 */
describe('the bad-input corpus on the admin routes', () => {
  it('answers every hostile request with a 4xx { code, message } and changes no row', async () => {
    const database = new MemoryDatabaseAdapter();
    const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, emailSender: new MemoryEmailSender() })
      .database(database)
      .plugin(new EmailPasswordPlugin())
      .plugin(new SessionManagementPlugin())
      .plugin(new AdminPlugin())
      .build();
    const { email, token, user } = await signUp(auth.handler, 'admin@example.com');
    await database.updateUser(user.id, { role: 'admin' });
    await signUp(auth.handler, 'other@example.com');
    await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } });

    const adminRoutes = auth.routes.filter((route) => route.path.startsWith('/admin/'));
    const corpus = badRequestCorpus(adminRoutes, auth.context.config.basePath, { bearer: token, email, resetToken: 'none', verifyToken: 'none', foreignAccountId: 'none' });
    expect(new Set(corpus.map((request) => request.route)).size).toBe(adminRoutes.length);

    expect(corpus.length).toBeGreaterThanOrEqual(150);

    // The snapshot reads rows through the adapter, whatever its entity classes.
    const rows = database as unknown as Parameters<typeof snapshot>[0];
    const before = await snapshot(rows);
    const failures: string[] = [];
    for (const request of corpus) {
      const response = await auth.handler(new Request(`${ORIGIN}${request.path}`, { method: request.method, headers: request.headers, body: request.body }));
      const text = await response.text();
      let body: { code?: unknown; message?: unknown } | null = null;
      try { body = JSON.parse(text); } catch { body = null; }
      const ok = response.status >= 400 && response.status < 500 && typeof body?.code === 'string' && typeof body?.message === 'string' && !STACK_TRACE.test(text);
      if (!ok) failures.push(`${request.label} → ${response.status} ${text.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    expect(rowsChanged(before, await snapshot(rows))).toEqual({});
  });
});
