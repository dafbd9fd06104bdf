import { createAccessControl } from 'better-auth-entities/plugins';
import { defaultOrganizationRoles, organizationStatements } from 'better-auth-entities/plugins';
import { builtinBackends, type BuiltinDatabase } from '../../support/builtin-backends';
import { as, join, organizationOf, orgAuth, person, refusal } from './org-support';

const BACKENDS = builtinBackends('org-members').filter(([name]) => name !== 'SQLite');

// An app's own resource and role: project leads may create projects and invite, nothing else.
const ac = createAccessControl({ ...organizationStatements, project: ['create', 'archive'] });
const roles = {
  ...defaultOrganizationRoles,
  owner: ac.newRole({ organization: ['update', 'delete'], member: ['create', 'update', 'delete'], invitation: ['create', 'cancel'], project: ['create', 'archive'] }),
  lead: ac.newRole({ invitation: ['create'], project: ['create'] }),
};

describe.each(BACKENDS)('members on %s', (_name, open) => {
  const backend = { database: (): BuiltinDatabase => { throw new Error('not opened'); } };
  beforeAll(async () => { backend.database = await open(); });

  async function team() {
    const database = backend.database();
    const { auth, handler } = orgAuth(database, { roles });
    const [owner, admin, member, stranger] = [await person(handler, database), await person(handler, database), await person(handler, database), await person(handler, database)];
    const org = await organizationOf(handler, owner);
    const adminId = await join(handler, owner, org.id, admin, 'admin');
    const memberId = await join(handler, owner, org.id, member);
    const ownerId = (await database.getMember(org.id, owner.id))!.id;
    return { database, auth, handler, owner, admin, member, stranger, org, ids: { owner: ownerId, admin: adminId, member: memberId } };
  }

  it('list-members pages with a total, each member with its user; a non-member reading is refused', async () => {
    const { handler, owner, member, stranger, org } = await team();
    const all = await as(handler, member).get('/organization/list-members', { organizationId: org.id });
    expect(all.json.total).toBe(3);
    expect(all.json.members.map((m: { role: string }) => m.role)).toEqual(['owner', 'admin', 'member']);
    expect(all.json.members[0].user).toEqual({ id: owner.id, name: 'Name p', email: owner.email, image: null });
    const page = await as(handler, member).get('/organization/list-members', { organizationId: org.id, limit: 1, offset: 1 });
    expect(page.json).toMatchObject({ total: 3, members: [expect.objectContaining({ role: 'admin' })] });
    expect((await as(handler, owner).get('/organization/list-members', { organizationSlug: org.slug })).json.total).toBe(3);
    expect(refusal(await as(handler, stranger).get('/organization/list-members', { organizationId: org.id }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION' });
    expect(refusal(await as(handler, stranger).get('/organization/list-members'))).toEqual({ status: 400, code: 'NO_ACTIVE_ORGANIZATION' });
    expect(refusal(await as(handler, owner).get('/organization/list-members', { limit: -1 }))).toEqual({ status: 400, code: 'VALIDATION_ERROR' });
  });

  it('get-active-member and get-active-member-role answer for the active organization; strangers are refused', async () => {
    const { handler, owner, member, stranger, org } = await team();
    const active = await as(handler, member).get('/organization/get-active-member');
    expect(active.json).toMatchObject({ organizationId: org.id, userId: member.id, role: 'member', user: { id: member.id, email: member.email } });
    expect((await as(handler, member).get('/organization/get-active-member-role')).json).toEqual({ role: 'member' });
    expect((await as(handler, member).get('/organization/get-active-member-role', { userId: owner.id })).json).toEqual({ role: 'owner' });
    expect(refusal(await as(handler, stranger).get('/organization/get-active-member'))).toEqual({ status: 400, code: 'NO_ACTIVE_ORGANIZATION' });
    expect(refusal(await as(handler, stranger).get('/organization/get-active-member-role', { organizationId: org.id }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION' });
    expect(refusal(await as(handler, member).get('/organization/get-active-member-role', { userId: stranger.id }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION' });
  });

  it('update-member-role: admins manage members but not owners, nobody hands out a role above their own, members cannot', async () => {
    const { database, handler, owner, admin, member, org, ids } = await team();
    const update = (who: typeof owner, memberId: string, role: unknown) => as(handler, who).post('/organization/update-member-role', { organizationId: org.id, memberId, role });
    expect(refusal(await update(member, ids.member, 'admin'))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER' });
    expect(refusal(await update(admin, ids.member, 'owner'))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER' });
    expect(refusal(await update(admin, ids.owner, 'member'))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER' });
    // `lead` grants project rights the admin lacks: handing it out would act above the admin's own role.
    expect(refusal(await update(admin, ids.member, 'lead'))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER' });
    expect(refusal(await update(owner, ids.member, 'emperor'))).toEqual({ status: 400, code: 'ROLE_NOT_FOUND' });
    expect(refusal(await update(owner, ids.member, []))).toEqual({ status: 400, code: 'ROLE_NOT_FOUND' });
    expect((await update(admin, ids.member, 'admin')).json).toMatchObject({ id: ids.member, role: 'admin' });
    expect((await update(owner, ids.member, ['member', 'lead'])).json).toMatchObject({ id: ids.member, role: 'member,lead' });
    // The last owner cannot demote themselves; with a second owner they can.
    expect(refusal(await update(owner, ids.owner, 'admin'))).toEqual({ status: 400, code: 'YOU_CANNOT_LEAVE_THE_ORGANIZATION_WITHOUT_AN_OWNER' });
    expect((await update(owner, ids.admin, 'owner')).json.role).toBe('owner');
    expect((await update(owner, ids.owner, 'admin')).json.role).toBe('admin');
    expect((await database.getMember(org.id, admin.id))!.role).toBe('owner');
  });

  it('remove-member by id or email: members removing are refused, admins cannot remove owners, the last owner stays', async () => {
    const { database, handler, owner, admin, member, stranger, org, ids } = await team();
    const remove = (who: typeof owner, memberIdOrEmail: string) => as(handler, who).post('/organization/remove-member', { organizationId: org.id, memberIdOrEmail });
    expect(refusal(await remove(member, ids.admin))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER' });
    expect(refusal(await remove(admin, ids.owner))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER' });
    expect(refusal(await remove(owner, ids.owner))).toEqual({ status: 400, code: 'YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER' });
    expect(refusal(await remove(stranger, ids.member))).toEqual({ status: 400, code: 'MEMBER_NOT_FOUND' });
    expect(refusal(await remove(owner, 'no-such-member'))).toEqual({ status: 400, code: 'MEMBER_NOT_FOUND' });
    expect((await as(handler, member).get('/get-session')).json.session.activeOrganizationId).toBe(org.id);
    const byEmail = await remove(admin, member.email.toUpperCase());
    expect(byEmail.json).toEqual({ member: expect.objectContaining({ id: ids.member, userId: member.id }) });
    expect(await database.getMember(org.id, member.id)).toBeNull();
    // The removed member's session no longer points at the organization.
    expect((await as(handler, member).get('/get-session')).json.session.activeOrganizationId).toBeNull();
    expect((await remove(owner, ids.admin)).json.member.id).toBe(ids.admin);
    expect(await database.countMembers(org.id)).toBe(1);
  });

  it('leave: members leave and lose the active organization; the last owner cannot leave', async () => {
    const { database, handler, owner, member, stranger, org, ids } = await team();
    expect(refusal(await as(handler, owner).post('/organization/leave', { organizationId: org.id }))).toEqual({ status: 400, code: 'YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER' });
    expect(refusal(await as(handler, stranger).post('/organization/leave', { organizationId: org.id }))).toEqual({ status: 400, code: 'MEMBER_NOT_FOUND' });
    const left = await as(handler, member).post('/organization/leave', { organizationId: org.id });
    expect(left.json).toMatchObject({ id: ids.member, userId: member.id });
    expect(await database.getMember(org.id, member.id)).toBeNull();
    expect((await as(handler, member).get('/get-session')).json.session.activeOrganizationId).toBeNull();
  });

  it('of two owners leaving at once, one stays: the organization never loses its last owner', async () => {
    const { database, handler, owner, admin, org, ids } = await team();
    expect((await as(handler, owner).post('/organization/update-member-role', { organizationId: org.id, memberId: ids.admin, role: 'owner' })).status).toBe(200);
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all([owner, admin].map((who) => as(handler, who).post('/organization/leave', { organizationId: org.id })));
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400]);
      const owners = (await database.listMembers(org.id)).filter((m: { role: string }) => m.role === 'owner');
      expect(owners).toHaveLength(1);
      // The one who left comes back as an owner for the next round.
      const gone = answers[0].status === 200 ? owner : admin;
      await join(handler, owners[0].userId === owner.id ? owner : admin, org.id, gone, 'owner');
    }
  });

  it('has-permission answers for the caller’s roles, custom resources included; non-members are refused', async () => {
    const { handler, owner, admin, member, stranger, org } = await team();
    const ask = (who: typeof owner, permissions: unknown) => as(handler, who).post('/organization/has-permission', { organizationId: org.id, permissions });
    expect((await ask(owner, { organization: ['delete'], project: ['archive'] })).json).toEqual({ error: null, success: true });
    expect((await ask(admin, { organization: ['delete'] })).json).toEqual({ error: null, success: false });
    expect((await ask(admin, { member: ['delete'], invitation: ['create'] })).json.success).toBe(true);
    expect((await ask(member, { invitation: ['create'] })).json.success).toBe(false);
    expect((await as(handler, member).post('/organization/has-permission', { permission: { member: ['update'] } })).json.success).toBe(false);
    expect(refusal(await ask(stranger, { member: ['delete'] }))).toEqual({ status: 403, code: 'USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION' });
    expect(refusal(await ask(owner, { member: 'delete' }))).toEqual({ status: 400, code: 'VALIDATION_ERROR' });
  });

  it('the server API adds members within the membership limit, with hooks, and changes roles under the same owner rules', async () => {
    const database = backend.database();
    const seen: string[] = [];
    const { auth, handler } = orgAuth(database, {
      membershipLimit: 2,
      organizationHooks: { afterAddMember: async ({ member }) => { seen.push((member as { role: string }).role); } },
    });
    const [owner, first, second] = [await person(handler, database), await person(handler, database), await person(handler, database)];
    const org = await organizationOf(handler, owner);
    const added = await auth.api.organization.addMember({ organizationId: org.id, userId: first.id, role: 'admin' });
    expect(added).toMatchObject({ userId: first.id, role: 'admin' });
    await expect(auth.api.organization.addMember({ organizationId: org.id, userId: first.id, role: 'member' })).rejects.toMatchObject({ code: 'USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION' });
    await expect(auth.api.organization.addMember({ organizationId: org.id, userId: second.id, role: 'member' })).rejects.toMatchObject({ code: 'ORGANIZATION_MEMBERSHIP_LIMIT_REACHED' });
    await expect(auth.api.organization.addMember({ organizationId: org.id, userId: 'nobody', role: 'member' })).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
    expect(seen).toEqual(['owner', 'admin']);
    const ownerMember = (await database.getMember(org.id, owner.id))!;
    await expect(auth.api.organization.updateMemberRole({ organizationId: org.id, memberId: ownerMember.id, role: 'member' })).rejects.toMatchObject({ code: 'YOU_CANNOT_LEAVE_THE_ORGANIZATION_WITHOUT_AN_OWNER' });
    expect(await auth.api.organization.hasPermission({ organizationId: org.id, userId: first.id, permissions: { member: ['delete'] } })).toBe(true);
    expect(await auth.api.organization.hasPermission({ organizationId: org.id, userId: second.id, permissions: { member: [] } })).toBe(false);
    const listed = await auth.api.organization.listMembers({ organizationId: org.id });
    expect(listed.total).toBe(2);
    expect((await auth.api.organization.removeMember({ organizationId: org.id, memberIdOrEmail: first.email })).userId).toBe(first.id);
    await expect(auth.api.organization.leave({ organizationId: org.id, userId: owner.id })).rejects.toMatchObject({ code: 'YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER' });
  });
});
