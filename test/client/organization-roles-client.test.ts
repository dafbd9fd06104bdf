import path from 'node:path';
import { BetterAuth } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { EmailPasswordPlugin, OrganizationPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { TEST_SECRET } from '../support/test-auth';
import { runClientScript } from './run-client-script';
import { serveAuth } from './serve-auth';

// The official client is ESM-only: it runs in a child process against this listening server (see official-client.test.ts).
const SCRIPT = path.join(__dirname, 'organization-roles-client.mjs');

// Codes of features this plugin does not have (teams), and two role codes better-auth never needs here: there is
// always an access control (MISSING_AC_INSTANCE), and no route answers "not allowed to get" (get-role says "read").
const NOT_IMPLEMENTED = /TEAM|MISSING_AC_INSTANCE|YOU_ARE_NOT_ALLOWED_TO_GET_A_ROLE|INVALID_TEAM_ID|YOU_ARE_NOT_ALLOWED_TO_ACCESS_THIS_ORGANIZATION/;

describe("better-auth's organizationClient with dynamic access control against our organization plugin", () => {
  const served = serveAuth((url: string) =>
    new BetterAuth({ secret: TEST_SECRET, baseURL: url })
      .database(new MemoryDatabaseAdapter())
      .plugin(new EmailPasswordPlugin())
      .plugin(new SessionManagementPlugin())
      .plugin(new OrganizationPlugin({ dynamicAccessControl: { enabled: true } }))
      .build(),
  );

  it.each(['cookies', 'bearer'])('creates, lists, reads, updates and assigns a role, and refuses deleting it while in use, with %s', async (mode) => {
    const run = await runClientScript(SCRIPT, served.baseURL, ['--mode', mode]);
    if (run.code !== 0) throw new Error(`organization-roles-client.mjs exited with ${run.code}\n${run.stderr}\n${run.stdout}`);
    const results = JSON.parse(run.stdout.trim());
    expect(results).toEqual({
      created: { success: true, role: 'recruiter', organization: true, statements: { invitation: ['create'] } },
      listed: [{ role: 'recruiter', permission: { invitation: ['create'] } }],
      read: { id: true, permission: { invitation: ['create'] } },
      updated: { success: true, permission: { invitation: ['create', 'cancel'] } },
      before: { error: null, success: false },
      assigned: 'recruiter',
      after: { error: null, success: true },
      beyond: { error: null, success: false },
      inUse: { status: 400, code: 'ROLE_IS_ASSIGNED_TO_MEMBERS' },
      workerCreates: { status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_CREATE_A_ROLE' },
      wrongOrganization: { status: 403, code: 'YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION' },
      errorCodes: expect.any(Array),
    });
    // Every role code the client plugin knows is one this instance answers with.
    const unknown = (results.errorCodes as string[]).filter((code) => !served.auth.context.errors.get(code) && !NOT_IMPLEMENTED.test(code));
    expect(unknown).toEqual([]);
  });
});
