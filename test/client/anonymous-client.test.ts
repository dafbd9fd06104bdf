import path from 'node:path';
import { BetterAuth } from 'better-auth-entities';
import { ANONYMOUS_ERRORS, AnonymousPlugin, EmailPasswordPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { builtinBackends, type BuiltinDatabase } from '../support/builtin-backends';
import { TEST_SECRET } from '../support/test-auth';
import { runClientScript } from './run-client-script';
import { serveAuth } from './serve-auth';

// The official client is ESM-only: it runs in a child process (anonymous-client.mjs) against this listening server.
const SCRIPT = path.join(__dirname, 'anonymous-client.mjs');

// The built-in classes carry isAnonymous; on SQL the shipped migrations (008) add its column.
const backends = builtinBackends('anonymous_client');

describe.each(backends)("better-auth's anonymousClient against our AnonymousPlugin on %s", (_name, open) => {
  let database: BuiltinDatabase;
  const links: string[] = [];
  const served = serveAuth(async (baseURL) => {
    database = (await open())();
    return new BetterAuth({ secret: TEST_SECRET, baseURL, rateLimit: { enabled: false } })
      .database(database)
      .plugin(new EmailPasswordPlugin())
      .plugin(new SessionManagementPlugin())
      .plugin(new AnonymousPlugin({ onLinkAccount: ({ anonymousUser, newUser }) => void links.push(`${anonymousUser.user.id}->${newUser.user.email}`) }))
      .build();
  });

  it('signs in anonymously, shows isAnonymous in get-session, refuses a second time, links on sign-up and deletes on request', async () => {
    const run = await runClientScript(SCRIPT, served.baseURL);
    if (run.code !== 0) throw new Error(`anonymous-client.mjs exited with ${run.code}\n${run.stderr}\n${run.stdout}`);
    const results = JSON.parse(run.stdout.trim());
    expect(results).toEqual({
      signIn: { keys: ['token', 'user'], token: true, isAnonymous: true, name: 'Anonymous', email: expect.stringMatching(/^[0-9a-f]{32}@anonymous\.placeholder\.invalid$/) },
      session: { sameUser: true, isAnonymous: true },
      again: { status: 400, code: 'ANONYMOUS_USERS_CANNOT_SIGN_IN_AGAIN_ANONYMOUSLY' },
      signUp: { newUser: true, isAnonymous: false, email: true },
      linkedAnonymousUserId: expect.any(String),
      notAnonymous: { status: 403, code: 'USER_IS_NOT_ANONYMOUS' },
      deleted: { success: true },
      deletedAnonymousUserId: expect.any(String),
      afterDelete: null,
      errorCodes: expect.any(Array),
    });
    expect(links).toEqual([expect.stringMatching(new RegExp(`^${results.linkedAnonymousUserId}->ann-`))]);
    expect(await database.getUserById(results.linkedAnonymousUserId)).toBeNull();
    expect(await database.listSessionsForUser(results.linkedAnonymousUserId)).toEqual([]);
    expect(await database.getUserById(results.deletedAnonymousUserId)).toBeNull();
    // Every code the client plugin knows is one our plugin answers with, under that name.
    expect(Object.keys(ANONYMOUS_ERRORS)).toEqual(expect.arrayContaining(results.errorCodes));
  });
});
