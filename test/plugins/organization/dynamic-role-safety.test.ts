import { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import { runMigrations } from 'better-auth-entities/migrations';
import { builtinBackends, type BuiltinDatabase } from '../../support/builtin-backends';
import { createPostgresSchema } from '../../support/databases';
import { as, orgAuth, organizationOf, person, refusal } from './org-support';
import { roles, rolesTeam } from './dynamic-role-support';

describe.each(builtinBackends('org-dynamic-role-safety'))('dynamic roles stay safe when assigned, renamed or deleted, on %s', (name, open) => {
  let database: () => BuiltinDatabase;
  beforeAll(async () => {
    database = await open();
  });

  it('an admin cannot hand anyone (themselves included) an owner-made role stronger than their own, nor rename, weaken or delete it', async () => {
    const { auth, handler, owner, admin, org, ids } = await rolesTeam(database());
    await roles(handler, owner, org.id).create('Vault', { organization: ['update', 'delete'] });
    const asAdmin = roles(handler, admin, org.id);
    const notUpdate = { status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER' };
    expect(refusal(await asAdmin.setRole(ids.member, 'vault'))).toEqual(notUpdate);
    expect(refusal(await asAdmin.setRole(ids.admin, ['admin', 'VAULT']))).toEqual(notUpdate);
    expect(refusal(await asAdmin.invite('new@example.com', 'vault'))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_INVITE_USER_WITH_THIS_ROLE' });
    const notUpdateRole = { status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_UPDATE_A_ROLE' };
    expect(refusal(await asAdmin.update({ roleName: 'vault' }, { roleName: 'lockbox' }))).toEqual(notUpdateRole);
    expect(refusal(await asAdmin.update({ roleName: 'vault' }, { permission: {} }))).toEqual(notUpdateRole);
    expect(refusal(await asAdmin.remove({ roleName: 'vault' }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_DELETE_A_ROLE' });
    expect((await roles(handler, owner, org.id).get({ roleName: 'vault' })).json.permission).toEqual({ organization: ['update', 'delete'] });
    expect((await auth.api.organization.getMember({ organizationId: org.id, userId: admin.id }))!.role).toBe('admin');
    // Within their own rights an admin may: a role no stronger than admin is theirs to hand out and edit.
    await asAdmin.create('inviter', { invitation: ['create'] });
    expect((await asAdmin.setRole(ids.member, 'inviter')).json.role).toBe('inviter');
    expect((await asAdmin.update({ roleName: 'inviter' }, { roleName: 'recruiter' })).status).toBe(200);
    // Nor can the admin remove its holder, or cancel an invitation carrying it.
    expect((await roles(handler, owner, org.id).setRole(ids.member, 'vault')).json.role).toBe('vault');
    expect(refusal(await as(handler, admin).post('/organization/remove-member', { organizationId: org.id, memberIdOrEmail: ids.member }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER' });
    const invitation = await roles(handler, owner, org.id).invite('vault-holder@example.com', 'vault');
    expect(refusal(await as(handler, admin).post('/organization/cancel-invitation', { invitationId: invitation.json.id }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_CANCEL_THIS_INVITATION' });
    // The owner hands out the strong role.
    expect((await roles(handler, owner, org.id).setRole(ids.admin, 'vault')).json.role).toBe('vault');
  });

  it('accepting an invitation whose role was strengthened after it was sent is refused; the unchanged role is accepted', async () => {
    const { handler, database: db, owner, admin, org } = await rolesTeam(database());
    await roles(handler, admin, org.id).create('helper', { invitation: ['create'] });
    const [first, second] = [await person(handler, db), await person(handler, db)];
    const toFirst = await roles(handler, admin, org.id).invite(first.email, 'helper');
    const toSecond = await roles(handler, admin, org.id).invite(second.email, 'helper');
    expect((await as(handler, first).post('/organization/accept-invitation', { invitationId: toFirst.json.id })).json.member.role).toBe('helper');
    await roles(handler, owner, org.id).update({ roleName: 'helper' }, { permission: { invitation: ['create'], organization: ['delete'] } });
    expect(refusal(await as(handler, second).post('/organization/accept-invitation', { invitationId: toSecond.json.id }))).toEqual({ status: 403, code: 'INVITER_CAN_NO_LONGER_GRANT_THIS_ROLE' });
    expect(await db.getMember(org.id, second.id)).toBeNull();
  });

  it('a role carried by members or open invitations cannot be deleted (nor a static one); once nobody carries it, it can', async () => {
    const { handler, database: db, owner, org, ids } = await rolesTeam(database());
    const asOwner = roles(handler, owner, org.id);
    await asOwner.create('Editor', { organization: ['update'] });
    await asOwner.setRole(ids.member, ['member', 'editor']);
    expect(refusal(await asOwner.remove({ roleName: 'editor' }))).toEqual({ status: 400, code: 'ROLE_IS_ASSIGNED_TO_MEMBERS' });
    await asOwner.setRole(ids.member, 'member');
    const invitee = await person(handler, db);
    const invitation = await asOwner.invite(invitee.email, 'EDITOR');
    expect(invitation.json.role).toBe('editor');
    expect(refusal(await asOwner.remove({ roleName: 'editor' }))).toEqual({ status: 400, code: 'ROLE_IS_ASSIGNED_TO_PENDING_INVITATIONS' });
    expect((await asOwner.list()).json).toHaveLength(1);
    await as(handler, owner).post('/organization/cancel-invitation', { invitationId: invitation.json.id });
    expect(refusal(await asOwner.remove({ roleName: 'admin' }))).toEqual({ status: 400, code: 'CANNOT_DELETE_A_PRE_DEFINED_ROLE' });
    expect((await asOwner.remove({ roleName: 'editor' })).json).toEqual({ success: true });
    expect((await asOwner.list()).json).toEqual([]);
  });

  it('renaming carries members and pending invitations along in one go; a new role under the old name is not theirs', async () => {
    const { handler, database: db, owner, member, org, ids } = await rolesTeam(database());
    const asOwner = roles(handler, owner, org.id);
    await asOwner.create('editor', { organization: ['update'] });
    await asOwner.setRole(ids.member, ['member', 'editor']);
    const invitee = await person(handler, db);
    const invitation = await asOwner.invite(invitee.email, 'editor');
    const renamed = await asOwner.update({ roleName: 'editor' }, { roleName: 'Writer' });
    expect(renamed.json.roleData).toMatchObject({ role: 'writer', permission: { organization: ['update'] } });
    expect((await db.getMember(org.id, member.id))!.role).toBe('member,writer');
    expect((await db.getInvitationById(invitation.json.id))!.role).toBe('writer');
    expect(await roles(handler, member, org.id).may({ organization: ['update'] })).toBe(true);
    // A new `editor` grants more, but nobody holds the old name any more.
    expect((await asOwner.create('editor', { organization: ['update', 'delete'] })).status).toBe(200);
    expect(await roles(handler, member, org.id).may({ organization: ['delete'] })).toBe(false);
    expect((await as(handler, invitee).post('/organization/accept-invitation', { invitationId: invitation.json.id })).json.member.role).toBe('writer');
    // Names already in use are refused for a rename: a role's, a static one's, and one somebody still carries.
    expect(refusal(await asOwner.update({ roleName: 'writer' }, { roleName: 'EDITOR' }))).toEqual({ status: 400, code: 'ROLE_NAME_IS_ALREADY_TAKEN' });
    expect(refusal(await asOwner.update({ roleName: 'writer' }, { roleName: 'owner' }))).toEqual({ status: 400, code: 'ROLE_NAME_IS_ALREADY_TAKEN' });
    await db.updateMember(ids.member, { role: 'member,ghost' }); // left over from before, say
    expect(refusal(await asOwner.update({ roleName: 'writer' }, { roleName: 'ghost' }))).toEqual({ status: 400, code: 'ROLE_NAME_IS_ALREADY_TAKEN' });
    expect(refusal(await asOwner.create('ghost', { organization: ['update', 'delete'] }))).toEqual({ status: 400, code: 'ROLE_NAME_IS_ALREADY_TAKEN' });
    expect(await roles(handler, member, org.id).may({ organization: ['delete'] })).toBe(false);
  });

  it('the server API manages roles without caller checks but with every data rule; addMember takes a dynamic role by any case', async () => {
    const { auth, database: db, org, otherRoleId } = await rolesTeam(database());
    const api = auth.api.organization;
    const created = await api.createRole({ organizationId: org.id, role: 'Finance', permission: { invitation: ['create'] } });
    expect(created).toMatchObject({ role: 'finance', organizationId: org.id, permission: { invitation: ['create'] } });
    await expect(api.createRole({ organizationId: org.id, role: 'a,b', permission: {} })).rejects.toMatchObject({ code: 'INVALID_ROLE_NAME' });
    await expect(api.getRole({ organizationId: org.id, roleId: otherRoleId })).rejects.toMatchObject({ code: 'ROLE_NOT_FOUND' });
    const newcomer = await person(auth.handler, db);
    expect((await api.addMember({ organizationId: org.id, userId: newcomer.id, role: 'FINANCE' })).role).toBe('finance');
    await expect(api.addMember({ organizationId: org.id, userId: newcomer.id, role: 'b-secret' })).rejects.toMatchObject({ code: 'ROLE_NOT_FOUND' });
    await expect(api.deleteRole({ organizationId: org.id, roleName: 'finance' })).rejects.toMatchObject({ code: 'ROLE_IS_ASSIGNED_TO_MEMBERS' });
    expect(await api.updateRole({ organizationId: org.id, roleName: 'finance', data: { roleName: 'treasury' } })).toMatchObject({ role: 'treasury' });
    expect((await db.getMember(org.id, newcomer.id))!.role).toBe('treasury');
    expect((await api.listRoles({ organizationId: org.id })).map((role: { role: string }) => role.role)).toEqual(['treasury']);
    const off = orgAuth(db).auth.api.organization;
    await expect(off.listRoles({ organizationId: org.id })).rejects.toThrow(/dynamicAccessControl/);
  });

  it('an invitation accepted while its role is renamed makes a member holding the new name', async () => {
    const hooks: { beforeAcceptInvitation?: () => Promise<void> } = {};
    const { auth, handler, database: db, owner, org } = await rolesTeam(database(), { organizationHooks: { beforeAcceptInvitation: async () => hooks.beforeAcceptInvitation?.() } });
    await roles(handler, owner, org.id).create('editor', { organization: ['update'] });
    const invitee = await person(handler, db);
    const invitation = await roles(handler, owner, org.id).invite(invitee.email, 'editor');
    // The rename lands after acceptance read the invitation and before it takes the organization's lock.
    hooks.beforeAcceptInvitation = async () => {
      await auth.api.organization.updateRole({ organizationId: org.id, roleName: 'editor', data: { roleName: 'writer' } });
    };
    const accepted = await as(handler, invitee).post('/organization/accept-invitation', { invitationId: invitation.json.id });
    expect(accepted.json.member.role).toBe('writer');
    expect(await roles(handler, invitee, org.id).may({ organization: ['update'] })).toBe(true);
  });

  it('an invitation or a new member whose role is renamed or deleted between the checks and the write is refused, never left holding a name that grants nothing', async () => {
    const hooks: { beforeCreateInvitation?: () => Promise<void>; beforeAddMember?: () => Promise<void> } = {};
    const { auth, handler, database: db, owner, org } = await rolesTeam(database(), {
      organizationHooks: { beforeCreateInvitation: async () => hooks.beforeCreateInvitation?.(), beforeAddMember: async () => hooks.beforeAddMember?.() },
    });
    const api = auth.api.organization;
    await roles(handler, owner, org.id).create('editor', { organization: ['update'] });
    // The rename lands after invite-member checked the role and before it writes the invitation.
    hooks.beforeCreateInvitation = async () => {
      hooks.beforeCreateInvitation = undefined;
      await api.updateRole({ organizationId: org.id, roleName: 'editor', data: { roleName: 'writer' } });
    };
    const invitee = await person(handler, db);
    const invited = await roles(handler, owner, org.id).invite(invitee.email, 'editor');
    expect(refusal(invited)).toEqual({ status: 400, code: 'ROLE_NOT_FOUND' });
    expect((await db.listInvitations(org.id)).map((invitation) => invitation.role)).not.toContain('editor');
    // The same for a member added by the server while the role is deleted.
    await api.createRole({ organizationId: org.id, role: 'auditor', permission: { organization: ['update'] } });
    hooks.beforeAddMember = async () => {
      hooks.beforeAddMember = undefined;
      await api.deleteRole({ organizationId: org.id, roleName: 'auditor' });
    };
    const newcomer = await person(handler, db);
    await expect(api.addMember({ organizationId: org.id, userId: newcomer.id, role: 'auditor' })).rejects.toMatchObject({ code: 'ROLE_NOT_FOUND' });
    expect(await db.getMember(org.id, newcomer.id)).toBeNull();
  });

  it('update-member-role racing a rename of the role it assigns ends with the new name or a refusal, never the old name', async () => {
    const { auth, handler, owner, org, ids, database: db } = await rolesTeam(database());
    for (let round = 0; round < 5; round += 1) {
      const [from, to] = [`draft-${round}`, `final-${round}`];
      await roles(handler, owner, org.id).create(from, { organization: ['update'] });
      const [assigned] = await Promise.all([
        roles(handler, owner, org.id).setRole(ids.member, from),
        auth.api.organization.updateRole({ organizationId: org.id, roleName: from, data: { roleName: to } }),
      ]);
      const held = (await db.getMemberById(ids.member))!.role;
      expect(held).not.toBe(from);
      if (assigned.status === 200) expect(held).toBe(to);
      else expect(refusal(assigned)).toEqual({ status: 400, code: 'ROLE_NOT_FOUND' });
    }
  });

  it('maximumRolesPerOrganization holds exactly under parallel creates, per organization', async () => {
    const { handler, owner, stranger, org, other } = await rolesTeam(database(), { dynamicAccessControl: { maximumRolesPerOrganization: 3 } });
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => roles(handler, owner, org.id).create(`parallel-${i}`, { invitation: ['create'] })));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(3);
    expect(answers.filter((answer) => answer.status !== 200).map(refusal)).toEqual(Array(5).fill({ status: 400, code: 'TOO_MANY_ROLES' }));
    expect((await roles(handler, owner, org.id).list()).json).toHaveLength(3);
    // Organization B already has its one role; its limit is its own.
    expect((await roles(handler, stranger, other.id).create('b-two', {})).status).toBe(200);
  });

  it('a function limit is asked with the organization id', async () => {
    const seen: string[] = [];
    const { handler, owner, org } = await rolesTeam(database(), { dynamicAccessControl: { maximumRolesPerOrganization: (organizationId: string) => (seen.push(organizationId), 1) } });
    expect((await roles(handler, owner, org.id).create('one', {})).status).toBe(200);
    expect(refusal(await roles(handler, owner, org.id).create('two', {}))).toEqual({ status: 400, code: 'TOO_MANY_ROLES' });
    expect(seen).toContain(org.id);
  });

  if (name === 'PostgreSQL') {
    it('a database fault in the middle of a rename leaves the role, its members and its invitations as they were (one transaction)', async () => {
      const { handler, database: db, owner, member, org, ids } = await rolesTeam(database());
      const asOwner = roles(handler, owner, org.id);
      await asOwner.create('editor', { organization: ['update'] });
      await asOwner.setRole(ids.member, 'editor');
      const invitee = await person(handler, db);
      const invitation = await asOwner.invite(invitee.email, 'editor');
      const sql = (db as unknown as TypeOrmAdapter<any, any, any, any, any, any, any>).dataSource;
      // The members are renamed first; the invitation's update then fails as a lost connection or a full disk would.
      await sql.query("CREATE OR REPLACE FUNCTION refuse_invitation_update() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql");
      await sql.query('CREATE TRIGGER refuse_invitation_update BEFORE UPDATE ON invitation FOR EACH ROW EXECUTE FUNCTION refuse_invitation_update()');
      try {
        expect((await asOwner.update({ roleName: 'editor' }, { roleName: 'writer' })).status).toBeGreaterThanOrEqual(500);
      } finally {
        await sql.query('DROP TRIGGER refuse_invitation_update ON invitation');
      }
      expect((await asOwner.get({ roleName: 'editor' })).json.role).toBe('editor');
      expect((await db.getMember(org.id, member.id))!.role).toBe('editor');
      expect((await db.getInvitationById(invitation.json.id))!.role).toBe('editor');
      expect(refusal(await asOwner.get({ roleName: 'writer' }))).toEqual({ status: 400, code: 'ROLE_NOT_FOUND' });
    });
  }
});

describe('maximumRolesPerOrganization across two processes on one PostgreSQL database', () => {
  const opened: TypeOrmAdapter<any, any, any, any, any, any, any>[] = [];
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    for (const database of opened) await database.close();
    await drop?.();
  });

  it('two instances with their own connection pools creating at once never pass the limit: the organization row lock orders them', async () => {
    const schema = await createPostgresSchema('org-role-limit');
    drop = () => schema.drop();
    const connect = async () => {
      const database = await TypeOrmAdapter.connect(schema.url, {});
      opened.push(database);
      return database;
    };
    const first = await connect();
    await runMigrations(first);
    const second = await connect();
    const options = { dynamicAccessControl: { enabled: true, maximumRolesPerOrganization: 4 } };
    const [one, two] = [orgAuth(first, options), orgAuth(second, options)];
    const owner = await person(one.handler, first);
    const org = await organizationOf(one.handler, owner);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => roles(i % 2 === 0 ? one.handler : two.handler, owner, org.id).create(`role-${i}`, { invitation: ['create'] })),
    );
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(4);
    expect(answers.filter((answer) => answer.status !== 200).map(refusal)).toEqual(Array(8).fill({ status: 400, code: 'TOO_MANY_ROLES' }));
    expect(Number((await first.dataSource.query('SELECT count(*) AS n FROM organization_role'))[0].n)).toBe(4);
  });
});
