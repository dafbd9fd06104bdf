import { builtinBackends, type BuiltinDatabase } from '../../support/builtin-backends';
import { as, join, organizationOf, orgAuth, person, refusal } from './org-support';

describe.each(builtinBackends('org-list-query'))('list-members sorting and filtering on %s', (_name, open) => {
  const backend = { database: (): BuiltinDatabase => { throw new Error('not opened'); } };
  beforeAll(async () => { backend.database = await open(); });

  async function roster() {
    const database = backend.database();
    const { handler } = orgAuth(database);
    const [owner, admin, member, stranger] = [await person(handler, database), await person(handler, database), await person(handler, database), await person(handler, database)];
    const org = await organizationOf(handler, owner);
    await join(handler, owner, org.id, admin, 'admin');
    await join(handler, owner, org.id, member);
    return { handler, owner, admin, member, stranger, org };
  }
  const roles = (answer: { json: { members: Array<{ role: string }> } }) => answer.json.members.map((row) => row.role);

  it('sortBy and sortDirection order the page; filterField, filterOperator and filterValue narrow it and its total', async () => {
    const { handler, member, org } = await roster();
    const list = (query: Record<string, string | number>) => as(handler, member).get('/organization/list-members', { organizationId: org.id, ...query });
    expect(roles(await list({ sortBy: 'role' }))).toEqual(['admin', 'member', 'owner']);
    expect(roles(await list({ sortBy: 'role', sortDirection: 'desc' }))).toEqual(['owner', 'member', 'admin']);
    expect(roles(await list({ sortBy: 'createdAt', sortDirection: 'desc', limit: 1 }))).toEqual(['member']);
    const admins = await list({ filterField: 'role', filterValue: 'admin' });
    expect(admins.json).toMatchObject({ total: 1, members: [expect.objectContaining({ role: 'admin', user: expect.objectContaining({ email: expect.any(String) }) })] });
    const notOwners = await list({ filterField: 'role', filterOperator: 'ne', filterValue: 'owner', sortBy: 'role' });
    expect({ total: notOwners.json.total, roles: roles(notOwners) }).toEqual({ total: 2, roles: ['admin', 'member'] });
    expect(roles(await list({ filterField: 'role', filterOperator: 'in', filterValue: 'owner,member', sortBy: 'role' }))).toEqual(['member', 'owner']);
    expect(roles(await list({ filterField: 'role', filterOperator: 'contains', filterValue: 'MIN' }))).toEqual(['admin']);
    expect((await list({ filterField: 'createdAt', filterOperator: 'gt', filterValue: new Date(Date.now() + 60_000).toISOString() })).json).toEqual({ members: [], total: 0 });
  });

  it('an unknown, JSON or ill-typed field or value is a 400 VALIDATION_ERROR, and a stranger is refused whatever the query', async () => {
    const { handler, member, stranger, org } = await roster();
    const list = (query: Record<string, string | number>) => as(handler, member).get('/organization/list-members', { organizationId: org.id, ...query });
    const queries: Array<Record<string, string>> = [
      { sortBy: 'password' },
      { sortBy: 'user.email' },
      { filterField: 'passwordHash', filterValue: 'x' },
      { filterField: 'role', filterOperator: 'like', filterValue: 'x' },
      { filterField: 'createdAt', filterValue: 'not a date' },
      { filterField: 'createdAt', filterOperator: 'contains', filterValue: '2026' },
      { filterField: 'role' },
      { filterField: 'role', filterOperator: 'in', filterValue: ' , ' },
      { filterField: 'metadata', filterValue: '{}' },
      { sortBy: 'role', sortDirection: 'sideways' },
    ];
    for (const query of queries) {
      expect([query, refusal(await list(query))]).toEqual([query, { status: 400, code: 'VALIDATION_ERROR' }]);
    }
    expect(refusal(await as(handler, stranger).get('/organization/list-members', { organizationId: org.id, sortBy: 'role' }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION' });
  });
});
