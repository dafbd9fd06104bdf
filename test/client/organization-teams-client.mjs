// Drives better-auth's own `organizationClient({ teams: { enabled: true } })` against a running server with the
// organization plugin's teams on: default team → create/update/list teams → add/list/remove team members →
// set-active-team → invite with a team → list-user-teams → remove team, and list-members with sort and filter.
// Usage: BASE_URL=http://127.0.0.1:3000 node test/client/organization-teams-client.mjs [--mode cookies|bearer]
// Prints one JSON line of what the clients saw; any unexpected failure prints a message on stderr and exits 1.
import { randomBytes } from 'node:crypto';
import { organizationClient } from 'better-auth/client/plugins';
import { clientRun, PASSWORD } from './organization-client-run.mjs';

const { ok, device } = clientRun('organization-teams-client', () => [organizationClient({ teams: { enabled: true } })]);

const suffix = randomBytes(4).toString('hex');
const [owner, invitee, outsider] = [device(), device(), device()];
const emails = { owner: `owner-${suffix}@example.com`, invitee: `invitee-${suffix}@example.com`, outsider: `outsider-${suffix}@example.com` };
ok('owner signUp', await owner.signUp.email({ email: emails.owner, password: PASSWORD, name: 'Owner' }));
const inviteeUser = ok('invitee signUp', await invitee.signUp.email({ email: emails.invitee, password: PASSWORD, name: 'Invitee' })).user;
ok('outsider signUp', await outsider.signUp.email({ email: emails.outsider, password: PASSWORD, name: 'Outsider' }));

const created = ok('create', await owner.organization.create({ name: 'Acme', slug: `acme-${suffix}` }));
const organizationId = created.id;
const ownerSession = ok('owner getSession', await owner.getSession());
const [defaultTeam] = ok('listTeams', await owner.organization.listTeams());
const team = ok('createTeam', await owner.organization.createTeam({ name: 'Design' }));
const updated = ok('updateTeam', await owner.organization.updateTeam({ teamId: team.id, data: { name: 'Product design' } }));

const invitation = ok('inviteMember', await owner.organization.inviteMember({ email: emails.invitee, role: 'member', teamId: team.id }));
ok('acceptInvitation', await invitee.organization.acceptInvitation({ invitationId: invitation.id }));
const inviteeSession = ok('invitee getSession', await invitee.getSession());
const teamMembers = ok('listTeamMembers', await invitee.organization.listTeamMembers({ query: { teamId: team.id } }));
const memberCreates = await invitee.organization.createTeam({ name: 'Mine' });
const inviteeTeams = ok('listUserTeams', await invitee.organization.listUserTeams());

const added = ok('addTeamMember', await owner.organization.addTeamMember({ teamId: defaultTeam.id, userId: inviteeUser.id }));
const activeTeam = ok('setActiveTeam', await invitee.organization.setActiveTeam({ teamId: defaultTeam.id }));
ok('removeTeamMember', await owner.organization.removeTeamMember({ teamId: defaultTeam.id, userId: inviteeUser.id }));
const afterRemoval = ok('invitee getSession again', await invitee.getSession());

const outsiderReads = await outsider.organization.listTeamMembers({ query: { teamId: team.id } });
const outsiderAdds = await outsider.organization.addTeamMember({ teamId: team.id, userId: inviteeUser.id, organizationId });

const sorted = ok('listMembers sorted', await owner.organization.listMembers({ query: { sortBy: 'role', sortDirection: 'desc' } }));
const filtered = ok('listMembers filtered', await owner.organization.listMembers({ query: { filterField: 'role', filterOperator: 'eq', filterValue: 'member' } }));
const badField = await owner.organization.listMembers({ query: { sortBy: 'secret' } });

const removed = ok('removeTeam', await owner.organization.removeTeam({ teamId: team.id }));
const activeRemoval = await owner.organization.removeTeam({ teamId: defaultTeam.id, organizationId });
const cleared = ok('setActiveTeam null', await owner.organization.setActiveTeam({ teamId: null }));
const lastTeam = await owner.organization.removeTeam({ teamId: defaultTeam.id, organizationId });
const teamsLeft = ok('listTeams again', await owner.organization.listTeams());

const refusal = (result) => ({ status: result.error?.status, code: result.error?.code });
process.stdout.write(
  `${JSON.stringify({
    ownerActiveTeam: ownerSession.session.activeTeamId === defaultTeam.id,
    defaultTeam: { name: defaultTeam.name, organization: defaultTeam.organizationId === organizationId },
    team: { name: team.name, organization: team.organizationId === organizationId },
    updated: updated.name,
    invitationTeam: invitation.teamId === team.id,
    inviteeActiveTeam: inviteeSession.session.activeTeamId === team.id,
    teamMembers: teamMembers.map((row) => row.userId === inviteeUser.id),
    memberCreates: refusal(memberCreates),
    inviteeTeams: inviteeTeams.map((row) => row.name),
    added: added.teamId === defaultTeam.id,
    activeTeam: activeTeam.id === defaultTeam.id,
    afterRemoval: afterRemoval.session.activeTeamId,
    outsiderReads: refusal(outsiderReads),
    outsiderAdds: refusal(outsiderAdds),
    sorted: sorted.members.map((row) => row.role),
    filtered: { total: filtered.total, roles: filtered.members.map((row) => row.role) },
    badField: refusal(badField),
    removed,
    activeRemoval: refusal(activeRemoval),
    cleared,
    lastTeam: refusal(lastTeam),
    teamsLeft: teamsLeft.length,
    errorCodes: Object.keys(organizationClient({ teams: { enabled: true } }).$ERROR_CODES ?? {}),
  })}\n`,
);
