import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryDatabaseAdapter, type DatabaseAdapter } from 'better-auth-entities/adapters';
import { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import { runMigrations } from 'better-auth-entities/migrations';
import { createPostgresSchema, type TestDatabase } from './databases';

/** An adapter over the built-in classes (which carry username, role, ban and impersonation fields). */
// The built-in classes' types vary by backend; the tests read them through the API.
export type BuiltinDatabase = DatabaseAdapter<any, any, any, any, any, any, any>;

/**
 * Memory, SQLite and PostgreSQL with the built-in entity classes, for `describe.each`: the SQL ones get the
 * shipped migrations once per test file and are closed and dropped after it. Each entry opens its backend and
 * returns how to get the database (a fresh memory adapter per call; the one SQL database otherwise).
 * @example
 * describe.each(builtinBackends('admin'))('admin on %s', (_name, open) => { ... });
 */
export function builtinBackends(label: string): Array<[string, () => Promise<() => BuiltinDatabase>]> {
  const directory = mkdtempSync(join(tmpdir(), `bae-${label}-`));
  let postgres: TestDatabase | undefined;
  const opened: TypeOrmAdapter<any, any, any, any, any, any, any>[] = [];
  afterAll(async () => {
    for (const database of opened) await database.close();
    rmSync(directory, { recursive: true, force: true });
    await postgres?.drop();
  });
  const migrated = async (url: string): Promise<BuiltinDatabase> => {
    const database = await TypeOrmAdapter.connect(url, {});
    await runMigrations(database);
    opened.push(database);
    return database;
  };
  return [
    ['memory', async () => () => new MemoryDatabaseAdapter()],
    ['SQLite', async () => { const database = await migrated(`sqlite:${join(directory, `${label}.db`)}`); return () => database; }],
    ['PostgreSQL', async () => { const database = await migrated((postgres = await createPostgresSchema(label)).url); return () => database; }],
  ];
}
