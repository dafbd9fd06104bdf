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
});
