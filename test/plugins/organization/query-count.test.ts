import { Client } from 'pg';
import { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import { runMigrations } from 'better-auth-entities/migrations';
import { createPostgresSchema, type TestDatabase } from '../../support/databases';
import { as, orgAuth, person, unique } from './org-support';

/**
 * Reads of a large organization take a fixed number of statements: counted on the PostgreSQL driver itself
 * (every statement any connection sends passes `Client.prototype.query`), the same for 10 members as for 1,000.
 */
const clientPrototype = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
async function countStatements(work: () => Promise<unknown>): Promise<number> {
  const original = clientPrototype.query;
  let count = 0;
  clientPrototype.query = function counted(this: unknown, ...args: unknown[]) {
    count += 1;
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    clientPrototype.query = original;
  }
  return count;
}

describe('organization reads on PostgreSQL', () => {
  let postgres: TestDatabase;
  let database: TypeOrmAdapter<any, any, any, any, any, any, any>;
  beforeAll(async () => {
    postgres = await createPostgresSchema('org-queries');
    database = await TypeOrmAdapter.connect(postgres.url, {});
    await runMigrations(database);
  });
  afterAll(async () => {
    await database.close();
    await postgres.drop();
  });

  /** An organization with `size` members (the owner included), made straight in the database. */
  async function organizationWith(owner: { id: string }, size: number): Promise<string> {
    const organization = await database.createOrganization({ name: 'Big', slug: unique('big') });
    await database.createMember({ organizationId: organization.id, userId: owner.id, role: 'owner' });
    for (let start = 1; start < size; start += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, size - start) }, async (_, index) => {
          const user = await database.createUser({ email: `${unique(`m${start + index}`)}@example.com`, name: 'Member' });
          await database.createMember({ organizationId: organization.id, userId: user.id });
        }),
      );
    }
    return organization.id;
  }

  it('get-full-organization and list-members of a 1,000-member organization take as many statements as of a 10-member one', async () => {
    const { handler } = orgAuth(database, { membershipLimit: 2000 });
    const owner = await person(handler, database);
    const small = await organizationWith(owner, 10);
    const large = await organizationWith(owner, 1000);
    const caller = as(handler, owner);

    const fullOf = async (organizationId: string) => {
      let members = 0;
      const statements = await countStatements(async () => {
        const answer = await caller.get('/organization/get-full-organization', { organizationId, membersLimit: 1000 });
        members = answer.json.members.length;
      });
      return { statements, members };
    };
    const listOf = async (organizationId: string) => {
      let answer: { total: number; members: Array<{ user: { email: string } }> } = { total: 0, members: [] };
      const statements = await countStatements(async () => {
        answer = (await caller.get('/organization/list-members', { organizationId, limit: 1000 })).json;
      });
      return { statements, total: answer.total, withUsers: answer.members.every((member) => member.user.email.endsWith('@example.com')) };
    };

    const [fullSmall, fullLarge] = [await fullOf(small), await fullOf(large)];
    expect(fullSmall.members).toBe(10);
    expect(fullLarge.members).toBe(1000);
    // The session lookup, the organization, the membership, a page of members, their users, the invitations.
    expect(fullSmall.statements).toBeGreaterThanOrEqual(5);
    expect(fullLarge.statements).toBe(fullSmall.statements);
    expect(fullLarge.statements).toBeLessThanOrEqual(8);

    const [listSmall, listLarge] = [await listOf(small), await listOf(large)];
    expect(listLarge).toMatchObject({ total: 1000, withUsers: true });
    expect(listSmall.statements).toBeGreaterThanOrEqual(4);
    expect(listLarge.statements).toBe(listSmall.statements);
    expect(listLarge.statements).toBeLessThanOrEqual(8);
  }, 120_000);

  /** An organization with teams on, `teams` teams and `teamSize` members in its first team (the owner included). */
  async function teamsWith(auth: ReturnType<typeof orgAuth>['auth'], owner: { id: string }, teams: number, teamSize: number): Promise<{ organizationId: string; teamId: string }> {
    const organizationId = await organizationWith(owner, teamSize);
    const records = (model: string) => auth.context.records(model);
    const now = Date.now();
    const created = [];
    for (let i = 0; i < teams; i += 1) created.push(await records('team').create({ name: `Team ${i}`, organizationId, createdAt: new Date(now + i), updatedAt: null }));
    await Promise.all(created.map((team) => records('teamMember').create({ teamId: team.id, userId: owner.id, createdAt: new Date() })));
    for (const member of await database.listMembers(organizationId)) {
      if (member.userId !== owner.id) await records('teamMember').create({ teamId: created[0].id, userId: member.userId, createdAt: new Date() });
    }
    return { organizationId, teamId: String(created[0].id) };
  }

  it('team lists and a sorted, filtered list-members take as many statements for 100 teams and members as for 5', async () => {
    const { auth, handler } = orgAuth(database, { membershipLimit: 2000, teams: { enabled: true } });
    const owner = await person(handler, database);
    const small = await teamsWith(auth, owner, 5, 5);
    const large = await teamsWith(auth, owner, 100, 100);
    const caller = as(handler, owner);
    const measure = async (read: (target: { organizationId: string; teamId: string }) => Promise<number>) => {
      let [smallRows, largeRows] = [0, 0];
      const smallStatements = await countStatements(async () => (smallRows = await read(small)));
      const largeStatements = await countStatements(async () => (largeRows = await read(large)));
      return { smallRows, largeRows, smallStatements, largeStatements };
    };
    const listTeams = await measure(async ({ organizationId }) => (await caller.get('/organization/list-teams', { organizationId })).json.length);
    expect(listTeams).toMatchObject({ smallRows: 5, largeRows: 100 });
    expect(listTeams.largeStatements).toBe(listTeams.smallStatements);
    const userTeams = await measure(async ({ organizationId }) => (await caller.get('/organization/list-user-teams', { organizationId })).json.length);
    expect(userTeams).toMatchObject({ smallRows: 5, largeRows: 100 });
    expect(userTeams.largeStatements).toBe(userTeams.smallStatements);
    const teamMembers = await measure(async ({ teamId }) => (await caller.get('/organization/list-team-members', { teamId })).json.length);
    expect(teamMembers).toMatchObject({ smallRows: 5, largeRows: 100 });
    expect(teamMembers.largeStatements).toBe(teamMembers.smallStatements);
    const sorted = await measure(async ({ organizationId }) => {
      const query = { organizationId, limit: 1000, sortBy: 'createdAt', sortDirection: 'desc', filterField: 'role', filterOperator: 'ne', filterValue: 'owner' };
      return (await caller.get('/organization/list-members', query)).json.members.length;
    });
    expect(sorted).toMatchObject({ smallRows: 4, largeRows: 99 });
    expect(sorted.largeStatements).toBe(sorted.smallStatements);
    expect(sorted.largeStatements).toBeLessThanOrEqual(8);
  }, 120_000);
});
