import { createAccessControl, organizationRoleModel, organizationStatements, roleManagementStatements } from 'better-auth-entities/plugins';
import { builtinBackends, type BuiltinDatabase } from '../../support/builtin-backends';
import { as, orgAuth, organizationOf, person, refusal } from './org-support';
import { roles, rolesTeam } from './dynamic-role-support';

describe.each(builtinBackends('org-dynamic-roles'))('roles an organization defines at run time, on %s', (_name, open) => {
  let database: () => BuiltinDatabase;
  beforeAll(async () => {
    database = await open();
  });

  it('create-role, list-roles, get-role (by name in any case, or id), update-role and delete-role answer as better-auth does', async () => {
    const { handler, owner, member, org } = await rolesTeam(database());
    const created = await roles(handler, owner, org.id).create('Billing', { invitation: ['create'], member: [] });
    expect(created.status).toBe(200);
    expect(created.json).toEqual({
      success: true,
      roleData: { id: expect.any(String), organizationId: org.id, role: 'billing', permission: { invitation: ['create'], member: [] }, createdAt: expect.any(String), updatedAt: expect.any(String) },
      statements: { invitation: ['create'], member: [] },
    });
    const id = created.json.roleData.id;
    // Members read roles (better-auth's default member role has `ac: ['read']`).
    expect((await roles(handler, member, org.id).list()).json).toEqual([created.json.roleData]);
    expect((await roles(handler, member, org.id).get({ roleName: 'BILLING' })).json).toEqual(created.json.roleData);
    expect((await roles(handler, member, org.id).get({ roleId: id })).json.role).toBe('billing');
    const updated = await roles(handler, owner, org.id).update({ roleId: id }, { permission: { invitation: ['create', 'cancel'] } });
    expect(updated.json).toMatchObject({ success: true, roleData: { id, role: 'billing', permission: { invitation: ['create', 'cancel'] } } });
    expect((await roles(handler, owner, org.id).get({ roleName: 'billing' })).json.permission).toEqual({ invitation: ['create', 'cancel'] });
    expect((await roles(handler, owner, org.id).remove({ roleName: 'Billing' })).json).toEqual({ success: true });
    expect((await roles(handler, owner, org.id).list()).json).toEqual([]);
    expect(refusal(await roles(handler, owner, org.id).get({ roleId: id }))).toEqual({ status: 400, code: 'ROLE_NOT_FOUND' });
    expect(refusal(await roles(handler, owner, org.id).get({}))).toEqual({ status: 400, code: 'ROLE_NOT_FOUND' });
  });

  it('role names: not empty, no commas, control characters or surrounding spaces, at most 64 characters, no static or taken name; nothing is written', async () => {
    const { handler, owner, org } = await rolesTeam(database());
    const create = (name: unknown) => roles(handler, owner, org.id).create(name, { invitation: ['create'] });
    for (const bad of ['', ' billing', 'billing ', 'a,b', 'tab\there', 'x'.repeat(65)]) {
      expect({ name: bad, ...refusal(await create(bad)) }).toEqual({ name: bad, status: 400, code: 'INVALID_ROLE_NAME' });
    }
    expect(refusal(await create(42))).toEqual({ status: 400, code: 'VALIDATION_ERROR' });
    for (const taken of ['owner', 'Admin', 'MEMBER']) expect(refusal(await create(taken))).toEqual({ status: 400, code: 'ROLE_NAME_IS_ALREADY_TAKEN' });
    expect((await create('x'.repeat(64))).status).toBe(200);
    expect((await create('Support Team')).json.roleData.role).toBe('support team');
    expect(refusal(await create('SUPPORT TEAM'))).toEqual({ status: 400, code: 'ROLE_NAME_IS_ALREADY_TAKEN' });
    expect((await roles(handler, owner, org.id).list()).json.map((role: { role: string }) => role.role).sort()).toEqual(['support team', 'x'.repeat(64)]);
  });

  it('permissions: unknown resources or actions are INVALID_RESOURCE, malformed ones VALIDATION_ERROR; nothing is written', async () => {
    const { handler, owner, org } = await rolesTeam(database());
    const create = (permission: unknown) => roles(handler, owner, org.id).create('auditor', permission);
    expect(refusal(await create({ billing: ['read'] }))).toEqual({ status: 400, code: 'INVALID_RESOURCE' });
    expect(refusal(await create({ member: ['fly'] }))).toEqual({ status: 400, code: 'INVALID_RESOURCE' });
    expect(refusal(await create({ member: 'update' }))).toEqual({ status: 400, code: 'VALIDATION_ERROR' });
    expect(refusal(await create(['member']))).toEqual({ status: 400, code: 'VALIDATION_ERROR' });
    expect(refusal(await create({ toString: ['x'] }))).toEqual({ status: 400, code: 'INVALID_RESOURCE' });
    expect((await roles(handler, owner, org.id).list()).json).toEqual([]);
    const made = await create({ ac: ['read'] });
    expect(refusal(await roles(handler, owner, org.id).update({ roleId: made.json.roleData.id }, { permission: { member: ['fly'] } }))).toEqual({ status: 400, code: 'INVALID_RESOURCE' });
    expect(refusal(await roles(handler, owner, org.id).update({ roleId: made.json.roleData.id }, { plan: 'gold' }))).toEqual({ status: 400, code: 'VALIDATION_ERROR' });
    expect((await roles(handler, owner, org.id).get({ roleName: 'auditor' })).json.permission).toEqual({ ac: ['read'] });
  });

  it('a member holding a dynamic role has exactly its permissions, in every check and in has-permission, and loses them when the role changes', async () => {
    const { auth, handler, owner, member, org, ids } = await rolesTeam(database());
    const asOwner = roles(handler, owner, org.id);
    const asMember = roles(handler, member, org.id);
    await asOwner.create('recruiter', { invitation: ['create'] });
    await asOwner.create('brander', { organization: ['update'] });
    expect(await asMember.may({ invitation: ['create'] })).toBe(false);
    expect(refusal(await as(handler, member).get('/organization/list-invitations', { organizationId: org.id }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_LIST_INVITATIONS' });
    expect(refusal(await asMember.invite('one@example.com', 'member'))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_INVITE_USERS_TO_THIS_ORGANIZATION' });

    expect((await asOwner.setRole(ids.member, ['member', 'Recruiter'])).json.role).toBe('member,recruiter');
    expect(await asMember.may({ invitation: ['create'] })).toBe(true);
    expect(await asMember.may({ invitation: ['cancel'] })).toBe(false);
    expect(await asMember.may({ organization: ['update'] })).toBe(false);
    expect((await asMember.invite('two@example.com', 'member')).status).toBe(200);
    expect(refusal(await as(handler, member).post('/organization/update', { organizationId: org.id, data: { name: 'Renamed' } }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_ORGANIZATION' });
    // Members who may invite see the invitations (visibility follows the dynamic role too).
    const listed = await as(handler, member).get('/organization/list-invitations', { organizationId: org.id });
    expect(listed.json.map((invitation: { email: string }) => invitation.email)).toContain('two@example.com');

    await asOwner.setRole(ids.member, 'brander');
    expect((await as(handler, member).post('/organization/update', { organizationId: org.id, data: { name: 'Renamed' } })).json.name).toBe('Renamed');
    expect(refusal(await asMember.invite('three@example.com', 'member'))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_INVITE_USERS_TO_THIS_ORGANIZATION' });

    expect(await auth.api.organization.hasPermission({ organizationId: org.id, userId: member.id, permissions: { organization: ['update'] } })).toBe(true);
    // The role's permission is read at each check: weakening it takes effect at once.
    await asOwner.update({ roleName: 'brander' }, { permission: { organization: [] } });
    expect(await asMember.may({ organization: ['update'] })).toBe(false);
    expect(refusal(await as(handler, member).post('/organization/update', { organizationId: org.id, data: { name: 'Again' } }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_ORGANIZATION' });
  });

  it('who may manage roles: ac permissions decide, and nobody creates or edits a role granting what they lack', async () => {
    const { handler, owner, admin, member, org } = await rolesTeam(database());
    expect(refusal(await roles(handler, member, org.id).create('helper', { invitation: ['create'] }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_CREATE_A_ROLE' });
    // An admin lacks organization:delete, so cannot put it in a role, nor add it to one later.
    expect(refusal(await roles(handler, admin, org.id).create('deleter', { organization: ['delete'] }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_CREATE_A_ROLE' });
    const helper = await roles(handler, admin, org.id).create('helper', { invitation: ['create'] });
    expect(helper.status).toBe(200);
    expect(refusal(await roles(handler, admin, org.id).update({ roleName: 'helper' }, { permission: { organization: ['delete'] } }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_UPDATE_A_ROLE' });
    expect(refusal(await roles(handler, member, org.id).update({ roleName: 'helper' }, { permission: {} }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_UPDATE_A_ROLE' });
    expect(refusal(await roles(handler, member, org.id).remove({ roleName: 'helper' }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_DELETE_A_ROLE' });
    expect((await roles(handler, owner, org.id).create('deleter', { organization: ['delete'] })).status).toBe(200);
    expect((await roles(handler, owner, org.id).get({ roleName: 'helper' })).json.permission).toEqual({ invitation: ['create'] });
  });

  it('without an organization or membership: NO_ACTIVE_ORGANIZATION, YOU_MUST_BE_IN_AN_ORGANIZATION_TO_CREATE_A_ROLE, YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION', async () => {
    const db = database();
    const { handler } = orgAuth(db, { dynamicAccessControl: { enabled: true } });
    const [loner, owner] = [await person(handler, db), await person(handler, db)];
    const org = await organizationOf(handler, owner);
    expect(refusal(await as(handler, loner).post('/organization/create-role', { role: 'x', permission: {} }))).toEqual({ status: 400, code: 'YOU_MUST_BE_IN_AN_ORGANIZATION_TO_CREATE_A_ROLE' });
    expect(refusal(await as(handler, loner).get('/organization/list-roles'))).toEqual({ status: 400, code: 'NO_ACTIVE_ORGANIZATION' });
    expect(refusal(await as(handler, loner).post('/organization/delete-role', { roleName: 'x' }))).toEqual({ status: 400, code: 'NO_ACTIVE_ORGANIZATION' });
    expect(refusal(await roles(handler, loner, org.id).list())).toEqual({ status: 403, code: 'YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION' });
    // The owner's session is active in the organization: no organizationId needed.
    expect((await as(handler, owner).post('/organization/create-role', { role: 'x', permission: {} })).json.roleData.organizationId).toBe(org.id);
    expect((await as(handler, owner).get('/organization/list-roles')).json).toHaveLength(1);
  });

  it('IDOR: every role route refuses another organization, by its id or by naming its role from ours; its role stays as it was', async () => {
    const { database: db, handler, owner, admin, member, stranger, org, other, otherRoleId, ids } = await rolesTeam(database());
    const inOther = roles(handler, owner, other.id);
    const notMember = { status: 403, code: 'YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION' };
    expect(refusal(await inOther.create('mine', {}))).toEqual(notMember);
    expect(refusal(await inOther.list())).toEqual(notMember);
    expect(refusal(await inOther.get({ roleId: otherRoleId }))).toEqual(notMember);
    expect(refusal(await inOther.update({ roleId: otherRoleId }, { permission: {} }))).toEqual(notMember);
    expect(refusal(await inOther.remove({ roleId: otherRoleId }))).toEqual(notMember);

    const inOurs = roles(handler, owner, org.id);
    const notFound = { status: 400, code: 'ROLE_NOT_FOUND' };
    expect(refusal(await inOurs.get({ roleId: otherRoleId }))).toEqual(notFound);
    expect(refusal(await inOurs.get({ roleName: 'b-secret' }))).toEqual(notFound);
    expect(refusal(await inOurs.update({ roleId: otherRoleId }, { permission: {}, roleName: 'stolen' }))).toEqual(notFound);
    expect(refusal(await inOurs.update({ roleName: 'b-secret' }, { permission: {} }))).toEqual(notFound);
    expect(refusal(await inOurs.remove({ roleId: otherRoleId }))).toEqual(notFound);
    expect(refusal(await inOurs.remove({ roleName: 'b-secret' }))).toEqual(notFound);
    expect((await inOurs.list()).json).toEqual([]);
    // B's role is unknown in A: it cannot be assigned, invited with, or lend a permission.
    expect(refusal(await inOurs.setRole(ids.member, 'b-secret'))).toEqual(notFound);
    expect(refusal(await roles(handler, admin, org.id).invite('x@example.com', 'b-secret'))).toEqual(notFound);
    await db.updateMember(ids.member, { role: 'b-secret' });
    expect(await roles(handler, member, org.id).may({ organization: ['update'] })).toBe(false);
    await db.updateMember(ids.member, { role: 'member' });
    // And A's owner can create a role of that name in A without touching B's.
    expect((await inOurs.create('b-secret', {})).status).toBe(200);
    expect((await roles(handler, stranger, other.id).get({ roleId: otherRoleId })).json).toMatchObject({ role: 'b-secret', organizationId: other.id, permission: { organization: ['update'] } });
  });

  it("with the app's own roles: its resources are grantable, only roles granting `ac` manage roles, and `ac` (option) bounds what is grantable", async () => {
    const ac = createAccessControl({ ...organizationStatements, ...roleManagementStatements, project: ['create', 'archive'] });
    const all = { organization: ['update', 'delete'], member: ['create', 'update', 'delete'], invitation: ['create', 'cancel'], project: ['create', 'archive'] } as const;
    const appRoles = { owner: ac.newRole({ ...all, ac: ['create', 'read', 'update', 'delete'] }), admin: ac.newRole(all), member: ac.newRole({ project: ['create'] }) };
    const { handler, owner, admin, member, org, ids } = await rolesTeam(database(), { roles: appRoles });
    expect((await roles(handler, owner, org.id).create('archivist', { project: ['archive'] })).status).toBe(200);
    expect(refusal(await roles(handler, admin, org.id).create('other', { project: ['create'] }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_CREATE_A_ROLE' });
    expect(refusal(await roles(handler, member, org.id).list())).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_LIST_A_ROLE' });
    expect(refusal(await roles(handler, owner, org.id).create('mover', { project: ['move'] }))).toEqual({ status: 400, code: 'INVALID_RESOURCE' });
    await roles(handler, owner, org.id).setRole(ids.member, ['member', 'archivist']);
    expect(await roles(handler, member, org.id).may({ project: ['archive'] })).toBe(true);
    // As in better-auth, one of the member's roles must grant the whole request on its own.
    expect(await roles(handler, member, org.id).may({ project: ['create', 'archive'] })).toBe(false);
    // With `ac` naming fewer resources, the rest are not grantable.
    const narrow = createAccessControl({ ...organizationStatements, ...roleManagementStatements });
    const bounded = await rolesTeam(database(), { roles: appRoles, ac: narrow });
    expect(refusal(await roles(bounded.handler, bounded.owner, bounded.org.id).create('archivist', { project: ['archive'] }))).toEqual({ status: 400, code: 'INVALID_RESOURCE' });
  });

  it('deleting an organization deletes its roles (memory has no foreign keys to cascade)', async () => {
    const { auth, handler, owner, org } = await rolesTeam(database());
    await roles(handler, owner, org.id).create('billing', {});
    expect(await auth.context.records(organizationRoleModel).count({ organizationId: org.id })).toBe(1);
    expect((await as(handler, owner).post('/organization/delete', { organizationId: org.id })).status).toBe(200);
    expect(await auth.context.records(organizationRoleModel).count({ organizationId: org.id })).toBe(0);
  });

  it('without dynamicAccessControl the role routes are not mounted and the default roles are unchanged', async () => {
    const db = database();
    const { handler } = orgAuth(db);
    const owner = await person(handler, db);
    const org = await organizationOf(handler, owner);
    expect((await roles(handler, owner, org.id).list()).status).toBe(404);
    expect((await roles(handler, owner, org.id).create('x', {})).status).toBe(404);
    expect(await roles(handler, owner, org.id).may({ ac: ['read'] })).toBe(false);
  });
});
