// The adapter on the tables the package ships (migrations/ run by runMigrations), on every dialect: the path a
// production app takes, where the schema comes from SQL files rather than from TypeORM's synchronize.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMigrations } from '../../migrations';
import { MissingTableError, TypeOrmAdapter, UniqueConstraintError } from '../../adapters/typeorm';
import { createMysqlDatabase, createPostgresSchema, type TestDatabase } from '../support/databases';

const inAnHour = () => new Date(Date.now() + 3_600_000);

function describeOnMigratedTables(name: string, create: () => Promise<{ url: string; drop: () => Promise<void> }>): void {
  describe(`TypeOrmAdapter on the shipped migrations, ${name}`, () => {
    let database: { url: string; drop: () => Promise<void> };
    let db: TypeOrmAdapter;
    let beforeMigrating: unknown;
    beforeAll(async () => {
      database = await create();
      db = await TypeOrmAdapter.connect(database.url);
      beforeMigrating = await db.getUserByEmail('ada@example.com').catch((error: unknown) => error);
      await runMigrations(db.dataSource);
    });
    afterAll(async () => {
      await db?.close();
      await database?.drop();
    });

    test('before the migrations a query names the missing table; after them the built-in classes work', async () => {
      expect(beforeMigrating).toBeInstanceOf(MissingTableError);
      expect((beforeMigrating as Error).message).toMatch(/the table "(\w+\.)?users" \(entity User\) does not exist .*Run migrations/);
      const user = await db.createUser({ email: 'Ada@Example.com', createdAt: new Date('2024-02-03T04:05:06.789Z') });
      expect(user).toMatchObject({ email: 'ada@example.com', emailVerified: false, banned: false, metadata: {}, username: null });
      expect(user.createdAt.toISOString()).toBe('2024-02-03T04:05:06.789Z');
      await db.createSession({ token: 'digest', userId: user.id, expiresAt: inAnHour() });
      expect((await db.getSessionWithUser('digest'))?.user.id).toBe(user.id);
    });

    test('the shipped unique constraints come back as UniqueConstraintError naming the contract fields', async () => {
      const user = await db.createUser({ email: 'grace@example.com', username: 'grace' });
      await expect(db.createUser({ email: 'GRACE@example.com' })).rejects.toEqual(new UniqueConstraintError('user', ['email']));
      await expect(db.createUser({ email: 'other@example.com', username: 'grace' })).rejects.toEqual(new UniqueConstraintError('user', ['username']));
      await db.createSession({ token: 'taken', userId: user.id, expiresAt: inAnHour() });
      await expect(db.createSession({ token: 'taken', userId: user.id, expiresAt: inAnHour() })).rejects.toEqual(new UniqueConstraintError('session', ['token']));
      await db.createAccount({ userId: user.id, providerId: 'github', accountId: '7' });
      await expect(db.createAccount({ userId: user.id, providerId: 'github', accountId: '7' })).rejects.toEqual(
        new UniqueConstraintError('account', ['providerId', 'accountId']),
      );
      const org = await db.createOrganization({ name: 'Acme', slug: 'acme' });
      await expect(db.createOrganization({ name: 'Acme 2', slug: 'acme' })).rejects.toEqual(new UniqueConstraintError('organization', ['slug']));
      await db.createMember({ organizationId: org.id, userId: user.id, role: 'owner' });
      await expect(db.createMember({ organizationId: org.id, userId: user.id })).rejects.toEqual(
        new UniqueConstraintError('member', ['organizationId', 'userId']),
      );
    });

    test('deleting a user or an organization removes what belongs to it, and verifications are single use', async () => {
      const user = await db.createUser({ email: 'doomed@example.com' });
      const org = await db.createOrganization({ name: 'Doomed', slug: 'doomed' });
      await db.createMember({ organizationId: org.id, userId: user.id });
      await db.createInvitation({ organizationId: org.id, email: 'x@example.com', inviterId: user.id, expiresAt: inAnHour() });
      expect(await db.deleteOrganization(org.id)).toBe(true);
      expect(await db.countMembers(org.id)).toBe(0);
      expect(await db.deleteUser(user.id)).toBe(true);
      await db.createVerification({ identifier: 'reset', value: 'v', expiresAt: inAnHour() });
      const results = await Promise.all(Array.from({ length: 10 }, () => db.consumeVerification('reset')));
      expect(results.filter((result) => result !== null)).toHaveLength(1);
    });
  });
}

describeOnMigratedTables('SQLite', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'bae-migrated-'));
  return { url: `sqlite:${join(directory, 'auth.db')}`, drop: async () => rmSync(directory, { recursive: true, force: true }) };
});
describeOnMigratedTables('PostgreSQL', (): Promise<TestDatabase> => createPostgresSchema('migrated'));
describeOnMigratedTables('MariaDB', (): Promise<TestDatabase> => createMysqlDatabase('migrated'));
