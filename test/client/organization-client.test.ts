import path from 'node:path';
import { BetterAuth } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { EmailPasswordPlugin, OrganizationPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { TEST_SECRET } from '../support/test-auth';
import { runClientScript } from './run-client-script';
import { serveAuth } from './serve-auth';

// The official client is ESM-only: it runs in a child process against this listening server (see official-client.test.ts).
const SCRIPT = path.join(__dirname, 'organization-client.mjs');

// Team and dynamic-role codes belong to features this instance leaves off; organization-teams-client and
// organization-roles-client check those codes with teams and run-time roles on.
const NOT_IMPLEMENTED = /TEAM|_ROLE$|ROLE_NAME|PRE_DEFINED_ROLE|ROLES$|MISSING_AC_INSTANCE|INVALID_RESOURCE|ROLE_IS_ASSIGNED|INVALID_TEAM_ID|YOU_MUST_BE_IN_AN_ORGANIZATION_TO_CREATE_A_ROLE|YOU_ARE_NOT_ALLOWED_TO_ACCESS_THIS_ORGANIZATION/;

describe("better-auth's organizationClient against our organization plugin", () => {
  function build(url: string) {
    return new BetterAuth({ secret: TEST_SECRET, baseURL: url })
      .database(new MemoryDatabaseAdapter())
      .plugin(new EmailPasswordPlugin())
      .plugin(new SessionManagementPlugin())
      .plugin(new OrganizationPlugin())
      .build();
  }

  const served = serveAuth(build);

  it.each(['cookies', 'bearer'])('runs the whole flow with %s', async (mode) => {
    const run = await runClientScript(SCRIPT, served.baseURL, ['--mode', mode]);
    if (run.code !== 0) throw new Error(`organization-client.mjs exited with ${run.code}\n${run.stderr}\n${run.stdout}`);
    const results = JSON.parse(run.stdout.trim());
    expect(results).toEqual({
      created: { slug: expect.stringMatching(/^acme-/), metadata: { tier: 'gold' }, members: ['owner'] },
      slugTaken: { status: 400, code: 'ORGANIZATION_SLUG_ALREADY_TAKEN' },
      ownerActive: true,
      invitation: { email: expect.stringMatching(/^invitee-/), role: 'member', status: 'pending' },
      seen: { organizationSlug: results.created.slug, inviterEmail: true },
      accepted: { status: 'accepted', role: 'member' },
      inviteeActive: true,
      promoted: 'admin',
      role: { role: 'admin' },
      activeMember: { role: 'admin', email: true },
      thirdRemovesOwner: { status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER' },
      removed: true,
      full: { id: true, members: ['owner', 'admin'], invitations: 0 },
      listed: { total: 2, users: true },
      permission: { error: null, success: true },
      left: 'admin',
      ownerLeaves: { status: 400, code: 'YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER' },
      strangerReads: { status: 403, code: 'USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION' },
      deleted: true,
      afterDelete: [],
      errorCodes: expect.any(Array),
    });
    // Every code the client plugin knows for the features we have is one this instance answers with.
    const unknown = (results.errorCodes as string[]).filter((code) => !served.auth.context.errors.get(code) && !NOT_IMPLEMENTED.test(code));
    expect(unknown).toEqual([]);
  });
});
