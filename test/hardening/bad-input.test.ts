import { describeOnEveryBackend } from '../support/backends';
import { makeLifecycleAuth } from '../support/lifecycle-auth';
import { call, ORIGIN, PASSWORD, signUp } from '../support/test-auth';
import { badRequestCorpus } from './bad-input-corpus';
import { counts, fingerprint, rowsChanged, snapshot } from './table-snapshot';

const STACK_TRACE = /\n\s+at |node_modules|\.ts:\d+/;

/**
 * Every mounted route (core, session management, password management, account management, user, email
 * verification) gets the generated corpus on each backend. Row counts are read with SQL `COUNT(*)` and every
 * row's content is compared by id, so "changed nothing" is checked below the adapter.
 */
describeOnEveryBackend('the bad-input corpus', (backend) => {
  it('answers every hostile request with a 4xx { code, message }, emails nobody, uses no live token up and changes no row', async () => {
    const database = backend.database();
    const { auth, mail, settle } = makeLifecycleAuth({ database });
    const { email, token } = await signUp(auth.handler, 'existing@example.com');
    await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } });
    const other = await signUp(auth.handler, 'other@example.com');
    const [foreign] = await database.listAccountsForUser(other.user.id);
    await call(auth.handler, 'POST', '/request-password-reset', { body: { email } });
    await call(auth.handler, 'POST', '/send-verification-email', { body: { email } });
    const resetToken = (await mail.next({ kind: 'reset-password', to: email })).token;
    const verifyToken = (await mail.next({ kind: 'verify-email', to: email })).token;
    await settle();

    const corpus = badRequestCorpus(auth.routes, auth.context.config.basePath, { bearer: token, email, resetToken, verifyToken, foreignAccountId: foreign.id });
    const routesCovered = new Set(corpus.map((request) => request.route));
    expect(routesCovered.size).toBe(auth.routes.filter((route) => route.path !== '/ok' && route.path !== '/reference/openapi.json').length);
    expect(corpus.length).toBeGreaterThanOrEqual(200);

    const before = await snapshot(database);
    const emailsBefore = mail.sent.length;
    const hash = jest.spyOn(auth.context.hasher, 'hash');
    const verify = jest.spyOn(auth.context.hasher, 'verify');
    const failures: string[] = [];
    let serverErrors = 0;
    const answers = new Map<string, number>();
    for (const request of corpus) {
      const response = await auth.handler(new Request(`${ORIGIN}${request.path}`, { method: request.method, headers: request.headers, body: request.body }));
      const text = await response.text();
      const body = safeJson(text);
      if (response.status >= 500) serverErrors += 1;
      const answer = `${response.status} ${String(body?.code)}`;
      answers.set(answer, (answers.get(answer) ?? 0) + 1);
      // get-session answers "no session" with 200 null (better-auth's answer, which its client reads as signed out):
      // for a forged or broken credential that is the refusal, and it must be exactly that.
      const signedOut = request.method === 'GET' && new URL(`${ORIGIN}${request.path}`).pathname.endsWith('/get-session') && response.status === 200 && text === 'null';
      const ok = signedOut || response.status >= 400 && response.status < 500 && typeof body?.code === 'string' && typeof body?.message === 'string' && !STACK_TRACE.test(text);
      if (!ok) failures.push(`${request.label} → ${response.status} ${response.headers.get('location') ?? ''} ${text.slice(0, 200)}`);
    }
    await settle(); // background work (emails, lookups) the open routes started must show in the rows too
    const after = await snapshot(database);
    const changed = rowsChanged(before, after);
    const changedRows = Object.values(changed).reduce((sum, n) => sum + n, 0);
    console.log(
      `bad-input corpus on ${backend.name}: ${corpus.length} requests over ${routesCovered.size} routes, ${serverErrors} answered 5xx, ` +
        `${failures.length} not a 4xx { code, message }, ${changedRows} rows changed; COUNT(*) ${JSON.stringify(counts(before))}; ` +
        `fingerprint ${fingerprint(before)} → ${fingerprint(after)}; ${mail.sent.length - emailsBefore} emails sent; ` +
        `answers: ${[...answers].sort(([, a], [, b]) => b - a).map(([answer, n]) => `${answer} ×${n}`).join(', ')}`,
    );

    expect(failures).toEqual([]);
    expect(serverErrors).toBe(0);
    expect(changed).toEqual({});
    expect(counts(after)).toEqual(counts(before));
    expect(mail.sent.length).toBe(emailsBefore);
    // Only wrong-password checks may hash (one hash each, the anti-enumeration cost); nothing over the policy's 128 ever does.
    for (const password of [...hash.mock.calls.map(([p]) => p), ...verify.mock.calls.map(([, p]) => p)]) expect(password.length).toBeLessThanOrEqual(128);

    // The live tokens the corpus aimed at were refused without being used up: each still works, once.
    const verified = await call(auth.handler, 'GET', `/verify-email?token=${encodeURIComponent(verifyToken)}`);
    expect(verified.status).toBe(200);
    const reset = await call(auth.handler, 'POST', '/reset-password', { body: { newPassword: 'a brand new passphrase 42', token: resetToken } });
    expect([reset.status, reset.json]).toEqual([200, { status: true }]);
  });
});

function safeJson(text: string): { code?: unknown; message?: unknown } | null {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
