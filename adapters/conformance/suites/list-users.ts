/// <reference types="jest" />
import type { ConformanceAdapter } from '../conformance-entities';
import type { ConformanceTest } from '../harness';

const DAY = 24 * 60 * 60 * 1000;

/** Three users created a day apart, in an order that differs from their email and name order. */
async function seedThree(db: ConformanceAdapter): Promise<void> {
  const start = Date.UTC(2024, 0, 1);
  await db.createUser({ email: 'carol@example.com', name: 'Alice', createdAt: new Date(start) });
  await db.createUser({ email: 'alice@example.com', name: 'Carol', createdAt: new Date(start + DAY) });
  await db.createUser({ email: 'bob@other.org', name: 'Bob', createdAt: new Date(start + 2 * DAY) });
}

const emails = (page: { users: Array<{ email: string | null }> }) => page.users.map((user) => user.email);

/** listUsers: paging, totals, sorting, search and filters of the admin user list. */
export function describeListUsersConformance(test: ConformanceTest): void {
  describe('listing users', () => {
    test('listUsers returns users oldest first by default, with the total', async (db) => {
      await seedThree(db);
      const page = await db.listUsers();
      expect(emails(page)).toEqual(['carol@example.com', 'alice@example.com', 'bob@other.org']);
      expect(page.total).toBe(3);
    });

    test('listUsers pages with limit and offset while total counts every user', async (db) => {
      await seedThree(db);
      expect(await db.listUsers({ limit: 2 }).then(emails)).toEqual(['carol@example.com', 'alice@example.com']);
      const second = await db.listUsers({ limit: 2, offset: 2 });
      expect(emails(second)).toEqual(['bob@other.org']);
      expect(second.total).toBe(3);
      const beyond = await db.listUsers({ limit: 2, offset: 5 });
      expect(beyond).toEqual({ users: [], total: 3 });
    });

    test('listUsers sorts by email, name or createdAt in either direction', async (db) => {
      await seedThree(db);
      expect(await db.listUsers({ sortBy: 'email' }).then(emails)).toEqual(['alice@example.com', 'bob@other.org', 'carol@example.com']);
      expect(await db.listUsers({ sortBy: 'email', sortDirection: 'desc' }).then(emails)).toEqual([
        'carol@example.com',
        'bob@other.org',
        'alice@example.com',
      ]);
      const byName = await db.listUsers({ sortBy: 'name' });
      expect(byName.users.map((user) => user.name)).toEqual(['Alice', 'Bob', 'Carol']);
      expect(await db.listUsers({ sortBy: 'createdAt', sortDirection: 'desc' }).then(emails)).toEqual([
        'bob@other.org',
        'alice@example.com',
        'carol@example.com',
      ]);
    });

    test('listUsers filters by a case-insensitive part of the email, and total counts only the matches', async (db) => {
      await seedThree(db);
      const page = await db.listUsers({ emailContains: 'EXAMPLE.com', sortBy: 'email', limit: 1 });
      expect(emails(page)).toEqual(['alice@example.com']);
      expect(page.total).toBe(2);
      expect(await db.listUsers({ emailContains: 'nowhere' })).toEqual({ users: [], total: 0 });
    });

    test('listUsers searches email or name ignoring case, with contains, starts_with or ends_with', async (db) => {
      await seedThree(db);
      const names = (page: { users: Array<{ name: string | null }> }) => page.users.map((user) => user.name);
      expect(await db.listUsers({ search: { field: 'name', value: 'AR' } }).then(names)).toEqual(['Carol']);
      expect(await db.listUsers({ search: { field: 'name', operator: 'starts_with', value: 'b' } }).then(names)).toEqual(['Bob']);
      expect(await db.listUsers({ search: { field: 'email', operator: 'ends_with', value: 'EXAMPLE.COM' }, sortBy: 'email' }).then(emails)).toEqual([
        'alice@example.com',
        'carol@example.com',
      ]);
      expect(await db.listUsers({ search: { field: 'email', operator: 'starts_with', value: 'example' } })).toEqual({ users: [], total: 0 });
      // `%` and `_` are matched literally, not as wildcards.
      expect((await db.listUsers({ search: { field: 'email', value: '%' } })).total).toBe(0);
    });

    test('listUsers filters on any user field with eq, ne and ordering operators; total counts search and filter together', async (db) => {
      await seedThree(db);
      await db.updateUser((await db.getUserByEmail('bob@other.org'))!.id, { role: 'admin', banned: true });
      expect(await db.listUsers({ filter: { field: 'role', value: 'admin' } }).then(emails)).toEqual(['bob@other.org']);
      expect(await db.listUsers({ filter: { field: 'banned', value: true } }).then(emails)).toEqual(['bob@other.org']);
      expect(await db.listUsers({ filter: { field: 'banned', operator: 'ne', value: true }, sortBy: 'email' }).then(emails)).toEqual([
        'alice@example.com',
        'carol@example.com',
      ]);
      expect(await db.listUsers({ filter: { field: 'email', value: 'ALICE@example.com' } }).then(emails)).toEqual(['alice@example.com']);
      const since = new Date(Date.UTC(2024, 0, 2));
      expect(await db.listUsers({ filter: { field: 'createdAt', operator: 'gte', value: since } }).then(emails)).toEqual(['alice@example.com', 'bob@other.org']);
      expect(await db.listUsers({ filter: { field: 'createdAt', operator: 'lt', value: since } }).then(emails)).toEqual(['carol@example.com']);
      const both = await db.listUsers({ search: { field: 'email', value: 'example' }, filter: { field: 'name', operator: 'contains', value: 'ali' }, limit: 0 });
      expect(both).toEqual({ users: [], total: 1 });
    });

    test('listUsers sorts by any user field', async (db) => {
      await seedThree(db);
      await db.updateUser((await db.getUserByEmail('alice@example.com'))!.id, { role: 'a-role' });
      await db.updateUser((await db.getUserByEmail('bob@other.org'))!.id, { role: 'b-role' });
      expect(await db.listUsers({ sortBy: 'role', sortDirection: 'desc' }).then(emails)).toEqual(['bob@other.org', 'alice@example.com', 'carol@example.com']);
    });

    test('listUsers returns at most 100 users when no limit is given', async (db) => {
      for (let i = 0; i < 101; i++) await db.createUser({ email: `user${String(i).padStart(3, '0')}@example.com` });
      const page = await db.listUsers({ sortBy: 'email' });
      expect(page.users).toHaveLength(100);
      expect(page.total).toBe(101);
      expect(page.users[0].email).toBe('user000@example.com');
    });
  });
}
