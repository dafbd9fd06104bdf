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

/** listUsers: paging, totals, sorting and the email filter of the admin user list. */
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

    test('listUsers returns at most 100 users when no limit is given', async (db) => {
      for (let i = 0; i < 101; i++) await db.createUser({ email: `user${String(i).padStart(3, '0')}@example.com` });
      const page = await db.listUsers({ sortBy: 'email' });
      expect(page.users).toHaveLength(100);
      expect(page.total).toBe(101);
      expect(page.users[0].email).toBe('user000@example.com');
    });
  });
}
