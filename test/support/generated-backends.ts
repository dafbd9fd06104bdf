import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getAuthSchema, schemaSql, type SqlDialect } from 'better-auth-entities';
import { MemoryDatabaseAdapter, type DatabaseAdapter } from 'better-auth-entities/adapters';
import { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import type { EntityClasses } from 'better-auth-entities/entities';
import { createMysqlDatabase, createPostgresSchema, type TestDatabase } from './databases';

/** An adapter of any entity classes; the tests read them through the API. */
export type AnyDatabase = DatabaseAdapter<any, any, any, any, any, any, any>;

/**
 * Memory, SQLite, PostgreSQL and MariaDB over `entities`, for `describe.each`: each SQL database is the file's
 * own, and its tables are exactly what `generate` writes for the auth `authOn` builds (so record classes'
 * tables, names and own columns come from the schema tools, nothing else). Dropped after the file.
 * @example
 * describe.each(generatedBackends('tf', { records: [AppTwoFactor] }, authOn))('on %s', (_name, open) => { ... });
 */
export function generatedBackends(label: string, entities: EntityClasses<any, any, any, any, any, any, any>, authOn: (database: AnyDatabase) => unknown): Array<[string, () => Promise<AnyDatabase>]> {
  const directory = mkdtempSync(join(tmpdir(), `bae-${label}-`));
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    rmSync(directory, { recursive: true, force: true });
    await Promise.all(databases.map((database) => database.drop()));
  });
  const openSql = async (url: string, dialect: SqlDialect): Promise<AnyDatabase> => {
    const database = await TypeOrmAdapter.connect(url, entities);
    const sql = schemaSql(getAuthSchema(authOn(database) as Parameters<typeof getAuthSchema>[0]), dialect);
    for (const statement of sql.split(/;\s*\n/).map((part) => part.replace(/^--.*$/gm, '').trim()).filter(Boolean)) await database.dataSource.query(statement);
    return database;
  };
  return [
    ['memory', async () => new MemoryDatabaseAdapter(entities)],
    ['SQLite', () => openSql(`sqlite:${join(directory, `${label}.db`)}`, 'sqlite')],
    ['PostgreSQL', async () => { const db = await createPostgresSchema(label); databases.push(db); return openSql(db.url, 'postgres'); }],
    ['MariaDB', async () => { const db = await createMysqlDatabase(label); databases.push(db); return openSql(db.url, 'mysql'); }],
  ];
}
