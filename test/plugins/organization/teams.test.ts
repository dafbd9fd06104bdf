import { builtinBackends, type BuiltinDatabase } from '../../support/builtin-backends';
import { as, join, organizationOf, orgAuth, person, refusal } from './org-support';
import { sessionOf, teamsOrganization, twinHandler } from './team-support';

describe.each(builtinBackends('org-teams'))('teams on %s', (backendName, open) => {
  const backend = { database: (): BuiltinDatabase => { throw new Error('not opened'); } };
  beforeAll(async () => { backend.database = await open(); });

  it('a new organization gets a default team named after it, with its creator in it and active in the creating session', async () => {
    const { handler, owner, org, defaultTeam } = await teamsOrganization(backend.database());
    expect(defaultTeam).toMatchObject({ name: `Org ${org.slug}`, organizationId: org.id });
    expect(typeof defaultTeam.createdAt).toBe('string');
    expect(await sessionOf(handler, owner)).toMatchObject({ activeOrganizationId: org.id, activeTeamId: defaultTeam.id });
    const members = await as(handler, owner).get('/organization/list-team-members', { teamId: defaultTeam.id });
    expect(members.json).toEqual([expect.objectContaining({ teamId: defaultTeam.id, userId: owner.id })]);
    expect(Object.keys(members.json[0]).sort()).toEqual(['createdAt', 'id', 'teamId', 'userId']);
    const full = await as(handler, owner).get('/organization/get-full-organization', { organizationId: org.id });
    expect(full.json.teams).toEqual([defaultTeam]);
  });

  it('create-team, update-team and remove-team need the team permissions: admins may, a plain member and a stranger may not', async () => {
    const { handler, admin, member, stranger, org, defaultTeam } = await teamsOrganization(backend.database());
    const created = await as(handler, admin).post('/organization/create-team', { name: 'Design', organizationId: org.id });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ name: 'Design', organizationId: org.id });
    expect(refusal(await as(handler, member).post('/organization/create-team', { name: 'Nope', organizationId: org.id }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_CREATE_TEAMS_IN_THIS_ORGANIZATION' });
    expect(refusal(await as(handler, stranger).post('/organization/create-team', { name: 'Nope', organizationId: org.id }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_INVITE_USERS_TO_THIS_ORGANIZATION' });
    expect(refusal(await as(handler, member).post('/organization/update-team', { teamId: created.json.id, data: { name: 'Mine', organizationId: org.id } }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_TEAM' });
    expect(refusal(await as(handler, member).post('/organization/remove-team', { teamId: created.json.id, organizationId: org.id }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_DELETE_TEAMS_IN_THIS_ORGANIZATION' });
    const renamed = await as(handler, admin).post('/organization/update-team', { teamId: created.json.id, data: { name: 'Product design', organizationId: org.id } });
    expect(renamed.json).toMatchObject({ id: created.json.id, name: 'Product design' });
    const teams = await as(handler, member).get('/organization/list-teams', { organizationId: org.id });
    expect(teams.json.map((team: { name: string }) => team.name)).toEqual([defaultTeam.name, 'Product design']);
    expect(refusal(await as(handler, stranger).get('/organization/list-teams', { organizationId: org.id }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_ACCESS_THIS_ORGANIZATION' });
    expect((await as(handler, admin).post('/organization/remove-team', { teamId: created.json.id, organizationId: org.id })).json).toEqual({ message: 'Team removed successfully.' });
    expect((await as(handler, member).get('/organization/list-teams', { organizationId: org.id })).json).toHaveLength(1);
  });

  it('bad input is a 400 and writes nothing', async () => {
    const { handler, owner, org } = await teamsOrganization(backend.database());
    expect(refusal(await as(handler, owner).post('/organization/create-team', { name: '', organizationId: org.id }))).toEqual({ status: 400, code: 'VALIDATION_ERROR' });
    expect(refusal(await as(handler, owner).post('/organization/create-team', { name: 42, organizationId: org.id }))).toEqual({ status: 400, code: 'VALIDATION_ERROR' });
    expect(refusal(await as(handler, owner).post('/organization/update-team', { teamId: 'x', data: { name: ['no'] } }))).toEqual({ status: 400, code: 'VALIDATION_ERROR' });
    expect((await as(handler, owner).get('/organization/list-teams', { organizationId: org.id })).json).toHaveLength(1);
  });

  it('the last team cannot be removed, nor the team active in the caller’s session; allowRemovingAllTeams lifts the first rule', async () => {
    const strict = await teamsOrganization(backend.database());
    const { handler, owner, admin, org, defaultTeam } = strict;
    expect(refusal(await as(handler, owner).post('/organization/remove-team', { teamId: defaultTeam.id, organizationId: org.id }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_TEAM' });
    expect(refusal(await as(handler, admin).post('/organization/remove-team', { teamId: defaultTeam.id, organizationId: org.id }))).toEqual({ status: 400, code: 'UNABLE_TO_REMOVE_LAST_TEAM' });
    const lenient = await teamsOrganization(backend.database(), { allowRemovingAllTeams: true });
    const removed = await as(lenient.handler, lenient.admin).post('/organization/remove-team', { teamId: lenient.defaultTeam.id, organizationId: lenient.org.id });
    expect(removed.status).toBe(200);
    expect((await as(lenient.handler, lenient.owner).get('/organization/list-teams', { organizationId: lenient.org.id })).json).toEqual([]);
    // The owner's session had it active: it no longer points at a team that is gone.
    expect(await sessionOf(lenient.handler, lenient.owner)).toMatchObject({ activeOrganizationId: lenient.org.id, activeTeamId: null });
  });

  it('add-team-member, remove-team-member and list-team-members: members of the organization only, by those allowed', async () => {
    const { handler, owner, admin, member, stranger, org, defaultTeam } = await teamsOrganization(backend.database());
    const added = await as(handler, admin).post('/organization/add-team-member', { teamId: defaultTeam.id, userId: member.id, organizationId: org.id });
    expect(added.json).toMatchObject({ teamId: defaultTeam.id, userId: member.id });
    // Adding again answers the same membership rather than a second one.
    expect((await as(handler, admin).post('/organization/add-team-member', { teamId: defaultTeam.id, userId: member.id, organizationId: org.id })).json.id).toBe(added.json.id);
    expect(refusal(await as(handler, admin).post('/organization/add-team-member', { teamId: defaultTeam.id, userId: stranger.id, organizationId: org.id }))).toEqual({ status: 403, code: 'USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION' });
    expect(refusal(await as(handler, member).post('/organization/add-team-member', { teamId: defaultTeam.id, userId: admin.id, organizationId: org.id }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_CREATE_A_NEW_TEAM_MEMBER' });
    expect(refusal(await as(handler, member).post('/organization/remove-team-member', { teamId: defaultTeam.id, userId: owner.id, organizationId: org.id }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_REMOVE_A_TEAM_MEMBER' });
    const listed = await as(handler, member).get('/organization/list-team-members', { teamId: defaultTeam.id });
    expect(listed.json.map((row: { userId: string }) => row.userId)).toEqual([owner.id, member.id]);
    expect(refusal(await as(handler, admin).get('/organization/list-team-members', { teamId: defaultTeam.id }))).toEqual({ status: 400, code: 'USER_IS_NOT_A_MEMBER_OF_THE_TEAM' });
    expect(refusal(await as(handler, admin).get('/organization/list-team-members'))).toEqual({ status: 400, code: 'YOU_DO_NOT_HAVE_AN_ACTIVE_TEAM' });
    expect((await as(handler, admin).post('/organization/remove-team-member', { teamId: defaultTeam.id, userId: member.id, organizationId: org.id })).json).toEqual({ message: 'Team member removed successfully.' });
    expect(refusal(await as(handler, admin).post('/organization/remove-team-member', { teamId: defaultTeam.id, userId: member.id, organizationId: org.id }))).toEqual({ status: 400, code: 'USER_IS_NOT_A_MEMBER_OF_THE_TEAM' });
    expect(refusal(await as(handler, member).get('/organization/list-team-members', { teamId: defaultTeam.id }))).toEqual({ status: 400, code: 'USER_IS_NOT_A_MEMBER_OF_THE_TEAM' });
  });

  it('set-active-team takes a team of the active organization the caller is in; null clears it; list-active-team-members follows it', async () => {
    const { handler, owner, admin, member, org, defaultTeam } = await teamsOrganization(backend.database());
    const other = (await as(handler, owner).post('/organization/create-team', { name: 'Other', organizationId: org.id })).json;
    expect(refusal(await as(handler, member).post('/organization/set-active-team', { teamId: other.id }))).toEqual({ status: 400, code: 'USER_IS_NOT_A_MEMBER_OF_THE_TEAM' });
    await as(handler, admin).post('/organization/add-team-member', { teamId: other.id, userId: member.id, organizationId: org.id });
    const set = await as(handler, member).post('/organization/set-active-team', { teamId: other.id });
    expect(set.json).toMatchObject({ id: other.id, name: 'Other' });
    expect(await sessionOf(handler, member)).toMatchObject({ activeTeamId: other.id });
    expect((await as(handler, member).get('/organization/list-active-team-members')).json.map((row: { userId: string }) => row.userId)).toEqual([member.id]);
    expect((await as(handler, member).post('/organization/set-active-team', {})).json).toMatchObject({ id: other.id });
    expect((await as(handler, member).post('/organization/set-active-team', { teamId: null })).json).toBeNull();
    expect(await sessionOf(handler, member)).toMatchObject({ activeTeamId: null });
    expect(refusal(await as(handler, member).get('/organization/list-active-team-members'))).toEqual({ status: 400, code: 'YOU_DO_NOT_HAVE_AN_ACTIVE_TEAM' });
    expect(refusal(await as(handler, owner).post('/organization/set-active-team', { teamId: 'no-such-team' }))).toEqual({ status: 400, code: 'TEAM_NOT_FOUND' });
    expect(defaultTeam.id).not.toBe(other.id);
  });

  it('list-user-teams: one’s own teams across organizations or in one; another member’s only with member:update', async () => {
    const { handler, owner, admin, member, org, defaultTeam } = await teamsOrganization(backend.database());
    const second = await organizationOf(handler, owner);
    const secondTeams = (await as(handler, owner).get('/organization/list-teams', { organizationId: second.id })).json;
    const mine = await as(handler, owner).get('/organization/list-user-teams');
    expect(mine.json.map((team: { id: string }) => team.id).sort()).toEqual([defaultTeam.id, secondTeams[0].id].sort());
    expect((await as(handler, owner).get('/organization/list-user-teams', { organizationId: org.id })).json.map((team: { id: string }) => team.id)).toEqual([defaultTeam.id]);
    await as(handler, owner).post('/organization/add-team-member', { teamId: defaultTeam.id, userId: member.id, organizationId: org.id });
    expect((await as(handler, admin).get('/organization/list-user-teams', { userId: member.id, organizationId: org.id })).json.map((team: { id: string }) => team.id)).toEqual([defaultTeam.id]);
    expect(refusal(await as(handler, member).get('/organization/list-user-teams', { userId: owner.id, organizationId: org.id }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER' });
    expect(refusal(await as(handler, member).get('/organization/list-user-teams', { organizationId: second.id }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION' });
  });

  it('no route reaches a team of another organization by its id (IDOR): each refuses and nothing changes', async () => {
    const database = backend.database();
    const mine = await teamsOrganization(database);
    const { handler, owner: victim, org: victimOrg, defaultTeam: victimTeam } = mine;
    // An attacker who owns an organization of their own, on the same instance.
    const attacker = await person(handler, database);
    const attackerOrg = await organizationOf(handler, attacker);
    const attempts: Array<[string, () => ReturnType<ReturnType<typeof as>['post']>]> = [
      ['update-team', () => as(handler, attacker).post('/organization/update-team', { teamId: victimTeam.id, data: { name: 'pwned', organizationId: attackerOrg.id } })],
      ['update-team (their org)', () => as(handler, attacker).post('/organization/update-team', { teamId: victimTeam.id, data: { name: 'pwned', organizationId: victimOrg.id } })],
      ['remove-team', () => as(handler, attacker).post('/organization/remove-team', { teamId: victimTeam.id, organizationId: attackerOrg.id })],
      ['remove-team (their org)', () => as(handler, attacker).post('/organization/remove-team', { teamId: victimTeam.id, organizationId: victimOrg.id })],
      ['add-team-member', () => as(handler, attacker).post('/organization/add-team-member', { teamId: victimTeam.id, userId: attacker.id, organizationId: attackerOrg.id })],
      ['add-team-member (their org)', () => as(handler, attacker).post('/organization/add-team-member', { teamId: victimTeam.id, userId: attacker.id, organizationId: victimOrg.id })],
      ['remove-team-member', () => as(handler, attacker).post('/organization/remove-team-member', { teamId: victimTeam.id, userId: attacker.id, organizationId: attackerOrg.id })],
      ['remove-team-member (their org)', () => as(handler, attacker).post('/organization/remove-team-member', { teamId: victimTeam.id, userId: victim.id, organizationId: victimOrg.id })],
      ['set-active-team', () => as(handler, attacker).post('/organization/set-active-team', { teamId: victimTeam.id })],
      ['list-team-members', () => as(handler, attacker).get('/organization/list-team-members', { teamId: victimTeam.id })],
      ['list-teams', () => as(handler, attacker).get('/organization/list-teams', { organizationId: victimOrg.id })],
      ['list-user-teams', () => as(handler, attacker).get('/organization/list-user-teams', { userId: victim.id, organizationId: victimOrg.id })],
      ['create-team', () => as(handler, attacker).post('/organization/create-team', { name: 'squat', organizationId: victimOrg.id })],
      ['invite-member', () => as(handler, attacker).post('/organization/invite-member', { email: 'x@example.com', role: 'member', organizationId: attackerOrg.id, teamId: victimTeam.id })],
    ];
    for (const [route, attempt] of attempts) {
      const answer = await attempt();
      expect([route, answer.status >= 400 && answer.status < 500]).toEqual([route, true]);
    }
    expect(refusal(await attempts[0][1]())).toEqual({ status: 400, code: 'TEAM_NOT_FOUND' });
    expect(refusal(await attempts[13][1]())).toEqual({ status: 400, code: 'TEAM_NOT_FOUND' });
    const teams = (await as(handler, victim).get('/organization/list-teams', { organizationId: victimOrg.id })).json;
    expect(teams).toEqual([victimTeam]);
    expect((await as(handler, victim).get('/organization/list-team-members', { teamId: victimTeam.id })).json.map((row: { userId: string }) => row.userId)).toEqual([victim.id]);
    expect(await sessionOf(handler, attacker)).toMatchObject({ activeOrganizationId: attackerOrg.id });
    expect((await sessionOf(handler, attacker)).activeTeamId).not.toBe(victimTeam.id);
  });

  it('removing a member takes them out of every team of that organization and clears their active organization and team', async () => {
    const { handler, owner, member, org, defaultTeam } = await teamsOrganization(backend.database());
    await as(handler, owner).post('/organization/add-team-member', { teamId: defaultTeam.id, userId: member.id, organizationId: org.id });
    await as(handler, member).post('/organization/set-active-team', { teamId: defaultTeam.id });
    expect(await sessionOf(handler, member)).toMatchObject({ activeOrganizationId: org.id, activeTeamId: defaultTeam.id });
    expect((await as(handler, owner).post('/organization/remove-member', { memberIdOrEmail: member.email, organizationId: org.id })).status).toBe(200);
    expect(await sessionOf(handler, member)).toMatchObject({ activeOrganizationId: null, activeTeamId: null });
    expect((await as(handler, owner).get('/organization/list-team-members', { teamId: defaultTeam.id })).json.map((row: { userId: string }) => row.userId)).toEqual([owner.id]);
    // Back in the organization, the old team membership has not come back with them.
    await join(handler, owner, org.id, member);
    expect((await as(handler, member).get('/organization/list-user-teams', { organizationId: org.id })).json).toEqual([]);
  });

  it('switching the active organization leaves no team of the previous one active; remove-team-member clears it too', async () => {
    const { handler, owner, admin, member, org, defaultTeam } = await teamsOrganization(backend.database());
    const second = await organizationOf(handler, member);
    await as(handler, member).post('/organization/set-active', { organizationId: org.id });
    await as(handler, owner).post('/organization/add-team-member', { teamId: defaultTeam.id, userId: member.id, organizationId: org.id });
    await as(handler, member).post('/organization/set-active-team', { teamId: defaultTeam.id });
    await as(handler, member).post('/organization/set-active', { organizationId: second.id });
    expect(await sessionOf(handler, member)).toMatchObject({ activeOrganizationId: second.id, activeTeamId: null });
    await as(handler, member).post('/organization/set-active', { organizationId: org.id });
    await as(handler, member).post('/organization/set-active-team', { teamId: defaultTeam.id });
    await as(handler, admin).post('/organization/remove-team-member', { teamId: defaultTeam.id, userId: member.id, organizationId: org.id });
    expect(await sessionOf(handler, member)).toMatchObject({ activeOrganizationId: org.id, activeTeamId: null });
  });

  it('an invitation with a team puts the invitee in it on acceptance (and makes it active); a team of another organization is refused', async () => {
    const database = backend.database();
    const { handler, owner, org, defaultTeam } = await teamsOrganization(database);
    const invitee = await person(handler, database);
    const invited = await as(handler, owner).post('/organization/invite-member', { email: invitee.email, role: 'member', organizationId: org.id, teamId: defaultTeam.id });
    expect(invited.json).toMatchObject({ teamId: defaultTeam.id });
    const accepted = await as(handler, invitee).post('/organization/accept-invitation', { invitationId: invited.json.id });
    expect(accepted.status).toBe(200);
    expect(await sessionOf(handler, invitee)).toMatchObject({ activeOrganizationId: org.id, activeTeamId: defaultTeam.id });
    expect((await as(handler, invitee).get('/organization/list-team-members', { teamId: defaultTeam.id })).json.map((row: { userId: string }) => row.userId)).toEqual([owner.id, invitee.id]);
    const elsewhere = await organizationOf(handler, invitee);
    const foreignTeam = (await as(handler, invitee).get('/organization/list-teams', { organizationId: elsewhere.id })).json[0];
    const other = await person(handler, database);
    expect(refusal(await as(handler, owner).post('/organization/invite-member', { email: other.email, role: 'member', organizationId: org.id, teamId: foreignTeam.id }))).toEqual({ status: 400, code: 'TEAM_NOT_FOUND' });
    expect(refusal(await as(handler, owner).post('/organization/invite-member', { email: other.email, role: 'member', organizationId: org.id, teamId: 'a,b' }))).toEqual({ status: 400, code: 'INVALID_TEAM_ID' });
    expect((await as(handler, owner).get('/organization/list-invitations', { organizationId: org.id })).json.filter((row: { email: string }) => row.email === other.email)).toEqual([]);
  });

  it('maximumTeams holds under parallel creates, also from two instances over one database', async () => {
    const database = backend.database();
    const { handler, owner, org } = await teamsOrganization(database, { maximumTeams: 4 });
    const twin = twinHandler(database, backendName, { maximumTeams: 4 });
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => as(i % 2 ? twin : handler, owner).post('/organization/create-team', { name: `T${i}`, organizationId: org.id })));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(3); // the default team is the fourth
    expect(answers.filter((answer) => answer.status !== 200).map(refusal)).toEqual(Array(7).fill({ status: 400, code: 'YOU_HAVE_REACHED_THE_MAXIMUM_NUMBER_OF_TEAMS' }));
    expect((await as(handler, owner).get('/organization/list-teams', { organizationId: org.id })).json).toHaveLength(4);
  });

  it('maximumMembersPerTeam holds under parallel adds, also from two instances over one database', async () => {
    const database = backend.database();
    const { handler, owner, org, defaultTeam } = await teamsOrganization(database, { maximumMembersPerTeam: 3 });
    const twin = twinHandler(database, backendName, { maximumMembersPerTeam: 3 });
    const people = [];
    for (let i = 0; i < 6; i += 1) {
      const someone = await person(handler, database);
      await join(handler, owner, org.id, someone);
      people.push(someone);
    }
    const answers = await Promise.all(people.map((someone, i) => as(i % 2 ? twin : handler, owner).post('/organization/add-team-member', { teamId: defaultTeam.id, userId: someone.id, organizationId: org.id })));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(2); // the owner holds the third seat
    expect(answers.filter((answer) => answer.status !== 200).map(refusal)).toEqual(Array(4).fill({ status: 403, code: 'TEAM_MEMBER_LIMIT_REACHED' }));
    expect((await as(handler, owner).get('/organization/list-team-members', { teamId: defaultTeam.id })).json).toHaveLength(3);
  });

  it('deleting the organization deletes its teams and memberships and clears the sessions that had them active', async () => {
    const { auth, handler, owner, org, defaultTeam } = await teamsOrganization(backend.database());
    expect((await as(handler, owner).post('/organization/delete', { organizationId: org.id })).status).toBe(200);
    expect(await sessionOf(handler, owner)).toMatchObject({ activeOrganizationId: null, activeTeamId: null });
    expect(await auth.context.records('team').count({ organizationId: org.id })).toBe(0);
    expect(await auth.context.records('teamMember').count({ teamId: defaultTeam.id })).toBe(0);
  });

  it('the server API manages teams without role checks but keeps limits and the organization boundary', async () => {
    const { auth, handler, owner, member, stranger, org, defaultTeam } = await teamsOrganization(backend.database(), { maximumTeams: 2 });
    const api = auth.api.organization;
    const team = await api.createTeam({ organizationId: org.id, name: 'Ops' });
    expect(team).toMatchObject({ name: 'Ops', organizationId: org.id });
    await expect(api.createTeam({ organizationId: org.id, name: 'One too many' })).rejects.toMatchObject({ code: 'YOU_HAVE_REACHED_THE_MAXIMUM_NUMBER_OF_TEAMS' });
    expect(await api.addTeamMember({ organizationId: org.id, teamId: team.id, userId: member.id })).toMatchObject({ teamId: team.id, userId: member.id });
    await expect(api.addTeamMember({ organizationId: org.id, teamId: team.id, userId: stranger.id })).rejects.toMatchObject({ code: 'USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION' });
    const elsewhere = await organizationOf(handler, stranger);
    await expect(api.removeTeam({ organizationId: elsewhere.id, teamId: team.id })).rejects.toMatchObject({ code: 'TEAM_NOT_FOUND' });
    expect((await api.listTeamMembers({ organizationId: org.id, teamId: team.id })).map((row: { userId: string }) => row.userId)).toEqual([member.id]);
    await api.removeTeamMember({ organizationId: org.id, teamId: team.id, userId: member.id });
    await api.removeTeam({ organizationId: org.id, teamId: team.id });
    expect((await api.listTeams({ organizationId: org.id })).map((row: { id: string }) => row.id)).toEqual([defaultTeam.id]);
    expect(owner.id).toBeTruthy();
  });

  it('accepting an invitation whose team filled up since is refused as a whole: no membership, the invitation still pending', async () => {
    const database = backend.database();
    const { handler, owner, admin, org } = await teamsOrganization(database, { maximumMembersPerTeam: 2 });
    const small = (await as(handler, owner).post('/organization/create-team', { name: 'Small', organizationId: org.id })).json;
    const invitee = await person(handler, database);
    const invited = await as(handler, owner).post('/organization/invite-member', { email: invitee.email, role: 'member', organizationId: org.id, teamId: small.id });
    expect(invited.status).toBe(200);
    await as(handler, owner).post('/organization/add-team-member', { teamId: small.id, userId: owner.id, organizationId: org.id });
    await as(handler, owner).post('/organization/add-team-member', { teamId: small.id, userId: admin.id, organizationId: org.id });
    expect(refusal(await as(handler, invitee).post('/organization/accept-invitation', { invitationId: invited.json.id }))).toEqual({ status: 403, code: 'TEAM_MEMBER_LIMIT_REACHED' });
    expect(await database.getMember(org.id, invitee.id)).toBeNull();
    expect((await database.getInvitationById(invited.json.id))?.status).toBe('pending');
    expect(await sessionOf(handler, invitee)).toMatchObject({ activeOrganizationId: null, activeTeamId: null });
  });
});
