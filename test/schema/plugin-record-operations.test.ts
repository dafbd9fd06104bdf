import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BetterAuth, getAuthSchema, schemaSql, type AuthPlugin, type PluginSchema, type SqlDialect } from 'better-auth-entities';
import { MemoryDatabaseAdapter, type DatabaseAdapter } from 'better-auth-entities/adapters';
import { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import { appEntities } from '../../examples/entities';
import { createMysqlDatabase, createPostgresSchema, type TestDatabase } from '../support/databases';
import { ORIGIN, TEST_SECRET } from '../support/test-auth';

/** One-time codes: the kind of table that needs lookups, counts and a single-use conditional update. */
class OneTimeCodePlugin implements AuthPlugin {
  readonly id = 'one-time-code';
  readonly schema: PluginSchema = {
    tables: {
      oneTimeCode: {
        modelName: 'one_time_code',
        fields: {
          userId: { type: 'string', required: true },
          purpose: { type: 'string', required: true },
          attempts: { type: 'number', required: true, defaultValue: 0 },
          usedAt: { type: 'date' },
          createdAt: { type: 'date', required: true },
        },
        indexes: [{ fields: ['userId', 'purpose'] }, { fields: ['purpose', 'createdAt'], unique: true }],
      },
    },
  };

  routes() {
    return [];
  }
}

function authOn(database: DatabaseAdapter) {
  return new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN }).database(database).plugin(new OneTimeCodePlugin()).build();
}

async function expectOperationsWork(database: DatabaseAdapter): Promise<void> {
  const records = authOn(database).context.records('oneTimeCode');
  const base = Date.UTC(2026, 0, 1);
  const first = await records.create({ userId: 'u1', purpose: 'sign-in', attempts: 0, createdAt: new Date(base) });
  await records.create({ userId: 'u1', purpose: 'reset', attempts: 2, createdAt: new Date(base + 1000) });
  await records.create({ userId: 'u2', purpose: 'sign-in-2', attempts: 0, createdAt: new Date(base + 2000) });

  expect(await records.findOne({ userId: 'u1', purpose: 'reset' })).toMatchObject({ userId: 'u1', purpose: 'reset', attempts: 2, usedAt: null });
  expect(await records.findOne({ userId: 'nobody' })).toBeNull();
  expect(await records.count({ userId: 'u1' })).toBe(2);
  expect(await records.count({})).toBe(3);
  expect(await records.count({ usedAt: null })).toBe(3);

  // Single use under concurrency: ten racing claims of one code, exactly one wins.
  const claims = await Promise.all(Array.from({ length: 10 }, () => records.update({ id: first.id, usedAt: null }, { usedAt: new Date(base + 5000) })));
  expect(claims.filter((count) => count === 1)).toHaveLength(1);
  expect(claims.filter((count) => count === 0)).toHaveLength(9);
  const claimed = await records.findOne({ id: first.id });
  expect((claimed?.usedAt as Date).getTime()).toBe(base + 5000);

  expect(await records.update({ userId: 'u1' }, { attempts: 7 })).toBe(2);
  expect((await records.findMany({ userId: 'u1' }, { orderBy: ['createdAt', 'asc'] })).map((row) => row.attempts)).toEqual([7, 7]);
  await expect(records.update({ userId: 'u1' }, { atempts: 1 })).rejects.toThrow('one_time_code has no field "atempts"');
  expect(await records.count({ attempts: 7 })).toBe(2);

  // A bounded counter under concurrency: twenty racing increments below 12 on attempts = 7 → five count.
  const counted = await Promise.all(
    Array.from({ length: 20 }, () => records.increment({ id: first.id }, 'attempts', { below: 12, values: { usedAt: new Date(base + 9000) } })),
  );
  expect(counted.filter((count) => count === 1)).toHaveLength(5);
  expect(await records.findOne({ id: first.id })).toMatchObject({ attempts: 12, usedAt: new Date(base + 9000) });
  expect(await records.increment({ userId: 'nobody' }, 'attempts', { below: 100 })).toBe(0);
}

const directory = mkdtempSync(join(tmpdir(), 'bae-record-ops-'));
const databases: TestDatabase[] = [];
afterAll(async () => {
  rmSync(directory, { recursive: true, force: true });
  await Promise.all(databases.map((database) => database.drop()));
});

describe('plugin records: findOne, count, conditional update, bounded increment, declared indexes', () => {
  it('declared composite and unique indexes reach the generated schema and SQL', () => {
    const schema = getAuthSchema(authOn(new MemoryDatabaseAdapter(appEntities)));
    const table = schema.tables.find((candidate) => candidate.model === 'oneTimeCode');
    expect(table?.indexes).toEqual([
      { columns: ['user_id', 'purpose'], unique: false },
      { columns: ['purpose', 'created_at'], unique: true },
    ]);
    expect(schemaSql(schema, 'postgres')).toMatch(/CREATE UNIQUE INDEX IF NOT EXISTS "[^"]+" ON "one_time_code" \("purpose", "created_at"\)/);
  });

  it('an index on a field the table does not declare fails with the plugin and field named', () => {
    const broken: AuthPlugin = {
      id: 'broken',
      schema: { tables: { thing: { fields: { name: { type: 'string' } }, indexes: [{ fields: ['nmae'] }] } } },
      routes: () => [],
    };
    const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN }).database(new MemoryDatabaseAdapter(appEntities)).plugin(broken).build();
    expect(() => getAuthSchema(auth)).toThrow('The plugin "broken" indexes thing.nmae, which it does not declare.');
  });

  it('on the memory adapter', async () => {
    await expectOperationsWork(new MemoryDatabaseAdapter(appEntities));
  });

  it.each([
    ['SQLite', 'sqlite' as SqlDialect, async () => `sqlite:${join(directory, 'codes.db')}`],
    ['PostgreSQL', 'postgres' as SqlDialect, async () => { const db = await createPostgresSchema('codes'); databases.push(db); return db.url; }],
    ['MariaDB', 'mysql' as SqlDialect, async () => { const db = await createMysqlDatabase('codes'); databases.push(db); return db.url; }],
  ])('on %s, with the tables generate writes', async (_name, dialect, url) => {
    const database = await TypeOrmAdapter.connect(await url(), appEntities);
    try {
      const sql = schemaSql(getAuthSchema(authOn(database)), dialect);
      for (const statement of sql.split(/;\s*\n/).map((s) => s.replace(/^--.*$/gm, '').trim()).filter(Boolean)) await database.dataSource.query(statement);
      await expectOperationsWork(database);
      // The unique index is real: a second code with the same purpose and time is refused by the database.
      const records = authOn(database).context.records('oneTimeCode');
      await expect(records.create({ userId: 'u3', purpose: 'reset', attempts: 0, createdAt: new Date(Date.UTC(2026, 0, 1) + 1000) })).rejects.toThrow();
    } finally {
      await database.close();
    }
  });
});
