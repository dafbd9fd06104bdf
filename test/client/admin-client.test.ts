import path from 'node:path';
import { BetterAuth } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { AdminPlugin, EmailPasswordPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { PASSWORD, TEST_SECRET } from '../support/test-auth';
import { runClientScript } from './run-client-script';
import { serveAuth } from './serve-auth';

// The official client is ESM-only: it runs in a child process against this listening server (see official-client.test.ts).
const SCRIPT = path.join(__dirname, 'admin-client.mjs');
const ADMIN_EMAIL = 'the-admin@example.com';

const runClient = (baseURL: string) => runClientScript(SCRIPT, baseURL, [], { ADMIN_EMAIL });

describe("better-auth's adminClient against our admin plugin", () => {
  async function build(url: string) {
    const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: url })
      .database(new MemoryDatabaseAdapter())
      .plugin(new EmailPasswordPlugin())
      .plugin(new SessionManagementPlugin())
      .plugin(new AdminPlugin())
      .build();
    await auth.api.admin.createUser({ email: ADMIN_EMAIL, password: PASSWORD, name: 'Admin', role: 'admin' });
    return auth;
  }

  const served = serveAuth(build);

  it('creates, lists, bans, impersonates, promotes then demotes, and removes users through the official client', async () => {
    const run = await runClient(served.baseURL);
    if (run.code !== 0) throw new Error(`admin-client.mjs exited with ${run.code}\n${run.stderr}\n${run.stdout}`);
    const results = JSON.parse(run.stdout.trim());
    expect(results).toEqual({
      created: { email: expect.stringMatching(/^member-[0-9a-f]{8}@example\.com$/), role: 'user' },
      listed: { total: 1, limit: 10, offset: 0, emails: [results.created.email] },
      setRole: 'user',
      banned: { banned: true, banReason: 'testing the client', expires: true },
      memberSessionAfterBan: null,
      bannedSignIn: { status: 403, code: 'BANNED_USER' },
      unbanned: false,
      impersonating: { userId: true, impersonatedBy: true },
      stopped: { userId: true, session: true },
      permission: { error: null, success: true },
      memberPermission: { error: null, success: false },
      sessions: true,
      notAllowed: { status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_LIST_USERS' },
      promoted: 'admin',
      impersonateAdmin: { status: 403, code: 'YOU_CANNOT_IMPERSONATE_ADMINS' },
      demoted: 'user',
      removed: { success: true },
      errorCodes: expect.any(Array),
    });
    // Every code the client plugin knows is one this instance answers with the same name, but the phone-number
    // one (there is no phone number field).
    const unknown = (results.errorCodes as string[]).filter((code) => !served.auth.context.errors.get(code));
    expect(unknown).toEqual(['YOU_ARE_NOT_ALLOWED_TO_SET_USERS_PHONE_NUMBER']);
  });
});
