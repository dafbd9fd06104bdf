import path from 'node:path';
import { BetterAuth } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { EmailPasswordPlugin, OrganizationPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { TEST_SECRET } from '../support/test-auth';
import { runClientScript } from './run-client-script';
import { serveAuth } from './serve-auth';

// The official client is ESM-only: it runs in a child process against this listening server (see official-client.test.ts).
const SCRIPT = path.join(__dirname, 'organization-teams-client.mjs');

describe("better-auth's organizationClient({ teams: { enabled: true } }) against our teams", () => {
  const served = serveAuth((url) =>
    new BetterAuth({ secret: TEST_SECRET, baseURL: url })
      .database(new MemoryDatabaseAdapter())
      .plugin(new EmailPasswordPlugin())
      .plugin(new SessionManagementPlugin())
      .plugin(new OrganizationPlugin({ teams: { enabled: true } }))
      .build(),
  );

  it.each(['cookies', 'bearer'])('runs the team flow and sorted, filtered member lists with %s', async (mode) => {
    const run = await runClientScript(SCRIPT, served.baseURL, ['--mode', mode]);
    if (run.code !== 0) throw new Error(`organization-teams-client.mjs exited with ${run.code}\n${run.stderr}\n${run.stdout}`);
    const results = JSON.parse(run.stdout.trim());
    expect(results).toEqual({
      ownerActiveTeam: true,
      defaultTeam: { name: 'Acme', organization: true },
      team: { name: 'Design', organization: true },
      updated: 'Product design',
      invitationTeam: true,
      inviteeActiveTeam: true,
      teamMembers: [true],
      memberCreates: { status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_CREATE_TEAMS_IN_THIS_ORGANIZATION' },
      inviteeTeams: ['Product design'],
      added: true,
      activeTeam: true,
      afterRemoval: null,
      outsiderReads: { status: 400, code: 'USER_IS_NOT_A_MEMBER_OF_THE_TEAM' },
      outsiderAdds: { status: 403, code: 'USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION' },
      sorted: ['owner', 'member'],
      filtered: { total: 1, roles: ['member'] },
      badField: { status: 400, code: 'VALIDATION_ERROR' },
      removed: { message: 'Team removed successfully.' },
      activeRemoval: { status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_TEAM' },
      cleared: null,
      lastTeam: { status: 400, code: 'UNABLE_TO_REMOVE_LAST_TEAM' },
      teamsLeft: 1,
      errorCodes: expect.any(Array),
    });
    // Every team code the client plugin knows is one this instance declares (and answers with where 1.7 does).
    const teamCodes = (results.errorCodes as string[]).filter((code) => /TEAM|YOU_ARE_NOT_ALLOWED_TO_ACCESS_THIS_ORGANIZATION/.test(code));
    expect(teamCodes.length).toBeGreaterThanOrEqual(15);
    expect(teamCodes.filter((code) => !served.auth.context.errors.get(code))).toEqual([]);
  });
});
