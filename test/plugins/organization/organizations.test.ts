import { spawnSync } from 'node:child_process';
import { join as joinPath } from 'node:path';
import { AuthError } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { ConfigError } from 'better-auth-entities';
import { OrganizationPlugin, organizationAccessControl } from 'better-auth-entities/plugins';
import { builtinBackends, type BuiltinDatabase } from '../../support/builtin-backends';
import { call } from '../../support/test-auth';
import { as, join, organizationOf, orgAuth, person, refusal, unique } from './org-support';

const BACKENDS = builtinBackends('org-orgs').filter(([name]) => name !== 'SQLite');

describe('configuration', () => {
  it('refuses a creator role the roles lack, comma-bearing role names and nonsense limits', () => {
    expect(() => new OrganizationPlugin({ creatorRole: 'boss' })).toThrow(ConfigError);
    expect(() => new OrganizationPlugin({ roles: { 'a,b': organizationAccessControl.newRole({}), owner: organizationAccessControl.newRole({}) } })).toThrow(/commas/);
    expect(() => new OrganizationPlugin({ invitationExpiresIn: 0 })).toThrow(/invitationExpiresIn/);
    expect(() => new OrganizationPlugin({ membershipLimit: -1 })).toThrow(/membershipLimit/);
    expect(() => orgAuth(new MemoryDatabaseAdapter() as BuiltinDatabase)).not.toThrow();
  });

  it('the organization routes and codes are in an OpenAPI document that a real validator accepts', async () => {
    const { auth } = orgAuth(new MemoryDatabaseAdapter() as BuiltinDatabase);
    const document = await (await auth.handler(new Request('http://localhost:3000/api/auth/reference/openapi.json'))).json();
    for (const [path, method] of [['create', 'post'], ['get-full-organization', 'get'], ['list-members', 'get'], ['accept-invitation', 'post'], ['has-permission', 'post']]) {
      expect(document.paths[`/api/auth/organization/${path}`]?.[method]).toBeDefined();
    }
    expect(document['x-error-codes'].YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION).toEqual({ status: 403, message: 'You are not the recipient of the invitation' });
    const validator = joinPath(__dirname, '..', '..', 'support', 'validate-openapi.mjs');
    const run = spawnSync(process.execPath, [validator], { input: JSON.stringify(document), encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: true });
  });
});

describe.each(BACKENDS)('organizations on %s', (_name, open) => {
  const backend = { database: (): BuiltinDatabase => { throw new Error('not opened'); } };
  beforeAll(async () => { backend.database = await open(); });

  it('create makes the caller owner, answers with members, and makes it the active organization of the session', async () => {
    const database = backend.database();
    const { handler } = orgAuth(database);
    const ada = await person(handler, database);
    const slug = unique('acme');
    const created = await as(handler, ada).post('/organization/create', { name: 'Acme', slug, logo: 'https://img.example/acme.png', metadata: { plan: 'pro' } });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ name: 'Acme', slug, logo: 'https://img.example/acme.png', metadata: { plan: 'pro' } });
    expect(created.json.members).toEqual([expect.objectContaining({ userId: ada.id, organizationId: created.json.id, role: 'owner' })]);
    const session = await as(handler, ada).get('/get-session');
    expect(session.json.session.activeOrganizationId).toBe(created.json.id);
    const kept = await as(handler, ada).post('/organization/create', { name: 'Second', slug: unique('second'), keepCurrentActiveOrganization: true });
    expect(kept.status).toBe(200);
    expect((await as(handler, ada).get('/get-session')).json.session.activeOrganizationId).toBe(created.json.id);
    const listed = await as(handler, ada).get('/organization/list');
    expect(listed.json.map((org: { id: string }) => org.id)).toEqual([created.json.id, kept.json.id]);
  });

  it('refuses a taken slug, an anonymous caller and bad bodies, changing nothing', async () => {
    const database = backend.database();
    const { handler } = orgAuth(database);
    const ada = await person(handler, database);
    const org = await organizationOf(handler, ada);
    expect(refusal(await as(handler, ada).post('/organization/create', { name: 'Again', slug: org.slug }))).toEqual({ status: 400, code: 'ORGANIZATION_ALREADY_EXISTS' });
    expect(refusal(await as(handler, ada).post('/organization/check-slug', { slug: org.slug }))).toEqual({ status: 400, code: 'ORGANIZATION_SLUG_ALREADY_TAKEN' });
    expect((await as(handler, ada).post('/organization/check-slug', { slug: unique('free') })).json).toEqual({ status: true });
    expect((await call(handler, 'POST', '/organization/create', { body: { name: 'X', slug: unique('x') } })).status).toBe(401);
    expect(refusal(await as(handler, ada).post('/organization/create', { name: '', slug: unique('x') }))).toEqual({ status: 400, code: 'VALIDATION_ERROR' });
    expect(refusal(await as(handler, ada).post('/organization/create', { name: 'X', slug: 42 }))).toEqual({ status: 400, code: 'VALIDATION_ERROR' });
    expect((await as(handler, ada).get('/organization/list')).json).toHaveLength(1);
  });

  it('concurrent creates of one slug: one organization, the others ORGANIZATION_ALREADY_EXISTS', async () => {
    const database = backend.database();
    const { handler } = orgAuth(database);
    const ada = await person(handler, database);
    const slug = unique('race');
    const answers = await Promise.all(Array.from({ length: 5 }, () => as(handler, ada).post('/organization/create', { name: 'Race', slug })));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status !== 200).map(refusal)).toEqual(Array(4).fill({ status: 400, code: 'ORGANIZATION_ALREADY_EXISTS' }));
  });

  it('update changes fields for owners and admins; members and non-members are refused', async () => {
    const database = backend.database();
    const { handler } = orgAuth(database);
    const [owner, admin, member, stranger] = [await person(handler, database), await person(handler, database), await person(handler, database), await person(handler, database)];
    const org = await organizationOf(handler, owner);
    await join(handler, owner, org.id, admin, 'admin');
    await join(handler, owner, org.id, member);
    const newSlug = unique('renamed');
    const updated = await as(handler, admin).post('/organization/update', { organizationId: org.id, data: { name: 'Renamed', slug: newSlug, metadata: { a: 1 } } });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ id: org.id, name: 'Renamed', slug: newSlug, metadata: { a: 1 } });
    expect(refusal(await as(handler, member).post('/organization/update', { organizationId: org.id, data: { name: 'Nope' } }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_ORGANIZATION' });
    expect(refusal(await as(handler, stranger).post('/organization/update', { organizationId: org.id, data: { name: 'Nope' } }))).toEqual({ status: 403, code: 'USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION' });
    const other = await organizationOf(handler, owner);
    expect(refusal(await as(handler, owner).post('/organization/update', { organizationId: org.id, data: { slug: other.slug } }))).toEqual({ status: 400, code: 'ORGANIZATION_SLUG_ALREADY_TAKEN' });
    expect(refusal(await as(handler, owner).post('/organization/update', { organizationId: org.id, data: { name: 7 } }))).toEqual({ status: 400, code: 'VALIDATION_ERROR' });
    // Without organizationId the session's active organization is meant (the owner's last created: `other`).
    expect((await as(handler, owner).post('/organization/update', { data: { name: 'Active one' } })).json).toMatchObject({ id: other.id, name: 'Active one' });
    expect((await as(handler, owner).get('/organization/get-full-organization', { organizationId: org.id })).json).toMatchObject({ name: 'Renamed' });
  });

  it('delete: only the owner; a member or admin deleting is refused; members, invitations and active organizations go with it', async () => {
    const database = backend.database();
    const { handler } = orgAuth(database);
    const [owner, admin, member] = [await person(handler, database), await person(handler, database), await person(handler, database)];
    const org = await organizationOf(handler, owner);
    await join(handler, owner, org.id, admin, 'admin');
    await join(handler, owner, org.id, member);
    await as(handler, owner).post('/organization/invite-member', { email: `${unique('later')}@example.com`, role: 'member', organizationId: org.id });
    expect(refusal(await as(handler, member).post('/organization/delete', { organizationId: org.id }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_ORGANIZATION' });
    expect(refusal(await as(handler, admin).post('/organization/delete', { organizationId: org.id }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_ORGANIZATION' });
    expect((await as(handler, member).get('/get-session')).json.session.activeOrganizationId).toBe(org.id);
    const deleted = await as(handler, owner).post('/organization/delete', { organizationId: org.id });
    expect(deleted.status).toBe(200);
    expect(deleted.json).toMatchObject({ id: org.id, slug: org.slug });
    expect(await database.getOrganizationById(org.id)).toBeNull();
    expect(await database.countMembers(org.id)).toBe(0);
    expect(await database.listInvitations(org.id)).toEqual([]);
    for (const who of [owner, member]) expect((await as(handler, who).get('/get-session')).json.session.activeOrganizationId).toBeNull();
    expect(refusal(await as(handler, owner).post('/organization/delete', { organizationId: org.id }))).toEqual({ status: 403, code: 'USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION' });
  });

  it('get-full-organization: members with their users and invitations for members; a non-member reading is refused', async () => {
    const database = backend.database();
    const { handler } = orgAuth(database);
    const [owner, member, stranger] = [await person(handler, database), await person(handler, database), await person(handler, database)];
    const org = await organizationOf(handler, owner);
    await join(handler, owner, org.id, member);
    const invited = await as(handler, owner).post('/organization/invite-member', { email: `${unique('pending')}@example.com`, role: 'admin', organizationId: org.id });
    const full = await as(handler, owner).get('/organization/get-full-organization');
    expect(full.json).toMatchObject({ id: org.id, slug: org.slug });
    expect(full.json.members.map((m: { userId: string }) => m.userId)).toEqual([owner.id, member.id]);
    expect(full.json.members[1].user).toEqual({ id: member.id, name: 'Name p', email: member.email, image: null });
    expect(full.json.members[1].user.password).toBeUndefined();
    expect(full.json.invitations.map((i: { id: string }) => i.id)).toEqual([invited.json.id]);
    // A plain member sees members but not the invitations (whose ids are links).
    const asMember = await as(handler, member).get('/organization/get-full-organization', { organizationSlug: org.slug });
    expect(asMember.json.members).toHaveLength(2);
    expect(asMember.json.invitations).toEqual([]);
    expect((await as(handler, owner).get('/organization/get-full-organization', { membersLimit: 1 })).json.members).toHaveLength(1);
    expect(refusal(await as(handler, stranger).get('/organization/get-full-organization', { organizationId: org.id }))).toEqual({ status: 403, code: 'USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION' });
    expect(refusal(await as(handler, stranger).get('/organization/get-full-organization', { organizationSlug: unique('none') }))).toEqual({ status: 400, code: 'ORGANIZATION_NOT_FOUND' });
    expect((await as(handler, stranger).get('/organization/get-full-organization')).json).toBeNull();
  });

  it('set-active by id or slug for members; null clears; a non-member is refused', async () => {
    const database = backend.database();
    const { handler } = orgAuth(database);
    const [owner, stranger] = [await person(handler, database), await person(handler, database)];
    const first = await organizationOf(handler, owner);
    const second = await organizationOf(handler, owner);
    const bySlug = await as(handler, owner).post('/organization/set-active', { organizationSlug: first.slug });
    expect(bySlug.json).toMatchObject({ id: first.id });
    expect((await as(handler, owner).get('/get-session')).json.session.activeOrganizationId).toBe(first.id);
    expect((await as(handler, owner).post('/organization/set-active', { organizationId: second.id })).json).toMatchObject({ id: second.id });
    expect((await as(handler, owner).post('/organization/set-active', { organizationId: null })).json).toBeNull();
    expect((await as(handler, owner).get('/get-session')).json.session.activeOrganizationId).toBeNull();
    expect(refusal(await as(handler, stranger).post('/organization/set-active', { organizationId: first.id }))).toEqual({ status: 403, code: 'USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION' });
    expect(refusal(await as(handler, owner).post('/organization/set-active', { organizationSlug: unique('none') }))).toEqual({ status: 400, code: 'ORGANIZATION_NOT_FOUND' });
    expect((await as(handler, stranger).get('/get-session')).json.session.activeOrganizationId).toBeNull();
  });

  it('options: allowUserToCreateOrganization and organizationLimit refuse; hooks refuse or amend', async () => {
    const database = backend.database();
    const denied = orgAuth(database, { allowUserToCreateOrganization: (user: { email: string }) => user.email.startsWith('boss') });
    const nobody = await person(denied.handler, database);
    expect(refusal(await as(denied.handler, nobody).post('/organization/create', { name: 'X', slug: unique('x') }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_CREATE_A_NEW_ORGANIZATION' });

    const limited = orgAuth(database, { organizationLimit: 1 });
    const ada = await person(limited.handler, database);
    await organizationOf(limited.handler, ada);
    expect(refusal(await as(limited.handler, ada).post('/organization/create', { name: 'X', slug: unique('x') }))).toEqual({ status: 403, code: 'YOU_HAVE_REACHED_THE_MAXIMUM_NUMBER_OF_ORGANIZATIONS' });

    const created: string[] = [];
    const hooked = orgAuth(database, {
      organizationHooks: {
        beforeCreateOrganization: async ({ organization }) => {
          if (String(organization.slug).startsWith('reserved')) throw new AuthError('FORBIDDEN', 'Reserved slug');
          return { data: { metadata: { amended: true } } };
        },
        afterCreateOrganization: async ({ organization }) => { created.push((organization as { slug: string }).slug); },
        beforeAddMember: async () => ({ data: { role: 'owner' } }),
      },
    });
    const grace = await person(hooked.handler, database);
    expect(refusal(await as(hooked.handler, grace).post('/organization/create', { name: 'X', slug: unique('reserved') }))).toEqual({ status: 403, code: 'FORBIDDEN' });
    const slug = unique('hooked');
    const answer = await as(hooked.handler, grace).post('/organization/create', { name: 'Hooked', slug });
    expect(answer.json.metadata).toEqual({ amended: true });
    expect(created).toEqual([slug]);
    expect((await as(hooked.handler, grace).get('/organization/list')).json).toHaveLength(1);
  });

  it('the server API creates for a named user and returns the stored entities', async () => {
    const database = backend.database();
    const { auth, handler } = orgAuth(database);
    const ada = await person(handler, database);
    const { organization, member } = await auth.api.organization.create({ userId: ada.id, name: 'Server made', slug: unique('server') });
    expect(organization).toMatchObject({ name: 'Server made' });
    expect(member).toMatchObject({ userId: ada.id, role: 'owner' });
    expect(await auth.api.organization.list({ userId: ada.id })).toHaveLength(1);
    expect((await auth.api.organization.update({ organizationId: organization.id, data: { name: 'Renamed' } })).name).toBe('Renamed');
    expect((await auth.api.organization.delete({ organizationId: organization.id })).id).toBe(organization.id);
    expect(await auth.api.organization.getOrganization({ organizationId: organization.id })).toBeNull();
  });
});
