import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryDatabaseAdapter, resolveIdStrategy } from 'better-auth-entities/adapters';
import { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import { runMigrations } from 'better-auth-entities/migrations';
import { Account, EntityDefinitionError, Invitation, Member, Organization, Session, User, Verification } from 'better-auth-entities/entities';
import { describeIdConformance } from 'better-auth-entities/testing';
import type { DataSource } from 'typeorm';
import { createPostgresSchema, type TestDatabase } from '../support/databases';
import { NUMERIC_ENTITIES } from './numeric-id-entities';

const BUILTIN = { user: User, session: Session, account: Account, verification: Verification, organization: Organization, member: Member, invitation: Invitation };

describeIdConformance('memory', (options) => new MemoryDatabaseAdapter({}, options));

/**
 * One database per backend holding two table sets: the shipped string-id tables and the numeric-id ones.
 * Each test gets an adapter over the shared DataSource; the database-generated strategies use the classes
 * with `@PrimaryGeneratedColumn()` ids, the others the built-in classes.
 */
function describeSqlIds(name: string, url: () => Promise<string>, drop: () => Promise<void>): void {
  describe(name, () => {
    let strings: DataSource | undefined;
    let numbers: DataSource | undefined;
    beforeAll(async () => {
      const target = await url();
      const builtin = await TypeOrmAdapter.connect(target, BUILTIN);
      // The built-in tables come from the shipped migrations (their classes opt out of synchronize).
      await runMigrations(builtin);
      strings = builtin.dataSource;
      numbers = (await TypeOrmAdapter.connect(target, NUMERIC_ENTITIES)).dataSource;
      await numbers.synchronize();
    });
    afterAll(async () => {
      await strings?.destroy();
      await numbers?.destroy();
      await drop();
    });

    describeIdConformance(name, (options) =>
      resolveIdStrategy(options).databaseGenerated
        ? TypeOrmAdapter.fromDataSource(numbers!, NUMERIC_ENTITIES, options)
        : TypeOrmAdapter.fromDataSource(strings!, BUILTIN, options),
    );
  });
}

const directory = mkdtempSync(join(tmpdir(), 'bae-ids-'));
describeSqlIds('SQLite', async () => `sqlite:${join(directory, 'ids.db')}`, async () => rmSync(directory, { recursive: true, force: true }));

let postgres: TestDatabase | undefined;
describeSqlIds(
  'PostgreSQL',
  async () => (postgres = await createPostgresSchema('ids')).url,
  async () => postgres?.drop(),
);

describe('id options', () => {
  test('useNumberId on classes whose ids the database does not generate fails with the fix in the message', async () => {
    const db = await TypeOrmAdapter.connect('sqlite::memory:', BUILTIN);
    try {
      const failure = (() => {
        try {
          TypeOrmAdapter.fromDataSource(db.dataSource, BUILTIN, { useNumberId: true });
        } catch (error) {
          return error;
        }
      })();
      expect(failure).toBeInstanceOf(EntityDefinitionError);
      expect((failure as Error).message).toMatch(/@PrimaryGeneratedColumn/);
    } finally {
      await db.close();
    }
  });

  test('useNumberId with a generateId strategy is refused, and a custom generator must return a non-empty string', () => {
    expect(() => resolveIdStrategy({ useNumberId: true, generateId: 'uuid' })).toThrow(/leave generateId out/);
    expect(() => resolveIdStrategy({ generateId: () => '' }).next('user')).toThrow(/non-empty string/);
  });

  test('the memory adapter numbers each kind from 1 when the database is to generate ids', async () => {
    const db = new MemoryDatabaseAdapter({}, { useNumberId: true });
    const ids = [await db.createUser({ email: 'a@example.com' }), await db.createUser({ email: 'b@example.com' })].map((user) => user.id);
    expect(ids).toEqual(['1', '2']);
  });
});
