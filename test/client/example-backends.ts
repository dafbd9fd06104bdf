import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import type { AppDatabase } from '../../examples/create-auth';
import { appEntities } from '../../examples/entities';
import { openDatabase } from '../../examples/open-database';
import { createPostgresSchema, type TestDatabase } from '../support/databases';

/**
 * The example app's entities on memory and on a PostgreSQL schema of this file's own, for `describe.each`: what
 * the official-client tests of the plugins run against. Call it at the top of a test file; it closes the
 * connection and drops the schema after the file's tests.
 */
export function exampleBackends(schemaLabel: string): Array<[string, () => Promise<AppDatabase>]> {
  let postgres: TestDatabase | undefined;
  let database: (AppDatabase & { close?: () => Promise<void> }) | undefined;
  afterAll(async () => {
    await database?.close?.();
    await postgres?.drop();
  });
  return [
    ['memory', async () => new MemoryDatabaseAdapter(appEntities) as unknown as AppDatabase],
    [
      'PostgreSQL',
      async () => {
        postgres = await createPostgresSchema(schemaLabel);
        database = (await openDatabase([], { DATABASE_URL: postgres.url })).database as unknown as AppDatabase & { close?: () => Promise<void> };
        return database;
      },
    ],
  ];
}
